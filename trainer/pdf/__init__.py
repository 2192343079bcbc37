"""Printed documents (issue 7): fonts, layout helpers, sign-in sheets, certificates, schedules,
reports and archives, drawn with ReportLab. Each document has a build_… function
`build_xxx(uow, …, out, progress=None, cancel=None) -> PdfResult` that the GUI runs in a worker."""
