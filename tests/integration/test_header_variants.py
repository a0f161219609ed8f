"""The same header written another way gives the same document row.

Offices fill the standard header (Nghị định 30/2020/NĐ-CP) each their own
way: the date of the place-date line in figures or with a capital `Ngày`, the
place in capitals, `Số`
without its colon, the issuer on one line or abbreviated, the old tone-mark
spelling (`UỶ`, `HOÀ`), `(Đã ký)` between the title and the name, `Nơi nhận`
without its colon. Each variant of each sample must give the sample's own
metadata.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest
import regex

from pipeline.orchestrate.process import process_file
from tests.samples import HEADER_FIELDS, SAMPLES, truth_file, truth_text, varied_samples

FIELDS = (*HEADER_FIELDS, "implements")
_PLACE_DATE = regex.compile(r"(?m)^([^\n,]+), ngày (\d+) tháng (\d+) năm (\d{4})$")
_SIGNER = regex.compile(r"(?m)^((?:PHÓ )?CHỦ TỊCH)\n")

VARIANTS = {
    "date in figures": lambda t: _PLACE_DATE.sub(
        lambda m: f"{m[1]}, ngày {int(m[2]):02d}/{int(m[3]):02d}/{m[4]}", t, 1
    ),
    "date with dashes": lambda t: _PLACE_DATE.sub(lambda m: f"{m[1]}, ngày {m[2]}-{m[3]}-{m[4]}", t, 1),
    "place in capitals": lambda t: _PLACE_DATE.sub(
        lambda m: f"{m[1].upper()}, ngày {m[2]} tháng {m[3]} năm {m[4]}", t, 1
    ),
    "capital Ngày": lambda t: _PLACE_DATE.sub(lambda m: f"{m[1]}, Ngày {m[2]} tháng {m[3]} năm {m[4]}", t, 1),
    "Số without colon": lambda t: regex.sub(r"(?m)^Số: ?", "Số ", t, count=1),
    "issuer on one line": lambda t: t.replace("ỦY BAN NHÂN DÂN\nTỈNH", "ỦY BAN NHÂN DÂN TỈNH", 1),
    "issuer abbreviated": lambda t: t.replace("ỦY BAN NHÂN DÂN\nTỈNH", "UBND TỈNH", 1),
    "old tone marks": lambda t: t.replace("ỦY BAN", "UỶ BAN").replace("Ủy ban", "Uỷ ban").replace("HÒA", "HOÀ"),
    "(Đã ký)": lambda t: _SIGNER.sub(r"\1\n(Đã ký)\n", t),
    "Nơi nhận without colon": lambda t: t.replace("Nơi nhận:\n", "Nơi nhận\n"),
}


def _document(path) -> dict:
    row = asdict(process_file(path, ocr=False).document)
    return {k: row[k] for k in FIELDS}


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("plain")
    return {name: _document(truth_file(name, folder)) for name in SAMPLES}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_header_written_another_way_gives_the_same_document_row(variant, plain, tmp_path):
    for name, varied in varied_samples(VARIANTS[variant]):
        got = _document(truth_file(name, tmp_path, varied))
        assert got == plain[name], {k: (plain[name][k], got[k]) for k in FIELDS if got[k] != plain[name][k]}


#: A Party committee's plan: its name and `*` on the left, the Party's header
#: on the right (no motto), a number in the Party's style without a colon; one
#: layout with each column on its own lines, one with the columns read across.
PARTY_HEADERS = {
    "columns": "TỈNH ỦY {PLACE}\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 182-KH/TU\n{PLACE_DATE}",
    "read across": "TỈNH ỦY {PLACE} ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 182-KH/TU {PLACE_DATE}",
}


@pytest.mark.parametrize("layout", list(PARTY_HEADERS))
def test_a_party_committees_header_names_the_committee_and_its_number(layout, plain, tmp_path):
    name = "kiengiang-2020-kh182"
    text = truth_text(name)
    head, _, body = text.partition("\nKẾ HOẠCH\n")
    place_date = next(ln for ln in head.split("\n") if _PLACE_DATE.match(ln))
    header = PARTY_HEADERS[layout].format(PLACE="KIÊN GIANG", PLACE_DATE=place_date)
    got = _document(truth_file(name, tmp_path, f"{header}\nKẾ HOẠCH\n{body}"))
    want = plain[name] | {"issuer": "Tỉnh ủy Kiên Giang", "doc_number": "182-KH/TU"}
    assert got == want, {k: (want[k], got[k]) for k in FIELDS if got[k] != want[k]}


#: Issuers of other levels of government, in the header's capitals, and their row.
LEVELS = {
    "ỦY BAN NHÂN DÂN\nXÃ TÂN HIỆP": ("Ủy ban nhân dân xã Tân Hiệp", "Tân Hiệp"),
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ RẠCH GIÁ": ("Ủy ban nhân dân thành phố Rạch Giá", "Rạch Giá"),
    "UBND HUYỆN PHÚ QUỐC\nPHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG": (
        "Phòng Tài nguyên và Môi trường huyện Phú Quốc",
        "Phú Quốc",
    ),
    "HỘI ĐỒNG NHÂN DÂN\nTỈNH KIÊN GIANG": ("Hội đồng nhân dân tỉnh Kiên Giang", "Kiên Giang"),
}


@pytest.mark.parametrize("issuer", list(LEVELS))
def test_an_issuer_of_another_level_of_government(issuer, plain, tmp_path):
    name = "kiengiang-2020-kh182"
    want_issuer, place = LEVELS[issuer]
    text = truth_text(name).replace("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG", issuer, 1)
    text = text.replace("Kiên Giang, ngày", f"{place}, ngày", 1)
    got = _document(truth_file(name, tmp_path, text))
    want = plain[name] | {"issuer": want_issuer, "issue_place": place}
    assert got == want, {k: (want[k], got[k]) for k in FIELDS if got[k] != want[k]}
