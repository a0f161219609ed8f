"""The `vnplans` command line."""

from pipeline.cli.app import main

__all__ = ["main"]
