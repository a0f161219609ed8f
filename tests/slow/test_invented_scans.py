"""Invented plans printed and scanned (`tests/scans.py`), read through OCR: the facts of their text.

Each plan here reads right on three seeds of its kind of scan; together they hold the classes the
OCR path has been taught on such scans: a quarter's Roman numeral counted from its strokes
(`Quý II/2025`), a task table and the next appendix's table one under the other, a list number
read as specks (`si Ủy ban …`), a signer's name with words read out of order after it."""

from __future__ import annotations

import pytest

from tests.scans import scanned_pdf
from tests.slow.test_invented_plans import EXPECTED, INVENTED, _facts_of
from tests.variants import cut

SCANNED = [
    ("military-plan", "scan"),
    ("annex-decision", "scan"),
    ("health-plan", "scan"),
    ("event-plan", "scan-poor"),
    ("district-party", "scan-poor"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "kind"), SCANNED)
def test_an_invented_plan_read_from_a_scan_gives_its_facts(name, kind, tmp_path):
    path = tmp_path / f"{name}.{kind}.pdf"
    path.write_bytes(scanned_pdf(cut((INVENTED / f"{name}.txt").read_text(encoding="utf-8")), kind, 0, name))
    got, want = _facts_of(path, ocr=True), EXPECTED[name]
    assert got["documents"] == want["documents"]
    for table in ("sections", "refs", "leads", "deadlines", "targets", "tasks"):
        assert got[table] == want[table], table
