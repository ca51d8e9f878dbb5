"""Attribution finding (who said what), under the name the extract stage lists it by.

The finder itself lives in `attribution.py`; this module re-exports its public API.
"""

from __future__ import annotations

from corroborator.extract.attribution import default_lexicon, find_attributions
from corroborator.extract.attribution_lexicon import CueLexicon

__all__ = ["CueLexicon", "default_lexicon", "find_attributions"]
