"""The files behind a video edit's source keys, found or brought in on a worker thread.

A video edit names its sources by key: ``""`` is the note's own video, any other key is the
sha256 of media the creator uploaded (another clip, the music). To preview or export, each
key needs a file on this machine and what the gate says of it. The note's media come from
the local cache (downloaded once, checked against their address); a file the creator adds
now is checked by the gate first, uploaded so the edit means the same on every machine, and
read from where it is for the rest of the session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.errors import EditorError
from editor.files import open_regular
from editor.video.edit import Overlay
from editor.video.probe import AudioInfo, VideoInfo, probe_audio, probe_video
from editor.video.subtitles import MAX_SRT_BYTES, read_srt, subtitle_overlays

if TYPE_CHECKING:
    from publisher.client import StudioClient
    from studio.editor.photo_store import PhotoStore

NOTE_VIDEO = ""
"""The source key of the note's own video."""
VIDEO_PATTERNS = "*.mp4 *.mov *.m4v *.mkv *.webm"
AUDIO_PATTERNS = "*.mp3 *.m4a *.aac *.wav *.flac *.ogg *.mp4 *.mov"


@dataclass(frozen=True)
class Source:
    """One source key's file and what the gate said of it (a sound file has `audio` only)."""

    key: str
    sha256: str
    path: Path
    video: VideoInfo | None = None
    audio: AudioInfo | None = None
    name: str = ""
    """The file's name when the creator added it in this session (shown for the music)."""

    @property
    def duration(self) -> float:
        info = self.video or self.audio
        return info.duration if info is not None else 0.0


def open_sources(
    store: PhotoStore,
    client: StudioClient,
    note_sha: str,
    keys: Iterable[str],
    *,
    known: dict[str, Source],
    music_key: str | None = None,
) -> dict[str, Source]:
    """Every key of `keys` as a `Source`, reusing `known` ones (call on a worker thread).

    Raises:
        EditorError: a gate's code for a file that does not pass; ``media.checksum_mismatch``.
        ClientError: the backend could not give a file.
    """
    sources = dict(known)
    for key in keys:
        if key in sources:
            continue
        sha = note_sha if key == NOTE_VIDEO else key
        path = store.original(client, sha)
        if key == music_key:
            sources[key] = Source(key, sha, path, audio=probe_audio(path))
        else:
            sources[key] = Source(key, sha, path, video=probe_video(path))
    return sources


def import_video(client: StudioClient, path: Path) -> Source:
    """A video the creator adds as another clip: gated here, then uploaded."""
    info = probe_video(path)
    sha = client.upload_media(path).sha256
    return Source(sha, sha, path, video=info, name=path.name)


def import_music(client: StudioClient, path: Path) -> Source:
    """A sound file (or a video, for its sound) the creator adds as music."""
    info = probe_audio(path)
    sha = client.upload_media(path).sha256
    return Source(sha, sha, path, audio=info, name=path.name)


def read_subtitles(path: Path) -> tuple[Overlay, ...]:
    """An SRT file's cues as subtitle overlays (read on a worker thread).

    Raises:
        EditorError: the ``file.*`` codes (``file.too_large`` over `MAX_SRT_BYTES`) or the
            ``subtitles.*`` codes of `read_srt`.
    """

    def check_size(size: int) -> None:
        if size > MAX_SRT_BYTES:
            raise EditorError("file.too_large", {"size": size, "max": MAX_SRT_BYTES})

    stream, _size = open_regular(path, check_size)
    with stream:
        data = stream.read(MAX_SRT_BYTES + 1)
    return subtitle_overlays(read_srt(data))
