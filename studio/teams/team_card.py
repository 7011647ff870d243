"""Settings' "Team" card: the organizations the user works in, and for the one picked its
members and their roles, pending invitations, the accounts it manages for creators, and what
its owners and admins did lately.

The card only shows what `team_state` loads and decides, and turns clicks into client calls
run in the background; the server has the last word, and its refusals (the last owner, a role
an admin may not give) appear above the lists in the user's language.
"""

from __future__ import annotations

import uuid
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.roles import rank
from studio.collab.labels import badge, clear, tag
from studio.collab.wording import shown_date, shown_day_time, shown_time
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.teams.invite_dialog import InviteDialog
from studio.teams.join_dialog import JoinDialog
from studio.teams.new_organization_dialog import NewOrganizationDialog
from studio.teams.role_combo import RoleCombo
from studio.teams.rows import hint_label, list_row, section_head, small_button
from studio.teams.team_state import (
    OrganizationDetail,
    TeamOverview,
    is_manager,
    load_detail,
    member_choices,
    picked_organization,
    sorted_members,
)
from studio.teams.wording import (
    audit_text,
    invitation_terms,
    invitation_title,
    kind_name,
    role_hint,
    role_name,
)
from studio.widgets.banner import Banner
from studio.widgets.confirm import ask_to_confirm

if TYPE_CHECKING:
    from publisher.schemas import MemberPublic, OrganizationPublic
    from publisher.team_schemas import GrantPublic, InvitationPublic
    from studio.context import AppContext

ACTIVITY_SHOWN = 6
"""Entries shown before "Show all": the latest changes are what people look for."""


class TeamCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self._ctx = ctx
        self._overview: TeamOverview | None = None
        self.detail: OrganizationDetail | None = None
        self._wanted: uuid.UUID | None = None
        """The organization the user picked (or just created or joined)."""
        self._generation = 0
        self._all_activity = False
        self.member_rows: dict[uuid.UUID, QFrame] = {}
        self.role_combos: dict[uuid.UUID, RoleCombo] = {}
        self.member_buttons: dict[uuid.UUID, QPushButton] = {}
        self.invitation_rows: dict[uuid.UUID, QFrame] = {}
        self.grant_rows: dict[uuid.UUID, QFrame] = {}
        self.invite_dialog: InviteDialog | None = None
        self.join_dialog: JoinDialog | None = None
        self.new_dialog: NewOrganizationDialog | None = None
        self._build()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Team"), self)
        title.setObjectName("CardTitle")
        self.join_button = small_button(self.tr("Join with a code…"), self)
        self.join_button.clicked.connect(self.open_join)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.join_button)
        intro = hint_label(
            self.tr("The organizations you work in, who is in them, and what each person may do."),
            self,
        )
        self.organization_combo = QComboBox(self)
        self.organization_combo.setMinimumWidth(300)
        self.organization_combo.currentIndexChanged.connect(self._on_organization_picked)
        self.new_button = small_button(self.tr("New organization…"), self)
        self.new_button.clicked.connect(self.open_new_organization)
        picker = QHBoxLayout()
        picker.setSpacing(10)
        picker.addWidget(self.organization_combo)
        picker.addWidget(self.new_button)
        picker.addStretch(1)
        self.your_role = hint_label("", self)
        self.loading = hint_label(self.tr("Loading…"), self)
        self.banner = Banner(self)
        self.personal_hint = hint_label(
            self.tr(
                "This is your personal workspace: your own accounts live here. To work with "
                "others, create an MCN or brand organization, or join one with a code."
            ),
            self,
        )

        self.members_section = QWidget(self)
        members_head, self.members_title = section_head(self.tr("Members"), self.members_section)
        self.invite_button = small_button(self.tr("Invite…"), self.members_section)
        self.invite_button.setProperty("accent", True)
        self.invite_button.clicked.connect(self.open_invite)
        members_head.addWidget(self.invite_button)
        self.members_box = QVBoxLayout()
        self.members_box.setSpacing(6)
        self._column(self.members_section, members_head, self.members_box)

        self.invitations_section = QWidget(self)
        invitations_head, _label = section_head(
            self.tr("Pending invitations"), self.invitations_section
        )
        self.invitations_box = QVBoxLayout()
        self.invitations_box.setSpacing(6)
        self.invitations_empty = hint_label(
            self.tr("No invitation is waiting to be used."), self.invitations_section
        )
        self._column(
            self.invitations_section,
            invitations_head,
            self.invitations_box,
            self.invitations_empty,
        )

        self.managed_section = QWidget(self)
        managed_head, _label = section_head(
            self.tr("Creators' accounts it manages"), self.managed_section
        )
        self.managed_box = QVBoxLayout()
        self.managed_box.setSpacing(6)
        self.managed_empty = hint_label("", self.managed_section)
        self._column(self.managed_section, managed_head, self.managed_box, self.managed_empty)

        self.activity_section = QWidget(self)
        activity_head, _label = section_head(self.tr("Activity"), self.activity_section)
        self.activity_more = QPushButton(self.activity_section)
        self.activity_more.setObjectName("LinkButton")
        self.activity_more.clicked.connect(self._toggle_activity)
        activity_head.addWidget(self.activity_more)
        self.activity_grid = QGridLayout()
        self.activity_grid.setHorizontalSpacing(14)
        self.activity_grid.setVerticalSpacing(6)
        self.activity_grid.setColumnStretch(1, 1)
        self._column(self.activity_section, activity_head, self.activity_grid)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(intro)
        layout.addLayout(picker)
        layout.addWidget(self.loading)
        layout.addWidget(self.your_role)
        layout.addWidget(self.banner)
        layout.addWidget(self.personal_hint)
        for section in (
            self.members_section,
            self.invitations_section,
            self.managed_section,
            self.activity_section,
        ):
            layout.addSpacing(4)
            layout.addWidget(section)
        for hidden_until_loaded in (
            self.your_role,
            self.personal_hint,
            self.members_section,
            self.invitations_section,
            self.managed_section,
            self.activity_section,
        ):
            hidden_until_loaded.hide()

    @staticmethod
    def _column(section: QWidget, *parts: QHBoxLayout | QVBoxLayout | QGridLayout | QLabel) -> None:
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        for part in parts:
            if isinstance(part, QLabel):
                column.addWidget(part)
            else:
                column.addLayout(part)

    # -- what to show ----------------------------------------------------------------------

    @property
    def organization(self) -> OrganizationPublic | None:
        return self.detail.organization if self.detail else None

    def show_overview(self, overview: TeamOverview) -> None:
        """The user's organizations arrived (again): show them and load the one picked."""
        self._overview = overview
        chosen = picked_organization(overview, self._wanted)
        self.organization_combo.blockSignals(True)
        self.organization_combo.clear()
        for org in overview.organizations:
            label = " · ".join((org.name, kind_name(org.kind), role_name(org.role)))
            self.organization_combo.addItem(label, str(org.id))
        if chosen is not None:
            self.organization_combo.setCurrentIndex(
                self.organization_combo.findData(str(chosen.id))
            )
        self.organization_combo.blockSignals(False)
        if chosen is not None:
            self._load(chosen)

    def show_error(self, error: BaseException) -> None:
        self.banner.show_message(reason_of(error), level="error")

    def _on_organization_picked(self, _row: int) -> None:
        if self._overview is None:
            return
        data = self.organization_combo.currentData()
        chosen = self._overview.organization(uuid.UUID(data)) if data else None
        if chosen is not None:
            self._wanted = chosen.id
            self._all_activity = False
            self.banner.hide()
            self._load(chosen)

    def _load(self, organization: OrganizationPublic) -> None:
        self._generation += 1
        generation = self._generation
        Query(self._ctx, parent=self, op=lambda client: load_detail(client, organization)).success(
            lambda detail: self._show_detail(generation, detail)
        ).failure(self.show_error).run()

    def _show_detail(self, generation: int, detail: OrganizationDetail) -> None:
        if generation != self._generation:
            return  # another organization was picked meanwhile
        self.detail = detail
        org = detail.organization
        manager = is_manager(org.role)
        personal = org.kind == "personal"
        self.your_role.setText(
            self.tr("Your role: {role} — {hint}").format(
                role=role_name(org.role), hint=role_hint(org.role)
            )
        )
        self.loading.hide()
        self.your_role.setVisible(not personal)
        self.personal_hint.setVisible(personal)
        self.invite_button.setVisible(manager and not personal)
        self.members_section.setVisible(not personal)
        self._fill_members(detail)
        self.invitations_section.setVisible(manager and not personal)
        self._fill_invitations(detail.invitations)
        managed = self._overview.managed_by(org.id) if self._overview else []
        self.managed_section.setVisible(org.kind == "mcn" or bool(managed))
        self._fill_managed(org, managed)
        self.activity_section.setVisible(manager and bool(detail.activity))
        self._fill_activity()

    # -- members ---------------------------------------------------------------------------

    def _fill_members(self, detail: OrganizationDetail) -> None:
        clear(self.members_box)
        self.member_rows, self.role_combos, self.member_buttons = {}, {}, {}
        self.members_title.setText(self.tr("Members · {count}").format(count=len(detail.members)))
        if self._overview is None:
            return
        user_id = self._overview.user_id
        for member in sorted_members(detail.members, user_id):
            itself = member.user_id == user_id
            row, actions = list_row(
                self,
                title=member.display_name or member.email,
                detail=member.email,
                initial=member.display_name or member.email,
            )
            if itself:
                actions.addWidget(tag(self.tr("You"), row), 0, Qt.AlignmentFlag.AlignVCenter)
            choices = member_choices(detail.organization, member, user_id)
            if choices.roles:
                combo = RoleCombo(choices.roles, member.role, row)
                combo.setMinimumWidth(130)
                combo.role_chosen.connect(lambda role, m=member: self.change_role(m, role))
                self.role_combos[member.user_id] = combo
                actions.addWidget(combo)
            else:
                tone = "waiting" if is_manager(member.role) else ""
                role = badge(role_name(member.role), tone, row)
                role.setToolTip(role_hint(member.role))
                actions.addWidget(role, 0, Qt.AlignmentFlag.AlignVCenter)
            if choices.may_leave or choices.may_remove:
                button = small_button(
                    self.tr("Leave") if choices.may_leave else self.tr("Remove"), row, danger=True
                )
                button.clicked.connect(
                    lambda _=False, m=member, leave=choices.may_leave: self.remove(m, leave=leave)
                )
                self.member_buttons[member.user_id] = button
                actions.addWidget(button)
            self.members_box.addWidget(row)
            self.member_rows[member.user_id] = row

    def change_role(self, member: MemberPublic, role: str) -> None:
        org = self.organization
        if org is None or self._overview is None:
            return
        itself = member.user_id == self._overview.user_id
        question = None
        if itself and rank(role) < rank(member.role):
            question = self.tr(
                "Make yourself {role} in {org}? You will not be able to undo this yourself."
            )
        elif role == "owner" and not itself:
            question = self.tr(
                "Make {name} an owner of {org}? Owners may do everything, including removing "
                "other owners."
            )
        if question and not self.confirm(
            self.tr("Change role"),
            question.format(role=role_name(role), org=org.name, name=member.display_name),
            self.tr("Make {role}").format(role=role_name(role)),
        ):
            self._reset_role(member)
            return
        org_id, user_id = org.id, member.user_id
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.set_member_role(org_id, user_id, role),
        ).success(lambda _member: self.banner.hide()).failure(
            lambda error: self._refused(error, member)
        ).run()

    def _reset_role(self, member: MemberPublic) -> None:
        combo = self.role_combos.get(member.user_id)
        if combo is not None:
            combo.set_role(member.role)

    def _refused(self, error: BaseException, member: MemberPublic | None = None) -> None:
        self.show_error(error)
        if member is not None:
            self._reset_role(member)

    def remove(self, member: MemberPublic, *, leave: bool) -> None:
        org = self.organization
        if org is None:
            return
        if leave:
            asked = self.confirm(
                self.tr("Leave {org}").format(org=org.name),
                self.tr(
                    "Leave {org}? You lose access to its accounts at once, and need a new "
                    "invitation to come back."
                ).format(org=org.name),
                self.tr("Leave"),
            )
        else:
            asked = self.confirm(
                self.tr("Remove member"),
                self.tr(
                    "Remove {name} from {org}? They lose access to its accounts at once."
                ).format(name=member.display_name, org=org.name),
                self.tr("Remove"),
            )
        if not asked:
            return
        org_id, user_id = org.id, member.user_id
        Mutation(
            self._ctx, parent=self, op=lambda client: client.remove_member(org_id, user_id)
        ).success(lambda _none: self.banner.hide()).failure(self._refused).run()

    def confirm(self, title: str, text: str, action: str) -> bool:
        return ask_to_confirm(self, title, text, action)

    # -- invitations -----------------------------------------------------------------------

    def _fill_invitations(self, invitations: tuple[InvitationPublic, ...]) -> None:
        clear(self.invitations_box)
        self.invitation_rows = {}
        self.invitations_empty.setVisible(not invitations)
        for invitation in invitations:
            row, actions = list_row(
                self,
                title=invitation_title(
                    kind=invitation.kind, role=invitation.role, note=invitation.note
                ),
                detail=self.tr("{terms} · made by {name}").format(
                    terms=invitation_terms(
                        max_uses=invitation.max_uses,
                        until=shown_time(invitation.expires_at),
                        uses=invitation.uses,
                    ),
                    name=invitation.created_by_name or "—",
                ),
            )
            withdraw = small_button(self.tr("Withdraw invitation"), row, danger=True)
            withdraw.clicked.connect(lambda _=False, i=invitation: self.withdraw(i))
            actions.addWidget(withdraw)
            self.invitations_box.addWidget(row)
            self.invitation_rows[invitation.id] = row

    def withdraw(self, invitation: InvitationPublic) -> None:
        invitation_id = invitation.id
        Mutation(
            self._ctx, parent=self, op=lambda client: client.revoke_invitation(invitation_id)
        ).success(lambda _none: self.banner.hide()).failure(self._refused).run()

    def open_invite(self) -> InviteDialog | None:
        org = self.organization
        if org is None:
            return None
        self.invite_dialog = InviteDialog(self._ctx, org, self)
        self.invite_dialog.open()
        return self.invite_dialog

    # -- accounts managed for creators -----------------------------------------------------

    def _fill_managed(self, org: OrganizationPublic, grants: list[GrantPublic]) -> None:
        clear(self.managed_box)
        self.grant_rows = {}
        self.managed_empty.setText(
            self.tr(
                "None yet. Creators put their accounts under {org}'s management by accepting a "
                "“Manage creators' accounts” invitation."
            ).format(org=org.name)
        )
        self.managed_empty.setVisible(not grants)
        for grant in grants:
            row, actions = list_row(
                self,
                title=grant.account_nickname,
                detail=self.tr("Put under management by {name} on {date}").format(
                    name=grant.granted_by_name or "—", date=shown_date(grant.created_at)
                ),
            )
            if grant.may_revoke:
                release = small_button(self.tr("Release"), row, danger=True)
                release.clicked.connect(lambda _=False, g=grant: self.release(g))
                actions.addWidget(release)
            self.managed_box.addWidget(row)
            self.grant_rows[grant.id] = row

    def release(self, grant: GrantPublic) -> None:
        if not self.confirm(
            self.tr("Release account"),
            self.tr(
                "Stop managing {account}? Members of {org} lose access to it at once; the "
                "creator keeps the account and its notes."
            ).format(account=grant.account_nickname, org=grant.organization_name),
            self.tr("Release"),
        ):
            return
        grant_id = grant.id
        Mutation(self._ctx, parent=self, op=lambda client: client.revoke_grant(grant_id)).success(
            lambda _none: self.banner.hide()
        ).failure(self._refused).run()

    # -- activity --------------------------------------------------------------------------

    def _fill_activity(self) -> None:
        clear(self.activity_grid)
        entries = self.detail.activity if self.detail else ()
        shown = entries if self._all_activity else entries[:ACTIVITY_SHOWN]
        for row, entry in enumerate(shown):
            when = QLabel(shown_day_time(entry.at), self.activity_section)
            when.setObjectName("Hint")
            what = QLabel(self.activity_section)
            what.setWordWrap(True)
            what.setTextFormat(Qt.TextFormat.RichText)
            who = escape(entry.actor) if entry.actor else self.tr("The server")
            what.setText(
                f"<b>{who}</b> {escape(audit_text(entry.action, entry.params, entry.actor))}"
            )
            self.activity_grid.addWidget(when, row, 0, Qt.AlignmentFlag.AlignTop)
            self.activity_grid.addWidget(what, row, 1)
        hidden = len(entries) - len(shown)
        self.activity_more.setVisible(hidden > 0 or self._all_activity)
        self.activity_more.setText(
            self.tr("Show fewer")
            if self._all_activity
            else self.tr("Show all {count}").format(count=len(entries))
        )

    def _toggle_activity(self) -> None:
        self._all_activity = not self._all_activity
        self._fill_activity()

    # -- joining and new organizations -----------------------------------------------------

    def open_join(self) -> JoinDialog:
        self.join_dialog = JoinDialog(self._ctx, self)
        self.join_dialog.accepted.connect(self._on_joined)
        self.join_dialog.open()
        return self.join_dialog

    def _on_joined(self) -> None:
        dialog = self.join_dialog
        accepted = dialog.accepted_invitation if dialog else None
        if accepted is None:
            return
        if accepted.kind == "manage":
            text = self.tr("{org} now manages {accounts}.").format(
                org=accepted.organization_name,
                accounts="、".join(g.account_nickname for g in accepted.grants),
            )
        else:
            self._wanted = accepted.organization_id
            text = self.tr("You are {role} in {org}.").format(
                role=role_name(accepted.role or ""), org=accepted.organization_name
            )
        self.banner.show_message(text, level="success")

    def open_new_organization(self) -> NewOrganizationDialog:
        self.new_dialog = NewOrganizationDialog(self._ctx, self)
        self.new_dialog.accepted.connect(self._on_organization_created)
        self.new_dialog.open()
        return self.new_dialog

    def _on_organization_created(self) -> None:
        created = self.new_dialog.created if self.new_dialog else None
        if created is not None:
            self._wanted = created.id
            self.banner.hide()
