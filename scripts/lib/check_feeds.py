#!/usr/bin/env python3
"""Every RSS feed of a built site parses with feedparser, as RSS 2.0, each item with an
absolute link and a date.

    check_feeds.py OUTPUT_DIR NAME
"""
import pathlib, sys, feedparser
out, name = pathlib.Path(sys.argv[1]), sys.argv[2]
feeds = [p for p in out.rglob("*.xml") if p.name != "sitemap.xml"]
for feed in feeds:
    parsed = feedparser.parse(feed.read_bytes())
    if parsed.bozo:
        sys.exit(f"validate: {feed}: not a valid feed: {parsed.bozo_exception}")
    if parsed.version != "rss20":
        sys.exit(f"validate: {feed}: expected RSS 2.0, got {parsed.version!r}")
    for entry in parsed.entries:
        if not entry.get("link", "").startswith("http") or not entry.get("published_parsed"):
            sys.exit(f"validate: {feed}: item without an absolute link or a date: {entry.get('title')}")
print(f"validate: {name}: feedparser: {len(feeds)} feeds, all RSS 2.0 without errors")
