"""Shared fixtures: the sample documents and their answer keys."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RAW = ROOT / "data" / "raw"
SAMPLES = ["kiengiang-2020-kh182", "kontum-2021-ctrhd-06nqcp", "kontum-2025-qd243-congbao"]


def gold(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def truth_text(name: str) -> str:
    return (FIXTURES / f"{name}.truth.txt").read_text(encoding="utf-8").strip("\n")


def text_sample(name: str) -> Path:
    return next(p for p in RAW.glob(f"{name}.*") if p.suffix in (".txt", ".md"))


@pytest.fixture(params=SAMPLES)
def sample(request) -> str:
    return request.param
