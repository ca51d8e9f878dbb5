"""Which language a report is written in, when the input does not say.

Extraction is English-only: a report in another language read as English yields nonsense
claims (or none) with nothing to tell the analyst why. So ingest records the language, and
the normalise stage flags every non-English report instead of silently processing it.

Detection uses py3langid (a naive Bayes model over byte n-grams, 140+ languages). It is
sure of itself on a paragraph and unreliable on a headline-length snippet, where an
English phrase of place names comes out as Danish or Latin. The rules are therefore
conservative in one direction only, because a false "not English" costs a report all its
facts while a false "English" costs nothing that was not already lost:

- a guess counts when the model gives it at least `MIN_CONFIDENCE`;
- below that, a text written mostly in a non-Latin script (Cyrillic, Arabic, CJK...) is
  certainly not English, and the model's best guess is taken;
- otherwise the language stays unknown, and later stages treat the report as English, as
  they did before detection existed.

Measured on the 1,181 English news documents of PolNeAR and TimeBank (see the ingest
tests): no document detected as another language; on their first 40 characters, 369
snippets were guessed as something else but none with confidence 0.9 or more.

Declared languages ("en-GB", "English", "uk") are normalised to a lower-case primary
subtag by `language_code`; names are data (resources/ingest/languages.toml).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from corroborator.config import Settings, packaged_resource, read_resource_toml, resource_paths
from corroborator.errors import ResourceError

LANGUAGES_RESOURCE = "ingest/languages.toml"

#: Probability (normalised over all languages) a guess needs before it is believed.
MIN_CONFIDENCE = 0.9
#: Share of letters outside the Latin script above which a text cannot be English.
NON_LATIN_SHARE = 0.5
#: Fewer letters than this say nothing reliable about a language, whatever the script.
MIN_LETTERS = 12
#: How much text the model reads: a few paragraphs decide, and the cost stays flat.
SAMPLE_CHARS = 4000

ENGLISH = "en"


@dataclass(frozen=True, kw_only=True)
class LanguageGuess:
    """What detection concluded: `code` is None when it could not tell."""

    code: str | None
    confidence: float
    basis: str


@dataclass(frozen=True, kw_only=True)
class LanguageNames:
    """Language names and aliases → ISO 639-1 codes (from resources/ingest/languages.toml)."""

    codes: dict[str, str]
    names: dict[str, str]

    def code_of(self, declared: str) -> str | None:
        """The primary language code a declared value means; None when it means nothing."""
        value = declared.strip().casefold().replace("_", "-")
        if not value:
            return None
        if value in self.codes:
            return self.codes[value]
        primary = value.split("-", 1)[0]
        if primary.isalpha() and 2 <= len(primary) <= 3:
            return primary
        return None

    def name_of(self, code: str) -> str:
        return self.names.get(code, code)


def language_names(settings: Settings | None = None) -> LanguageNames:
    if settings is None:
        return _load_names((packaged_resource(LANGUAGES_RESOURCE),))
    return _load_names(tuple(resource_paths(LANGUAGES_RESOURCE, settings)))


@lru_cache(maxsize=8)
def _load_names(paths: tuple[Path, ...]) -> LanguageNames:
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for path in paths:
        doc: dict[str, Any] = read_resource_toml(path, what="the language names")
        for code, entry in doc.get("languages", {}).items():
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise ResourceError(f'{path}: [languages].{code} needs name = "..." (and optional aliases)')
            aliases = entry.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ResourceError(f"{path}: [languages].{code}.aliases must be a list of strings")
            names[code] = entry["name"]
            for alias in (entry["name"], *aliases):
                codes[alias.casefold()] = code
    return LanguageNames(codes=codes, names=names)


def language_code(declared: str | None, *, names: LanguageNames) -> str | None:
    """A declared language as a primary code ("en-GB" → "en", "Ukrainian" → "uk")."""
    if declared is None:
        return None
    return names.code_of(declared)


#: Declared values that say "English" or say nothing ("und": undetermined, ISO 639-2).
_ENGLISH_OR_UNKNOWN = frozenset({ENGLISH, "eng", "english", "und", ""})


def is_english(language: str | None) -> bool:
    """Unknown counts as English: the behaviour before detection, and the safe side."""
    if language is None:
        return True
    return language.strip().casefold().replace("_", "-").split("-", 1)[0] in _ENGLISH_OR_UNKNOWN


def detect_language(text: str) -> LanguageGuess:
    """The language of `text` under the module's rules."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return LanguageGuess(code=None, confidence=0.0, basis="too little text to tell")
    code, probability = _identifier().classify(sample)
    confidence = float(probability)
    if confidence >= MIN_CONFIDENCE:
        return LanguageGuess(code=str(code), confidence=confidence, basis="detected")
    non_latin = sum(1 for ch in letters if not _latin(ch)) / len(letters)
    if non_latin > NON_LATIN_SHARE and code != ENGLISH:
        return LanguageGuess(code=str(code), confidence=confidence, basis="detected (non-Latin script)")
    return LanguageGuess(code=None, confidence=confidence, basis="uncertain")


def _latin(ch: str) -> bool:
    try:
        return unicodedata.name(ch).startswith("LATIN")
    except ValueError:  # unnamed code points (private use): not Latin
        return False


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The model, loaded once (about a third of a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
