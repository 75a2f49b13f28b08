"""Cleaning: Unicode and whitespace, paragraphs, headline, and page furniture by general patterns."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.ingest import IngestError, article_from_text
from chronicle.ingest.clean import clean, normalize_text, strip_kicker
from chronicle.ingest.normalize import normalize_chars
from tests.conftest import SEED_ARTICLE

BODY = (
    "The regional governor said on Tuesday that more than 200 families had been moved to shelters "
    "after the river rose overnight.\n\n"
    '"We will rebuild every house," the governor told reporters in the capital.'
)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_unicode_is_nfc_with_ascii_quotes_and_plain_spaces():
    raw = "Cafe\u0301 owner\u00a0said \u201cno\u201d and \u2018maybe\u2019\u200b today."
    assert normalize_text(raw) == "Caf\u00e9 owner said \"no\" and 'maybe' today."
    assert unicodedata.is_normalized("NFC", normalize_text(raw))


def test_whitespace_collapses_and_paragraphs_are_separated_by_one_blank_line():
    raw = "  First   paragraph\twith\u00a0 spaces.  \n\n\n\n\r\nSecond paragraph\nwrapped over\nthree lines.\n\n  "
    article = article_from_text(raw, input="t")
    assert article.text == "First paragraph with spaces.\n\nSecond paragraph wrapped over three lines."


def test_text_without_blank_lines_has_one_paragraph_per_line():
    article = article_from_text("First line of the story.\nSecond line of the story.", input="t")
    assert paragraphs(article.text) == ["First line of the story.", "Second line of the story."]


def test_headline_becomes_title_and_first_paragraph():
    article = article_from_text(f"Floods Force Families From Homes\n\n{BODY}", input="t")
    assert article.title == "Floods Force Families From Homes"
    assert paragraphs(article.text)[0] == "Floods Force Families From Homes"
    assert paragraphs(article.text)[1:] == paragraphs(BODY)
    assert article.word_count == len(article.text.split())


@pytest.mark.parametrize(
    "first",
    [
        "The governor resigned on Monday.",  # ends like a sentence
        "Minister quits\nafter two days",  # two lines: not a one-line headline
        " ".join(["word"] * 40),  # too long
    ],
)
def test_first_block_that_is_not_a_headline_stays_body(first):
    article = article_from_text(f"{first}\n\n{BODY}", input="t")
    assert article.title is None
    assert paragraphs(article.text)[1:] == paragraphs(BODY)


def test_kicker_is_stripped_from_title_only():
    article = article_from_text(f"Breaking: Minister Quits Over Fence Contract\n\n{BODY}", input="t")
    assert article.title == "Minister Quits Over Fence Contract"
    assert article.text.startswith("Breaking: Minister Quits Over Fence Contract\n\n")
    assert strip_kicker("Exclusive interview: Mayor Speaks") == "Mayor Speaks"
    assert strip_kicker("Exclusive Talks Resume in Geneva") == "Exclusive Talks Resume in Geneva"


def test_given_title_leads_and_is_not_repeated():
    article = article_from_text(f"Dam Holds After Storm\n{BODY}", input="t", title="Dam Holds After Storm")
    assert article.title == "Dam Holds After Storm"
    assert paragraphs(article.text) == ["Dam Holds After Storm", *paragraphs(BODY)]


CAPTIONS = [
    ("Rescuers carry a woman through a flooded street in Haldane on Sunday. (Photo by Jane Roe/Example Agency)",
     "Rescuers carry a woman through a flooded street in Haldane on Sunday."),
    ("A fisherman repairs his nets on the quay. (AP Photo/Sam Smith)", "A fisherman repairs his nets on the quay."),
    ("The minister arrives for talks in the capital on March 3, 2024. JOHN DOE/AFP via Getty Images",
     "The minister arrives for talks in the capital on March 3, 2024."),
]


@pytest.mark.parametrize(("caption", "kept"), CAPTIONS)
def test_caption_keeps_its_description_without_the_credit(caption, kept):
    article = article_from_text(f"{BODY}\n\n{caption}\n\n{BODY}", input="t")
    assert paragraphs(article.text) == [*paragraphs(BODY), kept, *paragraphs(BODY)]


FURNITURE = [
    "Photo: Police officers stand guard outside the court.",
    "Image credit: Example Agency",
    "Photos by Example Studio",
    "By Jane Roe and Ali Demir, Example Wire",
    "Follow Jane Roe on Twitter @janeroe",
    "Follow us on Facebook and Instagram for more updates",
    "@janeroe",
    "Please let us know if you are having problems with commenting.",
    "View 42 comments",
    "Our comments policy has changed.",
    "Join the conversation",
    "Share this article",
    "Share on Facebook Share on Twitter",
    "Sign up for our free morning newsletter and get the news in your inbox.",
    "Subscribe now!",
    "Want the morning briefing? Sign up for our newsletter, The Wire Daily.",
    'Jane Roe hosts the weekly podcast "Border Lines." Subscribe here or listen below.',
    "Send news tips to the desk at tips@example.org.",
    "Getty Images.",
    "Read more: Why the river keeps flooding",
    "See also: The port strike in numbers",
    "Related stories: Strike enters second week",
    "Click here to download the full report.",
    "Advertisement",
    "Story continues below advertisement",
    "Copyright 2024 Example Wire. All rights reserved.",
    "\u00a9 Example Media Group",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_paragraph_is_dropped(line):
    article = article_from_text(f"{BODY}\n\n{line}\n\n{BODY}", input="t")
    assert paragraphs(article.text) == paragraphs(BODY) * 2


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_inside_a_block_is_dropped(line):
    # a footer sitting under the last paragraph with only a single newline
    article = article_from_text(f"{BODY}\n{line}", input="t")
    assert paragraphs(article.text) == paragraphs(BODY)


REAL = [
    "The ministry declined to comment on the report.",
    "Photographs published by the ministry on Monday showed damaged fences near the border.",
    "Follow-up talks are planned for next month in the capital, the minister said.",
    "She said readers should follow the inquiry closely, because more than 300 homes were affected.",
    "By Tuesday evening the water had fallen by two metres, officials said.",
    "Share prices fell 4 percent after the announcement, according to the exchange.",
    "Officials said they would read more of the reports before deciding.",
    "Comments by the minister on Monday angered the opposition.",
    "More than 5,000 people have signed up for the relief programme since Friday, the ministry said.",
    "Reuters reported on Monday that the talks had stalled.",
    '"I have seen the photos and they are shocking," the mayor told reporters.',
]


@pytest.mark.parametrize("sentence", REAL)
def test_real_paragraph_that_resembles_furniture_stays(sentence):
    article = article_from_text(f"{BODY}\n\n{sentence}", input="t")
    assert paragraphs(article.text)[-1] == sentence


def test_inline_credit_is_stripped_but_paragraph_kept():
    para = "Protesters gathered (Photo: Jane Roe) outside the parliament building on Friday, police said."
    article = article_from_text(f"{BODY}\n\n{para}", input="t")
    assert paragraphs(article.text)[-1] == "Protesters gathered outside the parliament building on Friday, police said."


def test_text_that_is_only_furniture_raises():
    with pytest.raises(IngestError) as err:
        article_from_text("Share this article\n\nAdvertisement", input="x.txt")
    assert err.value.input == "x.txt"
    assert str(err.value) == "x.txt: no article text after cleaning"


def test_clean_is_pure_and_repeatable():
    once = clean(f"Headline Here\n\n{BODY}")
    again = clean("\n\n".join([once.headline or "", *once.paragraphs]))
    assert once == again


# --- the seed article: the reference case -------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    return raw, article_from_text(raw, input=str(SEED_ARTICLE))


def raw_paragraphs(raw: str) -> list[str]:
    text = normalize_chars(unicodedata.normalize("NFC", raw))
    return [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_seed_title_is_the_headline_and_leads_the_text(seed):
    raw, article = seed
    headline = raw_paragraphs(raw)[0]
    assert paragraphs(article.text)[0] == headline
    assert article.title is not None and headline.endswith(article.title)
    assert not article.title.lower().startswith("exclusive")


def test_seed_furniture_is_gone(seed):
    _, article = seed
    assert "Getty Images" not in article.text
    assert "(Photo by" not in article.text
    assert "on Twitter" not in article.text
    assert "commenting" not in article.text
    assert not any(c in article.text for c in "\u201c\u201d\u2018\u2019\u00a0")


def test_seed_keeps_every_real_paragraph(seed):
    raw, article = seed
    kept = set(paragraphs(article.text))
    quoted = [p for p in raw_paragraphs(raw) if '"' in p]
    assert len(quoted) >= 15
    assert all(p in kept for p in quoted)
    # exactly two paragraphs go, the Follow line and the comment footer; the caption loses its credits
    assert len(kept) == len(raw_paragraphs(raw)) - 2
    assert any(p.endswith("Minsk, May 9, 2020.") for p in kept)
    assert article.language == "en"


def test_a_share_line_left_after_its_photo_credit_goes_is_furniture_too():
    # without the credit the paragraph is short enough to be a share line: dropped on the first pass,
    # not only when the cleaned text is cleaned again
    raw = (
        "Share this article with the friends who cycle to work in the city every single day.(Photo by Jane Roe)"
        "\n\nThe council said on Monday that the lane opens in May."
    )
    article = article_from_text(raw, input="t")
    assert "Share" not in article.text
    assert article_from_text(article.text, input="t").text == article.text


# --- properties ------------------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        "The minister said on Tuesday that 40 people were hurt.",
        '"We will not leave," she told reporters.',
        "Share this article",
        "Follow Jane Roe on Twitter",
        "(Photo by Jane Roe)",
        "Headline Without A Period",
        "\u201cQuoted\u201d\u00a0text",
        "\n",
        "\n\n",
        "  ",
        "\t",
        "e\u0301",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces | st.text(max_size=30), max_size=12).map("".join))
def test_cleaning_is_idempotent_and_only_raises_ingest_error(raw):
    try:
        article = article_from_text(raw, input="t")
    except IngestError:
        return
    again = article_from_text(article.text, input="t")
    assert again.text == article.text
    assert "\n\n\n" not in article.text and article.text == article.text.strip()
    assert all(p == p.strip() and "\n" not in p and "  " not in p for p in paragraphs(article.text))
