"""Names of people and places as a learner types them: the full name the article gives a surname, a name without
its title, the article's other spelling of a name, a state's everyday short name. Each was a natural answer blind
judges found refused (`docs/judging/corpus-final-15`, held-35, held-37, held-24, held-40)."""

from __future__ import annotations

import re

from . import lexicon as lx
from .analysis import Analysis

# Ranks and forms of address that stand before a name and are no part of what a learner recalls of it.
_TITLES = frozenset("dr mr mrs ms st sir saint emperor empress king queen pope prince princess duke duchess count "
                    "countess lord lady president general captain admiral professor khedive sultan tsar czar kaiser "
                    "archduke margrave elector chancellor minister chief".split())
# The small words inside a name: "Pedro de Valdivia", "Vasco da Gama", "Ludwig van Beethoven"
PARTICLES = frozenset("de da del della di von van der den le la du bin ibn".split())
_PEOPLE_ENDINGS = ("ean", "ese", "ish")  # "Caribbean Hindustani", "Japanese Shinto": a people's word, no given name
# A name's letters may carry accents ("Sékou Touré", "Lemaître"): Latin-1's capitals and small letters
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}]+(?:['’-][{_UPPER}{_LOWER}]+)?|[A-Z]\.)"


def is_title(word: str) -> bool:
    """A title before a name ("Minister", "Chief", "Dr."): no part of the name."""
    return word.lower().rstrip(".") in _TITLES


def said_alone(an: Analysis, words: list[str]) -> bool:
    """The article names the person by the last word of the name alone, after a title or a small word ("Prime Minister
    Jonathan", "the Jonathan government"): held-48's judge wanted "Jonathan" for "Leabua Jonathan", a surname that is
    also an everyday first name."""
    before: dict[str, set[str]] | None = an.__dict__.get("_words_before")
    if before is None:  # each capitalised word with the words written before it, in one pass (asked for every name)
        before = an.__dict__["_words_before"] = {}
        for m in re.finditer(r"(\S+)\s+(?=([A-Z][\w'’-]*)\b)", an.article.text):
            before.setdefault(m.group(2), set()).add(m.group(1))
    return any(w != words[-2] and (w.islower() or is_title(w)) for w in before.get(words[-1], ()))


def full_names(an: Analysis, term: str) -> list[str]:
    """The whole name the article gives a person it also calls by surname alone: "Gregor Mendel" for "Mendel",
    "Richard Arkwright", "Saad Zaghlul" — the natural answer of four judges who found only the surname accepted
    (corpus-final-15, held-35). The words in front must be given names or initials: capitalised words English does
    not know ("Modern Mendel" is no name), no title ("Professor Wundt" names "Wundt"), nothing the article writes
    after "the" ("the Caribbean", "the Maghrib": places, not people). Two people of one surname ("Ioannis" and
    "Augustinos Kapodistrias") leave the surname alone."""
    if not re.fullmatch(rf"[{_UPPER}][{_LOWER}]+(?:['’][{_LOWER}]+)?", term):
        return []
    cache: dict[str, list[str]] = an.__dict__.setdefault("_full_names", {})  # asked for every gap on the name
    if term not in cache:
        cache[term] = _full_names(an, term)
    return list(cache[term])


def _full_names(an: Analysis, term: str) -> list[str]:
    if not lx.names_alone(term) or _after_the(an, term):
        return []
    found: list[str] = []
    for m in re.finditer(rf"\b((?:{_NAME_WORD}\s){{1,3}})((?:{'|'.join(PARTICLES)})\s)?{re.escape(term)}\b(?!['’-]|\s+[A-Z])",
                         an.article.text):
        given = m.group(1).split()
        while given and (is_title(given[0]) or given[0].lower() in lx.STOP_WORDS
                         or lx.lemmas(given[0].lower())):
            given.pop(0)  # "Then Mendel", "Professor Wundt": the words before the name are no part of it
        if given and _given_names(an, given):
            name = " ".join([*given, (m.group(2) or "") + term])  # "Pedro de Valdivia" (held-50)
            if name not in found:
                found.append(name)
    return found if len(found) == 1 else []


def _given_names(an: Analysis, words: list[str]) -> bool:
    """Each word an initial or a given name: a capitalised word English does not know, never written after "the" (a
    place: "the Caribbean"), no people's word ("Caribbean Hindustani")."""
    return all(w.endswith(".") or not lx.lemmas(w.lower()) and not _after_the(an, w)
               and not w.endswith(_PEOPLE_ENDINGS) for w in words)


def _after_the(an: Analysis, word: str) -> bool:
    """The article writes "the <word>" as a thing of its own ("the Caribbean.", "the Sonderbund dissolved"): a place
    or a body, not a person — a name that describes what follows ("the Arkwright patent", "the Akayev Presidency")
    still may be one."""
    for m in re.finditer(rf"\bthe\s+{re.escape(word)}\b(?:\s+([A-Za-z]+))?", an.article.text, re.IGNORECASE):
        after = m.group(1) or ""
        if not (after[:1].isupper() or after and lx.can_be_noun(after) and not lx.is_verb_only(after)
                and after not in lx.STOP_WORDS):
            return True
    return False


def spelled_otherwise(an: Analysis, term: str) -> list[str]:
    """The other spelling of a name the article itself uses: "Maghrib" beside "Maghreb", "Isma'il" beside "Ismail"
    (held-24, held-35: the article's own variant graded wrong). Only a vowel for a vowel or an apostrophe or hyphen
    more or less, the first two letters and the last alike: "Prussia" and "Russia", "Austria" and "Austrian" are
    other names."""
    if not re.fullmatch(r"[A-Z][a-z'’-]{4,}", term):
        return []
    names: set[str] | None = an.__dict__.get("_capitalised")
    if names is None:  # every capitalised word of the article, once (gap_for asks for every candidate)
        names = an.__dict__["_capitalised"] = set(re.findall(r"(?<![\w'’-])[A-Z][a-z'’-]{4,}(?![\w'’-])", an.article.text))
    return sorted(n for n in names if n != term and _variant(term, n))


def _variant(a: str, b: str) -> bool:
    """Two spellings of one name (see `spelled_otherwise`)."""
    if a[:2] != b[:2] or a[-1] != b[-1]:
        return False
    marks = "'’-"
    if a.translate({ord(c): None for c in marks}) == b.translate({ord(c): None for c in marks}):
        return True  # "Isma'il" and "Ismail"
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0][0] in "aeiou" and diff[0][1] in "aeiou"


def untitled(term: str) -> list[str]:
    """A name without its title: "Frederick II" for "Emperor Frederick II" (held-37's judge: the natural answer was
    graded wrong)."""
    words = term.split()
    title = words[0].lower().rstrip(".")
    # the rest a name: given names and numerals, which English does not know ("General Motors" keeps "General");
    # not a saint, whose name is a place's too ("Saint Petersburg")
    if len(words) >= 2 and title in _TITLES and title not in ("st", "saint") and words[0][:1].isupper() \
            and all(w[:1].isupper() and (not lx.lemmas(w.lower()) or re.fullmatch(r"[IVXL]+", w)) for w in words[1:]):
        return [" ".join(words[1:])]
    return []


# The head of a state's name that a learner leaves off: "Malacca" for "Malacca Sultanate", "Ming" for "Ming Dynasty"
POLITY_WORDS = frozenset("sultanate kingdom empire dynasty caliphate khanate emirate principality".split())
# The short names every reader knows a state by; the learner types them whatever the article writes. Not "US" for
# "United States": a gap that accepts a general-knowledge acronym is refused (`quality.acronym_answer`), and two
# questions of the 138 articles went with it.
_STATE_NAMES = (("Soviet Union", "USSR"), ("United Kingdom", "Britain", "Great Britain"))
# The powers a reader names in any sentence of world affairs, the United States and the states above by every name: as a
# gap they ask general knowledge (held-46's judge: "Reagan … with {{Soviet Union}}", "tests conducted by the {{United
# States}}"; blind judges kept 0 of 6 such gaps)
WORLD_POWERS = frozenset({"United States", "United States of America", "USA", "US", "America",
                          *(name for names in _STATE_NAMES for name in names)})


def state_names(term: str) -> list[str]:
    """A state's other everyday name: "USSR" for "Soviet Union" and back (held-40's judge: "the natural answers
    'USSR' and 'the Soviets' would be marked wrong"), "Britain" for "United Kingdom" (held-42's)."""
    for names in _STATE_NAMES:
        if term in names:
            return [n for n in names if n != term]
    return []


# A Korean given name written with its hyphen: "Man-sik", "Il-sung", "Chung-hee", "Jong-un"
_HYPHENED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")


def family_name_first(words: list[str]) -> bool:
    """A Korean name, whose family name comes first: "Cho Man-sik", "Kim Il-sung"; not "The Atari-style", nor a family
    name English also uses ("Park Chung-hee" keeps the rule of surnames: it is not known here which is which)."""
    family = words[0].lower()
    return len(words) == 2 and len(family) <= 4 and family.isalpha() and family not in lx.STOP_WORDS \
        and not lx.lemmas(family) and _HYPHENED_GIVEN_NAME.fullmatch(words[1]) is not None


# A person's whole name in running text: given names or initials, small words, a surname ("Cecil George Paine",
# "H. Gerdien", "Jerónimo de Ayanz y Beaumont", "Daniel arap Moi")
_PERSON = re.compile(rf"(?<![\w.’'-])((?:{_NAME_WORD}\s+){{1,3}}(?:(?:{'|'.join(PARTICLES)}|y|arap)\s+"
                     rf"(?:{_NAME_WORD}\s+)?(?:(?:y|e)\s+)?)?[{_UPPER}][{_LOWER}]+(?:['’-][{_UPPER}{_LOWER}]+)?)(?![\w'’-])")


def people(an: Analysis, text: str) -> list[re.Match[str]]:
    """The people `text` names in full: each given name an initial or a word English does not know and the article
    never writes after "the" ("Modern Mendel", "French Equatorial Africa", "Netherlands East Indies" are no people),
    and the last word no everyday English noun ("Borno State", "Nobel Prize")."""
    out = []
    for m in _PERSON.finditer(text):
        words = m.group(1).split()
        given = [w for w in words[:-1] if w not in PARTICLES and w not in ("y", "e", "arap")]
        if words[0].lower() in lx.STOP_WORDS:
            continue  # "The Basmachi", "The Portuguese"
        while given and is_title(given[0]):
            given.pop(0)
        last = words[-1].lower()
        if last in POLITY_WORDS or lx.lemmas(last) and lx.zipf(last) >= 4.0:
            continue  # "Borno State", "Nobel Prize", "Ottoman Empire": a place or a thing, not a surname
        if given and _given_names(an, given):
            out.append(m)
    return out
