"""The watcher's memory across restarts: validators per source, pages already fetched, WARCs to ingest.

A JSON file written atomically (a temporary file, fsync, rename), so a watcher killed at any moment
leaves the previous or the new state, never half of one. Format (version 1):

    {"version": 1,
     "sources": {url: {"etag": str|null, "last_modified": str|null}},
     "pages": {url: {"status": "fetched"|"failed", "attempts": int, "reason": str|null,
                     "permanent": bool (failed only: the error will not pass)}},
     "warcs": {file name: "pending"|"ingested"}}
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

VERSION = 1


@dataclass
class State:
    sources: dict[str, dict[str, str | None]] = field(default_factory=dict)
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    warcs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> State:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"{path}: watch state version {data.get('version')!r}, expected {VERSION}")
        return cls(data.get("sources", {}), data.get("pages", {}), data.get("warcs", {}))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": VERSION, **asdict(self)}, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise

    def done(self, url: str, max_attempts: int) -> bool:
        """Fetched, failed for good, or tried `max_attempts` times: not to be fetched again."""
        page = self.pages.get(url)
        if page is None:
            return False
        return page["status"] == "fetched" or page.get("permanent", False) or page["attempts"] >= max_attempts
