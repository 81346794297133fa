"""How sure each figure is: a reviewer's grade per claim on a scale adapted from Airwars', and
beside it what the atlas computes itself (independent claimants with a compatible figure, and
the geometric verdict), so a grade can be checked against the evidence.

Grades (definitions shown on the Methodology page):

- ``corroborated``: independent claimants give compatible figures (two reviewers must agree);
- ``single``: one claimant only, not contradicted;
- ``contested``: claimants give figures that cannot all be right;
- ``contradicted``: the geometry contradicts it (a stated depth or place that does not fit);
- ``retracted``: its claimant withdrew or corrected it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from geo.core.findings import Finding
from geo.core.model import Claim

GRADES = {
    "corroborated": "Independent claimants (not one repeating another) give compatible figures: their "
    "ranges, qualifiers included, overlap. The top of the scale: two reviewers must agree on it.",
    "single": "Only one claimant gives the figure (however many sources repeat it), and nothing contradicts it.",
    "contested": "Claimants give figures for the same thing that cannot all be right.",
    "contradicted": "The geometry contradicts it: a stated depth or place does not fit where the strike was.",
    "retracted": "Its claimant withdrew or corrected it.",
}
TOP = "corroborated"
# The grades a figure needs to count when the headline is limited to graded figures.
COUNTED = (TOP, "single")
GEOMETRIC = {"depth_vs_measured", "place_vs_measured", "length_vs_measured", "description_vs_depth"}


@dataclass(frozen=True)
class Support:
    """What the atlas computes for one claim: the claimants (itself included) whose figure for the
    same event and kind is compatible with it, those whose figure is not, and the geometry's word."""

    compatible: tuple[str, ...]
    incompatible: tuple[str, ...]
    geometry: str | None  # the worst geometric verdict: "inconsistent", "partly", "cannot tell", "consistent"; None

    def suggestion(self) -> str:
        """The grade the evidence points to (a reviewer decides)."""
        if self.geometry == "inconsistent":
            return "contradicted"
        if self.incompatible:
            return "contested"
        return TOP if len(self.compatible) > 1 else "single"

    def describe(self) -> str:
        """One line for a reviewer (plain text: the caller escapes it)."""
        n = len(self.compatible)
        parts = [
            f"{n} independent claimant{'s' * (n != 1)} with a compatible figure, this one's included "
            f"({', '.join(self.compatible)})"
        ]
        if self.incompatible:
            parts.append(f"{len(self.incompatible)} with a figure that disagrees ({', '.join(self.incompatible)})")
        parts.append(f"geometry: {self.geometry or 'not measured'}")
        return "; ".join(parts) + f". Suggests: {self.suggestion()}."


SIDES = {"iran_official": "Iran's officials", "pakistan_official": "Pakistan's officials"}


def _key(c: Claim) -> str:
    """Who a claim's figure comes from, for independence: a government's officials are one
    claimant however they are named ("Iranian officials", "Government of Iran"); anyone else is
    themselves, named however the sources write them."""
    return c.claimant_type if c.claimant_type in SIDES else " ".join(c.claimant.lower().split())


def _name(c: Claim) -> str:
    return SIDES.get(c.claimant_type, c.claimant)


def support(claim: Claim, others: Iterable[Claim], findings: Iterable[Finding]) -> Support:
    """Compute :class:`Support` for ``claim`` among ``others`` (any claims; those of its event and
    kind count) and the findings about it. Claimants are counted once however many sources quote
    them, and a government's officials count as one claimant."""
    mine = claim.interval()
    compatible = {_key(claim): _name(claim)}
    incompatible: dict[str, str] = {}
    for c in others:
        if c.id == claim.id or c.event != claim.event or c.kind != claim.kind:
            continue
        theirs = c.interval()
        if mine is None or theirs is None:  # a weapon, a place: the same words agree
            agrees = c.value_label().lower() == claim.value_label().lower()
        else:
            agrees = mine[0] <= theirs[1] and theirs[0] <= mine[1]
        (compatible if agrees else incompatible).setdefault(_key(c), _name(c))
    for k in compatible:
        incompatible.pop(k, None)
    verdicts = [f.verdict for f in findings if claim.id in f.claims and f.type in GEOMETRIC]
    geometry = next((v for v in ("inconsistent", "partly", "cannot tell", "consistent") if v in verdicts), None)
    return Support(tuple(sorted(compatible.values())), tuple(sorted(incompatible.values())), geometry)
