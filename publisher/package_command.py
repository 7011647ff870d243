"""`main.py package NOTE_ID -o DIR`: write a note's publish package as files.

Writes `01.jpg`, `02.jpg`… (the images in order; the extension follows the file's type; a
video note's one file is its video, `01.mp4`), `cover.jpg` (a photo note's first image, a
video note's chosen image or frame), `caption.txt` (UTF-8) and `meta.json` (topics, place,
products, flags). Exit codes as `main.py edit`: 0 written, 1 failed (unknown note, not
allowed, backend unreachable, folder unwritable, an image too damaged to carry its AI label, a
video whose cover frame does not decode), 2 usage.

With `--server URL --token T` it talks to that backend through `StudioClient`. Without, it
reads the local studio's data folder directly through the services, as the local user: the
embedded backend keeps no token on disk (each run gets a fresh one in its child's
environment), and starting a second backend is refused while the studio runs (the folder is
locked). SQLite in WAL mode lets this reader work beside a running studio.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from publisher.client import StudioClient
from publisher.client.errors import ClientError
from publisher.client.package_files import (
    CoverReader,
    ImageReader,
    PackageImageError,
    write_package,
)
from publisher.config import DEFAULT_DB_FILE
from publisher.db.engine import make_engine, make_sessionmaker
from publisher.db.migrations import upgrade
from publisher.db.models import User
from publisher.media_store import MediaStore
from publisher.schemas import PublishPackage
from publisher.services import package
from publisher.services.auth import LOCAL_EMAIL
from publisher.services.errors import ServiceError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class PackageError(Exception):
    """A failure with a stable code, printed as `package: <code>`."""

    def __init__(self, code: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(code)
        self.code = code
        self.exit_code = exit_code


@dataclass(frozen=True)
class Request:
    note_id: uuid.UUID
    out: Path
    data_dir: Path | None
    server: str | None
    token: str | None


def parse(
    note_id: str, out: str, data_dir: str | None, server: str | None, token: str | None
) -> Request:
    """Check the arguments; raises `PackageError` with exit code 2 on misuse."""
    try:
        key = uuid.UUID(note_id)
    except ValueError:
        raise PackageError("note_id.invalid", EXIT_USAGE) from None
    if bool(server) != bool(token):
        raise PackageError("server_and_token.required_together", EXIT_USAGE)
    return Request(key, Path(out), Path(data_dir) if data_dir else None, server, token)


Source = tuple[PublishPackage, ImageReader, CoverReader | None]
"""A package's manifest and how to read its images and its cover (None: it has none)."""


def _remote(request: Request) -> Source:
    assert request.server and request.token
    client = StudioClient(request.server, request.token, timeout=30.0)
    note_id = request.note_id
    return (
        client.get_package(note_id),
        lambda pos: client.package_image(note_id, pos),
        lambda: client.package_cover(note_id),
    )


def _local(request: Request, default_dir: Path) -> Source:
    folder = request.data_dir or default_dir
    db_file = folder / DEFAULT_DB_FILE
    if not db_file.is_file():
        raise PackageError("data_dir.no_studio")
    engine = make_engine(f"sqlite:///{db_file}")
    upgrade(engine)
    store = MediaStore(folder / "media")
    with make_sessionmaker(engine)() as session:
        user = session.scalar(select(User).where(User.email == LOCAL_EMAIL))
        if user is None:
            raise PackageError("note.not_found")
        manifest = package.build_package(session, user, request.note_id)
        paths = {
            image.position: package.image_file(
                session, user, store, request.note_id, image.position
            )[0]
            for image in manifest.images
        }
        cover = (
            package.cover_file(session, user, store, request.note_id)[0]
            if manifest.cover is not None
            else None
        )
    engine.dispose()
    read_cover = cover.read_bytes if cover is not None else None
    return manifest, lambda pos: paths[pos].read_bytes(), read_cover


def run(request: Request, *, default_dir: Path, stdout: TextIO, stderr: TextIO) -> int:
    """Fetch and write the package, reporting each file or the failure; the exit code."""
    try:
        manifest, read_image, read_cover = (
            _remote(request) if request.server else _local(request, default_dir)
        )
        written = write_package(manifest, read_image, request.out, read_cover=read_cover)
    except PackageError as exc:
        print(f"package: {exc.code}", file=stderr)
        return exc.exit_code
    except (ClientError, ServiceError) as exc:
        print(f"package: {exc.code}", file=stderr)
        return EXIT_FAILED
    except PackageImageError as exc:
        print(f"package: {exc.code} {exc.params['file']}", file=stderr)
        return EXIT_FAILED
    except SQLAlchemyError:
        print("package: database.unavailable", file=stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"package: output.unwritable {exc.filename or request.out}", file=stderr)
        return EXIT_FAILED
    for path in written:
        print(path, file=stdout)
    return EXIT_OK
