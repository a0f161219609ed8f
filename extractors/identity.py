"""`documents.plan_key`: one key for every copy of one plan, whatever its form.

The same plan arrives as text, a digital PDF, a scan and a DOCX; each copy is
its own document (its own bytes, its own `doc_id`), and a researcher counting
plans must count it once. The key is built from what every copy states and
OCR reads reliably, folded (no diacritics, no case, no punctuation) so a
misread tone mark does not split it:

* the province (or the issuer) and the document number with its date:
  `kien-giang/182-kh-ubnd/2020-11-27`;
* without a number, the kind and the title's first words:
  `kon-tum/ke-hoach/t-9f2c41aa`;
* without a title either, the kind and what the plan implements:
  `kon-tum/chuong-trinh-hanh-dong/i-5d0e6b13`.

None only when nothing identifying is known.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

import regex

from extractors.text.fold import skeleton

#: Words of the title that make it one plan's (OCR damages the tail of long titles more).
TITLE_WORDS = 12


def slug(text: str) -> str:
    """`Kiên Giang` → `kien-giang`, `182/KH-UBND` → `182-kh-ubnd`."""
    return "-".join(regex.findall(r"[a-z0-9]+", skeleton(text)))


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def plan_key(
    *,
    province: str | None,
    issuer: str | None,
    doc_kind: str | None,
    doc_number: str | None,
    issue_date: date | None,
    title: str | None,
    implements: Sequence[str] = (),
) -> str | None:
    where = slug(province or issuer or "")
    if doc_number and slug(doc_number):
        when = issue_date.isoformat() if issue_date else "-"
        return f"{where or '-'}/{slug(doc_number)}/{when}"
    kind = slug(doc_kind or "") or "-"
    words = skeleton(title or "").split()
    if words:
        return f"{where or '-'}/{kind}/t-{_digest(' '.join(slug(w) for w in words[:TITLE_WORDS]))}"
    if implements:
        return f"{where or '-'}/{kind}/i-{_digest(','.join(sorted(slug(k) for k in implements)))}"
    return None
