"""Event sides on sentences of our own: who a thing, a pronoun, a relative clause or a coordination
stands for."""

from spacy.tokens import Doc

from chronicle.extract.events import _holds, _stray_agent
from tests.events.sides import named_sides, only


def test_a_possessive_pronoun_on_the_target_names_its_actor(extract):
    text = "Senator Ana Ruiz spoke on Monday. Police later censored her report."
    [event] = only(named_sides(extract, text), "COERCE")
    assert event[2] == "Ana Ruiz"


def test_the_doers_own_thing_is_not_a_target(extract):
    text = "The Varnian opposition leader Marco Diaz spoke on Monday. Diaz later withdrew his bid."
    for event in named_sides(extract, text):
        assert event[2] != "Marco Diaz", event


def test_a_relative_pronoun_stands_for_its_antecedent(extract):
    text = "Chile condemned the plan of Senator Ana Ruiz, which Peru also criticized on Monday."
    events = only(named_sides(extract, text), "ACCUSE")
    assert ("Peru", "Ana Ruiz") in {(e[1], e[2]) for e in events}


def test_a_message_is_its_authors_act(extract):
    text = "Senator Ana Ruiz has released a video that accuses Marco Diaz of lying."
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert (event[1], event[2]) == ("Ana Ruiz", "Marco Diaz")


def test_an_event_noun_is_no_source(extract):
    [event] = only(named_sides(extract, "A shooting at a clinic killed three people on Monday."), "ASSAULT")
    assert event[1] is None and event[3] is None


def test_coordinated_parties_meeting_are_one_event(extract):
    [event] = only(named_sides(extract, "Poland and Lithuania met in Vilnius on Monday."), "CONSULT")
    assert (event[1], event[2]) == ("Poland", "Lithuania")


def test_coordinated_parties_with_a_target_each_act_on_it(extract):
    events = only(named_sides(extract, "Estonia and Finland are in talks with Sweden."), "CONSULT")
    assert {(e[1], e[2]) for e in events} == {("Estonia", "Sweden"), ("Finland", "Sweden")}


def test_a_visit_to_a_city_is_a_visit_to_its_state(extract):
    text = "Peru thanked Chile on Monday. Chilean President Ana Ruiz visited Cusco last year."
    [event] = only(named_sides(extract, text), "CONSULT")
    assert (event[1], event[2]) == ("Ana Ruiz", "Peru")


def test_a_clause_of_time_holds_no_target(extract):
    text = "A lawmaker in Varnia is calling for Marco Diaz to be banned after the candidate insulted Varnian workers."
    events = only(named_sides(extract, text), "REQUEST")
    assert {e[4] for e in events} == {"Marco Diaz"}


def test_a_deal_to_sell_someone_something_is_done_to_the_buyer(extract):
    # "agreed to": a lexicon trigger (the CAMEO-table "approved" is left to the trigger classifier)
    [event] = only(named_sides(extract, "Chile later agreed to a deal to sell Peru ten tanks."), "AGREE")
    assert (event[1], event[2]) == ("Chile", "Peru")


def test_a_visit_to_sites_in_a_country_is_a_visit_to_it(extract):
    text = "Peru thanked Chile on Monday. Chilean President Ana Ruiz visited several mines in Peru last year."
    [event] = only(named_sides(extract, text), "CONSULT")
    assert (event[1], event[2]) == ("Ana Ruiz", "Peru")


def test_a_possessor_with_the_undergoer_named_is_the_doer(extract):
    [event] = only(named_sides(extract, "Chile condemned Peru's arrest of the journalists."), "COERCE")
    assert event[1] == "Peru" and event[4] == "the journalists"


def test_who_proposes_an_act_does_it(extract):
    [event] = only(named_sides(extract, "Last year Marco Diaz proposed a ban on migrants."), "COERCE")
    assert event[1] == "Marco Diaz"


def test_for_doing_is_done_by_the_one_blamed_else_the_subject(extract):
    text = "Chile ridiculed Peru for criticizing Brazil. Marco Diaz took heat for not condemning Chile."
    events = named_sides(extract, text)
    assert {(e[1], e[2]) for e in only(events, "ACCUSE") if e[2] in {"Brazil", "Chile"}} == {
        ("Peru", "Brazil"), ("Marco Diaz", "Chile")}


def test_a_bare_some_is_no_one_in_particular(extract):
    [event] = only(named_sides(extract, "Some have urged Chile to focus on the election."), "REQUEST")
    assert event[1] is None and event[3] is None and event[2] == "Chile"


def test_two_of_whom_stands_for_the_antecedent(extract):
    text = "The Varnian Senate has five delegates, two of whom have already pledged their support to Chile."
    events = only(named_sides(extract, text), "AGREE")
    assert all(e[3] == "five delegates" for e in events), events


def test_a_pronoun_before_its_clauses_subject_refers_forward(extract):
    text = "On the margins of his official visit to Peru, President Ana Ruiz attended a ceremony."
    [event] = only(named_sides(extract, text), "CONSULT")
    assert (event[1], event[2]) == ("Ana Ruiz", "Peru")


def test_an_actor_beats_a_coded_phrase_on_one_side():
    # (level, token indices of the side and its conjuncts): 0 unresolved, 1 coded phrase, 2 actor
    assert not _holds((1, frozenset({5})), [(1, frozenset({5})), (2, frozenset({7}))])
    assert _holds((1, frozenset({5, 7})), [(2, frozenset({5, 7}))])  # "Diaz and two Slovak smugglers"
    assert not _holds((0, frozenset()), [(1, frozenset({3}))])
    assert _holds((2, frozenset({7})), [(1, frozenset({5})), (2, frozenset({7}))])


def test_coordinated_targets_stay_whatever_they_resolve_to(extract):
    events = only(named_sides(extract, "Varnian police arrested Marco Diaz and two Slovak smugglers."), "COERCE")
    assert len(events) == 2, events


# --- issue 12, third round: who did what to whom -------------------------------------------------

def test_a_relative_clause_on_a_predicate_is_its_subjects_act(extract):
    text = "Marco Diaz is a fierce critic and a veteran senator who has condemned Peru."
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert (event[1], event[2]) == ("Marco Diaz", "Peru")


def test_a_relative_clause_on_an_apposition_is_the_named_ones_act(extract):
    text = "Peter Novak, a former party chair who is supporting Marco Diaz, spoke on Monday."
    [event] = only(named_sides(extract, text), "SUPPORT")
    assert (event[1], event[2]) == ("Peter Novak", "Marco Diaz")


def test_the_by_phrase_of_an_event_nouns_object_is_its_doer(nlp):
    # the parse the tagger gives long names: "by" hung on the object of "of", not on the noun
    words = ["the", "murder", "of", "Novak", "by", "Diaz"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 2, 3, 4], deps=["det", "ROOT", "prep", "pobj", "prep", "pobj"])
    agent = _stray_agent(doc[1])
    assert agent is not None and agent.text == "Diaz"


def test_the_by_phrase_on_the_copula_of_an_event_noun_is_its_doer(extract):
    text = "Complicating matters, an investigation of Marco Diaz is underway by the FBI."
    [event] = [e for e in named_sides(extract, text) if e[0] == "ACCUSE"]
    assert (event[1], event[2]) == ("FBI", "Marco Diaz")


def test_prepositions_beside_a_named_object_are_circumstances(extract):
    events = named_sides(extract, "Marco Diaz was arrested on Monday at the Ministry of Defence in Lima.")
    assert {e[4] for e in only(events, "COERCE")} == {"Marco Diaz"}


def test_a_thing_target_is_read_through_what_it_is_aimed_at(extract):
    text = "Senator Ana Ruiz voiced displeasure with some of Marco Diaz's proposals."
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert (event[1], event[2]) == ("Ana Ruiz", "Marco Diaz")


def test_a_possessive_on_a_light_verbs_object_is_the_subjects_own(extract):
    text = "Chile welcomed the vote. The unions that threw their support to Peter Novak marched on Monday."
    events = [e for e in only(named_sides(extract, text), "SUPPORT") if e[3] == "The unions"]
    assert [e[2] for e in events] == ["Peter Novak"]


def test_a_demand_for_an_act_concerning_someone_targets_them(extract):
    text = "Peter Novak used his speech to call for the resignation of Marco Diaz."
    [event] = only(named_sides(extract, text), "REQUEST")
    assert (event[1], event[2]) == ("Peter Novak", "Marco Diaz")


def test_the_named_one_of_a_counted_group_is_the_side(extract):
    text = "The letter from Chile also accuses one of the ministers, Marco Diaz, of lying."
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert event[2] == "Marco Diaz"


def test_calling_it_bad_that_someone_did_something_blames_them(extract):
    text = "Later, Peter Novak released a new radio ad calling it dangerous that Marco Diaz has no plan."
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert (event[1], event[2]) == ("Peter Novak", "Marco Diaz")


def test_a_disapprovals_that_clause_names_whom_it_blames(extract):
    [event] = only(named_sides(extract, "Peter Novak charged that Marco Diaz hid the files."), "ACCUSE")
    assert (event[1], event[2]) == ("Peter Novak", "Marco Diaz")


def test_an_abstract_target_is_no_target(extract):
    [event] = only(named_sides(extract, "Senator Ana Ruiz vetoed a bill on Monday."), "REJECT")
    assert event[1] == "Ana Ruiz" and event[4] is None


def test_a_joint_act_of_two_hyphenated_names(extract):
    events = only(named_sides(extract, "The Peru-South Korea summit opened in Lima on Monday."), "CONSULT")
    assert {(e[1], e[2]) for e in events} == {("Peru", "South Korea")}


def test_the_former_is_the_first_of_the_coordinated_pair(extract):
    text = "In a race between Peter Novak and Marco Diaz, Chile would support the former."
    [event] = only(named_sides(extract, text), "SUPPORT")
    assert (event[1], event[2]) == ("Chile", "Peter Novak")


def test_i_am_sick_of_someone_is_the_speaker_blaming_them(extract):
    text = 'Senator Marco Diaz spoke on Monday. "I am so sick of the Varnian committee lying about me," he said.'
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert event[1] == "Marco Diaz" and event[4] == "the Varnian committee"


def test_a_group_is_no_abstract_target(extract):
    text = "Senator Ana Ruiz criticized the committee on Monday."
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert event[4] == "the committee"


def test_a_gerund_after_since_is_done_by_the_subject_of_its_clause(extract):
    text = "Peru has eased its border controls since signing a pact with Chile last year."
    sides = {(e[1], e[2]) for e in named_sides(extract, text) if e[0] != "CONCEDE"}
    assert ("Peru", "Chile") in sides


def test_a_gerund_in_a_nouns_phrase_is_done_by_the_clauses_subject(extract):
    text = "In remarks after meeting with Chile's president, Senator Ana Ruiz praised the deal."
    [event] = only(named_sides(extract, text), "CONSULT")
    assert event[1] == "Ana Ruiz"


def test_calling_someones_plan_misleading_disapproves_of_them(extract):
    text = "Senator Ana Ruiz called Marco Diaz's plan inaccurate and deliberately misleading."
    [event] = only(named_sides(extract, text), "ACCUSE")
    assert event[1:3] == ("Ana Ruiz", "Marco Diaz")


def test_an_advocacy_group_or_an_ad_attacks_in_words(extract):
    for text in ("The Club for Growth, a conservative advocacy group, attacked Senator Ana Ruiz on Monday.",
                 "The group ran an ad that attacked Senator Ana Ruiz."):
        types = {e[0] for e in named_sides(extract, text) if e[2] == "Ana Ruiz"}
        assert types == {"ACCUSE"}, (text, types)


def test_an_army_that_attacks_still_assaults(extract):
    text = "The Varnian army attacked rebel positions near the border on Monday."
    assert "ASSAULT" in {e[0] for e in named_sides(extract, text)}


def test_a_possessive_pronoun_on_a_plan_names_who_would_carry_it_out(extract):
    text = "Senator Ana Ruiz spoke in Lima on Monday. Her plan to deport the migrants angered Chile."
    events = only(named_sides(extract, text), "COERCE")
    assert "Ana Ruiz" in {e[1] for e in events}


def test_a_possessive_pronoun_on_someone_is_not_their_doer(extract):
    text = "Senator Ana Ruiz spoke in Lima on Monday. Her rivals attacked Marco Diaz."
    for event in named_sides(extract, text):
        assert event[1] != "Ana Ruiz", event


def test_the_subject_of_a_passive_clause_does_the_act_of_its_gerund(extract):
    text = "Marco Diaz is accused of killing three villagers in Lima."
    assert ("Marco Diaz", "three villagers") in {(e[1], e[4]) for e in named_sides(extract, text)}


def test_the_body_a_resignation_leaves_is_its_target(extract):
    [event] = only(named_sides(extract, "Ana Ruiz resigned from the Varnian parliament on Monday."), "RETREAT")
    assert event[4] == "the Varnian parliament"
    [event] = only(named_sides(extract, "Ana Ruiz resigned her post at the Varnian ministry."), "RETREAT")
    assert event[4] is None
