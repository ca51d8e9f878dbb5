"""The source registry and resolving how a report names a source."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from corroborator.config import Settings, packaged_resource
from corroborator.errors import ResourceError
from corroborator.extract.sources import (
    SourceContext,
    SourceRegistry,
    is_anonymous,
    outlet_source,
    resolve_source,
)
from corroborator.model import Source, SourceKind


@pytest.fixture(scope="module")
def registry(settings: Settings) -> SourceRegistry:
    return SourceRegistry.load(settings)


def resolve(registry: SourceRegistry, text: str, context: SourceContext | None = None) -> Source:
    return resolve_source(text, registry=registry, context=context)


# --------------------------------------------------------------------------- registry data


def test_sources_registry_is_broad_and_consistent(registry: SourceRegistry) -> None:
    assert len(registry) >= 300
    kinds = {entry.kind for entry in registry.entries.values()}
    assert {SourceKind.OFFICIAL, SourceKind.MILITARY, SourceKind.STATE_MEDIA} <= kinds
    for entry in registry.entries.values():
        if entry.affiliation is not None:
            assert registry.parties.party(entry.affiliation) is not None, entry.id


def test_sources_registry_aliases_name_one_entry_each() -> None:
    data = tomllib.loads(packaged_resource("sources.toml").read_text(encoding="utf-8"))
    owners: dict[str, str] = {}
    for record in data["source"]:
        for alias in [record["name"], *record.get("aliases", [])]:
            key = alias.casefold().removeprefix("the ")
            assert owners.setdefault(key, record["id"]) == record["id"], alias


@pytest.mark.parametrize(
    ("names", "entry_id"),
    [
        (("Tass", "TASS", "ITAR-TASS"), "ru-tass"),
        (("Russia Today", "RT"), "ru-rt"),
        (("RIA Novosti", "RIA"), "ru-ria"),
        (("Reuters", "the Associated Press", "AP", "AFP"), None),
    ],
)
def test_sources_aliases_match_one_entry(
    registry: SourceRegistry, names: tuple[str, ...], entry_id: str | None
) -> None:
    matched = {registry.match(name) for name in names}
    assert None not in matched
    if entry_id is not None:
        assert {m.id for m in matched if m is not None} == {entry_id}


def test_sources_same_source_named_differently_has_one_key(registry: SourceRegistry) -> None:
    assert resolve(registry, "Tass").key == resolve(registry, "TASS").key == "reg:ru-tass"
    a = resolve(registry, "Russian authorities")
    b = resolve(registry, "the Russian authorities")
    assert a.key == b.key


def test_sources_capitalised_aliases_need_capitals(registry: SourceRegistry) -> None:
    assert registry.match("Shot") is not None  # the Telegram outlet
    assert registry.match("shot") is None


def test_sources_surname_after_another_given_name_is_another_person(registry: SourceRegistry) -> None:
    assert resolve(registry, "Ivan Petrenko").key == "name:ivan-petrenko"
    assert resolve(registry, "Petrenko").key == "reg:ru-petrenko"
    assert resolve(registry, "spokeswoman Petrenko").key == "reg:ru-petrenko"
    assert resolve(registry, "Mr. Peskov").key == "reg:ru-peskov"


def test_sources_fuzzy_person_match_catches_a_misspelt_surname(registry: SourceRegistry) -> None:
    entry = registry.match("Zelesnky")
    assert entry is not None and entry.id == "ua-zelensky"
    source = resolve(registry, "President Volodymyr Zelesnky")
    assert source.key == "reg:ua-zelensky"
    assert source.description == "President Volodymyr Zelesnky"


def test_sources_fuzzy_matching_is_guarded(registry: SourceRegistry) -> None:
    assert registry.match("Lavrova") is None  # a different (female) surname, not Lavrov
    assert registry.match("Reutors") is None  # only people are matched fuzzily
    assert registry.match("zelesnky") is None  # names are capitalised
    assert registry.match("Kimm") is None  # too short to guess


# --------------------------------------------------------------------------- descriptions


def test_sources_defence_ministry_with_a_party_is_that_partys_ministry(
    registry: SourceRegistry,
) -> None:
    for text in (
        "Russia's defence ministry",
        "the Russian Defence Ministry",
        "the defence ministry in Moscow",
    ):
        source = resolve(registry, text)
        assert source.key == "reg:ru-mod", text
        assert source.kind == SourceKind.MILITARY and source.affiliation == "RU"
    assert resolve(registry, "Ukraine's defense ministry").key == "reg:ua-mod"


def test_sources_authorities_are_official_and_affiliated(registry: SourceRegistry) -> None:
    source = resolve(registry, "Russian authorities")
    assert source.kind == SourceKind.OFFICIAL and source.affiliation == "RU"


def test_sources_unnamed_official_is_anonymous_and_affiliated(registry: SourceRegistry) -> None:
    source = resolve(registry, "a senior Ukrainian official")
    assert source.kind == SourceKind.OFFICIAL
    assert source.affiliation == "UA"
    assert is_anonymous(source)
    assert source.description == "a senior Ukrainian official"


def test_sources_local_official_takes_the_local_party_only_from_context(
    registry: SourceRegistry,
) -> None:
    bare = resolve(registry, "a local government official")
    assert bare.kind == SourceKind.OFFICIAL and bare.affiliation is None
    known = resolve(registry, "a local government official", SourceContext(local_party="UA"))
    assert known.affiliation == "UA"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("residents", SourceKind.EYEWITNESS),
        ("witnesses", SourceKind.EYEWITNESS),
        ("locals", SourceKind.EYEWITNESS),
        ("Kharkiv residents", SourceKind.EYEWITNESS),
        ("analysts", SourceKind.EXPERT),
        ("military experts", SourceKind.EXPERT),
        ("sources", SourceKind.ANONYMOUS),
        ("people familiar with the matter", SourceKind.ANONYMOUS),
        ("the Zorya news agency", SourceKind.WIRE_AGENCY),
        ("the Zorya Telegram channel", SourceKind.SOCIAL_MEDIA),
        ("a blogger", SourceKind.SOCIAL_MEDIA),
        ("local activists", SourceKind.EYEWITNESS),
        ("hospital staff", SourceKind.EYEWITNESS),
        ("motorists on the coast road", SourceKind.EYEWITNESS),
        ("the provincial police command", SourceKind.OFFICIAL),
        # "General" after an office is part of its title, not a rank
        ("the Attorney General", SourceKind.OFFICIAL),
        ("the Inspector General of Police", SourceKind.OFFICIAL),
        ("a Secretary-General", SourceKind.OFFICIAL),
        ("Major General Petro Hnatenko", SourceKind.MILITARY),
        # an office whose portfolio is defence speaks for the armed forces
        ("the Ministry of National Defence", SourceKind.MILITARY),
        ("the Minister of State for Defence", SourceKind.MILITARY),
        ("the defence minister", SourceKind.MILITARY),
        ("the Secretary of War", SourceKind.MILITARY),
        ("the Ministry of the Interior", SourceKind.OFFICIAL),
        ("the Minister of Foreign Affairs", SourceKind.OFFICIAL),
        # a name that runs on past "of"/"for" to the noun that says what it is
        ("Centre for Highland Rights Monitoring", SourceKind.EXPERT),
        # a unit named for nothing in the lexicon, "of" a body, is that body's
        ("the Crisis Coordination Cell of the Ministry of Health", SourceKind.OFFICIAL),
        # trades working for a body named before them speak for it; alone they are witnesses
        ("Civil Protection rescuers", SourceKind.OFFICIAL),
        ("health ministry doctors", SourceKind.OFFICIAL),
        ("paramedics", SourceKind.EYEWITNESS),
        # a police rank is no army's
        ("police spokesman Major Hassan Odowaa", SourceKind.OFFICIAL),
        ("Major Hassan Odowaa", SourceKind.MILITARY),
        # unnamed sources are anonymous, whatever service they are in
        ("military sources", SourceKind.ANONYMOUS),
        # an armed group named with a noun the lexicon lacks, or as rebels
        ("the M23 movement", SourceKind.MILITARY),
        ("the FLA rebels", SourceKind.MILITARY),
        # a body's publication speaks as the body
        ("the health ministry's digest", SourceKind.OFFICIAL),
        # a role over a body of people speaks as that body; over a place's office, as an official
        ("the head of the herders' association", SourceKind.EYEWITNESS),
        ("the leader of the rebels", SourceKind.MILITARY),
        ("the head of the district administration", SourceKind.OFFICIAL),
        ("the head of the district", SourceKind.OFFICIAL),
    ],
)
def test_sources_kind_from_the_description(registry: SourceRegistry, text: str, kind: SourceKind) -> None:
    assert resolve(registry, text).kind == kind


def test_sources_residents_with_or_without_a_place_are_one_group(registry: SourceRegistry) -> None:
    keys = {resolve(registry, t).key for t in ("residents", "local residents", "Kharkiv residents")}
    assert len(keys) == 1


def test_sources_foreign_media_have_a_country_not_an_affiliation(registry: SourceRegistry) -> None:
    source = resolve(registry, "German media")
    assert source.kind == SourceKind.INDEPENDENT_MEDIA
    assert source.country == "DE" and source.affiliation is None


def test_sources_named_channel_keeps_its_name_and_key(registry: SourceRegistry) -> None:
    described = resolve(registry, "the Zorya Telegram channel")
    bare = resolve(registry, "Zorya")
    assert described.name == "Zorya"
    assert described.key == bare.key


def test_sources_outlet_name_inside_a_description(registry: SourceRegistry) -> None:
    source = resolve(registry, "Russia's Baza news agency")
    assert source.key == "reg:ru-baza"
    source = resolve(registry, "Russian propaganda outlet Russia Today")
    assert source.key == "reg:ru-rt" and source.kind == SourceKind.STATE_MEDIA


def test_sources_apposition_carries_the_office(registry: SourceRegistry) -> None:
    known = resolve(registry, "Mikhail Podolyak, an adviser to Ukrainian President Volodymyr Zelensky")
    assert known.key == "reg:ua-podolyak"
    invented = resolve(registry, "Ostap Hrytsenko, an adviser to the Ukrainian defence minister")
    assert invented.name == "Ostap Hrytsenko"
    assert invented.kind == SourceKind.OFFICIAL and invented.affiliation == "UA"


def test_sources_titles_before_names(registry: SourceRegistry) -> None:
    assert resolve(registry, "Kremlin spokesman Dmitry Peskov").key == "reg:ru-peskov"
    assert resolve(registry, "Belgorod Governor Vyacheslav Gladkov").key == "reg:ru-gladkov"


def test_sources_roles_name_their_holder(registry: SourceRegistry) -> None:
    assert resolve(registry, "the Kremlin spokesman").key == "reg:ru-peskov"
    assert resolve(registry, "Moscow's mayor").key == "reg:ru-sobyanin"
    assert resolve(registry, "the mayor of Moscow").key == "reg:ru-sobyanin"
    # a role held on the other side of the front is not the packaged holder
    installed = resolve(registry, "the Russian-installed governor of Zaporizhzhia")
    assert installed.key != "reg:ua-fedorov" and installed.affiliation == "RU"


def test_sources_someone_of_a_known_body_is_not_the_body(registry: SourceRegistry) -> None:
    official = resolve(registry, "a Kremlin official")
    assert official.key != "reg:ru-kremlin"
    assert official.affiliation == "RU" and is_anonymous(official)
    aide = resolve(registry, "Zelensky's chief of staff")
    assert aide.key != "reg:ua-zelensky" and aide.affiliation == "UA"


def test_sources_mouthpiece_speaks_for_its_body(registry: SourceRegistry) -> None:
    assert resolve(registry, "a spokesman for the Russian Defence Ministry").key == "reg:ru-mod"
    assert resolve(registry, "Pentagon spokesman").key == "reg:us-pentagon"


def test_sources_a_party_speaking_as_a_whole(registry: SourceRegistry) -> None:
    for text, code in (("Russia", "RU"), ("Kyiv", "UA"), ("the Kyiv regime", "UA")):
        source = resolve(registry, text)
        assert source.key == f"party:{code}"
        assert source.kind == SourceKind.OFFICIAL and source.affiliation == code


def test_sources_unknown_person_gets_a_name_key(registry: SourceRegistry) -> None:
    source = resolve(registry, "Halyna Marchenko")
    assert source.key == "name:halyna-marchenko"
    assert source.kind == SourceKind.UNKNOWN


# --------------------------------------------------------------------------- context


def test_sources_pronouns_resolve_to_the_last_compatible_source(registry: SourceRegistry) -> None:
    context = SourceContext()
    peskov = resolve(registry, "Dmitry Peskov", context)
    context.remember(peskov, person=True)
    agency = resolve(registry, "RIA Novosti", context)
    context.remember(agency, person=False)
    assert resolve(registry, "he", context).key == peskov.key
    assert resolve(registry, "it", context).key == agency.key
    assert resolve(registry, "he").kind == SourceKind.UNKNOWN  # nothing to refer to


def test_sources_definite_description_refers_back(registry: SourceRegistry) -> None:
    context = SourceContext()
    ministry = resolve(registry, "Russia's defence ministry", context)
    context.remember(ministry, person=False)
    channel = resolve(registry, "the Zorya Telegram channel", context)
    context.remember(channel, person=False)
    assert resolve(registry, "the ministry", context).key == ministry.key
    assert resolve(registry, "the channel", context).key == channel.key


def test_sources_surname_after_full_name_is_the_same_person(registry: SourceRegistry) -> None:
    context = SourceContext()
    full = resolve(registry, "Halyna Marchenko", context)
    context.remember(full, person=True)
    assert resolve(registry, "Marchenko", context).key == full.key


def test_sources_institution_of_one_party_is_affiliated_without_a_party_word(
    registry: SourceRegistry,
) -> None:
    source = resolve(registry, "the Poltava regional military administration")
    assert source.kind == SourceKind.OFFICIAL and source.affiliation == "UA"


def test_sources_earlier_source_keeps_its_kind_when_named_again(registry: SourceRegistry) -> None:
    context = SourceContext()
    channel = resolve(registry, "the Zorya Telegram channel", context)
    context.remember(channel, person=False)
    again = resolve(registry, "Zorya", context)
    assert again.kind == SourceKind.SOCIAL_MEDIA
    assert again.description == "Zorya"


# --------------------------------------------------------------------------- outlets and files


def test_sources_outlet_source(registry: SourceRegistry) -> None:
    assert outlet_source("Reuters", registry=registry).key == "reg:reuters"
    unknown = outlet_source("The Daily Lantern", registry=registry)
    assert unknown.key == "outlet:the-daily-lantern"
    assert unknown.kind == SourceKind.INDEPENDENT_MEDIA
    first = outlet_source(None, registry=registry, report_id="r1")
    second = outlet_source(None, registry=registry, report_id="r2")
    assert first.key != second.key  # unidentified outlets are not one source


def test_sources_user_registry_extends_and_replaces(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nid = "xx-lantern"\nname = "Lantern Wire"\nkind = "wire_agency"\n'
        'type = "outlet"\naliases = ["LW"]\n\n'
        '[[source]]\nid = "ru-tass"\nname = "TASS"\nkind = "wire_agency"\ntype = "outlet"\n'
        'country = "RU"\n',
        encoding="utf-8",
    )
    extended = SourceRegistry.load(settings.with_overrides(resource_dirs=(tmp_path,)))
    lantern = extended.match("LW")
    assert lantern is not None and lantern.name == "Lantern Wire"
    tass = extended.match("TASS")
    assert tass is not None and tass.kind == SourceKind.WIRE_AGENCY and tass.affiliation is None


def test_sources_malformed_registry_is_a_resource_error(tmp_path: Path, registry: SourceRegistry) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nid = "x"\nname = "X"\nkind = "rumour_mill"\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="source kind"):
        SourceRegistry.from_files([bad], parties=registry.parties, descriptors=registry.descriptors)


@pytest.mark.parametrize(
    ("outlet", "kind", "affiliation"),
    [
        ("Kherson Regional Military Administration (Telegram)", SourceKind.OFFICIAL, "UA"),
        ("General Staff of the Armed Forces of Ukraine", SourceKind.MILITARY, "UA"),
        ("Harbour Lights Gazette", SourceKind.INDEPENDENT_MEDIA, None),
        ("Residents of the Old Town", SourceKind.INDEPENDENT_MEDIA, None),
        # a platform in the parenthesis makes an account of an outlet with no office in its name
        ("Steppe Watchers (X)", SourceKind.SOCIAL_MEDIA, None),
        ("Harbour Lights Gazette (Facebook)", SourceKind.SOCIAL_MEDIA, None),
        # the name runs on past "of" to its office; the translation's language is no side
        ("Republic of Moldova Ministry of National Defence (unofficial translation)", SourceKind.MILITARY, "MD"),
        ("Procuraduría General de Justicia de Sonora (statement, translated from Spanish)", SourceKind.OFFICIAL, None),
        # "Media"/"Press" before an office word is the body's office, not a longer outlet name
        ("Rapid Support Forces Press Office (Telegram)", SourceKind.MILITARY, "RSF"),
        # an armed group's own channel speaks for it
        ("Azawad Liberation Front (Telegram)", SourceKind.MILITARY, "FLA"),
        # a note on the genre leaves a paper a paper; a monitor's round-up is the monitor's
        ("Borderlands Weekly (newsletter digest)", SourceKind.INDEPENDENT_MEDIA, None),
        ("Conflict Pulse (weekly round-up)", SourceKind.EXPERT, None),
        # an armed group a note names owns the outlet; only the last parenthesis holds notes
        ("Voice of the Jihad Frontier (Tehreek-e-Taliban Pakistan, Telegram)", SourceKind.MILITARY, "TTP"),
        ("3rd Marine (Sabre) Brigade, Philippine Navy (Facebook)", SourceKind.MILITARY, "PH"),
        # an armed group's "Office of the Military Spokesperson" is no government office
        ("SPLM-IO Office of the Military Spokesperson", SourceKind.MILITARY, "SPLA-IO"),
    ],
)
def test_sources_an_unknown_outlet_is_read_from_its_name(
    registry: SourceRegistry, outlet: str, kind: SourceKind, affiliation: str | None
) -> None:
    source = outlet_source(outlet, registry=registry)
    assert (source.kind, source.affiliation) == (kind, affiliation)


def test_sources_a_registry_name_that_starts_a_longer_outlet_name_is_not_that_outlet(
    registry: SourceRegistry,
) -> None:
    assert resolve(registry, "the state-run National News Agency").name != "The National"
    assert resolve(registry, "a trader at the market").kind == SourceKind.EYEWITNESS
    assert resolve(registry, "the village's rescue team").kind == SourceKind.EYEWITNESS


def test_sources_a_party_after_lower_case_qualifiers_speaks_as_itself(registry: SourceRegistry) -> None:
    assert resolve(registry, "the banned TTP").key == "party:TTP"
    assert resolve(registry, "the outlawed JNIM").key == "party:JNIM"


def test_sources_a_registered_masthead_that_ends_a_longer_name_is_another_paper(registry: SourceRegistry) -> None:
    assert resolve(registry, "the Harbour Times").key != "reg:the-times"
    assert resolve(registry, "The Times").key == "reg:the-times"
    assert outlet_source("Odesa Times", registry=registry).kind == SourceKind.INDEPENDENT_MEDIA


# --------------------------------------------------------------------------- kinds of unfamiliar conflicts


@pytest.mark.parametrize(
    ("text", "kind", "affiliation"),
    [
        # an armed group speaking as itself or through its spokesman is military
        ("A spokesman for the Fano militia", SourceKind.MILITARY, "FANO"),
        ("JNIM", SourceKind.MILITARY, "JNIM"),
        ("the Jaime Martínez front of the EMC", SourceKind.MILITARY, "EMC"),
        # ... but the ministries of a group that governs are official
        ("the Houthi health ministry", SourceKind.OFFICIAL, "HOUTHIS"),
        ("the opposition National Unity Government", SourceKind.OFFICIAL, "NUG"),
        # media a party runs
        ("Houthi-run television", SourceKind.STATE_MEDIA, "HOUTHIS"),
        ("a Fano-run radio station", SourceKind.STATE_MEDIA, "FANO"),
        # a spokesman of armed forces
        ("an army spokesman", SourceKind.MILITARY, None),
        ("the spokesman of the Yemeni Armed Forces", SourceKind.MILITARY, "HOUTHIS"),
        # humanitarian and monitoring bodies, of no side
        ("a medical charity that runs a clinic in the district", SourceKind.EXPERT, None),
        ("health partners", SourceKind.EXPERT, None),
        ("a local human rights observatory", SourceKind.EXPERT, None),
        ("humanitarian agencies", SourceKind.EXPERT, None),
        # village heads and elders tell what they saw; a city's emergency headquarters is civil
        ("the village head", SourceKind.EYEWITNESS, None),
        ("local elders", SourceKind.EYEWITNESS, None),
        ("the testimonies gathered by its staff", SourceKind.EYEWITNESS, None),
        ("the city's emergency headquarters", SourceKind.OFFICIAL, None),
        # "general manager" is no general
        ("the general manager of the port corporation", SourceKind.OFFICIAL, None),
    ],
)
def test_sources_kinds_of_armed_groups_party_media_and_humanitarian_bodies(
    registry: SourceRegistry, text: str, kind: SourceKind, affiliation: str | None
) -> None:
    source = resolve(registry, text)
    assert (source.kind, source.affiliation) == (kind, affiliation)


def test_sources_humanitarian_agencies_in_the_registry_are_expert(registry: SourceRegistry) -> None:
    for name in ("OCHA", "UNHCR", "ICRC", "MSF"):
        assert resolve(registry, name).kind == SourceKind.EXPERT, name
    assert resolve(registry, "the UN Security Council").kind == SourceKind.OFFICIAL


@pytest.mark.parametrize(
    ("text", "kind", "affiliation"),
    [
        ("the Tatmadaw", SourceKind.MILITARY, "MM"),
        ("Naypyidaw", SourceKind.OFFICIAL, "MM"),
        ("the Colombian police", SourceKind.OFFICIAL, "CO"),
    ],
)
def test_sources_a_states_forces_named_whole_speak_for_it(
    registry: SourceRegistry, text: str, kind: SourceKind, affiliation: str
) -> None:
    found = resolve(registry, text)
    assert (found.kind, found.affiliation) == (kind, affiliation)


def test_sources_another_partys_adjective_before_a_registry_name_makes_it_that_partys(
    registry: SourceRegistry,
) -> None:
    assert resolve(registry, "Haitian National Police").affiliation == "HT"
    assert resolve(registry, "the National Police").affiliation == "UA"


def test_sources_a_military_blogger_is_a_channel_of_its_side(registry: SourceRegistry) -> None:
    found = resolve(registry, "a Russian military blogger")
    assert (found.kind, found.affiliation) == (SourceKind.SOCIAL_MEDIA, "RU")
    assert resolve(registry, "a Russian blogger").affiliation is None


def test_sources_a_mouthpiece_noun_makes_the_words_before_it_a_title(registry: SourceRegistry) -> None:
    # "Official Spokesman" speaks as the force; "a Kremlin official" is someone of the Kremlin
    assert resolve(registry, "Sudanese Armed Forces Official Spokesman").key == "reg:sd-saf"
    assert is_anonymous(resolve(registry, "a Kremlin official"))
    # the backer named in "-backed" is not the group
    assert resolve(registry, "the Rwanda-backed M23 movement").affiliation == "M23"


def test_sources_an_organisations_name_running_into_a_surname_is_a_person(registry: SourceRegistry) -> None:
    # "Jane" is no alias of Janes when "Doe" follows it
    assert resolve(registry, "Jane Doe, the governor").key != "reg:janes"
    assert resolve(registry, "Janes").key == "reg:janes"
