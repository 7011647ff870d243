"""Background reads that refresh a view on their own, never because the user asked.

Unlike `studio.ops.Query`, a failure to reach the backend is not reported to the connection:
a refresh that fails while the app is quitting (the backend already stopped) must not start a
new backend, and a backend that really died is noticed by the connection's own watchdog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from publisher.client import ClientError, OfflineError
from studio.ops import run_in_background
from studio.tasks import Lane

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

T = TypeVar("T")


def ignore_failure(_error: BaseException) -> None:
    """`on_failure` of a read whose failure leaves the view as it was (no message)."""


def quiet_read(
    ctx: AppContext,
    owner: QObject,
    op: Callable[[StudioClient], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Run `op(client)` in the read lane; `on_failure` gets every error (default: show
    translated client errors except being offline, which the connection shows already)."""
    connection = ctx.connection

    def fail(error: BaseException) -> None:
        if on_failure is not None:
            on_failure(error)
        elif isinstance(error, ClientError) and not isinstance(error, OfflineError):
            ctx.notifier.show_error(error)

    run_in_background(
        ctx.runner,
        Lane.READ,
        owner=owner,
        job=lambda _progress: op(connection.client()),
        on_success=on_success,
        on_failure=fail,
    )
