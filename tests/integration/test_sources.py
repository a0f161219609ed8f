"""Sources: a folder, an HTML index and a JSON feed served on 127.0.0.1, and every way a link goes bad.

The HTTP server runs in a thread of the test process and is shut down by the
fixture; nothing here talks to any other address.
"""

from __future__ import annotations

import hashlib
import io
import json
import socket
import threading
import time
import zipfile
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.ingest.sources import FetchLimits, collect, feed_links, html_links, sniff_kind
from pipeline.orchestrate.runner import ingest_source
from tests.tables import doc_ids, doc_rows

ROOT = Path(__file__).resolve().parents[2]
PDF = (ROOT / "data" / "raw" / "kiengiang-2020-kh182.pdf").read_bytes()
TXT = (ROOT / "data" / "raw" / "kontum-2021-ctrhd-06nqcp.txt").read_bytes()
READ_TIMEOUT = 1.5
STALL = 5.0  # how long a slow link sleeps: well past the read timeout
LIMITS = FetchLimits(connect_timeout_s=0.5, read_timeout_s=READ_TIMEOUT, max_mb=0.25)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Resource:
    body: bytes = b""
    content_type: str = "application/octet-stream"
    etag: bool = False  # answer If-None-Match
    last_modified: bool = False  # answer If-Modified-Since
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # sleep before the status line
    stall_after: int | None = None  # send this many body bytes, then go silent
    no_length: bool = False  # no Content-Length: the body ends when the connection closes
    announce: int | None = None  # Content-Length to claim instead of the real one
    redirect: str | None = None  # answer 302 to this location


class Site:
    """Routes path → Resource, and a log of (path, status) of every request."""

    def __init__(self):
        self.routes: dict[str, Resource] = {}
        self.requests: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        self.mtime = formatdate(time.time() - 3600, usegmt=True)

    def served(self, path: str, status: int | None = None) -> int:
        with self.lock:
            return sum(1 for p, s in self.requests if p == path and (status is None or s == status))


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection; close ends a length-less body

        def log_message(self, *args):
            pass

        def do_GET(self):
            res = site.routes.get(self.path)
            try:
                if res is None:
                    self._status(404)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if res.delay:
                    time.sleep(res.delay)
                if res.redirect:
                    self._status(302)
                    self.send_header("Location", res.redirect)
                    self.end_headers()
                    return
                etag = f'"{sha(res.body)[:20]}"'
                if (res.etag and self.headers.get("If-None-Match") == etag) or (
                    res.last_modified and self.headers.get("If-Modified-Since") == site.mtime
                ):
                    self._status(304)
                    self.end_headers()
                    return
                self._status(200)
                self.send_header("Content-Type", res.content_type)
                if not res.no_length:
                    self.send_header("Content-Length", str(res.announce or len(res.body)))
                if res.etag:
                    self.send_header("ETag", etag)
                if res.last_modified:
                    self.send_header("Last-Modified", site.mtime)
                for k, v in res.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                if res.stall_after is not None:
                    self.wfile.write(res.body[: res.stall_after])
                    self.wfile.flush()
                    time.sleep(STALL)
                    return
                self.wfile.write(res.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeouts, size limit): expected

        def _status(self, code: int) -> None:
            with site.lock:
                site.requests.append((self.path, code))
            self.send_response(code)

    return Handler


@pytest.fixture
def site():
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(s))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    s.host = f"127.0.0.1:{server.server_address[1]}"
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def html_page(*hrefs: str) -> Resource:
    links = "\n".join(f'<li><a href="{h}">{h}</a></li>' for h in hrefs)
    return Resource(
        f"<!DOCTYPE html><html><head><title>Văn bản</title></head><body><ul>{links}</ul></body></html>".encode(),
        "text/html; charset=utf-8",
    )


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def not_word_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    return buf.getvalue()


ERROR_PAGE = b"<!DOCTYPE html><html><body><h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y</h1></body></html>"
BIG = b"%PDF-1.4\n" + b"0" * (400 * 1024)

#: The bad-link corpus: link → (status, error_type, substring of the message).
#: `{host}` is the test server's host:port.
CORPUS = {
    "/good.pdf": ("downloaded", None, None),
    "/kontum.txt": ("downloaded", None, None),
    "/download?id=7": ("downloaded", None, None),
    "/get?id=9": ("downloaded", None, None),
    "/slow.pdf": ("failed", "ReadTimeout", f"timed out after {READ_TIMEOUT:g} s waiting for data from {{host}}"),
    "/stall.pdf": ("failed", "ReadTimeout", f"timed out after {READ_TIMEOUT:g} s waiting for data from {{host}}"),
    "/error.pdf": ("failed", "HtmlPage", "link returned an HTML page, not a document"),
    "/liar.pdf": ("failed", "HtmlPage", "link returned an HTML page, not a document"),
    "/big.pdf": ("failed", "TooLarge", "larger than the 0.25 MB limit"),
    "/big-stream.pdf": ("failed", "TooLarge", "larger than the 0.25 MB limit"),
    "/missing.pdf": ("failed", "HTTPError", "HTTP 404"),
    "/junk.pdf": ("failed", "UnsupportedType", "not a document vnplans reads"),
    "/empty.txt": ("failed", "EmptyFile", "empty file"),
    "/notword.docx": ("failed", "UnsupportedType", "not a document vnplans reads"),
}


def serve_corpus(site: Site) -> None:
    r = site.routes
    r["/good.pdf"] = Resource(PDF, "application/pdf", etag=True)
    r["/kontum.txt"] = Resource(TXT, "text/plain; charset=utf-8", last_modified=True)
    r["/download?id=7"] = Resource(
        TXT, "application/octet-stream", headers={"Content-Disposition": 'attachment; filename="ke-hoach-7.txt"'}
    )
    r["/get?id=9"] = Resource(redirect="/files/kh-9.txt")
    r["/files/kh-9.txt"] = Resource(TXT, "text/plain")
    r["/about"] = html_page("/")  # an ordinary page: probed, not a document, not reported
    r["/slow.pdf"] = Resource(PDF, "application/pdf", delay=STALL)
    r["/stall.pdf"] = Resource(PDF, "application/pdf", stall_after=1000)
    r["/error.pdf"] = Resource(ERROR_PAGE, "text/html; charset=utf-8")
    r["/liar.pdf"] = Resource(ERROR_PAGE, "application/pdf")
    r["/big.pdf"] = Resource(BIG, "application/pdf")
    r["/big-stream.pdf"] = Resource(BIG, "application/pdf", no_length=True)
    r["/junk.pdf"] = Resource(bytes(range(256)) * 40, "application/octet-stream")
    r["/empty.txt"] = Resource(b"", "text/plain")
    r["/notword.docx"] = Resource(
        not_word_zip(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    r["/style.css"] = Resource(b"body{}", "text/css")
    r["/index.html"] = html_page(
        *CORPUS, "/about", "/style.css", "#top", "mailto:vp@example.gov.vn", "file:///etc/passwd", "javascript:void(0)"
    )


def inbox_files(inbox: Path) -> list[str]:
    return sorted(p.name for p in inbox.iterdir())


# ------------------------------------------------------------------ the corpus over HTML


def test_html_index_every_link_gets_the_expected_outcome(site, tmp_path):
    serve_corpus(site)
    inbox = tmp_path / "inbox"
    t0 = time.monotonic()
    results = collect(site.base + "/index.html", inbox, LIMITS)
    elapsed = time.monotonic() - t0

    by_url = {r.url.removeprefix(site.base): r for r in results}
    assert set(by_url) == set(CORPUS), "exactly the corpus: no page, asset or non-http link reported"
    for link, (status, error_type, message) in CORPUS.items():
        r = by_url[link]
        assert r.status == status, (link, r)
        assert r.error_type == error_type, (link, r)
        if message:
            assert message.format(host=site.host).lower() in r.error_message.lower(), (link, r.error_message)
            assert r.path is None
    # Timeouts cost about the read timeout each, not the server's stall.
    assert elapsed < 2 * STALL

    pdf, txt, probed = by_url["/good.pdf"], by_url["/kontum.txt"], by_url["/download?id=7"]
    assert pdf.path.name == f"{sha(PDF)[:16]}-good.pdf" and pdf.path.read_bytes() == PDF and pdf.sha256 == sha(PDF)
    assert txt.path.name == f"{sha(TXT)[:16]}-kontum.txt" and txt.path.read_bytes() == TXT
    assert probed.path.name == f"{sha(TXT)[:16]}-ke-hoach-7.txt"
    assert by_url["/get?id=9"].path.name == f"{sha(TXT)[:16]}-kh-9.txt", "named after the redirect's target"
    # Only whole, checked documents (and the manifest) in the inbox: no partial or rejected download.
    assert inbox_files(inbox) == sorted(
        [".manifest.json", pdf.path.name, txt.path.name, probed.path.name, by_url["/get?id=9"].path.name]
    )
    assert site.served("/style.css") == 0, "assets are never fetched"
    assert site.served("/about") == 1, "an extension-less link on the index's host is probed once"
    manifest = json.loads((inbox / ".manifest.json").read_text())
    assert manifest[site.base + "/good.pdf"]["sha256"] == sha(PDF)
    assert manifest[site.base + "/good.pdf"]["etag"]


def test_json_feed_attachments_and_html_item(site, tmp_path):
    site.routes["/files/kh182.pdf"] = Resource(PDF, "application/pdf")
    site.routes["/files/ctr06.txt"] = Resource(TXT, "text/plain")
    site.routes["/tin-tuc/1"] = html_page("/")
    site.routes["/feed.json"] = Resource(
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "Công báo",
                "items": [
                    {
                        "id": "1",
                        "url": "/tin-tuc/kh182",
                        "attachments": [{"url": "/files/kh182.pdf", "mime_type": "application/pdf"}],
                    },
                    {"id": "2", "url": "/files/ctr06.txt"},
                    {"id": "3", "url": "/tin-tuc/1"},  # no attachment, and the page is HTML
                ],
            }
        ).encode(),
        "application/feed+json",
    )
    results = {r.url.removeprefix(site.base): r for r in collect(site.base + "/feed.json", tmp_path / "in", LIMITS)}
    assert set(results) == {"/files/kh182.pdf", "/files/ctr06.txt", "/tin-tuc/1"}
    assert results["/files/kh182.pdf"].status == "downloaded"
    assert results["/files/ctr06.txt"].status == "downloaded"
    bad = results["/tin-tuc/1"]
    assert (bad.status, bad.error_type) == ("failed", "HtmlPage")
    assert "link returned an HTML page, not a document" in bad.error_message
    assert site.served("/tin-tuc/kh182") == 0, "an item's page is not fetched when it has attachments"


def test_feed_shapes():
    base = "http://127.0.0.1:1/feeds/x.json"
    assert feed_links(["a.pdf", "/b.txt", "https://127.0.0.1:2/c.pdf", "a.pdf"], base) == [
        "http://127.0.0.1:1/feeds/a.pdf",
        "http://127.0.0.1:1/b.txt",
        "https://127.0.0.1:2/c.pdf",
    ]
    assert feed_links([{"url": "a.pdf"}, {"link": "b.pdf"}, {"href": "c.pdf"}, {"title": "no link"}], base) == [
        "http://127.0.0.1:1/feeds/a.pdf",
        "http://127.0.0.1:1/feeds/b.pdf",
        "http://127.0.0.1:1/feeds/c.pdf",
    ]
    assert feed_links({"documents": [{"download_url": "d.docx"}]}, base) == ["http://127.0.0.1:1/feeds/d.docx"]
    assert feed_links({"items": [{"url": "page", "attachments": ["e.pdf", {"url": "f.pdf"}]}]}, base) == [
        "http://127.0.0.1:1/feeds/e.pdf",
        "http://127.0.0.1:1/feeds/f.pdf",
    ]
    assert feed_links(["file:///etc/passwd", "ftp://127.0.0.1/x.pdf", 5, None], base) == []
    assert feed_links("not a list", base) == []


def test_html_links_resolve_base_and_skip_non_http():
    page = (
        '<html><head><base href="/docs/"></head><body><a href="a.pdf#p2">a</a><a href="a.pdf">again</a>'
        '<a href="../b.TXT">b</a><a href="mailto:x@y">m</a><a href="file:///etc/passwd">f</a><a>none</a></body></html>'
    )
    assert html_links(page, "http://127.0.0.1:9/index.html") == [
        "http://127.0.0.1:9/docs/a.pdf",
        "http://127.0.0.1:9/b.TXT",
    ]


# ------------------------------------------------------------------ versions


def test_unchanged_files_are_not_downloaded_again(site, tmp_path):
    site.routes["/a.pdf"] = Resource(PDF, "application/pdf", etag=True)
    site.routes["/b.txt"] = Resource(TXT, "text/plain", last_modified=True)
    site.routes["/c.txt"] = Resource(TXT + b"\n", "text/plain")  # no validators at all
    site.routes["/"] = html_page("a.pdf", "b.txt", "c.txt")
    inbox = tmp_path / "inbox"

    first = {r.url.removeprefix(site.base): r for r in collect(site.base + "/", inbox, LIMITS)}
    assert [first[k].status for k in ("/a.pdf", "/b.txt", "/c.txt")] == ["downloaded"] * 3
    files = {p.name: p.stat().st_mtime_ns for p in inbox.iterdir()}

    second = {r.url.removeprefix(site.base): r for r in collect(site.base + "/", inbox, LIMITS)}
    assert [second[k].status for k in ("/a.pdf", "/b.txt", "/c.txt")] == ["unchanged"] * 3
    assert all(second[k].path == first[k].path for k in second)
    # ETag and Last-Modified: the server answered 304, no body went over the wire.
    assert (site.served("/a.pdf", 200), site.served("/a.pdf", 304)) == (1, 1)
    assert (site.served("/b.txt", 200), site.served("/b.txt", 304)) == (1, 1)
    # Without validators the body comes again, but the same hash keeps no second copy.
    assert site.served("/c.txt", 200) == 2
    assert {p.name for p in inbox.iterdir()} == set(files) and all(
        (inbox / n).stat().st_mtime_ns == m for n, m in files.items() if n != ".manifest.json"
    )

    # The old copy gone from the inbox: fetched again in full (no conditional GET for a file we lack).
    first["/a.pdf"].path.unlink()
    third = {r.url.removeprefix(site.base): r for r in collect(site.base + "/", inbox, LIMITS)}
    assert third["/a.pdf"].status == "downloaded" and third["/a.pdf"].path.read_bytes() == PDF


def read_log(out: Path, run_id: str) -> list[dict]:
    return [r for r in pq.read_table(out / "ingest_log").to_pylist() if r["run_id"] == run_id]


def test_ingest_source_new_version_processed_and_fetch_failures_logged(site, tmp_path):
    out, inbox = tmp_path / "out", tmp_path / "inbox"
    site.routes["/plan.txt"] = Resource(TXT, "text/plain; charset=utf-8", etag=True)
    site.routes["/slow.pdf"] = Resource(PDF, "application/pdf", delay=STALL)
    site.routes["/error.pdf"] = Resource(ERROR_PAGE, "text/html")
    site.routes["/feed.json"] = Resource(
        json.dumps([{"url": "plan.txt"}, {"url": "slow.pdf"}, {"url": "error.pdf"}]).encode(), "application/json"
    )
    feed = site.base + "/feed.json"
    run = {"use_prefect": False, "ocr": False, "workers": 1, "fetch_limits": LIMITS}

    # Run 1: the good document is processed, the two bad links are logged, the batch completes.
    s1 = ingest_source(feed, out, inbox, **run)
    v1 = sha(TXT)[:16]
    assert doc_ids(out) == {v1}
    rows = {r["source_path"]: r for r in read_log(out, s1.run_id)}
    # A fetched file is known by its URL, in the log and in the documents table alike.
    assert rows[site.base + "/plan.txt"]["status"] == "ok"
    [doc] = doc_rows(out, "documents", v1)
    assert doc["source_path"] == site.base + "/plan.txt"
    slow, error = rows[site.base + "/slow.pdf"], rows[site.base + "/error.pdf"]
    assert (slow["status"], slow["stage"], slow["error_type"], slow["doc_id"]) == (
        "failed",
        "read",
        "ReadTimeout",
        None,
    )
    assert f"timed out after {READ_TIMEOUT:g} s waiting for data from {site.host}" in slow["error_message"]
    assert (error["status"], error["stage"], error["error_type"]) == ("failed", "read", "HtmlPage")
    assert "link returned an HTML page, not a document" in error["error_message"]
    assert slow["started_at"] is not None and slow["finished_at"] >= slow["started_at"]
    assert len(s1.failed) == 2 and s1.count("ok") == 1

    # Run 2: new content at the same URL is a new version with its own doc_id.
    site.routes["/feed.json"] = Resource(b'["plan.txt"]', "application/json")
    changed = TXT + "\nSửa đổi, bổ sung lần thứ hai.\n".encode()
    site.routes["/plan.txt"] = Resource(changed, "text/plain; charset=utf-8", etag=True)
    s2 = ingest_source(feed, out, inbox, **run)
    v2 = sha(changed)[:16]
    assert v2 != v1 and v2 in doc_ids(out)
    assert v1 in doc_ids(out), "the old version's tables stay"
    assert [(r["doc_id"], r["status"]) for r in read_log(out, s2.run_id)] == [(v2, "ok")]
    assert (inbox / f"{v2}-plan.txt").read_bytes() == changed and (inbox / f"{v1}-plan.txt").is_file()

    # Run 3: nothing changed: a 304, and the document is skipped by its hash.
    before = site.served("/plan.txt", 200)
    s3 = ingest_source(feed, out, inbox, **run)
    assert site.served("/plan.txt", 200) == before and site.served("/plan.txt", 304) == 1
    assert [(r["doc_id"], r["status"]) for r in read_log(out, s3.run_id)] == [(v2, "skipped")]
    assert [f.status for f in s3.fetched] == ["unchanged"]


# ------------------------------------------------------------------ unreachable sources


def test_connect_timeout_is_logged_and_the_run_completes(tmp_path):
    # A listening socket whose one-slot accept queue is full: the next SYN is
    # dropped, so connecting hangs exactly like an unreachable host.
    stuck = socket.socket()
    filler = socket.socket()
    try:
        stuck.bind(("127.0.0.1", 0))
        stuck.listen(0)
        port = stuck.getsockname()[1]
        filler.connect(("127.0.0.1", port))
        url = f"http://127.0.0.1:{port}/index.html"
        t0 = time.monotonic()
        summary = ingest_source(url, tmp_path / "out", tmp_path / "inbox", fetch_limits=LIMITS, use_prefect=False)
        assert time.monotonic() - t0 < 30
    finally:
        filler.close()
        stuck.close()
    [row] = read_log(tmp_path / "out", summary.run_id)
    assert (row["source_path"], row["status"], row["stage"], row["error_type"]) == (
        url,
        "failed",
        "read",
        "ConnectTimeout",
    )
    assert f"timed out after 0.5 s connecting to 127.0.0.1:{port}" in row["error_message"]


def test_refused_and_non_index_sources(site, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connections are refused
        [r] = collect(f"http://127.0.0.1:{port}/feed.json", tmp_path / "in", LIMITS)
    assert (r.status, r.error_type) == ("failed", "ConnectionRefused")
    assert f"connection refused by 127.0.0.1:{port}" in r.error_message

    site.routes["/doc.pdf"] = Resource(PDF, "application/pdf")
    [r] = collect(site.base + "/doc.pdf", tmp_path / "in", LIMITS)
    assert (r.status, r.error_type) == ("failed", "BadIndex")
    assert "neither an HTML page nor a JSON feed" in r.error_message

    site.routes["/broken.json"] = Resource(b'{"items": [', "application/json")
    [r] = collect(site.base + "/broken.json", tmp_path / "in", LIMITS)
    assert (r.status, r.error_type) == ("failed", "BadIndex") and "not valid JSON" in r.error_message


def test_folder_source(tmp_path):
    folder = tmp_path / "gazettes"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "kh.txt").write_bytes(TXT)
    (folder / "plan.pdf").write_bytes(PDF)
    (folder / ".hidden.pdf").write_bytes(PDF)
    results = collect(folder, tmp_path / "inbox")
    assert sorted(r.path.relative_to(folder).as_posix() for r in results) == ["2025/kh.txt", "plan.pdf"]
    assert {r.status for r in results} == {"local"}
    assert not (tmp_path / "inbox").exists(), "a folder is read in place, not copied"

    [missing] = collect(tmp_path / "not-mounted", tmp_path / "inbox")
    assert (missing.status, missing.error_type, missing.path) == ("failed", "SourceMissing", None)
    assert "does not exist" in missing.error_message


def test_sniff_kind(tmp_path):
    docx = tmp_path / "a.docx"
    docx.write_bytes(docx_bytes())
    other_zip = tmp_path / "b.zip"
    other_zip.write_bytes(not_word_zip())
    vi = "Ủy ban nhân dân tỉnh Kon Tum — kế hoạch thực hiện năm 2025".encode()
    assert sniff_kind(PDF[:4096]) == "pdf"
    assert sniff_kind(b"\x89PNG\r\n\x1a\n" + bytes(20)) == "png"
    assert sniff_kind(b"\xff\xd8\xff\xe0" + bytes(20)) == "jpeg"
    assert sniff_kind(b"II*\x00" + bytes(20)) == "tiff"
    assert sniff_kind(docx.read_bytes(), docx) == "docx"
    assert sniff_kind(other_zip.read_bytes(), other_zip) is None
    assert sniff_kind(ERROR_PAGE) == "html"
    assert sniff_kind(b"  <!-- x -->\n<html lang='vi'><body>") == "html"
    assert sniff_kind(vi[:-1]) == "text", "a sample cut inside a multi-byte character is still UTF-8"
    assert sniff_kind("\ufeffKế hoạch".encode("utf-8")) == "text"
    assert sniff_kind(b"\xff\xfe" + "Kế hoạch".encode("utf-16-le")) == "text"
    assert sniff_kind(bytes(range(256)) * 4) is None
    assert sniff_kind(b"   \n") is None
