"""The signed-in user's security: sessions (tokens) to end, sign-in history, password."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from publisher.server.deps import CurrentUser, SessionDep, TokenDep
from publisher.services import auth, sign_in
from publisher.team_schemas import PasswordChange, SessionPublic, SignInPublic

router = APIRouter(tags=["auth"])


@router.get("/auth/sessions", response_model=list[SessionPublic])
def list_sessions(user: CurrentUser, session: SessionDep, token: TokenDep):
    current = auth.token_hash(token) if token else None
    return [
        SessionPublic(
            id=row.id,
            client=row.client,
            ip=row.ip,
            created_at=row.created_at,
            expires_at=row.expires_at,
            current=row.token_hash == current,
        )
        for row in sign_in.live_tokens(session, user)
    ]


@router.delete("/auth/sessions/{session_id}", status_code=status.HTTP_204_NO_CONTENT)
def end_session(session_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> None:
    sign_in.revoke_session(session, user, session_id)


@router.post("/auth/sessions/end-others", status_code=status.HTTP_204_NO_CONTENT)
def end_other_sessions(user: CurrentUser, session: SessionDep, token: TokenDep) -> None:
    """Sign out every other machine (a lost laptop, a colleague's computer)."""
    auth.revoke_tokens(session, user, keep=token)
    session.commit()


@router.get("/users/me/sign-ins", response_model=list[SignInPublic])
def sign_in_history(user: CurrentUser, session: SessionDep):
    return sign_in.sign_in_history(session, user)


@router.post("/users/me/password", status_code=status.HTTP_204_NO_CONTENT)
def change_password(
    data: PasswordChange, user: CurrentUser, session: SessionDep, token: TokenDep
) -> None:
    """Ends every other session: whoever knew the old password is signed out."""
    auth.change_password(
        session, user, current=data.current_password, new=data.new_password, keep_token=token
    )
