"""The output folder: atomic files, the errors log, the lock that gives the folder to one run, and
the rule that nothing is written or deleted through a symbolic link inside it."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ERRORS_FILE = "errors.jsonl"
LOCK_FILE = ".pipeline.lock"
# A temporary file's name says which run made it: `.<name>.<run>.<random>.tmp`.
RUN_ID = f"{os.getpid()}-{os.urandom(3).hex()}"


class FolderUnsafe(Exception):
    """The output folder holds a symbolic link where a run would write, or another run holds it."""


def refuse_link(path: Path) -> None:
    """A clear error instead of writing or deleting through a symbolic link (to a file elsewhere,
    or a folder elsewhere) at a path a run writes."""
    if path.is_symlink():
        raise FolderUnsafe(
            f"{path} is a symbolic link; a run never writes through one (it would change {os.readlink(path)}):"
            " remove the link or choose another --out folder"
        )


def open_no_follow(path: Path, append: bool) -> int:
    """A file descriptor for writing at `path` that refuses to follow a symbolic link."""
    refuse_link(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | (os.O_APPEND if append else os.O_TRUNC)
    try:
        return os.open(path, flags, 0o666)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise FolderUnsafe(f"{path} is a symbolic link; a run never writes through one") from None
        raise


_HELD: set[str] = set()  # the folders (resolved) this process holds


@contextmanager
def folder_lock(out_dir: Path) -> Iterator[None]:
    """The output folder for this run alone: a second run (or `tables`) while one is writing stops at
    once, naming the process that holds it. Taken again inside the same process, it is shared (a run
    updates its tables under its own lock). The lock is the kernel's (flock), so a killed run leaves
    none behind."""
    out_dir.mkdir(parents=True, exist_ok=True)
    key = str(out_dir.resolve())
    if key in _HELD:  # taken further up this process: its holder releases it
        yield
        return
    fd = open_no_follow(out_dir / LOCK_FILE, append=True)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = (out_dir / LOCK_FILE).read_text(encoding="utf-8", errors="replace").strip() or "another process"
        os.close(fd)
        raise FolderUnsafe(f"{out_dir} is in use by another run ({holder}); wait for it to finish") from None
    os.ftruncate(fd, 0)
    os.write(fd, f"process {os.getpid()}\n".encode())
    _HELD.add(key)
    try:
        yield
    finally:
        _HELD.discard(key)
        os.close(fd)  # closing releases the lock


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# The mode a plain open() would give: 0666 less the process's umask.
_FILE_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, content: str | bytes | Iterable[str]) -> None:
    """Write through a temporary file and rename, so a reader or a killed run never sees half a file.
    `content` may be pieces of text, written as they come (a large table is never one string)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_link(path.parent)
    refuse_link(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{RUN_ID}.", suffix=".tmp")
    pieces = [content] if isinstance(content, (str, bytes)) else content
    try:
        os.fchmod(fd, _FILE_MODE)  # mkstemp makes 0600; outputs are read by others, as any file
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files a killed run left behind; the finished files beside them are whole. Called
    under the folder lock, so no other run is writing: none of them is in use."""
    for path in out_dir.glob(".*.tmp"):
        if not path.is_symlink():
            path.unlink(missing_ok=True)


class ErrorLog:
    """errors.jsonl: one line per input that could not be processed, written as it happens."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / ERRORS_FILE
        os.close(open_no_follow(self.path, append=False))

    def add(self, source: str, kind: str, message: str) -> None:
        line = json.dumps({"source": source, "error": kind, "message": message}, ensure_ascii=False)
        with os.fdopen(open_no_follow(self.path, append=True), "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def finish(self) -> None:
        """Sort the log by input, so it reads the same whatever the engine or process count."""
        lines = sorted(set(self.path.read_text(encoding="utf-8").splitlines()))
        write_atomic(self.path, "".join(line + "\n" for line in lines))
