"""Tables in every layout a text may carry them give the same rows (T1-T3, L1-L3).

The same task table is written as tab-separated rows, with pipes, as a
Markdown table and one cell per line; each must give the same tasks and the
same deadlines.
"""

from __future__ import annotations

import pytest

from extractors.analyse import analyse
from extractors.normalize.pages import normalize_text
from extractors.tasks import cell_assignment
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


def _split(header: list[str], at: int, merged_title: str, repeated: bool) -> list[list[str]]:
    """`header` with the titles at `at`, `at + 1` moved under one merged title.

    A reader that repeats a merged cell in each row it spans (DOCX) fills the
    second row; PDF, Markdown and text leave its other cells empty."""
    top = header[:at] + [merged_title, ""] + header[at + 2 :]
    under = [t if repeated else "" for t in header]
    return [top, under[:at] + header[at : at + 2] + under[at + 2 :]]


TARGET_INTRO = ["KẾ HOẠCH", "Về bảo vệ rừng", "I. MỤC TIÊU", "1. Mục tiêu cụ thể", "Các chỉ tiêu chủ yếu như sau:"]
TARGET_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030", "Cơ quan theo dõi"]
TARGET_ROWS = [
    ["1", "Tỷ lệ che phủ rừng", "%", "55", "60", "Sở Nông nghiệp và Môi trường"],
    ["2", "Số xã đạt chuẩn nông thôn mới", "xã", "40", "55", "Sở Nông nghiệp và Môi trường"],
]
#: (intro, header, rows, the columns a merged title spans, the title, what the table gives)
SPLIT_TABLES = {
    # `Cơ quan thực hiện` over `Chủ trì | Phối hợp`
    "tasks": (
        INTRO,
        ["STT", "Tên nhiệm vụ", "Sản phẩm", "Chủ trì", "Phối hợp", "Thời gian thực hiện"],
        ROWS,
        3,
        "Cơ quan thực hiện",
        lambda a: [(t.text, t.lead, t.partners, t.product, t.timeframe) for t in a.tasks if t.source == "table"],
    ),
    # `Mục tiêu` over one column per year
    "targets": (
        TARGET_INTRO,
        TARGET_HEADER,
        TARGET_ROWS,
        3,
        "Mục tiêu",
        lambda a: [
            (t.indicator, t.value, t.unit, t.target_year, t.responsible) for t in a.targets if t.source == "table"
        ],
    ),
}


@pytest.mark.parametrize("layout", ["tabs", "pipes", "markdown"])
@pytest.mark.parametrize("repeated", [False, True])
@pytest.mark.parametrize("table", SPLIT_TABLES)
def test_a_header_split_over_two_rows_names_the_columns_under_it(layout, repeated, table):
    intro, header, rows, at, title, got = SPLIT_TABLES[table]

    def read(head: list[list[str]]):
        return got(analyse(normalize_text("\n".join(intro + LAYOUTS[layout]([*head, *rows])))))

    want = read([header])
    assert len(want) == {"tasks": 3, "targets": 4}[table]
    assert all(row[2] for row in want) if table == "tasks" else [r[3] for r in want] == [2025, 2030, 2025, 2030]
    assert read(_split(header, at, title, repeated)) == want


@pytest.mark.parametrize(
    "cell",
    [
        "Sở Xây dựng (chủ trì); Sở Tài chính, Ủy ban nhân dân các huyện",
        "Sở Xây dựng (chủ trì), Sở Tài chính (phối hợp), Ủy ban nhân dân các huyện (phối hợp)",
        "Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Ủy ban nhân dân các huyện",
        # the roles as labels (a cell of two lines, or of one)
        "- Chủ trì: Sở Xây dựng; - Phối hợp: Sở Tài chính, Ủy ban nhân dân các huyện",
        "Chủ trì: Sở Xây dựng. Phối hợp: Sở Tài chính, Ủy ban nhân dân các huyện",
    ],
)
def test_one_agency_column_that_names_the_roles_in_its_cells(cell):
    """`Cơ quan thực hiện` holding lead and partners: same as a `Chủ trì | Phối hợp` pair of columns."""
    pair = ["TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian"]
    pair.append("1\tLập đề án luồng hàng hải\tSở Xây dựng\tSở Tài chính; Ủy ban nhân dân các huyện\t2026")
    one = ["TT\tNhiệm vụ\tCơ quan thực hiện\tThời gian", f"1\tLập đề án luồng hàng hải\t{cell}\t2026"]

    def read(lines):
        return [
            (t.lead, t.partners) for t in analyse(normalize_text("\n".join(INTRO + lines))).tasks if t.source == "table"
        ]

    assert read(one) == read(pair) == [(["Sở Xây dựng"], ["Sở Tài chính", "Ủy ban nhân dân các huyện"])]


@pytest.mark.parametrize(
    "title", ["Chỉ tiêu giao", "Chỉ tiêu được giao năm 2026", "Kế hoạch giao năm 2026", "Năm 2026"]
)
def test_a_value_column_titled_with_the_word_chi_tieu(title):
    """`Chỉ tiêu` names the indicator column; `Chỉ tiêu giao …` the figure assigned to it."""
    rows = [f"TT\tChỉ tiêu\tĐơn vị tính\t{title}\tCơ quan chủ trì", "1\tTỷ lệ hộ nghèo\t%\t2,5\tSở Nội vụ"]
    targets = analyse(normalize_text("\n".join(TARGET_INTRO + rows))).targets
    assert [(t.indicator, t.value, t.unit, t.responsible) for t in targets] == [
        ("tỷ lệ hộ nghèo", 2.5, "%", ["Sở Nội vụ"])
    ]


@pytest.mark.parametrize(
    ("cell", "lead", "partners"),
    [
        ("Sở Nội vụ; Sở Tư pháp (phối hợp)", ["Sở Nội vụ"], ["Sở Tư pháp"]),
        ("Sở A; Sở B; Sở C (phối hợp)", ["Sở A", "Sở B"], ["Sở C"]),
        (
            "Sở Xây dựng (chủ trì); Sở Tài chính, UBND các huyện",
            ["Sở Xây dựng"],
            ["Sở Tài chính", "Ủy ban nhân dân các huyện"],
        ),
        ("Sở Y tế (chủ trì); Sở Tài chính (phối hợp)", ["Sở Y tế"], ["Sở Tài chính"]),
    ],
)
def test_an_agency_cell_that_marks_only_its_partner(cell, lead, partners):
    """The mirror of `Sở X (chủ trì); Sở Y`: only the partner is marked, the unmarked name before it leads."""
    a = cell_assignment(cell)
    assert (a.lead, a.partners) == (lead, partners)


@pytest.mark.parametrize(
    ("header", "project"),
    [
        ("TT\tĐơn vị kiểm tra\tĐịa chỉ Dự án", ""),
        # QD-1050 once the seal no longer hid its heading: the project's name and address
        (
            "TT\tĐơn vị kiểm tra\tĐịa chỉ Doanh nghiệp\tTên và địa chỉ Dự án",
            "\tGói thầu số 15: Thi công công trình đường kết nối, xã Mù Cang Chải, tỉnh Lào Cai",
        ),
    ],
)
def test_a_list_of_the_units_inspected_is_no_task_table(header, project):
    """Two real inspection decisions append `TT | Đơn vị kiểm tra | Địa chỉ Dự án`: the
    address column named a project, and every company became a task led by itself."""
    a = analyse(
        normalize_text(
            "QUYẾT ĐỊNH\nKiểm tra\nĐiều 1. Thành lập Đoàn kiểm tra.\nPhụ lục: DANH SÁCH CÁC ĐƠN VỊ KIỂM TRA\n"
            f"{header}\n"
            f"01\tCông ty TNHH một thành viên Khí công nghiệp Lào Cai\tÔ số 3, Lô 44, phường Lào Cai, tỉnh Lào Cai{project}\n"
            f"02\tCông ty TNHH MTV Supe lân Apromaco Lào Cai\tKhu Công nghiệp Tằng Loỏng, tỉnh Lào Cai{project}\n"
        )
    )
    assert a.tasks == []


@pytest.mark.parametrize("label", ["Ï", "Í", "l", "lI", "H"])
def test_a_group_row_behind_ocr_look_alikes_is_no_task(label):
    """Tesseract read a ruled table's `I` group label as `Ï` on a clean 300 dpi render of an
    invented plan's appendix; the row became a task with nothing but its heading."""
    text = "\n".join(
        [
            *INTRO,
            "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
            f"{label}\tHoàn thiện thể chế\t\t\t",
            "1\tXây dựng Quy chế quản lý dữ liệu số\tSở Khoa học và Công nghệ\tSở Tư pháp\tQuý II/2025",
        ]
    )
    table = [t for t in analyse(normalize_text(text)).tasks if t.source == "table"]
    assert [t.text for t in table] == ["Xây dựng Quy chế quản lý dữ liệu số"]


# -- time columns ticked row by row (T4) ----------------------------------------------
TICK_TASKS = [
    ("Nâng cấp hệ thống quản lý văn bản", "Văn phòng Ủy ban nhân dân"),
    ("Triển khai nền tảng họp trực tuyến", "Sở Khoa học và Công nghệ"),
    ("Số hóa hồ sơ thủ tục hành chính", "Sở Tư pháp"),
]
#: Which of two time columns each task ticks.
TICKS = [("x", ""), ("×", "X"), ("", "\uf0fc")]  # typed, and Wingdings' check mark
#: (caption, title rows over the two time columns, the times as the rows give them)
TICK_TITLES = {
    "years": ("DANH MỤC NHIỆM VỤ", [["Năm 2026", "Năm 2027"]], ["2026", "2027"], "Năm 2026", "Năm 2027"),
    "bare_years_under_a_time_title": (
        "DANH MỤC NHIỆM VỤ",
        [["Thời gian thực hiện", ""], ["2026", "2027"]],
        ["2026", "2027"],
        "2026",
        "2027",
    ),
    "quarters": (
        "DANH MỤC NHIỆM VỤ",
        [["Quý I/2026", "Quý II/2026"]],
        ["2026-Q1", "2026-Q2"],
        "Quý I/2026",
        "Quý II/2026",
    ),
    # the year said once: in the caption, or in a title row over the columns
    "quarters_of_the_captions_year": (
        "DANH MỤC NHIỆM VỤ NĂM 2026",
        [["Quý I", "Quý II"]],
        ["2026-Q1", "2026-Q2"],
        "Quý I",
        "Quý II",
    ),
    "months_under_their_year": (
        "DANH MỤC NHIỆM VỤ",
        [["Năm 2026", ""], ["Tháng 3", "Tháng 6"]],
        ["2026-03", "2026-06"],
        "Tháng 3",
        "Tháng 6",
    ),
}


def _tick_table(titles: str, layout: str) -> str:
    caption, title_rows, _, _, _ = TICK_TITLES[titles]
    head = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", *title_rows[0]]]
    head += [["", "", "", *row] for row in title_rows[1:]]
    rows = [
        [str(i), task, lead, *ticks] for i, ((task, lead), ticks) in enumerate(zip(TICK_TASKS, TICKS, strict=True), 1)
    ]
    return "\n".join([*INTRO[:4], "PHỤ LỤC", caption, *LAYOUTS[layout]([*head, *rows])])


@pytest.mark.parametrize("layout", ["tabs", "pipes", "markdown"])
@pytest.mark.parametrize("titles", TICK_TITLES)
def test_ticked_time_columns_say_when_each_row_runs(titles, layout):
    _, _, (first, second), a, b = TICK_TITLES[titles]
    got = analyse(normalize_text(_tick_table(titles, layout)))
    table = [t for t in got.tasks if t.source == "table"]
    assert [(t.text, t.lead) for t in table] == [(task, [lead]) for task, lead in TICK_TASKS]
    assert [t.timeframe for t in table] == [a, f"{a} - {b}", b]
    by_task = {t.task_id: t.text for t in table}
    deadlines = [(d.start, d.end, d.text, by_task.get(d.task_id)) for d in got.deadlines]
    assert deadlines == [
        (None, first, a, TICK_TASKS[0][0]),
        (first, second, f"{a} - {b}", TICK_TASKS[1][0]),  # adjacent ticks: one period
        (None, second, b, TICK_TASKS[2][0]),
    ]
    # the titles over the columns are no time of any row
    assert len(got.deadlines) == 3
    assert not contract_violations("deadlines", got.deadlines)


def test_ticks_apart_are_times_apart():
    text = "\n".join(
        [
            *INTRO[:4],
            "PHỤ LỤC",
            "STT\tNhiệm vụ\tCơ quan chủ trì\tQuý I/2026\tQuý II/2026\tQuý III/2026",
            "1\tRà soát quy hoạch\tSở Xây dựng\tx\t\tx",
        ]
    )
    got = analyse(normalize_text(text))
    assert [t.timeframe for t in got.tasks if t.source == "table"] == ["Quý I/2026, Quý III/2026"]
    assert [(d.kind, d.end) for d in got.deadlines] == [("quarter", "2026-Q1"), ("quarter", "2026-Q3")]


def test_values_under_year_columns_are_no_ticks():
    # An indicator table's year columns hold values: no row runs in them.
    text = "\n".join([*TARGET_INTRO, *LAYOUTS["tabs"]([TARGET_HEADER, *TARGET_ROWS])])
    assert analyse(normalize_text(text)).deadlines == []


def test_a_value_cell_that_carries_its_unit_reads_as_a_unit_column():
    """A table without a unit column writes the unit in each value cell (`40 xã`,
    `≥ 55%`): the same targets as the table with the column."""

    def read(header: list[str], rows: list[list[str]]):
        got = analyse(normalize_text("\n".join([*TARGET_INTRO, *LAYOUTS["tabs"]([header, *rows])])))
        return [(t.indicator, t.value, t.unit, t.comparator, t.target_year, t.responsible) for t in got.targets]

    rows = [["1", "Tỷ lệ che phủ rừng", "%", "≥ 55", "60"], ["2", "Số xã đạt chuẩn nông thôn mới", "xã", "40", "55"]]
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030"]
    want = read(header, rows)
    assert [(v, u, c) for _, v, u, c, _, _ in want] == [
        (55, "%", "ge"),
        (60, "%", "eq"),
        (40, "xã", "eq"),
        (55, "xã", "eq"),
    ]
    unit_in_cells = [[r[0], r[1], *(f"{v}{'' if r[2] == '%' else ' '}{r[2]}" for v in r[3:])] for r in rows]
    assert read([h for h in header if h != "Đơn vị tính"], unit_in_cells) == want


@pytest.mark.parametrize("cell", ["40 xã trở lên nữa", "Năm 2030", "xã 40", "40 hộ; 50 xã"])
def test_a_cell_with_more_than_a_figure_and_its_unit_is_no_value(cell):
    text = "\n".join([*TARGET_INTRO, "STT\tChỉ tiêu\tNăm 2030", f"1\tSố xã đạt chuẩn nông thôn mới\t{cell}"])
    assert analyse(normalize_text(text)).targets == []


def test_the_column_that_leads_is_the_one_titled_chu_tri():
    """`Lãnh đạo phụ trách` names who oversees the work; `Phòng chủ trì` the office that leads it."""
    rows = [
        "TT\tNhiệm vụ\tLãnh đạo phụ trách\tPhòng chủ trì\tThời gian",
        "1\tRà soát thủ tục hành chính\tĐồng chí Giám đốc\tPhòng Kế hoạch - Tài chính\tQuý II/2026",
    ]
    table = [t for t in analyse(normalize_text("\n".join(INTRO + rows))).tasks if t.source == "table"]
    assert [(t.text, t.lead) for t in table] == [("Rà soát thủ tục hành chính", ["Phòng Kế hoạch - Tài chính"])]


@pytest.mark.parametrize(
    ("cell", "lead"),
    [
        ("UBND TT Đắk Hà", "Ủy ban nhân dân thị trấn Đắk Hà"),
        ("UBND TT. Đắk Hà", "Ủy ban nhân dân thị trấn Đắk Hà"),
        ("UBND H. Đắk Hà", "Ủy ban nhân dân huyện Đắk Hà"),
        ("UBND TP Kon Tum", "Ủy ban nhân dân thành phố Kon Tum"),
    ],
)
def test_a_township_or_district_written_short_in_an_agency_cell(cell, lead):
    assert cell_assignment(cell).lead == [lead]


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
@pytest.mark.parametrize("title", ["hoàn nàn thàn", ""])
def test_a_time_column_whose_title_ocr_damaged_is_known_by_its_times(layout, title):
    """A 200 dpi copy of a Government programme's appendix: the title `Thời gian hoàn thành`
    read `hoàn nàn thàn` beside a faint rule. A task table's column of nothing but times is its
    time column: the rows keep their deadlines and timeframes, as under the title."""
    times = ["Năm 2026", "Tháng 6/2026", "2026 - 2027"]
    rows = [[*r[:5], t] for r, t in zip(ROWS, times, strict=True)]

    def read(header_title: str):
        return analyse(normalize_text("\n".join(INTRO + LAYOUTS[layout]([[*HEADER[:5], header_title], *rows]))))

    damaged, clean = read(title), read("Thời gian hoàn thành")
    got = [(d.kind, d.start, d.end, d.task_id) for d in damaged.deadlines if d.section_id == "phu_luc"]
    assert got == [(d.kind, d.start, d.end, d.task_id) for d in clean.deadlines if d.section_id == "phu_luc"]
    assert [k for k, *_ in got] == ["year", "month", "period"]
    assert [t.timeframe for t in damaged.tasks if t.source == "table"] == times


@pytest.mark.parametrize("title", ["ha gian thực iện", "hoàn Tiên thàn"])
def test_a_time_column_whose_damaged_title_still_holds_its_words(title):
    """Rendered poor scans of a town's plan and the Government's programme: `Thời gian thực hiện` read
    `ha gian thực iện`, `Tiến độ hoàn thành` read `hoàn Tiên thàn`; a cell that is no time (`Tháng Giêng
    hằng năm`) left the column unknown by its values, and every row lost its deadline."""
    times = ["Năm 2026", "Tháng Giêng hằng năm", "2026 - 2027"]
    rows = [[*r[:5], t] for r, t in zip(ROWS, times, strict=True)]

    def read(header_title: str):
        return analyse(normalize_text("\n".join(INTRO + LAYOUTS["tabs"]([[*HEADER[:5], header_title], *rows]))))

    damaged, clean = read(title), read("Thời gian thực hiện")
    got = [(d.kind, d.start, d.end, d.recurrence, d.task_id) for d in damaged.deadlines if d.section_id == "phu_luc"]
    assert got == [
        (d.kind, d.start, d.end, d.recurrence, d.task_id) for d in clean.deadlines if d.section_id == "phu_luc"
    ]
    assert len(got) == 3
    assert [t.timeframe for t in damaged.tasks if t.source == "table"] == times


@pytest.mark.parametrize("cell", ["Không gian", "Tiến hành hoàn thiện hồ sơ", "Nội dung"])
def test_a_cell_that_is_no_time_title(cell):
    from extractors.deadlines import damaged_time_title

    assert not damaged_time_title(cell)


def test_a_column_of_periods_in_a_table_without_bodies_is_no_time_column():
    """A target table (`Chỉ tiêu | Giai đoạn | Giá trị`) names no body that carries anything out."""
    table = ["Chỉ tiêu\tGiai đoạn\tGiá trị", "Tăng trưởng GRDP\t2021 - 2025\t7%", "Tăng trưởng GRDP\t2026 - 2030\t8%"]
    a = analyse(normalize_text("\n".join(["KẾ HOẠCH", "Về thử", "I. MỤC TIÊU", *table])))
    assert [d for d in a.deadlines if d.kind == "period" and d.start in ("2021", "2026")] == []
