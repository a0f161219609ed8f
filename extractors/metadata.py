"""Document-level facts from the header, title, opening and signature block.

Vietnamese administrative documents follow one form (Nghị định 30/2020/NĐ-CP
and its predecessors): issuer top left, national motto top right, `Số:` and
`<place>, ngày … tháng … năm …` under them, the kind line (`KẾ HOẠCH`), the
subject line(s), then the body; the signature block closes it. Plans converted
by someone else may have lost the header, so every field also has a fallback
from the body text.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

import regex

from extractors.document import ParsedDoc
from extractors.text.dates import DATE, make_date
from extractors.text.fold import fold as shadow
from extractors.text.lexicon import ADMIN_UNIT, MOTTO_START, PREAMBLE_OPENER, SIGNATURE_MARK, SIGNER_TITLE_CAPS
from extractors.text.lexicon import SIGNER_TITLES as LEXICON_SIGNER_TITLES
from extractors.text.provinces import canonical_province, province_names

#: How many lines from the top count as the header block.
HEADER_LINES = 20

# ---------------------------------------------------------------- kinds

#: Kind words as they open a kind line or are named in the opening sentence.
KIND_WORDS: list[tuple[str, str]] = [
    (r"chương\s+trình\s+hành\s+động|chương\s+trình", "chuong_trinh_hanh_dong"),
    (r"kế\s+hoạch(?:\s+hành\s+động)?", "ke_hoach"),
    (r"quyết\s+định", "quyet_dinh"),
    (r"nghị\s+quyết", "nghi_quyet"),
    (r"chỉ\s+thị", "chi_thi"),
    (r"công\s+văn", "cong_van"),
    (r"báo\s+cáo", "bao_cao"),
]
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


def fold(text: str) -> str:
    """Lower case without diacritics, for matching through OCR's lost marks."""
    return shadow(text).lower()


def _squash(text: str) -> str:
    return regex.sub(r"[\W_]+", "", fold(text))


#: Kind lines as OCR may read them (`QUYẾTĐỊNH`, `KẼHOẠCH`): folded, no spaces.
_KIND_LINE_KEYS = {
    _squash(w): k
    for w, k in [
        ("kế hoạch", "ke_hoach"),
        ("kế hoạch hành động", "ke_hoach"),
        ("quyết định", "quyet_dinh"),
        ("chương trình", "chuong_trinh_hanh_dong"),
        ("chương trình hành động", "chuong_trinh_hanh_dong"),
        ("nghị quyết", "nghi_quyet"),
        ("chỉ thị", "chi_thi"),
        ("công văn", "cong_van"),
        ("báo cáo", "bao_cao"),
    ]
}


def kind_line(line: str) -> str | None:
    """The kind a header line names, if the line is only a kind word (in capitals)."""
    s = line.strip()
    if not s or not s.isupper() or len(s) > 40:
        return None
    return _KIND_LINE_KEYS.get(_squash(s))


def kind_of(words: str) -> str | None:
    for pattern, kind in KIND_WORDS:
        if regex.fullmatch(pattern, words.strip(), regex.IGNORECASE):
            return kind
    return None


# ---------------------------------------------------------------- header pieces

_NUMBER_LINE = regex.compile(r"^Số\s*:?\s*(?P<number>\d[\w./\-– ]*?[\p{Lu}Đ][\p{Lu}Đ0-9\-–/ ]*?)\s*$")
_PLACE_DATE = regex.compile(rf"^(?P<place>[\p{{Lu}}][\p{{L}}.\- ]{{1,40}}?),\s*(?P<date>{DATE})")
_MOTTO = regex.compile(MOTTO_START, regex.IGNORECASE)
_OPENER = regex.compile(rf"^(?:{PREAMBLE_OPENER}|Triển\s+khai|Để\s|Nhằm\s)")
_ADMIN_UNIT = ADMIN_UNIT
_ISSUER_IN_TEXT = regex.compile(
    # OCR may leave a dash between the words (`Ủy ban nhân - dân`).
    rf"(?P<body>Ủy[\s\-]+ban[\s\-]+nhân[\s\-]+dân|UBND|Hội[\s\-]+đồng[\s\-]+nhân[\s\-]+dân|HĐND)\s+(?P<unit>{_ADMIN_UNIT})\s+(?P<place>(?:\p{{Lu}}\p{{Ll}}*)(?:\s*-?\s*\p{{Lu}}\p{{Ll}}*){{0,3}})"
)
_PROVINCE_IN_TEXT = regex.compile(
    r"(?:tỉnh|thành\s+phố|TP\.)\s+(?P<name>" + "|".join(regex.escape(n) for n in province_names()) + r")(?!\p{L})",
    regex.IGNORECASE,
)
_SIGNER_TITLE = regex.compile(rf"^(?:{SIGNATURE_MARK}\s*)?(?P<title>{SIGNER_TITLE_CAPS})\s*$")
_PERSON_NAME = regex.compile(r"^(?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,4}$")
_YEAR_ENDS = regex.compile(
    r"(?<!tầm\s+nhìn\s)(?<!tầm\s+nhìn\s+)(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y>20\d{2})"
    r"|(?:giai\s+đoạn|thời\s+kỳ)\s+(?:20\d{2})\s*[-–]\s*(?P<y2>20\d{2})",
    regex.IGNORECASE,
)
_VISION = regex.compile(r"tầm\s+nhìn\s+(?:đến|tới)\s+năm\s+20\d{2}", regex.IGNORECASE)

#: Upper-case words kept capitalised in issuer names (agency heads, not common nouns).
_ISSUER_BODIES = [
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
    ("UBND", "Ủy ban nhân dân"),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("TỈNH ỦY", "Tỉnh ủy"),
    ("THÀNH ỦY", "Thành ủy"),
    ("BAN CHẤP HÀNH", "Ban Chấp hành"),
]


def title_case_place(words: str) -> str:
    """`KIÊN GIANG` → `Kiên Giang`; `BÀ RỊA - VŨNG TÀU` → `Bà Rịa - Vũng Tàu`."""
    return " ".join(w if w in "-–" else w[:1].upper() + w[1:].lower() for w in words.split())


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


def issuer_from_caps(lines: list[str]) -> str | None:
    """`ỦY BAN NHÂN DÂN` + `TỈNH KIÊN GIANG` → `Ủy ban nhân dân tỉnh Kiên Giang`."""
    joined = " ".join(ln.strip() for ln in lines if ln.strip())
    if not joined:
        return None
    squashed = joined.upper().replace(" ", "")
    for caps, proper in _ISSUER_BODIES:
        if squashed.startswith(caps.replace(" ", "")):
            # OCR may drop the spaces inside the body's name (`ỦY BANNHÂNDÂN`).
            n_letters, cut = len(caps.replace(" ", "")), 0
            while n_letters and cut < len(joined):
                n_letters -= joined[cut] != " "
                cut += 1
            rest = joined[cut:].strip()
            m = regex.match(rf"^(?P<unit>{_ADMIN_UNIT})\s+(?P<place>.+)$", rest, regex.IGNORECASE)
            if m:
                return f"{proper} {m.group('unit').lower()} {title_case_place(m.group('place'))}"
            return f"{proper} {rest}".strip() if rest else proper
    return sentence_case(joined)


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


def extract_metadata(doc: ParsedDoc, implements: list[str] | None = None) -> DocumentFacts:
    """Everything `documents` says about a plan except file facts."""
    lines = doc.text.split("\n")
    head = lines[:HEADER_LINES]
    facts = DocumentFacts(implements=list(implements or []))

    motto_at = next((i for i, ln in enumerate(head) if _MOTTO.search(ln)), None)
    kind_at = next((i for i, ln in enumerate(head) if kind_line(ln)), None)

    # Issuer: the capital lines of the left header column. Text layers often
    # interleave the two columns, so motto lines are skipped, not stopped at.
    if motto_at is not None or kind_at is not None:
        caps = []
        for ln in head[: kind_at if kind_at is not None else motto_at + 4]:
            s = ln.strip()
            if not s or _MOTTO.search(s):
                continue
            if s.upper() != s or _NUMBER_LINE.match(s) or _PLACE_DATE.match(s):
                break
            caps.append(s)
        facts.issuer = issuer_from_caps(caps[:3])

    for ln in head:
        s = ln.strip()
        m = _NUMBER_LINE.match(s)
        if m and facts.doc_number is None:
            facts.doc_number = regex.sub(r"\s+", "", m.group("number")).replace("–", "-")
        m = _PLACE_DATE.match(s)
        if m and facts.issue_date is None and not s.lower().startswith("số"):
            d = m.group("date")
            dm = regex.search(DATE, d, regex.IGNORECASE)
            facts.issue_date = make_date(dm.group("year"), dm.group("month"), dm.group("day")) if dm else None
            facts.issue_place = m.group("place").strip()

    # Kind: the kind line, else the số hiệu, else what the opening says it builds.
    if kind_at is not None:
        facts.doc_kind = kind_line(head[kind_at]) or "other"
        facts.title = _title_after(lines, kind_at)
    elif facts.doc_number:
        sym = regex.split(r"[/\-]", facts.doc_number.upper())
        facts.doc_kind = next((SYMBOL_KINDS[p] for p in sym if p in SYMBOL_KINDS), "other")
    if facts.doc_kind == "other":
        facts.doc_kind = _kind_from_body(doc.text) or "other"

    if not facts.issuer:
        facts.issuer = _issuer_from_body(doc.text)
    facts.province = _province(facts, doc.text)
    facts.signer_title, facts.signer_name = _signature(doc)
    facts.horizon_year = _horizon(doc, facts.title)
    return facts


def _title_after(lines: list[str], kind_at: int) -> str | None:
    parts = []
    for ln in lines[kind_at + 1 : kind_at + 6]:
        s = ln.strip()
        if not s:
            continue
        if parts and (_OPENER.match(s) or (s.isupper() and len(s) > 3) or s.startswith("(")):
            break
        if not parts and s.isupper():
            break
        parts.append(s)
        # A title is one paragraph once de-wrapped; a second line is only
        # taken when the first clearly runs on.
        if not regex.search(r"(?:của|về|và|thực\s+hiện|ban\s+hành|số|,)\s*$", s):
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


def _issuer_from_body(text: str) -> str | None:
    m = _ISSUER_IN_TEXT.search(text[:5000])
    if not m:
        return None
    body = (
        "Ủy ban nhân dân"
        if m.group("body") in ("UBND", "Ủy ban nhân dân") or m.group("body").startswith("Ủy")
        else "Hội đồng nhân dân"
    )
    return f"{body} {m.group('unit').lower()} {m.group('place')}"


def _province(facts: DocumentFacts, text: str) -> str | None:
    for source in (facts.issuer, facts.issue_place):
        if source:
            m = regex.search(rf"{_ADMIN_UNIT}\s+(?P<p>.+)$", source, regex.IGNORECASE)
            name = canonical_province(m.group("p") if m else source)
            if name:
                return name
    # Else the province named most often in the text.
    counts: dict[str, int] = {}
    for m in _PROVINCE_IN_TEXT.finditer(text):
        name = canonical_province(m.group("name"))
        if name:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None


#: Signer titles, folded, longest first; the value is how the title is written.
SIGNER_TITLES = {fold(t): t for t in LEXICON_SIGNER_TITLES}
_TITLE_AT_END = regex.compile(
    r"(?:^|\s)(?P<t>" + "|".join(sorted((regex.escape(k) for k in SIGNER_TITLES), key=len, reverse=True)) + r")\W*$"
)


def _signature(doc: ParsedDoc) -> tuple[str | None, str | None]:
    """The signer's title (the last one in the block: `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`) and name."""
    block = next((s for s in doc.sections if s.kind == "chu_ky"), None)
    if block is None:
        return None, None
    title = name = None
    for ln in doc.text[block.char_start : block.char_end].split("\n")[:20]:
        s = ln.strip()
        letters = [c for c in s if c.isalpha()]
        m = _TITLE_AT_END.search(fold(s))
        if m and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            title = SIGNER_TITLES[m.group("t")]
            continue
        candidate = regex.sub(r"(?<=\p{L})-(?=\p{Lu})", " ", s).strip(" .,;:-_")
        if name is None and title is not None and _PERSON_NAME.match(candidate) and not candidate.isupper():
            name = candidate
    return title, name


def _horizon(doc: ParsedDoc, title: str | None) -> int | None:
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
    return max(years) if years else None
