"""Errors the services raise: a stable code and parameters, mapped to HTTP by the server."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """Base of every refusal; `code` is stable and translated by the app, never shown raw."""

    status = 400

    def __init__(self, code: str, params: dict[str, Any] | None = None, **extra: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params or {}
        self.extra = extra


class NotFound(ServiceError):
    """Missing, or not visible to the caller: the two are indistinguishable on purpose."""

    status = 404


class Unauthorized(ServiceError):
    status = 401


class Forbidden(ServiceError):
    """The caller may see the object but not do this to it (a viewer saving a brand kit);
    what they may not see at all is `NotFound`."""

    status = 403


class Conflict(ServiceError):
    """A compare-and-set write lost: `extra["current"]` holds the current object."""

    status = 409


class Invalid(ServiceError):
    """The request breaks a rule: `extra["violations"]` may list every broken rule."""

    status = 422


class TooLarge(ServiceError):
    status = 413


class UnsupportedMedia(ServiceError):
    status = 415


class TooManyRequests(ServiceError):
    """Slow down: `params["retry_after"]` is how many seconds to wait (sent as Retry-After)."""

    status = 429
