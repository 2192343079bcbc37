"""One page per area of the main window."""
