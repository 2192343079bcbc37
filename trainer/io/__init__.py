"""Import and export: the Excel and CSV files enterprises send, and the lists the office sends
back. Qt-free; the GUI's import wizard and the command line call the same functions.

    reading    read_table(path) → Table of raw cells (.xlsx, .xls, CSV in UTF-8/GBK)
    columns    target fields per kind, header synonyms, header-row detection
    importing  preview_import(...) → ImportPreview; run_import(uow, preview, progress)
    workbooks  write_rejects, write_template, export_records
"""
