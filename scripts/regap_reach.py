"""How often the gap blind judges asked for is one choice away in the review step's "Gap…" menu (G), and how near
the top of the menu it sits.

    python scripts/regap_reach.py [--show] [--articles DIR ...]

Two sets of judged sentences, each with the gap judges sent back ("bad") and the gap they wanted ("good"):

- `docs/judging/gap-choices.json`: the development articles (the corpus and the four later ones), from "gap 'X'
  instead" in the verdicts; the weights of `Regapper.gap_promise` were fitted to these;
- `docs/judging/gap-choices-held.json`: the held-out sets 19–23 and 25, the word each judge picked from the menu's
  choices in a second pass ("one choice makes it a keep"); not used to fit anything (held-23 and held-25 were judged
  after the order was written, on a sentence-order menu).

For each, a cloze gapping the first bad gap is drafted and `Regapper.choices` asked what the gap could move to:
*reached* when a wanted gap is among them (then the fix is G and one choice), otherwise the reviewer types the
words ("Other words…"). *First* and *top three* count where the wanted gap sits: in sentence order (the menu's
order before the likeliest came first) and in `Regapper.likeliest` order, which the menu now shows first (G then 1
takes the first). The order needs the article (its term scores); an article not found under `--articles` (default:
`../shared/corpus`, and the folders the SOURCES.md recipes rebuild the other articles into) is skipped and counted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ketaquiz.core.article import load_article, parse_article  # noqa: E402
from ketaquiz.core.generate.regap import Regapper  # noqa: E402
from ketaquiz.core.questions import Question  # noqa: E402

CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
# where the recipes of docs/judging/ab-3/unseen and held-19 … held-22 (SOURCES.md) were rebuilt on this machine
REBUILT = [Path("/tmp/unseen"), Path("/tmp/nineteen"), Path("/tmp/twenty"), Path("/tmp/twentyone"),
           Path("/tmp/twentytwo"), Path("/tmp/twentythree"), Path("/tmp/twentyfive")]


def _rank(choices: list[str], good: list[str]) -> int | None:
    wanted = {g.casefold() for g in good}
    return next((i for i, c in enumerate(choices) if c.casefold() in wanted), None)


def _drafted(e: dict) -> Question | None:
    """The question as judged: its own prompt where the entry keeps it (held-out sets), else a cloze on the source
    sentence gapping the first bad gap (the development articles' entries keep only the sentence)."""
    if not e["good"]:
        return None
    if "prompt" in e:
        return Question(id=e.get("id", "q"), topic="t", type=e.get("type", "cloze"), prompt=e["prompt"],
                        answer=e.get("answer") if e.get("type") == "choice" else None, source=e["source"])
    bad = next((b for b in e["bad"] if re.search(rf"\b{re.escape(b)}\b", e["source"])), None)
    if bad is None:
        return None
    prompt = re.sub(rf"\b{re.escape(bad)}\b", lambda m: "{{" + m.group(0) + "}}", e["source"], count=1)
    return Question(id="q", topic="t", type="cloze", prompt=prompt, source=e["source"])


def measure(entries: list[dict], folders: list[Path], show: bool = False) -> dict[str, int]:
    """Reached, first and top three in sentence order and in likeliest order, over the entries."""
    tools: dict[str, Regapper | None] = {}
    plain = Regapper(parse_article("# Any\n\nA sentence.\n"))
    t = dict(tried=0, reached=0, first=0, top3=0, likeliest_first=0, likeliest_top3=0, no_article=0)
    for e in entries:
        q = _drafted(e)
        if q is None:
            continue
        prompt = q.prompt
        t["tried"] += 1
        at = _rank(plain.choices(q), e["good"])
        if at is None:
            if show:
                print(f"- {e['article']}: wanted {e['good']} in “{prompt}”")
            continue
        t["reached"] += 1
        t["first"] += at == 0
        t["top3"] += at < 3
        name = e["article"]
        if name not in tools:
            path = next((f / f"{name}.md" for f in folders if (f / f"{name}.md").is_file()), None)
            tools[name] = Regapper(load_article(path)) if path else None
        tool = tools[name]
        if tool is None:
            t["no_article"] += 1
            continue
        likely = _rank(tool.likeliest(q, limit=3), e["good"])
        t["likeliest_first"] += likely == 0
        t["likeliest_top3"] += likely is not None
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print the sentences whose wanted gap is not offered")
    ap.add_argument("--articles", nargs="*", type=Path, default=[CORPUS, *REBUILT],
                    help="folders holding the judged articles as <name>.md")
    args = ap.parse_args(argv)
    dev = json.loads((ROOT / "docs" / "judging" / "gap-choices.json").read_text(encoding="utf-8"))
    held = json.loads((ROOT / "docs" / "judging" / "gap-choices-held.json").read_text(encoding="utf-8"))
    for label, entries in (("development articles", dev),
                           ("held-19 to held-22", [e for e in held if e["set"] not in ("held-23", "held-25")]),
                           ("held-23 and held-25", [e for e in held if e["set"] in ("held-23", "held-25")])):
        t = measure(entries, args.articles, args.show)
        print(f"{label}: the wanted gap is one choice away in {t['reached']} of {t['tried']} sentences "
              f"({t['reached'] / max(t['tried'], 1):.0%}); first in the menu {t['first']} in sentence order → "
              f"{t['likeliest_first']} likeliest first, within the first three {t['top3']} → {t['likeliest_top3']}"
              + (f" ({t['no_article']} skipped: article not found)" if t["no_article"] else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
