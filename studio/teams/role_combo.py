"""A role picker: closed it names the role, open it says what each role may do, so nobody has
to guess the difference between a reviewer and a viewer."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.style import ACCENT, ACCENT_SOFT, TEXT, TEXT_MUTED
from studio.teams.wording import role_hint, role_name

HintRole = Qt.ItemDataRole.UserRole + 1
_ROW_HEIGHT = 46
_POPUP_WIDTH = 320
_PAD = 10


class _RoleDelegate(QStyledItemDelegate):
    """Two lines per role in the open list: the name, and under it the hint, muted."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        rect = option.rect.adjusted(2, 1, -2, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT_SOFT if selected else "#F7F7F9"))
            painter.drawRoundedRect(rect, 6, 6)
        text = rect.adjusted(_PAD, 5, -_PAD, -5)
        name_font = QFont(option.font)
        name_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(name_font)
        painter.setPen(QColor(ACCENT if selected else TEXT))
        half = text.height() // 2
        painter.drawText(
            QRect(text.left(), text.top(), text.width(), half),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            str(index.data(Qt.ItemDataRole.DisplayRole)),
        )
        hint_font = QFont(option.font)
        hint_font.setPointSizeF(max(7.0, option.font.pointSizeF() - 1.5))
        painter.setFont(hint_font)
        painter.setPen(QColor(TEXT_MUTED))
        painter.drawText(
            QRect(text.left(), text.top() + half, text.width(), text.height() - half),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            str(index.data(HintRole) or ""),
        )
        painter.restore()

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(_POPUP_WIDTH, _ROW_HEIGHT)


class RoleCombo(QComboBox):
    """`role_chosen(role)` when the user picks another role than the one shown."""

    role_chosen = Signal(str)

    def __init__(self, roles: tuple[str, ...], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = current
        for role in roles:
            self.addItem(role_name(role), role)
            self.setItemData(self.count() - 1, role_hint(role), HintRole)
            self.setItemData(self.count() - 1, role_hint(role), Qt.ItemDataRole.ToolTipRole)
        self.setItemDelegate(_RoleDelegate(self))
        self.view().setMinimumWidth(_POPUP_WIDTH)
        self.set_role(current)
        self.activated.connect(self._on_activated)

    def role(self) -> str:
        return str(self.currentData())

    def set_role(self, role: str) -> None:
        """Show `role` without announcing it as the user's choice."""
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(role)))
        self.blockSignals(False)
        self.setToolTip(role_hint(role))
        self._shown = role

    def _on_activated(self, _row: int) -> None:
        role = self.role()
        if role != self._shown:
            self._shown = role
            self.setToolTip(role_hint(role))
            self.role_chosen.emit(role)
