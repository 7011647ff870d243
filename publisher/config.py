"""Server settings, from arguments or `ZHONGCAO_*` environment variables (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DB_FILE = "studio.db"


class ServerSettings(BaseSettings):
    """Everything a backend process needs to know; one instance per process."""

    model_config = SettingsConfigDict(env_prefix="ZHONGCAO_", extra="ignore")

    data_dir: Path
    db_url: str | None = None
    local_token: str | None = None
    """When set, this bearer token is the machine's local user: the embedded desktop mode."""
    local_account_name: str = "me"
    token_ttl_seconds: int = 30 * 24 * 3600
    max_upload_bytes: int = 50 * 1024 * 1024
    """The cap of an uploaded image (and of anything that is not a video)."""
    max_video_upload_bytes: int = 2 * 1024**3
    """The cap of an uploaded video: the app exports what it publishes, and a 2 GiB export is
    far longer than any note's video; a team server may lower it."""
    rules_path: Path | None = None
    """A rules pack replacing the shipped one (`serve --rules`)."""
    misfire: Literal["publish", "hold"] = "publish"
    """A note found due after the grace period: publish it late and say so, or hold it."""
    misfire_grace_seconds: float = 300.0
    forwarded_allow_ips: str = "127.0.0.1"
    """Proxies whose `X-Forwarded-For` names the real client (comma separated, `*` for any):
    the reader pages limit each address, so behind a load balancer on another host set this
    to its address, or every reader shares the balancer's."""
    scheduler_interval_seconds: float = 5.0
    """How often the scheduler looks for due notes; 0 turns it off in this process."""

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.data_dir / DEFAULT_DB_FILE}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"
