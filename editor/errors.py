"""The one exception type the media engine raises for bad input.

An `EditorError` carries a stable machine code (``file.too_large``, ``image.corrupt`` …) and a
dict of parameters holding the figures behind it (sizes, limits, counts), never an English
sentence: the desktop app and the server translate the code for the person who sees it. The
exception pickles cleanly, so it survives the trip back from a decoding worker process.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class EditorError(Exception):
    """Bad input refused by the media engine.

    Attributes:
        code: A stable machine id such as ``"image.too_many_pixels"``.
        params: Figures for the message, e.g. ``{"pixels": 1600000000, "max": 100000000}``.
    """

    def __init__(self, code: str, params: Mapping[str, Any] | None = None) -> None:
        """Create the error.

        Args:
            code: A stable machine id; callers translate it, so never change an existing one.
            params: Figures for the translated message; copied, so the caller's dict is not kept.
        """
        self.code = code
        self.params = dict(params or {})
        # Both values go to Exception.__init__ so that pickling (which rebuilds the exception
        # from self.args) works across a process pool.
        super().__init__(code, self.params)

    def __str__(self) -> str:
        if not self.params:
            return self.code
        figures = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"{self.code} ({figures})"
