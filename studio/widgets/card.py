"""Layout helpers shared by pages: white rounded cards and page headers."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


def card(parent: QWidget | None = None, *, spacing: int = 12) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 18, 20, 18)
    layout.setSpacing(spacing)
    return frame, layout


def page_header(
    title: str, subtitle: str, parent: QWidget | None = None
) -> tuple[QWidget, QHBoxLayout, QLabel, QLabel]:
    """A header row: title and subtitle on the left; callers add controls on the right."""
    header = QWidget(parent)
    header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    row = QHBoxLayout(header)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(10)
    titles = QVBoxLayout()
    titles.setSpacing(2)
    title_label = QLabel(title, header)
    title_label.setObjectName("PageTitle")
    subtitle_label = QLabel(subtitle, header)
    subtitle_label.setObjectName("PageSubtitle")
    titles.addWidget(title_label)
    titles.addWidget(subtitle_label)
    row.addLayout(titles, 1)
    return header, row, title_label, subtitle_label
