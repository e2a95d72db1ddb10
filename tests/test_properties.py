"""Property-based tests: random text, figures, Markdown and HTML never crash, and reports are deterministic."""

import io
import json
import os
import re
import subprocess
import sys

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import document
from factcheck.errors import InputError
from factcheck.model import Report
from factcheck.render import Options, renderer

# FACTCHECK_EXAMPLES=2000 for a deep run; `make test` keeps to a hundred examples a property
SETTINGS = settings(max_examples=int(os.environ.get("FACTCHECK_EXAMPLES", "100")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# --- strategies -------------------------------------------------------------------------------

WORDS = ["the", "council", "said", "trade", "rose", "fell", "by", "to", "from", "about", "more than", "nearly",
         "in", "on", "since", "between", "and", "up", "down", "a", "record", "of", "Mr.", "U.S.", "per cent",
         "percent", "billion", "million", "people", "aged", "born", "years", "old", "last", "next", "week",
         "Friday,", "twice", "half", "a third", "km", "miles", "tonnes", "°C", "population", "employees"]
MONTHS = ["January", "Feb", "February", "March", "Sept.", "Dec", "mayo", "June"]


@st.composite
def numerals(draw):
    n = draw(st.one_of(st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False, width=32)))
    body = draw(st.sampled_from(["{:,}", "{}", "{:.1f}", "{:.0f}", "{:,.2f}", "{:e}"])).format(n)
    prefix = draw(st.sampled_from(["", "", "$", "£", "€", "¥", "US$", "-", "−", "~", "+", "Rs "]))
    suffix = draw(st.sampled_from(["", "", "%", " per cent", "m", "bn", " billion", " million", "k", "th", "s",
                                   " pp", " percentage points", "x", " times", "-year-old", " km", "°", "/", "½"]))
    return prefix + body + suffix


@st.composite
def dates(draw):
    year = draw(st.integers(0, 3000))
    day = draw(st.integers(0, 40))
    month = draw(st.sampled_from(MONTHS))
    return draw(st.sampled_from([
        f"{month} {day}, {year}", f"{day} {month} {year}", f"{year}-{day % 13:02d}-{day:02d}", f"{month} {day}",
        f"{month} {day} to {day + 3}", f"{year}–{year % 100:02d}", f"in {year}", f"the {day}th anniversary",
        f"{month} {day}-{draw(st.integers(0, 40))}", f"{year}s", f"Q{day % 5} {year}", f"{day}/{day % 13}/{year}",
    ]))


tokens = st.one_of(st.sampled_from(WORDS), numerals(), dates(), st.text(max_size=6))


@st.composite
def sentences(draw):
    words = draw(st.lists(tokens, min_size=1, max_size=14))
    end = draw(st.sampled_from([".", ".", "!", "?", "", ";", ":", " (", ")", "…"]))
    return " ".join(words) + end


prose = st.lists(sentences(), max_size=6).map(lambda s: " ".join(s))


@st.composite
def markdown(draw):
    block = st.one_of(
        prose,
        prose.map(lambda p: "# " + p),
        prose.map(lambda p: "> " + p),
        st.lists(prose, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
        st.lists(prose, min_size=1, max_size=4).map(lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items))),
        prose.map(lambda p: f"```\n{p}\n```"),
        prose.map(lambda p: f"**{p}** and _{p}_ `{p}`"),
        prose.map(lambda p: f"[{p}](http://x.org/{p[:5]}) ![img]({p[:3]})"),
        st.lists(prose, min_size=2, max_size=3).map(lambda c: f"| {' | '.join(c)} |\n|---|---|\n| {c[0]} | {c[-1]} |"),
        st.just("-" * 40),
        prose.map(lambda p: f"<!-- factcheck: {p} -->"),
    )
    front = draw(st.sampled_from(["", "---\npublished: 2023-03-17\n---\n", "---\ndate: 2023-02-30\n---\n",
                                  "---\ntitle: [x\n---\n", "---\n---\n", "---\npublished: 17 March\n---\n"]))
    return front + "\n\n".join(draw(st.lists(block, max_size=6)))


@st.composite
def html(draw):
    tags = ["p", "div", "span", "b", "i", "article", "main", "script", "style", "li", "ul", "table", "td", "h1",
            "nav", "time", "br", "a", "!--", "pre"]

    def element(depth):
        if depth > 3 or draw(st.booleans()):
            text = draw(prose)
            return text.replace("<", "&lt;") if draw(st.booleans()) else text
        tag = draw(st.sampled_from(tags))
        attrs = draw(st.sampled_from(["", ' class="x"', ' datetime="2023-03-17"', " href='y", ' x="&amp;"']))
        inner = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 3))))
        close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>", "</"]))
        return f"<{tag}{attrs}>{inner}{close}"

    head = draw(st.sampled_from(["", '<meta property="article:published_time" content="2023-03-17T10:00:00Z">',
                                 '<meta property="article:published_time" content="yesterday">']))
    entities = draw(st.sampled_from(["", "&nbsp;", "&#36;5m", "&#x20AC;3", "&bogus;", "&#99999999;"]))
    return head + element(0) + entities + element(0)


# --- properties -------------------------------------------------------------------------------


def _json(report) -> str:
    out = io.StringIO()
    renderer("json").render(Report(files=(report,)), out, Options(color=False))
    return out.getvalue()


def _check(text: str, fmt: str = "txt", published: str | None = None):
    try:
        return factcheck.check_text(text, published=published, fmt=fmt, path=f"article.{fmt}")
    except InputError as exc:  # a user's error (malformed front matter): one line naming the file
        assert str(exc).startswith(f"article.{fmt}") and "\n" not in str(exc)
        return None


def _assert_sound(report, text: str, published: str | None = None) -> None:
    doc = report.document
    plain = doc.text
    for fig in report.figures:
        assert 0 <= fig.span.start < fig.span.end <= len(plain), fig
        assert fig.surface == plain[fig.span.start : fig.span.end], fig
        line, column = doc.line_col(fig.span.start)
        assert 1 <= line <= len(re.split(r"\r\n?|\n", text)) and column >= 1  # CRLF, lone CR, LF end lines
    for finding in report.findings:
        assert finding.severity in ("error", "warning", "info") and finding.message.strip()
        assert set(finding.figures) <= {f.id for f in report.figures}
    first = _json(report)
    json.loads(first, parse_constant=lambda c: (_ for _ in ()).throw(AssertionError(f"{c} is not JSON")))
    assert _json(_check(text, doc.fmt, published)) == first, "the same input gives byte-identical JSON"


@SETTINGS
@given(st.text(max_size=400))
def test_random_unicode_in_every_format(text):
    for fmt in ("txt", "md", "html"):
        report = _check(text, fmt)
        if report is not None:
            _assert_sound(report, text)


@SETTINGS
@given(prose)
def test_random_figures_in_random_sentences(text):
    _assert_sound(_check(text), text)
    _assert_sound(_check(text, published="2023-03-17"), text, "2023-03-17")


@SETTINGS
@given(markdown())
@example("---\ndate: 2023-02-30\n---\n")  # found by hypothesis: YAML's own date constructor raised ValueError
@example("|  | \r \r. |\n|---|---|\n|  | \r \r. |\n\n```\n\n```")  # found: lone CR lines, IndexError
@example("| " + "---" * 40 + " x\n")  # exponential backtracking in the table-rule pattern
def test_random_markdown(text):
    report = _check(text, "md")
    if report is not None:
        _assert_sound(report, text)


@SETTINGS
@given(html())
def test_random_html(text):
    report = _check(text, "html")
    assert report is not None, "HTML has no front matter to be malformed: it always loads"
    _assert_sound(report, text)


@SETTINGS
@given(st.one_of(st.text(max_size=300), markdown(), html()), st.sampled_from(["txt", "md", "html"]))
def test_document_offsets_map_back_into_the_source(text, fmt):
    try:
        doc = document.from_text(text, fmt=fmt)
    except InputError:
        return
    for offset in range(0, len(doc.text) + 1, max(1, len(doc.text) // 50)):
        src = doc.source_offset(offset)
        assert 0 <= src <= len(text)
        line, column = doc.line_col(offset)
        assert 1 <= line and 1 <= column
    for span in doc.sentences:
        assert 0 <= span.start <= span.end <= len(doc.text)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_load_or_are_refused_in_one_line(data):
    try:
        text, notes = document.decode(data, "x.txt")
    except InputError as exc:
        assert str(exc) == "x.txt: not an article (binary file)"
        return
    assert isinstance(text, str) and all(n.startswith("x.txt: invalid UTF-8") for n in notes)
    factcheck.check_text(text)


SAMPLES = [
    "Trade rose 25% to a record $190 billion in 2022, from $147 billion in 2021.",
    "The summit ran from March 22 to 20. It was signed on February 30, 2023, a Friday.",
    "---\npublished: 2023-03-17\n---\n# 5 things\n\n- 40% of 1,200 homes\n- born in 1970, aged 12\n",
    "<article><p>Sales fell 3.5 per cent to &pound;4.2bn</p><p>Up 150 km (932 miles)</div>",
]


def test_json_is_identical_across_processes(tmp_path):
    paths = []
    for i, text in enumerate(SAMPLES):
        path = tmp_path / f"s{i}.{['txt', 'txt', 'md', 'html'][i]}"
        path.write_text(text)
        paths.append(str(path))
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, FACTCHECK_CACHE_DIR=str(tmp_path / f"cache{seed}"))
        done = subprocess.run([sys.executable, "-m", "factcheck.cli", "check", "--format", "json", "--fail-on",
                               "never", "--published", "2023-03-17", *paths], capture_output=True, env=env,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1, "hash randomisation must not change the report"
