"""The client the desktop app and integrations use to talk to a backend over HTTP."""

from publisher.client.api import StudioClient, file_sha256
from publisher.client.errors import (
    AuthError,
    ClientError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    OfflineError,
    ServerError,
    ValidationError,
)

__all__ = [
    "AuthError",
    "ClientError",
    "ConflictError",
    "ForbiddenError",
    "NotFoundError",
    "OfflineError",
    "ServerError",
    "StudioClient",
    "ValidationError",
    "file_sha256",
]
