"""Tasks: granularity, lead/partners, time and tables, on passages from the samples."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.analyse import analyse
from extractors.document import ParsedDoc
from extractors.normalize.pages import normalize_text
from extractors.sections import parse_sections
from extractors.tasks import extract_tasks, find_timeframe, parse_assignment
from schemas import Section

FIXTURES = Path(__file__).parents[1] / "fixtures"
SAMPLES = ["kiengiang-2020-kh182", "kontum-2021-ctrhd-06nqcp", "kontum-2025-qd243-congbao"]


def build_doc(blocks: list[tuple[str, str, str]]) -> ParsedDoc:
    """A ParsedDoc from `(section_id, kind, text)` blocks in document order.

    The id's last part is the label; a block's span runs to the next block at
    its level or above, as `parse_sections` lays them out.
    """
    text_parts, sections, pos = [], [], 0
    for sid, kind, body in blocks:
        parts = sid.split("/")
        sections.append(
            Section(
                section_id=sid,
                parent_id="/".join(parts[:-1]) or None,
                level=len(parts),
                label=parts[-1],
                kind=kind,
                char_start=pos,
            )
        )
        text_parts.append(body)
        pos += len(body) + 1
    text = "\n".join(text_parts)
    for i, s in enumerate(sections):
        nxt = next((t for t in sections[i + 1 :] if t.level <= s.level), None)
        s.char_end = (nxt.char_start - 1) if nxt else len(text)
    return ParsedDoc(text, sections)


def prefixes(tasks) -> list[str]:
    return [t.text[:30] for t in tasks]


# ---------------------------------------------------------------- granularity


def test_agency_heading_with_colon_hands_its_lead_to_the_paragraph_under_it():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN"),
            (
                "II/1",
                "nhiem_vu_giai_phap",
                "1. Tăng cường hiệu quả quản lý nhà nước về tài nguyên và bảo vệ môi trường:",
            ),
            (
                "II/1/a",
                "nhiem_vu_giai_phap",
                "a) Sở Thông tin và Truyền thông chủ trì, phối hợp với các Sở ngành, địa phương:\n"
                "Tập trung tuyên truyền quán triệt sâu rộng Nghị quyết số 24-NQ/TW của Ban Chấp hành Trung ương.",
            ),
        ]
    )
    [task] = extract_tasks(doc)
    assert task.text.startswith("Tập trung tuyên truyền")
    assert task.section_id == "II/1/a"
    assert task.lead == ["Sở Thông tin và Truyền thông"]
    assert task.partners == ["các Sở ngành, địa phương"]
    assert task.source == "text"


def test_item_that_contains_its_assignment_is_itself_the_task():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN"),
            ("II/2", "nhiem_vu_giai_phap", "2. Tiếp tục thực hiện có hiệu quả chính sách pháp luật:"),
            (
                "II/2/a",
                "nhiem_vu_giai_phap",
                "a) Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở ngành, địa phương: triển khai xây dựng "
                "quy hoạch, kế hoạch phát triển kinh tế - xã hội phù hợp cho giai đoạn 2020 - 2025.",
            ),
            (
                "II/2/c",
                "nhiem_vu_giai_phap",
                "c) Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự tỉnh: quan tâm kịp "
                "thời ứng cứu đối với những thiệt hại do thiên tai gây ra;",
            ),
        ]
    )
    a, c = extract_tasks(doc)
    assert a.text.startswith("Sở Kế hoạch và Đầu tư chủ trì")
    assert a.lead == ["Sở Kế hoạch và Đầu tư"] and a.partners == ["các sở ngành, địa phương"]
    assert a.timeframe == "giai đoạn 2020 - 2025"
    assert c.lead == ["Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự tỉnh"]
    assert c.partners == []


def test_bullets_under_an_agency_heading_each_are_a_task():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("II/2", "nhiem_vu_giai_phap", "2. Nhiệm vụ và giải pháp cụ thể cho từng ngành, lĩnh vực"),
            (
                "II/2/2.1",
                "nhiem_vu_giai_phap",
                "2.1. Sở Tài chính\n"
                "- Chủ trì, phối hợp sở, ngành, địa phương triển khai thực hiện Quyết định số 1756/QĐ-TTg.\n"
                "- Tham mưu tổ chức thực hiện có hiệu quả kế hoạch đầu tư công trung hạn và hằng năm.\n"
                "-Phối hợp với các cơ quan thuế, hải quan và các cơ quan, đơn vị khác có liên quan thực hiện "
                "đồng bộ các giải pháp thu ngân sách nhà nước.",
            ),
        ]
    )
    tasks = extract_tasks(doc)
    assert prefixes(tasks) == [
        "Chủ trì, phối hợp sở, ngành, đ",
        "Tham mưu tổ chức thực hiện có ",
        "Phối hợp với các cơ quan thuế,",
    ]
    assert all(t.lead == ["Sở Tài chính"] for t in tasks)
    assert [t.partners for t in tasks] == [
        ["sở, ngành, địa phương"],
        [],
        ["các cơ quan thuế, hải quan", "các cơ quan, đơn vị khác có liên quan"],
    ]
    assert tasks[1].timeframe == "hằng năm"
    assert [t.task_id for t in tasks] == ["T001", "T002", "T003"]


def test_numbered_items_under_an_agency_heading_inherit_it():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("II/1", "nhiem_vu_giai_phap", "1. Các sở, ban ngành thuộc tỉnh và Ủy ban nhân dân các huyện, thành phố"),
            (
                "II/1/1.2",
                "nhiem_vu_giai_phap",
                "1.2. Trên cơ sở Chương trình hành động này và Quy hoạch tỉnh, các đơn vị, địa phương chủ động "
                "xây dựng kế hoạch triển khai tổ chức thực hiện quy hoạch.",
            ),
            (
                "II/1/1.3",
                "nhiem_vu_giai_phap",
                "1.3. Chủ động tham mưu, phối hợp chặt chẽ với các Bộ, ngành trung ương trong quá trình lập các "
                "quy hoạch cấp quốc gia, quy hoạch vùng.",
            ),
        ]
    )
    t12, t13 = extract_tasks(doc)
    lead = ["các sở, ban ngành thuộc tỉnh", "Ủy ban nhân dân các huyện, thành phố"]
    assert t12.lead == lead and t12.partners == []
    assert t13.lead == lead and t13.partners == ["các Bộ, ngành trung ương"]
    assert (t12.section_id, t13.section_id) == ("II/1/1.2", "II/1/1.3")


def test_topic_heading_gives_no_lead():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ VÀ GIẢI PHÁP"),
            ("II/1", "nhiem_vu_giai_phap", "1. Các nhiệm vụ, giải pháp chung"),
            (
                "II/1/a",
                "nhiem_vu_giai_phap",
                "a) Nâng cao nhận thức và ý thức trách nhiệm về chủ động phòng, chống thiên tai\n"
                "- Tiếp tục thực hiện tuyên truyền, hướng dẫn thi hành pháp luật.\n"
                "- Thực hiện đánh giá kết quả bảo vệ môi trường hằng năm trên địa bàn tỉnh, công khai trên các "
                "phương tiện thông tin đại chúng.",
            ),
            (
                "II/3/b",
                "nhiem_vu_giai_phap",
                "b) Đối với tài nguyên nước\n"
                "- Xây dựng hệ thống giám sát khai thác, sử dụng tài nguyên nước và phối hợp với cơ quan quản lý "
                "nhà nước về tài nguyên nước (Bộ Tài nguyên và Môi trường) để thống nhất, kết nối.",
            ),
        ]
    )
    t1, t2, t3 = extract_tasks(doc)
    assert t1.lead == t2.lead == t3.lead == []
    assert t2.timeframe == "hằng năm"
    # the bracket names the body the words before it describe
    assert t3.partners == ["Bộ Tài nguyên và Môi trường"]


def test_heading_partners_and_own_partners_add_up():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN"),
            ("II/4", "nhiem_vu_giai_phap", "4. Một số nhiệm vụ cụ thể cấp bách:"),
            (
                "II/4/đ",
                "nhiem_vu_giai_phap",
                "đ) Sở Xây dựng chủ trì, phối hợp với các sở, ngành và địa phương:\n"
                "Nghiên cứu, ứng dụng các giải pháp chủ động ứng phó với biến đổi khí hậu, bao gồm:\n"
                "- Tham mưu Ủy ban nhân dân tỉnh chủ động rà soát quy hoạch. Phối hợp với Bộ Xây dựng tổ chức "
                "xây dựng cơ sở dữ liệu.\n"
                "- Phối hợp Cục Phát triển đô thị - Bộ Xây dựng thực hiện lồng ghép thích ứng với biến đổi khí hậu.\n"
                "Tổ chức thực hiện có hiệu quả đề án phát triển, quản lý chăm sóc cây xanh tại các đô thị.",
            ),
        ]
    )
    tasks = extract_tasks(doc)
    assert [t.text[:12] for t in tasks] == ["Nghiên cứu, ", "Tham mưu Ủy ", "Phối hợp Cục", "Tổ chức thực"]
    assert all(t.lead == ["Sở Xây dựng"] for t in tasks)
    assert tasks[1].partners == ["các sở, ngành và địa phương", "Bộ Xây dựng"]
    assert tasks[2].partners == ["các sở, ngành và địa phương", "Cục Phát triển đô thị - Bộ Xây dựng"]
    assert tasks[3].partners == ["các sở, ngành và địa phương"]


def test_paragraphs_under_a_topic_item_keep_their_own_subjects():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN"),
            (
                "II/3",
                "nhiem_vu_giai_phap",
                "3. Nâng cao năng lực, hiệu quả quản lý nhà nước, xử lý vi phạm:\n"
                "Sở Tài nguyên và Môi trường phối hợp với các sở, ngành và địa phương rà soát, cập nhật, tham "
                "mưu Ủy ban nhân dân tỉnh hoàn thiện các văn bản quy phạm pháp luật.\n"
                "Quan tâm triển khai thực hiện phân loại chất thải tại nguồn, nhất là rác thải sinh hoạt.",
            ),
        ]
    )
    t1, t2 = extract_tasks(doc)
    assert t1.lead == ["Sở Tài nguyên và Môi trường"] and t1.partners == ["các sở, ngành và địa phương"]
    assert t2.lead == [] and t2.partners == []


def test_organisation_items_name_their_own_lead():
    doc = build_doc(
        [
            ("III", "to_chuc_thuc_hien", "III. TỔ CHỨC THỰC HIỆN"),
            (
                "III/1",
                "to_chuc_thuc_hien",
                "1. Thủ trưởng các cơ quan, đơn vị thuộc tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thành phố tập "
                "trung chỉ đạo, tăng cường kiểm tra, đôn đốc việc triển khai thực hiện Chương trình hành động này. "
                "Trong quá trình tổ chức thực hiện, các sở, ngành, địa phương, đơn vị chủ động đề xuất, gửi Sở Tài "
                "chính để tổng hợp báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.",
            ),
            (
                "III/2",
                "to_chuc_thuc_hien",
                "2. Giao Sở Tài chính chủ trì, phối hợp với các sở, ban ngành, địa phương, đơn vị tham mưu xây dựng "
                "báo cáo đánh giá thực hiện Quy hoạch tỉnh theo định kỳ hoặc đột xuất theo quy định của Luật Quy hoạch.",
            ),
            (
                "III/3",
                "to_chuc_thuc_hien",
                "3. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và các đoàn thể chính trị - xã hội tỉnh tăng cường các "
                "hoạt động tuyên truyền, vận động đến các tầng lớp Nhân dân.",
            ),
        ]
    )
    t1, t2, t3 = extract_tasks(doc)
    assert t1.lead == ["Thủ trưởng các cơ quan, đơn vị thuộc tỉnh", "Chủ tịch Ủy ban nhân dân các huyện, thành phố"]
    assert t1.partners == []
    assert t2.lead == ["Sở Tài chính"] and t2.partners == ["các sở, ban ngành, địa phương, đơn vị"]
    assert t2.timeframe == "theo định kỳ hoặc đột xuất"
    assert t3.lead == ["Ủy ban Mặt trận Tổ quốc tỉnh", "các đoàn thể chính trị - xã hội tỉnh"]


def test_focal_point_is_not_a_partner_and_recurring_times_are_joined():
    doc = build_doc(
        [
            ("III", "to_chuc_thuc_hien", "III. TỔ CHỨC THỰC HIỆN"),
            (
                "III/3",
                "to_chuc_thuc_hien",
                "3. Sở Tài nguyên và Môi trường là cơ quan đầu mối phối hợp, tổ chức triển khai các nội dung của "
                "Chương trình; Thường xuyên kiểm tra, đôn đốc các sở, ban ngành và địa phương thực hiện Chương "
                "trình; đánh giá và định kỳ hằng năm, tổng hợp báo cáo kết quả thực hiện Chương trình.",
            ),
        ]
    )
    [t] = extract_tasks(doc)
    assert t.lead == ["Sở Tài nguyên và Môi trường"]
    assert t.partners == []
    assert t.timeframe == "Thường xuyên; định kỳ hằng năm"


def test_sections_that_are_not_tasks_give_none():
    doc = build_doc(
        [
            ("I", "muc_tieu", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("I/4", "muc_tieu", "4. Đến năm 2025, phấn đấu đạt một số mục tiêu cụ thể sau:"),
            ("I/4/a", "muc_tieu", "a) Về ứng phó với biến đổi khí hậu:\n- Giảm 7,3% phát thải khí nhà kính."),
            ("III", "to_chuc_thuc_hien", "III. TỔ CHỨC THỰC HIỆN"),
            (
                "III/8",
                "to_chuc_thuc_hien",
                "8. Các tổ chức chính trị - xã hội, xã hội nghề - nghiệp, đoàn thể và doanh nghiệp đẩy mạnh hoạt "
                "động giám sát, phản biện xã hội.\n"
                "Trên đây là Chương trình hành động của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số 06/NQ-CP.",
            ),
        ]
    )
    [t] = extract_tasks(doc)
    assert t.section_id == "III/8"
    assert t.lead == ["các tổ chức chính trị - xã hội, xã hội nghề - nghiệp, đoàn thể và doanh nghiệp"]


def test_articles_count_only_when_they_name_who():
    doc = build_doc(
        [
            ("Điều 1", "dieu", "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động triển khai thực hiện."),
            (
                "Điều 2",
                "dieu",
                "Điều 2. Thủ trưởng các sở, ban ngành, đơn vị thuộc tỉnh; Chủ tịch Ủy ban nhân dân các huyện, "
                "thành phố chịu trách nhiệm thi hành Quyết định này./.",
            ),
        ]
    )
    [t] = extract_tasks(doc)
    assert t.section_id == "Điều 2"
    assert t.text.startswith("Thủ trưởng")
    assert len(t.lead) == 2


def test_agency_bullet_over_sub_bullets_is_a_heading():
    doc = build_doc(
        [
            ("III", "to_chuc_thuc_hien", "III. TỔ CHỨC THỰC HIỆN"),
            (
                "III/1",
                "to_chuc_thuc_hien",
                "1. Trách nhiệm của các cơ quan, đơn vị\n"
                "- Sở Y tế:\n"
                "+ Tham mưu triển khai thực hiện phương án phát triển mạng lưới các cơ sở y tế.\n"
                "+ Phối hợp với Sở Tài chính bố trí kinh phí thực hiện.\n"
                "- Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan:\n"
                "+ Tiếp tục xây dựng đội ngũ giáo viên đủ về số lượng, cơ cấu bộ môn.",
            ),
        ]
    )
    tasks = extract_tasks(doc)
    assert [t.text[:20] for t in tasks] == ["Tham mưu triển khai ", "Phối hợp với Sở Tài ", "Tiếp tục xây dựng độ"]
    assert [t.lead for t in tasks] == [["Sở Y tế"], ["Sở Y tế"], ["Sở Giáo dục và Đào tạo"]]
    assert [t.partners for t in tasks] == [[], ["Sở Tài chính"], ["các đơn vị liên quan"]]


def test_bullet_split_by_a_hard_break_is_one_task():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ"),
            (
                "II/1",
                "nhiem_vu_giai_phap",
                "1. Sở Y tế\n- Đẩy mạnh xã hội hóa, huy động các nguồn lực phát triển hệ thống y tế.\n"
                "Đa dạng hóa các hình thức hợp tác công - tư.\n- Tiếp tục đổi mới cơ chế hoạt động.",
            ),
        ]
    )
    tasks = extract_tasks(doc)
    assert len(tasks) == 2
    assert tasks[0].text.endswith("hợp tác công - tư.")


def test_offsets_point_at_the_text():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ"),
            (
                "II/1",
                "nhiem_vu_giai_phap",
                "1. Sở Y tế\n-   Tham mưu triển khai thực hiện phương án.   \n+ Quy hoạch mở rộng.",
            ),
        ]
    )
    for t in extract_tasks(doc):
        assert doc.text[t.char_start : t.char_end] == t.text
        assert t.text == t.text.strip() and not t.text.startswith(("-", "+"))


# ---------------------------------------------------------------- fields


@pytest.mark.parametrize(
    "text, lead, partners",
    [
        (
            "Sở Tài chính phối hợp Sở Tài nguyên và Môi trường và các đơn vị, địa phương có liên quan tham mưu",
            ["Sở Tài chính"],
            ["Sở Tài nguyên và Môi trường", "các đơn vị, địa phương có liên quan"],
        ),
        (
            "Sở Tư pháp có trách nhiệm phối hợp với Sở Tài nguyên và Môi trường và các cơ quan liên quan rà soát",
            ["Sở Tư pháp"],
            ["Sở Tài nguyên và Môi trường", "các cơ quan liên quan"],
        ),
        (
            "Sở Nông nghiệp và Môi trường, Sở Y tế, Sở Nội vụ: Theo chức năng, nhiệm vụ phối hợp với Ủy ban nhân "
            "dân các huyện, thành phố triển khai thực hiện",
            ["Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Nội vụ"],
            ["Ủy ban nhân dân các huyện, thành phố"],
        ),
        ("Xây dựng cơ chế phối hợp liên ngành, liên tỉnh; cơ chế phối hợp giữa các cấp, các ngành", [], []),
        (
            "Chủ trì, phối hợp với Ủy ban nhân dân các huyện, thành phố triển khai. Đồng thời phối hợp với các "
            "huyện, thành phố kêu gọi đầu tư",
            [],
            ["Ủy ban nhân dân các huyện, thành phố"],
        ),
        (
            "Nhiệm vụ nâng cấp hạ tầng. Cơ quan chủ trì: Sở Xây dựng; Cơ quan phối hợp: Sở Tài chính, UBND các huyện",
            ["Sở Xây dựng"],
            ["Sở Tài chính", "Ủy ban nhân dân các huyện"],
        ),
        # OCR writes `phối họp`
        (
            "Sở Tài chính chủ trì, phối họp với các sở, ngành liên quan bố trí kinh phí",
            ["Sở Tài chính"],
            ["các sở, ngành liên quan"],
        ),
        # local government as a partner, after a named body too (real CV of a provincial UBND)
        (
            "Chủ trì, phối hợp với Sở Công Thương, chính quyền địa phương và cơ quan liên quan tăng cường kiểm tra",
            [],
            ["Sở Công Thương", "chính quyền địa phương và cơ quan liên quan"],
        ),
        (
            "Phối hợp với Sở Ngoại vụ và chính quyền địa phương quản lý chặt chẽ việc sử dụng",
            [],
            ["Sở Ngoại vụ", "chính quyền địa phương"],
        ),
        (
            "Công an tỉnh phối hợp với Sở Tư pháp, đơn vị liên quan thẩm định",
            ["Công an tỉnh"],
            ["Sở Tư pháp", "đơn vị liên quan"],
        ),
        ("Phối hợp với chính quyền các cấp tuyên truyền pháp luật", [], ["chính quyền các cấp"]),
        # a government being built is no body (`chính quyền số`)
        ("Xây dựng chính quyền số, chính quyền điện tử", [], []),
        # a group whose members a word or two describe, before what it does
        (
            "Sở Tài chính chủ trì, phối hợp với các tổ chức tín dụng triển khai gói vay",
            ["Sở Tài chính"],
            ["các tổ chức tín dụng"],
        ),
        (
            "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính và các doanh nghiệp viễn thông triển khai",
            ["Sở Khoa học và Công nghệ"],
            ["Sở Tài chính", "các doanh nghiệp viễn thông"],
        ),
        # … and not where no predicate closes the words (`phủ sóng` names no body's kind)
        (
            "Sở Khoa học và Công nghệ chủ trì, phối hợp với các doanh nghiệp viễn thông phủ sóng 5G",
            ["Sở Khoa học và Công nghệ"],
            [],
        ),
        # the clause after the lead's, its own subject the partner
        (
            "Sở Tài nguyên và Môi trường chủ trì hướng dẫn thu gom rác thải; Sở Y tế phối hợp kiểm tra nước sạch",
            ["Sở Tài nguyên và Môi trường"],
            ["Sở Y tế"],
        ),
    ],
)
def test_parse_assignment(text, lead, partners):
    a = parse_assignment(text)
    assert (a.lead, a.partners) == (lead, partners)


@pytest.mark.parametrize(
    "text",
    [
        "Sở Tài chính hướng dẫn người dân sử dụng dịch vụ công trực tuyến. Thời gian: thường xuyên.",
        "Sở Tài chính hướng dẫn người dân sử dụng dịch vụ công trực tuyến; Sản phẩm: tài liệu hướng dẫn.",
    ],
)
def test_a_name_never_runs_over_a_sentence_to_the_next_fields_colon(text):
    """The colon that ends a long name (`Ban Chỉ huy …, tìm kiếm cứu nạn …:`) is in the name's own sentence."""
    assert parse_assignment(text).lead == ["Sở Tài chính"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Định kỳ trước ngày 05 tháng 12 hàng năm tổng hợp, báo cáo Ủy ban nhân dân tỉnh",
            "Định kỳ trước ngày 05 tháng 12 hàng năm",
        ),
        (
            "hoàn thành các công trình thuộc kế hoạch đầu tư công giai đoạn 2016 - 2020, trong đó năm 2020 phải "
            "hoàn thành các dự án",
            "năm 2020",
        ),
        ("phấn đấu đến hết năm 2025 giảm tỷ lệ rác thải được xử lý bằng phương pháp chôn lấp", "đến hết năm 2025"),
        (
            "sắp xếp các đơn vị hành chính cấp huyện, cấp xã giai đoạn 2026-2030 theo Kết luận của Bộ Chính trị",
            "giai đoạn 2026-2030",
        ),
        ("Lập kế hoạch thanh tra, kiểm tra hàng năm có trọng tâm, trọng điểm", "hàng năm"),
        ("Xây dựng đề án. Thời gian thực hiện: Quý III/2025; Sản phẩm: Đề án được phê duyệt.", "Quý III/2025"),
        ("báo cáo định kỳ 6 tháng (trước ngày 15/6) và hằng năm", "định kỳ 6 tháng (trước ngày 15/6) và hằng năm"),
        ("Tuyên truyền (Sở Y tế chủ trì; Báo tỉnh phối hợp; thực hiện thường xuyên).", "thường xuyên"),
        ("Thực hiện minh bạch hóa trong quản lý tài nguyên.", None),
        ("theo Quyết định số 1055/QĐ-TTg ngày 20 tháng 7 năm 2020 của Thủ tướng Chính phủ", None),
    ],
)
def test_find_timeframe(text, expected):
    got = find_timeframe(text)
    if expected is None or "và" not in expected:
        assert got == expected
    else:
        assert "định kỳ 6 tháng" in got and "hằng năm" in got


# ---------------------------------------------------------------- tables

TASK_TABLE = "\n".join(
    [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tSản phẩm",
        "I\tNhóm nhiệm vụ về thể chế\t\t\t\t",
        "1\tRà soát, điều chỉnh quy hoạch sử dụng đất cấp huyện\tSở Nông nghiệp và Môi trường\tUBND các huyện, thành phố; Sở Xây dựng\t2025-2026\tQuyết định phê duyệt",
        "2\tXây dựng cơ sở dữ liệu đất đai\tSở TN&MT\tSở Tài chính\tHằng năm\t",
        "-\tCập nhật dữ liệu biến động\t\t\tQuý IV/2025\tBáo cáo",
    ]
)


def test_task_table_rows():
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("II/1", "nhiem_vu_giai_phap", "1. Danh mục nhiệm vụ cụ thể\n" + TASK_TABLE),
        ]
    )
    tasks = extract_tasks(doc)
    assert [t.source for t in tasks] == ["table"] * 3
    t1, t2, t3 = tasks
    assert t1.text == "Rà soát, điều chỉnh quy hoạch sử dụng đất cấp huyện"
    assert doc.text[t1.char_start : t1.char_end] == t1.text
    assert t1.lead == ["Sở Nông nghiệp và Môi trường"]
    assert t1.partners == ["Ủy ban nhân dân các huyện, thành phố", "Sở Xây dựng"]
    assert (t1.timeframe, t1.product) == ("2025-2026", "Quyết định phê duyệt")
    assert t2.lead == ["Sở Tài nguyên và Môi trường"] and t2.timeframe == "Hằng năm" and t2.product is None
    # a `-` row under a numbered one inherits its lead
    assert t3.lead == ["Sở Tài nguyên và Môi trường"] and t3.product == "Báo cáo"
    assert t1.section_id == "II/1"


def test_a_units_of_measure_column_is_no_lead():
    """`Đơn vị tính` is a unit of measure: a budget's rows are no tasks led by `người`
    or `lít`, and beside a lead column it takes nothing from it."""
    budget = "\n".join(
        [
            "TT\tNội dung\tĐơn vị tính\tSố lượng\tĐơn giá (nghìn đồng)\tThành tiền (nghìn đồng)",
            "1\tTập huấn cán bộ y tế\tngười\t500\t1.000\t500.000",
            "2\tMua hóa chất phun diệt muỗi\tlít\t2.000\t750\t1.500.000",
        ]
    )
    doc = build_doc([("phu_luc", "phu_luc", "PHỤ LỤC\nDỰ TOÁN KINH PHÍ\n" + budget)])
    assert not [t for t in extract_tasks(doc) if t.lead and t.lead[0] in ("người", "lít")]
    table = "\n".join(
        [
            "TT\tNhiệm vụ\tĐơn vị tính\tKhối lượng\tĐơn vị thực hiện\tThời gian",
            "1\tTrồng rừng phòng hộ ven biển\tha\t120\tSở Nông nghiệp và Môi trường\tNăm 2026",
        ]
    )
    doc = build_doc([("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ\n" + table)])
    [t] = extract_tasks(doc)
    assert (t.text, t.lead, t.timeframe) == (
        "Trồng rừng phòng hộ ven biển",
        ["Sở Nông nghiệp và Môi trường"],
        "Năm 2026",
    )


def test_table_headers_are_read_by_their_first_words():
    table = "\n".join(
        [
            "TT\tNội dung thực hiện\tĐơn vị thực hiện\tĐơn vị phối hợp\tThời gian thực hiện\tKết quả thực hiện",
            "1\tTổ chức hội nghị phổ biến Quy hoạch tỉnh\tSở Tài chính\tCác sở, ban ngành\tQuý II/2025\tHội nghị",
        ]
    )
    doc = build_doc([("III", "to_chuc_thuc_hien", "III. TỔ CHỨC THỰC HIỆN\n" + table)])
    [t] = extract_tasks(doc)
    assert t.text == "Tổ chức hội nghị phổ biến Quy hoạch tỉnh"
    assert (t.lead, t.partners) == (["Sở Tài chính"], ["các sở, ban ngành"])
    assert (t.timeframe, t.product) == ("Quý II/2025", "Hội nghị")


@pytest.mark.parametrize("title", ["Cơ quan chủ trì, phối hợp", "Vai trò (Chủ trì/ Phối hợp)", "Chủ trì và phối hợp"])
def test_a_column_titled_by_both_roles_reads_them_from_its_cells(title):
    table = "\n".join(
        [
            f"STT\tNội dung\t{title}\tThời gian\tKết quả",
            "1\tRà soát quỹ đất dành cho nhà ở xã hội\tPhòng Quy hoạch - Kiến trúc (chủ trì); Văn phòng Sở"
            "\tQuý IV/2024\tBáo cáo",
        ]
    )
    doc = build_doc([("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ CỤ THỂ\n" + table)])
    [t] = extract_tasks(doc)
    assert (t.lead, t.partners) == (["Phòng Quy hoạch - Kiến trúc"], ["Văn phòng Sở"])


def test_a_title_set_in_by_a_tab_after_a_table_is_no_task():
    """`⇥PHỤ LỤC II` / `⇥DANH MỤC DỰ ÁN` after a task table (a layout that sets every line in by a tab):
    no rows, and they hand no lead on."""
    table = "\n".join(
        [
            "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
            "1\tHỗ trợ doanh nghiệp chuyển đổi số\tSở Kế hoạch và Đầu tư\tNăm 2025",
            "\tDANH MỤC DỰ ÁN",
        ]
    )
    doc = build_doc([("phu_luc", "phu_luc", "PHỤ LỤC I\n" + table)])
    assert [(t.text, t.lead) for t in extract_tasks(doc)] == [
        ("Hỗ trợ doanh nghiệp chuyển đổi số", ["Sở Kế hoạch và Đầu tư"])
    ]


def test_indicator_table_is_not_a_task_table():
    table = "\n".join(
        [
            "STT\tChỉ tiêu\tĐơn vị\tĐến năm 2030\tCơ quan chủ trì theo dõi, đánh giá",
            "1\tTốc độ tăng trưởng GRDP\t%\t>10\tChi Cục Thống kê; Sở Tài chính",
        ]
    )
    doc = build_doc([("phu_luc", "phu_luc", "PHỤ LỤC\n" + table)])
    assert extract_tasks(doc) == []


def test_task_table_in_an_appendix_counts():
    doc = build_doc([("phu_luc", "phu_luc", "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + TASK_TABLE)])
    assert len(extract_tasks(doc)) == 3


# ---------------------------------------------------------------- the samples


def _score(golds, preds):
    """Pairs as `score.py` does: text prefix similarity >= 0.7, greedy."""
    from pipeline.evaluate.quality import agency_set_f1 as set_f1
    from pipeline.evaluate.quality import match as greedy
    from pipeline.evaluate.quality import norm

    gnorm = {id(g): norm(g["text_prefix"])[:80] for g in golds}
    pnorm = {id(p): norm(p.text[:200]) for p in preds}

    def pair(g, p):
        gp = gnorm[id(g)]
        m = SequenceMatcher(None, gp, pnorm[id(p)][: len(gp)])
        if m.real_quick_ratio() < 0.7 or m.quick_ratio() < 0.7:
            return None  # the bounds are cheap; the ratio is not
        s = m.ratio()
        return s if s >= 0.7 else None

    pairs = greedy(golds, preds, pair)
    tp = sum(1 for g, _ in pairs if not golds[g].get("optional"))
    fn = sum(1 for i, g in enumerate(golds) if i not in {g for g, _ in pairs} and not g.get("optional"))
    fp = len(preds) - len(pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    lead = sum(set_f1(golds[g]["lead"], preds[q].lead) >= 0.99 for g, q in pairs) / max(1, len(pairs))
    partners = sum(set_f1(golds[g]["partners"], preds[q].partners) >= 0.99 for g, q in pairs) / max(1, len(pairs))
    return f1, lead, partners


@pytest.mark.parametrize("name", SAMPLES)
def test_truth_texts_against_gold(name):
    from extractors.sections import parse_sections

    text = (FIXTURES / f"{name}.truth.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))["tasks"]
    doc = ParsedDoc(text, parse_sections(text))
    tasks = extract_tasks(doc)
    f1, lead, partners = _score(gold, tasks)
    assert f1 >= 0.95
    assert lead >= 0.9 and partners >= 0.95
    assert len({t.task_id for t in tasks}) == len(tasks)
    for t in tasks:
        assert text[t.char_start : t.char_end] == t.text


# ---------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_never_raises(text):
    from extractors.sections import parse_sections

    doc = ParsedDoc(text, parse_sections(text))
    for t in extract_tasks(doc):
        assert text[t.char_start : t.char_end] == t.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.text())
def test_arbitrary_item_text_never_raises(heading, body):
    doc = build_doc(
        [
            ("II", "nhiem_vu_giai_phap", "II. NHIỆM VỤ"),
            ("II/1", "nhiem_vu_giai_phap", "1. " + heading + "\n- " + body + "\n\t" + body),
        ]
    )
    for t in extract_tasks(doc):
        assert doc.text[t.char_start : t.char_end] == t.text


@pytest.mark.parametrize(
    ("text", "lead", "partners"),
    [
        # the subject after an opening clause (`Căn cứ …,`, `Theo …,`, `Trên cơ sở …,`)
        (
            "Căn cứ nội dung kế hoạch, Thủ trưởng các đơn vị sự nghiệp và Chủ tịch Ủy ban nhân dân cấp xã "
            "chủ động bố trí nhân lực thực hiện.",
            ["Thủ trưởng các đơn vị sự nghiệp", "Chủ tịch Ủy ban nhân dân cấp xã"],
            [],
        ),
        (
            "Theo chức năng, nhiệm vụ được giao, Sở Y tế chủ trì, phối hợp với Sở Tài chính hướng dẫn.",
            ["Sở Y tế"],
            ["Sở Tài chính"],
        ),
        # a list that goes on after the comma is an object, not the subject
        ("Trong phạm vi thẩm quyền kiểm tra hoạt động của tổ chức kiểm định, Các tổ chức, cá nhân sử dụng.", [], []),
        # a body that directs (`chỉ đạo`) another keeps the task; one that gives it (`giao`) hands it on
        (
            "Ban cán sự đảng UBND tỉnh chỉ đạo Sở Tư pháp thẩm định dự thảo văn bản.",
            ["Ban cán sự đảng Ủy ban nhân dân tỉnh"],
            [],
        ),
        # adverbs between `phối hợp` and `với`
        (
            "Sở Y tế chủ trì, phối hợp chặt chẽ, kịp thời với Sở Giáo dục và Đào tạo tổ chức khám sức khỏe.",
            ["Sở Y tế"],
            ["Sở Giáo dục và Đào tạo"],
        ),
        (
            "Sở Y tế chủ trì, phối hợp chặt chẽ và thường xuyên với Công an tỉnh kiểm tra.",
            ["Sở Y tế"],
            ["Công an tỉnh"],
        ),
    ],
)
def test_leads_and_partners_other_offices_write(text, lead, partners):
    """Classes F-lead-midsentence and F-partner-cue of the unseen plans' notes."""
    a = parse_assignment(text)
    assert (a.lead, a.partners) == (lead, partners)


GROUP_AFTER_A_CLAUSE = [
    "Trên cơ sở Chương trình này, các đơn vị, địa phương chủ động xây dựng kế hoạch triển khai.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương phản ánh về Sở Tài chính.",
]


@pytest.mark.parametrize("sentence", GROUP_AFTER_A_CLAUSE)
def test_a_group_after_an_opening_clause_leads_unless_a_heading_names_its_bodies(sentence):
    """A group after an opening clause (`Trên cơ sở …, các đơn vị, địa phương …`) points back
    to the bodies the heading above names; under a heading that names none, it leads."""
    group = parse_assignment(sentence)
    assert group.refers_back and group.lead and group.lead[0].startswith("các ")
    head = "KẾ HOẠCH\nVề thử\nIII. TỔ CHỨC THỰC HIỆN\n"
    alone = analyse(normalize_text(f"{head}1. {sentence}\n")).tasks
    assert [t.lead for t in alone] == [group.lead]
    under = analyse(normalize_text(f"{head}1. Sở Nội vụ, Sở Y tế\n- {sentence}\n")).tasks
    assert [t.lead for t in under] == [["Sở Nội vụ", "Sở Y tế"]]


@pytest.mark.parametrize(
    "sentence",
    [
        # a named body after a time clause leads: an article's duty (Thông tư 38/2025/TT-BCT)
        "Định kỳ hằng năm, trước ngày 28 tháng 02, Ủy ban nhân dân cấp tỉnh có trách nhiệm báo cáo Bộ Công Thương.",
        "Khi có yêu cầu, Sở Tư pháp hướng dẫn các đơn vị.",
        "Hằng năm, Sở Tài chính tổng hợp báo cáo.",
    ],
)
def test_a_body_after_a_time_or_condition_clause_leads(sentence):
    assert parse_assignment(sentence).lead[0].startswith(("Ủy ban", "Sở"))


def test_goods_open_no_time_clause():
    # `Hàng` opens a time clause only as `Hàng năm`, `Hàng quý` …; `Hàng hóa` is goods
    assert parse_assignment("Hàng hóa nhập khẩu, các doanh nghiệp phải khai báo.").lead == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the bodies after the verb are its objects, whatever comes next
        "Trong quá trình thực hiện có vướng mắc, tổ chức, cá nhân phản ánh về Bộ Công Thương, Ủy ban nhân dân cấp tỉnh để giải quyết.",
        "Định kỳ hàng năm, báo cáo Sở Công Thương, Ủy ban nhân dân cấp xã nơi tham gia bình chọn.",
    ],
)
def test_bodies_an_opening_clause_reports_to_do_not_lead(sentence):
    assert parse_assignment(sentence).lead == []


@pytest.mark.parametrize(
    ("text", "timeframe"),
    [
        (
            "Gửi kế hoạch về Sở Tài chính trước ngày 30/6/2026; định kỳ 6 tháng (trước 10/6) báo cáo kết quả.",
            "trước ngày 30/6/2026; định kỳ 6 tháng",
        ),
        ("Trước ngày 30 tháng 01 hằng năm Ủy ban nhân dân cấp tỉnh báo cáo.", "Trước ngày 30 tháng 01 hằng năm"),
        ("Hoàn thành trước ngày 30/6/2026.", "Hoàn thành trước ngày 30/6/2026"),
    ],
)
def test_a_due_point_and_a_cycle_are_both_the_timeframe(text, timeframe):
    """Class F-timeframe-multi: a task due once and then reported on a cycle."""
    assert find_timeframe(text) == timeframe


def test_a_heading_that_names_a_local_government_leads_the_items_under_it():
    text = (
        "KẾ HOẠCH\nVề thử\nII. TỔ CHỨC THỰC HIỆN\n3. Chính quyền cấp xã\n"
        "- Phối hợp với các cơ quan trung ương, các tổ chức quốc tế và Ủy ban Mặt trận Tổ quốc Việt Nam "
        "tỉnh Quảng Trị triển khai kế hoạch.\n"
    )
    (task,) = extract_tasks(ParsedDoc(text, parse_sections(text)))
    assert task.lead == ["Chính quyền cấp xã"]
    assert task.partners == [
        "các cơ quan trung ương",
        "các tổ chức quốc tế",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị",
    ]


_FIELD_BLOCK = (
    "KẾ HOẠCH\nVề thử\nIII. NHIỆM VỤ TRỌNG TÂM\n1. Tái cơ cấu ngành công nghiệp\n"
    "- Tham mưu UBND tỉnh xây dựng chính sách thu hút đầu tư.\n"
    "- Phối hợp với Sở Tài nguyên và Môi trường rà soát hoạt động khai thác.\n"
    "{overseer}"
    "Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng, Văn phòng Sở.\n"
    "2. Phát triển nguồn nhân lực\n- Tổ chức tập huấn cho cán bộ.\n"
)


@pytest.mark.parametrize("overseer", ["", "Lãnh đạo phụ trách: Phó Giám đốc Nguyễn Văn An.\n"])
def test_field_lines_after_bullets_give_every_bullet_its_lead_and_partners(overseer):
    """A real DOCX plan (Sở Công Thương, Đề án 08): the unit fields close the whole group;
    the leader who oversees it is no lead when a unit is named; a bullet keeps its own partner."""
    text = _FIELD_BLOCK.format(overseer=overseer)
    first, second, third = extract_tasks(ParsedDoc(text, parse_sections(text)))
    assert first.lead == second.lead == ["Phòng Quản lý Công nghiệp"]
    assert first.partners == ["Phòng Quản lý Năng lượng", "Văn phòng Sở"]
    assert second.partners == ["Sở Tài nguyên và Môi trường", "Phòng Quản lý Năng lượng", "Văn phòng Sở"]
    assert third.lead == []


def test_the_overseer_leads_when_no_unit_is_named():
    text = (
        "KẾ HOẠCH\nVề thử\nII. NHIỆM VỤ\n1. Kiểm tra\n- Kiểm tra hồ sơ pháp lý của đơn vị.\n"
        "Lãnh đạo phụ trách: Phó Giám đốc Nguyễn Văn An.\n"
    )
    (task,) = extract_tasks(ParsedDoc(text, parse_sections(text)))
    assert task.lead == ["Phó Giám đốc Nguyễn Văn An"]
