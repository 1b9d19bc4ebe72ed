"""CSV export of the review history and of per-question scores: the content a spreadsheet would show."""

from __future__ import annotations

import csv
from datetime import timedelta

from ketaquiz.core.history_export import QUESTION_COLUMNS, REVIEW_COLUMNS, export_history


def read(path):
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(text.splitlines()))


def test_review_history_csv(store, clock, tmp_path):
    keys = [k for k, _q in store.questions("ketamine")][:2]
    now = clock()
    with store.write():
        for k, hours, correct in [(keys[1], 1, 0), (keys[0], 3, 1)]:
            sid, _qid, topic = store.question_ref(k)
            store.conn.execute(
                "INSERT INTO reviews (question, set_id, topic, reviewed_at, rating, correct, response, duration_ms, "
                "state_before, card_before) VALUES (?, ?, ?, ?, ?, ?, ?, 5200, 0, '[0, null, null, null, null, null, 0, 0]')",
                (k, sid, topic, (now - timedelta(hours=hours)).timestamp(), 3 if correct else 1, correct, '"réponse, « quoted »"'),
            )
    out = tmp_path / "reviews.csv"
    assert export_history(store, out, now) == 2
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets then read the accents right
    rows = read(out)
    assert list(rows[0]) == REVIEW_COLUMNS
    first, second = rows
    assert first["question"] == store.question_ref(keys[0])[1] and first["reviewed_at"] == "2026-03-02T06:00:00+00:00"
    assert first["rating"] == "good" and first["correct"] == "1" and first["state_before"] == "new"
    assert first["prompt"] == store.question(keys[0]).prompt
    assert second["rating"] == "again" and second["correct"] == "0" and second["duration_ms"] == "5200"
    assert second["response"] == '"réponse, « quoted »"'


def test_per_question_scores_csv(store, clock, tmp_path):
    keys = [k for k, _q in store.questions("ketamine")]
    k = keys[0]
    now = clock()
    t = now.timestamp()
    with store.write():
        store.conn.execute("UPDATE cards SET state = 2, stability = 4, difficulty = 5.5, last_review = ?, due = ?, "
                           "lapses = 1 WHERE question = ?", (t - 4 * 86400, t + 86400, k))
        sid, _qid, topic = store.question_ref(k)
        for correct in (1, 1, 0, 1):
            store.conn.execute(
                "INSERT INTO reviews (question, set_id, topic, reviewed_at, rating, correct, state_before, card_before) "
                "VALUES (?, ?, ?, ?, 3, ?, 2, '[2, null, 4, 5, null, null, 0, 0]')", (k, sid, topic, t - 86400, correct))
    out = tmp_path / "questions.csv"
    assert export_history(store, out, now, kind="questions", set_id="ketamine") == len(keys)
    rows = read(out)
    assert list(rows[0]) == QUESTION_COLUMNS
    row = next(r for r in rows if r["question"] == store.question_ref(k)[1])
    assert (row["state"], row["reviews"], row["correct"], row["accuracy"], row["lapses"]) == ("review", "4", "3", "0.750", "1")
    assert row["retrievability"] == "0.900" and row["stability_days"] == "4.00" and row["difficulty"] == "5.50"
    untouched = next(r for r in rows if r["question"] == store.question_ref(keys[1])[1])
    assert untouched["state"] == "new" and untouched["reviews"] == "0" and untouched["retrievability"] == ""
