"""Reported statistics recomputed: p-values from test results, estimates against their confidence intervals, means
and percentages that no whole-number data give (GRIM), and sample sizes that disagree.

scipy.stats (the optional extra factcheck[stats]) is imported only when a text has a test result to recompute."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from statistics import NormalDist

from ..errors import shown
from ..extract import stats
from ..model import Figure, Rule
from . import CheckContext, Hit

TESTS = ("p-value", "estimate-in-interval", "ratio-midpoint", "interval-significance", "interval-p-value", "grim",
         "share-of-sample", "sample-sizes")
PARAMS = ("test", "alpha", "tolerance")
NO_SCIPY = ("statistics: scipy is not installed, so test results were not recomputed "
            "(pip install 'factcheck[stats]')")


def validate(params: dict) -> str | None:
    if params.get("test") not in TESTS:
        return f"test: expected one of {', '.join(TESTS)}"
    for key in ("alpha", "tolerance"):
        value = params.get(key, 0.05)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
            return f"{key}: expected a number between 0 and 1"
    unknown = set(params) - {"test", "alpha", "tolerance"}
    return f"unknown parameter(s): {', '.join(sorted(map(shown, unknown)))}" if unknown else None


def run(rule: Rule, ctx: CheckContext) -> Iterator[Hit]:
    test = rule.params["test"]
    alpha = float(rule.params.get("alpha", 0.05))
    if test == "p-value":
        yield from _p_values(ctx, alpha)
    elif test == "estimate-in-interval":
        yield from _outside(ctx)
    elif test == "ratio-midpoint":
        yield from _midpoints(ctx, float(rule.params.get("tolerance", 0.1)))
    elif test == "interval-significance":
        yield from _significance(ctx, alpha)
    elif test == "interval-p-value":
        yield from _altman_bland(ctx, alpha)
    elif test == "grim":
        yield from _grim(ctx)
    elif test == "share-of-sample":
        yield from _shares(ctx)
    else:
        yield from _sample_sizes(ctx)


# --- figures for a hit: the extracted figures inside the statistic's span -------------------------------------

def _figures(ctx: CheckContext, start: int, end: int, primary: tuple[int, int] | None = None) -> tuple[Figure, ...]:
    inside = [f for f in ctx.figures if f.span.start < end and start < f.span.end]
    if primary is not None:
        inside.sort(key=lambda f: not (f.span.start < primary[1] and primary[0] < f.span.end))
    ctx.mark(*inside)
    return tuple(inside)


def _half(decimals: int) -> float:
    return 0.5 * 10.0 ** -decimals


def fmt(x: float, digits: int = 4) -> str:
    """A p or statistic as papers print it: '.0353', '2.195', '< .0001'."""
    if x != 0 and abs(x) < 10 ** -digits:
        return f"< .{'0' * (digits - 1)}1"
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return text[1:] if text.startswith("0.") else text.replace("-0.", "-.") or "0"


# --- 1. test results: the p recomputed from the statistic's rounding interval ---------------------------------

def p_of(result: stats.TestResult, value: float) -> float:
    """The p-value of a test statistic (two-tailed for t, r and z unless the text says one-tailed)."""
    from scipy import stats as sps  # the optional extra: imported only when a text has a test result

    x, df = abs(value), result.df
    if result.test == "t":
        p = 2 * sps.t.sf(x, df[0])
    elif result.test == "r":
        if x >= 1:
            return 0.0
        p = 2 * sps.t.sf(x * math.sqrt(df[0] / (1 - x * x)), df[0])
    elif result.test == "z":
        p = 2 * sps.norm.sf(x)
    elif result.test == "F":
        return float(sps.f.sf(x, df[0], df[1]))
    else:  # chi2 and Q (Cochran's Q follows a chi-square distribution)
        return float(sps.chi2.sf(x, df[0]))
    return float(p / 2 if result.one_tailed else p)


def p_range(result: stats.TestResult) -> tuple[float, float, float, float]:
    """The statistic's interval at its stated precision and the p interval it gives: (x_lo, x_hi, p_lo, p_hi)."""
    h = _half(result.decimals)
    lo, hi = max(abs(result.value) - h, 0.0), abs(result.value) + h
    if result.test == "r":
        hi = min(hi, 1.0)
    return lo, hi, p_of(result, hi), p_of(result, lo)


def reported_interval(p: stats.Reported, alpha: float) -> tuple[float, float]:
    """The p values the text allows: 'p = .03' is .025-.035, 'p < .05' is [0, .05), 'n.s.' is [alpha, 1]."""
    if p.op == "=":
        h = _half(p.decimals)
        return max(p.value - h, 0.0), p.value + h
    if p.op == "<":
        return 0.0, p.value
    if p.op == ">":
        return p.value, 1.0
    return alpha, 1.0


def consistent(p: stats.Reported, lo: float, hi: float, alpha: float) -> bool:
    """Whether some p in [lo, hi] gives the reported p."""
    if p.op == "<":
        return lo < p.value
    if p.op == ">":
        return hi > p.value
    if p.op == "ns":
        return hi >= alpha
    h = _half(p.decimals)
    return lo <= p.value + h and hi >= p.value - h


def decision_error(p: stats.Reported, lo: float, hi: float, alpha: float) -> bool:
    """Whether the significance verdict at alpha flips: the text says significant and every p the statistic
    allows is above alpha, or the reverse (p = alpha counts as significant, as statcheck counts it)."""
    said = (p.op in ("=", "<") and p.value <= alpha) if p.op != "ns" else False
    said_not = p.op == "ns" or (p.op in ("=", ">") and p.value > alpha) or (p.op == ">" and p.value >= alpha)
    if said:
        return lo > alpha
    if said_not:
        return hi <= alpha if p.op != "=" else hi < alpha
    return False


def _name(result: stats.TestResult) -> str:
    df = ", ".join(f"{d:g}" for d in result.df)
    label = "χ²" if result.test == "chi2" else result.test
    return f"{label}({df})" if df else label


def _p_values(ctx: CheckContext, alpha: float) -> Iterator[Hit]:
    results = ctx.memo("stats.tests", lambda c: stats.tests(c.doc.text))
    if not results:
        return
    try:
        import scipy.stats  # noqa: F401
    except ImportError:
        ctx.note(NO_SCIPY)
        return
    for result in results:
        if any(d <= 0 for d in result.df) or (result.test == "r" and abs(result.value) > 1) or result.p.value > 1:
            continue
        x_lo, x_hi, p_lo, p_hi = p_range(result)
        figures = _figures(ctx, result.start, result.end, (result.value_start, result.value_end))
        if consistent(result.p, p_lo, p_hi, alpha) or not figures:
            continue
        flips = decision_error(result.p, p_lo, p_hi, alpha)
        said = result.p.text
        tails = "one-tailed " if result.one_tailed else ("two-tailed " if result.test in ("t", "r", "z") else "")
        shown_x = f"{fmt(x_lo, result.decimals + 1)}–{fmt(x_hi, result.decimals + 1)}"
        computed = (fmt(p_hi) if p_hi < 1e-4 else "= " + fmt(p_hi) if fmt(p_lo) == fmt(p_hi)
                    else f"= {fmt(p_lo)}–{fmt(p_hi)}")
        yield Hit(figures, {"test": result.surface.strip(), "computed": computed, "reported": said,
                            "verdict": " and the significance at " + fmt(alpha, 3) + " flips" if flips else ""},
                  evidence=f"{_name(result)} = {result.value:.{result.decimals}f} means {shown_x}; "
                           f"{tails}p {computed}; the text says {said}",
                  severity=None if flips else "warning")


# --- 2. confidence intervals --------------------------------------------------------------------------------

def _estimates(ctx: CheckContext) -> list[stats.Estimate]:
    return ctx.memo("stats.estimates", lambda c: stats.estimates(c.doc.text))


def _est_figures(ctx: CheckContext, est: stats.Estimate) -> tuple[Figure, ...]:
    return _figures(ctx, est.start, est.end, (est.value_end - 1, est.value_end))


def _show_ci(est: stats.Estimate) -> str:
    unit = "%" if est.unit in ("%", "per cent", "percent", "percent") else ""
    return (f"{est.low:.{est.low_decimals}f}{unit} to {est.high:.{est.high_decimals}f}{unit} "
            f"({est.level:g}% CI)")


def _signed(est: stats.Estimate) -> float:
    """The estimate with the sign its interval gives ("a 20% fall (95% CI -31% to -9%)" is -20)."""
    return -est.value if est.value > 0 and est.high < 0 else est.value


def _outside(ctx: CheckContext) -> Iterator[Hit]:
    for est in _estimates(ctx):
        v, h = _signed(est), _half(est.decimals)
        low, high = est.low - _half(est.low_decimals), est.high + _half(est.high_decimals)
        if low <= v + h and v - h <= high:
            continue
        figures = _est_figures(ctx, est)
        if figures:
            side = "below" if v < est.low else "above"
            yield Hit(figures, {"estimate": f"{est.value:.{est.decimals}f}{'%' if est.unit == '%' else ''}",
                                "interval": _show_ci(est), "side": side},
                      evidence=f"{v:.{est.decimals}f}{'%' if est.unit == '%' else ''} is {side} {_show_ci(est)}")


def _log_box(est: stats.Estimate) -> tuple[float, float, float, float] | None:
    """log(low) and log(high) at the far ends of their rounding, or None when an end is not positive."""
    lo_a, lo_b = est.low - _half(est.low_decimals), est.low + _half(est.low_decimals)
    hi_a, hi_b = est.high - _half(est.high_decimals), est.high + _half(est.high_decimals)
    if min(lo_a, hi_a, est.value - _half(est.decimals)) <= 0:
        return None
    return math.log(lo_a), math.log(lo_b), math.log(hi_a), math.log(hi_b)


def _midpoints(ctx: CheckContext, tolerance: float) -> Iterator[Hit]:
    for est in _estimates(ctx):
        box = _log_box(est) if est.ratio else None
        if box is None or not est.low <= est.value <= est.high:
            continue  # outside the interval is estimate-in-interval's finding
        mid_lo, mid_hi = math.exp((box[0] + box[2]) / 2), math.exp((box[1] + box[3]) / 2)
        h = _half(est.decimals)
        lo, hi = (est.value - h) / (1 + tolerance), (est.value + h) * (1 + tolerance)
        if lo <= mid_hi and mid_lo <= hi:
            continue
        figures = _est_figures(ctx, est)
        if figures:
            mid = math.sqrt(est.low * est.high)
            yield Hit(figures, {"estimate": f"{est.value:.{est.decimals}f}", "interval": _show_ci(est),
                                "midpoint": f"{mid:.{max(est.decimals, 2)}f}"},
                      evidence=f"√({est.low:g} × {est.high:g}) = {mid:.3f} (between {mid_lo:.3f} and {mid_hi:.3f} "
                               f"at the bounds' rounding); the text says {est.value:g}, "
                               f"more than {tolerance:.0%} away")


def _null(est: stats.Estimate) -> float | None:
    return 1.0 if est.ratio else 0.0 if est.difference else None


def _claim(ctx: CheckContext, est: stats.Estimate, alpha: float, others: int) -> tuple[bool, str] | None:
    """What the text says of the estimate's significance: (significant, the words), from its own p, else from the
    words of its sentence when that sentence has no other interval."""
    if est.p is not None:
        if est.p.op == "ns":
            return False, "n.s."
        said = est.p.text
        if est.p.op in ("=", "<") and est.p.value <= alpha:
            return True, said
        if est.p.op in ("=", ">") and est.p.value > alpha:
            return False, said
        return None
    if others > 1:
        return None
    s, e = stats.sentence_span(stats.normalise(ctx.doc.text), est.start, est.end)
    sentence = stats.plain_words(ctx.doc.text[s:e])
    if stats.words("not_significant").search(sentence):
        return False, "it is not significant"
    m = stats.words("significant").search(sentence)
    if m and not re.search(r"\b(?:not|no|non|nor|without)\W+(?:\w+\W+)?$", sentence[:m.start()]):
        return True, "it is significant"
    return None


def _significance(ctx: CheckContext, alpha: float) -> Iterator[Hit]:
    text = stats.normalise(ctx.doc.text)
    ests = _estimates(ctx)
    per_sentence: dict[tuple[int, int], int] = {}
    for est in ests:
        key = stats.sentence_span(text, est.start, est.end)
        per_sentence[key] = per_sentence.get(key, 0) + 1
    for est in ests:
        null = _null(est)
        if null is None or round(100 - est.level, 6) != round(alpha * 100, 6):
            continue
        claim = _claim(ctx, est, alpha, per_sentence[stats.sentence_span(text, est.start, est.end)])
        if claim is None:
            continue
        significant, words = claim
        lo_in, hi_in = est.low + _half(est.low_decimals), est.high - _half(est.high_decimals)
        lo_out, hi_out = est.low - _half(est.low_decimals), est.high + _half(est.high_decimals)
        contains = lo_in < null < hi_in  # contains the null however the bounds were rounded
        excludes = null < lo_out or null > hi_out
        if not ((significant and contains) or (not significant and excludes)):
            continue
        figures = _est_figures(ctx, est)
        if figures:
            what = "contains" if contains else "excludes"
            yield Hit(figures, {"interval": _show_ci(est), "what": what, "null": f"{null:g}", "claim": words},
                      evidence=f"{_show_ci(est)} {what} {null:g} (no {'difference' if null == 0 else 'effect'}); "
                               f"the text says {words}")


def _altman_bland(ctx: CheckContext, alpha: float) -> Iterator[Hit]:
    """Altman & Bland (BMJ 2011): for a ratio, z = |log estimate| / SE with SE = (log high - log low) / (2 z*)."""
    for est in _estimates(ctx):
        box = _log_box(est) if est.ratio and est.p is not None and est.p.op != "ns" else None
        if box is None or est.value == 1:
            continue
        crit = NormalDist().inv_cdf(1 - (1 - est.level / 100) / 2)
        h = _half(est.decimals)
        logs = [math.log(v) for v in (est.value - h, est.value + h)]
        zs = [abs(v) / ((hi - lo) / (2 * crit)) for v in logs for lo in box[:2] for hi in box[2:]
              if hi > lo and not (logs[0] <= 0 <= logs[1])]
        if not zs:
            continue
        p_lo, p_hi = (2 * (1 - NormalDist().cdf(z)) for z in (max(zs), min(zs)))
        slack = 1.5  # the method is an approximation: a p within half again of the reported one agrees
        if consistent(est.p, p_lo / slack, min(p_hi * slack, 1.0), alpha):
            continue
        figures = _est_figures(ctx, est)
        if figures:
            computed = f"{fmt(p_lo)}–{fmt(p_hi)}"
            said = est.p.text
            yield Hit(figures, {"estimate": f"{est.value:g}", "interval": _show_ci(est), "computed": computed,
                                "reported": said},
                      evidence=f"SE(log) = (ln {est.high:g} − ln {est.low:g}) / (2 × {crit:.2f}); "
                               f"z = |ln {est.value:g}| / SE gives p = {computed}; the text says {said}")


# --- 3. GRIM and its neighbours -------------------------------------------------------------------------------

def grim_possible(value: float, decimals: int, n: int) -> bool:
    """Whether some whole-number total over n rounds to value at the stated decimals (either rounding of a half)."""
    h = _half(decimals)
    lo, hi = value - h, value + h
    k = math.ceil(lo * n - 1e-9)
    return k / n <= hi + 1e-12


def _grim(ctx: CheckContext) -> Iterator[Hit]:
    for mean in ctx.memo("stats.means", lambda c: stats.means(c.doc.text)):
        granularity = mean.n * mean.items
        if granularity >= 10 ** mean.decimals or mean.n < 2 or grim_possible(mean.value, mean.decimals, granularity):
            continue  # with N of 10^decimals or more every mean is possible
        figures = _figures(ctx, mean.start, mean.end)
        if figures:
            below = math.floor(mean.value * granularity) / granularity
            above = math.ceil(mean.value * granularity) / granularity
            per = f" × {mean.items} items" if mean.items > 1 else ""
            yield Hit(figures, {"mean": f"{mean.value:.{mean.decimals}f}", "n": f"{mean.n}{per}"},
                      evidence=f"totals over {granularity} give {below:.{mean.decimals + 2}f} or "
                               f"{above:.{mean.decimals + 2}f}, never {mean.value:.{mean.decimals}f} "
                               f"at {mean.decimals} decimals")


def _shares(ctx: CheckContext) -> Iterator[Hit]:
    for share in ctx.memo("stats.shares", lambda c: stats.shares_of_n(c.doc.text)):
        if share.n < 2 or share.value > 100 or grim_possible(share.value / 100, share.decimals + 2, share.n):
            continue
        figures = _figures(ctx, share.start, share.end)
        if figures:
            k = round(share.value / 100 * share.n)
            near = sorted({max(k - 1, 0), k, min(k + 1, share.n)})
            shown_near = ", ".join(f"{j} of {share.n} is {100 * j / share.n:.{share.decimals + 1}f}%" for j in near)
            yield Hit(figures, {"share": f"{share.value:.{share.decimals}f}%", "n": str(share.n)},
                      evidence=shown_near)


def _sample_sizes(ctx: CheckContext) -> Iterator[Hit]:
    sizes = stats.sample_sizes(ctx.doc.text)
    if len({s.n for s in sizes}) != 2:
        return
    words = stats.plain_words(ctx.doc.text)
    if stats.words("attrition").search(words) or stats.words("other_study").search(words):
        return  # the text says why the N changes, or speaks of more than one study
    first = sizes[0]
    other = next(s for s in sizes if s.n != first.n)
    figures = _figures(ctx, first.start, first.end) + _figures(ctx, other.start, other.end)
    if len(figures) >= 2:
        yield Hit(figures, {"n": str(first.n), "other": str(other.n)},
                  evidence=f"the sample is {first.n} here and {other.n} there, and the text gives no dropouts or "
                           f"exclusions")
