"""Where a sentence's gap goes: on its point, not its subject or a side word.

`gap_point` scores a term as the gap of its sentence (the defined term and the term after "called" up, a plain
subject and an everyday head down); `plain_subject` says when the term is the subject of a statement that does
not define it, which the builders do not ask; `defined_subject` when the sentence says what the term is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon as lx
from .terms import Span

# The phrases that name a term ("is called", "known as"); "named" and "defined as" also introduce a gap's point, but
# after them may come a person ("named after …") or a definition ("defined as a quality of …"), not a name.
NAMERS = r"called|known as|termed|referred to as"
_NAMING_TAIL = r"\s+(?:the\s+|an?\s+|its\s+|their\s+)?[\"“']?$"
_NAMING = re.compile(rf"\b(?:{NAMERS}|named|defined as){_NAMING_TAIL}", re.I)
_NAMED = re.compile(rf"\b(?:{NAMERS}){_NAMING_TAIL}", re.I)
# A prompt whose gap is the term its sentence names ("… known as the {{Second Triumvirate}}")
NAMED_GAP = re.compile(rf"\b(?:{NAMERS})\s+(?:the\s+|a\s+|an\s+|a\(n\)\s+)?[\"“]?\{{\{{")
_EXPLAINS = re.compile(
    r"\b(?:through|via|by|due to|because of|derived from|made (?:of|from)|composed of|consists? of|caused by|"
    r"produced by|catalyzed by|known as|such as)\s+(?:the\s+|an?\s+)?$", re.I
)
_DEFINED_AFTER_INTRO = re.compile(r",\s+(?:an?|the)\s+$", re.I)
# "Potency specifies the differentiation potential …", "Emulsion stability refers to the ability …" (held-9's judge:
# "gap 'Potency' instead", the term the sentence defines)
_DEFINING_VERB = re.compile(r"^\s*(?:refers? to|means|denotes|specifies|is defined as|are defined as|is the term for)\s",
                            re.I)
_IS_A = re.compile(r"^\s*(?:is|are)\s+(?:an?|the|one of)\b", re.I)
_FIRST_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|could|may|might|will|would|must|does|do|did)\b|\b\w+(?:ed|es)\b"
)
_ARE_NOUN = re.compile(r"^\s*are\s+([a-z]+)\b")
_ARE_NOUN_PHRASE = re.compile(r"^\s*are\s+[a-z]+\s+[a-z]+s\b")  # "are noncoding stretches"
_COPULA = re.compile(r"^\s*(?:is|are)\s+(?!\w+ed\b|not\b|also\b)")  # "Introns are noncoding …", not "are divided"


def defined_subject(before: str, after: str) -> bool:
    """The term opens a sentence that says what it is: "Introns are …", "The metanephros are primordia of …",
    "Part of the renal cortex, a medullary ray is a …"."""
    opens = before.strip(" \"“(") in ("", "The", "A", "An") or _DEFINED_AFTER_INTRO.search(before) is not None
    if not opens:
        return False
    if _IS_A.match(after) or _DEFINING_VERB.match(after):
        return True
    m = _ARE_NOUN.match(after)  # "are primordia", "are noncoding stretches"; not "are resistant", "are divided"
    if m is None or m.group(1).endswith(("ed", "ly")):
        return False
    word = m.group(1)
    classes = lx.lemmas(word)
    if "VERB" in classes:
        return False  # "are split", "are made"
    if "ADJ" in classes:
        return _ARE_NOUN_PHRASE.match(after) is not None  # "are noncoding stretches", not "are resistant"
    return "NOUN" in classes or lx.zipf(word) < 3.0


def gap_point(sentence: str, sp: Span, spans: Sequence[Span] = ()) -> float:
    """How much a term is the point of its sentence, as a gap: the defined term up, a plain subject down.

    Judges sent back gaps on the sentence's subject or on an everyday head ("{{cosmologists}} were convinced …",
    "{{productivity improvement}} in wool spinning …"); they kept the defined term ("… is called {{heritability}}")
    and the object of a definition ("… made from repeating units called {{nucleotides}}").
    """
    before, after = sentence[:sp.start], sentence[sp.end:]
    if _NAMING.search(before):
        return 0.6
    # The key content is the most specific term (judges asked for "bacteriophage", not "DNA fragment"; "cosmic
    # inflation", not "uniformity"), often the one that explains: "… is explained through X", "derived from X".
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", sp.text) if not lx.is_acronym(w)]
    rarest = min((lx.zipf(w) for w in words), default=0.0)
    specific = -0.35 * max(0.0, rarest - 3.0)
    explains = 0.25 if _EXPLAINS.search(before) else 0.0
    if defined_subject(before, after):
        # "Introns are …", "Part of the renal cortex, a medullary ray is a …": the subject a definition defines
        if _DEFINING_VERB.match(after):
            # "Dynamic instability refers to the coexistence of assembly and disassembly …" (held-19): the sentence
            # names what the term means, so the term is its point however plain its words
            return 0.6
        return 0.3 + specific
    bonus = specific + explains
    verb = first_verb(sentence, spans)
    if verb is not None and sp.end <= verb:
        bonus -= 0.4  # the subject of a statement: rarely its point
    head = sp.text.split()[-1]
    if not head[:1].isupper() and not lx.is_acronym(head) and lx.zipf(head) >= 4.3:
        bonus -= 0.3  # an everyday head noun ("improvement", "nature", "constructions")
    return bonus


def plain_subject(sentence: str, sp: Span, spans: Sequence[Span]) -> bool:
    """The term is the subject of a statement that does not define it: "The {{acme}} of the horizontal engine was …".

    Blind judges kept 7–19 % of such gaps (n = 137, A/B 8–20: "{{Indian textiles}} were in demand", "The
    {{controllability}} of nuclear reactors depends on …"), against 39 % for a gap later in the sentence and 78 % for
    the subject a definition defines ("{{Introns}} are …"), which stays. Only a subject near the start counts (at
    most two words before it): past that the first verb found may not be the main clause's.
    """
    before, after = sentence[:sp.start], sentence[sp.end:]
    # "Multiplicity reactivation (MR) is the process by which …" (held-17): the term's own acronym in parentheses
    # stands between the subject and its verb; not "The zooming user interface (ZUI) is …" for "user interface"
    acronym = re.match(r"^\s*\(([A-Z][A-Za-z]{1,7})\)", after)
    initials = "".join(w[0] for w in sp.text.split()).upper()
    short = acronym.group(1).upper().rstrip("S") if acronym else ""
    if acronym and len(initials) >= 2 and short and (short.startswith(initials) or initials.startswith(short)):
        after = after[acronym.end():]
    if len(before.split()) > 2 or _NAMING.search(before) or defined_subject(before, after) or _COPULA.match(after):
        return False
    verb = first_verb(sentence, spans)
    return verb is not None and sp.end <= verb


def first_verb(sentence: str, spans: Sequence[Span]) -> int | None:
    """Where the sentence's first verb starts: an auxiliary or an -ed/-es word that is not inside a key term
    ("textiles" and "bases" are nouns of their terms, not verbs)."""
    for m in _FIRST_VERB.finditer(sentence):
        if not any(t.start <= m.start() < t.end for t in spans):
            return m.start()
    return None


_WORD = r"[\w'’\-]+"
_ITEM = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
# "…, adnexal tenderness, or irregular {{menstruation}}" (held-61): one describing word may stand before the gap
_GAP_ITEM = r"(?:(?:the|some|a|an|a\(n\))\s+)?(?:(?!(?:and|or)\b)[a-z][\w-]*\s+)?\x00"
# Short names joined by commas, the last by "and"/"or": "by {{capacitance probe}}, time domain reflectometer or
# Tensiometer", "include {{inequity}}, opportunity and social freedoms", "coughing, straining, or {{myelopathy}}".
_SERIES = re.compile(rf"(?:^|(?<=[\s(]))(?:{_GAP_ITEM}|{_ITEM}),\s+(?:(?:{_GAP_ITEM}|{_ITEM}),\s+)*(?:{_GAP_ITEM}|{_ITEM}),?"
                     rf"\s+(?:and|or)\s+(?:{_GAP_ITEM}|{_ITEM})(?=[\s.,;:)]|$)")
# An item that is a clause or a predicate, not a name: the commas join something else ("…, they can be broken and …").
_NOT_AN_ITEM = re.compile(r"\b(?:they|it|its|which|who|that|this|is|are|was|were|can|could|may|might|has|have|had|will|"
                          r"would|be|been|leading|causing|acting|including|called)\b|\d|^(?:uses?|compact|became|"
                          r"requires?|organi[sz]e|release|form|make|as|left|right)\b", re.IGNORECASE)


def series_item(prompt: str) -> bool:
    """The cloze gap is one item of a list of three or more written in the sentence ("… bluing, and {{cyanotypes}}").

    Any other item fits the gap as well: held-out judges kept none of 16 such gaps (12 dropped: "one item of a list,
    many answers fit"). A list is asked by naming one of its items (`enumerations`), where every item is right.
    """
    if prompt.count(",") < 1 or not re.search(r"\b(?:and|or)\b", prompt):
        return False  # a list needs its commas and its "and"/"or"
    shown = re.sub(r"\{\{.*?\}\}", "\x00", prompt, count=1)
    for m in _SERIES.finditer(shown):
        if "\x00" not in m.group(0):
            continue
        parts = [p.strip() for p in re.split(r",\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", m.group(0))]
        gap = next(p for p in parts if "\x00" in p)
        later = [p for p in parts[1:] if p is not gap]  # the first part may carry the clause's own words
        if later and later[-1] is parts[-1]:
            later[-1] = " ".join(later[-1].split()[:2])  # the last item runs into the clause: "… and Lithuania formed"
        if len(parts) < 3 or any(len(p.split()) > 3 or _NOT_AN_ITEM.search(p) for p in later):
            continue
        clause = _NOT_AN_ITEM.search(parts[0]) is not None  # "If there are symptoms, then fever, …": the list follows
        if m.start() == 0 and len(parts[0].split()) >= 2 and gap is not parts[0] and not (clause and len(later) >= 3):
            continue  # "The two inventions, the {{hand mould}} and the printing press": an apposition
        if not gap.startswith("the") and any(p.lower().startswith("the ") for p in later):
            continue
        if re.fullmatch(_GAP_ITEM, gap) or gap is parts[0] and gap.endswith("\x00"):
            return True
    return False


def named_spans(sentence: str, spans: Sequence[Span]) -> list[Span]:
    """The terms the sentence names ("… is called the {{movement}}", "an open platform called the {{gallery}}"),
    however plain their words: the named term is a gap judges keep most (56–72 %, held-1 to held-7, n = 164), and
    everyday words scored below the term floor had left 122 of 330 such sentences unasked."""
    return [sp for sp in spans if _NAMED.search(sentence[:sp.start]) and _NAME_ENDS.match(sentence[sp.end:])]


# Where a named term ends: not "called {{hobby}} horsing" (the term finder cut the name before its "-ing" word).
_NAME_ENDS = re.compile(r"\s*(?:[,.;:)(—–]|$|(?:and|or|which|that|who|is|are|was|were|in|of|for|to|by|with|as|from|on|at|"
                        r"after|because|when|where|while|can|may|has|have|had)\b)", re.I)


_SETTING = re.compile(r"\b(?:in|on|to|at|into|near|across|throughout)\s+(?:the\s+)?\{\{([A-Z][^}|]*)")


def setting_gap(prompt: str) -> str | None:
    """The capitalised name a cloze gaps after "in", "on", "to", "at" …: where the sentence's fact happens.

    "Shards of Chinese pottery have been found in {{Borneo}}", "… the first of a series of Belgian expeditions arrived
    on {{Zanzibar}}": held-out judges kept 14 % and dropped 59 % of such gaps (n = 22), against 35 % and 24 % of the
    others; the place sets the fact, it is seldom the fact. Not an acronym, and not after "from" ("with support from
    {{South Africa}}" names an actor).
    """
    m = _SETTING.search(prompt)
    if m is None or lx.is_acronym(m.group(1).split()[0]):
        return None
    return m.group(1)
