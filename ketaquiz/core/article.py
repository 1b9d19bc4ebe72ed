"""Parse an article (Markdown or plain text) into sections and located sentences.

Every sentence keeps its character offsets into the original text, so any quote
can be found again and highlighted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .article_markdown import (
    is_furniture,
    looks_like_markdown,
    markdown_blocks,
    one_paragraph_per_line,
    readable_inline,
)

__all__ = [
    "Article",
    "Section",
    "Sentence",
    "parse_article",
    "load_article",
    "slugify",
    "normalize_quote",
]


@dataclass(frozen=True)
class Sentence:
    """One sentence, with its place in the article."""

    id: str  # "s1", "s2", … in article order
    text: str
    start: int  # character offset in Article.text
    end: int
    section: str  # slug of its section
    paragraph: int  # index of the paragraph within its section
    list_item: bool = False  # True for a bullet / numbered list item

    @property
    def introduces_list(self) -> bool:
        """It ends in a colon: the introduction of the list that follows ("Symptoms include:")."""
        return self.text.rstrip(" .").endswith(":")


@dataclass
class Section:
    """A part of the article under one heading (the overview has no heading line)."""

    title: str
    slug: str
    heading_start: int | None = None  # offset of the heading text, None for the overview
    heading_end: int | None = None
    paragraphs: list[str] = field(default_factory=list)
    lists: list[list[str]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # the section's heading lines in Article.source: [start, start of its body); the overview's is (0, end of title)
    source_span: tuple[int, int] = (0, 0)


@dataclass
class Article:
    """A parsed article: its readable text, title, sections and sentences (all offsets are into `text`).

    For plain text `text` is the text as given; for Markdown it is the readable text (markup removed,
    tables, code and page furniture left out) and `source` keeps the Markdown as given.
    """

    text: str
    title: str
    sections: list[Section]
    path: Path | None = None
    source: str = ""  # the article as given (newlines normalised)
    markdown: bool = False

    @property
    def sentences(self) -> list[Sentence]:
        return [s for sec in self.sections for s in sec.sentences]

    def section(self, slug: str) -> Section | None:
        return next((s for s in self.sections if s.slug == slug), None)

    def find_quote(self, quote: str) -> tuple[int, int] | None:
        """Locate a verbatim quote (white space and quote marks folded); None when absent."""
        return find_quote(self.text, quote)

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """The sentences overlapping a span of the text."""
        return [s for s in self.sentences if s.start < end and start < s.end]


_QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalize_quote(text: str) -> str:
    """Fold typographic quotes, dashes and runs of white space, for quote matching."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_FOLD)
    return re.sub(r"\s+", " ", text).strip()


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Offsets of `quote` in `text`; tolerant of typographic quotes and white space.

    A quote copied from an article's Markdown as written (``**bold**``, ``[text](url)``, ``* item``) is found
    as its readable text: sets made before articles were read with a Markdown parser quote it that way.
    """
    if not quote.strip():
        return None
    found = _find_folded(text, quote)
    if found is None:
        readable = readable_inline(quote)
        if readable != quote and readable.strip():
            found = _find_folded(text, readable)
    return found


def _find_folded(text: str, quote: str) -> tuple[int, int] | None:
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    # Build a folded copy of text with a map back to original offsets.
    folded: list[str] = []
    index: list[int] = []
    prev_space = False
    for pos, ch in enumerate(text):
        ch = ch.translate(_QUOTE_FOLD)
        if ch.isspace():
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        folded.append(ch)
        index.append(pos)
    hay = "".join(folded)
    needle = normalize_quote(quote)
    j = hay.find(needle)
    if j < 0:
        return None
    return index[j], index[j + len(needle) - 1] + 1


_STOP_SLUG = {
    "a", "an", "the", "of", "and", "or", "is", "are", "does", "do", "how", "what", "why", "when",
    "which", "who", "so", "to", "in", "on", "for", "with", "its", "it", "this", "that",
}


# Question headings that name a kind of section, checked before the word-based slug.
_HEADING_KINDS = [
    (re.compile(r"^how (?:does|do|did|can) .* work\b"), "mechanism"),
    (re.compile(r"^why (?:is|are|does|do) .*\b(?:effective|work|works|helpful)\b"), "theories"),
    (re.compile(r"^what are the (?:risks|dangers|side effects)\b"), "risks"),
    (re.compile(r"^(?:in )?(?:conclusion|summary)\b"), "conclusion"),
]


def slugify(title: str, max_words: int = 4) -> str:
    """A short lowercase id for a heading.

    Common question headings map to a kind ('How does X work?' -> 'mechanism',
    'Why is X so effective?' -> 'theories', 'What are the risks of X?' -> 'risks');
    other titles keep their first content words ('Early history of X' -> 'early-history-x').
    """
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    for pattern, kind in _HEADING_KINDS:
        if pattern.search(text.strip()):
            return kind
    words = re.findall(r"[a-z0-9]+", text)
    content = [w for w in words if w not in _STOP_SLUG] or words
    return "-".join(content[:max_words]) or "section"


_HEADING_ATTR = re.compile(r"\s*\{#([A-Za-z0-9_-]+)\}\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "no", "approx", "al",
    "st", "jr", "sr", "inc", "ltd", "co", "cf", "ca", "u.s", "u.k", "ph.d", "mg", "min", "max", "esp", "incl",
    "v",  # a case name: "Folkes v. Chadd" (held-23)
}
# Written in small letters before a year only: "(b. 1856)", "(d. 1900)", "c. 1450", "fl. 1200" ("vitamin B. The" ends)
_LOWER_ABBREVIATIONS = {"b", "d", "c", "fl", "r"}
# A month before its day: "to designate Sept. 28 as …" (held-49 asked "… voted to designate Sept.")
_MONTHS = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_BEFORE_A_NUMBER = _LOWER_ABBREVIATIONS | _MONTHS
# A title before a name: "Capt. William Kidd", "Drs. Takezaki and Hanaoka", "led by Lt. Parker" (held-58 asked
# "In _____, Drs." and "An interesting side note is that Capt."); written with its capital, before a capital
_TITLES = {"Drs", "Capt", "Lt", "Col", "Gen", "Sgt", "Maj", "Gov", "Rev", "Hon", "Mt", "Ft", "Messrs", "Sen", "Rep",
           "Adm", "Cmdr", "Brig", "Pvt", "Fr", "Cpl", "Insp", "Supt"}
# A sentence ends at . ! ? (optionally followed by a closing quote/bracket) before white space.
# …and a full stop the page left without its space ("… and smaller lateral plates.These plates extend …", held-63):
# after a word of small letters, before a capitalised one
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+|$)|(?<=[a-z]{3})\.(?=[A-Z][a-z]{2,}\b)")


def _is_plain_heading(line: str) -> bool:
    """A plain-text heading: a short line ending in '?', or a short capitalised line with no closing punctuation."""
    s = line.strip()
    if not s or _BULLET.match(s):
        return False
    words = s.split()
    if len(words) > 12:
        return False
    if s.endswith("?"):
        return True
    if s[-1] in ".!:;,\"'”’)":
        return False
    return s[0].isupper() and len(words) <= 8


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within `text`, offsets shifted by `base`."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            before = text[start:m.start()]
            word = re.findall(r"([A-Za-z][A-Za-z.]*)$", before)
            if word and word[0].lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if word and word[0] in _TITLES and text[end:end + 3].lstrip()[:1].isupper():
                continue
            if word and word[0] in _BEFORE_A_NUMBER and text[end:end + 12].lstrip()[:1].isdigit():
                continue  # "Achinov (b. 1856), arrived …", "built c. 1450" (held-47): born, died, circa, fl., reigned
            if word and len(word[0]) == 1 and word[0].isupper() and before[-2:-1] not in ("°", "º"):
                continue  # initials: "J. Smith" (not a unit: "above 45 °C. In general" ends there, held-25)
            # A decimal number like 3.5 never matches (no space after '.').
        if end <= start:
            continue
        spans.append((base + start, base + end))
        start = end
        while start < n and text[start].isspace():
            start += 1
    if start < n and text[start:].strip():
        tail_end = n
        while tail_end > start and text[tail_end - 1].isspace():
            tail_end -= 1
        spans.append((base + start, base + tail_end))
    return spans


class _Builder:
    """Sections and sentences as an article is read, block by block, with offsets into `text`."""

    def __init__(self, text: str, title: str | None) -> None:
        self.text = text
        self.title = title
        self.sections: list[Section] = [Section(title="Overview", slug="overview")]
        self.sentences = 0

    def heading(self, heading: str, level: int, h_start: int, source_span: tuple[int, int]) -> None:
        """A heading: the article's title (a level-1 heading before any text) or a new section."""
        explicit_slug = None
        attr = _HEADING_ATTR.search(heading)
        if attr:
            explicit_slug = attr.group(1)
            heading = heading[: attr.start()].rstrip()
        if level == 1 and self.title is None and all(not s.sentences for s in self.sections):
            self.title = heading
            if self.sections and self.sections[0].heading_start is None:
                self.sections[0].source_span = (0, source_span[1])  # the overview's body starts after the title
            return
        slug = explicit_slug or slugify(heading)
        used = {s.slug for s in self.sections}
        base_slug, k = slug, 2
        while slug in used:
            slug, k = f"{base_slug}-{k}", k + 1
        if not self.sections[-1].sentences and self.sections[-1].slug == "overview" and len(self.sections) == 1:
            self.sections.pop()  # no overview text before the first heading
        self.sections.append(Section(heading, slug, h_start, h_start + len(heading), source_span=source_span))

    def paragraph(self, start: int, body: str) -> None:
        """A paragraph of `body` (as it stands in the text at `start`), split into sentences."""
        sec = self.sections[-1]
        sec.paragraphs.append(re.sub(r"\s+", " ", body).strip())
        self._add(sec, split_sentences(body, start), len(sec.paragraphs) - 1, False)

    def items(self, items: list[tuple[int, str]]) -> None:
        """A list: (offset, text) of each item; it belongs to the paragraph before it."""
        sec = self.sections[-1]
        for off, item in items:
            self._add(sec, [(off, off + len(item))], max(len(sec.paragraphs) - 1, 0), True)
        sec.lists.append([item for _off, item in items])

    def _add(self, sec: Section, spans: list[tuple[int, int]], paragraph: int, list_item: bool) -> None:
        for a, b in spans:
            self.sentences += 1
            sec.sentences.append(Sentence(f"s{self.sentences}", self.text[a:b], a, b, sec.slug, paragraph, list_item))

    def article(self, path: Path | None, source: str, markdown: bool) -> Article:
        sections = self.sections or [Section(title="Overview", slug="overview")]
        title = self.title
        if title is None:
            first = next((s.text for sec in sections for s in sec.sentences), "")
            title = (path.stem.replace("-", " ").title() if path else first[:60]) or "Untitled"
        return Article(text=self.text, title=title, sections=sections, path=path, source=source, markdown=markdown)


def parse_article(text: str, *, title: str | None = None, path: Path | None = None) -> Article:
    """Parse Markdown (``#`` headings, lists, inline markup) or plain text into an Article.

    Text before the first heading is the overview. A Markdown heading may carry an
    explicit id, ``## How does it work? {#mechanism}``; otherwise the slug comes from
    the title. A level-1 Markdown heading at the very top is the article's title.
    Markdown is read with a real parser: Article.text is then its readable text (markup removed,
    tables, code and page furniture left out); plain text is its own readable text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_markdown(text):
        return _parse_markdown(text, title, path)
    return _parse_plain(text, title, path)


def _parse_markdown(source: str, title: str | None, path: Path | None) -> Article:
    """Markdown: the readable text is written block by block, each block's sentences located in it."""
    line_starts = [0]
    for line in source.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    out: list[str] = []
    size = 0
    b = _Builder("", title)
    pending: list[tuple[int, str]] = []  # the items of the list being read
    list_id = -1
    calls: list[tuple[str, tuple[object, ...]]] = []  # the builder's calls, made once the whole text exists (a sentence's text is cut from it)

    def write(piece: str, sep: str) -> int:
        nonlocal size
        if out:
            out.append(sep)
            size += len(sep)
        out.append(piece)
        size += len(piece)
        return size - len(piece)

    def end_list() -> None:
        if pending:
            calls.append(("items", (list(pending),)))
            pending.clear()

    blocks = markdown_blocks(source, one_per_line=one_paragraph_per_line(source))
    if not any(b.kind == "heading" for b in blocks):  # no Markdown headings: title-like lines head sections
        blocks = [replace(b, kind="heading", level=2) if b.kind == "paragraph" and b.lines[1] - b.lines[0] == 1
                  and _is_plain_heading(b.text) else b for b in blocks]
    for block in blocks:
        if block.kind != "item" or block.list_id != list_id:
            end_list()
        if block.kind == "heading":
            shown = _HEADING_ATTR.sub("", block.text).rstrip()  # "{#id}" names the section, it is not shown
            if not shown:
                continue
            at = write(shown, "\n\n")
            span = (line_starts[block.lines[0]], min(line_starts[block.lines[1]], len(source)))
            calls.append(("heading", (block.text, block.level, at, span)))
        elif block.kind == "paragraph":
            calls.append(("paragraph", (write(block.text, "\n\n"), block.text)))
        else:
            list_id = block.list_id
            lead = "  " * block.level + (f"{block.marker} " if block.first_para else "   ")
            at = write(lead + block.text, "\n" if pending else "\n\n")
            pending.append((at + len(lead), block.text))
    end_list()
    b.text = "".join(out) + ("\n" if out else "")
    for name, args in calls:
        getattr(b, name)(*args)
    return b.article(path, source, markdown=True)


def _parse_plain(text: str, title: str | None, path: Path | None) -> Article:
    """Plain text: one paragraph per line; short title-like lines are headings; '-' / '1.' lines are list items."""
    b = _Builder(text, title)
    para_lines: list[tuple[int, str]] = []  # (offset, line) of the paragraph being read
    list_items: list[tuple[int, str]] = []

    def flush() -> None:
        if para_lines:
            first_off = para_lines[0][0]
            last_off, last_line = para_lines[-1]
            b.paragraph(first_off, text[first_off : last_off + len(last_line)])
            para_lines.clear()
        if list_items:
            items = []
            for off, line in list_items:
                m = _BULLET.match(line)
                assert m
                items.append((off + m.end(), line[m.end():].rstrip()))
            b.items(items)
            list_items.clear()

    offset = 0
    for raw_line in text.split("\n"):
        line_off = offset
        offset += len(raw_line) + 1
        line = raw_line.rstrip()
        stripped = line.strip()
        if _is_plain_heading(stripped) and not list_items:
            flush()
            heading = _HEADING_ATTR.sub("", stripped).rstrip() if _HEADING_ATTR.search(stripped) else stripped
            b.heading(stripped, 2, text.find(heading, line_off), (line_off, min(offset, len(text))))
            continue
        if not stripped or is_furniture(stripped):
            flush()
            continue
        if _BULLET.match(line):
            if para_lines:
                flush()  # the list belongs to the paragraph that introduces it
            list_items.append((line_off, line))
            continue
        flush()  # one paragraph per line
        para_lines.append((line_off, line))
    flush()
    return b.article(path, text, markdown=False)


def load_article(path: str | Path) -> Article:
    """Read and parse an article file (UTF-8)."""
    p = Path(path)
    return parse_article(p.read_text(encoding="utf-8"), path=p)
