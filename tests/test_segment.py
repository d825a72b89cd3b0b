"""Segments: page breaks joined inside paragraphs, captions set aside, articles found by byline."""
from __future__ import annotations

from factlint.document import Document, read_document
from factlint.segment import segment, split_clauses, split_sentences

from conftest import line_of, seed


def _para_with(segs, snippet):
    return next(p for p in segs.paragraphs if snippet in p.text)


def test_word_split_by_page_break_is_joined_and_maps_back():
    path = seed("000")
    doc = read_document(str(path))
    segs = segment(doc)
    p = _para_with(segs, "昭通市红十字会连续两年")  # 昭通市红十\n\n字会 in the file
    i = p.text.index("红十字会连续")
    span = p.span(i, i + 4)
    assert doc.text[span.start:span.end] == "红十\n\n字会"
    line, col = line_of(path, "管理机制,昭通市红十")
    assert doc.line_col(span.start) == (line, col + len("管理机制,昭通市"))
    assert doc.line_col(span.end - 1)[0] == line_of(path, "字会连续两年")[0]


def test_caption_between_broken_halves_stays_apart():
    path = seed("000")
    segs = segment(read_document(str(path)))
    p = _para_with(segs, "立足“三救三献”职能,重点关注")
    assert "综合演练" not in p.text
    cap = _para_with(segs, "昭通市红十字会开展综合演练。")
    assert cap.text == "昭通市红十字会开展综合演练。"


def test_numbered_list_across_page_break_is_one_paragraph():
    segs = segment(read_document(str(seed("004"))))
    p = _para_with(segs, "参与退役军人关心关爱工作")
    assert all(m in p.text for m in ("一是", "二是", "三是", "四是"))


def test_number_split_from_its_qualifier_by_page_break():
    segs = segment(read_document(str(seed("004"))))
    assert "受益家长100000余人次" in _para_with(segs, "受益家长100000").text


def test_headings_are_not_joined_to_body():
    segs = segment(read_document(str(seed("000"))))
    h = _para_with(segs, "筑牢忠诚之基")
    assert h.heading and h.text == "筑牢忠诚之基,锻造“政治红会”"


def test_articles_found_by_byline():
    segs = segment(read_document(str(seed("000"))))
    assert [a.title for a in segs.articles] == [
        "从“五型红会”看乌蒙温度",
        "巧家· 多措并举发展壮大村级集体经济",
        "盐井镇: 党建引领做实劳务输出文章",
    ]


def test_markdown_markers_are_not_text():
    doc = Document("a.md", "# 标题\n\n- 第一项内容。\n")
    segs = segment(doc)
    assert [p.text for p in segs.paragraphs] == ["标题", "第一项内容。"]
    assert segs.paragraphs[0].heading


def test_full_width_and_ascii_punctuation_both_split():
    text = "全镇30613名农村劳动力中，已就业26811人；就业率达87.58%。另有1,234人,在外：务工"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "全镇30613名农村劳动力中，已就业26811人；", "就业率达87.58%。", "另有1,234人,在外：务工"]
    s, e = split_sentences(text)[2]
    assert [text[a:b] for a, b in split_clauses(text, s, e)] == ["另有1,234人", "在外", "务工"]


def test_closing_quote_stays_with_its_sentence():
    text = "“群众的需求,就是我们努力的方向。”昭通市红十字会立足“三救三献”职能。"
    assert [text[a:b] for a, b in split_sentences(text)][0] == "“群众的需求,就是我们努力的方向。”"


def test_clauses_on_demand():
    segs = segment(Document("a.txt", "全镇30613名农村劳动力中，已就业26811人、待业3802人。"))
    assert [segs.paragraphs[c.paragraph].text[c.start:c.end] for c in segs.clauses()] == [
        "全镇30613名农村劳动力中", "已就业26811人", "待业3802人。"]
