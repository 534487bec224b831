#!/usr/bin/env python3
"""Draws meeting scenes as photos, made by the project so nobody's photo is copied.

  make-photos.py [OUT]                          the sample portal's photos (content/images/2019/),
                                                committed: run only when they are to change
  make-photos.py --bench OUT COUNT              COUNT camera-sized photos (4000x3000, quality 92,
                                                sensor noise) for scripts/bench/photos.sh

Needs numpy and the `vips` command (libvips-tools)."""
import os
import subprocess
import sys
import tempfile

import numpy as np

SCENES = [
    # file, banner text, wall colour, banner colour, seed
    ("hoi-nghi-so-ket-6-thang.jpg", "HỘI NGHỊ SƠ KẾT 6 THÁNG ĐẦU NĂM 2019", (236, 226, 200), (178, 24, 28), 1),
    ("ky-ket-giao-uoc-thi-dua.jpg", "LỄ KÝ KẾT GIAO ƯỚC THI ĐUA NĂM 2019", (222, 232, 240), (25, 70, 140), 2),
    ("trao-bang-khen.jpg", "TRAO BẰNG KHEN CHO CÁC TẬP THỂ, CÁ NHÂN", (240, 222, 206), (160, 30, 40), 3),
    ("hoi-thao-chuyen-doi-so.jpg", "HỘI THẢO CHUYỂN ĐỔI SỐ CẤP HUYỆN", (214, 228, 214), (20, 110, 70), 4),
]


def text_mask(text, width_px, dpi):
    with tempfile.TemporaryDirectory() as tmp:
        v = os.path.join(tmp, "t.v")
        subprocess.run(["vips", "text", v, text, "--font", "DejaVu Sans Bold", "--width", str(width_px),
                        "--dpi", str(dpi), "--align", "centre"], check=True)
        w = int(subprocess.check_output(["vipsheader", "-f", "width", v]))
        h = int(subprocess.check_output(["vipsheader", "-f", "height", v]))
        raw = os.path.join(tmp, "t.raw")
        subprocess.run(["vips", "rawsave", v, raw], check=True)
        return np.fromfile(raw, dtype=np.uint8).reshape(h, w).astype(np.float32) / 255


def scene(text, wall, banner, seed, W=2400, H=1800, noise=3):
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 1, H)[:, None, None]
    img = np.array(wall, np.float32) * (1.05 - 0.25 * y) * np.ones((H, W, 3), np.float32)
    # Banner across the back wall, with its text in yellow.
    top, bottom = int(H * .08), int(H * .30)
    img[top:bottom, int(W * .06):int(W * .94)] = banner
    mask = text_mask(text, int(W * .8), 720 * W // 2400)
    mh, mw = mask.shape
    mh, mw = min(mh, bottom - top - 20), min(mw, int(W * .86))
    oy, ox = top + (bottom - top - mh) // 2, (W - mw) // 2
    region = img[oy:oy + mh, ox:ox + mw]
    region[:] = region * (1 - mask[:mh, :mw, None]) + np.array((255, 214, 64)) * mask[:mh, :mw, None]
    # Stage, table with a cloth, and the rows of the audience in front.
    img[int(H * .52):int(H * .60)] = (120, 78, 48)
    img[int(H * .45):int(H * .52), int(W * .2):int(W * .8)] = (30, 60, 130)
    yy, xx = np.mgrid[0:H, 0:W]
    for row in range(4):
        cy = int(H * (.68 + row * .09))
        for k in range(14):
            cx = int(W * (k + .5 + rng.uniform(-.2, .2)) / 14)
            r = int(H * (.035 + row * .006))
            head = (xx - cx) ** 2 + (yy - cy) ** 2 < r * r
            img[head] = (40 + rng.integers(0, 30),) * 3
            body = (abs(xx - cx) < r * 1.6) & (yy > cy + r * .8) & (yy < cy + r * 4)
            img[body] = rng.choice([(230, 230, 235), (60, 70, 90), (200, 190, 170)])
    img += rng.normal(0, noise, img.shape).astype(np.float32)  # sensor noise, so it compresses like a photo
    return np.clip(img, 0, 255).astype(np.uint8)


def save(pixels, path, quality):
    h, w, _ = pixels.shape
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "s.raw")
        pixels.tofile(raw)
        subprocess.run(["vips", "rawload", raw, path + f"[Q={quality},strip]", str(w), str(h), "3"], check=True)


def bench(out, count):
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        name, text, wall, banner, _ = SCENES[i % len(SCENES)]
        shade = tuple(min(255, c + (i * 7) % 30) for c in wall)
        save(scene(text, shade, banner, 100 + i, W=4000, H=3000, noise=6), os.path.join(out, f"base{i}.jpg"), 92)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--bench":
        bench(sys.argv[2], int(sys.argv[3]))
        return
    out = sys.argv[1] if len(sys.argv) > 1 else "content/images/2019"
    os.makedirs(out, exist_ok=True)
    for name, text, wall, banner, seed in SCENES:
        save(scene(text, wall, banner, seed), os.path.join(out, name), 80)
        print(name, os.path.getsize(os.path.join(out, name)), "bytes")


if __name__ == "__main__":
    main()
