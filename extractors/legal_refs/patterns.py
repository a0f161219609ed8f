"""The pieces every step matches with: type words, số hiệu, dates, issuers, law titles.

Written on the folded text where OCR confuses diacritics (see `tokenize`).
"""

from __future__ import annotations

import regex

from extractors.text.dates import DAY, MONTH, NUMERIC_DATE, YEAR

# Type words, written folded (see `fold`), longest alternatives first; the
# value is the SPEC ref_type.
_TYPE_WORDS: list[tuple[str, str]] = [
    (r"bo\s+luat", "bo_luat"),
    (r"luat", "luat"),
    (r"nghi\s+quyet(?:\s+lien\s+tich)?", "nghi_quyet"),
    (r"nghi\s+dinh", "nghi_dinh"),
    (r"quyet\s+dinh(?:\s+lien\s+tich)?", "quyet_dinh"),
    (r"chi\s+thi", "chi_thi"),
    (r"thong\s+tu(?:\s+lien\s+tich)?", "thong_tu"),
    (r"thong\s+bao(?:\s+ket\s+luan)?", "thong_bao"),
    (r"ket\s+luan", "ket_luan"),
    (r"ke\s+hoach(?:\s+hanh\s+dong|\s+lien\s+tich|\s+lien\s+nganh)?", "ke_hoach"),
    # a joint act, which names its issuers together (`Chương trình phối hợp số 01/CTPH-UBND-MTTQ`)
    (r"chuong\s+trinh(?:\s+hanh\s+dong|\s+phoi\s+hop|\s+lien\s+tich)?", "chuong_trinh"),
    (r"de\s+an", "de_an"),
    # `Văn bản hợp nhất số 15/VBHN-BCT`: a consolidated text is named with the same word
    (r"cong\s+van|van\s+ban(?:\s+hop\s+nhat)?", "cong_van"),
    (r"huong\s+dan(?:\s+lien\s+tich)?", "huong_dan"),
    (r"to\s+trinh|bao\s+cao|phap\s+lenh|cong\s+dien|quy\s+che(?:\s+phoi\s+hop)?|quy\s+dinh|thong\s+tri", "other"),
]

TYPE_OF = [(regex.compile(rf"(?i){p}\Z"), t) for p, t in _TYPE_WORDS]

#: Between the words of a type word OCR sometimes leaves a dash or dot
#: (`Quyết - định`).
_TYPE_SPACE = r"(?:\s*[-_.]\s*|\s+)"

TYPE_WORD = "(?:" + "|".join(p.replace(r"\s+", _TYPE_SPACE) for p, _ in _TYPE_WORDS) + ")"

#: OCR debris that may sit between the parts of a reference (`số - 24-NQ/TW`,
#: `133-KH/TU _ ngày`, `ngày. 18 tháng`).
_DEBRIS = r"[\s.,:;_\-–]*"

#: `số`, `số:`, OCR `sô` – folded.
_SO = r"(?:[\s_.\-–]*\s_?so[\s:.\-_–]*|\s*)"

#: A typed reference's head on the folded text: type word, optional `số`.
TYPED_HEAD_RE = regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?P<type>{TYPE_WORD}){_SO}(?=\d)")

# Number and symbol, matched on the original text.  A separator may carry one
# stray OCR space on one side (`1756/QĐ- TTg`, `182 /KH-UBND`) but not both,
# so `24-NQ/TW - Ban …` stops at `TW`.
SEP = r"(?:[/\-–]\s?|\s[/\-–])(?:[/\-–]\s?)?"

#: A symbol part: capital first, then capitals (Vietnamese ones too, as a joint
#: resolution's `ĐCTUBTƯMTTQVN`), digits and at most a couple of ASCII
#: lower-case letters (`TTg`, `CTr`, `QĐi`); `QH15`, `TN&MT`.  OCR may
#: read an initial S or B as 5 or 8 (`5TC-TH`) or drop in an apostrophe
#: (`T'Tg`); `normalize_symbol` repairs both.
_PART = r"(?:[A-ZĐÐ]|[58](?=[A-ZĐ]))(?:[A-ZĐÐƯƠÂĂÊÔa-z0-9&]|'(?=[A-Za-z])){0,15}"

NUMBER_SYMBOL = (
    rf"(?<!\d)(?P<number>\d{{1,6}})"
    rf"(?:{SEP}(?P<numyear>(?:19|20)\d{{2}}))?"
    rf"{SEP}(?P<symbol>{_PART}(?:{SEP}{_PART})*)(?![\p{{L}}\d&])"
)

NUMBER_SYMBOL_RE = regex.compile(NUMBER_SYMBOL)

#: Date right after a number or a law title: `, ngày 03 tháng 6 năm 2013`,
#: `ngày 11-6-2020`.  Matched on the folded text and tolerant of OCR debris
#: (`ngày. 18 tháng 12`, `tháng 6ì năm`, `01.năm`).
FOLDED_DATE = (
    rf"ngay{_DEBRIS}{DAY}{_DEBRIS}thang{_DEBRIS}{MONTH}[a-z]?{_DEBRIS}(?:nam|,){_DEBRIS}{YEAR}(?!\d)"
    rf"|(?:ngay\s*)?{NUMERIC_DATE}"
)

DATE_AFTER_RE = regex.compile(rf"(?i)[\s,_\-–]*(?:ban\s+hanh\s+)?(?:{FOLDED_DATE})")

#: `năm 2024` after a law title.
YEAR_AFTER_RE = regex.compile(r"(?i)\s*,?\s*năm\s+(?P<year>(?:19|20)\d{2})(?!\d)")

#: `của` / `do` introducing the issuer.
#: `của`, `do`, and `giữa`, which names the parties of a joint act (`… giữa Ủy ban nhân dân tỉnh và …`).
ISSUER_LEAD_RE = regex.compile(r"[\s.,_\-–]*?\s(?P<w>cua|do|giua)\s+")

#: Elements of a list that share one type word: `, 55-NQ/TW`, ` và số 68/QĐ-TTg`.
LIST_LINK_RE = regex.compile(r"(?i)\s*(?:,\s*và|,|;|và|hoặc)\s*(?:số\s*:?\s*)?")

#: The document's own số hiệu on its header line.
OWN_NUMBER_RE = regex.compile(rf"(?m)^\s*Số\s*:?\s*{NUMBER_SYMBOL}")

#: Words that start an issuing body.  Used to tell an issuer from the clause
#: that follows, and to look back for one (`của Sở Tài chính tại …`).
AGENCY_HEAD = (
    r"(?:Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Ủy\s+ban|Uỷ\s+ban|UBND|Hội\s+đồng|HĐND|"
    r"Bộ|Sở|Ban|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|Đảng\s+ủy|Cục|Tổng\s+cục|Chi\s+cục|"
    r"Văn\s+phòng|Ngân\s+hàng|Kho\s+bạc|Thanh\s+tra|Công\s+an|Liên\s+[Bb]ộ|Liên\s+[Ss]ở|"
    r"Trung\s+ương|Tòa\s+án|Viện|Kiểm\s+toán|Mặt\s+trận|BCH|BTV|TTg|TTCP)"
)

AGENCY_HEAD_RE = regex.compile(rf"{AGENCY_HEAD}(?![\p{{L}}])")

#: A person's office before the body they speak for: `Giám đốc Sở Tài chính`.
_PERSON_TITLE = (
    r"(?:(?:Phó\s+)?(?:Giám\s+đốc|Chủ\s+tịch|Trưởng\s+ban|Chánh\s+Văn\s+phòng|Thủ\s+trưởng|"
    r"Bộ\s+trưởng|Cục\s+trưởng|Viện\s+trưởng|Chi\s+cục\s+trưởng|Trưởng\s+phòng))"
)

LOOKBACK_ISSUER_RE = regex.compile(
    rf"(?:{_PERSON_TITLE}\s+)?(?P<agency>{AGENCY_HEAD}[^\n\t,;.()“”\"]{{0,70}}?)\s+"
    r"(?:(?:đã\s+)?(?:phê\s+duyệt|ban\s+hành|chỉ\s+đạo|thông\s+qua|quyết\s+định)\s+)?tại\s*"
)

LOOKBACK_LEAD_RE = regex.compile(r"(?<![\p{L}])(?:của|được|do)\s+")

#: Lower-case words and phrases that end an issuer: what follows a body's
#: name is its action (`ban hành`, `thực hiện`), the subject (`về`), or a
#: new clause.
ISSUER_STOPS = regex.compile(
    r"(?:về|tại|theo|trong|đã|được|nhằm|để|với|cho|trên|thì|là|này|có|hoặc|khi|của|"
    r"đến|từ|sau|trước|các|những|kèm|gửi|số|phải|cần|sẽ|đang|vừa|mới|nêu|ngày|năm|"
    r"giai\s+đoạn|đối\s+với|hướng\s+tới|ban\s+hành|phê\s+duyệt|quy\s+định|sửa\s+đổi|"
    r"bổ\s+sung|hướng\s+dẫn|thực\s+hiện|triển\s+khai|tổ\s+chức|chỉ\s+đạo|tiếp\s+tục|"
    r"xây\s+dựng|thông\s+qua|quyết\s+định|yêu\s+cầu|giao|và|hết|như)(?![\p{L}])"
)

#: The verbs a referenced act's title opens with (`… quy định về …`, `… ban hành Quy chế …`).
TITLE_VERBS = r"ban\s+hành|phê\s+duyệt|quy\s+định|sửa\s+đổi|bổ\s+sung|hướng\s+dẫn"
#: A title's verb written with a capital right after the issuer (`… của Chính phủ Quy định về
#: xử phạt …`, `… của Bộ Công Thương Hướng dẫn …`): the title opens, the issuer has ended.
TITLE_OPENING_CAPITAL = regex.compile(rf"(?=\p{{Lu}})(?i:{TITLE_VERBS}|về)(?![\p{{L}}])")

#: The two-word verbs again, folded, for OCR's `sửa đối`, `ban hãnh`.
ISSUER_STOPS_FOLDED = regex.compile(
    r"(?:ban|phe|quy|sua|bo|huong|thuc|trien|chi|tiep|xay|thong|yeu)\s+"
    r"(?:hanh|duyet|dinh|doi|sung|dan|hien|khai|dao|tuc|dung|qua|cau)(?![a-z])"
)

#: Abbreviations written out in issuers (`UBND tỉnh` → `Ủy ban nhân dân tỉnh`).
_ABBREVIATIONS: list[tuple[str, str]] = [
    (r"UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    (r"UBND", "Ủy ban nhân dân"),
    (r"HĐND", "Hội đồng nhân dân"),
    (r"BCH\s*TW|BCHTW", "Ban Chấp hành Trung ương"),
    (r"BCH", "Ban Chấp hành"),
    (r"BTV", "Ban Thường vụ"),
    (r"TTg|TTCP", "Thủ tướng Chính phủ"),
    (r"BCT", "Bộ Chính trị"),
    (r"BBT", "Ban Bí thư"),
    (r"CP", "Chính phủ"),
    (r"QH", "Quốc hội"),
    (r"TW", "Trung ương"),
    (r"TU", "Tỉnh ủy"),
    (r"TN\s*&\s*MT|TNMT", "Tài nguyên và Môi trường"),
    (r"KH\s*&\s*ĐT|KHĐT", "Kế hoạch và Đầu tư"),
    (r"NN\s*&\s*PTNT|NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    (r"GTVT", "Giao thông vận tải"),
    (r"TT\s*&\s*TT|TTTT", "Thông tin và Truyền thông"),
    (r"GD\s*&\s*ĐT|GDĐT", "Giáo dục và Đào tạo"),
    (r"KH\s*&\s*CN|KHCN", "Khoa học và Công nghệ"),
    (r"LĐ-TB\s*&\s*XH|LĐTBXH", "Lao động - Thương binh và Xã hội"),
    (r"VHTTDL|VH,\s*TT\s*&\s*DL", "Văn hóa, Thể thao và Du lịch"),
]

ABBREVIATION_RES = [(regex.compile(rf"(?<![\p{{L}}&]){a}(?![\p{{L}}&])"), full) for a, full in _ABBREVIATIONS]

#: National laws whose titles contain words that otherwise end a title
#: (`theo`, `và`, a comma, `ban hành`).  Matched case-insensitively, longest
#: first; any other title is read word by word (`_heuristic_law_name`).
KNOWN_LAWS = [
    "đầu tư theo phương thức đối tác công tư",
    "ban hành văn bản quy phạm pháp luật",
    "tổ chức chính quyền địa phương",
    "tài nguyên, môi trường biển và hải đảo",
    "bảo vệ và phát triển rừng",
    "bảo vệ và kiểm dịch thực vật",
    "đo đạc và bản đồ",
    "phòng, chống thiên tai",
    "phòng, chống tham nhũng",
    "phòng, chống ma túy",
    "phòng, chống bạo lực gia đình",
    "phòng, chống tác hại của thuốc lá",
    "phòng, chống tác hại của rượu, bia",
    "phòng cháy và chữa cháy",
    "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "khoa học và công nghệ",
    "khoa học, công nghệ và đổi mới sáng tạo",
    "thực hành tiết kiệm, chống lãng phí",
    "quản lý, sử dụng tài sản công",
    "sử dụng năng lượng tiết kiệm và hiệu quả",
    "tiêu chuẩn và quy chuẩn kỹ thuật",
    "chất lượng sản phẩm, hàng hóa",
    "khám bệnh, chữa bệnh",
    "khiếu nại, tố cáo",
    "phổ biến, giáo dục pháp luật",
    "thể dục, thể thao",
    "thi đua, khen thưởng",
    "cán bộ, công chức",
    "trật tự, an toàn giao thông đường bộ",
    "an toàn, vệ sinh lao động",
    "hỗ trợ doanh nghiệp nhỏ và vừa",
    "phí và lệ phí",
    "địa chất và khoáng sản",
    "quy hoạch đô thị và nông thôn",
    "quy hoạch đô thị",
    "quy hoạch",
    "đất đai",
    "xây dựng",
    "đầu tư công",
    "đầu tư",
    "đấu thầu",
    "ngân sách nhà nước",
    "bảo vệ môi trường",
    "tài nguyên nước",
    "khoáng sản",
    "lâm nghiệp",
    "thủy lợi",
    "thủy sản",
    "trồng trọt",
    "chăn nuôi",
    "đa dạng sinh học",
    "khí tượng thủy văn",
    "đê điều",
    "tổ chức chính phủ",
    "tổ chức quốc hội",
    "viên chức",
    "doanh nghiệp",
    "hợp tác xã",
    "nhà ở",
    "kinh doanh bất động sản",
    "giao thông đường bộ",
    "đường bộ",
    "đường sắt",
    "giao thông đường thủy nội địa",
    "điện lực",
    "hóa chất",
    "an toàn thực phẩm",
    "giáo dục nghề nghiệp",
    "giáo dục đại học",
    "giáo dục",
    "bảo hiểm y tế",
    "bảo hiểm xã hội",
    "việc làm",
    "chuyển giao công nghệ",
    "công nghệ thông tin",
    "an toàn thông tin mạng",
    "an ninh mạng",
    "giao dịch điện tử",
    "viễn thông",
    "báo chí",
    "tiếp cận thông tin",
    "du lịch",
    "di sản văn hóa",
    "quốc phòng",
    "an ninh quốc gia",
    "dân quân tự vệ",
    "nghĩa vụ quân sự",
    "biên giới quốc gia",
    "xử lý vi phạm hành chính",
    "thanh tra",
    "tiếp công dân",
    "người cao tuổi",
    "người khuyết tật",
    "trẻ em",
    "bình đẳng giới",
    "thủ đô",
    "kế toán",
    "thống kê",
    "kiểm toán nhà nước",
    "giá",
    "quản lý thuế",
    "hải quan",
    "đo lường",
    "thương mại",
    "căn cước",
    "cư trú",
    "hộ tịch",
    "tín ngưỡng, tôn giáo",
    "lưu trữ",
    "thú y",
    "quản lý nợ công",
    "thanh niên",
    "điều ước quốc tế",
    "quản lý ngoại thương",
    "các tổ chức tín dụng",
    "tiết kiệm, chống lãng phí",
]

KNOWN_LAW_RE = regex.compile(
    r"(?i)(?:"
    + "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in sorted(KNOWN_LAWS, key=len, reverse=True))
    + r")(?![\p{L}\p{N}])"
)

#: A capitalised `Luật` (or `Bộ luật`) – lower-case `luật` is the generic word.
LAW_HEAD_RE = regex.compile(r"(?<![\p{L}\p{N}])(?P<type>Bo\s+[Ll]uat|Luat)\s+(?=\S)")

#: `sửa đổi, bổ sung một số điều của …` – an amending law's title.
AMENDING_RE = regex.compile(r"(?i)sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?\s+")

N_LAWS_RE = regex.compile(r"(?i)\d+\s+luật(?![\p{L}])")

#: Words that end a law title read word by word.
LAW_STOPS = regex.compile(
    r"(?:và|đã|được|theo|về|để|nhằm|có|hiện|quy|đảm|bảo\s+đảm|trong|trên|tại|của|cho|với|thì|"
    # `số` ends a title only before its number: `Luật Chuyển đổi số ngày …` is a title.
    r"là|các|những|này|mới|sửa|khi|hoặc|do|cũng|như|phải|sẽ|đang|ngày|năm|số(?=\s*:?\s*\d)|đối|nêu|"
    r"hướng|áp|thi|từ|đến|sau|trước)(?![\p{L}])"
)

#: First words that make `Luật …` something other than a law (`Luật sư`).
NOT_LAW_FIRST = {"sư", "gia", "pháp", "hóa", "hoá", "lệ", "này", "chơi", "học", "số"}

#: Document codes that open a số hiệu's symbol, for references whose type
#: word OCR garbled (`Tuệ định 1161/QĐ-UBND`).
SYMBOL_TYPES = {
    "QĐ": "quyet_dinh",
    "NQ": "nghi_quyet",
    "NĐ": "nghi_dinh",
    "CT": "chi_thi",
    "TT": "thong_tu",
    "TTLT": "thong_tu",
    "KL": "ket_luan",
    "KH": "ke_hoach",
    "CTR": "chuong_trinh",
    "CTHĐ": "chuong_trinh",
    "ĐA": "de_an",
    "TB": "thong_bao",
    "HD": "huong_dan",
    "BC": "other",
    "TTR": "other",
    "QĐI": "other",
}
