"""Anki notes and cards as KetaQuiz questions: one question per card, as Anki makes them.

- A note type's templates say which fields a card asks and which it answers, so "Basic (and reversed
  card)" gives both directions, and any custom note type asks what its cards ask.
- A Cloze note gives one question per deletion (c1, c2 …): that deletion is the gap, the others read as text.
- Image Occlusion notes, and cards whose question or answer is only an image or a sound, are skipped
  with a message naming the note (KetaQuiz asks in text); the rest of the deck imports.
- Decks become topics by their whole path: ``Bio::Intro`` and ``Chem::Intro`` stay two topics.

A question's id is ``n<note id>`` for a note's first card and ``n<note id>-<n>`` for its n-th template
or deletion, so a deck imported again maps onto the same questions.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..questions import Question, Topic, cloze_gaps
from .collection import Card, Collection, Notetype, template_fields

if TYPE_CHECKING:
    from ..importers import _Row

MAX_SKIPS_SHOWN = 8
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)
_IMAGE_OCCLUSION = re.compile(r"\{\{c\d+::image-occlusion:", re.I)
_MATH = re.compile(r"\\\(|\\\[|\[\$\$?\]|\[latex\]", re.I)
_MEDIA = re.compile(r"<img\b|\[sound:", re.I)
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SOUND_REF = re.compile(r"\[sound:([^\]]+)\]")
_EXTRA_FIELDS = ("back extra", "extra", "explanation", "notes")
DECK_SEP = " › "


@dataclass
class Imported:
    """What a collection gives: questions (with where each came from), title, topics, warnings, and per question
    its Anki card id, so that history and suspension can follow."""

    rows: list[_Row] = field(default_factory=list)
    title: str = ""
    topics: list[Topic] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    card_of: dict[str, int] = field(default_factory=dict)  # question id -> Anki card id
    suspended: list[str] = field(default_factory=list)  # question ids whose Anki card is suspended
    history: dict[str, list[tuple[float, int]]] = field(default_factory=dict)  # question id -> (time, rating) answers
    media_files: dict[str, str] = field(default_factory=dict)  # path in the set's folder -> name in the package


def media_refs(field_html: str) -> list[str]:
    """The media file names a field shows: ``<img src="…">`` and ``[sound:…]``, in order, once each."""
    names = [html.unescape(next(g for g in m.groups() if g is not None)) for m in _IMG_SRC.finditer(field_html)]
    names += [m.group(1) for m in _SOUND_REF.finditer(field_html)]
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def _attach_media(q: Question, available: set[str], out: Imported, taken: set[str]) -> None:
    """Point the question at the package's files it shows with its prompt and with its answer (q.media and
    q.answer_media hold Anki's names until here)."""
    from ..media import is_image, is_sound, safe_media_name

    by_name = {anki: rel for rel, anki in out.media_files.items()}

    def attached(names: list[str]) -> list[str]:
        wanted = [n for n in names if n in available and (is_image(n) or is_sound(n))]
        for name in wanted:
            if name not in by_name:
                by_name[name] = safe_media_name(name, taken)
                out.media_files[by_name[name]] = name
        return [by_name[n] for n in wanted]

    q.media = attached(q.media)
    q.answer_media = [m for m in attached(q.answer_media) if m not in q.media]


def questions_from(path: Path, col: Collection, media: Iterable[str] = ()) -> Imported:
    """Every importable card of the collection as a question; skipped notes are explained in warnings.
    `media` names the package's files: the images and sounds a card's question shows go with it."""
    from ..importers import _Row

    available, taken = set(media), set[str]()
    out = Imported()
    cards_of: dict[int, list[Card]] = {}
    for c in col.cards:
        cards_of.setdefault(c.nid, []).append(c)
    out.title, deck_topic = deck_topics([col.decks.get(c.deck, "") for c in col.cards])
    skipped: list[str] = []
    row_decks: list[str] = []  # the deck of each row's card, which titles its topic
    math_notes = 0
    for n, (nid, mid, tags, flds) in enumerate(col.notes, 1):
        where = f"note {n} (nid:{nid})"
        nt = col.notetypes.get(mid) or Notetype(name="")
        if nt.image_occlusion or _IMAGE_OCCLUSION.search(flds):
            skipped.append(f"{where}: an Image Occlusion note (KetaQuiz asks in text)")
            continue
        math_notes += bool(_MATH.search(flds))
        note = _Note(path, where, nid, nt, flds, [t for t in tags.split() if t])
        cards = cards_of.get(nid) or [Card(0, nid, 0, 0, False)]  # a package without cards: one per note
        for card in cards[:1] if note.own else cards:
            try:
                q = note.question(card, deck_topic.get(col.decks.get(card.deck, ""), "imported"))
            except _Skip as why:
                skipped.append(f"{where}{'' if len(cards) == 1 else f', card {card.ord + 1}'}: {why}")
                continue
            _attach_media(q, available, out, taken)  # (a KetaQuiz export names the package's own files too)
            out.rows.append(_Row(where, q))
            row_decks.append(col.decks.get(card.deck, ""))
            if card.id:
                out.card_of[q.id] = card.id
                if card.suspended:
                    out.suspended.append(q.id)
    out.topics = _topics(out.rows, row_decks, out.title)
    question_of = {cid: qid for qid, cid in out.card_of.items()}
    for ms, cid, rating in col.reviews:
        if cid in question_of:
            out.history.setdefault(question_of[cid], []).append((ms / 1000, rating))
    out.warnings.extend(_summary(skipped, math_notes))
    return out


@dataclass
class _Note:
    """One note, ready to give the question of each of its cards."""

    path: Path
    where: str
    nid: int
    nt: Notetype
    flds: str
    tags: list[str]

    def __post_init__(self) -> None:
        self.values = self.flds.split("\x1f")
        nt_fields = self.nt.fields
        self.names = nt_fields[:len(self.values)] + [f"Field {i + 1}" for i in range(len(nt_fields), len(self.values))]
        self.by_name = {nm.strip().lower(): v for nm, v in zip(self.names, self.values)}
        self.own = self.by_name.get("ketaquiz", "")  # KetaQuiz's own export: the question whole

    def question(self, card: Card, topic: str) -> Question:
        """The question of `card`; raises _Skip with the reason when it cannot be one."""
        from ..importers import html_to_text

        if card.ord < 0:
            raise _Skip(f"its card number is {card.ord} (a damaged collection)")
        qid = f"n{self.nid}" if card.ord == 0 else f"n{self.nid}-{card.ord + 1}"
        if self.own:  # it carries its own id, tags and origin
            q = _from_ketaquiz_field(self.path, self.where, self.own, topic)
            q.id = q.id or qid
            return q
        if self.nt.cloze or (not self.nt.templates and _CLOZE.search(self.values[0] if self.values else "")):
            q = _cloze_card(self.by_name, self.values, card.ord + 1, topic, html_to_text)
        else:
            q = _template_card(self.nt, self.names, self.by_name, card.ord, topic, html_to_text)
        q.id, q.tags, q.origin = qid, list(self.tags), "imported"
        return q


def _summary(skipped: list[str], math_notes: int) -> list[str]:
    out = []
    if skipped:
        shown = "\n  ".join(skipped[:MAX_SKIPS_SHOWN])
        more = f"\n  … and {len(skipped) - MAX_SKIPS_SHOWN} more" if len(skipped) > MAX_SKIPS_SHOWN else ""
        out.append(f"{len(skipped)} card{'s' if len(skipped) != 1 else ''} skipped (search the nid in "
                   f"Anki's browser to find them):\n  {shown}{more}")
    if math_notes:
        out.append(f"{math_notes} note{'s' if math_notes != 1 else ''} hold{'s' if math_notes == 1 else ''} "
                   "MathJax/LaTeX, kept as its source text (e.g. \\(x^2\\)): KetaQuiz does not typeset it yet")
    return out


class _Skip(Exception):  # noqa: N818 - a reason, not an error
    """A card that cannot become a question; the message says why."""


def _cloze_card(by_name: dict[str, str], values: list[str], number: int, topic: str,
                to_text: Callable[[str], str]) -> Question:
    text = by_name.get("text", values[0] if values else "")
    if not any(int(m.group(1)) == number for m in _CLOZE.finditer(text)):
        raise _Skip(f"no {{{{c{number}::…}}}} deletion in its text")

    def gap(m: re.Match[str]) -> str:
        body = m.group(2)
        return "{{" + body.replace("{", "(").replace("}", ")") + "}}" if int(m.group(1)) == number else body

    prompt = to_text(_CLOZE.sub(gap, text))
    gaps = cloze_gaps(prompt)
    if not gaps or not all(gaps):
        raw = " ".join(m.group(2) for m in _CLOZE.finditer(text) if int(m.group(1)) == number)
        raise _Skip(f"deletion c{number} is only an image or a sound (KetaQuiz asks in text)" if _MEDIA.search(raw)
                    else f"deletion c{number} is empty")
    extra = next((by_name[k] for k in _EXTRA_FIELDS if by_name.get(k)), "")
    return Question(id="", topic=topic, type="cloze", prompt=prompt, explanation=to_text(extra), media=media_refs(text),
                    answer_media=media_refs(extra))


def _template_card(nt: Notetype, names: list[str], by_name: dict[str, str], ord_: int, topic: str,
                   to_text: Callable[[str], str]) -> Question:
    """The card made by template `ord_`: the fields its question shows ask; the first new field on its answer
    side answers (its first line; further lines and further fields explain)."""
    q_fields: list[str] = []
    a_fields: list[str] = []
    if 0 <= ord_ < len(nt.templates):
        qfmt, afmt = nt.templates[ord_]
        q_fields = template_fields(qfmt, names)
        a_fields = [f for f in template_fields(afmt, names, typed=True) if f not in q_fields]
    if not q_fields:  # no template to go by: Front/Back by name, else the first two fields
        q_fields = ["front"] if "front" in by_name else names[:1]
        a_fields = ["back"] if "back" in by_name else names[1:2]

    def html_of(fields: list[str]) -> str:
        return "<br>".join(by_name.get(f.strip().lower(), "") for f in fields)

    front_html, back_html = html_of(q_fields), html_of(a_fields[:1])
    front = to_text(front_html)
    if not front:
        raise _Skip("its question is only an image or a sound (KetaQuiz asks in text)" if _MEDIA.search(front_html)
                    else "its question is empty")
    back = to_text(back_html)
    if not back:
        raise _Skip("its answer is only an image or a sound (KetaQuiz asks in text)" if _MEDIA.search(back_html)
                    else "its answer is empty")
    answer, _, rest = back.partition("\n")
    extra = to_text(html_of(a_fields[1:]))
    return Question(id="", topic=topic, type="short", prompt=front, answer=answer.strip(),
                    explanation="\n".join(x for x in (rest.strip(), extra) if x), media=media_refs(front_html),
                    answer_media=media_refs(back_html + html_of(a_fields[1:])))


def _from_ketaquiz_field(path: Path, where: str, raw: str, topic: str) -> Question:
    from ..importers import _RISKY_TAG, ImportError_, html_to_text

    try:
        obj = json.loads(html.unescape(raw))
        if not isinstance(obj, dict):
            raise ValueError("not an object")
        q = Question.from_dict(obj)
    except (ValueError, TypeError, RecursionError) as e:
        raise ImportError_(f"{path}: {where}: its KetaQuiz field is not valid JSON ({e}); export the set again") from None
    for key in ("prompt", "explanation", "source"):
        value = getattr(q, key)
        if _RISKY_TAG.search(value):
            setattr(q, key, html_to_text(value))
    q.topic = q.topic or topic
    return q


def deck_topics(deck_names: list[str]) -> tuple[str, dict[str, str]]:
    """(set title, deck name -> topic id). The decks' common parent names the set; the rest of each path
    names its topic, so ``Bio::Intro`` and ``Chem::Intro`` stay apart. Anki's "Default" deck is "imported"."""
    from ..importers import topic_id

    paths = {d: [p.strip() for p in d.split("::")] for d in dict.fromkeys(deck_names) if d and d != "Default"}
    common: list[str] = []
    if paths:
        first = next(iter(paths.values()))
        for i, part in enumerate(first):
            if all(len(p) > i and p[i] == part for p in paths.values()):
                common.append(part)
            else:
                break
        if any(len(p) == len(common) for p in paths.values()):
            common = common[:-1]  # every topic keeps at least its own name
    out: dict[str, str] = {}
    taken: set[str] = {"imported"}
    for d, parts in paths.items():
        base = topic_id("-".join(parts[len(common):]))
        tid, k = base, 2
        while tid in taken:  # long names cut to the same id, or names that differ only in punctuation
            tid, k = f"{base[:44]}-{k}", k + 1
        taken.add(tid)
        out[d] = tid
    return DECK_SEP.join(common), out


def _topics(rows: list[_Row], row_decks: list[str], title: str) -> list[Topic]:
    """Topics in the order questions first use them, titled by their deck's path below the set's own."""
    skip = len(title.split(DECK_SEP)) if title else 0
    out: dict[str, Topic] = {}
    for r, deck in zip(rows, row_decks):
        t = r.q.topic
        if t not in out and deck and deck != "Default":
            out[t] = Topic(t, DECK_SEP.join(p.strip() for p in deck.split("::")[skip:]) or t)
    return list(out.values())
