"""The data dictionary in Markdown, generated from schemas/*.json (never written by hand)."""

from __future__ import annotations

import re
from pathlib import Path

from .schema import RESOURCES, foreign_keys, primary_key

START = "<!-- data-dictionary:start (generated from schemas/*.json by `strikedata dictionary`; do not edit) -->"
END = "<!-- data-dictionary:end -->"


def _constraints(field: dict) -> str:
    c = field.get("constraints") or {}
    parts = []
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of: " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"pattern `{c['pattern']}`")
    for key in ("minimum", "maximum", "minLength", "maxLength"):
        if key in c:
            parts.append(f"{key} {c[key]}")
    if field.get("format") not in (None, "default"):
        parts.append(f"format {field['format']}")
    return "; ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(schemas: dict[str, dict], titles: dict[str, str] | None = None) -> str:
    titles = titles or {}
    out = []
    for name in RESOURCES:
        schema = schemas[name]
        pk = ", ".join(f"`{k}`" for k in primary_key(schema))
        out.append(f"### `{name}`" + (f": {titles[name]}" if name in titles else ""))
        out.append("")
        out.append(f"Primary key: {pk}.")
        refs = [f"`{', '.join(fk['fields'])}` → `{fk['resource'] or name}.{', '.join(fk['ref_fields'])}`" for fk in foreign_keys(schema)]
        if refs:
            out.append(f"Foreign keys: {'; '.join(refs)}.")
        out.append("")
        out.append("| field | type | constraints | description |")
        out.append("|---|---|---|---|")
        for field in schema["fields"]:
            out.append(f"| `{field['name']}` | {field['type']} | {_cell(_constraints(field))} | {_cell(field['title'])}: {_cell(field['description'])} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def replace_section(document: str, generated: str) -> str:
    """Put `generated` between the markers of `document` (which must contain both)."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(document):
        raise ValueError("the data dictionary markers are missing")
    return pattern.sub(lambda _: f"{START}\n\n{generated}\n{END}", document)


def render_for(root: Path) -> str:
    import json

    from .schema import load_schemas

    titles = {r["name"]: r.get("title", "") for r in json.loads((root / "datapackage.json").read_text("utf-8"))["resources"]}
    return markdown(load_schemas(root / "schemas"), titles)
