"""Acceptance: one act from three outlets is one group; two days, two groups; copies count once; aliases merge."""

from __future__ import annotations

import datetime as dt
import json

from chronicle.stories.consolidate import consolidate
from chronicle.stories.entities import ActorRow, actor_keys
from tests.stories.conftest import Report

D1, D2, D9 = dt.date(2031, 5, 12), dt.date(2031, 5, 13), dt.date(2031, 5, 20)
ACTORS = [("Halvard Brenn", "person", "NOR"), ("Ostmark Harbour Union", "organisation", "NOR")]

DOCK = [
    Report("Fjord Times", D1, "Brenn orders dockers back to work at Ostmark harbour",
           "Labour minister Halvard Brenn on Monday ordered striking dockers of the Ostmark Harbour Union back to "
           "work, ending a nine-day walkout that stranded forty container ships in the Ostmark fjord.",
           ACTORS, [("COERCE", "Halvard Brenn", "Ostmark Harbour Union", D1)]),
    Report("Nordic Ledger", D1, "Ostmark dock strike ended by ministerial order",
           "The nine-day Ostmark dock strike ended on Monday when labour minister Halvard Brenn ordered the "
           "Ostmark Harbour Union's dockers back to work; forty container ships wait in the fjord.",
           ACTORS, [("COERCE", "Halvard Brenn", "Ostmark Harbour Union", D1)]),
    Report("Coastal Post", D2, "Minister Brenn forces Ostmark dockers to end strike",
           "Ostmark harbour dockers returned on Tuesday after minister Halvard Brenn ordered the Ostmark Harbour "
           "Union to end its nine-day strike, which had left forty container ships idle in the fjord.",
           ACTORS, [("COERCE", "Halvard Brenn", "Ostmark Harbour Union", D1)]),
]


def test_one_act_from_three_outlets_is_one_group(store_with):
    store = store_with(DOCK)
    groups = store.con.execute("SELECT num_articles, num_sources, num_mentions, goldstein, quad_class "
                               "FROM event_groups").fetchall()
    assert groups == [(3, 3, 3, -7.0, 4)]
    members = store.con.execute("SELECT count(*) FROM event_group_members").fetchone()[0]
    assert members == 3
    assert store.con.execute("SELECT count(*), max(num_articles) FROM stories").fetchone() == (1, 3)


def test_same_act_on_different_days_is_two_groups(store_with):
    again = Report("Fjord Times", D9, "Brenn again orders Ostmark dockers back as new strike begins",
                   "A week later the Ostmark Harbour Union walked out again, and labour minister Halvard Brenn once "
                   "more ordered its dockers back to work on Tuesday.",
                   ACTORS, [("COERCE", "Halvard Brenn", "Ostmark Harbour Union", D9)])
    store = store_with([DOCK[0], again])
    dates = store.con.execute("SELECT date, num_articles FROM event_groups ORDER BY date").fetchall()
    assert dates == [(D1, 1), (D9, 1)]


def test_wire_copy_is_marked_and_counted_once(store_with):
    original = DOCK[0]
    copy = Report("Harbour Daily", D1, original.title, original.body + " (Fjord Times wire)",
                  ACTORS, original.events)
    store = store_with([original, copy])
    marked = store.con.execute("SELECT count(*) FROM story_articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    assert marked == 1
    assert store.con.execute("SELECT num_articles, num_mentions FROM event_groups").fetchall() == [(1, 1)]
    assert store.con.execute("SELECT num_articles FROM stories").fetchall() == [(1,)]
    flagged = store.con.execute("SELECT count(*) FROM event_group_members WHERE duplicate").fetchone()[0]
    assert flagged == 1


def test_unrelated_news_is_another_story(store_with):
    other = Report("Nordic Ledger", D1, "Glacier museum opens in Tromvik",
                   "A museum devoted to the retreating Tromvik glacier opened its doors to visitors, with ice cores "
                   "and century-old photographs of the valley.")
    store = store_with([*DOCK, other])
    sizes = sorted(n for (n,) in store.con.execute("SELECT num_articles FROM stories").fetchall())
    assert sizes == [1, 3]


def test_rerun_changes_nothing_and_new_article_joins(store_with):
    store = store_with(DOCK[:2])
    before = store.con.execute("SELECT * FROM story_articles ORDER BY article_id").fetchall()
    assert consolidate(store.con).new_articles == 0
    assert store.con.execute("SELECT * FROM story_articles ORDER BY article_id").fetchall() == before
    from tests.stories.conftest import records

    store.write(records(DOCK[2]))
    assert consolidate(store.con).new_articles == 1
    assert store.con.execute("SELECT count(DISTINCT story_id) FROM story_articles").fetchone()[0] == 1


def test_trump_aliases_across_articles_are_one_entity(store_with):
    names = ["Trump", "Donald Trump", "President Trump"]
    reports = [Report(f"Outlet {n}", D1, f"Report {n} on the tariff dispute number {n}", f"{name} spoke. " * 3,
                      [(name, "person", "USA"), ("Melania Knauss", "person", "USA")])
               for n, name in enumerate(names)]
    store = store_with(reports)
    keys = store.con.execute("SELECT DISTINCT entity_key FROM entity_links WHERE name LIKE '%Trump%'").fetchall()
    assert keys == [("donald trump|USA",)]
    entity = store.con.execute("SELECT name, num_articles FROM entities WHERE key = 'donald trump|USA'").fetchone()
    assert entity == ("Donald Trump", 3)


def test_surname_of_two_bearers_stays_apart_without_context():
    rows = [ActorRow("a1", "x", "Ivo Lund", "person", "SWE", None, None, 1),
            ActorRow("a2", "y", "Greta Lund", "person", "SWE", None, None, 1),
            ActorRow("a3", "z", "Lund", "person", "SWE", None, None, 1),
            ActorRow("a4", "y", "Lund", "person", "SWE", None, None, 1),
            ActorRow("a5", "w", "Lund", "person", "DNK", None, None, 1)]
    keys = actor_keys(rows)
    assert keys["a3"] == "lund|SWE"  # two bearers, no full name in its article
    assert keys["a4"] == "greta lund|SWE"  # its own article names Greta Lund
    assert keys["a5"] == "lund|DNK"  # another country


def test_described_actors_are_not_merged_across_articles():
    rows = [ActorRow("a1", "x", "officials", "group", None, None, None, 1),
            ActorRow("a2", "y", "officials", "group", None, None, None, 1)]
    keys = actor_keys(rows)
    assert keys["a1"] != keys["a2"]


def test_http_api_serves_stories_entities_and_unique_events(store_with, tmp_path):
    from fastapi.testclient import TestClient

    from chronicle.serve import create_app

    store = store_with(DOCK)
    path = store.path
    store.close()
    client = TestClient(create_app(path))
    stories = client.get("/stories").json()
    assert stories["total"] == 1 and len(stories["items"][0]["articles"]) == 3
    story = client.get(f"/stories/{stories['items'][0]['story_id']}").json()
    assert story["event_groups"][0]["num_sources"] == 3
    groups = client.get("/events", params={"unique": "true"}).json()
    assert groups["total"] == 1 and len(groups["items"][0]["members"]) == 3
    entity = client.get("/entities/halvard brenn|NOR").json()
    assert entity["entity"]["num_articles"] == 3
    assert client.get("/entities/nobody|").status_code == 404


def test_described_actors_group_by_code_across_outlets(store_with):
    police = [("riot police", "group", "NOR"), ("Ostmark Harbour Union", "organisation", "NOR")]
    reports = []
    for outlet, verb in (("Fjord Times", "dispersed"), ("Nordic Ledger", "broke up")):
        report = Report(outlet, D1, f"Police {verb} Ostmark harbour picket",
                        f"Riot police {verb} a picket of the Ostmark Harbour Union at the harbour gates on Monday, "
                        "detaining twelve dockers.", police, [("COERCE", "riot police", "Ostmark Harbour Union", D1)])
        reports.append(report)
    store = store_with(reports)
    rows = store.con.execute("SELECT source_key, num_articles FROM event_groups").fetchall()
    assert rows == [("code:NOR", 2)]


def test_state_names_are_their_country_and_titles_alone_are_not_names():
    rows = [ActorRow("a1", "x", "U.S.", "state", "USA", "USA", None, 1),
            ActorRow("a2", "y", "United States", "state", "USA", "USA", None, 1),
            ActorRow("a3", "x", "CEO", "person", None, None, None, 1),
            ActorRow("a4", "y", "CEO", "person", None, None, None, 1)]
    keys = actor_keys(rows)
    assert keys["a1"] == keys["a2"] == "country:USA"
    assert keys["a3"] != keys["a4"]


def test_goldstein_takes_the_most_specific_listed_code():
    from chronicle.stories.goldstein import goldstein

    # four-digit codes whose published value differs from their parent's, and a prefix fallback
    assert (goldstein("1823"), goldstein("182"), goldstein("1825")) == (-10.0, -9.5, -9.5)
    assert (goldstein("163"), goldstein("166")) == (-6.5, -8.0)


CONSOLIDATED_ORDER = (("story_articles", "article_id"), ("stories", "id"), ("entities", "key"),
                      ("entity_links", "record_id"), ("event_groups", "id"), ("event_group_members", "event_id"))


def _same_consolidation(store, expected) -> None:
    for table, order in CONSOLIDATED_ORDER:
        query = f"SELECT * FROM {table} ORDER BY {order}"
        assert store.con.execute(query).fetchall() == expected.con.execute(query).fetchall(), table


def test_shards_of_a_distributed_run_consolidate_like_a_direct_store(store_with, tmp_path):
    """`chronicle run --engine ray` writes Parquet shards; loaded (`--load DB`) or read in place by DuckDB
    (`chronicle consolidate --shards`), they consolidate into the same stories, entities and event groups."""
    from typer.testing import CliRunner

    from chronicle.cli import app
    from chronicle.distributed.load import load_shards
    from chronicle.distributed.shards import write_shard
    from chronicle.store import Store
    from tests.stories.conftest import records

    other = Report("Valley Courier", D9, "Orchard growers sue Telmar Water over river diversion",
                   "Apple growers of the Sennet valley filed suit against Telmar Water on Tuesday, saying its new "
                   "canal diverts a third of the river's summer flow away from their orchards.")
    reports = [*DOCK, other]
    direct = store_with(reports)
    shards = tmp_path / "shards"
    # the third report is in both shards, as a retried task would leave it: it counts once; the later shard
    # read it from elsewhere (same text, same article id), and the first shard by name wins
    elsewhere = records(reports[2])
    elsewhere.article.input = "mirror.txt"
    write_shard(shards, "part-0", [records(r) for r in reports[:3]])
    write_shard(shards, "part-1", [elsewhere, *(records(r) for r in reports[3:])])
    with Store(tmp_path / "loaded.duckdb") as loaded:
        load_shards(loaded, shards)
        assert consolidate(loaded.con).stories == 2
        _same_consolidation(loaded, direct)

    in_place = tmp_path / "in-place.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["consolidate", "--shards", str(shards), "--db", str(in_place)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["shards"]["articles"] == 4 and report["consolidated"]["stories"] == 2
    with Store(in_place, read_only=True) as store:
        _same_consolidation(store, direct)
        assert store.con.execute("SELECT count(*) FROM articles WHERE input = 'mirror.txt'").fetchone()[0] == 0
        assert store.con.execute("SELECT count(*) FROM agg_events WHERE group_id IS NOT NULL").fetchone()[0] == 3
    direct.close()  # the command opens the file itself
    stories = [runner.invoke(app, ["stories", "--db", str(db)]).stdout for db in (in_place, direct.path)]
    assert stories[0] == stories[1] and stories[0].count("\n") == 2

    # a later run's shard is read through the views: the next consolidation places its article alone
    late = Report("Harbour Daily", D2, "Ostmark ships sail again after dock strike",
                  "The forty container ships held in the Ostmark fjord by the nine-day dock strike began to sail "
                  "on Tuesday after labour minister Halvard Brenn ordered the dockers back.", ACTORS)
    write_shard(shards, "part-2", [records(late)])
    report = json.loads(runner.invoke(app, ["consolidate", "--shards", str(shards), "--db", str(in_place)]).stdout)
    assert report["consolidated"]["new_articles"] == 1


def test_shards_are_not_mixed_with_stored_records(store_with, tmp_path):
    from typer.testing import CliRunner

    from chronicle.cli import app
    from chronicle.distributed.shards import write_shard
    from tests.stories.conftest import records

    write_shard(tmp_path / "shards", "part-0", [records(DOCK[0])])
    stored = store_with(DOCK[1:])
    stored.close()
    result = CliRunner().invoke(app, ["consolidate", "--shards", str(tmp_path / "shards"), "--db", stored.path])
    assert result.exit_code == 2 and "records of its own" in result.output
    result = CliRunner().invoke(app, ["consolidate", "--db", stored.path])  # the store itself, as ingest does
    assert result.exit_code == 0 and json.loads(result.stdout)["consolidated"]["new_articles"] == 0
    result = CliRunner().invoke(app, ["consolidate", "--shards", str(tmp_path / "none"), "--db",
                                      str(tmp_path / "new.duckdb")])
    assert result.exit_code == 2 and "no Parquet shards" in result.output


def _docs(day_terms: list[tuple[str, int, str]]):
    from collections import Counter

    from chronicle.stories.clustering import StoryDoc, Vocabulary

    vocabulary = Vocabulary()
    docs = [StoryDoc(name, day, *vocabulary.encode(Counter(words.split()))) for name, day, words in day_terms]
    return docs, vocabulary


def test_one_bridging_report_does_not_glue_another_event_onto_a_story():
    from chronicle.stories.clustering import assign_stories

    day = 740_000
    flood = "flood river levee breach valley evacuation rescue boats rainfall"
    docs, vocabulary = _docs([
        ("a", day, flood + " mayor"), ("b", day, flood + " governor"),
        ("c", day, flood + " stadium concert postponed singer"),
        # another event that shares only c's aside (the concert) with the flood story
        ("d", day + 1, "stadium concert postponed singer tour arena tickets refund fans promoter lawsuit"),
    ])
    assign_stories(docs, len(vocabulary.ids))
    story = {d.id: d.story_id for d in docs}
    assert story["a"] == story["b"] == story["c"] == "s:a"
    assert story["d"] == "s:d"


def test_undated_report_joins_the_dated_story_it_matches():
    from chronicle.stories.clustering import UNDATED, assign_stories

    day = 740_000
    docs, vocabulary = _docs([
        ("late", UNDATED, "ferry capsized harbour storm passengers rescued coastguard"),
        ("first", day, "ferry capsized harbour storm passengers rescued coastguard divers"),
        ("other", day + 30, "budget vote parliament coalition minister taxes"),
    ])
    assign_stories(docs, len(vocabulary.ids))
    assert {d.id: d.story_id for d in docs} == {"first": "s:first", "late": "s:first", "other": "s:other"}


def test_a_headline_repeated_at_the_top_of_the_text_counts_as_the_headline_only():
    from chronicle.stories.text import TITLE_WEIGHT, views

    title = "Glassworks strike closes Varnholm plant"
    counts = views(title, f"{title}\n\nWorkers at the Varnholm glassworks walked out on Monday.")[0]
    assert counts["glasswork"] == TITLE_WEIGHT + 1  # headline, then the body's own mention
    assert counts["strike"] == TITLE_WEIGHT


# Two acts of one trade dispute, told in the body after the same lead: a filing, and a threat to farmers.
_FILING = ("filing geneva panel procedure complaint appeal ruling members rules arbitration safeguard quota "
           "consultation deadline lawyers precedent clause exemption hearing delegation ambassador treaty")
_THREAT = ("soybean billion retaliation farm export harvest growers prices futures iowa tractor elevator barge "
           "silo drought acreage subsidy warehouse freight cooperative")


def _lead_and_body_run(body_b: str) -> dict[str, str | None]:
    from collections import Counter

    from chronicle.stories.clustering import Vocabulary, assign_stories, story_doc

    lead = "tariff steel aluminium trade ministry dispute beijing washington"
    vocabulary = Vocabulary()
    docs = []
    for name, first, rest in (("a", lead, _FILING), ("b", lead, body_b), ("x", "ferry harbour storm", ""),
                              ("y", "budget vote parliament", "")):
        head = Counter(first.split())
        docs.append(story_doc(name, 740_000, (head, head + Counter(rest.split())), vocabulary))
    assign_stories(docs, len(vocabulary.ids))
    return {d.id: d.story_id for d in docs}


def test_reports_that_share_the_lead_but_not_the_body_are_two_stories():
    assert _lead_and_body_run(_THREAT) == {"a": "s:a", "b": "s:b", "x": "s:x", "y": "s:y"}


def test_reports_that_share_the_lead_and_the_body_are_one_story():
    assert _lead_and_body_run(_FILING) == {"a": "s:a", "b": "s:a", "x": "s:x", "y": "s:y"}


def test_the_whole_text_view_holds_the_lead_and_the_rest_of_the_body():
    from chronicle.stories.text import LEAD_WORDS, TITLE_WEIGHT, views

    body = " ".join(["harbour"] * LEAD_WORDS + ["lighthouse"])
    lead, whole = views("Harbour storm", body)
    assert lead["harbour"] == TITLE_WEIGHT + LEAD_WORDS and "lighthouse" not in lead
    assert whole["harbour"] == TITLE_WEIGHT + LEAD_WORDS and whole["lighthouse"] == 1
    assert list(whole)[:len(lead)] == list(lead)  # clustering.story_doc takes the lead's ids from the whole's


def test_anchors_are_the_leads_numbers_and_the_quoted_words_without_years():
    from chronicle.stories.text import anchors

    found = anchors("Quarry collapse traps 14 workers",
                    'Rescuers in 2026 said 3,200 tonnes of rock fell. "We will dig through the night," the chief said.')
    assert {"#14", "#3200", '"we will dig through', '"dig through the night'} <= found
    assert "#2026" not in found  # a year dates the report, it does not tell one act from another


# Two reports in one trade dispute: a few topic words shared, the rest their own (cosine ~0.31).
_TOPIC_A = "tariff steel ministry beijing filing geneva panel complaint appeal quota"
_TOPIC_B = "tariff steel ministry beijing threat billion retaliation farm harvest growers"
_STATEMENT = 'The ministry said: "we will defend our legitimate rights with every means the rules allow us".'


def _anchored_run(anchors_a: set[str], anchors_b: set[str]) -> dict[str, str | None]:
    from collections import Counter

    from chronicle.stories.clustering import Vocabulary, assign_stories, story_doc

    vocabulary = Vocabulary()
    docs = []
    for name, text, found in (("a", _TOPIC_A, anchors_a), ("b", _TOPIC_B, anchors_b),
                              ("x", "ferry harbour storm passengers coastguard", set()),
                              ("y", "budget vote parliament coalition taxes", set()),
                              ("z", "museum painting auction collector bid", set())):
        counts = Counter(text.split())
        docs.append(story_doc(name, 740_000, (counts, counts), vocabulary, anchors=found))
    assign_stories(docs, len(vocabulary.ids))
    return {d.id: d.story_id for d in docs}


def test_topic_neighbours_sharing_no_anchor_are_two_stories():
    assert _anchored_run({"#23"}, {"#7"})["b"] == "s:b"


def test_topic_neighbours_quoting_the_same_statement_are_one_story():
    from chronicle.stories.text import anchors

    said = anchors(None, _STATEMENT)
    assert _anchored_run(said, said)["b"] == "s:a"
