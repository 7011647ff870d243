"""Location: search places by Chinese name, pinyin or city; recent places; add a place.

Shipped places cover every province, city and district; a creator can add their own (a café,
a park) with coordinates. Picking one emits it; the draft session keeps it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from publisher.client import ClientError
from publisher.schemas import PlacePublic
from studio.composer.debounced import DebouncedQuery
from studio.composer.hint import HintLabel
from studio.drafts.journal import Tag
from studio.messages import message
from studio.ops import run_in_background
from studio.quiet_read import ignore_failure, quiet_read
from studio.tasks import Lane

if TYPE_CHECKING:
    from publisher.schemas import Page
    from studio.context import AppContext

PlaceRole = Qt.ItemDataRole.UserRole + 1
MoreRole = Qt.ItemDataRole.UserRole + 2
PLACE_PAGE = 20


def place_line(place: PlacePublic) -> str:
    """ "武侯区 · 成都市 · 四川省": the name, then where it is."""
    parts = [place.name, place.city, place.province]
    return " · ".join(dict.fromkeys(part for part in parts if part))


class PlacePicker(QWidget):
    place_changed = Signal(object)
    """The picked place as a `Tag`, or None when removed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._search = DebouncedQuery(ctx, self)
        # The query of the newest request, and the one whose places the list shows.
        self._asked_query = self._shown_query = ""
        self._search.answered.connect(self._show_results)
        self._search.failed.connect(self._show_error)
        self._search.loading_changed.connect(
            lambda loading: self.state_label.setText(self.tr("Searching…") if loading else "")
        )
        self._build()

    def _build(self) -> None:
        self.current = QLabel(self)
        self.current.setObjectName("PlaceCurrent")
        self.clear_button = QPushButton(self.tr("Remove"), self)
        self.clear_button.clicked.connect(lambda: self._pick(None))
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search a place: 成都, chengdu or cd"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.add_toggle = QPushButton(self.tr("Add a place…"), self)
        self.add_toggle.setCheckable(True)
        self.state_label = HintLabel(self)
        self.results = QListWidget(self)
        self.results.setObjectName("PickerList")
        self.results.setMaximumHeight(150)
        self.results.itemClicked.connect(self._on_item)
        self.results.itemActivated.connect(self._on_item)
        self.add_form = self._build_add_form()
        self.add_form.hide()
        self.add_toggle.toggled.connect(self.add_form.setVisible)
        top = QHBoxLayout()
        top.addWidget(self.current, 1)
        top.addWidget(self.clear_button)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.add_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(search_row)
        layout.addWidget(self.state_label)
        layout.addWidget(self.results)
        layout.addWidget(self.add_form)
        self.show_place(None)

    def _build_add_form(self) -> QWidget:
        form_host = QWidget(self)
        form = QFormLayout(form_host)
        form.setContentsMargins(0, 0, 0, 0)
        self.new_name = QLineEdit(form_host)
        self.new_address = QLineEdit(form_host)
        self.new_longitude = QDoubleSpinBox(form_host, minimum=-180, maximum=180, decimals=6)
        self.new_latitude = QDoubleSpinBox(form_host, minimum=-90, maximum=90, decimals=6)
        self.new_longitude.setValue(121.4737)
        self.new_latitude.setValue(31.2304)
        save = QPushButton(self.tr("Add and use"), form_host)
        save.clicked.connect(self._add_place)
        form.addRow(self.tr("Name"), self.new_name)
        form.addRow(self.tr("Address"), self.new_address)
        form.addRow(self.tr("Longitude"), self.new_longitude)
        form.addRow(self.tr("Latitude"), self.new_latitude)
        form.addRow("", save)
        return form_host

    def show_place(self, place: Tag | None) -> None:
        self.current.setText(
            self.tr("📍 {name}").format(name=place.name) if place else self.tr("No place yet")
        )
        self.clear_button.setVisible(place is not None)

    def load_recent(self, account_id: str | None) -> None:
        """Before any search, the list shows the account's recent places."""
        if not account_id:
            return
        account = uuid.UUID(account_id)
        quiet_read(
            self._ctx,
            self,
            lambda client: client.recent_places(account),
            self._show_recent,
            ignore_failure,
        )

    def _show_recent(self, places: list[PlacePublic]) -> None:
        if not self.search_edit.text().strip():
            self._fill(places, self.tr("No recent places yet: search one."))

    def _on_search_edited(self, text: str) -> None:
        # The rows on screen answer the previous text: no next page of them can be asked for.
        self._drop_more_row()
        query = text.strip()
        if query:
            self._request(query, 0)
        else:
            self._search.cancel()

    def _request(self, query: str, offset: int) -> None:
        self._asked_query = query
        self._search.request(
            lambda client: client.search_places(query, offset=offset, limit=PLACE_PAGE)
        )

    def _show_results(self, page: Page[PlacePublic]) -> None:
        """A first page replaces the list; a later one (asked for by "Show more") extends it.
        While more places match, the last row offers the next page."""
        self._shown_query = self._asked_query
        if page.offset == 0:
            self._fill(list(page.items), self.tr("No place matches."))
        else:
            self._drop_more_row()
            self._append(page.items)
        shown = page.offset + len(page.items)
        if page.items and shown < page.total:
            more = QListWidgetItem(
                self.tr("Show more ({count} more places)").format(count=page.total - shown)
            )
            more.setData(MoreRole, shown)
            more.setForeground(self.palette().link())
            self.results.addItem(more)

    def _fill(self, places: list[PlacePublic], empty_text: str) -> None:
        self.results.clear()
        self._append(places)
        self.state_label.setText("" if places else empty_text)

    def _append(self, places: list[PlacePublic]) -> None:
        for place in places:
            item = QListWidgetItem(place_line(place))
            item.setData(PlaceRole, place)
            self.results.addItem(item)

    def _drop_more_row(self) -> None:
        last = self.results.count() - 1
        if last >= 0 and self.results.item(last).data(MoreRole) is not None:
            self.results.takeItem(last)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, ClientError):
            self.state_label.setText(message(error.code, error.params))

    def _on_item(self, item: QListWidgetItem) -> None:
        offset = item.data(MoreRole)
        if offset is not None:
            item.setText(self.tr("Loading…"))
            self._request(self._shown_query, int(offset))
            return
        place = item.data(PlaceRole)
        if isinstance(place, PlacePublic):
            self._pick(Tag(place.id, place.name))

    def _pick(self, place: Tag | None) -> None:
        self.show_place(place)
        self.place_changed.emit(place)

    def _add_place(self) -> None:
        name, address = self.new_name.text().strip(), self.new_address.text().strip()
        longitude, latitude = self.new_longitude.value(), self.new_latitude.value()
        connection = self._ctx.connection
        run_in_background(
            self._ctx.runner,
            Lane.WRITE,
            owner=self,
            job=lambda _progress: connection.client().add_place(
                name=name, address=address, longitude=longitude, latitude=latitude
            ),
            on_success=self._on_added,
            on_failure=self._show_error,
        )

    def _on_added(self, place: PlacePublic) -> None:
        self.add_toggle.setChecked(False)
        self.new_name.clear()
        self.new_address.clear()
        self._pick(Tag(place.id, place.name))
