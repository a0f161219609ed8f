"""Legacy 8-bit Vietnamese encodings -> Unicode: TCVN3 (ABC) and VNI-Windows.

Older documents were typed with fonts that put Vietnamese letters on byte
values of their own (`.VnTime` for TCVN3, `VNI-Times` for VNI). Once those
bytes are read as cp1252/Latin-1 (or a PDF text layer exposes the raw font
codes) the text turns into Latin-1 debris:

    TCVN3  `Céng hßa x· héi chñ nghÜa ViÖt Nam`        one byte per letter
    VNI    `Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam`  base letter + mark byte(s)

Both live entirely in U+00A1..U+00FF, where cp1252 and Latin-1 agree, so one
table per encoding covers either decoding.

Detection does not just count odd characters, since French, German and
Spanish use the same ones. It decodes each word both ways and asks whether
the legacy reading is a well-formed Vietnamese syllable where the literal
reading is not (`ViÖt` -> `Việt`, but `été` -> `ộtộ` and `goût` -> `gỏt`, which
breaks the stop-final tone rule). Words already written in Unicode Vietnamese
(any letter outside Latin-1 such as `ư`, `ạ`, `đ`) count against, so genuine
Unicode is never rewritten.

Tables: TCVN3 is the VN3 subset of TCVN 5712:1993 from GNU libiconv
`lib/tcvn.h` and agrees entry for entry with `src/charsets.ts` of
duydev/vietnamese-conversion. VNI agrees entry for entry between
duydev/vietnamese-conversion `src/charsets.ts` and
kenny-ngo/vietnamese-converter `src/VnCharsetConversion.php`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extractors.text.memo import memo
from extractors.text.syllables import is_vietnamese_syllable

TCVN3 = "tcvn3"
VNI = "vni"
ENCODINGS = (TCVN3, VNI)

#: TCVN3 (ABC, TCVN 5712:1993 "VN3") code point -> Unicode letter; 74 entries.
#: VN3 fonts hold every lower-case letter but only seven plain capitals.
#: Toned capitals were typed with the separate upper-case fonts (.VnTimeH), which
#: draw the lower-case codes as capitals, so the case is lost in the text.
#: `decode_legacy` restores it only for lines that are plainly all capitals.
#: The wider VN1 set's extra capitals (0x01-0x17, 0x80-0x9F and a few gaps
#: above 0xA0, e.g. 0xC0-0xC5) are deliberately left out. VN3 fonts do not draw
#: them, and above 0xA0 they would eat ordinary Latin-1 letters like À-Å.
#: The comment above each row shows the codes as they look in Latin-1.
TCVN3_TO_UNICODE: dict[str, str] = {
    # the seven capitals: ¡ ¢ £ ¤ ¥ ¦ §
    "\xa1": "Ă",
    "\xa2": "Â",
    "\xa3": "Ê",
    "\xa4": "Ô",
    "\xa5": "Ơ",
    "\xa6": "Ư",
    "\xa7": "Đ",
    # ¨ © ª « ¬ (soft hyphen) ®: ư sits on U+00AD, which text cleaners like to delete
    "\xa8": "ă",
    "\xa9": "â",
    "\xaa": "ê",
    "\xab": "ô",
    "\xac": "ơ",
    "\xad": "ư",
    "\xae": "đ",
    # a: µ ¸ ¶ · ¹
    "\xb5": "à",
    "\xb8": "á",
    "\xb6": "ả",
    "\xb7": "ã",
    "\xb9": "ạ",
    # ă: » ¾ ¼ ½ Æ
    "\xbb": "ằ",
    "\xbe": "ắ",
    "\xbc": "ẳ",
    "\xbd": "ẵ",
    "\xc6": "ặ",
    # â: Ç Ê È É Ë
    "\xc7": "ầ",
    "\xca": "ấ",
    "\xc8": "ẩ",
    "\xc9": "ẫ",
    "\xcb": "ậ",
    # e: Ì Ð Î Ï Ñ
    "\xcc": "è",
    "\xd0": "é",
    "\xce": "ẻ",
    "\xcf": "ẽ",
    "\xd1": "ẹ",
    # ê: Ò Õ Ó Ô Ö
    "\xd2": "ề",
    "\xd5": "ế",
    "\xd3": "ể",
    "\xd4": "ễ",
    "\xd6": "ệ",
    # i: × Ý Ø Ü Þ
    "\xd7": "ì",
    "\xdd": "í",
    "\xd8": "ỉ",
    "\xdc": "ĩ",
    "\xde": "ị",
    # o: ß ã á â ä
    "\xdf": "ò",
    "\xe3": "ó",
    "\xe1": "ỏ",
    "\xe2": "õ",
    "\xe4": "ọ",
    # ô: å è æ ç é
    "\xe5": "ồ",
    "\xe8": "ố",
    "\xe6": "ổ",
    "\xe7": "ỗ",
    "\xe9": "ộ",
    # ơ: ê í ë ì î
    "\xea": "ờ",
    "\xed": "ớ",
    "\xeb": "ở",
    "\xec": "ỡ",
    "\xee": "ợ",
    # u: ï ó ñ ò ô
    "\xef": "ù",
    "\xf3": "ú",
    "\xf1": "ủ",
    "\xf2": "ũ",
    "\xf4": "ụ",
    # ư: õ ø ö ÷ ù
    "\xf5": "ừ",
    "\xf8": "ứ",
    "\xf6": "ử",
    "\xf7": "ữ",
    "\xf9": "ự",
    # y: ú ý û ü þ
    "\xfa": "ỳ",
    "\xfd": "ý",
    "\xfb": "ỷ",
    "\xfc": "ỹ",
    "\xfe": "ỵ",
}

#: VNI-Windows byte sequence -> Unicode letter; 134 entries, lower case then
#: upper case per row. A vowel is its ASCII base followed by mark bytes:
#: tones ø ` ù ' û ? õ ~ ï . ; shapes â ^ ê (breve); combined circumflex+tone
#: à á å ã ä and breve+tone è é ú ü ë.
#: i and ỵ have letters of their own (ì í æ ó ò, î), as do đ ñ, ơ ô and ư ö.
#: Plain a e i o u y are ASCII and so absent. Keys are shown literally because
#: every byte involved is a printable Latin-1 letter.
VNI_TO_UNICODE: dict[str, str] = {
    "ñ": "đ",
    "aê": "ă",
    "aâ": "â",
    "eâ": "ê",
    "oâ": "ô",
    "ô": "ơ",
    "ö": "ư",
    "Ñ": "Đ",
    "AÊ": "Ă",
    "AÂ": "Â",
    "EÂ": "Ê",
    "OÂ": "Ô",
    "Ô": "Ơ",
    "Ö": "Ư",
    "aø": "à",
    "aù": "á",
    "aû": "ả",
    "aõ": "ã",
    "aï": "ạ",
    "AØ": "À",
    "AÙ": "Á",
    "AÛ": "Ả",
    "AÕ": "Ã",
    "AÏ": "Ạ",
    "aè": "ằ",
    "aé": "ắ",
    "aú": "ẳ",
    "aü": "ẵ",
    "aë": "ặ",
    "AÈ": "Ằ",
    "AÉ": "Ắ",
    "AÚ": "Ẳ",
    "AÜ": "Ẵ",
    "AË": "Ặ",
    "aà": "ầ",
    "aá": "ấ",
    "aå": "ẩ",
    "aã": "ẫ",
    "aä": "ậ",
    "AÀ": "Ầ",
    "AÁ": "Ấ",
    "AÅ": "Ẩ",
    "AÃ": "Ẫ",
    "AÄ": "Ậ",
    "eø": "è",
    "eù": "é",
    "eû": "ẻ",
    "eõ": "ẽ",
    "eï": "ẹ",
    "EØ": "È",
    "EÙ": "É",
    "EÛ": "Ẻ",
    "EÕ": "Ẽ",
    "EÏ": "Ẹ",
    "eà": "ề",
    "eá": "ế",
    "eå": "ể",
    "eã": "ễ",
    "eä": "ệ",
    "EÀ": "Ề",
    "EÁ": "Ế",
    "EÅ": "Ể",
    "EÃ": "Ễ",
    "EÄ": "Ệ",
    "ì": "ì",
    "í": "í",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "Ì": "Ì",
    "Í": "Í",
    "Æ": "Ỉ",
    "Ó": "Ĩ",
    "Ò": "Ị",
    "oø": "ò",
    "où": "ó",
    "oû": "ỏ",
    "oõ": "õ",
    "oï": "ọ",
    "OØ": "Ò",
    "OÙ": "Ó",
    "OÛ": "Ỏ",
    "OÕ": "Õ",
    "OÏ": "Ọ",
    "oà": "ồ",
    "oá": "ố",
    "oå": "ổ",
    "oã": "ỗ",
    "oä": "ộ",
    "OÀ": "Ồ",
    "OÁ": "Ố",
    "OÅ": "Ổ",
    "OÃ": "Ỗ",
    "OÄ": "Ộ",
    "ôø": "ờ",
    "ôù": "ớ",
    "ôû": "ở",
    "ôõ": "ỡ",
    "ôï": "ợ",
    "ÔØ": "Ờ",
    "ÔÙ": "Ớ",
    "ÔÛ": "Ở",
    "ÔÕ": "Ỡ",
    "ÔÏ": "Ợ",
    "uø": "ù",
    "uù": "ú",
    "uû": "ủ",
    "uõ": "ũ",
    "uï": "ụ",
    "UØ": "Ù",
    "UÙ": "Ú",
    "UÛ": "Ủ",
    "UÕ": "Ũ",
    "UÏ": "Ụ",
    "öø": "ừ",
    "öù": "ứ",
    "öû": "ử",
    "öõ": "ữ",
    "öï": "ự",
    "ÖØ": "Ừ",
    "ÖÙ": "Ứ",
    "ÖÛ": "Ử",
    "ÖÕ": "Ữ",
    "ÖÏ": "Ự",
    "yø": "ỳ",
    "yù": "ý",
    "yû": "ỷ",
    "yõ": "ỹ",
    "î": "ỵ",
    "YØ": "Ỳ",
    "YÙ": "Ý",
    "YÛ": "Ỷ",
    "YÕ": "Ỹ",
    "Î": "Ỵ",
}

# --- Decoding ---------------------------------------------------------------

_TCVN3_LOWER = str.maketrans(TCVN3_TO_UNICODE)
_TCVN3_UPPER = str.maketrans({k: v.upper() for k, v in TCVN3_TO_UNICODE.items()})
_TCVN3_CAPITAL_CODES = frozenset(k for k, v in TCVN3_TO_UNICODE.items() if v.isupper())


def _vni_decode_map() -> dict[str, str]:
    # A mark byte is never a letter on its own in VNI, so after a base it can
    # only be a mark. Its case says nothing (the base letter's does), and
    # re-cased or hand-edited text mixes the two, so accept either.
    table = dict(VNI_TO_UNICODE)
    for seq, letter in VNI_TO_UNICODE.items():
        if len(seq) == 2:
            table.setdefault(seq[0] + seq[1].swapcase(), letter)
    return table


_VNI_DECODE = _vni_decode_map()
# Longest first, so `ôù` (ớ) wins over `ô` (ơ).
_VNI_RE = re.compile("|".join(map(re.escape, sorted(_VNI_DECODE, key=len, reverse=True))))

# Two-column PDF headers put an all-caps block and a mixed-case block on one
# line; tabs or runs of spaces separate them, so case is judged per chunk.
_CHUNK_SEP = re.compile(r"(\t| {2,})")


def _is_caps_chunk(chunk: str) -> bool:
    """True if a TCVN3 chunk was evidently typed in an upper-case (.VnTimeH) font.

    The chunk must have no ASCII lower-case letter. It also needs one word
    where a lower-case code touches a capital other than the word's first
    letter (`CéNG`, `CHñ`, `ñY`), or two title-shaped words (`VÒ ... TÕ`).
    A single title-shaped word is not enough: `Sè: 12/Q§-UBND` is
    `Số: 12/QĐ-UBND`, not `SỐ`.
    """
    if any("a" <= ch <= "z" for ch in chunk):
        return False

    def sure_upper(ch: str) -> bool:
        return "A" <= ch <= "Z" or ch in _TCVN3_CAPITAL_CODES

    title_shaped = 0
    for word in _TOKEN_RE.findall(chunk):
        lower_codes = [i for i, ch in enumerate(word) if ch in TCVN3_TO_UNICODE and not sure_upper(ch)]
        if not lower_codes:
            continue
        for i in lower_codes:
            if (i + 1 < len(word) and sure_upper(word[i + 1])) or (i >= 2 and sure_upper(word[i - 1])):
                return True
        if len(word) >= 2 and sure_upper(word[0]):
            title_shaped += 1
    return title_shaped >= 2


def _decode_tcvn3(text: str, recover_case: bool) -> str:
    if not recover_case:
        return text.translate(_TCVN3_LOWER)
    out = []
    for line in text.splitlines(keepends=True):
        for chunk in _CHUNK_SEP.split(line):
            out.append(chunk.translate(_TCVN3_UPPER if _is_caps_chunk(chunk) else _TCVN3_LOWER))
    return "".join(out)


def _decode_vni(text: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI_DECODE[m.group()], text)


def _check_encoding(encoding: str) -> str:
    enc = encoding.lower()
    if enc not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return enc


def decode_legacy(text: str, encoding: str, *, recover_case: bool = True) -> str:
    """Decode `text` from `encoding` ("tcvn3" or "vni") to NFC Unicode, unconditionally.

    ASCII is left alone, as is anything outside the encoding's table. For TCVN3,
    `recover_case` upper-cases lines (or tab/space-separated chunks) that were
    plainly typed in an upper-case font. Without it, such capitals come out in
    lower case (`CéNG` -> `CộNG`).
    """
    enc = _check_encoding(encoding)
    text = unicodedata.normalize("NFC", text)
    decoded = _decode_tcvn3(text, recover_case) if enc == TCVN3 else _decode_vni(text)
    return unicodedata.normalize("NFC", decoded)


# --- Encoding (the inverse, for tests and fixtures) -------------------------

_UNICODE_TO_TCVN3 = {v: k for k, v in TCVN3_TO_UNICODE.items()}
_UNICODE_TO_VNI = {v: k for k, v in VNI_TO_UNICODE.items()}


def encode_legacy(text: str, encoding: str) -> str:
    """Encode Unicode Vietnamese as the Latin-1 debris `encoding` would produce.

    TCVN3 has no toned capitals, so they get the lower-case code, as an upper-case
    font user would type them: `Ủy` -> `ñy`. Characters with no code are kept.
    """
    enc = _check_encoding(encoding)
    table = _UNICODE_TO_TCVN3 if enc == TCVN3 else _UNICODE_TO_VNI
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = table.get(ch)
        if code is None and enc == TCVN3:
            code = table.get(ch.lower())
        out.append(ch if code is None else code)
    return "".join(out)


def _is_acronym_with_d(word: str) -> bool:
    # `QĐ`, `HĐND`, `ĐCSVN`: document codes written with a legacy Đ. At most one
    # vowel keeps Spanish capitals (`AÑO` read as VNI `AĐO`) out.
    return (
        2 <= len(word) <= 8
        and re.fullmatch(r"[A-Z]*Đ[A-Z]*", word) is not None
        and sum(ch in "AEIOUY" for ch in word) <= 1
    )


# --- Detection --------------------------------------------------------------

_TCVN3_SYMBOLS = "".join(k for k in TCVN3_TO_UNICODE if not ("\xc0" <= k <= "\xff") or k in "\xd7\xf7")
# A word is a run of letters plus the TCVN3 codes that are symbols in Latin-1
# (©, ·, ×, soft hyphen...), which sit inside TCVN3 words.
_TOKEN_RE = re.compile(rf"(?:[^\W\d_]|[{re.escape(_TCVN3_SYMBOLS)}])+")


def _is_vietnamese_only(ch: str) -> bool:
    # Letters Vietnamese has and Latin-1 lacks: no legacy debris contains them.
    return ch in "ăđĩũơưĂĐĨŨƠƯ" or "\u1ea0" <= ch <= "\u1ef9"


# Accented letters French, German or Spanish use all the time. As TCVN3 codes
# they are weak evidence, because a lone `né` or `thé` reads as a syllable.
_COMMON_LATIN1 = frozenset("éèêëàâçîïôûùüöäñáíóúÉÈÊËÀÂÇÎÏÔÛÙÜÖÄÑÁÍÓÚ")


def _tcvn3_weight(word: str) -> float:
    """How un-Western the TCVN3 codes in `word` look; 2 is unmistakable."""
    total = 0.0
    ascii_letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    caps_word = len(ascii_letters) >= 2 and all(ch.isupper() for ch in ascii_letters)
    for i, ch in enumerate(word):
        if ch not in TCVN3_TO_UNICODE:
            continue
        prev = word[i - 1] if i else ""
        if ch == "\xb5" and not prev.isalpha():
            total += 0.5  # also the micro sign, but that starts a word: `µm`, `µg`
        elif ch in _TCVN3_SYMBOLS:
            total += 2
        elif ch.isupper() and prev.isascii() and prev.islower():
            total += 2  # `ViÖt`, `tØnh`: a capital in mid-word
        elif ch.islower() and caps_word:
            total += 2  # `CéNG`, `CHñ`: a lower-case letter inside capitals
        elif caps_word:
            total += 1 if ch in _COMMON_LATIN1 else 2  # `NGHÜA`, `TØNH`
        else:
            total += 0.5 if ch in _COMMON_LATIN1 else 1
    return total


# VNI mark bytes, by how unlike French/German/Spanish a base+mark pair looks.
_VNI_STRONG_MARKS = frozenset("àáåãäèéúüëøõâêÀÁÅÃÄÈÉÚÜËØÕÂÊ")  # `eä`, `oø`, `aõ`
_VNI_HORN_BASES = frozenset("ôöÔÖ")  # ơ/ư carrying a tone: `ôù`, `öø`


def _vni_weight(word: str) -> float:
    """How un-Western the VNI sequences in `word` look; 2 is unmistakable."""
    total = 0.0
    for m in _VNI_RE.finditer(word):
        seq = m.group()
        if len(seq) == 2 and (seq[1] in _VNI_STRONG_MARKS or seq[0] in _VNI_HORN_BASES):
            total += 2
        elif seq in ("æ", "Æ"):
            total += 1
        elif _VNI_DECODE[seq] != seq:
            # `où`, `goût`, `naïf`, Spanish ñ, German ö: common in Europe.
            total += 0.5
    return total


_WEIGHTS = {TCVN3: _tcvn3_weight, VNI: _vni_weight}


@dataclass
class _Score:
    """Evidence one stretch of text gives for one encoding."""

    support: float = 0.0  # weighted words that only make sense decoded
    against: int = 0  # words decoding changes into something still not Vietnamese

    def fires(self, unicode_words: int, threshold: float) -> bool:
        return self.support >= threshold and self.support >= 2 * (self.against + unicode_words)


#: Weighted support a text needs on its own; with a document-level encoding
#: already established, a line needs only `_CONTEXT_THRESHOLD`.
_THRESHOLD = 2.0
_CONTEXT_THRESHOLD = 1.0


@memo(maxsize=65536)  # documents repeat their words; this is pure
def _word_evidence(word: str) -> tuple[bool, tuple[tuple[str, float, int], ...]]:
    """(is already Unicode Vietnamese, ((encoding, support, against), ...)) for one word."""
    if any(_is_vietnamese_only(ch) for ch in word):
        return True, ()
    if len(word) < 2 or word.isascii():
        return False, ()  # lone `«`/`×`/`©` prove nothing; ASCII never changes
    evidence = []
    literal_ok = is_vietnamese_syllable(word)
    for enc in ENCODINGS:
        decoded = decode_legacy(word, enc, recover_case=False)
        if decoded == word or literal_ok:
            continue  # `Tù`, `phóc`, `hoà`: fine as they stand, so neutral
        if is_vietnamese_syllable(decoded):
            evidence.append((enc, _WEIGHTS[enc](word), 0))
        elif _is_acronym_with_d(decoded):
            evidence.append((enc, max(_WEIGHTS[enc](word), 2.0), 0))  # `Q§`, `QÑ`: admin codes
        else:
            evidence.append((enc, 0.0, 1))
    return False, tuple(evidence)


def _score(words: list[str]) -> tuple[dict[str, _Score], int]:
    scores = {enc: _Score() for enc in ENCODINGS}
    unicode_words = 0
    for word in words:
        is_unicode, evidence = _word_evidence(word)
        unicode_words += is_unicode
        for enc, support, against in evidence:
            scores[enc].support += support
            scores[enc].against += against
    return scores, unicode_words


def _best(scores: dict[str, _Score], unicode_words: int, threshold: float) -> str | None:
    firing = [enc for enc in ENCODINGS if scores[enc].fires(unicode_words, threshold)]
    return max(firing, key=lambda enc: scores[enc].support, default=None)


def detect_legacy(text: str) -> str | None:
    """ "tcvn3", "vni", or None when `text` does not read as legacy-encoded Vietnamese.

    Needs weighted support of at least 2. One unmistakable word is enough
    (`ViÖt Nam`, `Vieät Nam`). The support must also be at least twice the words
    that argue against: debris that decoding leaves non-Vietnamese, plus words
    already in Unicode Vietnamese. So a document that is mostly Unicode reports
    None; `fix_legacy_mixed` handles those.
    """
    text = unicodedata.normalize("NFC", text)
    scores, unicode_words = _score(_TOKEN_RE.findall(text))
    return _best(scores, unicode_words, _THRESHOLD)


# --- Fixing -----------------------------------------------------------------


def _segments(text: str) -> list[tuple[str, bool]]:
    """Split into (piece, is_unicode_word) at lines and at Unicode-Vietnamese words.

    Those words can never be legacy debris, so they are kept out of decoding and
    they split a line into stretches judged separately.
    """
    pieces: list[tuple[str, bool]] = []
    for line in text.splitlines(keepends=True):
        last = 0
        for m in _TOKEN_RE.finditer(line):
            if any(_is_vietnamese_only(ch) for ch in m.group()):
                if m.start() > last:
                    pieces.append((line[last : m.start()], False))
                pieces.append((m.group(), True))
                last = m.end()
        if last < len(line):
            pieces.append((line[last:], False))
    return pieces


def _fix_segments(text: str, prior: str | None) -> str:
    pieces = _segments(text)
    judged = []
    for piece, is_unicode in pieces:
        scores = None if is_unicode else _score(_TOKEN_RE.findall(piece))[0]
        judged.append((piece, scores))
    if prior is None:
        totals = dict.fromkeys(ENCODINGS, 0.0)
        for _, scores in judged:
            if scores and (enc := _best(scores, 0, _THRESHOLD)):
                totals[enc] += scores[enc].support
        prior = max(ENCODINGS, key=totals.__getitem__) if any(totals.values()) else None
    if prior is None:
        return text
    out = []
    for piece, scores in judged:
        enc = None
        if scores:
            enc = _best(scores, 0, _THRESHOLD)
            if enc is None and scores[prior].fires(0, _CONTEXT_THRESHOLD):
                enc = prior
        out.append(decode_legacy(piece, enc) if enc else piece)
    return unicodedata.normalize("NFC", "".join(out))


def fix_legacy(text: str) -> tuple[str, str | None]:
    """Detect and decode: `(NFC text, encoding used or None)`.

    Text that is entirely legacy is decoded whole, so ambiguous words like `Tù` (Tự)
    follow their neighbours. If some words are already Unicode Vietnamese, those
    are kept, and the stretches between them are decoded only where they look
    legacy.
    """
    text = unicodedata.normalize("NFC", text)
    enc = detect_legacy(text)
    if enc is None:
        return text, None
    if not any(_is_vietnamese_only(ch) for ch in text):
        return decode_legacy(text, enc), enc
    return _fix_segments(text, enc), enc


def fix_legacy_mixed(text: str) -> str:
    """Decode only the lines, or stretches between Unicode words, that look legacy.

    This is for documents that mix a Unicode body with a legacy header or
    table. The encoding is whichever one the confidently-legacy stretches
    vote for. With that context a stretch needs less support (1 instead of 2),
    so weak lines such as `tèt víi` (tốt với) are still caught.
    """
    text = unicodedata.normalize("NFC", text)
    if not any(_is_vietnamese_only(ch) for ch in text):
        # Wholly legacy: judged line by line, a line whose words read as
        # Vietnamese either way (`Sè: 182/KH-UBND`, Số) would stay undecoded
        # and the document would lose its number; decode it whole instead.
        fixed, enc = fix_legacy(text)
        if enc is not None:
            return fixed
    return _fix_segments(text, None)


__all__ = [
    "ENCODINGS",
    "TCVN3",
    "TCVN3_TO_UNICODE",
    "VNI",
    "VNI_TO_UNICODE",
    "decode_legacy",
    "detect_legacy",
    "encode_legacy",
    "fix_legacy",
    "fix_legacy_mixed",
    "is_vietnamese_syllable",
]
