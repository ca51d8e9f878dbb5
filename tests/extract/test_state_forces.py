"""A state's forces named without the state ("the security forces", "an air force jet") are the
forces of the claim's source's own state, else of the one foreign state the report names as the
attacker, else of the state whose territory the passage's events are in."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def parties(pipeline: Pipeline, text: str, outlet: str = "Harbour Lights Gazette") -> list[str]:
    report = model.Report(id="r", text=text, published="2025-11-10T13:00:00+01:00", outlet=outlet)
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    return sorted(
        {
            c.value.code
            for c in extracted.claims
            if c.attribute == model.Attribute.RESPONSIBLE_PARTY and isinstance(c.value, model.Label)
        }
    )


def test_state_forces_are_the_forces_of_the_state_the_events_are_in(pipeline: Pipeline) -> None:
    said = "An air force jet bombed a wedding in Gusau, Nigeria, on Sunday, killing 20 people."
    assert parties(pipeline, said) == ["NG"]
    blamed = "A drone struck a minibus near Woldia, Ethiopia, on Tuesday. Residents blamed the federal military."
    assert parties(pipeline, blamed) == ["ET"]


def test_state_forces_a_dateline_names_no_state_of_the_story(pipeline: Pipeline) -> None:
    # "NAIROBI" names Kenya by its capital, but only as where the report was filed
    text = (
        "NAIROBI, Nov 5 (Lake Wire) - A drone strike on a lorry near the town of Woldia in Ethiopia's "
        "Amhara region killed at least nine people on Tuesday, residents said.\n\n"
        "Residents blamed the federal military, which has used armed drones in the region since 2023."
    )
    assert parties(pipeline, text) == ["ET"]


def test_state_forces_in_a_strike_by_a_foreign_state_are_that_states(pipeline: Pipeline) -> None:
    text = (
        "Israeli warplanes struck the port of Hodeidah in Yemen on Tuesday. "
        "The military said in a statement that its jets had hit the port."
    )
    assert parties(pipeline, text) == ["IL"], "not Yemen's: the report names Israel as the attacker"


def test_state_forces_unresolved_without_a_sure_place(pipeline: Pipeline) -> None:
    assert parties(pipeline, "An air force jet bombed a wedding on Sunday, killing 20 people.") == []



def test_state_forces_in_a_states_own_statement_are_its_own(pipeline: Pipeline) -> None:
    text = (
        "The Israeli military said an air force aircraft struck two militants in the village of Aynata "
        "in southern Lebanon on Wednesday."
    )
    assert parties(pipeline, text) == ["IL"], "the speaker's own air force, not Lebanon's"


def test_state_forces_an_air_arm_striking_is_the_states_own(pipeline: Pipeline) -> None:
    text = (
        "On Friday, the air vector carried out strikes on a gathering of terrorists near Djibo, "
        "in the north of Burkina Faso. Several dozen terrorists were neutralised."
    )
    assert parties(pipeline, text, outlet="Armed Forces of Burkina Faso") == ["BF"]


def test_state_forces_not_when_the_place_is_in_a_country_the_report_never_names(pipeline: Pipeline) -> None:
    # "Brooklyn" read as the New York borough in a report that only names Haiti
    text = "A Haitian rights group said the Task Force struck a house in Brooklyn with drones on Saturday."
    assert "US" not in parties(pipeline, text)


def test_state_forces_a_weekly_market_is_no_habit(pipeline: Pipeline) -> None:
    text = "On Friday the drones of the junta bombed the weekly market of Djibo, Burkina Faso, killing 40 people."
    assert parties(pipeline, text) == ["BF"]


def test_state_forces_in_a_passage_without_a_place_are_the_reports_one_states(pipeline: Pipeline) -> None:
    text = (
        "A drone struck a minibus near Woldia, Ethiopia, on Tuesday, killing 14 people. "
        "Later that night a jet of the federal military bombed a school, residents said."
    )
    assert parties(pipeline, text) == ["ET"]
    foreign = (
        "An Israeli drone struck a car in Aynata, Lebanon, on Wednesday. Hours later an air force jet "
        "bombed a school, residents said."
    )
    assert parties(pipeline, foreign) == ["IL"], "a foreign attacker named: the unplaced jet is nobody's"


def test_state_forces_a_regime_is_never_the_speakers_own(pipeline: Pipeline) -> None:
    said = (
        "The Israeli military said the regime fired ballistic missiles at Tel Aviv, Israel, on Monday, "
        "wounding three people."
    )
    assert parties(pipeline, said) == [], "the regime is Iran's or someone's, not Israel's"
    fano = "A drone of the regime struck a minibus near Woldia, Ethiopia, on Tuesday, killing 14 people."
    assert parties(pipeline, fano) == ["ET"]


def test_state_forces_a_group_claiming_its_attack_asserts_it(pipeline: Pipeline) -> None:
    report = model.Report(
        id="r",
        text="Drones attacked a police station in Suarez, Colombia, on Thursday. The ELN claimed the attack.",
        published="2025-11-21T13:00:00-05:00",
        outlet="Harbour Lights Gazette",
    )
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    stances = {
        (c.value.code, c.stance)
        for c in extracted.claims
        if c.attribute == model.Attribute.RESPONSIBLE_PARTY and isinstance(c.value, model.Label)
    }
    assert stances == {("ELN", model.Stance.ASSERTS)}


def test_state_forces_unsure_when_the_report_names_another_state(pipeline: Pipeline) -> None:
    text = (
        "The army shelled a market near Woldia, Ethiopia, on Monday, killing five people. "
        "Sudanese officials condemned the shelling."
    )
    assert parties(pipeline, text) == [], "Sudan is named: 'the army' is no longer sure to be Ethiopia's"


def test_state_forces_our_forces_are_the_speakers_side(pipeline: Pipeline) -> None:
    denied = (
        "Shells hit a market in El Obeid, Sudan, on Monday. "
        "Our forces did not target the market, an RSF spokesman said."
    )
    assert parties(pipeline, denied) == ["RSF"]
    unknown = "Shells hit a market in El Obeid, Sudan, on Monday. Our forces did not target the market, a man said."
    assert parties(pipeline, unknown) == [], "a speaker of no known side: nobody"
