"""A corpus of bad inputs, generated on the spot, and what the pipeline must log for each.

`make_corpus(folder)` writes the files and returns, for every path (relative
to `folder`) that must get an `ingest_log` row, the row it must get. Two
entries of the corpus get no row by design and are listed in `NO_ROW`.

Everything is built from bytes written here (a small PDF writer, pypdf for
encryption, a hand-made PNG header) so the corpus does not depend on fonts or
tools of the machine. The one exception is `legacy-tcvn3.txt`, built from the
sample plan `data/raw/kiengiang-2020-kh182.md` so its extracted rows can be
compared with those of the Unicode original.

Unreadable files: the tests run as root, and root reads a `chmod 000` file
without complaint, so the corpus uses things that fail for every user: a
dangling symlink (ENOENT), a FIFO (reading one blocks until a writer appears —
it must be refused, not read) and a pair of symlinks pointing at each other
(ELOOP).
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
LEGACY_SOURCE = RAW / "kiengiang-2020-kh182.md"

#: Paths that must not produce a row: a symlink to an ancestor folder (not
#: followed, so the walk terminates) and an empty folder with a PDF's name.
NO_ROW = ["loop/up", "folder.pdf"]


@dataclass(frozen=True)
class Expected:
    status: str  # ok, failed, skipped
    stage: str | None  # failing stage, None unless failed
    message: str | None  # substring of error_message (case-insensitive); None: no message
    error_type: str | None = None  # exact error_type when it matters
    pages: int | None = None  # ingest_log.pages of an ok row
    source_format: str | None = None  # documents.source_format of an ok row


# ------------------------------------------------------------------ builders


def minimal_pdf(pages: list[list[str]]) -> bytes:
    """A valid PDF with one Helvetica text line per string, correct xref.

    Written by hand (not with a PDF library) so the byte layout is known and
    can be damaged precisely. WinAnsi cannot carry Vietnamese tone marks, so
    the lines are plain ASCII.
    """
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 10 Tf", "13 TL", "56 790 Td"]
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


WORDS = (
    "ke hoach thuc hien nhiem vu giai phap phat trien kinh te xa hoi tinh huyen so nganh "
    "tai chinh nong nghiep moi truong tai nguyen rung bien dao dan cu nuoc sach dien duong "
    "truong hoc benh vien cong nghe thong tin chuyen doi so du lich van hoa the thao lao dong "
    "viec lam dau tu xay dung giao thong thuy loi phong chong thien tai bien doi khi hau"
).split()


def plan_pages(n: int, lines_per_page: int = 12, seed: int = 0) -> list[list[str]]:
    """`n` pages of unaccented Vietnamese words in paragraphs of four lines.

    Lines repeated across pages (digits aside) are running headers to the
    normaliser and are dropped, so the words are drawn at random; paragraphs
    start with a capital and end with a full stop, as in a real plan.
    """
    rng = random.Random(seed)
    pages = []
    for _ in range(n):
        lines = []
        for k in range(lines_per_page):
            line = " ".join(rng.choice(WORDS) for _ in range(12))
            if k % 4 == 0:
                line = line[0].upper() + line[1:]
            if k % 4 == 3 or k == lines_per_page - 1:
                line += "."
            lines.append(line)
        pages.append(lines)
    return pages


def encrypt_pdf(data: bytes, user_password: str, owner_password: str) -> bytes:
    import io

    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    # RC4 is pure Python in pypdf; AES would need the `cryptography` package.
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def blank_png(width: int = 1240, height: int = 1754) -> bytes:
    """A white A4 page at 150 dpi, as a scanner gives for an empty sheet."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (width, height), 255).save(buf, format="PNG")
    return buf.getvalue()


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A real 1-bit PNG of `width`×`height` white pixels: 2.5 Gpx that deflate
    to a few hundred KB. A decoder that trusts the header needs gigabytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    block, reps = row * 1000, height // 1000
    assert height % 1000 == 0
    # Deflating 300 MB takes seconds; after a full flush the compressor starts
    # afresh, so one compressed block repeated is the same stream, made at
    # once. Only the checksum needs the whole data.
    z = zlib.compressobj(9)
    head = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    body = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    tail = z.flush()[:-4]
    adler = 1
    for _ in range(reps):
        adler = zlib.adler32(block, adler)
    idat = head + body * (reps - 1) + tail + struct.pack(">I", adler)
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


FOREIGN_TEXT = """\
Annual report of the regional water board

The board met four times during the year to review the maintenance of the
river embankments and the drainage of the low-lying districts. Members agreed
that the pumping stations should be inspected before the rainy season and
that residents should be informed in good time about planned works.

Rapport annuel du conseil régional de l'eau

Le conseil s'est réuni quatre fois au cours de l'année pour examiner
l'entretien des digues et le drainage des quartiers bas. Les membres ont
convenu que les stations de pompage seraient inspectées avant la saison des
pluies et que les habitants seraient informés à temps des travaux prévus.
"""

VIETNAMESE_LINE = (
    "Ủy ban nhân dân tỉnh Kon Tum ban hành Kế hoạch thực hiện Nghị quyết số 06/NQ-CP "
    "ngày 21 tháng 01 năm 2021 của Chính phủ.\n"
)


# ------------------------------------------------------------------ corpus


def make_corpus(folder: str | Path, seed: int = 4) -> dict[str, Expected]:
    """Write the bad-input corpus into `folder`; path → the row it must get."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    good_pdf = minimal_pdf(plan_pages(10))
    exp: dict[str, Expected] = {}

    def put(name: str, data: bytes, expected: Expected) -> None:
        (folder / name).write_bytes(data)
        exp[name] = expected

    put("empty.pdf", b"", Expected("failed", "read", "empty", "EmptyFileError"))

    put(
        "truncated.pdf",
        good_pdf[: len(good_pdf) * 6 // 10],
        Expected("failed", "read", "truncated or damaged", "CorruptFileError"),
    )

    # Every xref offset wrong: PDFium rebuilds the table by scanning the
    # objects, as viewers do, and all the text is there — so this one is `ok`.
    bad_xref = re.sub(rb"\d{10} 00000 n", b"0000000001 00000 n", good_pdf)
    put("corrupt-xref.pdf", bad_xref, Expected("ok", None, None, pages=10, source_format="pdf"))

    put(
        "encrypted-user.pdf",
        encrypt_pdf(good_pdf, "secret", "owner"),
        Expected("failed", "read", "password", "EncryptedPdfError"),
    )
    # An owner password only restricts permissions; anyone may open and read it.
    put(
        "encrypted-owner.pdf",
        encrypt_pdf(minimal_pdf(plan_pages(3, seed=1)), "", "owner"),
        Expected("ok", None, None, pages=3, source_format="pdf"),
    )

    put("pdf-named.txt", minimal_pdf(plan_pages(2, seed=2)), Expected("ok", None, None, pages=2, source_format="pdf"))
    put("text-named.pdf", VIETNAMESE_LINE.encode("utf-8") * 3, Expected("ok", None, None, source_format="txt"))

    put("bomb.png", png_bomb(), Expected("failed", "read", "downscale", "ImageTooLargeError"))

    put(
        "book-300.pdf",
        minimal_pdf(plan_pages(300, lines_per_page=8, seed=3)),
        Expected("ok", None, None, pages=300, source_format="pdf"),
    )

    # A blank page scanned: OCR runs and finds nothing, and says so (not "is OCR disabled?").
    put("blank-scan.png", blank_png(), Expected("failed", "normalize", "pages look blank", "EmptyTextError"))

    put("foreign.txt", FOREIGN_TEXT.encode("utf-8"), Expected("ok", None, None, source_format="txt"))

    from extractors.normalize.legacy import encode_legacy

    legacy = encode_legacy(LEGACY_SOURCE.read_text(encoding="utf-8"), "tcvn3")
    # Files typed with ABC/TCVN3 fonts were saved as Windows "ANSI" (cp1252).
    put("legacy-tcvn3.txt", legacy.encode("cp1252"), Expected("ok", None, None, source_format="txt"))

    # Saved under a document's name but something else: named as what it is.
    put(
        "login-page.pdf",
        b"<!DOCTYPE html>\n<html><head><title>Dang nhap</title></head><body>Phien het han</body></html>",
        Expected("failed", "read", "HTML page", "NotADocumentError"),
    )
    put(
        "feed.docx",
        b'{"items": [{"url": "https://example.vn/kh.pdf"}]}',
        Expected("failed", "read", "JSON", "NotADocumentError"),
    )
    put(
        "mail.txt",
        b"From: vanthu@example.vn\nTo: so@example.vn\nSubject: Ke hoach\nMIME-Version: 1.0\n\nXem tep dinh kem.",
        Expected("failed", "read", "e-mail", "NotADocumentError"),
    )
    # A text file that only mentions a PDF header is text.
    put(
        "mentions-pdf-header.txt",
        ("Tệp gốc bắt đầu bằng %PDF-1.7.\n" + VIETNAMESE_LINE * 3).encode("utf-8"),
        Expected("ok", None, None, source_format="txt"),
    )
    # One stray byte and Word's smart quotes in a UTF-8 plan: decoded, not mojibake.
    plan_bytes = LEGACY_SOURCE.read_bytes()
    put(
        "utf8-with-stray-bytes.md",
        plan_bytes.replace(" của ".encode(), b" \x93c\xe1\xbb\xa7a\x94 ", 1).replace(
            " của ".encode(), b" c\xff\xe1\xbb\xa7a ", 1
        ),
        Expected("ok", None, None, source_format="md"),
    )

    put(
        "junk.dat",
        bytes(rng.getrandbits(8) for _ in range(64 * 1024)),
        Expected("failed", "read", "binary", "CorruptFileError"),
    )

    # Sorts after the original, so the original is the one processed.
    shutil.copyfile(folder / "foreign.txt", folder / "zz-duplicate-of-foreign.txt")
    exp["zz-duplicate-of-foreign.txt"] = Expected("skipped", None, "same content")

    os.symlink(folder / "no-such-file.pdf", folder / "dangling.pdf")
    exp["dangling.pdf"] = Expected("failed", "read", "no such file", "UnreadableFileError")

    os.mkfifo(folder / "pipe.pdf")
    exp["pipe.pdf"] = Expected("failed", "read", "not a regular file", "NotARegularFileError")

    loop = folder / "loop"
    loop.mkdir()
    os.symlink("b", loop / "a")
    os.symlink("a", loop / "b")
    os.symlink("..", loop / "up")
    for name in ("loop/a", "loop/b"):
        exp[name] = Expected("failed", "read", "too many levels of symbolic links")

    (folder / "folder.pdf").mkdir()
    return exp


# ------------------------------------------------------------------ comparing outputs

DOCUMENT_TABLES = ["documents", "sections", "legal_refs", "targets", "deadlines", "tasks"]


def assert_same_tables(got: dict, want: dict) -> None:
    assert sorted(got) == sorted(want)
    for key in want:
        assert got[key].equals(want[key]), f"{key} differs"
