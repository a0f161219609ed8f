"""docs/DATA_DICTIONARY.md stays in step with `schemas`."""

from __future__ import annotations

from pipeline.reporting import dictionary
from pipeline.store.query import VIEW_DOCS, VIEWS, connect
from schemas import COLUMN_DOCS, TABLES


def test_committed_dictionary_matches_the_schemas():
    problems = dictionary.check(dictionary.DEFAULT_OUTPUT)
    assert problems == [], "\n".join(problems + ["regenerate with `python -m pipeline.reporting.dictionary`"])
    assert dictionary.main(["--check"]) == 0


def test_every_column_is_documented_with_type_meaning_and_a_column_for_examples():
    parsed = dictionary.parse(dictionary.DEFAULT_OUTPUT.read_text(encoding="utf-8"))
    assert list(parsed) == TABLES + list(VIEWS)
    for table in TABLES:
        assert [r[0] for r in parsed[table]] == [f"`{c}`" for c, _, _ in COLUMN_DOCS[table]]
        assert [r[1] for r in parsed[table]] == [f"`{t}`" for _, t, _ in COLUMN_DOCS[table]]
    for view in VIEWS:
        assert [r[0] for r in parsed[view]] == [f"`{c}`" for c, _ in VIEW_DOCS[view][1]]


def _drifted(tmp_path, old, new):
    path = tmp_path / "DATA_DICTIONARY.md"
    text = dictionary.DEFAULT_OUTPUT.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return dictionary.check(path)


def test_check_catches_a_changed_type_meaning_or_missing_column(tmp_path):
    assert _drifted(tmp_path, "| `target_year` | `int16` |", "| `target_year` | `int32` |")
    assert _drifted(tmp_path, "| year it is due |", "| year it was due |")
    problems = _drifted(
        tmp_path,
        "| `note` | `string` | `VARCHAR` | text of an attached footnote |",
        "| `notes` | `string` | `VARCHAR` | text of an attached footnote |",
    )
    assert any("targets" in p for p in problems)
    assert dictionary.check(tmp_path / "absent.md")


def test_check_catches_a_column_added_to_the_schemas(tmp_path, monkeypatch):
    docs = dict(COLUMN_DOCS)
    docs["deadlines"] = COLUMN_DOCS["deadlines"] + [("priority", "string", "how urgent")]
    monkeypatch.setattr(dictionary, "COLUMN_DOCS", docs)
    problems = dictionary.check(dictionary.DEFAULT_OUTPUT)
    assert any("deadlines" in p and "priority" in p for p in problems)


def test_render_takes_examples_from_processed_data(processed_dir, tmp_path):
    con = connect(processed_dir)
    text = dictionary.render(con)
    path = tmp_path / "dd.md"
    path.write_text(text, encoding="utf-8")
    assert dictionary.check(path) == []
    section = lambda name: text.split(f"### {name}\n")[1].split("###")[0]  # noqa: E731
    rows = {
        line.split("|")[1].strip(): line
        for name in ("documents", "sections", "ingest_log")
        for line in section(name).splitlines()
        if line.startswith("| `")
    }
    assert rows["`doc_number`"].rstrip(" |").endswith("`243/QĐ-UBND`")
    assert "`EmptyFileError`" in rows["`error_type`"]
    # a column with no value in the samples says so
    assert rows["`page_start`"].rstrip().endswith("| – |")
