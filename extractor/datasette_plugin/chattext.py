"""Chat text as safe HTML.

Everything a member wrote is escaped. On top of the escaped text: http(s) links
become links (any other scheme, ``javascript:`` included, stays text), markdown
image references become a link to the image (its host is gone: no <img>), @mentions
are marked (and linked when a ``mention_url`` is given), search words are marked.
Emoji codes such as ``[捂脸]`` are kept as the text they are.
"""
from __future__ import annotations

import json
import re
from typing import Callable, Iterable, Optional

from markupsafe import Markup, escape

from .search import term_pattern

TOKENS = re.compile(
    r"""
      !\[(?P<alt>[^\]\n]*)\]\((?P<src>[^()\s]+)\)          # markdown image
    | \[(?P<title>[^\]\n]+)\]\((?P<href>[^()\s]+)\)        # markdown link
    | (?P<url>https?://[^\s<>"'\u3000-\u303f\uff01-\uff20]+) # bare link, ends at CJK punctuation
    | (?<![A-Za-z0-9_.])(?P<mention>@[^\s@\u2005,，:：;；。！？!?、]{1,40})  # @mention (not an email address)
    """,
    re.VERBOSE | re.IGNORECASE,
)
SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""
LINK_ATTRS = 'rel="nofollow noopener noreferrer"'


def safe_url(url: str) -> Optional[str]:
    """The URL if it is an http(s) link, else None."""
    url = (url or "").strip()
    return url if SAFE_URL.match(url) else None


def link(url: str, label: str, cls: str = "kb-link") -> Markup:
    return Markup('<a class="{}" href="{}" {}>{}</a>').format(cls, url, Markup(LINK_ATTRS), label)


def image_link(url: str, alt: str = "") -> Markup:
    """An image reference: a link to where the image was (the host is gone), never an <img>."""
    title = "image (its host is gone): " + url
    label = "[图片] " + (alt or url.rsplit("/", 1)[-1])
    if not safe_url(url):
        return Markup('<span class="kb-image" title="{}">{}</span>').format(title, label)
    return Markup('<a class="kb-image" href="{}" title="{}" {}>{}</a>').format(url, title, Markup(LINK_ATTRS), label)


def highlight(text: str, pattern: Optional[re.Pattern]) -> Markup:
    """Escaped text with the search words in <mark>."""
    if not pattern:
        return escape(text)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(Markup("<mark>{}</mark>").format(m.group()))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def chat_html(text: Optional[str], terms: Iterable[str] = (), mention_url: Optional[Callable[[str], str]] = None,
              links: bool = True) -> Markup:
    """A chat message as HTML; ``links=False`` shows links as text (inside another link)."""
    if not text:
        return Markup("")
    pattern = term_pattern(list(terms))
    out, last = [], 0
    for m in TOKENS.finditer(text):
        out.append(highlight(text[last:m.start()], pattern))
        last = m.end()
        if m.group("src") is not None:
            out.append(image_link(m.group("src"), m.group("alt")))
        elif m.group("href") is not None:
            url = safe_url(m.group("href"))
            if url and links:
                out.append(link(url, highlight(m.group("title"), pattern)))
            else:
                out.append(highlight(m.group(), pattern))
        elif m.group("url") is not None:
            url = m.group("url").rstrip(TRAILING)
            last = m.start() + len(url)
            out.append(link(url, url) if links else escape(url))
        else:
            name = m.group("mention")
            label = highlight(name, pattern)
            if mention_url and links:
                out.append(Markup('<a class="kb-mention" href="{}">{}</a>').format(mention_url(name[1:]), label))
            else:
                out.append(Markup('<span class="kb-mention">{}</span>').format(label))
    out.append(highlight(text[last:], pattern))
    return Markup("").join(out)


def json_list(value) -> list:
    if not value:
        return []
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return []
    return data if isinstance(data, list) else []


def images_html(value) -> Markup:
    """The ``images`` column (JSON list of URLs) as links."""
    return Markup(" ").join(image_link(str(u)) for u in json_list(value))


def links_html(value) -> Markup:
    """The ``links`` column (JSON list of {title, url}) as links; unsafe URLs as text."""
    out = []
    for item in json_list(value):
        if not isinstance(item, dict):
            continue
        url, title = str(item.get("url") or ""), item.get("title") or item.get("url") or ""
        out.append(link(url, str(title)) if safe_url(url) else escape(f"{title} ({url})"))
    return Markup(" ").join(out)


def message_html(msg: dict, terms: Iterable[str] = (), mention_url=None, with_text: bool = True) -> Markup:
    """One stored message: its quote, its text (unless ``with_text`` is false), the images
    and links the text lost."""
    parts = []
    if msg.get("quote_text"):
        parts.append(Markup('<blockquote class="kb-quote"><span class="kb-sender">{}</span> {}</blockquote>').format(
            msg.get("quote_sender") or "", chat_html(msg["quote_text"], terms, mention_url)))
    if with_text:
        parts.append(chat_html(msg.get("text"), terms, mention_url))
    text = msg.get("text") or ""
    shown = [item for item in json_list(msg.get("links")) if isinstance(item, dict) and str(item.get("url")) not in text]
    if shown:
        parts.append(links_html(shown))
    if msg.get("images"):
        parts.append(images_html(msg["images"]))
    return Markup(" ").join(p for p in parts if p)
