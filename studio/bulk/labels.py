"""How the bulk dialogs name notes, times and refusals, in one place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from publisher.client.csv_sheet import RowError
from publisher.domain.timezones import DEFAULT_TIMEZONE
from publisher.schemas import NotePublic
from studio.messages import message
from studio.models.notes import local_time, status_label

_CONTEXT = "BulkLabels"
_UNTITLED = QT_TRANSLATE_NOOP("BulkLabels", "(untitled)")


def note_title(note: NotePublic) -> str:
    return note.title or QCoreApplication.translate(_CONTEXT, _UNTITLED)


def account_time(moment: datetime, timezone: str) -> str:
    """`2026-11-03 20:07` on the account's clock, naming the zone when it is not Beijing's."""
    shown = local_time(moment, timezone)
    return shown if timezone == DEFAULT_TIMEZONE else f"{shown} ({timezone})"


def refusal(
    code: str, params: Mapping[str, Any], violations: Iterable[Mapping[str, Any]] | None = None
) -> str:
    """Why the backend refused: each blocking rule when it listed them, else its code (a
    note's status named as the Notes page names it)."""
    blocking = [v for v in violations or () if v.get("level", "block") == "block"]
    if blocking:
        return "\n".join(message(str(v.get("code")), v.get("params") or {}) for v in blocking)
    shown = dict(params)
    if isinstance(shown.get("status"), str):
        shown["status"] = status_label(shown["status"])
    return message(code, shown)


def reasons(errors: Iterable[RowError]) -> str:
    """Why a row of an imported sheet was refused, one reason a line."""
    return "\n".join(message(error.code, error.params) for error in errors)


def by_row(errors: Iterable[RowError]) -> list[tuple[int, list[RowError]]]:
    """`errors` gathered by the sheet row they are about, in the sheet's order."""
    rows: dict[int, list[RowError]] = {}
    for error in errors:
        rows.setdefault(error.row, []).append(error)
    return sorted(rows.items())
