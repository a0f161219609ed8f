"""A table folder as a fixed set of bucket files: a document's rows always in one known file.

`<out>/<table>/bucket-NN.parquet` holds the rows of the documents whose
doc_id falls in bucket NN (`BUCKETS` of them, by the doc_id's leading hex
digits). One file per document does not scale: at 100,000 documents DuckDB
and pandas spend their time opening files. With buckets a table has at most
`BUCKETS` files whatever the corpus, and a document never moves: writing it
again rewrites its bucket, to a temporary file renamed over the old one.

So every reader sees each document's rows exactly once, at any moment, even
one that reads some files before a write and others after it: each file is
replaced whole, and no document is ever in two files. (A reader must open a
file once: `pq.read_table(one_file)` keeps the footer of its first open and
reads pages through a second, which a replace in between breaks.) A killed run leaves at
most a hidden temporary file, which the next run removes.

Folders of earlier versions (one `<doc_id>.parquet` per document), and the
run logs (one file per run), are folded into buckets by `fold`: the new
folder is built beside the old one and swapped in with one
`renameat2(RENAME_EXCHANGE)`, so a reader that lists the folder sees either
layout whole. (One that reads across the swap may miss or repeat a
document's rows for that read: a one-off, when a folder is migrated.)
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import re
import shutil
import time
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.libc import libc
from pipeline.store.files import fsync_dir, temp_file_beside
from schemas import SCHEMAS

#: Files per table. 64 keeps a table of 100,000 documents at ~1,600 documents a
#: file (DuckDB reads it in tens of milliseconds) and a rewrite of one bucket
#: at 1/64 of the table.
BUCKETS = 64
#: What the table's rows are grouped by: `doc_id`, or `run_id` for the log.
KEY = {"ingest_log": "run_id"}

_BUCKET_NAME = re.compile(r"bucket-(\d{2})\.parquet")
_STAGING = ".next-"
_OLD = ".old-"
#: How long a swapped-out folder stays for a reader still listing it.
OLD_GRACE_S = 30.0
_log = logging.getLogger(__name__)


def key_of(table: str) -> str:
    return KEY.get(table, "doc_id")


def bucket_of(key: str) -> int:
    """The bucket of a doc_id (hex: its first 8 digits) or of any other key (its CRC)."""
    try:
        return int(key[:8], 16) % BUCKETS
    except ValueError:
        return zlib.crc32(key.encode()) % BUCKETS


def bucket_name(bucket: int) -> str:
    return f"bucket-{bucket:02d}.parquet"


def part_files(folder: Path) -> list[Path]:
    """Every file a reader of `folder/*.parquet` reads."""
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []


def unbucketed(folder: Path) -> list[Path]:
    """Files not (yet) in the bucket layout: an older version's, or one run's log."""
    return [p for p in part_files(folder) if not _BUCKET_NAME.fullmatch(p.name)]


def conform(t: pa.Table, table: str) -> pa.Table:
    """Rows in the contract's schema: columns added since an older file was written are null."""
    schema = SCHEMAS[table]
    if t.schema.remove_metadata() == schema:
        return t
    cols = [t.column(f.name).cast(f.type) if f.name in t.column_names else pa.nulls(len(t), f.type) for f in schema]
    return pa.Table.from_arrays(cols, schema=schema)


def read_file(path: Path, table: str) -> pa.Table:
    # ParquetFile, not read_table: one file needs no dataset (three times faster on small files).
    with pq.ParquetFile(path) as f:
        return conform(f.read(), table)


def _without(t: pa.Table, key: str, drop: set[str]) -> pa.Table:
    if not drop or not len(t):
        return t
    return t.filter(pc.invert(pc.is_in(t.column(key), value_set=pa.array(sorted(drop), pa.string()))))


# ---------------------------------------------------------------- writing


def write_buckets(folder: Path, table: str, new: pa.Table, replace: set[str]) -> None:
    """Give `replace`'s keys exactly `new`'s rows, rewriting only their buckets.

    `new` holds rows of keys in `replace` only. A table left without any file
    gets an empty bucket, so readers still find its columns.
    """
    with folder_to_fill(folder) as where:
        _write_buckets(where, table, new, replace)


def _write_buckets(folder: Path, table: str, new: pa.Table, replace: set[str]) -> None:
    key = key_of(table)
    by_bucket: dict[int, set[str]] = {}
    for k in replace:
        by_bucket.setdefault(bucket_of(k), set()).add(k)
    keys = new.column(key).to_pylist() if len(new) else []
    rows_of = pa.array([bucket_of(k) for k in keys], pa.int32()) if keys else None
    for b, mine in sorted(by_bucket.items()):
        dest = folder / bucket_name(b)
        mine_new = new.filter(pc.equal(rows_of, b)) if rows_of is not None else new.slice(0, 0)
        if not dest.exists():
            if len(mine_new):
                replace_file(mine_new, dest)
            continue
        old = read_file(dest, table)
        kept = _without(old, key, mine)
        if len(kept) == len(old) and not len(mine_new):
            continue  # nothing of these keys was there, nothing comes
        replace_file(pa.concat_tables([kept, mine_new]), dest)
    if not part_files(folder):
        replace_file(new.slice(0, 0), folder / bucket_name(bucket_of(min(replace, default="0"))))


def _stage_beside(folder: Path) -> Path:
    """A new hidden folder beside `folder` that `remove_staging` clears if a run dies."""
    stage = folder.parent / f".{folder.name}{_STAGING}{os.getpid()}-{uuid.uuid4().hex[:6]}"
    stage.mkdir()
    return stage


@contextmanager
def folder_to_fill(folder: Path) -> Iterator[Path]:
    """Where to write `folder`'s files: the folder itself if it exists, else a
    hidden one renamed to `folder` when filled; made durable on the way out.

    So a table folder appears with its first file in it: a run killed before
    that file is whole leaves no empty table folder, which DuckDB would refuse
    (no files) and pyarrow would read as a table without columns.
    """
    if folder.is_dir():
        yield folder
        fsync_dir(folder)
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = _stage_beside(folder)
    try:
        yield stage
        fsync_dir(stage)
        try:
            os.rename(stage, folder)
        except OSError as exc:
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
            # Another writer made the folder meanwhile: add the files to it.
            for path in stage.iterdir():
                os.replace(path, folder / path.name)
        fsync_dir(folder.parent)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def replace_file(t: pa.Table, dest: Path) -> None:
    """`dest` becomes `t`, in one rename: readers see the old file or the new one."""
    fd, tmp = temp_file_beside(dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    os.close(fd)
    try:
        _write(t, Path(tmp))
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


# ---------------------------------------------------------------- folding


def fold(folder: Path, table: str) -> bool:
    """Rebuild `folder` as buckets, its other files folded in, in one swap; False if nothing to fold.

    A key found in several files keeps the rows of the newest file (an older
    version's layout had one file per document, so that is only a re-run
    caught halfway).
    """
    loose = unbucketed(folder)
    if not loose:
        return False
    key = key_of(table)
    loose.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    incoming: dict[int, list[pa.Table]] = {}
    seen: set[str] = set()
    folded: set[Path] = set()
    for path in loose:
        try:
            t = read_file(path, table)
        except (OSError, pa.ArrowException):
            _log.warning("cannot read %s; it is left as it is", path)
            continue
        folded.add(path)
        keys = set(pc.unique(t.column(key)).to_pylist()) - {None}
        t = _without(t, key, keys & seen)
        seen |= keys
        for k in keys:
            incoming.setdefault(bucket_of(k), [])
        if len(t):
            buckets = pa.array([bucket_of(k) for k in t.column(key).to_pylist()], pa.int32())
            for b in set(buckets.to_pylist()):
                incoming[b].append(t.filter(pc.equal(buckets, b)))
    with _staged(folder) as stage:
        for path in part_files(folder):
            m = _BUCKET_NAME.fullmatch(path.name)
            untouched = int(m.group(1)) not in incoming if m else path not in folded
            if untouched:
                _link_or_copy(path, stage / path.name)
        for b, pieces in sorted(incoming.items()):
            dest = folder / bucket_name(b)
            old = [_without(read_file(dest, table), key, seen)] if dest.exists() else []
            merged = pa.concat_tables(old + pieces) if old or pieces else SCHEMAS[table].empty_table()
            _write(merged, stage / bucket_name(b))
        if not any(stage.iterdir()):
            _write(SCHEMAS[table].empty_table(), stage / bucket_name(0))
    return True


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)  # a file system without hard links


def _write(t: pa.Table, dest: Path) -> None:
    with open(dest, "wb") as fh:
        pq.write_table(t, fh, compression="zstd")
        fh.flush()
        os.fsync(fh.fileno())


@contextmanager
def _staged(folder: Path) -> Iterator[Path]:
    """A hidden folder to fill; on success it replaces `folder` in one swap."""
    parent = folder.parent
    stage = _stage_beside(folder)
    try:
        yield stage
        fsync_dir(stage)
        if _exchange(stage, folder):
            # `stage` now holds the old files. A reader may be listing that
            # folder this moment: emptied under it, its listing would come out
            # short. It is kept a while and removed by a later fold or run.
            os.rename(stage, parent / f".{folder.name}{_OLD}{time.time_ns()}")
        else:
            _replace_file_by_file(stage, folder)
        fsync_dir(parent)
        _prune_old(parent, folder.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _replace_file_by_file(stage: Path, folder: Path) -> None:
    _log.warning(
        "%s cannot swap folders atomically (renameat2 RENAME_EXCHANGE); its files are replaced one by one, "
        "so a reader meanwhile may see a document twice",
        folder.parent,
    )
    wanted = {p.name for p in stage.iterdir()}
    for path in stage.iterdir():
        os.replace(path, folder / path.name)
    for path in folder.iterdir():
        if path.name not in wanted and path.suffix == ".parquet":
            path.unlink()


def _prune_old(parent: Path, table: str, grace_s: float = OLD_GRACE_S) -> None:
    now = time.time_ns()
    for old in parent.glob(f".{table}{_OLD}*"):
        try:
            born = int(old.name.rsplit("-", 1)[1])
        except (IndexError, ValueError):
            born = 0
        if now - born > grace_s * 1e9:
            shutil.rmtree(old, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot."""
    fn = getattr(libc(), "renameat2", None)
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def remove_staging(out_dir: Path) -> int:
    """Hidden folders a killed fold left beside the tables, and swapped-out ones past their grace time."""
    n = 0
    for stage in Path(out_dir).glob(f".*{_STAGING}*"):
        if stage.is_dir():
            shutil.rmtree(stage, ignore_errors=True)
            n += 1
    for table in {p.name.split(_OLD)[0][1:] for p in Path(out_dir).glob(f".*{_OLD}*")}:
        _prune_old(Path(out_dir), table)
    return n
