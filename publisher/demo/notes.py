"""The demo's notes: 90 days of published notes per account, collaborations, drafts and
scheduled ones, each with its cover, photos (or video), topics and products.

Published notes are written as rows with their past publishing times (the services publish
*now*); scheduled notes go through the scheduling service, which checks them against the rules
pack like any other. Each published note leaves a `NoteProfile` for the activity model: when it
went out, how good it is (lognormal quality), how far its account reaches, and whether money
pushed it (a boost, or the brand's campaign).

One MCN account is slipping: it posts less in the last 30 days and what it posts lands worse,
so its figures drop visibly against the 30 days before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy.orm import Session

from publisher.db.models import (
    Brief,
    Collaboration,
    Note,
    NoteMedia,
    NoteProduct,
    NoteTopic,
    Product,
    Submission,
    SubmissionMedium,
    Topic,
)
from publisher.demo.activity import DAY, NoteProfile, alive_share
from publisher.demo.content import BEAUTY, FIELDS, Field, NoteText, compose, compose_product
from publisher.demo.images import MediaMaker
from publisher.demo.scales import Scale
from publisher.demo.world import DemoAccount, World
from publisher.domain.rules import RulesPack
from publisher.domain.timezones import zone
from publisher.services.rounds import note_snapshot
from publisher.services.scheduling import schedule_note
from publisher.services.topics import ensure_topic

DAYS = 90
POSTING_HOURS = (8, 11, 12, 12, 13, 17, 18, 19, 20, 20, 21, 21, 22)
"""When creators post, on their own clock: lunch and the evening, like their readers."""
QUALITY_SIGMA = 0.7
BRAND_SIGMA = 0.4
"""The brand's own notes and its campaigns' are made with care: they vary less."""
CAMPAIGN_QUALITY = 0.3
"""A briefed creator's note is better than their average (log-quality above it)."""
GROWTH = 0.4
"""How much further a note published today reaches than one of 90 days ago: the studio grows."""
SLIPPING_DAYS = 30
STEADY = (1.05, 1.5)
"""Expected impressions of a healthy account's last 30 days against the 30 before."""
SLIPPING = 0.45
"""The same for the slipping account."""
BOOST_REACH = 1.6
CAMPAIGN_REACH = 5.0
BRAND_REACH = 2.0
BOOST_CHANCE = 0.12
VIDEO_CHANCE = 0.25
"""Of a note in a field with videos, after the account's first one in it, which is a video."""


def _month_lift(reach: np.ndarray, ages: np.ndarray, low: float, high: float) -> float:
    """The factor on the reach of an account's notes of the last 30 days that puts the
    impressions expected in those 30 days between `low` and `high` times those expected in
    the 30 days before (from the older notes' first days and long tails)."""
    month = SLIPPING_DAYS * DAY
    alive = [alive_share(np.maximum(ages - offset, 0.0)) for offset in (0.0, month, 2 * month)]
    recent = ages < month
    fresh = reach[recent] @ alive[0][recent]
    tails = reach[~recent] @ (alive[0] - alive[1])[~recent]
    before = reach @ (alive[1] - alive[2])
    if fresh <= 0 or before <= 0:
        return 1.0
    wanted = float(np.clip((fresh + tails) / before, low, high)) * before
    return max(wanted - tails, 0.0) / fresh


@dataclass
class Seeded:
    """What the notes left for the next steps: the activity model's profiles, the notes that
    were boosted and the published collaborations (both cost money)."""

    profiles: list[NoteProfile] = field(default_factory=list)
    boosted: list[Note] = field(default_factory=list)
    collaborations: list[Collaboration] = field(default_factory=list)
    drafts: int = 0
    scheduled: int = 0


class NoteWriter:
    """Writes the notes of one demo world."""

    def __init__(
        self,
        session: Session,
        world: World,
        media: MediaMaker,
        *,
        scale: Scale,
        rng: np.random.Generator,
        rules: RulesPack,
        now: datetime,
    ) -> None:
        self.session = session
        self.world = world
        self.media = media
        self.scale = scale
        self.rng = rng
        self.rules = rules
        self.now = now
        self.seeded = Seeded()
        self._topics: dict[str, Topic] = {}
        self._titles: set[str] = set()
        self._video_fields = [f for f in FIELDS.values() if f.video][: scale.video_fields]

    def write(self) -> Seeded:
        for index, account in enumerate(self.world.accounts):
            if account.role == "brand":
                self._brand_notes(index, account)
            else:
                self._account_notes(index, account)
        self._collaborations()
        self._drafts_and_scheduled()
        self.session.commit()
        return self.seeded

    # -- pieces of a note ------------------------------------------------------------------

    def _topic_links(self, names: tuple[str, ...] | list[str]) -> list[NoteTopic]:
        links: list[NoteTopic] = []
        for name in dict.fromkeys(names):
            topic = self._topics.get(name)
            if topic is None:
                topic = ensure_topic(self.session, self.world.local_user, name, rules=self.rules)[0]
                self._topics[name] = topic
            links.append(NoteTopic(topic=topic, position=len(links)))
        return links

    def _pictures(self, field: Field, cover: str) -> list[NoteMedia]:
        shas = [self.media.cover(field, cover, int(self.rng.integers(len(field.palettes))))]
        count = min(int(self.rng.integers(1, 4)), self.scale.photos_per_field)
        for photo in self.rng.choice(self.scale.photos_per_field, size=count, replace=False):
            shas.append(self.media.photo(field, int(photo)))
        return [NoteMedia(sha256=sha, position=index) for index, sha in enumerate(shas)]

    def _note(
        self,
        account: DemoAccount,
        text: NoteText,
        media: list[NoteMedia],
        *,
        published: datetime | None,
        kind: str = "image",
        products: tuple[Product, ...] = (),
        topics: tuple[str, ...] = (),
        collaboration: Brief | None = None,
    ) -> Note:
        author = account.author.id
        written = (published or self.now) - timedelta(hours=float(self.rng.uniform(6, 72)))
        note = Note(
            account_id=account.account.id,
            type=kind,
            title=text.title,
            body=text.body,
            status="published" if published else "draft",
            created_by=author,
            created_at=written,
            updated_at=published or written,
            original=True,
            media=media,
            topic_links=self._topic_links((*text.topics, *topics)),
            product_links=[
                NoteProduct(product=product, position=index)
                for index, product in enumerate(products)
            ],
        )
        if published is not None:
            note.published_at = published
            note.published_by = author
            note.posted_at = published + timedelta(minutes=float(self.rng.uniform(2, 20)))
            note.posted_by = author
        if collaboration is not None:
            note.collaboration = True
            if published is not None:
                note.protected_until = published + timedelta(days=collaboration.protection_days)
        self.session.add(note)
        self.session.flush()
        return note

    def _profile(
        self, index: int, account: DemoAccount, note: Note, quality: float, reach: float
    ) -> None:
        assert note.published_at is not None
        video = self.scale.video_seconds if note.type == "video" else 0
        age = (self.now - note.published_at) / timedelta(days=DAYS)
        reach *= 1 + GROWTH * max(0.0, 1 - age)
        self.seeded.profiles.append(
            NoteProfile(
                note_id=note.id,
                account=index,
                published=note.published_at.timestamp(),
                weight=account.audience * quality * reach,
                quality=quality,
                video_seconds=video,
                prices=tuple(link.product.price_fen for link in note.product_links),
            )
        )

    def _quality(self, sigma: float = QUALITY_SIGMA, mean: float = 0.0) -> float:
        return float(self.rng.lognormal(mean, sigma))

    def _qualities(
        self, account: DemoAccount, times: list[datetime], sigma: float = QUALITY_SIGMA
    ) -> tuple[list[float], list[bool]]:
        """Each note's quality and whether it was boosted: the account's best note always is
        (what works gets pushed), others by chance, the better ones likelier.

        Luck alone would make some healthy accounts look as if they were slipping (a hit two
        months ago, none lately) and others soar, so the last 30 days' notes are lifted or
        damped to a steady month-on-month growth (`STEADY`); the slipping account's are
        pushed down to `SLIPPING` instead."""
        quality = self.rng.lognormal(0.0, sigma, len(times))
        chance = BOOST_CHANCE * np.minimum(2.0, quality)
        boosted = (quality == quality.max(initial=0.0)) | (self.rng.random(len(times)) < chance)
        ages = np.array([(self.now - time).total_seconds() for time in times])
        band = (SLIPPING, SLIPPING) if account.slipping else STEADY
        reach = quality * np.where(boosted, BOOST_REACH, 1.0)
        quality[ages < SLIPPING_DAYS * DAY] *= _month_lift(reach, ages, *band)
        return quality.tolist(), boosted.tolist()

    # -- when ------------------------------------------------------------------------------

    def _publish_times(self, account: DemoAccount, count: int) -> list[datetime]:
        """`count` posting times over the 90 days on the account's clock, oldest first: a
        steady rhythm (one in each of `count` equal stretches, anywhere in it) at the usual
        hours; the slipping account skips about half of its last 30 days."""
        tz = zone(account.account.timezone)
        today = self.now.astimezone(tz)
        stretch = DAYS / max(1, count)
        offsets = (np.arange(count) + self.rng.uniform(0.1, 0.9, count)) * stretch
        times = []
        for days_ago in sorted(offsets.tolist(), reverse=True):
            if account.slipping and days_ago < SLIPPING_DAYS and self.rng.random() < 0.5:
                continue
            hour = int(self.rng.choice(POSTING_HOURS))
            day = today - timedelta(days=float(days_ago))
            local = day.replace(hour=hour, minute=int(self.rng.integers(60)), second=0)
            if local > today - timedelta(minutes=30):
                local -= timedelta(days=1)
            times.append(local)
        return times

    # -- the notes -------------------------------------------------------------------------

    def _account_notes(self, index: int, account: DemoAccount) -> None:
        count = self.scale.notes_per_account * (3 if account.role == "creator" else 2) // 2
        times = self._publish_times(account, count)
        qualities, boosts = self._qualities(account, times)
        posted_video = False
        for published, quality, boosted in zip(times, qualities, boosts, strict=True):
            field = account.fields[int(self.rng.integers(len(account.fields)))]
            video = field in self._video_fields and (
                not posted_video or self.rng.random() < VIDEO_CHANCE
            )
            posted_video = posted_video or video
            subject = (
                field.subjects[0]
                if video
                else field.subjects[int(self.rng.integers(len(field.subjects)))]
            )
            text = compose(field, subject, self.rng, self._titles)
            if video:
                sha = self.media.video(field, subject.cover, self.scale.video_seconds)
                media = [NoteMedia(sha256=sha, position=0)]
            else:
                media = self._pictures(field, text.cover)
            note = self._note(
                account, text, media, published=published, kind="video" if video else "image"
            )
            if boosted:
                self.seeded.boosted.append(note)
            self._profile(index, account, note, quality, BOOST_REACH if boosted else 1.0)

    def _product_media(self, text: NoteText, product: Product) -> list[NoteMedia]:
        cover = self.media.cover(BEAUTY, text.cover, 0)
        assert product.image_sha256 is not None
        return [
            NoteMedia(sha256=cover, position=0),
            NoteMedia(sha256=product.image_sha256, position=1),
        ]

    def _product_text(self, product: Product) -> NoteText:
        return compose_product(product.name, product.price_fen, self.rng, self._titles)

    def _brand_notes(self, index: int, account: DemoAccount) -> None:
        products = self.world.products
        times = self._publish_times(account, self.scale.brand_notes)
        qualities, _ = self._qualities(account, times, BRAND_SIGMA)
        for number, (published, quality) in enumerate(zip(times, qualities, strict=True)):
            main = products[number % len(products)]
            extra = products[int(self.rng.integers(len(products)))]
            linked = (main,) if extra is main else (main, extra)
            text = self._product_text(main)
            note = self._note(
                account, text, self._product_media(text, main), published=published, products=linked
            )
            self._profile(index, account, note, quality, BRAND_REACH)

    def _candidates(self) -> list[tuple[int, DemoAccount]]:
        """Creator accounts a brand would brief: the creator, then beauty accounts first."""
        creators = [
            (index, account)
            for index, account in enumerate(self.world.accounts)
            if account.role != "brand" and not account.slipping
        ]
        return sorted(creators, key=lambda item: BEAUTY not in item[1].fields)

    def _collaborations(self) -> None:
        """Published collaborations spread over the three briefs (the first one gets the
        most), then one round waiting for the brand's review and one open invitation."""
        briefs = self.world.briefs
        order = (0, 1, 2, 0, 1, 2, 0, 0)
        candidates = self._candidates()
        taken: set[tuple[int, int]] = set()
        for number in range(self.scale.collaborations):
            brief_index = order[number % len(order)]
            pick = self._free(brief_index, candidates, taken)
            if pick is not None:
                self._published_collaboration(briefs[brief_index], *pick)
        waiting = self._free(0, candidates, taken)
        if waiting is not None:
            self._submitted_collaboration(briefs[0], waiting[1])
        invited = self._free(1, candidates, taken)
        if invited is not None:
            self._collaboration(briefs[1], invited[1], state="invited", note=None)

    @staticmethod
    def _free(
        brief_index: int,
        candidates: list[tuple[int, DemoAccount]],
        taken: set[tuple[int, int]],
    ) -> tuple[int, DemoAccount] | None:
        """The first candidate not yet in the brief (a creator joins a brief once)."""
        for index, account in candidates:
            if (brief_index, index) not in taken:
                taken.add((brief_index, index))
                return index, account
        return None

    def _brief_products(self, brief: Brief) -> tuple[Product, ...]:
        wanted = {link.product_id for link in brief.product_links}
        return tuple(product for product in self.world.products if product.id in wanted)

    def _collaboration(
        self, brief: Brief, account: DemoAccount, *, state: str, note: Note | None
    ) -> Collaboration:
        applied = brief.mode == "recruitment"
        quote = brief.fee_fen
        if applied:
            quote = int(round(brief.fee_fen * float(self.rng.uniform(0.8, 1.3)), -2))
        collab = Collaboration(
            brief_id=brief.id,
            account_id=account.account.id,
            state=state,
            origin="applied" if applied else "invited",
            quote_fen=quote,
            message="我的读者以通勤女生为主，可以做真实测评～" if applied else "期待与你合作！",
            note_id=note.id if note else None,
            round=1 if note else 0,
            published_at=note.published_at if note else None,
        )
        self.session.add(collab)
        self.session.flush()
        return collab

    def _round(
        self, collab: Collaboration, note: Note, account: DemoAccount, at: datetime
    ) -> Submission:
        snapshot = note_snapshot(note)
        submission = Submission(
            collaboration_id=collab.id,
            round=1,
            snapshot=snapshot,
            submitted_by=account.author.id,
            submitted_at=at,
            media=[
                SubmissionMedium(position=item["position"], sha256=item["sha256"])
                for item in snapshot["media"]
            ],
        )
        self.session.add(submission)
        return submission

    def _published_collaboration(self, brief: Brief, index: int, account: DemoAccount) -> None:
        assert brief.publish_from is not None and brief.publish_until is not None
        # A running campaign's notes went out this month; a closed one's within its window.
        earliest = brief.publish_from
        if brief.status == "open":
            earliest = max(earliest, self.now - timedelta(days=SLIPPING_DAYS - 2))
        latest = min(brief.publish_until, self.now - timedelta(hours=6))
        span = (latest - earliest).total_seconds()
        published = earliest + timedelta(seconds=float(self.rng.uniform(0, span)))
        products = self._brief_products(brief)
        text = self._product_text(products[0])
        note = self._note(
            account,
            text,
            self._product_media(text, products[0]),
            published=published,
            products=products[:2],
            topics=tuple(brief.topics),
            collaboration=brief,
        )
        state = "completed" if brief.status == "closed" else "published"
        collab = self._collaboration(brief, account, state=state, note=note)
        submission = self._round(collab, note, account, published - timedelta(days=2))
        submission.decision = "approved"
        submission.decided_by = self.world.brand_user.id
        submission.decided_at = published - timedelta(days=1)
        self.seeded.collaborations.append(collab)
        quality = self._quality(BRAND_SIGMA, CAMPAIGN_QUALITY)
        self._profile(index, account, note, quality, CAMPAIGN_REACH)

    def _submitted_collaboration(self, brief: Brief, account: DemoAccount) -> None:
        products = self._brief_products(brief)
        text = self._product_text(products[0])
        media = self._product_media(text, products[0])
        note = self._note(
            account,
            text,
            media,
            published=None,
            products=products[:1],
            topics=tuple(brief.topics),
            collaboration=brief,
        )
        collab = self._collaboration(brief, account, state="submitted", note=note)
        collab.review_due_at = self.now + timedelta(hours=brief.review_hours - 6)
        self._round(collab, note, account, self.now - timedelta(hours=6))
        self.seeded.drafts += 1

    def _drafts_and_scheduled(self) -> None:
        """Drafts in progress, and notes scheduled over the coming days at 20:00 their time
        (through the scheduling service, which holds them to the rules)."""
        writers = [account for account in self.world.accounts if account.role != "brand"]
        for number in range(self.scale.drafts + self.scale.scheduled):
            account = writers[number % len(writers)]
            field = account.fields[int(self.rng.integers(len(account.fields)))]
            subject = field.subjects[int(self.rng.integers(len(field.subjects)))]
            text = compose(field, subject, self.rng, self._titles)
            note = self._note(account, text, self._pictures(field, text.cover), published=None)
            if number < self.scale.drafts:
                self.seeded.drafts += 1
                continue
            local = self.now.astimezone(zone(account.account.timezone))
            at = local.replace(hour=20, minute=0, second=0, microsecond=0)
            at += timedelta(days=1 + number - self.scale.drafts)
            self.session.commit()
            schedule_note(
                self.session, account.author, note.id, at=at, version=note.version, rules=self.rules
            )
            self.seeded.scheduled += 1
