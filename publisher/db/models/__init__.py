"""ORM rows, one module per aggregate; importing this package registers them all."""

from publisher.db.models.accounts import Account
from publisher.db.models.brand_kits import BrandKit
from publisher.db.models.collaborations import (
    AuditEntry,
    Brief,
    BriefProduct,
    Collaboration,
    ReviewComment,
    Submission,
    SubmissionMedium,
)
from publisher.db.models.fingerprints import MediaFingerprint, TextFingerprint
from publisher.db.models.idempotency import IdempotencyRecord
from publisher.db.models.luts import UserLut
from publisher.db.models.media import MediaAsset, MediaRef
from publisher.db.models.mentions import NoteMention
from publisher.db.models.notes import Note, NoteMedia
from publisher.db.models.notifications import Notification
from publisher.db.models.places import UserPlace
from publisher.db.models.presets import EditPreset
from publisher.db.models.products import NoteProduct, Product, Storefront
from publisher.db.models.reader import (
    ReaderComment,
    ReaderFollow,
    ReaderOrder,
    ReaderReaction,
    ReaderSearch,
)
from publisher.db.models.stats import (
    AccountDailyStats,
    AccountHourlyActivity,
    BriefDailyStats,
    Event,
    NoteDailyStats,
    NotePlatformTotals,
    SpendRecord,
    StatImport,
)
from publisher.db.models.teams import AccountGrant, Invitation, SignInAttempt
from publisher.db.models.templates import UserTemplate
from publisher.db.models.topics import NoteTopic, Topic, TopicGroup, TopicGroupItem
from publisher.db.models.users import AuthToken, Membership, Organization, User

__all__ = [
    "Account",
    "AccountDailyStats",
    "AccountGrant",
    "AccountHourlyActivity",
    "AuditEntry",
    "AuthToken",
    "BrandKit",
    "Brief",
    "BriefDailyStats",
    "BriefProduct",
    "Collaboration",
    "EditPreset",
    "Event",
    "IdempotencyRecord",
    "Invitation",
    "MediaAsset",
    "MediaFingerprint",
    "MediaRef",
    "Membership",
    "Note",
    "NoteDailyStats",
    "NoteMedia",
    "NoteMention",
    "NotePlatformTotals",
    "NoteProduct",
    "NoteTopic",
    "Notification",
    "Organization",
    "Product",
    "ReaderComment",
    "ReaderFollow",
    "ReaderOrder",
    "ReaderReaction",
    "ReaderSearch",
    "ReviewComment",
    "SignInAttempt",
    "SpendRecord",
    "StatImport",
    "Storefront",
    "Submission",
    "SubmissionMedium",
    "TextFingerprint",
    "Topic",
    "TopicGroup",
    "TopicGroupItem",
    "User",
    "UserLut",
    "UserPlace",
    "UserTemplate",
]
