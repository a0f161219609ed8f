"""Pages of one scan OCR'd side by side, on the cores no other document is using.

Tesseract uses one core for one page, so a document that is OCR'd page after
page uses one core however many the run was given: at the end of a batch one
long scan ran alone for minutes while the other workers had nothing to do.

Here a scan's pages are read in *lanes*: threads that each take the next page
and run Tesseract on it (its library, which lets go of the GIL while it
reads, or a child process: either way the lanes really run in parallel). The first lane is the document's own core. How many more may run
is `allowed()`, a number the batch's runner writes into this worker's shared
memory and raises while other workers are idle (`pipeline.orchestrate.isolate`
shares the spare cores among the documents that have pages waiting), so the
run never uses more cores than it was given. A lane that is no longer allowed
finishes its page and stops; new lanes start at page boundaries. Outside a
batch (`connect` never called) pages are read one after another.

The document's limits still hold: the lanes' Tesseracts run inside the
worker process (or as its children), which its time limit kills as a whole
and its memory cap covers.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Shared-memory integers (`multiprocessing.Value("i")`): the lanes this
#: process may use now (written by the runner) and its pages not yet started
#: (written here, read by the runner to decide who gets a spare core).
_allowed: Any = None
_waiting: Any = None


def connect(allowed: Any, waiting: Any) -> None:
    """Take the lane count from `allowed` and report waiting pages in `waiting` (a worker does this once)."""
    global _allowed, _waiting
    _allowed, _waiting = allowed, waiting


def allowed() -> int:
    """Lanes this process may run now (1 outside a batch)."""
    return max(1, _allowed.value) if _allowed is not None else 1


def _report_waiting(n: int) -> None:
    if _waiting is not None:
        _waiting.value = n


def run_lanes(fn: Callable[[T], R], items: Sequence[T], lanes: int | None = None) -> list[tuple[T, R]]:
    """`fn` over `items` in up to `lanes` threads at once (default: `allowed()`, read as pages go by).

    Returns (item, result) in the order of `items`. The first exception stops
    the lanes from taking more items and is raised once the running ones end."""
    limit: Callable[[], int] = (lambda: lanes) if lanes else allowed
    if len(items) < 2 or (lanes is None and _allowed is None):
        return [(item, fn(item)) for item in items]
    queue: deque[tuple[int, T]] = deque(enumerate(items))
    results: dict[int, R] = {}
    errors: list[BaseException] = []
    lock = threading.Lock()
    helpers: dict[int, threading.Thread] = {}  # lane number → thread

    def take(lane: int) -> tuple[int, T] | None:
        with lock:
            if errors or not queue or lane >= limit():
                return None
            job = queue.popleft()
            _report_waiting(len(queue))
            return job

    def step(lane: int) -> bool:
        """Read one item in `lane`; False when the lane should stop."""
        job = take(lane)
        if job is None:
            return False
        i, item = job
        try:
            results[i] = fn(item)
        except BaseException as exc:
            with lock:
                errors.append(exc)
            return False
        return True

    def run_lane(lane: int) -> None:
        while step(lane):
            pass

    _report_waiting(len(queue))
    try:
        while True:
            # Between its pages the document's own lane (0) starts the helper lanes now allowed.
            with lock:
                for lane in [n for n, t in helpers.items() if not t.is_alive()]:
                    del helpers[lane]
                running = 1 + len(helpers)
                want = min(limit() - running, len(queue) - 1)
                free = (n for n in itertools.count(1) if n not in helpers)
                for lane in [next(free) for _ in range(max(0, want))]:
                    t = threading.Thread(target=run_lane, args=(lane,), name=f"ocr-lane-{lane}", daemon=True)
                    helpers[lane] = t
                    t.start()
            if not step(0):
                break
    finally:
        for t in list(helpers.values()):
            t.join()
        _report_waiting(0)
    if errors:
        raise errors[0]
    return [(item, results[i]) for i, item in enumerate(items)]
