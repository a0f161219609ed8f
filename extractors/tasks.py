"""Assigned tasks: who does what, with whom, by when.

A task is one of

* a bullet (`-`, `+`) or plain paragraph under a labelled item of a nhiệm vụ /
  tổ chức thực hiện section,
* a labelled item (`2.`, `a)`, `1.3.`) that is itself a sentence with no
  bullets under it, or
* a row of a task table (`Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
  Thời gian | Sản phẩm`), wherever it sits.

An item that only names who is responsible — `2.1. Sở Tài chính`, `a) Sở X chủ
trì, phối hợp với A, B:`, `1. Các sở, ban ngành và Ủy ban nhân dân các
huyện` — is a heading, not a task: it hands its lead and partners down to the
tasks under it. A task's own subject (`Sở X chủ trì …`, `Giao Sở X …`,
`Thủ trưởng A; Chủ tịch B …`) overrides what it inherits; its `phối hợp (với)
…` objects add to the inherited partners. Articles of a Quyết định (`Điều 2.
Thủ trưởng các sở … chịu trách nhiệm thi hành`) count only when they name who.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import regex

from extractors.agencies import (
    agency_at,
    agency_chain,
    find_agencies,
    from_capitals,
    names_no_action,
    span_names,
    split_agencies,
)
from extractors.deadlines import TICK_CELL, damaged_time_title, table_blocks
from extractors.document import ParsedDoc
from extractors.normalize.flat_tables import header_completed
from extractors.sections import classify_line, heading_kind, is_title_like, opens_on_kind
from extractors.text.labels import ROMAN_LOOKALIKE, without_label_marks
from extractors.text.lexicon import (
    ARRANGEMENT_HEADINGS,
    CARRY_OUT_CLOSING,
    COOPERATION_ADVERBS,
    FIELD_NAME,
    LEAD_COLUMN,
    NAME_HEAD,
    NAME_WORD,
    OWN_CLOSING,
    TIME_COLUMN_ANY,
    TIME_COLUMN_FIRST,
    TIME_SLOT_NAME,
)
from extractors.text.patterns import END, NOCASE, ROW_NUMBER, alt, is_caps, loose, loose_alt
from schemas import Task

#: Section kinds whose items are tasks.
TASK_KINDS = frozenset({"nhiem_vu_giai_phap", "to_chuc_thuc_hien"})
#: Parts that state what the plan is for, whose items are no tasks.
_GOAL_KINDS = frozenset({"muc_tieu", "muc_dich_yeu_cau"})

_F = NOCASE
_SP = r"\s+"
_END = END

# ---------------------------------------------------------------- text pieces

#: A bullet marker at the start of a line; `-Thực hiện` happens too.
BULLET = r"(?P<marker>[-–—+•*▪●◦・])\s*"
_BULLET_RE = regex.compile(BULLET)
#: Sentence-final punctuation: a line that ends without it is a heading.
_FINAL_PUNCT = regex.compile(r"[.;!?…]\W*$|\./\.\s*$")
#: Closing formulas after the last item (`Trên đây là Kế hoạch …`).
_CARRY_OUT = regex.compile(CARRY_OUT_CLOSING, _F)
_CLOSING = regex.compile(rf"^(?:Trên\s+đây\s+là|Nơi\s+nhận|{OWN_CLOSING})", _F)
#: A whole line in brackets is a note, not a task.
_NOTE = regex.compile(r"^\(.*\)\.?$")
#: A sentence that only points to where the tasks are (`Các nhiệm vụ cụ thể tại Phụ lục
#: kèm theo.`, `Chi tiết theo Biểu số 01 đính kèm`): the appendix's rows are the tasks.
_APPENDIX_POINTER = regex.compile(
    r"^[^.;:]{0,60}?(?<!\p{L})(?:tại|theo|như)\s+(?:các\s+)?(?:Phụ\s+lục|Biểu|Danh\s+mục)(?!\p{L})[^.;:]{0,40}[.;]?$",
    _F,
)

#: Words before the agency a task is given to: `Giao Sở X …`, `Đề nghị …`.
ASSIGN_PREFIX = (
    rf"(?:Giao(?:\s+cho)?|{loose('Đề nghị')}|{loose('Yêu cầu')}|{loose('Phân công')}"
    rf"|{loose('Ủy quyền cho')})" + _END + r"\s+"
)
_ASSIGN_PREFIX_RE = regex.compile(ASSIGN_PREFIX, _F)
#: Where the list of responsible agencies stops and the assignment starts.
ASSIGN_VERBS = (
    "(?:"
    + "|".join(
        loose(v) if " " in v else v
        for v in (
            "chủ trì",
            "phối hợp",
            "là",
            "có trách nhiệm",
            "chịu trách nhiệm",
            "thực hiện",
            "triển khai",
            "tham mưu",
            "tổ chức",
            "xây dựng",
            "theo",
            "trong",
            "căn cứ",
            "chủ động",
            # the body hands the work on (`Bộ trưởng Bộ X phân cấp cho Ủy ban nhân dân cấp tỉnh …:`)
            "phân cấp",
            "giao",
            "ủy quyền",
        )
    )
    + ")"
    + _END
)
_ASSIGN_VERB_RE = regex.compile(ASSIGN_VERBS, _F)
#: A sentence ends inside the text: no name runs over it.
_SENTENCE_END_RE = regex.compile(r"[;!?]|\.\s+\p{Lu}")
_ADVERB = loose_alt(COOPERATION_ADVERBS)
#: `phối hợp với`, `phối hợp chặt chẽ, kịp thời với`, `phối hợp` + object, `sự phối hợp của`,
#: and the spoken `phối kết hợp với`, `với sự tham gia của`; loose vowels, as OCR writes `phối họp`.
PARTNER_CUE = (
    rf"(?:(?:{loose('phối hợp')}|{loose('phối kết hợp')})(?:(?:\s*,\s*|\s+và\s+|\s+){_ADVERB}{_END})*"
    rf"(?:\s+(?:với|cùng|của))?|{loose('sự phối hợp của')}|{loose('với sự tham gia của')})" + _END + r"\s*"
)
_PARTNER_CUE_RE = regex.compile(PARTNER_CUE, _F)
#: Explicit role fields: `Cơ quan chủ trì: …`, `Đơn vị phối hợp: …`, and the role
#: word alone opening the text, a line or a clause (`Chủ trì: Sở X; Phối hợp: Sở Y`
#: in a `Cơ quan thực hiện` cell); after a name it is the name's verb (`Sở X chủ trì: …`).
ROLE_FIELD = (
    r"(?P<role>(?:cơ\s+quan|đơn\s+vị)(?:,\s*(?:đơn\s+vị|cơ\s+quan))?\s+"
    r"(?:chủ\s+trì|thực\s+hiện|phối\s+hợp|chịu\s+trách\s+nhiệm)"
    r"|(?<=(?:^|[;\n]|\.\s)[\s\-+•]*)(?:chủ\s+trì|phối\s+hợp))"
    r"\s*:\s*(?P<value>[^;\n]+?)\s*(?=[;.]\s|[;.]?$|\n)"
)
_ROLE_FIELD_RE = regex.compile(ROLE_FIELD, _F)
#: `Sản phẩm: …`, `Sản phẩm, kết quả: …`.
PRODUCT_FIELD = r"sản\s+phẩm(?:\s+(?:đầu\s+ra|dự\s+kiến))?(?:\s*(?:,|và)\s*kết\s+quả)?\s*:\s*(?P<value>[^;\n]+?)\s*(?=[;.]\s|[;.]?$|\n)"
_PRODUCT_RE = regex.compile(PRODUCT_FIELD, _F)
#: `Thời gian thực hiện: …`, `Thời hạn hoàn thành: …`.
TIME_FIELD = rf"{TIME_SLOT_NAME}\s*:\s*(?P<value>[^;\n]+?)\s*(?=[;.]\s|[;.]?$|\n)"
_TIME_FIELD_RE = regex.compile(TIME_FIELD, _F)

# -- time expressions, as written ------------------------------------------------

YEAR = r"(?:19|20)\d{2}"
YEAR_RANGE = rf"{YEAR}\s*[-–]\s*{YEAR}"
#: `05 tháng 12`, `15/6`, `15/6/2025`.
DAY_MONTH = r"\d{1,2}\s*(?:tháng\s*\d{1,2}|/\s*\d{1,2})(?:\s*(?:năm\s*|/\s*)" + YEAR + ")?"
EVERY = r"(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)"
#: Recurring or ongoing: `Định kỳ trước ngày 05 tháng 12 hàng năm`, `hằng năm`,
#: `theo định kỳ hoặc đột xuất`, `định kỳ 6 tháng`, `Thường xuyên`.
RECURRING = (
    rf"(?:(?:theo\s+)?định\s+kỳ(?:\s+\d+\s+tháng|\s+{EVERY})?(?:\s+hoặc\s+đột\s+xuất)?"
    rf"(?:(?:\s*\(\s*|\s+)trước\s+ngày\s+{DAY_MONTH}(?:\s*\))?)?(?:\s+{EVERY})?"
    rf"|(?:(?:trước|chậm\s+nhất)\s+ngày\s+{DAY_MONTH}\s+)?{EVERY}|thường\s+xuyên(?=\s*[,;.)]|\s+\p{{Ll}}))"
)
#: A due point: `trước năm 2028`, `đến hết năm 2025`, `trong quý III/2024`,
#: `năm 2020 phải hoàn thành`.
DUE = (
    rf"(?:(?:trước|đến\s+hết|chậm\s+nhất(?:\s+là)?|trong|hoàn\s+thành\s+trong|hoàn\s+thành\s+trước)\s+"
    rf"(?:ngày\s+{DAY_MONTH}|tháng\s+\d{{1,2}}(?:\s*/\s*|\s+năm\s+){YEAR}|quý\s+[IV]{{1,3}}(?:\s*/\s*|\s+năm\s+){YEAR}|năm\s+{YEAR})"
    rf"|năm\s+{YEAR}(?=\s+(?:phải\s+|sẽ\s+)?hoàn\s+thành))"
)
#: A period the task runs over: `giai đoạn 2021 - 2025`, `từ năm 2024 đến năm 2026`.
PERIOD = rf"(?:(?:giai\s+đoạn|thời\s+kỳ)\s+{YEAR_RANGE}|từ\s+năm\s+{YEAR}\s+(?:đến|-)\s+(?:năm\s+)?{YEAR})"
_TIME_RE = regex.compile(rf"(?P<recurring>{RECURRING})|(?P<due>{DUE})|(?P<period>{PERIOD})", _F)
#: What every match of `_TIME_RE` holds (a digit of its year or day, or its cycle
#: word): a task without one is turned away before the slow scan (half of them).
_TIME_HINT = regex.compile(r"\d|định|hằng|hàng|thường", _F)

# -- task tables -------------------------------------------------------------------

#: Column headers, checked in this order (a `Cơ quan phối hợp` column is not the lead).
#: A header names its column by its first words (`Nội dung thực hiện` is the
#: task, `Thời gian thực hiện` the time, `Cơ quan thực hiện` the lead).
_TASK_HEADER = r"nhiệm\s+vụ|nội\s+dung|hoạt\s+động|công\s+việc|giải\s+pháp|đề\s+án|dự\s+án|chương\s+trình"
TABLE_COLUMNS: list[tuple[str, str]] = [
    ("stt", r"^(?:stt|tt|số\s+tt|số\s+thứ\s+tự)$"),
    ("partners", r"phối\s+hợp"),
    ("timeframe", rf"^(?:{TIME_COLUMN_FIRST})"),
    ("product", r"^(?:sản\s+phẩm|kết\s+quả)"),
    ("task", rf"^(?:tên\s+)?(?:{_TASK_HEADER})"),
    ("lead", LEAD_COLUMN),
    ("timeframe", TIME_COLUMN_ANY),
    ("product", r"sản\s+phẩm"),
    # an address or a note names no task (`Địa chỉ Dự án`, `Tên và địa chỉ Dự án` in a list of the units inspected)
    ("task", rf"^(?!.*\bđịa\s+chỉ|ghi\s+chú).*(?:{_TASK_HEADER})"),
]
_TABLE_COLUMNS_RE = [(name, regex.compile(p, _F)) for name, p in TABLE_COLUMNS]
#: A group row's label: a Roman numeral (or OCR's look-alike of one, `Ï`, `lI`, `I1`: strokes with a
#: letter among them, as a row's number has none), a letter.
_GROUP_LABEL = regex.compile(rf"^(?:[IVXLC]+|(?!\d+\.?$)[{ROMAN_LOOKALIKE}]{{1,4}}|[A-ZĐ]|[a-zđ])\.?$")


# ---------------------------------------------------------------- assignment


@dataclass
class Assignment:
    """Who a piece of text gives the work to."""

    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    #: The lead is a group after an opening clause (`Trên cơ sở Kế hoạch này, các đơn vị,
    #: địa phương …`): those the heading above names, when it names any.
    refers_back: bool = False


#: `các bộ ngành trung ương` and, later in the task, `Bộ ngành trung ương`: one group named twice.
_GROUP_WORD = regex.compile(r"^(?:các|những)\s+", _F)


def _group_key(name: str) -> str:
    return _GROUP_WORD.sub("", name).casefold()


def _dedupe(names, exclude=()) -> list[str]:
    out: list[str] = []
    seen = {_group_key(n) for n in exclude}
    for n in names:
        if n and _group_key(n) not in seen:
            seen.add(_group_key(n))
            out.append(n)
    return out


#: The two roles a plan gives agencies: `chủ trì` (leads), `phối hợp` (takes part).
LEADS = r"chủ\s+trì"
PARTNERS = r"phối\s+hợp"
#: A small word straight after a name: what the body does, however the verb is spelled; a name
#: goes on only over a comma, `và` or a capital (`Ban Chỉ huy Phòng chống thiên tai, tìm kiếm …:`).
_SMALL_WORD_NEXT = regex.compile(r"[ \t]+(?!và\b)\p{Ll}")
#: An issuer handing the work on: `… giao`, `… giao:`, `… giao cho`, `… phân cấp cho`, `… ủy quyền cho` (one
#: that `chỉ đạo`, directs, keeps it).
#: `…; giao Sở X thực hiện`, `…, giao cho Sở X …`, `… . Giao Sở X …`: the work assigned after it is
#: stated, at a clause's start (`nhiệm vụ được giao`, `giao đất` name no assignee).
_HANDED_LATER_RE = regex.compile(r"(?:[;,.:]\s*|\s[-–]\s)giao(?:\s+cho)?\s+", _F)
_HANDS_ON_RE = regex.compile(rf"\s+(?:giao(?:\s+cho)?|(?:phân\s+cấp|{loose('ủy quyền')})\s+cho)\s*:?\s+", _F)
#: `Sở X chủ trì` or `Sở X (chủ trì)` inside a task that opens on its action; not after a partner cue.
_PARTNER_BEFORE_RE = regex.compile(rf"{PARTNER_CUE}\s*$", _F)
_LEAD_WORD_RE = regex.compile(LEADS, _F)
_LEADS_RE = regex.compile(rf"\s*\(?\s*{LEADS}(?![\p{{L}}])", _F)


def _leading_mid_text(text: str) -> list[tuple[int, int]]:
    """The agencies a task names as its lead after its action: `Rà soát … (Sở X chủ trì, …)`,
    `Rà soát …; giao Sở X thực hiện`. Only where no heading above names the lead: under
    one, `giao` hands the work on (`Chỉ đạo, giao các phòng chuyên môn thực hiện`)."""
    if _LEAD_WORD_RE.search(text):
        for s, e, _ in find_agencies(text):
            if _LEADS_RE.match(text, e) and not _PARTNER_BEFORE_RE.search(text, max(0, s - 25), s):
                return agency_chain(text, s) or [(s, e)]
    for handed in _HANDED_LATER_RE.finditer(text):
        if chain := agency_chain(text, handed.end()):
            return chain
    return []


def _partner_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PARTNER_CUE_RE.finditer(text):
        chain = agency_chain(text, m.end(), bare=True, semicolons=False)
        if chain:
            # `cơ quan quản lý nhà nước về tài nguyên nước (Bộ X)`: the brackets
            # name the body the words before them describe.
            named = _bracketed_agency(text, chain[-1][1], _BRACKET_AFTER_CHAIN)
            spans.extend(chain[:-1] + [named] if named else chain)
            continue
        # `phối hợp với những nơi quản lý … (Bộ X)`: the agency is only named
        # in brackets within the same clause.
        named = _bracketed_agency(text, m.end(), _BRACKET_IN_CLAUSE)
        if named:
            spans.append(named)
    for opening, cue, bare in _NAMED_BEFORE_CUE:
        for m in opening.finditer(text):
            chain = agency_chain(text, m.end(), bare=bare, semicolons=False)
            if chain and cue.match(text, chain[-1][1]):
                spans.extend(chain)
    return spans


#: Where a clause opens inside a task's text: after `(`, `;` or a full stop.
_CLAUSE_OPENING = regex.compile(r"(?:[(;]|\.\s)\s*(?=\p{Lu})")
#: `phối hợp` that ends its clause (no object follows it).
_CUE_CLOSES = regex.compile(rf"\s+{PARTNERS}\s*(?=[;.)]|$)", _F)
#: The lead's cue and the comma or semicolon after it: `chủ trì,`, `chủ trì thực hiện;`.
_AFTER_LEAD_CUE = regex.compile(rf"{LEADS}(?:\s+thực\s+hiện)?\s*[,;]\s*", _F)
#: The lead's cue, the rest of its clause and the semicolon that ends it.
_AFTER_LEAD_CLAUSE = regex.compile(rf"{LEADS}[^;.\n]*;\s*(?=\p{{Lu}})", _F)
#: `phối hợp` as the verb of the bodies before it (`…, Sở Tài chính phối hợp (với …)`).
_CUE_OPENS = regex.compile(rf"\s+{PARTNERS}(?!\p{{L}})", _F)
#: Partners named before their cue: where the words naming them open, the cue after them,
#: and whether a group without `các` may name them there.
_NAMED_BEFORE_CUE = [
    # `(Công an tỉnh chủ trì; Sở Khoa học và Công nghệ phối hợp; …)`: a clause the cue ends
    (_CLAUSE_OPENING, _CUE_CLOSES, False),
    # `Sở Y tế chủ trì, Sở Tài chính phối hợp thực hiện …`: between the lead's cue and their own
    (_AFTER_LEAD_CUE, _CUE_OPENS, True),
    # `Sở X chủ trì hướng dẫn …; Sở Y tế phối hợp kiểm tra …`: the next clause after the lead's
    (_AFTER_LEAD_CLAUSE, _CUE_OPENS, False),
]


#: The opening bracket of `(Agency)` a few words after an agency chain, in its clause.
_BRACKET_AFTER_CHAIN = regex.compile(r"[^.;:,()\n]{0,80}\(")
#: … and after a partner cue, anywhere in its clause.
_BRACKET_IN_CLAUSE = regex.compile(r"[^.;:()\n]{0,160}\(")


def _bracketed_agency(text: str, pos: int, opening: regex.Pattern) -> tuple[int, int] | None:
    """`(Agency)` whose bracket `opening` finds from `pos`, as a span inside the brackets."""
    m = opening.match(text, pos)
    if not m:
        return None
    e = agency_at(text, m.end())
    if e is not None and text[e : e + 1] == ")":
        return m.end(), e
    return None


#: A clause that opens a sentence before its subject: `Căn cứ nội dung Kế hoạch, …`,
#: `Theo chức năng, nhiệm vụ được giao, …`, `Trên cơ sở …, …`, and the time or
#: condition it is done at: `Trong quá trình thực hiện, nếu có vướng mắc, …`,
#: `Định kỳ hằng năm, …`, `Khi …, …`.
INTRO_OPENER = (
    rf"(?:{loose('Căn cứ')}|{loose('Theo')}(?!\s+dõi)|{loose('Trên cơ sở')}|{loose('Trong phạm vi')}"
    rf"|{loose('Trong quá trình')}|{loose('Định kỳ')}|(?:{loose('Hằng')}|{loose('Hàng')})\s+(?:năm|quý|tháng|tuần)"
    rf"|{loose('Khi')}|{loose('Nếu')}|{loose('Sau khi')})" + _END
)
_INTRO_RE = regex.compile(INTRO_OPENER, _F)
_COMMA_RE = regex.compile(r",\s*")
#: What a subject does next: a word in small letters that is no preposition or joining
#: word (`… phản ánh về Bộ Công Thương, Ủy ban nhân dân cấp tỉnh để …` names an object).
_VERB_NEXT_RE = regex.compile(r"\s+(?!(?:để|và|hoặc|về|của|tại|nơi|cho|với|thuộc|ở|trên)(?!\p{L}))\p{Ll}")
#: How far into the sentence the subject may come after the opening clause.
_INTRO_CHARS = 160


def _after_intro(text: str) -> int | None:
    """Where the subject starts after an opening clause: a body, named or a group
    (`các sở, ngành, địa phương`), whose list is followed by what it does, not by
    more of a list."""
    if not _INTRO_RE.match(text):
        return None
    for c in _COMMA_RE.finditer(text, 0, _INTRO_CHARS):
        if chain := agency_chain(text, c.end()):
            return c.end() if _VERB_NEXT_RE.match(text, chain[-1][1]) else None
    return None


#: A department's head written in small letters before its capitalised name (`phòng Kinh tế`).
_LOWER_HEAD_RE = regex.compile(r"(?-i:(?:phòng|sở|ban|trung\s+tâm|văn\s+phòng|chi\s+cục|cục)\s+\p{Lu})")


#: `Phòng Cảnh sát quản lý hành chính về trật tự xã hội chủ trì …`: a name that goes on in small
#: letters after its capitals, up to the lead's cue with nothing between but words.
_NAME_TO_CUE_RE = regex.compile(rf"(?-i:(?:[ \t]+[\p{{Ll}}\p{{M}}]+){{1,12}}?)(?=[ \t]+{LEADS}{_END})", _F)


def parse_assignment(text: str) -> Assignment:
    """Lead and partners a task or heading names itself.

    Lead: the list of agencies the text opens with (after `Giao`, `Đề nghị` …)
    or an explicit `Cơ quan chủ trì:` field. Partners: the objects of every
    `phối hợp (với)` and any `Cơ quan phối hợp:` field.
    """
    a = Assignment()
    if not text:
        return a
    if to := _ADDRESSED_RE.match(text):
        rest = parse_assignment(text[to.end() :])
        if agency_at(to.group("who"), 0, bare=True) is None:
            return rest  # `Đối với hồ sơ tồn đọng: Sở Tư pháp rà soát …`: a topic, then who acts
        # `Đối với Đoàn kiểm tra: Các thành viên …`, `Đối với đơn vị được kiểm tra: Chuẩn bị …`:
        # the work after the colon is the addressee's
        a.lead = split_agencies(to.group("who"))
        a.partners = _dedupe(rest.partners, exclude=a.lead)
        return a
    start = 0
    m = _ASSIGN_PREFIX_RE.match(text)
    if m and _LOWER_HEAD_RE.match(text, m.end()):
        # `Giao phòng Quản lý công nghiệp …`: the issuer's own office, its head written small
        text = text[: m.end()] + text[m.end()].upper() + text[m.end() + 1 :]
    after_intro = False
    if m and agency_at(text, m.end()) is not None:
        start = m.end()
    elif (after := _after_intro(text)) is not None:
        start, after_intro = after, True
    chain = agency_chain(text, start)
    if chain and (handed := _HANDS_ON_RE.match(text, chain[-1][1])) and agency_at(text, handed.end()) is not None:
        chain = agency_chain(text, handed.end())  # `Ủy ban nhân dân tỉnh giao Sở X chủ trì …`: Sở X leads
    if len(chain) == 1 and (small := _NAME_TO_CUE_RE.match(text, chain[0][1])) and names_no_action(small.group()):
        chain = [(chain[0][0], small.end())]
    if chain:
        a.lead = span_names(text, chain)
        a.refers_back = after_intro and all(_GROUP_WORD.match(name) for name in a.lead)
        end = chain[-1][1]
        colon = text.find(":", end)
        # `Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn …: …` — a name
        # longer than the extent rules see, ended by the colon.
        if (
            0 < colon - end <= 150
            and not _ASSIGN_VERB_RE.search(text, end, colon)
            # `Ủy ban nhân dân cấp tỉnh cấp Giấy chứng nhận đối với:`, `Tổng cục Hải quan xử phạt …:`
            and not _SMALL_WORD_NEXT.match(text, end)
            and not _SENTENCE_END_RE.search(text, end, colon)  # `Sở X hướng dẫn …. Thời gian: …`
            and text[end:colon].strip(" ,")
            and "\n" not in text[end:colon]
        ):
            a.lead = split_agencies(text[start:colon])
    partners = span_names(text, sorted(_partner_spans(text)))
    for f in _ROLE_FIELD_RE.finditer(text):
        if regex.search(r"phối\s+hợp", f.group("role"), _F):
            partners.extend(split_agencies(f.group("value")))
        elif not a.lead:
            roles = cell_assignment(f.group("value"))  # `Cơ quan thực hiện: Sở X (chủ trì); Sở Y`
            a.lead = roles.lead
            partners.extend(roles.partners)
    a.partners = _dedupe(partners, exclude=a.lead)
    return a


#: `(chủ trì)`, `(phối hợp)` after a name in an agency cell.
_ROLE_MARK_RE = regex.compile(rf"\(\s*(?:(?P<lead>{LEADS})|{PARTNERS})\s*\)", _F)
_ROLE_WORD_RE = regex.compile(rf"{LEADS}|{PARTNERS}", _F)


def cell_assignment(cell: str) -> Assignment:
    """Lead and partners of a table's one agency column (`Cơ quan thực hiện`).

    A cell may name the roles itself: `Sở X (chủ trì); Sở Y, Sở Z` — names
    after the lead's mark are partners unless marked — or in a sentence, `Sở X
    chủ trì, phối hợp với Sở Y`. Otherwise every name leads."""
    if not _ROLE_WORD_RE.search(cell):
        return Assignment(lead=split_agencies(cell))
    marks = list(_ROLE_MARK_RE.finditer(cell))
    if not marks:
        return parse_assignment(cell)
    a = Assignment()
    start = 0
    marked_lead = any(m.group("lead") for m in marks)
    for m in marks:
        segment = cell[start : m.start()]
        if not m.group("lead") and not marked_lead and not a.lead and ";" in segment:
            # `Sở Nội vụ; Sở Tư pháp (phối hợp)`: the mark is the last name's; the unmarked lead
            head, _, segment = segment.rpartition(";")
            a.lead.extend(split_agencies(head))
        (a.lead if m.group("lead") else a.partners).extend(split_agencies(segment))
        start = m.end()
    (a.partners if a.lead else a.lead).extend(split_agencies(cell[start:]))
    a.partners = _dedupe(a.partners, exclude=a.lead)
    return a


def find_timeframe(text: str) -> str | None:
    """The task's time as written: an explicit `Thời gian thực hiện:` field, else
    its recurring/ongoing expressions (joined by `; `), else its first due point,
    else its first period."""
    m = _TIME_FIELD_RE.search(text)
    if m:
        return _field_value(m.group("value"))
    if not _TIME_HINT.search(text):
        return None
    found: dict[str, list[tuple[int, str]]] = {"recurring": [], "due": [], "period": []}
    for t in _TIME_RE.finditer(text):
        for kind in found:
            if t.group(kind):
                found[kind].append((t.start(kind), t.group(kind).strip()))
    if found["recurring"]:
        # `gửi … trước ngày 30/6/2026; định kỳ 6 tháng …`: a due point and a cycle, in the
        # text's order (`Trước ngày 30 tháng 01 hằng năm` is one recurring expression).
        return "; ".join(_dedupe([w for _, w in sorted(found["recurring"] + found["due"][:1])]))
    if found["due"]:
        return found["due"][0][1]
    if found["period"]:
        return found["period"][0][1]
    return None


def find_product(text: str) -> str | None:
    m = _PRODUCT_RE.search(text)
    return _field_value(m.group("value")) if m else None


def _field_value(value: str) -> str:
    """A field's value, less the bracket that closes the note it was written in (`(…; thời gian: năm 2026)`)."""
    value = value.strip()
    return value[:-1].rstrip() if value.endswith(")") and value.count(")") > value.count("(") else value


# ---------------------------------------------------------------- the walk


@dataclass
class _Line:
    start: int
    end: int
    depth: int  # 0 paragraph, 1 for `-`, 2 for `+`

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: Marks OCR leaves at the edges of a line (`_ Tổ chức …`, `… tỉnh. |`).
_SPECKS = "_|~`¦"
#: Fewer words than this cannot state a task.
MIN_WORDS = 3
_WORDS = regex.compile(r"\p{L}[\p{L}\p{M}]*")


def _strip_specks(text: str, start: int, end: int) -> tuple[int, int]:
    while True:
        start, end = _strip(text, start, end)
        if start < end and text[start] in _SPECKS:
            start += 1
        elif start < end and text[end - 1] in _SPECKS:
            end -= 1
        else:
            return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        s, e = _strip(text, pos, stop)
        if e > s:
            out.append((s, e))
        pos = stop + 1
    return out


def _without_heading(text: str, body: list[_Line], heading: str) -> list[_Line]:
    """`body` less the lines that spell the section's heading (a label's heading set under it)."""
    want = " ".join(heading.split())
    n = 0
    while n < len(body) and want:
        line = " ".join(body[n].text(text).split())
        if not line or not want.startswith(line):
            break
        want = want[len(line) :].lstrip()
        n += 1
    return body[n:] if n and not want else body


def _body_line(text: str, s: int, e: int) -> _Line:
    m = _BULLET_RE.match(text, s, e)
    if m:
        depth = 2 if m.group("marker") == "+" else 1
        return _Line(m.end(), e, depth)
    return _Line(s, e, 0)


#: A line that opens in lower case (after OCR specks) carries on the line before:
#: Vietnamese paragraphs and list items open with a capital.
_CONTINUATION = regex.compile(r"(?:[_|'\"“”.,:;]+\s*|[-–—]\s*[_|]+\s*)?\p{Ll}")


_DASH_LOWER = regex.compile(r"[-–—]\s*\p{Ll}")


def _join_continuations(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in lines:
        # `- thuật phục vụ …` after `… cơ sở vật chất kỹ`: a wrapped line whose
        # first character OCR read as a dash.
        wrapped_dash = (
            out
            and _DASH_LOWER.match(text[s : s + 4]) is not None
            and not _FINAL_PUNCT.search(text[out[-1][0] : out[-1][1]])
        )
        if out and (_CONTINUATION.match(text, s) or wrapped_dash):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _merge_wrapped(text: str, lines: list[_Line]) -> list[_Line]:
    """In a list written all in bullets, an unmarked line after a bullet is the
    rest of that bullet that a hard line break split off, not a new task — unless
    it is a field line, which closes the bullets above it."""
    if not lines or lines[0].depth == 0:
        return lines
    out = [lines[0]]
    for line in lines[1:]:
        if line.depth == 0 and out[-1].depth > 0 and not field_of(line.text(text)):
            out[-1] = _Line(out[-1].start, line.end, out[-1].depth)
        else:
            out.append(line)
    return out


#: What may follow an item's label before its text: spaces, one mark of punctuation
#: (or `/`, `/.`: `1/ Sở Tài chính`; OCR's comma or semicolon for the dot, `2, Ủy ban …`, which the
#: sections read as the label's), spaces.
_AFTER_LABEL = regex.compile(r"\s*(?:/\.?|[.,;):\-–])?\s*")
_SPACE_RUN = regex.compile("( +)")


def _opens_with_label(text: str, label: str, start: int, end: int) -> int | None:
    """Offset after `label` (and `_AFTER_LABEL`) if the line `text[start:end]`
    opens with it, spaces aside; a space in the label stands for any run of
    them (`Điều   2`). Compared directly: a regex per label would be compiled
    for every new label of every document."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    for part in _SPACE_RUN.split(label):
        if part.startswith(" "):  # k spaces: a run of at least k
            j = i
            while j < end and text[j].isspace():
                j += 1
            if j - i < len(part):
                return None
            i = j
        elif i + len(part) > end or not text.startswith(part, i):
            return None
        else:
            i += len(part)
    return _AFTER_LABEL.match(text, i, end).end()


def _label_end(text: str, sec, line_start: int, line_end: int) -> int:
    """Offset just after the item's label (`2.1.`, `a)`, `Điều 2.`)."""
    if not sec.label:
        return line_start
    after = _opens_with_label(text, sec.label, line_start, line_end)
    if after is not None:
        return after
    # A label OCR misread or lost (`S.` or `.` for `5.`): the text after what the parser took for it.
    info = classify_line(text[line_start:line_end].strip())
    if info.kind == "label" and info.rest:
        at = text.find(info.rest, line_start, line_end)
        if at >= 0:
            return at
    if info.kind == "label":
        return line_end  # the misread label alone on its line (`Phần HI` / `TỔ CHỨC THỰC HIỆN`)
    return line_start


def _is_heading(rest: str) -> bool:
    """A line that announces what follows rather than saying something itself."""
    rest = rest.rstrip()
    return rest.endswith(":") or not _FINAL_PUNCT.search(rest)


def _only_agencies(rest: str) -> bool:
    """`Sở Tài chính`, `Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh`: nothing but names."""
    body = rest.rstrip(" :.|_'\"")
    chain = agency_chain(body, 0)
    return bool(chain) and not body[chain[-1][1] :].strip(" ,;")


@dataclass
class _Draft:
    start: int
    end: int
    section_id: str | None
    lead: list
    partners: list
    source: str = "text"
    timeframe: str | None = None
    product: str | None = None


#: A field line: an attribute of the task(s) above it, never a task itself —
#: `Cơ quan thực hiện: …`, `- Đơn vị phối hợp: …`, `Thời gian thực hiện: …`,
#: `Sản phẩm: …`, `Lãnh đạo phụ trách: …`, `+ Chủ trì: …`, `Trách nhiệm thực hiện: …`, and the attributes an inspection
#: plan states the same way (`Đối tượng kiểm tra: …`, `Địa điểm: …`).
FIELD_LINE = rf"^(?:[-–—+•*]\s*)?(?P<field>{FIELD_NAME})(?:\s+[\p{{Ll}}\p{{M}}]+){{0,4}}\s*:\s*(?P<value>.*)$"
_FIELD_LINE_RE = regex.compile(FIELD_LINE, _F)
#: A field glued to the end of a task's line (`… đúng quy định. Đơn vị chủ trì: Sở X`).
_GLUED_FIELD_RE = regex.compile(
    r"[.;]\s+(?=(?:cơ\s+quan|đơn\s+vị)(?:\s+\p{Ll}+){1,2}\s*:|lãnh\s+đạo\s+phụ\s+trách\s*:|thời\s+gian\s+thực\s+hiện\s*:)",
    _F,
)
#: A line that announces the list below it (`… những nhiệm vụ chủ yếu sau:`, `… như sau:`):
#: not a task. An action that lists its parts (`Nghiên cứu các giải pháp …, bao gồm:`) is one.
_ANNOUNCES = regex.compile(r"(?<![\p{L}])(?:sau|sau\s+đây|dưới\s+đây)\s*:\s*$", _F)
#: `Đối với Sở X`, `Trách nhiệm của Sở X:`, `Nhiệm vụ của Đoàn kiểm tra`: who the items under are for.
_FOR_AGENCY = regex.compile(r"^(?:đối\s+với|trách\s+nhiệm\s+của|nhiệm\s+vụ\s+của|phân\s+công\s+cho)\s+", _F)
#: `Đối với Đoàn kiểm tra:`, `Trách nhiệm của các đơn vị được kiểm tra:`: whom the work after the colon is for.
_ADDRESSED_RE = regex.compile(_FOR_AGENCY.pattern + r"(?P<who>[^:;.\n]{2,80}?)\s*:\s*", _F)
#: `Ông. Hoàng Văn Thuân - Trưởng đoàn:` — a member of a team, and the work given to them.
_PERSON = regex.compile(
    rf"^(?:Ông|Bà|Đồng\s+chí|Đ/c)\.?\s+(?P<who>{NAME_HEAD}(?:\s+{NAME_WORD}){{1,4}}(?:\s*[-–,]\s*[^:]{{2,60}})?)\s*(?::|$)"
)


#: Where the next of several fields on one line starts: `…; cơ quan phối hợp: …`.
_NEXT_FIELD = regex.compile(r";\s*(?=[\p{L}\s]{2,30}:)")


def field_of(line: str) -> tuple[str, str] | None:
    """(field name, value) of a field line, or None."""
    m = _FIELD_LINE_RE.match(line.strip())
    if not m:
        return None
    return " ".join(m.group("field").lower().split()), m.group("value").strip(" ;.")


@dataclass
class _Fields:
    """What a block of field lines says about the task(s) it closes."""

    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    timeframe: str | None = None
    product: str | None = None
    #: `Lãnh đạo phụ trách: Phó Giám đốc X`: who oversees; the lead only when no body is named.
    overseers: list[str] = field(default_factory=list)

    def add(self, name: str, value: str) -> None:
        if not value:
            return
        if "phối hợp" in name:
            self.partners = _dedupe(self.partners + split_agencies(value))
        elif name.startswith(("lãnh đạo", "người")):
            self.overseers = _dedupe(self.overseers + cell_assignment(value).lead)
        elif name.startswith(("cơ quan", "đơn vị", "chủ trì", "trách nhiệm")):
            roles = cell_assignment(value)  # `Cơ quan thực hiện: Sở X (chủ trì); Sở Y`
            self.lead = _dedupe(self.lead + roles.lead)
            self.partners = _dedupe(self.partners + roles.partners)
        elif name.startswith(("thời gian", "thời hạn", "tiến độ")):
            self.timeframe = value
        elif name.startswith(("sản phẩm", "kết quả")):
            self.product = value

    def add_line(self, line: str) -> None:
        """Every field of a line: `Cơ quan chủ trì: Sở X; cơ quan phối hợp: Sở Y; thời gian: …`."""
        for part in _NEXT_FIELD.split(line):
            if found := field_of(part):
                self.add(*found)

    def apply(self, draft: _Draft) -> None:
        if self.lead or self.overseers:
            draft.lead = list(self.lead or self.overseers)
        if self.partners:
            # the item's own `phối hợp với Sở X` first, then the block's partners
            draft.partners = _dedupe(draft.partners + self.partners, exclude=draft.lead)
        if self.timeframe:
            draft.timeframe = self.timeframe
        if self.product:
            draft.product = self.product


class _TaskWalker:
    """One pass over the section tree: which lines are tasks and who owns them."""

    def __init__(self, doc: ParsedDoc):
        self.doc = doc
        self.text = doc.text or ""
        self.sections = list(doc.sections or [])
        self.by_id = {s.section_id: s for s in self.sections}
        self.children: dict[str, list] = {}
        for s in self.sections:
            if s.parent_id:
                self.children.setdefault(s.parent_id, []).append(s)
        self.own_ctx: dict[str, Assignment | None] = {}
        self.drafts: list[_Draft] = []

    # -- scope and who -------------------------------------------------------

    def lineage(self, sec) -> list:
        """`sec` and its ancestors, nearest first."""
        out = []
        s = sec
        while s is not None:
            out.append(s)
            s = self.by_id.get(s.parent_id) if s.parent_id else None
        return out

    def scope(self, sec) -> str | None:
        """`task` where items are tasks, `dieu` where articles count when they name who."""
        lineage = self.lineage(sec)
        if any(_arrangements(s) for s in lineage):
            return None
        for s in lineage:
            if s.kind in _GOAL_KINDS and s.parent_id and self.by_id[s.parent_id].kind in TASK_KINDS:
                return None  # `Phần thứ hai. NHIỆM VỤ NĂM 2026` / `A. MỤC TIÊU`: goals, inside a part of tasks
            if s.kind in TASK_KINDS or _article_of_tasks(s):
                return "task"
            # An item headed by an agency (a Chỉ thị's `1. Bộ Kế hoạch và Đầu tư:`,
            # a công văn's `2. Giao Sở Xây dựng …`) holds that agency's tasks.
            if s.kind != "dieu" and _is_item(s) and self.heading_ctx(s):
                return "task"
        return "dieu" if any(s.kind == "dieu" for s in lineage) else None

    def heading_ctx(self, sec) -> Assignment | None:
        """What the item's first line says about who is responsible."""
        if sec.section_id in self.own_ctx:
            return self.own_ctx[sec.section_id]
        self.own_ctx[sec.section_id] = None  # no recursion through scope()
        ctx = None
        if _is_item(sec) or sec.kind == "dieu":
            lines = _lines(self.text, sec.char_start, sec.char_end)
            if lines:
                s, e = lines[0]
                ctx = heading_assignment(self.text[_label_end(self.text, sec, s, e) : e])
        self.own_ctx[sec.section_id] = ctx
        return ctx

    def inherited(self, sec) -> Assignment:
        for s in self.lineage(sec):
            ctx = self.heading_ctx(s) or self.intro_ctx(s)
            if ctx:
                return ctx
        return Assignment()

    def sibling_intro(self, sec) -> Assignment | None:
        """Who an earlier sibling that hands the work on names, when it ends on a colon
        with nothing under it (`1. Giao phòng Quản lý Công nghiệp triển khai, thực hiện
        các công việc liên quan:` / `2. Tổ chức kiểm tra …` / `3. Chuẩn bị …`, the real
        KH-2242: the items after it are its list, numbered on)."""
        siblings = self.children.get(sec.parent_id, []) if sec.parent_id else []
        for prev in reversed(siblings[: siblings.index(sec)] if sec in siblings else []):
            if self.children.get(prev.section_id) or prev.char_start is None:
                return None
            lines = _lines(self.text, prev.char_start, prev.char_end)
            if len(lines) != 1:
                return None
            s, e = lines[0]
            line = self.text[_label_end(self.text, prev, s, e) : e].strip()
            if _ASSIGN_PREFIX_RE.match(line) and (intro := _intro_assignment(line)):
                return intro
            if parse_assignment(line).lead:
                return None  # a sibling that names its own agency ends the list
        return None

    def intro_ctx(self, sec) -> Assignment | None:
        """Who the line introducing a section's items names (`III. TỔ CHỨC THỰC HIỆN` /
        `Giao phòng Quản lý Công nghiệp triển khai các công việc:` / `1. …`, `2. …`)."""
        kids = self.children.get(sec.section_id, [])
        if not kids or sec.char_start is None:
            return None
        lines = _lines(self.text, sec.char_start, kids[0].char_start)
        if len(lines) < 2:
            return None  # the heading alone
        s, e = lines[-1]
        return _intro_assignment(self.text[s:e].strip())

    # -- tasks ---------------------------------------------------------------

    def add(self, start: int, end: int, sec, ctx: Assignment, scope: str) -> _Draft | None:
        text = self.text
        start, end = _strip_specks(text, start, end)
        glued = _GLUED_FIELD_RE.search(text, start, end)
        fields = None
        if glued:
            fields = _Fields()
            fields.add_line(text[glued.end() : end])
            end = glued.start() + 1
        body = text[start:end]
        if sum(1 for _ in islice(_WORDS.finditer(body), MIN_WORDS)) < MIN_WORDS:
            return None  # a stray fragment (`2 x`), not a task
        if _CLOSING.match(body):
            return None  # `Thông tư này có hiệu lực từ …` as an article's item
        own = parse_assignment(body)
        if own.lead and not (own.refers_back and (ctx.lead or scope == "dieu")):
            # a regulation's article binds everyone it names; a group after its opening
            # clause (`…, tổ chức, cá nhân phản ánh về Bộ …`) is no one given work
            lead, partners = own.lead, own.partners
        elif _APPENDIX_POINTER.match(body):
            return None
        else:
            # No one named before the action, here or above: `Rà soát … (Sở X chủ trì, …)`.
            lead = list(ctx.lead) or span_names(body, _leading_mid_text(body))
            partners = _dedupe(list(ctx.partners) + own.partners, exclude=lead)
        if scope == "dieu" and not lead and not (fields and (fields.lead or fields.overseers)):
            return None
        draft = _Draft(
            start, end, sec.section_id, lead, partners, timeframe=find_timeframe(body), product=find_product(body)
        )
        if fields:
            fields.apply(draft)
        self.drafts.append(draft)
        return draft

    def run(self) -> list[_Draft]:
        for sec in self.sections:
            scope = self.scope(sec)
            if scope is not None and sec.char_start is not None and sec.char_end is not None:
                self.walk(sec, scope)
        self.drafts.extend(_table_tasks(self.doc, self))
        self.drafts.sort(key=lambda d: d.start)
        return self.drafts

    def walk(self, sec, scope: str) -> None:
        """The tasks of one section's own lines (its subsections walk theirs)."""
        text = self.text
        kids = self.children.get(sec.section_id, [])
        own_end = min([k.char_start for k in kids] + [sec.char_end])
        all_lines = _lines(text, sec.char_start, own_end)
        lines = _join_continuations(text, [(s, e) for s, e in all_lines if "\t" not in text[s:e]])
        if not lines:
            return
        has_table = len(lines) < len(all_lines)
        first_s, first_e = lines[0]
        rest_start = _label_end(text, sec, first_s, first_e)
        rest = text[rest_start:first_e]
        body = [_body_line(text, s, e) for s, e in lines[1:]]
        if not rest.strip():
            # `Phần thứ ba` / `TỔ CHỨC THỰC HIỆN`: a label alone, its heading on the lines under it
            body = _without_heading(text, body, sec.heading or "")
        # Closing formulas and notes under the last item say nothing about it.
        said = [ln for ln in body if not (_CLOSING.match(t := ln.text(text)) or _NOTE.match(t) or _CARRY_OUT.search(t))]
        fields_only = all(field_of(ln.text(text)) for ln in said)
        labelled = _is_item(sec) or sec.kind == "dieu"
        item: _Draft | None = None
        if labelled and not kids and not has_table and rest.strip() and not field_of(rest):
            if said and not fields_only:
                pass  # a heading over its own lines: they are the tasks
            elif not rest.rstrip().endswith(":") and not _only_agencies(rest) and not _is_label_only(rest):
                parent = self.by_id.get(sec.parent_id) if sec.parent_id else None
                ctx = (
                    self.own_person(rest)
                    or self.sibling_intro(sec)
                    or (self.inherited(parent) if parent else Assignment())
                )
                item = self.add(rest_start, first_e, sec, ctx, scope)
        self.walk_body(sec, scope, body, [item] if item else [])

    def own_person(self, rest: str) -> Assignment | None:
        m = _PERSON.match(rest.strip())
        return Assignment(lead=[" ".join(m.group("who").split())]) if m else None

    def walk_body(self, sec, scope: str, body: list[_Line], group: list[_Draft]) -> None:
        text = self.text
        ctx = self.inherited(sec)
        # A colon line among the bullets (`… bao gồm:`) that names an agency
        # hands it to the deeper lines under it.
        local: tuple[int, Assignment] | None = None
        fields: _Fields | None = None
        body = _merge_wrapped(text, body)
        for idx, line in enumerate(body):
            content = line.text(text)
            if field_of(content):
                # Field lines close the group of tasks above them (or the item itself).
                fields = fields or _Fields()
                fields.add_line(content)
                continue
            if fields:
                for d in group:
                    fields.apply(d)
                group, fields = [], None
            if _CLOSING.match(content) or _NOTE.match(content):
                continue
            if local and line.depth <= local[0]:
                local = None
            heads_deeper = idx + 1 < len(body) and body[idx + 1].depth > line.depth
            announces = bool(_ANNOUNCES.search(content))
            a = parse_assignment(content) if content.rstrip().endswith(":") or _only_agencies(content) else None
            if a and a.lead and (heads_deeper or _only_agencies(content)):
                # `- Sở Y tế:` over `+` items: who, not what.
                local = (line.depth, a)
                continue
            if announces:
                continue  # `… những nhiệm vụ chủ yếu sau:` announces the list
            draft = self.add(line.start, line.end, sec, local[1] if local else ctx, scope)
            if draft:
                group.append(draft)
        if fields:
            for d in group:
                fields.apply(d)


_ROMAN_LABEL = regex.compile(r"[IVXLC]+")
#: Labels of articles and parts, which hold items but are none.
_NOT_ITEMS = ("Điều", "Phần", "Chương")


def _intro_assignment(line: str) -> Assignment | None:
    """Who a line that introduces a list (it ends on a colon) gives the work to, if anyone."""
    if not line.endswith(":"):
        return None
    a = parse_assignment(line)
    return a if a.lead else None


#: An article headed by the tasks it lists (`Điều 2. Nhiệm vụ và giải pháp chủ yếu`).
_TASKS_ARTICLE_RE = regex.compile(r"(?:các\s+|những\s+)?(?:nhiệm\s+vụ|giải\s+pháp)(?!\p{L})", _F)


_ARRANGEMENT_RE = regex.compile(rf"^{alt(ARRANGEMENT_HEADINGS)}(?!\p{{L}})", _F)


def _arrangements(sec) -> bool:
    """A subsection headed by when, where and for whom (`1. Thời gian, đối tượng kiểm tra:`
    over the schedule of examinees, the real KH-3024; `3.4. Địa điểm kiểm tra`): its lines
    arrange the work, they are no tasks. A heading that also names the work (`Đối tượng,
    nội dung kiểm tra`) and a part of its own (`IV. THỜI GIAN THỰC HIỆN`) are not these."""
    heading = (sec.heading or "").strip()
    return bool(sec.parent_id) and bool(_ARRANGEMENT_RE.match(heading)) and heading_kind(heading) is None


def _article_of_tasks(sec) -> bool:
    """An article headed as the task list (`Điều 2. Nhiệm vụ và giải pháp chủ yếu`): a
    resolution's own tasks, items as a plan's are though SPEC keeps the kind `dieu`.
    Articles of execution (`Tổ chức thực hiện`) and content (`Nội dung …`) stay
    articles: their items are tasks only where they name who acts."""
    heading = sec.heading or ""
    return sec.kind == "dieu" and is_title_like(heading) and bool(_TASKS_ARTICLE_RE.match(heading))


def _is_item(sec) -> bool:
    """A numbered or lettered item, not a part heading (`I.`, `II.`) or an unlabelled block."""
    return bool(sec.label) and not _ROMAN_LABEL.fullmatch(sec.label) and not sec.label.startswith(_NOT_ITEMS)


def _is_label_only(rest: str) -> bool:
    """Nothing after the label but punctuation or a stray mark."""
    return not _WORDS.search(rest)


def heading_assignment(rest: str) -> Assignment | None:
    """Who an item's heading names: `Sở Tài chính`, `Giao Sở X …`, `Đối với Sở X`,
    `Trách nhiệm của Sở X:`, `Ông. Hoàng Văn Thuân - Trưởng đoàn:`."""
    rest = without_label_marks(rest).strip()
    if is_caps(rest, share=1.0):
        rest = from_capitals(rest)  # `2.5. BAN QUẢN LÝ KHU KINH TẾ TỈNH`: a heading's style, not the name's
    m = _FOR_AGENCY.match(rest)
    if not m and opens_on_kind(rest):
        return None  # `Tổ Chức Thực Hiện`: a section's kind in title case, no `Tổ` of that name
    a = parse_assignment(rest[m.end() :] if m else rest)
    if a.lead:
        return a
    p = _PERSON.match(rest)
    if p:
        return Assignment(lead=[" ".join(p.group("who").split())])
    return None


def extract_tasks(doc: ParsedDoc) -> list[Task]:
    """Tasks of the document in order, numbered `T001`, `T002` …"""
    text = doc.text or ""
    tasks = []
    for i, d in enumerate(_TaskWalker(doc).run(), 1):
        tasks.append(
            Task(
                task_id=f"T{i:03d}",
                section_id=d.section_id,
                char_start=d.start,
                char_end=d.end,
                page=doc.page_at(d.start),
                text=text[d.start : d.end],
                lead=d.lead,
                partners=d.partners,
                product=d.product,
                timeframe=d.timeframe,
                source=d.source,
            )
        )
    return tasks


# ---------------------------------------------------------------- tables


def _cells(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for part in text[s:e].split("\t"):
        a, b = _strip(text, pos, pos + len(part))
        out.append((a, b))
        pos += len(part) + 1
    return out


#: The lead column's own word: `Phòng chủ trì` leads where `Lãnh đạo phụ trách` names who oversees.
_LEADS_COLUMN_RE = regex.compile(r"chủ\s+trì", _F)


#: A column titled by both roles (`Cơ quan chủ trì, phối hợp`, `Vai trò (Chủ trì/ Phối hợp)`): its cells
#: mark them (`Phòng X (chủ trì); Phòng Y`), so it is read as the lead's column, roles and all.
_BOTH_ROLES_RE = regex.compile(rf"{LEADS}\s*(?:[,/;]|và)?\s*{PARTNERS}", _F)


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, c in enumerate(cells):
        c = " ".join(c.split())
        if not c:
            continue
        if "lead" not in cols and _BOTH_ROLES_RE.search(c):
            cols["lead"] = i
            continue
        for name, pattern in _TABLE_COLUMNS_RE:
            if (
                name == "lead"
                and "lead" in cols
                and pattern.search(c)
                and _LEADS_COLUMN_RE.search(c)
                and not _LEADS_COLUMN_RE.search(cells[cols["lead"]])
            ):
                cols["lead"] = i
                break
            if name not in cols and pattern.search(c):
                cols[name] = i
                break
        else:
            if "timeframe" not in cols and damaged_time_title(c):
                cols["timeframe"] = i
    if "task" in cols and ("lead" in cols or "timeframe" in cols):
        return cols
    return None


def _numbered(cells: list[str], cols: dict[str, int]) -> bool:
    i = cols.get("stt", 0)
    return i < len(cells) and bool(ROW_NUMBER.fullmatch(cells[i]))


def _repeats(cells: list[str], header: list[str]) -> bool:
    """The row repeats the header's titles (a table that goes on over a page break)."""
    same = sum(1 for a, b in zip(cells, header, strict=False) if a.strip() and a.strip().lower() == b.strip().lower())
    return same >= 2


def _sub_header(cells: list[str], header: list[str], cols: dict[str, int]) -> tuple[dict[str, int], list[str]] | None:
    """The header and its columns completed by the row under it (`Chủ trì | Phối hợp` under `Cơ quan thực hiện`)."""
    if _numbered(cells, cols):
        return None
    merged = header_completed(header, cells, lambda c: any(p.search(c) for _, p in _TABLE_COLUMNS_RE))
    found = _header_columns(merged) if merged else None
    return (found, merged) if merged and found and len(found) > len(cols) else None


def _merged_row(cells: list[str], cols: dict[str, int]) -> bool:
    """All cells after the STT say the same thing: one merged cell a reader repeated."""
    stt = cols.get("stt")
    rest = [c.strip() for i, c in enumerate(cells) if i != stt and c.strip()]
    return len(rest) >= 2 and len(set(rest)) == 1


def _ticked_times(text: str) -> dict[int, str]:
    """The times each table row ticks (`x` under `Năm 2024`), as written, by the row's start."""
    out = {}
    for block in table_blocks(text):
        for r, runs in block.ticks.runs.items():
            out[block.rows[r][0]] = ", ".join(run.text for run in runs)
    return out


#: A row numbered under another's number (`1.1`, `2.3.`; OCR's `1 1`, the dot lost): its parent row
#: (`1`) groups the rows under it.
_SUB_ROW_RE = regex.compile(r"(?m)^[ \t]*(?P<parent>\d{1,2})[. ]\d{1,2}\.?\t")


def _numbers_with_sub_rows(text: str) -> frozenset[str]:
    """The row numbers some table row is numbered under (`1` of `1.1`, `1.2`)."""
    return frozenset(m.group("parent") for m in _SUB_ROW_RE.finditer(text))


def _named_by_group_row(cell: str) -> list[str]:
    """The bodies a table's group row names, when it names nothing else (`I | Phòng Quản lý đầu tư`)."""
    named = heading_assignment(cell) if _only_agencies(cell) else None
    return named.lead if named else []


def _table_tasks(doc: ParsedDoc, walker: _TaskWalker) -> list[_Draft]:
    text = doc.text or ""
    drafts = []
    cols = None
    header: list[str] = []
    inherited_lead: list[str] = []
    group_lead: list[str] = []  # the body a group row names, for the rows under it
    under_header = False
    ticked = _ticked_times(text)
    parents = _numbers_with_sub_rows(text)
    # a time column whose title OCR damaged, known by its values
    time_columns = {b.rows[0][0]: b.time_columns[0] for b in table_blocks(text) if b.time_columns}
    for s, e in _lines(text, 0, len(text)):
        # Empty cells at either end of a row are tabs `_lines` trimmed: put them back.
        while s > 0 and text[s - 1] == "\t":
            s -= 1
        while e < len(text) and text[e] == "\t":
            e += 1
        line = text[s:e]
        if "\t" not in line:
            cols, header = None, []
            continue
        spans = _cells(text, s, e)
        cells = [text[a:b] for a, b in spans]
        # A data row may hold header words (`Đề án trình …`, `Các đơn vị có liên
        # quan`): once a header is known, only a row without an STT number that
        # repeats its titles is a new header.
        found = _header_columns(cells)
        if found and "timeframe" not in found and s in time_columns:
            found["timeframe"] = time_columns[s]
        if found and (cols is None or (not _numbered(cells, cols) and _repeats(cells, header))):
            cols, header, inherited_lead, group_lead, under_header = found, cells, [], [], True
            continue
        if cols is None:
            continue
        if under_header:
            under_header = False
            merged = _sub_header(cells, header, cols)
            if merged is not None:
                cols, header = merged
                continue
        sec = doc.section_at(s)
        if sec is not None and not (
            walker.scope(sec) or sec.kind == "phu_luc" or any(a.kind == "phu_luc" for a in doc.ancestors(sec))
        ):
            continue

        def cell(name, cols=cols, spans=spans):
            i = cols.get(name)
            if i is None or i >= len(spans):
                return None
            a, b = spans[i]
            return (a, b) if b > a else None

        task_span = cell("task")
        if task_span is None:
            continue

        def get(name):
            return text[cell(name)[0] : cell(name)[1]] if cell(name) else ""

        stt = get("stt").strip()
        roles = cell_assignment(get("lead"))
        lead = roles.lead
        partners = roles.partners + split_agencies(get("partners"))
        time = get("timeframe").strip()
        if not time or TICK_CELL.match(time):  # `x` under `Thời gian thực hiện` / `2024`
            time = ticked.get(text.rfind("\n", 0, s) + 1)
        product = get("product").strip() or None
        if not (lead or partners or time or product) and (
            _GROUP_LABEL.match(stt) or stt in parents or (not stt and is_caps(text[task_span[0] : task_span[1]]))
        ):
            # `I  Nhóm nhiệm vụ …` with nothing else: a group heading row; `⇥PHỤ LỤC II`, `⇥DANH MỤC DỰ
            # ÁN`: a title set in by a tab after the table. Neither hands a lead to the rows after it,
            # unless the group row names the body the rows under it are for (`I | Phòng Quản lý đầu tư`).
            inherited_lead = []
            group_lead = _named_by_group_row(text[task_span[0] : task_span[1]])
            continue
        if _merged_row(cells, cols):
            # `I | Hoàn thiện thể chế | Hoàn thiện thể chế | …`: a merged group row.
            continue
        if lead and stt not in ("-", "+", ""):
            inherited_lead = lead
        elif not lead:
            lead = list(inherited_lead if stt in ("-", "+", "") else []) or list(group_lead)
        drafts.append(
            _Draft(
                task_span[0],
                task_span[1],
                sec.section_id if sec else None,
                lead,
                _dedupe(partners, exclude=lead),
                source="table",
                timeframe=time,
                product=product,
            )
        )
    return drafts
