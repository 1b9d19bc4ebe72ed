"""One way for a screen to read or change data off the UI thread (Anki's `CollectionOp` and `QueryOp` are the model).

A screen makes an `Operation` over a function of a store, says what to do with the outcome, and runs it:

    Operation(ctx, lambda store, report: dashboard(store, now), kind="scores").on_success(self._show).run(self)

* The work runs on a worker thread with its own store connection (SQLite connections stay in their thread), opened
  on the profile open when it started and closed when it ends; `Operation.without_store` runs work that needs none
  (reading a file). `report(text)` from the work reaches `on_progress`, on the UI thread.
* Only the newest result of a `kind` is applied (kinds are per initiator: two Scores pages do not supersede each
  other's figures). By default operations of a kind run one at a time: a request made
  while one runs waits for it (and replaces a request already waiting), and the result of the one that ran is then
  dropped. With `at_once=True` a request starts at once (reading the set just chosen need not wait for the read
  of the one chosen before), and an older one's result is dropped when it comes.
* A store-bound result is dropped, too, when its store is no longer the open one (another profile, a restored
  backup) or the app has closed: it would describe data no longer on screen. Any result is dropped when its
  initiator (the screen that ran it, a QObject) has been destroyed meanwhile, or the screen abandoned it.
* An error goes to `on_failure` when the screen gave one (and to the log); otherwise to `sys.excepthook`, whose crash
  reporter logs and shows it. An error is never swallowed.
* On success, `on_success` gets the result; then, when the operation says what it changed, one `Changes` notice
  (with its initiator) goes out through `AppContext.notify`, and the screens refresh from it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

from .changes import Changes
from .workers import Job, Report, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..core.store import Store
    from .context import AppContext

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Lane:
    """The operations of one kind: the newest request, and (one at a time) the one running and the one waiting."""

    newest: Operation | None = None
    running: Operation | None = None
    waiting: Operation | None = None


class Operation(Generic[T]):
    """Work on a worker thread with its own store; its outcome handled on the UI thread (see the module)."""

    def __init__(self, ctx: AppContext, work: Callable[[Store, Report], T], *, kind: str | None = None,
                 at_once: bool = False, changes: Changes | Callable[[T], Changes] | None = None,
                 what: str = "") -> None:
        self.ctx = ctx
        self.kind = kind
        self.at_once = at_once
        self.changes = changes
        self.what = what or kind or getattr(work, "__name__", "operation")
        self.state = "new"  # new, waiting, running, done, failed, dropped
        self.result: T | None = None
        self.error: BaseException | None = None
        self.initiator: object | None = None
        self._work = work
        self._bound = True  # the outcome belongs to the store open when it started
        self._unbound: Callable[[Report], T] | None = None  # without_store's work: run as is, no store opened
        self._store: Store | None = None
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[BaseException], object] | None = None
        self._expected: tuple[type[BaseException], ...] = ()
        self._progress: Callable[[str], object] | None = None
        self._end: list[Callable[[Operation[T]], object]] = []
        self._abandoned = False
        self.job: Job | None = None

    @classmethod
    def without_store(cls, ctx: AppContext, work: Callable[[Report], T], *, kind: str | None = None,
                      at_once: bool = False, changes: Changes | Callable[[T], Changes] | None = None,
                      what: str = "") -> Operation[T]:
        """Work that opens no store (reading a file), or opens its own; its result is applied whichever profile is
        open then."""
        op = cls(ctx, lambda _store, report: work(report), kind=kind, at_once=at_once, changes=changes,
                 what=what or getattr(work, "__name__", ""))
        op._bound, op._unbound = False, work
        return op

    # --- what to do with the outcome (each returns the operation, to chain) ---------------------------------
    def on_success(self, fn: Callable[[T], object]) -> Operation[T]:
        self._success = fn
        return self

    def on_failure(self, fn: Callable[[BaseException], object],
                   expected: tuple[type[BaseException], ...] = (Exception,)) -> Operation[T]:
        """Handle an error of the `expected` types (say it on the screen); any other error (a bug, say) goes to
        sys.excepthook, as it does without this."""
        self._failure, self._expected = fn, expected
        return self

    def on_progress(self, fn: Callable[[str], object]) -> Operation[T]:
        self._progress = fn
        return self

    def on_end(self, fn: Callable[[Operation[T]], object]) -> Operation[T]:
        """Called however it ends: applied, failed, or dropped (superseded, its profile gone)."""
        self._end.append(fn)
        return self

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed", "dropped")

    def abandon(self) -> None:
        """The screen no longer wants the outcome (it is closing): it is dropped when it comes, unhandled."""
        self._abandoned = True
        lane = self._lane()
        if lane is not None and lane.waiting is self:
            lane.waiting = None
            self._drop("abandoned before it ran")

    def wait(self, ms: int) -> bool:
        """Wait up to `ms` on the UI thread for it to end (its outcome handled here); True when it has."""
        if self.job is not None and self.state == "running":
            self.job.settle(ms)
        return self.finished

    # --- running ------------------------------------------------------------------------------------------------
    def run(self, initiator: object | None = None, *, settle_ms: int = 0) -> Operation[T]:
        """Start it in the background (after the running one of its kind). With `settle_ms`, wait that long on the
        UI thread first: quick work then ends here, with no busy state flashing by."""
        self.initiator = initiator
        lane = self._lane()
        if lane is not None:
            lane.newest = self
        if lane is not None and not self.at_once and lane.running is not None:
            if lane.waiting is not None:
                lane.waiting._drop("superseded before it ran")
            lane.waiting = self
            self.state = "waiting"
            return self
        self._start(lane)
        self.wait(settle_ms)
        return self

    def run_modal(self, parent: QWidget | None, title: str, heading: str, *, initiator: object | None = None,
                  grace_ms: int = 100) -> Operation[T]:
        """Run it behind a modal progress dialog (shown past `grace_ms`) and return once it is over."""
        assert self.kind is None, "a modal operation runs at once: it has no kind to wait in"
        self.initiator = initiator
        self._start(None, go=False)
        assert self.job is not None
        run_with_progress(self.job, parent, title, heading, grace_ms=grace_ms)
        return self

    def _lane(self) -> Lane | None:
        if self.kind is None:
            return None
        return self.ctx.lanes.setdefault((self.kind, id(self.initiator)), Lane())

    def _start(self, lane: Lane | None, *, go: bool = True) -> None:
        ctx, work = self.ctx, self._work
        data, profile, clock = ctx.data, ctx.profile, ctx.clock
        self._store = ctx.store
        unbound = self._unbound

        def in_worker(report: Report) -> T:
            if unbound is not None:
                return unbound(report)
            store = data.open_store(profile, clock=clock)  # its own connection: SQLite's stay in their thread
            try:
                return work(store, report)
            finally:
                store.close()

        job = self.job = Job(in_worker)
        if self._progress is not None:
            job.progress.connect(self._progress)
        job.done.connect(lambda _job: self._finished(lane))
        if lane is not None and not self.at_once:
            lane.running = self
        self.state = "running"
        if go:
            job.start()

    def _finished(self, lane: Lane | None) -> None:
        job = self.job
        assert job is not None
        if lane is not None and not self.at_once:
            lane.running = None
            waiting, lane.waiting = lane.waiting, None
            if waiting is not None:
                self._drop("superseded by a newer request")
                if self.ctx.closed:
                    waiting._drop("the app closed meanwhile")
                else:
                    waiting._start(lane)
                return
        if lane is not None and lane.newest is not self:
            self._drop("superseded by a newer request")
        elif self._abandoned:
            self._drop("abandoned by its screen")
        elif isinstance(self.initiator, QObject) and not isValid(self.initiator):
            self._drop("its screen is gone")
        elif self.ctx.closed:
            self._drop("the app closed meanwhile")
        elif self._bound and self.ctx.store is not self._store:
            self._drop("another profile (or a restored backup) is open now")
        elif job.error is not None:
            self._failed(job.error)
        else:
            self._succeeded(job.result)

    def _drop(self, why: str) -> None:
        error = self.job.error if self.job is not None else None
        if error is not None:  # not wanted any more, but an error is still logged (a bug shows there)
            log.warning("%s failed (its result was no longer wanted: %s): %s", self.what, why, error, exc_info=error)
        else:
            log.debug("%s: result dropped, %s", self.what, why)
        self.state = "dropped"
        self._ended()

    def _failed(self, error: BaseException) -> None:
        self.state, self.error = "failed", error
        try:
            if self._failure is None or not isinstance(error, self._expected):
                sys.excepthook(type(error), error, error.__traceback__)  # logged and shown by the crash reporter
            else:
                log.warning("%s failed: %s", self.what, error, exc_info=error)
                self._failure(error)
        finally:
            self._ended()

    def _succeeded(self, result: T) -> None:
        self.state, self.result = "done", result
        try:
            if self._success is not None:
                self._success(result)
            changes = self.changes(result) if callable(self.changes) else self.changes
            if changes:
                self.ctx.notify(changes, self.initiator)
        finally:
            self._ended()

    def _ended(self) -> None:
        for fn in self._end:
            fn(self)
