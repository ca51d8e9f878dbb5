"""The party table: names, metonyms, forces and adjectives folded to one party code."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.errors import ResourceError
from corroborator.extract.actors import STATE_FORCES, STATE_RULERS, PartyTable, country_of_adjective, party_of


@pytest.fixture(scope="module")
def table(settings: Settings) -> PartyTable:
    return PartyTable.load(settings)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Kyiv regime", "UA"),
        ("Kiev regime", "UA"),
        ("Kyïv", "UA"),
        ("the Kremlin", "RU"),
        ("Moscow", "RU"),
        ("the Russian Federation", "RU"),
        ("Washington", "US"),
        ("Tehran", "IR"),
        ("Jerusalem", "IL"),
        ("Beijing", "CN"),
    ],
)
def test_actors_party_of_government_metonyms(table: PartyTable, text: str, code: str) -> None:
    assert table.party_of(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian troops", "RU"),
        ("the AFU", "UA"),
        ("ZSU units", "UA"),
        ("the IDF", "IL"),
        ("Ukrainian Armed Forces", "UA"),
        ("Houthi rebels", "HOUTHIS"),
        ("the Wagner Group", "RU"),
        ("Sudan's Rapid Support Forces", "RSF"),
        ("Lebanon's Hezbollah", "HEZBOLLAH"),
        ("Russian troops in Ukraine", "RU"),
        ("North Korean soldiers", "KP"),
        # national armies by their own acronyms, and Islamic State's affiliates and fighters
        ("the FACA", "CF"),
        ("the RCAF", "KH"),
        ("SSPDF soldiers", "SS"),
        ("the 3R armed group", "3R"),
        ("fighters of the Dawlah Islamiyah", "ISIS"),
        ("Soldiers of the Caliphate", "ISIS"),
    ],
)
def test_actors_party_of_forces_and_adjectives(table: PartyTable, text: str, code: str) -> None:
    assert table.party_of(text) == code


def test_actors_short_abbreviations_only_match_in_capitals(table: PartyTable) -> None:
    assert table.party_of("the RF") == "RU"
    assert table.party_of("U.S. forces") == "US"
    assert table.party_of("they told us nothing") is None
    assert table.party_of("rf") is None


def test_actors_anti_prefix_names_an_opponent_and_pro_prefix_a_proxy(table: PartyTable) -> None:
    assert table.party_of("anti-Kremlin activists") is None
    assert table.party_of("pro-Russian separatists") == "RU"
    assert table.party_of("Iranian-backed militias") == "IR"
    # an armed group named after its backer is itself
    assert table.party_of("Iran-backed Houthis") == "HOUTHIS"
    assert table.party_of("the Indian proxy Fitna al Khwarij") == "TTP"


def test_actors_possessives_are_ignored(table: PartyTable) -> None:
    assert table.party_of("Russia's defence ministry") == "RU"
    assert table.party_of("the Houthis' spokesman") == "HOUTHIS"


def test_actors_places_and_common_words_are_not_parties(table: PartyTable) -> None:
    assert table.party_of("Kharkiv") is None
    assert table.party_of("the weather in the region") is None


def test_actors_mentions_give_offsets_and_roles(table: PartyTable) -> None:
    text = "Ukrainian drones hit a refinery, the Kremlin said"
    found = table.mentions(text)
    assert [(m.code, m.role, text[m.start : m.end]) for m in found] == [
        ("UA", "adjective", "Ukrainian"),
        ("RU", "government", "Kremlin"),
    ]


def test_actors_country_of_adjective(table: PartyTable) -> None:
    assert table.country_of_adjective("Russian") == "RU"
    assert table.country_of_adjective("ukrainian") == "UA"
    assert table.country_of_adjective("North Korean") == "KP"
    assert table.country_of_adjective("Russia") is None  # a name, not an adjective


def test_actors_launching_state_is_the_state_unless_a_group_is_based_there(table: PartyTable) -> None:
    assert table.launching_state("IR") == "IR"
    assert table.launching_state("kh") == "KH"
    assert table.launching_state("LB") is None  # Hezbollah
    assert table.launching_state("YE") is None  # the Houthis
    assert table.launching_state("HEZBOLLAH") is None  # no state
    assert table.launching_state("ZZ") is None


def test_actors_every_sizeable_country_is_a_state(table: PartyTable) -> None:
    # States actors.toml does not write up come from the gazetteer's countries
    assert table.party_of("the Kenyan army") == "KE"
    assert table.party_of("Tanzania") == "TZ"
    assert table.party_of("Mexican authorities") == "MX"
    kenya = table.party("KE")
    assert kenya is not None and kenya.kind == "state" and kenya.country == "KE"
    # words of a listed party stay that party's; territories are no states
    assert table.party_of("Congolese army") == "CD"
    assert table.party_of("Guam") is None


def test_actors_a_generated_state_is_named_by_its_capital(table: PartyTable) -> None:
    # "Nairobi said", as "Moscow said" names Russia
    assert table.party_of("Nairobi") == "KE"
    assert table.party_of("N'Djamena") == "TD"
    # countries.tsv corrects GeoNames and names no capital where the name is an ordinary word
    assert table.party_of("Astana") == "KZ"
    assert table.party_of("Abidjan") == "CI"
    assert table.party_of("a male nurse") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Popular Mobilisation Forces", "PMF"),
        ("factions of the Hashd al-Shaabi", "PMF"),
        ("Kataib Hezbollah", "PMF"),
        ("the Kurdistan Regional Government", "KRG"),
        ("Peshmerga fighters", "KRG"),
        ("the Jalisco New Generation Cartel", "CJNG"),
        ("Cártel de Jalisco Nueva Generación", "CJNG"),
        ("Carteles Unidos", "CARTELES-UNIDOS"),
        ("the Sinaloa Cartel", "SINALOA-CARTEL"),
        ("the Ambazonia Defence Forces", "AMBAZONIA"),
        ("Amba boys", "AMBAZONIA"),
        ("La République du Cameroun", "CM"),
        ("the Rapid Intervention Battalion", "CM"),
        ("Yaoundé", "CM"),
        ("Islamic State Sahel Province", "ISIS"),
        ("Islamic State Mozambique Province", "ISIS"),
        ("Katiba Macina", "JNIM"),
        ("PKK/YPG militants", "SDF"),
        ("the Autonomous Administration of North and East Syria", "SDF"),
    ],
)
def test_actors_armed_groups_of_less_covered_conflicts(table: PartyTable, text: str, code: str) -> None:
    assert table.party_of(text) == code


def test_actors_module_functions_use_the_default_table() -> None:
    assert party_of("the Kyiv regime") == "UA"
    assert country_of_adjective("Israeli") == "IL"


def test_actors_user_file_adds_words_and_parties(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "actors.toml").write_text(
        '[[party]]\ncode = "RU"\nname = "Russia"\ngovernment = ["the Petersburg court"]\n\n'
        '[[party]]\ncode = "XX-FRONT"\nname = "Invented Front"\nkind = "armed_group"\n'
        'country = "UA"\nnames = ["Invented Front"]\n',
        encoding="utf-8",
    )
    extended = PartyTable.load(settings.with_overrides(resource_dirs=(tmp_path,)))
    assert extended.party_of("the Petersburg court") == "RU"
    assert extended.party_of("Invented Front fighters") == "XX-FRONT"
    assert extended.party_of("the Kremlin") == "RU"  # packaged words kept


def test_actors_malformed_table_is_a_resource_error(tmp_path: Path) -> None:
    bad = tmp_path / "actors.toml"
    bad.write_text('[[party]]\ncode = "lowercase"\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="code"):
        PartyTable.from_files([bad])
    bad.write_text("[[party]\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        PartyTable.from_files([bad])


def test_actors_the_enemy_of_a_party_at_war_with_one_other() -> None:
    table = PartyTable.from_files([])
    table.extend(
        [
            {"code": "AA", "kind": "state", "names": ["Aland"], "opponents": ["BB"]},
            {"code": "CC", "kind": "state", "names": ["Caland"], "opponents": ["BB", "DD"]},
        ]
    )
    assert table.enemy_of("AA") == "BB"
    assert table.enemy_of("CC") is None, "several enemies: 'the enemy' says not which"
    assert table.enemy_of(None) is None


def test_actors_state_forces_are_named_without_the_state(table: PartyTable) -> None:
    assert table.state_force(["the", "security", "forces"]) == (STATE_FORCES, 2)
    assert table.state_force(["federal", "army"]) == (STATE_FORCES, 1)
    assert table.state_force(["air", "force"]) == (STATE_FORCES, 2)
    assert table.state_force(["criminal", "junta"]) == (STATE_RULERS, 1)
    assert table.state_force(["rebel", "forces"]) is None, "a rebel's forces are not the state's"
    assert table.state_force(["foreign", "troops"]) is None
    assert table.state_force(["fighters"]) is None
