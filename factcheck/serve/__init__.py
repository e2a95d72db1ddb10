"""factcheck serve: the editor's web page and the HTTP API (POST /api/check) on Starlette and uvicorn."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from ..errors import FactcheckError
from ..model import FileReport, Report, Rule

MAX_BODY = 2 * 1024 * 1024  # bytes of request body; an article is rarely over 100 kB
FORMATS = ("md", "txt", "html")
FIELDS = ("text", "format", "published")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
PAGE_FILES = {"/": ("editor.html", "text/html; charset=utf-8"), "/editor.css": ("editor.css", "text/css"),
              "/editor.js": ("editor.js", "text/javascript")}
# The page and the report it shows load nothing from other hosts and send nothing anywhere but here.
CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'")


class BadRequest(Exception):
    """A request the API refuses: its HTTP status and a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_request(body: bytes) -> dict[str, Any]:
    """The article, its format and publication date from a JSON body; BadRequest names the field at fault."""
    from ..document import parse_date

    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise BadRequest(400, f"the body is not JSON: {str(exc).splitlines()[0][:200]}") from None
    if not isinstance(data, dict):
        raise BadRequest(422, 'expected a JSON object like {"text": "...", "format": "md"}')
    unknown = sorted(str(k)[:40] for k in data if k not in FIELDS)
    if unknown:
        raise BadRequest(422, f"unknown field {unknown[0]!r} (expected {', '.join(FIELDS)})")
    text = data.get("text")
    if not isinstance(text, str):
        raise BadRequest(422, "text: required, a string (the article itself)")
    fmt = data.get("format") or "txt"
    if fmt not in FORMATS:
        raise BadRequest(422, f"format: expected one of {', '.join(FORMATS)}")
    published = data.get("published") or None
    if published is not None:
        if not isinstance(published, str):
            raise BadRequest(422, "published: expected a date as a string, YYYY-MM-DD")
        try:
            parse_date(published, "published")
        except FactcheckError as exc:
            raise BadRequest(422, str(exc)[:300]) from None
    return {"text": text, "fmt": fmt, "published": published}


def check(request: dict[str, Any], rules: list[Rule], date_keys: tuple[str, ...] | None = None) -> FileReport:
    """Check the request's article (text only: nothing is read from or written to disk)."""
    from .. import document, engine
    from ..config import apply_date_keys

    doc = document.from_text(request["text"], fmt=request["fmt"], path="article." + request["fmt"],
                             published=request["published"])
    apply_date_keys(doc, date_keys)
    return engine.check_document(doc, rules)


def rendered(file: FileReport, fmt: str, rules: list[Rule]) -> str:
    """One file's report in the json or html format, by the same renderers as `factcheck check --format`."""
    from ..render import Options, renderer

    out = io.StringIO()
    renderer(fmt).render(Report(files=(file,)), out, Options(color=False, rules=tuple(rules)))
    return out.getvalue()


def create_app(rules: list[Rule] | None = None, date_keys: tuple[str, ...] | None = None,
               allowed_hosts: tuple[str, ...] | None = LOOPBACK) -> Any:
    """The ASGI app. allowed_hosts guards a loopback server against DNS rebinding (None: any Host header)."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from .. import engine

    active = engine.default_rules() if rules is None else rules

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    async def body_of(request: Request) -> bytes:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY:
            raise BadRequest(413, f"the request is over the {MAX_BODY // (1024 * 1024)} MB limit")
        chunks, size = [], 0
        async for chunk in request.stream():  # a chunked body has no length: count as it comes
            size += len(chunk)
            if size > MAX_BODY:
                raise BadRequest(413, f"the request is over the {MAX_BODY // (1024 * 1024)} MB limit")
            chunks.append(chunk)
        return b"".join(chunks)

    def endpoint(fmt: str, media_type: str) -> Callable:
        async def run(request: Request) -> Response:
            try:
                job = parse_request(await body_of(request))
                file = await run_in_threadpool(check, job, active, date_keys)  # checks are CPU work: off the loop
                body = await run_in_threadpool(rendered, file, fmt, active)
            except BadRequest as exc:
                return error(exc.status, str(exc))
            except FactcheckError as exc:
                return error(422, str(exc)[:300])
            return Response(body, media_type=media_type, headers={"Content-Security-Policy": CSP})
        return run

    async def page(request: Request) -> Response:
        name, media_type = PAGE_FILES[request.url.path]
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
        return Response(text, media_type=media_type, headers={"Content-Security-Policy": CSP,
                                                              "X-Content-Type-Options": "nosniff"})

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
        return error(status, str(detail))

    routes = [Route(path, page, methods=["GET"]) for path in PAGE_FILES]
    routes += [Route("/api/check", endpoint("json", "application/json"), methods=["POST"]),
               Route("/api/report", endpoint("html", "text/html; charset=utf-8"), methods=["POST"])]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))] if allowed_hosts else []
    return Starlette(routes=routes, middleware=middleware,
                     exception_handlers={HTTPException: http_error, Exception: http_error})


def run(host: str, port: int, rules: list[Rule], date_keys: tuple[str, ...] | None = None) -> None:
    """Serve until interrupted; a loopback server answers only to loopback host names."""
    import uvicorn

    hosts = LOOPBACK if host in LOOPBACK else None
    uvicorn.run(create_app(rules, date_keys, hosts), host=host, port=port, log_level="info",
                server_header=False, proxy_headers=False)
