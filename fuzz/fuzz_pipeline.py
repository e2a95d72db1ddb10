"""atheris fuzz target: any bytes, as a .txt, .md and .html article, through loading, extraction, checks and render."""

import io
import json
import sys

import atheris

with atheris.instrument_imports(include=["factcheck"]):
    import factcheck
    from factcheck import document, engine
    from factcheck.errors import InputError
    from factcheck.model import Report
    from factcheck.render import FORMATS, Options, renderer

RULES = engine.default_rules()
OPTIONS = Options(color=False, width=100)


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} in the JSON report is not JSON")


def check(data: bytes) -> None:
    """Crash (raise) on anything but a one-line user error or a sound, deterministic report."""
    try:
        text, _ = document.decode(data, "fuzz.txt")
    except InputError as exc:
        assert str(exc) == "fuzz.txt: not an article (binary file)", exc
        return
    published = "2023-03-17" if len(data) % 2 else None
    for fmt in ("txt", "md", "html"):
        path = f"fuzz.{fmt}"
        try:
            report = factcheck.check_text(text, published=published, fmt=fmt, path=path, rules=RULES)
        except InputError as exc:  # malformed front matter: a user's error, said in one line with the file
            message = str(exc)
            assert fmt == "md" and message.startswith(path) and "\n" not in message, message
            continue
        whole = Report(files=(report,))
        outputs = {}
        for name in FORMATS:
            out = io.StringIO()
            module = renderer(name)
            if hasattr(module, "render"):
                module.render(whole, out, OPTIONS)
            else:
                module.stream(iter(whole.files), out, OPTIONS)
            outputs[name] = out.getvalue()
        json.loads(outputs["json"], parse_constant=_no_constants)
        again = io.StringIO()
        renderer("json").render(Report(files=(factcheck.check_text(text, published, fmt, path, RULES),)), again,
                                OPTIONS)
        assert again.getvalue() == outputs["json"], "the same input must give byte-identical JSON"


def main() -> None:
    atheris.Setup(sys.argv, lambda data: check(data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
