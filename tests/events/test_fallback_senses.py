"""Senses for words lexicon.yaml lacks (`extract/event_patterns.py`): the CAMEO dictionary's object
patterns, nominalisations and kinds of acts through WordNet, agent nouns of stances, strong names of
groups, reports that speak badly or well of someone, and the table builder that reads the dictionary; on
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


def typed(records, event_type):
    return [e for e in records.events if e.event_type == event_type]

def test_a_strong_name_judges_people_named_by_their_group(extract):
    [event] = typed(extract("Senator Jane Morrow called the voters stupid."), "ACCUSE")
    assert "Morrow" in event.source and "voters" in event.target
    assert not typed(extract("Senator Jane Morrow called the weather stupid."), "ACCUSE")


def test_a_report_that_speaks_badly_of_someone_is_a_disapproval(extract):
    [event] = typed(extract("Senator Jane Morrow said Governor Tom Bell failed the state and hurt its families."),
                    "ACCUSE")
    assert "Morrow" in event.source and "Bell" in event.target
    assert not typed(extract("Senator Jane Morrow said Governor Tom Bell visited the state fair."), "ACCUSE")
    [praise] = typed(extract("Senator Jane Morrow said Governor Tom Bell did a wonderful, brilliant job."), "SUPPORT")
    assert "Bell" in praise.target


def test_a_person_named_by_a_stance_holds_it(extract):
    [event] = typed(extract("Jane Morrow, a fierce critic of Governor Tom Bell, spoke on Monday."), "ACCUSE")
    assert "Morrow" in event.source and "Bell" in event.target
    [support] = typed(extract("Jane Morrow has been a strong supporter of Governor Tom Bell."), "SUPPORT")
    assert "Morrow" in support.source and "Bell" in support.target
    assert not extract("Jane Morrow was a visitor of Governor Tom Bell.").events  # one act, not a stance


def test_who_receives_or_comes_under_an_act_from_someone_undergoes_it(extract):
    [event] = typed(extract("Governor Tom Bell received strong backing from Senator Jane Morrow."), "SUPPORT")
    assert "Morrow" in event.source and "Bell" in event.target
    [event] = typed(extract("Governor Tom Bell came under criticism from Senator Jane Morrow."), "ACCUSE")
    assert "Morrow" in event.source and "Bell" in event.target


def test_a_noun_whose_first_sense_is_no_act_is_no_kind_of_act(nlp):
    assert wordnet_hints().classes["government"][0] == "noun.group"
    assert noun_sense(token(nlp, "The government met on Monday.", "government")) is None
