"""A brand's brief, new or edited: what to make, what it must and must not say, the fee, who
may take it and when.

Sections as cards in one scrolling column, so a long brief still reads top to bottom. The
forbidden words start as the rules pack's advertising-law terms; products come only from the
brand's own storefronts. Saving an edit sends the version it started from: when someone else
saved meanwhile, the dialog shows their brief and says so, and the user saves again.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from publisher.brief_schemas import BriefDefaults, BriefPublic
from publisher.client import ConflictError
from publisher.schemas import Page, ProductPublic
from studio.collab.labels import MAX_FOLLOWERS_INPUT
from studio.collab.money import MoneyError, parse_yuan, yuan_input
from studio.composer.chips import ChipRow
from studio.composer.product_picker import ProductPicker
from studio.drafts.journal import Tag
from studio.messages import reason_of
from studio.ops import Mutation, Query
from studio.timezones import DEFAULT_TIMEZONE
from studio.widgets.card import card

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.context import AppContext

_BEIJING = ZoneInfo(DEFAULT_TIMEZONE)
_SPLIT = re.compile(r"[,，、;；\n]+")
LABEL_WIDTH = 132
"""One label column for every section, so the fields of all cards line up."""


class _Invalid(Exception):
    """A field the user must fix before saving; `code` and `params` for `studio.messages`."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.params = params or {}


def _search_storefronts(
    client: StudioClient, query: str | None, storefront_ids: tuple[uuid.UUID, ...]
) -> Page[ProductPublic]:
    """Products of the brand's storefronts only: a brief may name no one else's."""
    items: list[ProductPublic] = []
    for storefront_id in storefront_ids:
        items += client.search_products(query, storefront_id=storefront_id, limit=20).items
    return Page[ProductPublic](items=items[:20], total=len(items), offset=0, limit=20)


class BrandProductPicker(ProductPicker):
    """The composer's product picker, searching the brand's own storefronts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self._storefront_ids: tuple[uuid.UUID, ...] = ()
        super().__init__(ctx, parent)

    def set_storefronts(self, storefront_ids: tuple[uuid.UUID, ...]) -> None:
        self._storefront_ids = storefront_ids

    def tags(self) -> tuple[Tag, ...]:
        return self._tags

    def _on_search_edited(self, text: str) -> None:
        query, ids = text.strip() or None, self._storefront_ids
        self._search.request(lambda client: _search_storefronts(client, query, ids))


class WordList(QWidget):
    """Words or short phrases as removable chips, typed into a box below (Enter, or several at
    once separated by commas or 、)."""

    changed = Signal()

    def __init__(
        self, *, prefix: str, empty: str, placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.chips = ChipRow(prefix, empty, self)
        self.chips.removed.connect(self._remove)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.returnPressed.connect(self.add_typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.chips)
        layout.addWidget(self.edit)

    def words(self) -> list[str]:
        """The chips and whatever is still typed in the box, in order, each once."""
        return list(dict.fromkeys([*self._words, *self._split(self.edit.text())]))

    def set_words(self, words: list[str]) -> None:
        self._words = list(dict.fromkeys(words))
        self.chips.show_tags(tuple(Tag(word, word) for word in self._words))

    def add_typed(self) -> None:
        self.set_words(self.words())
        self.edit.clear()
        self.changed.emit()

    def _split(self, text: str) -> list[str]:
        return [part.strip().lstrip("#@").strip() for part in _SPLIT.split(text) if part.strip()]

    def _remove(self, word: str) -> None:
        self.set_words([item for item in self._words if item != word])
        self.changed.emit()


class OptionalDateTime(QWidget):
    """A date and time in Beijing time, or none (the box unticked)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = QTimeZone(DEFAULT_TIMEZONE.encode())
        self.check = QCheckBox(label, self)
        self.check.setFixedWidth(80)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setTimeZone(self._zone)
        self.edit.setDateTime(QDateTime.currentDateTime(self._zone).addDays(7))
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> datetime | None:
        if not self.check.isChecked():
            return None
        return datetime.fromtimestamp(self.edit.dateTime().toSecsSinceEpoch(), _BEIJING)

    def set_value(self, value: datetime | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            stamp = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), self._zone)
            self.edit.setDateTime(stamp)


def _spin(minimum: int, maximum: int, value: int, parent: QWidget, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(minimum, maximum)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setGroupSeparatorShown(True)
    spin.lineEdit().setTextMargins(6, 0, 0, 0)  # the stylesheet's padding misses the text
    return spin


def _combo(parent: QWidget, choices: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(parent)
    for value, text in choices:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class BriefEditor(QDialog):
    """New brief (`brief` None) of `organization_id`, or an edit of `brief`; after `accept()`,
    `brief` is the saved one."""

    def __init__(
        self,
        ctx: AppContext,
        organization_id: uuid.UUID,
        brief: BriefPublic | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.organization_id = organization_id
        self.brief = brief
        self.defaults: BriefDefaults | None = None
        self.saving = False
        self.setWindowTitle(self.tr("Edit brief") if brief else self.tr("New brief"))
        self.setObjectName("BriefEditor")
        self.resize(860, 780)

        content = QWidget(self)
        content.setObjectName("PageHost")
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(14)
        self._build_basics(column)
        self._build_deliverables(column)
        self._build_content(column)
        self._build_creators(column)
        self._build_timeline(column)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        footer = QFrame(self)
        footer.setObjectName("EditorFooter")
        self.notice_label = QLabel(footer)
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), footer)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(
            self.tr("Save changes") if brief else self.tr("Create brief"), footer
        )
        self.save_button.setProperty("accent", True)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout(footer)
        buttons.setContentsMargins(24, 12, 24, 12)
        buttons.addWidget(self.notice_label, 4)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addWidget(footer)

        self._set_status_choices(brief.status if brief else None)
        if brief is not None:
            self.show_brief(brief)
        self._load()

    # -- sections ------------------------------------------------------------------------------

    def _section(self, column: QVBoxLayout, title: str, hint: str) -> QFormLayout:
        frame, layout = card(self, spacing=10)
        heading = QLabel(title, frame)
        heading.setObjectName("EditorSection")
        layout.addWidget(heading)
        if hint:
            note = QLabel(hint, frame)
            note.setObjectName("EditorSectionHint")
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        column.addWidget(frame)
        return form

    def _row(self, form: QFormLayout, label: str, field: QWidget | QHBoxLayout) -> None:
        text = QLabel(label, self)
        text.setObjectName("FormLabel")
        text.setFixedWidth(LABEL_WIDTH)
        text.setWordWrap(True)
        # As tall as a one-line field, so the label sits beside its first line.
        text.setMinimumHeight(40)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(text, field)

    def _build_basics(self, column: QVBoxLayout) -> None:
        form = self._section(column, self.tr("Basics"), "")
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. Autumn latte launch"))
        self.title_edit.setMaxLength(100)
        self.campaign_edit = QLineEdit(self)
        self.campaign_edit.setPlaceholderText(self.tr("Campaign this brief belongs to (optional)"))
        self.campaign_edit.setMaxLength(100)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(
            self.tr("What the notes are about, the story to tell, the audience…")
        )
        self.description_edit.setFixedHeight(110)
        self.mode_combo = _combo(
            self,
            [
                ("custom", self.tr("By invitation: you pick the creators")),
                ("recruitment", self.tr("Open recruitment: creators apply with a quote")),
            ],
        )
        self.status_combo = QComboBox(self)
        self._row(form, self.tr("Title"), self.title_edit)
        self._row(form, self.tr("Campaign"), self.campaign_edit)
        self._row(form, self.tr("Description"), self.description_edit)
        self._row(form, self.tr("Mode"), self.mode_combo)
        self._row(form, self.tr("Status"), self.status_combo)

    def _build_deliverables(self, column: QVBoxLayout) -> None:
        form = self._section(
            column, self.tr("Deliverables"), self.tr("What each creator makes and features.")
        )
        self.note_type_combo = _combo(
            self, [("image", self.tr("Image notes")), ("video", self.tr("Video notes"))]
        )
        self.note_count_spin = _spin(1, 50, 1, self)
        self.note_count_spin.setFixedWidth(90)
        kind = QHBoxLayout()
        kind.addWidget(self.note_count_spin)
        kind.addWidget(self.note_type_combo, 1)
        kind.addWidget(QLabel(self.tr("per creator"), self))
        self.product_picker = BrandProductPicker(self._ctx, self)
        self._row(form, self.tr("Notes"), kind)
        self._row(form, self.tr("Products"), self.product_picker)

    def _build_content(self, column: QVBoxLayout) -> None:
        form = self._section(
            column,
            self.tr("Content requirements"),
            self.tr("Type and press Enter; separate several with commas."),
        )
        self.topics_edit = WordList(
            prefix="#", empty=self.tr("No required topics"), placeholder=self.tr("Add a topic")
        )
        self.mentions_edit = WordList(
            prefix="@",
            empty=self.tr("No required mentions"),
            placeholder=self.tr("Add an account to mention"),
        )
        self.key_messages_edit = WordList(
            prefix="",
            empty=self.tr("No key messages"),
            placeholder=self.tr("Add a selling point the note must say"),
        )
        self.forbidden_edit = WordList(
            prefix="", empty=self.tr("No forbidden words"), placeholder=self.tr("Add a word")
        )
        self.dos_edit = WordList(
            prefix="✓ ", empty=self.tr("No do's"), placeholder=self.tr("Add a do")
        )
        self.donts_edit = WordList(
            prefix="✕ ", empty=self.tr("No don'ts"), placeholder=self.tr("Add a don't")
        )
        self._row(form, self.tr("Required topics"), self.topics_edit)
        self._row(form, self.tr("Required mentions"), self.mentions_edit)
        self._row(form, self.tr("Key messages"), self.key_messages_edit)
        self._row(form, self.tr("Forbidden words"), self.forbidden_edit)
        self._row(form, self.tr("Do's"), self.dos_edit)
        self._row(form, self.tr("Don'ts"), self.donts_edit)

    def _build_creators(self, column: QVBoxLayout) -> None:
        form = self._section(column, self.tr("Fee and creators"), "")
        self.fee_edit = QLineEdit(self)
        self.fee_edit.setPlaceholderText(self.tr("0.00"))
        sign = QLabel("¥", self)
        sign.setObjectName("YuanSign")
        fee = QHBoxLayout()
        fee.addWidget(sign)
        fee.addWidget(self.fee_edit, 1)
        fee.addWidget(QLabel(self.tr("per note"), self))
        self.category_edit = QLineEdit(self)
        self.category_edit.setPlaceholderText(self.tr("e.g. food, beauty (any when empty)"))
        self.followers_min_spin = _spin(0, MAX_FOLLOWERS_INPUT, 0, self)
        self.followers_max_spin = _spin(0, MAX_FOLLOWERS_INPUT, 0, self)
        self.followers_max_spin.setSpecialValueText(self.tr("No limit"))
        followers = QHBoxLayout()
        followers.addWidget(self.followers_min_spin, 1)
        followers.addWidget(QLabel("–", self))
        followers.addWidget(self.followers_max_spin, 1)
        self.region_edit = QLineEdit(self)
        self.region_edit.setPlaceholderText(self.tr("e.g. 上海 (any when empty)"))
        self._row(form, self.tr("Fee"), fee)
        self._row(form, self.tr("Category"), self.category_edit)
        self._row(form, self.tr("Followers"), followers)
        self._row(form, self.tr("Region"), self.region_edit)

    def _build_timeline(self, column: QVBoxLayout) -> None:
        form = self._section(
            column, self.tr("Timeline"), self.tr("Times are Beijing time (Asia/Shanghai).")
        )
        self.apply_by_edit = OptionalDateTime(self.tr("Until"), self)
        self.publish_from_edit = OptionalDateTime(self.tr("From"), self)
        self.publish_until_edit = OptionalDateTime(self.tr("Until"), self)
        self.protection_spin = _spin(30, 365, 30, self, self.tr(" days"))
        self.protection_spin.setFixedWidth(160)
        self.protection_spin.setToolTip(
            self.tr("After publishing, the note may not be deleted or archived for this long.")
        )
        self.review_spin = _spin(1, 24 * 14, 48, self, self.tr(" hours"))
        self.review_spin.setFixedWidth(160)
        self.review_spin.setToolTip(self.tr("How long your team takes to review a submission."))
        self._row(form, self.tr("Applications"), self.apply_by_edit)
        self._row(form, self.tr("Publish window"), self.publish_from_edit)
        self._row(form, "", self.publish_until_edit)
        self._row(form, self.tr("Protection period"), self.protection_spin)
        self._row(form, self.tr("Review time"), self.review_spin)

    # -- loading and showing ---------------------------------------------------------------

    def _set_status_choices(self, current: str | None) -> None:
        """A new brief starts as a draft or open; an open or closed one never goes back to
        a draft (the server refuses it)."""
        allowed = {
            None: ["draft", "open"],
            "draft": ["draft", "open", "closed"],
        }.get(current, ["open", "closed"])
        texts = {
            "draft": self.tr("Draft: only your team sees it"),
            "open": self.tr("Open: takes invitations and applications"),
            "closed": self.tr("Closed"),
        }
        self.status_combo.clear()
        for status in allowed:
            self.status_combo.addItem(texts[status], status)
        _select(self.status_combo, current or "open")

    def _load(self) -> None:
        org_id = self.organization_id

        def load(client: StudioClient) -> tuple[BriefDefaults, tuple[uuid.UUID, ...]]:
            storefronts = client.list_storefronts(limit=100).items
            ids = tuple(s.id for s in storefronts if s.organization_id == org_id)
            return client.brief_defaults(), ids

        Query(self._ctx, parent=self, op=load).success(self._loaded).failure(self._show_error).run()

    def _loaded(self, result: tuple[BriefDefaults, tuple[uuid.UUID, ...]]) -> None:
        self.defaults, storefront_ids = result
        self.product_picker.set_storefronts(storefront_ids)
        self.protection_spin.setRange(
            self.defaults.protection_days_min, self.defaults.protection_days_max
        )
        if self.brief is None:
            self.protection_spin.setValue(self.defaults.protection_days_min)
            self.forbidden_edit.set_words(self.defaults.forbidden_words)
            self.followers_min_spin.setValue(self.defaults.min_followers)

    def show_brief(self, brief: BriefPublic) -> None:
        """Fill every field from `brief` (the one being edited, or the server's newer copy)."""
        self.brief = brief
        self.title_edit.setText(brief.title)
        self.campaign_edit.setText(brief.campaign)
        self.description_edit.setPlainText(brief.description)
        _select(self.mode_combo, brief.mode)
        self._set_status_choices(brief.status)
        _select(self.note_type_combo, brief.note_type)
        self.note_count_spin.setValue(brief.note_count)
        self.product_picker.show_tags(tuple(Tag(str(p.id), p.name) for p in brief.products))
        self.topics_edit.set_words(brief.topics)
        self.mentions_edit.set_words(brief.mentions)
        self.key_messages_edit.set_words(brief.key_messages)
        self.forbidden_edit.set_words(brief.forbidden_words)
        self.dos_edit.set_words(brief.dos)
        self.donts_edit.set_words(brief.donts)
        self.fee_edit.setText(yuan_input(brief.fee_fen) if brief.fee_fen else "")
        self.category_edit.setText(brief.category)
        self.followers_min_spin.setValue(min(brief.followers_min, MAX_FOLLOWERS_INPUT))
        self.followers_max_spin.setValue(min(brief.followers_max or 0, MAX_FOLLOWERS_INPUT))
        self.region_edit.setText(brief.region)
        self.apply_by_edit.set_value(brief.apply_by)
        self.publish_from_edit.set_value(brief.publish_from)
        self.publish_until_edit.set_value(brief.publish_until)
        if brief.protection_days > self.protection_spin.maximum():
            self.protection_spin.setMaximum(brief.protection_days)
        self.protection_spin.setValue(brief.protection_days)
        self.review_spin.setValue(brief.review_hours)

    # -- saving ------------------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        """The brief as the client's create and update calls take it; raises `_Invalid` (or
        `MoneyError`) on a field to fix first."""
        title = self.title_edit.text().strip()
        if not title:
            raise _Invalid("brief_editor.title_required")
        fee_fen = parse_yuan(self.fee_edit.text()) or 0
        followers_min = self.followers_min_spin.value()
        followers_max = self.followers_max_spin.value() or None
        if followers_max is not None and followers_max < followers_min:
            raise _Invalid("brief.followers_range")
        publish_from = self.publish_from_edit.value()
        publish_until = self.publish_until_edit.value()
        if publish_from and publish_until and publish_until <= publish_from:
            raise _Invalid("brief.publish_window")
        return {
            "title": title,
            "status": self.status_combo.currentData(),
            "campaign": self.campaign_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "mode": self.mode_combo.currentData(),
            "note_type": self.note_type_combo.currentData(),
            "note_count": self.note_count_spin.value(),
            "product_ids": [uuid.UUID(tag.id) for tag in self.product_picker.tags()],
            "topics": self.topics_edit.words(),
            "mentions": self.mentions_edit.words(),
            "key_messages": self.key_messages_edit.words(),
            "forbidden_words": self.forbidden_edit.words(),
            "dos": self.dos_edit.words(),
            "donts": self.donts_edit.words(),
            "fee_fen": fee_fen,
            "category": self.category_edit.text().strip(),
            "followers_min": followers_min,
            "followers_max": followers_max,
            "region": self.region_edit.text().strip(),
            "apply_by": self.apply_by_edit.value(),
            "publish_from": publish_from,
            "publish_until": publish_until,
            "protection_days": self.protection_spin.value(),
            "review_hours": self.review_spin.value(),
        }

    def save(self) -> None:
        if self.saving:
            return
        try:
            fields = self.fields()
        except (_Invalid, MoneyError) as invalid:
            self._show_error(invalid)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self._show_notice("", "")
        brief, org_id = self.brief, self.organization_id

        def write(client: StudioClient) -> Any:
            if brief is None:
                return client.create_brief(organization_id=org_id, **fields)
            return client.update_brief(brief.id, version=brief.version, **fields)

        Mutation(self._ctx, parent=self, op=write).success(self._saved).failure(
            self._save_failed
        ).run()

    def _saved(self, brief: BriefPublic) -> None:
        self.saving = False
        self.brief = brief
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ConflictError) and error.current and self.brief is not None:
            self.show_brief(BriefPublic.model_validate(error.current))
            self._show_notice(reason_of(error), "WarnNote")
            return
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        self._show_notice(reason_of(error), "ErrorNote")

    def _show_notice(self, text: str, kind: str) -> None:
        self.notice_label.setObjectName(kind)
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
        self.notice_label.style().unpolish(self.notice_label)
        self.notice_label.style().polish(self.notice_label)

    def error_text(self) -> str:
        """What the footer says now (empty when nothing)."""
        return self.notice_label.text() if self.notice_label.isVisible() else ""
