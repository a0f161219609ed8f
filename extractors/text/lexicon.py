"""The administrative Vietnamese every stage recognises, written once.

Words here are data: the header block, the signature block and the opening
clauses of the documents of Nghị định 30/2020/NĐ-CP (the government's form
for administrative documents) and of the party and state bodies that follow
it. Modules build their patterns from these names; none re-types them.
"""

from __future__ import annotations

from extractors.text.fold import squash
from extractors.text.patterns import alt, loose

# ---------------------------------------------------------------- signature block

#: Marks in front of the signer's body or title: thay mặt, ký thay, thừa lệnh,
#: thừa ủy quyền, quyền (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `Q. GIÁM ĐỐC`).
SIGNATURE_MARKS: tuple[str, ...] = ("TM", "KT", "TL", "TUQ", "Q")
#: Ký thay: a deputy signs for the head named after it (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`).
_KY_THAY = r"K[/.]?T"
#: The Party's style writes the slash forms without the period (`T/M BAN THƯỜNG VỤ`).
_SLASH_MARK = r"(?:T/M|K/T|T/L)(?=\s)"
SIGNED_FOR_HEAD = rf"(?:{_KY_THAY}\.|K/T(?=\s))"
#: OCR and typists also write them `T/M.`, `K/T.`, `T.M.`.
SIGNATURE_MARK = rf"(?:(?:TUQ|T[/.]?M|{_KY_THAY}|T[/.]?L|Q)\.|{_SLASH_MARK})"
#: The fields a signing tool stamps on a signed copy, one a line (`Ký bởi: Bộ Công
#: Thương`, `Người ký: …`, `Email: …`, `Cơ quan: …`), closed by the time of signing
#: (`Thời gian ký: 02.04.2026 14:24:26 +07:00`): a record of the signing, not the
#: document's text. OCR damages the first letters (`Œơ quan`, `hời gian ký`).
SIGNING_TOOL_FIELD = r"(?:Ký\s+bởi|Người\s+ký|Email|\w?ơ\s+quan|Chức\s+vụ)\s*:"
#: The word of the time field OCR leaves whole: a line without it holds no signing time.
SIGNING_TOOL_TIME_WORD = "gian"
SIGNING_TOOL_TIME = rf"\w*ời\s+{SIGNING_TOOL_TIME_WORD}\s+ký\s*:\s*\d{{1,2}}\s?[./-]\s?\d{{1,2}}\s?[./-]\s?\d{{4}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?(?:\s*[+-]\d{{2}}:?\d{{2}})?"
#: What a copy or a form prints where the signature goes: `(Đã ký)`, `(Ký tên, đóng dấu)`.
SIGNING_PLACEHOLDER = r"\((?:[Đđ]ã\s+ký|Ký)\b[^()\n]{0,40}\)"

#: The commonest family names, held by some nine in ten Vietnamese (`Nguyễn` alone by some
#: four in ten): a signer's first name OCR read with a mark lost (`Nguyên`) is one of them.
COMMON_SURNAMES: tuple[str, ...] = (
    *("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"),
    *("Dương", "Lý"),
)
#: Titles a signer holds, as gazettes write them in running text; `Phó …` forms follow.
SIGNER_TITLES_BASE: tuple[str, ...] = (
    "Chủ tịch",
    "Giám đốc",
    "Tổng Giám đốc",
    "Bí thư",
    "Trưởng ban",
    "Chánh Văn phòng",
    "Thủ tướng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Cục trưởng",
    "Tổng cục trưởng",
    "Chi cục trưởng",
)
SIGNER_TITLES: tuple[str, ...] = SIGNER_TITLES_BASE + tuple(f"Phó {t}" for t in SIGNER_TITLES_BASE)
#: Titles of the person at the head of an agency.
PERSON_TITLES: list[str] = [
    "Thủ trưởng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Vụ trưởng",
    "Tổng cục trưởng",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng ban",
    "Người đứng đầu",
    "Chánh Văn phòng",
    "Chỉ huy trưởng",
    "Tổng Giám đốc",
    "Bí thư",
    "Chánh Thanh tra",
    "Cục trưởng",
    "Chi cục trưởng",
    "Trưởng phòng",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    # the head of a body named by the body alone (`Trưởng Công an xã`, `Trưởng Thuế tỉnh`)
    "Trưởng",
]

#: A head's deputy where the title is not `Phó …` (Nghị định 30/2020/NĐ-CP, Phụ lục I).
_DEPUTY_OF = {"Bộ trưởng": "Thứ trưởng"}


def deputy_title(head: str) -> str:
    """The title of who signs `KT.` for `head`: `Chủ tịch` → `Phó Chủ tịch`, `Bộ trưởng` → `Thứ trưởng`."""
    if head.startswith("Phó ") or head in _DEPUTY_OF.values():
        return head
    return _DEPUTY_OF.get(head, f"Phó {head}")


#: A signer title in capitals, on its own line in the block: `PHÓ CHỦ TỊCH`.
SIGNER_TITLE_CAPS = alt(t.upper() for t in SIGNER_TITLES)

# ---------------------------------------------------------------- header block

#: The word of the header's number field (`Số: 182/KH-UBND`), as typists and OCR
#: write it: `Sô`/`So` (tone lost), `SỐ` (capitals: a header typed in them, or
#: OCR taking the marked lower-case letters for capitals).
NUMBER_FIELD = r"S[ốôoỐÔO]"

#: The kind line of each document kind the contract names (`documents.doc_kind`).
DOC_KINDS: dict[str, str] = {
    "Kế hoạch": "ke_hoach",
    "Kế hoạch hành động": "ke_hoach",
    "Chương trình hành động": "chuong_trinh_hanh_dong",
    "Chương trình": "chuong_trinh_hanh_dong",
    "Quyết định": "quyet_dinh",
    "Nghị quyết": "nghi_quyet",
    "Chỉ thị": "chi_thi",
    "Công văn": "cong_van",
    "Báo cáo": "bao_cao",
}
#: Records of what was found or agreed: they assign no tasks, their items are findings.
RECORD_KINDS: tuple[str, ...] = ("Biên bản",)
#: Kind lines of other administrative documents: their kind is `other`.
OTHER_KINDS: tuple[str, ...] = (
    "Nghị định",
    "Thông tư",
    "Thông tư liên tịch",
    "Luật",
    "Pháp lệnh",
    "Giấy phép",
    "Biên bản",
    "Phiếu trình",
    "Phiếu chuyển",
    "Thông báo",
    "Tờ trình",
    "Quy chế",
    "Quy định",
    "Đề án",
    "Hướng dẫn",
    "Công điện",
    "Phương án",
    "Đề cương",
    "Giấy mời",
    "Giấy chứng nhận",
    "Giấy đề nghị",
    "Hợp đồng",
    "Điều lệ",
    "Chiến lược",
    "Quy hoạch",
    "Dự án",
    "Bản ghi nhớ",
    "Thỏa thuận",
    "Lệnh",
    "Kết luận",
)
#: A document's closing sentence about itself (`Nghị quyết này đã được … thông qua …`,
#: `Quyết định này có hiệu lực kể từ ngày ký`): it ends the body and gives no task.
OWN_CLOSING = (
    rf"(?:{alt((*DOC_KINDS, *OTHER_KINDS))})\s+này\s+(?:đã\s+được|được\s+thông\s+qua|có\s+hiệu\s+lực)(?!\p{{L}})"
)
#: Subsection headings that give when, where and for whom, not what is to be done
#: (`1. Thời gian, đối tượng kiểm tra:`, `3.4. Địa điểm kiểm tra`).
ARRANGEMENT_HEADINGS: tuple[str, ...] = ("Thời gian", "Địa điểm", "Đối tượng", "Thành phần")
#: A closing sentence that tells everyone to carry the document out (`Yêu cầu Giám đốc các
#: sở … nghiêm túc thực hiện Chỉ thị này./.`, `… chịu trách nhiệm thi hành Quyết định này`).
CARRY_OUT_CLOSING = (
    rf"(?:thực\s+hiện|thi\s+hành|triển\s+khai)\s+(?:{alt((*DOC_KINDS, *OTHER_KINDS))})\s+này\s*[./]*\s*$"
)
#: Every kind word squashed (`KEHOACH` as OCR joins it) → its kind; the enumerated kinds win.
KIND_KEYS: dict[str, str] = {
    **{squash(k): "other" for k in OTHER_KINDS},
    **{squash(k): v for k, v in DOC_KINDS.items()},
}
#: Heads of issuing bodies at the national level: their documents name no province.
NATIONAL_BODIES: tuple[str, ...] = (
    "Chính phủ",
    "Thủ tướng",
    "Quốc hội",
    "Ủy ban Thường vụ Quốc hội",
    "Chủ tịch nước",
    "Bộ",
    "Cục",
    "Tổng cục",
    "Văn phòng Chính phủ",
    "Ban Chấp hành Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Tòa án nhân dân tối cao",
    "Viện kiểm sát nhân dân tối cao",
    "Ngân hàng Nhà nước",
    "Kiểm toán nhà nước",
)

#: The apostrophe of the Central Highlands' names, as typed or as Word curls it (`Cư M'gar`, `H’Hen Niê`).
_APOSTROPHE = "['’ʼ]"
#: A word of a place's name as a header or place-date line writes it, capitalised and
#: perhaps with that apostrophe (`Ia H'Drai`, `Đắk R'lấp`, `Cư M'gar`).
PLACE_WORD = rf"\p{{Lu}}[\p{{L}}.]*(?:{_APOSTROPHE}\p{{L}}+)?"
#: A city's date line may name it with its unit written small (`Thành phố Hồ Chí Minh, ngày …`).
CITY_UNIT = r"(?i:thành\s+phố)"
#: A person's name: its first word, then `NAME_WORD`s. The first may be one capital,
#: as the Central Highlands' peoples open a man's or a woman's name (`Y Mươl Niê`,
#: `A Pớt`), or `H'` before a woman's (`H'Yim Kđoh`).
NAME_HEAD = rf"(?:H{_APOSTROPHE}\p{{Lu}}?\p{{Ll}}+|\p{{Lu}}\p{{Ll}}+|\p{{Lu}}(?=\s))"
NAME_WORD = rf"\p{{Lu}}\p{{Ll}}*(?:{_APOSTROPHE}\p{{Lu}}?\p{{Ll}}+)?"

#: The Party's header in place of the motto (a Tỉnh ủy's or Huyện ủy's plan), in capitals only;
#: its first word as OCR may garble it (`ĐÁẢNG CỘNG SẢN VIỆT NAM`), the rest known letter for letter.
MOTTO_PARTY = rf"(?-i:Đ\p{{Lu}}{{1,3}}NG\s+{loose('CỘNG SẢN VIỆT NAM')})"
#: The mass organisations' national names in place of the motto, in capitals only: the Youth Union's
#: (a Tỉnh Đoàn's plan; `HỒ CHÍ MINH` in it names the Union, not the city), the Women's, the Farmers'
#: and the Veterans' Unions' (`HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM` beside `HỘI LHPN TỈNH …`).
MOTTO_UNIONS = (
    rf"(?-i:{loose('ĐOÀN')}\s+(?:TNCS|{loose('THANH NIÊN CỘNG SẢN')})\s+{loose('HỒ CHÍ MINH')}"
    rf"|{loose('HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM')}|{loose('HỘI NÔNG DÂN VIỆT NAM')}|{loose('HỘI CỰU CHIẾN BINH VIỆT NAM')})"
)
#: The motto in capitals with OCR's damage between its first words and `NAM`
#: (`CỘNG HOÀ XÃ ⁄?HỦ NGHĨA VIỆT NAM`, `… XÃ IHỦNGHĨA VIỆT NAM`, `… NGHĨA VỊ! NAM`).
_MOTTO_DAMAGED = rf"(?-i:{loose('CỘNG HÒA XÃ')}(?:\s*[^\s\p{{Ll}}]{{1,9}}){{1,4}}?\s+NAM\b)"
#: The motto's first line, its vowels as OCR reads them (`CỘNG HÕA`, `XÃ HỌI`), or the Party's or
#: a mass organisation's name.
MOTTO_COUNTRY = rf"(?:{loose('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}|{_MOTTO_DAMAGED}|{MOTTO_PARTY}|{MOTTO_UNIONS})"
MOTTO_SLOGAN = r"Độc\s+lập\s*[-–]?\s*Tự\s+do\s*[-–]\s*Hạnh\s+(?:phúc|Phúc|PHÚC)"
#: Either line of the national motto, as far as it is needed to know it; vowels
#: as OCR reads them (`CỌNG HÒA XÃ HỘI`, `XÃ HỌI` on real scans).
MOTTO_START = rf"(?:{loose('CỘNG HÒA XÃ HỘI')}|{_MOTTO_DAMAGED}|{loose('Độc lập')}\s*[-–]|{MOTTO_PARTY}|{MOTTO_UNIONS})"

#: Local government levels, as the issuer line and place names write them.
#: `đặc khu`: the island special zones of the 2025 two-level government (`xã, phường, đặc khu`).
ADMIN_UNITS: tuple[str, ...] = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
ADMIN_UNIT = alt(ADMIN_UNITS)
#: Abbreviations of the things plans count (`12 KCN`, `37 CCN`), written out.
COUNTED_ABBREVIATIONS: dict[str, str] = {
    "kcn": "khu công nghiệp",
    "ccn": "cụm công nghiệp",
    "kkt": "khu kinh tế",
    "htx": "hợp tác xã",
    "dn": "doanh nghiệp",
}
#: Nouns that count areas and groups by the kind the word after them names (`01 khu dân cư kiểu mẫu`,
#: `03 vùng kinh tế`, `05 tổ công tác`, `cụm dân cư`): the counted thing is both words.
KIND_NAMING_NOUNS: tuple[str, ...] = ("khu", "cụm", "vùng", "tổ")
#: The levels of the school system, which name kinds of school (`trường trung học phổ
#: thông`, `các trường mầm non, tiểu học`, `cơ sở giáo dục mầm non`); the longer first.
SCHOOL_LEVELS: tuple[str, ...] = (
    *("phổ thông dân tộc nội trú", "phổ thông dân tộc bán trú", "trung học phổ thông", "trung học cơ sở"),
    *("mầm non", "tiểu học", "trung học", "phổ thông", "liên cấp", "trung cấp", "cao đẳng", "đại học"),
)
#: The line under a decision's or resolution's title naming who enacts it: a council or
#: committee (`HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG`, `ỦY BAN NHÂN DÂN TỈNH KON TUM`), the Government
#: (`CHÍNH PHỦ`, two words), or its head (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA`, `THỦ TƯỚNG
#: CHÍNH PHỦ`). Its own line, even under a title in capitals.
ENACTING_LINE = (
    rf"(?:{SIGNER_TITLE_CAPS}\s+)?(?:(?:ỦY\s+BAN|HỘI\s+ĐỒNG)\s+NHÂN\s+DÂN\s+{alt(u.upper() for u in ADMIN_UNITS)}"
    r"\s+\p{Lu}|CHÍNH\s+PHỦ\s*$)"
    # … the head of a committee whose place the header names (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`)
    rf"|{SIGNER_TITLE_CAPS}\s+(?:ỦY\s+BAN|HỘI\s+ĐỒNG)\s+NHÂN\s+DÂN\s+{alt(u.upper() for u in ADMIN_UNITS)}\s*$"
    # … or the head of a department, ministry or board that decides on its own (`GIÁM ĐỐC SỞ NÔNG
    # NGHIỆP …`, `BỘ TRƯỞNG BỘ Y TẾ`, `TRƯỞNG BAN QUẢN LÝ …`)
    r"|" + SIGNER_TITLE_CAPS + r"\s+(?:SỞ|BỘ|BAN|CỤC|CHI\s+CỤC|TRUNG\s+TÂM)\s+\p{Lu}"
)

# ---------------------------------------------------------------- body

#: Clauses that open a preamble paragraph (`Căn cứ Luật …`, `Thực hiện Nghị quyết …`).
PREAMBLE_OPENERS: tuple[str, ...] = (
    "Căn cứ",
    "Thực hiện",
    "Triển khai thực hiện",
    # `Triển khai Kết luận số 14-KL/TW …` under a title that has no full stop
    *(f"Triển khai {kind}" for kind in (*DOC_KINDS, *OTHER_KINDS)),
    "Theo đề nghị",
    "Trên cơ sở",
    "Xét đề nghị",
    "Xét Tờ trình",
    "Xét hồ sơ",
)
PREAMBLE_OPENER = alt(PREAMBLE_OPENERS)

#: The head of an appendix or of one of its forms: `PHỤ LỤC`, `Phụ lục số 01`, `Biểu 02`, `Mẫu số 3`.
#: In sentence case the word must carry a number or stand alone on its line (`Phụ lục kèm
#: theo …` is running text).
APPENDIX_HEAD = r"(?:PHỤ\s+LỤC|Phụ\s+lục\s+(?:số\s*)?[0-9IVXL]+|Phụ\s+lục(?=\s*:?\s*$)|(?:Biểu|BIỂU|Mẫu|MẪU)\s+(?:số\s+|SỐ\s+)?[0-9]+)(?![\p{L}\d])"

#: The recipients' block that closes the body (`Nơi nhận:`); OCR may lose the space between its words
#: (`Nơinhận`), as it does inside a body's name (`ỦY BANNHÂNDÂN`).
NOI_NHAN = r"Nơi\s*nhận"

#: How closely or how soon one body works with another: `phối hợp chặt chẽ, kịp thời với`.
COOPERATION_ADVERBS: tuple[str, ...] = (
    "chặt chẽ",
    "kịp thời",
    "thường xuyên",
    "đồng bộ",
    "hiệu quả",
    "tích cực",
    "thống nhất",
)

# ---------------------------------------------------------------- table headers

#: A table's time column, named by its first words (`Thời gian thực hiện`, `Tiến độ`,
#: `Năm hoàn thành`) …
TIME_COLUMN_FIRST = r"thời\s+gian|thời\s+hạn|thời\s+điểm|tiến\s+độ|lộ\s+trình|năm\s+(?:thực\s+hiện|hoàn\s+thành)"
#: … or anywhere in a short header (`Mốc thời gian hoàn thành`, `Dự kiến thời gian`).
TIME_COLUMN_ANY = r"thời\s+gian|thời\s+hạn|tiến\s+độ"
#: A task table's column of the bodies that carry a task out (`Cơ quan chủ trì`, `Đơn vị thực
#: hiện`); `Đơn vị tính` is a unit of measure, not a body.
LEAD_COLUMN = r"chủ\s+trì|thực\s+hiện|chịu\s+trách\s+nhiệm|phụ\s+trách|cơ\s+quan|đơn\s+vị(?!\s+tính)"
#: The name of a task's time field: `Thời gian thực hiện`, `Thời hạn hoàn thành`, `Tiến độ`.
TIME_SLOT_NAME = rf"(?:{TIME_COLUMN_ANY})(?:\s+(?:thực\s+hiện|hoàn\s+thành))?"
#: The fields a plan states of a task, each named before a colon: `Cơ quan thực hiện`, `Đơn vị
#: phối hợp`, `Thời gian thực hiện`, `Sản phẩm`, `Lãnh đạo phụ trách`, `Chủ trì`, `Trách nhiệm thực
#: hiện`, and what an inspection plan states the same way (`Đối tượng kiểm tra`, `Địa điểm`); the
#: name's first words, a few small words may follow them.
FIELD_NAME = (
    r"(?:cơ\s+quan|đơn\s+vị)(?:\s*,\s*(?:cơ\s+quan|đơn\s+vị))?(?:\s+(?:chủ\s+trì|thực\s+hiện|phối\s+hợp|"
    r"chịu\s+trách\s+nhiệm|đầu\s+mối|tham\s+mưu))?"
    r"|lãnh\s+đạo(?:\s+phụ\s+trách)?|người\s+(?:thực\s+hiện|phụ\s+trách|chịu\s+trách\s+nhiệm)"
    r"|trách\s+nhiệm\s+(?:thực\s+hiện|chủ\s+trì)"
    r"|chủ\s+trì|phối\s+hợp"
    r"|thời\s+gian|thời\s+hạn|tiến\s+độ|sản\s+phẩm|kết\s+quả\s+(?:đầu\s+ra|dự\s+kiến)"
    r"|địa\s+điểm|đối\s+tượng|phương\s+thức|phương\s+tiện|hình\s+thức|kinh\s+phí|nguồn\s+kinh\s+phí"
)
