"""A processed folder of the three text samples, built once per test session.

Used by the query, report, dictionary and notebook tests. An empty file rides
along so that `ingest_log` holds a real failure. Tests must not write into the
folder; copy it first.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.orchestrate.batch import run_batch
from tests.conftest import SAMPLES, text_sample

_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session")
def processed_dir(tmp_path_factory) -> Path:
    # A module-level cache rather than the fixture's own scope: each test module
    # imports this fixture, and pytest would otherwise build it once per module.
    if "dir" not in _BUILT:
        root = tmp_path_factory.mktemp("samples")
        empty = root / "empty.txt"
        empty.write_bytes(b"")
        summary = run_batch([text_sample(n) for n in SAMPLES] + [empty], out_dir=root / "processed",
                            use_prefect=False)
        assert summary.count("ok") == 3, [(r.source_path, r.error_message) for r in summary.log]
        _BUILT["dir"] = root / "processed"
    return _BUILT["dir"]


def assert_png_not_blank(png: bytes | Path, min_colours: int = 8, min_ink: float = 0.01) -> Image.Image:
    """A PNG with real content: several colours and some non-white pixels."""
    data = png.read_bytes() if isinstance(png, Path) else png
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    img = Image.open(io.BytesIO(data)).convert("RGB")
    colours = len(img.getcolors(maxcolors=1 << 24))
    ink = float((np.asarray(img).min(axis=2) < 235).mean())
    assert colours >= min_colours, f"only {colours} colours: blank image?"
    assert ink >= min_ink, f"only {ink:.1%} non-white pixels: blank image?"
    return img
