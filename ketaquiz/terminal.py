"""The command line's standard streams made safe for any terminal, encoding and pipe.

- Output in an encoding that lacks a character (``PYTHONIOENCODING=ascii``, a cp1252 console and ✓/✗)
  gets a readable stand-in (``✓`` → ``+``, ``é`` → ``e``, else ``?``) instead of a UnicodeEncodeError.
- Input that is not valid in its encoding (a Latin-1 byte on a UTF-8 stdin) reads as U+FFFD, so the
  answer is just wrong or gets a hint, instead of a UnicodeDecodeError.
- Output into a closed pipe (``ketaquiz quiz | head``) ends the program quietly (see ``quiet_broken_pipe``).
"""

from __future__ import annotations

import codecs
import io
import os
import sys
import unicodedata

ERRORS = "ketaquiz-stand-in"
_STAND_INS = {
    "✓": "+", "✗": "x", "→": "->", "←": "<-", "—": "-", "–": "-", "·": "-", "…": "...", "•": "*",
    "“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "≥": ">=", "≤": "<=", "×": "x", "■": "#",
    "\u00a0": " ", "\ufffd": "?",
}


def _stand_in(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    out = []
    for c in err.object[err.start:err.end]:
        sub = _STAND_INS.get(c)
        if sub is None:
            sub = unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode("ascii") or "?"
        out.append(sub)
    return "".join(out), err.end


codecs.register_error(ERRORS, _stand_in)


def make_streams_safe() -> None:
    """Reconfigure sys.stdin/stdout/stderr as the module docstring says (streams that are not text files
    with an encoding, such as a test's StringIO, are left alone)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=ERRORS)
    if isinstance(sys.stdin, io.TextIOWrapper):
        try:
            sys.stdin.reconfigure(errors="replace")
        except (io.UnsupportedOperation, ValueError):  # (already read from: keep it as it is)
            pass


def quiet_broken_pipe() -> int:
    """After a BrokenPipeError: point stdout at /dev/null (so the interpreter's final flush cannot fail
    again) and give the exit status of a program ended by SIGPIPE, as `head`'s other writers end."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    return 128 + 13  # SIGPIPE
