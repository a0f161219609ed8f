"""Shared fixtures: the sample documents and a processed folder of the three text samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.orchestrate.runner import run_batch
from tests.samples import SAMPLES, text_sample


@pytest.fixture(params=SAMPLES)
def sample(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def processed_dir(tmp_path_factory) -> Path:
    """The three text samples processed once per session, plus one empty file
    so that `ingest_log` holds a real failure. Tests must not write into the
    folder; copy it first."""
    root = tmp_path_factory.mktemp("samples")
    empty = root / "empty.txt"
    empty.write_bytes(b"")
    summary = run_batch([text_sample(n) for n in SAMPLES] + [empty], out_dir=root / "processed", use_prefect=False)
    assert summary.count("ok") == 3, [(r.source_path, r.error_message) for r in summary.log]
    return root / "processed"
