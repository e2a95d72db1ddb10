"""The rough edges a first run meets (issue 13.4): terminal width and carets, the line format, shared notes, one
`factcheck:` prefix, --verbose and `factcheck config`, `factcheck cache clean`."""

import json
import re

import pytest
from rich.cells import cell_len

from factcheck.cli import error_text, main

# A long unwrapped paragraph (as a CMS exports it), a tab and wide characters before the wrong weekday.
LONG = ("---\ntitle: Harbour bridge\npublished: 2024-05-20\n---\n"
        "# Harbour bridge reopens\n\n"
        "After eleven months of repairs — and a dispute over the café kiosks on the north ramp (北桥) —\t"
        "the city said the bridge would reopen on Monday, May 14, 2024, well before the summer season, "
        "according to a statement from the transport office that also listed the new tolls.\r\n\r\n"
        "\"We are pleased,\" the mayor said.\r\n")
# The same fault said another way, in HTML, with the weekday late in a long line.
LONG_HTML = ("<html><head><meta property=\"article:published_time\" content=\"2023-11-02\"></head><body>"
             "<p>The museum, which has been closed since a flood damaged its basement archive and two of the "
             "galleries on the ground floor, will open its doors again on Thursday, October 3, 2023, its "
             "director told reporters.</p><p>Tickets go on sale next week.</p></body></html>\n")


def _cells(text: str) -> list[str]:
    """The characters of a line, one entry per terminal cell (a wide character fills two)."""
    out: list[str] = []
    for ch in text:
        out.extend([ch] * cell_len(ch))
    return out


def _carets(out: str) -> list[tuple[str, str]]:
    """(source line, the text above its ^ carets) for each caret line of a terminal report."""
    lines = out.splitlines()
    found = []
    for above, line in zip(lines, lines[1:], strict=False):
        if "│" in line and "^" in line and "│" in above:
            source, marks = _cells(above), _cells(line)
            found.append((above, "".join(source[i] for i, m in enumerate(marks) if m == "^" and i < len(source))))
    return found


@pytest.mark.parametrize("columns", [60, 80, 132])
def test_the_terminal_report_fits_the_width_and_carets_point_at_the_figure(cli_here, tmp_path, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    (tmp_path / "bridge.md").write_bytes(LONG.encode("utf-8"))
    code, out, _ = cli_here("check", "bridge.md", "--no-color")
    assert code == 1 and "\x1b[" not in out
    assert all(cell_len(line) <= columns for line in out.splitlines()), [
        line for line in out.splitlines() if cell_len(line) > columns]
    [(source, marked)] = _carets(out)
    assert marked == "Monday, May 14, 2024", (source, marked)
    assert "bridge.md:7:" in out and "error FC202" in out


def test_carets_line_up_in_an_html_article_with_the_figure_far_along_the_line(cli_here, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    (tmp_path / "museum.html").write_text(LONG_HTML, encoding="utf-8")
    code, out, _ = cli_here("check", "museum.html")  # not a terminal: no colour, so carets
    assert code == 1
    [(source, marked)] = _carets(out)
    assert marked == "Thursday, October 3, 2023" and source.rstrip().endswith("…")
    assert all(cell_len(line) <= 72 for line in out.splitlines())


def test_no_line_of_the_terminal_report_ends_in_spaces(cli_here, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    (tmp_path / "bridge.md").write_bytes(LONG.encode("utf-8"))
    (tmp_path / "museum.html").write_text(LONG_HTML, encoding="utf-8")
    for args in (["bridge.md"], ["bridge.md", "museum.html"]):
        code, out, _ = cli_here("check", *args, "--no-color")
        assert "Scorecard" in out
        assert [line for line in out.splitlines() if line != line.rstrip()] == []


def test_the_per_file_scorecard_keeps_the_file_names_on_a_narrow_terminal(cli_here, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    (tmp_path / "bridge.md").write_bytes(LONG.encode("utf-8"))
    (tmp_path / "museum.html").write_text(LONG_HTML, encoding="utf-8")
    _, out, _ = cli_here("check", "bridge.md", "museum.html", "--no-color")
    table = out[out.index("Scorecard per file"):out.index("Scorecard: all files")]
    assert "bridge.md" in table and "museum.html" in table


def test_the_line_format_carries_the_severity_and_the_files_notes(cli_here, tmp_path):
    (tmp_path / "bridge.md").write_bytes(LONG.encode("utf-8"))
    (tmp_path / "undated.txt").write_text("The ferry ran on Tuesday, March 5, 2024, as planned.\n", encoding="utf-8")
    code, out, _ = cli_here("check", "bridge.md", "undated.txt", "--format", "line")
    assert code == 1
    line7 = LONG.splitlines()[6]
    assert out.splitlines() == [
        f"bridge.md:7:{line7.index('Monday') + 1}: error FC202 May 14, 2024 was a Tuesday, not a Monday.",
        "undated.txt: note: no publication date: checks against it were skipped (give --published or front matter)",
    ]
    code, quiet, _ = cli_here("check", "bridge.md", "undated.txt", "--format", "line", "-q")
    assert quiet.splitlines() == out.splitlines()[:1]


def test_a_note_many_files_share_is_said_once_with_a_count(cli_here, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    for i, town in enumerate(["Leeds", "York", "Hull", "Bath", "Ely"]):
        (tmp_path / f"{i}-{town.lower()}.txt").write_text(
            f"{town} council met on 12 March.\n\nIt approved a budget of £{i + 2}m for\nroads.\n", encoding="utf-8")
    code, out, _ = cli_here("check", ".", "--no-color")
    assert code == 0
    notes = [line for line in out.splitlines() if "no publication date" in line]
    assert notes == ["note: no publication date: checks against it were skipped (give --published or front "
                     "matter): 5 files: 0-leeds.txt, 1-york.txt, 2-hull.txt and 2 more"], notes
    code, out, _ = cli_here("check", "0-leeds.txt", "--no-color")  # one file: its note as before
    assert "0-leeds.txt: note: no publication date" in out


@pytest.mark.parametrize("args, start", [
    (["check", "a.md", "--format"], "factcheck: check: argument --format: expected one argument"),
    (["check", "--nonsense", "a.md"], "factcheck: unrecognized arguments: --nonsense"),
    (["explain"], "factcheck: explain: the following arguments are required: code"),
    (["check", "a.md", "--diff", "no-such-branch"], "factcheck: --diff: "),
])
def test_an_error_line_has_one_factcheck_prefix(cli_here, tmp_path, args, start):
    (tmp_path / "a.md").write_text("The ferry ran on Monday, March 5, 2024.\n", encoding="utf-8")
    code, out, err = cli_here(*args)
    assert code == 2 and out == ""
    assert err.startswith(start) and err.count("factcheck:") == 1 and err.count("\n") == 1, err


def test_error_text_removes_any_prefix_of_its_own():
    assert error_text("factcheck: factcheck: bad\nthing") == "bad\\nthing"
    assert error_text("FactCheck:  --config: no such file") == "--config: no such file"


def _config_repo(tmp_path):
    (tmp_path / ".factcheck.yaml").write_text("# house settings\nfail-on: warning\nselect: [FC2]\n"
                                              "severity:\n  FC202: warning\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\npublished: 2024-03-20\n---\nThe ferry ran on Monday, March 5, 2024.\n",
                                   encoding="utf-8")


def test_verbose_says_which_configuration_file_is_used(cli_here, tmp_path):
    _config_repo(tmp_path)
    code, out, err = cli_here("check", "a.md", "--verbose", "--format", "line")
    assert err == f"factcheck: using configuration {tmp_path / '.factcheck.yaml'}\n"
    assert code == 1 and "warning FC202" in out  # the file's severity and fail-on were used
    (tmp_path / ".factcheck.yaml").unlink()
    code, out, err = cli_here("check", "a.md", "-v", "--format", "line")
    assert err == "factcheck: no configuration file found; using the defaults\n"


def test_factcheck_config_shows_each_value_and_where_it_comes_from(cli_here, tmp_path):
    _config_repo(tmp_path)
    code, out, err = cli_here("config")
    assert code == 0 and err == ""
    where = str(tmp_path / ".factcheck.yaml")
    lines = out.splitlines()
    assert lines[0] == f"configuration: {where}"
    rows = {line.split()[0]: line for line in lines[1:]}
    assert rows["fail-on"].split()[1] == "warning" and rows["fail-on"].endswith(f"[{where}:2]")
    assert rows["select"].split()[1] == "FC2" and rows["select"].endswith(f"[{where}:3]")
    assert "FC202=warning" in rows["severity"] and rows["severity"].endswith(f"[{where}:4]")
    assert rows["baseline"].endswith("[default]") and rows["date-keys"].split()[1:3] == ["published,", "date"]
    code, out, _ = cli_here("config", "--format", "json")
    data = json.loads(out)
    assert data["file"] == where
    assert {r["key"]: (r["value"], r["from"]) for r in data["settings"]}["fail-on"] == ("warning", f"{where}:2")


def test_factcheck_config_refuses_what_check_refuses(cli_here, tmp_path):
    (tmp_path / ".factcheck.yaml").write_text("select: [FC999]\n", encoding="utf-8")
    code, out, err = cli_here("config")
    assert code == 2 and out == "" and "unknown rule" in err and err.count("factcheck:") == 1


def test_cache_clean_removes_the_cached_results_and_nothing_else(tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache))
    monkeypatch.chdir(tmp_path)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\npublished: 2024-03-20\n---\nThe ferry ran on Monday, March 5, 2024.\n"
                                     f"\nIt carried {len(name)}00 people.\n", encoding="utf-8")
    assert main(["check", "a.md", "b.md", "--jobs", "1", "--format", "json"]) == 1
    entries = [p for p in cache.rglob("*.json")]
    assert len(entries) == 2
    (cache / "notes.txt").write_text("mine", encoding="utf-8")
    capsys.readouterr()
    assert main(["cache", "clean"]) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(rf"factcheck: removed 2 cached results \(\d+\.\d MB\) from {re.escape(str(cache))}\n", out)
    assert list(cache.rglob("*.json")) == [] and (cache / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert main(["cache", "clean"]) == 0
    assert capsys.readouterr().out.startswith("factcheck: removed 0 cached results")
    assert main(["cache", "dir"]) == 0 and capsys.readouterr().out == f"{cache}\n"


def test_written_to_a_file_prose_stays_on_one_line_and_source_lines_are_still_cut(cli_here, tmp_path, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    (tmp_path / "bridge.md").write_bytes(LONG.encode("utf-8"))
    (tmp_path / "undated.txt").write_text("The ferry ran on Tuesday, March 5, 2024, as planned, the operator said "
                                          "in a statement on its website.\n", encoding="utf-8")
    code, out, _ = cli_here("check", "bridge.md", "undated.txt")
    assert "undated.txt: note: no publication date: checks against it were skipped (give --published or front " \
           "matter)\n" in out
    assert all(cell_len(line) <= 80 for line in out.splitlines() if "│" in line)
    assert [marked for _, marked in _carets(out)] == ["Monday, May 14, 2024"]
