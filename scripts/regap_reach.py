"""How often the gap blind judges asked for is one choice away in the review step's "Gap…" menu (G).

    python scripts/regap_reach.py [--show]

`docs/judging/gap-choices.json` holds sentences whose gap judges sent back ("bad") together with the gap they wanted
("good", from "gap 'X' instead"). For each, a cloze gapping the first bad gap is drafted and `Regapper.choices`
asked what the gap could move to: *reached* when a wanted gap is among them (then the fix is G and one choice),
otherwise the reviewer types the words ("Other words…"). Needs no article: the choices come from the sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ketaquiz.core.article import parse_article  # noqa: E402
from ketaquiz.core.generate.regap import Regapper  # noqa: E402
from ketaquiz.core.questions import Question  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print the sentences whose wanted gap is not offered")
    args = ap.parse_args(argv)
    entries = json.loads((ROOT / "docs" / "judging" / "gap-choices.json").read_text(encoding="utf-8"))
    regapper = Regapper(parse_article("# Any\n\nA sentence.\n"))
    reached = tried = 0
    for e in entries:
        bad = next((b for b in e["bad"] if re.search(rf"\b{re.escape(b)}\b", e["source"])), None)
        if bad is None or not e["good"]:
            continue
        prompt = re.sub(rf"\b{re.escape(bad)}\b", lambda m: "{{" + m.group(0) + "}}", e["source"], count=1)
        q = Question(id="q", topic="t", type="cloze", prompt=prompt, source=e["source"])
        offered = {c.casefold() for c in regapper.choices(q)}
        tried += 1
        if any(g.casefold() in offered for g in e["good"]):
            reached += 1
        elif args.show:
            print(f"- {e['article']}: wanted {e['good']} in “{prompt}”")
    print(f"{reached} of {tried} sentences ({reached / max(tried, 1):.0%}): the gap judges wanted is one choice away")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
