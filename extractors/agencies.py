"""Vietnamese agency names: where they are mentioned and what they are called.

Three kinds of mention, each a head word plus an extent rule (no list of the
agencies of any one province):

* **local government** — `Ủy ban nhân dân` / `UBND` / `Hội đồng nhân dân` /
  `HĐND` plus a locality tail: `tỉnh`, `tỉnh Kon Tum`, `các huyện, thành phố`,
  `cấp huyện`;
* **proper names** — a capitalised head (`Sở`, `Bộ`, `Ban Chỉ huy`, `Chi cục`,
  `Trung tâm`, `Công ty`, `Công an` …) and a name. After `Sở`/`Bộ` the name is
  looked up among the department and ministry domains fixed by the
  government's organisation decrees (so `Sở Giao thông vận tải` ends where it
  should); otherwise the name runs over capitalised words, a few lower-case
  ones (Vietnamese capitalises only a name's first syllables: `Ban Quản lý Khu
  kinh tế`), and over `,` / `và` / `-` when a capitalised word that does not
  open another agency follows (`Sở Văn hóa, Thể thao và Du lịch`), stopping at
  a verb (`chủ trì`, `phối hợp`, `tham mưu` …);
* **generic groups** — `các` plus a list of agency nouns joined by `,`/`và`
  with their modifiers: `các sở, ban ngành thuộc tỉnh`, `các đơn vị, địa
  phương có liên quan`, `các tổ chức chính trị - xã hội`. A new `các` after a
  separator starts a new group, so `các địa phương và các ban, ngành có liên
  quan` is two.

Any of them may be preceded by the title of the person heading it
(`Thủ trưởng các sở, ban ngành`, `Chủ tịch Ủy ban nhân dân các huyện`), which
is kept as written.

Public API: `find_agencies`, `split_agencies`, `canonical_agency`, and the
lower-level `agency_at` / `agency_chain` that the tasks extractor uses to read
`Sở X chủ trì, phối hợp với A, B và các C`.
"""

from __future__ import annotations

import unicodedata

import regex
from rapidfuzz.distance import Levenshtein

from extractors.text.fold import by_letters, normalize_tone_marks, skeleton
from extractors.text.lexicon import ADMIN_UNITS, PERSON_TITLES, SCHOOL_LEVELS
from extractors.text.memo import memo
from extractors.text.patterns import DASH, END, NOCASE, NOT_COMMUNE_WORD, OCR_JUNK, SP, WORD, is_caps, loose, loose_alt
from extractors.text.provinces import place_name, unit_by_letters
from extractors.text.syllables import makes_one_word, word_end

# ---------------------------------------------------------------- pieces

_F = NOCASE
_END = END
_SP = SP
_DASH = DASH
_alts = loose_alt


#: Department and ministry domains, as the organisation decrees name them.
#: `Sở`/`Bộ` + one of these is a complete name.
DOMAINS: tuple[str, ...] = (
    "Tài nguyên và Môi trường",
    "Kế hoạch và Đầu tư",
    "Tài chính",
    "Xây dựng",
    "Giao thông vận tải",
    "Công Thương",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Khoa học và Công nghệ",
    "Thông tin và Truyền thông",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa và Thể thao",
    "Văn hóa, Thông tin, Thể thao và Du lịch",
    "Du lịch",
    "Lao động - Thương binh và Xã hội",
    "Nội vụ",
    "Tư pháp",
    "Ngoại vụ",
    "Ngoại giao",
    "Dân tộc và Tôn giáo",
    "Quốc phòng",
    "Công an",
    "Quy hoạch - Kiến trúc",
)


_WORD = regex.compile(r"\w+")


def _domain_key(s: str) -> str:
    return " ".join(_WORD.findall(skeleton(s)))


_DOMAIN_BY_KEY = {_domain_key(d): d for d in DOMAINS}
_DOMAIN_RE = regex.compile(
    "(?:"
    + "|".join(
        r"\s*,\s*".join(_DASH.join(loose(part) for part in piece.split(" - ")) for piece in d.split(", "))
        for d in sorted(DOMAINS, key=len, reverse=True)
    )
    + ")"
    + _END,
    _F,
)


def domain_end(text: str, pos: int) -> int | None:
    """End of the department or ministry domain (`Công Thương`, `Tài nguyên và Môi
    trường`) that starts at `pos`, any case, or None."""
    m = _DOMAIN_RE.match(text, pos)
    return m.end() if m else None


def _initials(domain: str) -> str:
    sylls = [w for w in regex.findall(WORD, domain) if w.lower() != "và"]
    return "".join(w[0].upper() for w in sylls)


def _abbreviation_table() -> dict[str, str]:
    """`TNMT` → `Tài nguyên và Môi trường`, built from the domains' syllable initials.

    Initials shared by two domains (Nội vụ / Ngoại vụ) are ambiguous and left out.
    """
    table: dict[str, str] = {}
    clash: set[str] = set()
    for d in DOMAINS:
        k = _initials(d)
        if len(k) < 2:
            continue
        if k in table:
            clash.add(k)
        table[k] = d
    for k in clash:
        table.pop(k)
    return table


DOMAIN_ABBREVIATIONS = _abbreviation_table()
#: `TN&MT`, `KH-ĐT`, `VH,TT&DL`, `LĐ-TB&XH`: capitals joined by `&`, `,`, `-`.
_ABBR_RE = regex.compile(r"\p{Lu}[\p{Lu}]*(?:\s?[&,\-–]\s?\p{Lu}+)*" + _END)

#: Abbreviations expanded in canonical names (case-sensitive, as gazettes write them).
ABBREVIATIONS: list[tuple[str, str]] = [
    (r"UBMTTQ\s*VN|UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    (r"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    (r"MTTQ\s*VN|MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    (r"MTTQ", "Mặt trận Tổ quốc"),
    (r"UBND", "Ủy ban nhân dân"),
    (r"HĐND", "Hội đồng nhân dân"),
    (r"ĐBQH", "đại biểu Quốc hội"),
    (r"BCHQS|BCH\s+QS", "Bộ Chỉ huy Quân sự"),
    (r"CHQS", "Chỉ huy Quân sự"),  # `Bộ CHQS tỉnh`, `Ban CHQS huyện`
    (r"BCH(?=\s+(?:Quân\s+sự|Bộ\s+đội|BĐBP))", "Bộ Chỉ huy"),
    (r"BCH", "Ban Chỉ huy"),
    (r"BĐBP", "Bộ đội Biên phòng"),
    (r"BQL", "Ban Quản lý"),
    (r"BCĐ", "Ban Chỉ đạo"),
    (r"KKT", "Khu kinh tế"),
    (r"KCN", "Khu công nghiệp"),
    (r"PCTT\s*(?:&|và)\s*TKCN", "Phòng, chống thiên tai và Tìm kiếm cứu nạn"),
    (r"LĐLĐ", "Liên đoàn Lao động"),
    # the Women's Union (`Hội LHPN tỉnh`, `HLHPN huyện`)
    (r"HLHPN", "Hội Liên hiệp Phụ nữ"),
    (r"LHPN", "Liên hiệp Phụ nữ"),
    (r"CA(?=\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã))", "Công an"),
    # a city or town before its name (`UBND TP Kon Tum`, `TP. Kon Tum`, `UBND TX Buôn Hồ`)
    (r"TP\.?(?=\s*\p{Lu}\p{Ll})", "thành phố"),
    (r"TX\.?(?=\s*\p{Lu}\p{Ll})", "thị xã"),
    # a township or district written short after its people's committee (`UBND TT Đắk Hà`, `UBND H. Đắk Hà`)
    (r"(?<=nhân\s+dân\s)TT\.?(?=\s*\p{Lu}\p{Ll})", "thị trấn"),
    (r"(?<=nhân\s+dân\s)H\.(?=\s*\p{Lu}\p{Ll})", "huyện"),
    # the short forms of a task table's agency cells (`BHXH tỉnh`, `VP UBND tỉnh`, `Ban QL KKT`,
    # `Kho bạc NN tỉnh`, `Đài PT-TH tỉnh`, `UBND các huyện, TP`)
    (r"BHXH", "Bảo hiểm xã hội"),
    (r"VP(?=\s+(?:UBND|HĐND|Ủy\s+ban|Hội\s+đồng|Tỉnh\s+ủy|Sở))", "Văn phòng"),
    (r"(?<=Ban\s)QL", "Quản lý"),
    (r"(?<=(?:Kho\s+bạc|Ngân\s+hàng)\s)NN", "Nhà nước"),
    (r"PT\s*[-–&]\s*TH|PTTH", "Phát thanh và Truyền hình"),
    (r"(?<=(?:huyện|quận|thị\s+xã|TX|tỉnh),\s?)TP", "thành phố"),
    (r"(?<=(?:huyện|quận),\s?)TX", "thị xã"),
]
_ABBREVIATIONS_RE = [(regex.compile(r"(?<![\p{L}\d])(?:" + p + r")(?![\p{L}\d])"), r) for p, r in ABBREVIATIONS]

# -- local government ---------------------------------------------------------

LOCAL_GOV = rf"(?:(?i:{loose('Ủy ban nhân dân')}|{loose('Hội đồng nhân dân')})|UBND|HĐND)" + _END
#: Administrative units a local government or a proper name may be qualified by.
LOCALITY_NOUNS = [*ADMIN_UNITS, "địa phương", "quốc gia", "TP", "TX"]  # `UBND TP Kon Tum`
#: `TP. Kon Tum`: the city written short with its dot, before its name.
_LOC_NOUN = NOT_COMMUNE_WORD + rf"(?:(?-i:TP|TX)\.(?=[ \t]*\p{{Lu}})|{_alts(LOCALITY_NOUNS)}{_END})"
#: A place name: capitalised syllables (`Kon Tum`, `Bà Rịa - Vũng Tàu`).
PLACE = r"\p{Lu}[\p{L}\p{M}]*(?:(?:" + _SP + "|" + _DASH + r")\p{Lu}[\p{L}\p{M}]*)*"
_LOC_LIST = rf"{_LOC_NOUN}(?:\s*(?:,|và)\s*{_LOC_NOUN})*"
#: The provinces and cities under the centre, which a national document addresses as one
#: group (`Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương`).
_UNDER_CENTRE = rf"(?:{_SP}trực{_SP}thuộc{_SP}(?i:trung){_SP}ương{_END})?"
#: `tỉnh`, `tỉnh Kon Tum`, `các huyện, thành phố`, `cấp huyện`, `huyện Đắk Hà`.
#: A place name follows one locality (`tỉnh Kon Tum`, `cấp tỉnh`), never a group (`các huyện, thành phố`).
#: … and in a group, OCR's `;` for its comma (`các huyện; thành phố`) before a unit no place name follows.
#: … and, after a full unit, the short forms of `thành phố` and `thị xã`, which come as a pair
#: (`các huyện, thành, thị`, `các huyện, thị, thành`; a lone `thành` opens a word: `thành lập`).
_SHORT_UNIT = r"(?-i:thành\s*,\s*thị|thị\s*,\s*thành)(?![\p{L}\p{M}])"
_LOC_GROUP = rf"{_LOC_NOUN}(?:\s*(?:,|và|;(?=\s*{_LOC_NOUN}(?![ \t]+\p{{Lu}})))\s*(?:{_LOC_NOUN}|{_SHORT_UNIT}))*"
LOCALITY = (
    rf"(?:(?:các|những){_SP}{_LOC_GROUP}{_UNDER_CENTRE}|(?:cấp{_SP})?{_LOC_LIST}(?:{_SP}{PLACE})?|các{_SP}cấp{_END})"
)
_LOCAL_GOV_RE = regex.compile(rf"{LOCAL_GOV}(?P<loc>{_SP}(?-i:{LOCALITY}))?", regex.VERSION1)
#: Localities named as the bodies that act for them (`phối hợp với các huyện, thành phố`,
#: `các xã, phường, thị trấn`): their people's committees.
_UNIT = _alts(ADMIN_UNITS) + _END
_LOCALITIES_RE = regex.compile(
    rf"(?-i:[Cc]ác|[Nn]hững){_SP}{_UNIT}(?:\s*(?:,|và)\s*{_UNIT})*{_UNDER_CENTRE}", regex.VERSION1
)
_LOCALITY_RE = regex.compile(rf"{_SP}(?:{LOCALITY})", regex.VERSION1)

# -- proper names ---------------------------------------------------------------

#: Words that name a body only with its place after them: the tax and customs offices as
#: renamed in 2025 (`Thuế tỉnh Hà Tĩnh`, `Hải quan khu vực`), the post and telecom companies
#: (`Viễn thông Hà Tĩnh`, `Bưu điện tỉnh`, `Điện lực Hà Nam`), the State Audit's regions (`Kiểm toán khu vực VII`, the real
#: QĐ-2170); otherwise the word opens a sentence (`Thuế thu nhập …`).
PLACED_HEADS = ["Thuế", "Hải quan", "Viễn thông", "Bưu điện", "Điện lực", "Thống kê", "Kiểm toán Nhà nước", "Kiểm toán"]
_PLACED_KEYS = {skeleton(h) for h in PLACED_HEADS}
_PLACE_AFTER = regex.compile(rf"{_SP}({PLACE})")
#: The regions of the 2025 national offices (`Hải quan khu vực XI`, `Thuế cơ sở 2`).
_REGION_AFTER = regex.compile(
    rf"{_SP}(?:khu{_SP}vực|cơ{_SP}sở)(?:{_SP}(?:[IVXL]+|\d+))?{_END}(?:{_SP}(?-i:{LOCALITY}))?"
)

#: Heads of proper names, capitalised as written in running text.
PROPER_HEADS = [
    "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc",
    "Ủy ban",
    "Hội đồng",
    "Sở",
    "Bộ Chỉ huy",
    "Bộ Tư lệnh",
    "Bộ",
    "Ban Chỉ huy",
    "Ban Chỉ đạo",
    "Ban Quản lý",
    "Ban",
    "Tổng cục",
    "Chi cục",
    # a bank's or a company's branch, named with its parent (`Chi nhánh Ngân hàng Chính sách xã hội tỉnh`)
    "Chi nhánh",
    "Cục",
    "Vụ",
    "Trung tâm",
    "Tổng Công ty",
    "Công ty",
    "Tập đoàn",
    "Văn phòng",
    "Thanh tra",
    "Kho bạc",
    "Ngân hàng",
    "Học viện",
    "Viện",
    "Trường",
    "Bệnh viện",
    # a hospital's ward, a school's subject group, named by their field in capitals (`Khoa Khám bệnh`,
    # `Tổ Toán - Tin`, `Tổ Ngữ văn`); `Khoa học`, `Tổ quốc` open no name, as a capital must follow
    "Khoa",
    "Tổ",
    # a team under a district or a department (`Đội Quản lý trật tự đô thị quận`, `Đội Quản lý thị trường
    # số 1`); `Đội ngũ` opens none, as a capital must follow
    "Đội",
    # a body named by its function in capitals (`Cơ quan Quân sự huyện`, `Cơ quan Cảnh sát điều tra`);
    # `cơ quan` in small letters stays a group's noun
    "Cơ quan",
    "Đài",
    "Báo",
    "Hiệp hội",
    "Hội",
    "Liên đoàn",
    "Liên hiệp",
    "Liên minh",
    "Tỉnh đoàn",
    # teams a decision sets up, named by their task (`Đoàn kiểm tra thực hiện …`)
    "Đoàn kiểm tra",
    "Đoàn công tác",
    "Tổ công tác",
    "Tổ kiểm tra",
    "Tổ giúp việc",
    "Đoàn",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Đảng ủy",
    "Đảng đoàn",
    "Ban cán sự đảng",
    "Công an",
    "Quân khu",
    "Bộ đội Biên phòng",
    "Chính quyền",
    "Tòa án",
    "Chi nhánh",
    "Phòng",
    "Hạt",
    # a commune's or a border's field posts (`Trạm Y tế xã`, `Đồn Biên phòng Cửa khẩu …`)
    "Trạm",
    "Đồn",
    "Vườn quốc gia",
    "Cảng vụ",
    "Quỹ",
    "Cảnh sát",
    "Chi đoàn",
    "Bảo hiểm xã hội",
    "Thường trực",
    "Tổ đại biểu",
    *PLACED_HEADS,
    "Đại học",
    "BCH",
    "BQL",
    "BCĐ",
    "UBMTTQ",
    "MTTQ",
    "BĐBP",
]
#: Heads that name a whole body on their own or with a locality (`Tỉnh ủy`,
#: `Công an tỉnh`, `Ủy ban Mặt trận Tổ quốc tỉnh`).
COMPLETE_HEADS = {
    "Đoàn kiểm tra",
    "Đoàn công tác",
    "Tổ công tác",
    "Tổ kiểm tra",
    "Tổ giúp việc",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Tỉnh đoàn",
    "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc",
    "UBMTTQ",
    "MTTQ",
}
LOCALITY_HEADS = {
    # a Party committee named by its level (`Đảng ủy xã`), as the commune's Party plans write it
    "Đảng ủy",
    "Bảo hiểm xã hội",
    "Công an",
    "Thanh tra",
    "Văn phòng",
    "Kho bạc",
    "Liên đoàn",
    "Hội đồng",
    "Bộ đội Biên phòng",
    "Chính quyền",
}
#: The head opens with a capital; its later words may be written either way (`Chi Cục`).
_HEAD_RE = regex.compile(r"(?-i:(?=\p{Lu}))" + _alts(PROPER_HEADS) + _END, _F)
#: Heads whose name is a department domain.
_DOMAIN_HEADS = {"so", "bo"}
_COMPLETE_KEYS = {skeleton(h) for h in COMPLETE_HEADS}
_LOCALITY_KEYS = {skeleton(h) for h in LOCALITY_HEADS}

#: Lower-case words that begin what an agency does, ending its name.
PREDICATE_WORDS = [
    # modal and passive words open what the body must do or undergo (`Công ty … phải nộp`, `… bị xử phạt`)
    "phải",
    "bị",
    "cần",
    "sẽ",
    "đã",
    "chủ trì",
    "phối hợp",
    "tham mưu",
    "triển khai",
    "thực hiện",
    "tổ chức",
    "xây dựng",
    "rà soát",
    "hướng dẫn",
    "chỉ đạo",
    "lãnh đạo",
    "quán triệt",
    "đẩy mạnh",
    "tăng cường",
    "đổi mới",
    "tập trung",
    "kiểm tra",
    "theo dõi",
    "đôn đốc",
    "tổng hợp",
    "báo cáo",
    "đề xuất",
    "phản ánh",
    "kiến nghị",
    "nghiên cứu",
    "bố trí",
    "cân đối",
    "đánh giá",
    "chịu trách nhiệm",
    "có trách nhiệm",
    "chủ động",
    "quan tâm",
    "nâng cao",
    "ban hành",
    "phát huy",
    "cập nhật",
    "hoàn thành",
    "hoàn thiện",
    "giám sát",
    "khẩn trương",
    "tiếp tục",
    "căn cứ",
    "lập",
    "trình",
    "gửi",
    "là",
    "có",
    "được",
    "để",
    "theo",
    "trong",
    "tại",
    "về",
    "với",
    "của",
    "cho",
    "khi",
    "nhằm",
    "đối với",
    "trên",
    "từ",
    "đến",
    "bảo đảm",
    "đảm bảo",
    "hỗ trợ",
    "thẩm định",
    "phê duyệt",
    "giao",
    "đề nghị",
    "yêu cầu",
    "cung cấp",
    "tuyên truyền",
    "phổ biến",
    "vận động",
    "thường xuyên",
    "kịp thời",
    "định kỳ",
    "hằng",
    "hàng",
    "xem xét",
    "tiếp nhận",
    "chuẩn bị",
    "phân công",
    "lồng ghép",
    "duy trì",
    "điều chỉnh",
    "sửa đổi",
    "bổ sung",
    "kêu gọi",
    "thu hút",
    "huy động",
    "ứng dụng",
    "giải quyết",
    "xử lý",
    "xử phạt",
    "khắc phục",
    "làm",
    "thì",
    "đã",
    "sẽ",
    "đang",
    "cần",
    "phải",
    "hoặc",
    "nhưng",
    "tích cực",
    "nghiêm túc",
    "quyết liệt",
    "sớm",
    "trực tiếp",
    "tiến hành",
    "ký",
    "đầu mối",
    "mở",
    "quản lý",
    "phát triển",
    "đầu tư",
    "nắm",
    "rút",
    "lựa chọn",
    "quy định",
    "ngay",
    "cùng",
    "mà",
    "nếu",
    "như",
]
#: `số` ends a name only before a figure (`… tỉnh số 12`); before a word it is
#: the adjective "digital", part of the name (`Cục Thương mại điện tử và Kinh tế số`).
_NUMBER_AFTER = rf"số{_SP}(?=\d)"
#: `cấp` issues (`… công nghiệp cấp, cấp lại giấy phép`) unless it names a level (`cấp tỉnh`).
_ISSUES = rf"cấp{_END}(?!{_SP}(?:{_LOC_NOUN}|trung{_SP}ương|cơ{_SP}sở|quốc{_SP}gia|bộ{_END}))"
#: A predicate's word that opens a noun in a body's name (`Ban An toàn giao thông tỉnh`, `Phòng Cảnh sát
#: giao thông`): traffic and trade are no assigning (`giao`).
_NOUN_NOT_PREDICATE = rf"giao{_SP}(?:thông|dịch){_END}"
_PREDICATE_RE = regex.compile(
    rf"(?!{_NOUN_NOT_PREDICATE})(?:{_alts(PREDICATE_WORDS)}{_END}|{_NUMBER_AFTER}|{_ISSUES})", _F
)

# -- generic groups ---------------------------------------------------------------

#: Nouns that name kinds of agency in a generic group.
GROUP_NOUNS = [
    "sở ngành",
    "ban ngành",
    "bộ ngành",
    "sở",
    "ban",
    "ngành",
    "bộ",
    "cơ quan",
    "đơn vị",
    "địa phương",
    "tổ chức",
    "đoàn thể",
    "doanh nghiệp",
    "hợp tác xã",
    "cấp",
    "lực lượng",
    "hội",
    "hiệp hội",
    "hải quan",
    "xã hội nghề - nghiệp",
    "xã hội - nghề nghiệp",
    "tổ chức chính trị - xã hội",
    "tổ chức xã hội",
    "tổ chức chính trị",
    "chi cục",
    "phòng",
    "ban quản lý",
    "cơ quan chuyên môn",
    "cơ quan báo chí",
    # local government as a whole (`phối hợp với chính quyền địa phương`, `chính quyền các cấp`)
    "chính quyền địa phương",
    "chính quyền",
    # institutions (`các cơ sở đào tạo trên địa bàn`)
    "cơ sở đào tạo",
    "cơ sở giáo dục",
    "cơ sở giáo dục nghề nghiệp",
    "cơ sở y tế",
    "bệnh viện",
    "trung tâm y tế",
    "trạm y tế",
    "trường",
    "trường học",
    # a hospital's wards and a school's subject groups (`các khoa lâm sàng`, `các khoa, phòng`, `các tổ
    # chuyên môn`)
    "khoa",
    "tổ chuyên môn",
    # a council's members grouped by constituency (`các Tổ đại biểu Hội đồng nhân dân tỉnh`)
    "tổ đại biểu",
    # the members of a committee (`Các thành viên Ban Chỉ đạo`), named with their body
    "thành viên",
    # the Party's bodies (`Các cấp ủy, tổ chức đảng`, `các huyện ủy, thành ủy, đảng ủy trực thuộc`)
    "cấp ủy",
    "tổ chức đảng",
    "tổ chức cơ sở đảng",
    "huyện ủy",
    "thành ủy",
    "thị ủy",
    "đảng ủy",
    "đảng bộ",
    "chi bộ",
    "đảng đoàn",
    "ban cán sự đảng",
    "ban đảng",
]
#: Nouns that name several bodies on their own (`Bộ ngành liên quan`).
PLURAL_NOUNS = ["sở ngành", "ban ngành", "bộ ngành"]
#: Nouns that may stand without `các` where an agency is expected (`phối hợp sở, ngành`).
BARE_NOUNS = [
    *("sở ngành", "ban ngành", "bộ ngành", "sở", "bộ", "ban", "ngành", "cơ quan", "đơn vị", "địa phương"),
    *("chính quyền địa phương", "chính quyền"),
]
#: What may follow a group noun: scope, relation, level.
GROUP_MODIFIERS = [
    "có liên quan",
    "liên quan",
    "thuộc tỉnh quản lý",
    "thuộc tỉnh",
    "trực thuộc tỉnh",
    "trực thuộc Tỉnh ủy",
    "trực thuộc Thành ủy",
    "trực thuộc Huyện ủy",
    "trực thuộc Quận ủy",
    "trực thuộc Thị ủy",
    "trực thuộc Đảng ủy",
    "trực thuộc",
    "cơ sở",
    "cấp tỉnh",
    "cấp huyện",
    "cấp xã",
    "tỉnh",
    "huyện",
    "trung ương",
    # a national document's addressees (`các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ`)
    "ngang bộ",
    "thuộc Chính phủ",
    "nhà nước",
    "trong tỉnh",
    "khác",
    "chức năng",
    "thuế",
    "chính trị - xã hội",
    "chuyên môn",
    "sự nghiệp công lập",
    "sự nghiệp",
    "thành viên",
    "quốc tế",
    "phi chính phủ",
    "nước ngoài",
    "quản lý nhà nước",
    "đóng chân trên địa bàn tỉnh",
    "đóng chân trên địa bàn",
    "đóng quân trên địa bàn tỉnh",
    "trên địa bàn tỉnh",
    "trên địa bàn",
    # a hospital's kinds of ward (`các khoa lâm sàng`, `các khoa cận lâm sàng`)
    "lâm sàng",
    "cận lâm sàng",
    # the tier of a health or school network (`các bệnh viện tuyến tỉnh`)
    "tuyến trung ương",
    "tuyến tỉnh",
    "tuyến huyện",
    "tuyến xã",
    "tuyến cơ sở",
    "Việt Nam",
    "của tỉnh",
    "các cấp",
]


#: Modifiers that close a group's description: what follows `các đơn vị liên quan`,
#: `các ngành khác` is the clause's verb, known to us or not (`tuần tra`, `giám sát`).
CLOSING_MODIFIERS = ["liên quan", "khác"]


#: A level of local government as the committees named by their levels shorten it.
_LEVEL_WORD = r"(?:huyện|quận|thị|thành)"


def _phrase_alts(words) -> str:
    parts = sorted(set(words), key=len, reverse=True)
    out = []
    for p in parts:
        pieces = [loose(x) for x in p.split(" - ")]
        out.append(_DASH.join(pieces))
    return "(?:" + "|".join(out) + ")"


#: The district-level committees of a Party, Youth Union or association named by their levels
#: sharing one noun (`các huyện, thị, thành ủy`, `các huyện, thị, thành Đoàn`, `quận, huyện Hội`):
#: bodies, not the localities `các huyện, thị, thành` are.
_LEVELS_SHARING_NOUN = rf"{_LEVEL_WORD}(?:\s*,\s*{_LEVEL_WORD})+{_SP}(?:ủy|đoàn|hội){_END}"
_GROUP_NOUN = rf"(?:{_LEVELS_SHARING_NOUN}|{_phrase_alts(GROUP_NOUNS)}{_END})"
_CLOSING_MODIFIER = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){_phrase_alts(CLOSING_MODIFIERS)}\Z", _F)
_BARE_NOUN = _phrase_alts(BARE_NOUNS) + _END
#: The kinds of school a group of schools names, listed (`các trường mầm non, tiểu học`).
_SCHOOL_KINDS = rf"{_phrase_alts(SCHOOL_LEVELS)}{_END}(?:(?:\s*,\s*|{_SP}và{_SP}){_phrase_alts(SCHOOL_LEVELS)}{_END})*"
_GROUP_MOD = rf"(?:{_SP}(?:{_phrase_alts(GROUP_MODIFIERS)}{_END}|{_SCHOOL_KINDS}))*"
#: `,`, `và`, `/`; OCR's speck after a comma (`các sở, ; ngành`) is the comma's.
_GROUP_SEP = rf"(?:\s*,(?:\s*;)?\s*|{_SP}và{_SP}|\s*/\s*)"
#: Later nouns in a group are lower-case, so `, Ủy ban …` or `, Sở Y tế` start a new agency.
#: … except the Youth Union's units under the issuer, which the Union writes with its capital
#: (`các huyện, thị, thành Đoàn và Đoàn trực thuộc`).
_UNION_UNITS_UNDER = rf"(?-i:Đoàn)(?={_SP}trực{_SP}thuộc{_END})"
_GROUP_TAIL = rf"(?:{_GROUP_SEP}(?!các{_END})(?:(?-i:(?=\p{{Ll}})){_GROUP_NOUN}|{_UNION_UNITS_UNDER}){_GROUP_MOD})*"
_GROUP_RE = regex.compile(rf"(?:các|những){_SP}{_GROUP_NOUN}{_GROUP_MOD}{_GROUP_TAIL}", _F)
_COMMITTEES_BY_LEVEL_RE = regex.compile(rf"(?:các|những){_SP}{_LEVELS_SHARING_NOUN}", _F)
_BARE_GROUP_RE = regex.compile(rf"(?-i:(?=\p{{Ll}})){_BARE_NOUN}{_GROUP_MOD}{_GROUP_TAIL}", _F)
#: `phối hợp với Bộ, ngành liên quan`: a capital opens a bare group only when a list follows,
#: as one noun alone (`Sở chủ trì`) is the body itself.
_BARE_LIST_RE = regex.compile(
    rf"(?-i:(?=\p{{Lu}}))(?:{_phrase_alts(PLURAL_NOUNS)}{_END}{_GROUP_MOD}{_GROUP_TAIL}"
    rf"|{_BARE_NOUN}{_GROUP_MOD}(?:{_GROUP_SEP}(?!các{_END})(?-i:(?=\p{{Ll}})){_GROUP_NOUN}{_GROUP_MOD})+)",
    _F,
)

_TITLE_RE = regex.compile(_alts(PERSON_TITLES) + rf"{_END}{_SP}", regex.VERSION1)
#: `Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ …`: the holders of one office in every body of a
#: kind, named by the title alone; a list or a verb follows.
_TITLES_ALONE_RE = regex.compile(rf"(?:các|những){_SP}(?:{_alts(PERSON_TITLES)}){_END}(?=\s*[,;]|{_SP}và{_SP})", _F)

_WORD_RE = regex.compile(WORD)
_TOKEN_RE = regex.compile(rf"{WORD}|[^\s]")


# ---------------------------------------------------------------- extents


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _abbreviated_heads() -> list[tuple[regex.Pattern, str]]:
    """(pattern, head key) of each abbreviation whose name opens with a head: `CA` → Công an.

    An abbreviation that names more than its head (`BCHQS`: Bộ Chỉ huy Quân
    sự) is a whole name, completed by a locality only: its key is a complete head's."""
    out = []
    for pattern, name in _ABBREVIATIONS_RE:
        m = _HEAD_RE.match(name)
        if not m or name[m.end() : m.end() + 1] not in ("", " "):
            continue  # `Phòng, chống thiên tai …` is no office
        out.append((pattern, skeleton(m.group(0)) if m.end() == len(name) else _WHOLE_NAME))
    return out


#: `Mặt trận Tổ quốc Việt Nam tỉnh`: a whole name may carry the nation's before its locality.
_NATION_RE = regex.compile(rf"{_SP}Việt{_SP}Nam{_END}")
#: The key of an abbreviated head that is a whole name.
_WHOLE_NAME = "(whole name)"
_ABBREVIATED_HEADS = _abbreviated_heads()


#: What OCR makes of `Sở` (the horn and the hook read as other marks): `Sử`, `Sớ`, `Sỡ`, `Số`.
#: Read as `Sở` only before a department's domain, which no other word precedes capitalised.
_SO_LOOKALIKE = r"S[ửớờỡợốổồỗỏóòõọ](?=[ \t])"
_SO_LOOKALIKE_RE = regex.compile(_SO_LOOKALIKE)


def _head_at(text: str, pos: int) -> tuple[str, int] | None:
    """(head key, end) of the head of a proper name at `pos`, written out or abbreviated."""
    if text[pos + 1 : pos + 2].isupper():  # an abbreviation: two capitals at least (`CA`, `BCHQS`)
        for pattern, head in _ABBREVIATED_HEADS:
            a = pattern.match(text, pos)
            if a:
                return head, a.end()
    m = _HEAD_RE.match(text, pos)
    if not m:
        if (alike := _SO_LOOKALIKE_RE.match(text, pos)) and _DOMAIN_RE.match(text, alike.end() + 1):
            return "so", alike.end()  # OCR's `Sử Y tế`: a department's domain after a look-alike of `Sở`
        return None
    head = skeleton(m.group(0))
    if (
        len(m.group(0)) > 1
        and m.group(0).isupper()
        and m.group(0) not in PROPER_HEADS
        and not (head in _DOMAIN_HEADS and _DOMAIN_RE.match(text, m.end() + 1))
    ):
        # All-capitals lines are titles (`CỘNG HÒA XÃ HỘI …`), except `SỞ TÀI CHÍNH`.
        return None
    return head, m.end()


#: Heads whose name goes on with `các` and what they manage or unite.
OF_MANY_HEADS = ["Ban Quản lý", "Liên hiệp"]
_OF_MANY_KEYS = {skeleton(h) for h in OF_MANY_HEADS}
_OF_MANY_RE = regex.compile(rf"{_SP}các{_SP}(?=\p{{L}})")
#: Lower-case words looked through for the locality that closes such a name.
_OF_MANY_WORDS = 8


def _of_many_tail(text: str, pos: int) -> int | None:
    """End of `khu công nghiệp tỉnh` after `Ban Quản lý các`: lower-case words up to a
    verb, at most `_LOWER_RUN` of them, and the locality that closes the name."""
    end = stop = None
    for n, t in enumerate(_TOKEN_RE.finditer(text, pos, min(len(text), pos + 200))):
        if n >= _OF_MANY_WORDS or not _WORD_RE.fullmatch(t.group(0)) or _is_cap(t.group(0)):
            break
        if _LOCALITY_WORD.match(text, t.start()) and end is not None and (loc := _locality_end(text, end)) is not None:
            return loc  # the locality closes the name, whatever words it holds (`… dự án đầu tư xây dựng tỉnh`)
        if stop is None and (_PREDICATE_RE.match(text, t.start()) or n >= _LOWER_RUN):
            stop = end  # without a locality, the name ends before the first verb
        end = t.end()
    return stop if stop is not None else end


#: A council, a committee or a delegation of deputies: the bodies one office may serve.
_SERVED_BODY = rf"(?:{LOCAL_GOV}|Đoàn{_SP}(?:ĐBQH|(?i:{loose('đại biểu Quốc hội')})){_END})"
#: `Văn phòng HĐND và UBND xã`, `Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh`: one office of the
#: bodies it serves, listed before their locality.
_JOINT_OFFICE_RE = regex.compile(
    rf"{_SP}{_SERVED_BODY}(?:\s*,\s*{_SERVED_BODY})*{_SP}và{_SP}{_SERVED_BODY}(?P<loc>{_SP}(?-i:{LOCALITY}))?",
    regex.VERSION1,
)
_OFFICE_KEY = skeleton("Văn phòng")
_BRANCH_KEY = skeleton("Chi nhánh")


def _proper_at(text: str, pos: int, found: tuple[str, int] | None = None) -> int | None:
    """End of a proper name (`Sở Tài chính`, `Công an tỉnh`, `CA tỉnh`) starting at `pos`;
    `found` is its head's key and end when the caller has read it."""
    found = found or _head_at(text, pos)
    if found is None:
        return None
    head, end = found
    if head in _COMPLETE_KEYS or head == _WHOLE_NAME:
        nation = _NATION_RE.match(text, end)
        end = nation.end() if nation else end
        loc = _LOCALITY_RE.match(text, end)
        return loc.end() if loc else end
    if head == _OFFICE_KEY and (joint := _JOINT_OFFICE_RE.match(text, end)):
        return (_misread_unit_end(text, joint.end()) if joint.group("loc") is None else None) or joint.end()
    if head == _BRANCH_KEY:
        # `Chi nhánh Ngân hàng Chính sách xã hội tỉnh`: a branch is named by its parent's name
        after = _SP_RE.match(text, end)
        return agency_at(text, after.end()) if after else None
    if head in _OF_MANY_KEYS and (many := _OF_MANY_RE.match(text, end)):
        # `Ban Quản lý các khu công nghiệp tỉnh`, `Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh`
        if text[many.end() : many.end() + 1].isupper():
            return _name_tail(text, many.end()) or end
        return _of_many_tail(text, many.end()) or end
    if head in _LOCALITY_KEYS:
        loc = _LOCALITY_RE.match(text, end)
        if loc:
            return loc.end()
    if head in _PLACED_KEYS:
        # `Thuế tỉnh Hà Tĩnh`, `Hải quan khu vực XI`, `Viễn thông Hà Tĩnh`: only its place makes the word a body
        loc = _REGION_AFTER.match(text, end) or _LOCALITY_RE.match(text, end)
        if loc:
            return loc.end()
        place = _PLACE_AFTER.match(text, end)
        return place.end() if place and place_name(place.group(1)) else None
    if head in _DOMAIN_HEADS:
        after = _SP_RE.match(text, end)
        if after:
            start = after.end()
            d = _DOMAIN_RE.match(text, start)
            if d:
                return _locality_tail(text, d.end())
            a = _ABBR_RE.match(text, start)
            if a and _abbr_domain(a.group(0)):
                return _locality_tail(text, start + len(_abbr_prefix(a.group(0))))
    if head in _COMMON_WORD_KEYS and _TITLE_CASE_RUN.match(text, pos) and _opens_a_word(text, pos):
        return None  # `Khoa Học Và Công Nghệ`, `Đội Ngũ Cán Bộ`: a heading in title case, no ward or team
    return _name_tail(text, end) or _small_body_tail(text, pos, end)


#: Heads that are also the first syllable of common words (`khoa học`, `tổ chức`, `đội ngũ`): in a
#: heading set in title case, where every word is capitalised, they open the word, not a name.
_COMMON_WORD_KEYS = {skeleton(h) for h in ("Khoa", "Tổ", "Đội")}
_TITLE_CASE_RUN = regex.compile(r"(?:\p{Lu}[\p{Ll}\p{M}]*[ \t]+){2,}(?:và[ \t]+)?\p{Lu}")


def _opens_a_word(text: str, pos: int) -> bool:
    """Whether the head at `pos` and the word after it make one dictionary word."""
    m = _SYLLABLE_PAIR.match(text, pos)
    return bool(m) and makes_one_word(m.group(1), m.group(2))


_SYLLABLE_PAIR = regex.compile(r"(\p{L}+)[ \t]+(\p{L}+)")


#: Lower-case words a name written small may hold before its locality
#: (`Ban Quản lý dự án đầu tư xây dựng tỉnh`).
_SMALL_BODY_WORDS = 7
#: Words that are verbs in a sentence and nouns in a name (`dự án đầu tư xây dựng`, `Quỹ Đầu tư
#: phát triển`): they do not end a name that a locality closes.
NAME_VERBS = ["đầu tư", "xây dựng", "phát triển", "quản lý"]
_NAME_VERB_RE = regex.compile(_alts(NAME_VERBS) + _END, _F)
_NAME_VERB_AFTER_RE = regex.compile(rf"[ \t]+(?-i:(?=\p{{Ll}})){_alts(NAME_VERBS)}{_END}", _F)


#: Words that end a name in running text but join a name's words before a lead's cue
#: (`Phòng Cảnh sát quản lý hành chính về trật tự xã hội chủ trì …`).
_NAME_LINK_RE = regex.compile(r"(?:về|của)" + _END, _F)


def names_no_action(words: str) -> bool:
    """Whether small words after a name can be the name's: no verb a body does in them, bar
    the verbs names hold (`quản lý`, `đầu tư`: NAME_VERBS) and the words that link them."""
    return all(
        _NAME_VERB_RE.match(words, m.start())
        or _NAME_LINK_RE.match(words, m.start())
        # the verb's syllable opens a longer word: `giao thông`, no `giao`
        or (word_end(words, m.start()) or 0) > m.end()
        for m in _PREDICATE_RE.finditer(words)
    )


def _small_body_tail(text: str, start: int, end: int) -> int | None:
    """End of a name whose words after the head are written small and closed by its locality
    (`Tòa án nhân dân tỉnh`, `Trung tâm y tế huyện Đắk Hà`, `Ban Quản lý dự án … xã`).

    The head's last syllable and the next word must make no dictionary word, so that a
    sentence's opening (`Ban hành …`, `Hội nghị …`, `Báo cáo …`) is no name."""
    first = _LOWER_WORD.match(text, end)
    if not first or makes_one_word(text[start:end].split()[-1], first.group(1)):
        return None
    pos = end
    for _ in range(_SMALL_BODY_WORDS):
        w = _LOWER_WORD.match(text, pos)
        if not w:
            return None
        if pos > end and _LOCALITY_WORD.match(text, w.start(1)):
            return _locality_end(text, pos)
        if _PREDICATE_RE.match(text, w.start(1)) and not _NAME_VERB_RE.match(text, w.start(1)):
            return None
        pos = w.end()
    return None


def _abbr_prefix(abbr: str) -> str:
    """The longest leading part of `abbr` that is a known domain abbreviation."""
    parts = regex.split(r"(\s?[&,\-–]\s?)", abbr)
    for n in range(len(parts), 0, -2):
        cand = "".join(parts[:n])
        if _abbr_key(cand) in DOMAIN_ABBREVIATIONS:
            return cand
    return ""


def _abbr_key(abbr: str) -> str:
    return regex.sub(r"[^\p{L}]", "", abbr).upper()


def _abbr_domain(abbr: str) -> str | None:
    p = _abbr_prefix(abbr)
    return DOMAIN_ABBREVIATIONS.get(_abbr_key(p)) if p else None


#: `… tỉnh các cấp`, `… các huyện`: the words after a locality that make it no part of the name.
_CAC_CAP_AFTER = regex.compile(rf"{_SP}(?:các|cấp)")
_CAC_CAP_WORD_AFTER = regex.compile(rf"{_SP}(?:các|cấp){_END}")


def _locality_tail(text: str, end: int) -> int:
    loc = _LOCALITY_RE.match(text, end)
    if loc and not _CAC_CAP_AFTER.match(text, end, end + 6):
        return loc.end()
    return end


_LOCALITY_WORD = regex.compile(_LOC_NOUN, _F)
_SP_RE = regex.compile(_SP)


#: Words that open the title of a document, never part of an agency's name
#: (`Bộ Chính trị và Kế hoạch số …`, `Ban Chấp hành Trung ương, Kết luận …`).
DOCUMENT_WORDS = [
    "Kế hoạch",
    "Chương trình",
    "Quyết định",
    "Nghị quyết",
    "Nghị định",
    "Kết luận",
    "Chỉ thị",
    "Thông tư",
    "Thông báo",
    "Luật",
    "Bộ luật",
    "Văn bản",
    "Công văn",
    "Đề án",
    "Hướng dẫn",
    "Quy hoạch",
    "Chiến lược",
    "Pháp lệnh",
    "Hiến pháp",
    "Tờ trình",
    "Báo cáo",
]
_DOCUMENT_WORD_RE = regex.compile(_alts(DOCUMENT_WORDS) + _END)


def _enumerated_name(text: str, comma: int) -> bool:
    """A comma continues a name only in the `A, B và C` pattern of names such as
    `Văn hóa, Thể thao và Du lịch` — not in `Bộ Chính trị, Nghị quyết …`."""
    # What the next word must be: "" nothing, "cap" a capital after a comma, "và" a capital after `và`.
    need_cap: str = ""
    lower_run = 0
    for t in _TOKEN_RE.finditer(text, comma, min(len(text), comma + 200)):
        tok = t.group(0)
        if tok == ",":
            need_cap, lower_run = "cap", 0
            continue
        if tok == "và":
            need_cap, lower_run = "và", 0
            continue
        if not _WORD_RE.fullmatch(tok):
            return False
        if need_cap:
            if not _is_cap(tok) or _DOCUMENT_WORD_RE.match(text, t.start()):
                return False
            if need_cap == "và":
                return True
            need_cap = ""
            continue
        if _is_cap(tok):
            lower_run = 0
        elif lower_run >= 2 or _PREDICATE_RE.match(text, t.start()):
            return False
        else:
            lower_run += 1
    return False


#: A region's number (`Khu vực 8`, `Khu vực XII`), the 2025 offices' regions.
_REGION_NO = regex.compile(r"\d{1,2}|[IVXL]{1,5}")
_REGION_WORDS = regex.compile(r"(?i:khu\s+vực)\s*\Z")


def _verbs_object_end(text: str, pos: int, token_end: int) -> int:
    """End of a name's own verb (`Quản lý` at `pos`) with the verbs in small letters straight after
    it, its object (`Phòng Quản lý đầu tư xây dựng`): there they are nouns, not the clause's predicate
    (`Phòng Quản lý đô thị xây dựng …` still ends at `đô thị`). `token_end` when no verb follows."""
    verb = _NAME_VERB_RE.match(text, pos)
    if not verb or not _NAME_VERB_AFTER_RE.match(text, verb.end()):
        return token_end
    end = verb.end()
    while after := _NAME_VERB_AFTER_RE.match(text, end):
        end = after.end()
    return end


def _name_tail(text: str, pos: int) -> int | None:
    """Extent of the name after a head; None when no capitalised word follows it."""
    end = None
    lower_run = 0
    sep = None  # pending separator between name parts: ",", "và", "-", "&", "/"
    skip_to = pos  # words already taken (a domain's second part)
    for t in _TOKEN_RE.finditer(text, pos, min(len(text), pos + 400)):
        tok = t.group(0)
        if t.start() < skip_to:
            continue
        if "\n" in text[(end if end is not None else pos) : t.start()]:
            break  # a name never runs over a line break
        if not _WORD_RE.fullmatch(tok):
            if (
                end is not None
                and sep is None
                and _REGION_NO.fullmatch(tok)
                and _REGION_WORDS.search(text, max(0, end - 16), end)
            ):
                end = t.end()  # `Ngân hàng Nhà nước Chi nhánh Khu vực 8`: the region's number ends the name
                break
            if end is None or sep is not None or tok not in ",&-–—/":
                break
            if tok == "," and not _enumerated_name(text, t.start()):
                break
            sep = "-" if tok in "-–—" else tok
            continue
        if tok == "và":
            if end is None or sep is not None:
                break
            sep = "và"
            continue
        if _is_cap(tok):
            # A document's title follows a comma or `và`, never a dash: `Phòng Tài chính - Kế hoạch`
            # is one office, `Sở Tài chính, Kế hoạch số 15` a name and a document.
            if sep is not None and sep != "-" and _DOCUMENT_WORD_RE.match(text, t.start()):
                break
            nested = agency_at(text, t.start()) if sep is not None else None
            if nested is not None:
                if sep == "-":
                    # `Cục Phát triển đô thị - Bộ Xây dựng`: a unit and its parent.
                    end = nested
                break
            end = skip_to = _verbs_object_end(text, t.start(), t.end())
            lower_run, sep = 0, None
            continue
        # a lower-case word
        if sep == "và" and end is not None and (domain_end := _second_domain_end(text, end, t.start())):
            # `Trung tâm Quan trắc tài nguyên và môi trường`: a department's domain in small letters
            lower_run += len(_WORD_RE.findall(text, t.start(), domain_end))
            end = skip_to = domain_end
            sep = None
            continue
        if end is None or sep is not None:
            break  # `Ban hành` is no name; `, tìm kiếm` ends one
        if _LOCALITY_WORD.match(text, t.start()) and (loc_end := _locality_end(text, end)) is not None:
            return loc_end
        if _PREDICATE_RE.match(text, t.start()):
            noun = _NAME_VERB_RE.match(text, t.start())
            if noun and (loc_end := _locality_end(text, noun.end())) is not None:
                return loc_end  # `Quỹ Đầu tư phát triển tỉnh`
            break
        if lower_run >= _LOWER_RUN:
            return _locality_ahead(text, end) or end
        end, lower_run = t.end(), lower_run + 1
    return end


#: The decrees' domains of two parts (`Tài nguyên và Môi trường`), by the letters of each part: a unit
#: of a department writes its own domain in small letters (`Trung tâm Quan trắc tài nguyên và môi trường`).
_DOMAIN_PAIRS = [
    (skeleton(left).split(), skeleton(right).split())
    for left, _, right in (d.rpartition(" và ") for d in DOMAINS if " và " in d)
]


def _second_domain_end(text: str, name_end: int, pos: int) -> int | None:
    """End of a domain's second part at `pos`, after `và`, when the name before it ends on the first part."""
    before = skeleton(text[max(0, name_end - 40) : name_end]).split()
    after = list(_WORD_RE.finditer(text, pos, min(len(text), pos + 40)))
    for left, right in _DOMAIN_PAIRS:
        if before[-len(left) :] == left and [skeleton(w.group()) for w in after[: len(right)]] == right:
            return after[len(right) - 1].end()
    return None


#: Lower-case words in a row a name may hold (`Cục Quản lý tài nguyên nước`) …
_LOWER_RUN = 5
#: … and how many more when its locality closes them (`Trung tâm Phục vụ hành chính công tỉnh`).
_LOWER_RUN_TO_LOCALITY = 2
_LOWER_WORD = regex.compile(rf"{_SP}(\p{{Ll}}[\p{{L}}\p{{M}}]*)")


def _locality_end(text: str, end: int) -> int | None:
    """End of the locality that closes a name at `end` (`… tỉnh`, `… xã`), not `tỉnh các cấp`."""
    loc = _LOCALITY_RE.match(text, end)
    return loc.end() if loc and not _CAC_CAP_WORD_AFTER.match(text, end, end + 8) else None


def _locality_ahead(text: str, end: int) -> int | None:
    """End of a name whose locality comes a few lower-case words after `end`."""
    for _ in range(_LOWER_RUN_TO_LOCALITY):
        w = _LOWER_WORD.match(text, end)
        if not w or _PREDICATE_RE.match(text, w.start(1)):
            return None
        end = w.end()
        if (loc_end := _locality_end(text, end)) is not None:
            return loc_end
    return None


#: A head inside a title, written either way (`Chánh Văn phòng`, `Trưởng phòng`).
_TITLE_HEAD_RE = regex.compile(_alts(PROPER_HEADS) + _END, _F)


def _office_at_title_end(text: str, title: regex.Match) -> int | None:
    """End of the office a title ends with, named on after it (`Chánh Văn phòng HĐND và UBND
    xã`, `Trưởng phòng Kinh tế`), or None: the title holds its office's head."""
    title_end = title.start() + len(title.group(0).rstrip())
    for w in _WORD_RE.finditer(text, title.start(), title_end):
        head = _TITLE_HEAD_RE.match(text, w.start())
        if w.start() > title.start() and head and head.end() == title_end:
            end = _proper_at(text, w.start(), (skeleton(head.group(0)), head.end()))
            return end if end is not None and end > head.end() else None
    return None


#: The field a deputy of the issuer's own head is in charge of (`Phó Hiệu trưởng phụ trách chuyên môn`,
#: `Phó Giám đốc phụ trách lĩnh vực công nghiệp`): a few words in small letters, up to the clause's verb.
_IN_CHARGE_RE = regex.compile(r"phụ\s+trách", _F)
_IN_CHARGE_WORDS = 6


def _in_charge_end(text: str, pos: int) -> int | None:
    """End of `phụ trách <field>` at `pos` when the clause's verb follows the field, or None."""
    m = _IN_CHARGE_RE.match(text, pos)
    if not m:
        return None
    end = m.end()
    for _ in range(_IN_CHARGE_WORDS):
        w = _LOWER_WORD.match(text, end)
        if not w:
            return None
        if end > m.end() and _PREDICATE_RE.match(text, w.start(1)):
            return end
        end = w.end()
    return None


def agency_at(text: str, pos: int, bare: bool = False) -> int | None:
    """End of the agency mention that starts exactly at `pos`, or None.

    `bare` also accepts a group without `các` (`sở, ngành liên quan`), which is
    only safe where an agency is expected, e.g. right after `phối hợp với`.
    """
    if pos >= len(text) or not text[pos].isalpha():
        return None
    if pos > 0 and (
        text[pos - 1].isalpha() or unicodedata.category(text[pos - 1]).startswith("M") or text[pos - 1] in "-/&"
    ):
        return None  # inside a word or a document symbol (`243/QĐ-UBND`)
    t = _TITLE_RE.match(text, pos)
    if t:
        if (end := _office_at_title_end(text, t)) is not None:
            return end
        # after a title an agency is expected, so a group needs no `các` (`Thủ trưởng cơ quan, đơn vị`)
        body = _core_at(text, t.end(), bare=True)
        return body if body is not None else _in_charge_end(text, t.end())
    if alone := _TITLES_ALONE_RE.match(text, pos):
        return alone.end()
    return _core_at(text, pos, bare)


#: A department head said once for several domains: `các Sở: Tài chính, Xây dựng`,
#: `các Bộ Công an, Quốc phòng`. Each domain is an agency of its own.
_SHARED_HEAD_RE = regex.compile(
    rf"(?:các|những){_SP}(?P<head>Sở|Bộ)(?:\s*,{_SP}?ngành)?(?P<colon>\s*:)?{_SP}(?-i:(?=\p{{Lu}}))", _F
)


def _shared_head(text: str, pos: int) -> tuple[str, list[tuple[int, int]]] | None:
    """The head and the domains' spans of a shared-head list starting at `pos`.

    Two domains at least, or one after a colon: `các Sở Tài chính` alone reads
    as written.
    """
    m = _SHARED_HEAD_RE.match(text, pos)
    if not m:
        return None
    domains: list[tuple[int, int]] = []
    p = m.end()
    while (end := domain_end(text, p)) is not None:
        domains.append((p, end))
        sep = _CHAIN_SEP_NO_SEMICOLON.match(text, end)
        if not sep:
            break
        p = sep.end()
    if len(domains) < (1 if m.group("colon") else 2):
        return None
    return m.group("head").capitalize(), domains


def agency_names(name: str) -> list[str]:
    """The canonical names a mention stands for: one, or each domain of a shared
    head (`các Sở: Tài chính, Xây dựng` → `Sở Tài chính`, `Sở Xây dựng`)."""
    shared = _shared_head(name, 0)
    if shared is None:
        c = canonical_agency(name)
        return [c] if c else []
    head, spans = shared
    return [canonical_agency(f"{head} {name[s:e]}") for s, e in spans]


def span_names(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The canonical names of the mentions at `spans` of `text`, in order, once each."""
    names: list[str] = []
    for s, e in spans:
        names.extend(n for n in agency_names(text[s:e]) if n not in names)
    return names


#: After a local government that no locality followed, a unit OCR misread (`Ủy ban nhân dân quân`, `Ủy ban
#: nhân dân các phương`), known by its letters: one word or two (`thành phô`).
_MISREAD_UNIT = regex.compile(rf"{_SP}(?:(?:các|những){_SP})?(?P<one>\p{{Ll}}+)(?:{_SP}(?P<two>\p{{Ll}}+))?")


def _misread_unit_end(text: str, end: int) -> int | None:
    """End of a unit OCR misread after a local government ending at `end`, or None."""
    m = _MISREAD_UNIT.match(text, end)
    if m and m.group("two") and unit_by_letters(f"{m.group('one')} {m.group('two')}"):
        return m.end("two")
    # one word only where it makes no word with the next (`quan tâm` is a verb)
    if (
        m
        and unit_by_letters(m.group("one"))
        and not (m.group("two") and makes_one_word(m.group("one"), m.group("two")))
    ):
        return m.end("one")
    return None


def _core_at(text: str, pos: int, bare: bool) -> int | None:
    m = _LOCAL_GOV_RE.match(text, pos)
    if m:
        return (_misread_unit_end(text, m.end()) if m.group("loc") is None else None) or m.end()
    if shared := _shared_head(text, pos):
        return shared[1][-1][1]
    m = None if _COMMITTEES_BY_LEVEL_RE.match(text, pos) else _LOCALITIES_RE.match(text, pos)
    if m and (bare or _group_ends(text, m.end())):
        return m.end()
    end = _proper_at(text, pos)
    if end is not None:
        return end
    m = _GROUP_RE.match(text, pos)
    if m and (owner := _owned_by(text, m.end())) is not None:
        return owner
    if m and (_group_ends(text, m.end()) or _CLOSING_MODIFIER.search(m.group())):
        return m.end()
    if m and bare and (end := _described_group_end(text, m.end())) is not None:
        return end
    if bare:
        m = _BARE_GROUP_RE.match(text, pos) or _BARE_LIST_RE.match(text, pos)
        if m and _group_ends(text, m.end()):
            return m.end()
    return None


#: `các đơn vị thuộc Bộ Công Thương`, `các đơn vị trực thuộc Sở`: a group and the body it belongs to.
_BELONGS_TO = regex.compile(rf"{_SP}(?:trực{_SP})?thuộc{_SP}")
#: The body a plan's issuer is, named by its head alone (`các đơn vị thuộc Bộ`, `các phòng thuộc
#: Trung tâm`, `các đơn vị thuộc Viện`): any head, so a unit of any kind can say it.
_OWN_BODY = regex.compile(rf"{_HEAD_RE.pattern}(?-i:(?!{_SP}\p{{Lu}}))", _F)


_MEMBERS_RE = regex.compile(r"thành\s+viên$", _F)


def _owned_by(text: str, end: int) -> int | None:
    """End of `… thuộc <body>` after a group, when a body follows `thuộc`."""
    m = _BELONGS_TO.match(text, end) or (_SP_RE.match(text, end) if text[end - 6 : end] == " thuộc" else None)
    if not m:
        # `các Ban Hội đồng nhân dân tỉnh`: a council's own organs, their owner named straight after;
        # `các thành viên Ban Chỉ đạo`: a committee's members, with any body.
        gap = _SP_RE.match(text, end)
        if gap is None:
            return None
        if _MEMBERS_RE.search(text, max(0, end - 12), end):
            head = _HEAD_RE.match(text, gap.end())  # the committee itself, named by its head (`Ban Chỉ đạo`)
            owner = agency_at(text, gap.end()) or ((_locality_end(text, head.end()) or head.end()) if head else None)
        else:
            council = _LOCAL_GOV_RE.match(text, gap.end())
            owner = council.end() if council else None
        return owner if owner is not None and _group_ends(text, owner) else None
    body = agency_at(text, m.end())
    if body is None and (own := _OWN_BODY.match(text, m.end())):
        body = own.end()
    return body if body is not None and _group_ends(text, body) else None


_NEXT_WORD = regex.compile(r"[ \t]+(?=\p{L})")
_VA = regex.compile(r"và(?!\p{L})")
_CAPITAL = regex.compile(r"\p{Lu}")


def _group_ends(text: str, end: int) -> bool:
    """A group stops before punctuation, `và`, a verb or another agency; a noun
    after it (`các ngành kinh tế`, `các đơn vị hành chính`) shows it was no group."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return True
    nxt = m.end()
    return (
        bool(_PREDICATE_RE.match(text, nxt))
        or _VA.match(text, nxt, nxt + 3) is not None
        or _CAPITAL.match(text, nxt, nxt + 1) is not None
        or agency_at(text, nxt) is not None
    )


#: Words that may describe a group's members where a partner is expected
#: (`các doanh nghiệp viễn thông`, `các tổ chức tín dụng`): never a predicate.
_DESCRIBING_WORDS = 3


def _described_group_end(text: str, end: int) -> int | None:
    """End of a group whose kind a word or two describe, where a predicate, `và`,
    punctuation or another agency follows them (`phối hợp với các doanh nghiệp
    viễn thông triển khai …`); None when no such end comes."""
    for _ in range(_DESCRIBING_WORDS):
        w = _LOWER_WORD.match(text, end)
        if w is None or _PREDICATE_RE.match(text, w.start(1)):
            return None
        end = w.end()
        if _group_ends(text, end):
            return end
    return None


#: Between the agencies of a list.
_CHAIN_SEP = regex.compile(rf"\s*(?:[,;]\s*(?:và{_SP})?|{_SP}và{_SP}|{_SP}cùng{_SP})")
_CHAIN_SEP_NO_SEMICOLON = regex.compile(rf"\s*(?:,\s*(?:và{_SP})?|{_SP}và{_SP}|{_SP}cùng{_SP})")


def agency_chain(text: str, pos: int, bare: bool = False, semicolons: bool = True) -> list[tuple[int, int]]:
    """Spans of the list of agencies starting at `pos` (`A, B và các C`).

    `semicolons=False` for objects (`phối hợp với A; B chủ trì …`), where a
    semicolon ends the clause rather than the list item.
    """
    sep_re = _CHAIN_SEP if semicolons else _CHAIN_SEP_NO_SEMICOLON
    out: list[tuple[int, int]] = []
    p = pos
    while True:
        e = agency_at(text, p, bare=bare)
        if e is None:
            break
        out.append((p, e))
        m = sep_re.match(text, e)
        if not m or agency_at(text, m.end(), bare=bare) is None:
            break
        p = m.end()
    return out


_WORD_START = regex.compile(r"(?<![\p{L}\p{M}\d])\p{L}")


def find_agencies(text: str) -> list[tuple[int, int, str]]:
    """Every agency mention in `text` as `(start, end, canonical name)`."""
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _WORD_START.search(text, pos)
        if not m:
            break
        s = m.start()
        e = agency_at(text, s)
        if e is not None and e > s:
            out.append((s, e, canonical_agency(text[s:e])))
            pos = e
        else:
            w = _WORD_RE.match(text, s)
            pos = w.end() if w else s + 1
    return out


#: Where a list of agencies may be cut: `;`, `,`, `và`, `/`, a line break.
_SPLIT_SEP = regex.compile(rf"\s*(?:[;,/\n]\s*(?:và{_SP})?|{_SP}và{_SP})")


def split_agencies(text: str) -> list[str]:
    """A written list of agencies (a table cell, a heading) → canonical names.

    Cuts only where the next words open another agency, so the internal commas
    of `Sở Văn hóa, Thể thao và Du lịch` and of `Ủy ban nhân dân các huyện,
    thành phố` stay inside their names.
    """
    if not text or not text.strip():
        return []
    seps = []
    for m in _SPLIT_SEP.finditer(text):
        if m.start() == 0:
            continue
        if m.group(0).strip().startswith(";") or "\n" in m.group(0) or agency_at(text, m.end()) is not None:
            seps.append((m.start(), m.end()))
    pieces: list[tuple[int, int]] = []
    start = 0
    name_end = agency_at(text, start) or 0  # the name the current piece opens with
    for a, b in seps:
        if a < start or ("\n" not in text[a:b] and (name_end > b if ";" in text[a:b] else name_end > a)):
            continue  # inside one name: `Văn phòng HĐND và UBND xã`, OCR's `các huyện; thành phố`
        pieces.append((start, a))
        start = b
        name_end = agency_at(text, start) or 0
    pieces.append((start, len(text)))
    return span_names(text, pieces)


# ---------------------------------------------------------------- canonical names

#: Heads respelt the one way (`Chi Cục` → `Chi cục`, `Uỷ ban` → `Ủy ban`).
_CANONICAL_HEADS = [
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc",
    "Bộ Chỉ huy",
    "Ban Chỉ huy",
    "Ban Chỉ đạo",
    "Ban Quản lý",
    "Tổng cục",
    "Chi cục",
    "Tổng Công ty",
    "Công ty",
    "Trung tâm",
    "Văn phòng",
    "Công an",
    "Kho bạc",
    "Bộ Tư lệnh",
]
_CANONICAL_HEAD_RE = regex.compile(
    r"^(?:(?P<title>" + _alts(PERSON_TITLES) + r")\s+)?(?P<head>" + _alts(_CANONICAL_HEADS) + ")" + _END, _F
)
_HEAD_BY_KEY = by_letters(_CANONICAL_HEADS)


#: Heads and group nouns of two or more syllables anywhere in a name, their tones as OCR misreads
#: them (`Ngân hàng … Chỉ nhánh thành phố`, `thị ủy, đẳng ủy trực thuộc`, `các chỉ bộ trực thuộc`):
#: respelt by their letters.
_MARKED_HEADS = by_letters([h for h in (*_CANONICAL_HEADS, *PROPER_HEADS, *GROUP_NOUNS) if " " in h])
_MARKED_HEAD_RE = regex.compile(
    r"(?<!\p{L})(?:"
    + "|".join(loose(h) for h in sorted(_MARKED_HEADS.values(), key=len, reverse=True))
    + r")(?!\p{L})",
    regex.IGNORECASE,
)


def _respell_heads(name: str) -> str:
    def one(m: regex.Match) -> str:
        written, head = m.group(), _MARKED_HEADS.get(skeleton(m.group()))
        if head is None or head.lower() == written.lower():
            return written
        if written.isupper():
            return head.upper()
        return head if written[0].isupper() else head[0].lower() + head[1:]

    return _MARKED_HEAD_RE.sub(one, name)


_ROLE_NOTE = regex.compile(r"\s*\((?:chủ\s+trì|phối\s+hợp|cơ\s+quan\s+chủ\s+trì|thường\s+trực)\)\s*$", _F)


_AGENCY_TIDY = regex.compile(
    r"(?P<head>(?<![\p{L}])(?:(?i:Sở|Bộ|Phòng)|" + _SO_LOOKALIKE + r"))"
    r"\s+(?P<abbr>\p{Lu}[\p{Lu}]*(?:\s?[&,\-–]\s?\p{Lu}+)*)(?![\p{L}\d])"
)
#: A `Sở`/`Bộ` followed by its domain (`Sở Tài nguyên và Môi trường`), and a district's
#: `Phòng`, which bears a department's domain (`Phòng Tài nguyên và Môi trường`).
#: Written lower-case the head counts only where the name starts: inside the name it is
#: part of a word (`cơ sở y tế`, `cán bộ tư pháp`, `dự phòng y tế`).
_DOMAIN_AGENCY = regex.compile(
    r"(?P<head>^(?:Sở|Bộ|Phòng)|(?<![\p{L}])(?-i:Sở|Bộ|Phòng|"
    + _SO_LOOKALIKE
    + r"))\s+(?P<dom>"
    + _DOMAIN_RE.pattern
    + ")",
    _F,
)
_PLURAL_LEAD = regex.compile(r"(?:Các|Những)\s")


#: An administrative unit and the place after it, in a name written in capitals and lower-cased.
_UNITS = "|".join(sorted((n for n in LOCALITY_NOUNS if n not in ("địa phương", "quốc gia")), key=len, reverse=True))
_UNIT_PLACE = regex.compile(rf"(?<![\p{{L}}])(?P<unit>{_UNITS})\s+(?P<place>[^,;()]+?)\s*(?=$|[,;(])")
#: Abbreviations keep their capitals: a name holding one is left as written.
_HAS_ABBREVIATION = regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(p for p, _ in ABBREVIATIONS) + r")(?![\p{L}\d])|&")


def from_capitals(name: str) -> str:
    """`SỞ TÀI CHÍNH` → `Sở tài chính` (the domain is respelled after), `CÔNG AN TỈNH KON TUM` →
    `Công an tỉnh Kon Tum`: capitals are a heading's style, not the name's spelling."""
    low = name.lower()
    low = low[:1].upper() + low[1:]
    m = _CANONICAL_HEAD_RE.match(low)
    head = _HEAD_BY_KEY.get(skeleton(m.group("head"))) if m else None
    if m and head:
        # `Ban Quản lý …`: the head's own capitals; what a head names is a proper name (`Khu kinh tế`).
        tail = low[m.end("head") :]
        names = tail[:1] == " " and not _LOCALITY_RE.match(tail)  # not `… tỉnh`, `… các huyện`
        low = low[: m.start("head")] + head + (tail[:1] + tail[1:2].upper() + tail[2:] if names else tail)
    return _UNIT_PLACE.sub(lambda m: f"{m['unit']} {place_name(m['place']) or m['place']}", low)


_JUNK_TOKEN = regex.compile(rf"(?!—){OCR_JUNK}+")
#: OCR's colon or semicolon between two words of one name: a speck in a word, a comma (a name's own
#: marks are commas).
_OCR_COLON_INSIDE = regex.compile(r"(?<=\p{Ll})\s*:\s*(?=\p{Ll})")
_OCR_SEMICOLON_INSIDE = regex.compile(r"(?<=\p{Ll})\s*,?\s*;\s*(?=\p{Ll})")
#: A lone letter after a name of two words or more: no name ends on one.
_LONE_LETTER_AT_END = regex.compile(r"(?<=\p{L}\s+\p{L}+)\s+\p{Ll}\p{M}*$")


#: A department's name OCR damaged: `Sở` or `Bộ`, then as many words as a domain has.
_HEAD_AND_WORDS = regex.compile(r"^(?P<head>Sở|Bộ)\s+(?P<dom>\p{Lu}[\p{L}\p{M}]*(?:[ ,\-–]+[\p{L}\p{M}]+)+)$")
#: The share of a domain's letters OCR may have misread (`Phát triển ma thôn` for `nông thôn`):
#: the decrees' domains differ from each other by far more.
_DOMAIN_DAMAGE = 0.12


def _ocr_domain(name: str) -> str:
    """`Sở Nông nghiệp và Phát triển ma thôn` → `Sở Nông nghiệp và Phát triển nông thôn`: a
    department whose domain OCR damaged, matched to the closest of the decrees' domains."""
    m = _HEAD_AND_WORDS.match(name)
    if not m or _DOMAIN_RE.fullmatch(m.group("dom")):
        return name
    key = _domain_key(m.group("dom"))
    best = min(_DOMAIN_BY_KEY, key=lambda k: Levenshtein.distance(key, k))
    within = Levenshtein.distance(key, best) <= _DOMAIN_DAMAGE * len(best)
    return f"{m.group('head')} {_DOMAIN_BY_KEY[best]}" if within and len(key.split()) == len(best.split()) else name


#: A body that is named with its locality's unit after it (`Ủy ban nhân dân`, `Ủy ban Mặt trận Tổ quốc
#: Việt Nam`, `Công an`, `Đảng ủy`), then one or two words at the name's end.
_UNIT_AFTER_BODY = regex.compile(
    rf"(?:{LOCAL_GOV}|(?i:Việt{_SP}Nam)|(?:{_alts(LOCALITY_HEADS)}){_END}){_SP}(?:(?:các|những){_SP})?"
    rf"(?P<unit>\S+(?:{_SP}\S+)?)$"
)


def _respell_unit_at_end(name: str) -> str:
    """`Ủy ban Mặt trận Tổ quốc Việt Nam phương` → `… phường`: the unit a body is named with, its tone
    misread by OCR, respelt by its letters (only there: elsewhere `phương`, `xa`, `quan` are words)."""
    m = _UNIT_AFTER_BODY.search(name)
    if not m or (unit := unit_by_letters(m.group("unit"))) is None:
        return name
    return name[: m.start("unit")] + unit


@memo()
def canonical_agency(name: str) -> str:
    """One spelling per agency: NFC, tone marks, spaces, abbreviations expanded.

    `UBND tỉnh` → `Ủy ban nhân dân tỉnh`; `Sở TN&MT` → `Sở Tài nguyên và Môi
    trường`; `Chi Cục Thống kê` → `Chi cục Thống kê`; `Các sở, ban ngành` →
    `các sở, ban ngành`. Otherwise the name stays as written.
    """
    if not name:
        return ""
    s = normalize_tone_marks(unicodedata.normalize("NFC", name))
    s = " ".join(t for t in s.split() if not _JUNK_TOKEN.fullmatch(t))  # `các _ huyện`: a cell border's speck
    s = _OCR_COLON_INSIDE.sub(" ", _OCR_SEMICOLON_INSIDE.sub(", ", s))  # `thành: phố`, `các huyện; thành phố`
    s = _LONE_LETTER_AT_END.sub("", s)  # `… thành phố ị`: a speck read as a letter
    s = _ROLE_NOTE.sub("", s)
    s = s.strip(" .,;:-–—*")
    if len(s.split()) > 1 and is_caps(s, share=1.0) and not _HAS_ABBREVIATION.search(s):
        s = from_capitals(s)
    for pattern, repl in _ABBREVIATIONS_RE:
        s = pattern.sub(repl, s)

    # `Sở TN&MT`, `Bộ KH&ĐT`: domain abbreviations after a department head.
    def _domain(m):
        d = _abbr_domain(m.group("abbr"))
        if not d or _abbr_prefix(m.group("abbr")) != m.group("abbr"):
            return m.group(0)
        head = "Sở" if _SO_LOOKALIKE_RE.match(m.group("head") + " ") else m.group("head").capitalize()
        return f"{head} {d}"  # `Sớ GD&ĐT`: OCR's `Sở` before a domain's abbreviation too

    s = _AGENCY_TIDY.sub(_domain, s)

    # Department domains in their official spelling (`Sở Công thương` → `Sở Công Thương`).
    def _respell(m):
        dom = _DOMAIN_BY_KEY.get(_domain_key(m.group("dom")))
        head = "Sở" if _SO_LOOKALIKE_RE.match(m.group(0)) else m.group("head").capitalize()
        return f"{head} {dom}" if dom else m.group(0)

    s = _DOMAIN_AGENCY.sub(_respell, s)
    s = _ocr_domain(_respell_heads(s))
    m = _CANONICAL_HEAD_RE.match(s)
    if m:
        head = _HEAD_BY_KEY.get(skeleton(m.group("head")))
        if head:
            s = s[: m.start("head")] + head + s[m.end("head") :]
    s = _respell_unit_at_end(s)
    if _PLURAL_LEAD.match(s):
        s = s[0].lower() + s[1:]
    if _LOCALITIES_RE.fullmatch(s):
        s = "Ủy ban nhân dân các" + s[s.index(" ") :]
    return s
