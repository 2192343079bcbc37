"""Where data lives and which database to use."""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "FactoryClassroom"
ENV_URL = "TRAINER_DATABASE_URL"
LOG_NAME = "trainer.log"  # in the data folder: what went wrong unexpectedly (GUI and CLI)


def data_dir() -> Path:
    """The user's data folder (e.g. %LOCALAPPDATA%\\FactoryClassroom on Windows)."""
    from platformdirs import user_data_dir

    path = Path(os.environ.get("TRAINER_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return data_dir() / LOG_NAME


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'trainer.db').as_posix()}"


def database_url(explicit: str | None = None) -> str:
    """--db beats TRAINER_DATABASE_URL beats the SQLite file in the data folder.

    A bare file path is accepted too and taken as a SQLite file."""
    url = explicit or os.environ.get(ENV_URL) or default_database_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve().as_posix()}"
    return url
