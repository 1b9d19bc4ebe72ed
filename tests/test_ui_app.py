"""The window around the pages: navigation, Home, Settings kept across a restart, backups, one instance."""

from __future__ import annotations

import shutil
from random import Random

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ketaquiz.core import backup
from ketaquiz.core.appearance import Appearance
from ketaquiz.core.scheduling import Settings
from ketaquiz.ui.app import AppController, InstanceGuard, open_checked, window_settings
from ketaquiz.ui.changes import SETTINGS
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.home import HomePage
from ketaquiz.ui.main_window import PAGES, MainWindow
from ketaquiz.ui.settings_page import SettingsPage
from ketaquiz.ui.study import StudyPage

from .test_ui_study import answer_by_keys, ctx, write_course  # noqa: F401 (fixture)


def make_window(qtbot, ctx, settings: QSettings | None = None) -> MainWindow:  # noqa: F811
    w = MainWindow(ctx, settings=settings, rng=Random(3))
    qtbot.addWidget(w)
    w.resize(900, 650)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def test_ctrl_number_switches_pages_and_sidebar_follows(qtbot, ctx):  # noqa: F811
    w = make_window(qtbot, ctx)
    for i, (name, _title) in enumerate(PAGES):
        qtbot.keyClick(w, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert w.current_page() == name
        assert w.sidebar.currentRow() == i
    w.sidebar.setCurrentRow(0)
    assert w.current_page() == "home"
    assert w.page("sets") is not None and w.page("scores") is not None  # real pages or placeholders


def test_home_lists_topics_and_study_buttons_start_a_session(qtbot, ctx):  # noqa: F811
    w = make_window(qtbot, ctx)
    home = w.page("home")
    assert isinstance(home, HomePage)
    assert ("demo", "water") in home.study_buttons and ("demo", "colours") in home.study_buttons
    assert "0 answered" in home.today_label.text()
    qtbot.mouseClick(home.study_buttons[("demo", "water")], Qt.MouseButton.LeftButton)
    assert w.current_page() == "study"
    study = w.page("study")
    assert isinstance(study, StudyPage)
    assert study.session is not None and study.session.topics == ["water"]
    answer_by_keys(qtbot, study, right=True)
    w.show_page("home")
    assert "1 answered" in home.today_label.text()


def test_study_all_due_when_nothing_is_left(qtbot, ctx):  # noqa: F811
    ctx.store.save_settings(Settings(fuzz=False, new_per_day=0))
    w = make_window(qtbot, ctx)
    qtbot.mouseClick(w.page("home").study_all_btn, Qt.MouseButton.LeftButton)
    study = w.page("study")
    assert study.stack.currentWidget() is study.idle_view
    assert "new questions a day: today's are done" in study.idle_label.text()
    assert study.idle_more_btn.isVisibleTo(study) and study.idle_more_btn.text() == "Study 10 more new today"
    qtbot.mouseClick(study.idle_more_btn, Qt.MouseButton.LeftButton)  # study more: beyond today's limit
    assert study.stack.currentWidget() is study.question_view


def test_settings_saved_and_kept_across_a_restart(qtbot, data_dir, clock):
    write_course(data_dir)
    first = AppContext(data_dir, clock=clock)
    first.reload_library()
    page = SettingsPage(first)
    qtbot.addWidget(page)
    seen = []
    first.changed.connect(lambda c: seen.append(c.settings))
    page.new_per_day.setValue(7)
    page.reviews_per_day.setValue(150)
    page.retention.setValue(0.85)
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    page.font_size.setValue(13)
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert seen and page.status.text() == "Saved"
    first.close()

    again = AppContext(data_dir, clock=clock)
    try:
        s, look = again.store.settings(), again.store.appearance()
        assert (s.new_per_day, s.reviews_per_day, s.desired_retention, look.theme, look.font_size) == (7, 150, 0.85, "dark", 13)
        page2 = SettingsPage(again)
        qtbot.addWidget(page2)
        assert page2.new_per_day.value() == 7 and page2.theme.currentData() == "dark" and page2.font_size.value() == 13
    finally:
        again.close()


def test_dark_theme_and_font_size_applied(qtbot, ctx):  # noqa: F811
    app = QApplication.instance()
    w = make_window(qtbot, ctx)
    controller = AppController(app, ctx, w)
    before_font = app.font().pointSize()
    try:
        ctx.store.save_appearance(Appearance(theme="dark", font_size=15))
        ctx.notify(SETTINGS)
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert app.font().pointSize() == 15
    finally:
        ctx.store.save_appearance(Appearance(theme="light", font_size=0))
        controller.apply_settings()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 180
    assert app.font().pointSize() == before_font


def test_back_to_the_system_theme_brings_back_the_platform_style(qtbot):
    from ketaquiz.ui import theme

    def style_name() -> str:  # under a stylesheet, style() is its nameless proxy
        sheet = app.styleSheet()
        app.setStyleSheet("")
        name = app.style().name().lower()
        app.setStyleSheet(sheet)
        return name

    app = QApplication.instance()
    saved_original, saved_style = dict(theme._original), style_name()
    theme._original.clear()
    app.setStyle("Windows")  # stands in for the platform's own style
    try:
        theme.apply_theme(app, Appearance(theme="system"))
        assert style_name() == "windows"
        theme.apply_theme(app, Appearance(theme="dark"))
        assert style_name() == "fusion"
        theme.apply_theme(app, Appearance(theme="system"))
        assert style_name() == "windows"
    finally:
        theme._original.clear()
        theme._original.update(saved_original)
        app.setStyle(saved_style)
        theme.apply_theme(app, Appearance(theme="light"))


def test_window_geometry_and_last_page_remembered(qtbot, ctx, data_dir):  # noqa: F811
    w = make_window(qtbot, ctx, window_settings(data_dir))
    w.resize(760, 520)  # inside the offscreen screen (800 × 600)
    w.show_page("article")
    w.close()
    w2 = MainWindow(ctx, settings=window_settings(data_dir))
    qtbot.addWidget(w2)
    w2.restore_state()  # as run() does: before the window is shown
    with qtbot.waitExposed(w2):
        w2.show()
    assert w2.current_page() == "article"
    assert (w2.width(), w2.height()) == (760, 520)


def test_one_instance_per_data_dir(qtbot, tmp_path):
    first = InstanceGuard(tmp_path / "d")
    second = InstanceGuard(tmp_path / "d")
    other = InstanceGuard(tmp_path / "elsewhere")
    try:
        assert first.acquire()
        assert not second.acquire()
        assert other.acquire()
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert second.notify_running()
    finally:
        first.release()
        other.release()
    assert second.acquire()  # free again once the first has quit
    second.release()


def test_the_app_listens_for_the_next_instance_once_its_window_is_up(qtbot, tmp_path):
    first = InstanceGuard(tmp_path / "d")
    second = InstanceGuard(tmp_path / "d")
    try:
        assert first.acquire(listen=False)  # as launch() does before the window shows
        assert not second.acquire()
        assert not second.notify_running(timeout_ms=200)  # nobody answers: the second says "already open"
        first.listen()
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert second.notify_running()
    finally:
        first.release()


def test_damaged_database_offers_the_newest_good_backup(data_dir, clock):
    st = data_dir.open_store(clock=clock)
    st.set_setting("marker", 42)
    backup.make_backup(st, data_dir.backups_dir(), clock())
    st.close()
    db = data_dir.db_path()
    for side in ("-wal", "-shm"):
        (db.parent / (db.name + side)).unlink(missing_ok=True)
    db.write_bytes(b"this is not SQLite" * 500)
    questions = []

    def ask(title: str, text: str) -> bool:
        questions.append(text)
        return True

    opened = open_checked(data_dir, "default", clock, ask)
    try:
        assert opened is not None and questions and "Restore the backup" in questions[0]
        assert opened.store.quick_check() == "ok"
        assert opened.store.get_setting("marker") == 42
        assert list(db.parent.glob("ketaquiz.db.before-restore-*"))  # the damaged file is kept
    finally:
        if opened is not None:
            opened.close()


def test_healthy_database_opens_without_asking(data_dir, clock):
    opened = open_checked(data_dir, "default", clock, lambda t, q: (_ for _ in ()).throw(AssertionError(q)))
    assert opened is not None
    opened.close()


def test_restore_backup_action_swaps_the_database(qtbot, ctx, clock):  # noqa: F811
    app = QApplication.instance()
    w = make_window(qtbot, ctx)
    chosen = []
    controller = AppController(app, ctx, w, ask=lambda t, q: True, choose=lambda items: chosen.append(items) or items[0])
    first = controller.backup_now()
    study = w.page("study")
    w.page("home").study_buttons[("demo", None)].click()
    answer_by_keys(qtbot, study, right=True)
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1
    clock.advance(minutes=1)
    notices = []
    ctx.changed.connect(notices.append)
    w.restore_action.trigger()
    assert chosen and chosen[0][0].path == first
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
    assert ctx.store.quick_check() == "ok"
    assert study.session is None
    # One notice for the pages: another database, so its sets, answers and settings may all differ.
    assert len(notices) == 1 and notices[0].library and notices[0].progress and notices[0].settings
    assert notices[0].initiator is controller


def test_launch_opens_home_on_the_course_and_backs_up_on_close(qtbot, data_dir, clock):
    from ketaquiz.ui.app import Launched, launch

    started = launch(data_dir, clock=clock)
    assert isinstance(started, Launched)
    try:
        qtbot.addWidget(started.window)
        assert started.window.isVisible() and started.window.current_page() == "home"
        assert started.window.page("home").study_buttons  # the bundled course, straight away
        qtbot.waitUntil(lambda: started.guard.server is not None)  # listening once the window is up
        second = launch(data_dir, clock=clock)  # the same data directory again
        assert second == 0  # told the first window to come forward, and did not open the database
        assert started.controller.daily_backup() is not None
        assert started.controller.daily_backup() is None  # once a day
        started.window.close()
        started.app.aboutToQuit.disconnect(started.controller.shutdown)  # the test's app lives on
        started.controller.shutdown()
        # the close's backup, after the daily one: the history keeps a day's newest
        assert [b.name for b in backup.list_backups(data_dir.backups_dir())] == ["ketaquiz-20260302-090000-2.db"]
    finally:
        started.guard.release()


def test_launch_opens_the_profile_used_last(qtbot, data_dir, clock):
    from ketaquiz.core.profiles import set_last_profile
    from ketaquiz.ui.app import Launched, launch

    set_last_profile(data_dir, "Ann")
    started = launch(data_dir, clock=clock)
    assert isinstance(started, Launched)
    try:
        qtbot.addWidget(started.window)
        assert started.controller.ctx.profile == "Ann"
        assert data_dir.db_path("Ann").exists()
        started.window.close()
        started.app.aboutToQuit.disconnect(started.controller.shutdown)
        started.controller.ctx.close()
    finally:
        started.guard.release()


def test_after_first_paint_runs_once_the_window_has_painted(qtbot):
    from PySide6.QtCore import QEvent

    from ketaquiz.ui.app import after_first_paint

    events: list[str] = []
    w = QWidget()
    qtbot.addWidget(w)

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                events.append("paint")
            return False

    spy = Paints()
    w.installEventFilter(spy)
    after_first_paint(w, lambda: events.append("callback"))
    QApplication.processEvents()
    assert events == []  # not shown, not painted: not called
    w.show()
    qtbot.waitUntil(lambda: "callback" in events)
    assert events.index("paint") < events.index("callback")
    w.update()
    qtbot.waitUntil(lambda: events.count("paint") >= 2)
    QApplication.processEvents()
    assert events.count("callback") == 1


def test_a_big_set_changed_outside_loads_after_the_window_shows(qtbot, data_dir, clock, monkeypatch):
    """The bundled course loads before the window (it is small); a big set file edited outside the app loads on
    a worker once the window is up, and Home then lists it."""
    from ketaquiz.core.library import bundled_questions_dir
    from ketaquiz.core.questions import Question, QuestionSet, Topic
    from ketaquiz.core.setfile import write_set
    from ketaquiz.ui import context
    from ketaquiz.ui.app import Launched, launch

    qs = [Question(f"q{i}", "geo", "short", f"Question number {i}?", f"answer {i}") for i in range(600)]
    path = write_set(QuestionSet("geo-set", "Geography", topics=[Topic("geo", "Geography")], questions=qs),
                     data_dir.sets_dir / "geo-set" / "set.toml")
    course = bundled_questions_dir() / "ketamine" / "set.toml"
    assert course.stat().st_size < 40_000 < path.stat().st_size
    monkeypatch.setattr(context, "INLINE_LOAD_BYTES", 40_000)  # "big": this set, not the course
    started = launch(data_dir, clock=clock)
    assert isinstance(started, Launched)
    app_ctx = started.controller.ctx
    try:
        qtbot.addWidget(started.window)
        assert started.window.isVisible()
        assert app_ctx.store.set_info("ketamine") is not None  # loaded before the window showed
        assert started.window.statusBar().currentMessage() == "Loading question sets changed outside KetaQuiz…"
        qtbot.waitUntil(lambda: started.window.statusBar().currentMessage() == "", timeout=10000)
        assert len(app_ctx.store.questions("geo-set")) == 600
        home = started.window.page("home")
        qtbot.waitUntil(lambda: "Geography" in " ".join(w.text() for w in home.findChildren(QLabel)))
        started.window.close()
        started.app.aboutToQuit.disconnect(started.controller.shutdown)
        app_ctx.close()
    finally:
        started.guard.release()


def test_back_in_the_app_a_set_edited_outside_is_loaded(qtbot, ctx, data_dir):  # noqa: F811
    """Edit a set file in a text editor, come back to KetaQuiz: the change is in, with no restart."""
    app = QApplication.instance()
    w = make_window(qtbot, ctx)
    controller = AppController(app, ctx, w)
    path = data_dir.sets_dir / "demo.toml"
    key = ctx.store.question_key("demo", "q-short")
    old_prompt = ctx.store.question(key).prompt
    with qtbot.assertNotEmitted(ctx.changed):
        controller._state_changed(Qt.ApplicationState.ApplicationActive)  # nothing changed: pages left alone
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'prompt = "{old_prompt}"', 'prompt = "Edited outside: which one?"'), encoding="utf-8")
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.library, timeout=5000):
        controller._state_changed(Qt.ApplicationState.ApplicationActive)
    assert ctx.store.question(key).prompt == "Edited outside: which one?"


def test_a_set_changed_outside_while_the_app_stays_in_front_is_loaded(qtbot, ctx, data_dir):  # noqa: F811
    """A set file rewritten outside KetaQuiz (an editor beside it, a script) loads with no restart and without
    leaving the app; so does one saved the way many editors save (a new file renamed over the old), and a
    write in place after that (the new file is watched in its turn)."""
    app = QApplication.instance()
    w = make_window(qtbot, ctx)
    controller = AppController(app, ctx, w)
    controller.watch_set_files()  # as launch() does once the window has painted
    path = data_dir.sets_dir / "demo.toml"
    key = ctx.store.question_key("demo", "q-short")
    old_prompt = ctx.store.question(key).prompt
    text = path.read_text(encoding="utf-8")
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.library, timeout=5000):
        path.write_text(text.replace(f'prompt = "{old_prompt}"', 'prompt = "Changed in place?"'), encoding="utf-8")
    assert ctx.store.question(key).prompt == "Changed in place?"
    tmp = path.with_name("demo.toml.tmp")
    tmp.write_text(text.replace(f'prompt = "{old_prompt}"', 'prompt = "Saved by rename?"'), encoding="utf-8")
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.library, timeout=5000):
        tmp.replace(path)
    assert ctx.store.question(key).prompt == "Saved by rename?"
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.library, timeout=5000):
        path.write_text(text.replace(f'prompt = "{old_prompt}"', 'prompt = "In place again?"'), encoding="utf-8")
    assert ctx.store.question(key).prompt == "In place again?"


def test_a_set_put_in_a_new_folder_while_the_app_runs_is_loaded(qtbot, ctx, data_dir):  # noqa: F811
    app = QApplication.instance()
    w = make_window(qtbot, ctx)
    controller = AppController(app, ctx, w)
    watcher = controller.watch_set_files()
    folder = data_dir.sets_dir / "copied"
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.library, timeout=5000):
        folder.mkdir()
        shutil.copy(data_dir.sets_dir / "demo.txt", folder / "demo.txt")  # its article, beside it
        text = (data_dir.sets_dir / "demo.toml").read_text(encoding="utf-8")
        (folder / "set.toml").write_text(text.replace('id = "demo"', 'id = "demo-copy"', 1), encoding="utf-8")
    assert ctx.store.set_info("demo-copy") is not None
    assert str(folder / "set.toml") in watcher.watched()  # its later edits are seen too


def test_a_big_set_loading_is_not_started_twice(qtbot, ctx, data_dir, monkeypatch):  # noqa: F811
    import threading

    from ketaquiz.core import library
    from ketaquiz.ui import context

    monkeypatch.setattr(context, "INLINE_LOAD_BYTES", 10)  # every set file counts as big
    path = data_dir.sets_dir / "demo.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("q-short", "q-short-2"), encoding="utf-8")
    gate, reads = threading.Event(), []
    real = library.read_set
    monkeypatch.setattr(library, "read_set", lambda p: reads.append(p.name) or gate.wait(10) and real(p))
    first = ctx.load_changed_sets()
    assert first is not None and ctx.load_changed_sets() is first  # asked again (back in the app) while it runs
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.library, timeout=10000):
        gate.set()
    assert reads == ["demo.toml"] and ctx.store.question_key("demo", "q-short-2") is not None
