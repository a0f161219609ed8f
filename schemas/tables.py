"""Arrow schemas for the seven tables and the record dataclasses built from them.

Each table is declared once as a list of `(name, arrow type, meaning)`.
From that one declaration come the `pyarrow.Schema` the writers enforce, the
dataclass the extractors fill (all fields optional, so a pure extractor can
leave `doc_id` to the pipeline) and the data dictionary.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pyarrow as pa

STR = pa.string()
LIST_STR = pa.list_(pa.string())
TS = pa.timestamp("us", tz="UTC")

_DOC_ID = ("doc_id", STR, "first 16 hex digits of the SHA-256 of the source file")
_SECTION_ID = ("section_id", STR, "section the row sits in (see sections.section_id)")
_SPAN = [
    ("char_start", pa.int64(), "start offset in the normalised document text"),
    ("char_end", pa.int64(), "end offset (exclusive) in the normalised document text"),
]
_PAGE = ("page", pa.int32(), "1-based PDF page of char_start (null for text inputs)")

_DECLARATIONS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "documents": [
        _DOC_ID,
        ("source_path", STR, "path or URI the file was read from"),
        ("source_sha256", STR, "full hex SHA-256 of the source bytes"),
        ("source_format", STR, "pdf, image, txt, md, docx"),
        ("n_pages", pa.int32(), "pages (null for text inputs)"),
        ("ocr_pages", pa.int32(), "pages whose text came from OCR"),
        ("text_chars", pa.int64(), "length of the normalised text"),
        (
            "doc_kind",
            STR,
            "ke_hoach, chuong_trinh_hanh_dong, quyet_dinh, nghi_quyet, chi_thi, cong_van, bao_cao, other",
        ),
        ("doc_number", STR, "own số hiệu without spaces, e.g. 182/KH-UBND"),
        ("issuer", STR, "issuing body, abbreviations expanded"),
        ("province", STR, "province name with diacritics"),
        ("issue_place", STR, "place in the date line"),
        ("issue_date", pa.date32(), "date of signature"),
        ("title", STR, "subject line(s) after the kind line"),
        ("signer_name", STR, "name in the signature block"),
        ("signer_title", STR, "title of the signer, e.g. Phó Chủ tịch"),
        ("horizon_year", pa.int16(), "year the plan runs to"),
        ("implements", LIST_STR, "ref_keys of the directives this document carries out"),
        ("pipeline_version", STR, "version of vnplans that wrote the row"),
        ("processed_at", TS, "when the row was written"),
    ],
    "sections": [
        _DOC_ID,
        ("section_id", STR, "labels from the root joined by '/', or the kind for unlabeled blocks"),
        ("parent_id", STR, "section_id of the parent, null for top level"),
        ("level", pa.int8(), "1 for top level"),
        ("label", STR, "list label as written: II, 2, a, 2.1, Điều 1"),
        ("heading", STR, "heading text without label and trailing colon"),
        (
            "kind",
            STR,
            "preamble, muc_dich_yeu_cau, muc_tieu, nhiem_vu_giai_phap, to_chuc_thuc_hien, kinh_phi, che_do_bao_cao, dieu, phu_luc, noi_nhan, chu_ky, footnotes, other",
        ),
        ("ord", pa.int32(), "order in the document, from 1"),
        *_SPAN,
        ("page_start", pa.int32(), "first PDF page of the span"),
        ("page_end", pa.int32(), "last PDF page of the span"),
        ("text", STR, "the text of the span"),
    ],
    "legal_refs": [
        _DOC_ID,
        _SECTION_ID,
        *_SPAN,
        _PAGE,
        ("text", STR, "the mention as written"),
        (
            "ref_type",
            STR,
            "luat, bo_luat, nghi_quyet, nghi_dinh, quyet_dinh, chi_thi, thong_tu, ket_luan, ke_hoach, chuong_trinh, de_an, cong_van, thong_bao, huong_dan, other",
        ),
        ("number", STR, "numeric part without leading zeros"),
        ("symbol", STR, "part after number and year, upper-case, '-' separated"),
        ("year", pa.int16(), "year of the referenced document"),
        ("issue_date", pa.date32(), "issue date of the referenced document"),
        ("issuer", STR, "issuer as written, abbreviations expanded"),
        ("title", STR, "subject clause after the reference"),
        ("relation", STR, "can_cu, implements, mention"),
        ("ref_key", STR, "{number}/{symbol} or luat:{name}"),
    ],
    "targets": [
        _DOC_ID,
        _SECTION_ID,
        *_SPAN,
        _PAGE,
        ("text", STR, "the clause that states the target"),
        ("indicator", STR, "what is measured"),
        ("value", pa.float64(), "target value"),
        ("value_high", pa.float64(), "upper bound of a range"),
        ("unit", STR, "unit as written, lower-case; '' when dimensionless"),
        ("comparator", STR, "eq, gt, ge, lt, le, approx, range"),
        ("direction", STR, "level, increase, decrease"),
        ("target_year", pa.int16(), "year it is due"),
        ("period_start", pa.int16(), "first year of the period the value is stated for"),
        ("period_end", pa.int16(), "last year of that period"),
        ("baseline", STR, "comparison base if stated"),
        ("domain", STR, "climate, resources, environment, economy, society, defense, other"),
        ("responsible", LIST_STR, "agencies that own or monitor the target"),
        ("source", STR, "text or table"),
        ("note", STR, "text of an attached footnote"),
    ],
    "deadlines": [
        _DOC_ID,
        _SECTION_ID,
        *_SPAN,
        _PAGE,
        ("text", STR, "the time expression as written"),
        ("kind", STR, "date, month, quarter, year, period, recurring, ongoing"),
        ("start", STR, "ISO-8601 partial start"),
        ("end", STR, "ISO-8601 partial end / due point"),
        ("recurrence", STR, "P1Y, P6M, P3M, P1M or null"),
        ("recur_on", STR, "--MM-DD for recurring due days"),
        ("ongoing", pa.bool_(), "thường xuyên"),
        ("task_id", STR, "task the deadline belongs to"),
    ],
    "tasks": [
        _DOC_ID,
        ("task_id", STR, "unique within the document"),
        _SECTION_ID,
        *_SPAN,
        _PAGE,
        ("text", STR, "the task as written"),
        ("lead", LIST_STR, "agencies in charge, canonical names"),
        ("partners", LIST_STR, "cooperating agencies"),
        ("product", STR, "expected output"),
        ("timeframe", STR, "time text as written"),
        ("source", STR, "text or table"),
    ],
    "ingest_log": [
        ("doc_id", STR, "null when the file could not be read at all"),
        ("source_path", STR, "the file"),
        ("status", STR, "ok, failed, skipped"),
        ("stage", STR, "read, ocr, normalize, sections, extract, write"),
        ("error_type", STR, "exception class or error category"),
        ("error_message", STR, "what went wrong and what to do about it"),
        ("started_at", TS, "start of the attempt"),
        ("finished_at", TS, "end of the attempt"),
        ("pages", pa.int32(), "pages in the file"),
        ("ocr_pages", pa.int32(), "pages OCR'd"),
    ],
}

TABLES: list[str] = list(_DECLARATIONS)

SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([pa.field(c, t) for c, t, _ in cols]) for name, cols in _DECLARATIONS.items()
}

COLUMN_DOCS: dict[str, list[tuple[str, str, str]]] = {
    name: [(c, str(t), doc) for c, t, doc in cols] for name, cols in _DECLARATIONS.items()
}

_DEFAULT_LISTS = {c for cols in _DECLARATIONS.values() for c, t, _ in cols if pa.types.is_list(t)}


def _record_type(class_name: str, table: str) -> type:
    fields = []
    for col, typ, _ in _DECLARATIONS[table]:
        if pa.types.is_list(typ):
            fields.append((col, list, dataclasses.field(default_factory=list)))
        else:
            fields.append((col, Any, dataclasses.field(default=None)))
    cls = dataclasses.make_dataclass(class_name, fields)
    # Pickling (worker processes send records back) finds classes by module.
    cls.__module__ = __name__
    cls.__doc__ = f"One row of the `{table}` table (columns from schemas.tables)."
    cls.TABLE = table
    return cls


Document = _record_type("Document", "documents")
Section = _record_type("Section", "sections")
LegalRef = _record_type("LegalRef", "legal_refs")
Target = _record_type("Target", "targets")
Deadline = _record_type("Deadline", "deadlines")
Task = _record_type("Task", "tasks")
IngestLog = _record_type("IngestLog", "ingest_log")

RECORD_TYPES = {cls.TABLE: cls for cls in (Document, Section, LegalRef, Target, Deadline, Task, IngestLog)}


def to_arrow(table: str, records: list) -> pa.Table:
    """Records (dataclasses or dicts) → an Arrow table with exactly the contract's schema."""
    schema = SCHEMAS[table]
    rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in records]
    cols = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(cols, schema=schema)
