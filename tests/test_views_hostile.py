"""A notice whose title, tasks, unit names and cited titles carry `<script>` and `"><img onerror=…>`: every
view shows that text as text (in labels, tooltips, headings, filters), and none of it runs or loads."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.views import render_view

NOTICE = """襄汾县人民政府文件

襄政发〔2025〕9号

襄汾县人民政府 关于做好<script>window.__pwned=1</script>安全生产工作的通知

各乡（镇）人民政府，县直各单位：

现将有关事项通知如下。

一、强化"><img src=x onerror="window.__pwned=2">责任落实

（一）加强煤矿安全监管<script>window.__pwned=3</script>。严格执行《煤矿安全规程<script>window.__pwned=4</script>》，开展隐患排查。（<script>window.__pwned=5</script>县应急局牵头，县能源局配合）

（二）加强燃气安全"><img src=x onerror="window.__pwned=6">管理。开展燃气安全专项整治。（县住建局、县市场监管局负责）

（三）加强危险化学品安全管理。（县应急局、县公安局按职责分工负责）

二、做好应急准备

（四）完善应急预案。各乡镇要做好应急准备工作。

襄汾县人民政府
2025年3月1日
"""
UNIT = "襄汾县<script>window.__pwned=5</script>县应急局"
TASK_QUOTE = "加强煤矿安全监管<script>window.__pwned=3</script>。"
IMG_QUOTE = '加强燃气安全"><img src=x onerror="window.__pwned=6">管理'
REGULATION = "煤矿安全规程<script>window.__pwned=4</script>"
TITLE = "<script>window.__pwned=1</script>"
TASK = "https://w3id.org/safety-duty/id/task/襄政发〔2025〕9号/一/(一)/t1"
TASK_IMG = "https://w3id.org/safety-duty/id/task/襄政发〔2025〕9号/一/(二)/t1"
DOC = "https://w3id.org/safety-duty/id/doc/襄政发〔2025〕9号"
VIEWS = ("responsibility", "co-responsibility", "unit", "documents")


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views-hostile")
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    report = build([folder / "notice.txt"], folder / "store")
    assert not report.errors
    out = {}
    for view in VIEWS:
        path = folder / f"{view}.html"
        unit = "县能源局" if view == "unit" else None
        path.write_text(render_view(view, folder / "store", unit=unit).html, encoding="utf-8")
        out[view] = path
    return out


def texts(chromium) -> dict:
    """Everything the page shows as text: header, legend, filter options, node labels and tooltips."""
    return chromium.js(
        "var v = window.kgView; function tip(id) { var t = v.tooltip(id); return t ? t.textContent : ''; }"
        "return {header: document.getElementById('kg-header').textContent,"
        " legend: document.getElementById('kg-legend').textContent,"
        " names: Array.prototype.map.call(document.querySelectorAll('#kg-names option'), function (o) { return o.value; }),"
        " labels: v.nodes.get().map(function (n) { return n.label; }),"
        " tips: v.nodes.get().map(function (n) { return tip(n.id); }).concat(v.edges.get().map(function (e) { return tip(e.id); }))};"
    )


def assert_inert(chromium, visit) -> None:
    assert visit.errors == []
    assert visit.external == [] and visit.requests == [visit.url]
    assert chromium.js("return window.__pwned === undefined;") is True
    assert chromium.js("return document.querySelectorAll('img').length;") == 0
    assert chromium.js("return document.scripts.length;") == 3
    # every tooltip is text rows only: div > (b, span), never elements parsed from a document
    assert chromium.js(
        "var v = window.kgView, bad = 0; v.nodes.get().concat(v.edges.get()).forEach(function (x) {"
        " var t = v.tooltip(x.id); if (t) { t.querySelectorAll('*').forEach(function (el) {"
        "  if (['DIV', 'B', 'SPAN'].indexOf(el.tagName) < 0) { bad++; } }); } }); return bad;"
    ) == 0


def test_the_notice_really_is_hostile():
    from loaders import load_text

    doc = load_text(NOTICE, "notice.txt").documents[0]
    assert TITLE in doc.title
    assert [a.canonical for a in doc.tasks[0].assignments][:1] == [UNIT]
    assert doc.tasks[0].citations[0].title == REGULATION
    assert IMG_QUOTE in doc.tasks[1].text


def test_responsibility_view_shows_the_markup_as_text(chromium, hostile_pages):
    visit = chromium.open(hostile_pages["responsibility"])
    assert_inert(chromium, visit)
    shown = texts(chromium)
    assert UNIT in shown["labels"] and UNIT in shown["names"]
    task_tip = chromium.js("return window.kgView.tooltip(arguments[0]).textContent;", TASK)
    assert TASK_QUOTE in task_tip and UNIT in task_tip
    assert IMG_QUOTE in chromium.js("return window.kgView.tooltip(arguments[0]).textContent;", TASK_IMG)
    options = chromium.js("return document.querySelector('select[data-facet=document]');")
    assert options is None  # one document: no document filter to offer


def test_unit_view_shows_the_markup_as_text(chromium, hostile_pages):
    visit = chromium.open(hostile_pages["unit"])
    assert_inert(chromium, visit)
    shown = texts(chromium)
    assert UNIT in shown["labels"]
    assert any(TASK_QUOTE in t for t in shown["tips"])


def test_co_responsibility_view_shows_the_markup_as_text(chromium, hostile_pages):
    visit = chromium.open(hostile_pages["co-responsibility"])
    assert_inert(chromium, visit)
    shown = texts(chromium)
    assert UNIT in shown["labels"]
    assert any(UNIT in t and "襄汾县能源局" in t for t in shown["tips"])


def test_documents_view_shows_the_markup_as_text(chromium, hostile_pages):
    visit = chromium.open(hostile_pages["documents"])
    assert_inert(chromium, visit)
    shown = texts(chromium)
    assert TITLE in chromium.js("return window.kgView.tooltip(arguments[0]).textContent;", DOC)
    assert any(f"《{REGULATION}》" in t for t in shown["tips"])
    assert any(REGULATION[:10] in label for label in shown["labels"])
