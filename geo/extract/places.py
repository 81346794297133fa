"""Places named in a sentence: the dataset's curated places (alternate spellings included),
GeoNames towns of the map, and the two provinces told apart by country ("Sistan and
Baluchestan" in all its spellings is Iran's; "Balochistan" alone is Pakistan's)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from geo.spatial import gazetteer


def _plain(name: str) -> str:
    """A GeoNames name without its diacritics ("Khāsh": "Khash"), as English text spells it."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


ISO2_TO_3 = {"IR": "IRN", "PK": "PAK", "AF": "AFG", "IQ": "IRQ", "SY": "SYR"}
PAKISTAN_PROVINCE = "Balochistan"
IRAN_PROVINCE = "sistan-baluchestan"  # the curated place id of Iran's province
BIG_CITY = 500_000
CAPITALS = frozenset({"tehran", "islamabad", "Tehran", "Islamabad"})


@dataclass(frozen=True)
class PlaceHit:
    key: str  # a curated place id, else a town's name, else "Balochistan"
    country: str | None  # ISO 3166-1 alpha-3
    start: int
    end: int
    lonlat: tuple[float, float] | None = None  # None for provinces
    city: bool = False  # a capital or a city of half a million: where officials speak
    near: bool = False  # named as what a place is near ("an attack near Rask"), not as the place

    @property
    def capital(self) -> bool:
        """A capital or large city, named as where officials speak rather than where strikes
        land: it neither links nor rules out an event."""
        return self.key in CAPITALS or self.city


TITLES = frozenset(
    "dr mr mrs ms miss prof professor sheikh maulana gen general col colonel maj major capt captain lt senator sen "
    "justice judge mullah sardar mir nawab".split()
)


class PlaceFinder:
    """Finds place names with a case-sensitive PhraseMatcher built once per dataset."""

    def __init__(self, dataset=None):
        from spacy.matcher import Matcher, PhraseMatcher

        from geo.extract.nlp import phrase, pipeline

        nlp = pipeline()
        self.info: dict[str, tuple[str, str | None, int]] = {}  # name -> (key, country, priority)
        self.where: dict[str, tuple[float, float]] = {}  # key -> (lon, lat)
        self.cities: set[str] = set()
        if dataset is not None:
            aliases: dict[str, str] = {}
            for p in dataset.places.values():
                for n in (p.name, *p.alt_names):
                    if len(n) > 3 and not n.lower().startswith(("near ", "iran", "strait")):
                        self.info[n] = (p.id, p.country, 0)
                    # "Erbil, Iraqi Kurdistan" is also "Erbil"; "near Saravan" is also "Saravan"
                    short = n.split(",")[0].removeprefix("near ").removesuffix(" area").strip()
                    aliases.setdefault(short, p.id)
                if p.precision not in ("province", "country"):
                    self.where[p.id] = (p.lon, p.lat)
            for short, pid in aliases.items():
                if len(short) > 3 and short not in self.info:
                    self.info[short] = (pid, dataset.places[pid].country, 0)
        # The map's checked towns first (with their alternate spellings), then the region's
        # larger towns by their GeoNames name only (alternate names of thousands of towns
        # include common English words); each keyed, and the larger ones also found, by its name
        # as English spells it, without diacritics ("Khāsh" is "Khash", "Zābol" "Zabol")
        for prio, towns in ((1, gazetteer.map_towns()), (4, gazetteer.named_towns())):
            for t in towns:
                name = _plain(t.name)
                for n in {t.name, *t.alt_names} if prio == 1 else {name}:
                    if n.isascii() and len(n) > 3 and n[0].isupper() and n not in self.info:
                        self.info[n] = (name, ISO2_TO_3.get(t.country, t.country), prio)
                        self.where.setdefault(name, (t.lon, t.lat))
                        if t.population >= BIG_CITY:
                            self.cities.add(name)
        self.names = PhraseMatcher(nlp.vocab)
        for n in self.info:
            self.names.add(n, [phrase(n)])
        self.provinces = Matcher(nlp.vocab)
        baluch = {"LOWER": {"REGEX": r"^bal[ou]ch[ie]?st[ae]n$"}}
        sistan = {"LOWER": {"REGEX": r"^s[ei]{1,2}stan$"}}  # Sistan, Seistan, Siestan
        self.provinces.add(
            "IRN",
            [
                [sistan, {"LOWER": {"IN": ["-", "and", "&", "va", "wa", "o"]}, "OP": "{0,2}"}, baluch],
                [sistan],
                [{"LOWER": {"REGEX": r"^s[ei]{1,2}stan-(?:va|o|e)-bal[ou]ch[ie]?st[ae]n$"}}],  # one word (nlp._IZAFE)
            ],
            greedy="LONGEST",
        )
        self.provinces.add("PAK", [[baluch]])
        self.iran_province = dataset.places.get(IRAN_PROVINCE) if dataset is not None else None

    def find(self, doc, a: int, b: int) -> list[PlaceHit]:
        """Places named in tokens [a, b), each span once: curated places first, then towns,
        then provinces (Iran's before Pakistan's, so "Sistan and Baluchistan" is one place)."""
        sent = doc[a:b]
        hits: list[tuple[int, int, int, str, str | None]] = []
        for mid, s, e in self.names(sent):  # PhraseMatcher: offsets into the doc, not the span
            key, country, prio = self.info[doc.vocab.strings[mid]]
            hits.append((prio, s, e, key, country))
        has_province = any(t.lower_.startswith(("bal", "sistan", "siestan", "seistan")) for t in sent)
        for t in sent:  # datelines in capitals: "QUETTA, Pakistan, Jan. 17"
            if len(t.text) > 3 and t.text.isupper() and t.text.title() in self.info:
                key, country, prio = self.info[t.text.title()]
                hits.append((prio, t.i, t.i + 1, key, country))
        for mid, s, e in self.provinces(sent) if has_province else ():  # Matcher: offsets into the span
            s, e = s + a, e + a
            if doc.vocab.strings[mid] == "IRN":
                key = self.iran_province.id if self.iran_province else "Sistan and Baluchestan"
                hits.append((2, s, e, key, "IRN"))
            elif not (e < len(doc) and doc[e].lower_ == "liberation"):
                hits.append((3, s, e, PAKISTAN_PROVINCE, "PAK"))
        # a name after a title is a person's ("Dr. Farah Rind", "General Asim"), not a town's
        hits = [h for h in hits if not (h[1] > 0 and doc[h[1] - 1].lower_.rstrip(".") in TITLES)]
        hits.sort(key=lambda h: (h[0], -(h[2] - h[1])))
        out: list[PlaceHit] = []
        taken: list[tuple[int, int]] = []
        for _, s, e, key, country in hits:
            if any(s < e2 and s2 < e for s2, e2 in taken):
                continue
            taken.append((s, e))
            out.append(
                PlaceHit(
                    key,
                    country,
                    doc[s].idx,
                    doc[e - 1].idx + len(doc[e - 1].text),
                    self.where.get(key),
                    key in self.cities,
                    doc[max(0, s - 1) : s].text.lower() in ("near", "outside")
                    or doc[max(0, s - 2) : s].text.lower() == "close to",
                )
            )
        return sorted(out, key=lambda h: h.start)
