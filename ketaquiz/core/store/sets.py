"""Sets in the store: loading a set file (its questions, topics and cards), listing, deleting, purging."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bulk import gc_paused
from ..questions import QuestionSet
from .database import StoreBase, _json_text
from .files import _unchanged_since, file_hash, file_stat
from .schema import SUSPENDED


@dataclass(frozen=True)
class SyncResult:
    """What loading a set into the store changed."""

    added: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0
    skipped: bool = False  # the file had not changed since the last sync


@dataclass(frozen=True)
class SetInfo:
    id: str
    title: str
    path: str | None
    article_path: str | None
    bundled: bool
    deleted: bool


@dataclass(frozen=True)
class TopicInfo:
    set_id: str
    id: str
    title: str
    section: str



class _Sets(StoreBase):
    """Sets and their topics."""

    def sync_set(self, qset: QuestionSet, *, bundled: bool = False, force: bool = False) -> SyncResult:
        """Load a set: add new questions, update changed ones (progress kept), retire removed ones."""
        stat = file_stat(qset.path) if qset.path else None  # taken before the hash: a write after shows later
        digest = file_hash(qset.path) if qset.path and qset.path.exists() else None
        existing = self.conn.execute("SELECT file_hash, deleted FROM sets WHERE id = ?", (qset.id,)).fetchone()
        if not force and digest and existing and existing[0] == digest and not existing[1]:
            return SyncResult(skipped=True)
        now = self.clock().timestamp()
        added = updated = unchanged = 0
        with gc_paused(), self.write():
            self.db.table("sets").upsert(
                {
                    "id": qset.id,
                    "title": qset.title,
                    "path": str(qset.path) if qset.path else None,
                    "article_path": str(qset.article_path()) if qset.article_path() else None,
                    "bundled": int(bundled),
                    "deleted": 0,
                    "file_hash": digest,
                    "file_stat": stat if digest else None,
                    "synced_at": now,
                },
                pk="id",
            )
            self.conn.execute("DELETE FROM topics WHERE set_id = ?", (qset.id,))
            topics = qset.topics or [
                _topic for _topic in _topics_from_questions(qset)
            ]
            self.conn.executemany(
                "INSERT INTO topics (set_id, id, title, section, position) VALUES (?, ?, ?, ?, ?)",
                [(qset.id, t.id, t.title, t.section or t.id, i) for i, t in enumerate(topics)],
            )
            old = {
                row[0]: (row[1], row[2], row[3], row[4], row[5], row[6])
                for row in self.conn.execute(
                    "SELECT id, key, data, topic, type, position, retired FROM questions WHERE set_id = ?", (qset.id,)
                )
            }
            new_rows = []
            seen: set[str] = set()
            for pos, q in enumerate(qset.questions):
                if q.id in seen:
                    continue
                seen.add(q.id)
                data = _json_text(q.to_dict(), sort_keys=True)
                if q.id in old:
                    key, odata, otopic, otype, opos, oretired = old[q.id]
                    if (odata, otopic, otype, opos, oretired) == (data, q.topic, q.type, pos, 0):
                        unchanged += 1
                        continue
                    self.conn.execute(
                        "UPDATE questions SET data = ?, topic = ?, type = ?, position = ?, retired = 0, updated_at = ? WHERE key = ?",
                        (data, q.topic, q.type, pos, now, key),
                    )
                    self.conn.execute(
                        # A suspended card stays suspended; a retired one comes back.
                        "UPDATE cards SET topic = ?, position = ?, retired = CASE retired WHEN ? THEN ? ELSE 0 END "
                        "WHERE question = ?", (q.topic, pos, SUSPENDED, SUSPENDED, key),
                    )
                    updated += 1
                else:
                    new_rows.append((qset.id, q.id, q.topic, q.type, pos, data, now))
            if new_rows:
                self.conn.executemany(
                    "INSERT INTO questions (set_id, id, topic, type, position, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new_rows,
                )
                self.conn.execute(
                    "INSERT INTO cards (question, set_id, topic, position) SELECT key, set_id, topic, position "
                    "FROM questions q WHERE set_id = ? AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.question = q.key)",
                    (qset.id,),
                )
                added = len(new_rows)
            gone = [old[qid][0] for qid in old if qid not in seen and not old[qid][5]]
            self.conn.executemany("UPDATE questions SET retired = 1, updated_at = ? WHERE key = ?", [(now, k) for k in gone])
            self.conn.executemany("UPDATE cards SET retired = 1 WHERE question = ?", [(k,) for k in gone])
        return SyncResult(added=added, updated=updated, retired=len(gone), unchanged=unchanged)

    def is_synced(self, path: Path) -> bool:
        """True when this set file is loaded and unchanged since (its contents hash the same)."""
        row = self.conn.execute("SELECT file_hash, file_stat FROM sets WHERE path = ? AND deleted = 0", (str(path),)).fetchone()
        if not (row and row[0]):
            return False
        if _unchanged_since(path, row[1]):
            return True  # the same file as hashed, unread
        stat = file_stat(path)
        if stat is None or row[0] != file_hash(path):
            return False
        if _unchanged_since(path, stat):  # read and found the same: its stat will do from now on (one statement,
            # its own transaction, in plain SQL: a start need not load sqlite-utils for it)
            with self.write() as c:
                c.execute("UPDATE sets SET file_stat = ? WHERE path = ? AND deleted = 0", (stat, str(path)))
        return True

    def sets(self, include_deleted: bool = False) -> list[SetInfo]:
        sql = "SELECT id, title, path, article_path, bundled, deleted FROM sets"
        if not include_deleted:
            sql += " WHERE deleted = 0"
        sql += " ORDER BY bundled DESC, title"
        return [SetInfo(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in self.conn.execute(sql)]

    def set_info(self, set_id: str) -> SetInfo | None:
        r = self.conn.execute(
            "SELECT id, title, path, article_path, bundled, deleted FROM sets WHERE id = ?", (set_id,)
        ).fetchone()
        return None if r is None else SetInfo(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]))

    def mark_set_deleted(self, set_id: str, deleted: bool = True) -> None:
        """Hide a set; its progress is kept until purge_set."""
        with self.write():
            self.conn.execute("UPDATE sets SET deleted = ?, file_hash = NULL, file_stat = NULL WHERE id = ?", (int(deleted), set_id))

    def purge_set(self, set_id: str) -> None:
        """Remove a set and all of its progress for good."""
        c = self.conn
        with self.write():
            # The log holds no foreign key to its questions (schema v7): its rows go by their set. The set's
            # totals go whole, so the totals' mark is lowered to 0 meanwhile: the trigger that takes each counted
            # answer out of them then has nothing to do (~1.5 s less for a million answers). Then the mark is put back,
            # no higher than the largest id left, since SQLite hands the ids above it out again.
            upto = c.execute("SELECT upto FROM review_totals_upto").fetchone()[0]
            c.execute("UPDATE review_totals_upto SET upto = 0")
            self._count_removed(c.execute("DELETE FROM reviews WHERE set_id = ?", (set_id,)).rowcount)
            c.execute("DELETE FROM review_totals WHERE set_id = ?", (set_id,))
            c.execute("UPDATE review_totals_upto SET upto = MIN(?, (SELECT COALESCE(MAX(id), 0) FROM reviews))", (upto,))
            c.execute("DELETE FROM sets WHERE id = ?", (set_id,))

    def topics(self, set_id: str) -> list[TopicInfo]:
        return [
            TopicInfo(set_id, r[0], r[1], r[2] or r[0])
            for r in self.conn.execute(
                "SELECT id, title, section FROM topics WHERE set_id = ? ORDER BY position", (set_id,)
            )
        ]


def _topics_from_questions(qset: QuestionSet) -> list[Any]:
    from ..questions import Topic

    seen: list[str] = []
    for q in qset.questions:
        if q.topic and q.topic not in seen:
            seen.append(q.topic)
    return [Topic(id=t, title=t.replace("-", " ").capitalize()) for t in seen]
