"""Speaker resolution, third round of issue 11: each failure class found on the silver training
set, pinned on sentences of our own (none copied from an article)."""

from __future__ import annotations

from chronicle.extract.coref import namesake, person_like
from tests.quotes.spans import said


def test_a_long_quotation_does_not_push_its_speaker_out_of_reach(extract):
    # the pronoun's window counts sentences outside quotation marks only
    text = ("Governor Rachel Dunmore answered questions about the bridge in Bayport on Tuesday.\n\n"
            "\"The money is there. The plans are ready. The crews are hired. The steel is ordered. "
            "Nothing stands in the way now,\" she told reporters.")
    q = said(extract(text).quotes, "Nothing stands in the way")
    assert q.speaker == "Rachel Dunmore"


def test_a_name_typed_as_an_organisation_can_still_be_a_person():
    assert person_like("organisation", ("Carly", "Fiorina"))
    assert person_like("person", ("Dunmore",))
    assert not person_like("organisation", ("Williams", "College"))  # an organisation noun
    assert not person_like("organisation", ("Acme",))  # no first name and surname
    assert not person_like("state", ("Georgia", "Smith"))


def test_a_campaign_named_after_its_person_speaks_as_written(extract):
    text = ("Senator Paula Brennan is running for governor. The Brennan campaign said on Monday that the "
            "debate schedule was unfair to smaller candidates.")
    q = said(extract(text).quotes, "debate schedule")
    assert q.speaker != "Paula Brennan"
    assert q.source is not None and "campaign" in q.source


def test_a_cue_after_a_quotation_ending_its_sentence_reports_it(extract):
    # the parser closes the sentence with the quotation: "Holm tweeted." is a sentence of its own
    text = ("The mayor has a new nickname for his rival.\n\n\"Lazy Lars is spending a fortune on ads against me. "
            "Will be such fun!\" Mayor Anders Holm tweeted.\n\nThe rival did not reply.")
    q = said(extract(text).quotes, "spending a fortune")
    assert q.kind == "direct"
    assert q.speaker is not None and "Holm" in q.speaker


def test_a_nominal_does_not_join_someone_of_another_party(extract):
    text = ("Democratic candidate Alice Moreno spoke in Reno on Friday. Voters there like her.\n\n"
            "\"I am getting more scrutiny than anyone,\" the Republican candidate told a radio host on Sunday.")
    q = said(extract(text).quotes, "more scrutiny than anyone")
    assert q.speaker != "Alice Moreno"


def test_a_definite_role_nominal_refers_back_to_the_person_named(extract):
    # no description says who "the envoy" is: the person who spoke or was named just before
    text = ("Viktor Palsson spoke to reporters on Monday about the port, which has been closed since May. "
            "\"We have waited long enough,\" the envoy said.")
    q = said(extract(text).quotes, "waited long enough")
    assert q.speaker == "Viktor Palsson"


def test_a_he_or_she_with_no_one_in_reach_is_the_one_person_of_that_gender(extract):
    text = ("Maria Ekdal runs the only bakery in Tarnby. The bakery opened in 1990. The oven was replaced in 2004. "
            "The shop sells rye bread. Prices rose last year. Sales held up.\n\n"
            "\"People still want real bread,\" she said.")
    q = said(extract(text).quotes, "real bread")
    assert q.speaker == "Maria Ekdal"


def test_a_parenthetical_cue_reports_the_clause_around_it(extract):
    # nothing after "said" is a clause of its own: the content is the sentence it interrupts
    text = ("Mayor Ingrid Solberg spoke about the harbour.\n\n"
            "A new pier would not only bring ferries back to the town, she said, but also the fishing fleet.")
    q = said(extract(text).quotes, "A new pier would")
    assert q.speaker == "Ingrid Solberg"
    assert "fishing fleet" in q.text or q.end >= q.start + len("A new pier would not only bring ferries")


def test_the_object_of_a_participle_after_a_comma_is_not_its_speaker(extract):
    # "…, telling X that …": X is addressed; the speaker is the subject of the clause before
    text = "Senator Omar Vik criticised the budget on Sunday, telling Radio North that the figures were a fantasy."
    q = said(extract(text).quotes, "figures were a fantasy")
    assert q.speaker == "Omar Vik"


def test_a_pronoun_with_no_gender_is_not_a_person_named_before(extract):
    # "Some" (or "both", "another", "who") is not "he" or "she": no person is meant by gender
    text = "Councillor Tarvo opened the new bridge on Monday. Some have said the toll was far too high for families."
    q = said(extract(text).quotes, "toll was far too high")
    assert q.speaker is None
    assert q.source == "Some"


def test_a_cue_ending_a_paragraph_with_a_colon_introduces_the_next_quotation(extract):
    text = ("Farmers in the valley back the plan.\n\nRetired teacher Jane Roe echoed:\n\n"
            "\"He speaks his mind, and I think that might be what the country needs.\"\n\nThe vote is on Friday.")
    q = said(extract(text).quotes, "He speaks his mind")
    assert q.speaker == "Jane Roe"


def test_a_one_word_name_left_apart_is_the_person_whose_name_holds_it():
    names = [("Wang", "Yi"), ("Sergei", "Lavrov"), ("China",)]
    assert namesake(("Wang",), names) == 0
    assert namesake(("Lavrov",), names) == 1
    assert namesake(("Moscow",), names) is None
    assert namesake(("Li",), [("Li", "Wei"), ("Li", "Na")]) is None  # two people could be meant
    assert namesake(("Wang", "Yi"), names) is None  # only one-word names


def test_a_quote_only_paragraph_continues_reported_speech_not_a_stance(extract):
    # "The council sees X as Y" is a stance the cue model finds, not speech a quotation continues
    text = ("Mayor Anna Holt said on Monday that the bridge plan was ready. The council sees the bridge as a "
            "priority for the town.\n\n\"We will build it this year, and the tolls will pay for it.\"")
    q = said(extract(text).quotes, "tolls will pay")
    assert q.speaker == "Anna Holt"


def test_a_name_after_a_string_of_titles_says_who_speaks(extract):
    # the tagger may make an actor of the title alone ("Councilor"): the name that ends the phrase wins
    text = ("Beijing wants calm on the border.\n\nChinese State Councilor and Foreign Minister Tao Ren said on "
            "Friday that the talks would resume in May.")
    q = said(extract(text).quotes, "talks would resume")
    assert q.speaker == "Tao Ren"
