"""One plan_key for every copy of one plan, different keys for different plans."""

from __future__ import annotations

import datetime as dt

from extractors.identity import plan_key

BASE: dict = {
    "province": "Kiên Giang",
    "issuer": "Ủy ban nhân dân tỉnh Kiên Giang",
    "doc_kind": "ke_hoach",
    "doc_number": "182/KH-UBND",
    "issue_date": dt.date(2020, 11, 27),
    "title": "Thực hiện Kế hoạch số 211-KH/TU",
    "implements": ["211/KH-TU"],
}


def test_number_and_date_make_the_key():
    assert plan_key(**BASE) == "kien-giang/182-kh-ubnd/2020-11-27"


def test_ocr_tone_damage_and_spacing_do_not_split_a_plan():
    scan = {**BASE, "doc_number": "182 /KH-UBND", "province": "Kiên Giang", "title": "Thực hiên Kê hoạch số 211-KH/TU"}
    assert plan_key(**scan) == plan_key(**BASE)
    bare = {**BASE, "doc_number": None, "issue_date": None}
    assert plan_key(**{**bare, "title": "Thực hiên Kê hoạch số 211-KH/TU"}) == plan_key(**bare)


def test_different_plans_of_one_issuer_differ():
    other = {**BASE, "doc_number": "183/KH-UBND"}
    assert plan_key(**other) != plan_key(**BASE)
    untitled = {**BASE, "doc_number": None, "title": None}
    assert plan_key(**untitled) != plan_key(**{**untitled, "implements": ["06/NQ-CP"]})


def test_nothing_known_gives_no_key():
    assert plan_key(province=None, issuer=None, doc_kind="other", doc_number=None, issue_date=None, title=None) is None
