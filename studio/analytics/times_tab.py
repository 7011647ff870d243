"""Best time to post (发布时间): when readers interact (or view) by weekday and hour, on the
accounts' own clocks, and the strongest slots written out — "周三 21:00–22:00"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.stats_schemas import BestTimes
from studio.analytics.figures import best_slots
from studio.analytics.heatmap import Heatmap, slot_text
from studio.analytics.metric_labels import count_text, label
from studio.widgets.card import card

FIGURES = ("interactions", "views")
SLOTS = 5


class TimesTab(QWidget):
    export_png_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.best_times: BestTimes | None = None
        self.map_card, map_layout = card(self, spacing=10)
        heading = QHBoxLayout()
        title = QLabel(self.tr("When readers are active"), self.map_card)
        title.setObjectName("ChartTitle")
        heading.addWidget(title)
        heading.addSpacing(10)
        self.figure_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for key in FIGURES:
            button = QPushButton(label(key), self.map_card)
            button.setObjectName("Segment")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            group.addButton(button)
            self.figure_buttons[key] = button
            heading.addWidget(button)
        self.figure_buttons["interactions"].setChecked(True)
        heading.addStretch(1)
        self.export_png = QPushButton(self.tr("Export PNG"), self)
        self.export_png.clicked.connect(self.export_png_requested)
        self.heatmap = Heatmap(self.map_card)
        self.hint = QLabel(self.map_card)
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        map_layout.addLayout(heading)
        map_layout.addWidget(self.heatmap)
        map_layout.addWidget(self.hint)

        self.best_card, best_layout = card(self, spacing=10)
        self.best_card.setMinimumWidth(230)
        self.best_card.setMaximumWidth(300)
        best_title = QLabel(self.tr("Best times to post"), self.best_card)
        best_title.setObjectName("ChartTitle")
        best_layout.addWidget(best_title)
        self.slot_grid = QGridLayout()
        self.slot_grid.setHorizontalSpacing(10)
        self.slot_grid.setVerticalSpacing(12)
        best_layout.addLayout(self.slot_grid)
        self.slot_hint = QLabel(self.best_card)
        self.slot_hint.setObjectName("Hint")
        self.slot_hint.setWordWrap(True)
        best_layout.addWidget(self.slot_hint)
        best_layout.addStretch(1)
        self.slot_labels: list[QLabel] = []

        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.export_png)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(self.map_card, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.best_card, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(tools)
        layout.addLayout(row)
        layout.addStretch(1)
        group.buttonClicked.connect(lambda _button: self._show())

    @property
    def figure(self) -> str:
        return next(key for key, button in self.figure_buttons.items() if button.isChecked())

    def show_times(self, times: BestTimes) -> None:
        self.best_times = times
        self._show()

    def best(self) -> list[tuple[int, int]]:
        """The best slots of the figure shown."""
        if self.best_times is None:
            return []
        primary, secondary = self._grids()
        return best_slots(primary, secondary, SLOTS)

    def _grids(self) -> tuple[list[list[int]], list[list[int]]]:
        assert self.best_times is not None
        if self.figure == "views":
            return self.best_times.views, self.best_times.interactions
        return self.best_times.interactions, self.best_times.views

    def _show(self) -> None:
        times = self.best_times
        if times is None:
            return
        primary, _secondary = self._grids()
        best = self.best()
        name = label(self.figure)
        self.heatmap.show_values(primary, best, name)
        self.hint.setText(
            self.tr(
                "The last {days} days, by weekday and hour on each account's own clock. "
                "Ringed: the best slots."
            ).format(days=times.days)
        )
        for widget in self.slot_labels:
            self.slot_grid.removeWidget(widget)
            widget.deleteLater()
        self.slot_labels = []
        for position, (weekday, hour) in enumerate(best):
            rank = QLabel(f"{position + 1}", self.best_card)
            rank.setObjectName("SlotRank")
            text = QLabel(slot_text(weekday, hour), self.best_card)
            text.setObjectName("SlotText")
            value = QLabel(f"{name} {count_text(primary[weekday][hour])}", self.best_card)
            value.setObjectName("SlotValue")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, widget in enumerate((rank, text, value)):
                self.slot_grid.addWidget(widget, position, column)
                self.slot_labels.append(widget)
        self.slot_grid.setColumnStretch(1, 1)
        self.slot_hint.setText(
            self.tr("Post a little before these hours, so the note is fresh when readers come.")
            if best
            else self.tr("No reader activity in these days yet.")
        )

    def slot_texts(self) -> list[str]:
        """The best slots as written out."""
        return [widget.text() for widget in self.slot_labels if widget.objectName() == "SlotText"]
