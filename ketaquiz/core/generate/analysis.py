"""Analyse an article once: terms per sentence with scores, kinds, acronyms, the topic word."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..article import Article, Section, Sentence
from . import lexicon as lx
from .categories import Kinds, find_kinds
from .terms import Span, TermInfo, acronym_pairs, find_terms, norm, score_term

MIN_TERM_SCORE = 0.9


@dataclass
class Analysis:
    article: Article
    spans: dict[str, list[Span]] = field(default_factory=dict)  # sentence id → term spans
    terms: dict[str, TermInfo] = field(default_factory=dict)  # norm → info
    kinds: Kinds = field(default_factory=Kinds)
    acronyms: dict[str, str] = field(default_factory=dict)  # short → long
    topic_words: set[str] = field(default_factory=set)
    full_title: str = ""  # the title as written, with a disambiguating parenthesis ("Testosterone (medication)")
    sentence: dict[str, Sentence] = field(default_factory=dict)
    previous: dict[str, Sentence | None] = field(default_factory=dict)  # previous sentence in the same section
    folded_text: str = ""
    _expansions: dict[str, str] | None = None

    def score(self, term: str) -> float:
        info = self.terms.get(norm(term))
        return info.score if info else 0.0

    def key_terms(self, section: Section, limit: int = 12) -> list[str]:
        """The best terms of a section, best first."""
        seen: dict[str, float] = {}
        for s in section.sentences:
            for sp in self.spans.get(s.id, []):
                k = norm(sp.text)
                if k in self.terms and self.terms[k].score >= MIN_TERM_SCORE:
                    seen[self.terms[k].text] = self.terms[k].score
        return [t for t, _ in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]

    def pair_of(self, term: str) -> str | None:
        """The acronym's expansion or the expansion's acronym."""
        if term in self.acronyms:
            return self.acronyms[term]
        if not self.acronyms:
            return None
        if self._expansions is None:
            self._expansions = {norm(long): short for short, long in self.acronyms.items()}
        return self._expansions.get(norm(term))

    def in_article(self, statement: str) -> bool:
        """True when the statement (quotes and spaces folded, case-insensitive) occurs in the article."""
        return fold(statement).rstrip(".") in self.folded_text


def list_runs(section: Section) -> list[tuple[Sentence | None, list[Sentence]]]:
    """Each bullet or numbered list of a section with the sentence that introduces it."""
    runs: list[tuple[Sentence | None, list[Sentence]]] = []
    prev: Sentence | None = None
    current: list[Sentence] = []
    intro: Sentence | None = None
    for s in section.sentences:
        if s.list_item:
            if not current:
                intro = prev
            current.append(s)
        else:
            if current:
                runs.append((intro, current))
                current = []
            prev = s
    if current:
        runs.append((intro, current))
    return runs


def word_counts(an: Analysis) -> Counter[str]:
    """How often each word (casefolded, split at anything but letters, digits and "_") stands in the article: one
    pass, memoised on the analysis (the worth checks and the accepted forms ask it for hundreds of words)."""
    counts: Counter[str] | None = an.__dict__.get("_word_counts")
    if counts is None:
        counts = an.__dict__["_word_counts"] = Counter(re.findall(r"\w+", an.article.text.casefold()))
    return counts


def fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def analyse(article: Article) -> Analysis:
    """Terms, kinds and acronyms of the whole article (distractors may come from any section).

    The analysis reads the title as the subject's name: a disambiguating parenthesis goes ("Testosterone (medication)"
    is testosterone; held-32's judge found "the side effects of Testosterone (medication)" in a prompt)."""
    full_title = article.title  # its parenthesis still says what the subject is taken as: no gap ("a {{medication}}")
    # not a period: "Cold War (1947–1953)" is that part of the Cold War, and the lead says so
    subject = re.sub(r"\s*\([^()\d]*\)\s*$", "", full_title)
    if subject and subject != full_title:
        article = replace(article, title=subject)
    an = Analysis(article=article, folded_text=fold(article.text), full_title=full_title)
    sentences = article.sentences
    for sec in article.sections:
        prev: Sentence | None = None
        for s in sec.sentences:
            an.sentence[s.id] = s
            an.previous[s.id] = prev
            prev = s
    an.acronyms = acronym_pairs(article.text)
    word_spread: Counter[str] = Counter()
    for s in sentences:
        spans = find_terms(s.text)
        an.spans[s.id] = spans
        for w in {w.lower() for sp in spans for w in sp.words}:
            word_spread[w] += 1
        for sp in spans:
            k = norm(sp.text)
            info = an.terms.get(k)
            if info is None:
                info = an.terms[k] = TermInfo(k, sp.text)
            info.sentences.add(s.id)
            info.sections.add(s.section)
            # Prefer a non-sentence-initial surface form ("psychotic symptoms", not "Psychotic symptoms").
            if info.text[0].isupper() and not sp.text[0].isupper():
                info.text = sp.text
    title_words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", full_title)} - lx.STOP_WORDS
    n = len(sentences)
    # The topic word: the single-word term found in the most sentences, when it is in > 30% of them.
    singles = sorted(((len(i.sentences), k) for k, i in an.terms.items() if " " not in k), reverse=True)
    an.topic_words = set()
    if singles and n >= 4 and singles[0][0] / n > 0.3:
        an.topic_words.add(singles[0][1].lower())
    an.topic_words |= {w for w in title_words if word_spread.get(w, 0) / max(n, 1) > 0.3}
    for info in an.terms.values():
        info.score = score_term(info, n_sentences=n, topic_words=an.topic_words, word_spread=word_spread)
    lists = []
    for sec in article.sections:
        for _intro, run in list_runs(sec):
            lists.append((sec.slug, [an.spans[s.id] for s in run]))
    an.kinds = find_kinds([(s.id, s.text, an.spans[s.id]) for s in sentences], lists)
    return an


# An auxiliary or an "-ed"/"-es" word: a verb, most likely (the cheap half of `whole_sentence`)
VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|can|may|could|would|will|does|do|did)\b|\w(?:ed|es)\b", re.IGNORECASE
)


_NOT_BEFORE_VERB = frozenset("a an the of to for with by in on at from into this that these those its their his her "
                             "our your my every each no some any".split())


@functools.lru_cache(maxsize=4096)
def whole_sentence(text: str) -> bool:
    """A sentence with a subject and a verb, not a heading, a label or a list item's name.

    An auxiliary or an "-ed"/"-es" word settles it; otherwise a word that can be a verb where a verb can stand (not
    after "the", "of", "to" …): "Microeconomics shows conditions …", "Power in this period became more personal",
    "The multiple redundant flight control computers continuously monitor each other's output" (held-1 to held-8:
    one sentence in fourteen was read as a fragment and never asked). "Early Babylonia (19th to 18th century BC)"
    and "John de Vere, 7th Earl of Oxford" have none.
    """
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False  # a quotation ("“The politicians created …") is someone's wording, not the text's fact
    if re.match(r"(?:Can|Could|May|Might|Must|Should|Will|Would|Is|Are|Was|Were)\s+(?:be|also|often|only)\b", text) \
            and not text.rstrip().endswith("?"):
        return False  # "Can be manufactured from base oil …" (held-16): a table cell or a list's line, no subject
    if re.search(r"\b(?:of|to|in|at|by|for|with|from|as|the|a|an)\.\s*$", text) or re.search(r"\w[\^_](?:\W|$)", text):
        return False  # text lost in extraction: "with a resulting half-life of.", "from P_.", "called att^." (held-17)
    if re.match(r"[A-Z][a-z]+ed\s+(?:by|from|with|using)\b[^,;]*$", text):
        return False  # "Manufactured by hydrocracking and … dewaxing processes." (held-16): no subject, no verb
    if VERBISH.search(text):
        return True
    tokens = re.findall(r"[A-Za-z][a-z'-]*", text)
    for before, word in zip(tokens, tokens[1:]):
        if not word.islower() or word.endswith(("ing", "wn", "en")) or before.lower() in _NOT_BEFORE_VERB \
                or word in lx.STOP_WORDS:
            continue  # "One known symbiosis …": a participle describes a noun
        classes = lx.lemmas(word)
        if "VERB" in classes and "ADV" not in classes and "ADJ" not in classes:  # not "well", "open"
            return True
    return False
