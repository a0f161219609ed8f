"""Bad inputs: each gets the ingest_log row a person can act on, and nothing else suffers.

One batch runs the whole corpus of `tests/bad_inputs.py` beside two good
plans, through the command line (in-process, so the exit code is the CLI's
own). A run of the good plans alone is the reference their tables must match.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import app as cli
from pipeline.orchestrate.isolate import Limits
from pipeline.orchestrate.runner import run_batch
from tests.bad_inputs import NO_ROW, assert_same_tables, make_corpus
from tests.processes import watching_tesseracts
from tests.samples import RAW
from tests.tables import doc_ids, doc_rows, table_contents

GOOD = {"plan-a.txt": RAW / "kontum-2021-ctrhd-06nqcp.txt", "plan-b.md": RAW / "kiengiang-2020-kh182.md"}


def _vnplans(*args) -> int:
    return cli.main(["run", *map(str, args), "--no-prefect"])


def _log(out: Path) -> list[dict]:
    (f,) = (out / "ingest_log").glob("*.parquet")
    return pq.read_table(f).to_pylist()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-inputs")
    good, bad = root / "good", root / "bad"
    good.mkdir()
    for name, src in GOOD.items():
        shutil.copyfile(src, good / name)
    expected = make_corpus(bad)

    rc_clean = _vnplans(good, "--out", root / "clean")
    started = time.perf_counter()
    rc_mixed = _vnplans(good, bad, "--out", root / "mixed", "--timeout", "120")
    mixed_s = time.perf_counter() - started
    return {
        "root": root,
        "good": good,
        "bad": bad,
        "expected": expected,
        "rc_clean": rc_clean,
        "rc_mixed": rc_mixed,
        "mixed_s": mixed_s,
        "log": _log(root / "mixed"),
    }


def _rows_by_name(runs) -> dict[str, dict]:
    out = {}
    for row in runs["log"]:
        path = Path(row["source_path"])
        for folder in (runs["bad"], runs["good"]):
            if path.is_relative_to(folder):
                key = str(path.relative_to(folder))
                assert key not in out, f"two rows for {key}"
                out[key] = row
    return out


def _table_rows(runs, rows: dict[str, dict], table: str, name: str) -> list[dict]:
    """The rows `table` holds for the document read from the corpus file `name`."""
    return doc_rows(runs["root"] / "mixed", table, rows[name]["doc_id"])


def test_exit_code_says_whether_anything_failed(runs):
    assert runs["rc_clean"] == 0
    assert runs["rc_mixed"] == 1


def test_batch_completes_with_one_row_per_file(runs):
    rows = _rows_by_name(runs)
    assert set(rows) == set(runs["expected"]) | set(GOOD)
    for name in NO_ROW:  # the ancestor symlink is not followed; a folder is no file
        assert name not in rows
    assert len(runs["log"]) == len(rows)
    # Nothing in the corpus should come near the per-document limit of 120 s.
    assert runs["mixed_s"] < 120, runs["mixed_s"]


def test_each_bad_input_gets_its_status_stage_and_message(runs):
    rows = _rows_by_name(runs)
    wrong = []
    for name, exp in sorted(runs["expected"].items()):
        row = rows[name]
        got = (row["status"], row["stage"], row["error_type"] if exp.error_type else None)
        want = (exp.status, exp.stage, exp.error_type)
        message = row["error_message"] or ""
        if (
            got != want
            or (exp.message and exp.message.lower() not in message.lower())
            or (exp.message is None and message)
        ):
            wrong.append(f"{name}: got {got} {message!r}, want {want} containing {exp.message!r}")
        if exp.status == "failed":
            # A failure must say what to do, not only what went wrong.
            assert len(message) > 25, (name, message)
    assert not wrong, "\n".join(wrong)


def test_ok_inputs_have_their_pages_and_format(runs):
    rows = _rows_by_name(runs)
    docs = {d["doc_id"]: d for d in pq.read_table(runs["root"] / "mixed" / "documents").to_pylist()}
    for name, exp in runs["expected"].items():
        if exp.status != "ok":
            continue
        row = rows[name]
        assert row["pages"] == exp.pages, name
        doc = docs[row["doc_id"]]
        assert doc["source_format"] == exp.source_format, name
        assert doc["text_chars"] > 0


def test_failed_inputs_leave_no_tables(runs):
    failed_ids = {r["doc_id"] for r in runs["log"] if r["status"] == "failed" and r["doc_id"]}
    assert failed_ids  # the encrypted, truncated... files were read, so they have ids
    for table in ("documents", "sections", "legal_refs", "targets", "deadlines", "tasks"):
        assert not failed_ids & doc_ids(runs["root"] / "mixed", table), table


def test_good_documents_are_untouched_by_the_bad_ones(runs):
    rows = _rows_by_name(runs)
    good_ids = {rows[name]["doc_id"] for name in GOOD}
    assert all(rows[name]["status"] == "ok" for name in GOOD)
    clean = table_contents(runs["root"] / "clean")
    assert {key.split("/")[1] for key in clean} == good_ids
    assert {key.split("/")[0] for key in clean} == {
        "documents",
        "sections",
        "legal_refs",
        "tasks",
        "deadlines",
        "targets",
    }
    assert_same_tables(table_contents(runs["root"] / "mixed", good_ids), clean)


def test_rerun_skips_what_is_done_and_rewrites_nothing(runs):
    """A second pass over the same corpus: done documents are skipped and their
    files not even rewritten; the failures are tried again and fail again."""
    out = runs["root"] / "mixed"
    before = {
        f: (f.read_bytes(), f.stat().st_mtime_ns) for f in out.glob("*/*.parquet") if f.parent.name != "ingest_log"
    }
    logs_before = set((out / "ingest_log").glob("*.parquet"))
    assert _vnplans(runs["good"], runs["bad"], "--out", out) == 1
    after = {
        f: (f.read_bytes(), f.stat().st_mtime_ns) for f in out.glob("*/*.parquet") if f.parent.name != "ingest_log"
    }
    assert after == before
    (new_log,) = set((out / "ingest_log").glob("*.parquet")) - logs_before
    statuses = {}
    for row in pq.read_table(new_log).to_pylist():
        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    first = {}
    for row in runs["log"]:
        first[row["status"]] = first.get(row["status"], 0) + 1
    assert statuses == {"skipped": first["ok"] + first["skipped"], "failed": first["failed"]}


def test_legacy_encoded_text_is_decoded(runs):
    """The TCVN3 copy of plan-b gives plan-b's structure and references."""
    rows = _rows_by_name(runs)
    out = runs["root"] / "mixed"

    def read(table, name):
        return doc_rows(out, table, rows[name]["doc_id"])

    legacy, unicode_ = "legacy-tcvn3.txt", "plan-b.md"
    assert [s["section_id"] for s in read("sections", legacy)] == [s["section_id"] for s in read("sections", unicode_)]
    assert [r["ref_key"] for r in read("legal_refs", legacy)] == [r["ref_key"] for r in read("legal_refs", unicode_)]
    (doc,) = read("documents", legacy)
    assert doc["doc_number"] == "182/KH-UBND" and doc["province"] == "Kiên Giang"
    assert doc["signer_name"] == "Nguyễn Thanh Nhân"


def test_foreign_text_is_processed_without_findings(runs):
    """English and French prose is not an error — a person may well file it —
    but nothing Vietnamese is found in it."""
    rows = _rows_by_name(runs)
    doc_id = rows["foreign.txt"]["doc_id"]
    out = runs["root"] / "mixed"
    (doc,) = doc_rows(out, "documents", doc_id)
    assert doc["doc_kind"] == "other" and doc["doc_number"] is None and doc["province"] is None
    for table in ("legal_refs", "targets", "deadlines", "tasks"):
        assert doc_rows(out, table, doc_id) == [], table


def test_image_bomb_fails_fast(runs):
    row = _rows_by_name(runs)["bomb.png"]
    assert (row["finished_at"] - row["started_at"]).total_seconds() < 15


def test_300_page_pdf_in_reasonable_time(runs):
    row = _rows_by_name(runs)["book-300.pdf"]
    assert row["status"] == "ok" and row["pages"] == 300
    assert (row["finished_at"] - row["started_at"]).total_seconds() < 90


# ------------------------------------------------------------------ isolation


def test_timeout_stops_the_worker_and_the_tesseract_it_started(tmp_path):
    """A document over its time limit is killed with everything it started:
    an orphaned Tesseract would otherwise hold a core for minutes."""
    with watching_tesseracts(interval=0.05) as watch:
        # A 7-page 300 dpi scan needs well over 6 s of OCR even on an idle machine.
        summary = run_batch(
            [RAW / "kiengiang-2020-kh182.scan.pdf"],
            out_dir=tmp_path / "out",
            use_prefect=False,
            limits=Limits(timeout_s=6),
        )
    (row,) = summary.log
    assert (row.status, row.error_type) == ("failed", "DocumentTimeoutError")
    assert "--timeout" in row.error_message
    # The file was hashed before the worker started: the row still names the document.
    assert row.doc_id and len(row.doc_id) == 16
    assert (row.finished_at - row.started_at).total_seconds() >= 6
    assert watch.seen, "no tesseract ran before the limit: the test proves nothing"
    time.sleep(0.2)
    assert not watch.alive()


def test_stray_bytes_in_a_utf8_plan_cost_nothing_but_a_warning(runs):
    """Word smart quotes and a stray byte in a UTF-8 copy of plan-b: same structure, a warning."""
    rows = _rows_by_name(runs)
    out = runs["root"] / "mixed"

    def read(table, name):
        return doc_rows(out, table, rows[name]["doc_id"])

    damaged, original = "utf8-with-stray-bytes.md", "plan-b.md"
    assert [s["section_id"] for s in read("sections", damaged)] == [s["section_id"] for s in read("sections", original)]
    assert len(read("tasks", damaged)) == len(read("tasks", original))
    assert any("not UTF-8" in w for w in rows[damaged]["warnings"])


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """A sparse 3 GB file: refused by its size, never hashed (that would take seconds and memory)."""
    big = tmp_path / "in" / "huge.pdf"
    big.parent.mkdir()
    with open(big, "wb") as f:
        f.truncate(3 * 1024**3)
    monkeypatch.setenv("VNPLANS_MAX_FILE_MB", "1024")
    started = time.monotonic()
    summary = run_batch([big.parent], out_dir=tmp_path / "out", use_prefect=False)
    (row,) = summary.log
    assert (row.status, row.stage, row.error_type) == ("failed", "read", "TooLargeError")
    assert "VNPLANS_MAX_FILE_MB" in row.error_message
    assert time.monotonic() - started < 10
