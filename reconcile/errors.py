"""Errors reconcile raises. Each says what went wrong and where (file, line, option)."""

from __future__ import annotations


class ReconcileError(Exception):
    """Base class for every error reconcile reports to its user."""


class ConfigError(ReconcileError):
    """A settings or data file under ``rules/`` is missing, malformed or inconsistent."""

    def __init__(self, path, message: str):
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class InputError(ReconcileError):
    """An input path cannot be used at all (it does not exist, or is not a file or folder)."""

    def __init__(self, path, message: str):
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class OutputError(ReconcileError):
    """An output file cannot be written, or its format is not known."""
