"""List items: the bullets of a list run, and what each bullet names.

A bullet may hold several sentences; what it names is the term before its gloss ("Striking train: strikes a bell
…", "Basket cells, interneurons that …"), the subject it defines ("Hydrogeology is the study of …"), or the bullet
itself when it is a short name ("Decreased consciousness").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Sentence
from . import lexicon as lx
from .analysis import Analysis

_VERB_IN_ITEM = re.compile(r"\b(?:is|are|was|were|has|have|can|may|will|does|do)\b", re.I)

_MARKER = re.compile(r"^([ \t]*)(?:[-*+•]|\d{1,3}[.)])\s")
_CODE = re.compile(r"^(?:[A-Z]{1,4}\s?\d{1,3}|\d{1,3})[,:]\s+")  # "EC 3, Hydrolases: …"
_NAME_SEP = re.compile(r"^(?P<name>[^:–—;()]{2,60}?)\s*(?::\s|;\s|\s[–—-]\s|—)")  # "Striking train: …", "X – …", "X—…"
_NAME_REL = re.compile(r"^(?P<name>[^,;:()]{2,50}?)\s+(?:\([^)]*\)\s+)?(?:that|which|who)\s")  # "An escapement that gives …"
# "Drainage basin management covers water storage, …": a name and a verb that says what it is about.
_NAME_VERB = re.compile(r"^(?P<name>[^,;:()]{2,40}?)\s+(?:covers|includes|describes|concerns|deals with|studies|"
                        r"examines|refers to|involves)\s")
_DETERMINERS = frozenset("the a an its their his her this these that those each every".split())
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_NAME_IS = re.compile(r"^(?:The\s+|An?\s+)?(?P<name>[^,;:()]{2,50}?)\s+(?:is|are)\s+(?:a|an|the|one)\s")


@dataclass(frozen=True)
class Bullet:
    """One bullet of a list: its sentences (a bullet may hold several) and its indent."""

    sentences: tuple[Sentence, ...]
    indent: int
    children: tuple[str, ...] = ()  # the names of the bullets nested under it ("Vitamin D deficiency")

    @property
    def text(self) -> str:
        return self.sentences[0].text.strip()


def bullets(an: Analysis, items: list[Sentence]) -> list[Bullet]:
    """The top-level bullets of a list run: a sentence that does not open its line continues the bullet before it."""
    out: list[tuple[list[Sentence], int]] = []
    for s in items:
        line_start = an.article.text.rfind("\n", 0, s.start) + 1
        m = _MARKER.match(an.article.text[line_start:s.start + 1])
        if m or not out:
            out.append(([s], len(m.group(1).expandtabs(2)) if m else 0))
        else:
            out[-1][0].append(s)
    top = min((indent for _, indent in out), default=0)
    tops: list[Bullet] = []
    for ss, indent in out:
        if indent == top:
            tops.append(Bullet(tuple(ss), indent))
        elif tops and (name := item_name(ss[0].text)):
            last = tops[-1]
            tops[-1] = Bullet(last.sentences, last.indent, (*last.children, name))
    return tops


def defined_by_item(text: str) -> str | None:
    """The name a bullet defines when it is one whole defining sentence ("Hydrogeology is the study of …"): a
    cloze may ask it, and only it (the rest of a bullet is its gloss)."""
    m = _NAME_IS.match(_CODE.sub("", text.strip()))
    if m is None or not _name_like(m.group("name")) or len(text.split()) < 6 or re.search(r"[.!?]\s+[A-Z]", text):
        return None
    return m.group("name").strip()


def _name_like(text: str) -> bool:
    words = text.split()
    # An item opening with a verb is an instruction or a step ("Estimate the gross value …"), not a name; a
    # participle describes one ("Decreased consciousness").
    first = words[0].lower() if words else ""
    # "Collecting duct principal cell" names a cell; "Mashing the grain" is an action.
    gerund_noun = first.endswith("ing") and len(words) > 1 and words[1].lower() not in _DETERMINERS
    opens_with_verb = bool(words) and lx.is_verb_only(first) and not first.endswith("ed") and not gerund_noun
    # "Kondratiev supposed (that …)": a subject and its verb, not a name
    has_verb = any(lx.is_verb_only(w) and not w.endswith("ing") for w in words[1:]) or (
        len(words) > 1 and words[-1].endswith("ed") and words[-1].islower() and len(words[-1]) > 4)
    return 1 <= len(words) <= 6 and not _VERB_IN_ITEM.search(text) and not opens_with_verb and not has_verb \
        and re.search(r"[^\W\d_]{3}", text) is not None


def item_name(text: str) -> str | None:
    """What a bullet names: "Striking train" in "Striking train: strikes a bell …", "Hydrolases" in "EC 3,
    Hydrolases: …", "Basket cells" in "Basket cells, interneurons that …", "Chemical hydrology" in "Chemical
    hydrology is the study of …", or a short bullet itself. None for a bullet that is a sentence naming nothing."""
    text = _CODE.sub("", text.strip()).rstrip(".;:")
    name = None
    for pattern in (_NAME_SEP, _NAME_IS, _NAME_VERB, _NAME_REL):
        m = pattern.match(text)
        if m and _name_like(m.group("name")):
            name = m.group("name")
            break
    else:
        head = text.split(",")[0].strip()
        if "," in text and _name_like(head):
            name = head
        elif len(text.split()) <= 7 and _name_like(text):
            name = text
    # "Cloxacillin (by mouth or by injection)": the parenthesis says how it is given, it is no part of the name
    return re.sub(r"\s*\([^)]*\)", "", _ARTICLE.sub("", name.strip())).strip() or None if name else None
