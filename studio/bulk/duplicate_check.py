"""The near-duplicate check of a batch about to be scheduled across accounts.

Spreading one piece of content over several accounts is exactly what the platform penalises,
so the bulk schedule dialog checks the whole batch (each note against the others and against
what the accounts already have scheduled or published) and names the most alike pairs above
its preview. It warns and does not block: the user may still change a note first, or go ahead.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from publisher.near_duplicate_schemas import NoteNearDuplicatesPublic
from publisher.schemas import NotePublic
from studio.matrix.near_duplicates import reasons

SHOWN_PAIRS = 5
"""Pairs named in full, the most alike first; the rest are counted, so a big batch stays
readable and the preview keeps its room."""


def _pairs(
    results: Sequence[NoteNearDuplicatesPublic],
) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(note, the note it looks like, why), the most alike first, each pair once even when
    both are in the batch."""
    found = sorted(
        ((match.score, result.note_id, match) for result in results for match in result.matches),
        key=lambda item: -item[0],
    )
    seen: set[frozenset[uuid.UUID]] = set()
    pairs = []
    for _score, note_id, match in found:
        key = frozenset((note_id, match.note_id))
        if key not in seen:
            seen.add(key)
            pairs.append((note_id, match.note_id, " · ".join(reasons(match))))
    return pairs


def warning_html(
    results: Sequence[NoteNearDuplicatesPublic],
    notes: Sequence[NotePublic],
    nickname: Callable[[str], str],
) -> str:
    """The warning as rich text, or "" when nothing in the batch looks like anything."""
    pairs = _pairs(results)
    if not pairs:
        return ""
    untitled = QCoreApplication.translate("BulkDuplicates", "(untitled)")
    names: dict[uuid.UUID, str] = {
        match.note_id: f"{match.title or untitled} · {match.account_nickname}"
        for result in results
        for match in result.matches
    }
    names.update(
        (note.id, f"{note.title or untitled} · {nickname(str(note.account_id))}") for note in notes
    )
    heading = QCoreApplication.translate(
        "BulkDuplicates", "Similar content on your accounts: {count}"
    ).format(count=len(pairs))
    advice = QCoreApplication.translate(
        "BulkDuplicates",
        "The platform shows the same photos or text on several accounts less. "
        "Change one of each pair, or schedule anyway.",
    )
    lines = [f"{html.escape(heading)}<br>{html.escape(advice)}"]
    for mine, theirs, why in pairs[:SHOWN_PAIRS]:
        lines.append(
            f"• <b>{html.escape(names.get(mine, ''))}</b> ≈ "
            f"<b>{html.escape(names.get(theirs, ''))}</b> — {html.escape(why)}"
        )
    if len(pairs) > SHOWN_PAIRS:
        more = QCoreApplication.translate("BulkDuplicates", "…and {count} more")
        lines.append(html.escape(more.format(count=len(pairs) - SHOWN_PAIRS)))
    return "<br>".join(lines)


def warning_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("WarnNote")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
