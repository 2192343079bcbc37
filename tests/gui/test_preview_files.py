"""Issue 20, finding 11: a previewed document (a 一人一档 with personal data) does not stay in the
temporary folder once the preview closes — nor after a crash: stale ones go at the next start."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from reportlab.pdfgen import canvas


def _build(_uow, path, _progress, _cancel):
    c = canvas.Canvas(path)
    c.drawString(100, 700, "record")
    c.save()


def test_the_preview_file_goes_when_the_preview_closes(qapp, uow, monkeypatch):
    import ui.dialogs.pdf_preview as preview

    seen = []

    def shown(dialog):
        seen.append(Path(dialog.path))
        assert Path(dialog.path).is_file()
        assert os.name != "posix" or (Path(dialog.path).parent.stat().st_mode & 0o077) == 0
        return 0
    monkeypatch.setattr(preview.PdfPreviewDialog, "exec", shown)
    monkeypatch.setattr(preview, "run_with_progress", lambda _p, _l, work, **_k: work(
        type("P", (), {"report": lambda *a: None, "cancelled": False})()))
    assert preview.preview_document(None, uow, "档案", "一人一档.pdf", _build) is None
    assert seen and not seen[0].exists() and not seen[0].parent.exists()


def test_stale_previews_are_removed_at_start(tmp_path, monkeypatch):
    from ui.dialogs.pdf_preview import PREVIEW_PREFIX, VIEWER_FOLDER, remove_stale_previews

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old = time.time() - 7200
    crashed = tmp_path / f"{PREVIEW_PREFIX}abc123"
    crashed.mkdir()
    (crashed / "一人一档.pdf").write_bytes(b"%PDF")
    viewer = tmp_path / VIEWER_FOLDER
    viewer.mkdir()
    (viewer / "签到表.pdf").write_bytes(b"%PDF")
    for path in (crashed, viewer / "签到表.pdf"):
        os.utime(path, (old, old))
    running = tmp_path / f"{PREVIEW_PREFIX}now456"  # another copy of the program, showing it
    running.mkdir()
    assert remove_stale_previews() == 2
    assert not crashed.exists() and not (viewer / "签到表.pdf").exists() and running.exists()
