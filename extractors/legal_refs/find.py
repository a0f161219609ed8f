"""Step 2, find: numbered references, lists sharing a type word, law titles and
references whose type word OCR garbled."""

from __future__ import annotations

import regex

from extractors.legal_refs.mention import Mention, normalize_symbol, ref_key
from extractors.legal_refs.patterns import (
    AMENDING_RE,
    KNOWN_LAW_RE,
    LAW_HEAD_RE,
    LAW_STOPS,
    LIST_LINK_RE,
    N_LAWS_RE,
    NOT_LAW_FIRST,
    NUMBER_SYMBOL_RE,
    SEP,
    SYMBOL_TYPES,
    TYPE_OF,
    TYPED_HEAD_RE,
)
from extractors.legal_refs.resolve import resolve_tail, starts_reference
from extractors.legal_refs.tokenize import squash, word_iter
from extractors.text.fold import fold
from extractors.text.patterns import windows_around

_SEP_RE = regex.compile(SEP)
#: The header's `Số:` field before a number on its line: the document's own number.
_NUMBER_FIELD_BEFORE = regex.compile(r"\s*Số\s*:?\s*")
#: `Phòng, chống …`: the comma belongs to the law's title.
_CHONG_AFTER = regex.compile(r"\s*chống(?![\p{L}])")
#: A title whose words go on past a comma in small letters up to the law's date (`Luật Quản lý,
#: sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29 tháng 6 năm 2024`): the date ends it.
#: A capital after the comma opens another title or a name (`Luật Đầu tư, Luật Doanh nghiệp`).
#: Only on a line of the legal basis (`Căn cứ …`), which names a law and its date and nothing
#: else: in a sentence a comma after a title may go on to a clause of its own.
_TITLE_TO_ITS_DATE = regex.compile(r"(?:\s*,?\s*\p{Ll}+){1,16}?(?=\s+ngày\s+\d)")
_BASIS_LINE = regex.compile(r"[\s\-–+•]*(?i:căn\s+cứ)\s")
_LUAT_AFTER = regex.compile(r"\s+Luật")
#: A law's head in a list of titles: `(các) Luật …`.
_LUAT_HEAD = regex.compile(r"(?:các\s+)?[Ll]uật\s+")
#: What joins two titles of a list: `, Luật …`, `và Luật …`.
_LAW_LINK = regex.compile(r"\s*(?:,\s*và|,|và)\s+(?=[Ll]uật\s)")
#: `số` after a law's title (`Luật Công nghiệp công nghệ số số 71/2025/QH15`: the first ends the title).
_SO_AFTER_TITLE = regex.compile(r"\s*,?\s*(?:(?P<word>số)\s+(?=số\b))?(?:số\s*:?\s*)?")
#: Where a number starts: a typed head ends just before one.
_NUMBER_START = regex.compile(r"(?<!\d)\d")
#: How far before its number a typed head can start (`Nghị quyết liên tịch số:`
#: is 26 characters; OCR's gaps and stray marks add a few).
_HEAD_REACH = 120


def _symbol_ok(symbol: str) -> bool:
    # A part with more than two lower-case letters is a word, not a code.
    parts = _SEP_RE.split(symbol)
    return all(sum(c.islower() for c in p) <= 2 for p in parts)


def _numbered_at(text: str, pos: int):
    m = NUMBER_SYMBOL_RE.match(text, pos)
    if not m or not _symbol_ok(m.group("symbol")):
        return None
    return m


_WORD_GAPS = regex.compile(r"[\s\-_.]+")


def _type_of(word: str) -> str:
    for rx, t in TYPE_OF:
        if rx.match(_WORD_GAPS.sub(" ", word).strip()):
            return t
    return "other"


def find_numbered(text: str, folded: str) -> list[Mention]:
    out = []
    heads = (
        h
        for ws, we in windows_around(folded, _NUMBER_START, _HEAD_REACH, 0)
        for h in TYPED_HEAD_RE.finditer(folded, ws, we)
    )
    for h in heads:
        m = _numbered_at(text, h.end())
        if not m:
            continue
        ref_type = _type_of(h.group("type"))
        out.append(_numbered_mention(h.start(), m, ref_type))
    return out


def _numbered_mention(start: int, m, ref_type: str) -> Mention:
    ny = m.group("numyear")
    return Mention(
        start=start,
        end=m.end(),
        ref_type=ref_type,
        number=str(int(m.group("number"))),
        numyear=int(ny) if ny else None,
        symbol=normalize_symbol(m.group("symbol")),
    )


def find_listed(text: str, folded: str, typed: list[Mention]) -> list[Mention]:
    """`Nghị quyết số 24-NQ/TW, 55-NQ/TW`: list members after a typed one."""
    out = []
    for ref in typed:
        cur = ref
        while True:
            link = LIST_LINK_RE.match(text, cur.end)
            if not link or "\n" in link.group(0):
                break
            m = _numbered_at(text, link.end())
            if not m:
                break
            nxt = _numbered_mention(m.start(), m, cur.ref_type)
            resolve_tail(text, folded, nxt)
            out.append(nxt)
            cur = nxt
    return out


def find_untyped(text: str, folded: str, found: list[Mention]) -> list[Mention]:
    """A số hiệu with no type word before it (OCR garbled it), kept only when
    its symbol opens with a document code and a date or issuer follows."""
    covered = [(r.start, r.end) for r in found]
    out = []
    for m in NUMBER_SYMBOL_RE.finditer(text):
        if any(a <= m.start() < b for a, b in covered) or not _symbol_ok(m.group("symbol")):
            continue
        if m.start() and text[m.start() - 1].isalpha():
            continue  # `o6-KL/TW`: a digit OCR misread, the number is not to be trusted
        symbol = normalize_symbol(m.group("symbol"))
        code = symbol.split("-")[0]
        if code not in SYMBOL_TYPES or "-" not in symbol:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _NUMBER_FIELD_BEFORE.fullmatch(text, line_start, m.start()):
            continue  # the header's own number
        ref = _numbered_mention(m.start(), m, SYMBOL_TYPES[code])
        ref.typed = False
        resolve_tail(text, folded, ref)
        if ref.issue_date or ref.issuer:
            out.append(ref)
    return out


def _heuristic_law_name(text: str, pos: int) -> int | None:
    """End of a law title read word by word, or None if none starts here."""
    end = None
    words = 0
    for ws, we, w in word_iter(text, pos, 160):
        if words == 0:
            if not w[0].isupper() or w.lower() in NOT_LAW_FIRST:
                return None
        elif not w[0].isalnum():
            # `Phòng, chống …` keeps its comma; so does a title read to its date; any other
            # punctuation ends it.
            if w == "," and _CHONG_AFTER.match(text, we):
                continue
            basis = w == "," and _BASIS_LINE.match(text, text.rfind("\n", 0, pos) + 1)
            if basis and (dated := _TITLE_TO_ITS_DATE.match(text, ws)):
                return dated.end()
            break
        elif w[0].isdigit() or LAW_STOPS.match(text, ws) or w[0].isupper() and starts_reference(text, ws):
            break
        end = we
        words += 1
        if words >= 7:
            break
    return end


def _law_name_end(text: str, pos: int) -> int | None:
    """End of the law title starting at `pos` (just after `Luật `)."""
    am = AMENDING_RE.match(text, pos)
    if am:
        return _amending_law_end(text, am.end())
    km = KNOWN_LAW_RE.match(text, pos)
    if km:
        return km.end()
    return _heuristic_law_name(text, pos)


def _amending_law_end(text: str, pos: int) -> int | None:
    # `… của 11 luật liên quan đến quy hoạch` runs to the date or clause end.
    end: int | None
    if N_LAWS_RE.match(text, pos):
        end = pos
        for _ws, we, w in word_iter(text, pos, 200, cross_wraps=True):
            if not w[0].isalnum() or w in ("ngày", "năm", "đã", "được") or (w == "và" and _LUAT_AFTER.match(text, we)):
                break
            end = we
        return end
    # `… của Luật Quy hoạch, Luật Đầu tư … và Luật Đấu thầu`: a list of titles.
    end = None
    cur = pos
    while True:
        lm = _LUAT_HEAD.match(text, cur)
        if not lm:
            break
        inner = _law_name_end(text, lm.end())
        if inner is None:
            break
        end = inner
        link = _LAW_LINK.match(text, end)
        if not link:
            break
        cur = link.end()
    return end


def find_laws(text: str, folded: str, numbered: list[Mention]) -> list[Mention]:
    taken = {r.start for r in numbered}
    out = []
    starts: dict[int, int] = {}  # a mention's start -> where its title starts
    for h in LAW_HEAD_RE.finditer(folded):
        if h.start() in taken:
            continue
        before = text[max(0, h.start() - 6) : h.start()].lower()
        if before.rstrip().endswith("pháp"):
            continue
        name_start = h.end()
        name_end = _law_name_end(text, name_start)
        if name_end is None or name_end <= name_start:
            continue
        starts[h.start()] = name_start
        ref_type = "bo_luat" if h.group("type").lower().startswith("bo") else "luat"
        ref = Mention(start=h.start(), end=name_end, ref_type=ref_type, name=squash(text[name_start:name_end]))
        # `Luật Bảo vệ môi trường số 72/2020/QH14` is a numbered reference, and
        # so is `Luật Đầu tư 61/2020/QH14`; in `Luật Công nghiệp công nghệ số
        # số 71/2025/QH15` the first `số` ends the title.
        sm = _SO_AFTER_TITLE.match(text, name_end)
        m = _numbered_at(text, sm.end()) if sm else None
        if sm and m:
            if sm.group("word"):
                ref.name = squash(text[name_start : sm.end("word")])
            num = _numbered_mention(h.start(), m, ref_type)
            num.name = ref.name
            ref = num
        out.append(ref)
    _complete_titles(text, out, starts)
    return out


def _complete_titles(text: str, laws: list[Mention], starts: dict[int, int]) -> None:
    """A title the document gives in full once (its legal basis, read to the law's date) and
    names again in a sentence, where a comma stops the reading word by word (`theo Luật Quản
    lý, sử dụng vũ khí, …`): a shorter reading the text goes on to the full title takes it."""
    full = sorted({r.name for r in laws if r.name and "," in r.name and not r.symbol}, key=len, reverse=True)
    for r in laws:
        if r.symbol or not r.name or r.start not in starts:
            continue
        for name in full:
            if len(name) <= len(r.name) or not name.startswith(r.name) or name[len(r.name)] != ",":
                continue
            window = text[starts[r.start] : r.end + 2 * (len(name) - len(r.name)) + 8]
            end = next(
                (
                    k
                    for k in range(len(name), len(window) + 1)
                    if squash(window[:k]) == name and not window[k : k + 1].isalnum()
                ),
                None,
            )
            if end is not None:
                r.end, r.name = starts[r.start] + end, name
                break


#: A short mention by type word and number alone: `Đề án số 08`, `Nghị quyết 35`.
_SHORT_RE = regex.compile(
    r"(?<!\p{L})(?P<word>Đề\s+án|Nghị\s+quyết|Kế\s+hoạch|Chỉ\s+thị|Kết\s+luận|Quyết\s+định|Chương\s+trình)"
    r"\s+(?:số\s*)?(?P<number>\d{1,4})(?![\d/\-–\p{L}])"
)


def find_short(text: str, refs: list[Mention]) -> list[Mention]:
    """Short mentions of a document the text names in full elsewhere (same
    type and number, one key): `Thực hiện Đề án số 08 …` beside `Đề án 08-ĐA/TU`."""
    full: dict[tuple[str, int], set[tuple[str, str | None]]] = {}
    for r in refs:
        if r.number and r.number.isdigit() and r.symbol:
            full.setdefault((r.ref_type, int(r.number)), set()).add((r.number, r.symbol))
    taken = [(r.start, r.end) for r in refs]
    out = []
    for m in _SHORT_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        kind = _type_of(fold(m.group("word")))
        known = full.get((kind, int(m.group("number"))))
        if not known or len({ref_key(n, s) for n, s in known}) != 1:
            continue
        number, symbol = next(iter(known))
        out.append(Mention(start=m.start(), end=m.end(), ref_type=kind, number=number, symbol=symbol))
    return out
