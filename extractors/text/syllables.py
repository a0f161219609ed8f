"""Vietnamese syllables: the tone mark apart from the letters it sits on.

A syllable is letters (with their vowel shapes â ê ô ơ ư ă đ) plus one of six
tones. OCR keeps the letters well and loses or swaps the tone stacked on a
circumflex or breve (`sô` for `số`, `chầp` for `chấp`), so candidates for a
misread syllable are the syllables with the same letters and another tone.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

import regex

#: Combining marks of the five written tones (the sixth, ngang, has none).
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_TONE_TABLE = str.maketrans("", "", TONE_MARKS)
#: A token that can be a syllable: Vietnamese letters only.
SYLLABLE_RE = regex.compile(r"[\p{Latin}]+")
#: A number as the tone model reads it (one token, `#`): it ends on a digit, so the
#: comma or full stop after it (`cư 1, phường`) still ends the clause. The model's
#: builder and the repairs must cut numbers alike.
NUMBER_TOKEN = r"\d(?:[\d.,/]*\d)?"


def toneless(syllable: str) -> str:
    """`Kiểm` → `kiêm`, `số` → `sô`: lower case, tone removed, vowel shapes kept."""
    decomposed = unicodedata.normalize("NFD", syllable.lower()).translate(_TONE_TABLE)
    return unicodedata.normalize("NFC", decomposed)


def shapeless(syllable: str) -> str:
    """`QUYÉT`, `quyết` → `quyet`: lower case, tone and vowel shapes removed, `đ` kept.

    The letters OCR reads reliably: when a stacked mark goes, the circumflex or
    breve under the tone often goes with it (`QUYÉT` for `QUYẾT`)."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tone_of(syllable: str) -> str:
    """The combining tone mark of a syllable, or "" for the level tone."""
    return next((c for c in unicodedata.normalize("NFD", syllable) if c in TONE_MARKS), "")


def with_case_of(model: str, word: str) -> str:
    """`word` in the case pattern of `model` (`KIÊM` + `kiểm` → `KIỂM`, `Sô` + `số` → `Số`)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@cache
def syllable_counts() -> dict[str, int]:
    """How often each syllable occurs in the text the language model was built from (`data/`)."""
    data = resources.files("extractors.text") / "data" / "syllable_counts.tsv"
    counts: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        word, _, n = line.partition("\t")
        counts[word] = int(n)
    return counts


#: Times a syllable occurs in the language model's text for it to be a common word
#: (`và` 1,396, `là` 288, `do` 88; `si` 19, `đt` 1).
COMMON_SYLLABLE = 50


def is_common_syllable(word: str) -> bool:
    """A word the plans use often: no speck OCR read as letters (`đt`, `si` for a label)."""
    return syllable_counts().get(word, 0) >= COMMON_SYLLABLE


@cache
def toneless_compounds() -> frozenset[str]:
    """The dictionary's two-syllable words without tone marks (`thanh phô`, `bô sung`)."""
    data = resources.files("extractors.text") / "data" / "compound_words.txt"
    return frozenset(data.read_text(encoding="utf-8").splitlines())


def makes_one_word(first: str, second: str) -> bool:
    """Whether two syllables side by side make one dictionary word, tones and case aside (`tổ chức`,
    `quan tâm`, `Ban hành`)."""
    return f"{toneless(first)} {toneless(second)}" in toneless_compounds()


@cache
def toneless_three_syllable_words() -> frozenset[str]:
    """The dictionary's three-syllable words without tone marks (`câu lac bô`, `tô hơp tac`)."""
    data = resources.files("extractors.text") / "data" / "three_syllable_words.txt"
    return frozenset(data.read_text(encoding="utf-8").splitlines())


_SYLLABLES_AHEAD = regex.compile(r"(\p{Latin}+)(?: (\p{Latin}+))?(?: (\p{Latin}+))?")


def word_end(text: str, pos: int) -> int | None:
    """End of the dictionary word of one to three syllables at `pos` (the longest one:
    `tổ hợp tác xã` → `tổ hợp tác`), or None when no syllable starts there."""
    m = _SYLLABLES_AHEAD.match(text, pos)
    if not m:
        return None
    if m.group(3) and " ".join(map(toneless, m.group(1, 2, 3))) in toneless_three_syllable_words():
        return m.end(3)
    pairs = toneless_compounds()
    if (
        m.group(2)
        and f"{toneless(m.group(1))} {toneless(m.group(2))}" in pairs
        and not (m.group(3) and f"{toneless(m.group(2))} {toneless(m.group(3))}" in pairs)
    ):
        return m.end(2)  # unless the second syllable opens the next word (`khu xử lý`: `khu`, `xử lý`)
    return m.end(1)


@cache
def vocabulary() -> frozenset[str]:
    """The syllables the shipped language model knows (lower case, one tone convention)."""
    return frozenset(syllable_counts())


_TOKENS = regex.compile(r"(?<![\p{L}\d])\p{Latin}+(?![\p{L}\d])")


def vietnamese_share(text: str, limit: int = 20000) -> tuple[float, int]:
    """(share of letter tokens that are Vietnamese syllables, tokens looked at) in the first `limit` characters."""
    from extractors.text.fold import normalize_tone_marks

    # One pass over the text, not one per word: the tone convention only looks inside a word.
    words = [w.lower() for w in _TOKENS.findall(normalize_tone_marks(unicodedata.normalize("NFC", text[:limit])))]
    vocab = vocabulary()
    return (sum(w in vocab for w in words) / len(words) if words else 0.0), len(words)


def marked_share(text: str, limit: int = 20000) -> float:
    """Share of letter tokens that carry a Vietnamese mark (tone, ơ ư â ê ô ă đ): ~0.6 in any plan."""
    words = _TOKENS.findall(unicodedata.normalize("NFC", text[:limit]))
    return sum(not w.isascii() for w in words) / len(words) if words else 0.0


# ---------------------------------------------------------------- well-formed syllables

_STOP_TONES = frozenset("\u0301\u0323")  # the only tones a -c/-ch/-k/-p/-t syllable takes
_ONSETS = "ngh ng gh gi kh nh ph th tr ch qu b c d đ g h k l m n p r s t v x".split()
#: Every toneless rhyme of standard Vietnamese, by nucleus. This is deliberately a
#: closed list: its job is to reject Latin-1 debris and foreign words.
_RHYMES = """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêng yêt yêu
    o oc oi om on ong op ot ooc oong
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
    oe oec oem oen oeo oet
    uân uâng uât uây uê uêch uênh uơ
    uy uya uych uyn uynh uyp uyt uyu uyên uyêt
""".split()
# Central Highlands place names spell -c as -k (Đắk Lắk, Đắk Nông).
_RHYMES += [r[:-1] + "k" for r in _RHYMES if r.endswith("c")]
_SYLLABLE_RE = regex.compile("(?:{})?({})".format("|".join(_ONSETS), "|".join(sorted(_RHYMES, key=len, reverse=True))))


def doubled_letter_readings(word: str) -> list[str]:
    """`THỤỰC` → `THỤC`, `THỰC`; `ĐÁẢNG` → `ĐÁNG`, `ĐẢNG`: the syllables a word OCR read with one
    vowel twice (a marked letter seen as two) may be, leaving out one of two neighbouring letters of
    the same base; none when the word is a syllable already. The caller knows which one fits."""
    if len(word) < 3 or is_vietnamese_syllable(word):
        return []
    bases = [unicodedata.normalize("NFD", c)[0].lower() for c in word]
    out = []
    for i in range(1, len(word)):
        if bases[i] == bases[i - 1]:
            for drop in (i - 1, i):
                fixed = word[:drop] + word[drop + 1 :]
                if fixed not in out and is_vietnamese_syllable(fixed):
                    out.append(fixed)
    return out


def is_vietnamese_syllable(word: str) -> bool:
    """True if `word` (any case, NFC or NFD) is a well-formed Vietnamese syllable.

    That is an onset and rhyme from the standard inventory, at most one tone
    mark, and only sắc/nặng on a stop final. Old and new tone placement
    (`hoà`/`hòa`) both pass, because placement is not checked.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    if len(tones) > 1:
        return False
    letters = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    if not _SYLLABLE_RE.fullmatch(letters):
        return False
    if letters.endswith(("c", "ch", "k", "p", "t")):
        return bool(tones) and tones[0] in _STOP_TONES
    return True
