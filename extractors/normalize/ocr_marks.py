"""Punctuation OCR read from specks inside a word or a clause, taken out.

A speck between the two syllables of one word is read as a full stop or a
colon (`chủ. trì`, `biện: pháp`, `Chính :` / `trị`, `môi.` / `trường`) or,
with a space before it, a semicolon (`Tiếp ; tục`). The mark ends a clause
where none ends: a lead agency's `chủ trì` is no longer found, a sentence is
cut in two, a wrapped line starts a paragraph. When the syllables on both
sides make a word of the dictionary underthesea ships
(`text/data/compound_words.txt`) and the second is in lower case, the mark
goes. Written Vietnamese puts none of these marks inside a word: on the
digital samples, the real DOCX plans and the transcripts, no such pair
occurs. A semicolon written the usual way (`… xã hội; đồng thời …`) stays.

Between two syllables that make no one word, a full stop is still OCR's when
a lower-case syllable follows it: glued to both (`công.trình`, `Tham.mưu`) or
before a clause that goes on (`ngành trung ương. trong quá trình`,
`… giao thông luôn .` / `thông suốt`). A Vietnamese sentence starts with a
capital; what writers put there (`TT.Tỉnh ủy`, `P.KT`, `v.v.`, `… đó. b)`,
a table cell after a tab) has a capital, a single letter or a tab, and is
left alone. A lone quote between words (`năm ' 2023`) and a full stop
after another mark (`địa phương..`, `đường bộ,.`), which typing never
produces, go too, and so does a lone dash at a line's end when the clause
goes on below it. A date's year cut in two by a space (`30/9/202 1`,
`tháng 6 năm 202 5`: two rendered poor copies, the deadline or the law's
date lost) is joined: no figure of a date is changed, and no year has three
figures.
"""

from __future__ import annotations

import regex

from extractors.text.dates import DAY, MONTH, SEP, YEAR_WORD
from extractors.text.fold import normalize_tone_marks
from extractors.text.syllables import toneless, toneless_compounds, vocabulary

#: Two syllables with a mark between them: `.`/`:` with or without a space
#: before it, `;` only after a space, or a full stop glued to both; the line
#: may break before or after the mark.
_MARK_INSIDE = regex.compile(
    r"(?<![\p{L}\d.])(?P<a>\p{L}+)(?P<gap>\s?[.:]\s+|[ ];\s+|\.(?=\p{Ll}))(?P<b>\p{Ll}+)(?P<after>[)]?)(?![\p{L}\d@]|\.\p{L})"
)
#: A dash alone at a line's end before a line that goes on in lower case
#: (`… quản lý hoạt động -` / `khai thác …`, `… vướng -` / `mắc …`): a speck in
#: the right margin, 31 times in the six sample scans. A typist's spaced dash can
#: wrap so too (`lịch sử -` / `văn hóa`, once in the real corpus's digital PDFs):
#: on a scan it would lose that one mark.
_DASH_AT_LINE_END = regex.compile(r"(?<=[\p{L}\d,%])[ ]+[-–][ ]*(?=\n\p{Ll})")
#: A quote alone between two words (`năm ' 2023`): a speck.
_LONE_QUOTE = regex.compile(r"(?<=\S)[ ]['`‘’](?=[ ]\S)")
#: A full stop right after a word's mark, not an ellipsis (`địa phương..`, `đường bộ,.`):
#: a speck beside a real mark.
_DOUBLE_STOP = regex.compile(r"(?<=\p{L}([.,;:]))\.(?!\.)")
#: Where a date's year stands: after its day and month in figures, or after the word `năm`.
_BEFORE_YEAR = rf"(?:(?<!\d){DAY}{SEP}{MONTH}{SEP}|{YEAR_WORD}[ ]+)"
#: ... a year of this century or the last cut in two by one space (`202 1`, `20 25`; not
#: `2 025`, which may be a sum written with spaced thousands).
_SPLIT_YEAR = regex.compile(rf"(?<={_BEFORE_YEAR})(?P<a>(?:19|20)\d?)[ ](?P<b>\d{{1,2}})(?![\d\p{{L}}])")


def _syllable(word: str) -> bool:
    return len(word) >= 2 and not word.isupper() and normalize_tone_marks(word.lower()) in vocabulary()


def _speck_stop(m: regex.Match[str]) -> bool:
    """A full stop between two syllables that make no word, which no writer puts there."""
    gap = m["gap"]
    return "." in gap and "\t" not in gap and not m["after"] and _syllable(m["a"]) and _syllable(m["b"])


def drop_marks_inside_words(text: str) -> tuple[str, int]:
    """`text` without the marks OCR read from specks inside a word or clause, and how many went."""
    words = toneless_compounds()
    dropped = 0

    def mend(m: regex.Match[str]) -> str:
        nonlocal dropped
        # Tone-blind: OCR may have dropped a tone too (`bô. sung`); the tone model puts it back after.
        compound = not m["after"] and f"{toneless(m['a'])} {toneless(m['b'])}" in words
        if not (compound or _speck_stop(m)):
            return m.group()
        dropped += 1
        # The line breaks stay (the page's lines keep their count and their indents).
        breaks = m["gap"].count("\n")
        return f"{m['a']}{chr(10) * breaks or ' '}{m['b']}{m['after']}"

    def join_year(m: regex.Match[str]) -> str:
        nonlocal dropped
        year = m["a"] + m["b"]
        if len(year) != 4:
            return m.group()
        dropped += 1
        return year

    text = _MARK_INSIDE.sub(mend, text)
    text = _SPLIT_YEAR.sub(join_year, text)
    for pattern in (_DASH_AT_LINE_END, _LONE_QUOTE, _DOUBLE_STOP):
        text, n = pattern.subn("", text)
        dropped += n
    return text, dropped
