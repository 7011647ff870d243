"""A window whose whole content scrolls: on a small screen a tall dialog still shows all of
itself, in the page colour, without a frame around the scrolled part."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_page(
    owner: QWidget, *, margins: tuple[int, int, int, int] = (24, 18, 24, 18), spacing: int = 14
) -> tuple[QWidget, QVBoxLayout]:
    """Fill `owner` with a frameless scroll area around one page-coloured column; returns the
    column's widget (its size hint is what the content wants) and its layout, to fill."""
    content = QWidget(owner)
    content.setObjectName("PageHost")
    column = QVBoxLayout(content)
    column.setContentsMargins(*margins)
    column.setSpacing(spacing)
    scroll = QScrollArea(owner)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return content, column
