"""Item-writing checks on one question: what a strict teacher would send back, named and explained.

The generator drops a drafted question that trips any of these and reports the checks each kept one
passed; the quality lint (``ketaquiz check``) runs the same checks on hand-written sets. Each check is
a small function ``(question) -> message | None``; the message says what is wrong and what to do.
The rubric behind them is ``shared/notes/question-quality.md`` (answerable alone, one right answer,
worth knowing, no giveaway, good distractors, readable, a sensible type).

Pure Python: word classes come from the generator's lexicon (lemminflect / wordfreq, or its built-in
fallback), loaded only when a check needs them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from .dangling import dangling_reference, shown_prompt
from .giveaways import gloss_giveaway
from .questions import Question, cloze_gaps

__all__ = ["CHECKS", "LINT_CHECKS", "tripped", "passed_and_tripped", "reused_distractors", "shown_prompt"]

MAX_PROMPT_WORDS = 28
MAX_GAP_WORDS = 3

_MARKUP = re.compile(r"\*\*|\]\(|\[\[|(?:^|\s)\|(?:\s|$)|`|<[a-z/][^>]*>|^#+\s", re.IGNORECASE)
_FURNITURE = re.compile(
    r"\b(?:click here|read more|learn more|discover (?:how|why|what)|find out|sign up|subscribe|share this|"
    r"see also|external links|references|cookie|privacy policy|skip to|back to top|this page|this article|"
    r"this website|our website)\b",
    re.IGNORECASE,
)
_CITATION = re.compile(r"\[\d+\]|\[citation needed\]|\(\s*(?:see|cf\.)\s", re.IGNORECASE)
_UNIT_WORDS = frozenset(
    """percent per cent km kilometres kilometers kilometre metres meters metre m cm mm nm µm micrometres kg g mg µg
    micrograms microgram milligrams grams gram tonnes tons tonne pounds lb ounces years year months month days day
    hours hour minutes minute seconds second degrees degree kelvin celsius fahrenheit volts watts megawatts
    kilowatts gigawatts horsepower hp rpm units unit megaunits litres liters ml miles mile feet foot inches inch
    billion million thousand hundred times fold""".split()
)
# Words that tag as nouns but act as the verb when they open or close a gap ("{{CrRNAs show}}", "{{show dyad symmetry}}").
_VERB_NOUNS = frozenset("show shows use uses work works play plays need needs help helps form forms cause causes makes "
                        "lead leads act acts appear appears remain remains spread spreads".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten several many few both".split())
_DETERMINERS = frozenset("a an the this these those its their his her our some any each every such".split())
_PREPOSITIONS = frozenset("of in on at to for from by with into onto about over under between among through".split())
_GENERAL_ACRONYMS = frozenset(
    """DNA RNA WHO FDA US USA UK EU UN NASA AIDS HIV TV CEO PC USB GPS CPU IQ UV ID AD BC BCE CE AM PM OK
    NATO UNESCO UNICEF CIA FBI BBC CNN NHS CDC ICU MRI CT ATP pH RF URL HTML HTTP PDF LED LCD AC DC WWW SMS AI
    ER""".split()
)
_STAND_FOR = re.compile(r"what does (?:the (?:abbreviation|acronym) )?[\"“]?([\w\-]+?)s?[\"”]? stand for", re.IGNORECASE)


def _only_quoted_terms(text: str) -> bool:
    """Every quotation mark closes a term of three words at most that the sentence names: "often referred to as
    “deadlines”" (held-12), "is called the “antisense” sequence" quote nobody. A word quoted as a word ("the adjective
    “feudal”", "meaning “genitive”") still counts as a quotation."""
    from .generate.gaps import NAMERS

    marks = re.findall(r"[\"“”]", text)
    spans = list(re.finditer(r"[\"“]([^\"“”]*)[\"”]", text))
    return len(marks) == 2 * len(spans) and all(
        0 < len(sp.group(1).split()) <= 3
        and re.search(rf"\b(?i:{NAMERS}|named|the term)\s+(?:the\s+|an?\s+)?$", text[:sp.start()]) for sp in spans)


def _answers(q: Question, *, with_choice: bool = False) -> list[str]:
    """The typed answers whose wording matters (gaps, short answers; with_choice: a choice's right option too)."""
    if q.type == "cloze":
        return [g[0] for g in cloze_gaps(q.prompt) if g]
    if (q.type == "short" or q.type == "choice" and with_choice) and isinstance(q.answer, str):
        return [q.answer]
    return []


_GAP_CONTEXT = re.compile(r"(\w+)?\s*\{\{([^}|]*)[^}]*\}\}\s*(\w+)?")
_AFTER_VERB = frozenset("from to into the a an its their with by on that".split())
_BEFORE_VERB = frozenset(
    "to helped help helps can could may might will would should must did does do often usually typically also then "
    "commonly generally still".split()
)


# "shown to", "able to", "used to": an infinitive follows (not "due to", "similar to", "exposure to")
_INFINITIVE_BEFORE = re.compile(r"\b(?:shown|able|unable|used|tend|tends|tended|seem|seems|seemed|appear|appears|"
                                r"appeared|likely|unlikely|need|needs|needed|want|wants|try|tries|tried|order|"
                                r"thought|believed|known|found|said)\s+to\s+\{\{$")
_AFTER_VERB_SLOT = frozenset("along across through over during significantly rapidly slowly".split())
_CHANGE_VERBS = frozenset("changes increases decreases varies rises falls grows drops declines".split())


def _verb_at_gap_edge(prompt: str) -> str | None:
    """A gap that opens with a verb ("helped {{drive X}}") or ends with one ("{{textile production spread}} from")."""
    from .generate import lexicon as lx

    for m in _GAP_CONTEXT.finditer(prompt):
        before, gap, after = (m.group(1) or "").lower(), m.group(2).split(), (m.group(3) or "").lower()
        if len(gap) == 1 and before == "to" and _INFINITIVE_BEFORE.search(prompt[:m.start(2)]) \
                and ("VERB" in lx.lemmas(gap[0].lower())
                     or not lx.lemmas(gap[0].lower()) and re.search(r"(?:ate|ize|ise|ify)$", gap[0])):
            return gap[0]  # "have been shown to {{correlate}} with" (held-11): the gap is the verb itself
        if len(gap) < 2:
            continue
        if after in _AFTER_VERB_SLOT and gap[-1] in _CHANGE_VERBS:
            return gap[-1]  # "if the {{density changes}} along a streamline" (held-11); not "{{revolts}} across"
        if before in _BEFORE_VERB and "VERB" in lx.lemmas(gap[0]):
            return gap[0]
        if after in _AFTER_VERB and "VERB" in lx.lemmas(gap[-1]) and not gap[-1][:1].isupper():
            return gap[-1]
    return None


def _head_accepted(q: Question, ans: str) -> bool:
    """True when the gap `ans` also accepts its last word alone (the head noun a learner would type)."""
    head = ans.split()[-1].casefold()
    return any(g and g[0] == ans and any(a.casefold() in (head, head.rstrip("s")) for a in g[1:])
               for g in cloze_gaps(q.prompt))


def phrase_gap(q: Question) -> str | None:
    """A gap or typed answer that is a phrase (a verb, a modifier, a preposition glued to the key word)."""
    from .generate import lexicon as lx

    if q.type == "cloze":
        verb = _verb_at_gap_edge(q.prompt)
        if verb:
            return f"the gap holds the verb “{verb}” beside the key word: blank the noun alone"
        if re.search(r"\b[A-Z]\.\s*\{\{", q.prompt):
            return "the gap splits a name after its initial (“P. ___”): blank the whole name"
        if re.search(r"\}\}\s[A-HJ-Z](?=[\s,.;:)])", q.prompt):
            # "{{cyclosporine}} A to be more effective" (held-13): the letter is part of the name
            return "the gap leaves the letter of a name (“cyclosporine A”) outside: blank the whole name"

    for ans in _answers(q) if q.type == "cloze" else []:  # a typed short answer is the author's wording
        words = re.findall(r"[\w\-’']+", ans)
        if not words:
            continue
        if len(words) > MAX_GAP_WORDS and not all(w[:1].isupper() for w in words if w.lower() not in _PREPOSITIONS):
            return f"the answer “{ans}” is {len(words)} words: make the gap the key word or name only"
        low = [w.lower() for w in words]
        if low[0] in _DETERMINERS or low[-1] in _PREPOSITIONS or low[0] in _PREPOSITIONS:
            return f"the answer “{ans}” carries a function word: blank the key word alone"
        if len(words) > 1 and low[0] in lx.VAGUE_MODIFIERS:
            return f"the answer “{ans}” starts with the vague modifier “{words[0]}”: blank the key word alone"
        if len(words) > 1 and (low[0] in _NUMBER_WORDS or low[0][:1].isdigit()) and not lx.is_acronym(words[0]):
            return f"the answer “{ans}” starts with a count: blank the key word alone"
        if len(words) > 1 and not words[0][:1].isupper() and low[0].endswith("s") and "VERB" in lx.lemmas(low[0]) \
                and lx.can_be_noun(words[-1]):
            return f"the answer “{ans}” reads as a verb with its object: blank the noun alone"
        if len(words) > 1 and words[0][:1].islower() and any(w[:1].isupper() for w in words[1:]):
            return f"the answer “{ans}” glues a title or a common word to a name: blank the name alone"
        if len(words) == 1 and not lx.can_be_noun(words[0]) and lx.zipf(words[0]) >= 3.5 \
                and (lx.is_adverb(words[0]) or "ADJ" in lx.lemmas(words[0].lower())):
            return f"the answer “{ans}” is an everyday modifier, not a term: blank the thing it describes"
        # "-ly" and not a noun the lexicon knows: "rapidly", never "oligopoly" or "monopoly"
        adverbs = [w for w in words if len(w) > 5 and w.lower().endswith("ly") and not w[:1].isupper()
                   and "NOUN" not in lx.lemmas(w.lower()) and not w.lower().endswith(("oly", "ply", "aly"))]
        if adverbs:
            return f"the answer “{ans}” holds the adverb “{adverbs[0]}”: blank the thing itself"
        if len(words) > 1 and any(w.lower() in _VERB_NOUNS for w in (words[0], words[-1])):
            return f"the answer “{ans}” reads as a verb phrase (“{ans}”): blank the noun alone"
        for w in words:
            if w[:1].isupper() or lx.is_acronym(w) or any(c.isdigit() for c in w) or "-" in w:
                continue
            if lx.is_verb_only(w) or (lx.is_adverb(w) and not lx.can_be_noun(w)):
                return f"the answer “{ans}” holds “{w}”, not a name or noun: a learner's natural answer is graded wrong"
    return None


# "A(n) {{oligopoly}} is a market structure …": the gap is the term a definition defines (the generator reads it too)
# "{{Introns}} are …", "{{Dynamic instability}} refers to …": the gap is the term the sentence defines
# "{{white hats}} are hackers who …" (held-29's judge: "better gap the defined term 'White hats'")
DEFINED_SUBJECT_GAP = re.compile(r"^(?:A\(n\)\s+|An?\s+|The\s+)?\{\{[^}]+\}\}\s+(?:(?:is|are)\s+(?:a|an|the)\b|"
                                 r"are\s+(?:[\w-]+\s+)?[a-z]+s\s+(?:who|that|which|whose)\b|"
                                 r"refers? to\b|means\b|denotes\b|(?:is|are) defined as\b|is the term for\b)")


def modifier_gap(q: Question) -> str | None:
    """An answer that hangs on an everyday modifier ("larger cylinders", "rapid improvement").

    Generator-only: in a hand-written set "general anesthetic" is a term its author chose.
    """
    from .generate import lexicon as lx

    if _STAND_FOR.search(q.prompt):
        return None  # an expansion is a fixed name ("top dead center"): its modifier is part of it
    if q.type == "cloze" and DEFINED_SUBJECT_GAP.match(q.prompt):
        return None  # "{{game theory}} is a major method …": the term a definition defines is a name
    from .generate.gaps import NAMED_GAP

    if q.type == "cloze" and NAMED_GAP.search(q.prompt):
        return None  # "an objective, called {{computational thermochemistry}}, …": a name the sentence gives (held-13)
    for ans in _answers(q, with_choice=True):
        words = re.findall(r"[\w\-’']+", ans)
        if len(words) < 2 or words[0][:1].isupper() or "-" in words[0] or "ADJ" not in lx.lemmas(words[0].lower()):
            continue
        others = [str(a) for a in [*q.accept, *q.choices] if not str(a).casefold().endswith(ans.casefold())]
        if q.type == "short" and any(" " in o and o.split()[-1].casefold() == words[-1].casefold() for o in others):
            continue  # "chemical hydrology" among "isotope hydrology", "surface hydrology": the modifier is the name
        if lx.zipf(words[0]) >= 4.0:
            return f"the answer “{ans}” hangs on the everyday modifier “{words[0]}”: blank the key word alone"
        if len(words) == 2 and lx.zipf(words[0]) >= 3.3 and q.type == "cloze" and not _head_accepted(q, ans):
            return f"the answer “{ans}” glues the modifier “{words[0]}” to the key word: blank the key word alone"
    return None


def acronym_answer(q: Question) -> str | None:
    """"What does X stand for?" on a general-knowledge acronym, or accepting the acronym itself."""
    if q.type == "cloze":
        for gap in cloze_gaps(q.prompt):
            general = [a for a in gap if a in _GENERAL_ACRONYMS]
            if general:
                return f"the gap is {general[0]} spelled out or abbreviated: general knowledge, not the text's point"
    m = _STAND_FOR.search(q.prompt)
    if not m:
        return None
    short = m.group(1)
    if short.upper() in _GENERAL_ACRONYMS or short in _GENERAL_ACRONYMS:
        return f"{short} is general knowledge: asking what it stands for tests nothing from the text"
    accepted = [a for a in [q.answer, *q.accept] if isinstance(a, str)]
    for a in accepted:
        if re.search(rf"(?<!\w){re.escape(short)}s?(?!\w)", a, re.IGNORECASE):
            return f"the accepted answer “{a}” holds the acronym {short} itself: typing it back would be graded right"
    return None


# "… in E." or "… John F.": a sentence cut at an initial. "vitamin D." and "drug X." end where they should.
_CUT_AT_INITIAL = re.compile(r"(?:^|\b(?:in|of|by|at|from|and|the|[A-Z][a-z]*))\s+[A-Z]\.\??$")


def readability(q: Question) -> str | None:
    """Too long, or carrying Markdown/wiki markup, citations or page furniture."""
    text = shown_prompt(q)
    n = len(text.split())
    if n > MAX_PROMPT_WORDS:
        return f"the prompt is {n} words (at most {MAX_PROMPT_WORDS}): cut it to the fact asked"
    if re.search(r"\d\.(?:_{3,}|\{\{)|(?:_{3,}|\}\})\.\d", q.prompt):
        return "the blank splits a number at its decimal point: ask the whole value"
    if "\n" in text.strip():
        return "the prompt runs over several lines (a list or a table pasted in): ask one sentence"
    if re.match(r"^\W*(?:[\w-]+[ ,]+){0,3}[\w-]+:\s(?!(?:put|which|what|name|how|where|when|why)\b)", text, re.IGNORECASE) \
            and not re.match(r"^\W*(?:Which|What|Name|Put|How)\b", text):
        return "the prompt opens with a label (“…:”): ask the fact in a sentence"
    if re.search(r"\(\s*[;,]|\(\s*\)", text) or _CUT_AT_INITIAL.search(text.strip()):
        return "the prompt carries debris (an emptied parenthesis, a sentence cut at an initial)"
    if len(re.findall(r"[\"“”]", text)) >= 2 and not _only_quoted_terms(text):
        return "the prompt quotes someone: a quotation is an opinion or wording, not a fact to recall"
    if text.count("“") != text.count("”") or text.count('"') % 2:
        # 'Fritz wrote, “the idea that … is not only about {{colonization}}.' (held-64's judge: "a quotation cut off
        # mid-sentence with an unclosed quote mark")
        return "the prompt opens a quotation it does not close: it was cut mid-quote"
    if _MARKUP.search(text) or _CITATION.search(text):
        return "the prompt carries markup or a citation mark: write it as plain text"
    if _FURNITURE.search(text):
        return "the prompt is page furniture (navigation or a teaser), not a fact of the text"
    return None


def unit_or_number_gap(q: Question) -> str | None:
    """A gap that is a bare unit, or a number that is only a part of a value."""
    for ans in _answers(q):
        if ans.strip().lower() in _UNIT_WORDS:
            return f"the gap “{ans}” is a unit: ask for the value, or for the key word"
    return None


CHECKS: dict[str, Callable[[Question], str | None]] = {
    "dangling reference": dangling_reference,
    "phrase gap": phrase_gap,
    "modifier gap": modifier_gap,
    "acronym": acronym_answer,
    "answer visible": gloss_giveaway,
    "readable": readability,
    "unit gap": unit_or_number_gap,
}
# The checks `ketaquiz check` reports on hand-written sets (the rest only guide the generator).
LINT_CHECKS = ("dangling reference", "phrase gap", "acronym", "answer visible")


def tripped(q: Question, names: Iterable[str] | None = None, *, skip: Iterable[str] = ()) -> dict[str, str]:
    """The checks (all, or `names`; none of `skip`) this question trips, with their messages."""
    out: dict[str, str] = {}
    skipped = set(skip)
    for name in CHECKS if names is None else names:
        if name in skipped:
            continue
        msg = CHECKS[name](q)
        if msg:
            out[name] = msg
    return out


def passed_and_tripped(q: Question, *, skip: Iterable[str] = ()) -> tuple[list[str], dict[str, str]]:
    """(names of passed checks, tripped checks with messages); a check in `skip` counts as passed."""
    bad = tripped(q, skip=skip)
    return [n for n in CHECKS if n not in bad], bad


def _option_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", str(text).casefold()))


def reused_distractors(questions: list[Question], *, limit: int = 2) -> dict[str, str]:
    """Questions whose wrong options (or false values) recur across the set more than `limit` times.

    A distractor seen in many questions ("1700" as the false year everywhere) is a tell: the learner
    learns to avoid it rather than the fact. Keyed by question id, with a message.
    """
    uses: Counter[str] = Counter()
    per_q: dict[str, list[str]] = {}
    for q in questions:
        if q.type not in ("choice", "multi"):
            continue
        right = {_option_key(a) for a in (q.answer if isinstance(q.answer, list) else [q.answer])}
        wrong = [_option_key(c) for c in q.choices if _option_key(c) not in right]
        per_q[q.id] = wrong
        uses.update(set(wrong))
    out: dict[str, str] = {}
    for qid, wrong in per_q.items():
        tells = sorted(w for w in wrong if uses[w] > limit)
        if tells:
            out[qid] = f"the wrong option “{tells[0]}” is offered in {uses[tells[0]]} questions: vary the distractors"
    return out
