"""Lists written in a sentence: "Symptoms include bowed legs, stunted growth, bone pain and trouble sleeping."

Encyclopedia articles give most of their lists in prose, and judges named them first among what no question asked
("the causes", "the four bases", "the three phases"). A sentence is read as a list when an introduction that names
its items ("Symptoms include", "There are four types of bases:") is followed by three or more short names joined by
commas and a final "and"/"or"; it is asked as "Name one of …", with every item accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Section, Sentence
from ..questions import Question
from . import lexicon as lx
from .analysis import Analysis
from .builders import Candidate, display_term, explain, qid
from .items import item_name
from .lists import in_context, mostly_bare_names, mostly_side_names, name_one
from .terms import norm
from .trimming import cap_first

_INCLUDE = re.compile(
    r"^(?P<intro>.{3,120}?)\s+(?:(?:may|can|often|usually|typically|commonly|also)\s+)?"
    r"(?P<verb>include|includes|included|are|were|consist of|consists of|comprise|comprises)\s+(?P<list>.+)$")
_COLON = re.compile(r"^(?P<intro>.{8,160}?):\s+(?P<list>.+)$")
_COUNTED = re.compile(r"\b(?P<np>(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,3}[\w-]+)$",
                      re.I)
_THERE_ARE = re.compile(r"^There\s+(?:are|were)\s+(?P<np>.+)$", re.I)
_NAMED_BEFORE_COLON = re.compile(r"^.{3,160}?\s(?:are|were|is|was|include|includes)\s+(?P<intro>(?:the\s+)?[^:,;()]{3,60}):\s+"
                                 r"(?P<list>[^:]+)$")
_NOT_A_NAME = re.compile(r"^(?:not|no|also|only|mainly|even|which|that|these|those|it|they)\b", re.I)
_OPENS_CLAUSE = re.compile(r"^(?:as|when|if|because|while|although|since|where|however|but|so|thus)\b", re.I)
_POINTING = re.compile(r"\b(?:this|these|those|such|it|its|their|they|others|following)\b|\bother\b(?!.*\bother\b)", re.I)
_OTHER = re.compile(r"^(?:other|further|additional)\s+", re.I)  # "Other signs in livestock include …": still signs


# "hypomania, or stage I; acute mania, or stage II; and delirious mania, or stage III": items parted by semicolons,
# each with its other name after ", or"
_SEMICOLON_ITEM = re.compile(r"^(?:and\s+|or\s+)?(?P<name>[^,;]+?)(?:,\s+or\s+[^,;]+)?$")


def _semicolon_items(text: str) -> list[str] | None:
    """The names of a list parted by semicolons whose items carry another name ("A, or stage I; B, or stage II; and C,
    or stage III"); None when it is no such list."""
    parts = [re.sub(r"\s*\([^()]*\)", "", p).strip() for p in text.split(";")]  # "delirious mania (delirium)"
    if len(parts) < 3 or not re.match(r"(?:and|or)\s", parts[-1]):
        return None
    names = [m.group("name").strip() for m in (_SEMICOLON_ITEM.match(p) for p in parts) if m]
    if len(names) != len(parts) or any(len(n.split()) > 4 or n != item_name(n) for n in names):
        return None
    return names


def _items(text: str) -> list[str] | None:
    """The names of a list written as "A, B(,) and C" (or "A, or X; B, or Y; and C, or Z"); None when any part is no
    short name."""
    text = re.sub(r"^(?:known as|called|named)\s+", "", text.strip().rstrip("."))
    # "…, vomiting, and/or constipation" (held-58): "and/or" joins the last item as "or" does; no item "and"
    text = re.sub(r"\band/or\s+", "or ", text)
    if ";" in text and ":" not in text and "such as" not in text:
        return _semicolon_items(text)
    if not re.search(r",[^,]+(?:,\s*|\s+)(?:and|or)\s+\S", text) or ";" in text or ":" in text or "such as" in text:
        return None
    # commas inside a parenthesis belong to its item: "powders (dry graphite, PTFE, etc.), PTFE tape, …" (held-16)
    held = re.findall(r"\([^()]*\)", text)
    text = re.sub(r"\([^()]*\)", "\x00", text)
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=[^,]*$)", text)
    for i, part in enumerate(parts):
        while "\x00" in part:
            part = part.replace("\x00", held.pop(0), 1)
        parts[i] = part
    # "…, and headaches which often last for up to a week": the last item ends where its clause begins
    parts[-1] = re.split(r"\s+(?:which|that|who|explored|caused|found|used|seen)\s", parts[-1])[0]
    if parts and re.fullmatch(r"(?:many\s+|several\s+)?others?|other(?:\s+[\w-]+){1,3}|etc\.?", parts[-1].strip(), re.I):
        parts = parts[:-1]  # "…, milky quartz and others": an open list, the named ones are its items
    names = []
    for part in parts:
        part = part.strip()
        words = part.lower().split()
        first = words[0] if words else ""
        # "used in …", "led by …", "generally globular proteins": a predicate, not a name ("hot dark matter" is one)
        verb_first = "VERB" in lx.lemmas(first) and "NOUN" not in lx.lemmas(first) and len(words) > 1 \
            and words[1] in lx.STOP_WORDS or first.endswith("ly") and lx.is_adverb(first)
        preposition_first = first in lx.STOP_WORDS and first not in ("the", "a", "an")  # "among farmers"
        name = None if not part or _NOT_A_NAME.match(part) or verb_first or preposition_first else item_name(part)
        if name is None or "(" in name or ")" in name or len(name.split()) > 5 or name != re.sub(r"\s*\([^)]*\)", "", part.strip()).strip() \
                and not re.match(r"(?:the|a|an)\s", part, re.I):
            return None
        names.append(name)
    return names if len(names) >= 3 else None


_KINDS = frozenset("type kind class form group category stage phase step part component species base variety "
                   "branch division family".split())
_NO_LIST = frozenset("example instance one thing other item".split())  # "Examples include …": 14 % kept (A/B 1–20)
_RELATIVE = re.compile(r"^(?P<s>.+?)\s+(?P<v>causes|produces|has|have|cause|produce)\s+(?P<np>[\w-]+(?:\s+[\w-]+)?)\s+"
                       r"(?:that|which)$")
_SEQUENCE = re.compile(r"\b(?:successive|consecutive|stages|phases|steps)\b", re.I)
_COUNTS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def _phrase(intro: str, colon: bool, verb: str, n_items: int) -> str | None:
    """The list's own name from its introduction: "the symptoms", "the four types of bases"."""
    intro = re.sub(r"\s*\([^)]*\)", "", lx.LEAD_INS.sub("", intro.strip()))
    intro = _OTHER.sub("", intro)
    if _OPENS_CLAUSE.match(intro) or _POINTING.search(intro):
        return None
    relative = _RELATIVE.match(intro)  # "Malaria causes symptoms that (typically include)"
    if relative:
        subject = relative.group("s")
        if len(subject.split()) > 3 or not lx.is_plural(relative.group("np").split()[-1]):
            return None
        if lx.lemmas(subject.split()[0].lower()) and not lx.is_acronym(subject.split()[0]):
            subject = subject[:1].lower() + subject[1:]  # "Malaria" as a common noun mid-sentence is "malaria"
        return f"the {relative.group('np')} that {subject} {relative.group('v')}"
    if re.search(r"\b(?:that|which|who)\b", intro):
        return None
    there = _THERE_ARE.match(intro)
    if there:
        intro = there.group("np")
    elif colon:
        counted = _COUNTED.search(intro)
        if not counted:
            return None
        intro = counted.group("np")
    words = intro.split()
    if words and words[-1].lower() in ("and", "or"):
        # "Signs and symptoms vary between people and (may include)": the list belongs to the subject before the
        # first verb, not to "… vary between people and" (held-15: "Name one of the signs and symptoms vary …")
        verb_at = next((i for i, w in enumerate(words) if i and lx.is_verb_only(w)), None)
        if verb_at is None:
            return None
        words = words[:verb_at]
        intro = " ".join(words)
    head = re.split(r"\s(?:for|of|at|in|with|on|to|from)\s", intro)[0].split()
    plural_at = next((i for i, w in enumerate(words) if lx.is_plural(w)), len(words))
    # a verb before the list's noun makes the introduction a clause; after it, a participle ("bases found in DNA")
    if not 1 <= len(words) <= 8 or any(lx.is_verb_only(w) and not w.endswith(("ed", "ing")) for w in words[:plural_at]):
        return None
    head = head[:plural_at + 1] if plural_at < len(head) else head
    if not lx.is_plural(head[-1]) or lx.singular(head[-1]).lower() in _NO_LIST:
        return None
    count = next((_COUNTS.get(w.lower(), int(w) if w.isdigit() else None) for w in words
                  if w.lower() in _COUNTS or w.isdigit()), None)
    if count is not None and count != n_items:
        return None  # "two aspects: A, and B and C": the items were split wrong
    if verb in ("are", "were") and count is None and not there and lx.singular(head[-1]).lower() not in _KINDS \
            and len(head) < 2:
        return None  # "Enzymes are …": the subject alone is no list's name
    first = words[0]
    if first[:1].isupper() and not lx.is_acronym(first) and lx.lemmas(first.lower()):
        intro = first.lower() + intro[len(first):]
    intro = re.sub(r"^(?:the|some|several|many|various|certain|common|main)\s+", "", intro, flags=re.I)
    return f"the {intro}"


def enumerations(an: Analysis, section: Section) -> Iterator[Candidate]:
    """"Name one of …" from a list written in a sentence."""
    for s in section.sentences:
        if s.list_item:
            continue
        found = _enumeration(s)
        if found is None:
            continue
        phrase, names = found
        options = [display_term(an, n) for n in names]
        if len({norm(o) for o in options}) != len(options) or mostly_side_names(an, options):
            continue
        placed = in_context(an, phrase)
        if placed != phrase:
            # "Possible causes include …" under a complication of malaria are no causes *of malaria*: the subject
            # is added only where the section is about the list's head ("Signs and symptoms") or is the overview.
            head = lx.singular(phrase.split()[-1]).lower()
            counted = any(w in _COUNTS for w in phrase.split())  # "the three successive developmental phases"
            about = {lx.singular(w).lower() for w in re.findall(r"[\w-]+", section.title)}
            if section is not an.article.sections[0] and head not in about and not counted:
                continue
            phrase = placed
        if _SEQUENCE.search(phrase) and len(options) <= 6:
            # "three successive developmental phases": a sequence is asked as one (judge, A/B 28)
            q = Question(id=qid(section.slug, "order", s.text, "|".join(options)), topic=section.slug, type="order",
                         prompt=f"Put {phrase} in the order the text gives them.", items=[cap_first(o) for o in options],
                         explanation=explain(s.text), source=s.text, origin="generated")
            yield Candidate(q, 2.0, (s.id,), "order-list", "order:" + s.id)
        if mostly_bare_names(an, options):
            continue  # their order is content; naming one of them is not
        # _items gives three names at least
        yield Candidate(name_one(an, section, s.text, options, phrase), 1.3, (s.id,), "short-list", "list-one:" + s.id)


def _enumeration(s: Sentence) -> tuple[str, list[str]] | None:
    text = s.text.strip()
    # "The mild symptoms may include: fever, …", "The main processes … are: A, B, …": the colon after the verb
    text = re.sub(r"\b(include|includes|are|were|comprise|comprises)\s*:\s+", r"\1 ", text)
    named = _NAMED_BEFORE_COLON.match(text)
    if named and not _THERE_ARE.match(text):
        # "…, the forces of interest are the fundamental forces of flight: lift, drag, thrust, and weight": the list
        # is named right before its colon (held-11: read as one list from the sentence's start, it was garbled)
        intro = named.group("intro")
        first = intro.split()[0].lower()
        counted = _COUNTED.search(intro)
        verb = next((w.lower() for w in intro.split() if not lx.is_adverb(w)), first)  # "normally divided" (held-50)
        if verb.endswith("ed") and "VERB" in lx.lemmas(verb) and counted:
            # "The adrenal cortex itself is divided into three zones: …": the list is the counted noun, not
            # "the divided into three zones" (held-30's judge: "Name one of the divided into three zones")
            intro, first = counted.group("np"), counted.group("np").split()[0].lower()
        if first in lx.STOP_WORDS and first != "the" or _POINTING.search(text[:named.start("intro")]):
            return None  # "these are in three groups: …": no name, and "these" points back
        names = _items(named.group("list"))
        phrase = _phrase(intro, False, "", len(names)) if names else None
        return (phrase, names) if names and phrase else None
    for pattern, colon in ((_COLON, True), (_INCLUDE, False)):
        m = pattern.match(text)
        if m is None:
            continue
        names = _items(m.group("list"))
        verb = "" if colon else m.group("verb")
        phrase = _phrase(m.group("intro"), colon, verb, len(names)) if names else None
        if names and phrase:
            return phrase, names
    return None
