#!/usr/bin/env python3
"""Lists the functions (and initializers, closures passed as bodies excluded) longer than a limit
in Swift sources, longest first; exits 1 when there is one.

    function_lengths.py LIMIT FOLDER...
"""
import pathlib
import re
import sys

DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|final|override|"
                  r"mutating|nonisolated|package|@discardableResult)\s+)*(?:func\s+[^\s(<]+|init[?!]?)\s*[(<]")


def long_functions(path, limit):
    lines = path.read_text(encoding="utf-8").split("\n")
    found = []
    i = 0
    while i < len(lines):
        if DECL.match(lines[i]):
            depth, started, j = 0, False, i
            while j < len(lines):
                code = re.sub(r'"(?:\\.|[^"\\])*"', '""', lines[j].split("//")[0])
                depth += code.count("{") - code.count("}")
                started = started or "{" in code
                if started and depth <= 0:
                    break
                j += 1
            length = j - i + 1
            if started and length > limit:
                found.append((length, f"{path}:{i + 1}: {lines[i].strip()[:90]}"))
            i += 1
        else:
            i += 1
    return found


limit = int(sys.argv[1])
results = []
for folder in sys.argv[2:]:
    for path in sorted(pathlib.Path(folder).rglob("*.swift")):
        results += long_functions(path, limit)
for length, where in sorted(results, reverse=True):
    print(f"{length:4d} lines  {where}")
sys.exit(1 if results else 0)
