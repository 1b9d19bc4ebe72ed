"""Properties that must hold for any input, checked with hypothesis."""

import os
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ketaquiz.core.article import find_quote, parse_article
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import parse_set, set_to_text

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(prompt=text, answer=text, explanation=text, source=text, tags=st.lists(text, max_size=3))
def test_any_text_survives_a_set_file_round_trip(prompt, answer, explanation, source, tags):
    q = Question("q1", "t", "short", prompt, answer, explanation=explanation, source=source, tags=tags)
    qset = QuestionSet("s", "Title", topics=[Topic("t", "T")], questions=[q])
    back = parse_set(set_to_text(qset))
    assert back.questions[0].to_dict() == q.to_dict()


words = st.text(st.sampled_from("abcdefghij KLMNO"), min_size=1, max_size=12).map(str.strip).filter(bool)
sentence = st.builds(lambda ws, end: " ".join(ws).capitalize() + end, st.lists(words, min_size=2, max_size=8), st.sampled_from([".", "!", "?"]))


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=1, max_size=4))
def test_every_parsed_sentence_is_found_at_its_offsets(paragraphs):
    body = os.linesep.join(" ".join(p) for p in paragraphs).replace("\r", "")
    art = parse_article(body)
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text
        assert find_quote(art.text, s.text) is not None


@given(prompt=st.text(), answer=st.one_of(st.text(), st.booleans(), st.lists(st.text(), max_size=3)),
       tags=st.lists(st.text(), max_size=3))
def test_stored_question_form_matches_what_older_versions_wrote(prompt, answer, tags):
    """Rows written before orjson (json.dumps) must compare equal, or every sync would rewrite every question."""
    import json

    from ketaquiz.core.store.database import _json_text

    q = Question(id="q", topic="t", type="short", prompt=prompt, answer=answer, tags=tags)
    d = q.to_dict()
    assert _json_text(d, sort_keys=True) == json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_stored_question_form_copes_with_a_lone_surrogate():
    from ketaquiz.core.store.database import _json_text

    assert _json_text({"prompt": "a\ud800b"}, sort_keys=True) == '{"prompt":"a\ud800b"}'


def _normalize_answer_as_first_written(text: str) -> str:
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:!?\"'()[]")
    return re.sub(r"^(?:the|a|an) ", "", text)


answer_text = st.one_of(
    st.text(),
    st.text(st.sampled_from("aAbé e\u0301 \t\n\u00a0\u2003’‘'\".,;()Thean"), max_size=20),
    st.text(st.characters(max_codepoint=127), max_size=20),
)


@settings(max_examples=300, deadline=None)
@given(answer_text)
def test_answer_normalisation_is_unchanged_by_its_ascii_fast_path(text):
    from ketaquiz.core.grading import normalize_answer

    assert normalize_answer(text) == _normalize_answer_as_first_written(text)


@settings(max_examples=80, deadline=None)
@example(prompt="0", answer="0", explanation="0", source="0", tags=[], choices=["0", "1", "00"], title="[[questions]]",
         comment="0")  # a title that reads like the questions' header (Hypothesis found it)
@given(prompt=text, answer=text, explanation=text, source=text, tags=st.lists(text, max_size=3),
       choices=st.lists(text, min_size=3, max_size=3, unique=True), title=text, comment=text)
def test_saving_over_a_hand_edited_file_keeps_its_comments(tmp_path_factory, prompt, answer, explanation, source, tags,
                                                            choices, title, comment):
    """Any text a question holds is written and read back the same, and a save over a file keeps the comments
    of the questions it does not change."""
    from ketaquiz.core.setfile import read_set, write_set

    qs = [Question("q1", "t", "short", prompt, answer, explanation=explanation, source=source, tags=tags),
          Question("q2", "t", "choice", prompt, choices[0], choices=choices),
          Question("q3", "t", "order", prompt, None, items=choices, tags=tags),
          Question("q4", "t", "truefalse", prompt, True)]
    qset = QuestionSet("s", title, topics=[Topic("t", title)], questions=qs)
    path = tmp_path_factory.mktemp("save") / "set.toml"
    note = "# " + "".join(c for c in comment if c.isprintable())  # TOML comments take no control characters
    # before the first question's header line, not inside a title that reads "[[questions]]" (Hypothesis found one)
    text = re.sub(r"^\[\[questions\]\]$", lambda m: note + "\n[[questions]]", set_to_text(qset), count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    back = read_set(path)
    assert [q.to_dict() for q in back.questions] == [q.to_dict() for q in qs]
    back.questions[3].answer = False
    write_set(back, path)
    saved = path.read_text(encoding="utf-8")
    assert note + "\n[[questions]]" in saved
    assert [q.to_dict() for q in read_set(path).questions] == [q.to_dict() for q in back.questions]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([0, 1, 2, 3]),
    st.floats(0.1, 400), st.floats(1, 10), st.floats(0, 200), st.integers(1, 4), st.integers(0, 2),
)
def test_scheduling_is_what_fsrs_schedules_on_its_own_card(state, stability, difficulty, days_since, rating, step):
    """CardState → fsrs (through a Card that copies cheaply) → CardState gives fsrs's own result, and fsrs works
    on a copy: the card handed to it is left as it was."""
    from copy import copy
    from datetime import datetime, timedelta, timezone

    import fsrs

    from ketaquiz.core.scheduling import CardState, Settings, make_scheduler, review

    now = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
    last = (now - timedelta(days=days_since)).timestamp()
    before = CardState(state, None if state in (0, 2) else step, None if state == 0 else stability,
                       None if state == 0 else difficulty, None if state == 0 else last + 86400,
                       None if state == 0 else last, 3, 1)
    scheduler = make_scheduler(Settings(fuzz=False))
    ours = review(scheduler, 7, before, fsrs.Rating(rating), now)
    plain = fsrs.Card(7, fsrs.State.Learning, 0, due=now) if state == 0 else fsrs.Card(
        7, fsrs.State(state), before.step, stability, difficulty, datetime.fromtimestamp(last + 86400, timezone.utc),
        datetime.fromtimestamp(last, timezone.utc))
    theirs, _log = scheduler.review_card(plain, fsrs.Rating(rating), review_datetime=now)
    assert (ours.state, ours.step, ours.stability, ours.difficulty, ours.due, ours.last_review) == (
        theirs.state.value, theirs.step, theirs.stability, theirs.difficulty, theirs.due.timestamp(),
        theirs.last_review.timestamp())
    handed = before.to_fsrs(7, now)
    kept = dict(vars(handed))
    scheduler.review_card(handed, fsrs.Rating(rating), review_datetime=now)
    assert vars(handed) == kept and vars(copy(handed)) == kept and copy(handed) is not handed
