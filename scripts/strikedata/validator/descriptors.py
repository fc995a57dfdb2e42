"""A quick look at a descriptor: is it plainly well formed, so that the full metadata check can be skipped?

frictionless's metadata loader is the reference for descriptor errors, but importing it and loading
the profiles costs more than validating a small package. `is_plain` accepts only descriptors built
from well-understood parts with the right shapes; anything else (a property it does not know, a
dialect, a remote schema) goes to frictionless, so the fast path can never accept what the reference
rejects. A test holds it to that over the peer corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..findings import Finding
from ..paths import UnsafePath, inside, is_remote, path_problem, regular_file

NAME = re.compile(r"^[a-z0-9._-]+$")  # the Data Package (v1) pattern for package and resource names
FIELD_TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime",
               "year", "yearmonth", "duration", "geopoint", "geojson", "any"}
PACKAGE_TEXT = {"name", "id", "title", "description", "version", "created", "homepage", "image"}
PACKAGE_LISTS = {"licenses", "contributors", "sources"}
RESOURCE_TEXT = {"name", "path", "title", "description", "format", "mediatype", "encoding", "hash"}
SAFE_PATH = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Constraints each type takes (frictionless rejects, say, minLength on an integer), and formats we know.
TYPE_CONSTRAINTS = {"string": {"pattern", "minLength", "maxLength"}, "array": {"minLength", "maxLength"},
                    "object": {"minLength", "maxLength"}}
ORDERED = {"integer", "number", "date", "time", "datetime", "year", "yearmonth", "duration"}
FORMATS = {"string": {"default", "uri", "email"}}
FIELD_TEXT = {"name", "title", "description", "format", "rdfType"}
PARTY_TEXT = {"name", "title", "path", "email", "role", "organization"}
# The standard profiles a root `$schema` may name (Data Package v1 and v2): frictionless resolves the
# version from them and fetches nothing; any other value goes to frictionless.
PACKAGE_SCHEMAS = {"https://datapackage.org/profiles/1.0/datapackage.json", "https://datapackage.org/profiles/2.0/datapackage.json"}
# v2 resource types the fast path knows (v2 defines only `table`; v1 said profile: tabular-data-resource).
RESOURCE_TYPES = {"table"}
# Custom properties that no validator interprets (frictionless ignores them), accepted as lists of text:
# a resource's usage warnings for its data users.
TEXT_LISTS = {"usageWarnings"}
CONSTRAINTS: dict[str, type | tuple[type, ...]] = {
    "required": bool, "unique": bool, "enum": list, "pattern": str, "minLength": int, "maxLength": int,
    "minimum": (int, float, str), "maximum": (int, float, str),
}


def _texts(mapping: dict, allowed: set[str]) -> bool:
    return all(isinstance(mapping.get(k), str) for k in allowed & mapping.keys())


CREATED = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$")
NEEDS = {"licenses": ("name", "path"), "contributors": ("title",), "sources": ("title",)}


def _text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _parties(value: object, kind: str) -> bool:
    """Licenses, contributors or sources; a contributor's v2 `roles` (a list) as well as its v1 `role`."""
    return isinstance(value, list) and all(
        isinstance(p, dict) and set(p) <= PARTY_TEXT | {"roles"} and _texts(p, PARTY_TEXT) and any(p.get(k) for k in NEEDS[kind])
        and ("email" not in p or EMAIL.match(p["email"])) and ("roles" not in p or _text_list(p["roles"])) for p in value)


def _field(field: object) -> bool:
    if not isinstance(field, dict) or not set(field) <= FIELD_TEXT | {"type", "constraints"}:
        return False
    if not (isinstance(field.get("name"), str) and field["name"] and _texts(field, FIELD_TEXT)):
        return False
    kind = field.get("type", "string")
    if kind not in FIELD_TYPES or field.get("format", "default") not in FORMATS.get(kind, {"default"}):
        return False
    constraints = field.get("constraints", {})
    allowed = {"required", "unique", "enum"} | TYPE_CONSTRAINTS.get(kind, set()) | ({"minimum", "maximum"} if kind in ORDERED else set())
    if not isinstance(constraints, dict) or not set(constraints) <= allowed:
        return False
    for key, value in constraints.items():
        if isinstance(value, bool) and CONSTRAINTS[key] is not bool:
            return False
        if not isinstance(value, CONSTRAINTS[key]):
            return False
    if "pattern" in constraints:
        try:
            re.compile(constraints["pattern"])
        except re.error:
            return False
    return True


def _schema(schema: object, resources: set[str]) -> bool:
    if not isinstance(schema, dict) or not set(schema) <= {"fields", "primaryKey", "foreignKeys", "missingValues", "$schema"}:
        return False
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields or not all(_field(f) for f in fields):
        return False
    names = [f["name"] for f in fields]
    if len(set(names)) != len(names):
        return False
    pk = schema.get("primaryKey", [])
    pk = [pk] if isinstance(pk, str) else pk
    if not isinstance(pk, list) or not all(isinstance(k, str) and k in names for k in pk):
        return False
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        return False
    for fk in schema.get("foreignKeys", []) if isinstance(schema.get("foreignKeys", []), list) else [None]:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            return False
        local, ref = fk.get("fields"), fk["reference"]
        local = [local] if isinstance(local, str) else local
        target = ref.get("fields")
        target = [target] if isinstance(target, str) else target
        if not (isinstance(local, list) and isinstance(target, list) and local and len(local) == len(target)
                and all(isinstance(x, str) and x in names for x in local) and all(isinstance(x, str) for x in target)
                and isinstance(ref.get("resource", ""), str) and (ref.get("resource", "") in resources | {""})):
            return False
    return True


def _resource(resource: object, resources: set[str]) -> bool:
    allowed = RESOURCE_TEXT | TEXT_LISTS | {"schema", "bytes", "licenses", "sources", "profile", "type"}
    if not isinstance(resource, dict) or not set(resource) <= allowed or not _texts(resource, RESOURCE_TEXT):
        return False
    if resource.get("profile", "data-resource") not in ("data-resource", "tabular-data-resource"):
        return False
    if "type" in resource and not (isinstance(resource["type"], str) and resource["type"] in RESOURCE_TYPES):
        return False
    if not all(_text_list(resource[k]) for k in TEXT_LISTS & resource.keys()):
        return False
    if not (isinstance(resource.get("name"), str) and NAME.match(resource["name"])):
        return False
    path = resource.get("path")
    if not isinstance(path, str) or not SAFE_PATH.match(path) or ".." in path.split("/"):
        return False
    if "bytes" in resource and (isinstance(resource["bytes"], bool) or not isinstance(resource["bytes"], int)):
        return False
    if any(k in resource and not _parties(resource[k], k) for k in ("licenses", "sources")):
        return False
    return "schema" not in resource or _schema(resource["schema"], resources)


def is_plain(descriptor: object) -> bool:
    """True when every part of the descriptor is of a kind the fast path understands and well formed."""
    if not isinstance(descriptor, dict) or not set(descriptor) <= PACKAGE_TEXT | PACKAGE_LISTS | {"resources", "keywords", "profile", "$schema"}:
        return False
    if "$schema" in descriptor and not (isinstance(descriptor["$schema"], str) and descriptor["$schema"] in PACKAGE_SCHEMAS):
        return False
    if descriptor.get("profile", "data-package") not in ("data-package", "tabular-data-package"):
        return False
    if not _texts(descriptor, PACKAGE_TEXT) or ("name" in descriptor and not NAME.match(descriptor["name"])):
        return False
    if any(k in descriptor and not _parties(descriptor[k], k) for k in PACKAGE_LISTS):
        return False
    if "created" in descriptor:
        try:
            if not CREATED.match(descriptor["created"]):
                return False
            dt.datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00"))
        except ValueError:
            return False
    keywords = descriptor.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        return False
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return False
    # A resource without a text name is not plain either (_resource says so); here it is one name short.
    names = {r["name"] for r in resources if isinstance(r, dict) and isinstance(r.get("name"), str)}
    if len(names) != len(resources):
        return False
    return all(_resource(r, names) for r in resources)


def _remote(resource: str | None, key: str, value: object) -> list[Finding]:
    """The same finding the readers give for a remote path (so that the two collapse into one)."""
    if isinstance(value, str) and is_remote(value):
        return [Finding(resource=resource, code="remote-reference", message=f"{key} {path_problem(value)}")]
    return []


def _references(descriptor: object) -> list[tuple[str | None, str, object]]:
    """(resource name, key, value) of every file a descriptor names for a validator to read."""
    if not isinstance(descriptor, dict):
        return []
    out: list[tuple[str | None, str, object]] = [(None, "profile", descriptor.get("profile"))]
    resources = descriptor.get("resources")
    for position, resource in enumerate(resources if isinstance(resources, list) else []):
        if not isinstance(resource, dict):
            continue
        name = str(resource.get("name", position + 1))
        path = resource.get("path")
        parts: list[object] = list(path) if isinstance(path, list) else [path]
        out += [(name, "path", p) for p in parts] + [(name, k, resource.get(k)) for k in ("schema", "dialect", "profile")]
    return out


# Profiles named by these words are the standard ones every validator knows; any other value names
# a JSON Schema file, which frictionless reads relative to the working folder (or fetches).
STANDARD_PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource"}


def custom_profiles(descriptor: object) -> list[Finding]:
    """A profile that is not a standard name is a file to read: refused, like any path that is not data."""
    return [Finding(resource=resource, code="unsafe-path",
                    message=f"profile {value!r} is a custom profile file: it is not read (use a standard profile name)")
            for resource, key, value in _references(descriptor)
            if key == "profile" and isinstance(value, str) and not is_remote(value) and value not in STANDARD_PROFILES]


def leaves_its_folder(descriptor: object, folder: Path) -> bool:
    """Whether a local file the descriptor names (data, schema, dialect) is outside `folder` or no
    regular file: then no other tool may open it either (frictionless would follow the link)."""
    for _, key, value in _references(descriptor):
        if key == "profile" or not isinstance(value, str) or is_remote(value):
            continue
        try:
            target = inside(folder, value)
            if target.exists():
                regular_file(target, value)
        except (UnsafePath, OSError):
            return True
    return False


def remote_references(descriptor: object) -> list[Finding]:
    """Every place a descriptor names by URL a file that a validator would fetch: a profile, a
    resource's path (or its parts), schema or dialect. `$schema` names a standard and is not
    fetched; licences, sources and homepages are links for people."""
    out: list[Finding] = []
    for resource, key, value in _references(descriptor):
        out += _remote(resource, key, value)
    return out
