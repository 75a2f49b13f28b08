"""Invented multi-outlet articles for the workbench tests, stored through the real pipeline.

Every sentence is made up for these tests; places are real cities so the gazetteer puts them on the map.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from unittest import mock

from chronicle.confidence import DEFAULT_MIN_CONFIDENCE

# (url, title, published, body)
ARTICLES: list[tuple[str, str, dt.date, str]] = [
    ("https://harbourpost.example/a1", "Dock strike spreads in Mombasa", dt.date(2024, 3, 4),
     "Dock workers in Mombasa walked out on Monday over unpaid wages, union leader Amina Odhiambo said. "
     "\"We will not load a single ship until we are paid,\" Odhiambo told reporters in Mombasa. "
     "The Kenya Ports Authority condemned the strike and threatened to dismiss the workers."),
    ("https://dailyledger.example/b1", "Mombasa port strike enters second day", dt.date(2024, 3, 5),
     "The strike at the port of Mombasa entered its second day on Tuesday. "
     "The Kenya Ports Authority condemned the walkout, and union leader Amina Odhiambo said the workers "
     "would stay out. \"Our members are owed three months of pay,\" Odhiambo said."),
    ("https://harbourpost.example/a2", "Peru and Chile sign fishing accord in Lima", dt.date(2024, 5, 20),
     "The governments of Peru and Chile signed a fishing agreement in Lima on Monday. "
     "Peruvian foreign minister Elena Vargas praised Chile for its cooperation. "
     "\"This accord protects our fishermen,\" Vargas said."),
    ("https://coastwire.example/c1", "Lima accord praised by fishermen", dt.date(2024, 5, 21),
     "Fishermen in Lima welcomed the accord signed by Peru and Chile. "
     "Elena Vargas said Peru would help Chile patrol the coast. "
     "\"We waited years for this,\" fisherman Jorge Quispe said."),
    ("https://dailyledger.example/b2", "Norway sends flood aid to Bergen", dt.date(2024, 9, 10),
     "Norway sent emergency aid to Bergen after heavy floods on Sunday, officials said. "
     "Prime minister Ingrid Solberg visited Bergen and promised more help. "
     "In 2019, soldiers attacked a flood relief convoy near Bergen."),
    ("https://coastwire.example/c2", "Police arrest protesters in Nairobi", dt.date(2024, 11, 2),
     "Police in Nairobi arrested dozens of protesters on Saturday, witnesses said. "
     "Activist Grace Wanjiru accused the police of brutality. "
     "\"They beat people who were only singing,\" Wanjiru said."),
]


def build_store(path: Path) -> Path:
    """Run the invented articles through the pipeline into a store at `path`, then consolidate."""
    from chronicle.api import _pipeline
    from chronicle.ingest.articles import article_from_text
    from chronicle.store import Store
    from chronicle.stories.consolidate import consolidate

    pipeline = _pipeline(None)
    with Store(path) as store:
        for n, (url, title, published, body) in enumerate(ARTICLES):
            article = article_from_text(f"{title}\n\n{body}", input=f"corpus#{n}", title=title, url=url,
                                        published=published)
            store.write(pipeline.extract(article))
        # The views are under test here, not the event model: every event of these few invented articles
        # is grouped, whatever confidence the model (retrained as training annotations grow) gives it.
        with mock.patch.dict(DEFAULT_MIN_CONFIDENCE, {"events": 0.0}):
            consolidate(store.con)
    return path
