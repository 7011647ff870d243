"""The collaboration state machine: every transition, who may make it, and what it needs.

A collaboration ties one creator account to one brand brief. It starts as an invitation (the
brand names the creator) or an application (the creator answers an open brief with a quote),
goes back and forth between the creator's submissions and the brand's reviews, and ends
published and completed, or declined, rejected or cancelled on the way.

The server asks `transition()` before every change and writes what it answers, with an audit
log entry; nothing else moves a collaboration, so the rules live in this one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    INVITED = "invited"
    APPLIED = "applied"
    ACCEPTED = "accepted"
    """Working on the note: after an invitation or application is accepted, or after an
    approved note was changed (a new round is due)."""
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    COMPLETED = "completed"
    DECLINED = "declined"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class Side(StrEnum):
    """Who acts: the brief's brand, the creator account's people (the creator or their
    MCN), or the server itself (the scheduler, a changed note)."""

    BRAND = "brand"
    CREATOR = "creator"
    SYSTEM = "system"


class Action(StrEnum):
    INVITE = "invite"
    APPLY = "apply"
    ACCEPT = "accept"
    DECLINE = "decline"
    WITHDRAW = "withdraw"
    SUBMIT = "submit"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    REJECT = "reject"
    REOPEN = "reopen"
    SCHEDULE = "schedule"
    UNSCHEDULE = "unschedule"
    PUBLISH = "publish"
    COMPLETE = "complete"
    CANCEL = "cancel"


TERMINAL = frozenset({State.COMPLETED, State.DECLINED, State.REJECTED, State.CANCELLED})
"""States nothing leaves."""
OPEN_FOR_WORK = frozenset({State.ACCEPTED, State.CHANGES_REQUESTED})
"""States in which the creator edits the note and may submit it."""
LIVE = frozenset({State.APPROVED, State.SCHEDULED, State.PUBLISHED})
"""States whose note is the one the brand approved."""
BEFORE_PUBLISHING = frozenset(State) - TERMINAL - {State.PUBLISHED}


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[State]
    target: State
    sides: frozenset[Side]


def _rule(action: Action, sources: set[State], target: State, *sides: Side) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(sides))


_NEW: set[State] = set()
"""The sources of the actions that create a collaboration."""

TRANSITIONS: dict[Action, Transition] = {
    rule.action: rule
    for rule in (
        _rule(Action.INVITE, _NEW, State.INVITED, Side.BRAND),
        _rule(Action.APPLY, _NEW, State.APPLIED, Side.CREATOR),
        # The creator accepts an invitation; the brand accepts an application.
        _rule(
            Action.ACCEPT, {State.INVITED, State.APPLIED}, State.ACCEPTED, Side.BRAND, Side.CREATOR
        ),
        _rule(
            Action.DECLINE, {State.INVITED, State.APPLIED}, State.DECLINED, Side.BRAND, Side.CREATOR
        ),
        _rule(
            Action.WITHDRAW,
            {State.APPLIED, State.ACCEPTED, State.CHANGES_REQUESTED},
            State.CANCELLED,
            Side.CREATOR,
        ),
        _rule(Action.SUBMIT, set(OPEN_FOR_WORK), State.SUBMITTED, Side.CREATOR),
        _rule(Action.APPROVE, {State.SUBMITTED}, State.APPROVED, Side.BRAND),
        _rule(Action.REQUEST_CHANGES, {State.SUBMITTED}, State.CHANGES_REQUESTED, Side.BRAND),
        _rule(Action.REJECT, {State.SUBMITTED}, State.REJECTED, Side.BRAND),
        # A changed approved note is a new round: the approval no longer covers it.
        _rule(Action.REOPEN, {State.APPROVED, State.SCHEDULED}, State.ACCEPTED, Side.SYSTEM),
        _rule(Action.SCHEDULE, {State.APPROVED}, State.SCHEDULED, Side.CREATOR, Side.SYSTEM),
        _rule(Action.UNSCHEDULE, {State.SCHEDULED}, State.APPROVED, Side.CREATOR, Side.SYSTEM),
        _rule(
            Action.PUBLISH,
            {State.APPROVED, State.SCHEDULED},
            State.PUBLISHED,
            Side.CREATOR,
            Side.SYSTEM,
        ),
        _rule(Action.COMPLETE, {State.PUBLISHED}, State.COMPLETED, Side.BRAND),
        _rule(Action.CANCEL, set(BEFORE_PUBLISHING), State.CANCELLED, Side.BRAND),
    )
}

_ACCEPTING_SIDE = {State.INVITED: Side.CREATOR, State.APPLIED: Side.BRAND}
"""Who answers what: the invited creator, or the brand applied to. The other side of an
invitation or application withdraws or cancels it instead."""


class TransitionRefused(Exception):
    """`code` is `collaboration.not_allowed` (this side may never do it) or
    `collaboration.wrong_state` (not from this state); `params` say which."""

    def __init__(self, code: str, params: dict[str, str]) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def transition(state: State | None, action: Action, side: Side) -> State:
    """The state `action` by `side` leads to from `state` (None: a new collaboration).

    Raises:
        TransitionRefused: the side may not make this move, or not from this state.
    """
    rule = TRANSITIONS[action]
    params = {"action": action.value, "state": state.value if state else "", "side": side.value}
    if side not in rule.sides:
        raise TransitionRefused("collaboration.not_allowed", params)
    if state is None:
        if rule.sources:
            raise TransitionRefused("collaboration.wrong_state", params)
        return rule.target
    if state not in rule.sources:
        raise TransitionRefused("collaboration.wrong_state", params)
    if action in (Action.ACCEPT, Action.DECLINE) and _ACCEPTING_SIDE[state] is not side:
        raise TransitionRefused("collaboration.not_allowed", params)
    return rule.target


def allowed_actions(state: State, side: Side) -> list[Action]:
    """What `side` may do now, in the table's order: the buttons the app offers."""
    allowed = []
    for action in TRANSITIONS:
        try:
            transition(state, action, side)
        except TransitionRefused:
            continue
        allowed.append(action)
    return allowed
