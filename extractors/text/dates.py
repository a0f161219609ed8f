"""Vietnamese date expressions: `ngày 20 tháng 7 năm 2020`, `20/7/2020`, `11-6-2020`.

Shared by the document header, legal references and deadlines, so every table
reads a date the same way.
"""

from __future__ import annotations

import datetime as _dt

import regex

# Pieces, named so the patterns below read like the Vietnamese they match.
DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])"
MONTH = r"(?P<month>0?[1-9]|1[0-2])"
YEAR = r"(?P<year>(?:19|20)\d{2})"
SEP = r"\s*[/\-.]\s*"
#: The word before the year in `ngày … tháng … năm 2024`, also as OCR reads it with its breve
#: or its tone read otherwise (`nấm 2024` on a rendered copy, `hăm` on a real scan): in that
#: place of a date no other word stands.
YEAR_WORD = r"(?i:năm|n\p{L}m|h[ăâa]m)"

#: `ngày 20 tháng 7 năm 2020` (OCR sometimes drops the space or adds one).
WORDY_DATE = rf"ngày\s*{DAY}\s*tháng\s*{MONTH}\s*(?:{YEAR_WORD}|,)\s*{YEAR}"
#: `20/7/2020`, `11-6-2020`, `19-6- 2025`.
NUMERIC_DATE = rf"(?<!\d){DAY}{SEP}{MONTH}{SEP}{YEAR}(?!\d)"
#: `ngày 31/12 năm 2025`: the day and month in figures, the year in words.
MIXED_DATE = rf"(?<!\d){DAY}\s*/\s*{MONTH}\s*năm\s*{YEAR}(?!\d)"
#: `ngày 20/7/2020` – the word is optional.
#: (Every date starts with `ngày` or a digit: the lookahead lets the regex engine skip
#: other positions at once, three times faster over a line.)
DATE = rf"(?=[nN\d])(?:{WORDY_DATE}|(?:ngày\s*)?(?:{NUMERIC_DATE}|{MIXED_DATE}))"

DATE_RE = regex.compile(DATE, regex.IGNORECASE)

#: The date of a header's place-date line (`Kiên Giang, ngày 27 tháng 11 năm
#: 2020`), groups `d`, `m`, `y`: a draft leaves the day or month blank (`ngày
#: tháng 4 năm 2026`); some offices write it in figures (`ngày 27/11/2020`). A
#: day or month OCR could not read (`ngày U6_ tháng 3`: a stamp over it) leaves
#: its group empty, the place still read.
HEADER_DATE = (
    r"(?i:ngày)\s*(?:(?:(?P<d>\d{1,2})|(?!(?i:tháng))\S{1,4})?\s*(?i:tháng)\s*"
    rf"(?:(?P<m>\d{{1,2}})|(?!{YEAR_WORD})\S{{1,4}})?\s*{YEAR_WORD}\s*(?P<y>(?:19|20)\d{{2}})"
    rf"|(?P<d>\d{{1,2}}){SEP}(?P<m>\d{{1,2}}){SEP}(?P<y>(?:19|20)\d{{2}})(?!\d))"
)


def make_date(year, month, day) -> _dt.date | None:
    try:
        return _dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def parse_date(text: str) -> _dt.date | None:
    """The first date in `text`, or None."""
    m = DATE_RE.search(text)
    if not m:
        return None
    return make_date(m.group("year"), m.group("month"), m.group("day"))


def find_dates(text: str):
    """Yield `(start, end, date)` for every date in `text`."""
    for m in DATE_RE.finditer(text):
        d = make_date(m.group("year"), m.group("month"), m.group("day"))
        if d:
            yield m.start(), m.end(), d
