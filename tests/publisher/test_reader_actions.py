"""What readers do on a note and a product, at the service level, on both databases: events
stamped with ids that dedupe within their time buckets and refused one by one, likes and
collects that count once however often they are toggled, follows credited to a note, comments
moderated and rate limited, orders that never oversell — and the studio's figures moving for
each. Also the pure parts: comment moderation and the in-memory rate windows."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from publisher.db.models import (
    Account,
    Brief,
    Collaboration,
    Event,
    MediaAsset,
    Note,
    NoteDailyStats,
    NoteMedia,
    NoteProduct,
    NoteTopic,
    Organization,
    Product,
    ReaderComment,
    ReaderFollow,
    ReaderOrder,
    ReaderReaction,
    Storefront,
    Topic,
)
from publisher.domain import comment_moderation as moderation
from publisher.domain.metrics import COUNTERS, EventKind
from publisher.domain.rules import load_rules
from publisher.server.rate_limits import Limit, SlidingWindow, check
from publisher.services import (
    reader_actions,
    reader_comments,
    reader_events,
    reader_orders,
    reader_reactions,
)
from publisher.services.errors import Conflict, Invalid, NotFound, TooLarge, TooManyRequests
from publisher.services.reader_events import ReaderEventIn

NOW = datetime(2026, 5, 4, 10, 0, 3, tzinfo=UTC)
"""Three seconds into a ten-minute bucket."""
READER = "a" * 32
OTHER = "b" * 32
RULES = load_rules()


@dataclass
class World:
    image: uuid.UUID
    """A public published photo note of `creator`, linking `product`, in a brand's brief."""
    video: uuid.UUID
    """A public published 20-second video note of `creator`, newer than `image`."""
    draft: uuid.UUID
    private: uuid.UUID
    creator: uuid.UUID
    quiet: uuid.UUID
    """An account with drafts and private notes only: not open to readers."""
    brand_account: uuid.UUID
    """The account of a brand with a storefront and no notes: open to readers."""
    product: uuid.UUID
    unlinked: uuid.UUID
    """A product no note links."""
    topic: uuid.UUID


@pytest.fixture
def sessions(both_databases) -> sessionmaker[Session]:
    return both_databases


@pytest.fixture
def world(sessions) -> World:
    with sessions() as session:
        org = Organization(name="MCN", kind="mcn")
        brand = Organization(name="山茶花", kind="brand")
        session.add_all([org, brand])
        session.flush()
        creator = Account(organization_id=org.id, nickname="小林", followers=1200)
        quiet = Account(organization_id=org.id, nickname="安静", followers=30)
        brand_account = Account(organization_id=brand.id, nickname="山茶花官方", followers=500)
        shop = Storefront(organization_id=brand.id, name="旗舰店")
        topic = Topic(name="护肤", key="护肤")
        session.add_all([creator, quiet, brand_account, shop, topic])
        session.add_all(
            [
                MediaAsset(sha256="1" * 64, mime="image/jpeg", size=1, width=1080, height=1440),
                MediaAsset(
                    sha256="2" * 64,
                    mime="video/mp4",
                    size=1,
                    width=720,
                    height=960,
                    duration_ms=20_000,
                ),
            ]
        )
        session.flush()
        product = Product(storefront_id=shop.id, name="精华", sku="A", price_fen=28_900, stock=5)
        unlinked = Product(storefront_id=shop.id, name="面霜", sku="B", price_fen=9_900, stock=5)
        session.add_all([product, unlinked])

        def note(title: str, kind: str = "image", days: int = 3, **extra) -> Note:
            values = {
                "account_id": creator.id,
                "status": "published",
                "published_at": NOW - timedelta(days=days),
            } | extra
            row = Note(type=kind, title=title, **values)
            session.add(row)
            session.flush()
            sha = "2" * 64 if kind == "video" else "1" * 64
            session.add(NoteMedia(note_id=row.id, position=0, sha256=sha))
            return row

        image = note("图", collaboration=True)
        video = note("视频", "video", days=1)
        draft = note("草稿", status="draft", published_at=None)
        private = note("私密", visibility="private")
        note("安静的草稿", account_id=quiet.id, status="draft", published_at=None)
        note("安静的私密", account_id=quiet.id, visibility="private")
        session.flush()
        session.add_all(
            [
                NoteProduct(note_id=image.id, product_id=product.id, position=0),
                NoteTopic(note_id=image.id, topic_id=topic.id, position=0),
            ]
        )
        brief = Brief(organization_id=brand.id, title="春季")
        session.add(brief)
        session.flush()
        session.add(
            Collaboration(
                brief_id=brief.id,
                account_id=creator.id,
                note_id=image.id,
                state="published",
                origin="invited",
            )
        )
        session.commit()
        return World(
            image=image.id,
            video=video.id,
            draft=draft.id,
            private=private.id,
            creator=creator.id,
            quiet=quiet.id,
            brand_account=brand_account.id,
            product=product.id,
            unlinked=unlinked.id,
            topic=topic.id,
        )


def _figures(session: Session, note_id: uuid.UUID) -> dict[str, int]:
    row = session.execute(
        select(
            *(func.coalesce(func.sum(getattr(NoteDailyStats, name)), 0) for name in COUNTERS)
        ).where(NoteDailyStats.note_id == note_id)
    ).one()
    return {name: int(value) for name, value in zip(COUNTERS, row, strict=True)}


def _send(sessions, reader: str, items: list[dict], now: datetime = NOW):
    parsed = [(index, ReaderEventIn.model_validate(item)) for index, item in enumerate(items)]
    with sessions() as session:
        return reader_events.record_reader_events(session, reader, parsed, [], now=now)


# -- the reader door --------------------------------------------------------------------------


def test_repeats_within_a_bucket_are_duplicates_and_each_bucket_counts_once(sessions, world):
    impression = {"note_id": str(world.image), "kind": "impression"}
    first, taught = _send(sessions, READER, [impression, impression])
    assert (first.accepted, first.duplicates, first.rejected) == (1, 1, [])
    assert taught == []  # an impression teaches nothing
    again, _ = _send(sessions, READER, [impression], NOW + timedelta(minutes=5))
    assert (again.accepted, again.duplicates) == (0, 1)
    later, _ = _send(sessions, READER, [impression], NOW + timedelta(minutes=10))
    other, _ = _send(sessions, OTHER, [impression])
    assert later.accepted == other.accepted == 1
    view = {"note_id": str(world.image), "kind": "view"}
    share = {"note_id": str(world.image), "kind": "share"}
    click = {"note_id": str(world.image), "kind": "product_click", "product_id": str(world.product)}
    counts = [
        _send(sessions, READER, [view, share, click], NOW + timedelta(minutes=minutes))[0].accepted
        for minutes in (0, 15, 25, 40)
    ]
    # view: buckets of 30 min (10:00 and 10:30), share: the day, click: 10 min each.
    assert counts == [3, 1, 1, 2]
    with sessions() as session:
        figures = _figures(session, world.image)
    assert (figures["impressions"], figures["views"], figures["shares"]) == (3, 2, 1)
    assert figures["product_clicks"] == 4


def test_ids_are_deterministic_and_fit_the_event_id_column():
    one = reader_actions.reader_event_id(READER, uuid.UUID(int=1), "view", "42")
    assert one == reader_actions.reader_event_id(READER, uuid.UUID(int=1), "view", "42")
    assert one != reader_actions.reader_event_id(READER, uuid.UUID(int=1), "view", "43")
    assert one != reader_actions.reader_event_id(OTHER, uuid.UUID(int=1), "view", "42")
    assert len(one) <= 64


def test_each_bad_event_is_refused_with_its_code_and_the_rest_count(sessions, world):
    image, video = str(world.image), str(world.video)
    items = [
        {"note_id": str(uuid.uuid4()), "kind": "impression"},
        {"note_id": str(world.draft), "kind": "impression"},
        {"note_id": str(world.private), "kind": "view"},
        {"note_id": image, "kind": "like"},
        {"note_id": image, "kind": "order", "value": 100},
        {"note_id": image, "kind": "product_click"},
        {"note_id": image, "kind": "product_click", "product_id": str(world.unlinked)},
        {"note_id": image, "kind": "view", "value": 12},
        {"note_id": video, "kind": "view", "value": 23},
        {"note_id": image, "kind": "impression", "value": 1},
        {"note_id": image, "kind": "share", "product_id": str(world.product)},
        {"note_id": video, "kind": "view", "value": 19, "completed": True},
    ]
    receipt, taught = _send(sessions, READER, items)
    codes = [(refusal.index, refusal.code) for refusal in receipt.rejected]
    assert codes == [
        (0, "note.not_found"),
        (1, "note.not_found"),
        (2, "note.not_found"),
        (3, "event.kind_not_allowed"),
        (4, "event.kind_not_allowed"),
        (5, "event.product_required"),
        (6, "event.product_not_linked"),
        (7, "event.value_not_allowed"),
        (8, "event.bad_value"),
        (9, "event.value_not_allowed"),
        (10, "event.value_not_allowed"),
    ]
    assert receipt.accepted == 1
    assert [(t.kind, t.account_id) for t in taught] == [("view", world.creator)]
    with sessions() as session:
        figures = _figures(session, world.video)
    assert figures["video_views"] == figures["completions"] == 1
    assert figures["watch_seconds"] == 19


def test_a_completion_without_the_watch_time_for_it_is_dropped_and_the_view_counts(sessions, world):
    video, image = str(world.video), str(world.image)
    sent = [
        ({"note_id": video, "kind": "view", "value": 17, "completed": True}, None),
        ({"note_id": video, "kind": "view", "completed": True}, None),
        ({"note_id": video, "kind": "view", "value": 18, "completed": True}, True),
        ({"note_id": video, "kind": "view", "value": 20, "completed": False}, False),
        ({"note_id": image, "kind": "view", "completed": True}, None),
    ]
    for index, (event, _) in enumerate(sent):
        receipt, _ = _send(sessions, f"{index:032x}", [event])
        assert (receipt.accepted, receipt.rejected) == (1, []), event
    with sessions() as session:
        kept = session.scalars(
            select(Event.completed).where(Event.kind == EventKind.VIEW).order_by(Event.seq)
        ).all()
        video_figures, image_figures = (
            _figures(session, world.video),
            _figures(session, world.image),
        )
    assert kept == [completed for _, completed in sent]
    assert (video_figures["views"], video_figures["completions"]) == (4, 1)
    assert video_figures["watch_seconds"] == 17 + 18 + 20
    assert (image_figures["views"], image_figures["completions"]) == (1, 0)


def test_a_batch_is_a_json_list_of_at_most_200_well_formed_items():
    with pytest.raises(Invalid) as refused:
        reader_events.parse_reader_batch(b'{"note_id": 1}')
    assert refused.value.code == "events.not_a_list"
    with pytest.raises(TooLarge) as too_many:
        reader_events.parse_reader_batch(b"[" + b",".join([b"{}"] * 201) + b"]")
    assert too_many.value.params == {"max": 200}
    good, bad = reader_events.parse_reader_batch(
        b'[{"note_id": "%s", "kind": "view"}, {"note_id": "x", "kind": "view"}, 7,'
        b' {"note_id": "%s", "kind": "view", "ts": "2026-01-01T00:00:00Z"}]'
        % (uuid.UUID(int=1).hex.encode(), uuid.UUID(int=2).hex.encode())
    )
    assert [index for index, _ in good] == [0]
    assert [(r.index, r.code, r.params["field"]) for r in bad] == [
        (1, "event.invalid", "note_id"),
        (2, "event.invalid", ""),
        (3, "event.invalid", "ts"),
    ]


# -- likes, collects, follows -----------------------------------------------------------------


def test_like_unlike_like_counts_once_and_the_shown_count_goes_down_and_up(sessions, world):
    with sessions() as session:
        answers = [
            reader_reactions.set_reaction(session, READER, world.image, "like", on, now=NOW)
            for on in (True, True, False, False, True)
        ]
        assert [answer for answer, _ in answers] == [
            {"on": True, "count": 1},
            {"on": True, "count": 1},
            {"on": False, "count": 0},
            {"on": False, "count": 0},
            {"on": True, "count": 1},
        ]
        assert [taught is not None for _, taught in answers] == [True, False, False, False, True]
        reader_reactions.set_reaction(session, OTHER, world.image, "like", True, now=NOW)
        reader_reactions.set_reaction(session, OTHER, world.image, "collect", True, now=NOW)
        reader_reactions.set_reaction(session, OTHER, world.image, "like", False, now=NOW)
        assert reader_reactions.reaction_state(session, OTHER, world.image) == {
            "liked": False,
            "collected": True,
            "likes": 1,
            "collects": 1,
        }
        assert reader_reactions.reaction_state(session, READER, world.image)["liked"] is True
        figures = _figures(session, world.image)
    # Counted events never go down: two readers liked once each, one collected.
    assert (figures["likes"], figures["collects"]) == (2, 1)


def test_a_reaction_on_a_note_readers_cannot_see_is_not_found(sessions, world):
    with sessions() as session:
        for note_id in (world.draft, world.private, uuid.uuid4()):
            with pytest.raises(NotFound) as refused:
                reader_reactions.set_reaction(session, READER, note_id, "collect", True, now=NOW)
            assert refused.value.code == "note.not_found"


def test_the_same_reader_liking_from_many_threads_counts_once(sessions, world):
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def like() -> None:
        try:
            with sessions() as session:
                barrier.wait()
                reader_reactions.set_reaction(session, READER, world.video, "like", True, now=NOW)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=like) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sessions() as session:
        assert _figures(session, world.video)["likes"] == 1
        assert reader_reactions.reaction_state(session, READER, world.video)["likes"] == 1


def test_a_like_and_its_taking_back_at_the_same_moment_leave_one_state(sessions, world):
    """One reader's toggles take turns: never a `like` and an `unlike` row side by side (a
    later like would then break on the key)."""
    toggles = 6
    errors: list[BaseException] = []

    def toggle(barrier: threading.Barrier, on: bool) -> None:
        try:
            with sessions() as session:
                barrier.wait()
                reader_reactions.set_reaction(session, READER, world.video, "like", on, now=NOW)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    for _ in range(5):
        barrier = threading.Barrier(toggles)
        threads = [
            threading.Thread(target=toggle, args=(barrier, index % 2 == 0))
            for index in range(toggles)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with sessions() as session:
            rows = session.scalars(
                select(ReaderReaction.kind).where(ReaderReaction.reader_id == READER)
            ).all()
        assert errors == [] and len(rows) == 1, (errors, rows)
    with sessions() as session:
        for on in (True, False, True):
            answer, _ = reader_reactions.set_reaction(
                session, READER, world.video, "like", on, now=NOW
            )
            assert answer == {"on": on, "count": int(on)}
        assert _figures(session, world.video)["likes"] == 1


def test_a_reader_left_with_both_states_is_mended_by_the_next_toggle(sessions, world):
    with sessions() as session:
        for kind in ("like", "unlike"):
            session.add(ReaderReaction(reader_id=READER, note_id=world.image, kind=kind))
        session.commit()
        answer, taught = reader_reactions.set_reaction(
            session, READER, world.image, "like", True, now=NOW
        )
        assert answer["on"] is True and taught is not None
        assert reader_reactions.set_reaction(session, READER, world.image, "like", False, now=NOW)[
            0
        ] == {"on": False, "count": 0}
        rows = session.scalars(select(ReaderReaction.kind)).all()
    assert rows == ["unlike"]


def test_a_follow_counts_once_on_the_note_it_came_from_or_the_latest(sessions, world):
    follow, follow_state = reader_reactions.set_follow, reader_reactions.follow_state
    with sessions() as session:
        answer, taught = follow(session, READER, world.creator, True, world.image, now=NOW)
        assert answer == {"on": True, "count": 1201}
        assert taught is not None and taught.topic_ids == (world.topic,)
        stopped, _ = follow(session, READER, world.creator, False, None, now=NOW)
        assert stopped == {"on": False, "count": 1200}
        follow(session, READER, world.creator, True, world.video, now=NOW)
        # Another reader from a note of another account (here: none): the latest public note.
        follow(session, OTHER, world.creator, True, world.draft, now=NOW)
        assert follow_state(session, READER, world.creator) == (True, 1202)
        follows = dict(
            session.execute(
                select(Event.note_id, func.count())
                .where(Event.kind == EventKind.FOLLOW)
                .group_by(Event.note_id)
            ).all()
        )
        assert follows == {world.image: 1, world.video: 1}
        assert _figures(session, world.video)["follows"] == 1


def test_only_accounts_open_to_readers_can_be_followed(sessions, world):
    with sessions() as session:
        # A brand's account with a storefront and no notes yet: followed, no note to count on.
        brand, taught = reader_reactions.set_follow(
            session, READER, world.brand_account, True, None, now=NOW
        )
        assert brand == {"on": True, "count": 501}
        assert taught is not None and taught.topic_ids == ()
        # Drafts and private notes only, or no account at all: nothing to follow.
        for hidden in (world.quiet, uuid.uuid4()):
            with pytest.raises(NotFound) as missing:
                reader_reactions.set_follow(session, READER, hidden, True, None, now=NOW)
            assert missing.value.code == "account.not_found"
        followed = session.scalars(select(ReaderFollow.account_id)).all()
        assert followed == [world.brand_account]
        assert session.scalar(select(func.count()).select_from(Event)) == 0


# -- comments -------------------------------------------------------------------------------


def _comment(sessions, world: World, body: str, *, reader=READER, at=NOW, name=None):
    with sessions() as session:
        return reader_comments.add_comment(session, RULES, reader, world.image, body, name, now=at)[
            0
        ]


def test_comments_with_forbidden_words_or_links_wait_for_the_author(sessions, world):
    shown = _comment(sessions, world, "  好用！<script>alert(1)</script>  ")
    words = _comment(sessions, world, "好用，加微信领福利", at=NOW + timedelta(seconds=20))
    link = _comment(
        sessions, world, "去 ｗｗｗ．ｓｈｏｐ．ｃｏｍ 买", at=NOW + timedelta(seconds=40)
    )
    assert (shown.status, shown.body, shown.name) == (
        "visible",
        "好用！<script>alert(1)</script>",
        "读者aaaa",
    )
    assert (words.status, words.held_reason) == ("held", "words")
    assert (link.status, link.held_reason) == ("held", "link")
    with sessions() as session:
        assert _figures(session, world.image)["comments"] == 1
        mine = reader_comments.visible_comments(session, world.image, READER)
        theirs = reader_comments.visible_comments(session, world.image, OTHER)
        assert [c.id for c in mine] == [link.id, words.id, shown.id]
        assert [c.id for c in theirs] == [shown.id]
        # The author lets one through: it counts then, once.
        held = session.get(ReaderComment, words.id)
        assert held is not None
        reader_comments.count_comment(session, held)
        reader_comments.count_comment(session, held)
        session.commit()
        assert _figures(session, world.image)["comments"] == 2


def test_comment_bodies_and_names_are_checked(sessions, world):
    for body, code in (
        ("   \n\t ", "reader_comment.empty"),
        ("\u200b\u200d\ufeff\u2060", "reader_comment.empty"),
        ("\u3164 \u2800\u00ad", "reader_comment.empty"),
        ("字" * 501, "reader_comment.too_long"),
        ("x" * 100_000, "reader_comment.too_long"),
    ):
        with pytest.raises(Invalid) as refused:
            _comment(sessions, world, body)
        assert refused.value.code == code
    for name in ("名" * 21, "👨\u200d👩\u200d👧" * 9, "x" * 100_000):
        with pytest.raises(Invalid) as long_name:
            _comment(sessions, world, "好", name=name)
        assert long_name.value.code == "reader_comment.name_too_long"
    named = _comment(sessions, world, "字" * 500, name=" 小\n红 ")
    assert named.name == "小 红"
    unnamed = _comment(sessions, world, "好", name="\u200b\u200b", at=NOW + timedelta(minutes=1))
    assert unnamed.name == "读者aaaa"


def test_a_reader_comments_at_most_once_in_15_seconds_and_20_times_an_hour(sessions, world):
    _comment(sessions, world, "一")
    with pytest.raises(TooManyRequests) as fast:
        _comment(sessions, world, "二", at=NOW + timedelta(seconds=10))
    assert fast.value.code == "reader_comment.rate_limited"
    assert fast.value.params == {"retry_after": 5}
    _comment(sessions, world, "二", reader=OTHER, at=NOW + timedelta(seconds=10))
    for index in range(1, 20):
        _comment(sessions, world, f"第{index}", at=NOW + timedelta(seconds=16 * index))
    with pytest.raises(TooManyRequests) as hourly:
        _comment(sessions, world, "又来", at=NOW + timedelta(minutes=30))
    assert hourly.value.params["retry_after"] == 30 * 60
    with sessions() as session:
        count = session.scalar(
            select(func.count()).select_from(ReaderComment).where(ReaderComment.reader_id == READER)
        )
    assert count == 20


# -- orders -----------------------------------------------------------------------------------


def test_an_order_from_a_note_takes_stock_and_counts_for_the_note(sessions, world):
    with sessions() as session:
        version = session.get(Product, world.product).version
        placed, stock, taught = reader_orders.place_order(
            session, READER, world.product, 2, world.image, now=NOW
        )
        assert (placed.amount_fen, placed.note_id, stock) == (57_800, world.image, 3)
        assert taught is not None and taught.kind == "order"
        product = session.get(Product, world.product)
        session.refresh(product)
        assert (product.stock, product.version) == (3, version + 1)
        figures = _figures(session, world.image)
        assert (figures["orders"], figures["gmv_fen"]) == (1, 57_800)
        # From a note that does not link it, or from nowhere: an order, but no note's.
        elsewhere, _, nobody = reader_orders.place_order(
            session, READER, world.product, 1, world.video, now=NOW
        )
        assert (elsewhere.note_id, nobody) == (None, None)
        assert _figures(session, world.video)["orders"] == 0
        assert session.scalar(select(func.count()).select_from(Event).where(Event.kind == 9)) == 1


def test_orders_refuse_bad_quantities_sold_out_and_off_shelf_products(sessions, world):
    with sessions() as session:
        for quantity in (0, 6, -1):
            with pytest.raises(Invalid) as bad:
                reader_orders.place_order(session, READER, world.product, quantity, None, now=NOW)
            assert bad.value.params == {"min": 1, "max": 5}
        reader_orders.place_order(session, READER, world.product, 4, None, now=NOW)
        with pytest.raises(Conflict) as sold_out:
            reader_orders.place_order(session, READER, world.product, 2, None, now=NOW)
        assert (sold_out.value.code, sold_out.value.params) == ("product.sold_out", {"stock": 1})
        product = session.get(Product, world.unlinked)
        product.status = "off_shelf"
        session.commit()
        with pytest.raises(Invalid) as off:
            reader_orders.place_order(session, READER, world.unlinked, 1, None, now=NOW)
        assert off.value.code == "product.off_shelf"
        with pytest.raises(NotFound):
            reader_orders.place_order(session, READER, uuid.uuid4(), 1, None, now=NOW)
        assert session.get(Product, world.product).stock == 1


def test_a_reader_places_at_most_ten_orders_an_hour(sessions, world):
    with sessions() as session:
        session.get(Product, world.unlinked).stock = 100
        session.commit()
        for minute in range(10):
            reader_orders.place_order(
                session, READER, world.unlinked, 1, None, now=NOW + timedelta(minutes=minute)
            )
        with pytest.raises(TooManyRequests) as limited:
            reader_orders.place_order(
                session, READER, world.unlinked, 1, None, now=NOW + timedelta(minutes=20)
            )
        assert limited.value.params == {"retry_after": 40 * 60}
        assert session.get(Product, world.unlinked).stock == 90
        reader_orders.place_order(session, OTHER, world.unlinked, 1, None, now=NOW)


def test_concurrent_buyers_never_get_more_than_the_stock(sessions, world):
    buyers = 12
    barrier = threading.Barrier(buyers)
    outcomes: list[str] = []

    def buy(index: int) -> None:
        with sessions() as session:
            barrier.wait()
            try:
                reader_orders.place_order(
                    session, f"{index:032x}", world.product, 1, world.image, now=NOW
                )
                outcomes.append("ok")
            except Conflict as refused:
                outcomes.append(refused.code)

    threads = [threading.Thread(target=buy, args=(index,)) for index in range(buyers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok"] * 5 + ["product.sold_out"] * 7
    with sessions() as session:
        assert session.get(Product, world.product).stock == 0
        assert session.scalar(select(func.count()).select_from(ReaderOrder)) == 5
        assert _figures(session, world.image)["orders"] == 5


# -- every action moves the studio's figures --------------------------------------------------


def test_each_reader_action_moves_the_notes_figures(sessions, world):
    note = str(world.image)
    with sessions() as session:
        before = _figures(session, world.image)
    _send(sessions, READER, [{"note_id": note, "kind": "impression"}])
    _send(sessions, READER, [{"note_id": note, "kind": "view"}])
    _send(sessions, READER, [{"note_id": note, "kind": "share"}])
    click = {"note_id": note, "kind": "product_click", "product_id": str(world.product)}
    _send(sessions, READER, [click])
    with sessions() as session:
        reader_reactions.set_reaction(session, READER, world.image, "like", True, now=NOW)
        reader_reactions.set_reaction(session, READER, world.image, "collect", True, now=NOW)
        reader_comments.add_comment(session, RULES, READER, world.image, "好看", None, now=NOW)
        reader_reactions.set_follow(session, READER, world.creator, True, world.image, now=NOW)
        reader_orders.place_order(session, READER, world.product, 1, world.image, now=NOW)
        after = _figures(session, world.image)
    moved = {name: after[name] - before[name] for name in COUNTERS if after[name] != before[name]}
    assert moved == {
        "impressions": 1,
        "views": 1,
        "likes": 1,
        "collects": 1,
        "comments": 1,
        "shares": 1,
        "follows": 1,
        "product_clicks": 1,
        "orders": 1,
        "gmv_fen": 28_900,
    }


# -- pure parts -------------------------------------------------------------------------------

WORDS, EXEMPT = reader_comments.comment_words(RULES)


@pytest.mark.parametrize(
    "text",
    [
        "http://a.b",
        "看 www.baidu.com",
        "ｗｗｗ．ｂａｉｄｕ．ｃｏｍ",
        "w w w . b a i d u . c o m",
        "淘宝搜 shop。com",
        "taobao点com",
        "taobao dot com",
        "taobao[.]com",
        "taobao (.) cn",
        "H T T P S : / / x",
        "ⓑⓐⓘⓓⓤ.ⓒⓞⓜ",
        "bai\u200bdu.com",
        "xhs.cn/abc",
        "go to my.shop",
        "www 。shop 。top",
        "来 www点xx点me",
    ],
)
def test_links_are_found_through_their_disguises(text):
    verdict = moderation.moderate(text, WORDS, EXEMPT)
    assert (verdict.status, verdict.reason) == ("held", "link")


@pytest.mark.parametrize(
    "text",
    [
        "最近在用，第一次买，最喜欢这个色号",
        "CC霜和ysl的cc霜都不错",
        "so good. me too",
        "I went to the store. Online is cheaper",
        "3.5kg 好重",
        "v1.2 版本",
        "👨\u200d👩\u200d👧 一家人都爱",
        "太好笑了www。",
        "笑死www点赞",
        "哈哈www. me too",
        "awww. so. cute",
        "加VC的精华真好用",
        "去死皮很温和",
        "扫地机器人去死角",
        "289元入的，双十一更便宜",
        "2026-11-28 到货，20261128 下单",
        "型号 SM-G9910，13寸屏",
        "用了 12345 天也不腻",
        "微信支付可以吗",
        "微信 2026 年的新版本",
        "qq音乐里有这首歌",
        "单号 1381234567890 查不到",
    ],
)
def test_everyday_comments_are_shown(text):
    assert moderation.moderate(text, WORDS, EXEMPT).status == "visible"


@pytest.mark.parametrize(
    "text",
    [
        "联系我 13812345678",
        "电话 138 1234 5678",
        "打 138-1234-5678 就行",
        "+8615912345678",
        "１３８１２３４５６７８",
        "V信 abc123",
        "wx：zc2026",
        "加我qq 12345678",
        "扣扣号:987654321",
        "微信号码 zhong_cao",
    ],
)
def test_contact_details_are_held_like_links(text):
    verdict = moderation.moderate(text, WORDS, EXEMPT)
    assert (verdict.status, verdict.reason) == ("held", "link"), verdict


@pytest.mark.parametrize("text", ["扫码领券", "去某宝搜 山茶花 便宜", "某音直播间见", "草泥马"])
def test_diversion_written_around_the_filter_is_held(text):
    assert moderation.moderate(text, WORDS, EXEMPT).status == "held"


def test_forbidden_words_are_found_in_any_width_and_spacing():
    for text in (
        "加微信",
        "刷 单 兼职",
        "ＶＸ联系我",
        "代\u200b购",
        "去死吧",
        "加V私聊",
        "加vc加v",
    ):
        verdict = moderation.moderate(text, WORDS, EXEMPT)
        assert (verdict.status, verdict.reason) == ("held", "words"), text


def test_cleaning_drops_controls_and_direction_overrides_and_keeps_emoji():
    assert moderation.clean(" a\u202eb\x00c\r\n\n\n\nd\t ") == "abc\n\nd"
    assert moderation.clean("👨\u200d👩\u200d👧") == "👨\u200d👩\u200d👧"
    assert moderation.length("ｂ👨\u200d👩\u200d👧") == 2


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_sliding_window_refuses_beyond_its_limit_and_says_when_to_retry():
    clock = Clock()
    window = SlidingWindow(3, 60, clock=clock)
    assert [window.wait("r", 1) for _ in range(3)] == [0, 0, 0]
    clock.now += 20
    assert window.wait("r", 1) == pytest.approx(40)
    assert window.wait("other", 3) == 0
    assert window.wait("r", 4) == 60  # more than the limit: never fits
    clock.now += 40
    assert window.wait("r", 2) == 0
    clock.now += 61
    assert len(window) == 2
    window.wait("new", 1)
    assert len(window) == 1  # the quiet keys were forgotten


def test_a_window_keeps_at_most_max_keys():
    window = SlidingWindow(1, 60, max_keys=100, clock=Clock())
    for index in range(1000):
        assert window.wait(f"reader-{index}") == 0
    assert len(window) == 100


def test_a_refused_request_takes_nothing_from_the_other_limits():
    clock = Clock()
    reader = Limit(SlidingWindow(5, 60, clock=clock), "reader")
    address = Limit(SlidingWindow(3, 60, clock=clock), "address")
    check((reader, address), READER, "10.0.0.1", "x", 2)
    with pytest.raises(TooManyRequests) as refused:
        check((reader, address), READER, "10.0.0.1", "events.rate_limited", 2)
    assert refused.value.params == {"retry_after": 60}
    check((reader, address), READER, "10.0.0.2", "x", 3)  # 2 + 3 = the reader's 5


def test_one_readers_comments_from_many_threads_keep_the_15_second_gap(sessions, world):
    barrier = threading.Barrier(5)
    outcomes: list[str] = []

    def post(index: int) -> None:
        with sessions() as session:
            barrier.wait()
            try:
                reader_comments.add_comment(
                    session, RULES, READER, world.image, f"第{index}条", None, now=NOW
                )
                outcomes.append("ok")
            except TooManyRequests as refused:
                outcomes.append(refused.code)

    threads = [threading.Thread(target=post, args=(index,)) for index in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok"] + ["reader_comment.rate_limited"] * 4
    with sessions() as session:
        assert _figures(session, world.image)["comments"] == 1
