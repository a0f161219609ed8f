"""Step 3, resolve: the tail of a mention (issue date, `của <issuer>`, `về …`)
and an issuer named before it."""

from __future__ import annotations

import regex

from extractors.legal_refs.mention import Mention
from extractors.legal_refs.patterns import (
    ABBREVIATION_RES,
    AGENCY_HEAD,
    AGENCY_HEAD_RE,
    DATE_AFTER_RE,
    ISSUER_LEAD_RE,
    ISSUER_STOPS,
    ISSUER_STOPS_FOLDED,
    LAW_HEAD_RE,
    LOOKBACK_ISSUER_RE,
    LOOKBACK_LEAD_RE,
    TITLE_OPENING_CAPITAL,
    TITLE_VERBS,
    TYPED_HEAD_RE,
    YEAR_AFTER_RE,
)
from extractors.legal_refs.tokenize import WORD_RE, word_iter
from extractors.text.dates import make_date
from extractors.text.fold import fold
from extractors.text.patterns import SPACES


def _is_issuer_stop(text: str, pos: int) -> bool:
    return bool(ISSUER_STOPS.match(text, pos) or ISSUER_STOPS_FOLDED.match(fold(text[pos : pos + 16]).lower()))


_DASH_IN_WORD = regex.compile(r"(?<=\p{L})-(?=\p{Ll})")


def expand_agency(name: str | None) -> str | None:
    """`UBND tỉnh` → `Ủy ban nhân dân tỉnh`; whitespace collapsed."""
    if not name:
        return name
    for rx, full in ABBREVIATION_RES:
        name = rx.sub(full, name)
    name = _DASH_IN_WORD.sub(" ", name)  # OCR's `Ủy-ban`
    name = SPACES.sub(" ", name).strip(" ,;:.-_")
    return name.replace("Uỷ ban", "Ủy ban") or None


def _parse_issuer(text: str, pos: int) -> tuple[int, str] | None:
    """End of the issuing body starting at `pos` and its name with OCR
    debris left out, or None."""
    first = True
    end = None
    words: list[str] = []
    pending: list[str] = []  # `,` `-` `và` kept only if the name goes on
    for ws, we, w in word_iter(text, pos, 200, cross_wraps=True):
        if first:
            if not (w[0].isupper() and w[0].isalpha()):
                return None
            first = False
        elif w in (",", "-", "–", "_", ":", ".", "|"):
            # `Bộ Văn hóa, Thể thao và Du lịch`, `Bộ Lao động - Thương binh …`;
            # a mark before a lower-case word that is not a stop, or inside
            # `Thủ tướng - Chính phủ`, is OCR debris (`Bộ Chính : trị`).
            nxt = WORD_RE.match(text, we)
            if not nxt:
                break
            nw = nxt.group("w")
            if w != "," and (
                (nw[:1].islower() and not _is_issuer_stop(text, nxt.start("w")))
                or " ".join(words).endswith("Thủ tướng")
            ):
                continue
            if w not in (",", "-", "–") or not _continues_agency(text, nxt.start("w"), nw):
                break
            pending.append(w)
            continue
        elif not w[0].isalnum():
            break
        elif w == "và":
            nxt = WORD_RE.match(text, we)
            if not nxt or not _continues_agency(text, nxt.start("w"), nxt.group("w")):
                break
            pending.append(w)
            continue
        elif (
            not w[0].isupper()
            and _is_issuer_stop(text, ws)
            or w[0].isupper()
            and (starts_reference(text, ws) or TITLE_OPENING_CAPITAL.match(text, ws))
        ):
            break
        words.extend(pending)
        pending = []
        words.append(w)
        end = we
        if len(words) >= 16:
            break
    if end is None:
        return None
    return end, " ".join(words).replace(" ,", ",")


def starts_reference(text: str, pos: int) -> bool:
    window = text[pos : pos + 40]
    return bool(TYPED_HEAD_RE.match(fold(window))) or bool(LAW_HEAD_RE.match(fold(window)))


def _continues_agency(text: str, pos: int, word: str) -> bool:
    """After `và` or a comma: a capitalised word that is neither a new body
    nor a new reference continues the name (`Bộ Tài nguyên và Môi trường`)."""
    if not word[:1].isupper() or not word[0].isalpha():
        return False
    return not (AGENCY_HEAD_RE.match(text, pos) or starts_reference(text, pos))


#: A joint act's symbol: its kind ends in `LT` (liên tịch) or names a joint programme or
#: regulation (`CTPH`, `QCPH`, `QCLT`), then two issuers or more (`TTLT-BYT-BNV`).
_JOINT_SYMBOL_RE = regex.compile(r"^[\p{L}Đđ]*(?:LT|PH)(?:-[\p{L}Đđ]+){2,}$", regex.IGNORECASE)
#: Where a joint act's next issuer begins.
_JOINT_ISSUER_RE = regex.compile(r"(?P<sep>,\s*|\s+và\s+|,\s*và\s+)(?=\p{Lu})")


def _is_joint(ref: Mention) -> bool:
    """A joint act (`Thông tư liên tịch`, `Chương trình phối hợp`), whose issuers are all named
    after `của`, joined by `và` (`… của Bộ Y tế và Bộ Nội vụ`)."""
    return bool(ref.symbol and _JOINT_SYMBOL_RE.match(ref.symbol.replace("/", "-")))


def resolve_tail(text: str, folded: str, ref: Mention) -> None:
    """Date, issuer and subject clause after the number or title."""
    pos = ref.end
    dm = DATE_AFTER_RE.match(folded, pos)
    # A line break before `ngày …` or `của …` is a hard wrap (neither word
    # opens a paragraph); a tab is a table cell boundary.
    if dm and "\t" not in dm.group(0) and dm.group(0).count("\n") <= 1:
        d = make_date(dm.group("year"), dm.group("month"), dm.group("day"))
        if d:
            ref.issue_date = d
            pos = ref.end = dm.end()
    elif ref.name is not None:
        ym = YEAR_AFTER_RE.match(text, pos)
        if ym and "\n" not in ym.group(0):
            ref.year = int(ym.group("year"))
            pos = ref.end = ym.end()
    im = ISSUER_LEAD_RE.match(folded, pos)
    if im and im.group("w") == "do" and text[im.start("w") : im.end("w")] != "do":
        im = None  # `đó`, `độ` fold to `do` too
    if im and "\t" not in im.group(0) and im.group(0).count("\n") <= 1:
        found = _parse_issuer(text, im.end())
        if found:
            pos = ref.end = found[0]
            ref.issuer = expand_agency(found[1])
            while (
                _is_joint(ref)
                and (more := _JOINT_ISSUER_RE.match(text, pos))
                and (found := _parse_issuer(text, more.end()))
            ):
                # `Thông tư liên tịch số 12/2015/TTLT-BYT-BNV … của Bộ Y tế và Bộ Nội vụ`
                pos = ref.end = found[0]
                ref.issuer = f"{ref.issuer}{more.group('sep')}{expand_agency(found[1])}"
    ref.year = ref.year or ref.numyear or (ref.issue_date.year if ref.issue_date else None)
    if ref.symbol is not None:  # a law's title already says what it is about
        _resolve_title(text, ref)


#: A subject clause opens with `về`, a quotation, or – with no comma before
#: it, which would start a new clause – the verb of the referenced act.
_TITLE_START_RE = regex.compile(
    r"\s*(?:,\s*)?(?P<t>về(?![\p{L}])|[“\"])"
    # the verb written with a capital too (`… của Chính phủ Quy định về …`)
    rf"|\s+(?P<t>(?i:thực\s+hiện|triển\s+khai|{TITLE_VERBS})(?![\p{{L}}]))"
)

#: Where a subject clause ends: an aside in brackets, a purpose (`nhằm`), the
#: next coordinated reference or a new main clause (`, Ủy ban nhân dân …`).
_TITLE_END_RE = regex.compile(
    r"[\n\t;”]|\.(?:\s|$)|\s*\((?=\s*(?:sau\s+đây|gọi\s+tắt|viết\s+tắt|kèm|ban\s+hành\s+kèm))"
    r"|\s+(?:nhằm|để)\s|,\s*hướng\s+tới|,\s*(?=" + AGENCY_HEAD + r"\s)"
)

_QUOTE_END_RE = regex.compile(r"[”\"\n]")

_COORD_RE = regex.compile(r"\s*(?:,|và|,\s*và)\s+")


def _resolve_title(text: str, ref: Mention) -> None:
    tm = _TITLE_START_RE.match(text, ref.end)
    if not tm or "\n" in tm.group(0):
        return
    start = tm.start("t")
    if tm.group("t") in '“"':
        close = _QUOTE_END_RE.search(text, tm.end())
        end = close.start() if close else min(len(text), tm.end() + 400)
        title = text[tm.end() : end]
    else:
        em = _TITLE_END_RE.search(text, tm.end(), min(len(text), tm.end() + 600))
        end = em.start() if em else min(len(text), tm.end() + 600)
        # A reference coordinated with this one (`… và Quyết định số 68/…`)
        # is not part of its subject.
        for lm in _COORD_RE.finditer(text[tm.end() : end]):
            p = tm.end() + lm.end()
            if starts_reference(text, p):
                end = tm.end() + lm.start()
                break
        title = text[start:end]
    title = SPACES.sub(" ", title).strip(" ,;:.")
    ref.title = title or None


def issuer_before(text: str, ref: Mention) -> str | None:
    """`của Giám đốc Sở Tài chính tại Công văn …`, `được Thủ tướng Chính phủ
    phê duyệt tại Quyết định …`: the body named just before the reference."""
    lo = max(0, ref.start - 160, text.rfind("\n", 0, ref.start) + 1)
    window = text[lo : ref.start]
    # Without a type word, the garbled one (`tại Tuệ định 1161/…`) is skipped.
    tries = [window] if ref.typed else [window, *(_drop_words(window, n) for n in (1, 2))]
    for w in tries:
        for lead in reversed(list(LOOKBACK_LEAD_RE.finditer(w))):
            m = LOOKBACK_ISSUER_RE.fullmatch(w, lead.end())
            if m:
                return expand_agency(m.group("agency"))
    return None


def _drop_words(s: str, n: int) -> str:
    return regex.sub(rf"(?:\S+\s*){{{n}}}$", "", s)
