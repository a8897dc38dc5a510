"""The store worker: the one thread of a terminal that touches the store, so the screens never wait for it.

Screens hand it commands (Job); it runs them one at a time, first in first out (ballots typed ahead keep their
order and their numbers), and between commands it polls the store for other terminals' events. It never reports to
a screen directly: it posts messages to the app, which applies the new events to the screens' own fold of the log
and tells the screen that asked what came of its command. A command that fails takes with it the commands queued
after it in the same sequence (the ballots typed after a ballot that was not saved would take the wrong numbers).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.message import Message

from ..commands import Outcome, Session

if TYPE_CHECKING:
    from textual.app import App

POLL_SECONDS = 0.25  # how often the worker looks for other terminals' events (a stat of the store file)


@dataclass(eq=False)
class Job:
    """One command of a screen: command(session) runs on the worker; done(outcome), or failed(error, dropped: how
    many jobs of its sequence were dropped with it), on the screen."""

    command: Callable[[Session], Outcome | Any]
    owner: Any  # the screen (or dialog) that asked: told of the outcome, says the error
    done: Callable[[Any], None] | None = None
    failed: Callable[[BaseException, int], None] | None = None
    sequence: str | None = None  # jobs of one sequence depend on each other: a failure drops those queued after
    finished: threading.Event = field(default_factory=threading.Event)


@dataclass(eq=False)
class SyncRequest:
    """Look for other terminals' events now (what the poll does), and say when done."""

    finished: threading.Event = field(default_factory=threading.Event)


class StoreChanged(Message):
    """The log has events the screens have not seen (written here or by another terminal)."""


class CommandDone(Message):
    def __init__(self, job: Job, outcome: Any) -> None:
        super().__init__()
        self.job, self.outcome = job, outcome


class CommandFailed(Message):
    def __init__(self, job: Job, error: BaseException, dropped: list[Job]) -> None:
        super().__init__()
        self.job, self.error, self.dropped = job, error, dropped


class LockWaiting(Message):
    """Another terminal holds the store's lock: the job waits (its screen says so)."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job


class StoreWarned(Message):
    """Something failed after a commit that stands (a backup copy): said, the command succeeded."""

    def __init__(self, warnings: list) -> None:
        super().__init__()
        self.warnings = warnings


class SyncFailed(Message):
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


class StoreWorker:
    def __init__(self, app: App, session: Session, poll: bool = True):
        self.app, self.session, self.poll = app, session, poll
        self.queue: queue.Queue[Job | SyncRequest | None] = queue.Queue()
        self.running: Job | None = None
        self.pending = 0  # jobs submitted whose outcome the screens have not been given yet
        self._lock = threading.Lock()
        self._stop = threading.Event()
        session.on_lock_wait = self._waiting

    # ---- the screens' side (the UI thread) -----------------------------------------------------------------------
    def submit(self, job: Job) -> Job:
        with self._lock:
            self.pending += 1
        self.queue.put(job)
        return job

    def delivered(self, count: int = 1) -> None:
        """The app has handed outcomes (or errors) to their screens."""
        with self._lock:
            self.pending -= count

    def request_sync(self) -> SyncRequest:
        request = SyncRequest()
        self.queue.put(request)
        return request

    @property
    def idle(self) -> bool:
        return self.pending == 0 and self.queue.empty() and self.running is None

    def start(self) -> None:
        # a daemon thread: a terminal closed in the middle of nothing never waits for it; stop() lets a command
        # under way finish first
        self._thread = threading.Thread(target=self.serve, name="runsheet-store", daemon=True)
        self._thread.start()

    def stop(self, wait: float = 20.0) -> None:
        """No more commands; the one under way (and those queued) are finished first, for up to wait seconds."""
        self._stop.set()
        self.queue.put(None)
        thread = getattr(self, "_thread", None)
        if thread is not None and thread is not threading.current_thread():
            thread.join(wait)

    # ---- the worker's side (its own thread) ------------------------------------------------------------------------
    def serve(self) -> None:
        """The worker's loop: commands as they come, a poll of the store whenever none came for POLL_SECONDS."""
        while True:
            try:
                item = self.queue.get(timeout=POLL_SECONDS if self.poll else 1.0)
            except queue.Empty:
                if self._stop.is_set():
                    break
                if self.poll:
                    self._sync()
                continue
            if item is None:
                break
            if isinstance(item, SyncRequest):
                self._sync()
                item.finished.set()
                continue
            self._run(item)

    def _run(self, job: Job) -> None:
        self.running = job
        try:
            outcome = job.command(self.session)
        except Exception as error:  # a screen never dies of an error: it says it
            self.running = None
            dropped = self._drop_after(job) if job.sequence else []
            self.app.post_message(CommandFailed(job, error, dropped))
        else:
            self.running = None
            self.app.post_message(CommandDone(job, outcome))
            warnings = self.session.take_warnings()
            if warnings:
                self.app.post_message(StoreWarned(warnings))
        finally:
            job.finished.set()

    def _drop_after(self, failed: Job) -> list[Job]:
        """Take out of the queue the jobs of the failed job's sequence (they depended on it); keep the others."""
        kept, dropped = [], []
        while True:
            try:
                item = self.queue.get_nowait()
            except queue.Empty:
                break
            (dropped if isinstance(item, Job) and item.sequence == failed.sequence else kept).append(item)
        for item in kept:
            self.queue.put(item)
        return dropped

    def _sync(self) -> None:
        try:
            new = self.session.sync()
        except Exception as error:  # a damaged store, or a fault: said, and the poll goes on
            self.app.post_message(SyncFailed(error))
            time.sleep(1.0)  # a damaged store stays damaged: look again in a while, not 4 times a second
            return
        if new:
            self.app.post_message(StoreChanged())

    def _waiting(self) -> None:
        if self.running is not None:
            self.app.post_message(LockWaiting(self.running))
