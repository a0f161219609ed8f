"""Quantitative targets: what the plan commits to reach, keep or change, and by when.

`extract_targets(doc)` reads a `ParsedDoc` and returns `schemas.Target`
records (SPEC `targets`) from two places:

* **Prose.** A figure with a unit (`30%`, `9,5%/năm`, `110 triệu đồng/người`,
  `25 nghìn ha`, `40 giường bệnh`, `07 đơn vị`) or a dimensionless index
  after `đạt mức` (`HDI … đạt mức 0,7`). In sections that state goals
  (`muc_tieu`, or under a heading naming `mục tiêu` / `chỉ tiêu` / `Đến năm
  2025, phấn đấu …`) every such figure is a target unless its clause reports a
  past result (`đã`, `hiện nay`, `ước đạt` …); elsewhere the clause must commit
  (`phấn đấu`, `mục tiêu`, `đến hết năm 2025`). Years, dates, document numbers,
  list labels and ratio denominators (`trên 10.000 dân`) are never figures.
* **Indicator tables** (`STT | Chỉ tiêu | Đơn vị | Đến năm 2030 | Cơ quan chủ
  trì …`): each row with a figure in a value column. Group rows (`I VỀ KINH
  TẾ`) give the domain, numbered rows give the indicator and agencies that
  their `-` child rows inherit, letter rows (`a Giai đoạn 2021-2025`) give a
  period.

How a prose clause is read: the clause (between `;` and sentence ends) is cut
into one stretch per figure. The words before a figure, stripped of commitment
verbs (`phấn đấu`, `đạt`, `bảo đảm`), comparator words (`trên`, `tối thiểu`,
`khoảng`) and time phrases (`đến năm 2025`, `giai đoạn 2021-2025`), name the
indicator (`Tỷ lệ che phủ rừng phấn đấu đạt trên 64%`). When nothing is left
the figure comes first and the words after it are the indicator (`trên 90%
chất thải rắn … được thu gom` → `tỷ lệ chất thải rắn … được thu gom`). A
lead-in before a colon (`Tỷ lệ trường đạt chuẩn quốc gia: Mầm non trên 60%,
tiểu học trên 80%`) prefixes indicators that are not complete on their own.

The module is pure: no files, no network, no global state.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from extractors.agencies import PREDICATE_WORDS, agency_at, split_agencies
from extractors.normalize.flat_tables import column_role, header_completed
from extractors.text.dates import DATE
from extractors.text.fold import fold, normalize_tone_marks
from extractors.text.lexicon import COUNTED_ABBREVIATIONS, KIND_NAMING_NOUNS, SCHOOL_LEVELS
from extractors.text.memo import memo
from extractors.text.numbers import GLUED_UNIT, Quantity, find_quantities, is_year, parse_quantity_cell
from extractors.text.patterns import OCR_JUNK, SPACES
from extractors.text.syllables import vocabulary, word_end
from schemas import Target

_I = regex.IGNORECASE

# ---------------------------------------------------------------- units

#: Per-something tail kept in the unit (`%/năm`, `triệu đồng/người`).
PER_TAIL = r"(?:\s?/\s?(?:người|năm|tháng|ha|hộ|km2?|lao\s+động|dân|sản\s+phẩm)(?:\s?/\s?năm)?)?"
PERCENT_UNIT = rf"(?:%|phần\s+trăm){PER_TAIL}"
CURRENCY_UNIT = rf"(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?:đồng|USD|VNĐ|VND|đô\s+la(?:\s+Mỹ)?){PER_TAIL}"
MEASURE_UNIT = rf"(?:ha|héc\s?-?\s?ta|hecta|km2|km²|km|m2|m²|m3|m³|tấn|kg|MW|kW|kWh|GWh|MWh|lít){PER_TAIL}"
_SCHOOL_LEVEL = "|".join(level.replace(" ", r"\s+") for level in SCHOOL_LEVELS)
#: Things plans count. A count noun after a figure is its unit (`07 đơn vị`).
COUNT_UNIT = (
    r"(?:giường(?:\s+bệnh)?|bác\s+s[ĩỹ]|dược\s+s[ĩỹ]|điều\s+dưỡng|nhân\s+viên\s+y\s+tế|đơn\s+vị|người|lao\s+động|"
    r"hộ(?:\s+gia\s+đình)?|doanh\s+nghiệp|hợp\s+tác\s+xã|sản\s+phẩm|dự\s+án|lượt\s+khách|lượt\s+người|lượt|"
    r"tuổi|mô\s+hình|công\s+trình|căn\s+hộ|căn\s+nhà|"
    rf"trường(?:\s+(?:học|{_SCHOOL_LEVEL}))?|"
    r"bệnh\s+viện|trạm\s+y\s+tế|phòng\s+học|cơ\s+sở|xã|huyện|thôn|"
    # `12 KCN`, `50 HTX`: the abbreviations in capitals, as plans write them
    rf"(?-i:{'|'.join(a.upper() for a in COUNTED_ABBREVIATIONS)})|"
    r"làng|bản|trạm|cụm\s+công\s+nghiệp|khu\s+công\s+nghiệp|chợ|cây|con|ngôi\s+nhà|nhà)"
)
#: A rate per so many people: `100 ca/100.000 dân`, `30/100.000 trẻ đẻ sống` (health and
#: population plans); the cases counted, if named, and the population they are counted in.
RATE_UNIT = (
    r"(?:(?:ca(?:\s+mắc)?|trường\s+hợp|vụ|người|trẻ)\s*)?/\s*(?:1|10|100)(?:\.000)+\s*"
    r"(?:dân|người\s+dân|người|trẻ\s+đẻ\s+(?:ra\s+)?sống|trẻ(?:\s+em)?|phụ\s+nữ)"
)
#: A percent sign ends its unit whatever follows: OCR glues a footnote marker to it (`45%I®`, `45%[3]`).
UNIT = rf"(?P<unit>{PERCENT_UNIT}|(?:{RATE_UNIT}|{CURRENCY_UNIT}|{MEASURE_UNIT}|{COUNT_UNIT}{PER_TAIL})(?!\p{{L}}))"
_RATE_AFTER_RE = regex.compile(rf"(?=/){RATE_UNIT}(?!\p{{L}})", _I)
#: A unit right after a figure: `%` may touch it, words need a space.
_UNIT_AFTER_RE = regex.compile(rf"\G(?:\s?(?=%)|\s+(?!%)|(?={GLUED_UNIT})){UNIT}", _I)
_COUNT_RE = regex.compile(rf"^{COUNT_UNIT}{PER_TAIL}$", _I)
_AREA_RE = regex.compile(r"^(?:ha|héc|hecta|km2|km²)", _I)

# ---------------------------------------------------------------- things that are not figures

#: `1756/QĐ-TTg`, `118/2014/NĐ-CP`, `24-NQ/TW`, `số 06`.
LEGAL_NUMBER = r"(?=\d)(?:\d+(?:/\d{4})?/[\p{L}Đđ][\p{L}\-]*|\d+-[\p{Lu}Đ]{2,}[\p{L}/\-]*|(?<=\bsố\s)\d+)"
#: `trên 10.000 dân`, `/1.000 người`: the denominator of a ratio.
#: `trên 01 ha`, `trên một hộ`: "per one", the unit a value is measured over (`giá trị sản
#: phẩm thu hoạch trên 01 ha đất trồng trọt đạt 150 triệu đồng`); after a verb or a
#: comparator `trên` is "above" (`đạt trên 1 ha`).
PER_ONE = (
    r"(?<!(?:đạt|có|là|lên|xuống|tăng|giảm|bằng|mức|từ|được)\s)trên\s+(?:0?1|một)\s+"
    r"(?:ha|héc\s?-?\s?ta|hecta|km2|người|hộ|lao\s+động|đơn\s+vị|sản\s+phẩm)(?!\p{L})"
)
DENOMINATOR = (
    r"(?=[tT/mM])(?:trên|/|mỗi)\s*(?:1|10|100)(?:\.000)+\s*(?:dân|vạn\s+dân)(?!\p{L})"
    r"|(?=/)/\s*(?:1|10|100)(?:\.000)+\s*(?:người|hộ|trẻ|km2)(?!\p{L})"
    rf"|(?=[tT]){PER_ONE}"
)
#: `I.`, `2.1.`, `a)` at the start of a paragraph.
LIST_LABEL = r"^(?:[IVXL]+[.\-–]|\d{1,2}(?:\.\d{1,2})*\.?(?=\s)|\d{1,2}\s?[-–](?=\s)|[a-zđ]\)|[-+•*–])\s*"
#: `công nghiệp 4.0`, `loại 1`, `thứ 3`: figures that name rather than measure.
NAMING = r"(?:top|tốp|cách\s+mạng\s+công\s+nghiệp|công\s+nghiệp|loại|thứ|cấp|hạng|nhóm|khóa|vòng|tuyến|quốc\s+lộ|tỉnh\s+lộ|đường)\s*$"
_MASK_RES = [regex.compile(p, _I) for p in (DATE, LEGAL_NUMBER, DENOMINATOR)]
_LIST_LABEL_RE = regex.compile(LIST_LABEL)
_NAMING_RE = regex.compile(NAMING, _I)

# ---------------------------------------------------------------- words around a figure

_W = r"(?!\p{L})"  # end of a Vietnamese word
YEAR = r"(?:19|20)\d{2}"
#: A heading on `kinh tế - xã hội` names no single domain.
_ECONOMY_SOCIETY_RE = regex.compile(r"kinh\s+tế\s*[-–]\s*xã\s+hội", _I)
_SEMICOLON_SPLIT = regex.compile(r"\s*;\s*")
#: A footnote: `[3] …`, `3. …`, `3) …`.
_FOOTNOTE_LINE_RE = regex.compile(r"^\s*\[?(\d{1,3})\]?[.)]?\s+(.+)$")
#: Nothing but a clause's end after an index value.
_FIGURE_END_RE = regex.compile(r"\s*(?:[.;,)]|$)")
_YEAR_RE = regex.compile(YEAR)
#: `…, trong đó …`: what follows is part of the figure before.
_OF_WHICH_RE = regex.compile(r"(?:,\s*|\s+)trong\s+(?:đó|số\s+đó)", _I)
_OF_WHICH_LEAD_RE = regex.compile(r"^trong\s+(?:đó|số\s+đó)\s+", _I)
#: Where the items of a list of figures part.
_LIST_SEP_RE = regex.compile(r",\s+|\s+và\s+|\s+hoặc\s+")
#: A lead-in that names a topic, not a measure (`Về …`, `Mục tiêu …`).
_TOPIC_LEAD_RE = regex.compile(r"^(?:về|mục\s+tiêu|chỉ\s+tiêu\s+về)(?!\p{L})", _I)
_COUNT_WORD_LEAD_RE = regex.compile(r"^(?:số|các|những)\s+", _I)
_PLURAL_LEAD_RE = regex.compile(r"^(?:các|những)\s+", _I)
_DUOC_RE = regex.compile(r"(?<!\p{L})được(?!\p{L})")
_BARE_YEAR_RE = regex.compile(rf"(?<!\d)({YEAR})(?!\d)")
#: `Tỷ lệ giường bệnh và bác sỹ trên 10.000 dân`: two counts over one denominator.
_COORDINATED_RE = regex.compile(
    r"^(?:(?:tỷ|tỉ)\s+lệ|số\s+lượng|số)?\s*(?P<a>.+?)\s+và\s+(?P<b>.+?)\s+(?P<rest>(?:trên|/|mỗi|bình\s+quân)(?!\p{L}).*)$",
    _I,
)
PERIOD = rf"(?P<p1>{YEAR})\s*[-–]\s*(?P<p2>{YEAR})"
#: `đến năm 2025`, `đến hết năm 2025`, `vào năm 2030`, `năm 2030`.
YEAR_PHRASE = rf"(?:(?:đến|tới|vào|trong|cuối)\s+(?:hết\s+|cuối\s+)?)?năm\s+(?P<y>{YEAR})"
#: `giai đoạn 2021-2025`, `bình quân giai đoạn 2026-2030`, `năm học 2025 - 2026`, bare `2026-2030`.
PERIOD_PHRASE = rf"(?:(?:bình\s+quân|trung\s+bình)\s+)?(?:(?:giai\s+đoạn|thời\s+kỳ|trong\s+giai\s+đoạn|(?:trong\s+)?năm\s+học)\s+)?{PERIOD}"
_YEAR_PHRASE_RE = regex.compile(YEAR_PHRASE, _I)
_PERIOD_PHRASE_RE = regex.compile(PERIOD_PHRASE, _I)
#: The plan's far horizon is not a due year: `tầm nhìn đến năm 2050`.
_VISION_RE = regex.compile(r"tầm\s+nhìn\s*$", _I)

# OCR confuses the marks on `â`/`a` (`phãn đấu`, `khoáng`): the two words
# most often met next to a figure are spelt with their look-alikes.
PHAN_DAU = r"ph[ấãâầẩẫậaáàảạ]n\s+đ[ấãâầẩẫậaáàảạ]u"
KHOANG = r"kho[ảáàãạa]ng"
COMMIT_VERBS = (
    rf"{PHAN_DAU}|cố\s+gắng|bảo\s+đảm|đảm\s+bảo|duy\s+trì(?:\s+ổn\s+định)?|giữ\s+vững|giữ\s+ổn\s+định|"
    r"nâng\s+cao|nâng|đạt\s+mức|đạt|có|hướng\s+tới|tiếp\s+tục|thực\s+hiện|"
    # a share: `Tỷ trọng công nghiệp chiếm khoảng 40%`
    r"chiếm"
)
DECREASE_VERBS = r"giảm\s+thiểu|giảm|kéo\s+giảm"
INCREASE_VERBS = r"tăng(?!\s+(?:cường|trưởng))(?:\s+thêm)?"
COMPARATOR_WORDS = (
    rf"{KHOANG}\s+trên|{KHOANG}\s+dưới|trên|hơn|vượt|dưới|thấp\s+hơn|cao\s+hơn|tối\s+thiểu|ít\s+nhất|"
    r"không\s+dưới|không\s+thấp\s+hơn|tối\s+đa|không\s+quá|không\s+vượt\s+quá|không\s+cao\s+hơn|"
    rf"{KHOANG}|xấp\s+xỉ|gần|từ|xuống\s+dưới|xuống|lên\s+trên|lên|ở\s+mức|mức|bằng|là|còn|đạt\s+mức|đạt"
)
#: Connectives that open a clause stretch and say nothing about the figure.
#: `Phát triển đô thị theo hướng tăng tỷ lệ đô thị hóa đạt 12%`: the way a level is reached;
#: what is measured follows it.
BY_WAY_OF = r"theo\s+hướng(?:\s+(?:tăng|giảm|nâng))?"
LEADING_CONNECTIVES = rf"và|hoặc|trong\s+đó(?:\s+có)?|trong\s+số\s+đó|riêng|đồng\s+thời|còn|với|cụ\s+thể|{BY_WAY_OF}"
_BY_WAY_OF_RE = regex.compile(rf"(?<!\p{{L}}){BY_WAY_OF}(?!\p{{L}})", regex.I)

#: How often a figure is due (`Hằng năm giải quyết việc làm cho …`): a time phrase, not the indicator.
_EVERY_YEAR = r"hằng\s+năm|hàng\s+năm|mỗi\s+năm"
_LEAD_STRIP_RE = regex.compile(
    rf"^(?:[\s,;:.\-–+~|—_=•ˆ'>]+|(?:{LEADING_CONNECTIVES}|{COMMIT_VERBS}|{DECREASE_VERBS}|{INCREASE_VERBS}|"
    rf"{PERIOD_PHRASE}|{YEAR_PHRASE}|{_EVERY_YEAR}){_W})",
    _I,
)
_TRAIL_STRIP_RE = regex.compile(
    # not the `lên` of `trở lên`, which closes a floor inside the indicator (`hộ có từ 2 lao động trở lên`)
    rf"(?:[\s,;:]+|(?<![\p{{L}}])(?<!trở\s{{1,3}})(?:{COMPARATOR_WORDS}|{COMMIT_VERBS}|(?:{DECREASE_VERBS}|tăng(?:\s+thêm|\s+gấp)?|gấp)(?:\s+(?:bình\s+quân|trung\s+bình))?|"
    rf"bình\s+quân\s+mỗi\s+năm|{_EVERY_YEAR}|{PERIOD_PHRASE}|{YEAR_PHRASE}|ổn\s+định|lần\s+lượt(?:\s+là)?))$",
    _I,
)

_COMPARATOR_RULES = [  # checked against the words just before the figure
    (regex.compile(rf"{KHOANG}\s+(?:trên|hơn)\s*$", _I), "gt"),
    (regex.compile(rf"{KHOANG}\s+dưới\s*$", _I), "lt"),
    (
        regex.compile(
            r"(?:tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn)(?:\s+(?:là|ở\s+mức|đạt|bằng))?\s*$", _I
        ),
        "ge",
    ),
    (
        regex.compile(r"(?:tối\s+đa|không\s+quá|không\s+vượt\s+quá|không\s+cao\s+hơn)(?:\s+(?:là|ở\s+mức))?\s*$", _I),
        "le",
    ),
    # `đạt từ 95%`: from that level up (SPEC `từ … trở lên`) — a change's `tăng từ …` is its start
    (regex.compile(r"(?<!\p{L})(?:đạt|ở\s+mức|là|bằng)\s+từ\s*$", _I), "ge"),
    (regex.compile(r"(?:trên|hơn|vượt|cao\s+hơn)\s*$", _I), "gt"),
    (regex.compile(r"(?:dưới|thấp\s+hơn)\s*$", _I), "lt"),
    (regex.compile(rf"(?:{KHOANG}|xấp\s+xỉ|gần|chừng)\s*$", _I), "approx"),
]
_AND_UP_RE = regex.compile(r"^\s*trở\s+lên", _I)
_AND_DOWN_RE = regex.compile(r"^\s*trở\s+xuống", _I)

_DECREASE_RE = regex.compile(rf"(?<!\p{{L}})(?:{DECREASE_VERBS}){_W}", _I)
#: `tăng 5%`, `tốc độ tăng`, `tăng trưởng`; not `tăng cường` nor growth as an
#: object (`đóng góp … vào tăng trưởng`).
_INCREASE_RE = regex.compile(
    r"(?<!\p{L})(?:(?<!(?:vào|cho|của|về)\s)tăng(?!\s+cường)(?:\s+trưởng)?|gấp(?!\s+rút))" + _W, _I
)

#: Words that make a stretch report the past or the present, not a target.
PAST_MARKERS = (
    r"đã|đạt\s+được|ước\s+đạt|ước\s+thực\s+hiện|ước\s+tính|hiện\s+nay|hiện\s+có|hiện\s+tại|hiện\s+trạng|"
    r"năm\s+qua|vừa\s+qua|trước\s+đây|cùng\s+kỳ|so\s+với\s+năm\s+trước|thực\s+hiện\s+được"
)
#: `các dự án … đã quy hoạch`, `đã được phê duyệt`: a relative clause naming the
#: object, not a result already reached.
_PAST_RE = regex.compile(
    rf"(?<!\p{{L}})(?:{PAST_MARKERS}){_W}(?!\s+(?:được\s+)?(?:quy\s+hoạch|phê\s+duyệt|ban\s+hành|đề\s+ra|giao|cam\s+kết|đăng\s+ký)(?!\p{{L}}))",
    _I,
)
#: `Duy trì ổn định 03 vùng … hiện có với tổng diện tích 6.200 ha`: the stock
#: to keep is stated as it is today, and keeping it is the goal.
_KEEP_RE = regex.compile(r"(?<!\p{L})(?:duy\s+trì|giữ\s+vững|giữ\s+ổn\s+định|bảo\s+tồn)(?!\p{L})", _I)
_PRESENT_RE = regex.compile(r"(?<!\p{L})hiện\s+(?:nay|có|tại|trạng)(?!\p{L})", _I)
#: `Đề án …, trong đó phấn đấu … 02 trường`: what comes before `trong đó` is the container.
_WITHIN_RE = regex.compile(r"(?<!\p{L})trong\s+(?:đó|số\s+đó)(?:\s+có)?(?!\p{L})", _I)
#: Outside goal sections a clause must commit to count.
#: What makes a figure in a task a goal: a commitment, or a sentence opening on
#: the year it is due (`Năm 2027, hoàn thành …, 90% phòng học đạt chuẩn`).
COMMITMENT_CUE = (
    rf"{PHAN_DAU}|mục\s+tiêu|(?:đến|tới)\s+(?:hết\s+)?năm\s+{YEAR}|(?:(?<=^[-+•]?\s*)|(?<=[.;]\s+))năm\s+{YEAR}\s*,"
)
_COMMITMENT_RE = regex.compile(rf"(?<!\p{{L}})(?:{COMMITMENT_CUE}){_W}", _I)
#: Headings of goal sections (when the section parser did not say `muc_tieu`).
_TARGET_HEADING_RE = regex.compile(
    rf"^(?:(?:các|một\s+số|những)\s+)?(?:mục\s+tiêu|chỉ\s+tiêu)|^(?:đến|tới)\s+(?:hết\s+)?năm\s+{YEAR}.*phấn\s+đấu", _I
)
#: A list head that introduces goals: `Đến năm 2025, phấn đấu đạt các chỉ tiêu sau:`.
_GOAL_LEAD_RE = regex.compile(r"(?<!\p{L})(?:mục\s+tiêu|chỉ\s+tiêu|phấn\s+đấu)(?!\p{L})", _I)
_NO_TARGET_KINDS = {"preamble", "noi_nhan", "chu_ky", "footnotes", "kinh_phi"}

#: Words an indicator starts with when it is complete on its own.
INDICATOR_HEADS = (
    r"tỷ\s+lệ|tỉ\s+lệ|tốc\s+độ|tổng|số(?!\s+hóa)|chỉ\s+số|hệ\s+số|mức|độ|cơ\s+cấu|thu\s+nhập|thu\s+ngân\s+sách|"
    r"GRDP|GDP|giá\s+trị|năng\s+suất|sản\s+lượng|diện\s+tích|kim\s+ngạch|tuổi\s+thọ|dân\s+số|"
    r"lượng|quy\s+mô|chi\s+phí|vốn|đóng\s+góp|tỷ\s+trọng|tỉ\s+trọng|mật\s+độ|doanh\s+thu|lợi\s+nhuận|trong\s+đó"
)
_HEAD_RE = regex.compile(rf"^(?:{INDICATOR_HEADS}){_W}", _I)
#: A dimensionless figure counts only for an index (`HDI đạt mức 0,7`).
_INDEX_SUBJECT_RE = regex.compile(r"chỉ\s+số|hệ\s+số|HDI|PCI|PAPI|PAR\s+INDEX|SIPAS|DDCI|ICT\s+Index", _I)
_DIMENSIONLESS_BEFORE_RE = regex.compile(r"(?:đạt|bằng|ở)(?:\s+mức)?(?:\s+(?:khoảng|trên|dưới|tối\s+thiểu))?\s*$", _I)

# ---------------------------------------------------------------- domains

#: Defence and security; not `an ninh năng lượng`, `an ninh lương thực`: supplies kept secure.
_DEFENSE_CUE = (
    r"quốc\s+phòng|an\s+ninh(?!\s+(?:năng\s+lượng|lương\s+thực|nguồn\s+nước))|quân\s+sự|"
    # the forces that carry it out: militia and self-defence, border guards
    r"dân\s+quân|tự\s+vệ|biên\s+phòng"
)
#: `môi trường` as a setting, not nature: `trên môi trường mạng`, `môi trường đầu tư, kinh
#: doanh`, `môi trường học tập`.
_SETTING_AFTER = (
    r"mạng|số|điện\s+tử|trực\s+tuyến|ảo|đầu\s+tư|kinh\s+doanh|pháp\s+lý|học\s+tập|làm\s+việc|"
    r"giáo\s+dục|sư\s+phạm|văn\s+hóa"
)
_ENVIRONMENT = rf"môi\s+trường(?!\s+(?:{_SETTING_AFTER})(?!\p{{L}}))"
DOMAIN_CUES: list[tuple[str, str]] = [
    ("climate", r"biến\s+đổi\s+khí\s+hậu|khí\s+hậu|thiên\s+tai|khí\s+nhà\s+kính"),
    ("defense", _DEFENSE_CUE),
    ("environment", _ENVIRONMENT),
    ("resources", r"tài\s+nguyên|đất\s+đai|khoáng\s+sản"),
    ("economy", r"kinh\s+tế"),
    ("society", r"xã\s+hội|văn\s+hóa|giáo\s+dục|y\s+tế|lao\s+động|việc\s+làm|dân\s+số"),
]
_DOMAIN_RES = [(d, regex.compile(rf"(?<!\p{{L}})(?:{p}){_W}", _I)) for d, p in DOMAIN_CUES]

_FOOTNOTE_MARK_RE = regex.compile(r"\[(\d{1,3})\]")
#: Marks OCR makes of bullets and rules (`~`, `—`, `|`, `_=`): a clause
#: boundary when a capitalised word follows, noise otherwise.
_SENTENCE_END_RE = regex.compile(
    rf"(?<=[.!?…])\s+(?=[\p{{Lu}}“\"(\-+]|{OCR_JUNK})|;|\s{OCR_JUNK}+(?:\s*[-+]?{OCR_JUNK}*)\s(?=\p{{Lu}})"
)


# ---------------------------------------------------------------- small helpers


#: What an indicator measures, when no heading names the domain: the first cue wins,
#: the more specific domains first (`tỷ lệ khu công nghiệp có hệ thống xử lý nước
#: thải` is environment; `tỷ lệ hộ dân được sử dụng điện` society).
INDICATOR_DOMAIN_CUES: list[tuple[str, str]] = [
    ("climate", r"khí\s+nhà\s+kính|phát\s+thải|thiên\s+tai|biến\s+đổi\s+khí\s+hậu"),
    (
        "environment",
        _ENVIRONMENT + r"|nước\s+thải|chất\s+thải|(?<!điện\s)rác|che\s+phủ\s+rừng|rừng|sinh\s+thái|ô\s+nhiễm|"
        r"không\s+khí|đa\s+dạng\s+sinh\s+học|nước\s+sạch",
    ),
    ("resources", r"đất\s+đai|khoáng\s+sản|tài\s+nguyên|nguồn\s+nước|nguồn\s+thu\s+từ\s+đất"),
    (
        "society",
        r"hộ|người\s+dân|dân\s+số|y\s+tế|bác\s+s[ĩỹ]|giường\s+bệnh|bảo\s+hiểm|giáo\s+dục|học\s+sinh|trẻ\s+em|"
        r"trường\s+học|(?<!năng\s+suất\s)lao\s+động|việc\s+làm|nghèo|văn\s+hóa|tuổi\s+thọ|"
        r"bệnh|sức\s+khỏe|thuốc\s+lá|tiêm\s+chủng|dinh\s+dưỡng|điều\s+trị|khám",
    ),
    ("defense", _DEFENSE_CUE),
    (
        "economy",
        r"kinh\s+tế|GRDP|GDP|tăng\s+trưởng|công\s+nghiệp|KCN|CCN|KKT|sản\s+xuất|năng\s+lượng|điện(?!\s+(?:tử|thoại|toán))|du\s+lịch|xuất\s+khẩu|"
        r"đầu\s+tư|ngân\s+sách|doanh\s+nghiệp|hợp\s+tác\s+xã|HTX|thương\s+mại|lấp\s+đầy|năng\s+suất|nông\s+nghiệp|thu\s+nhập",
    ),
]
_INDICATOR_DOMAIN_RES = [(d, regex.compile(rf"(?<!\p{{L}})(?:{p}){_W}", _I)) for d, p in INDICATOR_DOMAIN_CUES]


def indicator_domain(indicator: str, heading_domain: str) -> str:
    """The heading's domain, else the one the indicator's words name (SPEC: the
    heading decides; a heading such as `Chỉ tiêu` names none)."""
    if heading_domain != "other":
        return heading_domain
    for d, rx in _INDICATOR_DOMAIN_RES:
        if rx.search(indicator):
            return d
    return "other"


@memo()
def domain_of(heading: str | None) -> str | None:
    """The one domain a heading names (`Về tài nguyên và môi trường` → environment), else None."""
    if not heading:
        return None
    found = {d for d, rx in _DOMAIN_RES if rx.search(heading)}
    if {"environment", "resources"} <= found:
        found.discard("resources")  # `tài nguyên và môi trường` is the environment heading
    if "economy" in found and "society" in found and _ECONOMY_SOCIETY_RE.search(heading):
        return None
    return found.pop() if len(found) == 1 else None


def comparator_before(before: str, after: str = "", q: Quantity | None = None) -> str:
    """The comparator the words around a figure give it."""
    if q is not None and q.is_range:
        return "range"
    if q is not None and q.comparator:
        return q.comparator
    if _AND_UP_RE.match(after):
        return "ge"
    if _AND_DOWN_RE.match(after):
        return "le"
    tail = before[-40:]
    for rx, comp in _COMPARATOR_RULES:
        if rx.search(tail):
            return comp
    return "eq"


_GROWTH_RATE = regex.compile(r"tốc\s+độ\s+tăng", _I)


#: Adding to a stock: `hình thành mới 05 khu công nghiệp`, `có thêm 3 xã`, `bổ sung 2.989 MW`.
_ADD_RE = regex.compile(
    r"(?<!\p{L})(?:(?:hình\s+thành|xây\s+dựng|xây|trồng|thành\s+lập|làm)\s+mới|có\s+thêm|bổ\s+sung)(?!\p{L})", _I
)
#: `tăng tỷ lệ X đạt 12%`: raising a share until it reaches a level, which the figure is.
_RAISE_TO_LEVEL_RE = regex.compile(
    r"(?<!\p{L})tăng\s+(?:tỷ\s+lệ|tỷ\s+trọng)(?!\p{L})[^.;]*?(?<!\p{L})đạt(?!\s+được)(?!\p{L})", _I
)


def direction_of(words: str, after: str = "") -> str:
    """`decrease` if the nearest change verb is `giảm`, `increase` if `tăng` (or an
    addition to a stock), else `level`. `after`: the object of a leading figure,
    where only an addition counts (`03 khu công nghiệp được thành lập mới`); a
    change word there is part of a noun (`50% người tăng huyết áp`)."""
    if _ADD_RE.search(after):
        return "increase"
    if _RAISE_TO_LEVEL_RE.search(words):
        return "level"
    dec = [m.start() for m in _DECREASE_RE.finditer(words)]
    inc = [m.start() for m in _INCREASE_RE.finditer(words)] + [m.start() for m in _ADD_RE.finditer(words)]
    if _GROWTH_RATE.search(words):
        inc.append(len(words))
    if not dec and not inc:
        return "level"
    return "decrease" if max(dec, default=-1) > max(inc, default=-1) else "increase"


def years_in(words: str) -> tuple[int | None, int | None, int | None]:
    """(target_year, period_start, period_end) stated in `words`, else Nones."""
    period = None
    for m in _PERIOD_PHRASE_RE.finditer(words):
        a, b = int(m.group("p1")), int(m.group("p2"))
        if a < b:
            period = (a, b)
    year = None
    for m in _YEAR_PHRASE_RE.finditer(words):
        if not _VISION_RE.search(words[: m.start()]):
            year = int(m.group("y"))
    if period:
        return period[1], period[0], period[1]
    return year, None, None


#: A time phrase right after a figure (`9,5%/năm giai đoạn 2021-2025`), or
#: `vào năm 2030` anywhere after it. Other years after a figure describe
#: its object (`thiên tai … đã xảy ra trong giai đoạn 2015 - 2020`).
_TIME_RIGHT_AFTER_RE = regex.compile(
    rf"^(?:[\s,]*(?:trong\s+)?(?:{PERIOD_PHRASE}|(?:đến|tới|vào)\s+(?:hết\s+)?năm\s+{YEAR})"
    # `3% năm 2026, 2% năm 2027`: a bare year right after the figure, in its clause
    rf"|\s+năm\s+{YEAR}(?!\s*[-–]))",
    _I,
)
_DUE_YEAR_RE = regex.compile(rf"(?<!tầm\s+nhìn\s)(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?năm\s+(?P<y>{YEAR})", _I)


#: `vào năm 2030` anywhere in the words after a figure.
_IN_YEAR_RE = regex.compile(rf"(?<!\p{{L}})vào\s+năm\s+(?P<y>{YEAR})", _I)
#: A sentence that opens on its year: `Năm 2027, hoàn thành …`.
_YEAR_LEAD_RE = regex.compile(rf"(?:^|[.;]\s+)[-+•]?\s*năm\s+(?P<y>{YEAR})\s*,", _I)


#: A clause that closes on when it is due: `100% hồ sơ … được giải quyết trực
#: tuyến trong năm 2026`, `… trước năm 2028`. A bare year there may date the
#: object instead (`… nước sạch năm 2020`), and one after a past marker does.
_CLOSING_YEAR_RE = regex.compile(
    rf"(?<!\p{{L}})(?:trong|trước|đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?P<y>{YEAR})[\s.;,]*$", _I
)


def _without_baseline(words: str) -> str:
    """Words before a `so với …` baseline: its year (`so với năm 2015`) is where a
    change is counted from, never when the target is due."""
    base = _BASELINE_TAIL.search(words)
    return words[: base.start()] if base else words


def _time_after(words: str) -> tuple[int | None, int | None, int | None]:
    words = _without_baseline(words)
    m = _TIME_RIGHT_AFTER_RE.match(words)
    if m:
        return years_in(m.group())
    m = _IN_YEAR_RE.search(words) or (
        (c := _CLOSING_YEAR_RE.search(words)) and not _PAST_RE.search(words, 0, c.start()) and c
    )
    return (int(m.group("y")), None, None) if m else (None, None, None)


#: What a stretch's text does not start with: separators and a joining `và`.
_STRETCH_OPENING_RE = regex.compile(r"[\s,;:.\-–+~|—_=•ˆ'>]*(?:(?:và|hoặc)\s+)?")


_JUNK_TOKENS = regex.compile(rf"(?<!\S){OCR_JUNK}+(?!\S)")


def _tidy(s: str) -> str:
    s = _JUNK_TOKENS.sub(" ", s)
    return SPACES.sub(" ", s).strip(" \t,;:.-–")


def _lower_first(s: str) -> str:
    """Indicators in running-text case; acronyms (`GRDP`) keep theirs."""
    if not s:
        return s
    first = s.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return s
    return s[0].lower() + s[1:]


def _agencies(cell: str) -> list[str]:
    cell = _tidy(cell)
    if not cell:
        return []
    found = split_agencies(cell)
    if found:
        return found
    return [_tidy(p) for p in _SEMICOLON_SPLIT.split(cell) if _tidy(p)]


# ---------------------------------------------------------------- document context


@dataclass
class _Context:
    """What the headings and lead-ins above a spot say."""

    domain: str = "other"
    year: int | None = None
    period: tuple[int, int] | None = None
    goal: bool = False  # inside a section that states goals


def _section_context(doc, offset: int) -> _Context:
    return _context_of(doc, doc.section_at(offset))


def _context_of(doc, sec) -> _Context:
    ctx = _Context()
    if sec is None:
        return ctx
    chain = doc.ancestors(sec)
    for s in chain:
        if ctx.domain == "other":
            ctx.domain = domain_of(s.heading) or "other"
        if ctx.year is None and s.heading:
            y, p1, p2 = years_in(_without_baseline(s.heading))
            if y:
                ctx.year = y
                ctx.period = (p1, p2) if p1 and p2 else None
        if s.kind == "muc_tieu" or (s.heading and _TARGET_HEADING_RE.search(s.heading)):
            ctx.goal = True
    if chain[-1].kind in _NO_TARGET_KINDS:
        ctx.goal = False
    return ctx


def _footnotes(doc) -> dict[str, str]:
    notes: dict[str, str] = {}
    for s in doc.sections:
        if s.kind != "footnotes":
            continue
        for line in doc.text[s.char_start : s.char_end].split("\n"):
            m = _FOOTNOTE_LINE_RE.match(line)
            if m:
                notes[m.group(1)] = m.group(2).strip()
    return notes


def _note_for(text: str, notes: dict[str, str]) -> str | None:
    found = [notes[m.group(1)] for m in _FOOTNOTE_MARK_RE.finditer(text) if m.group(1) in notes]
    return " ".join(found) if found else None


# ---------------------------------------------------------------- prose


@dataclass
class _Figure:
    """A figure in a clause and the stretch of words that belongs to it."""

    q: Quantity
    unit: str
    unit_end: int  # offset in the line after the unit
    left: int = 0  # where its stretch starts (line offset)
    right: int = 0  # where its stretch ends
    before: str = ""  # stretch words before the figure
    subject: str = ""  # `before` without verbs, comparators, time phrases
    info: dict = field(default_factory=dict)  # verb direction, year, period met while stripping
    past: bool = False  # the stretch reports a result, not a goal
    number_first: bool = False  # `trên 90% chất thải rắn …`: what follows is measured
    counted: bool = False  # the unit is the noun the figure counts (`500 chuỗi`)
    measures: tuple[int, str] | None = None  # (where its measure's words start, the counted things it measures)

    @property
    def is_count(self) -> bool:
        return self.counted or bool(_COUNT_RE.match(self.unit)) or self.noun in COUNTED_ABBREVIATIONS

    @property
    def noun(self) -> str:
        """What a count counts: its unit without the per-tail (`người/năm` → `người`)."""
        return self.unit.split("/", 1)[0]

    @property
    def noun_words(self) -> str:
        """The noun written out, for an indicator (`kcn` → `khu công nghiệp`)."""
        return COUNTED_ABBREVIATIONS.get(self.noun, self.noun)


def _masked(line: str) -> Callable[[], list[tuple[int, int]]]:
    """The spans of `line` no figure may overlap, found when first asked for (most lines with a digit hold no figure)."""
    return functools.cache(functools.partial(_masked_spans, line))


def _masked_spans(line: str) -> list[tuple[int, int]]:
    spans = [m.span() for rx in _MASK_RES for m in rx.finditer(line)]
    m = _LIST_LABEL_RE.match(line)
    if m:
        spans.append(m.span())
    return spans


#: The unit of an age (`dưới 5 tuổi`).
AGE_UNIT = "tuổi"
#: Spaces around the slash of a unit (`người / năm`).
_SLASH_GAPS = regex.compile(r"\s*/\s*")
#: A number that goes on (`12/15`, `3-5`, `7.5`): not the figure's end.
_NUMBER_GOES_ON = regex.compile(r"\s*(?:[/\-]\s*\d|\.\d)")
#: `12/` before `63` in `xếp thứ 12/63 tỉnh`: what follows the slash is a denominator.
_DENOMINATOR_BEFORE_RE = regex.compile(r"\d\s*/\s*$")
#: `/7` in `5/7 huyện`: the whole a count is part of.
_FRACTION_RE = regex.compile(r"\s*/\s*[0-9]{1,4}(?![0-9/.,\-])")


#: Words after a figure that say when, how often, in what rank or in which part of the
#: document, or join it to what follows: no thing counted.
NOT_COUNTED = [
    *("năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây", "kỳ", "lần", "đợt"),
    *("bậc", "hạng", "sao", "loại", "nhóm", "bước", "giai đoạn", "nội dung", "nhiệm vụ", "giải pháp"),
    *("mục tiêu", "chỉ tiêu", "điều", "khoản", "chương", "mục", "phần", "phụ lục", "trang", "bản", "văn bản"),
    *("và", "hoặc", "đến", "tới", "trở", "so", "với", "của", "trong", "là", "tại", "trên", "dưới"),
    *("theo", "từ", "thì", "để", "khi", "được", "đã", "sẽ", "còn", "nữa", "này", "đó", "trước", "sau"),
    *("vào", "ra", "về", "qua", "cho", "như", "mà", "nếu", "hay", "cùng", "do", "vì", "bởi", "nhằm", "nên"),
    *("cũng", "đều", "vẫn", "đang", "chỉ", "mới", "lại", "rồi"),
]
#: A counted noun: lower-case, and neither such a word nor a verb or comparator that goes on
#: the clause (`mức 2 đạt trên 85%`: the figure names a level, a verb follows).
_COUNTED_AFTER_RE = regex.compile(
    rf" (?-i:(?=\p{{Ll}}))(?!(?:{'|'.join(NOT_COUNTED)}|{COMMIT_VERBS}|{DECREASE_VERBS}|{INCREASE_VERBS}|{COMPARATOR_WORDS})(?!\p{{L}}))",
    _I,
)


#: `tăng 1,5 lần`, `gấp 2 lần năm 2020`: a multiple of a base, which ends the figure or
#: names the base. Elsewhere `lần` counts occasions (`tổ chức 2 lần/năm`, `tăng 2 lần
#: kiểm tra`), no quantity a plan reaches.
_TIMES_BEFORE_RE = regex.compile(
    rf"(?<!\p{{L}})(?:tăng|gấp|giảm|bằng)(?:\s+(?:gấp|thêm))?(?:\s+(?:{COMPARATOR_WORDS}))?\s*\Z", _I
)
#: What a multiple is of: `gấp 2 lần năm 2020`, `tăng 1,5 lần mức năm 2023`.
_BASE_WORDS = r"năm|giai\s+đoạn|thời\s+kỳ|mức|cùng\s+kỳ"
_TIMES_AFTER_RE = regex.compile(
    rf"\G\s+(?P<unit>lần)(?=\s*(?:[.;,)]|$|(?:so\s+với|{_BASE_WORDS}|trở|đến|vào|trong|trước)(?!\p{{L}})))",
    _I,
)


#: A verb after a noun that counts by kind says what the place does, no kind (`3 khu xử lý chất thải`).
_ACTION_RE = regex.compile(rf"(?:{'|'.join(PREDICATE_WORDS)})(?!\p{{L}})", _I)


#: A time a plan sets for something to take (`Thời gian chờ khám bệnh trung bình dưới 30 phút`, `thời gian
#: giải quyết … giảm còn 15 ngày làm việc`): a duration after a bound, in a clause that measures a time.
_DURATION_RE = regex.compile(r"\s+(?P<unit>ngày\s+làm\s+việc|ngày|giờ|phút)(?!\p{L})", _I)
_TIME_MEASURED_RE = regex.compile(r"(?<!\p{L})thời\s+gian(?!\p{L})", _I)
_DURATION_BOUND_RE = regex.compile(r"(?<!\p{L})(?:dưới|không\s+quá|tối\s+đa|còn|xuống)\s*\Z", _I)


def _duration_after(line: str, start: int, qs: int, qe: int) -> regex.Match[str] | None:
    """The duration unit after a figure that bounds a time the clause measures, or None."""
    m = _DURATION_RE.match(line, qe)
    if m and _DURATION_BOUND_RE.search(line, max(start, qs - 20), qs) and _TIME_MEASURED_RE.search(line, start, qs):
        return m
    return None


def _counted_noun_end(line: str, start: int, end: int) -> int | None:
    """End of the noun a figure counts when no known unit follows it (`500 chuỗi`, `120 câu
    lạc bộ`, `50 tổ hợp tác`): in Vietnamese the counted noun comes right after the numeral,
    so the dictionary word there is the unit."""
    m = _COUNTED_AFTER_RE.match(line, end)
    if not m or (start and line[start - 1].isalpha()):
        return None  # glued to the word before, a figure is a footnote's marker (`GRDP2 vào năm`)
    word = word_end(line, m.end())
    if word is None or normalize_tone_marks(line[m.end() : word].split()[0]) not in vocabulary():
        return None
    if (
        line[m.end() : word].lower() in KIND_NAMING_NOUNS
        and (kind := _COUNTED_AFTER_RE.match(line, word))
        and not _ACTION_RE.match(line, kind.end())
    ):
        return word_end(line, kind.end()) or word  # `khu` + `dân cư`; `khu` + `xử lý …` stays `khu`
    return word


def _unit_text(unit: str) -> str:
    """A unit as written after a figure, in one form: `Triệu  đồng / người` → `triệu đồng/người`."""
    return _SLASH_GAPS.sub("/", SPACES.sub(" ", unit).lower())


def _figures(line: str, start: int, end: int, masked: Callable[[], list[tuple[int, int]]]) -> list[_Figure]:
    """Figures with a unit (or an index value) in `line[start:end]`; `masked()` gives the spans that hold none."""
    out = []
    consumed = start
    for q in find_quantities(line[start:end]):
        qs, qe = q.start + start, q.end + start
        if qs < consumed or is_year(q) or any(a < qe and qs < b for a, b in masked()):
            continue
        q = Quantity(start=qs, end=qe, value=q.value, value_high=q.value_high, sign=q.sign, low_text=q.low_text)
        if rate := _RATE_AFTER_RE.match(line, qe):
            # `30/100.000 trẻ đẻ sống`: a rate, not a fraction or a date
            out.append(_Figure(q=q, unit=_unit_text(rate.group()), unit_end=rate.end()))
            consumed = rate.end()
            continue
        if _DENOMINATOR_BEFORE_RE.search(line, max(start, qs - 8), qs):
            continue  # `xếp thứ 12/63 tỉnh`: the whole a rank or a share is out of, never the figure
        fraction = _FRACTION_RE.match(line, qe)
        if _NUMBER_GOES_ON.match(line[qe:]) and not fraction:
            continue  # `6/2024`, `1-2-3`: parts of something else
        if _NAMING_RE.search(line[max(start, qs - 30) : qs]):
            continue
        if fraction:
            # `5/7 huyện`: five of the seven, counted; any other `a/b` is a date or a code
            m = _UNIT_AFTER_RE.match(line, fraction.end())
            if m and _COUNT_RE.match(m.group("unit")):
                out.append(_Figure(q=q, unit=SPACES.sub(" ", m.group("unit")).lower(), unit_end=m.end()))
                consumed = m.end()
            continue
        m = _UNIT_AFTER_RE.match(line, qe) or (
            _TIMES_BEFORE_RE.search(line, max(start, qs - 60), qs) and _TIMES_AFTER_RE.match(line, qe)
        )
        if m:
            out.append(_Figure(q=q, unit=_unit_text(m.group("unit")), unit_end=m.end()))
            continue
        if (duration := _duration_after(line, start, qs, qe)) is not None:
            out.append(_Figure(q=q, unit=_unit_text(duration.group("unit")), unit_end=duration.end()))
            continue
        if (noun_end := _counted_noun_end(line, qs, qe)) is not None:
            out.append(_Figure(q=q, unit=_unit_text(line[qe:noun_end].strip()), unit_end=noun_end, counted=True))
            continue
        before = line[start:qs]
        after = line[qe:end]
        if (
            _DIMENSIONLESS_BEFORE_RE.search(before)
            and _FIGURE_END_RE.match(after)
            and _INDEX_SUBJECT_RE.search(before)
            and q.value < 1000
        ):
            out.append(_Figure(q=q, unit="", unit_end=qe))
    return [
        f for i, f in enumerate(out) if not _age_band(line, f, out[i + 1 :]) and not _qualifying_count(line, f, out)
    ]


#: A clause's end: no figure after it qualifies what came before.
_CLAUSE_END = regex.compile(r"[;!?]|\.(?:\s|$)")


def _age_band(line: str, f: _Figure, later: list[_Figure]) -> bool:
    """`trẻ em dưới 5 tuổi`, `người từ 60 tuổi trở lên`, `phụ nữ 15-49 tuổi`: an age that
    says whom an indicator counts, when the clause's figure comes after it (`… giảm xuống
    dưới 20%`); alone (`Tuổi thọ trung bình đạt 75 tuổi`), the age is the target."""
    return f.unit == AGE_UNIT and bool(later) and not _CLAUSE_END.search(line, f.unit_end, later[0].q.start)


#: `có từ`, `có trên`, `có ít nhất`: what the things counted before have.
_HAVING_BEFORE_RE = regex.compile(rf"(?<!\p{{L}})có\s+(?:(?:{COMPARATOR_WORDS})\s+)?$", _I)
_COMMITS_BEFORE_RE = regex.compile(rf"(?:^|[,;:]\s*|(?<!\p{{L}})(?:{COMMIT_VERBS}|{LEADING_CONNECTIVES}))\s*$", _I)


def _qualifying_count(line: str, f: _Figure, figures: list[_Figure]) -> bool:
    """`100% xã có từ 2 trường đạt chuẩn trở lên`, `Tỷ lệ doanh nghiệp có trên 50 lao động
    … đạt 80%`: a count the things measured have says which are counted, when another
    figure of the clause is the target; alone (`các thôn có từ 30 hộ trở lên`) it is one."""
    if not f.is_count or not (has := _HAVING_BEFORE_RE.search(line, max(0, f.q.start - 30), f.q.start)):
        return False
    if _COMMITS_BEFORE_RE.search(line, max(0, has.start() - 30), has.start()):
        return False  # `Phấn đấu có 5 khu công nghiệp`: the plan's own `có`, no one's having
    for o in figures:
        if o is f:
            continue
        a, b = (o.unit_end, f.q.start) if o.q.start < f.q.start else (f.unit_end, o.q.start)
        if not _CLAUSE_END.search(line, a, b) and not _LIST_SEP_RE.search(line, a, b):
            return True
    return False


#: A colon before a space: where OCR's `:` for `;` may cut a clause.
_COLON_GAP = regex.compile(r":\s")


#: Figures that qualify whom an indicator counts (`trẻ em dưới 1 tuổi`, `phụ nữ 15-49 tuổi`):
#: part of a lead-in's name, no figure of its own.
_AGE_QUALIFIER_RE = regex.compile(
    r"(?<!\p{L})(?:(?:dưới|trên|từ|đủ)\s+\d{1,3}|\d{1,2}\s*[-–]\s*\d{1,2})\s+tuổi(?!\p{L})", _I
)


def _names_no_figure(line: str, start: int, end: int, masked: Callable[[], list[tuple[int, int]]]) -> bool:
    """Whether `line[start:end]` holds no figure: its digits are years, ages that qualify
    whom it counts, or masked (dates, document numbers, denominators)."""
    words = line[start:end]
    if not _DIGIT.search(words):
        return True
    spans = [(a - start, b - start) for a, b in masked() if a < end and b > start]
    spans += [m.span() for m in _AGE_QUALIFIER_RE.finditer(words)]
    spans += [m.span() for m in _YEAR_RE.finditer(words)]
    kept = "".join(c for i, c in enumerate(words) if not any(a <= i < b for a, b in spans))
    return not _DIGIT.search(kept)


def _clauses(line: str, start: int, end: int, masked: Callable[[], list[tuple[int, int]]]):
    """(start, end) of each clause: split at `;`, at sentence ends, and at a
    colon that follows a figure (OCR reads `;` as `:`)."""
    cuts = [m.span() for m in _SENTENCE_END_RE.finditer(line, start, end)]
    cuts += [m.span() for m in _COLON_GAP.finditer(line[:end]) if m.start() >= start]
    pos = start
    for a, b in sorted(cuts):
        if a < pos:
            continue
        if line[a] == ":" and _names_no_figure(line, pos, a, masked):
            continue  # a lead-in colon: handled by the caller
        yield pos, a
        pos = b
    yield pos, end


def _first_sep(between: str, last: bool) -> int | None:
    """Where, in the text between two figures, the second one's stretch begins."""
    m = _OF_WHICH_RE.search(between)
    if m:
        return m.start()
    seps = [m.start() for m in _LIST_SEP_RE.finditer(between)]
    if not seps:
        return None
    return seps[-1] if last else seps[0]


_INCREASE_VERB = regex.compile(INCREASE_VERBS, _I)


def _strip_subject(words: str, info: dict) -> str:
    """Commitment verbs, comparators and time phrases off both ends of `words`."""
    s = words
    if (way := list(_BY_WAY_OF_RE.finditer(s))) and s[way[-1].end() :].strip():
        s = s[way[-1].end() :]
    while True:
        m = _LEAD_STRIP_RE.match(s)
        if not m or not m.group():
            break
        token = m.group()
        if _DECREASE_RE.match(token.strip()):
            info["verb_dir"] = "decrease"
        elif _INCREASE_VERB.match(token.strip()):
            info["verb_dir"] = "increase"
        y, p1, p2 = years_in(token)
        if y:
            info.setdefault("year", y)
            if p1:
                info.setdefault("period", (p1, p2))
        s = s[m.end() :]
    while True:
        m = _TRAIL_STRIP_RE.search(s)
        if not m or not m.group():
            break
        y, p1, p2 = years_in(m.group())
        if y:
            info.setdefault("year", y)
            if p1:
                info.setdefault("period", (p1, p2))
        s = s[: m.start()]
    return _tidy(s)


_PER_LEAD = regex.compile(r"^\s*/\s*(?=\p{L}|\d)")
_BOUND_LEAD = regex.compile(r"^\s*trở\s+(?:lên|xuống)(?!\p{L})", _I)
_BASELINE_TAIL = regex.compile(r"(?<!\p{L})so\s+với\s+.+$", _I)
_TIME_TAIL = regex.compile(
    r"(?<!\p{L})(?:đối\s+với|vào\s+năm|đến\s+(?:hết\s+)?năm|(?:(?:trong|trước)\s+)?(?:năm(?:\s+học)?|giai\s+đoạn|thời\s+kỳ)(?=\s+(?:19|20)\d{2}(?!\d))|(?:trong|trước|đến|chậm\s+nhất)\s+(?:ngày|tháng|quý)(?=\s+[\dIVX]))(?!\p{L}).*$",
    _I,
)


def _object(words: str) -> tuple[str, str | None]:
    """The noun phrase after a figure, and a `so với …` baseline in it."""
    words = _BOUND_LEAD.sub("", words)  # `95% trở lên số hộ …`: the bound is the comparator's
    words = _PER_LEAD.sub("trên ", words)  # `32 giường bệnh/vạn dân`: per ten thousand people
    base = None
    m = _BASELINE_TAIL.search(words)
    if m:
        base = _tidy(m.group())
        words = words[: m.start()]
    m = _TIME_TAIL.search(words)
    if m:
        words = words[: m.start()]
    return _tidy(words), base


def _coordinated_count(subject: str, unit: str) -> str | None:
    """`Tỷ lệ giường bệnh và bác sỹ trên 10.000 dân` + `bác sỹ` → `số bác sỹ trên 10.000 dân`."""
    m = _COORDINATED_RE.match(subject)
    if not m:
        return None

    def norm(s):
        return SPACES.sub(" ", s.lower().replace("ỹ", "ĩ")).strip()

    if norm(unit) in (norm(m.group("a")), norm(m.group("b"))):
        return f"số {unit} {m.group('rest').strip()}"
    return None


def _splice(previous: str, part: str) -> str:
    """`Tỷ lệ … tại các đô thị loại I, II` + `các đô thị từ loại III` → `Tỷ lệ … tại các đô thị từ loại III`."""
    words = part.split()
    for n in (3, 2):
        if len(words) >= n:
            probe = " ".join(words[:n]).lower()
            k = previous.lower().rfind(probe)
            if k > 0:
                return previous[:k] + part
    return f"{previous}: {_lower_first(part)}"


@dataclass
class _ListHead:
    """A paragraph ending in `:` that opens a list (`Đến năm 2025, phấn đấu đạt …:`)."""

    section_id: str | None
    goal: bool
    year: int | None
    period: tuple[int, int] | None


_LIST_ITEM_RE = regex.compile(r"^(?:[-+•*–]|[a-zđ]\)|\d{1,2}\))\s*")


def _list_head(line: str, section_id: str | None) -> _ListHead | None:
    if not line.rstrip().endswith(":") or _figures(line, 0, len(line), _masked(line)):
        return None  # a head announces figures, it does not state them
    info_year, p1, p2 = years_in(line)
    goal = bool(_GOAL_LEAD_RE.search(line))
    if not goal and info_year is None:
        return None
    return _ListHead(section_id=section_id, goal=goal, year=info_year, period=(p1, p2) if p1 and p2 else None)


_DIGIT = regex.compile(r"\d")


def _prose_targets(doc, notes) -> list[Target]:
    text = doc.text
    out: list[Target] = []
    pos = 0
    head: _ListHead | None = None
    contexts: dict[int, _Context] = {}  # a section's context, by section (the same for all its lines)
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if "\t" in line:
            continue
        sec = doc.section_at(line_start)
        sec_id = sec.section_id if sec is not None else None
        # A list head reaches the list items under it, in its section and the
        # subsections its items open (`a) Về …`).
        if head is not None and (
            not _LIST_ITEM_RE.match(line)
            or head.section_id not in {s.section_id for s in (doc.ancestors(sec) if sec is not None else [])} | {None}
        ):
            head = None
        new_head = _list_head(line, sec_id)
        if new_head is not None:
            head = new_head
            continue
        if not _DIGIT.search(line) or (sec is not None and sec.kind in _NO_TARGET_KINDS):
            continue
        ctx = contexts.get(id(sec))
        if ctx is None:
            ctx = contexts[id(sec)] = _context_of(doc, sec)
        if head is not None:
            ctx = _Context(
                domain=ctx.domain,
                year=head.year or ctx.year,
                period=head.period if head.year else ctx.period,
                goal=ctx.goal or head.goal,
            )
        masked = _masked(line)
        label = _LIST_LABEL_RE.match(line)
        body_start = label.end() if label else 0
        lead = None
        lead_year: tuple | None = None
        carried: str | None = None  # the indicator a clause with only a time and a figure goes on with
        for c_start, c_end in _clauses(line, body_start, len(line), masked):
            # A lead-in before a colon names what the figures after it (in this
            # clause and the next ones of the paragraph) measure.
            colon = _COLON_GAP.search(line, c_start, c_end)
            if colon and colon.start() - c_start < 160:
                info: dict = {}
                lead = _strip_subject(line[c_start : colon.start()], info) or None
                if lead and (_TOPIC_LEAD_RE.match(lead)):
                    lead = None
                lead_year = (info["year"], info.get("period")) if info.get("year") else lead_year
                c_start = colon.end()
            figs = _figures(line, c_start, c_end, masked)
            if not ctx.goal:
                # Outside goal sections only figures after a commitment count.
                cue = _COMMITMENT_RE.search(line, body_start, c_end)
                in_tasks = sec is not None and sec.kind == "nhiem_vu_giai_phap"
                figs = [f for f in figs if (cue and cue.start() < f.q.start) or (in_tasks and _share_to_reach(line, f))]
            if figs:
                got = _read_clause(doc, line, line_start, c_start, c_end, figs, ctx, lead, lead_year, notes, carried)
                out.extend(got)
                carried = got[-1].indicator if got else carried
    return out


_TRAILING_COMMA = regex.compile(r",\s*$")
#: The economy's aggregates a share is taken of (`20% GRDP`, `3% tổng chi ngân sách`): the
#: share is of them, so the words before the figure name what is measured.
_AGGREGATE_AFTER_RE = regex.compile(
    r"\s*(?:của\s+)?(?:GRDP|GDP|tổng\s+(?:sản\s+phẩm|vốn|chi|thu|kim\s+ngạch))(?!\p{L})", _I
)
#: `với`, `có` after counted things: what follows measures them (`… với tổng diện tích 6.200 ha`).
_ATTRIBUTE_RE = regex.compile(r"(?<!hiện|sẵn)\s+(?:với|có)\s+", _I)


def _cut_stretches(line: str, c_start: int, c_end: int, figs: list[_Figure]) -> None:
    """Give each figure its stretch: the words before it back to a separator after the previous one."""
    previous: _Figure | None = None
    for f in figs:
        f.left = c_start
        if previous is not None:
            between = line[previous.unit_end : f.q.start]
            cut = _first_sep(between, last=previous.number_first)
            f.left = previous.unit_end + (cut or 0)
            previous.right = f.left
            if cut is None and previous.number_first and previous.is_count and (attr := _ATTRIBUTE_RE.search(between)):
                # `03 vùng chuyên canh chè với tổng diện tích 6.200 ha`: the count's object ends
                # where the measure of the same things begins; the measure keeps them in its stretch
                previous.right = previous.unit_end + attr.start()
                f.left = previous.left
                # `03 vùng … hiện có với tổng diện tích 6.200 ha`: counting what exists describes the
                # stock whose measure is the target
                previous.past = previous.past or bool(_PRESENT_RE.search(between, 0, attr.start()))
                f.measures = (previous.unit_end + attr.end(), f"{previous.unit} {between[: attr.start()].strip()}")
        within = list(_WITHIN_RE.finditer(line, f.left, f.q.start))[-1:] or [None]
        if within[0] is not None and previous is None:
            f.left = within[0].start()
        comma = _TRAILING_COMMA.search(line[f.left : f.q.start])
        if comma and previous is None and f.unit.startswith("%"):
            # `…, 90% phòng học đạt chuẩn`: a share opening its own item after a comma.
            f.left += comma.end()
        f.before = line[f.left : f.q.start]
        f.past = _reports_past(f.before)
        f.subject = _strip_subject(f.before, f.info)
        # Figure first: nothing names the measure before it, or only a short
        # verb (`Xử lý 71,42% cơ sở …`); the right side decides in the end.
        f.number_first = bool(f.unit) and (
            not f.subject or (len(f.subject.split()) <= 3 and not _HEAD_RE.match(f.subject))
        )
        if f.number_first and f.subject and _AGGREGATE_AFTER_RE.match(line, f.unit_end):
            # `Kinh tế số đạt 20% GRDP`: a share of an aggregate measures the words before it
            f.number_first = False
        if f.unit.startswith("%") and (service := _service_before(f.subject)):
            # `… cấp căn cước cho 100% công dân đủ điều kiện`: the share of those served
            f.subject, f.number_first = service, True
        previous = f
    if previous is not None:
        previous.right = c_end


#: `ít nhất 30%`, `tối thiểu 50%`: a floor is something to reach.
_FLOOR_BEFORE_RE = regex.compile(r"(?:ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+thấp\s+hơn)\s*$", _I)


def _share_to_reach(line: str, f: _Figure) -> bool:
    """In a task, a share the action must reach: full coverage (`số hóa 100% dịch vụ
    công`, `tại 100% KCN`) or a floor (`cắt giảm ít nhất 30% thủ tục`)."""
    if not f.unit.startswith("%") or f.q.value_high is not None:
        return False
    return f.q.value == 100 or bool(_FLOOR_BEFORE_RE.search(line, 0, f.q.start))


def _reports_past(before: str) -> bool:
    past = list(_PAST_RE.finditer(before))
    if past and _KEEP_RE.search(before) and all(_PRESENT_RE.fullmatch(m.group()) for m in past):
        return False
    return bool(past)


def _figure_first_indicator(f: _Figure, obj: str) -> str:
    """`trên 90%` + `chất thải rắn … được thu gom` → `tỷ lệ chất thải rắn … được thu gom`."""
    verb = f.subject
    if f.unit.startswith(("%", "phần")):
        if f.info.get("verb_dir"):  # `Giảm 7,3% phát thải …`, `Giảm 20% số vụ sự cố …` measure the things themselves
            return _PLURAL_LEAD_RE.sub("", obj)
        obj = _COUNT_WORD_LEAD_RE.sub("", obj)
        ind = f"tỷ lệ {obj}"
        if verb and not _DUOC_RE.search(obj):
            ind = f"{ind} được {verb.lower()}"
        return ind
    if f.is_count:
        return f"số {f.noun_words} {obj}"
    if _AREA_RE.match(f.unit):
        return f"diện tích {obj}" + (f" {verb.lower()}" if verb else "")
    return obj


#: A subject ending on whom it serves (`… việc làm cho`, `… nhà ở cho`).
_SERVED_RE = regex.compile(r"\s+cho$", _I)
#: What opens a service's clause and names no service: its agency's cue and the verbs of completing.
_SERVICE_LEAD_RE = regex.compile(
    r"^(?:(?:hoàn\s+thành|phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|thực\s+hiện|tiếp\s+tục)(?!\p{L})\s*)+", _I
)


def _service_before(subject: str) -> str | None:
    """The service a share is of, when the words before it end on `cho` (`Phòng Tham mưu
    hoàn thành cấp căn cước cho` → `cấp căn cước`): the clause's last part, without the
    agency that opens it and the verbs of completing; None if no such words."""
    served = _SERVED_RE.search(subject)
    if not served:
        return None
    clause = regex.split(r"[,;:]", subject[: served.start()])[-1].strip()
    if (named := agency_at(clause, 0)) is not None:
        clause = clause[named:].strip()
    service = _SERVICE_LEAD_RE.sub("", clause).strip()
    return service if 0 < len(service.split()) <= 6 else None


#: A count's head with nothing it counts: `tổng số`, `số lượng`.
_BARE_COUNT_HEAD_RE = regex.compile(r"(?:tổng\s+)?số(?:\s+lượng)?", _I)


def _subject_indicator(f: _Figure, lead: str | None, prior_indicator: str | None, prior_subject: str) -> str:
    """The indicator named before a figure, completed from the lead-in or the previous figure."""
    counted = f.is_count
    head = (f.subject or prior_subject).strip()
    if counted and _BARE_COUNT_HEAD_RE.fullmatch(head):
        # `nâng tổng số lên 12 KCN, 37 CCN`: the head alone, here or before, counts each figure's own unit
        return f"{head} {f.noun_words}"
    if not f.subject:
        # `40 giường bệnh và 15 bác sỹ`: the second count shares the subject.
        coord = _coordinated_count(prior_subject, f.noun) if prior_subject and counted else None
        return coord or prior_indicator or lead or ""
    coord = _coordinated_count(f.subject, f.noun) if counted else None
    if coord:
        return coord
    if counted and _ADD_RE.fullmatch(f.subject.strip()):
        return f"số {f.noun_words} {_lower_first(f.subject.strip())}"  # `Hình thành mới 05 khu công nghiệp`
    served = _SERVED_RE.search(f.subject) if counted else None
    if served and served.start():
        # `giải quyết việc làm cho 30.000 lao động`: the count is of those served
        return f"số {f.noun_words} được {_lower_first(f.subject[: served.start()])}"
    if _HEAD_RE.match(f.subject):
        return f.subject
    if lead:
        return f"{lead}: {_lower_first(f.subject)}"
    if prior_indicator:
        return _splice(prior_indicator, f.subject)
    return f.subject


#: The base of a multiple, right after it.
_MULTIPLE_BASE_RE = regex.compile(rf"\s*(?:so\s+với\s+)?(?:{_BASE_WORDS})(?!\p{{L}})", _I)


def _base_start(f: _Figure, after: str) -> int | None:
    """Where the base of a multiple (`lần`) starts in the words after it: a base named
    without `so với` (`gấp 2 lần năm 2020`), whose year dates the base, not the target."""
    return 0 if f.unit == "lần" and _MULTIPLE_BASE_RE.match(after) else None


def _due(f: _Figure, line: str, lead_year, ctx: _Context) -> tuple[int | None, tuple | None]:
    """Target year and period: the stretch, the paragraph's lead-in, earlier in the paragraph, headings."""
    after = line[f.unit_end : f.right]
    year, p1, p2 = _time_after("" if _base_start(f, after) is not None else after)
    period = (p1, p2) if p1 else None
    if year is None:
        year, period = f.info.get("year"), f.info.get("period")
    if year is None and lead_year:
        year, period = lead_year
    if year is None:
        due = list(_DUE_YEAR_RE.finditer(line, 0, f.left)) or list(_YEAR_LEAD_RE.finditer(line, 0, f.left))
        if due:
            year = int(due[-1].group("y"))
    if year is None:
        year, period = ctx.year, period or ctx.period
    if period and not year:
        year = period[1]
    return year, period


#: `từ 30% lên 40%`, `từ 5% xuống 3%`: the first figure is the level a change starts from.
_FROM_BEFORE_RE = regex.compile(r"(?<!\p{L})từ\s*$", _I)
#: … with the start's year between (`từ 45% năm 2023 lên 60%`, `từ 45% (năm 2023) lên 60%`).
_START_YEAR = r"\s*\(?\s*(?:(?:vào|cuối)\s+)?năm\s+(?:19|20)\d{2}\s*\)?\s*,?"
_START_YEAR_RE = regex.compile(_START_YEAR, _I)
_TO_AFTER_RE = regex.compile(rf"(?:{_START_YEAR})?\s*(?:lên|xuống)(?:\s+(?:còn|mức|đến))?\s+[<>≤≥]?\s*\d", _I)
#: `trong đó (có)`: a sub-share's lead-in.
_SHARE_LEAD = regex.compile(r"^trong\s+(?:đó|số\s+đó)\s+(?:có\s+)?", _I)


#: Words right after a figure, to its sentence's end: what it counts (`100% khu công nghiệp`),
#: not a next sentence OCR glued on (`đạt trên 30%. > Tỷ lệ …`).
_WORDS_AFTER_RE = regex.compile(r"[ \t]+\p{L}[^.;!?\n]*")


def _read_clause(
    doc, line, line_start, c_start, c_end, figs, ctx, lead, lead_year, notes, carried: str | None = None
) -> list[Target]:
    """The targets of one clause; `carried` is the indicator of the clause before in the
    sentence, which a clause naming only a time and a figure measures again (`Tỷ lệ đô thị hóa
    đạt 40%; năm 2027 đạt 35%`)."""
    out: list[Target] = []
    _cut_stretches(line, c_start, c_end, figs)
    prior_indicator: str | None = None
    prior_subject = ""
    prior: Target | None = None
    for k, f in enumerate(figs):
        after = line[f.unit_end : f.right]
        obj, baseline = ("", _tidy(after)) if _base_start(f, after) is not None else _object(after)
        f.number_first = f.number_first and bool(obj)
        ind = (
            _figure_first_indicator(f, obj)
            if f.number_first
            else _subject_indicator(f, lead, prior_indicator or (carried if not f.subject else None), prior_subject)
        )
        if f.measures and (measure := _strip_subject(line[f.measures[0] : f.q.start], {})):
            ind = f"{measure} {f.measures[1]}"  # `tổng diện tích` + `vùng chuyên canh chè`
        ind = _tidy(_SHARE_LEAD.sub("", ind))
        if not ind or f.past:
            prior_indicator = ind or prior_indicator
            continue
        if f.unit == "" and not _INDEX_SUBJECT_RE.search(ind):
            continue
        prior_indicator, prior_subject = ind, f.subject or prior_subject
        if _FROM_BEFORE_RE.search(line, 0, f.q.start) and _TO_AFTER_RE.match(line, f.unit_end) and k + 1 < len(figs):
            # `tăng từ 30% lên 40%`: where the change starts; the target is where it gets to,
            # read with the words before the start
            to = figs[k + 1]
            to.left, to.before = f.left, f"{f.before} {_START_YEAR_RE.sub(' ', to.before, count=1)}"
            if _START_YEAR_RE.fullmatch(to.subject or ""):
                to.subject = f.subject  # `(năm 2023)` dates the start, it names nothing
            to.info = {**f.info, **{key: v for key, v in to.info.items() if v}}
            continue

        year, period = _due(f, line, lead_year, ctx)
        opening = _STRETCH_OPENING_RE.match(line, f.left, f.q.start)
        start = opening.end() if opening else f.left
        # The text runs from the stretch's first word to the figure, or on to
        # the end of the object / baseline that the figure governs (`… tại 100% khu công
        # nghiệp`, `nhóm từ 30 hộ trở lên chưa có điện lưới quốc gia`).
        end = f.unit_end + len(after.rstrip(" ,;:.")) if (f.number_first or baseline) else f.unit_end
        if obj and not (f.number_first or baseline) and (run := _WORDS_AFTER_RE.match(after)):
            end = f.unit_end + len(run.group().rstrip(" ,:"))
        bound = _AND_UP_RE.match(after) or _AND_DOWN_RE.match(after)
        if bound:
            end = max(end, f.unit_end + bound.end())
        abs_start, abs_end = line_start + start, line_start + end
        direction = f.info.get("verb_dir") or (
            direction_of(f.before, ind) if f.number_first else direction_of(f"{f.before} {ind}")
        )
        if direction == "level" and prior is not None and not f.subject and f.unit == prior.unit:
            # `GRDP tăng bình quân đến năm 2027 đạt 6,0-6,5%, đến năm 2030 đạt 7,0%`: the same
            # change, measured again at a later time
            direction = prior.direction
        out.append(
            Target(
                section_id=doc.section_id_at(abs_start),
                char_start=abs_start,
                char_end=abs_end,
                page=doc.page_at(abs_start),
                text=doc.text[abs_start:abs_end],
                indicator=_lower_first(ind),
                value=f.q.value,
                value_high=f.q.value_high,
                unit=f.unit,
                comparator=comparator_before(f.before, after, f.q),
                direction=direction,
                target_year=year,
                period_start=period[0] if period else None,
                period_end=period[1] if period else None,
                baseline=baseline,
                domain=indicator_domain(f"{ind} {f.unit}", ctx.domain),
                responsible=[],
                source="text",
                note=_note_for(line[start : f.right], notes),
            )
        )
        prior = out[-1]
    return out


# ---------------------------------------------------------------- tables

_TIME_ONLY_RE = regex.compile(
    rf"^(?:(?:bình\s+quân|trung\s+bình)\s+)?(?:(?:giai\s+đoạn|thời\s+kỳ|đến\s+năm|năm)\s+)?{YEAR}(?:\s*[-–]\s*{YEAR})?$",
    _I,
)
_ROMAN_LABEL_RE = regex.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})\.?$")
_NUM_LABEL_RE = regex.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")
_LETTER_LABEL_RE = regex.compile(r"^[a-zđ][.)]?$")


@dataclass
class _Table:
    roles: list[str]
    titles: list[str]


#: The serial-number column's header cell (`STT`, `Số TT`).
_STT_CELL = regex.compile(r"^\s*(?:S[ốo]\s*TT|STT|TT)\s*$", _I)


def _header_of(cells: list[str]) -> _Table | None:
    """A header row: `STT | Chỉ tiêu | …`, or named text and value columns and no figures."""
    roles = [column_role(c) for c in cells]
    if _STT_CELL.match(cells[0] if cells else ""):
        roles[0] = "stt"
    elif not (
        "text" in roles and "value" in roles and not any(q and not is_year(q) for q in map(parse_quantity_cell, cells))
    ):
        return None
    return _Table(roles=roles, titles=cells)


def _table_targets(doc, notes) -> list[Target]:
    text = doc.text
    out: list[Target] = []
    table: _Table | None = None
    state: dict = {}
    pos = 0
    prev_was_row = under_header = False
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if "\t" not in line:
            prev_was_row = False
            continue
        cells = line.split("\t")
        header = _header_of(cells)
        if header is not None:
            if table is None or header.roles != table.roles or not prev_was_row:
                state = {}
            table, under_header = header, True
            prev_was_row = True
            continue
        prev_was_row = True
        if table is None:
            continue
        if under_header:
            under_header = False
            titles = header_completed(table.titles, cells, lambda c: column_role(c) != "other")
            completed = _header_of(titles) if titles else None
            if completed is not None:
                table = completed
                continue
        fitted = _fit_cells(cells, _cell_offsets(line), len(table.roles), table.roles[0] == "stt")
        if fitted is None:
            continue
        cells, spans = fitted
        if "text" not in table.roles or "value" not in table.roles or "funding" in table.roles:
            continue
        sec = doc.section_at(line_start)
        if sec is not None and sec.kind == "kinh_phi":
            continue  # budget tables plan spending, not targets
        out.extend(_table_row(doc, line, line_start, cells, spans, table, state, notes))
    return out


#: Words a value cell may carry in front of its figure: `Trên 90`, `Khoảng 50`.
_CELL_WORDS_RE = regex.compile(rf"^\s*(?P<words>(?:(?:{COMPARATOR_WORDS}){_W}\s*)*)", _I)


#: What may follow a value cell's unit: its end, or a full stop or semicolon.
_CELL_END_RE = regex.compile(r"\s*[.;]?\s*$")


def value_cell(cell: str) -> tuple[Quantity, str, str] | None:
    """A value cell read as (figure, comparator, unit): `>9,5` → (9.5, gt, ``), `19-20` → range,
    `Trên 90%` → gt; a table without a unit column writes the unit in the cell (`12 xã`, `50 tỷ đồng`)."""
    m = _CELL_WORDS_RE.match(cell or "")
    if not m:
        return None
    q = parse_quantity_cell(cell[m.end() :])
    unit = ""
    if q is None:
        q = next(iter(find_quantities(cell[m.end() :])), None)
        if q is None or cell[m.end() : m.end() + q.start].strip() or is_year(q):
            return None
        u = _UNIT_AFTER_RE.match(cell, m.end() + q.end)
        if u is None or not _CELL_END_RE.fullmatch(cell, u.end()):
            return None
        unit = _unit_text(u.group("unit"))
    return q, comparator_before(m.group("words"), "", q), unit


def _column_years(title: str) -> tuple[int | None, int | None, int | None]:
    """`Đến năm 2030` → 2030, `Giai đoạn 2021-2025` → 2025 (2021–2025), `Kế hoạch 2025` → 2025."""
    year, p1, p2 = years_in(title)
    if year is None:
        bare = _BARE_YEAR_RE.findall(title)
        year = int(bare[-1]) if bare else None
    return year, p1, p2


def _fit_cells(cells: list[str], spans: list[tuple[int, int]], n: int, has_stt: bool):
    """A row's cells and their spans in the line, padded to the header's count.

    Line cleaning may strip a row's empty edge cells (`I\tVỀ KINH TẾ` for
    `I\tVỀ KINH TẾ\t\t\t`, `Trong đó …\t%\t40` without its empty STT cell).
    """
    if len(cells) == n:
        return cells, spans
    if len(cells) > n:
        return None
    first = cells[0].strip() if cells else ""
    # A short token is the STT cell even when OCR garbles it (`HÏ` for `II`).
    if has_stt and cells and not (_is_label(first) or (len(first) <= 4 and " " not in first)):
        cells, spans = [""] + cells, [(0, 0)] + spans
    end = spans[-1][1]
    return cells + [""] * (n - len(cells)), spans + [(end, end)] * (n - len(spans))


def _is_label(cell: str) -> bool:
    return (
        cell == ""
        or cell in "-–+•*"
        or bool(_ROMAN_LABEL_RE.match(cell) or _NUM_LABEL_RE.match(cell) or _LETTER_LABEL_RE.match(cell))
    )


def _cell_offsets(line: str) -> list[tuple[int, int]]:
    spans, p = [], 0
    for c in line.split("\t"):
        spans.append((p, p + len(c)))
        p += len(c) + 1
    return spans


def _table_row(doc, line, line_start, cells, spans, table, state, notes) -> list[Target]:
    roles = table.roles
    text_i = roles.index("text")
    unit_i = roles.index("unit") if "unit" in roles else None
    value_is = [k for k, r in enumerate(roles) if r == "value"]
    agency_is = [k for k, r in enumerate(roles) if r in ("lead", "agency")]
    label = cells[0].strip() if roles[0] == "stt" else ""
    row_text = _tidy(cells[text_i])
    agencies = _agencies(" ; ".join(cells[k] for k in agency_is if cells[k].strip()))
    values = [(k, v) for k in value_is if (v := value_cell(cells[k]))]

    if "ctx" not in state:
        state["ctx"] = _section_context(doc, line_start)
        state["domain"] = None
    if _ROMAN_LABEL_RE.match(label) or (not values and row_text.isupper() and len(row_text) > 3):
        state.update(domain=domain_of(row_text), parent=None, parent_agencies=[], sub_period=None)
        return []
    child = label == "" or label in "-–+•*" or _LETTER_LABEL_RE.match(label)
    if not values and _TIME_ONLY_RE.match(row_text):
        # `a | Giai đoạn 2021-2025`: a period for the rows under it (whatever
        # the label: OCR reads `a` as `3` or `8`).
        y, p1, p2 = years_in(row_text)
        state["sub_period"] = (p1, p2) if p1 else None
        state["sub_year"] = y
        return []
    if not child:
        state.update(parent=row_text, parent_agencies=agencies, sub_period=None, sub_year=None)
    if not values:
        return []

    parent = state.get("parent") if child else None
    if parent and (_TIME_ONLY_RE.match(row_text)):
        indicator = parent
    elif parent and not _HEAD_RE.match(row_text):
        indicator = f"{parent}: {_lower_first(row_text)}"
    else:
        indicator = row_text
    indicator = _tidy(_OF_WHICH_LEAD_RE.sub("", indicator))
    if not indicator:
        return []
    if child and not agencies:
        agencies = list(state.get("parent_agencies") or [])
    unit = _tidy(cells[unit_i]).lower() if unit_i is not None else ""
    ctx = state["ctx"]
    domain = state.get("domain") or ctx.domain
    y_row, p1, p2 = years_in(row_text)
    if not p1 and parent:
        y_par, q1, q2 = years_in(parent)
        if q1:
            p1, p2, y_row = q1, q2, y_par
    out = []
    for k, (q, comp, cell_unit) in values:
        col_year, c1, c2 = _column_years(table.titles[k])
        period = (p1, p2) if p1 else (state.get("sub_period") if child else None)
        sub_year = state.get("sub_year") if child else None
        year = (period[1] if period else None) or y_row or sub_year or col_year or ctx.year
        if not period and c1:
            period = (c1, c2)
        start = line_start + spans[text_i][0]
        end = line_start + spans[k][1]
        value_unit = unit or cell_unit or ("%" if cells[k].strip().endswith("%") else "")
        out.append(
            Target(
                section_id=doc.section_id_at(start),
                char_start=start,
                char_end=end,
                page=doc.page_at(start),
                text=doc.text[start:end],
                indicator=_lower_first(indicator),
                value=q.value,
                value_high=q.value_high,
                unit=value_unit,
                comparator=comp,
                direction=direction_of(indicator),
                target_year=year,
                period_start=period[0] if period else None,
                period_end=period[1] if period else None,
                baseline=None,
                domain=indicator_domain(f"{indicator} {value_unit}", domain),
                responsible=agencies,
                source="table",
                note=_note_for(line, notes),
            )
        )
    return out


# ---------------------------------------------------------------- entry point


def _fold(s: str) -> str:
    return SPACES.sub("", fold(s).lower())


def _reconcile(prose: list[Target], table: list[Target]) -> None:
    """Table cells lose diacritics (typos, OCR: `Tuổi tho`); the prose names the same
    indicator correctly, so a table indicator equal to a prose one but for marks takes its spelling."""
    spelled = {_fold(t.indicator): t.indicator for t in prose if t.indicator}
    for t in table:
        better = spelled.get(_fold(t.indicator or ""))
        if better and better != t.indicator:
            t.indicator = better


def extract_targets(doc) -> list[Target]:
    """Every quantitative target in `doc`, prose and tables, in text order."""
    notes = _footnotes(doc)
    prose = _prose_targets(doc, notes)
    table = _table_targets(doc, notes)
    _reconcile(prose, table)
    found = prose + table
    found.sort(key=lambda t: (t.char_start, t.char_end))
    return found


# ---------------------------------------------------------------- OCR's glued marks

#: A percentage as the last figure of a target's text: `… đạt 649%`.
_PERCENT_AT_END = regex.compile(r"(?<![\d.,])(?P<digits>\d{3,4})\s?%$")
#: Indicators that measure a share of a whole (`tỷ lệ …`, `tỷ trọng …`, `độ che phủ rừng`), which cannot pass 100 %.
_SHARE_INDICATOR = regex.compile(r"^(?:(?:tỷ|tỉ)\s+(?:lệ|trọng)|(?:mức\s+)?độ\s+(?:che|bao)\s+phủ)(?!\p{L})", _I)
#: Nothing measured follows the figure: its clause ends there.
_CLAUSE_ENDS = regex.compile(r"\s*(?:[.;,:)]|$)", regex.MULTILINE)


def unglue_percentages(doc, targets: list[Target]) -> list[str]:
    """Shares OCR read with a mark glued to the figure, put right; the warnings that say so.

    A footnote marker or a full stop beside `%` is read as one more digit
    (`45%[3]` → `459%`, `64%.` → `649%`), so a share of a whole comes out above
    100 %.  On an OCR'd page, a share indicator's level (`đạt …`) above 100 %
    with nothing after it in its clause (no `kế hoạch`, no `so với …`: not a
    ratio to a plan) is read without its last digit when that leaves at most
    100.  Other indicators (an index may pass 100) and digital text are left
    as read.
    """
    changed: list[str] = []
    for t in targets:
        if not (
            t.unit == "%"
            and t.value is not None
            and t.value > 100
            and t.value_high is None
            and t.direction == "level"
            and t.baseline is None
            and _SHARE_INDICATOR.match(t.indicator or "")
            and t.char_start is not None
            and t.char_end is not None
            and doc.ocr_at(t.char_start)
        ):
            continue
        m = _PERCENT_AT_END.search(t.text or "")
        if not m or float(m.group("digits")) != t.value or int(m.group("digits")[:-1]) > 100:
            continue
        if not _CLAUSE_ENDS.match(doc.text, t.char_end):
            continue
        read = m.group("digits")
        t.value = float(read[:-1])
        changed.append(f"p{t.page}: {read}% → {read[:-1]}%")
    if not changed:
        return []
    return [f"OCR'd shares above 100 % read without a glued mark ({', '.join(changed)}); check against the scan"]
