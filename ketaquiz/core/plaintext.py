"""Text from files shown to a person: control characters removed so that imported text stays data.

A prompt holding ``ESC ] 0 ; … BEL`` would retitle a terminal, ``ESC [ 2 J`` clear it, a bidi override
reorder what follows; none of them is ever meant as text in a question.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings/overrides/isolates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A whole escape sequence (CSI … final byte, OSC … BEL/ST), so that its parameters do not stay behind as text.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]")


def strip_controls(text: str, *, keep_newlines: bool = True) -> str:
    """`text` without terminal escape sequences and control characters (tabs and, by default, newlines kept)."""
    if not _CONTROLS.search(text):
        return text if keep_newlines or "\n" not in text else text.replace("\n", " ")
    text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    return text if keep_newlines else text.replace("\n", " ")


def control_character(text: str) -> str | None:
    """The first control character (or bidi override) in `text`, as U+XXXX; None when it has none."""
    m = _CONTROLS.search(text)
    return f"U+{ord(m.group(0)):04X}" if m else None
