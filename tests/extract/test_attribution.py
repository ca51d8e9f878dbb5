"""Who said what: attributions found in hand-written report text with known answers.

The sentences are invented for these tests; the places and offices are real so that the
registry and the party table have something to recognise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from spacy.language import Language

from corroborator.config import Settings
from corroborator.errors import PipelineError
from corroborator.extract.attribution import find_attributions
from corroborator.extract.sources import DOCUMENT_PREFIX, HEDGE_PREFIX, SourceRegistry, is_anonymous
from corroborator.model import (
    Attribution,
    NormalisedReport,
    Paragraph,
    PublicationTime,
    Report,
    SourceKind,
    Stance,
)

Find = Callable[[str], list[Attribution]]


def normalised(text: str, report_id: str = "t") -> NormalisedReport:
    """A report whose paragraphs are its non-empty lines."""
    paragraphs = tuple(Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text))
    return NormalisedReport(
        report=Report(id=report_id, text=text),
        text=text,
        paragraphs=paragraphs,
        publication=PublicationTime(),
    )


@pytest.fixture(scope="module")
def registry(settings: Settings) -> SourceRegistry:
    return SourceRegistry.load(settings)


@pytest.fixture(scope="module")
def find(nlp: Language, registry: SourceRegistry) -> Find:
    def run(text: str) -> list[Attribution]:
        return find_attributions(nlp(text), report=normalised(text), registry=registry)

    return run


def only(attributions: list[Attribution], cue: str) -> Attribution:
    """The one attribution whose cue is `cue`."""
    found = [a for a in attributions if a.cue_span is not None and a.cue_span.text == cue]
    assert len(found) == 1, [(a.cue_span.text if a.cue_span else None, a.content_span.text) for a in attributions]
    return found[0]


# --------------------------------------------------------------------------------- direct speech


def test_attribution_speaker_after_the_quote(find: Find) -> None:
    text = '"The air defence worked through the night," the governor of the Kharkiv region said.'
    a = only(find(text), "said")
    assert a.content_span.text == '"The air defence worked through the night,"'
    assert a.quote
    assert a.source_span is not None and a.source_span.text == "the governor of the Kharkiv region"
    assert a.source.kind == SourceKind.OFFICIAL
    assert a.stance == Stance.ASSERTS


def test_attribution_inverted_speaker_after_the_quote(find: Find) -> None:
    a = only(find('"Two warehouses burned," said Oleh Kiper.'), "said")
    assert a.source.key == "reg:ua-kiper"
    assert a.content_span.text == '"Two warehouses burned,"'


def test_attribution_a_when_clause_between_content_and_speaker_is_told(find: Find) -> None:
    # the parser hangs the "when" clause on "told"; it is part of what the team told
    text = (
        "Seven people died, among them a teacher, when a military jet bombed a school sheltering displaced "
        "people near the river early on Friday, the rescue team told our reporter."
    )
    a = only(find(text), "told")
    assert a.content_span.text == (
        "Seven people died, among them a teacher, when a military jet bombed a school sheltering displaced "
        "people near the river early on Friday"
    )
    assert a.source_span is not None and a.source_span.text == "the rescue team"


def test_attribution_speaker_then_colon_then_quote(find: Find) -> None:
    a = only(find('The ministry said: "All targets were hit."'), "said")
    assert a.content_span.text == '"All targets were hit."'
    assert a.quote


def test_attribution_a_sources_label_opening_an_entry_owns_the_entry(find: Find) -> None:
    # a live blog's stamped entry opened by its source: the whole entry is the source's
    text = "06:20\nThe regional military administration: one woman killed, nine injured. Five drones hit the port."
    a = only(find(text), ":")
    assert a.content_span.text.endswith("Five drones hit the port")
    assert a.source.kind == SourceKind.OFFICIAL


def test_attribution_quote_over_several_sentences(find: Find) -> None:
    text = '"The first blast woke us. The second broke the windows. Then the lights went out," a resident said.'
    a = only(find(text), "said")
    assert a.content_span.text.startswith('"The first blast woke us.')
    assert a.content_span.text.endswith('went out,"')
    assert a.source.kind == SourceKind.EYEWITNESS


def test_attribution_quote_continues_over_paragraphs(find: Find) -> None:
    text = (
        'Mayor Ihor Terekhov wrote on Telegram: "Three districts lost power overnight.\n\n'
        '"Repair crews are already at work.\n\n'
        '"Schools will stay closed on Monday."\n\n'
        "The city has been shelled daily since spring."
    )
    found = find(text)
    quoted = [a for a in found if a.source.key == "reg:ua-terekhov"]
    assert [a.content_span.text for a in quoted] == [
        '"Three districts lost power overnight.',
        '"Repair crews are already at work.',
        '"Schools will stay closed on Monday."',
    ]
    assert {a.medium for a in quoted} == {"Telegram"}
    assert all(a.cue_span == quoted[0].cue_span for a in quoted)
    assert not any("shelled daily" in a.content_span.text for a in found)


def test_attribution_quote_after_the_cue_sentence_continues_the_speaker(find: Find) -> None:
    text = '"We saw two drones," the farmer told reporters. "One fell in the field."'
    found = [a for a in find(text) if a.cue_span is not None and a.cue_span.text == "told"]
    assert [a.content_span.text for a in found] == [
        '"We saw two drones,"',
        '"One fell in the field."',
    ]
    assert len({a.source.key for a in found}) == 1


def test_attribution_quote_does_not_continue_past_another_speaker(find: Find) -> None:
    text = (
        '"The port was not hit," the navy spokesman said.\n\n'
        "Local residents disputed that account.\n\n"
        '"We heard three explosions near the docks."'
    )
    found = find(text)
    assert not any(a.content_span.text.startswith('"We heard') and a.source.kind == SourceKind.MILITARY for a in found)


def test_attribution_scare_quotes_are_not_speech(find: Find) -> None:
    assert find('The so-called "security zone" was extended to the river.') == []


# ------------------------------------------------------------------------------- indirect speech


def test_attribution_said_that_clause(find: Find) -> None:
    a = only(find("The regional governor said that four people were injured in the strike."), "said")
    assert a.content_span.text == "that four people were injured in the strike"
    assert not a.quote


def test_attribution_a_part_of_things_makes_no_statement_of_its_own(find: Find) -> None:
    # "aim" is a cue, but "most of them" are drones: the clause stays in the air force's content
    text = (
        "The air force said Russia had launched 54 Shahed-type drones, most of them aimed at the Kyiv "
        "region, and that all but two had been shot down."
    )
    a = only(find(text), "said")
    assert a.content_span.text.endswith("all but two had been shot down")


def test_attribution_a_speaker_the_parse_hung_on_the_content_without_a_comma(find: Find) -> None:
    # the parser makes "the head" an apposition of "people" and leaves "said" without a subject
    text = (
        "Missiles struck an enterprise in Kharkiv early on Saturday, injuring three people, the head of "
        "the Kharkiv regional military administration said."
    )
    a = only(find(text), "said")
    assert a.source_span is not None and a.source_span.text.startswith("the head of the Kharkiv")
    assert a.content_span.text.endswith("injuring three people")
    assert (a.source.kind, a.source.affiliation) == (SourceKind.OFFICIAL, "UA")


def test_attribution_dateline_is_not_content(find: Find) -> None:
    text = "ODESA, Aug 3 (Lantern Wire) - Drones hit a grain terminal overnight, regional officials said."
    a = only(find(text), "said")
    assert a.content_span.text == "Drones hit a grain terminal overnight"


def test_attribution_said_without_that(find: Find) -> None:
    a = only(find("Officials in Odesa said the port would reopen on Friday."), "said")
    assert a.content_span.text == "the port would reopen on Friday"
    assert a.source.kind == SourceKind.OFFICIAL


def test_attribution_claim_relays_without_vouching(find: Find) -> None:
    a = only(find("Russian authorities claim that the drones were launched from Sumy."), "claim")
    assert a.stance == Stance.REPORTS
    assert a.source.affiliation == "RU"


def test_attribution_denial(find: Find) -> None:
    a = only(find("A Ukrainian military spokesman denied any involvement in the blast."), "denied")
    assert a.stance == Stance.DENIES
    assert a.content_span.text == "any involvement in the blast"
    assert a.source.affiliation == "UA"


def test_attribution_suspicion_is_speculation(find: Find) -> None:
    a = only(find("Investigators suspect that the fire was started deliberately."), "suspect")
    assert a.stance == Stance.SPECULATES


def test_attribution_acknowledged_and_reported(find: Find) -> None:
    found = find("The ministry acknowledged that a depot was damaged. Ukrinform reported that two drones were downed.")
    assert only(found, "acknowledged").content_span.text == "that a depot was damaged"
    reported = only(found, "reported")
    assert reported.source.key == "reg:ua-ukrinform"


def test_attribution_told_an_agency_is_relayed_by_it(find: Find) -> None:
    a = only(find("Dmitry Peskov told TASS that the talks would not resume."), "told")
    assert a.source.key == "reg:ru-peskov"
    assert [v.key for v in a.via] == ["reg:ru-tass"]


def test_attribution_told_reporters_is_not_a_relay(find: Find) -> None:
    a = only(find("The commander told reporters that the line was holding."), "told")
    assert a.via == ()


def test_attribution_medium_of_the_statement(find: Find) -> None:
    telegram = only(find("Governor Vyacheslav Gladkov wrote on Telegram that a power line was cut."), "wrote")
    assert telegram.medium == "Telegram" and telegram.source.key == "reg:ru-gladkov"
    tweet = only(find("The foreign minister said in a tweet that the embassy was safe."), "said")
    assert tweet.medium == "tweet"
    statement = only(find("In a statement, the ministry said its air defences shot down six drones."), "said")
    assert statement.medium == "statement"


def test_attribution_according_to_before_and_after(find: Find) -> None:
    first = only(find("According to the local police, the convoy was hit twice."), "According to")
    assert first.content_span.text == "the convoy was hit twice"
    after = only(find("The convoy was hit twice, according to the local police."), "according to")
    assert after.content_span.text == "The convoy was hit twice"
    assert first.source.key == after.source.key


def test_attribution_closing_according_to_covers_every_coordinated_clause(find: Find) -> None:
    closing = only(
        find("A drone hit the clinic on Monday, killed two nurses and injured six, according to the health office."),
        "according to",
    )
    assert closing.content_span.text == "A drone hit the clinic on Monday, killed two nurses and injured six"


def test_attribution_as_stated_by(find: Find) -> None:
    a = only(find("As stated by Ukrinform, the bridge was closed to traffic."), "stated")
    assert a.source.key == "reg:ua-ukrinform"
    assert a.content_span.text == "the bridge was closed to traffic"


# ---------------------------------------------------------------------------- who the speaker is


def test_attribution_pronoun_resolves_to_the_last_named_person(find: Find) -> None:
    text = (
        "Governor Vyacheslav Gladkov said a substation was damaged. "
        "According to RIA Novosti, repairs began at once. "
        '"Nobody was hurt," he added.'
    )
    a = only(find(text), "added")
    assert a.source.key == "reg:ru-gladkov"
    assert a.source_span is not None and a.source_span.text == "he"


def test_attribution_pronoun_after_a_person_the_report_introduced(find: Find) -> None:
    text = (
        "Olena Marchuk was hanging washing in her yard when the drone came over the roofs. "
        '"It sounded like a moped," she said.'
    )
    a = only(find(text), "said")
    assert a.source.name == "Olena Marchuk"


def test_attribution_nobody_claims_nothing(find: Find) -> None:
    assert find("Neither side offered evidence for its version.") == []


def test_attribution_definite_description_resolves_to_the_named_body(find: Find) -> None:
    text = (
        "Russia's defence ministry said 14 drones were destroyed over the Bryansk region. "
        "The ministry added that there was no damage."
    )
    a = only(find(text), "added")
    assert a.source.key == "reg:ru-mod"


def test_attribution_relative_pronoun_speaker(find: Find) -> None:
    a = only(find("The strike was confirmed by Ivan Fedorov, who said three houses burned."), "said")
    assert a.source.key == "reg:ua-fedorov"
    assert a.source_span is not None and a.source_span.text == "who"


def test_attribution_first_person_inside_a_quote_is_the_speaker(find: Find) -> None:
    text = '"I believe the drones came from the north," the mayor of Kharkiv said.'
    found = find(text)
    outer, inner = only(found, "said"), only(found, "believe")
    assert inner.source.key == outer.source.key == "reg:ua-terekhov"
    assert inner.via == ()


# ---------------------------------------------------------------------------------------- chains


def test_attribution_residents_quoted_by_a_channel(find: Find) -> None:
    a = only(
        find("According to residents, quoted by the Zorya channel, the blast shook the whole street."),
        "According to",
    )
    assert a.source.kind == SourceKind.EYEWITNESS
    assert [v.name for v in a.via] == ["Zorya"]
    assert a.via[0].kind == SourceKind.SOCIAL_MEDIA


def test_attribution_claim_relayed_by_a_channel(find: Find) -> None:
    # (the small English model reads "claim" as a noun after "Residents of the district")
    text = "Residents claim that they heard four explosions, according to the Zorya Telegram channel."
    found = find(text)
    claim = only(found, "claim")
    assert claim.source.kind == SourceKind.EYEWITNESS
    assert [v.name for v in claim.via] == ["Zorya"]
    assert claim.stance == Stance.REPORTS


def test_attribution_citing_sources(find: Find) -> None:
    a = only(
        find("Reuters, citing two sources, reported that the refinery had stopped work."),
        "reported",
    )
    assert a.source.kind == SourceKind.ANONYMOUS
    assert [v.key for v in a.via] == ["reg:reuters"]
    assert a.source_span is not None and a.source_span.text == "two sources"


def test_attribution_nested_report_is_relayed_by_the_outer_source(find: Find) -> None:
    found = find("Reuters reported that Ukrainian officials said the dam was intact.")
    inner = only(found, "said")
    assert inner.source.affiliation == "UA"
    assert [v.key for v in inner.via] == ["reg:reuters"]


# -------------------------------------------------------------------- hedges and unnamed sources


def test_attribution_hedge_in_the_content_lowers_the_stance(find: Find) -> None:
    a = only(find("Officials said the drone was reportedly shot down over the lake."), "said")
    assert "reportedly" in a.hedges
    assert a.stance == Stance.REPORTS
    b = only(find("Officials said the drone was probably launched from the sea."), "said")
    assert "probably" in b.hedges and b.stance == Stance.SPECULATES


def test_attribution_hedge_on_a_noun_does_not_hedge_the_claim(find: Find) -> None:
    a = only(find("The officer said police detained a supposedly armed group near the port."), "said")
    assert a.hedges == ()
    assert a.stance == Stance.ASSERTS


def test_attribution_appears_to_show(find: Find) -> None:
    a = only(find("A video appears to show a drone hitting the tower."), "to show")
    assert "appear to" in a.hedges
    assert a.stance == Stance.SPECULATES
    assert a.source.kind == SourceKind.SOCIAL_MEDIA


def test_attribution_doubt_about_the_source_hedges_the_claim(find: Find) -> None:
    a = only(find("The unverified footage showed that smoke was rising over the base."), "showed")
    assert "unverified" in a.hedges
    assert a.stance == Stance.REPORTS


def test_attribution_videos_purporting_to_show(find: Find) -> None:
    found = find("The channel shared footage purporting to show the strike.")
    a = only(found, "purporting")
    assert a.stance == Stance.REPORTS
    assert a.content_span.text == "to show the strike"


def test_attribution_it_is_claimed(find: Find) -> None:
    found = find("It is claimed that the commander left the city before the strike.")
    a = only(found, "is claimed")
    assert a.source_span is None and is_anonymous(a.source)
    assert a.stance == Stance.REPORTS
    assert a.content_span.text == "that the commander left the city before the strike"


def test_attribution_it_is_suspected(find: Find) -> None:
    a = only(find("It is suspected that a second drone hit the roof."), "is suspected")
    assert a.stance == Stance.SPECULATES


def test_attribution_reportedly_in_the_reports_own_voice(find: Find) -> None:
    # the report hedges its own words: no one else stands behind them (the claim stage gives
    # them to the outlet); "it is claimed" names others, unnamed
    a = only(find("Drones reportedly hit a fuel depot near Novorossiysk."), "reportedly")
    assert a.source_span is None and a.source.key.startswith(HEDGE_PREFIX) and not is_anonymous(a.source)
    assert a.stance == Stance.REPORTS
    claimed = only(find("It is claimed that drones hit a fuel depot near Novorossiysk."), "is claimed")
    assert claimed.source_span is None and is_anonymous(claimed.source)


def test_attribution_passive_belief_without_an_agent(find: Find) -> None:
    a = only(find("The commander is believed to have been killed in the strike."), "is believed")
    assert a.source_span is None
    assert a.content_span.text.startswith("The commander")
    assert a.stance == Stance.SPECULATES


# ------------------------------------------------------------------------- shapes the parse misses


def test_attribution_closing_reporting_clause_takes_the_sentence_before_the_comma(find: Find) -> None:
    text = "As the convoy crossed the bridge on Monday, two trucks were hit by a drone, border guards said."
    a = only(find(text), "said")
    assert a.source_span is not None and a.source_span.text == "border guards"
    assert a.content_span.text.startswith("As the convoy crossed the bridge")
    assert a.content_span.text.endswith("hit by a drone")


def test_attribution_speaker_named_after_the_verb_with_an_apposition(find: Find) -> None:
    text = "The shelter filled up within minutes and nobody panicked, said Marta Hnatiuk, a volunteer at the station."
    a = only(find(text), "said")
    assert a.source_span is not None and a.source_span.text.startswith("Marta Hnatiuk")
    assert a.content_span.text == "The shelter filled up within minutes and nobody panicked"


def test_attribution_apposition_before_said_is_not_a_closing_clause(find: Find) -> None:
    a = only(find("Oleh Kiper, the regional governor, said the port was working again."), "said")
    assert a.source.key == "reg:ua-kiper"
    assert a.content_span.text == "the port was working again"


def test_attribution_speaker_with_an_aside_before_told_is_not_the_listener(find: Find) -> None:
    text = '"The convoy turned back at dawn," a border guard, who asked not to be named, told Reuters.'
    a = only(find(text), "told")
    assert a.source_span is not None and a.source_span.text.startswith("a border guard")
    assert a.content_span.text == '"The convoy turned back at dawn,"'


def test_attribution_speaker_set_off_by_commas_before_the_verb(find: Find) -> None:
    text = "The air defence shot down nine drones over the region, Oleh Kiper, the governor, said."
    a = only(find(text), "said")
    assert a.source.key == "reg:ua-kiper"
    assert a.content_span.text == "The air defence shot down nine drones over the region"
    b = only(find("Two people were hurt in the blast, Marta Hnatiuk, a nurse at the clinic, wrote."), "wrote")
    assert b.source_span is not None and b.source_span.text == "Marta Hnatiuk, a nurse at the clinic"


def test_attribution_inverted_speaker_set_off_inside_the_claim(find: Find) -> None:
    a = only(find("The strike, said Marta Hnatiuk, a nurse at the clinic, was the worst in months."), "said")
    assert a.source_span is not None and a.source_span.text == "Marta Hnatiuk, a nurse at the clinic"
    assert a.content_span.text == "was the worst in months"


def test_attribution_speaker_apposed_after_an_opening_phrase(find: Find) -> None:
    text = "In a statement to local radio, the regional governor, Oleh Kiper, said that the port was hit twice."
    a = only(find(text), "said")
    assert a.source.key == "reg:ua-kiper"
    assert a.content_span.text == "that the port was hit twice"
    # the paper the statement went to heard it; it is not what the statement was about
    assert all(x.content_span.text != "local radio" for x in find(text))


def test_attribution_said_in_a_statement_that_is_the_subjects(find: Find) -> None:
    a = only(find("The regional police said in a statement that two drones hit a warehouse."), "said")
    assert a.source_span is not None and a.source_span.text == "The regional police"
    assert a.content_span.text == "that two drones hit a warehouse"
    b = only(find("Oleh Kiper wrote in a Telegram post that the port was working again."), "wrote")
    assert b.source.key == "reg:ua-kiper"
    assert b.content_span.text == "that the port was working again"


def test_attribution_opening_asked_what_is_an_unnamed_question(find: Find) -> None:
    found = find('Asked what the convoy was carrying, the governor replied: "Medicine and water."')
    a = only(found, "Asked")
    assert a.source_span is None and a.content_span.text == "what the convoy was carrying"
    assert only(found, "replied").content_span.text == '"Medicine and water."'


def test_attribution_named_speaker_with_a_long_apposition(find: Find) -> None:
    a = only(find("Marta Hnatiuk, a Kharkiv nurse working at the clinic, said the shelter was full."), "said")
    assert a.source_span is not None and a.source_span.text.startswith("Marta Hnatiuk")
    assert a.content_span.text == "the shelter was full"


def test_attribution_reporting_verb_coordinated_after_a_speechless_claim(find: Find) -> None:
    found = find("The governor said the strike hit a school and called on residents to stay in shelters.")
    assert only(found, "said").content_span.text == "the strike hit a school"
    called = only(found, "called on")
    assert called.source_span is not None and called.source_span.text == "The governor"
    # a subject that can act keeps its coordinated verbs: what the army did is what was said
    kept = only(find("Officials said the army shelled the town and killed three civilians."), "said")
    assert kept.content_span.text == "the army shelled the town and killed three civilians"


def test_attribution_speaker_of_a_participle_aside_speaks(find: Find) -> None:
    a = only(find("Oleh Kiper, noting the scale of the damage, said the port would reopen in a week."), "said")
    assert a.source.key == "reg:ua-kiper"
    assert a.content_span.text == "the port would reopen in a week"


def test_attribution_closing_pronoun_clause_needs_no_verb_before_it(find: Find) -> None:
    a = only(find("Those who stayed behind in the villages near the front, even with a shelter, he said."), "said")
    assert a.source_span is not None and a.source_span.text == "he"
    assert a.content_span.text.startswith("Those who stayed behind")


def test_attribution_asked_after_the_speaker_is_an_unnamed_question(find: Find) -> None:
    found = find('"We will not retreat," said the governor Oleh Kiper, asked about the evacuation of the town.')
    assert only(found, "said").source.key == "reg:ua-kiper"
    asked = only(found, "asked")
    assert asked.source_span is None and asked.content_span.text == "the evacuation of the town"


def test_attribution_whom_a_verb_of_asking_addresses_is_not_its_speaker(find: Find) -> None:
    a = only(find("The mayor visited the site, asked residents about the damage and left."), "asked")
    assert a.source_span is not None and a.source_span.text == "The mayor"


def test_attribution_speaker_between_quote_and_verb_with_a_participle_aside(find: Find) -> None:
    text = '"The roof came down at once," Marta Hnatiuk, wearing a hospital gown, said as the sirens sounded.'
    a = only(find(text), "said")
    assert a.source_span is not None and a.source_span.text == "Marta Hnatiuk"
    assert a.content_span.text == '"The roof came down at once,"'


def test_attribution_unknown_surname_after_said_and_a_quote(find: Find) -> None:
    a = only(find('"We held the line all night," said Hnatiuk, adding that the shelter was full.'), "said")
    assert a.source_span is not None and a.source_span.text == "Hnatiuk"
    assert a.content_span.text == '"We held the line all night,"'


def test_attribution_colon_label_must_name_a_speaker(find: Find) -> None:
    for text in (
        "BOOM: The Army Just Sent Five Battalions To The Front.",
        "Plus: what the new air defence systems mean for the front line.",
        "But: will the border guards reopen the crossing this week?",
        "Another problem for the mayor: the town has no working shelters left.",
        "Kramatorsk, 3 May: Residents say two drones hit the market before dawn.",
    ):
        assert not [a for a in find(text) if a.cue_span is not None and a.cue_span.text == ":"], text
    a = only(find("Kiper: Russian drones hit a port warehouse in Odesa overnight."), ":")
    assert a.source.key == "reg:ua-kiper"
    b = only(find("A spokesman for the air force: two missiles were shot down over the city."), ":")
    assert b.source_span is not None and b.source_span.text == "A spokesman for the air force"


def test_attribution_quote_paragraph_after_reported_speech_continues_the_speaker(find: Find) -> None:
    text = 'Oleh Kiper said the port was hit overnight.\n\n"We will rebuild it within a week."\n\nThe port is closed.'
    found = [a for a in find(text) if a.cue_span is not None and a.cue_span.text == "said"]
    assert [a.content_span.text for a in found] == ["the port was hit overnight", '"We will rebuild it within a week."']
    assert all(a.source.key == "reg:ua-kiper" for a in found)
    # the report's own words in between end it
    text = 'Oleh Kiper said the port was hit.\n\nThe port is closed.\n\n"We will rebuild it within a week."'
    assert [a.content_span.text for a in find(text)] == ["the port was hit"]


def test_attribution_quote_split_by_the_speaker(find: Find) -> None:
    text = '"We counted eleven drones," the commander said, "and all of them came from the east."'
    found = [a for a in find(text) if a.cue_span is not None and a.cue_span.text == "said"]
    assert [a.content_span.text for a in found] == [
        '"We counted eleven drones,"',
        '"and all of them came from the east."',
    ]
    assert len({a.source.key for a in found}) == 1


def test_attribution_phrasal_cue_takes_the_object_of_its_preposition(find: Find) -> None:
    a = only(find("The council called for an immediate ceasefire along the river."), "called for")
    assert a.content_span.text == "an immediate ceasefire along the river"
    b = only(find("The mayor pointed to the damage at the school."), "pointed to")
    assert b.content_span.text == "the damage at the school"


def test_attribution_when_or_where_is_not_what_was_said(find: Find) -> None:
    found = find("The governor spoke on Tuesday.")
    assert not any(a.content_span.text == "Tuesday" for a in found)


def test_attribution_infinitive_borrows_the_subject_of_its_clause(find: Find) -> None:
    a = only(find("The governor went to the hospital to praise the doctors."), "to praise")
    assert a.source_span is not None and a.source_span.text == "The governor"
    assert a.content_span.text == "the doctors"


# ----------------------------------------------------------------- withheld, asked, seems, nouns


def test_attribution_refusal_to_comment_is_withheld(find: Find) -> None:
    a = only(find("A spokesman for the navy declined to comment."), "declined")
    assert a.content_span.text == "to comment"
    assert a.stance == Stance.SPECULATES
    assert a.source_span is not None and a.source_span.text == "A spokesman for the navy"


def test_attribution_refusal_reads_the_cue_it_withholds(find: Find) -> None:
    a = only(find("The ministry refused to confirm that the depot had been hit."), "refused to confirm")
    assert a.content_span.text == "that the depot had been hit"
    assert a.stance == Stance.SPECULATES


def test_attribution_asked_by_someone_unnamed(find: Find) -> None:
    text = "Asked whether more drones were expected, the governor said the sirens would tell."
    found = find(text)
    asked = only(found, "Asked")
    assert asked.source_span is None and is_anonymous(asked.source)
    assert asked.content_span.text == "whether more drones were expected"
    assert only(found, "said").source_span is not None


def test_attribution_passive_description_without_an_agent(find: Find) -> None:
    a = only(find("The blast was described as an accident."), "was described")
    assert a.source_span is None
    assert a.content_span.text == "The blast was described as an accident"
    assert a.stance == Stance.REPORTS


def test_attribution_addressee_of_a_passive_question_is_not_content(find: Find) -> None:
    a = only(find("The minister was asked about the missing trucks."), "was asked")
    assert a.content_span.text == "the missing trucks"


def test_attribution_appearance_is_the_reports_own_speculation(find: Find) -> None:
    a = only(find("The second drone appears to have hit the fuel depot."), "appears")
    assert a.source_span is None
    assert a.content_span.text == "The second drone appears to have hit the fuel depot"
    assert a.stance == Stance.SPECULATES
    assert find("The governor appeared on television on Monday.") == []


def test_attribution_noun_cue_with_a_source_from_a_preposition(find: Find) -> None:
    a = only(find("There was criticism from residents over the lack of shelters."), "criticism")
    assert a.source_span is not None and a.source_span.text == "residents"
    assert a.content_span.text == "the lack of shelters"


def test_attribution_noun_cue_with_a_topic(find: Find) -> None:
    a = only(find("The mayor's concerns about the dam grew after the second strike."), "concerns")
    assert a.source_span is not None and a.source_span.text == "The mayor"
    assert a.content_span.text == "the dam"
    assert a.stance == Stance.SPECULATES


def test_attribution_in_someones_view_frames_the_sentence(find: Find) -> None:
    a = only(find("In his view, the bridge could be repaired within a month."), "view")
    assert a.content_span.text == "the bridge could be repaired within a month"


def test_attribution_quote_credited_after_a_dash(find: Find) -> None:
    text = '"We will rebuild the school by winter." ― Oksana Melnyk, a teacher in Kherson\n\nThe school was hit in May.'
    a = only(find(text), "―")
    assert a.content_span.text == '"We will rebuild the school by winter."'
    assert a.source_span is not None and a.source_span.text == "Oksana Melnyk, a teacher in Kherson"


def test_attribution_statement_set_as_the_next_paragraph(find: Find) -> None:
    text = "The regional administration said in a statement:\n\nAll drones were destroyed over the reservoir."
    a = only(find(text), "said")
    assert a.content_span.text.startswith("All drones were destroyed over the reservoir")


def test_attribution_speaker_between_a_quote_and_the_verb(find: Find) -> None:
    text = '"Yes, the bridge is open," Marta Hnatiuk, head of the village council, tells the radio station.'
    a = only(find(text), "tells")
    assert a.content_span.text == '"Yes, the bridge is open,"'
    assert a.source_span is not None and a.source_span.text.startswith("Marta Hnatiuk")


def test_attribution_short_spoken_quote_before_the_speaker(find: Find) -> None:
    a = only(find('"Never," the colonel added when asked about a retreat.'), "added")
    assert a.content_span.text == '"Never,"'


def test_attribution_counted_speakers_before_the_verb(find: Find) -> None:
    a = only(find("About 4 in 10 say they expect more strikes this winter."), "say")
    assert a.source_span is not None and a.source_span.text == "About 4 in 10"


def test_attribution_light_verb_with_a_cue_noun(find: Find) -> None:
    a = only(find("The mayor made the case that the shelters need generators."), "made the case")
    assert a.source_span is not None and a.source_span.text == "The mayor"
    assert a.content_span.text == "that the shelters need generators"
    b = only(find("The governor took aim at the evacuation plan."), "took aim at")
    assert b.content_span.text == "the evacuation plan"
    c = only(find("The ministry made no mention of the second strike."), "made no mention of")
    assert c.stance == Stance.SPECULATES


def test_attribution_state_of_mind_adjective(find: Find) -> None:
    a = only(find("Officials are confident that the air defences will hold."), "are confident")
    assert a.source_span is not None and a.source_span.text == "Officials"
    assert a.content_span.text == "that the air defences will hold"
    assert a.stance == Stance.SPECULATES
    b = only(find("It is unclear whether the drone was shot down."), "is unclear")
    assert b.source_span is None and b.content_span.text == "whether the drone was shot down"
    assert find("It is clear that the drone was shot down.") == []


def test_attribution_made_clear_is_a_statement(find: Find) -> None:
    a = only(find("The regional governor made it clear that the curfew would stay in force."), "made it clear")
    assert a.source_span is not None and a.source_span.text == "The regional governor"
    assert a.content_span.text == "that the curfew would stay in force"
    b = only(find("The commander was clear about his orders."), "was clear")
    assert b.content_span.text == "his orders"
    assert find("The sky was clear over the port.") == []


def test_attribution_stance_verbs_without_speech(find: Find) -> None:
    a = only(find("The opposition leader shared the view that the bridge must be rebuilt."), "shared")
    assert a.source_span is not None and a.source_span.text == "The opposition leader"
    assert a.content_span.text == "the view that the bridge must be rebuilt"
    b = only(find("Most council members voted against the new curfew."), "voted against")
    assert b.content_span.text == "the new curfew" and b.stance == Stance.DENIES


def test_attribution_cue_nouns_of_support_and_complaint(find: Find) -> None:
    a = only(find("The governor's support for the evacuation surprised local officials."), "support")
    assert a.source_span is not None and a.source_span.text == "The governor"
    assert a.content_span.text == "the evacuation"
    b = only(find("The villagers' complaint about the noise from the airfield went unanswered."), "complaint")
    assert b.source_span is not None and b.source_span.text == "The villagers"
    assert b.content_span.text == "the noise from the airfield"


def test_attribution_title_cased_headline(find: Find) -> None:
    a = only(find("Harbour Mayor Praises Volunteers Who Cleared The Rubble"), "Praises")
    assert a.source_span is not None and a.source_span.text == "Harbour Mayor"
    assert a.content_span.text == "Volunteers Who Cleared The Rubble"
    b = only(find("UPDATE: Regional Governor Questioned Army Over Late Warning\nThe army did not reply."), "Questioned")
    assert b.source_span is not None and b.source_span.text == "Regional Governor"
    # a plural noun after a possessive is no verb, and a line in sentence case is no headline
    assert find("The Mayor's Claims About The Outage") == []
    assert [a.cue_span.text for a in find("The mayor praises volunteers who cleared the rubble.") if a.cue_span] == [
        "praises"
    ]


def test_attribution_main_verb_the_parser_read_into_a_relative_clause(find: Find) -> None:
    text = "The administration of the part of the region that Russia controls denied the accusation."
    a = only(find(text), "denied")
    assert a.source_span is not None
    assert a.source_span.text == "The administration of the part of the region that Russia controls"
    assert a.source.kind == SourceKind.OFFICIAL


def test_attribution_without_offering_is_withheld(find: Find) -> None:
    a = only(find("The channel blamed the navy, without offering evidence."), "offering")
    assert a.stance == Stance.SPECULATES


def test_attribution_citing_a_reason_is_the_speakers_own_statement(find: Find) -> None:
    a = only(find("The governor closed the schools, citing fears of new strikes."), "citing")
    assert a.source_span is not None and a.source_span.text == "The governor"
    assert a.content_span.text == "fears of new strikes"
    relayed = only(find("Reuters, citing two sources, reported that the refinery had stopped work."), "reported")
    assert [v.key for v in relayed.via] == ["reg:reuters"]


# -------------------------------------------------------------------- what is not an attribution


def test_attribution_reports_own_voice_has_none(find: Find) -> None:
    assert find("We reported last week that the bridge had been repaired.") == []
    assert find("Two drones struck the airfield on Tuesday evening.") == []


def test_attribution_inanimate_subject_with_an_object_is_not_a_source(find: Find) -> None:
    assert find("The strike claimed three lives.") == []


def test_attribution_withheld_statement_is_not_asserted(find: Find) -> None:
    a = only(find("The ministry did not say how many drones were launched."), "did not say")
    assert a.source_span is not None and a.source_span.text == "The ministry"
    assert a.content_span.text == "how many drones were launched"
    assert a.stance == Stance.SPECULATES and "did not say" in a.hedges


# ----------------------------------------------------------------------------- asides and addressees


def test_attribution_relative_aside_is_a_statement_of_its_own(find: Find) -> None:
    found = find("Farmers complained about the checkpoint, which they said had closed the road for days.")
    outer = only(found, "complained about")
    assert outer.content_span.text == "the checkpoint"
    inner = only(found, "said")
    assert inner.source_span is not None and inner.source_span.text == "they"
    assert "closed the road for days" in inner.content_span.text
    assert not any(
        inner.content_span.start >= a.content_span.start
        and inner.cue_span is not None
        and a.content_span.start <= inner.cue_span.start < a.content_span.end
        for a in found
        if a is not inner
    )


def test_attribution_restrictive_relative_clause_stays_in_the_content(find: Find) -> None:
    found = find("The governor praised the engineers who said the bridge would hold.")
    assert only(found, "praised").content_span.text == "the engineers who said the bridge would hold"


def test_attribution_closing_participle_is_the_speakers(find: Find) -> None:
    found = find('The minister said the repairs were finished, calling the work "a small miracle."')
    said = only(found, "said")
    assert said.content_span.text == "the repairs were finished"
    calling = only(found, "calling")
    assert calling.source_span is not None and calling.source_span.text == "The minister"


def test_attribution_participle_of_a_speaker_in_the_content_stays_theirs(find: Find) -> None:
    found = find("The police said the crowd marched downtown, chanting slogans against the curfew.")
    chanting = only(found, "chanting")
    assert chanting.source_span is not None and chanting.source_span.text == "the crowd"


def test_attribution_asked_if_clause(find: Find) -> None:
    a = only(find("The officer stopped the car and asked the driver if he had seen the drone."), "asked")
    assert a.content_span.text == "if he had seen the drone"


def test_attribution_told_an_audience_that(find: Find) -> None:
    a = only(find("She told a gathering of village elders that the convoy would arrive on Monday."), "told")
    assert a.content_span.text == "that the convoy would arrive on Monday"


def test_attribution_reporting_clause_inserted_after_the_subject(find: Find) -> None:
    a = only(find("The main risk, the engineer told us on Sunday, is that the dam could fail."), "told")
    assert "the dam could fail" in a.content_span.text
    assert a.source_span is not None and a.source_span.text == "the engineer"


def test_attribution_speaker_after_a_quote_of_several_sentences(find: Find) -> None:
    a = only(find('"The road is open. Fully open," said Ana Ruiz, a local organiser.'), "said")
    assert a.source_span is not None and a.source_span.text == "Ana Ruiz, a local organiser"
    assert a.content_span.text == '"The road is open. Fully open,"'


def test_attribution_verbless_headline_after_a_speaker(find: Find) -> None:
    a = only(find("Mayor Klitschko: No Power Cuts in Kyiv This Week."), ":")
    assert a.source_span is not None and a.source_span.text == "Mayor Klitschko"
    assert a.content_span.text == "No Power Cuts in Kyiv This Week"


def test_attribution_verbless_line_after_a_label_is_not_speech(find: Find) -> None:
    assert not [a for a in find("Objective: an oil depot near the border.") if a.cue_span and a.cue_span.text == ":"]


def test_attribution_court_ruling(find: Find) -> None:
    a = only(find("A federal court ruled that the curfew was unlawful."), "ruled")
    assert a.content_span.text == "that the curfew was unlawful"
    assert not find("The army ruled the province for a decade.")


def test_attribution_thanks_take_the_addressee_and_reason(find: Find) -> None:
    a = only(find("The governor thanked the rescue teams for their work."), "thanked")
    assert a.content_span.text == "the rescue teams for their work"


def test_attribution_transcript_label_takes_the_paragraph(find: Find) -> None:
    found = find("MORENO: We begin in Kharkiv. The city was hit again overnight.\n\nThe studio was quiet.")
    a = only(found, ":")
    assert a.source_span is not None and a.source_span.text == "MORENO"
    assert a.content_span.text == "We begin in Kharkiv. The city was hit again overnight"


def test_attribution_named_transcript_label_takes_the_paragraph(find: Find) -> None:
    text = (
        "The host spoke to Marta Hnatiuk about the night.\n\n"
        "Hnatiuk: We heard the first blast at two. Then the lights went out.\n\nThe studio was quiet."
    )
    a = only(find(text), ":")
    assert a.source_span is not None and a.source_span.text == "Hnatiuk"
    assert a.content_span.text == "We heard the first blast at two. Then the lights went out"


def test_attribution_a_quoted_transcript_gives_each_turn_to_its_label(find: Find) -> None:
    # Each turn of a transcript printed as one long quotation opens with a quote mark.
    text = (
        "The interview ran as follows:\n\n"
        '"HOST: Were the shelters open when the sirens started?\n\n'
        '"MAYOR: They were open all night. We had checked every one of them the week before.'
    )
    found = find(text)
    turns = [
        (a.source_span.text, a.content_span.text)
        for a in found
        if a.cue_span and a.cue_span.text == ":" and a.source_span
    ]
    assert turns == [
        ("HOST", "Were the shelters open when the sirens started"),
        ("MAYOR", "They were open all night. We had checked every one of them the week before"),
    ]


def test_attribution_question_to_you_asserts_nothing(find: Find) -> None:
    assert not find("Do you know where the drones were launched from?")
    assert only(find("You know the drones were launched from the south."), "know")


def test_attribution_citing_a_reason_that_mentions_people_is_not_a_relay(find: Find) -> None:
    found = find("The minister praised the truce, citing the return of displaced families.")
    praised = only(found, "praised")
    assert praised.source_span is not None and praised.source_span.text == "The minister"
    relayed = only(find("The agency said two drones were downed, citing two local officials."), "said")
    assert relayed.source_span is not None and relayed.source_span.text == "two local officials"


def test_attribution_so_and_as_much_stand_for_a_statement(find: Find) -> None:
    assert only(find("Most residents said so when the survey was taken."), "said").content_span.text == "so"
    assert only(find("The commander said as much on Monday."), "said").content_span.text == "as much"
    assert only(find("She said so many things."), "said").content_span.text == "so many things"


def test_attribution_fronted_relative_object_takes_the_complement(find: Find) -> None:
    text = 'Four people were hurt by a blast that the governor described as "a deliberate attack."'
    a = only(find(text), "described")
    assert a.content_span.text == 'as "a deliberate attack."'
    assert a.source_span is not None and a.source_span.text == "the governor"
    b = only(find("The blast was what the governor feared most."), "feared")
    assert b.content_span.text == "what"


def test_attribution_second_reporting_verb_with_that_keeps_the_speaker(find: Find) -> None:
    found = find("The ministry said the depot was empty and suggested that the fire was arson.")
    said = only(found, "said")
    assert said.content_span.text == "the depot was empty"
    suggested = only(found, "suggested")
    assert suggested.source_span is not None and suggested.source_span.text == "The ministry"
    assert suggested.content_span.text == "that the fire was arson"


def test_attribution_headline_label_with_an_article_is_not_a_speaker(find: Find) -> None:
    found = find("The Latest: Governor urges residents to stay in shelters.")
    assert not [a for a in found if a.cue_span is not None and a.cue_span.text == ":"]
    assert only(found, "urges").source_span is not None


# --------------------------------------------------------------------------------------- records


def test_attribution_spans_index_into_the_report_text(find: Find) -> None:
    text = 'First line.\n\n"Nothing was hit," the army said, according to Ukrinform.'
    for a in find(text):
        for span in (a.content_span, a.cue_span, a.source_span):
            if span is not None:
                assert text[span.start : span.end] == span.text
                assert span.report_id == "t"
        assert a.id.startswith("t:a")


def test_attribution_results_are_stable_and_in_text_order(find: Find) -> None:
    text = "The mayor said the market was hit. The police said two cars burned."
    first, second = find(text), find(text)
    assert first == second
    assert [a.content_span.start for a in first] == sorted(a.content_span.start for a in first)


def test_attribution_parse_of_another_text_is_refused(nlp: Language, registry: SourceRegistry) -> None:
    with pytest.raises(PipelineError, match="normalised text"):
        find_attributions(nlp("Another text."), report=normalised("The text."), registry=registry)


def test_attribution_as_clause_of_any_cue_verb_points_at_its_clause(find: Find) -> None:
    found = only(find("As the mayor has pointed out, the bridge was closed for repairs."), "has pointed out")
    assert found.content_span.text == "the bridge was closed for repairs"
    assert found.source_span is not None and found.source_span.text == "the mayor"


def test_attribution_as_clause_with_its_own_object_or_a_comparison_is_not_a_cue(find: Find) -> None:
    assert find("As she accepted the award, the crowd cheered.") == []
    assert find("As the minister spoke to reporters, sirens sounded across the city.") == []
    assert find("The depot is not as damaged as local officials believe.") == []


def test_attribution_side_taken_is_the_content(find: Find) -> None:
    found = only(find("On Monday the mayor spoke out in favour of a ceasefire."), "spoke")
    assert found.content_span.text == "a ceasefire"
    argued = find("The senator argued in support of the new sanctions.")
    assert [(a.cue_span.text if a.cue_span else None, a.content_span.text) for a in argued] == [
        ("argued", "the new sanctions")
    ]


def test_attribution_second_reporting_clause_with_its_own_speaker_is_not_content(find: Find) -> None:
    found = find("Most farmers said the harvest was poor, and more than half said the rains came too late.")
    first = [a for a in found if a.source_span is not None and a.source_span.text == "Most farmers"]
    assert len(first) == 1 and first[0].content_span.text == "the harvest was poor"
    second = [a for a in found if a.source_span is not None and a.source_span.text == "more than half"]
    assert len(second) == 1 and second[0].content_span.text == "the rains came too late"


def test_attribution_present_tense_conjunct_continues_the_reporting_verb(find: Find) -> None:
    found = find("The mayor says the city would rebuild the bridge and tells residents the work starts in May.")
    says, tells = only(found, "says"), only(found, "tells")
    assert says.content_span.text == "the city would rebuild the bridge"
    assert tells.source_span is not None and tells.source_span.text == "The mayor"
    assert tells.content_span.text == "the work starts in May"


def test_attribution_source_phrase_keeps_its_closing_bracket(find: Find) -> None:
    said = only(find("Rep. Anna Berg (D-Minn.) said the bill would pass."), "said")
    assert said.source_span is not None and said.source_span.text == "Rep. Anna Berg (D-Minn.)"


def test_attribution_speech_participle_after_a_reported_clause_is_the_reporters(find: Find) -> None:
    found = find("Mayor Tom Hale said he would stay in office, telling reporters that the city needs him.")
    telling = only(found, "telling")
    assert telling.source_span is not None and telling.source_span.text == "Mayor Tom Hale"
    assert telling.content_span.text == "that the city needs him"


def test_attribution_participle_of_another_act_keeps_the_clause_subject(find: Find) -> None:
    found = find("The witness said the soldiers fired into the air, shouting that nobody should move.")
    shouting = only(found, "shouting")
    assert shouting.source_span is not None and shouting.source_span.text == "the soldiers"


def test_attribution_a_speaker_who_asks_not_to_be_named_is_anonymous(find: Find) -> None:
    a = only(find("A local official, who asked not to be named, said 30 bodies had been buried."), "said")
    assert a.source.kind == SourceKind.ANONYMOUS
    b = only(find('"We took in nine wounded," a nurse at the clinic said, asking not to be named.'), "said")
    assert b.source.kind == SourceKind.ANONYMOUS
    c = only(find("A nurse at the clinic said nine wounded had been brought in."), "said")
    assert c.source.kind == SourceKind.EYEWITNESS


def test_attribution_he_after_one_unnamed_person_is_that_person(find: Find) -> None:
    found = find(
        "A trader who survived the strike said the drone came in low. "
        '"It hit the fuel store first," he said. '
        "The village head, reached by phone, said nine people died. He said the market burned."
    )
    speakers = [a.source.key for a in found if a.cue_span is not None and a.cue_span.text == "said"]
    assert speakers == [
        "group:eyewitness:-:trader",
        "group:eyewitness:-:trader",
        "group:eyewitness:-:village-head",
        "group:eyewitness:-:village-head",
    ]


def test_attribution_a_document_with_no_author_is_no_speaker(find: Find) -> None:
    statistics = only(find("According to initial statistics, 14 people were killed."), "According to")
    assert statistics.source.key.startswith(DOCUMENT_PREFIX)
    version = only(find("An earlier version of this report said 12 people were killed."), "said")
    assert version.source.key.startswith(DOCUMENT_PREFIX)
    ministry = only(find("According to figures from the health ministry, 14 people were killed."), "According to")
    assert ministry.source.kind == SourceKind.OFFICIAL


# ------------------------------------------------------------------ figures, polls and misreadings


def test_attribution_figure_in_a_poll_is_the_polls(find: Find) -> None:
    a = only(find("The governor held a wide lead among voters in a recent regional poll."), "in")
    assert a.source_span is not None and a.source_span.text == "a recent regional poll"
    assert a.content_span.text == "The governor held a wide lead among voters"
    b = only(find("In the survey, two thirds of residents were without power for a week."), "In")
    assert b.content_span.text == "two thirds of residents were without power for a week"


def test_attribution_polls_in_general_are_no_source(find: Find) -> None:
    assert not find("The mayor still trails his rival in the regional polls.")
    assert not find("The governor has fallen behind in recent national surveys.")


def test_attribution_poll_phrase_leaves_a_cue_verb_and_the_speakers_alone(find: Find) -> None:
    found = find("Three residents surveyed in the poll said the shelters were full.")
    assert [a.cue_span.text for a in found if a.cue_span is not None] == ["said"]


def test_attribution_figure_put_at_a_number_is_the_subjects(find: Find) -> None:
    a = only(find("Regional officials put the death toll at 14."), "put")
    assert a.source_span is not None and a.source_span.text == "Regional officials"
    assert a.content_span.text == "the death toll at 14"
    assert not find("The shelling put pressure on the town.")
    assert not find("The army put the wounded at the front of the convoy.")


def test_attribution_cue_verb_tagged_as_a_noun_still_reports(find: Find) -> None:
    a = only(find("Two-thirds support extending the curfew."), "support")
    assert a.source_span is not None and a.source_span.text == "Two-thirds"
    assert a.content_span.text == "extending the curfew"


def test_attribution_thats_according_to_takes_the_pronoun(find: Find) -> None:
    text = "Two hundred families fled the village. That's according to figures released by the regional council."
    a = only(find(text), "according to")
    assert a.content_span.text == "That"
    assert a.source_span is not None and a.source_span.text == "figures released by the regional council"


def test_attribution_inside_a_quote_nobody_claims_is_left_out(find: Find) -> None:
    text = (
        "The town was quiet on Sunday.\n"
        '"I told them we would hold the line, and we did. Nobody left."\n'
        "The market reopened on Monday."
    )
    assert not [a for a in find(text) if a.cue_span is not None and a.cue_span.text == "told"]
    claimed = find('"I told them we would hold the line," the commander said.')
    assert only(claimed, "told").source.key == only(claimed, "said").source.key


def test_attribution_conjunct_in_the_reporting_verbs_form_is_a_second_statement(find: Find) -> None:
    found = find("The governor said drones have hit a depot and warned residents to stay inside.")
    assert only(found, "said").content_span.text == "drones have hit a depot"
    warned = only(found, "warned")
    assert warned.source_span is not None and warned.source_span.text == "The governor"
    # the same form as the reported clause's verb: what the speaker said
    same = only(find("Officials said Russia launched 40 drones and claimed it hit the port."), "said")
    assert same.content_span.text == "Russia launched 40 drones and claimed it hit the port"


def test_attribution_clause_set_off_before_the_verb_is_not_its_content(find: Find) -> None:
    found = find("He did not apologise for the error; instead, he said the network had erred.")
    assert only(found, "said").content_span.text == "the network had erred"
    dashed = find("The mayor looked tired - he told the radio that the shelters are full.")
    assert only(dashed, "told").content_span.text == "that the shelters are full"
    assert only(find("The shelters are full, he said."), "said").content_span.text == "The shelters are full"


def test_attribution_quote_only_verb_takes_a_that_clause(find: Find) -> None:
    a = only(find("He joked that the convoy would arrive before the snow."), "joked")
    assert a.content_span.text == "that the convoy would arrive before the snow"
    assert not find("The attacks continued through the night.")


def test_attribution_finding_a_thing_is_no_statement_unless_a_document_finds_it(find: Find) -> None:
    assert not find("Border Patrol agents found the tunnel near the fence.")
    assert not find("The villagers now find themselves in a hard winter.")
    a = only(find("The audit found irregularities in the accounts."), "found")
    assert a.content_span.text == "irregularities in the accounts"
    b = only(find("Voters found the plan too costly."), "found")
    assert b.content_span.text == "the plan too costly"


def test_attribution_participle_beside_a_cue_leaves_that_verbs_quotes_alone(find: Find) -> None:
    text = '"There was no order to retreat," said the base chief, speaking publicly for the first time. "Nobody ran."'
    assert not [a for a in find(text) if a.cue_span is not None and a.cue_span.text == "speaking"]
    assert not find("Smith, speaking at a rally, did not mention the bill.")[0].quote
    adding = only(find('He confirmed the strike, adding: "We will rebuild."'), "adding")
    assert adding.content_span.text == '"We will rebuild."'


def test_attribution_name_tagged_as_a_noun_speaks_when_the_report_capitalises_it(find: Find) -> None:
    text = "Hrytsenko called on the governor to resign. Later, Hrytsenko met the press."
    a = only(find(text), "called on")
    assert a.source_span is not None and a.source_span.text == "Hrytsenko"
    # a word capitalised only at the start of sentences is no name
    assert not find("Strikes claimed three lives on Monday. Strikes resumed at dawn.")


def test_attribution_side_taken_through_the_copula(find: Find) -> None:
    a = only(find("The mayor is a fervent supporter of the evacuation plan."), "is a fervent supporter of")
    assert a.source_span is not None and a.source_span.text == "The mayor"
    assert a.content_span.text == "the evacuation plan"
    assert only(find("The governor is no fan of the curfew."), "is no fan of").stance == Stance.SPECULATES
    assert not find("The bridge is a symbol of the city.")


def test_attribution_attitude_verbs_of_the_lexicon(find: Find) -> None:
    a = only(find("The council embraced the plan to rebuild the school."), "embraced")
    assert a.content_span.text == "the plan to rebuild the school"
    assert only(find("Officials contemplate a second evacuation."), "contemplate").stance == Stance.SPECULATES


def test_attribution_asked_before_the_verb_is_not_what_was_said(find: Find) -> None:
    found = find("Asked if the bridge would reopen, the governor said no.")
    said = only(found, "said")
    assert said.content_span.text == "no"
    assert only(found, "Asked").content_span.text == "if the bridge would reopen"


def test_attribution_a_thing_called_by_its_name_is_no_claim(find: Find) -> None:
    assert not find("The ministry paid a company called Northern Logistics.")
    assert not find('Volunteers staged a play called "The Long Night" in the shelter.')
    a = only(find("The strike was described as a provocation."), "was described")
    assert a.content_span.text == "The strike was described as a provocation"


def test_attribution_ads_speeches_and_investors_can_say_something(find: Find) -> None:
    a = only(find("The ad highlights the damage to the hospital."), "highlights")
    assert a.source_span is not None and a.source_span.text == "The ad"
    assert only(find("Investors see little chance of a quick recovery."), "see").content_span.text == (
        "little chance of a quick recovery"
    )
