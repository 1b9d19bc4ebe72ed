"""The generation report: per section, sentences, key terms, questions by type, uncovered sentences."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

_LEXICON_NOTES = {
    "built-in": " (wordfreq and lemminflect not importable: built-in heuristics, key terms may be plainer)",
    "wordfreq+built-in": " (lemminflect not importable: built-in word classes, key terms may be plainer)",
    "built-in+lemminflect": " (wordfreq not importable: built-in word rarity, key terms may be plainer)",
}


@dataclass
class SectionReport:
    slug: str
    title: str
    sentences: int
    key_terms: list[str] = field(default_factory=list)
    by_type: Counter[str] = field(default_factory=Counter)
    candidates: int = 0
    uncovered: list[tuple[str, str]] = field(default_factory=list)  # (sentence id, text)

    @property
    def questions(self) -> int:
        return sum(self.by_type.values())


@dataclass
class QuestionFlags:
    """Why one drafted question was kept: the quality checks it passed, the ones it tripped, its signals.

    `tripped` maps a check's name to a message a person can act on ("the gap is a phrase: …"); a question with
    no tripped check is *flagged-clean*. `signals` are the ranker's inputs (importance, gap quality, …), 0–1.
    """

    question_id: str
    passed: list[str] = field(default_factory=list)
    topic: str = ""  # the section the question belongs to
    shown: str = ""  # "type: the prompt as the learner sees it", for the report
    tripped: dict[str, str] = field(default_factory=dict)
    signals: dict[str, float] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.tripped


@dataclass
class GenerationReport:
    """What the generator found and produced; `format()` is the `--report` text."""

    sections: list[SectionReport] = field(default_factory=list)
    seconds: float = 0.0
    # Word knowledge used: "wordfreq+lemminflect", or "built-in" heuristics when neither library could be
    # imported ("wordfreq+built-in" / "built-in+lemminflect" when only one is missing).
    lexicon: str = ""
    # Per kept question (by id), the checks it passed or tripped and what kept it.
    flags: dict[str, QuestionFlags] = field(default_factory=dict)
    # Per section slug, the article's key terms that no kept question asks about.
    unasked_terms: dict[str, list[str]] = field(default_factory=dict)

    @property
    def questions(self) -> int:
        return sum(s.questions for s in self.sections)

    @property
    def coverage(self) -> float:
        """Share of sentences that at least one question quotes."""
        total = sum(s.sentences for s in self.sections)
        covered = total - sum(len(s.uncovered) for s in self.sections)
        return covered / total if total else 0.0

    def format(self) -> str:
        lines: list[str] = []
        for s in self.sections:
            types = ", ".join(f"{t} {n}" for t, n in sorted(s.by_type.items())) or "none"
            lines.append(f"[{s.slug}] {s.title}")
            lines.append(f"  sentences: {s.sentences}; questions: {s.questions} ({types}); candidates: {s.candidates}")
            lines.append(f"  key terms: {', '.join(s.key_terms) or '-'}")
            unasked = self.unasked_terms.get(s.slug, [])
            lines.append(f"  key terms no question asks: {', '.join(unasked) or 'none'}")
            for f in (f for f in self.flags.values() if f.topic == s.slug):
                shown = f.shown if len(f.shown) <= 90 else f.shown[:87] + "…"
                verdict = "clean" if f.clean else "check: " + "; ".join(f"{k}: {v}" for k, v in f.tripped.items())
                signals = ", ".join(f"{k} {v:g}" for k, v in f.signals.items())
                lines.append(f"  {f.question_id}  {shown}")
                lines.append(f"      passed {len(f.passed)} checks; {verdict}; {signals}")
            if s.uncovered:
                lines.append(f"  not covered ({len(s.uncovered)}):")
                for sid, text in s.uncovered:
                    short = text if len(text) <= 100 else text[:97] + "…"
                    lines.append(f"    {sid}: {short}")
            else:
                lines.append("  not covered: none")
        lines.append(
            f"total: {self.questions} questions, {self.coverage:.0%} of sentences covered, {self.seconds:.2f} s"
        )
        if self.lexicon:
            lines.append(f"lexicon: {self.lexicon}{_LEXICON_NOTES.get(self.lexicon, '')}")
        return "\n".join(lines)
