"""Properties of clean_text on arbitrary input: paragraphs in order, inside the text, stable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborator.model import ParagraphRole
from corroborator.normalise.clean import clean_text

# Text with the characters clean-up is about, mixed with ordinary words and line breaks.
awkward = st.sampled_from(
    ["\n", "\n\n", "\r\n", "\r", " ", "\u00a0", "\t", "\u200b", "\ufeff", "\u00ad", "\u2019",
     "\u201c", "\u2029", "\u0301", "\x00", "\x07", "By ", "Photo: ", "AP Photo/", " / AFP",
     "(Photo by ", ")", "3 May 2023", "Jane Doe", ".", ",", "drones", "|"]
)  # fmt: skip
texts = st.text(max_size=300) | st.lists(awkward | st.text(max_size=8), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(raw=texts)
def test_clean_properties_paragraphs_ordered_disjoint_inside(raw: str) -> None:
    text, paragraphs = clean_text(raw)
    previous_end = 0
    for p in paragraphs:
        assert 0 <= previous_end <= p.start < p.end <= len(text)
        chunk = text[p.start : p.end]
        assert chunk == chunk.strip() and "\n\n" not in chunk
        assert isinstance(p.role, ParagraphRole)
        previous_end = p.end
    # Every non-blank character of the text is in some paragraph.
    covered = "".join(text[p.start : p.end] for p in paragraphs)
    assert len("".join(covered.split())) == len("".join(text.split()))


@settings(max_examples=400, deadline=None)
@given(raw=texts)
def test_clean_properties_output_is_clean_and_stable(raw: str) -> None:
    text, _ = clean_text(raw)
    assert "\r" not in text and "\t" not in text and "\u00a0" not in text
    assert "\u200b" not in text and "\ufeff" not in text and "\x00" not in text
    assert "\u2019" not in text and "\u201c" not in text
    assert "\n\n\n" not in text and "  " not in text
    assert text == text.strip()
    assert clean_text(text)[0] == text
