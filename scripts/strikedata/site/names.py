"""Rows by key and readable names, for the article pages, the timeline and the offers page (SiteContext's
indexed lookups, with an organization's short name besides)."""

from __future__ import annotations

from .context import SiteContext

UNIT_TEXT = {"percent": "{}%", "usd": "${}", "usd_per_hour": "${} an hour", "usd_per_year": "${} a year", "count": "{}",
             "multiple": "{} times", "day_number": "day {}"}


def amount(value: str, unit: str) -> str:
    """A value in its unit as a reader writes it: '3%', '$3,000', '$25 an hour', 'day 2', '5 years'; '' for none."""
    if not value:
        return ""
    number = float(value)
    shown = f"{number:,.0f}" if number.is_integer() else f"{number:,}"
    return UNIT_TEXT[unit].format(shown) if unit in UNIT_TEXT else f"{shown} {unit}".strip()


class Names:
    def __init__(self, ctx: SiteContext):
        self.ctx = ctx

    def row(self, table: str, id: str) -> dict[str, str]:
        """The row of `table` whose key is `id` ({} when there is none)."""
        return self.ctx.row(table, id)

    def label(self, kind: str, id: str) -> str:
        """A person's or organization's name, an article's label; its id when it has none (SiteContext.label)."""
        return self.ctx.label(kind, id)

    def short(self, org_id: str) -> str:
        """An organization's short name (its name, its id, when it has none)."""
        row = self.row("organizations", org_id)
        return row.get("short_name") or row.get("name") or org_id
