"""Questions drawn from the same sentence are siblings: study keeps them apart (they answer each other)."""

from __future__ import annotations

import dataclasses

from ..questions import Question
from .builders import Candidate


def mark_siblings(kept: list[Candidate]) -> list[Question]:
    """The kept questions, those sharing a source sentence given one `sibling_group` (the set file's field).

    The group is named after the first sentence's id, so it is stable for the same article. Without the field
    on Question (an older core), the questions are returned unchanged.
    """
    fields = {f.name for f in dataclasses.fields(Question)}
    by_sentence: dict[str, list[int]] = {}
    for i, c in enumerate(kept):
        for sid in c.sentence_ids:
            by_sentence.setdefault(sid, []).append(i)
    out = [c.question for c in kept]
    if "sibling_group" not in fields:
        return out
    group_of: dict[int, str] = {}
    for sid, idx in sorted(by_sentence.items(), key=lambda kv: kv[1][0]):
        if len(idx) < 2:
            continue
        name = next((group_of[i] for i in idx if i in group_of), f"{kept[idx[0]].question.topic}-{sid}")
        for i in idx:
            group_of.setdefault(i, name)
    for i, name in group_of.items():
        out[i] = dataclasses.replace(out[i], sibling_group=name)  # type: ignore[call-arg]
    return out
