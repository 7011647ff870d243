"""Sign-up, sign-in (OAuth2 password form), sign-out and the signed-in user."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from publisher.schemas import Token, UserCreate, UserPublic
from publisher.server.deps import CurrentUser, SessionDep, StateDep, TokenDep
from publisher.services import auth
from publisher.services import sign_in as sign_in_service
from publisher.services.errors import Unauthorized

router = APIRouter(tags=["auth"])


@router.post("/auth/register", status_code=status.HTTP_201_CREATED, response_model=UserPublic)
def register(data: UserCreate, session: SessionDep):
    return auth.register(
        session, email=data.email, password=data.password, display_name=data.display_name
    )


@router.post("/auth/token", response_model=Token)
def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    state: StateDep,
    request: Request,
):
    """A bearer token for e-mail and password. Too many wrong passwords for an address (or
    from a machine) answer 429 `auth.too_many_attempts` with Retry-After."""
    if "\x00" in form.username + form.password:
        raise Unauthorized("auth.bad_credentials")
    token, expires = sign_in_service.sign_in(
        session,
        email=form.username,
        password=form.password,
        ip=request.client.host if request.client else "",
        client=request.headers.get("user-agent", ""),
        ttl=timedelta(seconds=state.settings.token_ttl_seconds),
    )
    return Token(access_token=token, expires_at=expires)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def sign_out(user: CurrentUser, session: SessionDep, token: TokenDep) -> None:
    if token:
        auth.revoke_token(session, token)


@router.get("/users/me", response_model=UserPublic)
def me(user: CurrentUser):
    return user
