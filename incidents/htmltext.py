"""A saved news page -> its title, article text and the metadata it states about itself.

One streaming pass of libxml2's HTML parser (lxml, in C, linear in the page)
with a small target that keeps only what is read: no tree is built, the stack
of open elements is capped at MAX_DEPTH, and the text kept is capped at the
article limit, so a hostile page (a million nested <div>s, unclosed tags,
stray '<') costs time and memory in proportion to its size, never more.

What is kept matches how a reader sees the page: scripts, styles, navigation,
headers, footers, asides, forms and figures are dropped; the text of the
first <article> (else <main>, else the body) is read block by block
(paragraphs, headings, list items, quotations), one block a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from incidents.limits import MAX_ARTICLE_CHARS, MAX_HTML_DEPTH

DROPPED = frozenset(
    {"script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "aside", "form",
     "figure", "figcaption", "svg", "button"}
)  # page chrome: its text is never the article's
BLOCKS = frozenset({"p", "h1", "h2", "h3", "li", "blockquote"})
INLINE = frozenset(  # no line break between their text and the text around them
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
     "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
)
ROOTS = ("article", "main", "body")  # the first one present holds the article
PAGE_META = {  # <meta> properties/names a news page states its own metadata in, best first
    "published": ("article:published_time", "datePublished", "pubdate", "publish-date", "date", "dc.date"),
    "url": ("og:url",),
    "outlet": ("og:site_name", "application-name"),
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Page:
    """What a page says: title, article text (blocks joined by blank lines), metadata."""

    title: str = ""
    text: str = ""
    meta: dict[str, str] = field(default_factory=dict)


class _Region:
    """The text of one candidate root: its blocks and, as a fallback, its lines."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[str] = []
        self.size = 0

    def add(self, block: str, line: str) -> None:
        if self.size > 2 * MAX_ARTICLE_CHARS:
            return  # the article is cut there anyway: keep memory bounded
        if block:
            self.blocks.append(block)
        if line:
            self.lines.append(line)
        self.size += len(block) + len(line)

    def text(self) -> str:
        return "\n\n".join(self.blocks) if self.blocks else "\n".join(self.lines)


class _Target:
    """lxml parser target: start/end/data events -> regions of text, title, meta tags."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.overflow = 0  # open elements past MAX_HTML_DEPTH: counted, not kept
        self.dropped = 0  # how many dropped elements (script, nav ...) are open
        self.regions: dict[str, _Region] = {"page": _Region()}
        self.open_roots: dict[str, int] = {"page": 1}  # root -> how many such elements are open
        self.done_roots: set[str] = set()  # the first <article>/<main> has closed: a later one is not it
        self.run: list[str] = []  # text since the last block boundary
        self.in_title = False
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical = ""

    # ---- lxml target interface -----------------------------------------------------------------
    def start(self, tag, attrib) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag == "meta":
            self._meta(attrib)
        elif tag == "link" and "canonical" in (attrib.get("rel") or "").lower().split():
            self.canonical = self.canonical or (attrib.get("href") or "").strip()
        if len(self.stack) >= MAX_HTML_DEPTH:
            self.overflow += 1
            return
        if tag in BLOCKS or tag in ROOTS:
            self._flush()
        elif tag not in INLINE:
            self.run.append("\n")
        self.stack.append(tag)
        if tag in DROPPED:
            self.dropped += 1
        elif tag == "title" and not self.title:
            self.in_title = True
        if tag in ROOTS and tag not in self.done_roots:
            self.open_roots[tag] = self.open_roots.get(tag, 0) + 1
            self.regions.setdefault(tag, _Region())

    def end(self, tag) -> None:
        if self.overflow:
            self.overflow -= 1
            return
        if not self.stack:
            return
        tag = self.stack[-1]
        if tag in BLOCKS or self.open_roots.get(tag):
            self._flush()
        elif tag not in INLINE:
            self.run.append("\n")
        self.stack.pop()
        if tag in DROPPED:
            self.dropped -= 1
        elif tag == "title":
            self.in_title = False
        if self.open_roots.get(tag):
            self.open_roots[tag] -= 1
            if not self.open_roots[tag] and tag != "body":
                self.done_roots.add(tag)

    def data(self, text: str) -> None:
        if self.dropped:
            return
        if self.in_title:
            self.title.append(text)
        elif "head" not in self.stack:
            self.run.append(text)

    def comment(self, text) -> None:
        pass

    def close(self) -> Page:
        self._flush()
        filled = [self.regions[r] for r in (*ROOTS, "page") if r in self.regions and self.regions[r].size]
        region = filled[0] if filled else None
        title = " ".join(" ".join(self.title).split())
        return Page(title, region.text() if region else "", self._page_meta())

    # ---- helpers -------------------------------------------------------------------------------
    def _flush(self) -> None:
        """End the current run of text: one block (its words joined by spaces) and its lines."""
        if not self.run:
            return
        raw = "".join(self.run)
        self.run = []
        block = " ".join(raw.split()) if any(t in BLOCKS for t in self.stack) else ""
        lines = "\n".join(ln.strip() for ln in raw.split("\n") if ln.strip())
        for tag, count in self.open_roots.items():
            if count:
                self.regions[tag].add(block, lines)

    def _meta(self, attrib) -> None:
        key = (attrib.get("property") or attrib.get("name") or attrib.get("itemprop") or "").strip().lower()
        content = (attrib.get("content") or "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content

    def _page_meta(self) -> dict[str, str]:
        out = {}
        for name, keys in PAGE_META.items():
            value = next((self.meta[k.lower()] for k in keys if self.meta.get(k.lower())), "")
            if name == "published":  # a published time keeps its date part: the page's own local date
                value = value[:10] if _ISO_DAY.match(value) else ""
            if value:
                out[name] = value
        if "url" not in out and self.canonical:
            out["url"] = self.canonical
        return out


def read_page(html: str) -> Page:
    """Title, article text and stated metadata of an HTML page, in one bounded pass."""
    from lxml import etree

    target = _Target()
    parser = etree.HTMLParser(target=target, recover=True, no_network=True, remove_comments=True)
    parser.feed(html)
    return parser.close()
