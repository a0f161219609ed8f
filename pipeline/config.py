"""One settings object: limits, paths, fetch limits and the environment of Tesseract and Prefect.

`Settings()` reads `VNPLANS_*` environment variables (e.g.
`VNPLANS_OUT=/srv/vnplans`, `VNPLANS_TIMEOUT_S=600`), then the optional config
file (`vnplans.toml` in the working folder, or the file `VNPLANS_CONFIG`
names; same names without the prefix, e.g. `out = "/srv/vnplans"`), then the
defaults below; the CLI's options default to it and override it. Nothing here changes the process
environment at import: `apply_environment()` does, once, from the CLI's
`main` (Tesseract's OpenMP limit must be set before pytesseract starts a
subprocess, Prefect's before Prefect is imported).
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

CONFIG_ENV = "VNPLANS_CONFIG"
DEFAULT_CONFIG = "vnplans.toml"


def config_file() -> Path | None:
    """The config file to read, if any; one named in `VNPLANS_CONFIG` must exist."""
    named = os.environ.get(CONFIG_ENV)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"{CONFIG_ENV}={named}: no such config file")
        return path
    here = Path(DEFAULT_CONFIG)
    return here if here.is_file() else None


# A0 at 300 dpi is ~140 Mpx; anything bigger is a decompression bomb or a
# mistake, and decoding it would take minutes and gigabytes.
MAX_PIXELS = 180_000_000


class Settings(BaseSettings):
    """Every tunable of a run, with its default. Environment: `VNPLANS_<NAME>`."""

    # populate_by_name: the config file says `out`, the environment VNPLANS_OUT.
    model_config = SettingsConfigDict(env_prefix="VNPLANS_", extra="ignore", populate_by_name=True)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Arguments, then the environment, then the config file: an operator's
        # one-off `VNPLANS_OUT=…` wins over the file the team shares.
        path = config_file()
        if path is None:
            return (init_settings, env_settings)
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=path))

    out: Path = Field(
        Path("data/processed"),
        description="output folder of the tables",
        # VNPLANS_PROCESSED is the name the query and report commands used first.
        validation_alias=AliasChoices("VNPLANS_OUT", "VNPLANS_PROCESSED"),
    )
    workers: int | None = Field(None, description="worker processes (default: the number of cores)")
    # A 300-page scan OCRs in about 7 minutes on one core.
    timeout_s: float = Field(1800, description="seconds one document may take before it is stopped")
    memory_mb: int = Field(4096, description="memory limit of one document's worker process, in MB")
    # A worker process serves document after document (starting one costs more
    # than extracting a text plan); it is replaced after a timeout or a crash,
    # and after these, so a slow leak or a big scan's arenas do not stay.
    worker_max_docs: int = Field(200, description="documents a worker process handles before it is replaced")
    worker_recycle_mb: int = Field(
        1024, description="a worker process whose memory grew beyond this many MB is replaced after its document"
    )
    # Finished documents are written to the tables together: one change of each
    # table per flush keeps the file count bounded and the writing cheap; a
    # killed run loses at most one flush, which the next run processes again.
    flush_docs: int = Field(100, description="documents written to the tables together")
    flush_s: float = Field(60, description="seconds at most between two writes of finished documents")
    # Refused before it is hashed or read: a 2.5 GB file would otherwise be read whole by the orchestrator.
    max_file_mb: float = Field(1024, description="largest input file a run processes, in MB")
    ocr: bool = Field(True, description="OCR pages without a usable text layer")
    ocr_lang: str = Field("vie", description="Tesseract language")
    ocr_dpi: int = Field(300, description="resolution PDF pages are rendered at for OCR")
    # Fetching (vnplans fetch / serve).
    connect_timeout_s: float = Field(10, description="seconds to connect to a server")
    read_timeout_s: float = Field(60, description="seconds to wait for data from a server")
    max_download_mb: float = Field(200, description="largest file a fetch downloads, in MB")
    # One Tesseract per core: OpenMP threads inside it oversubscribe 2 cores ~5×
    # (1.4 s/page with one thread against 6-9 s without the limit).
    omp_thread_limit: int = Field(1, description="OpenMP threads of each Tesseract process")
    # `run` and `fetch` print their own progress, so Prefect's INFO lines would
    # only repeat it; a served deployment is watched in the Prefect UI, where
    # INFO is what its users expect to see.
    prefect_log_level: str | None = Field(
        None, description="Prefect's log level (default: WARNING for run and fetch, INFO for serve)"
    )
    # The temporary API server can take long to start on a loaded machine.
    prefect_startup_timeout_s: int = Field(120, description="seconds to wait for Prefect's temporary server")

    def environment(self, served: bool = False) -> dict[str, str]:
        """The variables Tesseract, Prefect and Dask read, as this run wants them.

        `served`: for `vnplans serve`, whose runs are read in the Prefect UI.
        """
        return {
            "OMP_THREAD_LIMIT": str(self.omp_thread_limit),
            # Otherwise every run tries a telemetry DNS lookup (no network here).
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_LOGGING_LEVEL": self.prefect_log_level or ("INFO" if served else "WARNING"),
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(self.prefect_startup_timeout_s),
            "DASK_TEMPORARY_DIRECTORY": os.path.join(os.environ.get("TMPDIR", "/tmp"), "vnplans-dask"),
        }

    def apply_environment(self, served: bool = False) -> None:
        """Set `environment()` in this process, keeping any value the caller set already."""
        for key, value in self.environment(served).items():
            os.environ.setdefault(key, value)
