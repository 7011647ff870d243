"""The review screen's "Changes" page: what changed since the previous round — text marked
up, lists as added and removed names, photos side by side or as an onion skin."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.collab.labels import clear, hint, scrolled
from studio.collab.region_canvas import ImageView, OnionSkin
from studio.collab.review_state import ReviewState
from studio.collab.round_diff import ListChange, shorten, spans_html
from studio.collab.wording import field_name, photo_name, round_name

Pictures = Callable[[str | None], QPixmap | None]
"""The photo of a sha256 when it arrived (asked for otherwise), as the dialog keeps them."""


def list_change_html(field: str, change: ListChange) -> str:
    """Added names in green, removed ones struck through in red."""
    prefix = {"topics": "#", "mentions": "@"}.get(field, "")
    parts = [
        f'<span style="color:#136C3A;">+ {html.escape(prefix + name)}</span>'
        for name in change.added
    ]
    parts += [
        f'<span style="color:#B3122E; text-decoration:line-through;">'
        f"− {html.escape(prefix + name)}</span>"
        for name in change.removed
    ]
    return "&nbsp;&nbsp; ".join(parts)


def segments(labels: tuple[str, ...], parent: QWidget, group: QButtonGroup) -> list[QPushButton]:
    """Checkable pill buttons, one checked at a time, the first checked."""
    buttons = []
    for index, label in enumerate(labels):
        button = QPushButton(label, parent)
        button.setObjectName("Segment")
        button.setCheckable(True)
        group.addButton(button, index)
        buttons.append(button)
    buttons[0].setChecked(True)
    return buttons


class RoundDiffPanel(QWidget):
    """Shows `ReviewState.diff`; nothing for a first round."""

    def __init__(self, pictures: Pictures, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self.state: ReviewState | None = None
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 4, 4, 4)
        column.setSpacing(10)
        self.diff_text_host = QWidget(host)
        self.diff_text_layout = QVBoxLayout(self.diff_text_host)
        self.diff_text_layout.setContentsMargins(0, 0, 0, 0)
        self.diff_text_layout.setSpacing(8)
        column.addWidget(self.diff_text_host)
        column.addWidget(self._build_compare(host), 1)
        column.addStretch(0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(host, self))

    def _build_compare(self, host: QWidget) -> QWidget:
        self.compare_box = QWidget(host)
        compare = QVBoxLayout(self.compare_box)
        compare.setContentsMargins(0, 6, 0, 0)
        compare.setSpacing(8)
        title = QLabel(self.tr("Photos"), self.compare_box)
        title.setObjectName("ReviewSection")
        self.compare_position = QComboBox(self.compare_box)
        self.compare_group = QButtonGroup(self)
        self.side_button, self.onion_button = segments(
            (self.tr("Side by side"), self.tr("Onion skin")), self.compare_box, self.compare_group
        )
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(title)
        controls.addWidget(self.compare_position)
        controls.addStretch(1)
        controls.addWidget(self.side_button)
        controls.addWidget(self.onion_button)
        self.compare_pages = QStackedWidget(self.compare_box)
        self.compare_pages.addWidget(self._build_side_by_side())
        self.compare_pages.addWidget(self._build_onion())
        compare.addLayout(controls)
        compare.addWidget(self.compare_pages, 1)
        self.compare_group.idClicked.connect(self.compare_pages.setCurrentIndex)
        self.compare_position.currentIndexChanged.connect(lambda _i: self.show_compare())
        return self.compare_box

    def _build_side_by_side(self) -> QWidget:
        side = QWidget()
        side_row = QHBoxLayout(side)
        side_row.setContentsMargins(0, 0, 0, 0)
        side_row.setSpacing(10)
        self.older_view, self.older_caption = self._captioned_view(side, side_row)
        self.newer_view, self.newer_caption = self._captioned_view(side, side_row)
        return side

    def _build_onion(self) -> QWidget:
        onion = QWidget()
        onion_column = QVBoxLayout(onion)
        onion_column.setContentsMargins(0, 0, 0, 0)
        self.onion = OnionSkin(onion)
        self.onion.setMinimumHeight(360)
        self.onion_slider = QSlider(Qt.Orientation.Horizontal, onion)
        self.onion_slider.setRange(0, 100)
        self.onion_slider.setValue(50)
        self.onion_slider.valueChanged.connect(lambda value: self.onion.set_mix(value / 100))
        self.onion_older = QLabel(onion)
        self.onion_newer = QLabel(onion)
        for label in (self.onion_older, self.onion_newer):
            label.setObjectName("Hint")
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.onion_older)
        slider_row.addWidget(self.onion_slider, 1)
        slider_row.addWidget(self.onion_newer)
        onion_column.addWidget(self.onion, 1)
        onion_column.addLayout(slider_row)
        return onion

    def _captioned_view(self, parent: QWidget, row: QHBoxLayout) -> tuple[ImageView, QLabel]:
        column = QVBoxLayout()
        column.setSpacing(6)
        caption = QLabel(parent)
        caption.setObjectName("Hint")
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        view = ImageView(parent)
        view.setMinimumHeight(360)
        column.addWidget(view, 1)
        column.addWidget(caption)
        row.addLayout(column, 1)
        return view, caption

    # -- showing ---------------------------------------------------------------------------

    def show_state(self, state: ReviewState | None) -> None:
        self.state = state
        clear(self.diff_text_layout)
        diff = state.diff if state else None
        self.compare_box.setVisible(bool(diff and diff.photos))
        if diff is None:
            return
        if diff.empty:
            self.diff_text_layout.addWidget(
                hint(self.tr("Nothing changed since the previous round."), self.diff_text_host)
            )
        for field, spans in diff.texts.items():
            self._section(field_name(field), spans_html(shorten(spans)))
        for field, change in diff.lists.items():
            self._section(field_name(field), list_change_html(field, change))
        if diff.flags:
            self._section(field_name("flags"), html.escape("、".join(diff.flags)))
        self.compare_position.blockSignals(True)
        self.compare_position.clear()
        for change in diff.photos:
            self.compare_position.addItem(photo_name(change.position), change.position)
        self.compare_position.blockSignals(False)
        self.show_compare()

    def _section(self, title: str, rich: str) -> None:
        heading = QLabel(title, self.diff_text_host)
        heading.setObjectName("ReviewSection")
        box = QLabel(rich, self.diff_text_host)
        box.setObjectName("DiffBox")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setWordWrap(True)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff_text_layout.addWidget(heading)
        self.diff_text_layout.addWidget(box)

    def show_compare(self) -> None:
        """The chosen photo of both rounds (again, once a picture arrived)."""
        state = self.state
        diff = state.diff if state else None
        if state is None or diff is None or not diff.photos or state.previous is None:
            return
        position = self.compare_position.currentData()
        change = next((c for c in diff.photos if c.position == position), diff.photos[0])
        older, newer = self._pictures(change.old), self._pictures(change.new)
        before, after = round_name(state.previous.round), round_name(state.collaboration.round)
        missing = self.tr("No photo here")
        self.older_view.set_pixmap(older, missing if not change.old else "")
        self.newer_view.set_pixmap(newer, missing if not change.new else "")
        self.older_caption.setText(before)
        self.newer_caption.setText(after)
        self.onion.set_pictures(older, newer, "")
        self.onion_older.setText(before)
        self.onion_newer.setText(after)
