"""Undo/redo of one photo's (or video's) edits: a plain stack of values with a clean mark.

Recipes and video edits are immutable values, so history is just the list of states the
creator committed; undo moves a cursor back, a new commit drops whatever was ahead of it. The
clean mark is the state last saved with the note, so the editor can tell whether a photo has
unsaved edits.
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")

MAX_STEPS = 200


class History(Generic[T]):
    """The committed states of one photo, oldest first, and where the creator stands."""

    def __init__(self, initial: T, max_steps: int = MAX_STEPS) -> None:
        self._states: list[T] = [initial]
        self._cursor = 0
        self._clean: int | None = 0
        self._max_steps = max(2, max_steps)

    @property
    def current(self) -> T:
        return self._states[self._cursor]

    @property
    def can_undo(self) -> bool:
        return self._cursor > 0

    @property
    def can_redo(self) -> bool:
        return self._cursor < len(self._states) - 1

    @property
    def is_clean(self) -> bool:
        return self._clean == self._cursor

    def commit(self, recipe: T) -> bool:
        """Record `recipe` as one step; False (and no step) when nothing changed."""
        if recipe == self.current:
            return False
        del self._states[self._cursor + 1 :]
        if self._clean is not None and self._clean > self._cursor:
            self._clean = None  # the saved state was in the redo branch just dropped
        self._states.append(recipe)
        self._cursor += 1
        overflow = len(self._states) - self._max_steps
        if overflow > 0:
            del self._states[:overflow]
            self._cursor -= overflow
            if self._clean is not None:
                self._clean = self._clean - overflow if self._clean >= overflow else None
        return True

    def undo(self) -> T:
        if self.can_undo:
            self._cursor -= 1
        return self.current

    def redo(self) -> T:
        if self.can_redo:
            self._cursor += 1
        return self.current

    def mark_clean(self) -> None:
        """The current state is what the note now holds."""
        self._clean = self._cursor
