"""ECB exchange rates: the history file (installed, or --rates FILE) and the band of rates for a span of days.

Past the last date of the file, a band uses the file's last month of rates and widens by WIDEN_PER_MONTH of the
rate for every month (30 days) between that date and the end of the span, pro rata by day, at most WIDEN_CAP:
2% a month, at most 20%. Measured on the installed ECB history (benchmarks/rate_drift.py): with the 3%
tolerance of the currency rules on top, that band holds about 95% of the rates 1 to 12 months after a month's
band (91-93% at 18-24 months, where the cap holds), for pairs of 16 major and emerging currencies. Such a band
says so in a note naming the file's last date; a band is never the whole 1999-today record without a note.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from .errors import InputError

WIDEN_PER_MONTH = 0.02  # of the rate, per 30 days of gap between the file's last date and the days asked for
WIDEN_CAP = 0.20
LATEST_DAYS = 30  # past the file's end, the band starts from the rates of its last month
BANDS_KEPT = 4096  # bands remembered per file (undated texts ask for many spans)
MAX_BYTES = 64 * 1024 * 1024  # a rates file (or the CSV in its zip) larger than this is not an ECB history file
DOWNLOAD = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"


@dataclass(frozen=True)
class Band:
    """The lowest and highest rate (dst per src) a text may have used, what they are, and a note for the report."""

    low: float
    high: float
    where: str
    note: str | None = None


class Rates:
    """One ECB history (currency_converter's CurrencyConverter) with the bands the conversion checks ask for."""

    def __init__(self, converter: Any, digest: str = "") -> None:
        self.converter, self.digest = converter, digest
        self._bands: dict[tuple, tuple[float, float] | None] = {}

    @property
    def currencies(self) -> set[str]:
        return set(self.converter.currencies)

    @property
    def last_date(self) -> dt.date:
        return self.converter.bounds["EUR"].last_date

    def known(self, src: str, dst: str) -> tuple[dt.date, dt.date] | None:
        """The first and last day both currencies have rates for; None when the table lacks one of them."""
        c = self.converter
        if src not in c.currencies or dst not in c.currencies:
            return None
        ends = [c.bounds[cur] for cur in (src, dst) if cur != "EUR"]
        if not ends:
            return None
        return max(b.first_date for b in ends), min(b.last_date for b in ends)

    def between(self, src: str, dst: str, first: dt.date, last: dt.date) -> tuple[float, float] | None:
        """The lowest and highest rate (dst per src) on the days from first to last that the file has."""
        key = (src, dst, first, last)
        if key not in self._bands:
            if len(self._bands) >= BANDS_KEPT:
                self._bands.clear()
            self._bands[key] = self._sample(src, dst, first, last)
        return self._bands[key]

    def _sample(self, src: str, dst: str, first: dt.date, last: dt.date) -> tuple[float, float] | None:
        step = max(1, (last - first).days // 400)
        rates = []
        day = first
        while day <= last:
            try:
                rates.append(self.converter.convert(1.0, src, dst, date=day))
            except Exception:  # a rate missing around a gap in the record: skip that day
                pass
            day += dt.timedelta(days=step)
        return (min(rates), max(rates)) if rates else None

    def band(self, src: str, dst: str, first: dt.date, last: dt.date, label: str) -> Band | None:
        """The rates from first to last; past the file's end, its last month widened by the gap (with a note);
        before its start, the whole record (with a note). label says what the days are ("the month to ...")."""
        known = self.known(src, dst)
        if known is None:
            return None
        if last < known[0]:
            whole = self.between(src, dst, *known)
            note = (f"{self._series(src, dst, known[0], 0)} begin {known[0].isoformat()}: conversions dated before it "
                    f"were checked against every ECB rate to {known[1].isoformat()}")
            return Band(*whole, f"ECB {known[0].year}–{known[1].year}, the widest on record", note) if whole else None
        if last <= known[1]:
            got = self.between(src, dst, max(first, known[0]), last)
            return Band(*got, f"ECB, {label}") if got else None
        start = max(known[0], min(first, known[1] - dt.timedelta(days=LATEST_DAYS)))  # at least its last month
        got = self.between(src, dst, start, known[1])
        if got is None:
            return None
        gap = (last - known[1]).days
        widen = widening(gap)
        series = self._series(src, dst, known[1], 1)
        refresh = " (refresh them with --rates FILE)" if series == "exchange rates" else ""
        note = (f"{series} end {known[1].isoformat()}, {gap} days before {last.isoformat()}: using the latest rates "
                f"with a ±{widen:.1%} band{refresh}")
        where = (f"ECB {start.isoformat()} to {known[1].isoformat()}, the latest rates, ±{widen:.1%} for "
                 f"{gap} days since")
        return Band(got[0] * (1 - widen), got[1] * (1 + widen), where, note)

    def _series(self, src: str, dst: str, day: dt.date, end: int) -> str:
        """ "exchange rates" when day is the file's own first (end 0) or last (end 1) day, else the currencies whose
        series starts or stops there ("RUB rates": the ECB stopped quoting the rouble in 2022)."""
        bounds = self.converter.bounds
        if day == bounds["EUR"][end]:
            return "exchange rates"
        return " and ".join(c for c in (src, dst) if c != "EUR" and bounds[c][end] == day) + " rates"


def widening(gap_days: int) -> float:
    """How much a band widens (a fraction of the rate) for rates gap_days older than the days asked for."""
    return min(WIDEN_CAP, WIDEN_PER_MONTH * max(0, gap_days) / 30)


def load(path: str | None = None) -> Rates:
    """The ECB history: the one installed with currency_converter, or a newer file (the ECB's eurofxref-hist.zip
    or its CSV), loaded again when the file changes. A missing, unreadable or invalid file raises InputError."""
    if path is None:
        return _load(None, None)
    try:
        st = os.stat(path)
        stamp = (st.st_size, st.st_mtime_ns)
    except OSError:
        stamp = None
    return _load(str(path), stamp)


@lru_cache(maxsize=4)
def _load(path: str | None, stamp: tuple[int, int] | None) -> Rates:
    from currency_converter import CurrencyConverter

    if path is None:
        return Rates(CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True))
    name = f"--rates {path}"
    data = _read(Path(path), name)
    lines = _lines(data, name)
    _validate(lines, name)
    converter = CurrencyConverter(currency_file=None, fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    try:
        converter.load_lines(lines)
    except (ValueError, IndexError, TypeError, ArithmeticError) as exc:
        raise InputError(f"{name}: not an ECB rates file ({type(exc).__name__}; download {DOWNLOAD})") from None
    return Rates(converter, hashlib.sha256(data).hexdigest())


def _read(path: Path, name: str) -> bytes:
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if not path.is_file():
        raise InputError(f"{name}: not a file")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{name}: too large for an ECB rates file (over {MAX_BYTES // 2**20} MB)")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None


def _lines(data: bytes, name: str) -> list[str]:
    """The CSV lines of a rates file: the one CSV in the ECB's zip, or the CSV itself."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(BytesIO(data)) as z:
                members = [i for i in z.infolist() if not i.is_dir()]
                if len(members) != 1 or members[0].file_size > MAX_BYTES:
                    raise InputError(f"{name}: not an ECB rates zip (it holds one CSV file, eurofxref-hist.csv)")
                data = z.read(members[0])
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(f"{name}: a broken zip file ({exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not an ECB rates file (not UTF-8 text or a zip)") from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or lines[0].split(",")[0].strip() != "Date":
        raise InputError(f"{name}: not an ECB rates file (its first line is not the header Date,USD,JPY,...)")
    return lines


def _validate(lines: list[str], name: str) -> None:
    """The ECB layout: a header Date,USD,JPY,... then a date (YYYY-MM-DD) and a positive rate or N/A per code."""
    codes = [c.strip() for c in lines[0].split(",")[1:]]
    if not any(codes) or not all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes if c):
        raise InputError(f"{name}: not an ECB rates file (its header names no currency codes such as USD)")
    found = False
    for n, line in enumerate(lines[1:], 2):
        fields = [f.strip() for f in line.split(",")]
        try:
            dt.date.fromisoformat(fields[0])
        except ValueError:
            raise InputError(f"{name}: line {n}: the date is not YYYY-MM-DD") from None
        for value in fields[1 : len(codes) + 1]:
            if value in ("", "N/A"):
                continue
            try:
                rate = float(value)
            except ValueError:
                rate = float("nan")
            if not 0 < rate < float("inf"):
                raise InputError(f"{name}: line {n}: a rate that is not a positive number")
            found = True
    if not found:
        raise InputError(f"{name}: not an ECB rates file (no rates in it; download {DOWNLOAD})")
