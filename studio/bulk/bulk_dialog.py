"""The frame every bulk dialog shares (the Notes page's, and the storefront's product import):
a heading, the dialog's own controls, a summary, the table of notes or rows (a preview, then
the results), a progress bar, and Cancel / the action / Done. A job runs in a worker with the
progress bar; when it is done the dialog shows what happened and only Done is left; when it
stops early, the reason is shown and the action may be tried again. Either way what changed
is broadcast, since what came before a failure may have changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.changes import ChangeSet
from studio.bulk.rows_table import RowsTable
from studio.messages import reason_of
from studio.ops import Progress, run_in_background
from studio.tasks import Lane
from studio.widgets.dialog_buttons import dialog_buttons, failure_label

if TYPE_CHECKING:
    from studio.context import AppContext


class BulkDialog(QDialog):
    changes = ChangeSet(notes=True, schedule=True)
    """What a job of this dialog may change, broadcast when it ends."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        """Subclasses set the window title and `heading`'s text, fill `top` and `body`, name
        `action_button` and connect it."""
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("PageHost")
        self.heading = QLabel(self)
        self.heading.setObjectName("CardTitle")
        self.top = QHBoxLayout()
        self.top.addWidget(self.heading)
        self.body = QVBoxLayout()
        """The dialog's own controls, between the heading and the summary."""
        self.body.setSpacing(10)
        self.summary = QLabel(self)
        self.summary.setObjectName("Hint")
        self.summary.setWordWrap(True)
        self.table = RowsTable(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.error_label = failure_label(self)
        buttons, self.cancel_button, self.action_button = dialog_buttons(
            self, cancel=self.tr("Cancel"), failure=self.error_label, default=None
        )
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setProperty("accent", True)
        self.done_button.hide()
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(self.top)
        layout.addLayout(self.body)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)

    def set_busy(self, busy: bool) -> None:
        """While a job runs nothing else may be started or changed."""
        self.action_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        for child in self.findChildren(QWidget):
            if child.property("form") is True:
                child.setEnabled(not busy)

    def form_widget(self, widget: QWidget) -> QWidget:
        """Mark a control the user sets before the job: locked while it runs and after."""
        widget.setProperty("form", True)
        return widget

    def run_job(
        self, lane: Lane, job: Callable[[Progress], Any], on_done: Callable[[Any], None]
    ) -> None:
        """Run `job(progress)` in `lane` with the progress bar; `on_done(result)` on success."""
        self.set_busy(True)
        self.error_label.clear()
        self.progress.setValue(0)
        self.progress.show()
        run_in_background(
            self._ctx.runner,
            lane,
            owner=self,
            job=job,
            on_success=lambda result: self._finished(result, on_done),
            on_failure=self.stopped,
            on_progress=lambda fraction: self.progress.setValue(round(fraction * 100)),
        )

    def _finished(self, result: Any, on_done: Callable[[Any], None]) -> None:
        self.progress.hide()
        self._ctx.events.changed.emit(self.changes, self)
        on_done(result)
        self.cancel_button.hide()
        self.action_button.hide()
        self.done_button.show()
        for child in self.findChildren(QWidget):
            if child.property("form") is True:
                child.setEnabled(False)

    def stopped(self, error: BaseException) -> None:
        """The job stopped early: say why; the action may be tried again."""
        self.progress.hide()
        self.set_busy(False)
        self.error_label.setText(self.stopped_text(reason_of(error)))
        self._ctx.events.changed.emit(self.changes, self)

    def stopped_text(self, reason: str) -> str:
        """The line under the table when a job stopped early."""
        return self.tr("Stopped: {reason}").format(reason=reason)

    def show_done_summary(self, text: str) -> None:
        """The summary, in the plain text of a result rather than the grey of a hint."""
        self.summary.setText(text)
        self.summary.setObjectName("FormValue")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
