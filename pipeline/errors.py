"""One error hierarchy for everything vnplans reports.

Every failure the pipeline logs is a `VnplansError`. Its class name is the
`error_type` written to `ingest_log` (stable: operators query it, and
`docs/operating.md` lists them all); `stage` says where it happened; the
message says what to do. Two families matter to an operator:

* **document errors** (`InputError`, `OcrError`, `StageError`, `WorkerError`):
  one file could not be processed; it gets a failed `ingest_log` row and the
  batch goes on (exit code 1 at the end);
* **run errors** (`UsageError`, `EnvironmentError_`, …): the run itself cannot
  start or go on; the CLI prints the message and exits with the class's code,
  as OCRmyPDF does.
"""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar

from schemas.enums import Stage


class ExitCode(IntEnum):
    """The `vnplans` exit codes (documented in docs/operating.md)."""

    OK = 0
    DOCUMENTS_FAILED = 1  # the run finished; some documents failed (see ingest_log)
    USAGE = 2  # bad arguments, a mistyped path, nothing to process
    MISSING_DEPENDENCY = 3  # tesseract, its Vietnamese data or a converter is not installed
    OUTPUT_UNUSABLE = 4  # the output folder cannot be written (permissions, space, inside the input)
    LOCKED = 5  # another run is writing the same output folder
    SOURCE_UNAVAILABLE = 6  # a fetch source (URL or folder) cannot be reached at all
    INTERNAL = 9  # a bug: please report it
    INTERRUPTED = 130  # Ctrl-C or SIGTERM; finished documents are kept


class VnplansError(Exception):
    """Root of every error vnplans raises on purpose."""

    #: The stage this kind of error happens in (`ingest_log.stage`); an instance may say otherwise.
    default_stage: ClassVar[Stage | None] = None
    exit_code: ClassVar[ExitCode] = ExitCode.INTERNAL
    #: A default message; subclasses that always say the same thing set it.
    default_message: ClassVar[str] = ""

    def __init__(self, message: str | None = None, stage: Stage | str | None = None):
        self.message = message or self.default_message or self.__class__.__name__
        self.stage: Stage | None = Stage(stage) if stage else self.default_stage
        super().__init__(self.message)

    @property
    def error_type(self) -> str:
        return type(self).__name__

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------- one document


class DocumentError(VnplansError):
    """One file could not be processed; the batch goes on."""

    exit_code = ExitCode.DOCUMENTS_FAILED


class InputError(DocumentError):
    """The file itself is the problem (bad input, not a bug)."""

    default_stage = Stage.READ


class EmptyFileError(InputError):
    pass


class CorruptFileError(InputError):
    pass


class EncryptedPdfError(InputError):
    default_message = "PDF is encrypted; supply the password or an unencrypted copy"


class UnsupportedFormatError(InputError):
    """A format we recognise but do not read (a spreadsheet, an archive, …)."""


class NotADocumentError(InputError):
    """Something else saved under a document's name: a web page, JSON, an e-mail."""


class TooLargeError(InputError):
    """Larger than a configured limit; refused before any work."""


class ImageTooLargeError(TooLargeError):
    """An image (or rendered page) above the pixel limit: a decompression
    bomb or a scan at an absurd resolution; refused before decoding."""


class NotARegularFileError(InputError):
    default_message = "not a regular file (a FIFO, socket or device); pass the document file itself"


class UnreadableFileError(InputError):
    """The operating system refused to read it (missing, permissions, a loop)."""


class EmptyTextError(InputError):
    default_stage = Stage.NORMALIZE
    default_message = "no text left after normalisation"


class OcrError(DocumentError):
    default_stage = Stage.OCR


class MissingDependencyError(OcrError):
    """A program the pipeline needs is not installed (tesseract, its `vie` data, a converter)."""

    exit_code = ExitCode.MISSING_DEPENDENCY


class StageError(DocumentError):
    """An unexpected failure inside a stage: a bug or a layout we do not handle.

    `stage` is per instance here; the original exception's class is kept in the message.
    """

    def __init__(self, stage: Stage | str, message: str):
        super().__init__(message, stage)


class WriteError(DocumentError):
    default_stage = Stage.WRITE


class WorkerError(DocumentError):
    """The worker process doing the document had to be stopped or died."""

    def __init__(self, message: str, stage: Stage | str | None = None):
        super().__init__(message, stage)


class DocumentTimeoutError(WorkerError):
    pass


class MemoryLimitError(WorkerError):
    pass


class WorkerCrashedError(WorkerError):
    pass


class InterruptedRunError(WorkerError):
    """The run was interrupted (Ctrl-C, SIGTERM) before this file finished."""

    exit_code = ExitCode.INTERRUPTED

    def __init__(self, message: str | None = None, stage: Stage | str | None = None):
        super().__init__(message or self.default_message, stage)

    default_message = "the run was interrupted (Ctrl-C or SIGTERM) before this file finished; run again to finish it"


# ---------------------------------------------------------------- fetching


class FetchError(VnplansError):
    """A link or a source could not be fetched. `error_type` names the cause
    (`HttpStatus`, `ConnectTimeout`, `TooLarge`, …; listed in docs/operating.md)."""

    default_stage = Stage.READ
    exit_code = ExitCode.DOCUMENTS_FAILED

    def __init__(self, error_type: str, message: str):
        super().__init__(message)
        self._error_type = error_type

    @property
    def error_type(self) -> str:
        return self._error_type


class SourceUnavailableError(FetchError):
    """The whole source (an index page, a feed, a folder) cannot be reached."""

    exit_code = ExitCode.SOURCE_UNAVAILABLE

    def __init__(self, message: str, error_type: str = "SourceUnavailable"):
        super().__init__(error_type, message)


# ---------------------------------------------------------------- the run


class RunError(VnplansError):
    """The run cannot start or go on."""


class UsageError(RunError):
    exit_code = ExitCode.USAGE


class OutputUnusableError(RunError):
    exit_code = ExitCode.OUTPUT_UNUSABLE


class OutputLockedError(RunError):
    exit_code = ExitCode.LOCKED


# Kept so existing callers read well: every reader error is an input error.
ReadError = InputError


def document_error_types() -> list[type[VnplansError]]:
    """Every class whose name can appear as an `ingest_log.error_type` (for the docs and their test)."""
    out: list[type[VnplansError]] = []

    def walk(cls: type[VnplansError]) -> None:
        for sub in cls.__subclasses__():
            out.append(sub)
            walk(sub)

    walk(DocumentError)
    return out
