"""The rules pack: the platform's limits as one versioned, dated data file.

Every check in the app and on the server reads the limits from here, so a changed platform
limit is a data change, not a code change. A team server may point at its own pack.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import resources

DEFAULT_PACK = "xiaohongshu.json"


@dataclass(frozen=True)
class RulesPack:
    """A parsed rules pack; `rules` maps a rule group (title, body, images…) to its limits."""

    pack: str
    version: str
    as_of: str
    rules: dict[str, dict[str, Any]]

    def limit(self, group: str, key: str) -> Any:
        """Return one limit, e.g. `limit("title", "block_max_width_units")`."""
        return self.rules[group][key]


def load_rules(path: Path | None = None) -> RulesPack:
    """Load a rules pack from `path`, or the shipped default pack."""
    return _load(str(path or resources.path("rules", DEFAULT_PACK)))


@lru_cache(maxsize=4)
def _load(path: str) -> RulesPack:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return RulesPack(
        pack=data["pack"], version=data["version"], as_of=data["as_of"], rules=data["rules"]
    )
