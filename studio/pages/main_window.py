"""The main window: a shell that hosts the pages, the navigation rail and the toasts.

It owns nothing but layout and wiring: data lives in models and sessions, decisions in them.
"""

from __future__ import annotations

import html
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from studio.connection import BackendState
from studio.drafts.store import DraftStore
from studio.messages import message
from studio.models.accounts import AccountsListModel
from studio.notifications import NotificationPoller, notification_text
from studio.package.package_dialog import PackageDialog
from studio.pages.calendar_page import CalendarPage
from studio.pages.collaborations_page import CollaborationsPage
from studio.pages.create_page import CreatePage
from studio.pages.notes_page import NotesPage
from studio.pages.placeholders import UPCOMING, UpcomingPage
from studio.pages.settings_page import SettingsPage
from studio.pages.storefront_page import StorefrontPage
from studio.widgets.banner import Banner
from studio.widgets.nav_rail import NavRail
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
    ("accounts", "◉", QT_TRANSLATE_NOOP("MainWindow", "Accounts")),
    ("settings", "❖", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
)
GEOMETRY_KEY = "main_window"


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
        upcoming = {item.key: UpcomingPage(item, self) for item in UPCOMING}
        built = {
            "create": self.create_page,
            "notes": self.notes_page,
            "calendar": self.calendar_page,
            "settings": self.settings_page,
            "collaborations": self.collaborations_page,
            "storefront": self.storefront_page,
            **upcoming,
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
        self.notes_page.new_requested.connect(self._on_new_requested)
        self.calendar_page.open_requested.connect(self._on_open_requested)
        self.calendar_page.package_requested.connect(self.open_package)
        self.collaborations_page.open_note_requested.connect(self._on_open_requested)
        self.backend_banner.action_clicked.connect(lambda _action: ctx.connection.retry_now())
        ctx.connection.state_changed.connect(self._show_backend_state)
        ctx.notifier.posted.connect(self.toasts.post)
        self.package_dialog: PackageDialog | None = None
        self.notifications = NotificationPoller(ctx, self)
        self.notifications.arrived.connect(self._announce)
        self.notifications.unread_changed.connect(self._show_badge)
        self._show_backend_state(ctx.connection.state)
        self.show_page("create")
        if not ctx.settings.restore_geometry(GEOMETRY_KEY, self):
            self.resize(1280, 820)

    def show_page(self, key: str) -> None:
        self.rail.select(key)
        self.stack.setCurrentWidget(self.pages[key])

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        return next(key for key, page in self.pages.items() if page is current)

    def _on_open_requested(self, note_id: str) -> None:
        self.create_page.open_note(note_id)
        self.show_page("create")

    def open_package(self, note_id: str) -> PackageDialog:
        """Show a note's publish package; opening it counts as reading the notifications."""
        if self.package_dialog is not None:
            self.package_dialog.close()
            self.package_dialog.deleteLater()
        self.package_dialog = PackageDialog(self._ctx, uuid.UUID(note_id), self)
        self.package_dialog.show()
        self.notifications.mark_read()
        return self.package_dialog

    def _announce(self, items: list[NotificationPublic]) -> None:
        """A toast per notification, with a link to the package (published), the note, or
        the collaboration it is news of."""
        for item in items:
            collaboration = item.params.get("collaboration_id")
            if collaboration:
                link = f"collaboration:{collaboration}:{item.params.get('side', '')}:{item.kind}"
                action, level = self.tr("Open the collaboration"), "info"
            elif item.note_id is not None:
                published = item.kind == "note.published"
                scheme = "package" if published else "note"
                link = f"{scheme}:{item.note_id}"
                action = (
                    self.tr("Open the publish package") if published else self.tr("Open the note")
                )
                level = "success" if published else "error"
            else:
                continue
            text = (
                f"{html.escape(notification_text(item))} "
                f'<a href="{html.escape(link)}" style="color: white;">{html.escape(action)}</a>'
            )
            toast = self.toasts.post(text, level)
            toast.setTextFormat(Qt.TextFormat.RichText)
            toast.linkActivated.connect(self._on_toast_link)

    def _on_toast_link(self, link: str) -> None:
        scheme, _, rest = link.partition(":")
        if scheme == "package":
            self.open_package(rest)
            return
        self.notifications.mark_read()
        if scheme == "collaboration":
            collaboration_id, side, kind = rest.split(":", 2)
            self.show_page("collaborations")
            self.collaborations_page.open_collaboration(uuid.UUID(collaboration_id), side, kind)
        else:
            self._on_open_requested(rest)

    def _show_badge(self, count: int) -> None:
        glyph, label = next((g, text) for key, g, text in NAV_ITEMS if key == "calendar")
        text = f"{glyph}   {QCoreApplication.translate('MainWindow', label)}"
        self.rail.button("calendar").setText(f"{text}   ● {count}" if count else text)

    def _on_new_requested(self) -> None:
        account_id = self.create_page.account_combo.currentData(AccountsListModel.IdRole)
        self.drafts.new_draft(account_id)
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
        elif state is BackendState.STARTING:
            self.backend_banner.show_message(self.tr("Starting the studio…"), level="info")
        else:
            self.backend_banner.hide()
        self._banner_host.setVisible(self.backend_banner.isVisibleTo(self._banner_host))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.toasts.reposition()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.notifications.stop()
        self.drafts.flush_all()
        self._ctx.settings.save_geometry(GEOMETRY_KEY, self)
        super().closeEvent(event)
