"""`/m/<sha256>`: the media of the reader pages, without signing in (see `reader_media`).

`?w=` asks for a JPEG at tile size (256, 512 or 1024 px wide, made once and cached). Pictures
are only ever sent re-encoded that way (1024 px without `?w=`): an original may carry the
camera's EXIF, GPS position included. Videos are sent as stored, with byte ranges so a player
can seek.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import FileResponse

from publisher.server.deps import SessionDep, StateDep
from publisher.services import media
from publisher.services.errors import NotFound
from publisher.services.reader_media import public_asset

router = APIRouter(include_in_schema=False)

LARGEST_PICTURE = 1024

_CACHE = {"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"}
"""An hour, not forever: a note taken down stops being served within the hour everywhere."""


@router.get("/m/{sha256}")
def public_media(
    sha256: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")],
    session: SessionDep,
    state: StateDep,
    w: Annotated[int | None, Query(ge=16, le=2048)] = None,
) -> FileResponse:
    asset = public_asset(session, sha256)
    if asset is None:
        raise NotFound("media.not_found")
    if w is not None or asset.duration is None:
        path = media.thumbnail_path(state.store, asset, w or LARGEST_PICTURE)
        return FileResponse(path, media_type="image/jpeg", headers=_CACHE)
    path = state.store.path_for(sha256)
    if not path.is_file():
        raise NotFound("media.file_missing")
    return FileResponse(path, media_type=asset.mime, headers=_CACHE)
