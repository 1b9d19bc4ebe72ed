"""List questions from a list and the sentence that introduces it: name one, which are listed, which is NOT.

Only after a real introduction ("Side effects may include:"); a label with a verb or a negation is none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..article import Section, Sentence
from ..questions import Question
from . import lexicon as lx
from .analysis import Analysis, list_runs
from .builders import Candidate, _sentence_terms, cap_first, contains, display_term, explain, qid
from .categories import strip_det
from .terms import norm

_INCLUDE = re.compile(r"^(.*?)\s+(?:may\s+|can\s+|might\s+|could\s+|will\s+)?(?:include|includes|are|is|involve|involves|consist of)\s*:?\s*\.?$", re.I)


_CLAUSE_WORDS = frozenset("is are was were be been has have had can could may might will would does do did".split())


def _list_label(intro: Sentence | None) -> str | None:
    if intro is None:
        return None
    text = lx.LEAD_INS.sub("", intro.text.strip())
    text = re.sub(r"[:.\s]+$", "", text)
    m = _INCLUDE.match(text)
    if m:
        label = m.group(1)
    elif text.lower().startswith(("the following", "these")):
        label = re.sub(r"^(?:the following|these)\s+", "", text, flags=re.I)
    else:
        m2 = re.search(r"(?:following|these|several|some|main|key)\s+([\w\s-]{3,60}?)(?:\s*[:.]|$)", text, re.I)
        if not m2:
            return None
        label = m2.group(1)
    label = strip_det(label)
    words = label.split()
    while words and words[0].lower() in lx.VAGUE_MODIFIERS - {"potential", "possible"}:
        words.pop(0)
    label = " ".join(words)
    if label[:1].isupper() and not lx.is_acronym(label.split()[0]):
        label = label[0].lower() + label[1:]
    # A label is a noun phrase: a verb or a negation in it means the sentence before the list was no introduction
    # ("the organisms is now common", "none of the pro-drugs of ampicillin is in current use").
    if any(w.lower() in _CLAUSE_WORDS or lx.is_verb_only(w) for w in words) or re.search(r"\b(?:no|none|not)\b", text, re.I):
        return None
    return label if 1 <= len(words) <= 8 else None


_VERB_IN_ITEM = re.compile(r"\b(?:is|are|was|were|has|have|can|may|will|does|do)\b", re.I)


def _item_option(an: Analysis, item: Sentence) -> str:
    """A list item as an option: the item itself when short, else its first term."""
    text = item.text.strip().rstrip(".;")
    # Up to seven words a bullet is a name ("Loop of Henle thin segment cell"), not a sentence: its first term
    # alone would be "loop".
    if len(text.split()) <= 7 and not _VERB_IN_ITEM.search(text):
        return display_term(an, text.split(",")[0].strip()) if "," in text else display_term(an, text)
    spans = an.spans.get(item.id, [])
    return display_term(an, spans[0].text) if spans else text


def _short_forms(options: list[str]) -> list[str]:
    """Items without the words they share with another item: "podocyte" for "kidney glomerulus podocyte" beside
    "kidney glomerulus parietal cell" (a learner names the cell, not the organ every item repeats)."""
    out: list[str] = []
    for o in options:
        words = o.split()
        shared = 0
        for other in options:
            if other is o:
                continue
            ws = other.split()
            k = 0
            while k < min(len(words), len(ws)) - 1 and words[k].lower() == ws[k].lower():
                k += 1
            shared = max(shared, k)
        rest = words[shared:]
        if shared and not (len(rest) == 1 and lx.zipf(rest[0]) >= 4.5):
            out.append(" ".join(rest))
    return [x for x in dict.fromkeys(out) if x.lower() not in {o.lower() for o in options}]


def _same_kind_outsiders(an: Analysis, options: list[str], outsiders: list[str]) -> list[str]:
    """The outsiders a learner could mistake for items: of the items' shared head ("collecting duct principal
    cell" → other "… cell"s), or of an item's kind by the article's own words. "Renal histology" offered among
    cell types is no distractor (a judge sees through it at once)."""
    heads = Counter(lx.singular(o.split()[-1]).lower() for o in options)
    head, n = heads.most_common(1)[0] if heads else ("", 0)
    if n >= 2 and n * 2 >= len(options):
        return [o for o in outsiders if lx.singular(o.split()[-1]).lower() == head]
    kin = {norm(t) for o in options for t, conf in an.kinds.same_kind(o) if conf >= 1.0}
    return [o for o in outsiders if norm(o) in kin]


def _numbered(an: Analysis, item: Sentence) -> bool:
    line_start = an.article.text.rfind("\n", 0, item.start) + 1
    return re.match(r"\s*\d{1,3}[.)]\s", an.article.text[line_start:item.start + 1]) is not None


def lists(an: Analysis, section: Section) -> Iterator[Candidate]:
    """Bullet and numbered lists: which is listed, which is NOT, name one, and order for numbered lists."""
    for intro, items in list_runs(section):
        label = _list_label(intro)
        options = [_item_option(an, it) for it in items]
        if len({norm(o) for o in options}) != len(options):
            continue
        source = an.article.text[(intro or items[0]).start:items[-1].end]
        ids = tuple(it.id for it in items) + ((intro.id,) if intro else ())
        numbered = all(_numbered(an, it) for it in items)
        if label is None:
            label = "steps" if numbered else None
        if label is None:
            continue
        # Outsiders: terms of the same section that are not in the list (never outside-world guesses).
        listed = {norm(w) for it in items for w in [it.text] + [sp.text for sp in an.spans.get(it.id, [])]}
        outsiders: list[str] = []
        for s in section.sentences:
            if s.list_item or (intro and s.id == intro.id):
                continue
            for sp in _sentence_terms(an, s):
                t = display_term(an, sp.text)
                if norm(t) in listed or any(norm(t) in x or x in norm(t) for x in listed) or contains(label, t):
                    continue
                if norm(t) in an.topic_words or t in outsiders or len(t.split()) > 4:
                    continue
                outsiders.append(t)
        outsiders = _same_kind_outsiders(an, options, outsiders)
        outsiders.sort(key=lambda t: (-an.score(t), t.lower()))
        if numbered and 3 <= len(items) <= 6:
            q = Question(
                id=qid(section.slug, "order", source, "|".join(options)), topic=section.slug, type="order",
                prompt=f"Put these {label} in the order the text gives them.",
                items=[cap_first(o) for o in options], explanation=explain(source), source=source, origin="generated",
            )
            yield Candidate(q, 2.0, ids, "order-list", "order:" + ids[0])
        if len(items) >= 2:
            q = Question(
                id=qid(section.slug, "short", source, options[0]), topic=section.slug, type="short",
                prompt=f"Name one of the {label} that the text lists.", answer=options[0],
                accept=options[1:] + _short_forms(options),
                explanation=explain(source), source=source, origin="generated",
            )
            yield Candidate(q, 1.3, ids, "short-list", "list-one:" + ids[0])
        if outsiders and len(items) >= 3:
            choices = sorted(options[:4] + outsiders[:1], key=str.lower)
            q = Question(
                id=qid(section.slug, "choice", source, "not:" + outsiders[0]), topic=section.slug, type="choice",
                prompt=f"Which of these is NOT among the {label} that the text lists?", answer=outsiders[0],
                choices=choices, explanation=explain(source, f"{cap_first(outsiders[0])} is not in the list. "),
                source=source, origin="generated",
            )
            yield Candidate(q, 1.6, ids, "choice-not", "list-not:" + ids[0])
        if len(outsiders) >= 2 and len(items) >= 2:
            picked = options[: min(len(options), 6 - 2)]
            choices = sorted(picked + outsiders[:2], key=str.lower)
            q = Question(
                id=qid(section.slug, "multi", source, "|".join(picked)), topic=section.slug, type="multi",
                prompt=f"Which of these does the text list as {label}?", answer=picked, choices=choices,
                explanation=explain(source), source=source, origin="generated",
            )
            yield Candidate(q, 1.8, ids, "multi-list", "list-multi:" + ids[0])
