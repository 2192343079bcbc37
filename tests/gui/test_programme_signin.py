"""培训项目 page: 打印签到表…… makes every sign-in sheet of the selected programme in one PDF in
the background, previews it and saves it where the clerk says (issue 21). A screenshot of the
page at 1024×768 goes to /tmp/proggui-shots/programme-signin.png."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton

from tests.pdf.test_programme_signin import _fill
from tests.pdf_reading import page_count, text
from tests.scenarios.programme_fixtures import build_office, make_programme
from trainer.pdf.signin import signin_page_count
from trainer.services.reports.signin import programme_signin_lessons
from trainer.services.settings import set_setting


def test_the_programmes_sign_in_sheets_previewed_and_saved(qtbot, make_window, languages, answer,
                                                            uow, tmp_path, monkeypatch):
    office = build_office(uow, lessons=2)
    record = make_programme(uow, office, months=1, per_month=3, size=30)
    _fill(uow, record.id, [30, 12, 25])
    set_setting(uow, "pdf.signin_rows_per_page", 20, force=True)
    pages = sum(signin_page_count(n, 20) for _lesson, n in programme_signin_lessons(uow, record.id))
    languages.install("zh_CN")  # the union office's language (installed before the window)
    window = make_window()
    window.resize(1024, 768)
    page = window.show_page("programmes")
    qtbot.waitUntil(lambda: page.programmes.rowCount() == 1, timeout=10000)
    page.programmes.selectRow(0)
    assert page.signin_button.isEnabled() and page.signin_button.text() == "打印签到表……"
    shots = Path("/tmp/proggui-shots")
    shots.mkdir(exist_ok=True)
    window.grab().save(str(shots / "programme-signin.png"))
    out = tmp_path / "签到表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen = {}

    def look_and_save(dialog):
        seen["title"], seen["info"] = dialog.windowTitle(), dialog.info.text()
        seen["name"] = dialog.file_name
        dialog.findChild(QPushButton, "savePdf").click()
        dialog.accept()

    answer(page.signin_button.click, look_and_save)
    assert seen["title"] == "签到表"
    assert seen["name"].startswith(f"签到表-{record.name}-") and seen["name"].endswith(".pdf")
    assert page_count(out) == pages == 7
    assert "培训签到表" in text(out) and f"第7页共{pages}页" in text(out)
