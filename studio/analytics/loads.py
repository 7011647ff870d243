"""Fetching the data center's figures for the question the page asks now — a period and an
account (or all of them) — off the UI thread, one section (summary, topics, …) at a time.

Each section keeps the question its figures answer. Asking again while an answer is on its way
makes the earlier answer worthless: only the newest load's answer (or failure) is delivered, so
a slow reply for last month never replaces this week's figures.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
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
        self.question: Question | None = None
        """The question the figures delivered last answer."""
        self.loaded_at = 0.0
        """`time.monotonic()` of that answer."""

    @property
    def busy(self) -> bool:
        return self._asked is not None

    def ensure(self, question: Question) -> None:
        """Load unless the figures shown (or on their way) already answer `question`."""
        if question not in (self.question, self._asked):
            self.load(question)

    def invalidate(self) -> None:
        """The figures may be out of date: the next `ensure` loads them again."""
        self.question = None

    def load(self, question: Question) -> None:
        self._generation += 1
        generation, fetch = self._generation, self._fetch
        was_busy, self._asked = self.busy, question
        if not was_busy:
            self.busy_changed.emit(True)
        Query(self._ctx, parent=self, op=lambda client: fetch(client, question)).success(
            lambda result: self._answered(generation, question, result)
        ).failure(lambda error: self._refused(generation, error)).run()

    def _answered(self, generation: int, question: Question, result: Any) -> None:
        if generation != self._generation:
            return
        self._asked = None
        self.question, self.loaded_at = question, time.monotonic()
        self.busy_changed.emit(False)
        self.loaded.emit(result)

    def _refused(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._asked = None
        self.busy_changed.emit(False)
        self.failed.emit(error)
