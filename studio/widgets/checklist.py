"""The live "ready to publish?" list: each rule of the pack, met or not, as the creator types.

It shows the result of `publisher.domain.checks.check_note`, the same function the server
runs, so the list and the server's verdict never disagree.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from publisher.domain.checks import Violation
from studio.messages import message

RULES = (
    ("title", QT_TRANSLATE_NOOP("Checklist", "Title within {max} width units")),
    ("body", QT_TRANSLATE_NOOP("Checklist", "Text within {max} characters")),
    ("images", QT_TRANSLATE_NOOP("Checklist", "{min} to {max} images")),
)


class Checklist(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._rows: dict[str, QLabel] = {}
        for group, _text in RULES:
            label = QLabel(self)
            label.setWordWrap(True)
            label.setObjectName("CheckRow")
            layout.addWidget(label)
            self._rows[group] = label

    def show_result(self, violations: list[Violation], limits: dict[str, dict[str, int]]) -> None:
        broken = {v.code.split(".")[0]: v for v in violations if v.level == "block"}
        for group, text in RULES:
            label = self._rows[group]
            violation = broken.get(group)
            if violation is None:
                rule = QCoreApplication.translate("Checklist", text).format(**limits[group])
                label.setText(
                    f"<span style='color:#1E9E5A'>✓</span>&nbsp;&nbsp;{html.escape(rule)}"
                )
            else:
                label.setText(
                    f"<span style='color:#FF2442'>✕</span>&nbsp;&nbsp;"
                    f"{html.escape(message(violation.code, violation.params))}"
                )
            label.setProperty("ok", violation is None)

    def is_ok(self, group: str) -> bool:
        return bool(self._rows[group].property("ok"))
