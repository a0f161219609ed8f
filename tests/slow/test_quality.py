"""End to end on every sample variant, scored against the answer keys.

One pipeline run (through the Prefect flow, OCR included) over `data/raw`,
then the bars of the foundation and extractor issues per variant.
"""

import pyarrow.parquet as pq
import pytest

from pipeline.evaluate.quality import evaluate
from schemas import SCHEMAS
from tests.samples import FIXTURES, RAW

pytestmark = pytest.mark.slow

#: Minimum F1 per table and variant (documents: share of correct fields).
#: Text and digital PDF hold the same text: one set of bars.
_TEXT_LAYER = {
    "documents": 0.99,
    "sections": 0.99,
    "legal_refs": 0.99,
    "targets": 0.98,
    "deadlines": 0.98,
    "tasks": 0.97,
    "overall": 0.99,
}
BARS = {
    "text": _TEXT_LAYER,
    "pdf": _TEXT_LAYER,
    # OCR: the issue 11 bars (scan ≥ 0.99, poor scan ≥ 0.98 overall) less a margin for
    # Tesseract builds that differ from the one measured.
    "scan": {
        "documents": 0.95,
        "sections": 0.98,
        "legal_refs": 0.95,
        "targets": 0.95,
        "deadlines": 0.95,
        "tasks": 0.93,
        "overall": 0.98,
    },
    "scan-poor": {
        "documents": 0.90,
        "sections": 0.95,
        "legal_refs": 0.95,
        "targets": 0.90,
        "deadlines": 0.95,
        "tasks": 0.88,
        "overall": 0.96,
    },
}


@pytest.fixture(scope="session")
def processed(tmp_path_factory):
    from pipeline.orchestrate.runner import run_batch

    out = tmp_path_factory.mktemp("processed")
    summary = run_batch([RAW], out_dir=out, use_prefect=True)
    assert not summary.failed, [(r.source_path, r.error_message) for r in summary.failed]
    return out, summary


@pytest.fixture(scope="session")
def scores(processed):
    return evaluate(processed[0], FIXTURES)


def test_every_sample_and_variant_processed(processed, scores):
    out, summary = processed
    assert summary.count("ok") == len(list(RAW.iterdir())) - len(list(RAW.glob(".*")))
    assert len(scores) == 12, sorted(scores)


def test_written_tables_match_schemas(processed):
    out, _ = processed
    for table, schema in SCHEMAS.items():
        files = list((out / table).glob("*.parquet"))
        assert files, table
        for f in files:
            assert pq.read_schema(f).remove_metadata().equals(schema), f


def test_rerun_skips_unchanged_files(processed):
    from pipeline.orchestrate.runner import run_batch

    out, first = processed
    again = run_batch([RAW / "kiengiang-2020-kh182.md"], out_dir=out, use_prefect=False)
    assert [r.status for r in again.log] == ["skipped"]


def _variant(key: str) -> str:
    v = key.rsplit(":", 1)[1]
    return "text" if v in ("txt", "md") else v


@pytest.mark.parametrize("table", ["documents", "sections"])
def test_foundation_bars(scores, table):
    low = {k: round(r[table], 3) for k, r in scores.items() if r[table] < BARS[_variant(k)][table]}
    assert not low, low


@pytest.mark.parametrize("table", ["legal_refs", "targets", "deadlines", "tasks", "overall"])
def test_extractor_bars(scores, table):
    low = {k: round(r[table], 3) for k, r in scores.items() if r[table] < BARS[_variant(k)][table]}
    assert not low, low


def test_every_copy_of_a_plan_shares_one_plan_key(processed):
    out, _ = processed
    docs = pq.read_table(out / "documents", columns=["source_path", "plan_key"]).to_pylist()
    by_plan: dict[str, set[str]] = {}
    for d in docs:
        stem = d["source_path"].rsplit("/", 1)[-1].split(".")[0]
        by_plan.setdefault(stem, set()).add(d["plan_key"])
    assert all(len(keys) == 1 and None not in keys for keys in by_plan.values()), by_plan
    assert len({next(iter(k)) for k in by_plan.values()}) == len(by_plan)
