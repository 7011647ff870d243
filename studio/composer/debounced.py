"""Reads of the composer that follow typing: off the UI thread, ~250 ms after the last
change, only the newest answer delivered.

A composer read is a nicety (suggestions, a checklist, a search), so it goes through
`studio.quiet_read`: a failure to reach the backend is left to the connection's own watch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from studio.quiet_read import quiet_read

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
        quiet_read(
            self._ctx,
            self,
            op,
            lambda result: self._deliver(generation, result),
            lambda error: self._fail(generation, error),
        )

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
