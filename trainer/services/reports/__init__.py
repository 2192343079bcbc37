"""Reads for documents: every query a printed or exported document needs (timetables, the fee
statement, attendance summaries and statistics, sign-in sheets, archives) returns frozen
records from here, so trainer/pdf/ and trainer/io/ only render them and never touch the
database. Personal data in these records is masked unless the caller asked to reveal it."""
