"""The HTML report in a real browser (headless Chromium): it renders, its script runs, findings sit beside the text."""

import io
import shutil
import subprocess
import tempfile

import pytest

from factcheck import document, engine
from factcheck.model import Report
from factcheck.render import Options, renderer

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTICLE = ("---\npublished: 2023-03-17\n---\n# Visit\n\nThe summit opened on Friday, February 26, 2023, in Moscow, "
           "and went on for days while delegations argued over the wording of a joint statement.\n\n"
           "Talks ended on Tuesday, March 7, 2023.\n")


@pytest.fixture
def report_file(monkeypatch, tmp_path):
    doc = document.from_text(ARTICLE, fmt="md", path="visit.md")
    report = Report(files=(engine.check_document(doc, engine.default_rules()),))
    out = io.StringIO()
    renderer("html").render(report, out, Options(color=False))
    path = tmp_path / "report.html"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def browse(path, *args, width=1400):
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},1000",
                               "--virtual-time-budget=2000", *args, path.as_uri()],
                              capture_output=True, text=True, timeout=120)
    return done


def test_findings_sit_beside_the_text_on_a_wide_screen(report_file):
    dom = browse(report_file, "--dump-dom").stdout
    assert '<body data-layout="side-by-side" data-fits="yes">' in dom, dom[:500]  # set by the report's script
    assert 'class="fig error"' in dom and "February 26, 2023 was a Sunday, not a Friday." in dom


def test_findings_stack_under_the_text_on_a_narrow_screen(report_file):
    dom = browse(report_file, "--dump-dom", width=600).stdout
    assert '<body data-layout="stacked" data-fits="yes">' in dom  # no sideways scrolling on a phone


def test_screenshot_is_drawn(report_file, tmp_path):
    shot = tmp_path / "shot.png"
    browse(report_file, f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a blank page compresses to a few kB
