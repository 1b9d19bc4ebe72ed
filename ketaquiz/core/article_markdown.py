"""Read Markdown with a real parser (markdown-it-py) into readable blocks: headings, paragraphs, list items.

Inline markup is removed (``**x**`` → ``x``, ``[text](url)`` → ``text``, images dropped); tables, code,
HTML blocks, rules and page furniture (navigation and teaser lines, link-only lines) are skipped. Each block
keeps the source lines it came from, so a section's original Markdown can be cut out again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["Block", "looks_like_markdown", "one_paragraph_per_line", "markdown_blocks", "is_furniture",
           "readable_inline"]


@dataclass(frozen=True)
class Block:
    """One readable block of a Markdown document."""

    kind: str  # "heading", "paragraph" or "item"
    text: str  # readable text, markup removed
    lines: tuple[int, int]  # source lines [first, past-last)
    level: int = 0  # heading level; list depth (0 = outermost) for an item
    marker: str = ""  # an item's marker as shown: "-" or "3."
    list_id: int = -1  # items of one (outermost) list share an id
    first_para: bool = True  # False for an item's second and later paragraphs


# Markdown is recognised by ATX headings (as before), fenced code, a table or inline markup (links, images, bold).
_MD_BLOCK_SIGNS = re.compile(
    r"^#{1,6}\s"  # heading
    r"|^\s{0,3}(?:```|~~~)"  # fenced code
    r"|^\s*\|?\s*:?-{3,}:?\s*\|",  # table delimiter row
    re.M,
)
_MD_INLINE_SIGNS = re.compile(r"!?\[[^\]\n]+\]\([^)\n]+\)|\*\*\S[^*\n]*\*\*")


def looks_like_markdown(text: str) -> bool:
    """True when the text uses Markdown headings, fenced code or tables, or inline markup (links, images, bold)."""
    return _MD_BLOCK_SIGNS.search(text) is not None or _MD_INLINE_SIGNS.search(text) is not None


def one_paragraph_per_line(text: str) -> bool:
    """Laid out as plain text is (one paragraph a line, no blank lines between), without Markdown blocks."""
    return _MD_BLOCK_SIGNS.search(text) is None and re.search(r"\S\n[ \t]*\n[ \t]*\S", text) is None


# Page furniture: teasers, calls to action, sharing and navigation lines of web pages.
_FURNITURE_START = re.compile(
    r"^(?:discover (?:how|what|why|the|more)|find out (?:how|what|why|more)|learn (?:more|how)|read (?:more|next|the full)"
    r"|continue reading|click (?:here|to)|tap (?:here|to)|share (?:this|on|via)|follow us|subscribe|sign (?:up|in)|log in"
    r"|back to top|skip to|jump to|advertisement|sponsored|see also\b|related (?:articles|posts|stories|content|reading)"
    r"|print this|email this|cookie|accept (?:all )?cookies|table of contents|you might also like|more from"
    r"|(?:page )?last (?:reviewed|updated)|next review due|published on|updated on)",
    re.I,
)
_CRUMB_SEP = re.compile(r"\s+(?:>|›|»|/|\||·|•)\s+")


def is_furniture(text: str, links_only: bool = False) -> bool:
    """A line of page furniture rather than article text: a teaser, a call to action, a breadcrumb trail or nav."""
    s = text.strip()
    if not s:
        return True
    if links_only:
        return True
    words = s.split()
    if _FURNITURE_START.match(s) and len(words) <= 25:
        return True
    parts = _CRUMB_SEP.split(s)
    # "Home > Health > Depression", "About | Contact | Privacy": short pieces joined by separators
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and s[-1] not in ".!?"


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$|\S\s*\|\s*\S.*\|")


def _is_pipe_table(source_lines: list[str]) -> bool:
    """A paragraph made of '|' rows (a table the parser did not take as one: no delimiter row)."""
    rows = [ln for ln in source_lines if ln.strip()]
    return bool(rows) and sum(bool(_PIPE_ROW.search(ln)) for ln in rows) >= max(1, len(rows) - 1) and \
        any(ln.count("|") >= 2 for ln in rows)


def _inline_lines(token: Token) -> list[tuple[str, bool]]:
    """The readable text of each source line of an inline token, and whether all of that line sits in links."""
    lines: list[tuple[str, bool]] = []
    parts: list[str] = []
    link_depth = 0
    linked = other = False

    def end_line() -> None:
        nonlocal linked, other
        lines.append((re.sub(r"[ \t]+", " ", "".join(parts)).strip(), linked and not other))
        parts.clear()
        linked = other = False

    children = token.children or []
    for i, child in enumerate(children):
        kind = child.type
        if kind in ("em_open", "em_close") and child.markup == "*" and _inside_word(parts, children[i + 1:]):
            parts.append("*")  # "HLA-B*15:02 … CYP2C9*3": an allele's star, not emphasis (j54: "the * was stripped")
        elif kind == "link_open":
            link_depth += 1
        elif kind == "link_close":
            link_depth = max(0, link_depth - 1)
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
            if child.content.strip(" |·•>/-–—»›,;"):
                if link_depth:
                    linked = True
                else:
                    other = True
        elif kind in ("softbreak", "hardbreak"):
            end_line()
        # images, inline HTML and emphasis markers add no text
    end_line()
    return lines


def _inside_word(before: list[str], after: list[Token]) -> bool:
    """An emphasis star with a letter or digit right before and right after it stands inside a word."""
    text_before = "".join(before)
    following = next((t.content for t in after if t.type in ("text", "code_inline")), "")
    return text_before[-1:].isalnum() and following[:1].isalnum()


_SENTENCE_END = (".", "!", "?", ":", ";", "…", ".\"", ".”", ".)")


def _is_name_line(text: str) -> bool:
    """A short line naming a thing (a list that lost its bullets when pasted): 'Amoxicillin', 'Sulbactam'."""
    return bool(text) and (text[0].isupper() or text[0].isdigit()) and len(text.split()) <= 6 \
        and not text.endswith(_SENTENCE_END + (",",))


def _paragraph_parts(lines: list[tuple[str, bool]]) -> list[tuple[str, list[str]]]:
    """A paragraph's lines as ("paragraph", [text]) and ("items", [name, …]) parts, furniture lines left out.

    Two or more name lines in a row are a list whose bullets were lost; a line of furniture standing as its own
    sentence ("Click here to subscribe") is dropped, the rest of the paragraph kept.
    """
    kept: list[str] = []
    for i, (text, links_only) in enumerate(lines):
        starts = i == 0 or lines[i - 1][0].endswith(_SENTENCE_END)
        ends = i + 1 == len(lines) or text.endswith(_SENTENCE_END) or lines[i + 1][0][:1].isupper()
        if text and not (starts and ends and is_furniture(text, links_only)):
            kept.append(text)
    parts: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(kept):
        j = i
        while j < len(kept) and _is_name_line(kept[j]):
            j += 1
        if j - i >= 2:
            parts.append(("items", kept[i:j]))
            i = j
            continue
        j = max(j, i + 1)
        while j < len(kept) and not (_is_name_line(kept[j]) and j + 1 < len(kept) and _is_name_line(kept[j + 1])):
            j += 1
        if parts and parts[-1][0] == "paragraph":
            parts[-1][1].extend(kept[i:j])
        else:
            parts.append(("paragraph", kept[i:j]))
        i = j
    return parts


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def markdown_blocks(source: str, one_per_line: bool = False) -> list[Block]:
    """The readable blocks of a Markdown document, in order (`one_per_line`: each line of a paragraph is one)."""
    tokens = _parser().parse(source)
    source_lines = source.split("\n")
    blocks: list[Block] = []
    lists: list[list[int]] = []  # open lists: [ordered, next number]
    list_count = 0
    item_paras = 0  # paragraphs read in the current list item
    skip = 0  # inside a table
    heading: Token | None = None
    for tok in tokens:
        kind = tok.type
        if kind == "table_open":
            skip += 1
        elif kind == "table_close":
            skip -= 1
        if skip or kind.startswith("table"):
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            if not lists:
                list_count += 1
            start = tok.attrGet("start")
            lists.append([kind == "ordered_list_open", int(start) if start is not None else 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_paras = 0
        elif kind == "list_item_close" and lists:
            lists[-1][1] += 1
        elif kind == "heading_open":
            heading = tok
        elif kind == "inline" and tok.map is not None:
            line_texts = _inline_lines(tok)
            text = " ".join(t for t, _ in line_texts if t)
            links_only = all(lo for t, lo in line_texts if t)
            lines = (tok.map[0], tok.map[1])
            if heading is not None:
                first, past = heading.map or tok.map
                blocks.append(Block("heading", text, (first, past), level=int(heading.tag[1:])))
                heading = None
                continue
            if not text or is_furniture(text, links_only) or _is_pipe_table(source_lines[lines[0]:lines[1]]):
                continue
            if lists:
                ordered, number = lists[-1]
                item_paras += 1
                rest: list[Block] = []
                if one_per_line and len(line_texts) > 1:  # plain text: the lines after an item are not part of it
                    text = line_texts[0][0]
                    rest = [Block("paragraph", t, (lines[0] + i, lines[0] + i + 1))
                            for i, (t, lo) in enumerate(line_texts) if i and t and not is_furniture(t, lo)]
                blocks.append(Block("item", text, lines, level=len(lists) - 1,
                                    marker=f"{number}." if ordered else "-", list_id=list_count,
                                    first_para=item_paras == 1))
                blocks += rest
            elif one_per_line:  # plain text with some inline markup: a paragraph per line, as plain text reads
                blocks += [Block("paragraph", t, (lines[0] + i, lines[0] + i + 1))
                           for i, (t, lo) in enumerate(line_texts) if t and not is_furniture(t, lo)]
            else:
                for part, texts in _paragraph_parts(line_texts):
                    if part == "items":
                        list_count += 1
                        blocks += [Block("item", t, lines, marker="-", list_id=list_count) for t in texts]
                    elif not is_furniture(" ".join(texts)):
                        blocks.append(Block("paragraph", " ".join(texts), lines))
        # fence, code_block, html_block, hr: no readable text
    return blocks


_ITEM_MARK = re.compile(r"^(\s*)(?:[*+-]|(\d{1,3}[.)]))\s+")
_INLINE_MARKUP = re.compile(r"[*_`\[<!]|^\s*[*+]\s", re.M)


def readable_inline(text: str) -> str:
    """A snippet of Markdown as its readable text, line by line (a quote taken from the Markdown as written).

    Inline markup goes as in the article's readable text; bullets read '-', numbers keep theirs.
    """
    if not _INLINE_MARKUP.search(text):
        return text
    md = _parser()
    out = []
    for line in text.split("\n"):
        m = _ITEM_MARK.match(line)
        lead = ""
        if m:
            lead = m.group(1) + (f"{m.group(2)} " if m.group(2) else "- ")
            line = line[m.end():]
        tokens = md.parseInline(line)
        body = " ".join(t for tok in tokens for t, _ in _inline_lines(tok))
        out.append(lead + body)
    return "\n".join(out)
