#!/usr/bin/env python
"""Build (or refresh) the cached gazetteer index and report what it holds.

The index is built from the GeoNames package and the resource files under
src/corroborator/resources/gazetteer/ (plus same-named files in your `resources.dirs`) the
first time the gazetteer is loaded, and cached under $CORROBORATOR_CACHE_DIR (default
~/.cache/corroborator). Run this after editing a resource file to check it (a malformed
row fails with the file and row named), to warm the cache on a new machine, and to see
the build and load costs.

Usage:
    .venv/bin/python scripts/build_gazetteer.py [--lookup NAME ...] [--text SENTENCE ...]

--lookup prints the ranked entries for a name; --text runs place extraction on a
sentence (loads the spaCy pipeline) and prints each mention.
"""

from __future__ import annotations

import argparse
import sys
import time

from corroborator import model
from corroborator.config import load_settings
from corroborator.extract.gazetteer import Gazetteer, _cache_dir, _data_digest, describe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lookup", nargs="*", default=[], help="names to look up")
    parser.add_argument("--text", nargs="*", default=[], help="sentences to extract places from")
    parser.add_argument("--rebuild", action="store_true", help="ignore an existing cache")
    args = parser.parse_args(argv)

    settings = load_settings()
    cache = _cache_dir() / f"gazetteer-{_data_digest(settings)}.pickle"
    if args.rebuild and cache.exists():
        cache.unlink()
    built = not cache.exists()
    started = time.perf_counter()
    gazetteer = Gazetteer.load(settings)
    first = time.perf_counter() - started
    started = time.perf_counter()
    Gazetteer.load(settings)
    cached = time.perf_counter() - started

    print(describe(gazetteer))
    print(
        f"cache: {cache} ({cache.stat().st_size / 1e6:.1f} MB)"
        if cache.exists()
        else "cache: not writable"
    )
    print(f"{'build' if built else 'load'}: {first:.1f} s; load from cache: {cached:.1f} s")

    for name in args.lookup:
        print(f"\n{name}:")
        for place in gazetteer.lookup(name)[:5]:
            print(
                f"  {place.id:32} {place.name} ({place.kind}, {place.country_code}, {place.admin1})"
            )

    if args.text:
        from corroborator.extract.nlp import load_nlp
        from corroborator.extract.places import find_places

        nlp = load_nlp(settings.nlp_model)
        for number, text in enumerate(args.text):
            report = model.NormalisedReport(
                report=model.Report(id=f"text{number}", text=text),
                text=text,
                paragraphs=(model.Paragraph(start=0, end=len(text)),),
                publication=model.PublicationTime(),
            )
            print(f"\n{text}")
            for m in find_places(
                nlp(text),
                gazetteer=gazetteer,
                report=report,
                focus_countries=settings.focus_countries,
            ):
                where = f"{m.place.name} ({m.place.kind}, {m.place.country_code}, {m.place.admin1})"
                how = f"precision={int(m.precision)} role={m.role.value} match={m.match}"
                print(f"  {m.span.text!r} → {where} {how}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
