"""Dependencies of the reader pages: who is reading, and the catalog snapshot of notes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from publisher.reader.web import Reader, reader_of
from publisher.services.reader_catalog import Catalog, CatalogCache


def get_catalog(request: Request) -> Catalog:
    cache: CatalogCache = request.app.state.reader_catalog
    return cache.get()


ReaderDep = Annotated[Reader, Depends(reader_of)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
