"""Search of the reader pages.

On a hand-made catalog: Chinese words in titles and bodies match by segmentation, Latin letters
match full pinyin and initials (in bodies, the pinyin of whole words), numbers and single
letters or digits match whole words only and markup or those alone nothing, the order blends
relevance with engagement, hostile queries are harmless. On both databases: hot searches are
counted once per reader, address and day, need two readers on a day, are ranked and topped up
with topics; one reader or one address flooding a query, readers without a signed id, spam and
words the comment rules forbid never make a query hot; follow states of a list come in one go.
On the tiny demo world served for real: the search page's tabs, its empty and no-result states,
the suggestions, hot searches counted from real requests, the index warmed up as the server
starts, and a title with a script shown as text.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from publisher.db.models import Product, ReaderSearch
from publisher.domain.rules import load_rules
from publisher.server.rate_limits import SlidingWindow
from publisher.services import reader_catalog, reader_search
from publisher.services.reader_catalog import Catalog, CatalogCache, NoteCard
from publisher.services.reader_comments import comment_words
from publisher.services.reader_search import (
    COUNTED_PER_ADDRESS_HOUR,
    MAX_QUERY,
    AccountEntry,
    HotCounter,
    ProductEntry,
    SearchIndex,
    SearchIndexes,
)
from tests.reader_world import HOSTILE_TITLE, HOSTILE_TITLE_ESCAPED, ReaderWorld, hostile_world

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)
TILE = re.compile(r'<article class="tile" data-note="([0-9a-f-]{36})"')


def card(
    title: str,
    body: str = "",
    topics: tuple[str, ...] = (),
    *,
    author: str = "小鹿",
    likes: int = 0,
    age_days: float = 0,
) -> NoteCard:
    return NoteCard(
        id=uuid.uuid4(),
        title=title,
        body=body,
        type="image",
        account_id=uuid.uuid5(uuid.NAMESPACE_DNS, author),
        author=author,
        published_at=NOW - timedelta(days=age_days),
        cover_sha256=None,
        cover_width=3,
        cover_height=4,
        topic_ids=tuple(uuid.uuid5(uuid.NAMESPACE_URL, name) for name in topics),
        topic_names=topics,
        product_ids=(),
        likes=likes,
    )


def catalog_of(*cards: NoteCard) -> Catalog:
    names = {t: n for c in cards for t, n in zip(c.topic_ids, c.topic_names, strict=True)}
    return Catalog(tuple(cards), names, 0.0)


def account(nickname: str, category: str = "", followers: int = 0) -> AccountEntry:
    return AccountEntry(uuid.uuid4(), nickname, category, "上海", followers, uuid.uuid4(), 1)


def product(name: str, shop: str = "山茶花护肤旗舰店", *, on_sale: bool = True) -> ProductEntry:
    return ProductEntry(uuid.uuid4(), name, 9900, "CNY", 10, None, on_sale, uuid.uuid4(), shop)


SUNSCREEN = card("夏日防晒霜推荐", "油皮也不闷痘", ("防晒",), author="糖糖爱化妆", likes=20)
REPAIR = card("换季烂脸自救", "敏感肌换季修护心得，屏障受损先停酸", ("敏感肌",), likes=5)
LUNCH = card("一周减脂便当", "鸡胸肉和西兰花", ("减脂餐",), author="阿南的厨房", likes=8)
RELAX = card("睡前放松小技巧", "", ("睡眠",), likes=1)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(
        catalog_of(SUNSCREEN, REPAIR, LUNCH, RELAX),
        [account("糖糖爱化妆", "美妆", 8000), account("阿南的厨房", "美食", 3000)],
        [
            product("山茶花修护面霜", on_sale=False),
            product("山茶花修护精华液"),
            product("舒缓保湿水"),
        ],
    )


def titles(cards: list[NoteCard]) -> list[str]:
    return [c.title for c in cards]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("防晒", [SUNSCREEN]),
        ("防晒霜", [SUNSCREEN]),
        ("防晒推荐", [SUNSCREEN]),
        ("修护", [REPAIR]),
        ("屏障受损", [REPAIR]),
        ("西兰花", [LUNCH]),
        ("减脂 便当", [LUNCH]),
        ("糖糖", [SUNSCREEN]),
        ("穿搭", []),
    ],
)
def test_chinese_words_in_titles_bodies_topics_and_authors_match(
    index: SearchIndex, query: str, found: list[NoteCard]
) -> None:
    assert titles(index.notes(query)) == titles(found)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("fangshai", SUNSCREEN),
        ("FangShai", SUNSCREEN),
        ("ＦＡＮＧＳＨＡＩ", SUNSCREEN),
        ("fangshaishuang", SUNSCREEN),
        ("fs", SUNSCREEN),
        ("jianzhi", LUNCH),
        ("jzbd", LUNCH),
        ("minganji", REPAIR),
        ("tangtang", SUNSCREEN),
    ],
)
def test_latin_letters_match_full_pinyin_and_initials(
    index: SearchIndex, query: str, first: NoteCard
) -> None:
    assert index.notes(query)[0] == first


def test_pinyin_matches_syllables_whole_and_reaches_topics_accounts_and_products(
    index: SearchIndex,
) -> None:
    # "fang" is 防 alone; "fan" is no syllable of these titles.
    assert index.notes("fan") == []
    # 放松 (fang song) shares the initials "fs": found too, after the better match.
    assert titles(index.notes("fs")) == [SUNSCREEN.title, RELAX.title]
    assert [t.name for t in index.topics_for("minganji")] == ["敏感肌"]
    assert [a.nickname for a in index.accounts_for("anan")] == ["阿南的厨房"]
    assert [a.nickname for a in index.accounts_for("美妆")] == ["糖糖爱化妆"]
    assert [p.name for p in index.products_for("shuhuan")] == ["舒缓保湿水"]


def test_a_title_match_outranks_a_body_match_of_a_far_more_engaged_note() -> None:
    titled = card("防晒", likes=0)
    mentioned = card("夏天出门", "记得防晒", likes=100_000)
    searched = SearchIndex(catalog_of(mentioned, titled), [], [])
    assert searched.notes("防晒") == [titled, mentioned]


def test_of_two_equally_relevant_notes_the_more_engaged_comes_first() -> None:
    quiet = card("防晒测评", likes=3)
    loved = card("防晒测评", likes=300, age_days=30)
    searched = SearchIndex(catalog_of(quiet, loved), [], [])
    assert searched.notes("防晒测评") == [loved, quiet]
    assert searched.notes("fangshai") == [loved, quiet]


def test_every_term_matched_beats_some_however_engaged() -> None:
    both = card("防晒测评", likes=0)
    one = card("防晒推荐", likes=1_000_000)
    searched = SearchIndex(catalog_of(one, both), [], [])
    assert searched.notes("防晒 测评") == [both, one]


def test_products_on_sale_come_first_and_match_their_storefronts_name(
    index: SearchIndex,
) -> None:
    # A name match before a shop-name match; the one off the shelf last, however relevant.
    assert [p.name for p in index.products_for("山茶花")] == [
        "山茶花修护精华液",
        "舒缓保湿水",
        "山茶花修护面霜",
    ]
    assert len(index.products_for("旗舰店")) == 3


def test_suggestions_complete_a_prefix_in_chinese_and_pinyin(index: SearchIndex) -> None:
    typed = index.suggest("fangs")
    assert (typed[0].kind, typed[0].text, typed[0].url) == (
        "topic",
        "防晒",
        f"/topic/{SUNSCREEN.topic_ids[0]}",
    )
    assert typed[0].number == 1
    people = index.suggest("糖")
    assert [(s.kind, s.text) for s in people] == [("user", "糖糖爱化妆")]
    assert people[0].number == 8000
    # Off-shelf products are not suggested.
    products = [s.text for s in index.suggest("山茶花") if s.kind == "product"]
    assert products == ["山茶花修护精华液", "舒缓保湿水"]
    assert index.suggest("") == index.suggest("   ") == []


HOSTILE = [
    "",
    "   \t\n ",
    "防晒" * 5_000,
    "x" * 10_000,
    "😀🔥💄",
    "<script>alert(1)</script>",
    "'; DROP TABLE notes; --",
    "' OR 1=1 --",
    "%s%s%n{0}{{7*7}}",
    "\u202e防晒\u202c",
    "防\u200b晒",
    "\x00\x01\x1f",
    "\ud800",
    "ﷺ" * 100,
    "Ⅻ ǅ ß İ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_cleaned_and_searched_harmlessly(
    index: SearchIndex, query: str
) -> None:
    cleaned = reader_search.normalise(query)
    assert len(cleaned) <= MAX_QUERY and len(reader_search.clean(query)) <= MAX_QUERY
    assert not any(ch < " " or ch in "\u200b\u202e\ud800" for ch in cleaned)
    assert len(reader_search.terms(cleaned)) <= reader_search.MAX_TERMS
    for search in (index.notes, index.topics_for, index.accounts_for, index.products_for):
        assert isinstance(search(query), list)
    assert isinstance(index.suggest(query), list)


def test_invisible_and_direction_characters_do_not_hide_a_word(index: SearchIndex) -> None:
    assert index.notes("防\u200b晒") == index.notes("\u202e防晒") == [SUNSCREEN]
    assert index.notes("防晒" * 5_000) == [SUNSCREEN]


RUN = card("跑完第一个10公里", "坚持第1天打卡，配速6分，客服电话16189", ("跑步",))
SALE = card("618囤货清单", "第2天下单，b站up主推荐", ("好物",))
NUMBERS = SearchIndex(catalog_of(RUN, SALE, SUNSCREEN, LUNCH), [], [])


@pytest.mark.parametrize(
    "query",
    ["1", "6", "x", "B", "1 2 x", "a 1", "<script>", "<b></b>", "&amp;", "&#49;", "!!!", "……"],
)
def test_single_letters_digits_and_markup_alone_find_nothing(query: str) -> None:
    assert reader_search.terms(reader_search.normalise(query)) == []
    assert NUMBERS.notes(query) == NUMBERS.topics_for(query) == []
    assert NUMBERS.suggest(query) == []


def test_numbers_and_single_characters_match_whole_words_only() -> None:
    # A script with a digit finds what mentions "alert", not what has a 1 somewhere.
    assert NUMBERS.notes("<script>alert(1)</script>") == []
    assert titles(NUMBERS.notes("<b>防晒</b>")) == [SUNSCREEN.title]
    # "618" is a word of the sale, not in a phone number; "10" is RUN's distance only.
    assert NUMBERS.notes("618") == [SALE]
    assert NUMBERS.notes("61") == [] and NUMBERS.notes("10") == [RUN]
    # A single digit or letter only orders what the other terms find: 第1天 before 第2天.
    assert NUMBERS.notes("第 1") == [RUN, SALE] and NUMBERS.notes("第 2") == [SALE, RUN]
    assert NUMBERS.notes("打卡 b") == [RUN] and NUMBERS.notes("下单 b") == [SALE]


def test_pinyin_matches_whole_words_of_bodies_below_titles() -> None:
    body = card("夏天出门必备", "出门前记得涂防晒霜，敏感肌也能用", likes=1000)
    titled = card("防晒测评")
    noise = card("晒一晒我的书桌", "放松一下，是时候收拾了")
    searched = SearchIndex(catalog_of(body, titled, noise), [], [])
    # As many notes by pinyin as by the characters, a title match first however engaged.
    assert searched.notes("fangshai") == searched.notes("防晒") == [titled, body]
    assert searched.notes("fangshaishuang") == [body]
    # Across the words of a body (敏感 + 肌), and never a single syllable or initials of one.
    assert searched.notes("minganji") == searched.notes("敏感肌") == [body]
    assert searched.notes("shai") == [titled, noise]  # titles: 晒 of 防晒, of 晒一晒
    assert searched.notes("fs") == [titled]  # 放松 (fang song) is in a body only
    assert searched.notes("shi") == []


def test_trending_topics_favour_recent_engagement() -> None:
    old = card("老笔记", topics=("旅行",), likes=500, age_days=60)
    fresh = card("新笔记", topics=("露营",), likes=50)
    searched = SearchIndex(catalog_of(old, fresh), [], [])
    assert [t.name for t in searched.trending(2)] == ["露营", "旅行"]
    assert [t.name for t in searched.topics] == ["旅行", "露营"]
    assert searched.popular == (old, fresh)


# ---- Hot searches and the per-snapshot index, on both databases ----


WORDS = comment_words(load_rules())


def counter(clock: list[float] | None = None) -> HotCounter:
    """A process's hot-search counting, on a clock the test moves when it gives one."""
    moments = clock if clock is not None else [0.0]
    window = SlidingWindow(COUNTED_PER_ADDRESS_HOUR, 3600.0, clock=lambda: moments[0])
    return HotCounter(window.wait)


def hot_texts(session: Session, index: SearchIndex, day: date) -> list[tuple[str, int]]:
    """The hot searches counted (not the topics filling the list)."""
    return [(h.text, h.count) for h in reader_search.hot(session, index, 10, day, WORDS) if h.count]


def test_hot_searches_count_once_per_reader_and_address_a_day_rank_and_fill_up(
    both_databases: sessionmaker[Session], index: SearchIndex
) -> None:
    today = date(2026, 5, 1)
    hot_counter = counter()
    readers = [(uuid.uuid4().hex, f"10.0.0.{n}") for n in range(5)]

    def record(query: str, n: int, day: date = today) -> bool:
        return hot_counter.record(session, query, *readers[n], WORDS, day)

    with both_databases() as session:
        assert all(record("防晒", n) for n in range(4))
        assert not record(" 防晒 ", 0)  # again: once
        # Another reader at an address that counted it today: once too.
        assert not hot_counter.record(session, "防晒", uuid.uuid4().hex, "10.0.0.1", WORDS, today)
        assert record("ＫＯＵＨＯＮＧ", 0) and record("kouhong", 1)
        assert record("kouhong", 2, today - timedelta(days=6))
        assert record("面霜", 2)  # one reader: not hot
        assert record("面霜", 3, today - timedelta(days=1))  # nor a second on another day
        for n in range(3):  # searched often, but more than a week ago
            assert record("去年", n, today - timedelta(days=7))
        hot = reader_search.hot(session, index, limit=5, day=today)
        stored = session.scalar(
            select(ReaderSearch.count).where(
                ReaderSearch.day == today, ReaderSearch.query == "防晒"
            )
        )
    assert stored == 4
    assert [(h.text, h.count) for h in hot[:2]] == [("防晒", 4), ("kouhong", 3)]
    # Topics fill the list, most engaged first, skipping one already there.
    assert [(h.text, h.count) for h in hot[2:]] == [("减脂餐", 0), ("敏感肌", 0), ("睡眠", 0)]


def test_one_reader_or_one_address_cannot_make_a_query_hot(
    both_databases: sessionmaker[Session], index: SearchIndex
) -> None:
    today = date(2026, 5, 1)
    hot_counter = counter()
    flooder = uuid.uuid4().hex
    with both_databases() as session:
        # One reader, every day of the week, from ever new addresses.
        for days in range(reader_search.HOT_DAYS):
            for n in range(30):
                address = f"10.1.{days}.{n}"
                day = today - timedelta(days=days)
                hot_counter.record(session, "刷榜", flooder, address, WORDS, day)
        # One address minting readers.
        for _ in range(50):
            hot_counter.record(session, "冲榜", uuid.uuid4().hex, "10.2.0.1", WORDS, today)
        # Readers without a signed id, from many addresses.
        for n in range(50):
            assert not hot_counter.record(session, "无名", None, f"10.3.0.{n}", WORDS, today)
        rows = session.execute(select(ReaderSearch.query, ReaderSearch.count)).all()
        assert hot_texts(session, index, today) == []
    assert {query for query, _ in rows} == {"刷榜", "冲榜"}
    assert {count for _, count in rows} == {1}


def test_an_address_counts_a_few_searches_an_hour(
    both_databases: sessionmaker[Session],
) -> None:
    clock = [0.0]
    hot_counter = counter(clock)
    queries = [f"口红色号{n}" for n in range(COUNTED_PER_ADDRESS_HOUR + 5)]
    with both_databases() as session:
        counted = [
            hot_counter.record(session, query, uuid.uuid4().hex, "10.4.0.1", WORDS)
            for query in queries
        ]
        assert counted == [True] * COUNTED_PER_ADDRESS_HOUR + [False] * 5
        # A refused search did not use up the reader's once: an hour later it counts.
        clock[0] = 3601.0
        assert hot_counter.record(session, queries[-1], uuid.uuid4().hex, "10.4.0.1", WORDS)
        assert hot_counter.record(session, queries[0], uuid.uuid4().hex, "10.4.0.2", WORDS)


@pytest.mark.parametrize(
    "query",
    [
        "防晒 www.spam.com",
        "http://x.cn",
        "防晒 baidu.com",
        "加v 123456",
        "13800138000",
        "vx同款",
        "哈哈哈哈哈哈",
        "😀😀😀",
        "!!!",
        "防晒" * 20,
        "代购防晒霜",
        "刷单兼职",
        "Ｑｑ群",
        "去死",
    ],
)
def test_spam_links_and_words_the_comment_rules_forbid_are_never_hot(
    both_databases: sessionmaker[Session], index: SearchIndex, query: str
) -> None:
    hot_counter = counter()
    with both_databases() as session:
        for n in range(3):
            assert not hot_counter.record(session, query, uuid.uuid4().hex, f"10.5.0.{n}", WORDS)
        assert session.scalars(select(ReaderSearch)).all() == []
        # Counted before the rules forbade it: still never shown.
        session.add(ReaderSearch(day=reader_search.today(), query="代购", count=9))
        session.commit()
        assert hot_texts(session, index, reader_search.today()) == []


def test_the_index_is_built_once_per_catalog_snapshot(
    both_databases: sessionmaker[Session],
) -> None:
    indexes = SearchIndexes()
    first, second = catalog_of(SUNSCREEN, REPAIR), catalog_of(SUNSCREEN, REPAIR, LUNCH)
    with both_databases() as session:
        built = indexes.of(first, session)
        assert indexes.of(first, session) is built
        rebuilt = indexes.of(second, session)
    assert rebuilt is not built
    assert built.notes("便当") == [] and rebuilt.notes("便当") == [LUNCH]


def test_the_warm_up_builds_the_first_index_in_the_background(
    both_databases: sessionmaker[Session],
) -> None:
    indexes = SearchIndexes()
    cache = CatalogCache(both_databases)
    reader_search.warm_up(cache, both_databases, indexes).join(timeout=60)
    catalog = cache.get()
    assert indexes.latest is not None and indexes.latest.catalog is catalog
    with both_databases() as session:
        assert indexes.of(catalog, session) is indexes.latest


def test_a_failed_warm_up_is_logged_and_leaves_the_build_to_the_first_search(
    both_databases: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    def unreachable() -> Session:
        raise ConnectionError("the database is away")

    indexes = SearchIndexes()
    reader_search.warm_up(CatalogCache(unreachable), unreachable, indexes).join(timeout=60)
    assert "warming up the reader side failed" in caplog.text
    assert indexes.latest is None
    with both_databases() as session:
        assert indexes.of(catalog_of(SUNSCREEN), session).notes("防晒") == [SUNSCREEN]


# ---- The search pages, served for real ----

world = hostile_world


def catalog(world: ReaderWorld) -> Catalog:
    with world.db() as session:
        return reader_catalog.load(session)


def search(world: ReaderWorld, reader: requests.Session | None = None, **params) -> str:
    answer = (reader or requests.Session()).get(world.url + "/search", params=params, timeout=10)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    return answer.text


def test_the_search_page_finds_notes_by_chinese_and_by_pinyin(world: ReaderWorld) -> None:
    cards = catalog(world).cards

    def mentions(c: NoteCard) -> bool:
        return any("防晒" in text for text in (c.title, c.body, c.author, *c.topic_names))

    html = search(world, q="防晒")
    assert set(TILE.findall(html)) == {str(c.id) for c in cards if mentions(c)}
    assert 'value="防晒"' in html
    assert 'class="search-tab active" href="/search?q=%E9%98%B2%E6%99%92&amp;type=notes"' in html
    assert re.search(r'class="chip" href="/topic/[0-9a-f-]{36}">#防晒</a>', html)
    by_pinyin = TILE.findall(search(world, q="fangshai"))
    assert set(by_pinyin) == set(TILE.findall(html))
    assert '/static/reader/search.js"' in html


def test_the_tabs_list_topics_people_and_products(world: ReaderWorld) -> None:
    topics = search(world, q="山茶花", type="topics")
    assert re.search(r'<a class="topic-card" href="/topic/[0-9a-f-]{36}">', topics)
    assert "<strong>山茶花护肤</strong>" in topics
    people = search(world, q="山茶花", type="users")
    assert "<strong>山茶花护肤官方</strong>" in people
    assert re.search(
        r'class="btn follow" data-follow="[0-9a-f-]{36}" data-note="" data-on="0"', people
    )
    assert '/static/reader/actions.js"' in people
    goods = search(world, q="山茶花", type="products")
    with world.db() as session:
        on_sale = session.scalars(select(Product.id).where(Product.status == "on_sale")).all()
    assert len(re.findall(r'class="goods" href="/product/', goods)) == len(on_sale) == 12
    assert '<span class="price"><small>¥</small>289</span>' in goods
    assert re.search(r'<img src="/m/[0-9a-f]{64}\?w=512" alt="山茶花修护精华液 30ml"', goods)


def test_an_empty_search_shows_hot_searches_trending_topics_and_popular_notes(
    world: ReaderWorld,
) -> None:
    html = search(world)
    assert 'class="hot-list"' in html and html.count('class="hot-item') == 10
    assert html.count('class="topic-card"') == 8
    assert len(TILE.findall(html)) == len(catalog(world).cards)
    assert 'data-more="/search/more?offset="' in html
    assert search(world, q="   ", type="nonsense").count('class="hot-item') == 10


def test_no_results_say_so_kindly_and_offer_hot_searches(world: ReaderWorld) -> None:
    html = search(world, q="量子纠缠")
    assert "没有找到相关笔记" in html and 'class="hot-list"' in html
    assert TILE.findall(html) == []
    english = search(world, q="量子纠缠", type="products", lang="en")
    assert "No products found" in english


def test_markup_and_lone_digits_find_only_what_they_say(world: ReaderWorld) -> None:
    # The words of a script query find the one title with a script, not every note with a 1.
    found = TILE.findall(search(world, q="<script>alert(1)</script>"))
    assert [c.title for c in catalog(world).cards if str(c.id) in found] == [HOSTILE_TITLE]
    for query in ("1", "<b>x</b>"):
        html = search(world, q=query)
        assert TILE.findall(html) == [] and "没有找到相关笔记" in html
        assert 'class="hot-list"' in html


@pytest.mark.parametrize("query", ["防晒" * 600, *HOSTILE[3:10]])
@pytest.mark.parametrize("kind", ["notes", "users"])
def test_hostile_queries_give_a_normal_page(world: ReaderWorld, query: str, kind: str) -> None:
    html = search(world, q=query, type=kind)
    assert "<script>alert" not in html
    assert requests.get(world.url + "/search/suggest", params={"q": query}, timeout=10).ok
    more = requests.get(world.url + "/search/more", params={"q": query, "offset": 0}, timeout=10)
    assert more.status_code == 200


def reader_at(world: ReaderWorld, address: str) -> requests.Session:
    """A reader with a signed id (which only a page hands out), at its own address."""
    reader = requests.Session()
    reader.headers["X-Forwarded-For"] = address
    assert "zc_reader" in reader.get(world.url + "/", timeout=10).cookies
    return reader


def hot_on_page(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<span class="hot-text">([^<]*)</span>\s*<span class="hot-count">(\d+)', html
    )


def test_searches_by_two_readers_become_a_hot_search_and_floods_and_spam_do_not(
    world: ReaderWorld,
) -> None:
    first, second = reader_at(world, "10.9.0.1"), reader_at(world, "10.9.0.2")
    for reader in (first, second):
        for _ in range(3):
            search(world, reader, q="测评")
        search(world, reader, q="测评", type="users")  # a tab of the same search: not again
        search(world, reader, q="测评 www.spam.com")
        search(world, reader, q="防晒 代购")  # finds notes, but holds a comment
    # A third reader at the first one's address, and visitors without a signed id.
    search(world, reader_at(world, "10.9.0.1"), q="测评")
    for n in range(3):
        anonymous = requests.Session()
        anonymous.headers["X-Forwarded-For"] = f"10.9.1.{n}"
        search(world, anonymous, q="修护")
    # One reader flooding from addresses of their own.
    for n in range(3):
        first.headers["X-Forwarded-For"] = f"10.9.2.{n}"
        search(world, first, q="修护")
    hot = hot_on_page(search(world))
    assert ("测评", "2") in hot
    assert not any(text in ("修护", "防晒 代购") or "spam" in text for text, _ in hot)
    with world.db() as session:
        counts = dict(session.execute(select(ReaderSearch.query, ReaderSearch.count)).all())
    assert counts == {"测评": 2, "修护": 1}


def test_suggestions_answer_json_with_the_cookies_owed(world: ReaderWorld) -> None:
    empty = requests.get(world.url + "/search/suggest", timeout=10)
    # A reader's id comes with pages only; the language asked for comes with any answer.
    assert empty.status_code == 200 and "zc_reader" not in empty.cookies
    assert empty.headers["content-type"] == "application/json"
    items = empty.json()["items"]
    assert items and {item["kind"] for item in items} == {"hot"}
    assert items[0]["url"].startswith("/search?q=")
    typed = requests.get(world.url + "/search/suggest", params={"q": "fangs"}, timeout=10).json()
    assert typed["items"][0]["kind"] == "topic" and typed["items"][0]["text"] == "防晒"
    assert re.fullmatch(r"\d+篇笔记", typed["items"][0]["hint"])
    english = requests.get(
        world.url + "/search/suggest", params={"q": "山茶花", "lang": "en"}, timeout=10
    )
    assert english.cookies.get("zc_lang") == "en"
    assert any(item["hint"].endswith("followers") for item in english.json()["items"])


def test_more_results_continue_where_the_page_stopped(world: ReaderWorld) -> None:
    first = TILE.findall(search(world, q="测评"))
    rest = requests.get(
        world.url + "/search/more", params={"q": "测评", "offset": 2}, timeout=10
    ).text
    assert "<html" not in rest and 'class="browse-page" data-next=' in rest
    assert TILE.findall(rest) == first[2:]
    assert 'data-end="1"' in rest
    assert requests.get(world.url + "/search/more", timeout=10).status_code == 422


def test_a_title_with_a_script_is_shown_as_text(world: ReaderWorld) -> None:
    html = search(world, q="alert")
    assert HOSTILE_TITLE not in html
    assert f'<h3 class="tile-title">{HOSTILE_TITLE_ESCAPED}</h3>' in html
    echoed = search(world, q='"><script>x</script>')
    assert 'value="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in echoed
