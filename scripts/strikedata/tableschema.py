"""A Table Schema descriptor read as plain data: its field names, its primary key, its foreign keys.

Kept apart from the validator, which imports pandas and pyarrow, so that what only reads a schema
(the resource registry, and through it `strikedata extract`) starts without them.
"""

from __future__ import annotations


def field_names(schema: dict) -> list[str]:
    return [f["name"] for f in schema.get("fields", [])]


def field_by_name(schema: dict) -> dict[str, dict]:
    return {f["name"]: f for f in schema.get("fields", [])}


def primary_key(schema: dict) -> list[str]:
    pk = schema.get("primaryKey") or []
    return [pk] if isinstance(pk, str) else list(pk)


def foreign_keys(schema: dict) -> list[dict]:
    """Foreign keys with `fields` always lists and the resource name resolved ('' means self)."""
    out = []
    for fk in schema.get("foreignKeys") or []:
        fields = fk.get("fields")
        ref = fk.get("reference") or {}
        ref_fields = ref.get("fields")
        out.append({
            "fields": [fields] if isinstance(fields, str) else list(fields or []),
            "resource": ref.get("resource", ""),
            "ref_fields": [ref_fields] if isinstance(ref_fields, str) else list(ref_fields or []),
        })
    return out
