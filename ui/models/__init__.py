"""Table models (QAbstractTableModel with named columns) and proxies for the pages."""
