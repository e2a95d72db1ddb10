"""The JSON report: one object on stdout, as the contract in DESIGN.md."""

from __future__ import annotations

import json
from typing import TextIO

from ..model import Report
from . import Options
from .records import report_record
from .sanitize import json_text


def render(report: Report, out: TextIO, options: Options) -> None:
    out.write(json_text(json.dumps(report_record(report), indent=2, ensure_ascii=False)))
    out.write("\n")
