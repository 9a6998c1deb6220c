"""Configuration: one validated model with defaults, loaded from YAML, overridden by flags.

Unknown keys and wrong values fail before any work starts, with a message that names the
key and says how to fix it, because a scheduled job that silently ignores a typo in its
config is worse than one that refuses to start.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class ConfigError(ValueError):
    """Bad configuration; the message names the key and the fix."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParquetConfig(_Strict):
    buckets: int = Field(16, ge=1, le=4096)
    compression: Literal["zstd", "snappy", "gzip", "none"] = "zstd"


class DuckDBConfig(_Strict):
    file: str = "newsfacts.duckdb"
    storage_version: str = "v1.4.0"
    memory_limit: str = "256MB"

    @field_validator("memory_limit")
    @classmethod
    def _memory(cls, v: str) -> str:
        if not re.fullmatch(r"\d+(?:\.\d+)?\s*(?:KB|MB|GB|TB|KiB|MiB|GiB|TiB)", v.strip()):
            raise ValueError("must be a size such as 512MB or 2GB")
        return v.strip()

    @field_validator("storage_version")
    @classmethod
    def _version(cls, v: str) -> str:
        if not v.startswith("v") or v.count(".") != 2:
            raise ValueError("must look like v1.4.0")
        return v


class RunnerConfig(_Strict):
    kind: Literal["processes", "threads", "dask"] = "processes"
    workers: int | None = Field(None, ge=1, le=256)
    address: str | None = None  # dask only: an existing scheduler, e.g. tcp://host:8786

    @field_validator("address")
    @classmethod
    def _address(cls, v: str | None) -> str | None:
        if v is not None and "://" not in v:
            raise ValueError("must be a Dask scheduler address such as tcp://10.0.0.5:8786")
        return v


class ScheduleConfig(_Strict):
    cron: str = "0 * * * *"
    timezone: str = "UTC"
    deployment_name: str = "newsfacts-hourly"

    @field_validator("cron")
    @classmethod
    def _cron(cls, v: str) -> str:
        if len(v.split()) not in (5, 6):
            raise ValueError("must be a cron expression with 5 fields, e.g. '0 * * * *'")
        return v


class Config(_Strict):
    input: Path | None = None
    glob: str = "**/*.txt"
    warehouse: Path = Path("warehouse")
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1)
    language_sample_chars: int = Field(1000, ge=50, le=1_000_000)
    batch_files: int = Field(500, ge=1)
    batch_bytes: int = Field(16_000_000, ge=1024)
    max_file_bytes: int = Field(5_000_000, ge=1)
    on_delete: Literal["remove", "keep"] = "remove"
    lock_timeout_s: float = Field(600, ge=0)
    parquet: ParquetConfig = Field(default_factory=ParquetConfig)
    duckdb: DuckDBConfig = Field(default_factory=DuckDBConfig)
    runner: RunnerConfig = Field(default_factory=RunnerConfig)
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)

    def input_dir(self) -> Path:
        """The input folder; the shipped sample corpus when none is configured."""
        if self.input is not None:
            return self.input
        return Path(str(resources.files("newsfacts").joinpath("sample_corpus")))

    def sha256(self) -> str:
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()


_FIXES = {
    "extra_forbidden": "remove it or check its spelling (see config.yaml for every key)",
    "literal_error": "use one of the allowed values",
    "missing": "add it",
}


def _explain(exc: ValidationError, source: str) -> ConfigError:
    lines = [f"invalid configuration in {source}:"]
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        fix = _FIXES.get(err["type"], "change the value")
        got = err.get("input")
        got_s = "" if isinstance(got, dict) else f" (got {got!r})"
        lines.append(f"  key '{key}': {err['msg']}{got_s}; fix: {fix}")
    return ConfigError("\n".join(lines))


def load_config(path: Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Read YAML (if given), apply overrides (CLI flags), validate.

    Relative paths in the file are resolved against the file's folder, so a scheduled run
    started from another working directory reads and writes the same places.
    """
    data: dict[str, Any] = {}
    source = "defaults"
    if path is not None:
        source = str(path)
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist; fix: pass an existing --config")
        try:
            loaded = yaml.safe_load(path.read_text("utf-8"))
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path} is not valid YAML: {exc}") from exc
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ConfigError(f"{path} must hold a mapping of keys to values")
        data = loaded
        base = path.resolve().parent
        for key in ("input", "warehouse"):
            if isinstance(data.get(key), str) and not os.path.isabs(data[key]):
                data[key] = str(base / data[key])
    for key, value in (overrides or {}).items():
        if value is not None:
            data[key] = value
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise _explain(exc, source) from None


def check_paths(config: Config) -> None:
    """Fail before any work when the input is missing or the warehouse is not writable."""
    inp = config.input_dir()
    if not inp.is_dir():
        raise ConfigError(
            f"key 'input': folder {inp} does not exist; fix: create it or pass --input DIR"
        )
    wh = config.warehouse
    try:
        wh.mkdir(parents=True, exist_ok=True)
        probe = wh / ".write-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(
            f"key 'warehouse': cannot write to {wh} ({exc.strerror}); "
            "fix: choose a writable folder with --warehouse DIR"
        ) from None
