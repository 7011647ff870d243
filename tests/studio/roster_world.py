"""An MCN's accounts on a running studio's backend, for the roster and switcher tests (and the
screenshots of them): accounts of an MCN with Chinese names, fields and regions, each with
drafts, and some with a published and a scheduled note."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from publisher.client import StudioClient
from publisher.schemas import AccountPublic, NoteMediaIn
from tests.media_samples import write_image

NAMES = (
    ("小鹿日记", "美食", "上海"),
    ("阿楠的衣橱", "穿搭", "杭州"),
    ("周末去露营", "户外", "成都"),
    ("一只猫的日常", "萌宠", "北京"),
    ("咖啡地图", "美食", "广州"),
    ("学姐的书桌", "学习", "南京"),
    ("小林护肤笔记", "美妆", "深圳"),
    ("老王爱钓鱼", "户外", "武汉"),
    ("烘焙实验室", "美食", "苏州"),
    ("城市骑行指南", "运动", "厦门"),
    ("极简收纳术", "家居", "上海"),
    ("旅行的意义", "旅行", "重庆"),
    ("健身女孩Mia", "运动", "北京"),
    ("宝妈育儿经", "母婴", "长沙"),
    ("数码测评君", "数码", "深圳"),
    ("花艺小课堂", "家居", "昆明"),
    ("古风妆造师", "美妆", "西安"),
    ("一人食食堂", "美食", "天津"),
    ("租房改造记", "家居", "杭州"),
    ("山野徒步队", "户外", "大理"),
)


@dataclass
class Seeded:
    accounts: list[AccountPublic]
    drafts: dict[uuid.UUID, int]
    published: set[uuid.UUID]
    scheduled: dict[uuid.UUID, str]
    """The title of each account's scheduled note."""


def seed_mcn(client: StudioClient, folder: Path, count: int, *, busy: int = 3) -> Seeded:
    """`count` accounts of a new MCN; account i has i % 3 drafts; the first `busy` accounts
    also have a note published now and one scheduled for tomorrow."""
    mcn = client.create_organization(name="星河MCN", kind="mcn")
    seeded = Seeded([], {}, set(), {})
    photo = write_image(folder / f"{uuid.uuid4().hex}.jpg", size=(300, 400))
    sha = client.upload_media(photo).sha256
    for index in range(count):
        nickname, field, region = NAMES[index % len(NAMES)]
        account = client.create_account(
            nickname=nickname if index < len(NAMES) else f"{nickname}{index}",
            organization_id=str(mcn.id),
            followers=1200 * (index + 1) ** 2,
            category=field,
            region=region,
        )
        seeded.accounts.append(account)
        seeded.drafts[account.id] = index % 3
        for draft in range(index % 3):
            client.create_note(account_id=account.id, title=f"{nickname}的草稿{draft + 1}")
        if index < busy:
            _publish(client, account, sha, f"{nickname}·本周")
            title = f"{nickname}·明天见"
            _schedule(client, account, sha, title)
            seeded.published.add(account.id)
            seeded.scheduled[account.id] = title
    return seeded


def _publish(client: StudioClient, account: AccountPublic, sha: str, title: str) -> None:
    note, _ = client.create_note(
        account_id=account.id, title=title, body="正文", media=[NoteMediaIn(sha256=sha)]
    )
    client.publish_note(note.id, version=note.version)


def _schedule(client: StudioClient, account: AccountPublic, sha: str, title: str) -> None:
    note, _ = client.create_note(
        account_id=account.id, title=title, body="正文", media=[NoteMediaIn(sha256=sha)]
    )
    client.schedule_note(note.id, at=datetime.now(UTC) + timedelta(days=1), version=note.version)
