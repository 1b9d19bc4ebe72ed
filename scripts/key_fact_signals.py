"""Which sentence signals pick the facts blind judges called key: each signal's AUC over the articles' body sentences.

    python scripts/key_fact_signals.py --articles DIR [DIR ...]

The judges of the held-out sets listed, per article, the key facts a teacher would ask (`docs/judging/*/*/
coverage.txt`). Each listed fact is matched to the body sentence that shares the most of its rarer words (two at
least), which is then called *key*. For every signal the generator could rank sentences by — its importance score
(`importance.sentence_importance`), LexRank centrality, the key-term score, words shared with the lead or the section
heading, place in the section, fewer names or numbers — the script prints the AUC (the chance that a key sentence
outscores one that is not; 0.5 = no better than chance), over all body sentences and within bands of sentence length:
a long sentence shares more words with any fact, so the match favours length, and only the banded figures compare
signals fairly. The articles are not in the repository: `--articles` names the folders the held-out sets' SOURCES.md
recipes rebuild them into (`scripts/rebuild_held_articles.py`).
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ketaquiz.core.article import load_article  # noqa: E402
from ketaquiz.core.generate import importance as imp  # noqa: E402
from ketaquiz.core.generate import lexicon as lx  # noqa: E402
from ketaquiz.core.generate.analysis import analyse  # noqa: E402
from ketaquiz.core.generate.terms import norm  # noqa: E402

_STOP = frozenset("the a an of and or in on to for with by from as at is are was were be been its their his her this "
                  "that these those which who it they not no vs than into about after before over under between".split())
_ITEM = re.compile(r"\n\s*(?:\d+[.)]|-|\*)\s+|;\s+|\.\s+(?=[A-Z])")


def _tokens(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9'-]+", text.lower()) if w not in _STOP and len(w) > 2}


def key_facts(articles: dict[str, Path]) -> dict[str, list[str]]:
    """Article name → the fact items its judges listed (every coverage file of a held-out set)."""
    facts: dict[str, list[str]] = collections.defaultdict(list)
    for cov in sorted(ROOT.glob("docs/judging/*/*/coverage.txt")):
        text = cov.read_text(encoding="utf-8")
        marks = sorted((m.start(), name) for name in articles for m in re.finditer(re.escape(name), text))
        starts = [(p, n) for i, (p, n) in enumerate(marks) if i == 0 or marks[i - 1][1] != n]
        for i, (p, name) in enumerate(starts):
            body = text[p:starts[i + 1][0] if i + 1 < len(starts) else len(text)]
            facts[name] += [item.strip() for item in _ITEM.split(body)[1:] if len(_tokens(item)) >= 2]
    return facts


def sentence_rows(name: str, path: Path, items: list[str]) -> list[dict[str, float]]:
    """One row per body sentence: is it key, and each signal's value."""
    art = load_article(path)
    an = analyse(art)
    importance = imp.sentence_importance(an)
    central = dict(zip((s.id for s in art.sentences), imp._centrality(
        [[imp._WORD.findall(s.text.lower()) for s in sec.sentences] for sec in art.sections])))
    lead = imp.lead_words(an)
    body = [(sec, i, s) for sec in art.sections[1:] for i, s in enumerate(sec.sentences) if not s.list_item]
    df = collections.Counter(w for _, _, s in body for w in _tokens(s.text))
    key: set[str] = set()
    for item in items:
        want = _tokens(item)
        scored = [(sum(1 / (1 + df[w]) for w in want & _tokens(s.text)), len(want & _tokens(s.text)), s.id)
                  for _, _, s in body]
        best = max(scored, default=(0.0, 0, ""))
        if best[1] >= 2 and best[0] >= 0.6:
            key.add(best[2])
    rows = []
    for sec, i, s in body:
        words = set(imp._content_words(s.text))
        terms = sorted((an.terms[norm(sp.text)].score for sp in an.spans.get(s.id, []) if norm(sp.text) in an.terms),
                       reverse=True)
        rows.append({"key": float(s.id in key), "length": len(s.text.split()), "importance": importance[s.id],
                     "centrality": central.get(s.id, 0.0), "key terms": sum(terms[:2]),
                     "shares the lead's words": len(words & lead),
                     "shares the heading's words": len(words & set(imp._content_words(sec.title))),
                     "early in its section": -i, "fewer names": -len(imp._CAPITALISED.findall(s.text)),
                     "fewer numbers": -len(lx.NUMBERS.findall(s.text))})
    return rows


def auc(rows: list[dict[str, float]], signal: str, rnd: random.Random, draws: int = 50_000) -> float | None:
    pos = [r[signal] for r in rows if r["key"]]
    neg = [r[signal] for r in rows if not r["key"]]
    if len(pos) < 20 or not neg:
        return None
    wins = 0.0
    for _ in range(draws):
        p, q = rnd.choice(pos), rnd.choice(neg)
        wins += 1.0 if p > q else 0.5 if p == q else 0.0
    return wins / draws


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", nargs="+", type=Path, required=True)
    args = ap.parse_args()
    articles = {p.stem: p for d in args.articles for p in sorted(d.glob("*.md")) if p.name != "SOURCES.md"}
    facts = key_facts(articles)
    rows = [r for name, items in sorted(facts.items()) for r in sentence_rows(name, articles[name], items)]
    print(f"{len(facts)} articles, {sum(len(v) for v in facts.values())} fact items, {len(rows)} body sentences, "
          f"{int(sum(r['key'] for r in rows))} key")
    bands: list[tuple[str, Callable[[dict[str, float]], bool]]] = [("all", lambda r: True)] + [
        (f"{lo}-{hi} words", lambda r, lo=lo, hi=hi: lo <= r["length"] < hi) for lo, hi in ((8, 15), (15, 22), (22, 30))]
    signals = [k for k in rows[0] if k not in ("key", "length")] if rows else []
    print(f"{'signal':28s}" + "".join(f"{b:>14s}" for b, _ in bands))
    for signal in signals:
        cells = []
        for _, keep in bands:
            value = auc([r for r in rows if keep(r)], signal, random.Random(0))
            cells.append(f"{value:14.2f}" if value is not None else f"{'-':>14s}")
        print(f"{signal:28s}" + "".join(cells))


if __name__ == "__main__":
    main()
