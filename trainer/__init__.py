"""Factory Classroom core: data model, storage, rules and services. Imports no Qt."""

__version__ = "0.1.0"
