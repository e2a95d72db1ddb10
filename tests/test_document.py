"""Loading articles: plain text for extraction, mapped back to lines and columns in the source."""

import re

import pytest

from factcheck import document
from factcheck.errors import InputError

MD = """---
published: 2023-03-17
---
# Heading with 5 things

Some **bold** text with `code 42` and a [link](http://x.com/123) here.

1. Home
2. It costs $5m.

```
code 99
```
Visit https://example.com/2023 now.
"""


def test_markdown_prose_only_and_mapped_to_source():
    doc = document.from_text(MD, fmt="md")
    assert str(doc.published) == "2023-03-17"
    for noise in ("code 42", "123", "code 99", "2023", "1.", "**", "published"):
        assert noise not in doc.text
    assert "Heading with 5 things" in doc.text and "bold" in doc.text and "link" in doc.text
    offset = doc.text.index("$5m")
    line, column = doc.line_col(offset)
    assert MD.splitlines()[line - 1][column - 1 :].startswith("$5m")


def test_malformed_front_matter_is_a_note_with_line_and_the_body_is_read():
    doc = document.from_text("---\npublished: [2023\n---\nSales rose 5%.\n", fmt="md", path="x.md")
    assert doc.published is None and "Sales rose 5%." in doc.text and "2023" not in doc.text
    assert len(doc.notes) == 1 and re.match(r"x\.md:\d+: malformed front matter", doc.notes[0])


@pytest.mark.parametrize(
    "written",
    ["2023-03-17", "2023-03-17T09:30:00+01:00", "'2023-03-17T23:30:00-05:00'", "March 17, 2023", "17 March 2023",
     "2023/03/17", "Mar 17, 2023", "2023-03-17 09:30:00 +0100", "2023-03-17 09:30:00"],
)
def test_front_matter_dates_in_the_common_forms(written):
    doc = document.from_text(f"---\ntitle: Budget\ndate: {written}\n---\nText.\n", fmt="md")
    assert str(doc.published) == "2023-03-17" and doc.published_from == "front matter 'date'" and not doc.notes


@pytest.mark.parametrize(
    ("value", "says"),
    [("true", "True"), ("next Tuesday", "next Tuesday"), ("[2023, 3, 17]", "a list"), ("17/03/2023", "17/03/2023"),
     ("2023", "2023"), ("'2023-02-30'", "impossible date")],
)
def test_front_matter_value_that_is_no_date_is_a_note(value, says):
    doc = document.from_text(f"---\npublished: {value}\n---\nText.\n", fmt="md", path="a.md")
    assert doc.published is None
    assert len(doc.notes) == 1 and "a.md" in doc.notes[0] and "'published'" in doc.notes[0] and says in doc.notes[0]


def test_jekyll_published_flag_leaves_the_date_to_the_date_key():
    doc = document.from_text("---\npublished: true\ndate: 2023-03-17 09:30:00 +0100\n---\nText.\n", fmt="md")
    assert str(doc.published) == "2023-03-17" and doc.published_from == "front matter 'date'" and not doc.notes


def test_unclosed_front_matter_is_a_note():
    doc = document.from_text("---\npublished: 2023-03-17\nText with no closing line.\n", fmt="md", path="o.md")
    assert doc.published is None and "Text with no closing line." in doc.text
    assert any(n.startswith("o.md:1: malformed front matter: no closing") for n in doc.notes)


def test_html_construct_the_parser_rejects_is_a_note_and_the_text_is_read():
    html = "<p>Profit rose 5% to $150m.</p>\n<![foo bar]>\n<p>Sales fell 2% to $90m.</p>"
    doc = document.from_text(html, fmt="html", path="p.html")
    assert "Profit rose 5% to $150m." in doc.text and "Sales fell 2% to $90m." in doc.text
    assert len(doc.notes) == 1 and doc.notes[0].startswith("p.html:2: cannot parse HTML")
    line, column = doc.line_col(doc.text.index("$90m"))
    assert html.splitlines()[line - 1][column - 1 :].startswith("$90m")


# --- paragraphs, not lines --------------------------------------------------------------------

WRAPPED_MD = """---
published: 2023-03-17
---
# Harlow Foods lifts
profit

Pre-tax profit rose 50% to
£150m in the year to January, from
£120m a year earlier.

- Revenue climbed to
  £4.2bn from £3.9bn.
- Stores: 310

> "We are back," said the chief
> executive, Ann Lee.

| Year | Stores |
|------|--------|
| 2023 | 310    |
"""


def _sentences(doc):
    return [" ".join(doc.text[s.start : s.end].split()) for s in doc.sentences]


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_markdown_paragraphs_list_items_and_quotes_read_across_line_breaks(line_end):
    source = WRAPPED_MD.replace("\n", line_end)
    doc = document.from_text(source, fmt="md")
    assert str(doc.published) == "2023-03-17"
    assert _sentences(doc) == [
        "Harlow Foods lifts", "profit",  # a heading is a line of its own, and so is the paragraph under it
        "Pre-tax profit rose 50% to £150m in the year to January, from £120m a year earlier.",
        "Revenue climbed to £4.2bn from £3.9bn.", "Stores: 310",
        '"We are back," said the chief executive, Ann Lee.',
        "Year Stores", "2023 310",
    ]
    assert len(doc.text) == len(source)  # blanked in place: a figure's offsets are the source's own
    for needle in ("£150m", "£120m", "£3.9bn", "Ann Lee"):
        line, column = doc.line_col(doc.text.index(needle))
        assert re.split(r"\r\n?|\n", source)[line - 1][column - 1 :].startswith(needle), needle
        assert doc.source_line(line).endswith(source.split(needle)[1].split(line_end)[0])


def test_a_wrapped_year_is_no_list_item():
    doc = document.from_text("Sales rose 5% in\n2004. Profit fell.\n", fmt="md")
    assert _sentences(doc) == ["Sales rose 5% in 2004.", "Profit fell."]


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_plain_text_paragraphs_headlines_and_lists(line_end):
    source = line_end.join([
        "Retailer lifts profit", "", "Sales rose 20% to", "$150m from $100m, the", "company said.", "",
        "It plans to:", " - open 12 stores", "   in the north", " - hire 800 staff", "",
    ])
    doc = document.from_text(source)
    assert _sentences(doc) == ["Retailer lifts profit", "Sales rose 20% to $150m from $100m, the company said.",
                               "It plans to:", "- open 12 stores in the north", "- hire 800 staff"]
    assert len(doc.text) == len(source)
    assert doc.line_col(doc.text.index("$100m")) == (4, 12) and doc.line_col(doc.text.index("north")) == (9, 11)


def test_plain_text_headline_right_above_the_lead():
    doc = document.from_text("Inflation eases to 10.4%\nInflation fell to 9.4% in February, the ONS said.\n")
    assert _sentences(doc) == ["Inflation eases to 10.4%", "Inflation fell to 9.4% in February, the ONS said."]
    doc = document.from_text("Shares in the group rose 5% after\nWeston Motors said profit doubled.\n")
    assert _sentences(doc) == ["Shares in the group rose 5% after Weston Motors said profit doubled."]


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_zero_width_characters_inside_numbers_are_ignored(invisible):
    source = f"The plant employs 1{invisible}000 people.\nIt raised ${invisible}4{invisible}5m.\n"
    doc = document.from_text(source)
    assert doc.text == "The plant employs 1000 people. It raised $45m.\n"
    start = doc.text.index("$45m")
    assert doc.line_col(start) == (2, 11) and doc.line_col(start + len("$45m")) == (2, 11 + 6)


def test_html_visible_text_metadata_and_positions():
    html = ('<html><head><meta property="article:published_time" content="2023-03-17T10:00:00Z">'
            '<script>var x = 99;</script></head>\n<body><nav>1. Home</nav>\n<article><h1>Big &amp; 5</h1>\n'
            '<p>It cost\n$5m on Friday.</p></article></body></html>')
    doc = document.from_text(html, fmt="html")
    assert str(doc.published) == "2023-03-17"
    assert "99" not in doc.text and "Home" not in doc.text and "Big & 5" in doc.text
    line, column = doc.line_col(doc.text.index("$5m"))
    assert html.splitlines()[line - 1][column - 1 :].startswith("$5m")


def test_html_time_element_and_broken_markup():
    doc = document.from_text('<p>Posted <time datetime="2022-05-01">May 1</time><p>Unclosed <b>bold', fmt="html")
    assert str(doc.published) == "2022-05-01" and "Unclosed bold" in doc.text


def test_sentences_split_at_punctuation_not_abbreviations():
    doc = document.from_text("Mr. Smith paid $5.5m. Sales rose 5% in the U.S. market. Next.")
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts == ["Mr. Smith paid $5.5m.", "Sales rose 5% in the U.S. market.", "Next."]


def test_invalid_utf8_is_replaced_with_a_note(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Price \xff 5 dollars.")
    doc = document.load(p)
    assert "\ufffd" in doc.text and any("invalid UTF-8" in n for n in doc.notes)


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="binary"):
        document.load(p)


def test_a_continuation_line_indented_with_a_tab_reads_with_spaces():
    for source, fmt in (("- Sales rose 5% to\n\t$150m.\n", "md"), ("Sales rose 5% to\t\r\n\t$150m.\n", "txt")):
        doc = document.from_text(source, fmt=fmt)
        assert "\t" not in doc.text and _sentences(doc) == ["Sales rose 5% to $150m."]


def test_date_keys_taken_again_replace_the_earlier_reading():
    doc = document.from_text("---\npublished: soon\npubDate: 2023-05-01\n---\nText.\n", fmt="md", path="a.md")
    assert doc.published is None and any("'published': not a date" in n for n in doc.notes)
    document.take_date(doc, ("pubDate",))
    assert str(doc.published) == "2023-05-01" and doc.published_from == "front matter 'pubDate'" and not doc.notes
