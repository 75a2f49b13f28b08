"""Consolidation across articles, run over the store after ingest: from reports to events.

This package owns everything that relates one stored article to another:
- stories: each article joins the story of the articles (from any outlet) that report the same news
  event, and republished wire copies or near-duplicates are marked `duplicate_of` (`clustering`,
  `duplicates`, `text`);
- entities: one row per real actor or place across articles, with every article-level actor and
  place linked to it (`entities`);
- event groups: events from different articles that report the same act, counted once, with their
  members listed for audit, a Goldstein value and a quad class (`groups`, `goldstein`);
- the tables they are stored in (`records`) and the transaction that writes them (`consolidate`), and
  the read-side views the CLI and the APIs share (`views`).
"""
