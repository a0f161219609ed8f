"""docs/operating.md is what an operator reads when a row says `failed`: it must
name every error_type and exit code the pipeline can produce."""

from __future__ import annotations

from pathlib import Path

import regex

from pipeline.errors import ExitCode, document_error_types

DOC = (Path(__file__).resolve().parents[2] / "docs" / "operating.md").read_text(encoding="utf-8")


def test_every_document_error_type_is_documented_with_its_stage():
    rows = dict(regex.findall(r"^\| `(\w+)` \| (\w+) \|", DOC, flags=regex.M))
    for cls in document_error_types():
        assert cls.__name__ in rows, f"{cls.__name__} is missing from docs/operating.md"
        if cls.default_stage is not None:
            assert rows[cls.__name__] == cls.default_stage.value, cls.__name__


def test_every_exit_code_is_documented():
    codes = {int(c) for c in regex.findall(r"^\| (\d+) \|", DOC, flags=regex.M)}
    assert {int(c) for c in ExitCode} <= codes
