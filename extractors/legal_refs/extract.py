"""Legal references: the other documents a plan cites, one row per mention.

A reference is either *numbered* (`Quyết định số 1055/QĐ-TTg ngày 20 tháng 7
năm 2020 của Thủ tướng Chính phủ`, `Nghị quyết 24-NQ/TW`, `Nghị định số
118/2014/NĐ-CP`) or a *law named by its title* (`Luật Quy hoạch ngày 24 tháng
11 năm 2017`, `Luật Đất đai năm 2024`).  Programmes named without a number
(`Thỏa thuận Paris`, `Nghị quyết Trung ương 7 khóa XI`) are not references.

The work is done in eyecite's four steps:

1. tokenize – a *folded* shadow of the text (diacritics and case stripped,
   one character per character, so offsets agree) lets type words survive OCR
   confusions such as `Quyêt định`, `sô`;
2. find     – type word + number/symbol, lists that share a type word
   (`Nghị quyết số 24-NQ/TW, 55-NQ/TW`), law titles, and – for a type word
   OCR garbled – a số hiệu whose symbol opens with a document code (`QĐ`,
   `NQ` …) and is followed by a date or issuer;
3. resolve  – the tail of each mention: issue date, `của <issuer>`, the
   `về …` subject clause; an issuer named before (`… của Sở Tài chính tại
   Công văn số …`, `được Thủ tướng Chính phủ phê duyệt tại Quyết định …`);
4. annotate – relation (`can_cu`, `implements`, `mention`), then facts a
   short mention leaves out are taken from another mention of the same key.

Relation rules (they look at where a mention sits, never at what it names):

* `can_cu`: a preamble paragraph opening with `Căn cứ`, `Theo đề nghị`,
  `Xét đề nghị`; within it each `;`-separated item's first reference and the
  ones coordinated with it (`…, ` / `… và …`).  References nested inside
  another one's subject clause or law title (`Nghị định 22 … sửa đổi … Nghị
  định 37`) are only mentioned there.
* `implements`: the document title (the line after the kind line `KẾ HOẠCH`,
  `QUYẾT ĐỊNH`, … or a `V/v` line) and preamble paragraphs opening with
  `Thực hiện` / `Triển khai` / `Để thực hiện` / `Quán triệt`.  Inside those the
  chain is followed through the verbs that say "carry out" – a reference
  directly after `thực hiện`, `triển khai`, `quán triệt`, `thi hành` or `về`
  (a plan *về* a directive carries the directive out), or coordinated with one
  that is (`, ` `và` `;`), or the act that holds what is carried out
  (`Thực hiện ý kiến chỉ đạo … tại Công văn số …`, `… đã được phê duyệt tại
  Quyết định số …`) while nothing else broke the chain.  One introduced by
  `theo`, `quy định tại`, `gọi tắt là` … is context, not the thing carried out.
* A key's relation is the strongest of its mentions (implements > can_cu >
  mention), so a later short mention of an implemented directive says
  `implements` too.

Without a section tree the preamble is everything before the first labelled
line (`I.`, `1.`, `Điều 1`); with one, sections of kind `preamble`.
"""
from __future__ import annotations

import datetime as _dt
import unicodedata
from dataclasses import dataclass

import regex

from extractors.text.dates import DAY, MONTH, NUMERIC_DATE, YEAR, make_date
from extractors.text.fold import fold  # noqa: F401  (re-exported: other modules use legal_refs.fold)
from schemas import LegalRef

# ---------------------------------------------------------------- tokenize


# ---------------------------------------------------------------- pieces
# Type words, written folded (see `fold`), longest alternatives first; the
# value is the SPEC ref_type.
_TYPE_WORDS: list[tuple[str, str]] = [
    (r"bo\s+luat", "bo_luat"),
    (r"luat", "luat"),
    (r"nghi\s+quyet(?:\s+lien\s+tich)?", "nghi_quyet"),
    (r"nghi\s+dinh", "nghi_dinh"),
    (r"quyet\s+dinh", "quyet_dinh"),
    (r"chi\s+thi", "chi_thi"),
    (r"thong\s+tu(?:\s+lien\s+tich)?", "thong_tu"),
    (r"thong\s+bao(?:\s+ket\s+luan)?", "thong_bao"),
    (r"ket\s+luan", "ket_luan"),
    (r"ke\s+hoach(?:\s+hanh\s+dong|\s+lien\s+tich|\s+lien\s+nganh)?", "ke_hoach"),
    (r"chuong\s+trinh(?:\s+hanh\s+dong)?", "chuong_trinh"),
    (r"de\s+an", "de_an"),
    (r"cong\s+van|van\s+ban", "cong_van"),
    (r"huong\s+dan", "huong_dan"),
    (r"to\s+trinh|bao\s+cao|phap\s+lenh|cong\s+dien|quy\s+che|quy\s+dinh|thong\s+tri", "other"),
]
_TYPE_OF = [(regex.compile(rf"(?i){p}\Z"), t) for p, t in _TYPE_WORDS]
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
_SEP = r"(?:[/\-–]\s?|\s[/\-–])(?:[/\-–]\s?)?"
#: A symbol part: capital first, then capitals, digits and at most a couple of
#: ASCII lower-case letters (`TTg`, `CTr`, `QĐi`); `QH15`, `TN&MT`.  OCR may
#: read an initial S or B as 5 or 8 (`5TC-TH`) or drop in an apostrophe
#: (`T'Tg`); `normalize_symbol` repairs both.
_PART = r"(?:[A-ZĐÐ]|[58](?=[A-ZĐ]))(?:[A-ZĐÐa-z0-9&]|'(?=[A-Za-z])){0,11}"
NUMBER_SYMBOL = (
    rf"(?<!\d)(?P<number>\d{{1,6}})"
    rf"(?:{_SEP}(?P<numyear>(?:19|20)\d{{2}}))?"
    rf"{_SEP}(?P<symbol>{_PART}(?:{_SEP}{_PART})*)(?![\p{{L}}\d&])"
)
NUMBER_SYMBOL_RE = regex.compile(NUMBER_SYMBOL)

#: Date right after a number or a law title: `, ngày 03 tháng 6 năm 2013`,
#: `ngày 11-6-2020`.  Matched on the folded text and tolerant of OCR debris
#: (`ngày. 18 tháng 12`, `tháng 6ì năm`, `01.năm`).
FOLDED_DATE = (
    rf"ngay{_DEBRIS}{DAY}{_DEBRIS}thang{_DEBRIS}{MONTH}[a-z]?{_DEBRIS}(?:nam|,){_DEBRIS}{YEAR}(?!\d)"
    rf"|(?:ngay\s*)?{NUMERIC_DATE}"
)
_DATE_AFTER_RE = regex.compile(rf"(?i)[\s,_\-–]*(?:ban\s+hanh\s+)?(?:{FOLDED_DATE})")
#: `năm 2024` after a law title.
_YEAR_AFTER_RE = regex.compile(r"(?i)\s*,?\s*năm\s+(?P<year>(?:19|20)\d{2})(?!\d)")
#: `của` / `do` introducing the issuer.
_ISSUER_LEAD_RE = regex.compile(r"[\s.,_\-–]*?\s(?P<w>cua|do)\s+")
#: Elements of a list that share one type word: `, 55-NQ/TW`, ` và số 68/QĐ-TTg`.
_LIST_LINK_RE = regex.compile(r"(?i)\s*(?:,\s*và|,|;|và|hoặc)\s*(?:số\s*:?\s*)?")

#: The document's own số hiệu on its header line.
_OWN_NUMBER_RE = regex.compile(rf"(?m)^\s*Số\s*:?\s*{NUMBER_SYMBOL}")

# ------------------------------------------------------------ issuers

#: Words that start an issuing body.  Used to tell an issuer from the clause
#: that follows, and to look back for one (`của Sở Tài chính tại …`).
AGENCY_HEAD = (
    r"(?:Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Ủy\s+ban|Uỷ\s+ban|UBND|Hội\s+đồng|HĐND|"
    r"Bộ|Sở|Ban|Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|Đảng\s+ủy|Cục|Tổng\s+cục|Chi\s+cục|"
    r"Văn\s+phòng|Ngân\s+hàng|Kho\s+bạc|Thanh\s+tra|Công\s+an|Liên\s+[Bb]ộ|Liên\s+[Ss]ở|"
    r"Trung\s+ương|Tòa\s+án|Viện|Kiểm\s+toán|Mặt\s+trận|BCH|BTV|TTg|TTCP)"
)
_AGENCY_HEAD_RE = regex.compile(rf"{AGENCY_HEAD}(?![\p{{L}}])")
#: A person's office before the body they speak for: `Giám đốc Sở Tài chính`.
_PERSON_TITLE = (
    r"(?:(?:Phó\s+)?(?:Giám\s+đốc|Chủ\s+tịch|Trưởng\s+ban|Chánh\s+Văn\s+phòng|Thủ\s+trưởng|"
    r"Bộ\s+trưởng|Cục\s+trưởng|Viện\s+trưởng|Chi\s+cục\s+trưởng|Trưởng\s+phòng))"
)
_LOOKBACK_ISSUER_RE = regex.compile(
    rf"(?:{_PERSON_TITLE}\s+)?(?P<agency>{AGENCY_HEAD}[^\n\t,;.()“”\"]{{0,70}}?)\s+"
    r"(?:(?:đã\s+)?(?:phê\s+duyệt|ban\s+hành|chỉ\s+đạo|thông\s+qua|quyết\s+định)\s+)?tại\s*"
)
_LOOKBACK_LEAD_RE = regex.compile(r"(?<![\p{L}])(?:của|được|do)\s+")

#: Lower-case words and phrases that end an issuer: what follows a body's
#: name is its action (`ban hành`, `thực hiện`), the subject (`về`), or a
#: new clause.
_ISSUER_STOPS = regex.compile(
    r"(?:về|tại|theo|trong|đã|được|nhằm|để|với|cho|trên|thì|là|này|có|hoặc|khi|của|"
    r"đến|từ|sau|trước|các|những|kèm|gửi|số|phải|cần|sẽ|đang|vừa|mới|nêu|ngày|năm|"
    r"giai\s+đoạn|đối\s+với|hướng\s+tới|ban\s+hành|phê\s+duyệt|quy\s+định|sửa\s+đổi|"
    r"bổ\s+sung|hướng\s+dẫn|thực\s+hiện|triển\s+khai|tổ\s+chức|chỉ\s+đạo|tiếp\s+tục|"
    r"xây\s+dựng|thông\s+qua|quyết\s+định|yêu\s+cầu|giao|và|hết|như)(?![\p{L}])"
)
#: The two-word verbs again, folded, for OCR's `sửa đối`, `ban hãnh`.
_ISSUER_STOPS_FOLDED = regex.compile(
    r"(?:ban|phe|quy|sua|bo|huong|thuc|trien|chi|tiep|xay|thong|yeu)\s+"
    r"(?:hanh|duyet|dinh|doi|sung|dan|hien|khai|dao|tuc|dung|qua|cau)(?![a-z])"
)


#: A word or one punctuation mark, after spaces but never over a line break.
_WORD_RE = regex.compile(r"[ ]*(?P<w>[\p{L}\p{N}&]+(?:[-'][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}])")


def _is_issuer_stop(text: str, pos: int) -> bool:
    return bool(_ISSUER_STOPS.match(text, pos)
                or _ISSUER_STOPS_FOLDED.match(fold(text[pos:pos + 16]).lower()))


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
_ABBREVIATION_RES = [(regex.compile(rf"(?<![\p{{L}}&]){a}(?![\p{{L}}&])"), full) for a, full in _ABBREVIATIONS]


def expand_agency(name: str | None) -> str | None:
    """`UBND tỉnh` → `Ủy ban nhân dân tỉnh`; whitespace collapsed."""
    if not name:
        return name
    for rx, full in _ABBREVIATION_RES:
        name = rx.sub(full, name)
    name = regex.sub(r"(?<=\p{L})-(?=\p{Ll})", " ", name)  # OCR's `Ủy-ban`
    name = regex.sub(r"\s+", " ", name).strip(" ,;:.-_")
    return name.replace("Uỷ ban", "Ủy ban") or None


# ------------------------------------------------------------ law titles
#: National laws whose titles contain words that otherwise end a title
#: (`theo`, `và`, a comma, `ban hành`).  Matched case-insensitively, longest
#: first; any other title is read word by word (`_heuristic_law_name`).
KNOWN_LAWS = [
    "đầu tư theo phương thức đối tác công tư", "ban hành văn bản quy phạm pháp luật",
    "tổ chức chính quyền địa phương", "tài nguyên, môi trường biển và hải đảo",
    "bảo vệ và phát triển rừng", "bảo vệ và kiểm dịch thực vật", "đo đạc và bản đồ",
    "phòng, chống thiên tai", "phòng, chống tham nhũng", "phòng, chống ma túy",
    "phòng, chống bạo lực gia đình", "phòng, chống tác hại của thuốc lá",
    "phòng, chống tác hại của rượu, bia", "phòng cháy và chữa cháy",
    "phòng cháy, chữa cháy và cứu nạn, cứu hộ", "khoa học và công nghệ",
    "khoa học, công nghệ và đổi mới sáng tạo", "thực hành tiết kiệm, chống lãng phí",
    "quản lý, sử dụng tài sản công", "sử dụng năng lượng tiết kiệm và hiệu quả",
    "tiêu chuẩn và quy chuẩn kỹ thuật", "chất lượng sản phẩm, hàng hóa",
    "khám bệnh, chữa bệnh", "khiếu nại, tố cáo", "phổ biến, giáo dục pháp luật",
    "thể dục, thể thao", "thi đua, khen thưởng", "cán bộ, công chức",
    "trật tự, an toàn giao thông đường bộ", "an toàn, vệ sinh lao động",
    "hỗ trợ doanh nghiệp nhỏ và vừa", "phí và lệ phí", "địa chất và khoáng sản",
    "quy hoạch đô thị và nông thôn", "quy hoạch đô thị", "quy hoạch", "đất đai",
    "xây dựng", "đầu tư công", "đầu tư", "đấu thầu", "ngân sách nhà nước",
    "bảo vệ môi trường", "tài nguyên nước", "khoáng sản", "lâm nghiệp", "thủy lợi",
    "thủy sản", "trồng trọt", "chăn nuôi", "đa dạng sinh học", "khí tượng thủy văn",
    "đê điều", "tổ chức chính phủ", "tổ chức quốc hội", "viên chức", "doanh nghiệp",
    "hợp tác xã", "nhà ở", "kinh doanh bất động sản", "giao thông đường bộ", "đường bộ",
    "đường sắt", "giao thông đường thủy nội địa", "điện lực", "hóa chất",
    "an toàn thực phẩm", "giáo dục nghề nghiệp", "giáo dục đại học", "giáo dục",
    "bảo hiểm y tế", "bảo hiểm xã hội", "việc làm", "chuyển giao công nghệ",
    "công nghệ thông tin", "an toàn thông tin mạng", "an ninh mạng", "giao dịch điện tử",
    "viễn thông", "báo chí", "tiếp cận thông tin", "du lịch", "di sản văn hóa",
    "quốc phòng", "an ninh quốc gia", "dân quân tự vệ", "nghĩa vụ quân sự",
    "biên giới quốc gia", "xử lý vi phạm hành chính", "thanh tra", "tiếp công dân",
    "người cao tuổi", "người khuyết tật", "trẻ em", "bình đẳng giới", "thủ đô",
    "kế toán", "thống kê", "kiểm toán nhà nước", "giá", "quản lý thuế", "hải quan",
    "đo lường", "thương mại", "căn cước", "cư trú", "hộ tịch", "tín ngưỡng, tôn giáo",
    "lưu trữ", "thú y", "quản lý nợ công", "thanh niên", "điều ước quốc tế",
    "quản lý ngoại thương", "các tổ chức tín dụng", "tiết kiệm, chống lãng phí",
]
_KNOWN_LAW_RE = regex.compile(
    r"(?i)(?:" + "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in sorted(KNOWN_LAWS, key=len, reverse=True))
    + r")(?![\p{L}\p{N}])"
)
#: A capitalised `Luật` (or `Bộ luật`) – lower-case `luật` is the generic word.
_LAW_HEAD_RE = regex.compile(r"(?<![\p{L}\p{N}])(?P<type>Bo\s+[Ll]uat|Luat)\s+(?=\S)")
#: `sửa đổi, bổ sung một số điều của …` – an amending law's title.
_AMENDING_RE = regex.compile(r"(?i)sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?\s+")
_N_LAWS_RE = regex.compile(r"(?i)\d+\s+luật(?![\p{L}])")
#: Words that end a law title read word by word.
_LAW_STOPS = regex.compile(
    r"(?:và|đã|được|theo|về|để|nhằm|có|hiện|quy|đảm|bảo\s+đảm|trong|trên|tại|của|cho|với|thì|"
    r"là|các|những|này|mới|sửa|khi|hoặc|do|cũng|như|phải|sẽ|đang|ngày|năm|số|đối|nêu|"
    r"hướng|áp|thi|từ|đến|sau|trước)(?![\p{L}])"
)
#: First words that make `Luật …` something other than a law (`Luật sư`).
_NOT_LAW_FIRST = {"sư", "gia", "pháp", "hóa", "hoá", "lệ", "này", "chơi", "học", "số"}


#: Document codes that open a số hiệu's symbol, for references whose type
#: word OCR garbled (`Tuệ định 1161/QĐ-UBND`).
SYMBOL_TYPES = {
    "QĐ": "quyet_dinh", "NQ": "nghi_quyet", "NĐ": "nghi_dinh", "CT": "chi_thi", "TT": "thong_tu",
    "TTLT": "thong_tu", "KL": "ket_luan", "KH": "ke_hoach", "CTR": "chuong_trinh", "CTHĐ": "chuong_trinh",
    "ĐA": "de_an", "TB": "thong_bao", "HD": "huong_dan", "BC": "other", "TTR": "other", "QĐI": "other",
}


# ---------------------------------------------------------------- records
@dataclass
class _Mention:
    start: int
    end: int
    ref_type: str
    number: str | None = None
    numyear: int | None = None
    symbol: str | None = None
    name: str | None = None           # law title, for luat: keys
    issue_date: _dt.date | None = None
    year: int | None = None
    issuer: str | None = None
    title: str | None = None
    relation: str = "mention"
    key: str = ""
    chained: bool = False             # linked to the implements chain
    typed: bool = True                # False: found by its symbol alone


def normalize_symbol(symbol: str) -> str:
    """`QĐ-TTg` → `QĐ-TTG`, `NQ/TW` → `NQ-TW`, `QÐ- TTg` → `QĐ-TTG`; OCR's
    `5TC-TH` → `STC-TH`, `QĐĐ-TTg` → `QĐ-TTG`, `QĐ-T'Tg` → `QĐ-TTG`."""
    s = unicodedata.normalize("NFC", symbol).replace("\u00d0", "Đ").replace("\u0111", "đ")
    s = regex.sub(r"[\s'’]+", "", s)
    s = regex.sub(r"[/\-–—]+", "-", s).strip("-").upper()
    s = regex.sub(r"(?<![^-])5(?=[A-ZĐ])", "S", s)
    s = regex.sub(r"(?<![^-])8(?=[A-ZĐ])", "B", s)
    first, _, rest = s.partition("-")
    if first not in SYMBOL_TYPES:
        # A letter OCR doubled in the document code: `QĐĐ` → `QĐ`.
        single = regex.sub(r"(.)\1", r"\1", first)
        if single in SYMBOL_TYPES:
            s = single + ("-" + rest if rest else "")
    return s


def ref_key(number: str | None = None, symbol: str | None = None, law_name: str | None = None) -> str:
    """`{number}/{symbol}` (`1055/QĐ-TTG`) or `luat:{name}` (`luat:quy hoạch`)."""
    if number is not None and symbol:
        return f"{int(number)}/{normalize_symbol(symbol)}"
    if law_name:
        return "luat:" + regex.sub(r"\s+", " ", law_name).strip(" ,;.").lower()
    return str(int(number)) if number and number.isdigit() else (number or "")


def key_of_number(text: str) -> str | None:
    """The ref_key of a bare số hiệu such as `243/QĐ-UBND` or `81/2023/QH15`."""
    m = NUMBER_SYMBOL_RE.search(text or "")
    return ref_key(m.group("number"), m.group("symbol")) if m else None


# ---------------------------------------------------------------- find
def _symbol_ok(symbol: str) -> bool:
    # A part with more than two lower-case letters is a word, not a code.
    parts = regex.split(_SEP, symbol)
    return all(sum(c.islower() for c in p) <= 2 for p in parts)


def _numbered_at(text: str, pos: int):
    m = NUMBER_SYMBOL_RE.match(text, pos)
    if not m or not _symbol_ok(m.group("symbol")):
        return None
    return m


def _type_of(word: str) -> str:
    for rx, t in _TYPE_OF:
        if rx.match(regex.sub(r"[\s\-_.]+", " ", word).strip()):
            return t
    return "other"


def _find_numbered(text: str, folded: str) -> list[_Mention]:
    out = []
    for h in TYPED_HEAD_RE.finditer(folded):
        m = _numbered_at(text, h.end())
        if not m:
            continue
        ref_type = _type_of(h.group("type"))
        out.append(_numbered_mention(h.start(), m, ref_type))
    return out


def _numbered_mention(start: int, m, ref_type: str) -> _Mention:
    ny = m.group("numyear")
    return _Mention(start=start, end=m.end(), ref_type=ref_type, number=str(int(m.group("number"))),
                    numyear=int(ny) if ny else None, symbol=normalize_symbol(m.group("symbol")))


def _find_listed(text: str, folded: str, typed: list[_Mention]) -> list[_Mention]:
    """`Nghị quyết số 24-NQ/TW, 55-NQ/TW`: list members after a typed one."""
    out = []
    for ref in typed:
        cur = ref
        while True:
            link = _LIST_LINK_RE.match(text, cur.end)
            if not link or "\n" in link.group(0):
                break
            m = _numbered_at(text, link.end())
            if not m:
                break
            nxt = _numbered_mention(m.start(), m, cur.ref_type)
            _resolve_tail(text, folded, nxt)
            out.append(nxt)
            cur = nxt
    return out


def _find_untyped(text: str, folded: str, found: list[_Mention]) -> list[_Mention]:
    """A số hiệu with no type word before it (OCR garbled it), kept only when
    its symbol opens with a document code and a date or issuer follows."""
    covered = [(r.start, r.end) for r in found]
    out = []
    for m in NUMBER_SYMBOL_RE.finditer(text):
        if any(a <= m.start() < b for a, b in covered) or not _symbol_ok(m.group("symbol")):
            continue
        if m.start() and text[m.start() - 1].isalpha():
            continue  # `o6-KL/TW`: a digit OCR misread, the number is not to be trusted
        symbol = normalize_symbol(m.group("symbol"))
        code = symbol.split("-")[0]
        if code not in SYMBOL_TYPES or "-" not in symbol:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if regex.match(r"\s*Số\s*:?\s*$", text[line_start:m.start()]):
            continue  # the header's own number
        ref = _numbered_mention(m.start(), m, SYMBOL_TYPES[code])
        ref.typed = False
        _resolve_tail(text, folded, ref)
        if ref.issue_date or ref.issuer:
            out.append(ref)
    return out


def _word_iter(text: str, pos: int, limit: int = 400, cross_wraps: bool = False):
    """(start, end, word) from `pos`, stopping at a line break – or, with
    `cross_wraps`, going on over one that OCR left mid-phrase (the next line
    opens lower-case)."""
    end = min(len(text), pos + limit)
    while pos < end:
        m = _WORD_RE.match(text, pos, end)
        if not m:
            wrap = _CONTINUATION_RE.match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip(" ")))
            if cross_wraps and wrap:
                pos = wrap.end()
                continue
            return
        yield m.start("w"), m.end("w"), m.group("w")
        pos = m.end()


def _heuristic_law_name(text: str, pos: int) -> int | None:
    """End of a law title read word by word, or None if none starts here."""
    end = None
    words = 0
    for ws, we, w in _word_iter(text, pos, 160):
        if words == 0:
            if not w[0].isupper() or w.lower() in _NOT_LAW_FIRST:
                return None
        elif not w[0].isalnum():
            # `Phòng, chống …` keeps its comma; any other punctuation ends it.
            if w == "," and regex.match(r"\s*chống(?![\p{L}])", text[we:]):
                continue
            break
        elif w[0].isdigit() or _LAW_STOPS.match(text, ws):
            break
        elif w[0].isupper() and _starts_reference(text, ws):
            break
        end = we
        words += 1
        if words >= 7:
            break
    return end


def _law_name_end(text: str, pos: int) -> int | None:
    """End of the law title starting at `pos` (just after `Luật `)."""
    am = _AMENDING_RE.match(text, pos)
    if am:
        return _amending_law_end(text, am.end())
    km = _KNOWN_LAW_RE.match(text, pos)
    if km:
        return km.end()
    return _heuristic_law_name(text, pos)


def _amending_law_end(text: str, pos: int) -> int | None:
    # `… của 11 luật liên quan đến quy hoạch` runs to the date or clause end.
    if _N_LAWS_RE.match(text, pos):
        end = pos
        for ws, we, w in _word_iter(text, pos, 200, cross_wraps=True):
            if not w[0].isalnum() or w in ("ngày", "năm", "đã", "được") or \
                    (w == "và" and regex.match(r"\s+Luật", text[we:])):
                break
            end = we
        return end
    # `… của Luật Quy hoạch, Luật Đầu tư … và Luật Đấu thầu`: a list of titles.
    end = None
    cur = pos
    while True:
        lm = regex.match(r"(?:các\s+)?[Ll]uật\s+", text[cur:])
        if not lm:
            break
        inner = _law_name_end(text, cur + lm.end())
        if inner is None:
            break
        end = inner
        link = regex.match(r"\s*(?:,\s*và|,|và)\s+(?=[Ll]uật\s)", text[end:])
        if not link:
            break
        cur = end + link.end()
    return end


def _squash(s: str) -> str:
    """One space between words, OCR's line-start dashes dropped."""
    return regex.sub(r"\s+", " ", _CONTINUATION_RE.sub(" ", s)).strip()


def _find_laws(text: str, folded: str, numbered: list[_Mention]) -> list[_Mention]:
    taken = {r.start for r in numbered}
    out = []
    for h in _LAW_HEAD_RE.finditer(folded):
        if h.start() in taken:
            continue
        before = text[max(0, h.start() - 6):h.start()].lower()
        if before.rstrip().endswith("pháp"):
            continue
        name_start = h.end()
        name_end = _law_name_end(text, name_start)
        if name_end is None or name_end <= name_start:
            continue
        ref_type = "bo_luat" if h.group("type").lower().startswith("bo") else "luat"
        ref = _Mention(start=h.start(), end=name_end, ref_type=ref_type,
                       name=_squash(text[name_start:name_end]))
        # `Luật Bảo vệ môi trường số 72/2020/QH14` is a numbered reference.
        sm = regex.match(r"\s*,?\s*số\s*:?\s*", text[name_end:])
        if sm:
            m = _numbered_at(text, name_end + sm.end())
            if m:
                num = _numbered_mention(h.start(), m, ref_type)
                num.name = ref.name
                ref = num
        out.append(ref)
    return out


# ---------------------------------------------------------------- resolve
def _parse_issuer(text: str, pos: int) -> tuple[int, str] | None:
    """End of the issuing body starting at `pos` and its name with OCR
    debris left out, or None."""
    first = True
    end = None
    words: list[str] = []
    pending: list[str] = []  # `,` `-` `và` kept only if the name goes on
    for ws, we, w in _word_iter(text, pos, 200, cross_wraps=True):
        if first:
            if not (w[0].isupper() and w[0].isalpha()):
                return None
            first = False
        elif w in (",", "-", "–", "_", ":", ".", "|"):
            # `Bộ Văn hóa, Thể thao và Du lịch`, `Bộ Lao động - Thương binh …`;
            # a mark before a lower-case word that is not a stop, or inside
            # `Thủ tướng - Chính phủ`, is OCR debris (`Bộ Chính : trị`).
            nxt = _WORD_RE.match(text, we)
            if not nxt:
                break
            nw = nxt.group("w")
            if w != "," and ((nw[:1].islower() and not _is_issuer_stop(text, nxt.start("w")))
                             or " ".join(words).endswith("Thủ tướng")):
                continue
            if w not in (",", "-", "–") or not _continues_agency(text, nxt.start("w"), nw):
                break
            pending.append(w)
            continue
        elif not w[0].isalnum():
            break
        elif w == "và":
            nxt = _WORD_RE.match(text, we)
            if not nxt or not _continues_agency(text, nxt.start("w"), nxt.group("w")):
                break
            pending.append(w)
            continue
        elif not w[0].isupper() and _is_issuer_stop(text, ws):
            break
        elif w[0].isupper() and _starts_reference(text, ws):
            break
        words.extend(pending)
        pending = []
        words.append(w)
        end = we
        if len(words) >= 16:
            break
    if end is None:
        return None
    return end, " ".join(words).replace(" ,", ",")


def _starts_reference(text: str, pos: int) -> bool:
    window = text[pos:pos + 40]
    return bool(TYPED_HEAD_RE.match(fold(window))) or bool(_LAW_HEAD_RE.match(fold(window)))


def _continues_agency(text: str, pos: int, word: str) -> bool:
    """After `và` or a comma: a capitalised word that is neither a new body
    nor a new reference continues the name (`Bộ Tài nguyên và Môi trường`)."""
    if not word[:1].isupper() or not word[0].isalpha():
        return False
    if _AGENCY_HEAD_RE.match(text, pos) or _starts_reference(text, pos):
        return False
    return True


def _resolve_tail(text: str, folded: str, ref: _Mention) -> None:
    """Date, issuer and subject clause after the number or title."""
    pos = ref.end
    dm = _DATE_AFTER_RE.match(folded, pos)
    # A line break before `ngày …` or `của …` is a hard wrap (neither word
    # opens a paragraph); a tab is a table cell boundary.
    if dm and "\t" not in dm.group(0) and dm.group(0).count("\n") <= 1:
        d = make_date(dm.group("year"), dm.group("month"), dm.group("day"))
        if d:
            ref.issue_date = d
            pos = ref.end = dm.end()
    elif ref.name is not None:
        ym = _YEAR_AFTER_RE.match(text, pos)
        if ym and "\n" not in ym.group(0):
            ref.year = int(ym.group("year"))
            pos = ref.end = ym.end()
    im = _ISSUER_LEAD_RE.match(folded, pos)
    if im and im.group("w") == "do" and text[im.start("w"):im.end("w")] != "do":
        im = None  # `đó`, `độ` fold to `do` too
    if im and "\t" not in im.group(0) and im.group(0).count("\n") <= 1:
        found = _parse_issuer(text, im.end())
        if found:
            pos = ref.end = found[0]
            ref.issuer = expand_agency(found[1])
    ref.year = ref.year or ref.numyear or (ref.issue_date.year if ref.issue_date else None)
    if ref.symbol is not None:  # a law's title already says what it is about
        _resolve_title(text, ref)


#: A subject clause opens with `về`, a quotation, or – with no comma before
#: it, which would start a new clause – the verb of the referenced act.
_TITLE_START_RE = regex.compile(
    r"\s*(?:,\s*)?(?P<t>về(?![\p{L}])|[“\"])"
    r"|\s+(?P<t>(?:thực\s+hiện|ban\s+hành|phê\s+duyệt|quy\s+định|sửa\s+đổi|hướng\s+dẫn|triển\s+khai)(?![\p{L}]))"
)
#: Where a subject clause ends: an aside in brackets, a purpose (`nhằm`), the
#: next coordinated reference or a new main clause (`, Ủy ban nhân dân …`).
_TITLE_END_RE = regex.compile(
    r"[\n\t;”]|\.(?:\s|$)|\s*\((?=\s*(?:sau\s+đây|gọi\s+tắt|viết\s+tắt|kèm|ban\s+hành\s+kèm))"
    r"|\s+(?:nhằm|để)\s|,\s*hướng\s+tới|,\s*(?=" + AGENCY_HEAD + r"\s)"
)
_QUOTE_END_RE = regex.compile(r"[”\"\n]")
_COORD_RE = regex.compile(r"\s*(?:,|và|,\s*và)\s+")


def _resolve_title(text: str, ref: _Mention) -> None:
    tm = _TITLE_START_RE.match(text, ref.end)
    if not tm or "\n" in tm.group(0):
        return
    start = tm.start("t")
    if tm.group("t") in "“\"":
        close = _QUOTE_END_RE.search(text, tm.end())
        end = close.start() if close else min(len(text), tm.end() + 400)
        title = text[tm.end():end]
    else:
        em = _TITLE_END_RE.search(text, tm.end(), min(len(text), tm.end() + 600))
        end = em.start() if em else min(len(text), tm.end() + 600)
        # A reference coordinated with this one (`… và Quyết định số 68/…`)
        # is not part of its subject.
        for lm in _COORD_RE.finditer(text[tm.end():end]):
            p = tm.end() + lm.end()
            if _starts_reference(text, p):
                end = tm.end() + lm.start()
                break
        title = text[start:end]
    title = regex.sub(r"\s+", " ", title).strip(" ,;:.")
    ref.title = title or None


def _issuer_before(text: str, ref: _Mention) -> str | None:
    """`của Giám đốc Sở Tài chính tại Công văn …`, `được Thủ tướng Chính phủ
    phê duyệt tại Quyết định …`: the body named just before the reference."""
    lo = max(0, ref.start - 160, text.rfind("\n", 0, ref.start) + 1)
    window = text[lo:ref.start]
    # Without a type word, the garbled one (`tại Tuệ định 1161/…`) is skipped.
    tries = [window] if ref.typed else [window, *(_drop_words(window, n) for n in (1, 2))]
    for w in tries:
        for lead in reversed(list(_LOOKBACK_LEAD_RE.finditer(w))):
            m = _LOOKBACK_ISSUER_RE.fullmatch(w, lead.end())
            if m:
                return expand_agency(m.group("agency"))
    return None


def _drop_words(s: str, n: int) -> str:
    return regex.sub(r"(?:\S+\s*){%d}$" % n, "", s)


# ---------------------------------------------------------------- annotate
_KIND_LINES = {
    "KE HOACH", "QUYET DINH", "CHUONG TRINH HANH DONG", "CHUONG TRINH", "NGHI QUYET", "CHI THI",
    "DE AN", "HUONG DAN", "BAO CAO", "THONG BAO", "TO TRINH", "QUY CHE", "QUY DINH", "KET LUAN",
    "CONG VAN", "KE HOACH HANH DONG",
}
#: A kind line that kept its title on the same line (`KẾ HOẠCH Thực hiện …`),
#: folded.
_KIND_PREFIX_RE = regex.compile(
    r"^[\s*#_]*(?:" + "|".join(sorted((k.replace(" ", r"\s+") for k in _KIND_LINES), key=len, reverse=True))
    + r")[\s*#_]+(?=[A-Z][a-z])"
)
#: Where a same-line title ends at the latest: the preamble's first clause.
_TITLE_TAIL_END_RE = regex.compile(r"[.;:](?=\s)|\s(?=Can\s+cu|CAN\s+CU|Thuc\s+hien|THUC\s+HIEN)")
_SUBJECT_LINE_RE = regex.compile(r"(?i)^\s*(?:V/v|Về\s+việc)\s")
_IMPLEMENTS_OPENING_RE = regex.compile(
    r"(?i)^\s*(?:de\s+)?(?:tiep\s+tuc\s+)?(?:to\s+chuc\s+)?(?:trien\s+khai\s+)?(?:thuc\s+hien|trien\s+khai|quan\s+triet)(?![a-z])"
)
_BASIS_OPENING_RE = regex.compile(r"(?i)^\s*(?:can\s+cu|theo\s+de\s+nghi|xet\s+de\s+nghi|xet\s+to\s+trinh)(?![a-z])")
#: Without a section tree, the body starts at the first labelled line.
_BODY_LABEL_RE = regex.compile(
    r"(?m)^\s*(?:(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC)\s+(?:[IVX]+|\d+|thứ\s+nhất)\b|[IVX]+\s*[.:]\s|\d+\s*\.\s|Điều\s+\d+\b)"
)
#: Right before a reference: the verbs that say the document carries it out.
_IMPLEMENTS_LEAD_RE = regex.compile(r"(?i)(?:thuc\s+hien|trien\s+khai|quan\s+triet|thi\s+hanh)\s*$")
#: `Thực hiện ý kiến chỉ đạo của Ủy ban nhân dân tỉnh tại Công văn số …`,
#: `… Quy hoạch tỉnh đã được phê duyệt tại Quyết định số …`: the act that
#: holds what is carried out (folded).
_HELD_IN_LEAD_RE = regex.compile(r"(?i)(?:phe\s+duyet|ban\s+hanh|chi\s+dao|y\s+kien)[^,;()]{0,80}?\s+tai\s*$")
_ABOUT_LEAD_RE = regex.compile(r"(?<![\p{L}])về(?:\s+việc)?\s*$")
_COORD_LEAD_RE = regex.compile(r"(?i)(?:,|;|(?<![a-z])va|,\s*va)\s*$")
_MIDLINE_BASIS_RE = regex.compile(r"[.;]\s+(?P<open>Can\s+cu|Theo\s+de\s+nghi|Xet\s+de\s+nghi)(?![a-z])")
#: A sentence ends at `.` or `:` before a capital (`sau: I. MỤC ĐÍCH`); a
#: dot before a lower-case word is OCR debris.
_SENTENCE_END_RE = regex.compile(r"[.:](?=\s+\p{Lu}|\s*$)", regex.MULTILINE)
#: A line OCR broke off: the next one opens lower-case, maybe behind a stray
#: dash that the dewrapper took for a list label.
_CONTINUATION_RE = regex.compile(r"\n[-_–\s]*(?=\p{Ll})")
_TOPLEVEL_GAP_RE = regex.compile(r"\s*(?:,\s*và|,|và|hoặc)\s*(?:số\s*:?\s*)?")


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _title_zones(text: str, folded: str) -> list[tuple[int, int]]:
    """Spans of the document titles: the line after a kind line, with its
    wrapped continuations, and `V/v …` subject lines."""
    zones = []
    lines = list(_lines(text))
    for i, (s, e, line) in enumerate(lines):
        key = regex.sub(r"[\s*#_]+", " ", folded[s:e]).strip()
        if key in _KIND_LINES:
            j = i + 1
            while j < len(lines) and not lines[j][2].strip():
                j += 1
            if j >= len(lines):
                continue
            zs, ze = lines[j][0], lines[j][1]
            k = j + 1
            while k < len(lines) and lines[k][2][:1].strip() and (lines[k][2][0].islower() or lines[k][2][0].isdigit()):
                ze = lines[k][1]
                k += 1
            zones.append((zs, ze))
        elif (pm := _KIND_PREFIX_RE.match(folded, s, e)):
            stop = _TITLE_TAIL_END_RE.search(folded, pm.end(), min(e, pm.end() + 600))
            zones.append((pm.end(), stop.start() if stop else min(e, pm.end() + 600)))
        elif i < 40 and _SUBJECT_LINE_RE.match(line):
            zones.append((s, e))
    return zones


def _preamble_test(doc, text: str):
    """A function telling whether an offset lies in a preamble (before the
    body, or in a section whose kind is `preamble`)."""
    sections = list(getattr(doc, "sections", None) or [])
    if sections:
        first = min(s.char_start for s in sections)

        def test(off: int) -> bool:
            s = doc.section_at(off)
            if s is None:
                return off < first
            return any(a.kind == "preamble" for a in doc.ancestors(s))
        return test
    m = _BODY_LABEL_RE.search(text)
    body = m.start() if m else len(text)
    return lambda off: off < body


def _clause_end(text: str, start: int) -> int:
    """End of the opening clause from `start`: its first sentence, so text
    that lost its line breaks does not become one long preamble, but going on
    over lines that OCR broke off mid-clause."""
    pos = start
    while True:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        stop = _SENTENCE_END_RE.search(text, pos, end)
        if stop:
            return stop.end()
        if regex.search(r"[;.:]\W*$", text[pos:end]) or not _CONTINUATION_RE.match(text, end):
            return end
        pos = end + 1


def _relations(doc, text: str, folded: str, refs: list[_Mention]) -> None:
    in_preamble = _preamble_test(doc, text)
    zones: list[tuple[int, int, str]] = [(s, e, "implements") for s, e in _title_zones(text, folded)]
    for s, e, line in _lines(text):
        if not line.strip() or not in_preamble(s + len(line) - len(line.lstrip())):
            continue
        body = regex.sub(r"^\s*(?:[-+•]|\d+\.|[a-zđ]\))\s*", "", folded[s:e])
        e = _clause_end(text, s)
        if _BASIS_OPENING_RE.match(body):
            zones.append((s, e, "can_cu"))
        elif _IMPLEMENTS_OPENING_RE.match(body):
            zones.append((s, e, "implements"))
    # A basis clause that lost its line break still opens after `;` or `.`.
    for m in _MIDLINE_BASIS_RE.finditer(folded):
        at = m.start("open")
        if in_preamble(at) and not any(zs <= at < ze for zs, ze, _ in zones):
            zones.append((at, _clause_end(text, at), "can_cu"))
    for zs, ze, kind in zones:
        inside = [r for r in refs if zs <= r.start < ze]
        if kind == "implements":
            _chain(text, folded, zs, inside)
        else:
            _basis(text, zs, ze, inside)


def _chain(text: str, folded: str, zs: int, refs: list[_Mention]) -> None:
    prev = None
    for r in refs:
        lead_lo = max(zs, r.start - 40)
        lead_f = folded[lead_lo:r.start]
        lead = text[lead_lo:r.start]
        carried = bool(_IMPLEMENTS_LEAD_RE.search(lead_f) or _ABOUT_LEAD_RE.search(lead))
        if not carried and prev is not None and _COORD_LEAD_RE.search(lead_f):
            carried = prev.chained
        if not carried and (prev is None or prev.chained):
            carried = bool(_HELD_IN_LEAD_RE.search(folded[max(zs, r.start - 120):r.start]))
        r.chained = carried
        if carried:
            r.relation = "implements"
        prev = r


def _basis(text: str, zs: int, ze: int, refs: list[_Mention]) -> None:
    item_starts = [zs] + [zs + m.end() for m in regex.finditer(";", text[zs:ze])]
    for i, istart in enumerate(item_starts):
        iend = item_starts[i + 1] if i + 1 < len(item_starts) else ze
        top = None
        for r in (r for r in refs if istart <= r.start < iend):
            if top is None:
                ok = True
            else:
                gap_lo = top.end
                ok = gap_lo <= r.start and bool(_TOPLEVEL_GAP_RE.fullmatch(text[gap_lo:r.start]))
            if ok:  # nested ones (inside another's subject or title) stay mentions
                top = r
                if r.relation != "implements":
                    r.relation = "can_cu"


_RANK = {"implements": 3, "can_cu": 2, "mention": 1}


def _inherit(refs: list[_Mention]) -> None:
    """A key's strongest relation for all its mentions; year, date and issuer
    a mention leaves out taken from the nearest mention that states them
    (an earlier one first)."""
    by_key: dict[str, list[_Mention]] = {}
    for r in refs:
        by_key.setdefault(r.key, []).append(r)
    for group in by_key.values():
        best = max(group, key=lambda r: _RANK[r.relation]).relation
        for i, r in enumerate(group):
            r.relation = best
            order = group[i - 1::-1] + group[i + 1:] if i else group[1:]
            for f in ("issue_date", "issuer"):
                if getattr(r, f) is None:
                    src = next((o for o in order if getattr(o, f) is not None), None)
                    if src is not None:
                        setattr(r, f, getattr(src, f))
            if r.year is None:
                src = next((o for o in order if o.year is not None), None)
                if src is not None:
                    r.year = src.year


def _share_issuer(text: str, refs: list[_Mention]) -> None:
    """`Quyết định số 1756/QĐ-TTg ngày … và Quyết định số 68/QĐ-TTg ngày … của
    Thủ tướng Chính phủ`: one issuer after a pair of the same kind and issuing
    code belongs to both."""
    # Back to front, so `số 123/…, 124/… và 125/… của X` passes X down the list.
    for a, b in reversed(list(zip(refs, refs[1:]))):
        if a.issuer or not b.issuer or a.symbol is None or b.symbol is None:
            continue
        if a.ref_type != b.ref_type or a.symbol != b.symbol:
            continue
        if _TOPLEVEL_GAP_RE.fullmatch(text[a.end:b.start]):
            a.issuer = b.issuer


# ---------------------------------------------------------------- public
def own_number_of(text: str) -> str | None:
    """The số hiệu on the header `Số:` line near the top, as a ref_key."""
    head = text[:3000]
    m = _OWN_NUMBER_RE.search(head)
    return ref_key(m.group("number"), m.group("symbol")) if m else None


def extract_legal_refs(doc, own_number: str | None = None) -> list[LegalRef]:
    """Every mention of another legal document in `doc` (a ParsedDoc), in
    document order.  `own_number` (`243/QĐ-UBND`) is the document's own số
    hiệu and is skipped; without it the header `Số:` line is used."""
    text = doc.text if hasattr(doc, "text") else str(doc)
    if not text:
        return []
    folded = fold(text)
    own_key = (key_of_number(own_number) if own_number else None) or own_number_of(text)

    numbered = _find_numbered(text, folded)
    for r in numbered:
        _resolve_tail(text, folded, r)
    listed = _find_listed(text, folded, numbered)
    numbered += listed
    listed = _find_untyped(text, folded, numbered)
    laws = _find_laws(text, folded, numbered)
    for r in laws:
        # A law named inside an amending law's title (`… của Luật Phòng,
        # chống thiên tai và Luật Đê điều ngày …`): the date is the outer one's.
        if not any(o is not r and o.start < r.start < o.end for o in laws):
            _resolve_tail(text, folded, r)
    refs = sorted(numbered + listed + laws, key=lambda r: (r.start, -r.end))

    kept = []
    for r in refs:
        r.key = ref_key(r.number, r.symbol) if r.symbol else ref_key(law_name=r.name)
        if not r.key or r.key == own_key:
            continue
        if r.issuer is None:
            r.issuer = _issuer_before(text, r)
        kept.append(r)

    _share_issuer(text, kept)
    _relations(doc, text, folded, kept)
    _inherit(kept)

    out = []
    for r in kept:
        out.append(LegalRef(
            section_id=doc.section_id_at(r.start) if hasattr(doc, "section_id_at") else None,
            char_start=r.start,
            char_end=r.end,
            page=doc.page_at(r.start) if hasattr(doc, "page_at") else None,
            text=text[r.start:r.end],
            ref_type=r.ref_type,
            number=r.number,
            symbol=r.symbol,
            year=r.year,
            issue_date=r.issue_date,
            issuer=r.issuer,
            title=r.title,
            relation=r.relation,
            ref_key=r.key,
        ))
    return out


def implemented_keys(refs: list) -> list[str]:
    """ref_keys with relation `implements`, in order of first appearance."""
    seen: list[str] = []
    for r in refs:
        if r.relation == "implements" and r.ref_key and r.ref_key not in seen:
            seen.append(r.ref_key)
    return seen
