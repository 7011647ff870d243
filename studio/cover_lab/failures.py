"""Why something in the lab failed, in the creator's words."""

from __future__ import annotations

from editor.errors import EditorError
from publisher.client import ClientError
from studio.messages import message


def failure_text(error: BaseException) -> str:
    """The translated sentence for a backend or engine error (they carry a code), or a plain
    one naming the kind of an unexpected error; never a traceback."""
    if isinstance(error, ClientError | EditorError):
        return message(error.code, error.params)
    return message("cover_lab.unexpected", {"error": type(error).__name__})
