"""Counts: which attribute each number belongs to, and vague numbers as ranges."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corroborator import model
from corroborator.extract.workspace import Workspace

Run = Callable[[str], Workspace]
A = model.Attribute


def counts(ws: Workspace) -> list[tuple[str, str]]:
    return [(f.attribute.value, str(f.value)) for f in ws.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia launched 40 drones at the south overnight.", [("launched", "40")]),
        (
            "Air defence shot down 38 of the 40 drones launched overnight.",
            [("intercepted", "38"), ("launched", "40")],
        ),
        ("Three Shahed drones hit the port.", [("hit", "3")]),
        (
            "Five missiles were intercepted and two hit a substation.",
            [("intercepted", "5"), ("hit", "2")],
        ),
        ("The city was attacked with a dozen drones.", [("launched", "12")]),
        ("At least 13 people were killed in the strike.", [("killed", "13+")]),
        ("Several drones were destroyed over the sea.", [("intercepted", "2–9")]),
        ("Dozens of drones were launched at the capital.", [("launched", "24–99")]),
        ("Up to 25 drones flew towards the city.", [("launched", "1–25")]),
    ],
)
def test_quantities_role_from_governing_verb(run_quantities: Run, text: str, expected: list[tuple[str, str]]) -> None:
    assert counts(run_quantities(text)) == expected


def test_quantities_elliptic_number_counts_the_weapon_named_before(run_quantities: Run) -> None:
    ws = run_quantities("Six drones approached the airfield. Four were shot down, and another exploded on a runway.")
    assert counts(ws) == [("launched", "6"), ("intercepted", "4"), ("hit", "1")]
    assert ws.findings[1].note and "named just before" in ws.findings[1].note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There were no casualties.", [("killed", "0"), ("injured", "0")]),
        (
            "The blast shattered windows without causing casualties.",
            [("killed", "0"), ("injured", "0")],
        ),
        ("No one was injured, the governor said.", [("injured", "0")]),
        ("No one was seriously hurt.", [("killed", "0")]),
        ("Two civilians were killed and five were wounded.", [("killed", "2"), ("injured", "5")]),
        # military usage: people "neutralised" were killed; drones "neutralised" were intercepted
        ("Dozens of gunmen were neutralised during the raid.", [("killed", "24–99")]),
        ("Air defence neutralised 12 drones over the region.", [("intercepted", "12")]),
        # regional usage: the dead are "martyrs"; beheading and execution kill
        ("Two farmers were martyred when the shell landed.", [("killed", "2"), ("hit", "1+")]),
        ("The gunmen beheaded three villagers.", [("killed", "3")]),
        ("Militants executed six fishermen on the beach.", [("killed", "6")]),
        # "no losses" in a military statement: no one killed; other losses say nothing of people
        ("The garrison repelled the assault and suffered no losses.", [("killed", "0")]),
        ("No loss, human or material, was recorded at the post.", [("killed", "0")]),
        ("The strike caused no material losses.", []),
        ("The drone hit the line, but there was no loss of power.", [("hit", "1+")]),
        # a breakdown of a group counted before is part of it, not a count of its own
        ("The drone strike killed 8 civilians, among them two women and a child.", [("killed", "8")]),
        # an apposition that cuts the counted subject off its verb in the parse
        (
            "The ministry accused the army of air strikes overnight, saying seven villagers, most of them "
            "herders, had been killed.",
            [("killed", "7")],
        ),
        # the Pakistani state's word for TTP fighters
        ('Security officials said "dozens of khawarij" were killed in the raid.', [("killed", "24–99")]),
    ],
)
def test_quantities_casualties(run_quantities: Run, text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(counts(run_quantities(text))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected", "revised"),
    [
        ("The death toll rose to five on Tuesday.", [("killed", "5")], True),
        ("The number of injured has risen to three, the administration said.", [("injured", "3")], True),
        ("The death toll has risen from two to five, the governor said.", [("killed", "5")], True),
        ("This brings the number of people killed to 14.", [("killed", "14")], True),
        ("The number of wounded reached 17.", [("injured", "17")], True),
        ("The death toll is 12.", [("killed", "12")], False),
        ("The death toll is now 12.", [("killed", "12")], True),
        ("Three people are now known to have been killed.", [("killed", "3")], True),
        ("The casualty toll rose to 20.", [], False),  # deaths and injuries together: no one count
        ("The toll has climbed to nine, the mayor said.", [("killed", "9")], True),  # a bare toll is of the dead
        ("The number of victims has risen to four.", [], False),
        # the counted people as the subject of the change
        ("The martyrs of the market strike rise to three, one of them a child.", [("killed", "3")], True),
        ("The wounded climbed to 20 by the evening.", [("injured", "20")], True),
        ("Casualties rose to 12.", [], False),  # dead and wounded together
        ("Prices rose to 12 dollars.", [], False),
    ],
)
def test_quantities_tolls_and_whether_they_say_the_count_changed(
    run_quantities: Run, text: str, expected: list[tuple[str, str]], revised: bool
) -> None:
    ws = run_quantities(text)
    assert counts(ws) == expected
    assert all(f.revised == revised for f in ws.findings)


def test_quantities_a_change_from_one_number_to_another_is_not_a_range(run_quantities: Run) -> None:
    assert counts(run_quantities("The number of injured rose from one to three.")) == [("injured", "3")]
    assert counts(run_quantities("From five to seven drones were launched.")) == [("launched", "5–7")]


def test_quantities_casualty_verbs_count_people_even_after_a_weapon(run_quantities: Run) -> None:
    ws = run_quantities("Three drones hit the depot. In the morning officials reported one injured. Two were downed.")
    assert counts(ws) == [("hit", "3"), ("injured", "1"), ("intercepted", "2")]


@pytest.mark.parametrize(
    "text",
    [
        "All 54 drones but two were shot down overnight.",
        "Air defence shot down all 54 drones but two.",
        "Of the 54 drones, all but two were destroyed.",
    ],
)
def test_quantities_all_but_gives_the_part_and_the_whole(run_quantities: Run, text: str) -> None:
    assert sorted(counts(run_quantities(text))) == [("intercepted", "52"), ("launched", "54")]


def test_quantities_all_intercepted_means_none_hit_and_as_many_launched(run_quantities: Run) -> None:
    ws = run_quantities("The ministry said all 12 drones had been jammed.")
    assert sorted(counts(ws)) == [("hit", "0"), ("intercepted", "12"), ("launched", "12")]
    assert any(f.note == "all were intercepted, so none hit" for f in ws.findings)


def test_quantities_not_one_and_one_of_them(run_quantities: Run) -> None:
    ws = run_quantities("Kiev admits that 31 Gerans flew to the port. Not one of them was stopped: all 31 reached it.")
    assert counts(ws) == [("launched", "31"), ("intercepted", "0"), ("hit", "31")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 67-year-old man died at the scene.", [("killed", "1")]),
        ("A worker was taken to hospital with burns.", [("injured", "1")]),
        ("Two of her volunteers were wounded.", [("injured", "2")]),
        (
            "The strike killed one passenger and wounded seven people. Two of the wounded are in a serious condition.",
            [("injured", "7"), ("killed", "1")],
        ),
    ],
)
def test_quantities_single_people_partitives_and_subsets(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(counts(run_quantities(text))) == sorted(expected)


def test_quantities_numbers_in_names_and_distances_are_not_counts(run_quantities: Run) -> None:
    ws = run_quantities("The An-124 was parked 70 miles from the border when an S-400 battery fired.")
    assert ws.findings == []


def test_quantities_definite_plural_is_anaphoric(run_quantities: Run) -> None:
    ws = run_quantities("Two drones flew at the plant. The devices were jammed.")
    launched, jammed = ws.findings
    assert (launched.attribute, str(launched.value)) == (A.LAUNCHED, "2")
    assert jammed.attribute == A.INTERCEPTED and jammed.anaphoric


def test_quantities_weapons_used_belong_to_the_verb_not_to_the_place_before_them(run_quantities: Run) -> None:
    # the parser hangs "with two missiles" on "district"; the district did not hold them
    ws = run_quantities(
        "Russia struck an industrial enterprise in Kharkiv's Kholodnohirskyi district with two Iskander-M "
        "ballistic missiles early on Saturday."
    )
    assert counts(ws) == [("launched", "2")]


def test_quantities_evidence_covers_number_noun_and_verb(run_quantities: Run) -> None:
    ws = run_quantities("Officials said that 12 drones were intercepted over the bay.")
    (finding,) = ws.findings
    assert ws.span(finding.start, finding.end).text == "12 drones were intercepted"


def test_quantities_restricted_nobody_is_not_a_total(run_quantities: Run) -> None:
    assert counts(run_quantities("Nobody in the queue was hurt because they had scattered.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine people were wounded; seven of them were taken to hospital.", [("injured", "9")]),
        ("Twelve people were injured, one of whom was admitted to hospital.", [("injured", "12")]),
        ("Three of the injured later died in hospital.", [("killed", "3")]),
        ("Six people were wounded. Two of them died overnight.", [("injured", "6"), ("killed", "2")]),
        ("The bus carried ten passengers and four of them were injured.", [("injured", "4")]),
        ("Four people were hurt, among them a girl from the next street.", [("injured", "4")]),
        ("Five people were injured. The other two were treated at the scene.", [("injured", "5")]),
    ],
)
def test_quantities_partitive_subset_of_counted_group_is_not_a_new_count(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(counts(run_quantities(text))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nobody was hurt in the blast.", [("injured", "0"), ("killed", "0")]),
        ("The passengers were reported safe.", [("injured", "0"), ("killed", "0")]),
        ("All 14 sailors were unharmed, the operator said.", [("injured", "0"), ("killed", "0")]),
        ("Nobody from people suffered.", [("injured", "0"), ("killed", "0")]),
        ("Three workers received shrapnel wounds.", [("injured", "3")]),
        ("Up to 30 people sought medical help.", [("injured", "1–30")]),
        ("Police found two residents cut by flying glass.", [("injured", "2")]),
        ("Thirty-one people were injured in the shelling.", [("injured", "31")]),
        ("Two workers cut the fence and left.", []),
    ],
)
def test_quantities_harm_in_general_wounds_and_care(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(counts(run_quantities(text))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rebels launched five attack drones and one cruise missile at the frigate.",
            [("launched", "5"), ("launched", "1")],
        ),
        ("They fired two one-way drones at the port.", [("launched", "2")]),
        ("The army said 18 out of 20 drones were destroyed.", [("intercepted", "18"), ("launched", "20")]),
        ("Air defences downed 14 of 20 drones over the region overnight.", [("intercepted", "14"), ("launched", "20")]),
        ("Six naval drones took part in the raid.", [("launched", "6")]),
        ("The army struck the village with four guided bombs.", [("launched", "4")]),
        ("The rebels fired a number of missiles at the ship.", [("launched", "2–9")]),
    ],
)
def test_quantities_launched_lists_partitives_and_instruments(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert counts(run_quantities(text)) == expected


def test_quantities_all_but_takes_the_whole_from_the_count_before(run_quantities: Run) -> None:
    ws = run_quantities("The army said the enemy had sent 30 drones, and that all but three had been shot down.")
    assert ("intercepted", "27") in counts(ws)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials counted three hits on the power plant after the drone attack.", [("hit", "3")]),
        ("Bloggers reported at least seven arrivals near the airfield after the missile strike.", [("hit", "7+")]),
        ("After the drone attack there were no direct hits on the town.", [("hit", "0")]),
        ("The song was one of the biggest hits of the summer.", []),
        # each strike is at least one impact, as "four drone strikes" are at least four drones
        ("After the missile attack the mayor counted four strikes in the eastern district.", [("hit", "4+")]),
        ("Workers at the factory went on two strikes last year.", []),
        # tagged as a verb ("hits"), yet the counted subject of "were recorded"
        ("Drones attacked the town. Three hits on the substation were recorded.", [("hit", "3")]),
        # uncounted: an impact that lands somewhere or is reported is at least one hit
        ("Explosions in the city. The mayor reports a hit on a residential building.", [("hit", "1+")]),
        ("The navy said its drones attacked the port. Hits were recorded on a loading berth.", [("hit", "1+")]),
        ("Missiles struck the city. A direct hit on the dam would flood the valley.", []),
        ("Drones attacked the depot. The hit on the tank farm started a fire.", []),
        ("The band played its greatest hits in the old town.", []),
    ],
)
def test_quantities_impact_nouns_count_hits(run_quantities: Run, text: str, expected: list[tuple[str, str]]) -> None:
    assert [c for c in counts(run_quantities(text)) if c[0] == "hit"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "In the 15 November strike on the camp, a drone hit a tent.",
        "The November 14 drone attack on the market was the deadliest this year.",
        "Witnesses described the 20 Nov. missile strike on the port.",
    ],
)
def test_quantities_a_day_of_the_month_is_no_count(run_quantities: Run, text: str) -> None:
    assert [c for c in counts(run_quantities(text)) if c[1].rstrip("+") in {"14", "15", "20"}] == []


def test_quantities_negated_interception_is_zero(run_quantities: Run) -> None:
    ws = run_quantities("Russia fired two cruise missiles. The missiles were not intercepted.")
    assert ("intercepted", "0") in counts(ws)


def test_quantities_verbless_list_item_counts_weapons_used(run_quantities: Run) -> None:
    text = "Overnight the enemy attacked with 30 air attack means:\n– 3 cruise missiles Kh-101 from the Caspian Sea;\n"
    assert ("launched", "3") in counts(run_quantities(text))


def test_quantities_corrected_interception_is_not_a_denial(run_quantities: Run) -> None:
    ws = run_quantities("The drones over the city were not shot down, they were put down by jamming.")
    assert ("intercepted", "0") not in counts(ws)


def test_quantities_toll_of_injured_read_as_a_verb(run_quantities: Run) -> None:
    text = "The number of injured in Odesa has risen to four, officials say. The other two were treated at home."
    ws = run_quantities(text)
    assert counts(ws) == [("injured", "4")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pieces of a weapon falling say nothing of whether the weapon hit
        ("Fragments of one of the missiles fell on a garage.", []),
        ("Debris of two downed drones landed in a field.", []),
        # the collective noun still leads to the weapons
        ("A salvo of four missiles hit the port.", [("hit", "4")]),
    ],
)
def test_quantities_remnants_of_weapons_are_not_the_weapons(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [c for c in counts(run_quantities(text)) if c[0] == "hit"] == expected


def test_quantities_none_of_the_weapons_is_one_zero_not_the_whole(run_quantities: Run) -> None:
    ws = run_quantities("Eight drones were launched at the city. None of the drones reached its target.")
    assert counts(ws) == [("launched", "8"), ("hit", "0")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A drone hit a pharmacy in the town centre.", [("hit", "1+")]),
        ("The tanker was struck by a missile off the coast.", [("hit", "1+")]),
        ("A drone was shot down over the bay.", []),
        ("When a drone is jammed, it often falls on a house.", []),
        ("When a drone hits a fuel tank, the fire burns for days.", []),
        # a "when" clause in the past tells the event
        ("The deadliest strike came on Saturday, when a drone struck the market.", [("hit", "1+")]),
        ("A missile could hit the plant, the governor warned.", []),
        ("Debris of a drone fell on a garage.", []),
        # a weapon told again, never counted: that one hit; counted before, no open count of it
        ("A drone strike on the market killed 11. The drone hit the market at 0830 GMT.", [("hit", "1+")]),
        ("The rebels launched one missile at the ship. The missile struck the ship.", []),
        ("A drone struck a car. Hours later, another drone hit a gas plant.", [("hit", "1+"), ("hit", "1+")]),
    ],
)
def test_quantities_one_weapon_named_hitting_is_at_least_one_hit(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [c for c in counts(run_quantities(text)) if c[0] == "hit"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part picked out of weapons never counted: what the rest did is untold
        ("Drones struck several sites overnight, and one of them hit a family home.", ["1+"]),
        ("Russia sent drones at the port. Two of the drones hit a warehouse.", ["2+"]),
        # a numbered whole, or the rest accounted for: the part is the total of hits
        ("Two of the three drones hit a warehouse.", ["2"]),
        ("Five drones flew at the port. Two of them hit a warehouse and the rest were shot down.", ["2"]),
    ],
)
def test_quantities_a_part_of_uncounted_weapons_hitting_is_at_least_that_many(
    run_quantities: Run, text: str, expected: list[str]
) -> None:
    assert [str(f.value) for f in run_quantities(text).findings if f.attribute == A.HIT] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The navy says its sea drones hit a loading berth.", ["1+"]),
        ('"The missiles precisely hit their targets," the statement said.', ["1+"]),
        # not the aircraft that carry the weapons, nor a part of the weapons
        ("The army said its jets had hit a training camp.", []),
        ("The militia fired rockets at the barracks. Most of the rockets fell in open areas.", []),
        # counted before: the count is the earlier one's, which framing gives it
        ("Two missiles were fired at the port. The missiles hit at 03:20.", []),
    ],
)
def test_quantities_weapons_named_hitting_and_never_counted_are_at_least_one_hit(
    run_quantities: Run, text: str, expected: list[str]
) -> None:
    ws = run_quantities(text)
    assert [str(f.value) for f in ws.findings if f.attribute == A.HIT and not f.anaphoric] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A drone struck a motorcycle, killing its rider.", [("killed", "1")]),
        ("A shell hit the bus station. The driver was wounded.", [("injured", "1")]),
        ("The missile struck the port; the crew was unharmed.", [("killed", "0"), ("injured", "0")]),
        (
            "The drone hit a car, wounding two passers-by, among them a 12-year-old boy.",
            [("injured", "2")],
        ),
        ("The army said its jets eliminated three militants in the strike.", [("killed", "3")]),
        ("Shells hit the market. The number of martyrs has reached 23.", [("killed", "23")]),
        ("Two bystanders were wounded when the drone exploded.", [("injured", "2")]),
        ("The drone strike led to the deaths of two civilians.", [("killed", "2")]),
    ],
)
def test_quantities_people_named_one_by_one_and_in_other_words(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [c for c in counts(run_quantities(text)) if c[0] in {"killed", "injured"}] == expected


def test_quantities_counts_over_a_whole_country_are_national_totals(run_quantities: Run) -> None:
    ws = run_quantities(
        "The air force said Russia had launched 64 drones at the country overnight. Six drones attacked the port."
    )
    scopes = [(f.value.min, f.value.scope) for f in ws.findings if isinstance(f.value, model.Quantity)]
    assert scopes == [(64, "country"), (6, None)]


def test_quantities_aircraft_struck_are_not_weapons_launched(run_quantities: Run) -> None:
    assert counts(run_quantities("Drones struck two bombers at the air base overnight.")) == []
    assert ("launched", "2") in counts(run_quantities("Two bombers attacked the city with missiles."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Several dozen fighters were killed in the raid.", [("killed", "24–99")]),
        ("Several hundred drones were launched this month.", [("launched", "200–900")]),
        ("A few hundred people were injured by the blasts.", [("injured", "200–500")]),
        ("More than a hundred fighters were killed in the raid.", [("killed", "101+")]),
        ("Over a dozen soldiers were wounded at the checkpoint.", [("injured", "13+")]),
        ("One hundred and twenty civilians were hurt in the shelling.", [("injured", "120")]),
        ("Two hundred and fifty drones were shot down over the weekend.", [("intercepted", "250")]),
        ("Between one hundred and two hundred drones were launched at the city.", [("launched", "100–200")]),
        ("Thousands of residents were injured in the bombardment.", [("injured", "2000–9999")]),
        ("Tens of civilians were killed by the barrage.", [("killed", "20–99")]),
    ],
)
def test_quantities_written_numbers_and_multiplied_vague_numbers(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert counts(run_quantities(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The war, which began two years ago, has killed 20,000 people and displaced millions.",
        "The conflict has killed tens of thousands of people.",
        "More than 10,000 people have been killed in the insurgency since 2017.",
    ],
)
def test_quantities_a_whole_war_toll_in_the_perfect_is_not_a_count(run_quantities: Run, text: str) -> None:
    assert counts(run_quantities(text)) == []


def test_quantities_a_perfect_toll_of_the_attack_is_still_a_count(run_quantities: Run) -> None:
    assert counts(run_quantities("Two people have been killed in the attack on the market.")) == [("killed", "2")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The drone exploded over the checkpoint, wounding two police officers and a civilian.",
            [("hit", "1+"), ("injured", "3")],
        ),
        ("In the village, two soldiers and three civilians were killed.", [("killed", "5")]),
        ("Four children and their teacher were injured in the blast.", [("injured", "5")]),
        ("Two soldiers and several civilians were killed.", [("killed", "2")]),
    ],
)
def test_quantities_people_listed_together_add_up(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert counts(run_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relatives said 34 bodies had been buried in the village.", [("killed", "34")]),
        ("The hospital received the bodies of 14 people.", [("killed", "14")]),
        ('The hospital had received "more than 30 bodies" by late afternoon.', [("killed", "31+")]),
        ("Mourners buried 23 people on Monday.", [("killed", "23")]),
        ("Two UN bodies condemned the strike.", []),
        ("Five people were buried under the rubble.", []),
    ],
)
def test_quantities_the_dead_counted_as_bodies_and_burials(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert counts(run_quantities(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Divers recovered six more bodies from the river.", "Rescuers found the body of a man under the rubble."],
)
def test_quantities_more_bodies_and_one_body_found_are_not_tolls(run_quantities: Run, text: str) -> None:
    assert counts(run_quantities(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven people lost their lives in the fire.", [("killed", "7")]),
        ("The strike claimed the lives of 7 people.", [("killed", "7")]),
        ("The blast cost nine lives.", [("killed", "9")]),
        ("Eight soldiers fell in battle near the river.", [("killed", "8")]),
        ("Two people were killed and 12 others were injured.", [("killed", "2"), ("injured", "12")]),
        ("The raid caused the deaths of two and the injury of 12 others.", [("killed", "2"), ("injured", "12")]),
        ("Rescuers saved the lives of 7 people.", []),
        ("Three leaves fell in the yard.", []),
        ("Eight of our soldiers fell on the field of honour.", [("killed", "8")]),
        ("Two farmers fell in the field while running.", []),
    ],
)
def test_quantities_lives_lost_and_others_counted(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert counts(run_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shelling killed 14 herdsmen and wounded nine mourners.", [("killed", "14"), ("injured", "9")]),
        ("Gunfire from the drone killed more than 30 commoners.", [("killed", "31+")]),
        # people named by nation or faith
        ("A drone strike on a house killed three Palestinians on Monday.", [("killed", "3")]),
        ("The group said it had killed 9 Christians and militiamen in the attack.", [("killed", "9")]),
        ("The strike destroyed 12 transformers at the substation.", []),
        ("Fourteen containers were hit at the port and burned.", []),
    ],
)
def test_quantities_people_nouns_the_lexicon_lacks_count_under_a_casualty_word(
    run_quantities: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [c for c in counts(run_quantities(text)) if c[0] in {"killed", "injured"}] == expected
