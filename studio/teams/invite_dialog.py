"""Invite someone into an organization: to join it with a role, or (an MCN) to put their
accounts under its management. Then the code, in large type, and the link, each with Copy —
shown this once, since the server keeps only the code's hash."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from publisher.team_schemas import INVITATION_MAX_DAYS, INVITATION_MAX_USES, InvitationCreated
from studio.collab.wording import shown_time
from studio.messages import reason_of
from studio.ops import Mutation
from studio.teams.role_combo import RoleCombo
from studio.teams.rows import hint_label, small_button
from studio.teams.team_state import (
    DEFAULT_INVITED_ROLE,
    invitable_roles,
    invitation_kinds,
)
from studio.teams.wording import (
    invitation_kind_name,
    invitation_terms,
    invitation_title,
    role_hint,
)
from studio.widgets.dialog_buttons import dialog_buttons, failure_label

if TYPE_CHECKING:
    from publisher.schemas import OrganizationPublic
    from studio.context import AppContext

NOTE_MAX = 200
DEFAULT_DAYS = 7
DIALOG_WIDTH = 500
SPIN_WIDTH = 120


def copy_button(text: str, parent: QWidget, copied: str, value: str) -> QPushButton:
    """A button that puts `value` on the clipboard and says so."""
    button = small_button(text, parent)

    def copy() -> None:
        QGuiApplication.clipboard().setText(value)
        button.setText(copied)

    button.clicked.connect(copy)
    return button


class InviteDialog(QDialog):
    """Make an invitation for `organization`; `created` holds it once made."""

    def __init__(
        self, ctx: AppContext, organization: OrganizationPublic, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._organization = organization
        self.created: InvitationCreated | None = None
        self.setWindowTitle(self.tr("Invite to {name}").format(name=organization.name))
        self.setObjectName("PageHost")
        self.stack = QStackedWidget(self)
        self.stack.setMinimumWidth(DIALOG_WIDTH)
        self.stack.addWidget(self._build_form())
        self.result_page = QWidget(self.stack)
        self.stack.addWidget(self.result_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(self.stack)
        self._on_kind_chosen()

    # -- the form --------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("TeamForm")
        heading = QLabel(self.tr("Invite to {name}").format(name=self._organization.name), page)
        heading.setObjectName("DialogHeading")
        kinds = QButtonGroup(page)
        self.member_option = QRadioButton(invitation_kind_name("member"), page)
        self.member_hint = hint_label(
            self.tr(
                "They become a member with the role you choose and work on the team's "
                "accounts as that role allows."
            ),
            page,
        )
        self.manage_option = QRadioButton(invitation_kind_name("manage"), page)
        self.manage_hint = hint_label(
            self.tr(
                "Creators choose which of their accounts {name} may manage. They stay the "
                "accounts' owners and can end it at any time."
            ).format(name=self._organization.name),
            page,
        )
        for option, hint in (
            (self.member_option, self.member_hint),
            (self.manage_option, self.manage_hint),
        ):
            kinds.addButton(option)
            hint.setContentsMargins(26, 0, 0, 2)
        self.member_option.setChecked(True)
        self._offers_manage = "manage" in invitation_kinds(self._organization)
        for widget in (self.member_option, self.manage_option, self.manage_hint):
            widget.setVisible(self._offers_manage)

        roles = invitable_roles(self._organization.role)
        default = DEFAULT_INVITED_ROLE if DEFAULT_INVITED_ROLE in roles else roles[-1]
        self.role_combo = RoleCombo(roles, default, page)
        self.role_combo.setMinimumWidth(200)
        self.role_hint = hint_label(role_hint(default), page)
        self.role_combo.currentIndexChanged.connect(
            lambda _row: self.role_hint.setText(role_hint(self.role_combo.role()))
        )
        role_box = QVBoxLayout()
        role_box.setSpacing(4)
        role_box.addWidget(self.role_combo, 0, Qt.AlignmentFlag.AlignLeft)
        role_box.addWidget(self.role_hint)
        self.note_edit = QLineEdit(page)
        self.note_edit.setMaxLength(NOTE_MAX)
        self.note_edit.setPlaceholderText(self.tr("e.g. 小美, new editor — only your team sees it"))
        self.days_spin = QSpinBox(page)
        self.days_spin.setRange(1, INVITATION_MAX_DAYS)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.uses_spin = QSpinBox(page)
        self.uses_spin.setRange(1, INVITATION_MAX_USES)
        self.uses_spin.setValue(1)
        uses_hint = hint_label(self.tr("How many people may use it"), page)
        uses_row = QHBoxLayout()
        uses_row.setSpacing(10)
        uses_row.addWidget(self.uses_spin)
        uses_row.addWidget(uses_hint, 1)
        for spin in (self.days_spin, self.uses_spin):
            spin.setFixedWidth(SPIN_WIDTH)
        role_label = QLabel(self.tr("Role"), page)
        self.form = form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for label, field in (
            (role_label, role_box),
            (QLabel(self.tr("Who it is for"), page), self.note_edit),
            (QLabel(self.tr("Valid for"), page), self.days_spin),
            (QLabel(self.tr("Uses"), page), uses_row),
        ):
            label.setObjectName("FormLabel")
            form.addRow(label, field)

        self.local_note = hint_label(
            self.tr(
                "This studio works on this computer: only people signed in to a team server "
                "can use invitations. Switch to a team server in Backend above to invite others."
            ),
            page,
        )
        self.local_note.setObjectName("WarnNote")
        self.local_note.setVisible(self._ctx.connection.team is None)
        self.error_label = failure_label(page)
        buttons, self.cancel_button, self.create_button = dialog_buttons(
            page,
            cancel=self.tr("Cancel"),
            action=self.tr("Create invitation"),
            failure=self.error_label,
        )
        self.cancel_button.clicked.connect(self.reject)
        self.create_button.clicked.connect(self.create)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addSpacing(4)
        for widget in (self.member_option, self.member_hint, self.manage_option, self.manage_hint):
            layout.addWidget(widget)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.local_note)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.member_option.toggled.connect(lambda _on: self._on_kind_chosen())
        return page

    @property
    def kind(self) -> str:
        return "manage" if self.manage_option.isChecked() else "member"

    def _on_kind_chosen(self) -> None:
        member = self.kind == "member"
        self.member_hint.setVisible(member and self._offers_manage)
        self.manage_hint.setVisible(not member)
        self.form.setRowVisible(0, member)

    def create(self) -> None:
        if not self.create_button.isEnabled():
            return
        org_id, kind, role = self._organization.id, self.kind, self.role_combo.role()
        note, days, uses = (
            self.note_edit.text().strip(),
            self.days_spin.value(),
            self.uses_spin.value(),
        )
        self.create_button.setEnabled(False)
        self.error_label.clear()
        Mutation(
            self._ctx,
            parent=self,
            op=lambda client: client.create_invitation(
                org_id, kind=kind, role=role, note=note, days=days, max_uses=uses
            ),
        ).success(self._show_created).failure(self._on_failed).run()

    def _on_failed(self, error: BaseException) -> None:
        self.error_label.setText(reason_of(error))
        self.create_button.setEnabled(True)

    # -- the result ------------------------------------------------------------------------

    def _show_created(self, invitation: InvitationCreated) -> None:
        self.created = invitation
        page = self.result_page
        heading = QLabel(self.tr("Invitation ready"), page)
        heading.setObjectName("DialogHeading")
        title = invitation_title(kind=invitation.kind, role=invitation.role, note=invitation.note)
        terms = invitation_terms(
            max_uses=invitation.max_uses, until=shown_time(invitation.expires_at)
        )
        summary = hint_label(f"{title} · {terms}", page)
        self.code_label = QLabel(invitation.code, page)
        self.code_label.setObjectName("InvitationCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copied = self.tr("Copied")
        self.copy_code_button = copy_button(self.tr("Copy code"), page, copied, invitation.code)
        self.link_label = QLabel(invitation.link, page)
        self.link_label.setObjectName("FormValue")
        self.link_label.setWordWrap(True)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_link_button = copy_button(self.tr("Copy link"), page, copied, invitation.link)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label, 1)
        code_row.addWidget(self.copy_code_button, 0, Qt.AlignmentFlag.AlignVCenter)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.copy_link_button, 0, Qt.AlignmentFlag.AlignVCenter)
        once = QLabel(
            self.tr(
                "The code is shown only now: the server keeps no readable copy. Copy it before "
                "you close this window. If it gets lost, withdraw the invitation and make a "
                "new one."
            ),
            page,
        )
        once.setObjectName("WarnNote")
        once.setWordWrap(True)
        how = hint_label(
            self.tr(
                "To accept, they open Settings › Team › Join with a code… in Zhongcao Studio, "
                "signed in to this team server, and paste the code or the link."
            ),
            page,
        )
        done = QPushButton(self.tr("Done"), page)
        done.setProperty("accent", True)
        done.setDefault(True)
        done.clicked.connect(self.accept)
        self.done_button = done
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addSpacing(6)
        layout.addWidget(_section(self.tr("Code"), page))
        layout.addLayout(code_row)
        layout.addWidget(_section(self.tr("Link"), page))
        layout.addLayout(link_row)
        layout.addSpacing(4)
        layout.addWidget(once)
        layout.addWidget(how)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.stack.setCurrentWidget(page)


def _section(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("SectionLabel")
    return label
