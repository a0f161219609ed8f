"""Deadlines: the time expressions that say when a task is due or how often it runs.

`extract_deadlines(doc, tasks=None, exclude=None)` reads a `ParsedDoc` and
returns `schemas.Deadline` records in the normal form of SPEC `deadlines`:
`kind` plus ISO-8601 partial `start` / `end`, an ISO duration `recurrence`,
a `--MM-DD` `recur_on` and the `ongoing` flag.

How it works, in three steps:

1. **Atoms.**  Small patterns, each named for the Vietnamese it reads, find the
   pieces a time expression is made of: a period (`giai đoạn 2021 - 2025`), a
   point (`trước năm 2028`, `quý III/2024`, `tháng 6/2024`, `trước ngày
   15/6/2024`), a cycle (`hằng năm`, `định kỳ 6 tháng`), `thường xuyên`, and
   pieces that only mean something next to a cycle (`đột xuất`, `5 năm`,
   `trung hạn`, a day without a year).
2. **Context.**  A plan mentions far more years than deadlines.  An atom is
   kept only when its context makes it *schedule an action*:

   - a time preposition governs it (`trước`, `trong`, `đến hết`, `cho`, …);
   - a bare period or `đến năm …` is not part of a plan's *name*: the clause
     before it names no plan, programme or strategy (`Chương trình … giai
     đoạn 2021 - 2025`), it is not followed by `, tầm nhìn đến năm …` and it
     is not inside a quoted title;
   - it is not in a section that states goals or opens the document
     (`muc_tieu`, `preamble`, signature, recipients), not a baseline or a
     past result (`so với`, `đã xảy ra trong …`, `Trong năm 2020, … đã
     trồng …`), not a date of a legal reference
     (`số 1055/QĐ-TTg ngày …`), not in an all-capitals title line;
   - `thường xuyên` is an adverb opening a clause (`; thường xuyên kiểm tra`),
     not part of a noun phrase (`chi thường xuyên`, `vùng thường xuyên bị
     hạn hán`); so is a bare `định kỳ` (or after `theo`, or heading its cycle):
     `báo cáo định kỳ`, `kiểm tra định kỳ` name a periodic kind of thing;
   - a full date needs a preposition, so date lines and reference dates drop out.

   Explicit slots are read without these filters: `Thời gian thực hiện: …`
   values and the time column of a table whose header names one
   (`Thời gian`, `Tiến độ`, `Thời hạn`), and the ticks (`x`) of a table
   whose columns are times (`Năm 2024 | Năm 2025`).  Other table cells are
   left to the targets and tasks extractors.
3. **Merging.**  Atoms joined only by `và`, `hoặc`, commas or an opening
   bracket form one expression: `Năm 2024 và hàng năm`, `Thường xuyên, hằng
   năm`, `Định kỳ hằng năm (trước ngày 15/11)`, `theo định kỳ hoặc đột xuất`.

The module is pure: no files, no network, no global state.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

import regex

from extractors.text.dates import MIXED_DATE, NUMERIC_DATE, make_date
from extractors.text.fold import VOWEL_FAMILIES, skeleton
from extractors.text.labels import ROMAN_LOOKALIKE, read_roman_lookalike, roman_value
from extractors.text.lexicon import LEAD_COLUMN, TIME_COLUMN_ANY, TIME_COLUMN_FIRST, TIME_SLOT_NAME
from extractors.text.memo import memo
from extractors.text.numbers import NUMBER_GLOSS
from extractors.text.patterns import ROW_NUMBER, SPACES, family_word, guard_first_char, windows_around
from schemas import Deadline

# ---------------------------------------------------------------- letters
# OCR drops or swaps Vietnamese diacritics (`hăng năm`, `thuờng xuyên`), so the
# key words are spelt with letter families rather than exact letters.
_A, _E, _I, _O, _U, _Y = VOWEL_FAMILIES
_w = family_word


NAM = r"\b" + _w("n", _A, "m") + r"\b"  # năm (year)
THANG = r"\b" + _w("t", "h", _A, "n", "g") + r"\b"  # tháng (month)
QUY = r"\b" + _w("q", "u", _Y) + r"\b"  # quý (quarter)
NGAY = r"\b" + _w("n", "g", _A, "y") + r"\b"  # ngày (day)
TUAN = r"\b" + _w("t", "u", _A, "n") + r"\b"  # tuần (week)
#: hằng / hàng / mỗi; the vowel family of mỗi leaves out ơ so `mới` (new) stays out.
HANG = r"\b(?:" + _w("h", _A, "n", "g") + "|" + _w("m", "oòóỏõọôồốổỗộ", _I) + r")\b"
DINH_KY = r"\b" + _w("đd", _I, "n", "h") + r"\s+" + _w("k", _Y) + r"\b"  # định kỳ
THEO = r"\btheo\b"
THUONG_XUYEN = r"\b" + _w("t", "h", _U, _O, "n", "g") + r"\s+" + _w("x", "u", "y", _E, "n") + r"\b"
DOT_XUAT = r"\b" + _w("đ", _O, "t") + r"\s+" + _w("x", "u", _A, "t") + r"\b"  # đột xuất (ad hoc)
GIAI_DOAN = r"\bgiai\s+" + _w("đ", "o", _A, "n") + r"\b"  # giai đoạn
THOI_KY = r"\b" + _w("t", "h", _O, _I) + r"\s+" + _w("k", _Y) + r"\b"  # thời kỳ
DEN = r"\b(?:" + _w("đ", _E, "n") + r"|tới)\b"  # đến / tới
HET = r"\b" + _w("h", _E, "t") + r"\b"  # hết
TU = r"\b(?:kể\s+)?" + _w("t", _U) + r"\b"  # (kể) từ
TRUOC = r"\b" + _w("t", "r", _U, _O, "c") + r"\b"  # trước
TRONG = r"\btrong(?:\s+suốt)?\b"
CHAM_NHAT = r"\b" + _w("c", "h", _A, "m") + r"\s+" + _w("n", "h", _A, "t") + r"(?:\s+(?:là|vào))?\b"

#: The year forms of vndates, renamed so a range can hold two of them.
Y = r"(?P<year>(?:19|20)\d{2})(?!\d)"
Y1 = Y.replace("<year>", "<y1>")
Y2 = Y.replace("<year>", "<y2>")
M = r"(?P<month>0?[1-9]|1[0-2])(?!\d)"
D = r"(?P<day>0?[1-9]|[12]\d|3[01])(?!\d)"
DASH = r"\s*[-–—]\s*"
#: Between the words of a date OCR leaves stray dots and commas: `ngày. 18 tháng 12`.
GAP = r"[\s.,]*"
#: vndates' date, tolerant of those strays: `ngày 07 tháng 01.năm 2020`.
OCR_DATE = (
    rf"(?:{NGAY}{GAP}{D}{GAP}{THANG}{GAP}{M}{GAP}(?:{NAM}|,){GAP}{Y}"
    rf"|(?:{NGAY}{GAP})?(?:{NUMERIC_DATE}|{MIXED_DATE}))"
)
#: A date's next number after its slash or dot, on the same line: a full stop that ends the
#: sentence before a new line's label (`trước ngày 15/12.` / `2. …`) is no separator.
DATE_GOES_ON = r"[ \t]*[/.][ \t]*\d"
#: `III/2024`, `III năm 2024`, `III - 2024`: a month or quarter and its year; OCR doubles
#: the slash (`Quý I1//2024` on a poor copy, `số 23//BB-VPHC` on a real scan).
OF_YEAR = rf"\s*(?:/{{1,2}}|-|\s{NAM}|,\s*{NAM})\s*{Y}"
#: `III`, `3`, and OCR's look-alikes before the year (`11`, `Il`, `IH`, `II1`, `H`, `1V năm`; with a
#: stroke too many, `I1V/`, `1II1/`: a quarter has no number above 4, which `_quarter_number` checks).
QUARTER_NO = rf"(?P<q>IV|I{{1,3}}|[1-4](?![{ROMAN_LOOKALIKE}])|[{ROMAN_LOOKALIKE}]{{1,4}}(?=\s*/|\s{NAM}))\b"

# ---------------------------------------------------------------- prepositions

#: Prepositions that make a point in time a due point or a start on their own.
STRONG_PREP = rf"(?:{DEN}\s+{HET}|{TRUOC}|{CHAM_NHAT}|{TRONG}|\bvào\b|\bcuối\b|\bđầu\b|{HET}|{TU}|\bcho\b)"
#: `đến năm 2030` also ends the names of strategies and plans, so it is weak.
WEAK_PREP = rf"(?:(?:{GIAI_DOAN}\s+)?(?:từ\s+nay\s+)?{DEN}(?:\s+{HET})?)"
PREP = rf"(?P<prep>{WEAK_PREP}|{STRONG_PREP})"
#: OCR sometimes leaves a stray mark after the preposition: `đến: năm 2030`.
PREP_GAP = r"[.,:]?\s+"
#: An atom's optional preposition (`đến hết năm 2025`, `trước ngày 15/6`).
PREP_OPT = rf"(?:{PREP}{PREP_GAP})?"
_STRONG_RE = regex.compile(rf"^(?:{STRONG_PREP})$", regex.I)
_FROM_RE = regex.compile(rf"^{TU}$", regex.I)
_BEFORE_PERIOD_RE = regex.compile(rf"(?:{TRONG}|\bcho\b|{TU}|\bsuốt\b)\s*$", regex.I)

# ---------------------------------------------------------------- atoms
# Each atom: (kind, pattern).  Order does not matter: overlaps are resolved by
# keeping the earliest, then the longest match.

#: What every atom of a kind contains, so its regex only runs around these keys:
#: a year (every point and period), a day and month, and the cycle words.  A key
#: is one pattern or several (each scanned alone: an alternation of a digit and
#: a word is scanned as slowly as its slowest branch at every position).
YEAR_KEY = (r"(?:19|20)\d{2}(?!\d)",)
DAY_MONTH_KEY = (rf"\d{{1,2}}(?:{GAP}{THANG}{GAP}|\s*/\s*)\d",)
HANG_KEY = (rf"{HANG}\s+(?:{NAM}|{QUY}|{THANG}|{TUAN})",)
DINH_KY_KEY = (DINH_KY,)
LAN_KEY = (r"\blần\b",)
CYCLE_KEY = (rf"\d\s+(?:{NAM}|{THANG})", r"\b(?:trung|dài|ngắn)\s+hạn\b")
THUONG_XUYEN_KEY = (THUONG_XUYEN,)
DOT_XUAT_KEY = (DOT_XUAT,)

#: A month's number.
MONTH_NO = r"(?P<m>0?[1-9]|1[0-2])(?!\d)"


def _of_one_year(word: str, group: str, number: str, joins: str) -> str:
    """Two months or quarters and the year written once after them: groups `<group>1`, `<group>2`, `year`."""
    first, second = (number.replace(f"<{group}>", f"<{group}{n}>") for n in (1, 2))
    return rf"(?:(?P<from>{TU})\s+)?{word}\s+{first}\s*(?:{joins})\s*(?:{word}\s+)?{second}{OF_YEAR}"


_ATOMS: list[tuple[str, tuple[str, ...], str]] = [
    # `giai đoạn 2021 - 2025`, `thời kỳ 2021-2030`, `năm 2024 - 2025`, `năm học 2025 - 2026`, `2026 - 2030`
    ("range", YEAR_KEY, rf"(?:(?P<kw>{GIAI_DOAN}|{THOI_KY}|(?:các\s+)?{NAM}(?:\s+học)?)\s*)?{Y1}{DASH}{Y2}"),
    # `(giai đoạn) từ năm 2021 đến (hết) năm 2025`
    (
        "range",
        YEAR_KEY,
        rf"(?:(?P<kw>{GIAI_DOAN}|{THOI_KY})\s+)?(?P<from>{TU})\s+{NAM}\s+{Y1}\s*{DEN}\s+(?:{HET}\s+)?(?:{NAM}\s+)?{Y2}",
    ),
    # `từ tháng 4 đến tháng 6 năm 2026`, `tháng 6 - 9/2026`, `tháng 3, 4/2025`: months of one year
    ("range", YEAR_KEY, _of_one_year(THANG, "m", MONTH_NO, rf"{DEN}|[-–]|,")),
    # `từ quý II đến quý IV năm 2026`, `quý II và quý III/2026`: quarters of one year
    ("range", YEAR_KEY, _of_one_year(QUY, "q", QUARTER_NO, rf"{DEN}|[-–]|và|,")),
    # `6 tháng đầu năm 2024`, `06 tháng cuối năm 2025` (a number written on two digits), `nửa cuối năm 2026`
    ("half", YEAR_KEY, rf"{PREP_OPT}(?:0?6\s+{THANG}|nửa)\s+(?P<half>đầu|cuối)\s+{NAM}\s+{Y}"),
    ("quarter", YEAR_KEY, rf"{PREP_OPT}{QUY}\s+{QUARTER_NO}{OF_YEAR}"),
    ("month", YEAR_KEY, rf"{PREP_OPT}{THANG}\s+{M}{OF_YEAR}"),
    ("date", YEAR_KEY, rf"{PREP_OPT}{OCR_DATE}"),
    # a day without its year: `trước ngày 05 tháng 12`, `trước ngày 15/6`
    (
        "daymonth",
        DAY_MONTH_KEY,
        rf"{PREP_OPT}(?:{NGAY}{GAP})?{D}(?:{GAP}{THANG}{GAP}{M}|\s*/\s*{M})"
        # not the start of a full date (`15/4/2026`, `15.4.2026`, `15/4-2026`); `15/4 - 15/5/2026` is a range
        rf"(?!{DATE_GOES_ON}|\s*-\s*\d{{4}}|{GAP}{NAM}\s*\d)",
    ),
    # a day of every month: `trước ngày 18 hằng tháng` (ISO `---18`)
    ("dayofmonth", HANG_KEY, rf"{PREP_OPT}{NGAY}{GAP}{D}(?={GAP}{HANG}\s+{THANG})"),
    # … and after it: `hằng tháng, trước ngày 25`, a day with no month of its own
    (
        "dayofmonth",
        HANG_KEY,
        rf"{PREP_OPT}{NGAY}{GAP}{D}(?!{GAP}{THANG}|{DATE_GOES_ON})"
        rf"(?<={HANG}\s+{THANG}[\s,(]*(?:(?:{WEAK_PREP}|{STRONG_PREP}){PREP_GAP})?{NGAY}{GAP}\d{{1,2}})",
    ),
    # not the first year of `năm 2026 - 2027`, a range
    (
        "year",
        YEAR_KEY,
        rf"{PREP_OPT}{NAM}\s+{Y}(?!{DASH}(?:19|20)\d{{2}}(?!\d))"
        # and on from it: `năm 2026 và các năm tiếp theo`, `năm 2026 trở đi`
        rf"(?P<onward>\s*(?:,|và)?\s*(?:các|những)\s+{NAM}\s+(?:tiếp\s+theo|sau\s+đó|sau)\b|\s+trở\s+đi\b)?",
    ),
    # `(định kỳ) hằng năm`, `hàng quý`, `mỗi tháng`
    ("recur", HANG_KEY, rf"(?:(?:{THEO}\s+)?{DINH_KY}\s+)?{HANG}\s+(?P<unit>{NAM}|{QUY}|{THANG}|{TUAN})"),
    # `định kỳ 6 tháng`, `định kỳ quý, 6 tháng, năm` (a unit alone: one of it), `6 tháng một lần`
    (
        "recur",
        DINH_KY_KEY,
        rf"(?:{THEO}\s+)?{DINH_KY}\s+(?:(?P<n>\d{{1,2}})(?:{NUMBER_GLOSS})?\s+)?(?P<unit>{NAM}|{THANG}|{QUY}|{TUAN})(?!\p{{L}}|\s*\d)",
    ),
    (
        "recur",
        LAN_KEY,
        rf"(?P<n>\d{{1,2}})(?:{NUMBER_GLOSS})?\s+(?P<unit>{NAM}|{THANG}|{QUY}|{TUAN})\s+(?:một|1)\s+lần\b",
    ),
    ("dinhky", DINH_KY_KEY, rf"(?:{THEO}\s+)?{DINH_KY}"),
    ("ongoing", THUONG_XUYEN_KEY, THUONG_XUYEN),
    # only meaningful beside a cycle: `theo định kỳ hoặc đột xuất`, `5 năm và hằng năm`
    ("adhoc", DOT_XUAT_KEY, DOT_XUAT),
    (
        "cycle",
        CYCLE_KEY,
        rf"(?:(?P<n>\d{{1,2}})(?:{NUMBER_GLOSS})?\s+(?P<unit>{NAM}|{THANG})(?!\s*\d)|\b(?:trung|dài|ngắn)\s+hạn\b)",
    ),
]


def _compiled_atom(pattern: str) -> tuple[regex.Pattern, bool]:
    """(the atom's pattern without its optional preposition, whether it had one).

    A preposition can open almost any word, so a forward scan tries it at
    nearly every position; the atom's core (`năm 2025`, `ngày 15/6`) opens on
    few.  `find_atoms` finds the core and reads the preposition backwards from
    it (`_PREP_BEFORE`): the same matches as the whole pattern."""
    if pattern.startswith(PREP_OPT):
        return guard_first_char(regex.compile(pattern[len(PREP_OPT) :], regex.I)), True
    return guard_first_char(regex.compile(pattern, regex.I)), False


_ATOM_RES = [(kind, key, *_compiled_atom(p)) for kind, key, p in _ATOMS]
#: The hour of a day, written before it: `13h30’ ngày 02/6/2026`, `8 giờ 00 phút, ngày …`.
CLOCK = r"(?:[01]?\d|2[0-3])\s*(?:h|giờ)\s*(?:[0-5]\d)?\s*(?:phút|’|')?,?"
#: A preposition and its gap that end exactly where an atom's core starts (matched
#: backwards); an hour may stand between them (`Từ 13h30’ ngày 02/6/2026`).
_PREP_BEFORE = regex.compile(rf"(?r){PREP}{PREP_GAP}(?:{CLOCK}\s+)?", regex.I)
#: The keys as scanned on the text in lower case (the usual way: a pattern
#: without IGNORECASE scans 1.5-3 × faster), and on the text itself when
#: lowering changes its length (`İ`), so offsets would not hold.
_KEY_RES = {key: ([regex.compile(k) for k in key], [regex.compile(k, regex.I) for k in key]) for _, key, _ in _ATOMS}

#: Text allowed between two atoms of one expression.
_JOIN_RE = regex.compile(r"^[\s,(]*(?:(?:và|hoặc|hay)\b[\s,(]*)?$", regex.I)
#: `từ … đến …`: two points that make a period.
_TO_RE = regex.compile(rf"^\s*(?:{DEN}|[-–—])\s*$", regex.I)

# ---------------------------------------------------------------- context

#: Head nouns of named plans, programmes and strategies (and of goals, whose
#: `đến năm` is a horizon); a period or `đến năm` after one in the same clause
#: is part of the name.
PLAN_NOUN = regex.compile(
    (
        r"\b(?<!Sở\s)(?:kế\s+hoạch|chương\s+trình|quy\s+hoạch|chiến\s+lược|đề\s+án|dự\s+án|định\s+hướng"
        r"|nghị\s+quyết|mục\s+tiêu|chỉ\s+tiêu|kịch\s+bản|phương\s+hướng|danh\s+mục)\b"
    )
    # OCR splits a compound with a dash (`Quy - hoạch`).
    .replace(r"\s+", r"[\s\-–]+"),
    regex.I,
)
#: A generic plural before a plan noun (`các dự án nâng cấp đê …`) names work
#: to be done, not a titled plan, so the period after it is a schedule.
_GENERIC_PLURAL_RE = regex.compile(r"\b(?:các|những|một\s+số|nhiều|mọi|từng)\s+$", regex.I)
#: `hằng năm` qualifying a noun (`chỉ tiêu biên chế hằng năm được giao`): an
#: annual quota, not a recurring action.
_ADJECTIVE_AFTER_RE = regex.compile(r"\s+(?:được|đã|của|do)\b", regex.I)
#: `phấn đấu đến năm 2030 …`: a goal, like the horizon, not a due time.
_GOAL_BEFORE_RE = regex.compile(r"\bphấn\s+đấu\b[^;.\n]{0,20}$", regex.I)
#: `đến năm 2028 có 12 chợ …`: the year belongs to the figure after it (a target).
_FIGURE_AFTER_RE = regex.compile(
    r"[\s,]*(?:(?:toàn\s+tỉnh|cả\s+nước|cả\s+tỉnh|tỉnh|phấn\s+đấu)\s+)?(?:có|đạt|còn|tăng|giảm)\s+"
    r"(?:(?:ít\s+nhất|tối\s+thiểu|trên|dưới|khoảng|từ)\s+)?\d",
    regex.I,
)
#: In a target section only a completion time in prose is a deadline
#: (`Hoàn thành việc cắm mốc … trong năm 2026`); its `Đến năm …` are horizons.
_COMPLETION_RE = regex.compile(r"\b(?:hoàn\s+thành|hoàn\s+tất|kết\s+thúc|xong)\b", regex.I)

#: A legal reference's number, then its date: `số 1055/QĐ-TTg ngày 20 tháng 7 năm 2020`.
SO = r"\bsố\s*"
NUMBER_SYMBOL = r"(?<![\w/])\d{1,5}(?:/\d{4})?[/-](?:\d{4}[/-])?[\p{Lu}Đ][\p{L}\d./-]*"
LEGAL_NUMBER = rf"(?:{SO})?{NUMBER_SYMBOL}"
#: Found from the number on, with its `số` read backwards: a scan for the
#: optional word would try it at every position.  Same spans as `LEGAL_NUMBER …`.
_LEGAL_DATE_CORE = regex.compile(rf"{NUMBER_SYMBOL}{GAP}(?:{OCR_DATE})", regex.I)
_SO_BEFORE = regex.compile(rf"(?r){SO}", regex.I)
#: `tầm nhìn đến năm 2050` (OCR: `tâm nhìn`, `tầm . nhìn`) ends the title of a strategy.
TAM_NHIN = r"\b" + _w("t", _A, "m") + r"[\s.,]*" + _w("n", "h", _I, "n") + r"\b"
_VISION_AFTER_RE = regex.compile(rf"\s*[,;]?\s*{TAM_NHIN}", regex.I)
#: (OCR leaves a stray dot in it: `tầm nhìn . đến năm 2050`.)
_VISION_BEFORE_RE = regex.compile(rf"{TAM_NHIN}[\s.,:]*$", regex.I)
_BASELINE_BEFORE_RE = regex.compile(r"(?:\bso\s+với\b|\bđã\b|\bhiệu\s+lực\b|\bbình\s+quân\b|\btrung\s+bình\b)", regex.I)
_UNTIL_NOW_AFTER_RE = regex.compile(r"\s*(?:đến|tới)\s+nay\b", regex.I)
#: `Trong năm 2020, toàn tỉnh đã trồng …`: a past result, not a schedule.  A
#: document `đã được phê duyệt` after the time belongs to its name instead.
_PAST_AFTER_RE = regex.compile(r"[^;.\n]{0,30}?\bđã\b(?!\s+được\s+(?:phê\s+duyệt|ban\s+hành|cấp|giao|duyệt))", regex.I)
#: `theo định kỳ`: the adverb whatever precedes it; so is `định kỳ (hằng quý, …)`, which heads its cycle.
_THEO_RE = regex.compile(THEO, regex.I)
_CYCLE_AHEAD_RE = regex.compile(rf"[\s(]*{HANG}\s", regex.I)
#: `thường xuyên` describing a state, not scheduling an action.
_STATE_AFTER_RE = regex.compile(r"\s*(?:bị|xảy\s+ra|chịu|gặp|có)\b", regex.I)
#: A month or year right after a day number is the tail of a date OCR split.
_DATE_TAIL_BEFORE_RE = regex.compile(rf"(?:{NGAY}|\d)[\W_]*$", regex.I)
#: Words after which an adverb still opens its clause (a line's item label, `a)`, `(1)`, opens one too);
#: `thực hiện` names no action of its own (`(Sở Y tế chủ trì; thực hiện thường xuyên)`).
_CLAUSE_OPENERS = regex.compile(
    r"(?:^(?:\(?[\p{Ll}\d]{1,2}\))?|[;:,(\-–“\"\n\t•+]|\.\s)\s*(?:(?:và|đồng\s+thời|cần|phải|được|sẽ|luôn|để|trong\s+đó|riêng|đặc\s+biệt(?:\s+là)?|nhất\s+là)\s+)?(?:thực\s+hiện\s+)?$",
    regex.I,
)
#: Clause boundaries for the plan-name test (commas stay: titles contain them).
_CLAUSE_BREAK_RE = regex.compile(r"[;:(“\"\n\t]|\.(?=\s)")

#: A report named by the period it covers (`báo cáo 6 tháng`, `báo cáo năm`,
#: `báo cáo tổng kết quý`) makes a due day without a year (`trước ngày 15/6`)
#: recur with that period; a report of one year or quarter (`báo cáo năm 2025`,
#: `báo cáo quý I`) names no cycle.
_REPORT_PERIOD_RE = regex.compile(
    rf"báo\s+cáo(?:\s+(?:sơ\s+kết|tổng\s+kết|định\s+kỳ|kết\s+quả))?\s+"
    rf"(?:(?P<P1Y>(?:cả\s+|{HANG}\s+)?{NAM})|(?P<P6M>(?:0?6|sáu)\s+{THANG}(?:\s+đầu\s+{NAM})?)"
    rf"|(?P<P3M>(?:{HANG}\s+)?{QUY})|(?P<P1M>(?:{HANG}\s+)?{THANG}))(?!\s*(?:\d|[IV]+\b))",
    regex.I,
)
#: `trước ngày 30 tháng 6 đối với báo cáo sáu tháng`: the report named after its due day.
_FOR_REPORT_RE = regex.compile(r"\s*\(?\s*đối\s+với\s+")
#: How far before its due day a report's name may stand (`báo cáo năm gửi về Sở Tài chính trước ngày 15/12`).
MAX_REPORT_GAP = 60
#: What ends the clause a report's name and its due day share.
_REPORT_CLAUSE_END_RE = regex.compile(r"[,;:\n]|\.\s")


def _report_cycle(text: str, day: Atom) -> str | None:
    """The recurrence of the periodic report a due day without a year belongs to, if one is named beside it."""
    if (m := _FOR_REPORT_RE.match(text, day.end)) and (r := _REPORT_PERIOD_RE.match(text, m.end())):
        return r.lastgroup
    lo = max(0, day.start - MAX_REPORT_GAP)
    before = None
    for r in _REPORT_PERIOD_RE.finditer(text, lo, day.start):
        before = r
    if before is None or _REPORT_CLAUSE_END_RE.search(text, before.end(), day.start):
        return None
    return before.lastgroup


#: Section kinds whose time expressions are goals, horizons or paperwork.
SKIP_KINDS = frozenset({"preamble", "muc_tieu", "noi_nhan", "chu_ky", "footnotes"})
#: Skipped kinds whose prose may still state a completion time.
COMPLETION_KINDS = frozenset({"muc_tieu"})
#: Appendices are tables: only their time columns (read as slots) hold
#: deadlines; periods and horizons in other cells belong to targets.
PROSE_SKIP_KINDS = SKIP_KINDS | {"phu_luc"}

# ---------------------------------------------------------------- slots

#: `Thời gian thực hiện: Năm 2024 và hằng năm.`
#: `Thời gian thực hiện:`, `Thời hạn hoàn thành:`, `Thời gian kiểm tra:`, `Tiến độ:`: the
#: time word and a few lower-case words naming what is timed, then a colon.
SLOT_LABEL = regex.compile(
    rf"\b(?:(?-i:[Tt]){_w('h', _O, _I)}\s+(?:gian|hạn|điểm)|(?-i:[Tt])iến\s+độ)(?:\s+(?-i:\p{{Ll}}+)){{0,4}}\s*:\s*",
    regex.I,
)
#: How long something runs, in a time slot or column: `Dự kiến khoảng 02 ngày làm việc/01 đơn vị`.
_DURATION = regex.compile(
    r"^\W*(?:dự\s+kiến\s+)?(?:khoảng\s+|trong\s+(?:vòng\s+)?)?\d{1,3}\s+(?:ngày|tuần|tháng|năm)(?:\s+làm\s+việc)?\b"
    # `/01 đơn vị`: per what it is counted
    r"(?:\s*/\s*\d{1,3}\s+\p{L}+(?:\s+\p{L}+)?)?",
    regex.I,
)
_SLOT_END_RE = regex.compile(r"[;\n]|\.(?=\s|$)")
#: A table header cell that names a time column.
TIME_HEADER = regex.compile(rf"^\W*(?:{TIME_COLUMN_FIRST})\b|(?<!\p{{L}})(?:{TIME_COLUMN_ANY})(?!\p{{L}})", regex.I)
#: A header cell is a short label; a longer cell is content that mentions time.
MAX_HEADER_CHARS = 40
#: A slot value longer than this is a sentence, read as prose instead.
MAX_SLOT_CHARS = 80

_MONTHS = {"P1W": 0.25, "P1M": 1, "P3M": 3, "P6M": 6, "P1Y": 12}
#: The recurrences the data contract allows (SPEC: P1Y, P6M, P3M, P1M or null).
RECURRENCES = frozenset({"P1M", "P3M", "P6M", "P1Y"})


@dataclass(frozen=True)
class Atom:
    """One piece of a time expression, with the normal form it contributes."""

    kind: str  # range, half, quarter, month, date, daymonth, dayofmonth, year, recur, dinhky, ongoing, adhoc, cycle
    start: int
    end: int
    prep: str | None = None  # governing preposition, lower-cased
    keyword: bool = False  # a range introduced by giai đoạn / thời kỳ / năm
    value_start: str | None = None
    value_end: str | None = None
    recurrence: str | None = None
    recur_on: str | None = None
    onward: bool = False  # `năm 2026 và các năm tiếp theo`, `năm 2026 trở đi`: from then on


# ---------------------------------------------------------------- atoms


def _duration(n: int, unit: str) -> str:
    u = unit.lower()
    if u.startswith("q"):
        return f"P{3 * n}M"
    if u.startswith("th"):
        return "P1Y" if n == 12 else f"P{n}M"
    if u.startswith("t"):
        return f"P{n}W"
    return f"P{n}Y"


def _quarter_number(written: str) -> int | None:
    """`III`, `iv`, `3`, and OCR's `11`, `Il`, `IH` → the quarter's number; None above 4."""
    if written.isdigit() and len(written) == 1:
        return int(written)
    read = read_roman_lookalike(written)  # `11` is OCR's `II`: a `1` is a stroke
    n = roman_value(read) if read else 0
    if 1 <= n <= 4:
        return n
    # a stroke too many (`I1V`, `1II1`): the quarter every reading with one stroke less agrees on
    strokes = [i for i, c in enumerate(written) if c not in "VvXx"] if len(written) > 2 else []
    fewer = {_quarter_number(written[:i] + written[i + 1 :]) for i in strokes}
    return fewer.pop() if len(fewer) == 1 and None not in fewer else None


def _atom_from(kind: str, m, before=None) -> Atom | None:
    """The atom `m` matched, opened by the preposition `before` matched (if any)."""
    g = m.groupdict()
    if before is not None:
        prep, start = SPACES.sub(" ", before["prep"]).lower(), before.start()
    else:
        prep, start = (SPACES.sub(" ", g["prep"]).lower() if g.get("prep") else None), m.start()
    base = {"kind": kind, "start": start, "end": m.end(), "prep": prep}
    if kind == "range" and (g.get("q1") or g.get("m1")):
        # quarters or months of one year, ISO `2026-Q2` / `2026-04`
        if g.get("q1"):
            q1, q2 = _quarter_number(g["q1"]), _quarter_number(g["q2"])
            if q1 is None or q2 is None:
                return None
            first, last = f"Q{q1}", f"Q{q2}"
        else:
            first, last = (f"{int(g[k]):02d}" for k in ("m1", "m2"))
        if last <= first:
            return None
        return Atom(**base, keyword=True, value_start=f"{g['year']}-{first}", value_end=f"{g['year']}-{last}")
    if kind == "range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 <= y1 or y2 - y1 > 50:
            return None
        return Atom(**base, keyword=bool(g.get("kw") or g.get("from")), value_start=str(y1), value_end=str(y2))
    if kind == "half":
        y = g["year"]
        first = g["half"].lower() == "đầu"
        return Atom(**base, value_start=f"{y}-{'01' if first else '07'}", value_end=f"{y}-{'06' if first else '12'}")
    if kind == "quarter":
        q = _quarter_number(g["q"])
        return Atom(**base, value_end=f"{g['year']}-Q{q}") if q is not None else None
    if kind == "month":
        return Atom(**base, value_end=f"{g['year']}-{int(g['month']):02d}")
    if kind == "date":
        d = make_date(g["year"], g["month"], g["day"])
        return Atom(**base, value_end=d.isoformat()) if d else None
    if kind == "daymonth":
        if make_date(2000, g["month"], g["day"]) is None:  # 2000 is a leap year: 29/2 is valid
            return None
        return Atom(**base, recur_on=f"--{int(g['month']):02d}-{int(g['day']):02d}")
    if kind == "dayofmonth":
        return Atom(**base, recur_on=f"---{int(g['day']):02d}")
    if kind == "year":
        return Atom(**base, value_end=g["year"], onward=bool(g.get("onward")))
    if kind in ("recur", "cycle"):
        if g.get("unit"):
            return Atom(**base, recurrence=_duration(int(g.get("n") or 1), g["unit"]))
        return Atom(**base)  # trung hạn: no duration of its own
    return Atom(**base)


#: How far an atom reaches before its key (`giai đoạn từ nay đến hết ngày 15 tháng 6 năm`
#: before a year) and after it (`2021 đến hết năm 2025` after the first year).
_BEFORE_KEY, _AFTER_KEY = 80, 40


def find_atoms(text: str) -> list[Atom]:
    """Every atom in `text`, non-overlapping (earliest, then longest, wins).

    Each atom regex runs only in windows around its key (a year, a day and
    month, a cycle word), not over the whole text: the same matches, since
    every match holds its key, at a fraction of the cost."""
    low = text.lower()
    lowered = len(low) == len(text)
    windows = {
        key: windows_around(low, plain, _BEFORE_KEY, _AFTER_KEY)
        if lowered
        else windows_around(text, folding, _BEFORE_KEY, _AFTER_KEY)
        for key, (plain, folding) in _KEY_RES.items()
    }
    found = []
    for kind, key, rx, prepped in _ATOM_RES:
        for ws, we in windows[key]:
            for m in rx.finditer(text, ws, we, overlapped=True):
                before = _PREP_BEFORE.match(text, ws, m.start()) if prepped else None
                found.append(_atom_from(kind, m, before))
    return earliest_longest(found)


def earliest_longest(found: list[Atom | None]) -> list[Atom]:
    """The atoms that do not overlap one before them: earliest, then longest, wins."""
    atoms = sorted((a for a in found if a is not None and a.end > a.start), key=lambda a: (a.start, a.start - a.end))
    out, reach = [], -1
    for a in atoms:
        if a.start >= reach:
            out.append(a)
            reach = a.end
    return out


# ---------------------------------------------------------------- normal form


def _day_then_date(atoms: list[Atom], point: Atom) -> bool:
    """`từ` a day without its year, then a full date."""
    first = atoms[0]
    return first.kind == "daymonth" and bool(first.prep and _FROM_RE.match(first.prep)) and point.kind == "date"


def _first_day(iso: str) -> tuple[int, int, int]:
    """The first day an ISO partial (`2026`, `2026-Q3`, `2026-06`, `2026-06-15`) covers."""
    return _day_of(iso, first=True)


def _last_day(iso: str) -> tuple[int, int, int]:
    return _day_of(iso, first=False)


def _day_of(iso: str, first: bool) -> tuple[int, int, int]:
    parts = iso.split("-")
    if not parts[0].isdigit():
        return (0, 0, 0)
    year = int(parts[0])
    if len(parts) == 1:
        return (year, 1, 1) if first else (year, 12, 31)
    if parts[1].startswith("Q"):
        q = int(parts[1][1:])
        return (year, 3 * q - 2, 1) if first else (year, 3 * q, 31)
    month = int(parts[1])
    day = int(parts[2]) if len(parts) > 2 else (1 if first else 31)
    return (year, month, day)


def normal_form(atoms: list[Atom]) -> dict | None:
    """The (kind, start, end, recurrence, recur_on, ongoing) of one expression."""
    cycles = [a for a in atoms if a.kind in ("recur", "dinhky")]
    ongoing = any(a.kind == "ongoing" for a in atoms)
    points = [a for a in atoms if a.kind in ("range", "half", "quarter", "month", "date", "year")]
    day = next((a.recur_on for a in atoms if a.kind in ("daymonth", "dayofmonth")), None)
    nf: dict[str, object] = {
        "kind": None,
        "start": None,
        "end": None,
        "recurrence": None,
        "recur_on": None,
        "ongoing": ongoing,
    }
    if cycles:
        durations = [a.recurrence for a in atoms if a.kind in ("recur", "cycle", "dinhky") and a.recurrence]
        # `5 năm và hằng năm`, `6 tháng, hằng năm`: the tightest cycle sets the pace.
        # Only the contract's cycles are recurrences; `5 năm một lần` recurs without one (null).
        known = [d for d in durations if d in RECURRENCES]
        nf.update(
            kind="recurring", recurrence=min(known, key=lambda d: _MONTHS.get(d, 1e9)) if known else None, recur_on=day
        )
        if points:  # `Năm 2024 và hàng năm`: the first year it runs
            nf["start"] = points[0].value_start or points[0].value_end
        return nf
    if points:
        if len(points) == 1 and day and _day_then_date(atoms, points[0]):
            # `từ ngày 01/4 đến ngày 30/6/2026`: the first day takes the year written once, at the end
            last = points[0].value_end or ""
            nf.update(kind="period", start=f"{last[:4]}-{day[2:]}", end=last)
            return nf
        if len(points) == 1:
            p = points[0]
            kind = {"range": "period", "half": "period"}.get(p.kind, p.kind)
            start, end = p.value_start, p.value_end
            if (p.prep and _FROM_RE.match(p.prep) and p.kind != "range") or p.onward:
                start, end = end, None
        else:
            # `giai đoạn 2026 - 2028, ưu tiên năm 2026`: the period covers every time it names,
            # in whatever order they are written.
            kind = "period"
            start = min((p.value_start or p.value_end or "" for p in points), key=_first_day)
            end = max((p.value_end or "" for p in points), key=_last_day)
        nf.update(kind="ongoing" if ongoing else kind, start=start, end=end)
        return nf
    if ongoing:
        nf.update(kind="ongoing")
        return nf
    # `trước ngày 15/6` with no year and no cycle names no date the contract can
    # hold (`end` is an ISO partial date); a yearly due day is a recurrence's `recur_on`.
    return None


# ---------------------------------------------------------------- context tests


def _line_span(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _clause_before(text: str, pos: int, line_start: int) -> str:
    chunk = text[line_start:pos]
    breaks = list(_CLAUSE_BREAK_RE.finditer(chunk))
    return chunk[breaks[-1].end() :] if breaks else chunk


def _in_quotes(text: str, pos: int, line_start: int) -> bool:
    before = text[line_start:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _all_caps(line: str) -> bool:
    if line != line.upper():  # a lower-case letter: most lines, decided in C
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def _plan_name(text: str, a: Atom, line_start: int) -> bool:
    """The atom ends the name of a plan, programme or strategy."""
    if _VISION_AFTER_RE.match(text, a.end, a.end + 20):
        return True
    clause = _clause_before(text, a.start, line_start)
    return any(not _GENERIC_PLURAL_RE.search(clause, 0, m.start()) for m in PLAN_NOUN.finditer(clause))


def _target_year(text: str, a: Atom, line_start: int) -> bool:
    """`phấn đấu đến năm 2030 …`, `đến năm 2028 có 12 chợ …`: the year of a goal or figure."""
    if not a.prep or _STRONG_RE.match(a.prep):
        return False
    return bool(_GOAL_BEFORE_RE.search(_clause_before(text, a.start, line_start))) or bool(
        _FIGURE_AFTER_RE.match(text, a.end, a.end + 60)
    )


def _completion_time(text: str, a: Atom, line_start: int) -> bool:
    """A strong-prepositioned time after a completion verb in the same clause."""
    strong = bool(a.prep and _STRONG_RE.match(a.prep))
    return strong and bool(_COMPLETION_RE.search(_clause_before(text, a.start, line_start)))


#: A time slot's name whose colon OCR lost (`Thời gian thường xuyên.`): its value opens a clause.
_SLOT_NAME_BEFORE = regex.compile(rf"(?:^|[.;]\s+){TIME_SLOT_NAME}\s+$", regex.I)


def _clause_initial(text: str, pos: int, line_start: int) -> bool:
    before = text[max(line_start, pos - 40) : pos]
    return bool(_CLAUSE_OPENERS.search(before) or _SLOT_NAME_BEFORE.search(before))


def _accept(text: str, a: Atom, line_start: int, accepted_prev: Atom | None) -> bool:
    """Whether an atom, read in running prose, schedules an action."""
    before = text[max(line_start, a.start - 30) : a.start]
    if _VISION_BEFORE_RE.search(before) or _UNTIL_NOW_AFTER_RE.match(text, a.end, a.end + 12):
        return False
    # `kiểm tra số trang đã số hóa, thực hiện hằng quý`: a comma ends the phrase the past or the base describes
    if _BASELINE_BEFORE_RE.search(_clause_before(text, a.start, line_start).rpartition(",")[2][-30:]):
        return False
    if a.kind not in ("recur", "dinhky", "ongoing") and _PAST_AFTER_RE.match(text, a.end):
        return False
    strong = bool(a.prep and _STRONG_RE.match(a.prep))
    if a.prep is None and _range_end(text, accepted_prev, a):
        return True
    if a.kind == "range":
        if _VISION_AFTER_RE.match(text, a.end, a.end + 20):
            return False
        if _BEFORE_PERIOD_RE.search(before):
            return True
        if not a.keyword:
            # a bare `2026 - 2030` continues a period just read: `… 2021-2025 và 2026-2030`
            return bool(
                accepted_prev and accepted_prev.kind == "range" and _JOIN_RE.match(text[accepted_prev.end : a.start])
            )
        return not _plan_name(text, a, line_start)
    if (
        a.prep is None
        and a.kind in ("year", "month", "quarter", "half")
        and _DATE_TAIL_BEFORE_RE.search(text[max(0, a.start - 12) : a.start])
    ):  # across a broken line too
        return False
    if a.kind in ("year", "date", "month", "quarter", "half") and _target_year(text, a, line_start):
        return False
    if a.kind == "year":
        if strong:
            return True
        if a.prep:
            return not _plan_name(text, a, line_start)
        return _clause_initial(text, a.start, line_start)
    if a.kind == "date":
        return a.prep is not None and (strong or not _plan_name(text, a, line_start))
    if a.kind == "daymonth":
        return a.prep is not None
    if a.kind in ("quarter", "month", "half"):
        if a.prep is None:  # `báo cáo kết quả quý I/2024` names what is reported, not when
            return _clause_initial(text, a.start, line_start)
        return strong or not _plan_name(text, a, line_start)
    return _cycle_accepted(text, a, line_start)


#: `thực hiện` right before an adverb of time (`thực hiện thường xuyên`) …
_DONE_BEFORE_RE = regex.compile(r"(?<!\p{L})thực\s+hiện\s+$", regex.I)
#: … unless it is said not to be done (`chưa được thực hiện thường xuyên`: a state, not a schedule).
_NOT_DONE_BEFORE_RE = regex.compile(r"(?<!\p{L})(?:chưa|không)(?:\s+được)?\s+thực\s+hiện\s+$", regex.I)


def _cycle_accepted(text: str, a: Atom, line_start: int) -> bool:
    """Whether `hằng năm`, `định kỳ`, `thường xuyên` say when something is done, not what kind of thing it is."""
    if a.kind == "recur":
        return not _ADJECTIVE_AFTER_RE.match(text, a.end, a.end + 8)
    if a.kind == "dinhky":  # `báo cáo định kỳ` is a periodic report
        return bool(
            _THEO_RE.match(text, a.start)
            or _CYCLE_AHEAD_RE.match(text, a.end)
            or _clause_initial(text, a.start, line_start)
        )
    if a.kind == "ongoing":
        before = text[max(line_start, a.start - 30) : a.start]
        # `… giao Trung tâm X thực hiện thường xuyên`: how often the body does it, unless it is not done
        done_often = bool(_DONE_BEFORE_RE.search(before)) and not _NOT_DONE_BEFORE_RE.search(before)
        return (_clause_initial(text, a.start, line_start) or done_often) and not _STATE_AFTER_RE.match(
            text, a.end, a.end + 12
        )
    return False  # adhoc, cycle: only beside a cycle


# ---------------------------------------------------------------- records


def _span_text(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace/punctuation; close a bracket the expression opened."""
    while start < end and text[start] in " \t,;:-–(":
        start += 1
    while end > start and text[end - 1] in " \t,;:.(":
        end -= 1
    seg = text[start:end]
    if seg.count("(") > seg.count(")") and end < len(text) and text[end] == ")":
        end += 1
    return start, end


def _record(doc, text: str, start: int, end: int, nf: dict, tasks, as_written: str | None = None) -> Deadline:
    """`as_written`: the words that state the time when the span only points at it (a tick under its column)."""
    start, end = _span_text(text, start, end)
    return Deadline(
        section_id=doc.section_id_at(start),
        char_start=start,
        char_end=end,
        page=doc.page_at(start),
        text=as_written or text[start:end],
        task_id=_task_at(tasks, start, text),
        **nf,
    )


def _get(obj, name):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _task_at(tasks, pos: int, text: str | None = None) -> str | None:
    """The innermost task whose span holds `pos`; in a table, the task of the same row."""
    best = None
    for t in tasks or ():
        s, e = _get(t, "char_start"), _get(t, "char_end")
        if s is None or e is None or not (s <= pos < e):
            continue
        if best is None or (e - s) < (_get(best, "char_end") - _get(best, "char_start")):
            best = t
    if best is None and text is not None:
        row_start, row_end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
        row_end = len(text) if row_end < 0 else row_end
        if "\t" in text[row_start:row_end]:  # the time cell may come first (`Thời gian | Nội dung | …`)
            best = next((t for t in tasks or () if row_start <= (_get(t, "char_start") or -1) < row_end), None)
    return _get(best, "task_id") if best is not None else None


class _Spans:
    """Sorted, merged spans with a fast overlap test."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for a, b in sorted((int(a), int(b)) for a, b in spans if b > a):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._spans = merged

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self._starts, e)  # spans starting before e
        return i > 0 and self._spans[i - 1][1] > s


def _range_end(text: str, prev: Atom | None, a: Atom) -> bool:
    """`từ ngày 15/4 - 15/5/2026`: `a` ends the range that `prev` opens with `từ`, across a dash."""
    return bool(prev and prev.prep and _FROM_RE.match(prev.prep) and _TO_RE.match(text[prev.end : a.start]))


#: `trước ngày 20 tháng 6 và tháng 12 hằng năm`: the same day of more months, which names no time alone.
_SAME_DAY_MONTHS_RE = regex.compile(rf"^(?:\s*(?:,|và)\s*{THANG}\s*\d{{1,2}})+[\s,(]*$", regex.I)


def _joined(text: str, prev: Atom, a: Atom) -> bool:
    gap = text[prev.end : a.start]
    return (
        bool(_JOIN_RE.match(gap))
        or _range_end(text, prev, a)
        or (prev.kind == "daymonth" and bool(_SAME_DAY_MONTHS_RE.match(gap)))
    )


def _groups(text: str, atoms: list[Atom]) -> list[list[Atom]]:
    """Runs of atoms joined only by `và`, `hoặc`, commas or brackets."""
    groups: list[list[Atom]] = []
    for a in atoms:
        # Two explicit cycles are two schedules (`Định kỳ 6 tháng, hàng năm`).
        two_cycles = bool(groups) and a.kind == "recur" and any(b.kind == "recur" for b in groups[-1])
        if groups and not two_cycles and _joined(text, groups[-1][-1], a):
            groups[-1].append(a)
        else:
            groups.append([a])
    return groups


#: A time cell holding a bare year (`2027`) or period (`2026-2028`): a table's
#: time column needs no `năm` before its years. Two years side by side are a period
#: whose dash OCR lost (`2024 2025`).
_BARE_YEAR_CELL = regex.compile(r"^\s*(?P<y1>(?:19|20)\d{2})(?:(?:\s*[-–]\s*|\s+)(?P<y2>(?:19|20)\d{2}))?\s*$")


#: A year a time slot or column writes without its `năm`: opening the value or
#: after a time preposition (`2026 và các năm tiếp theo`, `Đến 2030`, `cuối 2026`).
_BARE_YEAR_IN_SLOT = regex.compile(
    r"(?:(?<=^[\s(]*)|(?<=(?<!\p{L})(?:đến|tới|trước|từ|trong|hết|cuối|đầu|giữa|và)\s+))(?P<year>(?:19|20)\d{2})(?!\d)",
    regex.I,
)


def _slot_records(doc, text, tasks, start, end) -> list[Deadline]:
    """One record for an explicit time value (a slot or a table cell)."""
    value = text[start:end]
    nf = _bare_years(value)
    if nf is None:
        # a time slot's year needs no `năm` (`2026 và hằng năm`, `Đến 2030`)
        nf = normal_form(find_atoms(_BARE_YEAR_IN_SLOT.sub(r"năm \g<year>", value)))
    if nf is None and (d := _DURATION.match(value)):
        # A duration says how long it runs, not from or until when: a period without dates.
        nf = {"kind": "period", "start": None, "end": None, "recurrence": None, "recur_on": None, "ongoing": False}
        end = start + d.end()
    if nf is None:
        return []
    return [_record(doc, text, start, end, nf, tasks)]


def _slots(doc, text, tasks, skip) -> tuple[list[Deadline], list[tuple[int, int]]]:
    out, used = [], []
    for m in SLOT_LABEL.finditer(text):
        kind = _kind_at(doc, m.start())
        if kind in ("preamble", "noi_nhan", "chu_ky") or skip.overlaps(m.start(), m.end()):
            continue
        stop = _SLOT_END_RE.search(text, m.end())
        end = stop.start() if stop else len(text)
        if end <= m.end():
            continue
        if end - m.end() > MAX_SLOT_CHARS:
            # A sentence: only a duration that opens it is the slot's value.
            d = _DURATION.match(text[m.end() : end])
            if not d:
                continue
            end = m.end() + d.end()
        recs = _slot_records(doc, text, tasks, m.end(), end)
        out.extend(recs)
        if recs:
            used.append((m.start(), end))
    return out, used


# ---------------------------------------------------------------- tick tables

#: A cell that only marks its column: in a table whose columns are times
#: (`Năm 2024 | Năm 2025`, `Quý I/2025 | Quý II/2025`), a row runs when it ticks them.
#: Ticks as typed (`x`, `×`), as Unicode draws them, in the Wingdings font's
#: private-use codes (U+F0FB-U+F0FE: ✗ ✓ ☒ ☑) and as a PDF maps that font to Latin-1 (`ü` ✓).
TICK_CELL = regex.compile(r"^\s*[xX×✓✔✗✘√●•☑☒\uf0fb-\uf0feü]\s*$")
#: A time column's title is short (`6 tháng đầu năm 2025`); a longer cell is content.
MAX_TIME_TITLE_CHARS = 30


def _bare_years(cell: str) -> dict | None:
    m = _BARE_YEAR_CELL.match(cell)
    if not m:
        return None
    y1, y2 = m.group("y1"), m.group("y2")
    return {
        "kind": "period" if y2 else "year",
        "start": y1 if y2 else None,
        "end": y2 or y1,
        "recurrence": None,
        "recur_on": None,
        "ongoing": False,
    }


#: A quarter or month without its year (`Quý I`, `Tháng 6`): a column title whose
#: year the table states once, above it (`DANH MỤC NHIỆM VỤ NĂM 2025`, `Năm 2025`).
_YEARLESS_TITLE = regex.compile(rf"^(?:{QUY}\s+{QUARTER_NO}|{THANG}\s+{MONTH_NO})$", regex.I)
_YEAR_RE = regex.compile(rf"(?<!\d){Y}")


def time_cell(cell: str, year: str | None = None) -> dict | None:
    """The normal form of a cell that is one time value and nothing more (`Năm 2024`, `Quý I/2025`, `2025`).

    `year`: the year a quarter or month without one (`Quý I`) is of."""
    c = cell.strip()
    if not c or len(c) > MAX_TIME_TITLE_CHARS:
        return None
    if year and _YEARLESS_TITLE.match(c):
        c = f"{c}/{year}"
    atoms = find_atoms(c)
    if not atoms:
        return _bare_years(c)
    ends = [0] + [a.end for a in atoms]
    starts = [a.start for a in atoms] + [len(c)]
    rest = "".join(c[e:s] for e, s in zip(ends, starts, strict=True))
    return None if regex.search(r"\p{L}", rest) else normal_form(atoms)


@dataclass(frozen=True)
class TickRun:
    """Adjacent time columns one row ticks: the row runs from the first's time to the last's."""

    first: int  # the row's cell of the first tick
    last: int  # the row's cell of the last tick
    text: str  # the columns' titles, as written (`Năm 2024 - Năm 2025`)
    nf: dict


@dataclass
class TickTable:
    """What the time columns of one table say: each row's tick runs, and the rows that title the columns."""

    runs: dict[int, list[TickRun]] = field(default_factory=dict)
    title_rows: set[int] = field(default_factory=set)


def _one_year(texts) -> str | None:
    years = {m.group() for t in texts for m in _YEAR_RE.finditer(t)}
    return years.pop() if len(years) == 1 else None


def read_ticks(rows: list[list[str]], caption: str = "") -> TickTable:
    """The tick runs of one table, given as its rows' cells.

    A row with two or more cells that are times and no tick titles the
    columns of the rows under it that tick them; a title without its year
    (`Quý I`) takes the one year of the row above it or of the `caption`.
    Merged cells shorten a row from the left (STT, group titles), so a short
    row is aligned from the right."""
    out = TickTable()
    if not any(TICK_CELL.match(c) for cells in rows for c in cells):
        return out  # most tables tick nothing: their cells need no reading as times
    titles: dict[int, tuple[str, dict]] = {}
    title_row, ncols = -1, 0
    year = _one_year([caption])
    for r, cells in enumerate(rows):
        ticked = [i for i, c in enumerate(cells) if TICK_CELL.match(c)]
        if not ticked:
            times = {i: (c.strip(), nf) for i, c in enumerate(cells) if (nf := time_cell(c, year)) is not None}
            year = _one_year(cells) or year
            if len(times) >= 2:
                titles, title_row, ncols = times, r, len(cells)
            continue
        shift = max(0, ncols - len(cells))
        runs: list[list[int]] = []
        for i in ticked:
            if i + shift not in titles:
                continue
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        if runs:
            out.runs[r] = [_tick_run(run[0], run[-1], titles[run[0] + shift], titles[run[-1] + shift]) for run in runs]
            out.title_rows.add(title_row)
    return out


def _tick_run(first: int, last: int, a: tuple[str, dict], b: tuple[str, dict]) -> TickRun:
    if first == last:
        return TickRun(first, last, a[0], a[1])
    nf = {**b[1], "kind": "period", "start": a[1]["start"] or a[1]["end"]}
    return TickRun(first, last, f"{a[0]} - {b[0]}", nf)


@dataclass
class TableBlock:
    """One tab-separated table: its rows (each its start and its cells) and the lines just above it.
    What is read off it is read once: tasks and deadlines both ask."""

    rows: list[tuple[int, list[str]]]
    caption: str

    @cached_property
    def ticks(self) -> TickTable:
        return read_ticks([cells for _, cells in self.rows], self.caption)

    @cached_property
    def time_columns(self) -> list[int]:
        """Its time columns known by their values (`time_columns_by_values`)."""
        return time_columns_by_values([cells for _, cells in self.rows])


#: Lines above a table that may title it (`PHỤ LỤC` / `DANH MỤC NHIỆM VỤ NĂM 2025`).
CAPTION_LINES = 2


@memo(maxsize=2)
def table_blocks(text: str) -> list[TableBlock]:
    """The tab-separated tables of `text` (the same blocks for every reader of one document: do not change them)."""
    blocks: list[TableBlock] = []
    above: list[str] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "\t" not in line:
            if line.strip():
                above = [*above[-(CAPTION_LINES - 1) :], line]
            continue
        if above or not blocks:
            blocks.append(TableBlock([], "\n".join(above)))
            above = []
        blocks[-1].rows.append((start, line.split("\t")))
    return blocks


def _cell_start(row_start: int, cells: list[str], i: int) -> int:
    return row_start + sum(len(x) + 1 for x in cells[:i])


#: A cell is a time when its time expressions cover this share of it (`Tháng 6/2026`, not
#: `Báo cáo năm 2025`).
TIME_CELL_SHARE = 0.8
_LEAD_COLUMN_RE = regex.compile(LEAD_COLUMN, regex.I)


def _time_title(cell: str) -> bool:
    """A short cell that names a time column (`Thời gian hoàn thành`), OCR damaged too."""
    cell = cell.strip()
    return len(cell) <= MAX_HEADER_CHARS and (bool(TIME_HEADER.search(cell)) or damaged_time_title(cell))


#: The words of a time column's title by their letters (`Thời gian thực hiện`, `Tiến độ hoàn thành`).
_TIME_TITLE_WORDS = ({"gian"}, {"tien", "hoan", "than"}, {"tien", "do"})
#: A title holds at most this many words.
_TITLE_WORDS = 4


def damaged_time_title(cell: str) -> bool:
    """A time column's title OCR damaged, that still holds its words by their letters: `ha gian thực
    iện` (`Thời gian thực hiện`), `hoàn Tiên thàn` (`Tiến độ hoàn thành` read over its two lines).
    `Không gian` is space, not time."""
    words = {skeleton(w) for w in cell.split()}
    return (
        len(cell.split()) <= _TITLE_WORDS and "khong" not in words and any(need <= words for need in _TIME_TITLE_WORDS)
    )


def is_time_cell(cell: str) -> bool:
    cell = cell.strip()
    return bool(cell) and sum(a.end - a.start for a in find_atoms(cell)) >= TIME_CELL_SHARE * len(cell)


def time_columns_by_values(rows: list[list[str]]) -> list[int]:
    """The columns of a task table (a header naming who carries the tasks out) whose every
    body cell is a time, when no header cell names a time column: OCR damaged the title
    (`Thời gian hoàn thành` read `hoàn nàn thàn` beside a faint rule) of a column of
    `Năm 2026`, `Tháng 6/2026`, `2026 - 2027`."""
    if len(rows) < 3 or not any(_LEAD_COLUMN_RE.search(c) for c in rows[0]):
        return []
    if any(_time_title(c) for cells in rows for c in cells):
        return []
    n = len(rows[0])
    body = [cells for cells in rows[1:] if len(cells) == n]
    found = []
    for i in range(n):
        values = [v for v in (cells[i].strip() for cells in body) if v]
        if len(values) >= 2 and all(is_time_cell(v) for v in values):
            found.append(i)
    return found


def _tables(doc, text, tasks) -> tuple[list[Deadline], list[tuple[int, int]]]:
    """Time-column cells and tick runs of tab-separated tables; every table line is returned as used."""
    out, used = [], []
    for block in table_blocks(text):
        ticks = block.ticks
        col: list[int] | None = None
        ncols = 0
        by_values = block.time_columns
        for r, (start, cells) in enumerate(block.rows):
            used.append((start, start + len("\t".join(cells))))
            if r in ticks.title_rows:
                continue
            if r == 0 and by_values:
                col, ncols = by_values, len(cells)
                continue
            for run in ticks.runs.get(r, ()):
                a = _cell_start(start, cells, run.first)
                b = _cell_start(start, cells, run.last) + len(cells[run.last])
                out.append(_record(doc, text, a, b, run.nf, tasks, as_written=run.text))
            header = [i for i, c in enumerate(cells) if _time_title(c) and not find_atoms(c)]
            # a numbered row is a task's, whatever its text says (`Kiểm tra tiến độ các dự án`)
            if header and not (cells and ROW_NUMBER.fullmatch(cells[0])):
                col, ncols = header, len(cells)
                continue
            if col is None:
                continue
            for c in col:
                # merged cells shorten a row from the left (STT, group titles): align from the right
                i = c if len(cells) == ncols else len(cells) - (ncols - c)
                if not 0 <= i < len(cells):
                    continue
                cstart = _cell_start(start, cells, i)
                out.extend(_slot_records(doc, text, tasks, cstart, cstart + len(cells[i])))
    return out, used


def _kind_at(doc, pos: int) -> str | None:
    s = doc.section_at(pos) if doc.sections else None
    return s.kind if s is not None else None


def legal_date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `số 1055/QĐ-TTg ngày 20 tháng 7 năm 2020`: the date belongs to the reference."""
    spans = []
    for m in _LEGAL_DATE_CORE.finditer(text):
        so = _SO_BEFORE.match(text, 0, m.start())
        spans.append((so.start() if so else m.start(), m.end()))
    return spans


def extract_deadlines(doc, tasks: list | None = None, exclude: list[tuple[int, int]] | None = None) -> list[Deadline]:
    """Every time expression in `doc` that says when something is due or runs.

    `tasks`: records with `task_id`, `char_start`, `char_end`; a deadline takes
    the innermost task containing it.  `exclude`: spans (legal references) whose
    time expressions belong to something else.
    """
    text = doc.text or ""
    legal_dates = legal_date_spans(text)
    skip = _Spans(list(exclude or []) + legal_dates)
    slot_recs, slot_used = _slots(doc, text, tasks, skip)
    table_recs, table_used = _tables(doc, text, tasks)
    blocked = _Spans(list(exclude or []) + legal_dates + slot_used + table_used)

    out = slot_recs + table_recs
    line_cache: dict[int, tuple[int, int, bool]] = {}
    prev: Atom | None = None
    kept: list[Atom] = []
    for a in find_atoms(text):
        if blocked.overlaps(a.start, a.end):
            continue
        kind = _kind_at(doc, a.start)
        ls, le = _line_span(text, a.start)
        if kind in PROSE_SKIP_KINDS and not (kind in COMPLETION_KINDS and _completion_time(text, a, ls)):
            continue
        if ls not in line_cache:
            line_cache[ls] = (ls, le, _all_caps(text[ls:le]))
        if line_cache[ls][2] or _in_quotes(text, a.start, ls):
            continue
        if a.kind in ("adhoc", "cycle", "dayofmonth") or (a.kind == "daymonth" and a.prep is None):
            kept.append(a)  # kept only if it joins a cycle below
            continue
        if _accept(text, a, ls, prev):
            kept.append(a)
            prev = a
    for group in _groups(text, kept):
        has_cycle = any(a.kind in ("recur", "dinhky") for a in group)
        if has_cycle or (any(a.kind == "ongoing" for a in group) and len(group) > 1):
            members = group
            if not has_cycle:  # `thường xuyên` with points: keep only accepted pieces
                members = [a for a in group if a.kind not in ("adhoc", "cycle", "daymonth") or a.prep]
            nf = normal_form(members)
            if nf:
                out.append(_record(doc, text, members[0].start, members[-1].end, nf, tasks))
            continue
        for piece in _ranges(
            text,
            [
                a
                for a in group
                if a.kind not in ("adhoc", "cycle", "dayofmonth") and not (a.kind == "daymonth" and a.prep is None)
            ],
        ):
            nf = normal_form(piece)
            if nf is None and len(piece) == 1 and piece[0].kind == "daymonth":
                nf = _report_due_day(text, piece[0])
            if nf:
                out.append(_record(doc, text, piece[0].start, piece[-1].end, nf, tasks))
    out.sort(key=lambda d: (d.char_start, d.char_end))
    return out


def _report_due_day(text: str, day: Atom) -> dict | None:
    """`báo cáo 6 tháng trước ngày 15/6`: the day of every period of the report, as `định kỳ 6 tháng (trước ngày 15/6)` says it."""
    cycle = _report_cycle(text, day)
    if cycle is None:
        return None
    return {
        "kind": "recurring",
        "start": None,
        "end": None,
        "recurrence": cycle,
        "recur_on": day.recur_on,
        "ongoing": False,
    }


def _ranges(text: str, atoms: list[Atom]) -> list[list[Atom]]:
    """Split a run into single expressions, pairing `từ X đến Y` into one period."""
    out: list[list[Atom]] = []
    for a in atoms:
        if (
            out
            and len(out[-1]) == 1
            and out[-1][0].prep
            and _FROM_RE.match(out[-1][0].prep)
            and out[-1][0].kind != "range"
            and (
                _TO_RE.match(text[out[-1][0].end : a.start])
                or (a.prep and _TO_RE.match(a.prep) and not text[out[-1][0].end : a.start].strip())
            )
        ):
            out[-1].append(a)
        else:
            out.append([a])
    return out
