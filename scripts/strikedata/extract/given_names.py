"""Which pronoun a first name usually goes with, from the 1990 US Census lists of first names (public
domain, shipped by the `names` package): for a pronoun ("“…,” she said") that the page itself does not
tie to anyone, the person named before it whose first name is a man's is not "she". A name in neither
list, or in both at shares too close to tell, goes with neither."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# How many times more often a name must be given to one sex than to the other (in the Census's
# shares of each) to be read as that one's: "Dana" (0.122% of women, 0.042% of men) is neither.
CLEAR_MAJORITY = 10.0


@cache
def _shares() -> tuple[dict[str, float], dict[str, float]]:
    """The share of women and of men given each first name, upper case, as the Census lists give them."""
    def read(kind: str) -> dict[str, float]:
        lines = (files("names") / f"dist.{kind}.first").read_text(encoding="ascii").splitlines()
        return {fields[0]: float(fields[1]) for line in lines if len(fields := line.split()) >= 2}
    return read("female"), read("male")


def usual_pronoun(first_name: str) -> str | None:
    """"she" or "he" when the Census lists give the name clearly more to women or to men; else None."""
    women, men = _shares()
    name = first_name.upper()
    woman, man = women.get(name, 0.0), men.get(name, 0.0)
    if woman > man * CLEAR_MAJORITY:
        return "she"
    if man > woman * CLEAR_MAJORITY:
        return "he"
    return None
