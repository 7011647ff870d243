"""Pydantic shapes of the brand side of the API: briefs, collaborations, rounds and comments.

Kept beside `publisher.schemas` (same conventions: `XCreate`, `XUpdate`, `XPublic`) so neither
module grows past reading.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from publisher.schemas import Currency, Label, NoteType, ShortName, Text

BriefStatus = Literal["draft", "open", "closed"]
BriefMode = Literal["custom", "recruitment"]
CollaborationState = Literal[
    "invited",
    "applied",
    "accepted",
    "submitted",
    "changes_requested",
    "approved",
    "scheduled",
    "published",
    "completed",
    "declined",
    "rejected",
    "cancelled",
]
CollaborationAction = Literal[
    "accept",
    "decline",
    "withdraw",
    "submit",
    "approve",
    "request_changes",
    "reject",
    "schedule",
    "unschedule",
    "publish",
    "complete",
    "cancel",
]
"""What a caller may ask for; `invite`, `apply` and `reopen` have calls of their own or are
the server's."""
Side = Literal["brand", "creator"]
CommentTarget = Literal["note", "field", "image", "region"]
CommentField = Literal["title", "body", "topics", "mentions", "products", "place", "flags"]
Money = Annotated[int, Field(ge=0, le=10**12)]
"""An amount in fen."""

Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=30)]
MAX_LIST = 50
MAX_FORBIDDEN_WORDS = 500


class _Public(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class _BriefFields(BaseModel):
    campaign: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    description: Text = Field(default="", max_length=5000)
    mode: BriefMode = "custom"
    note_type: NoteType = "image"
    note_count: int = Field(default=1, ge=1, le=50)
    product_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_LIST)
    topics: list[Word] = Field(default_factory=list, max_length=10)
    mentions: list[Word] = Field(default_factory=list, max_length=MAX_LIST)
    key_messages: list[Phrase] = Field(default_factory=list, max_length=MAX_LIST)
    dos: list[Phrase] = Field(default_factory=list, max_length=MAX_LIST)
    donts: list[Phrase] = Field(default_factory=list, max_length=MAX_LIST)
    fee_fen: Money = 0
    currency: Currency = "CNY"
    category: Label = ""
    followers_min: int = Field(default=0, ge=0, le=10**10)
    followers_max: int | None = Field(default=None, ge=0, le=10**10)
    region: Label = ""
    apply_by: AwareDatetime | None = None
    publish_from: AwareDatetime | None = None
    publish_until: AwareDatetime | None = None
    protection_days: int = 30
    """30–365 (the rules pack's range), checked by the server."""
    review_hours: int = Field(default=48, ge=1, le=24 * 14)


class BriefCreate(_BriefFields):
    """A brief of a brand organization the caller edits in."""

    organization_id: uuid.UUID
    title: ShortName
    status: Literal["draft", "open"] = "open"
    forbidden_words: list[Word] | None = Field(default=None, max_length=MAX_FORBIDDEN_WORDS)
    """None: the rules pack's advertising-law terms (最, 第一, 国家级 …)."""


class BriefUpdate(BaseModel):
    """Only the fields sent change."""

    version: int
    title: ShortName | None = None
    status: BriefStatus | None = None
    campaign: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None
    description: Text | None = Field(default=None, max_length=5000)
    mode: BriefMode | None = None
    note_type: NoteType | None = None
    note_count: int | None = Field(default=None, ge=1, le=50)
    product_ids: list[uuid.UUID] | None = Field(default=None, max_length=MAX_LIST)
    topics: list[Word] | None = Field(default=None, max_length=10)
    mentions: list[Word] | None = Field(default=None, max_length=MAX_LIST)
    key_messages: list[Phrase] | None = Field(default=None, max_length=MAX_LIST)
    forbidden_words: list[Word] | None = Field(default=None, max_length=MAX_FORBIDDEN_WORDS)
    dos: list[Phrase] | None = Field(default=None, max_length=MAX_LIST)
    donts: list[Phrase] | None = Field(default=None, max_length=MAX_LIST)
    fee_fen: Money | None = None
    currency: Currency | None = None
    category: Label | None = None
    followers_min: int | None = Field(default=None, ge=0, le=10**10)
    followers_max: int | None = Field(default=None, ge=0, le=10**10)
    region: Label | None = None
    apply_by: AwareDatetime | None = None
    publish_from: AwareDatetime | None = None
    publish_until: AwareDatetime | None = None
    protection_days: int | None = None
    review_hours: int | None = Field(default=None, ge=1, le=24 * 14)


class BriefProduct(_Public):
    id: uuid.UUID
    name: str
    sku: str
    price_fen: int
    currency: str
    image_sha256: str | None = None


class BriefPublic(_Public):
    id: uuid.UUID
    organization_id: uuid.UUID
    organization_name: str
    title: str
    status: str
    campaign: str
    description: str
    mode: str
    note_type: str
    note_count: int
    products: list[BriefProduct]
    topics: list[str]
    mentions: list[str]
    key_messages: list[str]
    forbidden_words: list[str]
    dos: list[str]
    donts: list[str]
    fee_fen: int
    currency: str
    category: str
    followers_min: int
    followers_max: int | None
    region: str
    apply_by: datetime | None
    publish_from: datetime | None
    publish_until: datetime | None
    protection_days: int
    review_hours: int
    version: int
    created_at: datetime
    updated_at: datetime
    collaborations: dict[str, int] = Field(default_factory=dict)
    """How many collaborations are in each state; only for the brand's members."""


class BriefDefaults(BaseModel):
    """What a new brief starts with, from the rules pack."""

    forbidden_words: list[str]
    forbidden_exempt: list[str]
    protection_days_min: int
    protection_days_max: int
    min_followers: int


class Invitation(BaseModel):
    """The brand invites a creator account (by its id) to a custom brief."""

    brief_id: uuid.UUID
    account_id: uuid.UUID
    message: Text = Field(default="", max_length=2000)
    quote_fen: Money | None = None
    """The fee offered; default the brief's."""


class Application(BaseModel):
    """A creator account applies to an open recruitment brief with a quote."""

    brief_id: uuid.UUID
    account_id: uuid.UUID
    quote_fen: Money
    message: Text = Field(default="", max_length=2000)


class CollaborationAct(BaseModel):
    version: int
    action: CollaborationAction
    message: Text = Field(default="", max_length=2000)
    """Said with the move (why a creator declines, what a brand wants changed); kept as a
    comment on the conversation."""


class CollaborationNote(BaseModel):
    """Attach an existing draft of the collaboration's account, or (None) start a new one
    from the brief: its type, topics and products filled in."""

    version: int
    note_id: uuid.UUID | None = None


class AccountSummary(_Public):
    id: uuid.UUID
    nickname: str
    followers: int
    category: str
    region: str


class CollaborationPublic(_Public):
    id: uuid.UUID
    brief: BriefPublic
    account: AccountSummary
    state: CollaborationState
    origin: str
    quote_fen: int | None
    message: str
    note_id: uuid.UUID | None
    round: int
    review_due_at: datetime | None
    published_at: datetime | None
    protected_until: datetime | None = None
    sides: list[Side]
    """The caller's sides: a brand member, the account's people, or (for one person testing
    both) both."""
    actions: list[CollaborationAction]
    """What the caller may do now."""
    open_comments: int
    """The brand's comments on the current round that the creator has not resolved."""
    version: int
    created_at: datetime
    updated_at: datetime


class SubmittedMedium(BaseModel):
    position: int
    sha256: str
    mime: str
    width: int
    height: int
    duration: float | None = None


class SubmissionPublic(_Public):
    round: int
    snapshot: dict[str, Any]
    """type, title, body, topics, mentions, products (names), place, flags, media."""
    submitted_at: datetime
    decision: str | None
    decided_at: datetime | None


class Region(BaseModel):
    """A rectangle of an image as fractions of its width and height."""

    x: float = Field(ge=0, le=1)
    y: float = Field(ge=0, le=1)
    width: float = Field(gt=0, le=1)
    height: float = Field(gt=0, le=1)

    @model_validator(mode="after")
    def _inside(self) -> Region:
        if self.x + self.width > 1.0001 or self.y + self.height > 1.0001:
            raise ValueError("the region leaves the image")
        return self


class CommentCreate(BaseModel):
    text: Text = Field(min_length=1, max_length=2000)
    target: CommentTarget = "note"
    field: CommentField | None = None
    position: int | None = Field(default=None, ge=0, le=100)
    region: Region | None = None

    @model_validator(mode="after")
    def _target_complete(self) -> CommentCreate:
        needs = {
            "note": (False, False, False),
            "field": (True, False, False),
            "image": (False, True, False),
            "region": (False, True, True),
        }[self.target]
        given = (self.field is not None, self.position is not None, self.region is not None)
        if needs != given:
            raise ValueError(f"a {self.target} comment takes exactly its own place")
        return self


class CommentResolve(BaseModel):
    version: int
    resolved: bool = True


class CommentPublic(_Public):
    id: uuid.UUID
    round: int
    author_name: str
    side: Side
    target: CommentTarget
    field: str | None
    position: int | None
    region: Region | None
    text: str
    resolved_at: datetime | None
    version: int
    created_at: datetime


class BriefCheckPublic(BaseModel):
    """One demand of the brief checked on a note: `key` type | topics | mentions | key_message
    | forbidden_words | disclosure | products; `params` what was found or missing."""

    key: str
    ok: bool
    params: dict[str, Any] = Field(default_factory=dict)


class AuditPublic(_Public):
    at: datetime
    actor: str
    """The member's display name, or empty for the server itself."""
    action: str
    params: dict[str, Any]
