"""The shared accent fold: ASCII out, ASCII text untouched, accents dropped from their letters."""

from hypothesis import given
from hypothesis import strategies as st

from chronicle.folding import ascii_fold


def test_accented_names_fold_to_their_letters() -> None:
    assert ascii_fold("Šakalienė") == "Sakaliene"
    assert ascii_fold("Zürich, Île-de-France") == "Zurich, Ile-de-France"


@given(st.text())
def test_fold_is_ascii_and_idempotent(text: str) -> None:
    folded = ascii_fold(text)
    assert folded.isascii()
    assert ascii_fold(folded) == folded


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_is_unchanged(text: str) -> None:
    assert ascii_fold(text) == text
