"""The certificate template dialog keeps the version it showed (issue 15): when another desk
saved the templates meanwhile, Save is refused with the sentence (who changed it, when) shown in
the dialog, which stays open; the other desk's wording is kept."""
from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog

from tests.services.test_versioned_writes import two_desks  # noqa: F401
from trainer.pdf.certificate_template import (BUILT_IN, load_template, save_template,
                                              templates_version)
from ui.dialogs.template_dialog import TemplateDialog


def test_the_template_dialog_refuses_a_stale_save(qtbot, two_desks):
    desk_a, desk_b = two_desks
    dialog = TemplateDialog(None, desk_b, "completion")  # desk B shows the built-in wording
    qtbot.addWidget(dialog)
    save_template(desk_a, dataclasses.replace(BUILT_IN["completion"], body="{name}同志：甲"),
                  templates_version(desk_a))
    dialog.body.setPlainText("{name}同志：乙")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "李干事" in dialog.problem.text(), dialog.problem.text()
    assert "certificate.templates" not in dialog.problem.text()  # named as people know it
    assert load_template(desk_b, "completion").body == "{name}同志：甲"  # desk A's kept
    if __import__("os").environ.get("SHOT"):
        dialog.resize(1024, 620)
        dialog.show()
        qtbot.wait(300)
        dialog.grab().save(__import__("os").environ["SHOT"])
    dialog.templates_version = templates_version(desk_b)  # reopened: the version it now shows
    dialog.save()
    assert load_template(desk_a, "completion").body == "{name}同志：乙"
