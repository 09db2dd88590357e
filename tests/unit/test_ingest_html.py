"""HTML to visible text: boilerplate and invisible elements dropped, blocks become paragraphs."""
from __future__ import annotations

from graphbuild.ingest.html import declared_charset, extract, looks_like_html


def test_blocks_lines_and_whitespace():
    page = extract("<body><h2>Head  line</h2><p>One\n  two<br>three</p><ul><li>a</li><li>b</li></ul>"
                   "<pre>  keep\n    indent</pre></body>")
    assert page.text == "Head line\n\nOne two\nthree\n\na\n\nb\n\n  keep\n    indent"


def test_invisible_and_boilerplate_elements_are_dropped():
    page = extract("""<html><head><title>T</title><script>var a = "<p>not text</p>";</script></head><body>
      <div role="navigation">Menu item</div><div role="banner">Logo</div>
      <noscript>Enable JS</noscript><template><p>Tpl</p></template>
      <p hidden>Hidden para</p><span aria-hidden="true">Icon</span>
      <form><label>Search</label><input name=q></form><svg><text>Chart</text></svg>
      <div><div>nested <nav>Nav <nav>inner</nav> still nav</nav> kept</div></div>
      <iframe src="x">Frame</iframe><button>Share</button>
      <p>Real text.</p></body></html>""")
    assert page.text == "nested kept\n\nReal text."


def test_article_header_is_kept_site_header_is_not():
    page = extract("<body><header>Site name</header><article><header><h1>Headline</h1>"
                   "<p>By A Writer</p></header><p>Body.</p><footer>Tags: x</footer></article></body>")
    assert page.text == "Headline\n\nBy A Writer\n\nBody."


def test_metadata_sources():
    page = extract('<html><head><title>Title tag</title><meta name="og:title" content="">'
                   '<meta itemprop="datePublished" content="2020-01-07T10:00:00Z">'
                   '<meta property="og:url" content="https://x.org/og"></head><body><p>t</p></body></html>')
    assert (page.title, page.published, page.url, page.site) == ("Title tag", "2020-01-07T10:00:00Z", "https://x.org/og", None)
    page = extract('<body><article><time datetime="2019-05-05">May 5</time><p>t</p></article></body>')
    assert page.published == "2019-05-05" and page.text == "May 5\n\nt"


def test_entities_and_nbsp_are_decoded_and_kept():
    assert extract("<p>Fish &amp; chips&nbsp;&mdash; caf&eacute;</p>").text == "Fish & chips\u00a0\u2014 caf\u00e9"


def test_looks_like_html_and_declared_charset():
    assert looks_like_html("  <!DOCTYPE html><html></html>")
    assert looks_like_html("<div><p>Fragment</p></div>")
    assert not looks_like_html("Plain text that mentions <b> once.")
    assert not looks_like_html("<not closed> tags but no html")
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "ISO-8859-1"
    assert declared_charset(b"<p>none</p>") is None
