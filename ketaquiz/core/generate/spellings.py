"""Other ways to write the same answer: British and American spelling, a Greek letter spelled out, a number in digits.

Grading folds case and accents already; these are the spellings a learner's keyboard or schooling gives instead
("mechanization" for "mechanisation", "beta-lactam" for "β-lactam", "14" for "fourteen").
"""

from __future__ import annotations

import re
import unicodedata

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa", "λ": "lambda",
          "μ": "mu", "σ": "sigma", "ω": "omega"}


def spelled(term: str) -> str:
    """Greek letters spelled out ("β-lactam" → "beta-lactam"); a word written in Greek stays as it is (held-11:
    "δυναμική" became "deltaυνalphamuιkappaή")."""
    if sum(ch in _GREEK or unicodedata.name(ch, "").startswith("GREEK") for ch in term) > 2:
        return term  # a Greek word, accents and all ("ἄνοδος": its accented alpha is no letter of the table)
    return "".join(_GREEK.get(ch, ch) for ch in term)


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())} | {w: 10 * i for i, w in enumerate(
        "thirty forty fifty sixty seventy eighty ninety".split(), 3)} | {"hundred": 100}


ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)} | {"twenty-first": 21}
_ORDINAL_OF = {i: w for w, i in ORDINAL_WORDS.items()}  # 16 → "sixteenth"
_ORDINAL_DIGITS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def ordinals(words: list[str]) -> list[str]:
    """A century in words, in digits too, and back: "sixteenth century" → "16th century", "17th-century" →
    "seventeenth-century", and an ordinal alone ("sixteenth" → "16th"); held-40's judge: "the natural answer '16th
    century' or '16th' would be marked wrong", beside a prompt that writes "17th and 18th". Not "second messenger",
    "Third Reich": only a century's or millennium's ordinal, or one standing alone past "second"."""
    first, _, rest = words[0].partition("-")
    tail = ("-" + rest).split() + words[1:] if rest else words[1:]
    if tail and not re.fullmatch(r"-?(?:century|centuries|millenni(?:um|a))", tail[0].lower()):
        return []
    digits = _ORDINAL_DIGITS.fullmatch(first)
    if first.lower() in ORDINAL_WORDS and (tail or ORDINAL_WORDS[first.lower()] > 2):
        other = _ordinal(ORDINAL_WORDS[first.lower()])
    elif digits and int(digits.group(1)) in _ORDINAL_OF:
        other = _ORDINAL_OF[int(digits.group(1))]
    else:
        return []
    return [(other + " " + " ".join(tail)).replace(" -", "-").strip()]


def numerals(words: list[str]) -> list[str]:
    """A number written in words, in digits too: "fourteen" → "14", "Thirty Years" → "30 Years" (held-9: "the numeral
    '14' is not accepted")."""
    first = words[0].lower().split("-")
    if not all(w in _NUMBER_WORDS for w in first) or len(first) > 2:
        return []
    value = sum(_NUMBER_WORDS[w] for w in first)  # "twenty-four" → 24
    forms = [" ".join([str(value)] + words[1:])]
    if [w.lower() for w in words[1:]] in (["percent"], ["per", "cent"]):
        forms.append(f"{value}%")  # "ninety percent" → "90 percent", "90%"
    return forms


_UK_US = {"colour": "color", "behaviour": "behavior", "tumour": "tumor", "labour": "labor", "favour": "favor",
          "flavour": "flavor", "harbour": "harbor", "vapour": "vapor", "odour": "odor", "honour": "honor",
          "humour": "humor", "neighbour": "neighbor", "rumour": "rumor", "centre": "center", "metre": "meter",
          "litre": "liter", "fibre": "fiber", "theatre": "theater", "calibre": "caliber", "spectre": "specter",
          "lustre": "luster", "analogue": "analog", "catalogue": "catalog", "defence": "defense",
          "offence": "offense", "sulphur": "sulfur", "aluminium": "aluminum", "grey": "gray", "mould": "mold",
          "tyre": "tire", "programme": "program", "foetus": "fetus", "oestrogen": "estrogen"}
# Not back where the American word has meanings of its own: a "meter" measures, a "program" runs, a "tire" wears out.
_US_UK = {v: k for k, v in _UK_US.items() if v not in ("tire", "program", "meter", "gray", "mold", "analog")}
_UK_PREFIXES = (("haem", "hem"), ("anaem", "anem"), ("oesophag", "esophag"), ("paediatr", "pediatr"),
                ("leukaem", "leukem"), ("orthopaed", "orthoped"), ("oedem", "edem"), ("caesar", "cesar"),
                ("palaeo", "paleo"))
# The American start back to the British, only where no other word starts so ("hemisphere" is no "haemisphere").
_US_PREFIXES = (("hemo", "haemo"), ("hema", "haema"), ("anem", "anaem"), ("esophag", "oesophag"),
                ("pediatr", "paediatr"), ("leukem", "leukaem"), ("orthoped", "orthopaed"), ("edema", "oedema"),
                ("paleo", "palaeo"))
_IZE = re.compile(r"(?<=[a-z]{3})(is|iz)(ation|ations)$")  # not -ise/-ised: "advertise", "televised"
_YSE = re.compile(r"(?<=[a-z]{2}l)(ys|yz)(e|es|ed|ing)$")


def _other_spelling(word: str) -> str:
    """The word in the other of British and American spelling, or the word itself."""
    low = word.lower()
    if low in _UK_US or low in _US_UK:
        other = _UK_US.get(low) or _US_UK[low]
        return other if word.islower() else other.capitalize()
    for uk, us in _UK_PREFIXES:
        if low.startswith(uk):
            return (us if word.islower() else us.capitalize()) + word[len(uk):]
    for us, uk in _US_PREFIXES:
        if low.startswith(us):  # "paleontology" → "palaeontology" (held-8: the article writes "palaeontologists")
            return (uk if word.islower() else uk.capitalize()) + word[len(us):]
    for pat in (_IZE, _YSE):
        m = pat.search(word)
        if m:
            swap = {"is": "iz", "iz": "is", "ys": "yz", "yz": "ys"}[m.group(1)]
            return word[:m.start()] + swap + m.group(2)
    return word


def other_spelling(text: str) -> str:
    """The phrase with each word in the other spelling (British ↔ American), or the phrase itself."""
    return " ".join(_other_spelling(w) for w in text.split(" "))
