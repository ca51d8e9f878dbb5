"""Event mentions: triggers, ACLED types, modality and the "another" cue."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corroborator import model
from corroborator.extract.workspace import Workspace

Run = Callable[[str], Workspace]


def mentions(ws: Workspace) -> list[tuple[str, str, model.Modality]]:
    return [(h.mention.trigger.text, h.event_class, h.mention.modality) for h in ws.events]


def triggers(ws: Workspace) -> list[str]:
    return [h.mention.trigger.text for h in ws.events]


def test_events_drone_attack_is_air_strike(run_events: Run) -> None:
    ws = run_events("Three drones attacked an oil depot in the port overnight.")
    (hit,) = [h for h in ws.events if h.event_class == "attack"]
    assert hit.mention.sub_event_type == "Air/drone strike"
    assert hit.mention.modality == model.Modality.ACTUAL


def test_events_missile_strike_is_shelling_missile_subtype(run_events: Run) -> None:
    ws = run_events("A cruise missile struck a power station on Monday.")
    (hit,) = ws.events
    assert hit.mention.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("At dawn, explosive devices were dropped from quadcopter drones onto two houses.", "Air/drone strike"),
        ("A military aircraft dropped explosives on the market on Sunday.", "Air/drone strike"),
        ("An explosive device planted by the road went off as the patrol passed.", "Remote explosive/landmine/IED"),
        # the air force names the aircraft as "air strike" does
        ("The air force strike on the camp lasted an hour.", "Air/drone strike"),
    ],
)
def test_events_explosives_dropped_from_the_air_are_an_air_strike(run_events: Run, text: str, sub_type: str) -> None:
    ws = run_events(text)  # ACLED: munitions dropped by drones or aircraft are air strikes, not remote explosives
    assert [h.mention.sub_event_type for h in ws.events] == [sub_type]


def test_events_people_neutralised_by_drones_were_struck_not_intercepted(run_events: Run) -> None:
    ws = run_events("Four gunmen were neutralised by our armed drones near the ridge.")
    assert [(h.event_class, h.mention.sub_event_type) for h in ws.events] == [("casualty", "Air/drone strike")]
    jammed = run_events("Two drones were neutralised by electronic warfare near the ridge.")
    assert [h.event_class for h in jammed.events] == ["intercept"]


def test_events_interception_is_disrupted_weapons_use(run_events: Run) -> None:
    ws = run_events("Air defence units shot down eleven drones over the region.")
    (hit,) = ws.events
    assert (hit.event_class, hit.mention.trigger.text) == ("intercept", "shot down")
    assert hit.mention.sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    "second",
    ["Both were engaged and shot down.", "Both engaged & shot down.", "Both were shot down over the ridge."],
)
def test_events_a_quantifier_for_weapons_named_before_is_what_was_shot_down(run_events: Run, second: str) -> None:
    ws = run_events(f"Troops on the ridge spotted two quadcopter drones crossing the line. {second}")
    (hit,) = [h for h in ws.events if h.event_class == "intercept"]
    assert hit.mention.weapon == "drone"
    # without weapons named before, "both" may be anything
    assert [h for h in run_events(f"The talks went on late. {second}").events if h.event_class == "intercept"] == []


def test_events_a_quantifier_naming_its_own_whole_is_not_a_weapon_found(run_events: Run) -> None:
    ws = run_events(
        "A jet bombed the monastery at night. Most of the dead were found in the main hall, a rescuer said."
    )
    assert [h.event_class for h in ws.events] == ["attack"]
    # "most of them" still stands for the drones named before
    ws = run_events("Twelve drones crossed the border. Most of them were found in a field.")
    assert "find" in [h.event_class for h in ws.events]


@pytest.mark.parametrize(
    "told",
    [
        "Our air defences confronted the hostile drones and shot down six of them over the city.",
        "Hostile drones approached the city at dawn. Our air defences shot down both.",
    ],
)
def test_events_a_number_or_pronoun_object_stands_for_weapons_named_before(run_events: Run, told: str) -> None:
    (hit,) = [h for h in run_events(told).events if h.event_class == "intercept"]
    assert hit.mention.trigger.text == "shot down"
    # with no weapon named before, what "six of them" are is anyone's guess
    assert [h for h in run_events("The rebels fled. Soldiers shot down six of them.").events] == []


def test_events_one_of_the_weapons_named_before_hitting_something_is_an_attack(run_events: Run) -> None:
    ws = run_events("About a dozen shells landed on the town. One of them hit the bakery, a witness said.")
    assert "hit" in [ws.doc[h.token].text for h in ws.events if h.event_class == "attack"]
    # "one of them" with no weapon before is anyone
    ws = run_events("Two teams played in the final. One of them hit the post twice.")
    assert [h for h in ws.events if h.event_class == "attack"] == []


def test_events_the_target_told_again_in_the_passive_is_the_attack(run_events: Run) -> None:
    ws = run_events("A drone strike destroyed a lorry on Monday. The lorry was hit near a fuel station, a driver said.")
    assert ("hit", "attack", model.Modality.ACTUAL) in mentions(ws)
    other = run_events("A drone strike destroyed a lorry on Monday. A cyclist was hit by a car near the station.")
    assert "hit" not in triggers(other)
    pronoun = run_events("A drone struck a pickup on the road. It was hit at about 0915 GMT, the militia said.")
    assert ("hit", "attack", model.Modality.ACTUAL) in mentions(pronoun)


def test_events_air_interdiction_and_the_air_vector_are_attacks_by_aircraft(run_events: Run) -> None:
    ws = run_events("The air force conducted an air interdiction mission against a convoy on Sunday.")
    assert [h.mention.sub_event_type for h in ws.events] == ["Air/drone strike"]
    vector = run_events("On Friday the air vector struck a column of vehicles near the river.")
    assert [h.mention.sub_event_type for h in vector.events] == ["Air/drone strike"]


def test_events_plural_strikes_carried_out_once_are_actual(run_events: Run) -> None:
    once = run_events("On Friday, the air force carried out air strikes on a camp near the border.")
    assert [h.mention.modality for h in once.events] == [model.Modality.ACTUAL]
    campaign = run_events("The air force has carried out air strikes on camps near the border since 2023.")
    assert all(h.mention.modality != model.Modality.ACTUAL for h in campaign.events)


def test_events_an_attack_told_of_another_events_target_is_its_own_event(run_events: Run) -> None:
    ws = run_events("Jets struck gunmen who had attacked a village with rifles and grenades.")
    assert [(h.mention.trigger.text, h.another) for h in ws.events] == [("struck", False), ("attacked", True)]
    same = run_events("Soldiers shot down two drones that tried to attack the naval base.")
    assert not any(h.another for h in same.events)


def test_events_hit_without_weapon_is_not_an_event(run_events: Run) -> None:
    ws = run_events("Grain prices hit a record high on Tuesday.")
    assert ws.events == []


def test_events_the_targets_struck_are_no_event_but_a_headline_verb_is(run_events: Run) -> None:
    struck = run_events("Naval drones struck targets of the enemy fleet in the harbour on Tuesday.")
    assert [trigger for trigger, _, _ in mentions(struck)] == ["struck"]
    # the tagger reads a headline's verb as a noun heading the sentence: still the attack
    headline = run_events("Drone targets apartment block")
    assert [(trigger, cls) for trigger, cls, _ in mentions(headline)] == [("targets", "attack")]


def test_events_destroyed_with_a_weapon_is_an_attack(run_events: Run) -> None:
    ws = run_events("Separatist fighters destroyed an army truck with an IED near the bridge this morning.")
    assert [(trigger, cls) for trigger, cls, _ in mentions(ws)] == [("destroyed", "attack")]
    ws = run_events("Insurgents destroyed the checkpoint using drones on Monday.")
    assert [(trigger, cls) for trigger, cls, _ in mentions(ws)] == [("destroyed", "attack")]
    # the weapon destroyed is an interception, whatever destroyed it
    ws = run_events("Air defence destroyed two drones with a Stinger missile over the city.")
    assert [(trigger, cls) for trigger, cls, _ in mentions(ws)] == [("destroyed", "intercept")]


def test_events_planned_attack_is_hypothetical(run_events: Run) -> None:
    ws = run_events("Officials said the group was preparing a large attack on the bridge.")
    assert [m for _, _, m in mentions(ws)] == [model.Modality.HYPOTHETICAL]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Officials found a cache of drones for an attack on the port.", "hypothetical"),
        ("A rebel faction claimed responsibility for the attack on the checkpoint in Pelga Yiri.", "actual"),
        ("Casualty figures for the airstrike on the clinic in Kanta Dawri differ between sources.", "actual"),
        ("Officers say the army is stockpiling missiles for a massive strike on the grid.", "hypothetical"),
        ("The rebels amassed drones for an attack on the airfield, the governor warned.", "hypothetical"),
        ("Police arrested two men for an attack on a checkpoint near Dori last week.", "actual"),
    ],
)
def test_events_an_attack_a_noun_is_for_is_planned_unless_it_is_one_already_known(
    run_events: Run, text: str, modality: str
) -> None:
    attacks = {"attack", "airstrike", "strike"}
    assert [m.value for trigger, _, m in mentions(run_events(text)) if trigger in attacks] == [modality]


def test_events_would_be_is_hypothetical(run_events: Run) -> None:
    ws = run_events("An attack on the dam would be a disaster for the whole valley.")
    assert mentions(ws)[0][2] == model.Modality.HYPOTHETICAL


def test_events_frequent_attacks_are_generic(run_events: Run) -> None:
    ws = run_events("The border district has suffered frequent attacks since spring.")
    assert mentions(ws)[0][2] == model.Modality.GENERIC


def test_events_bare_plural_attacks_are_generic_but_counted_strikes_are_not(
    run_events: Run,
) -> None:
    generic = run_events("Villagers are used to attacks on their farms.")
    counted = run_events("Witnesses filmed two drone strikes on the farm.")
    assert mentions(generic)[0][2] == model.Modality.GENERIC
    assert mentions(counted)[0][2] == model.Modality.ACTUAL


def test_events_no_attack_took_place_is_negated(run_events: Run) -> None:
    ws = run_events("The governor insisted that no attack took place in the town.")
    assert mentions(ws)[0][2] == model.Modality.NEGATED


def test_events_not_claiming_an_attack_does_not_negate_it(run_events: Run) -> None:
    ws = run_events("The army has not claimed the attack on the depot.")
    assert mentions(ws)[0][2] == model.Modality.ACTUAL


def test_events_another_marks_a_different_event(run_events: Run) -> None:
    ws = run_events("Another drone attack hit a substation further east.")
    assert any(h.another for h in ws.events)


def test_events_an_attack_in_response_is_another_event(run_events: Run) -> None:
    ws = run_events("A drone strike killed two men, and the militia fired rockets at an army base in response.")
    assert [(ws.doc[h.token].text, h.another) for h in ws.events if h.family == "violence"] == [
        ("strike", False),
        ("killed", False),
        ("fired", True),
    ]
    ws = run_events("In retaliation for the raid, the army shelled the village.")
    assert [h.another for h in ws.events if ws.doc[h.token].text == "shelled"] == [True]
    # the means of an answer: "took its revenge by bombing", "retaliated by shelling"
    for text in (
        "After the ambush on its convoy, the army took its revenge by bombing the market in Kotal.",
        "The rebels raided the garrison, and the army retaliated by shelling the village.",
    ):
        ws = run_events(text)
        answer = [h for h in ws.events if ws.doc[h.token].text in {"bombing", "shelling"}]
        assert [h.another for h in answer] == [True]


def test_events_a_participle_describing_a_group_is_generic(run_events: Run) -> None:
    ws = run_events("The depot supplies diesel to units fighting in the Kharkiv direction.")
    assert [m for m in mentions(ws) if m[2] == model.Modality.ACTUAL] == []


def test_events_an_armed_force_striking_needs_no_named_weapon(run_events: Run) -> None:
    ws = run_events("Overnight, units of the special forces struck a fuel depot near the border.")
    assert [(m[0], m[2]) for m in mentions(ws)] == [("struck", model.Modality.ACTUAL)]
    ws = run_events("The toll from the enemy strike on the city has risen.")
    assert [(m[0], m[2]) for m in mentions(ws)] == [("strike", model.Modality.ACTUAL)]
    assert mentions(run_events("Prices hit a record high on Monday.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces launched a strike on military facilities in Kiev overnight.",
        "The army carried out strikes on rebel positions near the border.",
        "The military says it struck a resistance base in the hills.",
    ],
)
def test_events_a_strike_an_armed_party_carried_out_or_reports_needs_no_weapon(run_events: Run, text: str) -> None:
    assert [m[2] for m in mentions(run_events(text)) if m[1] == "attack"] == [model.Modality.ACTUAL]


@pytest.mark.parametrize(
    "text",
    [
        "The Task Force conducted a precision operation with drones against a meeting of gang leaders.",
        "Our forces carried out precise operations against the army's positions near the airport.",
        "The navy carried out an operation targeting the tanker with two missiles.",
        'Indian troops opened "unprovoked" fire on villages along the Line of Control.',
    ],
)
def test_events_an_aimed_armed_operation_or_opened_fire_is_an_attack(run_events: Run, text: str) -> None:
    assert [m[1:] for m in mentions(run_events(text))][:1] == [("attack", model.Modality.ACTUAL)]


@pytest.mark.parametrize(
    "text",
    [
        "The rescue operation continued through the night in the flooded town.",
        "Police conducted a search operation against smugglers in the port.",
        "Since the start of the special military operation, prices have doubled.",
        "Protesters opened fire on the building with fireworks.",
    ],
)
def test_events_an_unaimed_or_unarmed_operation_is_no_attack(run_events: Run, text: str) -> None:
    assert mentions(run_events(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Workers launched a strike at the car plant on Monday.",
        "The union said it struck a deal with the ministry.",
        "Dockers went on strike in Odesa.",
    ],
)
def test_events_a_labour_strike_or_a_deal_is_no_attack(run_events: Run, text: str) -> None:
    assert mentions(run_events(text)) == []


def test_events_ban_on_flights_is_policy(run_events: Run) -> None:
    ws = run_events("The mayor announced a ban on drone flights over the city.")
    (hit,) = ws.events
    assert (hit.event_class, hit.family, hit.mention.event_type) == (
        "ban",
        "policy",
        "Strategic developments",
    )


def test_events_ban_on_imports_is_not_ours(run_events: Run) -> None:
    assert run_events("The ministry announced a ban on grain imports.").events == []


def test_events_crash_landed_drone(run_events: Run) -> None:
    ws = run_events("A drone packed with explosives crash-landed in a field near the village.")
    assert [h.event_class for h in ws.events] == ["crash"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia launched Shahed drones at the city.", "shahed_136"),
        ("Kalibr cruise missiles were fired from the sea.", "cruise_missile"),
        ("A sea drone rammed the patrol ship.", "naval_drone"),
        # the type told after the generic noun, the name tagged as a verb or not
        ("Overnight the enemy attacked with 54 attack UAVs of type Shahed from the direction of Kursk.", "shahed_136"),
        ("Russia attacked Kyiv with 30 drones of the Shahed type.", "shahed_136"),
    ],
)
def test_events_specific_weapon_wins_over_generic(run_events: Run, text: str, code: str) -> None:
    ws = run_events(text)
    assert [w.code for w in ws.weapons] == [code]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a suicide attacker's bomb is an explosion on the ground, not a "bomber" aircraft
        ("A suicide bomber blew himself up at the gate of the base.", ["ied"]),
        ("A roadside bomb hit the convoy.", ["ied"]),
        ("A military plane struck the depot.", ["aircraft"]),
        ("A man threw a grenade into the bar.", ["grenade"]),
        # a plain bomb is planted where nothing flies, and the aircraft's payload where it does
        ("A bomb hidden in a parked car went off near the market.", ["ied"]),
        # where aircraft fly, a bomb is their payload: "the first bomb" is the glide bomb told again
        ("Glide bombs hit the town on Monday; the first bomb landed near a school.", ["glide_bomb", "glide_bomb"]),
        ("Jets dropped bombs on the town on Monday.", ["aircraft"]),
        # a rescue helicopter is no weapon
        ("A rescue helicopter flew the wounded to hospital.", []),
    ],
)
def test_events_weapon_words_of_the_ground_and_the_air(run_events: Run, text: str, codes: list[str]) -> None:
    assert [w.code for w in run_events(text).weapons] == codes


def test_events_a_weapon_told_again_by_its_head_word_is_that_weapon(run_events: Run) -> None:
    ws = run_events(
        "The army struck the city with two guided aerial bombs. The bombs hit the private sector, "
        "and the strike destroyed a shop."
    )
    assert [(ws.doc[w.start : w.end].text, w.code) for w in ws.weapons] == [
        ("guided aerial bombs", "glide_bomb"),
        ("bombs", "glide_bomb"),
    ]
    # only a definite noun points back ("bombs" alone may be others)
    ws = run_events("The army struck the city with two guided aerial bombs. Bombs are feared here.")
    assert [w.code for w in ws.weapons] == ["glide_bomb"]


def test_events_a_typed_weapon_keeps_the_generic_nouns_place_in_the_parse(run_events: Run) -> None:
    ws = run_events("Russia attacked Kyiv with 30 drones of the Shahed type; 25 were shot down.")
    (weapon,) = ws.weapons
    assert ws.doc[weapon.start : weapon.end].text == "drones of the Shahed type"
    assert ws.doc[weapon.root].text == "drones"
    assert [w.code for w in run_events("Drones of various types attacked the city.").weapons] == ["drone"]


def test_events_a_thrown_grenade_is_a_grenade_attack(run_events: Run) -> None:
    ws = run_events("A man threw a grenade into a crowded bar on Monday, killing two people.")
    assert ("threw", "Grenade") in [(h.mention.trigger.text, h.mention.sub_event_type) for h in ws.events]


def test_events_explosive_modifier_is_not_a_second_weapon(run_events: Run) -> None:
    ws = run_events("An explosives-laden drone was found near the airport.")
    assert [w.code for w in ws.weapons] == ["drone"]


def test_events_shooting_civilians_is_violence_against_civilians(run_events: Run) -> None:
    (hit,) = run_events("Soldiers shot two civilians at a checkpoint outside the village.").events
    assert (hit.mention.event_type, hit.mention.sub_event_type) == ("Violence against civilians", "Attack")


def test_events_shooting_down_drones_is_not_an_attack_on_civilians(run_events: Run) -> None:
    (hit,) = run_events("Air defence shot down four drones over the city.").events
    assert hit.event_class == "intercept"


@pytest.mark.parametrize(
    "text",
    [
        "The senator attacked her rival's tax plan in a fiery speech.",
        "Negotiators prevented a government shutdown at the last minute.",
        "The budget battle in parliament is far from over.",
        "The mayor fended off critics of the new bus lanes.",
    ],
)
def test_events_political_metaphors_make_no_incident(run_events: Run, text: str) -> None:
    actual = [h for h in run_events(text).events if h.mention.modality == model.Modality.ACTUAL]
    assert all(h.event_class == "attack" and not h.weapon_category for h in actual)


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from yesterday's enemy strike on the town has risen to four.",
        "A Turkish strike on the village destroyed two houses.",
        "The army's strike on the bridge cut the supply line.",
    ],
)
def test_events_strike_by_a_named_or_hostile_party_needs_no_weapon(run_events: Run, text: str) -> None:
    ws = run_events(text)
    assert [(e.event_class, e.mention.modality) for e in ws.events] == [("attack", model.Modality.ACTUAL)]


def test_events_labour_strike_is_not_an_attack(run_events: Run) -> None:
    assert run_events("The general strike by dockworkers closed the port for a day.").events == []


def test_events_a_verbless_line_reporting_explosions_is_one_event(run_events: Run) -> None:
    live = run_events("Explosions in the city. Information about victims is being clarified.")
    assert mentions(live)[0][2] == model.Modality.ACTUAL
    general = run_events("Explosions are common in the city these days.")
    assert mentions(general)[0][2] == model.Modality.GENERIC


def test_events_a_weapon_destroying_something_is_an_attack_and_destroying_a_weapon_an_interception(
    run_events: Run,
) -> None:
    attack = run_events("Two cruise missiles destroyed the radar at the airfield.")
    interception = run_events("Air defence destroyed two drones over the city.")
    assert [(t, c) for t, c, _ in mentions(attack)] == [("destroyed", "attack")]
    assert [(t, c) for t, c, _ in mentions(interception)] == [("destroyed", "intercept")]


def test_events_an_air_strike_is_an_air_strike_not_an_alert(run_events: Run) -> None:
    strike = run_events("An airstrike hit a fuel depot outside the town on Monday.")
    alert = run_events("An air raid alert sounded over the city for two hours.")
    assert [h.mention.sub_event_type for h in strike.events if h.event_class == "attack"][:1] == ["Air/drone strike"]
    assert alert.events == []


def test_events_a_series_of_raids_is_one_actual_event(run_events: Run) -> None:
    ws = run_events("Warplanes launched a series of raids on the port on Tuesday evening.")
    assert mentions(ws)[0][2] == model.Modality.ACTUAL


def test_events_storming_a_place_is_an_assault_by_armed_men(run_events: Callable[[str], Workspace]) -> None:
    stormed = run_events("Fighters stormed the barracks at dawn and burned the vehicles.")
    assert [e.event_class for e in stormed.events if e.mention.trigger.text == "stormed"] == ["clash"]
    protest = run_events("Protesters stormed the stage during the concert.")
    assert [e for e in protest.events if e.mention.trigger.text == "stormed"] == []


def test_events_a_strike_by_an_air_force_needs_no_weapon_named(run_events: Callable[[str], Workspace]) -> None:
    ws = run_events("Twenty people were killed in the air force strike on a wedding.")
    strikes = [e for e in ws.events if e.mention.trigger.text.endswith("strike")]
    assert [(e.event_class, e.mention.sub_event_type) for e in strikes] == [("attack", "Air/drone strike")]


def test_events_several_times_is_a_record_not_one_event(run_events: Callable[[str], Workspace]) -> None:
    record = run_events("The military has mistakenly bombed civilians several times in its campaign.")
    assert [e.mention.modality for e in record.events if e.mention.trigger.text == "bombed"] == [
        model.Modality.GENERIC
    ]
    repeated = [
        ("Drones have struck the valley dozens of times this year.", "struck"),
        ("Drones hit the town a dozen times in May.", "hit"),
    ]
    for text, verb in repeated:
        assert [e.mention.modality for e in run_events(text).events if e.mention.trigger.text == verb] == [
            model.Modality.GENERIC
        ]
    night = run_events("Drones struck the substation three times overnight.")
    assert [e.mention.modality for e in night.events if e.mention.trigger.text == "struck"] == [
        model.Modality.ACTUAL
    ]


def test_events_a_conjoined_verb_takes_its_weapon_from_the_shared_subject(run_events: Run) -> None:
    ws = run_events("The army's drones took off from the airfield at dawn and bombed the cattle market.")
    bombed = next(h for h in ws.events if h.mention.trigger.text == "bombed")
    assert (bombed.mention.sub_event_type, bombed.mention.weapon) == ("Air/drone strike", "drone")


def test_events_debris_of_a_downed_weapon_named_before_is_disrupted_weapons_use(run_events: Run) -> None:
    text = "Air defence shot down six drones over the region overnight. In Lipetsk, debris damaged a garage."
    ws = run_events(text)
    assert ("damaged", "crash", model.Modality.ACTUAL) in mentions(ws)
    damaged = next(h for h in ws.events if h.mention.trigger.text == "damaged")
    assert damaged.mention.sub_event_type == "Disrupted weapons use"
    storm = run_events("A storm swept the coast on Monday. In Lipetsk, debris damaged a garage.")
    assert "damaged" not in triggers(storm)


def test_events_impacts_counted_on_a_target_are_an_attack(run_events: Run) -> None:
    ws = run_events("The army claimed three hits on the fuel depot near the port on Tuesday.")
    assert ("hits", "attack", model.Modality.ACTUAL) in mentions(ws)
    web = run_events("The video drew two million hits on the website within a day.")
    assert "hits" not in triggers(web)
    uncounted = run_events("The album had hits on both sides of the ocean.")
    assert "hits" not in triggers(uncounted)


def test_events_firing_with_a_weapon_is_an_attack(run_events: Run) -> None:
    ws = run_events("Cross-border firing with mortars killed two villagers overnight.")
    assert "firing" in [ws.doc[h.token].text for h in ws.events if h.event_class == "attack"]
    squad = run_events("The general faced a firing squad after the coup.")
    assert all(squad.doc[h.token].text != "firing" for h in squad.events)


def test_events_impacts_counted_after_the_weapons_are_hits(run_events: Run) -> None:
    text = "Dozens of missiles were fired at the coast overnight. A few impacts were recorded near the port of Varna."
    ws = run_events(text)
    assert ("impacts", "attack", model.Modality.ACTUAL) in mentions(ws)
    numbered = run_events("Rockets were fired at the town on Sunday. Three impacts were reported in the market area.")
    assert ("impacts", "attack", model.Modality.ACTUAL) in mentions(numbered)
    uncounted = run_events("Missiles were fired at the coast overnight. The impacts of war on trade were discussed.")
    assert "impacts" not in triggers(uncounted)
    no_weapon = run_events("The survey was published on Monday. Several impacts on local trade were recorded.")
    assert "impacts" not in triggers(no_weapon)


def test_events_an_act_nights_before_the_told_event_is_another_event(run_events: Run) -> None:
    ws = run_events("Missiles struck a depot in Lviv on Friday, two nights after a drone hit a school in the city.")
    hit = next(h for h in ws.events if h.mention.trigger.text == "hit")
    assert hit.another
    hours = run_events("Missiles struck a depot in Lviv on Friday, hours after a drone hit a school in the city.")
    assert not next(h for h in hours.events if h.mention.trigger.text == "hit").another


def test_events_an_act_days_before_the_event_a_clause_is_about_is_another_event(run_events: Run) -> None:
    # "strike" names no weapon here, so it is no event word of its own; it is still what the clause is about
    ws = run_events("The strike came three days after gunmen attacked a village near the border.")
    assert next(h for h in ws.events if h.mention.trigger.text == "attacked").another


def test_events_an_act_the_morning_before_is_another_event_with_its_own_weapon(run_events: Run) -> None:
    ws = run_events(
        "Soldiers raided the village at dawn. "
        "The raid took place the morning after fighters detonated an IED near a patrol."
    )
    assert next(h for h in ws.events if h.mention.trigger.text == "detonated").another
    raid = next(h for h in ws.events if h.mention.trigger.text == "raid")
    assert not raid.another
    assert raid.mention.weapon is None  # the IED is the earlier blast's, not the raid's
    same = run_events("The raid took place hours after fighters fired rockets at the base.")
    assert not next(h for h in same.events if h.mention.trigger.text == "fired").another


def test_events_what_the_targets_did_earlier_told_in_a_relative_clause_is_another_event(run_events: Run) -> None:
    ws = run_events("The army said it was pursuing militants who attacked a police post earlier that day.")
    assert next(h for h in ws.events if h.mention.trigger.text == "attacked").another
    same = run_events("Militants who attacked a police post with rockets on Monday fled into the forest.")
    assert not next(h for h in same.events if h.mention.trigger.text == "attacked").another


@pytest.mark.parametrize(
    "text",
    [
        "The army said it did not carry out any drone strike on the wedding in the village on Sunday.",
        "Our forces did not strike the hospital, the ministry said.",
        "The brigade has not shelled the school, its commander said.",
    ],
)
def test_events_a_denial_of_one_past_occasion_is_marked(run_events: Run, text: str) -> None:
    ws = run_events(text)
    (hit,) = [h for h in ws.events if h.family == "violence"]
    assert hit.mention.modality == model.Modality.NEGATED and hit.denial


@pytest.mark.parametrize(
    "text",
    [
        "We do not attack civilians, the army said.",
        "The army never targets gatherings with its drones.",
        "If the drones had not hit the depot on Sunday, the town would have burned.",
        "The two missiles were not intercepted over the port overnight, the air force said.",
    ],
)
def test_events_a_negated_policy_hypothesis_or_interception_is_no_denial(run_events: Run, text: str) -> None:
    ws = run_events(text)
    assert all(not h.denial for h in ws.events)
    assert any(h.mention.modality == model.Modality.NEGATED for h in ws.events)


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers killed five villagers in Tessik on Monday.",
        "Two herders were wounded by gunmen near Tessik on Sunday.",
        "Militiamen entered the village and killed the chief.",
    ],
)
def test_events_a_killing_by_armed_men_is_an_event_without_a_weapon(run_events: Run, text: str) -> None:
    assert [h.event_class for h in ws_actual(run_events(text))] == ["casualty"]


@pytest.mark.parametrize(
    "text",
    [
        "The fever killed five villagers in Tessik last year.",
        "Two herders were wounded in Tessik on Sunday.",
    ],
)
def test_events_a_killing_with_no_armed_agent_weapon_or_strike_is_no_event(run_events: Run, text: str) -> None:
    assert ws_actual(run_events(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "A drone slammed into a block of flats in Tessik overnight.",
        "The missile ploughed into a car park on Friday.",
        "A single unmanned aerial vehicle impacted a storage tank at the field.",
    ],
)
def test_events_a_weapon_told_by_a_verb_of_impact_is_an_attack(run_events: Run, text: str) -> None:
    assert [h.event_class for h in ws_actual(run_events(text))] == ["attack"]


def test_events_a_verb_of_impact_without_a_weapon_is_no_attack(run_events: Run) -> None:
    assert ws_actual(run_events("The lorry slammed into a wall in Tessik on Friday.")) == []


def ws_actual(ws: Workspace) -> list:  # type: ignore[type-arg]
    return [h for h in ws.events if h.mention.modality == model.Modality.ACTUAL]



@pytest.mark.parametrize(
    "text",
    [
        "Insurgents bombarded the garrison at Tessik with mortars on Friday night.",
        "The Israel Defense Forces struck a position near the border village of Tessik on Tuesday.",
        "Early on Monday the Rapid Support Forces struck the fuel depot in Tessik.",
    ],
)
def test_events_bombarding_and_strikes_by_a_named_force_are_attacks(run_events: Run, text: str) -> None:
    assert [h.event_class for h in ws_actual(run_events(text))] == ["attack"]


@pytest.mark.parametrize(
    "text",
    [
        "The IDF killed two gunmen near Tessik on Tuesday.",
        "Al-Shabaab killed three soldiers at a checkpoint outside Tessik on Sunday.",
    ],
)
def test_events_a_named_armed_party_killing_people_is_an_event(run_events: Run, text: str) -> None:
    assert [h.event_class for h in ws_actual(run_events(text))] == ["casualty"]


@pytest.mark.parametrize(
    "text",
    [
        "The army struck a deal with the rebels on Tuesday.",
        "The IDF struck a conciliatory tone in its statement.",
        "Hamas struck an agreement with the mediators.",
    ],
)
def test_events_striking_a_deal_is_no_attack_whoever_strikes(run_events: Run, text: str) -> None:
    assert ws_actual(run_events(text)) == []


def test_events_a_strike_that_kills_after_a_weapon_was_named_is_an_attack(run_events: Run) -> None:
    ws = run_events(
        "Drone strikes on the border villages went on all month. "
        "On 17 October a strike on a farmer's car killed three men."
    )
    assert "strike" in [h.mention.trigger.text for h in ws.events]
    # a labour strike harms no one, and none follows a weapon here
    assert run_events("The dockers' strike on Monday damaged the economy.").events == []


def test_events_a_strike_on_a_thing_after_a_weapon_was_named_is_an_attack(run_events: Run) -> None:
    ws = run_events(
        "Drone strikes on the border villages went on all month. "
        "A strike on the gas plant the same evening cut power to much of the province."
    )
    assert "strike" in [h.mention.trigger.text for h in ws.events]
    # with no weapon named before, a strike on the railways is a labour strike
    assert run_events("A strike on the railways the same evening cut services to much of the province.").events == []


def test_events_a_weapon_described_by_its_attack_in_a_relative_clause(run_events: Run) -> None:
    # the pronoun stands for the drone: "struck" is an attack even when the parser makes the
    # drone the root of the sentence and leaves the clause the only verb that has it
    ws = run_events("The drone that struck the apartment block hit at about 2250 GMT on Tuesday.")
    assert "struck" in triggers(ws)
    # a thing described by a relative clause is not its attacker
    assert "struck" not in triggers(run_events("The book that struck a chord with readers sold well."))
