from __future__ import annotations

import pickle

from editor import EditorError


def test_carries_code_and_a_copy_of_params() -> None:
    params = {"size": 60, "max": 50}
    error = EditorError("file.too_large", params)
    params["size"] = 0
    assert error.code == "file.too_large"
    assert error.params == {"size": 60, "max": 50}
    assert str(error) == "file.too_large (size=60, max=50)"


def test_params_default_to_empty() -> None:
    error = EditorError("file.empty")
    assert error.params == {}
    assert str(error) == "file.empty"


def test_survives_pickling_for_worker_processes() -> None:
    error = pickle.loads(
        pickle.dumps(EditorError("image.too_many_frames", {"frames": 9, "max": 2}))
    )
    assert isinstance(error, EditorError)
    assert error.code == "image.too_many_frames"
    assert error.params == {"frames": 9, "max": 2}
