"""What the rest of an article says about a phrase a question asks: whether it says the phrase anywhere else, whether
its lead names it, whether a list's name says what the list belongs to, whether it names the gap's opposite. Each
check comes from held-out judges' verdicts (`docs/judging/`)."""

from __future__ import annotations

import re

from ..quality import tripped
from ..questions import Question, cloze_gaps, gap_forms
from . import lexicon as lx
from .analysis import Analysis
from .mentions import mentions, said_only_after, word_in
from .terms import norm
from .topic import title_words

# Every word of a gap at least this common ("family members", "ion beam") is everyday English.
EVERYDAY_GAP_ZIPF = 3.5
# A list's name with a word rarer than this says what it is about ("the antistaphylococcal antibiotics").
ANCHOR_ZIPF = 3.0


def leading_term(an: Analysis, phrase: str) -> bool:
    """A phrase the article's lead names (the lead sums up its terms), or, in an article without a lead, one it says
    three times or more."""
    sections = an.article.sections
    if len(sections) < 2:
        return mentions(an, phrase, ignore_case=True) >= 3
    lead: str | None = an.__dict__.get("_lead_text")
    if lead is None:  # once per analysis: every candidate's gap may ask
        lead = an.__dict__["_lead_text"] = " ".join(s.text for s in sections[0].sentences).casefold()
    words = phrase.casefold().split()
    return any(word_in(f, lead) for f in {" ".join(words), " ".join([*words[:-1], lx.singular(words[-1])])})


# First words of a way of speaking, no term, however often the article writes it: "first version", "wide variety"
_SPEAKING_FIRST = frozenset("first second third fourth fifth last next previous former latter wide time early late".split())


def recurring_term(an: Analysis, phrase: str) -> bool:
    """A phrase of two or more words the article writes three times or more: one of its terms, whose first word is no
    modifier glued to the key word ("double helix", "ballistic missiles", "gamma photons"). Blind judges kept 44 % of
    the gaps this let through and dropped 12 % (n = 32, j102 and j103); a phrase of everyday words stays refused
    (`worth`), recurring or not: those drew 38 % keep, 30 % drop (n = 37) and 25 %, 21 % (n = 24)."""
    words = phrase.casefold().split()
    if len(words) < 2 or words[0] in lx.VAGUE_MODIFIERS or words[0] in _SPEAKING_FIRST:
        return False  # "wide variety", "first version", "second half"
    return mentions(an, phrase, ignore_case=True) >= 3


def exempt_checks(an: Analysis, q: Question) -> frozenset[str]:
    """The item-writing checks a question need not pass in its article: a gap on a phrase the article keeps writing
    ("double helix") is one of its terms, no everyday modifier glued to a key word."""
    gaps = cloze_gaps(q.prompt) if q.type == "cloze" else []
    if gaps and all(g and recurring_term(an, g[0]) for g in gaps):
        return frozenset({"modifier gap"})
    return frozenset()


def tripped_in_article(an: Analysis, q: Question) -> dict[str, str]:
    """The item-writing checks (`quality.tripped`) a question trips, read in its article (`exempt_checks`)."""
    return tripped(q, skip=exempt_checks(an, q))


def unanchored(an: Analysis, prompt: str) -> bool:
    """A "Name one of …" whose phrase names neither the article's subject nor anything specific: "the bones", "the
    organs most affected", "the fields of specialization", "the three different types of systems" (held-out judges
    kept none of seven: "which bones?", "most affected by what?"). A rare word ("the antistaphylococcal
    antibiotics", "the types of pronation"), a name or the subject's own word ("the side effects of hyoscine") anchors
    it."""
    m = re.match(r"Name one of (.*?)(?:, other than .*)?\.$", prompt)
    if m is None:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", m.group(1)) if w.casefold() not in lx.STOP_WORDS]
    subject = title_words(an) | an.topic_words
    # a name anchors it too: "the side effects of drug X", "the government of India"
    if any(w[:1].isupper() or w.casefold() in subject or norm(w) in subject or lx.zipf(w) < ANCHOR_ZIPF for w in words):
        return False
    return not _modified_key_noun(an, m.group(1))


def _modified_key_noun(an: Analysis, phrase: str) -> bool:
    """A word the article keeps saying, with a word before it that says which: "the four basic types of animal
    tissues" in *Histology* (held-65's judge listed the four tissue types among its key facts)."""
    words = re.findall(r"[^\W\d_][\w-]*", phrase)
    for before, w in zip(words, words[1:]):
        if before.casefold() in lx.STOP_WORDS or w.casefold() in lx.STOP_WORDS:
            continue
        if sum(mentions(an, f, ignore_case=True) for f in {w, lx.singular(w)}) >= 10:
            return True
    return False


def phrase_said_once(prompt: str, ans: str, an: Analysis) -> bool:
    """A gap of two or more words that the article says, in either number, only in this sentence."""
    if len(ans.split()) < 2:
        return False
    forms = gap_forms(prompt, ans)
    whole = [f for f in forms if norm(f) == norm(ans) or lx.is_acronym(f)]  # "IP" for "Internet Protocol" is the same name
    return max(mentions(an, f, ignore_case=True) for f in whole) <= 1


# Prefixes that make opposites: a gap on one, with the other in the article, is a guess between two words.
_OPPOSITE_PREFIXES = (("over", "under"), ("hyper", "hypo"))


def coin_toss(an: Analysis, prompt: str) -> str | None:
    """A gap on "underactivity" where the article also says "overactivity" (held-39's judge: "over/underactivity is a
    coin toss"): the learner picks one of two, and a wrong pick is as informed as a right one."""
    for gap in cloze_gaps(prompt):
        word = gap[0].lower()
        for prefix, other in [*_OPPOSITE_PREFIXES, *((b, a) for a, b in _OPPOSITE_PREFIXES)]:
            if word.startswith(prefix) and len(word) > len(prefix) + 3 and " " not in word:
                twin = other + word[len(prefix):]
                if mentions(an, twin, ignore_case=True):
                    return f"coin toss: the gap “{gap[0]}” or the article's “{twin}”, one of two"
    return None


_LATIN_ENDINGS = ("us", "a", "um", "is", "ae", "i")
_WORD_THEN_GAP = re.compile(r"\b([A-Za-z][a-z]{3,})\s+\{\{([a-z]+)[|}]")  # "Staphylococcus {{aureus}}", "diabetes {{mellitus}}"


def half_name(an: Analysis, prompt: str) -> str | None:
    """The gap is the second word of a two-word name, the first shown before it: a genus's epithet ("Staphylococcus
    {{aureus}}") or a Latin epithet the article never says without its noun ("diabetes {{mellitus}}", "camera
    {{obscura}}"; held-41's judge: "a trivial completion"). Not an English noun so placed ("late {{endosome}}", "carbon
    {{nanotubes}}": judges kept those), where the noun is the point."""
    for m in _WORD_THEN_GAP.finditer(prompt):
        first, gap = m.groups()
        genus = first[:1].isupper() and lx.zipf(first) < 3.0
        epithet = not lx.lemmas(gap) and gap.endswith(_LATIN_ENDINGS) and said_only_after(an, first, gap) \
            and mentions(an, gap, ignore_case=True) >= 2
        if m.start() > 0 and (genus or epithet):
            return f"half a name: the gap is the second word of “{first} {gap}”"
    return None
