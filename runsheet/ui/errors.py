"""How a screen says an error: in the congress's language where the error knows its text, as one line always."""

from __future__ import annotations

from ..errors import DomainError, RunsheetError, StoreError
from ..texts import say


def describe(error: BaseException, lang: str) -> str:
    if isinstance(error, (DomainError, StoreError)):
        return error.text(lang)
    if isinstance(error, RunsheetError):
        return str(error)
    return say("store.unexpected", lang, kind=type(error).__name__, problem=str(error) or "—")
