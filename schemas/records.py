"""The seven tables of the data contract (../shared/SPEC.md) as typed records.

Each table is one dataclass; each column one field whose metadata carries its
Arrow type, its meaning and, for enumerated columns, its `StrEnum`. The Arrow
schemas, the data dictionary and the contract check (`schemas.arrow`) are
derived from these declarations, so a column lives in one place.

Every field defaults to None (lists to empty), so a pure extractor can build a
record without knowing the document it belongs to and leave `doc_id` to the
pipeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

import pyarrow as pa

from schemas.enums import (
    Comparator,
    DeadlineKind,
    Direction,
    DocKind,
    Domain,
    Recurrence,
    RefType,
    Relation,
    RowSource,
    SectionKind,
    SourceFormat,
    Stage,
    Status,
)

STR = pa.string()
LIST_STR = pa.list_(pa.string())
TS = pa.timestamp("us", tz="UTC")


def col(arrow: pa.DataType, doc: str, enum: type[StrEnum] | None = None) -> Any:
    """A column: None by default (an empty list for list columns)."""
    meta = {"arrow": arrow, "doc": doc, "enum": enum}
    if pa.types.is_list(arrow):
        return field(default_factory=list, metadata=meta)
    return field(default=None, metadata=meta)


def _doc_id() -> Any:
    return col(STR, "first 16 hex digits of the SHA-256 of the source file")


def _section_id() -> Any:
    return col(STR, "section the row sits in (see sections.section_id)")


def _char_start() -> Any:
    return col(pa.int64(), "start offset in the normalised document text")


def _char_end() -> Any:
    return col(pa.int64(), "end offset (exclusive) in the normalised document text")


def _page() -> Any:
    return col(pa.int32(), "1-based PDF page of char_start (null for text inputs)")


@dataclass
class Document:
    """One row of `documents`: one per input file."""

    TABLE: ClassVar[str] = "documents"
    doc_id: str | None = _doc_id()
    source_path: str | None = col(STR, "absolute path, or the URL of a fetched file, that the file was read from")
    plan_key: str | None = col(
        STR, "the same for every copy of one plan (text, PDF, scan, DOCX): normalised issuer, number, date, title"
    )
    source_sha256: str | None = col(STR, "full hex SHA-256 of the source bytes")
    source_format: str | None = col(STR, "pdf, image, txt, md, docx, odt, doc, html", SourceFormat)
    n_pages: int | None = col(pa.int32(), "pages (null for text inputs)")
    ocr_pages: int | None = col(pa.int32(), "pages whose text came from OCR")
    text_chars: int | None = col(pa.int64(), "length of the normalised text")
    doc_kind: str | None = col(
        STR,
        "ke_hoach, chuong_trinh_hanh_dong, quyet_dinh, nghi_quyet, chi_thi, cong_van, bao_cao, other",
        DocKind,
    )
    doc_number: str | None = col(STR, "own số hiệu without spaces, e.g. 182/KH-UBND")
    issuer: str | None = col(STR, "issuing body, abbreviations expanded")
    province: str | None = col(STR, "province name with diacritics")
    issue_place: str | None = col(STR, "place in the date line")
    issue_date: dt.date | None = col(pa.date32(), "date of signature")
    title: str | None = col(STR, "subject line(s) after the kind line")
    signer_name: str | None = col(STR, "name in the signature block")
    signer_title: str | None = col(STR, "title of the signer, e.g. Phó Chủ tịch")
    horizon_year: int | None = col(pa.int16(), "year the plan runs to")
    implements: list[str] = col(LIST_STR, "ref_keys of the directives this document carries out")
    pipeline_version: str | None = col(STR, "version of vnplans that wrote the row")
    processed_at: dt.datetime | None = col(TS, "when the row was written")


@dataclass
class Section:
    """One row of `sections`: one per structural unit."""

    TABLE: ClassVar[str] = "sections"
    doc_id: str | None = _doc_id()
    section_id: str | None = col(STR, "labels from the root joined by '/', or the kind for unlabeled blocks")
    parent_id: str | None = col(STR, "section_id of the parent, null for top level")
    level: int | None = col(pa.int8(), "1 for top level")
    label: str | None = col(STR, "list label as written: II, 2, a, 2.1, Điều 1, Phần I")
    heading: str | None = col(STR, "heading text without label and trailing colon")
    kind: str | None = col(
        STR,
        "preamble, muc_dich_yeu_cau, muc_tieu, nhiem_vu_giai_phap, to_chuc_thuc_hien, kinh_phi, che_do_bao_cao, "
        "dieu, phu_luc, noi_nhan, chu_ky, footnotes, other",
        SectionKind,
    )
    ord: int | None = col(pa.int32(), "order in the document, from 1")
    char_start: int | None = _char_start()
    char_end: int | None = _char_end()
    page_start: int | None = col(pa.int32(), "first PDF page of the span")
    page_end: int | None = col(pa.int32(), "last PDF page of the span")
    text: str | None = col(STR, "the text of the span")


@dataclass
class LegalRef:
    """One row of `legal_refs`: one per mention of another legal document."""

    TABLE: ClassVar[str] = "legal_refs"
    doc_id: str | None = _doc_id()
    section_id: str | None = _section_id()
    char_start: int | None = _char_start()
    char_end: int | None = _char_end()
    page: int | None = _page()
    text: str | None = col(STR, "the mention as written")
    ref_type: str | None = col(
        STR,
        "luat, bo_luat, nghi_quyet, nghi_dinh, quyet_dinh, chi_thi, thong_tu, ket_luan, ke_hoach, chuong_trinh, "
        "de_an, cong_van, thong_bao, huong_dan, other",
        RefType,
    )
    number: str | None = col(STR, "numeric part without leading zeros")
    symbol: str | None = col(STR, "part after number and year, upper-case, '-' separated")
    year: int | None = col(pa.int16(), "year of the referenced document")
    issue_date: dt.date | None = col(pa.date32(), "issue date of the referenced document")
    issuer: str | None = col(STR, "issuer as written, abbreviations expanded")
    title: str | None = col(STR, "subject clause after the reference")
    relation: str | None = col(STR, "can_cu, implements, mention", Relation)
    ref_key: str | None = col(STR, "{number}/{symbol} or luat:{name}")


@dataclass
class Target:
    """One row of `targets`: one per quantitative target."""

    TABLE: ClassVar[str] = "targets"
    doc_id: str | None = _doc_id()
    section_id: str | None = _section_id()
    char_start: int | None = _char_start()
    char_end: int | None = _char_end()
    page: int | None = _page()
    text: str | None = col(STR, "the clause that states the target")
    indicator: str | None = col(STR, "what is measured")
    value: float | None = col(pa.float64(), "target value")
    value_high: float | None = col(pa.float64(), "upper bound of a range")
    unit: str | None = col(STR, "unit as written, lower-case; '' when dimensionless")
    comparator: str | None = col(STR, "eq, gt, ge, lt, le, approx, range", Comparator)
    direction: str | None = col(STR, "level, increase, decrease", Direction)
    target_year: int | None = col(pa.int16(), "year it is due")
    period_start: int | None = col(pa.int16(), "first year of the period the value is stated for")
    period_end: int | None = col(pa.int16(), "last year of that period")
    baseline: str | None = col(STR, "comparison base if stated")
    domain: str | None = col(STR, "climate, resources, environment, economy, society, defense, other", Domain)
    responsible: list[str] = col(LIST_STR, "agencies that own or monitor the target")
    source: str | None = col(STR, "text or table", RowSource)
    note: str | None = col(STR, "text of an attached footnote")


@dataclass
class Deadline:
    """One row of `deadlines`: one per time expression that says when something is due or runs."""

    TABLE: ClassVar[str] = "deadlines"
    doc_id: str | None = _doc_id()
    section_id: str | None = _section_id()
    char_start: int | None = _char_start()
    char_end: int | None = _char_end()
    page: int | None = _page()
    text: str | None = col(STR, "the time expression as written")
    kind: str | None = col(STR, "date, month, quarter, year, period, recurring, ongoing", DeadlineKind)
    start: str | None = col(STR, "ISO-8601 partial start")
    end: str | None = col(STR, "ISO-8601 partial end / due point")
    recurrence: str | None = col(STR, "P1Y, P6M, P3M, P1M or null", Recurrence)
    recur_on: str | None = col(STR, "--MM-DD (a day of every year) or ---DD (of every month) for recurring due days")
    ongoing: bool | None = col(pa.bool_(), "thường xuyên")
    task_id: str | None = col(STR, "task the deadline belongs to")


@dataclass
class Task:
    """One row of `tasks`: one per assigned task."""

    TABLE: ClassVar[str] = "tasks"
    doc_id: str | None = _doc_id()
    task_id: str | None = col(STR, "unique within the document")
    section_id: str | None = _section_id()
    char_start: int | None = _char_start()
    char_end: int | None = _char_end()
    page: int | None = _page()
    text: str | None = col(STR, "the task as written")
    lead: list[str] = col(LIST_STR, "agencies in charge, canonical names")
    partners: list[str] = col(LIST_STR, "cooperating agencies")
    product: str | None = col(STR, "expected output")
    timeframe: str | None = col(STR, "time text as written")
    source: str | None = col(STR, "text or table", RowSource)


@dataclass
class IngestLog:
    """One row of `ingest_log`: one per attempt to process a file."""

    TABLE: ClassVar[str] = "ingest_log"
    doc_id: str | None = col(STR, "null when the file could not be read at all")
    run_id: str | None = col(STR, "the run that wrote the row (also the file name)")
    source_path: str | None = col(STR, "absolute path or URL of the file")
    status: str | None = col(STR, "ok, failed, skipped", Status)
    stage: str | None = col(STR, "read, ocr, normalize, sections, extract, write", Stage)
    error_type: str | None = col(STR, "error class, one of those listed in docs/operating.md")
    error_message: str | None = col(STR, "what went wrong and what to do about it")
    started_at: dt.datetime | None = col(TS, "start of the attempt")
    finished_at: dt.datetime | None = col(TS, "end of the attempt")
    pages: int | None = col(pa.int32(), "pages in the file")
    ocr_pages: int | None = col(pa.int32(), "pages OCR'd")
    warnings: list[str] = col(LIST_STR, "quality warnings: what a person should check in a processed file")


Record = Document | Section | LegalRef | Target | Deadline | Task | IngestLog
RECORD_TYPES: dict[str, type[Record]] = {
    cls.TABLE: cls for cls in (Document, Section, LegalRef, Target, Deadline, Task, IngestLog)
}
