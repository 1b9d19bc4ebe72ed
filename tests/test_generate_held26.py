"""Rules drawn from the eleventh session's blind verdicts (held-26, `docs/judging/definitions`, `claims`); each test
fails on the generator before it."""

from __future__ import annotations

from .generation import kept_cloze


def test_a_step_told_with_then_is_asked_without_it():
    # corpus-final-5 and -7: "'then' points at an unseen earlier step" ("The mRNA is then exported …"); the fact
    # stands without it
    text = ("# RNA\n\n## Processing\n\nIntrons are removed from the pre-mRNA by the spliceosome. The mRNA is then "
            "exported from the nucleus to the cytoplasm. Ribosomes in the cytoplasm translate the mRNA into protein.\n")
    prompts = kept_cloze(text)
    assert any(p.startswith("The mRNA is exported from the nucleus") for p in prompts), prompts
    assert not any(" then " in p for p in prompts)
