"""`vnplans report`: a self-contained HTML page, checked by rendering it in headless Chromium."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from html.parser import HTMLParser

import numpy as np
import pyarrow.parquet as pq
import pytest

from pipeline.cli.app import main
from pipeline.reporting.report import build_report
from schemas import TABLES
from tests.samples import assert_png_not_blank

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


class _Parts(HTMLParser):
    """Tags, image sources and table cells of a page."""

    def __init__(self):
        super().__init__()
        self.tags, self.images, self.cells, self._cell = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "img":
            self.images.append(dict(attrs))
        if tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


@pytest.fixture(scope="module")
def report_html(processed_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--data", str(processed_dir), "-o", str(out)]) == 0
    return out


def test_report_shows_documents_counts_and_failures(report_html, processed_dir):
    html = report_html.read_text(encoding="utf-8")
    parts = _Parts()
    parts.feed(html)
    for label in ("182/KH-UBND · Kiên Giang", "243/QĐ-UBND · Kon Tum", "kontum-2021-ctrhd-06nqcp.txt · Kon Tum"):
        assert label in parts.cells
    # rows per table, as on disk
    for table in TABLES:
        n = pq.read_table(processed_dir / table).num_rows
        i = parts.cells.index(table)
        assert parts.cells[i + 1] == str(n), table
    # the empty file's failure from ingest_log, with its stage and message
    assert "EmptyFileError" in parts.cells
    assert any("the file is empty" in c for c in parts.cells)
    assert "files failing" in html
    # text inputs: no pages, nothing OCR'd
    assert re.search(r"<b>0</b>pages OCR&#x27;d|<b>0</b>pages OCR'd", html)


def test_report_is_self_contained_with_four_png_charts(report_html):
    html = report_html.read_text(encoding="utf-8")
    parts = _Parts()
    parts.feed(html)
    assert not [t for t, a in parts.tags if t in ("script", "link", "iframe")]
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", html)
    assert "url(" not in html
    assert [img["alt"] for img in parts.images] == [
        "targets by domain and province",
        "timeline of deadlines",
        "most-cited directives",
        "which plans implement which directives",
    ]
    for img in parts.images:
        prefix = "data:image/png;base64,"
        assert img["src"].startswith(prefix)
        assert_png_not_blank(base64.b64decode(img["src"][len(prefix) :]))


def test_report_renders_in_headless_chromium(report_html, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Chromium is missing: `make system-deps` installs the Debian package `chromium`"
    shot = tmp_path / "report.png"
    proc = subprocess.run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1200,2000",
            report_html.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists(), proc.stderr[-2000:]
    img = assert_png_not_blank(shot, min_colours=20, min_ink=0.03)
    assert img.size == (1200, 2000)
    # The top band holds the title and summary cards: rendered, not an error page.
    top = np.asarray(img.crop((0, 0, 1200, 300)).convert("L"))
    assert (top < 128).sum() > 500


def test_report_on_an_empty_folder(tmp_path):
    html = build_report(tmp_path)
    assert "<b>0</b>documents" in html and "<b>0</b>targets" in html
    parts = _Parts()
    parts.feed(html)
    assert len(parts.images) == 4
    assert "none" in parts.cells
    assert "No file is failing." in html


def test_report_default_output_and_missing_folder(processed_dir, tmp_path, capsys):
    data = tmp_path / "processed"
    shutil.copytree(processed_dir, data)
    assert main(["report", "--data", str(data)]) == 0
    assert (data / "report.html").stat().st_size > 10_000
    assert capsys.readouterr().out.strip() == str(data / "report.html")
    assert main(["report", "--data", str(tmp_path / "nope")]) == 2
