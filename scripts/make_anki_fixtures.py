"""Write the Anki test fixtures in tests/fixtures/anki/ with real Anki (the ``anki`` package from PyPI).

Run it in its own venv (the app never depends on ``anki``)::

    python -m venv /tmp/ankivenv && /tmp/ankivenv/bin/pip install anki==26.9.3
    /tmp/ankivenv/bin/python scripts/make_anki_fixtures.py [--answer-media]

It builds one small collection — decks ``Bio::Intro`` and ``Chem::Intro``; Basic, "Basic (and reversed
card)", Cloze (c1, c2), Image Occlusion, an image-only note, an image, a sound and MathJax; reviews answered
through Anki's own scheduler; one suspended card — and exports it three ways, as Anki's menus do:

- ``modern.apkg``: File → Export → Anki Deck Package (current format: ``collection.anki21b``, zstd; protobuf media map)
- ``legacy.apkg``: the same with "Support older Anki versions" ticked (``collection.anki21``, JSON media map)
- ``modern.colpkg``: File → Export → Anki Collection Package
- ``answer_media.apkg`` (alone with ``--answer-media``): images on the answer side only, a Basic card's back and
  a Cloze note's Back Extra

Anki stamps each review with the clock of the moment it was answered; so that the history spans days as
a learner's would, the script moves each card's reviews back by whole days afterwards (the revlog ids and
their order are all that changes). The committed files are the script's output; the tests read only them.
"""

from __future__ import annotations

import struct
import sys
import tempfile
import zlib
from pathlib import Path

from anki.collection import Collection, ExportAnkiPackageOptions

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "anki"
DAY_MS = 86_400_000


def tiny_png() -> bytes:
    """A 2x2 red PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def add(col: Collection, notetype: str, deck: str, *fields: str, tags: tuple[str, ...] = ()) -> int:
    note = col.new_note(col.models.by_name(notetype))
    for i, value in enumerate(fields):
        note.fields[i] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))
    return note.id


def build(col: Collection) -> None:
    col.media.write_data("cell.png", tiny_png())
    col.media.write_data("beep.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x00fake mp3 frame")
    add(col, "Basic", "Bio::Intro", "What does <b>DNA</b> stand for?", "Deoxyribonucleic acid<br>It carries the genes.",
        tags=("bio", "molecules"))
    add(col, "Basic (and reversed card)", "Bio::Intro", "Mitochondrion", "The powerhouse of the cell")
    add(col, "Cloze", "Bio::Intro", "{{c1::Mitochondria}} make {{c2::ATP::a molecule}}.", "Energy currency.")
    add(col, "Basic", "Bio::Intro", '<img src="cell.png">', "A cell")
    add(col, "Basic", "Bio::Intro", 'Which organelle is stained here? <img src="cell.png">', "The nucleus")
    add(col, "Basic", "Bio::Intro", "Which sound is this? [sound:beep.mp3]", "A beep")
    add(col, "Basic", "Bio::Intro", r"Solve \(x^2 = 4\) for positive x", r"\(x = 2\)")
    add(col, "Basic", "Chem::Intro", "Symbol of gold?", "Au")
    add(col, "Basic", "Chem::Intro", "What is H<sub>2</sub>O?", "Water", tags=("chem",))
    col.decks.select(col.decks.id("Bio::Intro"))  # where Anki puts an Image Occlusion note
    col.add_image_occlusion_notetype()
    io_type = col.models.by_name("Image Occlusion")
    with tempfile.TemporaryDirectory() as tmp:
        img = Path(tmp) / "diagram.png"
        img.write_bytes(tiny_png())
        col.add_image_occlusion_note(
            notetype_id=io_type["id"], image_path=str(img),
            occlusions="{{c1::image-occlusion:rect:left=.1:top=.1:width=.3:height=.3:oi=1}}",
            header="Name the part", back_extra="", tags=[])
    review(col)


def build_answer_media(col: Collection) -> None:
    """answer_media.apkg: images on the answer side only (a Basic card's back, a Cloze note's Back Extra)."""
    col.media.write_data("heart.png", tiny_png())
    col.media.write_data("valve.png", tiny_png())
    add(col, "Basic", "Anatomy", "Which organ pumps blood?", 'The heart<br><img src="heart.png">')
    add(col, "Cloze", "Anatomy", "The {{c1::mitral}} valve has two cusps.", '<img src="valve.png">')


def review(col: Collection) -> None:
    """Answer a few cards with Anki's scheduler, then spread each card's reviews over past days."""
    # Whatever Anki puts at the top of its queue is answered with the next rating (1 Again … 4 Easy); a
    # learn-ahead limit of a day lets a card come back through its learning steps in this one sitting.
    col.set_config("collapseTime", 86_400)
    for rating in (3, 3, 1, 4, 3, 3, 4, 3, 3, 4, 3, 1, 3, 3, 3, 3, 4, 3):
        card = col.sched.getCard()
        if card is None:
            break
        card.start_timer()
        col.sched.answerCard(card, rating)
    rows = col.db.all("SELECT id, cid FROM revlog ORDER BY id")
    now_ms = rows[-1][0]
    per_card: dict[int, int] = {}
    for i, (rid, cid) in enumerate(rows):
        nth = per_card.get(cid, 0)
        per_card[cid] = nth + 1
        new_id = now_ms - (30 - 7 * nth) * DAY_MS + i * 1000  # review n of a card: 30, 23, 16 … days ago
        col.db.execute("UPDATE revlog SET id = ? WHERE id = ?", new_id, rid)
    cloze_note = next(nid for nid in col.find_notes("note:Cloze"))
    c2 = [cid for cid in col.card_ids_of_note(cloze_note) if col.get_card(cid).ord == 1]
    col.sched.suspend_cards(c2)


def write_answer_media() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "collection.anki2"))
        build_answer_media(col)
        out = OUT / "answer_media.apkg"
        out.unlink(missing_ok=True)
        opts = ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=True, legacy=False)
        col.export_anki_package(out_path=str(out), options=opts, limit=None)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    write_answer_media()
    if "--answer-media" in sys.argv[1:]:  # that fixture alone (the others keep their bytes)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "collection.anki2"))
        build(col)
        for name, legacy in (("modern.apkg", False), ("legacy.apkg", True)):
            out = OUT / name
            out.unlink(missing_ok=True)
            opts = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy)
            col.export_anki_package(out_path=str(out), options=opts, limit=None)
        out = OUT / "modern.colpkg"
        out.unlink(missing_ok=True)
        col.export_collection_package(str(out), include_media=True, legacy=False)
    for p in sorted(OUT.glob("*.*pkg")):
        print(f"{p.relative_to(OUT.parent.parent.parent)}  {p.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
