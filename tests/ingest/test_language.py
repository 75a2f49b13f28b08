"""Language detection: plain English skips the classifier; other languages still reach it."""

from __future__ import annotations

import pytest

from chronicle.ingest import language
from tests.ingest.test_readers import GERMAN, STORY

SPANISH = ("El gobierno anunció el martes un nuevo plan para los agricultores afectados por la sequía. "
           "El ministro dijo que las ayudas se pagarán antes de fin de mes, pero los sindicatos creen que "
           "las cantidades son insuficientes y han convocado una protesta frente a la sede regional.")


def test_plain_english_does_not_load_the_classifier(monkeypatch):
    def refuse():
        raise AssertionError("the classifier was consulted")

    monkeypatch.setattr(language, "identifier", refuse)
    assert language.detect_language(STORY) == "en"


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (SPANISH, "es")])
def test_other_languages_reach_the_classifier(text, code):
    words = language._WORD.findall(text.lower())
    assert not language.plainly_english(words)
    assert language.detect_language(text) == code


def test_function_word_list_has_no_comment_lines():
    words = language.english_function_words()
    assert "the" in words and not any(w.startswith("#") for w in words)
