"""Pure functions: normalising and validating what people type. No database, no Qt."""
