"""The account switcher: a compact button naming the account the app shows, and the list it
opens — "All accounts" and each account (its calendar colour, its nickname, the organization
it comes through when that says something), with a search box once the list is long.

It only shows and reports: `chosen(account_id | None)` when a row is picked; what follows is
the scope model's business.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

import resources
from studio.models.account_scope import AccountChoices
from studio.style import ACCENT, ACCENT_SOFT, BORDER, SURFACE, TEXT, TEXT_MUTED
from studio.widgets.popup_card import SHADOW, popup_card

SEARCH_FROM = 8
"""With more accounts than this the list gets a search box."""
ROW_HEIGHT = 34
VISIBLE_ROWS = 10
PICKER_WIDTH = 300
ALL_GLYPH_COLOUR = "#4A4D55"
STYLE = f"""
QPushButton#AccountSwitcher {{
    text-align: left; background: #F7F7F9; border: 1px solid {BORDER}; border-radius: 10px;
    padding: 0;
}}
QPushButton#AccountSwitcher:hover {{ border-color: #C4C6CC; background: {SURFACE}; }}
#AccountSwitcherName {{ font-weight: 600; background: transparent; }}
#AccountSwitcherCaption {{ color: {TEXT_MUTED}; font-size: 11px; background: transparent; }}
#AccountPicker {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px; }}
#AccountPicker QListView {{ background: transparent; border: none; outline: none; }}
"""


class _Dot(QLabel):
    """A small round swatch: the account's colour, or a ring for all accounts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(10, 10)
        self.set_colour("")

    def set_colour(self, colour: str) -> None:
        if colour:
            self.setStyleSheet(f"background: {colour}; border-radius: 5px;")
        else:
            self.setStyleSheet(f"border: 2px solid {ALL_GLYPH_COLOUR}; border-radius: 5px;")


class AccountRowDelegate(QStyledItemDelegate):
    """A choice as one line: colour dot, nickname, the organization in grey at the right,
    and a check on the current one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current = ""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 1, -4, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT_SOFT if selected else "#F4F4F6"))
            painter.drawRoundedRect(rect, 8, 8)
        account_id = index.data(AccountChoices.IdRole) or ""
        colour = index.data(AccountChoices.ColourRole) or ""
        dot = QRect(rect.left() + 10, rect.center().y() - 4, 9, 9)
        if colour:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
        else:
            painter.setPen(QColor(ALL_GLYPH_COLOUR))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(dot)
        check_width = 22
        text_left = dot.right() + 10
        organization = index.data(AccountChoices.OrganizationRole) or ""
        metrics = option.fontMetrics
        small = QFont(option.font)
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7.0))
        org_width = 0
        if organization:
            painter.setFont(small)
            org_width = min(
                painter.fontMetrics().horizontalAdvance(organization), rect.width() // 3
            )
            org_rect = QRect(
                rect.right() - check_width - org_width, rect.top(), org_width, rect.height()
            )
            painter.setPen(QColor(TEXT_MUTED))
            elided = painter.fontMetrics().elidedText(
                organization, Qt.TextElideMode.ElideRight, org_width
            )
            painter.drawText(org_rect, Qt.AlignmentFlag.AlignVCenter, elided)
        name_width = rect.right() - check_width - org_width - 8 - text_left
        name = metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            name_width,
        )
        font = QFont(option.font)
        is_current = account_id == self.current
        font.setBold(is_current)
        painter.setFont(font)
        painter.setPen(QColor(ACCENT if is_current else TEXT))
        painter.drawText(
            QRect(text_left, rect.top(), name_width, rect.height()),
            Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        if is_current:
            painter.drawText(
                QRect(rect.right() - check_width, rect.top(), check_width - 4, rect.height()),
                Qt.AlignmentFlag.AlignCenter,
                "✓",
            )
        painter.restore()


class AccountPicker(QWidget):
    """The popup list of choices; `chosen(account_id | None)` when one is picked."""

    chosen = Signal(object)

    def __init__(self, choices: AccountChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setStyleSheet(STYLE)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(choices)
        self.proxy.setFilterRole(AccountChoices.SearchRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        card = popup_card(self, "AccountPicker", top=SHADOW // 2)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.search = QLineEdit(card)
        self.search.setPlaceholderText(self.tr("Search accounts"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.list = QListView(card)
        self.list.setModel(self.proxy)
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = AccountRowDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.empty = QLabel(self.tr("No account matches."), card)
        self.empty.setObjectName("Hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.search.textChanged.connect(self._filter)
        self.list.clicked.connect(self._pick)
        self.list.activated.connect(self._pick)

    def open_below(self, anchor: QWidget, current: str | None) -> None:
        """Show under `anchor` with the search cleared and the current choice marked."""
        self.delegate.current = current or ""
        self.search.clear()
        many = self.proxy.sourceModel().rowCount() > SEARCH_FROM
        self.search.setVisible(many)
        rows = min(self.proxy.rowCount(), VISIBLE_ROWS)
        self.list.setFixedHeight(rows * ROW_HEIGHT + 4)
        search_height = self.search.sizeHint().height() + 6 if many else 0
        self.resize(PICKER_WIDTH + 2 * SHADOW, self.list.height() + search_height + 16 + SHADOW)
        corner = anchor.mapToGlobal(QPoint(0, anchor.height()))
        self.move(corner.x() - SHADOW, corner.y() + 2)
        self._select_row(self._current_row(current))
        self.show()
        (self.search if many else self.list).setFocus()

    def _current_row(self, current: str | None) -> int:
        source = self.proxy.sourceModel()
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(AccountChoices.IdRole) == (current or ""):
                return row
        return 0 if source.rowCount() else -1

    def _select_row(self, row: int) -> None:
        if row >= 0:
            index = self.proxy.index(row, 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        has_rows = self.proxy.rowCount() > 0
        self.list.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._select_row(0 if has_rows else -1)

    def _pick(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.hide()
        self.chosen.emit(index.data(AccountChoices.IdRole) or None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """In the search box, ↑/↓ move through the list and Enter picks the marked row."""
        if watched is self.search and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress:
                key = event.key()
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._pick(self.list.currentIndex())
                    return True
                if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                    step = 1 if key == Qt.Key.Key_Down else -1
                    row = self.list.currentIndex().row() + step
                    self._select_row(max(0, min(row, self.proxy.rowCount() - 1)))
                    return True
        return super().eventFilter(watched, event)


class AccountSwitcher(QPushButton):
    """The button in the navigation rail; `chosen(account_id | None)` from its list."""

    chosen = Signal(object)

    def __init__(self, choices: AccountChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountSwitcher")
        self.setStyleSheet(STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Choose whose notes and calendar to show"))
        self.setFixedHeight(48)
        self._choices = choices
        self._current: str | None = None
        self._text = ""
        self.dot = _Dot(self)
        self.caption = QLabel(self.tr("Showing"), self)
        self.caption.setObjectName("AccountSwitcherCaption")
        self.name = QLabel(self)
        self.name.setObjectName("AccountSwitcherName")
        chevron = QLabel(self)
        chevron.setPixmap(QIcon(str(resources.path("icons", "chevron-down.svg"))).pixmap(12, 12))
        for label in (self.dot, self.caption, self.name, chevron):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.caption)
        texts.addWidget(self.name)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 10, 4)
        row.setSpacing(8)
        row.addWidget(self.dot)
        row.addLayout(texts, 1)
        row.addWidget(chevron)
        self.picker = AccountPicker(choices, self)
        self.picker.chosen.connect(self.chosen)
        self.clicked.connect(lambda: self.picker.open_below(self, self._current))

    def show_choice(self, account_id: str | None, text: str) -> None:
        """Name the current choice (elided to fit the rail) with its colour."""
        self._current = account_id
        self._text = text
        self._show_text()
        row = self._choices.row_of(account_id)
        colour = self._choices.index(row, 0).data(AccountChoices.ColourRole) if row >= 0 else ""
        self.dot.set_colour(colour or "")
        self.setAccessibleName(text)

    def current_text(self) -> str:
        return self._text

    def _show_text(self) -> None:
        width = max(self.name.width(), 60)
        elided = self.name.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, width)
        self.name.setText(elided)
        self.name.setToolTip(self._text if elided != self._text else "")

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._show_text()
