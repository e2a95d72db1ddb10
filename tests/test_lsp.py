"""factcheck lsp: `factcheck lsp` in a subprocess, driven over stdio by pygls's own language client."""

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from factcheck.lsp import DEBOUNCE  # noqa: E402

ARTICLE = """---
published: 2023-03-22
---
# Bridge reopens after repairs

The new span is 1,200 feet (200 metres) long, the transport ministry said on Monday.

Repairs cost “about €40 million”, and traffic resumed on Tuesday, March 21, 2023.
"""
CLEAN = ARTICLE.replace("(200 metres)", "(366 metres)")
WEEKDAY = ("<html><head><meta property=\"article:published_time\" content=\"2023-03-20\"></head>\n<body>\n"
           "<p>The summit opened on <b>Friday, February 26, 2023</b>, in the capital.</p>\n</body></html>\n")


class Session:
    """A language client talking to `factcheck lsp`; diagnostics arrive in a queue per document."""

    def __init__(self) -> None:
        self.client = LanguageClient("factcheck-tests", "1")
        self.published: dict[str, asyncio.Queue] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.queue(params.uri).put_nowait(params)

    def queue(self, uri: str) -> asyncio.Queue:
        return self.published.setdefault(uri, asyncio.Queue())

    async def __aenter__(self):
        await self.client.start_io(sys.executable, "-m", "factcheck.cli", "lsp")
        await self.client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def open(self, uri: str, text: str, language: str) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def next(self, uri: str) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.queue(uri).get(), 60)


def run(coroutine):
    return asyncio.run(coroutine)


def test_diagnostics_on_open_with_a_quick_fix():
    async def go():
        async with Session() as s:
            s.open("file:///desk/bridge.md", ARTICLE, "markdown")
            got = await s.next("file:///desk/bridge.md")
            [diag] = got.diagnostics
            assert diag.code == "FC130" and diag.source == "factcheck"
            assert diag.severity == types.DiagnosticSeverity.Error
            assert "1,200 feet" in diag.message and "Fix: Write 366 metres." in diag.message
            line = ARTICLE.splitlines()[diag.range.start.line]
            assert line[diag.range.start.character:diag.range.end.character] == "200 metres"
            actions = await s.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri="file:///desk/bridge.md"), range=diag.range,
                context=types.CodeActionContext(diagnostics=[diag])))
            [action] = actions
            [edit] = action.edit.changes["file:///desk/bridge.md"]
            assert action.kind == types.CodeActionKind.QuickFix and edit.new_text == "366 metres"
            assert edit.range == diag.range
    run(go())


def test_diagnostics_follow_changes_debounced():
    async def go():
        uri = "file:///desk/notes.txt"
        async with Session() as s:
            s.open(uri, CLEAN, "plaintext")
            assert not (await s.next(uri)).diagnostics
            for version, text in enumerate([ARTICLE[:60], ARTICLE[:120], ARTICLE], start=2):  # typing fast
                s.change(uri, text, version)
            typed = time.monotonic()
            got = await s.next(uri)
            assert time.monotonic() - typed >= DEBOUNCE  # the server waited for a pause in the typing
            assert got.version == 4  # one check, of the last text: the earlier ones were superseded
            assert [d.code for d in got.diagnostics] == ["FC130"]
            s.change(uri, CLEAN, 5)
            fixed = await s.next(uri)
            assert fixed.version == 5 and not fixed.diagnostics
            await asyncio.sleep(1)
            assert s.queue(uri).empty()  # nothing more was published for the superseded versions
    run(go())


def test_html_document_positions_and_no_action_without_a_replacement():
    async def go():
        uri = "file:///desk/summit.html"
        async with Session() as s:
            s.open(uri, WEEKDAY.replace("\n", "\r\n"), "html")  # CRLF line ends, as a Windows CMS export
            [diag] = (await s.next(uri)).diagnostics
            assert diag.code == "FC202" and "was a Sunday, not a Friday" in diag.message
            line = WEEKDAY.splitlines()[diag.range.start.line]
            assert line[diag.range.start.character:diag.range.end.character] == "Friday, February 26, 2023"
            actions = await s.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
                context=types.CodeActionContext(diagnostics=[diag])))
            assert not actions  # the fix is advice ("check the date"), not one replacement
    run(go())


def test_positions_count_utf16_units_and_other_languages_are_left_alone():
    async def go():
        async with Session() as s:
            text = "🗞️ Édition spéciale: the span is 1,200 feet (200 metres) long.\n"
            s.open("file:///desk/emoji.md", text, "markdown")
            [diag] = (await s.next("file:///desk/emoji.md")).diagnostics
            units = text.encode("utf-16-le")
            start, end = diag.range.start.character, diag.range.end.character
            assert units[2 * start:2 * end].decode("utf-16-le") == "200 metres"
            s.open("file:///desk/code.py", "x = 1200  # feet (200 metres)\n", "python")
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(s.queue("file:///desk/code.py").get(), 2)
    run(go())


NVIM = shutil.which("nvim")
WAIT_AND_DUMP = """
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, severity = d.severity })
  end
  vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.FACTCHECK_OUT)
  vim.cmd("qa!")
end })
"""


@pytest.mark.skipif(NVIM is None, reason="no Neovim installed (Debian: apt-get install neovim)")
def test_neovim_with_the_documented_settings(tmp_path):
    """Neovim, set up with the Lua from docs/editors.md, shows the findings as diagnostics."""
    guide = (Path(__file__).resolve().parent.parent / "docs" / "editors.md").read_text(encoding="utf-8")
    snippet = re.search(r"Any Neovim from 0\.7 on.*?```lua\n(.*?)```", guide, re.S).group(1)
    (tmp_path / "init.lua").write_text(snippet + WAIT_AND_DUMP, encoding="utf-8")
    (tmp_path / "bridge.md").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "FACTCHECK_OUT": str(tmp_path / "out.json"), "XDG_STATE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    subprocess.run([NVIM, "--headless", "-u", str(tmp_path / "init.lua"), "bridge.md"], cwd=tmp_path, env=env,
                   capture_output=True, timeout=120)
    [diag] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    line = ARTICLE.splitlines()[diag["lnum"]]
    assert line[diag["col"]:diag["end_col"]] == "200 metres" and diag["severity"] == 1  # 1: error
    assert "1,200 feet is about 366" in diag["message"]
