"""Checks that need no answer key, over a folder of real files.

For each file the pipeline's output is compared with what the file itself
says, read independently of our readers where a tool can (python-docx for
DOCX, poppler's `pdftotext` for PDFs, whose text includes what signing tools
draw in signature fields) and from our normalised text as well:

* `number`    a header line `Số: 12/KH-UBND` (digits before the slash) gives
              `documents.doc_number` with those digits;
* `date`      a header place-date line (`Lào Cai, ngày 10 tháng 3 năm 2026`)
              gives `documents.issue_date` equal to it;
* `appendix`  each appendix heading (`PHỤ LỤC`, `Phụ lục số 01`) opens a
              `phu_luc` section;
* `task_rows` each row of a task table (a DOCX table whose header names a lead
              column — `chủ trì`, `thực hiện` — with the lead cell filled)
              gives a task with a lead;
* `contract`  no row of any table breaks the data contract
              (`schemas.contract_violations`).

    vnplans invariants ../shared/realworld --no-scans     # DOCX and digital PDFs
    vnplans invariants ../shared/realworld                # everything, scans too (slow: OCR)

Each check counts once per instance; the summary prints the share that holds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import DocumentError
from pipeline.ingest.discover import discover
from pipeline.orchestrate.process import process_file
from schemas import contract_violations

HEAD_LINES = 60
# `Số: 1105/KH-ĐKT`, `Số 07/CT-TTg`; a draft's blank number (`Số:    /KH-SCT`) is no number.
_NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*(?P<digits>\d[\d.]*)\s*/\s*[A-ZĐ]", re.MULTILINE)
_PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
    r"\s+năm\s+(?P<y>\d{4})"
)
# A heading line: `PHỤ LỤC`, `PHỤ LỤC II`, `Phụ lục số 01: …` (not `phụ lục` inside a sentence).
_APPENDIX = re.compile(
    r"^\s*(?:PHỤ\s+LỤC(?:\s+(?:SỐ\s*)?[0-9IVXL]+)?|Phụ\s+lục\s+(?:số\s*)?[0-9IVXL]+)(?![^\W\d_])[^\n]{0,150}$",
    re.MULTILINE,
)
_LEAD_HEADER = re.compile(r"chủ\s+trì|thực\s+hiện|đơn\s+vị\s+thực|người\s+thực", re.IGNORECASE)
_TASK_HEADER = re.compile(r"nhiệm\s+vụ|nội\s+dung|công\s+việc|hoạt\s+động", re.IGNORECASE)


@dataclass
class Check:
    name: str
    holds: bool
    detail: str = ""


@dataclass
class FileReport:
    path: str
    checks: list[Check] = field(default_factory=list)
    error: str | None = None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def raw_text(path: Path) -> str:
    """The file's text read without our readers, where a standard tool can (else '')."""
    data = path.read_bytes()[:8]
    if data.startswith(b"PK"):
        try:
            import docx

            document = docx.Document(str(path))
        except Exception:
            return ""
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        return _nfc("\n".join(lines))
    if data.startswith(b"%PDF") and shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, timeout=120)
        return _nfc(out.stdout.decode("utf-8", "replace"))
    return ""


def docx_task_rows(path: Path) -> int:
    """Rows of DOCX task tables whose lead cell is filled."""
    if path.read_bytes()[:2] != b"PK":
        return 0
    import docx

    try:
        document = docx.Document(str(path))
    except Exception:
        return 0
    rows = 0
    for table in document.tables:
        if len(table.rows) < 2 or len(table.columns) < 3:
            continue
        header = [" ".join(c.text.split()) for c in table.rows[0].cells]
        task = next((i for i, h in enumerate(header) if _TASK_HEADER.search(h)), None)
        lead = next((i for i, h in enumerate(header) if i != task and _LEAD_HEADER.search(h)), None)
        if lead is None or task is None:
            continue
        for row in table.rows[1:]:
            cells = [" ".join(c.text.split()) for c in row.cells]
            if len(cells) > max(lead, task) and cells[lead] and cells[task] and cells[task] != cells[lead]:
                rows += 1
    return rows


def _head(text: str) -> str:
    return "\n".join(text.splitlines()[:HEAD_LINES])


def check_file(path: Path, ocr: bool = True) -> FileReport:
    report = FileReport(str(path))
    try:
        processed = process_file(path, ocr=ocr)
    except DocumentError as exc:
        report.error = f"{exc.error_type}: {exc.message}"
        return report
    doc = processed.document
    sections = processed.sections
    ours = "\n".join(s.text or "" for s in sections if s.level == 1)
    theirs = raw_text(path)

    numbers = {m.group("digits").lstrip("0") for t in (ours, theirs) for m in _NUMBER_LINE.finditer(_head(t))}
    for digits in sorted(numbers):
        got = (doc.doc_number or "").split("/")[0].lstrip("0")
        report.checks.append(Check("number", got == digits, f"Số {digits}… → doc_number {doc.doc_number!r}"))

    dates = set()
    for t in (ours, theirs):
        m = _PLACE_DATE.search(_head(t))
        if m:
            try:
                dates.add(dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
            except ValueError:
                pass
    for d in sorted(dates):
        report.checks.append(Check("date", doc.issue_date == d, f"header date {d} → issue_date {doc.issue_date}"))

    headings = {" ".join(m.group(0).split()).upper() for m in _APPENDIX.finditer(ours or theirs)}
    appendices = [s for s in sections if s.kind == "phu_luc" and (s.parent_id is None or s.level == 1)]
    for i, h in enumerate(sorted(headings)):
        report.checks.append(Check("appendix", len(appendices) > i, f"{h[:60]!r} → {len(appendices)} phu_luc"))

    expected_rows = docx_task_rows(path)
    if expected_rows:
        led = [t for t in processed.tasks if t.source == "table" and t.lead]
        report.checks.append(
            Check(
                "task_rows",
                len(led) >= expected_rows,
                f"{expected_rows} task-table rows → {len(led)} table tasks with a lead",
            )
        )

    broken = [v for name, rows in processed.tables.items() for v in contract_violations(name, rows)]
    report.checks.append(Check("contract", not broken, "; ".join(broken[:3])))
    return report


def is_scan(path: Path) -> bool:
    """A PDF whose text layer holds (almost) nothing: its text would come from OCR."""
    if not path.read_bytes()[:5].startswith(b"%PDF") or not shutil.which("pdftotext"):
        return False
    out = subprocess.run(["pdftotext", "-l", "3", str(path), "-"], capture_output=True, timeout=60)
    return len(re.sub(r"\s+", "", out.stdout.decode("utf-8", "replace"))) < 200


def run(paths: Iterable[str | Path], scans: bool = True, out=sys.stdout) -> list[FileReport]:
    files = [p for p in discover(list(paths)) if scans or not is_scan(p)]
    reports = []
    for i, path in enumerate(files, 1):
        print(f"[{i}/{len(files)}] {path.name}", file=sys.stderr, flush=True)
        reports.append(check_file(path, ocr=scans))
    print(render(reports), file=out)
    return reports


def shares(reports: list[FileReport]) -> dict[str, tuple[int, int]]:
    """check name → (holds, total), plus `all`."""
    out: dict[str, tuple[int, int]] = {}
    for r in reports:
        for c in r.checks:
            h, n = out.get(c.name, (0, 0))
            out[c.name] = (h + c.holds, n + 1)
    total = sum(n for _, n in out.values())
    out["all"] = (sum(h for h, _ in out.values()), total)
    return out


def render(reports: list[FileReport]) -> str:
    buf = io.StringIO()
    for r in reports:
        failed = [c for c in r.checks if not c.holds]
        mark = "error" if r.error else ("ok" if not failed else f"{len(failed)} failed")
        buf.write(f"{Path(r.path).name}: {mark}\n")
        if r.error:
            buf.write(f"    {r.error}\n")
        for c in failed:
            buf.write(f"    ✗ {c.name}: {c.detail}\n")
    buf.write("\ncheck        holds / total   share\n")
    for name, (h, n) in shares(reports).items():
        buf.write(f"{name:<12} {h:>5} / {n:<5}   {h / n if n else 1:.1%}\n")
    return buf.getvalue()


def as_dicts(reports: list[FileReport]) -> list[dict]:
    return [dataclasses.asdict(r) for r in reports]
