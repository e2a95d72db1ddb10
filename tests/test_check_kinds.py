"""The arithmetic of the check kinds on hand-built figures, independent of what extraction finds."""

import pytest

import factcheck
from factcheck import document
from factcheck.checks import (
    CheckContext,
    bounds,
    calendar,
    change,
    consistency,
    conversion,
    expression,
    ratio,
    record,
    total,
)
from factcheck.model import Figure, Interval, Rule, Span, Statement


def _conversions(*pairs):
    """Conversion statements, each (original id, converted id)."""
    return [Statement.of("conversion", {"original": a, "converted": b}) for a, b in pairs]


def _figures(text, specs, published=None, statements=()):
    """A CheckContext for `text` whose figures are given as (surface, kind, value, unit, half_width, attrs), with the
    statements a reading would make of them."""
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
    return CheckContext(doc=doc, figures=figures, published=doc.published, statements=tuple(statements))


def _rules_of(text, published=None, infos=False):
    """The rule codes check_text finds on the real sentence, through extraction (infos only when asked)."""
    findings = factcheck.check_text(text, published=published).findings
    return {f.rule for f in findings if infos or f.severity != "info"}


def _rule(check, **params):
    return Rule(id="FC999", name="test-rule", check=check, severity="error", message="m", params=params)


def _hits(module, ctx, **params):
    assert module.validate(params) is None
    return list(module.run(_rule(module.__name__.rsplit(".", 1)[1], **params), ctx))


def test_unit_conversion_wrong_and_right():
    ctx = _figures("The road is 1,500 km (1,100 miles) long.",
                   [("1,500 km", "quantity", 1500, "kilometer", 0.5, {}),
                    ("1,100 miles", "quantity", 1100, "mile", 50, {})], statements=_conversions(("F1", "F2")))
    hits = _hits(conversion, ctx, test="unit")
    assert hits and "932" in hits[0].evidence
    assert "FC130" in _rules_of("The road is 1,500 km (1,100 miles) long.")
    ctx = _figures("The road is 1,500 km (930 miles) long.",
                   [("1,500 km", "quantity", 1500, "kilometer", 0.5, {}),
                    ("930 miles", "quantity", 930, "mile", 5, {})], statements=_conversions(("F1", "F2")))
    assert not _hits(conversion, ctx, test="unit")


def test_temperature_conversion():
    ctx = _figures("It was 35C (85F) on Monday.",
                   [("35C", "quantity", 35, "degree_Celsius", 0.5, {}),
                    ("85F", "quantity", 85, "degree_Fahrenheit", 0.5, {})], statements=_conversions(("F1", "F2")))
    hits = _hits(conversion, ctx, test="unit")
    assert hits and "95" in hits[0].evidence
    assert "FC130" in _rules_of("It was 35C (85F) on Monday.")


def test_currency_conversion_against_dated_rates():
    text = "The deal is worth $10bn (£8.5bn)."
    specs = [("$10bn", "money", 10e9, "USD", 0.5e9, {}), ("£8.5bn", "money", 8.5e9, "GBP", 0.05e9, {})]
    pair = _conversions(("F1", "F2"))
    hits = _hits(conversion, _figures(text, specs, "2005-01-10", pair), test="currency", tolerance=0.03)
    assert hits and "GBP per USD" in hits[0].evidence
    specs[1] = ("£5.3bn", "money", 5.3e9, "GBP", 0.05e9, {})
    ok = _figures("The deal is worth $10bn (£5.3bn).", specs, "2005-01-10", pair)
    assert not _hits(conversion, ok, test="currency", tolerance=0.03)


def test_currency_without_date_uses_years_named():
    text = "In 2004 it paid $671.7bn (£584bn)."
    specs = [("2004", "year", 2004, None, 0, {"date": "2004"}), ("$671.7bn", "money", 671.7e9, "USD", 0.05e9, {}),
             ("£584bn", "money", 584e9, "GBP", 0.5e9, {})]
    assert _hits(conversion, _figures(text, specs, statements=_conversions(("F2", "F3"))), test="currency",
                 tolerance=0.03)


def test_scale_word_missing_and_not_a_conversion():
    text = "It made $7.2 (£3.9m) last year."
    specs = [("$7.2", "money", 7.2, "USD", 0.05, {}), ("£3.9m", "money", 3.9e6, "GBP", 0.05e6, {})]
    ctx = _figures(text, specs, "2005-01-10", _conversions(("F1", "F2")))
    assert _hits(conversion, ctx, test="scale-word", tolerance=0.03)
    assert not _hits(conversion, ctx, test="currency", tolerance=0.03)
    text = "It costs £250 (£300 with VAT)."
    ctx = _figures(text, [("£250", "money", 250, "GBP", 0.5, {}), ("£300", "money", 300, "GBP", 0.5, {})])
    assert not _hits(conversion, ctx, test="same-currency")  # the reading makes no conversion of "£300 with VAT"
    assert "FC132" not in _rules_of(text)
    text = "It costs €5bn (€5.4bn)."
    ctx = _figures(text, [("€5bn", "money", 5e9, "EUR", 0.5e9, {}),
                          ("€5.4bn", "money", 5.4e9, "EUR", 0.05e9, {})], statements=_conversions(("F1", "F2")))
    assert not _hits(conversion, ctx, test="same-currency")  # 5bn means 4.5-5.5bn: it may be the same amount
    ctx = _figures("It costs €5.0bn (€5.4bn).", [("€5.0bn", "money", 5e9, "EUR", 0.05e9, {}),
                                                 ("€5.4bn", "money", 5.4e9, "EUR", 0.05e9, {})],
                   statements=_conversions(("F1", "F2")))
    assert _hits(conversion, ctx, test="same-currency")
    assert "FC132" in _rules_of("It costs €5.0bn (€5.4bn).")


def test_conversions_disagree():
    text = "It owes $27.5bn (£14.5bn). Later: the $27.5bn (£13bn) debt."
    specs = [("$27.5bn", "money", 27.5e9, "USD", 0.05e9, {}),
             ("£14.5bn", "money", 14.5e9, "GBP", 0.05e9, {}),
             ("$27.5bn", "money", 27.5e9, "USD", 0.05e9, {}),
             ("£13bn", "money", 13e9, "GBP", 0.5e9, {})]
    assert _hits(conversion, _figures(text, specs, statements=_conversions(("F1", "F2"), ("F3", "F4"))),
                 test="disagree")
    assert "FC134" in _rules_of(text)


def test_parts_and_shares():
    text = "The 150-seat council: 80, 50 and 15 seats."
    specs = [("150", "count", 150, "seat", 0, {}), ("80", "count", 80, "seat", 0, {}),
             ("50", "count", 50, "seat", 0, {}), ("15", "count", 15, "seat", 0, {})]
    seats = [Statement.of("breakdown", {"total": "F1", "parts": ["F2", "F3", "F4"]}, complete=True)]
    hits = _hits(total, _figures(text, specs, statements=seats), test="parts")
    assert hits and "80 + 50 + 15 = 145" in hits[0].evidence
    text = "Labour won 45%, the Tories 40% and others 20%."
    specs = [(s, "percent", v, "%", 0.5, {}) for s, v in (("45%", 45), ("40%", 40), ("20%", 20))]
    shares = [Statement.of("breakdown", {"parts": ["F1", "F2", "F3"]}, complete=True)]
    assert _hits(total, _figures(text, specs, statements=shares), test="shares")
    text = "Labour won 45%, the Tories 35% and others 21%."
    specs = [(s, "percent", v, "%", 0.5, {}) for s, v in (("45%", 45), ("35%", 35), ("21%", 21))]
    hits = _hits(total, _figures(text, specs, statements=shares), test="shares")
    assert hits and hits[0].severity == "info"
    text += " Figures do not add up to 100% because of rounding."
    specs = [(s, k, v, u, h, {**a, "rounding_noted": True}) for s, k, v, u, h, a in specs]
    assert not _hits(total, _figures(text, specs, statements=shares), test="shares")
    split = "The vote was split between Labour on 45%, the Tories on 35% and others on 21%."
    assert "FC111" in _rules_of(split, infos=True)
    assert "FC111" not in _rules_of(split + " Figures do not add up to 100% because of rounding.", infos=True)


def test_ratio_share_fraction_and_per_unit():
    text = "Almost a quarter of the 800 staff, or 320 people, left."
    specs = [("a quarter", "fraction", 0.25, None, 0, {"interval": Interval(0.2, 0.25)}),
             ("800", "count", 800, None, 0, {}), ("320", "count", 320, None, 0, {})]
    share = [Statement.of("share", {"share": "F1", "whole": "F2", "amount": "F3"})]
    hits = _hits(ratio, _figures(text, specs, statements=share), test="fraction")
    assert hits and "160" in hits[0].evidence
    assert "FC122" in _rules_of(text)
    text = "It made $6bn from 30 million users, or $300 per user."
    specs = [("$6bn", "money", 6e9, "USD", 0.5e9, {}), ("30 million", "count", 30e6, None, 0.5e6, {}),
             ("$300", "money", 300, "USD", 0.5, {"per": "user"})]
    per_user = [Statement.of("per_unit", {"rate": "F3", "total": "F1", "count": "F2"}, per="user")]
    hits = _hits(ratio, _figures(text, specs, statements=per_user), test="per-unit")
    assert hits and "$200" in hits[0].evidence
    assert "FC121" in _rules_of(text)
    text = "Some 320 of the 800 staff (40%) left."
    specs = [("320", "count", 320, None, 0, {}), ("800", "count", 800, None, 0, {}),
             ("40%", "percent", 40, "%", 0.5, {})]
    share = [Statement.of("share", {"share": "F3", "whole": "F2", "amount": "F1"})]
    assert not _hits(ratio, _figures(text, specs, statements=share), test="share")
    assert "FC120" not in _rules_of(text, infos=True)
    assert "FC120" in _rules_of("Some 320 of the 800 staff (60%) left.")


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


def test_past_event_after_publication_needs_the_events_own_date():
    wrong = _figures("Russia launched its war on Ukraine in February 2024.",
                     [("February 2024", "date", 0.0, None, 0, {"date": "2024-02", "tense": "past"})],
                     published="2023-03-17")
    assert len(_hits(calendar, wrong, test="past-after-publication")) == 1
    assert "FC205" in _rules_of("Russia launched its war on Ukraine in February 2024.", published="2023-03-17")
    # The extractor sets tense "past" only on the event's own date: not on a maturity, forecast, deadline or span.
    for text, surface in [("S and P cut a 900 mln dlr issue of senior notes due 1994.", "1994"),
                          ("Analysts said GM would earn 9.75 dlrs in 1988.", "1988"),
                          ("The law called for a balanced budget by 1991.", "1991"),
                          ("The concern sold out all its planned flights through 1989.", "1989")]:
        ctx = _figures(text, [(surface, "year", 0.0, None, 0, {"date": surface})], published="1987-03-09")
        assert _hits(calendar, ctx, test="past-after-publication") == [], text
        assert "FC205" not in _rules_of(text, published="1987-03-09"), text


def test_same_figure_two_values_needs_one_statistic():
    spec = {"subject": "trade", "anchor": "2022"}
    wrong = _figures("Trade hit a record $190bn in 2022. Trade reached $170bn in 2022, customs figures show.",
                     [("$190bn", "money", 190e9, "USD", 0.5e9, spec), ("$170bn", "money", 170e9, "USD", 0.5e9, spec)])
    assert len(_hits(consistency, wrong)) == 1
    spec = {"subject": "profit", "anchor": "1988", "qualifiers": ["forecast"]}
    forecasts = _figures("Healy sees earnings of 8.21 dlrs in 1988. Kirnan expects 9.75 dlrs in 1988.",
                         [("8.21 dlrs", "money", 8.21, "USD", 0.005, spec),
                          ("9.75 dlrs", "money", 9.75, "USD", 0.005, spec)])
    assert _hits(consistency, forecasts) == []
    spec = {"subject": "exports", "anchor": "1986"}
    series = _figures("Corn exports were 1,025 in 1986. Wheat exports were 700 in 1986. Soy exports were 6,500.",
                      [("1,025", "count", 1025, None, 0.5, spec), ("700", "count", 700, None, 0.5, spec),
                       ("6,500", "count", 6500, None, 0.5, spec)])
    assert _hits(consistency, series) == []


def test_share_over_100_percent_of_a_yardstick_is_not_a_share():
    params = {"kind": "percent", "role": "share", "max": 100, "source": "s", "except_wholes": ["GDP", "equity"]}
    ratio_ = _figures("Public debt is about 140% of the country's GDP.",
                      [("140%", "percent", 140, "%", 0.5, {"role": "share", "of_phrase": "the country's GDP"})])
    assert _hits(bounds, ratio_, **params) == []
    share = _figures("The company owns 120% of the venture.",
                     [("120%", "percent", 120, "%", 0.5, {"role": "share", "of_phrase": "the venture"})])
    assert len(_hits(bounds, share, **params)) == 1
    assert "FC401" not in _rules_of("Public debt is about 140% of the country's GDP.")
    assert "FC401" in _rules_of("The company owns 120% of the venture.")


def test_direction_only_change_against_its_figures():
    ctx = _figures("Growth slowed to 0.3% in the quarter, down from 6.3%.",
                   [("0.3%", "percent", 0.3, "%", 0.05, {}), ("6.3%", "percent", 6.3, "%", 0.05, {})],
                   statements=[Statement.of("change", {"new": "F1", "old": "F2"}, direction="down")])
    assert _hits(change, ctx) == []
    real = factcheck.check_text("Growth slowed to 0.3% in the quarter, down from 6.3%.")
    assert [f.rule for f in real.findings] == []
    wrong = _figures("Sales rose to $4bn from $6bn.",
                     [("$4bn", "money", 4e9, "USD", 0.5e9, {}), ("$6bn", "money", 6e9, "USD", 0.5e9, {})],
                     statements=[Statement.of("change", {"new": "F1", "old": "F2"}, direction="up")])
    assert len(_hits(change, wrong)) == 1


def test_change_with_the_new_value_before_it():
    ctx = _figures("Revenue was 10bn euros, up 1.1% from 9.26bn euros.",
                   [("10bn euros", "money", 10e9, "EUR", 0.05e9, {}), ("1.1%", "percent", 1.1, "%", 0.05, {}),
                    ("9.26bn euros", "money", 9.26e9, "EUR", 0.005e9, {})],
                   statements=[Statement.of("change", {"stated": "F2", "new": "F1", "old": "F3"}, direction="up")])
    assert len(_hits(change, ctx)) == 1


def test_rate_consensus_and_latest_past_event():
    text = "It has $500m (£266m), up from $700m (£374m); its parent holds $10bn (£5.3bn) and lent it $300m (£266m)."
    sums = [("$500m", 500e6, "USD", 0.5e6), ("£266m", 266e6, "GBP", 0.5e6), ("$700m", 700e6, "USD", 0.5e6),
            ("£374m", 374e6, "GBP", 0.5e6), ("$10bn", 10e9, "USD", 0.5e9), ("£5.3bn", 5.3e9, "GBP", 0.05e9),
            ("$300m", 300e6, "USD", 0.5e6), ("£266m", 266e6, "GBP", 0.5e6)]
    specs = [(s, "money", v, u, h, {}) for s, v, u, h in sums]
    pairs = _conversions(*((f"F{i - 1}", f"F{i}") for i in range(2, len(sums) + 1, 2)))
    hits = _hits(conversion, _figures(text, specs, statements=pairs), test="rate-consensus", tolerance=0.03)
    assert [h.figures[1].surface for h in hits] == ["$300m"]
    dated = _figures("The firm was sold in March 2004. Profits rose in 1999.",
                     [("March 2004", "date", 0.0, None, 0, {"date": "2004-03", "tense": "past"}),
                      ("1999", "year", 0.0, None, 0, {"date": "1999", "tense": "past"})])
    assert str(conversion.latest_past_event(dated)) == "2004-03-01"
