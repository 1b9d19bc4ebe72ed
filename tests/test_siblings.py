"""Siblings: the set-file field `sibling_group`, and the session holding back a sibling of a question answered today."""

from __future__ import annotations

import json

from ketaquiz.core import exporters
from ketaquiz.core.check import check_path
from ketaquiz.core.importers import import_file
from ketaquiz.core.scheduling import Settings
from ketaquiz.core.session import StudySession
from ketaquiz.core.setfile import read_set, set_to_text

SET = """\
id = "sib"
title = "Siblings"

[[topics]]
id = "t"
title = "T"

[[questions]]
id = "a1"
topic = "t"
type = "short"
prompt = "Which stimulant does coffee contain?"
answer = "caffeine"
sibling_group = "caffeine"

[[questions]]
id = "a2"
topic = "t"
type = "cloze"
prompt = "Coffee contains {{caffeine}}."
sibling_group = "caffeine"

[[questions]]
id = "b1"
topic = "t"
type = "short"
prompt = "What are coffee beans before they are ground?"
answer = "roasted"

[[questions]]
id = "b2"
topic = "t"
type = "truefalse"
prompt = "Beans are ground after roasting."
answer = true
"""


def write(tmp_path, text=SET):
    path = tmp_path / "sib.toml"
    path.write_text(text, encoding="utf-8")
    return path


def loaded(tmp_path, store):
    qset = read_set(write(tmp_path))
    store.sync_set(qset)
    return qset


def right(s):
    q = s.current
    return s.submit({"short": q.answer, "truefalse": q.answer, "cloze": q.correct_answer}[q.type])


def order(s):
    """Question ids in the order the session shows them, answering each right once (repeats left out)."""
    seen = []
    while not s.finished:
        if s.current.id not in seen:
            seen.append(s.current.id)
        right(s)
        s.advance()
    return seen


def session(store, clock, rng, **kw):
    return StudySession(store, clock=clock, rng=rng, settings=Settings(fuzz=False), **kw)


def test_field_is_read_written_and_round_trips(tmp_path):
    qset = read_set(write(tmp_path))
    assert [q.sibling_group for q in qset.questions] == ["caffeine", "caffeine", "", ""]
    text = set_to_text(qset)
    assert text.count('sibling_group = "caffeine"') == 2
    again = read_set(write(tmp_path, text))
    assert [q.sibling_group for q in again.questions] == ["caffeine", "caffeine", "", ""]
    assert check_path(tmp_path / "sib.toml") == []


def test_json_export_and_import_keep_it(tmp_path, data_dir):
    qset = read_set(write(tmp_path))
    exported = json.loads(exporters.export_text(qset, "json"))
    assert [o.get("sibling_group") for o in exported] == ["caffeine", "caffeine", None, None]
    out = exporters.export_set(qset, "json", tmp_path / "sib.json")
    back = read_set(import_file(out, data_dir, set_id="sib-again").path)
    assert [q.sibling_group for q in back.questions] == ["caffeine", "caffeine", "", ""]


def test_bad_values_are_reported_with_the_line(tmp_path):
    text = SET.replace('sibling_group = "caffeine"\n\n[[questions]]\nid = "a2"', 'sibling_group = 3\n\n[[questions]]\nid = "a2"')
    text = text.replace('prompt = "Coffee contains {{caffeine}}."\nsibling_group = "caffeine"',
                        'prompt = "Coffee contains {{caffeine}}."\nsibling_group = "  "')
    problems = check_path(write(tmp_path, text))
    assert [(p.line, p.question, p.field) for p in problems] == [(8, "a1", "sibling_group"), (16, "a2", "sibling_group")]
    assert "text in quotes" in problems[0].message and "empty" in problems[1].message


def test_a_sibling_answered_in_the_session_waits_for_the_rest(tmp_path, memory_store, clock, rng):
    loaded(tmp_path, memory_store)
    # a2 is held back once a1 is answered: shown after b1 and b2, as the only work left (not dropped)
    assert order(session(memory_store, clock, rng)) == ["a1", "b1", "b2", "a2"]


def test_a_sibling_answered_earlier_today_waits_until_tomorrow(tmp_path, memory_store, clock, rng):
    loaded(tmp_path, memory_store)

    def easy(s, n):
        seen = []
        for _ in range(n):
            seen.append(s.current.id)
            right(s)
            s.mark("easy")  # straight to review, days away: no learning step comes back today
            s.advance()
        s.close()
        return seen

    assert easy(session(memory_store, clock, rng, limit=1), 1) == ["a1"]
    clock.advance(hours=2)
    assert easy(session(memory_store, clock, rng, limit=2), 2) == ["b1", "b2"]  # a2 waits (article order: a2 first)
    clock.advance(days=1)
    assert session(memory_store, clock, rng).current.id == "a2"  # tomorrow


def test_a_sibling_limited_out_is_not_shown_beyond_the_limit(tmp_path, memory_store, clock, rng):
    loaded(tmp_path, memory_store)
    memory_store.save_settings(Settings(fuzz=False, new_per_day=3))
    s = StudySession(memory_store, clock=clock, rng=rng)
    assert order(s) == ["a1", "b1", "a2"]  # three new a day: a2 is the third, after b1 (b2 waits for tomorrow)


def test_undo_releases_the_siblings_it_held(tmp_path, memory_store, clock, rng):
    loaded(tmp_path, memory_store)
    s = session(memory_store, clock, rng)
    right(s)
    s.undo()  # a1 again, as if never answered: a2 is next in line again
    assert s.current.id == "a1"
    s.close()
    clock.advance(seconds=5)
    s2 = session(memory_store, clock, rng)
    assert [s2.current.id] == ["a1"]
    right(s2)
    s2.advance()
    assert s2.current.id == "b1"


def test_siblings_are_of_one_set(tmp_path, memory_store, clock, rng):
    loaded(tmp_path, memory_store)
    other = read_set(write(tmp_path / "..", SET.replace('id = "sib"', 'id = "sib2"', 1)))
    memory_store.sync_set(other)
    s = session(memory_store, clock, rng, set_id="sib", limit=1)
    right(s)
    s.close()
    clock.advance(minutes=1)
    s = session(memory_store, clock, rng, set_id="sib2")
    assert s.current.id == "a1"
    right(s)
    s.advance()
    assert s.current.id == "b1"  # a2 of sib2 is held by sib2's a1, not sib's


def test_held_back_siblings_are_not_counted_as_due_now(tmp_path, memory_store, clock, rng):
    from ketaquiz.core.stats import compute_stats

    loaded(tmp_path, memory_store)
    s = session(memory_store, clock, rng)
    while not s.finished:  # every question straight to review, days away
        right(s)
        s.mark("easy")
        s.advance()
    clock.advance(days=200)  # all four due again
    assert compute_stats(memory_store, clock()).due_now == 4
    s = session(memory_store, clock, rng, limit=1)
    assert s.current.id == "a1"
    right(s)
    s.mark("easy")
    s.close()
    st = compute_stats(memory_store, clock())
    # a2 waits until tomorrow (a1 was answered today): Home and `stats` say 2 due now, not 3, and name the held one
    assert st.due_now == 2
    assert st.held_back == 1
    assert session(memory_store, clock, rng).current.id == "b1"
    clock.advance(days=1)
    assert compute_stats(memory_store, clock()).held_back == 0
