"""Editors' latency: POST /api/check on a real uvicorn server, and open-to-diagnostics in `factcheck lsp`."""

from __future__ import annotations

import asyncio
import json
import socket
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = [REPO / "seeds" / "xi-russia-visit.md", REPO / "examples" / "tram-line.md"]
ROUNDS = 20


def serve_latency(path: Path) -> list[float]:
    import uvicorn

    from factcheck import serve

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(serve.create_app(), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    body = json.dumps({"text": path.read_text(encoding="utf-8"), "format": "md"}).encode()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/api/check"
    times = []
    for _ in range(ROUNDS + 1):
        started = time.perf_counter()
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as reply:
            reply.read()
        times.append(time.perf_counter() - started)
    server.should_exit = True
    thread.join(10)
    return times[1:]  # the first request loads the rules and the rates


async def lsp_latency(path: Path) -> tuple[float, list[float]]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("bench", "1")
    arrived: asyncio.Queue = asyncio.Queue()
    client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda params: arrived.put_nowait(time.perf_counter()))
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "factcheck.cli", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    first = await arrived.get() - started  # start-up, imports, rules and the first check
    changes = []
    for version in range(2, ROUNDS + 2):
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text + " " * version)]))
        changes.append(await arrived.get() - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, changes


def main() -> None:
    from factcheck.lsp import DEBOUNCE

    print(f"| article | size | POST /api/check median / p95 | lsp: start to first diagnostics | "
          f"lsp: change to diagnostics, median (incl. {DEBOUNCE} s debounce) |")
    print("| --- | --- | --- | --- | --- |")
    for path in ARTICLES:
        times = sorted(serve_latency(path))
        first, changes = asyncio.run(lsp_latency(path))
        print(f"| {path.name} | {path.stat().st_size / 1024:.1f} kB | {statistics.median(times) * 1000:.0f} / "
              f"{times[int(len(times) * 0.95) - 1] * 1000:.0f} ms | {first:.2f} s | "
              f"{statistics.median(changes) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
