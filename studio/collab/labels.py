"""The small pieces the collaboration screens build from: a state badge, tags, section
labels, checklist rows, and emptying or scrolling a column. Styled by object name in the app's
stylesheet (`studio.style`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLayout, QScrollArea, QWidget

from publisher.brief_schemas import BriefCheckPublic
from studio.collab.check_words import check_html
from studio.collab.wording import state_name, state_tone

MAX_FOLLOWERS_INPUT = 2_000_000_000
"""The top of a followers spin box (an account's, a brief's range): a spin box holds a 32-bit
int, and no account comes near it."""


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property it selects on changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def badge(text: str, tone: str, parent: QWidget | None = None) -> QLabel:
    """A rounded chip: a state, a round, a brief's status or mode."""
    label = QLabel(text, parent)
    label.setObjectName("StateBadge")
    label.setProperty("tone", tone)
    return label


def state_badge(state: str, side: str, parent: QWidget | None = None) -> QLabel:
    label = badge("", "", parent)
    show_state(label, state, side)
    return label


def show_state(label: QLabel, state: str, side: str) -> None:
    """Word and colour `label` for `state` as `side` sees it; hidden for no state."""
    label.setText(state_name(state, side))
    label.setProperty("tone", state_tone(state, side))
    label.setProperty("state", state)
    label.setVisible(bool(state))
    restyle(label)


def tag(text: str, parent: QWidget | None = None, *, bad: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("Tag")
    if bad:
        label.setProperty("tone", "bad")
    return label


def flow_of_tags(items: Sequence[str], parent: QWidget, *, bad: bool = False) -> QWidget:
    """Short tags wrapped over lines, for topics, mentions and forbidden words."""
    holder = QWidget(parent)
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(6)
    per_row = 4
    for index, item in enumerate(items):
        grid.addWidget(tag(item, holder, bad=bad), index // per_row, index % per_row)
    grid.setColumnStretch(per_row, 1)
    return holder


def section_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("SectionLabel")
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("Hint")
    label.setWordWrap(True)
    return label


def check_row(
    check: BriefCheckPublic, products: Mapping[str, str], parent: QWidget | None = None
) -> QLabel:
    """One item of the brief's checklist: ✓ or ✕, its name, what was found or is missing."""
    label = QLabel(check_html(check, products), parent)
    label.setObjectName("CheckRow")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def clear(layout: QLayout) -> None:
    """Delete every widget and sub-layout of `layout`."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear(item.layout())


def scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    """`widget` in a frameless vertical scroll area that lets its container's colour show."""
    scroll = QScrollArea(parent)
    scroll.setObjectName("ClearScroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    scroll.viewport().setAutoFillBackground(False)
    widget.setAutoFillBackground(False)
    return scroll
