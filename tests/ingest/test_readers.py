"""read_inputs over every format and every kind of bad input: one Failure each, the rest still produced."""

from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronicle.ingest import DEFAULT_MAX_BYTES, article_from_html, read_inputs
from chronicle.ingest.language import identifier
from chronicle.ingest.readers import sniff
from chronicle.records import Article, Failure

STORY = (
    "Rescue Teams Reach Cut-Off Villages\n\n"
    "Rescue teams reached four villages cut off by landslides in the northern hills on Thursday, "
    "the regional emergency service said, after two days of heavy rain destroyed bridges and roads.\n\n"
    '"The people there have been without power since Tuesday," the service\'s spokesman told reporters, '
    "adding that helicopters had delivered food and medicine to more than 300 families."
)
GERMAN = (
    "Die Regierung hat am Dienstag neue Hilfen für die Bauern im Norden des Landes angekündigt. "
    "Der Minister sagte, dass mehr als zweihundert Betriebe von der Dürre betroffen seien und dass "
    "die Zahlungen noch vor dem Ende des Monats beginnen sollen. Die Opposition kritisierte den Plan."
)


def page(headline: str, paragraph: str) -> str:
    return (
        f"<html><head><title>{headline}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{headline}</h1><p>{paragraph}</p>"
        "<p>Officials said the work would continue through the weekend, and that more than 40 engineers "
        "had been sent from the capital to inspect the damaged bridges before traffic could resume.</p>"
        "</article><footer>Share this article</footer></body></html>"
    )


HTML = page(
    "Engineers Inspect Damaged Bridges",
    "Engineers began inspecting 12 bridges damaged by the floods on Monday, the transport ministry said, "
    "warning that some roads in the east of the country could stay closed for weeks.",
)


def results(paths, **kwargs) -> tuple[list[Article], list[Failure]]:
    items = list(read_inputs([str(p) for p in paths], **kwargs))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def reason(failures: list[Failure], input_: Path | str) -> str:
    matching = [f for f in failures if f.input == str(input_)]
    assert len(matching) == 1, failures
    return matching[0].reason


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def assert_good_still_read(articles: list[Article], good: Path) -> None:
    assert [a.input for a in articles] == [str(good)]
    assert articles[0].title == "Rescue Teams Reach Cut-Off Villages"


# --- plain text and HTML ---------------------------------------------------------------------------


def test_text_file_becomes_article(good):
    articles, failures = results([good])
    assert not failures
    (article,) = articles
    assert article.text.startswith("Rescue Teams Reach Cut-Off Villages\n\nRescue teams reached")
    assert article.language == "en" and article.word_count == len(article.text.split())


def test_html_file_main_text_and_metadata(tmp_path, good):
    path = tmp_path / "bridges.html"
    html = HTML.replace(
        "<head>",
        "<head><meta name='author' content='Ana Lind'><meta property='og:site_name' content='Example Wire'>"
        "<meta property='article:published_time' content='2024-05-06T08:00:00Z'>",
    )
    path.write_text(html, encoding="utf-8")
    articles, failures = results([path, good])
    assert not failures
    article = articles[0]
    assert article.title == "Engineers Inspect Damaged Bridges"
    assert article.author == "Ana Lind" and article.source == "Example Wire"
    assert str(article.published) == "2024-05-06"
    assert article.text.split("\n\n")[0] == "Engineers Inspect Damaged Bridges"
    assert "Engineers began inspecting 12 bridges" in article.text
    assert "Share this article" not in article.text and "Home" not in article.text


def test_article_from_html_arguments_win():
    article = article_from_html(HTML.encode(), input="x", url="https://example.org/a", source="Given")
    assert article.url == "https://example.org/a" and article.source == "Given"


def test_file_without_extension_is_sniffed(tmp_path):
    (tmp_path / "story").write_text(STORY)
    (tmp_path / "page").write_text(HTML)
    (tmp_path / "feed").write_bytes(gzip.compress(json.dumps({"text": STORY, "title": "From A Feed"}).encode()))
    (tmp_path / "crawl").write_bytes(warc_bytes(True, warc_pages()[:1]))
    articles, failures = results([tmp_path / name for name in ("story", "page", "feed", "crawl")])
    assert not failures
    assert [a.title for a in articles] == [
        "Rescue Teams Reach Cut-Off Villages",
        "Engineers Inspect Damaged Bridges",
        "From A Feed",
        "Engineers Inspect Damaged Bridges",
    ]
    assert articles[2].input == f"{tmp_path / 'feed'}#L1"
    assert articles[3].input.startswith(f"{tmp_path / 'crawl'}#")


# --- bad input -------------------------------------------------------------------------------------


def test_empty_file(tmp_path, good):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    articles, failures = results([tmp_path / "empty.txt", tmp_path / "blank.txt", good])
    assert reason(failures, tmp_path / "empty.txt") == "empty file"
    assert reason(failures, tmp_path / "blank.txt") == "empty file (only whitespace)"
    assert_good_still_read(articles, good)


def test_binary_file(tmp_path, good):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, failures = results([path, good])
    assert reason(failures, path) == "binary file (contains NUL bytes)"
    assert_good_still_read(articles, good)


def test_stray_invalid_byte_is_replaced_with_a_warning(tmp_path, good):
    path = tmp_path / "stray.txt"
    path.write_bytes("Caf\u00e9 owners protest new tax".encode("latin-1"))
    items = list(read_inputs([str(path), str(good)]))
    warning, article = items[0], items[1]
    assert isinstance(warning, Failure) and warning.status == "warning"
    assert warning.reason == "invalid UTF-8 at byte 3: 1 invalid sequence replaced by U+FFFD"
    assert isinstance(article, Article) and article.text == "Caf\ufffd owners protest new tax"
    assert warning.article_id == article.id
    assert_good_still_read([i for i in items if isinstance(i, Article)][1:], good)


def test_text_in_another_encoding_is_not_guessed(tmp_path, good):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Caf\u00e9 owners protest new r\u00e8gles in M\u00fcnchen. " * 10).encode("latin-1"))
    articles, failures = results([path, good])
    assert reason(failures, path) == "invalid UTF-8 at byte 3 (30 invalid sequences: not UTF-8 text)"
    assert_good_still_read(articles, good)


def test_stray_byte_in_a_jsonl_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    line = json.dumps({"text": STORY}).encode("utf-8").replace(b"villages", b"vill\xe4ges", 1)
    path.write_bytes(line + b"\n")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Failure", "Article"]
    assert items[0].status == "warning" and items[0].input == f"{path}#L1"
    assert "\ufffd" in items[1].text


def test_html_without_article_body(tmp_path, good):
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    articles, failures = results([path, good])
    assert reason(failures, path) == "no article body found in HTML"
    assert_good_still_read(articles, good)


def test_file_over_the_limit_is_refused_by_size_without_reading(tmp_path, good):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, instant to create
        fh.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    articles, failures = results([path, good])
    assert time.perf_counter() - start < 2
    assert reason(failures, path) == f"file too large (52428800 bytes; the limit is {DEFAULT_MAX_BYTES})"
    assert_good_still_read(articles, good)
    _, small_limit = results([good], max_bytes=100)
    assert reason(small_limit, good).startswith("file too large")


@pytest.mark.parametrize("name", ["photo.png", "report.pdf", "bundle.zip"])
def test_unsupported_file_type(tmp_path, good, name):
    path = tmp_path / name
    path.write_bytes(b"not read at all")
    articles, failures = results([path, good])
    suffix = Path(name).suffix
    assert reason(failures, path) == f"unsupported file type {suffix!r}"
    assert failures[0].status == "failed"
    assert_good_still_read(articles, good)


def test_non_english_article_is_skipped(tmp_path, good):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    articles, failures = results([path, good])
    assert reason(failures, path) == "not English (detected 'de')"
    assert failures[0].status == "skipped"
    assert_good_still_read(articles, good)


def test_short_text_of_foreign_names_is_not_skipped():
    text = "Jurgaitienė met Petrauskas in Vilnius."
    assert identifier().classify(text)[0] != "en"  # langid alone would skip it
    (article,) = read_inputs(["-"], stdin=io.BytesIO(text.encode()))
    assert isinstance(article, Article) and article.language == "en"


def test_missing_path(tmp_path, good):
    missing = tmp_path / "nowhere.txt"
    articles, failures = results([missing, good])
    assert reason(failures, missing) == "no such file or directory"
    assert_good_still_read(articles, good)


def test_stream_is_lazy_and_keeps_order(tmp_path, good):
    stream = read_inputs([str(good), str(tmp_path / "missing.txt")])
    first = next(stream)
    assert isinstance(first, Article)
    assert isinstance(next(stream), Failure)
    assert next(stream, None) is None


# --- directories -----------------------------------------------------------------------------------


def test_directory_is_read_recursively_sorted_skipping_hidden(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "b" / "deeper" / "z.txt").write_text(STORY.replace("four villages", "five villages"))
    (root / "a.txt").write_text(STORY)
    (root / ".hidden.txt").write_text(STORY.replace("four", "six"))
    (root / ".cache" / "c.txt").write_text(STORY.replace("four", "seven"))
    (root / "notes.md").write_text("# notes")
    articles, failures = results([root])
    assert [a.input for a in articles] == [str(root / "a.txt"), str(root / "b" / "deeper" / "z.txt")]
    # a file of another type met while walking a directory is skipped, not failed
    assert [(f.input, f.status) for f in failures] == [(str(root / "notes.md"), "skipped")]


def test_directory_with_no_readable_articles(tmp_path, good):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    empty = tmp_path / "nothing"
    empty.mkdir()
    articles, failures = results([bad, empty, good])
    assert reason(failures, bad / "empty.txt") == "empty file"
    assert reason(failures, bad) == "no readable articles in directory"
    assert reason(failures, empty) == "no readable articles in directory"
    assert_good_still_read(articles, good)


# --- JSON Lines ------------------------------------------------------------------------------------


def jsonl_lines() -> list[str]:
    body = STORY.split("\n\n", 1)[1]
    return [
        json.dumps({"text": body, "title": "Villages Reached", "url": "https://e.org/1", "date": "2024-02-01"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"title": "No body"}),
        json.dumps({"text": body, "date": "yesterday"}),
        json.dumps({"html": HTML, "author": "Ana Lind", "source": "Example Wire"}),
        json.dumps({"text": GERMAN}),
    ]


@pytest.mark.parametrize("name", ["wire.jsonl", "wire.ndjson", "wire.jsonl.gz"])
def test_jsonl_bad_lines_fail_alone(tmp_path, good, name):
    path = tmp_path / name
    data = ("\n".join(jsonl_lines()) + "\n").encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    articles, failures = results([path, good])
    by_input = {a.input: a for a in articles}
    first = by_input[f"{path}#L1"]
    assert first.title == "Villages Reached" and first.url == "https://e.org/1"
    assert str(first.published) == "2024-02-01"
    assert first.text.startswith("Villages Reached\n\nRescue teams reached")
    html = by_input[f"{path}#L7"]
    assert html.title == "Engineers Inspect Damaged Bridges" and html.author == "Ana Lind"
    assert html.source == "Example Wire"
    assert reason(failures, f"{path}#L2").startswith("malformed JSON line: Expecting property name")
    assert reason(failures, f"{path}#L4") == "malformed JSON line: expected an object, got list"
    assert reason(failures, f"{path}#L5") == "malformed JSON line: no non-empty 'text' or 'html' field"
    assert reason(failures, f"{path}#L6") == "malformed JSON line: 'date' is not an ISO date: 'yesterday'"
    assert reason(failures, f"{path}#L8") == "not English (detected 'de')"
    assert not [f for f in failures if f.input.endswith("#L3")]  # blank lines are not articles
    assert str(good) in by_input


def test_jsonl_truncated_gzip(tmp_path, good):
    path = tmp_path / "cut.jsonl.gz"
    lines = [json.dumps({"text": STORY.replace("four", str(n))}) for n in range(200)]
    data = gzip.compress("\n".join(lines).encode())
    path.write_bytes(data[: len(data) // 2])
    articles, failures = results([path, good])
    assert reason(failures, path).startswith("corrupt compressed stream after line")
    assert len(articles) > 1 and articles[-1].input == str(good)


def test_jsonl_overlong_line_is_refused(tmp_path, good):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "word " * 300}) + "\n" + json.dumps({"text": STORY}) + "\n")
    articles, failures = results([path], max_bytes=1000)
    assert reason(failures, f"{path}#L1") == "line longer than the limit of 1000 bytes"
    assert [a.input for a in articles] == [f"{path}#L2"]


# --- WARC ------------------------------------------------------------------------------------------


def warc_bytes(gz: bool, pages: list[str]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "chronicle tests"}))
    for n, html in enumerate(pages):
        ctype = "text/html; charset=utf-8" if n != 1 else "image/png"
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        if n == 2:  # a redirect page before the real one: passed over
            redirect = StatusAndHeaders("301 Moved", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            moved = b"<html><body><p>This page has moved to a new address on the same site.</p></body></html>"
            writer.write_record(
                writer.create_warc_record(
                    "https://example.org/old", "response", payload=io.BytesIO(moved), http_headers=redirect
                )
            )
        record = writer.create_warc_record(
            f"https://example.org/{n}", "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def warc_pages() -> list[str]:
    places = ["Corvel", "Haldane", "Lorren", "Tessin"]
    return [HTML.replace("12 bridges", f"{n + 12} bridges in {place}") for n, place in enumerate(places)]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_articles(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(warc_bytes(gz, warc_pages()))
    articles, failures = results([path])
    assert not failures
    assert [a.url for a in articles] == ["https://example.org/0", "https://example.org/2", "https://example.org/3"]
    assert all(a.input.startswith(f"{path}#") and a.input.split("#")[1].isdigit() for a in articles)
    assert len({a.id for a in articles}) == 3


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_records_before_the_damage(tmp_path, good, gz):
    data = warc_bytes(gz, warc_pages())
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: len(data) - 200])  # cut inside the last record
    articles, failures = results([path, good])
    assert [a.url for a in articles if a.input != str(good)] == ["https://example.org/0", "https://example.org/2"]
    assert reason(failures, path).startswith("truncated or corrupt WARC after 2 HTML records")
    assert_good_still_read([a for a in articles if a.input == str(good)], good)


def test_warc_without_html(tmp_path):
    path = tmp_path / "info.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "chronicle tests"}))
    path.write_bytes(buffer.getvalue())
    _, failures = results([path])
    assert reason(failures, path) == "no HTML responses in WARC"


# --- stdin -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (STORY.encode(), "Rescue Teams Reach Cut-Off Villages"),
        (HTML.encode(), "Engineers Inspect Damaged Bridges"),
        (json.dumps({"text": STORY}).encode() + b"\n", "Rescue Teams Reach Cut-Off Villages"),
        (gzip.compress(json.dumps({"html": HTML}).encode()), "Engineers Inspect Damaged Bridges"),
    ],
)
def test_stdin_format_is_sniffed(data, title):
    (article,) = read_inputs(["-"], stdin=io.BytesIO(data))
    assert isinstance(article, Article) and article.title == title
    assert article.input.startswith("-")


def test_stdin_warc_and_bad_stdin():
    items = list(read_inputs(["-"], stdin=io.BytesIO(warc_bytes(True, warc_pages()))))
    assert [i.input.split("#")[0] for i in items] == ["-", "-", "-"]
    (empty,) = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert empty.message() == "-: empty input"
    (large,) = read_inputs(["-"], stdin=io.BytesIO(STORY.encode()), max_bytes=10)
    assert large.message() == "-: input larger than the limit of 10 bytes"


def test_sniff():
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b'\n{"text": "x"}') == "jsonl"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"Minister Resigns\n\nThe minister") == "text"
