"""Search on the reader pages — notes, topics, accounts and products by Chinese words and
pinyin, ranked by relevance and engagement — and the hot searches.

**Matching.** A query is cleaned (NFKC, case-folded, control and format characters dropped,
at most `MAX_QUERY` characters), rid of markup (`<script>`, `&amp;`) and cut into terms: words
by jieba's precise mode (runs of single characters glued back, so 穿搭 stays one term), letters
and digits as they are. A term matches a field of a document

- as a word of it (jieba's search mode, which also yields the shorter words inside long ones:
  防晒霜 → 防晒, 防晒霜), in full, or as a substring of its text a little less;
- through a shorter word inside it (山茶花 → 茶花), half;
- when it is Latin letters, as the full pinyin of a run of the field's characters
  ("fangshai" → 防晒) or their initials ("fs" → 防晒), for titles, names and topics; in a
  body, as the full pinyin of whole words, one or a few in a row ("minganji" → 敏感 肌), of
  two syllables or more (one, or initials, would match most long texts).

A number matches only as a whole word ("618" is in 618大促, not in a phone number). A single
letter or digit does too ("1" is in 第1天, not in 10公里), and only among the documents the
query's other terms match: alone it says too little to rank a catalog by, so a query of
nothing but single letters, digits and markup matches nothing.

**Scoring.** A term scores, in each document, the sum over fields of field weight × match
quality (title or name 3, topics 2, author 1.5, body 1), times its rarity (`log(1 + N/df)`).
Documents that match more of the query's terms come first; within as many terms matched, the
relevance is multiplied by `1 + ENGAGEMENT_BLEND × engagement`, the note's interactions and
views on a log scale relative to the catalog's most engaged note (0…1). Of two equally
relevant notes the more engaged one comes first, while a title match still outranks a body
match of the most engaged note.

**Speed.** An index is built per catalog snapshot (`SearchIndexes`): every field of every
document is one long string searched with `str.find` and one compiled pattern per Latin term,
so a search is a few C-level scans, milliseconds for thousands of notes. Cutting and pinyin
are the costly part of a build; they are remembered per text from one snapshot to the next,
so a new snapshot only analyses what changed. The first build (and jieba's dictionary) is
done when the server starts (`warm_up`); while a newer snapshot is indexed, searches use the
previous index, and a search that had to wait for the first takes it rather than building
its own.

**Hot searches.** A search that found something counts (`HotCounter`, into a `ReaderSearch`
row per day and query) only when it reads like a search (short, a letter, no contact numbers
or repeated characters) and would not be held as a comment (a link, a word of the rules
pack's `comments` group), and only for a known reader: one with a signed id, which a script
cannot make up. Each reader and each network address counts once per query and day, and an
address at most `COUNTED_PER_ADDRESS_HOUR` searches an hour, so a day's count is of distinct
readers at distinct addresses (readers behind one address count as one for a query). A
query is hot when, on a day of the last `HOT_DAYS`, at least `HOT_MIN_READERS` counted it;
the hot ones are ranked by their count over those days and topped up with the most engaged
topics. "Once" is remembered by the process serving the search (a best effort: with several
workers a reader may count once per worker).
"""

from __future__ import annotations

import logging
import math
import re
import threading
import unicodedata
import uuid
from bisect import bisect_right
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from publisher.db import dialects
from publisher.db.models import Account, Product, ReaderSearch, Storefront
from publisher.domain.comment_moderation import VISIBLE, moderate
from publisher.domain.timezones import zone
from publisher.services import keywords
from publisher.services.reader_actions import is_public_account
from publisher.services.reader_catalog import Catalog, CatalogCache, NoteCard

log = logging.getLogger(__name__)

MAX_QUERY = 64
"""Characters of a query kept (the hot searches' column holds as many)."""
MAX_TERMS = 8
ENGAGEMENT_BLEND = 0.6
"""How much the most engaged note gains over an unengaged one of the same relevance."""
TITLE, TOPICS, AUTHOR, BODY = 3.0, 2.0, 1.5, 1.0
WORD, SUBSTRING, PART, PINYIN, INITIALS = 1.0, 0.8, 0.5, 0.85, 0.6
"""Match qualities: a whole word, inside a word, a shorter word of the term, the term's full
pinyin, its initials."""
TREND_HALF_LIFE_DAYS = 7.0
HOT_DAYS = 7
HOT_MIN_READERS = 2
"""Readers (at as many addresses) who searched a query on one day before it is hot."""
HOT_MAX_CHARS = 30
"""Longer queries are sentences, not hot searches."""
COUNTED_PER_ADDRESS_HOUR = 20
"""Searches one network address may add to the hot searches in an hour: far more different
queries than a person types, far fewer than a script pushing its own."""
SEEN_PER_PROCESS = 100_000
"""How many (reader or address, query, day) a process remembers so repeats count once."""

_DROPPED = {"Cc", "Cf", "Cs", "Co", "Cn"}
_SPACES = re.compile(r"\s+")
_CHUNKS = re.compile(r"[^\W_]+")
_LATIN = re.compile(r"^[a-z]+$")
_MARKUP = re.compile(r"</?[a-z][^<>]*>|&#?[a-z0-9]+;")
_NOT_PINYIN = re.compile(r"[^a-z]")
_STOPWORDS = frozenset(
    "的 了 和 与 及 是 在 我 你 也 很 都 就 吗 呢 啊 吧 a an the of and or to".split()
)
_CONTACT = re.compile(r"\d{6,}|加v|加微|vx|v信|微信号|wx号|qq号|扣扣|telegram|whatsapp")
_REPEATED = re.compile(r"(.)\1{4,}")


def clean(query: str) -> str:
    """The query as shown back: `tidy`, at most `MAX_QUERY` characters."""
    return tidy(query[: MAX_QUERY * 4])[:MAX_QUERY].strip()


def normalise(query: str) -> str:
    """The query as searched and counted: `clean`, case-folded."""
    return clean(clean(query).casefold())


def tidy(text: str) -> str:
    """NFKC, no control or format characters (zero-width spaces, direction overrides, NUL),
    runs of white space as one space."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if ch.isspace() else ch for ch in text if _kept(ch))
    return _SPACES.sub(" ", text).strip()


def _kept(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) not in _DROPPED


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a query: its text, the shorter words inside it, whether it may be pinyin,
    whether it matches only as a whole word (a number), and whether it only adds to documents
    other terms match (a single letter or digit)."""

    text: str
    parts: tuple[str, ...] = ()
    latin: bool = False
    whole: bool = False
    narrow: bool = False


def terms(query: str) -> list[Term]:
    """The terms of a normalised query, at most `MAX_TERMS`, stopwords dropped when others
    remain; none when every term is a single letter or digit."""
    found: list[str] = []
    for chunk in _CHUNKS.findall(_MARKUP.sub(" ", query)):
        if chunk.isascii():
            found.append(chunk)
            continue
        run = ""
        for word in keywords.words(chunk):
            if len(word) == 1 and not word.isascii() and word not in _STOPWORDS:
                run += word
                continue
            found.extend(filter(None, (run, word)))
            run = ""
        found.extend(filter(None, (run,)))
    words = list(dict.fromkeys(word for word in found if word.strip()))
    meaningful = [word for word in words if word not in _STOPWORDS] or words
    if all(len(word) == 1 and word.isascii() for word in meaningful):
        return []
    return [_term(word) for word in meaningful[:MAX_TERMS]]


def _term(word: str) -> Term:
    parts = (
        tuple(part for part in _cut_for_search(word) if part != word and len(part) > 1)
        if len(word) > 2 and not word.isascii()
        else ()
    )
    short = len(word) == 1 and word.isascii()
    latin = bool(_LATIN.match(word)) and not short
    return Term(word, parts, latin, whole=short or word.isdecimal(), narrow=short)


def _cut_for_search(text: str) -> list[str]:
    """Words of `text` by jieba's search mode: every word and the shorter words inside long
    ones. jieba is loaded once per process, lazily and under a lock, by `keywords`."""
    keywords.words("")
    import jieba

    return [word for word in jieba.lcut_for_search(text) if word.strip()]


@dataclass(frozen=True, slots=True)
class _Text:
    """One piece of a document's text, prepared for matching."""

    text: str
    words: frozenset[str]
    pinyin: str
    """Each syllable after an apostrophe, other text as one space: "'fang'shai 'shuang"; by
    words, each word after a bar too: "|'fang'shai'shuang| |'fang'shai|" (see `_analyse`)."""
    initials: str
    """A letter per Chinese character, other text as one space: "fs s"; empty by words."""


_BAR = "|"
"""Where a word starts or ends, in the pinyin of a text by words."""


def _analyse(text: str, by_words: bool) -> _Text:
    """`text` cut into words, with the pinyin and initials of the whole text; or, `by_words`
    (for a body, where a syllable or two would match anywhere), the pinyin of its words in
    order, each between bars, then that of the shorter words inside them (防晒 of 防晒霜), each
    apart, and no initials."""
    text = tidy(tidy(text).casefold())
    words = frozenset(_cut_for_search(text))
    from pypinyin import Style, lazy_pinyin

    def other(chars: str) -> str:
        return _BAR if chars == _BAR else " "

    def spelt(source: str | list[str]) -> str:
        syllables = lazy_pinyin(source, errors=other)
        return "".join(s if s in (" ", _BAR) else "'" + _NOT_PINYIN.sub("", s) for s in syllables)

    if by_words:
        in_order = keywords.words(text)
        inside = sorted(words.difference(in_order))
        pieces = [_BAR, *(p for word in in_order for p in (word, _BAR))]
        pieces += [p for word in inside for p in (" ", _BAR, word, _BAR)]
        return _Text(text, words, spelt(pieces), "")
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=other)
    initials = "".join(" " if s == " " else _NOT_PINYIN.sub("", s)[:1] for s in letters)
    return _Text(text, words, spelt(text), initials)


class _Texts:
    """Analysed texts remembered from one build to the next (only those still in use)."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, bool], _Text] = {}
        self._used: dict[tuple[str, bool], _Text] = {}

    def __call__(self, text: str, by_words: bool = False) -> _Text:
        key = (text, by_words)
        found = self._used.get(key) or self._known.get(key) or _analyse(text, by_words)
        self._used[key] = found
        return found

    def forget_unused(self) -> None:
        self._known, self._used = self._used, {}


def _joined(texts: Iterable[str]) -> tuple[str, list[int]]:
    """The texts as one string, each followed by NUL, and where each starts."""
    starts, offset, parts = [], 0, []
    for text in texts:
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 1
    return "\0".join(parts) + "\0", starts


class _Field:
    """One field (the titles, the bodies …) of every document of a corpus. With `by_words`
    (texts analysed so), pinyin matches whole words (a prefix: from a word's start) of two
    syllables or more, and initials nothing."""

    def __init__(self, texts: Sequence[_Text], weight: float, *, by_words: bool = False) -> None:
        self.weight = weight
        self.words = [text.words for text in texts]
        self.text, self.starts = _joined(text.text for text in texts)
        self.pinyin = _joined(text.pinyin for text in texts)
        self.initials = None if by_words else _joined(text.initials for text in texts)
        self.by_words = by_words

    def quality(self, term: Term, *, prefix: bool = False) -> dict[int, float]:
        """Document → how well `term` matches this field of it (0 … about 1.3)."""
        found: dict[int, float] = {}
        for doc, count in _occurrences(self.text, self.starts, term.text).items():
            if term.text in self.words[doc]:
                found[doc] = WORD * (1.0 + 0.15 * math.log(count))
            elif not term.whole:
                found[doc] = SUBSTRING * (1.0 + 0.15 * math.log(count))
        for part in term.parts:
            for doc in _occurrences(self.text, self.starts, part):
                found[doc] = max(found.get(doc, 0.0), PART)
        if term.latin:
            if self.by_words:
                pattern = r"\|'" + r"(?:\|?')?".join(term.text) + ("" if prefix else r"(?=\|)")
            else:
                pattern = "'" + "'?".join(term.text) + ("" if prefix else r"(?=['\s\0])")
            pinyin_text, pinyin_starts = self.pinyin
            for match in re.finditer(pattern, pinyin_text):
                if self.by_words and match.group().count("'") < 2:
                    continue  # 是, 时, 事 … one syllable of a body says nothing
                doc = bisect_right(pinyin_starts, match.start()) - 1
                found[doc] = max(found.get(doc, 0.0), PINYIN)
            for doc in _occurrences(*self.initials or ("", []), term.text):
                found[doc] = max(found.get(doc, 0.0), INITIALS)
        return found


def _occurrences(text: str, starts: list[int], needle: str) -> Counter[int]:
    """How often `needle` occurs in each document of a joined field."""
    counts: Counter[int] = Counter()
    at = text.find(needle)
    while at >= 0:
        counts[bisect_right(starts, at) - 1] += 1
        at = text.find(needle, at + len(needle))
    return counts


class _Corpus:
    """Documents of one kind with weighted fields, searched by terms."""

    def __init__(self, size: int, fields: Sequence[_Field], engagement: Sequence[float]) -> None:
        self.size = size
        self.fields = fields
        self.engagement = engagement

    def search(self, query_terms: Sequence[Term], *, prefix: bool = False) -> list[int]:
        """Matching documents, best first: most terms matched, then relevance × engagement."""
        matched: Counter[int] = Counter()
        relevance: defaultdict[int, float] = defaultdict(float)
        for term in sorted(query_terms, key=lambda term: term.narrow):
            scores: defaultdict[int, float] = defaultdict(float)
            for field in self.fields:
                for doc, quality in field.quality(term, prefix=prefix).items():
                    if matched[doc] or not term.narrow:
                        scores[doc] += field.weight * quality
            rarity = math.log(1.0 + self.size / len(scores)) if scores else 0.0
            for doc, score in scores.items():
                matched[doc] += 1
                relevance[doc] += score * rarity
        blended = {
            doc: score * (1.0 + ENGAGEMENT_BLEND * self.engagement[doc])
            for doc, score in relevance.items()
        }
        return sorted(blended, key=lambda doc: (-matched[doc], -blended[doc], doc))


def engagement(card: NoteCard) -> float:
    """A note's engagement as a volume: interactions (collects, comments and shares count
    double, as they cost the reader more) and a twentieth of its views."""
    return card.likes + 2 * (card.collects + card.comments + card.shares) + card.views / 20


def _scaled(volumes: Sequence[float]) -> list[float]:
    """Volumes on a log scale, 1.0 for the largest."""
    top = math.log1p(max(volumes, default=0.0)) or 1.0
    return [math.log1p(max(0.0, volume)) / top for volume in volumes]


@dataclass(frozen=True)
class TopicEntry:
    id: uuid.UUID
    name: str
    notes: int
    views: int
    engagement: float


@dataclass(frozen=True)
class AccountEntry:
    id: uuid.UUID
    nickname: str
    category: str
    region: str
    followers: int
    organization_id: uuid.UUID
    notes: int


@dataclass(frozen=True)
class ProductEntry:
    id: uuid.UUID
    name: str
    price_fen: int
    currency: str
    stock: int
    image_sha256: str | None
    on_sale: bool
    storefront_id: uuid.UUID
    storefront_name: str


def public_accounts(
    session: Session, catalog: Catalog, organization_id: uuid.UUID | None = None
) -> list[AccountEntry]:
    """Accounts a reader may open (of one organization, or all): `is_public_account`."""
    statement = select(Account).where(is_public_account()).order_by(Account.created_at, Account.id)
    if organization_id is not None:
        statement = statement.where(Account.organization_id == organization_id)
    return [_account_entry(account, catalog) for account in session.scalars(statement)]


def public_account(
    session: Session, catalog: Catalog, account_id: uuid.UUID
) -> AccountEntry | None:
    """The account when a reader may open its page (`is_public_account`), else None."""
    account = session.scalar(select(Account).where(Account.id == account_id, is_public_account()))
    return None if account is None else _account_entry(account, catalog)


def _account_entry(account: Account, catalog: Catalog) -> AccountEntry:
    return AccountEntry(
        id=account.id,
        nickname=account.nickname,
        category=account.category,
        region=account.region,
        followers=account.followers,
        organization_id=account.organization_id,
        notes=len(catalog.by_account.get(account.id, ())),
    )


def storefront_of(session: Session, account: Account | AccountEntry) -> Storefront | None:
    """The shop of the account's organization (its first, when it keeps several)."""
    return session.scalars(
        select(Storefront)
        .where(Storefront.organization_id == account.organization_id)
        .order_by(Storefront.created_at, Storefront.id)
        .limit(1)
    ).first()


def products(session: Session, storefront_id: uuid.UUID | None = None) -> list[ProductEntry]:
    """Products readers may see (those on sale first), of one storefront or all."""
    statement = select(Product).order_by(
        Product.status != "on_sale", Product.created_at, Product.id
    )
    if storefront_id is not None:
        statement = statement.where(Product.storefront_id == storefront_id)
    return [
        ProductEntry(
            id=product.id,
            name=product.name,
            price_fen=product.price_fen,
            currency=product.currency,
            stock=product.stock,
            image_sha256=product.image_sha256,
            on_sale=product.status == "on_sale",
            storefront_id=product.storefront_id,
            storefront_name=product.storefront.name,
        )
        for product in session.scalars(statement)
    ]


@dataclass(frozen=True)
class Suggestion:
    """A line of the search box's dropdown."""

    text: str
    kind: str
    """hot | topic | user | product"""
    url: str
    number: int = 0
    """Notes of a topic, followers of an account, searches of a hot query."""


class SearchIndex:
    """One catalog snapshot (and the accounts and products of its time), ready to search."""

    def __init__(
        self,
        catalog: Catalog,
        accounts: Sequence[AccountEntry],
        items: Sequence[ProductEntry],
        texts: Callable[..., _Text] | None = None,
    ) -> None:
        analyse = texts or _Texts()
        cards = catalog.cards
        self.catalog = catalog
        self.cards = cards
        note_engagement = [engagement(card) for card in cards]
        self.notes_corpus = _Corpus(
            len(cards),
            [
                _Field([analyse(card.title) for card in cards], TITLE),
                _Field([analyse(" ".join(card.topic_names)) for card in cards], TOPICS),
                _Field([analyse(card.author) for card in cards], AUTHOR),
                _Field([analyse(card.body, True) for card in cards], BODY, by_words=True),
            ],
            _scaled(note_engagement),
        )
        self.topics = self._topic_entries(catalog, note_engagement)
        self.topics_corpus = _Corpus(
            len(self.topics),
            [_Field([analyse(topic.name) for topic in self.topics], TITLE)],
            _scaled([topic.engagement for topic in self.topics]),
        )
        self.accounts = tuple(accounts)
        self.accounts_corpus = _Corpus(
            len(self.accounts),
            [
                _Field([analyse(a.nickname) for a in self.accounts], TITLE),
                _Field([analyse(a.category) for a in self.accounts], BODY),
            ],
            _scaled([account.followers for account in self.accounts]),
        )
        self.products = tuple(items)
        featured = Counter(product for card in cards for product in card.product_ids)
        self.products_corpus = _Corpus(
            len(self.products),
            [
                _Field([analyse(p.name) for p in self.products], TITLE),
                _Field([analyse(p.storefront_name) for p in self.products], AUTHOR),
            ],
            _scaled([featured[product.id] for product in self.products]),
        )
        self._trending = self._trend(catalog, note_engagement)
        ranked = sorted(range(len(cards)), key=lambda i: (-note_engagement[i], i))
        self.popular = tuple(cards[i] for i in ranked)
        """Every note, the most engaged first: what an empty search shows."""

    @staticmethod
    def _topic_entries(catalog: Catalog, note_engagement: Sequence[float]) -> list[TopicEntry]:
        position = {card.id: i for i, card in enumerate(catalog.cards)}
        entries = [
            TopicEntry(
                id=topic_id,
                name=name,
                notes=len(catalog.by_topic.get(topic_id, ())),
                views=sum(card.views for card in catalog.by_topic.get(topic_id, ())),
                engagement=sum(
                    note_engagement[position[card.id]]
                    for card in catalog.by_topic.get(topic_id, ())
                ),
            )
            for topic_id, name in catalog.topic_names.items()
            if catalog.by_topic.get(topic_id)
        ]
        return sorted(entries, key=lambda topic: (-topic.engagement, topic.name))

    def _trend(self, catalog: Catalog, note_engagement: Sequence[float]) -> list[TopicEntry]:
        """Topics by the engagement of their notes, each halved every `TREND_HALF_LIFE_DAYS`
        before the newest note (so trending means lately, whatever today's date)."""
        if not catalog.cards:
            return []
        newest = max(card.published_at for card in catalog.cards)
        heat: Counter[uuid.UUID] = Counter()
        for card, volume in zip(catalog.cards, note_engagement, strict=True):
            age = (newest - card.published_at).total_seconds() / 86400
            for topic_id in set(card.topic_ids):
                heat[topic_id] += (1 + volume) * 0.5 ** (age / TREND_HALF_LIFE_DAYS)
        return sorted(self.topics, key=lambda topic: (-heat[topic.id], topic.name))

    def notes(self, query: str) -> list[NoteCard]:
        return [self.cards[i] for i in self.notes_corpus.search(terms(normalise(query)))]

    def topics_for(self, query: str) -> list[TopicEntry]:
        return [self.topics[i] for i in self.topics_corpus.search(terms(normalise(query)))]

    def accounts_for(self, query: str) -> list[AccountEntry]:
        return [self.accounts[i] for i in self.accounts_corpus.search(terms(normalise(query)))]

    def products_for(self, query: str) -> list[ProductEntry]:
        found = [self.products[i] for i in self.products_corpus.search(terms(normalise(query)))]
        return sorted(found, key=lambda product: not product.on_sale)

    def trending(self, limit: int) -> list[TopicEntry]:
        return self._trending[:limit]

    def suggest(self, query: str, limit: int = 8) -> list[Suggestion]:
        """Completions of what is being typed (the last term may be a prefix, in pinyin too):
        topics first, then accounts and products."""
        query_terms = terms(normalise(query))
        if not query_terms:
            return []
        found = [
            Suggestion(topic.name, "topic", f"/topic/{topic.id}", topic.notes)
            for topic in (
                self.topics[i] for i in self.topics_corpus.search(query_terms, prefix=True)
            )
        ][: limit // 2 + 1]
        found += [
            Suggestion(account.nickname, "user", f"/user/{account.id}", account.followers)
            for account in (
                self.accounts[i] for i in self.accounts_corpus.search(query_terms, prefix=True)
            )
        ][:2]
        found += [
            Suggestion(product.name, "product", f"/product/{product.id}")
            for product in (
                self.products[i] for i in self.products_corpus.search(query_terms, prefix=True)
            )
            if product.on_sale
        ][:2]
        return found[:limit]


class SearchIndexes:
    """The search index of the newest catalog snapshot: built by one thread when the snapshot
    changes while the others keep searching the previous one. Only the very first build is
    waited for, and a search that waited takes whatever index it finds built (the warm-up's,
    of an older snapshot perhaps) rather than starting another build of its own."""

    def __init__(self) -> None:
        self._last: tuple[Catalog, SearchIndex] | None = None
        self._lock = threading.Lock()
        self._texts = _Texts()

    @property
    def latest(self) -> SearchIndex | None:
        """The newest index built, if any."""
        last = self._last
        return None if last is None else last[1]

    def of(self, catalog: Catalog, session: Session) -> SearchIndex:
        last = self._last
        if last is not None and last[0] is catalog:
            return last[1]
        if not self._lock.acquire(blocking=last is None):
            assert last is not None
            return last[1]
        try:
            built = self._last
            if built is not None and (built[0] is catalog or last is None):
                return built[1]
            index = SearchIndex(
                catalog, public_accounts(session, catalog), products(session), self._texts
            )
            self._texts.forget_unused()
            self._last = (catalog, index)
            return index
        finally:
            self._lock.release()


INDEXES = SearchIndexes()


def warm_up(
    catalogs: CatalogCache, sessions: Callable[[], Session], indexes: SearchIndexes = INDEXES
) -> threading.Thread:
    """Prepare on a daemon thread what the first reader would otherwise wait for: jieba's
    dictionary and pypinyin's, the catalog snapshot and its search index (seconds, and more
    for a large catalog). Returns at once; a failure is logged, and the first search then
    builds the index itself."""

    def warm() -> None:
        try:
            _analyse("预热", by_words=False)
            with sessions() as session:
                indexes.of(catalogs.get(), session)
        except Exception:
            log.warning("warming up the reader side failed", exc_info=True)

    thread = threading.Thread(target=warm, name="reader-warm-up", daemon=True)
    thread.start()
    return thread


Words = tuple[Sequence[str], Sequence[str]]
"""Forbidden words and their exemptions, as `comment_words` gives the rules pack's."""
NO_WORDS: Words = ((), ())


def countable(query: str, words: Words = NO_WORDS) -> bool:
    """Whether a normalised query may count towards the hot searches: short, with a letter
    or a Chinese character, no contact numbers or repeated characters, and nothing that would
    hold a comment (a link, a forbidden word)."""
    return (
        0 < len(query) <= HOT_MAX_CHARS
        and any(unicodedata.category(ch).startswith("L") for ch in query)
        and not _CONTACT.search(query)
        and not _REPEATED.search(query)
        and moderate(query, *words).status == VISIBLE
    )


class _Seen:
    """Keys counted lately in this process, the oldest forgotten first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._keys: OrderedDict[Hashable, None] = OrderedDict()
        self._lock = threading.Lock()

    def first(self, *keys: Hashable) -> bool:
        """Whether none of `keys` was seen; if so, they all are now."""
        with self._lock:
            if any(key in self._keys for key in keys):
                return False
            self._keys.update(dict.fromkeys(keys))
            while len(self._keys) > self._size:
                self._keys.popitem(last=False)
            return True

    def forget(self, *keys: Hashable) -> None:
        with self._lock:
            for key in keys:
                self._keys.pop(key, None)


def today() -> date:
    """The day in platform time (Beijing), which the hot searches count by."""
    return datetime.now(UTC).astimezone(zone(None)).date()


class HotCounter:
    """Which searches count towards the hot searches (see the module's notes), remembered by
    one process.

    Args:
        per_address: how long an address must wait before its next counted search; 0 when it
            may count one now, which it then takes (`rate_limits.SlidingWindow.wait`).
    """

    def __init__(self, per_address: Callable[[str], float]) -> None:
        self._per_address = per_address
        self._seen = _Seen(SEEN_PER_PROCESS)

    def record(
        self,
        session: Session,
        query: str,
        reader_id: str | None,
        address: str,
        words: Words = NO_WORDS,
        day: date | None = None,
    ) -> bool:
        """Count a search that found something, and commit; False when it does not count: no
        known reader (`reader_id` None), not `countable`, counted today for this reader or
        address already, or the address has counted its share of the hour."""
        text = normalise(query)
        day = day or today()
        if reader_id is None or not countable(text, words):
            return False
        keys = (("reader", reader_id, text, day), ("address", address, text, day))
        if not self._seen.first(*keys):
            return False
        if self._per_address(address):
            self._seen.forget(*keys)
            return False
        statement = dialects.insert(session, ReaderSearch).values(day=day, query=text, count=1)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["day", "query"], set_={"count": ReaderSearch.count + 1}
            )
        )
        session.commit()
        return True


@dataclass(frozen=True)
class HotSearch:
    text: str
    count: int
    """Searches in the last `HOT_DAYS` days; 0 for a topic filling the list."""


def hot(
    session: Session,
    index: SearchIndex,
    limit: int = 10,
    day: date | None = None,
    words: Words = NO_WORDS,
) -> list[HotSearch]:
    """The most searched queries of the last `HOT_DAYS` days that `HOT_MIN_READERS` readers
    searched on one day, then the most engaged topics. Queries the rules (`words`) forbid
    since they were counted are left out."""
    since = (day or today()) - timedelta(days=HOT_DAYS - 1)
    total = func.sum(ReaderSearch.count)
    rows = session.execute(
        select(ReaderSearch.query, total)
        .where(ReaderSearch.day >= since)
        .group_by(ReaderSearch.query)
        .having(func.max(ReaderSearch.count) >= HOT_MIN_READERS)
        .order_by(total.desc(), ReaderSearch.query)
        .limit(limit * 2)
    ).all()
    found = [HotSearch(text, int(count)) for text, count in rows if countable(text, words)][:limit]
    taken = {entry.text for entry in found}
    for topic in index.topics:
        if len(found) >= limit:
            break
        if normalise(topic.name) not in taken:
            found.append(HotSearch(topic.name, 0))
            taken.add(normalise(topic.name))
    return found
