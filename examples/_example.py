"""What the example scripts share: warnings as one plain line, a missing file as one line,
and a budget with problems as its problems, each on stderr."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import prestatie


def plain_warning(message: Warning | str, *_: object) -> str:
    """A warning as one plain line, without the source line Python shows by default."""
    return f"Waarschuwing: {message}\n"


def start(*paths: Path) -> None:
    """Show warnings as plain lines, and stop with exit code 2 when a file is missing."""
    warnings.formatwarning = plain_warning
    for path in paths:
        if not path.is_file():
            print(f"{path}: bestand niet gevonden (file not found)", file=sys.stderr)
            raise SystemExit(2)


def read(path: Path) -> prestatie.Budget:
    """The budget in `path`; with problems, they go to stderr and the exit code is 1."""
    try:
        return prestatie.read_budget(path)
    except prestatie.PrestatieError as error:
        print(error, file=sys.stderr)
        raise SystemExit(1) from None
