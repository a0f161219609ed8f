"""Invariants over the real files of ../shared/realworld (no answer key needed).

The DOCX and digital PDFs only: the long scans would cost CI ~25 minutes of
OCR (`vnplans invariants ../shared/realworld` runs them too).
"""

from __future__ import annotations

import io

import pytest

from pipeline.evaluate.invariants import run, shares
from tests.samples import ROOT

REALWORLD = ROOT.parent / "shared" / "realworld"
REAL_SAMPLES = ROOT.parent / "shared" / "samples" / "real"


@pytest.mark.slow
def test_realworld_invariants_hold():
    assert REALWORLD.is_dir(), f"{REALWORLD} is missing: CI runs with ../shared beside the checkout"
    out = io.StringIO()
    reports = run([REALWORLD, REAL_SAMPLES], scans=False, out=out)
    table = shares(reports)
    print(out.getvalue())
    assert len(reports) >= 20, "the real corpus shrank: the test proves little"
    for name in ("number", "date", "contract"):
        assert table[name][1] > 0, f"no {name} check fired: the detector is broken"
    holds, total = table["all"]
    assert holds / total >= 0.95, out.getvalue()
    # The data contract holds on every file, whatever else may be missed.
    assert table["contract"][0] == table["contract"][1], out.getvalue()
