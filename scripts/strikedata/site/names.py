"""Rows by key and readable names, for the article pages, the timeline and the offers page (SiteContext's
indexed lookups, with an organization's short name besides)."""

from __future__ import annotations

from .context import SiteContext

KEYS = {"articles": "article_id", "people": "person_id", "organizations": "org_id", "offers": "offer_id", "events": "event_id"}


class Names:
    def __init__(self, ctx: SiteContext):
        self.ctx = ctx

    def row(self, table: str, id: str) -> dict[str, str]:
        """The row of `table` whose key is `id` ({} when there is none)."""
        return self.ctx.lookup(table, KEYS[table], id) or {}

    def label(self, kind: str, id: str) -> str:
        """A person's or organization's name, an article's label; its id when it has none (SiteContext.label)."""
        return self.ctx.label(kind, id)

    def short(self, org_id: str) -> str:
        """An organization's short name (its name, its id, when it has none)."""
        row = self.row("organizations", org_id)
        return row.get("short_name") or row.get("name") or org_id
