"""OCR measures: the CER with reading order forgiven."""

from __future__ import annotations

import pytest

from pipeline.evaluate.ocr_metrics import collapse, ocr_metrics, order_free_cer

A = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015."
B = "Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện."
C = "Ủy ban nhân dân các huyện, thành phố triển khai kế hoạch trên địa bàn."


def test_blocks_read_in_another_order_cost_nothing():
    truth, read = f"{A}\n{B}\n{C}", f"{C}\n{A}\n{B}"
    assert ocr_metrics(read, truth).cer > 0.2
    assert order_free_cer(truth, read) == 0.0


def test_table_cells_read_whole_where_the_transcript_follows_visual_lines():
    # a two-column row as a transcript types it line by line across the cells,
    # and as a reader gives it: each cell whole
    truth = (
        "1 Công ty cổ phần xây dựng Số 779, tổ dân phố Nguyễn Thái Học,\n"
        "giao thông Yên Bái phường Yên Bái, tỉnh Lào Cai"
    )
    read = (
        "1 Công ty cổ phần xây dựng giao thông Yên Bái\n"
        "Số 779, tổ dân phố Nguyễn Thái Học, phường Yên Bái, tỉnh Lào Cai"
    )
    assert order_free_cer(truth, read) < 0.5 * ocr_metrics(read, truth).cer


@pytest.mark.parametrize(
    "read",
    [
        f"{A}\n{B.replace('chủ trì', 'chu tri')}\n{C}",  # misread letters
        f"{A}\n{C}",  # a lost sentence
        f"{A}\n{B}\n{C}\nVLUNCN ĐÓC",  # invented text
    ],
    ids=["misread", "lost", "invented"],
)
def test_what_was_misread_lost_or_invented_still_counts(read):
    truth = f"{A}\n{B}\n{C}"
    strict = ocr_metrics(read, truth).cer
    assert strict > 0
    # (within the spaces between leftovers, which the measure does not count)
    assert order_free_cer(truth, read) == pytest.approx(strict, rel=0.15)


def test_the_measure_is_reported_beside_the_others():
    m = ocr_metrics(f"{B} {A}", f"{A} {B}").as_dict()
    assert m["cer_any_order"] == 0.0 and m["cer"] > 0
    assert order_free_cer(A, collapse(A)) == 0.0
