"""A table folder as a bounded set of part files, changed a whole folder at a time.

`<out>/<table>/` holds Parquet *parts*, each with the rows of many documents.
One file per document does not scale: at 100,000 documents DuckDB and pandas
spend their time opening files, not reading rows. Here a table has at most
one part with fewer than `SEALED_DOCS` documents (the *open* part) and sealed
parts of `SEALED_DOCS` to `PART_DOCS` documents, so the file count stays
below one per thousand documents plus one.

A change (new documents, documents processed again, small parts merged) is
built in a hidden sibling folder, the unchanged parts hard-linked into it, and
swapped with the table folder in one `renameat2(RENAME_EXCHANGE)` call. So a
reader globbing `<table>/*.parquet` sees the old set of parts or the new one,
and every document's rows exactly once in either; a killed run leaves at most
a hidden folder, which the next run removes. Where the file system cannot
swap folders, parts are replaced file by file (logged as a warning once): a
reader may then see a document's rows twice for a moment.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.store.files import fsync_dir
from schemas import SCHEMAS

#: Most documents one part holds.
PART_DOCS = 2000
#: A part with this many documents is left alone unless its documents change.
SEALED_DOCS = 1000
#: What the table's rows are grouped by: `doc_id`, or `run_id` for the log.
KEY = {"ingest_log": "run_id"}

_STAGING = ".next-"
_log = logging.getLogger(__name__)
_warned_no_exchange = False


def key_of(table: str) -> str:
    return KEY.get(table, "doc_id")


def part_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []


def read_keys(path: Path, table: str) -> set[str]:
    """The documents (or runs) a part holds: its key column only."""
    col = pq.read_table(path, columns=[key_of(table)]).column(0)
    return {k for k in pc.unique(col).to_pylist() if k is not None}


def scan(folder: Path, table: str) -> dict[str, set[str]]:
    """part file name → the keys it holds; unreadable parts hold nothing we can replace."""
    index: dict[str, set[str]] = {}
    for path in part_files(folder):
        try:
            index[path.name] = read_keys(path, table)
        except (OSError, pa.ArrowException):
            _log.warning("cannot read %s; it is left as it is", path)
    return index


def read_part(path: Path, table: str, drop: set[str] | None = None) -> pa.Table:
    """A part's rows in the contract's schema (columns added since are null), without `drop`'s keys."""
    t = pq.read_table(path)
    schema = SCHEMAS[table]
    cols = [t.column(f.name).cast(f.type) if f.name in t.column_names else pa.nulls(len(t), f.type) for f in schema]
    t = pa.Table.from_arrays(cols, schema=schema)
    if drop:
        t = t.filter(pc.invert(pc.is_in(t.column(key_of(table)), value_set=pa.array(sorted(drop), pa.string()))))
    return t


def change(
    folder: Path,
    table: str,
    index: dict[str, set[str]],
    new: pa.Table | None,
    run_id: str,
    replace: set[str] | None = None,
) -> dict[str, set[str]]:
    """Give `replace`'s keys (default: `new`'s) exactly `new`'s rows, in one swap of `folder`; the new index.

    Sealed parts not touched are kept (hard-linked); a sealed part that holds
    a replaced key is written again without it; what is left of the open part
    and of under-full parts is merged with `new` and cut into parts of
    `PART_DOCS`, written as they fill so a migration of 100,000 one-document
    files never holds the table in memory. A part we could not read is kept
    as it is, never dropped unseen.
    """
    key = key_of(table)
    incoming: set[str] = set(pc.unique(new.column(key)).to_pylist()) - {None} if new is not None else set()
    incoming |= replace or set()
    out_index: dict[str, set[str]] = {}
    keep = [p.name for p in part_files(folder) if p.name not in index]
    rewrite: list[tuple[str, set[str]]] = []
    merge: list[tuple[str, set[str]]] = []
    for name, keys in sorted(index.items()):
        hit, left = keys & incoming, keys - incoming
        if not hit and len(keys) >= SEALED_DOCS:
            keep.append(name)
            out_index[name] = keys
        elif len(left) >= SEALED_DOCS:
            rewrite.append((name, hit))
        elif left:
            merge.append((name, hit))
    if not rewrite and not merge and new is None and set(keep) == {p.name for p in part_files(folder)}:
        return out_index  # nothing would change
    with _staged(folder) as stage:
        for name in keep:
            _link_or_copy(folder / name, stage / name)
        for name, hit in rewrite:
            t = read_part(folder / name, table, drop=hit)
            out_index[_write_new(t, stage, run_id)] = index[name] - hit
        pending = _Filler(stage, table, run_id, out_index)
        if new is not None and len(new):
            pending.add(new)
        for name, hit in merge:
            pending.add(read_part(folder / name, table, drop=hit))
        pending.close()
        if not any(stage.iterdir()):
            # A table keeps one part even without rows, so readers find its columns.
            empty = new if new is not None else SCHEMAS[table].empty_table()
            _write_new(empty.slice(0, 0), stage, run_id)
    return out_index


class _Filler:
    """Rows gathered into parts of `PART_DOCS` keys, each written when full."""

    def __init__(self, stage: Path, table: str, run_id: str, index: dict[str, set[str]]) -> None:
        self.stage, self.key, self.run_id, self.index = stage, key_of(table), run_id, index
        self.held: list[pa.Table] = []
        self.keys: set[str] = set()

    def add(self, t: pa.Table) -> None:
        self.held.append(t)
        self.keys |= set(pc.unique(t.column(self.key)).to_pylist())
        if len(self.keys) >= PART_DOCS:
            self._write(final=False)

    def close(self) -> None:
        if self.held:
            self._write(final=True)

    def _write(self, final: bool) -> None:
        chunks = list(_cut(pa.concat_tables(self.held), self.key))
        full = chunks if final else chunks[:-1]
        for chunk, keys in full:
            self.index[_write_new(chunk, self.stage, self.run_id)] = keys
        rest = [] if final else chunks[-1:]
        self.held = [c for c, _ in rest]
        self.keys = set().union(*(k for _, k in rest)) if rest else set()


def _write_new(t: pa.Table, stage: Path, run_id: str) -> str:
    name = part_name(run_id)
    _write(t, stage / name)
    return name


def _cut(t: pa.Table, key: str) -> Iterable[tuple[pa.Table, set[str]]]:
    """Rows grouped by key, in parts of at most `PART_DOCS` keys (a key never spans two parts)."""
    t = t.sort_by([(key, "ascending")])
    keys = t.column(key).to_pylist()
    start, seen, current = 0, 0, None
    group: set[str] = set()
    for i, k in enumerate(keys):
        if k != current:
            current = k
            if seen == PART_DOCS:
                yield t.slice(start, i - start), group
                start, seen, group = i, 0, set()
            seen += 1
            group.add(k)
    if len(t):
        yield t.slice(start), group


def part_name(run_id: str) -> str:
    return f"part-{run_id}-{uuid.uuid4().hex[:8]}.parquet"


def needs_change(index: dict[str, set[str]], limit: int = 1) -> bool:
    """More than `limit` parts below `SEALED_DOCS` documents: worth merging."""
    return sum(len(keys) < SEALED_DOCS for keys in index.values()) > limit


# ---------------------------------------------------------------- the swap


@contextmanager
def _staged(folder: Path) -> Iterator[Path]:
    """A hidden folder to fill; on success it replaces `folder` in one swap."""
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    stage = parent / f".{folder.name}{_STAGING}{os.getpid()}-{uuid.uuid4().hex[:6]}"
    stage.mkdir()
    try:
        yield stage
        fsync_dir(stage)
        if not folder.exists():
            os.rename(stage, folder)
        elif not _exchange(stage, folder):  # on success `stage` holds the old parts
            _replace_file_by_file(stage, folder)
        fsync_dir(parent)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _write(table: pa.Table, dest: Path) -> None:
    with open(dest, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
        fh.flush()
        os.fsync(fh.fileno())


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)  # a file system without hard links


def _replace_file_by_file(stage: Path, folder: Path) -> None:
    global _warned_no_exchange
    if not _warned_no_exchange:
        _log.warning(
            "%s cannot swap folders atomically (renameat2 RENAME_EXCHANGE); parts are replaced one by one, "
            "so a reader during a run may see a document twice for a moment",
            folder.parent,
        )
        _warned_no_exchange = True
    wanted = {p.name for p in stage.iterdir()}
    for path in stage.iterdir():
        if not (folder / path.name).exists():
            os.replace(path, folder / path.name)
    for path in folder.iterdir():
        if path.name not in wanted:
            path.unlink()


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_libc: ctypes.CDLL | None = None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot."""
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    fn = getattr(_libc, "renameat2", None)
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def remove_staging(out_dir: Path) -> int:
    """Hidden folders a killed run left beside the tables."""
    n = 0
    for stage in Path(out_dir).glob(f".*{_STAGING}*"):
        if stage.is_dir():
            shutil.rmtree(stage, ignore_errors=True)
            n += 1
    return n
