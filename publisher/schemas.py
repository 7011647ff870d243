"""Pydantic shapes of the HTTP API, shared by the server and the client.

Names follow the template convention: `XCreate` is what a caller sends to make an X,
`XUpdate` a partial change, `XPublic` what the API answers.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
)

NoteType = Literal["image", "video"]
NoteStatus = Literal["draft", "scheduled", "held", "published", "archived"]

MAX_TITLE_LENGTH = 500
"""Storage cap, far above the platform's limit: an over-long title is still saved as a draft."""
MAX_BODY_LENGTH = 20_000
MAX_MEDIA_PER_NOTE = 100

T = TypeVar("T")


def _no_nul(text: str) -> str:
    # NUL cannot be stored in PostgreSQL text and has no place in a note.
    if "\x00" in text:
        raise ValueError("text contains a NUL character")
    return text


Text = Annotated[str, AfterValidator(_no_nul)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


def _single_line(text: str) -> str:
    # A label shown in lists and menus: control characters would break its row.
    if any(unicodedata.category(char) == "Cc" for char in text):
        raise ValueError("text contains a control character")
    return text


MAX_PRESET_NAME_LENGTH = 40
PresetName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PRESET_NAME_LENGTH),
    AfterValidator(_single_line),
]


def _known_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError("unknown time zone") from exc
    return name


Visibility = Literal["public", "private", "mutual"]
"""Who sees a published note: everyone, only the creator ("only me"), mutual followers."""
MAX_NOTE_TOPICS = 50
"""Storage guard (issue 6); the rules pack blocks publishing far earlier (more than 10)."""
MAX_NOTE_MENTIONS = 50
MAX_NOTE_PRODUCTS = 50
MAX_TOPIC_NAME_INPUT = 200
"""What a caller may send; the normalised name must then be 1..30 characters."""
ShortName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(_single_line),
]


class _Public(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class UserCreate(BaseModel):
    email: EmailStr
    password: str = Field(max_length=4096)
    """Judged by the password policy (`auth.weak_password` with its reason), not here."""
    display_name: Text = Field(min_length=1, max_length=100)


class UserPublic(_Public):
    id: uuid.UUID
    email: str
    display_name: str
    created_at: datetime


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime | None = None


MAX_FOLLOWERS = 10**10
Label = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=32),
    AfterValidator(_single_line),
]
"""A short label a brief filters by: an account's category (美妆) or region (上海)."""


class AccountCreate(BaseModel):
    nickname: Text = Field(min_length=1, max_length=100)
    platform_user_id: Text | None = Field(default=None, max_length=64)
    timezone: Annotated[str, AfterValidator(_known_timezone)] = "Asia/Shanghai"
    organization_id: uuid.UUID | None = None
    """An organization the caller may edit in (an MCN's); default: the caller's own."""
    followers: int = Field(default=0, ge=0, le=MAX_FOLLOWERS)
    category: Label = ""
    region: Label = ""


class AccountPublic(_Public):
    id: uuid.UUID
    organization_id: uuid.UUID
    nickname: str
    platform_user_id: str | None
    timezone: str
    version: int
    created_at: datetime
    can_link_products: bool = False
    followers: int = 0
    category: str = ""
    region: str = ""


# -- places (issue 6) ------------------------------------------------------------------------

PlaceLevel = Literal["province", "city", "district", "user"]
PlaceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class PlacePublic(_Public):
    """A place a note can be tagged with: `cn:<adcode>` for shipped administrative places,
    a UUID for places users add."""

    id: str
    name: str
    level: PlaceLevel
    address: str = ""
    province: str = ""
    city: str = ""
    longitude: float
    latitude: float


class PlaceCreate(BaseModel):
    name: Annotated[Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    address: Text = Field(default="", max_length=300)
    longitude: float = Field(ge=-180, le=180)
    latitude: float = Field(ge=-90, le=90)


class NoteMediaIn(BaseModel):
    """One media item of a note, by the sha256 of an uploaded original.

    `recipe` is the edit: for a photo an `editor.recipe` document, for a video an
    `editor.video.edit` document whose sources are "" (this original) or other videos the
    caller uploaded, and whose cover image, if any, too. The server checks it and stores it
    normalised, or None when it changes nothing. `rendered_sha256` names the uploaded
    export of the original through that recipe (a JPEG, or the MP4 of a video): the client
    sets it after exporting (and leaves it out once the recipe changes, until it exports
    again). Both must name media the caller uploaded.
    """

    sha256: Sha256
    recipe: dict[str, Any] | None = None
    rendered_sha256: Sha256 | None = None
    composition: dict[str, Any] | None = None
    """How this cover was composed from a template, so the app can re-arrange it later:
    `{"template": <template document>, "photos": [sha256, …], "texts": {slot: text}}`. Checked
    and stored normalised; leaving it out (as any media change that does not carry it) clears
    it. The photos must be media the caller uploaded."""


class NoteMediaPublic(_Public):
    position: int
    sha256: str
    mime: str
    width: int
    height: int
    duration: float | None = None
    """The original video's length in seconds; None for a photo."""
    recipe: dict[str, Any] | None = None
    rendered_sha256: str | None = None
    rendered_width: int | None = None
    rendered_height: int | None = None
    composition: dict[str, Any] | None = None


class NoteCreate(BaseModel):
    account_id: uuid.UUID
    type: NoteType = "image"
    title: Text = Field(default="", max_length=MAX_TITLE_LENGTH)
    body: Text = Field(default="", max_length=MAX_BODY_LENGTH)
    media: list[NoteMediaIn] = Field(default_factory=list, max_length=MAX_MEDIA_PER_NOTE)
    topics: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_NOTE_TOPICS)
    mentions: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_NOTE_MENTIONS)
    product_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_NOTE_PRODUCTS)
    visibility: Visibility = "public"
    original: bool = False
    ai_generated: bool = False
    place_id: PlaceId | None = None


class NoteUpdate(BaseModel):
    """A partial update; `version` is the version the change was based on."""

    version: int
    type: NoteType | None = None
    """Only a draft changes kind: the app makes an empty draft a video note when its video
    is added, and a photo note again when that video is removed."""
    title: Text | None = Field(default=None, max_length=MAX_TITLE_LENGTH)
    body: Text | None = Field(default=None, max_length=MAX_BODY_LENGTH)
    media: list[NoteMediaIn] | None = Field(default=None, max_length=MAX_MEDIA_PER_NOTE)
    topics: list[uuid.UUID] | None = Field(default=None, max_length=MAX_NOTE_TOPICS)
    mentions: list[uuid.UUID] | None = Field(default=None, max_length=MAX_NOTE_MENTIONS)
    product_ids: list[uuid.UUID] | None = Field(default=None, max_length=MAX_NOTE_PRODUCTS)
    visibility: Visibility | None = None
    original: bool | None = None
    ai_generated: bool | None = None
    place_id: PlaceId | None = None
    """Sent as null, removes the place; left out, keeps it."""
    scheduled_at: AwareDatetime | None = None
    """On a scheduled note: reschedule (the same checks as scheduling)."""


class NotePublish(BaseModel):
    """Publishing names the version the human confirmed, so they publish what they saw."""

    version: int | None = None


class NoteVersion(BaseModel):
    """Names the version a state change (archive…) was decided on."""

    version: int


class NotePublic(_Public):
    id: uuid.UUID
    account_id: uuid.UUID
    type: NoteType
    title: str
    body: str
    status: NoteStatus
    version: int
    media: list[NoteMediaPublic]
    created_at: datetime
    updated_at: datetime
    scheduled_at: datetime | None = None
    published_at: datetime | None = None
    published_by: uuid.UUID | None = None
    topics: list[uuid.UUID] = Field(default_factory=list)
    topic_names: list[str] = Field(default_factory=list)
    mentions: list[uuid.UUID] = Field(default_factory=list)
    mention_names: list[str] = Field(default_factory=list)
    """The mentioned accounts' nicknames, in the order of `mentions`."""
    product_ids: list[uuid.UUID] = Field(default_factory=list)
    product_names: list[str] = Field(default_factory=list)
    """The linked products' names, in the order of `product_ids`."""
    visibility: Visibility = "public"
    original: bool = False
    ai_generated: bool = False
    collaboration: bool = False
    """Brand-collaboration disclosure; set by the brand flow, read-only here."""
    collaboration_id: uuid.UUID | None = None
    """The brand collaboration this note is the deliverable of."""
    protected_until: datetime | None = None
    """A published collaboration note cannot be deleted or archived before this."""
    place: PlacePublic | None = None
    scheduled_by: uuid.UUID | None = None
    published_by_scheduler: bool = False
    published_late: bool = False
    posted_at: datetime | None = None
    posted_by: uuid.UUID | None = None
    posted_link: str | None = None


class MediaPublic(_Public):
    sha256: str
    mime: str
    size: int
    width: int
    height: int
    """As displayed (a phone video's display rotation applied)."""
    duration: float | None = None
    """A video's length in seconds; None for a photo."""


class PresetCreate(BaseModel):
    """A named recipe; `recipe` is checked like a note medium's but may change nothing."""

    name: PresetName
    recipe: dict[str, Any]


class PresetUpdate(BaseModel):
    """A partial update; `version` is the version the change was based on."""

    version: int
    name: PresetName | None = None
    recipe: dict[str, Any] | None = None


class PresetPublic(_Public):
    id: uuid.UUID
    name: str
    recipe: dict[str, Any]
    version: int
    created_at: datetime
    updated_at: datetime


MAX_TEMPLATE_NAME_LENGTH = 80
"""As long as `editor.templates` lets a template's own name be: the row's name is written into
the document."""
TemplateName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEMPLATE_NAME_LENGTH),
    AfterValidator(_single_line),
]


class UserTemplateCreate(BaseModel):
    """A cover template (`editor.templates` document) under a name; the server checks the
    document and stores it normalised, with its `name` set to this one."""

    name: TemplateName
    document: dict[str, Any]


class UserTemplateUpdate(BaseModel):
    """A partial update; `version` is the version the change was based on."""

    version: int
    name: TemplateName | None = None
    document: dict[str, Any] | None = None


class UserTemplatePublic(_Public):
    id: uuid.UUID
    name: str
    category: str
    """The document's category (`cover`, `collage` …), as the template gallery groups it."""
    document: dict[str, Any]
    version: int
    created_at: datetime
    updated_at: datetime


class LutPublic(_Public):
    """An imported .cube look; recipes name it as `user:<sha256>`."""

    sha256: str
    title: str
    size: int
    created_at: datetime


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int


class ViolationPublic(BaseModel):
    code: str
    level: Literal["warn", "block"]
    params: dict[str, Any] = Field(default_factory=dict)


class ErrorPublic(BaseModel):
    """Every error body: a stable machine `code` and its `params`, translated by the app.

    `current` carries the current object on a version conflict; `violations` every broken
    rule when publishing is refused.
    """

    code: str
    params: dict[str, Any] = Field(default_factory=dict)
    current: dict[str, Any] | None = None
    violations: list[ViolationPublic] | None = None


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    database: str


# -- organizations and brand kits (issue 4) ---------------------------------------------------


class OrganizationPublic(_Public):
    """An organization the caller is a member of, with the caller's role in it."""

    id: uuid.UUID
    name: str
    kind: str
    """personal | mcn | brand."""
    role: str
    """owner | admin | editor | reviewer | viewer."""


OrganizationKind = Literal["personal", "mcn", "brand"]
Role = Literal["owner", "admin", "editor", "reviewer", "viewer"]


class OrganizationCreate(BaseModel):
    """A new organization; the caller becomes its owner."""

    name: ShortName
    kind: OrganizationKind


class MemberAdd(BaseModel):
    """Add a registered user to an organization (owners and admins only)."""

    email: EmailStr
    role: Role = "editor"


class MemberPublic(_Public):
    user_id: uuid.UUID
    email: str
    display_name: str
    role: str


BrandFont = Literal["sans", "serif"]
"""The title fonts a brand may choose: `editor.layers.FontName`."""


class BrandKitSave(BaseModel):
    """The whole kit of an organization, based on `version` (0: it has none yet).

    `colors` must hold exactly the roles primary, secondary, accent, text and background, each
    `#RRGGBB`; `logo_sha256` a PNG the caller uploaded (or the kit's current logo)."""

    version: int = Field(ge=0)
    name: ShortName
    colors: dict[str, Any]
    font: BrandFont = "sans"
    logo_sha256: Sha256 | None = None


class BrandKitPublic(_Public):
    """An organization's brand kit; `version` 0 is the defaults of one that has none yet."""

    organization_id: uuid.UUID
    name: str
    colors: dict[str, str]
    font: BrandFont
    logo_sha256: str | None = None
    version: int


# -- scheduling, notifications, publish package (issue 6) -------------------------------------


class NoteSchedule(BaseModel):
    """Schedule (or reschedule) publishing at `at`, decided on note `version`."""

    at: AwareDatetime
    version: int


class NotificationPublic(_Public):
    """`note.published` or `note.held`; `params` carries the note's title and figures."""

    id: int
    kind: str
    note_id: uuid.UUID | None
    params: dict[str, Any]
    created_at: datetime
    read_at: datetime | None = None


class NotificationPage(BaseModel):
    """The caller's notifications after a cursor; ask again with `cursor` for newer ones."""

    items: list[NotificationPublic]
    cursor: int
    unread: int


class NotificationsRead(BaseModel):
    """Mark the caller's notifications up to and including id `up_to` read."""

    up_to: int = Field(ge=0)


class PostedConfirmation(BaseModel):
    """A human confirms the note is live on the platform, optionally with its link."""

    link: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None


class PackageImage(BaseModel):
    position: int
    filename: str
    sha256: str
    mime: str
    width: int
    height: int
    rendered: bool
    """True when this is the photo as edited; False for an original without an export."""
    frame_time: float | None = None
    """Of a video note's cover taken from its video: the time in seconds of the frame of the
    video `sha256` that the server serves as a JPEG (`mime`); None when the file is `sha256`
    itself."""


class PackageMeta(BaseModel):
    topics: list[str] = Field(default_factory=list)
    place: PlacePublic | None = None
    products: list[ProductPublic] = Field(default_factory=list)
    flags: dict[str, Any] = Field(default_factory=dict)


class PublishPackage(BaseModel):
    """Everything a human needs to post the note by hand, in order."""

    note_id: uuid.UUID
    version: int
    status: NoteStatus
    title: str
    body: str
    caption: str
    images: list[PackageImage]
    cover: PackageImage | None
    """A photo note's first image (one of `images`); a video note's own `cover.jpg`, served by
    `GET /notes/{id}/package/cover` (which serves a photo note's cover too)."""
    meta: PackageMeta


# -- topics, mentions, products, flags, checklist (issue 6, composer) --


class AccountUpdate(BaseModel):
    """A change by the account's owner, based on `version`."""

    version: int
    can_link_products: bool | None = None
    followers: int | None = Field(default=None, ge=0, le=MAX_FOLLOWERS)
    category: Label | None = None
    region: Label | None = None


class AccountBrief(_Public):
    """What anyone may learn about an account to @mention it: no owner, no settings."""

    id: uuid.UUID
    nickname: str
    avatar_sha256: str | None = None
    """Placeholder until accounts have avatars: the app draws the nickname's initial."""
    followers: int = 0
    category: str = ""
    region: str = ""
    """Public on the platform too: what a brand looks at before inviting the account."""


class TopicCreate(BaseModel):
    """A topic by name; `#`, surrounding spaces and full-width forms are normalised away."""

    name: Text = Field(max_length=MAX_TOPIC_NAME_INPUT)


class TopicPublic(_Public):
    id: uuid.UUID
    name: str
    use_count: int = 0
    """How many notes carry the topic."""
    created_at: datetime


class TopicSuggestRequest(BaseModel):
    """Suggest topics for a note being written; `account_id` adds the account's recent ones."""

    account_id: uuid.UUID | None = None
    title: Text = Field(default="", max_length=MAX_TITLE_LENGTH)
    body: Text = Field(default="", max_length=MAX_BODY_LENGTH)
    limit: int = Field(default=10, ge=1, le=50)


SuggestionReason = Literal["text", "trending", "recent"]


class TopicSuggestion(BaseModel):
    """A suggested topic: an existing one (`topic_id`) or a new name to create on pick."""

    name: str
    topic_id: uuid.UUID | None = None
    reasons: list[SuggestionReason]
    score: float


class TopicGroupCreate(BaseModel):
    name: ShortName
    topic_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_NOTE_TOPICS)


class TopicGroupUpdate(BaseModel):
    version: int
    name: ShortName | None = None
    topic_ids: list[uuid.UUID] | None = Field(default=None, max_length=MAX_NOTE_TOPICS)


class TopicRef(_Public):
    id: uuid.UUID
    name: str


class TopicGroupPublic(_Public):
    id: uuid.UUID
    name: str
    topics: list[TopicRef]
    version: int
    created_at: datetime
    updated_at: datetime


Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
ProductName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_single_line),
]
Sku = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^\S+$")
]


Introduction = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_no_nul)]


def _web_link(link: str) -> str:
    # A link a reader's browser opens: only http(s), never javascript: or file:.
    if not link.lower().startswith(("http://", "https://")) or any(
        char.isspace() or unicodedata.category(char) == "Cc" for char in link
    ):
        raise ValueError("not an http(s) link")
    return link


WebLink = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(_web_link)
]
ProductStatus = Literal["on_sale", "off_shelf"]
MAX_PRODUCT_IMAGES = 9


class StorefrontCreate(BaseModel):
    """A storefront of one of the caller's organizations (default: their own)."""

    name: ShortName
    organization_id: uuid.UUID | None = None
    introduction: Introduction = ""
    logo_sha256: Sha256 | None = None


class StorefrontUpdate(BaseModel):
    """Only the fields sent change; `logo_sha256` sent as null removes the logo."""

    version: int
    name: ShortName | None = None
    introduction: Introduction | None = None
    logo_sha256: Sha256 | None = None


class StorefrontPublic(_Public):
    id: uuid.UUID
    organization_id: uuid.UUID
    name: str
    introduction: str = ""
    logo_sha256: str | None = None
    version: int
    created_at: datetime
    updated_at: datetime


class ProductCreate(BaseModel):
    storefront_id: uuid.UUID
    name: ProductName
    sku: Sku
    price_fen: int = Field(ge=0, le=10**12)
    currency: Currency = "CNY"
    stock: int = Field(default=0, ge=0, le=10**9)
    image_sha256: Sha256 | None = None
    """The main image; `images` (the main one first) wins when both are sent."""
    images: list[Sha256] | None = Field(default=None, max_length=MAX_PRODUCT_IMAGES)
    status: ProductStatus = "on_sale"
    external_url: WebLink | None = None


class ProductUpdate(BaseModel):
    version: int
    name: ProductName | None = None
    sku: Sku | None = None
    price_fen: int | None = Field(default=None, ge=0, le=10**12)
    currency: Currency | None = None
    stock: int | None = Field(default=None, ge=0, le=10**9)
    image_sha256: Sha256 | None = None
    images: list[Sha256] | None = Field(default=None, max_length=MAX_PRODUCT_IMAGES)
    status: ProductStatus | None = None
    external_url: WebLink | None = None


class ProductPublic(_Public):
    id: uuid.UUID
    storefront_id: uuid.UUID
    name: str
    sku: str
    price_fen: int
    currency: str
    stock: int
    image_sha256: str | None = None
    images: list[str] = Field(default_factory=list)
    status: str = "on_sale"
    external_url: str | None = None
    version: int
    created_at: datetime
    updated_at: datetime


class MediaFactsIn(BaseModel):
    """An image or video of a draft as it will be published (rendered size if edited)."""

    width: int = Field(ge=0, le=1_000_000)
    height: int = Field(ge=0, le=1_000_000)
    bytes: int | None = Field(default=None, ge=0)
    mime: str | None = Field(default=None, max_length=64)
    duration: float | None = Field(default=None, ge=0, le=1e7)
    """A video's length in seconds (its export's when edited); None for a photo or unknown."""


class ChecklistDraft(BaseModel):
    """A draft as the composer holds it, checked without saving anything."""

    type: NoteType = "image"
    title: Text = Field(default="", max_length=MAX_TITLE_LENGTH)
    body: Text = Field(default="", max_length=MAX_BODY_LENGTH)
    images: list[MediaFactsIn] = Field(default_factory=list, max_length=MAX_MEDIA_PER_NOTE)
    videos: list[MediaFactsIn] = Field(default_factory=list, max_length=MAX_MEDIA_PER_NOTE)
    topics: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_NOTE_TOPICS)
    mentions: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_NOTE_MENTIONS)
    product_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_NOTE_PRODUCTS)
    scheduled_at: AwareDatetime | None = None


class CheckItemPublic(BaseModel):
    """One rule: `status` pass | warn | block, `params` its limits and the note's figures."""

    rule: str
    status: Literal["pass", "warn", "block"]
    params: dict[str, Any] = Field(default_factory=dict)
    violations: list[ViolationPublic] = Field(default_factory=list)


class ChecklistPublic(BaseModel):
    """Every rule of the rules pack that applies to the note, in a stable order."""

    items: list[CheckItemPublic]
    blocked: bool
    """True while any item blocks publishing and scheduling."""
    rules_version: str
    checked_at: datetime
