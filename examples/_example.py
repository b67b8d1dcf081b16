"""What the example scripts share: their messages in Dutch (or in English with
PRESTATIE_LANG=en), warnings as one plain line, a missing file as one line, and a budget with
problems as its problems, each on stderr.

The scripts' own messages are written in English and marked with `_`; their Dutch is in the
catalogue locale/nl/LC_MESSAGES/examples.po beside this file (see the README's section
Language). prestatie's problems and warnings render themselves in the same language.
"""

from __future__ import annotations

import argparse
import gettext
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import prestatie

LANGUAGE = os.environ.get("PRESTATIE_LANG", "nl").strip().lower() or "nl"
"""The language of the messages: Dutch unless PRESTATIE_LANG says "en"."""

_TRANSLATION = gettext.translation(
    "examples",
    localedir=Path(__file__).resolve().parent / "locale",
    languages=[LANGUAGE],
    fallback=True,
)


def _(message: str) -> str:
    """`message` in the language of the messages."""
    return _TRANSLATION.gettext(message)


def say(message: str) -> None:
    """A message for the user, on stderr."""
    print(message, file=sys.stderr)


def plain_warning(message: Warning | str, *_args: object) -> str:
    """A warning as one plain line, without the source line Python shows by default."""
    text = message.render(LANGUAGE) if isinstance(message, prestatie.WorkbookWarning) else message
    return _("Warning: {message}").format(message=text) + "\n"


def start(*paths: Path) -> None:
    """Show warnings as plain lines, and stop with exit code 2 when the language is unknown or
    a file is missing."""
    if LANGUAGE not in prestatie.LANGUAGES:
        say(f"PRESTATIE_LANG={LANGUAGE}: expected nl (Nederlands) or en (English)")
        raise SystemExit(2)
    warnings.formatwarning = plain_warning
    for path in paths:
        if not path.is_file():
            say(_("{path}: file not found").format(path=path))
            raise SystemExit(2)


def read(path: Path, mapping: Path | None = None) -> prestatie.Budget:
    """The budget in `path` (a foreign sheet read with its `mapping`); with problems, they go
    to stderr and the exit code is 1."""
    try:
        return prestatie.read_budget(path, mapping=mapping)
    except prestatie.PrestatieError as error:
        say(error.render(LANGUAGE))
        raise SystemExit(1) from None


def write(budget: prestatie.Budget, out: Path, *, force: bool | None = None) -> int:
    """Write `budget` to `out`: exit code 0, or with a message on stderr 2 when `out` exists and
    1 when it cannot be written. `force` replaces an existing file; a script without --force
    passes None, and its message asks for another name."""
    try:
        prestatie.write_budget(budget, out, force=bool(force))
    except FileExistsError:
        if force is None:
            say(_("{out}: already exists; choose another name").format(out=out))
        else:
            say(_("{out}: already exists; replace it with --force").format(out=out))
        return 2
    except OSError as error:
        say(_("{out}: cannot write: {reason}").format(out=out, reason=error.strerror))
        return 1
    return 0


def output_folder(doc: str, argv: Sequence[str] | None, default: Path) -> Path:
    """The folder a script that builds data files writes into: its one optional argument, by
    default `default`, made if missing. `--help` shows the first paragraph of `doc` and
    writes nothing."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=default,
        help="where to write (default: beside this script)",
    )
    folder: Path = parser.parse_args(argv).folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a file of that name, or a folder that cannot be made
        parser.error(f"{folder}: {error.strerror or error}")
    return folder
