"""The table of training requests, with the columns of the one core table
(trainer/io/list_columns.py) that `trainer list requests` and Export use."""
from __future__ import annotations

from ui.models.record_table_model import RecordTableModel, shared_columns


class RequestTableModel(RecordTableModel):
    COLUMNS = shared_columns("requests")
