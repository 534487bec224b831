#!/usr/bin/env bash
# Benchmark of photos: a generated site of N articles (default 1000), each with its own
# 4000x3000 JPEG lead photo, built with a release build of build-site.
#
#   scripts/bench/photos.sh [N]
#
# Prints: the first build (wall, CPU, peak memory) with the photos and without them (the same
# site, image lines removed), so the CPU per photo for all its variants is the difference over
# N; the no-op rebuild; the rebuild after one photo is replaced; and what a browser loads for
# the home page and one category page with their images (1280 px wide at 1x, 375 px at 2x),
# against the photos' original bytes that the same lists loaded before.
#
# The photos: BASES (default 8) meeting scenes drawn by scripts/sample/make-photos.py (quality
# 92, sensor noise: 5-6 MB each, as phones write them), each copied N/BASES times with its own
# JPEG comment segment, so all N files differ (each is hashed, cached and decoded on its own)
# while only BASES scenes are drawn. Kept in a temporary folder, never in git.
# Needs: python3 with numpy, vips (libvips-tools), /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${1:-1000}
BASES=${BASES:-8}
SEED=${SEED:-1}
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || GEN=$ROOT/scripts/bench/gen_corpus.py
. scripts/lib/need.sh
need_program vips libvips-tools
python3 -c 'import numpy' 2>/dev/null || need_program python3-numpy python3-numpy
. scripts/lib/bench-build.sh

printf '%s\n' "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; libvips $(vips --version | cut -d- -f2)"
SITE=$WORK/site
python3 "$GEN" --articles "$N" --out "$SITE" --seed "$SEED" >/dev/null
python3 scripts/sample/make-photos.py --bench "$WORK/bases" "$BASES"
python3 - "$SITE" "$WORK/bases" "$N" "$BASES" <<'EOF'
import os, sys
site, bases, n, b = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
images = os.path.join(site, "content/images/bench")
os.makedirs(images, exist_ok=True)
data = [open(os.path.join(bases, f"base{i}.jpg"), "rb").read() for i in range(b)]
articles = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content")) for f in fs if f.endswith(".md"))
for i, path in enumerate(articles[:n]):
    comment = f"photo {i}".encode()
    jpeg = data[i % b]
    # A COM segment right after SOI: the same pixels, other bytes.
    photo = jpeg[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + jpeg[2:]
    open(os.path.join(images, f"p{i}.jpg"), "wb").write(photo)
    text = open(path, encoding="utf-8").read()
    lines = [l for l in text.split("\n") if not l.startswith("image:")]
    lines.insert(1, f"image: images/bench/p{i}.jpg")
    open(path, "w", encoding="utf-8").write("\n".join(lines))
EOF
du -sh "$SITE/content/images/bench" | awk '{print "photos: '"$N"' files, " $1}'

# The same site without photos: the CPU the photos cost is the difference.
cp -r "$SITE" "$WORK/plain"
rm -rf "$WORK/plain/content/images/bench"
find "$WORK/plain/content" -name '*.md' -exec sed -i '/^image: images\/bench\//d' {} +
read -r pw pc pm <<<"$(measure "$BIN" --source "$WORK/plain" --quiet)"
read -r fw fc fm <<<"$(measure "$BIN" --source "$SITE" --quiet)"
printf 'first build without photos: %6.2f s wall, %7.2f s CPU, %5d MB peak\n' "$pw" "$pc" "$pm"
printf 'first build with %d photos: %6.2f s wall, %7.2f s CPU, %5d MB peak\n' "$N" "$fw" "$fc" "$fm"
awk -v f="$fc" -v p="$pc" -v n="$N" 'BEGIN { printf "CPU per photo, all its variants: %.0f ms\n", (f - p) * 1000 / n }'
read -r nw nc nm <<<"$(measure "$BIN" --source "$SITE" --quiet)"
printf 'no-op rebuild: %.2f s wall, %d MB peak\n' "$nw" "$nm"
python3 - "$SITE/content/images/bench/p7.jpg" "$WORK/bases/base0.jpg" <<'EOF'
import sys
jpeg = open(sys.argv[2], "rb").read()
comment = b"replaced photo"
open(sys.argv[1], "wb").write(jpeg[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + jpeg[2:])
EOF
read -r cw cc cm <<<"$(measure "$BIN" --source "$SITE" --report json)"
made=$(grep -o '"photos_made":[0-9]*' "$WORK/out.log" | cut -d: -f2)
printf 'one photo replaced: %.2f s wall, %.2f s CPU, %d MB peak, %s photo(s) decoded\n' "$cw" "$cc" "$cm" "$made"

# What a browser loads: the page, its CSS and JS, and for each image the candidate it picks.
python3 - "$SITE/public" <<'EOF'
import os, re, sys
public = sys.argv[1]
def size(url):
    path = os.path.join(public, url.split("?")[0].lstrip("/"))
    return os.path.getsize(path) if os.path.isfile(path) else 0
def slot(sizes, width):
    for part in sizes.split(","):
        part = part.strip()
        m = re.match(r"\(max-width:\s*(\d+)px\)\s*(.+)", part)
        if m and width > int(m.group(1)):
            continue
        value = m.group(2) if m else part
        return width if value.endswith("vw") else int(value.rstrip("px"))
    return width
def pick(srcset, sizes, width, dpr):
    need = slot(sizes, width) * dpr
    candidates = sorted((int(w[:-1]), u) for u, w in (c.strip().rsplit(" ", 1) for c in srcset.split(",")))
    for w, u in candidates:
        if w >= need:
            return u
    return candidates[-1][1]
def loaded(page, width, dpr):
    html = open(os.path.join(public, page), encoding="utf-8").read()
    total = len(html.encode()) + sum(size(u) for u in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html))
    total += sum(size(u) for u in re.findall(r'<script[^>]* src="([^"]+)"', html))
    originals = 0
    for picture in re.findall(r"<picture>.*?</picture>", html, re.S):
        webp = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)"', picture)
        img = re.search(r'<img src="([^"]+)"(?: srcset="([^"]+)" sizes="([^"]+)")?', picture)
        total += size(pick(webp.group(1), webp.group(2), width, dpr)) if webp else size(img.group(1))
        original = re.sub(r"-(\d+w|\d+x\d+)\.[0-9a-f]+\.\w+$", ".jpg", img.group(1))
        originals += size(original)
    return total, originals, html.count("<picture>")
for label, page in [("home page", "index.html"), ("category page", "chuyen-muc/tin-hoat-dong-cum-khoi/index.html")]:
    for width, dpr in [(1280, 1), (375, 2)]:
        total, originals, count = loaded(page, width, dpr)
        print(f"{label} at {width} px x{dpr}: {total / 1024:.0f} KB with its {count} photos "
              f"(the original photos alone: {originals / 1048576:.1f} MB)")
EOF
