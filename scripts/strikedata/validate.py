"""`strikedata validate`: the generic validator, with this dataset's pack when the package is this
dataset's (or when asked for)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .rules import PACK, StrikeRules
from .validator import Report, validate as validator_module

PACK_CHOICES = ("auto", "strikedata", "none")


def packs_for(choice: str) -> tuple[StrikeRules, ...]:
    """`auto`: this dataset's rules on a package that is this dataset's; `strikedata`: on any package; `none`: never."""
    if choice not in PACK_CHOICES:
        raise ValueError(f"unknown pack {choice!r}: choose one of {', '.join(PACK_CHOICES)}")
    return {"auto": (PACK,), "strikedata": (StrikeRules(always=True),), "none": ()}[choice]


def validate_package(descriptor: Path, *, pack: str = "auto", **options: Any) -> Report:
    """Validate a package on disk with the pack chosen by `pack`; `options` go to the generic validator."""
    return validator_module.validate_package(descriptor, packs=packs_for(pack), **options)
