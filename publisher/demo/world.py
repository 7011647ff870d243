"""Who is in the demo world: its organizations, users, accounts, storefront and briefs.

Three organizations, each named with the `DEMO_PREFIX` so nobody takes them for real ones: a
creator's own workspace, an MCN with its roster of creator accounts, and a skincare brand with
a storefront and three briefs. The embedded app's local user owns all three, so the desktop
app shows everything at once; three sign-in users (one per organization, `@demo.example.com`)
show the same world from each side on a team server.

The prefix and the e-mail domain are how an existing demo is found again (`existing`) and
removed (`remove`): deleting its organizations cascades to their accounts, notes, rollups,
storefront and briefs.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from publisher.db.models import (
    Account,
    Brief,
    BriefProduct,
    Event,
    Membership,
    Note,
    Organization,
    Product,
    Storefront,
    User,
)
from publisher.demo.content import BEAUTY, FIELDS, FITNESS, FOOD, HOME, TRAVEL, Field
from publisher.demo.images import MediaMaker
from publisher.demo.scales import Scale
from publisher.domain.rules import RulesPack
from publisher.services import auth
from publisher.services.briefs import defaults

DEMO_PREFIX = "演示 · "
DEMO_DOMAIN = "demo.example.com"
EVENT_ID_PREFIX = "demo-"
"""Every demo event's id starts with it: removing a demo removes only events it made."""

_MCN_ROSTER = (
    ("糖糖爱化妆", BEAUTY),
    ("阿南的厨房", FOOD),
    ("背包客小鹿", TRAVEL),
    ("健身狂人Kevin", FITNESS),
    ("一室一厅的日常", HOME),
    ("柚子学姐护肤", BEAUTY),
    ("吃货日记本", FOOD),
    ("周末去哪儿呀", TRAVEL),
)
_MORE_NAMES = ("桃子", "橙子", "阿May", "Coco", "小满", "六六", "豆豆", "Momo", "安安", "七七")
_MORE_SUFFIX = {
    "beauty": "爱化妆",
    "food": "的厨房",
    "travel": "去旅行",
    "fitness": "在健身",
    "home": "的小家",
}
_SLIPPING = 5
"""The roster's account whose last 30 days go visibly worse (or the last one, if fewer)."""
_REGIONS = ("上海", "杭州", "成都", "北京", "广州", "深圳", "南京", "武汉")

PRODUCTS = (
    ("山茶花修护精华液 30ml", 28_900),
    ("山茶花舒缓保湿水 150ml", 14_900),
    ("山茶花修护乳液 100ml", 16_900),
    ("山茶花滋润面霜 50g", 25_900),
    ("山茶花洁面慕斯 150ml", 8_900),
    ("山茶花清透防晒乳 SPF50+", 13_900),
    ("山茶花修护面膜 5片装", 9_900),
    ("山茶花紧致眼霜 15g", 19_900),
    ("山茶花温和卸妆油 200ml", 11_900),
    ("山茶花精华油 30ml", 22_900),
    ("山茶花护手霜礼盒 3支装", 6_900),
    ("山茶花修护套装 水乳精华", 49_900),
)


@dataclass
class DemoAccount:
    account: Account
    fields: tuple[Field, ...]
    author: User
    """Who writes and publishes its notes."""
    audience: float
    """How far its notes reach, relative to the others."""
    role: str
    """creator | mcn | brand."""
    slipping: bool = False


@dataclass
class World:
    password: str
    local_user: User
    creator_user: User
    mcn_user: User
    brand_user: User
    organizations: list[Organization] = field(default_factory=list)
    accounts: list[DemoAccount] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    briefs: list[Brief] = field(default_factory=list)

    @property
    def brand_account(self) -> DemoAccount:
        return next(account for account in self.accounts if account.role == "brand")


def existing(session: Session) -> list[Organization]:
    """The organizations of a demo seeded before."""
    return list(
        session.scalars(
            select(Organization).where(Organization.name.startswith(DEMO_PREFIX, autoescape=True))
        )
    )


def remove(session: Session) -> int:
    """Delete the demo: its events, organizations (and everything they hold) and users.
    Returns how many organizations went."""
    organizations = [org.id for org in existing(session)]
    accounts = select(Account.id).where(Account.organization_id.in_(organizations))
    notes = list(session.scalars(select(Note.id).where(Note.account_id.in_(accounts))))
    # Raw events of deleted notes are kept on purpose (they happened); the demo's did not.
    demo_ids = Event.id.startswith(EVENT_ID_PREFIX, autoescape=True)
    for start in range(0, len(notes), 500):
        session.execute(
            delete(Event).where(demo_ids, Event.note_id.in_(notes[start : start + 500]))
        )
    session.execute(delete(Organization).where(Organization.id.in_(organizations)))
    session.execute(delete(User).where(User.email.endswith(f"@{DEMO_DOMAIN}", autoescape=True)))
    session.commit()
    return len(organizations)


def build(
    session: Session,
    *,
    scale: Scale,
    rng: np.random.Generator,
    media: MediaMaker,
    local_user: User,
    rules: RulesPack,
    now: datetime,
) -> World:
    """The demo's people, organizations, accounts, storefront and briefs (committed)."""
    password = f"demo-{secrets.token_urlsafe(12)}"
    creator = auth.register(
        session, email=f"creator@{DEMO_DOMAIN}", password=password, display_name="演示 · 小林"
    )
    mcn = auth.register(
        session, email=f"mcn@{DEMO_DOMAIN}", password=password, display_name="演示 · 阿杰"
    )
    brand = auth.register(
        session, email=f"brand@{DEMO_DOMAIN}", password=password, display_name="演示 · 苏苏"
    )
    world = World(password, local_user, creator, mcn, brand)
    home = session.scalars(
        select(Organization)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == creator.id)
    ).one()
    home.name = f"{DEMO_PREFIX}小林的生活号"
    studio = _organization(session, world, "星芒MCN", "mcn", mcn)
    camellia = _organization(session, world, "山茶花护肤", "brand", brand)
    world.organizations = [home, studio, camellia]
    session.add(Membership(organization_id=home.id, user_id=local_user.id, role="owner"))
    world.accounts.append(
        DemoAccount(
            _account(home, "小林的生活日记", "生活", "上海", 12_800),
            (BEAUTY, FOOD, HOME),
            creator,
            1.0,
            "creator",
        )
    )
    _roster(world, studio, scale, rng)
    brand_account = _account(camellia, "山茶花护肤官方", BEAUTY.name, "上海", 36_000)
    world.accounts.append(DemoAccount(brand_account, (BEAUTY,), brand, 1.3, "brand"))
    session.add_all(item.account for item in world.accounts)
    session.flush()
    world.products = _storefront(session, camellia, media)
    world.briefs = _briefs(session, world, camellia, rules, now)
    session.commit()
    return world


def _organization(
    session: Session, world: World, name: str, kind: str, owner: User
) -> Organization:
    org = Organization(name=f"{DEMO_PREFIX}{name}", kind=kind)
    session.add(org)
    session.flush()
    for user in (owner, world.local_user):
        session.add(Membership(organization_id=org.id, user_id=user.id, role="owner"))
    return org


def _account(
    org: Organization, nickname: str, category: str, region: str, followers: int
) -> Account:
    """An account with its follower count before the demo's 90 days; the follows the demo's
    events bring are added once they are counted."""
    return Account(
        organization_id=org.id,
        nickname=nickname,
        category=category,
        region=region,
        followers=followers,
        can_link_products=True,
    )


def _roster(world: World, studio: Organization, scale: Scale, rng: np.random.Generator) -> None:
    fields = list(FIELDS.values())
    slipping = min(_SLIPPING, scale.mcn_accounts - 1)
    for index in range(scale.mcn_accounts):
        if index < len(_MCN_ROSTER):
            nickname, topic = _MCN_ROSTER[index]
        else:
            extra = index - len(_MCN_ROSTER)
            topic = fields[extra % len(fields)]
            name = _MORE_NAMES[(extra // len(fields)) % len(_MORE_NAMES)]
            round_ = extra // (len(fields) * len(_MORE_NAMES))
            nickname = f"{name}{_MORE_SUFFIX[topic.key]}" + (f"{round_ + 1}" if round_ else "")
        followers = int(np.clip(rng.lognormal(9.7, 0.8), 2_000, 400_000))
        region = _REGIONS[int(rng.integers(len(_REGIONS)))]
        world.accounts.append(
            DemoAccount(
                _account(studio, nickname, topic.name, region, followers),
                (topic,),
                world.mcn_user,
                (followers / 16_000) ** 0.6,
                "mcn",
                slipping=index == slipping,
            )
        )


def _storefront(session: Session, brand: Organization, media: MediaMaker) -> list[Product]:
    shop = Storefront(
        organization_id=brand.id,
        name="山茶花护肤旗舰店",
        introduction="温和修护，源自山茶花。（演示数据）",
        logo_sha256=media.logo("山茶花"),
    )
    session.add(shop)
    session.flush()
    products = []
    for index, (name, price) in enumerate(PRODUCTS):
        image = media.product(name, price, index)
        products.append(
            Product(
                storefront_id=shop.id,
                name=name,
                sku=f"DEMO-SCH-{index + 1:03d}",
                price_fen=price,
                stock=int(200 + 37 * index),
                image_sha256=image,
                images=[image],
            )
        )
    session.add_all(products)
    session.flush()
    return products


@dataclass(frozen=True)
class _BriefPlan:
    campaign: str
    title: str
    mode: str
    status: str
    description: str
    products: tuple[int, ...]
    fee_fen: int
    followers_min: int
    window: tuple[int, int]
    """Publishing window in days from now."""
    key_messages: tuple[str, ...]


_BRIEFS = (
    _BriefPlan(
        "秋冬修护季",
        "山茶花修护精华·秋冬种草",
        "custom",
        "open",
        "分享换季时用山茶花修护精华稳住皮肤的真实体验，图文笔记，3张图以上。",
        (0, 11),
        120_000,
        5_000,
        (-40, 20),
        ("28天修护屏障", "温和不刺激，敏感肌可用"),
    ),
    _BriefPlan(
        "新品防晒",
        "清透防晒乳体验官招募",
        "recruitment",
        "open",
        "招募通勤党、户外党试用新品清透防晒乳，欢迎报价申请。",
        (5,),
        60_000,
        1_000,
        (-25, 25),
        ("清爽不闷痘", "SPF50+ PA++++"),
    ),
    _BriefPlan(
        "双11囤货",
        "双11囤货清单合作",
        "custom",
        "closed",
        "双11前发布囤货清单笔记，带上面霜、面膜和修护套装。",
        (3, 6, 11),
        80_000,
        3_000,
        (-88, -62),
        ("囤货清单", "大促到手价"),
    ),
)


def _briefs(
    session: Session, world: World, brand: Organization, rules: RulesPack, now: datetime
) -> list[Brief]:
    forbidden = defaults(rules).forbidden_words
    briefs = []
    for plan in _BRIEFS:
        start, end = (now + timedelta(days=day) for day in plan.window)
        brief = Brief(
            organization_id=brand.id,
            created_by=world.brand_user.id,
            status=plan.status,
            mode=plan.mode,
            campaign=plan.campaign,
            title=plan.title,
            description=plan.description,
            topics=["山茶花护肤", "秋冬护肤"],
            key_messages=list(plan.key_messages),
            forbidden_words=forbidden,
            dos=["真实使用感受", "拍出质地和使用前后"],
            donts=["不要和其他品牌对比"],
            fee_fen=plan.fee_fen,
            category=BEAUTY.name,
            followers_min=plan.followers_min,
            apply_by=start + timedelta(days=7),
            publish_from=start,
            publish_until=end,
            protection_days=60,
            product_links=[
                BriefProduct(product_id=world.products[index].id, position=position)
                for position, index in enumerate(plan.products)
            ],
        )
        briefs.append(brief)
    session.add_all(briefs)
    session.flush()
    return briefs
