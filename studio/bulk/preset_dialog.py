"""Apply one of the user's edit presets to every photo of the selected notes: pick the preset,
see which notes take it, then what became of each (`preset_apply` says how and why it is done
in the app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from editor.errors import EditorError
from editor.recipe import Recipe
from publisher.schemas import NotePublic, Page, PresetPublic
from studio.bulk.bulk_dialog import BulkDialog
from studio.bulk.labels import note_title, refusal
from studio.bulk.preset_apply import PresetOutcome, apply_to_notes, takes_preset, why_not
from studio.bulk.rows_table import TableRow
from studio.editor.photo_exports import PhotoExporter
from studio.messages import reason_of
from studio.models.accounts import AccountsListModel
from studio.models.presets import PresetsListModel
from studio.ops import Query
from studio.tasks import Lane

if TYPE_CHECKING:
    from studio.context import AppContext

_MAX_PRESETS = 500


class PresetDialog(BulkDialog):
    def __init__(
        self,
        ctx: AppContext,
        accounts: AccountsListModel,
        notes: list[NotePublic],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._accounts = accounts
        self.notes = notes
        self.taking = [note for note in notes if why_not(note) is None]
        self.outcomes: list[PresetOutcome] | None = None
        self.setWindowTitle(self.tr("Apply a preset"))
        self.heading.setText(self.tr("Apply a preset to the photos of the selected notes"))
        self.resize(760, 620)
        self.presets = PresetsListModel(self)
        self.preset_list = self.form_widget(QListView(self))
        self.preset_list.setObjectName("PickerList")
        self.preset_list.setProperty("roomy", True)
        self.preset_list.setModel(self.presets)
        self.preset_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preset_list.setMaximumHeight(150)
        self.body.addWidget(self.preset_list)
        self.summary.setText(
            self.tr(
                "The preset's adjustments, curves and filter replace each photo's; its crop, "
                "text and stickers stay. Every photo is rendered again, so this takes a moment."
            )
        )
        self.action_button.setText(self.tr("Apply ({count})").format(count=len(self.taking)))
        self.action_button.setEnabled(False)
        self.action_button.clicked.connect(self.start_applying)
        self.preset_list.selectionModel().selectionChanged.connect(lambda *_: self._refresh())
        self.table.show_rows(
            [self.tr("Note"), self.tr("Account"), self.tr("Photos")],
            [self._preview_row(note) for note in notes],
            widths=(280, 170),
        )
        Query(ctx, parent=self, op=lambda client: client.list_presets(limit=_MAX_PRESETS)).success(
            self._on_presets
        ).failure(lambda error: self.error_label.setText(reason_of(error))).run()

    def _row(self, note: NotePublic, text: str, *, failed: bool) -> TableRow:
        account = self._accounts.nickname(str(note.account_id))
        return TableRow([note_title(note), account, text], failed)

    def _preview_row(self, note: NotePublic) -> TableRow:
        reason = why_not(note)
        if reason is not None:
            return self._row(note, refusal(*reason), failed=True)
        photos = sum(1 for item in note.media if takes_preset(item))
        return self._row(note, self.tr("Photos: {count}").format(count=photos), failed=False)

    def _on_presets(self, page: Page[PresetPublic]) -> None:
        self.presets.set_presets(page.items)
        if not page.items:
            self.error_label.setText(
                self.tr("No presets yet. Edit a photo, name the look and save it as a preset.")
            )

    def select_preset(self, name: str) -> None:
        row = self.presets.names().index(name)
        self.preset_list.setCurrentIndex(self.presets.index(row))

    def selected_preset(self) -> PresetPublic | None:
        return self.presets.preset_at(self.preset_list.currentIndex().row())

    def _refresh(self) -> None:
        self.action_button.setEnabled(bool(self.taking) and self.selected_preset() is not None)

    def start_applying(self) -> None:
        preset = self.selected_preset()
        if preset is None:
            return
        try:
            look = Recipe.from_dict(preset.recipe)
        except EditorError as error:
            self.error_label.setText(reason_of(error))
            return
        connection, notes, exporter = (
            self._ctx.connection,
            list(self.taking),
            PhotoExporter(self._ctx),
        )
        self.run_job(
            Lane.MEDIA,
            lambda progress: apply_to_notes(connection.client(), notes, look, exporter, progress),
            self._show_results,
        )

    def _show_results(self, outcomes: list[PresetOutcome]) -> None:
        self.outcomes = outcomes
        rows = []
        for outcome in outcomes:
            if outcome.code is None:
                text = self.tr("Photos changed: {count}").format(count=outcome.photos)
                rows.append(self._row(outcome.note, text, failed=False))
            else:
                text = refusal(outcome.code, outcome.params, outcome.violations)
                rows.append(self._row(outcome.note, text, failed=True))
        rows += [self._preview_row(note) for note in self.notes if why_not(note) is not None]
        self.table.show_rows(
            [self.tr("Note"), self.tr("Account"), self.tr("Result")], rows, widths=(280, 170)
        )
        applied = sum(1 for outcome in outcomes if outcome.code is None)
        self.show_done_summary(
            self.tr("Notes changed: {applied}. Left as they were: {left}.").format(
                applied=applied, left=len(self.notes) - applied
            )
        )
