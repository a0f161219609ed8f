"""Word 97-2003 `.doc`: read through antiword, header and signature blocks as blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import CorruptFileError, MissingDependencyError, UnsupportedFormatError
from pipeline.ingest import read_document
from pipeline.ingest.sniff import OLE2_MAGIC
from pipeline.ingest.word97 import doc_lines

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "CV-tu-choi-TKBVTC-da-hoa-LangLanhII.doc"

#: antiword's rendering of a two-column header and a data table whose cells wrap.
ANTIWORD_OUT = """
|UBND TỈNH X            |   |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
|SỞ CÔNG THƯƠNG         |   |Độc lập - Tự do - Hạnh phúc        |
|-------                |   |                                   |
|Số: 12/KH-SCT          |   |X, ngày 02 tháng 4 năm 2026        |

KẾ HOẠCH
|STT |Nhiệm vụ                 |Cơ quan chủ trì |
|1   |Rà soát kho vật liệu nổ  |Sở Công Thương  |
|    |công nghiệp              |                |
|2   |Tập huấn                 |Sở Nội vụ       |
"""


def test_layout_tables_are_read_column_by_column_and_data_rows_are_merged():
    lines = [ln for ln in doc_lines(ANTIWORD_OUT) if ln.strip()]
    assert lines[:6] == [
        "UBND TỈNH X",
        "SỞ CÔNG THƯƠNG",
        "Số: 12/KH-SCT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "X, ngày 02 tháng 4 năm 2026",
    ]
    assert lines[6:] == [
        "KẾ HOẠCH",
        "STT\tNhiệm vụ\tCơ quan chủ trì",
        "1\tRà soát kho vật liệu nổ công nghiệp\tSở Công Thương",
        "2\tTập huấn\tSở Nội vụ",
    ]


def test_a_real_doc_reads_with_its_header_and_signature():
    from pipeline.orchestrate.process import process_file

    doc = process_file(FIXTURE, ocr=False).document
    assert doc.source_format == "doc"
    assert doc.issuer == "Sở Công Thương tỉnh Lào Cai"
    assert (doc.signer_name, doc.signer_title) == ("Hoàng Văn Thuân", "Phó Giám đốc")
    assert doc.title and doc.title.startswith("thẩm định thiết kế bản vẽ thi công")


def test_an_ole2_file_that_is_not_word_is_named():
    data = OLE2_MAGIC + b"\x00" * 4096
    with pytest.raises((UnsupportedFormatError, CorruptFileError)) as err:
        read_document(Path("bang-tinh.xls"), data)
    assert "DOCX" in err.value.message


def test_without_antiword_the_message_says_what_to_install(monkeypatch):
    monkeypatch.setattr("pipeline.ingest.word97.shutil.which", lambda name: None)
    with pytest.raises(MissingDependencyError, match="antiword"):
        read_document(FIXTURE)
