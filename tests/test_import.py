"""Import: CSV/TSV with Anki headers, Anki .apkg, KetaQuiz JSON; all or nothing; hostile archives."""

from __future__ import annotations

import io
import json
import sqlite3
import stat
import zipfile
from dataclasses import replace
from pathlib import Path

import genanki
import pytest

from ketaquiz.cli import main
from ketaquiz.core.anki import archive as anki_archive
from ketaquiz.core.check import check_set
from ketaquiz.core.importers import ImportError_, html_to_text, import_file, read_import
from ketaquiz.core.library import DataDir
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import parse_set, read_set, set_to_text

from .conftest import COURSE


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def assert_nothing_written(data: DataDir) -> None:
    assert not data.sets_dir.exists() or not any(data.sets_dir.rglob("*.toml"))


# --- CSV / TSV --------------------------------------------------------------------
def test_tsv_with_anki_headers(tmp_path, data_dir):
    src = write(tmp_path / "deck.txt", (
        "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n"
        "What does <b>NMDA</b> stand for?\tN-methyl-D-aspartate<br>A receptor.\tpharm receptors\n"
        "Capital of France?\tParis\tgeo\n"
        "The {{c1::hippocampus::brain region}} stores memories.\t\tbrain\n"
    ))
    res = import_file(src, data_dir)
    assert (res.set_id, res.count) == ("deck", 3)
    qset = read_set(res.path)
    assert check_set(qset) == []
    q1, q2, q3 = qset.questions
    # the back's <br> separates answer and explanation, as the .apkg import does
    assert (q1.type, q1.prompt, q1.answer, q1.explanation) == ("short", "What does NMDA stand for?", "N-methyl-D-aspartate", "A receptor.")
    assert q1.tags == ["pharm", "receptors"]
    assert (q2.answer, q2.origin) == ("Paris", "imported")
    assert (q3.type, q3.prompt) == ("cloze", "The {{hippocampus}} stores memories.")


def test_csv_separator_names_and_deck_column(tmp_path, data_dir):
    src = write(tmp_path / "semi.csv", (
        "#separator:Semicolon\n#html:false\n#deck column:3\n"
        "Two plus two?;four;Maths::Arithmetic\n"
        '"A; quoted cell?";yes;Maths::Logic\n'
    ))
    qset, _ = read_import(src)
    assert [q.prompt for q in qset.questions] == ["Two plus two?", "A; quoted cell?"]
    assert [q.topic for q in qset.questions] == ["arithmetic", "logic"]
    assert [t.id for t in qset.topics] == ["arithmetic", "logic"]


@pytest.mark.parametrize(("name", "text"), [
    ("semi.csv", "Capital of France?;Paris\nCapital of Peru?;Lima, the city of kings\n"),
    ("semi-quoted.csv", '"Capital of France, in Europe?";Paris\n"Capital of Peru?";"Lima, the city of kings"\n'),
    ("comma.csv", "Capital of France; in Europe?,Paris\nCapital of Peru?,\"Lima, the city of kings\"\n"),
    ("tabs.csv", "Capital of France?\tParis\nCapital of Peru?\tLima, the city of kings\n"),
])
def test_csv_separator_is_sniffed_without_a_header(tmp_path, name, text):
    """A ';'-separated .csv (European spreadsheets) imports without a #separator: header, as do ',' and tab."""
    qset, _ = read_import(write(tmp_path / name, text))
    assert [q.answer for q in qset.questions] == ["Paris", "Lima, the city of kings"]
    assert qset.questions[0].prompt.startswith("Capital of France")


def test_csv_back_with_br_splits_answer_and_explanation(tmp_path):
    qset, _ = read_import(write(tmp_path / "b.csv", "#html:true\nCapital of France?,Paris<br>On the Seine.\n"))
    assert (qset.questions[0].answer, qset.questions[0].explanation) == ("Paris", "On the Seine.")


def test_csv_own_columns_every_type(tmp_path, data_dir):
    src = write(tmp_path / "own.csv", (
        "id,topic,type,prompt,answer,choices,accept,items\n"
        "c1,t,choice,Pick one,b,a | b | c,,\n"
        "m1,t,multi,Pick two,a | c,a | b | c,,\n"
        "tf,t,truefalse,The sky is blue.,true,,,\n"
        "cz,t,cloze,Water boils at {{100|a hundred}} degrees.,,,,\n"
        "s1,t,short,Opposite of hot?,cold,,chilly | freezing,\n"
        "o1,t,order,Count up,,,,one | two | three\n"
    ))
    qset, _ = read_import(src)
    by = {q.id: q for q in qset.questions}
    assert by["c1"].choices == ["a", "b", "c"] and by["c1"].answer == "b"
    assert by["m1"].answer == ["a", "c"]
    assert by["tf"].answer is True
    assert by["cz"].prompt == "Water boils at {{100|a hundred}} degrees."
    assert by["s1"].accept == ["chilly", "freezing"]
    assert by["o1"].items == ["one", "two", "three"]


def test_csv_html_false_keeps_text_but_not_scripts(tmp_path):
    src = write(tmp_path / "h.csv", "#separator:Comma\n#html:false\nIs 3 < 4?,yes\nHi <script>alert(1)</script> there,x\n")
    qset, _ = read_import(src)
    assert qset.questions[0].prompt == "Is 3 < 4?"
    assert "script" not in qset.questions[1].prompt and "alert" not in qset.questions[1].prompt


@pytest.mark.parametrize(("text", "expect"), [
    ("#separator:Comma\nGood?,yes\nid,bad\n,,\n", None),
    ("id,topic,type,prompt,answer\na,t,truefalse,Sky blue?,maybe\n", "row 2: answer of a truefalse question must be true or false"),
    ("id,topic,type,prompt,answer\na,t,riddle,What?,x\n", "row 2: unknown type 'riddle'"),
    ("id,topic,type,prompt,answer\na,t,short,One?,x\na,t,short,Two?,y\n", "row 3: id 'a' already used at row 2"),
    ("id,topic,type,prompt,answer\na,t,short,,x\n", "row 2: prompt: missing prompt"),
    ("#columns:Front,Back\n#separator:Comma\nQ?,A,extra\n", "row 3: 3 columns, but the header names 2"),
    ("#separator:Weird\nQ,A\n", "line 1: unknown #separator:Weird"),
    ("#html:maybe\nQ,A\n", "line 1: #html: takes true or false"),
])
def test_csv_malformed_reports_row_and_writes_nothing(tmp_path, data_dir, text, expect):
    src = write(tmp_path / "bad.csv", text)
    if expect is None:
        import_file(src, data_dir)  # rows with blanks are skipped, a 2-cell row is fine
        return
    with pytest.raises(ImportError_) as e:
        import_file(src, data_dir)
    assert str(src) in str(e.value) and expect in str(e.value)
    assert_nothing_written(data_dir)


def test_not_utf8_and_unknown_suffix(tmp_path, data_dir):
    src = tmp_path / "latin.csv"
    src.write_bytes("Café?,oui\n".encode("latin-1"))
    with pytest.raises(ImportError_, match="not UTF-8 text.*save the file as UTF-8"):
        import_file(src, data_dir)
    with pytest.raises(ImportError_, match="unknown file type .doc"):
        import_file(write(tmp_path / "x.doc", "hi"), data_dir)
    with pytest.raises(ImportError_, match="no questions found"):
        import_file(write(tmp_path / "empty.csv", "#separator:Comma\n"), data_dir)


def test_refuses_existing_and_bundled_ids(tmp_path, data_dir):
    src = write(tmp_path / "a.csv", "Q?,A\n")
    first = import_file(src, data_dir)
    before = first.path.read_text()
    write(tmp_path / "a.csv", "Other?,B\n")
    with pytest.raises(ImportError_, match="already exists.*--set ID"):
        import_file(src, data_dir)
    assert first.path.read_text() == before
    assert import_file(src, data_dir, overwrite=True).count == 1
    with pytest.raises(ImportError_, match="bundled set"):
        import_file(src, data_dir, set_id="ketamine")
    with pytest.raises(ImportError_, match="not a valid set id"):
        import_file(src, data_dir, set_id="../evil")


def test_large_csv_100k_rows(tmp_path, data_dir):
    import csv

    src = tmp_path / "big.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        f.write("#separator:Comma\n#html:true\n#columns:Front,Back,Tags\n#tags column:3\n")
        w = csv.writer(f)
        for i in range(100_000):
            w.writerow([f"Question number {i}?", f"Answer {i}", "t"] if i % 2 else [f"Gap {{{{c1::w{i}}}}} here.", "", ""])
    res = import_file(src, data_dir, set_id="big")
    assert res.count == 100_000
    qset = read_set(res.path)
    assert len(qset.questions) == 100_000 and qset.questions[0].type == "cloze"


# --- JSON ---------------------------------------------------------------------------
def test_json_malformed(tmp_path, data_dir):
    with pytest.raises(ImportError_, match="line 1, column .*not valid JSON"):
        import_file(write(tmp_path / "a.json", "[{"), data_dir)
    with pytest.raises(ImportError_, match="expected a KetaQuiz JSON export"):
        import_file(write(tmp_path / "b.json", '{"x": 1}'), data_dir)
    with pytest.raises(ImportError_, match="question 2: unknown type"):
        import_file(write(tmp_path / "c.json", json.dumps([
            {"id": "a", "topic": "t", "type": "short", "prompt": "Q?", "answer": "x"},
            {"id": "b", "topic": "t", "type": "nope", "prompt": "Q?"},
        ])), data_dir)
    assert_nothing_written(data_dir)


# --- Anki .apkg ---------------------------------------------------------------------
def build_anki_deck(path: Path) -> Path:
    deck = genanki.Deck(2059400110, "Neuro::Receptors")
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=["What does <i>NMDA</i> block?", "Calcium&nbsp;flow"],
                               tags=["neuro"]))
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=[
        'Look <img src="https://evil.example/x.png"> here<script>alert(1)</script>', "Answer<br>Because reasons.",
    ]))
    deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL, fields=["{{c1::Glutamate::a transmitter}} rises, then {{c2::AMPA}}.", "Extra note"]))
    genanki.Package(deck).write_to_file(str(path))
    return path


def test_apkg_from_genanki_basic_and_cloze(tmp_path, data_dir):
    src = build_anki_deck(tmp_path / "neuro.apkg")
    res = import_file(src, data_dir)
    qset = read_set(res.path)
    assert qset.title == "Neuro"
    assert [q.type for q in qset.questions] == ["short", "short", "cloze", "cloze"]
    q1, q2, q3, q4 = qset.questions
    assert (q1.prompt, q1.answer, q1.tags, q1.topic) == ("What does NMDA block?", "Calcium flow", ["neuro"], "receptors")
    assert q2.prompt == "Look here" and "evil" not in set_to_text(qset) and "alert" not in set_to_text(qset)
    assert (q2.answer, q2.explanation) == ("Answer", "Because reasons.")
    assert (q3.prompt, q3.explanation) == ("{{Glutamate}} rises, then AMPA.", "Extra note")  # one per deletion
    assert (q4.prompt, q4.explanation) == ("Glutamate rises, then {{AMPA}}.", "Extra note")
    assert check_set(qset) == []


def import_notes(path: Path, data_dir: DataDir, notes: list[tuple]) -> tuple:
    """Import a genanki deck of (model, *fields) notes: (result, its warnings as one text)."""
    deck = genanki.Deck(1, "D")
    for model, *fields in notes:
        deck.add_note(genanki.Note(model=model, fields=fields))
    genanki.Package(deck).write_to_file(str(path))
    res = import_file(path, data_dir)
    return res, "\n".join(res.warnings)


def test_apkg_a_note_the_checks_refuse_is_left_out_not_the_deck(tmp_path, data_dir):
    """One Anki note KetaQuiz's checks refuse (its answer given away in the prompt) is left out with a message
    naming it; the rest of the deck imports."""
    res, report = import_notes(tmp_path / "odd.apkg", data_dir, [
        (genanki.BASIC_MODEL, "Fine?", "yes"), (genanki.BASIC_MODEL, "Is Paris the capital of France?", "Paris"),
        (genanki.CLOZE_MODEL, "{{c1::Kept}} too", "")])
    assert [q.prompt for q in read_set(res.path).questions] == ["Fine?", "{{Kept}} too"]
    assert "Cards left out, refused by KetaQuiz's checks (1 problem" in report
    assert "note 2 (nid:" in report and "gives the answer away" in report


def _zip(path: Path, members: dict[str, bytes], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def _collection_bytes(tmp_path: Path) -> bytes:
    apkg = build_anki_deck(tmp_path / "src.apkg")
    with zipfile.ZipFile(apkg) as zf:
        return zf.read("collection.anki2")


@pytest.mark.parametrize(("member", "why"), [
    ("../evil.txt", "unsafe path"),
    ("media/../../evil.txt", "unsafe path"),
    ("/etc/cron.d/evil", "unsafe path"),
    ("C:\\Windows\\evil.dll", "unsafe path"),
    ("..\\evil.txt", "unsafe path"),
])
def test_hostile_member_paths_refused(tmp_path, data_dir, member, why):
    src = _zip(tmp_path / "evil.apkg", {"collection.anki2": _collection_bytes(tmp_path), member: b"x"})
    with pytest.raises(ImportError_, match=why):
        import_file(src, data_dir)
    assert_nothing_written(data_dir)
    assert not (tmp_path / "evil.txt").exists() and not (data_dir.root.parent / "evil.txt").exists()


def test_symlink_member_refused(tmp_path, data_dir):
    src = _zip(tmp_path / "link.apkg", {"collection.anki2": _collection_bytes(tmp_path)}, symlink="0")
    with pytest.raises(ImportError_, match="symbolic link"):
        import_file(src, data_dir)


def test_zip_bomb_refused(tmp_path, data_dir, monkeypatch):
    monkeypatch.setattr(anki_archive, "MAX_ARCHIVE_BYTES", 4 * 2**20)
    src = _zip(tmp_path / "bomb.apkg", {"collection.anki2": _collection_bytes(tmp_path), "0": b"\0" * (8 * 2**20)})
    with pytest.raises(ImportError_, match="more than 4 MB"):
        import_file(src, data_dir)
    assert_nothing_written(data_dir)


def test_zip_bomb_ratio_refused(tmp_path, data_dir):
    src = _zip(tmp_path / "ratio.apkg", {"collection.anki2": _collection_bytes(tmp_path), "0": b"\0" * (20 * 2**20)})
    with pytest.raises(ImportError_, match="zip bomb"):
        import_file(src, data_dir)


def test_apkg_media_paths_never_written(tmp_path, data_dir):
    media = json.dumps({"0": "../../../escape.txt", "1": "/abs.txt"}).encode()
    src = _zip(tmp_path / "media.apkg", {"collection.anki2": _collection_bytes(tmp_path), "media": media, "0": b"x", "1": b"y"})
    res = import_file(src, data_dir)
    assert any("media" in w for w in res.warnings)
    assert not list(tmp_path.rglob("escape.txt")) and not Path("/abs.txt").exists()
    assert sorted(p.name for p in data_dir.root.rglob("*") if p.is_file()) == ["set.toml"]


@pytest.mark.parametrize(("members", "why"), [
    ({"readme.txt": b"hi"}, "no Anki collection inside"),
    ({"collection.anki21b": b"zstd"}, "collection.anki21b is not valid zstd data"),
    ({"collection.anki2": b"not a database at all" * 100}, "not a readable Anki collection"),
])
def test_apkg_broken(tmp_path, data_dir, members, why):
    with pytest.raises(ImportError_, match=why):
        import_file(_zip(tmp_path / "b.apkg", members), data_dir)
    with pytest.raises(ImportError_, match="not an Anki package"):
        import_file(write(tmp_path / "c.apkg", "plain text"), data_dir)


def test_apkg_image_only_note_is_skipped_and_named(tmp_path, data_dir):
    res, report = import_notes(tmp_path / "img.apkg", data_dir, [
        (genanki.BASIC_MODEL, "Fine?", "yes"), (genanki.BASIC_MODEL, '<img src="a.png">', "picture"),
        (genanki.BASIC_MODEL, "What is shown?", '<img src="b.png">')])
    assert [q.prompt for q in read_set(res.path).questions] == ["Fine?"]
    assert "2 cards skipped" in report
    assert "note 2 (nid:" in report and "question is only an image" in report
    assert "note 3 (nid:" in report and "answer is only an image" in report


def test_apkg_new_schema_notetypes_table(tmp_path, data_dir):
    """Anki 2.1.28+ keeps note types in tables (col.models is empty): fields and names still map."""
    db = tmp_path / "c.db"
    conn = sqlite3.connect(db)
    conn.executescript("""
        CREATE TABLE col (models TEXT, decks TEXT); INSERT INTO col VALUES ('{}', '{}');
        CREATE TABLE notetypes (id INTEGER, name TEXT); INSERT INTO notetypes VALUES (1, 'Basic'), (2, 'Cloze');
        CREATE TABLE fields (ntid INTEGER, ord INTEGER, name TEXT);
        INSERT INTO fields VALUES (1, 0, 'Front'), (1, 1, 'Back'), (2, 0, 'Text'), (2, 1, 'Back Extra');
        CREATE TABLE decks (id INTEGER, name TEXT); INSERT INTO decks VALUES (5, 'Top' || char(31) || 'Sub');
        CREATE TABLE notes (id INTEGER, guid TEXT, mid INTEGER, tags TEXT, flds TEXT);
        INSERT INTO notes VALUES (10, 'g', 1, ' a ', 'Q?' || char(31) || 'A'), (11, 'h', 2, '', '{{c1::x}} y' || char(31) || '');
        CREATE TABLE cards (nid INTEGER, did INTEGER, ord INTEGER);
        INSERT INTO cards VALUES (10, 5, 0), (11, 5, 0);
    """)
    conn.commit()
    conn.close()
    src = _zip(tmp_path / "new.apkg", {"collection.anki21": db.read_bytes(), "collection.anki2": b"old stub"})
    qset, _ = read_import(src)
    assert [(q.id, q.type, q.prompt, q.topic) for q in qset.questions] == [
        ("n10", "short", "Q?", "sub"), ("n11", "cloze", "{{x}} y", "sub")]
    assert qset.title == "Top"


# --- HTML ---------------------------------------------------------------------------
def test_html_to_text_neutralises():
    assert html_to_text('<p>a<script>alert(1)</script><img src="http://x/y.png" onerror=z>b<br>c</p>') == "ab\nc"
    assert html_to_text("&lt;script&gt;alert(1)&lt;/script&gt; ok") == "ok"
    assert html_to_text("[sound:a.mp3]hi&nbsp; there") == "hi there"
    assert html_to_text("<iframe src=//evil></iframe>x<style>p{}</style>") == "x"


# --- the one set writer --------------------------------------------------------------
def _round_trips(qset: QuestionSet) -> None:
    back = parse_set(set_to_text(qset))
    assert (back.id, back.title, [(t.id, t.title) for t in back.topics]) == (qset.id, qset.title, [(t.id, t.title) for t in qset.topics])
    assert [q.to_dict() for q in back.questions] == [q.to_dict() for q in qset.questions]


def test_set_writer_keeps_the_layout_and_every_shape():
    """The writer lays a set out as the bundled course's file is laid out (files written before are rewritten
    unchanged), and every shape a question holds reads back the same."""
    assert set_to_text(read_set(COURSE)) == COURSE.read_text(encoding="utf-8")
    odd = QuestionSet(id="o", title='Quote " and \\ back\tslash\x01\x7f', topics=[Topic("t", "T" * 120)], questions=[
        Question(id="a", topic="t", type="short", prompt="é\n\"x\"\r\x08\x0c", answer="ü", tags=["x y"]),
        Question(id="b", topic="t", type="truefalse", prompt="p", answer=False),
    ])
    _round_trips(odd)
    shapes = QuestionSet(id="x", title="X", topics=[Topic("t", "T", section="sec")], questions=[
        Question(id="m", topic="t", type="multi", prompt="p" * 120, choices=['a "q"', "b\\", "c"], answer=['a "q"', "c"],
                 tags=["t\u00e9", 'x"y']),
        Question(id="c", topic="t", type="choice", prompt="p" * 120, choices=["1", "2", "3"], answer=2),
        Question(id="s", topic="t", type="short", prompt="p" * 120, answer="", accept=[""], explanation="e\n",
                 source="s", origin="edited"),
        Question(id="o", topic="t", type="order", prompt="p" * 120, items=["a", "b", "c"], answer=["ignored"]),
        Question(id="z", topic="t", type="cloze", prompt="{{a|b}} " * 30, answer="dropped"),
    ])
    _round_trips(shapes)
    plain = QuestionSet(id="p", title="P", topics=[Topic("t", "T")], questions=[
        replace(q, choices=[c.replace('"', "").replace("\\", "") for c in q.choices],
                answer=[a.replace('"', "") for a in q.answer] if isinstance(q.answer, list) else q.answer,
                tags=[t.replace('"', "") for t in q.tags], explanation=q.explanation.strip())
        for q in shapes.questions] + [Question(id="tf", topic="t", type="truefalse", prompt="p" * 120, answer=False)])
    _round_trips(plain)
    small = QuestionSet(id="s", title="S", topics=[Topic("t", "T")],
                        questions=[Question(id="a", topic="t", type="short", prompt="p?", answer="x")])
    _round_trips(small)
    _round_trips(QuestionSet(id="e", title="E"))


# --- command line -------------------------------------------------------------------
def test_cli_import_ok_and_error(tmp_path, data_dir, capsys, monkeypatch):
    src = write(tmp_path / "cli.csv", "#separator:Comma\nQ?,A\n")
    assert main(["--data", str(data_dir.root), "import", str(src), "--set", "mine"]) == 0
    assert "imported 1 questions into set 'mine'" in capsys.readouterr().err
    assert (data_dir.sets_dir / "mine" / "set.toml").exists()
    bad = write(tmp_path / "bad.csv", "id,topic,type,prompt,answer\na,t,truefalse,X?,perhaps\n")
    assert main(["--data", str(data_dir.root), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv: row 2: answer of a truefalse question must be true or false" in err
    assert "Traceback" not in err
    monkeypatch.setattr("sys.stdin", io.StringIO("A\n"))
    assert main(["--data", str(data_dir.root), "quiz", "--set", "mine", "--limit", "1"]) == 0
    assert "Score: 1/1" in capsys.readouterr().out


def test_imported_set_loads_from_memory_and_the_library_then_skips_it(tmp_path, data_dir):
    from ketaquiz.core.importers import load_imported
    from ketaquiz.core.library import load_library

    src = write(tmp_path / "deck.txt", "#separator:tab\nCapital of France?\tParis\nCapital of Peru?\tLima\n")
    res = import_file(src, data_dir)
    store = data_dir.open_store("default")
    load_imported(store, res)
    assert [q.id for _key, q in store.questions(res.set_id)] == [q.id for q in read_set(res.path).questions]
    assert store.is_synced(res.path)  # what was loaded is what the file holds
    results, problems = load_library(store, data_dir)
    assert problems == [] and store.topic_counts(store.clock())[(res.set_id, res.qset.questions[0].topic)]["total"] == 2
    store.close()
