"""The wizard's review step through the real widgets: keep / drop / edit by keyboard, flags, keep-all-clean, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl

from ketaquiz.core.generate.report import GenerationReport, QuestionFlags
from ketaquiz.core.questions import Question, QuestionSet, Topic, cloze_gaps
from ketaquiz.core.setfile import read_set
from ketaquiz.ui import article_wizard, workers
from ketaquiz.ui.article_wizard import ArticleWizard

from .test_ui_sets import ARTICLE, FakeCancelled


def _report(questions: list[Question]) -> GenerationReport:
    """A report as the generator gives it: the second draft trips a check, the fourth has no flags."""
    rep = GenerationReport()
    for i, q in enumerate(questions):
        if i == 3:
            continue
        tripped = {"phrase-gap": "the gap is a phrase: “are roasted”; blank the key word"} if i == 1 else {}
        rep.flags[q.id] = QuestionFlags(q.id, passed=["self-contained", "content-word gap"], tripped=tripped,
                                        signals={"importance": 0.8})
    rep.unasked_terms = {"coffee-made": ["burr grinder"], "where-grown": ["tropics"]}
    return rep


def fake_generator(article, *, set_id, title=None, article_ref="", sections=None, progress=None, cancelled=None):
    todo = [s for s in article.sections if sections is None or s.slug in sections]
    qs = []
    for sec in todo:
        s = sec.sentences[0]
        qs.append(Question(id=f"{sec.slug}-1", topic=sec.slug, type="truefalse", prompt=s.text, answer=True,
                           source=s.text, origin="generated"))
    qs[1] = Question(id="coffee-made-1", topic="coffee-made", type="cloze", prompt="Beans {{are roasted}}.",
                     source="Beans are roasted.", origin="generated")
    if progress:
        progress(len(todo), len(todo))
    qset = QuestionSet(id=set_id, title=title or article.title, article=article_ref,
                       topics=[Topic(s.slug, s.title) for s in todo], questions=qs)
    return qset, _report(qs)


@pytest.fixture
def review(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(article_wizard, "load_generator", lambda: (fake_generator, FakeCancelled))
    w = ArticleWizard(ctx)
    qtbot.addWidget(w)
    w.shown = []
    monkeypatch.setattr(w, "inform", lambda title, text, error=False: w.shown.append(text))
    monkeypatch.setattr(w, "ask_confirm", lambda *a: True)
    w.text_edit.setPlainText(ARTICLE)
    w.next()
    w.next()
    qtbot.waitUntil(lambda: w.stack.currentIndex() == 3, timeout=10_000)
    yield w
    qtbot.waitUntil(lambda: not workers._running, timeout=10_000)


def saved_ids(w: ArticleWizard) -> list[str]:
    return [q.id for q in read_set(w.ctx.data.sets_dir / w.saved_set_id / "set.toml").questions]


def test_keyboard_keep_drop_and_only_kept_drafts_are_saved(qtbot, review):
    lst = review.review.list
    assert [d.question.id for d in review.drafts] == ["overview-1", "coffee-made-1", "grinding-details-1", "where-grown-1"]
    qtbot.keyClick(lst, Qt.Key.Key_K)  # keep the overview's, go to the next
    qtbot.keyClick(lst, Qt.Key.Key_D)  # drop the flagged cloze
    qtbot.keyClick(lst, Qt.Key.Key_Return)  # Enter keeps too (and does not save the set)
    assert review.stack.currentIndex() == 3 and review.saved_set_id is None
    assert [d.status for d in review.drafts] == ["kept", "dropped", "kept", "pending"]
    assert lst.currentRow() == 3
    assert review.next_btn.text() == "Save 2 kept questions"
    review.next_btn.click()
    assert saved_ids(review) == ["overview-1", "grinding-details-1"]


def test_the_draft_shows_its_prompt_as_learned_its_answer_flags_and_unasked_terms(qtbot, review):
    r = review.review
    r.list.setCurrentRow(1)
    assert r.preview.prompt_text == "Beans _____."
    details = r.details.toPlainText()
    assert "Answer: are roasted" in details
    assert "phrase-gap: the gap is a phrase" in details and "self-contained" in details
    assert "no draft asks about (click one to draft a question on it): burr grinder" in details
    assert "Draft 2 of 4 · How is coffee made? · not decided" in details
    assert "⚠" in r.list.item(1).text() and "⚠" not in r.list.item(0).text()
    r.list.setCurrentRow(3)
    assert "not checked" in r.details.toPlainText()
    assert "2 key terms not asked" in r.summary.text()


def test_keep_all_flagged_clean_keeps_only_clean_undecided_drafts(qtbot, review):
    r = review.review
    qtbot.keyClick(r.list, Qt.Key.Key_D)  # a clean draft dropped by hand stays dropped
    assert r.keep_clean_btn.text() == "Keep all flagged-clean (1)"
    r.keep_clean_btn.click()
    # 0 dropped by hand; 1 tripped a check; 2 clean; 3 has no flags (not checked)
    assert [d.status for d in review.drafts] == ["dropped", "pending", "kept", "pending"]
    assert not r.keep_clean_btn.isEnabled()
    assert r.list.currentRow() == 1  # on to the first draft still to review
    review.next_btn.click()
    assert saved_ids(review) == ["grinding-details-1"]


def test_edit_by_keyboard_in_the_question_editor_keeps_the_edited_draft(qtbot, review):
    r = review.review
    r.list.setCurrentRow(1)
    qtbot.keyClick(r.list, Qt.Key.Key_E)
    dlg = r.edit_dialog
    assert dlg is not None and dlg.isVisible() and dlg.editor.prompt_edit.toPlainText() == "Beans {{are roasted}}."
    dlg.editor.prompt_edit.setPlainText("Beans are {{roasted}}.")
    dlg.accept()
    d = review.drafts[1]
    assert d.status == "kept" and d.edited and d.question.prompt == "Beans are {{roasted}}."
    assert d.question.origin == "edited" and "Beans are _____." in r.list.item(1).text()
    assert "before your edit" in r.details.toPlainText()
    qtbot.keyClick(r.list, Qt.Key.Key_E)  # cancelling an edit changes nothing
    r.edit_dialog.editor.prompt_edit.setPlainText("Something else {{entirely}}.")
    r.edit_dialog.reject()
    assert review.drafts[1].question.prompt == "Beans are {{roasted}}."
    review.next_btn.click()
    saved = read_set(review.ctx.data.sets_dir / review.saved_set_id / "set.toml")
    assert [(q.id, q.prompt) for q in saved.questions] == [("coffee-made-1", "Beans are {{roasted}}.")]


def test_g_moves_the_gap_to_a_word_of_the_sentence_keeps_the_draft_and_checks_it_again(qtbot, review):
    r = review.review
    assert not r.gap_btn.isEnabled()  # a true/false draft has no gap to move
    r.list.setCurrentRow(1)  # "Beans {{are roasted}}.", which trips the phrase-gap check
    assert r.gap_btn.isEnabled() and "Gap instead (G): likeliest Beans" in r.details.toPlainText()
    qtbot.keyClick(r.list, Qt.Key.Key_G)
    menu = r.gap_menu
    assert menu is not None and menu.isVisible() and [a.text() for a in menu.actions()] == ["&1  Beans", "", "Other words…"]
    assert menu.activeAction() is menu.actions()[0]  # Enter takes the likeliest
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    d = review.drafts[1]
    assert d.status == "kept" and d.edited and d.question.prompt == "{{beans|bean}} are roasted."
    assert d.question.origin == "edited" and d.question.id != "coffee-made-1"
    assert d.flags.clean and "before your edit" not in r.details.toPlainText()  # checked again, as it is now
    assert "⚠" not in r.list.item(1).text() and "_____ are roasted." in r.list.item(1).text()
    review.next_btn.click()
    saved = read_set(review.ctx.data.sets_dir / review.saved_set_id / "set.toml")
    assert [q.prompt for q in saved.questions] == ["{{beans|bean}} are roasted."]


def test_a_accepts_another_answer_keeps_the_draft_and_saves_it(qtbot, review):
    # judges' next commonest fix after "gap X instead": "accept 'melanin'", the natural answer graded wrong
    r = review.review
    assert not r.accept_btn.isEnabled()  # a true/false draft has no typed answer
    qtbot.keyClick(r.list, Qt.Key.Key_A)
    assert r.accept_dialog is None
    r.list.setCurrentRow(1)  # "Beans {{are roasted}}."
    assert r.accept_btn.isEnabled()
    qtbot.keyClick(r.list, Qt.Key.Key_A)
    dlg = r.accept_dialog
    assert dlg is not None and dlg.isVisible() and "Graded right now: are roasted" in dlg.labelText()
    dlg.setTextValue("are Roasted")  # graded right already: nothing changes
    dlg.accept()
    assert review.drafts[1].question.prompt == "Beans {{are roasted}}." and review.drafts[1].status == "pending"
    assert "graded right already" in r.details.toPlainText()
    qtbot.keyClick(r.list, Qt.Key.Key_A)
    r.accept_dialog.setTextValue("roasted")
    r.accept_dialog.accept()
    d = review.drafts[1]
    assert d.question.prompt == "Beans {{are roasted|roasted}}." and d.status == "kept" and d.edited
    review.next_btn.click()
    saved = read_set(review.ctx.data.sets_dir / review.saved_set_id / "set.toml")
    assert [q.prompt for q in saved.questions] == ["Beans {{are roasted|roasted}}."]


def test_other_words_typed_move_the_gap_and_words_not_in_the_sentence_change_nothing(qtbot, review):
    r = review.review
    r.list.setCurrentRow(1)
    qtbot.keyClick(r.list, Qt.Key.Key_G)
    other = r.gap_menu.actions()[-1]
    assert other.text() == "Other words…"
    other.trigger()
    dlg = r.gap_dialog
    assert dlg is not None and dlg.isVisible() and "Beans are roasted." in dlg.labelText()
    dlg.setTextValue("coffee")  # not a word of this sentence
    dlg.accept()
    assert review.drafts[1].question.prompt == "Beans {{are roasted}}." and review.drafts[1].status == "pending"
    assert "“coffee” is not a word of its text" in r.details.toPlainText()
    qtbot.keyClick(r.list, Qt.Key.Key_G)
    r.gap_menu.actions()[-1].trigger()
    r.gap_dialog.setTextValue("roasted")
    r.gap_dialog.accept()
    assert review.drafts[1].question.prompt == "Beans are {{roasted}}." and review.drafts[1].status == "kept"


def test_a_word_linked_in_the_details_moves_the_gap_too(qtbot, review):
    r = review.review
    r.list.setCurrentRow(1)
    r.details.anchorClicked.emit(QUrl("gap:0"))
    assert review.drafts[1].question.prompt == "{{beans|bean}} are roasted."
    r.details.anchorClicked.emit(QUrl("gap:9"))  # no such word: nothing changes
    assert review.drafts[1].question.prompt == "{{beans|bean}} are roasted."


def test_a_key_term_no_draft_asks_is_a_link_that_adds_a_draft_asking_it(qtbot, review):
    r = review.review
    r.unasked = {"grinding-details": ["burr grinders"], "where-grown": ["tropics"]}
    r.list.setCurrentRow(2)  # the "Grinding details" draft
    assert "no draft asks about (click one to draft a question on it): burr grinders" in r.details.toPlainText()
    r.details.anchorClicked.emit(QUrl("term:0"))
    assert [d.question.topic for d in review.drafts] == ["overview", "coffee-made", "grinding-details",
                                                         "grinding-details", "where-grown"]
    new = review.drafts[3]
    assert new.status == "pending" and new.question.type == "cloze" and new.question.prompt.startswith("{{burr grinders")
    assert new.question.source == "Burr grinders are even." and new.flags is not None
    assert r.list.currentRow() == 3 and "1 key term not asked" in r.summary.text()
    qtbot.keyClick(r.list, Qt.Key.Key_K)
    r.list.setCurrentRow(4)  # "It grows in the tropics.": no sentence that stands alone says it
    assert "tropics ⚠" in r.details.toPlainText() and "the generator left it out" in r.details.toPlainText()
    r.details.anchorClicked.emit(QUrl("term:0"))
    assert len(review.drafts) == 5 and "no sentence that stands on its own says “tropics”" in r.details.toPlainText()
    review.next_btn.click()
    assert saved_ids(review) == [new.question.id]


def test_nothing_kept_saves_nothing(qtbot, review):
    for _ in range(4):
        qtbot.keyClick(review.review.list, Qt.Key.Key_D)
    assert not review.next_btn.isEnabled()
    assert not review.save() and review.saved_set_id is None and "Keep at least one" in review.shown[-1]


def test_enter_anywhere_on_the_review_step_never_saves(qtbot, review):
    with qtbot.waitExposed(review):
        review.show()
    review.activateWindow()
    qtbot.keyClick(review.review.list, Qt.Key.Key_K)
    for widget in (review.review.details, review.review.preview, review.next_btn.parentWidget()):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert review.saved_set_id is None and review.isVisible() and review.stack.currentIndex() == 3
    assert not review.next_btn.isDefault()


def test_the_sections_step_previews_each_section_as_its_questions_will_read_it(qtbot, ctx):
    w = ArticleWizard(ctx)
    qtbot.addWidget(w)
    assert w.open_file(Path(__file__).parent / "fixtures" / "articles" / "health_page.md")
    w.next()
    previews = [w.section_table.item(r, 3).text() for r in range(w.section_table.rowCount())]
    assert previews[0].startswith("4 sentences: A migraine is a moderate or severe headache")
    assert not [p for p in previews if "**" in p or "](" in p]


def test_the_gap_menu_numbers_the_likeliest_words_first_and_keeps_the_rest_in_sentence_order(qtbot, review):
    r = review.review
    src = "Burr grinders give an even grind, unlike blade grinders, so coffee brewed from burr grounds tastes even."
    review.drafts[1].question = Question(id="coffee-made-1", topic="coffee-made", type="cloze", source=src,
                                         prompt=src.replace("even grind", "{{even grind}}"), origin="generated")
    r.list.setCurrentRow(2)
    r.list.setCurrentRow(1)
    tool = r._regap_tool()
    likely, rest = tool.menu(review.drafts[1].question)
    assert len(likely) == 3 and rest
    qtbot.keyClick(r.list, Qt.Key.Key_G)
    texts = [a.text() for a in r.gap_menu.actions()]
    assert texts[:4] == [f"&{i}  {w}" for i, w in enumerate(likely, 1)] + [""]
    assert texts[4:-2] == rest and texts[-1] == "Other words…"
    assert "likeliest " + " · ".join(likely) in r.details.toPlainText()
    qtbot.keyClick(r.gap_menu, Qt.Key.Key_2)  # G then 2: the second likeliest
    moved = review.drafts[1].question
    assert cloze_gaps(moved.prompt)[0][0].casefold() == likely[1].casefold() and "even grind" in moved.prompt


def test_s_shows_the_section_text_and_a_sentence_clicked_there_becomes_a_new_draft(qtbot, review):
    r = review.review
    r.list.setCurrentRow(1)  # a draft of "How is coffee made?", which quotes "Beans are roasted."
    qtbot.keyClick(r.list, Qt.Key.Key_S)
    assert r.tabs.currentWidget() is r.section_text
    shown = r.section_text.toPlainText()
    assert "✓ Beans are roasted." in shown and "Then they are ground." in shown and "✓ Then" not in shown
    assert "★ Then they are ground." in shown  # the section's most central sentence no draft asks
    then = next(s for sec in review.review.article.sections for s in sec.sentences if s.text.startswith("Then"))
    r.section_text.anchorClicked.emit(QUrl(f"sentence:{then.id}"))
    d = review.drafts[2]  # after the current draft, not decided yet
    assert d.status == "pending" and d.question.type == "cloze" and d.question.topic == "coffee-made"
    assert d.question.source == "Then they are ground." and "{{" in d.question.prompt
    assert r.list.currentRow() == 2 and len(review.drafts) == 5
    assert "✓ Then they are ground." in r.section_text.toPlainText()  # now asked
    review.review.keep(2)
    review.next_btn.click()
    assert d.question.id in saved_ids(review)


def test_a_sentence_that_cannot_be_asked_says_why_and_adds_nothing(qtbot, review):
    r = review.review
    r.list.setCurrentRow(1)
    r.add_sentence_draft("s999")
    assert len(review.drafts) == 4 and "no sentence “s999”" in r.details.toPlainText()
    assert r.tabs.currentWidget() is r.details


def _select(browser, first: str, last: str = "") -> None:
    """Select from the start of `first` to the end of `last` (of `first` when empty) in the browser's text."""
    from PySide6.QtGui import QTextCursor

    text = browser.toPlainText()
    start = text.index(first)
    end = text.index(last, start) + len(last) if last else start + len(first)
    cursor = browser.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)


def test_words_selected_in_the_section_text_and_c_become_a_new_drafts_gap(qtbot, review):
    r = review.review
    r.list.setCurrentRow(1)
    qtbot.keyClick(r.list, Qt.Key.Key_S)
    _select(r.section_text, "roasted.", "Then")  # across two sentences: nothing
    qtbot.keyClick(r.section_text, Qt.Key.Key_C)
    assert len(review.drafts) == 4
    _select(r.section_text, "ground")
    qtbot.keyClick(r.section_text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    d = review.drafts[2]
    assert len(review.drafts) == 5 and d.status == "pending" and cloze_gaps(d.question.prompt)[0][0] == "ground"
    assert d.question.source.endswith("Then they are ground.")


def test_an_article_that_drew_no_draft_can_still_be_asked_from_its_section_text(qtbot, review):
    # held-27's "Nation state" drew no draft at all (every one failed the checks); the review step showed nothing to
    # start from. Its first section shows, with links to the others, and a sentence there drafts a question.
    r = review.review
    r.set_drafts([], r.topics, r.article, {})
    assert "No draft passed the quality checks: press S" in r.summary.text()
    qtbot.keyClick(r.list, Qt.Key.Key_S)
    assert r.tabs.currentWidget() is r.section_text
    text = r.section_text.toPlainText()
    assert "Coffee is a brewed drink." in text and "next section ›" in text and "previous section" not in text
    r.section_text.anchorClicked.emit(QUrl("section:1"))
    text = r.section_text.toPlainText()
    assert "Beans are roasted." in text and "‹ previous section" in text and "next section ›" in text
    roasted = next(s for s in r.article.sentences if s.text.startswith("Beans are roasted"))
    r.section_text.anchorClicked.emit(QUrl(f"sentence:{roasted.id}"))
    assert len(review.drafts) == 1 and review.drafts[0].question.source.startswith("Beans are roasted")


_DNA = ("# DNA\n\nDeoxyribonucleic acid is a polymer composed of two polynucleotide chains that coil around each other "
        "to form a double helix.\n\n## Structure\n\nThe double helix is held together by hydrogen bonds between the "
        "bases. Heating separates the two strands of the double helix into single strands.\n")


def test_an_edit_is_checked_in_its_article_as_the_generator_checked_the_draft(qtbot):
    # The generator lets "{{double helix}}" through (a phrase its article keeps writing is one of its terms, not a key
    # word glued to the modifier "double"); the reviewer's edit of that draft must not trip the same check afresh
    from ketaquiz.core.article import parse_article
    from ketaquiz.ui.draft_details import Draft
    from ketaquiz.ui.draft_review import DraftReview

    article = parse_article(_DNA)
    q = Question(id="overview-cloze-1", topic="overview", type="cloze", origin="generated",
                 prompt="Deoxyribonucleic acid is a polymer composed of two polynucleotide chains that coil around each "
                        "other to form a {{double helix}}.", source=article.sections[0].sentences[0].text)
    r = DraftReview()
    qtbot.addWidget(r)
    r.set_drafts([Draft(q)], [Topic("overview", "Overview")], article)
    assert r.accept_also(0, "double-stranded helix")
    d = r.drafts[0]
    assert d.status == "kept" and "{{double helix|double-stranded helix}}" in d.question.prompt
    assert "modifier gap" not in d.flags.tripped and d.flags.clean
    r.set_drafts([Draft(q)], [Topic("overview", "Overview")], None)  # no article to read it in: the plain checks
    assert r.accept_also(0, "double-stranded helix") and "modifier gap" in r.drafts[0].flags.tripped
