"""Use cases, one module per area. Each function takes a UnitOfWork and returns frozen
dataclasses or ids, never live ORM objects."""
