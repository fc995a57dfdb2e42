"""The extraction assistant: a raw article in, a draft annotation file out (`strikedata extract`).

Rule-based and deterministic; no rule is keyed to a name, phrase or number of any one article.
"""

from .draft import Draft, extract_article, render_article, render_registry, taken_ids
from .entities import Registry

__all__ = ["Draft", "Registry", "extract_article", "render_article", "render_registry", "taken_ids"]
