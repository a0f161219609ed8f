"""Punctuation OCR read inside a word, taken out.

A speck between the two syllables of one word is read as a full stop or a
colon (`chủ. trì`, `biện: pháp`, `Chính :` / `trị`, `môi.` / `trường`) or,
with a space before it, a semicolon (`Tiếp ; tục`). The mark ends a clause
where none ends: a lead agency's `chủ trì` is no longer found, a sentence is
cut in two, a wrapped line starts a paragraph. When the syllables on both
sides make a word of the dictionary underthesea ships
(`text/data/compound_words.txt`) and the second is in lower case, the mark
goes. Written Vietnamese puts none of these marks inside a word: on the
digital samples, the real DOCX plans and the transcripts, no such pair
occurs. A semicolon written the usual way (`… xã hội; đồng thời …`) stays.
"""

from __future__ import annotations

import regex

from extractors.text.syllables import toneless, toneless_compounds

#: Two syllables with a mark between them: `.`/`:` with or without a space
#: before it, `;` only after a space; the line may break after the mark.
_MARK_INSIDE = regex.compile(r"(?<![\p{L}\d])(?P<a>\p{L}+)(?P<gap>[ ]?[.:]\s+|[ ];\s+)(?P<b>\p{Ll}+)(?![\p{L}\d])")


def drop_marks_inside_words(text: str) -> tuple[str, int]:
    """`text` without the marks OCR put inside a word, and how many went."""
    words = toneless_compounds()
    dropped = 0

    def mend(m: regex.Match[str]) -> str:
        nonlocal dropped
        # Tone-blind: OCR may have dropped a tone too (`bô. sung`); the tone model puts it back after.
        if f"{toneless(m['a'])} {toneless(m['b'])}" not in words:
            return m.group()
        dropped += 1
        # The line breaks stay (the page's lines keep their count and their indents).
        breaks = m["gap"].count("\n")
        return f"{m['a']}{chr(10) * breaks or ' '}{m['b']}"

    return _MARK_INSIDE.sub(mend, text), dropped
