"""The reader's filters: parsing (with clear refusals) and their effect on events."""

import datetime as dt

import pytest

from tests.factories import make_article, make_entity, make_event, make_evidence, make_timeline
from timeline.filters import EventFilter, FilterError
from timeline.models import Event


@pytest.mark.parametrize(
    ("params", "start", "end"),
    [
        ({"from": "2025"}, dt.date(2025, 1, 1), None),
        ({"to": "2025"}, None, dt.date(2025, 12, 31)),
        ({"from": "2024-02", "to": "2024-02"}, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ({"from": "2025-06-13"}, dt.date(2025, 6, 13), None),
    ],
)
def test_partial_dates_mean_their_first_or_last_day(params, start, end):
    event_filter = EventFilter.from_query(params)
    assert (event_filter.start, event_filter.end) == (start, end)


@pytest.mark.parametrize(
    "params",
    [
        {"from": "June"},
        {"from": "2025-02-30"},
        {"to": "2025-13"},
        {"from": "2025-06", "to": "2025-01"},
        {"status": "rejected"},
        {"q": "x" * 201},
    ],
)
def test_bad_values_are_refused(params):
    with pytest.raises(FilterError):
        EventFilter.from_query(params)


def test_querystring_keeps_only_what_is_set():
    event_filter = EventFilter.from_query({"entity": "Scale AI", "from": "2025-06", "q": ""})
    assert event_filter.querystring() == "?entity=Scale+AI&from=2025-06-01"
    assert EventFilter().querystring() == "" and not EventFilter().active


@pytest.mark.django_db
def test_filters_narrow_the_events():
    timeline = make_timeline()
    article = make_article(timeline)
    acme = make_entity(timeline, "Acme Corp")
    early = make_event(timeline, title="Early plan", date=dt.date(2023, 5, 1))
    late = make_event(timeline, title="Factory opens", date=dt.date(2024, 3, 3))
    late.entities.add(acme)
    make_evidence(late, article)
    approved = make_event(timeline, title="Approved", status=Event.Status.APPROVED)
    events = Event.objects.in_timeline(timeline)

    def found(**params):
        return set(EventFilter.from_query(params).apply(events, timeline))

    assert found(entity="acme corp") == {late}
    assert found(entity="Nobody") == set()
    assert found(to="2023") == {early}
    assert found(status="approved") == {approved}
    assert found(q="leeds") == {late}, "free text searches the passages too"
    assert found(q="early") == {early}
