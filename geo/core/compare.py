"""Classes that let findings compare like with like: victims, weapons and places.

Words are mapped to class paths ("security/police"). Two paths are compatible when one
contains the other (police are security forces; "airstrikes" covers drones and missiles), so a
general description never contradicts a specific one; two accounts contradict only when no
class of one is compatible with any class of the other (drones vs missiles, separatists vs
women and children). Places are compared by containment in the province polygons and by
distance to the border (a "border village" lies within 15 km of it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import shapely

from geo.spatial import boundaries

# Victims: role, with police and military as kinds of security force (a source that says only
# "security officers" is compatible with either; one that says "police" and another "soldiers"
# distinguish them). Word lists match whole words, plurals allowed.
VICTIM_ROLES: dict[str, tuple[str, ...]] = {
    "combatant": ("militant", "separatist", "terrorist", "fighter", "insurgent", "rebel", "sarmachar", "jihadist"),
    "civilian": ("civilian", "woman", "women", "child", "children", "girl", "boy", "villager", "resident", "family"),
    "security": ("officer", "guard", "security", "personnel", "force", "forces"),
    "security/police": ("police", "policeman", "policemen", "constable"),
    "security/military": ("soldier", "army", "troop", "military", "irgc", "revolutionary guard", "serviceman"),
}
# Nationality, with negations ("not Iranian") that are compatible with every other nation.
NATIONS: dict[str, tuple[str, ...]] = {"Iranian": ("iranian", "iran"), "Pakistani": ("pakistani", "pakistan")}
_NEGATED = re.compile(r"\b(?:not|non)[\s-]+(iranian|pakistani)\b")
# Weapons: anything arriving from the air is "air"; missiles and rockets are one class.
WEAPONS: dict[str, tuple[str, ...]] = {
    "air": ("air strike", "airstrike", "air attack", "air raid", "aerial", "strike from the air"),
    "air/aircraft": ("aircraft", "jet", "warplane", "bomber", "helicopter", "fighter jet"),
    "air/drones": ("drone", "uav", "unmanned", "kamikaze", "loitering munition"),
    "air/missiles or rockets": ("missile", "rocket", "ballistic", "cruise", "projectile"),
    "artillery": ("artillery", "shell", "shelling", "mortar", "howitzer"),
}
# Depths (km from the border) implied by descriptions of where a strike hit. Deliberately generous.
DESCRIPTOR_DEPTH_KM: dict[str, tuple[float, float]] = {
    "border village": (0.0, 15.0),
    "border area": (0.0, 30.0),
}
# Named regions and the province (HASC code) or country polygons they stand for. The
# "Balochistan subregion" is the Baloch lands either side of the border: both provinces.
REGIONS: dict[str, tuple[str, ...]] = {
    "balochistan": ("PK.BA",),
    "sistan and baluchestan": ("IR.SB",),
    "shared balochistan subregion": ("PK.BA", "IR.SB"),
    "balochistan subregion": ("PK.BA", "IR.SB"),
    "pakistan": ("PAK",),
    "iran": ("IRN",),
}


def _has(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}(e?s)?\b", text) is not None


def _most_specific(paths: Iterable[str]) -> frozenset[str]:
    """Drop a path when a more specific one is present ("security" beside "security/police")."""
    ps = set(paths)
    return frozenset(p for p in ps if not any(q != p and q.startswith(p + "/") for q in ps))


def classes(text: str, table: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The most specific classes of ``table`` whose words occur in ``text``."""
    low = text.lower()
    return _most_specific(name for name, words in table.items() if any(_has(low, w) for w in words))


def nations(text: str) -> frozenset[str]:
    """Nationalities a victims' description states: "Iranian", or "not Iranian"."""
    low = text.lower()
    negated = {f"not {m.group(1).capitalize()}" for m in _NEGATED.finditer(low)}
    rest = _NEGATED.sub(" ", low)
    return frozenset(negated | {n for n, words in NATIONS.items() if any(_has(rest, w) for w in words)})


def _path_compatible(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def _nation_compatible(a: str, b: str) -> bool:
    if a.startswith("not ") and b.startswith("not "):
        return True
    if a.startswith("not ") or b.startswith("not "):
        neg, pos = (a, b) if a.startswith("not ") else (b, a)
        return neg[4:] != pos
    return a == b


def disjoint(a: frozenset[str], b: frozenset[str], compatible=_path_compatible) -> bool:
    """True when both state classes and none of one is compatible with any of the other."""
    return bool(a) and bool(b) and not any(compatible(x, y) for x in a for y in b)


@dataclass(frozen=True)
class Victims:
    """What a victims' description says: roles and nationalities (empty when it says none)."""

    roles: frozenset[str]
    nations: frozenset[str]

    @classmethod
    def of(cls, text: str | None) -> Victims:
        return cls(classes(text or "", VICTIM_ROLES), nations(text or ""))

    def label(self) -> str:
        """The classes in words: "Iranian police", "civilian", "no class"."""
        return " ".join(p for p in (_list(self.nations), _list(self.roles)) if p) or "no class"

    def conflict(self, other: Victims) -> str | None:
        """Why two descriptions cannot both be right, or None when they can."""
        if disjoint(self.roles, other.roles):
            return f"{_list(self.roles)} vs {_list(other.roles)}"
        if disjoint(self.nations, other.nations, _nation_compatible):
            return f"{_list(self.nations)} vs {_list(other.nations)}"
        return None


def _list(names: Iterable[str]) -> str:
    return " and ".join(sorted(n.rsplit("/", 1)[-1] for n in names))


def label(names: Iterable[str]) -> str:
    """A class set for a sentence: "drones and missiles or rockets"."""
    return _list(names) or "no class"


@lru_cache(maxsize=16)
def region_polygon(name: str):
    """The lon/lat polygon a named region stands for, or None when it names no known region."""
    codes = REGIONS.get(name.strip().lower())
    if codes is None:
        return None
    frame = boundaries.provinces()
    parts = [
        boundaries.country_polygon(code) if len(code) == 3 else frame[frame["code_hasc"] == code].geometry.union_all()
        for code in codes
    ]
    return shapely.union_all(parts)


def regions_disjoint(a: str, b: str) -> bool | None:
    """Whether two named regions share no ground (None when either is not a known region)."""
    pa, pb = region_polygon(a), region_polygon(b)
    if pa is None or pb is None:
        return None
    # Neighbouring provinces touch along the border: sharing ground means interiors meet.
    return not pa.relate_pattern(pb, "T********")
