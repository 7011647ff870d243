"""Fetching the data center's figures for the question the page asks now — a period and an
account (or all of them) — off the UI thread, one section (summary, topics, …) at a time.

Each section keeps the question its figures answer. Asking again while an answer is on its way
makes the earlier answer worthless: only the newest load's answer (or failure) is delivered, so
a slow reply for last month never replaces this week's figures.

A quiet load (the page refreshing what is on screen by itself) is not `busy` — nobody waits
for it — and its failure is not reported: the figures shown stay until the next load.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from studio.analytics.periods import Period
from studio.ops import Query

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext


@dataclass(frozen=True)
class Question:
    """What the page shows figures for."""

    period: Period
    account_id: str | None
    """None: every account the user sees."""

    @property
    def account(self) -> uuid.UUID | None:
        return uuid.UUID(self.account_id) if self.account_id else None


Fetch = Callable[["StudioClient", Question], Any]


class Section(QObject):
    """One call's figures for the page (`fetch(client, question)` runs in a worker)."""

    loaded = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, fetch: Fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._fetch = fetch
        self._generation = 0
        self._asked: Question | None = None
        self._quiet = False
        self.question: Question | None = None
        """The question the figures delivered last answer."""
        self.loaded_at = 0.0
        """`time.monotonic()` of that answer."""
        self.loaded_on: datetime | None = None
        """The local time of that answer, as the page tells it."""

    @property
    def busy(self) -> bool:
        """A load the user waits for is on its way."""
        return self._asked is not None and not self._quiet

    @property
    def loading(self) -> bool:
        """Any load is on its way, quiet or not."""
        return self._asked is not None

    def ensure(self, question: Question) -> None:
        """Load unless the figures shown (or on their way) already answer `question`."""
        if question not in (self.question, self._asked):
            self.load(question)

    def invalidate(self) -> None:
        """The figures may be out of date: the next `ensure` loads them again."""
        self.question = None

    def load(self, question: Question, *, quiet: bool = False) -> None:
        self._generation += 1
        generation, fetch = self._generation, self._fetch
        was_busy = self.busy
        self._asked, self._quiet = question, quiet
        if self.busy != was_busy:
            self.busy_changed.emit(self.busy)
        Query(self._ctx, parent=self, op=lambda client: fetch(client, question)).success(
            lambda result: self._answered(generation, question, result)
        ).failure(lambda error: self._refused(generation, error)).run()

    def _answered(self, generation: int, question: Question, result: Any) -> None:
        if generation != self._generation:
            return
        quiet = self._settle()
        self.question, self.loaded_at = question, time.monotonic()
        self.loaded_on = datetime.now().astimezone()
        if not quiet:
            self.busy_changed.emit(False)
        self.loaded.emit(result)

    def _refused(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not self._settle():
            self.busy_changed.emit(False)
            self.failed.emit(error)

    def _settle(self) -> bool:
        """Nothing is on its way any more; whether what arrived was a quiet load."""
        quiet = self._quiet
        self._asked, self._quiet = None, False
        return quiet
