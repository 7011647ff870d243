"""The two versions of a note that someone else changed meanwhile, side by side, and a choice
per field: keep mine, use theirs, or a merge of both.

A field only one side changed is preselected to that side, so the usual case (a colleague
fixed the topics while I rewrote the body) is one click. The dialog decides nothing: it
returns the choices, and the draft session merges and saves.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.collab.round_diff import diff_text, shorten, spans_html
from studio.drafts.journal import DraftFields
from studio.drafts.merge import FieldDifference, Side

TEXT_PREVIEW = 160
"""Characters of a body shown per side; the diff line shows where they differ."""


def field_name(group: str) -> str:
    names = {
        "title": QCoreApplication.translate("ConflictDialog", "Title"),
        "body": QCoreApplication.translate("ConflictDialog", "Text"),
        "media": QCoreApplication.translate("ConflictDialog", "Photos and video"),
        "topics": QCoreApplication.translate("ConflictDialog", "Topics"),
        "mentions": QCoreApplication.translate("ConflictDialog", "Mentions"),
        "products": QCoreApplication.translate("ConflictDialog", "Products"),
        "place": QCoreApplication.translate("ConflictDialog", "Place"),
        "settings": QCoreApplication.translate("ConflictDialog", "Visibility and labels"),
    }
    return names.get(group, group)


def _elided(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(group: str, fields: DraftFields) -> str:
    """One side's value of a field, as plain text."""
    if group in ("title", "body"):
        text = getattr(fields, group)
        return (
            _elided(text, TEXT_PREVIEW)
            if text
            else QCoreApplication.translate("ConflictDialog", "(empty)")
        )
    if group == "media":
        if fields.type == "video":
            return (
                QCoreApplication.translate("ConflictDialog", "A video")
                if fields.media
                else QCoreApplication.translate("ConflictDialog", "No video")
            )
        edited = sum(1 for sha in fields.media if fields.is_edited(sha))
        return QCoreApplication.translate(
            "ConflictDialog", "%n photo(s)", None, len(fields.media)
        ) + (
            QCoreApplication.translate("ConflictDialog", ", %n edited", None, edited)
            if edited
            else ""
        )
    if group in ("topics", "mentions", "products"):
        names = [tag.name for tag in getattr(fields, group)]
        prefix = {"topics": "#", "mentions": "@", "products": ""}[group]
        return "  ".join(prefix + name for name in names) or QCoreApplication.translate(
            "ConflictDialog", "(none)"
        )
    if group == "place":
        return (
            fields.place.name
            if fields.place
            else QCoreApplication.translate("ConflictDialog", "(none)")
        )
    labels = [
        QCoreApplication.translate("ConflictDialog", "Private")
        if fields.visibility == "private"
        else QCoreApplication.translate("ConflictDialog", "Public"),
    ]
    if fields.original:
        labels.append(QCoreApplication.translate("ConflictDialog", "Original"))
    if fields.ai_generated:
        labels.append(QCoreApplication.translate("ConflictDialog", "AI-generated"))
    return " · ".join(labels)


def _who_changed(difference: FieldDifference) -> str:
    if difference.both_changed:
        return QCoreApplication.translate("ConflictDialog", "Changed on both sides")
    if difference.theirs_changed:
        return QCoreApplication.translate("ConflictDialog", "Changed there only")
    return QCoreApplication.translate("ConflictDialog", "Changed here only")


class _FieldRow(QFrame):
    """One field: its name and who changed it, both values, and the choice."""

    def __init__(
        self, difference: FieldDifference, mine: DraftFields, theirs: DraftFields, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictField")
        self.group = difference.group
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setHorizontalSpacing(16)
        name = QLabel(f"<b>{html.escape(field_name(difference.group))}</b>", self)
        who = QLabel(_who_changed(difference), self)
        if difference.both_changed:
            who.setObjectName("Tag")
            who.setProperty("tone", "bad")
        else:
            who.setObjectName("Hint")
        layout.addWidget(name, 0, 0)
        layout.addWidget(who, 0, 1, alignment=Qt.AlignmentFlag.AlignRight)
        self.buttons = QButtonGroup(self)
        for column, (side, fields, label) in enumerate(
            (
                (Side.THEIRS, theirs, QCoreApplication.translate("ConflictDialog", "Use theirs")),
                (Side.MINE, mine, QCoreApplication.translate("ConflictDialog", "Keep mine")),
            )
        ):
            button = QRadioButton(label, self)
            button.setProperty("side", side.value)
            button.setChecked(side is difference.suggested)
            self.buttons.addButton(button)
            value = QLabel(describe(difference.group, fields), self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box = QVBoxLayout()
            box.addWidget(button)
            box.addWidget(value)
            layout.addLayout(box, 1, column)
        if difference.group in ("title", "body"):
            spans = shorten(
                diff_text(getattr(theirs, difference.group), getattr(mine, difference.group))
            )
            diff = QLabel(spans_html(spans), self)
            diff.setWordWrap(True)
            diff.setTextFormat(Qt.TextFormat.RichText)
            diff.setToolTip(
                QCoreApplication.translate(
                    "ConflictDialog", "Red is only in theirs, green only in mine"
                )
            )
            layout.addWidget(diff, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)

    def choice(self) -> Side:
        checked = self.buttons.checkedButton()
        return Side(checked.property("side")) if checked else Side.MINE

    def choose(self, side: Side) -> None:
        for button in self.buttons.buttons():
            button.setChecked(button.property("side") == side.value)


class ConflictDialog(QDialog):
    """Accepted with `choices()` set; rejected leaves the conflict open."""

    def __init__(
        self,
        differences: list[FieldDifference],
        mine: DraftFields,
        theirs: DraftFields,
        *,
        theirs_at: datetime | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This note was changed somewhere else"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        when = theirs_at.astimezone().strftime("%H:%M") if theirs_at else ""
        intro = QLabel(
            self.tr(
                "Someone saved this note at %1 while you were editing it here. Nothing has "
                "been overwritten. Choose, field by field, which version to keep; fields "
                "changed on one side only are already chosen."
            ).replace("%1", when or "—"),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        heads = QHBoxLayout()
        for text in (self.tr("Theirs (saved on the server)"), self.tr("Mine (on this computer)")):
            head = QLabel(f"<b>{html.escape(text)}</b>", self)
            heads.addWidget(head, 1)
        heads.setContentsMargins(14, 0, 14, 0)
        layout.addLayout(heads)
        body = QWidget(self)
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        self.rows = [_FieldRow(difference, mine, theirs, body) for difference in differences]
        for row in self.rows:
            rows.addWidget(row)
        rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.all_theirs = QPushButton(self.tr("Use all of theirs"), self)
        self.all_mine = QPushButton(self.tr("Keep all of mine"), self)
        self.save_button = QPushButton(self.tr("Save this version"), self)
        self.save_button.setProperty("accent", True)
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Decide later"), self)
        self.all_theirs.clicked.connect(lambda: self._choose_all(Side.THEIRS))
        self.all_mine.clicked.connect(lambda: self._choose_all(Side.MINE))
        self.save_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.all_theirs)
        buttons.addWidget(self.all_mine)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def _choose_all(self, side: Side) -> None:
        for row in self.rows:
            row.choose(side)

    def choices(self) -> dict[str, Side]:
        return {row.group: row.choice() for row in self.rows}
