"""Import question sets: CSV/TSV (import_csv.py), Anki ``.apkg``/``.colpkg`` (the anki package) and KetaQuiz JSON.

This module holds the entry points, the JSON reader and what the readers share (errors, text cleanup).
An import is all or nothing: the whole file is read and checked in memory first; only a file
with no problem is written, as ``<data>/sets/<id>/set.toml``. A problem raises ``ImportError_``
with one report naming the file, the row or note and what to do. (An Anki package leaves out the
cards the checks refuse, and says which: one odd note must not cost a whole deck.)

Untrusted input is neutralised: HTML is reduced to text (scripts, images and remote content
dropped); an Anki package's images and sounds that questions show are copied beside the set under
names made safe (media.py), and archives with ``..``/absolute member paths, links or a huge
uncompressed size are refused before anything is extracted.
"""

from __future__ import annotations

import errno
import functools
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import nh3

from . import ids, shapes
from .bulk import gc_paused
from .check import check_question
from .library import DataDir, bundled_questions_dir
from .plaintext import strip_controls
from .question_types import is_known, kind_of, type_names
from .questions import Question, QuestionSet, Topic
from .setwriter import write_set
from .store import Store

if TYPE_CHECKING:
    from .anki import Imported

MAX_PROBLEMS_SHOWN = 8
LIST_SEP = " | "  # separates list cells (choices, accept, items) in CSV


class ImportError_(Exception):  # noqa: N801 - trailing underscore avoids shadowing the builtin
    """A file that cannot be imported; the message is the whole report for the user."""


@dataclass
class ImportResult:
    """What an import wrote."""

    set_id: str
    path: Path
    count: int
    warnings: list[str] = field(default_factory=list)
    qset: QuestionSet | None = field(default=None, repr=False)  # the set as written, to load without re-reading
    history: dict[str, list[tuple[float, int]]] = field(default_factory=dict, repr=False)  # Anki's answers by question
    suspended: list[str] = field(default_factory=list)  # question ids suspended in Anki
    reviews: int = 0  # answers brought into the learner's log by load_imported


@dataclass
class _Row:
    """A parsed question with where it came from, for error reports."""

    where: str  # "row 12", "note 3"
    q: Question


# --- entry points ---------------------------------------------------------------
def import_file(path: Path, data: DataDir, set_id: str | None = None, *, overwrite: bool = False,
                title: str | None = None) -> ImportResult:
    """Import `path` as a new set in the data directory; raises ImportError_ and writes nothing on any problem."""
    with gc_paused():  # hundreds of thousands of new objects and no cycles: collections only cost time
        return _import_file(path, data, set_id, overwrite, title)


def _import_file(path: Path, data: DataDir, set_id: str | None, overwrite: bool, title: str | None) -> ImportResult:
    qset, warnings, anki = _read(path, set_id, title)
    dest = set_file_for(data, qset.id)
    _refuse_existing(data, qset.id, dest, overwrite)
    media: list[Path] = []
    made_folder = not dest.parent.exists()
    try:
        if anki is not None and anki.media_files:
            media = _copy_anki_media(path, anki, qset, dest.parent, warnings)
        write_set(qset, dest)
    except OSError as e:
        for f in media:
            f.unlink(missing_ok=True)
        if made_folder:  # nothing half-made is left: an empty sets/<id>/ would refuse the retry as "already exists"
            import shutil

            shutil.rmtree(dest.parent, ignore_errors=True)
        advice = "free some space on that disk" if e.errno == errno.ENOSPC else "check the data directory's permissions"
        raise ImportError_(f"{path}: cannot write {dest}: {e.strerror}; {advice}, then import again") from None
    res = ImportResult(set_id=qset.id, path=dest, count=len(qset.questions), warnings=warnings, qset=qset)
    if anki is not None:
        res.history, res.suspended = anki.history, anki.suspended
    return res


def _copy_anki_media(path: Path, anki: Imported, qset: QuestionSet, folder: Path, warnings: list[str]) -> list[Path]:
    """The images and sounds the questions show, copied beside the set file; a file left out is dropped from
    its questions and named in a warning."""
    from .anki import copy_media

    shown = {m for q in qset.questions for m in (*q.media, *q.answer_media)}  # (a question left out shows nothing)
    written, left_out = copy_media(path, {rel: n for rel, n in anki.media_files.items() if rel in shown}, folder)
    kept = {str(f.relative_to(folder).as_posix()) for f in written}
    for q in qset.questions:
        q.media = [m for m in q.media if m in kept]
        q.answer_media = [m for m in q.answer_media if m in kept]
    if left_out:
        warnings.append(f"{len(left_out)} media file{'s' if len(left_out) != 1 else ''} left out:\n  "
                        + "\n  ".join(left_out[:MAX_PROBLEMS_SHOWN]))
    return written


def load_imported(store: Store, result: ImportResult) -> None:
    """Load a just-imported set into a learner's store from memory (the library's next load then skips it),
    with the history it brings: Anki's answers replayed through FSRS, and its suspended cards kept suspended."""
    if result.qset is None:
        return
    entries = {}
    if result.history:
        from .anki.history import rebuild

        entries = rebuild(result.history, store.settings())  # before the write lock: FSRS's replay takes time
    with store.write():  # the set and its history in one transaction: both or neither
        store.sync_set(result.qset)
        if entries or result.suspended:
            result.reviews = store.import_history(result.set_id, entries, result.suspended)


def history_summary(result: ImportResult) -> str:
    """What load_imported brought along, in words ("" when nothing)."""
    parts = []
    if result.reviews:
        cards = sum(1 for v in result.history.values() if v)
        parts.append(f"{result.reviews} review{'s' if result.reviews != 1 else ''} of {cards} card{'s' if cards != 1 else ''} "
                     "imported, their schedules rebuilt with FSRS")
    if result.suspended:
        n = len(result.suspended)
        parts.append(f"{n} suspended card{'s' if n != 1 else ''} kept suspended")
    return "; ".join(parts)


def read_import(path: Path, set_id: str | None = None, title: str | None = None) -> tuple[QuestionSet, list[str]]:
    """Read and check a file to import, without writing anything: (set, warnings)."""
    qset, warnings, _anki = _read(Path(path), set_id, title)
    return qset, warnings


def _read(path: Path, set_id: str | None, title: str | None) -> tuple[QuestionSet, list[str], Imported | None]:
    """read_import, and for an Anki package all it read (history, suspended cards)."""
    if not path.is_file():
        raise ImportError_(f"{path}: no such file; check the path")
    sid = set_id if set_id is not None else id_from_name(path.stem)
    if ids.set_id_problem(sid):
        raise ImportError_(f"{path}: {sid!r} is not a valid set id; {ids.SET_ID_RULE} (pass --set ID)")
    suffix = path.suffix.lower()
    warnings: list[str] = []
    topics_meta: list[Topic] = []
    anki = None
    if suffix in (".apkg", ".colpkg"):
        rows, deck_title, warnings, topics_meta, anki = _read_apkg(path)
        default_title = deck_title or path.stem.replace("_", " ")
    elif suffix == ".json":
        rows, json_title, topics_meta = _read_json(path)
        default_title = json_title or path.stem.replace("_", " ")
    elif suffix in (".csv", ".tsv", ".txt"):
        from .import_csv import read_csv  # here: it builds on this module

        rows = read_csv(path)
        default_title = path.stem.replace("_", " ")
    else:
        raise ImportError_(f"{path}: unknown file type {suffix or '(none)'}; import a .csv, .tsv, .txt, .apkg or .json file")
    if not rows:
        raise ImportError_(f"{path}: no questions found; the file is empty or has only headers")
    refused: list[str] | None = [] if anki is not None else None
    qset = _build_set(path, sid, title or default_title, rows, topics_meta, refused)
    if refused:
        shown = "\n  ".join(refused[:MAX_PROBLEMS_SHOWN])
        more = f"\n  … and {len(refused) - MAX_PROBLEMS_SHOWN} more" if len(refused) > MAX_PROBLEMS_SHOWN else ""
        warnings.insert(0, f"Cards left out, refused by KetaQuiz's checks ({len(refused)} problem"
                           f"{'s' if len(refused) != 1 else ''}; fix them in Anki and import again to have them):"
                           f"\n  {shown}{more}")
    return qset, warnings, anki


def set_file_for(data: DataDir, set_id: str) -> Path:
    """Where a user's set with this id lives."""
    return data.sets_dir / set_id / "set.toml"


def id_from_name(name: str) -> str:
    """A set id from a file name: lowercase words joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-") or "imported"


def _refuse_existing(data: DataDir, set_id: str, dest: Path, overwrite: bool) -> None:
    if ids.is_bundled_set_id(set_id) or (bundled_questions_dir() / set_id).exists():
        raise ImportError_(f"set id {set_id!r} is taken by a bundled set; choose another id with --set ID")
    if (data.root / "trash" / set_id).exists():
        raise ImportError_(f"a deleted set with id {set_id!r} is in the trash; restore or purge it first, "
                           "or choose another id with --set ID")
    if (dest.exists() or dest.parent.exists()) and not overwrite:
        raise ImportError_(f"a set with id {set_id!r} already exists ({dest.parent}); choose another id with --set ID")


def _build_set(path: Path, sid: str, title: str, rows: list[_Row], topics_meta: list[Topic],
               skipped: list[str] | None = None) -> QuestionSet:
    """Assemble and validate the set; every problem is reported at once, nothing is written.

    With `skipped` (an Anki package, where one odd note must not cost the deck), a question the checks refuse
    is left out and its problems go to `skipped`; only a package left with no question is refused."""
    title = clean_text(title)
    topics: dict[str, Topic] = {t.id: Topic(t.id, clean_text(t.title), t.section) for t in topics_meta}
    for r in rows:
        _clean_question(r.q)
    for r in rows:
        if not r.q.topic:
            r.q.topic = "imported"
        if r.q.topic not in topics:
            topics[r.q.topic] = Topic(id=r.q.topic, title=_topic_title(r.q.topic))
    problems: list[str] = []
    seen: dict[str, str] = {}
    topic_ids = set(topics)
    kept: list[_Row] = []
    for r in rows:
        q = r.q
        mine = [f"{r.where}: id {q.id!r} already used at {seen[q.id]}; give each question its own id"] if q.id in seen else []
        seen.setdefault(q.id, r.where)
        mine += [f"{r.where}: {fld}: {msg}" for fld, msg in check_question(q, topics=topic_ids)]
        problems += mine
        if not mine:
            kept.append(r)
    if problems and (skipped is None or not kept):
        shown = "\n  ".join(problems[:MAX_PROBLEMS_SHOWN])
        more = f"\n  … and {len(problems) - MAX_PROBLEMS_SHOWN} more" if len(problems) > MAX_PROBLEMS_SHOWN else ""
        raise ImportError_(
            f"{path}: nothing imported, {len(problems)} problem{'s' if len(problems) != 1 else ''}:\n  {shown}{more}\n"
            "Fix these in the file and import it again."
        )
    if problems and skipped is not None:
        skipped.extend(problems)
        used = {r.q.topic for r in kept}
        topics = {t: topic for t, topic in topics.items() if t in used}
    return QuestionSet(id=sid, title=title, topics=list(topics.values()), questions=[r.q for r in kept])


def _topic_title(topic_id: str) -> str:
    return topic_id.replace("-", " ").replace("_", " ").strip().capitalize() or topic_id


@functools.lru_cache(maxsize=4096)
def topic_id(name: str) -> str:
    """A topic id from a free-form name (deck, topic column)."""
    s = re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")
    return s[:48] or "imported"


# --- text cleanup ---------------------------------------------------------------
_ANY_TAG = re.compile(r"</?[A-Za-z!][^<>]*>")
_RISKY_TAG = re.compile(r"<\s*/?\s*(?:script|style|img|iframe|object|embed|link|svg|audio|video|a|form|input)\b", re.I)
_BLOCK_BREAK = re.compile(r"<\s*(?:br\s*/?|/div|/p|/li|/h[1-6]|/tr)\s*>", re.I)
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_NEEDS_WORK = re.compile(r"[<&\n\t\r\f\v]|\[sound:|  ")
_DROP_CONTENT = {"script", "style", "textarea", "title"}
_ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def html_to_text(value: str) -> str:
    """Reduce HTML to plain text: tags dropped (script/style contents too), entities decoded, spaces folded."""
    if not _NEEDS_WORK.search(value):
        return value.strip()
    if "[sound:" in value:
        value = _SOUND.sub("", value)
    if "<" in value:
        value = _BLOCK_BREAK.sub("\n", value)
        # Plain formatting tags (<b>, <div>, …) just go; anything risky or odd goes through nh3.
        stripped = None if _RISKY_TAG.search(value) else _ANY_TAG.sub("", value)
        if stripped is not None and "<" not in stripped:
            value = stripped
        else:
            value = nh3.clean(value, tags=set(), attributes={}, clean_content_tags=_DROP_CONTENT)
    if "&" in value:
        value = html.unescape(value).replace("\xa0", " ")
        # Escaped markup decodes to text such as "<script>": never let it pass as a tag.
        for _ in range(3):
            if not _RISKY_TAG.search(value):
                break
            value = nh3.clean(value, tags=set(), attributes={}, clean_content_tags=_DROP_CONTENT)
            value = html.unescape(value)
    if not _NEEDS_WORK.search(value):
        return value.strip()
    lines = [_SPACES.sub(" ", ln).strip() for ln in value.split("\n")]
    return "\n".join(ln for ln in lines if ln)


_UNSAFE = re.compile(_RISKY_TAG.pattern + "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", re.I)


def clean_text(value: str) -> str:
    """Imported text as data: risky markup (images, scripts, links…) reduced to its text as prompts are,
    control characters and escape sequences removed. Plain text comes back as it is."""
    if not _UNSAFE.search(value):
        return value
    if _RISKY_TAG.search(value):
        value = html_to_text(value)
    return strip_controls(value)


def _clean_question(q: Question) -> None:
    """Every text of an imported question cleaned (clean_text); one search tells when none needs it."""
    answer = q.answer
    answers = answer if isinstance(answer, list) else [answer] if isinstance(answer, str) else []
    texts = [q.prompt, q.explanation, q.source, *q.choices, *q.accept, *q.items, *q.tags, *answers]
    if not _UNSAFE.search("\n".join(map(str, texts))):
        return
    q.prompt, q.explanation, q.source = clean_text(q.prompt), clean_text(q.explanation), clean_text(q.source)
    q.choices, q.accept, q.items = [clean_text(c) for c in q.choices], [clean_text(a) for a in q.accept], [clean_text(i) for i in q.items]
    q.tags = [t for t in (clean_text(t).strip() for t in q.tags) if t]
    if isinstance(answer, str):
        q.answer = clean_text(answer)
    elif isinstance(answer, list):
        q.answer = [clean_text(a) if isinstance(a, str) else a for a in answer]


def _cell_text(value: str, html_mode: bool | None) -> str:
    if not _NEEDS_WORK.search(value):
        return value.strip()
    if html_mode is True or (html_mode is None and _ANY_TAG.search(value)) or (html_mode is False and _RISKY_TAG.search(value)):
        return html_to_text(value)
    return _SOUND.sub("", value).strip()


def anki_cloze_to_ketaquiz(text: str) -> str:
    """``{{c1::text::hint}}`` → ``{{text}}`` (hints dropped; KetaQuiz gaps have no hints)."""
    return _ANKI_CLOZE.sub(lambda m: "{{" + m.group(2).strip() + "}}", text)


def split_list(cell: str) -> list[str]:
    """A list cell: items separated by ' | ' (a literal '|' inside an item is written '\\|')."""
    if not cell.strip():
        return []
    parts = re.split(r"(?<!\\)\|", cell)
    return [p.replace("\\|", "|").strip() for p in parts if p.strip()]


def join_list(items: Iterable[str]) -> str:
    """The inverse of split_list."""
    return LIST_SEP.join(str(i).replace("|", "\\|") for i in items)


# --- KetaQuiz JSON --------------------------------------------------------------
def _read_json(path: Path) -> tuple[list[_Row], str, list[Topic]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as e:
        raise ImportError_(f"{path}: not UTF-8 text ({e.reason} at byte {e.start}); save the file as UTF-8") from None
    except json.JSONDecodeError as e:
        raise ImportError_(f"{path}: line {e.lineno}, column {e.colno}: not valid JSON ({e.msg}); fix it or export it again") from None
    except RecursionError:
        raise ImportError_(f"{path}: values nested too deep to be a KetaQuiz export; export the set again") from None
    except ValueError as e:  # a number of thousands of digits
        raise ImportError_(f"{path}: not a KetaQuiz export ({e}); export the set again") from None
    except OSError as e:
        raise ImportError_(f"{path}: cannot read: {e.strerror}") from None
    title = ""
    topics: list[Topic] = []
    if isinstance(data, dict):
        if problem := shapes.fields_problem(data, shapes.SET_FIELDS):
            raise ImportError_(f"{path}: set: {problem}")
        title = str(data.get("title", "") or "")
        raw_topics = data.get("topics") or []
        if isinstance(raw_topics, list):
            for n, t in enumerate(raw_topics, 1):
                if isinstance(t, dict) and (problem := shapes.fields_problem(t, shapes.TOPIC_FIELDS)):
                    raise ImportError_(f"{path}: topic {n}: {problem}")
            topics = [Topic(id=str(t.get("id", "")), title=str(t.get("title", t.get("id", "")))) for t in raw_topics
                      if isinstance(t, dict) and t.get("id")]
        data = data.get("questions")
    if not isinstance(data, list):
        raise ImportError_(f"{path}: expected a KetaQuiz JSON export (a list of question objects, from 'ketaquiz export --format json')")
    rows: list[_Row] = []
    for i, obj in enumerate(data, 1):
        where = f"question {i}"
        if not isinstance(obj, dict):
            raise ImportError_(f"{path}: {where}: expected an object with id, topic, type, prompt…, found {type(obj).__name__}")
        qtype = str(obj.get("type", ""))
        if not is_known(qtype):
            raise ImportError_(f"{path}: {where}: unknown type {qtype!r}; use one of {', '.join(type_names())}")
        if problem := kind_of(qtype).read_problem(obj.get("answer")):
            raise ImportError_(f"{path}: {where}: {problem}")
        try:
            q = Question.from_dict(obj)
        except shapes.ShapeError as e:
            qid = obj.get("id")
            named = f" ({strip_controls(qid, keep_newlines=False)[:60]})" if isinstance(qid, str) and qid else ""
            raise ImportError_(f"{path}: {where}{named}: {shapes.question_problem(obj) or e}") from None
        for key in ("prompt", "explanation", "source"):
            value = getattr(q, key)
            if _RISKY_TAG.search(value):
                setattr(q, key, html_to_text(value))
        if not q.id:
            q.id = f"q{i}"
        if "origin" not in obj:
            q.origin = "imported"
        rows.append(_Row(where + (f" ({strip_controls(q.id, keep_newlines=False)})" if obj.get("id") else ""), q))
    return rows, title, topics


# --- Anki .apkg / .colpkg ---------------------------------------------------------
def _read_apkg(path: Path) -> tuple[list[_Row], str, list[str], list[Topic], Imported]:
    from .anki import read_package  # here: only Anki packages need it

    got = read_package(path)
    return got.rows, got.title, got.warnings, got.topics, got
