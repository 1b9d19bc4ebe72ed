"""Term kinds from Hearst patterns, coordination and lists; definitions for "which …" questions.

"NMDA receptors, a type of glutamate receptor", "another type of glutamate receptor called AMPA
receptors" → both are glutamate receptors, so each is a fair distractor for the other, while
"glutamate receptor" itself (the category) never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .terms import Span, norm

_DET = re.compile(r"^(?:(?:a|an|the|another|other|certain|some|various|one|this|these|such)\s+)+", re.IGNORECASE)
_TYPE_OF = re.compile(r"^(?:(?:a|one|another|any)\s+)?(?:type|kind|form|class|family|group)s?\s+of\s+", re.IGNORECASE)


def strip_det(phrase: str) -> str:
    return _DET.sub("", phrase.strip()).strip()


def category_key(phrase: str) -> str:
    """'another type of glutamate receptor' → 'glutamate receptor'; 'neurotransmitter systems' → 'neurotransmitter'."""
    p = _TYPE_OF.sub("", strip_det(phrase))
    words = p.split()
    if len(words) >= 2 and lx.singular(words[-1]).lower() in ("system", "family", "class", "group", "type"):
        words = words[:-1]
    return norm(" ".join(words))


@dataclass(frozen=True)
class Definition:
    """'Y called X, which VP' / 'X, which are Y that VP' / 'X, a type of Y that VP' / 'X is a type of Y'."""

    term: str  # X as written
    category: str  # Y as written, determiners stripped ("region of the brain", "type of glutamate receptor")
    clause: str  # the relative clause without "which"/"that" ("is known to be involved in mood regulation"), may be ""
    sentence_id: str
    pattern: str  # "called", "which-is", "type-of", "is-type-of"


@dataclass
class Kinds:
    """Which terms are of the same kind, and what each term is a kind of."""

    category_of: dict[str, set[str]] = field(default_factory=dict)  # term norm → category keys (Hearst)
    members: dict[str, list[str]] = field(default_factory=dict)  # category key → member terms (surface)
    groups: dict[str, set[str]] = field(default_factory=dict)  # term norm → weak group keys (coordination, lists)
    group_members: dict[str, list[str]] = field(default_factory=dict)
    definitions: list[Definition] = field(default_factory=list)
    examples: list[tuple[str, list[str], str]] = field(default_factory=list)  # (category, members, sentence id)

    def add(self, term: str, category: str) -> None:
        key = category_key(category)
        t = norm(term)
        if not key or not t or key == t:
            return
        self.category_of.setdefault(t, set()).add(key)
        lst = self.members.setdefault(key, [])
        if all(norm(m) != t for m in lst):
            lst.append(term)

    def add_group(self, key: str, terms: list[str]) -> None:
        if len(terms) < 2:
            return
        lst = self.group_members.setdefault(key, [])
        for term in terms:
            t = norm(term)
            self.groups.setdefault(t, set()).add(key)
            if all(norm(m) != t for m in lst):
                lst.append(term)

    def same_kind(self, term: str) -> list[tuple[str, float]]:
        """Terms of the same kind as `term`, with a confidence (1.0 Hearst category, 0.6 weak group)."""
        t = norm(term)
        out: dict[str, tuple[str, float]] = {}
        for key in sorted(self.category_of.get(t, ())):
            for m in self.members.get(key, []):
                if norm(m) != t:
                    out.setdefault(norm(m), (m, 1.0))
        for key in sorted(self.groups.get(t, ())):
            for m in self.group_members.get(key, []):
                if norm(m) != t:
                    out.setdefault(norm(m), (m, 0.6))
        return list(out.values())

    def categories(self, term: str) -> set[str]:
        return self.category_of.get(norm(term), set())


def _term_before(spans: list[Span], pos: int, text: str) -> Span | None:
    """The term ending right before `pos` (only punctuation/space between)."""
    best = None
    for sp in spans:
        if sp.end <= pos and not re.search(r"[A-Za-z0-9]", text[sp.end:pos]):
            best = sp
    return best


def _term_after(spans: list[Span], pos: int, text: str) -> Span | None:
    for sp in spans:
        if sp.start >= pos and re.fullmatch(r"[\s,]*(?:(?:the|a|an)\s+)?", text[pos:sp.start], re.IGNORECASE):
            return sp
    return None


_NP_BEFORE = re.compile(r"((?:[A-Za-z][\w\-’']*\s+){1,6})$")
_CLAUSE_END = re.compile(r"[,;:!?]|(?<!\b[A-Z])\.|\s(?:but|while|whereas)\s")  # "in E. coli" runs on
_STOP_BACK = frozenset("by in on at to for from with and or but that which is are was were of".split())


def _np_back(text: str, end: int) -> str:
    """The noun phrase ending at `end`: words back to a determiner, keeping 'of the' chains."""
    words = text[:end].split()[-8:]
    out: list[str] = []
    k = len(words) - 1
    while k >= 0:
        w = words[k]
        lw = w.lower().strip(",;:")
        if w.endswith((",", ";", ":")):
            break
        if lw in ("a", "an", "the", "another", "certain", "some", "this", "these"):
            if lw == "the" and k > 0 and words[k - 1].lower() == "of":  # "region of the brain"
                out.insert(0, w)
                k -= 1
                continue
            break
        if lw in _STOP_BACK and lw != "of":
            break
        out.insert(0, w)
        k -= 1
    while out and out[0].lower() in ("of", "the"):
        out.pop(0)
    return " ".join(out)


def _relative(text: str, pos: int) -> str:
    """The relative clause starting at `pos` (after 'which'/'that'), up to the clause end."""
    rest = text[pos:].strip()
    m = _CLAUSE_END.search(rest)
    clause = rest[: m.start()] if m else rest
    return clause.strip()


_QUOTES = re.compile(r"[\"'“”‘’`*]")
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(and|or|as well as)\s+)?(?:(?:the|a|an)\s+)?", re.IGNORECASE)


def _chained(spans: list[Span], text: str) -> list[Span]:
    """The terms of a 'such as' list: the first one, then each joined to the previous one only by a comma,
    'and'/'or' and an article, with one 'and'/'or' at most (before the last item). A term after anything else
    belongs to a following clause: 'Other receptors, such as kainate receptors, are not affected by the drug'
    (not 'drug'), 'nutrients such as nitrogen or phosphorus, and farmers add …' (not 'farmers')."""
    out: list[Span] = []
    for sp in spans:
        if out:
            join = _LIST_JOIN.fullmatch(_QUOTES.sub("", text[out[-1].end:sp.start]))
            if not join:
                break
            if join.group(1):
                out.append(sp)
                break
        out.append(sp)
    return out


def find_kinds(sentences: list[tuple[str, str, list[Span]]], lists: list[tuple[str, list[list[Span]]]]) -> Kinds:
    """Kinds from (sentence id, text, term spans) and (section slug, list items' spans)."""
    kinds = Kinds()
    for sid, text, spans in sentences:
        for pattern in (_type_of, _called, _which_is, _such_as, _coordination):
            pattern(kinds, sid, text, spans)
    for slug, items in lists:
        heads = [sp[0].text for sp in items if sp]
        kinds.add_group(f"list:{slug}:{len(kinds.group_members)}", heads)
    return kinds


def _type_of(kinds: Kinds, sid: str, text: str, spans: list[Span]) -> None:
    """X, a type of Y [that VP] / X is a type of Y."""
    for m in re.finditer(r"(,\s+| is\s+)(?:a|one)\s+(?:type|kind|form|class)\s+of\s+", text):
        x = _term_before(spans, m.start(), text)
        y = _term_after(spans, m.end(), text)
        if x and y:
            kinds.add(x.text, y.text)
            tail = text[y.end:]
            rel = re.match(r"\s*(?:in [\w\s]+?\s)?(?:that|which)\s+", tail)
            clause = ""
            cat = text[m.end():y.end]
            if rel:
                clause = _relative(text, y.end + rel.end())
                extra = tail[: rel.start() + len(rel.group(0).rstrip()) - len(rel.group(0).strip().split()[-1])].strip()
                if extra.startswith("in "):
                    cat = f"{cat} {extra}"
            pattern = "is-type-of" if m.group(1).strip() == "is" else "type-of"
            kinds.definitions.append(Definition(x.text, f"type of {strip_det(cat)}", clause, sid, pattern))


def _called(kinds: Kinds, sid: str, text: str, spans: list[Span]) -> None:
    """Y called X [, which VP]."""
    for m in re.finditer(r"\s(?:called|known as|named|termed)\s+(?:the\s+)?", text):
        x = _term_after(spans, m.end(), text)
        y_phrase = _np_back(text, m.start())
        if x and y_phrase and x.start == m.end():
            kinds.add(x.text, y_phrase)
            rel = re.match(r",?\s+(?:which|that)\s+", text[x.end:])
            clause = _relative(text, x.end + rel.end()) if rel else ""
            kinds.definitions.append(Definition(x.text, strip_det(y_phrase), clause, sid, "called"))


def _which_is(kinds: Kinds, sid: str, text: str, spans: list[Span]) -> None:
    """X, which is/are Y [that VP]."""
    for m in re.finditer(r",\s+which\s+(?:is|are)\s+(?:the\s+|a\s+|an\s+)?", text):
        x = _term_before(spans, m.start(), text)
        y = _term_after(spans, m.end(), text)
        if x and y and y.start == m.end():
            kinds.add(x.text, y.text)
            clause = _relative(text, m.end())
            kinds.definitions.append(Definition(x.text, clause, "", sid, "which-is"))


def _such_as(kinds: Kinds, sid: str, text: str, spans: list[Span]) -> None:
    """Y such as / like / including X1, X2 and X3."""
    for m in re.finditer(r",?\s+(?:such as|like|including|e\.g\.,?)\s+(?:the\s+)?", text):
        y = _term_before(spans, m.start(), text)
        if not y:
            continue
        # The list may run past 'and'/'or': take terms up to the next comma-free break.
        tail = text[m.end():]
        end_m = re.search(r"[;:.!?]|,\s+(?!and\b|or\b)(?=which|that|who|and\s+\w+ing)", tail)
        seg_end = m.end() + (end_m.start() if end_m else len(tail))
        xs = _chained([sp for sp in spans if m.end() <= sp.start < seg_end], text)
        if not xs:
            continue
        names = [sp.text for sp in xs]
        # "the dopamine and serotonin systems": the last item shares its head with the others.
        last = names[-1].split()
        if len(last) == 2 and all(len(n.split()) == 1 for n in names[:-1]) \
                and re.search(r"\band\b|\bor\b", text[xs[0].end:xs[-1].start]):
            names = names[:-1] + [last[0]]
        for n in names:
            kinds.add(n, y.text)
        kinds.examples.append((y.text, names, sid))


def _coordination(kinds: Kinds, sid: str, text: str, spans: list[Span]) -> None:
    """"hallucinations or delusions", "learning and memory": two terms of one kind."""
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        between = text[a.end:b.start].strip().lower()
        if between in ("and", "or", ", and", ", or"):
            kinds.add_group(f"coord:{sid}:{i}", [a.text, b.text])
