"""The brand's comments on the photo being edited: a narrow list beside the canvas (each
comment resolvable) and the boxes of its region comments drawn over the photo.

The boxes are fractions of the photo the brand reviewed, which is the render of the recipe
submitted; they are drawn over the canvas's render, so they sit where the brand drew them as
long as the crop is the one submitted. Painting is a few rectangles per frame: the editor
stays as fast with them on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from publisher.brief_schemas import CommentPublic
from studio.collab.comment_marks import Mark
from studio.collab.comment_row import CommentRow
from studio.widgets.comment_pins import paint_marks

PANE_WIDTH = 280
REVIEW_PANE_STYLE = """
#EditorReview { background: #222327; border-right: 1px solid #2C2E33; }
#EditorReview QLabel { color: #E6E7EA; }
#EditorReview #EditorReviewTitle { font-size: 14px; font-weight: 600; }
#EditorReview #EditorReviewHint, #EditorReview #BubbleMeta {
    color: #8E9199; font-size: 12px;
}
#EditorReview #CommentText { font-size: 13px; }
#EditorReview #CommentText[done="true"] { color: #8E9199; text-decoration: line-through; }
#EditorReview #CommentRow {
    border: none; border-bottom: 1px solid #2C2E33; padding: 0 0 6px 0;
}
#EditorReview QCheckBox { color: #E6E7EA; font-size: 12px; }
#EditorReview QScrollArea, #EditorReview #EditorReviewList { background: transparent; }
"""


class ReviewPane(QFrame):
    """The list; `resolve_toggled(comment, resolved)` when a Resolved box is clicked."""

    resolve_toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditorReview")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(PANE_WIDTH)
        self.rows: list[CommentRow] = []
        self.marks: list[Mark] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 12, 12)
        layout.setSpacing(6)
        self.title = QLabel(self.tr("The brand's comments"), self)
        self.title.setObjectName("EditorReviewTitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("EditorReviewHint")
        self.hint.setWordWrap(True)
        holder = QWidget(self)
        holder.setObjectName("EditorReviewList")
        self._list = QVBoxLayout(holder)
        self._list.setContentsMargins(0, 0, 4, 0)
        self._list.setSpacing(0)
        self._list.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)

    def show_comments(
        self,
        comments: Sequence[CommentPublic],
        numbers: dict,
        marks: Sequence[Mark],
        *,
        may_resolve: bool,
    ) -> None:
        for row in self.rows:
            self._list.removeWidget(row)
            row.deleteLater()
        self.marks = list(marks)
        self.rows = [
            CommentRow(comment, numbers.get(comment.id), may_resolve, self, narrow=True)
            for comment in comments
        ]
        for index, row in enumerate(self.rows):
            row.resolve_toggled.connect(self.resolve_toggled)
            self._list.insertWidget(index, row)
        still_open = sum(1 for c in comments if c.resolved_at is None)
        self.hint.setText(
            self.tr("{count} still open. The boxes show where the brand pointed.").format(
                count=still_open
            )
            if still_open
            else self.tr("All resolved.")
        )

    def paint_over(self, painter: QPainter, image: QRectF) -> None:
        """The canvas's overlay: the region comments' boxes on the photo drawn at `image`."""
        paint_marks(painter, self.marks, image)
