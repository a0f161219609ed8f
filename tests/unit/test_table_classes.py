"""Tables in every layout a text may carry them give the same rows (T1-T3, L1-L3).

The same task table is written as tab-separated rows, with pipes, as a
Markdown table and one cell per line; each must give the same tasks and the
same deadlines.
"""

from __future__ import annotations

import pytest

from extractors.analyse import analyse
from extractors.normalize.pages import normalize_text
from schemas import contract_violations

HEADER = ["STT", "Tên nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
ROWS = [
    [
        "1",
        "Xây dựng cơ sở dữ liệu về nguồn nước mặt",
        "Cơ sở dữ liệu",
        "Sở Nông nghiệp và Môi trường",
        "Sở Khoa học và Công nghệ",
        "2026 - 2027",
    ],
    [
        "2",
        "Nâng cấp hệ thống kênh tưới nội đồng",
        "Đề án trình Ủy ban nhân dân tỉnh",
        "Ủy ban nhân dân cấp xã",
        "Các đơn vị có liên quan",
        "2027",
    ],
    [
        "3",
        "Lập phương án phòng chống hạn hán",
        "Phương án",
        "Sở Nông nghiệp và Môi trường",
        "Sở Tài chính",
        "Quý III/2027",
    ],
]
INTRO = [
    "KẾ HOẠCH",
    "Về bảo vệ nguồn nước",
    "I. NHIỆM VỤ",
    "1. Tăng cường quản lý tài nguyên nước.",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
]

LAYOUTS = {
    "tabs": lambda rows: ["\t".join(r) for r in rows],
    "pipes": lambda rows: [" | ".join(r) for r in rows],
    "markdown": lambda rows: (
        ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        + ["| " + " | ".join(r) + " |" for r in rows[1:]]
    ),
    "cell_per_line": lambda rows: [c for r in rows for c in r],
}


def _analyse(layout: str):
    return analyse(normalize_text("\n".join(INTRO + LAYOUTS[layout]([HEADER, *ROWS]))))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_task_table_rows_in_every_layout(layout):
    a = _analyse(layout)
    table = [t for t in a.tasks if t.source == "table"]
    assert [t.text for t in table] == [r[1] for r in ROWS]
    assert [t.lead for t in table] == [[r[3]] for r in ROWS]
    assert table[1].product == "Đề án trình Ủy ban nhân dân tỉnh"  # header words in a data row
    assert [t.timeframe for t in table] == [r[5] for r in ROWS]
    # The appendix and its title are one section.
    assert [s.section_id for s in a.sections if s.kind == "phu_luc"] == ["phu_luc"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_time_cells_are_deadlines_of_their_row(layout):
    a = _analyse(layout)
    table = {t.task_id: t.text for t in a.tasks if t.source == "table"}
    got = [(d.kind, d.start, d.end, table.get(d.task_id)) for d in a.deadlines if d.section_id == "phu_luc"]
    assert got == [
        ("period", "2026", "2027", ROWS[0][1]),
        ("year", None, "2027", ROWS[1][1]),  # a bare year in a time column
        ("quarter", None, "2027-Q3", ROWS[2][1]),
    ]
    assert not contract_violations("deadlines", a.deadlines)


def test_merged_group_rows_are_not_tasks():
    text = "\n".join(
        [
            *INTRO,
            "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian trình",
            "I\tHoàn thiện thể chế\tHoàn thiện thể chế\tHoàn thiện thể chế\tHoàn thiện thể chế",
            "1\tBáo cáo tổng kết thi hành Luật Thủy lợi\tSở Tư pháp\tSở Tài chính\t2027",
            "II\tĐầu tư hạ tầng",
            "1\tNâng cấp đê biển\tSở Nông nghiệp và Môi trường\t\t2028",
        ]
    )
    table = [t for t in analyse(normalize_text(text)).tasks if t.source == "table"]
    assert [t.text for t in table] == ["Báo cáo tổng kết thi hành Luật Thủy lợi", "Nâng cấp đê biển"]


def test_a_header_repeated_over_a_page_break_is_a_header_again():
    text = "\n".join(
        [
            *INTRO,
            "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian",
            "1\tRà soát quy hoạch\tSở Xây dựng\t2026",
            "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian",
            "2\tLập đề án\tSở Tài chính\t2027",
        ]
    )
    table = [t for t in analyse(normalize_text(text)).tasks if t.source == "table"]
    assert [(t.text, t.lead) for t in table] == [
        ("Rà soát quy hoạch", ["Sở Xây dựng"]),
        ("Lập đề án", ["Sở Tài chính"]),
    ]


def test_one_line_with_pipes_is_prose():
    text = "\n".join([*INTRO[:4], "- Thực hiện chỉ tiêu A | B | C trong năm 2026."])
    assert "\t" not in normalize_text(text)


@pytest.mark.parametrize("people", ["Người thực hiện", "Cán bộ phụ trách"])
def test_rows_with_an_empty_stt_cell_keep_their_columns(people):
    text = normalize_text(
        f"KẾ HOẠCH\nVề thử\nI. NHIỆM VỤ\nTT\tNhiệm vụ thực hiện\t{people}\tGhi chú\n"
        "\tRà soát việc đáp ứng điều kiện\tĐỗ Mạnh Cường; Vũ Việt Linh\t\n\tTổ chức kiểm tra\tVũ Việt Linh\t\n"
    )
    tasks = analyse(text).tasks
    assert [(text[t.char_start : t.char_end], t.lead) for t in tasks] == [
        ("Rà soát việc đáp ứng điều kiện", ["Đỗ Mạnh Cường", "Vũ Việt Linh"]),
        ("Tổ chức kiểm tra", ["Vũ Việt Linh"]),
    ]
