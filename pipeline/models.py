"""The data that moves between the stages of a run.

Readers hand on `PageText`/`PagedText`/`RawDocument`; processing a file gives
`Processed` rows or a failed `Outcome`; a run collects a `RunSummary`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import VnplansError
from schemas import Deadline, Document, IngestLog, LegalRef, Record, Section, Target, Task
from schemas.enums import Status


@dataclass
class PageText:
    number: int  # 1-based
    text: str
    source: str  # "text" (PDF text layer) or "ocr"
    tables: list[list[list[str]]] = field(default_factory=list)
    confidence: float | None = None  # mean word confidence 0-100, OCR only
    retoned: int = 0  # OCR syllables whose tone mark was corrected from context
    unmarked: int = 0  # marks OCR read from specks inside a clause, taken out
    recased: int = 0  # lower-case words OCR read as capitals, lowered
    indents: list[bool | None] = field(default_factory=list)  # OCR: per line, indented or flush (None: unknown)


@dataclass
class PagedText:
    """The pages of a paged input (PDF or image file), in order."""

    pages: list[PageText]
    #: pages whose text layer was not used, and why (1-based page → reason)
    rejected: dict[int, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def ocr_pages(self) -> int:
        return sum(p.source == "ocr" for p in self.pages)


@dataclass
class RawDocument:
    """What a reader found: the text of each page and how it got it."""

    source_format: str  # pdf, image, txt, md, docx
    pages: list[str]
    paged: bool  # real pages (PDF, image) rather than one text
    markdown: bool = False
    ocr_pages: int = 0
    n_pages: int | None = None
    flat_tables: bool = False  # tables may be flattened one cell per line
    #: lines are real paragraphs (DOCX): the normaliser does not re-wrap them
    paragraphs: bool = False
    page_sources: list[str] = field(default_factory=list)
    #: per page, per line of its text: indented (True), flush with the margin (False) or unknown
    page_indents: list[list[bool | None]] = field(default_factory=list)
    #: what a person should check about how the text was read (`ingest_log.warnings`)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Processed:
    """Every table's rows for one document, plus what the log needs."""

    doc_id: str
    source_path: str
    document: Document
    sections: list[Section] = field(default_factory=list)
    legal_refs: list[LegalRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    n_pages: int | None = None
    ocr_pages: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def tables(self) -> dict[str, list[Record]]:
        """Table name → rows, in the contract's table order."""
        return {
            "documents": [self.document],
            "sections": list(self.sections),
            "legal_refs": list(self.legal_refs),
            "targets": list(self.targets),
            "deadlines": list(self.deadlines),
            "tasks": list(self.tasks),
        }


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Outcome:
    """What became of one file: processed, or failed with a typed error.

    Plain fields only, so it pickles across the worker boundary (exceptions
    with their own constructors do not).
    """

    status: Status
    started_at: dt.datetime = field(default_factory=now)
    doc_id: str | None = None
    processed: Processed | None = None
    stage: str | None = None
    error_type: str | None = None
    error_message: str | None = None
    duration_s: float | None = None

    @classmethod
    def ok(cls, processed: Processed, started_at: dt.datetime) -> Outcome:
        return cls(Status.OK, started_at, doc_id=processed.doc_id, processed=processed)

    @classmethod
    def failure(cls, exc: VnplansError, started_at: dt.datetime | None = None, doc_id: str | None = None) -> Outcome:
        stage = exc.stage
        return cls(
            Status.FAILED,
            started_at or now(),
            doc_id=doc_id,
            stage=str(stage) if stage else None,
            error_type=exc.error_type,
            error_message=exc.message,
        )

    def log_row(self, source_path: str, finished_at: dt.datetime | None = None) -> IngestLog:
        p = self.processed
        return IngestLog(
            doc_id=self.doc_id,
            source_path=source_path,
            status=self.status,
            stage=self.stage,
            error_type=self.error_type,
            error_message=self.error_message,
            started_at=self.started_at,
            finished_at=finished_at or now(),
            pages=p.n_pages if p else None,
            ocr_pages=p.ocr_pages if p else None,
            warnings=list(p.warnings) if p else [],
        )


@dataclass
class RunSummary:
    """One run: its log rows, the rows it wrote, when."""

    run_id: str
    out_dir: Path
    log: list[IngestLog] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # table → rows written this run
    fetched: list[FetchResult] = field(default_factory=list)  # links of a fetch run
    started_at: dt.datetime = field(default_factory=now)
    finished_at: dt.datetime | None = None
    interrupted: bool = False  # Ctrl-C or SIGTERM stopped the run; unfinished files are logged as such
    # Where a file came from when that is not its path: the URL of a fetched file.
    origins: dict[str, str] = field(default_factory=dict)
    #: Where finished documents wait to be written (`orchestrate.batch.Sink`).
    sink: Any = field(default=None, repr=False)

    def source_of(self, path: Path) -> str:
        """The `source_path` of a file in the tables: its URL if fetched, else its (absolute) path."""
        return self.origins.get(str(path), str(path))

    @property
    def failed(self) -> list[IngestLog]:
        return [r for r in self.log if r.status == Status.FAILED]

    @property
    def with_warnings(self) -> list[IngestLog]:
        return [r for r in self.log if r.status == Status.OK and r.warnings]

    def count(self, status: str) -> int:
        return sum(1 for r in self.log if r.status == status)


@dataclass
class FetchResult:
    """One link (or one local file) of a source.

    status: `downloaded` (a new file in the inbox), `unchanged` (already in the
    inbox: 304 Not Modified or same content hash), `local` (a file of a folder
    source) or `failed` (path is None; error_type/error_message say why).
    """

    url: str
    path: Path | None
    status: str
    error_type: str | None = None
    error_message: str | None = None
    sha256: str | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
