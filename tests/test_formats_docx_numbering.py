"""Word's automatic numbering is printed before its paragraphs, counted the way Word counts."""

from __future__ import annotations

import pytest

from loaders.docx_numbering import chinese_number, format_number
from loaders.formats import read_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("n,expected", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (99, "九十九"),
    (100, "一百"), (105, "一百零五"), (110, "一百一十"), (123, "一百二十三"),
])
def test_chinese_number(n, expected):
    assert chinese_number(n) == expected


@pytest.mark.parametrize("n,fmt,expected", [
    (3, "decimal", "3"), (3, "chineseCounting", "三"), (12, "chineseCountingThousand", "十二"),
    (3, "decimalFullWidth", "３"), (3, "decimalEnclosedCircle", "③"), (3, "ideographTraditional", "丙"),
    (3, "lowerLetter", "c"), (28, "upperLetter", "AB"), (4, "lowerRoman", "iv"), (9, "upperRoman", "IX"),
    (7, "decimalZero", "07"), (2, "bullet", ""), (2, "somethingNew", "2"),
])
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def _numbered_docx(tmp_path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        + _lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）")
        + _lvl(2, "decimal", "%3.") + _lvl(3, "decimal", "%3.%4", '<w:lvlRestart w:val="0"/>')
        + "</w:abstractNum>"))
    numbering.insert(1, parse_xml(f'<w:abstractNum {W} w:abstractNumId="91">{_lvl(0, "bullet", "•")}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="92"><w:abstractNumId w:val="90"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))

    def para(text: str, num_id: str | None = None, ilvl: int = 0, style: str | None = None):
        p = d.add_paragraph(text, style=style)
        if num_id is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    para("临汾市人民政府关于做好2024年安全生产工作的通知")
    para("总体要求", "90", 0)
    para("强化理论学习。", "90", 1)
    para("集中教育培训。", "90", 1)
    para("重点任务", "90", 0)
    para("深入开展专项整治", "90", 1)
    para("煤矿。", "90", 2)
    para("非煤矿山。", "90", 2)
    para("细项", "90", 3)
    para("要点", "91", 0)
    para("加强组织领导", "90", 1)
    para("另一份清单", "92", 0)
    para("按样式编号", style="List Number")
    para("按样式编号", style="List Number")
    para("编号关闭", "0", 0)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "责任单位"
    p = table.cell(0, 1).paragraphs[0]
    p.add_run("市应急局")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="2"/><w:numId w:val="90"/></w:numPr>'))
    path = tmp_path / "编号.docx"
    d.save(path)
    return path


def test_automatic_numbers_are_printed(tmp_path):
    lines = read_text(_numbered_docx(tmp_path)).splitlines()
    assert lines == [
        "临汾市人民政府关于做好2024年安全生产工作的通知",
        "一、总体要求",
        "（一）强化理论学习。",
        "（二）集中教育培训。",
        "二、重点任务",
        "（一）深入开展专项整治",
        "1.煤矿。",
        "2.非煤矿山。",
        "2.1细项",
        "要点",  # a bullet prints nothing
        "（二）加强组织领导",
        "一、另一份清单",  # a startOverride restarts the list
        "1.按样式编号",
        "2.按样式编号",
        "编号关闭",
        "",
        "\t责任单位",
        "\t1.市应急局",  # the third level restarted under the restarted list's 一、
    ]
