"""Damage, interception method, target, weapon and responsible party, with their words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corroborator import model
from corroborator.extract.actors import OWN_SIDE, STATE_FORCES, STATE_RULERS
from corroborator.extract.workspace import Workspace

Run = Callable[[str], Workspace]
A = model.Attribute


def facts(ws: Workspace, attribute: model.Attribute) -> list[tuple[str, str]]:
    return [
        (f.value.code, ws.span(f.start, f.end).text)
        for f in ws.findings
        if f.attribute == attribute and isinstance(f.value, model.Label)
    ]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The drone strike caused no damage, the ministry said.", "none"),
        ("Debris fell without causing any damage.", "none"),
        ("Officials reported no casualties or material damage.", "none"),
        ("A warehouse received minor damage.", "minor"),
        ("Footage showed a building burning near the port.", "significant"),
        ("A fire broke out at the fuel depot.", "significant"),
        ("The strike destroyed two houses in the village.", "destroyed"),
        # a building that collapsed is gone; part of one collapsing is significant damage
        ("A bomb hit the school and its main hall collapsed.", "destroyed"),
        ("A bomb hit the school and its roof partially collapsed.", "significant"),
    ],
)
def test_facts_damage_levels_and_negation(run_facts: Run, text: str, level: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.DAMAGE)] == [level]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Gunmen raided the village, killed two men and set fire to at least 30 houses.", "destroyed"),
        ("About 45 houses were burned during the raid by the insurgents.", "destroyed"),
        ("The fighters attacked the village, burning more than 40 of their houses.", "destroyed"),
        ("Gunmen attacked the village on Sunday, killed three farmers and set the huts ablaze.", "destroyed"),
        ("A drone hit a house in the village and the house caught fire.", "significant"),
        ("A drone strike hit a warehouse and set it on fire.", "significant"),
        ("The fighters attacked the convoy and burned the vehicles, the group said.", "destroyed"),
        ("Two tanks burned until the morning after the drone strike.", "significant"),
        ("Photos showed the burned-out stalls after the drone strike on the market.", "destroyed"),
        ("A small fire broke out in a cargo hold after the drone strike and was put out by the crew.", "minor"),
        ("Damage is limited to one storage tank after the drone strike, the operator said.", "minor"),
        ("After the drone strike the gas station will be out of service for several days.", "significant"),
        ("Drones attacked the army post; there was no loss, human or material, the army said.", "none"),
    ],
)
def test_facts_fires_set_by_hand_destroy_and_small_fires_are_minor(run_facts: Run, text: str, level: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.DAMAGE)] == [level]


def test_facts_a_denied_arson_or_destruction_is_denied_not_no_damage(run_facts: Run) -> None:
    ws = run_facts("Soldiers raided the village and killed two gunmen. No house was set on fire by the soldiers.")
    (finding,) = [f for f in ws.findings if f.attribute == A.DAMAGE]
    assert isinstance(finding.value, model.Label)
    assert (finding.value.code, finding.negated) == ("destroyed", True)
    assert ws.span(finding.start, finding.end).text == "No house was set on fire"
    spared = run_facts("Missiles struck the port. The bridge was not destroyed.")
    assert [(f.value.code, f.negated) for f in spared.findings if f.attribute == A.DAMAGE] == [("destroyed", True)]
    untouched = run_facts("Missiles struck the port. The bridge was not damaged.")
    assert [(f.value.code, f.negated) for f in untouched.findings if f.attribute == A.DAMAGE] == [("none", False)]


def test_facts_a_fire_put_out_promptly_was_minor(run_facts: Run) -> None:
    ws = run_facts(
        "After the drone attack a fire broke out at an industrial enterprise. It was promptly extinguished."
    )
    assert [code for code, _ in facts(ws, A.DAMAGE)] == ["minor"]
    ws = run_facts("After the drone attack a fire broke out at the depot. Firefighters put out the blaze.")
    assert {code for code, _ in facts(ws, A.DAMAGE)} == {"significant"}


def test_facts_a_minor_is_a_child_not_a_damage_level(run_facts: Run) -> None:
    ws = run_facts("Shrapnel from the drone killed a man and a minor of 15 years in the courtyard.")
    assert facts(ws, A.DAMAGE) == []


def test_facts_destroyed_drone_is_not_damage(run_facts: Run) -> None:
    ws = run_facts("The drone was destroyed by air defence before it reached the city.")
    assert facts(ws, A.DAMAGE) == []


def test_facts_opening_fire_is_not_damage(run_facts: Run) -> None:
    assert facts(run_facts("Soldiers opened fire on the drone."), A.DAMAGE) == []


@pytest.mark.parametrize(
    "text",
    [
        "A drone struck the market. The rebels blamed army anti-aircraft fire for the deaths.",
        "Mortars hit the camp. Residents said the mortar fire lasted about an hour.",
        "Mortars hit the camp. Residents said the firing lasted about an hour.",
    ],
)
def test_facts_fire_of_weapons_or_firing_is_shooting_not_damage(run_facts: Run, text: str) -> None:
    assert facts(run_facts(text), A.DAMAGE) == []


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("The drones were brought down using electronic warfare equipment.", "electronic_warfare"),
        ("Air defence systems intercepted the missiles over the bay.", "air_defence"),
        ("Two drones were shot down near the airfield.", "air_defence"),
        ("Both drones were jammed before reaching the refinery.", "electronic_warfare"),
        # the means in the subject of the first of two joined verbs
        ("Tonight, forces of air defence detected and destroyed several UAVs over the city.", "air_defence"),
    ],
)
def test_facts_interception_method(run_facts: Run, text: str, method: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.INTERCEPTION_METHOD)] == [method]


def test_facts_interception_without_means_has_no_method(run_facts: Run) -> None:
    assert (
        facts(run_facts("One drone was intercepted over the river."), A.INTERCEPTION_METHOD) == []
    )


@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        ("Drones attacked an oil refinery in the region.", "energy", "an oil refinery"),
        (
            "A missile hit a residential building on Monday.",
            "residential",
            "a residential building",
        ),
        ("The army launched a drone attack on the airfield.", "military", "the airfield"),
    ],
)
def test_facts_target_category_and_words(
    run_facts: Run, text: str, category: str, words: str
) -> None:
    assert (category, words) in facts(run_facts(text), A.TARGET)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Ukrainian drones attacked a depot in the region.", "UA"),
        ("Russia attacked the port with drones overnight.", "RU"),
        ("The Kremlin regime launched a missile attack on the city.", "RU"),
        # who claims an attack owns it; a party in apposition names the group
        ("The National Liberation Army claimed the bombing of the pipeline.", "ELN"),
        ("The militants (al-Shabaab) claimed the mortar attack on the base.", "AL-SHABAAB"),
        # the party of a determined series of attacks
        ("Hezbollah launched a series of rocket attacks on the border town.", "HEZBOLLAH"),
        ("The terrorist Rapid Support militia this morning shelled the central market.", "RSF"),
        # the passive agent of a verb that carries the attack out, and an attack "by" a party
        ("The attack on the tanker was highly likely conducted by the Houthis.", "HOUTHIS"),
        ("Two soldiers were killed in an attack by the BIFF on an army detachment.", "BIFF"),
        # a subject the parser hangs as an apposition in the opening phrase
        ("By the grace of God, the mujahideen of the Islamic Resistance targeted the barracks with rockets.",
         "HEZBOLLAH"),
        # the parser reads an alias's "as" as a clause of its own: the named noun attacked, not the alias
        ('Insurgents of Islamic State Mozambique Province (ISM), known locally as al-Shabaab or "machababos", '
         "attacked Quiterajo around 9 pm on 20 September.", "ISIS"),
    ],
)
def test_facts_responsible_party(run_facts: Run, text: str, party: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.RESPONSIBLE_PARTY)] == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # the maker of a weapon is no attacker
        ("A Turkish-made drone of the Malian army struck a wedding near the well.", "ML"),
        ("Iranian-designed drones of the Russian army hit the port.", "RU"),
        # a party in a place's description is not the attack's ("close to the Algerian border")
        ("A drone strike near the village, close to the Algerian border, killed eight people.", None),
        # who judges or stops an attack did not carry it out
        ("The drone attack on the port was condemned by Ukraine.", None),
        ("The drone attack on the port was repelled by the Ukrainian navy.", None),
    ],
)
def test_facts_makers_and_places_are_not_the_attackers(run_facts: Run, text: str, party: str | None) -> None:
    assert [code for code, _ in facts(run_facts(text), A.RESPONSIBLE_PARTY)] == ([party] if party else [])


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # where the weapons came from says whose they were, when nothing else does
        ("Rockets fired from Cambodia slammed into the Thai border town of Kantharalak, killing four.", "KH"),
        ("The army says missiles were launched from Iran toward central Israel.", "IR"),
        # ... unless an armed group is based there: Lebanon's rockets may be Hezbollah's
        ("Some 15 rockets were fired from Lebanon at the area of Shlomi, the army said.", None),
        # ... and whoever is named launching them is the one
        ("Russia launched 40 Shahed drones from Belarus overnight.", "RU"),
        # a route through a country is not where the weapons were launched
        ("The drones flew over Belarus before they struck the substation.", None),
    ],
)
def test_facts_launched_from_a_country(run_facts: Run, text: str, party: str | None) -> None:
    assert [code for code, _ in facts(run_facts(text), A.RESPONSIBLE_PARTY)] == ([party] if party else [])


def test_facts_denied_involvement_names_the_party(run_facts: Run) -> None:
    ws = run_facts("The adviser denied Kyiv's involvement in the blast.")
    (finding,) = [f for f in ws.findings if f.attribute == A.RESPONSIBLE_PARTY]
    assert isinstance(finding.value, model.Label) and finding.value.code == "UA"


def test_facts_negated_agent_is_marked(run_facts: Run) -> None:
    ws = run_facts("The country does not attack targets across the border with drones.")
    assert all(f.negated for f in ws.findings if f.attribute == A.RESPONSIBLE_PARTY)


def test_facts_weapon_named_near_an_actual_event(run_facts: Run) -> None:
    ws = run_facts("A Lancet drone struck a howitzer position.")
    assert ("lancet", "Lancet drone") in facts(ws, A.WEAPON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A transformer caught fire at the plant.", ["significant"]),
        ("The blaze at the warehouse was put out by firefighters before dawn.", ["significant"]),
        ("No ships or port facilities were damaged, the navy said.", ["none"]),
        ("The depot and its pumps have no damage, the operator said.", ["none"]),
        ("No damage was caused to the barracks.", ["none"]),
        ("The frigate had been seriously damaged by the sea drones.", ["significant"]),
        ("A span of the viaduct was destroyed by the blast.", ["destroyed"]),
        ("The two missiles destroyed the radar station.", ["destroyed"]),
        ("The destruction of the radar was confirmed by satellite images.", ["destroyed"]),
        ("The lorry was completely burned after the drone strike.", ["destroyed"]),
        ("The shock wave broke windows in three apartment blocks.", ["damaged"]),
        ("The rockets hit the camp and destroyed part of its workshops.", ["significant"]),
        ("All six boats were destroyed by the fire of machine guns.", []),
        ("The navy fired four missiles at the ship.", []),
    ],
)
def test_facts_damage_wording(run_facts: Run, text: str, expected: list[str]) -> None:
    ws = run_facts(text)
    assert [f.value.code for f in ws.findings if f.attribute == A.DAMAGE] == expected  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        ("A missile struck a Panama-flagged cargo ship off the coast.", "transport", "a Panama-flagged cargo ship"),
        ("Two drones hit the vessel in the strait.", "transport", "the vessel"),
        ("Sea drones hit a navy landing ship at anchor.", "military", "a navy landing ship"),
        ("A road bridge was blown up by saboteurs overnight.", "transport", "A road bridge"),
        (
            "A drone came down on the grounds of a power plant near the town.",
            "energy",
            "the grounds of a power plant near the town",
        ),
        ("Commandos struck a fuel depot near the border.", "energy", "a fuel depot"),
        ("A drone fell on the tank farm of the terminal.", "energy", "the tank farm of the terminal"),
        # what a blast goes off beneath is what it hit
        ("A mine exploded under an army truck on the ridge road.", "military", "an army truck"),
    ],
)
def test_facts_target_passives_crashes_ships_and_of_complements(
    run_facts: Run, text: str, category: str, words: str
) -> None:
    assert (category, words) in facts(run_facts(text), A.TARGET)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the thing aimed at was is no second target
        ("A drone struck a car on the road between the two villages.", [("civilian", "a car")]),
        ("The drone fired a missile at their car on the coastal road.", [("civilian", "their car")]),
        # a payload dropped on something: that something is the target
        ("A drone dropped an explosive on a ranger outpost.", [("military", "a ranger outpost")]),
        ("The jet dropped two bombs on the market.", [("civilian", "the market")]),
    ],
)
def test_facts_a_place_on_which_the_target_stood_is_no_target(
    run_facts: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(set(facts(run_facts(text), A.TARGET))) == expected


def test_facts_a_blast_near_something_does_not_make_it_the_target(run_facts: Run) -> None:
    assert facts(run_facts("A mine exploded near the checkpoint on the ridge road."), A.TARGET) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Hezbollah said it had fired rockets at the barracks.", "HEZBOLLAH"),
        ("Hezbollah claimed responsibility for the rocket attack.", "HEZBOLLAH"),
        ("Analysts said the Houthis were most likely responsible for the attack.", "HOUTHIS"),
        ("Three drones of the Kyiv regime were shot down over the region.", "UA"),
        ("The Kyiv regime's attempt to carry out a drone attack was thwarted.", "UA"),
        ("The navy destroyed five Ukrainian sea drones that tried to attack the port.", "UA"),
        ("Ukrainian air defence shot down ten Russian drones.", "RU"),
        ("ODESA, May 2 (Wire) - Russia attacked the port with drones.", "RU"),
        ("Witnesses said the shells had been fired from RSF positions east of the town.", "RSF"),
        ("The governor called the blast a terrorist act of the Ukrainian special services.", "UA"),
        # the owner a participle names
        ("A drone belonging to the Turkish army struck a car near the town on Friday.", "TR"),
        ("Two drones operated by the Houthis hit the port.", "HOUTHIS"),
        # whose men the attackers are
        ("Militants belonging to the Tehreek-e-Taliban Pakistan targeted a house with a quadcopter.", "TTP"),
        # held responsible: the adjective's own subject, or its verb's object
        # who takes up the firing does it; who hears or suffers it does not
        ("Indian troops resorted to unprovoked firing with mortars along the Line of Control.", "IN"),
        ("Pakistan's military said Indian troops had opened \"unprovoked\" fire on villages in the valley.", "IN"),
        ("Ukrainian soldiers woke to shelling of the town by Russian artillery.", "RU"),
        # the force that carried out the operation an attack word describes
        ("The Houthi naval forces carried out a qualitative operation targeting a tanker with missiles.", "HOUTHIS"),
        ("The council holds the Government of National Unity fully responsible for the drone strike.", "LY"),
        ("Kyiv held Russia responsible for the missile attack on the hospital.", "RU"),
        ("The mayor said he holds Hezbollah accountable for the rocket attack.", "HEZBOLLAH"),
    ],
)
def test_facts_responsible_party_claims_owners_and_pronouns(run_facts: Run, text: str, party: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.RESPONSIBLE_PARTY)] == [party]


def test_facts_held_responsible_for_something_else_is_no_attacker(run_facts: Run) -> None:
    ws = run_facts("After the drone strike, residents held the utility responsible for the long power cuts.")
    assert facts(ws, A.RESPONSIBLE_PARTY) == []
    ws = run_facts("After the drone strike, residents held Hezbollah responsible for the power cuts.")
    assert facts(ws, A.RESPONSIBLE_PARTY) == []


def test_facts_defender_of_a_repelled_attack_is_not_responsible(run_facts: Run) -> None:
    ws = run_facts("The Russian fleet repelled an attack by sea drones on the base.")
    assert facts(ws, A.RESPONSIBLE_PARTY) == []


@pytest.mark.parametrize(
    ("text", "methods"),
    [
        (
            "The attack was repelled by fighter jets, electronic warfare units and mobile fire groups.",
            ["aircraft", "electronic_warfare", "small_arms"],
        ),
        ("The ministry insisted the drones had been jammed.", ["electronic_warfare"]),
        ("The drones were not shot down; they were put down by jamming.", ["electronic_warfare"]),
    ],
)
def test_facts_interception_methods_each_named_means(run_facts: Run, text: str, methods: list[str]) -> None:
    ws = run_facts(text)
    named = [f.value.code for f in ws.findings if f.attribute == A.INTERCEPTION_METHOD and not f.negated]
    assert sorted(named) == methods


def test_facts_a_weapon_made_or_kept_at_the_target_is_not_the_weapon_used(
    run_facts: Callable[[str], Workspace],
) -> None:
    ws = run_facts("The ministry said missiles struck workshops where sea drones were assembled.")
    weapons = [
        f.value.code for f in ws.findings if f.attribute == model.Attribute.WEAPON and isinstance(f.value, model.Label)
    ]
    assert weapons == ["missile"]


@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        ("A drone hit a pharmacy in the town centre overnight.", "civilian", "a pharmacy"),
        ("Jets bombed a mosque on the edge of the village.", "civilian", "a mosque"),
        ("The drone struck a van on the coastal road.", "civilian", "a van"),
        ("A drone struck two militants on a motorbike, the army said.", "military", "two militants"),
        ("Shells hit the private sector of the district.", "residential", "the private sector of the district"),
        ("Russian drones hit a nine-storey building in the district.", "residential", "a nine-storey building"),
        ("The drone struck the Souq al-Kabir (the big market) at noon.", "civilian", "the Souq al-Kabir"),
        # the aim hung on the weapon the verb acts on
        ("Fighters detonated an improvised explosive device against a military vehicle near the town.",
         "military", "a military vehicle"),
    ],
)
def test_facts_target_vocabulary_of_civilian_sites_vehicles_and_combatants(
    run_facts: Run, text: str, category: str, words: str
) -> None:
    assert (category, words) in facts(run_facts(text), A.TARGET)


@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        # security-force installations are military, a police station is no railway station
        ("Drones dropped explosives on the police station in the town.", "military", "the police station"),
        ("Gunmen attacked an army outpost near the border.", "military", "an army outpost"),
        # gatherings and the people at them
        ("A jet bombed a wedding in the village on Sunday.", "civilian", "a wedding"),
        ("The drone struck a gathering of fighters at dawn.", "military", "a gathering of fighters"),
        ("A drone damaged a health post in the district.", "civilian", "a health post"),
        # "civilian" only qualifies a head that has its own category
        ("A quadcopter hit a civilian house in the village.", "residential", "a civilian house"),
        # whose homes does not make them less homes (the people at a gathering do say what it is)
        ("Jets bombed the homes of farmers in the valley.", "residential", "the homes of farmers"),
        # every conjoined noun is a target
        ("Missiles hit the warehouses and the berths of the harbour.", "transport", "the berths of the harbour"),
    ],
)
def test_facts_target_security_posts_gatherings_and_conjuncts(
    run_facts: Run, text: str, category: str, words: str
) -> None:
    assert (category, words) in facts(run_facts(text), A.TARGET)


@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        ("A drone struck and destroyed a fuel depot near the town.", "energy", "a fuel depot"),
        ("Earlier today, the IDF struck and eliminated a Hezbollah terrorist.", "military", "a Hezbollah terrorist"),
    ],
)
def test_facts_a_verb_joined_to_the_next_shares_its_object(
    run_facts: Run, text: str, category: str, words: str
) -> None:
    assert facts(run_facts(text), A.TARGET) == [(category, words)]


def test_facts_a_verb_with_a_clause_of_its_own_shares_no_object(run_facts: Run) -> None:
    text = "A drone struck at dawn and the army later destroyed a rebel depot."
    assert facts(run_facts(text), A.TARGET) == []


def test_facts_a_vehicle_loaded_with_fighters_is_military(run_facts: Run) -> None:
    text = "A drone struck a truck loaded with armed militants and weapons, the ministry said."
    assert [code for code, _ in facts(run_facts(text), A.TARGET)] == ["military"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said missiles struck workshops where sea drones were assembled.",
        "Missiles hit a plant where the army repairs its armour, the ministry said.",
        'The ministry said it had struck "hangars" storing attack drones near the port.',
        "Rockets hit a school used by the militia, the spokesman said.",
    ],
)
def test_facts_a_target_described_as_put_to_military_use_is_military(run_facts: Run, text: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.TARGET)] == ["military"]


def test_facts_a_target_whose_clause_tells_the_attack_keeps_its_own_category(run_facts: Run) -> None:
    ws = run_facts("The drone hit an apartment block where a family of four lived.")
    assert [code for code, _ in facts(ws, A.TARGET)] == ["residential"]


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("A drone hit the clinic at night. There were no soldiers in the building, the doctor said.", "military"),
        ("The jets bombed the monastery. No fighters were staying there, the abbot said.", "military"),
        ("A missile struck the port. There was no military equipment at the terminal.", "military"),
        # the attack's own object, with "no"
        ("The army said its jets struck rebel positions and that no residential area was targeted.", "residential"),
        # the second denial hung by the parse on the first one's place
        (
            "A drone struck a minibus near the town. There were no Fano members in the vehicle and no Fano "
            "position in the area.",
            "military",
        ),
        # what a place or a search holds
        ("A bomb hit the market of the town. The rebels recall that the town contains no military target.", "military"),
        ("A drone hit the market. Investigators found no military positions or equipment at the market.", "military"),
    ],
)
def test_facts_denying_what_was_at_the_target_is_a_negated_target(run_facts: Run, text: str, denied: str) -> None:
    ws = run_facts(text)
    labels = [f for f in ws.findings if f.attribute == A.TARGET and isinstance(f.value, model.Label)]
    targets = [(f.value.code, f.negated) for f in labels if isinstance(f.value, model.Label)]
    assert (denied, True) in targets


def test_facts_no_denied_target_without_an_attack_told_before(run_facts: Run) -> None:
    ws = run_facts("There are no military bases in the province, the governor said.")
    assert [f for f in ws.findings if f.attribute == A.TARGET and f.negated] == []


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("A military jet bombed the monastery at dawn.", "aircraft"),
        ("An air force aircraft struck a car near the border.", "aircraft"),
        ("Government jets bombed the market in the afternoon.", "aircraft"),
        ("The movement said it had struck the tanker with naval missiles.", "anti_ship_missile"),
    ],
)
def test_facts_aircraft_named_in_plain_words(run_facts: Run, text: str, weapon: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.WEAPON)] == [weapon]


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("Missiles hit the plant overnight. A fire broke out on an area of 900 square metres.", ["significant"]),
        ("Drones attacked the depot, followed by a large fire.", ["significant"]),
        ("A drone hit the shop. Witnesses said the sales floor had burned out completely.", ["destroyed"]),
        ("Jets bombed the village. The monastery's main hall collapsed.", ["destroyed"]),
        ("The checkpoint was destroyed by artillery fire.", ["destroyed"]),
        ("The talks collapsed on Tuesday. A fire of enthusiasm broke out among the delegates.", []),
        # a fire at "the target" is at what was struck, however far from the attack it is told
        ("Drones struck the fuel depot. The depot supplies the garrison. A fire at the target was recorded.",
         ["significant"]),
    ],
)
def test_facts_damage_told_in_the_sentence_after_the_attack(run_facts: Run, text: str, levels: list[str]) -> None:
    assert [code for code, _ in facts(run_facts(text), A.DAMAGE)] == levels


def test_facts_a_method_denied_in_favour_of_another_is_negated(run_facts: Run) -> None:
    ws = run_facts("Sources say the drones were not shot down; they were put down by electronic warfare.")
    methods = [(f.value.code, f.negated) for f in ws.findings if f.attribute == A.INTERCEPTION_METHOD]
    assert sorted(methods) == [("air_defence", True), ("electronic_warfare", False)]
    alone = run_facts("None of the drones were shot down before they reached the city.")
    assert [f for f in alone.findings if f.attribute == A.INTERCEPTION_METHOD and f.negated] == []


@pytest.mark.parametrize(
    ("text", "weapons"),
    [
        # what a drone or a jet drops is its payload, not a weapon of its own
        ("Drones dropped explosives on homes in the village on Thursday.", ["drone"]),
        ("Explosive devices were dropped from unmanned aerial vehicles onto several homes.", ["drone"]),
        ("A military jet dropped explosives on the market at noon.", ["aircraft"]),
        # a planted device is the weapon
        ("An improvised explosive device exploded under a military vehicle near the bridge.", ["ied"]),
    ],
)
def test_facts_a_platforms_payload_is_no_weapon_of_its_own(run_facts: Run, text: str, weapons: list[str]) -> None:
    assert [code for code, _ in facts(run_facts(text), A.WEAPON)] == weapons


def test_facts_a_model_named_before_a_modified_generic_word_is_that_model(run_facts: Run) -> None:
    ws = run_facts("The enemy attacked the city with 11 Shahed-type attack UAVs overnight.")
    assert [code for code, _ in facts(ws, A.WEAPON)] == ["shahed_136"]


def test_facts_an_aircraft_struck_is_a_target_and_its_side_is_not_the_attacker(run_facts: Run) -> None:
    ws = run_facts("Ukrainian drones struck a Russian bomber at the air base.")
    assert [code for code, _ in facts(ws, A.WEAPON)] == ["drone"]
    assert ("military", "a Russian bomber") in facts(ws, A.TARGET)
    assert [code for code, _ in facts(ws, A.RESPONSIBLE_PARTY)] == ["UA"]
    flown = run_facts("The army said its aircraft had struck two militants near the border.")
    assert [code for code, _ in facts(flown, A.WEAPON)] == ["aircraft"]


def test_facts_a_target_named_after_the_clock_time_is_still_the_target(run_facts: Run) -> None:
    ws = run_facts("At 01:30 on the road bridge over the canal a bomb went off under a passing truck.")
    assert ("transport", "the road bridge") in facts(ws, A.TARGET)


def test_facts_an_air_strike_names_an_aircraft_and_its_target(run_facts: Run) -> None:
    ws = run_facts("The army carried out an air operation against a rebel base near the river.")
    assert facts(ws, A.WEAPON) == [("aircraft", "air operation")]
    assert ("military", "a rebel base") in facts(ws, A.TARGET)


def parties_named(ws: Workspace) -> list[str]:
    return [code for code, _ in facts(ws, A.RESPONSIBLE_PARTY)]


def test_facts_a_state_force_named_without_its_state_waits_for_the_claim_stage(run_facts: Run) -> None:
    assert parties_named(run_facts("The federal military bombed the village with drones.")) == [STATE_FORCES]
    assert parties_named(run_facts("An air force jet bombed a wedding in the village.")) == [STATE_FORCES]
    assert parties_named(run_facts("A drone of the regime struck a bus on the main road.")) == [STATE_RULERS]
    assert parties_named(run_facts("Farmers blamed the security forces for the drone strike.")) == [STATE_FORCES]
    # a modifier of the weapon's compound, which the tagger may call an adjective
    assert parties_named(run_facts("A junta fighter jet bombed the monastery.")) == [STATE_RULERS]


def test_facts_someone_elses_forces_are_not_the_states(run_facts: Run) -> None:
    assert parties_named(run_facts("Rebel forces shelled the town with mortars.")) == []
    assert parties_named(run_facts("US troops fired rockets at the depot.")) == ["US"]
    named = run_facts("The group said its naval forces had targeted the tanker with drones.")
    assert STATE_FORCES not in parties_named(named), "the group's own forces"
    owned = run_facts("The group's naval forces had targeted the tanker with drones.")
    assert parties_named(owned) == []


def test_facts_a_relative_clause_or_a_shared_subject_names_the_attacker(run_facts: Run) -> None:
    relative = run_facts("Russian troops, who shelled the village on Monday, withdrew.")
    assert parties_named(relative) == ["RU"]
    shared = run_facts("On Friday the drones of the junta circled for an hour and bombed the market.")
    assert parties_named(shared) == [STATE_RULERS]


def test_facts_the_victims_a_passive_verb_shares_are_not_its_agents(run_facts: Run) -> None:
    # the parse hangs "others" on "spot", so "were wounded" shares the soldiers who died
    ws = run_facts(
        "A roadside bomb exploded under a Russian army truck. At least three Russian soldiers "
        "reportedly died on the spot and several others were wounded, according to local sources."
    )
    assert parties_named(ws) == []
    active = run_facts("Russian troops entered the village and shelled the school.")
    assert parties_named(active) == ["RU"]


def test_facts_the_owner_of_the_air_defences_is_not_the_attacker(run_facts: Run) -> None:
    ws = run_facts("Russian air defences confronted the hostile drones and shot down six of them over Kursk.")
    assert parties_named(ws) == []
    attackers = run_facts("The drones of the junta took revenge and bombed the market.")
    assert parties_named(attackers) == [STATE_RULERS]


def test_facts_who_documents_an_attack_is_not_its_agent(run_facts: Run) -> None:
    told = run_facts("A Ukrainian rights group documented the drone strike on the school.")
    assert parties_named(told) == []
    done = run_facts("The rights group documented the drone strike carried out by the Russian army.")
    assert parties_named(done) == ["RU"]


def test_facts_an_accusation_counts_when_it_is_about_an_attack(run_facts: Run) -> None:
    words = run_facts("The drones hit the market. The RSF accused the army of spreading lies.")
    assert STATE_FORCES not in parties_named(words)
    attack = run_facts("The drones hit the market. The RSF accused the army of the drone strike.")
    assert STATE_FORCES in parties_named(attack)


def test_facts_a_party_tied_to_an_attack_or_denying_the_tie(run_facts: Run) -> None:
    behind = run_facts("Drones hit the depot. Hamas said it was behind the attack.")
    assert [(f.value.code, f.negated) for f in behind.findings if f.attribute == A.RESPONSIBLE_PARTY] == [
        ("HAMAS", False)
    ]
    for text in (
        "Drones hit the depot. The TTP said it was not behind the attack.",
        "Drones hit the depot. The TTP said it had no connection with the attack.",
        "Drones hit the depot. The TTP has nothing to do with the attack.",
    ):
        ws = run_facts(text)
        found = [(f.value.code, f.negated) for f in ws.findings if f.attribute == A.RESPONSIBLE_PARTY]
        assert found == [("TTP", True)], text
    assert parties_named(run_facts("Drones hit the depot. Hamas has no connection with the government.")) == []


def test_facts_blaming_a_weapon_blames_its_owner(run_facts: Run) -> None:
    assert parties_named(run_facts("A shell hit the market. Residents blamed an RSF drone.")) == ["RSF"]


def test_facts_a_claim_of_responsibility_in_the_passive_or_a_relative_clause(run_facts: Run) -> None:
    assert parties_named(run_facts("Drones hit the police station. The attack was claimed by the ELN.")) == ["ELN"]
    assert parties_named(run_facts("Drones hit the police station. Responsibility was claimed by the ELN.")) == [
        "ELN"
    ]
    relative = run_facts("Drones hit the police station. The ELN, which claimed responsibility, named no target.")
    assert parties_named(relative) == ["ELN"]
    assert parties_named(run_facts("Drones hit the station. The book was claimed by the ELN.")) == []


def test_facts_the_speakers_own_side_waits_for_the_claim_stage(run_facts: Run) -> None:
    assert parties_named(run_facts("Our forces struck a fuel depot near the port.")) == [OWN_SIDE]
    assert parties_named(run_facts("The mujahideen stormed the barracks with rifles.")) == [OWN_SIDE]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a participle describing what was hit
        ("Firefighters sprayed the upper floors of an apartment building hit by a drone on Monday.", "residential"),
        # what an attack noun in -ing or "bombardment" is "of"
        ("The toll from Sunday's shelling of the central market rose to 31.", "civilian"),
        ("The bombardment of the power station lasted an hour.", "energy"),
        # the people a killing took, named by what they were doing or by their trade
        ("A military air strike killed 21 people attending a wedding in Tessik on Sunday.", "civilian"),
        ("Gunmen killed four farmers near Tessik on Monday.", "civilian"),
        # where a dropped load fell, which the parse hangs on the participle describing the load
        ("A witness said a plane dropped barrels packed with explosives on the market.", "civilian"),
    ],
)
def test_facts_targets_of_participles_nominal_attacks_and_killings(run_facts: Run, text: str, target: str) -> None:
    assert [code for code, _ in facts(run_facts(text), A.TARGET)] == [target]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second object the parse hangs on the place name of the first
        ("Naval drones struck a fuel jetty of the refinery in Tessik and a coastguard patrol boat overnight.",
         [("energy", "a fuel jetty of the refinery in Tessik"), ("military", "a coastguard patrol boat")]),
        # what a participle clause of the attack says it hit
        ("An attack helicopter dropped four bombs on Tessik on Monday, hitting the town's clinic.",
         [("civilian", "the town's clinic")]),
        # an aim written next to the attack noun, though the parse hangs it on the verb
        ("Relatives say 14 guests died in the army drone strike on a funeral near Tessik on Sunday.",
         [("civilian", "a funeral")]),
        # what the attack noun as subject hit, in a verb joined to its own
        ("Missiles were fired at the town; the strikes began at dusk and hit the container docks and fuel tanks.",
         [("energy", "fuel tanks"), ("transport", "the container docks")]),
        # an armoured vehicle is military, whatever a vehicle is
        ("A drone struck an armoured vehicle near Tessik.", [("military", "an armoured vehicle")]),
        # a participle read as the verb of a clause of its own, its noun as that clause's subject
        ("Drones struck a group of herders gathered at a well near Tessik.", [("civilian", "a group of herders")]),
        ("Two drones struck a group of boys gathered near a football pitch.", [("civilian", "a group of boys")]),
    ],
)
def test_facts_targets_the_parse_hangs_elsewhere(run_facts: Run, text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(set(facts(run_facts(text), A.TARGET))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where a stopped weapon was going is what it was aimed at
        ("The directorate said it had downed a drone approaching the Tessik oil field on Monday night.",
         [("energy", "the Tessik oil field")]),
        ("Air defences shot down two drones flying towards the power plant.", [("energy", "the power plant")]),
        # the parse hangs the course on the payload, inside the weapon's phrase
        ("A drone loaded with explosives that was heading for the refinery was shot down near Tessik.",
         [("energy", "the refinery")]),
        ("A drone heading for the substation crashed in a field outside Tessik.", [("energy", "the substation")]),
        # a course with no target word, and a weapon only seen, name no target
        ("Drones heading for Moscow were shot down.", []),
        ("Residents saw two drones flying towards the power plant before dawn.", []),
    ],
)
def test_facts_targets_where_a_weapon_was_heading(
    run_facts: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(set(facts(run_facts(text), A.TARGET))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones attacked Tessik overnight. Falling debris started a fire on the grounds of a paint factory.",
         ("industry", "a paint factory")),
        ("Missiles struck the port city at dawn. Witnesses counted four explosions in the area of the grain terminal.",
         ("energy", "the grain terminal")),
        ("The navy said its drones attacked the harbour; hits were recorded on a cargo ship.",
         ("transport", "a cargo ship")),
    ],
)
def test_facts_where_a_fire_or_blast_broke_out_after_an_attack_is_a_target(
    run_facts: Run, text: str, expected: tuple[str, str]
) -> None:
    assert expected in facts(run_facts(text), A.TARGET)


def test_facts_a_fire_with_no_attack_told_names_no_target(run_facts: Run) -> None:
    assert facts(run_facts("A fire broke out at a chemical plant near Tessik on Monday."), A.TARGET) == []


def test_facts_a_result_participle_does_not_add_a_target(run_facts: Run) -> None:
    """ "Destroying a depot" tells the damage an attack did, not another aim of it."""
    ws = run_facts("Our drones struck enemy positions near Tessik, destroying a fuel depot.")
    assert [code for code, _ in facts(ws, A.TARGET)] == ["military"]
    # nor what the attack noun as subject destroyed
    ws = run_facts("Drones hit the barracks at dawn. The blessed strikes destroyed a fuel tank.")
    assert [code for code, _ in facts(ws, A.TARGET)] == ["military"]


@pytest.mark.parametrize(
    ("text", "target", "negated"),
    [
        ("Missiles struck Tessik on Saturday. The target of the strikes was an industrial enterprise.", "industry",
         False),
        ("Drones hit the town overnight, and one of the targets was a substation.", "energy", False),
        ("A drone hit Tessik on Friday. The army said the barracks was the target of the strike.", "military",
         False),
        ("A drone struck a car near Tessik, killing two men. Their families said the two men were civilians.",
         "civilian", False),
        ("Gunmen raided Tessik on Monday and killed five men. Those killed were fishermen.", "civilian", False),
        ("Soldiers killed five men in Tessik. None of them was a fighter, the chief said.", "military", True),
    ],
)
def test_facts_targets_stated_by_a_copula_after_the_attack(
    run_facts: Run, text: str, target: str, negated: bool
) -> None:
    ws = run_facts(text)
    labels = [f for f in ws.findings if f.attribute == A.TARGET and isinstance(f.value, model.Label)]
    stated = [(f.value.code, f.negated) for f in labels if isinstance(f.value, model.Label)]
    assert (target, negated) in stated


@pytest.mark.parametrize(
    "text",
    [
        "The governor was a civilian before the war.",
        "Drones hit the refinery. The spokesman was a soldier for twenty years.",
    ],
)
def test_facts_a_copula_about_someone_not_a_victim_or_before_any_attack_is_no_target(run_facts: Run, text: str) -> None:
    ws = run_facts(text)
    assert [code for code, _ in facts(ws, A.TARGET) if code in {"civilian", "military"}] == []


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Insurgents attacked the village of Tessik on Sunday night. Local sources said at least five civilians "
         "were killed.", [("civilian", "at least five civilians")]),
        ("Insurgents attacked the village of Tessik on Sunday night. Two soldiers were killed.",
         [("military", "Two soldiers")]),
        ("Insurgents attacked the village of Tessik on Sunday night. The group said it had killed 9 Christians and "
         "militiamen.", [("military", "militiamen")]),
        # none counted names no one; people named by age are counted wherever they were
        ("Insurgents attacked the village of Tessik on Sunday night. No civilians were killed.", []),
        ("Insurgents attacked the village of Tessik on Sunday night. Four children were killed.", []),
        # beside what the sentence says was aimed at, the wounded were passing by
        ("A drone hit an army checkpoint on Monday, and three civilians were wounded.", []),
    ],
)
def test_facts_people_counted_dead_or_hurt_are_a_target_by_what_they_are(
    run_facts: Run, text: str, victims: list[tuple[str, str]]
) -> None:
    people = [(code, words) for code, words in facts(run_facts(text), A.TARGET) if code in {"civilian", "military"}]
    assert [(code, words) for code, words in people if "checkpoint" not in words] == victims


def test_facts_barrel_bombs_are_an_aircrafts_weapon(run_facts: Run) -> None:
    ws = run_facts("An Antonov dropped eight barrel bombs on the market of Tessik on Monday.")
    assert "aircraft" in [code for code, _ in facts(ws, A.WEAPON)]


def test_facts_no_fewer_than_a_count_of_victims_is_no_denial(run_facts: Run) -> None:
    ws = run_facts("Artillery shelled Tessik on Monday, killing no fewer than ten civilians.")
    labels = [f for f in ws.findings if f.attribute == A.TARGET and isinstance(f.value, model.Label)]
    assert [(f.value.code, f.negated) for f in labels if isinstance(f.value, model.Label)] == [("civilian", False)]
