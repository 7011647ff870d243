"""Video edits as the backend keeps them: read by the editor's own parser, stored short.

A video medium's recipe is an `editor.video.edit` document. Like a photo recipe
(`publisher.services.recipes`) it goes through the editor's parser and is stored as its
normalised `to_dict()`, or as None when it is the identity — the whole video, nothing else.
What it names is checked too, so that any machine that may read the note can export it: every
source is "" (the medium's own video) or another video the caller uploaded, and a cover image
is an image the caller uploaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from editor import EditorError
from editor.video.edit import VideoEdit
from publisher.db.models import User
from publisher.services.errors import Invalid
from publisher.services.media import is_video, uploaded_mimes
from publisher.services.recipes import check_stored_look, fits

MAX_VIDEO_EDIT_BYTES = 512 * 1024
"""Above a long video's edit: 500 subtitle overlays of 40-character lines with every text
field set, 100 clips, music and a cover (about 430 KiB, which
tests/publisher/test_video_media.py builds), and below the body cap of a whole note (1 MiB)."""
_IDENTITY = VideoEdit().to_dict()


def stored_video_edit(document: dict[str, Any], **where: Any) -> VideoEdit:
    """The checked video edit of `document`; `where` (e.g. `index=0`) joins any refusal's
    params.

    Raises:
        Invalid: `recipe.too_large` ({max}), `recipe.invalid` ({field, reason, …}) or
            `recipe.too_new` ({version, max}).
    """
    if not fits(document, MAX_VIDEO_EDIT_BYTES):
        raise Invalid("recipe.too_large", {"max": MAX_VIDEO_EDIT_BYTES, **where})
    try:
        edit = VideoEdit.from_dict(document)
    except EditorError as exc:
        raise Invalid(exc.code, {**exc.params, **where}) from exc
    check_stored_look(edit.look, where, field="look.filter.id")
    return edit


def media_video_edit(
    session: Session, user: User, document: dict[str, Any] | None, *, index: int
) -> dict[str, Any] | None:
    """What a video medium stores: the normalised document, or None when it changes nothing.

    Raises:
        Invalid: as `stored_video_edit`; `media.unknown` ({sha256}) for a source or cover the
            caller did not upload; `recipe.invalid` ({field, reason: not_video | not_image,
            index}) for a source that is not a video or a cover that is not an image.
    """
    if document is None:
        return None
    edit = stored_video_edit(document, index=index)
    stored = edit.to_dict()
    if stored == _IDENTITY:
        return None
    _check_references(session, user, edit, index=index)
    return stored


def _sources(edit: VideoEdit) -> Iterator[tuple[str, str]]:
    """(field, key) of every other file the edit reads — videos, and the music (a sound file
    or a video); "" is the medium's own video."""
    for position, clip in enumerate(edit.clips):
        if clip.source:
            yield f"clips[{position}].source", clip.source
    if edit.music is not None and edit.music.source:
        yield "music.source", edit.music.source


def _check_references(session: Session, user: User, edit: VideoEdit, *, index: int) -> None:
    sources = list(_sources(edit))
    cover = edit.cover.sha256 if edit.cover is not None else None
    named = {key for _field, key in sources} | ({cover} if cover else set())
    mimes = uploaded_mimes(session, user, named)
    for field, key in sources:
        music = field == "music.source"
        if not (is_video(mimes[key]) or (music and mimes[key].startswith("audio/"))):
            reason = "not_sound" if music else "not_video"
            raise Invalid("recipe.invalid", {"field": field, "reason": reason, "index": index})
    if cover and not mimes[cover].startswith("image/"):
        raise Invalid(
            "recipe.invalid", {"field": "cover.sha256", "reason": "not_image", "index": index}
        )
