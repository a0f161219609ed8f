"""Text normalisation: from what a reader produced to the one text all offsets point into.

The stages, each a small function so it can be tested on a real line:

1. `clean_chars`     legacy TCVN3/VNI decoded, NFC, one tone-mark convention,
                     odd spaces and control characters folded.
2. `strip_markdown`  `**`, `###`, trailing hard-break markers (Markdown inputs).
3. `drop_furniture`  gazette banners, page numbers, running headers, URL lines.
4. `split_header`    the two-column header block (issuer | national motto,
                     số hiệu | place and date) that text layers put on one line.
5. `dewrap`          hard-wrapped lines joined back into paragraphs; list
                     labels, table rows and header-block lines stay on their own.

The result keeps one paragraph per line and, for PDFs, where each page starts.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

import regex

from extractors.text.dates import YEAR_WORD
from extractors.text.fold import normalize_tone_marks, squash
from extractors.text.labels import ROMAN
from extractors.text.lexicon import (
    ADMIN_UNITS,
    APPENDIX_HEAD,
    CITY_UNIT,
    ENACTING_LINE,
    FIELD_NAME,
    KIND_KEYS,
    MOTTO_COUNTRY,
    MOTTO_SLOGAN,
    NOI_NHAN,
    NUMBER_FIELD,
    PLACE_WORD,
    PREAMBLE_OPENER,
    SIGNATURE_MARK,
    SIGNER_TITLE_CAPS,
    SIGNER_TITLES,
    SIGNING_PLACEHOLDER,
    SIGNING_TOOL_FIELD,
    SIGNING_TOOL_TIME,
    SIGNING_TOOL_TIME_WORD,
)
from extractors.text.patterns import LineStart, TextEnd, alt, is_caps, loose_alt
from extractors.text.syllables import is_common_syllable, is_vietnamese_syllable, makes_one_word

__all__ = ["NormalizedText", "normalize_pages", "normalize_text", "normalize_tone_marks"]

# ---------------------------------------------------------------- characters

# These scan every character of a document for one class of characters:
# the standard library's `re` does that 2-5 × faster than `regex` (measured on
# the samples), and they need nothing of `regex`.
#: Odd spaces and control characters, each read as a space.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
#: A zero-width space between two letters is where a web page broke two words: Vietnamese
#: writes no two syllables joined (`Tài\u200bchính` is `Tài chính`).
_WORD_BREAK = re.compile(r"(?<=[^\W\d_])\u200b+(?=[^\W\d_])")
#: Hyphens and minus signs that are not the ASCII one: Word's non-breaking
#: hyphen in a số hiệu (`QĐ‑UBND`), a minus sign or hyphen bullet (`− Trang
#: bị …`), fullwidth and small forms, the Symbol font's private-use hyphen (U+F02D,
#: a Word list's dash bullet). Every rule knows `-`; these read as it.
#: An em dash or horizontal bar is written where others write the en dash (a
#: bullet, `2021—2025`, `Độc lập — Tự do`): it reads as `–`.
_DASH_LOOKALIKES = re.compile(r"[\u2010-\u2012\u2043\u2212\ufe63\uff0d\uf02d]")
#: Glyphs that only mark a list item, when they start a line: squares, circles,
#: diamonds, arrowheads and ticks, and the private-use codes the Symbol and
#: Wingdings fonts give their bullets in PDFs exported from Word. They read as
#: `•`, the bullet every rule knows.
_BULLET_GLYPHS = re.compile(
    r"^([ \t]*)[\u00b7\u2219\u25a0-\u25a1\u25aa\u25ab\u25b6\u25ba\u25c6\u25c7\u25cb\u25cf\u25e6"
    r"\u2713\u2714\u2756\u27a2\u27a4\u30fb\uf06e\uf071\uf076\uf0a7\uf0a8\uf0b7\uf0d8\uf0e0\uf0fc]",
    re.MULTILINE,
)
#: The same bullets when the PDF maps the symbol font's codes to Latin-1 (`Ø` ➢,
#: `§` ▪, `ü` ✓), and Word's second-level `o` (Courier New): only before a
#: space and, for the letter, a capital, where no Vietnamese line starts.
_SYMBOL_FONT_BULLETS = regex.compile(r"^([ \t]*)(?:[\u00a7\u00d8\u00fc]|o(?=[ \t]+\p{Lu}))(?=[ \t])", regex.MULTILINE)
#: `Ⅱ`, `Ⅻ`: Unicode's Roman numeral characters, as some typists write labels.
_ROMAN_NUMERAL_CHARS = {
    code: unicodedata.normalize("NFKC", chr(code)) for block in (0x2160, 0x2170) for code in range(block, block + 12)
}
_ROMAN_NUMERAL_CHAR = re.compile("[\u2160-\u216b\u2170-\u217b]")
#: Latin-1 characters that Unicode Vietnamese never uses but TCVN3/VNI text
#: shows everywhere; without one of them the (slower) legacy check is skipped.
_LEGACY_HINT = re.compile(
    r"[\u0080-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df"
    r"\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]"
)

#: Đ then Icelandic Ð (or the other way round) closing an abbreviation: one bold Đ read twice.
_DOUBLE_READ_D = regex.compile(r"(?:Đ\u00d0|\u00d0Đ)(?!\p{L})")


def clean_chars(text: str) -> str:
    """Legacy encodings decoded, NFC, tone marks, spaces and controls folded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LEGACY_HINT.search(text):
        from extractors.normalize.legacy import fix_legacy_mixed

        text = fix_legacy_mixed(text)
    text = unicodedata.normalize("NFC", text)
    if "\u200b" in text:
        text = _WORD_BREAK.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    # Icelandic Ð (U+00D0) is what OCR and some fonts give for Đ. A bold Đ at the end of an
    # abbreviation OCR reads twice, once as each (`1050/QĐÐ-SCT`, `128/QĐÐ-HC`, `TGĐÐ`):
    # one letter; a run of letters after it (`ĐĐBQH`) is left as it is.
    if "\u00d0" in text:
        text = _DOUBLE_READ_D.sub("Đ", text).replace("\u00d0", "Đ")
    # OCR reads the slash of a số hiệu as a fraction or division slash (`1105⁄KH-ĐKT`).
    text = text.replace("\u2044", "/").replace("\u2215", "/")
    text = _DASH_LOOKALIKES.sub("-", text).replace("\u2014", "–").replace("\u2015", "–")
    if _ROMAN_NUMERAL_CHAR.search(text):  # a search at C speed; `translate` looks up every character
        text = text.translate(_ROMAN_NUMERAL_CHARS)
    text = _BULLET_GLYPHS.sub(r"\1•", text)
    text = _SYMBOL_FONT_BULLETS.sub(r"\1•", text)
    return normalize_tone_marks(text)


# ---------------------------------------------------------------- markdown

_MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s*")
_MD_EMPHASIS = regex.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w))")
_MD_HARD_BREAK = regex.compile(r"(\\|\s{2,})$")
_MD_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_MD_RULE = regex.compile(r"^\s*([-*_]\s*){3,}$")


@dataclass
class Line:
    """One physical line with what the stages learned about it."""

    text: str
    page: int = 1
    hard: bool = False  # Markdown said this line is a block of its own (heading, bold title)
    ocr: bool = False  # read by OCR: its line breaks are where the page wrapped
    #: OCR: the line starts indented (True, a paragraph's first line) or flush with the margin (False, wrapped)
    indent: bool | None = None
    #: A blank line stood before it in a hard-wrapped text (`blank_line_layout`): the
    #: blank lines are gone by the time lines are joined (tables are rebuilt without them).
    gap: bool = False


_MD_BREAK_TAG = regex.compile(r"<br\s*/?>", regex.IGNORECASE)


def unhtml_markdown(text: str) -> str:
    """The HTML converters leave in Markdown: `&nbsp;` and other entities as
    their characters, `<br>` as the line break it is — inside a pipe table's
    row, where a break would cut the row, as a space."""
    if "&" not in text and "<" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        line = _MD_BREAK_TAG.sub(" " if line.lstrip().startswith("|") else "\n", line)
        lines.append(html.unescape(line) if "&" in line else line)
    return "\n".join(lines)


def strip_markdown(line: str) -> tuple[str, bool]:
    """Markup removed; the flag says the line was a heading or a wholly bold block."""
    stripped = line.strip()
    hard = bool(_MD_HEADING.match(stripped))
    stripped = _MD_HEADING.sub("", stripped)
    if stripped.startswith("**") and stripped.rstrip("\\ ").endswith("**"):
        hard = True
    if _MD_RULE.match(stripped):
        return "", False
    stripped = _MD_HARD_BREAK.sub("", stripped)
    stripped = _MD_EMPHASIS.sub("", stripped)
    stripped = _MD_ESCAPE.sub(r"\1", stripped)
    return stripped.strip(), hard


# ---------------------------------------------------------------- furniture

#: `64  CÔNG BÁO/Số 27+28+29+30/Ngày 19-6- 2025` – the Công báo running banner,
#: page number first or last.
_GAZETTE_BANNER = LineStart(
    r"^\s*(\d{1,4}\s+)?CÔNG\s*BÁO\s*/\s*Số\s*[\d+\s]+/\s*Ngày\s*[\d\s\-/.]+(\s+\d{1,4})?\s*$",
    regex.IGNORECASE,
)
_URL_LINE = LineStart(r"^\s*(https?://|www\.)\S+\s*$", regex.IGNORECASE)
#: `- 2 -`, `Trang 3`, `3/12`: unambiguous page-number forms anywhere.
_PAGE_NUMBER_STRICT = LineStart(r"^\s*([-–—]\s*\d{1,4}\s*[-–—]|Trang\s+\d{1,4}(\s*/\s*\d{1,4})?)\s*$", regex.IGNORECASE)
#: a bare number: a page number only at the top or bottom of a page.
_PAGE_NUMBER_BARE = LineStart(r"^\s*\d{1,4}\s*$")
#: One letter alone as a page's last line: a speck OCR read (`Ấ` under a real scan's last
#: line), or the mark of a letter the next page begins with that a browser's print drew
#: above the page break (`Ủ`). No text ends a page on a lone letter.
_STRAY_LETTER = LineStart(r"^\s*\p{L}\p{M}*\s*$")


#: A signing tool's stamp (`Ký bởi: …` / `Cơ quan: …` / `Thời gian ký: 02.04.2026 14:24:26
#: +07:00`), as a text layer's signature field draws it or OCR reads it, with the
#: debris OCR reads from the tool's logo before a field (`‹đ&, Người ký:`).
_SIGNING_FIELD_LINE = regex.compile(rf"^.{{0,8}}?{SIGNING_TOOL_FIELD}")
_SIGNING_TIME = regex.compile(SIGNING_TOOL_TIME)
#: The most fields above the time (name, email, agency, position).
_SIGNING_FIELDS = 4
#: Three letters in a row: a word, not the debris OCR reads from the tool's logo (`N ˆ `, `=-.ằ-..-`).
_WORD = regex.compile(r"\p{L}{3}")


def _without_signing_stamp(page: list[Line]) -> list[Line]:
    """`page` without a signing tool's stamp: the time of signing and the fields above it.

    What the line holds after the time stays if it has a word (a header the
    stamp was read into): the fields are dropped, not the document's text.
    """
    drop: set[int] = set()
    cut: dict[int, Line] = {}
    for i, ln in enumerate(page):
        when = _SIGNING_TIME.search(ln.text) if SIGNING_TOOL_TIME_WORD in ln.text else None
        # The time opens its line (after the logo's debris: no word) or follows the fields on it.
        if not when or (_WORD.search(ln.text[: when.start()]) and not _SIGNING_FIELD_LINE.match(ln.text)):
            continue
        rest = ln.text[when.end() :]
        if _WORD.search(rest):
            cut[i] = Line(rest.strip(), ln.page, ln.hard, ln.ocr, ln.indent)
        else:
            drop.add(i)
        j = i - 1
        while j >= max(0, i - _SIGNING_FIELDS) and (
            not page[j].text.strip() or _SIGNING_FIELD_LINE.match(page[j].text)
        ):
            drop.add(j)
            j -= 1
    if not drop and not cut:
        return page
    return [cut.get(i, ln) for i, ln in enumerate(page) if i not in drop]


def _furniture_key(line: str) -> str:
    return regex.sub(r"\d+", "#", line.strip().lower())


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove banners, URL lines, page numbers and headers repeated across pages."""
    # A line that opens (or closes) at least three pages, digits aside, is a running header.
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts: dict[str, int] = {}
        for page in pages:
            edges = [ln for ln in page if ln.text.strip()]
            for ln in edges[:2] + edges[-2:]:
                key = _furniture_key(ln.text)
                if len(key) > 3 and not _PAGE_NUMBER_BARE.match(ln.text):
                    counts[key] = counts.get(key, 0) + 1
        repeated = {k for k, n in counts.items() if n >= max(3, len(pages) // 2)}
    out = []
    for page in pages:
        page = _without_signing_stamp(page)
        kept = [
            ln
            for ln in page
            if not (
                _GAZETTE_BANNER.match(ln.text)
                or _URL_LINE.match(ln.text)
                or _PAGE_NUMBER_STRICT.match(ln.text)
                or _furniture_key(ln.text) in repeated
            )
        ]
        if len(pages) > 1:
            # Bare numbers only at a page's edges: inside a table they are row numbers.
            while kept and not kept[0].text.strip():
                kept.pop(0)
            if kept and _PAGE_NUMBER_BARE.match(kept[0].text):
                kept.pop(0)
            while kept and not kept[-1].text.strip():
                kept.pop()
            if kept and _PAGE_NUMBER_BARE.match(kept[-1].text):
                kept.pop()
            if kept and _STRAY_LETTER.match(kept[-1].text):
                kept.pop()
        out.append(kept)
    return out


# ---------------------------------------------------------------- OCR debris

#: Stray marks OCR leaves at line edges (`_ỦY BAN`, `… môi trường _`, `| |`).
_LEADING_MARKS = LineStart(r"^[_|~`¦]+\s*")
#: A bullet's dash as OCR misreads it (`~`, `.~`, `_`, `¬`, `“=`, `._-`, `.___`, `,_`, `=`, an em dash) before a sentence;
#: `=`, `~`, `¬` also glued to it (`__ =Căn cứ …` on the poor copy of kontum-2021).
#: (`__` before a place-date is the rule under the motto, not a bullet.)
_DASH_LOOKALIKE = LineStart(
    r"^(?:(?:[.,]?\s*_*(?:[~¬=]+|_=+)[-–]?|_(?![_=])|[:;]|“\s*=|[.,]\s*_+\s*[-–]?|[.,]\s*[-–]|—)\s+|_*\s*[~¬=]+)"
    r"(?=\p{Lu}\p{Ll})"
)
_TRAILING_MARKS = regex.compile(r"(?:\s+[_|~`¦ˆ¨—.:\-–]*[_|~`¦ˆ¨—]+[.:\-–]*)+\s*$")
#: A letter or two without a vowel, or a lone dash, after a clause's end
#: (`… môi trường biển. L`, `… xử lý vi phạm: ST`, `… hiện hành. -`): OCR's reading of a smudge, which would otherwise
#: make the clause run on into the next line. Only after a sentence of some
#: length, so `Lưu: VT` keeps its initials.
_CONSONANT_JUNK_AT_END = regex.compile(r"(?<=\S[.:;])\s+(?:[bcdđfghjklmnpqrstvwxzBCDĐFGHJKLMNPQRSTVWXZ]{1,2}|[-–])\s*$")
_MIN_WORDS_WITH_JUNK = 5
#: Lone marks after a clause's end (`… môi trường. :`, `… như sau: : :`, `… cấp tỉnh; .`):
#: specks OCR read as punctuation, which would make a finished sentence end in a
#: colon (a heading) or keep it open.
_MARKS_AFTER_CLAUSE_END = regex.compile(r"(?<=\S[.:;,!?])(?:\s+[.:;,]+)+\s*$")
_LONE_MARKS = frozenset(".:;,")
#: A space OCR put after the dash inside a document's number (`Nghị quyết số 06- NQ/TW`,
#: `Kế hoạch số 123/KH- BCĐTUATTP`): a number before its symbol, or a symbol before the
#: next; OCR'd pages only (what a typist wrote stays as written).
_SPACE_IN_CODE = regex.compile(
    r"(?<=(?<![\p{L}\d])\d{1,5}[-–])\s+(?=\p{Lu}[\p{Lu}\d&]*/\p{Lu})"
    r"|(?<=/[\p{Lu}&]{1,10}[-–])\s+(?=\p{Lu}[\p{Lu}\d&]*(?:[/-]|(?![\p{L}\d])))"
)
#: A colon OCR read from a speck at the right edge, apart from the word before it
#: (`… thực hiện :` / `Nghị quyết số …`, `… của Bộ Chính :` / `trị`); OCR'd pages only:
#: no digital plan or DOCX we have ends a line so, but a typist may.
_SPACED_COLON_AT_END = regex.compile(r"(?<=\p{Ll})\s+:\s*$")
#: Short "words" and marks between a clause's end and such a colon are specks too
#: (`… chất thải. Tin :`, `… trong quy hoạch. Sun :`, `… đạt 95%. : Ni tàng :`).
_SPECKS_AFTER_CLAUSE_END = regex.compile(r"(?<=\S[.;!?])(?:\s+(?:\p{L}{1,4}|[:;.,]+)){1,3}\s+:\s*$")
#: An apostrophe glued to the first word of a line or a bullet (`'Sở Tài nguyên …`,
#: `-'Thực hiện …`): Vietnamese has none.
_LEADING_APOSTROPHE = LineStart(r"^(?P<bullet>[-–•+]\s*)?'(?=\p{L})")
#: Punctuation debris in front of a numbered label: `- Điều 2.`, `-_ 3.3.`, `: 2.11.`, `“8.`, `,„ 1,`,
#: `: d).Sở` (a letter label with a speck after it, as `_LABEL` takes it).
_DEBRIS_BEFORE_LABEL = LineStart(
    r"^[\s\-–—_:;.,|~`'\"“”‘’„‚•]+(?=(?:Điều\s+\d+\.?|\d{1,2}(?:[.:]\d{1,2}){0,3}[.,]|[a-zđ€¢©àáạảãâäèéẹẻẽêëòóọỏõôö]\)[.,]?)\s*\p{Lu}"
    # a Roman numeral (or OCR's look-alike `IL.`, `HI.`) before a capitals heading: `.IL. MỤC TIÊU`
    r"|[IVXLHl1|]{1,4}[.,]\s*\p{Lu}{2})"
)
#: A speck read as small letters in front of a numbered label, or glued to it (`dn 2. Phòng Cảnh sát
#: …`, `n6: Ủy ban …`): no word.
_LETTERS_BEFORE_LABEL = LineStart(r"^(?P<junk>\p{Ll}{1,2})\s*(?=\d{1,2}(?:\.\d{1,2}){0,3}[.:]\s*\p{Lu}\p{Ll})")
#: A signature line read on the same baseline as `Nơi nhận` or its bullets.
_SIGNATURE_INSIDE = regex.compile(rf"^(?P<left>.*?\S)\s+(?P<right>{SIGNATURE_MARK}\s*\p{{Lu}}.*)$")
#: The signers' titles in capitals, as written and as OCR drops or swaps their marks (`THỦ TƯƠNG`;
#: titles of two syllables or more: one syllable alone would be too loose).
_TITLE_CAPS = rf"(?:{SIGNER_TITLE_CAPS}|{loose_alt(t.upper() for t in SIGNER_TITLES if ' ' in t)})"
#: A signer's title on the same baseline (`Nơi nhận:   BÍ THƯ`, `- Lưu: VT.   CHỦ TỊCH`),
#: also as OCR drops or swaps its marks (`CHU TICH`, `THỦ TƯƠNG`).
_TITLE_AT_END = regex.compile(
    # … behind a speck OCR read as a small letter (`Nơi nhận: ị CHỦ TỊCH`)
    r"^(?P<left>.*?[;:,.]\s*)(?:(?:\p{Ll}|[|_'`~])\s+)?(?P<right>(?:PH[OÓ]\s+)?(?:CH[UỦ]\s+T[IỊ]CH|GI[AÁ]M\s+Đ[OỐ]C)"
    # … and before a speck after it (`Nơi nhận: GIÁM ĐỐC.`)
    rf"|{_TITLE_CAPS})\s*[.,'|_~]?\s*$"
)


#: A bullet OCR ran into the line before: `2.1. Sở Tài chính . - Chủ trì, phối hợp …`.
#: A letter item OCR ran into the heading above it, behind junk: `… chất thải rắn : ˆ a) Về chất thải …`.
_LETTER_ITEM_INSIDE = regex.compile(r"\s+[:;.,]\s*[ˆ¨`'~_|]*\s*(?=[a-zđ]\)\s+\p{Lu}\p{Ll})")
_BULLET_INSIDE = regex.compile(r"(?<=[.;:])\s+[-–•]\s+(?=\p{Lu}\p{Ll})")
#: Accented look-alikes of a letter label (`ä)` for `a)`).
_ACCENTED_LETTER_LABEL = LineStart(
    r"^(?P<ch>[àáạảãâầấậẩẫăằắặẳẵäåèéẹẻẽêềếệểễëìíịỉĩòóọỏõôồốộổỗơờớợởỡöùúụủũưừứựửữüỳýỵỷỹ€¢©])\)(?=\s*\p{Lu})"
)
_SYMBOL_LETTERS = {"€": "e", "¢": "c", "©": "c"}


def _unaccent(ch: str) -> str:
    return _SYMBOL_LETTERS.get(ch) or unicodedata.normalize("NFD", ch)[0]


def strip_marks(line: str) -> str:
    line = _LEADING_MARKS.sub("", line)
    # Every trailing mark holds a strong one; most lines have none.
    return line if _STRONG_MARK_CHARS.isdisjoint(line) else _TRAILING_MARKS.sub("", line)


_SIGNATURE_PREFIX = regex.compile(rf"^\s*{SIGNATURE_MARK}\s*$")


# What a line must hold before the costlier repairs are tried: the regexes that
# look at a line's end or inside it cost microseconds per line, and every line
# of every document passes here.
_MARK_CHARS = frozenset("_|~`¦ˆ¨—.:-–")
_STRONG_MARK_CHARS = frozenset("_|~`¦ˆ¨—")
#: The last letter of a signature mark and its dot (`TM.`, `KT.`, `TL.`, `Q.`).
_SIGNATURE_MARK_ENDS = ("M.", "T.", "L.", "Q.")


def _last_token(line: str) -> str:
    parts = line.rsplit(None, 1)
    return parts[-1] if parts else ""


def repair_ocr_debris(line: str) -> list[str]:
    """Remove marks OCR leaves around labels and split merged signature columns."""
    if "\t" not in line and ")" in line and _LETTER_ITEM_INSIDE.search(line):
        head, tail = _LETTER_ITEM_INSIDE.split(line, maxsplit=1)
        return repair_ocr_debris(head) + repair_ocr_debris(tail)
    if "\t" not in line and ("-" in line or "–" in line or "•" in line) and _BULLET_INSIDE.search(line):
        head, *tails = _BULLET_INSIDE.split(line)
        return [part for piece in [head] + ["- " + t for t in tails] for part in repair_ocr_debris(piece)]
    line = _DASH_LOOKALIKE.sub("- ", line)
    line = _LEADING_MARKS.sub("", line)
    last = _last_token(line)
    if set(last) <= _MARK_CHARS and not _STRONG_MARK_CHARS.isdisjoint(last):
        line = _TRAILING_MARKS.sub("", line)
        last = _last_token(line)
    if last and set(last) <= _LONE_MARKS:
        line = _MARKS_AFTER_CLAUSE_END.sub("", line)
        last = _last_token(line)
    if len(last) <= 2 and len(line.split()) >= _MIN_WORDS_WITH_JUNK:
        line = _CONSONANT_JUNK_AT_END.sub("", line)
    line = _LEADING_APOSTROPHE.sub(lambda m: f"{m.group('bullet').strip()} " if m.group("bullet") else "", line)
    line = _DEBRIS_BEFORE_LABEL.sub("", line)
    if (m := _LETTERS_BEFORE_LABEL.match(line)) and not is_vietnamese_syllable(m.group("junk")):
        line = line[m.end() :]
    line = _ACCENTED_LETTER_LABEL.sub(lambda m: _unaccent(m.group("ch")) + ")", line)
    patterns = []
    if any(mark in line for mark in _SIGNATURE_MARK_ENDS):
        patterns.append(_SIGNATURE_INSIDE)
    if line.rstrip(" .,'|_~")[-1:].isupper():  # `… CHỦ TỊCH`, `… BÍ THƯ`, `… GIÁM ĐỐC.`
        patterns.append(_TITLE_AT_END)
    for pattern in patterns:
        m = pattern.match(line)
        if m and not pattern.match(m.group("left")) and not _SIGNATURE_PREFIX.match(m.group("left")):
            return [m.group("left").strip(), m.group("right").strip()]
    return [line]


# ---------------------------------------------------------------- header block

_MOTTO_COUNTRY = MOTTO_COUNTRY
_MOTTO_SLOGAN = MOTTO_SLOGAN
#: A place name's words are a space apart: a tab is a column boundary (`ĐẢNG BỘ TỈNH X⇥⇥X, ngày …`).
#: A city's date line may name it with its unit (`Thành phố Hồ Chí Minh, ngày …`, `TP. Hồ Chí Minh, …`).
_PLACE_DATE = (
    rf"(?:{CITY_UNIT}\s+)?{PLACE_WORD}(?: +{PLACE_WORD}){{0,4}},\s*[Nn]gày\s+(?:\S+\s+tháng\s+\S+\s+{YEAR_WORD}\s+\d{{4}}"
    r"|\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4})"
)

#: Two columns of the standard header (Nghị định 30/2020/NĐ-CP form) read as one line.
_HEADER_SPLITS = [
    regex.compile(rf"^(?P<left>.+?)\s+(?P<right>{_MOTTO_COUNTRY}.*)$"),
    # The issuer column's next line read after the motto (`… VIỆT NAM SỞ CÔNG THƯƠNG`).
    regex.compile(rf"^(?P<left>{_MOTTO_COUNTRY})\s+(?P<right>\S.*)$"),
    regex.compile(rf"^(?P<left>.+?)\s+(?P<right>{_MOTTO_SLOGAN}.*)$"),
    regex.compile(rf"^(?P<left>{NUMBER_FIELD}\s*:?.*?)\s+(?P<right>{_PLACE_DATE}.*)$"),
    # The issuer column's last line beside the place-date (`SỐ 1050/QĐ-SCT Lào Cai, ngày …`);
    # a place in capitals (`KIÊN GIANG, ngày …`) leaves no column boundary to find.
    # The place is written in running case (`ĐẢNG BỘ TỈNH QUẢNG TRỊ Quảng Trị, ngày …`: the column ends before it).
    # `TP.` opens the place itself (`TP. Hồ Chí Minh, ngày …`), no column of its own.
    regex.compile(
        rf"^(?P<left>[\p{{Lu}}\d][\p{{Lu}}\d\s/.\-–]*?)(?<!^TP\.?|\sTP\.?)\s+(?P<right>(?=\p{{Lu}}\p{{Ll}}|TP\.?\s){_PLACE_DATE}.*)$"
    ),
]


#: What every one of `_HEADER_SPLITS` needs somewhere in the line (the motto, the slogan's
#: first word, the date's `ngày`): one search tells the body's lines, which hold none of it,
#: from the few the five patterns must try (they had been tried on every line: 59,000
#: calls for the three text samples).
_HEADER_SPLIT_NEEDS = regex.compile(rf"{_MOTTO_COUNTRY}|Độc|[Nn]gày")


def split_header(line: str) -> list[str]:
    """`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…` → [`ỦY BAN NHÂN DÂN`, `CỘNG HÒA XÃ HỘI…`]."""
    if not _HEADER_SPLIT_NEEDS.search(line):
        return [line]
    for pattern in _HEADER_SPLITS:
        m = pattern.match(line)
        if m and m.group("left").strip():
            return split_header(m.group("left").strip()) + split_header(m.group("right").strip())
    return [line]


# ---------------------------------------------------------------- de-wrapping

_ROMAN = ROMAN
#: The marks OCR smudges beside a dash (`-_ quy định …`), taken whole (possessive):
#: what follows them decides what the dash is.
_DASH_SMUDGE = r"[_~ˆ¨`'|]*+"
#: A line that opens a list item or a block: these always start a paragraph.
_LABEL = LineStart(
    rf"""^(?:
        (?:{_ROMAN})(?:\.|/\.?)\s              # II. NHIỆM VỤ, II/ NHIỆM VỤ
      | (?:{_ROMAN})\s?[-–]\s+(?=\p{{Lu}})       # II- NHIỆM VỤ, as Party documents write it
      | (?=[IVX]*[1l|L])[IVX1l|L]{{2,4}}\s+(?=\p{{Lu}}\p{{Ll}})  # IL Phát triển …: OCR's II. without its dot
      | \d{{1,2}}(?:\.\d{{1,2}}){{0,3}}[.:]?\s+(?=\p{{Lu}}|[“"(])   # 1. / 2.1. / 2.1 Sở … / 1: (OCR's dot)
      | \d{{1,2}}(?:/\.?|\s?[-–])\s+(?=\p{{Lu}}|[“"(])  # 1/ Mục đích, 1/. Mục đích, 1- Mục đích
      | [a-zđ](?:\)|\s?[-–])\s                # a) đ) a-
      | [a-zđA-ZĐ](?:/\.?|\.)\s*(?=\p{{Lu}}\p{{Ll}})  # a. b/. C. before a word
      | [A-ZĐ]\.\s+(?=\p{{Lu}}{{2}})             # A. MỤC TIÊU: a part in capitals
      | [a-zđ]\)[.,]?(?=\p{{Lu}})               # e).Bộ Chỉ huy (OCR)
      | \(?\d{{1,2}}\)\s                       # 1) (1)
      | [-–+•*]{_DASH_SMUDGE}\s*(?=[^\s\d])    # - bullet, + sub-bullet (not "- 2025", "-_1756/QĐ-TTg")
      | Điều\s+\d+                             # Điều 1.
      | (?:Chương|Mục|Phần|CHƯƠNG|MỤC|PHẦN)\s+(?:{_ROMAN}|\d+|(?i:thứ)\s)\b  # Phần thứ nhất
    )""",
    regex.VERBOSE,
)
#: Capitalised openers of a new clause in administrative prose.
_OPENER = LineStart(rf"^(?:(?:{PREAMBLE_OPENER}|Trên\s+đây|{NOI_NHAN})\b|{SIGNATURE_MARK}\s)")
#: Openers that can also start a sentence inside a paragraph (`… kinh tế - xã hội tỉnh. Thực hiện sàng lọc …`).
_SENTENCE_OPENER = LineStart(rf"^(?:{PREAMBLE_OPENER}|Trên\s+đây)\b")
_SIGNER_TITLES = LineStart(rf"^{_TITLE_CAPS}\s*$")
#: The signature block's own lines: `KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ` (the title
#: line under it is its own, whatever the title), `(Đã ký)`.
_SIGNING_LINE = LineStart(rf"^(?:{SIGNATURE_MARK}\s*\p{{Lu}}[^\n]*|{SIGNING_PLACEHOLDER}\s*)$")
#: Lines of the header block. `Số 182-KH/TU` without its colon is the number field
#: when written `Số`; in capitals (`THEO QUYẾT ĐỊNH` / `SỐ 1050/QĐ-SCT`) it goes on the line above.
_UNIT_CAPS = alt(unit.upper() for unit in ADMIN_UNITS)
_HEADER_LINE = LineStart(
    rf"^(?:{_MOTTO_COUNTRY}|{_MOTTO_SLOGAN}|{NUMBER_FIELD}\s*:|S[ốô]\s*\d|{_PLACE_DATE}|{_UNIT_CAPS}\s+\p{{Lu}})"
)
_ENACTING_LINE = LineStart(rf"^{ENACTING_LINE}")
#: The kind line (`KẾ HOẠCH`, `QUYẾT ĐỊNH`) stands alone above the title.
_KIND_LINE = LineStart(
    r"^(?:KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH:?|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|BÁO\s+CÁO|ĐỀ\s+ÁN|PHỤ\s+LỤC(?:\s+[IVX\d]+)?|THÔNG\s+BÁO|HƯỚNG\s+DẪN|CÔNG\s+VĂN|QUY\s+CHẾ|QUY\s+ĐỊNH)\s*$"
)
_APPENDIX_LINE = LineStart(rf"^{APPENDIX_HEAD}")
_GARBLED_LABEL = LineStart(r"^\w{1,2}[.,]\s+\p{Lu}\p{Ll}")
_CONTINUATION_DASH = regex.compile(rf"^[-–•*]{_DASH_SMUDGE}\s*(?=\p{{L}})")
#: A code cut at its dash or slash at a line's end (`57-`, `1234/QĐ-`): no word ends that way,
#: Vietnamese is not hyphenated; a dash between words has spaces (`kinh tế -` / `xã hội`).
_CODE_CUT = TextEnd(r"(?<=[\dA-ZĐ])[-/]$")
_CODE_GOES_ON = regex.compile(r"[\dA-ZĐ]")
_LOST_LABEL = LineStart(r"^[.,]{1,3}\s+\p{Lu}\p{Ll}")
#: A list number OCR read as a speck of one or two small letters, its dot lost (`đt Phòng Văn hóa …`,
#: `si Ủy ban nhân dân …` for `2.`, `3.`): taken only on a line the page indents, where paragraphs start.
_SPECK_LABEL = LineStart(r"^\p{Ll}{1,2}\s+\p{Lu}\p{Ll}")
_UPPER_BULLET = LineStart(rf"^[-–•*]{_DASH_SMUDGE}\s*\p{{Lu}}")
_LOWER_BULLET = LineStart(rf"^[-–+•*]{_DASH_SMUDGE}\s*\p{{Ll}}")
_TERMINAL = TextEnd(r"[.:!?]\s*$|\./\.\s*$")
#: A table's number column titled on a line of its own: where a table set one cell per line begins.
_STT_ALONE = LineStart(r"^(?:S[ốo]\s*TT|STT|TT)\s*$")
#: A task's field opened after a sentence on the same line, its value not yet written (`… quốc gia.
#: Cơ quan thực hiện:`): the value is on the next line, whatever the colon says elsewhere.
_FIELD_OPENED = TextEnd(rf"(?<=\p{{L}})[.;]\s+(?i:{FIELD_NAME})(?:\s+[\p{{Ll}}\p{{M}}]+){{0,4}}\s*:\s*$")


def _is_kind_line(line: str) -> bool:
    """A kind line, also as OCR joins its words and swaps its marks (`KẼHOẠCH`)."""
    if _KIND_LINE.match(line):
        return True
    return len(line) <= 40 and is_caps(line) and squash(line) in KIND_KEYS


#: A dash or bullet before a number: `- 98% hộ dân`.
_DASHED_NUMBER = LineStart(r"[-–+•]\s*\d")
#: A finished clause at the end of the text.
_CLAUSE_END_TAIL = TextEnd(r"[.;:!?]\s*$")


def starts_paragraph(prev: str, line: str, wrapped: bool = False) -> bool:
    """Whether `line` begins a new paragraph after `prev` (both stripped).

    `prev` is the paragraph built so far; only its start and its tail are
    looked at, so joining stays linear in the paragraph's length. `wrapped`:
    the page's layout says the line was wrapped there, so a sentence ending
    at the line's end does not end the paragraph.
    """
    tail = prev[-300:]
    if "\t" in line or "\t" in tail or _STT_ALONE.match(line):
        return True  # a table's row, or its first title on a line of its own (one cell per line)
    if _FIELD_OPENED.ends(tail) and not (_LABEL.match(line) or _UPPER_BULLET.match(line) or _LOWER_BULLET.match(line)):
        return False  # `… cấp quốc gia. Cơ quan thực hiện:` / `Sở Văn hóa, …`: the field's value wrapped
    if line[:1].isdigit() and _NUMBER_WORD_END.ends(tail) and tail.count("(") > tail.count(")"):
        return False  # `(nhiệm vụ số` / `9) theo Quyết định …`: the number the bracket names
    if _LOST_LABEL.match(line) and _TERMINAL.ends(tail):
        return True  # `. Sở Kế hoạch …`: a numbered item whose number OCR lost
    if _UPPER_BULLET.match(line) and _DANGLING_END.ends(tail):
        # OCR's dash before a wrapped line whose sentence is still open (`… hiệu quả các` / `- Chương trình …`).
        return False
    if _LOWER_BULLET.match(line):
        # OCR puts a dash before wrapped lines (`của Quốc` / `- hội`): a bullet
        # starting in lower case is a real item only after a finished clause.
        return bool(_CLAUSE_END_TAIL.ends(tail))
    if _LABEL.match(line) or _HEADER_LINE.match(line):
        return True
    if _OPENER.match(line) and not (wrapped and _TERMINAL.ends(tail) and _SENTENCE_OPENER.match(line)):
        return True
    if _is_kind_line(prev) or _is_kind_line(line) or _HEADER_LINE.match(prev):
        return True
    if _APPENDIX_LINE.match(line) or _APPENDIX_LINE.match(prev[:40]):
        return True
    if _SIGNER_TITLES.match(line) or _SIGNER_TITLES.match(prev):
        return True
    if _ENACTING_LINE.match(line) and not _DANGLING_END.ends(tail):
        return True
    if _SIGNING_LINE.match(line) or _SIGNING_LINE.match(prev):
        return True
    prev_caps, line_caps = is_caps(tail), is_caps(line)
    if prev_caps != line_caps:
        # A capitals heading never runs on into sentence text, nor the other way round;
        # a sentence ending in a capitalised acronym (… (BAU)) is the exception.
        return not (line_caps and not _TERMINAL.ends(tail) and len(line.split()) <= 2)
    first = line[:1]
    if _TERMINAL.ends(tail) and (first.isupper() or first.isdigit() or first in '“"('):
        # A number after a full stop opens an entry even where the page wrapped (a code list set flush).
        return not (wrapped and first.isalpha())
    if (first.isupper() or _DASHED_NUMBER.match(line)) and _short_heading(prev, line):
        # `2. Sở Y tế` / `Chủ trì …`, `1. Mục tiêu cụ thể` / `- 98% hộ dân …`: a short
        # labelled line that names something whole is a heading; what is under it is its own.
        return True
    # `s. Nhiệm vụ và giải pháp …` after a finished sentence: a label OCR misread.
    return bool(_TERMINAL.ends(tail) and _GARBLED_LABEL.match(line))


#: Words a line cannot end a heading on: the phrase goes on (`… phối hợp với Sở` / `Tài chính …`).
#: Words a sentence cannot end on: function words and the head of an agency's name.
#: Not `số`: before a capitalised line it is the adjective "digital" (`Phát triển hạ
#: tầng số`, `chính quyền số`), and `Quyết định số` runs on only into a figure.
_FUNCTION_WORDS = r"của|và|với|về|cho|các|những|tại|trong|theo|để|đến|từ|thuộc|là|có|được|hoặc"
#: … and the office a head's title names in small letters (`Trưởng phòng` / `Kinh tế`).
_NAME_HEADS = r"Sở|Bộ|Ban|Phòng|Cục|Chi\s+cục|Ủy\s+ban|Hội\s+đồng|Trung\s+tâm|Văn\s+phòng|[Tt]rưởng\s+phòng"
_DANGLING_WORDS = rf"{_FUNCTION_WORDS}|{_NAME_HEADS}"
#: The units a place name may follow at a line's end (`Ủy ban nhân dân huyện` / `Châu Thành`).
_PLACE_UNITS = r"tỉnh|huyện|thành\s+phố"
_RUNS_ON = TextEnd(rf"(?<![\p{{L}}])(?:{_DANGLING_WORDS}|{_PLACE_UNITS})\s*$")
#: A line ended on the head of a name or its place runs on, however short (`2.5. Trách nhiệm
#: của Sở` / `Tài chính`).
_NAME_RUNS_ON = TextEnd(rf"(?<![\p{{L}}])(?:{_NAME_HEADS}|{_PLACE_UNITS})\s*$")
#: `… các huyện, thành phố`: a group of localities is whole; no place name follows it.
_GROUP_END = TextEnd(rf"(?<![\p{{L}}])(?:các|những)\s[^.;:]{{0,40}}(?<![\p{{L}}])(?:{_PLACE_UNITS})\s*$")
_DANGLING_END = TextEnd(rf"(?<![\p{{L}}])(?:{_DANGLING_WORDS})\s*$")
#: `số` (number) ends the line before the number it names: in an open bracket (`(nhiệm vụ
#: số` / `9) theo …`) that number is no label; elsewhere `số` may be "digital" ending a heading.
_NUMBER_WORD_END = TextEnd(r"(?<![\p{L}])[Ss]ố\s*:?\s*$")
#: A line left on a comma or semicolon: its clause goes on.
_OPEN_CLAUSE = TextEnd(r"[,;]\s*$")
#: Longest heading (in words) that can stand on its own line under a label.
SHORT_HEADING_WORDS = 10


_PLACE_RUNS_ON = TextEnd(rf"(?<![\p{{L}}])(?:{_PLACE_UNITS})\s*$")
#: A capitalised word, then a syllable in lower case: a sentence's first word, where a
#: place name capitalises each syllable (`Châu Thành`).
_CAPITALISED_WORD = regex.compile(r"(\p{Lu}\p{Ll}*) (\p{Ll}+)(?!\p{L})")


def _opens_sentence(line: str) -> bool:
    """`Phối hợp …`, `Tổ chức …`: the line opens on a dictionary word, not on a place
    name (`Châu Thành`, `Vinh chủ trì`) that a line ended on `huyện` runs on into."""
    m = _CAPITALISED_WORD.match(line)
    return bool(m) and makes_one_word(m.group(1), m.group(2))


def _short_heading(prev: str, line: str = "") -> bool:
    """A labelled line of a few words, ended without punctuation or a word that runs on
    (`4.3. Trạm Khuyến nông huyện` ends on its level when no place name follows it)."""
    if len(prev) > 120 or not _LABEL.match(prev) or _TERMINAL.ends(prev) or _OPEN_CLAUSE.ends(prev):
        return False
    if len(prev.split()) > SHORT_HEADING_WORDS + 1:
        return False
    if _PLACE_RUNS_ON.ends(prev) and _opens_sentence(line):
        return True
    if len(prev) < _FULL_LINE_MIN:
        # Too short to have wrapped: a function word ends a word here (`1. Kết quả đạt được`,
        # `3. Tồn tại`), not a clause that goes on.
        return not _NAME_RUNS_ON.ends(prev) or bool(_GROUP_END.ends(prev))
    return not _RUNS_ON.ends(prev) or bool(_GROUP_END.ends(prev))


_CLAUSE_END = regex.compile(r"[.;:!?)]\s*$")
#: A line that opens with a list label (`a) …`, `b. …`, `- …`) starts its own paragraph.
_LABEL_OPENING = regex.compile(r"^\s*(?:[a-zđ]\s?[).]|[-+•*–])\s")


#: A line this long can be a full line of a page.
_FULL_LINE_MIN = 40
#: Share of full lines left mid-sentence (no clause end, no list label next)
#: above which "paragraphs" are a page's lines: 0.00-0.14 on the real DOCX,
#: 0.73-0.82 on the samples' DOCX with every line its own paragraph.
_OPEN_LINE_SHARE = 0.4
#: Fewer full lines than this decide nothing.
_MIN_FULL_LINES = 10


def given_paragraphs_are_lines(lines: list[Line]) -> bool:
    """Whether lines given as paragraphs are really a page's wrapped lines
    (a PDF converted to Word, text pasted with its line breaks, soft breaks
    at every line): most full lines then stop mid-sentence."""
    return _mostly_cut(_line_pairs(lines))


def _line_pairs(lines: list[Line]) -> list[tuple[str, str]]:
    """Each non-empty line outside a table with the one after it."""
    texts = [t for ln in lines if (t := ln.text.strip()) and "\t" not in t]
    return list(zip(texts, texts[1:], strict=False))


def _cut_share(pairs: list[tuple[str, str]], least: int = _MIN_FULL_LINES) -> float | None:
    """The share of full lines of these (line, next line) pairs that stop mid-sentence
    (no clause end, no list label next); None for too few full lines to tell."""
    full = [(a, b) for a, b in pairs if len(a) >= _FULL_LINE_MIN]
    if len(full) < least:
        return None
    return sum(1 for a, b in full if not _CLAUSE_END.search(a) and not _LABEL.match(b)) / len(full)


def _mostly_cut(pairs: list[tuple[str, str]], least: int = _MIN_FULL_LINES) -> bool:
    """Whether most full lines of these (line, next line) pairs stop mid-sentence: wrapped lines."""
    share = _cut_share(pairs, least)
    return share is not None and share > _OPEN_LINE_SHARE


#: Share of full lines left mid-sentence below which a text file's lines are its paragraphs
#: (text copied from a web page or a word processor, one paragraph a line): 0.06-0.14 on such
#: files, 0.78-0.86 on the samples' text wrapped at a page's width. Its long lines without a
#: stop are then headings (`1. Nâng cao nhận thức, … quyết tâm chính trị mạnh mẽ` / `Các cấp
#: ủy …`), not lines the page wrapped.
_PARAGRAPH_LINE_SHARE = 0.2


def lines_are_paragraphs(lines: list[Line]) -> bool:
    """Whether a text file's lines are whole paragraphs rather than a page's wrapped lines."""
    share = _cut_share(_line_pairs(lines))
    return share is not None and share <= _PARAGRAPH_LINE_SHARE


#: Share of the lines ending a clause that a blank line follows, above which a
#: text's blocks are set apart by blank lines (0.76-0.96 on the text samples).
_BLANK_AFTER_SHARE = 0.5
#: Fewer full lines or clause ends than this decide nothing in a text file; the
#: blank lines are evidence of their own, so a one-page directive is enough.
_MIN_TEXT_LINES = 5


def blank_line_layout(lines: list[str]) -> list[bool | None]:
    """Where a hard-wrapped text with blank lines between its blocks (a PDF's text
    saved as .txt, a mail wrapped at 72 columns) wrapped: a line right under
    another is a wrapped one (False, as a line flush with a page's margin), a
    line after a blank opens a block (True). All None for text laid out otherwise
    (a paragraph per line, or no blank lines to tell blocks by)."""
    unknown: list[bool | None] = [None] * len(lines)
    stripped = [ln.strip() for ln in lines]
    pairs = [
        (a, b) for a, b in zip(stripped, stripped[1:], strict=False) if a and b and "\t" not in a and "\t" not in b
    ]
    if not _mostly_cut(pairs, _MIN_TEXT_LINES):
        return unknown
    ends = [i for i, t in enumerate(stripped[:-1]) if t and _CLAUSE_END.search(t)]
    if len(ends) < _MIN_TEXT_LINES or sum(1 for i in ends if not stripped[i + 1]) <= _BLANK_AFTER_SHARE * len(ends):
        return unknown
    return [
        None if not t or "\t" in t else i == 0 or not stripped[i - 1] or "\t" in stripped[i - 1]
        for i, t in enumerate(stripped)
    ]


def continues_paragraph(prev: str, line: str) -> bool:
    """For lines that are real paragraphs (DOCX): only a sentence cut in two
    (the next starts in lower case and the previous ends no clause) is joined."""
    first = line.lstrip()[:1]
    if _LABEL_OPENING.match(line) or _LABEL.match(line):
        return False  # `a) …`, `a- Về kinh tế`, `- …`: a list item of its own
    if _is_kind_line(prev):
        return False  # the kind line over its subject (`CHƯƠNG TRÌNH HÀNH ĐỘNG` / `thực hiện …`)
    return first.islower() and "\t" not in line and "\t" not in prev[-300:] and not _CLAUSE_END.search(prev[-300:])


#: The label of a section heading (not a bullet's dash).
_HEADING_LABEL = regex.compile(
    rf"^(?:(?:{_ROMAN})(?:\.|/\.?)\s|\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}\.?\s|\d{{1,2}}/\.?\s|[a-zđ]\)\s|Điều\s+\d+)"
)
#: An OCR'd line this share of a full line long (the page's long lines) reached the right margin.
_FULL_LINE_SHARE = 0.85


def _full_line_chars(lines: list[Line]) -> int | None:
    """Characters in a full line of a page (OCR'd, or a text layer that says where its
    lines start): the upper quartile of their lengths (most lines of prose are full)."""
    lengths = sorted(
        len(ln.text) for ln in lines if (ln.ocr or ln.indent is not None) and ln.text and "\t" not in ln.text
    )
    if len(lengths) < 20:
        return None
    return int(_FULL_LINE_SHARE * lengths[3 * len(lengths) // 4])


#: Lines of a kind after a finished clause a document needs before its indents are
#: trusted, and the share of them that must start indented: every dashed item
#: (a flush dash line is then a wrapped one), most labelled items (a flush line
#: after a full stop is then a wrapped one).
_MIN_STARTS = 3
_ITEMS_SET_IN_SHARE = 0.9
_LABELS_SET_IN_SHARE = 0.75


def set_in(lines: list[Line], opens: regex.Pattern | LineStart, share: float) -> bool:
    """Whether the text layer sets the lines `opens` matches in from the margin, as it
    sets a paragraph's first line, where they follow a finished clause (plans that
    set their items flush leave a flush line ambiguous). OCR'd pages are read by
    their own margins (`pipeline.ocr.layout`) and are not counted."""
    starts = [
        ln.indent
        for prev, ln in zip(lines, lines[1:], strict=False)
        if ln.indent is not None
        and not ln.ocr
        and "\t" not in ln.text
        and opens.match(ln.text)
        and _CLAUSE_END_TAIL.ends(prev.text)
    ]
    return len(starts) >= _MIN_STARTS and sum(starts) >= share * len(starts)


#: A dashed item, its dash as printed or as OCR read it.
_DASHED = regex.compile(rf"^[-–+•*]{_DASH_SMUDGE}\s*\p{{L}}")


def _after_a_full_line(prev_line: Line | None, line: Line, full_line: int | None) -> bool:
    """The line before ran to the right margin, and neither is a table row."""
    return (
        full_line is not None
        and prev_line is not None
        and len(prev_line.text) >= full_line
        and "\t" not in prev_line.text + line.text  # table rows keep their own lines
    )


def _wrapped_under_a_dash(
    prev_line: Line | None, paragraph: str, line: Line, full_line: int | None, items_set_in: bool = False
) -> bool:
    """A dash before a line the page wrapped, OCR's or a hyphen the line broke
    before: the line before ran to the right margin without ending its clause
    (`… cửa khẩu phụ Đăk Long` / `- Văng Tắt lên thành …`, `… Nhật Bản,` / `-
    Hàn Quốc …`). On a text layer the dash is printed: the line must start flush,
    where wrapped lines start, on a page that sets its items in (`items_set_in`)."""
    return (
        _after_a_full_line(prev_line, line, full_line)
        and prev_line is not None
        and ((prev_line.ocr and line.ocr) or (items_set_in and not line.ocr and line.indent is False))
        and bool(_UPPER_BULLET.match(line.text))
        and not _CLAUSE_END_TAIL.ends(paragraph)
        # A labelled heading ends without a stop, on one line or wrapped over a few; the bullets under it are real.
        and not _labelled_heading(paragraph, prev_line)
    )


def _label_read_as_a_speck(prev: str, line: Line) -> bool:
    """An OCR'd line the page indents opening on a speck of small letters before a capital: a
    numbered item whose number OCR misread (`… Quý II/2024.` / `đt Phòng Văn hóa …`; `… bảo
    hiểm y tế` / `si Ủy ban …`, the item's full stop lost too). A wrapped line starts flush,
    and no sentence opens in small letters."""
    if not (line.ocr and line.indent is True and _SPECK_LABEL.match(line.text)):
        return False
    # A page that indents its wrapped lines under a label (`1. Sở …` / `   và Sở …`) indents a
    # function word too: after an open clause, only letters that are no common word are a speck.
    return bool(_TERMINAL.ends(prev[-300:])) or not is_common_syllable(line.text.split(None, 1)[0])


def _wrapped_flush(prev_line: Line | None, line: Line, full_line: int | None) -> bool:
    """The page wrapped here, whatever the words say: the line before ran to the
    right margin and this one starts flush with it, where a paragraph's wrapped
    lines start (its first line is indented). A sentence that ended at the
    margin (`… tài sản người dân.` / `Có kế hoạch di dân …`) goes on."""
    return line.indent is False and _after_a_full_line(prev_line, line, full_line)


#: The most words a labelled heading wrapped over lines holds (`đ) Tăng chi ngân sách … môi trường`).
_WRAPPED_HEADING_WORDS = 30


def _labelled_heading(paragraph: str, last_line: Line) -> bool:
    """A label and its heading: one line, or a few wrapped lines of one clause ending on a whole word."""
    if not _HEADING_LABEL.match(paragraph):
        return False
    if paragraph == last_line.text.strip(" "):
        return True
    return (
        len(paragraph.split()) <= _WRAPPED_HEADING_WORDS
        and not regex.search(r"[.;:!?]\s", paragraph)
        and not _RUNS_ON.ends(paragraph)
    )


def _flush_under_a_dash(prev_line: Line | None, line: Line, full_line: int | None) -> bool:
    """OCR read a speck at the left margin as a dash: the line starts flush, where
    the page wraps, not indented, where the page's items start, and the line
    before ran to the right margin (`… tầm nhìn đến năm 2050.` / `_ Đồng thời,
    chủ động …`). A list set flush (`Nơi nhận:` / `- Bộ Tài chính;`) has short lines."""
    return (
        line.indent is False
        and _after_a_full_line(prev_line, line, full_line)
        and prev_line is not None
        and prev_line.ocr
        and bool(_UPPER_BULLET.match(line.text) or _LOWER_BULLET.match(line.text))
    )


def _set_in_under_unflush(prev_line: Line | None, line: Line, full_line: int | None) -> bool:
    """A full line set in under a line that is not flush opens a paragraph: a paragraph's
    wrapped lines start flush, and a centred title's wrapped line is centred too, so it is
    short where it starts set in (`Về tăng cường công tác … năm 2024 - 2025` / `Mùa khô năm
    2024 - 2025 được dự báo …`, a directive's narrative opening under its title). A text
    layer's: OCR's margins are rougher, and its own rules read them."""
    return (
        full_line is not None
        and prev_line is not None
        and not (prev_line.ocr or line.ocr)
        and prev_line.indent is not False
        and line.indent is True
        and len(line.text) >= full_line
        and not _DANGLING_END.ends(prev_line.text)
        and "\t" not in prev_line.text + line.text
        and line.text[:1].isupper()
    )


#: An OCR'd line shorter than this share of a full line stopped well before the right margin.
_SHORT_LINE_SHARE = 0.7


def _heading_ended_short(prev_line: Line | None, paragraph: str, line: Line, full_line: int | None) -> bool:
    """A labelled heading wrapped over lines whose last line stops well short of
    the right margin has ended; a capitalised line under it is its text (`d) Đẩy
    mạnh … quản lý tài nguyên` / `và bảo vệ môi trường` / `Khuyến khích …`)."""
    return (
        full_line is not None
        and prev_line is not None
        # OCR's lines, or a text layer's where the line under does not start flush, as a
        # paragraph's wrapped lines do (a printed `1. Nâng cao … quyết tâm` / `chính trị mạnh mẽ`
        # / set in: `Các cấp ủy …`)
        and ((prev_line.ocr and line.ocr) or (not prev_line.ocr and not line.ocr and line.indent is True))
        and "\t" not in prev_line.text + line.text
        and prev_line.text.strip(" ") != paragraph  # one line: the short-heading rule decides
        and len(prev_line.text) < _SHORT_LINE_SHARE * full_line
        and line.text.lstrip()[:1].isupper()
        and bool(_HEADING_LABEL.match(paragraph))
        and not _TERMINAL.ends(paragraph)
        and not _RUNS_ON.ends(paragraph)
    )


#: A line that holds a sentence's end and the next one's start, or ends on an introducing colon.
_SENTENCES = LineStart(r".*(?:[.!?]\s+\p{Lu}|:\s*$)")


def _prose_under_the_subject(paragraphs: list[Paragraph], line: str, after_blank: bool = False) -> bool:
    """The subject line under the kind line (`CHỈ THỊ` / `Về tăng cường …`) never runs on
    into prose: a line with sentences in it (a directive's opening narrative, `… ở mức
    cao. Để chủ động …, Chủ tịch … yêu cầu:`) starts the body — or, on a scanned page, a
    full line after the blank line OCR leaves between blocks (the narrative's first line,
    its sentence ending on the next)."""
    if len(paragraphs) < 2 or not line[:1].isupper():
        return False
    if not _SENTENCES.match(line) and not (
        after_blank and len(line) >= _FULL_LINE_MIN and not _RUNS_ON.ends(paragraphs[-1].text)
    ):
        return False
    kind, subject = paragraphs[-2].text, paragraphs[-1].text
    # `QUYẾT ĐỊNH:` enacts the articles under it; the subject is no labelled item (`Điều 1. …`)
    return _is_kind_line(kind) and not kind.rstrip().endswith(":") and not _LABEL.match(subject)


def dewrap(lines: list[Line], paragraphs_given: bool = False, full_line: int | None = None) -> list[Paragraph]:
    """Join wrapped lines; each output Line is one paragraph (page = its first page).

    Each paragraph also records, in `breaks`, the offsets inside it where a new
    page begins, so page spans survive the join. With `paragraphs_given` the
    lines are already paragraphs and only a sentence cut in two is joined.
    """
    paragraphs: list[Paragraph] = []
    items_set_in = set_in(lines, _DASHED, _ITEMS_SET_IN_SHARE)
    labels_set_in = set_in(lines, _LABEL, _LABELS_SET_IN_SHARE)
    prev_hard = True
    prev_line: Line | None = None
    blank_before = False
    for ln in lines:
        # Only spaces: leading/trailing tabs are empty table cells.
        text = ln.text.strip(" ")
        if not text.strip():
            blank_before = True
            continue
        if paragraphs_given:
            joined = bool(paragraphs) and continues_paragraph(paragraphs[-1].text, text)
        else:
            joined = (
                bool(paragraphs)
                and not prev_hard
                and not ln.hard
                and (
                    not starts_paragraph(
                        paragraphs[-1].text,
                        text,
                        not blank_before and (ln.ocr or labels_set_in) and _wrapped_flush(prev_line, ln, full_line),
                    )
                    # OCR leaves a blank line between blocks: a dash after one is a bullet's
                    or (
                        not blank_before
                        and _wrapped_under_a_dash(prev_line, paragraphs[-1].text, ln, full_line, items_set_in)
                    )
                    or _flush_under_a_dash(prev_line, ln, full_line)
                )
                and not _heading_ended_short(prev_line, paragraphs[-1].text, ln, full_line)
                and not _set_in_under_unflush(prev_line, ln, full_line)
                and not _prose_under_the_subject(paragraphs, text, blank_before or ln.gap)
                and not _label_read_as_a_speck(paragraphs[-1].text, ln)
            )
        if joined:
            cur = paragraphs[-1]
            if ln.page != cur.page_last:
                cur.breaks.append((len(cur.text) + 1, ln.page))
                cur.page_last = ln.page
            # A dash before a continuation is OCR's (`Ủy ban nhân` / `- dân tỉnh`).
            # A document number wrapped at its dash or slash (`số 57-` / `NQ/TW`) is one word.
            gap = "" if _CODE_CUT.ends(cur.text) and _CODE_GOES_ON.match(text) else " "
            cur.text = cur.text + gap + _CONTINUATION_DASH.sub("", text)
        else:
            para = Paragraph(text=text, page=ln.page, hard=ln.hard)
            para.page_last = ln.page
            paragraphs.append(para)
        prev_hard = ln.hard
        prev_line = ln
        blank_before = False
    return paragraphs


@dataclass
class Paragraph(Line):
    breaks: list[tuple[int, int]] = field(default_factory=list)
    page_last: int = 1


# ---------------------------------------------------------------- entry points


@dataclass
class NormalizedText:
    """The normalised text and, for paged inputs, where each page starts."""

    text: str
    page_starts: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_SPACE_RUNS = regex.compile(r"[ ]{2,}")
#: `1.<tab>Mục đích`, `-<tab>Rà soát …`: Word's plain-text export (and many typists)
#: put a tab after a list label; a line of a label, one tab and text is an item,
#: not a two-cell table row (a table's number cell has no `.`/`)`, its bullet rows more cells).
_LABEL_THEN_TAB = regex.compile(
    r"^((?:[-+–•*]|\d{1,2}(?:\.\d{1,2})*[.)]|[\p{Ll}][.)]|\([\p{Ll}\d]{1,2}\)|[IVXL]+\.))\t(?=[^\t]+$)"
)


#: Tabs (and spaces) that indent a line: a typist's first-line indent, kept by a
#: plain-text export (the DOCX reader drops them as layout, `untabbed`).
_INDENT_TABS = regex.compile(r"^[ ]*\t[\t ]*")


def _is_row(line: str) -> bool:
    """Two filled cells or more, and not a list label and its text (`1.⇥Mục đích`)."""
    return sum(1 for cell in line.split("\t") if cell.strip()) >= 2 and not _LABEL_THEN_TAB.match(
        _INDENT_TABS.sub("", line)
    )


def _indents_dropped(lines: list[str]) -> list[str]:
    """Lines indented with tabs outside a table, without their indent.

    A tab separates table cells, so `⇥- Rà soát …` read as a row of an empty
    cell and a bullet, and every such item left the prose. A line is
    indented, not a row, when after its leading tabs it is one cell with no
    empty ones after it (or a label, a tab and the text) and neither line
    beside it is a row of two filled cells: a table's continuation row (`⇥⇥Sở Tài chính` under
    `1⇥Rà soát …⇥Sở Nội vụ`) keeps its empty cells."""
    if not any(line[:1] in "\t " and "\t" in line for line in lines):
        return lines
    rows = [_is_row(line) for line in lines]
    out = list(lines)
    for i, line in enumerate(lines):
        m = _INDENT_TABS.match(line)
        if not m or not line.strip():
            continue
        rest = line[m.end() :]
        if "\t" in rest and not _LABEL_THEN_TAB.match(rest):
            continue  # more cells after it (`⇥Nhóm 1.4⇥⇥⇥`, `⇥1⇥Rà soát⇥Sở Y tế`): a row
        before = next((rows[k] for k in range(i - 1, -1, -1) if lines[k].strip()), False)
        after = next((rows[k] for k in range(i + 1, len(lines)) if lines[k].strip()), False)
        if not before and not after:
            out[i] = rest
    return out


def _indents_of(raw_lines: list[str], given: list[list[bool | None]], paged: bool) -> list[bool | None]:
    """Per line, where it starts: as the reader measured it on the page, or, for a
    text file, as its blank lines lay it out; None where nothing says."""
    indents = given[0] if given else []
    if not paged and not indents:
        indents = blank_line_layout(raw_lines)
    return indents if len(indents) == len(raw_lines) else [None] * len(raw_lines)


def _raw_lines(raw: str, markdown: bool, ocr: bool) -> list[str]:
    lines = clean_chars(unhtml_markdown(raw) if markdown else raw).split("\n")
    # OCR writes no indent: its tabs are a table's cells.
    return lines if ocr else _indents_dropped(lines)


def _ocr_line_repaired(line: str) -> str:
    """An OCR'd line without the space OCR put inside a document's number and the specks
    it read as a colon at the line's end."""
    if "- " in line:
        line = _SPACE_IN_CODE.sub("", line)
    if line.endswith(":"):
        line = _SPACED_COLON_AT_END.sub("", _SPECKS_AFTER_CLAUSE_END.sub("", line))
    return line


def _clean_line(text: str) -> str:
    # Tabs separate table cells; everything else collapses to single spaces.
    cells = [_SPACE_RUNS.sub(" ", c).strip() for c in text.split("\t")]
    return "\t".join(cells) if len(cells) > 1 else cells[0]


def normalize_pages(
    pages: list[str],
    markdown: bool = False,
    paged: bool = True,
    rebuild_tables: bool = False,
    paragraphs: bool = False,
    page_sources: list[str] | None = None,
    page_indents: list[list[bool | None]] | None = None,
) -> NormalizedText:
    """Normalise the text of each page (or the one text of a text file).

    `paged` says whether `pages` are real pages (PDF, images), so page starts
    are reported and bare numbers at page edges are page numbers.
    `rebuild_tables` asks for tables flattened one cell per line (text
    exports) to be rebuilt into tab-separated rows. `paragraphs` says the
    lines are already real paragraphs (DOCX): they are not re-wrapped, so a
    heading never swallows the paragraph after it. `page_sources` says which
    pages were OCR'd (`"ocr"`), whose wrapped lines get the OCR repairs;
    `page_indents` where each of their lines started (see `pipeline.ocr.layout`).
    """
    sources = page_sources or []
    page_lines: list[list[Line]] = []
    for number, raw in enumerate(pages, start=1):
        ocr = number <= len(sources) and sources[number - 1] == "ocr"
        lines: list[Line] = []
        raw_lines = _raw_lines(raw, markdown, ocr)
        indents = _indents_of(raw_lines, (page_indents or [])[number - 1 : number], paged)
        for raw_line, indent in zip(raw_lines, indents, strict=True):
            hard = False
            if markdown:
                if lines and _MD_RULE.match(raw_line):
                    lines[-1].hard = True  # a rule under a line ends it (a setext heading's underline)
                raw_line, hard = strip_markdown(raw_line)
            raw_line = _clean_line(raw_line)
            if "\t" in raw_line:
                raw_line = _LABEL_THEN_TAB.sub(r"\1 ", raw_line)
            if ocr:
                raw_line = _ocr_line_repaired(raw_line)
            if not raw_line or (not ocr and "|" in raw_line and _PIPE_ROW.match(raw_line)):
                # A pipe table's edge pipes are cell borders, not OCR's marks: `| | Chủ trì |` keeps its empty cells.
                parts = [raw_line]
            else:
                parts = [strip_marks(p) for piece in repair_ocr_debris(raw_line) for p in split_header(piece)]
            for i, part in enumerate(parts):
                # A line split in parts: only the first starts where the line did.
                first = indent if i == 0 else None
                lines.append(
                    Line(text=part, page=number, hard=hard, ocr=ocr, indent=first, gap=not paged and first is True)
                )
        page_lines.append(lines)
    if paged:
        page_lines = drop_furniture(page_lines)
    else:
        page_lines = [
            [
                ln
                for ln in _without_signing_stamp(page)
                if not (
                    _GAZETTE_BANNER.match(ln.text) or _URL_LINE.match(ln.text) or _PAGE_NUMBER_STRICT.match(ln.text)
                )
            ]
            for page in page_lines
        ]
    flat = pipe_tables([ln for page in page_lines for ln in page])
    if rebuild_tables:
        flat = _rebuild_tables(flat)
    warnings: list[str] = []
    if not paged and not paragraphs and lines_are_paragraphs(flat):
        paragraphs = True
    if paragraphs and given_paragraphs_are_lines(flat):
        paragraphs = False
        warnings.append(
            "the file's paragraphs are the lines of a page (a PDF converted to Word, or text pasted with its "
            "line breaks): wrapped lines were joined as in a PDF; check paragraph boundaries"
        )
    paras = dewrap(flat, paragraphs_given=paragraphs, full_line=_full_line_chars(flat))

    texts: list[str] = []
    page_starts: list[int] = []
    offset = 0
    for para in paras:
        if paged:
            while len(page_starts) < para.page:
                page_starts.append(offset)
            for inner, page in para.breaks:
                while len(page_starts) < page:
                    page_starts.append(offset + inner)
        texts.append(para.text)
        offset += len(para.text) + 1
    if paged:
        while len(page_starts) < len(pages):
            page_starts.append(max(0, offset - 1))
    return NormalizedText(text="\n".join(texts), page_starts=page_starts, warnings=warnings)


#: A table row written with pipes: `1 | Nhiệm vụ | Sở X | 2026`, `| a | b |`.
_PIPE_ROW = regex.compile(r"^\|?[^|\n]*(?:\|[^|\n]*){2,}\|?$")
#: Markdown's row under the header: `|---|:---:|`.
_PIPE_RULE = regex.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$")


def pipe_tables(lines: list[Line]) -> list[Line]:
    """Tables written with pipes (web pages, Markdown) → the tab-separated rows a ruled table gives.

    A line is a row when it has at least two pipes and a neighbour does too
    (one line with pipes is prose); Markdown's rule row goes.
    """
    rows = [bool(_PIPE_ROW.match(ln.text.strip())) for ln in lines]
    # Markdown closes each row with pipes (`| a | b |`), web text does not
    # (`a | b`): stripping a pipe from the second kind would drop an empty
    # first or last cell and shift the columns.
    framed = [ln.text.strip() for ln, row in zip(lines, rows, strict=True) if row]
    closed = sum(1 for t in framed if t.startswith("|") and t.endswith("|")) * 2 > len(framed)
    out: list[Line] = []
    for i, ln in enumerate(lines):
        near = (i > 0 and rows[i - 1]) or (i + 1 < len(lines) and rows[i + 1])
        if not (rows[i] and near):
            out.append(ln)
            continue
        text = ln.text.strip()
        if _PIPE_RULE.match(text):
            continue
        if closed:
            text = text.removeprefix("|").removesuffix("|")
        cells = [c.strip() for c in text.split("|")]
        out.append(Line(text="\t".join(cells), page=ln.page, hard=True))
    return out


def _rebuild_tables(lines: list[Line]) -> list[Line]:
    try:
        from extractors.normalize.flat_tables import rebuild_flat_tables
    except ImportError:  # the table rebuilder is optional
        return lines
    texts = [ln.text for ln in lines if ln.text.strip()]
    pages = [ln.page for ln in lines if ln.text.strip()]
    rebuilt = rebuild_flat_tables(texts)
    if rebuilt == texts:
        return [ln for ln in lines if ln.text.strip()]
    # Rows merge lines, so page numbers are approximate inside rebuilt tables:
    # text inputs have no pages anyway.
    page = pages[0] if pages else 1
    return [Line(text=t, page=page, hard="\t" in t) for t in rebuilt]


def normalize_text(raw: str, markdown: bool = False, rebuild_tables: bool = True) -> str:
    """Normalise a whole text file (no pages)."""
    return normalize_pages([raw], markdown=markdown, paged=False, rebuild_tables=rebuild_tables).text
