"""Read an Anki collection (SQLite) defensively: real tables only, capped rows, a time limit.

The file comes from someone else. Views, virtual tables and recursive queries could make a read run
forever, so only plain tables are read, each with a row cap, under a progress handler that stops the
query past a deadline. Note types and decks come from the legacy JSON in ``col`` (schema 11) or from
the ``notetypes``/``fields``/``templates``/``decks`` tables (schema 18, Anki's current format), whose
configs are protobuf.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import protobuf

MAX_NOTES = 500_000
MAX_CARDS = 1_000_000
MAX_REVIEWS = 2_000_000
MAX_NOTETYPES = 10_000
REVIEWS_FROM_MS, REVIEWS_UNTIL_MS = 946_684_800_000, 4_102_444_800_000  # a review's time (its id): 2000-2100
TIME_LIMIT_S = 60.0  # a whole collection read; Anki's biggest real decks read in a few seconds
STOCK_IMAGE_OCCLUSION = 6  # NotetypeConfig.original_stock_kind
_FIELD_REF = re.compile(r"\{\{([^{}]+)\}\}")
_NOT_FIELDS = {"frontside", "tags", "deck", "subdeck", "card", "cardflag", "type", "cardid"}


@dataclass
class Notetype:
    """A note type: its field names and, per card template, the fields on the question and on the answer."""

    name: str
    cloze: bool = False
    image_occlusion: bool = False
    fields: list[str] = field(default_factory=list)
    templates: list[tuple[str, str]] = field(default_factory=list)  # (question format, answer format) by ord


@dataclass
class Card:
    id: int
    nid: int
    deck: int  # the home deck (a card in a filtered deck counts in the deck it came from)
    ord: int
    suspended: bool


@dataclass
class Collection:
    notetypes: dict[int, Notetype]
    decks: dict[int, str]  # id -> "Parent::Child"
    notes: list[tuple[int, int, str, str]]  # (id, notetype id, tags, fields joined by \x1f)
    cards: list[Card]
    reviews: list[tuple[int, int, int]]  # (time in ms, card id, rating 1-4), in time order


def _error(message: str) -> Exception:
    from ..importers import ImportError_

    return ImportError_(message)


def template_fields(fmt: str, names: list[str], *, typed: bool = False) -> list[str]:
    """The note fields a card template shows, in order (``{{Front}}``, ``{{text:Front}}``; not FrontSide or
    conditionals). A ``{{type:Back}}`` box asks for a field, so it counts only on the answer side (`typed`)."""
    lowered = {n.strip().lower(): n for n in names}
    out: list[str] = []
    for m in _FIELD_REF.finditer(fmt):
        ref = m.group(1).strip()
        if ref[:1] in "#^/!" or (not typed and ref.lower().startswith("type:")):
            continue
        name = ref.rsplit(":", 1)[-1].strip().lower()
        if name in _NOT_FIELDS or name not in lowered:
            continue
        if lowered[name] not in out:
            out.append(lowered[name])
    return out


def read_collection(path: Path, db_path: Path, *, time_limit: float = TIME_LIMIT_S,
                    clock: Callable[[], float] = time.monotonic) -> Collection:
    """Everything the importer needs from the collection at `db_path` (`path` names the package in messages)."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise _error(f"{path}: the collection cannot be opened ({e}); export the deck from Anki again") from None
    deadline = clock() + time_limit
    conn.set_progress_handler(lambda: int(clock() > deadline), 20_000)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        tables = _plain_tables(path, conn)
        notetypes, decks = _notetypes_and_decks(path, conn, tables)
        notes = [(_int(path, "notes", n, i), _int(path, "notes", n, m), _text(t), _text(f)) for n, (i, m, t, f)
                 in enumerate(_rows(path, conn, tables, "notes", "SELECT id, mid, tags, flds FROM notes ORDER BY id",
                                    MAX_NOTES), 1)]
        cards = [Card(_int(path, "cards", n, cid), _int(path, "cards", n, nid), _int(path, "cards", n, odid or did),
                      _int(path, "cards", n, ord_), queue == -1)
                 for n, (cid, nid, did, odid, ord_, queue) in enumerate(_rows(
                     path, conn, tables, "cards", "SELECT id, nid, did, odid, ord, queue FROM cards ORDER BY nid, ord",
                     MAX_CARDS, optional=True, fallback="SELECT rowid, nid, did, 0, ord, 0 FROM cards ORDER BY nid, ord"), 1)]
        reviews = [(t, c, e) for t, c, e in _rows(
            path, conn, tables, "revlog", "SELECT id, cid, ease FROM revlog WHERE ease BETWEEN 1 AND 4 AND type < 4 "
            f"AND typeof(id) = 'integer' AND typeof(cid) = 'integer' AND typeof(ease) = 'integer' "
            f"AND id BETWEEN {REVIEWS_FROM_MS} AND {REVIEWS_UNTIL_MS} ORDER BY id",
            MAX_REVIEWS, optional=True)]  # a review row of another shape, or time, is not one Anki wrote: left out
    except sqlite3.OperationalError as e:
        if "interrupted" in str(e):
            raise _error(f"{path}: refused: reading the collection took longer than {time_limit:.0f} s, which a genuine "
                         "Anki export never does; nothing was imported") from None
        raise _error(f"{path}: not a readable Anki collection ({e}); export the deck from Anki again") from None
    except (sqlite3.DatabaseError, TypeError, ValueError, OverflowError) as e:
        raise _error(f"{path}: not a readable Anki collection ({e}); export the deck from Anki again") from None
    finally:
        conn.close()
    return Collection(notetypes, decks, notes, cards, reviews)


def _int(path: Path, table: str, n: int, value: Any) -> int:
    """A column that must hold a whole number; anything else is reported with its table and row."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise _error(f"{path}: {table} row {n}: {str(value)[:40]!r} where Anki keeps a number id; "
                 "the collection is damaged: export the deck from Anki again")


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _plain_tables(path: Path, conn: sqlite3.Connection) -> set[str]:
    """Names of the ordinary tables; a view or virtual table under a name Anki uses is refused."""
    plain: set[str] = set()
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view')"):
        lname = str(name).lower()
        if kind == "table" and not str(sql or "").lstrip().upper().startswith("CREATE VIRTUAL"):
            plain.add(lname)
        elif lname in ("col", "notes", "cards", "revlog", "notetypes", "fields", "templates", "decks"):
            raise _error(f"{path}: refused: {name!r} is a {kind if kind == 'view' else 'virtual table'}, not a table; "
                         "this is not a genuine Anki export, so nothing was imported")
    return plain


def _rows(path: Path, conn: sqlite3.Connection, tables: set[str], table: str, sql: str, cap: int, *,
          optional: bool = False, fallback: str | None = None) -> list[tuple[Any, ...]]:
    if table not in tables:
        if optional:
            return []
        raise _error(f"{path}: not a readable Anki collection (it has no {table} table); export the deck from Anki again")
    try:
        cur = conn.execute(f"{sql} LIMIT {cap + 1}")
    except sqlite3.OperationalError as e:
        if fallback is None or "no such column" not in str(e):
            raise
        cur = conn.execute(f"{fallback} LIMIT {cap + 1}")
    rows = cur.fetchall()
    if len(rows) > cap:
        raise _error(f"{path}: refused: more than {cap:,} rows in {table}; KetaQuiz imports at most that many "
                     "(split the deck in Anki and export the parts)")
    return rows


def _notetypes_and_decks(path: Path, conn: sqlite3.Connection, tables: set[str]) -> tuple[dict[int, Notetype], dict[int, str]]:
    notetypes: dict[int, Notetype] = {}
    decks: dict[int, str] = {}
    row = conn.execute("SELECT models, decks FROM col LIMIT 1").fetchone() if "col" in tables else None
    if row:
        notetypes.update(_legacy_notetypes(path, row[0]))
        decks.update(_legacy_decks(path, row[1]))
    if "notetypes" in tables:
        has_config = "templates" in tables
        for mid, name, config in _rows(path, conn, tables, "notetypes", "SELECT id, name, config FROM notetypes",
                                       MAX_NOTETYPES, fallback="SELECT id, name, x'' FROM notetypes"):
            kind, stock = _notetype_kind(config)
            nt = Notetype(str(name), cloze=kind == 1 or (not config and "cloze" in str(name).lower()),
                          image_occlusion=stock == STOCK_IMAGE_OCCLUSION)
            if "fields" in tables:
                nt.fields = [str(r[0]) for r in conn.execute(
                    "SELECT name FROM fields WHERE ntid = ? ORDER BY ord LIMIT 1000", (mid,))]
            if has_config:
                nt.templates = [_template_formats(c) for (c,) in conn.execute(
                    "SELECT config FROM templates WHERE ntid = ? ORDER BY ord LIMIT 1000", (mid,))]
            notetypes.setdefault(int(mid), nt)
    if "decks" in tables:
        for did, name in _rows(path, conn, tables, "decks", "SELECT id, name FROM decks", MAX_NOTETYPES):
            decks.setdefault(int(did), str(name).replace("\x1f", "::"))
    return notetypes, decks


def _notetype_kind(config: Any) -> tuple[int, int]:
    """(kind, original stock kind) from a NotetypeConfig (fields 1 and 9); (0, 0) when unreadable."""
    if not isinstance(config, bytes) or not config:
        return 0, 0
    try:
        return protobuf.first_int(config, 1), protobuf.first_int(config, 9)
    except protobuf.ProtobufError:
        return 0, 0


def _template_formats(config: Any) -> tuple[str, str]:
    if not isinstance(config, bytes):
        return "", ""
    try:
        q = protobuf.strings(config, 1)
        a = protobuf.strings(config, 2)
    except protobuf.ProtobufError:
        return "", ""
    return (q[-1] if q else ""), (a[-1] if a else "")


def _load_json(path: Path, what: str, text: Any) -> dict[str, Any]:
    if text in (None, "", b""):
        return {}
    try:
        value = json.loads(text)
    except (ValueError, TypeError, RecursionError) as e:
        raise _error(f"{path}: the collection's {what} is not valid JSON ({str(e)[:80]}); "
                     "export the deck from Anki again") from None
    if not isinstance(value, dict):
        raise _error(f"{path}: the collection's {what} is not a JSON object; export the deck from Anki again")
    return value


def _legacy_id(path: Path, what: str, key: Any, value: Any) -> int:
    try:
        ident = int(key)
    except (TypeError, ValueError):
        raise _error(f"{path}: the collection's {what} has an entry {str(key)[:40]!r} that is not a number id; "
                     "export the deck from Anki again") from None
    if not isinstance(value, dict):
        raise _error(f"{path}: the collection's {what} entry {ident} is not a JSON object; export the deck from Anki again")
    return ident


def _legacy_notetypes(path: Path, text: Any) -> dict[int, Notetype]:
    out: dict[int, Notetype] = {}
    for key, m in _load_json(path, "note types (col.models)", text).items():
        mid = _legacy_id(path, "note types (col.models)", key, m)
        flds = m.get("flds") if isinstance(m.get("flds"), list) else []
        tmpls = m.get("tmpls") if isinstance(m.get("tmpls"), list) else []
        name = str(m.get("name", ""))
        out[mid] = Notetype(
            name, cloze=m.get("type") == 1,
            image_occlusion=m.get("originalStockKind") == STOCK_IMAGE_OCCLUSION or name.lower().startswith("image occlusion"),
            fields=[str(f.get("name", "")) for f in flds if isinstance(f, dict)],
            templates=[(str(t.get("qfmt", "")), str(t.get("afmt", ""))) for t in tmpls if isinstance(t, dict)],
        )
    return out


def _legacy_decks(path: Path, text: Any) -> dict[int, str]:
    out: dict[int, str] = {}
    for key, d in _load_json(path, "decks (col.decks)", text).items():
        did = _legacy_id(path, "decks (col.decks)", key, d)  # first: it checks that `d` is an object
        out[did] = str(d.get("name", ""))
    return out
