"""Money spent to get notes seen: boosts on a note, ads and creators' fees on a brief.

A note's editors (the creator, the MCN managing the account) record boosts on it; a brand's
editors record spend on their brief, and on a collaboration note of that brief (a brand
boosting the note it paid for). ROI, CPE and CPM divide by what is recorded here.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from publisher.db.models import Brief, Collaboration, Note, SpendRecord, User
from publisher.services.access import get_note, member_org_ids, visible_account_ids
from publisher.services.briefs import editable_brief
from publisher.services.errors import Invalid, NotFound
from publisher.stats_schemas import SpendCreate


def _check_target(
    session: Session, user: User, note_id: uuid.UUID | None, brief_id: uuid.UUID | None
) -> None:
    """Raises NotFound/Forbidden as the note or brief would, or Invalid when neither is named
    or the note is not in the brief."""
    if brief_id is not None:
        editable_brief(session, user, brief_id)
        if note_id is not None and not session.scalar(
            select(Collaboration.id).where(
                Collaboration.brief_id == brief_id, Collaboration.note_id == note_id
            )
        ):
            raise Invalid("spend.note_not_in_brief")
    elif note_id is not None:
        get_note(session, user, note_id, write=True)
    else:
        raise Invalid("spend.target_missing")


def record_spend(session: Session, user: User, data: SpendCreate) -> SpendRecord:
    _check_target(session, user, data.note_id, data.brief_id)
    spend = SpendRecord(
        note_id=data.note_id,
        brief_id=data.brief_id,
        kind=data.kind,
        day=data.day,
        amount_fen=data.amount_fen,
        memo=data.memo,
        created_by=user.id,
    )
    session.add(spend)
    session.commit()
    return spend


def _visible(user: User) -> ColumnElement[bool]:
    """Who paid sees it: a brand's records on its briefs (also those on a note of the brief)
    to the brand; the records without a brief — boosts on their notes — to the notes' side."""
    own_notes = select(Note.id).where(Note.account_id.in_(visible_account_ids(user)))
    own_briefs = select(Brief.id).where(Brief.organization_id.in_(member_org_ids(user)))
    return or_(
        SpendRecord.brief_id.is_(None) & SpendRecord.note_id.in_(own_notes),
        SpendRecord.brief_id.in_(own_briefs),
    )


def list_spend(
    session: Session,
    user: User,
    *,
    note_id: uuid.UUID | None = None,
    brief_id: uuid.UUID | None = None,
) -> list[SpendRecord]:
    """Spend the caller may see (on their accounts' notes or their brand's briefs)."""
    query = select(SpendRecord).where(_visible(user))
    if note_id is not None:
        query = query.where(SpendRecord.note_id == note_id)
    if brief_id is not None:
        query = query.where(SpendRecord.brief_id == brief_id)
    return list(session.scalars(query.order_by(SpendRecord.day.desc(), SpendRecord.created_at)))


def delete_spend(session: Session, user: User, spend_id: uuid.UUID) -> None:
    spend = session.scalar(select(SpendRecord).where(SpendRecord.id == spend_id, _visible(user)))
    if spend is None:
        raise NotFound("spend.not_found")
    _check_target(session, user, spend.note_id, spend.brief_id)
    session.delete(spend)
    session.commit()
