"""Senses for words lexicon.yaml lacks (`extract/event_patterns.py`): the CAMEO dictionary's object
patterns, nominalisations through WordNet, and the table builder that reads the dictionary; on
sentences and dictionary snippets of our own."""

import importlib.util
from pathlib import Path

from chronicle.extract.event_patterns import lexicon, noun_sense, verb_sense, wordnet_hints

ROOT = Path(__file__).resolve().parents[2]


def token(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


def _object(verb):
    return next(c for c in verb.children if c.dep_ == "dobj")


def _builder():
    spec = importlib.util.spec_from_file_location("build_event_verbs", ROOT / "scripts" / "build_event_verbs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_object_pattern_types_a_verb_the_lexicon_lacks(nlp):
    assert "award" not in lexicon().verbs
    contract = token(nlp, "The city awarded a contract to the builders.", "awarded")
    medal = token(nlp, "The city awarded a medal to the firefighters.", "awarded")
    assert verb_sense(contract, _object(contract)).type == "AGREE"
    assert verb_sense(medal, _object(medal)).type == "SUPPORT"
    assert verb_sense(medal, _object(medal)).origin == "cameo-object"


def test_without_a_matching_object_the_verb_keeps_its_own_code(nlp):
    verb = token(nlp, "The city awarded a bicycle to the winner.", "awarded")
    assert verb_sense(verb, _object(verb)) == lexicon().cameo_verbs["award"]


def test_function_verbs_have_no_object_patterns():
    lex = lexicon()
    function_verbs = lex.reporting_verbs | lex.intent_verbs | lex.light_verbs | lex.deontic
    assert lex.cameo_objects
    assert not function_verbs & set(lex.cameo_objects)


def test_a_nominalisation_takes_the_sense_of_the_lexicon_verb_it_derives_from(nlp):
    assert "endorsement" not in lexicon().nouns and "endorse" in lexicon().verbs
    noun = token(nlp, "The governor's endorsement of Smith surprised the party.", "endorsement")
    sense = noun_sense(noun)
    assert sense is not None and sense.type == lexicon().verbs["endorse"][0].type
    assert sense.origin == "derived-noun"


def test_a_person_noun_is_no_nominalisation(nlp):
    assert "attacker" not in lexicon().nouns
    assert noun_sense(token(nlp, "The attacker fled the scene.", "attacker")) is None


def test_builder_reads_block_headers_without_a_space_before_the_dashes(tmp_path):
    dictionary = tmp_path / "verbs.txt"
    dictionary.write_text(
        "&PAPER\n+ACCORD\n+PACT\n\n"
        "####### VERB PATTERNS #######\n"
        "---  SCOLD   [111]  ---\nSCOLD\n\n"
        "---  POSTPONE   [120]---  ---\nDEFER\n- * &PAPER  [057]  # DEFER\n- * VOTE (ON BILL) [0311]  # DEFER\n",
        encoding="utf-8")
    builder = _builder()
    verbs = builder.read_verbs(dictionary)
    assert verbs["defer"][2] == "120"  # the block's own code, not the one before it
    patterns = builder.read_patterns(dictionary)
    assert set(patterns["defer"]) == {"accord", "pact"}  # the class spelled out; a conditioned pattern left out
    assert patterns["defer"]["pact"][2] == "057"


def test_a_pattern_that_restates_its_event_noun_leaves_the_act_to_the_noun(nlp):
    lex = lexicon()
    assert "reach" not in lex.verbs and lex.cameo_objects["reach"]["agreement"].type == "AGREE"
    verb = token(nlp, "The two unions reached an agreement on wages.", "reached")
    assert noun_sense(_object(verb)).type == "AGREE"
    assert verb_sense(verb, _object(verb)) is None  # "reach" stays the noun's support verb


def test_a_noun_of_a_verbal_cameo_verb_takes_its_sense(nlp):
    assert "castigation" not in lexicon().nouns and "castigate" not in lexicon().verbs
    assert lexicon().cameo_verbs["castigate"].origin == "cameo"
    noun = token(nlp, "The senator's castigation of the board was swift.", "castigation")
    sense = noun_sense(noun)
    assert sense is not None and (sense.type, sense.origin) == ("ACCUSE", "derived-noun")


def test_a_kind_of_a_typed_act_takes_its_type_through_wordnet(nlp):
    assert "tirade" not in lexicon().nouns and "tribute" not in lexicon().nouns
    tirade = noun_sense(token(nlp, "The mayor's tirade against the council went on.", "tirade"))
    tribute = noun_sense(token(nlp, "The mayor paid tribute to the firefighters.", "tribute"))
    assert tirade is not None and (tirade.type, tirade.mode, tirade.origin) == ("ACCUSE", "disapprove", "wordnet-noun")
    assert tribute is not None and tribute.type == "SUPPORT"


def test_a_person_or_thing_is_no_kind_of_act(nlp):
    assert "attacker" in wordnet_hints().classes  # WordNet's class table lists it (noun.person) …
    assert noun_sense(token(nlp, "The attacker fled the scene.", "attacker")) is None  # … but it is no act
    assert noun_sense(token(nlp, "The building stood empty.", "building")) is None
