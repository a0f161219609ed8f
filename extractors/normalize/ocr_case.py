"""Lower-case words OCR read as capitals, put back in lower case.

A stacked mark makes a lower-case syllable as tall as a capital, and Tesseract
reads some of them as capitals: `Nghị định sỐ 181/2024`, `Thông tư SỐ 23`,
`vật liệu nổ và CÔNG cụ`, `khi có sự CỐ xảy ra`, `các đơn VỊ, địa phương`,
`tiết kiệm nưỚc`. Writers never mix cases inside a word, and never put one
marked word in capitals between lower-case words of a sentence, so such a
word is lowered.

Left alone: capitalised words (names, a sentence's first word), a single
capital (`châu Á`), words that are no syllable (`McDonald`), abbreviations
(capitals without a Vietnamese mark: `UBND`, `VLNCN`, `QĐ`), capitals beside
capitals (a heading, `GIÁM ĐỐC`), and a line's first word in capitals unless a
lower-case word follows (a header's `SỐ 1050/QĐ-SCT`).
"""

from __future__ import annotations

import regex

from extractors.text.syllables import is_vietnamese_syllable

#: A word: letters between non-letters (digits glued to it make a code, not a word).
_WORD = regex.compile(r"(?<![\p{L}\d])\p{L}+(?![\p{L}\d])")
#: A Vietnamese mark other than Đ's bar: capitals with one are a word, not an abbreviation.
_MARKED = regex.compile(r"[^\p{ASCII}ĐđÐ]")
#: What may stand between two words of one sentence: spaces, a line break, a comma.
_SAME_SENTENCE = regex.compile(r"[ \t]*,?[ \t]*\n?[ \t]*")


def lower_misread_capitals(text: str) -> tuple[str, int]:
    """`text` with lower-case words OCR read as capitals lowered, and how many."""
    words = list(_WORD.finditer(text))
    out: list[str] = []
    pos = changed = 0
    for i, m in enumerate(words):
        word = m.group()
        if i == 0 or word.islower() or (word[0].isupper() and word[1:].islower()):
            continue
        if not is_vietnamese_syllable(word):
            continue
        prev, before = words[i - 1], words[i - 1].group()
        gap = text[prev.end() : m.start()]
        nxt = _next_in_sentence(text, m, words[i + 1 : i + 2])
        in_sentence = _SAME_SENTENCE.fullmatch(gap) is not None
        if word.isupper():
            # One capital letter is a name or a label (`châu Á`, `nhóm B`), not a misread word.
            if len(word) < 2 or not in_sentence or not _MARKED.search(word):
                continue
            # A line's first word only before a lower-case word: `SỐ 1050/QĐ-SCT` opening a
            # header line is the number field, `CÔNG cụ hỗ trợ` after `và` a misread word.
            if "\n" in gap and not (nxt and nxt.islower()):
                continue
            if before.islower():
                # a run of capitals is a heading or emphasis (`đề nghị GIÁM ĐỐC SỞ`)
                misread = not (nxt is not None and len(nxt) > 1 and nxt.isupper())
            else:
                # after a sentence's first word, only with a lower-case word after (`Tổ CHỨC thực hiện`)
                misread = before[0].isupper() and before[1:].islower() and nxt is not None and nxt.islower()
            if not misread:
                continue
            fixed = word.lower()
        else:  # mixed case inside a word (`sỐ`, `nưỚc`): its first letter keeps its case at a sentence's start
            fixed = word.lower() if in_sentence or word[0].islower() else word[0] + word[1:].lower()
        out.append(text[pos : m.start()])
        out.append(fixed)
        pos = m.end()
        changed += 1
    out.append(text[pos:])
    return "".join(out), changed


def _next_in_sentence(text: str, m: regex.Match[str], following: list[regex.Match[str]]) -> str | None:
    """The word after `m` if only spaces, a comma or a line break stand between them."""
    if following and _SAME_SENTENCE.fullmatch(text, m.end(), following[0].start()) is not None:
        return following[0].group()
    return None
