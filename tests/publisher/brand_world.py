"""Two brands, three creators and an MCN on one backend: the people of the brand tests.

`make_world(url)` registers them all on the backend at `url`: brand A (owner, a reviewer and
a viewer) with a storefront product, brand B, a creator whose account may link products, a
creator too small for collaborations, and an MCN whose staff member runs a managed account.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from publisher.client import StudioClient
from publisher.schemas import AccountPublic
from tests.conftest import signed_up
from tests.media_samples import write_image


def _user(url: str, name: str) -> tuple[StudioClient, str]:
    client = signed_up(url, name)
    return client, client.me().email


@dataclass
class World:
    brand: StudioClient
    brand_org: uuid.UUID
    product: uuid.UUID
    reviewer: StudioClient
    viewer: StudioClient
    rival: StudioClient
    rival_org: uuid.UUID
    creator: StudioClient
    account: AccountPublic
    small: StudioClient
    small_account: AccountPublic
    mcn_staff: StudioClient
    mcn_account: AccountPublic
    outsider: StudioClient


def make_world(url: str) -> World:
    brand, _ = _user(url, "brand")
    org = brand.create_organization(name="山野防晒", kind="brand")
    shop = brand.create_storefront(name="山野旗舰店", organization_id=org.id)
    product = brand.create_product(
        storefront_id=shop.id, name="清透防晒乳", sku="SPF50", price_fen=12900
    )
    reviewer, reviewer_email = _user(url, "reviewer")
    viewer, viewer_email = _user(url, "viewer")
    brand.set_member(org.id, email=reviewer_email, role="reviewer")
    brand.set_member(org.id, email=viewer_email, role="viewer")
    rival, _ = _user(url, "rival")
    rival_org = rival.create_organization(name="海边防晒", kind="brand")
    creator, _ = _user(url, "creator")
    account = creator.create_account(
        nickname="小鹿爱防晒", followers=12000, category="美妆", region="上海"
    )
    creator.set_can_link_products(account.id, version=account.version, allowed=True)
    small, _ = _user(url, "small")
    small_account = small.create_account(nickname="刚起步", followers=300, category="美妆")
    mcn_owner, _ = _user(url, "mcn")
    mcn = mcn_owner.create_organization(name="星河MCN", kind="mcn")
    mcn_account = mcn_owner.create_account(
        nickname="星河达人", organization_id=str(mcn.id), followers=50000, category="美妆"
    )
    mcn_staff, staff_email = _user(url, "staff")
    mcn_owner.set_member(mcn.id, email=staff_email, role="editor")
    outsider, _ = _user(url, "outsider")
    return World(
        brand,
        org.id,
        product.id,
        reviewer,
        viewer,
        rival,
        rival_org.id,
        creator,
        account,
        small,
        small_account,
        mcn_staff,
        mcn_account,
        outsider,
    )


def make_brief(world: World, **fields):
    now = datetime.now(UTC)
    defaults = {
        "title": "夏日防晒种草",
        "campaign": "2027 夏季",
        "product_ids": [world.product],
        "topics": ["防晒"],
        "key_messages": ["轻薄不油腻"],
        "fee_fen": 200000,
        "publish_from": now,
        "publish_until": now + timedelta(days=10),
        "protection_days": 60,
    }
    brief, _ = world.brand.create_brief(organization_id=world.brand_org, **(defaults | fields))
    return brief


def photo_note(client: StudioClient, collab, folder: Path, body: str):
    sha = client.upload_media(
        write_image(folder / f"{uuid.uuid4().hex}.jpg", size=(300, 400))
    ).sha256
    note = client.get_note(collab.note_id)
    note, _ = client.update_note(
        note.id, version=note.version, title="夏天就靠它", body=body, media=[{"sha256": sha}]
    )
    return note
