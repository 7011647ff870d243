"""Reads of the composer: off the UI thread, following typing (~250 ms after the last change,
only the newest answer delivered), and quiet about a backend that went away.

A composer read is a nicety (suggestions, a checklist, a search): when one fails because the
backend is gone, the connection's own watch notices and restarts it. Such a read must not
report "offline" itself: one still in flight while the app closes would otherwise restart
the backend that was just stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from studio.ops import run_in_background
from studio.tasks import Lane

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

SEARCH_DEBOUNCE_MS = 250


def quiet_read(
    ctx: AppContext,
    owner: QObject,
    op: Callable[[StudioClient], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] = lambda _error: None,
) -> None:
    """Run `op` in the read lane; its answer reaches `on_success` while `owner` lives."""
    connection = ctx.connection
    run_in_background(
        ctx.runner,
        Lane.READ,
        owner=owner,
        job=lambda _progress: op(connection.client()),
        on_success=on_success,
        on_failure=on_failure,
    )


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
