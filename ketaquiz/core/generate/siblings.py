"""Questions drawn from the same sentence are siblings: study keeps them apart (they answer each other)."""

from __future__ import annotations

import dataclasses

from ..questions import Question
from .builders import Candidate


def mark_siblings(kept: list[Candidate]) -> list[Question]:
    """The kept questions, those drawn from a common sentence given one `sibling_group` (the set file's field).

    Two questions are siblings when they quote a sentence in common, or when one's quote holds the other's (a
    chain's source spans the sentences between its steps). A group is named after its first question's topic and
    sentence id, so it is stable for the same article.
    """
    parent = list(range(len(kept)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(kept):
        for j in range(i + 1, len(kept)):
            b = kept[j]
            sa, sb = a.question.source, b.question.source
            if set(a.sentence_ids) & set(b.sentence_ids) or (sa and sb and (sa in sb or sb in sa)):
                parent[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for i in range(len(kept)):
        members.setdefault(root(i), []).append(i)
    out = [c.question for c in kept]
    for group in members.values():
        if len(group) < 2:
            continue
        first = kept[min(group)]
        name = f"{first.question.topic}-{first.sentence_ids[0]}"
        for i in group:
            out[i] = dataclasses.replace(out[i], sibling_group=name)
    return out
