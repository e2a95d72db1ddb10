"""Exchange rates that say how old they are: --rates FILE, the band past the file's last date, and the notes."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from currency_converter import CurrencyConverter

import factcheck
from factcheck.cli import main

# A few days of ECB rates (per euro), in the ECB's own CSV layout: newest first, a trailing comma, N/A.
RATES = [
    ("2026-06-30", {"USD": "1.1000", "JPY": "160.00", "GBP": "0.8500", "CNY": "8.0000", "CYP": "N/A"}),
    ("2026-06-29", {"USD": "1.1010", "JPY": "160.50", "GBP": "0.8510", "CNY": "8.0100", "CYP": "N/A"}),
    ("2026-06-26", {"USD": "1.0990", "JPY": "159.80", "GBP": "0.8490", "CNY": "7.9900", "CYP": "N/A"}),
    ("2026-06-01", {"USD": "1.0950", "JPY": "158.00", "GBP": "0.8450", "CNY": "7.9500", "CYP": "N/A"}),
]


def _csv(rows=RATES) -> str:
    codes = list(rows[0][1])
    lines = ["Date," + ",".join(codes) + ","]
    lines += [day + "," + ",".join(rates[c] for c in codes) + "," for day, rates in rows]
    return "\n".join(lines) + "\n"


@pytest.fixture
def rates_csv(tmp_path):
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text(_csv(), encoding="utf-8")
    return path


@pytest.fixture
def rates_zip(tmp_path):
    path = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("eurofxref-hist.csv", _csv())
    return path


# $10.2m is £7.9m at 0.773 GBP per USD (0.85 / 1.10); £8.9m is 13% over, £7.1m 10% under.
ARTICLE = """---
published: {published}
---
# Chipmaker agrees takeover by US rival

Cambridge-based Silica Design has agreed to be bought by a US competitor, the companies said on
Friday, in a deal that values it at $10.2m ({pounds}) including debt.

"This is the right home for our engineers," said chief executive Maria Lopez.

Silica Design employs 140 people and reported revenue of £6.1m last year.
"""


def _file(cli, path, *extra):
    code, out, err = cli("check", "--format", "json", *extra, str(path))
    assert not err, err
    [file] = json.loads(out)["files"]
    return code, file


def _article(tmp_path, published, pounds, name="deal.md"):
    path = tmp_path / name
    path.write_text(ARTICLE.format(published=published, pounds=pounds), encoding="utf-8")
    return path


def test_article_after_the_rates_end_gets_a_widened_band_and_a_note(cli, tmp_path, rates_csv):
    wrong = _article(tmp_path, "2026-08-29", "£8.9m", "wrong.md")
    right = _article(tmp_path, "2026-08-29", "£7.9m", "right.md")
    code, file = _file(cli, wrong, "--rates", str(rates_csv))
    assert code == 1
    assert [f["rule"] for f in file["findings"]] == ["FC131"]
    note = "exchange rates end 2026-06-30, 60 days before 2026-08-29: using the latest rates with a ±4.0% band"
    assert any(n.startswith(note) for n in file["notes"]), file["notes"]
    assert "±4.0%" in file["findings"][0]["evidence"]
    code, file = _file(cli, right, "--rates", str(rates_csv))
    assert code == 0 and file["findings"] == []
    assert any(n.startswith(note) for n in file["notes"]), file["notes"]


def test_a_conversion_12_percent_under_is_flagged_too_and_the_zip_reads_like_the_csv(cli, tmp_path, rates_zip):
    wrong = _article(tmp_path, "2026-08-29", "£7.1m")
    code, file = _file(cli, wrong, "--rates", str(rates_zip))
    assert code == 1 and [f["rule"] for f in file["findings"]] == ["FC131"]


def test_the_band_widens_with_the_gap_up_to_its_cap(tmp_path, rates_csv):
    text = "The deal values Silica Design at $10.2m (£8.9m) including debt, the companies said."
    bands = {}
    for published in ("2026-07-15", "2026-08-29", "2027-06-30"):
        report = factcheck.check_text(text, published=published, rates=str(rates_csv))
        [note] = [n for n in report.notes if n.startswith("exchange rates end")]
        bands[published] = (note.split("±")[1].split()[0], [f.rule for f in report.findings])
    assert bands == {"2026-07-15": ("1.0%", ["FC131"]), "2026-08-29": ("4.0%", ["FC131"]),
                     "2027-06-30": ("20.0%", [])}


def test_within_the_rates_no_note_and_the_month_before_publication(tmp_path, rates_csv):
    report = factcheck.check_text("It paid $10.2m (£8.9m) for the site.", published="2026-06-30",
                                  rates=str(rates_csv))
    assert [f.rule for f in report.findings] == ["FC131"]
    assert "the month to 2026-06-30" in report.findings[0].evidence
    assert not [n for n in report.notes if "exchange rates" in n]


def test_the_installed_rates_name_their_own_last_date():
    last = CurrencyConverter().bounds["EUR"].last_date
    published = last + dt.timedelta(days=90)
    report = factcheck.check_text("The fund lent the developer $10.2m (£7.7m) last week.", published=published)
    assert any(n.startswith(f"exchange rates end {last.isoformat()}, 90 days before") for n in report.notes), \
        report.notes


def test_undated_and_pre_euro_articles_say_which_rates_they_were_checked_with():
    undated = factcheck.check_text("In 2004 the US trade deficit reached $617.7bn (£324bn).")
    assert any(n.startswith("no publication date: currency conversions were checked against ECB rates from")
               for n in undated.notes), undated.notes
    no_year = factcheck.check_text("The deficit reached $617.7bn (£324bn).")
    assert any("no year named" in n for n in no_year.notes), no_year.notes
    old = factcheck.check_text("The deal is worth $10m (£6m), the company said.", published="1996-03-01")
    assert any(n.startswith("exchange rates begin 1999-01-04") for n in old.notes), old.notes


def test_a_currency_the_ecb_table_lacks_is_named_and_not_checked():
    report = factcheck.check_text(
        "Foxconn paid NT$70 million (US$9 million) for the land and NT$12m (US$0.4m) for the permits.",
        published="2025-09-10")
    assert report.findings == ()
    assert "TWD is not in the ECB table: 2 conversions not checked" in report.notes


def test_a_currency_missing_from_a_loaded_file_is_named(tmp_path, rates_csv):
    report = factcheck.check_text("The mill cost C$12m (US$8.7m).", published="2026-06-30", rates=str(rates_csv))
    assert report.findings == ()
    assert "CAD is not in the ECB table: 1 conversion not checked" in report.notes


def test_the_market_rate_check_says_its_rates_are_old_too(tmp_path, rates_csv):
    report = factcheck.check_text("On Monday the dollar was trading at 1.35 pounds in London.",
                                  published="2026-08-29", rates=str(rates_csv))
    assert [f.rule for f in report.findings] == ["FC406"]
    assert any(n.startswith("exchange rates end 2026-06-30") for n in report.notes), report.notes


def test_cached_reports_are_not_reused_with_other_rates(monkeypatch, tmp_path, capsys, rates_csv):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    article = _article(tmp_path, "2026-06-30", "£7.9m")
    shifted = tmp_path / "shifted.csv"  # the pound 15% stronger: £7.9m is now wrong
    shifted.write_text(_csv([(d, {**r, "GBP": f"{float(r['GBP']) * 0.85:.4f}"}) for d, r in RATES]), encoding="utf-8")
    codes = []
    for rates in (rates_csv, shifted, rates_csv):
        codes.append(main(["check", "--format", "json", "--jobs", "1", "--rates", str(rates), str(article)]))
        capsys.readouterr()
    assert codes == [0, 1, 0]


def test_worker_processes_use_the_rates_file(tmp_path, capsys, rates_csv):
    for i in range(10):  # more than runner.SERIAL_FIRST files, so a pool of workers starts
        _article(tmp_path, "2026-08-29", "£8.9m" if i % 2 else "£7.9m", f"deal{i:02}.md")
    found = []
    for jobs in ("1", "2"):
        main(["check", "--format", "json", "--no-cache", "--jobs", jobs, "--rates", str(rates_csv), str(tmp_path)])
        files = json.loads(capsys.readouterr().out)["files"]
        found.append([(Path(f["path"]).name, [x["rule"] for x in f["findings"]], f["notes"]) for f in files])
    assert found[0] == found[1]
    assert [name for name, rules, _ in found[1] if rules == ["FC131"]] == [f"deal{i:02}.md" for i in range(1, 10, 2)]
    assert all(any("exchange rates end 2026-06-30" in n for n in notes) for _, _, notes in found[1])


def _bad(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "prose.csv").write_text("Date rates were not published this week.\n", encoding="utf-8")
    (tmp_path / "baddate.csv").write_text("Date,USD,\n30/06/2026,1.1,\n", encoding="utf-8")
    (tmp_path / "badrate.csv").write_text("Date,USD,\n2026-06-30,one,\n", encoding="utf-8")
    (tmp_path / "zero.csv").write_text("Date,USD,\n2026-06-30,0,\n", encoding="utf-8")
    (tmp_path / "norates.csv").write_text("Date,USD,\n2026-06-30,N/A,\n", encoding="utf-8")
    (tmp_path / "binary.csv").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as z:
        z.writestr("a.csv", _csv())
        z.writestr("b.csv", _csv())
    (tmp_path / "folder").mkdir()
    return ["missing.zip", "empty.csv", "prose.csv", "baddate.csv", "badrate.csv", "zero.csv", "norates.csv",
            "binary.csv", "broken.zip", "two.zip", "folder"]


def test_a_bad_rates_file_is_one_line_and_exit_2(cli, tmp_path, capsys):
    article = _article(tmp_path, "2026-08-29", "£7.9m")
    for name in _bad(tmp_path):
        for command in (["check"], ["baseline", "--output", str(tmp_path / "b.json")]):
            code, out, err = cli(*command, "--rates", str(tmp_path / name), str(article))
            assert code == 2, (name, command, out, err)
            assert out == "", (name, out)
            assert err.startswith(f"factcheck: --rates {tmp_path / name}: ") and err.count("\n") == 1, (name, err)
            assert "Traceback" not in err


def test_a_bad_rates_file_stops_the_api_before_any_check(tmp_path):
    _bad(tmp_path)
    _article(tmp_path, "2026-08-29", "£7.9m")
    with pytest.raises(factcheck.FactcheckError, match="not an ECB rates file"):
        factcheck.check_text("It cost $10m (£7.7m).", rates=str(tmp_path / "prose.csv"))
    with pytest.raises(factcheck.FactcheckError, match="no such file"):
        factcheck.check_paths([str(tmp_path)], rates=str(tmp_path / "missing.zip"))


def test_a_series_the_ecb_stopped_is_named_as_such():
    report = factcheck.check_text("The oil firm paid 9bn roubles ($100m) for the stake.", published="2024-03-01")
    [note] = [n for n in report.notes if "rates end" in n]
    assert note.startswith("RUB rates end 2022-03-01, 731 days before 2024-03-01") and "--rates" not in note


def test_a_rates_file_rewritten_in_place_is_read_again(tmp_path, rates_csv):
    text = "The deal values Silica Design at $10.2m (£7.9m) including debt, the companies said."
    assert factcheck.check_text(text, published="2026-06-30", rates=str(rates_csv)).findings == ()
    rows = [(d, {**r, "GBP": f"{float(r['GBP']) * 0.85:.4f}", "USD": r["USD"] + "0"}) for d, r in RATES]
    rates_csv.write_text(_csv(rows), encoding="utf-8")
    report = factcheck.check_text(text, published="2026-06-30", rates=str(rates_csv))
    assert [f.rule for f in report.findings] == ["FC131"]


def test_the_config_rates_key_is_used_and_the_command_line_wins(cli, tmp_path, rates_csv, monkeypatch):
    (tmp_path / ".git").mkdir()  # the repository the config's paths stay inside
    (tmp_path / ".factcheck.yaml").write_text(f"rates: {rates_csv.name}\n", encoding="utf-8")
    wrong = _article(tmp_path, "2026-08-29", "£8.9m", "wrong.md")
    code, file = _file(cli, wrong)
    assert code == 1 and [f["rule"] for f in file["findings"]] == ["FC131"]
    assert any(n.startswith("exchange rates end 2026-06-30") for n in file["notes"]), file["notes"]
    newer = tmp_path / "newer.csv"
    newer.write_text(_csv([("2026-08-28", RATES[0][1])] + RATES), encoding="utf-8")
    code, file = _file(cli, wrong, "--rates", str(newer))
    assert not any(n.startswith("exchange rates end 2026-06-30") for n in file["notes"]), file["notes"]
