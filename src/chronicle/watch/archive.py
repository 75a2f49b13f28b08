"""The watcher's WARC files: every fetched page kept as a response record, for provenance and re-processing.

One gzipped WARC per watch round, named by time and process; each record is flushed and synced
before the page counts as fetched, so a killed watcher leaves at most one record cut short (the
WARC reader stops there and reports it). The body is stored decoded: the Content-Encoding and
Transfer-Encoding headers are dropped and Content-Length is set to the stored length.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronicle.watch.fetch import Fetched

_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
_REASONS = {200: "OK", 203: "Non-Authoritative Information", 301: "Moved Permanently", 302: "Found",
            304: "Not Modified", 404: "Not Found", 410: "Gone", 500: "Internal Server Error"}


class Archive:
    """A WARC file opened on the first record and closed by `close()`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self._file: BinaryIO | None = None
        self._writer: WARCWriter | None = None

    def write(self, fetched: Fetched) -> None:
        """Append one response record (with its final URL) and make it durable."""
        if self._writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
            self.path = self.folder / f"chronicle-{stamp}-{os.getpid()}.warc.gz"
            self._file = open(self.path, "xb")  # noqa: SIM115 (kept open across records, closed in close())
            self._writer = WARCWriter(self._file, gzip=True)
        assert self._file is not None
        headers = [(k, v) for k, v in fetched.headers.items() if k not in _DROPPED_HEADERS]
        headers.append(("Content-Length", str(len(fetched.body))))
        status = f"{fetched.status} {_REASONS.get(fetched.status, 'Status')}"
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        record = self._writer.create_warc_record(fetched.final_url or fetched.url, "response",
                                                 payload=io.BytesIO(fetched.body), http_headers=http)
        self._writer.write_record(record)
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> Path | None:
        """Close the file; returns its path, or None when nothing was written."""
        if self._file is not None:
            self._file.close()
        path, self.path, self._file, self._writer = self.path, None, None, None
        return path
