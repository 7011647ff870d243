"""The brand's region comments painted over a picture drawn anywhere: the composer's photo
strip paints them on its cards, the photo editor over its canvas. Each is the collaboration
screens' numbered box (`studio.collab.mark_painting`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from studio.collab.comment_marks import Mark
from studio.collab.mark_painting import paint_numbered_box
from studio.collab.regions import region_rect


def paint_marks(painter: QPainter, marks: Sequence[Mark], image: QRectF) -> None:
    """Every mark on the picture drawn at `image`; open ones last, so a resolved box never
    hides one still to do. The painter's state is restored."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for mark in sorted(marks, key=lambda m: not m.done):
        paint_numbered_box(painter, region_rect(mark, image), mark.number, mark.done)
    painter.restore()
