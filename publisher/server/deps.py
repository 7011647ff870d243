"""FastAPI dependencies, template style: `SessionDep`, `CurrentUser`, `StateDep`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from publisher.db.models import User
from publisher.server.state import ServerState
from publisher.services import auth
from publisher.services.errors import Unauthorized

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def get_state(request: Request) -> ServerState:
    return request.app.state.backend


StateDep = Annotated[ServerState, Depends(get_state)]


def get_session(state: StateDep) -> Iterator[Session]:
    with state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
TokenDep = Annotated[str | None, Depends(oauth2_scheme)]


def get_current_user(session: SessionDep, state: StateDep, token: TokenDep) -> User:
    if not token:
        raise Unauthorized("auth.missing_token")
    return auth.user_for_token(session, token, local_token=state.settings.local_token)


CurrentUser = Annotated[User, Depends(get_current_user)]
