"""Step 4, annotate: relations (`can_cu`, `implements`, `mention`) from where a
mention sits, and facts a short mention leaves out taken from another of the same key."""

from __future__ import annotations

import regex

from extractors.legal_refs.mention import Mention
from extractors.legal_refs.tokenize import CONTINUATION_RE
from extractors.text.patterns import TextEnd

#: A line that ends its clause: a mark of punctuation, then nothing but symbols.
_CLAUSE_MARK_AT_END = TextEnd(r"[;.:]\W*$")
#: A list item's mark at the start of a line (`-`, `2.`, `a)`).
_ITEM_MARK = regex.compile(r"^\s*(?:[-+•]|\d+\.|[a-zđ]\))\s*")

_KIND_LINES = {
    "KE HOACH",
    "QUYET DINH",
    "CHUONG TRINH HANH DONG",
    "CHUONG TRINH",
    "NGHI QUYET",
    "CHI THI",
    "DE AN",
    "HUONG DAN",
    "BAO CAO",
    "THONG BAO",
    "TO TRINH",
    "QUY CHE",
    "QUY DINH",
    "KET LUAN",
    "CONG VAN",
    "KE HOACH HANH DONG",
}

#: A kind line that kept its title on the same line (`KẾ HOẠCH Thực hiện …`),
#: folded.
_KIND_PREFIX_RE = regex.compile(
    r"^[\s*#_]*(?:"
    + "|".join(sorted((k.replace(" ", r"\s+") for k in _KIND_LINES), key=len, reverse=True))
    + r")[\s*#_]+(?=[A-Z][a-z])"
)

#: Where a same-line title ends at the latest: the preamble's first clause.
_TITLE_TAIL_END_RE = regex.compile(r"[.;:](?=\s)|\s(?=Can\s+cu|CAN\s+CU|Thuc\s+hien|THUC\s+HIEN)")

_SUBJECT_LINE_RE = regex.compile(r"(?i)^\s*(?:V/v|Về\s+việc)\s")

_IMPLEMENTS_OPENING_RE = regex.compile(
    r"(?i)^\s*(?:de\s+)?(?:tiep\s+tuc\s+)?(?:to\s+chuc\s+)?(?:trien\s+khai\s+)?(?:thuc\s+hien|trien\s+khai|quan\s+triet)(?![a-z])"
)

_BASIS_OPENING_RE = regex.compile(r"(?i)^\s*(?:can\s+cu|theo\s+de\s+nghi|xet\s+de\s+nghi|xet\s+to\s+trinh)(?![a-z])")

#: Without a section tree, the body starts at the first labelled line.
_BODY_LABEL_RE = regex.compile(
    r"(?m)^\s*(?:(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC)\s+(?:[IVX]+|\d+|thứ\s+nhất)\b|[IVX]+\s*[.:]\s|\d+\s*\.\s|Điều\s+\d+\b)"
)

#: Right before a reference: the verbs that say the document carries it out.
_IMPLEMENTS_LEAD_RE = regex.compile(r"(?i)(?:thuc\s+hien|trien\s+khai|quan\s+triet|thi\s+hanh)\s*$")

#: `Thực hiện ý kiến chỉ đạo của Ủy ban nhân dân tỉnh tại Công văn số …`,
#: `… Quy hoạch tỉnh đã được phê duyệt tại Quyết định số …`: the act that
#: holds what is carried out (folded).
_HELD_IN_LEAD_RE = regex.compile(r"(?i)(?:phe\s+duyet|ban\s+hanh|chi\s+dao|y\s+kien)[^,;()]{0,80}?\s+tai\s*$")

_ABOUT_LEAD_RE = regex.compile(r"(?<![\p{L}])về(?:\s+việc)?\s*$")

_COORD_LEAD_RE = regex.compile(r"(?i)(?:,|;|(?<![a-z])va|,\s*va)\s*$")

_MIDLINE_BASIS_RE = regex.compile(r"[.;]\s+(?P<open>Can\s+cu|Theo\s+de\s+nghi|Xet\s+de\s+nghi)(?![a-z])")

#: A sentence ends at `.` or `:` before a capital (`sau: I. MỤC ĐÍCH`); a
#: dot before a lower-case word is OCR debris.
_SENTENCE_END_RE = regex.compile(r"[.:](?=\s+\p{Lu}|\s*$)", regex.MULTILINE)

_TOPLEVEL_GAP_RE = regex.compile(r"\s*(?:,\s*và|,|và|hoặc)\s*(?:số\s*:?\s*)?")


_CAPTION_RE = regex.compile(r"(?i)\s*\(\s*(?:ban\s+hanh\s+)?kem\s+theo\s+")


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


#: A line that is a kind line alone, folded, with spaces and markdown marks
#: around and inside it (`**KẾ HOẠCH**`, `K Ế   H O Ạ C H` aside).
_KIND_LINE_RE = regex.compile(
    r"[\s*#_]*(?:" + "|".join(k.replace(" ", r"[\s*#_]+") for k in sorted(_KIND_LINES)) + r")[\s*#_]*"
)


def _title_zones(text: str, folded: str) -> list[tuple[int, int]]:
    """Spans of the document titles: the line after a kind line, with its
    wrapped continuations, and `V/v …` subject lines."""
    zones = []
    lines = list(_lines(text))
    for i, (s, e, line) in enumerate(lines):
        if _KIND_LINE_RE.fullmatch(folded, s, e):
            j = i + 1
            while j < len(lines) and not lines[j][2].strip():
                j += 1
            if j >= len(lines):
                continue
            zs, ze = lines[j][0], lines[j][1]
            k = j + 1
            while k < len(lines) and lines[k][2][:1].strip() and (lines[k][2][0].islower() or lines[k][2][0].isdigit()):
                ze = lines[k][1]
                k += 1
            zones.append((zs, ze))
            # `(Ban hành kèm theo Nghị quyết số 35-NQ/TU …)` under the title: the
            # act the plan was issued with (the document's own number is dropped later).
            if k < len(lines) and _CAPTION_RE.match(folded, lines[k][0]):
                zones.append((lines[k][0], _CAPTION_RE.match(folded, lines[k][0]).end() + 60))
        elif pm := _KIND_PREFIX_RE.match(folded, s, e):
            stop = _TITLE_TAIL_END_RE.search(folded, pm.end(), min(e, pm.end() + 600))
            zones.append((pm.end(), stop.start() if stop else min(e, pm.end() + 600)))
        elif i < 40 and _SUBJECT_LINE_RE.match(line):
            zones.append((s, e))
    return zones


def _preamble_test(doc, text: str):
    """A function telling whether an offset lies in a preamble (before the
    body, or in a section whose kind is `preamble`)."""
    sections = list(getattr(doc, "sections", None) or [])
    if sections:
        first = min(s.char_start for s in sections)

        def test(off: int) -> bool:
            s = doc.section_at(off)
            if s is None:
                return off < first
            return any(a.kind == "preamble" for a in doc.ancestors(s))

        return test
    m = _BODY_LABEL_RE.search(text)
    body = m.start() if m else len(text)
    return lambda off: off < body


def _clause_end(text: str, start: int) -> int:
    """End of the opening clause from `start`: its first sentence, so text
    that lost its line breaks does not become one long preamble, but going on
    over lines that OCR broke off mid-clause."""
    pos = start
    while True:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        stop = _SENTENCE_END_RE.search(text, pos, end)
        if stop:
            return stop.end()
        if _CLAUSE_MARK_AT_END.ends(text, pos, end) or not CONTINUATION_RE.match(text, end):
            return end
        pos = end + 1


def relations(doc, text: str, folded: str, refs: list[Mention]) -> None:
    in_preamble = _preamble_test(doc, text)
    zones: list[tuple[int, int, str]] = [(s, e, "implements") for s, e in _title_zones(text, folded)]
    for s, e, line in _lines(text):
        if not line.strip() or not in_preamble(s + len(line) - len(line.lstrip())):
            continue
        body = _ITEM_MARK.sub("", folded[s:e])
        e = _clause_end(text, s)
        if _BASIS_OPENING_RE.match(body):
            zones.append((s, e, "can_cu"))
        elif _IMPLEMENTS_OPENING_RE.match(body):
            zones.append((s, e, "implements"))
    # A basis clause that lost its line break still opens after `;` or `.`.
    for m in _MIDLINE_BASIS_RE.finditer(folded):
        at = m.start("open")
        if in_preamble(at) and not any(zs <= at < ze for zs, ze, _ in zones):
            zones.append((at, _clause_end(text, at), "can_cu"))
    for zs, ze, kind in zones:
        inside = [r for r in refs if zs <= r.start < ze]
        if kind == "implements":
            _chain(text, folded, zs, inside)
        else:
            _basis(text, zs, ze, inside)


def _chain(text: str, folded: str, zs: int, refs: list[Mention]) -> None:
    prev = None
    for r in refs:
        lead_lo = max(zs, r.start - 40)
        lead_f = folded[lead_lo : r.start]
        lead = text[lead_lo : r.start]
        carried = bool(
            _IMPLEMENTS_LEAD_RE.search(lead_f) or _ABOUT_LEAD_RE.search(lead) or _CAPTION_RE.fullmatch(lead_f)
        )
        if not carried and prev is not None and _COORD_LEAD_RE.search(lead_f):
            carried = prev.chained
        if not carried and (prev is None or prev.chained):
            carried = bool(_HELD_IN_LEAD_RE.search(folded[max(zs, r.start - 120) : r.start]))
        r.chained = carried
        if carried:
            r.relation = "implements"
        prev = r


def _basis(text: str, zs: int, ze: int, refs: list[Mention]) -> None:
    item_starts = [zs]
    semi = text.find(";", zs, ze)
    while semi >= 0:
        item_starts.append(semi + 1)
        semi = text.find(";", semi + 1, ze)
    for i, istart in enumerate(item_starts):
        iend = item_starts[i + 1] if i + 1 < len(item_starts) else ze
        top = None
        for r in (r for r in refs if istart <= r.start < iend):
            if top is None:
                ok = True
            else:
                gap_lo = top.end
                ok = gap_lo <= r.start and bool(_TOPLEVEL_GAP_RE.fullmatch(text[gap_lo : r.start]))
            if ok:  # nested ones (inside another's subject or title) stay mentions
                top = r
                if r.relation != "implements":
                    r.relation = "can_cu"


_RANK = {"implements": 3, "can_cu": 2, "mention": 1}


def inherit(refs: list[Mention]) -> None:
    """A key's strongest relation for all its mentions; year, date and issuer
    a mention leaves out taken from the nearest mention that states them
    (an earlier one first)."""
    by_key: dict[str, list[Mention]] = {}
    for r in refs:
        by_key.setdefault(r.key, []).append(r)
    for group in by_key.values():
        best = max(group, key=lambda r: _RANK[r.relation]).relation
        for i, r in enumerate(group):
            r.relation = best
            order = group[i - 1 :: -1] + group[i + 1 :] if i else group[1:]
            for f in ("issue_date", "issuer"):
                if getattr(r, f) is None:
                    src = next((o for o in order if getattr(o, f) is not None), None)
                    if src is not None:
                        setattr(r, f, getattr(src, f))
            if r.year is None:
                src = next((o for o in order if o.year is not None), None)
                if src is not None:
                    r.year = src.year


def share_issuer(text: str, refs: list[Mention]) -> None:
    """`Quyết định số 1756/QĐ-TTg ngày … và Quyết định số 68/QĐ-TTg ngày … của
    Thủ tướng Chính phủ`: one issuer after a pair of the same kind and issuing
    code belongs to both."""
    # Back to front, so `số 123/…, 124/… và 125/… của X` passes X down the list.
    for a, b in reversed(list(zip(refs, refs[1:], strict=False))):
        if a.issuer or not b.issuer or a.symbol is None or b.symbol is None:
            continue
        if a.ref_type != b.ref_type or a.symbol != b.symbol:
            continue
        if _TOPLEVEL_GAP_RE.fullmatch(text[a.end : b.start]):
            a.issuer = b.issuer
