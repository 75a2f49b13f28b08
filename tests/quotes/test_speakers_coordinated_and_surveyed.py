"""Sixth round: coordinated sources, proportions of a surveyed group, first person inside a quotation.

Sentences of our own; each pins one mechanism found among the silver training errors."""

from __future__ import annotations

from chronicle.extract.quotes import signed_contributions
from tests.quotes.spans import said


def _speakers(quotes, fragment):
    return sorted(q.speaker or q.source or "" for q in quotes if fragment in q.text)


def test_each_coordinated_source_speaks(extract):
    records = extract("Senator Mara Quill and Governor Tobias Renn said on Monday that the dam would be rebuilt.")
    assert _speakers(records.quotes, "the dam would be rebuilt") == ["Mara Quill", "Tobias Renn"]


def test_a_list_of_states_is_one_record_each(extract):
    records = extract("Portugal, Chile and Norway said the fishing quota was unfair.")
    assert _speakers(records.quotes, "fishing quota") == ["Chile", "Norway", "Portugal"]


def test_or_is_not_both(extract):
    records = extract("Officials from Kenya or Uganda said the border would reopen.")
    assert len([q for q in records.quotes if "border would reopen" in q.text]) == 1


def test_titles_joined_before_one_name_stay_one_speaker(extract):
    records = extract("Deputy Mayor and Transport Commissioner Ilse Varga said the tram line would close in June.")
    q = said(records.quotes, "tram line would close")
    assert q.speaker == "Ilse Varga"
    assert len([q for q in records.quotes if "tram line" in q.text]) == 1


def test_the_paper_is_the_news_organisation_not_the_last_one_named(extract):
    text = ("Westbrook News reported the leak on Friday, citing two engineers.\n\nMayor Ilse Varga later met "
            "teachers from the Westbrook Academy. The paper said the mayor had known about the leak for weeks.")
    q = said(extract(text).quotes, "had known about the leak")
    assert q.speaker == "Westbrook News"


def test_the_paper_with_no_news_organisation_stays_as_written(extract):
    text = ("Teachers from the Westbrook Academy met Mayor Ilse Varga on Monday.\n\n"
            "The paper said the mayor had known about the leak for weeks.")
    q = said(extract(text).quotes, "had known about the leak")
    assert q.speaker is None and q.source == "The paper"


def test_according_to_an_outlet_relaying_a_person_is_the_persons_quote(extract):
    records = extract("According to the Westbrook News, Mayor Ilse Varga said the dam would be rebuilt.")
    assert _speakers(records.quotes, "the dam would be rebuilt") == ["Ilse Varga"]


def test_according_to_an_outlet_alone_is_the_outlets(extract):
    records = extract("According to the Westbrook News, the dam will be rebuilt by May.")
    assert _speakers(records.quotes, "the dam will be rebuilt") == ["Westbrook News"]


def test_a_bare_share_speaks_as_written(extract):
    text = ("In the new survey, 45 percent of registered voters said the dam should be rebuilt.\n\n"
            "Another 32 percent said it should be torn down.")
    assert _speakers(extract(text).quotes, "torn down") == ["Another 32 percent"]


def test_a_share_with_its_group_keeps_it(extract):
    text = "In the new survey, 45 percent of registered voters said the dam should be rebuilt."
    q = said(extract(text).quotes, "dam should be rebuilt")
    assert q.source == "45 percent of registered voters"


LETTERS = ("Readers weigh in on the dam.\n\nLETTERS.\n\nThe council has ignored the engineers for years. Now the "
           "town pays the price.\n\nMargit Olsen.\n\nHarwick, Ore.\n\nTWITTER.\n\nRebuild it higher and stop the "
           "excuses.\n\n@damwatcher88.")


def test_a_signed_letter_is_its_signers_words(nlp):
    found = {(LETTERS[a.start : a.end][:20], LETTERS[a.source[0] : a.source[1]])
             for a in signed_contributions(nlp(LETTERS), LETTERS)}
    assert found == {("The council has igno", "Margit Olsen"), ("Rebuild it higher an", "@damwatcher88")}


def test_a_signed_comment_is_a_direct_quote(extract):
    q = said(extract(LETTERS).quotes, "Rebuild it higher")
    assert q.source == "@damwatcher88" and q.kind == "direct"


def test_a_name_right_after_the_headline_is_a_byline_not_a_signature(nlp):
    text = "Dam plan stalls again.\n\nMargit Olsen.\n\nThe council met on Monday and put off the vote."
    assert signed_contributions(nlp(text), text) == []


def test_a_section_heading_is_no_signature(nlp):
    text = ("Council report card.\n\nThe council approved the harbour budget and froze the fees of the ferry "
            "line.\n\nGender Equality.\n\nThe council has four women among its eleven members.")
    assert signed_contributions(nlp(text), text) == []
