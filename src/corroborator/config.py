"""Settings, layered: packaged defaults < user file < environment < command-line flags.

- Packaged defaults: `resources/defaults.toml` (the documentation of every key).
- User file: the path in $CORROBORATOR_CONFIG, else `./corroborator.toml`, else
  `~/.config/corroborator/config.toml` (the first that exists).
- Environment: `CORROBORATOR_<SECTION>_<KEY>`, e.g. `CORROBORATOR_NLP_MODEL=en_core_web_md`.
- Flags: the CLI passes its options as `overrides={"store.path": ...}`.

Resource files (gazetteer, source registry, lexicons) are data: `resource_paths(name)`
returns the packaged file followed by same-named files in the user's `resources.dirs`,
so a user extends them without editing the package.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from corroborator.errors import ConfigError

_ENV_PREFIX = "CORROBORATOR_"


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Every option in one place; see resources/defaults.toml for what each means."""

    nlp_model: str
    batch_size: int
    db_path: Path
    max_input_bytes: int
    link_threshold: float
    focus_countries: tuple[str, ...]
    resource_dirs: tuple[Path, ...] = field(default=())
    sources: tuple[str, ...] = field(default=(), compare=False)

    def with_overrides(self, **changes: Any) -> Settings:
        values = {f: getattr(self, f) for f in self.__dataclass_fields__}
        values.update({k: v for k, v in changes.items() if v is not None})
        return Settings(**values)


# dotted key in the TOML → (Settings field, converter)
_KEYS: dict[str, tuple[str, Any]] = {
    "nlp.model": ("nlp_model", str),
    "nlp.batch_size": ("batch_size", int),
    "store.path": ("db_path", Path),
    "ingest.max_bytes": ("max_input_bytes", int),
    "link.threshold": ("link_threshold", float),
    "places.focus_countries": ("focus_countries", lambda v: tuple(_as_list(v))),
    "resources.dirs": ("resource_dirs", lambda v: tuple(Path(p).expanduser() for p in _as_list(v))),
}


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    raise ConfigError(f"expected a list or a comma-separated string, got {value!r}")


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return _flatten(tomllib.load(fh))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings file ({exc.strerror})") from exc


def _user_file(environ: Mapping[str, str]) -> Path | None:
    explicit = environ.get(_ENV_PREFIX + "CONFIG")
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"CORROBORATOR_CONFIG points to {path}, which does not exist")
        return path
    for candidate in (
        Path("corroborator.toml"),
        Path("~/.config/corroborator/config.toml").expanduser(),
    ):
        if candidate.is_file():
            return candidate
    return None


def _from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for dotted in _KEYS:
        name = _ENV_PREFIX + dotted.replace(".", "_").upper()
        if name in environ:
            found[dotted] = environ[name]
    return found


def load_settings(
    *, overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Build the settings from every layer. `overrides` uses dotted keys ("store.path")."""
    env = os.environ if environ is None else environ
    layers: list[tuple[str, dict[str, Any]]] = [("packaged defaults", _packaged_defaults())]
    user = _user_file(env)
    if user is not None:
        layers.append((str(user), _read_toml(user)))
    layers.append(("environment", _from_environment(env)))
    layers.append(("command line", {k: v for k, v in (overrides or {}).items() if v is not None}))

    merged: dict[str, Any] = {}
    sources: list[str] = []
    for origin, layer in layers:
        unknown = sorted(set(layer) - set(_KEYS))
        if unknown:
            raise ConfigError(
                f"{origin}: unknown setting(s) {', '.join(unknown)}; see defaults.toml"
            )
        if layer:
            sources.append(origin)
        merged.update(layer)

    values: dict[str, Any] = {}
    for dotted, (name, convert) in _KEYS.items():
        try:
            values[name] = convert(merged[dotted])
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"setting {dotted}={merged[dotted]!r} is invalid: {exc}") from exc
    return Settings(**values, sources=tuple(sources))


def _packaged_defaults() -> dict[str, Any]:
    text = resources.files("corroborator.resources").joinpath("defaults.toml").read_text("utf-8")
    return _flatten(tomllib.loads(text))


def read_resource_toml(path: Path, *, what: str) -> dict[str, Any]:
    """One resource TOML file. `what` names its content for the error ("the party table"),
    so a user who broke their extension file learns which file and what to fix."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        from corroborator.errors import ResourceError

        raise ResourceError(f"{path}: cannot read {what}: not valid TOML ({exc}); fix or remove the file") from exc
    except OSError as exc:
        from corroborator.errors import ResourceError

        raise ResourceError(f"{path}: cannot read {what} ({exc.strerror or exc})") from exc


def merge_resource_tables(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """A user's resource file on top of the packaged one: tables merge, lists extend,
    other values override. `base` is not modified."""
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(merged.get(key), dict) and isinstance(value, Mapping):
            merged[key] = merge_resource_tables(merged[key], value)
        elif isinstance(merged.get(key), list) and isinstance(value, list):
            merged[key] = merged[key] + value
        else:
            merged[key] = value
    return merged


def packaged_resource(name: str) -> Path:
    """Path of a packaged resource file (e.g. 'gazetteer/places.tsv')."""
    path = Path(str(resources.files("corroborator.resources").joinpath(name)))
    if not path.exists():
        from corroborator.errors import ResourceError

        raise ResourceError(f"packaged resource {name} is missing; reinstall corroborator")
    return path


def resource_paths(name: str, settings: Settings) -> list[Path]:
    """The packaged resource file, then same-named files from the user's resource dirs."""
    paths = [packaged_resource(name)]
    paths.extend(d / name for d in settings.resource_dirs if (d / name).is_file())
    return paths
