"""Run LibreOffice headless as a real foreign client of the workbooks we write."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

MISSING = "LibreOffice (soffice) is not installed: the foreign-client tests cannot run"


def require_soffice() -> None:
    """Skip without LibreOffice, except in CI (CI=true), where its absence fails the test:
    CI must not turn green without the real client having checked the workbooks."""
    if shutil.which("soffice") is not None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{MISSING}; CI=true requires it (apt: libreoffice-calc-nogui)", pytrace=False)
    pytest.skip(MISSING)


needs_soffice = pytest.mark.usefixtures("soffice_installed")
"""Mark a test that runs LibreOffice: see `require_soffice`."""

# Comma-separated, UTF-8, raw values rather than as shown, every sheet to FILE-Sheet.csv.
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def soffice(convert_to: str, outdir: Path, *files: Path, infilter: str | None = None) -> None:
    """Convert `files` with a fresh LibreOffice profile, so that parallel runs do not meet;
    `infilter` gives the import filter and its options, as LibreOffice's --infilter."""
    profile = Path(tempfile.gettempdir()) / f"lo-{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                *([f"--infilter={infilter}"] if infilter else []),
                "--convert-to",
                convert_to,
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def sheet_csv(path: Path, sheet: str) -> list[list[str]]:
    """The rows of one sheet as LibreOffice computes and exports them."""
    outdir = path.parent / f"csv-{path.stem}"
    if not outdir.exists():
        outdir.mkdir()
        soffice(ALL_SHEETS_CSV, outdir, path)
    with open(outdir / f"{path.stem}-{sheet}.csv", encoding="utf-8", newline="") as file:
        return list(csv.reader(file))
