"""Process-wide environment defaults, applied before Prefect or Tesseract start.

Each can be overridden by setting the variable in the environment.
"""

from __future__ import annotations

import os

# A0 at 300 dpi is ~140 Mpx; anything bigger is a decompression bomb or a
# mistake, and decoding it would take minutes and gigabytes.
MAX_PIXELS = 180_000_000

DEFAULTS = {
    # One Tesseract per core: OpenMP threads inside it oversubscribe 2 cores ~5×.
    "OMP_THREAD_LIMIT": "1",
    # Otherwise every run tries a telemetry DNS lookup (no network here).
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    # The temporary API server can take long to start on a loaded machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "DASK_TEMPORARY_DIRECTORY": os.path.join(os.environ.get("TMPDIR", "/tmp"), "vnplans-dask"),
}


def apply_env_defaults() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
