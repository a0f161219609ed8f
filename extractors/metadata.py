"""Document-level facts from the header, title, opening and signature block.

Vietnamese administrative documents follow one form (Nghị định 30/2020/NĐ-CP
and its predecessors): the issuing body top left (under its parent body when
it has one), the national motto top right, `Số:` and `<place>, ngày … tháng …
năm …` under them, the kind line (`KẾ HOẠCH`, or `V/v …` and `Kính gửi:` for a
công văn), the subject line(s), then the body; the signature block closes it,
and appendices may follow with captions `(Kèm theo Kế hoạch số … ngày …)`.
Plans converted by someone else may have lost the header, so every field also
has a fallback from the body text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

import regex
from rapidfuzz.distance import Levenshtein

from extractors.agencies import PROPER_HEADS, agency_at, canonical_agency, domain_end
from extractors.document import ParsedDoc
from extractors.text.dates import DATE, HEADER_DATE, make_date
from extractors.text.fold import by_letters, skeleton, squash
from extractors.text.fold import fold as shadow
from extractors.text.labels import ROMAN_WIDE
from extractors.text.lexicon import (
    ADMIN_UNIT,
    CITY_UNIT,
    COMMON_SURNAMES,
    DOC_KINDS,
    ENACTING_LINE,
    KIND_KEYS,
    MOTTO_START,
    NAME_HEAD,
    NAME_WORD,
    NATIONAL_BODIES,
    NOI_NHAN,
    NUMBER_FIELD,
    PERSON_TITLES,
    PLACE_WORD,
    PREAMBLE_OPENER,
    RECORD_KINDS,
    SIGNATURE_MARK,
    SIGNED_FOR_HEAD,
    SIGNER_TITLE_CAPS,
    deputy_title,
)
from extractors.text.lexicon import SIGNER_TITLES as LEXICON_SIGNER_TITLES
from extractors.text.patterns import NOT_COMMUNE_WORD, alt, is_caps
from extractors.text.provinces import (
    canonical_province,
    district_names,
    place_name,
    province_names,
    province_of_district,
    province_unit,
    title_case_place,
    unit_by_letters,
)
from extractors.text.syllables import doubled_letter_readings, is_vietnamese_syllable, toneless

#: How many lines from the top count as the header block.
HEADER_LINES = 20

# ---------------------------------------------------------------- kinds


def fold(text: str) -> str:
    """Lower case without diacritics, for matching through OCR's lost marks."""
    return shadow(text).lower()


#: Kind words as they open a kind line (`KẾ HOẠCH`, OCR's `KẼHOẠCH`), squashed, longest first.
_KIND_KEYS: list[tuple[str, str]] = sorted(KIND_KEYS.items(), key=lambda kv: -len(kv[0]))
_RECORD_KEYS = tuple(squash(k) for k in RECORD_KINDS)
#: Kind words named in the opening sentence (`xây dựng Chương trình hành động`).
KIND_WORDS: list[tuple[str, str]] = [(r"\s+".join(k.lower().split()), v) for k, v in DOC_KINDS.items()]
#: Số hiệu symbols that name the kind (`182/KH-UBND`).
SYMBOL_KINDS = {
    "KH": "ke_hoach",
    "QĐ": "quyet_dinh",
    "CTR": "chuong_trinh_hanh_dong",
    "CTHĐ": "chuong_trinh_hanh_dong",
    "NQ": "nghi_quyet",
    "CT": "chi_thi",
    "BC": "bao_cao",
}


_SPECK_AT_END = regex.compile(r"(?<=\S)\s+(?:\p{Ll}|[|_'`~.,])$|^(?:\p{Ll}|[|_'`~.,])\s+(?=\S)")


def kind_line(line: str) -> tuple[str, str] | None:
    """(kind, the rest of the line) for a capitals line that opens with a kind word, else None.

    `KẾ HOẠCH` → (`ke_hoach`, ``); `QUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ …` →
    (`quyet_dinh`, `CHẤP THUẬN …`); `GIẤY PHÉP` → (`other`, ``).
    """
    # a lone small letter or mark beside the line's words is a speck OCR read (`KẾ HOẠCH l`, `m NGHỊ QUYẾT`)
    s = _SPECK_AT_END.sub("", line.strip()).rstrip(":").strip()
    if not is_caps(s, 0.9) or len(s.split()) > 40:
        return None
    words = s.split()
    # Squashed prefixes of the line, word by word: OCR may join or split the kind's words.
    prefixes, built = [], ""
    for w in words:
        built += squash(w)
        prefixes.append(built)
    for key, kind in _KIND_KEYS:
        if key in prefixes:
            rest = " ".join(words[prefixes.index(key) + 1 :])
            # OCR debris after the kind (`KẼHOẠCH _`) is no subject.
            return kind, rest if regex.search(r"\p{L}", rest) else ""
    return None


_KIND_WORD_RES = [(regex.compile(p, regex.IGNORECASE), kind) for p, kind in KIND_WORDS]


def kind_of(words: str) -> str | None:
    for rx, kind in _KIND_WORD_RES:
        if rx.fullmatch(words.strip()):
            return kind
    return None


# ---------------------------------------------------------------- header pieces

#: `Số: 182 /KH-UBND`, `Số 07/CT-TTg`, `Số: 21.4/GĐN`, OCR's `Sô:`; the number may be followed
#: by the place-date column on the same line. A draft's blank number (`Số:    /KH-SCT`) is none.
_NUMBER_LINE = regex.compile(
    "^" + NUMBER_FIELD + r"\s*:?\s*(?P<number>\d[\d.]*[\p{L}]{0,2}(?:\s*[/\-–]\s*[\p{L}Đ0-9.]+)+)(?![\p{L}\d])"
)
#: `Thành phố Hồ Chí Minh, ngày …`: a city's date line may name it with its unit, written small.
#: … or an urban district or ward named by its number (`Quận 3, ngày …`, `Phường 12, ngày …`).
_NUMBERED_PLACE = r"(?:Quận|Phường|QUẬN|PHƯỜNG)\s+\d{1,2}"
_PLACE = rf"(?P<place>{_NUMBERED_PLACE}|(?:{CITY_UNIT}\s+)?{PLACE_WORD}(?:[ \-]+{PLACE_WORD}){{0,4}})"
#: `TP. Hồ Chí Minh`, `THÀNH PHỐ HỒ CHÍ MINH`: the unit abbreviated or in capitals.
_CITY_SHORT = regex.compile(rf"^(?:(?i:tp)\.?\s*|{CITY_UNIT}\s+)(?=\p{{Lu}})")
#: `Lào Cai, ngày 10 tháng 3 năm 2026`, also after other text on the line (merged columns).
_PLACE_DATE = regex.compile(rf"(?:^|\s){_PLACE},\s*{HEADER_DATE}")
#: A place that is not one: `Hôm nay, ngày …` opens the minutes of a meeting.
_NOT_PLACES = regex.compile(r"^(?:Hôm\s+nay|Hôm\s+qua|Vào|Từ|Đến|Trước|Sau)$", regex.IGNORECASE)
_MOTTO = regex.compile(MOTTO_START, regex.IGNORECASE)
#: A rule under the header's lines, or a line without a letter or digit (OCR's debris: `)`).
_RULE = regex.compile(r"^[^\p{L}\d]+$|[\s]*[\-–—_=]{3,}\s*$")
_OPENER = regex.compile(rf"^(?:{PREAMBLE_OPENER}|Triển\s+khai|Để\s|Nhằm\s)")
_SUBJECT = regex.compile(r"^(?:V/v|V\.v|Về\s+việc)\s*:?\s*(?P<subject>.+?)(?:\s+Kính\s+gửi\s*:.*)?$")
_KINH_GUI = regex.compile(r"^Kính\s+gửi\s*:", regex.IGNORECASE)
#: `(Kèm theo Kế hoạch số 57/KH-UBND ngày 10 tháng 3 năm 2026 của …)`: an appendix caption.
_CAPTION = regex.compile(
    rf"^\(\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+(?P<kind>{alt(DOC_KINDS)})\s+(?:số\s*)?"
    rf"(?P<number>\d[\w./\-–]*/[\p{{Lu}}Đ][\p{{Lu}}Đ0-9\-–/]*)(?:\s*,?\s*(?P<date>{DATE}))?",
    regex.IGNORECASE,
)
_ISSUER_IN_TEXT = regex.compile(
    # OCR may leave a dash between the words (`Ủy ban nhân - dân`).
    rf"(?P<body>Ủy[\s\-]+ban[\s\-]+nhân[\s\-]+dân|UBND|Hội[\s\-]+đồng[\s\-]+nhân[\s\-]+dân|HĐND)\s+(?P<unit>{ADMIN_UNIT})"
    # The place's words on the body's line (`Bà Rịa - Vũng Tàu`), never the next line's bullet
    # nor the next table cell (`… trình Ủy ban nhân dân tỉnh<TAB>Ủy ban nhân dân cấp xã`).
    r"[ ]+(?P<place>(?:\p{Lu}\p{Ll}*)(?:[ ]*-?[ ]*\p{Lu}\p{Ll}*){0,3})"
)
_PROVINCE_IN_TEXT = regex.compile(
    r"(?:tỉnh|thành\s+phố|TP\.)\s+(?P<name>" + "|".join(regex.escape(n) for n in province_names()) + r")(?!\p{L})",
    regex.IGNORECASE,
)
_DISTRICT_IN_TEXT = regex.compile(
    r"(?P<type>thành\s+phố|thị\s+xã|huyện|quận)\s+(?P<name>"
    + "|".join(regex.escape(n) for n in district_names())
    + r")(?!\p{L})",
    regex.IGNORECASE,
)
_SIGNER_TITLE = regex.compile(rf"^(?:{SIGNATURE_MARK}\s*)?(?P<title>{SIGNER_TITLE_CAPS})\s*$")
_PERSON_NAME = regex.compile(rf"^{NAME_HEAD}(?:\s+{NAME_WORD}){{1,4}}$")
#: A line of the recipients' list: a dash or OCR's reading of one.
_LIST_ITEM = regex.compile(r"^[-–~+•*]")


def _is_person_name(s: str) -> bool:
    """Capitalised words that name a person: not an agency (`Sở Công Thương`, `Bộ Tài Chính`)."""
    return bool(_PERSON_NAME.match(s)) and not s.isupper() and agency_at(s, 0) is None


#: What a plan looks out to beyond its own end: `tầm nhìn đến năm 2050`, `định hướng đến năm 2030`.
_OUTLOOK = r"(?:tầm\s+nhìn|định\s+hướng)"
_YEAR_ENDS = regex.compile(
    rf"(?<!{_OUTLOOK}\s+)(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y>20\d{{2}})"
    r"|(?:giai\s+đoạn|thời\s+kỳ)\s+(?:20\d{2})\s*[-–]\s*(?P<y2>20\d{2})",
    regex.IGNORECASE,
)
_VISION = regex.compile(rf"{_OUTLOOK}\s+(?:đến|tới)\s+năm\s+20\d{{2}}", regex.IGNORECASE)

# ---------------------------------------------------------------- issuer names

#: Bodies written in capitals in the header, as running text writes them.
_ISSUER_BODIES = [
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
    ("UBND", "Ủy ban nhân dân"),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("TỈNH ỦY", "Tỉnh ủy"),
    ("THÀNH ỦY", "Thành ủy"),
    ("HUYỆN ỦY", "Huyện ủy"),
    ("QUẬN ỦY", "Quận ủy"),
    ("THỊ ỦY", "Thị ủy"),
    ("BAN CHẤP HÀNH", "Ban Chấp hành"),
    ("TỈNH ĐOÀN", "Tỉnh đoàn"),
    ("THÀNH ĐOÀN", "Thành đoàn"),
    ("HUYỆN ĐOÀN", "Huyện đoàn"),
]
#: Committees named by their place (`Tỉnh ủy Kiên Giang`, `Tỉnh đoàn Kon Tum`), whose
#: boards carry them in their own names (`Ban Tuyên giáo Tỉnh ủy …`, `Ban Thường vụ Tỉnh đoàn …`).
_COMMITTEE_ENDS = (" ủy", " đoàn")
#: Proper names inside issuer names, kept capitalised after sentence-casing.
_PROPER = {
    "chính phủ": "Chính phủ",
    "quốc hội": "Quốc hội",
    "trung ương": "Trung ương",
    "nhà nước": "Nhà nước",
    "mặt trận tổ quốc": "Mặt trận Tổ quốc",
    "việt nam": "Việt Nam",
}
#: Heads whose name starts with a capital (`Cục Hóa chất`, `Chi cục Quản lý thị trường`).
_NAMED_HEADS = regex.compile(
    r"^(?P<head>(?:Tổng\s+cục|Chi\s+cục|Cục|Vụ|Phòng|Ban|Trung\s+tâm|Viện|Trường|Văn\s+phòng))\s+(?P<first>\p{Ll}+)"
)
#: A header line that continues the body named above it: its locality (`TỈNH KIÊN GIANG`)
#: or a qualifier (`THEO QUYẾT ĐỊNH`, `SỐ 1050/QĐ-SCT`, `KHÓA XV`).
_CONTINUES = regex.compile(rf"^(?:{ADMIN_UNIT}|THEO|VỀ|SỐ|CỦA|TẠI|KHÓA|NHIỆM\s+KỲ|\d)(?![\p{{L}}])", regex.IGNORECASE)
#: A header line that names a body of its own: an agency's head (`SỞ`, `TRƯỜNG`, `CÔNG TY`)
#: or a body the header table knows (`ỦY BAN NHÂN DÂN`, `TỈNH ỦY`); any other line is
#: the name above wrapped (`CÔNG TY CP ĐẦU TƯ XÂY DỰNG` / `HẠ TẦNG VÀ GIAO THÔNG`).
#: Matched on the folded line: OCR drops the marks (`VAN PHONG`).
_BODY_HEAD = regex.compile(
    "^(?:"
    + "|".join(
        regex.escape(fold(h))
        for h in sorted({*PROPER_HEADS, *(b for b, _ in _ISSUER_BODIES), *NATIONAL_BODIES}, key=len, reverse=True)
    )
    + r")(?![\p{L}])"
)
#: `tỉnh Lào Cai`, `huyện Đắk Hà`, `xã Hội Hợp`; not `Xã hội` (`Sở Lao động - Thương binh và Xã hội`).
_LOCALITY = regex.compile(
    rf"(?:^|\s){NOT_COMMUNE_WORD}(?P<unit>{ADMIN_UNIT})\s+(?P<place>\p{{Lu}}.*)$", regex.IGNORECASE
)
_DOC_WORDS = regex.compile(
    r"(?<![\p{L}])(" + "|".join(k.lower() for k in sorted(DOC_KINDS, key=len, reverse=True)) + r")(?=\s+(?:số\s*)?\d)"
)


def sentence_case(words: str) -> str:
    """`PHÓ CHỦ TỊCH` → `Phó Chủ tịch`; `GIÁM ĐỐC` → `Giám đốc`."""
    parts = words.split()
    out = []
    for i, w in enumerate(parts):
        low = w.lower()
        # "Phó" is a prefix: the title after it is capitalised again.
        if i == 0 or (i == 1 and parts[0].upper() == "PHÓ"):
            low = low[:1].upper() + low[1:]
        out.append(low)
    return " ".join(out)


#: What follows an issuing body's head: its administrative unit and place (`tỉnh Kiên Giang`).
_UNIT_AND_PLACE = regex.compile(rf"^(?P<unit>{ADMIN_UNIT})\s+(?P<place>.+)$", regex.IGNORECASE)


#: The administrative units by their letters alone: OCR misreads their tone (`TĨNH` for `TỈNH`).
def _unit_and_place(rest: str) -> tuple[str, str] | None:
    """(unit, place) of `TỈNH KIÊN GIANG`; of `TĨNH HÀ GIANG` too, the unit's tone misread,
    when the words after it are a listed place."""
    if m := _UNIT_AND_PLACE.match(rest):
        return m.group("unit").lower(), m.group("place")
    words = rest.split()
    for k in (1, 2):
        unit = unit_by_letters(" ".join(words[:k]))
        if unit and len(words) > k and (place := _place_read_twice(words[k:])):
            return unit, place
        if unit in _NUMBERED_UNITS and words[k:] and _UNIT_NUMBER.fullmatch(" ".join(words[k:])):
            return unit, words[k]  # `QUẠN 3`: an urban district or ward is named by its number
    return None


#: The units a city numbers (`Quận 3`, `Phường 12`).
_NUMBERED_UNITS = ("quận", "phường")
_UNIT_NUMBER = regex.compile(r"\d{1,2}")


def _place_read_twice(words: list[str]) -> str | None:
    """The words if they name a listed place, or the place they name with a letter OCR read
    twice (`HUYEN TAM NÔONG`)."""
    if place_name(" ".join(words)):
        return " ".join(words)
    for k, word in enumerate(words):
        # the reading that keeps the marks first: `NÔONG` is `NÔNG`, not `NONG`
        for reading in sorted(doubled_letter_readings(word), key=lambda r: -sum(not c.isascii() for c in r)):
            if listed := place_name(" ".join([*words[:k], reading, *words[k + 1 :]])):
                return listed
    return None


#: A place's letters (spaces and apostrophes aside) at least this many before one letter's difference is OCR's.
_FUZZY_PLACE_LETTERS = 7
_NOT_LETTERS = regex.compile(r"[^\p{L}]")


def _letters_only(text: str) -> str:
    return _NOT_LETTERS.sub("", text)


def as_written_elsewhere(name: str, place: str) -> str:
    """`… tỉnh Quáng Trị`, `… tỉnh Quán G Trị` → `… tỉnh Quảng Trị`: a place OCR damaged at the
    end of a name, or of a unit's name before its parent's (`Ban Chỉ huy Quân sự huyện Câm Xuyên, Bộ
    Chỉ huy …`), whose letters are those of a place the document writes elsewhere (its province; the
    place-date line, read in running case, of a commune's `Ngọc Hôi`)."""
    return ", ".join(_place_as_written(part, place) for part in name.split(", "))


def _place_as_written(name: str, place: str) -> str:
    key = _letters_only(skeleton(place))
    words = list(regex.finditer(r"\S+", name))
    for k in range(min(5, len(words)), 0, -1):
        start = words[-k].start()
        if _letters_only(skeleton(name[start:])) == key:  # a speck among them is none (`Quáng Ninh.`)
            # a spelling that differs in case or an apostrophe only is the list's (`Đắk R'lấp`, `Ia H'Drai`),
            # not OCR's
            same = _letters_only(name[start:]).lower() == _letters_only(place).lower()
            return name if same else name[:start] + place
    # … or a letter lost or misread too (`xã Ngọc Hi` for `Ngọc Hồi`), in a name long enough that one
    # letter cannot make another place of it, with as many words
    n = len(place.split())
    letters = key
    if len(words) > n and len(letters) >= _FUZZY_PLACE_LETTERS:
        start = words[-n].start()
        if Levenshtein.distance(_letters_only(skeleton(name[start:])), letters) == 1:
            return name[:start] + place
    return name


#: The levels a unit's name may end on (`BỆNH VIỆN ĐA KHOA TỈNH`) whose misread forms are no word that
#: ends a name (`phương`, `quan`, `xa` are: `địa phương`, `cơ quan`, `từ xa`).
_LEVELS_ENDING_NAMES = frozenset({"tỉnh", "huyện", "thành phố", "thị xã", "thị trấn"})


def _level_respelt_at_end(text: str) -> str:
    """`bệnh viện đa khoa tĩnh` → `… tỉnh`: a name ending on its level, the tone misread."""
    words = text.split()
    for k in (2, 1):
        unit = unit_by_letters(" ".join(words[-k:])) if len(words) > k else None
        if unit in _LEVELS_ENDING_NAMES:
            return " ".join([*words[:-k], unit])
    return text


def body_name(caps: str) -> str:
    """One issuing body written in capitals → as running text writes it.

    `ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG` → `Ủy ban nhân dân tỉnh Kiên Giang`;
    `SỞ CÔNG THƯƠNG` → `Sở Công Thương`; `ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ
    1050/QĐ-SCT` → `Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT`.
    """
    joined = " ".join(caps.split())
    squashed = joined.upper().replace(" ", "")
    for body, proper in _ISSUER_BODIES:
        if squashed.startswith(body.replace(" ", "")):
            # OCR may drop the spaces inside the body's name (`ỦY BANNHÂNDÂN`).
            n_letters, cut = len(body.replace(" ", "")), 0
            while n_letters and cut < len(joined):
                n_letters -= joined[cut] != " "
                cut += 1
            rest = joined[cut:].strip()
            if located := _unit_and_place(rest):
                return f"{proper} {located[0]} {title_case_place(located[1])}"
            if proper.endswith(_COMMITTEE_ENDS) and rest:
                return f"{proper} {title_case_place(rest)}"  # a committee and its place: `Tỉnh ủy Kiên Giang`
            return _proper_names(f"{proper} {sentence_case(rest).lower()}".strip())
    words = []
    for w in joined.split():
        # Codes and numbers stay as written (`1050/QĐ-SCT`), and so do abbreviations
        # (`BQL`, `UBND`: no Vietnamese syllable), for `canonical_agency` to expand.
        # A comma after a word (`BAN CHỈ HUY PHÒNG, CHỐNG THIÊN TAI …`) leaves it a syllable.
        words.append(w if regex.search(r"\d|/", w) or not is_vietnamese_syllable(w.rstrip(",;")) else w.lower())
    text = " ".join(words)
    m = _LOCALITY.search(text)
    if m:
        text = text[: m.start("place")] + title_case_place(m.group("place"))
    elif named := _place_at_end(text):
        at, place = named
        before = text[:at].split()
        misread = next((k for k in (1, 2) if len(before) > k and unit_by_letters(" ".join(before[-k:]))), 0)
        if misread:
            # `SỞ NỘI VỤ TÍNH LẠNG SƠN`: the unit before the place, its tone misread
            text = f"{' '.join(before[:-misread])} {unit_by_letters(' '.join(before[-misread:]))} {place}"
        elif _PROVINCIAL_HEAD.match(text) and (unit := province_unit(place)):
            # `SỞ Y TẾ KIÊN GIANG`: a department named with its province, the unit left out.
            text = f"{text[:at]}{unit} {place}"
        else:
            text = text[:at] + place  # `Trường Cao đẳng Kiên Giang`: the place in a proper name
    else:
        text = _level_respelt_at_end(text)
    text = text[:1].upper() + text[1:]
    text = _DOC_WORDS.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:], text)
    text = _NAMED_HEADS.sub(lambda m: f"{m.group('head')} {m.group('first')[:1].upper()}{m.group('first')[1:]}", text)
    return _proper_names(canonical_agency(text) or text)


_PROPER_RE = regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(_PROPER)})(?![\p{{L}}])", regex.IGNORECASE)


def _proper_names(text: str) -> str:
    return _PROPER_RE.sub(lambda m: _PROPER[m.group(0).lower()], text)


#: Heads of a province's own departments and offices, which take the province's
#: name as their locality (`Sở Y tế tỉnh Kiên Giang`); a school or a hospital
#: has the place in its proper name (`Trường Cao đẳng Kiên Giang`).
_PROVINCIAL_HEAD = regex.compile(
    r"^(?:Sở|Ban|Đoàn|Chi\s+cục|Thanh\s+tra|Văn\s+phòng|Công\s+an|Bộ\s+Chỉ\s+huy)(?![\p{L}])", regex.IGNORECASE
)


def _place_at_end(text: str) -> tuple[int, str] | None:
    """Where a listed province's or district's name ends `text` (its last one to
    four words, not the whole), and the name as listed."""
    words = list(regex.finditer(r"\S+", text))
    for k in range(min(4, len(words) - 1), 0, -1):
        start = words[-k].start()
        if place := place_name(text[start:]):
            return start, place
    return None


def _locality_of(name: str) -> str | None:
    m = _LOCALITY.search(name)
    return f"{m.group('unit').lower()} {m.group('place')}" if m else None


#: The committees of the header's bodies (`TỈNH ỦY` / `Tỉnh ủy`, `TỈNH ĐOÀN` / `Tỉnh đoàn`).
_COMMITTEES = [(body, proper) for body, proper in _ISSUER_BODIES if proper.endswith(_COMMITTEE_ENDS)]
#: A committee's line: it names a body of its own though it opens with a unit (`HUYỆN ỦY …`, not `HUYỆN …`).
_COMMITTEE_LINE = regex.compile("^(?:" + "|".join(body for body, _ in _COMMITTEES) + r")(?![\p{L}])", regex.IGNORECASE)
#: Committees as `body_name` writes them, and a Party organisation's own (`Đảng ủy khối …`).
_PARTY_COMMITTEES = ("Đảng ủy", *(proper for _, proper in _COMMITTEES))
_COMMITTEE_NAMES = frozenset(proper for _, proper in _COMMITTEES)
_COMMITTEES_BY_LETTERS = by_letters(body for body, _ in _COMMITTEES)


def _committee_by_letters(line: str) -> str:
    """`HUYỆN ÚY NGA SƠN` → `HUYỆN ỦY NGA SƠN`: a committee's two words opening a header line,
    a tone OCR misread (a unit then `ÚY` named no body, and the issuer was lost)."""
    words = line.split(" ", 2)
    body = _COMMITTEES_BY_LETTERS.get(skeleton(" ".join(words[:2]))) if len(words) >= 2 else None
    return " ".join([body, *words[2:]]) if body else line


#: Parents that only place the body under them: the people's committee or council over
#: a department, the Party organisation (`Đảng bộ tỉnh …`) over a committee.
#: Organs a body has of its own, named after it.
_OWN_ORGANS = ("Văn phòng", "Ban Chấp hành", "Ban Thường vụ", "Ban Thường trực")
_ORGANS_BY_LETTERS = by_letters(_OWN_ORGANS)
_PLACING_PARENT = regex.compile(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân|Đảng bộ)\b")


#: A department named by two domains joined by a dash (`PHÒNG TÀI CHÍNH - KẾ HOẠCH`,
#: `PHÒNG VĂN HÓA - THÔNG TIN`): the second opens with a capital as the first does.
_DASHED_DOMAIN = regex.compile(r"(?<=^(?:Sở|Phòng|Bộ|Vụ|Ban|Cục)\s[^-–]+\s[-–]\s)\p{Ll}")


_WORD_STARTS = regex.compile(r"(?<!\S)\S")


def _domain_wraps(above: str, line: str) -> bool:
    """`BỘ NÔNG NGHIỆP VÀ MÔI` / `TRƯỜNG`: a domain's name wrapped in a narrow column, its
    last word one that also heads a body's name (`Trường`), read on as the domain it ends."""
    joined = f"{above} {line}"
    # the whole line ends the domain: `QUỐC` / `PHÒNG TÀI NGUYÊN …` makes `Quốc phòng` but leaves a body after it
    return any(domain_end(joined, w.start()) == len(joined) for w in _WORD_STARTS.finditer(above))


def issuer_from_caps(lines: list[str], province: str | None = None) -> str | None:
    """The issuing body from the capitals lines of the header's left column.

    `ỦY BAN NHÂN DÂN` / `TỈNH KIÊN GIANG` → `Ủy ban nhân dân tỉnh Kiên Giang` (one
    body on two lines); `UBND TỈNH LÀO CAI` / `SỞ CÔNG THƯƠNG` → `Sở Công Thương
    tỉnh Lào Cai` (the unit, under its parent's locality); `SỞ CÔNG THƯƠNG` /
    `ĐOÀN KIỂM TRA …` → `Đoàn kiểm tra …, Sở Công Thương tỉnh <province>`.
    """
    bodies: list[list[str]] = []
    for ln in lines:
        s = _committee_by_letters(_RULE.sub("", ln).strip())
        if not s:
            continue
        if bodies and (
            (_CONTINUES.match(s) and not _COMMITTEE_LINE.match(s))
            or not _BODY_HEAD.match(fold(s))
            or _domain_wraps(bodies[-1][-1], s)
        ):
            bodies[-1].append(s)
        else:
            bodies.append([s])
    if not any(_BODY_HEAD.match(fold(b[0])) for b in bodies):
        # No line names a body: a form's or an appendix's title in capitals
        # (`MẪU GIẤY ĐỀ NGHỊ CẤP GIẤY PHÉP …`), not an issuer.
        return None
    names = [_DASHED_DOMAIN.sub(lambda m: m.group(0).upper(), body_name(" ".join(b))) for b in bodies]
    unit, parents = names[-1], names[:-1]
    locality = next((loc for n in reversed(names) if (loc := _locality_of(n))), None)
    if not locality and province and _PROVINCIAL_HEAD.match(names[0]) and not is_national(names[0]):
        # A provincial department names its province only in the place-date line.
        locality = f"tỉnh {province}"
    placing = [p for p in parents if _PLACING_PARENT.match(p)]
    unit = _ORGANS_BY_LETTERS.get(skeleton(unit), unit)  # `Ban Thương vụ`: an organ, its tone misread
    if unit in _OWN_ORGANS and parents:
        # the body's own office or board, named after it: `Văn phòng Ủy ban nhân dân tỉnh …`, `Ban Chấp hành
        # Đảng bộ tỉnh …`, `Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh …`
        return f"{unit} {(placing or parents)[-1]}"
    if unit in _COMMITTEE_NAMES and placing and (loc := _locality_of(placing[-1])):
        # `ĐẢNG BỘ TỈNH QUẢNG TRỊ` / `TỈNH ỦY`: a committee is named by its place, as `TỈNH ỦY QUẢNG TRỊ`
        parts = _UNIT_AND_PLACE.match(loc)
        return f"{unit} {parts.group('place') if parts else loc}"
    committee = next((p for p in reversed(parents) if p.startswith(_PARTY_COMMITTEES)), None)
    if committee and len(parents) == 1:
        # A Party committee's board or office carries the committee in its name: `Ban Tuyên giáo Tỉnh ủy …`.
        return f"{unit} {committee}"
    others = [p for p in parents if p not in placing]
    issuer = ", ".join([unit, *reversed(others)])
    if locality and not _locality_of(issuer):
        parts = _UNIT_AND_PLACE.match(locality)
        unit_word, place = (parts.group("unit"), parts.group("place")) if parts else ("", locality)
        if fold(issuer).endswith(fold(place)):
            pass  # the place is in the unit's own name (`Trường Cao đẳng Kiên Giang`)
        elif unit_word and fold(unit).endswith(" " + fold(unit_word)):
            # `Văn phòng Ủy ban nhân dân tỉnh` + `Kiên Giang`; `Bệnh viện Đa khoa tỉnh` under `Sở Y tế`
            issuer = ", ".join([f"{unit} {place}", *reversed(others)])
        else:
            issuer = f"{issuer} {locality}"
    return issuer


@dataclass
class DocumentFacts:
    doc_kind: str = "other"
    doc_number: str | None = None
    issuer: str | None = None
    province: str | None = None
    issue_place: str | None = None
    issue_date: _dt.date | None = None
    title: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    horizon_year: int | None = None
    implements: list[str] = field(default_factory=list)
    #: The kind line names a record (`BIÊN BẢN`), not a plan: what it lists was found, not assigned.
    is_record: bool = False


@dataclass
class _Header:
    """Where the header's pieces are, in the first lines of the text."""

    lines: list[str]
    kind_at: int | None = None
    kind: str | None = None
    kind_rest: str = ""
    motto_at: int | None = None
    subject_at: int | None = None  # a công văn's `V/v …` line
    kinh_gui_at: int | None = None

    @property
    def present(self) -> bool:
        return self.kind_at is not None or self.motto_at is not None or self.subject_at is not None


def _find_header(lines: list[str]) -> _Header:
    head = _Header(lines[:HEADER_LINES])
    for i, ln in enumerate(head.lines):
        s = ln.strip()
        if head.motto_at is None and _MOTTO.search(s):
            head.motto_at = i
        if head.kind_at is None and (k := kind_line(s)):
            head.kind_at, (head.kind, head.kind_rest) = i, k
        if head.subject_at is None and _SUBJECT.match(s) and head.kind_at is None:
            head.subject_at = i
        if head.kinh_gui_at is None and _KINH_GUI.match(s):
            head.kinh_gui_at = i
    return head


def extract_metadata(doc: ParsedDoc, implements: list[str] | None = None) -> DocumentFacts:
    """Everything `documents` says about a plan except file facts."""
    lines = doc.text.split("\n")
    head = _find_header(lines)
    facts = DocumentFacts(implements=list(implements or []))
    end = head.kind_at if head.kind_at is not None else (head.subject_at or head.kinh_gui_at or HEADER_LINES)
    _number_place_date(facts, head.lines[: max(end, 1) + 2] + _right_column_after(head.lines, end))

    if head.present:
        province = canonical_province(facts.issue_place or "")
        facts.issuer = issuer_from_caps(_issuer_lines(head.lines[:end]), province)
        for place in (province, facts.issue_place):  # the list's spelling, then the place-date line's
            if facts.issuer and place:
                facts.issuer = as_written_elsewhere(facts.issuer, place)

    # Kind: the kind line, else a công văn's V/v + Kính gửi, else the số hiệu,
    # else — only when there is no header at all — what the opening says it builds.
    if head.kind_at is not None:
        facts.doc_kind = head.kind or "other"
        facts.is_record = squash(lines[head.kind_at]).startswith(_RECORD_KEYS)
        facts.title = _title_after(lines, head.kind_at, head.kind_rest)
    elif head.subject_at is not None:
        facts.doc_kind = "cong_van"
        m = _SUBJECT.match(lines[head.subject_at].strip())
        facts.title = _title_after(lines, head.subject_at, m.group("subject") if m else "")
    elif facts.doc_number:
        sym = regex.split(r"[/\-]", facts.doc_number.upper())
        facts.doc_kind = next((SYMBOL_KINDS[p] for p in sym if p in SYMBOL_KINDS), "other")
    if not head.present and facts.doc_kind == "other":
        facts.doc_kind = _kind_from_body(doc.text) or "other"

    if facts.doc_number is None:
        _from_caption(facts, lines)
    if not facts.issuer:
        facts.issuer = _issuer_from_body(doc.text)
    facts.province = _province(facts, doc.text)
    if not facts.issuer and facts.province:
        facts.issuer = _unnamed_issuer(doc.text, facts.province)
    facts.signer_title, facts.signer_name = _signature(doc)
    facts.horizon_year = _horizon(doc, facts.title, facts.issue_date)
    return facts


def _is_header_line(s: str) -> bool:
    """The motto, the number or the place-date line, or a rule under them."""
    return bool(_MOTTO.search(s) or _PLACE_DATE.search(s) or _NUMBER_LINE.match(s) or _RULE.fullmatch(s))


def _right_column_after(lines: list[str], kind_at: int) -> list[str]:
    """The header's right column when OCR read it after the kind line (the left
    column, kind line included, taken as one block): the header lines under it."""
    out = []
    for ln in lines[kind_at + 1 : kind_at + 1 + _RIGHT_COLUMN_LINES]:
        if _is_header_line(ln.strip()):
            out.append(ln)
        elif ln.strip():
            break
    return out


#: The most lines of the header's right column: motto, slogan, rule, place-date.
_RIGHT_COLUMN_LINES = 5


def _number_place_date(facts: DocumentFacts, head: list[str]) -> None:
    for ln in head:
        s = ln.strip()
        m = _NUMBER_LINE.match(s)
        if m and facts.doc_number is None:
            facts.doc_number = regex.sub(r"\s+", "", m.group("number")).replace("–", "-")
        m = _PLACE_DATE.search(s)
        if m and facts.issue_place is None and not _NOT_PLACES.match(m.group("place")):
            place = m.group("place").strip()
            unit = _CITY_SHORT.match(place)
            name = place[unit.end() :] if unit else place
            facts.issue_place = ("Thành phố " if unit else "") + (title_case_place(name) if is_caps(name) else name)
            if m.group("d") and m.group("m"):
                facts.issue_date = make_date(m.group("y"), m.group("m"), m.group("d"))


#: A unit's name run on after its parent's on one line (`UBND TỈNH LÀO CAI SỞ NÔNG NGHIỆP …`).
_RUN_ON_UNIT = regex.compile(
    rf"^(?P<parent>(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND)\s+{ADMIN_UNIT}(?:\s+\S+){{1,3}}?)"
    r"\s+(?P<unit>(?:SỞ|BAN|CHI\s+CỤC|CỤC|PHÒNG|ĐOÀN|TRUNG\s+TÂM|VĂN\s+PHÒNG|THANH\s+TRA|BỘ\s+CHỈ\s+HUY|CÔNG\s+AN)\s.+)$",
    regex.IGNORECASE,
)


#: A local body's line in capitals: body, unit, then its place and maybe more
#: (`ĐẢNG BỘ TỈNH KON TUM BAN CHẤP HÀNH`: the Party organisation and its board).
_LOCAL_BODY_LINE = regex.compile(
    rf"^(?P<body>(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|ĐẢNG\s+BỘ)\s+{ADMIN_UNIT})\s+(?P<rest>\S.*)$",
    regex.IGNORECASE,
)


_ENACTING = regex.compile(rf"^{ENACTING_LINE}")
_MINISTRY = regex.compile(r"^BỘ\s+")


def _run_on_unit(line: str) -> tuple[str, str] | None:
    """`UBND TỈNH KIÊN GIANG BQL KHU KINH TẾ PHÚ QUỐC` → the parent and the unit run on
    after it: the parent ends where the longest listed place name does, whatever
    the unit's head (`TRƯỜNG`, `BQL`, `SỞ`); a ministry's (`BỘ CÔNG THƯƠNG CỤC HÓA
    CHẤT`) where its domain does."""
    if (ministry := _MINISTRY.match(line)) and (end := domain_end(line, ministry.end())):
        unit = line[end:].strip()
        return (line[:end], unit) if unit else None
    m = _LOCAL_BODY_LINE.match(line)
    if not m:
        return _placed_body_run_on(line)
    words = m.group("rest").split()
    for k in range(min(4, len(words) - 1), 0, -1):
        if place_name(" ".join(words[:k])):
            return f"{m.group('body')} {' '.join(words[:k])}", " ".join(words[k:])
    return None


def _placed_body_run_on(line: str) -> tuple[str, str] | None:
    """`SỞ NỘI VỤ TỈNH LẠNG SƠN TRUNG TÂM LƯU TRỮ LỊCH SỬ`: any body named with its level (its tone
    misread too: `TÍNH`) and a listed place, then a unit whose name opens on a body's head (the two
    lines of a left column joined)."""
    if not _BODY_HEAD.match(fold(line)):
        return None
    words = line.split()
    for i in range(1, len(words) - 2):
        for u in (1, 2):
            if not unit_by_letters(" ".join(words[i : i + u])):
                continue
            after = words[i + u :]
            for k in range(min(4, len(after) - 1), 0, -1):
                rest = " ".join(after[k:])
                if place_name(" ".join(after[:k])) and _BODY_HEAD.match(fold(rest)):
                    return " ".join(words[: i + u + k]), rest
    return None


_TWO_LETTERS = regex.compile(r"\p{L}{2}")


def _comma_speck(line: str) -> str:
    """`ỦY, BAN NHÂN DÂN` → `ỦY BAN NHÂN DÂN`: a speck read as a comma inside a body's name, when
    the line names a body only without it."""
    if "," not in line or _BODY_HEAD.match(fold(line)):
        return line
    bare = regex.sub(r"(?<=\p{L}),(?=\s)", "", line)
    return bare if _BODY_HEAD.match(fold(bare)) or _LOCAL_BODY_LINE.match(bare) else line


def _letter_doubled(line: str) -> str:
    """`ĐÁẢNG BỘ TỈNH …` → `ĐẢNG BỘ TỈNH …`: a header line whose first word OCR read with a letter
    too many, as the Party's motto's is (`ĐÁẢNG CỘNG SẢN`), when one letter less makes it a syllable
    and the line a body's name."""
    first, sep, rest = line.partition(" ")
    if not sep:
        return line
    for word in doubled_letter_readings(first):
        fixed = f"{word} {rest}"
        if _BODY_HEAD.match(fold(fixed)) or _LOCAL_BODY_LINE.match(fixed):
            return fixed
    return line


def _without_debris(line: str) -> str:
    """A header line without the OCR debris before its words (`TT 02 CHÍNH PHỦ`,
    `ø TTPT(2, t} CHÍNH PHỦ`: a seal, a stamp or a handwritten mark read into
    the line): of the leading tokens that are no Vietnamese syllable, those up to
    the last with a figure or a symbol (`UBND TỈNH …` keeps its abbreviation, and
    so does `. UBND TỈNH …` after a speck)."""
    tokens = line.split()
    k = 0
    while k < len(tokens) and not is_vietnamese_syllable(tokens[k]):
        k += 1
    cut = max((i + 1 for i in range(k) if not tokens[i].isalpha()), default=0)
    if cut and k < len(tokens):  # a syllable after them: a line of debris alone stays what it is
        return " ".join(tokens[cut:])
    return line


def _issuer_lines(head: list[str]) -> list[str]:
    """The capitals lines of the left column, above the kind line.

    Text layers often interleave the two columns, so motto lines are skipped,
    not stopped at; the number and the place-date line end the block.
    """
    caps: list[str] = []
    for ln in head:
        s = _letter_doubled(_without_debris(_comma_speck(ln.strip())))
        if s and not _TWO_LETTERS.search(s):
            continue  # a speck or a seal's mark read on a line of its own (`2,`, `*`)
        split = _run_on_unit(s) if s.upper() == s else None
        if split is None and s.upper() == s and (m := _RUN_ON_UNIT.match(s)):
            split = m.group("parent"), m.group("unit")  # a place not listed: the unit's head ends it
        if split:
            caps += list(split)
            continue
        if not s or _MOTTO.search(s) or _RULE.fullmatch(s):
            continue
        if _NUMBER_LINE.match(s) or _PLACE_DATE.search(s) or _SUBJECT.match(s) or s.upper() != s:
            if caps:
                break
            continue
        caps.append(s)
    return caps[:4]


def _from_caption(facts: DocumentFacts, lines: list[str]) -> None:
    """The number and date from an annex caption naming the document's own kind.

    `(Kèm theo Kế hoạch số 57/KH-UBND ngày 10 tháng 3 năm 2026 …)` under an
    appendix of a Kế hoạch that carries no header.
    """
    for ln in lines:
        m = _CAPTION.match(ln.strip())
        if not m or kind_of(m.group("kind")) not in (facts.doc_kind, None) or facts.doc_kind == "other":
            continue
        facts.doc_number = regex.sub(r"\s+", "", m.group("number")).replace("–", "-")
        if m.group("date") and facts.issue_date is None:
            dm = regex.search(DATE, m.group("date"), regex.IGNORECASE)
            facts.issue_date = make_date(dm.group("year"), dm.group("month"), dm.group("day")) if dm else None
        return


#: `QUYẾT ĐỊNH CỦA …`: the kind line names its issuer, not its subject.
_CUA_LEAD = regex.compile(r"^(?:CỦA|CUA)\b")


_BASIS = regex.compile(r"^Căn\s+cứ\b", regex.IGNORECASE)
#: Words after the kind word that say what sort of plan it is, not what it is about.
_KIND_QUALIFIER = regex.compile(r"^(?:LIÊN\s+TỊCH|LIÊN\s+NGÀNH|HÀNH\s+ĐỘNG|PHỐI\s+HỢP)$", regex.IGNORECASE)
#: A kind line's rest this short, in capitals, is the head of the subject under it (`KẾ HOẠCH KIỂM TRA` / `Công tác …`).
_SHORT_REST_WORDS = 4


def _title_after(lines: list[str], at: int, rest: str) -> str | None:
    """The subject: what the kind line carries after the kind word, else the line(s) under it."""
    rest = " ".join(rest.split())
    if rest and not _CUA_LEAD.match(rest):
        if len(rest.split()) > _SHORT_REST_WORDS or not is_caps(rest):
            return rest
        subject = _subject_under(lines, at)
        if subject is None or _BASIS.match(subject):
            return rest  # the preamble's `Căn cứ …` follows: the rest was the whole subject
        if _KIND_QUALIFIER.match(rest):
            return subject  # `KẾ HOẠCH LIÊN TỊCH` / `Về việc …`
        if is_caps(subject):
            return f"{rest} {subject}"  # `KẾ HOẠCH KIỂM TRA` / `CÔNG TÁC …`
        return f"{sentence_case(rest)} {subject[:1].lower()}{subject[1:]}"  # `KẾ HOẠCH KIỂM TRA` / `Công tác …`
    return _subject_under(lines, at)


#: A title line that goes on to the next (`… của`, `… về`, `… số`, `…,`).
_RUNS_ON = regex.compile(r"(?:của|về|và|thực\s+hiện|ban\s+hành|số|,)\s*$", regex.IGNORECASE)


#: The body's first heading, which a title in capitals may sit right above (`I. MỤC TIÊU`, `Phần I`).
_FIRST_HEADING = regex.compile(rf"^(?:{ROMAN_WIDE}\s*[.\-–)]|\d{{1,2}}\.|(?:PHẦN|Phần|CHƯƠNG|Chương|Điều)\s)\s*\S")


def _subject_under(lines: list[str], at: int) -> str | None:
    """The line(s) under the kind line that name the subject."""
    parts: list[str] = []
    caps_title = False
    for ln in lines[at + 1 : at + 6 + len(_right_column_after(lines, at))]:
        s = ln.strip()
        if not s or (not parts and _is_header_line(s)):
            continue  # the header's right column, read after the kind line
        if parts and (
            _OPENER.match(s)
            or s.startswith("(")
            or _KINH_GUI.match(s)
            or _SIGNER_TITLE.match(s)
            # the enacting body under a decision's title (`ỦY BAN NHÂN DÂN TỈNH X`), unless the title runs on into it
            or ((_LOCAL_BODY_LINE.match(s) or _ENACTING.match(s)) and not _RUNS_ON.search(parts[-1]))
            or (s.isupper() and not caps_title)
            or (caps_title and not s.isupper())
            or _FIRST_HEADING.match(s)
        ):
            break
        if not parts and (s.startswith("(") or _KINH_GUI.match(s) or _OPENER.match(s) and len(s) > 300):
            break
        if not parts:
            caps_title = s.isupper() and len(s.split()) > 1
        parts.append(s)
        # A title is one paragraph once de-wrapped; a second line is only
        # taken when the first clearly runs on, or both are in capitals.
        if not caps_title and not _RUNS_ON.search(s):
            break
    return " ".join(" ".join(parts).split()) or None


_BUILDS = regex.compile(
    r"(?:xây\s+dựng|ban\s+hành)\s+(?P<kind>chương\s+trình\s+hành\s+động|kế\s+hoạch(?:\s+hành\s+động)?|chương\s+trình)\b"
    r"|Trên\s+đây\s+là\s+(?P<kind2>chương\s+trình\s+hành\s+động|kế\s+hoạch|chương\s+trình|báo\s+cáo)\b",
    regex.IGNORECASE,
)


def _kind_from_body(text: str) -> str | None:
    # The opening sentence names what the issuer "builds": earliest such mention wins.
    opening = text[:3000]
    m = _BUILDS.search(opening) or _BUILDS.search(text)
    if not m:
        return None
    return kind_of(m.group("kind") or m.group("kind2"))


#: Before a body that is cited or addressed, not speaking: `Quyết định … của UBND tỉnh X`,
#: `do UBND tỉnh X ban hành`, `trình UBND tỉnh X`, `tham mưu cho UBND tỉnh X`.
_CITED_BODY = regex.compile(r"(?:của|do|bởi|trình|tham\s+mưu(?:\s+cho)?|báo\s+cáo|gửi)\s+$")
_LEGAL_BASIS_LINE = regex.compile(r"^\s*(?:\d+\.\s*)?Căn\s+cứ\b")


def _issuer_from_body(text: str) -> str | None:
    """The local government body the opening names as the one acting, not one it cites."""
    for m in _ISSUER_IN_TEXT.finditer(text[:5000]):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not (_CITED_BODY.search(text, line_start, m.start()) or _LEGAL_BASIS_LINE.match(text, line_start)):
            break
    else:
        return None
    body = (
        "Ủy ban nhân dân"
        if m.group("body") in ("UBND", "Ủy ban nhân dân") or m.group("body").startswith("Ủy")
        else "Hội đồng nhân dân"
    )
    return f"{body} {m.group('unit').lower()} {m.group('place')}"


#: `Ủy ban nhân dân tỉnh ban hành …`: the body named without its province.
_UNNAMED_ISSUER = regex.compile(
    r"(?P<body>Ủy\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND)\s+(?P<unit>tỉnh|thành\s+phố)"
    r"\s+(?:ban\s+hành|xây\s+dựng|triển\s+khai|quyết\s+định)"
)


def _unnamed_issuer(text: str, province: str) -> str | None:
    """`Ủy ban nhân dân tỉnh ban hành …` in the opening, completed with the province found elsewhere."""
    m = _UNNAMED_ISSUER.search(text[:3000])
    if not m:
        return None
    body = "Hội đồng nhân dân" if m.group("body").startswith(("H", "h")) else "Ủy ban nhân dân"
    return f"{body} {' '.join(m.group('unit').split())} {province}"


_NATIONAL_BODY_LEAD = regex.compile(rf"^{alt(NATIONAL_BODIES)}(?![\p{{L}}])", regex.IGNORECASE)


def is_national(issuer: str | None) -> bool:
    """A ministry, the government, a national body: its documents name no province of their own."""
    if not issuer or _locality_of(issuer):
        return False
    return bool(_NATIONAL_BODY_LEAD.match(issuer))


def _province(facts: DocumentFacts, text: str) -> str | None:
    if is_national(facts.issuer):
        return None
    for source in (facts.issuer, facts.issue_place):
        if source:
            m = _LOCALITY.search(source)
            name = canonical_province(m.group("place") if m else source)
            if name:
                return name
            if m and (name := province_of_district(m.group("unit"), m.group("place"))):
                return name  # `Ủy ban nhân dân huyện Đắk Hà`: the district names its province
    # `Đồng Hới, ngày …`: a city names its province. A name two provinces' units share
    # (`Tân Uyên`: a city of Bình Dương, a district of Lai Châu) goes to the one the text names.
    found = [
        name
        for unit in ("thành phố", "thị xã", "huyện", "quận")
        if facts.issue_place and (name := province_of_district(unit, facts.issue_place))
    ]
    if len(set(found)) == 1:
        return found[0]  # the text's own naming has nothing to decide
    counts: dict[str, int] = {}
    for m in _PROVINCE_IN_TEXT.finditer(text):
        if name := canonical_province(m.group("name")):
            counts[name] = counts.get(name, 0) + 1
    if found:
        return max(found, key=lambda k: (counts.get(k, 0), -found.index(k)))
    # Else the province named most often in the text, or through its cities and districts.
    if not counts:
        for m in _DISTRICT_IN_TEXT.finditer(text):
            if name := province_of_district(m.group("type"), m.group("name")):
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


#: Signer titles, folded, longest first; the value is how the title is written.
SIGNER_TITLES = {fold(t): t for t in LEXICON_SIGNER_TITLES}
_SIGNED_FOR_HEAD = regex.compile(SIGNED_FOR_HEAD)
_TITLE_AT_END = regex.compile(
    r"(?:^|\s)(?P<t>" + "|".join(sorted((regex.escape(k) for k in SIGNER_TITLES), key=len, reverse=True)) + r")\W*$"
)
#: The recipients' label before the signer's title on the same baseline, and a speck after it
#: (`Nơi nhận: - HIEU TRƯỜNG`, `Nơi nhận: ị CHỦ TỊCH`): the line's title is read without them.
_RECIPIENTS_LABEL = regex.compile(rf"^{NOI_NHAN}\s*:?\s*(?:[^\s]{{1,2}}\s+)?(?=\p{{Lu}}{{2}})")
#: A person's name at the end of a line, where OCR ran the two signature
#: columns together (`- Lưu: VT, TH. Trần Văn Bình`).
_NAME_AT_END = regex.compile(rf"(?:^|[\s.;,])(?P<name>{NAME_HEAD}(?:\s+{NAME_WORD}){{1,3}})\s*$")
#: … or before the recipient line's own tail (`- TT Huyện ủy, TT. HĐND huyện Nguyễn Văn Tâm (b/c);`),
#: where only a common family name says a person's name begins (a recipient named as a person,
#: `- Đ/c Trần Văn An (để b/c);`, is no signer).
_NAME_BEFORE_TAIL = regex.compile(
    rf"(?:^|[\s.;,])(?<!(?i:đ/c|đồng\s+chí|ông|bà)\s)(?P<name>{alt(COMMON_SURNAMES)}(?:\s+{NAME_WORD}){{1,3}})"
    r"\s*\([^()]{1,12}\)\s*[;.]?\s*$"
)


#: … or followed by words OCR read out of their line's order (the right end of a line of the body read
#: last: `Hồ Đại Dũng c; tổng hợp, báo cáo Ủy ban`), which open in small letters, as no name goes on.
#: Any family name (`Lò Thị Mai …`): under the block's title the line is the name's, and an agency
#: (`Sở Tài Chính Tỉnh tổng hợp …`) is told apart by `_is_person_name`.
_NAME_THEN_STRAY_WORDS = regex.compile(rf"^(?P<name>{NAME_HEAD}(?:\s+{NAME_WORD}){{2,3}})\s+(?=\p{{Ll}})")


def _signature(doc: ParsedDoc) -> tuple[str | None, str | None]:
    """The signer's title (the last one in the block: `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`) and name."""
    # The signature column may run on into the recipients' where the two columns share
    # lines (`T/M BAN CHẤP HÀNH` / `Nơi nhận:   BÍ THƯ`), or OCR read it all there.
    blocks = _closing_blocks(doc)
    if not blocks:
        return None, None
    lines = [ln for b in blocks for ln in doc.text[b.char_start : b.char_end].split("\n")[:20]]
    title = name = None
    # The block's structure names titles no list holds (`TRƯỞNG PHÒNG`, `HIỆU TRƯỞNG`,
    # `PHÓ BÍ THƯ THƯỜNG TRỰC`): the last capitals line above the name, or the head
    # after `KT.` whose deputy signs.
    title_line = served = head = None
    for ln in lines:
        if name is not None:
            # The name closes its signer's block: a capitals line under it is the office the
            # signer also holds (`PHÓ GIÁM ĐỐC` under a team head's name) or the next signer's.
            break
        s = _RECIPIENTS_LABEL.sub("", ln.strip())
        m = _TITLE_AT_END.search(fold(s))
        if m and is_caps(s):
            listed = SIGNER_TITLES[m.group("t")]
            if _SIGNED_FOR_HEAD.match(s):
                # The deputy signs; the title line under it may be lost to OCR or run
                # into a recipient (`- Ban Giám đốc Sở; PHO GIAM ĐỌC`).
                title, head = deputy_title(listed), listed
            elif listed == head:
                # The deputy's line with its `PHÓ` damaged by the seal over it
                # (`ZHÓ CHÁNH VĂN PHÒNG`, `ĐHÓ CHỦ TỊCH`): the head does not sign for themself.
                continue
            elif _SIGNING_FOR.match(s):
                # `TL. CHỦ TỊCH`, `TUQ. CHỦ TỊCH`: whom the signer serves; their own
                # title is the line below, this one only if OCR lost it.
                served = served or listed
            else:
                title = listed
            continue
        if _LIST_ITEM.match(s):
            continue  # a recipient OCR read into the signature column (`- Sở Công Thương;`)
        if title is None and (line_title := _title_line(s)):
            title_line = line_title
            continue
        candidate = regex.sub(r"(?<=\p{L})-(?=\p{Lu})", " ", s).strip(" .,;:-_")
        if (stray := _NAME_THEN_STRAY_WORDS.match(candidate)) and _is_person_name(stray.group("name")):
            candidate = stray.group("name")
        if name is None and _is_person_name(candidate) and (title or title_line or served):
            name = candidate
            title = title or title_line
    title = title or title_line or served
    if name is None:
        name = _name_at_line_end(doc)
    if name and doc.ocr_at(blocks[0].char_start or 0):
        name = _surname_respelt(name)
    closing = "\n".join(doc.text[s.char_start : s.char_end] for s in doc.sections if s.kind in ("noi_nhan", "chu_ky"))
    head_title, head_name = _collective_head(doc, closing)
    if head_title and (name is None or name == head_name):
        # Signed for a team (`T/M. ĐOÀN KIỂM TRA`): the role in the team is the title,
        # whatever office the head also holds (`PHÓ GIÁM ĐỐC` under the name).
        title, name = head_title, head_name
    return title, name


_SURNAMES = {toneless(n): n for n in COMMON_SURNAMES}


def _surname_respelt(name: str) -> str:
    """`Nguyên Văn Toàn` → `Nguyễn Văn Toàn`: a scan's signer whose family name OCR read with a
    tone lost or changed, when its letters are one of the commonest names' (others stay)."""
    first, _, rest = name.partition(" ")
    surname = _SURNAMES.get(toneless(first))
    return f"{surname} {rest}" if surname and rest and first not in COMMON_SURNAMES else name


_SIGNING_FOR = regex.compile(rf"^(?P<mark>{SIGNATURE_MARK})\s*(?P<head>.+)$")
#: At most this many words in a title line: longer capitals are a heading or a stamp.
_TITLE_WORDS = 8


def _title_line(line: str) -> str | None:
    """A signature block's title line in capitals, as the title: `TRƯỞNG PHÒNG` →
    `Trưởng phòng`, `KT. HIỆU TRƯỞNG` → `Phó Hiệu trưởng`; `TM. ỦY BAN NHÂN DÂN` and
    `TL. …` (the body, or whom the signer serves) are no title."""
    if not is_caps(line) or not regex.fullmatch(r"[\p{L}\s.,/]+", line) or len(line.split()) > _TITLE_WORDS:
        return None
    m = _SIGNING_FOR.match(line)
    if m is None:
        return _as_titles_spell(sentence_case(line.strip(" .,")))
    if _SIGNED_FOR_HEAD.match(line):
        return deputy_title(_as_titles_spell(sentence_case(m.group("head").strip(" .,"))))
    return None


#: The titles we know by their letters without marks: a title line's tone OCR misread (`CHỈ HUY TRƯƠNG`,
#: `HIỆU TRƯƠNG`) is a known title.
_TITLE_BY_LETTERS = by_letters((*PERSON_TITLES, *LEXICON_SIGNER_TITLES))


def _as_titles_spell(title: str) -> str:
    return _TITLE_BY_LETTERS.get(skeleton(title), title)


#: `T/M. ĐOÀN KIỂM TRA`: signed on behalf of a team, board or council.
_ON_BEHALF_OF_COLLECTIVE = regex.compile(rf"{SIGNATURE_MARK}\s*(?P<body>ĐOÀN|TỔ|BAN|HỘI\s+ĐỒNG)\b")
#: Who heads each kind of collective, as a member list writes it.
_HEAD_ROLE = {
    "ĐOÀN": r"Trưởng\s+đoàn",
    "TỔ": r"Tổ\s+trưởng",
    "BAN": r"Trưởng\s+ban",
    "HỘI ĐỒNG": r"Chủ\s+tịch\s+Hội\s+đồng",
}


def _collective_head(doc: ParsedDoc, block: str) -> tuple[str | None, str | None]:
    """A team's plan signed for the team: the head named in its member list
    (`Ông Hoàng Văn Thuân - Trưởng đoàn`) is the signer, with that role as title,
    when OCR lost them from the stamped signature."""
    m = _ON_BEHALF_OF_COLLECTIVE.search(block)
    if not m:
        return None, None
    role = _HEAD_ROLE[" ".join(m.group("body").split())]
    head = regex.search(
        rf"(?:Ông|Bà)\s*[.:]?\s*(?P<name>{NAME_HEAD}(?:\s+{NAME_WORD}){{1,3}})\s*[-–,]\s*(?:[^\n:;]{{0,40}},\s*)?(?P<role>{role})",
        doc.text,
    )
    if not head:
        return None, None
    return " ".join(head.group("role").split()), head.group("name")


_CLOSING_KINDS = ("chu_ky", "noi_nhan")


def _closing_blocks(doc: ParsedDoc) -> list:
    """The body's closing: its first signature block and the signature and recipients'
    blocks next to it (a signature column may run on into the recipients'); without
    one, the first recipients' block. Forms in the appendices sign again: not these."""
    sections = list(doc.sections)
    first = next((i for i, s in enumerate(sections) if s.kind == "chu_ky"), None)
    if first is None:
        return [s for s in sections if s.kind == "noi_nhan"][:1]
    start = first - 1 if first > 0 and sections[first - 1].kind == "noi_nhan" else first
    end = first
    while end + 1 < len(sections) and sections[end + 1].kind in _CLOSING_KINDS:
        end += 1
    run = sections[start : end + 1]
    return [s for s in run if s.kind == "chu_ky"] + [s for s in run if s.kind == "noi_nhan"]


def _name_at_line_end(doc: ParsedDoc) -> str | None:
    """The signer's name OCR glued to a recipient line (`- Lưu: VT, TH. Trần Văn Bình`, `- TT. HĐND
    huyện Nguyễn Văn Tâm (b/c);`)."""
    for block in _closing_blocks(doc):
        for ln in reversed(doc.text[block.char_start : block.char_end].split("\n")[-8:]):
            s = ln.strip()
            if s.isupper():
                continue  # a title or an office in capitals, not a name
            m = _NAME_AT_END.search(s) or _NAME_BEFORE_TAIL.search(s)
            if (
                m
                and len(m.group("name").split()) >= 3
                and _is_person_name(m.group("name"))
                and not canonical_province(m.group("name"))
            ):
                return m.group("name")
    return None


def _horizon(doc: ParsedDoc, title: str | None, issued: _dt.date | None = None) -> int | None:
    """The latest `đến năm YYYY` / period end in the title and goal sections, visions aside."""
    chunks = [title or ""]
    for s in doc.sections:
        if s.kind in ("muc_dich_yeu_cau", "muc_tieu"):
            chunks.append(s.heading or "")
            if s.level == 1 or s.kind == "muc_tieu":
                chunks.append(doc.text[s.char_start : s.char_end])
    years = []
    for chunk in chunks:
        chunk = _VISION.sub(" ", chunk)
        for m in _YEAR_ENDS.finditer(chunk):
            years.append(int(m.group("y") or m.group("y2")))
    if not years and title and (annual := _annual_year(title, issued)):
        return annual
    return max(years) if years else None


#: An annual plan's title ends on its year: `Kế hoạch cải cách hành chính năm 2026`; a
#: season's or school year's on the two years it spans (`mùa khô năm 2024 - 2025`, `năm học 2025-2026`).
_ANNUAL_TITLE = regex.compile(
    r"(?<![\p{L}\d/])năm(?:\s+học)?\s+(?P<y>(?:19|20)\d{2})(?:\s*[-–]\s*(?P<y2>(?:19|20)\d{2}))?\s*$",
    regex.IGNORECASE,
)
#: … unless the year is a document's (`… Nghị quyết số 12/NQ-HĐND năm 2024`).
_NUMBER_BEFORE = regex.compile(r"\d\s*[/\-]\s*\p{L}|(?<!\p{L})số\s*\d", regex.IGNORECASE)


def _annual_year(title: str, issued: _dt.date | None) -> int | None:
    """The year an annual plan runs: its title's last words, no earlier than its issue."""
    m = _ANNUAL_TITLE.search(title)
    if not m or _NUMBER_BEFORE.search(title, max(0, m.start() - 40), m.start()):
        return None
    year = int(m.group("y2") or m.group("y"))
    return year if issued is None or year >= issued.year else None
