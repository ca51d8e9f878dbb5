"""Hand-built claims for reconcile tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import count
from typing import Any

import pytest

from corroborator import model

_ids = count(1)

SOURCES = {
    "ru_mod": model.Source(
        key="ru-mod",
        name="Russian Ministry of Defence",
        kind=model.SourceKind.MILITARY,
        affiliation="RU",
    ),
    "ru_tass": model.Source(
        key="tass", name="TASS", kind=model.SourceKind.STATE_MEDIA, affiliation="RU"
    ),
    "ua_af": model.Source(
        key="ua-air-force",
        name="Ukrainian Air Force",
        kind=model.SourceKind.MILITARY,
        affiliation="UA",
    ),
    "ua_official": model.Source(
        key="ua-official",
        name="a Ukrainian official",
        kind=model.SourceKind.OFFICIAL,
        affiliation="UA",
    ),
    "wire": model.Source(key="wire", name="Meridian Wire", kind=model.SourceKind.WIRE_AGENCY),
    "residents": model.Source(key="residents", name="residents", kind=model.SourceKind.EYEWITNESS),
    "outlet": model.Source(
        key="outlet:daily", name="The Daily", kind=model.SourceKind.INDEPENDENT_MEDIA
    ),
}


def interval(
    start: str,
    end: str,
    precision: model.TimePrecision = model.TimePrecision.PART_OF_DAY,
    year_known: bool = True,
) -> model.TimeInterval:
    return model.TimeInterval(
        start=datetime.fromisoformat(start),
        end=datetime.fromisoformat(end),
        precision=precision,
        year_known=year_known,
    )


@pytest.fixture()
def claim() -> Callable[..., model.Claim]:
    def make(
        attribute: model.Attribute,
        value: Any,
        *,
        source: str = "wire",
        stance: model.Stance = model.Stance.ASSERTS,
        report: str = "r1",
        words: str = "words",
        attributed: bool = True,
    ) -> model.Claim:
        n = next(_ids)
        if isinstance(value, int):
            value = model.Quantity(min=value, max=value)
        elif isinstance(value, str):
            value = model.Label(code=value, text=value)
        return model.Claim(
            id=f"{report}:c{n}",
            report_id=report,
            frame_id=f"{report}#f1",
            attribute=attribute,
            value=value,
            stance=stance,
            source=SOURCES[source],
            evidence=model.Span(report_id=report, start=n, end=n + 5, text=words),
            attribution_id=f"{report}:a{n}" if attributed else None,
        )

    return make
