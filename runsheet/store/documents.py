"""The congress documents' folder beside the store (FILE.documents/): each declared document of the scenario is
copied there at `new` as its id and extension, and read from there by the hall's pages, by id alone."""

from __future__ import annotations

from pathlib import Path

from ..rules.scenario import Document


def documents_folder(db: str) -> Path:
    return Path(f"{db}.documents")


def document_path(db: str, document: Document) -> Path:
    return documents_folder(db) / f"{document.id}{document.suffix}"
