"""factcheck lsp: a language server (pygls, over stdio) that shows findings as diagnostics while an editor types."""

from __future__ import annotations

import asyncio
import bisect
import re
from dataclasses import dataclass
from typing import Any

from .errors import FactcheckError
from .model import FileReport, Rule

DEBOUNCE = 0.4  # seconds of quiet after a change before the document is checked again
LANGUAGES = {"markdown": "md", "plaintext": "txt", "text": "txt", "html": "html"}
SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html"}
SEVERITY_NAMES = ("error", "warning", "info")


def article_format(uri: str, language: str | None) -> str | None:
    """The article format of an open document, from its language id or else its file suffix (None: not ours)."""
    if language in LANGUAGES:
        return LANGUAGES[language]
    suffix = re.search(r"\.[A-Za-z]+$", uri.split("?", 1)[0])
    return SUFFIXES.get(suffix.group(0).lower()) if suffix else None


@dataclass(frozen=True)
class Located:
    """A finding placed in the editor's document: its range in LSP positions and its replacement, if any."""

    rule: str
    severity: str
    message: str
    start: tuple[int, int]  # (line, UTF-16 character), 0-based
    end: tuple[int, int]
    replacement: str | None


class Positions:
    """Source offsets (code points) to LSP positions: 0-based lines and UTF-16 code units."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        prefix = self.source[self.starts[line]:offset]
        return line, len(prefix.encode("utf-16-le")) // 2


def locate(file: FileReport, source: str) -> list[Located]:
    """Each finding of a report on the source text, with the range of its first figure."""
    doc = file.document
    positions = Positions(source)
    out = []
    for finding in file.findings:
        span = finding.span
        start, end = span.start, span.end
        if doc is not None:  # the end from the last character: markup after the figure stays outside the range
            start, end = doc.source_offset(start), doc.source_offset(max(start, end - 1)) + (end > start)
        message = finding.message + (f"\n{finding.evidence}" if finding.evidence else "")
        if finding.fix:
            message += f"\nFix: {finding.fix}"
        out.append(Located(finding.rule, finding.severity, message, positions.at(start), positions.at(end),
                           finding.replacement))
    return out


def check_source(source: str, fmt: str, uri: str, rules: list[Rule],
                 date_keys: tuple[str, ...] | None = None) -> list[Located]:
    """Check an editor's document text (its front matter or metadata gives the date) and place the findings."""
    from . import document, engine
    from .config import apply_date_keys

    doc = document.from_text(source, fmt=fmt, path=uri)
    apply_date_keys(doc, date_keys)
    return locate(engine.check_document(doc, rules), source)


def build_server(rules: list[Rule], date_keys: tuple[str, ...] | None = None) -> Any:
    """The pygls language server: diagnostics on open and (debounced) on change, quick fixes for one-edit fixes."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from . import __version__

    server = LanguageServer("factcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    severity = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
                "info": types.DiagnosticSeverity.Information}
    pending: dict[str, asyncio.Task] = {}
    placed: dict[str, list[tuple[types.Diagnostic, str | None]]] = {}

    def position(p: tuple[int, int]) -> types.Position:
        return types.Position(line=p[0], character=p[1])

    def diagnostic(item: Located) -> types.Diagnostic:
        return types.Diagnostic(range=types.Range(start=position(item.start), end=position(item.end)),
                                message=item.message, severity=severity[item.severity], code=item.rule,
                                source="factcheck")

    async def publish(uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        text_doc = server.workspace.get_text_document(uri)
        fmt = article_format(uri, text_doc.language_id)
        if fmt is None:
            return
        version, source = text_doc.version, text_doc.source
        loop = asyncio.get_running_loop()
        try:  # the checks are CPU work: in a thread, so the server keeps reading the editor's messages
            found = await loop.run_in_executor(None, check_source, source, fmt, uri, rules, date_keys)
        except FactcheckError as exc:  # an article the checks cannot read: said in the editor's log
            server.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=str(exc)))
            found = []
        except Exception as exc:  # a bug must not end the editor's session: logged, and the document left as it was
            server.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"factcheck: internal error: {type(exc).__name__}: {exc}"))
            return
        if server.workspace.get_text_document(uri).version != version:
            return  # typed on meanwhile: a newer check is on its way
        placed[uri] = [(diagnostic(item), item.replacement) for item in found]
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[d for d, _ in placed[uri]]))

    def schedule(uri: str, delay: float) -> None:
        if uri in pending:
            pending[uri].cancel()
        pending[uri] = asyncio.ensure_future(publish(uri, delay))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Any, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in pending:
            pending.pop(uri).cancel()
        placed.pop(uri, None)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri, want = params.text_document.uri, params.range
        actions = []
        for diag, replacement in placed.get(uri, []):
            r = diag.range
            before = (r.end.line, r.end.character) < (want.start.line, want.start.character)
            after = (r.start.line, r.start.character) > (want.end.line, want.end.character)
            if replacement is None or before or after:
                continue
            actions.append(types.CodeAction(
                title=f"{diag.code}: write {replacement}", kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=r, new_text=replacement)]})))
        return actions

    return server


def run(rules: list[Rule], date_keys: tuple[str, ...] | None = None) -> None:
    """Serve one editor over standard input and output until it says exit."""
    build_server(rules, date_keys).start_io()
