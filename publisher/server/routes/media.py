"""Media originals: upload (deduplicated by sha256), existence check, bytes and thumbnails."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, UploadFile, status
from fastapi.responses import FileResponse

from publisher.schemas import MediaPublic
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.services import media
from publisher.services.errors import NotFound

router = APIRouter(tags=["media"])

Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
_IMMUTABLE = {"Cache-Control": "private, max-age=31536000, immutable"}


@router.post("/media", status_code=status.HTTP_201_CREATED, response_model=MediaPublic)
def upload_media(file: UploadFile, user: CurrentUser, session: SessionDep, state: StateDep):
    """Store a photo or a video (multipart `file`); the answer says what the gate learned."""
    return media.store_upload(
        session,
        user,
        state.store,
        file.file,
        max_bytes=state.settings.max_upload_bytes,
        max_video_bytes=state.settings.max_video_upload_bytes,
    )


@router.head("/media/{sha256}")
def media_exists(sha256: Sha256, user: CurrentUser, session: SessionDep) -> Response:
    media.get_uploaded(session, user, sha256)
    return Response(status_code=status.HTTP_200_OK)


@router.get("/media/{sha256}/info", response_model=MediaPublic)
def media_info(sha256: Sha256, user: CurrentUser, session: SessionDep):
    return media.get_visible(session, user, sha256)


@router.get("/media/{sha256}")
def media_bytes(sha256: Sha256, user: CurrentUser, session: SessionDep, state: StateDep):
    asset = media.get_visible(session, user, sha256)
    path = state.store.path_for(sha256)
    if not path.is_file():
        raise NotFound("media.file_missing")
    return FileResponse(path, media_type=asset.mime, headers=_IMMUTABLE)


@router.get("/media/{sha256}/thumbnail")
def media_thumbnail(
    sha256: Sha256,
    user: CurrentUser,
    session: SessionDep,
    state: StateDep,
    size: Annotated[int, Query(ge=16, le=2048)] = 256,
):
    asset = media.get_visible(session, user, sha256)
    return FileResponse(
        media.thumbnail_path(state.store, asset, size), media_type="image/jpeg", headers=_IMMUTABLE
    )
