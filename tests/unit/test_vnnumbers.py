"""Vietnamese number parsing: decimal comma, dotted thousands, ranges, scale words."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.text.numbers import find_quantities, is_year, parse_number, parse_quantity_cell


@pytest.mark.parametrize(
    "token, value",
    [
        ("7,3", 7.3),
        ("71,42", 71.42),
        ("12.350", 12350),
        ("118.000", 118000),
        ("155.000", 155000),
        ("10.000", 10000),
        ("1.000.000", 1e6),
        ("07", 7),
        ("0,7", 0.7),
        ("1.000,5", 1000.5),
        ("9.5", 9.5),  # OCR's dot for a comma: one or two digits after a dot are decimals
        ("4.0", 4.0),
    ],
)
def test_parse_number(token, value):
    assert parse_number(token) == pytest.approx(value)


@pytest.mark.parametrize("token", ["", "abc", "7,", ",5", "1.2.", "%"])
def test_parse_number_rejects(token):
    assert parse_number(token) is None


def _only(text):
    found = list(find_quantities(text))
    assert len(found) == 1, found
    return found[0]


def test_range_from_the_plan():
    q = _only("đạt mức tiết kiệm năng lượng 5,0 - 7,0% tổng tiêu thụ năng lượng")
    assert (q.value, q.value_high, q.comparator) == (5.0, 7.0, "range")


def test_range_written_high_first_is_ordered():
    q = _only("Ngành nông, lâm nghiệp, thủy sản khoảng 18 - 17%")
    assert (q.value, q.value_high) == (17.0, 18.0)


def test_range_with_percent_on_both_ends_and_words():
    assert (_only("5,0% - 7,0%").value_high, _only("từ 12 đến 15%").value_high) == (7.0, 15.0)


def test_scale_word_folds_into_value():
    q = _only("duy trì ổn định 25 nghìn ha rừng phòng hộ")
    assert q.value == 25000 and "nghìn" in "duy trì ổn định 25 nghìn ha"[q.start : q.end]


def test_scale_word_before_currency_stays_with_the_unit():
    text = "GRDP bình quân đầu người đạt trên 110 triệu đồng/người"
    q = _only(text)
    assert q.value == 110 and text[q.end :].strip().startswith("triệu đồng")


def test_only_the_last_scale_before_a_currency_stays():
    text = "tổng vốn khoảng 1,5 nghìn tỷ đồng"
    q = _only(text)
    assert q.value == 1500 and text[q.end :].strip() == "tỷ đồng"


def test_a_deadline_is_not_the_high_end_of_a_range():
    q = _only("giảm 30% đến 2025")
    assert (q.value, q.value_high) == (30, None)


def test_sign_gives_the_comparator():
    assert _only(">9,5").comparator == "gt"
    assert _only("≥ 95%").comparator == "ge"
    assert _only("< 3%").comparator == "lt"


def test_years_and_year_spans_are_recognised():
    found = list(find_quantities("giai đoạn 2021-2025 đạt trên 118.000 tỷ đồng"))
    assert [is_year(q) for q in found] == [True, False]
    assert found[1].value == 118000


@pytest.mark.parametrize(
    "cell, value, high, comparator",
    [
        (">10", 10, None, "gt"),
        (">9,5", 9.5, None, "gt"),
        ("19-20", 19, 20, "range"),
        ("52", 52, None, None),
        ("0,7", 0.7, None, None),
        (">7.800", 7800, None, "gt"),
        ("100%", 100, None, None),
        ("≥ 95", 95, None, "ge"),
    ],
)
def test_table_cells(cell, value, high, comparator):
    q = parse_quantity_cell(cell)
    assert (q.value, q.value_high, q.comparator) == (value, high, comparator)


@pytest.mark.parametrize("cell", ["", "Sở Y tế", "Hoàn thành", "Năm 2025 và hằng năm"])
def test_cells_without_a_lone_figure(cell):
    assert parse_quantity_cell(cell) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_round_trip(n):
    written = f"{n:,}".replace(",", ".")
    assert parse_number(written) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=999))
def test_decimal_comma_round_trip(whole, frac):
    written = f"{whole},{frac:03d}"
    assert parse_number(written) == pytest.approx(float(f"{whole}.{frac:03d}"))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert math.isfinite(q.value)
        assert q.value_high is None or q.value_high > q.value
    parse_quantity_cell(text)
