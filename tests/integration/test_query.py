"""`vnplans query` / `vnplans tables` and the DuckDB views behind them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli.app import main
from pipeline.cli.query import display_width, format_table
from pipeline.store.query import VIEW_DOCS, VIEWS, connect, describe
from schemas import SCHEMAS, TABLES, to_arrow
from tests.samples import SAMPLES, gold


def write(folder, table, name, rows):
    (folder / table).mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(table, rows), folder / table / f"{name}.parquet")


def rows(con, sql):
    return con.execute(sql).fetchall()


# ------------------------------------------------------------------ views over the samples


def test_every_table_is_a_view_with_the_contract_columns_and_all_rows(processed_dir):
    con = connect(processed_dir)
    for table in TABLES:
        assert [c for c, _ in describe(con, table)] == SCHEMAS[table].names, table
        on_disk = pq.read_table(processed_dir / table).num_rows
        assert rows(con, f"select count(*) from {table}")[0][0] == on_disk, table
    assert rows(con, "select count(*) from documents")[0][0] == 3
    assert rows(con, "select count(*) from ingest_log where status = 'failed'")[0][0] == 1


def test_duckdb_never_installs_extensions(processed_dir):
    con = connect(processed_dir)
    settings = dict(
        rows(
            con,
            "select name, value from duckdb_settings() where name in "
            "('autoinstall_known_extensions', 'autoload_known_extensions')",
        )
    )
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def test_citations_agree_with_documents_and_legal_refs(processed_dir):
    con = connect(processed_dir)
    # mentions = legal_refs rows per (directive, document)
    mismatched = rows(
        con,
        """
        select c.ref_key, c.doc_id from citations c
        left join (select ref_key, doc_id, count(*) n from legal_refs group by all) r using (ref_key, doc_id)
        where c.mentions <> coalesce(r.n, 0)""",
    )
    assert mismatched == []
    # every directive a document says it implements is an `implements` citation of it
    for doc_id, implements in rows(con, "select doc_id, implements from documents"):
        cited = {
            k
            for (k,) in rows(
                con, f"select ref_key from citations where doc_id = '{doc_id}' and relation = 'implements'"
            )
        }
        assert set(implements) <= cited
    # one row per (directive, document)
    assert rows(con, "select count(*) - count(distinct (ref_key, doc_id)) from citations")[0][0] == 0


def test_citations_answer_which_plans_implement_a_directive(processed_dir):
    con = connect(processed_dir)
    by_path = dict(rows(con, "select doc_id, source_path from documents"))
    for name in SAMPLES:
        doc_id = next(d for d, p in by_path.items() if name in p)
        want = set(gold(name)["document"]["implements"])
        got = {
            k
            for (k,) in rows(
                con, f"select ref_key from citations where doc_id = '{doc_id}' and relation = 'implements'"
            )
        }
        assert want <= got, name
    # Kết luận 56-KL/TW of the Politburo: implemented by Kiên Giang, cited by Kon Tum
    kl56 = rows(
        con,
        "select province, relation, ref_issuer, ref_issue_date from citations "
        "where ref_key = '56/KL-TW' order by province",
    )
    assert [(p, r) for p, r, *_ in kl56] == [("Kiên Giang", "implements"), ("Kon Tum", "mention")]
    assert {(i, d) for *_, i, d in kl56} == {("Bộ Chính trị", dt.date(2019, 8, 23))}


def test_target_comparison_answers_forest_cover_by_province(processed_dir):
    con = connect(processed_dir)
    forest = rows(
        con,
        "select province, value, unit, year from target_comparison "
        "where indicator ilike '%che phủ rừng%' and year = 2030",
    )
    assert forest == [("Kon Tum", 64.0, "%", 2030)]
    # identical statements collapse: the row count is the distinct statements, mentions add up
    total, distinct = rows(con, "select sum(mentions), count(*) from target_comparison")[0]
    assert total == rows(con, "select count(*) from targets")[0][0]
    assert distinct <= total


def test_task_leads_has_one_row_per_task_and_lead(processed_dir):
    con = connect(processed_dir)
    assert rows(con, "select count(*) from task_leads")[0][0] == rows(con, "select sum(len(lead)) from tasks")[0][0]
    top = rows(
        con,
        "select agency from task_leads where province = 'Kiên Giang' group by agency order by count(*) desc limit 1",
    )
    assert top == [("Sở Tài nguyên và Môi trường",)]


# ------------------------------------------------------------------ synthetic folders


def test_empty_folder_gives_typed_empty_views(tmp_path):
    (tmp_path / "targets").mkdir()  # a table folder without files
    con = connect(tmp_path)
    for table in TABLES:
        assert rows(con, f"select count(*) from {table}") == [(0,)]
        assert [c for c, _ in describe(con, table)] == SCHEMAS[table].names
    for view in VIEWS:
        assert rows(con, f"select count(*) from {view}") == [(0,)]
        assert [c for c, _ in describe(con, view)] == [c for c, _ in VIEW_DOCS[view][1]]
    assert dict(describe(con, "documents"))["implements"] == "VARCHAR[]"
    assert dict(describe(con, "targets"))["target_year"] == "SMALLINT"


def test_file_missing_a_column_still_reads(tmp_path):
    # a file from an older pipeline version without `note`, next to a current one
    old = to_arrow("targets", [{"doc_id": "a", "indicator": "x", "value": 1.0}]).drop_columns(["note"])
    (tmp_path / "targets").mkdir()
    pq.write_table(old, tmp_path / "targets" / "a.parquet")
    con = connect(tmp_path)
    assert rows(con, "select doc_id, value, note from targets") == [("a", 1.0, None)]


def test_citation_relation_and_directive_description(tmp_path):
    write(
        tmp_path,
        "documents",
        "A",
        [{"doc_id": "A", "province": "Kon Tum", "doc_number": "1/KH-UBND", "implements": ["24/NQ-TW"]}],
    )
    write(tmp_path, "documents", "B", [{"doc_id": "B", "province": "Kiên Giang", "implements": []}])
    ref = {"ref_key": "24/NQ-TW", "ref_type": "nghi_quyet", "year": 2013}
    write(
        tmp_path,
        "legal_refs",
        "A",
        [
            {
                **ref,
                "doc_id": "A",
                "relation": "can_cu",
                "issuer": "Ban Chấp hành Trung ương",
                "issue_date": dt.date(2013, 6, 3),
            },
            {**ref, "doc_id": "A", "relation": "mention", "issuer": None},
            {"doc_id": "A", "ref_key": "luat:đất đai", "ref_type": "luat", "relation": "can_cu"},
        ],
    )
    write(
        tmp_path,
        "legal_refs",
        "B",
        [
            {
                **ref,
                "doc_id": "B",
                "relation": "mention",
                "issuer": "Ban Chấp hành Trung ương",
                "issue_date": dt.date(2013, 6, 3),
            }
        ],
    )
    con = connect(tmp_path)
    got = rows(
        con,
        "select ref_key, doc_id, relation, mentions, ref_issuer, ref_issue_date, ref_year, province "
        "from citations order by ref_key, doc_id",
    )
    assert got == [
        ("24/NQ-TW", "A", "implements", 2, "Ban Chấp hành Trung ương", dt.date(2013, 6, 3), 2013, "Kon Tum"),
        ("24/NQ-TW", "B", "mention", 1, "Ban Chấp hành Trung ương", dt.date(2013, 6, 3), 2013, "Kiên Giang"),
        ("luat:đất đai", "A", "can_cu", 1, None, None, None, "Kon Tum"),
    ]


def test_directive_named_only_in_documents_implements_is_cited(tmp_path):
    write(tmp_path, "documents", "A", [{"doc_id": "A", "implements": ["6/NQ-CP"]}])
    con = connect(tmp_path)
    assert rows(con, "select ref_key, relation, mentions from citations") == [("6/NQ-CP", "implements", 0)]


def test_target_comparison_collapses_repeated_statements(tmp_path):
    write(tmp_path, "documents", "A", [{"doc_id": "A", "province": "Kon Tum"}])
    t = {
        "doc_id": "A",
        "indicator": "tỷ lệ che phủ rừng",
        "value": 64.0,
        "unit": "%",
        "comparator": "gt",
        "direction": "level",
        "domain": "environment",
    }
    write(
        tmp_path,
        "targets",
        "A",
        [
            {**t, "target_year": 2030, "char_start": 10, "text": "đạt trên 64%"},
            {**t, "target_year": 2030, "char_start": 900, "text": "che phủ rừng > 64"},
            {**t, "target_year": None, "period_end": 2025, "value": 63.0},
        ],
    )
    con = connect(tmp_path)
    assert rows(con, "select province, value, year, mentions, text from target_comparison order by year") == [
        ("Kon Tum", 63.0, 2025, 1, None),
        ("Kon Tum", 64.0, 2030, 2, "đạt trên 64%"),
    ]


# ------------------------------------------------------------------ command line


def test_query_prints_an_aligned_table(processed_dir, capsys):
    code = main(
        [
            "query",
            "select doc_number, province, text_chars from documents where doc_number is not null order by doc_number",
            "--data",
            str(processed_dir),
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].split() == ["doc_number", "province", "text_chars"]
    assert set(out[1]) <= {"-", " "}
    assert out[2].split()[:3] == ["182/KH-UBND", "Kiên", "Giang"]
    assert out[-1] == "(2 rows)"
    # columns line up: every line has its second column at the same display position
    starts = {display_width(line[: line.index("Kiên") if "Kiên" in line else line.index("Kon")]) for line in out[2:4]}
    assert len(starts) == 1
    # numbers are right-aligned under their header
    assert {display_width(line) for line in out[:4]} == {display_width(out[0])}


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_csv_and_json_match_duckdb(processed_dir, capsys, fmt):
    sql = "select ref_key, doc_number, relation, ref_issue_date, mentions from citations order by ref_key, doc_id"
    assert main(["query", sql, "--data", str(processed_dir), "--format", fmt]) == 0
    out = capsys.readouterr().out
    want = rows(connect(processed_dir), sql)
    if fmt == "csv":
        got = list(csv.DictReader(io.StringIO(out)))
        assert [r["ref_key"] for r in got] == [w[0] for w in want]
        assert [r["ref_issue_date"] for r in got] == [w[3].isoformat() if w[3] else "" for w in want]
    else:
        got = json.loads(out)
        assert [(r["ref_key"], r["doc_number"], r["relation"], r["mentions"]) for r in got] == [
            (w[0], w[1], w[2], w[4]) for w in want
        ]


def test_query_parquet_to_file_keeps_types(processed_dir, tmp_path):
    out = tmp_path / "docs.parquet"
    assert (
        main(["query", "select * from documents", "--data", str(processed_dir), "--format", "parquet", "-o", str(out)])
        == 0
    )
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert table.schema.field("issue_date").type == pa.date32()
    assert pa.types.is_list(table.schema.field("implements").type)


def test_query_errors_are_reported_not_raised(processed_dir, tmp_path, capsys):
    assert main(["query", "select * from no_such_table", "--data", str(processed_dir)]) == 1
    err = capsys.readouterr().err
    assert "no_such_table" in err and "target_comparison" in err
    assert main(["query", "select 1", "--data", str(tmp_path / "missing")]) == 2
    assert "vnplans run" in capsys.readouterr().err


def test_tables_lists_row_counts_and_columns(processed_dir, capsys):
    assert main(["tables", "--data", str(processed_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    listed = {line.split()[0]: line.split() for line in lines[2:-1]}
    assert list(listed) == TABLES + list(VIEWS)
    con = connect(processed_dir)
    for name, cells in listed.items():
        assert int(cells[2]) == rows(con, f"select count(*) from {name}")[0][0], name
    assert "indicator," in " ".join(listed["targets"])


def test_tables_describes_one_table(processed_dir, capsys):
    assert main(["tables", "targets", "--data", str(processed_dir)]) == 0
    out = capsys.readouterr().out
    lines = [line.split() for line in out.splitlines()]
    assert ["target_year", "SMALLINT", "int16", "year", "it", "is", "due"] in lines


def test_format_table_handles_vietnamese_and_truncates():
    nfd = unicodedata.normalize("NFD", "Kiên Giang")
    assert display_width(nfd) == len("Kiên Giang")
    text = format_table(["a", "b"], [(nfd, "x" * 100), (None, [1, 2])], ["VARCHAR", "VARCHAR"], max_width=10)
    lines = text.splitlines()
    assert lines[2].endswith("xxxxxxxxx…")
    assert "NULL" in lines[3] and "[1, 2]" in lines[3]
    assert lines[-1] == "(2 rows)"
