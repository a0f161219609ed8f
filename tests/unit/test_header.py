"""The header block of real documents: issuer under its parent, kinds outside the
enumeration, công văn, blank drafts, merged columns, annex captions, places.

Each class is tested with at least two layouts or wordings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.document import ParsedDoc
from extractors.metadata import extract_metadata, issuer_from_caps, kind_line
from extractors.normalize.pages import normalize_text
from extractors.sections import parse_sections
from extractors.text.provinces import canonical_province, province_of_district

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "notes" / "unseen-examples"


def facts(*lines: str):
    text = normalize_text("\n".join(lines))
    return extract_metadata(ParsedDoc(text, parse_sections(text)))


MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


@pytest.mark.parametrize(
    ("caps", "province", "issuer"),
    [
        (["ỦY BAN NHÂN DÂN", "TỈNH KIÊN GIANG"], None, "Ủy ban nhân dân tỉnh Kiên Giang"),
        (["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"], None, "Sở Công Thương tỉnh Lào Cai"),
        (
            ["UBND THÀNH PHỐ HÀ NỘI", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
            None,
            "Sở Tài nguyên và Môi trường thành phố Hà Nội",
        ),
        (
            ["SỞ CÔNG THƯƠNG", "ĐOÀN KIỂM TRA", "THEO QUYẾT ĐỊNH", "SỐ 1050/QĐ-SCT"],
            "Lào Cai",
            "Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT, Sở Công Thương tỉnh Lào Cai",
        ),
        (["THỦ TƯỚNG CHÍNH PHỦ", "--------"], None, "Thủ tướng Chính phủ"),
        (["BỘ CÔNG THƯƠNG", "CỤC HÓA CHẤT"], None, "Cục Hóa chất, Bộ Công Thương"),
    ],
)
def test_issuer_is_the_unit_under_its_parent(caps, province, issuer):
    assert issuer_from_caps(caps, province) == issuer


@pytest.mark.parametrize(
    ("caps", "issuer"),
    [
        (["BỘ NÔNG NGHIỆP VÀ MÔI", "TRƯỜNG"], "Bộ Nông nghiệp và Môi trường"),
        (["UBND TỈNH LÀO CAI", "SỞ TÀI NGUYÊN VÀ MÔI", "TRƯỜNG"], "Sở Tài nguyên và Môi trường tỉnh Lào Cai"),
        # a place whose last word and the body's first make a domain (`Quốc phòng`) is no wrap
        (["UBND HUYỆN PHÚ QUỐC", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"], "Phòng Tài nguyên và Môi trường huyện Phú Quốc"),
        # a school under its department stays a body of its own
        (["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC VINH"], "Trường Đại học Vinh, Bộ Giáo dục và Đào tạo"),
    ],
)
def test_a_domain_wrapped_onto_a_word_that_also_heads_a_body(caps, issuer):
    """A narrow column wraps `… VÀ MÔI` / `TRƯỜNG` (a rendered scan of a ministry's decision):
    the line is the domain's end, not a school under the ministry."""
    assert issuer_from_caps(caps) == issuer


@pytest.mark.parametrize(
    ("caps", "place", "issuer"),
    [
        (["HỘI ĐỒNG NHÂN DÂN", "TĨNH HÀ GIANG"], "Hà Giang", "Hội đồng nhân dân tỉnh Hà Giang"),
        (["UBND TỈNH QUÁNG TRỊ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Quảng Trị", "Sở Giáo dục và Đào tạo tỉnh Quảng Trị"),
        (["UBND TỈNH QUÁN G TRỊ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Quảng Trị", "Sở Giáo dục và Đào tạo tỉnh Quảng Trị"),
        (["ĐẢNG BỘ TỈNH QUÁNG TRỊ", "BAN CHẤP HÀNH"], "Quảng Trị", "Ban Chấp hành Đảng bộ tỉnh Quảng Trị"),
        # a commune's or a district's name, as its place-date line writes it
        (["ỦY BAN NHÂN DÂN", "XÃ NGỌC HÔI"], "Ngọc Hồi", "Ủy ban nhân dân xã Ngọc Hồi"),
        (["ỦY BAN NHÂN DÂN", "HUYỆN ĐĂK HÀ"], "Đắk Hà", "Ủy ban nhân dân huyện Đắk Hà"),
        # the unit's tone misread with no place-date line to compare: the unit is still known
        (["ỦY BAN NHÂN DÂN", "TĨNH KHÁNH HÒA"], None, "Ủy ban nhân dân tỉnh Khánh Hòa"),
        # a department named with its unit and place, the unit's tone misread (`TÍNH`, `TINH`)
        (
            ["SỞ NỘI VỤ TÍNH LẠNG SƠN", "TRUNG TÂM LƯU TRỮ LỊCH SỬ"],
            "Lạng Sơn",
            "Trung tâm Lưu trữ lịch sử, Sở Nội vụ tỉnh Lạng Sơn",
        ),
        (["CÔNG AN HUYÊN ĐỨC THỌ"], None, "Công an huyện Đức Thọ"),
        # an urban district or ward named by its number, its unit misread (rendered scans of a district's plan)
        (["ỦY BAN NHÂN DÂN", "QUẠN 3"], None, "Ủy ban nhân dân quận 3"),
        (["ỦY BAN NHÂN DÂN", "PHUONG 12"], None, "Ủy ban nhân dân phường 12"),
        # a letter lost too (`XÃ NGỌC HI`), the place-date line's place long enough to tell
        (["ỦY BAN NHÂN DÂN", "XÃ NGỌC HI"], "Ngọc Hồi", "Ủy ban nhân dân xã Ngọc Hồi"),
        (["ỦY BAN NHÂN DÂN", "XÃ NGỌC HÀ"], "Ngọc Hồi", "Ủy ban nhân dân xã Ngọc Hà"),  # another place
        # a province the document signs in elsewhere leaves the header's own place alone
        (["UBND TỈNH QUẢNG NAM", "SỞ Y TẾ"], "Quảng Ngãi", "Sở Y tế tỉnh Quảng Nam"),
    ],
)
def test_a_place_ocr_damaged_in_the_header_as_the_document_writes_it(caps, place, issuer):
    """Rendered scans of a council's resolution and a department's plan: the header's unit or
    place read with a wrong tone (`TĨNH`, `QUÁNG`) or a space inside (`QUÁN G TRỊ`); the place-date
    line (`Quảng Trị, ngày …`, read in running case) spells the province."""
    date_line = [f"{place}, ngày 10 tháng 12 năm 2025"] if place else []
    f = facts(*caps, *MOTTO, "Số: 25/KH-UBND", *date_line, "KẾ HOẠCH", "Về thử")
    assert f.issuer == issuer


def test_unit_run_on_after_its_parent_on_one_line():
    f = facts("UBND TỈNH LÀO CAI SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "––––––", *MOTTO, "Số: 6791/SNNMT-KHTC", "KẾ HOẠCH")
    assert f.issuer == "Sở Nông nghiệp và Môi trường tỉnh Lào Cai"


@pytest.mark.parametrize(
    ("line", "kind", "rest"),
    [
        ("KẾ HOẠCH", "ke_hoach", ""),
        ("KẼHOẠCH", "ke_hoach", ""),
        ("QUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ", "quyet_dinh", "CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ"),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "chuong_trinh_hanh_dong", ""),
        ("GIẤY PHÉP", "other", ""),
        ("BIÊN BẢN KIỂM TRA", "other", "KIỂM TRA"),
        ("THÔNG TƯ", "other", ""),
        ("PHIẾU TRÌNH", "other", ""),
        ("Kế hoạch này được triển khai", None, None),
    ],
)
def test_kind_lines(line, kind, rest):
    got = kind_line(line)
    assert (got is None and kind is None) or got == (kind, rest)


def test_kinds_outside_the_enumeration_are_other_not_a_body_mention():
    f = facts("BỘ CÔNG THƯƠNG", *MOTTO, "Số: 38/2025/TT-BCT", "THÔNG TƯ", "Quy định về kế hoạch kiểm tra", "Căn cứ …")
    assert f.doc_kind == "other"
    g = facts("SỞ CÔNG THƯƠNG", *MOTTO, "BIÊN BẢN KIỂM TRA", "Hôm nay, ngày 31 tháng 3 năm 2026, tại kho …")
    assert g.doc_kind == "other" and g.issue_place is None


def test_cong_van_kind_and_subject():
    f = facts(
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÀO CAI",
        *MOTTO,
        "Số: 7432 /UBND-XD",
        "Lào Cai, ngày 21 tháng 7 năm 2026",
        "V/v triển khai thực hiện Quyết định số 1074/QĐ-BXD",
        "Kính gửi: Các sở, ban, ngành tỉnh",
    )
    assert (f.doc_kind, f.title, f.doc_number) == (
        "cong_van",
        "triển khai thực hiện Quyết định số 1074/QĐ-BXD",
        "7432/UBND-XD",
    )
    # Text layers put `Kính gửi` on the subject's line when the columns merge.
    g = facts("UBND TỈNH LÀO CAI", *MOTTO, "V/v tăng cường quản lý vật liệu nổ Kính gửi: Sở Công Thương")
    assert (g.doc_kind, g.title) == ("cong_van", "tăng cường quản lý vật liệu nổ")


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Lào Cai, ngày 10 tháng 3 năm 2026", "Lào Cai", dt.date(2026, 3, 10)),
        ("Lào Cai, ngày    tháng 4 năm 2026", "Lào Cai", None),  # a draft: the day is filled in at signing
        ("Số: 12/KH-UBND Quảng Trị, ngày 5 tháng 2 năm 2026", "Quảng Trị", dt.date(2026, 2, 5)),
        ("Hà Nội, ngày 02 tháng 03 năm 2012", "Hà Nội", dt.date(2012, 3, 2)),
    ],
)
def test_place_date_lines(line, place, date):
    f = facts("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", *MOTTO, line, "KẾ HOẠCH", "Về thử")
    assert (f.issue_place, f.issue_date) == (place, date)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Số: 182 /KH-UBND", "182/KH-UBND"),
        ("Số: 07/CT-TTg", "07/CT-TTg"),
        ("Số: 21.4/GĐN", "21.4/GĐN"),
        ("Số: 1105⁄KH-ĐKT", "1105/KH-ĐKT"),  # OCR's fraction slash
        ("Số:     /KH-SCT", None),  # a draft: the number is given at signing
    ],
)
def test_number_lines(line, number):
    assert facts("SỞ CÔNG THƯƠNG", *MOTTO, line, "KẾ HOẠCH", "Về thử").doc_number == number


def test_number_and_date_from_the_annex_caption_only():
    text = (EXAMPLES / "M.txt").read_text(encoding="utf-8")
    f = facts(*text.splitlines())
    assert (f.doc_number, f.issue_date) == ("57/KH-UBND", dt.date(2026, 3, 10))
    assert f.title == "TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NÔNG NGHIỆP GIAI ĐOẠN 2026 - 2030"
    # A city names the province; the issuer named without it is completed.
    assert f.province == "Quảng Bình"
    assert f.issuer == "Ủy ban nhân dân tỉnh Quảng Bình"


def test_a_caption_of_another_kind_is_not_the_own_number():
    f = facts(
        "UBND TỈNH LÀO CAI",
        "SỞ CÔNG THƯƠNG",
        *MOTTO,
        "Số: /KH-SCT",
        "KẾ HOẠCH",
        "Thực hiện Đề án số 08 về phát triển công nghiệp",
        "(Ban hành kèm theo Nghị quyết số 35-NQ/TU ngày 29/12/2025 của Tỉnh ủy Lào Cai)",
    )
    assert f.doc_number is None


def test_national_issuers_name_no_province():
    f = facts("BỘ XÂY DỰNG", *MOTTO, "Số: 1074/QĐ-BXD", "Hà Nội, ngày 29 tháng 6 năm 2026", "QUYẾT ĐỊNH", "Ban hành …")
    assert (f.issuer, f.province, f.issue_place) == ("Bộ Xây dựng", None, "Hà Nội")
    g = facts("THỦ TƯỚNG CHÍNH PHỦ", *MOTTO, "Số: 07/CT-TTg", "CHỈ THỊ", "Về khu công nghiệp tỉnh Quảng Ninh")
    assert g.province is None


def test_provinces_of_both_eras_and_their_cities():
    assert canonical_province("Quảng Bình") == "Quảng Bình"  # merged into Quảng Trị in 2025
    assert canonical_province("TP. Hồ Chí Minh") == "Hồ Chí Minh"
    assert canonical_province("Đăk Lăk") == "Đắk Lắk"
    assert province_of_district("thành phố", "Đồng Hới") == "Quảng Bình"
    assert province_of_district("thị xã", "Sa Pa") == "Lào Cai"
    # A name two provinces share names neither.
    assert province_of_district("huyện", "Châu Thành") is None


def test_signer_name_glued_to_a_recipient_line_by_ocr():
    f = facts(
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÀO CAI",
        "KẾ HOẠCH",
        "Về thử",
        "I. MỤC ĐÍCH",
        "1. Nội dung.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, TH. Trần Văn Bình",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
    assert (f.signer_title, f.signer_name) == ("Phó Chủ tịch", "Trần Văn Bình")


def test_a_team_header_read_across_its_columns():
    from extractors.analyse import analyse
    from extractors.normalize.pages import normalize_text

    text = normalize_text(
        "SỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐOÀN KIỂM TRA Độc lập - Tự do - Hạnh Phúc\n"
        "THEO QUYẾT ĐỊNH\nSỐ 1050/QĐ-SCT Lào Cai, ngày 10 tháng 3 năm 2026\nSố: 1105/KH-ĐKT\nKẾ HOẠCH\n"
        "Kiểm tra việc chấp hành quy định pháp luật\nI. PHÂN CÔNG NHIỆM VỤ\n"
        "1. Ông Hoàng Văn Thuân - Trưởng đoàn: phụ trách chung.\n2. Ông Đỗ Mạnh Cường - Phó Trưởng đoàn.\n"
        "Nơi nhận:\nT/M. ĐOÀN KIỂM TRA\n- Giám đốc Sở;\n- Lưu: VT.\nPHÓ GIÁM ĐỐC\nSỞ CÔNG THƯƠNG LÀO CAI"
    )
    facts = analyse(text).facts
    assert facts.issuer == "Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT, Sở Công Thương tỉnh Lào Cai"
    assert (facts.doc_number, str(facts.issue_date)) == ("1105/KH-ĐKT", "2026-03-10")
    assert (facts.signer_name, facts.signer_title) == ("Hoàng Văn Thuân", "Trưởng đoàn")


@pytest.mark.parametrize(
    ("header", "issuer", "province"),
    [
        # a district's Party committee under its province's Party organisation
        (["ĐẢNG BỘ TỈNH KON TUM", "HUYỆN ỦY ĐĂK HÀ", "*", "Số 25-KH/HU"], "Huyện ủy Đăk Hà", "Kon Tum"),
        (["TỈNH ỦY KON TUM", "*", "Số 25-KH/TU"], "Tỉnh ủy Kon Tum", "Kon Tum"),
        # a Party organisation's own boards carry it in their names, as an office does its body's
        (
            ["ĐẢNG BỘ TỈNH KON TUM", "BAN CHẤP HÀNH", "*", "Số 25-CTr/TU"],
            "Ban Chấp hành Đảng bộ tỉnh Kon Tum",
            "Kon Tum",
        ),
        (
            ["ĐẢNG BỘ HUYỆN ĐĂK HÀ", "BAN THƯỜNG VỤ", "*", "Số 25-KH/HU"],
            "Ban Thường vụ Đảng bộ huyện Đăk Hà",
            "Kon Tum",
        ),
        # the Youth Union's standing board carries its committee in its name, as a Party board does
        (["TỈNH ĐOÀN KON TUM", "BAN THƯỜNG VỤ", "***", "Số: 25-KH/TĐTN"], "Ban Thường vụ Tỉnh đoàn Kon Tum", "Kon Tum"),
        (
            ["ỦY BAN MTTQ VIỆT NAM", "TỈNH KON TUM", "Số: 25/KH-MTTQ-BTT"],
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum",
            "Kon Tum",
        ),
        # a national body takes no province from the place it signs in
        (["BAN CHẤP HÀNH TRUNG ƯƠNG", "*", "Số 25-KH/TW"], "Ban Chấp hành Trung ương", None),
    ],
)
def test_party_youth_and_front_headers(header, issuer, province):
    place = "Hà Nội" if province is None else ("Đăk Hà" if "HUYỆN" in header[1] else "Kon Tum")
    f = facts(
        *header, "ĐẢNG CỘNG SẢN VIỆT NAM", f"{place}, ngày 12 tháng 3 năm 2024", "KẾ HOẠCH", "Thực hiện Nghị quyết"
    )
    assert (f.issuer, f.province) == (issuer, province)


@pytest.mark.parametrize("party", ["ĐẢNG CỘNG SẢN VIỆT NAM", "ĐÁẢNG CỘNG SẢN VIỆT NAM", "ĐÀNG CỘNG SẢN VIỆT NAM"])
def test_the_partys_header_read_across_the_columns_and_damaged(party):
    """A rendered scan of a commune Party committee's plan: OCR reads the two columns as one
    line and garbles the header's first word; the issuer's column is still its own."""
    f = facts(
        f"ĐẢNG BỘ TỈNH LÀO CAI {party}",
        "ĐẢNG ỦY XÃ BÁT XÁT Bát Xát, ngày 10 tháng 3 năm 2026",
        "*",
        "Số: 15-KH/ĐU",
        "KẾ HOẠCH",
        "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
    )
    assert (f.issuer, f.province, f.doc_number) == ("Đảng ủy xã Bát Xát", "Lào Cai", "15-KH/ĐU")


def test_the_right_column_read_after_the_kind_line():
    """OCR may take the left column, kind line included, as one block and read the
    motto and the place-date line after it (a rendered scan of a commune's plan)."""
    f = facts(
        "ỦY BAN NHÂN DÂN",
        "XÃ NGỌC HỒI",
        "Số: 45/KH-UBND",
        "KẾ HOẠCH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ngọc Hồi, ngày 12 tháng 9 năm 2025",
        "Triển khai chuyển đổi số trên địa bàn xã năm 2026",
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;",
    )
    assert (f.doc_number, f.issue_place, str(f.issue_date)) == ("45/KH-UBND", "Ngọc Hồi", "2025-09-12")
    assert f.title == "Triển khai chuyển đổi số trên địa bàn xã năm 2026"


@pytest.mark.parametrize(
    ("title", "horizon"),
    [
        ("Cải cách hành chính năm 2026", 2026),  # an annual plan runs through its year
        ("Kiểm tra công tác quản lý vật liệu nổ công nghiệp năm 2027", 2027),
        ("Thực hiện Nghị quyết số 12/NQ-HĐND năm 2024", None),  # the year of the document it carries out
        ("Tổng kết công tác năm 2023", None),  # a year before the plan was issued
        ("Phát triển công nghiệp đến năm 2030", 2030),
    ],
)
def test_an_annual_plans_title_gives_its_horizon(title, horizon):
    f = facts(
        "ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: 12/KH-UBND", "Kon Tum, ngày 12 tháng 1 năm 2026", "KẾ HOẠCH", title
    )
    assert f.horizon_year == horizon


@pytest.mark.parametrize(
    ("kind", "subject", "title"),
    [
        # a qualifier of the kind says what sort of plan, not what about
        ("KẾ HOẠCH LIÊN TỊCH", "Về việc phối hợp phòng cháy năm 2026", "Về việc phối hợp phòng cháy năm 2026"),
        # a short rest is the head of the subject under it
        ("KẾ HOẠCH KIỂM TRA", "Công tác phòng cháy năm 2026", "Kiểm tra công tác phòng cháy năm 2026"),
        ("KẾ HOẠCH KIỂM TRA", "CÔNG TÁC PHÒNG CHÁY NĂM 2026", "KIỂM TRA CÔNG TÁC PHÒNG CHÁY NĂM 2026"),
        # the whole subject on the kind line, the preamble under it
        ("KẾ HOẠCH KIỂM TRA CÔNG TÁC PHÒNG CHÁY", "Căn cứ Luật Phòng cháy;", "KIỂM TRA CÔNG TÁC PHÒNG CHÁY"),
        ("KẾ HOẠCH KIỂM TRA", "Căn cứ Luật Phòng cháy;", "KIỂM TRA"),
    ],
)
def test_words_after_the_kind_and_the_subject_under_them(kind, subject, title):
    f = facts("ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: 12/KH-UBND", "Kon Tum, ngày 12 tháng 1 năm 2026", kind, subject)
    assert (f.doc_kind, f.title) == ("ke_hoach", title)


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        # a rendered scan of a commune Party plan: the Party's header read with a letter too many,
        # the column's two lines joined
        (["ĐÁẢNG BỘ TỈNH LÀO CAI ĐẢNG ỦY XÃ BÁT XÁT", "*"], "Đảng ủy xã Bát Xát"),
        (["SỞỞ Y TẾ TỈNH LÀO CAI"], "Sở Y tế tỉnh Lào Cai"),
        # a rendered scan of a district's decision: the place's letter doubled, its unit's marks lost
        (["ỦY BAN NHÂN DÂN", "HUYEN BÁT XAÁT"], "Ủy ban nhân dân huyện Bát Xát"),
    ],
)
def test_a_header_word_with_a_letter_doubled(lines, issuer):
    f = facts(
        *lines, "Số: 15-KH/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Bát Xát, ngày 10 tháng 3 năm 2026", "KẾ HOẠCH", "Về thử"
    )
    assert f.issuer == issuer


@pytest.mark.parametrize(
    ("parent", "unit", "issuer"),
    [
        # a rendered scan: a speck before the parent's abbreviation, which stays
        (
            ". UBND TỈNH BẾN TRE",
            "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
            "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bến Tre",
        ),
        ("ø 2, UBND TỈNH BẾN TRE", "SỞ Y TẾ", "Sở Y tế tỉnh Bến Tre"),
        # a poor copy: the place's tone misread and a speck glued after it
        ("UBND TỈNH BẾN TRÊ.", "BAN QUẢN LÝ KHU KINH TẾ", "Ban Quản lý khu kinh tế tỉnh Bến Tre"),
    ],
)
def test_specks_around_the_parents_line_leave_its_name(parent, unit, issuer):
    f = facts(
        parent, *MOTTO[:1], unit, MOTTO[1], "Số: 356/KH-SNN", "Bến Tre, ngày 14 tháng 3 năm 2024", "KẾ HOẠCH", "Về thử"
    )
    assert f.issuer == issuer


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        # rendered scans: a name ending on its level, the tone misread
        (["SỞ Y TẾ TỈNH THÁI BÌNH", "BỆNH VIỆN ĐA KHOA TĨNH"], "Bệnh viện đa khoa tỉnh, Sở Y tế tỉnh Thái Bình"),
        # OCR's `Sở` before a domain's abbreviation
        (
            ["SỚ GD&ĐT TỈNH NAM ĐỊNH", "TRƯỜNG THPT LÊ QUÝ ĐÔN"],
            "Trường THPT lê quý đôn, Sở Giáo dục và Đào tạo tỉnh Nam Định",
        ),
        # the unit's own place misread before its parent's name, respelt as the place-date line writes it
        (
            ["BỘ CHQS TỈNH HÀ TĨNH", "BAN CHQS HUYỆN CÂM XUYÊN"],
            "Ban Chỉ huy Quân sự huyện Cẩm Xuyên, Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh",
        ),
    ],
)
def test_a_units_words_ocr_misread_under_its_parent(lines, issuer):
    f = facts(*lines, *MOTTO, "Số: 12/KH-BCH", "Cẩm Xuyên, ngày 20 tháng 02 năm 2025", "KẾ HOẠCH", "Về thử")
    assert f.issuer == issuer


@pytest.mark.parametrize(("district", "place"), [("QUẬN 3", "Quận 3"), ("PHƯỜNG 12", "Phường 12")])
def test_an_urban_unit_named_by_its_number_dates_the_plan(district, place):
    """Ho Chi Minh City's districts and many cities' wards before 2025 are numbered."""
    f = facts(
        "ỦY BAN NHÂN DÂN",
        district,
        *MOTTO,
        "Số: 145/KH-UBND",
        f"{place}, ngày 12 tháng 4 năm 2023",
        "KẾ HOẠCH",
        "Về thử",
    )
    assert (f.issue_place, str(f.issue_date)) == (place, "2023-04-12")


def test_a_number_line_left_blank_gives_no_word_to_the_issuer():
    """A real letter's draft: `Số:         /SCT - CN`, its number left for the clerk."""
    f = facts("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số:         /SCT - CN", "V/v thẩm định thiết kế", *MOTTO)
    assert f.issuer == "Sở Công Thương tỉnh Lào Cai"


@pytest.mark.parametrize("kind_line", ["KẾ HOẠCH l", "m KẾ HOẠCH"])
def test_a_speck_beside_the_kind_line(kind_line):
    """`KẾ HOẠCH l`, `m NGHỊ QUYẾT` on rendered scans: the kind line, its subject under it."""
    f = facts(
        "UBND TỈNH LÀO CAI",
        *MOTTO,
        "Số: 15/KH-UBND",
        "Lào Cai, ngày 10 tháng 3 năm 2026",
        kind_line,
        "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
    )
    assert (f.doc_kind, f.title) == ("ke_hoach", "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị")


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        # rendered scans: a speck line above the header, a speck comma inside the body's name
        (["2,", "ỦY BAN NHÂN DÂN", "XÃ NGỌC HỒI"], "Ủy ban nhân dân xã Ngọc Hồi"),
        (["ỦY, BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ],
)
def test_specks_in_the_issuers_column(lines, issuer):
    assert facts(*lines, *MOTTO, "Số: 45/KH-UBND", "KẾ HOẠCH", "Về thử").issuer == issuer


def test_a_comma_that_is_part_of_a_name_stays():
    from extractors.metadata import _comma_speck

    line = "BAN CHỈ HUY PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN"
    assert _comma_speck(line) == line


def test_a_title_in_capitals_over_the_chairmans_enacting_line():
    """`BAN HÀNH KẾ HOẠCH …` / `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH` (the place in the header only): two lines."""
    f = facts(
        "ỦY BAN NHÂN DÂN",
        "TỈNH GIA LAI",
        *MOTTO,
        "Số: 512/QĐ-UBND",
        "Gia Lai, ngày 19 tháng 7 năm 2024",
        "QUYẾT ĐỊNH",
        "BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH GIA LAI NĂM 2025",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    )
    assert f.title == "BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH GIA LAI NĂM 2025"


@pytest.mark.parametrize("committee", ["HUYỆN ỦY NGA SƠN", "HUYỆN ÚY NGA SƠN", "HUYEN UY NGA SƠN"])
def test_a_committee_under_its_party_organisation_with_a_tone_misread(committee):
    """A rendered poor scan of a district Party programme: `HUYỆN ÚY NGA SƠN` under `ĐẢNG BỘ TỈNH
    THANH HÓA` read as the province's unit `huyện`, and the document had no issuer."""
    assert issuer_from_caps(["ĐẢNG BỘ TỈNH THANH HÓA", committee]) == "Huyện ủy Nga Sơn"
