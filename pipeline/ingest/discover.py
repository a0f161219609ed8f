"""The files under the paths a run is given."""

from __future__ import annotations

import os
from pathlib import Path

SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def discover(paths: list[str | Path]) -> list[Path]:
    """Files under `paths` (files or folders), sorted, hidden and temp files skipped.

    Paths come back absolute (symlinks kept as given, not resolved): they are
    the `source_path` of the tables, which must not depend on where the run
    started. Symlinked folders are not followed, so a symlink loop cannot trap
    the walk.
    """
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
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
