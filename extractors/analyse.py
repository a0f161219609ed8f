"""All extractors over one normalised document, in dependency order.

sections → legal references (the document's own number excluded) → metadata
(which needs the `implements` chain) → tasks → deadlines (linked to tasks,
skipping dates inside references) → targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.deadlines import extract_deadlines
from extractors.document import ParsedDoc
from extractors.legal_refs import extract_legal_refs, implemented_keys
from extractors.metadata import DocumentFacts, extract_metadata
from extractors.sections import parse_sections
from extractors.targets import extract_targets, unglue_percentages
from extractors.tasks import extract_tasks


@dataclass
class Analysis:
    doc: ParsedDoc
    facts: DocumentFacts
    legal_refs: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    #: What the extractors repaired or doubted, for `ingest_log.warnings`.
    notes: list[str] = field(default_factory=list)

    @property
    def sections(self) -> list:
        return self.doc.sections

    @property
    def warnings(self) -> list[str]:
        """Quality warnings (see `extractors.checks`)."""
        from extractors.checks import quality_warnings

        return [*self.notes, *quality_warnings(self)]


def analyse(text: str, page_starts: list[int] | None = None, ocr_pages: frozenset[int] = frozenset()) -> Analysis:
    """Run every extractor on normalised `text`; offsets in all records point into it.

    `ocr_pages`: the pages (1-based) OCR read."""
    doc = ParsedDoc(text=text, page_starts=list(page_starts or []), ocr_pages=ocr_pages)
    doc.set_sections(parse_sections(text, page_starts or None))
    own_number = extract_metadata(doc).doc_number
    refs = extract_legal_refs(doc, own_number=own_number)
    facts = extract_metadata(doc, implements=implemented_keys(refs))
    tasks = [] if facts.is_record else extract_tasks(doc)
    deadlines = extract_deadlines(doc, tasks=tasks, exclude=[(r.char_start or 0, r.char_end or 0) for r in refs])
    _deadlines_of_field_lines(tasks, deadlines)
    _timeframes_from_deadlines(tasks, deadlines)
    targets = extract_targets(doc)
    notes = unglue_percentages(doc, targets)
    for rows in (refs, tasks, deadlines, targets):
        for r in rows:
            if getattr(r, "page", None) is None and doc.page_starts and r.char_start is not None:
                r.page = doc.page_at(r.char_start)
    return Analysis(
        doc=doc, facts=facts, legal_refs=refs, targets=targets, deadlines=deadlines, tasks=tasks, notes=notes
    )


def _timeframes_from_deadlines(tasks: list, deadlines: list) -> None:
    """A task whose own words the timeframe patterns missed (`… vào Quý IV năm 2030`) takes the
    text of the deadlines linked to it: one reading of time, not two that disagree."""
    linked: dict[str, list[str]] = {}
    for d in deadlines:
        if d.task_id and d.text and d.text not in linked.setdefault(d.task_id, []):
            linked[d.task_id].append(d.text)
    for t in tasks:
        if not t.timeframe and linked.get(t.task_id):
            t.timeframe = "; ".join(linked[t.task_id])


def _deadlines_of_field_lines(tasks: list, deadlines: list) -> None:
    """A deadline read from a task's field line (`- Thời gian thực hiện: Quý II - Quý III/2025`
    under the task) lies outside the task's span; it belongs to the task of its section whose
    timeframe that line gave."""
    timed: dict[str | None, list] = {}
    for t in tasks:
        if t.timeframe:
            timed.setdefault(t.section_id, []).append(t)
    for d in deadlines:
        if d.task_id or not d.text:
            continue
        owner = [t for t in timed.get(d.section_id, ()) if d.text in t.timeframe]
        if len(owner) == 1:
            d.task_id = owner[0].task_id
