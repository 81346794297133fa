"""Small ACLED and UCDP GED exports written for the tests: their published columns, synthetic rows
(never rows copied from the datasets)."""

from __future__ import annotations

import csv
import io

from geo.core.context import COLUMNS

# Synthetic places near the strikes, and one far inland.
POINTS = [(27.37, 62.33), (26.97, 64.09), (27.10, 63.40), (28.00, 61.50)]


def acled_rows(n: int = 4) -> list[dict]:
    out = []
    for i in range(n):
        lat, lon = POINTS[i % len(POINTS)]
        out.append(
            {
                "event_id_cnty": f"TST{i + 1}",
                "event_date": f"{10 + i % 20} January 2024" if i % 2 else f"2024-01-{10 + i % 20:02d}",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "actor1": "Test actor A",
                "actor2": "Test actor B",
                "admin1": "Sistan and Baluchestan" if lon < 63 else "Balochistan",
                "location": f"Test place {i + 1}",
                "latitude": f"{lat + 0.001 * i:.4f}",
                "longitude": f"{lon:.4f}",
                "geo_precision": str(1 + i % 3),
                "source": "Test Wire",
                "notes": f"Synthetic test row {i + 1}.",
                "fatalities": str(i % 5),
                "tags": "",
            }
        )
    return out


def ucdp_rows(n: int = 4) -> list[dict]:
    out = []
    for i in range(n):
        lat, lon = POINTS[i % len(POINTS)]
        best = i % 7
        out.append(
            {
                "id": str(900000 + i),
                "date_start": f"2024-01-{10 + i % 18:02d} 00:00:00.000",
                "date_end": f"2024-01-{11 + i % 18:02d} 00:00:00.000",
                "type_of_violence": str(1 + i % 3),
                "side_a": "Test side A",
                "side_b": "Test side B",
                "latitude": f"{lat:.4f}",
                "longitude": f"{lon + 0.001 * i:.4f}",
                "where_prec": str(1 + i % 7),
                "where_coordinates": f"Test village {i + 1}",
                "adm_1": "Sistan and Baluchestan province",
                "country": "Iran",
                "best": str(best),
                "low": str(max(0, best - 1)),
                "high": str(best + 2),
                "source_article": f"Test Wire {i + 1}",
            }
        )
    return out


def to_csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


assert set(COLUMNS["ACLED"]) <= set(acled_rows(1)[0]) and set(COLUMNS["UCDP GED"]) <= set(ucdp_rows(1)[0])
