"""One self-contained HTML page: each article with its figures marked, findings beside the text, scorecards."""

from __future__ import annotations

import re
from html import escape
from typing import TextIO

from ..model import Figure, FileReport, Report
from ..wording import show
from . import Options
from .markdown import figure_status, plural, scorecard, suppressed_by
from .records import finding_record
from .sanitize import clean, one_line

BLANK_LINE = re.compile(r"\n[ \t]*\n")
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}\s")
FULL_TEXT_LIMIT = 50  # in bigger runs, only files with findings show their text
STATUS_WORDS = {"consistent": "checked and consistent", "unchecked": "not checked by any rule",
                "suppressed": "flagged, but the finding is switched off inline or in the baseline",
                "error": "flagged (error)", "warning": "flagged (warning)", "info": "flagged (info)"}

CSS = """
:root { --ink:#1f2328; --muted:#656d76; --line:#d0d7de; --bg:#f6f8fa; --err:#cf222e; --errbg:#ffebe9;
  --warn:#9a6700; --warnbg:#fff8c5; --info:#0969da; --infobg:#ddf4ff; --ok:#1a7f37; --okbg:#dafbe1;
  --sup:#8250df; --supbg:#fbefff; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
  background: #fff; }
header.run { padding: 20px 32px 12px; border-bottom: 1px solid var(--line); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 0 0 4px; word-break: break-all; }
.verdict { font-weight: 600; margin: 0 0 10px; }
.verdict.bad { color: var(--err); } .verdict.good { color: var(--ok); }
table.scores { border-collapse: collapse; font-size: 13px; margin: 6px 0 8px; }
.scroll { overflow-x: auto; max-width: 100%; }
table.scores th, table.scores td { border: 1px solid var(--line); padding: 3px 9px; text-align: right;
  white-space: nowrap; }
table.scores th:first-child, table.scores td:first-child { text-align: left; }
table.scores thead th { background: #eaeef2; }
table.scores td.err { color: var(--err); font-weight: 600; }
table.scores td.warn { color: var(--warn); font-weight: 600; }
.legend { font-size: 13px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; }
section.file { padding: 18px 32px 28px; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.note { font-size: 13px; color: var(--warn); background: var(--warnbg); border-radius: 6px; padding: 4px 10px;
  margin: 4px 0; }
.rows { margin-top: 12px; }
.row { display: grid; grid-template-columns: 3.2em minmax(0, 46em) minmax(300px, 440px); gap: 0 28px;
  justify-content: start; border-top: 1px solid #eef1f4; padding: 6px 0; }
.row:first-child { border-top: none; }
.gutter { color: #8c959f; font: 12px/2 ui-monospace, SFMono-Regular, Menlo, monospace; text-align: right;
  user-select: none; }
.text { white-space: pre-line; overflow-wrap: anywhere; margin: 0; }
.text.heading { font-weight: 700; font-size: 17px; }
aside.findings { display: flex; flex-direction: column; gap: 8px; }
mark.fig { background: none; color: inherit; padding: 0 1px; border-radius: 3px; border-bottom: 2px solid;
  cursor: default; }
mark.fig.consistent { background: var(--okbg); border-color: var(--ok); }
mark.fig.unchecked { border-bottom: 2px dotted #8c959f; }
mark.fig.suppressed { background: var(--supbg); border-bottom: 2px dashed var(--sup); }
mark.fig.error { background: var(--errbg); border-color: var(--err); font-weight: 600; cursor: pointer; }
mark.fig.warning { background: var(--warnbg); border-color: var(--warn); font-weight: 600; cursor: pointer; }
mark.fig.info { background: var(--infobg); border-color: var(--info); cursor: pointer; }
mark.fig.hl, .card.hl { outline: 3px solid #bf8700; outline-offset: 1px; }
.card { border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 6px; padding: 8px 11px;
  background: #fff; font-size: 13.5px; line-height: 1.45; box-shadow: 0 1px 2px rgba(31,35,40,.06); cursor: pointer; }
.card.error { border-left-color: var(--err); } .card.warning { border-left-color: var(--warn); }
.card.info { border-left-color: var(--info); }
.card .head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; margin-bottom: 3px; }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 0 6px;
  border-radius: 10px; }
.sev.error { background: var(--errbg); color: var(--err); }
.sev.warning { background: var(--warnbg); color: var(--warn); }
.sev.info { background: var(--infobg); color: var(--info); }
.code { font-weight: 700; } .rname, .loc { color: var(--muted); font-size: 12px; } .loc { margin-left: auto; }
.card p { margin: 3px 0; }
.evidence { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--bg);
  border-radius: 4px; padding: 3px 6px; overflow-wrap: anywhere; }
.fix { color: var(--ok); }
.figs { color: var(--muted); font-size: 12px; }
.swatch { display: inline-block; padding: 0 5px; border-radius: 3px; border-bottom: 2px solid; }
.swatch.consistent { background: var(--okbg); border-color: var(--ok); }
.swatch.flagged { background: var(--errbg); border-color: var(--err); }
.swatch.unchecked { border-bottom-style: dotted; border-color: #8c959f; }
.swatch.suppressed { background: var(--supbg); border-bottom-style: dashed; border-color: var(--sup); }
footer { padding: 12px 32px; color: var(--muted); font-size: 12px; }
@media (max-width: 900px) {
  .row { grid-template-columns: 2.6em minmax(0, 1fr); gap: 0 12px; }
  aside.findings { grid-column: 2; margin-top: 6px; }
  header.run, section.file { padding-left: 14px; padding-right: 14px; }
}
"""

JS = """
(function () {
  function figs(card) {
    return (card.dataset.figs || '').split(' ').filter(Boolean)
      .map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }
  document.querySelectorAll('.card').forEach(function (card) {
    function mark(on) { figs(card).forEach(function (f) { f.classList.toggle('hl', on); }); }
    card.addEventListener('mouseenter', function () { mark(true); });
    card.addEventListener('mouseleave', function () { mark(false); });
    card.addEventListener('click', function () {
      var first = figs(card)[0];
      if (first) first.scrollIntoView({block: 'center', behavior: 'smooth'});
    });
  });
  document.querySelectorAll('mark.fig[data-cards]').forEach(function (mark) {
    var cards = mark.dataset.cards.split(' ').map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
    mark.addEventListener('mouseenter', function () { cards.forEach(function (c) { c.classList.add('hl'); }); });
    mark.addEventListener('mouseleave', function () { cards.forEach(function (c) { c.classList.remove('hl'); }); });
    mark.addEventListener('click', function () { if (cards[0]) cards[0].scrollIntoView({block: 'nearest'}); });
  });
  window.addEventListener('load', function () {
    var text = document.querySelector('.row .text'), card = document.querySelector('.row aside .card');
    if (text && card) {
      document.body.dataset.layout =
        card.getBoundingClientRect().left >= text.getBoundingClientRect().right ? 'side-by-side' : 'stacked';
    }
    document.body.dataset.fits = document.documentElement.scrollWidth <= window.innerWidth ? 'yes' : 'no';
  });
})();
"""


def render(report: Report, out: TextIO, options: Options) -> None:
    from .. import __version__

    files = sorted(report.files, key=lambda f: f.path)
    total = scorecard(files)
    bad = total["errors"] + total["warnings"] + total["infos"]
    title = one_line(files[0].path) if len(files) == 1 else plural(len(files), "file")
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              f"<title>factcheck report: {escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n")
    out.write("<header class=\"run\">\n<h1>factcheck report</h1>\n")
    verdict = ("No discrepancies found." if not bad else
               f"{plural(total['errors'], 'error')}, {plural(total['warnings'], 'warning')}, "
               f"{plural(total['infos'], 'info')}.")
    out.write(f"<p class=\"verdict {'bad' if bad else 'good'}\">{verdict}</p>\n")
    _scores(out, files, total)
    out.write("<div class=\"legend\">Figures: <span class=\"swatch consistent\">checked and consistent</span>"
              "<span class=\"swatch flagged\">flagged by a rule</span>"
              "<span class=\"swatch suppressed\">suppressed (its finding is switched off inline or by the "
              "baseline)</span>"
              "<span class=\"swatch unchecked\">not checked by any rule</span>"
              "<span>Hover a finding to see its figures; click to go to them.</span></div>\n</header>\n")
    show_all = len(files) <= FULL_TEXT_LIMIT
    for n, file in enumerate(files, start=1):
        if show_all or file.findings:
            _file(out, file, n)
    out.write(f"<footer>Written by factcheck {escape(__version__)}.</footer>\n<script>{JS}</script>\n"
              "</body>\n</html>\n")


def _scores(out: TextIO, files: list[FileReport], total: dict) -> None:
    out.write("<div class=\"scroll\"><table class=\"scores\">\n"
              "<thead><tr><th>file</th><th>published</th><th>figures</th><th>checked</th>"
              "<th>consistent</th><th>suppressed</th><th>errors</th><th>warnings</th><th>infos</th><th>coverage</th></tr></thead>\n"
              "<tbody>\n")
    rows = [(f"<a href=\"#file-{n}\">{escape(one_line(f.path))}</a>", f.published or "unknown", scorecard([f]))
            for n, f in enumerate(files, start=1)]
    if len(files) > 1:
        rows.append(("<b>all files</b>", "", total))
    for name, published, s in rows:
        out.write(f"<tr><td>{name}</td><td>{escape(published)}</td><td>{s['figures']}</td><td>{s['checked']}</td>"
                  f"<td>{s['consistent']}</td><td>{s['suppressed']}</td>"
                  f"<td class=\"{'err' if s['errors'] else ''}\">{s['errors']}</td>"
                  f"<td class=\"{'warn' if s['warnings'] else ''}\">{s['warnings']}</td><td>{s['infos']}</td>"
                  f"<td>{s['covered']} of {s['tokens']} ({s['coverage']})</td></tr>\n")
    out.write("</tbody>\n</table></div>\n")


def _file(out: TextIO, file: FileReport, n: int) -> None:
    doc = file.document
    out.write(f"<section class=\"file\" id=\"file-{n}\">\n<h2>{escape(one_line(file.path))}</h2>\n")
    meta = f"Published {escape(file.published)}" if file.published else "No publication date"
    if doc is not None and doc.published_from:
        meta += f" ({escape(doc.published_from)})"
    s = scorecard([file])
    quiet = f", {s['suppressed']} suppressed" if s["suppressed"] else ""
    meta += (f" · {plural(s['figures'], 'figure')}, {s['checked']} checked, {s['consistent']} consistent{quiet} · "
             f"{plural(s['errors'], 'error')}, {plural(s['warnings'], 'warning')}, {plural(s['infos'], 'info')}")
    out.write(f"<p class=\"meta\">{meta}</p>\n")
    for note in file.notes:
        out.write(f"<p class=\"note\">Note: {escape(clean(note))}</p>\n")
    status = figure_status(file)
    by = suppressed_by(file)
    records = [(finding, finding_record(file, finding)) for finding in file.findings]
    records.sort(key=lambda fr: (fr[1]["line"], fr[1]["column"], fr[1]["rule"]))
    card_ids = {id(finding): f"c{n}-{i}" for i, (finding, _) in enumerate(records, start=1)}
    cards_of: dict[str, list[str]] = {}
    for finding, _ in records:
        for fid in finding.figures:
            cards_of.setdefault(fid, []).append(card_ids[id(finding)])
    figures = {fig.id: fig for fig in file.figures}
    out.write("<div class=\"rows\">\n")
    placed: set[int] = set()
    if doc is not None:
        for start, end in _paragraphs(doc.text):
            line = doc.line_col(start)[0]
            heading = doc.fmt == "md" and bool(HEADING.match(doc.source_line(line)))
            inside = [fig for fig in file.figures if start <= fig.span.start < end]
            here = [(f, r) for f, r in records if start <= f.span.start < end]
            placed.update(id(f) for f, _ in here)
            out.write(f"<div class=\"row\"><div class=\"gutter\">{line}</div>"
                      f"<p class=\"text{' heading' if heading else ''}\">")
            out.write(_marked(doc.text, start, end, inside, status, cards_of, n, by))
            out.write("</p><aside class=\"findings\">")
            for finding, record in here:
                out.write(_card(file, finding, record, card_ids[id(finding)], figures, n))
            out.write("</aside></div>\n")
    rest = [(f, r) for f, r in records if id(f) not in placed]
    if rest:
        out.write("<div class=\"row\"><div class=\"gutter\"></div><p class=\"text\"></p><aside class=\"findings\">")
        for finding, record in rest:
            out.write(_card(file, finding, record, card_ids[id(finding)], figures, n))
        out.write("</aside></div>\n")
    out.write("</div>\n</section>\n")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of text between blank lines, trimmed, without the empty ones."""
    spans, pos = [], 0
    for m in [*BLANK_LINE.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        pos = m.end() if m else len(text)
    return spans


def _marked(text: str, start: int, end: int, figures: list[Figure], status: dict[str, str],
            cards_of: dict[str, list[str]], n: int, by: dict[str, list[str]] | None = None) -> str:
    parts, pos = [], start
    for fig in sorted(figures, key=lambda f: f.span.start):
        a, b = max(fig.span.start, pos), min(fig.span.end, end)
        if a >= b:
            continue
        parts.append(escape(_tidy(text[pos:a])))
        state = status.get(fig.id, "unchecked")
        tip = f"{fig.id} · {fig.kind}"
        if fig.value is not None:
            tip += f" · {show(fig.value, fig.unit, digits=15)}"
        elif fig.date:
            tip += f" · {fig.date}" + (f" to {fig.date_end}" if fig.date_end else "")
        tip += f" · {STATUS_WORDS[state]}"
        if by and fig.id in by:
            tip += f" ({', '.join(by[fig.id])})"
        cards = f" data-cards=\"{' '.join(cards_of[fig.id])}\"" if fig.id in cards_of else ""
        parts.append(f"<mark class=\"fig {state}\" id=\"f{n}-{escape(fig.id)}\" title=\"{escape(tip)}\"{cards}>"
                     f"{escape(text[a:b])}</mark>")
        pos = b
    parts.append(escape(_tidy(text[pos:end])))
    return "".join(parts)


def _tidy(chunk: str) -> str:
    """Plain text between figures: runs of blanked Markdown syntax become one space (line breaks stay)."""
    return re.sub(r"[ \t]{2,}", " ", chunk)


def _card(file: FileReport, finding, record: dict, card_id: str, figures: dict[str, Figure], n: int) -> str:
    sev = record["severity"]
    fig_ids = " ".join(f"f{n}-{escape(fid)}" for fid in finding.figures)
    listed = ", ".join(f"{escape(fid)} “{escape(figures[fid].surface)}” "
                       f"(line {file.locate(figures[fid].span.start)[0]})" for fid in finding.figures if fid in figures)
    html = (f"<div class=\"card {sev}\" id=\"{card_id}\" data-figs=\"{fig_ids}\">"
            f"<div class=\"head\"><span class=\"sev {sev}\">{sev}</span><span class=\"code\">{escape(record['rule'])}"
            f"</span><span class=\"rname\">{escape(record['name'])}</span>"
            f"<span class=\"loc\">line {record['line']}:{record['column']}</span></div>"
            f"<p class=\"msg\">{escape(record['message'])}</p>")
    if record["evidence"]:
        html += f"<p class=\"evidence\">{escape(record['evidence'])}</p>"
    if record.get("fix"):
        html += f"<p class=\"fix\">Fix: {escape(record['fix'])}</p>"
    if listed:
        html += f"<p class=\"figs\">Figures: {listed}</p>"
    return html + "</div>"



