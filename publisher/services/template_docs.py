"""Cover templates and compositions as the backend keeps them: read by the editor's own parser,
stored normalised.

As with recipes (`publisher.services.recipes`), the server trusts nothing a client calls a
template: every document goes through `Template.from_dict` (types, ranges, known fields,
version) and is stored as its `to_dict()`, so every machine reads back what renders.
A composition records how a note's cover was made from a template — the template, the photos
that filled its slots, the slot texts — so the app can re-arrange the cover later.
"""

from __future__ import annotations

import re
from typing import Any

from editor import EditorError
from editor.layers import MAX_TEXT_LENGTH, TextLayer
from editor.templates import MAX_PHOTO_SLOTS, MAX_TEMPLATE_BYTES, Template
from publisher.services.errors import Invalid
from publisher.services.recipes import fits

MAX_COMPOSITION_PHOTOS = MAX_PHOTO_SLOTS
"""A photo per slot of the largest template."""
MAX_COMPOSITION_TEXTS = 20
_COMPOSITION_KEYS = frozenset({"template", "photos", "texts"})
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def stored_template(document: Any, **where: Any) -> Template:
    """The checked template of `document`; `where` (e.g. `index=2`) joins any refusal's params.

    Raises:
        Invalid: `template.too_large` ({max}), `template.invalid` ({field, reason, …}) or
            `template.too_new` ({version, max}).
    """
    if not fits(document, MAX_TEMPLATE_BYTES):
        raise Invalid("template.too_large", {"max": MAX_TEMPLATE_BYTES, **where})
    try:
        return Template.from_dict(document)
    except EditorError as exc:
        raise Invalid(exc.code, {**exc.params, **where}) from exc


def _bad(field: str, reason: str, **params: Any) -> Invalid:
    return Invalid("composition.invalid", {"field": field, "reason": reason, **params})


def _photos(value: Any, index: int) -> list[str]:
    if not isinstance(value, list):
        raise _bad("photos", "not_a_list", index=index)
    if len(value) > MAX_COMPOSITION_PHOTOS:
        raise _bad("photos", "too_many", max=MAX_COMPOSITION_PHOTOS, index=index)
    for position, sha256 in enumerate(value):
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            raise _bad(f"photos[{position}]", "bad_sha256", index=index)
    return list(value)


def _texts(value: Any, template: Template, index: int) -> dict[str, str]:
    """Text for named slots of the template, checked like a text layer's (a blank one hides
    its box), in the template's slot order."""
    if not isinstance(value, dict):
        raise _bad("texts", "not_an_object", index=index)
    if len(value) > MAX_COMPOSITION_TEXTS:
        raise _bad("texts", "too_many", max=MAX_COMPOSITION_TEXTS, index=index)
    slots = template.text_slots
    for slot, text in value.items():
        field = f"texts.{slot}"
        if slot not in slots:
            raise _bad(field, "unknown_slot", known=sorted(slots), index=index)
        if not isinstance(text, str):
            raise _bad(field, "not_a_string", index=index)
        if len(text) > MAX_TEXT_LENGTH:
            raise _bad(field, "too_long", max=MAX_TEXT_LENGTH, index=index)
        if text.strip():
            try:
                TextLayer.from_dict({"text": text}, "text")
            except EditorError as exc:
                detail = {name: param for name, param in exc.params.items() if name != "field"}
                params = {**detail, "field": field, "index": index}
                raise Invalid("composition.invalid", params) from exc
    return {slot: value[slot] for slot in slots if slot in value}


def media_composition(document: dict[str, Any] | None, *, index: int) -> dict[str, Any] | None:
    """What note medium `index` stores of a composition: the normalised document, or None.

    Raises:
        Invalid: `composition.invalid` ({field, reason, index, …}) for a bad shape, or the
            template's codes (`template.invalid`, `template.too_new`, `template.too_large`).
    """
    if document is None:
        return None
    unknown = sorted(str(key) for key in document if key not in _COMPOSITION_KEYS)
    if unknown:
        raise _bad(unknown[0], "unknown_field", index=index)
    if "template" not in document:
        raise _bad("template", "missing", index=index)
    template = stored_template(document["template"], index=index)
    return {
        "template": template.to_dict(),
        "photos": _photos(document.get("photos", []), index),
        "texts": _texts(document.get("texts", {}), template, index),
    }


def composition_photos(composition: dict[str, Any] | None) -> list[str]:
    """The photos a stored composition names (each must be media the caller uploaded)."""
    return [] if composition is None else list(composition["photos"])
