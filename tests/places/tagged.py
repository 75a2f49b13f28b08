"""Hand-tagged test stories for the places rules: words with the entities a test gives, one sentence per
full stop, and the gazetteer entry each toponym resolves to."""

from spacy.tokens import Doc, Span

from chronicle.extract import places
from chronicle.extract.gazetteer import Entry
from chronicle.records import Article, ArticleRecords, article_id_for


def story(nlp, words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(nlp.vocab, words=words, spaces=[w not in {",", "."} for w in words[1:]] + [False],
              sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))])
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def resolved(doc: Doc) -> dict[str, Entry | None]:
    records = ArticleRecords(article=Article(id=article_id_for(doc.text), input="test", text=doc.text))
    return {r.toponym.span.text: r.entry for r in places.resolve_article(doc, records)}
