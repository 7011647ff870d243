"""The main window: a shell that hosts the pages, the navigation rail, the notification center
and the toasts.

It owns nothing but layout and wiring: data lives in models and sessions, decisions in them.
"""

from __future__ import annotations

import html
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.connection import BackendState
from studio.drafts.store import DraftStore
from studio.messages import message
from studio.models.account_scope import AccountScope
from studio.models.accounts import AccountsListModel
from studio.notifications import NotificationPoller, notification_target, notification_text
from studio.package.package_dialog import PackageDialog
from studio.pages.analytics_page import AnalyticsPage
from studio.pages.calendar_page import CalendarPage
from studio.pages.collaborations_page import CollaborationsPage
from studio.pages.create_page import CreatePage
from studio.pages.notes_page import NotesPage
from studio.pages.roster_page import RosterPage
from studio.pages.settings_page import SettingsPage
from studio.pages.storefront_page import StorefrontPage
from studio.reader_link.public_page_dialog import PublicPageDialog
from studio.widgets.account_switcher import AccountSwitcher
from studio.widgets.banner import Banner
from studio.widgets.nav_rail import NavRail
from studio.widgets.notification_center import NotificationBell, NotificationPanel
from studio.widgets.toast import ToastArea

if TYPE_CHECKING:
    from publisher.schemas import NotificationPublic
    from studio.context import AppContext

NAV_ITEMS = (
    ("create", "✎", QT_TRANSLATE_NOOP("MainWindow", "Create")),
    ("notes", "☰", QT_TRANSLATE_NOOP("MainWindow", "Notes")),
    ("calendar", "▦", QT_TRANSLATE_NOOP("MainWindow", "Calendar")),
    ("collaborations", "✦", QT_TRANSLATE_NOOP("MainWindow", "Collaborations")),
    ("storefront", "◈", QT_TRANSLATE_NOOP("MainWindow", "Storefront")),
    ("analytics", "◔", QT_TRANSLATE_NOOP("MainWindow", "Analytics")),
    ("roster", "◉", QT_TRANSLATE_NOOP("MainWindow", "Roster")),
    ("settings", "❖", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
)
GEOMETRY_KEY = "main_window"
MAX_TOASTS = 3
"""More news at once than this is one toast that opens the notification list."""


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setWindowTitle(self.tr("Zhongcao Studio"))
        self.setMinimumSize(1040, 680)
        self.accounts = AccountsListModel(ctx, self)
        self.drafts = DraftStore(ctx, self)
        self.rail = NavRail(self.tr("Zhongcao Studio"), self)
        self.stack = QStackedWidget(self)
        self.backend_banner = Banner(self)
        self.pages: dict[str, QWidget] = {}
        self.create_page = CreatePage(ctx, self.drafts, self.accounts, self)
        self.notes_page = NotesPage(ctx, self.accounts, self)
        self.settings_page = SettingsPage(ctx, self)
        self.calendar_page = CalendarPage(ctx, self)
        self.collaborations_page = CollaborationsPage(ctx, self)
        self.storefront_page = StorefrontPage(ctx, self)
        self.roster_page = RosterPage(ctx, self.accounts, self)
        self.analytics_page = AnalyticsPage(ctx, self.accounts, self)
        built = {
            "create": self.create_page,
            "notes": self.notes_page,
            "calendar": self.calendar_page,
            "settings": self.settings_page,
            "collaborations": self.collaborations_page,
            "storefront": self.storefront_page,
            "roster": self.roster_page,
            "analytics": self.analytics_page,
        }
        for key, glyph, label in NAV_ITEMS:
            self.rail.add_item(key, glyph, QCoreApplication.translate("MainWindow", label))
            self.pages[key] = built[key]
            self.stack.addWidget(built[key])

        right = QWidget(self)
        right.setObjectName("PageHost")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        banner_host = QWidget(right)
        banner_layout = QVBoxLayout(banner_host)
        banner_layout.setContentsMargins(32, 16, 32, 0)
        banner_layout.addWidget(self.backend_banner)
        self._banner_host = banner_host
        right_layout.addWidget(banner_host)
        right_layout.addWidget(self.stack, 1)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.rail)
        row.addWidget(right, 1)
        self.setCentralWidget(central)
        self.toasts = ToastArea(self)

        self.rail.page_chosen.connect(self.show_page)
        self.notes_page.open_requested.connect(self._on_open_requested)
        self.analytics_page.open_requested.connect(self._on_open_requested)
        self.notes_page.new_requested.connect(self._on_new_requested)
        self.calendar_page.open_requested.connect(self._on_open_requested)
        self.calendar_page.package_requested.connect(self.open_package)
        for page in (self.notes_page, self.calendar_page, self.analytics_page):
            page.public_page_requested.connect(self.open_public_page)
        self.collaborations_page.open_note_requested.connect(self._on_open_requested)
        self.collaborations_page.submit_requested.connect(self._on_submit_requested)
        self.create_page.collaboration_requested.connect(self._on_collaboration_requested)
        self.backend_banner.action_clicked.connect(self._on_banner_action)
        ctx.connection.state_changed.connect(self._show_backend_state)
        ctx.notifier.posted.connect(self.toasts.post)
        self.package_dialog: PackageDialog | None = None
        self.public_page_dialog: PublicPageDialog | None = None
        self.notifications = NotificationPoller(ctx, self)
        self.bell = NotificationBell(self.rail)
        self.rail.add_footer(self.bell)
        self.notification_panel = NotificationPanel(self.notifications, self)
        self.bell.clicked.connect(self.show_notifications)
        self.notification_panel.chosen.connect(self.open_notification)
        self.notifications.arrived.connect(self._announce)
        self.notifications.unread_changed.connect(self.bell.set_count)
        self._connect_scope()
        self._show_backend_state(ctx.connection.state)
        self.show_page("create")
        if not ctx.settings.restore_geometry(GEOMETRY_KEY, self):
            self.resize(1280, 820)

    def _connect_scope(self) -> None:
        """The account switcher in the rail and the pages that follow its choice."""
        self.scope = AccountScope(self._ctx, self.accounts, self)
        self.account_switcher = AccountSwitcher(self.scope.choices, self.rail)
        self.rail.add_header(self.account_switcher)
        self.account_switcher.chosen.connect(self.scope.select)
        self.scope.label_changed.connect(
            lambda text: self.account_switcher.show_choice(self.scope.account_id, text)
        )
        self.roster_page.model.loaded.connect(self.scope.choices.set_organizations)
        self.roster_page.account_requested.connect(self.show_account)
        self.analytics_page.account_requested.connect(self.scope.select)
        for follow in (
            self.notes_page.show_account,
            self.calendar_page.show_account,
            self.create_page.set_scoped_account,
            self.analytics_page.show_account,
        ):
            self.scope.changed.connect(follow)
            follow(self.scope.account_id)
        self.account_switcher.show_choice(self.scope.account_id, self.scope.label())

    def show_account(self, account_id: str) -> None:
        """Look at one account's notes (a double-click on the roster)."""
        self.scope.select(account_id)
        self.show_page("notes")

    def show_page(self, key: str) -> None:
        self.rail.select(key)
        self.stack.setCurrentWidget(self.pages[key])

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        return next(key for key, page in self.pages.items() if page is current)

    def _on_open_requested(self, note_id: str) -> None:
        self.create_page.open_note(note_id)
        self.show_page("create")

    def _on_submit_requested(self, note_id: str) -> None:
        self._on_open_requested(note_id)
        self.create_page.submit_when_ready(note_id)

    def _on_collaboration_requested(self, collaboration_id: str) -> None:
        self.show_page("collaborations")
        self.collaborations_page.open_collaboration(uuid.UUID(collaboration_id), "creator", "")

    def open_package(self, note_id: str) -> PackageDialog:
        """Show a note's publish package."""
        self._close(self.package_dialog)
        self.package_dialog = PackageDialog(self._ctx, uuid.UUID(note_id), self)
        self.package_dialog.show()
        return self.package_dialog

    def open_public_page(self, note_id: str) -> PublicPageDialog:
        """Show a note's public page: its link and QR code, and readers' held comments."""
        self._close(self.public_page_dialog)
        self.public_page_dialog = PublicPageDialog(self._ctx, uuid.UUID(note_id), self)
        self.public_page_dialog.show()
        return self.public_page_dialog

    @staticmethod
    def _close(dialog: QDialog | None) -> None:
        """One dialog of a kind at a time: the one showing another note goes."""
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def show_notifications(self) -> None:
        self.notification_panel.open_beside(self.bell)

    def open_notification(self, item: NotificationPublic) -> None:
        """Open what a notification (a toast's or the list's) is about: a published note's
        package, a held note, or the collaboration on the side the news was sent to. It and
        older ones count as read."""
        self.notification_panel.hide()
        self.notifications.mark_read(up_to=item.id)
        target = notification_target(item)
        if target is None:
            return
        if target.what == "collaboration":
            self.show_page("collaborations")
            self.collaborations_page.open_collaboration(target.id, target.side, target.kind)
        elif target.what == "package":
            self.open_package(str(target.id))
        else:
            self._on_open_requested(str(target.id))

    def _announce(self, items: list[NotificationPublic]) -> None:
        """A toast per notification with a link to what it is about, or, for more news at
        once than a few toasts can say, one toast that opens the list."""
        if len(items) > MAX_TOASTS:
            text = self.tr("{count} new notifications.").format(count=len(items))
            self._post_linked(text, "notifications:", self.tr("Show them"), "info")
            return
        for item in items:
            target = notification_target(item)
            if target is None:
                continue
            if target.what == "collaboration":
                action, level = self.tr("Open the collaboration"), "info"
            elif target.what == "package":
                action, level = self.tr("Open the publish package"), "success"
            else:
                action, level = self.tr("Open the note"), "error"
            self._post_linked(notification_text(item), f"notification:{item.id}", action, level)

    def _post_linked(self, text: str, link: str, action: str, level: str) -> None:
        toast = self.toasts.post(
            f"{html.escape(text)} "
            f'<a href="{html.escape(link)}" style="color: white;">{html.escape(action)}</a>',
            level,
        )
        toast.setTextFormat(Qt.TextFormat.RichText)
        toast.linkActivated.connect(self._on_toast_link)

    def _on_toast_link(self, link: str) -> None:
        scheme, _, rest = link.partition(":")
        if scheme == "notifications":
            self.show_notifications()
            return
        item = self.notifications.find(int(rest))
        if item is not None:
            self.open_notification(item)

    def _on_new_requested(self) -> None:
        self.drafts.new_draft(self.create_page.new_note_account())
        self.show_page("create")

    def _show_backend_state(self, state: BackendState) -> None:
        self.rail.status.show_state(state)
        if state is BackendState.FAILED:
            code = self._ctx.connection.error_code or "backend.exited"
            text = message(code)
            if code != "data_dir.locked":
                text = self.tr("The studio could not start its backend: {reason}").format(
                    reason=text
                )
            self.backend_banner.show_message(
                text, level="error", actions=(("retry", self.tr("Try again")),)
            )
        elif state is BackendState.SIGNED_OUT:
            self.backend_banner.show_message(
                message("auth.signed_out"),
                level="warning",
                actions=(("sign_in", self.tr("Sign in again")),),
            )
        elif state is BackendState.STARTING:
            self.backend_banner.show_message(self.tr("Starting the studio…"), level="info")
        else:
            self.backend_banner.hide()
        self._banner_host.setVisible(self.backend_banner.isVisibleTo(self._banner_host))

    def _on_banner_action(self, action: str) -> None:
        """Retry the backend, or (signed out of a team server) go where one signs in."""
        if action == "sign_in":
            self.show_page("settings")
        else:
            self._ctx.connection.retry_now()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.toasts.reposition()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.notifications.stop()
        self.drafts.flush_all()
        self._ctx.settings.save_geometry(GEOMETRY_KEY, self)
        super().closeEvent(event)
