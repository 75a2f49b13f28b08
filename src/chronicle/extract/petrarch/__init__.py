"""PETRARCH/TABARI dictionary compatibility: read actor, agent, verb, discard and issue
dictionaries and code sentences with them (see docs/petrarch.md)."""

from chronicle.extract.petrarch.coder import CodedEvent, code_sentence
from chronicle.extract.petrarch.dictionaries import Dictionaries, DictionaryError, load_dictionaries

__all__ = ["CodedEvent", "Dictionaries", "DictionaryError", "code_sentence", "load_dictionaries"]
