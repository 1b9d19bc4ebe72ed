"""The generator without its NLP libraries: built-in heuristics stand in for wordfreq and/or lemminflect.

The libraries are hidden by putting None in sys.modules (an import then fails) and resetting the lexicon's
lazy caches; both are restored afterwards so other tests see the libraries again.

    python -m tests.test_generate_fallback   # prints the quality figures of every mode (docs/generator.md)
"""

from __future__ import annotations

import importlib.abc
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ketaquiz.core.article import load_article
from ketaquiz.core.check import check_set
from ketaquiz.core.generate import fallback as fb
from ketaquiz.core.generate import generate_set
from ketaquiz.core.generate import lexicon as lx
from ketaquiz.core.lint import lint_set
from tests.test_generate_quality import KEY_FACTS, LABELS, coverage

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "questions" / "ketamine" / "article.txt"
LIBRARIES = ("wordfreq", "lemminflect")
MODES = {  # hidden libraries → the report's lexicon
    (): "wordfreq+lemminflect",
    ("wordfreq",): "built-in+lemminflect",
    ("lemminflect",): "wordfreq+built-in",
    ("wordfreq", "lemminflect"): "built-in",
}


@contextmanager
def hidden(*names: str) -> Iterator[None]:
    """Make `import name` fail for each name while inside; the lexicon forgets what it loaded, before and after."""
    saved = {n: sys.modules[n] for n in names if n in sys.modules}
    try:
        for n in names:
            sys.modules[n] = None  # type: ignore[assignment]
        lx.reset()
        yield
    finally:
        for n in names:
            if n in saved:
                sys.modules[n] = saved[n]
            else:
                sys.modules.pop(n, None)
        lx.reset()


def valid(qset, art, *, sections_unasked: int = 0) -> None:
    """What every generated set must be: check-clean, no near-duplicates, a question in every section (but for
    `sections_unasked` of them: a section whose every draft trips a quality check gets none)."""
    assert qset.questions
    assert check_set(qset, art) == []
    assert [str(i) for i in lint_set(qset, art) if i.rule == "duplicate"] == []
    assert len({t.id for t in qset.topics} - {q.topic for q in qset.questions}) <= sections_unasked


# ---------------------------------------------------------------- the seed article in every mode


def test_seed_without_both_libraries_uses_built_in():
    art = load_article(SEED)
    with hidden(*LIBRARIES):
        qset, report = generate_set(art, set_id="ketamine")
        assert lx._wf() is None and lx._lm() is None
    valid(qset, art)
    assert [t.id for t in qset.topics] == ["overview", "mechanism", "theories", "risks", "conclusion"]
    assert report.coverage >= 0.45  # one question per 40–60 words quotes about half the sentences
    assert report.lexicon == "built-in"
    assert "lexicon: built-in (wordfreq and lemminflect not importable" in report.format()
    assert len({q.type for q in qset.questions}) >= 4  # plainer, but not only cloze


@pytest.mark.parametrize("missing", [("wordfreq",), ("lemminflect",)], ids=["no-wordfreq", "no-lemminflect"])
def test_seed_with_one_library_missing(missing):
    art = load_article(SEED)
    with hidden(*missing):
        qset, report = generate_set(art, set_id="ketamine")
        present = next(n for n in LIBRARIES if n not in missing)
        assert present in sys.modules  # the other library still loads and is used
    valid(qset, art)
    assert report.coverage >= 0.45  # one question per 40–60 words quotes about half the sentences
    assert report.lexicon == MODES[missing]
    assert f"lexicon: {MODES[missing]} (" in report.format()


def test_with_both_libraries_the_report_says_so():
    art = load_article(SEED)
    _, report = generate_set(art, set_id="ketamine", sections=["overview"])
    assert report.lexicon == "wordfreq+lemminflect"
    assert report.format().splitlines()[-1] == "lexicon: wordfreq+lemminflect"


class _Broken(importlib.abc.MetaPathFinder):
    """Importing `name` raises what a broken dependency raises (numpy failing inside lemminflect)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, fullname, path, target=None):
        if fullname == self.name:
            raise RuntimeError("numpy.core.multiarray failed to import")
        return None


def test_a_library_failing_on_import_falls_back(monkeypatch):
    monkeypatch.delitem(sys.modules, "lemminflect", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_Broken("lemminflect"), *sys.meta_path])
    lx.reset()
    try:
        art = load_article(SEED)
        qset, report = generate_set(art, set_id="ketamine", sections=["mechanism"])
        assert report.lexicon == "wordfreq+built-in"
        assert check_set(qset, art) == [] and qset.questions
    finally:
        lx.reset()


def test_libraries_are_back_after_hiding():
    with hidden(*LIBRARIES):
        assert lx.mode() == "built-in"
    assert lx.mode() == "wordfreq+lemminflect"
    assert lx.zipf("the") > 6 and "VERB" in lx.lemmas("blocks")


# ---------------------------------------------------------------- the built-in heuristics


def test_builtin_word_classes():
    assert fb.lemmas("receptors") == {"NOUN": ("receptor",)}
    assert fb.lemmas("arteries") == {"NOUN": ("artery",)}
    assert set(fb.lemmas("increases")) == {"VERB", "NOUN"}  # noun or verb: the context decides
    assert fb.lemmas("activates") == {"VERB": ("activate",)}
    assert fb.lemmas("strengthens") == {"VERB": ("strengthen",)}
    assert fb.lemmas("blocking") == {"VERB": ("block",)}
    assert fb.lemmas("damaged") == {"VERB": ("damage",)}
    assert fb.lemmas("controlled") == {"VERB": ("control",)}
    assert fb.lemmas("began") == {"VERB": ("begin",)}
    assert fb.lemmas("rapidly") == {"ADV": ("rapidly",)}
    assert "ADJ" in fb.lemmas("neural") and "ADJ" in fb.lemmas("dangerous")
    assert fb.lemmas("glutamate") == {} and fb.lemmas("oxygen") == {}  # unknown: treated as a rare noun
    assert fb.lemmas("photosynthesis") == {"NOUN": ("photosynthesis",)}  # a noun by its suffix, not a plural
    assert fb.singular("synapses") == "synapse" and fb.singular("processes") == "process"
    assert fb.singular("stomata") == "stoma" and fb.singular("glucose") == "glucose"


def test_builtin_inflection():
    assert [fb.inflect("block", t) for t in ("VBZ", "VBG", "VBD")] == ["blocks", "blocking", "blocked"]
    assert fb.inflect("stimulate", "VBG") == "stimulating" and fb.inflect("stop", "VBG") == "stopping"
    assert fb.inflect("carry", "VBZ") == "carries" and fb.inflect("switch", "NNS") == "switches"
    assert fb.inflect("receptor", "NNS") == "receptors"


def test_builtin_rarity_orders_words_like_wordfreq():
    # everyday words < ordinary words < technical terms
    assert fb.zipf("blood") > fb.zipf("membrane") > fb.zipf("neurotransmitter")
    assert fb.zipf("people") >= 5 and fb.zipf("atrioventricular") < 3
    with hidden("wordfreq"):
        assert lx.rarity(["NMDA"]) == 0.9  # acronyms are rare by shape, in every mode
        assert lx.rarity(["glutamate", "receptors"]) > lx.rarity(["heart"])


# ---------------------------------------------------------------- quality without the libraries


def measure(missing: tuple[str, ...] = ()) -> dict[str, dict]:
    """Per test article: questions, sentence coverage, key-fact coverage, labels of the labelled sample."""
    labels = {(x["article"], x["id"]): x["label"] for x in LABELS}
    out: dict[str, dict] = {}
    with hidden(*missing):
        for name in ("ketamine", "heart", "networking", "photosynthesis"):
            art = load_article(ROOT / KEY_FACTS[name]["article"])
            qset, report = generate_set(art, set_id=name)
            facts, _ = coverage(name, [q.source for q in qset.questions])
            counts = Counter(labels.get((name, q.id), "unlabelled") for q in qset.questions)
            out[name] = {
                "questions": len(qset.questions), "coverage": report.coverage, "key_facts": facts,
                "labels": counts, "lexicon": report.lexicon, "qset": qset, "article": art,
            }
    return out


@pytest.fixture(scope="module")
def built_in():
    return measure(LIBRARIES)


def test_builtin_mode_on_the_test_articles(built_in):
    for name, m in built_in.items():
        assert m["lexicon"] == "built-in"
        # Built-in word classes glue verbs to terms ("rubisco work"); the checks drop such drafts, and one short
        # section of photosynthesis has no other.
        valid(m["qset"], m["article"], sections_unasked=1)
        assert m["coverage"] >= 0.35, name  # 4–5 questions on a short article since the importance floor
        # Built-in word classes find fewer askable terms: one key fact fewer than the default mode's bound.
        n_facts = sum(len(fs) for fs in KEY_FACTS[name]["sections"].values())
        assert m["key_facts"] >= KEY_FACTS[name]["min_coverage"] - 1 / n_facts, name


def test_builtin_mode_on_the_labelled_sample(built_in):
    counts = sum((m["labels"] for m in built_in.values()), Counter())
    total = sum(m["questions"] for m in built_in.values())
    labelled = total - counts["unlabelled"]
    assert labelled >= 0.6 * total  # most of the output is still questions the sample labels
    assert counts["good"] / labelled >= 0.65
    # 19 labelled questions at the teacher's density: one bad label is 5 %; the old bound was 0.1 of ~70
    assert counts["bad"] <= 2


def _print_figures() -> None:
    for missing, mode in MODES.items():
        ms = measure(missing)
        counts = sum((m["labels"] for m in ms.values()), Counter())
        total = sum(m["questions"] for m in ms.values())
        labelled = total - counts["unlabelled"]
        per = ", ".join(
            f"{n} {m['questions']} q / {m['coverage']:.0%} sentences / {m['key_facts']:.0%} facts" for n, m in ms.items()
        )
        print(f"{mode}: {per}")
        print(
            f"  labelled sample: {labelled} of {total} questions labelled: {counts['good'] / labelled:.0%} good, "
            f"{counts['usable'] / labelled:.0%} usable, {counts['bad'] / labelled:.0%} bad"
        )


if __name__ == "__main__":
    _print_figures()
