"""Publication time: the declared date weighed against what the report's content implies."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.normalise.publication import infer_publication


def infer(
    text: str, *, date_line: str | None = None, published: str | None = None
) -> tuple[model.PublicationTime, tuple[model.TimeExpression, ...], tuple[model.Anomaly, ...]]:
    report = model.Report(id="r1", text=text, date_line=date_line, published=published)
    return infer_publication(report=report, text=text, report_id="r1")


def by_text(times: tuple[model.TimeExpression, ...]) -> dict[str, model.TimeExpression]:
    return {t.span.text: t for t in times}


# --------------------------------------------------------------------------- the patterns


def test_publication_consistent_date_line_stands() -> None:
    text = (
        "Friday, 14 June 2024\n\n"
        "Drones struck a fuel depot overnight, the regional governor said on Friday. "
        "A depot in the same district was hit on 9 June."
    )
    publication, times, anomalies = infer(text, date_line="Friday, 14 June 2024")
    assert anomalies == ()
    assert publication.declared == dt.date(2024, 6, 14)
    assert publication.declared_text == "Friday, 14 June 2024"
    assert (publication.inferred_earliest, publication.inferred_latest) == (dt.date(2024, 6, 14),) * 2
    assert (publication.year_known, publication.year_source) == (True, "declared")
    assert not publication.date_line_inconsistent
    assert publication.basis  # says why
    assert by_text(times)["overnight"].value == "2024-06-13TNI"
    assert by_text(times)["9 June"].value == "2024-06-09"


def test_publication_wrong_date_line_is_contradicted_by_dates_and_weekday() -> None:
    text = (
        "March 2, 2021\n\n"
        "Artillery hit the rail depot overnight, the governor said on Thursday morning. "
        "On 19 October 2023 the city council ordered the shelters opened. "
        "Residents said last night's strike destroyed two warehouses."
    )
    publication, times, anomalies = infer(text, date_line="March 2, 2021")
    assert publication.declared == dt.date(2021, 3, 2)
    assert publication.date_line_inconsistent
    assert (publication.year_known, publication.year_source) == (True, "content")
    assert publication.inferred_earliest is not None and publication.inferred_latest is not None
    assert dt.date(2023, 10, 19) <= publication.inferred_earliest <= publication.inferred_latest
    assert publication.inferred_latest <= dt.date(2023, 10, 20)
    (anomaly,) = anomalies
    assert anomaly.code == "date_line_inconsistent"
    cited = [span.text for span in anomaly.evidence]
    assert cited[0] == "March 2, 2021"  # the date line first, with its offsets in the text
    assert anomaly.evidence[0].start == 0
    assert {"overnight", "Thursday morning"} <= set(cited)
    assert "2021-03-02" in anomaly.message and "overnight" in anomaly.message
    # The expressions later stages read hang on the inferred date, not the date line.
    assert by_text(times)["overnight"].interval is not None
    assert by_text(times)["overnight"].interval.start.year == 2023  # type: ignore[union-attr]


def test_publication_without_date_line_infers_month_and_day_but_no_year() -> None:
    text = (
        "On the evening of 14 September, two drones were shot down over the port. "
        "Last night another attack was repelled, officials said."
    )
    publication, times, anomalies = infer(text)
    assert anomalies == ()
    assert publication.declared is None
    assert (publication.year_known, publication.year_source) == (False, "none")
    placeholder = dt.date(model.PLACEHOLDER_YEAR, 9, 15)  # the morning after the evening attack
    assert (publication.inferred_earliest, publication.inferred_latest) == (
        placeholder,
        placeholder,
    )
    night = by_text(times)["Last night"]
    assert night.value == "XXXX-09-14TNI"
    assert night.interval is not None and not night.interval.year_known


def test_publication_an_opening_dateline_dates_the_writing_not_the_event() -> None:
    # Without it, "last evening" meeting the dated 9 Oct would pull publication to the 10th.
    text = "Kalat, 9 Oct: Three shepherds were hurt in last evening's mortar fire near the ridge, locals say."
    publication, times, _ = infer(text)
    assert publication.declared == dt.date(model.PLACEHOLDER_YEAR, 10, 9)
    assert by_text(times)["last evening"].value == "XXXX-10-08TEV"
    wire = "QUETTA, October 9 (Frontier Wire) - Shelling hit a market on Sunday, police said."
    publication, _, _ = infer(wire)
    assert (publication.declared, publication.year_known) == (dt.date(model.PLACEHOLDER_YEAR, 10, 9), False)
    # a sentence that opens with a place and a date is no dateline
    publication, _, _ = infer("In Kalat, on 9 Oct, three shepherds were hurt, locals say.")
    assert publication.declared is None


def test_publication_without_any_dates_is_unknown() -> None:
    publication, times, anomalies = infer("Drones were seen over the city. Officials said air defences were active.")
    assert (publication.declared, publication.inferred_earliest, publication.inferred_latest) == (
        None,
        None,
        None,
    )
    assert publication.year_source == "none"
    assert publication.reference is None
    assert publication.basis
    assert (times, anomalies) == ((), ())


def test_publication_recalled_old_event_does_not_contradict_an_agreeing_date_line() -> None:
    text = (
        "Saturday, 9 March 2024\n\n"
        "Drones hit an oil depot overnight, the governor said on Saturday. "
        "It was the first strike on the depot since 12 October 2022, "
        "when a missile set two tanks on fire."
    )
    publication, times, anomalies = infer(text, date_line="Saturday, 9 March 2024")
    assert anomalies == ()
    assert not publication.date_line_inconsistent
    assert (publication.inferred_earliest, publication.year_source) == (
        dt.date(2024, 3, 9),
        "declared",
    )
    assert by_text(times)["overnight"].value == "2024-03-08TNI"
    assert by_text(times)["12 October 2022"].value == "2022-10-12"


def test_publication_events_dated_after_the_declared_date_contradict_it() -> None:
    text = (
        "Drones hit the airfield overnight, the ministry said on Sunday. "
        "Two aircraft burned on 5 August 2023, according to the same statement, "
        "and the runway was closed until yesterday."
    )
    publication, _, anomalies = infer(text, published="2023-01-10")
    assert publication.date_line_inconsistent
    assert [a.code for a in anomalies] == ["date_line_inconsistent"]
    assert publication.inferred_earliest is not None
    assert dt.date(2023, 8, 5) <= publication.inferred_earliest <= dt.date(2023, 8, 7)


def test_publication_dates_alone_never_contradict_the_declared_date() -> None:
    # Due dates and plans are often told in a past-tense clause; without relative words
    # ("yesterday", "on Sunday") that fit another day, they do not overturn a date line.
    text = (
        "The ministry announced bonds that matured on 1 November 2030 and notes due 15 March 2031. "
        "A previous issue was sold on 2 February 2020."
    )
    publication, _, anomalies = infer(text, published="2024-05-01")
    assert anomalies == ()
    assert (publication.inferred_earliest, publication.year_source) == (
        dt.date(2024, 5, 1),
        "declared",
    )


def test_publication_weekday_narrows_to_the_day_it_names() -> None:
    text = (
        "Drones hit a fuel depot overnight, the governor said on Thursday. "
        "The city council had met on 19 October 2023 to discuss shelters."
    )
    publication, _, _ = infer(text)
    assert (publication.inferred_earliest, publication.inferred_latest) == (dt.date(2023, 10, 19),) * 2
    assert publication.year_source == "content"


def test_publication_quoted_words_do_not_date_the_report() -> None:
    text = 'On 14 September 2023 drones attacked the port. "Last night was quiet," a resident said.'
    publication, times, _ = infer(text)
    # Nothing but the dated attack: published on it or just after.
    assert (publication.inferred_earliest, publication.inferred_latest) == (
        dt.date(2023, 9, 14),
        dt.date(2023, 9, 15),
    )
    night = by_text(times)["Last night"]
    assert night.interval is not None
    # The resident spoke on the day of publication or the day before: every night it may be.
    assert (night.interval.start, night.interval.end) == (
        dt.datetime(2023, 9, 12, 18),
        dt.datetime(2023, 9, 15, 6),
    )


# --------------------------------------------------------------------------- the declared date


@pytest.mark.parametrize(
    ("published", "day", "time"),
    [
        ("2024-06-14T09:30:00+03:00", dt.date(2024, 6, 14), dt.time(9, 30)),
        ("2024-06-14T06:30:00Z", dt.date(2024, 6, 14), dt.time(6, 30)),
        ("Fri, 14 Jun 2024 09:30:00 GMT", dt.date(2024, 6, 14), dt.time(9, 30)),
        ("14 June 2024", dt.date(2024, 6, 14), None),
        ("14.06.2024", dt.date(2024, 6, 14), None),
    ],
)
def test_publication_reads_declared_dates_in_common_formats(published: str, day: dt.date, time: dt.time | None) -> None:
    publication, _, anomalies = infer("Sirens sounded in the city.", published=published)
    assert anomalies == ()
    assert (publication.declared, publication.declared_text) == (day, published)
    assert publication.year_source == "declared"


def test_publication_declared_time_reaches_relative_clock_expressions() -> None:
    _, times, _ = infer("The blast came two hours ago.", published="2024-06-14T09:30:00")
    (expression,) = times
    assert expression.value == "2024-06-14T07:30"


def test_publication_declared_time_is_kept_for_the_extract_stage() -> None:
    publication, _, _ = infer("Drones attacked the port overnight.", published="2024-06-14T06:30:00+03:00")
    assert publication.declared_time == dt.time(6, 30)


def test_publication_a_yearless_date_just_after_the_date_line_contradicts_it() -> None:
    # Read in the date line's year the night lies after publication; read a year earlier it
    # is too old to be named without its year: the date line is the likelier error.
    text = (
        "March 10, 2025\n\n"
        "Drones hit a fuel depot near the port during the night of 9 to 10 April, the regional "
        "governor said on Thursday."
    )
    publication, _, anomalies = infer(text, date_line="March 10, 2025")
    assert [a.code for a in anomalies] == ["date_line_inconsistent"]
    assert publication.inferred_earliest == dt.date(2025, 4, 10)


def test_publication_a_yearless_date_months_back_agrees_with_the_date_line() -> None:
    text = "January 9, 2025\n\nThe depot hit on 28 December is still burning, officials said on Thursday."
    _, times, anomalies = infer(text, date_line="January 9, 2025")
    assert anomalies == ()
    assert by_text(times)["28 December"].value == "2024-12-28"


def test_publication_unreadable_declared_date_is_an_anomaly() -> None:
    publication, _, anomalies = infer(
        "On the evening of 14 September 2023 drones attacked. Last night, more came.",
        published="soon-ish",
    )
    assert [a.code for a in anomalies] == ["declared_date_unreadable"]
    assert publication.declared is None
    assert publication.year_source == "content"
    assert publication.inferred_earliest == dt.date(2023, 9, 15)


# --------------------------------------------------------------------------- the seed reports


@pytest.mark.shared
def test_publication_seed_reports_match_the_answer_key(shared_dir: Path, settings: Settings) -> None:
    from corroborator.ingest import read_paths
    from corroborator.normalise.clean import clean_text

    expected = json.loads((shared_dir / "seeds" / "expected.json").read_text(encoding="utf-8"))["reports"]
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    reports = [r for r in read_paths(paths, settings=settings) if isinstance(r, model.Report)]
    assert {r.id for r in reports} == set(expected)
    for report in reports:
        text, _ = clean_text(report.text, title=report.title, settings=settings)
        publication, _, anomalies = infer_publication(report=report, text=text, report_id=report.id)
        want = expected[report.id]
        declared = want["declared_published"]
        assert publication.declared == (dt.date.fromisoformat(declared) if declared else None)
        if "inferred_published_between" in want:
            lo, hi = (dt.date.fromisoformat(d) for d in want["inferred_published_between"])
            assert publication.date_line_inconsistent == want["date_line_inconsistent"]
            assert publication.inferred_earliest is not None and publication.inferred_latest is not None
            assert lo <= publication.inferred_earliest <= publication.inferred_latest <= hi
            assert [a.code for a in anomalies] == ["date_line_inconsistent"]
        else:
            # No year in the text: unknown at this stage (a later stage links it), but the
            # month and day must be sensible: after the events it reports, in early May.
            assert (publication.year_known, publication.year_source) == (False, "none")
            assert publication.inferred_earliest is not None and publication.inferred_latest is not None
            assert publication.inferred_earliest.year == model.PLACEHOLDER_YEAR
            first, last = (d.replace(year=2023) for d in (publication.inferred_earliest, publication.inferred_latest))
            assert dt.date(2023, 5, 3) <= first <= last <= dt.date(2023, 5, 10)
            assert not anomalies
