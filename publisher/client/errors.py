"""Typed errors of the client: what went wrong, as the app needs to react to it.

The app translates `code` and `params`; it never shows a server's raw text.
"""

from __future__ import annotations

from typing import Any


class ClientError(Exception):
    """Base of every client error; `code` is a stable machine code, `params` its figures."""

    def __init__(self, code: str, params: dict[str, Any] | None = None, status: int = 0):
        super().__init__(code)
        self.code = code
        self.params = params or {}
        self.status = status


class OfflineError(ClientError):
    """The backend could not be reached (refused, timed out, DNS, TLS)."""


class AuthError(ClientError):
    """The token is missing, expired or revoked, or the credentials are wrong (401)."""


class ForbiddenError(ClientError):
    """The caller may see the object but not change it (403), e.g. a viewer saving a brand kit."""


class NotFoundError(ClientError):
    """The object does not exist or the caller may not see it (404)."""


class ConflictError(ClientError):
    """A compare-and-set write lost the race (409); `current` is the server's copy."""

    def __init__(self, code: str, params: dict[str, Any] | None, status: int, current: dict | None):
        super().__init__(code, params, status)
        self.current = current


class ValidationError(ClientError):
    """The request was refused as invalid (400/413/415/422); `violations` lists broken rules."""

    def __init__(
        self, code: str, params: dict[str, Any] | None, status: int, violations: list | None
    ):
        super().__init__(code, params, status)
        self.violations = violations or []


class ServerError(ClientError):
    """The server failed (5xx) or answered something that is not our API."""
