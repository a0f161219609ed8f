"""Plans none of the samples resemble, written for the tests, in every layout.

Invented plans (`tests/fixtures/invented/`): a commune's digital
transformation plan under the two-level local government of 2025 (a task
table, `Văn phòng HĐND và UBND xã`, `Trung tâm Phục vụ hành chính công xã`),
a provincial Party committee's action programme (`ĐẢNG BỘ TỈNH … / BAN CHẤP
HÀNH`, Party bodies as leads, `T/M` and `BÍ THƯ`) and a ministry's decision
with its plan attached (`KT. BỘ TRƯỞNG / THỨ TRƯỞNG`, a ministry's
departments); then a provincial department's health plan under its parent's
name (`UBND TỈNH … / SỞ Y TẾ`, `1.1.` and `+` items, a baseline year, a task
table with a product column), a provincial council's resolution on the year's
plan (articles as parts, targets under `a) Về kinh tế`, the council's own
organs) and a district's plan in lettered parts (`A.` … `D.`, Roman items
under them, `*` bullets, a target table, a district spelled unlike the
gazetteer), and a province's decision with its programme attached, whose tasks
are a table with group rows (`I | Hoàn thiện thể chế …`), and a city's poverty plan
(a title with no full stop over `Triển khai Kết luận …`, `từ 45% năm 2023 lên
60%`, `Ngân hàng Chính sách xã hội`, a reporting section), and a province's
directive (a narrative opening under the title, items headed by the agencies
they address, a closing that tells all to carry it out), and a department's
annual plan whose items carry dashed field lines (`- Đơn vị chủ trì: …`,
`- Sản phẩm: …`, `Quý II - Quý III/2025`), and the Government's resolution with its action
programme (`CHÍNH PHỦ` as issuer and enacting body, `TM. CHÍNH PHỦ / THỦ TƯỚNG`, a national
document's addressees: `Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ …`, `Ủy ban nhân dân các
tỉnh, thành phố trực thuộc trung ương`), and a district steering committee's plan (`UBND HUYỆN …
/ BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH BỆNH`, `KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN`, names written small,
`Trung tâm y tế huyện`, an age band inside a rate, `Các thành viên Ban Chỉ đạo`), and a province's
decision approving a scheme after the 2025 reform (targets as `khoảng`, `tối thiểu`, `%/năm`, `Không
dưới`; `các xã, phường, đặc khu`; tasks under the agencies' headings in `Điều 2`), and a commune
Party committee's plan (`ĐẢNG CỘNG SẢN VIỆT NAM` beside the header, `*`, `Số 15-KH/ĐU` without its
colon, `T/M ĐẢNG ỦY / BÍ THƯ`, `Đảng ủy xã` as a lead), and a province's plan for a month of
action whose schedule table puts the time first (`Thời gian | Nội dung | Đơn vị thực hiện | …`,
`Từ ngày 15/4 - 15/5/2026`), and a district's agricultural plan (`1.1.` items, agencies' headings
ending on their level, `trên 01 ha`, `tăng ít nhất 1,5 lần`, reporting days), and a provincial
education department's plan for a school year (a goal item opening on `100%`, schools as leads), and a
ward's plan after the 2025 reform (a task table straight under its heading, `Tổ dân phố` as a lead),
and a provincial archive centre's plan numbered `1.`, `1.1.`, `a)` from the top (`các phòng thuộc Trung tâm`),
and a province's health plan whose items end on their roles in brackets (`(Sở Y tế chủ trì; … phối hợp;
thực hiện thường xuyên)`, targets under `- Đến năm 2025:`), and a district's decision approving a plan
written inside its first article, and a department's programme whose task table titles one column by both
roles, and a city's annual plan in two parts (`Phần I` results, `Phần II` the plan), and a province's plan of 2016
in the old tone placement (`UỶ BAN`, `KHÁNH HOÀ`, `Tỉnh uỷ`), and a province's staffing plan whose tasks
stand under the agencies' headings (`1. Sở Nội vụ:` over `-` items), and a provincial police plan
(`CÔNG AN TỈNH` under its province, a signer under his rank, `Phòng Cảnh sát giao thông`), and a
province's tourism plan numbered three figures deep (`1.1.1.`), each item's fields after it on its line, and
a department's environment plan that writes names short (`Sở KH&ĐT`, `UBND các huyện, thị xã, TP`) with an
indicator table in its appendix, and a province's decision whose plan has two numbered appendices (a task
table in lettered groups, a list of projects), and a district Party committee's programme in the Party's
`I-` / `1-` labels, and a provincial Youth Union's plan (`ĐOÀN TNCS HỒ CHÍ MINH` where the motto stands,
`các huyện, thị, thành Đoàn`), and an economic zone board's plan whose task table has no lead column, its
group rows naming the offices, and a Fatherland Front's plan (`ỦY BAN MTTQ VIỆT NAM / TỈNH … / BAN THƯỜNG
TRỰC`), and a department's own decision approving its plan (`GIÁM ĐỐC SỞ …` enacting), and a provincial
hospital's plan (`Khoa …` wards, a waiting time in minutes), a high school's plan (`SỞ GD&ĐT`, `Tổ Toán - Tin`,
a deputy head in charge of a field) and a district military command's plan (`BỘ CHQS TỈNH … / BAN CHQS
HUYỆN …`, `Cơ quan Quân sự huyện`), and an urban district's plan dated at a place named by its number (`Quận
3, ngày …`, `Đội Quản lý trật tự đô thị quận`) and a town's tourism plan with a schedule table, and a
province's plan whose task table numbers its groups `1`, `2` over rows `1.1`, `1.2`, and a provincial Women's
Union's plan (`HỘI LHPN TỈNH … / BAN THƯỜNG VỤ` beside `HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM`).
Each plan's facts are written out here, not taken from the
pipeline; each rendering of `tests/variants.py` must give them too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.orchestrate.process import process_file
from tests.slow.test_layout_variations import RENDER
from tests.variants import cut

INVENTED = Path(__file__).parents[1] / "fixtures" / "invented"

#: What each plan says, as a reader would write it down.
EXPECTED = {
    "commune-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "45/KH-UBND",
            "issuer": "Ủy ban nhân dân xã Ngọc Hồi",
            "issue_place": "Ngọc Hồi",
            "issue_date": "2025-09-12",
            "title": "triển khai chuyển đổi số trên địa bàn xã năm 2026",
            "signer_name": "Trần Văn Bình",
            "signer_title": "Chủ tịch",
            "horizon_year": 2026,  # an annual plan
            "implements": ["210/KH-UBND"],
        },
        "sections": ["I", "I/1", "I/2", "II", "III", "III/1", "III/2", "III/3", "III/4", "IV", "IV/1", "IV/2", "IV/3"],
        "refs": {"210/KH-UBND", "57/NQ-TW", "luat:tổ chức chính quyền địa phương"},
        "leads": {
            "Phòng Văn hóa - Xã hội",
            "Phòng Kinh tế",
            "Trung tâm Phục vụ hành chính công xã",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
            "Công an xã",
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        },
        "deadlines": {
            ("date", None, "2026-03-31", None),
            ("quarter", None, "2026-Q2", None),
            ("ongoing", None, None, None),
            ("quarter", None, "2026-Q3", None),
            ("year", None, "2026", None),
            ("date", None, "2026-12-15", None),
        },
        "targets": {(100.0, "%", 2026), (85.0, "%", None)},
        "tasks": 8,
    },
    "party-programme": {
        "documents": {
            "doc_kind": "chuong_trinh_hanh_dong",
            "doc_number": "15-CTr/TU",
            "issuer": "Ban Chấp hành Đảng bộ tỉnh Quảng Trị",
            "province": "Quảng Trị",
            "issue_date": "2026-01-20",
            "title": "thực hiện nghị quyết số 66-nq/tw ngày 30/4/2025 của bộ chính trị về đổi mới công tác xây dựng"
            " và thi hành pháp luật",
            "signer_name": "Lê Ngọc Quang",
            "signer_title": "Bí thư",
            "horizon_year": 2030,
            "implements": ["66/NQ-TW"],
        },
        "sections": ["I", "I/1", "I/2", "II", "II/1", "II/1/a", "II/1/b", "II/2", "II/2/a", "II/2/b", "III"]
        + ["III/1", "III/2", "III/3"],
        "refs": {"66/NQ-TW"},
        "leads": {
            "các cấp ủy, tổ chức đảng",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "Đảng đoàn Hội đồng nhân dân tỉnh",
            "Ban cán sự đảng Ủy ban nhân dân tỉnh",  # it directs (`chỉ đạo`) the department: its task
            "các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy",
            "Ủy ban Kiểm tra Tỉnh ủy",
            "Văn phòng Tỉnh ủy",
        },
        "deadlines": {
            ("quarter", None, "2026-Q1", None),
            ("date", None, "2026-09-30", None),
            ("date", None, "2026-02-28", None),
            ("recurring", None, None, "P1Y"),
        },
        # `thẩm định 100% dự thảo văn bản`: a share a task must reach
        "targets": {(100.0, "%", 2027), (90.0, "%", 2030), (100.0, "%", None)},
        "tasks": 7,
    },
    "ministry-decision": {
        "documents": {
            "doc_kind": "quyet_dinh",
            "doc_number": "1234/QĐ-BNNMT",
            "issuer": "Bộ Nông nghiệp và Môi trường",
            "province": None,
            "issue_place": "Hà Nội",
            "issue_date": "2026-04-15",
            "signer_name": "Lê Công Thành",
            "signer_title": "Thứ trưởng",
        },
        "sections": ["Điều 1", "Điều 2", "Điều 3", "I", "I/1", "I/2", "II", "II/1", "II/1/a", "II/1/b", "II/2"]
        + ["III", "III/1", "III/2"],
        "refs": {"1622/QĐ-TTG", "35/NĐ-CP", "luat:tài nguyên nước"},
        "leads": {
            # `Điều 3`: who carries the decision out
            "Chánh Văn phòng Bộ",
            "Cục trưởng Cục Quản lý tài nguyên nước",
            "Thủ trưởng các đơn vị có liên quan",
            "Cục Quản lý tài nguyên nước",
            "Vụ Khoa học và Công nghệ",
            "Thủ trưởng các đơn vị thuộc Bộ",
        },
        "deadlines": {
            ("quarter", None, "2026-Q4", None),
            ("year", None, "2027", None),
            ("year", None, "2028", None),
            ("recurring", None, None, "P1Y"),
        },
        "targets": set(),
        "tasks": 6,  # one is Điều 3, the clause on who carries the decision out
    },
    "dept-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "312/KH-SYT",
            "issuer": "Sở Y tế tỉnh Bình Định",
            "province": "Bình Định",
            "issue_place": "Bình Định",
            "issue_date": "2019-03-08",
            "title": "phòng, chống bệnh không lây nhiễm giai đoạn 2019 - 2025",
            "signer_name": "Nguyễn Văn Dũng",
            "signer_title": "Phó Giám đốc",
            "horizon_year": 2025,
            "implements": ["45/KH-UBND"],
        },
        "sections": ["I", "I/1", "I/2", "I/2/a", "I/2/b", "I/2/c", "II", "II/1", "II/1/1.1", "II/1/1.2", "II/2"]
        + ["III", "IV", "IV/1", "IV/2", "IV/3", "phu_luc"],
        "refs": {"376/QĐ-TTG", "45/KH-UBND"},
        "leads": {
            "Trung tâm Kiểm soát bệnh tật tỉnh",
            "các bệnh viện tuyến tỉnh",
            "Phòng Nghiệp vụ Y",
            "Trung tâm Y tế các huyện, thị xã, thành phố",
            "Phòng Kế hoạch - Tài chính",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
        },
        "deadlines": {
            ("recurring", None, None, "P3M"),
            ("year", None, "2019", None),
            ("period", "2019", "2025", None),
            ("recurring", None, None, "P1Y"),
            ("quarter", None, "2019-Q4", None),
            ("period", "2019", "2020", None),
        },
        # due by the heading's 2025, not the baseline's 2015; `người từ 40 tuổi trở lên` is whom a task serves
        "targets": {(95.0, "%", 2025), (20.0, "%", 2025), (50.0, "%", 2025)},
        "tasks": 9,
    },
    "council-resolution": {
        "documents": {
            "doc_kind": "nghi_quyet",
            "doc_number": "25/NQ-HĐND",
            "issuer": "Hội đồng nhân dân tỉnh Hà Giang",
            "province": "Hà Giang",
            "issue_place": "Hà Giang",
            "issue_date": "2020-12-10",
            "title": "về kế hoạch phát triển kinh tế - xã hội năm 2021",
            "signer_name": "Thào Hồng Sơn",
            "signer_title": "Chủ tịch",
            "horizon_year": 2021,
            "implements": [],  # `Căn cứ` and `Xét Tờ trình` are grounds, not directives carried out
        },
        "sections": ["Điều 1", "Điều 1/1", "Điều 1/2", "Điều 1/2/a", "Điều 1/2/b", "Điều 1/2/c"]
        + ["Điều 2", "Điều 2/1", "Điều 2/2", "Điều 3", "Điều 3/1", "Điều 3/2"],
        "refs": {"luat:tổ chức chính quyền địa phương", "150/TTR-UBND"},
        "leads": {
            "Ủy ban nhân dân tỉnh",
            "Thường trực Hội đồng nhân dân",
            "các Ban Hội đồng nhân dân",
            "các Tổ đại biểu",
        },
        "deadlines": {("year", None, "2021", None)},
        "targets": {
            (6.5, "%", 2021),
            (32.0, "triệu đồng/người", 2021),
            (2350.0, "tỷ đồng", 2021),
            (3.5, "%", 2021),
            (15.0, "xã", 2021),
            (57.5, "%", 2021),
        },
        # the two items of `Điều 2. Nhiệm vụ và giải pháp chủ yếu` and the two of `Điều 3`
        "tasks": 4,
    },
    "district-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "58/KH-UBND",
            "issuer": "Ủy ban nhân dân huyện Đắk Hà",
            "province": "Kon Tum",  # the gazetteer spells the district `Đăk Hà`
            "issue_place": "Đắk Hà",
            "issue_date": "2022-03-15",
            "title": "phát triển sản xuất nông nghiệp theo hướng hàng hóa giai đoạn 2022 - 2025 trên địa bàn huyện",
            "signer_name": "Lê Văn Hùng",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2025,
            "implements": ["5/NQ-HU"],
        },
        "sections": ["A", "A/I", "A/II", "B", "C", "C/I", "C/II", "D", "D/1", "D/2", "D/3"],
        "refs": {"5/NQ-HU"},
        "leads": {
            "Phòng Nông nghiệp và Phát triển nông thôn",
            "Phòng Tài nguyên và Môi trường",
            "Ủy ban nhân dân các xã, thị trấn",
            "Phòng Tài chính - Kế hoạch",  # a district's finance office, one name across the dash
        },
        "deadlines": {
            ("quarter", None, "2022-Q2", None),
            ("recurring", None, None, "P1Y"),
            ("month", None, "2023-12", None),
            ("recurring", None, None, "P6M"),
        },
        "targets": set(),  # all in the table (`Năm 2022 | Năm 2025`)
        "tasks": 6,
    },
    "province-programme": {
        "documents": {
            "doc_kind": "quyet_dinh",
            "doc_number": "1520/QĐ-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Ninh Thuận",
            "province": "Ninh Thuận",
            "issue_date": "2023-11-28",
            "title": "ban hành chương trình hành động thực hiện nghị quyết số 98/nq-cp ngày 24 tháng 7 năm 2023 của"
            " chính phủ về phát triển năng lượng tái tạo",
            "signer_name": "Trịnh Minh Hoàng",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2030,
            "implements": ["98/NQ-CP"],
        },
        "sections": ["Điều 1", "Điều 2", "Điều 3", "I", "I/1", "I/2", "II", "III", "III/1", "III/2", "phu_luc"],
        "refs": {"98/NQ-CP", "luat:tổ chức chính quyền địa phương", "245/TTR-SCT"},
        "leads": {
            "Chánh Văn phòng Ủy ban nhân dân tỉnh",
            "Giám đốc các sở",
            "Thủ trưởng các ban, ngành thuộc tỉnh",
            "Chủ tịch Ủy ban nhân dân các huyện, thành phố",
            "Sở Công Thương",
            "Sở Tài chính",
            "Sở Kế hoạch và Đầu tư",
            "Công ty Điện lực Ninh Thuận",
            "Ủy ban nhân dân các huyện, thành phố",
        },
        "deadlines": {
            ("recurring", None, None, "P1Y"),
            ("quarter", None, "2024-Q1", None),
            ("year", None, "2024", None),
            ("period", "2024", "2025", None),
        },
        "targets": {(4500.0, "mw", 2025), (30.0, "%", 2030)},
        # `Các nhiệm vụ cụ thể tại Phụ lục kèm theo.` points to the table: its rows are the tasks
        "tasks": 7,
    },
    "city-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "77/KH-UBND",
            "issuer": "Ủy ban nhân dân thành phố Đà Nẵng",
            "province": "Đà Nẵng",
            "issue_place": "Đà Nẵng",
            "issue_date": "2024-04-05",
            "title": "thực hiện chỉ thị số 05-ct/tw ngày 23 tháng 6 năm 2021 của ban bí thư về tăng cường sự lãnh đạo"
            " của đảng đối với công tác giảm nghèo bền vững đến năm 2030",
            "signer_name": "Lê Trung Chinh",
            "signer_title": "Chủ tịch",
            "horizon_year": 2030,
            "implements": ["5/CT-TW", "14/KL-TW", "24/NQ-CP"],  # the title's and the opening `Triển khai …`
        },
        "sections": ["I", "I/1", "I/2", "I/3", "I/4", "II", "II/1", "II/2", "II/3", "III", "III/1", "III/2"],
        "refs": {"5/CT-TW", "14/KL-TW", "24/NQ-CP"},
        "leads": {
            "Sở Lao động - Thương binh và Xã hội",
            "Ngân hàng Chính sách xã hội Chi nhánh thành phố Đà Nẵng",
            "Ủy ban nhân dân các quận, huyện",
            "các sở, ngành, địa phương",
        },
        "deadlines": {
            ("recurring", None, None, "P1Y"),
            ("period", "2024", "2030", None),
            ("quarter", None, "2024-Q3", None),
            ("recurring", None, None, "P3M"),
            ("recurring", "2024-12-15", None, "P1Y"),
        },
        # `không còn hộ nghèo` has no figure; `từ 45% năm 2023 lên 60%` is one target
        "targets": {(60.0, "%", 2030), (30000.0, "lao động", None), (100.0, "%", None)},
        "tasks": 5,
    },
    "directive": {
        "documents": {
            "doc_kind": "chi_thi",
            "doc_number": "08/CT-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
            "province": "Lâm Đồng",
            "issue_date": "2024-12-20",
            "title": "về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024 - 2025",
            "signer_name": "Trần Văn Hiệp",
            "signer_title": "Chủ tịch",
            "horizon_year": 2025,  # the season's last year
            "implements": [],
        },
        "sections": ["1", "2", "3", "4"],
        "refs": set(),
        "leads": {
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Ủy ban nhân dân các huyện, thành phố",
            "Công an tỉnh",
            "Đài Phát thanh - Truyền hình Lâm Đồng",
            "Báo Lâm Đồng",
            # the closing `Yêu cầu Giám đốc các sở, … nghiêm túc thực hiện Chỉ thị này` (optional in the answer keys)
            "Giám đốc các sở",
            "Thủ trưởng các ban, ngành",
            "Chủ tịch Ủy ban nhân dân các huyện, thành phố",
        },
        "deadlines": {("date", None, "2025-01-15", None), ("month", None, "2025-01", None)},
        "targets": {(30.0, "%", None)},
        "tasks": 7,
    },
    "sector-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "1456/KH-SCT",
            "issuer": "Sở Công Thương tỉnh Bắc Giang",
            "province": "Bắc Giang",
            "issue_date": "2025-03-03",
            "title": "phát triển thương mại điện tử tỉnh bắc giang năm 2025",
            "signer_name": "Nguyễn Văn Hải",
            "signer_title": "Giám đốc",
            "horizon_year": 2025,
            "implements": ["645/QĐ-TTG"],
        },
        "sections": ["I", "I/1", "I/2", "II", "II/1", "II/1/1.1", "II/1/1.2", "II/2", "III"],
        "refs": {"645/QĐ-TTG"},
        "leads": {
            "Phòng Quản lý Thương mại",
            "Trung tâm Khuyến công và Xúc tiến thương mại",
            "Văn phòng Sở",
            "các phòng, đơn vị thuộc Sở",
        },
        "deadlines": {
            ("period", "2025-Q2", "2025-Q3", None),
            ("period", "2025-06", "2025-12", None),
            ("recurring", None, None, "P1M"),
            ("date", None, "2025-12-10", None),
        },
        "targets": {(45.0, "%", None), (25.0, "%", None)},
        "tasks": 4,
    },
    "government-resolution": {
        "documents": {
            "doc_kind": "nghi_quyet",
            "doc_number": "18/NQ-CP",
            "issuer": "Chính phủ",
            "province": None,
            "issue_place": "Hà Nội",
            "issue_date": "2026-01-22",
            # `CHÍNH PHỦ`, the enacting body, stands under the title on a line of its own
            "title": "ban hành chương trình hành động của chính phủ thực hiện nghị quyết số 57-nq/tw ngày 22 tháng 12"
            " năm 2024 của bộ chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
            " quốc gia",
            "signer_name": "Phạm Minh Chính",
            "signer_title": "Thủ tướng",
            "horizon_year": 2030,
            "implements": ["57/NQ-TW"],
        },
        "sections": ["Điều 1", "Điều 2", "Điều 3", "I", "I/1", "I/2", "I/2/a", "I/2/b", "I/2/c", "II", "II/1"]
        + ["II/2", "II/3", "III", "III/1", "III/2", "phu_luc"],
        "refs": {"57/NQ-TW", "luat:tổ chức chính phủ", "39/NĐ-CP", "luat:công nghiệp công nghệ số"},
        "leads": {
            # a national document's addressees: the office holders, the bodies of a kind, the provinces
            "các Bộ trưởng",
            "Thủ trưởng cơ quan ngang bộ",
            "Thủ trưởng cơ quan thuộc Chính phủ",
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            "Bộ Tư pháp",
            "Bộ Khoa học và Công nghệ",
            "Bộ Giáo dục và Đào tạo",
            "Văn phòng Chính phủ",
            "Bộ Tài chính",
        },
        "deadlines": {
            ("quarter", None, "2026-Q2", None),
            ("date", None, "2027-12-31", None),
            ("month", None, "2026-09", None),
            ("recurring", None, None, "P3M"),
            ("year", None, "2026", None),
            ("month", None, "2026-06", None),
            ("period", "2026", "2027", None),
        },
        "targets": {(30.0, "%", 2030), (80.0, "%", 2030), (2.0, "%", 2030)},
        # `Điều 3`'s addressees, the three items of II, the two of III and the appendix's three rows
        "tasks": 9,
    },
    "steering-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "12/KH-BCĐ",
            # a steering committee under its district's name; `PHÒNG,` in capitals is a word, not a head
            "issuer": "Ban Chỉ đạo phòng, chống dịch bệnh huyện Đức Thọ",
            "province": "Hà Tĩnh",
            "issue_place": "Đức Thọ",
            "issue_date": "2024-03-05",
            "title": "phòng, chống dịch bệnh truyền nhiễm trên địa bàn huyện năm 2024",
            "signer_name": "Nguyễn Thị Hoa",
            "signer_title": "Phó Trưởng ban",
            "horizon_year": 2024,
            "implements": ["85/KH-UBND"],
        },
        "sections": ["I", "I/1", "I/2", "II", "II/1", "II/2", "II/3", "II/4", "II/5", "II/6", "III"],
        "refs": {"85/KH-UBND"},
        "leads": {
            "Trung tâm y tế huyện",  # a name written small, closed by its locality
            "Phòng Văn hóa và Thông tin",
            "Phòng Giáo dục và Đào tạo",
            "Phòng Tài chính - Kế hoạch",
            "Công an huyện",
            "Ủy ban nhân dân các xã, thị trấn",
            "các thành viên Ban Chỉ đạo",  # a committee's members
        },
        "deadlines": {
            ("recurring", None, None, "P1M"),
            ("quarter", None, "2024-Q2", None),
            ("date", None, "2024-03-31", None),
            ("date", None, "2024-03-15", None),
            ("recurring", None, None, "P6M"),
        },
        # `trẻ em dưới 1 tuổi`: whom the rate counts, not a target
        "targets": {(100.0, "%", None), (95.0, "%", None)},
        "tasks": 8,
    },
    "scheme-decision": {
        "documents": {
            "doc_kind": "quyet_dinh",
            "doc_number": "2150/QĐ-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Khánh Hòa",
            "province": "Khánh Hòa",
            "issue_place": "Khánh Hòa",
            "issue_date": "2025-08-18",
            "title": "phê duyệt đề án phát triển du lịch tỉnh khánh hòa giai đoạn 2025 - 2030",
            "signer_name": "Trần Hòa Nam",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2030,
            "implements": [],  # every reference is a ground (`Căn cứ`, `Theo đề nghị`)
        },
        "sections": ["Điều 1", "Điều 1/1", "Điều 1/1/a", "Điều 1/1/b", "Điều 1/1/c", "Điều 1/2", "Điều 1/2/a"]
        + ["Điều 1/2/b", "Điều 2", "Điều 2/1", "Điều 2/2", "Điều 2/3", "Điều 3"],
        "refs": {"luat:du lịch", "9/NQ-TU", "412/TTR-SVHTTDL"},
        "leads": {
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Tài chính",
            "Ủy ban nhân dân các xã, phường, đặc khu",  # the island zones of the 2025 two-level government
            "Chánh Văn phòng Ủy ban nhân dân tỉnh",
            "Giám đốc các sở",
            "Thủ trưởng các ban, ngành",
            "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu",
        },
        "deadlines": {("recurring", None, None, "P1Y"), ("quarter", None, "2030-Q4", None)},
        "targets": {
            (15000000.0, "lượt khách", 2030),
            (40.0, "%", 2030),
            (120000.0, "tỷ đồng", 2030),
            (12.0, "%/năm", 2030),
            (50000.0, "lao động", 2030),
        },
        "tasks": 7,
    },
    "commune-party-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "15-KH/ĐU",
            "issuer": "Đảng ủy xã Bát Xát",
            "province": "Lào Cai",
            "issue_place": "Bát Xát",
            "issue_date": "2026-03-10",
            "title": "thực hiện nghị quyết số 57-nq/tw của bộ chính trị về đột phá phát triển khoa học, công nghệ",
            "signer_name": "Nguyễn Văn Hùng",
            "signer_title": "Bí thư",
            "horizon_year": None,
            "implements": ["57/NQ-TW", "42/KH-TU"],
        },
        "sections": ["I", "I/1", "II", "II/1", "II/2", "III", "III/1", "III/2"],
        "refs": {"57/NQ-TW", "42/KH-TU"},
        "leads": {"Đảng ủy xã", "Ủy ban nhân dân xã", "các chi bộ trực thuộc", "Văn phòng Đảng ủy"},
        "deadlines": {("quarter", None, "2026-Q2", None)},
        "targets": set(),
        "tasks": 4,
    },
    "event-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "64/KH-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "province": "Quảng Ngãi",
            "issue_place": "Quảng Ngãi",
            "issue_date": "2026-04-02",
            "title": "tổ chức tháng hành động vì an toàn thực phẩm năm 2026",
            "signer_name": "Võ Phiên",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2026,
            "implements": ["123/KH-BCĐTUATTP"],
        },
        "sections": ["I", "II", "II/1", "II/2", "III", "IV", "V", "V/1", "V/2"],
        "refs": {"123/KH-BCĐTUATTP"},
        "leads": {"Sở Y tế", "Đoàn kiểm tra liên ngành tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"},
        "deadlines": {
            ("period", "2026-04-15", "2026-05-15", None),  # the month itself, and the inspections' cell
            ("date", None, "2026-04-10", None),
            ("date", None, "2026-04-15", None),
            ("date", None, "2026-05-25", None),
            ("date", None, "2026-04-12", None),
        },
        "targets": set(),
        # a schedule table with its time column first, and the two items of V
        "tasks": 6,
    },
    "district-agri-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "87/KH-UBND",
            "issuer": "Ủy ban nhân dân huyện Châu Thành",
            "province": "Tiền Giang",  # from the province named in the Căn cứ
            "issue_place": "Châu Thành",
            "issue_date": "2024-02-14",
            "title": "phát triển nông nghiệp ứng dụng công nghệ cao trên địa bàn huyện giai đoạn 2024 - 2026",
            "signer_name": "Nguyễn Văn Tâm",
            "signer_title": "Chủ tịch",
            "horizon_year": 2026,
            "implements": [],
        },
        "sections": [
            *("1", "1/1.1", "1/1.2", "2", "2/2.1", "2/2.2", "2/2.3", "2/2.4"),
            *("3", "3/3.1", "3/3.2", "4", "4/4.1", "4/4.2", "4/4.3", "4/4.4"),
        ],
        "refs": {"1490/QĐ-UBND"},
        # `4.3. Trạm Khuyến nông huyện` over `Phối hợp …`: the level ends the name
        "leads": {
            "Phòng Nông nghiệp và Phát triển nông thôn",
            "Phòng Tài chính - Kế hoạch",
            "Trạm Khuyến nông huyện",
            "Ủy ban nhân dân các xã, thị trấn",
        },
        "deadlines": {
            ("quarter", None, "2024-Q2", None),
            ("recurring", None, None, "P1Y"),  # `mỗi năm`, and the two yearly reporting days
            ("recurring", None, None, "P6M"),
            ("date", None, "2024-11-30", None),
        },
        # `trên 01 ha` is per hectare; `tăng ít nhất 1,5 lần so với năm 2023` is the target
        "targets": {(1200.0, "ha", 2026), (1.5, "lần", None), (30.0, "%", None), (25.0, "%", None)},
        "tasks": 7,
    },
    "education-dept-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "1520/KH-SGDĐT",
            "issuer": "Sở Giáo dục và Đào tạo tỉnh Quảng Trị",
            "province": "Quảng Trị",
            "issue_place": "Quảng Trị",
            "issue_date": "2025-09-09",
            "title": "thực hiện nhiệm vụ chuyển đổi số ngành giáo dục năm học 2025 - 2026",
            "signer_name": "Lê Thị Hương",
            "signer_title": "Phó Giám đốc",
            "horizon_year": 2026,
            "implements": [],
        },
        # `1. 100% cơ sở giáo dục …`: a goal item that opens on its figure
        "sections": ["I", "I/1", "II", "II/1", "II/2", "III"],
        "refs": {"4725/QĐ-BGDĐT"},
        "leads": {"các phòng chuyên môn thuộc Sở", "các trường trung học phổ thông", "Văn phòng Sở"},
        "deadlines": {("date", None, "2025-10-30", None)},
        "targets": {(100.0, "%", 2026)},  # the school year 2025 - 2026
        "tasks": 3,
    },
    "ward-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "78/KH-UBND",
            "issuer": "Ủy ban nhân dân phường Hải Châu",
            "issue_place": "Hải Châu",
            "issue_date": "2025-08-20",
            "title": "xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo trên địa bàn phường năm 2025",
            "signer_name": "Phan Thị Thu Hà",
            "signer_title": "Chủ tịch",
            "horizon_year": 2025,
            "implements": ["1150/KH-UBND"],
        },
        "sections": ["I", "II", "III", "IV", "V", "V/1", "V/2", "V/3"],
        "refs": {"1150/KH-UBND", "42/NQ-CP", "luat:tổ chức chính quyền địa phương"},
        "leads": {
            "Phòng Văn hóa - Xã hội",
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Tổ dân phố",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
        },
        "deadlines": {
            ("date", None, "2025-08-30", None),
            ("month", None, "2025-09", None),
            ("period", "2025-09", "2025-10", None),
            ("quarter", None, "2025-Q4", None),
            ("recurring", None, None, "P1M"),
        },
        # `mức hỗ trợ tối thiểu 60 triệu đồng/căn`: the support a house gets, due with the plan's year
        "targets": {(100.0, "%", 2025), (60.0, "triệu đồng", 2025)},
        "tasks": 7,
    },
    "unit-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "27/KH-TTLT",
            "issuer": "Trung tâm Lưu trữ lịch sử, Sở Nội vụ tỉnh Lạng Sơn",
            "province": "Lạng Sơn",
            "issue_date": "2024-01-05",
            "title": "số hóa tài liệu lưu trữ năm 2024",
            "signer_name": "Hoàng Văn Long",
            "signer_title": "Giám đốc",
            "horizon_year": 2024,
            "implements": [],
        },
        # arabic numbers at the top (`1. MỤC ĐÍCH, YÊU CẦU`), `1.1.` and `a)` under them
        "sections": ["1", "1/1.1", "1/1.2", "2", "2/2.1", "2/2.1/a", "2/2.1/b", "2/2.2", "3", "4"],
        "refs": set(),
        "leads": {
            "Phòng Nghiệp vụ",
            "Phòng Tin học và Công nghệ",
            "Phòng Hành chính - Tổng hợp",
            "các phòng thuộc Trung tâm",  # the issuer's own body, named by its head alone
        },
        "deadlines": {
            ("quarter", None, "2024-Q3", None),
            ("date", None, "2024-11-15", None),
            ("recurring", None, None, "P3M"),
            ("date", None, "2024-12-10", None),
        },
        "targets": set(),
        "tasks": 4,
    },
    "health-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "215/KH-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Phú Thọ",
            "province": "Phú Thọ",
            "issue_date": "2024-01-18",
            "title": "thực hiện chiến lược quốc gia bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trên địa bàn tỉnh"
            " phú thọ đến năm 2030",
            "signer_name": "Hồ Đại Dũng",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2030,
            "implements": ["20/NQ-TW", "89/QĐ-TTG"],
        },
        "sections": ["I", "I/1", "I/2", "II", "II/1", "II/2", "II/3", "II/4", "III", "III/1", "III/2", "III/3"],
        "refs": {"20/NQ-TW", "89/QĐ-TTG"},
        "leads": {
            "Sở Y tế",
            "Sở Kế hoạch và Đầu tư",
            "Bảo hiểm xã hội tỉnh",
            "Ủy ban nhân dân các huyện, thành, thị",  # the short forms of `thành phố`, `thị xã`
        },
        "deadlines": {
            ("ongoing", None, None, None),
            ("date", None, "2024-06-30", None),
            ("period", "2024", "2026", None),
            ("period", "2025-01", "2025-06", None),
            ("recurring", None, None, "P1Y"),
            ("month", None, "2024-03", None),
        },
        # under `- Đến năm 2025:` and `- Đến năm 2030:`, each `+` item due by its bullet's year
        "targets": {(95.0, "%", 2025), (35.0, "giường bệnh", 2025), (97.0, "%", 2030), (75.0, "tuổi", 2030)},
        "tasks": 7,
    },
    "district-decision": {
        "documents": {
            "doc_kind": "quyet_dinh",
            "doc_number": "1890/QĐ-UBND",
            "issuer": "Ủy ban nhân dân huyện Tam Nông",
            "province": None,  # two provinces have a district of the name
            "issue_date": "2022-12-22",
            "title": "về việc phê duyệt kế hoạch phát triển sản xuất nông nghiệp hữu cơ huyện tam nông năm 2023",
            "signer_name": "Nguyễn Văn Toàn",
            "signer_title": "Chủ tịch",
            "horizon_year": 2023,
        },
        # the plan's items inside its article
        "sections": ["Điều 1", "Điều 1/1", "Điều 1/2", "Điều 1/2/a", "Điều 1/2/b", "Điều 1/3", "Điều 2", "Điều 2/1"]
        + ["Điều 2/2", "Điều 2/3", "Điều 3"],
        "refs": {"109/NĐ-CP", "312/TTR-NN", "luat:tổ chức chính quyền địa phương"},
        "leads": {
            "Phòng Nông nghiệp và Phát triển nông thôn",
            "Phòng Tài chính - Kế hoạch",
            "Ủy ban nhân dân các xã, thị trấn",
            "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
            "Trưởng các phòng, ban, ngành có liên quan",
            "Chủ tịch Ủy ban nhân dân các xã, thị trấn",
        },
        "deadlines": {("year", None, "2023", None), ("date", None, "2023-11-30", None)},
        "targets": {(150.0, "ha", 2023), (2.0, "sản phẩm", 2023)},
        "tasks": 6,
    },
    "dept-programme": {
        "documents": {
            "doc_kind": "chuong_trinh_hanh_dong",
            "doc_number": "4512/CTr-SXD",
            "issuer": "Sở Xây dựng tỉnh Thanh Hóa",
            "province": "Thanh Hóa",
            "issue_date": "2024-10-10",
            "title": "thực hiện nghị quyết số 18-nq/tu ngày 28/8/2024 của ban thường vụ tỉnh ủy về phát triển nhà ở xã"
            " hội đến năm 2030",
            "signer_name": "Lê Văn Thắng",
            "signer_title": "Phó Giám đốc",
            "horizon_year": 2030,
            "implements": ["18/NQ-TU"],
        },
        "sections": ["I", "I/1", "I/2", "II", "III"],
        "refs": {"18/NQ-TU"},
        # one column names both roles, each cell marks its lead (`(chủ trì)`)
        "leads": {
            "Phòng Quy hoạch - Kiến trúc",
            "Phòng Quản lý nhà và thị trường bất động sản",
            "Thanh tra Sở",
            "các phòng, đơn vị thuộc Sở",
        },
        "deadlines": {
            ("quarter", None, "2024-Q4", None),
            ("year", None, "2025", None),
            ("recurring", None, None, "P6M"),  # `6 tháng một lần`, beside `Kiểm tra tiến độ …`
            ("recurring", None, None, "P1Y"),  # `trước ngày 20 tháng 6 và tháng 12 hằng năm`
        },
        "targets": {(3500.0, "căn hộ", 2025), (100.0, "%", 2030)},
        "tasks": 4,
    },
    "annual-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "36/KH-UBND",
            "issuer": "Ủy ban nhân dân thành phố Cần Thơ",
            "province": "Cần Thơ",
            "issue_date": "2021-02-26",
            "title": "cải cách hành chính nhà nước thành phố cần thơ năm 2021",
            "signer_name": "Dương Tấn Hiển",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2021,
            "implements": [],
        },
        # parts (`Phần I` / `KẾT QUẢ …` on the line under it), the plan's items under the second
        "sections": ["Phần I", "Phần II", "Phần II/I", "Phần II/I/1", "Phần II/I/2", "Phần II/II", "Phần II/II/1"]
        + ["Phần II/II/2", "Phần II/II/3", "Phần II/III"],
        "refs": set(),
        "leads": {
            "Sở Tư pháp",
            "Văn phòng Ủy ban nhân dân thành phố",
            "Sở Nội vụ",
            "Thủ trưởng các sở, ban ngành thành phố",
            "Chủ tịch Ủy ban nhân dân quận, huyện",
        },
        "deadlines": {
            ("quarter", None, "2021-Q2", None),
            ("date", None, "2021-09-30", None),
            ("recurring", None, None, "P3M"),
        },
        # the results part's rank (`xếp thứ 12/63 tỉnh`) and its `đã hoàn thành 100%` are no targets
        "targets": {(98.0, "%", 2021), (90.0, "%", 2021)},
        "tasks": 4,
    },
    "old-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "2870/KH-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Khánh Hòa",  # `UỶ`, `HOÀ`: the old tone placement, one spelling out
            "province": "Khánh Hòa",
            "issue_place": "Khánh Hòa",
            "issue_date": "2016-05-12",
            "title": "triển khai thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn tỉnh"
            " giai đoạn 2016 - 2020",
            "signer_name": "Đào Công Thiên",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2020,
            "implements": [],
        },
        "sections": ["I", "II", "II/1", "II/2", "II/3", "III"],
        "refs": {"1600/QĐ-TTG"},
        "leads": {
            "Sở Xây dựng",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "Sở Tài nguyên và Môi trường",
            "Văn phòng Điều phối nông thôn mới tỉnh",
        },
        "deadlines": {
            ("year", None, "2017", None),
            ("recurring", None, None, "P1Y"),
            ("recurring", None, None, "P6M"),
        },
        "targets": {(50.0, "%", 2020), (1.8, "lần", 2020)},
        "tasks": 4,
    },
    "staff-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "88/KH-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Bắc Ninh",
            "province": "Bắc Ninh",
            "issue_date": "2025-01-06",
            "title": "sắp xếp tổ chức bộ máy, tinh giản biên chế năm 2025",
            "signer_name": "Vương Quốc Tuấn",
            "signer_title": "Chủ tịch",
            "horizon_year": 2025,
            "implements": [],
        },
        # tasks under the agencies' headings (`1. Sở Nội vụ:` over `-` items)
        "sections": ["I", "II", "II/1", "II/2", "II/3", "III"],
        "refs": {"18/NQ-TW", "178/NĐ-CP"},
        "leads": {"Sở Nội vụ", "Sở Tài chính", "các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"},
        "deadlines": {
            ("month", None, "2025-01", None),
            ("year", "2025", None, None),  # `năm 2025 và các năm tiếp theo`: from 2025 on
            ("date", None, "2025-03-31", None),
            ("date", None, "2025-02-15", None),
            ("date", None, "2025-12-15", None),
        },
        # the cut in units (`Giảm ít nhất 15% đầu mối`) and in staff (`tinh giản tối thiểu 10% biên chế`)
        "targets": {(15.0, "%", None), (10.0, "%", None)},
        "tasks": 5,
    },
    "police-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "1234/KH-CAT-PV01",
            "issuer": "Công an tỉnh Nghệ An",
            "province": "Nghệ An",
            "issue_date": "2023-04-05",
            "title": "tổ chức đợt cao điểm tấn công, trấn áp tội phạm bảo đảm an ninh, trật tự dịp lễ 30/4 và 01/5 năm"
            " 2023",
            "signer_name": "Bùi Quang Thanh",  # under his rank (`Đại tá`)
            "signer_title": "Giám đốc",
            "horizon_year": 2023,
            "implements": ["56/KH-BCA-C06"],
        },
        "sections": ["I", "I/1", "I/2", "II", "III", "III/1", "III/2", "III/3", "IV"],
        "refs": {"56/KH-BCA-C06"},
        "leads": {
            "Phòng Cảnh sát hình sự",
            "Phòng Cảnh sát giao thông",  # `giao thông` is traffic, not the verb `giao`
            "Công an các huyện, thành phố, thị xã",
            "Phòng Tham mưu",
        },
        "deadlines": {("period", "2023-04-15", "2023-05-15", None), ("date", None, "2023-05-20", None)},
        "targets": set(),
        "tasks": 4,
    },
    "deep-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "402/KH-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
            "province": "Đồng Tháp",
            "issue_date": "2024-10-15",
            "title": "phát triển du lịch tỉnh đồng tháp giai đoạn 2025 - 2030",
            "signer_name": "Huỳnh Minh Tuấn",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2030,
            "implements": [],
        },
        # `1.1.1.` under `1.1.` under `1.`
        "sections": ["I", "I/1", "I/1/1.1", "I/1/1.2", "II", "II/1", "II/1/1.1", "II/1/1.1/1.1.1", "II/1/1.1/1.1.2"]
        + ["II/1/1.2", "II/2", "III"],
        "refs": set(),
        "leads": {
            "Sở Văn hóa, Thể thao và Du lịch",
            "Ủy ban nhân dân các huyện, thành phố",
            "Trung tâm Xúc tiến Du lịch tỉnh",
        },
        "deadlines": {
            ("quarter", None, "2025-Q2", None),
            ("period", "2025", "2027", None),
            ("recurring", None, None, "P1Y"),
            ("recurring", None, None, "P6M"),
        },
        "targets": {(5000000.0, "lượt khách", 2030), (6000.0, "tỷ đồng", 2030)},
        "tasks": 5,
    },
    "abbr-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "2150/KH-STNMT",
            "issuer": "Sở Tài nguyên và Môi trường tỉnh Quảng Nam",
            "province": "Quảng Nam",
            "issue_date": "2023-06-28",
            "title": "quản lý chất thải rắn sinh hoạt trên địa bàn tỉnh giai đoạn 2023 - 2025",
            "signer_name": "Trần Văn Mẫn",
            "signer_title": "Phó Giám đốc",
            "horizon_year": 2025,
            "implements": ["1020/QĐ-UBND"],
        },
        "sections": ["I", "II", "II/1", "II/2", "II/3", "III", "phu_luc"],
        "refs": {"1020/QĐ-UBND", "luat:bảo vệ môi trường"},
        # names written short (`Sở KH&ĐT`, `UBND các huyện, thị xã, TP`), a lead in brackets after its task,
        # a department's unit with its domain in small letters
        "leads": {
            "Chi cục Bảo vệ môi trường",
            "Phòng Quản lý đất đai",
            "Trung tâm Quan trắc tài nguyên và môi trường",
            "các phòng, đơn vị thuộc Sở",
        },
        "deadlines": {("year", None, "2024", None), ("ongoing", None, None, None), ("recurring", None, None, "P6M")},
        # the appendix's indicator table gives its own targets (`source` table); these are the text's
        "targets": {(95.0, "%", 2025), (70.0, "%", 2025)},
        "tasks": 4,
    },
    "annex-decision": {
        "documents": {
            "doc_kind": "quyet_dinh",
            "doc_number": "512/QĐ-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Gia Lai",
            "province": "Gia Lai",
            "issue_date": "2024-07-19",
            "title": "ban hành kế hoạch chuyển đổi số tỉnh gia lai năm 2025",
            "signer_name": "Rah Lan Chung",  # a name of the Central Highlands
            "signer_title": "Chủ tịch",
            "horizon_year": 2025,
            "implements": [],
        },
        # two numbered appendices, the first's task table in lettered groups (`A | Chính quyền số`)
        "sections": ["Điều 1", "Điều 2", "Điều 3", "I", "I/1", "I/2", "II", "III", "phu_luc", "phu_luc#2"],
        "refs": {"749/QĐ-TTG", "luat:tổ chức chính quyền địa phương"},
        "leads": {
            "Chánh Văn phòng Ủy ban nhân dân tỉnh",
            "Giám đốc Sở Thông tin và Truyền thông",
            "Thủ trưởng các sở, ban, ngành",
            "Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố",
            "Sở Thông tin và Truyền thông",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Sở Kế hoạch và Đầu tư",
        },
        "deadlines": {
            ("date", None, "2025-12-10", None),
            ("quarter", None, "2025-Q2", None),
            ("quarter", None, "2025-Q3", None),
            ("year", None, "2025", None),
            ("period", "2025", "2026", None),
        },
        "targets": {(100.0, "%", None), (50.0, "%", None)},
        "tasks": 6,
    },
    "district-party": {
        "documents": {
            "doc_kind": "chuong_trinh_hanh_dong",
            "doc_number": "25-CTr/HU",
            "issuer": "Huyện ủy Nga Sơn",
            "province": "Thanh Hóa",
            "issue_date": "2022-09-14",
            "title": "thực hiện nghị quyết số 06-nq/tw ngày 24/01/2022 của bộ chính trị về quy hoạch, xây dựng, quản lý và"
            " phát triển bền vững đô thị",
            "signer_name": "Mai Đình Lâm",
            "signer_title": "Bí thư",
            "horizon_year": 2030,
            "implements": ["6/NQ-TW"],
        },
        # the Party's `I-` and `1-` labels
        "sections": ["I", "I/1", "I/2", "II", "II/1", "II/2", "III", "III/1", "III/2"],
        "refs": {"6/NQ-TW"},
        "leads": {
            "Ban Tuyên giáo Huyện ủy",
            "Ủy ban nhân dân huyện",
            "các chi bộ, đảng bộ trực thuộc Huyện ủy",
            "Ban Xây dựng Đảng Huyện ủy",
        },
        "deadlines": {
            ("quarter", None, "2022-Q4", None),
            ("year", None, "2024", None),
            ("recurring", None, None, "P1Y"),
        },
        "targets": {(25.0, "%", 2025)},
        "tasks": 4,
    },
    "youth-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "215-KH/TĐTN-TNNT",
            "issuer": "Tỉnh đoàn Quảng Ngãi",  # `ĐOÀN TNCS HỒ CHÍ MINH` beside it names the Union, not the city
            "province": "Quảng Ngãi",
            "issue_date": "2025-03-10",
            "title": "tổ chức chiến dịch thanh niên tình nguyện hè năm 2025",
            "signer_name": "Lê Thị Thu Hà",
            "signer_title": "Phó Bí thư",
            "horizon_year": 2025,
            "implements": [],
        },
        "sections": [
            *("I", "I/1", "I/2", "II", "II/1", "II/2", "II/3", "III", "III/1", "III/2", "III/2/a", "III/2/b"),
            *("III/2/c", "IV", "IV/1", "IV/2", "IV/3"),
        ],
        "refs": set(),
        "leads": {
            "Ban Phong trào Tỉnh Đoàn",
            "Văn phòng Tỉnh Đoàn",
            "các huyện, thị, thành Đoàn và Đoàn trực thuộc",  # the Union's district committees, no localities
        },
        "deadlines": {
            ("period", "2025-06-01", "2025-08-31", None),
            ("date", None, "2025-09-10", None),
            ("month", None, "2025-05", None),
            ("date", None, "2025-05-25", None),
        },
        "targets": {(100.0, "%", None), (2.0, "công trình", None), (5000.0, "lượt", None)},
        "tasks": 6,
    },
    "board-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "88/KH-BQLKKT",
            "issuer": "Ban Quản lý khu kinh tế tỉnh Quảng Ninh",  # from capitals: the case a reader cannot know
            "province": "Quảng Ninh",
            "issue_date": "2024-04-05",
            "title": "cải thiện môi trường đầu tư, nâng cao năng lực cạnh tranh tại các khu kinh tế, khu công nghiệp năm"
            " 2024",
            "signer_name": "Vũ Văn Diện",
            "signer_title": "Trưởng ban",
            "horizon_year": 2024,
            "implements": [],
        },
        "sections": ["I", "I/1", "I/2", "I/3", "II", "III"],
        "refs": {"45/KH-UBND"},
        # the task table has no lead column: its group rows name the office the rows under them are for
        "leads": {"Phòng Quản lý đầu tư", "Văn phòng Ban", "các phòng, đơn vị thuộc Ban"},
        "deadlines": {
            ("quarter", None, "2024-Q2", None),
            ("month", None, "2024-09", None),
            ("ongoing", None, None, None),
            ("date", None, "2024-12-15", None),
        },
        "targets": {(1500.0, "triệu usd", None), (60.0, "%", None), (100.0, "%", None)},
        "tasks": 4,
    },
    "front-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "46/KH-MTTQ-BTT",
            "issuer": "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hải Dương",  # an organ, named after its body
            "province": "Hải Dương",
            "issue_date": "2023-02-22",
            "title": 'triển khai cuộc vận động "toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh" năm 2023',
            "signer_name": "Phạm Văn Hùng",
            "signer_title": "Chủ tịch",
            "horizon_year": 2023,
            "implements": [],
        },
        "sections": ["I", "II", "III", "III/1", "III/2", "III/3", "IV"],
        "refs": {"12/CTR-MTTQ-BTT"},
        "leads": {
            "Ban Tuyên giáo Ủy ban Mặt trận Tổ quốc tỉnh",
            "Ủy ban Mặt trận Tổ quốc các huyện, thị xã, thành phố",
            "Ban Dân chủ - Pháp luật Ủy ban Mặt trận Tổ quốc tỉnh",
            "Văn phòng Ủy ban Mặt trận Tổ quốc tỉnh",
        },
        "deadlines": {
            ("date", None, "2023-11-18", None),
            ("quarter", None, "2023-Q3", None),
            ("date", None, "2023-12-05", None),
        },
        "targets": {(90.0, "%", None), (1.0, "khu dân cư", None)},  # `khu` counts by the kind after it
        "tasks": 4,
    },
    "dept-decision": {
        "documents": {
            "doc_kind": "quyet_dinh",
            "doc_number": "356/QĐ-SNN",
            "issuer": "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bến Tre",
            "province": "Bến Tre",
            "issue_date": "2024-03-14",
            "title": "ban hành kế hoạch phòng, chống hạn hán, xâm nhập mặn mùa khô năm 2024",
            "signer_name": "Trần Văn Hai",
            "signer_title": "Giám đốc",
            "horizon_year": 2024,
            "implements": [],
        },
        "sections": ["Điều 1", "Điều 2", "Điều 3", "I", "II", "II/1", "II/2", "II/3", "III"],
        "refs": {"luat:phòng, chống thiên tai", "25/QĐ-UBND"},
        "leads": {
            "Chánh Văn phòng Sở",
            "Chi cục trưởng Chi cục Thủy lợi",
            "Thủ trưởng các đơn vị thuộc Sở",
            "Chi cục Thủy lợi",
            "Chi cục Trồng trọt và Bảo vệ thực vật",
            "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
            "Văn phòng Sở",
        },
        "deadlines": {
            ("period", "2023-12", "2024-05", None),
            ("date", None, "2024-01-31", None),
            ("recurring", None, None, None),  # weekly: no recurrence the data contract allows
        },
        "targets": {(100.0, "%", None), (5.0, "%", None)},
        "tasks": 5,
    },
    "hospital-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "245/KH-BVĐK",
            "issuer": "Bệnh viện đa khoa tỉnh, Sở Y tế tỉnh Thái Bình",  # the unit, then its parent (as KH-1105's key)
            "province": "Thái Bình",
            "issue_date": "2025-01-08",
            "title": "cải tiến chất lượng bệnh viện năm 2025",
            "signer_name": "Phạm Minh Đức",
            "signer_title": "Giám đốc",
            "horizon_year": 2025,
            "implements": [],
        },
        "sections": ["I", "I/1", "I/2", "I/3", "II", "II/1", "II/2", "II/3", "II/4", "III"],
        "refs": {"19/TT-BYT", "6858/QĐ-BYT"},
        # a hospital's wards (`Khoa …`, `các khoa lâm sàng`) and offices
        "leads": {"Khoa Khám bệnh", "Phòng Quản lý chất lượng", "Phòng Điều dưỡng", "các khoa lâm sàng"},
        "deadlines": {
            ("quarter", None, "2025-Q1", None),
            ("recurring", None, None, "P3M"),
            ("date", None, "2025-12-15", None),
            ("month", None, "2025-06", None),
            ("recurring", None, None, "P6M"),
        },
        # a waiting time bounded in minutes
        "targets": {(3.8, "điểm", None), (95.0, "%", None), (30.0, "phút", None)},
        "tasks": 5,
    },
    "school-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "56/KH-THPTLQĐ",
            "issuer": "Trường THPT lê quý đôn, Sở Giáo dục và Đào tạo tỉnh Nam Định",  # from capitals
            "province": "Nam Định",
            "issue_date": "2024-09-15",
            "title": "thực hiện nhiệm vụ năm học 2024 - 2025",
            "signer_name": "Trần Thị Lan Anh",
            "signer_title": "Hiệu trưởng",
            "horizon_year": 2025,
            "implements": [],
        },
        "sections": ["I", "I/1", "I/2", "I/3", "II", "II/1", "II/2", "II/3", "III"],
        "refs": {"1545/SGDĐT-GDTRH"},
        # a school's subject groups, and a deputy named by the field in her charge
        "leads": {"Tổ Toán - Tin", "Tổ Ngữ văn", "các tổ chuyên môn", "Phó Hiệu trưởng phụ trách chuyên môn"},
        "deadlines": {("date", None, "2024-11-30", None), ("recurring", None, None, "P1M")},
        "targets": {(100.0, "%", None), (85.0, "%", None), (15.0, "học sinh", None)},
        "tasks": 4,
    },
    "military-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "312/KH-BCH",
            "issuer": "Ban Chỉ huy Quân sự huyện Cẩm Xuyên, Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh",  # `BAN CHQS`, `BỘ CHQS`
            "province": "Hà Tĩnh",
            "issue_date": "2025-02-20",
            "title": "huấn luyện dân quân tự vệ năm 2025",
            "signer_name": "Nguyễn Văn Thắng",  # under his rank (`Thượng tá`)
            "signer_title": "Chỉ huy trưởng",
            "horizon_year": 2025,
            "implements": ["85/KH-BCH"],
        },
        "sections": ["I", "II", "II/1", "II/2", "III", "III/1", "III/2", "IV"],
        "refs": {"85/KH-BCH"},
        "leads": {"Ban Chỉ huy Quân sự các xã, thị trấn", "Ban Chỉ huy Quân sự huyện", "Cơ quan Quân sự huyện"},
        "deadlines": {
            ("period", "2025-03-01", "2025-03-31", None),
            ("quarter", None, "2025-Q2", None),
            ("date", None, "2025-11-30", None),
        },
        "targets": {(100.0, "%", None), (70.0, "%", None)},
        "tasks": 3,
    },
    "urban-district-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "145/KH-UBND",
            "issuer": "Ủy ban nhân dân quận 3",
            "province": "Hồ Chí Minh",
            "issue_date": "2023-04-12",  # `Quận 3, ngày …`: a place named by its number
            "title": "chỉnh trang đô thị, bảo đảm trật tự lòng lề đường trên địa bàn quận 3 năm 2023",
            "signer_name": "Lâm Thu Ngân",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2023,
            "implements": ["1021/KH-UBND"],
        },
        "sections": ["I", "I/1", "I/2", "II", "II/1", "II/2", "II/3", "III"],
        "refs": {"1021/KH-UBND"},
        "leads": {
            "Phòng Quản lý đô thị quận",
            "Ủy ban nhân dân các phường",
            "Đội Quản lý trật tự đô thị quận",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận",
        },
        "deadlines": {
            ("ongoing", None, None, None),
            ("recurring", None, None, None),  # weekly: no recurrence the data contract allows
            ("recurring", None, None, "P1M"),
            ("date", None, "2023-12-15", None),
        },
        "targets": {(100.0, "%", None), (30.0, "%", None)},
        "tasks": 4,
    },
    "town-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "210/KH-UBND",
            "issuer": "Ủy ban nhân dân thị xã Sơn Tây",
            "province": "Hà Nội",
            "issue_date": "2024-05-06",
            "title": "phát triển du lịch thị xã sơn tây giai đoạn 2024 - 2026",
            "signer_name": "Nguyễn Quang Hiếu",
            "signer_title": "Chủ tịch",
            "horizon_year": 2026,
            "implements": [],
        },
        "sections": ["I", "I/1", "I/2", "II", "III"],
        "refs": set(),
        "leads": {
            "Phòng Văn hóa và Thông tin",
            "Ủy ban nhân dân phường Trung Hưng",
            "Ban Quản lý dự án đầu tư xây dựng thị xã",
            "Phòng Lao động - Thương binh và Xã hội",
        },
        # a schedule column's months as ranges (`Tháng 3-4/2025`), the lunar first month each year
        "deadlines": {
            ("period", "2025-03", "2025-04", None),
            ("recurring", None, None, "P1Y"),
            ("period", "2024", "2026", None),
            ("period", "2025-05", "2025-08", None),
        },
        "targets": {(1200000.0, "lượt khách", 2026), (15.0, "%/năm", None)},
        "tasks": 5,
    },
    "subrow-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "96/KH-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Vĩnh Long",
            "province": "Vĩnh Long",
            "issue_date": "2025-06-18",
            "title": "thực hiện đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử trên địa bàn"
            " tỉnh năm 2025",
            "signer_name": "Nguyễn Thị Quyên Thanh",
            "signer_title": "Phó Chủ tịch",
            "horizon_year": 2025,
            "implements": ["6/QĐ-TTG"],
        },
        "sections": ["I", "I/1", "I/2", "II", "III"],
        "refs": {"6/QĐ-TTG"},
        "leads": {"Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ", "Công an tỉnh"},
        "deadlines": {
            ("date", None, "2025-09-30", None),
            ("quarter", None, "2025-Q4", None),
            ("year", "2025", None, None),  # `Năm 2025 và các năm tiếp theo`: from 2025 on
            ("recurring", None, None, "P1Y"),
            ("date", None, "2025-12-15", None),
        },
        "targets": {(100.0, "%", None), (60.0, "%", None)},
        # the rows numbered `1`, `2` over `1.1`, `1.2` … are groups, no tasks
        "tasks": 5,
    },
    "women-plan": {
        "documents": {
            "doc_kind": "ke_hoach",
            "doc_number": "58/KH-BTV",
            # `HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM` where the motto stands; `LHPN` written out
            "issuer": "Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh Điện Biên",
            "province": "Điện Biên",
            "issue_date": "2024-03-05",
            "title": "thực hiện đề án hỗ trợ phụ nữ khởi nghiệp năm 2024",
            "signer_name": "Lò Thị Mai",
            "signer_title": "Chủ tịch",
            "horizon_year": 2024,
            "implements": [],
        },
        "sections": ["I", "II", "II/1", "II/2", "III", "III/1", "III/2", "IV"],
        "refs": set(),
        "leads": {
            "Ban Hỗ trợ phụ nữ phát triển kinh tế",
            "Hội Liên hiệp Phụ nữ các huyện, thị xã, thành phố",
            "Văn phòng Hội Liên hiệp Phụ nữ tỉnh",
        },
        "deadlines": {("quarter", None, "2024-Q2", None), ("date", None, "2024-12-10", None)},
        "targets": {(10.0, "tổ hợp tác", None), (100.0, "%", None)},
        "tasks": 3,
    },
}


def _facts(path: Path) -> dict:
    return _facts_of(path, ocr=False)


def _facts_of(path: Path, ocr: bool) -> dict:
    p = process_file(path, ocr=ocr)
    doc = p.tables["documents"][0]
    documents = {}
    for field in EXPECTED[path.stem.split(".")[0]]["documents"]:
        value = getattr(doc, field)
        documents[field] = (
            value.lower() if field == "title" and value else str(value) if field == "issue_date" else value
        )
    return {
        "documents": documents,
        "sections": [s.section_id for s in p.tables["sections"] if s.label],
        "refs": {r.ref_key for r in p.tables["legal_refs"]},
        "leads": {a for t in p.tables["tasks"] for a in t.lead},
        "deadlines": {(d.kind, d.start, d.end, d.recurrence) for d in p.tables["deadlines"]},
        "targets": {(t.value, t.unit, t.target_year) for t in p.tables["targets"] if t.source == "text"},
        "tasks": len(p.tables["tasks"]),
    }


def _applies(name: str, variant: str) -> bool:
    plan = cut((INVENTED / f"{name}.txt").read_text(encoding="utf-8"))
    if variant in ("pipes", "markdown", "cell_lines"):
        return any("\t" in ln for ln in plan.body + plan.rest)
    return variant != "annex_caption"  # the number in a caption only: the header's facts are gone by design


CASES = [(n, v) for n in EXPECTED for v in ["text", *RENDER] if v == "text" or _applies(n, v)]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "variant"), CASES)
def test_an_invented_plan_gives_its_facts_in_every_layout(name, variant, tmp_path):
    source = INVENTED / f"{name}.txt"
    if variant == "text":
        path = source
    else:
        suffix, render = RENDER[variant]
        path = tmp_path / f"{name}.{variant}{suffix}"
        path.write_bytes(render(cut(source.read_text(encoding="utf-8"))))
    got = _facts(path)
    want = EXPECTED[name]
    assert got["documents"] == want["documents"]
    for table in ("sections", "refs", "leads", "deadlines", "targets", "tasks"):
        assert got[table] == want[table], table
