"""Document metadata against the answer keys, from truth and raw text."""

import datetime as dt

import pytest

from extractors.analyse import analyse
from extractors.document import ParsedDoc
from extractors.metadata import _LOCALITY, extract_metadata, issuer_from_caps, sentence_case, title_case_place
from extractors.normalize.pages import normalize_pages, normalize_text
from extractors.sections import parse_sections
from tests.samples import HEADER_FIELDS, SAMPLES, gold, text_sample, truth_text

FIELDS = HEADER_FIELDS


def _facts(text):
    return extract_metadata(ParsedDoc(text, parse_sections(text)))


def _compare(name, facts):
    want = gold(name)["document"]
    for f in FIELDS:
        got = getattr(facts, f)
        if isinstance(got, dt.date):
            got = got.isoformat()
        if f == "doc_number" and got:
            got = got.upper()
        exp = want[f].upper() if f == "doc_number" and want[f] else want[f]
        assert got == exp, (f, got, exp)


@pytest.mark.parametrize("name", SAMPLES)
def test_metadata_truth(name):
    _compare(name, _facts(truth_text(name)))


@pytest.mark.parametrize("name", SAMPLES)
def test_metadata_raw_text(name):
    path = text_sample(name)
    _compare(name, _facts(normalize_text(path.read_text(encoding="utf-8"), markdown=path.suffix == ".md")))


@pytest.mark.parametrize(
    ("district", "place", "signer", "issuer", "province"),
    [
        # the Central Highlands: apostrophes in places, one-letter first words in names;
        # a listed place is spelt as the list spells it (`H'Drai`, not `H'drai`)
        ("HUYỆN CƯ M'GAR", "Cư M'gar", "Y Mươl Niê", "Ủy ban nhân dân huyện Cư M'gar", "Đắk Lắk"),
        ("HUYỆN IA H’DRAI", "Ia H’Drai", "A Pớt", "Ủy ban nhân dân huyện Ia H'Drai", "Kon Tum"),
        ("HUYỆN ĐẮK R'LẤP", "Đắk R'lấp", "H'Hen Niê", "Ủy ban nhân dân huyện Đắk R'Lấp", "Đắk Nông"),
    ],
)
def test_names_of_the_central_highlands(district, place, signer, issuer, province):
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            district,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 45/KH-UBND",
            f"{place}, ngày 20 tháng 02 năm 2025",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2025",
            "1. Phòng Nội vụ tham mưu sắp xếp tổ chức bộ máy.",
            "Nơi nhận:",
            "- Lưu: VT.",
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            signer,
        ]
    )
    f = _facts(normalize_text(text))
    assert (f.issuer, f.province) == (issuer, province)
    assert (f.issue_place, f.issue_date) == (place, dt.date(2025, 2, 20))
    assert (f.signer_title, f.signer_name) == ("Phó Chủ tịch", signer)


def test_issuer_and_case_helpers():
    assert issuer_from_caps(["ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU"]) == "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"
    assert issuer_from_caps(["UBND THÀNH PHỐ HÀ NỘI"]) == "Ủy ban nhân dân thành phố Hà Nội"
    assert sentence_case("PHÓ CHỦ TỊCH") == "Phó Chủ tịch"
    assert sentence_case("GIÁM ĐỐC") == "Giám đốc"
    assert title_case_place("THỪA THIÊN HUẾ") == "Thừa Thiên Huế"


def test_header_from_another_province_and_kind():
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH QUẢNG NAM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 45 /CT-UBND",
            "Quảng Nam, ngày 05 tháng 3 năm 2022",
            "CHỈ THỊ",
            "Về tăng cường công tác phòng, chống thiên tai năm 2022",
            "Trong những năm qua, công tác phòng chống thiên tai đã đạt nhiều kết quả.",
            "1. Các sở, ban, ngành thực hiện tốt nhiệm vụ.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Trần Văn Tân",
        ]
    )
    f = _facts(text)
    assert (f.doc_kind, f.doc_number, f.issuer, f.province, f.issue_place, f.issue_date) == (
        "chi_thi",
        "45/CT-UBND",
        "Ủy ban nhân dân tỉnh Quảng Nam",
        "Quảng Nam",
        "Quảng Nam",
        dt.date(2022, 3, 5),
    )
    assert f.title == "Về tăng cường công tác phòng, chống thiên tai năm 2022"
    assert (f.signer_title, f.signer_name) == ("Phó Chủ tịch", "Trần Văn Tân")


def _plan_closing_with(*closing: str) -> str:
    """A district's short plan whose recipients' and signature block is `closing`."""
    head = ["ỦY BAN NHÂN DÂN", "HUYỆN TAM NÔNG", "Số: 18/KH-UBND", "KẾ HOẠCH", "Về thử nghiệm", "1. Nội dung."]
    return "\n".join([*head, "Nơi nhận:", *closing])


@pytest.mark.parametrize(
    ("read", "ocr", "name"),
    [
        ("Nguyên Văn Toàn", True, "Nguyễn Văn Toàn"),  # rendered scans of two invented plans, three seeds
        ("Trân Văn Bình", True, "Trần Văn Bình"),
        ("Nguyên Văn Toàn", False, "Nguyên Văn Toàn"),  # a text layer's name is as written
        ("Lê Trung Chinh", True, "Lê Trung Chinh"),
    ],
)
def test_a_scanned_signers_family_name_with_a_mark_lost(read, ocr, name):
    text = _plan_closing_with("- Như trên;", "CHỦ TỊCH", read)
    doc = ParsedDoc(text, parse_sections(text), page_starts=[0], ocr_pages=frozenset({1}) if ocr else frozenset())
    assert extract_metadata(doc).signer_name == name


@pytest.mark.parametrize(
    ("recipient", "name"),
    [
        # rendered scans of a district's plan (two seeds): the name read into a recipient's line
        ("- TT Huyện ủy, TT. HĐND huyện Nguyễn Văn Tâm (b/c);", "Nguyễn Văn Tâm"),
        ("- Đ/c Trần Văn An (để b/c);", None),  # a recipient named as a person
    ],
)
def test_a_signers_name_read_into_a_recipients_line(recipient, name):
    text = _plan_closing_with("TM. ỦY BAN NHÂN DÂN", "- UBND tỉnh (b/c);", "CHỦ TỊCH", recipient, "- Lưu: VT.")
    assert extract_metadata(ParsedDoc(text, parse_sections(text))).signer_name == name


@pytest.mark.parametrize(
    ("closing", "title", "name"),
    [
        # rendered scans of a school's and a military command's plans: an unlisted title, its tone misread
        (["- Sở GD&ĐT (b/c);", "HIỆU TRƯƠNG", "- Lưu: VT.", "Trần Thị Lan Anh"], "Hiệu trưởng", "Trần Thị Lan Anh"),
        (["CHỈ HUY TRƯƠNG", "- Lưu: VT.", "Thượng tá Nguyễn Văn Thắng"], "Chỉ huy trưởng", "Nguyễn Văn Thắng"),
        # … on the recipients' baseline behind a speck
        (["- HIEU TRƯỜNG", "- Sở GD&ĐT (b/c);", "- Lưu: VT.", "Trần Thị Lan Anh"], "Hiệu trưởng", "Trần Thị Lan Anh"),
    ],
)
def test_a_signers_title_known_by_its_letters(closing, title, name):
    text = _plan_closing_with(*closing)
    if closing[0].startswith("- HIEU"):
        text = text.replace("Nơi nhận:\n", "Nơi nhận: ", 1)  # the title on the label's line
    f = extract_metadata(ParsedDoc(text, parse_sections(text)))
    assert (f.signer_title, f.signer_name) == (title, name)


def test_the_recipients_label_ocr_read_without_its_space_still_closes_the_body():
    """`Nơinhận` on a rendered poor copy: the recipients were read as seven tasks, the signer lost."""
    text = "\n".join(
        ["ỦY BAN NHÂN DÂN", "HUYỆN TAM NÔNG", "Số: 18/KH-UBND", "KẾ HOẠCH", "Về thử nghiệm", "I. NHIỆM VỤ"]
        + ["1. Phòng Nội vụ chủ trì rà soát.", "Nơinhận", "CHỦ TỊCH", "- UBND tỉnh (b/c);", "- Các phòng, ban;"]
        + ["- Lưu: VT.", "Nguyễn Văn Thắng"]
    )
    doc = analyse(text)
    assert (doc.facts.signer_title, doc.facts.signer_name) == ("Chủ tịch", "Nguyễn Văn Thắng")
    assert [t.lead for t in doc.tasks] == [["Phòng Nội vụ"]]


def test_province_from_place_names_when_no_header():
    text = (
        "Thực hiện Quyết định số 12/QĐ-TTg, Ủy ban nhân dân thành phố Cần Thơ ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH"
    )
    f = _facts(text)
    assert f.province == "Cần Thơ" and f.doc_kind == "ke_hoach"
    assert f.issuer == "Ủy ban nhân dân thành phố Cần Thơ"


def test_ocr_damaged_kind_line_and_issuer():
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "TỈNH KIÊN GIANG",
            "Số: 182 /KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Kiên Giang, ngày 27 tháng 11 năm 2020",
            "KẼHOẠCH",
            "Thực hiện Kế hoạch số 211-KH/TU ngày 11-6-2020 của Tỉnh ủy Kiên Giang",
            "Thực hiện Kế hoạch số 211-KH/TU, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        ]
    )
    f = _facts(text)
    assert f.doc_kind == "ke_hoach"
    assert f.title == "Thực hiện Kế hoạch số 211-KH/TU ngày 11-6-2020 của Tỉnh ủy Kiên Giang"
    body = "Thực hiện Nghị quyết số 06/NQ-CP; Ủy ban nhân - dân tỉnh Kon Tum xây dựng Chương trình hành động như sau:"
    assert _facts(body).issuer == "Ủy ban nhân dân tỉnh Kon Tum"


@pytest.mark.parametrize("field", ["Số: 1050/QĐ-SCT", "SỐ 1050/QĐ-SCT", "SỐ: 1050/QĐ-SCT", "Sô: 1050/QĐ-SCT"])
def test_the_number_field_in_capitals_is_the_number_not_the_issuer(field):
    # OCR takes `Số`'s marked letters for capitals (a real scan read `SỐ 1050/QĐ-SCT`); some headers are typed so.
    text = "\n".join(
        [
            "UBND TỈNH LÀO CAI",
            "SỞ CÔNG THƯƠNG",
            field,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lào Cai, ngày 06 tháng 3 năm 2026",
            "QUYẾT ĐỊNH",
            "Về việc thành lập đoàn kiểm tra",
        ]
    )
    f = _facts(text)
    assert (f.doc_number, f.issuer) == ("1050/QĐ-SCT", "Sở Công Thương tỉnh Lào Cai")


@pytest.mark.parametrize("motto", ["CỌNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM"])
def test_a_motto_ocr_misspelt_is_never_the_issuer(motto):
    # Two real scanned biên bản: their motto, one vowel misread, was taken for the issuer.
    text = "\n".join([motto, "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN KIỂM TRA", "Thực tế kho bảo quản"])
    assert _facts(text).issuer is None


def test_a_recipient_read_into_the_signature_column_is_not_the_signer():
    # OCR reads the two columns line by line: the recipients land in the signature block
    # (a real scan: `- Sở Công Thương;` was taken for the signer).
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
            "Số: 15/KH-UBND",
            "KẾ HOẠCH",
            "Triển khai công tác năm 2026",
            "I. MỤC TIÊU",
            "Bảo đảm an toàn.",
            "Nơi nhận:",
            "KT. CHỦ TỊCH",
            "- Bộ Công Thương;",
            "- Sở Công Thương;",
            "- Lưu: VT, KT.",
            "PHÓ CHỦ TỊCH",
            "Trần Văn Bình",
        ]
    )
    f = _facts(text)
    assert (f.signer_title, f.signer_name) == ("Phó Chủ tịch", "Trần Văn Bình")


def test_a_body_the_opening_cites_is_not_the_issuer():
    # A headerless biên bản whose legal basis cites the province's committee (a real scan).
    lines = [
        "BIÊN BẢN KIỂM TRA",
        "1. Căn cứ quy định về quản lý hoạt động xây dựng do UBND tỉnh Lào Cai ban hành.",
        "2. Căn cứ Quyết định số 05/2025/QĐ-UBND ngày 01/7/2025 của UBND tỉnh Lào Cai.",
        "Hôm nay, ngày 31 tháng 3 năm 2026, đoàn kiểm tra tiến hành kiểm tra.",
    ]
    assert _facts("\n".join(lines)).issuer is None
    speaking = "Thực hiện Nghị quyết số 06/NQ-CP, Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch như sau:"
    assert _facts("\n".join([*lines, speaking])).issuer == "Ủy ban nhân dân tỉnh Lào Cai"


def test_an_issuer_from_the_body_ends_with_its_line():
    # A real scanned biên bản: the place ran on into the next line's `- Ông`.
    text = "BIÊN BẢN KIỂM TRA\nĐại diện Ủy ban nhân dân xã Yên Thành\n- Ông Nguyễn Văn An, Chủ tịch."
    assert _facts(text).issuer == "Ủy ban nhân dân xã Yên Thành"


@pytest.mark.parametrize(
    ("block", "title"),
    [
        # the deputy's title line lost or run into a recipient line (real scans)
        (["KT. GIÁM ĐỐC", "- Ban Giám đốc Sở; PHO GIAM ĐỌC", "- Lưu: VT.", "Hoàng Văn An"], "Phó Giám đốc"),
        (["KT. BỘ TRƯỞNG", "- Như trên; THỨ TRƯỞNG Quý", "- Lưu: VT.", "Trần Văn Bình"], "Thứ trưởng"),
        (["KT. CỤC TRƯỞNG", "- Như trên;", "- Lưu: VT.", "Lê Thị Hoa"], "Phó Cục trưởng"),
        # the title line read: it says which deputy
        (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Văn Cường"], "Phó Chủ tịch"),
        (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Cường"], "Chủ tịch"),
        # the title line's `PHÓ` damaged by the seal over it (real 466 phiếu chuyển, GP-2507)
        (["KT. CHÁNH VĂN PHÒNG", "ZHÓ CHÁNH VĂN PHÒNG", "Hoàng Ngọc Bích"], "Phó Chánh Văn phòng"),
        (["KT. CHỦ TỊCH", "ĐHÓ CHỦ TỊCH", "Nguyễn Thành Sinh"], "Phó Chủ tịch"),
        (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trương Thanh Hoài"], "Thứ trưởng"),
    ],
)
def test_who_signs_for_the_head_is_the_deputy(block, title):
    text = "\n".join(["ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "KẾ HOẠCH", "Công tác năm 2026", "Nơi nhận:", *block])
    assert _facts(text).signer_title == title


def test_ocr_debris_after_the_kind_is_no_title():
    from extractors.metadata import kind_line

    assert kind_line("KẼHOẠCH _") == ("ke_hoach", "")


def _signed(block: list[str]):
    """The kiengiang plan signed with `block` instead of its own signature."""
    text = truth_text("kiengiang-2020-kh182")
    text = text[: text.index("TM. ỦY BAN NHÂN DÂN")] + "\n".join(block) + "\n"
    return _facts(normalize_text(text))


@pytest.mark.parametrize(
    ("block", "title"),
    [
        # titles of other offices and levels: read from the block's structure, not a list
        (["TRƯỞNG PHÒNG", "Nguyễn Văn An"], "Trưởng phòng"),
        (["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Nguyễn Văn An"], "Phó Trưởng phòng"),
        (["KT. VIỆN TRƯỞNG", "Nguyễn Văn An"], "Phó Viện trưởng"),  # the title line lost
        (["HIỆU TRƯỞNG", "(Đã ký)", "Nguyễn Văn An"], "Hiệu trưởng"),
        # a Party committee's block: `T/M` without its period
        (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Văn An"], "Phó Bí thư thường trực"),
        # `TL.`/`TUQ.` name whom the signer serves; the signer's title is below
        (["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ TÀI CHÍNH", "Nguyễn Văn An"], "Giám đốc sở tài chính"),
        (["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"], "Chánh Văn phòng"),
        (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Ký tên, đóng dấu)", "Nguyễn Văn An"], "Phó Giám đốc"),
        (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn An"], "Thứ trưởng"),
    ],
)
def test_a_signer_title_no_list_holds_is_read_from_the_block(block, title):
    facts = _signed(block)
    assert (facts.signer_title, facts.signer_name) == (title, "Nguyễn Văn An")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("HIỆU TRƯƠNG", "Hiệu trưởng"),  # a tone OCR misread: the title known by its letters
        ("CHỈ HUY TRƯƠNG", "Chỉ huy trưởng"),
        # two titles with the same letters (a unit's head, a deputy minister): neither is
        # the other's repair, each stays as written
        ("THỦ TRƯỞNG", "Thủ trưởng"),
        ("THỨ TRƯỞNG", "Thứ trưởng"),
        ("THU TRUONG", "Thu truong"),
    ],
)
def test_a_title_line_is_spelt_as_the_title_its_letters_name(line, title):
    from extractors.metadata import _title_line

    assert _title_line(line) == title


@pytest.mark.parametrize(
    ("block", "title"),
    [
        (
            ["T/M BAN CHẤP HÀNH", "Nơi nhận:                                  BÍ THƯ", "- Ban Bí thư Trung ương Đảng,"],
            "Bí thư",
        ),
        (["TM. ỦY BAN NHÂN DÂN", "Nơi nhận:                          PHÓ CHỦ TỊCH", "- Như trên;"], "Phó Chủ tịch"),
        (["KT. GIÁM ĐỐC", "Nơi nhận:                          PHÓ GIÁM ĐỐC", "- Như trên;"], "Phó Giám đốc"),
    ],
)
def test_a_signature_column_that_shares_lines_with_the_recipients(block, title):
    """A text export of the two-column closing table: the title on the `Nơi nhận:` line,
    the name at the end of the last recipient's."""
    facts = _signed([*block, "- Lưu: VT.                                 Nguyễn Văn An"])
    assert (facts.signer_title, facts.signer_name) == (title, "Nguyễn Văn An")


@pytest.mark.parametrize(
    "block",
    [
        # a team's head, the office they also hold printed under the name (real KH-1105)
        ["T/M. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN", "Nguyễn Văn An", "PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG"],
        ["T/M. ĐOÀN CÔNG TÁC", "TRƯỞNG ĐOÀN", "(Đã ký)", "Nguyễn Văn An", "CHÁNH VĂN PHÒNG UBND TỈNH"],
        # a joint plan: the second body's block read after the first's
        ["T/M. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN", "Nguyễn Văn An", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Trần Văn B"],
    ],
)
def test_a_title_under_the_signers_name_is_not_theirs(block):
    """The name closes its signer's block: the title is the one above it."""
    facts = _signed(block)
    assert (facts.signer_title, facts.signer_name) == ("Trưởng đoàn", "Nguyễn Văn An")


def test_a_form_in_an_appendix_that_signs_again_is_not_the_signer():
    """A real circular (TT-23/2024/BCT) ends on forms with their own signature
    blocks (`BỘ TRƯỞNG` / `Nguyễn Văn A`): the body's block signs the document."""
    facts = _signed(
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "PHỤ LỤC", "Mẫu số 01", "GIẤY ĐỀ NGHỊ CẤP PHÉP"]
        + ["Kính gửi: Bộ Công Thương", "Nơi nhận:", "- Như trên;", "GIÁM ĐỐC", "Nguyễn Văn B"]
    )
    assert (facts.signer_title, facts.signer_name) == ("Phó Chủ tịch", "Nguyễn Văn An")


def test_a_body_ending_a_table_cell_takes_no_place_from_the_next_cell():
    text = (
        "KẾ HOẠCH\nVề bảo vệ nguồn nước\nI. NHIỆM VỤ\n1. Tăng cường quản lý tài nguyên nước.\n"
        "STT\tTên nhiệm vụ\tSản phẩm\tCơ quan chủ trì\n"
        "1\tNâng cấp kênh tưới\tĐề án trình Ủy ban nhân dân tỉnh\tỦy ban nhân dân cấp xã\n"
    )
    assert _facts(text).issuer is None
    named = text.replace("trình Ủy ban nhân dân tỉnh\t", "trình Ủy ban nhân dân tỉnh Hà Giang\t")
    assert _facts(named).issuer is None  # a body the plan submits to is cited (`trình …`), not the issuer


@pytest.mark.parametrize(
    ("left_column", "issuer"),
    [
        # a unit run on after its parent on one line, whatever its head: the parent
        # ends with the listed place (`Trường`, `BQL` are on no list of heads)
        ("UBND TỈNH KIÊN GIANG\nTRƯỜNG CAO ĐẲNG KIÊN GIANG", "Trường Cao đẳng Kiên Giang"),
        ("UBND TỈNH KIÊN GIANG\nBQL KHU KINH TẾ PHÚ QUỐC", "Ban Quản lý khu kinh tế Phú Quốc tỉnh Kiên Giang"),
        # a department named with its province and no unit
        ("SỞ Y TẾ KIÊN GIANG", "Sở Y tế tỉnh Kiên Giang"),
        # an abbreviation inside the unit's name
        ("UBND TỈNH KIÊN GIANG\nVĂN PHÒNG UBND TỈNH", "Văn phòng Ủy ban nhân dân tỉnh Kiên Giang"),
        ("UBND TỈNH KIÊN GIANG\nSỞ TÀI CHÍNH", "Sở Tài chính tỉnh Kiên Giang"),
        # a unit under a department whose name ends with its unit word: the place follows it
        ("UBND TỈNH KIÊN GIANG\nSỞ Y TẾ\nBỆNH VIỆN ĐA KHOA TỈNH", "Bệnh viện đa khoa tỉnh Kiên Giang, Sở Y tế"),
        # a department named with its province over its own unit, the column's two lines joined
        # into one (a layout that gives each column as one paragraph)
        ("SỞ NỘI VỤ TỈNH KIÊN GIANG TRUNG TÂM LƯU TRỮ LỊCH SỬ", "Trung tâm Lưu trữ lịch sử, Sở Nội vụ tỉnh Kiên Giang"),
        (
            "SỞ Y TẾ TỈNH KIÊN GIANG TRUNG TÂM KIỂM SOÁT BỆNH TẬT",
            "Trung tâm Kiểm soát bệnh tật, Sở Y tế tỉnh Kiên Giang",
        ),
        ("CÔNG AN TỈNH KIÊN GIANG PHÒNG CẢNH SÁT GIAO THÔNG", "Phòng Cảnh sát giao thông, Công an tỉnh Kiên Giang"),
    ],
)
def test_the_issuer_of_a_unit_under_its_parent(left_column, issuer):
    text = truth_text("kiengiang-2020-kh182").replace("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG", left_column, 1)
    facts = _facts(normalize_text(text))
    assert (facts.issuer, facts.province) == (issuer, "Kiên Giang")


@pytest.mark.parametrize("debris", ["TT 02", "ø TTPT(2, t}"])
def test_ocr_debris_before_the_issuers_name_is_no_part_of_it(debris):
    # A seal or a handwritten mark read into the header's first line (two real scans).
    text = f"{debris} CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ QUYẾT\nVề cắt giảm thủ tục hành chính"
    assert _facts(text).issuer == "Chính phủ"
    assert _facts("UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nKẾ HOẠCH\nKiểm tra").issuer == "Sở Công Thương tỉnh Lào Cai"


@pytest.mark.parametrize(
    ("left_column", "issuer"),
    [
        # a body's own office, named by its head alone (a real Phiếu chuyển, OCR'd without marks)
        (["UBND TỈNH LÀO CAI", "VAN PHONG"], "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"),
        (["UBND TỈNH LÀO CAI VĂN PHÒNG"], "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"),
        # a ministry's unit run on after it on one line (a real Công văn)
        (["BỘ CÔNG THƯƠNG CỤC HÓA CHẤT"], "Cục Hóa chất, Bộ Công Thương"),
        (["BỘ CÔNG THƯƠNG", "CỤC HÓA CHẤT"], "Cục Hóa chất, Bộ Công Thương"),
        # a Party committee's board or office: the committee is part of its name
        (["TỈNH ỦY KIÊN GIANG", "BAN TUYÊN GIÁO"], "Ban Tuyên giáo Tỉnh ủy Kiên Giang"),
        (["HUYỆN ỦY CHÂU THÀNH", "VĂN PHÒNG"], "Văn phòng Huyện ủy Châu Thành"),
        # a name wrapped onto a second line that names no body of its own (a real company's Quyết định)
        (["CÔNG TY CP ĐẦU TƯ XÂY DỰNG", "HẠ TẦNG VÀ GIAO THÔNG"], "Công ty CP đầu tư xây dựng hạ tầng và giao thông"),
    ],
)
def test_an_office_or_a_ministrys_unit_named_under_its_parent(left_column, issuer):
    text = "\n".join([*left_column, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH", "Kiểm tra năm 2026"])
    assert _facts(text).issuer == issuer


@pytest.mark.parametrize("date_line", ["Lào Cai, ngày U6_ tháng 3 năm 2026", "Lào Cai, ngày 0À tháng năm 2026"])
def test_a_day_ocr_could_not_read_keeps_the_place(date_line):
    # A stamp over the day (two real scans): the place is still the place, the date unknown.
    text = f"UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 1050/QĐ-SCT\n{date_line}\nQUYẾT ĐỊNH\nKiểm tra năm 2026"
    facts = _facts(text)
    assert (facts.issue_place, facts.issue_date) == ("Lào Cai", None)


@pytest.mark.parametrize(
    "place",
    ["Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Tp. Hồ Chí Minh", "THÀNH PHỐ HỒ CHÍ MINH"],
)
@pytest.mark.parametrize("merged", [False, True])
def test_a_city_named_with_its_unit_in_the_date_line(place, merged):
    """The place as the date line writes it, the unit spelt out; `TP.` opens the place, it is
    no column of the header (a merged line `Số: … TP. Hồ Chí Minh, ngày …` splits before it)."""
    number, date = "Số: 1234/KH-UBND", f"{place}, ngày 05 tháng 3 năm 2025"
    lines = [f"{number} {date}"] if merged else [number, date]
    text = "\n".join(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", *lines, "KẾ HOẠCH", "Chuyển đổi số năm 2025"])
    facts = _facts(text)
    assert (facts.issue_place, str(facts.issue_date), facts.doc_number) == (
        "Thành phố Hồ Chí Minh",
        "2025-03-05",
        "1234/KH-UBND",
    )


def test_a_forms_title_in_capitals_is_no_issuer():
    # Real appendix forms (scans): no header, the form's title in capitals at the top.
    text = "MẪU GIẤY ĐỀ NGHỊ CẤP GIẤY PHÉP\nVẬN CHUYỂN HÀNG NGUY HIỂM\nKính gửi: Cục Hóa chất\nTên tổ chức: …"
    assert _facts(text).issuer is None
    assert _facts("SỞ CÔNG THƯƠNG\nKẾ HOẠCH\nKiểm tra năm 2026").issuer == "Sở Công Thương"


_COUNCIL = ["HỘI ĐỒNG NHÂN DÂN", "TỈNH HÀ GIANG", "Số: 25/NQ-HĐND", "Hà Giang, ngày 10 tháng 12 năm 2020"]
_COUNCIL_TITLE = "về kế hoạch phát triển kinh tế - xã hội năm 2021"
_GOVERNMENT = ["CHÍNH PHỦ", "Số: 18/NQ-CP", "Hà Nội, ngày 22 tháng 01 năm 2026"]
_GOVERNMENT_TITLE = "ban hành chương trình hành động của chính phủ thực hiện nghị quyết số 57-nq/tw"
_DEPARTMENT = [
    "UBND TỈNH BẾN TRE",
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
    "Số: 356/QĐ-SNNMT",
    "Bến Tre, ngày 14 tháng 3 năm 2025",
]
_DEPARTMENT_TITLE = "ban hành kế hoạch phòng, chống hạn hán, xâm nhập mặn mùa khô năm 2025"


@pytest.mark.parametrize(
    ("header", "subject", "enacting", "title"),
    [
        (_COUNCIL, _COUNCIL_TITLE.capitalize(), ["HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG", "KHÓA XVII"], _COUNCIL_TITLE),
        (_COUNCIL, _COUNCIL_TITLE.upper(), ["HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG", "KHÓA XVII"], _COUNCIL_TITLE),
        # the Government's resolutions and decrees: `CHÍNH PHỦ`, two words
        (_GOVERNMENT, _GOVERNMENT_TITLE.capitalize(), ["CHÍNH PHỦ"], _GOVERNMENT_TITLE),
        (_GOVERNMENT, _GOVERNMENT_TITLE.upper(), ["CHÍNH PHỦ"], _GOVERNMENT_TITLE),
        # the committee's head enacts (a Chủ tịch's decision)
        (_COUNCIL, _COUNCIL_TITLE.upper(), ["CHỦ TỊCH HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG"], _COUNCIL_TITLE),
        # a department's or ministry's head decides on the body's own plan
        (_DEPARTMENT, _DEPARTMENT_TITLE.upper(), ["GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], _DEPARTMENT_TITLE),
        (_DEPARTMENT, _DEPARTMENT_TITLE.upper(), ["BỘ TRƯỞNG BỘ Y TẾ"], _DEPARTMENT_TITLE),
    ],
)
def test_the_enacting_body_under_the_title_is_not_part_of_it(header, subject, enacting, title):
    """A resolution's or decision's title is followed by the body enacting it, in capitals
    (`HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG`, `ỦY BAN NHÂN DÂN TỈNH KON TUM`, `CHÍNH PHỦ`), the subject
    in sentence case or in capitals."""
    lines = [*header, "NGHỊ QUYẾT", subject, *enacting, "Căn cứ Luật Tổ chức chính quyền địa phương;"]
    facts = _facts(normalize_text("\n".join(lines)))
    assert facts.title.lower() == title
    if header is _GOVERNMENT:
        assert facts.issuer == "Chính phủ"
    elif header is _DEPARTMENT:
        assert (facts.issuer, facts.horizon_year) == ("Sở Nông nghiệp và Môi trường tỉnh Bến Tre", 2025)
    else:
        assert (facts.issuer, facts.horizon_year) == ("Hội đồng nhân dân tỉnh Hà Giang", 2021)


@pytest.mark.parametrize(
    ("district", "province"), [("ĐẮK HÀ", "Kon Tum"), ("ĐĂK TÔ", "Kon Tum"), ("KRÔNG BÔNG", "Đắk Lắk")]
)
def test_a_highland_district_spelled_either_way_names_its_province(district, province):
    """The gazetteer has `Đăk Hà` and `Đắk Tô`; gazettes write both syllables either way."""
    text = normalize_text(f"ỦY BAN NHÂN DÂN\nHUYỆN {district}\nSố: 58/KH-UBND\nKẾ HOẠCH\nPhát triển nông nghiệp")
    assert _facts(text).province == province


def test_a_preamble_that_opens_on_triển_khai_and_a_document_is_not_the_title():
    text = normalize_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 77/KH-UBND\nKẾ HOẠCH\n"
        "Thực hiện Chỉ thị số 05-CT/TW ngày 23 tháng 6 năm 2021 của Ban Bí thư về giảm nghèo bền vững đến năm 2030\n"
        "Triển khai Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị, Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:\n"
        "I. MỤC TIÊU"
    )
    facts = _facts(text)
    assert facts.title.endswith("giảm nghèo bền vững đến năm 2030")
    assert facts.horizon_year == 2030


def test_a_directives_narrative_opening_is_not_part_of_its_title():
    """A Chỉ thị opens on prose, not on `Căn cứ`: the subject line has no full stop,
    the next line holds sentences and ends on `yêu cầu:`."""
    text = normalize_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 08/CT-UBND\nCHỈ THỊ\n"
        "Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024 - 2025\n"
        "Mùa khô được dự báo nắng nóng kéo dài. Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n"
        "1. Sở Nông nghiệp và Phát triển nông thôn:"
    )
    facts = _facts(text)
    assert facts.title == "Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024 - 2025"
    assert facts.horizon_year == 2025  # a season's or school year's last year


def test_a_title_wrapped_onto_a_lower_case_line_stays_whole():
    text = normalize_text(
        "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/KH-UBND\nKẾ HOẠCH\n"
        "Triển khai thực hiện Quyết định số 1756/QĐ-TTg ngày 31 tháng 12 năm 2023 của Thủ tướng\n"
        "Chính phủ về phê duyệt Quy hoạch tỉnh Kon Tum thời kỳ 2021-2030\n"
        "Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017;"
    )
    assert _facts(text).title.endswith("Quy hoạch tỉnh Kon Tum thời kỳ 2021-2030")


def test_a_preamble_opening_on_trên_cơ_sở_is_not_the_titles_tail():
    """A real inspection record's scan: `KIỂM TRA` / `Kiểm tra thực tế kho …` / `Trên cơ sở đề nghị …`."""
    text = normalize_text(
        "SỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\nKẾ HOẠCH\nKiểm tra thực tế kho bảo quản vật liệu nổ công nghiệp\n"
        "Trên cơ sở đề nghị của Công ty Cổ phần Mông Sơn tại Văn bản số 12/CV-MS ngày 03/3/2026\nI. MỤC ĐÍCH"
    )
    assert _facts(text).title == "Kiểm tra thực tế kho bảo quản vật liệu nổ công nghiệp"


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        (["UBND HUYỆN ĐẮK HÀ", "PHÒNG TÀI CHÍNH - KẾ HOẠCH"], "Phòng Tài chính - Kế hoạch huyện Đắk Hà"),
        (["UBND HUYỆN ĐẮK HÀ", "PHÒNG VĂN HÓA - THÔNG TIN"], "Phòng Văn hóa - Thông tin huyện Đắk Hà"),
        (
            ["UBND TỈNH LÀO CAI", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"],
            "Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai",
        ),
        (["BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "VỤ KẾ HOẠCH - TÀI CHÍNH"], "Vụ Kế hoạch - Tài chính, Bộ Kế hoạch và Đầu tư"),
        # a committee named for its task, a comma inside (the province's and a district's)
        (
            ["UBND TỈNH QUẢNG NAM", "BAN CHỈ HUY PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN"],
            "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Quảng Nam",
        ),
        (
            ["UBND HUYỆN ĐỨC THỌ", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH BỆNH"],
            "Ban Chỉ đạo phòng, chống dịch bệnh huyện Đức Thọ",
        ),
    ],
)
def test_departments_named_by_two_domains_and_a_ministrys_department(lines, issuer):
    """`- KẾ HOẠCH` opens the second domain with a capital; `XÃ HỘI` is no commune (the
    province was dropped); a ministry's `VỤ` is a body of its own under the ministry."""
    assert issuer_from_caps(lines) == issuer


def test_a_commune_named_hội_is_a_locality_though_xã_hội_is_not():
    assert _LOCALITY.search("Ủy ban nhân dân xã Hội Hợp")
    assert not _LOCALITY.search("Sở Lao động - Thương binh và Xã hội")


@pytest.mark.parametrize(
    ("title", "horizon"),
    [
        ("Chuyển đổi số tỉnh Nghệ An đến năm 2025, định hướng đến năm 2030", 2025),
        ("Phát triển du lịch giai đoạn 2026 - 2030, tầm nhìn đến năm 2045", 2030),
        ("Phát triển nguồn nhân lực đến năm 2030", 2030),
    ],
)
def test_an_outlook_beyond_the_plans_end_is_not_its_horizon(title, horizon):
    """`định hướng đến năm 2030` after `đến năm 2025`, like `tầm nhìn đến năm 2045`, looks beyond
    the year the plan runs to."""
    text = normalize_text(f"ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 88/KH-UBND\nKẾ HOẠCH\n{title}\nI. MỤC TIÊU\nPhát triển.")
    assert _facts(text).horizon_year == horizon


def test_a_directives_narrative_opening_on_a_scanned_page_is_not_part_of_its_title():
    """The rendered scans of the directive: OCR keeps the page's lines, so the narrative's first
    line holds no sentence end; the blank line OCR leaves between blocks, and a full line after
    it, start the body (the sample qd243 scan's plan subject ran on the same way into `Để thực
    hiện đạt hiệu quả cao nhất …`)."""
    page = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố: 08/CT-UBND\n\nCHỈ THỊ\n\n"
        "Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024 -\n2025\n\n"
        "Mùa khô năm 2024 - 2025 được dự báo nắng nóng kéo dài, nguy cơ cháy\n"
        "rừng ở mức cao. Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n"
        "1. Sở Nông nghiệp và Phát triển nông thôn:\n"
    )
    facts = _facts(normalize_pages([page], paged=True).text)
    assert facts.title == "Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024 - 2025"


#: A signing tool's stamp as real e-signed copies carry it: as a text layer draws it
#: (ND-71), and as OCR reads it with the logo's debris (NQ-19, CV-2265).
SIGNING_STAMPS = [
    [
        "Ký bởi: Cổng Thông tin điện tử Chính phủ",
        "Email: thongtinchinhphu@chinhphu.vn",
        "Cơ quan: Văn phòng Chính phủ",
        "Thời gian ký: 03.09.2019 09:33:36 +07:00",
    ],
    [
        "‹đ&, Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ",
        "|) Email: thongtinchinhphu@)chinhphu.vn",
        "7 Cơ quan: VĂN PHÒNG CHÍNH PHỦ",
        "",
        "N ˆ Thời gian ký: 04.05.2026 16:54:57 +07:00",
    ],
    [
        "/*°>`NKý bởi: Bộ Công Thương",
        "ca jŒơ quan: Bộ Công thương",
        "Vi Ệ hời gian ký: 02. 4.2026 14:24:26 +07:00 | TT) (2",
    ],
]


@pytest.mark.parametrize("stamp", SIGNING_STAMPS)
@pytest.mark.parametrize("paged", [True, False])
def test_a_signing_tools_stamp_is_not_the_documents_text(stamp, paged):
    header = [
        "BỘ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-BCT",
        "Hà Nội, ngày 02 tháng 4 năm 2026",
    ]
    body = [
        "KẾ HOẠCH",
        "Kiểm tra an toàn hóa chất năm 2026",
        "I. MỤC TIÊU",
        "Cơ quan: các sở, ngành phối hợp kiểm tra.",
    ]
    lines = [*stamp, *header, *body]
    text = normalize_pages(["\n".join(lines)]).text if paged else normalize_text("\n".join(lines))
    assert text.startswith("BỘ CÔNG THƯƠNG\n")
    assert "gian ký" not in text and "Email" not in text
    # a field-like line of the body, with no time of signing under it, stays
    assert "Cơ quan: các sở, ngành phối hợp kiểm tra." in text
    f = _facts(text)
    assert (f.issuer, f.doc_number) == ("Bộ Công Thương", "12/KH-BCT")


@pytest.mark.parametrize(
    "motto", ["CỘNG HOÀ XÃ IHỦNGHĨA VIỆT NAM", "CỘNG HOÀ XÃ ⁄?HỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VỊ! NAM"]
)
def test_the_motto_with_words_ocr_damaged_still_closes_the_issuer(motto):
    """Real scans (CV-2265 read twice, VD-BoKHCN): the motto beside the issuer with a
    word damaged was read into the issuer (`Bộ Công Thương cộng hòa xã Ihủnghĩa …`),
    and a line of debris under it (`)`) too."""
    text = "\n".join(
        [
            f"BỘ CÔNG THƯƠNG {motto}",
            ")",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 2265/BCT-ATMT",
            "Hà Nội, ngày 02 tháng 4 năm 2026",
            "V/v triển khai thủ tục cấp phép",
        ]
    )
    assert _facts(normalize_text(text)).issuer == "Bộ Công Thương"


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("PHÒNG, CHỐNG DỊCH BỆNH TRUYỀN NHIỄM NĂM 2025", "I. MỤC TIÊU"),
        ("THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA XÂY DỰNG NÔNG THÔN MỚI", "I- MỤC ĐÍCH, YÊU CẦU"),
        ("CẢI CÁCH HÀNH CHÍNH NĂM 2025", "PHẦN I"),
    ],
)
def test_a_title_in_capitals_ends_at_the_first_heading(title, heading):
    """No preamble between them: the heading in capitals under the title is the body's."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 120/KH-UBND\nBình Định, ngày 03 tháng 6 năm 2025\n"
        f"KẾ HOẠCH\n{title}\n{heading}\n1. Giảm tỷ lệ mắc sốt xuất huyết.\n"
    )
    assert _facts(normalize_text(text)).title == title


@pytest.mark.parametrize(
    ("organisation", "committee", "issuer"),
    [
        ("ĐẢNG BỘ TỈNH QUẢNG TRỊ", "TỈNH ỦY", "Tỉnh ủy Quảng Trị"),
        ("ĐẢNG BỘ HUYỆN ĐẮK HÀ", "HUYỆN ỦY", "Huyện ủy Đắk Hà"),
        ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "THÀNH ỦY", "Thành ủy Hà Nội"),
    ],
)
def test_a_party_committee_under_its_organisation_is_named_by_its_place(organisation, committee, issuer):
    """A Party document's header: the organisation places the committee, as `TỈNH ỦY KIÊN GIANG` names it."""
    text = "\n".join(
        [organisation, committee, "*", "Số 25-CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đông Hà, ngày 10 tháng 4 năm 2025"]
        + ["CHƯƠNG TRÌNH HÀNH ĐỘNG", "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"]
    )
    facts = _facts(text)
    assert (facts.issuer, facts.doc_number, facts.issue_date.isoformat()) == (issuer, "25-CTr/TU", "2025-04-10")


@pytest.mark.parametrize(
    ("union", "issuer"),
    [
        ("ĐOÀN TNCS HỒ CHÍ MINH", "Tỉnh đoàn Quảng Ngãi"),
        ("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "Tỉnh đoàn Quảng Ngãi"),
    ],
)
def test_the_youth_unions_name_where_the_motto_stands_is_no_part_of_the_issuer(union, issuer):
    """A Youth Union's header carries the Union's name in place of the motto, as the Party's carries
    `ĐẢNG CỘNG SẢN VIỆT NAM`: `HỒ CHÍ MINH` in it names the Union, not the city."""
    text = "\n".join(
        ["TỈNH ĐOÀN QUẢNG NGÃI", union, "***", "Số: 215-KH/TĐTN-TNNT", "Quảng Ngãi, ngày 10 tháng 3 năm 2025"]
        + ["KẾ HOẠCH", "Tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2025"]
    )
    facts = _facts(normalize_text(text))
    assert (facts.issuer, facts.province, facts.doc_number) == (issuer, "Quảng Ngãi", "215-KH/TĐTN-TNNT")
    assert facts.title == "Tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2025"


@pytest.mark.parametrize(
    "left",
    [
        ["HỘI LHPN TỈNH ĐIỆN BIÊN", "BAN THƯỜNG VỤ"],
        ["HỘI LIÊN HIỆP PHỤ NỮ TỈNH ĐIỆN BIÊN", "BAN THƯỜNG VỤ"],
        ["HỘI LHPN TỈNH ĐIỆN BIÊN", "BAN THƯƠNG VỤ"],  # a rendered scan: the organ's tone misread
    ],
)
def test_a_womens_unions_board_under_its_union_beside_the_unions_national_name(left):
    """The mass organisations put their national name where the motto stands; the board is an organ of
    the provincial union and named after it, the abbreviation written out."""
    head = [left[0], "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", left[1], "Số: 58/KH-BTV", "Điện Biên, ngày 05 tháng 3 năm 2024"]
    text = "\n".join([*head, "KẾ HOẠCH", "Về thử"])
    # (case aside: written out from capitals, a name's case is not known)
    assert _facts(normalize_text(text)).issuer.lower() == "ban thường vụ hội liên hiệp phụ nữ tỉnh điện biên"


@pytest.mark.parametrize(("named", "province"), [("Lai Châu", "Lai Châu"), ("Bình Dương", "Bình Dương")])
def test_a_place_two_provinces_share_goes_to_the_province_the_text_names(named, province):
    """`Tân Uyên`: a city of Bình Dương and a district of Lai Châu (and since 2025 a commune)."""
    text = "\n".join(
        ["ỦY BAN NHÂN DÂN", "XÃ TÂN UYÊN", "Số: 45/KH-UBND", "Tân Uyên, ngày 15 tháng 01 năm 2026", "KẾ HOẠCH"]
        + ["Chuyển đổi số năm 2026", f"Căn cứ Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh {named};"]
    )
    assert _facts(text).province == province


@pytest.mark.parametrize(
    ("name_line", "name"),
    [
        ("Hồ Đại Dũng c; tổng hợp, báo cáo Ủy ban", "Hồ Đại Dũng"),
        ("Vũ Văn Diện hiệm vụ được giao triển khai thực hiện; báo cáo 2/2024 để tổng hợp.", "Vũ Văn Diện"),
        ("Nguyễn Thị Minh Hoa", "Nguyễn Thị Minh Hoa"),
        # family names beyond the commonest: a Thái and a Jrai name (a women's union's plan, seed 0)
        ("Lò Thị Mai tổ chức các lớp tập huấn khởi", "Lò Thị Mai"),
        ("Rah Lan Chung tổng hợp, báo cáo", "Rah Lan Chung"),
    ],
)
def test_a_signers_name_with_words_ocr_read_out_of_order_after_it(name_line, name):
    """Rendered poor scans of a health plan and a board's plan: the right end of a line of the body
    read last, after the signer's name on its line; the signer was lost."""
    facts = _signed(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name_line])
    assert (facts.signer_title, facts.signer_name) == ("Phó Chủ tịch", name)


def test_an_agency_with_words_after_it_in_the_signature_column_is_no_name():
    facts = _signed(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Sở Tài Chính Tỉnh tổng hợp, báo cáo"])
    assert facts.signer_name is None


def test_a_recipient_named_in_the_signature_column_is_no_name_with_stray_words():
    facts = _signed(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "- Lưu: VT, TH."])
    assert facts.signer_name == "Nguyễn Văn An"


@pytest.mark.parametrize("year_word", ["năm", "nấm", "nâm", "hăm"])
@pytest.mark.parametrize("merged", [False, True])
def test_the_year_word_of_a_date_line_as_ocr_reads_it(year_word, merged):
    """`nấm 2024` (a rendered scan, beside `BAN THƯỜNG VỤ` on its baseline), `hăm 2024` (a real
    scan's legal basis): the word before the year in a date is read whatever OCR made of it."""
    body, date = "BAN THƯỜNG VỤ", f"Điện Biên, ngày 05 tháng 3 {year_word} 2024"
    lines = [f"{body} {date}"] if merged else [body, date]
    text = "\n".join(["HỘI LHPN TỈNH ĐIỆN BIÊN", *lines, "Số: 58/KH-BTV", "KẾ HOẠCH", "Hỗ trợ phụ nữ khởi nghiệp"])
    facts = _facts(normalize_text(text))
    assert (facts.issue_place, str(facts.issue_date)) == ("Điện Biên", "2024-03-05")


def test_a_laws_date_with_its_year_word_misread():
    from extractors.text.dates import parse_date

    assert str(parse_date("Luật Quản lý ngày 29 tháng 6 hăm 2024;")) == "2024-06-29"
