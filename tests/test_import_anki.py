"""Packages written by real Anki 26.9.3 (tests/fixtures/anki/, made by scripts/make_anki_fixtures.py):
the current format (collection.anki21b, zstd, protobuf media map), the legacy one, and a .colpkg."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ketaquiz.core.importers import ImportError_, import_file, read_import
from ketaquiz.core.setfile import read_set

FIXTURES = Path(__file__).parent / "fixtures" / "anki"
PACKAGES = ["modern.apkg", "legacy.apkg", "modern.colpkg"]


def by_prompt(qset):
    return {q.prompt: q for q in qset.questions}


@pytest.mark.parametrize("name", PACKAGES)
def test_real_anki_package_imports_every_card(name, data_dir):
    res = import_file(FIXTURES / name, data_dir, set_id="deck")
    qset = read_set(res.path)
    qs = by_prompt(qset)
    dna = qs["What does DNA stand for?"]
    assert (dna.type, dna.answer, dna.explanation, dna.tags) == (
        "short", "Deoxyribonucleic acid", "It carries the genes.", ["bio", "molecules"])
    # "Basic (and reversed card)": both directions, as Anki makes two cards
    assert qs["Mitochondrion"].answer == "The powerhouse of the cell"
    assert qs["The powerhouse of the cell"].answer == "Mitochondrion"
    # a Cloze note with c1 and c2: one question per deletion
    assert qs["{{Mitochondria}} make ATP."].type == "cloze"
    assert qs["Mitochondria make {{ATP}}."].explanation == "Energy currency."
    assert qs["Symbol of gold?"].answer == "Au"
    assert res.count == len(qset.questions) == 10


@pytest.mark.parametrize("name", PACKAGES)
def test_deck_hierarchy_gives_distinct_topics(name):
    qset, _ = read_import(FIXTURES / name)
    assert [(t.id, t.title) for t in qset.topics] == [("bio-intro", "Bio › Intro"), ("chem-intro", "Chem › Intro")]
    qs = by_prompt(qset)
    assert qs["Symbol of gold?"].topic == "chem-intro" and qs["Mitochondrion"].topic == "bio-intro"


@pytest.mark.parametrize("name", PACKAGES)
def test_image_occlusion_and_image_only_notes_are_skipped_with_a_message(name):
    qset, warnings = read_import(FIXTURES / name)
    report = "\n".join(warnings)
    assert "2 cards skipped" in report
    assert "an Image Occlusion note" in report
    assert "its question is only an image or a sound" in report
    assert not any("image-occlusion" in q.prompt for q in qset.questions)
    assert "MathJax" in report and "media file" in report
    # an image beside text keeps the text
    assert by_prompt(qset)["Which organelle is stained here?"].answer == "The nucleus"


def test_the_update_anki_stub_alone_is_named(tmp_path, data_dir):
    """A package with only the stub collection.anki2 (its one note says to update Anki) is refused plainly."""
    with zipfile.ZipFile(FIXTURES / "modern.apkg") as zf:
        stub = zf.read("collection.anki2")
    src = tmp_path / "stub.apkg"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("collection.anki2", stub)
    with pytest.raises(ImportError_, match="only Anki's 'Please update to the latest Anki version' note"):
        import_file(src, data_dir)


def test_cli_import_prints_the_warnings(data_dir, capsys):
    from ketaquiz.cli import main

    assert main(["--data", str(data_dir.root), "import", str(FIXTURES / "modern.colpkg"), "--set", "bio"]) == 0
    err = capsys.readouterr().err
    assert "imported 10 questions into set 'bio'" in err
    assert "warning: 2 cards skipped" in err and "an Image Occlusion note" in err
