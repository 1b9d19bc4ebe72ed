"""Count the string switches on question type: lines of ketaquiz/ that compare something with a type's name
(``q.type == "cloze"``, ``qtype in ("choice", "multi")``) or key a table by it (``"short": …``).

    python scripts/type_switches.py [REVISION]     # default: the work tree; e.g. 0454cb6 for before the registry

Found with ``git grep -n -P``; prints the count per file, then the total, with the generator's files
(core/generate/, core/quality.py: another owner's) counted apart. The type modules in core/question_types/
name their own type once (``name = "cloze"``): a declaration, not a switch, and not matched.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

NAMES = "choice|multi|truefalse|cloze|short|order"
LIT = rf"[\"']({NAMES})[\"']"
PATTERN = (rf"(==|!=)\s*{LIT}|{LIT}\s*(==|!=)"  # a comparison
           rf"|\bin\s*[\(\[\{{][^\)\]\}}]*{LIT}"  # membership in a literal tuple, list or set
           rf"|^\s*{LIT}\s*:")  # a key of a table by type
GENERATOR = ("ketaquiz/core/generate/", "ketaquiz/core/quality.py")


def main(argv: list[str]) -> int:
    rev = argv[1:2]
    out = subprocess.run(["git", "grep", "-n", "-P", PATTERN, *rev, "--", "ketaquiz"],
                         capture_output=True, text=True, check=False).stdout
    per_file: Counter[str] = Counter()
    for line in out.splitlines():
        path = line.split(":", 2 if not rev else 3)[1 if rev else 0]
        if re.search(PATTERN, line.split(":", 3 if rev else 2)[-1]):
            per_file[path] += 1
    mine = {f: n for f, n in per_file.items() if not f.startswith(GENERATOR)}
    for f, n in sorted(mine.items(), key=lambda x: (-x[1], x[0])):
        print(f"{n:4}  {f}")
    gen = sum(n for f, n in per_file.items() if f.startswith(GENERATOR))
    print(f"{sum(mine.values()):4}  total in {len(mine)} files (and {gen} in the generator's files)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
