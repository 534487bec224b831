#!/usr/bin/env python3
"""Articles with script payloads in every field and body: if one ever ran in a browser it
would set data-pwned="1" on the page.

    make_hostile_articles.py ARTICLES_DIR
"""
import json, pathlib, sys
mark = "document.documentElement.setAttribute('data-pwned','1')"
payloads = [f"<script>{mark}</script>", f'"><img src=x onerror="{mark}">', f"' onmouseover='{mark}' x='",
            f"javascript:{mark}", f"</title><script>{mark}</script>", f'"><svg onload="{mark}">']
for i, p in enumerate(payloads):
    q = json.dumps(p, ensure_ascii=False)
    front = "\n".join([f"title: {json.dumps('Tin ' + str(i) + ' ' + p, ensure_ascii=False)}", f"slug: tin-{i}",
        "date: 2019-07-09", "category: tin", f"bloc: {q}", f"units: [{q}]", f"tags: [{q}]", f"author: {q}",
        f"source: {q}", f"summary: {q}", f"image_caption: {q}", f"meeting: {q}"])
    body = f"{p}\n\n[bấm](javascript:{mark})\n\n<img src=x onerror=\"{mark}\">\n"
    pathlib.Path(sys.argv[1], f"tin-{i}.md").write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8")
