"""One of the brand's comments as the creator answers it: the collaboration view's review card,
the composer and the photo editor's review pane all show the same row, so a comment looks and
resolves the same wherever the creator meets it.

The app's stylesheet draws the row as the review card wants it (a rule above each row); the
composer and the editor restyle `#CommentRow` in their own sheets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from publisher.brief_schemas import CommentPublic
from studio.collab.comment_marks import NumberBadge
from studio.collab.wording import shown_day_time


class CommentRow(QFrame):
    """One comment: its number when it points at a region, the text, who wrote it and when,
    and a Resolved box, enabled while the creator may answer comments (beside the text, or
    under it where the row is `narrow`); `resolve_toggled(comment, resolved)` when it is
    clicked."""

    resolve_toggled = Signal(object, bool)

    def __init__(
        self,
        comment: CommentPublic,
        number: int | None,
        may_resolve: bool,
        parent: QWidget | None = None,
        *,
        narrow: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CommentRow")
        self.comment = comment
        done = comment.resolved_at is not None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(10)
        if number is not None:
            layout.addWidget(NumberBadge(number, done, self), 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.text = QLabel(comment.text, self)
        self.text.setObjectName("CommentText")
        self.text.setProperty("done", done)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        meta = QLabel(f"{comment.author_name} · {shown_day_time(comment.created_at)}", self)
        meta.setObjectName("BubbleMeta")
        meta.setWordWrap(True)
        texts.addWidget(self.text)
        texts.addWidget(meta)
        layout.addLayout(texts, 1)
        self.resolved = QCheckBox(self.tr("Resolved"), self)
        self.resolved.setChecked(done)
        self.resolved.setEnabled(may_resolve)
        self.resolved.setCursor(Qt.CursorShape.PointingHandCursor)
        self.resolved.setToolTip(
            self.tr("Tick it once the note answers this comment")
            if may_resolve
            else self.tr("Comments are answered while the note is with you, not in review")
        )
        self.resolved.toggled.connect(lambda on: self.resolve_toggled.emit(comment, on))
        if narrow:
            texts.addSpacing(4)
            texts.addWidget(self.resolved)
        else:
            layout.addWidget(self.resolved, 0, Qt.AlignmentFlag.AlignTop)
