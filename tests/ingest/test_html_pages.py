"""HTML pages: main text without page furniture, metadata, captions kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.errors import EmptyInput
from corroborator.ingest import read_bytes, read_paths
from corroborator.model import IngestFailure, Report

HTML = Path(__file__).resolve().parents[1] / "data" / "ingest" / "html"


def page(name: str, settings: Settings) -> Report:
    [report] = read_bytes((HTML / name).read_bytes(), origin=name, default_id=name.split(".")[0], settings=settings)
    return report


def test_html_pages_main_text_leaves_menus_banners_and_footers_out(settings: Settings) -> None:
    report = page("article_captions.html", settings)
    assert report.format == "html"
    assert report.text.startswith("At least three drones struck a fuel depot")
    assert report.text.endswith("once the fire had been fully extinguished.")
    for furniture in ("cookies", "Business", "Most read", "Cup final", "All rights reserved", "trackPageView"):
        assert furniture not in report.text, furniture


def test_html_pages_body_is_one_paragraph_per_block(settings: Settings) -> None:
    report = page("article_captions.html", settings)
    paragraphs = report.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[1].startswith("Two workers were taken to hospital")


def test_html_pages_metadata_fills_the_report(settings: Settings) -> None:
    report = page("article_captions.html", settings)
    assert report.title == "Drones hit fuel depot near Marenka, officials say"
    assert report.outlet == "The Lowland Observer"
    assert report.url == "https://observer.example/world/2024/09/18/marenka-depot"
    # The declared time exactly as the page states it, clock and offset included.
    assert report.published == "2024-09-18T06:45:00+03:00"
    assert report.extra["byline"] == "Tomas Irving"
    assert report.extra["html_lang"] == "en-GB"
    assert report.language == "en"


def test_html_pages_captions_of_the_article_are_kept_apart(settings: Settings) -> None:
    report = page("article_captions.html", settings)
    assert report.extra["captions"] == [
        "Firefighters at the depot outside Marenka on Wednesday morning. Photo: Lena Broad",
        "A column of smoke seen from the motorway, about ten kilometres away.",
    ]
    assert "column of smoke" not in report.text and "Firefighters at the depot" not in report.text


def test_html_pages_captions_in_related_story_boxes_are_not_the_articles(settings: Settings) -> None:
    report = page("article_captions.html", settings)
    assert not any("bridge" in caption for caption in report.extra["captions"])


def test_html_pages_declared_charset_is_honoured(settings: Settings) -> None:
    report = page("cyrillic_cp1251.html", settings)
    assert "Сили протиповітряної оборони" in report.text
    assert report.title == "Вночі над Мареною збили чотири дрони"
    assert report.language == "uk"


def test_html_pages_without_article_text_fail_clearly(settings: Settings) -> None:
    with pytest.raises(EmptyInput, match="no article text"):
        page("menus_only.html", settings)


def test_html_pages_failure_from_a_directory_names_the_file(settings: Settings) -> None:
    outcomes = list(read_paths([HTML / "menus_only.html"], settings=settings))
    [failure] = outcomes
    assert isinstance(failure, IngestFailure)
    assert failure.origin.endswith("menus_only.html") and failure.format == "html"
    assert failure.raw.startswith(b"<!DOCTYPE html>")


def test_html_pages_without_a_date_meta_keep_only_the_date_they_state(settings: Settings) -> None:
    markup = (
        b"<html><head><title>Night alert</title></head><body><article><h1>Night alert</h1>"
        b'<time datetime="2024-05-06">6 May 2024</time>'
        b"<p>Sirens sounded over the city of Lissand for most of the night, and residents spent hours in shelters "
        b"before the all-clear was given shortly after five in the morning.</p>"
        b"<p>Officials said no damage had been reported by the time the alert ended.</p></article></body></html>"
    )
    [report] = read_bytes(markup, origin="alert.html", default_id="alert", fmt="html", settings=settings)
    # A date without a clock time is not padded to a midnight the page never stated.
    assert report.published is None or "T00:00" not in report.published


def test_html_pages_are_sniffed_from_content_without_a_name(settings: Settings) -> None:
    data = (HTML / "article_captions.html").read_bytes()
    [report] = read_bytes(data, origin="stdin", default_id="stdin", settings=settings)
    assert report.format == "html" and report.title is not None
