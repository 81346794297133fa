"""The data model: sources, places, events and the claims sources make about events.

Each figure a source gives is a separate, attributed :class:`Claim` that quotes the source's
own words (at most one sentence) with character offsets into the source file, so a reader can
check it. Unknown metadata is ``None``, never guessed. Constraints live in the types, so a
broken record fails with a message naming the field.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from geo.core import sentences

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-]{0,79}$")]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
LongText = Annotated[str, Field(min_length=1, max_length=2000)]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]

# Location precision, in the spirit of UCDP GED ``where_prec`` (1 exact ... 6 country).
Precision = Literal["exact", "village", "town", "district", "province", "country"]
PRECISION_CODE: dict[str, int] = {"exact": 1, "village": 2, "town": 3, "district": 4, "province": 5, "country": 6}
DatePrecision = Literal["minute", "hour", "day", "week", "month", "year"]
SourceKind = Literal["news_report", "analysis", "opinion", "official_statement", "live_blog"]
EventType = Literal["strike", "attack", "bombing", "diplomatic", "military_exercise", "statement", "geography"]
ClaimKind = Literal[
    "killed",
    "injured",
    "casualties",
    "depth",
    "border_length",
    "weapon",
    "target",
    "perpetrator",
    "time",
    "location",
    "other",
]
NUMERIC_KINDS = frozenset({"killed", "injured", "casualties", "depth", "border_length"})
Qualifier = Literal["exact", "about", "at least", "more than", "less than", "up to"]
# The claimant lens groups claimants; "other" covers authors, analysts, media and the unattributed.
ClaimantType = Literal[
    "iran_official", "pakistan_official", "other_official", "media", "author", "analyst", "unattributed"
]
CLAIMANT_TYPE_LABELS = {  # each type as a reader names it
    "iran_official": "Iranian official",
    "pakistan_official": "Pakistani official",
    "other_official": "other official",
    "media": "media",
    "author": "the author",
    "analyst": "analyst",
    "unattributed": "unattributed",
}
LENSES: dict[str, tuple[str, ...]] = {
    "all": (),
    "iran_official": ("iran_official",),
    "pakistan_official": ("pakistan_official",),
    "others": ("other_official", "media", "author", "analyst", "unattributed"),
}
COUNTRY_NAMES = {"IRN": "Iran", "PAK": "Pakistan", "AFG": "Afghanistan", "IND": "India"}
UNITS = {"killed": "people", "injured": "people", "casualties": "people", "depth": "km", "border_length": "km"}


def value_text(value: float | str | list[str] | None) -> str:
    """A claim's value as plain text for tables and exports: "9", "drones; missiles", ""."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    return f"{value:g}" if isinstance(value, float) else value


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


WebAddress = Annotated[str, Field(pattern=r"^https?://[^\s<>\"'`\\]+$", max_length=500)]


class Source(Model):
    """A document the dashboard is about. ``file`` is its name in the sources folder."""

    id: Id
    file: Annotated[str, Field(pattern=r"^[\w.\-]{1,120}$")]
    title: ShortText | None = None
    author: ShortText | None = None
    outlet: ShortText | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_note: ShortText | None = None
    kind: SourceKind
    argument: LongText  # its line of argument, in our words
    origin: Literal["curated", "user"] = "curated"
    # Where the article was read, and an archived copy of it (web.archive.org, archive.today…):
    # kept and shown as text, never fetched by the server, never made a link.
    url: WebAddress | None = None
    archive_url: WebAddress | None = None

    @model_validator(mode="after")
    def _date_has_precision(self):
        if self.date is not None and self.date_precision is None:
            raise ValueError("date_precision is required when date is given")
        return self


class Place(Model):
    """A geocoded place with an honest precision and uncertainty radius."""

    id: Id
    name: ShortText
    alt_names: list[ShortText] = []
    lon: float = Field(ge=-180, le=180)
    lat: float = Field(ge=-90, le=90)
    admin1: ShortText | None = None
    country: Iso3 | None = None  # None for seas
    precision: Precision
    uncertainty_km: float = Field(ge=0, le=1000)
    geonames_id: int | None = Field(default=None, gt=0)
    basis: LongText  # GeoNames entry used, or why and how a curated estimate was made

    @field_validator("lon", "lat")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            raise ValueError("must be a finite number")
        return v

    @property
    def where_prec(self) -> int:
        return PRECISION_CODE[self.precision]


class Event(Model):
    """Something that happened (or a reference object such as the border itself)."""

    id: Id
    title: ShortText
    type: EventType
    actor: ShortText | None = None  # ISO A3 or a named group
    target_country: Iso3 | None = None
    place: Id | None = None
    date: dt.date
    date_precision: DatePrecision
    # A period's last day (a decade of attacks): the extractor links a figure dated within it.
    date_end: dt.date | None = None
    date_basis: LongText  # which source gives the date, or where it comes from
    time_local: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] | None = None
    timezone: str = "UTC"
    description: LongText  # neutral, in our words

    @model_validator(mode="after")
    def _period(self):
        if self.date_end is not None and self.date_end < self.date:
            raise ValueError(f"date_end {self.date_end} is before date {self.date}")
        return self

    @field_validator("timezone")
    @classmethod
    def _zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError(f"unknown time zone {v!r}") from e
        return v

    @property
    def happened(self) -> bool:
        """Whether this is something that happened (geography, such as the border, only carries
        claims): the timeline and the extractor's event linking skip the rest."""
        return self.type != "geography"

    def local_label(self) -> str:
        """The date (and time, if known) with its zone and UTC offset, as a reader sees it."""
        zone = ZoneInfo(self.timezone)
        h, m = map(int, (self.time_local or "12:00").split(":"))
        when = dt.datetime.combine(self.date, dt.time(h, m), tzinfo=zone)
        z = when.strftime("%z")
        shown = {
            "minute": f"{when:%d %b %Y %H:%M}",
            "hour": f"{when:%d %b %Y, about %H:00}",
            "day": f"{when:%d %b %Y}",
            "week": f"week of {when:%d %b %Y}",
            "month": f"{when:%B %Y}",
            "year": f"{when:%Y}",
        }[self.date_precision]
        if self.time_local and self.date_precision == "day":
            shown = f"{when:%d %b %Y %H:%M}"
        return f"{shown}, {self.timezone} (UTC{z[:3]}:{z[3:]})"


class Claim(Model):
    """One assertion by one claimant in one source about one event, with its verbatim quote."""

    id: Id
    event: Id
    source: Id
    claimant: ShortText  # who asserts it: "Government of Pakistan", "the author", a named official
    claimant_type: ClaimantType
    kind: ClaimKind
    value: float | str | list[ShortText] | None = None
    unit: ShortText | None = None
    qualifier: Qualifier | None = None
    breakdown: dict[Annotated[str, Field(pattern=r"^[a-z_ ]{1,30}$")], Annotated[int, Field(ge=0)]] | None = None
    victims: ShortText | None = None  # identity of the victims as stated
    quote: Annotated[str, Field(min_length=1, max_length=600)]
    quote_start: int = Field(ge=0)
    quote_end: int = Field(gt=0)
    note: LongText | None = None
    # An update of the same claimant's earlier claim about the same event and kind ("the toll
    # rose to nine"): its id. Checked against the other claims when the dataset loads.
    revises: Id | None = None

    @field_validator("quote")
    @classmethod
    def _states_something(cls, v: str) -> str:
        # A condition or counterfactual asserts nothing about what happened: it is not a claim.
        if why := sentences.conditional(v):
            raise ValueError(f"a quote that is a condition or counterfactual is not a claim: {why}")
        return v

    @model_validator(mode="after")
    def _consistent(self):
        if self.quote_end <= self.quote_start:
            raise ValueError("quote_end must be greater than quote_start")
        if self.quote_end - self.quote_start != len(self.quote):
            raise ValueError(
                f"quote is {len(self.quote)} characters but its offsets span {self.quote_end - self.quote_start}"
            )
        if _sentences(self.quote) > 1:
            raise ValueError("quote must be at most one sentence")
        if self.kind in NUMERIC_KINDS:
            if isinstance(self.value, (str, list)):
                raise ValueError(f"a {self.kind} claim needs a number (or null with a note), got {self.value!r}")
            if self.value is not None and (not math.isfinite(self.value) or self.value < 0):
                raise ValueError("value must be a finite, non-negative number")
            if self.value is None and not self.note:
                raise ValueError("a numeric claim without a number needs a note saying what was stated")
            if self.unit not in (None, UNITS[self.kind]):
                raise ValueError(f"unit for {self.kind} must be {UNITS[self.kind]!r}, got {self.unit!r}")
        elif isinstance(self.value, float):
            raise ValueError(f"a {self.kind} claim takes text, not a number")
        if self.breakdown is not None:
            if self.kind not in ("killed", "injured", "casualties"):
                raise ValueError("breakdown is only for casualty claims")
            if self.value is not None and sum(self.breakdown.values()) > self.value:
                raise ValueError(f"breakdown sums to {sum(self.breakdown.values())}, more than value {self.value:g}")
        return self

    @property
    def values(self) -> tuple[str, ...]:
        """Categorical value(s) as a tuple of lower-case strings (weapons, targets, ...)."""
        if self.value is None or isinstance(self.value, float):
            return ()
        items = self.value if isinstance(self.value, list) else [self.value]
        return tuple(sorted(v.lower() for v in items))

    def interval(self) -> tuple[float, float] | None:
        """The numeric range the claim allows, after its qualifier (see the Methodology page).

        "about" allows ±10 %; "at least"/"more than" are open above; "up to"/"less than" open below.
        """
        if not isinstance(self.value, float):
            return None
        v = self.value
        q = self.qualifier or "exact"
        return {
            "exact": (v, v),
            "about": (0.9 * v, 1.1 * v),
            "at least": (v, math.inf),
            "more than": (v, math.inf),
            "up to": (0.0, v),
            "less than": (0.0, v),
        }[q]

    def figure_label(self) -> str:
        """A number with its qualifier only ("at least 9"), for tight spaces; "" for other values."""
        if not isinstance(self.value, float):
            return ""
        q = "" if self.qualifier in (None, "exact") else f"{self.qualifier} "
        return f"{q}{self.value:g}"

    def value_label(self) -> str:
        """The value as a reader sees it: qualifier, number, unit and breakdown."""
        if isinstance(self.value, float):
            unit = f" {self.unit or UNITS.get(self.kind, '')}".rstrip()
            text = f"{self.figure_label()}{unit}"
        elif self.value is None:
            text = "(no number)"
        else:
            text = ", ".join(self.value) if isinstance(self.value, list) else self.value
        if self.breakdown:
            text += " (" + ", ".join(f"{k} {v}" for k, v in self.breakdown.items()) + ")"
        return text

    def described(self) -> str:
        """The value with whom it counts, where that adds to the unit and the breakdown: "2 people
        (children)", but "7 people", "2 people (children 2)" (not "(children 2) (children)")."""
        unit = (self.unit or UNITS.get(self.kind, "")).lower()
        said = self.victims and self.victims.lower() not in ("not stated", unit)
        return f"{self.value_label()} ({self.victims})" if said and not self.breakdown else self.value_label()


def _sentences(text: str) -> int:
    """How many sentences the text holds (see geo.core.sentences)."""
    return len(sentences.spans(text.strip()))
