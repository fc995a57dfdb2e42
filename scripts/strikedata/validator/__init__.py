"""A validator for any Data Package, knowing the Data Package and Table Schema specs and nothing of
this dataset: descriptor, structure (labels, rows, types, constraints, keys), opt-in cell checks,
and packs of rules that a caller passes in (`Pack`). Two backends give the same findings:
`FAST` (pyarrow, vectorized) and `REFERENCE` (csv module, pandera, frictionless)."""

from .backends import FAST, REFERENCE, Backend
from .cells import CELL_CHECKS
from .validate import DEFAULT_MAX_PER_CHECK, CannotRun, Context, Pack, Report, descriptor_file, validate_package

__all__ = ["CELL_CHECKS", "DEFAULT_MAX_PER_CHECK", "FAST", "REFERENCE", "Backend", "CannotRun", "Context", "Pack", "Report",
           "descriptor_file", "validate_package"]
