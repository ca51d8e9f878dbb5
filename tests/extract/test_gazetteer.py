"""The gazetteer: names, transliterations, ranking, containment, distance, user extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.errors import NotFound, ResourceError
from corroborator.extract.gazetteer import Gazetteer, load_gazetteer, name_key, package_demonyms


@pytest.fixture(scope="module")
def gaz(settings: Settings) -> Gazetteer:
    return load_gazetteer(settings)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Briansk", "Bryansk"),
        ("Odessa", "Odesa"),
        ("Kharkiv", "Harkiv"),
        ("Khmelnytskyi", "Khmelnitsky"),
        ("Yevpatoriya", "Evpatoria"),
        ("Mykolaiv", "Mykolayiv"),
        ("Zaporizhzhia", "Zaporizhia"),
        ("Kyjiv", "Kyiv"),
        ("Novo-Ogaryovo", "Novo Ogaryovo"),
        ("Kropyvnyts'kyi", "Kropyvnytskyi"),
        ("Quiterajo", "Kiterajo"),
    ],
)
def test_gazetteer_name_key_folds_transliteration_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_gazetteer_name_key_keeps_different_names_apart() -> None:
    assert name_key("Kyiv") != name_key("Kursk")
    assert name_key("Sumy") != name_key("Sambir")
    assert name_key("Quang Tri") != name_key("Kang Tri")  # "qu" before a is no k


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [
        ("Kiev", "Kyiv", "UA"),
        ("Kharkov", "Kharkiv", "UA"),
        ("Odessa", "Odesa", "UA"),
        ("Nikolaev", "Mykolayiv", "UA"),
        ("Lugansk", "Luhansk", "UA"),
        ("Dnepropetrovsk", "Dnipro", "UA"),
        ("Artemovsk", "Bakhmut", "UA"),
        ("Briansk", "Bryansk", "RU"),
        ("Simferopol", "Simferopol", "UA"),
    ],
)
def test_gazetteer_lookup_resolves_aliases_and_transliterations(
    gaz: Gazetteer, written: str, name: str, country: str
) -> None:
    best = gaz.lookup(written)[0]
    assert (best.name, best.country_code) == (name, country)


@pytest.mark.parametrize("written", ["Bint Jbail", "Bint Jbeil", "Bent Jbeil"])
def test_gazetteer_the_arabic_diphthong_is_spelt_either_way(gaz: Gazetteer, written: str) -> None:
    assert [(p.name, p.country_code) for p in gaz.lookup(written)][:1] == [("Bent Jbaïl", "LB")]


def test_gazetteer_lookup_prefers_the_given_countries_then_size(gaz: Gazetteer) -> None:
    assert gaz.lookup("Moscow")[0].country_code == "RU"
    in_idaho = gaz.lookup("Moscow", countries=["US"])[0]
    assert (in_idaho.country_code, in_idaho.admin1) == ("US", "Idaho")


def test_gazetteer_lookup_prefers_a_city_over_its_namesake_region(gaz: Gazetteer) -> None:
    # Moscow and Kyiv are also first-level regions; a bare name means the city.
    assert [p.kind for p in gaz.lookup("Moscow") if p.country_code == "RU"] == ["city"]
    assert gaz.lookup("Kyiv")[0].kind == "city"


def test_gazetteer_lookup_keeps_a_country_over_its_namesake_town(gaz: Gazetteer) -> None:
    # A small town inside a country may share its name; "the port in Mozambique" is the country.
    assert (gaz.lookup("Colombia")[0].kind, gaz.lookup("Colombia")[0].country_code) == ("country", "CO")
    assert gaz.lookup("Mozambique")[0].kind == "country"


def test_gazetteer_towns_carry_named_first_level_regions(gaz: Gazetteer) -> None:
    bryansk = gaz.lookup("Bryansk")[0]
    assert bryansk.admin1 == "Bryansk Oblast"
    assert bryansk.parents == ("Bryansk Oblast", "Russia")
    kharkiv = gaz.lookup("Kharkiv")[0]
    assert kharkiv.admin1 == "Kharkiv Oblast"


def test_gazetteer_codes_crimea_and_sevastopol_under_ukraine(gaz: Gazetteer) -> None:
    crimea = gaz.lookup("Crimea")[0]
    assert (crimea.kind, crimea.country_code) == ("admin1", "UA")
    assert gaz.lookup("Sevastopol")[0].country_code == "UA"
    assert gaz.lookup("Saky air base")[0].admin1 == "Crimea"
    # bare "Belbek" is the airfield, not the village GeoNames keeps the old name for
    assert gaz.lookup("Belbek")[0].kind == "air_base"


def test_gazetteer_corrects_a_population_the_package_gives_far_off(gaz: Gazetteer) -> None:
    # the GeoNames package counts Kherson at 66,000, which would make the city a small town
    kherson = gaz.lookup("Kherson", countries=["UA"])[0]
    assert kherson.kind == "city" and (kherson.population or 0) > 250_000


def test_gazetteer_country_aliases(gaz: Gazetteer) -> None:
    for written in ("Russian Federation", "the Russian Federation", "RF"):
        best = gaz.lookup(written)[0]
        assert (best.kind, best.country_code) == ("country", "RU")
    # the country's own name in French, as its Anglophone separatists name the state
    for written in ("Cameroun", "Republique du Cameroun"):
        best = gaz.lookup(written)[0]
        assert (best.kind, best.country_code) == ("country", "CM")
    assert gaz.lookup("Russian") == []  # a demonym is not a name of a place
    assert gaz.demonym_country("Russian") == "RU"
    assert gaz.demonym_country("Moscow") is None


def test_gazetteer_contains_follows_the_parent_chain(gaz: Gazetteer) -> None:
    kremlin = gaz.get("corroborator:kremlin")
    senate = gaz.lookup("Senatsky Dvorets")[0]
    moscow = gaz.lookup("Moscow")[0]
    russia = gaz.country("RU")
    assert senate.name == "Senate Palace"
    assert gaz.contains(kremlin, senate)
    assert gaz.contains(moscow, kremlin)
    assert gaz.contains(moscow, senate)
    assert gaz.contains(russia, kremlin)
    assert not gaz.contains(kremlin, moscow)
    assert not gaz.contains(gaz.country("UA"), kremlin)
    oblast = gaz.lookup("Bryansk Oblast")[0]
    assert gaz.contains(oblast, gaz.lookup("Bryansk")[0])
    assert not gaz.contains(oblast, moscow)


def test_gazetteer_distance_km(gaz: Gazetteer) -> None:
    distance = gaz.distance_km(gaz.lookup("Moscow")[0], gaz.lookup("Kyiv")[0])
    assert distance is not None and 700 < distance < 800
    nowhere = model.Place(id="x:1", name="Somewhere", kind="town")
    assert gaz.distance_km(nowhere, gaz.lookup("Kyiv")[0]) is None


def test_gazetteer_capital_of(gaz: Gazetteer) -> None:
    assert gaz.capital_of("RU").name == "Moscow"
    assert gaz.capital_of("ua").name == "Kyiv"
    assert gaz.capital_of("BY").name == "Minsk"
    with pytest.raises(NotFound):
        gaz.capital_of("ZZ")


def test_gazetteer_get_unknown_id_raises(gaz: Gazetteer) -> None:
    assert gaz.get("geonames:524901").name == "Moscow"
    with pytest.raises(NotFound):
        gaz.get("corroborator:no-such-place")


def test_gazetteer_stem_candidates_find_facilities_and_regions(gaz: Gazetteer) -> None:
    base = gaz.stem_candidates("Engels", kinds={"air_base"})[0].place
    assert (base.name, base.country_code, base.admin1) == (
        "Engels-2 air base",
        "RU",
        "Saratov Oblast",
    )
    region = gaz.stem_candidates("Briansk", kinds={"admin1"})[0].place
    assert region.name == "Bryansk Oblast"
    # "the Moscow region" is the oblast, not the federal city.
    assert gaz.stem_candidates("Moscow", kinds={"admin1"})[0].place.name == "Moscow Oblast"


def test_gazetteer_fuzzy_matches_only_close_long_names(gaz: Gazetteer) -> None:
    names = [c.place.name for c in gaz.fuzzy_candidates("Brainsk")]
    assert "Bryansk Oblast" in names or "Bryansk" in names
    assert gaz.fuzzy_candidates("Kyev") == []  # too short to guess
    assert gaz.fuzzy_candidates("Helicopter") == []


def test_gazetteer_user_resources_extend_and_are_checked(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORROBORATOR_CACHE_DIR", str(tmp_path / "cache"))
    user = tmp_path / "resources" / "gazetteer"
    user.mkdir(parents=True)
    (user / "places.tsv").write_text(
        "# a user's own landmark\n"
        "id\tname\tkind\tcountry\tadmin1\tparent\tlatitude\tlongitude\tstems\taliases\n"
        "test-depot\tNorthgate fuel depot\toil_depot\tUA\tKharkiv Oblast\tKharkiv\t50.0\t36.3\t"
        "Northgate\tNorthgate tank farm\n",
        encoding="utf-8",
    )
    extended = Gazetteer.load(settings.with_overrides(resource_dirs=(tmp_path / "resources",)))
    depot = extended.lookup("Northgate tank farm")[0]
    assert (depot.id, depot.country_code, depot.admin1) == (
        "corroborator:test-depot",
        "UA",
        "Kharkiv Oblast",
    )
    assert extended.contains(extended.lookup("Kharkiv")[0], depot)
    assert list((tmp_path / "cache").glob("gazetteer-*.pickle")), "the built index is cached"

    (user / "places.tsv").write_text(
        "id\tname\tkind\tcountry\tadmin1\tparent\tlatitude\tlongitude\tstems\taliases\n"
        "bad\tSomewhere\tlandmark\tUA\tNo Such Oblast\t\t\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="No Such Oblast"):
        Gazetteer.load(settings.with_overrides(resource_dirs=(tmp_path / "resources",)))

    (user / "places.tsv").unlink()
    (user / "populations.tsv").write_text(
        "id\tpopulation\tsource\ngeonames:706448\tmany\ta guess\n", encoding="utf-8"
    )
    with pytest.raises(ResourceError, match=r"populations\.tsv.*'many' is not a number"):
        Gazetteer.load(settings.with_overrides(resource_dirs=(tmp_path / "resources",)))


def test_gazetteer_myanmar_regions_and_states_name_their_towns(gaz: Gazetteer) -> None:
    (region, *_) = gaz.stem_candidates("Sagaing", kinds={"admin1"})
    assert (region.place.name, region.place.country_code) == ("Sagaing Region", "MM")
    assert gaz.lookup("Mandalay", countries=["MM"])[0].admin1 == "Mandalay Region"
    assert gaz.lookup("Rangoon Division")[0].name == "Yangon Region"


def test_gazetteer_names_regions_of_every_country_from_the_towns_table(gaz: Gazetteer) -> None:
    # No row of admin1.tsv covers Nigeria, Colombia or Ethiopia: their regions are named
    # from GeoNames' towns table, and their towns carry them.
    (zamfara, *_) = gaz.stem_candidates("Zamfara", kinds={"admin1"})
    assert (zamfara.place.kind, zamfara.place.country_code) == ("admin1", "NG")
    assert gaz.lookup("Gusau")[0].admin1 == "Zamfara"
    assert gaz.lookup("Cauca")[0].kind == "admin1"
    assert gaz.contains(gaz.lookup("Cauca")[0], gaz.lookup("Popayan")[0])


def test_gazetteer_a_region_named_like_a_town_or_a_direction_needs_its_noun(gaz: Gazetteer) -> None:
    # "Kano" is the city; the state is "Kano State". "Nord" alone is a direction.
    assert next(p.kind for p in gaz.lookup("Kano") if p.country_code == "NG") == "city"
    assert any(c.place.kind == "admin1" for c in gaz.stem_candidates("Kano", kinds={"admin1"}))
    assert all(p.kind != "admin1" for p in gaz.lookup("Nord"))
    assert any(c.place.country_code == "HT" for c in gaz.stem_candidates("Nord", kinds={"admin1"}))


def test_gazetteer_a_hamlet_elsewhere_does_not_take_a_regions_bare_name(gaz: Gazetteer) -> None:
    # a village of 574 people in Chiapas is named Michoacán; the state of Michoacán is meant
    assert (gaz.lookup("Michoacán")[0].kind, gaz.lookup("Michoacán")[0].admin1) == ("admin1", "Michoacan")
    assert gaz.lookup("Jalisco")[0].kind == "admin1"
    assert gaz.lookup("Chihuahua")[0].kind == "city"  # the state capital, inside the state, keeps the name


def test_gazetteer_every_country_has_its_demonym(gaz: Gazetteer) -> None:
    # countries.tsv lists the conflicts written up by hand; the package covers the rest
    assert gaz.demonym_country("Haitian") == "HT"
    assert gaz.demonym_country("Haitians") == "HT"
    assert gaz.demonym_country("Chadian") == "TD"
    assert gaz.demonym_country("Nigerien") == "NE"
    assert gaz.demonym_country("Swiss") == "CH"
    assert gaz.demonym_country("Russian") == "RU"  # our own table still decides its words
    assert gaz.lookup("Haitian") == []


def test_gazetteer_a_shared_demonym_goes_to_a_much_bigger_country_only() -> None:
    assert package_demonyms({"DO": 11_000_000, "DM": 72_000})["Dominican"] == "DO"
    assert "Dominican" not in package_demonyms({"DO": 11_000_000, "DM": 9_000_000})
    assert package_demonyms({"HT": 11_000_000})["Haitians"] == "HT"
    assert "Chineses" not in package_demonyms({"CN": 1_400_000_000})


def test_gazetteer_towns_the_package_lacks_come_from_the_resource_file(gaz: Gazetteer) -> None:
    # conflict sites GeoNames' population data miss, with their spellings
    for written in ("Tinzaouatene", "Tinzawaten", "Tin-Zaouatene"):
        (place, *_) = gaz.lookup(written)
        assert (place.name, place.country_code, place.admin1) == ("Tinzaouatene", "ML", "Kidal")
    assert gaz.lookup("Renk")[0].country_code == "SS"
