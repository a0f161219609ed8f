"""One file through every stage, in this process: read → normalise → analyse → rows.

Every failure leaves as a `DocumentError` that names its stage (`read`, `ocr`,
`normalize`, `extract`), so the batch can log it in `ingest_log` and go on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from extractors.identity import plan_key
from extractors.normalize import normalize_pages
from pipeline.errors import (
    DocumentError,
    EmptyTextError,
    MemoryLimitError,
    OcrError,
    StageError,
    UnreadableFileError,
)
from pipeline.models import Processed
from schemas import Document, to_arrow
from schemas.enums import Stage

try:
    from importlib.metadata import version as _pkg_version

    PIPELINE_VERSION = _pkg_version("vnplans")
except Exception:  # running from a source tree without the package installed
    PIPELINE_VERSION = "0.0.0+src"

T = TypeVar("T")

#: Bytes read at a time when hashing: a 2.5 GB file must not be read whole.
HASH_CHUNK = 1 << 20


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_digest(path: Path) -> str:
    """SHA-256 of a file, streamed."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def doc_id_of(sha256: str) -> str:
    return sha256[:16]


def _stage(stage: Stage, fn: Callable[..., T], *args, **kwargs) -> T:
    """Run one stage; whatever it raises becomes a `DocumentError` naming the stage."""
    try:
        return fn(*args, **kwargs)
    except DocumentError:
        raise
    except subprocess.CalledProcessError as exc:
        # Tesseract (or another tool) exited with an error: usually memory or a broken image.
        tool = Path(str(exc.cmd[0] if isinstance(exc.cmd, (list, tuple)) else exc.cmd)).name
        raise OcrError(
            f"{tool} failed with exit code {exc.returncode} (out of memory or an unreadable page image); "
            "check the file, or raise --memory-mb"
        ) from exc
    except MemoryError as exc:
        raise MemoryLimitError(
            "ran out of memory; the file may be too large: split it or raise --memory-mb", stage
        ) from exc
    except OSError as exc:
        if stage == Stage.READ:
            raise UnreadableFileError(
                f"cannot read the file: {exc.strerror or exc}; check it exists and is readable"
            ) from exc
        raise StageError(stage, f"{type(exc).__name__}: {exc}") from exc
    except Exception as exc:
        raise StageError(
            stage,
            f"{type(exc).__name__}: {exc} (a bug or an unexpected layout; please report it with the file)",
        ) from exc


def process_file(
    path: str | Path,
    data: bytes | None = None,
    ocr: bool = True,
    on_stage: Callable[[Stage], None] | None = None,
) -> Processed:
    """All tables for one file. Raises `DocumentError`.

    `on_stage` hears each stage as it starts (the isolating parent names the
    stage a timed-out document was in).
    """
    tell = on_stage or (lambda stage: None)
    from extractors.analyse import analyse
    from pipeline.ingest import read_document

    path = Path(path)
    tell(Stage.READ)
    if data is None:
        data = _stage(Stage.READ, path.read_bytes)
    sha = file_digest(data)
    doc_id = doc_id_of(sha)
    raw = _stage(Stage.READ, read_document, path, data, ocr)
    tell(Stage.NORMALIZE)
    norm = _stage(
        Stage.NORMALIZE,
        normalize_pages,
        raw.pages,
        markdown=raw.markdown,
        paged=raw.paged,
        rebuild_tables=raw.flat_tables,
        paragraphs=raw.paragraphs,
        page_sources=raw.page_sources,
        page_indents=raw.page_indents,
    )
    if not norm.text.strip():
        raise EmptyTextError(
            "no text found: the pages look blank (no text layer, nothing for OCR to read); "
            "check the file or scan it again"
            if ocr
            else "no text layer, and OCR is off (--no-ocr): run again with OCR to read scanned pages"
        )
    tell(Stage.EXTRACT)
    ocr_read = frozenset(i for i, source in enumerate(raw.page_sources, start=1) if source == "ocr")
    result = _stage(Stage.EXTRACT, analyse, norm.text, norm.page_starts if raw.paged else None, ocr_read)

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
        plan_key=plan_key(
            province=facts.province,
            issuer=facts.issuer,
            doc_kind=facts.doc_kind,
            doc_number=facts.doc_number,
            issue_date=facts.issue_date,
            title=facts.title,
            implements=facts.implements,
        ),
        pipeline_version=PIPELINE_VERSION,
        processed_at=dt.datetime.now(dt.UTC),
    )
    processed = Processed(
        doc_id=doc_id,
        source_path=str(path),
        document=document,
        sections=result.sections,
        legal_refs=result.legal_refs,
        targets=result.targets,
        deadlines=result.deadlines,
        tasks=result.tasks,
        n_pages=raw.n_pages,
        ocr_pages=raw.ocr_pages,
        warnings=[*raw.warnings, *norm.warnings, *result.warnings],
    )
    tables = processed.tables
    for rows in tables.values():
        for r in rows:
            r.doc_id = doc_id
    # Schema check now, so a bad row fails the extract stage, not the writer.
    _stage(Stage.EXTRACT, lambda: [to_arrow(name, rows) for name, rows in tables.items()])
    return processed
