"""The Add page's claim fields: a figure's kind, qualifier and claimant, on each candidate's card
and on the blank slots for figures the extractor missed.

Extraction misses some figures in every kind of article (bench/README.md), so the review lets a
person add them: they paste the sentence, the claim keeps the article's own words at their
offsets (``intake.locate``), and they say what it counts, who gives it and which event it is of.
A slot left without a sentence is ignored; a sentence not in the article is refused on save.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from geo.core.model import CLAIMANT_TYPE_LABELS
from geo.extract import intake
from geo.extract.pipeline import FIGURE_KINDS

SLOTS = 3  # per save: more is a second pass over the same article after saving


def kind_picker(where, kind: str, key: str) -> str:
    """A figure's kind, to correct what the extractor read ("injured" for "casualties", a depth for a length)."""
    kinds = list(FIGURE_KINDS)
    return where.selectbox(
        "Kind of figure",
        kinds,
        index=kinds.index(kind) if kind in kinds else 0,
        format_func=lambda k: k.replace("_", " "),  # short: a quarter of the card's width
        key=key,
        help="killed; injured; casualties: killed and injured not told apart; depth: how far inside the border; "
        "border length",
    )


def qualifier_picker(where, qualifiers: list, current: str | None, key: str) -> str | None:
    """A figure's qualifier ("at least", "about" …; "—" for none)."""
    return where.selectbox(
        "Qualifier",
        qualifiers,
        index=qualifiers.index(current) if current in qualifiers else 0,
        format_func=lambda q: "—" if q is None else q,
        key=key,
    )


def claimant_pickers(claimant: str | None, ctype: str | None, claimant_types: list[str], key: str) -> tuple[str, str]:
    """Who gives a figure, and their type; with none found, the article says it in its own voice."""
    d, e = st.columns(2)
    name = d.text_input("Claimant", claimant or "the author", key=f"{key}_claimant")
    ctype = ctype or "author"
    kind = e.selectbox(
        "Claimant type",
        claimant_types,
        index=claimant_types.index(ctype) if ctype in claimant_types else 0,
        format_func=lambda t: CLAIMANT_TYPE_LABELS.get(t, t),
        key=f"{key}_ctype",
        help="Whose figure it is: a government, its ministries, military, police, "
        "district administration or state media are that side's officials; a hospital, NGO, the UN, a third "
        "country or a militant group are other officials; residents, witnesses, relatives and unnamed sources "
        "are unattributed; an outlet's own reporting is media; a named expert is an analyst.",
    )
    return name, kind


def missed_claims(
    sid: str,
    events: dict,
    event_label: Callable[[str | None], str],
    qualifiers: list,
    claimant_types: list[str],
) -> list[dict]:
    """The slots, inside the review form; one row per slot given a sentence, as ``intake.build`` reads them."""
    rows = []
    with st.expander(f"Add a claim it missed (up to {SLOTS} per save)"):
        st.caption(
            "Copy the sentence from the article and paste it here (line breaks may differ); the claim keeps "
            "the article's own words. Then say what it counts, who gives it and which event it is about."
        )
        for k in range(1, SLOTS + 1):
            key = f"ca_{sid}_add{k}"
            with st.container(border=True, key=f"ca_added_{k}"):
                quote = st.text_area(f"Added {k}: its sentence, copied from the article", key=f"{key}_quote", height=68)
                a, b, c, v = st.columns(4)
                kind = kind_picker(a, "killed", f"{key}_kind")
                value = b.text_input("Value", key=f"{key}_value")
                qualifier = qualifier_picker(c, qualifiers, None, f"{key}_qualifier")
                victims = v.text_input("Victims", key=f"{key}_victims")
                claimant, claimant_type = claimant_pickers(None, None, claimant_types, key)
                event = st.selectbox(
                    "Event (type to search)",
                    intake.event_options(events, None),
                    format_func=event_label,
                    key=f"{key}_event",
                )
            if quote.strip():
                rows.append(
                    {
                        "keep": True,
                        "added": k,
                        "quote": quote,
                        "kind": kind,
                        "value": value,
                        "qualifier": qualifier,
                        "claimant": claimant,
                        "claimant_type": claimant_type,
                        "victims": victims,
                        "event": event,
                    }
                )
    return rows
