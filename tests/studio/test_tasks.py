"""The task runner's lanes hand work to Qt's pools without leaving anything of it behind."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QStringListModel
from PySide6.QtWidgets import QTableView

from studio.tasks import Lane, TaskRunner


def test_finished_jobs_leave_no_wrapper_for_later_objects_to_be_mistaken_for(qapp):
    """A job the pool deleted must not leave a Python wrapper at its address: shiboken handed
    that stale wrapper out for the next object allocated there (a QRunnable came back as a
    table's selection model)."""
    runner = TaskRunner()
    done: list[int] = []
    for index in range(1000):
        runner.run(Lane.READ, lambda index=index: done.append(index))
    assert runner.wait(Lane.READ, 10_000)
    assert sorted(done) == list(range(1000))
    for _ in range(1000):
        # One view after another, each freed by the next, so that addresses are reused.
        view = QTableView()
        view.setModel(QStringListModel(["a"]))
        assert isinstance(view.selectionModel(), QItemSelectionModel)
