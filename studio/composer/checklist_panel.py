"""The pre-publish checklist: every rule of the server's rules pack with pass, warn or block
and the reason, fetched off the UI thread as the creator writes. Any block disables Publish
and Schedule; `blocked_reason` says why."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from publisher.client import ClientError
from publisher.schemas import ChecklistPublic
from studio.composer.debounced import DebouncedQuery
from studio.messages import message

if TYPE_CHECKING:
    from collections.abc import Callable

    from publisher.client import StudioClient
    from studio.context import AppContext

CHECKLIST_DEBOUNCE_MS = 300

RULE_NAMES = {
    "title": QT_TRANSLATE_NOOP("ChecklistPanel", "Title"),
    "body": QT_TRANSLATE_NOOP("ChecklistPanel", "Text length"),
    "images.count": QT_TRANSLATE_NOOP("ChecklistPanel", "Number of images"),
    "images.format": QT_TRANSLATE_NOOP("ChecklistPanel", "Image format"),
    "images.bytes": QT_TRANSLATE_NOOP("ChecklistPanel", "Image file size"),
    "images.ratio": QT_TRANSLATE_NOOP("ChecklistPanel", "Image shape"),
    "images.size": QT_TRANSLATE_NOOP("ChecklistPanel", "Image resolution"),
    "cover": QT_TRANSLATE_NOOP("ChecklistPanel", "Cover"),
    "video.count": QT_TRANSLATE_NOOP("ChecklistPanel", "Video"),
    "video.format": QT_TRANSLATE_NOOP("ChecklistPanel", "Video format"),
    "video.bytes": QT_TRANSLATE_NOOP("ChecklistPanel", "Video file size"),
    "video.ratio": QT_TRANSLATE_NOOP("ChecklistPanel", "Video shape"),
    "video.duration": QT_TRANSLATE_NOOP("ChecklistPanel", "Video length"),
    "topics": QT_TRANSLATE_NOOP("ChecklistPanel", "Topics"),
    "schedule": QT_TRANSLATE_NOOP("ChecklistPanel", "Publishing time"),
    "brief": QT_TRANSLATE_NOOP("ChecklistPanel", "Brand brief"),
}
MARKS = {"pass": ("✓", "#1E9E5A"), "warn": ("!", "#E08A00"), "block": ("✕", "#FF2442")}


def rule_name(rule: str) -> str:
    return QCoreApplication.translate("ChecklistPanel", RULE_NAMES.get(rule, rule))


def blocked_reason(checklist: ChecklistPublic | None) -> str:
    """Every block's reason in words, one a line, or "" when nothing blocks."""
    return "\n".join(
        message(violation.code, violation.params)
        for item in (checklist.items if checklist else ())
        for violation in item.violations
        if violation.level == "block"
    )


class ChecklistPanel(QWidget):
    checked = Signal(object)
    """The newest `ChecklistPublic`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ChecklistPublic | None = None
        self._query = DebouncedQuery(ctx, self, delay_ms=CHECKLIST_DEBOUNCE_MS)
        self._query.answered.connect(self.show_result)
        self._query.failed.connect(self._show_error)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.summary = QLabel(self.tr("Checking…"), self)
        self.summary.setObjectName("Hint")
        self.summary.setWordWrap(True)
        self._layout.addWidget(self.summary)
        self._rows: list[QLabel] = []

    def refresh(self, op: Callable[[StudioClient], ChecklistPublic]) -> None:
        """Check again once changes pause; only the newest answer is shown."""
        self._query.request(op)

    def show_result(self, checklist: ChecklistPublic) -> None:
        self.result = checklist
        for row in self._rows:
            row.hide()
            self._layout.removeWidget(row)
            row.deleteLater()
        self._rows = []
        for item in checklist.items:
            mark, colour = MARKS[item.status]
            reasons = [message(v.code, v.params) for v in item.violations]
            text = f"<span style='color:{colour}'><b>{mark}</b></span>&nbsp;&nbsp;"
            text += html.escape(rule_name(item.rule))
            if reasons:
                detail = "<br>".join(html.escape(reason) for reason in reasons)
                text += f"<br><span style='color:{colour}'>{detail}</span>"
            row = QLabel(text, self)
            row.setObjectName("CheckRow")
            row.setWordWrap(True)
            row.setProperty("rule", item.rule)
            row.setProperty("status", item.status)
            self._layout.addWidget(row)
            self._rows.append(row)
        warns = sum(item.status == "warn" for item in checklist.items)
        if checklist.blocked:
            self.summary.setText(self.tr("Fix the items marked ✕ before publishing."))
        elif warns:
            ready = self.tr("Ready — {count} suggestion(s) below.")
            self.summary.setText(ready.format(count=warns))
        else:
            self.summary.setText(self.tr("Ready to publish."))
        self.checked.emit(checklist)

    def status_of(self, rule: str) -> str | None:
        item = next((i for i in self.result.items if i.rule == rule), None) if self.result else None
        return None if item is None else item.status

    def reasons_of(self, rule: str) -> list[str]:
        item = next((i for i in self.result.items if i.rule == rule), None) if self.result else None
        return [] if item is None else [message(v.code, v.params) for v in item.violations]

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.summary.setText(
                self.tr("Could not check: {reason}").format(
                    reason=message(error.code, error.params)
                )
            )
