"""The section tree of a normalised plan: labelled items and unlabeled blocks.

Works on the one-paragraph-per-line text from `extractors.normalize.pages`:

1. `classify_line`  says what each line opens: a labelled item (`II.`, `2.`,
                    `2.1.`, `a)`, `Điều 3.`), an unlabeled block (`Nơi nhận:`,
                    the signature block, `PHỤ LỤC`, footnotes, the header of an
                    attached document), or nothing.
2. `parse_sections` nests labelled items by label *style*, in the order the
                    styles first appear (as word processors number lists), so
                    `I → 1 → a` and `I → 1 → 1.1 → a` both come out right
                    without a fixed hierarchy.
3. `section_kind`   names the kind from the heading's own words, else the parent's.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from extractors.text.fold import shadow
from extractors.text.labels import (
    ORDINAL_WORDS,
    ROMAN_WIDE,
    read_roman_lookalike,
    roman_value,
    without_label_marks,
    without_last_stroke,
)
from extractors.text.lexicon import MOTTO_COUNTRY, NOI_NHAN, SIGNATURE_MARK, SIGNER_TITLE_CAPS
from extractors.text.patterns import is_caps
from extractors.text.syllables import doubled_letter_readings, is_common_syllable, is_vietnamese_syllable
from schemas import Section

# ---------------------------------------------------------------- labels

#: OCR's junk at a heading's end (`HI. TỔ CHỨC THỰC HIỆN .`): no part of the heading.
_HEADING_JUNK = r"[\s.:;,ˆ¨_|'~]*"
#: Small vowels with a tone or a shape mark: no list is lettered by them.
_MARKED_VOWELS = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"

#: Each label style, with its pattern. `rest` is the text after the label.
LABEL_STYLES: list[tuple[str, regex.Pattern]] = [
    ("dieu", regex.compile(r"^Điều\s+(?P<label>\d{1,3})\s*[.:]?\s*(?P<rest>.*)$")),
    # `Phần I.`, `PHẦN II -`, `Chương III`: the parts a long programme or a regulation
    # is cut into, titled in capitals (on the line or the next). Roman numerals only:
    # `Phần 1: Yêu cầu thiết kế` is the part of a standard a reference names.
    (
        "part",
        regex.compile(
            r"^(?P<word>Phần|PHẦN|Chương|CHƯƠNG)\s+(?P<label>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})"
            rf"|(?i:thứ\s+(?:{'|'.join(ORDINAL_WORDS)})))"
            r"(?![\p{L}\d])\s*[.:\-–]?\s*(?P<rest>(?:\p{Lu}[^\p{Ll}]*)?)$"
        ),
    ),
    # OCR reads `Phần III` as `Phần HI`, `Phần I1`: a part behind a Roman look-alike.
    (
        "part_ocr",
        regex.compile(
            r"^(?P<word>Phần|PHẦN|Chương|CHƯƠNG)\s+(?P<label>(?=[IVX1il|Hïíìî]*[1il|Hïíìî])[IVX1il|Hïíìî]{1,4})"
            r"(?![\p{L}\d])\s*[.:\-–]?\s*(?P<rest>(?:\p{Lu}[^\p{Ll}]*)?)$"
        ),
    ),
    # `II.`, `II -`, `II)`, and `II/` (`/.`) as some offices write every label.
    (
        "roman",
        regex.compile(
            r"^(?P<label>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3}))(?:\s*[.\-–)]|/\.?(?=\s))\s*(?P<rest>\p{Lu}.*)$"
        ),
    ),
    # OCR reads `II.` as `1i.`/`Il.`/`1ï.`: a capitals heading behind a Roman look-alike.
    (
        "roman_ocr",
        regex.compile(
            r"^(?P<label>(?=.*[IVXil|HLïíìî])(?=.*[1l|iHLïíìî])[IVX1il|HLïíìî]{1,4})\s*[.\-–)]\s*(?P<rest>[\p{Lu}][\p{Lu}\s,;\-–]*\p{Lu})"
            # OCR junk at the line's end (`HI. TỔ CHỨC THỰC HIỆN .`) is no part of the heading.
            rf"{_HEADING_JUNK}$"
        ),
    ),
    # ... and the dot lost with it (`IIL TỔ CHỨC THỰC HIỆN`, `1L NHIỆM VỤ`), as after a clean
    # numeral below: the label itself holds a stroke (`II NHIỆM VỤ` is clean, `1 NHIỆM VỤ` no
    # numeral) and is no word (`HI VỌNG`).
    (
        "roman_ocr_bare",
        regex.compile(
            r"^(?P<label>(?=[1il|HLïíìî]*[IVXil|HLïíìî])(?=[IVX]*[1l|iHLïíìî])[IVX1il|HLïíìî]{1,4})\s+"
            rf"(?P<rest>[\p{{Lu}}][\p{{Lu}}\s,;\-–]*\p{{Lu}}){_HEADING_JUNK}$"
        ),
    ),
    # … over a heading in small letters (`IL Phát triển hợp tác xã` for `II. Phát triển …`): only where
    # the Roman sequence expects the numeral it reads as.
    (
        "roman_ocr_small",
        regex.compile(r"^(?P<label>(?=[IVX]*[1l|L])[IVX1l|L]{2,4})\s+(?P<rest>\p{Lu}\p{Ll}.*)$"),
    ),
    # OCR drops the dot: `II NHIỆM VỤ VÀ GIẢI PHÁP` (capitals only, to stay safe).
    ("roman", regex.compile(r"^(?P<label>(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3}))\s+(?P<rest>[\p{Lu}][\p{Lu}\s,;\-–]+)$")),
    ("dotted", regex.compile(r"^(?P<label>\d{1,2}(?:[.:]\d{1,2}){1,3})\.?\s+(?P<rest>[\p{Lu}“\"(].*)$")),
    # `1.`, `1/`, and `1-` (`1- Mục đích`: the Party's style and older plans'), `1:` as OCR reads
    # the dot on a poor copy; a goal may open
    # on its figure (`1. 100% cơ sở giáo dục …`, `2. 05 xã …`), a figure and its unit after
    # a dot and a space (`5.0m`, `25,76m` are numbers).
    (
        "number",
        regex.compile(
            r"^(?P<label>\d{1,2})(?:[.,:]|/\.?(?=\s)|\s?[-–](?=\s))\s*(?P<rest>(?:[\p{Lu}“\"(]|(?<=\d[.,]\s+)\d[\d.,]*\s?(?:%|\p{Ll})).*)$"
        ),
    ),
    # OCR drops a number's dot or reads it as a semicolon (`2 Ủy ban Kiểm tra …`, `3; Phòng Giáo
    # dục …`): only taken where the numbers either side leave exactly that gap and the line before
    # ends its sentence (a reference wrapped before its number, `khoản` / `2 Điều 24`, does not).
    ("number_bare", regex.compile(r"^(?P<label>\d{1,2})(?:\s*;|\s)\s*(?P<rest>\p{Lu}\p{Ll}.*)$")),
    # OCR reads `5.` as `S.`, `1.` as `l.`: only taken when the sequence expects that number.
    ("number_ocr", regex.compile(r"^(?P<label>[SIlOBZ])[.,]\s+(?P<rest>\p{Lu}\p{Ll}.*)$")),
    # OCR lost the number and kept its dot (`. Sở Kế hoạch …` between `4.` and `6.`), or read
    # it as one mark (`S Phòng Văn hóa …` between `1.` and `3.`; a letter with a dot is a letter's
    # label), or as dots (`.. Ủy ban …`): only taken where the numbers around it leave exactly
    # that gap. A bullet's dash is no lost number.
    (
        "number_lost",
        regex.compile(
            r"^(?:[.,]{1,3}|[^\s\d\p{L}\-–+•*(\[“\"][.,]?|\p{Lu}(?=\s))(?P<label>)\s+(?P<rest>\p{Lu}\p{Ll}.*)$"
        ),
    ),
    # … or as a speck of small letters (`đt Phòng …`, `sa. Ủy ban …`, `si Ủy ban …`); one that is no
    # common word is no word at all, and like a marked vowel it may close its list.
    # A letter with its dot is a letter's label (`a. Sở …`).
    (
        "number_speck",
        regex.compile(r"^(?P<speck>\p{Ll}{2}[.,]?|\p{Ll}(?=\s))(?P<label>)\s+(?P<rest>\p{Lu}\p{Ll}.*)$"),
    ),
    # … or read it as a small vowel with a mark, which no list is lettered by (`ạ. Ủy ban …` after
    # `1.`, `2.`): also at the list's end, where no number after it can confirm the gap.
    (
        "number_accent",
        regex.compile(rf"^[{_MARKED_VOWELS}](?P<label>)[.,]\s+(?P<rest>\p{{Lu}}\p{{Ll}}.*)$"),
    ),
    ("number_paren", regex.compile(r"^(?P<label>\d{1,2})\)\s*(?P<rest>\S.*)$")),
    # OCR reads a Roman `I.` over a sentence-case heading as a stroke (`[. Quy hoạch …`,
    # `|. Mục đích`): only taken where the Roman sequence expects it and the next numeral confirms.
    ("roman_stroke", regex.compile(r"^(?P<label>[\[|!])\s?\.\s+(?P<rest>\p{Lu}\p{Ll}.*)$")),
    # `(1) Sở Y tế chủ trì …`: items numbered in brackets, as `1)` items are (only in sequence).
    ("number_parens", regex.compile(r"^\((?P<label>\d{1,2})\)\s*(?P<rest>[\p{Lu}“\"].*)$")),
    ("letter", regex.compile(r"^(?P<label>[a-zđ])(?:\)|\s?[-–](?=\s))\s*(?P<rest>\S.*)$")),
    # `a.`, `b/.`, `c/` before a capital: letters written another way — taken only
    # where a letter sequence starts or goes on (`s.` is OCR's `2.`, not a letter).
    ("letter_dot", regex.compile(r"^(?P<label>[a-zđA-ZĐ])(?:/\.?|\.)\s*(?P<rest>\p{Lu}.*)$")),
]

#: Styles that cut a document into parts above its Roman items: `Phần I`, `Chương II`, `A.`.
_PART_STYLES = ("part", "capital")

# ---------------------------------------------------------------- blocks

_NOI_NHAN = regex.compile(rf"^{NOI_NHAN}\s*:?", regex.IGNORECASE)
#: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `Q. GIÁM ĐỐC`, or a bare signer title line.
_SIGNATURE = regex.compile(rf"^(?:{SIGNATURE_MARK}\s*\p{{Lu}}|{SIGNER_TITLE_CAPS}\s*$)")
#: An appendix heading: `PHỤ LỤC`, `PHỤ LỤC II: …`, `Phụ lục số 01:`, `DANH MỤC …`,
#: `BIỂU MẪU …`. A `Phụ lục` in running text (`Phụ lục kèm theo …`) is not one:
#: in sentence case the word must carry a number.
_APPENDIX = regex.compile(
    # `Phụ lục` alone on its line heads an appendix as `PHỤ LỤC` does; in a sentence it is a word.
    r"^(?P<label>PHỤ\s+LỤC(?:\s+(?:SỐ\s*)?[0-9IVXL]+[a-z]?)?|Phụ\s+lục\s+(?:số\s*)?[0-9IVXL]+[a-z]?|Phụ\s+lục(?=\s*:?\s*$))"
    r"(?![\p{L}\d])\s*[.:\-–]?\s*(?P<rest>.*)$"
    r"|^(?P<block>DANH\s+MỤC|BIỂU\s+(?:MẪU|SỐ))(?![\p{L}])(?P<brest>.*)$"
)
#: A form or sheet inside an appendix: `Biểu 01: BÁO CÁO TIẾN ĐỘ …`, `Biểu số 2 - …`, `Mẫu số 03`.
_FORM = regex.compile(
    r"^(?P<label>(?:Biểu|BIỂU|Mẫu|MẪU)\s+(?:số\s+|SỐ\s+)?[0-9]+[a-zA-Z]?)(?![\p{L}\d])\s*[.:\-–]?\s*(?P<rest>.*)$"
)
#: The caption under an appendix or attached document's title: `(Kèm theo Kế hoạch số …)`.
_ANNEX_CAPTION = regex.compile(r"^\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\b")
_FOOTNOTE = regex.compile(r"^\[\d{1,3}\]\s+\S")
#: Lines that only open a (second) document's header.
_DOC_HEADER = regex.compile(rf"^(?:{MOTTO_COUNTRY}|Độc\s+lập\s*[-–]\s*Tự\s+do)")
_KIND_TITLE = regex.compile(
    r"^(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|QUY\s+CHẾ|QUY\s+ĐỊNH|ĐỀ\s+ÁN|KẾ\s+HOẠCH\s+HÀNH\s+ĐỘNG)\s*$"
)

#: A kind line with more words (`CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA ỦY BAN NHÂN DÂN TỈNH`).
_KIND_OPENING_LINE = regex.compile(r"^(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH|QUY\s+CHẾ|QUY\s+ĐỊNH|ĐỀ\s+ÁN)(?!\p{L})")
#: The caption of a promulgated document, not of an appendix: `(Ban hành kèm theo Quyết định số …)`.
_PROMULGATED_CAPTION = regex.compile(r"^\(?\s*(?:Ban\s+hành\s+kèm\s+theo|Được\s+ban\s+hành\s+kèm\s+theo)", regex.I)


@dataclass
class LineInfo:
    """What a line opens."""

    kind: str  # "label", "noi_nhan", "chu_ky", "phu_luc", "form", "footnotes", "header", "" (nothing)
    style: str | None = None
    label: str | None = None
    rest: str = ""
    #: A Roman label read from figures (`1.` → `I`): the figures as written.
    figures: str | None = None
    #: A Roman label read from OCR's look-alikes (`I1.` → `II`): as written.
    lookalike: str | None = None


#: A signature mark (`TM.`, `KT.`) before a capitalised title.
_SIGNATURE_LINE = regex.compile(rf"^{SIGNATURE_MARK}\s*\p{{Lu}}")


#: The style a Roman look-alike is read as.
_READ_AS = {"roman_ocr": "roman", "part_ocr": "part", "roman_ocr_small": "roman_ocr_small"}


def classify_line(line: str) -> LineInfo:
    if "\t" in line:  # table rows are never section heads
        return LineInfo("")
    if _SIGNATURE_LINE.match(line):
        return LineInfo("chu_ky")  # `T/M. ĐOÀN …` before `T/` can pass for a letter label
    for style, pattern in LABEL_STYLES:
        m = pattern.match(line)
        if m:
            label = m.group("label")
            if style == "dieu":
                label = f"Điều {int(label)}"
            elif style == "part":
                # as `Điều 1`: the word is part of the label; `Phần thứ nhất` as written, in small letters
                label = (
                    f"{m.group('word').capitalize()} {label if label.isupper() and ' ' not in label else label.lower()}"
                )
            elif style == "dotted":
                label = label.replace(":", ".")  # OCR: `2:9.` for `2.9.`
                if label.count(".") > 1:
                    # `1.1.1.` nests under `1.1.`: each depth of figures is a style of its own
                    style = f"dotted{label.count('.') + 1}"
            figures = lookalike = None
            if style in ("roman_ocr_bare", "roman_ocr_small") and is_vietnamese_syllable(label):
                continue  # a word (`HI VỌNG`), no numeral
            if style == "roman_ocr_bare":
                style = "roman_ocr"
            if style in ("roman_ocr", "part_ocr", "roman_ocr_small"):
                figures = label if label.isdigit() and style != "roman_ocr_small" else None
                lookalike = label
                read = read_roman_lookalike(label)
                if read is None:
                    continue
                # over a heading in small letters the numeral stays doubted until its sequence confirms it
                style, label = (
                    _READ_AS[style],
                    read if style != "part_ocr" else f"{m.group('word').capitalize()} {read}",
                )
            return LineInfo("label", style, label, m.group("rest").strip(), figures, lookalike)
    if _NOI_NHAN.match(line):
        return LineInfo("noi_nhan")
    if _SIGNATURE.match(line):
        return LineInfo("chu_ky")
    m = _APPENDIX.match(line)
    if m and m.group("label"):
        return LineInfo("phu_luc", label=_sentence_case(m.group("label")), rest=m.group("rest").strip(" :.-–"))
    if m:
        return LineInfo("phu_luc", rest=(m.group("block") + m.group("brest")).strip(" :.-–"))
    m = _FORM.match(line)
    if m and len(line.split()) <= 30:
        return LineInfo("form", label=_sentence_case(m.group("label")), rest=m.group("rest").strip(" :.-–"))
    if _FOOTNOTE.match(line):
        return LineInfo("footnotes")
    if _DOC_HEADER.match(line) or _KIND_TITLE.match(line):
        return LineInfo("header")
    return LineInfo("")


def _sentence_case(label: str) -> str:
    """`PHỤ LỤC II` → `Phụ lục II`, `BIỂU SỐ 01` → `Biểu số 01` (numerals kept)."""
    words = " ".join(label.split()).split(" ")
    out = [words[0].capitalize()] + [w if regex.match(r"^[0-9IVXL]+[a-zA-Z]?$", w) else w.lower() for w in words[1:]]
    return " ".join(out)


#: Letters OCR reads for another: `a)` as `q)`, `d)` as `đ)` and back.
LETTER_LOOKALIKES = {"q": "a", "o": "a", "d": "đ", "đ": "d", "c": "e", "e": "c", "g": "q"}
LETTERS = "abcdđeghiklmnopqrstuvxy"
NUMBER_LOOKALIKES = {"S": 5, "I": 1, "l": 1, "O": 0, "B": 8, "Z": 2}
_ROMAN_RE = regex.compile(ROMAN_WIDE)
ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def repaired_label(style: str, label: str, previous: str | None) -> str:
    """The label OCR most likely misread, given the previous sibling's label.

    A sibling that repeats or goes back (`II` after `II`), or a letter that is
    a look-alike of the expected one (`q)` where `a)` is due), is taken to be
    the expected next label; a part's Roman numeral likewise (`Phần II` after
    `Phần II`). Clean text never needs this.
    """
    if style == "letter":
        expected = "a" if previous is None else _letter_after(previous)
        if expected and label != expected and LETTER_LOOKALIKES.get(label) == expected:
            return expected
        if expected and previous is not None and LETTERS.find(label) <= LETTERS.find(previous):
            return expected
        return label
    if style == "part" and previous is not None:
        # `Phần II` after `Phần II`: the numeral as a Roman item's (the bold stroke OCR lost)
        word, _, numeral = label.rpartition(" ")
        before = previous.rpartition(" ")[2]
        if _ROMAN_RE.fullmatch(numeral) and _ROMAN_RE.fullmatch(before):
            return f"{word} {repaired_label('roman', numeral, before)}"
        return label
    if style == "roman" and previous is not None:
        prev = roman_value(previous)
        if roman_value(label) <= prev and prev < len(ROMANS):
            expected = ROMANS[prev]
            if abs(len(expected) - len(label)) <= 1:
                return expected
    return label


def label_ordinal(style: str, label: str) -> int:
    if style == "roman":
        return roman_value(label)
    if style == "letter":
        return "abcdđeghiklmnopqrstuvxy".find(label) + 1
    if style == "dieu":
        return int(label.split()[-1])
    if style == "part":
        last = label.split()[-1]
        return ORDINAL_WORDS.index(last) + 1 if last in ORDINAL_WORDS else roman_value(last)
    if style == "capital":
        return ord(label) - ord("A") + 1
    return int(label.split(".")[-1])


# ---------------------------------------------------------------- kinds

#: Heading words → kind, checked in order of where they occur in the heading.
KIND_WORDS: list[tuple[str, str]] = [
    # not the requirements a task meets (`… đáp ứng yêu cầu công nghiệp hiện đại`, `theo yêu cầu`)
    (r"mục\s+đích|(?<!(?:đáp\s+ứng|theo|đúng|với)\s+)yêu\s+cầu", "muc_dich_yeu_cau"),
    (r"mục\s+tiêu|chỉ\s+tiêu|tầm\s+nhìn", "muc_tieu"),
    # `Nội dung`, `Nội dung kiểm tra`, `Nội dung thực hiện`: what the plan has done.
    (r"nhiệm\s+vụ|giải\s+pháp|nội\s+dung(?!\s+(?:báo\s+cáo|khác))", "nhiem_vu_giai_phap"),
    (
        r"tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm\s+thực\s+hiện|phân\s+công\s+(?:nhiệm\s+vụ|trách\s+nhiệm)",
        "to_chuc_thuc_hien",
    ),
    # `Nguồn lực thực hiện`, `Dự kiến các nguồn lực cho hoạt động kiểm tra` (the real KH-1105)
    (r"kinh\s+phí|nguồn\s+vốn|nguồn\s+lực\s+(?:thực\s+hiện|cho)", "kinh_phi"),
    # `Chế độ thông tin, báo cáo`: the legal name of the reporting regime (Nghị định 09/2019/NĐ-CP)
    (r"chế\s+độ\s+(?:thông\s+tin\s*,?\s*)?báo\s+cáo", "che_do_bao_cao"),
]
_KIND_RE = [(regex.compile(p, regex.IGNORECASE), k) for p, k in KIND_WORDS]
#: The same by their letters alone, for a heading in capitals whose tones OCR misread
#: (`II NỘI DỪNG HOẠT ĐỘNG`: the section of the plan's activities lost its kind and its tasks;
#: `CHI TIÊU` reads as `CHỈ TIÊU`, a risk taken: spending is no heading of a plan's).
_BARE_KIND_RE = [(regex.compile(shadow(p), regex.IGNORECASE), k) for p, k in KIND_WORDS]


def heading_kind(heading: str) -> str | None:
    """The kind a heading names, by the earliest kind word in it."""
    found = _earliest_kind(heading, _KIND_RE)
    if found is None and is_caps(heading) and (bare := shadow(heading)) != heading:
        # marks misread, not missing: a heading without any (`NOI DUNG`) is a text layer that
        # lost them all, where a word's letters alone say too little
        found = _earliest_kind(bare, _BARE_KIND_RE)
    if found is None and is_caps(heading):
        # a word OCR read with a vowel twice (`TỔ CHỨC THỤỰC HIỆN`): the reading that names a kind
        words = heading.split(" ")
        for i, w in enumerate(words):
            for reading in doubled_letter_readings(w):
                if found := _earliest_kind(" ".join([*words[:i], reading, *words[i + 1 :]]), _KIND_RE):
                    return found
    return found


def _earliest_kind(heading: str, patterns: list[tuple[regex.Pattern, str]]) -> str | None:
    best = None
    for pattern, kind in patterns:
        m = pattern.search(heading)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


#: At most this many words in a heading that stands without a label.
_UNLABELLED_HEADING_WORDS = 10
#: A line that ends a sentence (or a list item).
_SENTENCE_END = regex.compile(r"[.;]\s*$")
#: A heading that opens on the kind it names (`Các mục tiêu, chỉ tiêu chủ yếu …`),
#: however long, names its section's kind.
_KIND_OPENING_RE = regex.compile(
    r"^(?:(?:các|một\s+số|những)\s+)?(?:" + "|".join(p for p, _ in KIND_WORDS) + r")(?!\p{L})", regex.IGNORECASE
)


def opens_on_kind(rest: str) -> bool:
    """A heading that opens on a kind word, in any case (`Tổ chức thực hiện`, `Tổ Chức Thực Hiện`)."""
    return bool(_KIND_OPENING_RE.match(rest.strip()))


def names_its_kind(rest: str) -> bool:
    """Short and title-like, or a heading without a sentence end that opens on a kind word."""
    if is_title_like(rest):
        return True
    return opens_on_kind(rest) and len(rest.split()) <= 40 and not _SENTENCE_END.search(rest)


def is_title_like(rest: str) -> bool:
    """A short heading line (`Mục tiêu cụ thể:`), not a paragraph that happens to be numbered."""
    words = rest.split()
    if not words:
        return False
    if rest.rstrip().endswith(":") and len(words) <= 25:
        return True
    return len(words) <= 14 and not _SENTENCE_END.search(rest)


_LABEL_STOP = regex.compile(r":(\s|$)|\.(\s|$)")
#: A word of up to three letters: before a dot, an honorific or abbreviation.
_SHORT_WORD = regex.compile(r"\p{L}{1,3}")


def make_heading(rest: str) -> str:
    """Heading text: up to the first colon or sentence end, without trailing colon.

    The dot of an honorific or abbreviation (`Ông. Hoàng Văn Thuân - Trưởng đoàn:`)
    ends nothing: a lone word of up to three letters before it is not a sentence.
    """
    rest = without_label_marks(rest)
    cut = len(rest)
    for m in _LABEL_STOP.finditer(rest):
        if m.group(0).startswith(".") and _SHORT_WORD.fullmatch(rest[: m.start()].strip()):
            continue
        cut = m.start()
        break
    heading = rest[:cut].strip()
    if len(heading) > 300:
        heading = heading[:300].rsplit(" ", 1)[0]
    return heading.strip(" :")


# ---------------------------------------------------------------- the tree


@dataclass
class _Open:
    section: Section
    style: str | None
    ordinal: int


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


class _TreeBuilder:
    """The state of one pass over the lines: open sections, ids used, label styles seen."""

    def __init__(self, text: str):
        self.text = text
        self.spans = _line_spans(text)
        self.lines = [text[a:b] for a, b in self.spans]
        self.sections: list[Section] = []
        self.stack: list[_Open] = []
        self.seen_ids: dict[str, int] = {}
        self.body_started = False  # a labelled item or a closing block has been seen
        self.style_order: list[str] = []  # label styles from the top down, as this document nests them
        self.top_styles: set[str | None] | None = None  # the top-level label styles the document uses, once asked

    def open_section(self, start_line: int, section_id: str, label, heading, kind, level, parent_id) -> Section:
        n = self.seen_ids.get(section_id, 0) + 1
        self.seen_ids[section_id] = n
        sid = section_id if n == 1 else f"{section_id}#{n}"
        sec = Section(
            section_id=sid,
            parent_id=parent_id,
            level=level,
            label=label,
            heading=heading or None,
            kind=kind,
            ord=len(self.sections) + 1,
            char_start=self.spans[start_line][0],
        )
        self.sections.append(sec)
        return sec

    def top_level_block(self, i: int, kind: str, heading: str | None = None, label: str | None = None) -> None:
        self.stack.clear()
        sec = self.open_section(i, kind, label, heading, kind, 1, None)
        self.stack.append(_Open(sec, None, 0))

    def in_block(self, kind: str) -> bool:
        return bool(self.stack) and self.stack[0].section.kind == kind

    def build(self) -> list[Section]:
        lines = self.lines
        if lines and lines[0].strip() and classify_line(lines[0].strip()).kind != "label":
            self.top_level_block(0, "preamble")
        i = 0
        while i < len(lines):
            line = lines[i].strip()
            info = classify_line(line)
            if i == 0 and info.kind in ("", "header"):
                i += 1
                continue
            i = self.on_line(i, line, info)
        return self.sections

    def on_line(self, i: int, line: str, info: LineInfo) -> int:
        """Open what line `i` opens; the index of the next line to look at."""
        if info.kind == "label":
            if _open_label(info, i, self.stack, self.open_section, self.style_order, self.lines):
                self.body_started = True
        elif info.kind == "noi_nhan":
            self.body_started = True
            self.top_level_block(i, "noi_nhan", "Nơi nhận")
        elif info.kind == "chu_ky":
            if not self.in_block("chu_ky"):
                self.body_started = True
                self.top_level_block(i, "chu_ky")
        elif info.kind == "phu_luc":
            self.body_started = True
            below = "" if info.rest else _title_below(self.lines, i)
            self.top_level_block(i, "phu_luc", (info.rest or below).strip(" :") or None, info.label)
            self.style_order.clear()
            if below:
                return i + 2  # the title line is part of this heading
        elif info.kind == "form":
            self.on_form(i, info)
        elif info.kind == "" and self.body_started and self.promulgated_document(i, line):
            self.on_attached_document(i)
        elif info.kind == "" and self.unlabelled_heading(i, line):
            # `NHIỆM VỤ VÀ GIẢI PHÁP` alone on its line, in a plan that numbers no parts:
            # a top-level block named by its kind, the numbered items under it.
            self.body_started = True
            self.top_level_block(i, heading_kind(line) or "other", make_heading(line))
            self.style_order.clear()
        elif info.kind in ("", "header") and self.untitled_appendix(i, line):
            # An appendix without the word: a capitals title over `(Kèm theo … số …)`.
            self.top_level_block(i, "phu_luc", make_heading(line))
            self.style_order.clear()
        elif info.kind == "footnotes" and self.body_started and not self.in_block("footnotes"):
            self.top_level_block(i, "footnotes")
        elif info.kind == "header" and self.body_started:
            self.on_attached_document(i)
        return i + 1

    def on_form(self, i: int, info: LineInfo) -> None:
        """`Biểu 01: …`: a sheet of the appendix it sits in, or an appendix of its own."""
        self.body_started = True
        if self.in_block("phu_luc"):
            del self.stack[1:]
            parent = self.stack[0].section
            section_id = f"{parent.section_id}/{info.label}"
            sec = self.open_section(i, section_id, info.label, info.rest or None, "phu_luc", 2, parent.section_id)
            self.stack.append(_Open(sec, None, 0))
        else:
            self.top_level_block(i, "phu_luc", info.rest or None, info.label)
        self.style_order.clear()

    def promulgated_document(self, i: int, line: str) -> bool:
        """A capitals kind line with more words, over a `(Ban hành kèm theo …)` caption."""
        return (
            is_caps(line)
            and bool(_KIND_OPENING_LINE.match(line.strip()))
            and any(_PROMULGATED_CAPTION.match(ln.strip()) for ln in self.lines[i + 1 : i + 4])
        )

    def unlabelled_heading(self, i: int, line: str) -> bool:
        """A capitals line that names a body kind and nothing else, in a plan without Roman parts."""
        words = line.split()
        if not (
            0 < len(words) <= _UNLABELLED_HEADING_WORDS
            and is_caps(line)
            and _KIND_OPENING_RE.match(line)
            and not _SENTENCE_END.search(line)
            and not any(self.in_block(k) for k in ("phu_luc", "noi_nhan", "chu_ky", "footnotes"))
        ):
            return False
        before = next((ln.strip() for ln in reversed(self.lines[:i]) if ln.strip()), "")
        if not before or is_caps(before) or _KIND_TITLE.match(before):
            return False  # the title's own lines, under the kind line
        if self.top_styles is None:
            self.top_styles = {_top_style(classify_line(ln.strip())) for ln in self.lines} - {None}
        return not self.top_styles

    def untitled_appendix(self, i: int, line: str) -> bool:
        return (
            self.body_started
            and is_caps(line)
            and not _KIND_TITLE.match(line)
            and _caption_follows(self.lines, i)
            # Not the title under an appendix heading just opened.
            and not (self.in_block("phu_luc") and _start(self.stack[0].section) >= self.spans[max(0, i - 2)][0])
        )

    def on_attached_document(self, i: int) -> None:
        """An attached document (a Quyết định's programme) starts its own
        preamble; its issuer lines just above belong to it too."""
        lines, spans, stack = self.lines, self.spans, self.stack
        start = i
        while (
            start > 0
            and is_caps(lines[start - 1])
            and classify_line(lines[start - 1].strip()).kind in ("", "header")
            and len(lines[start - 1].split()) <= 8
            and spans[start - 1][0] > (_start(stack[0].section) if stack else -1)
        ):
            start -= 1
        if stack and stack[0].section.char_start == spans[start][0]:
            start = i
        self.top_level_block(start, "preamble")
        self.body_started = False


def parse_sections(text: str, page_starts: list[int] | None = None) -> list[Section]:
    """All sections of the document in order, spans covering their subsections."""
    sections = _TreeBuilder(text).build()
    _close_spans(sections, text)
    _assign_kinds(sections)
    if page_starts:
        for s in sections:
            start, end = _start(s), _end(s)
            s.page_start = max(1, bisect.bisect_right(page_starts, start))
            s.page_end = max(1, bisect.bisect_right(page_starts, max(start, end - 1)))
    for s in sections:
        s.text = text[s.char_start : s.char_end]
    return sections


def _start(s: Section) -> int:
    """A built section always has its start; the record type allows None for readers of the tables."""
    assert s.char_start is not None
    return s.char_start


def _end(s: Section) -> int:
    assert s.char_end is not None
    return s.char_end


def _level(s: Section) -> int:
    assert s.level is not None
    return s.level


def _title_below(lines: list[str], i: int) -> str:
    """The title on the line under a bare `PHỤ LỤC` / `Phụ lục số 01:` line, if that line is one."""
    if i + 1 >= len(lines):
        return ""
    below = lines[i + 1].strip()
    info = classify_line(below)
    # `PHỤ LỤC` over `DANH MỤC NHIỆM VỤ`: the list is the appendix's title, not a second appendix.
    if not below or "\t" in below or _ANNEX_CAPTION.match(below) or (info.kind and info.label is not None):
        return ""
    if info.kind and info.kind != "phu_luc":
        return ""
    return make_heading(below) if len(below.split()) <= 40 else ""


def _caption_follows(lines: list[str], i: int) -> bool:
    """A `(Kèm theo …)` caption within the two lines under line `i` (a title may wrap)."""
    return any(_ANNEX_CAPTION.match(ln.strip()) for ln in lines[i + 1 : i + 3])


def _open_label(
    info: LineInfo, i: int, stack: list[_Open], open_section, style_order: list[str], lines: list[str]
) -> bool:
    """Open the section a labelled line starts; False if the label is rejected."""
    style, label = _figures_or_numeral(info, stack, lines, i)
    if style in ("number_lost", "number_accent", "number_speck", "roman_stroke", "roman_ocr_small"):
        lost = _lost_label(style, stack, lines, i, label)
        if lost is None:
            return False
        style, label = lost
    if _is_capital_part(info):
        # `A. MỤC ĐÍCH, YÊU CẦU`, `B. NHIỆM VỤ`: parts lettered in capitals, over Roman items
        # when the document has them; taken where the capital sequence starts or goes on.
        previous = next((o.section.label for o in stack if o.style == "capital"), None)
        follows = previous is not None and ord(label) == ord(previous) + 1
        if not (follows or (label == "A" and _next_capital(lines, i) == "B")):
            return False
        style = "capital"
    elif style == "letter_dot":
        read = _letter_or_lost_number(label, stack, lines, i)
        if read is None:
            return False
        style, label = read
    if style in _IN_SEQUENCE_ONLY:
        taken = _taken_in_sequence(style, label, stack, lines, i)
        if taken is None:
            return False
        style, label = taken
    depth = _depth(stack, style)
    previous = stack[depth].section.label if depth is not None else None
    label = _in_sequence(style, info, label, stack, lines, i, previous)
    if style == "roman" and previous is None and info.lookalike and label == "II":
        # `I1. MỤC TIÊU`: a sequence's first numeral read from strokes, one of them a speck; no plan
        # opens its Roman items on II, and the next (`1L`, `IL`) reads II in its turn
        label = "I"
    if style in ("letter", "roman", "part"):
        repaired = repaired_label(style, label, previous)
        # `đ)` after `c)` is `d)` misread — unless an `e)` follows, when the `d)` was lost instead.
        if not (label == "đ" and repaired == "d" and _next_letter(lines, i) == "e"):
            label = repaired
    ordinal = label_ordinal(style, label)
    in_appendix = bool(stack) and stack[0].section.kind == "phu_luc"
    in_part = bool(stack) and stack[0].style in _PART_STYLES
    if depth is not None:
        del stack[depth:]
    elif (
        (style in _PART_STYLES and in_appendix)
        or (style in ("roman", "dieu") and ordinal == 1 and in_part)
        or (style == "capital" and stack and stack[0].style == "part")
    ):
        # A regulation's chapters inside an appendix, a part's first article or Roman item, a
        # part's lettered parts (`Phần thứ hai` / `A. MỤC TIÊU`): one level down; a Roman item
        # under a lettered part stays under it (`B. NHIỆM VỤ` / `I. …`).
        del stack[2 if style != "capital" and len(stack) > 1 and stack[1].style == "capital" else 1 :]
    elif (
        style in _PART_STYLES
        or style in ("roman", "dieu")
        and ordinal == 1
        and not in_appendix
        or (
            stack
            and stack[0].style is None
            and stack[0].section.kind in ("preamble", "chu_ky", "noi_nhan", "footnotes")
        )
    ):
        # A part, a first Roman item or article, or any item after an unlabeled
        # top-level block other than an appendix, starts the body at the top level.
        stack.clear()
    elif style in style_order:
        # A style seen before at a shallower depth than what is open now
        # (`2.` while inside `b)`): close the deeper levels first.
        rank = style_order.index(style)
        while stack and stack[-1].style in style_order and style_order.index(stack[-1].style) >= rank:
            stack.pop()
    _restore_lost_parent(style, label, i, stack, open_section, style_order, lines)
    parent = stack[-1].section if stack else None
    if parent is None or stack[-1].style is None:
        if style not in style_order:
            style_order[:] = [style]
    elif stack[-1].style in style_order and style not in style_order:
        style_order.insert(style_order.index(stack[-1].style) + 1, style)
    # `CHƯƠNG II` over `LĨNH VỰC KINH DOANH KHÍ`: a part's title may stand on the line below.
    rest = info.rest or (_title_below(lines, i) if style == "part" else "")
    _push(stack, open_section, i, style, label, ordinal, rest)
    return True


_LETTER_DOT = regex.compile(r"^\s*\p{L}\.\s")


def _depth(stack: list[_Open], style: str) -> int | None:
    """Where in the open items the one of `style` stands, if one is open."""
    return next((d for d, o in enumerate(stack) if o.style == style), None)


def _letter_or_lost_number(label: str, stack: list[_Open], lines: list[str], i: int) -> tuple[str, str] | None:
    """(style, label) of `a.`, `b/.`: a letter where a letter sequence starts or goes on; else, where
    a number is missing (`1.`, `m. Ủy ban …`, `3.`), OCR's reading of that number; None elsewhere."""
    depth = _depth(stack, "letter")
    previous = stack[depth].section.label if depth is not None else None
    follows = (
        previous is not None and previous in LETTERS[:-1] and LETTERS[LETTERS.index(previous) + 1] == label.lower()
    )
    if label == "a" or follows:
        return "letter", label.lower()
    # a typed letter style (`b/.`) is no misread number
    return _lost_label("number_lost", stack, lines, i) if _LETTER_DOT.match(lines[i]) else None


#: Labels taken only where their sequence starts or goes on.
_IN_SEQUENCE_ONLY = ("number_ocr", "number_parens", "number_bare")


def _taken_in_sequence(style: str, label: str, stack: list[_Open], lines: list[str], i: int) -> tuple[str, str] | None:
    """(style, label) of `S.` (OCR's `5.`) where a number sequence expects 5, of `2 Ủy ban …`
    (its dot lost) in the gap it fills, and of `(1)`, `(2)` items where their sequence
    starts or goes on; None elsewhere (a `(2)` opening a line mid-paragraph is a
    clause's enumeration)."""
    if style == "number_bare":
        return ("number", label) if _bare_number_in_sequence(label, stack, lines, i) else None
    if style == "number_ocr":
        depth = _depth(stack, "number")
        if depth is None or NUMBER_LOOKALIKES[label] != stack[depth].ordinal + 1:
            return None
        return "number", str(NUMBER_LOOKALIKES[label])
    depth = _depth(stack, "number_paren")
    follows = depth is not None and int(label) == stack[depth].ordinal + 1
    return ("number_paren", label) if label == "1" or follows else None


_SENTENCE_CLOSED = regex.compile(r"[.;:!?)]\s*$")


def _bare_number_in_sequence(label: str, stack: list[_Open], lines: list[str], i: int) -> bool:
    """Whether `2 Ủy ban …` (a number without its dot) is item 2 of the list open above it:
    the list's last item is 1, the next number label is 3, and the line before closes its
    sentence, so a figure wrapped to the start of a line is never taken for a label."""
    depth = _depth(stack, "number")
    if depth is None or int(label) != stack[depth].ordinal + 1 or _next_number(lines, i) != int(label) + 1:
        return False
    before = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
    return bool(_SENTENCE_CLOSED.search(before))


def _letter_read_as_digit(label: str, stack: list[_Open], lines: list[str], i: int) -> str | None:
    """The letter a `1)`, `8)` stands for where OCR read a letter item's label as a digit:
    `8) Buộc thực hiện …` before `b)` is `a)`, `1) Buộc khắc phục …` between `h)` and `k)` is
    `i)` (a decree's scan, five times). Taken only where no `1)`, `2)` list holds the digit
    and the next label is the letter after the one due, so the gap is exactly one letter."""
    depth = _depth(stack, "number_paren")
    if depth is not None and int(label) == stack[depth].ordinal + 1:
        return None
    before = next((o.section.label for o in reversed(stack) if o.style == "letter"), None)
    due = "a" if before is None else _letter_after(before)
    return due if due is not None and _next_letter(lines, i) == _letter_after(due) else None


def _letter_after(letter: str) -> str | None:
    at = LETTERS.find(letter)
    return LETTERS[at + 1] if 0 <= at < len(LETTERS) - 1 else None


#: The digits OCR reads for a label's true last digit (`9.` for `5.`, `8.` for `3.`).
DIGIT_MISREADS = {"0": "8", "1": "7", "3": "8", "5": "369", "6": "58", "7": "1", "8": "036", "9": "5"}


def _number_in_sequence(label: str, stack: list[_Open], lines: list[str], i: int) -> str:
    """A number label whose last digit OCR misread, put right from its neighbours: `4.`,
    `9.`, `6.` is `4.`, `5.`, `6.` when the digit is one OCR takes for the expected one and
    the next number confirms the sequence, so one misreading never renumbers its siblings."""
    depth = _depth(stack, "number")
    if depth is None:
        return label
    expected = str(stack[depth].ordinal + 1)
    if (
        label != expected
        and label[:-1] == expected[:-1]
        and label[-1:] in DIGIT_MISREADS.get(expected[-1], "")
        and _next_number(lines, i) == int(expected) + 1
    ):
        return expected
    return label


def _lost_label(style: str, stack: list[_Open], lines: list[str], i: int, read: str = "") -> tuple[str, str] | None:
    """(style, label) of a label OCR lost or reduced to a stroke, where its sequence has a
    gap for it: `. Sở Kế hoạch …` between `4.` and `6.`; `[. Quy hoạch …` or `|. …` (the
    stroke taken for a rule) before `II.`; a dotless look-alike over a heading in small letters
    (`IL Phát triển …`, `read` as `II`) where the Roman item before it is `I.`."""
    if style == "roman_ocr_small":
        depth = _depth(stack, "roman")
        return ("roman", read) if depth is not None and roman_value(read) == stack[depth].ordinal + 1 else None
    if style in ("number_lost", "number_accent", "number_speck"):
        depth = _depth(stack, "number")
        ahead = _next_number(lines, i)
        # a marked vowel, or letters that are no common word, are no word: the list's last number too
        no_word = style == "number_accent" or (
            style == "number_speck" and not is_common_syllable(lines[i].split(None, 1)[0].rstrip(".,"))
        )
        if depth is not None and (ahead == stack[depth].ordinal + 2 or (no_word and ahead is None)):
            return "number", str(stack[depth].ordinal + 1)
    roman = _roman_lost(stack, lines, i)
    return ("roman", roman) if roman is not None else None


def _figures_or_numeral(info: LineInfo, stack: list[_Open], lines: list[str], i: int) -> tuple[str, str]:
    """(style, label) of a label that may be figures, a Roman numeral or a letter, by its neighbours."""
    style, label = info.style, info.label
    assert style is not None and label is not None, "a label line has a style and a label"
    if info.figures and _next_number(lines, i) == int(info.figures) + 1:
        # `1. MỤC TIÊU` followed by `2. …`: headings numbered in figures, not OCR's `I.`.
        return "number", info.figures
    if style == "number" and label == "1" and _roman_one(info, stack, lines, i):
        return "roman", "I"
    if style == "number_paren" and (letter := _letter_read_as_digit(label, stack, lines, i)):
        return "letter", letter
    return style, label


def _roman_one(info: LineInfo, stack: list[_Open], lines: list[str], i: int) -> bool:
    """`1.` is OCR's `I.` (`1. Quy hoạch vùng sản xuất` under `C. NHIỆM VỤ`) where it titles
    what follows, no Roman item is open to hold it and the next item is `II.`, not `2.`. An
    item that is a sentence (`1. Không thực hiện các thủ tục …` / `II. Không thực hiện …`)
    is a number, and the `II.` OCR's `2.`."""
    ahead = _next_label(lines, i, ("roman", "number"))
    rest = info.rest or ""
    return (
        len(rest.split()) <= _UNLABELLED_HEADING_WORDS
        and not _SENTENCE_END.search(rest)
        and ahead is not None
        and ahead.style == "roman"
        and ahead.label == "II"
        and not any(o.style == "roman" for o in stack)
    )


def _roman_lost(stack: list[_Open], lines: list[str], i: int) -> str | None:
    """The Roman numeral a label OCR reduced to a stroke stands for, when the sequence
    expects one there and the next numeral is the one after it."""
    depth = _depth(stack, "roman")
    prev = stack[depth].ordinal if depth is not None else 0
    ahead = _next_label(lines, i, ("roman",))
    if ahead is None or ahead.label is None or prev >= len(ROMANS) or roman_value(ahead.label) != prev + 2:
        return None
    return ROMANS[prev]


def _in_sequence(
    style: str, info: LineInfo, label: str, stack: list[_Open], lines: list[str], i: int, previous: str | None
) -> str:
    """A number or Roman label OCR misread, put right from its neighbours."""
    if style == "number":
        return _number_in_sequence(label, stack, lines, i)
    if style == "part" and info.lookalike and previous:
        # `Phần I`, `Phần II`, `Phần HI`: parts never skip, the one after the last is meant
        word, numeral = previous.rsplit(" ", 1)
        if numeral in ROMANS and (at := ROMANS.index(numeral) + 1) < len(ROMANS):
            return f"{word} {ROMANS[at]}"
    return _roman_in_sequence(style, info, label, lines, i, previous)


def _roman_in_sequence(style: str, info: LineInfo, label: str, lines: list[str], i: int, previous: str | None) -> str:
    """A Roman numeral OCR misread, put right from its neighbours.

    A look-alike (`I1.` read as `II`) whose clean twin comes next is the numeral
    before it. And a numeral that breaks its sequence (`IH.`, `HI.` for `II.`,
    `III.`; `L.` for a first `I.`) is the one the sequence expects when the next
    clean numeral confirms it: `I`, `IH`, `HI`, `IV` is `I`, `II`, `III`, `IV`,
    so one misreading never renumbers the siblings after it."""
    if style != "roman":
        return label
    value = roman_value(label)
    if info.lookalike:
        ahead = _next_label(lines, i, ("roman",))
        if ahead is not None and ahead.label == label and not ahead.lookalike and 1 < value <= len(ROMANS):
            return ROMANS[value - 2]
    expected = (roman_value(previous) if previous else 0) + 1
    if value == expected or expected > len(ROMANS):
        return label
    if info.lookalike and (short := without_last_stroke(info.lookalike)) and roman_value(short) == expected:
        return short  # `IIL NHIỆM VỤ` after `I.`: the foot was the dot
    run = 1  # this numeral and the look-alikes after it, up to the next clean numeral
    for line in lines[i + 1 :]:
        ahead = classify_line(line.strip())
        if ahead.kind != "label" or ahead.style != "roman" or ahead.label is None:
            continue
        if ahead.lookalike:
            run += 1
            continue
        return ROMANS[expected - 1] if roman_value(ahead.label) == expected + run else label
    return label


def _next_label(lines: list[str], i: int, styles: tuple[str, ...] | None = None) -> LineInfo | None:
    """The first label after line `i` (of one of `styles`, when given)."""
    for line in lines[i + 1 :]:
        info = classify_line(line.strip())
        if info.kind == "label" and (styles is None or info.style in styles):
            return info
    return None


def _is_capital_part(info: LineInfo) -> bool:
    """`B. NHIỆM VỤ`: a capital letter over a heading in capitals."""
    return info.style == "letter_dot" and bool(info.label and info.label.isupper()) and is_caps(info.rest or "")


def _top_style(info: LineInfo) -> str | None:
    """The style of a line that numbers a plan's parts or top items: Roman, `Phần`, a capital letter."""
    if info.style in ("roman", "part"):
        return info.style
    return "capital" if _is_capital_part(info) else None


def _next_capital(lines: list[str], i: int) -> str | None:
    """The next capital letter heading after line `i` (`B. NHIỆM VỤ`)."""
    for line in lines[i + 1 :]:
        info = classify_line(line.strip())
        if _is_capital_part(info):
            return info.label
    return None


def _next_number(lines: list[str], i: int) -> int | None:
    """The next number label after line `i`, before any Roman numeral or Điều."""
    info = _next_label(lines, i, ("number", "roman", "dieu"))
    return int(info.label or 0) if info is not None and info.style == "number" else None


def _next_letter(lines: list[str], i: int) -> str | None:
    """The next letter label after line `i`, before any label of another style."""
    info = _next_label(lines, i)
    return info.label if info is not None and info.style == "letter" else None


def _push(stack, open_section, i, style, label, ordinal, rest) -> None:
    parent = stack[-1].section if stack else None
    section_id = label if parent is None else f"{parent.section_id}/{label}"
    sec = open_section(
        i,
        section_id,
        label,
        make_heading(rest),
        None,
        (parent.level + 1) if parent else 1,
        parent.section_id if parent else None,
    )
    sec._title_like = names_its_kind(rest)  # used by _assign_kinds
    stack.append(_Open(sec, style, ordinal))


def _restore_lost_number(label, i, stack, open_section, lines) -> None:
    """`2.1.` inside `1.`: the `2.` heading above it lost its label to OCR (`s. Nhiệm vụ …`)."""
    numbers = [o for o in stack if o.style == "number"]
    head = int(label.split(".")[0])
    if not numbers or numbers[-1].ordinal + 1 != head or i == 0:
        return
    prev = lines[i - 1].strip()
    info = classify_line(prev)
    if (info.kind and info.style != "letter_dot") or not is_title_like(prev) or "\t" in prev:
        return
    while stack and stack[-1] is not numbers[-1]:
        stack.pop()
    stack.pop()
    rest = regex.sub(r"^\W*\w{1,2}[.,:]\s+(?=\p{Lu})", "", prev)
    _push(stack, open_section, i - 1, "number", str(head), head, rest)


def _restore_lost_parent(style, label, i, stack, open_section, style_order, lines) -> None:
    """Re-open an item whose label OCR lost (`"THÊ Tăng cường …:` for `1. Tăng cường …:`).

    When the document has shown that `style` nests under a middle style
    (`I → 1 → a`), and an `a)` now follows a Roman heading directly, the
    unlabeled line just before it — an introduction ending in a colon — is
    the lost `1.`.
    """
    if style == "dotted":
        _restore_lost_number(label, i, stack, open_section, lines)
        return
    if not stack or stack[-1].style not in style_order:
        return
    top = style_order.index(stack[-1].style)
    # A style the document has not nested yet counts as the next level down.
    want = style_order.index(style) if style in style_order else len(style_order)
    if want - top != 2 or i == 0:
        return
    middle = style_order[top + 1]
    if middle not in ("number", "dotted"):
        return
    prev = lines[i - 1].strip()
    start_of_parent = stack[-1].section.char_start
    if not prev.endswith(":") or classify_line(prev).kind or i - 1 <= 0:
        return
    if sum(len(ln) + 1 for ln in lines[: i - 1]) <= start_of_parent:
        return
    siblings = [o for o in stack if o.style == middle]
    ordinal = siblings[-1].ordinal + 1 if siblings else 1
    rest = regex.sub(r"^\W*\p{Lu}{1,4}\W+(?=\p{Lu})", "", prev)  # drop the garbled label
    _push(stack, open_section, i - 1, middle, str(ordinal), ordinal, rest)


def _close_spans(sections: list[Section], text: str) -> None:
    """Each section runs until the next section at its level or above."""
    end_of_text = len(text)
    for idx, sec in enumerate(sections):
        end = end_of_text
        for nxt in sections[idx + 1 :]:
            if _level(nxt) <= _level(sec):
                end = _start(nxt)
                break
        # Spans end at the last character of their last line, not the newline.
        while end > _start(sec) and text[end - 1] == "\n":
            end -= 1
        sec.char_end = end


def _in_appendix(sec: Section, by_id: dict[str | None, Section]) -> bool:
    """Whether an ancestor of `sec` is an appendix."""
    parent = by_id.get(sec.parent_id) if sec.parent_id else None
    while parent is not None:
        if parent.kind == "phu_luc":
            return True
        parent = by_id.get(parent.parent_id) if parent.parent_id else None
    return False


def _assign_kinds(sections: list[Section]) -> None:
    by_id = {s.section_id: s for s in sections}
    for sec in sections:
        if sec.kind is not None:
            continue
        if sec.label and sec.label.startswith("Điều"):
            sec.kind = "dieu"
            continue
        own = heading_kind(sec.heading or "") if getattr(sec, "_title_like", False) else None
        parent = by_id.get(sec.parent_id) if sec.parent_id else None
        if _in_appendix(sec, by_id):
            # An appendix's own outline (`IV. Phương hướng, nhiệm vụ …` of a report
            # form, the articles of a regulation it carries) is part of the appendix,
            # not the plan's tasks.
            sec.kind = "phu_luc"
        elif own:
            sec.kind = own
        elif parent is not None:
            sec.kind = parent.kind
        else:
            sec.kind = heading_kind(sec.heading or "") or "other"
