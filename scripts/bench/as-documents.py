#!/usr/bin/env python3
"""Makes the benchmark corpus's "Văn bản chỉ đạo, điều hành" articles into documents (văn bản),
so the benchmark builds the documents list, its data and filters, and each document's page and
status, as a portal with documents would. Hugo builds its own corpus, without them.

    scripts/bench/as-documents.py SITE     (prints how many documents it made)

Each gets `type: van-ban` and the document fields, derived deterministically from its place in
the sorted file list: a number unique per body and year, a type and a body in turn, its date as
the day of issue, its title as the trích yếu; one in ten replaces the body's previous document.
The category is kept, so the category pages Hugo builds are still built."""
import os
import re
import sys

TYPES = ["Quyết định", "Kế hoạch", "Công văn", "Thông báo", "Hướng dẫn"]
CODES = {"Quyết định": "QĐ", "Kế hoạch": "KH", "Công văn": "CV", "Thông báo": "TB", "Hướng dẫn": "HD"}
BODIES = [("UBND tỉnh Cao Bằng", "UBND"), ("Sở Nội vụ", "SNV"), ("Ban Thi đua - Khen thưởng tỉnh", "BTĐKT")]
FIELDS = ["Thi đua - Khen thưởng", "Tổ chức - Cán bộ", "Văn hóa - Xã hội"]


def main():
    site = sys.argv[1]
    files = []
    for folder, _, names in os.walk(os.path.join(site, "content")):
        files += [os.path.join(folder, n) for n in names if n.endswith(".md")]
    made = 0
    numbers = {}
    last = {}
    for path in sorted(files):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if "\ncategory: van-ban-chi-dao\n" not in text:
            continue
        title = re.search(r'^title: "?(.*?)"?$', text, re.M).group(1)
        day = re.search(r"^date: (\d{4})-(\d\d)-(\d\d)", text, re.M)
        year = day.group(1)
        doc_type = TYPES[made % len(TYPES)]
        body, body_code = BODIES[made % len(BODIES)]
        numbers[(body, year)] = numbers.get((body, year), 0) + 1
        number = f"{numbers[(body, year)]}/{CODES[doc_type]}-{body_code}"
        fields = [
            "type: van-ban", f"so_ky_hieu: {number}", f"loai: {doc_type}", f"co_quan: {body}",
            f"ngay_ban_hanh: {year}-{day.group(2)}-{day.group(3)}", f"linh_vuc: [{FIELDS[made % len(FIELDS)]}]",
            f'trich_yeu: "{title}"',
        ]
        if made % 10 == 9 and body in last:
            fields.append(f"thay_the: [{last[body]}]")
        last[body] = number
        text = "---\n" + "\n".join(fields) + "\n" + text[len("---\n"):]
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        made += 1
    print(made)


if __name__ == "__main__":
    main()
