"""Collaborations: invitations, applications and every later move, checked by the state machine
in `publisher.domain.collaboration`, logged in the audit log and announced to the other side.

Who sees a collaboration: members of the brief's brand, and the people of the creator
account (the creator's own workspace, or the MCN that manages the account). Everyone else is
answered 404. Who may act is the side's roles: a brand's reviewers decide on submissions,
its editors also invite, accept and cancel; the account's editors do the creator's part.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from publisher.brief_schemas import (
    AccountSummary,
    Application,
    CollaborationAct,
    CollaborationPublic,
    Invitation,
)
from publisher.db.models import (
    Account,
    Brief,
    Collaboration,
    Note,
    Organization,
    ReviewComment,
    Submission,
    User,
)
from publisher.domain.collaboration import (
    Action,
    Side,
    State,
    TransitionRefused,
    allowed_actions,
    transition,
)
from publisher.domain.roles import EDITOR_ROLES, REVIEWER_ROLES
from publisher.domain.rules import RulesPack
from publisher.services.access import (
    account_org_ids,
    account_role,
    get_account,
    member_org_ids,
    visible_account_ids,
)
from publisher.services.audit import record
from publisher.services.briefs import (
    account_matches,
    brand_name,
    brief_public,
    editable_brief,
    get_brief,
)
from publisher.services.errors import Conflict, Forbidden, Invalid, NotFound
from publisher.services.notifications import notify
from publisher.services.organizations import member_roles, members_with
from publisher.services.versioning import compare_and_set, unique_or_conflict

REVIEW_ACTIONS = frozenset({Action.APPROVE, Action.REQUEST_CHANGES, Action.REJECT})
NOTIFIED_ROLES = REVIEWER_ROLES
"""Members told of a collaboration's news: everyone who may act on it, not viewers."""


def _visible(user: User) -> ColumnElement[bool]:
    brand_briefs = select(Brief.id).where(Brief.organization_id.in_(member_org_ids(user)))
    return or_(
        Collaboration.brief_id.in_(brand_briefs),
        Collaboration.account_id.in_(visible_account_ids(user)),
    )


def visible_collaborations(user: User) -> Select[uuid.UUID]:
    return select(Collaboration.id).where(_visible(user))


def get_collaboration(session: Session, user: User, collaboration_id: uuid.UUID) -> Collaboration:
    collab = session.scalar(
        select(Collaboration).where(Collaboration.id == collaboration_id, _visible(user))
    )
    if collab is None:
        raise NotFound("collaboration.not_found")
    return collab


def _account(session: Session, collab: Collaboration) -> Account:
    account = session.get(Account, collab.account_id)
    assert account is not None  # the foreign key cascades
    return account


def acting_sides(session: Session, user: User, collab: Collaboration) -> dict[Side, str]:
    """The caller's sides on the collaboration, each with their role there."""
    sides: dict[Side, str] = {}
    brand_role = member_roles(session, user).get(collab.brief.organization_id)
    if brand_role is not None:
        sides[Side.BRAND] = brand_role
    creator_role = account_role(session, user, _account(session, collab))
    if creator_role is not None:
        sides[Side.CREATOR] = creator_role
    return sides


def _may(side: Side, role: str, action: Action) -> bool:
    if side is Side.BRAND and action in REVIEW_ACTIONS:
        return role in REVIEWER_ROLES
    return role in EDITOR_ROLES


def caller_actions(session: Session, user: User, collab: Collaboration) -> list[Action]:
    """What the caller may do now, over all their sides, in the state machine's order."""
    state = State(collab.state)
    sides = acting_sides(session, user, collab)
    mine = {
        action
        for side, role in sides.items()
        for action in allowed_actions(state, side)
        if _may(side, role, action)
    }
    return [action for action in Action if action in mine and action is not Action.REOPEN]


def side_for(session: Session, user: User, collab: Collaboration, action: Action) -> Side:
    """The side the caller makes `action` as.

    Raises:
        Forbidden: `collaboration.not_allowed` ({action, state}) when neither of the caller's
            sides may make it now (a creator approving, a viewer submitting).
        Invalid: `collaboration.wrong_state` ({action, state}) when it is not possible now.
    """
    state = State(collab.state)
    refusals: set[str] = set()
    for side, role in acting_sides(session, user, collab).items():
        try:
            transition(state, action, side)
        except TransitionRefused as refused:
            refusals.add(refused.code)
            continue
        if _may(side, role, action):
            return side
        refusals.add("collaboration.not_allowed")
    params = {"action": action.value, "state": state.value}
    if "collaboration.wrong_state" in refusals:
        raise Invalid("collaboration.wrong_state", params)
    raise Forbidden("collaboration.not_allowed", params)


def announce(
    session: Session,
    collab: Collaboration,
    kind: str,
    *,
    to: Side,
    actor: uuid.UUID | None,
    extra: dict[str, Any] | None = None,
) -> None:
    """Notify the `to` side's members (not the actor) of news about the collaboration."""
    orgs = (
        select(Organization.id).where(Organization.id == collab.brief.organization_id)
        if to is Side.BRAND
        else account_org_ids(_account(session, collab))
    )
    params = {
        "collaboration_id": str(collab.id),
        "brief_title": collab.brief.title,
        "account": _account(session, collab).nickname,
        "brand": brand_name(session, collab.brief),
        "side": to.value,
        **(extra or {}),
    }
    for member in sorted(members_with(session, orgs, NOTIFIED_ROLES)):
        if member != actor:
            notify(session, member, kind, collab.note_id, params)


def move(
    session: Session,
    collab: Collaboration,
    action: Action,
    side: Side,
    *,
    actor: uuid.UUID | None,
    params: dict[str, Any] | None = None,
) -> State:
    """Apply a transition to the loaded row and log it; the caller commits."""
    before = State(collab.state)
    after = transition(before, action, side)
    collab.state = after.value
    record(
        session,
        actor,
        f"collaboration.{action.value}",
        "collaboration",
        collab.id,
        {"from": before.value, "to": after.value, "side": side.value, **(params or {})},
    )
    return after


def _stale(session: Session, user: User, collab: Collaboration) -> Conflict:
    return Conflict(
        "collaboration.version_conflict",
        {"version": collab.version},
        current=collaboration_public(session, user, collab).model_dump(mode="json"),
    )


def lost_race(session: Session, user: User, collab_id: uuid.UUID) -> Callable[[], Conflict]:
    return lambda: _stale(session, user, get_collaboration(session, user, collab_id))


def at_version(
    session: Session, user: User, collaboration_id: uuid.UUID, version: int
) -> Collaboration:
    collab = get_collaboration(session, user, collaboration_id)
    if collab.version != version:
        raise _stale(session, user, collab)
    return collab


def _new(
    session: Session,
    user: User,
    *,
    brief: Brief,
    account: Account,
    action: Action,
    side: Side,
    quote_fen: int | None,
    message: str,
) -> Collaboration:
    collab = Collaboration(
        brief_id=brief.id,
        account_id=account.id,
        state=transition(None, action, side).value,
        origin="invited" if action is Action.INVITE else "applied",
        quote_fen=quote_fen,
        message=message,
    )
    collab.brief = brief
    with unique_or_conflict(
        session, "collaboration.exists", {"brief_id": str(brief.id), "account_id": str(account.id)}
    ):
        session.add(collab)
        session.flush()
    record(
        session,
        user.id,
        f"collaboration.{action.value}",
        "collaboration",
        collab.id,
        {"to": collab.state, "side": side.value, "quote_fen": quote_fen},
    )
    return collab


def _require_eligible(brief: Brief, account: Account, rules: RulesPack) -> None:
    minimum = rules.limit("collaboration", "min_followers")
    if account.followers < minimum:
        raise Invalid(
            "collaboration.too_few_followers", {"followers": account.followers, "min": minimum}
        )
    if brief.status != "open":
        raise Invalid("brief.not_open", {"status": brief.status})


def invite(session: Session, user: User, data: Invitation, *, rules: RulesPack) -> Collaboration:
    """The brand invites a creator account by id (any account on the server).

    Raises:
        NotFound: `brief.not_found`, `account.not_found`.
        Forbidden: `brief.forbidden` for the brand's reviewers and viewers.
        Invalid: `brief.not_open`, `collaboration.too_few_followers`.
        Conflict: `collaboration.exists` when the account already has one on the brief.
    """
    brief = editable_brief(session, user, data.brief_id)
    account = session.get(Account, data.account_id)
    if account is None:
        raise NotFound("account.not_found")
    _require_eligible(brief, account, rules)
    quote = brief.fee_fen if data.quote_fen is None else data.quote_fen
    collab = _new(
        session,
        user,
        brief=brief,
        account=account,
        action=Action.INVITE,
        side=Side.BRAND,
        quote_fen=quote,
        message=data.message,
    )
    announce(session, collab, "collaboration.invited", to=Side.CREATOR, actor=user.id)
    session.commit()
    return collab


def apply(session: Session, user: User, data: Application, *, rules: RulesPack) -> Collaboration:
    """A creator account answers an open recruitment brief with a quote.

    Raises:
        NotFound: `brief.not_found`, `account.not_found`.
        Forbidden: `collaboration.not_allowed` for a viewer of the account's organization.
        Invalid: `brief.not_open`, `brief.not_recruiting` (a custom brief),
            `brief.deadline_passed`, `brief.criteria_unmet`, `collaboration.too_few_followers`.
        Conflict: `collaboration.exists`.
    """
    brief = get_brief(session, user, data.brief_id)
    account = get_account(session, user, data.account_id)
    if account_role(session, user, account) not in EDITOR_ROLES:
        raise Forbidden("collaboration.not_allowed", {"action": "apply", "state": ""})
    if brief.mode != "recruitment":
        raise Invalid("brief.not_recruiting", {})
    _require_eligible(brief, account, rules)
    if brief.apply_by is not None and brief.apply_by <= datetime.now(UTC):
        raise Invalid("brief.deadline_passed", {"apply_by": brief.apply_by.isoformat()})
    if not account_matches(brief, account):
        raise Invalid("brief.criteria_unmet", {})
    collab = _new(
        session,
        user,
        brief=brief,
        account=account,
        action=Action.APPLY,
        side=Side.CREATOR,
        quote_fen=data.quote_fen,
        message=data.message,
    )
    announce(
        session,
        collab,
        "collaboration.applied",
        to=Side.BRAND,
        actor=user.id,
        extra={"quote_fen": data.quote_fen},
    )
    session.commit()
    return collab


def list_collaborations(
    session: Session,
    user: User,
    *,
    side: Side | None,
    brief_id: uuid.UUID | None,
    states: list[str] | None,
    account_id: uuid.UUID | None,
    offset: int,
    limit: int,
) -> tuple[list[Collaboration], int]:
    """The caller's collaborations, most recently changed first; `side` brand: submissions to
    the caller's briefs (the review queue); creator: their accounts' own."""
    conditions: list[ColumnElement[bool]] = [_visible(user)]
    if side is Side.BRAND:
        conditions.append(
            Collaboration.brief_id.in_(
                select(Brief.id).where(Brief.organization_id.in_(member_org_ids(user)))
            )
        )
    elif side is Side.CREATOR:
        conditions.append(Collaboration.account_id.in_(visible_account_ids(user)))
    if brief_id is not None:
        conditions.append(Collaboration.brief_id == brief_id)
    if states:
        conditions.append(Collaboration.state.in_(states))
    if account_id is not None:
        conditions.append(Collaboration.account_id == account_id)
    query = select(Collaboration).where(*conditions)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Collaboration.updated_at.desc(), Collaboration.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), total


def open_brand_comments(
    session: Session, collab: Collaboration, *, this_round: bool = False
) -> int:
    """The brand's comments the creator has not resolved (on the current round only, when
    `this_round`): what is left to answer, and what a request for changes must rest on."""
    conditions = [
        ReviewComment.collaboration_id == collab.id,
        ReviewComment.side == Side.BRAND.value,
        ReviewComment.resolved_at.is_(None),
    ]
    if this_round:
        conditions.append(ReviewComment.round == collab.round)
    return session.scalar(select(func.count()).select_from(ReviewComment).where(*conditions)) or 0


def new_comment(
    collab: Collaboration, author: User, side: Side, text: str, **place: Any
) -> ReviewComment:
    """A comment on the collaboration's current round; `place` is where it points (target,
    field, position, region). A creator's comment is born resolved: nobody owes it an answer."""
    return ReviewComment(
        collaboration_id=collab.id,
        round=collab.round,
        author_id=author.id,
        side=side.value,
        text=text.strip(),
        resolved_at=datetime.now(UTC) if side is Side.CREATOR else None,
        **place,
    )


def collaboration_public(
    session: Session, user: User, collab: Collaboration
) -> CollaborationPublic:
    account = _account(session, collab)
    note = session.get(Note, collab.note_id) if collab.note_id else None
    return CollaborationPublic.model_validate(
        dict(
            id=collab.id,
            brief=brief_public(session, user, collab.brief),
            account=AccountSummary.model_validate(account),
            state=collab.state,
            origin=collab.origin,
            quote_fen=collab.quote_fen,
            message=collab.message,
            note_id=collab.note_id,
            round=collab.round,
            review_due_at=collab.review_due_at,
            published_at=collab.published_at,
            protected_until=note.protected_until if note else None,
            sides=[side.value for side in acting_sides(session, user, collab)],
            actions=[action.value for action in caller_actions(session, user, collab)],
            open_comments=open_brand_comments(session, collab),
            version=collab.version,
            created_at=collab.created_at,
            updated_at=collab.updated_at,
        )
    )


_NEWS = {
    Action.ACCEPT: "collaboration.accepted",
    Action.DECLINE: "collaboration.declined",
    Action.WITHDRAW: "collaboration.withdrawn",
    Action.APPROVE: "collaboration.approved",
    Action.REQUEST_CHANGES: "collaboration.changes_requested",
    Action.REJECT: "collaboration.rejected",
    Action.COMPLETE: "collaboration.completed",
    Action.CANCEL: "collaboration.cancelled",
}
"""The notification each plain move sends to the other side."""


def act(
    session: Session, user: User, collaboration_id: uuid.UUID, data: CollaborationAct
) -> Collaboration:
    """Make a move that needs nothing but the state: accept, decline, withdraw, decide,
    complete, cancel. Submitting, scheduling and publishing go through the note, whose
    content and time they need (`rounds.submit`, the notes' own calls).

    Raises:
        Conflict: stale `version`.
        Forbidden: `collaboration.not_allowed`; Invalid: `collaboration.wrong_state`,
            `collaboration.comment_required` (changes requested without a comment on the round),
            `collaboration.use_note` (submit, schedule, unschedule and publish).
    """
    action = Action(data.action)
    if action not in _NEWS:
        raise Invalid("collaboration.use_note", {"action": action.value})
    collab = at_version(session, user, collaboration_id, data.version)
    side = side_for(session, user, collab, action)
    if action is Action.REQUEST_CHANGES and not open_brand_comments(
        session, collab, this_round=True
    ):
        raise Invalid("collaboration.comment_required", {})
    with compare_and_set(session, lost_race(session, user, collaboration_id)):
        move(session, collab, action, side, actor=user.id)
        if action in REVIEW_ACTIONS:
            _decide_round(session, collab, action, user)
        if data.message.strip():
            session.add(new_comment(collab, user, side, data.message, target="note"))
        other = Side.CREATOR if side is Side.BRAND else Side.BRAND
        announce(session, collab, _NEWS[action], to=other, actor=user.id)
    session.refresh(collab)
    return collab


def _decide_round(session: Session, collab: Collaboration, action: Action, user: User) -> None:
    submission = session.scalar(
        select(Submission).where(
            Submission.collaboration_id == collab.id, Submission.round == collab.round
        )
    )
    if submission is not None:
        submission.decision = action.value
        submission.decided_by = user.id
        submission.decided_at = datetime.now(UTC)
    collab.review_due_at = None


def review_due(brief: Brief, now: datetime) -> datetime:
    return now + timedelta(hours=brief.review_hours)
