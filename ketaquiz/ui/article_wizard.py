"""“New set from article…”: open or paste an article, adjust its sections, generate drafts, review, save.

Steps: 1 article (file or pasted text) → 2 sections (rename, merge into the one above, skip) →
3 generate (worker thread, progress, cancel) → 4 review each draft with its quality flags (keep / drop / edit,
by keyboard; see draft_review.py) → save the kept ones.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import authoring
from ..core.article import Article, parse_article, slugify
from ..core.article_markdown import one_paragraph_per_line
from ..core.questions import QuestionSet, Topic
from . import plain
from .context import AppContext
from .draft_review import Draft, DraftReview, drafts_from
from .operations import Operation
from .workers import Report


def load_generator() -> tuple[Callable[..., Any], type[BaseException]] | None:
    """(generate_set, GenerationCancelled), or None when the generator is not installed (a build without it)."""
    try:
        from ..core.generate import GenerationCancelled, generate_set
    except ImportError as e:
        if e.name != __package__.rsplit(".", 1)[0] + ".core.generate":
            raise  # a module the generator needs, failing: a bug to see, not "not installed"
        logging.getLogger(__name__).warning("no question generator: %s", e)
        return None
    return generate_set, GenerationCancelled


@dataclass
class SectionPlan:
    """What to do with one detected section."""

    slug: str
    title: str
    body: str
    include: bool = True
    merge: bool = False  # append to the section above (its heading goes)


def section_bodies(article: Article) -> list[SectionPlan]:
    """Each section of the article with its text as given (Markdown kept) under its heading."""
    source = article.source or article.text
    spans = [sec.source_span for sec in article.sections]
    plans: list[SectionPlan] = []
    for i, sec in enumerate(article.sections):
        end = spans[i + 1][0] if i + 1 < len(spans) else len(source)
        plans.append(SectionPlan(sec.slug, sec.title, source[spans[i][1]:end].strip("\n")))
    return plans


def compose_article(title: str, plans: list[SectionPlan], markdown: bool) -> str:
    """The article as Markdown after renames and merges; every kept heading keeps its section id."""
    groups: list[SectionPlan] = []
    for p in plans:
        body = p.body if markdown else "\n\n".join(ln.strip() for ln in p.body.splitlines() if ln.strip())
        if p.merge and groups:
            groups[-1].body = (groups[-1].body.rstrip() + "\n\n" + body.strip()).strip()
        else:
            groups.append(SectionPlan(p.slug, p.title.strip() or p.slug, body.strip(), p.include))
    out = [f"# {title.strip() or 'Untitled'}\n"]
    for i, g in enumerate(groups):
        if i == 0 and g.slug == "overview" and g.title == "Overview":
            out.append(g.body + "\n")
            continue
        anchor = "" if slugify(g.title) == g.slug else f" {{#{g.slug}}}"
        out.append(f"## {g.title}{anchor}\n\n{g.body}\n")
    return "\n".join(out)


@dataclass
class WizardResult:
    qset: QuestionSet | None = None
    report: Any = None
    error: str = ""
    cancelled: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def generate_drafts(article: Article, set_id: str, title: str, sections: list[str], cancel: threading.Event,
                    report: Report) -> WizardResult:
    """Run the generator (in an operation, on a worker): the drafts, or why there are none.

    `report` gets "done/total" after each section; the generator stops soon after `cancel` is set. A generator
    error is raised (the operation hands it to the UI thread).
    """
    gen = load_generator()
    if gen is None:
        return WizardResult(error="The question generator is not installed in this build.")
    generate_set, cancelled_exc = gen
    try:
        qset, gen_report = generate_set(
            article, set_id=set_id, title=title, article_ref="article.md", sections=sections,
            progress=lambda d, t: report(f"{int(d)}/{int(t)}"), cancelled=cancel.is_set,
        )
    except cancelled_exc:
        return WizardResult(cancelled=True)
    if cancel.is_set():
        return WizardResult(cancelled=True)
    return WizardResult(qset=qset, report=gen_report)


class ArticleWizard(QDialog):
    """The dialog; `saved_set_id` is set once the set is written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("New set from article")
        screen = self.screen().availableGeometry()  # fits a 1024x640 screen too
        self.resize(min(1200, int(screen.width() * 0.96)), min(760, int(screen.height() * 0.94)))
        self.source_suffix = ".md"
        self.source_path: Path | None = None
        self.article: Article | None = None
        self.composed: Article | None = None
        self.composed_text = ""
        self.plans: list[SectionPlan] = []
        self.topics: list[Topic] = []
        self.generation: Operation[WizardResult] | None = None  # generating drafts, while it runs
        self._cancel = threading.Event()  # set to stop the generation under way
        self.saved_set_id: str | None = None
        self.result_: WizardResult | None = None

        self.stack = QStackedWidget()
        self.stack.addWidget(self._article_page())
        self.stack.addWidget(self._sections_page())
        self.stack.addWidget(self._generate_page())
        self.stack.addWidget(self._review_page())
        self.step_label = QLabel()
        self.step_label.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.back_btn = QPushButton("Back")
        self.next_btn = QPushButton("Next")
        self.cancel_btn = QPushButton("Close")
        self.back_btn.clicked.connect(self.back)
        self.next_btn.clicked.connect(self.next)
        self.cancel_btn.clicked.connect(self.reject)
        for b in (self.back_btn, self.next_btn, self.cancel_btn):
            b.setAutoDefault(False)
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.cancel_btn)
        nav.addWidget(self.back_btn)
        nav.addWidget(self.next_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.step_label)
        lay.addWidget(self.stack, 1)
        lay.addLayout(nav)
        self._show_step(0)

    # --- pages ------------------------------------------------------------------------
    def _article_page(self) -> QWidget:
        page = QWidget()
        self.open_btn = QPushButton("Open .md or .txt file…")
        self.open_btn.clicked.connect(self.ask_open)
        self.file_label = plain.label("…or paste the article below.")  # then the file's path
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article here. Markdown headings (## …) or short title lines split it into sections.")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title of the set (default: the article's title)")
        self.article_error = plain.label()  # names the file
        self.article_error.setStyleSheet("color: #b00020;")
        self.article_error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.open_btn)
        row.addWidget(self.file_label, 1)
        lay = QVBoxLayout(page)
        lay.addLayout(row)
        lay.addWidget(self.text_edit, 1)
        trow = QHBoxLayout()
        trow.addWidget(QLabel("Title"))
        trow.addWidget(self.title_edit, 1)
        lay.addLayout(trow)
        lay.addWidget(self.article_error)
        return page

    def _sections_page(self) -> QWidget:
        page = QWidget()
        self.section_table = QTableWidget(0, 4)
        self.section_table.setHorizontalHeaderLabels(["Generate", "Section title (edit to rename)", "Merge up", "Text"])
        hh = self.section_table.horizontalHeader()
        for col in (0, 1, 2):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.section_table.verticalHeader().hide()
        info = QLabel("Untick “Generate” to skip a section (its text stays in the article). Edit a title to rename the "
                      "section. Tick “Merge up” to join a section to the one above it.")
        info.setWordWrap(True)
        lay = QVBoxLayout(page)
        lay.addWidget(info)
        lay.addWidget(self.section_table, 1)
        return page

    def _generate_page(self) -> QWidget:
        page = QWidget()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.gen_status = QLabel("Generating drafts…")
        self.gen_status.setWordWrap(True)
        self.stop_btn = QPushButton("Cancel generation")
        self.stop_btn.clicked.connect(self.cancel_generation)
        lay = QVBoxLayout(page)
        lay.addStretch(1)
        lay.addWidget(self.gen_status)
        lay.addWidget(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.stop_btn)
        lay.addLayout(row)
        lay.addStretch(2)
        return page

    def _review_page(self) -> QWidget:
        self.review = DraftReview()
        self.review.changed.connect(self._review_changed)
        return self.review

    # --- navigation ---------------------------------------------------------------------
    _TITLES = ("1 · The article", "2 · Sections", "3 · Generating drafts", "4 · Review the drafts")

    def _show_step(self, i: int) -> None:
        self.stack.setCurrentIndex(i)
        self.step_label.setText(self._TITLES[i])
        self.back_btn.setEnabled(i in (1, 3))
        self.next_btn.setEnabled(i != 2)
        kept = len(self.review.kept_questions())
        self.next_btn.setText(f"Save {kept} kept question{'s' if kept != 1 else ''}" if i == 3
                              else "Generate drafts" if i == 1 else "Next")
        if i == 3:
            self.next_btn.setEnabled(kept > 0)
        self.next_btn.setDefault(i != 3)  # Enter keeps a draft on the review step, never saves

    def back(self) -> None:
        i = self.stack.currentIndex()
        if i == 3:
            if self.drafts and not self.ask_confirm("Discard the drafts?", "Going back discards the drafts and your review."):
                return
            self._show_step(1)
        elif i == 1:
            self._show_step(0)

    def next(self) -> None:
        i = self.stack.currentIndex()
        if i == 0:
            self.detect_sections()
        elif i == 1:
            self.start_generation()
        elif i == 3:
            self.save()

    # --- step 1 -------------------------------------------------------------------------
    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open article", str(Path.home()), "Articles (*.md *.txt);;All files (*)")
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            self.article_error.setText(f"{path}: not UTF-8 text; save the article as UTF-8 and open it again.")
            return False
        except OSError as e:
            self.article_error.setText(f"{path}: cannot read ({e.strerror}).")
            return False
        self.source_suffix = ".txt" if path.suffix.lower() == ".txt" else ".md"
        self.source_path = path
        self.text_edit.setPlainText(text)
        self.file_label.setText(str(path))
        self.article_error.clear()
        return True

    def detect_sections(self) -> bool:
        text = self.text_edit.toPlainText()
        if not text.strip():
            self.article_error.setText("Open an article file or paste its text first.")
            return False
        self.article = parse_article(text, path=self.source_path)
        if not self.article.sentences:
            self.article_error.setText("No sentences found in this text.")
            return False
        self.article_error.clear()
        if not self.title_edit.text().strip():
            self.title_edit.setText(self.article.title)
        self.plans = section_bodies(self.article)
        self.section_table.setRowCount(len(self.plans))
        for r, p in enumerate(self.plans):
            inc = QCheckBox()
            inc.setChecked(True)
            merge = QCheckBox()
            merge.setEnabled(r > 0)
            self.section_table.setCellWidget(r, 0, inc)
            self.section_table.setItem(r, 1, QTableWidgetItem(p.title))
            self.section_table.setCellWidget(r, 2, merge)
            sents = self.article.sections[r].sentences
            n = len(sents)
            readable = " ".join(s.text for s in sents)  # as the questions will read it (no Markdown)
            preview = QTableWidgetItem(f"{n} sentence{'s' if n != 1 else ''}: {' '.join(readable.split())[:140]}")
            self.section_table.setItem(r, 3, preview)
        self._show_step(1)
        return True

    def set_section(self, row: int, *, title: str | None = None, include: bool | None = None, merge: bool | None = None) -> None:
        """Change a section's row (what the user does by hand)."""
        if title is not None:
            self._title(row).setText(title)
        if include is not None:
            self._box(row, 0).setChecked(include)
        if merge is not None:
            self._box(row, 2).setChecked(merge)

    def _title(self, row: int) -> QTableWidgetItem:
        item = self.section_table.item(row, 1)
        assert item is not None  # (every row has its title: _show_sections)
        return item

    def _box(self, row: int, column: int) -> QCheckBox:
        box = self.section_table.cellWidget(row, column)
        assert isinstance(box, QCheckBox)  # (include and merge: _show_sections)
        return box

    def current_plans(self) -> list[SectionPlan]:
        out = []
        for r, p in enumerate(self.plans):
            out.append(SectionPlan(
                p.slug, self._title(r).text().strip() or p.title, p.body,
                include=self._box(r, 0).isChecked(),
                merge=r > 0 and self._box(r, 2).isChecked(),
            ))
        return out

    # --- step 2 → 3 -----------------------------------------------------------------------
    def start_generation(self) -> None:
        if self.article is None:
            return
        plans = self.current_plans()
        # plain text laid out one paragraph a line keeps that layout, even with some inline markup
        markdown = self.article.markdown and not one_paragraph_per_line(self.article.source)
        title = self.title_edit.text().strip() or self.article.title
        self.composed_text = compose_article(title, plans, markdown)
        self.composed = parse_article(self.composed_text)
        kept = {p.slug for p in plans if not p.merge}
        include = {p.slug for p in plans if p.include and not p.merge}
        # a merged section's generate box follows the section it joins
        sections = [s.slug for s in self.composed.sections if s.slug in include or (s.slug == "overview" and "overview" in include)]
        self.topics = [Topic(s.slug, s.title) for s in self.composed.sections if s.slug in kept or s.slug == "overview"]
        if not sections:
            self.inform("Nothing to generate", "Tick at least one section to generate questions from.")
            return
        self._show_step(2)
        self.progress.setRange(0, 0)
        self.gen_status.setText("Generating drafts…")
        self.stop_btn.setEnabled(True)
        set_id = authoring.unique_set_id(self.ctx.data, title, self.ctx.store)
        article, cancel = self.composed, threading.Event()
        self._cancel = cancel
        op = Operation.without_store(self.ctx, lambda report: generate_drafts(article, set_id, title, sections,
                                                                            cancel, report), what="generating drafts")
        # A generator bug must not take the app down: it is said (and logged), and the wizard stays.
        op.on_progress(self._progressed).on_success(self._generated)
        op.on_failure(lambda e: self._generated(WizardResult(error=f"The generator failed: {e}")))
        self.generation = op.on_end(self._generation_ended).run(self)

    def _generation_ended(self, op: Operation[WizardResult]) -> None:
        if self.generation is op:
            self.generation = None

    def cancel_generation(self) -> None:
        if self.generation is not None:
            self._cancel.set()
            self.stop_btn.setEnabled(False)
            self.gen_status.setText("Cancelling…")

    def _progressed(self, text: str) -> None:
        if self._cancel.is_set():
            return  # "Cancelling…" stays up
        done, total = (int(n) for n in text.split("/"))  # as generate_drafts reports it
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.gen_status.setText(f"Generating drafts… {done} of {total} sections")

    def _generated(self, result: WizardResult) -> None:
        self.generation = None
        self.result_ = result
        if result.cancelled:
            self.gen_status.setText("Cancelled. Nothing was generated.")
            self._show_step(1)
            return
        if result.error or result.qset is None:
            self.inform("No drafts", result.error or "The generator returned nothing.", error=True)
            self._show_step(1)
            return
        qset: QuestionSet = result.qset
        if qset.topics:
            known = {t.id for t in self.topics}
            self.topics += [t for t in qset.topics if t.id not in known]
            titles = {t.id: t.title for t in self.topics}
            self.topics = [Topic(t.id, titles.get(t.id, t.title), t.section) for t in self.topics]
        self.generated_id = qset.id
        self.review.set_drafts(drafts_from(qset.questions, result.report), self.topics, self.composed,
                               getattr(result.report, "unasked_terms", None))
        self._show_step(3)
        self.review.list.setFocus()

    # --- step 4 -------------------------------------------------------------------------
    @property
    def drafts(self) -> list[Draft]:
        return self.review.drafts

    def _review_changed(self) -> None:
        if self.stack.currentIndex() == 3:
            self._show_step(3)  # the save button counts the kept drafts

    def build_set(self) -> QuestionSet:
        accepted = self.review.kept_questions()
        used = {q.topic for q in accepted}
        title = self.title_edit.text().strip() or (self.composed.title if self.composed else "Untitled")
        return QuestionSet(id=getattr(self, "generated_id", "") or authoring.unique_set_id(self.ctx.data, title, self.ctx.store),
                           title=title, topics=[t for t in self.topics if t.id in used] or self.topics[:1],
                           questions=accepted)

    def save(self) -> bool:
        """Write the accepted drafts as a set, with the article beside it; False when nothing is written."""
        from ..core.check import check_set

        if not self.review.kept_questions():
            self.inform("Nothing kept", "Keep at least one draft (K or Enter), or use “Keep all flagged-clean”.")
            return False
        qset = self.build_set()
        if authoring.id_taken(self.ctx.data, qset.id, self.ctx.store):
            qset.id = authoring.unique_set_id(self.ctx.data, qset.id, self.ctx.store)
        qset.article = "article.md"
        problems = check_set(qset, self.composed)
        if problems and not self.ask_confirm(
            "Save with problems?",
            f"{len(problems)} kept draft(s) have problems, e.g.\n{problems[0]}\n\nThe set is saved, but it can be "
            "studied only once they are fixed on the Sets page. Save anyway?"):
            return False
        try:
            authoring.new_set_from_article(self.ctx.data, qset, self.composed_text, suffix=".md", store=self.ctx.store)
        except (authoring.AuthoringError, OSError) as e:
            self.inform("Could not save", str(e), error=True)
            return False
        self.saved_set_id = qset.id
        self.ctx.reload_library()
        self.accept()
        return True

    # --- dialogs (thin; tests replace them) ------------------------------------------------
    def inform(self, title: str, text: str, error: bool = False) -> None:
        plain.inform(self, title, text, warning=error)  # (set titles, paths: plain text)

    def ask_confirm(self, title: str, text: str) -> bool:
        return plain.ask(self, title, text)

    def reject(self) -> None:
        if self.generation is not None:
            self._cancel.set()
            self.generation.abandon()  # closing: no drafts to show, no message about them
            self.generation.wait(5000)
            self.generation = None
        super().reject()
