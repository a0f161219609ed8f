"""The files under the paths a run is given."""

from __future__ import annotations

import os
from pathlib import Path

SKIP_NAMES = {".DS_Store", "Thumbs.db"}


#: Suffixes of a web page whose pictures and styles a browser or Word saves beside it.
PAGE_SUFFIXES = (".htm", ".html", ".xhtml", ".doc", ".mht", ".mhtml")


def _page_parts(folder: str, files: list[str]) -> bool:
    """`plan_files/` beside `plan.htm`: the page's pictures and styles, no documents of their own."""
    stem = folder.removesuffix("_files")
    return stem != folder and any(f.lower() == stem.lower() + suffix for f in files for suffix in PAGE_SUFFIXES)


def discover(paths: list[str | Path]) -> list[Path]:
    """Files under `paths` (files or folders), sorted, hidden and temp files skipped,
    and the folder of pictures and styles saved beside a web page (`plan_files/`).

    Paths come back absolute (symlinks kept as given, not resolved): they are
    the `source_path` of the tables, which must not depend on where the run
    started. Symlinked folders are not followed, so a symlink loop cannot trap
    the walk.
    """
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _page_parts(d, files))
                for name in sorted(files):
                    if name.startswith(".") or name in SKIP_NAMES or name.endswith((".tmp", ".truth.txt")):
                        continue
                    found.append(Path(root) / name)
        else:
            found.append(p)
    seen: set[str] = set()
    unique: list[Path] = []
    for f in found:
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            unique.append(Path(key))
    return unique
