"""`trainer pdf font`: the fonts in use (shipped by default), a system font chosen for tables,
one refused (no such file) leaving the choice as it was, and back to automatic."""
from __future__ import annotations

from trainer.cli import main
from trainer.pdf import fonts


def test_show_choose_refuse_and_reset(uow, database, capsys, tmp_path):
    url = database.engine.url.render_as_string(hide_password=False)
    base = ["--db", url, "--lang", "en", "pdf", "font"]
    assert main(base) == 0
    shown = capsys.readouterr().out
    assert "tables and reports: WenQuanYiMicroHei (shipped)" in shown
    assert "certificates: LXGWWenKai-Regular (shipped)" in shown
    other = tmp_path / "mine.ttc"
    other.symlink_to(fonts.shipped_font_dir() / "wqy-microhei.ttc")
    assert main(base + ["--use", str(other), "--certificate"]) == 0
    assert f"certificates: WenQuanYiMicroHei (setting) {other}" in capsys.readouterr().out
    assert main(base + ["--use", str(tmp_path / "missing.ttf")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert fonts.document_fonts(uow).body.source == "shipped"
    assert main(base + ["--automatic", "--certificate"]) == 0
    assert "certificates: LXGWWenKai-Regular (shipped)" in capsys.readouterr().out
    assert main(base + ["--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("LXGWWenKai-Regular\tshipped")
