"""Topics: search by use, create by name, suggestions for a note, saved topic groups."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from publisher.db.models import Topic
from publisher.domain.rules import RulesPack
from publisher.schemas import (
    Page,
    Text,
    TopicCreate,
    TopicGroupCreate,
    TopicGroupPublic,
    TopicGroupUpdate,
    TopicPublic,
    TopicSuggestion,
    TopicSuggestRequest,
)
from publisher.server.deps import CurrentUser, SessionDep, StateDep
from publisher.server.routes.paging import Limit, Offset
from publisher.services import keywords, topic_suggestions, topics

router = APIRouter(tags=["topics"])


def _public(topic: Topic, uses: int) -> TopicPublic:
    return TopicPublic(id=topic.id, name=topic.name, use_count=uses, created_at=topic.created_at)


@router.get("/topics", response_model=Page[TopicPublic])
def search_topics(
    user: CurrentUser,
    session: SessionDep,
    q: Annotated[Text | None, Query(max_length=100)] = None,
    offset: Offset = 0,
    limit: Limit = 20,
):
    """Topics whose name contains `q` (any case, `#` ignored), most used first."""
    keywords.warm_up_in_background()  # the composer is open: suggestions come next
    rows, total = topics.search_topics(session, query=q, offset=offset, limit=limit)
    items = [_public(topic, uses) for topic, uses in rows]
    return Page(items=items, total=total, offset=offset, limit=limit)


@router.post(
    "/topics",
    status_code=status.HTTP_201_CREATED,
    response_model=TopicPublic,
    responses={200: {"model": TopicPublic, "description": "The topic already existed"}},
)
def create_topic(
    data: TopicCreate, user: CurrentUser, session: SessionDep, state: StateDep, response: Response
):
    """Create a topic, or answer 200 with the existing one of the same normalised name."""
    topic, created = topics.ensure_topic(session, user, data.name, rules=state.rules)
    if not created:
        response.status_code = status.HTTP_200_OK
    return _public(topic, topics.use_count(session, topic.id))


@router.post("/topics/suggest", response_model=list[TopicSuggestion])
def suggest_topics(
    data: TopicSuggestRequest, user: CurrentUser, session: SessionDep, state: StateDep
):
    """Ranked suggestions from the note's text, trending topics and the account's recent
    ones; `topic_id` is null for a new topic (create it with `POST /topics` when picked)."""
    return topic_suggestions.suggest_topics(session, user, data, rules=state.rules)


@router.get("/topics/{topic_id}", response_model=TopicPublic)
def get_topic(topic_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    topic = topics.get_topic(session, topic_id)
    return _public(topic, topics.use_count(session, topic.id))


@router.get("/topic-groups", response_model=Page[TopicGroupPublic])
def list_topic_groups(
    user: CurrentUser, session: SessionDep, offset: Offset = 0, limit: Limit = 50
):
    rows, total = topics.list_groups(session, user, offset=offset, limit=limit)
    return Page(items=rows, total=total, offset=offset, limit=limit)


@router.post("/topic-groups", status_code=status.HTTP_201_CREATED, response_model=TopicGroupPublic)
def create_topic_group(
    data: TopicGroupCreate, user: CurrentUser, session: SessionDep, state: StateDep
):
    topics.require_group_size(data.topic_ids, max_topics=_block_max(state.rules))
    return topics.create_group(session, user, data)


@router.get("/topic-groups/{group_id}", response_model=TopicGroupPublic)
def get_topic_group(group_id: uuid.UUID, user: CurrentUser, session: SessionDep):
    return topics.get_group(session, user, group_id)


@router.patch("/topic-groups/{group_id}", response_model=TopicGroupPublic)
def update_topic_group(
    group_id: uuid.UUID,
    data: TopicGroupUpdate,
    user: CurrentUser,
    session: SessionDep,
    state: StateDep,
):
    topics.require_group_size(data.topic_ids, max_topics=_block_max(state.rules))
    return topics.update_group(session, user, group_id, data)


def _block_max(rules: RulesPack) -> int:
    return int(rules.limit("topics", "block_max"))


@router.delete("/topic-groups/{group_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_topic_group(
    group_id: uuid.UUID, version: Annotated[int, Query()], user: CurrentUser, session: SessionDep
) -> Response:
    topics.delete_group(session, user, group_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
