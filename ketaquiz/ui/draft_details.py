"""A drafted question in the review step, and the details pane that says what the generator thought of it."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from ..core.question_types import kind_of
from ..core.questions import Question
from .theme import GOOD, WARN

KEPT, DROPPED, PENDING = "kept", "dropped", "pending"
MARK = {KEPT: "✓", DROPPED: "✗", PENDING: "•"}


@dataclass
class Draft:
    """A drafted question and the reviewer's decision; `flags` is the generator's QuestionFlags (or None)."""

    question: Question
    status: str = PENDING
    flags: Any = None
    edited: bool = False
    rechecked: bool = False  # the flags are for the question as it is now (its gap moved), not as generated

    @property
    def clean(self) -> bool:
        """Checked by the generator and tripped none of its checks."""
        return self.flags is not None and not self.flags.tripped


def drafts_from(questions: list[Question], report: Any) -> list[Draft]:
    """Drafts for a generated set, each with its flags from the report (when the report has them)."""
    flags = getattr(report, "flags", None) or {}
    return [Draft(q, flags=flags.get(q.id)) for q in questions]


def details_html(d: Draft, row: int, total: int, topic_title: str, gap_choices: list[str], likely_count: int,
                 terms: list[str], warned: set[str]) -> str:
    """The answer and its accepted forms, the flags, the gap's other words (the likeliest `likely_count` first), the
    source, and the section's key `terms` no draft asks (`warned`: the generator left them out)."""
    q = d.question
    esc = html.escape
    status = {KEPT: f'<span style="color:{GOOD}">kept</span>', DROPPED: "dropped", PENDING: "not decided"}[d.status]
    answer = kind_of(q.type).answer_forms(q)  # (a cloze: each gap with the other forms it accepts)
    out = [f"<p><b>Answer:</b> {esc(answer) or '—'}"]
    if q.accept and "accept" in kind_of(q.type).editor_fields:
        out.append(f"<br><span>Also accepted: {esc('; '.join(q.accept))}</span>")
    out.append("</p>")
    if d.flags is None:
        out.append('<p style="color:#888">Quality: not checked by the generator.</p>')
    else:
        for name, message in d.flags.tripped.items():
            out.append(f'<p style="color:{WARN}; margin:2px 0">⚠ <b>{esc(name)}</b>: {esc(message)}</p>')
        if d.flags.passed:
            out.append(f'<p style="color:{GOOD}; margin:2px 0">✓ {esc(", ".join(d.flags.passed))}</p>')
        if d.flags.signals:
            sig = " · ".join(f"{esc(k)} {v:.2f}" for k, v in sorted(d.flags.signals.items()))
            out.append(f'<p style="color:#888; margin:2px 0">Signals: {sig}</p>')
        if d.edited and d.flags.tripped and not d.rechecked:
            out.append('<p style="color:#888">(flags are for the draft as generated, before your edit)</p>')
    if gap_choices:
        gaps = [f'<a href="gap:{i}">{esc(c)}</a>' for i, c in enumerate(gap_choices)]
        more = f" — or: {' · '.join(gaps[likely_count:])}" if gaps[likely_count:] else ""
        out.append(f"<p><b>Gap instead (G):</b> likeliest {' · '.join(gaps[:likely_count])}{more}</p>")
    if q.source:
        out.append(f'<p style="color:#888"><i>From the article:</i> “{esc(q.source)}”</p>')
    if terms:
        links = ", ".join(f'<a href="term:{i}">{esc(t)}</a>{" ⚠" if t in warned else ""}' for i, t in enumerate(terms))
        legend = " ⚠: the generator left it out (a side name or detail, mostly): read the draft" if warned else ""
        out.append(f"<p><b>Key terms of “{esc(topic_title)}” no draft asks about</b> "
                   f"(click one to draft a question on it): {links}"
                   f'<br><span style="color:#888">{legend}</span></p>')
    out.append(f'<p style="color:#888">Draft {row + 1} of {total} · {esc(topic_title)} · {status}'
               f'{" · edited" if d.edited else ""} · id {esc(q.id)}</p>')
    return "".join(out)
