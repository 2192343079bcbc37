"""Chinese line-breaking (避头): ReportLab's CJK wrapping keeps a character that may not start a
line at the end of the previous one (hanging in the margin), but its list holds the Japanese
marks and half-width punctuation, not the Chinese full-width ones, so a certificate's sentence
could break before "，". Added here once, for every Paragraph with wordWrap="CJK" (both of
ReportLab's splitting paths read the module-level list: textsplit's and paragraph's)."""
from __future__ import annotations

from reportlab.lib import textsplit as _textsplit
from reportlab.platypus import paragraph as _paragraph

NO_LINE_START = "，、。；：？！）》〉」』】〕”’…—％"

for _module in (_textsplit, _paragraph):
    _module.ALL_CANNOT_START = _module.ALL_CANNOT_START + "".join(
        c for c in NO_LINE_START if c not in _module.ALL_CANNOT_START)
