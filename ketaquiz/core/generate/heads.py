"""What a term's head says about the words in front of it: a process or a measure of the thing they name ("collagen
{{deposition}}", "mosquito {{numbers}}", "sodium oxybate {{overdose}}"), so the thing alone is an answer; or the anion of a
salt ("ethidium {{bromide}}"), which alone names another thing.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .analysis import Analysis
from .mentions import mentions

# A head that says what happens to, or how much there is of, the thing the modifier names: "collagen {{deposition}}",
# "mosquito {{numbers}}", "stool {{test}}" — there the modifier alone is the answer a learner gives.
PROCESS_HEAD = re.compile(r"(?:tion|sion|ment|ance|ence|ity|ing|sis)s?$")
MEASURE_HEADS = frozenset("number level test practice count rate use damage loss supply intake deficiency infection "
                          "overdose poisoning residue concentration content activity".split())
# A head that ends like a chemical name: "silicon dioxide", "gallium arsenide" are one name; "silicon" is not it.
CHEMICAL_HEAD = re.compile(r"(?:ide|ate|ite|ium)s?$")


def measured_head(head: str) -> bool:
    """The head says what happens to the thing in front, or how much there is of it ("deposition", "numbers")."""
    low = head.lower()
    return PROCESS_HEAD.search(low) is not None or lx.singular(low) in MEASURE_HEADS


def salt_name(words: list[str]) -> bool:
    """A salt's two-word name ("ethidium bromide", "sodium chloride", "ferrous sulfate"): its anion alone names
    another thing (held-31's judge: "bromide" accepted for "ethidium bromide")."""
    return len(words) == 2 and words[0].lower().endswith(("ium", "ic", "ous")) \
        and re.search(r"(?:ide|ate|ite)s?$", words[1].lower()) is not None


def named_before_process(an: Analysis, words: list[str]) -> list[str]:
    """A name, or a term of two words, before a head that says what is done with it, which the article also names on
    its own: "{{ECMAScript specification}}" accepts "ECMAScript", "{{sodium oxybate overdose}}" "sodium oxybate"
    (held-33's judge: "the natural answer is graded wrong")."""
    if not 2 <= len(words) <= 3:
        return []
    head, named = words[-1].lower(), " ".join(words[:-1])
    if not measured_head(head) or named.lower() in an.topic_words:
        return []
    name = len(words) == 2 and words[0][:1].isupper() and not lx.is_acronym(words[0]) and lx.zipf(words[0]) < 3.0
    if not name and len(words) == 2:
        return []  # a plain noun in front: `answers._naming_modifier` says whether it names the thing
    alone = mentions(an, named, ignore_case=True) - mentions(an, " ".join(words), ignore_case=True)
    return [named] if alone >= 2 else []
