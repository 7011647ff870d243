"""Imported looks over HTTP: .cube files kept per user, parsed by the editor before keeping."""

from __future__ import annotations

import hashlib
import uuid

import numpy as np
import pytest
import requests

from editor.lut import CubeLut, format_cube
from publisher.client import NotFoundError, ValidationError
from publisher.services.luts import MAX_LUT_BYTES
from tests.media_samples import image_bytes
from tests.publisher.test_api import API, call, token_of

CREAM = (
    'TITLE "Cream 奶油"\n'
    "# warm highlights\n"
    "LUT_3D_SIZE 2\n"
    "0 0 0\n1 0.1 0\n0 1 0\n1 1 0.1\n0 0 1\n1 0 1\n0 1 1\n1 1 0.95\n"
)


def cube_of_size(points: int, title: str = "big") -> str:
    axis = np.linspace(0.0, 1.0, points, dtype=np.float32)
    r, g, b = np.meshgrid(axis, axis, axis, indexing="ij")
    return format_cube(CubeLut(title=title, lut3d=np.stack([r, g, b], axis=-1)))


def post_lut(backend, token: str, data: bytes, name: str = "look.cube", **kwargs):
    return call(backend, "POST", f"{API}/luts", token, files={"file": (name, data)}, **kwargs)


def stored_files(backend, sha256: str) -> list:
    return list((backend.data_dir / "media").rglob(sha256))


def test_a_lut_round_trips_through_the_client(backend, api, tmp_path) -> None:
    path = tmp_path / "cream.cube"
    path.write_text(CREAM, encoding="utf-8")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()

    lut, changes = api.upload_lut(path)
    assert changes.looks and not changes.presets
    assert (lut.sha256, lut.title, lut.size) == (sha, "Cream 奶油", len(path.read_bytes()))
    assert [item.sha256 for item in api.list_luts().items] == [sha]
    assert api.lut_text(sha) == CREAM
    (stored,) = stored_files(backend, sha)
    assert stored.read_bytes() == path.read_bytes()

    again, _ = api.upload_lut(path)
    assert again == lut
    assert api.list_luts().total == 1

    answer = call(backend, "GET", f"{API}/luts/{sha}", token_of(api))
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"

    assert api.delete_lut(sha).looks
    assert api.list_luts().total == 0
    with pytest.raises(NotFoundError) as gone:
        api.lut_text(sha)
    assert gone.value.code == "lut.not_found"


def test_a_lut_is_private_to_whoever_uploaded_it(backend, api, other_api) -> None:
    sha = post_lut(backend, token_of(api), CREAM.encode()).json()["sha256"]
    intruder = token_of(other_api)
    for method in ("GET", "DELETE"):
        answer = call(backend, method, f"{API}/luts/{sha}", intruder)
        assert (answer.status_code, answer.json()["code"]) == (404, "lut.not_found")
    assert other_api.list_luts().total == 0

    # The same bytes uploaded by the other user are theirs too; deleting mine keeps theirs.
    assert post_lut(backend, intruder, CREAM.encode()).json()["sha256"] == sha
    api.delete_lut(sha)
    assert other_api.lut_text(sha) == CREAM
    assert api.list_luts().total == 0


def test_the_list_is_paged_and_ordered_by_title(backend, api) -> None:
    for title in ("b look", "a look", "c look"):
        assert post_lut(backend, token_of(api), CREAM.replace("Cream 奶油", title).encode()).ok
    page = api.list_luts(limit=2)
    assert (page.total, [lut.title for lut in page.items]) == (3, ["a look", "b look"])
    assert [lut.title for lut in api.list_luts(offset=2).items] == ["c look"]


def test_without_a_title_the_upload_name_is_shown(backend, api) -> None:
    untitled = CREAM.split("\n", 1)[1].encode()
    made = post_lut(backend, token_of(api), untitled, name="../../Teal & Orange\t.cube")
    assert made.status_code == 201
    assert made.json()["title"] == "Teal & Orange"
    assert not list(backend.data_dir.parent.rglob("Teal*"))


def test_a_65_point_cube_fits(backend, api) -> None:
    data = cube_of_size(65).encode()
    assert 7_000_000 < len(data) < MAX_LUT_BYTES
    made = post_lut(backend, token_of(api), data)
    assert made.status_code == 201
    assert made.json()["sha256"] == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        (image_bytes("PNG"), "lut.not_text", {}),
        (b'TITLE "x"\nLUT_3D_SIZE 2\n\xff\xfe\n', "lut.not_text", {}),
        (b"LUT_3D_SIZE 100000\n0 0 0\n", "lut.too_large", {"keyword": "LUT_3D_SIZE"}),
        (b"LUT_3D_SIZE 9" + b"9" * 3000 + b"\n", "lut.too_large", {"keyword": "LUT_3D_SIZE"}),
        (b"LUT_3D_SIZE 2\n0 0 0\n1 0 0\n", "lut.invalid", {}),
        (b"LUT_3D_SIZE 2\n" + b"nan nan nan\n" * 8, "lut.invalid", {}),
        (b"", "lut.invalid", {}),
    ],
)
def test_a_bad_cube_is_refused_with_the_editors_code_and_not_kept(
    backend, api, data: bytes, code: str, params: dict
) -> None:
    refused = post_lut(backend, token_of(api), data)
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == code
    assert params.items() <= body["params"].items()
    assert api.list_luts().total == 0
    assert not stored_files(backend, hashlib.sha256(data).hexdigest())
    assert not list((backend.data_dir / "media" / "incoming").iterdir())


def test_an_upload_over_the_cap_is_refused_before_it_is_read(backend, api) -> None:
    huge = b"0 0 0\n" * ((MAX_LUT_BYTES + 200_000) // 6)
    refused = post_lut(backend, token_of(api), huge)
    assert (refused.status_code, refused.json()["code"]) == (413, "request.too_large")


def test_a_file_just_over_the_cap_is_refused_while_it_is_received(backend, api) -> None:
    just_over = b"#" * (MAX_LUT_BYTES + 1)
    refused = post_lut(backend, token_of(api), just_over)
    assert refused.status_code == 413
    assert refused.json() == {"code": "lut.too_large", "params": {"max_bytes": MAX_LUT_BYTES}}
    assert not list((backend.data_dir / "media" / "incoming").iterdir())
    assert api.list_luts().total == 0


def test_the_client_reports_a_bad_cube_as_a_validation_error(api, tmp_path) -> None:
    path = tmp_path / "broken.cube"
    path.write_bytes(b"\x00binary")
    with pytest.raises(ValidationError) as refused:
        api.upload_lut(path)
    assert (refused.value.code, refused.value.status) == ("lut.not_text", 422)


def test_a_repeated_upload_with_one_key_is_replayed(backend, api) -> None:
    # requests picks a random multipart boundary per call: build the body once and send it twice.
    form = requests.Request("POST", backend.url, files={"file": ("a.cube", CREAM.encode())})
    prepared = form.prepare()
    headers = {
        "Content-Type": prepared.headers["Content-Type"],
        "Idempotency-Key": str(uuid.uuid4()),
    }
    first, again = (
        call(
            backend, "POST", f"{API}/luts", token_of(api), data=prepared.body, headers=dict(headers)
        )
        for _ in range(2)
    )
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    assert api.list_luts().total == 1


def test_a_preset_may_use_an_imported_look(backend, api) -> None:
    sha = post_lut(backend, token_of(api), CREAM.encode()).json()["sha256"]
    preset, _ = api.create_preset(
        name="mine", recipe={"filter": {"id": f"user:{sha}", "strength": 60}}
    )
    assert preset.recipe["filter"]["id"] == f"user:{sha}"


def test_a_malformed_hash_is_refused(backend, api) -> None:
    answer = call(backend, "GET", f"{API}/luts/not-a-hash", token_of(api))
    assert (answer.status_code, answer.json()["code"]) == (422, "request.invalid")


def test_openapi_documents_luts(backend) -> None:
    paths = call(backend, "GET", "/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths[f"{API}/luts"])
    assert {"get", "delete"} <= set(paths[f"{API}/luts/{{sha256}}"])
