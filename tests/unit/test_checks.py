"""Quality warnings a data team filters `ingest_log.warnings` on."""

from __future__ import annotations

import unicodedata

from extractors.analyse import analyse
from extractors.checks import quality_warnings
from extractors.normalize.pages import normalize_text
from tests.samples import truth_text


def _strip_marks(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def test_a_plan_typed_without_diacritics_is_flagged():
    text = normalize_text(_strip_marks(truth_text("kontum-2021-ctrhd-06nqcp")))
    assert any("diacritics" in w for w in quality_warnings(analyse(text)))


def test_a_plan_with_diacritics_is_not_flagged():
    text = normalize_text(truth_text("kontum-2021-ctrhd-06nqcp"))
    assert not any("diacritics" in w or "Vietnamese" in w for w in quality_warnings(analyse(text)))


def test_mojibake_is_flagged():
    text = truth_text("kontum-2021-ctrhd-06nqcp").encode("utf-8").decode("cp1252", errors="replace")
    assert any("does not read as Vietnamese" in w for w in quality_warnings(analyse(normalize_text(text))))


def test_a_date_line_that_gives_no_date_is_flagged():
    draft = "UBND TỈNH X\nSỞ CÔNG THƯƠNG\nSố: /KH-SCT\nX, ngày      tháng 4 năm 2026\nKẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\n1. Rà soát."
    assert any("no issue_date" in w for w in quality_warnings(analyse(normalize_text(draft))))
    dated = draft.replace("ngày      tháng 4", "ngày 02 tháng 4")
    assert not any("no issue_date" in w for w in quality_warnings(analyse(normalize_text(dated))))
