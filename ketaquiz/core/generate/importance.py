"""How central each sentence is to its article, 0–1: what a teacher would ask about first.

Three signals, each cheap and offline:
- **centrality** (LexRank, Erkan & Radev 2004): sentences that share rare words with many others carry the
  article's main thread; power iteration over a TF-IDF cosine graph.
- **key terms**: the sentence names the article's best terms (rarity × in-article frequency, from the analysis).
- **place and shape**: a section's first sentences and definitions ("X is a …", "X refers to …") state the
  point; sentences crowded with names, numbers or parentheses are detail.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..article import Sentence
from .analysis import MIN_TERM_SCORE, Analysis
from .terms import norm

_WORD = re.compile(r"[a-z][a-z\-]{2,}")
_DEFINITION = re.compile(
    r"^(?:[A-Z][\w\-]*(?:\s+[\w\-()]+){0,5})\s+(?:is|are|was|were)\s+(?:a|an|the|one of the)\s+|"
    r"\b(?:refers? to|is defined as|are defined as|is known as|are known as|is called|are called|means)\b"
)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_NUMBERS = re.compile(r"\d[\d,.]*")


def _centrality(token_lists: list[list[str]], iterations: int = 30, damping: float = 0.85) -> list[float]:
    import numpy as np

    n = len(token_lists)
    if n == 0:
        return []
    df: Counter[str] = Counter(w for toks in token_lists for w in set(toks))
    vocab = {w: i for i, w in enumerate(sorted(df))}
    mat = np.zeros((n, max(len(vocab), 1)))
    for r, toks in enumerate(token_lists):
        for w, c in Counter(toks).items():
            mat[r, vocab[w]] = c * math.log((1 + n) / (1 + df[w]))
    norms = np.linalg.norm(mat, axis=1)
    norms[norms == 0] = 1.0
    unit = mat / norms[:, None]
    sim = unit @ unit.T
    np.fill_diagonal(sim, 0.0)
    sim[sim < 0.08] = 0.0
    rows = sim.sum(axis=1)
    rows[rows == 0] = 1.0
    trans = sim / rows[:, None]
    score = np.full(n, 1.0 / n)
    for _ in range(iterations):
        score = (1 - damping) / n + damping * trans.T @ score
    top = float(score.max()) or 1.0
    return [float(x) / top for x in score]


def sentence_importance(an: Analysis) -> dict[str, float]:
    """Sentence id → importance in 0–1 (the article's most central, key-term-rich sentence near 1)."""
    sentences: list[Sentence] = an.article.sentences
    toks = [[w for w in _WORD.findall(s.text.lower())] for s in sentences]
    central = _centrality(toks)
    term_weight: dict[str, float] = {}
    for s in sentences:
        scores = sorted(
            (an.terms[norm(sp.text)].score for sp in an.spans.get(s.id, []) if norm(sp.text) in an.terms),
            reverse=True,
        )
        strong = [x for x in scores if x >= MIN_TERM_SCORE]
        term_weight[s.id] = min(1.0, sum(strong[:2]) / 4.0)
    first_in_section: dict[str, int] = {}
    for sec in an.article.sections:
        for i, s in enumerate(sec.sentences):
            first_in_section[s.id] = i
    out: dict[str, float] = {}
    for s, c in zip(sentences, central):
        place = 1.0 if first_in_section[s.id] == 0 else 0.6 if first_in_section[s.id] <= 2 else 0.3
        shape = 0.3 if _DEFINITION.search(s.text) else 0.0
        names = len(_CAPITALISED.findall(s.text))
        numbers = len(_NUMBERS.findall(s.text))
        detail = 0.06 * max(0, names - 2) + 0.05 * max(0, numbers - 1) + 0.1 * s.text.count("(")
        out[s.id] = max(0.0, min(1.0, 0.45 * c + 0.3 * term_weight[s.id] + 0.15 * place + shape - detail))
    return out
