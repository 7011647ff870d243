"""The edits of one note's photos while it is open: a history per photo and the clipboard.

Plain Python, so copy/paste and "apply to all" are decided and tested without widgets. Pasting
carries the look (adjust, curves, filter) and keeps the target's own crop and rotation, text and
stickers, which belong to that photo's picture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from editor.errors import EditorError
from editor.recipe import Recipe
from studio.editor.history import History


class EditBook:
    def __init__(self) -> None:
        self._histories: dict[str, History] = {}
        self.clipboard: Recipe | None = None
        """Survives switching notes, so edits can be pasted onto another note's photos."""

    def history(self, sha256: str, saved: Recipe) -> History:
        """The photo's history; `saved` is what the note holds now. If that changed outside
        the editor (another device, "use theirs") it becomes a step, so undo still works."""
        history = self._histories.get(sha256)
        if history is None:
            history = self._histories[sha256] = History(saved)
        elif history.current != saved:
            history.commit(saved)
            history.mark_clean()
        return history

    def forget_all(self) -> None:
        """Another note is open: its photos start fresh histories (the clipboard stays)."""
        self._histories.clear()

    def copy(self, recipe: Recipe) -> None:
        self.clipboard = recipe

    def paste(self, sha256: str, saved: Recipe) -> Recipe | None:
        """Paste the clipboard's look onto one photo as one step; None if nothing changed."""
        if self.clipboard is None:
            return None
        history = self.history(sha256, saved)
        pasted = history.current.with_look(self.clipboard)
        return pasted if history.commit(pasted) else None

    def apply_to_all(
        self, source: Recipe, shas: Iterable[str], saved: Callable[[str], Recipe]
    ) -> dict[str, Recipe]:
        """Give every photo `source`'s look, one step each; returns the photos that changed."""
        changed: dict[str, Recipe] = {}
        for sha in shas:
            try:
                history = self.history(sha, saved(sha))
            except EditorError:
                continue  # an edit from a newer app is left as it is

            recipe = history.current.with_look(source)
            if history.commit(recipe):
                changed[sha] = recipe
        return changed
