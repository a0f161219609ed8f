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


_NUMBER_LINE = regex.compile(r"^\s*Số\s*:?(?P<rest>[^\n]*)", regex.MULTILINE)


@check
def number_line_without_number(a: Analysis) -> list[str]:
    m = _NUMBER_LINE.search(a.doc.text[:3000])
    if not m or a.facts.doc_number:
        return []
    if not regex.search(r"\d", m.group("rest").split("/")[0]):
        return ["number line is blank (a draft, or a number stamped at signing that was not read)"]
    return ["number line present but no doc_number"]


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
