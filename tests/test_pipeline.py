"""The pipeline: single report, streaming, and one bad report never stopping the batch."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.errors import PipelineError
from corroborator.extract.workspace import check_order
from corroborator.pipeline import Pipeline

TEXT = (
    "Russian drones attacked the port of Izmail overnight, the Odesa regional governor said on "
    "Wednesday. Air defence shot down 9 of the 11 drones; two hit a grain warehouse, which caught fire."
)


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def test_pipeline_single_report_end_to_end(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(TEXT, report_id="r1", published="2024-08-14")
    (incident,) = analysis.incidents
    facts = {f.attribute: f.value for f in incident.facts}
    assert facts[model.Attribute.LAUNCHED] == model.Quantity(min=11, max=11, counted="drone")
    assert facts[model.Attribute.INTERCEPTED] == model.Quantity(min=9, max=9, counted="drone")
    assert facts[model.Attribute.HIT] == model.Quantity(min=2, max=2, counted="drone")
    assert incident.place is not None and incident.place.country_code == "UA"
    assert incident.time is not None and incident.time.first_day().isoformat() == "2024-08-13"
    assert all(c.evidence.text and c.evidence.report_id == "r1" for c in incident.claims)


def test_pipeline_streams_in_order_with_failures_in_place(pipeline: Pipeline) -> None:
    items: list[model.Report | model.IngestFailure] = [
        model.Report(id="a", text=TEXT, published="2024-08-14"),
        model.IngestFailure(origin="bad.bin", reason="binary input"),
        model.Report(id="b", text=TEXT.replace("Izmail", "Reni"), published="2024-08-14"),
    ]
    out = list(pipeline.pipe(items, batch_size=1))
    assert [getattr(o, "id", getattr(o, "origin", None)) for o in out] == ["a", "bad.bin", "b"]


def test_pipeline_a_crashing_report_becomes_a_failure_and_the_batch_goes_on(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.extractor._run

    def explode(report: model.NormalisedReport, doc: object) -> model.ExtractedReport:
        if report.id == "poison":
            raise RuntimeError("simulated extractor bug")
        return real(report, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline.extractor, "_run", explode)
    items = [model.Report(id=i, text=TEXT, published="2024-08-14") for i in ("a", "poison", "b")]
    out = list(pipeline.pipe(items, batch_size=3))
    assert [type(o).__name__ for o in out] == ["ExtractedReport", "IngestFailure", "ExtractedReport"]
    failure = out[1]
    assert isinstance(failure, model.IngestFailure)
    assert "extract stage failed for report 'poison'" in failure.reason and failure.raw


def test_pipeline_misordered_components_fail_at_construction() -> None:
    class NeedsFrames:
        name = "needs-frames"
        requires = frozenset({"frames"})
        assigns = frozenset({"claims"})

        def __call__(self, ws: object) -> None: ...

    with pytest.raises(PipelineError, match="requires frames"):
        check_order([NeedsFrames()])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "text",
    [
        "The senator attacked her rival's tax plan, and the exchange did lasting damage to her campaign.",
        "An explosion of new housing projects has transformed the riverside, the mayor said.",
        "The budget battle left the coalition burning with resentment.",
    ],
)
def test_pipeline_metaphors_make_no_incident(pipeline: Pipeline, text: str) -> None:
    assert pipeline.analyze_text(text, published="2024-05-01").incidents == ()


def test_pipeline_a_report_that_only_denies_joins_the_incident_and_contests_who_did_it(pipeline: Pipeline) -> None:
    # 10 March 2024 was a Sunday.
    texts = {
        "local": "A Nigerian Air Force drone struck a wedding in Maru in Zamfara state on Sunday, killing 11 guests, "
        "residents said.",
        "rights": "The drone strike on a wedding in Maru on Sunday killed at least 11 civilians, a rights group said, "
        "and it called for an inquiry.",
        "army": "The Nigerian army said on Tuesday that it did not carry out any drone strike on the wedding in Maru "
        "on Sunday.",
    }
    reports = [
        model.Report(id=rid, text=text, published="2024-03-12", outlet=f"Outlet {rid}") for rid, text in texts.items()
    ]
    (incident,) = pipeline.analyze(reports).incidents
    assert sorted(incident.report_ids) == ["army", "local", "rights"]
    denial = [c for c in incident.claims if c.report_id == "army" and c.attribute == model.Attribute.RESPONSIBLE_PARTY]
    assert denial and all(
        c.stance == model.Stance.DENIES and isinstance(c.value, model.Label) and c.value.code == "NG" for c in denial
    )
    # the evidence points at the denial's own words
    assert all("did not carry out any drone strike" in c.evidence.text for c in denial)
    party = incident.fact(model.Attribute.RESPONSIBLE_PARTY)
    assert party is not None and party.grade.level == model.GradeLevel.CONTESTED
    (contradiction,) = [c for c in incident.contradictions if c.attribute == model.Attribute.RESPONSIBLE_PARTY]
    assert contradiction.kind == model.ContradictionKind.ATTRIBUTION
    assert set(contradiction.against_ids) == {c.id for c in denial}


def test_pipeline_an_incident_told_only_as_denied_keeps_the_day_and_place_denied(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The Nigerian army said on Monday it did not carry out any drone strike on the wedding in Maru on Sunday.",
        report_id="army",
        published="2024-03-11",
    )
    (incident,) = analysis.incidents
    assert incident.place is not None and incident.place.name == "Maru"
    assert incident.time is not None and incident.time.first_day().isoformat() == "2024-03-10"
    facts = {f.attribute: f for f in incident.facts}
    assert facts[model.Attribute.PLACE].grade.level == model.GradeLevel.CONTESTED
    party = facts[model.Attribute.RESPONSIBLE_PARTY]
    assert party.value is None  # a party only denied is nobody's answer to who did it
    assert party.grade.level == model.GradeLevel.CONTESTED and "Nigerian army" in party.grade.reason
