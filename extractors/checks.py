"""Quality checks over one analysed document: what a person should look at.

A data team finds the files that need a look through `ingest_log.warnings`
(SPEC); these are the checks that need only the extracted facts. Each is a
pure function from an `Analysis` to short warnings that say what to check.
Readers add their own (a text layer rejected, a table that gave no rows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from extractors.text.lexicon import NUMBER_FIELD

if TYPE_CHECKING:
    from extractors.analyse import Analysis

Check = Callable[["Analysis"], list[str]]
CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    """Register a check (in order of registration)."""
    CHECKS.append(fn)
    return fn


def quality_warnings(analysis: Analysis) -> list[str]:
    """Every registered check's warnings, in order, without repeats."""
    out: list[str] = []
    for fn in CHECKS:
        for w in fn(analysis):
            if w not in out:
                out.append(w)
    return out


_NUMBER_LINE = regex.compile(rf"^\s*{NUMBER_FIELD}\s*:?(?P<rest>[^\n]*)", regex.MULTILINE)


@check
def number_line_without_number(a: Analysis) -> list[str]:
    m = _NUMBER_LINE.search(a.doc.text[:3000])
    if not m or a.facts.doc_number:
        return []
    if not regex.search(r"\d", m.group("rest").split("/")[0]):
        return ["number line is blank (a draft, or a number stamped at signing that was not read)"]
    return ["number line present but no doc_number"]


_PLACE_DATE_LINE = regex.compile(r",\s*ngày\b[^\n]{0,40}?\bnăm\s+\d{4}")


@check
def date_line_without_date(a: Analysis) -> list[str]:
    if a.facts.issue_date or not _PLACE_DATE_LINE.search(a.doc.text[:3000]):
        return []
    return ["place-date line present but no issue_date (a blank day in a draft, or a date that could not be read)"]


@check
def task_section_without_tasks(a: Analysis) -> list[str]:
    task_kinds = {"nhiem_vu_giai_phap", "to_chuc_thuc_hien"}
    if any(s.kind in task_kinds for s in a.sections) and not a.tasks:
        return ["plan with a task section but no tasks"]
    return []


@check
def header_not_found(a: Analysis) -> list[str]:
    f = a.facts
    if not (f.doc_number or f.issue_date or f.issuer):
        return ["header not found (no number, date or issuer)"]
    return []


#: A plan keeps Vietnamese marks on ~60 % of its words; typed without them it gives nothing.
MIN_MARKED_SHARE = 0.15


@check
def text_without_diacritics(a: Analysis) -> list[str]:
    from extractors.text.syllables import marked_share, vietnamese_share

    share, words = vietnamese_share(a.doc.text)
    if words < 50:
        return []
    marked = marked_share(a.doc.text)
    if marked < MIN_MARKED_SHARE:
        return [
            f"text has almost no Vietnamese diacritics ({marked:.0%} of words marked): sections, targets "
            "and tasks cannot be read reliably; use a copy with diacritics"
        ]
    if share < 0.8:
        return [f"text does not read as Vietnamese: only {share:.0%} of words are Vietnamese syllables (encoding?)"]
    return []
