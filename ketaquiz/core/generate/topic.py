"""What the article is about: its title's words in every form ("dyslexics", "mummification", "smelters"), and the
answers that ask for nothing else ("{{dyslexic children}}", "{{fly-by-wire control systems}}")."""

from __future__ import annotations

import re

from ..questions import Question
from . import lexicon as lx
from .analysis import Analysis
from .mentions import word_in
from .terms import _best_long_form, norm


def topic_answer(an: Analysis, ans: str) -> str | None:
    """The article's subject as the answer: its topic word, the title's word in another form, the title spelled out."""
    a = norm(ans)
    parts = a.split()
    title = norm(an.article.title)
    if a in an.topic_words or (a.rstrip("s") in {t.rstrip("s") for t in an.topic_words}) \
            or a.rstrip("s") == title.rstrip("s"):  # "{{big bang}}" in *Big Bang*
        return f"topic word: “{ans}” is what the whole article is about"
    if a == re.sub(r"^(?:a )?history of (?:the )?", "", title) != title:
        # "{{French Guiana}} became an overseas département …" in *History of French Guiana* (held-61), "the region that
        # is now {{Equatorial Guinea}}" (held-45): whose history it is, the subject
        return f"topic word: “{ans}” is whose history the article tells"
    if a.startswith(title + " ") and all(lx.zipf(w) >= 3.4 for w in a[len(title):].split()):
        # "{{fly-by-wire control systems}}" in *Fly-by-wire*: the title and words anyone adds to it
        return f"topic word: “{ans}” is the article's subject with a plain noun"
    in_title = _title_words_in_order(an)
    if len(parts) == 1 and (any(_derived(a, w) for w in in_title)
                            or len(a) >= 8 and a[:8] in {w[:8] for w in in_title if len(w) >= 8}):
        return f"topic word: “{ans}” is the title's own word in another form"
    if len(parts) >= 2 and title.replace("-", " ").startswith(a.replace("-", " ") + " "):
        # "{{supply chain}}" in *Supply-chain management* (held-48): the title without its last word
        return f"topic word: “{ans}” is the article's subject without its last word"
    if 2 <= len(parts) == len(in_title) and all(p == t or _derived(p, t) for p, t in zip(parts, in_title)):
        # "{{Computer programmers}} are those who write computer software" in *Computer programming* (held-47)
        return f"topic word: “{ans}” is the title in another form"
    if len(parts) == 2 and in_title and _derived(parts[0], in_title[-1]) \
            and not _derived(parts[1], in_title[-1]) and len(parts[1]) >= 3 \
            and max(lx.zipf(parts[1]), lx.zipf(ans.split()[-1].lower())) >= 3.4:
        # "{{dyslexic children}}", "{{dyslexic learners}}", "{{aerodynamics regimes}}" (held-11: "gaps the topic
        # phrase"): the subject's own word before a plain noun. Not "{{index fossils}}" in *Fossil*: a kind of it.
        return f"topic word: “{ans}” is the article's subject with a plain word"
    subject = _subject_phrase(an)
    if subject and (a.rstrip("s") == subject.rstrip("s") or a.rstrip("s") == subject.split()[-1].rstrip("s")):
        # "The {{skinhead subculture|subculture}} was revived …", "split the {{subculture}}" in *Skinhead*, whose first
        # sentence is "The skinhead subculture originated …" (held-19: "'subculture' is the topic word")
        return f"topic word: “{ans}” is the article's subject as its first sentence names it"
    other = other_names(an)
    if len(parts) == 1 and any(a == w or _derived(a, w) for w in other) \
            or len(parts) == 2 and any(parts[0] == w or _derived(parts[0], w) for w in other) \
            and lx.zipf(parts[1]) >= 3.4:
        # "{{crucifers}}", "{{mustards}}", "{{cruciferous vegetables}}" in *Brassicaceae*, "commonly known as the
        # mustards, the crucifers, or the cabbage family" (held-15: "the blank is the family's own common name");
        # "{{lanky moss}}" in *Rhytidiadelphus loreus*, "also commonly known as lanky moss" (held-53)
        return f"topic word: “{ans}” is another name the article gives its subject"
    for acronym in (w for w in re.findall(r"[\w-]+", an.article.title) if lx.is_acronym(w)):
        spelled = ans[:1].casefold() == acronym[:1].casefold() and acronym not in ans and len(parts) <= len(acronym) \
            and _best_long_form(acronym, ans) == ans  # "Deoxyribonucleic acid" in *DNA*, not "CRISPR loci"
        if len(parts) > 1 and (an.pair_of(ans) == acronym or spelled):
            return f"topic word: “{ans}” spells out the title ({acronym})"
    return None


# "X or Y is …", "X (or Y) is …", "X, also known as Y, …", "X, also commonly known as Y, …" (held-53: "{{lanky
# moss}}" asked the subject's own common name), "… commonly known as the A, the B, or the C": the lead sentence's
# other names for its subject.
_OTHER_NAME = (r"^\W*(?:the\s+)?{title}\s*(?:\((?:\s*|[A-Z][A-Za-z]{{1,6}})\)\s*)?(?:,?\s*\(?\s*(?:or|also\s+"
               r"(?:commonly\s+|often\s+)?(?:known as|called)|commonly\s+(?:known as|called)|aka)\s+"
               r"(?P<alias>[^,()]{{3,40}}?)\s*(?:\((?:\s*|[A-Z][A-Za-z]{{1,6}})\)|\))?\s*,?)?\s+"
               r"(?:is|are|was|were)\b(?P<rest>.*)$")
_KNOWN_AS = re.compile(r"\b(?:commonly|also|often|popularly)\s+(?:known|called|referred to)\s+as\s+(?P<names>[^.;]+)")


def other_names(an: Analysis) -> set[str]:
    """The rare words of the other names the lead sentence gives the article's subject ("Cruciferae", "mustards",
    "crucifers" for *Brassicaceae*); everyday words ("family", "cabbage", "pain") stay askable."""
    cached: set[str] | None = an.__dict__.get("_other_names")
    if cached is not None:
        return cached
    words: set[str] = set()
    lead = an.article.sections[0].sentences[:1] if an.article.sections and an.article.sections[0].sentences else []
    title = re.escape(an.article.title.strip())
    m = re.match(_OTHER_NAME.format(title=title), lead[0].text, re.IGNORECASE) if lead and title else None
    if m:
        names = [m.group("alias") or ""]
        known = _KNOWN_AS.search(m.group("rest"))
        if known:
            names += re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+", known.group("names"))
        for name in names:
            for w in re.findall(r"[^\W\d_][\w-]*", name):
                low = w.casefold()
                if low not in lx.STOP_WORDS and low not in lx.GENERIC_WORDS and lx.zipf(low) < 3.5 and len(low) >= 5:
                    words.add(low)
    an.__dict__["_other_names"] = words
    return words


def _subject_phrase(an: Analysis) -> str | None:
    """The first sentence's subject when it is the title and one noun more ("The skinhead subculture originated …")."""
    first = an.article.sections[0].sentences[0] if an.article.sections and an.article.sections[0].sentences else None
    if first is None:
        return None
    title = norm(an.article.title)
    spans = an.spans.get(first.id, [])
    words = spans[0].text.split() if spans else []
    opens = spans and re.match(r"^\W*(?:the\s+|an?\s+)?$", first.text[:spans[0].start], re.IGNORECASE)
    if opens and norm(spans[0].text).startswith(title + " ") and len(words) == len(title.split()) + 1 \
            and "NOUN" in lx.lemmas(words[-1].lower()):
        return norm(spans[0].text)
    return None


def title_words(an: Analysis) -> set[str]:
    """The title's words, lower case, without function words."""
    return set(_title_words_in_order(an))


def _title_words_in_order(an: Analysis) -> list[str]:
    title = an.full_title or an.article.title  # "medication" of "Testosterone (medication)" is no gap either
    return [w.casefold() for w in re.findall(r"[^\W\d_][\w-]*", title) if w.casefold() not in lx.STOP_WORDS]


_SUFFIXES = frozenset("s es e o os ic ics ical ically ia ial ias iac iacs ies ification ifications ified al ally ist ists "
                      "ism ian ians ous ed ing ity ize ized ization ise ised isation er ers".split())


def _derived(word: str, title_word: str) -> bool:
    """`word` is the title word in another form: "dyslexic(s)" of dyslexia, "mummification" of mummy, "haemophiliac"
    of haemophilia, "crusaders" of crusades; not "neurofilaments" of neuron nor "candidemia" of candidiasis."""
    if len(title_word) < 5 or not title_word.isalpha():
        return False  # short words have too many neighbours ("cell", "gene")
    base = re.sub(r"[aeiouy]+$", "", re.sub(r"(?:s|ing|ism)$", "", title_word))  # "smelt" of smelting, "albin"
    return word.startswith(base) and (word[len(base):] == "" or word[len(base):] in _SUFFIXES)


# and "The withdrawal syndrome can be severe …" in *Gamma-Hydroxybutyric acid* (held-33)
_UNNAMED_SUBJECT = re.compile(r"\bthe (?:[a-z-]+ )?(?:disorder|disease|condition|syndrome|illness)\b", re.IGNORECASE)


def unnamed_subject(an: Analysis, q: Question) -> str | None:
    """"Like most aspects of the disorder, …", "… are born with the disorder" (held-8): the article's subject, which
    the prompt never names."""
    unnamed = _UNNAMED_SUBJECT.search(q.prompt)
    if unnamed is None:
        return None  # most prompts: no need to render the prompt
    shown = q.display_prompt()
    unnamed = _UNNAMED_SUBJECT.search(shown)
    if unnamed and not any(word_in(w, shown.casefold()) for w in title_words(an) | an.topic_words):
        return f"dangling: “{unnamed.group(0)}” stands for the article's subject, which the prompt never names"
    return None


# A lead sentence that goes on about the subject the article opened on: "It was invented by …", "Its capital was …"
_ON_SUBJECT = re.compile(r"^(?:it|its|they|their)\b", re.IGNORECASE)


def opening_subject(an: Analysis, sid: str, plural: bool) -> str | None:
    """What "It" ("They" when `plural`) stands for in the article's opening lines, when the article opens on its
    subject and every sentence in between goes on about it: that subject as a sentence names it. After "The
    phlogiston theory is a superseded scientific theory …", "It was first stated in 1667 by …" speaks of "the
    phlogiston theory"; after "Mozambique was a Portuguese colony …" in *History of Mozambique*, "It gained
    independence …" of "Mozambique". None past the opening lines, where "It" may be anything the text spoke of last,
    after a sentence on something else, or when the number does not agree ("They" after "Peer-to-peer computing")."""
    sentences = an.article.sentences
    opening = [s for s in sentences[:8] if s.section == sentences[0].section]
    at = next((i for i, s in enumerate(opening) if s.id == sid), 0)
    if at == 0:
        return None
    first = lx.LEAD_INS.sub("", sentences[0].text).strip()
    title = an.article.title.strip()
    names = [re.escape(title)] + [re.escape(t) for t in re.findall(r"^History of (.+)$", title)]
    m = re.match(rf"^(?:(?:The|An?)\s+)?({'|'.join(names)})(s?)\b", first, re.IGNORECASE)
    if m is None:
        return None
    between = [lx.LEAD_INS.sub("", s.text).strip() for s in opening[1:at]]
    if not all(_ON_SUBJECT.match(t) or t.lower().startswith(m.group(0).lower()) for t in between):
        return None  # "It" may be what the sentence before spoke of
    name = m.group(1) + m.group(2)
    if plural != name.lower().endswith("s") and plural != (len(name.split()) == 1 and lx.is_plural(name.lower())):
        return None
    written = m.group(0)
    word = written.split()[0]
    # "the phlogiston theory", "a slot machine", "genetics"; a name keeps its capital ("Mozambique")
    return written[:1].lower() + written[1:] if word in ("The", "A", "An") or lx.lemmas(word.lower()) else written
