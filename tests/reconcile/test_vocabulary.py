"""Which weapon and target descriptions dispute each other comes from the lexicon files."""

from __future__ import annotations

from pathlib import Path

from corroborator.config import load_settings
from corroborator.reconcile.vocabulary import DisputeVocabulary, packaged


def test_vocabulary_packaged_families_carriers_and_non_military_targets() -> None:
    vocabulary = packaged()
    assert vocabulary.weapon_family("naval_drone") == "drone"
    assert vocabulary.weapon_family("rocket") == "missile"
    assert vocabulary.weapon_family("aircraft") is None
    assert vocabulary.weapon_family("glide_bomb") == "glide_bomb"
    assert {"residential", "energy"} <= vocabulary.not_military
    assert "military" not in vocabulary.not_military


def test_vocabulary_a_users_lexicon_extends_the_families(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "weapons.toml").write_text('[families]\nloitering_munition = "drone"\n', encoding="utf-8")
    settings = load_settings(environ={}, overrides={"resources.dirs": [str(tmp_path)]})
    vocabulary = DisputeVocabulary.load(settings)
    assert vocabulary.weapon_family("loitering_munition") == "drone"
    assert vocabulary.weapon_family("naval_drone") == "drone"
