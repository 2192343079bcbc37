"""Names with rare characters (王䶮: CJK Extension A; 李𠮷祥, 赵𪚥: Extension B) printed whole:
the sign-in sheet's table font (Hei) and the certificate's Kai face borrow each missing character
from the next font that has it, and the PDF's text holds the names. Where no font on the machine
has a character, the document is still made and the warning names the person and the character
(in the result, and on stderr from the CLI)."""
from __future__ import annotations

import io
import os

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.pdf_reading import all_fonts_embedded, text
from trainer.cli import main
from trainer.db.models import Trainee
from trainer.pdf import fonts
from trainer.pdf.signin import build_signin_sheet

RARE = ("王䶮", "李𠮷祥")
HANAMIN_ONLY = "赵𪚥"  # in HanaMin A/B (fonts-hanazono), not in the fonts shipped with the app


def rename(uow, trainee_ids, names):
    with uow:
        for trainee_id, name in zip(trainee_ids, names):
            uow.session.get(Trainee, trainee_id).name = name


def extension_font_installed() -> bool:
    names = {n.lower() for d in fonts.font_dirs() if d.is_dir() for _r, _s, fs in os.walk(d)
             for n in fs}
    return bool(names & {"hanamina.ttf", "hanaminb.ttf", "simsunb.ttf"})


@pytest.fixture
def no_covering_font(monkeypatch, tmp_path):
    """A machine whose only Chinese font is WenQuanYi Micro Hei (no Extension A/B)."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / "wqy-microhei.ttc").symlink_to(fonts.shipped_font_dir() / "wqy-microhei.ttc")
    monkeypatch.setattr(fonts, "shipped_font_dir", lambda: folder)
    monkeypatch.setattr(fonts, "font_dirs", lambda: [])


def test_the_sign_in_sheet_prints_every_character_of_every_name(uow, tmp_path):
    scenario = make_class(uow, trainees=6, lessons=1, attendance=False)
    rename(uow, scenario.trainee_ids, RARE)
    out = tmp_path / "签到表.pdf"
    result = build_signin_sheet(uow, scenario.lesson_ids[0], out)
    body = text(out)
    assert all(name in body for name in RARE)
    assert not [w for w in result.warnings if w.reason == "char_missing"]
    assert all_fonts_embedded(out)


@pytest.mark.skipif(not extension_font_installed(),
                    reason="no Extension B face (fonts-hanazono / SimSun-ExtB) on this machine")
def test_a_character_only_an_extension_face_has(uow, tmp_path):
    scenario = make_class(uow, trainees=3, lessons=1, attendance=False)
    rename(uow, scenario.trainee_ids, [HANAMIN_ONLY])
    out = tmp_path / "签到表.pdf"
    result = build_signin_sheet(uow, scenario.lesson_ids[0], out)
    assert HANAMIN_ONLY in text(out)
    assert not [w for w in result.warnings if w.reason == "char_missing"]


def test_a_certificate_in_kai_prints_the_rare_name(uow):
    from trainer.pdf.certificate_template import load_template
    from trainer.pdf.certificates import build_certificate_preview, sample_certificate

    with uow:
        template = load_template(uow, "completion")
    buffer = io.BytesIO()
    result = build_certificate_preview(uow, template, buffer, certificate=sample_certificate(
        "completion", trainee_name="李𠮷祥"))
    assert "李𠮷祥" in text(buffer.getvalue()).replace(" ", "").replace("\xa0", "")
    assert not [w for w in result.warnings if w.reason == "char_missing"]


def test_no_font_has_the_character_the_sheet_is_made_and_the_warning_names_them(
        uow, tmp_path, no_covering_font):
    scenario = make_class(uow, trainees=5, lessons=1, attendance=False)
    rename(uow, scenario.trainee_ids, RARE)
    out = tmp_path / "签到表.pdf"
    result = build_signin_sheet(uow, scenario.lesson_ids[0], out)
    assert out.exists() and "李" in text(out) and "祥" in text(out)
    missing = [w for w in result.warnings if w.reason == "char_missing"]
    assert [(w.params["text"], w.params["chars"]) for w in missing] == [
        ("王䶮", "䶮(U+4DAE)"), ("李𠮷祥", "𠮷(U+20BB7)")]
    assert "“李𠮷祥”中的字 𠮷(U+20BB7)" in missing[1].message("zh")


def test_the_cli_warns_on_stderr(uow, database, tmp_path, capsys, no_covering_font):
    scenario = make_class(uow, trainees=3, lessons=1, attendance=False)
    rename(uow, scenario.trainee_ids, ["李𠮷祥"])
    url = database.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "sheet.pdf"
    assert main(["--db", url, "--lang", "en", "pdf", "signin", "--lesson",
                 str(scenario.lesson_ids[0]), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert out.exists()
    assert "“李𠮷祥”: the character 𠮷(U+20BB7) is in no font" in captured.err
    assert "𠮷" not in captured.out
