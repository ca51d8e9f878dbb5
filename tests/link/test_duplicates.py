"""Near-duplicates: copies and light rewrites of one story are found; independent stories
about the same event, and articles that quote a post, are not."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.link.duplicates import DuplicateFinder, shingles
from corroborator.pipeline import Pipeline

WIRE = (
    "Russian forces attacked the Danube port of Izmail with drones overnight, damaging a grain "
    "terminal and two warehouses, the regional governor said on Friday. Air defence units shot "
    "down 17 of the 25 drones launched from the direction of the sea, he wrote on Telegram, and "
    "two port workers were taken to hospital with shrapnel wounds.\n\n"
    "Firefighters spent several hours putting out a blaze at the terminal, which handles grain "
    "bound for North Africa and the Middle East. Pictures shared by people living nearby showed "
    "thick smoke drifting over the river bank as dawn broke.\n\n"
    "The port has become one of the main routes for the country's farm exports since shipping "
    "through the sea corridor became riskier, and it has been struck repeatedly this year. "
    "There was no immediate comment from Moscow on the attack."
)

#: The same story as another outlet ran it: its own dateline, a verb or two changed, a
#: sentence cut, a closing line of its own.
REWRITE = (
    "IZMAIL, Friday (Coastal News) - Russian forces struck the Danube port of Izmail with drones "
    "during the night, damaging a grain terminal and two warehouses, the regional governor said "
    "on Friday. Air defence units shot down 17 of the 25 drones launched from the direction of "
    "the sea, he wrote on Telegram, and two port workers were taken to hospital with shrapnel "
    "wounds.\n\n"
    "Firefighters spent several hours putting out a fire at the terminal, which handles grain "
    "bound for North Africa and the Middle East.\n\n"
    "The port has become one of the main routes for the country's farm exports since shipping "
    "through the sea corridor became riskier, and it has been hit repeatedly this year. "
    "There was no immediate comment from Moscow on the attack. Follow our live page for updates."
)

#: The same event, written up independently, quoting the same Telegram statement.
INDEPENDENT = (
    "Two dock workers were wounded when a swarm of drones hit Izmail before dawn on Friday, "
    "setting part of the grain terminal ablaze. The regional governor said on Telegram that air "
    "defence units shot down 17 of the 25 drones. Our correspondent saw burnt-out lorries at the "
    "gate and counted at least three damaged sheds along the quay.\n\n"
    "Dock managers said loading would resume within days. Shipping agents in Odesa said insurers "
    "had already raised premiums for vessels calling at river ports after earlier strikes, and "
    "traders expect grain prices to rise slightly next week."
)

POST = (
    "Air defence units shot down 17 of the 25 drones launched from the direction of the sea, "
    "and two port workers were taken to hospital with shrapnel wounds."
)

#: A long analysis that quotes the whole post and adds much more of its own.
ANALYSIS = (
    "The governor's morning message was brief: " + POST + " Behind those numbers lies a harder "
    "question for the river ports. Each attack this year has followed the same pattern, with "
    "drones arriving from the sea in waves and the terminals burning for hours afterwards. "
    "Insurers have raised premiums twice since spring, shipping agents say, and some owners now "
    "refuse to send vessels upriver at all. Port officials argue that extra air defence batteries "
    "along the estuary would pay for themselves within weeks, but the batteries are needed "
    "elsewhere too, and every request competes with the front line. Farmers, meanwhile, are "
    "storing more of their harvest on their own land, waiting for the routes to settle."
)


def judge(*texts: str) -> set[tuple[str, str]]:
    items = [(f"r{i}", text) for i, text in enumerate(texts)]
    return {(p.first, p.second) for p in DuplicateFinder().pairs(items)}


def test_duplicates_verbatim_copy_is_a_copy() -> None:
    assert judge(WIRE, WIRE) == {("r0", "r1")}


def test_duplicates_light_rewrite_is_a_copy() -> None:
    assert judge(WIRE, REWRITE) == {("r0", "r1")}


def test_duplicates_trimmed_copy_is_a_copy() -> None:
    trimmed = "\n\n".join(WIRE.split("\n\n")[:2])
    assert judge(WIRE, trimmed) == {("r0", "r1")}


def test_duplicates_independent_story_about_the_same_event_is_not_a_copy() -> None:
    assert judge(WIRE, INDEPENDENT) == set()
    assert judge(REWRITE, INDEPENDENT) == set()


def test_duplicates_article_quoting_a_post_in_full_is_not_a_copy_of_it() -> None:
    assert judge(POST, ANALYSIS) == set()


def test_duplicates_short_texts_only_when_identical() -> None:
    alert = "Air raid alert in the Kyiv region."
    assert judge(alert, alert) == {("r0", "r1")}
    assert judge(alert, "Air raid alert in the Kharkiv region.") == set()


def test_duplicates_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Drones hit, the port!", size=4) == shingles("drones hit the PORT", size=4)


def test_duplicates_many_reports_find_only_the_copies() -> None:
    """Ten unrelated stories around the copies: only the copy pairs come back."""
    fillers = [
        f"Story {n}: the council of district {n} met on day {n} to discuss road repairs, school meals "
        f"and a plan for {n * 3} new street lights, and councillor number {n} asked for more time."
        for n in range(10)
    ]
    found = judge(*fillers, WIRE, REWRITE, INDEPENDENT)
    assert found == {("r10", "r11")}


# ----------------------------------------------------------------------- through the pipeline

STORY = (
    "Drones attacked a fuel depot on the outskirts of Kstovo overnight, setting two storage tanks "
    "on fire. Nine drones were launched at the depot and six of them were shot down before "
    "reaching it. Three drones hit the site, and two workers were injured. Fire crews worked until "
    "the morning to contain the blaze, and traffic on the nearby highway was stopped for several "
    "hours.\n\n"
    "The depot supplies fuel to much of the surrounding region and has been targeted before. "
    "Local authorities opened a temporary shelter for families living close to the site."
)


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture(scope="module")
def copies(pipeline: Pipeline) -> list[model.ExtractedReport]:
    """One story carried by three outlets on one day: as written, lightly edited, trimmed."""
    edited = STORY.replace("Drones attacked", "Drones struck").replace("Fire crews", "Firefighters")
    trimmed = STORY.split("\n\n")[0]
    reports = [
        model.Report(id="courier", text=STORY, outlet="Volga Courier", published="2024-05-02T06:10"),
        model.Report(id="daily", text=edited, outlet="River Daily", published="2024-05-02T09:00"),
        model.Report(id="post", text=trimmed, outlet="Northern Post", published="2024-05-02T11:30"),
    ]
    return [r for r in pipeline.pipe(reports) if isinstance(r, model.ExtractedReport)]


def test_duplicates_pipeline_records_the_group_and_each_copy(
    pipeline: Pipeline, copies: list[model.ExtractedReport]
) -> None:
    analysis = pipeline.combine(copies)
    outcomes = {r.id: r for r in analysis.reports}
    assert outcomes["courier"].duplicate_of is None
    assert outcomes["daily"].duplicate_of == "courier"
    assert outcomes["post"].duplicate_of == "courier"
    linkage = pipeline.linker.link(copies)
    assert linkage.duplicate_groups == (model.DuplicateGroup(original="courier", copies=("daily", "post")),)


def test_duplicates_copies_own_voice_counts_once(pipeline: Pipeline, copies: list[model.ExtractedReport]) -> None:
    linkage = pipeline.linker.link(copies)
    incident = next(i for i in pipeline.reconciler.reconcile(linkage).incidents if len(i.report_ids) == 3)
    launched = incident.fact(model.Attribute.LAUNCHED)
    assert launched is not None
    assert launched.grade.level == model.GradeLevel.SINGLE_SOURCE
    assert "Volga Courier" in launched.grade.reason
    # The same linkage without the duplicate record: three outlets look independent.
    unaware = linkage.model_copy(update={"duplicate_groups": ()})
    incident = next(i for i in pipeline.reconciler.reconcile(unaware).incidents if len(i.report_ids) == 3)
    launched = incident.fact(model.Attribute.LAUNCHED)
    assert launched is not None and launched.grade.level == model.GradeLevel.CORROBORATED


def test_duplicates_an_independent_report_still_corroborates(
    pipeline: Pipeline, copies: list[model.ExtractedReport]
) -> None:
    other = model.Report(
        id="herald",
        outlet="Kama Herald",
        published="2024-05-02T12:00",
        text=(
            "A fuel depot near Kstovo caught fire overnight after nine drones were launched at it. "
            "Residents on the edge of town heard explosions and saw flames above the storage area "
            "until dawn, and the highway into town stayed closed until late morning."
        ),
    )
    extra = [r for r in pipeline.pipe([other]) if isinstance(r, model.ExtractedReport)]
    analysis = pipeline.combine([*copies, *extra])
    incident = next(i for i in analysis.incidents if "herald" in i.report_ids)
    assert {"courier", "daily", "post"} <= set(incident.report_ids)
    launched = incident.fact(model.Attribute.LAUNCHED)
    assert launched is not None
    assert launched.grade.level == model.GradeLevel.CORROBORATED
    assert "2 independent sources" in launched.grade.reason
