"""Readers' comments for a note's author (being written)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["notes"])
