"""Photo-edit recipes as the backend keeps them: read by the editor's own parser, stored short.

The server trusts nothing a client calls a recipe: every document goes through
`Recipe.from_dict` (types, ranges, known fields, version) and is stored as its normalised
`to_dict()`, so what any machine reads back renders exactly as the editor would render it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from editor import EditorError
from editor.recipe import Recipe
from publisher.services.errors import Invalid

MAX_RECIPE_BYTES = 128 * 1024
"""Above the longest valid recipe: four curves of 16 points, every slider, a look id (under
4 KiB) and 30 text layers of 200 emoji with every field set, each emoji escaped to 12 bytes of
JSON (about 90 KiB); tests/publisher/test_recipe_layers.py builds that recipe."""
_USER_LOOK = re.compile(r"^user:[0-9a-f]{64}$")


def stored_recipe(document: dict[str, Any], **where: Any) -> Recipe:
    """The checked recipe of `document`; `where` (e.g. `index=2`) joins any refusal's params.

    Raises:
        Invalid: `recipe.too_large` ({max}), `recipe.invalid` ({field, reason, …}) or
            `recipe.too_new` ({version, max}).
    """
    if not fits(document, MAX_RECIPE_BYTES):
        raise Invalid("recipe.too_large", {"max": MAX_RECIPE_BYTES, **where})
    try:
        recipe = Recipe.from_dict(document)
    except EditorError as exc:
        raise Invalid(exc.code, {**exc.params, **where}) from exc
    check_stored_look(recipe, where)
    return recipe


def fits(document: Any, max_bytes: int) -> bool:
    """Whether a JSON document a client sent stays within `max_bytes` once written out."""
    try:
        return len(json.dumps(document)) <= max_bytes
    except RecursionError:
        return False  # nested deeper than the JSON parser itself would accept


def check_stored_look(recipe: Recipe, where: dict[str, Any], *, field: str = "filter.id") -> None:
    """A stored recipe travels to other machines: it may name a shipped look or a LUT the
    backend keeps (`user:<sha256>`), never a path on the machine that wrote it. `field` names
    the look's id in the refusal (a video edit's look is `look.filter.id`).

    Raises:
        Invalid: `recipe.invalid` ({field, reason: local_file | bad_look_id, …where}).
    """
    if recipe.filter is None:
        return
    look_id = recipe.filter.id
    kind = look_id.split(":", 1)[0]
    if kind == "file":
        raise Invalid("recipe.invalid", {"field": field, "reason": "local_file", **where})
    if kind == "user" and not _USER_LOOK.match(look_id):
        raise Invalid("recipe.invalid", {"field": field, "reason": "bad_look_id", **where})


def media_recipe(document: dict[str, Any] | None, *, index: int) -> dict[str, Any] | None:
    """What a note medium stores: the normalised document, or None when it changes nothing."""
    if document is None:
        return None
    recipe = stored_recipe(document, index=index)
    return None if recipe.is_identity else recipe.to_dict()
