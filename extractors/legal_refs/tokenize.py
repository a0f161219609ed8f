"""Step 1, tokenize: the folded shadow of the text and the words a rule walks over.

`fold` keeps one character per character, so an offset found on the shadow
points into the text; `word_iter` reads words from a position, optionally
over a line break OCR left mid-phrase.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import SPACES

#: A word or one punctuation mark, after spaces but never over a line break.
WORD_RE = regex.compile(r"[ ]*(?P<w>[\p{L}\p{N}&]+(?:[-'][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}])")


def word_iter(text: str, pos: int, limit: int = 400, cross_wraps: bool = False):
    """(start, end, word) from `pos`, stopping at a line break – or, with
    `cross_wraps`, going on over one that OCR left mid-phrase (the next line
    opens lower-case)."""
    end = min(len(text), pos + limit)
    while pos < end:
        m = WORD_RE.match(text, pos, end)
        if not m:
            wrap = CONTINUATION_RE.match(text, pos + len(text[pos:end]) - len(text[pos:end].lstrip(" ")))
            if cross_wraps and wrap:
                pos = wrap.end()
                continue
            return
        yield m.start("w"), m.end("w"), m.group("w")
        pos = m.end()


def squash(s: str) -> str:
    """One space between words, OCR's line-start dashes dropped."""
    return SPACES.sub(" ", CONTINUATION_RE.sub(" ", s)).strip()


#: A line OCR broke off: the next one opens lower-case, maybe behind a stray
#: dash that the dewrapper took for a list label.
CONTINUATION_RE = regex.compile(r"\n[-_–\s]*(?=\p{Ll})")
