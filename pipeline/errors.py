"""Errors raised while reading a source file.

Each carries the pipeline stage it happened in (`read`, `ocr`, ...) so the
ingest log can record it, and a message a person can act on.
"""

from __future__ import annotations


class ReadError(Exception):
    def __init__(self, stage: str, message: str):
        super().__init__(message)
        self.stage = stage
        self.message = message

    def __str__(self) -> str:
        return self.message


class EncryptedPdfError(ReadError):
    def __init__(self, message: str = "PDF is encrypted; supply the password or an unencrypted copy"):
        super().__init__("read", message)


class CorruptFileError(ReadError):
    def __init__(self, message: str):
        super().__init__("read", message)


class EmptyFileError(ReadError):
    def __init__(self, message: str):
        super().__init__("read", message)


class OcrError(ReadError):
    def __init__(self, message: str):
        super().__init__("ocr", message)


class ImageTooLargeError(ReadError):
    """An image (or rendered page) above the pixel limit: a decompression
    bomb or a scan at an absurd resolution; refused before decoding."""

    def __init__(self, message: str):
        super().__init__("read", message)
