"""`chronicle extract` on the seed article: headline as title, furniture gone, actors grouped."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from chronicle.cli import app
from tests.conftest import SEED_ARTICLE

runner = CliRunner()


def test_extract_seed_as_json():
    result = runner.invoke(app, ["extract", str(SEED_ARTICLE), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    [records] = json.loads(result.stdout)
    article = records["article"]
    raw_headline = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()[0]
    assert article["title"] and article["title"] in raw_headline.replace("\u2018", "'").replace("\u2019", "'")
    text = article["text"]
    for furniture in ("Photo by", "Getty Images", "on Twitter", "issues with commenting"):
        assert furniture not in text
    actors = {a["name"]: a for a in records["actors"]}
    for name in ("Dovilė Šakalienė", "Alexander Lukashenko"):
        assert name in actors, sorted(actors)
        surname = name.split()[-1]
        # one person, not several ("the Lukashenko regime" is another actor, an organisation)
        assert [a["name"] for a in records["actors"] if a["kind"] == "person" and surname in a["name"]] == [name]
        mine = actors[name]["id"]
        bodies = {a["id"] for a in records["actors"] if a["kind"] != "person" and surname in a["name"]}
        owners = {mine} | bodies
        spans = [(m["start"], m["end"]) for m in records["mentions"] if m["actor_id"] in owners]
        # every occurrence of the surname lies inside a mention of that actor (or of a named body such as
        # his regime); titles and pronouns may add further mentions
        occurrences = [i for i in range(len(text)) if text.startswith(surname, i)]
        assert occurrences
        missed = [i for i in occurrences if not any(s <= i and i + len(surname) <= e for s, e in spans)]
        assert not missed, (name, [text[i - 30 : i + 30] for i in missed])


def test_query_and_export(tmp_path):
    db = tmp_path / "seed.duckdb"
    assert runner.invoke(app, ["ingest", str(SEED_ARTICLE), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["query", "SELECT count(*) AS n FROM articles", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == [{"n": 1}]
    names = "SELECT name FROM actors ORDER BY name"
    csv_result = runner.invoke(app, ["query", names, "--db", str(db), "--format", "csv"])
    assert "Dovilė Šakalienė" in csv_result.stdout.splitlines()
    bad = runner.invoke(app, ["query", "SELECT nope FROM nowhere", "--db", str(db)])
    assert bad.exit_code == 2 and bad.stderr.startswith("chronicle query: ") and len(bad.stderr.splitlines()) == 1
    write = runner.invoke(app, ["query", "DELETE FROM articles", "--db", str(db)])
    assert write.exit_code == 2  # the store is opened read-only for queries
    out = tmp_path / "export"
    assert runner.invoke(app, ["export", str(out), "--format", "parquet", "--db", str(db)]).exit_code == 0
    assert (out / "articles.parquet").exists() and (out / "failures.parquet").exists()
