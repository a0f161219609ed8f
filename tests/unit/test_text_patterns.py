"""The shared pattern helpers: shortcuts that must not change an answer."""

from __future__ import annotations

import random

import pytest
import regex

from extractors.agencies import canonical_agency
from extractors.deadlines import (
    _ATOMS,
    GAP,
    LEGAL_NUMBER,
    OCR_DATE,
    _atom_from,
    earliest_longest,
    find_atoms,
    legal_date_spans,
)
from extractors.legal_refs.find import _HEAD_REACH, _NUMBER_START
from extractors.legal_refs.patterns import TYPED_HEAD_RE
from extractors.tasks import _opens_with_label
from extractors.text.fold import fold
from extractors.text.memo import clear_memos
from extractors.text.numbers import QUANTITY
from extractors.text.patterns import LineStart, TextEnd, guard_first_char, is_caps, windows_around
from extractors.text.syllables import word_end
from tests.samples import SAMPLES, truth_text

#: Characters a guard must handle: Vietnamese letters both cases, digits,
#: punctuation, and characters outside the ranges it tries (Greek, Cyrillic,
#: CJK, the Kelvin sign that folds to `k`, a Roman numeral).
_ALPHABET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "AĂÂĐÊÔƠƯÀẮẦẾỐỜỨỲ0123456789      .,;:/-–()%≥≤<>\n"
    "αβЖж中\u212aⅡ"
)
_WORDS = "ngày tháng năm đến hết trước trong từ giai đoạn hằng quý định kỳ 6 15/6 2025 2021-2030 ≥ 95% 1.000".split()


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rnd.choice(_WORDS) if rnd.random() < 0.6 else rnd.choice(_ALPHABET) for _ in range(rnd.randint(5, 40))]
        out.append(" ".join(parts) if rnd.random() < 0.5 else "".join(parts))
    return out


@pytest.mark.parametrize(
    "pattern",
    [p for _, _, p in _ATOMS] + [QUANTITY, r"(?<!\d)\d+", r"\bKế\s+hoạch\b", r"x?", r"(?:[\p{Lu}]\w*\s*)+"],
)
def test_guard_first_char_finds_the_same_matches(pattern: str) -> None:
    plain = regex.compile(pattern, regex.I)
    guarded = guard_first_char(plain)
    for text in _texts(300, seed=len(pattern)):
        assert [m.span() for m in guarded.finditer(text, overlapped=True)] == [
            m.span() for m in plain.finditer(text, overlapped=True)
        ], text


def test_guard_first_char_turns_positions_away() -> None:
    guarded = guard_first_char(regex.compile(r"(?:\bđến\s+)?\d{4}", regex.I))
    assert guarded.match("đến 2025") and guarded.match("2025")
    assert guarded.match(" 2025") is None  # a space cannot open a match
    assert guarded.match("Đến 2025")  # case-insensitive patterns keep both cases


@pytest.mark.parametrize(
    ("text", "share", "expected"),
    [
        ("KẾ HOẠCH", 0.8, True),
        ("I. MỤC TIÊU", 0.8, True),
        ("Kế hoạch", 0.8, False),
        ("UBND tỉnh", 0.8, False),
        ("UBND TỈNH ĐIỆN BIÊN (BAU)", 0.9, True),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG của", 0.8, True),
        ("A", 0.8, False),
        ("", 0.8, False),
        ("ủy ban nhân dân tỉnh", 0.0, True),
    ],
)
def test_is_caps(text: str, share: float, expected: bool) -> None:
    assert is_caps(text, share) is expected


def test_is_caps_shortcut_agrees_with_counting_letters() -> None:
    def counted(text: str, share: float) -> bool:
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 2 and sum(c.isupper() for c in letters) >= share * len(letters)

    for i, text in enumerate(_texts(2000, seed=7)):
        text = text.upper() if i % 3 == 0 else text
        for share in (0.5, 0.8, 0.9):
            assert is_caps(text, share) is counted(text, share), text


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[_|~`¦]+\s*",
        r"^'(?=\p{L})",
        r"^(?:[.,]?\s*_*[~¬=]+|—)\s+(?=\p{Lu}\p{Ll})",
        r"\d{1,2}\.\s+\p{Lu}",
        r"^\s*$",
        r"x?",
    ],
)
def test_line_start_answers_like_the_plain_pattern(pattern: str) -> None:
    plain = regex.compile(pattern)
    line_start = LineStart(pattern)
    for text in _texts(500, seed=len(pattern)) + ["", " ", "_ Sở", "'Sở", "— Chương", "12. Sở", "ⅡX", "中文"]:
        m, p = line_start.match(text), plain.match(text)
        assert (m.span() if m else None) == (p.span() if p else None), text
        if pattern.startswith("^"):
            assert line_start.sub("", text) == plain.sub("", text), text


def test_line_start_turns_lines_away_without_the_engine() -> None:
    assert "S" in LineStart(r"^[_|~]+").refused
    assert "_" not in LineStart(r"^[_|~]+").refused
    assert not LineStart(r"x?").refused  # a pattern that matches nothing may start anywhere


def _atoms_by_whole_patterns(text: str) -> list[tuple]:
    """The atoms of `text` found the plain way: every atom pattern, preposition
    included, over the whole text."""
    found = [
        _atom_from(kind, m)
        for kind, _key, pattern in _ATOMS
        for m in regex.compile(pattern, regex.I).finditer(text, overlapped=True)
    ]
    return [tuple(vars(a).values()) for a in earliest_longest(found)]


_DATE_WORDS = (
    "giai đoạn từ nay đến hết trước chậm nhất là vào trong suốt kể từ cuối đầu cho ngày tháng năm quý "
    "hằng hàng mỗi định kỳ theo 6 15 12 III IV 2020 2025 2030 - / . , : 2021-2025 15/6/2025"
).split()


@pytest.mark.parametrize("seed", range(4))
def test_atoms_found_around_keys_and_prepositions_read_backwards_are_the_plain_ones(seed: int) -> None:
    """`find_atoms` looks only near the keys and reads prepositions backwards
    from an atom's core: the atoms must be those of the whole patterns."""
    rnd = random.Random(seed)
    texts = [" ".join(rnd.choice(_DATE_WORDS) for _ in range(rnd.randint(3, 30))) for _ in range(150)]
    texts += [t.upper() for t in texts[:30]]
    texts += ["İ " + t for t in texts[:20]]  # lower-casing would change the length: keys scanned as written
    if seed == 0:
        texts += [truth_text(name) for name in SAMPLES]
    for text in texts:
        assert [tuple(vars(a).values()) for a in find_atoms(text)] == _atoms_by_whole_patterns(text), text[:200]


def test_find_atoms_keeps_the_preposition_it_reads_backwards() -> None:
    (a,) = find_atoms("hoàn thành giai đoạn từ nay đến hết năm 2025.")
    assert (a.kind, a.prep, a.value_end) == ("year", "giai đoạn từ nay đến hết", "2025")
    (b,) = find_atoms("báo cáo chậm nhất vào ngày 15/6/2025")
    assert b.prep == "chậm nhất vào" and b.value_end == "2025-06-15"


@pytest.mark.parametrize(
    "pattern",
    [r"[.:!?]\s*$|\./\.\s*$", r"(?<![\p{L}])(?:của|và|Chi\s+cục|Sở)\s*$", r"[,;]\s*$", r"[;.:]\W*$"],
)
def test_text_end_answers_as_the_forward_search(pattern: str) -> None:
    forward, backward = regex.compile(pattern), TextEnd(pattern)
    texts = _texts(400, seed=len(pattern)) + [
        "Sở Tài chính và",
        "Chi  cục",
        "xong.\n",
        "xong. ",
        "bà của\n\n",
        "a; )\n",
    ]
    for text in texts:
        assert bool(backward.ends(text)) is bool(forward.search(text)), text
        # A stretch of a longer text, as `text[pos:endpos]` would be.
        wrapped = "ab\n" + text + "\ncd"
        assert bool(backward.ends(wrapped, 3, 3 + len(text))) is bool(forward.search(text)), text


@pytest.mark.parametrize("label", ["1", "2.1", "a", "II", "đ", "Điều 2", "Điều  3", "(a)"])
def test_a_label_is_found_as_the_pattern_read_it(label: str) -> None:
    rx = regex.compile(r"\s*" + regex.escape(label).replace(r"\ ", r"\s+") + r"\s*[.):\-–]?\s*")
    rnd = random.Random(label)
    pieces = [label, label.replace(" ", "   "), " ", "\t", ".", ")", "-", "–", "x", "2", "Đ", "a"]
    for _ in range(500):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        text = "trước\n" + line + "\nsau"
        m = rx.match(line)
        expected = 6 + m.end() if m else None
        assert _opens_with_label(text, label, 6, 6 + len(line)) == expected, line


def test_memos_remember_and_forget() -> None:
    clear_memos()
    assert canonical_agency("UBND tỉnh") == "Ủy ban nhân dân tỉnh"
    assert canonical_agency.cache_info().currsize == 1  # type: ignore[attr-defined]
    assert canonical_agency("UBND tỉnh") == "Ủy ban nhân dân tỉnh"
    assert canonical_agency.cache_info().hits >= 1  # type: ignore[attr-defined]
    clear_memos()
    assert canonical_agency.cache_info().currsize == 0  # type: ignore[attr-defined]


def test_windows_around_keys_merge_where_they_touch() -> None:
    key = regex.compile(r"\d+")
    assert windows_around("ab 12 cd 3 efghijklmn 45", key, 3, 1) == [(0, 11), (19, 24)]
    assert windows_around("ab 12 cd 3 efghijklmn 45", key, 2, 1) == [(1, 6), (7, 11), (20, 24)]
    assert windows_around("không số", key, 5, 5) == []


_REF_WORDS = (
    "Nghị quyết liên tịch Quyết định Thông tư Luật Bộ luật Kế hoạch Chỉ thị số số: sô - _ . 12 2024 /QĐ-UBND và".split()
)


@pytest.mark.parametrize("seed", range(3))
def test_typed_heads_found_near_numbers_are_those_of_a_whole_scan(seed: int) -> None:
    rnd = random.Random(seed)
    texts = [" ".join(rnd.choice(_REF_WORDS) for _ in range(rnd.randint(3, 40))) for _ in range(200)]
    if seed == 0:
        texts += [truth_text(name) for name in SAMPLES]
    for text in map(fold, texts):
        windowed = [
            m.span()
            for a, b in windows_around(text, _NUMBER_START, _HEAD_REACH, 0)
            for m in TYPED_HEAD_RE.finditer(text, a, b)
        ]
        assert windowed == [m.span() for m in TYPED_HEAD_RE.finditer(text)], text


_LEGAL_DATE_WORDS = (
    "số Số SỐ số: 1055/QĐ-TTg 24-NQ/TW 12/2020/NĐ-CP ngày 20 tháng 7 năm 2020 15/6/2025 , . và x".split()
)


@pytest.mark.parametrize("seed", range(3))
def test_legal_dates_found_from_the_number_are_those_of_the_whole_pattern(seed: int) -> None:
    whole = regex.compile(rf"{LEGAL_NUMBER}{GAP}(?:{OCR_DATE})", regex.I)
    rnd = random.Random(seed)
    texts = [
        "".join(rnd.choice(_LEGAL_DATE_WORDS) + rnd.choice(["", " ", "  "]) for _ in range(rnd.randint(3, 30)))
        for _ in range(300)
    ]
    if seed == 0:
        texts += [truth_text(name) for name in SAMPLES]
    for text in texts:
        assert legal_date_spans(text) == [m.span() for m in whole.finditer(text)], text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("câu lạc bộ văn hóa", "câu lạc bộ"),
        ("tổ hợp tác xã viên", "tổ hợp tác"),  # three syllables beat the two of `tổ hợp`
        ("làng nghề được công nhận", "làng nghề"),
        ("khu xử lý chất thải", "khu"),  # `xử lý` is the next word
        ("chuỗi liên kết", "chuỗi"),
        ("Giường Bệnh", "Giường Bệnh"),  # any case, any tone convention
    ],
)
def test_the_dictionary_word_at_a_place(text, word):
    assert text[: word_end(text, 0)] == word
