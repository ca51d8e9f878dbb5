"""Frames: which event each mention of a report is about (one report, end to end)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.stage import Extractor
from corroborator.normalise.stage import Normaliser
from corroborator.pipeline import Pipeline

Extract = Callable[[str], model.ExtractedReport]


@pytest.fixture(scope="module")
def extract(settings: Settings) -> Extract:
    pipeline = Pipeline(settings)

    def run(text: str) -> model.ExtractedReport:
        report = model.Report(id="r", text=text, published="2024-11-10T13:00:00+02:00")
        (extracted,) = pipeline.pipe([report])
        assert isinstance(extracted, model.ExtractedReport), extracted
        return extracted

    return run


def dated(frame: model.Frame) -> list[str]:
    return [t.span.text for t in frame.times]


def test_frames_a_relative_clause_dates_the_earlier_event_not_this_one(extract: Extract) -> None:
    report = extract(
        "Russia attacked Ukraine with 30 drones overnight into Sunday, and one of the targets was a "
        "substation in Poltava that had been struck only four days earlier.\n\n"
        "The substation was first hit in the early hours of Wednesday, when two drones struck it."
    )
    first, second = report.frames
    assert "four days earlier" not in dated(first)
    assert dated(second) == ["the early hours of Wednesday"]


def test_frames_an_attack_recalled_in_a_relative_clause_keeps_its_thing_and_town(extract: Extract) -> None:
    # the story goes on from the sentence's own event: the fire and the toll are tonight's;
    # the attack recalled of the depot is on the depot, in the town the report is about
    report = extract(
        "Sumy. Overnight the Russians again attacked the city with drones.\n\n"
        "Three drones hit the same fuel depot that was attacked on Wednesday. A tank caught fire.\n\n"
        "Two workers were injured."
    )
    tonight, recalled = report.frames
    of = {c.attribute: c for c in report.claims if c.frame_id == recalled.id}
    assert dated(recalled) == ["Wednesday"] and [p.place.name for p in recalled.places] == ["Sumy"]
    assert of[model.Attribute.TARGET].evidence.text.startswith("the same fuel depot")
    told_tonight = {c.attribute for c in report.claims if c.frame_id == tonight.id}
    assert {model.Attribute.DAMAGE, model.Attribute.INJURED} <= told_tonight
    assert not {model.Attribute.DAMAGE, model.Attribute.INJURED} & set(of)


def test_frames_a_relative_clause_of_motion_places_the_event(extract: Extract) -> None:
    # the drones crossed the line where they were shot down: a clause told by no event word
    # describes what was shot down, and its places are the scene's, down to the innermost one
    # (a clause told by an event word keeps its anchors: see the test above)
    report = extract(
        "Two drones that crossed the Line of Control in the Krishna Ghati sector of Poonch district "
        "were shot down by the army late on Saturday, officials said."
    )
    (frame,) = report.frames
    assert "Krishna Ghati" in [p.span.text for p in frame.places]
    # a clause that tells another event keeps its places: Iran is where the earlier attacks went
    report = extract(
        "The statement said the Nevatim base, from which attacks on Iran had been launched, was struck "
        "by several missiles on Sunday night, causing heavy damage."
    )
    assert "Iran" not in [p.span.text for f in report.frames for p in f.places]


def test_frames_a_bare_clock_in_the_next_paragraph_gives_the_events_hour(extract: Extract) -> None:
    # a paragraph of detail with no event word of its own: its clock is the hour of the day
    # the event before it was given, and a frame that already has an hour keeps it
    report = extract(
        "Two drones were shot down by the army over the border district late on Saturday, officials said.\n\n"
        "A spokesman said troops detected the quadcopters at around 9.40 pm and brought them down with rifles."
    )
    (frame,) = report.frames
    assert dated(frame) == ["late on Saturday", "around 9.40 pm"]
    assert frame.times[1].value == "2024-11-09T21:40"
    report = extract(
        "Two drones were shot down by the army at 21:15 on Saturday, officials said.\n\n"
        "A spokesman said troops had first detected the quadcopters at around 9.40 pm."
    )
    assert dated(report.frames[0]) == ["21:15 on Saturday"]


def test_frames_a_where_clause_happens_at_the_place_before_it_and_the_part_named_with_it(extract: Extract) -> None:
    # the parse hangs "dropped" on "opened"; the "where" says the events were at El Aguaje
    report = extract(
        "The prosecutor opened an investigation into the events of Thursday in the locality of El Aguaje, "
        "municipality of Aguililla, Michoacán, Mexico, where explosive devices were dropped from drones onto "
        "several homes."
    )
    (frame,) = report.frames
    assert {p.span.text for p in frame.places} >= {"El Aguaje", "Aguililla"}


def test_frames_an_attack_in_response_is_its_own_frame(extract: Extract) -> None:
    report = extract(
        "An Israeli drone strike on a car in southern Lebanon killed two men on Sunday morning.\n\n"
        "In the afternoon, Hezbollah said it had fired rockets at a base in northern Israel in response to the strike."
    )
    assert len(report.frames) == 2
    strike, rockets = report.frames
    assert {p.place.country_code for p in strike.places} == {"LB"}
    assert {p.place.country_code for p in rockets.places} == {"IL"}


def test_frames_the_place_a_response_answers_is_not_the_responses(extract: Extract) -> None:
    # Kfar Kila is where the earlier strike fell; the rockets answering it went elsewhere.
    report = extract(
        "In retaliation for the strike on the village of Kfar Kila in southern Lebanon, "
        "Hezbollah fired rockets at an army post on Sunday."
    )
    assert any(m.place.name == "Kfar Kila" for m in report.places)
    (rockets,) = [f for f in report.frames if any(m.trigger.text == "fired" for m in f.mentions)]
    assert all(p.place.name != "Kfar Kila" for p in rockets.places)


def test_frames_unanchored_interception_follows_the_frame_of_its_weapon_kind(
    settings: Settings, nlp: Language
) -> None:
    text = (
        "Russia attacked Lviv with drones overnight. In Kharkiv, two ballistic missiles hit a warehouse, "
        "the governor said. The air force said Russia had launched 40 attack drones and that all but "
        "three had been shot down."
    )
    report = Normaliser(settings=settings)(model.Report(id="r", text=text))
    extracted = Extractor(settings=settings, nlp=nlp)(report)
    frame_of = {c.attribute: c.frame_id for c in extracted.claims if c.attribute == model.Attribute.INTERCEPTED}
    drone_frame = next(f.id for f in extracted.frames if f.sub_event_type == "Air/drone strike")
    assert frame_of[model.Attribute.INTERCEPTED] == drone_frame


def _extract(settings: Settings, nlp: Language, text: str) -> model.ExtractedReport:
    report = Normaliser(settings=settings)(model.Report(id="r", text=text))
    return Extractor(settings=settings, nlp=nlp)(report)


def test_frames_attacks_by_opposing_parties_are_kept_apart(settings: Settings, nlp: Language) -> None:
    text = (
        "An Israeli drone strike on a car near the village killed two men on Monday. "
        "Hours later Hezbollah fired a barrage of rockets at an army base across the border."
    )
    frames = _extract(settings, nlp, text).frames
    assert len(frames) == 2


def test_frames_sub_type_from_the_first_weapon_told(settings: Settings, nlp: Language) -> None:
    text = (
        "Two glide bombs fell on the market on Saturday. The first bomb landed near the gate. "
        "Local officials claimed an air defence missile caused the explosions."
    )
    (frame,) = _extract(settings, nlp, text).frames
    assert frame.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Insurgents attacked the coastal village of Mbau on Sunday night and beheaded three fishermen.",
            "Attack",
        ),
        ("Gunmen raided the village of Kotoko on Monday, shooting five farmers, police said.", "Attack"),
        ("Militants attacked an army post on Monday night; the fighting lasted two hours.", "Armed clash"),
        # a weapon of remote violence keeps its own type
        ("A drone attacked the village of Bilky on Monday and shot two farmers.", "Air/drone strike"),
        ("Troops attacked the village of Velino on Monday night.", "Shelling/artillery/missile attack"),
    ],
)
def test_frames_a_weaponless_attack_told_as_shooting_or_fighting_is_a_ground_attack(
    settings: Settings, nlp: Language, text: str, sub_type: str
) -> None:
    (frame,) = _extract(settings, nlp, text).frames
    assert frame.sub_event_type == sub_type


@pytest.mark.parametrize(
    ("text", "event_type", "sub_type"),
    [
        # irregulars attacking armed men or their posts: a battle
        ("Militants attacked an army post on Monday night.", "Battles", "Armed clash"),
        ("The police station in Dorvik was attacked by bandits on Sunday.", "Battles", "Armed clash"),
        ("Armed men attacked a checkpoint outside Dorvik on Sunday.", "Battles", "Armed clash"),
        ("Separatist fighters carried out an attack on an army base near Dorvik on Sunday.", "Battles",
         "Armed clash"),
        # anyone or anything else: violence against civilians
        ("Gunmen attacked the village of Tessik on Monday.", "Violence against civilians", "Attack"),
        ("Insurgents ambushed a minibus near Tessik on Friday, killing the driver.", "Violence against civilians",
         "Attack"),
        # an ambush is fought on the ground whoever lays it
        ("On Friday the same group ambushed an army patrol near Tessik.", "Battles", "Armed clash"),
        # a named armed group as the attack's agent
        ("Al-Shabaab attacked the village of Tessik on Sunday.", "Violence against civilians", "Attack"),
        # a weapon of remote violence, or a word naming one, keeps the attack explosive
        ("Militants attacked an army post with drones on Monday night.", "Explosions/Remote violence",
         "Air/drone strike"),
        ("Separatists shelled the town of Tessik on Sunday.", "Explosions/Remote violence",
         "Shelling/artillery/missile attack"),
        # a killing whose agent is armed men on foot, with no weapon named
        ("Soldiers raided Tessik at dawn on Monday and killed four villagers.", "Violence against civilians",
         "Attack"),
        ("Gunmen killed three farmers near Tessik on Sunday.", "Violence against civilians", "Attack"),
        ("Troops killed six militants in a forest near Tessik on Sunday.", "Battles", "Armed clash"),
    ],
)
def test_frames_a_weaponless_attack_by_irregulars_is_typed_by_its_target(
    settings: Settings, nlp: Language, text: str, event_type: str, sub_type: str
) -> None:
    (frame,) = _extract(settings, nlp, text).frames
    assert (frame.event_type, frame.sub_event_type) == (event_type, sub_type)


def test_frames_counts_carry_the_kind_of_weapon_they_count(extract: Extract) -> None:
    report = extract(
        "Russia attacked Ukraine overnight with three Kh-101 cruise missiles and 40 Shahed drones, "
        "the air force said. All but four drones were shot down. The missiles were not intercepted."
    )
    counts = {
        (c.attribute.value, c.value.min, c.value.counted) for c in report.claims if isinstance(c.value, model.Quantity)
    }
    assert ("launched", 3, "missile") in counts
    assert ("launched", 40, "drone") in counts
    assert ("intercepted", 36, "drone") in counts  # the whole from the sentence before
    assert ("intercepted", 0, "missile") in counts


def test_frames_a_period_since_a_date_is_not_when_the_incident_happened(extract: Extract) -> None:
    report = extract(
        "A bomb went off under a freight train near Pochep on Sunday night, the governor said. "
        "It is the fourth act of sabotage on the railway line since August."
    )
    assert all("August" not in t.span.text for frame in report.frames for t in frame.times)


def test_frames_an_attack_under_way_since_a_clock_time_is_dated_by_it(extract: Extract) -> None:
    # a start within the day is when the attack began; a start on a day or a month still
    # bounds a period ("shelling has gone on since Tuesday")
    report = extract("Villagers in Tepalcatepec report drones dropping explosives on their homes since about 6:45 a.m.")
    (frame,) = report.frames
    assert dated(frame) == ["about 6:45 a.m."]
    report = extract("Drones have been attacking Kharkiv since dawn, the regional governor said.")
    (frame,) = report.frames
    assert dated(frame) == ["dawn"]
    report = extract("Artillery has shelled Kherson since Tuesday, the regional governor said.")
    assert all(not frame.times for frame in report.frames)


def test_frames_a_time_on_the_first_of_conjoined_verbs_dates_the_event_word_after_it(extract: Extract) -> None:
    # the parse hangs "at dawn on Friday" on "took off", no event word; the bombing shares its subject
    report = extract("Two drones took off from the hills at dawn on Friday and bombed the market in Tepalcatepec.")
    (frame,) = report.frames
    assert dated(frame) == ["dawn on Friday"]
    report = extract(
        "Residents said drones had been circling over Tepalcatepec since 9:15 a.m. and dropped explosives on a house."
    )
    (frame,) = report.frames
    assert dated(frame) == ["9:15 a.m."]
    # a verb with its own subject tells its own time
    report = extract("Soldiers reached Tepalcatepec on Monday and on Friday drones bombed the market.")
    assert [dated(frame) for frame in report.frames] == [["Friday"]]


def test_frames_a_year_in_background_sets_no_scene(extract: Extract) -> None:
    # "in 2023" dates the fighting's outbreak, not the strike the next paragraph tells: the
    # government's version of Tuesday's strike is that strike
    report = extract(
        "A drone strike on a minibus near the town of Kobo killed at least nine people on Tuesday, a hospital "
        "official said.\n\nResidents blamed the army, which has used armed drones against the militia since "
        "fighting broke out in the region in 2023.\n\nThe government said in a statement that security forces "
        "had struck a vehicle loaded with armed elements in the area."
    )
    (frame,) = report.frames
    assert dated(frame) == ["Tuesday"]


def test_frames_a_participle_after_its_clause_takes_the_clauses_time(extract: Extract) -> None:
    # the parse hangs the time on "carried out", no event word; "targeting" tells what it did
    report = extract(
        "The coastal brigade carried out an operation at dawn on Tuesday, targeting a tanker in the Gulf of Aden "
        "with two missiles."
    )
    (frame,) = report.frames
    assert dated(frame) == ["dawn on Tuesday"]


def test_frames_a_time_after_the_reported_clause_is_the_clauses_not_the_saying(extract: Extract) -> None:
    # the parse hangs the time on "reported"; it follows the reported clause, whose time it is
    report = extract(
        "Residents of Tepalcatepec reported drones dropping explosives on houses since shortly after 9:30 a.m."
    )
    (frame,) = report.frames
    assert dated(frame) == ["shortly after 9:30 a.m."]
    # before the clause it dates the saying
    report = extract("The army said on Monday that drones struck a fuel depot in Kharkiv.")
    assert [dated(frame) for frame in report.frames] == [[]]


def test_frames_an_attack_told_as_an_armed_partys_act_is_an_event_a_metaphor_is_not(extract: Extract) -> None:
    assert len(extract("Russian troops launched an attack on Kyiv.").frames) == 1
    assert extract("The senator attacked the bill in a speech.").frames == ()


def test_frames_a_claim_dated_by_its_saying_takes_no_day_from_the_paragraph_before(extract: Extract) -> None:
    report = extract(
        "A drone strike on a market in Gaskinde killed at least 30 civilians on Friday, residents said.\n\n"
        "A local official said 34 bodies had been buried in Gaskinde on Saturday.\n\n"
        'The army said on Saturday it had struck "a large gathering of terrorists" in Gaskinde.'
    )
    (frame,) = report.frames
    assert dated(frame) == ["Friday"]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Today, Saturday 9 November, at 14:10, a drone targeted a car near Amuda.", ["2024-11-09T14:10"]),
        # a page republished later: the day named holds, not the day "this morning" counts from
        ("This morning, Wednesday 23 October, at 5:20, a drone hit a house in Zawiya.", ["2024-10-23T05:20"]),
        ("Yesterday, Saturday, at 9:20 p.m., a drone heading for the depot was shot down.", ["2024-11-09T21:20"]),
        ("Last night a drone hit a house in Kharkiv.", ["2024-11-09TNI"]),
        # a part of the day told at once to the minute, the parse hanging the clocks on it
        ("Last night from 03:20 till 05:10 our city was attacked by unmanned boats.", ["2024-11-10T03:20"]),
    ],
)
def test_frames_a_day_told_again_by_name_or_to_the_minute_is_one_time(
    extract: Extract, text: str, times: list[str]
) -> None:
    (frame,) = extract(text).frames
    assert [t.value for t in frame.times] == times


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "At least seven shells landed in the market of El Obeid between 10:30 and 10:45 a.m. on 3 November.",
            "2024-11-03 10:30",
            "2024-11-03 10:46",
        ),
        # with no day told, an overnight range ends on the day both clocks were read for
        (
            "Sea drones attacked the naval base in Novorossiysk between 23:30 and 05:10, the ministry said.",
            "2024-11-09 23:30",
            "2024-11-10 05:11",
        ),
        (
            "Drones attacked the depot in Kharkiv from 03:20 till 05:10 on Saturday.",
            "2024-11-09 03:20",
            "2024-11-09 05:11",
        ),
    ],
)
def test_frames_a_range_of_clocks_is_one_time_from_the_first_to_the_second(
    extract: Extract, text: str, start: str, end: str
) -> None:
    (frame,) = extract(text).frames
    clocks = [t.interval for t in frame.times if t.clock and t.interval]
    assert [(f"{i.start:%Y-%m-%d %H:%M}", f"{i.end:%Y-%m-%d %H:%M}") for i in clocks] == [(start, end)]


def test_frames_a_strike_told_later_the_same_day_is_its_own_frame(extract: Extract) -> None:
    report = extract(
        "An Israeli drone struck a car near the village of Yaroun on Sunday morning, killing the driver.\n\n"
        "Later on Sunday, an Israeli drone struck an empty house a few kilometres to the east, causing damage."
    )
    assert len(report.frames) == 2


def test_frames_the_strike_that_took_place_at_a_time_is_the_attack_told_before(extract: Extract) -> None:
    report = extract(
        "An Israeli drone struck a motorcycle in the centre of Tyre on Thursday morning.\n\n"
        "The strike happened at about 9:40 a.m. near the old market, the agency said."
    )
    (strike,) = report.frames
    assert "about 9:40 a.m." in dated(strike)
    came = extract(
        "A military air strike on a monastery in Sagaing killed 17 people, residents said on Monday.\n\n"
        "The strike on the monastery came at around 1930 GMT on Sunday, one resident said."
    )
    (strike,) = came.frames
    assert "around 1930 GMT on Sunday" in dated(strike)
    began = extract(
        "A drone hit the substation in Pryluky overnight, residents said.\n\n"
        "The strike began at about 04:10 and lasted an hour."
    )
    (strike,) = began.frames
    assert "about 04:10" in dated(strike)


def test_frames_what_is_told_of_the_strike_is_told_of_the_attack_before(extract: Extract) -> None:
    report = extract(
        "Overnight Russia attacked Ukraine with 40 Shahed drones, the air force said. Most were shot "
        "down over the Dnipropetrovsk region.\n\n"
        "The main direction of the strike was the city of Dnipro."
    )
    (strike,) = report.frames
    assert "Dnipro" in {m.place.name for m in strike.places}


def test_frames_a_recurring_word_describing_a_thing_does_not_make_the_event_habitual(extract: Extract) -> None:
    # "weekly" says what the market is; "every week" says how often the strikes come.
    report = extract("Drones struck the weekly cattle market in Kramatorsk on Friday, the mayor said.")
    assert [m.modality for frame in report.frames for m in frame.mentions] == [model.Modality.ACTUAL]
    habitual = extract("Drones strike the cattle market in Kramatorsk every week, the mayor said.")
    assert habitual.frames == ()


@pytest.mark.parametrize(
    ("text", "incidents"),
    [
        ("Since 1 March, 412 militants have been neutralised in the province of Kherson.", 0),
        ("In the last week, a total of 40 fighters were killed in the valley near Kherson.", 0),
        ("Over the past two months, drones struck the refinery in Tuapse again and again.", 0),
        ("Since Friday night, drones have struck the refinery in Tuapse.", 1),  # two days: one event
    ],
)
def test_frames_a_count_over_a_week_or_more_is_a_record_not_an_incident(
    extract: Extract, text: str, incidents: int
) -> None:
    assert len(extract(text).frames) == incidents


def test_frames_a_tally_since_a_date_gives_no_count(extract: Extract) -> None:
    report = extract("Since 1 January, 2,317 fighters have been neutralised. On Friday a drone strike killed three.")
    killed = [c.value for c in report.claims if c.attribute is model.Attribute.KILLED]
    assert [(q.min, q.max) for q in killed if isinstance(q, model.Quantity)] == [(3, 3)]


def test_frames_the_target_told_again_in_the_passive_places_the_attack(extract: Extract) -> None:
    report = extract(
        "A drone strike on a lorry near Kramatorsk killed two people on Monday.\n\n"
        "The lorry was hit near Druzhkivka, north of Kramatorsk, as it carried grain, a driver said."
    )
    (strike,) = report.frames
    assert "Druzhkivka" in {p.place.name for p in strike.places}


def test_frames_a_clock_naming_no_day_is_on_the_day_the_frame_names(extract: Extract) -> None:
    # Published on Sunday 10 November: the strike was on Saturday, the dateline's date aside.
    report = extract(
        "ODESA, Nov 10 (Black Sea Wire) - A drone struck a grain warehouse in Odesa on Saturday, officials said.\n\n"
        "The warehouse was hit at about 14:30 GMT, a guard said."
    )
    (strike,) = report.frames
    clocks = {t.value for t in strike.times if t.clock}
    assert clocks == {"2024-11-09T14:30"}


def test_frames_a_datelines_date_dates_nothing_though_its_place_is_unread(extract: Extract) -> None:
    # a place in another country than the report's is not read as a place here; the line is a
    # dateline all the same, and its date is when the report was filed
    report = extract(
        "NAIROBI, Nov 10 (Rift Dispatch) - A drone strike on a minibus carrying passengers near the town of Woldia "
        "in Ethiopia's Amhara region killed at least 14 people on Saturday, a hospital official and residents said."
    )
    (strike,) = report.frames
    assert dated(strike) == ["Saturday"]


def test_frames_a_press_release_dateline_with_a_colon_dates_nothing(extract: Extract) -> None:
    # "Place, date:" opens a press office's release or a local journalist's post: the date is
    # when it was written; a sentence opened by a time before a comma and colon is no dateline
    report = extract(
        "Quetta, 10 November 2024: On 9 November 2024, terrorists targeted a police post in Quetta, "
        "Pakistan, with a quadcopter, injuring two policemen."
    )
    (strike,) = report.frames
    assert dated(strike) == ["9 November 2024"]
    opened = extract(
        "On Saturday, 9 November: a quadcopter hit a police post in Quetta, Pakistan, injuring two policemen."
    )
    (strike,) = opened.frames
    assert [t.value for t in strike.times] == ["2024-11-09"]


def test_frames_a_twelve_hour_clock_told_of_an_afternoon_is_after_noon(extract: Extract) -> None:
    report = extract(
        "A drone struck a wedding party in Kherson on Saturday afternoon. "
        "The drone hit the courtyard at around four o'clock, a neighbour said."
    )
    (strike,) = report.frames
    assert {t.clock for t in strike.times if t.clock} == {"16:00"}


def test_frames_a_period_events_are_counted_over_does_not_date_this_one(extract: Extract) -> None:
    report = extract(
        "Drones attacked the oil refinery in Syzran on Thursday night, for the fourth time this year, "
        "residents said."
    )
    (frame,) = report.frames
    assert "this year" not in dated(frame)


def test_frames_attacks_on_consecutive_named_days_are_two_frames(extract: Extract) -> None:
    report = extract(
        "On Friday 8 November, the air force struck a gathering of fighters near the village of Tin-Akof, "
        "killing several dozen.\n\n"
        "On Thursday 7 November, the garrison of Markoye was the target of an attack by an armed group. "
        "Five soldiers were killed and nine others were wounded."
    )
    assert [dated(f) for f in report.frames] == [["Friday 8 November"], ["Thursday 7 November"]]


def test_frames_a_night_and_the_next_day_stay_one_frame(extract: Extract) -> None:
    report = extract(
        "On the night of 6 November drones attacked the port of Izmail.\n\n"
        "On Thursday 7 November the port said one drone hit a warehouse."
    )
    assert len(report.frames) == 1


def test_frames_an_attack_days_before_the_one_told_is_another_frame(extract: Extract) -> None:
    report = extract(
        "A drone strike on a cattle market in Koutougou killed at least 20 civilians on Friday, "
        "a day after rebels attacked an army post in the town of Arbinda."
    )
    frame_of = {m.trigger.text: f.id for f in report.frames for m in f.mentions}
    assert frame_of["strike"] != frame_of["attacked"]


def test_frames_place_claims_leave_out_the_areas_their_places_lie_in(settings: Settings, nlp: Language) -> None:
    # "Liski, Voronezh region": the region says where Liski is; it is no other place of the event
    text = "A drone hit a school in Liski, Voronezh region, Russia, on Monday, the governor said."
    places = {c.value.place.name for c in _extract(settings, nlp, text).claims if isinstance(c.value, model.PlaceValue)}
    assert places == {"Liski"}


def test_frames_place_claims_keep_the_city_of_a_named_district(settings: Settings, nlp: Language) -> None:
    # a city is no area to leave out: a coder codes a city's district to the city
    text = "A drone hit a school in Kharkiv's Kyivskyi district on Monday, the mayor said."
    places = {c.value.place.name for c in _extract(settings, nlp, text).claims if isinstance(c.value, model.PlaceValue)}
    assert "Kharkiv" in places


def test_frames_a_village_named_before_its_noun_is_the_events_place(settings: Settings, nlp: Language) -> None:
    # the name hangs on "village", one arc further from the verb than the district after it;
    # the village, not only the district it lies in, is where the shell fell
    text = (
        "Two men were killed and a boy was injured when a mortar shell hit a shop in the Spinkai "
        "Raghzai village of Makeen tehsil in South Zarakan on Monday, Pakistani police said."
    )
    places = {c.value.place.name for c in _extract(settings, nlp, text).claims if isinstance(c.value, model.PlaceValue)}
    assert places == {"Spinkai Raghzai"}


def test_frames_a_country_before_the_event_word_does_not_push_its_town_out(extract: Extract) -> None:
    # "Burkina Faso" modifies the strike directly; the commune lies four arcs down the parse, and
    # the attack a day earlier is a rival event word in the same sentence.
    report = extract(
        "A Burkina Faso army drone strike on a crowded market in the northern commune of Pelga Yiri killed at "
        "least 20 people on Friday, a day after militants attacked a military base in the town of Djibo."
    )
    strike = next(f for f in report.frames if f.sub_event_type == "Air/drone strike")
    assert {p.span.text for p in strike.places} >= {"Pelga Yiri"}
    assert "Djibo" not in {p.span.text for p in strike.places}


def test_frames_an_act_said_in_a_clause_days_before_is_another_event_with_its_own_time(extract: Extract) -> None:
    report = extract(
        "Drones struck the Sarsang oil field in Iraq's Kurdistan region early on Tuesday, setting a tank on fire. "
        "The attack came a day after the Counter-Terrorism Directorate said it had downed a drone approaching the "
        "Khurmala oil field, south-west of Erbil, on Monday night."
    )
    assert [([p.span.text for p in f.places if p.place.kind == "oil_field"], [t.span.text for t in f.times])
            for f in report.frames] == [(["Sarsang oil field"], ["early on Tuesday"]),
                                        (["Khurmala oil field"], ["Monday night"])]


def test_frames_two_named_sites_of_one_kind_are_two_incidents(extract: Extract) -> None:
    # the second field's position is unknown, but it is not the first field
    report = extract(
        "At 6:45 a.m. today, Tuesday, the Sarsang oil field in Duhok province, Iraq, was attacked by three drones. "
        "Yesterday, Monday, at 9:20 p.m., a drone heading for the Khurmala field was also shot down."
    )
    fields = [[p.span.text for p in f.places if p.place.kind == "oil_field"] for f in report.frames]
    assert fields == [["Sarsang oil field"], ["Khurmala field"]]


def test_frames_a_word_that_only_names_armed_violence_grounds_a_recap(extract: Extract) -> None:
    # A round-up's one-line recap names no weapon, casualty or target beside the event word.
    report = extract(
        "Weekly round-up.\n\nSudan. The death toll from the 3 November shelling of Kadugli has risen, "
        "officials said.\n\nElsewhere, the finance minister attacked the central bank's plan."
    )
    assert [(f.sub_event_type, [p.span.text for p in f.places]) for f in report.frames] == [
        ("Shelling/artillery/missile attack", ["Kadugli"])
    ]


@pytest.fixture(scope="module")
def extract_undated(settings: Settings) -> Extract:
    pipeline = Pipeline(settings)

    def run(text: str) -> model.ExtractedReport:
        report = model.Report(id="u", text=text)
        (extracted,) = pipeline.pipe([report])
        assert isinstance(extracted, model.ExtractedReport), extracted
        return extracted

    return run


def test_frames_an_undated_weekday_reaches_its_frame(extract_undated: Extract) -> None:
    report = extract_undated(
        "On Sunday morning, gunmen raided a police post in the town of Kaya and killed four officers."
    )
    (frame,) = report.frames
    assert [(t.span.text, t.value) for t in frame.times] == [("Sunday morning", "XXXX-WXX-7TMO")]


def test_frames_different_weekdays_of_an_undated_report_are_two_frames(extract_undated: Extract) -> None:
    report = extract_undated(
        "On Monday, rebels attacked the army post in the town of Kaya.\n\n"
        "And the following day, Tuesday, an air force drone bombed a cattle market near the town."
    )
    assert [[t.span.text for t in f.times if t.value.startswith("XXXX-WXX")] for f in report.frames] == [
        ["Monday"],
        ["Tuesday"],
    ]


def test_frames_a_time_opening_the_sentence_dates_an_event_deep_in_it(extract: Extract) -> None:
    report = extract(
        "On Thursday, soldiers acting on a tip stopped a truck full of fighters who were driving to "
        "attack the market in Kaya."
    )
    (frame,) = report.frames
    assert dated(frame) == ["Thursday"]


def test_frames_a_strike_dated_by_its_own_modifier_after_a_weapon_is_the_attack(extract: Extract) -> None:
    report = extract(
        "The army's drone unit has flown missions over the hills for months. "
        "Medics put the toll of the 3 May strike in Kramatorsk at nine."
    )
    assert [[m.trigger.text for m in f.mentions] for f in report.frames] == [["strike"]]
    owned = extract(
        "Drones have circled the port for weeks. Nobody has counted the dead of Tuesday's strike on the docks."
    )
    assert [[m.trigger.text for m in f.mentions] for f in owned.frames] == [["strike"]]
    labour = extract("Dockers said the 3 May strike in Kramatorsk would go ahead. Pay talks failed on Monday.")
    assert labour.frames == ()


def test_frames_explosions_heard_on_one_night_are_an_event(extract: Extract) -> None:
    report = extract("Drones hit a depot in Lviv overnight. Explosions were also heard in Kramatorsk during the night.")
    heard = [f for f in report.frames if [m.trigger.text for m in f.mentions] == ["Explosions"]]
    assert [{p.place.name for p in f.places} for f in heard] == [{"Kramatorsk"}]
    assert [m.modality for f in heard for m in f.mentions] == [model.Modality.ACTUAL]
    habit = extract("Explosions are heard in Kramatorsk most nights, residents say.")
    assert habit.frames == ()
    metaphor = extract("An explosion of growth in Kramatorsk was seen in the spring, the bank said.")
    assert metaphor.frames == ()


def test_frames_a_time_in_a_conjoined_clause_with_its_own_subject_dates_that_event(extract: Extract) -> None:
    report = extract(
        "Blasts were heard in Lviv for an hour, and in Kramatorsk two missiles struck shortly before 4 a.m."
    )
    heard = next(f for f in report.frames if "Blasts" in [m.trigger.text for m in f.mentions])
    assert "shortly before 4 a.m." not in dated(heard)
    shared = extract("Russia attacked Lviv with drones and struck Kramatorsk with missiles overnight.")
    assert all("overnight" in dated(f) for f in shared.frames)


def test_frames_a_weapon_goes_to_the_nearest_event_of_its_sentence(extract: Extract) -> None:
    report = extract("Blasts were heard in Lviv for an hour, and in Kramatorsk two missiles struck a school at dawn.")
    struck = next(f for f in report.frames if "struck" in [m.trigger.text for m in f.mentions])
    weapons = {c.frame_id for c in report.claims if c.attribute == model.Attribute.WEAPON}
    assert weapons == {struck.id}


def test_frames_events_under_different_country_headings_are_different_incidents(extract: Extract) -> None:
    report = extract(
        "Weekly round-up.\n\n"
        "Ukraine. Drones hit a depot on the night of 5 to 6 November, killing one guard.\n\n"
        "Russia. The army claimed two hits on the oil terminal in Tuapse on the night of 5 to 6 November."
    )
    hits = [f for f in report.frames if "hits" in [m.trigger.text for m in f.mentions]]
    assert [[m.trigger.text for m in f.mentions] for f in hits] == [["hits"]]


def test_frames_an_act_days_before_the_event_the_clause_is_about_is_another_event(extract: Extract) -> None:
    report = extract(
        "Two missiles struck a factory in Lviv early on Friday, injuring three workers.\n\n"
        "The strike came three days after a drone hit a school on the other side of the city, killing a guard."
    )
    drone = [f for f in report.frames if [m.trigger.text for m in f.mentions] == ["hit"]]
    assert len(drone) == 1 and len(report.frames) == 2
    same = extract(
        "Two missiles struck a factory in Lviv early on Friday. The strike came minutes after sirens sounded, "
        "and a second missile hit the yard."
    )
    assert len(same.frames) == 1


def test_frames_another_strike_after_a_named_weapon_is_a_new_attack_of_that_kind(extract: Extract) -> None:
    report = extract(
        "A drone strike hit a wedding in the village of Tondikoire in western Niger on Sunday, residents said. "
        "Another strike hit the village of Bakoule two days later."
    )
    _, second = report.frames
    assert [p.place.name for p in second.places] == ["Bakoule"]
    assert second.sub_event_type == "Air/drone strike"


def test_frames_another_weapon_that_hits_another_town_is_another_attack(extract: Extract) -> None:
    report = extract(
        "A drone struck a bus near Kupiansk on Saturday, killing two people, officials said. "
        "Hours later, another drone hit a grain store in Balakliia, in the same region."
    )
    assert [[p.place.name for p in f.places] for f in report.frames] == [["Kupyansk"], ["Balakliya"]]
    # where it hit the same town (or a district of it), or names no place, it is the same attack
    same_town = extract(
        "A Russian drone hit a house in Kharkiv on Monday night. Another drone hit a warehouse in the city's "
        "Saltivskyi district."
    )
    assert len(same_town.frames) == 1
    unplaced = extract("One drone hit a house in Kharkiv on Monday. Another drone hit a warehouse.")
    assert len(unplaced.frames) == 1


def test_frames_a_strike_brought_in_anew_at_another_spot_is_another_attack(extract: Extract) -> None:
    report = extract(
        "Syria. Turkish drone strikes continued throughout October. On 17 October a strike on a farmer's car near "
        "Amuda killed three men. A strike on the Suwaydiyah gas plant the same evening cut power to much of Qamishli."
    )
    assert [claims_of(report, f).get("target") for f in report.frames] == ["a farmer's car", "the Suwaydiyah gas plant"]
    # "the strike" tells the same attack again, and a strike in the same town is the same attack
    again = extract(
        "A Russian drone hit a house in Kharkiv on Monday night. A strike on a warehouse in the city's Saltivskyi "
        "district followed minutes later."
    )
    assert len(again.frames) == 1


def claims_of(report: model.ExtractedReport, frame: model.Frame) -> dict[str, str]:
    found: dict[str, str] = {}
    for claim in report.claims:
        if claim.frame_id == frame.id:
            found[claim.attribute.value] = claim.evidence.text
    return found


def test_frames_a_toll_and_attacker_told_in_an_earlier_attacks_clause_are_that_attacks(extract: Extract) -> None:
    report = extract(
        "Two missiles struck a school in Kharkiv on Monday, the governor said. The strike came three nights "
        "after a Russian drone hit a dormitory in the Kyivskyi district, killing a nurse and injuring nine people."
    )
    school, dormitory = report.frames
    assert {"killed", "injured", "responsible_party"} <= claims_of(report, dormitory).keys()
    assert not {"killed", "injured", "responsible_party"} & claims_of(report, school).keys()


def test_frames_a_toll_goes_to_the_attack_on_the_place_its_clause_names(extract: Extract) -> None:
    report = extract(
        "Russia attacked Kyiv with drones and struck Odesa with missiles overnight, killing three people in "
        "Odesa and injuring four in Kyiv, officials said."
    )
    by_place = {f.places[0].place.name: claims_of(report, f) for f in report.frames}
    assert by_place["Odesa"]["killed"] == "killing three people"
    assert by_place["Kyiv"]["injured"] == "injuring four"
    assert "injured" not in by_place["Odesa"] and "killed" not in by_place["Kyiv"]


def _claims_of(report: model.ExtractedReport, frame: model.Frame) -> dict[model.Attribute, list[model.Claim]]:
    found: dict[model.Attribute, list[model.Claim]] = {}
    for claim in report.claims:
        if claim.frame_id == frame.id:
            found.setdefault(claim.attribute, []).append(claim)
    return found


def _coded(claims: list[model.Claim]) -> set[tuple[str, model.Stance]]:
    return {(c.value.code, c.stance) for c in claims if isinstance(c.value, model.Label)}


def test_frames_an_anchored_denial_is_the_frame_of_a_report_that_only_denies(extract: Extract) -> None:
    report = extract("The Nigerian army said it did not carry out any drone strike on the wedding in Maru on Sunday.")
    (frame,) = report.frames
    assert frame.denied and frame.primary
    assert frame.sub_event_type == "Air/drone strike"
    assert dated(frame) == ["Sunday"] and [p.place.name for p in frame.places] == ["Maru"]
    claims = _claims_of(report, frame)
    A = model.Attribute
    assert _coded(claims[A.RESPONSIBLE_PARTY]) == {("NG", model.Stance.DENIES)}
    assert [c.evidence.text for c in claims[A.TARGET]] == ["the wedding"]
    # the day, place and target a denial names are denied with it: they corroborate nothing
    assert all(c.stance == model.Stance.DENIES for a in (A.TARGET, A.PLACE, A.TIME) for c in claims[a])


def test_frames_a_denial_of_occurrence_by_a_third_party_names_no_party(extract: Extract) -> None:
    report = extract("No drone strike took place in Kherson on Saturday, the regional governor said.")
    (frame,) = report.frames
    assert frame.denied
    claims = _claims_of(report, frame)
    assert set(claims) == {model.Attribute.PLACE, model.Attribute.TIME}
    assert all(c.stance == model.Stance.DENIES for group in claims.values() for c in group)


@pytest.mark.parametrize(
    "text",
    [
        "We do not attack civilians with drones, the army said.",
        "The army never targets gatherings with its drones, a spokesman said.",
        "There was no drone attack, the ministry said.",
        "We have never attacked civilians with drones, the army said.",
        "If the drones had not hit the depot in Kherson on Sunday, the town would have burned.",
        "The minister did not attack his rival in Kyiv on Monday, his office said.",
    ],
)
def test_frames_unanchored_or_generic_denials_make_no_frame(extract: Extract, text: str) -> None:
    assert extract(text).frames == ()


def test_frames_a_denial_beside_the_account_of_the_event_joins_its_frame(extract: Extract) -> None:
    report = extract(
        "Russian drones struck the market in Kherson on Sunday, killing two people.\n\n"
        "The Russian defence ministry said Russian forces did not strike the market in Kherson."
    )
    (frame,) = report.frames
    assert not frame.denied
    claims = _claims_of(report, frame)
    parties = _coded(claims[model.Attribute.RESPONSIBLE_PARTY])
    assert parties == {("RU", model.Stance.ASSERTS), ("RU", model.Stance.DENIES)}
    # the speaker denies who struck, not what was struck
    assert all(c.stance == model.Stance.ASSERTS for c in claims[model.Attribute.TARGET])


def test_frames_a_denial_elsewhere_is_its_own_frame_but_not_the_news(extract: Extract) -> None:
    report = extract(
        "The ministry said Russian forces did not strike the hospital in Sumy on Friday. "
        "On Saturday, Russian drones hit a school in Kharkiv, injuring four pupils."
    )
    told, denied = report.frames
    assert told.primary and not told.denied
    assert denied.denied and not denied.primary
    assert [p.place.name for p in denied.places] == ["Sumy"]


def test_frames_a_time_between_a_speech_verb_and_its_clause_dates_the_saying(extract: Extract) -> None:
    report = extract(
        "The Nigerian army said on Monday it did not carry out any drone strike on the wedding in Maru on Sunday."
    )
    (frame,) = report.frames
    assert dated(frame) == ["Sunday"]
    told = extract("The governor said on Monday Russian drones hit the depot in Kherson on Sunday.")
    assert [dated(f) for f in told.frames] == [["Sunday"]]
    # after "that", the time is the reported clause's own
    inside = extract("Officials said that on Sunday drones hit the depot in Kherson.")
    assert [dated(f) for f in inside.frames] == [["Sunday"]]


def test_frames_a_denial_in_the_first_person_denies_the_speakers_side(extract: Extract) -> None:
    report = extract(
        '"We did not carry out any drone strike on the market in Kherson on Sunday," a spokesman for the '
        "Russian Defence Ministry said."
    )
    (frame,) = report.frames
    (party,) = _claims_of(report, frame)[model.Attribute.RESPONSIBLE_PARTY]
    assert _coded([party]) == {("RU", model.Stance.DENIES)}
    assert party.evidence.text.startswith("We did not carry out")


def test_frames_we_in_a_military_statement_strike_with_arms(extract: Extract) -> None:
    report = extract(
        '"We did not strike the hospital in Kherson on Sunday," a spokesman for the Russian Defence Ministry said.'
    )
    (frame,) = report.frames
    assert frame.denied
    assert _coded(_claims_of(report, frame)[model.Attribute.RESPONSIBLE_PARTY]) == {("RU", model.Stance.DENIES)}
    # a resident's "we" strikes nothing
    assert extract('"We struck a deal with the landlord on Sunday," a resident of Kherson said.').frames == ()


def test_frames_a_zone_stated_in_the_title_is_the_zone_of_the_clocks(settings: Settings) -> None:
    report = model.Report(
        id="r",
        title="LIVE: Drone strikes on Kharkiv (all times Kyiv time)",
        text="A drone struck a fuel depot in Kharkiv at 03:10 on Thursday, the governor said.",
        published="2026-10-15T12:00:00+03:00",
    )
    (extracted,) = Pipeline(settings).pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    assert [(t.span.text, t.timezone) for f in extracted.frames for t in f.times] == [
        ("03:10 on Thursday", "Europe/Kyiv")
    ]


def test_frames_plural_strikes_dated_to_one_day_are_that_days(settings: Settings, nlp: Language) -> None:
    """A bare plural is a campaign ("accused the army of carrying out air strikes in Tessik"),
    unless its clause dates it to one day or night."""
    dated = "The government accused the army on Thursday of carrying out air strikes in Tessik overnight."
    assert len(_extract(settings, nlp, dated).frames) == 1
    undated = "The government accused the army on Thursday of carrying out air strikes in Tessik."
    assert _extract(settings, nlp, undated).frames == ()


def test_frames_a_channels_posts_in_different_places_are_different_strikes(extract: Extract) -> None:
    text = (
        "[10.11.24 11:12] Urgent | An enemy drone targets a car at the entrance of Bint Jbeil, Lebanon.\n\n"
        "[10.11.24 11:47] Urgent | An enemy drone fired a guided missile at a motorcycle on the outskirts of "
        "Aitaroun, Lebanon. The rider was wounded."
    )
    frames = extract(text).frames
    assert [dated(f) for f in frames] == [["10.11.24 11:12"], ["10.11.24 11:47"]]


def test_frames_an_untimed_event_takes_its_earliest_entrys_stamp(extract: Extract) -> None:
    text = (
        "10:30\nThe toll from the drone strike in Kherson, Ukraine, has risen to three.\n\n"
        "08:10\nA drone hit a building in Kherson, Ukraine. Two people were wounded."
    )
    (frame,) = extract(text).frames
    assert dated(frame) == ["08:10"]


def test_frames_a_place_of_unknown_position_joins_the_frame_that_names_it(extract: Extract) -> None:
    # Bawum is in no gazetteer, so any frame might hold it; the one that names it is its own
    text = (
        "At dawn on Friday soldiers raided the village of Bawum, Cameroon, and shot dead four civilians. "
        "The raid took place the day after fighters detonated a roadside bomb against an army truck near Bali.\n\n"
        "The army said that five fighters were neutralised in Bawum."
    )
    frames = extract(text).frames
    (raid,) = [f for f in frames if any(m.trigger.text == "shot" for m in f.mentions)]
    assert "neutralised" in [m.trigger.text for m in raid.mentions]


def test_frames_a_means_named_outweighs_the_verbs_default_method(extract: Extract) -> None:
    # "shot down" alone reads as air defence; the side's own spokesman names the means
    text = (
        "Two drones were shot down over Poonch, India, late on Saturday, the Indian army said.\n\n"
        "An Indian army spokesman said troops detected the drones at around 9.40 pm and brought them down "
        "with small arms fire."
    )
    methods = [c.value.code for c in extract(text).claims if c.attribute == model.Attribute.INTERCEPTION_METHOD]
    assert methods == ["small_arms"]
    alone = extract("Two drones were shot down over Poonch, India, late on Saturday, the Indian army said.")
    assert [c.value.code for c in alone.claims if c.attribute == model.Attribute.INTERCEPTION_METHOD] == [
        "air_defence"
    ]


def test_frames_dated_entries_tell_their_own_days_events(extract: Extract) -> None:
    # a spokesman's posts gathered on one page: each entry's "this morning" is its own day's,
    # so the second day's raid is not the first day's ambush
    text = (
        "7 Nov: Our fighters destroyed an army truck with an IED near Bali, Cameroon, this morning.\n\n"
        "8 Nov: In revenge, soldiers raided the village of Bawum at dawn and killed four civilians."
    )
    first, second = extract(text).frames
    assert [t.value for t in first.times] == ["2024-11-07", "2024-11-07TMO"]
    assert [t.value for t in second.times] == ["2024-11-08", "2024-11-08TMO"]


def test_frames_an_entry_dated_by_its_own_words_keeps_them(extract: Extract) -> None:
    text = "12:40\nA drone hit a house in Kherson, Ukraine, at around 11 am, residents report."
    (frame,) = extract(text).frames
    assert dated(frame) == ["around 11 am"]


def test_frames_a_clock_told_after_a_late_night_is_that_nights(extract: Extract) -> None:
    text = (
        "Mortar shells were fired at the airport in Mogadishu, Somalia, late on Friday night, police said. "
        "Residents said they heard five loud explosions at around 9:40 pm."
    )
    (frame,) = extract(text).frames
    assert [t.value for t in frame.times] == ["2024-11-08TNI", "2024-11-08T21:40"]


def day_of(frame: model.Frame) -> str | None:
    return next((t.value for t in frame.times if t.timex_type == model.TimexType.DATE), None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # published Sunday 10 November 2024
        ("Traders swept the ruined stalls on Saturday, a day after a drone strike killed six people.", "2024-11-08"),
        ("The funeral was held on Saturday, two days after the air strike on the village killed four people.",
         "2024-11-07"),
        ("Residents returned on Saturday, a day after drones struck the depot and killed two guards.", "2024-11-08"),
        # its own date wins
        ("Residents returned on Saturday, two days after drones struck the depot on Wednesday, killing two guards.",
         "2024-11-06"),
    ],
)
def test_frames_an_event_a_count_of_days_before_the_clauses_day(extract: Extract, text: str, day: str) -> None:
    (frame,) = [f for f in extract(text).frames if day_of(f) is not None][:1]
    assert day_of(frame) == day


def test_frames_a_later_toll_goes_to_the_frame_at_the_place_it_names(extract: Extract) -> None:
    report = extract(
        "14:05 A drone struck a car in Bint Jbail, killing one man.\n\n"
        "14:40 Another drone hit a motorcycle near Aitaroun, wounding the rider.\n\n"
        "16:10 The martyrs of the Bint Jbail strike rise to two."
    )
    by_place = {f.places[0].place.name: f for f in report.frames if f.places}
    killed = {
        c.frame_id: c.value
        for c in report.claims
        if c.attribute == model.Attribute.KILLED and "rise to two" in c.evidence.text
    }
    (frame_id,) = killed
    assert frame_id == by_place["Bent Jbaïl"].id


def test_frames_an_earlier_attack_named_inside_a_strike_is_its_own(extract: Extract) -> None:
    # "Thursday's ambush" dates the ambush, not the strike on the camps used by those behind it;
    # the deaths told with the strike are the strike's; the villagers' clock fits the night of
    # the strikes, not Thursday
    report = extract(
        "The government accused the neighbouring army of carrying out air strikes in Kotal district "
        "overnight, saying six civilians had died.\n\n"
        'Army officials said jets had struck "camps of the bandits" used by the gunmen behind Thursday\'s '
        'ambush on a convoy near Sarband, and that "scores of bandits" had been killed.\n\n'
        "Villagers told the agency that the bombing began at about 1:30 a.m. and flattened two houses."
    )
    strikes = next(f for f in report.frames if any(m.trigger.text == "air strikes" for m in f.mentions))
    assert "Thursday" not in dated(strikes)
    assert {"struck", "killed", "bombing"} <= {m.trigger.text for m in strikes.mentions}
    ambush = next(f for f in report.frames if f is not strikes)
    assert dated(ambush) == ["Thursday"]


def test_frames_a_sentence_opened_as_separate_tells_another_event_not_placed_by_the_report_town(
    extract: Extract,
) -> None:
    report = extract(
        "A drone strike on a car in the town of Kfar Kila in southern Lebanon on Saturday afternoon killed two men, "
        "the ministry said.\n\n"
        "In a separate incident, a strike on a motorcycle on the Wadi Saluki road injured one man."
    )
    car, motorcycle = report.frames
    assert "Kfar Kila" in {p.place.name for p in car.places}
    assert motorcycle.places == ()


def test_frames_a_time_the_parse_strands_from_the_sentences_one_event_is_its(extract: Extract) -> None:
    # the long subject breaks the parse: the time hangs on "known", not on "attacked"
    report = extract(
        'Insurgents of the Northern Front (NF), known locally as al-Harakat or "bandidos", attacked Kotal (also '
        "spelled Kottal), on the coast of Sarban district, around 9 pm on 6 November. Local sources report that at "
        "least five civilians were killed."
    )
    (frame,) = report.frames
    assert dated(frame) == ["around 9 pm on 6 November"]
    # a saying's time is not stranded
    report = extract("The police said on Friday that gunmen raided the village.")
    assert all("Friday" not in dated(f) for f in report.frames)


def test_frames_a_clock_with_no_day_and_a_drone_join_the_drone_strike(extract: Extract) -> None:
    # "0930" is a clock, not a year; "the drone" is the strike's, not the militants' raid told
    # last; and Djibo is where the trader spoke from, not where the drone fired.
    report = extract(
        "A drone strike on a crowded market in the village of Kourakou killed at least 20 civilians on Friday, "
        "residents said, a day after militants attacked an army base in the nearby town of Djibo.\n\n"
        "The drone fired at least three munitions into the market between 0930 and 1000 GMT, a trader told "
        "the agency by phone from Djibo."
    )
    (strike,) = [f for f in report.frames if any(m.trigger.text == "strike" for m in f.mentions)]
    assert "fired" in {m.trigger.text for m in strike.mentions}
    clock = next(t for t in strike.times if t.span.text == "0930")
    assert clock.value is not None and clock.value.startswith("2024-11-08T09:30")
    assert "Djibo" not in {p.span.text for p in strike.places}


def test_frames_a_generic_weapon_word_retelling_a_named_model_is_one_weapon(extract: Extract) -> None:
    # the same source's "the missiles" after "two Iskander-M ballistic missiles" is that weapon;
    # a weapon of another kind stays its own
    report = extract(
        "Russia struck the port of Odesa with two Iskander-M ballistic missiles on Saturday morning, the "
        "regional administration said. The missiles hit a warehouse and a drone hit a car park."
    )
    weapons = sorted({c.value.code for c in report.claims if c.attribute == model.Attribute.WEAPON})
    assert weapons == ["ballistic_missile", "drone"]
