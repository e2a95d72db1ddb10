"""The arithmetic of the check kinds on hand-built figures, independent of what extraction finds."""

import pytest

from factcheck import document
from factcheck.checks import CheckContext, conversion, expression, ratio, record, total
from factcheck.model import Figure, Interval, Rule, Span


def _figures(text, specs, published=None):
    """A CheckContext for `text` whose figures are given as (surface, kind, value, unit, half_width, attrs)."""
    doc = document.from_text(text, published=published)
    figures, cursor = [], 0
    for i, (surface, kind, value, unit, half, attrs) in enumerate(specs, 1):
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        attrs = dict(attrs)
        iv = attrs.pop("interval", None) or Interval.around(value, half)
        qualifiers = tuple(attrs.pop("qualifiers", ()))
        figures.append(Figure(id=f"F{i}", span=Span(start, cursor), surface=surface, kind=kind, value=value,
                              interval=iv, unit=unit, qualifiers=qualifiers, subject=attrs.pop("subject", None),
                              anchor=attrs.pop("anchor", None), date=attrs.pop("date", None),
                              sentence=doc.sentence_index(start), attrs=tuple(attrs.items())))
    return CheckContext(doc=doc, figures=figures, published=doc.published)


def _rule(check, **params):
    return Rule(id="FC999", name="test-rule", check=check, severity="error", message="m", params=params)


def _hits(module, ctx, **params):
    assert module.validate(params) is None
    return list(module.run(_rule(module.__name__.rsplit(".", 1)[1], **params), ctx))


def test_unit_conversion_wrong_and_right():
    ctx = _figures("The road is 1,500 km (1,100 miles) long.",
                   [("1,500 km", "quantity", 1500, "kilometer", 0.5, {}),
                    ("1,100 miles", "quantity", 1100, "mile", 50, {})])
    hits = _hits(conversion, ctx, test="unit")
    assert hits and "932" in hits[0].evidence
    ctx = _figures("The road is 1,500 km (930 miles) long.",
                   [("1,500 km", "quantity", 1500, "kilometer", 0.5, {}),
                    ("930 miles", "quantity", 930, "mile", 5, {})])
    assert not _hits(conversion, ctx, test="unit")


def test_temperature_conversion():
    ctx = _figures("It was 35C (85F) on Monday.",
                   [("35C", "quantity", 35, "degree_Celsius", 0.5, {}),
                    ("85F", "quantity", 85, "degree_Fahrenheit", 0.5, {})])
    hits = _hits(conversion, ctx, test="unit")
    assert hits and "95" in hits[0].evidence


def test_currency_conversion_against_dated_rates():
    text = "The deal is worth $10bn (£8.5bn)."
    specs = [("$10bn", "money", 10e9, "USD", 0.5e9, {}), ("£8.5bn", "money", 8.5e9, "GBP", 0.05e9, {})]
    hits = _hits(conversion, _figures(text, specs, published="2005-01-10"), test="currency", tolerance=0.03)
    assert hits and "GBP per USD" in hits[0].evidence
    specs[1] = ("£5.3bn", "money", 5.3e9, "GBP", 0.05e9, {})
    ok = _figures("The deal is worth $10bn (£5.3bn).", specs, published="2005-01-10")
    assert not _hits(conversion, ok, test="currency", tolerance=0.03)


def test_currency_without_date_uses_years_named():
    text = "In 2004 it paid $671.7bn (£584bn)."
    specs = [("2004", "year", 2004, None, 0, {"date": "2004"}), ("$671.7bn", "money", 671.7e9, "USD", 0.05e9, {}),
             ("£584bn", "money", 584e9, "GBP", 0.5e9, {})]
    assert _hits(conversion, _figures(text, specs), test="currency", tolerance=0.03)


def test_scale_word_missing_and_not_a_conversion():
    text = "It made $7.2 (£3.9m) last year."
    specs = [("$7.2", "money", 7.2, "USD", 0.05, {}), ("£3.9m", "money", 3.9e6, "GBP", 0.05e6, {})]
    ctx = _figures(text, specs, published="2005-01-10")
    assert _hits(conversion, ctx, test="scale-word", tolerance=0.03)
    assert not _hits(conversion, ctx, test="currency", tolerance=0.03)
    text = "It costs £250 (£300 with VAT)."
    ctx = _figures(text, [("£250", "money", 250, "GBP", 0.5, {}), ("£300", "money", 300, "GBP", 0.5, {})])
    assert not _hits(conversion, ctx, test="same-currency")
    text = "It costs €5bn (€5.4bn)."
    ctx = _figures(text, [("€5bn", "money", 5e9, "EUR", 0.5e9, {}), ("€5.4bn", "money", 5.4e9, "EUR", 0.05e9, {})])
    assert not _hits(conversion, ctx, test="same-currency")  # 5bn means 4.5-5.5bn: it may be the same amount
    ctx = _figures("It costs €5.0bn (€5.4bn).", [("€5.0bn", "money", 5e9, "EUR", 0.05e9, {}),
                                                 ("€5.4bn", "money", 5.4e9, "EUR", 0.05e9, {})])
    assert _hits(conversion, ctx, test="same-currency")


def test_conversions_disagree():
    text = "It owes $27.5bn (£14.5bn). Later: the $27.5bn (£13bn) debt."
    specs = [("$27.5bn", "money", 27.5e9, "USD", 0.05e9, {}), ("£14.5bn", "money", 14.5e9, "GBP", 0.05e9, {}),
             ("$27.5bn", "money", 27.5e9, "USD", 0.05e9, {}), ("£13bn", "money", 13e9, "GBP", 0.5e9, {})]
    assert _hits(conversion, _figures(text, specs), test="disagree")


def test_parts_and_shares():
    text = "The 150-seat council: 80, 50 and 15 seats."
    specs = [("150", "count", 150, "seat", 0, {"role": "total"}), ("80", "count", 80, "seat", 0, {"role": "part"}),
             ("50", "count", 50, "seat", 0, {"role": "part"}), ("15", "count", 15, "seat", 0, {"role": "part"})]
    hits = _hits(total, _figures(text, specs), test="parts")
    assert hits and "80 + 50 + 15 = 145" in hits[0].evidence
    text = "Labour won 45%, the Tories 40% and others 20%."
    specs = [(s, "percent", v, "%", 0.5, {"role": "part", "complete": True}) for s, v in
             (("45%", 45), ("40%", 40), ("20%", 20))]
    assert _hits(total, _figures(text, specs), test="shares")
    text = "Labour won 45%, the Tories 35% and others 21%."
    specs = [(s, "percent", v, "%", 0.5, {"role": "part", "complete": True}) for s, v in
             (("45%", 45), ("35%", 35), ("21%", 21))]
    hits = _hits(total, _figures(text, specs), test="shares")
    assert hits and hits[0].severity == "info"
    text += " Figures do not add up to 100% because of rounding."
    assert not _hits(total, _figures(text, specs), test="shares")


def test_ratio_share_fraction_and_per_unit():
    text = "Almost a quarter of the 800 staff, or 320 people, left."
    specs = [("a quarter", "fraction", 0.25, None, 0, {"interval": Interval(0.2, 0.25)}),
             ("800", "count", 800, None, 0, {}), ("320", "count", 320, None, 0, {})]
    hits = _hits(ratio, _figures(text, specs), test="fraction")
    assert hits and "160" in hits[0].evidence
    text = "It made $6bn from 30 million users, or $300 per user."
    specs = [("$6bn", "money", 6e9, "USD", 0.5e9, {}), ("30 million", "count", 30e6, None, 0.5e6, {}),
             ("$300", "money", 300, "USD", 0.5, {})]
    hits = _hits(ratio, _figures(text, specs), test="per-unit")
    assert hits and "$200" in hits[0].evidence
    text = "Some 320 of the 800 staff (40%) left."
    specs = [("320", "count", 320, None, 0, {}), ("800", "count", 800, None, 0, {}),
             ("40%", "percent", 40, "%", 0.5, {})]
    assert not _hits(ratio, _figures(text, specs), test="share")


def test_record_against_earlier_value_not_forecast():
    text = "Trade should reach more than $200 billion in 2023 after it hit a record $190 billion in 2022."
    specs = [("$200 billion", "money", 200e9, "USD", 0, {"interval": Interval(200e9, float("inf")),
                                                          "qualifiers": ("more_than", "forecast"), "subject": "trade",
                                                          "anchor": "2023"}),
             ("$190 billion", "money", 190e9, "USD", 0.5e9, {"qualifiers": ("record",), "subject": "trade",
                                                               "anchor": "2022"})]
    assert not _hits(record, _figures(text, specs))
    text = "Trade hit a record $190 billion in 2022. In 2021 trade was $210 billion."
    specs = [("$190 billion", "money", 190e9, "USD", 0.5e9, {"qualifiers": ("record",), "subject": "trade",
                                                               "anchor": "2022"}),
             ("$210 billion", "money", 210e9, "USD", 0.5e9, {"subject": "trade", "anchor": "2021"})]
    assert _hits(record, _figures(text, specs))


EXPRESSION = {"select": {"profit": {"kind": "money", "subject": "profit"},
                         "revenue": {"kind": "money", "subject": "revenue|sales"}},
              "assert": "profit <= revenue"}


def test_expression_evaluates_on_intervals():
    text = "Profit was $5bn on revenue of $3bn."
    specs = [("$5bn", "money", 5e9, "USD", 0.5e9, {"subject": "profit"}),
             ("$3bn", "money", 3e9, "USD", 0.5e9, {"subject": "revenue"})]
    assert _hits(expression, _figures(text, specs), **EXPRESSION)
    specs[1] = ("$3bn", "money", 5e9, "USD", 0.5e9, {"subject": "revenue"})
    assert not _hits(expression, _figures(text, specs), **EXPRESSION)


@pytest.mark.parametrize("condition", ["__import__('os')", "profit.real > 1", "profit[0] > 1", "open('x')",
                                       "lambda: 1", "x > 1", "'a' < 'b'", "profit if 1 else 2", "[profit]"])
def test_expression_rejects_unsafe_conditions(condition):
    problem = expression.validate({**EXPRESSION, "assert": condition})
    assert problem and problem.startswith("assert:")


def test_expression_allows_whitelist():
    ok = "abs(profit - revenue) / max(revenue, 1) <= 0.5 and not profit > 10 ** 12 or round(profit % 7) == 0"
    assert expression.validate({**EXPRESSION, "assert": ok}) is None
