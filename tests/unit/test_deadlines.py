"""Deadlines: sentences from the samples, the SPEC's examples, and the samples scored against gold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.deadlines import extract_deadlines, find_atoms, legal_date_spans, normal_form
from extractors.document import ParsedDoc
from extractors.normalize.pages import normalize_text
from extractors.sections import parse_sections
from schemas import Section, Task
from tests.samples import SAMPLES, gold, text_sample, truth_text


def _doc(text: str, kind: str = "nhiem_vu_giai_phap") -> ParsedDoc:
    return ParsedDoc(text, [Section(section_id="II/1", level=1, kind=kind, char_start=0, char_end=len(text))])


def _run(text: str, kind: str = "nhiem_vu_giai_phap", **kw) -> list:
    out = extract_deadlines(_doc(text, kind), **kw)
    for d in out:
        assert text[d.char_start : d.char_end] == d.text
    return out


def _nf(d) -> tuple:
    return (d.kind, d.start, d.end, d.recurrence, d.recur_on, bool(d.ongoing))


def _one(text: str, kind: str = "nhiem_vu_giai_phap"):
    out = _run(text, kind)
    assert len(out) == 1, [(d.text, _nf(d)) for d in out]
    return out[0]


# ------------------------------------------------------------ the samples' sentences


def test_reporting_day_every_year():
    d = _one(
        "Giao Sở Tài nguyên và Môi trường là cơ quan đầu mối. Định kỳ trước ngày 05 tháng 12 hàng năm "
        "tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
    )
    assert d.text == "Định kỳ trước ngày 05 tháng 12 hàng năm"
    assert _nf(d) == ("recurring", None, None, "P1Y", "--12-05", False)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("trước ngày 18 hằng tháng", "---18"),
        ("hằng tháng trước ngày 25", "---25"),
        ("định kỳ hằng tháng (trước ngày 20)", "---20"),
        ("hằng tháng, chậm nhất ngày 25", "---25"),
    ],
)
def test_a_day_of_every_month_before_or_after_the_cycle(written, day):
    d = _one(f"Các sở báo cáo kết quả thực hiện {written} về Sở Tài chính.")
    assert d.text == written
    assert _nf(d) == ("recurring", None, None, "P1M", day, False)


@pytest.mark.parametrize(
    ("written", "recurrence", "day"),
    [
        ("hằng tháng trước ngày 20", "P1M", "---20"),
        ("hằng năm trước ngày 15/12", "P1Y", "--12-15"),
        ("hằng năm trước ngày 15 tháng 12", "P1Y", "--12-15"),
    ],
)
def test_a_due_day_that_ends_its_item_before_the_next_label(written, recurrence, day):
    """`… trước ngày 15/12.` / `2. …`: the full stop and the next label's number are no date's tail."""
    found = _run(f"1. Các sở báo cáo kết quả {written}.\n2. Sở Y tế chủ trì kiểm tra.")
    assert [(d.text, d.recurrence, d.recur_on) for d in found] == [(written, recurrence, day)]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Các sở gửi báo cáo 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12.",
            [("trước ngày 15/6", "P6M", "--06-15"), ("trước ngày 15/12", "P1Y", "--12-15")],
        ),
        (
            "Gửi báo cáo sơ kết sáu tháng đầu năm trước ngày 10 tháng 6, báo cáo tổng kết năm trước ngày 10 tháng 12.",
            [("trước ngày 10 tháng 6", "P6M", "--06-10"), ("trước ngày 10 tháng 12", "P1Y", "--12-10")],
        ),
        # the report named after its due day (Thông tư 38/2025/TT-BCT, Điều 19)
        (
            "Báo cáo trước ngày 30 tháng 6 đối với báo cáo sáu tháng, trước ngày 30 tháng 12 đối với báo cáo năm.",
            [("trước ngày 30 tháng 6", "P6M", "--06-30"), ("trước ngày 30 tháng 12", "P1Y", "--12-30")],
        ),
        ("Báo cáo quý gửi Sở Tài chính trước ngày 20/3.", [("trước ngày 20/3", "P3M", "--03-20")]),
    ],
)
def test_a_periodic_reports_due_day_recurs_with_the_report(sentence, want):
    """A report named by the period it covers (`báo cáo 6 tháng`, `báo cáo năm`) is due on
    that day of every period, as `định kỳ 6 tháng (trước ngày 15/6)` says it."""
    assert [(d.text, d.recurrence, d.recur_on) for d in _run(sentence)] == want
    assert {d.kind for d in _run(sentence)} == {"recurring"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Sở Tài chính gửi báo cáo năm 2025 trước ngày 15/12.",  # the report of one year
        "Sở Tài chính gửi báo cáo quý I trước ngày 15/3.",  # of one quarter
        "Sở Tài chính gửi báo cáo kết quả về Sở Nội vụ trước ngày 15/12.",  # no period named
        "Báo cáo năm đã gửi; các sở hoàn thành việc rà soát trước ngày 15/12.",  # another clause
    ],
)
def test_a_due_day_without_a_periodic_report_stays_without_a_cycle(sentence):
    assert _run(sentence) == []


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("2026 và hằng năm", ("recurring", "2026", None, "P1Y", None, False)),  # as `Năm 2026 và hằng năm`
        ("2026 và các năm tiếp theo", ("year", "2026", None, None, None, False)),  # as `năm 2026 và …`
        ("Đến 2030", ("year", None, "2030", None, None, False)),
        ("cuối 2026", ("year", None, "2026", None, None, False)),
        ("Năm học 2025-2026", ("period", "2025", "2026", None, None, False)),
        ("2026 - 2030", ("period", "2026", "2030", None, None, False)),
    ],
)
def test_a_time_slots_year_needs_no_year_word(value, want):
    """A slot or time column writes its years bare; read as the same value with `năm`."""
    d = _one(f"1. Rà soát quy hoạch. Thời gian thực hiện: {value}.")
    assert (d.text, _nf(d)) == (value, want)


def test_a_full_date_after_the_monthly_cycle_is_no_day_of_every_month():
    d = _one("Các sở báo cáo hằng tháng trước ngày 25 tháng 6 về Sở Tài chính.")
    assert d.recur_on == "--06-25"


def test_a_school_year_is_a_period_named_with_its_word():
    d = _one("Các trường hoàn thành việc số hóa học bạ trong năm học 2025 - 2026.")
    assert d.text == "năm học 2025 - 2026"
    assert _nf(d) == ("period", "2025", "2026", None, None, False)


def test_year_that_must_finish_but_not_the_past_programme_it_belongs_to():
    out = _run(
        "Tập trung hoàn thành các công trình thuộc kế hoạch đầu tư công giai đoạn 2016 - 2020, "
        "trong đó năm 2020 phải hoàn thành các dự án; hoàn thiện hồ sơ thủ tục cho các dự án khởi công "
        "mới Kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025."
    )
    assert [(d.text, _nf(d)) for d in out] == [("năm 2020", ("year", None, "2020", None, None, False))]


def test_until_end_of_year():
    d = _one(
        "- Tiếp tục tăng cường quản lý chất thải rắn; phấn đấu đến hết năm 2025 giảm tỷ lệ rác thải "
        "được xử lý bằng phương pháp chôn lấp xuống dưới 30%."
    )
    assert d.text == "đến hết năm 2025"
    assert _nf(d) == ("year", None, "2025", None, None, False)


def test_period_governed_by_trong_is_kept_period_naming_a_programme_is_not():
    d = _one(
        "- Rà soát, đánh giá tổng thể các chương trình khoa học và công nghệ, lồng ghép các nội dung về "
        "ứng phó với biến đổi khí hậu trên địa bàn tỉnh trong giai đoạn 2021 - 2025."
    )
    assert d.text == "giai đoạn 2021 - 2025"
    assert _nf(d) == ("period", "2021", "2025", None, None, False)
    assert (
        _run("Tổ chức xây dựng và thực hiện Chương trình phát triển lâm nghiệp bền vững giai đoạn 2021 - 2025.") == []
    )


def test_period_of_an_action_without_plan_noun():
    d = _one(
        "- Chủ trì, phối hợp với các đơn vị, địa phương có liên quan triển khai thực hiện phương án sắp xếp "
        "các đơn vị hành chính cấp huyện, cấp xã giai đoạn 2026-2030 theo Kết luận của Bộ Chính trị."
    )
    assert _nf(d) == ("period", "2026", "2030", None, None, False)


def test_vision_titles_and_reference_dates_are_not_deadlines():
    text = (
        "- Tổ chức thực hiện Kế hoạch quốc gia thích ứng với biến đổi khí hậu giai đoạn 2021 - 2030, tầm nhìn "
        "đến năm 2050 được phê duyệt tại Quyết định số 1055/QĐ-TTg ngày 20 tháng 7 năm 2020 của Thủ tướng "
        "Chính phủ và Kế hoạch số 3156/KH-UBND ngày 25 tháng 8 năm 2020 của Ủy ban nhân dân tỉnh “Triển khai "
        "Quyết định số 1055/QĐ-TTg về việc ban hành Kế hoạch quốc gia thích ứng với biến đổi khí hậu giai đoạn "
        "2021 -2030, tầm nhìn đến năm 2050 trên địa bàn tỉnh Kon Tum”."
    )
    assert _run(text) == []


def test_plan_horizon_after_plan_noun_is_not_a_deadline():
    assert (
        _run(
            "lập, điều chỉnh Quy hoạch sử dụng đất đến năm 2030, Kế hoạch sử dụng đất cấp huyện theo quy định "
            "Luật đất đai năm 2024 đảm bảo đồng bộ."
        )
        == []
    )


def test_ongoing_opens_a_clause_not_a_noun_phrase():
    out = _run(
        "3. Sở Tài nguyên và Môi trường là cơ quan đầu mối phối hợp, tổ chức triển khai các nội dung của "
        "Chương trình; Thường xuyên kiểm tra, đôn đốc các sở, ban ngành và địa phương thực hiện Chương trình; "
        "đánh giá và định kỳ hằng năm, tổng hợp báo cáo kết quả thực hiện Chương trình."
    )
    assert [(d.text, _nf(d)) for d in out] == [
        ("Thường xuyên", ("ongoing", None, None, None, None, True)),
        ("định kỳ hằng năm", ("recurring", None, None, "P1Y", None, False)),
    ]
    assert (
        _run(
            "- Tiếp tục đầu tư, bảo đảm an toàn các hồ chứa nước; nâng cao khả năng tưới, tiêu nước cho các "
            "vùng thường xuyên bị hạn hán trên địa bàn tỉnh."
        )
        == []
    )
    assert _run("Sở Tài chính bố trí kinh phí cho các nhiệm vụ chi thường xuyên để triển khai Kế hoạch.") == []
    assert (
        _run("- Thường xuyên kiểm tra độ an toàn của các hồ chứa ở khu vực thường xuyên xảy ra lũ quét.")[0].text
        == "Thường xuyên"
    )
    # the roles in brackets, then when: `thực hiện` names no action of its own
    out = _run("1. Tăng cường truyền thông (Sở Y tế chủ trì; Báo tỉnh phối hợp; thực hiện thường xuyên).")
    assert [(d.text, d.kind) for d in out] == [("thường xuyên", "ongoing")]
    assert _run("Công tác kiểm tra chưa được thực hiện thường xuyên, toàn diện.") == []  # a state, not a schedule
    # the body that does it, then how often (an invented environment plan; `Sở Y tế thực hiện thường xuyên`)
    out = _run("Tuyên truyền phân loại rác: giao Trung tâm Quan trắc tài nguyên và môi trường thực hiện thường xuyên.")
    assert [(d.text, d.kind) for d in out] == [("thường xuyên", "ongoing")]
    assert _run("Công tác này không thực hiện thường xuyên.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        # laocai-1105 (gold: no deadline here), da08, and real Quyết định and Thông tư
        "Thông báo, báo cáo định kỳ tình hình hoạt động sử dụng vật liệu nổ công nghiệp.",
        "Hỗ trợ cơ sở sử dụng năng lượng trọng điểm thực hiện kiểm toán năng lượng định kỳ; xây dựng hệ thống.",
        "Phối hợp tham gia kiểm tra liên ngành định kỳ, đột xuất về an toàn, vệ sinh lao động.",
        "Kiểm toán khu vực VII phối hợp kiểm tra, giám sát định kỳ hoặc thường xuyên trong quá trình triển khai.",
        "Tổ chức huấn luyện, diễn tập và bảo trì định kỳ theo kế hoạch.",
    ],
)
def test_periodic_as_the_adjective_of_a_noun_is_no_deadline(sentence):
    """`báo cáo định kỳ` is a periodic report: it names a kind of thing, not when anything is done."""
    assert _run(sentence) == []


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Thực hiện theo quy định; định kỳ tổng kết công tác quản lý, sử dụng vật liệu nổ.", "định kỳ"),
        ("d) Định kỳ báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.", "Định kỳ"),
        ("Sở Tài chính tổng hợp, báo cáo theo định kỳ hoặc đột xuất.", "theo định kỳ hoặc đột xuất"),
        ("Sở Tài chính tổng hợp, báo cáo định kỳ 6 tháng.", "định kỳ 6 tháng"),
    ],
)
def test_periodic_as_an_adverb_is_a_deadline(sentence, text):
    assert _one(sentence).text == text


@pytest.mark.parametrize(
    "sentence, text, recurrence",
    [
        ("Sở Tài chính tổng hợp, báo cáo định kỳ quý, 6 tháng, năm.", "định kỳ quý, 6 tháng", "P3M"),
        ("Định kỳ tháng, quý báo cáo Ủy ban nhân dân tỉnh.", "Định kỳ tháng", "P1M"),
        ("Sở Tài chính tổng hợp, báo cáo định kỳ năm.", "định kỳ năm", "P1Y"),
    ],
)
def test_a_cycle_named_by_its_unit_alone(sentence, text, recurrence):
    """`định kỳ quý` is `định kỳ 1 quý`: the reporting cycles of an administration."""
    d = _one(sentence)
    assert (d.text, d.kind, d.recurrence) == (text, "recurring", recurrence)


@pytest.mark.parametrize("sentence", ["Kiểm tra định kỳ tháng 6/2026 tại các cơ sở.", "Kiểm tra định kỳ năm 2026."])
def test_a_unit_with_its_number_after_dinh_ky_is_no_cycle(sentence):
    assert all(d.kind != "recurring" for d in _run(sentence))


@pytest.mark.parametrize("years", ["2026-2027", "2026 - 2027", "2026 – 2027"])
def test_a_year_range_after_nam_is_a_period_not_its_first_year(years):
    d = _one(f"Hoàn thành việc sắp xếp trong năm {years}.")
    assert (d.text, _nf(d)) == (f"năm {years}", ("period", "2026", "2027", None, None, False))


@pytest.mark.parametrize(
    "written, start, end",
    [
        ("Từ tháng 4 đến tháng 6 năm 2026", "2026-04", "2026-06"),
        ("Tháng 6 - 9/2026", "2026-06", "2026-09"),
        ("từ tháng 3 tới tháng 5/2026", "2026-03", "2026-05"),
        ("Từ ngày 01/4 đến ngày 30/6/2026", "2026-04-01", "2026-06-30"),
        ("Từ ngày 01 tháng 4 đến ngày 30 tháng 6 năm 2026", "2026-04-01", "2026-06-30"),
        ("Từ quý II đến quý IV năm 2026", "2026-Q2", "2026-Q4"),
        ("Quý II và Quý III năm 2026", "2026-Q2", "2026-Q3"),
        ("Quý I - II/2026", "2026-Q1", "2026-Q2"),
    ],
)
def test_months_days_or_quarters_of_one_year_written_with_the_year_once(written, start, end):
    """Not the last month alone, nor `6 - 9/2026` read as the date 6 September."""
    d = _one(f"Thời gian thực hiện: {written}.")
    assert (d.text, _nf(d)) == (written, ("period", start, end, None, None, False))


@pytest.mark.parametrize("label", ["", "- ", "2. ", "d) ", "(1) ", "đ) "])
def test_an_item_label_opens_the_clause_of_an_adverb(label):
    assert _nf(_one(f"{label}Thường xuyên kiểm tra các cơ sở sản xuất.")) == ("ongoing", None, None, None, None, True)
    assert _one(f"{label}Định kỳ báo cáo Ủy ban nhân dân tỉnh.").text == "Định kỳ"


@pytest.mark.parametrize(
    "sentence, text, recurrence",
    [
        ("9. Định kỳ 06 (sáu) tháng, nhà cung cấp báo cáo Sở Công Thương.", "Định kỳ 06 (sáu) tháng", "P6M"),
        ("Các sở báo cáo định kỳ 03 (ba) tháng một lần.", "định kỳ 03 (ba) tháng", "P3M"),
        ("Đại hội được tổ chức định kỳ 02 (hai) năm một lần.", "định kỳ 02 (hai) năm", None),
    ],
)
def test_a_cycle_whose_number_is_spelt_out_in_brackets(sentence, text, recurrence):
    """Legal drafting repeats a figure in words: `06 (sáu) tháng` is the cycle `06 tháng`."""
    d = _one(sentence)
    assert (d.text, d.kind, d.recurrence) == (text, "recurring", recurrence)


def test_periodic_or_ad_hoc():
    d = _one(
        "2. Giao Sở Tài chính chủ trì tham mưu xây dựng báo cáo đánh giá thực hiện Quy hoạch tỉnh theo định kỳ "
        "hoặc đột xuất theo quy định của Luật Quy hoạch."
    )
    assert d.text == "theo định kỳ hoặc đột xuất"
    assert _nf(d) == ("recurring", None, None, None, None, False)


def test_cycles_joined_by_va():
    out = _run(
        "- Tham mưu xây dựng kế hoạch phát triển kinh tế - xã hội 5 năm và hằng năm để tổ chức thực hiện; "
        "thường xuyên rà soát. - Tham mưu thực hiện kế hoạch đầu tư công trung hạn và hằng năm."
    )
    assert [(d.text, d.recurrence) for d in out] == [
        ("5 năm và hằng năm", "P1Y"),
        ("thường xuyên", None),
        ("trung hạn và hằng năm", "P1Y"),
    ]


def test_baselines_and_past_results_are_not_deadlines():
    assert _run("Giảm 30% thiệt hại về người so với năm 2020.") == []
    assert _run("Trong năm 2020, toàn tỉnh đã trồng được 500 ha rừng.") == []
    assert [d.text for d in _run("Hoàn thành trong năm 2025 các dự án đã được phê duyệt.")] == ["trong năm 2025"]
    # a past participle inside the object (`số trang đã số hóa`) ends at the comma: the time after it is due
    assert [d.text for d in _run("Kiểm tra 10% số trang đã số hóa, thực hiện hằng quý.")] == ["hằng quý"]
    assert [d.text for d in _run("Rà soát các hồ sơ đã tiếp nhận, báo cáo trước ngày 15/12/2025.")] == [
        "trước ngày 15/12/2025"
    ]


def test_average_per_year_is_a_rate_not_a_cycle():
    assert _run("Phấn đấu tốc độ tăng trưởng bình quân hằng năm đạt 7%.") == []


def test_goal_sections_and_paperwork_are_skipped():
    text = "Đến năm 2025, phấn đấu đạt một số mục tiêu cụ thể sau: giảm 30% thiệt hại hằng năm."
    assert _run(text, kind="muc_tieu") == []
    assert _run("Kiên Giang, ngày 27 tháng 11 năm 2020", kind="other") == []
    assert _run("Đến năm 2025, hoàn thành rà soát.")[0].end == "2025"


def test_legal_reference_dates_are_skipped_even_after_a_preposition():
    text = "Thực hiện đến ngày 31/12/2025 theo Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh."
    assert [d.text for d in _run(text)] == ["đến ngày 31/12/2025"]
    assert legal_date_spans(text) == [(text.index("số 12/QĐ"), text.index(" của"))]
    # the pipeline passes legal_refs spans: nothing inside them is read
    assert _run(text, exclude=[(0, len(text))]) == []


def test_all_caps_title_line_is_skipped():
    assert _run("PHÂN CÔNG THEO DÕI, THỰC HIỆN CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030") == []


# ------------------------------------------------------------ SPEC examples


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hoàn thành trong quý III/2024.", ("trong quý III/2024", ("quarter", None, "2024-Q3", None, None, False))),
        ("Ban hành quy chế trước năm 2028.", ("trước năm 2028", ("year", None, "2028", None, None, False))),
        ("Xây dựng đề án, hoàn thành trong năm 2026.", ("trong năm 2026", ("year", None, "2026", None, None, False))),
        ("Tổ chức sơ kết trong tháng 6/2024.", ("trong tháng 6/2024", ("month", None, "2024-06", None, None, False))),
        (
            "Gửi báo cáo trước ngày 31/12/2024.",
            ("trước ngày 31/12/2024", ("date", None, "2024-12-31", None, None, False)),
        ),
        (
            "Các sở báo cáo định kỳ 6 tháng (trước ngày 15/6) về Sở Tài chính.",
            ("định kỳ 6 tháng (trước ngày 15/6)", ("recurring", None, None, "P6M", "--06-15", False)),
        ),
        (
            "Định kỳ hằng năm (trước ngày 15/11), báo cáo Ủy ban nhân dân tỉnh.",
            ("Định kỳ hằng năm (trước ngày 15/11)", ("recurring", None, None, "P1Y", "--11-15", False)),
        ),
        ("Kiểm tra hằng quý.", ("hằng quý", ("recurring", None, None, "P3M", None, False))),
        ("Cập nhật số liệu hàng tháng.", ("hàng tháng", ("recurring", None, None, "P1M", None, False))),
        (
            "Triển khai từ năm 2021 đến năm 2025.",
            ("từ năm 2021 đến năm 2025", ("period", "2021", "2025", None, None, False)),
        ),
        (
            "Tổ chức từ ngày 01/6/2024 đến ngày 30/6/2024.",
            ("từ ngày 01/6/2024 đến ngày 30/6/2024", ("period", "2024-06-01", "2024-06-30", None, None, False)),
        ),
    ],
)
def test_spec_prose_examples(text, expected):
    d = _one(text)
    assert (d.text, _nf(d)) == expected


@pytest.mark.parametrize(
    "value, nf",
    [
        ("2026 - 2030", ("period", "2026", "2030", None, None, False)),
        ("Năm 2024 và hàng năm", ("recurring", "2024", None, "P1Y", None, False)),
        ("Thường xuyên, hằng năm", ("recurring", None, None, "P1Y", None, True)),
        ("Thường xuyên", ("ongoing", None, None, None, None, True)),
        ("Quý I/2025", ("quarter", None, "2025-Q1", None, None, False)),
        ("Năm 2025", ("year", None, "2025", None, None, False)),
    ],
)
def test_thoi_gian_thuc_hien_slot(value, nf):
    d = _one(f"- Nội dung: rà soát, cập nhật cơ sở dữ liệu.\n- Thời gian thực hiện: {value}.\n")
    assert (d.text, _nf(d)) == (value, nf)


@pytest.mark.parametrize("task", ["Kiểm tra tiến độ các dự án nhà ở xã hội", "Rút ngắn thời gian giải quyết thủ tục"])
def test_a_numbered_row_whose_task_names_a_time_word_is_no_header(task):
    text = (
        "STT\tNội dung\tCơ quan chủ trì\tThời gian\n"
        "1\tRà soát quỹ đất\tSở Xây dựng\tQuý IV/2024\n"
        f"2\t{task}\tThanh tra tỉnh\t6 tháng một lần\n"
        "3\tBáo cáo kết quả\tSở Xây dựng\tNăm 2025\n"
    )
    assert [d.text for d in _run(text, kind="phu_luc")] == ["Quý IV/2024", "6 tháng một lần", "Năm 2025"]


def test_the_same_day_of_two_months_each_year_is_one_schedule():
    out = _run("Các phòng triển khai; định kỳ trước ngày 20 tháng 6 và tháng 12 hằng năm báo cáo kết quả về Sở.")
    assert [(d.text, d.kind, d.recurrence, d.recur_on) for d in out] == [
        ("định kỳ trước ngày 20 tháng 6 và tháng 12 hằng năm", "recurring", "P1Y", "--06-20")
    ]


def test_table_time_column():
    text = (
        "STT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện\n"
        "1\tXây dựng kế hoạch năm 2025 giai đoạn 2021-2025\tSở Tài chính\tQuý I/2025\n"
        "2\tKiểm tra thường xuyên\tSở Y tế\tHằng năm\n"
        "\tNhóm nhiệm vụ khác\t2026 - 2030\n"
        "Các nội dung khác thực hiện theo quy định.\n"
        "STT\tChỉ tiêu\tĐơn vị\tĐến năm 2030\n"
        "1\tBình quân giai đoạn 2021-2025\t%\t>10\n"
    )
    out = _run(text, kind="phu_luc")
    assert [(d.text, _nf(d)) for d in out] == [
        ("Quý I/2025", ("quarter", None, "2025-Q1", None, None, False)),
        ("Hằng năm", ("recurring", None, None, "P1Y", None, False)),
        ("2026 - 2030", ("period", "2026", "2030", None, None, False)),
    ]


def test_ocr_diacritic_errors():
    out = _run("Lập kế hoạch kiểm tra hăng năm; thuờng xuyên kiểm tra, đôn đốc.")
    assert [_nf(d) for d in out] == [
        ("recurring", None, None, "P1Y", None, False),
        ("ongoing", None, None, None, None, True),
    ]
    # a stray dot splits a reference date: its month is still not a deadline
    assert _run("theo Văn bản số 3370/UBND-NNTN ngày. 18 tháng 12 năm 2019 về việc triển khai") == []
    assert _run("Quyết định số 1756/QĐ-TTg ngày 31\n-_ tháng 12 năm 2023 của Thủ tướng Chính phủ") == []


def test_task_and_section_ids():
    text = "a) Kiểm tra hằng năm.\nb) Báo cáo trước ngày 15/12/2024."
    sections = [
        Section(section_id="II", level=1, kind="nhiem_vu_giai_phap", char_start=0, char_end=len(text)),
        Section(
            section_id="II/b",
            parent_id="II",
            level=2,
            kind="nhiem_vu_giai_phap",
            char_start=text.index("b)"),
            char_end=len(text),
        ),
    ]
    tasks = [
        Task(task_id="T1", char_start=0, char_end=len(text)),
        Task(task_id="T2", char_start=text.index("b)"), char_end=len(text)),
    ]
    out = extract_deadlines(ParsedDoc(text, sections), tasks=tasks)
    assert [(d.section_id, d.task_id) for d in out] == [("II", "T1"), ("II/b", "T2")]


def test_atoms_and_normal_form_directly():
    atoms = find_atoms("Năm 2024 và hàng năm")
    assert [a.kind for a in atoms] == ["year", "recur"]
    assert normal_form(atoms)["start"] == "2024"
    assert normal_form(find_atoms("đột xuất")) is None


# ------------------------------------------------------------ the samples against gold


def _score(golds: list[dict], preds: list) -> tuple[int, int, int]:
    """The scorer's normal-form pairing: optional gold counts neither way."""
    key = lambda k, s, e, r, o, og: (s or "", e or "", r or "", o or "", bool(og))  # noqa: E731
    gk = [key(g["kind"], g["start"], g["end"], g["recurrence"], g["recur_on"], g["ongoing"]) for g in golds]
    pk = [key(*_nf(p)) for p in preds]
    used, tp, fp = set(), 0, 0
    # same key, same section first: as score.py's greedy preference
    order = sorted(
        ((gi, pi) for gi in range(len(golds)) for pi in range(len(preds)) if gk[gi] == pk[pi]),
        key=lambda x: golds[x[0]]["section_id"] != preds[x[1]].section_id,
    )
    pairs, pused = [], set()
    for gi, pi in order:
        if gi not in used and pi not in pused:
            used.add(gi)
            pused.add(pi)
            pairs.append((gi, pi))
    tp = sum(1 for gi, _ in pairs if not golds[gi].get("optional"))
    fn = sum(1 for gi, g in enumerate(golds) if gi not in used and not g.get("optional"))
    fp = len(preds) - len(pairs)
    return tp, fp, fn


def _f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


@pytest.mark.parametrize("source", ["truth", "raw"])
def test_samples_against_gold(source):
    tp = fp = fn = 0
    for name in SAMPLES:
        if source == "truth":
            text = truth_text(name)
        else:
            path = text_sample(name)
            text = normalize_text(path.read_text(encoding="utf-8"), markdown=path.suffix == ".md")
        preds = extract_deadlines(ParsedDoc(text, parse_sections(text)))
        for d in preds:
            assert text[d.char_start : d.char_end] == d.text
        a, b, c = _score(gold(name)["deadlines"], preds)
        tp, fp, fn = tp + a, fp + b, fn + c
    assert _f1(tp, fp, fn) >= 0.9, (tp, fp, fn)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text):
    for d in _run(text):
        assert d.char_start < d.char_end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "năm 2024",
                "hằng năm",
                "thường xuyên",
                "giai đoạn 2021 - 2025",
                "trước",
                "ngày 15/6",
                "quý III/2024",
                "\t",
                "\n",
                ", ",
                " và ",
                "Thời gian thực hiện: ",
                "định kỳ",
                "đột xuất",
                "Kế hoạch",
                "“",
                "tầm nhìn",
                "số 12/QĐ-UBND ",
            ]
        ),
        max_size=12,
    )
)
def test_vietnamese_fragments_never_raise(parts):
    _run("".join(parts))


# ------------------------------------------------------------ classes seen on unseen plans


@pytest.mark.parametrize(
    "sentence",
    [
        "Tổ chức thực hiện các dự án nâng cấp đê biển giai đoạn 2027 - 2031.",
        "Triển khai những đề án chuyển đổi số giai đoạn 2027 - 2031 theo lộ trình.",
    ],
)
def test_period_after_a_generic_plural_is_a_schedule(sentence):
    assert _nf(_one(sentence)) == ("period", "2027", "2031", None, None, False)


def test_period_after_a_named_plan_is_still_its_name():
    assert _run("Triển khai Đề án phát triển du lịch giai đoạn 2027 - 2031 đã được phê duyệt.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Hoàn thành việc cắm mốc hành lang bảo vệ bờ biển trong năm 2026; 100% xã có phương án sơ tán dân.",
        "Phấn đấu hoàn thành số hóa hồ sơ đất đai trong năm 2026.",
    ],
)
def test_completion_time_inside_a_target_section_is_a_deadline(sentence):
    assert _nf(_one(sentence, kind="muc_tieu")) == ("year", None, "2026", None, None, False)


def test_horizon_heading_a_target_list_is_not_a_deadline():
    assert _run("Đến năm 2030, hoàn thành 100% hồ sơ địa chính số.", kind="muc_tieu") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Cải tạo mạng lưới chợ nông thôn; đến năm 2028 có 12 chợ đạt chuẩn văn minh thương mại.",
        "Nâng cấp trạm y tế, đến năm 2029 đạt 95% trạm có bác sĩ.",
        "Phát triển hạ tầng thương mại; phấn đấu đến năm 2030 là trung tâm logistics của vùng.",
    ],
)
def test_year_of_a_figure_or_goal_is_not_a_deadline(sentence):
    assert _run(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Tuyển dụng viên chức căn cứ chỉ tiêu biên chế hàng năm được giao.",
        "Phân bổ kinh phí theo dự toán hằng năm của ngành.",
    ],
)
def test_annual_as_an_adjective_is_no_recurrence(sentence):
    assert _run(sentence) == []


def test_annual_action_is_still_a_recurrence():
    assert _nf(_one("Hằng năm tổ chức kiểm tra, đánh giá kết quả.")) == ("recurring", None, None, "P1Y", None, False)


@pytest.mark.parametrize(
    "slot",
    [
        "Thời gian kiểm tra: Dự kiến khoảng 02 ngày làm việc/01 đơn vị, tính từ ngày công bố Quyết định kiểm tra; kèm theo Phụ lục.",
        "Thời gian thực hiện: khoảng 03 ngày làm việc/01 cơ sở, kể từ ngày nhận đủ hồ sơ hợp lệ của tổ chức đề nghị cấp giấy.",
    ],
)
def test_a_duration_opening_a_long_time_slot_is_its_value(slot):
    d = _one(slot)
    assert _nf(d) == ("period", None, None, None, None, False)
    assert d.text.endswith(("đơn vị", "cơ sở"))


@pytest.mark.parametrize("cycle", ["5 năm một lần", "định kỳ 2 năm", "hằng tuần"])
def test_a_cycle_outside_the_contract_recurs_without_a_recurrence(cycle):
    d = _one(f"Tổ chức sơ kết {cycle}.")
    assert d.kind == "recurring" and d.recurrence is None


@pytest.mark.parametrize(
    "header", ["Thời gian hoàn thành", "Mốc thời gian hoàn thành", "Dự kiến tiến độ", "Năm thực hiện"]
)
def test_a_time_column_named_anywhere_in_a_short_header(header):
    """Tasks and deadlines read the same column (one definition in the text layer)."""
    text = f"TT\tNhiệm vụ\tCơ quan chủ trì\t{header}\n1\tXây dựng cơ sở dữ liệu đất đai\tSở Xây dựng\tQuý III/2026\n"
    assert [(d.text, d.end) for d in _run(text)] == [("Quý III/2026", "2026-Q3")]


@pytest.mark.parametrize(
    "sentence", ["Hướng dẫn người dân. Thời gian thường xuyên.", "Thời gian thực hiện thường xuyên."]
)
def test_a_time_slot_whose_colon_ocr_lost_still_opens_its_value(sentence):
    assert _one(sentence).kind == "ongoing"


def test_thuong_xuyen_after_a_noun_is_still_no_deadline():
    assert _run("Rà soát các công việc thường xuyên của đơn vị.") == []


@pytest.mark.parametrize("onward", ["và các năm tiếp theo", "và những năm sau", "trở đi"])
def test_a_year_and_the_years_after_it_starts_then(onward):
    """`Năm 2026 và các năm tiếp theo` runs from 2026 on, as `Từ năm 2026` does; it is not due in 2026."""
    d = _one(f"Thời gian thực hiện: Năm 2026 {onward}.")
    assert (d.kind, d.start, d.end) == ("year", "2026", None)


def test_a_time_cell_of_two_years_whose_dash_ocr_lost_is_a_period():
    text = "STT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\n1\tĐầu tư lưới điện\tCông ty Điện lực\t2024 2025\n"
    out = _run(text, kind="phu_luc")
    assert [(d.text, _nf(d)) for d in out] == [("2024 2025", ("period", "2024", "2025", None, None, False))]


def test_a_date_with_the_day_and_month_in_figures_and_the_year_in_words():
    """`ngày 31/12 năm 2025` (figures, then `năm`): read as `31/12/2025` is."""
    d = _one("- Sở Y tế chủ trì rà soát, hoàn thành trước ngày 31/12 năm 2025.\n")
    assert (d.text, _nf(d)) == ("trước ngày 31/12 năm 2025", ("date", None, "2025-12-31", None, None, False))


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức kiểm tra từ ngày 15/4 - 15/5/2026.",
        "Tổ chức kiểm tra từ 15/4 - 15/5/2026.",
        "Tổ chức kiểm tra từ ngày 15/4/2026 - 15/5/2026.",
    ],
)
def test_a_range_of_days_across_a_dash(text):
    """`từ ngày 15/4 - 15/5/2026`: the first day takes the year written once at the end, as
    with `đến`; the dash no longer hid the first day (nor lost the whole range)."""
    assert _nf(_one(text)) == ("period", "2026-04-15", "2026-05-15", None, None, False)


def test_a_schedule_row_whose_time_cell_comes_first_belongs_to_its_task():
    text = "Thời gian\tNội dung\tĐơn vị thực hiện\nTrước ngày 10/4/2026\tBan hành văn bản hướng dẫn\tSở Y tế"
    task = Task(task_id="T001", char_start=text.index("Ban hành"), char_end=text.index("\tSở Y tế"))
    assert [d.task_id for d in _run(text, tasks=[task])] == ["T001"]


@pytest.mark.parametrize(
    ("text", "span", "form"),
    [
        # an inspection's rounds (real KH-3024): the hour between the preposition and the day
        ("Đợt 1: Từ 13h30’ ngày 02/6/2026 (Thứ Ba).", "Từ 13h30’ ngày 02/6/2026", ("date", "2026-06-02", None)),
        (
            "Tập huấn từ 8 giờ 00 ngày 02/6/2026 đến 17h ngày 03/6/2026.",
            "từ 8 giờ 00 ngày 02/6/2026 đến 17h ngày 03/6/2026",
            ("period", "2026-06-02", "2026-06-03"),
        ),
        (
            "Gửi báo cáo về Sở trước 17 giờ 00 phút, ngày 15/6/2026.",
            "trước 17 giờ 00 phút, ngày 15/6/2026",
            ("date", None, "2026-06-15"),
        ),
    ],
)
def test_an_hour_before_the_day_keeps_the_preposition(text, span, form):
    d = _one(text)
    assert d.text == span and _nf(d)[:3] == form


@pytest.mark.parametrize(
    ("text", "end"),
    [
        # Tesseract's readings of `III` on clean 300 dpi renders of two invented plans
        ("Sở Tư pháp tham mưu ban hành cơ chế; hoàn thành trong Quý IH/2025.", "2025-Q3"),
        ("Trung tâm tổ chức tập huấn cho cán bộ y tế trong quý II1/2025.", "2025-Q3"),
        ("Sở Y tế tổ chức tập huấn trong quý HI/2025.", "2025-Q3"),
        ("Sở Y tế tổ chức tập huấn trong quý 1I/2025.", "2025-Q2"),
        ("Sở Y tế tổ chức tập huấn trong quý 11/2025.", "2025-Q2"),
        # and a doubled slash (a 200 dpi poor copy of an invented district plan)
        ("Rà soát vùng sản xuất. Thời gian thực hiện: Quý I1//2024.", "2024-Q2"),
        # `II` run into one stroke, and `I` read as a small `l` (200 dpi copies of a steering
        # committee's and a department's plans)
        ("Tổ chức tập huấn cho cán bộ y tế cơ sở trong Quý H/2024.", "2024-Q2"),
        ("Sở Y tế tổ chức tập huấn trong quý l/2025.", "2025-Q1"),
    ],
)
def test_a_quarter_behind_roman_look_alikes(text, end):
    d = _one(text)
    assert (d.kind, d.end) == ("quarter", end)


def test_look_alikes_that_make_no_quarter_are_none():
    assert _run("Sở Y tế tổ chức tập huấn trong quý VII/2025.") == []
    assert _run("Sở Y tế tổ chức tập huấn trong quý HH/2025.") == []


@pytest.mark.parametrize(
    "text", ["Sở Y tế triển khai trong tháng 3, 4/2025.", "Sở Y tế triển khai trong tháng 3, tháng 4 năm 2025."]
)
def test_months_listed_with_a_comma_and_one_year(text):
    """As quarters are (`quý I, II/2025`): the year written once covers both."""
    d = _one(text)
    assert (d.kind, d.start, d.end) == ("period", "2025-03", "2025-04")


@pytest.mark.parametrize(("text", "end"), [("trong quý iv/2025", "2025-Q4"), ("trong quý Iv năm 2025", "2025-Q4")])
def test_a_quarter_written_small(text, end):
    d = _one(f"Sở Y tế triển khai {text}.")
    assert (d.kind, d.end) == ("quarter", end)


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("giai đoạn 2026 - 2028, ưu tiên năm 2026", "2026", "2028"),
        ("2026 - 2028 (ưu tiên triển khai năm 2026)", "2026", "2028"),
        # written out of order: the earliest and the latest
        ("Quý IV/2026 (giai đoạn 1), Quý II/2026 (chuẩn bị)", "2026-Q2", "2026-Q4"),
        ("tháng 12/2026, bước rà soát trong tháng 6/2026", "2026-06", "2026-12"),
    ],
)
def test_a_time_value_naming_several_times_covers_them_all(value, start, end):
    d = _one(f"Sở Y tế chủ trì rà soát. Thời gian thực hiện: {value}.")
    assert (d.kind, d.start, d.end) == ("period", start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("nửa đầu năm 2026", "2026-01", "2026-06"),
        ("nửa cuối năm 2026", "2026-07", "2026-12"),
        # the number on two digits, as plans write it
        ("06 tháng đầu năm 2026", "2026-01", "2026-06"),
    ],
)
def test_half_of_a_year_in_words(text, start, end):
    """`nửa đầu năm` as `6 tháng đầu năm`."""
    d = _one(f"Sở Y tế hoàn thành rà soát trong {text}.")
    assert (d.kind, d.start, d.end) == ("period", start, end)
