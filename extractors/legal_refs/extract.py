"""Legal references: the other documents a plan cites, one row per mention.

A reference is either *numbered* (`Quyết định số 1055/QĐ-TTg ngày 20 tháng 7
năm 2020 của Thủ tướng Chính phủ`, `Nghị quyết 24-NQ/TW`, `Nghị định số
118/2014/NĐ-CP`) or a *law named by its title* (`Luật Quy hoạch ngày 24 tháng
11 năm 2017`, `Luật Đất đai năm 2024`).  Programmes named without a number
(`Thỏa thuận Paris`, `Nghị quyết Trung ương 7 khóa XI`) are not references.

The work is done in eyecite's four steps:

1. tokenize – a *folded* shadow of the text (diacritics and case stripped,
   one character per character, so offsets agree) lets type words survive OCR
   confusions such as `Quyêt định`, `sô`;
2. find     – type word + number/symbol, lists that share a type word
   (`Nghị quyết số 24-NQ/TW, 55-NQ/TW`), law titles, and – for a type word
   OCR garbled – a số hiệu whose symbol opens with a document code (`QĐ`,
   `NQ` …) and is followed by a date or issuer;
3. resolve  – the tail of each mention: issue date, `của <issuer>`, the
   `về …` subject clause; an issuer named before (`… của Sở Tài chính tại
   Công văn số …`, `được Thủ tướng Chính phủ phê duyệt tại Quyết định …`);
4. annotate – relation (`can_cu`, `implements`, `mention`), then facts a
   short mention leaves out are taken from another mention of the same key.

Relation rules (they look at where a mention sits, never at what it names):

* `can_cu`: a preamble paragraph opening with `Căn cứ`, `Theo đề nghị`,
  `Xét đề nghị`; within it each `;`-separated item's first reference and the
  ones coordinated with it (`…, ` / `… và …`).  References nested inside
  another one's subject clause or law title (`Nghị định 22 … sửa đổi … Nghị
  định 37`) are only mentioned there.
* `implements`: the document title (the line after the kind line `KẾ HOẠCH`,
  `QUYẾT ĐỊNH`, … or a `V/v` line) and preamble paragraphs opening with
  `Thực hiện` / `Triển khai` / `Để thực hiện` / `Quán triệt`.  Inside those the
  chain is followed through the verbs that say "carry out" – a reference
  directly after `thực hiện`, `triển khai`, `quán triệt`, `thi hành` or `về`
  (a plan *về* a directive carries the directive out), or coordinated with one
  that is (`, ` `và` `;`), or the act that holds what is carried out
  (`Thực hiện ý kiến chỉ đạo … tại Công văn số …`, `… đã được phê duyệt tại
  Quyết định số …`) while nothing else broke the chain.  One introduced by
  `theo`, `quy định tại`, `gọi tắt là` … is context, not the thing carried out.
* A key's relation is the strongest of its mentions (implements > can_cu >
  mention), so a later short mention of an implemented directive says
  `implements` too.

Without a section tree the preamble is everything before the first labelled
line (`I.`, `1.`, `Điều 1`); with one, sections of kind `preamble`.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import Levenshtein

from extractors.legal_refs.annotate import inherit, relations, share_issuer
from extractors.legal_refs.find import find_laws, find_listed, find_numbered, find_short, find_untyped
from extractors.legal_refs.mention import key_of_number, ref_key
from extractors.legal_refs.patterns import OWN_NUMBER_RE, SYMBOL_TYPES
from extractors.legal_refs.resolve import issuer_before, resolve_tail
from extractors.text.fold import fold
from schemas import LegalRef


def own_number_of(text: str) -> str | None:
    """The số hiệu on the header `Số:` line near the top, as a ref_key."""
    head = text[:3000]
    m = OWN_NUMBER_RE.search(head)
    return ref_key(m.group("number"), m.group("symbol")) if m else None


def extract_legal_refs(doc, own_number: str | None = None) -> list[LegalRef]:
    """Every mention of another legal document in `doc` (a ParsedDoc), in
    document order.  `own_number` (`243/QĐ-UBND`) is the document's own số
    hiệu and is skipped; without it the header `Số:` line is used."""
    text = doc.text if hasattr(doc, "text") else str(doc)
    if not text:
        return []
    folded = fold(text)
    own_key = (key_of_number(own_number) if own_number else None) or own_number_of(text)

    numbered = find_numbered(text, folded)
    for r in numbered:
        resolve_tail(text, folded, r)
    listed = find_listed(text, folded, numbered)
    numbered += listed
    listed = find_untyped(text, folded, numbered)
    laws = find_laws(text, folded, numbered)
    for r in laws:
        # A law named inside an amending law's title (`… của Luật Phòng,
        # chống thiên tai và Luật Đê điều ngày …`): the date is the outer one's.
        if not any(o is not r and o.start < r.start < o.end for o in laws):
            resolve_tail(text, folded, r)
    short = find_short(text, numbered + listed)
    refs = sorted(numbered + listed + laws + short, key=lambda r: (r.start, -r.end))

    kept = []
    for r in refs:
        r.key = ref_key(r.number, r.symbol) if r.symbol else ref_key(law_name=r.name)
        if not r.key or r.key == own_key or _damaged_own(r.key, own_key):
            continue
        if r.issuer is None:
            r.issuer = issuer_before(text, r)
        kept.append(r)

    merge_damaged(kept)
    share_issuer(text, kept)
    relations(doc, text, folded, kept)
    inherit(kept)

    out = []
    for r in kept:
        out.append(
            LegalRef(
                section_id=doc.section_id_at(r.start) if hasattr(doc, "section_id_at") else None,
                char_start=r.start,
                char_end=r.end,
                page=doc.page_at(r.start) if hasattr(doc, "page_at") else None,
                text=text[r.start : r.end],
                ref_type=r.ref_type,
                number=r.number,
                symbol=r.symbol,
                year=r.year,
                issue_date=r.issue_date,
                issuer=r.issuer,
                title=r.title,
                relation=r.relation,
                ref_key=r.key,
            )
        )
    return out


#: A symbol this long may carry two misread characters and still be the document's own
#: (`1234/QĐĐ-BNNMTT` for `1234/QĐ-BNNMT` in an appendix caption OCR read).
_OWN_DAMAGE_MIN_CHARS = 6


def _damaged_own(key: str, own_key: str | None) -> bool:
    """The document's own số hiệu, OCR-damaged: the same number, a symbol a character
    or two off (two only in a long symbol)."""
    if not own_key or "/" not in key or "/" not in own_key:
        return False
    (number, symbol), (own_number, own_symbol) = key.split("/", 1), own_key.split("/", 1)
    if number != own_number:
        return False
    code, own_code = symbol.split("-", 1)[0].upper(), own_symbol.split("-", 1)[0].upper()
    if code != own_code and code in SYMBOL_TYPES and own_code in SYMBOL_TYPES:
        return False  # `12/QĐ-UBND` cited by the plan `12/KH-UBND`: another kind of act, numbered alike
    allowed = 2 if len(own_symbol) >= _OWN_DAMAGE_MIN_CHARS else 1
    return Levenshtein.distance(symbol, own_symbol) <= allowed


def _damaged_form(symbol: str, of: str) -> bool:
    """`symbol` is `of` with one character misread, or cut where OCR lost its tail (`QĐ` of `QĐ-TTG`)."""
    return Levenshtein.distance(of, symbol) == 1 or of.startswith(symbol + "-")


def merge_damaged(refs: list) -> None:
    """A số hiệu OCR damaged by one character (`1050/QĐ-SCTT` beside five
    `1050/QĐ-SCT`) or cut short (`68/QĐ` beside `68/QĐ-TTg`) takes the key of
    the same number seen more often."""
    counts = Counter(r.key for r in refs if r.symbol)
    for r in refs:
        if not r.symbol or "/" not in r.key:
            continue
        number, symbol = r.key.split("/", 1)
        best = max(
            (
                k
                for k, n in counts.items()
                if n > counts[r.key] and k.split("/", 1)[0] == number and _damaged_form(symbol, k.split("/", 1)[1])
            ),
            key=lambda k: counts[k],
            default=None,
        )
        if best is not None:
            r.key, r.symbol = best, next(o.symbol for o in refs if o.key == best)


def implemented_keys(refs: list) -> list[str]:
    """ref_keys with relation `implements`, in order of first appearance."""
    seen: list[str] = []
    for r in refs:
        if r.relation == "implements" and r.ref_key and r.ref_key not in seen:
            seen.append(r.ref_key)
    return seen
