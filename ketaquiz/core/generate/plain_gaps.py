"""Gaps on plain words: a describing word, everyday words or a rare word the article says only there, a plain word it
says only twice — and the term a sentence defines, which none of these refuses.

`plain_gap(candidate, analysis, answer)` and `said_twice(…)` return the reason or None; `worth.unworthy` asks them
of every cloze answer, `said_twice` last. Each rule's comment names the blind verdicts behind it (`docs/judging/`).
"""

from __future__ import annotations

import re

from ..questions import gap_forms
from . import lexicon as lx
from .analysis import Analysis
from .answers import modifier_forms
from .builders import Candidate
from .gaps import defined_subject
from .mentions import mentions
from .phrases import phrase_said_once
from .terms import norm


def plain_gap(c: Candidate, an: Analysis, ans: str, said_once_ok: bool = False) -> str | None:
    """A gap on a describing word, or on everyday words the article says only there (cloze only)."""
    if c.question.type != "cloze":
        return None
    a = norm(ans)
    parts = a.split()
    lemmas = lx.lemmas(a)
    if len(parts) == 1 and ans.islower() and not defines(c) and (
            "ADJ" in lemmas and "NOUN" not in lemmas or not lemmas and _ADJECTIVE_END.search(a)):
        # "the {{ubiquitous}} nature of", "in a(n) {{directional}} manner", "remained {{uncombined}}", "a typical
        # {{eukaryotic}} cell": judges kept 6 of 56 verdicts on one-word describing gaps (A/B 1–21), rare ones too
        # ("monomeric", "desmodromic"); the thing described is the point. Not a word the sentence names ("are called
        # {{homozygous}}"): that is the term.
        return f"describing word: “{ans}” says how, not what"
    once = _said_once(c, ans, an)
    if once and everyday_words(ans):
        # "{{circumference}}", "{{exporter}}", "{{storage reservoir}}", "{{DNA fragment}}": judges kept 3–22 % of
        # 424 verdicts on an answer of everyday words (each zipf ≥ 3) that the article names only there (A/B 1–21),
        # against 37–48 % when it names it again; a term the sentence defines is the exception.
        if all(w[:1].isupper() for w in ans.split()):
            return f"side word: “{ans}”, a name of everyday words, is named only here"  # "John Locke", "Glorious Revolution"
        return f"side word: “{ans}” is everyday English the article names only here"
    if described_once(ans, an) and not defines(c):  # "is called a {{neural circuit}}"
        # "{{derisive intent}}", "{{unprecedented rise}}", "{{observable traits}}", "{{noncovalent bonds}}": judges
        # kept 7 % of 152 verdicts on a describing word and an everyday noun the article says once (A/B 1–21),
        # against 49–58 % when it says the phrase again: a repeated phrase is a term, a one-off is a description.
        return f"filler: “{ans}” describes once what the article does not name again"
    if not once and not defines(c) and phrase_said_once(c.question.prompt, ans, an) \
            and not _CATEGORY_GAP.search(c.question.prompt):
        # "a {{camera obscura device}}", "the {{bind method}}": its words stand elsewhere, the phrase only here (judges
        # kept 27 % of 56 such gaps and dropped 34 %, the corpus and held-19 … held-34)
        return f"filler: “{ans}” is a phrase the article says only here (its words stand elsewhere, not the phrase)"
    if once and not _CATEGORY_GAP.search(c.question.prompt) and not said_once_ok:
        # "{{obtention}}", "{{kymograph}}", "{{embouchure}}", "{{inflaton}}": a rare word is no key term when the
        # article never says it again. Held-out judges kept 16 % of 160 verdicts on such gaps (48 % dropped: "a filler
        # word", "a side detail"; held-19 to held-28), against 36 % when the article says the gap again; the term a
        # sentence names, defines or glosses, and the kind a definition gives ("… is an {{apocrine gland}}"), stay.
        # In the lead (`said_once_ok`, asked last where it fits: `rank.LEAD_ONCE`) j126 kept 33 % and dropped 12 %
        # (n = 24, `docs/judging/lead-once`): the summary's rare words are its terms.
        return f"side word: “{ans}”{SAID_ONCE}"
    return None


def said_twice(c: Candidate, an: Analysis, ans: str) -> str | None:
    """A gap on one lower-case word of middling rarity (zipf 2.5–3.5: "progeny", not "thymine" nor "reactions") that
    the article says twice in all, where the sentence neither defines nor glosses it (cloze only)."""
    if c.question.type != "cloze" or not ans.isalpha() or not ans.islower() or not 2.5 <= lx.zipf(ans) < 3.5 \
            or defines(c) or _CATEGORY_GAP.search(c.question.prompt):
        return None
    forms = gap_forms(c.question.prompt, ans)
    if max(mentions(an, f, ignore_case=True) for f in forms) > 2:
        return None
    # "{{progeny}}", "{{circuitry}}", "{{denominations}}", "{{annexation}}": one plain word of middling rarity the
    # article says once more is filler as often as one said once. Of those this refuses, j130 kept 1 of 14 and
    # dropped 4, against 8 of 16 controls from the same sets (`docs/judging/said-twice`); the verdicts before on
    # 35 others kept 26 % of 58.
    return f"side word: “{ans}” is said only twice, and the sentence does not define it"


def everyday_words(ans: str, zipf: float = 3.0) -> bool:
    """Every word of the answer is everyday (zipf ≥ 3 unless told) and none is an acronym."""
    words = re.findall(r"[A-Za-z][\w'-]*", ans)
    return bool(words) and not any(lx.is_acronym(w) for w in words) and min(lx.zipf(w) for w in words) >= zipf


_ADJECTIVE_END = re.compile(r"(?:ic|al|ous|ive|ed|able|ible|ary)$")  # a word the lexicon does not know: "uncombined"
_DESCRIBING_END = re.compile(r"(?:ic|al|ous|ive|ed|able|ible|ary|ent|ant)$")


SAID_ONCE = " is said only here, and the sentence does not define it"


def _said_once(c: Candidate, ans: str, an: Analysis) -> bool:
    """No form of the answer stands anywhere else in the article, and the sentence does not define it."""
    forms = gap_forms(c.question.prompt, ans)
    part = modifier_forms(an, ans)  # "cord" accepted for "cord damage" is no other name of it
    return max(mentions(an, f, ignore_case=True) for f in forms if f not in part) <= 1 and not defines(c)


# The kind a definition or an apposition gives ("The breast is an {{apocrine gland}}", "…, an {{abugida}}"), or
# a gap the sentence glosses ("express {{colostrum}}, a form of breast milk", "{{keloids}}—large, raised scars").
_CATEGORY_GAP = re.compile(r"\b(?:is|are|was|were)\s+(?:a|an|a\(n\)|the)\s+(?:\w+\s+){0,2}\{\{|,\s+(?:a|an|a\(n\))\s+\{\{|"
                           r"\}\}(?:,\s+(?:a|an|the|a\(n\))\s|\s*[—–]\s*|\s+\((?!\d))")


def described_once(ans: str, an: Analysis) -> bool:
    """Two lower-case words, a describing word before an everyday noun (zipf ≥ 3.3), said once in the article."""
    words = ans.split()
    if len(words) != 2 or not ans.islower() or lx.zipf(words[1]) < 3.3:
        return False
    first = lx.lemmas(words[0])
    describing = "ADJ" in first and "NOUN" not in first or not first and _DESCRIBING_END.search(words[0]) is not None \
        or "ADJ" in first and words[0].endswith(("ous", "ive", "ed", "able", "ible"))
    return describing and mentions(an, ans, ignore_case=True) <= 1


_DEFINES = re.compile(
    r"\b(?:called|known as|termed|referred to as|named|defined as|is the term for|coined the term)\s+"
    r"(?:the\s+|a\s+|an\s+|a\(n\)\s+|its\s+|"
    r"their\s+)?[\"“]?\{\{|"
    r"^\W*(?:(?:A|An|The)\s+)?\{\{[^}]*\}\}\s+(?:is|are)\s+(?:a|an|the)\b|,\s+(?:an?|the)\s+\{\{[^}]*\}\}\s+(?:is|are)\s+"
    r"(?:a|an|the)\b",
    re.IGNORECASE,
)


def defines(c: Candidate) -> bool:
    """The gap is the term the sentence defines ("… is called {{heritability}}", "{{Introns}} are …")."""
    if c.question.type != "cloze":
        return False
    prompt = c.question.prompt
    if _DEFINES.search(prompt) is not None:
        return True
    i, j = prompt.find("{{"), prompt.find("}}")
    return prompt.count("{{") == 1 and defined_subject(prompt[:i], prompt[j + 2:])
