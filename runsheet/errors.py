"""Errors that reach the user as one clear line (exit status 2 on the command line)."""

from __future__ import annotations


class RunsheetError(Exception):
    """Base for every error shown to the user without a traceback."""

    exit_code = 2


class InputError(RunsheetError):
    """Bad input in a file: names the file, the line where known, the id where known."""

    def __init__(self, file: str, message: str, line: int | None = None, item: str | None = None):
        self.file, self.line, self.item, self.message = file, line, item, message
        where = file if line is None else f"{file}:{line}"
        what = f"{item}: {message}" if item else message
        super().__init__(f"{where}: {what}")


class DomainError(RunsheetError):
    """An action that the current state of the congress (or the role) does not allow.

    Raised with a message key of runsheet.i18n (err.*) and its values, so each shell can say it in the
    congress's language; str() is the English text, for logs and tests."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The message in lang; a value written "@key" is itself a message key, and a value with a text(lang)
        method (a ReadingError) is said in lang too."""
        from .i18n import t

        def say(value: object) -> object:
            if isinstance(value, str) and value.startswith("@"):
                return t(value[1:], lang)
            return value.text(lang) if hasattr(value, "text") else value  # another translatable error

        return t(self.key, lang, **{k: say(v) for k, v in self.values.items()})


class StoreError(RunsheetError):
    """The store is missing, damaged or altered."""

    exit_code = 1


class StoreExistsError(StoreError):
    """`new` aimed at a file that already exists: bad input (exit status 2), nothing is overwritten."""

    exit_code = 2


class StoreMissingError(StoreError):
    """--db names no store: bad input (exit status 2)."""

    exit_code = 2
