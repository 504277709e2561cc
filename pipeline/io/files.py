"""Output: atomic JSON files, the errors log, and corpus-level tables."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

ERRORS_FILE = "errors.jsonl"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# The mode a plain open() would give: 0666 less the process's umask.
_FILE_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write through a temporary file and rename, so a reader or a killed run never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        os.fchmod(fd, _FILE_MODE)  # mkstemp makes 0600; outputs are read by others, as any file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files a killed run left behind; the finished files beside them are whole."""
    for path in out_dir.glob(".*.tmp"):
        path.unlink(missing_ok=True)


class ErrorLog:
    """errors.jsonl: one line per input that could not be processed, written as it happens."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / ERRORS_FILE
        self.path.write_text("", encoding="utf-8")

    def add(self, source: str, kind: str, message: str) -> None:
        line = json.dumps({"source": source, "error": kind, "message": message}, ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def finish(self) -> None:
        """Sort the log by input, so it reads the same whatever the engine or process count."""
        lines = sorted(set(self.path.read_text(encoding="utf-8").splitlines()))
        write_atomic(self.path, "".join(line + "\n" for line in lines))
