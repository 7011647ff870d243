"""Paging parameters shared by every list endpoint."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

MAX_PAGE = 500

Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
