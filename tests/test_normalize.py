"""Normalization: SPEC §4, on the real seeds and on small made-up inputs."""

import unicodedata

import pytest

from strikedata.normalize import NormalizationError, curl_double_quotes, leftover_mojibake, normalize, strip_dateline

from conftest import ROOT

RAW = ROOT / "seeds" / "raw"


def seed(prefix: str) -> bytes:
    return next(RAW.glob(f"{prefix}_*.txt")).read_bytes()


def test_seed_001_thorn_and_y_diaeresis_are_repaired():
    raw = seed("001")
    assert "þ".encode() in raw and "ÿ".encode() in raw
    article = normalize(raw)
    assert "þ" not in article.text and "ÿ" not in article.text
    assert "“done for the night,” according to the teachers union" in article.text
    assert "“We're available. We're serious about it,” said David Fisher" in article.text
    assert "thorn_to_line_break" in article.normalizations
    assert "y_diaeresis_to_curly_double_quote" in article.normalizations
    # Paragraph breaks came as double thorns.
    assert "without instruction. Students will go" in article.text
    assert "\n\nUnion members told KCRA 3" in article.text


def test_seed_001_curly_quotes_balance():
    text = normalize(seed("001")).text
    assert text.count("“") == text.count("”") == 5


def test_seed_001_source_trailer_becomes_metadata():
    article = normalize(seed("001"))
    assert article.source_domain == "kcra.com"
    assert "Source:" not in article.text
    assert article.text.endswith("to increase wages and salaries.\n")
    assert "source_trailer_to_metadata" in article.normalizations


@pytest.mark.parametrize("prefix,date", [("002", "2022-03-27"), ("004", "2022-03-22")])
def test_date_header_becomes_published_date(prefix, date):
    article = normalize(seed(prefix))
    assert article.published_date == date
    assert article.text.startswith("SACRAMENTO, Calif. (KTXL) ")
    assert "date_header_to_published_date" in article.normalizations


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_seeds_without_header_have_no_date(prefix):
    assert normalize(seed(prefix)).published_date is None


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_ends_normalized(prefix):
    article = normalize(seed(prefix))
    text = article.text
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert leftover_mojibake(text) == []
    assert article.dateline == "SACRAMENTO, Calif."


def test_crlf_bom_and_decomposed_accents_are_repaired_and_recorded():
    raw = "\ufeffLyse\u0301e said hi.  \r\nNext line\r\n".encode("utf-8")
    article = normalize(raw)
    assert article.text == "Lysée said hi.\nNext line\n"
    assert {"strip_bom", "unicode_nfc", "lf_line_endings", "tidy_whitespace"} <= set(article.normalizations)


def test_clean_text_needs_no_repairs():
    assert normalize(b"Already clean.\n").normalizations == ()


def test_non_utf8_seed_is_a_clear_error():
    with pytest.raises(NormalizationError, match="not valid UTF-8 at byte offset 3 \\(0xe9\\)"):
        normalize("café".encode("latin-1") + b"x")


def test_curl_double_quotes_judges_by_what_comes_before():
    assert curl_double_quotes('ÿHi,ÿ she said. (ÿYes.ÿ)', "ÿ") == "“Hi,” she said. (“Yes.”)"


def test_the_dateline_normalize_reads_is_the_one_extract_strips_from_a_sentence():
    opening = "SACRAMENTO, Calif. (KXYZ) — Teachers will rally Friday."
    article = normalize(f"{opening}\n\nMore text.\n".encode())
    assert (article.dateline, article.dateline_credit) == ("SACRAMENTO, Calif.", "KXYZ")
    assert strip_dateline(opening) == "Teachers will rally Friday."
    assert strip_dateline("ELK GROVE, Calif. —   Schools closed.") == "Schools closed."
    # Only a dateline that opens the passage, and only one.
    assert strip_dateline("Teachers in SACRAMENTO, Calif. — rallied.") == "Teachers in SACRAMENTO, Calif. — rallied."
    assert strip_dateline("Plain sentence.") == "Plain sentence."
