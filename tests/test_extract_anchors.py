"""The extractor tries its costliest patterns only around a cheap anchor word (tried at every position of a
2 MB article, each took up to a second). Anchored reading must find exactly what reading everywhere finds:
checked on every article the project has and on texts made of the words those patterns are built of."""

import re

from hypothesis import given, settings, strategies as st

from strikedata.extract import figures as F, happenings as H
from strikedata.extract.text import folded
from strikedata.normalize import normalize

from conftest import ROOT, examples

FIGURES = {  # pattern: (anchor, where a match may start), as find_figures reads them
    "HALF_OF": (F.HALF_AT, F._window),
    "HALF_QUALIFIED": (F.HALF_AT, F._window),
    "AND_A_HALF": (F.AND_A_HALF_AT, F._window),
    "VOTE_TALLY": (F.VOTE_TALLY_AT, F._leading(5)),
    "PLURAL_COUNT": (F.PLURAL_COUNT_AT, F._leading(0)),
    "ORDINAL_DAY": (F.ORDINAL_DAY_AT, F._leading(30)),
    "VOTERS": (F.VOTERS_AT, F._leading(30)),
}
# Whole phrases each pattern reads, and the words they are made of, for texts that mix them.
PHRASES = ["twenty-seven days ago", "earlier this week", "later this month", "last year", "this morning", "last night",
           "over the weekend", "this past weekend", "since last spring", "this coming fall", "back in their early March",
           "since mid-Sept. 2021", "by 2022", "of late 1999", "more than half of the", "just over half qualify", "approximately half their",
           "five and a half hours", "two and a half years", "by a vote of 488-61", "approved it 5-4", "margin of 12 to 3",
           "voted 1,784 to 211", "tens of thousands of striking teachers", "several hundred bus drivers", "a few dozen staff",
           "the fourteenth consecutive school day", "the walkout’s thirteenth straight day", "its 12th straight day", "reaches eighth weekday",
           "1,212 of them voted", "588 members cast ballots", "the Wednesday before Thanksgiving", "the day after last Easter",
           "this Fourth of July", "just a few minutes ago", "an hour ago", "Presidents' Day", "Labor Day weekend", "Christmas Eve"]
WORDS = [*PHRASES, "last", "next", "this", "ago", "two", "days", "weeks", "year", "today", "tomorrow", "weekend", "the",
         "spring", "semester", "in", "early", "March", "May", "2022", "school", "of", "%", "5", "half", "hours", "voted",
         "members", "failed", "to", "thousands", "day", "its", "their", ",", ".", "\n", "-", "’s", "them", "by a"]


def both_ways(text: str):
    low = folded(text)
    for pattern, anchor in H.RESOLVER_ANCHORS.items():
        yield pattern.pattern[:40], [m.span() for m in pattern.finditer(text)], [m.span() for m in H._anchored(pattern, text, anchor)]
    for name, (anchor, starts) in FIGURES.items():
        pattern: re.Pattern[str] = getattr(F, name)
        yield name, [m.span() for m in pattern.finditer(text)], [m.span() for m in F._matches(pattern, text, low, anchor, starts)]


ARTICLES = sorted([*ROOT.glob("seeds/raw/*.txt"), *ROOT.glob("tests/fixtures/*/raw/*.txt")])


def test_the_articles_are_read_alike_both_ways():
    assert len(ARTICLES) > 100
    for path in ARTICLES:
        text = normalize(path.read_bytes()).text
        for name, everywhere, anchored in both_ways(text):
            assert anchored == everywhere, (path.name, name)


@settings(max_examples=examples(200, 3000), deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.sampled_from([" ", " ", " ", "  ", ""]), min_size=40, max_size=40))
def test_texts_of_their_words_are_read_alike_both_ways(words, gaps):
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))  # gaps: as many as the most words
    for name, everywhere, anchored in both_ways(text):
        assert anchored == everywhere, name

