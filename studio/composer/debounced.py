"""A read that follows typing: run ~250 ms after the last change, off the UI thread, and
deliver only the newest answer (an older one that arrives late is dropped)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from studio.ops import Query

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

SEARCH_DEBOUNCE_MS = 250


class DebouncedQuery(QObject):
    answered = Signal(object)
    failed = Signal(object)
    loading_changed = Signal(bool)

    def __init__(
        self, ctx: AppContext, parent: QObject, *, delay_ms: int = SEARCH_DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._op: Callable[[StudioClient], Any] | None = None
        self._generation = 0
        self.loading = False
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._fire)

    def request(self, op: Callable[[StudioClient], Any]) -> None:
        """Ask for `op`'s answer once changes pause; replaces any request still waiting."""
        self._op = op
        self._generation += 1
        self._set_loading(True)
        self._timer.start()

    def cancel(self) -> None:
        """Forget the waiting request and drop any answer still on its way."""
        self._op = None
        self._generation += 1
        self._timer.stop()
        self._set_loading(False)

    def _fire(self) -> None:
        op, generation = self._op, self._generation
        if op is None:
            return
        Query(self._ctx, parent=self, op=op).success(
            lambda result: self._deliver(generation, result)
        ).failure(lambda error: self._fail(generation, error)).run()

    def _deliver(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self._set_loading(False)
            self.answered.emit(result)

    def _fail(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._set_loading(False)
            self.failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)
