"""Markdown read as Markdown: what is not prose is blanked out, character for character.

Front matter (YAML --- or TOML +++), fenced and indented code, HTML blocks and inline HTML
(comments too), inline code, link and image destinations, reference definitions and bare URLs
become spaces; line breaks stay. Every offset in the result is the same offset in the original,
so a finding points where the editor sees it, and nothing in a URL or a code sample is read as a
figure. Headings, lists, emphasis and link texts stay: they are prose.
"""
from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?(?:\r?\n|\r)(?:---|\+\+\+|\.\.\.)[ \t]*(?=\r?\n|\r|\Z)", re.S)
_INLINE = re.compile(
    r"<!--.{0,10000}?-->"                                  # an HTML comment
    r"|(?P<ticks>`{1,16})(?:(?!\n[ \t]*\n).){1,2000}?(?P=ticks)"  # inline code, within a paragraph
    r"|(?<=\])\((?:[^()\s]|\([^()\s]{0,2000}\)){0,2000}(?:\s+(?:\"[^\"]{0,500}\"|'[^']{0,500}'|\([^()]{0,500}\)))?\s*\)"  # ](url "title")
    r"|<(?:https?|ftp|mailto):[^<>\s]*>|<[\w.+-]+@[\w.-]+>"  # autolinks
    r"|</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>]{0,2000})?/?>"  # an inline HTML tag
    r"|(?:https?|ftp)://[^\s<>()（）。，、；：！？“”‘’「」《》【】]+",  # a bare URL, up to a space or Chinese punctuation
    re.S,
)  # every repetition is bounded: unclosed `, < or ( cost a fixed amount each, never a rescan to the end
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\r\n]+\]:[ \t]*\S+.*$", re.M)
_BLOCKS = {"fence", "code_block", "html_block"}


_NOT_BREAK = re.compile(r"[^\r\n]")
# what can open a block that is not prose: a fence, an indented line, an HTML tag or comment
_MAY_HAVE_BLOCKS = re.compile(r"^(?: {0,3}(?:```|~~~|<)| {4}|\t)", re.M)


def _blank(text: str, ranges) -> str:
    """text with every character in ranges, except line breaks, turned into a space."""
    out, at = [], 0
    for start, end in ranges:
        if end <= at:
            continue
        start = max(start, at)
        out.append(text[at:start])
        out.append(_NOT_BREAK.sub(" ", text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of fenced and indented code and HTML blocks, from markdown-it's line map."""
    if not _MAY_HAVE_BLOCKS.search(text):
        return []  # plain prose (most drafts): no parse needed
    from markdown_it import MarkdownIt

    line_starts = [m.start() for m in _LINE.finditer(text)]
    line_starts.append(len(text))
    last = len(line_starts) - 1
    out = []
    for tok in MarkdownIt("commonmark").parse(text):
        if tok.type in _BLOCKS and tok.map:
            first, end = tok.map
            out.append((line_starts[min(first, last)], line_starts[min(end, last)]))
    return sorted(out)


def prose_only(text: str) -> str:
    m = _FRONT_MATTER.match(text)
    if m:
        text = _blank(text, [(0, m.end())])
    text = _blank(text, _blocks(text))
    text = _blank(text, [(m.start(), m.end()) for m in _REF_DEF.finditer(text)])
    return _blank(text, [(m.start(), m.end()) for m in _INLINE.finditer(text)])
