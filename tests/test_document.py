"""Reading files: encodings, binary files, line endings, discovery order and --exclude."""
from __future__ import annotations

import codecs

import pytest

from factlint.document import Document, InputError, discover, read_document

SENTENCE = "截至目前,累计投入款物9316万元,大病救助4800人次。"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", SENTENCE.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + SENTENCE.encode("utf-8")),
    ("utf-16", SENTENCE.encode("utf-16")),  # with BOM
    ("gb18030", SENTENCE.encode("gb18030")),
    ("gb18030", SENTENCE.encode("gbk")),
])
def test_decodes(tmp_path, encoding, data):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    doc = read_document(str(f))
    assert doc.text == SENTENCE
    assert doc.encoding == encoding


def test_binary_file_is_one_clear_error(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as e:
        read_document(str(f))
    assert str(e.value).startswith(f"{f}: 二进制文件")
    assert "\n" not in str(e.value)


def test_undecodable_file_is_one_clear_error(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"\xff\xfe\xfd\x80\x81" * 3 + b"\xa1")
    f.write_bytes(b"abc \x81\x30")  # a truncated GB18030 four-byte sequence
    with pytest.raises(InputError) as e:
        read_document(str(f))
    assert "无法解码" in str(e.value) and str(f) in str(e.value)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_with_any_line_ending(newline):
    text = newline.join(["标题", "", "第一段。", "9316万元在第四行"])
    doc = Document("a.txt", text)
    offset = text.index("9316")
    assert doc.line_col(offset) == (4, 1)
    assert doc.line_text(4) == "9316万元在第四行"
    assert doc.line_col(text.index("第一段")) == (3, 1)


def test_columns_count_code_points():
    doc = Document("a.txt", "党的二十大精神、二十大精神\n")
    assert doc.line_col(8) == (1, 9)


def test_discover_is_sorted_recursive_and_excludes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "draft.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x", encoding="utf-8")
    files, errors = discover([str(tmp_path)], ("draft*",))
    assert [f[len(str(tmp_path)) + 1:] for f in files] == ["a.txt", "b/z.md"]
    assert errors == []
    files, errors = discover([str(tmp_path / "nope")])
    assert files == [] and errors == [f"{tmp_path / 'nope'}: 文件或目录不存在 (no such file or directory)"]
