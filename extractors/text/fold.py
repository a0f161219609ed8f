"""Small Vietnamese text helpers shared by the extractors."""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Same-length shadow of `text`: diacritics dropped, `đ` → `d`, case kept.

    Matching on the shadow makes rules robust to OCR's diacritic confusions
    (`PHO CHU TỊCH`, `Tuổi tho`) while every offset still points into the
    original text.
    """
    out = []
    for ch in text:
        if ch in "đĐÐ":
            out.append("d" if ch == "đ" else "D")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base if len(base) == 1 else ch)
    return "".join(out)
