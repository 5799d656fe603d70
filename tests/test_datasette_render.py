"""Chat text as HTML: escaped, with links, image references, mentions and search words."""
from extractor.datasette_plugin.chattext import chat_html, images_html, links_html, message_html


def test_everything_is_escaped():
    html = chat_html('<script>alert(1)</script> & "x" <img src=x onerror=alert(1)>')
    assert html == '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34; &lt;img src=x onerror=alert(1)&gt;'


def test_http_links_become_links_other_schemes_stay_text():
    html = chat_html("文档：https://example.com/a?b=1&c=2。还有[点我](javascript:alert(1))")
    assert '<a class="kb-link" href="https://example.com/a?b=1&amp;c=2"' in html
    assert ">https://example.com/a?b=1&amp;c=2</a>。还有[点我](javascript:alert(1))" in html
    assert 'href="javascript' not in html
    assert chat_html("[x](javascript:void0)") == "[x](javascript:void0)"


def test_markdown_links_keep_their_title():
    html = chat_html("[支付系统稳定性](https://example.com/share)")
    assert str(html).startswith('<a class="kb-link" href="https://example.com/share"')
    assert ">支付系统稳定性</a>" in html


def test_a_link_ends_at_chinese_punctuation_and_trailing_dots():
    html = chat_html("看 http://a.example/x，然后 http://b.example/y.")
    assert 'href="http://a.example/x"' in html and 'href="http://b.example/y"' in html


def test_images_are_links_to_where_they_were():
    html = chat_html("![2024-03-11 14:12:33](http://static.example.org/img/a.png)")
    assert "<img" not in html
    assert 'class="kb-image" href="http://static.example.org/img/a.png"' in html
    assert "[图片]" in html
    assert "<img" not in images_html('["http://x.example/b.png", "javascript:alert(1)"]')
    assert 'href="javascript' not in images_html('["javascript:alert(1)"]')


def test_mentions_are_marked_and_linked():
    html = chat_html("@晓峰-杭州-支付研发 一般T+1", mention_url=lambda name: "/kb/aliases/" + name)
    assert '<a class="kb-mention" href="/kb/aliases/晓峰-杭州-支付研发">@晓峰-杭州-支付研发</a> 一般T+1' == html


def test_an_email_address_is_no_mention():
    assert chat_html("写信到 pay@example.com") == "写信到 pay@example.com"


def test_emoji_codes_stay_text_and_search_words_are_marked():
    assert chat_html("多谢[抱拳]") == "多谢[抱拳]"
    assert chat_html("T+1对账，t+1", terms=["t", "对账"]) == "<mark>T</mark>+1<mark>对账</mark>，<mark>t</mark>+1"
    assert chat_html("a<b>退款", terms=["退款", "<b>"]) == "a<mark>&lt;b&gt;</mark><mark>退款</mark>"


def test_links_column_and_whole_messages():
    assert 'href="https://x.example/"' in links_html('[{"title": "<b>T</b>", "url": "https://x.example/"}]')
    assert "&lt;b&gt;T&lt;/b&gt;" in links_html('[{"title": "<b>T</b>", "url": "https://x.example/"}]')
    assert "href" not in links_html('[{"title": "x", "url": "javascript:alert(1)"}]')
    msg = {"text": "报告", "links": '[{"title": "报告", "url": "https://r.example/q1"}]', "images": None,
           "quote_sender": "<i>A</i>", "quote_text": "原话"}
    html = message_html(msg)
    assert "&lt;i&gt;A&lt;/i&gt;" in html and 'href="https://r.example/q1"' in html and "原话" in html
