"""Tone: GDELT-style tone of the document and of each sentence, from the VADER lexicon.

GDELT's GKG reports, per document, the percentage of words with positive and with negative
valence, their difference (polarity) and the percentage of words with any valence (activity).
We compute the same four figures with the lexicon that ships in vaderSentiment (7,500 English
words and emoticons rated -4 … +4): a word counts as positive when its VADER valence is > 0 and
negative when < 0; percentages are over the alphabetic tokens of the span. VADER's own compound
score (-1 … 1, which also handles negation, intensifiers and "but") is given beside them.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords, Tone, child_id

STRONG_VALENCE = 1.6  # VADER rates words -4 … 4: "criticize" -1.6, "praised" 2.2; "like" 1.5 is too weak


@functools.cache
def analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def word_valence(token: Token) -> float:
    """The token's VADER valence (-4 … 4; 0 when the packaged lexicon does not rate it): its form, else
    its lemma. The events stage and the trigger classifier read words' valence through this."""
    rated = analyzer().lexicon
    return float(rated.get(token.lower_) or rated.get(token.lemma_.lower()) or 0.0)


def tone_figures(tokens: list[str], text: str) -> dict[str, float]:
    """GDELT-style percentages over `tokens` (lower-cased words) and VADER's compound for `text`."""
    lexicon = analyzer().lexicon
    words = len(tokens)
    positive = sum(1 for w in tokens if lexicon.get(w, 0) > 0)
    negative = sum(1 for w in tokens if lexicon.get(w, 0) < 0)
    pos_pct = 100 * positive / words if words else 0.0
    neg_pct = 100 * negative / words if words else 0.0
    return {
        "positive": round(pos_pct, 3),
        "negative": round(neg_pct, 3),
        "polarity": round(pos_pct - neg_pct, 3),
        "activity": round(pos_pct + neg_pct, 3),
        "compound": analyzer().polarity_scores(text)["compound"] if text.strip() else 0.0,
    }


def _words(span: Doc | Span) -> list[str]:
    return [t.lower_ for t in span if t.is_alpha]


@register_stage("tone", fills=("tones",))
def extract_tone(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    article_id = records.article.id
    sentences = [s for s in doc.sents if any(t.is_alpha for t in s)]
    tones = []
    for n, sent in enumerate(sentences, start=1):
        tones.append(Tone(id=child_id(article_id, "t", n), article_id=article_id, scope="sentence",
                          start=sent.start_char, end=sent.end_char, **tone_figures(_words(sent), sent.text)))
    document = tone_figures(_words(doc), "")
    # the document compound is the mean of the sentence compounds: VADER is built for sentence-sized text
    document["compound"] = round(sum(t.compound for t in tones) / len(tones), 4) if tones else 0.0
    tones.insert(0, Tone(id=child_id(article_id, "t", 0), article_id=article_id, scope="document",
                         start=0, end=len(doc.text), **document))
    return {"tones": tones}
