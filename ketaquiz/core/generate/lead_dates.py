"""The dates the lead states, asked as a choice among near years: "The Hubble Space Telescope … was launched into
low Earth orbit in _____" (1986 · 1988 · 1990 · 1993).

An article's lead is its summary: where it dates an event, the date is one of the article's main facts (Hubble's
launch, Newcomen's engine, the partitions of Poland). Held-out judges kept three in four of the number choices drawn
from a lead (n = 16) and listed the lead's dates among the key facts no question asked (held-26: "introduced in 1982",
"the partitions ending in 1795"); elsewhere a year stays a one-off date unless it names a first (`worth.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Section
from ..questions import Question
from . import lexicon as lx
from .analysis import VERBISH, Analysis
from .builders import Candidate, distractors, explain, qid, stem
from .mentions import mentions
from .names import family_name_first, people
from .near_values import article_years
from .rank import LEAD_DATE
from .topic import title_words
from .trimming import trim_to_term

_FIGURE = re.compile(r"(?<![\w.,])\d[\d,.]*(?:\s*%|\s+(?:million|billion|thousand|hundred))?")


def lead_dates(an: Analysis, section: Section) -> Iterator[Candidate]:
    """A choice among near years for each sentence of the lead that dates one event (the first of at most two)."""
    if len(an.article.sections) < 2 or section is not an.article.sections[0]:
        return
    for s in section.sentences:
        st = stem(an, s)
        if st is None or s.list_item:
            continue
        text, source, ids = st
        years = [m for m in lx.YEAR.finditer(text) if text[:m.start()].count("(") == text[:m.start()].count(")")]
        if not years or len(lx.YEAR.findall(text)) > 2 or re.search(r"\bas of\s+$", text[:years[0].start()], re.I):
            continue  # a chronicle of dates, or "As of 2004 …": a date stamp, no event
        if any(not lx.YEAR.fullmatch(f.group().strip(".,")) for f in _FIGURE.finditer(text)):
            continue  # another figure beside it: the year dates a statistic ("In 2011 … more than 20 billion")
        if side_doer(an, text) or _side_aside(an, text, years[0].start()):
            continue  # "In 1606 Jerónimo de Ayanz y Beaumont patented …": a side person's deed, not the subject's story
        answer = years[0].group(1) + years[0].group(2)
        prompt = re.sub(rf"(?<![\w.,\-–/]){re.escape(answer)}(?![\w\-–/%]|[.,]\d)", "_____", trim_to_term(text, answer),
                        count=1)
        wrong = [d for d, _ in distractors(an, answer, prompt, want=3)]
        span = _SPAN.search(prompt)
        if span is not None:  # "lasting from _____ to 1666": the end shown gives the start away; ask the whole span
            answer, prompt, wrong = _span_choice(an, answer, span, prompt)
        if "_____" not in prompt or len(wrong) < 3:
            continue
        q = Question(id=qid(section.slug, "choice", source, answer), topic=section.slug, type="choice", prompt=prompt,
                     answer=answer, choices=sorted([answer, *wrong]), explanation=explain(source), source=source,
                     origin="generated")
        yield Candidate(q, 1.2, ids, LEAD_DATE, f"n:{s.id}")


# "from _____ to 1666", "from the _____ to 1919": a span whose end the prompt shows (held-63's *Great Plague of London*
# drew no question: "the blank is a number paired with the next one")
_SPAN = re.compile(r"\b(from\s+(?:the\s+)?)_____\s+(to|until|–|-)\s+(?:the\s+)?((?:1[0-9]|20)\d\d)(s?)\b")


def _span_choice(an: Analysis, start: str, span: re.Match[str], prompt: str) -> tuple[str, str, list[str]]:
    """The span as the answer ("1665 to 1666") among spans as long, each starting at one of the start's near years."""
    sep, end, suffix = span.group(2), int(span.group(3)), span.group(4)
    first = int(start.rstrip("s"))
    joiner = f" {sep} " if sep.isalpha() else sep

    def written(a: int) -> str:
        return f"{a}{'s' if start.endswith('s') else ''}{joiner}{a + end - first}{suffix}"
    shown = prompt[:span.start()] + span.group(1) + "_____" + prompt[span.end():]
    step = 10 if start.endswith("s") else 5
    starts = [int(d.rstrip("s")) for d, _ in distractors(an, start, shown)]
    starts += [first + k * step for k in (-2, 2, -3, 3, -4)]  # the near ones may overlap; a ladder fills in
    latest = max(article_years(an)) + 5
    # no span that overlaps the answer's ("1664 to 1665" beside 1665 to 1666 is half right), none in the future
    wrong = [written(a) for a in dict.fromkeys(starts)
             if (a + end - first < first or a > end) and a + end - first <= latest]
    return written(first), shown, wrong[:3]


def side_doer(an: Analysis, text: str) -> str | None:
    """The person who did the dated thing, when the article names them at most twice: the subject ("Fleming's student
    Cecil George Paine was the first …", "In 1606 Jerónimo de Ayanz y Beaumont patented …") or the one it was done by
    ("invented by H. Gerdien in 1910"). Held-out and corpus judges dropped every such lead date (5 sentences, 12
    verdicts: "a side name and a one-off date") and kept those whose doer the article follows (Newcomen, Nicolaus
    Otto, Viggo Andersen: four mentions or more). Not one who received it ("awarded to Emmanuelle Charpentier"), nor a
    pair named in full (Randall and Boot)."""
    doers = []
    for m in people(an, text):
        before = text[:m.start()]
        # done by them: "invented by H. Gerdien", "discovered in 1953 by Swiss chemist …"; not "Following efforts by …"
        by = re.search(r"\w(?:ed|en)\s+(?:in\s+\d{4}\s+)?by\s+(?:[\w-]+\s+){0,2}$", before)
        clause = re.sub(r"^\W*(?:(?:in|by|as early as|around|about)\s+(?:the\s+)?\d{4}s?\s*,?\s*)", "", before, flags=re.I)
        if re.match(r"\s+and\s+[A-Z]", text[m.end():]) or re.search(r"\band\s+$", before):
            return None  # "John Randall and Harry Boot": a pair named in full is the event's team, not a side name
        if not by and re.search(r"\bby\s+(?:[\w-]+\s+){0,2}$", before):
            continue  # "Following efforts by Lamberto Scannabecchi …, Pope Callixtus II …": not the one who did it
        if by or not (VERBISH.search(clause) or any(lx.is_verb_only(w) for w in re.findall(r"[a-z]+", clause))):
            doers.append(m.group(1).split())
    side = [d for d in doers if mentions(an, d[0] if family_name_first(d) else d[-1]) <= 2]
    return " ".join(side[0]) if side and len(side) == len(doers) else None


def _side_aside(an: Analysis, text: str, at: int) -> bool:
    """The year stands in an aside between commas about something other than the article's subject: "New technologies
    such as the electrical telegraph, widely introduced in the 1840s in the UK and US, were not sufficient …" (dropped
    by seven corpus judges: "a one-off date beside the point"); not "The Great Plague, lasting from 1665 to 1666, …"."""
    before, after = text[:at], text[at:]
    if before.count(",") % 2 == 0 or "," not in after:
        return False
    head = before[:before.rfind(",")]
    return not (title_words(an) | an.topic_words) & {w.casefold() for w in re.findall(r"[\w-]+", head)}
