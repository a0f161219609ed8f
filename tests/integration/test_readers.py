"""Readers: text encodings, Markdown, DOCX, format sniffing, bad input."""

import codecs
import io

import pytest

from pipeline.errors import CorruptFileError, EmptyFileError, ReadError
from pipeline.ingest import read_document
from pipeline.ingest.sniff import sniff_format
from pipeline.ingest.text import decode_text, looks_like_markdown
from tests.samples import RAW

LINE = "Ủy ban nhân dân tỉnh Kon Tum xây dựng Chương trình hành động thực hiện Nghị quyết số 06/NQ-CP"


@pytest.mark.parametrize(
    "data",
    [
        LINE.encode("utf-8"),
        codecs.BOM_UTF8 + LINE.encode("utf-8"),
        LINE.encode("utf-16"),  # with BOM
        LINE.encode("utf-16-le"),  # without BOM
        LINE.encode("utf-16-be"),
    ],
)
def test_decode_text_encodings(data):
    assert decode_text(data) == LINE


def test_markdown_detected_and_stripped(tmp_path):
    src = RAW / "kiengiang-2020-kh182.md"
    raw = read_document(src)
    assert raw.source_format == "md" and raw.markdown and not raw.paged
    assert looks_like_markdown(src.read_text(encoding="utf-8"))
    assert not looks_like_markdown(LINE)


def test_sniffing_trusts_bytes_not_extension(tmp_path):
    pdf_named_txt = tmp_path / "plan.txt"
    pdf_named_txt.write_bytes((RAW / "kiengiang-2020-kh182.pdf").read_bytes())
    raw = read_document(pdf_named_txt)
    assert raw.source_format == "pdf" and raw.n_pages and raw.ocr_pages == 0
    text_named_pdf = tmp_path / "plan.pdf"
    text_named_pdf.write_text(LINE, encoding="utf-8")
    assert read_document(text_named_pdf).source_format == "txt"
    assert sniff_format(b"\x89PNG\r\n\x1a\n....", ".txt") == "image"


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("1. Sở Tài chính chủ trì, phối hợp với các sở, ngành.")
    table = d.add_table(rows=2, cols=3)
    for i, cells in enumerate([("STT", "Chỉ tiêu", "Đơn vị"), ("1", "Tỷ lệ che phủ rừng", "%")]):
        for j, v in enumerate(cells):
            table.rows[i].cells[j].text = v
    d.add_paragraph("Nơi nhận:")
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "plan.docx"
    path.write_bytes(buf.getvalue())
    raw = read_document(path)
    assert raw.source_format == "docx"
    assert raw.pages[0].split("\n") == [
        "KẾ HOẠCH",
        "1. Sở Tài chính chủ trì, phối hợp với các sở, ngành.",
        "STT\tChỉ tiêu\tĐơn vị",
        "1\tTỷ lệ che phủ rừng\t%",
        "Nơi nhận:",
    ]


@pytest.mark.parametrize(
    "content, error",
    [
        (b"", EmptyFileError),
        (b"   \n\n", EmptyFileError),
        (b"PK\x03\x04garbage-not-a-zip", CorruptFileError),
        (b"\x00\x01\x02\x03" * 400 + b"\xff", ReadError),
    ],
)
def test_bad_input_gives_clear_errors(tmp_path, content, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as exc:
        read_document(path)
    assert len(str(exc.value)) > 15
