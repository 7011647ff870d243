"""The brand's briefs: the list of its briefs as cards, and beside it the selected brief with
the creators who answered it (invited or applied), what each may be asked now, and invitations.

Everything shown comes from the backend through `Query`s; every change goes through a
`Mutation`, and the tab reloads on the `ChangeSet`s that name briefs or collaborations. What
a collaboration allows is the server's `actions`, never guessed here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import BriefPublic, CollaborationPublic
from publisher.domain.changes import ChangeSet
from publisher.schemas import OrganizationPublic
from studio.collab.brief_editor import BriefEditor
from studio.collab.invite_dialog import InviteDialog, followers_text
from studio.collab.labels import badge, clear, restyle, state_badge
from studio.collab.money import fen_text
from studio.collab.wording import (
    STATES,
    action_name,
    brief_mode_name,
    brief_status_name,
    publish_window,
    shown_time,
    state_name,
)
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.widgets.card import card, page_header
from studio.widgets.dialog_buttons import error_note
from studio.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

BRIEF_ACTIONS = ("accept", "decline", "cancel")
"""The moves this tab offers; reviewing rounds is the review screen's."""


@dataclass(frozen=True)
class BrandView:
    """What the tab shows, loaded together: the user's brand organizations, the briefs of the
    chosen one, and the selected brief's collaborations."""

    organizations: list[OrganizationPublic]
    organization: OrganizationPublic | None
    """The one whose briefs are shown."""
    briefs: list[BriefPublic]
    collaborations: list[CollaborationPublic]


def load_view(
    client: StudioClient, organization_id: uuid.UUID | None, brief_id: uuid.UUID | None
) -> BrandView:
    organizations = [org for org in client.list_organizations() if org.kind == "brand"]
    chosen = next((org for org in organizations if org.id == organization_id), None)
    chosen = chosen or (organizations[0] if organizations else None)
    if chosen is None:
        return BrandView([], None, [], [])
    briefs = client.list_briefs(organization_id=chosen.id, limit=100).items
    collaborations: list[CollaborationPublic] = []
    if brief_id is not None and any(brief.id == brief_id for brief in briefs):
        collaborations = client.list_collaborations(
            side="brand", brief_id=brief_id, limit=100
        ).items
    return BrandView(organizations, chosen, briefs, collaborations)


def _status_tone(status: str) -> str:
    """An open brief stands out; drafts and closed ones are grey."""
    return "good" if status == "open" else ""


class BriefCard(QFrame):
    """One brief in the list: clicking it selects it."""

    clicked = Signal(object)

    def __init__(self, brief: BriefPublic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brief = brief
        self.setObjectName("BriefCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        top = QHBoxLayout()
        title = QLabel(brief.title, self)
        title.setObjectName("BriefCardTitle")
        title.setWordWrap(True)
        top.addWidget(title, 1)
        top.addWidget(badge(brief_status_name(brief.status), _status_tone(brief.status), self))
        layout.addLayout(top)
        meta = QLabel(self._meta(), self)
        meta.setObjectName("BriefMeta")
        meta.setWordWrap(True)
        layout.addWidget(meta)
        bottom = QHBoxLayout()
        fee = QLabel(fen_text(brief.fee_fen, brief.currency), self)
        fee.setObjectName("BriefFee")
        bottom.addWidget(fee)
        bottom.addWidget(badge(brief_mode_name(brief.mode), "waiting", self))
        bottom.addStretch(1)
        self.counts = QLabel(self._counts(), self)
        self.counts.setObjectName("CountChip")
        bottom.addWidget(self.counts)
        layout.addLayout(bottom)

    def _meta(self) -> str:
        if self.brief.note_type == "image":
            kind = self.tr("{count} × image note")
        else:
            kind = self.tr("{count} × video note")
        parts = [self.brief.campaign] if self.brief.campaign else []
        parts.append(kind.format(count=self.brief.note_count))
        if self.brief.apply_by:
            parts.append(self.tr("apply by {when}").format(when=shown_time(self.brief.apply_by)))
        if self.brief.publish_until:
            parts.append(
                self.tr("publish by {when}").format(when=shown_time(self.brief.publish_until))
            )
        return "  ·  ".join(parts)

    def _counts(self) -> str:
        counts = self.brief.collaborations
        shown = [
            f"{state_name(state, 'brand')} {counts[state]}" for state in STATES if counts.get(state)
        ]
        return "  ·  ".join(shown) if shown else self.tr("No creators yet")

    def set_selected(self, selected: bool) -> None:
        self.setProperty("selected", selected)
        restyle(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.brief)
        super().mousePressEvent(event)


class CollaborationRow(QFrame):
    """A creator on the brief: who, where the collaboration stands, their quote and message,
    and the moves the server allows the brand now."""

    acted = Signal(object, str)
    """(collaboration, action)."""

    def __init__(self, collaboration: CollaborationPublic, parent: QWidget | None = None):
        super().__init__(parent)
        self.collaboration = collaboration
        self.setObjectName("CollabRow")
        account = collaboration.account
        avatar = QLabel(account.nickname[:1].upper(), self)
        avatar.setObjectName("Avatar")
        avatar.setFixedSize(36, 36)
        avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name = QLabel(account.nickname, self)
        name.setObjectName("CollabName")
        details = [
            self.tr("{followers} followers").format(followers=followers_text(account.followers))
        ]
        details += [part for part in (account.category, account.region) if part]
        if collaboration.quote_fen is not None:
            quote = fen_text(collaboration.quote_fen, collaboration.brief.currency)
            details.append(self.tr("quote {fee}").format(fee=quote))
        meta = QLabel("  ·  ".join(details), self)
        meta.setObjectName("BriefMeta")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        head = QHBoxLayout()
        head.addWidget(name)
        state = collaboration.state
        head.addWidget(state_badge(state, "brand", self))
        head.addStretch(1)
        texts.addLayout(head)
        texts.addWidget(meta)
        if collaboration.message:
            said = QLabel(f"“{collaboration.message}”", self)
            said.setObjectName("CollabMessage")
            said.setWordWrap(True)
            texts.addWidget(said)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(12)
        row.addWidget(avatar, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        self.buttons: dict[str, QPushButton] = {}
        for action in BRIEF_ACTIONS:
            if action not in collaboration.actions:
                continue
            button = QPushButton(action_name(action), self)
            button.setProperty("accent", action == "accept")
            button.clicked.connect(
                lambda _checked=False, move=action: self.acted.emit(self.collaboration, move)
            )
            self.buttons[action] = button
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)


class BriefsTab(QWidget):
    """The Collaborations page's tab for brand members."""

    loaded = Signal()
    """After each reload reached the screen (tests wait on it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.view = BrandView([], None, [], [])
        self.organization_id: uuid.UUID | None = None
        self.selected_id: uuid.UUID | None = None
        self.cards: list[BriefCard] = []
        self.rows: list[CollaborationRow] = []
        self._reloading = False
        self._again = False
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_main())
        self.error_label = error_note(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)
        ctx.events.changed.connect(self._on_changed)
        self.refresh()

    # -- building ----------------------------------------------------------------------------

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(
            EmptyState(
                glyph="✦",
                title=self.tr("Brief creators as a brand"),
                text=self.tr(
                    "Create a brand organization to write briefs, invite creators or recruit "
                    "them, and review their notes before they go out."
                ),
                parent=page,
            )
        )
        self.org_name_edit = QLineEdit(page)
        self.org_name_edit.setPlaceholderText(self.tr("Brand name, e.g. 山野咖啡"))
        self.org_name_edit.setMaximumWidth(320)
        self.org_name_edit.textChanged.connect(
            lambda text: self.create_org_button.setEnabled(bool(text.strip()))
        )
        self.org_name_edit.returnPressed.connect(self.create_organization)
        self.create_org_button = QPushButton(self.tr("Create a brand organization…"), page)
        self.create_org_button.setProperty("accent", True)
        self.create_org_button.setEnabled(False)
        self.create_org_button.clicked.connect(self.create_organization)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.org_name_edit)
        row.addWidget(self.create_org_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        header, row, _title, self.subtitle_label = page_header(
            self.tr("Briefs"), self.tr("What you ask creators for, and who answered"), page
        )
        self.org_combo = QComboBox(page)
        self.org_combo.activated.connect(self._on_org_chosen)
        self.new_button = QPushButton(self.tr("New brief"), page)
        self.new_button.setProperty("accent", True)
        self.new_button.clicked.connect(self.new_brief)
        row.addWidget(self.org_combo)
        row.addWidget(self.new_button)

        self.list_host = QWidget(page)
        self.list_host.setObjectName("PageHost")
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(10)
        list_scroll = QScrollArea(page)
        list_scroll.setFrameShape(QFrame.Shape.NoFrame)
        list_scroll.setWidgetResizable(True)
        list_scroll.setWidget(self.list_host)
        list_scroll.setMinimumWidth(320)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(12)
        splitter.addWidget(list_scroll)
        splitter.addWidget(self._build_detail(page))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addWidget(splitter, 1)
        return page

    def _build_detail(self, parent: QWidget) -> QWidget:
        self.detail_stack = QStackedWidget(parent)
        self.detail_stack.addWidget(
            EmptyState(
                glyph="☰",
                title=self.tr("No brief selected"),
                text=self.tr("Pick a brief on the left to see its creators."),
                parent=self.detail_stack,
            )
        )
        host = QWidget(self.detail_stack)
        host.setObjectName("PageHost")
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        summary, summary_layout = card(host)
        top = QHBoxLayout()
        self.detail_title = QLabel(summary)
        self.detail_title.setObjectName("DetailTitle")
        self.detail_title.setWordWrap(True)
        top.addWidget(self.detail_title, 1)
        self.edit_button = QPushButton(self.tr("Edit"), summary)
        self.edit_button.clicked.connect(self.edit_brief)
        self.invite_button = QPushButton(self.tr("Invite creators…"), summary)
        self.invite_button.setProperty("accent", True)
        self.invite_button.clicked.connect(self.invite_creators)
        top.addWidget(self.edit_button)
        top.addWidget(self.invite_button)
        summary_layout.addLayout(top)
        self.detail_facts = QLabel(summary)
        self.detail_facts.setObjectName("BriefMeta")
        self.detail_facts.setWordWrap(True)
        self.detail_description = QLabel(summary)
        self.detail_description.setWordWrap(True)
        summary_layout.addWidget(self.detail_facts)
        summary_layout.addWidget(self.detail_description)
        column.addWidget(summary)

        people, people_layout = card(host, spacing=10)
        people_title = QLabel(self.tr("Creators"), people)
        people_title.setObjectName("CardTitle")
        people_layout.addWidget(people_title)
        self.people_empty = QLabel(people)
        self.people_empty.setObjectName("Hint")
        self.people_empty.setWordWrap(True)
        people_layout.addWidget(self.people_empty)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(8)
        people_layout.addLayout(self.rows_layout)
        column.addWidget(people)
        column.addStretch(1)
        scroll = QScrollArea(self.detail_stack)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        self.detail_stack.addWidget(scroll)
        return self.detail_stack

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything shown; a refresh asked for during one runs once it is done."""
        if self._reloading:
            self._again = True
            return
        self._reloading = True
        org_id, brief_id = self.organization_id, self.selected_id
        Query(
            self._ctx, parent=self, op=lambda client: load_view(client, org_id, brief_id)
        ).success(self._show).failure(self._load_failed).run()

    def _on_changed(self, changes: ChangeSet, _initiator: QObject | None) -> None:
        if changes.briefs or changes.collaborations:
            self.refresh()

    def _reloaded(self) -> None:
        self._reloading = False
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.show_error(error)
        self._reloading = False
        self._again = False
        self.loaded.emit()

    def _show(self, view: BrandView) -> None:
        self.view = view
        self.stack.setCurrentIndex(1 if view.organization else 0)
        self.organization_id = view.organization.id if view.organization else None
        self.org_combo.clear()
        for org in view.organizations:
            self.org_combo.addItem(org.name, org.id)
        self.org_combo.setCurrentIndex(max(self.org_combo.findData(self.organization_id), 0))
        self.org_combo.setVisible(len(view.organizations) > 1)
        if view.organization:
            self.subtitle_label.setText(
                self.tr("{brand}: what you ask creators for, and who answered").format(
                    brand=view.organization.name
                )
            )
        if self.selected_id not in {brief.id for brief in view.briefs}:
            self.selected_id = None
        self._show_briefs()
        self._show_detail()
        self._reloaded()

    def _show_briefs(self) -> None:
        clear(self.list_layout)
        self.cards = []
        for brief in self.view.briefs:
            brief_card = BriefCard(brief, self.list_host)
            brief_card.set_selected(brief.id == self.selected_id)
            brief_card.clicked.connect(self.select)
            self.list_layout.addWidget(brief_card)
            self.cards.append(brief_card)
        if not self.view.briefs:
            hint = QLabel(
                self.tr("No briefs yet. “New brief” writes the first one."), self.list_host
            )
            hint.setObjectName("Hint")
            hint.setWordWrap(True)
            self.list_layout.addWidget(hint)
        self.list_layout.addStretch(1)

    def selected_brief(self) -> BriefPublic | None:
        return next((b for b in self.view.briefs if b.id == self.selected_id), None)

    def _show_detail(self) -> None:
        brief = self.selected_brief()
        self.detail_stack.setCurrentIndex(1 if brief else 0)
        clear(self.rows_layout)
        self.rows = []
        if brief is None:
            return
        self.detail_title.setText(brief.title)
        self.detail_facts.setText(self._facts(brief))
        self.detail_description.setText(brief.description)
        self.detail_description.setVisible(bool(brief.description))
        self.invite_button.setVisible(brief.mode == "custom")
        self.invite_button.setEnabled(brief.status == "open")
        self.invite_button.setToolTip(
            "" if brief.status == "open" else self.tr("Open the brief to invite creators.")
        )
        for collaboration in self.view.collaborations:
            row = CollaborationRow(collaboration, self)
            row.acted.connect(self.confirm_act)
            self.rows_layout.addWidget(row)
            self.rows.append(row)
        self.people_empty.setText(
            self.tr("Nobody yet. Invite creators to this brief.")
            if brief.mode == "custom"
            else self.tr("No applications yet. Creators who match the brief see it and apply.")
        )
        self.people_empty.setVisible(not self.view.collaborations)

    def _facts(self, brief: BriefPublic) -> str:
        facts = [
            brief_status_name(brief.status),
            brief_mode_name(brief.mode),
            self.tr("{fee} per note").format(fee=fen_text(brief.fee_fen, brief.currency)),
        ]
        if brief.campaign:
            facts.insert(0, brief.campaign)
        if brief.apply_by:
            facts.append(self.tr("apply by {when}").format(when=shown_time(brief.apply_by)))
        if brief.publish_from or brief.publish_until:
            facts.append(self.tr("publish {window}").format(window=publish_window(brief)))
        facts.append(self.tr("protected {days} days").format(days=brief.protection_days))
        return "  ·  ".join(facts)

    # -- actions ----------------------------------------------------------------------------

    def select(self, brief: BriefPublic) -> None:
        self.selected_id = brief.id
        for brief_card in self.cards:
            brief_card.set_selected(brief_card.brief.id == brief.id)
        self.view = BrandView(self.view.organizations, self.view.organization, self.view.briefs, [])
        self._show_detail()
        self.refresh()

    def _on_org_chosen(self, index: int) -> None:
        self.organization_id = self.org_combo.itemData(index)
        self.selected_id = None
        self.refresh()

    def create_organization(self) -> None:
        name = self.org_name_edit.text().strip()
        if not name:
            return
        self.error_label.hide()
        self.create_org_button.setEnabled(False)

        def write(client: StudioClient) -> tuple[OrganizationPublic, ChangeSet]:
            return client.create_organization(name=name, kind="brand"), ChangeSet(briefs=True)

        Mutation(self._ctx, parent=self, op=write).success(self._org_created).failure(
            self._org_failed
        ).run()

    def _org_created(self, org: OrganizationPublic) -> None:
        self.organization_id = org.id
        self.org_name_edit.clear()

    def _org_failed(self, error: BaseException) -> None:
        self.create_org_button.setEnabled(bool(self.org_name_edit.text().strip()))
        self.show_error(error)

    def new_brief(self) -> BriefEditor | None:
        """Open the editor for a new brief of the chosen brand (returned for tests)."""
        if self.organization_id is None:
            return None
        editor = BriefEditor(self._ctx, self.organization_id, parent=self)
        editor.accepted.connect(lambda: self._edited(editor))
        editor.open()
        return editor

    def edit_brief(self) -> BriefEditor | None:
        brief = self.selected_brief()
        if brief is None:
            return None
        editor = BriefEditor(self._ctx, brief.organization_id, brief, parent=self)
        editor.accepted.connect(lambda: self._edited(editor))
        editor.open()
        return editor

    def _edited(self, editor: BriefEditor) -> None:
        if editor.brief is not None:
            self.selected_id = editor.brief.id
        editor.deleteLater()

    def invite_creators(self) -> InviteDialog | None:
        brief = self.selected_brief()
        if brief is None:
            return None
        dialog = InviteDialog(self._ctx, brief, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def confirm_act(self, collaboration: CollaborationPublic, action: str) -> None:
        """Cancelling ends the collaboration for both sides, so it asks first."""
        if action == "cancel":
            answer = QMessageBox.question(
                self,
                self.tr("Cancel collaboration"),
                self.tr("End the collaboration with {name}? This cannot be undone.").format(
                    name=collaboration.account.nickname
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.act(collaboration, action)

    def act(self, collaboration: CollaborationPublic, action: str) -> None:
        self.error_label.hide()
        collaboration_id, version = collaboration.id, collaboration.version

        def write(client: StudioClient) -> Any:
            return client.act(collaboration_id, action, version=version)

        Mutation(self._ctx, parent=self, op=write).failure(self._act_failed).run()

    def _act_failed(self, error: BaseException) -> None:
        self.show_error(error)
        self.refresh()

    def show_error(self, error: BaseException) -> None:
        self.error_label.setText(reason_of(error))
        self.error_label.show()
