"""PETRARCH/TABARI dictionary compatibility: parsing, coding and the PETRARCH2 suite."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.extract.petrarch import CodedEvent, DictionaryError, code_sentence, load_dictionaries
from tests.conftest import SHARED

PETRARCH = SHARED / "eval" / "petrarch2"
PHOENIX = SHARED / "dictionaries" / "phoenix"

ACTORS = """\
<!-- test actors -->
VALDORIA [VAL]
+VALDORIAN
+PORT_SERAN   # capital
KESTREL  [KES]
NORTH_KESTREL [NKS]  # longer phrase wins
BARAN-TOL [BRT]
GENERAL_OSSIAN  # dated roles
+OSSIAN
\t[VALMIL <010101]
\t[VALGOV 20010101-20101231]
\t[VALELI]
MARLOW_COUNCIL
+THE_MARLOW_BOARD
\t[MRL/CNC]
BROKEN_ACTOR [KES 2004017-20061201]
"""

AGENTS = """\
!FOLK! = MAN, MEN, WOMAN, WOMEN
FOREIGN_MINISTER [~GOVFRM]
MINISTER [~GOV]
TROOPS {} [~MIL]
POLICE {} [~COP]
FERRY{FOLK}! [~BUS]
FERRY!FOLK! [~BUS]
RELIEF_AGENCY [NGO~]
PARLIAMENT [~LEG]
GOOSE {GEESE} [~GGS]
NONSENSE LINE WITHOUT CODE
"""

VERBS = """\
&WEAPONS
+RIFLES
+HAND GRENADES

&TIES_
+TRADE
+DIPLOMATIC

--- IMPOSE  [172] ---
IMPOSE
- * CURFEW  [1721]
- * &TIES_RELATIONS [999]

--- VISIT  [042:043] ---
VISIT

--- SHIP  [070] ---
SHIP {SHIPPED SHIPPING}
- * &WEAPONS  [1831]
- NOT * [---]

--- CONDEMN  [122] ---
CONDEMN
- + WAS_ * BY $  [123]

--- SIGN  [---] ---
SIGN
- % * ACCORD  [057:057]

--- CUT  [---] ---
+CUT_OFF {+CUTS_OFF +CUTTING_OFF}
- * AID  [163]

- stray pattern line outside a block [000]
"""

DISCARDS = """\
# football scores are not politics
PREMIER LEAGUE
+HURRICANE
"""


@pytest.fixture(scope="module")
def dict_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dicts")
    (folder / "test.actors.txt").write_text(ACTORS)
    (folder / "test.agents.txt").write_text(AGENTS)
    (folder / "test.verbs.txt").write_text(VERBS)
    (folder / "test.discards.txt").write_text(DISCARDS)
    return folder


@pytest.fixture(scope="module")
def dicts(dict_dir):
    return load_dictionaries(dict_dir)


def triples(events: list[CodedEvent]) -> set[tuple[str, str, str]]:
    return {(e.source_code, e.target_code, e.cameo) for e in events}


def code(nlp, dicts, text: str, date=None) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    return triples([e for sent in doc.sents for e in code_sentence(sent, dicts, date=date)])


# --- parsing ------------------------------------------------------------------------------------


def test_actor_dictionary(dicts):
    words = ["NORTH", "KESTREL"]
    n, actor = dicts.actors.longest(words, 0)
    assert (n, actor.code_on(None)) == (2, "NKS")
    n, actor = dicts.actors.longest(["PORT", "SERAN"], 0)
    assert actor.code_on(None) == "VAL"
    assert dicts.actors.longest(["BARAN", "-", "TOL"], 0)[0] == 3


def test_dated_codes_pick_first_covering_restriction(dicts):
    _, ossian = dicts.actors.longest(["OSSIAN"], 0)
    assert ossian.code_on(19990101) == "VALMIL"
    assert ossian.code_on(20050601) == "VALGOV"
    assert ossian.code_on(20150101) == "VALELI"
    assert ossian.code_on(None) == "VALELI"


def test_errors_name_file_and_line(dicts):
    errors = "\n".join(dicts.errors)
    assert "test.actors.txt:16: code [KES 2004017-20061201]" in errors
    assert "test.agents.txt:11: cannot read agent line" in errors
    assert "test.agents.txt:6: undefined !MACRO!" in errors  # `{FOLK}!` is not a macro use
    assert "test.verbs.txt:34: pattern has no verb slot" in errors
    assert len(dicts.errors) == 5  # the bad date also leaves BROKEN_ACTOR without a code
    assert all(len(e.splitlines()) == 1 for e in dicts.errors)


def test_agent_plurals_and_macros(dicts):
    for phrase, code in [("MINISTERS", "GOV"), ("FOREIGN MINISTER", "GOVFRM"), ("FERRYMEN", "BUS"),
                         ("GEESE", "GGS"), ("PARLIAMENTS", "LEG")]:
        words = phrase.split()
        hit = dicts.agents.longest(words, 0)
        assert hit is not None and hit[0] == len(words) and hit[1].code == code, phrase
    assert dicts.agents.longest(["POLICES"], 0) is None  # `{}`: no plural
    _, relief = dicts.agents.longest(["RELIEF", "AGENCY"], 0)
    assert relief.prefix and relief.code == "NGO"


def test_verb_forms_synsets_and_patterns(dicts):
    assert {"IMPOSE", "IMPOSES", "IMPOSED", "IMPOSING"} <= set(dicts.verbs)
    assert "SHIPPED" in dicts.verbs
    assert dicts.synsets["WEAPONS"] == (("HAND", "GRENADES"), ("RIFLES",))
    (cut,) = dicts.verbs["CUTTING"]
    assert cut.after == ("OFF",)
    (impose,) = dicts.verbs["IMPOSED"]
    assert [p.code for p in impose.block.patterns] == ["1721", "999"]


def test_missing_dictionaries_is_an_error(tmp_path):
    (tmp_path / "only.actors.txt").write_text("VALDORIA [VAL]\n")
    with pytest.raises(DictionaryError, match="verbs"):
        load_dictionaries(tmp_path)


# --- coding -------------------------------------------------------------------------------------


def test_subject_verb_object(nlp, dicts):
    assert code(nlp, dicts, "Valdoria imposed a curfew on Kestrel on Monday.") == {("VAL", "KES", "1721")}
    assert code(nlp, dicts, "Valdoria imposed new penalties on Kestrel.") == {("VAL", "KES", "172")}


def test_synset_pattern_with_joined_words(nlp, dicts):
    assert code(nlp, dicts, "Valdoria imposed trade relations on Kestrel.") == {("VAL", "KES", "999")}
    assert code(nlp, dicts, "Valdoria shipped hand grenades to Kestrel.") == {("VAL", "KES", "1831")}
    assert code(nlp, dicts, "Valdoria shipped grain to Kestrel.") == {("VAL", "KES", "070")}


def test_null_pattern_codes_nothing(nlp, dicts):
    assert code(nlp, dicts, "Valdoria did not ship grain to Kestrel.") == set()


def test_paired_codes_and_agents(nlp, dicts):
    got = code(nlp, dicts, "The Valdorian foreign minister visited Kestrel.")
    assert got == {("VALGOVFRM", "KES", "042"), ("KES", "VALGOVFRM", "043")}


def test_agent_without_actor_and_prefix_agents(nlp, dicts):
    assert code(nlp, dicts, "Troops imposed a curfew on Kestrel.") == {("---MIL", "KES", "1721")}
    assert code(nlp, dicts, "A Valdorian relief agency shipped grain to Kestrel.") == {("NGOVAL", "KES", "070")}


def test_passive_with_agent(nlp, dicts):
    got = code(nlp, dicts, "Kestrel was condemned by Valdoria on Friday.")
    assert got == {("VAL", "KES", "123")}


def test_coordination(nlp, dicts):
    got = code(nlp, dicts, "Valdoria and North Kestrel imposed a curfew on Kestrel.")
    assert got == {("VAL", "KES", "1721"), ("NKS", "KES", "1721")}
    got = code(nlp, dicts, "Valdoria imposed a curfew on Kestrel and Baran-Tol.")
    assert got == {("VAL", "KES", "1721"), ("VAL", "BRT", "1721")}


def test_compound_subject_pattern(nlp, dicts):
    got = code(nlp, dicts, "Valdoria and Kestrel signed an accord.")
    assert got == {("VAL", "KES", "057"), ("KES", "VAL", "057")}


def test_multi_word_verb(nlp, dicts):
    assert code(nlp, dicts, "Valdoria is cutting off aid to Kestrel.") == {("VAL", "KES", "163")}


def test_dated_actor_in_sentence(nlp, dicts):
    text = "General Ossian visited Kestrel."
    assert ("VALMIL", "KES", "042") in code(nlp, dicts, text, date=dt.date(1999, 3, 1))
    assert ("VALGOV", "KES", "042") in code(nlp, dicts, text, date=dt.date(2005, 3, 1))


def test_multiple_codes_and_no_self_events(nlp, dicts):
    got = code(nlp, dicts, "The Marlow Board visited Kestrel.")
    assert {("MRL", "KES", "042"), ("CNC", "KES", "042")} <= got
    assert code(nlp, dicts, "Valdoria imposed a curfew on Port Seran.") == set()


def test_discards(nlp, dicts):
    assert code(nlp, dicts, "Valdoria imposed a curfew on Kestrel before the Premier League match.") == set()
    assert code(nlp, dicts, "Valdoria imposed a curfew on Kestrel as the hurricane hit.") == set()


def test_trigger_offsets_and_texts(nlp, dicts):
    doc = nlp("Valdoria imposed a curfew on Kestrel.")
    (event,) = code_sentence(next(doc.sents), dicts)
    assert doc.text[event.trigger_start : event.trigger_end] == "imposed"
    assert event.source_text == "Valdoria" and "Kestrel" in event.target_text


# --- production dictionaries and the suite -------------------------------------------------------


def test_phoenix_dictionaries_load_once(nlp):
    start = time.perf_counter()
    first = load_dictionaries(PHOENIX)
    elapsed = time.perf_counter() - start
    assert len(first.actors) > 30000 and len(first.verbs) > 5000 and first.issues
    assert load_dictionaries(PHOENIX) is first
    assert elapsed < 10
    doc = nlp("Russian police arrested protesters in Moscow.")
    assert code_sentence(next(doc.sents), first, date=dt.date(2015, 1, 1))


runner = CliRunner()


@pytest.mark.slow
def test_eval_petrarch_suite():
    result = runner.invoke(app, ["eval", "petrarch", "--records", str(PETRARCH / "PETR.UnitTest.records.xml"),
                                 "--dictionaries", str(PETRARCH)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["records"] == 279
    assert report["exact_match"] >= 0.75
    assert report["matched"] == report["records"] - len(report["failures"])


def test_eval_petrarch_limit():
    result = runner.invoke(app, ["eval", "petrarch", "--records", str(PETRARCH / "PETR.UnitTest.records.xml"),
                                 "--dictionaries", str(PETRARCH), "--limit", "5"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["records"] == 5 and {"exact_match", "matched", "failures"} <= set(report)


def test_eval_petrarch_bad_xml(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<Validation><Sentence sentence='true'>")
    result = runner.invoke(app, ["eval", "petrarch", "--records", str(bad), "--dictionaries", str(PETRARCH)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "broken.xml" in lines[0]


def test_eval_petrarch_bad_dictionaries(tmp_path):
    result = runner.invoke(app, ["eval", "petrarch", "--records", str(PETRARCH / "PETR.UnitTest.records.xml"),
                                 "--dictionaries", str(tmp_path), "--limit", "1"])
    assert result.exit_code == 2
    assert str(tmp_path) in result.output and "Traceback" not in result.output

