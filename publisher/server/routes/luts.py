"""Imported looks (.cube LUTs): upload, list, read back and forget the caller's own."""

from __future__ import annotations

from fastapi import APIRouter, Response, UploadFile, status
from fastapi.responses import FileResponse

from publisher.schemas import LutPublic, Page
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.server.routes.media import Sha256
from publisher.server.routes.paging import Limit, Offset
from publisher.services import luts

router = APIRouter(tags=["looks"])


@router.post("/luts", status_code=status.HTTP_201_CREATED, response_model=LutPublic)
def upload_lut(file: UploadFile, user: CurrentUser, session: SessionDep, state: StateDep):
    return luts.store_lut(session, user, state.store, file.file, filename=file.filename)


@router.get("/luts", response_model=Page[LutPublic])
def list_luts(user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 50):
    rows, total = luts.list_luts(session, user, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.get(
    "/luts/{sha256}",
    response_class=FileResponse,
    responses={200: {"content": {"text/plain": {}}, "description": "The .cube file as uploaded"}},
)
def lut_text(sha256: Sha256, user: CurrentUser, session: SessionDep, state: StateDep):
    lut = luts.get_lut(session, user, sha256)
    return FileResponse(luts.lut_file(state.store, lut), media_type="text/plain; charset=utf-8")


@router.delete("/luts/{sha256}", status_code=status.HTTP_204_NO_CONTENT)
def delete_lut(sha256: Sha256, user: CurrentUser, session: SessionDep) -> Response:
    luts.delete_lut(session, user, sha256)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
