"""Rows by key, read once per site build: the lookups article pages, the timeline and the offers page
make hundreds of times (SiteContext.lookup filters a DataFrame at each call)."""

from __future__ import annotations

from .context import SiteContext

KEYS = {"articles": "article_id", "people": "person_id", "organizations": "org_id", "offers": "offer_id", "events": "event_id"}
LABELS = {"person": ("people", "name"), "organization": ("organizations", "name"), "article": ("articles", "label")}


class Names:
    def __init__(self, ctx: SiteContext):
        self.rows: dict[str, dict[str, dict[str, str]]] = {}
        for table, key in KEYS.items():
            frame = ctx.table(table)
            records = frame.to_dict("records") if key in frame.columns else []
            self.rows[table] = {}
            for record in records:
                self.rows[table].setdefault(str(record[key]), {str(k): str(v) for k, v in record.items()})

    def row(self, table: str, id: str) -> dict[str, str]:
        """The row of `table` whose key is `id` ({} when there is none)."""
        return self.rows.get(table, {}).get(id, {})

    def label(self, kind: str, id: str) -> str:
        """As SiteContext.label: a person's or organization's name, an article's label; its id when it has none."""
        table, column = LABELS.get(kind, ("", ""))
        return self.row(table, id).get(column) or id

    def short(self, org_id: str) -> str:
        """An organization's short name (its name, its id, when it has none)."""
        row = self.row("organizations", org_id)
        return row.get("short_name") or row.get("name") or org_id
