"""The shapes a set's fields may take when read from a file (TOML set file or JSON import).

A parser hands back whatever the file holds: TOML dates, inline tables, lists of lists, integers
with thousands of digits (Python refuses to print one over 4,300 digits). Every value a question,
topic or set field takes is checked here first, so a file with an odd value is refused with a message
naming the field, instead of a traceback later in ``check``, ``export`` or ``quiz``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

QUESTION_TEXT_FIELDS = ("id", "topic", "type", "prompt", "explanation", "source", "origin", "sibling_group")
QUESTION_LIST_FIELDS = ("choices", "accept", "items", "tags", "media", "answer_media")
TOPIC_FIELDS = ("id", "title", "section")
SET_FIELDS = ("id", "title", "article", "description")
INT_LIMIT = 2**63  # TOML's integers are 64-bit; a JSON number beyond is not an answer anyone wrote


class ShapeError(ValueError):
    """A value of the wrong shape met while building a question; the reader says where."""


def scalar_problem(value: Any) -> str | None:
    """Why `value` is not one plain value (text, number, true/false), or None when it is."""
    if value is None or isinstance(value, str | bool | float):
        return None
    if isinstance(value, int):
        return None if -INT_LIMIT <= value < INT_LIMIT else "a number too long to be an answer; write it as text in quotes"
    if isinstance(value, dt.date | dt.time):  # (datetime is a date)
        return f"a TOML date or time ({value}); write it as text in quotes"
    if isinstance(value, dict):
        return "a table; give text, a number, true/false or a list of them"
    if isinstance(value, list):
        return "a list; give one value here"
    return f"a {type(value).__name__}; give text, a number or true/false"


def list_problem(value: Any) -> str | None:
    """Why `value` is neither one plain value nor a flat list of them, or None."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, list):
                return "a list inside a list; give a flat list"
            problem = scalar_problem(item)
            if problem:
                return f"a list holding {problem}"
        return None
    return scalar_problem(value)


def fields_problem(obj: dict[str, Any], text_fields: tuple[str, ...], list_fields: tuple[str, ...] = ()) -> str | None:
    """The first field of `obj` with a value of the wrong shape, said as ``'field' is …``; None when all fit."""
    for key in text_fields:
        if key in obj and (problem := scalar_problem(obj[key])):
            return f"'{key}' is {problem}"
    for key in list_fields:
        if key in obj and (problem := list_problem(obj[key])):
            return f"'{key}' is {problem}"
    return None


def question_problem(obj: dict[str, Any]) -> str | None:
    """The first field of a question table/object with a value of the wrong shape; None when all fit."""
    if question_fits(obj):
        return None
    return fields_problem(obj, QUESTION_TEXT_FIELDS, (*QUESTION_LIST_FIELDS, "answer"))


def question_fits(obj: dict[str, Any]) -> bool:
    """True when every value is text, true/false or a list of text: the common case, tested fast
    (a 100,000-question file checks each one) before question_problem looks field by field."""
    for k, v in obj.items():
        t = type(v)
        if t is str or t is bool or (t is list and k in _LISTS and all(type(x) is str for x in v)):
            continue
        return False
    return True


_LISTS = frozenset((*QUESTION_LIST_FIELDS, "answer"))
