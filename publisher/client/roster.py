"""Typed calls of the roster. Mixed into `StudioClient`."""

from __future__ import annotations

from publisher.client.http import Transport
from publisher.roster_schemas import RosterRow
from publisher.schemas import Page

ROSTER_PAGE = 500
"""The server's largest page: an MCN's whole roster usually comes in one."""


class RosterCalls:
    transport: Transport

    def roster(self) -> list[RosterRow]:
        """Every account the caller sees, with its figures, page after page."""
        rows: list[RosterRow] = []
        while True:
            params = {"offset": len(rows), "limit": ROSTER_PAGE}
            data = self.transport.request("GET", "/roster", params=params).json()
            page = Page[RosterRow].model_validate(data)
            rows.extend(page.items)
            if not page.items or len(rows) >= page.total:
                return rows
