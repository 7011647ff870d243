"""The notification center: a bell with the unread count and the list it opens.

The list shows the poller's notifications, newest first, each with an icon for its kind, what
happened and how long ago; unread ones are highlighted. Rows are built a batch at a time as
the list scrolls, so a long history costs nothing until it is looked at. Choosing a row only
emits `chosen`: what it opens is the window's business, the same as for a toast.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.collab.wording import aware, shown_date
from studio.notifications import notification_category, notification_text
from studio.style import TEXT
from studio.widgets.popup_card import SHADOW, popup_card

if TYPE_CHECKING:
    from publisher.schemas import NotificationPublic
    from studio.notifications import NotificationPoller

BATCH = 30
"""Rows added to the list at a time: at first, then whenever it scrolls near its end."""
PANEL_SIZE = QSize(400, 540)
MAX_BADGE = 99

_GLYPHS = {
    "invitation": "✉",
    "submission": "⇪",
    "decision": "✓",
    "comment": "❝",
    "deadline": "◷",
    "published": "➚",
    "held": "‖",
}


def bell_icon(size: int = 18, color: str = TEXT) -> QIcon:
    """A line-drawn bell (the fonts we can count on have no bell glyph)."""
    scale = 2
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size * scale / 24, size * scale / 24)
    pen = painter.pen()
    pen.setColor(QColor(color))
    pen.setWidthF(1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    body = QPainterPath(QPointF(6, 16.5))
    body.lineTo(6, 10.5)
    body.cubicTo(6, 7, 8.7, 4.5, 12, 4.5)
    body.cubicTo(15.3, 4.5, 18, 7, 18, 10.5)
    body.lineTo(18, 16.5)
    body.lineTo(19.5, 18)
    body.lineTo(4.5, 18)
    body.closeSubpath()
    painter.drawPath(body)
    painter.drawArc(QRectF(9.8, 17.6, 4.4, 3.6), 180 * 16, 180 * 16)
    painter.drawLine(QPointF(12, 2.8), QPointF(12, 4.5))
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return QIcon(pixmap)


class NotificationBell(QPushButton):
    """The rail's entry to the list; `set_count(n)` shows the unread badge (hidden at 0)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Notifications"), parent)
        self.setObjectName("NavButton")
        self.setIcon(bell_icon())
        self.setIconSize(QSize(18, 18))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("UnreadBadge")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label.hide()
        self.count = 0

    def set_count(self, count: int) -> None:
        self.count = count
        self.count_label.setText(str(count) if count <= MAX_BADGE else f"{MAX_BADGE}+")
        self.count_label.setVisible(count > 0)
        self.setToolTip(self.tr("{count} unread").format(count=count) if count else "")
        self._place_badge()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_badge()

    def _place_badge(self) -> None:
        self.count_label.adjustSize()
        height = 18
        width = max(height, self.count_label.sizeHint().width())
        self.count_label.setFixedSize(width, height)
        self.count_label.move(self.width() - width - 12, (self.height() - height) // 2)


class NotificationRow(QFrame):
    """One notification: its kind's icon, the text, how long ago, a dot while unread."""

    clicked = Signal()

    def __init__(self, item: NotificationPublic, age: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("NotificationRow")
        unread = item.read_at is None
        self.setProperty("unread", unread)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(12)
        category = notification_category(item)
        self.icon = QLabel(_GLYPHS[category], self)
        self.icon.setObjectName("NotificationIcon")
        self.icon.setProperty("category", category)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setFixedSize(34, 34)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(3)
        self.text = QLabel(notification_text(item), self)
        self.text.setObjectName("NotificationText")
        self.text.setProperty("unread", unread)
        self.text.setWordWrap(True)
        self.time = QLabel(age, self)
        self.time.setObjectName("NotificationTime")
        column.addWidget(self.text)
        column.addWidget(self.time)
        row.addLayout(column, 1)
        dot = QLabel(self)
        dot.setObjectName("UnreadDot")
        dot.setFixedSize(8, 8)
        policy = dot.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        dot.setSizePolicy(policy)
        dot.setVisible(unread)
        dot_column = QVBoxLayout()
        dot_column.setContentsMargins(0, 6, 0, 0)
        dot_column.addWidget(dot)
        dot_column.addStretch(1)
        row.addLayout(dot_column)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class NotificationPanel(QWidget):
    """A popup list of the poller's notifications; `chosen(item)` when a row is clicked."""

    chosen = Signal(object)

    def __init__(self, poller: NotificationPoller, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self._poller = poller
        self._shown = 0
        card = popup_card(self, "NotificationPanel")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(8, 14, 8, 8)
        layout.setSpacing(8)
        header = QHBoxLayout()
        header.setContentsMargins(12, 0, 4, 0)
        title = QLabel(self.tr("Notifications"), card)
        title.setObjectName("CardTitle")
        self.mark_all = QPushButton(self.tr("Mark all read"), card)
        self.mark_all.setObjectName("LinkButton")
        self.mark_all.setCursor(Qt.CursorShape.PointingHandCursor)
        self.mark_all.clicked.connect(lambda: self._poller.mark_read())
        header.addWidget(title, 1)
        header.addWidget(self.mark_all)
        layout.addLayout(header)
        self.scroll = QScrollArea(card)
        self.scroll.setObjectName("NotificationScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list = QWidget()
        self._list.setObjectName("NotificationList")
        self._rows = QVBoxLayout(self._list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        self._rows.addStretch(1)
        self.scroll.setWidget(self._list)
        layout.addWidget(self.scroll, 1)
        self.empty = QLabel(self.tr("No notifications yet."), card)
        self.empty.setObjectName("Hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        self.scroll.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        poller.changed.connect(self._on_changed)
        poller.unread_changed.connect(lambda _count: self._update_mark_all())
        self.resize(PANEL_SIZE.width() + 2 * SHADOW, PANEL_SIZE.height() + 2 * SHADOW)

    def open_beside(self, anchor: QWidget) -> None:
        """Show the list to the right of `anchor`, bottoms aligned, inside its window."""
        window = anchor.window()
        height = min(PANEL_SIZE.height(), window.height() - 32) + 2 * SHADOW
        self.resize(self.width(), height)
        corner = anchor.mapToGlobal(QPoint(anchor.width(), anchor.height()))
        top = max(window.mapToGlobal(QPoint(0, 0)).y(), corner.y() - height + SHADOW)
        self.move(corner.x() + 4 - SHADOW, top)
        self.rebuild()
        self.show()

    def rows(self) -> list[NotificationRow]:
        return [
            widget
            for widget in (self._rows.itemAt(i).widget() for i in range(self._rows.count()))
            if isinstance(widget, NotificationRow)
        ]

    def rebuild(self) -> None:
        """Rows for the notifications shown so far (at least a batch), with fresh ages."""
        count = max(BATCH, self._shown)
        for row in self.rows():
            self._rows.removeWidget(row)
            row.deleteLater()
        self._shown = 0
        self._add_rows(count)

    def age_text(self, moment: datetime, now: datetime | None = None) -> str:
        """How long ago, in words: just now, minutes, hours, days, then the date."""
        minutes = int(((now or datetime.now(UTC)) - aware(moment)).total_seconds() // 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("{n} min ago").format(n=minutes)
        hours = minutes // 60
        if hours < 24:
            return self.tr("{n} h ago").format(n=hours)
        days = hours // 24
        if days == 1:
            return self.tr("1 day ago")
        if days < 7:
            return self.tr("{n} days ago").format(n=days)
        return shown_date(moment)

    def _add_rows(self, count: int) -> None:
        items = self._poller.items[self._shown : self._shown + count]
        now = datetime.now(UTC)
        for item in items:
            row = NotificationRow(item, self.age_text(item.created_at, now), self._list)
            row.clicked.connect(lambda chosen=item: self.chosen.emit(chosen))
            self._rows.insertWidget(self._rows.count() - 1, row)
        self._shown += len(items)
        has_items = bool(self._poller.items)
        self.scroll.setVisible(has_items)
        self.empty.setVisible(not has_items)
        self._update_mark_all()

    def _update_mark_all(self) -> None:
        self.mark_all.setEnabled(
            self._poller.unread > 0 or any(item.read_at is None for item in self._poller.items)
        )

    def _on_scrolled(self, value: int) -> None:
        bar = self.scroll.verticalScrollBar()
        if value >= bar.maximum() - 80 and self._shown < len(self._poller.items):
            self._add_rows(BATCH)

    def _on_changed(self) -> None:
        if self.isVisible():
            position = self.scroll.verticalScrollBar().value()
            self.rebuild()
            self.scroll.verticalScrollBar().setValue(position)
