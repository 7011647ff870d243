"""The brief's checklist items (`BriefCheckPublic`) in words: a name, what was found or is
missing, and one row of rich text with the ✓/✕ mark — the same on the brand's review screen
and in the creator's view of the collaboration. No widgets here."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from publisher.brief_schemas import BriefCheckPublic
from studio.style import ACCENT, TEXT_MUTED

OK_COLOUR = "#1E9E5A"


def _names(items: list[str], prefix: str = "") -> str:
    return html.escape("、".join(prefix + item for item in items))


def check_words(check: BriefCheckPublic, products: Mapping[str, str]) -> tuple[str, str]:
    """The item's name (plain text) and what was found or is missing (rich text, escaped);
    `products` names the brief's products by id, for the ones not linked."""
    params = check.params
    missing = [str(item) for item in params.get("missing") or []]
    if check.key == "type":
        kinds = {
            "image": QCoreApplication.translate("CheckWords", "Photo note"),
            "video": QCoreApplication.translate("CheckWords", "Video note"),
        }
        expected = kinds.get(str(params.get("expected")), str(params.get("expected")))
        actual = kinds.get(str(params.get("actual")), str(params.get("actual")))
        title = QCoreApplication.translate("CheckWords", "Note type: {actual}")
        detail = QCoreApplication.translate("CheckWords", "The brief asks for: {expected}")
        return title.format(actual=actual), (
            "" if check.ok else html.escape(detail.format(expected=expected))
        )
    if check.key in ("topics", "mentions"):
        title = (
            QCoreApplication.translate("CheckWords", "Required topics")
            if check.key == "topics"
            else QCoreApplication.translate("CheckWords", "Required mentions")
        )
        prefix = "#" if check.key == "topics" else "@"
        detail = QCoreApplication.translate("CheckWords", "Missing: {names}")
        return title, detail.format(names=_names(missing, prefix)) if missing else ""
    if check.key == "key_message":
        title = QCoreApplication.translate("CheckWords", "Key message “{message}”").format(
            message=params.get("message", "")
        )
        if check.ok:
            return title, html.escape(QCoreApplication.translate("CheckWords", "Said in the note"))
        detail = QCoreApplication.translate("CheckWords", "Words not found: {names}")
        return title, detail.format(names=_names(missing))
    if check.key == "forbidden_words":
        found = params.get("found") or []
        if not found:
            return QCoreApplication.translate("CheckWords", "No forbidden words"), ""
        lines = [_forbidden_line(item) for item in found]
        return QCoreApplication.translate("CheckWords", "Forbidden words found"), "<br>".join(lines)
    if check.key == "disclosure":
        if check.ok:
            return QCoreApplication.translate("CheckWords", "Marked as a brand collaboration"), ""
        return QCoreApplication.translate(
            "CheckWords", "Not marked as a brand collaboration"
        ), html.escape(
            QCoreApplication.translate(
                "CheckWords", "The collaboration label (合作) must be switched on."
            )
        )
    if check.key == "products":
        lacking = [products.get(item, item) for item in missing]
        detail = QCoreApplication.translate("CheckWords", "Not linked: {names}")
        title = QCoreApplication.translate("CheckWords", "The brief's products")
        return title, detail.format(names=_names(lacking)) if lacking else ""
    return check.key, ""


def _forbidden_line(item: dict[str, Any]) -> str:
    word, context = str(item.get("word", "")), str(item.get("context", ""))
    marked = html.escape(context).replace(
        html.escape(word), f'<b style="color:{ACCENT};">{html.escape(word)}</b>'
    )
    return QCoreApplication.translate("CheckWords", "“{word}” ×{count} in “…{context}…”").format(
        word=html.escape(word), count=item.get("count", 1), context=marked
    )


def check_html(check: BriefCheckPublic, products: Mapping[str, str]) -> str:
    """One checklist row: the mark, the item's name in bold, the detail muted below it."""
    mark, colour = ("✓", OK_COLOUR) if check.ok else ("✕", ACCENT)
    title, detail = check_words(check, products)
    return (
        f'<table cellspacing="0" cellpadding="0"><tr>'
        f'<td width="26" valign="top">'
        f'<b style="color:{colour}; font-size:15px;">{mark}</b></td>'
        f"<td><b>{html.escape(title)}</b>"
        + (f'<br><span style="color:{TEXT_MUTED};">{detail}</span>' if detail else "")
        + "</td></tr></table>"
    )
