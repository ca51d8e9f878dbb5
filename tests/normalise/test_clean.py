"""Text clean-up and paragraph roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.model import ParagraphRole
from corroborator.normalise.clean import clean_text

BODY = ParagraphRole.BODY


def roles(raw: str, **options: object) -> list[tuple[str, str]]:
    text, paragraphs = clean_text(raw, **options)  # type: ignore[arg-type]
    return [(p.role.value, text[p.start : p.end]) for p in paragraphs]


# --------------------------------------------------------------------------- characters


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "\u201cWe saw it,\u201d she said. It\u2019s \u2018over\u2019.",
            "\"We saw it,\" she said. It's 'over'.",
        ),
        ("\u00abDrones\u00bb and \u201eBlasts\u201c", '"Drones" and "Blasts"'),
        ("a 5\u2032 9\u2033 man", "a 5' 9\" man"),
        ("12\u00a0km and 3\u202f000 and x\u2009y and a\tb", "12 km and 3 000 and x y and a b"),
        (
            "zero\u200bwidth\u200d\ufeff joiners\u2060 and soft\u00adhyphen",
            "zerowidth joiners and softhyphen",
        ),
        ("bidi \u202emark\u202c and \u200eLRM", "bidi mark and LRM"),
        ("bell\x07 and escape\x1b gone", "bell and escape gone"),
        ("cafe\u0301 and n\u0303", "caf\u00e9 and \u00f1"),
        ("e\u200b\u0301", "\u00e9"),  # composed once the zero-width space is gone
        ("double  spaces   inside", "double spaces inside"),
    ],
)
def test_clean_characters(raw: str, clean: str) -> None:
    assert clean_text(raw)[0] == clean


def test_clean_line_endings_and_blank_runs() -> None:
    raw = "\r\n  First line.   \r\nSecond line.\r\r\r\n \t \n\n\n   Third paragraph.  \n\n\n"
    text, paragraphs = clean_text(raw)
    assert text == "First line.\nSecond line.\n\nThird paragraph."
    assert [(p.start, p.end) for p in paragraphs] == [(0, 24), (26, 42)]


def test_clean_unicode_line_and_paragraph_separators() -> None:
    text, paragraphs = clean_text("One.\u2028Two.\u2029Three.")
    assert text == "One.\nTwo.\n\nThree."
    assert len(paragraphs) == 2


def test_clean_empty_and_blank_input() -> None:
    assert clean_text("") == ("", ())
    assert clean_text(" \n\u00a0\n\u200b\t ") == ("", ())


def test_clean_cleaning_is_stable() -> None:
    raw = "\ufeff \u201cQuoted\u201d\u00a0text\r\n\r\n\r\nNext\u1fef paragraph  "
    once = clean_text(raw)[0]
    assert clean_text(once)[0] == once


# --------------------------------------------------------------------------- paragraphs


def test_clean_single_newlines_without_blank_lines_make_paragraphs() -> None:
    raw = "The alert began at dawn.\nTwo drones were shot down.\nNobody was hurt, officials said."
    text, paragraphs = clean_text(raw)
    assert [text[p.start : p.end] for p in paragraphs] == raw.split("\n")


def test_clean_hard_wrapped_prose_stays_one_paragraph() -> None:
    raw = (
        "The regional governor said the drones were launched late\n"
        "in the evening and were shot down over farmland, and that\n"
        "nobody was hurt in the attack on the district."
    )
    _, paragraphs = clean_text(raw)
    assert len(paragraphs) == 1


def test_clean_paragraph_offsets_slice_the_clean_text() -> None:
    text, paragraphs = clean_text("A.\n\n  B b.\n\nC c c.")
    assert [text[p.start : p.end] for p in paragraphs] == ["A.", "B b.", "C c c."]


# --------------------------------------------------------------------------- roles


def test_clean_roles_full_layout() -> None:
    raw = (
        "Drones target the river port overnight\n\n"
        "By Jane Doe and Sam Roe, Reuters\n\n"
        "21 Jan 2025\n\n"
        "RIVERTON - Drones struck the river port early on Tuesday, officials said.\n\n"
        "A firefighter at the scene. (Photo by John Smith / AFP via Getty Images)\n\n"
        "Photo: Reuters\n\n"
        "(Reporting by Jane Doe; Editing by Sam Roe)"
    )
    assert [r for r, _ in roles(raw)] == [
        "headline", "byline", "dateline", "body", "caption", "credit", "credit",
    ]  # fmt: skip


def test_clean_dateline_first_paragraph() -> None:
    assert roles("Tuesday, 3 May 2023\n\nTwo drones were shot down.")[0] == (
        "dateline",
        "Tuesday, 3 May 2023",
    )


def test_clean_a_place_and_date_heading_is_a_dateline() -> None:
    assert roles("Phnom Penh, 17 September\n\nThe ministry rejects the accusation.")[0] == (
        "dateline",
        "Phnom Penh, 17 September",
    )
    assert roles("Kyiv, 12 November 2026\nThe ministry said two drones fell.\n\nMore.")[0][0] == "dateline"
    # a sentence that opens with a place and goes on is body text
    assert roles("Kyiv, the capital, was attacked on 12 November.\n\nMore.")[0][0] == "body"


def test_clean_dateline_sharing_a_block_with_the_first_sentence_is_split() -> None:
    result = roles("January 21, 2025\nOfficials said the alert lasted an hour.\n\nMore text here.")
    assert result == [
        ("dateline", "January 21, 2025"),
        ("body", "Officials said the alert lasted an hour."),
        ("body", "More text here."),
    ]


def test_clean_date_deep_in_the_body_is_body() -> None:
    result = roles("First sentence here.\n\nSecond one.\n\n3 May 2023\n\nThird one.")
    assert result[2] == ("body", "3 May 2023")


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe",
        "By JANE DOE",
        "By Jane Doe, Reuters",
        "By Jean-Luc O'Neil in Kyiv",
        "Jane Doe | The Courier",
    ],
)
def test_clean_byline_near_the_top(byline: str) -> None:
    result = roles(f"{byline}\n\nDrones struck the depot overnight, officials said.")
    assert result[0] == ("byline", byline)


@pytest.mark.parametrize(
    "first",
    [
        "By the time the sirens sounded, the drones had gone.",
        "By Tuesday evening",
        "Ukraine | Drones over the port",
    ],
)
def test_clean_lines_that_only_look_like_bylines(first: str) -> None:
    result = roles(f"{first}\n\nDrones struck the depot overnight, officials said.")
    assert result[0][0] != "byline"


def test_clean_byline_far_down_is_body() -> None:
    raw = "\n\n".join(["One sentence.", "Two sentence.", "Three sentence.", "Four.", "By Jane Doe"])
    assert roles(raw)[-1] == ("body", "By Jane Doe")


@pytest.mark.parametrize(
    "caption",
    [
        "Rescuers search the rubble on Monday. (Photo by Jane Doe / AFP)",
        "Smoke over the depot. AP Photo/Jane Doe",
        "Smoke over the depot. Jane Doe/Reuters",
        "A crater beside the road. Photo: Regional Police",
        "A burning tank on the outskirts, via Getty Images",
        "A drone flies over the bridge. Screenshot from video posted on Telegram",
        "Debris in a field near the village. Image released by the Regional Administration",
        "The damaged school. Handout via Reuters",
    ],
)
def test_clean_caption_carries_a_photo_credit(caption: str) -> None:
    result = roles(f"Drones struck the depot, officials said.\n\n{caption}\n\nMore body text.")
    assert result[1] == ("caption", caption)


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: Reuters",
        "(Photo by JANE DOE/AFP via Getty Images)",
        "AP Photo/Jane Doe",
        "Jane Doe/AFP via Getty Images",
        "Screenshot from video",
        "(Reporting by Jane Doe; Editing by Sam Roe)",
        "Photo credit: Jane Doe",
        "JANE DOE/Pool via Reuters",
        "Jane Doe via Getty Images.",
    ],
)
def test_clean_credit_alone_is_credit(credit: str) -> None:
    result = roles(f"Drones struck the depot, officials said.\n\n{credit}")
    assert result[1] == ("credit", credit)


@pytest.mark.parametrize(
    "body",
    [
        "Footage released by the ministry showed a drone falling into a field.",
        "The ministry released a handout photo showing the wreckage.",
        "Officials took credit for the interception, the agency said.",
        "Two drones were shot down. (Reporting by Jane Doe)",
        "Photos of the damage spread on social media within minutes.",
        "He shared Telegram photos of the crater with reporters.",
    ],
)
def test_clean_body_prose_about_pictures_stays_body(body: str) -> None:
    result = roles(f"Drones struck the depot, officials said.\n\n{body}\n\nMore text.")
    assert result[1] == ("body", body)


def test_clean_headline_short_unpunctuated_first_paragraph() -> None:
    result = roles("Blasts heard across the city overnight\n\nResidents reported three blasts.")
    assert result[0][0] == "headline"


def test_clean_headline_needs_body_after_it() -> None:
    assert roles("Blasts heard across the city overnight") == [
        ("body", "Blasts heard across the city overnight")
    ]


def test_clean_first_paragraph_with_final_punctuation_is_not_headline() -> None:
    result = roles("Residents reported three blasts.\n\nThe governor confirmed it.")
    assert result[0][0] == "body"


def test_clean_only_one_headline() -> None:
    result = roles("Blasts heard overnight\n\nA second short line\n\nResidents reported blasts.")
    assert [r for r, _ in result] == ["headline", "body", "body"]


def test_clean_first_paragraph_equal_to_title_is_headline() -> None:
    title = "Who sent the drones over the bay?"
    result = roles(
        "\u201cWho sent the drones over the bay?\u201d\n\nOfficials would not say.", title=title
    )
    assert result[0][0] == "headline"
    assert roles(f"{title}\n\nOfficials would not say.")[0][0] == "body"


def test_clean_user_resource_extends_agencies(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "credits.toml").write_text(
        '[agencies]\nnames = ["Harbour Wire"]\n', encoding="utf-8"
    )
    extended = settings.with_overrides(resource_dirs=(tmp_path,))
    raw = "Drones struck the depot, officials said.\n\nJane Doe/Harbour Wire via Getty Images"
    assert roles(raw, settings=extended)[1][0] == "credit"
    assert (
        roles("Drones struck.\n\nSmoke over the depot. Jane Doe/Harbour Wire")[1][0] == BODY.value
    )
    assert (
        roles("Drones struck.\n\nSmoke over the depot. Jane Doe/Harbour Wire", settings=extended)[
            1
        ][0]
        == "caption"
    )
