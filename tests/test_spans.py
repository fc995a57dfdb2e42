"""Span location: curators paste text, the build finds code-point offsets."""

from hypothesis import given, strategies as st

from strikedata.spans import NotFound, Span, locate

TEXT = "She said “no.” Then she said “no.” again — twice.\n"


def test_first_occurrence_by_default():
    found = locate(TEXT, "no.")
    assert found == Span(10, 13)
    assert TEXT[found.start:found.end] == "no."


def test_second_occurrence_on_request():
    found = locate(TEXT, "no.", occurrence=2)
    assert isinstance(found, Span) and found.start == 30


def test_occurrence_out_of_range_says_how_many():
    found = locate(TEXT, "no.", occurrence=3)
    assert isinstance(found, NotFound) and "2 time(s)" in found.message


def test_straight_quotes_typed_for_curly_ones_get_the_exact_text():
    found = locate(TEXT, 'said "no." again - twice')
    assert isinstance(found, NotFound)
    assert "said “no.” again — twice" in found.hint


def test_missing_text_shows_the_closest_passage():
    found = locate(TEXT, "Then she sayed")
    assert isinstance(found, NotFound)
    assert "Then she said" in found.hint


def test_offsets_are_code_points_not_bytes():
    text = "é — “Ünïcödé” ok"
    found = locate(text, "Ünïcödé")
    assert found == Span(5, 12)


@given(st.text(min_size=1, max_size=200), st.data())
def test_any_substring_is_found_where_it_first_occurs(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    needle = text[start:end]
    found = locate(text, needle)
    assert isinstance(found, Span)
    assert text[found.start:found.end] == needle
    assert found.start == text.find(needle)
