"""The review step's section text: the current draft's section as the article says it, each sentence a link that
drafts a question on it.

Blind judges found each held-out article's main claims, lists and steps covered only in part, and said of many
drafts that the fact was not worth asking; the generator cannot tell which facts matter to this reader. The reviewer
can: a click on a sentence (or Tab to it and Enter) adds a cloze on it, gapped on its likeliest word
(`Regapper.draft_for_sentence`), which G then moves if need be; words selected in a sentence (mouse, or Shift and
the arrows) and C — or Ctrl+Shift+C, Anki's cloze key — become its gap exactly. Sentences a draft already asks are
marked, and the section's most central one no draft asks is starred.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core.article import Article, Section
from ..core.generate.regap import Regapper, asked_in
from .theme import GOOD, WARN


class SectionText(QTextBrowser):
    """A section's sentences as links (`ask` emits the sentence id, `ask_words` it and the words selected in it); the
    ones a draft asks shown as asked."""

    ask = Signal(str)
    ask_words = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName("Section text: a sentence drafts a question on it")
        self.anchorClicked.connect(self._clicked)
        self.setTextInteractionFlags(self.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.section: Section | None = None
        self._block_sentence: list[str] = []  # the sentence id of each text block ("" for the title line)
        # what `show_in` was given, to step to the section before or after (an article that drew no draft at all)
        self._context: tuple[Article, list[str], Regapper | None] | None = None

    def show_in(self, article: Article | None, section: Section | None, asked_sources: list[str],
                current_source: str = "", regapper: Regapper | None = None) -> None:
        """Render `section` of `article` with its ★ (the most central sentence no draft asks, by `regapper`) and
        links to the sections before and after it."""
        self._context = (article, asked_sources, regapper) if article is not None else None
        central = regapper.central_unasked(section.slug, asked_sources) if regapper and section else []
        self.show_section(section, asked_sources, current_source, central)

    def show_section(self, section: Section | None, asked_sources: list[str], current_source: str = "",
                     central: list[str] | None = None) -> None:
        """Render `section`; a sentence inside one of `asked_sources` is marked asked, inside `current_source` bold,
        and the sentences of `central` (ids: the most central no draft asks) starred."""
        self.section = section
        self._block_sentence = [""]
        if section is None:
            self.setHtml('<p style="color:#888">No article text for this draft.</p>')
            return
        esc = html.escape
        ink = self.palette().color(QPalette.ColorRole.Text).name()  # a wall of link-blue read badly (screenshots)
        out = [f"<p><b>{esc(section.title)}</b> <span style=\"color:#888\">— click a sentence (or Tab to it, Enter) "
               f"to draft a question on it, or select words in it and press C to gap exactly them; ✓ a draft "
               f"asks it; ★ the most central sentence no draft asks</span></p>"]
        links = self._neighbour_links(section)
        out += links
        self._block_sentence += [""] * len(links)  # a block of its own, no sentence
        for s in section.sentences:
            asked = asked_in(s.text, asked_sources)
            current = bool(s.text) and s.text in current_source
            text = f"<b>{esc(s.text)}</b>" if current else esc(s.text)
            mark = f'<span style="color:{GOOD}">✓</span>' if asked else \
                f'<span style="color:{WARN}">★</span>' if s.id in (central or []) else "&nbsp;&nbsp;"
            anchor = '<a name="current"></a>' if current else ""
            out.append(f'<p style="margin:0 0 4px 0">{anchor}{mark} <a href="sentence:{esc(s.id)}" '
                       f'style="color:{ink}; text-decoration:none">{text}</a></p>')
            self._block_sentence.append(s.id)
        self.setHtml("".join(out))
        if any(s.text and s.text in current_source for s in section.sentences):
            self.scrollToAnchor("current")

    def selected_words(self) -> tuple[str, str] | None:
        """(sentence id, the selected words) when the selection lies in one sentence, else None."""
        cursor = self.textCursor()
        words = " ".join(cursor.selectedText().replace("\u2029", " ").split())
        if not words:
            return None
        first = self.document().findBlock(cursor.selectionStart()).blockNumber()
        last = self.document().findBlock(cursor.selectionEnd()).blockNumber()
        if first != last or not 0 < first < len(self._block_sentence):
            return None
        return self._block_sentence[first], words.lstrip("★✓ ").strip()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        cloze_key = event.key() == Qt.Key.Key_C and mods in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        picked = self.selected_words() if cloze_key else None
        if picked is not None:
            self.ask_words.emit(*picked)
            return
        super().keyPressEvent(event)

    def _neighbour_links(self, section: Section) -> list[str]:
        """"‹ previous section · next section ›" where the article has them (keyboard: Tab to one, Enter)."""
        sections = self._context[0].sections if self._context else []
        if section not in sections or len(sections) < 2:
            return []
        i = sections.index(section)
        links = [f'<a href="section:{j}">{label}</a>' for j, label in ((i - 1, "‹ previous section"),
                                                                       (i + 1, "next section ›"))
                 if 0 <= j < len(sections)]
        return [f'<p style="margin:0 0 6px 0">{" · ".join(links)}</p>']

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("sentence:"):
            self.ask.emit(text[len("sentence:"):])
        elif text.startswith("section:") and self._context is not None:
            article, asked, regapper = self._context
            self.show_in(article, article.sections[int(text[len("section:"):])], asked, "", regapper)
