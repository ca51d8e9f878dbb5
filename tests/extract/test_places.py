"""Place extraction on hand-written sentences with known answers."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import Gazetteer, load_gazetteer
from corroborator.extract.places import find_places


@pytest.fixture(scope="module")
def gaz(settings: Settings) -> Gazetteer:
    return load_gazetteer(settings)


def _report(
    text: str, *, report_id: str = "r1", outlet: str | None = None, title: str | None = None
) -> model.NormalisedReport:
    return model.NormalisedReport(
        report=model.Report(id=report_id, text=text, outlet=outlet, title=title),
        text=text,
        paragraphs=(model.Paragraph(start=0, end=len(text)),),
        publication=model.PublicationTime(),
    )


def _places(
    nlp: Language,
    gaz: Gazetteer,
    text: str,
    *,
    focus: Sequence[str] = (),
    outlet: str | None = None,
    title: str | None = None,
) -> list[model.PlaceMention]:
    report = _report(text, outlet=outlet, title=title)
    return find_places(nlp(text), gazetteer=gaz, report=report, focus_countries=focus)


def _by_text(mentions: list[model.PlaceMention]) -> dict[str, model.PlaceMention]:
    return {m.span.text: m for m in mentions}


def test_places_resolve_aliases_and_transliterations(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "Shelling was reported in Kharkov and in Nikolaev on Tuesday."))
    assert found["Kharkov"].place.name == "Kharkiv"
    assert found["Nikolaev"].place.name == "Mykolayiv"
    assert {m.place.country_code for m in found.values()} == {"UA"}
    assert {m.match for m in found.values()} == {"alias"}
    assert found["Kharkov"].precision == model.GeoPrecision.TOWN


def test_places_span_offsets_point_at_the_words(nlp: Language, gaz: Gazetteer) -> None:
    text = "Sirens sounded across Odessa before dawn."
    (mention,) = _places(nlp, gaz, text)
    assert text[mention.span.start : mention.span.end] == mention.span.text == "Odessa"
    assert mention.span.report_id == "r1"


def test_places_region_noun_resolves_to_first_level_region(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "Air defences were busy over the Briansk region and the Kherson Oblast."))
    bryansk = found["Briansk region"]
    assert (bryansk.place.name, bryansk.place.kind, bryansk.place.country_code) == (
        "Bryansk Oblast",
        "admin1",
        "RU",
    )
    assert bryansk.precision == model.GeoPrecision.REGION
    assert found["Kherson Oblast"].place.name == "Kherson Oblast"
    assert found["Kherson Oblast"].match == "exact"


@pytest.mark.parametrize(
    "text",
    [
        "Drones were shot down over the Bryansk, Kursk and Belgorod regions overnight.",
        "Drones were shot down over three regions, including Bryansk, Kursk and Belgorod, overnight.",
    ],
)
def test_places_names_sharing_a_plural_region_noun_are_regions(nlp: Language, gaz: Gazetteer, text: str) -> None:
    found = _places(nlp, gaz, text)
    assert [(m.place.name, m.place.kind) for m in found] == [
        ("Bryansk Oblast", "admin1"),
        ("Kursk Oblast", "admin1"),
        ("Belgorod Oblast", "admin1"),
    ]
    cities = _places(nlp, gaz, "Drones hit Bryansk, Kursk and Belgorod overnight.")
    assert {m.place.kind for m in cities} == {"city"}


def test_places_misspelt_region_matches_fuzzily(nlp: Language, gaz: Gazetteer) -> None:
    (mention,) = _places(nlp, gaz, "Drones fell in the Brainsk region late on Sunday.")
    assert (mention.place.name, mention.match) == ("Bryansk Oblast", "fuzzy")
    assert mention.span.text == "Brainsk region"


def test_places_a_plural_noun_opening_a_sentence_is_no_place(nlp: Language, gaz: Gazetteer) -> None:
    # the recogniser tags "Gunmen" a place; near-miss spelling made it a town in North Korea
    assert _places(nlp, gaz, "Gunmen executed five farmers in the village on Monday.") == []


def test_places_a_name_sentence_is_no_headline(nlp: Language, gaz: Gazetteer) -> None:
    # most long words are names, but "ambushed" and "road" are lower case: the sentence is not
    # a title-case headline, so "North" stays part of "North Waziristan", no town in Utah
    found = _places(nlp, gaz, "Gunmen ambushed a bus on the Bannu-Miranshah road in North Waziristan.")
    assert all(m.place.country_code != "US" for m in found)
    headline = _places(nlp, gaz, "Title: Drones Strike Oil Depot Near Bryansk Overnight")
    assert [m.place.name for m in headline] == ["Bryansk"]


@pytest.mark.parametrize(
    "route",
    [
        "on the Amuda-Qamishli road",
        "on the road between Amuda and Qamishli",
        "on the highway from Amuda to Qamishli",
    ],
)
def test_places_an_event_on_a_route_is_near_its_first_town(nlp: Language, gaz: Gazetteer, route: str) -> None:
    text = f"A drone struck a car {route} in north-east Syria on Saturday."
    found = _by_text(_places(nlp, gaz, text))
    assert set(found) == {"Amuda", "Syria"}  # the second town is only where the road leads
    assert (found["Amuda"].place.country_code, found["Amuda"].precision) == ("SY", model.GeoPrecision.NEAR)


def test_places_where_a_road_leads_still_says_which_country(nlp: Language, gaz: Gazetteer) -> None:
    # Mueda is no scene, but it puts the report in Mozambique, where "the Macomia district" lies
    text = (
        "Insurgents attacked a village in the Macomia district on Sunday. Traffic on the road "
        "between Pemba and Mueda was suspended."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert set(found) == {"Macomia", "Pemba"}
    assert {m.place.country_code for m in found.values()} == {"MZ"}


def test_places_landmark_inside_a_city(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "A drone exploded above the Senate Palace, inside the Kremlin in Moscow."))
    senate, kremlin, moscow = found["Senate Palace"], found["Kremlin"], found["Moscow"]
    assert senate.place.country_code == kremlin.place.country_code == "RU"
    assert gaz.contains(kremlin.place, senate.place)
    assert gaz.contains(moscow.place, kremlin.place)
    assert senate.precision == model.GeoPrecision.TOWN


@pytest.mark.parametrize(
    "sentence",
    [
        "Debris fell on the outskirts of Kharkiv overnight.",
        "A drone was found near Kharkiv on Friday.",
        "The blast was heard about 30 km from Kharkiv.",
        "Residents of the Kharkiv suburbs reported explosions.",
    ],
)
def test_places_near_cues_lower_precision(nlp: Language, gaz: Gazetteer, sentence: str) -> None:
    found = _by_text(_places(nlp, gaz, sentence))
    assert found["Kharkiv"].precision == model.GeoPrecision.NEAR


def test_places_village_in_a_region_is_more_precise_than_the_region(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "A shell hit a village in the Kursk region."))
    assert found["Kursk region"].place.kind == "admin1"
    assert found["Kursk region"].precision == model.GeoPrecision.NEAR


def test_places_dateline_is_reporting_not_event(nlp: Language, gaz: Gazetteer) -> None:
    text = "KYIV, June 4 (Reuters) - Drones struck a depot in Poltava overnight, officials said."
    found = _by_text(_places(nlp, gaz, text))
    assert found["KYIV"].role == model.PlaceRole.REPORTING
    assert found["KYIV"].place.name == "Kyiv"
    assert found["Poltava"].role == model.PlaceRole.EVENT


def test_places_agency_between_slashes_makes_a_dateline(nlp: Language, gaz: Gazetteer) -> None:
    text = "MINSK, 4 June. /BelNews/. Drones struck a depot in Poltava overnight, the ministry said."
    found = _by_text(_places(nlp, gaz, text))
    assert found["MINSK"].role == model.PlaceRole.REPORTING
    assert found["Poltava"].role == model.PlaceRole.EVENT


def test_places_a_time_zone_is_not_a_place(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "The strike on Sumy began at 04:10 Kyiv time, officials said."))
    assert "Kyiv" not in found
    assert found["Sumy"].place.country_code == "UA"


def test_places_a_major_city_by_another_spelling_needs_no_country_context(nlp: Language, gaz: Gazetteer) -> None:
    # Only Ukraine is named (as where the drones came from); "Oryol" is a spelling of Orël.
    text = "Residents of Oryol heard explosions. The drones were launched from the Sumy region, Ukraine's army said."
    found = _by_text(_places(nlp, gaz, text))
    assert found["Oryol"].place.country_code == "RU"
    assert found["Sumy region"].role == model.PlaceRole.ORIGIN


def test_places_byline_credit_is_reporting(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "Reporting by Anna Petrenko in Lviv; editing by Tom Hale."))
    assert found["Lviv"].role == model.PlaceRole.REPORTING


def test_places_launch_site_is_origin(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "The drones were launched from the Kursk region towards Sumy, the army said."))
    assert found["Kursk region"].role == model.PlaceRole.ORIGIN
    assert found["Sumy"].role == model.PlaceRole.EVENT


def test_places_ambiguous_name_follows_the_report(nlp: Language, gaz: Gazetteer) -> None:
    russian = _by_text(_places(nlp, gaz, "Police in Moscow closed Red Square after a drone alert."))
    assert russian["Moscow"].place.country_code == "RU"
    idaho = _by_text(_places(nlp, gaz, "The mayor of Moscow, Idaho, reopened the county library."))
    assert (idaho["Moscow"].place.country_code, idaho["Moscow"].place.admin1) == ("US", "Idaho")
    story = "Students returned to Moscow this week. Idaho officials said the campus was calm."
    assert _by_text(_places(nlp, gaz, story))["Moscow"].place.country_code == "US"


def test_places_focus_countries_break_ties(nlp: Language, gaz: Gazetteer) -> None:
    plain = _by_text(_places(nlp, gaz, "Heavy fighting continued around Odessa."))
    assert plain["Odessa"].place.country_code == "UA"
    focused = _by_text(_places(nlp, gaz, "Heavy fighting continued around Odessa.", focus=["US"]))
    assert focused["Odessa"].place.country_code == "US"


def test_places_capital_phrases_are_derived(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(
        _places(
            nlp,
            gaz,
            "Explosions shook the Ukrainian capital. Later, Russia's capital was also targeted, "
            "and the capital of Belarus stayed quiet.",
        )
    )
    assert found["Ukrainian capital"].place.name == "Kyiv"
    assert found["Russia's capital"].place.name == "Moscow"
    assert found["capital"].place.name == "Minsk"
    assert {found[k].match for k in ("Ukrainian capital", "Russia's capital", "capital")} == {"derived"}


def test_places_bare_capital_needs_a_country_in_context(nlp: Language, gaz: Gazetteer) -> None:
    text = "Ukraine reported attacks on Ukraine's energy grid. In the capital, power was cut."
    found = _by_text(_places(nlp, gaz, text))
    assert found["capital"].place.name == "Kyiv"
    assert _places(nlp, gaz, "Investors moved capital out of bonds.") == []


def test_places_seas_and_air_bases(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(
        _places(
            nlp,
            gaz,
            "A patrol boat was hit in the Black Sea, and drones attacked the Engels air base and the Saky airfield.",
        )
    )
    sea = found["Black Sea"]
    assert (sea.place.kind, sea.place.country_code, sea.precision) == (
        "sea",
        None,
        model.GeoPrecision.REGION,
    )
    engels = found["Engels air base"].place
    assert (engels.kind, engels.country_code, engels.admin1) == ("air_base", "RU", "Saratov Oblast")
    saky = found["Saky airfield"].place
    assert (saky.kind, saky.country_code, saky.admin1) == ("air_base", "UA", "Crimea")


def test_places_unknown_facility_is_near_its_town(nlp: Language, gaz: Gazetteer) -> None:
    (mention,) = _places(nlp, gaz, "Fire broke out at the Kaluga refinery on Monday.")
    assert mention.place.name == "Kaluga"
    assert mention.precision == model.GeoPrecision.NEAR


def test_places_region_named_after_a_town_is_near_the_town(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "Drones struck targets in the Pokrovsk region and the Kharkiv region."))
    pokrovsk = found["Pokrovsk region"]
    assert (pokrovsk.place.name, pokrovsk.place.kind, pokrovsk.place.country_code) == ("Pokrovsk", "town", "UA")
    assert pokrovsk.precision == model.GeoPrecision.NEAR
    assert found["Kharkiv region"].place.kind == "admin1"


def test_places_unlisted_facility_takes_the_region_its_words_name(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "A drone hit the Taq Taq oil field in Iraq's Kurdistan region on Sunday."))
    field = found["Taq Taq oil field"]
    assert (field.place.name, field.place.kind, field.place.country_code) == ("Taq Taq", "oil_field", "IQ")
    assert field.match == "unlisted" and field.place.id.startswith("unlisted:iq:")
    assert field.precision == model.GeoPrecision.REGION and field.place.latitude is None
    (mention,) = [m for m in _places(nlp, gaz, "Two drones struck the Shaikan field in Duhok province, Iraq.")
                  if m.place.kind == "oil_field"]
    assert (mention.place.admin1, mention.precision) == ("Duhok Governorate", model.GeoPrecision.REGION)


def test_places_unlisted_facility_near_a_listed_town_takes_its_coordinates(nlp: Language, gaz: Gazetteer) -> None:
    text = "Rockets fell near the Atrush oil field, 30 km north-east of Mosul, in Iraq on Friday."
    found = _by_text(_places(nlp, gaz, text))
    field, mosul = found["Atrush oil field"].place, found["Mosul"].place
    assert (field.name, field.country_code, field.admin1) == ("Atrush", "IQ", mosul.admin1)
    assert (field.latitude, field.longitude) == (mosul.latitude, mosul.longitude)
    assert found["Atrush oil field"].precision == model.GeoPrecision.NEAR
    assert gaz.one_area(field, mosul) and not gaz.one_area(field, gaz.lookup("Basra")[0])


def test_places_two_unlisted_sites_of_one_kind_are_two_spots(nlp: Language, gaz: Gazetteer) -> None:
    text = "Drones hit the Taq Taq oil field in Iraq's Kurdistan region. Another hit the Khurmala oil field."
    fields = [m.place for m in _places(nlp, gaz, text) if m.place.kind == "oil_field"]
    assert [f.name for f in fields] == ["Taq Taq", "Khurmala"]
    assert not gaz.one_area(fields[0], fields[1]) and gaz.one_area(fields[0], fields[0])
    # an unlisted site of unknown position may still be anywhere in a listed town's region
    assert gaz.one_area(fields[0], gaz.lookup("Erbil")[0])


def test_places_facility_named_like_a_town_abroad_is_a_local_site(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "A drone struck the Odessa gas plant near Homs on Monday."))
    plant = found["Odessa gas plant"]
    assert (plant.place.kind, plant.place.country_code, plant.match) == ("gas_plant", "SY", "unlisted")
    assert plant.place.admin1 == found["Homs"].place.admin1


def test_places_facility_without_a_site_name_is_no_place(nlp: Language, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Drones hit the Russian port and the CPC oil terminal near Novorossiysk.")
    assert [m.place.name for m in found] == ["Novorossiysk"]


def test_places_an_abbreviation_split_off_its_dot_stays_in_the_name(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "A drone hit a depot in Ft. Worth on Monday."))
    assert found["Ft. Worth"].place.name == "Fort Worth"


def test_places_small_town_tagged_as_a_person_is_vouched_by_its_region(nlp: Language, gaz: Gazetteer) -> None:
    text = "A roadside bomb hit a convoy at Njinikom, in the Boyo department, North-West region, Cameroon."
    found = _by_text(_places(nlp, gaz, text))
    assert (found["Njinikom"].place.country_code, found["Njinikom"].place.admin1) == ("CM", "North-West Province")
    elsewhere = "A roadside bomb hit a convoy at Njinikom, in the Far North region, Cameroon."
    assert "Njinikom" not in _by_text(_places(nlp, gaz, elsewhere))


@pytest.mark.parametrize(
    "sentence",
    [
        "Victory Day parades were cancelled this year.",
        "Police said nobody was hurt.",
        "Vladimir Putin met his security council.",
        "Russian and Ukrainian officials met in secret.",
        "A Kremlin-controlled channel posted the video.",
    ],
)
def test_places_capitalised_non_places_do_not_match(nlp: Language, gaz: Gazetteer, sentence: str) -> None:
    assert _places(nlp, gaz, sentence) == []


def test_places_government_metonymy_is_not_a_place(nlp: Language, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Kyiv denied any role, and the Kremlin said the Kyiv regime was to blame.")
    assert found == []


def test_places_country_names_and_aliases(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(
        _places(
            nlp,
            gaz,
            "Drones launched from Ukraine crossed into the Russian Federation, officials in the RF said.",
        )
    )
    assert found["Russian Federation"].place.country_code == "RU"
    assert found["Russian Federation"].precision == model.GeoPrecision.REGION
    assert found["Ukraine"].place.kind == "country"
    assert found["Ukraine"].role == model.PlaceRole.ORIGIN
    assert found["RF"].place.country_code == "RU"


def test_places_every_mention_has_a_country_except_open_water(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Drones hit Belgorod, Sevastopol Bay and the Crimean Bridge, and a ship sank in the Sea of Azov near Mariupol."
    )
    for mention in _places(nlp, gaz, text):
        if mention.place.kind not in ("sea", "strait", "gulf"):
            assert mention.place.country_code, mention.span.text


def test_places_refuse_a_parse_of_other_text(nlp: Language, gaz: Gazetteer) -> None:
    with pytest.raises(ValueError):
        find_places(nlp("Kyiv"), gazetteer=gaz, report=_report("Lviv"))


def test_places_our_region_is_the_region_the_outlet_names(nlp: Language, gaz: Gazetteer) -> None:
    text = "Tonight our region was attacked by unmanned aerial vehicles."
    (mention,) = _places(nlp, gaz, text, outlet="Governor of the Kursk Region (Telegram)")
    assert (mention.span.text, mention.place.kind, mention.place.country_code, mention.match) == (
        "our region",
        "admin1",
        "RU",
        "derived",
    )


def test_places_an_autonomous_regions_office_speaks_for_its_country(nlp: Language, gaz: Gazetteer) -> None:
    # "Kurdistan" alone is also a province of Iran; the outlet names the Kurdistan Region of Iraq
    text = "Last night a drone heading for the Khurmala field was shot down."
    (mention,) = _places(nlp, gaz, text, outlet="Kurdistan Region Counter-Terrorism Directorate (statement)")
    assert (mention.span.text, mention.place.kind, mention.place.country_code) == ("Khurmala field", "oil_field", "IQ")


def test_places_the_city_before_any_name_is_the_city_the_outlet_answers_for(nlp: Language, gaz: Gazetteer) -> None:
    text = "Loud blasts in the city. Two people were hurt, the city council said."
    (mention,) = _places(nlp, gaz, text, outlet="Mayor of Dnipro (Telegram)")
    assert (mention.span.text, mention.place.name, mention.match) == ("the city", "Dnipro", "derived")


def test_places_the_city_after_a_named_place_is_not_the_outlets(nlp: Language, gaz: Gazetteer) -> None:
    text = "Drones struck Lviv overnight. Fires broke out across the city."
    mentions = _places(nlp, gaz, text, outlet="Mayor of Dnipro (Telegram)")
    assert [m.place.name for m in mentions] == ["Lviv"]


def test_places_line_label_names_the_place_of_the_post(nlp: Language, gaz: Gazetteer) -> None:
    text = "Dnipro. Overnight the enemy struck the city with drones. Two people were hurt."
    (mention,) = _places(nlp, gaz, text)
    assert (mention.span.text, mention.place.name, mention.role) == ("Dnipro", "Dnipro", model.PlaceRole.EVENT)


def test_places_city_district_unknown_to_the_gazetteer_is_part_of_the_report_city(
    nlp: Language, gaz: Gazetteer
) -> None:
    # GeoNames lists a "Kyivskyi" district of Donetsk and of Poltava, not of Kharkiv: in a
    # report about Kharkiv the district is Kharkiv's, a part of the city at its location.
    text = "Overnight the enemy attacked Kharkiv with drones. Three of them hit the Kyivskyi district."
    found = _by_text(_places(nlp, gaz, text))
    district, city = found["Kyivskyi district"], found["Kharkiv"]
    assert (district.place.name, district.place.kind, district.match, district.precision) == (
        "Kyivskyi district",
        "city_district",
        "unlisted",
        model.GeoPrecision.TOWN,
    )
    assert district.place.parents[0] == "Kharkiv" and district.place.latitude == city.place.latitude


def test_places_a_district_name_the_recogniser_takes_for_a_nationality_is_still_a_name(
    nlp: Language, gaz: Gazetteer
) -> None:
    # spaCy tags "Kyivskyi" before "district of Kharkov" as a nationality (NORP)
    text = "Russian drones struck Kharkov overnight. Channels reported arrivals in the Kyivskyi district of Kharkov."
    district = _by_text(_places(nlp, gaz, text))["Kyivskyi district"]
    assert (district.place.kind, district.place.parents[0]) == ("city_district", "Kharkiv")
    # a real nationality before a settlement noun names no place
    assert [m.span.text for m in _places(nlp, gaz, "Drones struck the Syrian town overnight.")] == []


def test_places_district_named_before_its_city_takes_the_city_of_the_title(nlp: Language, gaz: Gazetteer) -> None:
    text = "Two drones hit the Kyivskyi district after midnight, the mayor said."
    (mention,) = _places(nlp, gaz, text, title="Kharkiv under attack overnight")
    assert (mention.span.text, mention.place.kind, mention.match) == ("Kyivskyi district", "city_district", "unlisted")
    assert mention.place.parents[0] == "Kharkiv"


def test_places_district_of_one_of_two_cities_is_not_guessed(nlp: Language, gaz: Gazetteer) -> None:
    # Two cities named: the nearest one is no sure owner of a district the gazetteer places
    # elsewhere, so the district is left out rather than put in the wrong city.
    text = (
        "Drones attacked Kharkiv and missiles struck Odesa overnight. "
        "In Odesa, a drone hit the Kyivskyi district."
    )
    names = {m.span.text: m.place.name for m in _places(nlp, gaz, text)}
    assert "Kyivskyi" not in names
    assert set(names.values()) == {"Kharkiv", "Odesa"}


def test_places_district_after_its_one_city_ignores_a_city_told_of_later(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Overnight the enemy attacked Kharkiv with drones. Five of them hit the Kyivskyi district. "
        "In the southern port city of Odesa, a drone hit a supermarket."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert found["Kyivskyi district"].place.parents[0] == "Kharkiv"


def test_places_settlement_noun_admits_a_village_the_recogniser_missed(nlp: Language, gaz: Gazetteer) -> None:
    # GeoNames counts no inhabitants for Bint Jbeil and knows it as "Bent Jbaïl": the noun
    # "village" and the report's country vouch for it.
    text = "Shells fell on the village of Bint Jbeil, in Lebanon, before dawn on Monday."
    found = _by_text(_places(nlp, gaz, text))
    village = found["Bint Jbeil"]
    assert (village.place.country_code, village.place.admin1, village.match) == ("LB", "Nabatieh Governorate", "alias")


def test_places_settlement_noun_needs_the_reports_country(nlp: Language, gaz: Gazetteer) -> None:
    text = "Shells fell on the village of Bint Jbeil before dawn, the Polish army said."
    assert "Bint Jbeil" not in _by_text(_places(nlp, gaz, text))


def test_places_a_settlement_named_once_is_the_same_place_again(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "The head of the Bint Jbeil municipality said Lebanon had lost another school. "
        "Windows were broken across Bint Jbeil."
    )
    mentions = [m for m in _places(nlp, gaz, text) if m.span.text == "Bint Jbeil"]
    assert len(mentions) == 2
    assert {m.place.id for m in mentions} == {"geonames:276592"}


def test_places_namesake_in_another_part_of_the_country_is_another_village(nlp: Language, gaz: Gazetteer) -> None:
    # GeoNames' only Aynata lies in the north-east of Lebanon: "southern Lebanon" rules it out,
    # "eastern Lebanon" does not. The village meant is one the gazetteer lacks, kept unplaced.
    south = "A drone struck a car near the village of Aynata in southern Lebanon."
    village = _by_text(_places(nlp, gaz, south))["Aynata"]
    assert (village.place.country_code, village.match, village.place.admin1) == ("LB", "unlisted", None)
    assert village.place.id.startswith("unlisted:lb:") and village.place.latitude is None
    east = "A drone struck a car near the village of Aynata in eastern Lebanon."
    assert _by_text(_places(nlp, gaz, east))["Aynata"].place.admin1 == "Baalbek-Hermel Governorate"
    # the gazetteer's only Bibrka is in Lviv Oblast, in the west
    ukraine = "Shelling damaged houses in the village of Bibrka in eastern Ukraine overnight."
    assert _by_text(_places(nlp, gaz, ukraine))["Bibrka"].match == "unlisted"


def test_places_a_governor_named_by_place_governs_its_region_not_its_city(nlp: Language, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Drones attacked a refinery overnight, the Samara governor said.")
    assert all(m.place.kind != "city" for m in found)


def test_places_every_place_listed_after_an_origin_cue_is_an_origin(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(
        _places(nlp, gaz, "The enemy attacked with 40 drones from the directions Kursk, Oryol and Bryansk.")
    )
    assert {name: m.role for name, m in found.items()} == {
        "Kursk": model.PlaceRole.ORIGIN,
        "Oryol": model.PlaceRole.ORIGIN,
        "Bryansk": model.PlaceRole.ORIGIN,
    }


def test_places_a_village_name_read_as_a_nationality_is_still_the_villages(nlp: Language, gaz: Gazetteer) -> None:
    # the recogniser tags "Kiterajo" as a nationality; "the village of" introduces a name
    text = (
        "Insurgents attacked on Sunday evening a gathering in the village of Kiterajo in the Macomia "
        "area in Cabo Delgado, killing nine people."
    )
    village = _by_text(_places(nlp, gaz, text))["Kiterajo"]
    assert (village.match, village.place.kind, village.place.country_code) == ("unlisted", "village", "MZ")
    # a real nationality before a settlement noun is no part of the name
    text = "A drone struck the Syrian Kurdish town of Amuda on Friday."
    assert "Syrian Kurdish" not in [m.span.text for m in _places(nlp, gaz, text)]


def test_places_a_village_no_gazetteer_lists_is_kept_with_its_region(nlp: Language, gaz: Gazetteer) -> None:
    text = "A drone struck the village of Kanta Dawri, in Sagaing Region, killing four people."
    found = _by_text(_places(nlp, gaz, text))
    village = found["Kanta Dawri"]
    assert (village.match, village.place.kind, village.place.country_code, village.place.admin1) == (
        "unlisted",
        "village",
        "MM",
        "Sagaing Region",
    )
    assert village.place.latitude is None and village.place.timezone == "Asia/Yangon"
    assert gaz.contains(found["Sagaing Region"].place, village.place)


def test_places_the_market_of_an_unlisted_village_names_the_village(nlp: Language, gaz: Gazetteer) -> None:
    text = "A drone of the Burkina Faso army struck the weekly market of Sambakoro on Sunday, residents said."
    found = _by_text(_places(nlp, gaz, text))
    assert (found["Sambakoro"].match, found["Sambakoro"].place.country_code) == ("unlisted", "BF")


def test_places_a_philippine_barangay_names_a_village(nlp: Language, gaz: Gazetteer) -> None:
    # "Barangay X" introduces a village, unlisted or listed, though the recogniser runs the
    # noun into the name and takes it for a person
    for name in ("Tinambulan", "Tamontaka"):
        text = f"COTABATO CITY, Philippines - Gunmen fired mortars at an army post in Barangay {name} on Saturday."
        found = _by_text(_places(nlp, gaz, text))
        assert found[name].place.country_code == "PH" and found[name].place.kind in {"village", "town"}


def test_places_a_township_no_gazetteer_lists_takes_the_reports_country(nlp: Language, gaz: Gazetteer) -> None:
    text = "Myanmar's military bombed a school in Tabaung Gyi township on Monday."
    found = _by_text(_places(nlp, gaz, text))
    assert (found["Tabaung Gyi"].match, found["Tabaung Gyi"].place.country_code) == ("unlisted", "MM")


def test_places_no_unlisted_place_without_a_country_or_for_a_known_name(nlp: Language, gaz: Gazetteer) -> None:
    assert _places(nlp, gaz, "Shelling hit the village of Zorbenta Kala overnight.") == []
    found = _by_text(_places(nlp, gaz, "Shelling hit the village of Kupiansk in Ukraine overnight."))
    assert found["Kupiansk"].match != "unlisted"


def test_places_local_units_and_communities_of_unfamiliar_countries(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Gunmen on motorcycles raided Kurmin Dawa community in Tsafe Local Government Area of Zamfara State, "
        "and soldiers later searched the locality of Bangre Yiri in Nigeria."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert (found["Kurmin Dawa"].match, found["Kurmin Dawa"].place.country_code) == ("unlisted", "NG")
    assert (found["Zamfara State"].place.kind, found["Zamfara State"].place.country_code) == ("admin1", "NG")
    assert found["Bangre Yiri"].match == "unlisted"


def test_places_a_name_before_the_noun_town_is_a_settlement(nlp: Language, gaz: Gazetteer) -> None:
    text = "A shell reportedly hit a bakery near Sebeta Kolfe town, in Ethiopia, on Monday; the town hall was shut."
    found = _by_text(_places(nlp, gaz, text))
    assert (found["Sebeta Kolfe"].match, found["Sebeta Kolfe"].place.country_code) == ("unlisted", "ET")
    assert (found["Sebeta Kolfe"].place.kind, found["Sebeta Kolfe"].precision) == ("town", model.GeoPrecision.TOWN)
    described = _by_text(_places(nlp, gaz, "Shells hit the Ukrainian Danube town of Izmail overnight."))
    assert "Danube" not in described and described["Izmail"].place.country_code == "UA"


def test_places_the_town_a_road_leads_to_is_not_where_it_happened(nlp: Language, gaz: Gazetteer) -> None:
    text = "Mourners blocked the Peshawar-Kohat highway in Pakistan on Monday; in Kohat shops stayed shut."
    mentions = _places(nlp, gaz, text)
    assert _by_text(mentions)["Peshawar"].precision == model.GeoPrecision.NEAR
    assert [m.span.start for m in mentions if m.span.text == "Kohat"] == [text.index("in Kohat") + 3]


def test_places_an_outlet_that_names_its_country_puts_its_villages_there(nlp: Language, gaz: Gazetteer) -> None:
    text = "Our units struck a gathering of fighters in the locality of Pelga Yiri on Friday."
    assert _places(nlp, gaz, text) == []  # no country: nothing is guessed
    found = _by_text(_places(nlp, gaz, text, outlet="Armed Forces of Niger (translated from French)"))
    assert (found["Pelga Yiri"].match, found["Pelga Yiri"].place.country_code) == ("unlisted", "NE")


def test_places_an_unlisted_administrative_area_is_not_a_settlement(nlp: Language, gaz: Gazetteer) -> None:
    text = "A drone struck a health post in the Wag Hemra Zone of Ethiopia on Sunday."
    assert all(m.match != "unlisted" for m in _places(nlp, gaz, text))


def test_places_arabic_article_dropped_in_english_copy(gaz: Gazetteer) -> None:
    (hodeidah, *_) = gaz.lookup("Hodeidah")
    (fasher, *_) = gaz.lookup("Fasher")
    assert (hodeidah.country_code, fasher.country_code) == ("YE", "SD")
    assert gaz.lookup("Fasher")[0].id == gaz.lookup("El Fasher")[0].id


def test_places_a_local_zone_named_like_a_town_abroad_is_unlisted_in_the_reports_country(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = (
        "Haitian police said gunmen burned two houses in the Brooklyn area on Monday. "
        "The Brooklyn gang has held the zone for a year."
    )
    mentions = [m for m in _places(nlp, gaz, text, outlet="Haitian Human Rights Network") if m.span.text == "Brooklyn"]
    assert mentions
    assert {(m.place.country_code, m.match) for m in mentions} == {("HT", "unlisted")}


def test_places_a_foreign_city_named_as_such_keeps_its_reading(nlp: Language, gaz: Gazetteer) -> None:
    text = "Haitian officials met donors in Brooklyn last week to ask for police funding."
    found = _by_text(_places(nlp, gaz, text, outlet="Haitian Human Rights Network"))
    assert found["Brooklyn"].place.country_code == "US"


def test_places_a_town_across_the_border_is_not_a_namesake_abroad(nlp: Language, gaz: Gazetteer) -> None:
    # an Israeli statement about a strike in Lebanon that never names Lebanon: Bint Jbeil is
    # across the border, not a far-away namesake of an Israeli place
    text = "The Israeli army said its jets struck a weapons depot in the Bint Jbeil district overnight."
    found = _by_text(_places(nlp, gaz, text, outlet="Israel Defense Forces"))
    assert "Bint Jbeil" not in found or found["Bint Jbeil"].place.country_code != "IL"


def test_places_a_city_paper_makes_the_report_about_its_country(nlp: Language, gaz: Gazetteer) -> None:
    text = "Residents reported gunfire in the Brooklyn area of the commune before dawn."
    found = _by_text(_places(nlp, gaz, text, outlet="Port-au-Prince Post"))
    assert (found["Brooklyn"].place.country_code, found["Brooklyn"].match) == ("HT", "unlisted")


def test_places_the_village_is_not_a_word_of_a_longer_name_in_the_title(nlp: Language, gaz: Gazetteer) -> None:
    # "Ali" is a town in GeoNames, but the title names "Mir Ali", a longer name it does not know
    text = "A drone struck a house on Friday. Everyone in the village heard it, an elder said."
    mentions = _places(nlp, gaz, text, title="Two boys killed as drone hits house in Mir Ali")
    assert "the village" not in _by_text(mentions)


def test_places_a_title_case_headline_still_names_the_home_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "Explosions were heard in the city overnight, residents said."
    mentions = _places(nlp, gaz, text, outlet="Evening Courier", title="Loud Explosions Rock Kharkiv Overnight")
    assert _by_text(mentions)["the city"].place.name == "Kharkiv"


def test_places_a_name_before_an_armed_group_noun_is_no_place(nlp: Language, gaz: Gazetteer) -> None:
    # Fano is an Italian town; in an Ethiopian report "Fano fighters" are an Amhara militia
    text = (
        "Our brave Fano fighters repelled the regime near Debre Tabor, Ethiopia, on Friday. "
        "No Fano members were among the dead."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert "Fano" not in found
    assert found["Debre Tabor"].place.country_code == "ET"


def test_places_a_named_group_is_no_place_whatever_its_namesake(nlp: Language, gaz: Gazetteer) -> None:
    text = "The Kharkiv militia said it held the line on Tuesday."
    assert "Kharkiv" not in _by_text(_places(nlp, gaz, text))


def test_places_an_unlisted_zone_of_a_commune_is_coded_as_the_commune(nlp: Language, gaz: Gazetteer) -> None:
    # an analyst codes the commune the zone lies in: the zone cannot be located, the commune can
    text = "Police raided a house in Gonaives, in the zone called Brooklyn, on Monday."
    found = _by_text(_places(nlp, gaz, text, outlet="Haitian Human Rights Network"))
    commune = found["Gonaives"].place
    assert commune.country_code == "HT"
    zone = found["Brooklyn"]
    assert (zone.place.id, zone.match, zone.precision) == (commune.id, "derived", model.GeoPrecision.NEAR)
    # the commune named only later in the report is still the one it is about
    text = "Police raided a house in the Brooklyn neighbourhood on Monday. Brooklyn lies in the north of Gonaives."
    zones = [m for m in _places(nlp, gaz, text, outlet="Haitian Human Rights Network") if m.span.text == "Brooklyn"]
    assert {m.place.id for m in zones} == {commune.id}


def test_places_an_unlisted_zone_with_no_commune_named_stays_unlisted(nlp: Language, gaz: Gazetteer) -> None:
    text = "Police said gunmen burned two houses in the Brooklyn area on Monday."
    found = _by_text(_places(nlp, gaz, text, outlet="Haitian Human Rights Network"))
    assert (found["Brooklyn"].place.country_code, found["Brooklyn"].match) == ("HT", "unlisted")


def test_places_an_unlisted_district_is_an_area_with_or_without_its_noun(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Pakistani police said a mortar round hit a house in Tarkhel, East Zarakan District, on Monday. "
        "Schools in East Zarakan stayed shut on Tuesday."
    )
    mentions = [m for m in _places(nlp, gaz, text) if "Zarakan" in m.span.text]
    assert len(mentions) == 2
    assert {(m.place.id, m.place.kind, m.precision) for m in mentions} == {
        ("unlisted:pk:east-zarakan", "district", model.GeoPrecision.REGION)
    }
    village = _by_text(_places(nlp, gaz, text))["Tarkhel"].place
    assert village.parents[0] == "East Zarakan"  # the village lies in the district named after it


def test_places_a_district_of_a_region_is_an_area_a_district_alone_is_not(nlp: Language, gaz: Gazetteer) -> None:
    # the region is tagged as a nationality by the recogniser; before "province" it is a name
    text = "The ministry said jets bombed houses in the Tor Ghundai district of Paktika province on Monday."
    found = _by_text(_places(nlp, gaz, text))
    district = found["Tor Ghundai"].place
    assert (district.kind, district.country_code, district.admin1) == ("district", "AF", "Paktika")
    # a city's district with no region after it is left to the city
    found = _by_text(_places(nlp, gaz, "Drones hit the Zarichnyi district of Kharkiv overnight."))
    assert "Zarichnyi" not in found


def test_places_a_village_of_a_named_unit_is_the_name_before_the_noun(nlp: Language, gaz: Gazetteer) -> None:
    # "the X village of Y tehsil": Y is the unit the village lies in, X the village
    text = "Pakistani police said a drone hit a house in the Spinkai Raghzai village of Makeen tehsil on Sunday."
    found = _by_text(_places(nlp, gaz, text))
    assert found["Spinkai Raghzai"].place.kind == "village"
    assert "Makeen" not in found or found["Makeen"].place.kind != "village"


def test_places_a_datelines_town_does_not_give_a_village_its_country(nlp: Language, gaz: Gazetteer) -> None:
    # The reporter files from a neighbouring capital; the village lies in the country the report is about.
    text = (
        "ABIDJAN, Nov 16 - Burkina Faso's army said its drones struck a gathering of militants in the "
        "commune of Pelga Yiri on Friday. Burkina Faso's junta rarely comments on civilian deaths."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert found["ABIDJAN"].role == model.PlaceRole.REPORTING
    assert (found["Pelga Yiri"].match, found["Pelga Yiri"].place.country_code) == ("unlisted", "BF")


def test_places_a_round_ups_country_heading_places_its_paragraphs_villages(nlp: Language, gaz: Gazetteer) -> None:
    # The previous paragraph's last town is Russian; this paragraph is filed under Myanmar.
    text = (
        "Russia. Drones set fire to a depot near Bryansk on Monday.\n\n"
        "Myanmar. The airstrike on a school in Tabaung Gyi township killed nine people."
    )
    cut = text.index("\n\n")
    report = _report(text).model_copy(
        update={"paragraphs": (model.Paragraph(start=0, end=cut), model.Paragraph(start=cut + 2, end=len(text)))}
    )
    found = _by_text(find_places(nlp(text), gazetteer=gaz, report=report, focus_countries=()))
    assert (found["Tabaung Gyi"].match, found["Tabaung Gyi"].place.country_code) == ("unlisted", "MM")


def test_places_near_miss_spelling_is_only_taken_in_the_reports_countries(nlp: Language, gaz: Gazetteer) -> None:
    text = "Soldiers burned houses in Wunkang, a village of the North-West region of Cameroon, on Monday."
    found = _places(nlp, gaz, text)
    # "Wunkang" is one letter off China's Wugang: a guess abroad is no place
    assert found and all(m.place.country_code == "CM" for m in found), found


def test_places_a_region_named_with_its_own_noun_dropped(nlp: Language, gaz: Gazetteer) -> None:
    # GeoNames calls it "North-West Province"; reports say "the North-West region"
    found = _by_text(_places(nlp, gaz, "Separatists attacked a convoy in Cameroon's North-West region on Sunday."))
    assert found["North-West region"].place.country_code == "CM"
    assert found["North-West region"].place.kind == "admin1"


def test_places_the_kurdistan_region_of_iraq(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "A drone hit an oil field in Iraq's Kurdistan region on Tuesday."))
    assert found["Kurdistan region"].place.country_code == "IQ"


def test_places_a_capitals_dateline_with_a_colon_is_reporting(nlp: Language, gaz: Gazetteer) -> None:
    found = _by_text(_places(nlp, gaz, "ISLAMABAD: Pakistani jets struck targets in Paktika province overnight."))
    assert found["ISLAMABAD"].role == model.PlaceRole.REPORTING
    assert found["Paktika province"].role == model.PlaceRole.EVENT


def test_places_a_government_named_by_its_seat_is_not_a_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "Bombs fell on the market of Renk in South Sudan. The regime in Juba bears full responsibility."
    assert "Juba" not in _by_text(_places(nlp, gaz, text))


def test_places_where_people_fled_to_is_not_where_it_happened(nlp: Language, gaz: Gazetteer) -> None:
    text = "Since the bombing of Malakal in South Sudan, 6,000 people have fled towards Ethiopia's Gambella region."
    found = _by_text(_places(nlp, gaz, text))
    assert "Gambella region" not in found and "Ethiopia" not in found
    assert found["Malakal"].place.country_code == "SS"


@pytest.mark.parametrize(
    "care",
    [
        "were evacuated to the hospital of Kremenchuk",
        "were taken to Kremenchuk",
        "were taken to the district hospital in Kremenchuk",
        "are being treated at a hospital in Kremenchuk",
    ],
)
def test_places_where_the_hurt_were_taken_is_not_where_it_happened(nlp: Language, gaz: Gazetteer, care: str) -> None:
    text = f"A drone hit a house in Horishni Plavni, Ukraine, overnight. Two residents were injured and {care}."
    found = _by_text(_places(nlp, gaz, text))
    assert "Kremenchuk" not in found and "Horishni Plavni" in found
    hit = _by_text(_places(nlp, gaz, "A missile hit the hospital in Kremenchuk overnight."))
    assert hit["Kremenchuk"].place.country_code == "UA"  # a hospital struck: its town is the scene


def test_places_a_name_only_another_countrys_place_has_as_an_alias_is_unlisted_here(
    nlp: Language, gaz: Gazetteer
) -> None:
    """GeoNames lists "Waat" only as an alternate spelling of a place in Switzerland; "Waat
    town" in a South Sudanese report is an unlisted town of South Sudan."""
    assert all(c.alias and c.place.country_code != "SS" for c in gaz.candidates("Waat"))
    text = "An Antonov bomber dropped barrel bombs on Waat town in South Sudan's Jonglei state."
    found = _by_text(_places(nlp, gaz, text))
    assert (found["Waat"].match, found["Waat"].place.country_code) == ("unlisted", "SS")


@pytest.mark.parametrize(
    "sentence",
    [
        "A drone of the Bamako junta struck the convoy.",
        "A combat drone of the Kinshasa regime coalition dropped bombs on the market.",
    ],
)
def test_places_a_capital_naming_its_rulers_is_not_a_place(nlp: Language, gaz: Gazetteer, sentence: str) -> None:
    assert [m.place.name for m in _places(nlp, gaz, sentence)] == []


def test_places_a_town_tagged_as_an_organisation_where_only_places_stand(nlp: Language, gaz: Gazetteer) -> None:
    # the small model tags both names ORG; "in" and the named state vouch for Aguililla
    text = (
        "Mexico. In the deadliest attack this month, explosives dropped from drones on El Aguaje, "
        "in Aguililla, on 15 October killed three people in Michoacán."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert (found["Aguililla"].place.country_code, found["Aguililla"].place.admin1) == ("MX", "Michoacan")
    # a namesake in another region of the report's country is not taken for a place the
    # report puts in Sevastopol
    house = "The governor of Sevastopol said only a private house in Lyubimovka had been damaged."
    assert "Lyubimovka" not in _by_text(_places(nlp, gaz, house))


def test_places_a_town_tagged_as_a_person_after_words_of_nearness(nlp: Language, gaz: Gazetteer) -> None:
    # the small model tags Bilozerka PERSON; no person has outskirts, and the named region vouches
    text = "Shelling hit the Kherson region overnight. Shells fell on the outskirts of Bilozerka."
    assert _by_text(_places(nlp, gaz, text))["Bilozerka"].place.admin1 == "Kherson Oblast"


def test_places_region_after_a_town_is_the_region_spelt_as_its_capital(nlp: Language, gaz: Gazetteer) -> None:
    # The gazetteer lists the province as "Buriram" and its capital town as "Buri Ram": after a
    # town of that province and a comma, "Buri Ram" names the province, not a second town.
    found = _by_text(_places(nlp, gaz, "Shells landed on a market in Nang Rong, Buri Ram, on Monday."))
    assert found["Nang Rong"].place.kind == "town"
    assert (found["Buri Ram"].place.kind, found["Buri Ram"].place.name) == ("admin1", "Buriram")
    # the capital town itself, named alone, stays the town
    alone = _by_text(_places(nlp, gaz, "Shells landed on a market in Buri Ram on Monday."))
    assert alone["Buri Ram"].place.kind == "town"


def test_places_a_town_naming_the_district_struck_sits_where_places_sit(nlp: Language, gaz: Gazetteer) -> None:
    # a smaller town the recogniser did not tag counts where a place stands; "on the Pogar
    # district" puts the district, whose name the town lends, in that slot
    found = _by_text(
        _places(
            nlp,
            gaz,
            "Tonight the enemy attempted a massive attack with aircraft-type UAVs on the Pogar district. "
            "Nobody was hurt, the governor of the Bryansk region said.",
        )
    )
    assert found["Pogar"].place.country_code == "RU"


def test_places_a_village_whose_namesakes_lie_in_other_regions_is_unlisted(nlp: Language, gaz: Gazetteer) -> None:
    # the gazetteer lists El Limoncito only in Chiapas: the one in Michoacan is another village
    text = "Drones dropped explosives on homes in the village of El Limoncito in the Mexican state of Michoacan."
    village = _by_text(_places(nlp, gaz, text))["El Limoncito"]
    assert (village.match, village.place.country_code, village.place.admin1) == ("unlisted", "MX", "Michoacan")
    # in the region of a listed namesake, it is that one
    text = "Drones dropped explosives on homes in the village of El Limoncito in the Mexican state of Chiapas."
    village = _by_text(_places(nlp, gaz, text))["El Limoncito"]
    assert village.match != "unlisted" and village.place.admin1 == "Chiapas"
    # so far from a town named as its container ("near Apatzingan", in Michoacan)
    text = "Drones dropped explosives on homes in the village of El Limoncito, near Apatzingan, in western Mexico."
    village = _by_text(_places(nlp, gaz, text))["El Limoncito"]
    assert (village.match, village.place.admin1) == ("unlisted", "Michoacan")


def test_places_a_government_named_by_its_seat_places_nothing(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "A drone struck a city bus in the southern Ukrainian city of Kherson on Saturday, killing one passenger. "
        "The Moscow-installed administration of the occupied part of the region denied the accusation, calling it "
        "a provocation by the Kyiv regime. Residents have long accused Russian units of hunting civilians, an "
        "accusation Moscow rejects."
    )
    found = _by_text(_places(nlp, gaz, text))
    # "the Kyiv regime" names no region the city must lie in
    assert found["Kherson"].place.country_code == "UA"
    # "Moscow-installed", "Moscow rejects": the government, not where anything happened
    assert "Moscow" not in found


def test_places_a_village_far_from_the_town_it_is_said_to_lie_in_is_not_the_listed_namesake(
    nlp: Language, gaz: Gazetteer
) -> None:
    # GeoNames' villages named El Naranjo lie over 90 km from Coahuayana; the one meant is
    # an unlisted village of that town's municipality, in a state office's statement that
    # names its state only in the office's own name
    text = (
        "The prosecutor's office reports that drones dropped explosives on two homes in the locality of "
        "El Naranjo, municipality of Coahuayana, this Tuesday."
    )
    found = _by_text(_places(nlp, gaz, text, outlet="Fiscalía General del Estado de Michoacán"))
    village = found["El Naranjo"]
    assert (village.match, village.place.country_code) == ("unlisted", "MX")
    assert found["Coahuayana"].place.admin1 == "Michoacan"
    # so is one named with a settlement noun in apposition
    text = "Residents of El Naranjo, a village in the municipality of Coahuayana in Michoacán, reported drones."
    village = _by_text(_places(nlp, gaz, text))["El Naranjo"]
    assert (village.match, village.place.kind) == ("unlisted", "village")


def test_places_a_french_country_name_with_its_article(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Separatist fighters said they destroyed an armoured vehicle of the army of La République du Cameroun"
        " with an IED at Batibo this morning."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert found["République du Cameroun"].place.country_code == "CM"
    assert found["Batibo"].place.country_code == "CM"


def test_places_a_digest_paragraph_names_the_country_of_its_towns(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Syria. Drones struck a fuel depot near Qamishli on Monday, and another hit a road in Hasakah.\n\n"
        "Niger. The militants said they struck the army post at Téra with four drones on Saturday."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert found["Téra"].place.country_code == "NE"
    assert found["Téra"].match == "exact"


def test_places_an_unlisted_area_or_sector_is_a_locality(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Afghan officials said Pakistani jets bombed houses in the Margha area of Paktika province overnight.\n\n"
        "Two drones crossed the Line of Control in the Tarkundi Gali sector of Poonch district, the Indian army said."
    )
    found = _by_text(_places(nlp, gaz, text))
    assert found["Margha"].match == "unlisted"
    assert found["Margha"].place.country_code == "AF"
    assert found["Tarkundi Gali"].place.country_code == "IN"
    assert found["Tarkundi Gali"].place.kind == "district"


def test_places_a_group_or_a_known_town_before_area_is_no_new_locality(nlp: Language, gaz: Gazetteer) -> None:
    text = "Shelling hit villages in the SDF area and near the Kharkiv area, Ukrainian officials said."
    found = _places(nlp, gaz, text)
    assert all(m.match != "unlisted" for m in found)
    assert "SDF" not in {m.span.text for m in found}


def test_places_a_dated_dateline_with_a_colon_is_reporting(nlp: Language, gaz: Gazetteer) -> None:
    text = "POONCH, Oct 4: Two Pakistani drones were shot down by the Army near Mendhar late on Saturday."
    found = _by_text(_places(nlp, gaz, text))
    assert found["POONCH"].role == model.PlaceRole.REPORTING


def test_places_a_dated_dateline_with_an_unknown_agencys_tag_is_reporting(nlp: Language, gaz: Gazetteer) -> None:
    text = "Mosul, 9 March (NIA) - The army spokesman said a drone struck a checkpoint near Tal Afar."
    found = _by_text(_places(nlp, gaz, text))
    assert found["Mosul"].role == model.PlaceRole.REPORTING
    # a place opening a sentence, with a bracket and no dash after it, stays the event's
    told = "Mosul, 9 March (a Sunday), was struck by drones, officials said."
    assert _by_text(_places(nlp, gaz, told))["Mosul"].role == model.PlaceRole.EVENT


def test_places_where_a_speaker_spoke_from_is_reporting(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "The drone fired three munitions into the market, a trader told the agency by phone from Djibo, "
        "where he had taken his wounded brother. Speaking from Goma, a nurse said shells hit Bukavu."
    )
    found = _by_text(_places(nlp, gaz, text, focus=["BF", "CD"]))
    assert found["Djibo"].role == model.PlaceRole.REPORTING
    assert found["Goma"].role == model.PlaceRole.REPORTING
    assert found["Bukavu"].role == model.PlaceRole.EVENT
    launched = _by_text(_places(nlp, gaz, "Drones launched from Kursk hit Sumy overnight.", focus=["UA"]))
    assert launched["Kursk"].role == model.PlaceRole.ORIGIN


@pytest.mark.parametrize(
    ("text", "spoken_in", "happened_in"),
    [
        ("The police told reporters in Pemba that three civilians were killed in Macomia.", "Pemba", "Macomia"),
        ("The minister said at a news conference in Moscow that drones hit Belgorod.", "Moscow", "Belgorod"),
        ("Speaking to journalists in Kyiv, the president said Russia struck Odesa.", "Kyiv", "Odesa"),
    ],
)
def test_places_where_a_speaker_spoke_in_is_reporting(
    nlp: Language, gaz: Gazetteer, text: str, spoken_in: str, happened_in: str
) -> None:
    found = _by_text(_places(nlp, gaz, text))
    assert found[spoken_in].role == model.PlaceRole.REPORTING
    assert found[happened_in].role == model.PlaceRole.EVENT


@pytest.mark.parametrize(
    "text", ["Residents reported explosions in Kharkiv overnight.", "Explosions were reported in Kharkiv overnight."]
)
def test_places_what_was_reported_in_a_place_happened_there(nlp: Language, gaz: Gazetteer, text: str) -> None:
    assert _by_text(_places(nlp, gaz, text))["Kharkiv"].role == model.PlaceRole.EVENT


def test_places_a_city_district_no_gazetteer_lists_is_a_part_of_its_city(nlp: Language, gaz: Gazetteer) -> None:
    text = "Drones attacked Kyiv overnight. Debris fell on a house in the Darnytskyi district of Kyiv."
    found = _by_text(_places(nlp, gaz, text))
    district, city = found["Darnytskyi district"], found["Kyiv"]
    assert district.place.kind == "city_district" and district.match == "unlisted"
    assert (district.place.latitude, district.place.longitude) == (city.place.latitude, city.place.longitude)
    assert district.place.country_code == "UA" and "Kyiv" in district.place.parents
    assert district.precision == model.GeoPrecision.TOWN
    # a district the gazetteer knows only in other cities is the report's city's
    text = "Drones attacked Odesa overnight. A Shahed hit a supermarket in the Kyivskyi district."
    odesa = _by_text(_places(nlp, gaz, text))["Kyivskyi district"]
    assert odesa.place.kind == "city_district" and odesa.place.parents[0] == "Odesa"


def test_places_a_district_bearing_a_towns_name_in_a_region_named_since_is_that_towns(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = (
        "Air defences downed drones near Novorossiysk. The Bryansk region governor said seven drones "
        "were destroyed over Novozybkov district."
    )
    found = _by_text(_places(nlp, gaz, text, focus=["RU"]))
    assert found["Novozybkov"].place.name == "Novozybkov"
    assert found["Novozybkov"].place.admin1 == "Bryansk Oblast"


def test_places_a_place_hung_on_the_owner_of_what_was_hit_places_it(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "The Guards said they fired missiles and drones against military and intelligence centres of the "
        "Zionist regime in Haifa and an air base in the Negev."
    )
    assert "Haifa" in _by_text(_places(nlp, gaz, text, focus=["IL"]))
    seat = "The regime in Khartoum denied the strike on the market."
    assert "Khartoum" not in _by_text(_places(nlp, gaz, seat, focus=["SD"]))


def test_places_a_peoples_adjective_in_the_title_names_no_city_of_the_report(nlp: Language, gaz: Gazetteer) -> None:
    # "Thai" is also a name GeoNames gives a Malaysian city: a title's "Thai border town" must
    # not make that city the owner of the districts the report names
    text = (
        "Rockets fired from Cambodia hit border towns in Thailand on Thursday. A day earlier a drone wounded two "
        "rangers near a pass in neighbouring Phu Sing district."
    )
    found = _by_text(_places(nlp, gaz, text, title="Cambodian rockets hit Thai border town, army says"))
    assert found["Phu Sing"].place.country_code == "TH" and found["Phu Sing"].place.kind == "village"
