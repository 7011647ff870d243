"""A note's public page: its address on the backend and a QR code for a phone, with the readers'
comments held for the note's authors below (approve shows one on the page, remove drops it).

The address is the backend's own (`<base url>/note/<id>`): a backend listening only on this
computer gets a hint on how a phone on the same Wi-Fi could open it. Every call runs off the
UI thread; after an approve or a remove the list is asked for again, so a second moderator's
work shows too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.reader_schemas import ReaderCommentPage, ReaderCommentPublic
from publisher.schemas import NotePublic
from studio.analytics.exports import saved
from studio.atomic_file import write_atomically
from studio.collab.wording import shown_day_time
from studio.messages import message
from studio.ops import Mutation, Query
from studio.reader_link.links import (
    SERVE_PORT,
    lan_address,
    loopback_host,
    public_url,
    serve_command,
    unavailable_reason,
)
from studio.reader_link.qr_code import QrCodeView, qr_image
from studio.style import BORDER, TEXT_MUTED
from studio.widgets.scroll_page import scrolling_page

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

HELD_SHOWN = 50
"""Held comments listed at once, newest first (the rest follow as these are answered)."""
DIALOG_STYLE = f"""
#PublicQr {{ background: white; border: 1px solid {BORDER}; border-radius: 14px; }}
#PublicUrl {{ padding: 6px 8px; }}
#PublicLocal {{ background: #FFF6E5; border-radius: 12px; }}
#PublicLocal QLabel {{ color: #6B4600; font-size: 13px; }}
#PublicLocal QLabel#PublicLocalTitle {{ font-weight: 600; }}
#PublicLocal QLabel#PublicCommand {{
    background: white; border-radius: 6px; padding: 6px 8px; color: #1F2024;
    font-family: "Menlo", "Consolas", "DejaVu Sans Mono", monospace; font-size: 12px;
}}
#PublicUnavailable {{ background: #F4F4F6; border-radius: 12px; padding: 10px 12px;
    color: #4A4D55; }}
#HeldComment {{ background: white; border: 1px solid {BORDER}; border-radius: 10px; }}
#HeldName {{ font-weight: 600; }}
#HeldMeta {{ color: {TEXT_MUTED}; font-size: 12px; }}
#HeldReason {{ color: #8A5A00; background: #FFF6E5; border-radius: 6px; padding: 1px 6px;
    font-size: 11px; }}
"""


@dataclass(frozen=True)
class PageState:
    """What the dialog shows at the top: the note and the backend that serves its page."""

    note: NotePublic
    base_url: str

    @property
    def url(self) -> str:
        return public_url(self.base_url, self.note.id)


def _load(client: StudioClient, note_id: uuid.UUID) -> PageState:
    return PageState(client.get_note(note_id), client.base_url)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()  # kept alive here: the buffer writes into it, it does not own it
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class HeldCommentRow(QFrame):
    """One held comment: who, when, why it waits, what it says; Approve and Remove (hidden
    for a member who may only read)."""

    def __init__(
        self, comment: ReaderCommentPublic, may_moderate: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HeldComment")
        self.comment = comment
        name = QLabel(comment.name, self)
        name.setObjectName("HeldName")
        name.setTextFormat(Qt.TextFormat.PlainText)  # a reader's name is text, never markup
        when = QLabel(shown_day_time(comment.created_at), self)
        when.setObjectName("HeldMeta")
        self.reason = QLabel(self._reason_text(comment.held_reason), self)
        self.reason.setObjectName("HeldReason")
        self.body = QLabel(comment.body, self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setProperty("accent", True)
        self.approve_button.setToolTip(
            self.tr("Show it on the note's page; it counts as a comment")
        )
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Never show it"))
        for button in (self.approve_button, self.remove_button):
            button.setVisible(may_moderate)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(name)
        head.addWidget(when)
        head.addWidget(self.reason)
        head.addStretch(1)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addLayout(head)
        texts.addWidget(self.body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        layout.addLayout(texts, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _reason_text(self, reason: str | None) -> str:
        if reason == "link":
            return self.tr("Contains a link")
        if reason == "words":
            return self.tr("Contains a forbidden word")
        return self.tr("Held")

    def set_busy(self, busy: bool) -> None:
        for button in (self.approve_button, self.remove_button):
            button.setEnabled(not busy)


class PublicPageDialog(QDialog):
    """One note's public page; `state` once loaded, `comments` the held page last shown."""

    def __init__(self, ctx: AppContext, note_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self.note_id = note_id
        self.state: PageState | None = None
        self.comments: ReaderCommentPage | None = None
        self.rows: list[HeldCommentRow] = []
        self.setWindowTitle(self.tr("Public page"))
        self.setStyleSheet(DIALOG_STYLE)
        self.resize(760, 820)
        self._build()
        self.reload()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("PageTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Anyone with the link reads the note without signing in: share it, or scan "
                "the code with a phone. Readers' likes, comments and clicks show up in Analytics."
            ),
            self,
        )
        intro.setObjectName("Hint")
        intro.setWordWrap(True)

        self.qr = QrCodeView(parent=self)
        qr_frame = QFrame(self)
        qr_frame.setObjectName("PublicQr")
        qr_layout = QVBoxLayout(qr_frame)
        qr_layout.setContentsMargins(8, 8, 8, 8)
        qr_layout.addWidget(self.qr)
        qr_frame.setFixedSize(self.qr.width() + 16, self.qr.height() + 16)

        address_title = QLabel(self.tr("Page address"), self)
        address_title.setObjectName("CardTitle")
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("PublicUrl")
        self.url_edit.setReadOnly(True)
        self.url_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.url_edit.setPlaceholderText(self.tr("Loading…"))
        self.copy_button = QPushButton(self.tr("Copy link"), self)
        self.copy_button.setProperty("accent", True)
        self.open_button = QPushButton(self.tr("Open in browser"), self)
        self.save_button = QPushButton(self.tr("Save QR as PNG…"), self)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.copy_button, self.open_button, self.save_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.scan_label = QLabel(
            self.tr("Point a phone's camera at the code to open the page there."), self
        )
        self.scan_label.setObjectName("Hint")
        self.scan_label.setWordWrap(True)
        self.scan_label.hide()
        self.unavailable_label = QLabel(self)
        self.unavailable_label.setObjectName("PublicUnavailable")
        self.unavailable_label.setWordWrap(True)
        self.unavailable_label.hide()
        address = QVBoxLayout()
        address.setSpacing(10)
        address.addWidget(address_title)
        address.addWidget(self.url_edit)
        address.addLayout(buttons)
        address.addWidget(self.scan_label)
        address.addWidget(self.unavailable_label)
        address.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(qr_frame, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(address, 1)

        self.local_hint = self._build_local_hint()

        comments_title = QLabel(self.tr("Readers' comments"), self)
        comments_title.setObjectName("CardTitle")
        self.visible_label = QLabel(self)
        self.visible_label.setObjectName("Hint")
        self.comments_head = QWidget(self)
        comments_head = QHBoxLayout(self.comments_head)
        comments_head.setContentsMargins(0, 4, 0, 0)
        comments_head.addWidget(comments_title)
        comments_head.addStretch(1)
        comments_head.addWidget(self.visible_label)
        self.held_label = QLabel(self)
        self.held_label.setObjectName("Hint")
        self.held_label.setWordWrap(True)
        self.held_host = QWidget(self)
        self.held_layout = QVBoxLayout(self.held_host)
        self.held_layout.setContentsMargins(0, 0, 0, 0)
        self.held_layout.setSpacing(8)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("Hint")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        _content, layout = scrolling_page(self, margins=(24, 20, 24, 20), spacing=12)
        layout.addWidget(self.title_label)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.local_hint)
        layout.addWidget(self.comments_head)
        layout.addWidget(self.held_label)
        layout.addWidget(self.held_host)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

        self.copy_button.clicked.connect(self.copy_link)
        self.open_button.clicked.connect(self.open_in_browser)
        self.save_button.clicked.connect(self.save_qr)

    def _build_local_hint(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("PublicLocal")
        title = QLabel(self.tr("A phone cannot open this address"), frame)
        title.setObjectName("PublicLocalTitle")
        self.local_text = QLabel(frame)
        self.local_text.setWordWrap(True)
        self.local_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command_label = QLabel(frame)
        self.command_label.setObjectName("PublicCommand")
        self.command_label.setWordWrap(True)
        self.command_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_command_button = QPushButton(self.tr("Copy command"), frame)
        self.copy_command_button.clicked.connect(self.copy_command)
        command_row = QHBoxLayout()
        command_row.setSpacing(8)
        command_row.addWidget(self.command_label, 1)
        command_row.addWidget(self.copy_command_button, 0, Qt.AlignmentFlag.AlignTop)
        self.local_more = QLabel(frame)
        self.local_more.setWordWrap(True)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.local_text)
        layout.addLayout(command_row)
        layout.addWidget(self.local_more)
        frame.hide()
        return frame

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        note_id = self.note_id
        Query(self._ctx, parent=self, op=lambda client: _load(client, note_id)).success(
            self._on_loaded
        ).failure(self._on_failed).run()
        self.reload_comments()

    def reload_comments(self) -> None:
        note_id = self.note_id
        Query(
            self._ctx,
            parent=self,
            op=lambda client: client.reader_comments(note_id, status="held", limit=HELD_SHOWN),
        ).success(self._show_comments).failure(self._on_failed).run()

    def _on_loaded(self, state: PageState) -> None:
        self.state = state
        self.title_label.setText(state.note.title or self.tr("(untitled)"))
        why = unavailable_reason(state.note)
        available = not why
        self.unavailable_label.setText(why)
        self.unavailable_label.setVisible(not available)
        self.url_edit.setText(state.url if available else "")
        self.url_edit.setCursorPosition(0)
        self.url_edit.setToolTip(state.url if available else "")
        self.url_edit.setPlaceholderText("" if available else self.tr("No public page"))
        self.qr.placeholder = self.tr("No QR code: the note has no public page")
        self.qr.set_text(state.url if available else "")
        for button in (self.copy_button, self.open_button, self.save_button):
            button.setEnabled(available)
            button.setToolTip("" if available else why)
        host = loopback_host(state.base_url) if available else None
        self.scan_label.setVisible(available and host is None)
        self._show_local_hint(state, host)
        self._show_comments_section()

    def _show_comments_section(self) -> None:
        """Comments are for notes readers can open, or that they could once."""
        available = self.state is not None and not unavailable_reason(self.state.note)
        page = self.comments
        shown = available or (page is not None and sum(page.counts.values()) > 0)
        for widget in (self.comments_head, self.held_label):
            widget.setVisible(shown)
        self.held_host.setVisible(shown and page is not None and bool(page.items))

    def _show_local_hint(self, state: PageState, host: str | None) -> None:
        self.local_hint.setVisible(host is not None)
        if host is None:
            return
        embedded = self._ctx.connection.team is None
        self.command_label.setVisible(embedded)
        self.copy_command_button.setVisible(embedded)
        if not embedded:
            self.local_text.setText(
                self.tr(
                    "{host} is the team server's own machine: only that computer can open the "
                    "page. Ask whoever runs the server to start it with --host 0.0.0.0 or "
                    "behind a web server (see docs/team-server.md); then every phone that "
                    "reaches it opens these pages."
                ).format(host=host)
            )
            self.local_more.hide()
            return
        lan = lan_address() or self.tr("this-computers-address")
        phone_url = public_url(f"http://{lan}:{SERVE_PORT}", state.note.id)
        self.local_text.setText(
            self.tr(
                "{host} is this computer's own address, so only this computer can open the "
                "page. For a phone on the same Wi-Fi: close the studio, run this command, then "
                "open {url} on the phone."
            ).format(host=host, url=phone_url)
        )
        self.command_label.setText(serve_command(self._ctx.data_dir))
        self.local_more.setText(
            self.tr(
                "Only on a network you trust. For a team, run a team server "
                "(docs/team-server.md): its pages open for everyone who reaches it."
            )
        )
        self.local_more.show()

    def _show_comments(self, page: ReaderCommentPage) -> None:
        self.comments = page
        for row in self.rows:
            self.held_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        visible = page.counts.get("visible", 0)
        self.visible_label.setText(
            self.tr("{count} shown on the page").format(count=visible)
            if visible != 1
            else self.tr("1 shown on the page")
        )
        held = page.counts.get("held", 0)
        if not held:
            text = self.tr(
                "No comments wait for you: comments with a link or a forbidden word are held "
                "here until you approve or remove them."
            )
        elif not page.may_moderate:
            text = self.tr(
                "{count} held for the note's authors. You may read them; approving and "
                "removing them is for the account's editors."
            ).format(count=held)
        elif held > len(page.items):
            text = self.tr("{count} held for you; the {shown} newest are below.").format(
                count=held, shown=len(page.items)
            )
        else:
            text = self.tr("{count} held for you: approve one to show it on the page.").format(
                count=held
            )
        self.held_label.setText(text)
        self._show_comments_section()
        for comment in page.items:
            row = HeldCommentRow(comment, page.may_moderate, self.held_host)
            row.approve_button.clicked.connect(
                lambda _checked=False, r=row: self._moderate(r, approve=True)
            )
            row.remove_button.clicked.connect(
                lambda _checked=False, r=row: self._moderate(r, approve=False)
            )
            self.held_layout.addWidget(row)
            self.rows.append(row)

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, ClientError):
            raise error
        self.error_label.setText(message(error.code, error.params))
        self.error_label.show()

    # -- actions ---------------------------------------------------------------------------

    def _moderate(self, row: HeldCommentRow, *, approve: bool) -> None:
        comment_id = row.comment.id
        row.set_busy(True)
        self.error_label.hide()

        def op(client: StudioClient) -> tuple[ReaderCommentPublic, object]:
            if approve:
                return client.approve_reader_comment(comment_id)
            return client.remove_reader_comment(comment_id)

        Mutation(self._ctx, parent=self, op=op).success(
            lambda _comment: self.reload_comments()
        ).failure(self._on_moderation_failed).run()

    def _on_moderation_failed(self, error: BaseException) -> None:
        self._on_failed(error)
        self.reload_comments()

    def copy_link(self) -> None:
        if self.qr.text:
            QGuiApplication.clipboard().setText(self.qr.text)
            self._ctx.notifier.success(self.tr("Link copied."))

    def copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command_label.text())
        self._ctx.notifier.success(self.tr("Command copied."))

    def open_in_browser(self) -> None:
        if self.qr.text:
            QDesktopServices.openUrl(QUrl(self.qr.text))

    def save_qr(self) -> Path | None:
        """Ask where, then save the code as a PNG; the file, or None when cancelled."""
        if not self.qr.matrix:
            return None
        return saved(self._ctx.notifier, self._write_qr)

    def _write_qr(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save QR code"),
            f"note-{str(self.note_id)[:8]}-qr.png",
            self.tr("PNG images") + " (*.png)",
        )
        if not name:
            return None
        path = Path(name)
        write_atomically(path, png_bytes(qr_image(self.qr.matrix)))
        return path
