"""Reading inputs: files, directories and stdin in text, HTML, JSON Lines and WARC, as a stream.

`read_inputs` never raises for bad input: every input that yields no article yields a `Failure`
naming it and the reason. Memory stays bounded: single-article files are refused by their `stat`
size before being read, JSONL is read line by line and WARC record by record, each line or record
capped at `max_bytes`.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Literal

from warcio.archiveiterator import ArchiveIterator

from chronicle.ingest.articles import IngestError, article_from_html, article_from_text, parse_date
from chronicle.records import Article, Failure

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

Format = Literal["text", "html", "jsonl", "warc"]

# Suffixes (lower case, longest first) and the format they hold; a file without a suffix is sniffed.
SUFFIXES: tuple[tuple[str, Format], ...] = (
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".warc.gz", "warc"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".txt", "text"),
    (".text", "text"),
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
SNIFF_BYTES = 4096
GZIP_MAGIC = b"\x1f\x8b"

Result = Article | Failure


def read_inputs(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Result]:
    """Articles and Failures from files, directories (recursive, sorted, hidden files skipped) and '-'."""
    for path in map(os.fspath, paths):  # str or Path alike
        if path == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        else:
            yield from read_path(path, max_bytes)


def read_path(path: str, max_bytes: int) -> Iterator[Result]:
    try:
        is_dir = Path(path).is_dir()
        size = 0 if is_dir else os.stat(path).st_size
    except OSError as exc:
        yield Failure(input=path, reason=os_reason(exc))
        return
    if is_dir:
        yield from read_directory(path, max_bytes)
    else:
        yield from read_file(path, size, max_bytes, explicit=True)


def read_directory(path: str, max_bytes: int) -> Iterator[Result]:
    """Every file under `path`; the directory itself fails when none of them gave an article."""
    articles = 0
    for file in walk(path):
        try:
            size = os.stat(file).st_size
        except OSError as exc:
            yield Failure(input=file, reason=os_reason(exc))
            continue
        for result in read_file(file, size, max_bytes, explicit=False):
            articles += isinstance(result, Article)
            yield result
    if not articles:
        yield Failure(input=path, reason="no readable articles in directory")


def walk(path: str) -> Iterator[str]:
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def read_file(path: str, size: int, max_bytes: int, *, explicit: bool) -> Iterator[Result]:
    """One file. An unsupported type named on the command line fails; one met in a directory walk
    (a README next to the articles) is only skipped."""
    fmt = format_for_name(path)
    if fmt is None:
        suffix = Path(path).suffix.lower()
        if suffix:
            status = "failed" if explicit else "skipped"
            yield Failure(input=path, reason=f"unsupported file type {suffix!r}", status=status)
            return
    if size == 0:
        yield Failure(input=path, reason="empty file")
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
            fh.seek(0)
            fmt = fmt or sniff(head)
            if fmt == "jsonl":
                with maybe_gunzip(fh, head.startswith(GZIP_MAGIC)) as stream:
                    yield from read_jsonl(stream, path, max_bytes)
            elif fmt == "warc":
                yield from read_warc(fh, path, max_bytes)
            elif size > max_bytes:
                yield Failure(input=path, reason=too_large(size, max_bytes))
            else:
                yield from article_from_bytes(fh.read(), fmt, input=path)
    except OSError as exc:
        yield Failure(input=path, reason=os_reason(exc))


def read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Result]:
    """stdin is read whole (up to max_bytes) so its format can be sniffed, then handled like a file."""
    data = stream.read(max_bytes + 1)
    if not data:
        yield Failure(input="-", reason="empty input")
        return
    if len(data) > max_bytes:
        yield Failure(input="-", reason=f"input larger than the limit of {max_bytes} bytes")
        return
    fmt = sniff(data[:SNIFF_BYTES])
    if fmt == "jsonl":
        with maybe_gunzip(io.BytesIO(data), data.startswith(GZIP_MAGIC)) as stream:
            yield from read_jsonl(stream, "-", max_bytes)
    elif fmt == "warc":
        yield from read_warc(io.BytesIO(data), "-", max_bytes)
    else:
        yield from article_from_bytes(data, fmt, input="-")


def maybe_gunzip(stream: BinaryIO, compressed: bool) -> contextlib.AbstractContextManager[BinaryIO]:
    return gzip.GzipFile(fileobj=stream) if compressed else contextlib.nullcontext(stream)


def format_for_name(path: str) -> Format | None:
    name = path.lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return fmt
    return None


def sniff(head: bytes) -> Format:
    """Format from the first bytes: WARC magic (plain or gzipped), a JSON object line, markup, else text."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
        except zlib.error:
            return "text"  # not really gzip: decoding will report it as binary
        if not head.startswith(b"WARC/"):
            return "jsonl"
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in start or b"<head" in start:
        return "html"
    return "text"


def article_from_bytes(data: bytes, fmt: Format, *, input: str) -> Iterator[Result]:
    """The article of one file or stdin, preceded by a warning Failure when bytes had to be replaced."""
    try:
        if fmt == "html":
            check_binary(data, input)
            yield article_from_html(data, input=input)
            return
        text, warning = decode(data, input)
        if not text.strip():
            raise IngestError(input, "empty file (only whitespace)")
        yield from with_warning(article_from_text(text, input=input), warning)
    except IngestError as exc:
        yield exc.failure()


def with_warning(article: Article, warning: str | None) -> Iterator[Result]:
    if warning is not None:
        yield Failure(input=article.input, article_id=article.id, reason=warning, status="warning")
    yield article


def check_binary(data: bytes, input: str) -> None:
    if b"\x00" in data:
        raise IngestError(input, "binary file (contains NUL bytes)")


STRAY_BYTES = 3
"""Invalid UTF-8 sequences always replaced; beyond this, up to STRAY_SHARE of the input's bytes."""
STRAY_SHARE = 0.01
REPLACEMENT = "\ufffd"


def decode(data: bytes, input: str) -> tuple[str, str | None]:
    """UTF-8 (a BOM is allowed) and, when a few bytes were invalid, the warning that says so.

    A stray invalid byte (a truncated copy-paste, one Latin-1 character) is replaced by U+FFFD and
    the article kept. Text with more invalid bytes than a stray few is in another encoding, and
    guessing which one would silently corrupt names and quotes: it fails, naming the first byte.
    """
    check_binary(data, input)
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first = exc.start + bom
    text = data.decode("utf-8-sig", errors="replace")
    invalid = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode("utf-8"))
    if invalid > max(STRAY_BYTES, STRAY_SHARE * len(data)):
        raise IngestError(input, f"invalid UTF-8 at byte {first} ({invalid} invalid sequences: not UTF-8 text)")
    plural = "s" if invalid > 1 else ""
    return text, f"invalid UTF-8 at byte {first}: {invalid} invalid sequence{plural} replaced by U+FFFD"


def read_jsonl(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Result]:
    """One article per line; a bad line fails alone (input `path#L<n>`), the others go on."""
    produced = 0
    number = 0
    try:
        while line := stream.readline(max_bytes + 1):
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                yield Failure(input=f"{path}#L{number}", reason=f"line longer than the limit of {max_bytes} bytes")
                while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the overlong line without holding it
                produced += 1
                continue
            if line.strip():
                produced += 1
                yield from article_from_json_line(line, f"{path}#L{number}")
    except (OSError, EOFError, zlib.error) as exc:  # corrupt or truncated gzip
        yield Failure(input=path, reason=f"corrupt compressed stream after line {number}: {exc}")
        return
    if not produced:
        yield Failure(input=path, reason="no articles in JSON Lines file (only blank lines)")


def article_from_json_line(line: bytes, input: str) -> Iterator[Result]:
    """The article of one JSON line, preceded by a warning Failure when bytes had to be replaced."""
    try:
        text, warning = decode(line, input)
        yield from with_warning(article_from_item(json.loads(text), input), warning)
    except json.JSONDecodeError as exc:
        yield Failure(input=input, reason=f"malformed JSON line: {exc.msg} at column {exc.colno}")
    except IngestError as exc:
        yield exc.failure()


def article_from_item(item: object, input: str) -> Article:
    """An Article from one decoded JSON line; raises IngestError saying what is wrong with it."""
    if not isinstance(item, dict):
        raise IngestError(input, f"malformed JSON line: expected an object, got {type(item).__name__}")
    fields = {key: item.get(key) for key in ("url", "title", "source", "author")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise IngestError(input, f"malformed JSON line: {key!r} must be a string")
    published = None
    if item.get("date") is not None:
        published = parse_date(item["date"])
        if published is None:
            raise IngestError(input, f"malformed JSON line: 'date' is not an ISO date: {item['date']!r}")
    text, html = item.get("text"), item.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(text, input=input, published=published, **fields)
    if isinstance(html, str) and html.strip():
        article = article_from_html(html, input=input, url=fields["url"], published=published, source=fields["source"])
        overrides = {k: v for k, v in (("title", fields["title"]), ("author", fields["author"])) if v}
        return article.model_copy(update=overrides) if overrides else article
    raise IngestError(input, "malformed JSON line: no non-empty 'text' or 'html' field")


def read_warc(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Result]:
    """Successful (2xx) HTTP responses with an HTML content type, one article each (input `path#<offset>`).

    A truncated or corrupt archive yields the records before the damage and then one Failure.
    warcio reads a cut-off archive quietly (a short last record, or none), so each record is checked
    for a short payload or an unfinished gzip member, and the bytes after the last record must be blank.
    """
    html_records = 0
    end = 0
    iterator = ArchiveIterator(stream)
    try:
        for record in iterator:
            http = record.http_headers
            content_type = ((http.get_header("Content-Type") if http else None) or "").lower()
            # redirects and error pages carry HTML too, but no article
            ok = http is not None and (http.get_statuscode() or "").startswith("2")
            wanted = record.rec_type == "response" and ok and content_type.startswith(HTML_TYPES)
            # the payload must be read before asking for the offset, which consumes the rest of the record
            body = record.content_stream().read(max_bytes + 1) if wanted else b""
            offset = iterator.get_record_offset()
            end = offset + iterator.get_record_length()
            if record.raw_stream.limit or not member_complete(iterator):
                raise EOFError(f"record at byte {offset} is cut short")
            if wanted:
                html_records += 1
                yield article_from_warc_record(record, body, f"{path}#{offset}", max_bytes)
        stream.seek(end)
        if stream.read(SNIFF_BYTES).strip():
            raise EOFError(f"unreadable data after byte {end}")
    except Exception as exc:  # warcio signals damage with several exception types
        reason = str(exc) or type(exc).__name__
        yield Failure(input=path, reason=f"truncated or corrupt WARC after {html_records} HTML records: {reason}")
        return
    if not html_records:
        yield Failure(input=path, reason="no HTML responses in WARC")


def member_complete(iterator: ArchiveIterator) -> bool:
    """In a gzipped WARC every record is its own gzip member, which must have reached its end."""
    decompressor = iterator.reader.decompressor if iterator.reader else None
    return decompressor is None or getattr(decompressor, "eof", True)


def article_from_warc_record(record, body: bytes, input: str, max_bytes: int) -> Result:
    if len(body) > max_bytes:
        return Failure(input=input, reason=f"record larger than the limit of {max_bytes} bytes")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        # WARC-Date is the crawl time, not publication: the page's own date (via trafilatura) is used
        return article_from_html(body, input=input, url=url)
    except IngestError as exc:
        return exc.failure()


def too_large(size: int, max_bytes: int) -> str:
    return f"file too large ({size} bytes; the limit is {max_bytes})"


def os_reason(exc: OSError) -> str:
    """'No such file or directory' -> 'no such file or directory': the OS message, lower-cased."""
    message = exc.strerror or str(exc)
    return message[:1].lower() + message[1:]
