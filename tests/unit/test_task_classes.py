"""Task classes seen on plans we never saw (notes/unseen-plans.md, K1-K4, N1, F),
each with the invented example and a variation in another wording or layout."""

from __future__ import annotations

import pytest

from extractors.analyse import analyse
from extractors.normalize.pages import normalize_text


def tasks_of(*lines: str):
    return analyse(normalize_text("\n".join(lines))).tasks


HEAD = ["KẾ HOẠCH", "Về thử"]


def test_field_lines_close_their_item_and_are_not_tasks():
    tasks = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ",
        "1. Tăng cường kiểm tra việc khai thác cát trái phép trên các tuyến sông.",
        "Cơ quan thực hiện: Sở Nông nghiệp và Môi trường; Công an tỉnh.",
        "Cơ quan phối hợp: Ủy ban nhân dân các huyện.",
        "Thời gian thực hiện: Năm 2026 và hàng năm.",
    )
    assert len(tasks) == 1
    (t,) = tasks
    assert t.text.startswith("Tăng cường kiểm tra")
    assert t.lead == ["Sở Nông nghiệp và Môi trường", "Công an tỉnh"]
    assert t.partners == ["Ủy ban nhân dân các huyện"]
    assert t.timeframe == "Năm 2026 và hàng năm"


def test_a_field_line_that_marks_the_lead_among_its_agencies():
    (t,) = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ",
        "1. Tăng cường kiểm tra việc khai thác cát trái phép trên các tuyến sông.",
        "Cơ quan thực hiện: Sở Nông nghiệp và Môi trường (chủ trì); Công an tỉnh, Ủy ban nhân dân các huyện.",
        "Thời gian thực hiện: Năm 2026 và hàng năm.",
    )
    assert t.lead == ["Sở Nông nghiệp và Môi trường"]
    assert t.partners == ["Công an tỉnh", "Ủy ban nhân dân các huyện"]


def test_field_lines_with_dashes_apply_to_every_bullet_of_their_group():
    tasks = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ",
        "1. Nhiệm vụ theo từng lĩnh vực:",
        "a) Về cấp phép:",
        "- Rà soát các giấy phép khai thác đã cấp.",
        "- Công khai danh sách mỏ được đấu giá.",
        "- Đơn vị chủ trì: Sở Xây dựng.",
        "- Đơn vị phối hợp: Sở Tài chính, Công an tỉnh.",
        "- Thời gian hoàn thành: Quý III/2026.",
        "b) Về thanh tra:",
        "- Kiểm tra các mỏ đang khai thác.",
    )
    assert [t.text[:10] for t in tasks] == ["Rà soát cá", "Công khai ", "Kiểm tra c"]
    assert tasks[0].lead == tasks[1].lead == ["Sở Xây dựng"]
    assert tasks[1].partners == ["Sở Tài chính", "Công an tỉnh"]
    assert tasks[0].timeframe == "Quý III/2026"
    # The next group does not inherit the fields.
    assert tasks[2].lead == [] and tasks[2].timeframe is None


def test_fields_glued_to_the_last_bullet_are_split_off():
    tasks = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ",
        "1. Về an toàn:",
        "- Kiểm tra kho vật liệu nổ công nghiệp.",
        "- Huấn luyện người quản lý kho. Đơn vị chủ trì: Phòng Kỹ thuật an toàn; Đơn vị phối hợp: Văn phòng Sở.",
    )
    assert [t.text for t in tasks] == ["Kiểm tra kho vật liệu nổ công nghiệp.", "Huấn luyện người quản lý kho."]
    assert tasks[1].lead == ["Phòng Kỹ thuật an toàn"] and tasks[1].partners == ["Văn phòng Sở"]


def test_an_item_with_bullets_under_it_is_their_heading():
    tasks = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ VÀ GIẢI PHÁP",
        "Nhằm thực hiện thắng lợi các mục tiêu trên, các cơ quan, đơn vị cần triển khai những nhiệm vụ chủ yếu sau:",
        "1. Phát triển du lịch cộng đồng",
        "a) Nâng cao chất lượng dịch vụ du lịch cộng đồng.",
        "- Đào tạo kỹ năng phục vụ cho các hộ làm du lịch.",
        "- Xây dựng bộ tiêu chí nhà nghỉ cộng đồng đạt chuẩn.",
        "b) Tổ chức lễ hội văn hóa các dân tộc hằng năm.",
    )
    assert [t.text[:12] for t in tasks] == ["Đào tạo kỹ n", "Xây dựng bộ ", "Tổ chức lễ h"]


def test_the_list_announcement_is_not_a_task_but_an_action_that_lists_is():
    tasks = tasks_of(
        *HEAD,
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Sở Xây dựng",
        "Các phòng chuyên môn thực hiện các nhiệm vụ như sau:",
        "- Rà soát quy hoạch.",
        "Nghiên cứu các giải pháp chống ngập, bao gồm:",
        "- Cải tạo hệ thống thoát nước.",
    )
    assert [t.text[:10] for t in tasks] == ["Rà soát qu", "Nghiên cứu", "Cải tạo hệ"]


def test_a_short_labelled_heading_keeps_the_paragraph_under_it_apart():
    for heading, lead in (("1. Sở Công Thương", "Sở Công Thương"), ("b) Đối với Ủy ban nhân dân cấp xã", None)):
        tasks = tasks_of(
            *HEAD, "II. TỔ CHỨC THỰC HIỆN", heading, "Chủ trì, hướng dẫn các doanh nghiệp đăng ký tham gia sàn."
        )
        assert [t.text for t in tasks] == ["Chủ trì, hướng dẫn các doanh nghiệp đăng ký tham gia sàn."]
        if lead:
            assert tasks[0].lead == [lead]


def test_heading_names_the_lead_in_other_forms():
    tasks = tasks_of(
        *HEAD,
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Trách nhiệm của Sở Xây dựng:",
        "Rà soát các điểm đen tai nạn giao thông trên các tuyến đường tỉnh.",
        "2. Đối với Công an tỉnh",
        "- Tăng cường tuần tra kiểm soát.",
    )
    assert [t.lead for t in tasks] == [["Sở Xây dựng"], ["Công an tỉnh"]]


def test_members_of_a_team_are_the_leads_of_their_duties():
    tasks = tasks_of(
        *HEAD,
        "4. Phân công nhiệm vụ",
        "4.1. Ông. Hoàng Văn Thuân - Trưởng đoàn: Phụ trách chung; ký các văn bản của Đoàn.",
        "4.2. Bà. Nguyễn Thị Lan - Thư ký đoàn: Tổng hợp báo cáo kết quả kiểm tra.",
    )
    assert [t.lead for t in tasks] == [["Hoàng Văn Thuân - Trưởng đoàn"], ["Nguyễn Thị Lan - Thư ký đoàn"]]


def test_attribute_items_of_an_inspection_plan_are_not_tasks():
    tasks = tasks_of(
        *HEAD,
        "3. Nội dung kiểm tra:",
        "3.1. Đối tượng kiểm tra: Các đơn vị sử dụng vật liệu nổ công nghiệp.",
        "3.2. Nội dung kiểm tra",
        "a) Kiểm tra hồ sơ, tài liệu: giấy phép sử dụng vật liệu nổ công nghiệp.",
        "3.3. Thời gian kiểm tra: Dự kiến 02 ngày làm việc/01 đơn vị.",
        "3.4. Địa điểm kiểm tra: Tại trụ sở làm việc của đơn vị.",
    )
    assert [t.text[:12] for t in tasks] == ["Kiểm tra hồ "]


def test_items_of_a_directive_headed_by_an_agency_are_tasks():
    tasks = tasks_of(
        "CHỈ THỊ",
        "Về việc chấn chỉnh công tác quản lý các khu công nghiệp",
        "Để khắc phục những hạn chế nêu trên, Thủ tướng Chính phủ yêu cầu:",
        "1. Bộ Kế hoạch và Đầu tư:",
        "a) Chủ trì, phối hợp với các Bộ, ngành rà soát cơ chế, chính sách phát triển khu công nghiệp.",
        "b) Hướng dẫn các địa phương lập quy hoạch khu công nghiệp.",
        "2. Giao Ủy ban nhân dân các tỉnh kiểm tra việc sử dụng đất tại các khu công nghiệp.",
    )
    assert [t.text[:10] for t in tasks] == ["Chủ trì, p", "Hướng dẫn ", "Giao Ủy ba"]
    assert tasks[0].lead == ["Bộ Kế hoạch và Đầu tư"] and tasks[1].lead == ["Bộ Kế hoạch và Đầu tư"]


def _assigned(*lines: str) -> list[tuple]:
    return [(t.lead, t.partners, t.timeframe) for t in tasks_of(*HEAD, "II. NHIỆM VỤ", *lines)]


@pytest.mark.parametrize("giao", ["giao", "giao:", "giao cho"])
def test_the_body_an_issuer_hands_the_work_to_leads_it(giao):
    assert _assigned(
        f"1. Ủy ban nhân dân tỉnh {giao} Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát quy hoạch."
    ) == [(["Sở Xây dựng"], ["Sở Tài chính"], None)]


def test_a_lead_named_after_the_action():
    assert _assigned("1. Rà soát quy hoạch vùng nguyên liệu (Sở Xây dựng chủ trì, phối hợp với Sở Tài chính).") == [
        (["Sở Xây dựng"], ["Sở Tài chính"], None)
    ]
    # … but a heading's agency leads its items, whoever chairs what they take part in
    assert _assigned("1. Sở Nội vụ:", "- Phối hợp tham gia kiểm tra liên ngành do Sở Công Thương chủ trì.") == [
        (["Sở Nội vụ"], [], None)
    ]


@pytest.mark.parametrize(
    "fields",
    [
        ["+ Chủ trì: Sở Xây dựng.", "+ Phối hợp: Sở Tài chính.", "+ Thời gian: Quý II/2026."],
        ["Cơ quan chủ trì: Sở Xây dựng; cơ quan phối hợp: Sở Tài chính; thời gian: Quý II/2026."],
    ],
)
def test_short_field_names_and_fields_on_one_line(fields):
    assert _assigned("1. Rà soát quy hoạch vùng nguyên liệu.", *fields) == [
        (["Sở Xây dựng"], ["Sở Tài chính"], "Quý II/2026")
    ]


@pytest.mark.parametrize(("kind", "n_tasks"), [("KẾ HOẠCH", 2), ("BIÊN BẢN", 0)])
def test_a_record_lists_findings_not_tasks(kind, n_tasks):
    """A Biên bản (real inspection records: `A. THÀNH PHẦN …`, `B. NỘI DUNG KIỂM TRA`) says what was found."""
    body = ["Kiểm tra kho vật liệu nổ công nghiệp", "A. THÀNH PHẦN ĐOÀN", "1. Đại diện Sở Công Thương"]
    body += ["B. NỘI DUNG KIỂM TRA", "1. Kiểm tra hồ sơ pháp lý của kho.", "2. Kiểm tra thực tế kho bảo quản."]
    assert len(tasks_of(kind, *body)) == n_tasks


def test_an_article_headed_as_the_task_list_gives_its_items_as_tasks():
    """A resolution's `Điều 2. Nhiệm vụ và giải pháp chủ yếu`: its items are tasks as a
    plan's are, though they name no one; an execution article's items still need a name,
    and the resolution's own closing sentence is none."""
    tasks = tasks_of(
        "NGHỊ QUYẾT",
        "Về kế hoạch phát triển kinh tế - xã hội năm 2021",
        "Điều 1. Mục tiêu và các chỉ tiêu chủ yếu năm 2021",
        "Tập trung phục hồi và phát triển kinh tế.",
        "Điều 2. Nhiệm vụ và giải pháp chủ yếu",
        "1. Đẩy mạnh cơ cấu lại nền kinh tế gắn với chuyển đổi mô hình tăng trưởng.",
        "2. Phát triển văn hóa, xã hội; bảo đảm an sinh xã hội.",
        "Điều 3. Tổ chức thực hiện",
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.",
        "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban Hội đồng nhân dân tỉnh giám sát việc thực hiện.",
        "Nghị quyết này đã được Hội đồng nhân dân tỉnh Hà Giang thông qua ngày 10 tháng 12 năm 2020./.",
        "Nơi nhận:",
    )
    assert [t.text[:24] for t in tasks] == [
        "Đẩy mạnh cơ cấu lại nền ",
        "Phát triển văn hóa, xã h",
        "Giao Ủy ban nhân dân tỉn",
        "Giao Thường trực Hội đồn",
    ]
    assert tasks[3].lead == ["Thường trực Hội đồng nhân dân tỉnh", "các Ban Hội đồng nhân dân tỉnh"]


def test_an_article_on_content_or_execution_keeps_only_items_that_name_who():
    tasks = tasks_of(
        "QUYẾT ĐỊNH",
        "Về việc kiểm tra",
        "Điều 3. Nội dung Giấy chứng nhận",
        "1. Tên và địa chỉ của người xuất khẩu.",
        "2. Mô tả hàng hóa được cấp phép.",
        "Điều 4. Tổ chức thực hiện",
        "1. Quyết định này có hiệu lực kể từ ngày ký.",
        "2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này.",
    )
    assert [t.text[:20] for t in tasks] == ["Chánh Văn phòng Ủy b"]


def test_groups_of_institutions_lead_their_tasks():
    """`Các bệnh viện tuyến tỉnh`, `các trường học trên địa bàn`: institutions named
    by their kind and tier, as `các cơ sở y tế` are."""
    tasks = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ",
        "1. Các bệnh viện tuyến tỉnh tổ chức truyền thông tại khoa khám bệnh.",
        "2. Các trường học trên địa bàn tổ chức dạy học về phòng, chống tác hại của thuốc lá.",
        "3. Các cơ sở y tế tuyến huyện triển khai khám sàng lọc.",
    )
    assert [t.lead for t in tasks] == [
        ["các bệnh viện tuyến tỉnh"],
        ["các trường học trên địa bàn"],
        ["các cơ sở y tế tuyến huyện"],
    ]


def test_a_sentence_pointing_to_the_appendix_is_no_task():
    tasks = tasks_of(
        *HEAD,
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Chi tiết theo Biểu số 01 đính kèm.",
        "2. Sở Công Thương thực hiện các nhiệm vụ tại Phụ lục kèm theo.",
    )
    assert [(t.text, t.lead) for t in tasks] == [
        ("Sở Công Thương thực hiện các nhiệm vụ tại Phụ lục kèm theo.", ["Sở Công Thương"])
    ]


def test_an_items_closing_sentence_addressed_to_all_does_not_hide_the_items_own_task():
    """`4. Đài …, Báo …: tăng thời lượng …` followed by the directive's closing (`Yêu cầu …
    nghiêm túc thực hiện Chỉ thị này./.`): the item is a task, the closing is one more."""
    tasks = tasks_of(
        "CHỈ THỊ",
        "Về phòng cháy, chữa cháy rừng",
        "Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
        "1. Công an tỉnh: điều tra, xử lý nghiêm các vụ vi phạm gây cháy rừng.",
        "2. Đài Phát thanh - Truyền hình Lâm Đồng, Báo Lâm Đồng: tăng thời lượng tuyên truyền về phòng cháy.",
        "Yêu cầu Giám đốc các sở, Chủ tịch Ủy ban nhân dân các huyện nghiêm túc thực hiện Chỉ thị này./.",
    )
    assert [t.lead for t in tasks] == [
        ["Công an tỉnh"],
        ["Đài Phát thanh - Truyền hình Lâm Đồng", "Báo Lâm Đồng"],
        ["Giám đốc các sở", "Chủ tịch Ủy ban nhân dân các huyện"],
    ]


def test_an_intro_line_that_assigns_gives_its_lead_to_the_items_under_it():
    """Three real DOCX plans: `III. TỔ CHỨC THỰC HIỆN` / `Giao phòng Quản lý Công nghiệp triển
    khai, thực hiện các công việc:` / `1. …`, `2. …` (the office's head written small)."""
    tasks = tasks_of(
        *HEAD,
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc:",
        "1. Tổ chức kiểm tra kỹ thuật an toàn cho các đối tượng liên quan.",
        "2. Chuẩn bị các điều kiện cần thiết khác để tổ chức kiểm tra.",
    )
    assert [t.lead for t in tasks] == [["Phòng Quản lý Công nghiệp"]] * 3


def test_a_team_a_decision_sets_up_leads_its_duties():
    """The real QD-1050 (a scan): `Điều 3. Nhiệm vụ và quyền hạn của Đoàn kiểm tra` /
    `Đoàn kiểm tra thực hiện … trong đó tập trung:` / `1. Xây dựng …` — the team, written
    in small letters after its head, leads the items its intro gives it."""
    tasks = tasks_of(
        "QUYẾT ĐỊNH",
        "Kiểm tra việc chấp hành pháp luật",
        "Điều 3. Nhiệm vụ và quyền hạn của Đoàn kiểm tra",
        "Đoàn kiểm tra thực hiện nhiệm vụ và quyền hạn theo quy định tại Điều 8 Nghị định số 217/2025/NĐ-CP, trong đó tập trung:",
        "1. Xây dựng và trình Giám đốc Sở phê duyệt Kế hoạch kiểm tra chi tiết.",
        "2. Lập biên bản kiểm tra, ghi nhận đầy đủ các nội dung kiểm tra.",
    )
    assert [t.lead for t in tasks] == [["Đoàn kiểm tra"]] * 3


def test_a_subsection_of_when_where_and_for_whom_holds_no_tasks():
    """The real KH-3024: `1. Thời gian, đối tượng kiểm tra:` over each session's list of
    examinees (`- Thợ nổ mìn: Từ số thứ tự 01 …`); the answer key of laocai-1105 gives
    its `Thời gian kiểm tra`, `Địa điểm kiểm tra`, `Đối tượng kiểm tra` no tasks either,
    but `Đối tượng, nội dung kiểm tra` (the work named too) keeps its own."""
    tasks = tasks_of(
        *HEAD,
        "II. NỘI DUNG",
        "1. Thời gian, đối tượng kiểm tra:",
        "1.1. Đợt 1: Từ 13h30 ngày 02/6/2026.",
        "- Chỉ huy nổ mìn: Từ số thứ tự 01 đến số thứ tự 07.",
        "- Thợ nổ mìn: Từ số thứ tự 01 đến số thứ tự 38.",
        "2. Đối tượng, nội dung kiểm tra",
        "- Kiểm tra hồ sơ, tài liệu về sử dụng vật liệu nổ công nghiệp.",
    )
    assert [t.text for t in tasks] == ["Kiểm tra hồ sơ, tài liệu về sử dụng vật liệu nổ công nghiệp."]


def test_items_numbered_on_after_an_item_that_hands_the_work_on():
    """The real KH-2242: `1. Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công
    việc liên quan:` then `2. Tổ chức …`, `3. Chuẩn bị …` as its list, numbered on; a
    sibling that names its own agency ends the list."""
    tasks = tasks_of(
        *HEAD,
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc liên quan:",
        "2. Tổ chức kiểm tra kỹ thuật an toàn cho các đối tượng liên quan.",
        "3. Chuẩn bị các điều kiện cần thiết khác để tổ chức kiểm tra.",
        "4. Văn phòng Sở bố trí kinh phí.",
        "5. Báo cáo kết quả về Ủy ban nhân dân tỉnh.",
    )
    assert [t.lead for t in tasks] == [
        ["Phòng Quản lý Công nghiệp"],
        ["Phòng Quản lý Công nghiệp"],
        ["Văn phòng Sở"],
        [],
    ]


def test_a_body_that_delegates_hands_the_task_on():
    """`Bộ trưởng Bộ Công Thương phân cấp cho Cục X …` (the real TT-38, a ministry's circular on
    delegation): the body delegated to does the work, as after `giao`; a name is never extended
    to the colon over a verb (`Ủy ban nhân dân cấp tỉnh cấp Giấy chứng nhận đối với:`)."""
    tasks = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ",
        "1. Bộ trưởng Bộ Công Thương phân cấp cho Cục Xuất nhập khẩu tiếp nhận, thẩm định hồ sơ cấp giấy phép.",
        "2. Bộ trưởng Bộ Tài chính ủy quyền cho Cục Thuế thực hiện việc kiểm tra.",
        "3. Ủy ban nhân dân cấp tỉnh cấp Giấy chứng nhận đối với:",
        "a) Cơ sở sản xuất thực phẩm trên địa bàn.",
    )
    assert [t.lead for t in tasks][:3] == [["Cục Xuất nhập khẩu"], ["Cục Thuế"], ["Ủy ban nhân dân cấp tỉnh"]]


def test_a_task_takes_its_timeframe_from_the_deadline_linked_to_it():
    """`Tổng kết … vào Quý IV năm 2030`: the deadline reader finds the quarter the task's own
    time patterns do not know; the task's timeframe is that deadline's text."""
    tasks = tasks_of(
        *HEAD,
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Sở Văn hóa, Thể thao và Du lịch tổng kết việc thực hiện Đề án vào Quý IV năm 2030.",
    )
    assert [t.timeframe for t in tasks] == ["vào Quý IV năm 2030"]


def test_a_label_alone_over_its_heading_line():
    """`Phần thứ ba` / `TỔ CHỨC THỰC HIỆN` (and the real TT-38's `Chương XVII` / `TỔ CHỨC THỰC
    HIỆN`): the heading under a bare label is the section's heading, not a task."""
    tasks = tasks_of(
        *HEAD,
        "Phần thứ nhất",
        "NHIỆM VỤ",
        "1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn thành lập hợp tác xã.",
        "Phần thứ hai",
        "TỔ CHỨC THỰC HIỆN",
        "Các sở, ngành báo cáo kết quả trước ngày 15/12/2026.",
    )
    assert [t.text for t in tasks] == [
        "Sở Nông nghiệp và Môi trường chủ trì hướng dẫn thành lập hợp tác xã.",
        "Các sở, ngành báo cáo kết quả trước ngày 15/12/2026.",
    ]


def test_a_deadline_read_from_a_tasks_field_line_belongs_to_the_task():
    """`- Thời gian thực hiện: Quý II - Quý III/2025` under an item: the deadline lies outside the
    task's words but is its timeframe (the unseen example K1's `Năm 2026 và hàng năm` too)."""
    a = analyse(
        normalize_text(
            "\n".join(
                [
                    *HEAD,
                    "II. NHIỆM VỤ",
                    "1. Tổ chức 05 lớp tập huấn kỹ năng bán hàng trực tuyến.",
                    "- Đơn vị chủ trì: Phòng Quản lý Thương mại.",
                    "- Thời gian thực hiện: Quý II - Quý III/2025.",
                ]
            )
        )
    )
    assert [(d.text, d.task_id) for d in a.deadlines] == [("Quý II - Quý III/2025", a.tasks[0].task_id)]


def test_a_name_is_not_run_on_to_the_colon_over_a_small_word():
    """`Tổng cục trưởng Tổng cục Hải quan xử phạt đối với …:` (the real ND-71 scan): the name ends
    where a small word opens what the body does, whatever the verb; a name goes on over a comma
    (`Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn tỉnh:`)."""
    tasks = tasks_of(
        *HEAD,
        "I. NHIỆM VỤ",
        "1. Tổng cục trưởng Tổng cục Hải quan xử phạt đối với các hành vi vi phạm sau:",
        "a) Vi phạm về thủ tục hải quan.",
        "2. Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn tỉnh:",
        "a) Tổ chức diễn tập phòng chống lụt bão.",
    )
    assert [t.lead for t in tasks] == [
        ["Tổng cục trưởng Tổng cục Hải quan"],
        ["Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn tỉnh"],
    ]


def test_a_note_that_names_the_partners_before_their_cue():
    """Action programmes close an item with a note: `(Công an tỉnh chủ trì; Sở Khoa học và Công
    nghệ phối hợp; thời gian: năm 2026)` — the partners stand before `phối hợp`, and the time
    field's value ends before the note's closing bracket."""
    tasks = tasks_of(
        *HEAD,
        "II. NHIỆM VỤ",
        "1. Xây dựng cơ sở dữ liệu dân cư (Công an tỉnh chủ trì; Sở Khoa học và Công nghệ, Sở Tư pháp"
        " phối hợp; thời gian: năm 2026).",
    )
    assert [(t.lead, t.partners, t.timeframe) for t in tasks] == [
        (["Công an tỉnh"], ["Sở Khoa học và Công nghệ", "Sở Tư pháp"], "năm 2026")
    ]


@pytest.mark.parametrize(
    ("line", "partners"),
    [
        ("1. Sở Y tế chủ trì, Sở Tài chính phối hợp thực hiện rà soát quy hoạch.", ["Sở Tài chính"]),
        ("1. Sở Y tế chủ trì, Sở Tài chính và các địa phương phối hợp rà soát.", ["Sở Tài chính", "các địa phương"]),
        ("1. Sở Y tế chủ trì; các sở, ngành liên quan phối hợp rà soát quy hoạch.", ["các sở, ngành liên quan"]),
        ("1. Sở Y tế chủ trì thực hiện, Sở Tài chính phối hợp.", ["Sở Tài chính"]),
        ("1. Rà soát quy hoạch; giao Sở Y tế chủ trì, Sở Tài chính phối hợp thực hiện.", ["Sở Tài chính"]),
        # the partners in the order the text names them
        ("1. Sở Y tế chủ trì, Sở Tài chính phối hợp với Sở Xây dựng rà soát.", ["Sở Tài chính", "Sở Xây dựng"]),
    ],
)
def test_partners_named_before_their_own_cue(line, partners):
    """`A chủ trì, B phối hợp`: B is no object of `phối hợp với`, it is the verb's subject."""
    assert _assigned(line) == [(["Sở Y tế"], partners, None)]


@pytest.mark.parametrize(
    "line",
    [
        "1. Sở Y tế chủ trì, phối kết hợp với Sở Tài chính rà soát quy hoạch.",
        "1. Sở Y tế chủ trì, với sự tham gia của Sở Tài chính rà soát quy hoạch.",
        "1. Sở Y tế chủ trì, phối kết hợp chặt chẽ với Sở Tài chính rà soát quy hoạch.",
    ],
)
def test_the_other_ways_to_say_partner(line):
    assert _assigned(line) == [(["Sở Y tế"], ["Sở Tài chính"], None)]


def test_an_agency_heading_ending_on_its_level_leads_the_paragraph_under_it():
    """`4.3. Trạm Khuyến nông huyện` / `Phối hợp …`: the level word ends the name, the
    paragraph under it is the agency's task (a place name there would run on)."""
    tasks = tasks_of(
        *HEAD,
        "4. TỔ CHỨC THỰC HIỆN",
        "4.1. Trạm Khuyến nông huyện",
        "Phối hợp Phòng Nông nghiệp và Phát triển nông thôn tổ chức tập huấn cho nông dân.",
        "4.2. Công an tỉnh",
        "Chủ trì bảo đảm an ninh trật tự tại các vùng sản xuất.",
    )
    assert [t.lead for t in tasks] == [["Trạm Khuyến nông huyện"], ["Công an tỉnh"]]
    assert tasks[0].partners == ["Phòng Nông nghiệp và Phát triển nông thôn"]


def test_a_responsibility_field_names_the_lead_as_its_table_column_does():
    """`Trách nhiệm thực hiện` heads a task table's agency column; as a field line under an
    item it names the lead too, and `phối hợp:` after it the partners."""
    (t,) = tasks_of(
        *HEAD,
        "II. NHIỆM VỤ",
        "1. Rà soát, điều chỉnh quy hoạch chung đô thị.",
        "- Trách nhiệm thực hiện: Sở Xây dựng; phối hợp: Sở Tài chính, Ủy ban nhân dân cấp xã.",
        "- Thời gian: Quý II/2025.",
    )
    assert t.text.startswith("Rà soát")
    assert t.lead == ["Sở Xây dựng"]
    assert t.partners == ["Sở Tài chính", "Ủy ban nhân dân cấp xã"]
    assert t.timeframe == "Quý II/2025"


@pytest.mark.parametrize("joint", ["; giao", ", giao", ". Giao", "; giao cho"])
def test_the_work_first_then_whom_it_is_given(joint):
    (t,) = tasks_of(
        *HEAD, "II. NHIỆM VỤ", f"1. Rà soát, điều chỉnh quy hoạch chung đô thị{joint} Sở Xây dựng thực hiện."
    )
    assert t.lead == ["Sở Xây dựng"]


def test_under_an_agencys_heading_giao_hands_the_work_on():
    """`Chỉ đạo, giao các phòng chuyên môn thực hiện` under `1. Ủy ban nhân dân các huyện`:
    the heading's agency leads; the offices it gives the work to do not."""
    tasks = tasks_of(
        *HEAD,
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Ủy ban nhân dân các huyện",
        "- Chỉ đạo, giao các phòng chuyên môn thực hiện rà soát quy hoạch.",
        "2. Sở Tài chính",
        "Tham mưu bố trí kinh phí; giao Kho bạc Nhà nước tỉnh kiểm soát chi.",
    )
    assert [t.lead for t in tasks] == [["Ủy ban nhân dân các huyện"], ["Sở Tài chính"]]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        (
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội chủ trì, phối hợp với Công an các huyện cấp căn cước.",
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
        ),
        ("Phòng Cảnh sát giao thông chủ trì bảo đảm an toàn giao thông dịp Tết.", "Phòng Cảnh sát giao thông"),
        # a verb before the cue is the body's action, no part of its name
        ("Sở Y tế tổ chức tập huấn và chủ trì kiểm tra an toàn thực phẩm.", "Sở Y tế"),
    ],
)
def test_a_name_written_small_after_its_capitals_runs_to_the_leads_cue(item, lead):
    (t,) = tasks_of(*HEAD, "II. NHIỆM VỤ", f"1. {item}")
    assert t.lead == [lead]


@pytest.mark.parametrize(
    "lines",
    [
        ["1. Các Sở: Tài chính, Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các huyện rà soát quy hoạch."],
        ["1. Các Sở Tài chính, Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các huyện rà soát quy hoạch."],
        ["1. Các sở: Tài chính, Xây dựng", "- Chủ trì, phối hợp với Ủy ban nhân dân các huyện rà soát quy hoạch."],
        ["1. Rà soát quy hoạch (các Sở: Tài chính, Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các huyện)."],
    ],
)
def test_a_head_said_once_for_several_departments_names_each(lines):
    """`các Sở: Tài chính, Xây dựng` is Sở Tài chính and Sở Xây dựng, in a sentence, a heading or brackets."""
    (t,) = tasks_of(*HEAD, "III. TỔ CHỨC THỰC HIỆN", *lines)
    assert (t.lead, t.partners) == (["Sở Tài chính", "Sở Xây dựng"], ["Ủy ban nhân dân các huyện"])


def test_partners_under_a_shared_head_are_each_a_partner():
    (t,) = tasks_of(
        *HEAD,
        "II. NHIỆM VỤ",
        "1. Công an tỉnh chủ trì, phối hợp với các Bộ: Quốc phòng, Ngoại giao và các sở, ngành liên quan tuần tra.",
    )
    assert t.partners == ["Bộ Quốc phòng", "Bộ Ngoại giao", "các sở, ngành liên quan"]


@pytest.mark.parametrize("verb", ["tuần tra", "giám sát dịch bệnh", "vận động"])
def test_a_group_described_as_related_ends_before_any_verb(verb):
    """`các sở, ngành liên quan tuần tra`: the verb is no part of the group, known to us or not."""
    (t,) = tasks_of(*HEAD, "II. NHIỆM VỤ", f"1. Công an tỉnh chủ trì, phối hợp với các đơn vị có liên quan {verb}.")
    assert t.partners == ["các đơn vị có liên quan"]


@pytest.mark.parametrize(
    ("item", "lead", "partners"),
    [
        (
            "Sở Y tế chủ trì, phối hợp với các huyện, thành phố triển khai tiêm chủng.",
            ["Sở Y tế"],
            ["Ủy ban nhân dân các huyện, thành phố"],
        ),
        (
            "Sở Nội vụ chủ trì, phối hợp với các xã, phường, thị trấn rà soát đội ngũ.",
            ["Sở Nội vụ"],
            ["Ủy ban nhân dân các xã, phường, thị trấn"],
        ),
        ("Các huyện, thành phố chủ động bố trí kinh phí thực hiện.", ["Ủy ban nhân dân các huyện, thành phố"], []),
        # a locality the work is about is no body
        ("Sở Nội vụ hỗ trợ các xã đạt chuẩn nông thôn mới.", ["Sở Nội vụ"], []),
    ],
)
def test_localities_named_as_bodies_are_their_peoples_committees(item, lead, partners):
    (t,) = tasks_of(*HEAD, "II. NHIỆM VỤ", f"1. {item}")
    assert (t.lead, t.partners) == (lead, partners)


@pytest.mark.parametrize("label", ["d).", "d),", "d):"])
def test_a_mark_ocr_glued_to_a_label_leaves_the_headings_agency(label):
    """kiengiang's poor copy: `d).Sở Giao thông vận tải chủ trì, …:` lost its lead to the dot."""
    tasks = tasks_of(
        *HEAD,
        "II. NHIỆM VỤ",
        f"{label}Sở Giao thông vận tải chủ trì, phối hợp với các sở, ngành và địa phương:",
        "Chỉ đạo các đơn vị trực thuộc lập kế hoạch tập kết vật tư, thiết bị.",
    )
    assert [(t.lead, t.partners) for t in tasks] == [(["Sở Giao thông vận tải"], ["các sở, ngành và địa phương"])]


def test_a_speck_after_a_groups_comma_is_the_commas():
    (t,) = tasks_of(*HEAD, "II. NHIỆM VỤ", "1. Sở Y tế chủ trì, phối hợp với các sở, ; ngành và địa phương kiểm tra.")
    assert t.partners == ["các sở, ngành và địa phương"]


@pytest.mark.parametrize(
    ("item", "lead", "partners"),
    [
        # the real KH-1105's closing items
        ("Đối với Đoàn kiểm tra: Các thành viên Đoàn thực hiện nghiêm túc Kế hoạch.", ["Đoàn kiểm tra"], []),
        ("Đối với đơn vị được kiểm tra: Chuẩn bị báo cáo bằng văn bản.", ["đơn vị được kiểm tra"], []),
        (
            "Trách nhiệm của Sở Y tế: Chủ trì, phối hợp với Sở Tài chính kiểm tra.",
            ["Sở Y tế"],
            ["Sở Tài chính"],
        ),
        # a topic before the colon names no one: who acts is after it
        ("Đối với hồ sơ tồn đọng: Sở Tư pháp rà soát, phân loại.", ["Sở Tư pháp"], []),
    ],
)
def test_the_addressee_before_a_colon_leads_the_work_after_it(item, lead, partners):
    (t,) = tasks_of(*HEAD, "III. TỔ CHỨC THỰC HIỆN", f"1. {item}")
    assert (t.lead, t.partners) == (lead, partners)


@pytest.mark.parametrize(("sep", "first"), [("\t", "I"), (" | ", "I"), ("\t", "["), ("\t", "I1")])
def test_a_task_tables_group_rows_naming_offices_lead_the_rows_under_them(sep, first):
    """A task table with no lead column, its rows grouped under the offices that do them; OCR may
    read the first group's `I` as a bracket."""
    rows = [
        ["STT", "Nội dung nhiệm vụ", "Đơn vị phối hợp", "Thời gian hoàn thành"],
        [first, "Phòng Quản lý đầu tư", "", ""],
        ["1", "Rà soát danh mục dự án kêu gọi đầu tư", "Sở Tài chính", "Quý II/2024"],
        ["2", "Tổ chức đối thoại với doanh nghiệp", "", "Tháng 9/2024"],
        ["II", "Văn phòng Ban", "", ""],
        ["1", "Cập nhật thủ tục hành chính", "", "Thường xuyên"],
        ["III", "Nhóm nhiệm vụ khác", "", ""],
        ["1", "Tổng kết, đánh giá", "", "Tháng 12/2024"],
    ]
    tasks = tasks_of(*HEAD, "II. NHIỆM VỤ", *(sep.join(r) for r in rows))
    assert [t.lead for t in tasks] == [["Phòng Quản lý đầu tư"], ["Phòng Quản lý đầu tư"], ["Văn phòng Ban"], []]


@pytest.mark.parametrize(("sep", "first"), [("\t", "1.1"), (" | ", "1.1"), ("\t", "1 1")])
def test_a_task_tables_rows_numbered_over_sub_rows_are_groups(sep, first):
    """`1 | Nhóm nhiệm vụ …` over `1.1`, `1.2` (OCR may lose a dot: `1 1`): a group's title, no task."""
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Nhóm nhiệm vụ hoàn thiện thể chế", "", ""],
        [first, "Rà soát các quy định", "Sở Tư pháp", "Quý III/2025"],
        ["2", "Nâng cấp Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Năm 2025"],
    ]
    tasks = tasks_of(*HEAD, "II. NHIỆM VỤ", *(sep.join(r) for r in rows))
    assert [t.lead for t in tasks] == [["Sở Tư pháp"], ["Sở Khoa học và Công nghệ"]]


@pytest.mark.parametrize("heading", ["Tổ Chức Thực Hiện", "Khoa Học Và Công Nghệ", "Nhiệm Vụ Và Giải Pháp"])
def test_a_heading_in_title_case_names_no_body(heading):
    """`Tổ` and `Khoa` head bodies (`Tổ Toán - Tin`, `Khoa Khám bệnh`); a heading set in title case whose
    first words make a word (`tổ chức`, `khoa học`) or open on its section's kind is none, and hands no
    lead to the items under it."""
    lines = ["II. NHIỆM VỤ", "1. Phát triển kinh tế", "- Thu hút đầu tư.", f"2. {heading}"]
    tasks = tasks_of(*HEAD, *lines, "- Đẩy mạnh nghiên cứu, ứng dụng.", "- Đào tạo nguồn nhân lực.")
    assert [t.lead for t in tasks] == [[], [], []]
