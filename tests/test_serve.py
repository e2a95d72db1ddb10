"""factcheck serve: a real uvicorn server on a loopback port, called with a real HTTP client and a real browser."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
uvicorn = pytest.importorskip("uvicorn")
starlette = pytest.importorskip("starlette")

from factcheck import serve  # noqa: E402

ARTICLE = """---
published: 2023-03-22
---
# Leaders meet in Moscow as trade climbs

Chinese President Xi Jinping arrived in Moscow on Monday, March 20, 2023, for a three-day
state visit, the Kremlin said.

Trade rose to $190 billion in 2022 from $147 billion a year earlier, a 45% increase,
according to Chinese customs data.

"We are ready to stand guard over the world order," Xi told reporters on Tuesday.
"""
WEEKDAY_ARTICLE = ("The summit opened on Friday, February 26, 2023, in the capital, and ran late into the night.\r\n"
                   "\r\nDelegates left on Tuesday, March 7, 2023.\r\n")


def start(app):
    """A uvicorn server for app on a free loopback port, in a thread; returns (server, base URL)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture(scope="module")
def base():
    server, thread, url = start(serve.create_app())
    yield url
    server.should_exit = True
    thread.join(10)


def post(base, body, **kw):
    return httpx.post(f"{base}/api/check", content=body if isinstance(body, bytes) else json.dumps(body),
                      headers={"Content-Type": "application/json"}, timeout=60, **kw)


def test_api_returns_the_json_report_of_the_cli(base, tmp_path, cli):
    reply = post(base, {"text": ARTICLE, "format": "md"})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/json")
    got = reply.json()
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", str(path))
    want = json.loads(out)
    assert got["schema"] == want["schema"] == "factcheck-report/1"
    assert got["files"][0]["published"] == "2023-03-22"  # from the front matter
    assert got["files"][0]["findings"] == want["files"][0]["findings"]
    assert got["files"][0]["figures"] == want["files"][0]["figures"]
    assert [f["rule"] for f in got["files"][0]["findings"]] == ["FC101"]  # 147 → 190 bn is +29%, not +45%
    jsonschema = pytest.importorskip("jsonschema")
    schema = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"
    jsonschema.validate(got, json.loads(schema.read_text(encoding="utf-8")))


def test_published_date_and_format_from_the_request(base):
    reply = post(base, {"text": WEEKDAY_ARTICLE, "format": "txt", "published": "2023-03-20"}).json()
    file = reply["files"][0]
    assert file["published"] == "2023-03-20"
    assert any(f["rule"] == "FC202" and f["line"] == 1 for f in file["findings"])  # Feb 26, 2023 was a Sunday
    assert reply["summary"]["errors"] >= 1


def test_html_article(base):
    page = ("<html><head><meta property='article:published_time' content='2023-03-17'></head><body>"
            "<p>The summit opened on <b>Friday, February 26, 2023</b>.</p></body></html>")
    file = post(base, {"text": page, "format": "html"}).json()["files"][0]
    assert file["published"] == "2023-03-17" and [f["rule"] for f in file["findings"]] == ["FC202"]


@pytest.mark.parametrize("body, status, words", [
    (b"{not json", 400, "not JSON"),
    (b"", 400, "not JSON"),
    ([1, 2], 422, "JSON object"),
    ({"format": "md"}, 422, "text: required"),
    ({"text": 12}, 422, "text: required"),
    ({"text": "x", "format": "docx"}, 422, "format: expected one of md, txt, html"),
    ({"text": "x", "published": "next week"}, 422, "published: not a date"),
    ({"text": "x", "published": "2023-02-30"}, 422, "published: impossible date"),
    ({"text": "x", "published": 20230301}, 422, "published: expected a date"),
    ({"text": "x", "path": "/etc/passwd"}, 422, "unknown field 'path'"),
])
def test_bad_requests_get_one_line_json_errors(base, body, status, words):
    reply = post(base, body)
    assert reply.status_code == status
    error = reply.json()["error"]
    assert words in error and "\n" not in error and "Traceback" not in reply.text


def test_oversized_requests_are_refused(base):
    big = json.dumps({"text": "The fund holds $5 million. " * 90_000})  # about 2.4 MB
    reply = post(base, big.encode())
    assert reply.status_code == 413 and "2 MB" in reply.json()["error"]

    def chunks():  # no Content-Length: the server counts as the body arrives
        yield b'{"text": "'
        for _ in range(300):
            yield b"a" * 10_000
        yield b'"}'
    reply = httpx.post(f"{base}/api/check", content=chunks(), timeout=60)
    assert reply.status_code == 413


def test_requests_name_no_files(base, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("Revenue was $5 million in 2022.", encoding="utf-8")
    file = post(base, {"text": str(secret)}).json()["files"][0]
    assert file["path"] == "article.txt"  # the text is the article; a path in it is only text
    assert [f["surface"] for f in file["figures"]] == []  # nothing read from the file it names


def test_checks_run_off_the_event_loop(base):
    """While a long article is being checked, the server still answers a small request at once."""
    long = {"text": (ARTICLE.split("---\n")[-1] + "\n") * 300, "format": "md"}
    slow = threading.Thread(target=post, args=(base, long))
    slow.start()
    time.sleep(0.3)
    started = time.monotonic()
    reply = httpx.get(f"{base}/", timeout=60)
    quick = time.monotonic() - started
    still_busy = slow.is_alive()
    slow.join()
    assert reply.status_code == 200
    assert not still_busy or quick < 1.0  # not queued behind the big check


def test_unknown_paths_and_methods_are_json(base):
    assert httpx.get(f"{base}/api/nothing").json() == {"error": "Not Found"}
    reply = httpx.get(f"{base}/api/check")
    assert reply.status_code == 405 and "error" in reply.json()


def test_a_loopback_server_refuses_other_host_names(base):
    """A page on another site cannot reach it through DNS rebinding: the Host header must be a loopback name."""
    assert httpx.get(f"{base}/", headers={"Host": "evil.example"}).status_code == 400
    assert httpx.get(f"{base}/", headers={"Host": "localhost"}).status_code == 200


def test_the_page_and_the_html_report(base):
    page = httpx.get(f"{base}/")
    assert page.status_code == 200 and "<textarea" in page.text and 'type="file"' in page.text
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    assert httpx.get(f"{base}/editor.js").headers["content-type"].startswith("text/javascript")
    report = httpx.post(f"{base}/api/report", json={"text": WEEKDAY_ARTICLE, "published": "2023-03-20"}, timeout=60)
    assert report.headers["content-type"].startswith("text/html")
    assert "February 26, 2023 was a Sunday, not a Friday." in report.text


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_factcheck_serve_command(tmp_path):
    """`factcheck serve --port P` starts a server on 127.0.0.1 that answers the API."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck.cli", "serve", "--port", str(port)], cwd=tmp_path,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        for line in proc.stderr:
            if "running on" in line.lower():
                break
        assert f"http://127.0.0.1:{port}" in line
        reply = httpx.post(f"http://127.0.0.1:{port}/api/check", json={"text": WEEKDAY_ARTICLE}, timeout=60)
        assert [f["rule"] for f in reply.json()["files"][0]["findings"]] == ["FC202"]
    finally:
        proc.terminate()
        proc.wait(20)


BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# A test page on the same server drives the real editor page in a frame, as a user would: types the article,
# picks the date, presses Check, then follows the first jump link and tabs to the cards.
HARNESS = """<!DOCTYPE html><html><body><pre id="out">waiting</pre><iframe id="app" src="/" width="1300" height="900">
</iframe><script>
var ARTICLE = %s, frame = document.getElementById('app');
frame.onload = function () {
  var d = frame.contentDocument;
  d.getElementById('text').value = ARTICLE;
  d.getElementById('format').value = 'txt';
  d.getElementById('published').value = '2023-03-20';
  d.getElementById('check').click();
  var tries = 0, timer = setInterval(function () {
    if (!d.body.dataset.checked && ++tries < 200) return;
    clearInterval(timer);
    var links = d.querySelectorAll('#findings a'), report = d.getElementById('report').contentDocument;
    links[0].click();
    var cards = report.querySelectorAll('.card');
    document.getElementById('out').textContent = JSON.stringify({
      status: d.getElementById('status').textContent,
      links: Array.from(links).map(function (a) { return a.textContent; }),
      hrefs: Array.from(links).map(function (a) { return a.getAttribute('href'); }),
      focused: report.activeElement && report.activeElement.id, first: cards[0] && cards[0].id,
      tabbable: Array.from(cards).every(function (c) { return c.tabIndex === 0; }),
      marked: report.querySelectorAll('mark.fig.error').length});
  }, 50);
};
</script></body></html>"""


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (Debian: apt-get install chromium)")
def test_editor_page_in_a_browser():
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse
    from starlette.routing import Mount, Route

    async def harness(request):
        return HTMLResponse(HARNESS % json.dumps(WEEKDAY_ARTICLE))

    app = Starlette(routes=[Route("/harness", harness), Mount("/", serve.create_app())])
    server, thread, url = start(app)
    try:
        with tempfile.TemporaryDirectory() as profile:
            done = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", "--window-size=1400,1000",
                                   "--virtual-time-budget=20000", "--dump-dom", f"{url}/harness"],
                                  capture_output=True, text=True, timeout=120)
    finally:
        server.should_exit = True
        thread.join(10)
    out = done.stdout.split('<pre id="out">', 1)[1].split("</pre>", 1)[0]
    assert out != "waiting", done.stderr[-2000:]
    seen = json.loads(out.replace("&quot;", '"').replace("&amp;", "&"))
    assert seen["status"] == "Checked."
    assert len(seen["links"]) == 1 and "FC202" in seen["links"][0] and "was a Sunday, not a Friday" in seen["links"][0]
    assert seen["hrefs"] == [f"#{seen['first']}"]
    assert seen["focused"] == seen["first"]  # the jump link moved the keyboard focus to the finding's card
    assert seen["tabbable"] and seen["marked"] >= 1
