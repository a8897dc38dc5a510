"""PDFs of the documents, made from their .docx by LibreOffice headless, so that the secretary can print from any
machine exactly what an office without Word would see. LibreOffice is not a dependency of runsheet: where it is not
installed, `available()` says so and the commands refuse --pdf before writing anything."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..errors import DomainError

TIMEOUT = 300  # seconds: a national attendance sheet (1,600 rows) is the longest (the entry log is document_pdf's)
COMMANDS = ("soffice", "libreoffice")


def office() -> str | None:
    """The LibreOffice program, if installed."""
    return next((found for name in COMMANDS if (found := shutil.which(name))), None)


def require() -> str:
    """The LibreOffice program, or a refusal saying how to install it (before anything is written)."""
    program = office()
    if program is None:
        raise DomainError("pdf.err.no_office")
    return program


def to_pdf(docx_paths: list[str]) -> list[str]:
    """Convert each .docx to a .pdf beside it (the same name); the PDFs written. DomainError when LibreOffice fails.
    A private LibreOffice profile each time: an office program the secretary has open is not disturbed."""
    program = require()
    written = []
    with tempfile.TemporaryDirectory(prefix="runsheet-office-") as profile:
        for path in docx_paths:
            folder = os.path.dirname(os.path.abspath(path))
            try:
                done = subprocess.run([program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                                       "--convert-to", "pdf", "--outdir", folder, path],
                                      capture_output=True, text=True, timeout=TIMEOUT)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise DomainError("pdf.err.failed", path=path, problem=str(exc)) from None
            pdf = os.path.splitext(path)[0] + ".pdf"
            if done.returncode != 0 or not os.path.isfile(pdf):
                problem = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]
                raise DomainError("pdf.err.failed", path=path, problem=problem[0])
            written.append(pdf)
    return written
