"""Shared fixtures: the sample documents, distinct copies of one plan, and a processed folder of the three text samples."""

from __future__ import annotations

import os
from pathlib import Path

# As `make test` and the command line set it (before any worker or Tesseract starts): one
# thread per Tesseract. The tests that count Tesseracts at work count its threads too.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytest

from pipeline.orchestrate.runner import run_batch
from tests.samples import RAW, SAMPLES, text_sample


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


@pytest.fixture
def plans(tmp_path) -> list[Path]:
    """Four distinct text plans (one sample, each copy with a line of its own)."""
    out = []
    for i in range(4):
        p = tmp_path / f"plan-{i}.txt"
        p.write_text((RAW / "kontum-2021-ctrhd-06nqcp.txt").read_text() + f"\n(copy {i})\n")
        out.append(p)
    return out
