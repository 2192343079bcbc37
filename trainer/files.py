"""Files the program writes: every output (export, rejects, PDF, backup, calendar) goes to a
temporary name in the target folder and is renamed over the target only when it is complete,
so a full disk, a killed program or a cancel never leaves a wrong or empty file under the real
name. Temporary files are owner-only (0600 on POSIX) and so is what they become; a fault while
writing becomes an OutputError with its own sentence (disk full, read-only, locked)."""
from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from trainer.errors import ReasonError
from trainer.texts import errors as error_texts

PARTIAL = ".partial"  # what a temporary output's name ends with
STAGED_PREFIX = ".restoring-"  # restore's private copy of the chosen file (db/backup.py)
OWNER_ONLY = 0o600


class OutputError(ReasonError):
    """A file could not be written; the target was left as it was."""

    TEXTS = error_texts.OUTPUT_ERROR  # trainer/texts/errors.py


class FileAccessError(ReasonError):
    """A file or folder the user named could not be used (read or written): which one, why."""

    TEXTS = error_texts.FILE_ACCESS_ERROR  # trainer/texts/errors.py


_ACCESS_REASONS = {errno.EISDIR: "is_folder", errno.ENOTDIR: "not_folder", errno.ENOENT: "missing",
                   errno.EACCES: "denied", errno.EPERM: "denied"}


def file_access_error(exc: OSError) -> FileAccessError:
    """The FileAccessError for an OSError nobody turned into a typed error on the way up."""
    detail = exc.strerror or str(exc)
    if exc.filename is None:
        return FileAccessError("system", detail=detail)
    return FileAccessError(_ACCESS_REASONS.get(exc.errno, "failed"), path=os.fsdecode(exc.filename),
                           detail=detail)


def output_error(exc: OSError, path: str | os.PathLike) -> OutputError:
    """The OutputError for an OSError met while writing `path`."""
    code = exc.errno
    if code == errno.EISDIR or Path(path).is_dir():  # Windows says EACCES for a folder
        return OutputError("is_folder", path=str(path))
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return OutputError("disk_full", path=str(path))
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) and not _windows_locked(exc):
        return OutputError("read_only", path=str(path))
    if code in (errno.EBUSY, errno.ETXTBSY) or _windows_locked(exc):
        return OutputError("locked", path=str(path))
    if code in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):  # EEXIST: a file where a folder goes
        return OutputError("no_folder", path=str(Path(path).parent))
    return OutputError("failed", path=str(path), detail=exc.strerror or str(exc))


def _windows_locked(exc: OSError) -> bool:
    # ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33): the file is open in Excel…
    return getattr(exc, "winerror", None) in (32, 33)


@contextmanager
def atomic_output(path: str | os.PathLike, suffix: str = "") -> Iterator[Path]:
    """The path of a new temporary file beside `path` (named .<name>.<random>.partial, mode
    0600) to write to; renamed over `path` when the block ends without error, removed
    otherwise. An OSError becomes OutputError naming `path`."""
    target = Path(os.path.abspath(os.fspath(path)))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + PARTIAL,
                                        dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise output_error(exc, target) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise output_error(exc, target) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_stream(path: str | os.PathLike) -> Iterator[IO[bytes]]:
    """atomic_output as an open binary stream."""
    with atomic_output(path) as tmp, open(tmp, "wb") as fh:
        yield fh


class FirstErrorStream:
    """A binary file for a writer that cannot be trusted to close cleanly after a failure (the
    zip writer of openpyxl): after the first OSError (a full disk) it keeps the error (`error`,
    for the caller to raise once) and accepts the rest silently, so the writer's own close at
    garbage collection cannot print a second traceback ("Exception ignored in ZipFile.__del__")."""

    def __init__(self, fh) -> None:
        self.fh, self.error, self._at = fh, None, 0

    def _do(self, name: str, *args):
        if self.error is None:
            try:
                return getattr(self.fh, name)(*args)
            except OSError as exc:
                self.error = OSError(exc.errno, exc.strerror, exc.filename)
        return None

    def write(self, data) -> int:
        self._do("write", data)
        self._at += len(data)
        return len(data)

    def tell(self) -> int:
        at = self._do("tell")
        self._at = self._at if at is None else at
        return self._at

    def seek(self, offset: int, whence: int = 0) -> int:
        at = self._do("seek", offset, whence)
        self._at = at if at is not None else offset if whence == 0 else self._at
        return self._at

    def flush(self) -> None:
        self._do("flush")

    def seekable(self) -> bool:
        return True


def _fsync(path: Path) -> None:
    """The data on disk before the rename: a full disk shows here rather than later."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):  # some filesystems cannot fsync
            raise
    finally:
        os.close(fd)


def owner_only_umask() -> int | None:
    """From now on, files and folders this process creates are its owner's only (umask 077 on
    POSIX: database, -wal/-shm, backups, exports, logs). Returns the umask before (None on
    Windows, where new files inherit the user profile's access rights)."""
    if os.name != "posix":
        return None
    return os.umask(0o077)


def make_owner_only(path: str | os.PathLike) -> None:
    """chmod 0600 a file holding personal data, if anyone else may read it (POSIX only)."""
    if os.name != "posix":
        return
    try:
        mode = os.stat(path).st_mode
        if stat.S_IMODE(mode) & 0o077:
            os.chmod(path, OWNER_ONLY)
    except OSError:  # not ours to change (a file of another user): leave it
        pass


def _running(rest: str) -> bool:
    """True when the restore that made .restoring-<pid>… is still running (POSIX)."""
    pid = rest.split(".", 1)[0].split("-", 1)[0]
    if os.name != "posix" or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_leftovers(folder: str | os.PathLike, min_age_seconds: float = 60.0, *,
                     partial: bool = True) -> list[Path]:
    """Deletes temporary outputs (*.partial; not when `partial` is False — a folder of the
    user's may hold other programs' files of that name) and restore copies (.restoring-*) that
    a killed program left in `folder`, once older than `min_age_seconds` (a younger one may
    belong to a program still writing it). Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        name = entry.name
        if not ((partial and name.endswith(PARTIAL)) or name.startswith(STAGED_PREFIX)):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < min_age_seconds:
                continue
            if name.startswith(STAGED_PREFIX) and _running(name[len(STAGED_PREFIX):]):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
