"""vnplans: Vietnamese government plans (PDF, scans, images, text, DOCX) into Parquet tables.

The package is laid out by stage, in the order data flows:

- `ingest/`       where files come from and how their bytes become page texts
- `ocr/`          page images → text (Tesseract)
- `orchestrate/`  one file through every stage; a batch, isolation, Prefect, the schedule
- `store/`        Parquet out, DuckDB in
- `reporting/`    what people read: the HTML report, charts, the data dictionary
- `cli/`          the command line, the only layer that parses arguments and prints
- `evaluate/`     quality metric, OCR error rates, benchmarks (never imported by a run)

The pure extraction code lives in the sibling package `extractors`, the data
contract in `schemas`.
"""
