"""Read and write question-set files (TOML, UTF-8, one ``[[questions]]`` table per question).

Example::

    id = "ketamine"
    title = "Ketamine for treatment-resistant depression"
    article = "article.txt"

    [[topics]]
    id = "mechanism"
    title = "How does ketamine work?"

    [[questions]]
    id = "mechanism-nmda"
    topic = "mechanism"
    type = "cloze"
    prompt = "Ketamine works by blocking {{NMDA}} receptors."
    explanation = "Blocking NMDA receptors is the first step of the mechanism."
    source = "It works by blocking NMDA receptors"
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import rtoml

from . import shapes
from .bulk import gc_paused
from .questions import Question, QuestionSet, Topic
from .setwriter import set_to_text, write_set

__all__ = ["SetFileError", "parse_set", "read_set", "set_to_text", "write_set", "find_set_files"]

SET_FILE_SUFFIX = ".toml"


class SetFileError(Exception):
    """A set file that cannot be read; `str()` is ``FILE:LINE: message``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line if line is not None else 1}: {message}")


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


_QUESTION_HEADERS = re.compile(r"^[ \t]*\[\[[ \t]*questions[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)


def _question_header_offsets(text: str) -> list[int]:
    """Where each question starts: its ``[[questions]]`` header, or its ``{`` in an inline array.

    The header regex is right for the files KetaQuiz writes; a file where it could be wrong is read by
    its TOML structure instead: multi-line strings (a ``[[questions]]`` line inside one is text), quoted
    header keys (``[["questions"]]``), or questions as an inline array (``questions = [{…}]``). Plain
    substring counts tell them apart (a regex over a 30 MB file would cost a second).
    """
    starts = [m.start() for m in _QUESTION_HEADERS.finditer(text)]
    if ('"""' in text or "'''" in text or (not starts and "questions" in text)
            or text.count("[[") != len(starts) + text.count("[[topics]]")):
        return _scan_question_starts(text)
    return starts


_NEXT_SCANNED = re.compile(r"[\n#\"'\[\]{}]")  # the characters that change the structure
_BASIC_REST = re.compile(r'(?:[^"\\\n]|\\.)*"?')  # the rest of a one-line "string"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_QUESTIONS = re.compile(r"""[ \t]*(?:questions|"questions"|'questions')[ \t]*=[ \t]*\[""")


def _skip_string(text: str, i: int) -> int:
    """The offset just past the TOML string starting at `i` (any of the four kinds)."""
    q = text[i]
    if text.startswith(q * 3, i):
        j = i + 3
        while True:
            k = text.find(q * 3, j)
            if k < 0:
                return len(text)
            if q == '"' and (k - j - len(text[j:k].rstrip("\\"))) % 2 == 1:
                j = k + 1  # an escaped quote: \"""
                continue
            while text.startswith(q, k + 3):  # up to two quotes may close the content
                k += 1
            return k + 3
    if q == '"':
        m = _BASIC_REST.match(text, i + 1)
        return m.end() if m else i + 1
    k, nl = text.find("'", i + 1), text.find("\n", i + 1)
    return len(text) if k < 0 else k + 1 if nl < 0 or k < nl else nl


def _header_key(text: str, i: int) -> tuple[int, list[str], bool]:
    """A table header at `i`: (offset after it, its key parts, is it an array of tables?)."""
    is_array = text.startswith("[[", i)
    j = i + (2 if is_array else 1)
    parts: list[str] = []
    while j < len(text) and text[j] not in "]\n":
        c = text[j]
        if c in "\"'":
            end = _skip_string(text, j)
            parts.append(text[j + 1:end - 1])  # (escapes in a quoted key are not decoded: "questions" needs none)
            j = end
        elif (m := _BARE_KEY.match(text, j)) is not None:
            parts.append(m.group(0))
            j = m.end()
        else:
            j += 1  # dots and blanks between key parts
    return j, parts, is_array


def _scan_question_starts(text: str) -> list[int]:
    """Question starts found by reading the TOML structure (strings, comments, brackets), for the files
    the header regex could misread: slower, so only for those."""
    starts: list[int] = []
    depth = 0  # brackets open inside a value
    inline = False  # inside a root-level `questions = [...]`
    root = True  # no table header seen yet
    i, n = 0, len(text)
    if (m := _INLINE_QUESTIONS.match(text)) is not None:
        inline, depth, i = True, 1, m.end()
    while i < n:
        c = text[i]
        if c == "\n":
            i += 1
            if root and depth == 0 and (m := _INLINE_QUESTIONS.match(text, i)) is not None:
                inline, depth, i = True, 1, m.end()
            continue
        if c == "#":
            k = text.find("\n", i)
            i = n if k < 0 else k
            continue
        if c in "\"'":
            i = _skip_string(text, i)
            continue
        if c == "[" and depth == 0 and _at_line_start(text, i):
            i, parts, is_array = _header_key(text, i)
            root = False
            if is_array and parts == ["questions"]:
                starts.append(_line_start(text, i))
            continue
        if c in "[{":
            depth += 1
            if c == "{" and inline and depth == 2:
                starts.append(i)
        elif c in "]}":
            depth = max(0, depth - 1)
            if depth == 0:
                inline = False
        m = _NEXT_SCANNED.search(text, i + 1)
        i = m.start() if m else n
    return starts


def _at_line_start(text: str, i: int) -> bool:
    """True when only blanks stand before offset `i` on its line."""
    k = text.rfind("\n", 0, i) + 1
    return not text[k:i].strip(" \t\r")


def _line_start(text: str, i: int) -> int:
    """The offset of the header on the line holding offset `i` (the first non-blank character)."""
    k = text.rfind("\n", 0, i) + 1
    while text[k] in " \t":
        k += 1
    return k


def question_lines(text: str, offsets: list[int] | None = None) -> list[int]:
    """1-based line numbers of each ``[[questions]]`` header, in order (from their offsets, when known)."""
    out: list[int] = []
    line, pos = 1, 0
    for start in _question_header_offsets(text) if offsets is None else offsets:
        line += text.count("\n", pos, start)
        pos = start
        out.append(line)
    return out


def parse_set(text: str, path: Path | str = "<set>") -> QuestionSet:
    """Parse set-file text. Raises SetFileError (with the line) on TOML syntax or shape errors."""
    path = Path(path)
    with gc_paused():
        return _parse_set(text, path)


def _parse_set(text: str, path: Path) -> QuestionSet:
    starts = _question_header_offsets(text)
    data = _loads_sliced(text, starts)
    rtoml_error: Exception | None = None
    if data is _SLICE_ERROR:
        data = None  # tomllib words the error; rtoml on the whole file would fail too, holding the GIL ~0.6 s
    elif data is None:
        try:
            # rtoml (Rust) reads a 100k-question file ~100x faster than tomllib; tomllib words the errors.
            data = rtoml.loads(text)
        except Exception as e:  # noqa: BLE001 (tomllib says what is wrong, or rtoml's own words below)
            data, rtoml_error = None, e
    import tomllib  # here: only a file rtoml refused needs it (~6 ms of a start otherwise)

    try:
        if data is None:
            data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_LINE.search(str(e))
        msg = _TOML_LINE.sub("", str(e)).strip()
        raise SetFileError(path, int(m.group(1)) if m else None, f"TOML syntax error: {msg}; fix the file and run 'ketaquiz check' again") from None
    except (ValueError, RecursionError, MemoryError) as e:
        # tomllib's own limits (a 5,000-digit integer, arrays nested thousands deep): rtoml says where.
        raise _unreadable(path, text, rtoml_error, e) from None
    return set_from_data(data, path, question_lines(text, starts))


_RTOML_LINE = re.compile(r" at line (\d+) column \d+")


def _unreadable(path: Path, text: str, rtoml_error: Exception | None, error: Exception) -> SetFileError:
    if rtoml_error is None:
        try:
            rtoml.loads(text)
        except Exception as e:  # noqa: BLE001
            rtoml_error = e
    words = str(rtoml_error or "")
    m = _RTOML_LINE.search(words)
    if isinstance(error, RecursionError) or "recurs" in words:
        reason = "values nested too deep"
    elif "overflow" in words or "digits" in str(error):
        reason = "a number too long (integers hold at most 19 digits); write it as text in quotes"
    else:
        reason = (_RTOML_LINE.sub("", words) or str(error)).strip()
    return SetFileError(path, int(m.group(1)) if m else None, f"cannot read the file: {reason}; fix it and run 'ketaquiz check' again")


READ_SLICE = 2000  # questions parsed per call of the TOML parser


_SLICE_ERROR: dict[str, Any] = {}  # _loads_sliced: a slice is not valid TOML


def _loads_sliced(text: str, starts: list[int]) -> dict[str, Any] | None:
    """Parse a big file a slice of questions at a time; None when it is small or anything is unexpected,
    _SLICE_ERROR when a slice does not parse.

    Why: the TOML parser (Rust) holds the GIL for a whole call, about a second for a 100,000-question
    file, so a UI thread could not run Python meanwhile; and its own parse tree of the whole file
    doubles the peak memory (336 MB against 183 MB at 100k questions) and the page faults make it
    slower (1.8 s against 1.25 s). Slices are cut before ``[[questions]]`` headers; a parse error,
    or a key outside the questions after the first slice, gives None and the file is read whole.
    """
    if len(starts) <= READ_SLICE:
        return None
    cuts = [0, *starts[READ_SLICE::READ_SLICE], len(text)]
    if not all(text.startswith("[[", c) for c in cuts[1:-1]):
        return None  # questions in an inline array: no header to cut before
    try:
        data: dict[str, Any] = rtoml.loads(text[cuts[0]:cuts[1]])
        for a, b in zip(cuts[1:], cuts[2:], strict=False):
            part = rtoml.loads(text[a:b])
            if set(part) != {"questions"} or not isinstance(part["questions"], list):
                return None
            data["questions"].extend(part["questions"])
    except rtoml.TomlParsingError:
        return _SLICE_ERROR  # tomllib, on the whole file, says what is wrong and where
    except Exception:  # noqa: BLE001 (the whole-file parse says what is wrong)
        logging.getLogger(__name__).info("the sliced read failed: the file is read whole", exc_info=True)
        return None
    return data


def set_from_data(data: dict[str, Any], path: Path, lines: list[int] | None = None) -> QuestionSet:
    """Build a QuestionSet from parsed TOML data; SetFileError naming the line for a value of the wrong shape."""
    raw_questions = data.get("questions", [])
    if not isinstance(raw_questions, list) or not all(isinstance(q, dict) for q in raw_questions):
        raise SetFileError(path, None, "'questions' must be an array of tables ([[questions]])")
    raw_topics = data.get("topics", [])
    if not isinstance(raw_topics, list) or not all(isinstance(t, dict) for t in raw_topics):
        raise SetFileError(path, None, "'topics' must be an array of tables ([[topics]])")
    lines = lines or []
    if problem := shapes.fields_problem(data, shapes.SET_FIELDS):
        raise SetFileError(path, None, f"set: {problem}")
    for t in raw_topics:
        if problem := shapes.fields_problem(t, shapes.TOPIC_FIELDS):
            raise SetFileError(path, None, f"topic {_shown_id(t)}: {problem}")
    topics = [
        Topic(id=str(t.get("id", "")), title=str(t.get("title", t.get("id", ""))), section=str(t.get("section", "")))
        for t in raw_topics
    ]
    try:
        questions = [
            Question.from_dict(q, lines[i] if i < len(lines) else None) for i, q in enumerate(raw_questions)
        ]
    except shapes.ShapeError as e:  # (found while building, at no cost to the usual file; now say where)
        i, q = next(((i, q) for i, q in enumerate(raw_questions) if shapes.question_problem(q)), (None, {}))
        where = lines[i] if i is not None and i < len(lines) else None
        raise SetFileError(path, where, f"question {_shown_id(q)}: {shapes.question_problem(q) or e}") from None
    return QuestionSet(
        id=str(data.get("id", "") or path.stem),
        title=str(data.get("title", "") or data.get("id", "") or path.stem),
        article=str(data.get("article", "") or ""),
        topics=topics,
        questions=questions,
        description=str(data.get("description", "") or ""),
        path=path,
    )


def _shown_id(table: dict[str, Any]) -> str:
    value = table.get("id")
    return repr(value)[:70] if isinstance(value, str) and value else "(no id)"


def read_set(path: str | Path) -> QuestionSet:
    """Read a set file. Raises SetFileError naming the file (and line) on any problem."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SetFileError(p, None, "file not found") from None
    except UnicodeDecodeError as e:
        raise SetFileError(p, None, f"not UTF-8 text ({e.reason} at byte {e.start}); save the file as UTF-8") from None
    except OSError as e:
        raise SetFileError(p, None, f"cannot read: {e.strerror}") from None
    return parse_set(text, p)


def find_set_files(paths: list[Path]) -> list[Path]:
    """Set files named by paths: files as given, folders searched recursively for ``*.toml``."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.rglob(f"*{SET_FILE_SUFFIX}")))
        else:
            out.append(p)
    return out
