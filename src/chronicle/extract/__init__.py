"""Extraction stages over a parsed article: actors, places, dates, quotes, events, numbers, tone.

Importing this package registers every stage module listed in `STAGE_MODULES`.
`DEFAULT_STAGES` is the order they run in: later stages read what earlier ones produced
(quotes resolve speakers to actors; events take their dates and places from those stages;
numbers link to the quote or event they belong to).
"""

import importlib

from chronicle.extract.registry import ExtractContext, Stage, get_stage, register_stage, registered_stages

DEFAULT_STAGES: tuple[str, ...] = ("actors", "places", "dates", "quotes", "events", "numbers", "tone")
STAGE_MODULES = tuple(f"chronicle.extract.{name}" for name in DEFAULT_STAGES)

for _module in STAGE_MODULES:
    importlib.import_module(_module)

__all__ = [
    "DEFAULT_STAGES",
    "ExtractContext",
    "Stage",
    "get_stage",
    "register_stage",
    "registered_stages",
]
