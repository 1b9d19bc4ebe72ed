"""CSV and TSV imports, with the headers of Anki's text export (``#separator:``, ``#html:``, ``#columns:`` …).

Without a ``#separator:`` header the separator is sniffed (a ';'-separated .csv from a European spreadsheet
works); a short answer's first line answers and the rest explains, as in an Anki package.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .importers import (
    _ANKI_CLOZE,
    _NEEDS_WORK,
    ImportError_,
    _cell_text,
    _Row,
    split_list,
    topic_id,
)
from .question_types import is_known, kind_of, type_names
from .questions import Question

_SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "space": " ", "pipe": "|", "colon": ":"}
_COLUMN_ALIASES = {
    "id": "id", "guid": "guid", "topic": "topic", "type": "type",
    "prompt": "prompt", "front": "prompt", "question": "prompt", "text": "prompt",
    "answer": "answer", "back": "answer",
    "explanation": "explanation", "extra": "explanation", "back extra": "explanation",
    "choices": "choices", "accept": "accept", "items": "items", "source": "source",
    "tags": "tags", "origin": "origin", "notetype": "notetype", "note type": "notetype", "deck": "deck",
}
_OWN_HEADER = {"prompt", "type"}


@dataclass
class _CsvHeaders:
    separator: str | None = None
    html: bool | None = None
    columns: list[str] | None = None
    special: dict[str, int] = field(default_factory=dict)  # field -> 0-based column (tags, notetype, deck, guid)
    notetype: str = ""
    deck: str = ""
    tags: list[str] = field(default_factory=list)


def _parse_headers(lines: list[str], path: Path) -> tuple[_CsvHeaders, int]:
    """Anki's ``#key:value`` header lines at the top: (headers, number of header lines)."""
    h = _CsvHeaders()
    n = 0
    raw_columns = None
    for line in lines:
        if not line.startswith("#") or ":" not in line:
            break
        n += 1
        key, _, value = line[1:].partition(":")
        key, value = key.strip().lower(), value.rstrip("\r\n")
        if key == "separator":
            v = value.strip()
            sep = _SEPARATORS.get(v.lower(), value if len(value) == 1 else None)
            if sep is None:
                raise ImportError_(f"{path}: line {n}: unknown #separator:{v}; use Comma, Semicolon, Tab, Space, Pipe or a single character")
            h.separator = sep
        elif key == "html":
            v = value.strip().lower()
            if v not in ("true", "false"):
                raise ImportError_(f"{path}: line {n}: #html: takes true or false, not {value.strip()!r}")
            h.html = v == "true"
        elif key == "columns":
            raw_columns = value
        elif key.endswith(" column"):
            name = key[: -len(" column")].strip()
            try:
                col = int(value.strip())
                if col < 1:
                    raise ValueError
            except ValueError:
                raise ImportError_(f"{path}: line {n}: #{key}: takes a column number from 1, not {value.strip()!r}") from None
            h.special[{"note type": "notetype"}.get(name, name)] = col - 1
        elif key == "notetype":
            h.notetype = value.strip()
        elif key == "deck":
            h.deck = value.strip()
        elif key == "tags":
            h.tags = value.split()
        # other Anki headers (#if matches:, #notetype id…) do not affect KetaQuiz
    if raw_columns is not None:
        sep = h.separator or ("\t" if "\t" in raw_columns else ",")
        h.columns = [c.strip() for c in next(csv.reader([raw_columns], delimiter=sep))]
    return h, n


_SNIFF_DELIMITERS = ",;\t|"


def _sniff_separator(sample: str, suffix: str) -> str:
    """The separator of a file without a ``#separator:`` header: tab for .tsv, else what csv.Sniffer finds
    among comma, semicolon, tab and pipe (European spreadsheets write ';'), else the most common of them on
    the first line."""
    if suffix == ".tsv":
        return "\t"
    lines = sample.split("\n")
    if len(lines) > 1 and len(sample) >= 4096:
        lines = lines[:-1]  # the sample's last line may be cut short
    try:
        found = csv.Sniffer().sniff("\n".join(lines), delimiters=_SNIFF_DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in _SNIFF_DELIMITERS:  # ("" is in any string: a sniff that found nothing)
        return found
    first = lines[0]
    counts = {d: first.count(d) for d in "\t;,|"}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _map_columns(names: list[str], special: dict[str, int]) -> dict[str, int]:
    """Our field -> column index, from header names; unknown names fill prompt then answer then explanation."""
    mapping: dict[str, int] = dict(special)
    unknown: list[int] = []
    for i, name in enumerate(names):
        if i in special.values():
            continue
        key = _COLUMN_ALIASES.get(name.strip().lower())
        if key and key not in mapping:
            mapping[key] = i
        else:
            unknown.append(i)
    for key in ("prompt", "answer", "explanation"):
        if key not in mapping and unknown:
            mapping[key] = unknown.pop(0)
    return mapping


def read_csv(path: Path) -> list[_Row]:
    """The rows of a CSV/TSV file (Anki's text-export headers honoured) as questions; ImportError_ names the row."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportError_(f"{path}: not UTF-8 text ({e.reason} at byte {e.start}); save the file as UTF-8 and import it again") from None
    except OSError as e:
        raise ImportError_(f"{path}: cannot read: {e.strerror}") from None
    if "\x00" in text:
        raise ImportError_(f"{path}: contains NUL bytes, so it is not a text file; export it again as CSV or TSV")
    head_lines = text[:65536].splitlines(keepends=True)
    headers, n_head = _parse_headers(head_lines, path)
    offset = sum(len(x) for x in head_lines[:n_head])
    body = text[offset:]
    sep = headers.separator or _sniff_separator(body[:4096], path.suffix.lower())
    reader = csv.reader(io.StringIO(body), delimiter=sep, strict=False)
    mapping: dict[str, int] | None = None
    if headers.columns is not None:
        mapping = _map_columns(headers.columns, headers.special)
    rows: list[_Row] = []
    line_base = n_head
    prev_line = 0
    html_mode = headers.html
    default_topic = topic_id(headers.deck.split("::")[-1]) if headers.deck else ""
    ncols_expected = len(headers.columns) if headers.columns else None
    try:
        for cells in reader:
            start_line = line_base + prev_line + 1
            prev_line = reader.line_num
            if not cells or not "".join(cells).strip():
                continue
            if mapping is None:
                lowered = {c.strip().lower() for c in cells}
                if _OWN_HEADER <= lowered or {"front", "back"} <= lowered:
                    mapping = _map_columns(cells, headers.special)
                    ncols_expected = len(cells)
                    continue
                mapping = _map_columns([""] * max(len(cells), 2), headers.special)
            if ncols_expected is not None and len(cells) > ncols_expected and any(c.strip() for c in cells[ncols_expected:]):
                raise ImportError_(
                    f"{path}: row {start_line}: {len(cells)} columns, but the header names {ncols_expected}; "
                    "quote cells that contain the separator, or fix the #columns: header"
                )
            rows.append(_row_from_cells(path, start_line, cells, mapping, html_mode, headers, default_topic, len(rows) + 1))
    except csv.Error as e:
        raise ImportError_(f"{path}: row {line_base + reader.line_num}: {e}; fix the quoting on that row") from None
    return rows


_CSV_FIELDS = ("id", "guid", "topic", "type", "prompt", "answer", "explanation", "choices", "accept", "items",
               "source", "tags", "origin", "notetype", "deck")
_TEXT_FIELDS = {"prompt", "answer", "explanation", "choices", "accept", "items", "source", "notetype", "deck"}


def _row_from_cells(path: Path, line: int, cells: list[str], mapping: dict[str, int], html_mode: bool | None,
                    headers: _CsvHeaders, default_topic: str, n: int) -> _Row:
    ncells = len(cells)
    v: dict[str, str] = {}
    needs_work = _NEEDS_WORK.search
    for key, i in mapping.items():
        if i < ncells and (cell := cells[i]):
            if key not in _TEXT_FIELDS or not needs_work(cell):
                v[key] = cell.strip()
            else:
                v[key] = _cell_text(cell, html_mode)
    get = v.get
    qtype = get("type", "").lower()
    prompt = get("prompt", "")
    if not qtype:
        notetype = get("notetype") or headers.notetype
        qtype = "cloze" if ("{{c" in prompt and _ANKI_CLOZE.search(prompt)) or (notetype and "cloze" in notetype.lower()) else "short"
    elif not is_known(qtype):
        raise ImportError_(f"{path}: row {line}: unknown type {qtype!r}; use one of {', '.join(type_names())}")
    kind = kind_of(qtype)
    items_cell = get("items")
    answer: Any
    try:  # each type reads its cells (a cloze's Anki gaps, a multi's list, …)
        prompt, answer, items, explanation = kind.read_csv(
            prompt, get("answer", ""), split_list(items_cell) if items_cell else [], get("explanation", ""),
            "type" in mapping)
    except ValueError as e:
        raise ImportError_(f"{path}: row {line}: {e}") from None
    tags_cell = get("tags")
    tags = tags_cell.split() + headers.tags if tags_cell else list(headers.tags)
    topic_cell = get("topic")
    if topic_cell:
        topic = topic_id(topic_cell)
    else:
        deck = get("deck")
        topic = _deck_topic(deck) if deck else default_topic
    choices = get("choices")
    accept = get("accept")
    q = Question(
        get("id") or get("guid") or f"q{n}", topic, qtype, prompt, answer,
        split_list(choices) if choices and kind.has_choices else [],
        split_list(accept) if accept else [], items, explanation, get("source", ""),
        tags, get("origin") or "imported",
    )
    return _Row(f"row {line}", q)


@functools.lru_cache(maxsize=4096)
def _deck_topic(deck: str) -> str:
    return topic_id(deck.split("::")[-1])
