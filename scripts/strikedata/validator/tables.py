"""Read a resource's data into a frame of raw strings, with the structural problems found on the way.

Everything a file can get wrong before types matter is found here, the way the Frictionless
specs define it: size and hash, encoding, empty source, header labels (blank, duplicate, extra,
missing, incorrect), and row shape (blank rows, extra and missing cells). Cells stay strings, so a
later check can always show the original value.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..findings import Finding, Tally
from ..paths import UnsafePath, inside, is_remote, read_inside, regular_file

HASH_ALGORITHMS = ("md5", "sha1", "sha256", "sha512")


@dataclass
class Table:
    """One tabular resource as raw strings; `rows[i]`/`lines[i]` locate data row i in its source."""

    name: str  # "" for a resource without a name (a descriptor finding already)
    path: str | None
    schema: dict
    frame: pd.DataFrame
    rows: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def row(self, index: int) -> int:
        return self.rows[index] if index < len(self.rows) else index + 2

    def line(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.row(index)


# A Table Schema or a dialect named by path is a small JSON file; a bigger one is a mistake or an attack.
MAX_METADATA_BYTES = 10_000_000


def _local_json(resource: dict, package_dir: Path, key: str, code: str) -> tuple[object, Finding | None]:
    """The JSON file a resource names under `key` (its schema or dialect), read through the path gate."""
    try:
        data = read_inside(package_dir, resource[key], MAX_METADATA_BYTES)
        return json.loads(data.decode("utf-8")), None
    except UnsafePath as error:
        return None, _refused(resource, key, error)
    except (OSError, ValueError, RecursionError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return None, _problem(resource, code, f"cannot read {key} {resource[key]}: {reason}")


def resolve_schema(resource: dict, package_dir: Path) -> tuple[dict | None, Finding | None]:
    """The resource's Table Schema: inline, or a local JSON file named by path (never fetched)."""
    schema = resource.get("schema")
    if isinstance(schema, str):
        schema, problem = _local_json(resource, package_dir, "schema", "schema-error")
        if problem:
            return None, problem
    return (schema if isinstance(schema, dict) else None), None


def resolve_dialect(resource: dict, package_dir: Path) -> tuple[dict, Finding | None]:
    """The resource's CSV dialect: inline, or a local JSON file named by path (never fetched)."""
    dialect = resource.get("dialect")
    if isinstance(dialect, str):
        dialect, problem = _local_json(resource, package_dir, "dialect", "dialect-error")
        if problem:
            return {}, problem
    return (dialect if isinstance(dialect, dict) else {}), None


def data_path(package_dir: Path, resource: dict) -> Path | Finding:
    """Where a resource's data file is, once the path gate agrees: inside the package folder (links
    followed), local, and a regular file. A refusal is a finding; nothing is read."""
    path = resource.get("path")
    try:
        target = inside(package_dir, path)
        regular_file(target, path)
    except UnsafePath as error:
        return _refused(resource, "path", error)
    except OSError as error:
        return _problem(resource, "source-error", f"cannot read {path}: {error.strerror or error}")
    return target


def resource_name(resource: dict) -> str | None:
    """The resource's name as findings show it; one that is not text (a descriptor finding already, but
    it may be a list, which no table could be keyed by) is shown as its JSON."""
    name = resource.get("name")
    return name if name is None or isinstance(name, str) else json.dumps(name, ensure_ascii=False)


def _refused(resource: dict, key: str, error: UnsafePath) -> Finding:
    """A path the gate refused, reported against the resource (never against the refused file)."""
    code = "remote-reference" if is_remote(resource.get(key)) else "unsafe-path"
    return Finding(resource=resource_name(resource), code=code, message=f"{key} {error}")


def _problem(resource: dict, code: str, message: str, row: int | None = None, field_name: str | None = None,
             line: int | None = None) -> Finding:
    path = resource.get("path") if isinstance(resource.get("path"), str) else None
    return Finding(file=path, line=line if path else None, resource=resource_name(resource), row=row, field=field_name, code=code, message=message)


def integrity_problems(resource: dict, size: int, digest: str | None) -> list[Finding]:
    """Declared `bytes` and `hash` against the file's real size and digest (in the declared algorithm)."""
    out = []
    declared_bytes = resource.get("bytes")
    if isinstance(declared_bytes, int) and not isinstance(declared_bytes, bool) and declared_bytes != size:
        out.append(_problem(resource, "byte-count", f"declared {declared_bytes} bytes, the file has {size}"))
    declared_hash = resource.get("hash")
    if isinstance(declared_hash, str) and declared_hash and digest is not None:
        algorithm, _, expected = declared_hash.rpartition(":")
        if digest != expected.lower():
            out.append(_problem(resource, "hash-count", f"declared {algorithm or 'md5'} {expected}, the file's is {digest}"))
    return out


def integrity_findings(resource: dict, data: bytes) -> list[Finding]:
    """Declared `bytes` and `hash` against the file's real ones."""
    declared_hash = resource.get("hash")
    digest = None
    if isinstance(declared_hash, str) and declared_hash:
        algorithm = declared_hash.rpartition(":")[0] or "md5"
        digest = hashlib.new(algorithm, data).hexdigest() if algorithm in HASH_ALGORITHMS else None
    return integrity_problems(resource, len(data), digest)


def _inferred_names(labels: list[str]) -> list[str]:
    """Field names frictionless gives an undescribed table: fieldN for blanks, name2 for repeats."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for position, label in enumerate(labels, start=1):
        name = label or f"field{position}"
        if name in seen:
            seen[name] += 1
            name = f"{name}{seen[name]}"
        else:
            seen[name] = 1
        names.append(name)
    return names


# As large as the official validator allows a cell (frictionless sets the csv module's limit to
# this), so that the verdict on a big cell does not depend on which library was imported first.
FIELD_SIZE_LIMIT = 2_147_483_646


def _records(text: str, dialect: dict) -> list[tuple[int, list[str]]]:
    """(first physical line, cells) of every record."""
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=dialect.get("delimiter", ","),
        quotechar=dialect.get("quoteChar", '"'),
        doublequote=dialect.get("doubleQuote", True),
        escapechar=dialect.get("escapeChar"),
        skipinitialspace=dialect.get("skipInitialSpace", False),
        strict=False,
    )
    out, start = [], 1
    for cells in reader:
        out.append((start, cells))
        start = reader.line_num + 1
    return out


def _inline_records(data: list) -> list[tuple[int, list[str]]] | None:
    if all(isinstance(r, list) for r in data):
        return [(i + 1, ["" if c is None else str(c) for c in r]) for i, r in enumerate(data)]
    if all(isinstance(r, dict) for r in data):
        keys = list(dict.fromkeys(k for r in data for k in r))
        rows = [[("" if r.get(k) is None else str(r.get(k))) for k in keys] for r in data]
        return [(i + 1, r) for i, r in enumerate([keys] + rows)]
    return None


def check_labels(labels: list[str], declared: list[str], mode: str, *, compare: bool = True
                 ) -> tuple[list[tuple[str, str, str | None]], list[int | None]]:
    """Header labels as the spec has them: blank, duplicate, then against the declared fields.

    Returns (code, message, field) problems and, for each declared field, the column it reads from.
    `compare=False` (an inferred schema) checks only blank and duplicate labels.
    """
    problems: list[tuple[str, str, str | None]] = []
    seen: set[str] = set()
    for position, label in enumerate(labels, start=1):
        if label == "":
            problems.append(("blank-label", f"column {position} has no label", None))
        elif label in seen:
            problems.append(("duplicate-label", f"label {label!r} (column {position}) appears more than once", None))
        seen.add(label)
    positions: list[int | None] = list(range(len(declared)))
    if not compare:
        return problems, positions
    if mode == "exact":
        for position, label in enumerate(labels, start=1):
            if position > len(declared):
                problems.append(("extra-label", f"column {position} ({label!r}) is not in the schema", ""))
            elif label and label != declared[position - 1]:
                expected = declared[position - 1]
                problems.append(("incorrect-label", f"column {position} is labelled {label!r}, the schema says {expected!r}", expected))
        problems += [("missing-label", f"the schema's field {n!r} has no column", n) for n in declared[len(labels):]]
        return problems, positions
    # Table Schema v2 fieldsMatch: equal, subset, superset, partial match fields by name.
    by_label = {label: i for i, label in reversed(list(enumerate(labels)))}
    positions = [by_label.get(n) for n in declared]
    missing = [n for n, at in zip(declared, positions, strict=True) if at is None]
    extra = [label for label in labels if label not in declared]
    ok = {"equal": not missing and not extra, "subset": not missing, "superset": not extra,
          "partial": len(missing) < len(declared)}.get(mode, True)
    if not ok:
        problems += [("missing-label", f"the schema's field {n!r} has no column", n) for n in missing]
        problems += [("extra-label", f"column {label!r} is not in the schema", "") for label in extra]
    return problems, positions


def read_record(resource: dict, number: int, line: int, cells: list[str], width: int, declared: list[str],
                positions: Sequence[int | None], tally: Tally | None = None) -> tuple[list[Finding], list[str] | None]:
    """One record as the specs read it: a blank one is reported and dropped; extra and missing cells
    are reported, and the row kept with the declared fields' cells (a missing cell is blank).
    With a `tally`, findings past its cap are counted, not made."""
    def shown(code: str) -> bool:
        return tally is None or tally.admit(f"{code}:{resource.get('name')}")

    if not any(c.strip() for c in cells):
        return ([_problem(resource, "blank-row", "the row is blank", row=number, line=line)] if shown("blank-row") else []), None
    findings = [_problem(resource, "extra-cell", f"an extra value {cells[position - 1][:40]!r} in column {position}",
                         row=number, field_name="", line=line)
                for position in range(width + 1, len(cells) + 1) if shown("extra-cell")]
    for position in range(len(cells) + 1, width + 1):
        if shown("missing-cell"):
            field_name = declared[position - 1] if position - 1 < len(declared) else None
            findings.append(_problem(resource, "missing-cell", f"no value in column {position}", row=number, field_name=field_name, line=line))
    return findings, [cells[p] if p is not None and p < len(cells) else "" for p in positions]


def is_tabular(resource: dict, schema: dict | None) -> bool:
    """Whether a resource is a table to read (a text or image resource only gets its hash and size checked)."""
    fmt = str(resource.get("format", "")).lower()
    path = str(resource.get("path", "")).lower()
    return (schema is not None or fmt in ("csv", "tsv") or path.endswith((".csv", ".tsv"))
            or resource.get("profile") == "tabular-data-resource" or resource.get("type") == "table")


def _fast_eligible(resource: dict, schema: dict | None) -> bool:
    """A plain UTF-8 CSV described by a schema: the only kind the fast reader takes on."""
    return (schema is not None and isinstance(resource.get("path"), str) and not resource.get("dialect")
            and str(resource.get("encoding") or "utf-8").lower().replace("_", "-") in ("utf-8", "utf8")
            and schema.get("fieldsMatch", "exact") == "exact" and isinstance(schema.get("fields"), list)
            and all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"]))


def _scan(path: Path, algorithm: str | None) -> tuple[int, int, int, bytes, str | None]:
    """One streaming pass over a file, never all in memory:
    (size, line feeds, carriage returns not followed by a line feed, last byte, hex digest if asked)."""
    digest = hashlib.new(algorithm) if algorithm else None
    size = newlines = lone_returns = 0
    last = b""
    buffer = bytearray(1 << 22)
    with path.open("rb", buffering=0) as handle:
        while length := handle.readinto(buffer):
            chunk = memoryview(buffer)[:length]
            size += length
            newlines += int(np.count_nonzero(np.frombuffer(buffer, dtype=np.uint8, count=length) == 10))
            if buffer.find(b"\r", 0, length) >= 0 or last == b"\r":
                text = bytes(chunk)
                lone_returns += text.count(b"\r") - text.count(b"\r\n") - (last == b"\r" and text[:1] == b"\n")
            last = bytes(chunk[-1:])
            if digest:
                digest.update(chunk)
    return size, newlines, lone_returns, last, digest.hexdigest() if digest else None


# Past this many rows of the wrong length, pyarrow's per-row callback (about 20 µs each) costs more
# than reading the file again at the width those rows have.
ODD_ROWS_BEFORE_REREAD = 10_000
MAX_ONE_BLOCK = 1 << 30  # bytes: the largest file read as one block when a row outgrows the usual ones


@dataclass
class _MostlyOdd:
    """A parse stopped because many rows have another width than declared: how many cells they have."""

    widths: Counter


def _parse_csv(path: Path, declared: list[str], *, quote_aware: bool, width: int | None = None):
    """(Arrow table of large strings, rows of the wrong length) as pyarrow reads the file, or None
    when it cannot (bad UTF-8, an unterminated quote...), or _MostlyOdd when rows of the wrong
    length abound. `width` reads that many columns (named by position) instead of the declared ones."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = declared if width is None else [f"column{i}" for i in range(1, width + 1)]
    bad_rows: list = []

    def odd(row) -> str:
        bad_rows.append(row)
        return "error" if len(bad_rows) > ODD_ROWS_BEFORE_REREAD else "skip"

    def read(block_size: int):
        return pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=block_size),
            # A quote-aware cut into blocks is half as fast as cutting at every line end.
            parse_options=pacsv.ParseOptions(newlines_in_values=quote_aware, ignore_empty_lines=False,
                                              invalid_row_handler=odd),
            # Large strings are what pandas keeps, so the frame shares Arrow's buffers, copying nothing.
            convert_options=pacsv.ConvertOptions(column_types={n: pa.large_string() for n in names}, check_utf8=True,
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )

    try:
        try:
            table = read(1 << 22)
        except pa.ArrowInvalid as error:
            # A row longer than a block (a cell of many MB): one block for the whole file, which
            # pyarrow holds as UTF-8, where the csv module would hold four bytes a character.
            size = path.stat().st_size
            if "block size" not in str(error) or size >= MAX_ONE_BLOCK:
                raise
            bad_rows.clear()
            table = read(size + 1)
    except (pa.ArrowInvalid, pa.ArrowException, OSError):
        if len(bad_rows) > ODD_ROWS_BEFORE_REREAD:
            return _MostlyOdd(Counter(row.actual_columns for row in bad_rows))
        return None
    return table, bad_rows


def _parse_csv_at_any_width(path: Path, declared: list[str], *, quote_aware: bool):
    """_parse_csv, and when most rows have another width, read again at that width: then
    (table at that width, its odd rows, the width); else (table, odd rows, None) or None."""
    parsed = _parse_csv(path, declared, quote_aware=quote_aware)
    if not isinstance(parsed, _MostlyOdd):
        return None if parsed is None else (*parsed, None)
    width = parsed.widths.most_common(1)[0][0]
    wide = _parse_csv(path, declared, quote_aware=quote_aware, width=width) if width > 0 else None
    if wide is None or isinstance(wide, _MostlyOdd):
        return None
    return (*wide, width)


def _first_lines(table, lines: int) -> list[int] | None:
    """The line each row starts on, when cells hold line ends (None when the count does not add up)."""
    import pyarrow.compute as pc

    within = np.zeros(table.num_rows, dtype=np.int64)
    for column in table.columns:
        within += pc.count_substring(column, "\n").to_numpy(zero_copy_only=False)
    if 1 + table.num_rows + int(within.sum()) != lines:
        return None
    return (2 + np.arange(table.num_rows) + np.cumsum(within) - within).tolist()


def read_csv_fast(path: Path, declared: list[str], resource: dict,
                  tally: Tally | None = None) -> tuple[pd.DataFrame, list[Finding], list[int], list[int]] | None:
    """The CSV as a frame of strings read by pyarrow (all cores, straight from the file), with its
    size, hash and record findings (rows of the wrong length, blank rows) and, where they differ
    from the plain count, each row's record number and first line; or None when anything else about
    the file is out of the ordinary (more or fewer labels than fields, a lone carriage return, bad
    UTF-8, odd records among cells spanning lines): the reference reader then reads it and names the
    problem."""
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    header_end = head.find(b"\n")
    if not head or header_end < 0:
        return None
    try:  # pyarrow skips a byte order mark, as the reference reader does
        header = next(csv.reader(io.StringIO(head[:header_end].decode("utf-8").removeprefix("\ufeff"))), [])
    except UnicodeDecodeError:
        return None
    if len(header) != len(declared) or not declared or len(set(declared)) != len(declared) or not all(n.strip() for n in declared):
        return None  # more or fewer labels than fields: the reference reader decides what each column is
    # As many labels as fields: columns are read by position whatever their labels say, as the
    # reference reader does, and wrong labels are reported the same way.
    labels = [_problem(resource, code, message, row=1, field_name=field_name, line=1)
              for code, message, field_name in check_labels(header, declared, "exact")[0]]
    declared_hash = resource.get("hash") if isinstance(resource.get("hash"), str) else ""
    algorithm = (declared_hash.rpartition(":")[0] or "md5") if declared_hash else None
    size, newlines, lone_returns, last, digest = _scan(path, algorithm if algorithm in HASH_ALGORITHMS else None)
    if lone_returns:
        return None  # a lone carriage return also ends a row: lines and rows could differ
    lines = newlines + (0 if last == b"\n" else 1)
    # First cut at every line end. When a cell holds one, a cut inside it leaves fewer rows than
    # lines, or (with two columns or more) a row cut short: then read again, quote-aware. A single
    # column could hide such a cut, so it is read quote-aware from the start.
    parsed = None if len(declared) < 2 else _parse_csv_at_any_width(path, declared, quote_aware=False)
    if parsed is None or parsed[0].num_rows + len(parsed[1]) + 1 != lines:
        parsed = _parse_csv_at_any_width(path, declared, quote_aware=True)
    if parsed is None:
        return None
    table, bad_rows, width = parsed
    problems = integrity_problems(resource, size, digest) + labels
    blank = _blank_rows(table)
    if width is not None:  # most rows have `width` cells: those are odd, and the declared ones are not
        if table.num_rows + len(bad_rows) + 1 != lines:
            return None
        wide, table = table, _declared_columns(table, declared)
    if table.num_rows + len(bad_rows) + 1 == lines and (bad_rows or len(blank) or width is not None):
        # One line per record: the odd ones (wrong length, blank) are found by their text and read
        # as the reference reader reads them; the rest stays as Arrow parsed it.
        spliced = _splice_odd_records(path, resource, declared, table, bad_rows, blank, lines, tally,
                                      wide if width is not None else None)
        if spliced is None:
            return None
        table, record_problems, record_lines = spliced
        return table.to_pandas(), problems + record_problems, record_lines, record_lines
    first_lines = [] if table.num_rows + 1 == lines else _first_lines(table, lines)
    if first_lines is None or bad_rows or len(blank):
        return None  # odd records among cells spanning lines: the reference reader sorts them out
    return table.to_pandas(), problems, [], first_lines


def _declared_columns(table, declared: list[str]):
    """A table read at another width, as the declared columns: extra cells dropped, missing ones blank."""
    import pyarrow as pa

    blank = pa.array([""] * table.num_rows, type=pa.large_string())
    return pa.table({name: table.column(i) if i < table.num_columns else blank for i, name in enumerate(declared)})


def _blank_rows(table) -> np.ndarray:
    """Positions of the rows whose cells are all blank or whitespace."""
    import pyarrow.compute as pc

    if not table.num_rows:
        return np.zeros(0, dtype=np.int64)
    candidates = pc.equal(pc.utf8_trim_whitespace(table.column(0)), "")
    if not pc.any(candidates).as_py():
        return np.zeros(0, dtype=np.int64)
    for column in table.columns[1:]:
        candidates = pc.and_(candidates, pc.equal(pc.utf8_trim_whitespace(column), ""))
    return np.flatnonzero(candidates.to_numpy(zero_copy_only=False))


def _line_spans(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(where each line starts, its length without the line end) for every line of a file."""
    line_feeds, base = [], 0
    buffer = bytearray(1 << 22)
    with path.open("rb", buffering=0) as handle:
        while length := handle.readinto(buffer):
            line_feeds.append(np.flatnonzero(np.frombuffer(buffer, dtype=np.uint8, count=length) == 10) + base)
            base += length
    ends = np.concatenate([*line_feeds, np.array([base], dtype=np.int64)])  # a last line may lack its line end
    starts = np.concatenate([[0], ends[:-1] + 1])
    return starts, ends - starts


def _splice_odd_records(path: Path, resource: dict, declared: list[str], table, bad_rows: list, blank, lines: int,
                        tally: Tally | None = None, wide=None):
    """The table with rows of the wrong length put back where they stand and blank rows taken out,
    each reported as the reference reader reports it; None when a row cannot be found again.
    Vectorized: the kept odd rows form one table, merged with the rest in line order by one take.
    `wide`: the rows of `table` were read at another width (this table), so each is reported too."""
    import mmap

    import pyarrow as pa

    starts, lengths = _line_spans(path)
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        octets = np.frombuffer(data, dtype=np.uint8)
        lengths = lengths - ((lengths > 0) & (octets[np.maximum(starts + lengths - 1, 0)] == 13))  # text ends before a CR
        del octets  # the map cannot close while numpy holds it
        wanted = Counter(row.text.encode("utf-8") for row in bad_rows)
        by_length: dict[int, set[bytes]] = {}
        for text in wanted:
            by_length.setdefault(len(text), set()).add(text)
        found: dict[bytes, list[int]] = {}
        for length, texts in by_length.items():  # one look at each line of a length some odd row has
            for i in np.flatnonzero(lengths[1:] == length) + 1:  # not the header
                piece = data[starts[i]: starts[i] + length]
                if piece in texts:
                    found.setdefault(piece, []).append(int(i) + 1)  # 1-based line numbers
        if any(len(found.get(text, [])) != count for text, count in wanted.items()):
            return None
        bad_at = sorted((line, text) for text, at in found.items() for line in at)
    del found, wanted
    record_lines = np.arange(2, lines + 1)
    bad_lines = np.array([line for line, _ in bad_at], dtype=np.int64)
    good_lines = record_lines[~np.isin(record_lines, bad_lines)]
    keep = np.ones(table.num_rows, dtype=bool)
    keep[blank] = False
    findings, kept_rows, kept_lines = [], [], []
    width, positions = len(declared), list(range(len(declared)))
    # The odd rows read as the reference reader reads them: one csv pass over all their lines when
    # it yields one record per line, else line by line.
    odd_texts = [text.decode("utf-8") for _, text in bad_at]
    records = [cells for _, cells in _records("\n".join(odd_texts), {})] if odd_texts else []
    if len(records) != len(odd_texts):
        records = [next(iter(_records(text, {})), (0, [""]))[1] for text in odd_texts]
    odd = [(int(line), cells) for line, cells in zip(bad_lines, records, strict=True)]
    odd += [(int(good_lines[i]), [""]) for i in blank]
    for line, cells in sorted(odd, key=lambda item: item[0]):
        problems, kept = read_record(resource, line, line, cells, width, declared, positions, tally)
        findings += problems
        if kept is not None:
            kept_rows.append(kept)
            kept_lines.append(line)
    if wide is not None:
        findings += _width_findings(resource, declared, wide, np.flatnonzero(keep), good_lines, tally)
    merged = table.filter(pa.array(keep)) if len(blank) else table
    merged_lines = good_lines[keep]
    if kept_rows:
        columns = list(zip(*kept_rows, strict=True))
        extra = pa.table({n: pa.array(columns[i], type=pa.large_string()) for i, n in enumerate(declared)})
        merged_lines = np.concatenate([merged_lines, np.asarray(kept_lines, dtype=np.int64)])
        order = np.argsort(merged_lines, kind="stable")
        merged = pa.concat_tables([merged, extra]).take(pa.array(order))
        merged_lines = merged_lines[order]
    return merged, findings, merged_lines.tolist()


def _width_findings(resource: dict, declared: list[str], wide, rows: np.ndarray, lines: np.ndarray,
                    tally: Tally | None) -> list[Finding]:
    """The findings of rows that all have `wide.num_columns` cells: made for as many as the tally
    shows (the first ones), counted for the rest."""
    width, positions = len(declared), list(range(len(declared)))
    code = "extra-cell" if wide.num_columns > width else "missing-cell"
    per_row = abs(wide.num_columns - width)
    findings: list[Finding] = []
    for done, i in enumerate(rows):
        if tally is not None and tally.is_full(f"{code}:{resource.get('name')}"):
            tally.hidden[code] += per_row * (len(rows) - done)
            break
        cells = [str(value) for value in wide.slice(int(i), 1).to_pylist()[0].values()]
        findings += read_record(resource, int(lines[i]), int(lines[i]), cells, width, declared, positions, tally)[0]
    return findings


def read_table(package_dir: Path, resource: dict, schema: dict | None, *, fast: bool = False,
               tally: Tally | None = None) -> tuple[Table | None, list[Finding]]:
    """Read one resource (CSV file or inline data) into raw strings, with its structural findings.

    `fast` lets pyarrow read plain CSVs; whatever it declines is read by the csv module as always.
    """
    name = resource_name(resource) or ""
    dialect, problem = resolve_dialect(resource, package_dir)
    if problem:
        return None, [problem]
    path = resource.get("path")
    if isinstance(path, list):
        return None, [_problem(resource, "source-error", "a multipart path (a list of files) is not read by this "
                               "validator; join the parts into one file, or validate with frictionless")]
    source: Path | None = None  # the data file, for a resource with a path
    if path is not None:
        found = data_path(package_dir, resource)
        if isinstance(found, Finding):
            return None, [found]
        source = found
        if schema is not None and fast and _fast_eligible(resource, schema) and is_tabular(resource, schema):
            arrow = _read_with_arrow(source, name, path, resource, schema, tally)
            if arrow is not None:
                return arrow
    if source is not None:
        records, findings = _file_records(source, resource, schema, dialect)
    elif isinstance(resource.get("data"), list):
        records, findings = _inline_records(resource["data"]), []
        if records is None:
            return None, [_problem(resource, "source-error", "inline data must be a list of rows (lists) or of records (objects)")]
    else:
        return None, []
    if records is None:
        return None, findings
    table, shape_findings = _table_from_records(name, path, resource, schema, dialect, records, tally)
    return table, findings + shape_findings


def _read_with_arrow(source: Path, name: str, path: str, resource: dict, schema: dict,
                     tally: Tally | None) -> tuple[Table, list[Finding]] | None:
    """The table read by pyarrow, or None when pyarrow declines the file (the csv module reads it then)."""
    try:
        done = read_csv_fast(source, [f["name"] for f in schema["fields"]], resource, tally)
    except OSError:
        return None
    if done is None:
        return None
    frame, problems, rows, lines = done
    return Table(name, path, schema, _missing_to_blank(frame, schema), rows=rows, lines=lines), problems


def _file_records(source: Path, resource: dict, schema: dict | None, dialect: dict) -> tuple[list | None, list[Finding]]:
    """A data file's records (line, cells) read by the csv module, after its size, hash and encoding
    are checked; None (with the findings) when there is no table to read."""
    try:
        data = source.read_bytes()
    except OSError as error:
        return None, [_problem(resource, "source-error", f"cannot read {resource.get('path')}: {error.strerror or error}")]
    findings = integrity_findings(resource, data)
    if not is_tabular(resource, schema):
        return None, findings
    if not data:
        return None, findings + [_problem(resource, "source-error", "the source is empty")]
    encoding = resource.get("encoding") or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, findings + [_problem(resource, "encoding-error",
                                          f"not valid {encoding} at byte offset {error.start} (0x{data[error.start]:02x})", line=line)]
    except LookupError:
        return None, findings + [_problem(resource, "encoding-error", f"unknown encoding {encoding!r}")]
    del data  # the text holds it now; a big file should not be held twice
    return _records(text.removeprefix("\ufeff"), dialect), findings


def _header_rows(dialect: dict) -> list[int]:
    """The numbers of the rows that make the header (none when the dialect says there is none)."""
    if dialect.get("header") is False:
        return []
    header_rows = dialect.get("headerRows")
    return header_rows if isinstance(header_rows, list) else [1]


def _table_from_records(name: str, path: str | None, resource: dict, schema: dict | None, dialect: dict,
                        records: list[tuple[int, list[str]]], tally: Tally | None) -> tuple[Table | None, list[Finding]]:
    """The records as a table: labels checked against the schema (or a schema inferred from them),
    then every row's shape."""
    header_rows = _header_rows(dialect)
    last_header = max(header_rows, default=0)
    if len(records) < last_header:
        return None, [_problem(resource, "source-error", "the source is empty" if not records else f"no header row {last_header}")]
    labels = list(records[last_header - 1][1]) if header_rows else []
    body = [(n, line, cells) for n, (line, cells) in enumerate(records, start=1) if n > last_header]
    inferred = schema is None
    if schema is None:
        declared = _inferred_names(labels) if header_rows else [f"field{i}" for i in range(1, (len(body[0][2]) if body else 0) + 1)]
        schema = {"fields": [{"name": n, "type": "any"} for n in declared]}
    declared = [f["name"] for f in schema.get("fields", [])]
    mode = schema.get("fieldsMatch", "exact")
    findings: list[Finding] = []
    positions: list[int | None] = list(range(len(declared)))
    if header_rows:
        label_problems, positions = check_labels(labels, declared, mode, compare=not inferred)
        findings += [_problem(resource, code, message, row=last_header or None, field_name=field_name, line=records[last_header - 1][0])
                     for code, message, field_name in label_problems]
    width = len(labels) if header_rows else len(declared)
    width = max(width, len(declared)) if mode == "exact" else width
    cells_out, rows, lines = [], [], []
    for number, line, cells in body:
        problems, kept = read_record(resource, number, line, cells, width, declared, positions, tally)
        findings += problems
        if kept is not None:
            cells_out.append(kept)
            rows.append(number)
            lines.append(line if path else number)
    frame = pd.DataFrame(cells_out, columns=declared, dtype=object) if cells_out else pd.DataFrame({n: pd.Series(dtype=object) for n in declared})
    frame = _missing_to_blank(frame, schema)
    frame = frame.astype(str) if len(frame) else frame
    return Table(name, path, schema, frame, rows, lines), findings


def _missing_to_blank(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """Cells holding one of the schema's missingValues become blank, the one way "no value" is written."""
    missing_values = schema.get("missingValues", [""])
    if isinstance(missing_values, list) and [v for v in missing_values if v != ""]:
        frame = frame.replace({v: "" for v in missing_values if v != ""})
    return frame
