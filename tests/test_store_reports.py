"""The store's report queries: every figure a caller reads comes through the store, and so do its errors."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest

from ketaquiz.core.dashboard import dashboard
from ketaquiz.core.history_export import write_questions_csv, write_reviews_csv
from ketaquiz.core.optimize import review_logs
from ketaquiz.core.stats import compute_stats
from ketaquiz.core.store import StoreError

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("read", [
    lambda s: compute_stats(s, NOW),
    lambda s: dashboard(s, NOW),
    lambda s: write_reviews_csv(s, io.StringIO()),
    lambda s: write_questions_csv(s, io.StringIO(), NOW),
    review_logs,
], ids=["stats", "scores", "reviews-csv", "questions-csv", "optimiser"])
def test_a_database_problem_met_by_a_report_is_a_store_error(store, read):
    """(Statistics, the Scores page, the exports and the optimiser ran their own SQL: an sqlite3 error escaped.)"""
    store.conn.close()  # as a database gone bad under a running app: every statement fails
    with pytest.raises(StoreError):
        read(store)
