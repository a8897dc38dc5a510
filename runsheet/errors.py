"""Errors that reach the user as one clear line (exit status 2 on the command line)."""

from __future__ import annotations

from dataclasses import dataclass, field


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


def _said(value: object, lang: str) -> object:
    """A value of a message as said in lang: a Say (or an error) says itself; any other value is shown as it is (a
    user's text may begin with anything)."""
    return value.text(lang) if isinstance(value, (Say, DomainError, StoreError)) else value


@dataclass(frozen=True)
class Say:
    """A text to be said later, in the language of whoever reads it: a key of runsheet.texts and its values."""

    key: str
    values: dict = field(default_factory=dict)

    def text(self, lang: str) -> str:
        from .texts import say

        return say(self.key, lang, **{k: _said(v, lang) for k, v in self.values.items()})


class DomainError(RunsheetError):
    """An action that the current state of the congress (or the role) does not allow.

    Raised with a message key of runsheet.texts (err.*) and its values, so each shell can say it in the
    congress's language; str() is the English text, for logs and tests."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The message in lang (values said in lang too: a Say, another error)."""
        return Say(self.key, self.values).text(lang)


class StoreError(RunsheetError):
    """The store is missing, damaged, altered, or could not be written. str() is the English line the command line
    prints; one that a screen may show in the congress's language also carries a text key (text(lang))."""

    exit_code = 1

    def __init__(self, message: str, key: str | None = None, **values: object):
        super().__init__(message)
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        return Say(self.key, self.values).text(lang) if self.key else str(self)


class StoreDamaged(StoreError):
    """The store's file is damaged or was altered (a line that does not read, an event that does not chain, history
    rewritten): the one kind of store error `run.py restore` is the answer to."""


class StoreExistsError(StoreError):
    """`new` aimed at a file that already exists: bad input (exit status 2), nothing is overwritten."""

    exit_code = 2


class StoreMissingError(StoreError):
    """--db names no store: bad input (exit status 2)."""

    exit_code = 2
