"""How big a demo world is: accounts, notes, impressions and media, per named scale.

`small` is what a new user sees (a few hundred thousand events, seeded in seconds); `large`
is for trying the data center at volume (over ten million events); `tiny` keeps the tests
quick and is not offered on the command line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    mcn_accounts: int
    notes_per_account: int
    """Published notes of each MCN account over the 90 days; the creator posts half again."""
    brand_notes: int
    collaborations: int
    """Published collaboration notes across the brand's three briefs."""
    impressions: int
    """Expected impressions over the whole world; every other event follows from them."""
    photos_per_field: int
    """Distinct pictures each field's notes draw their second to fourth images from."""
    video_fields: int
    """How many fields get a video (and so video notes with watch time)."""
    video_seconds: int
    drafts: int
    scheduled: int


SCALES: dict[str, Scale] = {
    scale.name: scale
    for scale in (
        Scale(
            name="tiny",
            mcn_accounts=2,
            notes_per_account=3,
            brand_notes=2,
            collaborations=2,
            impressions=2_600,
            photos_per_field=1,
            video_fields=1,
            video_seconds=3,
            drafts=1,
            scheduled=1,
        ),
        Scale(
            name="small",
            mcn_accounts=8,
            notes_per_account=16,
            brand_notes=14,
            collaborations=6,
            impressions=480_000,
            photos_per_field=5,
            video_fields=3,
            video_seconds=20,
            drafts=5,
            scheduled=4,
        ),
        Scale(
            name="large",
            mcn_accounts=32,
            notes_per_account=16,
            brand_notes=24,
            collaborations=8,
            impressions=9_800_000,
            photos_per_field=8,
            video_fields=3,
            video_seconds=20,
            drafts=10,
            scheduled=6,
        ),
    )
}
