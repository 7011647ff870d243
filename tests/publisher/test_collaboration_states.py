"""The collaboration state machine, exhaustively: every (state, action, side) is either in the
hand-written table below or refused, with the right code."""

from __future__ import annotations

import itertools

import pytest

from publisher.domain.collaboration import (
    Action,
    Side,
    State,
    TransitionRefused,
    allowed_actions,
    transition,
)

B, C, S = Side.BRAND, Side.CREATOR, Side.SYSTEM

ALLOWED = {
    (None, Action.INVITE, B): State.INVITED,
    (None, Action.APPLY, C): State.APPLIED,
    (State.INVITED, Action.ACCEPT, C): State.ACCEPTED,
    (State.INVITED, Action.DECLINE, C): State.DECLINED,
    (State.APPLIED, Action.ACCEPT, B): State.ACCEPTED,
    (State.APPLIED, Action.DECLINE, B): State.DECLINED,
    (State.APPLIED, Action.WITHDRAW, C): State.CANCELLED,
    (State.ACCEPTED, Action.WITHDRAW, C): State.CANCELLED,
    (State.CHANGES_REQUESTED, Action.WITHDRAW, C): State.CANCELLED,
    (State.ACCEPTED, Action.SUBMIT, C): State.SUBMITTED,
    (State.CHANGES_REQUESTED, Action.SUBMIT, C): State.SUBMITTED,
    (State.SUBMITTED, Action.APPROVE, B): State.APPROVED,
    (State.SUBMITTED, Action.REQUEST_CHANGES, B): State.CHANGES_REQUESTED,
    (State.SUBMITTED, Action.REJECT, B): State.REJECTED,
    (State.APPROVED, Action.REOPEN, S): State.ACCEPTED,
    (State.SCHEDULED, Action.REOPEN, S): State.ACCEPTED,
    (State.APPROVED, Action.SCHEDULE, C): State.SCHEDULED,
    (State.APPROVED, Action.SCHEDULE, S): State.SCHEDULED,
    (State.SCHEDULED, Action.UNSCHEDULE, C): State.APPROVED,
    (State.SCHEDULED, Action.UNSCHEDULE, S): State.APPROVED,
    (State.APPROVED, Action.PUBLISH, C): State.PUBLISHED,
    (State.APPROVED, Action.PUBLISH, S): State.PUBLISHED,
    (State.SCHEDULED, Action.PUBLISH, C): State.PUBLISHED,
    (State.SCHEDULED, Action.PUBLISH, S): State.PUBLISHED,
    (State.PUBLISHED, Action.COMPLETE, B): State.COMPLETED,
    **{
        (state, Action.CANCEL, B): State.CANCELLED
        for state in (
            State.INVITED,
            State.APPLIED,
            State.ACCEPTED,
            State.SUBMITTED,
            State.CHANGES_REQUESTED,
            State.APPROVED,
            State.SCHEDULED,
        )
    },
}

EVERY_MOVE = list(itertools.product([None, *State], Action, Side))


@pytest.mark.parametrize(("state", "action", "side"), EVERY_MOVE)
def test_every_move_is_allowed_exactly_when_the_table_says(state, action, side) -> None:
    expected = ALLOWED.get((state, action, side))
    if expected is not None:
        assert transition(state, action, side) is expected
        return
    with pytest.raises(TransitionRefused) as refused:
        transition(state, action, side)
    assert refused.value.code in ("collaboration.not_allowed", "collaboration.wrong_state")
    assert refused.value.params["action"] == action.value


def test_a_creator_cannot_approve_and_a_brand_cannot_submit() -> None:
    with pytest.raises(TransitionRefused) as creator:
        transition(State.SUBMITTED, Action.APPROVE, Side.CREATOR)
    assert creator.value.code == "collaboration.not_allowed"
    with pytest.raises(TransitionRefused) as brand:
        transition(State.ACCEPTED, Action.SUBMIT, Side.BRAND)
    assert brand.value.code == "collaboration.not_allowed"


def test_nobody_answers_their_own_invitation_or_application() -> None:
    with pytest.raises(TransitionRefused):
        transition(State.INVITED, Action.ACCEPT, Side.BRAND)
    with pytest.raises(TransitionRefused):
        transition(State.APPLIED, Action.ACCEPT, Side.CREATOR)


def test_terminal_states_offer_nothing() -> None:
    for state in (State.COMPLETED, State.DECLINED, State.REJECTED, State.CANCELLED):
        for side in Side:
            assert allowed_actions(state, side) == []


def test_the_offered_actions_follow_the_table() -> None:
    assert allowed_actions(State.SUBMITTED, Side.BRAND) == [
        Action.APPROVE,
        Action.REQUEST_CHANGES,
        Action.REJECT,
        Action.CANCEL,
    ]
    assert allowed_actions(State.CHANGES_REQUESTED, Side.CREATOR) == [
        Action.WITHDRAW,
        Action.SUBMIT,
    ]
