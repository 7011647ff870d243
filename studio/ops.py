"""Background operations: `Query` reads, `Mutation` writes (Anki's QueryOp/CollectionOp).

The callable runs in a worker with a thread's own `StudioClient`; its result comes back on the
UI thread through a queued signal to the owner. If the owner was deleted meanwhile the result
is dropped, so a closed page never sees a late answer. Mutations run in the one-thread write
lane, in the order they were started, and broadcast their `ChangeSet` on `AppEvents.changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from publisher.client import ClientError, OfflineError
from publisher.domain.changes import ChangeSet
from studio.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

T = TypeVar("T")
Progress = Callable[[float], None]

_IN_FLIGHT: set[_Relay] = set()
"""Relays whose worker has not answered yet; the set keeps them alive until delivery."""
_DELIVERED: list[_Relay] = []
"""Relays that answered. Dropping the last reference inside their own slot would delete the
QObject while Qt is still dispatching to it, so they are deleteLater()'d and let go later."""


class _Relay(QObject):
    """Lives on the UI thread and carries one job's answer there, queued."""

    # One tuple, never a bare None: PySide6 miscounts references to a None passed through a
    # queued `object` argument (fatal "deallocating None" on Python 3.11).
    finished = Signal(object)
    progressed = Signal(float)

    def __init__(
        self,
        owner: QObject,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[float], None] | None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._report, Qt.ConnectionType.QueuedConnection)

    def _alive(self) -> bool:
        return shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver(self, outcome: tuple[object, BaseException | None]) -> None:
        _IN_FLIGHT.discard(self)
        _DELIVERED.append(self)
        self.deleteLater()
        result, error = outcome
        if not self._alive():
            return
        if isinstance(error, BaseException):
            self._on_failure(error)
        else:
            self._on_success(result)

    @Slot(float)
    def _report(self, value: float) -> None:
        if self._on_progress is not None and self._alive():
            self._on_progress(value)


def run_in_background(
    runner: TaskRunner,
    lane: Lane,
    *,
    owner: QObject,
    job: Callable[[Progress], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
    on_progress: Callable[[float], None] | None = None,
) -> None:
    """Run `job(progress)` in `lane`; deliver its result or exception to the UI thread."""
    _DELIVERED[:] = [old for old in _DELIVERED if shiboken6.isValid(old)]
    relay = _Relay(owner, on_success, on_failure, on_progress)
    _IN_FLIGHT.add(relay)

    def work() -> None:
        try:
            result = job(relay.progressed.emit)
        except Exception as exc:  # noqa: BLE001 - handed to on_failure on the UI thread
            relay.finished.emit((None, exc))
        else:
            relay.finished.emit((result, None))

    runner.run(lane, work)


class _Op(Generic[T]):
    lane = Lane.READ

    def __init__(
        self, ctx: AppContext, *, parent: QObject, op: Callable[[StudioClient], T]
    ) -> None:
        self._ctx = ctx
        self._parent = parent
        self._op = op
        self._success: Callable[[Any], None] = lambda _result: None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> _Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> _Op[T]:
        """Handle errors yourself; without it a translated message goes to the notifier."""
        self._failure = callback
        return self

    def run(self) -> None:
        connection = self._ctx.connection
        op = self._op
        run_in_background(
            self._ctx.runner,
            self.lane,
            owner=self._parent,
            job=lambda _progress: op(connection.client()),
            on_success=self._on_done,
            on_failure=self._on_error,
        )

    def _on_done(self, result: Any) -> None:
        self._success(result)

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, OfflineError):
            self._ctx.connection.report_offline()
        if self._failure is not None:
            self._failure(error)
        elif isinstance(error, ClientError):
            self._ctx.notifier.show_error(error)
        else:
            raise error


class Query(_Op[T]):
    """A read: runs in parallel with other reads."""


class Mutation(_Op[T]):
    """A write: runs in the write lane, then broadcasts what it changed.

    The op returns `(result, ChangeSet)` or a bare `ChangeSet`, as the client's calls do.
    """

    lane = Lane.WRITE

    def _on_done(self, result: Any) -> None:
        if isinstance(result, ChangeSet):
            changes, value = result, None
        else:
            value, changes = result
        self._ctx.events.changed.emit(changes, self._parent)
        self._success(value)
