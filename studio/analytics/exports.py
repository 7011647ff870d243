"""Taking figures out of the studio: a table as CSV that Excel opens in Chinese, a chart as PNG.

A table model may offer `EXPORT_ROLE` for a cell's raw value (12345 rather than "1.2万",
0.1234 rather than "12.3%"), so a spreadsheet can compute with what it gets; cells without it
are written as shown. Files are replaced atomically: a failed export never leaves half a file
over a good one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.atomic_file import write_atomically
from studio.messages import file_reason

if TYPE_CHECKING:
    from studio.notifier import Notifier

EXPORT_ROLE = Qt.ItemDataRole.UserRole + 77
"""A cell's value for a spreadsheet (a number, not its display text)."""


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark, which is how Excel knows the file is not GBK."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return text.getvalue().encode("utf-8-sig")


def model_rows(model: QAbstractItemModel) -> tuple[list[str], list[list[Any]]]:
    """The header and every row of a table model, raw values where the model offers them."""
    columns = range(model.columnCount())
    header = [
        str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        for column in columns
    ]
    rows = []
    for row in range(model.rowCount()):
        cells = []
        for column in columns:
            index = model.index(row, column)
            value = model.data(index, EXPORT_ROLE)
            if value is None:
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
            cells.append(value)
        rows.append(cells)
    return header, rows


def _ask_path(parent: QWidget, title: str, suggested: str, pattern: str) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    return Path(path) if path else None


def save_table_csv(parent: QWidget, model: QAbstractItemModel, suggested_name: str) -> Path | None:
    """Ask where, then write the table; returns the file written, or None when cancelled.

    Raises OSError when the file cannot be written (the caller says so, translated)."""
    path = _ask_path(
        parent,
        QCoreApplication.translate("AnalyticsExports", "Export table"),
        f"{suggested_name}.csv",
        QCoreApplication.translate("AnalyticsExports", "CSV files") + " (*.csv)",
    )
    if path is None:
        return None
    header, rows = model_rows(model)
    write_atomically(path, csv_bytes(header, rows))
    return path


def widget_png(widget: QWidget) -> bytes:
    """The widget as it looks now, at the screen's pixel density."""
    data = QByteArray()  # kept alive here: the buffer writes into it, it does not own it
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def save_widget_png(parent: QWidget, widget: QWidget, suggested_name: str) -> Path | None:
    """Ask where, then save the chart as PNG; returns the file, or None when cancelled.

    Raises OSError when the file cannot be written."""
    path = _ask_path(
        parent,
        QCoreApplication.translate("AnalyticsExports", "Export chart"),
        f"{suggested_name}.png",
        QCoreApplication.translate("AnalyticsExports", "PNG images") + " (*.png)",
    )
    if path is None:
        return None
    write_atomically(path, widget_png(widget))
    return path


def saved(notifier: Notifier, save: Callable[[], Path | None]) -> Path | None:
    """Run an export and tell the user how it went (translated); None when cancelled or
    when the file could not be written."""
    try:
        path = save()
    except OSError as error:
        text = QCoreApplication.translate(
            "AnalyticsExports", "The file could not be saved: {reason}"
        )
        notifier.error(text.format(reason=file_reason(error)))
        return None
    if path is not None:
        text = QCoreApplication.translate("AnalyticsExports", "Saved {file}.")
        notifier.success(text.format(file=path.name))
    return path
