"""Export a question set: KetaQuiz JSON, CSV with Anki's text headers, and Anki ``.apkg`` (genanki)."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .files import atomic_file, atomic_write
from .question_types import kind_of
from .questions import CLOZE_GAP, Question, QuestionSet

BINARY_FORMATS: set[str] = {"apkg"}

CSV_COLUMNS = ["id", "topic", "type", "prompt", "answer", "choices", "accept", "items", "explanation", "source",
               "tags", "origin"]


def to_json(qset: QuestionSet) -> str:
    """The set as a JSON list of objects with id, topic, type, prompt, choices, answer, explanation, source."""
    return json.dumps([q.to_export() for q in qset.questions], ensure_ascii=False, indent=2) + "\n"


def _join(items: list[str]) -> str:
    from .importers import join_list

    return join_list(items)


def _csv_answer(q: Question) -> str:
    return kind_of(q.type).csv_answer(q)


def to_csv(qset: QuestionSet) -> str:
    """The set as CSV with Anki's text-export headers; lists are joined with ' | ', tags with spaces."""
    out = io.StringIO()
    out.write("#separator:Comma\n#html:false\n")
    out.write("#columns:" + ",".join(CSV_COLUMNS) + "\n")
    out.write(f"#tags column:{CSV_COLUMNS.index('tags') + 1}\n")
    w = csv.writer(out, lineterminator="\n")
    for q in qset.questions:
        w.writerow([
            q.id, q.topic, q.type, q.prompt, _csv_answer(q), _join(q.choices), _join(q.accept), _join(q.items),
            q.explanation, q.source, " ".join(t.replace(" ", "_") for t in q.tags), q.origin,
        ])
    return out.getvalue()


# --- Anki .apkg -----------------------------------------------------------------
_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background: white; }\n" \
       ".explanation { font-size: 16px; color: #555; margin-top: 1em; }\n"


def stable_id(set_id: str, kind: str) -> int:
    """A deterministic Anki id (model or deck) from the set id, in the range Anki uses for generated ids."""
    digest = hashlib.sha256(f"ketaquiz:{set_id}:{kind}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _h(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def cloze_to_anki(prompt: str) -> str:
    """``{{a|b}}`` gaps → ``{{c1::a}}``, numbered in order (alternatives are kept in the KetaQuiz field)."""
    counter = iter(range(1, 10_000))
    parts: list[str] = []
    last = 0
    for m in CLOZE_GAP.finditer(prompt):
        parts.append(_h(prompt[last:m.start()]))
        parts.append(f"{{{{c{next(counter)}::{_h(m.group(1).split('|')[0].strip())}}}}}")
        last = m.end()
    parts.append(_h(prompt[last:]))
    return "".join(parts)


def _front(q: Question) -> str:
    return kind_of(q.type).anki_front(q, _h)


def media_files(qset: QuestionSet) -> dict[str, Path]:
    """The images and sounds the set's questions show (with the prompt or the answer) that are in its folder:
    name in the set file -> the file."""
    from .media import resolve_media

    folder = qset.path.parent if qset.path is not None else None
    out: dict[str, Path] = {}
    for q in qset.questions:
        for name in (*q.media, *q.answer_media):
            path = resolve_media(folder, name) if folder is not None and name not in out else None
            if path is not None:
                out[name] = path
    return out


def _copy_media(qset: QuestionSet, dest: Path) -> int:
    """Copy the set's media files under `dest` at the same relative paths (a JSON or CSV export beside them then
    names files that are there); how many were copied."""
    import shutil

    n = 0
    for name, path in media_files(qset).items():
        target = dest / name
        if target.resolve() == path.resolve():
            continue  # (exported into the set's own folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        n += 1
    return n


class _PackageMedia:
    """The media an .apkg carries: Anki keeps its files in one flat folder, so each gets a unique base name."""

    def __init__(self, qset: QuestionSet) -> None:
        from .media import safe_media_name

        taken: set[str] = set()
        self.files = media_files(qset)
        self.names = {name: safe_media_name(name, taken).rpartition("/")[2] for name in self.files}

    def names_of(self, names: list[str]) -> list[str]:
        return [self.names[n] for n in names if n in self.names]

    def html(self, names: list[str]) -> str:
        """Anki's references to the files: <img src> for an image, [sound:] for a sound."""
        from .media import is_image

        return "".join(f'<br><img src="{html.escape(n)}">' if is_image(n) else f"[sound:{n}]"
                       for n in self.names_of(names))

    def write_to(self, folder: Path) -> list[str]:
        import shutil

        out = []
        for name, path in self.files.items():
            shutil.copyfile(path, folder / self.names[name])
            out.append(str(folder / self.names[name]))
        return out


def to_apkg(qset: QuestionSet, path: Path) -> None:
    """Write an Anki package: cloze → Cloze note type, others → Basic (answer and explanation on the back).

    Each note also carries the question as JSON in a hidden 'KetaQuiz' field, so importing it back is lossless.
    """
    import genanki

    basic = genanki.Model(
        stable_id(qset.id, "basic"), "KetaQuiz Basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Explanation"}, {"name": "KetaQuiz"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}',
        }],
        css=_CSS,
    )
    cloze = genanki.Model(
        stable_id(qset.id, "cloze"), "KetaQuiz Cloze",
        fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "KetaQuiz"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}],
        css=_CSS, model_type=genanki.Model.CLOZE,
    )
    # One subdeck per topic ("Set title::Topic title"): Anki shows the structure, and import reads the titles back.
    set_title = (qset.title or qset.id).replace("::", ":")
    titles = {t.id: t.title for t in qset.topics}
    decks: dict[str, Any] = {}

    def deck_for(topic: str) -> Any:
        if topic not in decks:
            name = f"{set_title}::{(titles.get(topic) or topic).replace('::', ':')}"
            decks[topic] = genanki.Deck(stable_id(qset.id, f"deck:{topic}"), name)
        return decks[topic]

    for t in qset.topics:
        deck_for(t.id)
    media = _PackageMedia(qset)
    for q in qset.questions:
        own = q.to_dict()  # the lossless copy names the files as the package does (an import maps them back)
        for key in ("media", "answer_media"):
            if key in own:
                own[key] = media.names_of(own[key])
        blob = html.escape(json.dumps(own, ensure_ascii=False))
        tags = [t.replace(" ", "_") for t in q.tags] + [f"topic::{q.topic}".replace(" ", "_")]
        guid = genanki.guid_for(qset.id, q.id)
        if kind_of(q.type).anki_cloze:
            note = genanki.Note(model=cloze, fields=[cloze_to_anki(q.prompt) + media.html(q.media),
                                                     _h(q.explanation) + media.html(q.answer_media), blob],
                                tags=tags, guid=guid)
        else:
            note = genanki.Note(model=basic, fields=[_front(q) + media.html(q.media),
                                                     _h(q.answer_text()) + media.html(q.answer_media),
                                                     _h(q.explanation), blob], tags=tags, guid=guid)
        deck_for(q.topic).add_note(note)
    with atomic_file(path) as tmp, tempfile.TemporaryDirectory() as files:
        genanki.Package(list(decks.values()) or [genanki.Deck(stable_id(qset.id, "deck"), set_title)],
                        media_files=media.write_to(Path(files))).write_to_file(tmp)


# format name -> text writer; binary formats write files themselves (see FILE_WRITERS).
TEXT_WRITERS: dict[str, Callable[[QuestionSet], str]] = {"json": to_json, "csv": to_csv}
FILE_WRITERS: dict[str, Callable[[QuestionSet, Path], None]] = {"apkg": to_apkg}
FORMATS = set(TEXT_WRITERS) | set(FILE_WRITERS)
SUFFIXES = {"json": ".json", "csv": ".csv", "apkg": ".apkg"}


def export_text(qset: QuestionSet, fmt: str) -> str:
    """The set as text in a text format (json, csv)."""
    if fmt not in TEXT_WRITERS:
        raise ValueError(f"unknown text export format {fmt!r}; use one of {', '.join(sorted(TEXT_WRITERS))}")
    return TEXT_WRITERS[fmt](qset)


def export_set(qset: QuestionSet, fmt: str, path: Path) -> Path:
    """Write the set to `path` in format `fmt`; the images and sounds its questions show go with it (inside an
    .apkg; beside a JSON or CSV file, at the paths the file names)."""
    path = Path(path)
    if fmt in FILE_WRITERS:
        FILE_WRITERS[fmt](qset, path)
    else:
        atomic_write(path, export_text(qset, fmt))
        _copy_media(qset, path.parent)
    return path
