"""Atomic file writes: a failed write leaves an existing file byte-identical."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from prestatie._errors import InvalidValueError


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], None]) -> None:
    """Call `write` with a temporary path in the folder of `path`, then rename it to `path`.

    The rename is atomic on one file system, so readers see the old file or the new one,
    never a half-written one; if `write` raises, the temporary file is removed and `path`
    is untouched. The new file gets the permissions of the file it replaces (or the usual
    permissions of a new file), not the private ones of a temporary file.

    A path holding a control character is refused before anything is written
    (`InvalidValueError`); an `OSError` names `path`, not the temporary file.
    """
    target = Path(path)
    _refuse_control_characters(target)
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _naming(exc, target.parent) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, _mode_for(target))
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise _naming(exc, target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def check_destination(
    path: str | os.PathLike[str], suffixes: tuple[str, ...], *, force: bool
) -> None:
    """The rule every writer follows before it writes: a path holding a control character or
    whose extension is none of `suffixes` is refused (`InvalidValueError`), a folder too
    (`IsADirectoryError`), and an existing file unless `force` (`FileExistsError`)."""
    target = Path(path)
    _refuse_control_characters(target)
    suffix = target.suffix.lower()
    if suffix not in suffixes:
        found = repr(suffix) if suffix else "no extension"
        expected = " or ".join(suffixes)
        raise InvalidValueError(f"{path}: expected a {expected} file, got {found}")
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not force and target.exists():
        raise FileExistsError(f"{path} exists: pass force=True to replace it")


def _refuse_control_characters(target: Path) -> None:
    text = str(target)
    control = next((c for c in text if unicodedata.category(c) == "Cc"), None)
    if control is not None:
        raise InvalidValueError(
            f"{text!r}: holds the control character {control!r} (U+{ord(control):04X}):"
            " expected a file name without control characters"
        )


def _naming(exc: OSError, path: Path) -> OSError:
    """The same error, naming `path` instead of the temporary file."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(path))


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
