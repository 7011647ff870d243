"""Benchmarks, run on demand (not collected by the normal suite).

``.venv/bin/python -m tests.bench.test_preview_speed`` (or ``_proxy_speed``, ``_export_speed``),
or all of them with ``.venv/bin/python -m pytest tests/bench -s``. Each prints our median time
beside references measured in the same run, and the ratios.
"""
