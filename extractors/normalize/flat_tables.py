"""Tables that a text export flattened to one cell fragment per line, rebuilt into rows.

A PDF-to-text export of an indicator table gives lines such as::

    STT Chỉ tiêu Đơn vị
    Đến năm
    2030
    Cơ quan
    chủ trì …
    I VỀ KINH TẾ
    1 Tốc độ tăng trưởng GRDP
    Chi Cục
    Thống kê;
    -
    Bình quân giai đoạn 2021-
    2025
    % >10

with the header repeated at the top of every page. `rebuild_flat_tables`
finds a recognisable header (`STT` + a text column such as `Chỉ tiêu` /
`Nội dung` / `Nhiệm vụ` + further known columns), takes the column list from
it, and rewrites the region into one line per row with `\\t` between cells —
the layout the normalised text uses for tables read from a PDF — dropping the
header's repeats. Lines outside tables come back unchanged.

Rows are told apart by their STT label, which tables number in sequence
(`I`, `II`; `1`, `2`; `a`, `b`; `-`), so a wrapped line that happens to begin
with a number (`2025`, `10.000 dân`) does not open a row. Inside a row the
figure (`% >10`, `Tỷ đồng >7.800`, `0,7`) separates the text before it
(indicator) from the text after it (agency); a row without a figure is split
where an agency name begins (`Sở …`, `Chi cục …`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from extractors.text.labels import ROMAN_WIDE, roman_value
from extractors.text.lexicon import NOI_NHAN, SIGNATURE_MARK, TIME_COLUMN_FIRST
from extractors.text.memo import memo
from extractors.text.numbers import NUMBER, SIGN, is_year, parse_quantity_cell

# ---------------------------------------------------------------- header

#: A year in a column title; OCR may take its last digit for a stroke (`Năm 202!`).
_TITLE_YEAR = r"(?:19|20)\d(?:\d|[!|lI](?!\p{L}))"

#: Column titles, by the role the column plays. Longer titles first inside
#: each alternative so `Đơn vị chủ trì` is an agency, not a unit.
COLUMN_TITLES: list[tuple[str, str]] = [
    ("stt", r"S[ốo]\s*TT|STT|TT"),
    (
        "lead",
        r"(?:Cơ\s+quan|Đơn\s+vị|Sở,?\s+ngành)\s+(?:chủ\s+trì|đầu\s+mối)(?:\s*,?\s*(?:thực\s+hiện|theo\s+dõi|tham\s+mưu|đánh\s+giá|tổng\s+hợp|báo\s+cáo)(?:\s*,\s*|\s+))*",
    ),
    # one column for both roles (`Cơ quan chủ trì, phối hợp`): its cells mark them, as the lead's column is read
    ("lead", r"(?:Cơ\s+quan|Đơn\s+vị)\s+chủ\s+trì\s*(?:,|/|và)\s*phối\s+hợp"),
    ("partners", r"(?:Cơ\s+quan|Đơn\s+vị)\s+phối\s+hợp(?:\s+thực\s+hiện)?"),
    (
        "agency",
        r"(?:Cơ\s+quan|Đơn\s+vị)\s+(?:thực\s+hiện|theo\s+dõi|được\s+giao)|Trách\s+nhiệm(?:\s+thực\s+hiện)?|Chủ\s+trì|Phối\s+hợp"
        # a team plan assigns people: `Người thực hiện`, `Cán bộ phụ trách`
        r"|(?:Người|Cán\s+bộ|Công\s+chức|Thành\s+viên)\s+(?:thực\s+hiện|phụ\s+trách|chủ\s+trì)|(?:Người\s+)?Phụ\s+trách",
    ),
    ("unit", r"Đơn\s+vị\s+tính|ĐVT|Đơn\s+vị"),
    (
        "value",
        r"(?:(?:Chỉ\s+tiêu|Mục\s+tiêu|Kế\s+hoạch|KH|Dự\s+kiến)(?:\s+(?:được\s+)?giao|\s+phấn\s+đấu)?\s+)?"
        rf"(?:(?:Đến|Tới)\s+(?:hết\s+)?năm|Năm|Giai\s+đoạn|Thời\s+kỳ)\s+{_TITLE_YEAR}(?:\s*[-–]\s*{_TITLE_YEAR})?",
    ),
    # `Chỉ tiêu giao`, `Kế hoạch giao`: the figure assigned, beside the `Chỉ tiêu` it is for
    (
        "value",
        r"(?:Chỉ\s+tiêu|Kế\s+hoạch)\s+(?:được\s+)?giao|Mục\s+tiêu|Kế\s+hoạch|KH(?=\s+(?:19|20)\d{2})|Giá\s+trị|Chỉ\s+tiêu\s+phấn\s+đấu|(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?",
    ),
    (
        "text",
        r"(?:Tên\s+)?(?:Chỉ\s+tiêu|Nội\s+dung|Nhiệm\s+vụ|Dự\s+án|Đề\s+án|Công\s+trình|Danh\s+mục|Hạng\s+mục|Lĩnh\s+vực|Công\s+việc|Nhóm\s+chỉ\s+tiêu)(?:\s*,\s*(?:giải\s+pháp|nhiệm\s+vụ|hoạt\s+động)|\s+(?:công\s+việc|nhiệm\s+vụ|thực\s+hiện|chủ\s+yếu|cụ\s+thể))*",
    ),
    # the time column as tasks and deadlines name it (`Thời gian thực hiện`, `Mốc thời gian hoàn thành`)
    ("time", rf"(?:Mốc\s+|Dự\s+kiến\s+)?(?:{TIME_COLUMN_FIRST})(?:\s+(?:thực\s+hiện|hoàn\s+thành|trình))*"),
    (
        "product",
        r"Sản\s+phẩm(?:\s*,?\s*kết\s+quả)?(?:\s+đầu\s+ra)?|Kết\s+quả(?:\s+đầu\s+ra)?|Hình\s+thức(?:\s+văn\s+bản)?",
    ),
    ("funding", r"Kinh\s+phí(?:\s+thực\s+hiện)?|Nguồn\s+(?:vốn|kinh\s+phí)|Tổng\s+(?:vốn|mức\s+đầu\s+tư)"),
    ("note", r"Ghi\s+chú"),
]
_TITLE_RES = [(role, regex.compile(rf"\G\s*(?:{pat})(?!\p{{L}})", regex.IGNORECASE)) for role, pat in COLUMN_TITLES]
#: Words a header line may hold, beyond the column titles: the text export
#: breaks a title anywhere (`Cơ quan` / `chủ trì` / `theo dõi,` / `đánh giá`).
_HEADER_WORD_RE = regex.compile(r"[\p{L}&]+|\d{4}")
_HEADER_WORDS = set(
    """
    stt tt số chỉ tiêu đơn vị tính đvt đến tới hết năm giai đoạn thời kỳ cơ quan chủ trì
    phối hợp thực hiện theo dõi đánh giá tham mưu đầu mối tổng hợp báo cáo sở ngành được
    giao trách nhiệm nội dung nhiệm vụ giải pháp dự án đề án công trình danh mục hạng mục
    lĩnh vực công việc nhóm tên mục kế hoạch giá trị phấn đấu thời gian hạn hoàn thành trình
    tiến độ sản phẩm kết quả đầu ra hình thức văn bản kinh phí nguồn vốn mức tư ghi chú
    hoạt động chủ yếu cụ thể và người cán bộ công chức thành viên phụ trách mốc dự kiến điểm lộ
""".split()
)
_STT_LINE = regex.compile(r"^\s*(?:S[ốo]\s*TT|STT|TT)(?!\p{L})", regex.IGNORECASE)


@dataclass
class Header:
    titles: list[str]
    roles: list[str]
    end: int  # index of the first line after the header

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(self.roles)


#: The next word of a header, with the spaces before it.
_NEXT_WORD = regex.compile(r"\G\s*\S+")
_ONLY_PUNCTUATION = regex.compile(r"[\s,;:()\-–/]*")
#: Text that runs on in lower case after a figure.
_LOWER_AFTER = regex.compile(r"\s*\p{Ll}")


def _split_titles(text: str) -> tuple[list[str], list[str]] | None:
    """`STT Chỉ tiêu Đơn vị Đến năm 2030 Cơ quan chủ trì …` → titles and roles."""
    titles: list[str] = []
    roles: list[str] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        best = None
        for role, pattern in _TITLE_RES:
            m = pattern.match(text, pos)
            if m and (best is None or m.end() > best[1].end()):
                best = (role, m)
        if best is None:
            # Words no title explains (a qualifier such as `(tỷ đồng)`) stay
            # with the title before them.
            m = _NEXT_WORD.match(text, pos)
            if not titles:
                return None
            titles[-1] = (titles[-1] + " " + m.group().strip()).strip()
            pos = m.end()
            continue
        role, m = best
        titles.append(" ".join(m.group().split()))
        roles.append(role)
        pos = m.end()
    return titles, roles


@memo()
def column_role(title: str) -> str:
    """The role of one header cell: `stt`, `text`, `unit`, `value`, `lead`, … or `other`."""
    best = None
    for role, pattern in _TITLE_RES:
        m = pattern.match(title.strip())
        if m and (best is None or m.end() > best[1]):
            best = (role, m.end())
    return best[0] if best else "other"


def header_completed(header: list[str], row: list[str], is_title: Callable[[str], bool]) -> list[str] | None:
    """The header's titles completed by the row under it, when that row splits merged titles.

    `Cơ quan thực hiện` over `Chủ trì | Phối hợp`, `Mục tiêu` over `Năm 2025 |
    Năm 2030`: a reader that does not repeat a merged cell in each row it spans
    (PDF, Markdown, text) leaves the row's other cells empty. None when the row
    holds anything but titles, or its cells do not line up with the header's."""
    titled = [c for c in row if c.strip()]
    if len(row) != len(header) or not titled or not all(is_title(" ".join(c.split())) for c in titled):
        return None
    return [c if c.strip() else title for c, title in zip(row, header, strict=True)]


#: A title's unit in brackets (`Kinh phí (triệu đồng)`, `Tỷ lệ (%)`): any words, a qualifier of the title.
_BRACKETED_UNIT = regex.compile(r"\([^()]{1,20}\)")


def _is_header_line(line: str) -> bool:
    words = _HEADER_WORD_RE.findall(_BRACKETED_UNIT.sub(" ", line))
    if not words:
        return bool(_ONLY_PUNCTUATION.fullmatch(line))
    return all(w.lower() in _HEADER_WORDS or (len(w) == 4 and w.isdecimal()) for w in words)


def match_header(lines: list[str], i: int) -> Header | None:
    """The table header starting at `lines[i]`, if one starts there."""
    if i >= len(lines) or "\t" in lines[i] or not _STT_LINE.match(lines[i]):
        return None
    if not _is_header_line(lines[i]):
        return None
    j = i + 1
    while (
        j < len(lines)
        and j - i < 16
        and "\t" not in lines[j]
        and _is_header_line(lines[j])
        and not _STT_LINE.match(lines[j])
    ):
        j += 1
    parsed = _split_titles(" ".join(ln.strip() for ln in lines[i:j]))
    if not parsed:
        return None
    titles, roles = parsed
    # A table worth rebuilding names what its rows are and at least one more column.
    if roles[0] != "stt" or "text" not in roles or len(roles) < 3:
        return None
    return Header(titles=titles, roles=roles, end=j)


# ---------------------------------------------------------------- rows

_ROMAN = ROMAN_WIDE
#: The STT cell at the start of a line, as tables write it (no `.` needed).
_LABEL_RE = regex.compile(
    rf"""^(?:
        (?P<roman>{_ROMAN})\.?(?=\s|$)
      | (?P<num>\d{{1,3}}(?:\.\d{{1,2}})*)\.?(?=\s|$)
      | (?P<letter>[a-zđ])[.)]?(?=\s+\p{{Lu}}|\s*$)
      | (?P<bullet>[-–+•*])(?=\s|$)
    )""",
    regex.VERBOSE,
)
#: Lines that cannot belong to a table: the next document's header block,
#: signature and distribution blocks, notes under the table.
_TABLE_END_RE = regex.compile(
    rf"^(?:{NOI_NHAN}|{SIGNATURE_MARK}\s|Ghi\s+chú\s*:|Chú\s+thích\s*:|\*\s*Ghi\s+chú|Điều\s+\d+\.|PHỤ\s+LỤC)",
)
#: Where an agency cell begins when a row has no figure to split on.
AGENCY_HEAD = (
    r"(?:Sở|Ban|Chi\s+cục|Cục|UBND|Ủy\s+ban|Công\s+an|Bộ\s+Chỉ\s+huy|Bộ|Văn\s+phòng|Trung\s+tâm|"
    r"Đài|Báo|Hội|Liên\s+đoàn|Tỉnh\s+đoàn|Kho\s+bạc|Ngân\s+hàng|Thanh\s+tra|Bảo\s+hiểm|Cảnh\s+sát|"
    r"Quỹ|Các\s+sở|Các\s+cơ\s+quan|Các\s+đơn\s+vị|Cơ\s+quan|Đơn\s+vị|Tòa\s+án|Viện\s+kiểm\s+sát)(?!\p{L})"
)
_AGENCY_HEAD_RE = regex.compile(AGENCY_HEAD, regex.IGNORECASE)
#: Rows without an STT cell (`Trong đó …`) begin with one of these.
_UNLABELLED_ROW_RE = regex.compile(r"^(?:Trong\s+đó|Trong\s+số|Riêng|Bao\s+gồm)(?!\p{L})", regex.IGNORECASE)

#: A unit cell: `%`, `‰`, or one or two words, the first capitalised
#: (`Tỷ đồng`, `Giường bệnh`, `Tuổi`), optionally per something (`Triệu đồng/người`),
#: or a lower-case measure word.
UNIT_CELL = (
    r"(?:%|‰|\p{Lu}\p{Ll}+(?:[ ]\p{Ll}+)?(?:/\p{Ll}+)?"
    r"|(?:ha|km2?|m2|m3|tấn|người|hộ|lượt|triệu\s+đồng|tỷ\s+đồng)(?:/\p{Ll}+)?)"
)
#: A figure cell: `>10`, `>9,5`, `19-20`, `0,7`, `>7.800`.
VALUE_CELL = rf"(?:{SIGN}\s*)?{NUMBER}(?:\s*[-–]\s*{NUMBER})?%?"
_ANCHOR_RE = regex.compile(rf"(?:(?<=^|\s)(?P<unit>{UNIT_CELL})\s+)?(?<![\p{{L}}\d.,/])(?P<value>{VALUE_CELL})(?=\s|$)")


@dataclass
class _Row:
    label: str
    lines: list[str] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)  # line indices where a page (header repeat) intervened
    kind: str = "item"


_OPEN_RANGE = regex.compile(r"\d[-–/]$")


def _join(parts: list[str]) -> str:
    """Cell fragments joined back; `2021-` + `2025` closes up to `2021-2025`."""
    out = ""
    for p in (x.strip() for x in parts):
        if not p:
            continue
        if out and (_OPEN_RANGE.search(out) and p[:1].isdigit() or out.endswith("/")):
            out += p
        else:
            out = f"{out} {p}" if out else p
    return out


class _Sequence:
    """Which labels may open the next row: numbering runs in order."""

    def __init__(self):
        self.roman = 0
        self.num: list[int] | None = None
        self.letter = ""

    def accepts(self, m) -> bool:
        if m.group("roman"):
            return roman_value(m.group("roman")) == self.roman + 1
        if m.group("num"):
            parts = [int(x) for x in m.group("num").split(".")]
            if self.num is None:
                return parts[0] <= 3  # a table may start a page into its numbering
            prev = self.num
            if len(parts) == 1:
                return parts[0] in (prev[0] + 1, 1)
            # `2.1` under `2`, `2.2` after `2.1`, `3.1` after `2.x`
            return (
                parts[:-1] == prev[: len(parts) - 1]
                and parts[-1] == (prev[len(parts) - 1] + 1 if len(prev) >= len(parts) else 1)
            ) or (parts[0] == prev[0] + 1 and parts[1:] == [1] * (len(parts) - 1))
        if m.group("letter"):
            nxt = "abcdđefghiklmnopqrstuvxy"
            want = nxt[nxt.index(self.letter) + 1] if self.letter in nxt[:-1] else "a"
            return m.group("letter") in (want, "a")
        return True  # bullets

    def take(self, m) -> None:
        if m.group("roman"):
            self.roman = roman_value(m.group("roman"))
            self.letter = ""
        elif m.group("num"):
            self.num = [int(x) for x in m.group("num").split(".")]
            self.letter = ""
        elif m.group("letter"):
            self.letter = m.group("letter")


def _row_start(line: str, seq: _Sequence):
    m = _LABEL_RE.match(line)
    if not m or not seq.accepts(m):
        return None
    return m


def _is_caps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and len(line.split()) >= 2 and all(c.isupper() for c in letters)


def _read_rows(lines: list[str], header: Header, start: int) -> tuple[list[_Row], int]:
    """Rows from `start` until the table ends; returns them and the index after."""
    rows: list[_Row] = []
    seq = _Sequence()
    i = start
    while i < len(lines):
        line = lines[i].strip()
        repeat = match_header(lines, i)
        if repeat is not None and repeat.key == header.key:
            if rows:
                rows[-1].breaks.append(len(rows[-1].lines))
            i = repeat.end
            continue
        if "\t" in line or _TABLE_END_RE.match(line):
            break
        m = _row_start(line, seq)
        if m is not None:
            seq.take(m)
            kind = "group" if m.group("roman") else "item"
            rows.append(_Row(label=m.group().strip(), lines=[line[m.end() :].strip()], kind=kind))
            i += 1
            continue
        if not rows:
            break
        if _is_caps_line(line) and rows[-1].kind != "group":
            break  # the next document's `ỦY BAN NHÂN DÂN`, `CỘNG HÒA …`
        rows[-1].lines.append(line)
        i += 1
    return rows, i


def _anchors(joined: str, has_unit: bool):
    """Figures in a row's text that can be its value cells, with their unit."""
    out = []
    for m in _ANCHOR_RE.finditer(joined):
        q = parse_quantity_cell(m.group("value"))
        if q is None or (is_year(q) and not q.sign):
            continue
        after_at = m.end()
        # `10.000` in `trên 10.000 dân` is inside the indicator: text runs on in lower case.
        if _LOWER_AFTER.match(joined, after_at):
            continue
        if not has_unit and m.group("unit"):
            out.append((m.start("value"), m.end(), "", m.group("value")))
        else:
            out.append((m.start(), m.end(), (m.group("unit") or "").strip(), m.group("value")))
    return out


def _split_agency(text_lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines of a row without a figure: text, then the agency cell."""
    for k in range(1, len(text_lines)):
        if _AGENCY_HEAD_RE.match(text_lines[k]):
            return text_lines[:k], text_lines[k:]
    return text_lines, []


def _cells(row: _Row, header: Header) -> list[list[str]]:
    """One or more rows of cells (`Trong đó …` rows come out of their neighbour)."""
    roles = header.roles
    n = len(roles)
    text_i = roles.index("text")
    unit_i = roles.index("unit") if "unit" in roles else None
    value_is = [k for k, r in enumerate(roles) if r == "value"]
    # Whatever follows the figures (agency, time, notes) goes to the first
    # column after them: a flat export gives no way to tell those cells apart.
    rest_is = [k for k in range(n) if k not in (0, text_i, unit_i) and k not in value_is]
    after_i = next((k for k in rest_is if k > max(value_is + [text_i])), rest_is[0] if rest_is else None)

    def blank() -> list[str]:
        return [""] * n

    def without_figure() -> list[list[str]]:
        cells = blank()
        cells[0] = row.label
        body, agency = _split_agency(row.lines) if after_i is not None else (row.lines, [])
        cells[text_i] = _join(body)
        if after_i is not None:
            cells[after_i] = _join(agency)
        return [cells]

    if row.kind == "group" or not value_is:
        return without_figure()
    # Lines joined with newlines so a figure's position says which line it is on.
    joined = "\n".join(row.lines)
    starts = [0]
    for ln in row.lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    anchors = _anchors(joined, unit_i is not None)
    if not anchors:
        return without_figure()

    # Consecutive figures fill the value columns left to right (`Năm 2025 | Năm 2030`).
    groups: list[list[tuple]] = []
    for a in anchors:
        if groups and len(groups[-1]) < len(value_is) and not joined[groups[-1][-1][1] : a[0]].strip() and not a[2]:
            groups[-1].append(a)
        else:
            groups.append([a])

    out: list[list[str]] = []
    label = row.label
    seg_start = 0
    for g_i, group in enumerate(groups):
        g_start, g_end = group[0][0], group[-1][1]
        nxt_start = groups[g_i + 1][0][0] if g_i + 1 < len(groups) else None
        text = joined[seg_start:g_start]
        if nxt_start is None:
            tail, seg_start = joined[g_end:], len(joined)
        else:
            # The agency of this row ends where the next unlabelled row's text
            # begins: after a page break, or at `Trong đó …`.
            between = joined[g_end:nxt_start]
            cut = _unlabelled_cut(between, g_end, row, starts)
            tail, seg_start = between[:cut], g_end + cut
        cells = blank()
        cells[0] = label
        cells[text_i] = _join(text.split("\n"))
        if unit_i is not None:
            cells[unit_i] = group[0][2]
        for k, a in zip(value_is, group, strict=False):
            cells[k] = a[3].strip()
        if after_i is not None:
            cells[after_i] = _join(tail.split("\n"))
        out.append(cells)
        label = ""
    return out


#: Words an indicator row's text starts with: where an unlabelled row begins
#: when no page break or `Trong đó` marks it.
_ROW_TEXT_HEAD_RE = regex.compile(
    r"^(?:Tỷ\s+lệ|Tỉ\s+lệ|Tốc\s+độ|Số|Tổng|Chỉ\s+số|Giá\s+trị|Thu\s+nhập|Diện\s+tích|Sản\s+lượng)(?!\p{L})"
)


def _unlabelled_cut(between: str, offset: int, row: _Row, starts: list[int]) -> int:
    """Where, inside `between` (text from one figure to the next), a new row begins."""
    for b in row.breaks:
        if b < len(starts) and offset <= starts[b] <= offset + len(between):
            return starts[b] - offset
    for m in regex.finditer(r"(?m)^.*$", between):
        if m.start() > 0 and (_UNLABELLED_ROW_RE.match(m.group()) or _ROW_TEXT_HEAD_RE.match(m.group())):
            return m.start()
    return len(between)


#: A row's label alone in its cell; a group row's is a Roman numeral or a capital (`A | Chính quyền số`).
#: … or numbered under another row (`1.1`, `2.3`).
_LABEL_ONLY = regex.compile(rf"^(?:{ROMAN_WIDE}|\d{{1,3}}(?:\.\d{{1,2}})*|[a-zđ]|[A-ZĐ]|[-–+•*])\.?$")
_ROMAN_ONLY = regex.compile(rf"^(?:{ROMAN_WIDE}|[A-ZĐ])\.?$")
_NUMBERING = regex.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")


def _numbers_follow(label: str, cell: str) -> bool:
    """Whether the number `cell` comes next after `label`: its sibling (`2` after `1`, `1.2` after
    `1.1`), its first child (`1.1` after `1`), or a sibling of a level above (`2` or `2.1` after `1.2`)."""
    p = [int(x) for x in label.rstrip(".").split(".")]
    c = [int(x) for x in cell.rstrip(".").split(".")]
    if len(c) == len(p) + 1:
        return c[:-1] == p and c[-1] == 1
    if len(c) <= len(p):
        return c[:-1] == p[: len(c) - 1] and c[-1] == p[len(c) - 1] + 1
    return False


def _opens_next_row(cell: str, label: str) -> bool:
    """Whether a line of a one-cell-per-line table is the next row's label: after a
    numbered row a number opens a row only as the next number, so a figure cell
    (`1` / `Số xã đạt chuẩn` / `xã` / `40`, `1.5`) stays in its row."""
    if not _LABEL_ONLY.match(cell):
        return False
    if _NUMBERING.match(cell) and _NUMBERING.match(label):
        return _numbers_follow(label, cell)
    return "." not in cell.rstrip(".")  # `1.5` after a lettered row is a figure


def _cell_per_line(lines: list[str], header: Header, start: int) -> tuple[list[str], int] | None:
    """A table exported one cell per line: the header one title per line, then
    each row as that many lines, opening with its STT label. Rows come back as
    tab-separated lines; None when the lines do not fall into such groups."""
    n = len(header.titles)
    if header.end - start != n or n < 3:
        return None
    rows: list[str] = []
    j = header.end
    while j < len(lines) and _LABEL_ONLY.match(first := lines[j].strip()):
        group = [first]
        k = j + 1
        while (
            k < len(lines)
            and len(group) < n
            and not _opens_next_row(cell := lines[k].strip(), first)
            and "\t" not in cell
        ):
            group.append(cell)
            k += 1
        if len(group) < n:
            # A group row (`I` / `Hoàn thiện thể chế, quy hoạch`) whose empty cells were
            # not written: its title alone, and the next row's label right after it.
            # … or a number the next row is numbered under (`1` / `Nhóm nhiệm vụ …` / `1.1`).
            under = k < len(lines) and lines[k].strip().startswith(f"{first.rstrip('.')}.1")
            if len(group) != 2 or not (_ROMAN_ONLY.match(first) or under) or k >= len(lines) or not lines[k].strip():
                break
            group += [""] * (n - 2)
        rows.append("\t".join(group))
        j = k
    if not rows or (j < len(lines) and _LABEL_ONLY.match(lines[j].strip())):
        return None  # a row broke off mid-way: leave it to the figure-based reading
    return ["\t".join(header.titles), *rows], j


#: A schedule's time cell: a date, a month, a quarter, a year, or a cycle (`Trước ngày 10/4/2026`,
#: `Từ ngày 15/4 - 15/5/2026`, `Quý II/2026`, `Hằng năm`, `Thường xuyên`).
_TIME_CELL = regex.compile(r"(?:19|20)\d{2}|\d{1,2}\s*/\s*\d{1,2}|^(?:Hằng|Hàng|Thường\s+xuyên|Định\s+kỳ)", regex.I)
#: Most titles a schedule's header has.
_MOST_TITLES = 8
#: A schedule's first title (the time column's), tried before any line is parsed as a header.
_TIME_TITLE_LINE = regex.compile(
    rf"^\s*(?:{next(pat for role, pat in COLUMN_TITLES if role == 'time')})\s*$", regex.IGNORECASE
)


def _time_first_cells(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """A schedule exported one cell per line with its time column first (`Thời gian` / `Nội
    dung` / `Đơn vị thực hiện` / …): no STT label opens its rows, so a row is as many lines as
    the header has titles, its first a time and its agency cell a name. Rows come back
    tab-separated; None when the lines do not fall into such groups."""
    if not _TIME_TITLE_LINE.match(lines[start]):
        return None
    titles: list[str] = []
    roles: list[str] = []
    j = start
    while j < len(lines) and len(titles) < _MOST_TITLES and (line := lines[j].strip()) and "\t" not in line:
        parsed = _split_titles(line) if _is_header_line(line) else None
        if not parsed or len(parsed[1]) != 1:
            break
        titles.append(parsed[0][0])
        roles.append(parsed[1][0])
        j += 1
    n = len(titles)
    if n < 3 or roles[0] != "time" or "text" not in roles or not {"lead", "agency"} & set(roles):
        return None
    agency = roles.index("lead") if "lead" in roles else roles.index("agency")
    rows: list[str] = []
    while j + n <= len(lines):
        cells = [ln.strip() for ln in lines[j : j + n]]
        if any(not c or "\t" in c for c in cells) or not _TIME_CELL.search(cells[0]):
            break
        if not cells[agency][:1].isupper() or _TIME_CELL.search(cells[agency]):
            break  # an agency's name opens with a capital and holds no time
        rows.append("\t".join(cells))
        j += n
    return (["\t".join(titles), *rows], j) if rows else None


def rebuild_flat_tables(lines: list[str]) -> list[str]:
    """Rewrite flattened tables among `lines` (stripped raw lines) into tab-separated rows.

    A table starts at a recognisable header; its repeats on later pages are
    dropped; lines outside tables are returned unchanged.
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        if (schedule := _time_first_cells(lines, i)) is not None:
            table, i = schedule
            out += table
            continue
        header = match_header(lines, i)
        if header is None:
            out.append(lines[i])
            i += 1
            continue
        if (rebuilt := _cell_per_line(lines, header, i)) is not None:
            table, i = rebuilt
            out += table
            continue
        rows, j = _read_rows(lines, header, header.end)
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        out.append("\t".join(header.titles))
        for row in rows:
            for cells in _cells(row, header):
                out.append("\t".join(cells))
        i = j
    return out
