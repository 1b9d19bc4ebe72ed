"""How often the generator puts a sentence's gap where blind judges wanted it.

    python scripts/gap_agreement.py [--json] [--show miss|other|hit]

`docs/judging/gap-choices.json` holds, for 300-odd sentences of the corpus and the four later articles, the gaps
judges kept ("good") and the gaps they sent back, with the gap they asked for instead when they named one ("gap
'Hubble's law' instead"). For each of those sentences this script runs the generator's builders and ranking on the
whole article and takes the best-ranked cloze or choice on that sentence (what the budget would keep there): a
*hit* is a gap judges wanted, a *miss* one they sent back, *other* a gap nobody judged, *none* no question at all.

It is a quick proxy between blind rounds, not a replacement: judges only named a better gap on some sentences, and
a gap they never saw may be as good. A change that raises hits should still be judged blind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
LATER = Path("/tmp/unseen")  # the four later articles (docs/judging/ab-3/unseen/SOURCES.md says how to rebuild them)


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[\w'-]+", text.casefold())}


def _same(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def verdict(answer: str | None, good: list[str], bad: list[str]) -> str:
    if answer is None:
        return "none"
    if any(answer.casefold() == b.casefold() for b in bad):
        return "miss"
    if any(_same(answer, g) for g in good):
        return "hit"
    if any(_same(answer, b) for b in bad):
        return "miss"
    return "other"


def top_gaps(path: Path) -> dict[str, str]:
    """The answer of the best-ranked cloze or choice on each source the generator would ask."""
    from ketaquiz.core.article import load_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.families import BUILDERS
    from ketaquiz.core.generate.importance import sentence_importance
    from ketaquiz.core.generate.rank import rank_candidates
    from ketaquiz.core.generate.worth import answer_terms

    article = load_article(path)
    an = analyse(article)
    cands = [c for sec in article.sections if sec.sentences for build in BUILDERS for c in build(an, sec)]
    out: dict[str, str] = {}
    for r in rank_candidates(cands, an, sentence_importance(an)):
        q = r.cand.question
        if q.type in ("cloze", "choice") and q.source not in out:
            terms = answer_terms(r.cand)
            if terms:
                out[q.source] = terms[0]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", choices=["hit", "miss", "other", "none"], action="append", default=[])
    args = ap.parse_args(argv)
    entries = json.loads((ROOT / "docs" / "judging" / "gap-choices.json").read_text(encoding="utf-8"))
    tally: Counter[str] = Counter()
    gaps: dict[str, dict[str, str]] = {}
    for e in entries:
        name = e["article"]
        if name not in gaps:
            path = next((p for p in (CORPUS / f"{name}.md", LATER / f"{name}.md") if p.exists()), None)
            gaps[name] = top_gaps(path) if path else {}
        answer = gaps[name].get(e["source"])
        v = verdict(answer, e["good"], e["bad"])
        tally[v] += 1
        if v in args.show:
            print(f"[{v}] {name}: {answer!r} good={e['good']} bad={e['bad']}\n    {e['source'][:200]}")
    asked = tally["hit"] + tally["miss"] + tally["other"]
    result = {**{k: tally[k] for k in ("hit", "miss", "other", "none")},
              "hit_share": round(tally["hit"] / max(asked, 1), 3), "miss_share": round(tally["miss"] / max(asked, 1), 3)}
    print(json.dumps(result) if args.json else
          f"{sum(tally.values())} sentences: hit {tally['hit']}, miss {tally['miss']}, other {tally['other']}, "
          f"none {tally['none']}; of those asked, {result['hit_share']:.0%} hit and {result['miss_share']:.0%} miss")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
