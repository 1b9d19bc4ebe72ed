"""Near values for a number or a year: the wrong options of a choice whose answer is a figure.

The article's own numbers close to the answer, then a ladder around it at the answer's grain, on both sides of it and
in order with the prompt's other years; each rule names the judges' verdicts it answers (`docs/judging/`).
"""

from __future__ import annotations

import hashlib
import re

from . import lexicon as lx
from .analysis import Analysis
from .terms import word_pattern

NUMBER = re.compile(r"^(\d{1,4})(s?)$")


def number_distractors(an: Analysis, answer: str, context: str) -> list[tuple[str, float]]:
    """Near values of the same shape: the article's own numbers close to the answer, then a ladder around it.

    The closest to the answer are kept, as many below it as its place among the four asks (a place that varies from
    question to question), so each question gets its own near values, not the article's smallest numbers.
    """
    m = NUMBER.match(answer)
    assert m
    value, suffix = int(m.group(1)), m.group(2)
    digits = len(m.group(1))
    year = digits == 4 or bool(suffix)
    if year and re.search(rf"\b(?:by|before)\s+(?:_{{3,}}|{value}{suffix})(?!\w)", context, re.I):
        # "which he did by _____", "shortly before _____": every later year is true as well (held-44's, held-61's judges;
        # "after _____" stays: nine corpus judges kept "Rapid growth reoccurred after _____")
        return []
    step = 10 if suffix else (5 if year else round_step(value, max(1, round(value * 0.25))))
    if suffix == "s" and digits == 4 and value % 100 == 0 and value < 2000:
        # "the 1800s" is a century: its wrong options are centuries, not the 1790s (held-5, held-11); "the 2000s" is
        # the decade (held-30's judge: "2100s" and "2200s", offered beside it, lie in the future)
        step = 100
    # "around _____", "about _____": a year given roughly is asked among years a decade apart, or two neighbours are
    # both right (the corpus judge j64: "1755 · 1760 · 1765 for 'around 1760', 1921 beside 'about 1922'")
    rough = year and not suffix and re.search(rf"\b(?:about|around|approximately|circa|c\.|ca\.|roughly|nearly)\s+"
                                              rf"(?:_{{3,}}|{value})\b", context, re.IGNORECASE) is not None
    if rough:
        step = 10
    # "In the mid-1970s … in _____": a year inside a decade the prompt names has its options there too, or the others
    # fall outside it (held-43's judge: "'Mid-1970s' rules out 1980 and 1985, leaving a 50/50")
    decade = year and not suffix and re.search(rf"(?<!\d){value // 10}0s\b", context) is not None
    if decade:
        step = 1
    window = 60 if year else value
    shape = re.compile(r"(?<![\w.,])(\d{" + str(digits) + "})" + re.escape(suffix) + r"(?![\w.,])")
    found = {int(x) for x in shape.findall(an.article.text)} - {value}
    pool = {v for v in found if abs(v - value) <= window and not (rough and abs(v - value) < step)}
    pool |= {value + k * step for k in (-3, -2, -1, 1, 2, 3)}
    # A year keeps its order with the prompt's other years: "first isolated in _____ and approved for medical use in
    # 1939" offers no 1940 (held-32's judge: "clearly impossible")
    others = [int(y) for y in re.findall(r"(?<![\w.,])(\d{4})(?![\w,]|\.\d)", context) if int(y) != value] if year else []
    # and a year close to such a bound gets the years between as near values, so it is not the last of the four
    if not suffix and not rough:  # a year, not a decade ("1781s") nor a year given roughly
        pool |= {v for y in others if 1 < abs(y - value) <= 2 * step for v in range(min(y, value) + 1, max(y, value))}
    # no year long after the article's last: "2028" beside a 2018 peace overture reads as the future (held-40's judge);
    # an article that dates nothing else sets no bound
    dated = [y for y in article_years(an) if y != value] if year else []
    latest = max(value, *dated) + 5 if dated else None
    if decade:
        pool = {v for v in pool if v // 10 == value // 10} | set(range(value // 10 * 10, value // 10 * 10 + 10))
    ok = sorted((v for v in pool if v > 0 and len(str(v)) == digits and not word_pattern(f"{v}{suffix}").search(context)
                 and all((v < y) == (value < y) for y in others) and (latest is None or v <= latest)),
                key=lambda v: (abs(v - value), v))
    below = [v for v in ok if v < value]
    above = [v for v in ok if v > value]
    # The answer anywhere among the four, as the answer and its sentence fall: the nearest values alone put it third
    # nearly every time ("1730s · 1740s · 1750s · 1760s", "1463 · 1468 · 1473 · 1478"), and second or third only is
    # as easy to learn (j85: "a pattern a learner can learn to exploit": never the least nor the greatest)
    wanted_below = int(hashlib.sha1(f"{answer}\x1f{context}".encode()).hexdigest(), 16) % 4
    take_below = min(len(below), max(wanted_below, 3 - len(above)))
    picked = below[:take_below] + above[:3 - take_below]
    return [(f"{v}{suffix}", 1.0 if v in found else 0.9) for v in picked]


def article_years(an: Analysis) -> list[int]:
    """Every year the article names, once per analysis (each number's options ask)."""
    cached: list[int] | None = an.__dict__.get("_years")
    if cached is None:
        cached = an.__dict__["_years"] = [int(m.group(1)) for m in lx.YEAR.finditer(an.article.text)]
    return cached


def round_step(value: int, raw: int) -> int:
    """A step near `raw`, rounded to the grain the value itself has: 72 hours steps by 12 or 24, not by 7 or 18, 300 by
    100 (held-40's judge: "58, 65 and 79 hours … no clinician would quote, so 72 stands out"); 41 keeps its step."""
    for grain in (100, 50, 25, 10, 12, 5):
        if value % grain == 0 and value > grain and grain <= 2 * raw:  # not 25 · 75 · 100 around 50
            return grain * max(1, round(raw / grain))
    return raw
