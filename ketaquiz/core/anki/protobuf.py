"""Just enough of the protobuf wire format to read the few small messages in an Anki package.

Anki's current format keeps its media map (``MediaEntries``), the package's ``meta`` and each note type's
and template's config as protobuf. Reading them needs no schema: fields are numbered, and the numbers
used here are those of Anki's ``.proto`` files (named where they are read).
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_MESSAGE_BYTES = 64 * 2**20  # a message bigger than this is not one of Anki's small ones


class ProtobufError(ValueError):
    """Bytes that are not a well-formed protobuf message."""


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(buf):
            raise ProtobufError("truncated varint")
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise ProtobufError("varint longer than 10 bytes")


def fields(buf: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) for each field in order: an int for varints and fixed-size fields, bytes otherwise."""
    if len(buf) > MAX_MESSAGE_BYTES:
        raise ProtobufError("message too large")
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise ProtobufError("field number 0")
        if wire == 0:
            value, pos = _varint(buf, pos)
            yield number, value
        elif wire == 2:
            size, pos = _varint(buf, pos)
            if pos + size > len(buf):
                raise ProtobufError("truncated field")
            yield number, buf[pos:pos + size]
            pos += size
        elif wire in (1, 5):
            width = 8 if wire == 1 else 4
            if pos + width > len(buf):
                raise ProtobufError("truncated field")
            yield number, int.from_bytes(buf[pos:pos + width], "little")
            pos += width
        else:
            raise ProtobufError(f"unsupported wire type {wire}")


def first_int(buf: bytes, number: int, default: int = 0) -> int:
    """The last value of varint field `number` (protobuf's rule for repeated scalars), or `default`."""
    out = default
    for n, v in fields(buf):
        if n == number and isinstance(v, int):
            out = v
    return out


def strings(buf: bytes, number: int) -> list[str]:
    """Every length-delimited field `number`, decoded as UTF-8 (invalid bytes replaced)."""
    return [v.decode("utf-8", "replace") for n, v in fields(buf) if n == number and isinstance(v, bytes)]
