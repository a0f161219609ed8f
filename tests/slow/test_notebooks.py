"""The notebooks run top to bottom on the processed samples and save their figures."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from tests.samples import ROOT, assert_png_not_blank

NOTEBOOKS = {
    "targets": ["targets_by_domain.png", "deadline_timeline.png"],
    "references": ["most_cited.png", "implements_matrix.png"],
}


def _outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


@pytest.mark.slow  # a kernel start and every chart: about 10 s per notebook
@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_notebook_runs_and_saves_figures(name, processed_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("VNPLANS_PROCESSED", str(processed_dir))
    monkeypatch.setenv("VNPLANS_FIGURES", str(tmp_path / "figures"))
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    # Raises CellExecutionError, with the failing cell and traceback, if any cell fails.
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    ).execute()

    text = _outputs_text(nb)
    assert f"3 plans (3 documents) in {processed_dir}" in text
    shown = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(shown) == len(NOTEBOOKS[name])
    for png in NOTEBOOKS[name]:
        assert_png_not_blank(tmp_path / "figures" / png)
    if name == "targets":
        assert "tỷ lệ che phủ rừng" in text  # the forest-cover comparison found its targets
    else:
        assert "56/KL-TW" in text and "Bộ Chính trị" in text


@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_notebook_is_committed_clean_and_explained(name):
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "clear outputs before committing"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    # a markdown section before each group of queries
    assert sum(c.cell_type == "markdown" and c.source.startswith("## ") for c in nb.cells) >= 3
