"""The main window: a sidebar of pages (Ctrl+1..6) over a stack; Sets and Scores are built on first visit."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .changes import Changes
from .context import AppContext, StudyRequest
from .home import HomePage
from .window_place import restore_place, save_place

PAGES = [("home", "Home"), ("study", "Study"), ("article", "Article"), ("sets", "Sets"), ("scores", "Scores"),
         ("settings", "Settings")]


SHORTCUTS = """Everywhere
  Ctrl+1 … Ctrl+6    Home, Study, Article, Sets, Scores, Settings
  Enter / Space      press the focused button
  F1                 this list
  Ctrl+Q             quit

Study: answering
  1–9                choose an option (multi: tick it)
  T / F  (or 1 / 2)  true / false
  ↑ ↓                move between options; Enter chooses
  Enter              submit (in a cloze gap: on to the next empty gap; the last gap submits)
  Ctrl+D             I don't know
  E / Ctrl+E         edit the question
  @ / Ctrl+J         suspend the question
  Ctrl+Z             undo the last answer (in a text field, its own typing first)

Study: after an answer
  Enter / Space      continue
  U or 2             unsure (see it sooner)
  4                  easy (see it later)
  R                  I was right (a typed answer graded wrong); again to take it back
  A                  show the source in the article

Sets
  Ctrl+S             save the set
  Ctrl+F             filter the questions
  Alt+↑ / Alt+↓      move an item (order questions)
"""


def _study_page(ctx: AppContext, rng: Random | None) -> QWidget:
    from .study import StudyPage  # imported on first use: keeps the first paint of Home quick

    return StudyPage(ctx, rng=rng)


def _article_page(ctx: AppContext) -> QWidget:
    from .article_view import ArticlePage

    return ArticlePage(ctx)


def _settings_page(ctx: AppContext) -> QWidget:
    from .settings_page import SettingsPage

    return SettingsPage(ctx)


def _sets_page(ctx: AppContext) -> QWidget:
    from .sets_page import SetsPage  # an ImportError here is a bug: it goes to the crash reporter, not a blank page

    return SetsPage(ctx)


def _scores_page(ctx: AppContext) -> QWidget:
    from .scores_page import ScoresPage

    return ScoresPage(ctx)


class MainWindow(QMainWindow):
    """Hosts the pages; talks to them only through the AppContext."""

    restore_requested = Signal()  # "Restore backup…": the app closes the store and swaps the file
    backup_requested = Signal()

    def __init__(self, ctx: AppContext, *, settings: QSettings | None = None, rng: Random | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.qsettings = settings
        self._show_profile()
        self.setMinimumSize(720, 480)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setMaximumWidth(200)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {
            "home": lambda: HomePage(ctx),
            "study": lambda: _study_page(ctx, rng),
            "article": lambda: _article_page(ctx),
            "sets": lambda: _sets_page(ctx),
            "scores": lambda: _scores_page(ctx),
            "settings": lambda: _settings_page(ctx),
        }
        for i, (name, title) in enumerate(PAGES):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{title}  (Ctrl+{i + 1})")
            self.sidebar.addItem(item)
            holder = QWidget()  # replaced by the page when first shown
            holder.setObjectName(f"holder-{name}")
            self.stack.addWidget(holder)
        # Study and Article are built when first asked for (by a signal from another page, or the sidebar);
        # once built they listen to those signals themselves.
        self.page("home")
        ctx.study_requested.connect(self._study_requested)
        ctx.show_in_article.connect(self._show_in_article)

        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.setSpacing(0)
        side_lay.addWidget(self.sidebar, 1)
        self.profile_switcher = self._profile_switcher()
        side_lay.addWidget(self.profile_switcher)
        side.setMaximumWidth(220)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.sidebar.currentRowChanged.connect(self._row_changed)
        ctx.page_requested.connect(self.show_page)
        ctx.changed.connect(self._changed)
        self._build_actions()
        from PySide6.QtWidgets import QApplication

        from .keys import EnterPressesButtons

        self._enter_filter = EnterPressesButtons(self)  # goes with the window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._enter_filter)
        self.show_page("home")

    def _show_profile(self) -> None:
        self.setWindowTitle(f"{self.ctx.profile} — KetaQuiz")

    def _changed(self, changes: Changes) -> None:
        """Another learner: their Home (the previous learner's page, a question say, is no longer theirs)."""
        if changes.profile:
            self._show_profile()
            self.show_page("home")

    def _profile_switcher(self) -> QWidget:
        from .profiles import ProfileSwitcher

        return ProfileSwitcher(self.ctx)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("&File")
        backup = QAction("&Back up now", self)
        backup.triggered.connect(self.backup_requested.emit)
        restore = QAction("&Restore backup…", self)
        restore.setObjectName("restore_backup")
        restore.triggered.connect(self.restore_requested.emit)
        quit_ = QAction("&Quit", self)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        import_ = QAction("&Import set…", self)
        import_.triggered.connect(self._import_set)
        menu.addAction(import_)
        menu.addSeparator()
        menu.addAction(backup)
        menu.addAction(restore)
        menu.addSeparator()
        menu.addAction(quit_)
        self.restore_action = restore
        self.import_action = import_
        edit = self.menuBar().addMenu("&Edit")
        for text, slot in (("&Undo last answer\tCtrl+Z", lambda: self._on_study("undo")),
                           ("&Edit this question\tE", lambda: self._on_study("edit_current")),
                           ("&Suspend this question\t@", lambda: self._on_study("suspend_current")),
                           ("&Find in set…\tCtrl+F", lambda: self._on_sets("find_in_set")),
                           ("&Preferences…", lambda: self.show_page("settings"))):
            act = QAction(text, self)  # the keys are the pages' own: shown here, not bound twice
            act.triggered.connect(slot)
            edit.addAction(act)
        go = self.menuBar().addMenu("&Go")
        for i, (name, title) in enumerate(PAGES):
            act = QAction(title, self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(lambda _=False, n=name: self.show_page(n))
            go.addAction(act)
            self.addAction(act)
        self.help_menu = self.menuBar().addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", self)
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(keys)
        self.keys_action = keys
        about = QAction("&About KetaQuiz", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.help_menu.addAction(about)
        self.about_action = about

    def _on_study(self, method: str) -> None:
        self.show_page("study")
        getattr(self.page("study"), method)()

    def _on_sets(self, method: str) -> None:
        self.show_page("sets")
        getattr(self.page("sets"), method, lambda: None)()

    def _import_set(self) -> None:
        self._on_sets("ask_import")

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts (F1): every key of the app, in a dialog."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

        dialog = QDialog(self)
        dialog.setWindowTitle("Keyboard shortcuts")
        lay = QVBoxLayout(dialog)
        text = QTextBrowser()
        text.setPlainText(SHORTCUTS)
        lay.addWidget(text)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(dialog.reject)
        lay.addWidget(box)
        dialog.resize(560, 520)
        self.shortcuts_dialog = dialog
        dialog.exec()

    def show_about(self) -> None:
        from .about import AboutDialog  # here: the start need not build it

        AboutDialog(self.ctx.data, self.ctx.profile, self).exec()

    def _study_requested(self, request: StudyRequest) -> None:
        if "study" not in self.pages:
            from .study import StudyPage

            page = self.page("study")
            assert isinstance(page, StudyPage)  # (_study_page made it)
            page.start(request)

    def _show_in_article(self, set_id: str, quote: str) -> None:
        if "article" not in self.pages:
            from .article_view import ArticlePage

            page = self.page("article")
            assert isinstance(page, ArticlePage)  # (_article_page made it)
            page.show_source(set_id, quote)

    def page(self, name: str) -> QWidget:
        """The page widget, built on first use."""
        if name not in self.pages:
            index = [n for n, _ in PAGES].index(name)
            widget = self._factories[name]()
            widget.setObjectName(f"page-{name}")
            old = self.stack.widget(index)  # (the placeholder, always there)
            self.stack.insertWidget(index, widget)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.pages[name] = widget
        return self.pages[name]

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()][0]

    def show_page(self, name: str) -> None:
        """Switch to a page by name (home, study, article, sets, scores, settings)."""
        names = [n for n, _ in PAGES]
        if name not in names:
            return
        widget = self.page(name)
        self.stack.setCurrentWidget(widget)
        row = names.index(name)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row][0])

    def restore_state(self) -> None:
        """Geometry and last page from QSettings."""
        if self.qsettings is None:
            self.resize(1100, 760)
            return
        if not restore_place(self, self.qsettings):
            geo = self.qsettings.value("window/geometry")  # as saved before window/rect (kept for a downgrade)
            if geo is None or not self.restoreGeometry(geo):
                self.resize(1100, 760)
        last = self.qsettings.value("window/page", "home")
        if isinstance(last, str) and last not in ("study",):
            self.show_page(last)

    def save_state(self) -> None:
        if self.qsettings is None:
            return
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        save_place(self, self.qsettings)
        self.qsettings.setValue("window/page", self.current_page())
        self.qsettings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        sets = self.pages.get("sets")
        keep = getattr(sets, "maybe_keep_changes", None)
        if callable(keep) and not keep():
            event.ignore()
            return
        self.save_state()
        stop = getattr(self.pages.get("study"), "stop", None)
        if callable(stop):
            stop()
        super().closeEvent(event)
