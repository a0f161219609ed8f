"""Flattened tables (one cell fragment per line) rebuilt into tab-separated rows."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize.flat_tables import column_role, match_header, rebuild_flat_tables
from tests.samples import SAMPLES, text_sample, truth_text


def _raw_lines(name):
    return [ln.strip() for ln in text_sample(name).read_text(encoding="utf-8").split("\n") if ln.strip()]


def test_gazette_table_matches_the_truth_text():
    """The Công báo export of the indicator appendix comes back row for row."""
    name = "kontum-2025-qd243-congbao"
    rows = [ln for ln in rebuild_flat_tables(_raw_lines(name)) if "\t" in ln]
    truth = [ln for ln in truth_text(name).split("\n") if "\t" in ln]
    header = truth[0]
    # The header is printed once; its repeat on the next page is dropped.
    assert rows == [header] + [ln for ln in truth[1:] if ln != header]


def test_rows_keep_their_cells():
    rows = [ln.split("\t") for ln in rebuild_flat_tables(_raw_lines("kontum-2025-qd243-congbao")) if "\t" in ln]
    by_label = {r[1]: r for r in rows}
    assert by_label["Tốc độ tăng trưởng GRDP"] == [
        "1",
        "Tốc độ tăng trưởng GRDP",
        "",
        "",
        "Chi Cục Thống kê; Sở Tài chính",
    ]
    assert by_label["Bình quân giai đoạn 2021-2025"] == ["-", "Bình quân giai đoạn 2021-2025", "%", ">10", ""]
    # A row with no STT cell, split off after a page break.
    assert by_label["Trong đó tỷ lệ xã đạt chuẩn nông thôn mới nâng cao"][0] == ""
    # A figure inside the indicator (`10.000 dân`) is not the value.
    assert by_label["Số giường bệnh trên 10.000 dân"][2:4] == ["Giường bệnh", "40"]
    # An empty unit cell.
    assert by_label["Chỉ số phát triển con người (HDI)"][2:4] == ["", "0,7"]
    # An agency cell cut by the page break.
    assert by_label["Tỷ lệ gia đình đạt danh hiệu “Gia đình văn hóa”"][4] == "Sở Văn hóa, Thể thao và Du lịch"


def test_lines_around_the_table_are_unchanged():
    lines = _raw_lines("kontum-2025-qd243-congbao")
    out = rebuild_flat_tables(lines)
    first = next(i for i, ln in enumerate(out) if "\t" in ln)
    last = max(i for i, ln in enumerate(out) if "\t" in ln)
    assert out[:first] == lines[:first]
    tail = len(out) - last - 1
    assert out[last + 1 :] == lines[len(lines) - tail :]
    assert out[last + 1] == "ỦY BAN NHÂN DÂN"  # the next document starts right after


def test_documents_without_tables_come_back_unchanged():
    for name in SAMPLES:
        if name == "kontum-2025-qd243-congbao":
            continue
        lines = _raw_lines(name)
        assert rebuild_flat_tables(lines) == lines


def test_header_roles():
    header = match_header(
        ["STT Chỉ tiêu Đơn vị", "Đến năm", "2030", "Cơ quan", "chủ trì", "theo dõi,", "đánh giá", "I VỀ KINH TẾ"], 0
    )
    assert header.titles == ["STT", "Chỉ tiêu", "Đơn vị", "Đến năm 2030", "Cơ quan chủ trì theo dõi, đánh giá"]
    assert header.roles == ["stt", "text", "unit", "value", "lead"]
    assert header.end == 7
    assert column_role("Đơn vị chủ trì") == "lead"
    assert column_role("Đơn vị tính") == "unit"
    assert column_role("Thời gian thực hiện") == "time"


@pytest.mark.parametrize(
    "title", ["Cơ quan chủ trì, phối hợp", "Đơn vị chủ trì/phối hợp", "Cơ quan chủ trì và phối hợp"]
)
def test_a_column_titled_by_both_roles_is_one_column(title):
    header = match_header(["STT", "Nội dung", title, "Thời gian", "Kết quả", "1"], 0)
    assert header.roles == ["stt", "text", "lead", "time", "product"]


def test_prose_starting_with_stt_is_not_a_header():
    lines = ["STT là số thứ tự của các nhiệm vụ trong danh mục kèm theo.", "1. Sở Tài chính chủ trì."]
    assert rebuild_flat_tables(lines) == lines


def test_two_value_columns_and_a_row_on_one_line():
    lines = [
        "STT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2030 Cơ quan chủ trì",
        "1 Tỷ lệ che phủ rừng % 63 65 Sở Nông nghiệp",
        "và Phát triển nông thôn",
        "2 Tỷ lệ chất thải rắn được",
        "thu gom",
        "% >90 ≥95 Sở Tài nguyên",
        "và Môi trường",
        "Nơi nhận:",
        "- Như trên;",
    ]
    out = rebuild_flat_tables(lines)
    assert out == [
        "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\tNăm 2030\tCơ quan chủ trì",
        "1\tTỷ lệ che phủ rừng\t%\t63\t65\tSở Nông nghiệp và Phát triển nông thôn",
        "2\tTỷ lệ chất thải rắn được thu gom\t%\t>90\t≥95\tSở Tài nguyên và Môi trường",
        "Nơi nhận:",
        "- Như trên;",
    ]


def test_wrapped_line_starting_with_a_number_does_not_open_a_row():
    lines = [
        "STT Chỉ tiêu Đơn vị Đến năm 2030",
        "1 Tốc độ tăng năng suất lao động",
        "2021-2030",
        "% >6,5",
        "2 Số bác sĩ trên",
        "10.000 dân Bác sĩ 15",
    ]
    out = rebuild_flat_tables(lines)
    assert out[1:] == [
        "1\tTốc độ tăng năng suất lao động 2021-2030\t%\t>6,5",
        "2\tSố bác sĩ trên 10.000 dân\tBác sĩ\t15",
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=30))
def test_arbitrary_lines_never_raise(lines):
    out = rebuild_flat_tables(lines)
    assert isinstance(out, list)
    if not any(ln.lstrip()[:3].upper() in ("STT", "TT", "SỐ ") or ln.lstrip()[:2].upper() == "TT" for ln in lines):
        assert out == lines


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "STT Chỉ tiêu Đơn vị",
                "Đến năm",
                "2030",
                "I VỀ KINH TẾ",
                "1 Tỷ lệ",
                "- Dịch vụ % 42-43",
                "% >10",
                "Sở Tài",
                "chính",
                "",
                "a Giai đoạn 2021-2025",
                "Trong đó tỷ lệ",
                "ỦY BAN NHÂN DÂN",
            ]
        ),
        max_size=25,
    )
)
def test_table_like_noise_never_raises(lines):
    for ln in rebuild_flat_tables(lines):
        assert isinstance(ln, str)


def test_a_table_one_cell_per_line_keeps_its_group_rows():
    """A group row (`I` / `Hoàn thiện thể chế`) written without its empty cells: the
    rows after it keep their columns."""
    header = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    body = ["I", "Hoàn thiện thể chế"]
    body += ["1", "Rà soát danh mục dự án", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Quý I/2024"]
    body += ["II", "Phát triển hạ tầng"]
    body += ["1", "Giải phóng mặt bằng", "UBND các huyện", "Sở Tài nguyên và Môi trường", "Hằng năm"]
    rows = [ln.split("\t") for ln in rebuild_flat_tables([*header, *body, "Nơi nhận:"]) if "\t" in ln]
    assert rows[1:] == [
        ["I", "Hoàn thiện thể chế", "", "", ""],
        ["1", "Rà soát danh mục dự án", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Quý I/2024"],
        ["II", "Phát triển hạ tầng", "", "", ""],
        ["1", "Giải phóng mặt bằng", "UBND các huyện", "Sở Tài nguyên và Môi trường", "Hằng năm"],
    ]


def test_a_table_one_cell_per_line_keeps_its_figure_cells():
    """Figure cells look like row labels (`40` after `1`); only the next number opens
    a row, so a lower-case unit (`xã`) stays in its column."""
    header = ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2027", "Năm 2030", "Cơ quan theo dõi"]
    body = ["1", "Số xã đạt chuẩn nông thôn mới", "xã", "40", "65", "Sở Nông nghiệp và Môi trường"]
    body += ["2", "Số sản phẩm OCOP đạt 3 sao trở lên", "sản phẩm", "150", "250", "Sở Công Thương"]
    rows = [ln.split("\t") for ln in rebuild_flat_tables([*header, *body, "Nơi nhận:"]) if "\t" in ln]
    assert rows[1:] == [
        ["1", "Số xã đạt chuẩn nông thôn mới", "xã", "40", "65", "Sở Nông nghiệp và Môi trường"],
        ["2", "Số sản phẩm OCOP đạt 3 sao trở lên", "sản phẩm", "150", "250", "Sở Công Thương"],
    ]


def test_a_year_column_whose_last_digit_ocr_damaged_is_still_a_value_column():
    assert [column_role(t) for t in ("Năm 2022", "Năm 202!", "Năm 202l", "Năm thực hiện")] == [
        "value",
        "value",
        "value",
        "time",
    ]


def test_plan_columns_written_short_or_as_a_forecast_are_value_columns():
    """`KH 2024` (kế hoạch), `Dự kiến năm 2025` hold targets; `TH 2023`, `Ước TH 2023` what was done."""
    titles = ("KH 2024", "KH năm 2024", "Dự kiến năm 2025", "TH 2023", "Ước TH 2023", "KH")
    assert [column_role(t) for t in titles] == ["value", "value", "value", "other", "other", "other"]


def test_a_schedule_one_cell_per_line_with_its_time_column_first():
    """No STT opens the rows of a schedule (`Thời gian` / `Nội dung` / `Đơn vị thực hiện` / `Đơn vị
    phối hợp`): a row is as many lines as the header has titles, opening on a time."""
    lines = [
        "III. NỘI DUNG HOẠT ĐỘNG",
        "Thời gian",
        "Nội dung",
        "Đơn vị thực hiện",
        "Đơn vị phối hợp",
        "Trước ngày 10/4/2026",
        "Ban hành văn bản hướng dẫn các địa phương",
        "Sở Y tế",
        "Sở Công Thương",
        "Từ ngày 15/4 - 15/5/2026",
        "Thanh tra, kiểm tra các cơ sở sản xuất",
        "Đoàn kiểm tra liên ngành tỉnh",
        "Công an tỉnh",
        "IV. KINH PHÍ",
    ]
    assert rebuild_flat_tables(lines) == [
        "III. NỘI DUNG HOẠT ĐỘNG",
        "Thời gian\tNội dung\tĐơn vị thực hiện\tĐơn vị phối hợp",
        "Trước ngày 10/4/2026\tBan hành văn bản hướng dẫn các địa phương\tSở Y tế\tSở Công Thương",
        "Từ ngày 15/4 - 15/5/2026\tThanh tra, kiểm tra các cơ sở sản xuất\tĐoàn kiểm tra liên ngành tỉnh\tCông an tỉnh",
        "IV. KINH PHÍ",
    ]
    # a time field line over prose is no header
    prose = ["Thời gian thực hiện", "Năm 2026", "Sở Y tế chủ trì."]
    assert rebuild_flat_tables(prose) == prose


def test_a_table_one_cell_per_line_with_lettered_groups_and_a_unit_in_a_title():
    """`A` / `Chính quyền số` (a group row whose empty cells were not written) and `Kinh phí (triệu đồng)`."""
    lines = [
        "STT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Kinh phí (triệu đồng)",
        "Thời gian hoàn thành",
        "A",
        "Chính quyền số",
        "1",
        "Nâng cấp hệ thống quản lý văn bản",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "1.500",
        "Quý II/2025",
        "B",
        "Kinh tế số",
        "1",
        "Hỗ trợ doanh nghiệp chuyển đổi số",
        "Sở Kế hoạch và Đầu tư",
        "800",
        "Năm 2025",
    ]
    assert rebuild_flat_tables(lines) == [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tKinh phí (triệu đồng)\tThời gian hoàn thành",
        "A\tChính quyền số\t\t\t",
        "1\tNâng cấp hệ thống quản lý văn bản\tVăn phòng Ủy ban nhân dân tỉnh\t1.500\tQuý II/2025",
        "B\tKinh tế số\t\t\t",
        "1\tHỗ trợ doanh nghiệp chuyển đổi số\tSở Kế hoạch và Đầu tư\t800\tNăm 2025",
    ]


def test_a_table_one_cell_per_line_with_groups_numbered_over_their_rows():
    """`1` / `Nhóm nhiệm vụ …` (a group row, its empty cells unwritten) over `1.1`, `1.2`; a figure
    like `1.5` inside a row stays a cell."""
    lines = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Kinh phí (tỷ đồng)", "Thời gian hoàn thành"]
    lines += [
        "1",
        "Nhóm nhiệm vụ hoàn thiện thể chế",
        "1.1",
        "Rà soát các quy định",
        "Sở Tư pháp",
        "1.5",
        "Quý III/2025",
    ]
    lines += ["1.2", "Ban hành quy chế", "Văn phòng Ủy ban nhân dân tỉnh", "2.0", "Quý IV/2025"]
    lines += ["2", "Nâng cấp Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "12", "Năm 2025"]
    assert rebuild_flat_tables(lines) == [
        "TT\tNhiệm vụ\tCơ quan chủ trì\tKinh phí (tỷ đồng)\tThời gian hoàn thành",
        "1\tNhóm nhiệm vụ hoàn thiện thể chế\t\t\t",
        "1.1\tRà soát các quy định\tSở Tư pháp\t1.5\tQuý III/2025",
        "1.2\tBan hành quy chế\tVăn phòng Ủy ban nhân dân tỉnh\t2.0\tQuý IV/2025",
        "2\tNâng cấp Trung tâm dữ liệu tỉnh\tSở Khoa học và Công nghệ\t12\tNăm 2025",
    ]
