"""One file through every stage, without Prefect: read → normalise → analyse → rows.

Each stage failure is re-raised as a `StageError` naming the stage, so the
flow can log it in `ingest_log` and carry on with the batch.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from extractors.normalize.pages import normalize_pages
from pipeline.errors import ReadError
from schemas import Document, to_arrow

try:
    from importlib.metadata import version as _pkg_version

    PIPELINE_VERSION = _pkg_version("vnplans")
except Exception:  # running from a source tree without the package installed
    PIPELINE_VERSION = "0.0.0+src"


class StageError(Exception):
    """A failure in one stage, with a message a person can act on."""

    def __init__(self, stage: str, error_type: str, message: str):
        super().__init__(f"[{stage}] {error_type}: {message}")
        self.stage = stage
        self.error_type = error_type
        self.message = message


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id_of(sha256: str) -> str:
    return sha256[:16]


@dataclass
class Processed:
    """Every table's rows for one document, plus what the log needs."""

    doc_id: str
    source_path: str
    tables: dict = field(default_factory=dict)  # table name → list of records
    n_pages: int | None = None
    ocr_pages: int = 0
    warnings: list[str] = field(default_factory=list)


def _stage(stage: str, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except StageError:
        raise
    except ReadError as exc:
        raise StageError(
            getattr(exc, "stage", stage) or stage, exc.__class__.__name__, str(getattr(exc, "message", exc))
        ) from exc
    except subprocess.CalledProcessError as exc:
        # Tesseract (or another tool) exited with an error: usually memory or a broken image.
        raise StageError(
            "ocr",
            "OcrError",
            f"{Path(str(exc.cmd[0] if isinstance(exc.cmd, (list, tuple)) else exc.cmd)).name} "
            f"failed with exit code {exc.returncode} (out of memory or an unreadable page image); "
            "check the file, or raise --memory-mb",
        ) from exc
    except MemoryError as exc:
        raise StageError(
            stage, "MemoryError", "ran out of memory; the file may be too large — split it or raise the limit"
        ) from exc
    except Exception as exc:
        raise StageError(
            stage, exc.__class__.__name__, f"{exc} (a bug or an unexpected layout; please report it with the file)"
        ) from exc


def process_file(path: str | Path, data: bytes | None = None, ocr: bool = True) -> Processed:
    """All tables for one file. Raises `StageError`."""
    from extractors.analyse import analyse
    from pipeline.ingest import read_document

    path = Path(path)
    if data is None:
        data = _stage("read", path.read_bytes)
    sha = file_digest(data)
    doc_id = doc_id_of(sha)
    raw = _stage("read", read_document, path, data, ocr)
    norm = _stage(
        "normalize", normalize_pages, raw.pages, markdown=raw.markdown, paged=raw.paged, rebuild_tables=raw.flat_tables
    )
    if not norm.text.strip():
        raise StageError(
            "normalize",
            "EmptyText",
            "no text left after normalisation; is this a blank or image-only file with OCR disabled?",
        )
    result = _stage("extract", analyse, norm.text, norm.page_starts if raw.paged else None)

    facts = result.facts
    document = Document(
        doc_id=doc_id,
        source_path=str(path),
        source_sha256=sha,
        source_format=raw.source_format,
        n_pages=raw.n_pages,
        ocr_pages=raw.ocr_pages,
        text_chars=len(norm.text),
        doc_kind=facts.doc_kind,
        doc_number=facts.doc_number,
        issuer=facts.issuer,
        province=facts.province,
        issue_place=facts.issue_place,
        issue_date=facts.issue_date,
        title=facts.title,
        signer_name=facts.signer_name,
        signer_title=facts.signer_title,
        horizon_year=facts.horizon_year,
        implements=facts.implements,
        pipeline_version=PIPELINE_VERSION,
        processed_at=_dt.datetime.now(_dt.UTC),
    )
    tables = {
        "documents": [document],
        "sections": result.sections,
        "legal_refs": result.legal_refs,
        "targets": result.targets,
        "deadlines": result.deadlines,
        "tasks": result.tasks,
    }
    for rows in tables.values():
        for r in rows:
            r.doc_id = doc_id
    # Schema check now, so a bad row fails the extract stage, not the writer.
    _stage("extract", lambda: [to_arrow(name, rows) for name, rows in tables.items()])
    return Processed(
        doc_id=doc_id,
        source_path=str(path),
        tables=tables,
        n_pages=raw.n_pages,
        ocr_pages=raw.ocr_pages,
        warnings=[*raw.warnings, *result.warnings],
    )
