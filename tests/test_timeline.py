"""The timeline's time axis (geo.core.timeline): local times with their zones, claims at their
publication dates, revisions joined, and a brushed UTC range read back as the local dates it covers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from geo.core import timeline
from tests.test_revisions import NINE, SEVEN, SOURCES


def test_events_sit_at_their_local_time_in_utc_and_claims_at_their_publication(dataset):
    saravan = dataset.events["pakistan-strike-saravan"]
    at = timeline.event_time(saravan)
    local = dt.datetime.combine(saravan.date, dt.time(*map(int, (saravan.time_local or "12:00").split(":"))))
    assert at.tzinfo == dt.UTC and at.replace(tzinfo=None) == local - dt.timedelta(hours=3, minutes=30)
    claims = [c for c in dataset.claims.values() if c.event == saravan.id]
    marks, undated = timeline.marks(dataset, claims, [saravan.id])
    [event] = [m for m in marks if m.kind == "event"]
    assert event.lane == "Events" and "UTC+03:30" in event.local and event.date == saravan.date
    dated = [c for c in claims if dataset.sources[c.source].date]
    assert undated == len(claims) - len(dated) and len(marks) == 1 + len(dated)
    for m in marks:
        if m.kind == "claim":
            assert m.when.date() == dataset.sources[dataset.claims[m.id].source].date
            assert m.lane in timeline.LANES[1:]


def test_a_claimant_s_revised_figures_share_one_history(dataset):
    ds = dataclasses.replace(dataset, sources={**dataset.sources, **SOURCES})
    marks, _ = timeline.marks(ds, [SEVEN, NINE], [])
    assert {m.id: m.history for m in marks} == {"c7": "c9", "c9": "c9"}
    assert [m.when.date() for m in marks] == [dt.date(2024, 1, 18), dt.date(2024, 1, 19)]


def test_a_brushed_range_covers_the_local_dates_of_what_lies_inside_it(dataset):
    # A strike at 02:00 in Tehran on the 18th is 22:30 UTC on the 17th: brushing the evening of
    # the 17th (UTC) selects the 18th too, the date the sidebar filters that event by.
    e = dataset.events["pakistan-strike-saravan"].model_copy(
        update={"time_local": "02:00", "date": dt.date(2024, 1, 18)}
    )
    ds = dataclasses.replace(dataset, events={**dataset.events, e.id: e})
    marks, _ = timeline.marks(ds, [], [e.id])
    start = dt.datetime(2024, 1, 17, 20, tzinfo=dt.UTC).timestamp() * 1000
    end = dt.datetime(2024, 1, 17, 23, tzinfo=dt.UTC).timestamp() * 1000
    assert timeline.brushed_dates(start, end, marks) == (dt.date(2024, 1, 17), dt.date(2024, 1, 18))
    assert timeline.brushed_dates(end, start) == (dt.date(2024, 1, 17), dt.date(2024, 1, 17))
    assert timeline.brushed_dates("2024-01-05T00:00:00Z", "2024-01-09T00:00:00") == (
        dt.date(2024, 1, 5),
        dt.date(2024, 1, 9),
    )


def test_a_range_with_nothing_in_it_is_not_a_dead_end():
    from tests.apptest import run_app

    at = run_app("timeline")
    at.session_state["ca_dates"] = (dt.date(2023, 12, 20), dt.date(2023, 12, 29))  # no event in it
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Show the default dates again"]
    at.button[0].click().run()
    assert at.session_state["ca_dates"] == (dt.date(2023, 12, 1), dt.date(2024, 1, 31))


def test_publishing_a_range_that_ends_before_it_starts_is_refused(capsys):
    import pytest

    from geo import publish

    with pytest.raises(SystemExit):
        publish.main(["--out", "/nonexistent/never", "--from", "2024-01-20", "--to", "2024-01-10"])
    assert "--from 2024-01-20 is after --to 2024-01-10" in capsys.readouterr().err
