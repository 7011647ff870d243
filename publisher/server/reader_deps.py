"""Dependencies of the reader pages: who is reading, and the catalog snapshot of notes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from publisher.reader.web import Reader, reader_of
from publisher.services.reader_catalog import Catalog, CatalogCache


def get_catalog(request: Request) -> Catalog:
    cache: CatalogCache = request.app.state.reader_catalog
    return cache.get()


async def get_reader(request: Request) -> Reader:
    """Async: it only reads cookies, and a sync dependency costs every page a thread switch."""
    return reader_of(request)


ReaderDep = Annotated[Reader, Depends(get_reader)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
