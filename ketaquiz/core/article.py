"""Parse an article (Markdown or plain text) into sections and located sentences.

Every sentence keeps its character offsets into the original text, so any quote
can be found again and highlighted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class Article:
    """A parsed article: the original text, its title, sections and sentences."""

    text: str
    title: str
    sections: list[Section]
    path: Path | None = None

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
    """Offsets of `quote` in `text`; tolerant of typographic quotes and white space."""
    if not quote.strip():
        return None
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
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "fig", "no", "approx", "al",
    "st", "jr", "sr", "inc", "ltd", "co", "cf", "ca", "u.s", "u.k", "ph.d", "mg", "min", "max",
}
# A sentence ends at . ! ? (optionally followed by a closing quote/bracket) before white space.
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+|$)")


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
            if word and len(word[0]) == 1 and word[0].isupper():  # initials: "J. Smith"
                continue
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


def parse_article(text: str, *, title: str | None = None, path: Path | None = None) -> Article:
    """Parse Markdown (``#`` headings, ``-`` / ``1.`` lists) or plain text into an Article.

    Text before the first heading is the overview. A Markdown heading may carry an
    explicit id, ``## How does it work? {#mechanism}``; otherwise the slug comes from
    the title. A level-1 Markdown heading at the very top is the article's title.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = any(_MD_HEADING.match(line) for line in text.split("\n"))
    sections: list[Section] = [Section(title="Overview", slug="overview")]
    article_title = title
    para_lines: list[tuple[int, str]] = []  # (offset, line) of the paragraph being read
    list_items: list[tuple[int, str]] = []
    sent_counter = 0

    def add_sentences(sec: Section, start: int, body: str, paragraph: int, list_item: bool) -> None:
        nonlocal sent_counter
        spans = [(start, start + len(body))] if list_item else split_sentences(body, start)
        for a, b in spans:
            sent_counter += 1
            sec.sentences.append(
                Sentence(f"s{sent_counter}", text[a:b], a, b, sec.slug, paragraph, list_item)
            )

    def flush() -> None:
        sec = sections[-1]
        if para_lines:
            first_off = para_lines[0][0]
            last_off, last_line = para_lines[-1]
            body = text[first_off : last_off + len(last_line)]
            sec.paragraphs.append(re.sub(r"\s+", " ", body).strip())
            add_sentences(sec, first_off, body, len(sec.paragraphs) - 1, False)
            para_lines.clear()
        if list_items:
            items: list[str] = []
            for off, line in list_items:
                m = _BULLET.match(line)
                assert m
                item_off = off + m.end()
                item = line[m.end():].rstrip()
                items.append(item)
                add_sentences(sec, item_off, item, max(len(sec.paragraphs) - 1, 0), True)
            sec.lists.append(items)
            list_items.clear()

    offset = 0
    for raw_line in text.split("\n"):
        line_off = offset
        offset += len(raw_line) + 1
        line = raw_line.rstrip()
        stripped = line.strip()
        heading: str | None = None
        explicit_slug: str | None = None
        level = 2
        if markdown:
            m = _MD_HEADING.match(stripped)
            if m:
                level = len(m.group(1))
                heading = m.group(2)
        elif _is_plain_heading(stripped) and not list_items:
            heading = stripped
        if heading is not None:
            attr = _HEADING_ATTR.search(heading)
            if attr:
                explicit_slug = attr.group(1)
                heading = heading[: attr.start()].rstrip()
            flush()
            h_start = text.find(heading, line_off)
            no_body_yet = all(not s.sentences for s in sections)
            if level == 1 and no_body_yet and article_title is None:
                article_title = heading
                continue
            slug = explicit_slug or slugify(heading)
            used = {s.slug for s in sections}
            base_slug, k = slug, 2
            while slug in used:
                slug, k = f"{base_slug}-{k}", k + 1
            if not sections[-1].sentences and sections[-1].slug == "overview" and len(sections) == 1:
                sections.pop()  # no overview text before the first heading
            sections.append(Section(heading, slug, h_start, h_start + len(heading)))
            continue
        if not stripped:
            flush()
            continue
        if _BULLET.match(line):
            if para_lines:
                flush()  # the list belongs to the paragraph that introduces it
            list_items.append((line_off, line))
            continue
        if list_items:
            flush()
        # Plain text puts one paragraph per line; Markdown joins lines until a blank.
        if not markdown and para_lines:
            flush()
        para_lines.append((line_off, line))
    flush()
    if not sections:
        sections = [Section(title="Overview", slug="overview")]
    if article_title is None:
        first = next((s.text for sec in sections for s in sec.sentences), "")
        article_title = (path.stem.replace("-", " ").title() if path else first[:60]) or "Untitled"
    return Article(text=text, title=article_title, sections=sections, path=path)


def load_article(path: str | Path) -> Article:
    """Read and parse an article file (UTF-8)."""
    p = Path(path)
    return parse_article(p.read_text(encoding="utf-8"), path=p)
