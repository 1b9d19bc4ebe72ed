"""Giveaways: what in a cloze prompt shows its answer — the answer's own root or compound elsewhere in the prompt, a
gloss in parentheses, the other half of a pair or contrast, a suffix twin, a neighbouring number.

One of the item-writing checks of `quality.py` ("answer visible"); the generator and `ketaquiz check` both ask it.
"""

from __future__ import annotations

import re

from .questions import Question, cloze_gaps


def gloss_giveaway(q: Question) -> str | None:
    """A gap next to its own gloss in parentheses, or next to the other half of a pair."""
    if q.type == "choice" and re.search(r"_{3,}\s*(?:and|to|or|[-–])\s*\d|\d[\d,.]*s?\s*(?:and|to|or|[-–])\s*_{3,}",
                                        q.prompt):
        return "the blank is a number paired with the next one (“the ___ and 1950s”): the neighbour gives it away"
    singular = re.search(r"_{3,}\s+([a-z]+)\b", q.prompt) if q.type == "choice" else None
    if singular and str(q.answer).strip().lower() in ("1", "one") and not singular.group(1).endswith("s"):
        # "more than _____ month prior to onset" (held-29's judge): only "1" fits the singular
        return f"the singular “{singular.group(1)}” after the blank gives “1” away: write the unit in the plural"
    if q.type != "cloze":
        return None
    p = re.sub(r"\b([Aa])\(n\)", r"\1n", q.prompt)  # the generator's "a(n)" before a gap is no gloss
    if re.search(r"\}\}\s*\(|\(\s*\{\{[^}]*\}\}\s*\)|\)\s*\{\{", p) or re.search(r"\(\s*[^()]*\{\{", p):
        return "the gap stands beside a parenthesis that glosses it (or is the gloss): the answer shows through"
    stem = _stem_visible(p)
    if stem:
        return stem
    if _pair_half(p):
        return "the gap is one half of a pair or list left visible beside it: the other half gives it away or competes"
    rival = _same_head_rival(p) or _contrast_rival(p)
    if rival:
        return f"“{rival}” in the prompt is the answer's counterpart (intake valve / exhaust valve): it gives it away"
    twin = _suffix_twin(p)
    if twin:
        return f"“{twin}” in the prompt is the other half of the answer's pair (as purines is to pyrimidines): it gives it away"
    if re.search(r"\{\{\d[^}]*\}\}\s*(?:and|to|or|[-–])\s*\d|\d[\d,.]*s?\s*(?:and|to|or|[-–])\s*\{\{\d", p):
        return "the gap is a number paired with the next one (“the ___ and 1950s”): the neighbour gives it away"
    m = re.search(r"\d[\d,.]*\s*\{\{|\{\{[^}]*\}\}\s*\d", p)
    if m:
        return "the gap is a unit or a part of a number: blank the whole value, or ask another way"
    return None


_AFTER_GAP = re.compile(r"\}\}\s*,?\s+(?:and|or|nor|versus|vs\.?)\s+(?:the\s+|a\s+|an\s+)?([\w\-]+)")
_BEFORE_GAP = re.compile(r"([\w\-]+),?\s+(?:and|or|nor|versus|vs\.?)\s+(?:the\s+|a\s+|an\s+)?\{\{")


def _word_stems(text: str) -> set[str]:
    return {w.casefold()[:5] for w in re.findall(r"[A-Za-z][\w]*", text) if len(w) >= 4}


def _stem_visible(prompt: str) -> str | None:
    """The gap's words (or their first five letters) stand elsewhere in the prompt, or the gap is glued to a word."""
    gaps = cloze_gaps(prompt)
    answers = [g[0] for g in gaps if g]
    if len({a.casefold() for a in answers}) < len(answers):
        return "the same answer is blanked twice: one gap answers the other"
    # "the average pay- {{TV subscriber}} paid $231" (held-65: the page's own "pay- TV", a hyphen left hanging)
    if re.search(r"[\w][-–]\{\{|\}\}[-–][\w]|\w-\s\{\{", prompt):
        return "the gap is half of a hyphenated compound: the visible half gives it away"
    shown = _GAP_RE.sub(" ", prompt)
    visible = _word_stems(shown)
    from .generate import lexicon as lx

    acronyms = {w.casefold() for w in re.findall(r"[A-Za-z][\w]*", shown) if lx.is_acronym(w)}
    for form in (f for g in gaps for f in g[1:] if lx.is_acronym(f) and len(f) >= 2):
        if {form.casefold(), form.casefold() + "s"} & acronyms:
            # "… bare around the {{B cell receptors|BCR}} …, which further isolates the BCRs" (held-62's judge):
            # the acronym the gap accepts stands in the prompt
            return f"“{form}”, which the gap accepts, stands in the prompt: the answer shows through"
    for ans in answers:
        for compound in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", ans):  # "two-stroke" beside {{two-stroke … engines}}
            if re.search(rf"(?<![\w-]){re.escape(compound)}(?![\w-])", shown, re.IGNORECASE):
                return f"“{compound}” stands in the prompt beside the gap: the answer shows through"
        words = re.findall(r"[A-Za-z][\w]*", ans)
        # The distinctive word of the answer (its rarest) is what must not show: "receptor" beside
        # {{AMPA receptors}} gives nothing away, "crRNA" beside {{crRNAs}} does.
        key = [min(words, key=lambda w: (0 if lx.is_acronym(w) else 1, lx.zipf(w)))] if words else []
        # and a name or a rare word beside it: "Fred Williams would invent the {{Williams tube}}", "Chitinases …
        # break down the {{biopolymer chitin}}" (held-26, held-28: "gives the answer away")
        # (the head word only, where it is a rare one: "Antistaphylococcal" beside {{staphylococcal penicillinase}}
        # tells nothing a learner must recall, judges kept it)
        head = words[-1] if words else ""
        key += [w for w in words if w not in key and not lx.is_acronym(w)
                and (w[:1].isupper() or w == head and lx.zipf(w) < 3.0)]
        for w in key:
            part = _compound_part(w, shown) if w == head else None
            if part:
                return f"“{part}” in the prompt holds the answer “{w}”: the answer shows through"
            if lx.is_acronym(w) and len(w) >= 3 and w.casefold() in acronyms:
                return f"“{w}” stands in the prompt beside the gap: the answer shows through"
            stands = len(w) >= 4 and w.casefold()[:5] in visible and lx.zipf(w) < 5.0
            kin = None if stands and w[:1].isupper() else _kin_word(w, shown)  # a name stands as itself
            if kin:
                return f"“{kin}” in the prompt shares its root with the answer “{w}”: the answer shows through"
            if stands:
                return f"“{w}” (or a word of the same stem) stands in the prompt beside the gap: the answer shows through"
    if re.search(r"\}\}\s*,\s*[^,]{1,40},[^.]*\b(?:and|or)\b|,\s*\{\{[^}]*\}\}[\w\s-]{0,20},", prompt):
        return "the gap is one item of a list: the other items compete with it"
    return None


_GAP_RE = re.compile(r"\{\{[^}]*\}\}")


def _kin_word(answer_word: str, shown: str) -> str | None:
    """A prompt word that contains the answer word's root or is contained in it ("homogeneous" beside
    {{inhomogeneity}}, "Cottonopolis" beside {{cotton}}, "nucleotides" beside {{polynucleotides}})."""
    from .generate import lexicon as lx

    a = lx.singular(answer_word).casefold()  # "exospore" beside {{spores}}
    if len(a) < 5 or lx.zipf(a) >= 5.0:
        return None
    for w in set(re.findall(r"[A-Za-z][\w]*", shown)):
        p = w.casefold()
        if len(p) < 5 or p == a or lx.zipf(p) >= 5.0:
            continue
        if _holds_root(a, p) or _holds_root(p, a):
            return str(w)
    return None


# Latin prefixes that make a word of its own from a root: "missions" beside {{high commissions}} (held-54) tells
# nothing, where "homogeneous" beside {{inhomogeneity}} or "ribonucleic" beside {{nucleic acids}} does
_OWN_WORD_PREFIXES = frozenset("ab ad com con e ob per".split())


def _holds_root(word: str, other: str) -> bool:
    """`word` holds the first six letters of `other`, but not after a prefix that makes another word of them."""
    at = word.find(other[:6])
    return at == 0 or at > 0 and word[:at] not in _OWN_WORD_PREFIXES


def _compound_part(answer_word: str, shown: str) -> str | None:
    """A hyphenated prompt word with the answer word as one of its parts: "dye-based" beside {{dyes}}."""
    from .generate import lexicon as lx

    a = lx.singular(answer_word.casefold())
    if len(a) < 3:
        return None
    for w in set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", shown)):
        if any(lx.singular(p.casefold()) == a for p in w.split("-")):
            return str(w)
    return None


_CONTRASTS = {a: b for x, y in (("inner", "outer"), ("upper", "lower"), ("left", "right"), ("anterior", "posterior"),
                                 ("major", "minor"), ("leading", "lagging"), ("positive", "negative"))
              for a, b in ((x, y), (y, x))}


def _contrast_rival(prompt: str) -> str | None:
    """"the outer renal cortex and the inner {{renal medulla}}": the other half of a contrast stands in the prompt."""
    m = re.search(r"\b(\w+)\s+\{\{", prompt)
    if m is None or m.group(1).lower() not in _CONTRASTS:
        return None
    other = _CONTRASTS[m.group(1).lower()]
    return other if re.search(rf"\b{other}\b", _GAP_RE.sub(" ", prompt), re.IGNORECASE) else None


def _same_head_rival(prompt: str) -> str | None:
    """The gap "M H" beside another "M' H" in the prompt ("the intake valve closes … the {{exhaust valve}} opens"):
    the pair leaves one modifier to guess."""
    m = re.search(r"\{\{([A-Za-z-]+) ([A-Za-z-]+)[|}]", prompt)
    if not m:
        return None
    mod, head = m.group(1).casefold(), m.group(2).casefold()
    rest = _GAP_RE.sub(" ", prompt)
    for other in re.finditer(r"\b([A-Za-z-]+) (" + re.escape(head) + r")\b", rest, re.IGNORECASE):
        word = other.group(1).casefold()
        before = rest[:other.start()].split()[-1:]
        if before and before[0].casefold() in ("other", "another", "all", "many", "most", "some", "of"):
            continue  # "not the other glutamate receptors": the answer's kind, not its counterpart
        if word != mod and word not in _FUNCTION_WORDS and len(word) > 2:
            return f"{other.group(1)} {other.group(2)}"
    return None


_FUNCTION_WORDS = frozenset(
    "the a an this that these those its their his her our of in on at to for by with from and or each every other "
    "another one two three first second same such some any all both no".split()
)


_COMMON_SUFFIXES = ("tion", "sion", "ment", "ness", "ance", "ence", "ship", "able", "ible", "ical", "ally", "ings",
                    "ated", "ates", "ists", "ogy", "ers")


_PREFIX_PAIRS = tuple((a, b) for x, y in (("hyper", "hypo"), ("endo", "exo"), ("intra", "extra"), ("hetero", "homo"))
                      for a, b in ((x, y), (y, x)))


def _suffix_twin(prompt: str) -> str | None:
    """A technical word in the prompt that shares the gap's ending as its pair does ("the {{pyrimidines}} are …; the
    purines are …", "haploid … {{diploid}}"), or the gap's prefixed twin ("hyposensitivity" beside
    {{hypersensitivity}}): the learner completes the pattern instead of recalling the fact."""
    from .generate import lexicon as lx

    m = re.search(r"\{\{([A-Za-z-]+)[|}]", prompt)
    if not m:
        return None
    gap = m.group(1).lower()
    rest = _GAP_RE.sub(" ", prompt)
    words: set[str] = {x.lower() for x in re.findall(r"[A-Za-z-]{6,}", rest)}
    for a, b in _PREFIX_PAIRS:  # "hyposensitivity" beside {{hypersensitivity}} (held-31's judge)
        if gap.startswith(a) and len(gap) > len(a) + 3 and b + gap[len(a):] in words:
            return b + gap[len(a):]
    for w in sorted(words):
        if w == gap or w.rstrip("s") == gap.rstrip("s") or lx.zipf(w) >= 4.0 or lx.zipf(gap) >= 4.0:
            continue
        n = 0
        while n < min(len(w), len(gap)) and w[-1 - n] == gap[-1 - n]:
            n += 1
        if n >= 4 and not w.endswith(_COMMON_SUFFIXES) and w[:3] != gap[:3] and lx.zipf(gap[-n:]) < 4.0:
            # not an everyday word both end in: "hardcore" and {{hatecore}} are compounds of "core" (held-19), no
            # pattern to complete as "diploid" is for "haploid"
            return str(w)
    return None


def _pair_half(prompt: str) -> bool:
    """A gap coordinated with a visible noun ("{{dominant}} and recessive", "A, B and {{C}}")."""
    from .generate import lexicon as lx

    for m in (*_AFTER_GAP.finditer(prompt), *_BEFORE_GAP.finditer(prompt)):
        w = m.group(1)
        if w.lower() in lx.STOP_WORDS or lx.is_verb_only(w) or lx.is_adverb(w):
            continue
        if lx.can_be_noun(w) or w[:1].isupper() or "ADJ" in lx.lemmas(w):
            return True
    return False
