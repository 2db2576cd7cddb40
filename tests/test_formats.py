"""Every input format gives the text, the documents, tasks and units of the corpus .txt it was made from."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from loaders import load_text
from loaders.formats import decode_text, iter_inputs, read_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
STEMS = sorted(p.stem for p in CORPUS.glob("*.txt"))
LABELS = ["docx", "pdf", "html", "html-gbk", "gbk", "utf-16-le", "utf-16-be", "utf-8-bom-crlf"]
CASES = [(stem, label) for stem in STEMS for label in LABELS]


def _bare(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _corpus_text(stem: str) -> str:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def _documents(sf):
    return [(d.number, d.issuer, d.title, d.date, d.kind, d.jurisdiction, d.level, len(d.sections)) for d in sf.documents]


def _tasks(sf):
    out = []
    for d in sf.documents:
        paths = {s.id: s.path for s in d.sections}
        for t in d.tasks:
            units = sorted((a.name, a.canonical, a.role, a.kind, a.inherited) for a in t.assignments)
            out.append((d.number, paths.get(t.section_id), _bare(t.text), tuple(units), t.open_list, t.sector))
    return out


_REFERENCE: dict[str, object] = {}


def _reference(stem: str):
    if stem not in _REFERENCE:
        _REFERENCE[stem] = load_text(_corpus_text(stem), f"{stem}.txt")
    return _REFERENCE[stem]


@pytest.mark.parametrize("stem,label", CASES)
def test_same_text_as_the_txt(format_copies, stem, label):
    text = read_text(format_copies[(stem, label)])
    assert "\r" not in text and "\ufeff" not in text
    assert _bare(text) == _bare(_corpus_text(stem))


@pytest.mark.parametrize("stem,label", CASES)
def test_same_documents_tasks_and_units_as_the_txt(format_copies, stem, label):
    path = format_copies[(stem, label)]
    text = read_text(path)
    got = load_text(text, path.name, str(path))
    want = _reference(stem)
    assert _documents(got) == _documents(want)
    assert len(_tasks(want)) > 0
    assert _tasks(got) == _tasks(want)
    for d in got.documents:  # offsets refer to the decoded text read_text returns
        for t in d.tasks:
            assert t.quote == text[t.start:t.end]


# --- plain text: encodings and line ends ---

SAMPLE = "临汾市人民政府\n关于做好2024年安全生产工作的通知\n一、总体要求（市应急局牵头）\n"
DECODE_CASES = [
    ("utf-8", SAMPLE.encode("utf-8"), SAMPLE),
    ("utf-8 with BOM", codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE),
    ("GB18030", SAMPLE.encode("gb18030"), SAMPLE),
    ("GBK", SAMPLE.encode("gbk"), SAMPLE),
    ("GB2312 subset", "各县（市、区）人民政府：\n".encode("gb2312"), "各县（市、区）人民政府：\n"),
    ("UTF-16 LE with BOM", codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), SAMPLE),
    ("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE),
    ("UTF-32 LE with BOM", codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), SAMPLE),
    ("CRLF", SAMPLE.replace("\n", "\r\n").encode("utf-8"), SAMPLE),
    ("lone CR (old Mac)", SAMPLE.replace("\n", "\r").encode("utf-8"), SAMPLE),
    ("CRLF in GBK", SAMPLE.replace("\n", "\r\n").encode("gbk"), SAMPLE),
    ("CRLF in UTF-16 LE", codecs.BOM_UTF16_LE + SAMPLE.replace("\n", "\r\n").encode("utf-16-le"), SAMPLE),
    ("UTF-16 cut mid-character", codecs.BOM_UTF16_LE + "安全生产".encode("utf-16-le")[:-1], "安全生\ufffd"),
    ("GBK cut mid-character", "安全生产".encode("gbk")[:-1], "安全生\ufffd"),
    ("GBK with one stray byte", "安全".encode("gbk") + b"\xff" + "生产".encode("gbk"), "安全\ufffd生产"),
    ("tab cells kept", "\t主要内容\n\t责任单位\n\n".encode("utf-8"), "\t主要内容\n\t责任单位\n\n"),
]


@pytest.mark.parametrize("name,data,expected", DECODE_CASES, ids=[c[0] for c in DECODE_CASES])
def test_decode_text(name, data, expected):
    assert decode_text(data, "x.txt") == expected


def test_crlf_offsets_refer_to_the_lf_text(tmp_path):
    raw = _corpus_text("002_2c59d4dd41e2de7b").replace("\n", "\r\n")
    path = tmp_path / "通知 CRLF.txt"
    path.write_bytes(raw.encode("gb18030"))
    text = read_text(path)
    assert text == _corpus_text("002_2c59d4dd41e2de7b")
    sf = load_text(text, path.name)
    tasks = [t for d in sf.documents for t in d.tasks]
    assert tasks and all(t.quote == text[t.start:t.end] for t in tasks)


def test_md_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "notice.MD"
    path.write_text("# 标题\n\n一、总体要求\n", encoding="utf-8")
    assert read_text(path) == "# 标题\n\n一、总体要求\n"


# --- docx details ---


def _docx_with(tmp_path, build) -> Path:
    import docx

    d = docx.Document()
    build(d)
    path = tmp_path / "t.docx"
    d.save(path)
    return path


def test_docx_merged_cells_print_once_and_continued_cells_blank(tmp_path):
    def build(d):
        d.add_paragraph("重点任务分工")
        t = d.add_table(rows=3, cols=3)
        for r, row in enumerate([["主要内容", "工作任务", "责任单位"], ["一、压实责任", "落实党政责任", "市应急局"],
                                 ["", "落实部门责任", "市安委办"]]):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
        t.cell(1, 0).merge(t.cell(2, 0))  # vertical merge: row 3 continues row 2
        head = d.add_table(rows=1, cols=3)
        head.cell(0, 0).merge(head.cell(0, 1)).text = "跨两列"  # horizontal merge
        head.cell(0, 2).text = "单列"
        d.add_paragraph("\t以上任务")

    text = read_text(_docx_with(tmp_path, build))
    assert text == ("重点任务分工\n\n"
                    "\t主要内容\n\t工作任务\n\t责任单位\n\n"
                    "\t一、压实责任\n\t落实党政责任\n\t市应急局\n\n"
                    "\t\n\t落实部门责任\n\t市安委办\n\n"
                    "\t跨两列\n\t单列\n\n"
                    "以上任务\n")


def test_docx_page_header_and_footer_are_not_body_text(tmp_path):
    def build(d):
        section = d.sections[0]
        section.header.paragraphs[0].text = "临汾市人民政府文件"
        section.footer.paragraphs[0].text = "- 1 -"
        d.add_paragraph("一、总体要求")
        d.add_paragraph("多段\n换行")  # a line break inside a paragraph stays a line break

    assert read_text(_docx_with(tmp_path, build)) == "一、总体要求\n多段\n换行\n"


def test_docx_cell_with_several_paragraphs_is_one_line(tmp_path):
    def build(d):
        t = d.add_table(rows=1, cols=2)
        cell = t.cell(0, 0)
        cell.text = "市应急局"
        cell.add_paragraph("市公安局")
        t.cell(0, 1).text = "牵头"

    # a space between the paragraphs: two unit names stay two (a task's text loses the space when cleaned)
    assert read_text(_docx_with(tmp_path, build)) == "\t市应急局 市公安局\n\t牵头\n"


# --- pdf details ---

PAGE_NUMBERS = [
    ("- 3 -", True), ("—3—", True), ("－ 12 －", True), ("3", True), ("第3页", True), ("第 3 页 共 10 页", True),
    ("共10页 第3页", True), ("3/10", True), ("3 / 10", True), ("- 三 -", True), ("Page 2 of 9", True),
    ("一、总体要求", False), ("2024年", False), ("临政发〔2024〕1号", False), ("3.煤矿", False),
    ("(三)", False), ("三", False), ("11·16", False),
]


@pytest.mark.parametrize("line,expected", PAGE_NUMBERS)
def test_page_number_lines(line, expected):
    from loaders.pdf_text import is_page_number

    assert is_page_number(line) is expected


def test_pdf_drops_running_header_and_page_numbers_but_keeps_a_title_that_looks_like_it(format_copies):
    text = read_text(format_copies[("004_a7219557abfc38f4", "pdf")])
    lines = text.splitlines()
    assert not any(re.fullmatch(r"-\s*\d+\s*-", ln) for ln in lines)
    # the running header of the fixture is "临汾市人民政府文件"; 004 opens with the same words as its title
    assert _bare(text).count("临汾市人民政府文件") == _bare(_corpus_text("004_a7219557abfc38f4")).count("临汾市人民政府文件")
    assert lines[0].replace(" ", "") == "临汾市人民政府文件"


def test_pdf_lines_are_rejoined_into_paragraphs(format_copies):
    text = read_text(format_copies[("002_2c59d4dd41e2de7b", "pdf")])
    want = [ln.strip().lstrip("#* ").rstrip("* ") for ln in _corpus_text("002_2c59d4dd41e2de7b").splitlines()]
    want = [_bare(w) for w in want if w]
    got = [_bare(ln) for ln in text.splitlines() if ln.strip()]
    # each paragraph of the .txt is one line of the PDF text (markdown markers aside)
    assert [g.replace("*", "").lstrip("#") for g in got] == [w.replace("*", "") for w in want]


def test_pdf_ruled_table_is_flattened_like_the_txt(format_copies):
    text = read_text(format_copies[("001_21558e30cd176ac4", "pdf")])
    cells = [ln for ln in text.splitlines() if ln.startswith("\t")]
    want = [ln for ln in _corpus_text("001_21558e30cd176ac4").splitlines() if ln.startswith("\t")]
    assert [_bare(c) for c in cells] == [_bare(c) for c in want]


# --- html details ---


def test_html_keeps_the_article_and_drops_the_page_around_it(format_copies):
    text = read_text(format_copies[("002_2c59d4dd41e2de7b", "html")])
    for boilerplate in ("首页", "政务公开", "当前位置", "搜索", "发布时间", "浏览次数", "字号", "相关链接", "分享到",
                        "打印本页", "主办单位", "备案号", "统计代码", "扫一扫", "jquery"):
        assert boilerplate not in text, boilerplate
    assert text.startswith("# 襄汾县人民政府文件\n")


def test_html_rowspan_cells_print_blank_in_the_rows_they_cover():
    from loaders.html_text import html_text

    page = """<html><body><div class="nav"><a href="/">首页</a></div><div class="content"><table>
    <tr><th>主要内容</th><th>工作任务</th><th>责任单位</th></tr>
    <tr><td rowspan="2">一、压实责任</td><td>落实党政责任</td><td rowspan="2">市应急局</td></tr>
    <tr><td>落实部门&nbsp;责任</td></tr></table></div></body></html>"""
    assert html_text(page.encode("utf-8"), "p.html") == (
        "\t主要内容\n\t工作任务\n\t责任单位\n\n"
        "\t一、压实责任\n\t落实党政责任\n\t市应急局\n\n"
        "\t\n\t落实部门 责任\n\t\n")


def test_html_br_inside_a_cell_is_a_space():
    from loaders.html_text import html_text

    page = """<html><body><div class="content"><table><tr><th>工作任务</th><th>牵头单位</th></tr>
    <tr><td>开展排查</td><td>市交通运输局<br>市公安局</td></tr></table></div></body></html>"""
    assert html_text(page.encode("utf-8"), "p.html") == "\t工作任务\n\t牵头单位\n\n\t开展排查\n\t市交通运输局 市公安局\n"


HTML_ENCODINGS = [
    ("meta gb2312, GBK-only character", '<meta charset="gb2312">', "gbk", "镕基　煊"),
    ("meta gbk", '<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gbk", "安全生产"),
    ("meta utf-8", '<meta charset="utf-8">', "utf-8", "安全生产"),
    ("no meta, utf-8", "", "utf-8", "安全生产"),
    ("no meta, gb18030", "", "gb18030", "安全生产"),
    ("meta says utf-8, bytes are GBK", '<meta charset="utf-8">', "gbk", "安全生产"),
    ("unknown charset name", '<meta charset="x-nonsense">', "utf-8", "安全生产"),
    ("meta says latin-1, bytes are UTF-8", '<meta charset="iso-8859-1">', "utf-8", "安全生产"),
]


@pytest.mark.parametrize("name,meta,encoding,words", HTML_ENCODINGS, ids=[c[0] for c in HTML_ENCODINGS])
def test_html_encodings(name, meta, encoding, words):
    from loaders.html_text import html_text

    page = f"<html><head>{meta}<title>t</title></head><body><p>{words}</p></body></html>"
    assert html_text(page.encode(encoding), "p.html") == words + "\n"


def test_html_without_a_known_container_takes_the_block_holding_the_text():
    from loaders.html_text import html_text

    article = "".join(f"<p>{k}、各部门要落实安全生产责任，加强隐患排查治理，防范化解重大风险。</p>" for k in "一二三四五")
    page = (f"<html><body><div id='x1'><a href='/'>首页</a> <a href='/a'>机构设置</a> <a href='/b'>政策文件</a></div>"
            f"<div id='x2'><div id='x3'>发布日期：2024-01-29</div><div id='x4'>{article}</div></div>"
            f"<div id='x5'>版权所有：某某市人民政府 地址：某某路1号</div></body></html>")
    text = html_text(page.encode("utf-8"), "p.html")
    assert text.splitlines()[0].startswith("一、各部门要") and len(text.splitlines()) == 5
    assert "首页" not in text and "发布日期" not in text and "版权所有" not in text


def test_html_article_inside_a_layout_table_is_text_not_cells():
    from loaders.html_text import html_text

    article = "".join(f"<p>（{k}）各部门要落实安全生产责任，加强隐患排查治理，防范化解重大风险。</p>" for k in "一二三四")
    page = ("<html><body><table width='1000'><tr><td colspan='2'><a href='/'>首页</a> <a href='/x'>信息公开</a></td></tr>"
            f"<tr><td width='200'><a href='/l'>左侧栏目</a></td><td>{article}</td></tr>"
            "<tr><td colspan='2'>版权所有</td></tr></table></body></html>")
    lines = html_text(page.encode("utf-8"), "p.html").splitlines()
    assert len(lines) == 4 and all(ln.startswith("（") for ln in lines)


def test_html_data_table_with_text_around_it_is_kept_whole():
    from loaders.html_text import html_text

    rows = "".join(f"<tr><td>{k}、重点任务</td><td>市应急局牵头，市公安局、市交通局、市住建局配合落实到位</td></tr>" for k in "一二三四五六")
    page = f"<html><body><div><p>重点任务分工</p><table>{rows}</table><p>附件</p></div></body></html>"
    text = html_text(page.encode("utf-8"), "p.html")
    assert text.startswith("重点任务分工\n\n\t一、重点任务\n\t市应急局牵头") and text.endswith("\n附件\n")


ARTICLE = ("<div class='TRS_Editor'><p>各县（市、区）人民政府：</p><p>一、总体要求</p>"
           "<p>（一）强化理论学习。加强学习，按照发文字号和成文日期归档。（市委宣传部、市应急局分工负责）</p></div>")
SITE_BLOCKS = [
    ("table with label cells",
     "<table class='xxgk_header'><tr><td>索引号：</td><td>11141000MB0000000X/2024-00012</td><td>主题分类：</td>"
     "<td>安全生产</td></tr><tr><td>发文机关：</td><td>临汾市人民政府</td><td>成文日期：</td><td>2024年02月09日</td></tr>"
     "<tr><th>标题</th><td colspan='3'>临汾市人民政府关于做好2024年安全生产工作的通知</td></tr>"
     "<tr><td>发文字号：</td><td>临政发〔2024〕1号</td><td>发布日期：</td><td>2024年02月20日</td></tr></table>",
     ["索引号：11141000MB0000000X/2024-00012  主题分类：安全生产", "发文机关：临汾市人民政府  成文日期：2024年02月09日",
      "标题：临汾市人民政府关于做好2024年安全生产工作的通知", "发文字号：临政发〔2024〕1号  发布日期：2024年02月20日"]),
    ("definition list without colons",
     "<div class='info-header'><dl><dt>发文机关</dt><dd>临汾市人民政府</dd><dt>发文字号</dt><dd>临政发〔2024〕1号</dd>"
     "<dt>成文日期</dt><dd>2024年02月09日</dd><dt>标题</dt><dd>临汾市人民政府关于做好2024年安全生产工作的通知</dd></dl></div>",
     ["发文机关：临汾市人民政府", "发文字号：临政发〔2024〕1号", "成文日期：2024年02月09日",
      "标题：临汾市人民政府关于做好2024年安全生产工作的通知"]),
    ("list items with spans",
     "<ul class='xxgk'><li><span>发文机关：</span><span>临汾市人民政府</span></li><li><span>发文字号：</span>"
     "<span>临政发〔2024〕1号</span></li><li><span>成文日期：</span>2024年02月09日</li>"
     "<li><span>标题：</span>临汾市人民政府关于做好2024年安全生产工作的通知</li></ul>",
     ["发文机关：临汾市人民政府", "发文字号：临政发〔2024〕1号", "成文日期：2024年02月09日",
      "标题：临汾市人民政府关于做好2024年安全生产工作的通知"]),
]


@pytest.mark.parametrize("name,block,expected", SITE_BLOCKS, ids=[c[0] for c in SITE_BLOCKS])
def test_html_site_information_block_comes_first_and_feeds_the_metadata(name, block, expected):
    from loaders.html_text import html_text

    page = (f"<html><body><div class='nav'><a href='/'>首页</a></div><div class='main'>{block}"
            f"<div class='info'>来源：市政府办　浏览次数：12</div>{ARTICLE}</div></body></html>")
    text = html_text(page.encode("utf-8"), "p.html")
    lines = text.splitlines()
    assert lines[:len(expected)] == expected
    assert lines[len(expected):] == ["各县（市、区）人民政府：", "一、总体要求",
                                     "（一）强化理论学习。加强学习，按照发文字号和成文日期归档。（市委宣传部、市应急局分工负责）"]
    d = load_text(text, "p.html").documents[0]
    assert (d.number, d.issuer, d.title, d.date) == (
        "临政发〔2024〕1号", "临汾市人民政府", "关于做好2024年安全生产工作的通知", "2024-02-09")


# --- iter_inputs ---


def test_iter_inputs_walks_folders_sorted_and_lists_what_it_skips(tmp_path):
    root = tmp_path / "输入 文件"
    (root / "子 目录").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ["b 通知.txt", "a.docx", "子 目录/临汾 市.pdf", "子 目录/c.HTM", "d.md", ".git/config.txt",
                 "notes.xlsx", "README.md", ".hidden.txt", "noext"]:
        (root / name).write_text("x", encoding="utf-8")
    single = tmp_path / "单个 文件.html"
    single.write_text("x", encoding="utf-8")
    files, skipped = iter_inputs([root, single, root / "a.docx", tmp_path / "missing.txt"])
    rel = [str(p.relative_to(tmp_path)) for p in files]
    assert rel == sorted(rel, key=lambda s: Path(s).parts)
    assert set(rel) == {"输入 文件/a.docx", "输入 文件/b 通知.txt", "输入 文件/d.md", "输入 文件/子 目录/c.HTM",
                        "输入 文件/子 目录/临汾 市.pdf", "单个 文件.html"}
    reasons = {p.name: why for p, why in skipped}
    assert reasons == {
        "notes.xlsx": "unsupported file type .xlsx",
        "README.md": "a folder's README, not a notice",
        ".hidden.txt": "hidden file",
        "noext": "unsupported file type (no suffix)",
        "missing.txt": "no such file or folder",
    }


def test_iter_inputs_on_the_corpus_folder(corpus_dir, corpus_files):
    files, skipped = iter_inputs([corpus_dir])
    assert files == corpus_files
    assert [(p.name, why) for p, why in skipped] == [("README.md", "a folder's README, not a notice")]


def test_an_explicit_file_of_unknown_type_is_returned_for_read_text_to_refuse(tmp_path):
    path = tmp_path / "notice.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    files, skipped = iter_inputs([path])
    assert files == [path] and skipped == []


def test_markdown_furniture_is_blanked_keeping_offsets():
    from loaders.markdown_text import markdown_text

    text = ("---\ntitle: 通知\ndate: 2024-04-02\n---\n# 关于做好安全生产工作的通知\n"
            "（一）开展检查。\n<!-- 原第2项“开展专项检查（区应急管理局负责）”已删除 -->\n"
            '<div align="right">南湖区安全生产委员会</div>\n| 1 | 开展执法 | 市经信局<br>市交通运输局 |\n')
    out = markdown_text(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert [ln.strip() for ln in out.split("\n")] == [
        "", "", "", "", "# 关于做好安全生产工作的通知", "（一）开展检查。", "", "南湖区安全生产委员会",
        "| 1 | 开展执法 | 市经信局<br>市交通运输局 |", ""]


@pytest.mark.parametrize("text,expected", [
    # pandoc's backslash escapes: a number's escaped dot moves onto the number, other marks lose the backslash
    ("1\\. 全面摸清底数。", "1.  全面摸清底数。"),
    ("（宕政发\\[2024\\]3号）", "（宕政发 [2024 ]3号）"),
    ("\\*\\*\\*公司", " * * *公司"),
    ("1. 开展检查。", "1. 开展检查。"),
])
def test_markdown_escapes_lose_their_backslash_keeping_offsets(text, expected):
    from loaders.markdown_text import markdown_text

    assert markdown_text(text) == expected


def test_an_escaped_numbered_item_is_an_item(tmp_path):
    from loaders import load_file

    raw = ("关于开展危险化学品安全专项整治的通知\n长寿府发〔2024〕9号\n各街道办事处：\n**（一）开展风险排查**\n\n"
           "1\\. 全面摸清底数。对全区危险化学品单位开展摸底。\n\n牵头单位：区应急局；配合单位：区经济信息委\n\n"
           "2\\. 实施重大危险源分级管控。落实包保责任制。\n\n牵头单位：区应急局；配合单位：长寿经开区管委会\n")
    (tmp_path / "x.md").write_text(raw, encoding="utf-8")
    d = load_file(tmp_path / "x.md").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [
        [("区应急局", "lead"), ("区经济信息委", "support")], [("区应急局", "lead"), ("长寿经开区管委会", "support")]]


def test_html_page_title_is_the_last_resort_for_a_documents_title():
    from loaders import load_text
    from loaders.html_text import html_text

    page = ("<html><head><title>南宁市人民政府办公室关于做好2024年汛期安全生产工作的通知_政府文件_南宁市人民政府门户网站</title>"
            "</head><body><table><tr><td class='title'><b>南宁市人民政府办公室关于做好2024年汛期安全生产工作的通知</b></td></tr>"
            "<tr><td><div class='info'>文号：南府办函〔2024〕35号&nbsp;&nbsp;发布日期：2024-05-11</div></td></tr>"
            "<tr><td class='content'>各县（市、区）人民政府：<br>一、加强监测预报。市气象局要加强监测预报。<br>"
            "<p align='right'>南宁市人民政府办公室<br>2024年5月9日</p></td></tr></table></body></html>").encode("utf-8")
    d = load_text(html_text(page, "p.html"), "p.html").documents[0]
    assert (d.number, d.title, d.kind) == ("南府办函〔2024〕35号", "关于做好2024年汛期安全生产工作的通知", "notice")
    assert d.unplaced == ()
