"""The program's version and, in a built copy (packaging/build.py), the date it was built.

packaging/build.py writes build_info.json beside this module in the frozen folder; a source
checkout has none, so it shows the version alone."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from trainer import __version__

STAMP = Path(__file__).with_name("build_info.json")


@lru_cache(maxsize=1)
def build_date() -> str | None:
    """The build date (YYYY-MM-DD) of a built copy, None when run from source."""
    try:
        return json.loads(STAMP.read_text(encoding="utf-8")).get("build_date") or None
    except (OSError, ValueError, AttributeError):
        return None


def version_text() -> str:
    """'0.1.0 (2026-12-07)' in a built copy, '0.1.0' from source."""
    date = build_date()
    return f"{__version__} ({date})" if date else __version__
