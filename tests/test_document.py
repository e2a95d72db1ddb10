"""Loading articles: plain text for extraction, mapped back to lines and columns in the source."""

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


def test_malformed_front_matter_is_an_input_error_with_line():
    with pytest.raises(InputError, match=r"x\.md:\d+: malformed front matter"):
        document.from_text("---\npublished: [2023\n---\ntext\n", fmt="md", path="x.md")


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
