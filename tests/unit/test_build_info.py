"""The version shown by `trainer --version` and Help ▸ About: with the build date in a built copy."""
import json

import pytest

from trainer import __version__, build_info
from trainer.cli import main


@pytest.fixture
def stamp(tmp_path, monkeypatch):
    path = tmp_path / "build_info.json"
    monkeypatch.setattr(build_info, "STAMP", path)
    build_info.build_date.cache_clear()
    yield path
    build_info.build_date.cache_clear()


def test_source_checkout_shows_the_version_alone(stamp):
    assert build_info.build_date() is None
    assert build_info.version_text() == __version__


def test_built_copy_shows_the_build_date(stamp, capsys):
    stamp.write_text(json.dumps({"version": __version__, "build_date": "2026-12-07"}), "utf-8")
    assert build_info.version_text() == f"{__version__} (2026-12-07)"
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"trainer {__version__} (2026-12-07)"


def test_unreadable_stamp_is_ignored(stamp):
    stamp.write_text("{not json", "utf-8")
    assert build_info.version_text() == __version__
