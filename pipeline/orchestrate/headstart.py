"""The batch's first tasks begun while the orchestrator is still starting.

Prefect needs several seconds before it runs a task (importing and starting
its temporary server, creating the flow run), while the workers are ready in
two. A `HeadStart` uses those seconds: threads of its own run the tasks'
documents in the order the task runner will start the tasks, and stop once the
first task begins. Each task then claims its chunk: it waits while a head
thread finishes the document it is on, takes what was done, and does the rest.
What no task claimed (the flow failed, or the run was interrupted) is handed
back by `close`, so no finished document is lost.

At most one head thread per worker runs, each on one document at a time, and a
head thread hands its worker process back (`release_worker`) before the task
that waits for it goes on, so the run never has more busy workers than it was
given.
"""

from __future__ import annotations

import threading
from pathlib import Path

from pipeline.models import Outcome
from pipeline.orchestrate.isolate import Limits, release_worker, run_isolated

Item = tuple[Path, str]


class HeadStart:
    """Runs `chunks` (the tasks' files, in the order the tasks start) on `threads` threads until a task claims one."""

    def __init__(self, chunks: list[list[Item]], ocr: bool, limits: Limits, threads: int) -> None:
        self._chunks = chunks
        self._index = {chunk[0]: i for i, chunk in enumerate(chunks) if chunk}
        self._cond = threading.Condition()
        self._open = True
        self._next = 0  # the next chunk a head thread may begin
        self._claimed: set[int] = set()
        self._on: set[int] = set()  # chunks a head thread works on
        self._done: dict[Item, Outcome] = {}
        n = max(0, min(threads, len(chunks)))
        self._alive, self._busy = n, 0  # head threads, and those inside a document
        self._threads = [
            threading.Thread(target=self._run, args=(ocr, limits), name=f"vnplans-head-{i}", daemon=True)
            for i in range(n)
        ]
        for t in self._threads:
            t.start()

    def _begin(self, finished: int | None) -> int | None:
        """The next chunk for a head thread, or None when the head is over."""
        with self._cond:
            self._on.discard(finished)
            self._cond.notify_all()
            if not self._open or self._next >= len(self._chunks):
                return None
            c, self._next = self._next, self._next + 1
            self._on.add(c)
            return c

    def _run(self, ocr: bool, limits: Limits) -> None:
        c = None
        try:
            while (c := self._begin(c)) is not None:
                for item in self._chunks[c]:
                    with self._cond:
                        if not self._open or c in self._claimed:
                            break
                        self._busy += 1
                    outcome = run_isolated(item[0], ocr, limits, item[1])
                    with self._cond:
                        self._busy -= 1
                        self._done[item] = outcome
                        self._cond.notify_all()
        finally:
            # The worker first, then the waiting task: it takes that worker instead of starting one.
            release_worker()
            with self._cond:
                self._on.discard(c)
                self._alive -= 1
                self._cond.notify_all()

    def claim(self, files: list[Item]) -> dict[Item, Outcome]:
        """The outcomes done ahead for this task's `files`; from now on the head starts nothing new.

        Returns once no head thread works on these files and every head thread
        between documents has handed back its worker (one still inside a
        document of another task's keeps it until that document ends)."""
        c = self._index.get(files[0]) if files else None
        with self._cond:
            self._open = False
            if c is not None:
                self._claimed.add(c)
            self._cond.wait_for(lambda: c not in self._on and self._alive == self._busy)
            return {item: self._done.pop(item) for item in files if item in self._done}

    def close(self) -> list[tuple[Item, Outcome]]:
        """Stop, wait for the documents under way, and hand back the outcomes no task claimed."""
        with self._cond:
            self._open = False
        for t in self._threads:
            t.join()
        with self._cond:
            left, self._done = list(self._done.items()), {}
        return left
