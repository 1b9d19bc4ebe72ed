"""Images and sounds of an imported Anki deck, shown on the Study page from the set's own folder only."""

from __future__ import annotations

from pathlib import Path
from random import Random

import pytest
from PySide6.QtWidgets import QLabel

from ketaquiz.core.anki import archive
from ketaquiz.core.check import check_path
from ketaquiz.core.importers import import_file, load_imported
from ketaquiz.core.scheduling import Settings
from ketaquiz.core.setfile import read_set
from ketaquiz.ui import question_media
from ketaquiz.ui.context import AppContext, StudyRequest
from ketaquiz.ui.main_window import MainWindow
from ketaquiz.ui.study import StudyPage

FIXTURES = Path(__file__).parent / "fixtures" / "anki"
STAINED = "Which organelle is stained here?"
SOUND = "Which sound is this?"


def package_file(name: str) -> bytes:
    """A media file as Anki stored it (zstd in the current format), found through the package's own map."""
    pkg = archive.open_package(FIXTURES / "modern.apkg")
    with pkg.zf:
        return archive.read_small(pkg, pkg.media[name], zstd=True)


@pytest.mark.parametrize("name", ["modern.apkg", "legacy.apkg", "modern.colpkg"])
def test_import_copies_the_media_questions_show_into_the_set_folder(name, data_dir):
    res = import_file(FIXTURES / name, data_dir, set_id="bio")
    folder = res.path.parent
    qs = {q.prompt: q for q in read_set(res.path).questions}
    assert qs[STAINED].media == ["media/cell.png"] and qs[SOUND].media == ["media/beep.mp3"]
    assert (folder / "media" / "cell.png").read_bytes() == package_file("cell.png")
    assert sorted(p.name for p in (folder / "media").iterdir()) == ["beep.mp3", "cell.png"]  # not the IO image
    assert check_path(res.path) == []


def test_check_refuses_media_outside_the_folder_or_missing(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('id = "s"\ntitle = "S"\ntopics = [{ id = "t", title = "T" }]\n\n[[questions]]\nid = "a"\n'
                    'topic = "t"\ntype = "short"\nprompt = "P?"\nanswer = "x"\n'
                    'media = ["../secret.png", "/etc/passwd.png", "here.exe", "gone.png"]\n', encoding="utf-8")
    messages = " | ".join(p.message for p in check_path(path))
    assert "'../secret.png' must be a path inside the set's folder" in messages
    assert "'/etc/passwd.png' must be a path inside the set's folder" in messages
    assert "'here.exe' is not an image or a sound" in messages
    assert "'gone.png': no such file in the set's folder" in messages


@pytest.fixture
def study(qtbot, data_dir, clock):
    res = import_file(FIXTURES / "modern.apkg", data_dir, set_id="bio")
    ctx = AppContext(data_dir, clock=clock)
    ctx.store.save_settings(Settings(fuzz=False))
    load_imported(ctx.store, res)
    ctx.reload_library()
    window = MainWindow(ctx, rng=Random(3))
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    page = window.page("study")
    assert isinstance(page, StudyPage)
    yield ctx, window, page
    ctx.close()


def show(ctx, window, page, prompt: str) -> None:
    key = next(k for k, q in ctx.store.questions("bio") if q.prompt == prompt)
    ctx.study_requested.emit(StudyRequest(keys=[key]))
    window.show_page("study")
    assert page.session is not None and page.session.current.prompt == prompt


def test_study_shows_the_image_under_the_prompt(study):
    ctx, window, page = study
    show(ctx, window, page, STAINED)
    images = [lab for lab in page.qwidget.findChildren(QLabel) if lab.objectName() == "questionImage"]
    assert len(images) == 1 and not images[0].pixmap().isNull()
    assert images[0].pixmap().size().width() == 2  # the fixture's 2x2 PNG, from the set's folder


def test_study_plays_a_sound_or_says_how(study, monkeypatch):
    ctx, window, page = study
    monkeypatch.setattr(question_media, "multimedia_available", lambda: True)  # (PySide6-Addons is optional)
    show(ctx, window, page, SOUND)
    assert [b.text() for b in page.qwidget.findChildren(question_media.SoundButton)] == ["▶  Play sound (beep.mp3)"]
    monkeypatch.setattr(question_media, "multimedia_available", lambda: False)
    show(ctx, window, page, SOUND)
    notes = [lab.text() for lab in page.qwidget.findChildren(QLabel) if lab.objectName() == "mediaNote"]
    assert notes and "to play it here, install QtMultimedia (pip install PySide6-Addons==6." in notes[0]


def test_a_file_swapped_for_a_link_outside_the_folder_is_not_shown(study, tmp_path):
    ctx, window, page = study
    img = Path(ctx.store.set_info("bio").path).parent / "media" / "cell.png"
    outside = tmp_path / "outside.png"
    outside.write_bytes(img.read_bytes())
    img.unlink()
    img.symlink_to(outside)
    show(ctx, window, page, STAINED)
    assert not [lab for lab in page.qwidget.findChildren(QLabel) if lab.objectName() == "questionImage"]
    notes = [lab.text() for lab in page.qwidget.findChildren(QLabel) if lab.objectName() == "mediaNote"]
    assert notes == ["(media/cell.png is not in this set's folder)"]


ANSWER_SET = """id = "pics"
title = "Pictures"
topics = [{ id = "t", title = "T" }]

[[questions]]
id = "heart"
topic = "t"
type = "short"
prompt = "Which organ pumps blood?"
answer = "heart"
media = ["media/question.png"]
answer_media = ["media/answer.png"]
"""


@pytest.fixture
def pictures(qtbot, data_dir, clock):
    """A set whose question shows one image with its prompt and another with its answer."""
    from PySide6.QtGui import QImage

    folder = data_dir.sets_dir / "pics"
    (folder / "media").mkdir(parents=True)
    for name, size in (("question", 3), ("answer", 5)):
        img = QImage(size, size, QImage.Format.Format_RGB32)
        img.fill(0)
        img.save(str(folder / "media" / f"{name}.png"))
    (folder / "pics.toml").write_text(ANSWER_SET, encoding="utf-8")
    ctx = AppContext(data_dir, clock=clock)
    ctx.store.save_settings(Settings(fuzz=False))
    ctx.reload_library()
    window = MainWindow(ctx, rng=Random(3))
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    yield ctx, window, folder
    ctx.close()


def _image_widths(widget) -> list[int]:
    return [lab.pixmap().width() for lab in widget.findChildren(QLabel)
            if lab.objectName() == "questionImage" and lab.isVisibleTo(widget)]


def test_the_answers_image_shows_with_the_feedback_not_before(qtbot, pictures):
    from PySide6.QtCore import Qt

    ctx, window, _folder = pictures
    key = ctx.store.question_key("pics", "heart")
    ctx.study_requested.emit(StudyRequest(keys=[key]))
    window.show_page("study")
    page = window.page("study")
    assert _image_widths(page.qwidget) == [3]  # the question's image only
    assert not page.answer_media.isVisibleTo(page)
    page.qwidget.edit.setText("heart")
    qtbot.keyClick(page.qwidget.edit, Qt.Key.Key_Return)
    assert page.feedback is not None and page.feedback.correct
    assert page.answer_media.isVisibleTo(page) and _image_widths(page.answer_media) == [5]


def test_the_editor_preview_shows_the_question_and_answer_images(pictures):
    from ketaquiz.ui.question_editor import QuestionEditor

    ctx, _window, folder = pictures
    qset = read_set(folder / "pics.toml")
    ed = QuestionEditor()
    ed.set_context(qset.topics, None, set(), folder)
    ed.load(qset.questions[0])
    assert ed.preview.images_shown == ["media/question.png", "media/answer.png"]
    assert "After answering" in ed.preview.toPlainText()
    ed.set_context(qset.topics, None, set(), None)  # no folder known: no image, nothing read
    ed.load(qset.questions[0])
    assert ed.preview.images_shown == []


def test_answer_media_is_checked_and_kept_in_the_set_file(pictures):
    from ketaquiz.core.setfile import set_to_text

    _ctx, _window, folder = pictures
    qset = read_set(folder / "pics.toml")
    assert qset.questions[0].answer_media == ["media/answer.png"]
    assert 'answer_media = [\n    "media/answer.png",\n]' in set_to_text(qset)
    assert check_path(folder / "pics.toml") == []
    (folder / "media" / "answer.png").unlink()
    assert [p.field for p in check_path(folder / "pics.toml")] == ["media"]


def test_exports_carry_the_media_and_an_apkg_imports_back_with_them(pictures, tmp_path, capsys):
    """`ketaquiz export` -o: the files go inside an .apkg (shown on the card's front and back in Anki) and beside
    a JSON file; the .apkg imported again shows both images, with the same bytes."""
    import json
    import zipfile

    from ketaquiz.cli import main

    ctx, _window, folder = pictures
    root = str(ctx.data.root)
    apkg = tmp_path / "out" / "pics.apkg"
    assert main(["--data", root, "export", "pics", "--format", "apkg", "-o", str(apkg)]) == 0
    with zipfile.ZipFile(apkg) as z:
        names = json.loads(z.read("media"))
        assert sorted(names.values()) == ["answer.png", "question.png"]
    res = import_file(apkg, ctx.data, set_id="pics-again")
    q = read_set(res.path).questions[0]
    assert q.media == ["media/question.png"] and q.answer_media == ["media/answer.png"]
    for rel in (*q.media, *q.answer_media):
        assert (res.path.parent / rel).read_bytes() == (folder / rel).read_bytes()
    out = tmp_path / "json" / "pics.json"
    assert main(["--data", root, "export", "pics", "--format", "json", "-o", str(out)]) == 0
    assert (out.parent / "media" / "answer.png").read_bytes() == (folder / "media" / "answer.png").read_bytes()
    assert json.loads(out.read_text(encoding="utf-8"))[0]["answer_media"] == ["media/answer.png"]
    capsys.readouterr()
    assert main(["--data", root, "export", "pics", "--format", "json"]) == 0
    assert "give -o FILE to have them copied" in capsys.readouterr().err


def test_images_on_the_answer_side_of_real_anki_cards_import_as_answer_media(data_dir):
    """answer_media.apkg, written by Anki 26.9.3 (scripts/make_anki_fixtures.py --answer-media): a Basic card with an
    image on its back, a Cloze note with one in Back Extra. They show with the answer, never before it."""
    res = import_file(FIXTURES / "answer_media.apkg", data_dir, set_id="anat")
    qs = {q.type: q for q in read_set(res.path).questions}
    assert qs["short"].answer == "The heart" and qs["short"].media == [] and qs["short"].answer_media == ["media/heart.png"]
    assert qs["cloze"].media == [] and qs["cloze"].answer_media == ["media/valve.png"]
    assert sorted(p.name for p in (res.path.parent / "media").iterdir()) == ["heart.png", "valve.png"]
    assert check_path(res.path) == []
