"""Sources: the place where new plans appear — a folder, or an HTTP(S) index.

    collect("/mnt/gazettes", inbox, FetchLimits())            # the files under the folder
    collect("https://host/van-ban/", inbox, FetchLimits())    # HTML page of links
    collect("https://host/feed.json", inbox, FetchLimits())   # JSON list / JSON Feed
    ingest_source(source, out_dir)                            # collect, then run_batch

A download lands in `inbox/` as `<sha256[:16]>-<name>`, so a changed file at
the same URL is a new file (a new version, a new doc_id) and an unchanged one
is recognised by its hash. `inbox/.manifest.json` remembers, per URL, the hash
and the server's ETag/Last-Modified, so the next run asks with a conditional
GET and an unchanged file is not downloaded again. Whether a file still needs
processing is decided by `run_batch` from its content hash, so a document
whose processing failed is retried on the next run.

Only the standard library talks HTTP: urllib with a connect timeout separate
from the read timeout, a size limit enforced while streaming, and the bytes
checked against what the pipeline can read before anything is kept.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import html.parser
import http.client
import ipaddress
import json
import logging
import os
import re
import socket
import ssl
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from pipeline.errors import FetchError
from pipeline.ingest.discover import discover
from pipeline.ingest.odt import is_odt
from pipeline.ingest.rtf import is_rtf
from pipeline.ingest.sniff import OLE2_MAGIC
from pipeline.models import FetchResult
from pipeline.store.files import temp_file_beside

log = logging.getLogger(__name__)

#: Link suffixes taken as documents without looking at them first.
DOC_SUFFIXES = (
    ".pdf",
    ".docx",
    ".odt",
    ".doc",
    ".rtf",
    ".txt",
    ".md",
    ".markdown",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
)
#: Suffixes never worth probing: assets, and formats the pipeline cannot read.
NEVER_PROBE = (
    ".css",
    ".js",
    ".ico",
    ".svg",
    ".gif",
    ".webp",
    ".woff",
    ".woff2",
    ".ttf",
    ".zip",
    ".rar",
    ".7z",
    ".doc",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".mp4",
    ".mp3",
    ".xml",
    ".rss",
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
MANIFEST = ".manifest.json"
PART_SUFFIX = ".part"
CHUNK = 64 * 1024
USER_AGENT = "vnplans/0.1 (plan ingestion; urllib)"


@dataclass
class FetchLimits:
    """Limits on talking to a source; the defaults suit a government portal."""

    connect_timeout_s: float = 10
    read_timeout_s: float = 60  # longest silence between two reads
    total_timeout_s: float = 1800  # a server trickling bytes cannot hold a run forever
    max_mb: float = 200
    max_index_mb: float = 20
    max_links: int = 1000
    max_probes: int = 50  # extension-less links on the index's host looked at per run

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1024 * 1024)


class _NotADocument(FetchError):
    """The link is not a document (HTML page, unknown bytes): for a probed
    link this just means "not one of ours" and is not reported."""


class _ConnectTimeout(TimeoutError):
    pass


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def _fmt_s(seconds: float) -> str:
    return f"{seconds:g} s"


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ------------------------------------------------------------------ HTTP plumbing


def _connection(base: type, read_timeout: float) -> type:
    """`base` whose connect uses the request timeout and whose reads use `read_timeout`.

    urllib has one timeout for both; a portal that accepts the connection and
    then stalls needs a different (and differently worded) limit than one that
    is unreachable.
    """

    class Connection(base):
        def connect(self):
            try:
                super().connect()
            except TimeoutError as exc:
                raise _ConnectTimeout(str(exc) or "connect timed out") from exc
            self.sock.settimeout(read_timeout)

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float):
        super().__init__()
        self._cls = _connection(http.client.HTTPConnection, read_timeout)

    def http_open(self, req):
        return self.do_open(self._cls, req)  # type: ignore[arg-type]


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float):
        super().__init__()
        self._cls = _connection(http.client.HTTPSConnection, read_timeout)

    def https_open(self, req):
        return self.do_open(self._cls, req, context=self._context)  # type: ignore[arg-type, attr-defined]


class _ProxyHandler(urllib.request.ProxyHandler):
    """Environment proxies, but never for loopback addresses."""

    def proxy_open(self, req, proxy, type):
        if _is_loopback(urllib.parse.urlsplit(req.full_url).hostname):
            return None
        return super().proxy_open(req, proxy, type)


def _opener(limits: FetchLimits) -> urllib.request.OpenerDirector:
    # Built by hand rather than with build_opener so that file:, ftp: and
    # data: URLs are refused: an index must not be able to point at local files.
    opener = urllib.request.OpenerDirector()
    for handler in (
        _ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(limits.read_timeout_s),
        _HTTPSHandler(limits.read_timeout_s),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _open(opener, url: str, limits: FetchLimits, headers: dict | None = None):
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*", **(headers or {})})
    return opener.open(req, timeout=limits.connect_timeout_s)


def _describe(exc: BaseException, url: str, limits: FetchLimits) -> FetchError:
    """Any exception of a fetch → an error type and a message a person can act on."""
    if isinstance(exc, FetchError):
        return exc
    host = urllib.parse.urlsplit(url).netloc or url
    if isinstance(exc, urllib.error.HTTPError):
        return FetchError(
            "HTTPError",
            f"the server answered HTTP {exc.code} {exc.reason} for {url}; "
            "check the link still exists (it may have moved or need a login)",
        )
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, _ConnectTimeout):
        return FetchError(
            "ConnectTimeout",
            f"timed out after {_fmt_s(limits.connect_timeout_s)} connecting to "
            f"{host}; check the address and that the server is up, or raise "
            "--connect-timeout",
        )
    if isinstance(reason, TimeoutError):
        return FetchError(
            "ReadTimeout",
            f"timed out after {_fmt_s(limits.read_timeout_s)} waiting for data from "
            f"{host}; the server is stalled or very slow: try again later or raise "
            "--read-timeout",
        )
    if isinstance(reason, ConnectionRefusedError):
        return FetchError(
            "ConnectionRefused", f"connection refused by {host}; check the address and port and that the server is up"
        )
    if isinstance(reason, socket.gaierror):
        return FetchError(
            "DNSError",
            f"cannot resolve the host name of {host} ({reason.strerror}); check the address and the machine's DNS",
        )
    if isinstance(reason, ssl.SSLError):
        return FetchError(
            "TLSError",
            f"TLS/certificate error talking to {host}: {reason}; check the https address or the server's certificate",
        )
    if isinstance(exc, http.client.IncompleteRead):
        return FetchError(
            "IncompleteDownload",
            f"the connection to {host} closed after {len(exc.partial)} bytes, "
            "before the end of the file; try again later",
        )
    if isinstance(exc, urllib.error.URLError) and "unknown url type" in str(exc.reason):
        return FetchError("UnsupportedURL", f"only http:// and https:// links are fetched, not {url}")
    if isinstance(reason, (ConnectionError, http.client.HTTPException, OSError)):
        return FetchError(reason.__class__.__name__, f"network error talking to {host}: {reason}; try again later")
    return FetchError(exc.__class__.__name__, f"{exc} while fetching {url}")


def _read_limited(resp, sink, limit: int, limits: FetchLimits, what: str) -> int:
    """Stream the body into `sink(chunk)`, stopping past `limit` bytes or the total time."""
    deadline = time.monotonic() + limits.total_timeout_s
    size = 0
    while True:
        chunk = resp.read(CHUNK)
        if not chunk:
            return size
        size += len(chunk)
        if size > limit:
            raise FetchError(
                "TooLarge",
                f"{what} is larger than the {limit / 1024 / 1024:g} MB limit (stopped "
                f"after {size / 1024 / 1024:.1f} MB); raise --max-mb if it is a real "
                "document",
            )
        if time.monotonic() > deadline:
            raise FetchError(
                "DownloadTimeout",
                f"{what} took longer than {_fmt_s(limits.total_timeout_s)} to "
                "download and was abandoned; try again later",
            )
        sink(chunk)


def _check_length(resp, limit: int, what: str) -> None:
    length = resp.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > limit:
        raise FetchError(
            "TooLarge",
            f"{what} is larger than the {limit / 1024 / 1024:g} MB limit "
            f"({int(length) / 1024 / 1024:.1f} MB announced); raise --max-mb if it is "
            "a real document",
        )


# ------------------------------------------------------------------ what the bytes are

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S)


def sniff_kind(head: bytes, path: Path | None = None) -> str | None:
    """`pdf`, `docx`, `odt`, `doc`, `png`, `jpeg`, `tiff`, `text` or None (not something the pipeline reads).

    `head` is the first bytes; `path`, the whole file, is needed to look
    inside a ZIP. Mirrors `pipeline.ingest.sniff.sniff_format`, which decides again
    when the file is read.
    """
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(OLE2_MAGIC) or is_rtf(head):
        return "doc"  # an RTF is Word's too, often published as `.doc`
    if head.startswith(b"PK\x03\x04"):
        if path is None:
            return None
        try:
            with zipfile.ZipFile(path) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
                return "odt" if is_odt(z) else None
        except zipfile.BadZipFile:
            return None
    if _HTML_START.match(head[:4096]):
        return "html"
    return "text" if _decodable_text(head) else None


def _decodable_text(head: bytes) -> bool:
    """Text the reader can decode: BOM'd UTF-8/16, UTF-8, or an 8-bit code page, with no binary debris."""
    if not head.strip():
        return False
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            text = codecs.getincrementaldecoder(enc)(errors="replace").decode(head[len(bom) :])
            return _mostly_printable(text)
    try:
        # Incremental: the sample may end in the middle of a multi-byte character.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        from pipeline.ingest.text import decode_text  # UTF-16 without BOM, cp1252 (TCVN3/VNI files)

        text, _ = decode_text(head)
    return _mostly_printable(text)


def _mostly_printable(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return False
    bad = sum(
        1
        for c in sample
        if (c not in "\t\n\r\f" and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")) or c == "\ufffd"
    )
    return bad / len(sample) <= 0.05


_EXT = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "odt": (".odt",),
    "doc": (".doc", ".rtf"),
    "png": (".png",),
    "jpeg": (".jpg", ".jpeg"),
    "tiff": (".tif", ".tiff"),
    "text": (".txt", ".md", ".markdown"),
}


def _safe_name(name: str, kind: str) -> str:
    """A file name from the link, safe on any file system, with a suffix that matches the bytes."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^\w.\-]+", "_", name).strip("._")[:100] or "document"
    if not name.lower().endswith(_EXT[kind]):
        name += _EXT[kind][0]
    return name


def _name_from(resp, url: str) -> str:
    msg = Message()
    msg["content-disposition"] = resp.headers.get("Content-Disposition", "")
    filename = msg.get_filename()  # handles filename*=UTF-8''…
    if filename:
        return filename
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    return path.rstrip("/").rsplit("/", 1)[-1] or "document"


# ------------------------------------------------------------------ the index


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"].strip())
        elif tag == "base" and attrs.get("href") and self.base is None:
            self.base = attrs["href"].strip()


def html_links(text: str, base_url: str) -> list[str]:
    """Absolute http(s) URLs of the page's `<a href>`s, in order, fragments dropped, no repeats."""
    parser = _Links()
    parser.feed(text)
    base = urllib.parse.urljoin(base_url, parser.base) if parser.base else base_url
    return _absolute(parser.hrefs, base)


_URL_KEYS = ("url", "link", "href", "download_url", "file_url", "file")
_LIST_KEYS = ("items", "documents", "docs", "links", "files", "data", "results", "entries")


def feed_links(data, base_url: str) -> list[str]:
    """Document URLs of a JSON feed.

    Accepted shapes: a list of URLs; a list of objects with `url`/`link`/`href`;
    JSON Feed (`{"items": [{"url", "attachments": [{"url"}]}]}`, where an
    item's attachments, when present, are its documents); and an object
    holding such a list under `items`, `documents`, `links`, `files`, `data`…
    """
    items = data
    if isinstance(data, dict):
        items = next((data[k] for k in _LIST_KEYS if isinstance(data.get(k), list)), None)
        if items is None:
            items = [data]
    if not isinstance(items, list):
        return []
    urls: list[str] = []

    def url_of(obj):
        if isinstance(obj, str):
            return obj
        if isinstance(obj, dict):
            return next((obj[k] for k in _URL_KEYS if isinstance(obj.get(k), str)), None)
        return None

    for item in items:
        attachments = item.get("attachments") if isinstance(item, dict) else None
        if isinstance(attachments, list) and attachments:
            urls += [u for u in map(url_of, attachments) if u]
        else:
            u = url_of(item)
            if u:
                urls.append(u)
    return _absolute(urls, base_url)


def _absolute(hrefs, base: str) -> list[str]:
    seen, out = set(), []
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
            continue
        url = urllib.parse.urldefrag(urllib.parse.urljoin(base, href))[0]
        if urllib.parse.urlsplit(url).scheme not in ("http", "https") or url in seen:
            continue
        seen.add(url)
        out.append(url)
    return out


def _suffix(url: str) -> str:
    return os.path.splitext(urllib.parse.unquote(urllib.parse.urlsplit(url).path))[1].lower()


def _is_json(content_type: str, body: bytes) -> bool:
    if content_type in ("application/json", "application/feed+json") or content_type.endswith("+json"):
        return True
    return content_type not in HTML_TYPES and body.lstrip()[:1] in (b"[", b"{")


def read_index(opener, url: str, limits: FetchLimits) -> tuple[list[str], list[str]]:
    """(document links, links to probe) of an index URL; raises FetchError."""
    try:
        with _open(opener, url, limits) as resp:
            _check_length(resp, int(limits.max_index_mb * 1024 * 1024), "the index")
            buf = bytearray()
            _read_limited(resp, buf.extend, int(limits.max_index_mb * 1024 * 1024), limits, "the index")
            final_url = resp.geturl()
            content_type = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
    except Exception as exc:
        raise _describe(exc, url, limits) from exc
    body = bytes(buf)
    if _is_json(content_type, body):
        try:
            data = json.loads(body.decode(charset or "utf-8-sig"))
        except (ValueError, LookupError) as exc:
            raise FetchError(
                "BadIndex", f"the feed at {url} is not valid JSON ({exc}); check the feed address"
            ) from exc
        return feed_links(data, final_url)[: limits.max_links], []
    if content_type in HTML_TYPES or sniff_kind(body[:4096]) == "html":
        try:
            text = body.decode(charset or "utf-8")
        except (UnicodeDecodeError, LookupError):
            text = body.decode("cp1252", errors="replace")
        docs, probes = [], []
        index_host = urllib.parse.urlsplit(final_url).hostname
        for link in html_links(text, final_url):
            suffix = _suffix(link)
            if suffix in DOC_SUFFIXES:
                docs.append(link)
            elif link != final_url and suffix not in NEVER_PROBE and urllib.parse.urlsplit(link).hostname == index_host:
                # Portals serve documents from `Download.aspx?id=…`: such a
                # link is a document only if its download turns out to be one.
                probes.append(link)
        return docs[: limits.max_links], probes[: limits.max_probes]
    raise FetchError(
        "BadIndex",
        f"the index at {url} is neither an HTML page nor a JSON feed "
        f"(content-type {content_type}); point --source at the page or feed listing "
        "the documents",
    )


# ------------------------------------------------------------------ downloads


def _load_manifest(inbox: Path) -> dict:
    try:
        data = json.loads((inbox / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # lost or damaged: hashes in the file names still prevent duplicates


def _save_manifest(inbox: Path, manifest: dict) -> None:
    fd, tmp = temp_file_beside(inbox, prefix=".manifest.", suffix=PART_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, inbox / MANIFEST)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_parts(inbox: Path, older_than_s: float) -> None:
    """Temp files of a killed run (a live run's own are younger than its time limit)."""
    cutoff = time.time() - older_than_s
    for part in inbox.glob(f".*{PART_SUFFIX}"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            pass


def download(opener, url: str, inbox: Path, manifest: dict, limits: FetchLimits, probe: bool = False) -> FetchResult:
    """One link into the inbox; raises FetchError (or _NotADocument for a probe that is a page)."""
    entry = manifest.get(url) or {}
    known = inbox / entry["file"] if entry.get("file") else None
    headers = {}
    if known is not None and known.is_file():
        # Only ask "has it changed?" when the old copy is really still there.
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
    try:
        resp = _open(opener, url, limits, headers)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 304 and headers:
            return FetchResult(url, known, "unchanged", sha256=entry.get("sha256"))
        if probe:
            raise _NotADocument("HTTPError", str(exc)) from exc
        raise _describe(exc, url, limits) from exc
    except Exception as exc:
        if probe:
            raise _NotADocument("Unreachable", str(exc)) from exc
        raise _describe(exc, url, limits) from exc

    with resp:
        content_type = resp.headers.get_content_type()
        if content_type in HTML_TYPES:
            raise _NotADocument(
                "HtmlPage",
                f"link returned an HTML page, not a document (content-type "
                f"{content_type}): probably an error or login page; open {url} in a "
                "browser and fix the link",
            )
        _check_length(resp, limits.max_bytes, "the file")
        fd, tmp_name = temp_file_beside(inbox, prefix=".fetch-", suffix=PART_SUFFIX)
        tmp = Path(tmp_name)
        try:
            digest, head = hashlib.sha256(), bytearray()

            with os.fdopen(fd, "wb") as f:

                def sink(chunk: bytes) -> None:
                    digest.update(chunk)
                    if len(head) < CHUNK:
                        head.extend(chunk[: CHUNK - len(head)])
                    f.write(chunk)

                try:
                    size = _read_limited(resp, sink, limits.max_bytes, limits, "the file")
                except FetchError:
                    raise
                except Exception as exc:
                    raise _describe(exc, url, limits) from exc
                f.flush()
                os.fsync(f.fileno())
            if size == 0:
                raise FetchError("EmptyFile", f"link returned an empty file ({url}); check the link in a browser")
            kind = sniff_kind(bytes(head), tmp)
            if kind == "html":
                raise _NotADocument(
                    "HtmlPage",
                    f"link returned an HTML page, not a document (served as "
                    f"{content_type}): probably an error or login page; open {url} "
                    "in a browser and fix the link",
                )
            if kind is None:
                raise _NotADocument(
                    "UnsupportedType",
                    f"the file is not a document vnplans reads (PDF, DOCX, "
                    f"PNG/JPEG/TIFF, text); it starts with {bytes(head[:8])!r} "
                    f"and was served as {content_type}",
                )
            sha = digest.hexdigest()
            # The name after redirects: `Download.aspx?id=7` often lands on `…/kh-182.pdf`.
            dest = inbox / f"{sha[:16]}-{_safe_name(_name_from(resp, resp.geturl() or url), kind)}"
            if dest.exists():
                status = "unchanged"  # same bytes already here (this URL's last version, or another URL's)
            else:
                os.replace(tmp, dest)
                status = "downloaded"
        finally:
            tmp.unlink(missing_ok=True)
        manifest[url] = {
            "sha256": sha,
            "file": dest.name,
            "etag": resp.headers.get("ETag"),
            "last_modified": resp.headers.get("Last-Modified"),
            "content_type": content_type,
            "size": size,
            "fetched_at": _now().isoformat(),
        }
        return FetchResult(url, dest, status, sha256=sha)


def _fetch_all(
    opener, links: list[str], inbox: Path, manifest: dict, limits: FetchLimits, probe: bool
) -> list[FetchResult]:
    results = []
    for url in links:
        started = _now()
        try:
            r = download(opener, url, inbox, manifest, limits, probe=probe)
        except _NotADocument as exc:
            if probe:
                log.debug("not a document: %s (%s)", url, exc.message)
                continue
            r = FetchResult(url, None, "failed", exc.error_type, exc.message)
        except FetchError as exc:
            r = FetchResult(url, None, "failed", exc.error_type, exc.message)
        except OSError as exc:  # the inbox, not the network
            r = FetchResult(
                url,
                None,
                "failed",
                exc.__class__.__name__,
                f"cannot write to the inbox {inbox}: {exc.strerror or exc}; check disk space and permissions",
            )
        except Exception as exc:  # a bug must not cost the other links
            r = FetchResult(
                url,
                None,
                "failed",
                exc.__class__.__name__,
                f"{exc} while fetching {url} (internal error; please report it with the link)",
            )
        r.started_at, r.finished_at = started, _now()
        results.append(r)
    return results


def collect(
    source: str | os.PathLike, inbox: str | os.PathLike, limits: FetchLimits | None = None
) -> list[FetchResult]:
    """The documents a source offers now: local paths for a folder, downloads into `inbox` for a URL.

    Never raises for a bad link or an unreachable source: those come back as
    `failed` results, so a scheduled run always completes and logs them.
    """
    limits = limits or FetchLimits()
    source = os.fspath(source)
    started = _now()
    scheme = urllib.parse.urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        inbox = Path(inbox)
        try:
            inbox.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return [
                FetchResult(
                    source,
                    None,
                    "failed",
                    exc.__class__.__name__,
                    f"cannot create the inbox {inbox}: {exc.strerror or exc}; check the path and "
                    "permissions, or pass --inbox",
                    started_at=started,
                    finished_at=_now(),
                )
            ]
        remove_stale_parts(inbox, limits.total_timeout_s + 60)
        opener = _opener(limits)
        try:
            docs, probes = read_index(opener, source, limits)
        except FetchError as exc:
            return [
                FetchResult(source, None, "failed", exc.error_type, exc.message, started_at=started, finished_at=_now())
            ]
        manifest = _load_manifest(inbox)
        try:
            results = _fetch_all(opener, docs, inbox, manifest, limits, probe=False)
            results += _fetch_all(opener, [p for p in probes if p not in docs], inbox, manifest, limits, probe=True)
        finally:
            try:
                _save_manifest(inbox, manifest)
            except OSError as exc:
                log.warning("could not save %s: %s", inbox / MANIFEST, exc)
        return results
    path = Path(urllib.parse.urlsplit(source).path if scheme == "file" else source)
    if not path.exists():
        return [
            FetchResult(
                source,
                None,
                "failed",
                "SourceMissing",
                f"the source {source} does not exist (a folder that is not mounted, or a typo); "
                "check the path, or give an http(s) URL",
                started_at=started,
                finished_at=_now(),
            )
        ]
    return [FetchResult(str(p), p, "local", started_at=started, finished_at=started) for p in discover([path])]


def default_inbox(out_dir: str | os.PathLike) -> Path:
    return Path(out_dir) / "inbox"
