"""The resource registry: the resources of the project's source `datapackage.json`, beside schemas/.

Each resource there is declared once: its name, title and description (published as they are), its
Table Schema (`schemas/<name>.json`: columns, types, constraints, keys), and under `build` where its
rows come from and how the build treats them:

    "build": {"rows": "seeds/people.yaml", "order": ["person_id"], "lists": ["aliases"]}

`rows` is a registry file (a YAML list of rows) or ARTICLE_FILES (the article annotation files:
the article itself, or the list under the resource's name); `order` sorts the rows; `computed`
names columns the build fills in; `lists` names columns holding a ';'-separated list. A column
whose field declares `"rdfType": SPAN_EXACT` is a span: the curator pastes it from the article, and
the build locates it and fills in article_id and the fields typed SPAN_START and SPAN_END.

Everything else that lists the resources is derived from this: the build's loaders, row order and
row keys, the extractor's registry files and ids, the docs. Adding a resource is a schema, an entry
in datapackage.json and the data, nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .tableschema import field_names, primary_key

ARTICLE_FILES = "seeds/articles/*.yaml"
# W3C Web Annotation: a TextQuoteSelector's `exact` text, a TextPositionSelector's `start` and `end`.
SPAN_EXACT = "http://www.w3.org/ns/oa#exact"
SPAN_START = "http://www.w3.org/ns/oa#start"
SPAN_END = "http://www.w3.org/ns/oa#end"
# The build-only part of a source resource, left out of the published descriptor.
BUILD_KEY = "build"
MAX_SCHEMA_BYTES = 10_000_000


class RegistryError(ValueError):
    """The source descriptor's resources do not declare what the build needs."""


@dataclass(frozen=True)
class Resource:
    name: str
    schema: dict
    rows: str
    order: tuple[str, ...]
    computed: frozenset[str] = frozenset()
    lists: frozenset[str] = frozenset()

    @property
    def columns(self) -> list[str]:
        return field_names(self.schema)

    @property
    def span(self) -> str | None:
        """The column a curator pastes from the article, which the build locates."""
        return span_columns(self.schema).get(SPAN_EXACT)

    @property
    def from_registry_file(self) -> bool:
        return self.rows != ARTICLE_FILES

    @property
    def listed_as(self) -> str | None:
        """The key of an article file that holds this resource's rows (None: not a list of an article)."""
        return self.name if self.span else None

    @property
    def computed_columns(self) -> frozenset[str]:
        """What the build fills in: the declared computed columns, and for a span its article and offsets."""
        if not self.span:
            return self.computed
        offsets = span_columns(self.schema)
        return self.computed | {"article_id", offsets[SPAN_START], offsets[SPAN_END]}

    def key(self, row: dict) -> object:
        """A row's primary key: the one value, or a tuple of the values of a key of several columns."""
        key = primary_key(self.schema)
        return row[key[0]] if len(key) == 1 else tuple(row[c] for c in key)

    def sort_key(self, row: dict) -> tuple:
        """Where a row of CSV-ready strings goes in the table: by `order`, integer columns as numbers
        (an empty one first)."""
        integers = {f["name"] for f in self.schema.get("fields", []) if f.get("type") == "integer"}
        return tuple((int(row[c]) if row[c] else -1) if c in integers else row[c] for c in self.order)


def span_columns(schema: dict) -> dict[str, str]:
    """The fields of a schema typed as a span's exact text, start or end, by rdfType."""
    return {f["rdfType"]: f["name"] for f in schema.get("fields", []) if f.get("rdfType") in (SPAN_EXACT, SPAN_START, SPAN_END)}


@dataclass(frozen=True)
class Registry:
    resources: tuple[Resource, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.resources)

    @property
    def schemas(self) -> dict[str, dict]:
        return {r.name: r.schema for r in self.resources}

    def __getitem__(self, name: str) -> Resource:
        return next(r for r in self.resources if r.name == name)

    @property
    def registry_files(self) -> dict[str, str]:
        """Resources whose rows live in a registry file, and the file."""
        return {r.name: r.rows for r in self.resources if r.from_registry_file}

    @property
    def article_lists(self) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.listed_as)

    @property
    def own_ids(self) -> dict[str, str]:
        """The id column each resource owns (a primary key of one column), by resource."""
        return {r.name: key[0] for r in self.resources if len(key := primary_key(r.schema)) == 1}

    @property
    def list_columns(self) -> frozenset[str]:
        return frozenset().union(*(r.lists for r in self.resources))


def load_registry(root: Path) -> Registry:
    """The registry of the project at `root`: its datapackage.json resources and their schemas."""
    source = json.loads((root / "datapackage.json").read_text("utf-8"))
    return Registry(tuple(_resource(root, entry) for entry in source.get("resources", [])))


def _resource(root: Path, entry: dict) -> Resource:
    name, build = entry.get("name"), entry.get(BUILD_KEY)
    if not isinstance(name, str) or not name:
        raise RegistryError("datapackage.json: every resource needs a name")
    if not isinstance(build, dict) or not isinstance(build.get("rows"), str) or not isinstance(build.get("order"), list):
        raise RegistryError(f"datapackage.json: resource {name!r} needs \"build\": {{\"rows\": ..., \"order\": [...]}}")
    schema = json.loads(paths.read_inside(root, entry.get("schema", f"schemas/{name}.json"), MAX_SCHEMA_BYTES).decode("utf-8"))
    return Resource(name, schema, build["rows"], tuple(build["order"]), frozenset(build.get("computed", [])),
                    frozenset(build.get("lists", [])))


def load_schemas(root: Path) -> dict[str, dict]:
    """Each registered resource's Table Schema, by name."""
    return load_registry(root).schemas
