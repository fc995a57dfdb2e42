"""The curation layer: annotation mistakes come back as findings with file:line, never a traceback."""

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from strikedata.build import build_package

from conftest import examples

ARTICLE = "seeds/articles/ktxl-strike-second-day.yaml"


def edit(project: Path, relative: str, old: str, new: str) -> int:
    """Replace `old` once in a file; return the 1-based line where it stood."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def only(findings, code):
    matching = [f for f in findings if f.code == code]
    assert matching, findings
    return matching[0]


def test_quote_not_in_article_shows_closest_passage(project):
    line = edit(project, ARTICLE, "text: We are worth every cent,", "text: We are worth every single cent,")
    finding = only(build_package(project), "span-not-found")
    assert (finding.file, finding.line, finding.field) == (ARTICLE, line, "text")
    assert "We are worth every cent" in finding.hint


def test_straight_apostrophe_for_curly_one_names_the_exact_text(project):
    edit(project, ARTICLE, "text: We’ll see you on the 30th.", "text: We'll see you on the 30th.")
    finding = only(build_package(project), "span-not-found")
    assert "We’ll see you on the 30th." in finding.hint


def test_unknown_key_is_named_with_its_line(project):
    line = edit(project, ARTICLE, "    cue: response was\n", "    cue: response was\n    speeker: someone\n") + 1
    finding = only(build_package(project), "unknown-key")
    assert (finding.file, finding.line, finding.field) == (ARTICLE, line, "speeker")


def test_computed_key_is_refused(project):
    line = edit(project, ARTICLE, "    kind: nested\n", "    kind: nested\n    char_start: 12\n") + 1
    finding = only(build_package(project), "computed-key")
    assert (finding.line, finding.field) == (line, "char_start")


def test_yaml_syntax_error_has_a_line(project):
    line = edit(project, ARTICLE, "  - quote_id: corsodoro-front-lines", "  - quote_id: [corsodoro-front-lines")
    finding = only(build_package(project), "yaml-syntax")
    assert finding.file == ARTICLE and finding.line is not None and abs(finding.line - line) <= 2


def test_duplicate_key_in_one_entry_is_an_error(project):
    line = edit(project, ARTICLE, "    cue: response was\n", "    cue: response was\n    cue: said\n") + 1
    finding = only(build_package(project), "yaml-syntax")
    assert finding.line == line and "twice" in finding.message


def test_fragment_that_is_not_between_quote_marks(project):
    edit(project, ARTICLE, "text: I feel that the proposal", "text: feel that the proposal")
    finding = only(build_package(project), "quote-not-delimited")
    assert finding.field == "text"


def test_attribution_must_be_the_articles_words(project):
    line = edit(project, ARTICLE, "speaker_as_written: said SCUSD Superintendent Jorge Aguilar",
                "speaker_as_written: said Superintendent Aguilar")
    finding = only(build_package(project), "attribution-not-found")
    assert (finding.file, finding.line) == (ARTICLE, line)


def test_dangling_speaker_points_back_to_the_annotation_line(project):
    line = edit(project, ARTICLE, "speaker_person_id: jorge-aguilar", "speaker_person_id: jorge-aguilarr")
    finding = only(build_package(project), "foreign-key")
    assert (finding.file, finding.line, finding.field) == (ARTICLE, line, "speaker_person_id")
    assert "jorge-aguilarr" in finding.message


def test_bad_value_in_registry_points_to_its_line(project):
    line = edit(project, "seeds/people.yaml", "  role: SCUSD parent", "  role: SCUSD parent\n  org_id: Parents")
    finding = only(build_package(project), "pattern")
    assert finding.file == "seeds/people.yaml" and finding.line == line + 1


def test_occurrence_must_be_a_positive_whole_number(project):
    line = edit(project, ARTICLE, "    evidence_text: more staffing\n", "    evidence_text: more staffing\n    occurrence: 0\n") + 1
    finding = only(build_package(project), "bad-occurrence")
    assert (finding.file, finding.line, finding.field) == (ARTICLE, line, "occurrence")


def test_occurrence_beyond_the_count_says_how_many(project):
    edit(project, ARTICLE, "    evidence_text: more staffing\n", "    evidence_text: more staffing\n    occurrence: 2\n")
    finding = only(build_package(project), "span-not-found")
    assert "1 time(s)" in finding.message


def test_missing_seed_file(project):
    edit(project, ARTICLE, "seed_file: seeds/raw/000_", "seed_file: seeds/raw/999_")
    finding = only(build_package(project), "seed-missing")
    assert finding.file == ARTICLE and finding.field == "seed_file"


def test_inferred_date_needs_its_reasoning(project):
    path = project / ARTICLE
    text = path.read_text()
    start = text.index("date_note: >-")
    end = text.index("\nquotes:")
    path.write_text(text[:start] + text[end:])
    finding = only(build_package(project), "inference-unexplained")
    assert finding.file == ARTICLE


def test_file_that_is_not_utf8(project):
    (project / ARTICLE).write_bytes("article_id: caf\xe9\n".encode("latin-1"))
    finding = only(build_package(project), "encoding-error")
    assert finding.line == 1


@pytest.mark.parametrize("content", ["", "- just\n- a list\n", "article_id: x\n"])
def test_wrong_shapes_are_findings_not_tracebacks(project, content):
    (project / ARTICLE).write_text(content)
    findings = build_package(project)
    assert findings and all(f.file for f in findings)


def test_contributing_walkthrough_adds_an_article(project):
    """CONTRIBUTING.md's 'Add an article' steps, followed literally, build a package with the new article."""
    import hashlib
    import subprocess

    raw = project / "seeds" / "raw" / "005_new.txt"
    raw.write_bytes(" date 2022-03-31 SACRAMENTO, Calif. (KTXL) — Talks went on, “we are close,” said Jorge Aguilar.\n".encode())
    subprocess.run("sha256sum 005_new.txt >> SHA256SUMS", shell=True, cwd=raw.parent, check=True)
    (project / "seeds" / "articles" / "ktxl-talks-go-on.yaml").write_text(
        "article_id: ktxl-talks-go-on\nseed_file: seeds/raw/005_new.txt\noutlet_org_id: ktxl\noutlet_basis: stated\n"
        "date_note: the seed's date header\nquotes: []\noffer_mentions: []\nfigures: []\nevent_mentions: []\n")
    assert build_package(project, official=False) == []
    text = (project / "build" / "texts" / "ktxl-talks-go-on.txt").read_text()
    assert text.startswith("SACRAMENTO, Calif. (KTXL)")
    # Step 4: a quote copied from the text.
    path = project / "seeds" / "articles" / "ktxl-talks-go-on.yaml"
    path.write_text(path.read_text().replace("quotes: []", (
        "quotes:\n  - quote_id: aguilar-we-are-close\n    text: we are close,\n    speaker_person_id: jorge-aguilar\n    speaker_org_id: scusd\n"
        "    speaker_as_written: said Jorge Aguilar\n    speaker_basis: stated\n    cue: said\n    channel: unknown\n    kind: full\n")))
    assert build_package(project, official=False) == []
    assert "aguilar-we-are-close" in (project / "build" / "quotes.csv").read_text()
    assert hashlib.sha256(raw.read_bytes()).hexdigest() in (raw.parent / "SHA256SUMS").read_text()


def test_unrecorded_seed_is_refused_with_the_line_to_add(project):
    raw = project / "seeds" / "raw" / "000_a1ca0f72364604f2.txt"
    sums = project / "seeds" / "raw" / "SHA256SUMS"
    sums.write_text("".join(line for line in sums.read_text().splitlines(keepends=True) if raw.name not in line))
    finding = only(build_package(project, official=False), "seed-unrecorded")
    assert raw.name in finding.hint


def test_article_id_cannot_write_outside_build(project):
    raw = project / "seeds" / "raw" / "003_174fbbd8de75fe95.txt"
    before = raw.read_bytes()
    edit(project, "seeds/articles/abc10-strike-preparation.yaml", "article_id: abc10-strike-preparation",
         "article_id: ../../seeds/raw/003_174fbbd8de75fe95")
    finding = only(build_package(project, official=False), "pattern")
    assert finding.field == "article_id"
    assert raw.read_bytes() == before


@settings(max_examples=examples(150, 1000), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -\n\t'\"[]{}&*#!|>%@`,?01é“”")), max_size=80))
def test_the_fast_yaml_reader_reads_what_the_reference_reads(text):
    """libyaml reads the plain files, the pure-Python loader the rest: where the pure-Python loader
    reads a text, the same values and lines; where it refuses one, libyaml either refuses it too (and
    the pure-Python loader words the problem) or reads it as the YAML it is (a bare `!` or `|#`, which
    PyYAML alone refuses)."""
    import yaml

    from strikedata import annotations as ann

    def outcome(read):
        try:
            return "value", shape(read(text))
        except (yaml.YAMLError, ValueError, RecursionError) as error:
            return "error", type(error).__name__, str(error)

    def shape(value):
        if isinstance(value, ann.Located):
            return value.line, sorted(value.key_lines.items()), {k: shape(v) for k, v in value.items()}
        return [shape(v) for v in value] if isinstance(value, list) else value

    reference = outcome(lambda t: yaml.load(t, Loader=ann._LineLoader))  # noqa: S506
    fast = outcome(ann._parsed)
    assert fast == reference or (reference[0] == "error" and fast[0] == "value")
