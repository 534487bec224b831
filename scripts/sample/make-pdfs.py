#!/usr/bin/env python3
"""Writes the sample portal's PDF attachments (content/files/*/*.pdf): one-page documents made
by the project, so the sample shows "Tệp đính kèm" without copying a portal's file. Standard
library only; the text is ASCII (the PDF's built-in Helvetica has no Vietnamese letters).
Run from the repository root; the output is committed."""
import os
import sys

DOCUMENTS = [
    ("2019/ke-hoach-thi-dua-2019.pdf", ["UBND TINH CAO BANG", "KE HOACH", "To chuc phong trao thi dua nam 2019",
                                   "cua Khoi giao uoc thi dua cac huyen mien Dong",
                                   "(Tai lieu mau cua cong thong tin, khong co gia tri phap ly)"]),
    ("2019/quyet-dinh-khen-thuong-2019.pdf", ["UBND TINH CAO BANG", "QUYET DINH", "Ve viec khen thuong cac tap the",
                                         "co thanh tich xuat sac 6 thang dau nam 2019",
                                         "(Tai lieu mau cua cong thong tin, khong co gia tri phap ly)"]),
    ("2019/huong-dan-thi-dua-2019.pdf", ["BAN THI DUA - KHEN THUONG TINH CAO BANG", "HUONG DAN",
                                         "Cong tac thi dua, khen thuong nam 2019",
                                         "(Tai lieu mau cua cong thong tin, khong co gia tri phap ly)"]),
    ("2019/cong-van-dang-ky-thi-dua-2020.pdf", ["SO NOI VU TINH CAO BANG", "CONG VAN",
                                                "Ve viec dang ky giao uoc thi dua nam 2020",
                                                "(Tai lieu mau cua cong thong tin, khong co gia tri phap ly)"]),
    ("2020/ke-hoach-thi-dua-2020.pdf", ["UBND TINH CAO BANG", "KE HOACH", "To chuc phong trao thi dua nam 2020",
                                        "(thay the Ke hoach so 45/KH-UBND nam 2019)",
                                        "(Tai lieu mau cua cong thong tin, khong co gia tri phap ly)"]),
]


def pdf(lines):
    text = "BT /F1 16 Tf 72 770 Td 22 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "content/files"
    for name, lines in DOCUMENTS:
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        with open(os.path.join(folder, name), "wb") as f:
            f.write(pdf(lines))
        print(name)


if __name__ == "__main__":
    main()
