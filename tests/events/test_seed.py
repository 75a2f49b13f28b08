"""The seed article: the events a careful analyst lists, at least 8 of 10 with source, type and target."""

import pytest

from chronicle.ingest import read_inputs
from chronicle.records import Article
from tests.conftest import SEED_ARTICLE


@pytest.fixture(scope="module")
def seed(pipeline):
    if not SEED_ARTICLE.exists():
        pytest.fail(f"seed article missing: {SEED_ARTICLE}")
    [article] = [a for a in read_inputs([str(SEED_ARTICLE)]) if isinstance(a, Article)]
    return pipeline.extract(article)


def country(code):
    return (code or "").split()[0] if code else None


def actor_named(records, part):
    return next(a.id for a in records.actors if part in a.name)


def expectations(records):
    lukashenko = actor_named(records, "Lukashenko")
    sakaliene = actor_named(records, "Šakalienė")
    return {
        "EU sanctions Belarus": lambda e: e.event_type == "SANCTION" and country(e.source_code) == "EU"
        and country(e.target_code) == "BLR",
        "Belarus forced a plane to land": lambda e: e.event_type == "COERCE" and country(e.source_code) == "BLR"
        and "flight" in (e.target or ""),
        "mass protests in Belarus": lambda e: e.event_type == "PROTEST" and country(e.target_code) == "BLR",
        "migrants assault Polish border forces": lambda e: e.event_type == "ASSAULT" and e.source_code == "REF"
        and country(e.target_code) == "POL",
        "Poland uses water cannons on migrants": lambda e: e.event_type == "COERCE" and e.trigger == "used"
        and country(e.source_code) == "POL" and e.target_code == "REF",
        "Lithuanian parliament sends supplies to migrants": lambda e: e.event_type == "AID"
        and e.source_code == "LTU LEG" and e.target_code == "REF",
        "Šakalienė accuses Lukashenko": lambda e: e.event_type == "ACCUSE" and e.source_id == sakaliene
        and e.target_id == lukashenko,
        "Šakalienė demands sanctions on Lukashenko's circle": lambda e: e.event_type == "REQUEST"
        and e.source_id == sakaliene and country(e.target_code) == "BLR",
        "Lukashenko promised to help migrants": lambda e: e.event_type == "AGREE" and e.source_id == lukashenko
        and e.target_code == "REF",
    }


def test_at_least_eight_of_the_ten_seed_events(seed):
    found = {name: any(check(e) for e in seed.events) for name, check in expectations(seed).items()}
    talks = {country(e.source_code) for e in seed.events if e.event_type == "CONSULT" and e.trigger == "talks"}
    found["Poland, Latvia and Lithuania in talks"] = {"POL", "LVA", "LTU"} <= talks
    assert sum(found.values()) >= 8, found


def test_seed_actor_codes_and_mentions(seed):
    codes = {a.name: a.code for a in seed.actors}
    assert codes["Alexander Lukashenko"] == "BLR GOV" and codes["Dovilė Šakalienė"] == "LTU LEG"
    assert codes["European Union"] == "EU IGO" and codes["Polish soldiers"] == "POL MIL"
    assert "Belarussian" not in codes and "Minsk" not in codes
    sakaliene = next(a for a in seed.actors if a.name == "Dovilė Šakalienė")
    lukashenko = next(a for a in seed.actors if a.name == "Alexander Lukashenko")
    linked = {(m.text, m.actor_id) for m in seed.mentions}
    assert ("Lithuanian lawmaker", sakaliene.id) in linked and ("Belarussian dictator", lukashenko.id) in linked
    assert sakaliene.gender == "female" and lukashenko.gender == "male"
