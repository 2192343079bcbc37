"""Sorting and filtering for the short master-data lists.

What a search matches (part of a name, pinyin initials, part of a code) is the core's rule: the
page asks the service which ids match and hands them here; this proxy only hides the others and
sorts by the model's sort role."""
from __future__ import annotations

from PySide6.QtCore import (QCollator, QLocale, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel)

from ui.models.record_table_model import ID_ROLE, SORT_ROLE


class SearchProxyModel(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._matching: frozenset[int] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        # Chinese names sort by pinyin (敖, 曾, 傅, 廖 …) as staff expect, not by code point;
        # numeric mode puts 2号车间 before 10号车间.
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)

    def set_matching_ids(self, ids) -> None:
        """None shows every row."""
        self.beginFilterChange()
        self._matching = None if ids is None else frozenset(ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._matching is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.sourceModel().data(index, ID_ROLE) in self._matching

    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, str) and isinstance(b, str):
            return self._collator.compare(a, b) < 0
        try:
            return a < b
        except TypeError:  # mixed types (a blank beside a number): compare as text
            return str(a) < str(b)
