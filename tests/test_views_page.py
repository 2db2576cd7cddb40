"""The page machinery of the network views (kg/views/page.py) with hand-made graph data, in headless
Chromium with the network off: drawing, legend, search, filters, tooltips, escaping, no requests."""

from __future__ import annotations

import time
from html import unescape

import pytest

from kg.views.page import FilterSpec, GraphEdge, GraphNode, LegendEntry, LegendGroup, Page, render_page
from kg.views.style import ROLE_COLORS, STATUS_COLORS, UNIT_COLOR, VAGUE_BORDER, VAGUE_COLOR

HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">'
QUOTE = "（二）加强煤矿安全监管" + HOSTILE


def sample_page(title: str = "测试视图 " + HOSTILE) -> Page:
    nodes = (
        GraphNode("unit:a", "临汾市应急管理局", UNIT_COLOR, "dot", 20, search=("临汾市应急管理局", "市应急局"),
                  needs_edge=True, tip=(("单位", "临汾市应急管理局"),)),
        GraphNode("unit:b", "临汾市有关部门" + HOSTILE, VAGUE_COLOR, "triangleDown", 12, dashed=True,
                  border=VAGUE_BORDER, search=("临汾市有关部门" + HOSTILE,), needs_edge=True),
        GraphNode("unit:c", "临汾市住房和城乡建设局", UNIT_COLOR, "square", 14, search=("临汾市住房和城乡建设局", "市住建局"),
                  needs_edge=True),
        GraphNode("task:1", "二/(二) t1", STATUS_COLORS["overlap"], "dot", 9,
                  tip=(("任务 task", QUOTE), ("位置 where", "000.txt 120–168")),
                  facets=(("sector", ("coal_mine",)), ("document", ("doc:1",)), ("role", ("lead", "support")))),
        GraphNode("task:2", "二/(三) t1", STATUS_COLORS["clear"], "dot", 9, tip=(("任务 task", "危险化学品"),),
                  facets=(("sector", ("hazardous_chemicals",)), ("document", ("doc:1",)), ("role", ("responsible",)))),
        GraphNode("task:3", "三/(一) t1", STATUS_COLORS["unowned"], "dot", 9, tip=(("任务 task", "燃气"),),
                  facets=(("sector", ("gas",)), ("document", ("doc:2",)), ("role", ()))),
    )
    edges = (
        GraphEdge("e1", "task:1", "unit:a", ROLE_COLORS["lead"], facets=(("role", ("lead",)),)),
        GraphEdge("e2", "task:1", "unit:b", ROLE_COLORS["support"], dashed=True, facets=(("role", ("support",)),)),
        GraphEdge("e3", "task:2", "unit:a", ROLE_COLORS["responsible"], facets=(("role", ("responsible",)),)),
        GraphEdge("e4", "task:2", "unit:c", ROLE_COLORS["responsible"], facets=(("role", ("responsible",)),)),
    )
    legend = (
        LegendGroup("角色 role", tuple(LegendEntry(k, v, "line") for k, v in ROLE_COLORS.items())
                    + (LegendEntry("继承 inherited", "#64748b", "line", dashed=True),)),
        LegendGroup("状态 " + HOSTILE, tuple(LegendEntry(k, v) for k, v in STATUS_COLORS.items())),
    )
    filters = (
        FilterSpec("sector", "行业 sector", (("coal_mine", "煤矿 " + HOSTILE), ("gas", "燃气"),
                                              ("hazardous_chemicals", "危险化学品"))),
        FilterSpec("role", "角色 role", (("lead", "牵头"), ("responsible", "负责"), ("support", "配合"))),
        FilterSpec("document", "文件 document", (("doc:1", "临政发〔2024〕1号"), ("doc:2", "临政发〔2020〕1号"))),
    )
    return Page("sample", title, ("3 个任务 · 3 tasks " + HOSTILE,), nodes, edges, legend, filters,
                notes=("note " + HOSTILE,))


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("views-page") / "sample.html"
    path.write_text(render_page(sample_page()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def loaded(chromium, sample_file):
    return chromium.open(sample_file)


def select(chromium, facet: str, value: str) -> None:
    chromium.js(
        "var s = document.querySelector('select[data-facet=\"' + arguments[0] + '\"]');"
        "s.value = arguments[1]; s.dispatchEvent(new Event('change'));",
        facet, value,
    )


def visible(chromium) -> dict:
    return chromium.js(
        "var v = window.kgView; return {drawn: v.drawn(), "
        "nodes: v.nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; }).sort(),"
        "status: document.getElementById('kg-status').textContent};"
    )


# ------------------------------------------------------------------ without a browser


def test_render_is_byte_identical():
    assert render_page(sample_page()) == render_page(sample_page())


def test_document_text_never_appears_as_markup():
    html = render_page(sample_page())
    assert HOSTILE not in html
    assert "<script>window.__pwned" not in html and "<img" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html  # heading, legend, options: escaped
    data = html.split('<script type="application/json" id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data
    assert "\\u003cscript\\u003ewindow.__pwned=1" in data


def test_no_reference_to_the_web():
    html = render_page(sample_page())
    for marker in ("<link", "src=\"http", "src='http", "@import", "url(http", "url('http", 'url("http', "sourceMappingURL"):
        assert marker not in html
    csp = unescape(html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0])
    assert csp.startswith("default-src 'none'; script-src 'sha256-") and "connect-src 'none'" in csp


# ------------------------------------------------------------------ in Chromium


def test_draws_every_node_and_edge_without_errors_or_requests(chromium, loaded, tmp_path):
    assert loaded.errors == []
    assert loaded.external == []
    assert loaded.requests == [loaded.url]
    state = visible(chromium)
    assert state["drawn"] == {"nodes": 6, "edges": 4}
    assert "showing 6 of 6 nodes, 4 of 4 links" in state["status"]
    # physics stopped once the layout settled
    assert chromium.js("return window.kgView.network.physics.physicsEnabled;") is False
    shot = chromium.screenshot(tmp_path / "sample.png")
    assert shot.stat().st_size > 10_000


def test_legend_and_search_are_there(chromium, loaded):
    entries = chromium.js(
        "return Array.prototype.map.call(document.querySelectorAll('#kg-legend .kg-legend-entry'),"
        " function (li) { return li.textContent.trim(); });"
    )
    assert entries[:6] == ["lead", "responsible", "shared", "support", "oversee", "继承 inherited"]
    assert len(entries) == 10
    assert chromium.js("return document.getElementById('kg-search').getAttribute('list');") == "kg-names"
    names = chromium.js("return Array.prototype.map.call(document.querySelectorAll('#kg-names option'),"
                        " function (o) { return o.value; });")
    assert "市应急局" in names and "临汾市住房和城乡建设局" in names


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("市应急局", "unit:a"),  # alias
        ("临汾市住房和城乡建设局", "unit:c"),  # full name
        ("住房和城乡", "unit:c"),  # part of a name
        ("<script>", "unit:b"),  # hostile name found as text
        ("市交通运输局", None),
    ],
)
def test_search_finds_a_unit_by_name_or_alias(chromium, loaded, query, expected):
    select(chromium, "sector", "")
    chromium.js("var b = document.getElementById('kg-search'); b.value = arguments[0];"
                "b.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));", query)
    selected = chromium.js("return window.kgView.network.getSelectedNodes();")
    status = chromium.js("return document.getElementById('kg-status').textContent;")
    if expected is None:
        assert selected == [] and "not found" in status
    else:
        assert selected == [expected] and "found" in status


@pytest.mark.parametrize(
    ("facet", "value", "nodes", "edges"),
    [
        # a unit shows only while one of its edges does; a task is subject to every filter it has a facet for
        ("sector", "coal_mine", ["task:1", "unit:a", "unit:b"], 2),
        ("sector", "gas", ["task:3"], 0),
        ("role", "responsible", ["task:2", "unit:a", "unit:c"], 2),
        ("document", "doc:2", ["task:3"], 0),
        ("sector", "", ["task:1", "task:2", "task:3", "unit:a", "unit:b", "unit:c"], 4),
    ],
)
def test_filters_hide_what_they_leave_out(chromium, loaded, facet, value, nodes, edges):
    for other in ("sector", "role", "document"):
        select(chromium, other, "")
    select(chromium, facet, value)
    state = visible(chromium)
    assert state["nodes"] == nodes
    assert state["drawn"] == {"nodes": len(nodes), "edges": edges}
    hidden = 6 - len(nodes)
    if hidden:
        assert f"{hidden} hidden by the filters" in state["status"]
    else:
        assert "hidden" not in state["status"]


def test_hostile_text_renders_as_text(chromium, loaded):
    assert chromium.js("return window.__pwned === undefined;") is True
    assert chromium.js("return document.querySelectorAll('img').length;") == 0
    assert chromium.js("return document.scripts.length;") == 3
    assert chromium.js("return document.title;") == "测试视图 " + HOSTILE
    assert chromium.js("return document.getElementById('kg-title').textContent;") == "测试视图 " + HOSTILE
    assert HOSTILE in chromium.js("return document.getElementById('kg-legend').textContent;")
    assert HOSTILE in chromium.js("return document.querySelector('select[data-facet=sector]').textContent;")
    tip = chromium.js("var t = window.kgView.tooltip('task:1'); return [t.textContent, t.querySelectorAll('*').length];")
    assert QUOTE in tip[0]
    assert tip[1] == 6  # 2 rows of div + b + span: nothing parsed from the quote


def test_hover_shows_the_quote_and_where_it_is_printed(chromium, loaded):
    from selenium.webdriver.common.action_chains import ActionChains

    for facet in ("sector", "role", "document"):
        select(chromium, facet, "")
    chromium.js("window.kgView.network.fit({animation: false});")
    x, y = chromium.js(
        "var v = window.kgView.network; var p = v.canvasToDOM(v.getPosition('task:1'));"
        "var r = document.getElementById('kg-network').getBoundingClientRect();"
        "return [p.x - r.width / 2, p.y - r.height / 2];"
    )
    container = chromium.driver.find_element("id", "kg-network")
    ActionChains(chromium.driver).move_to_element_with_offset(container, 0, 0).perform()
    ActionChains(chromium.driver).move_to_element_with_offset(container, int(x), int(y)).perform()
    deadline = time.monotonic() + 5
    text = ""
    while time.monotonic() < deadline:
        text = chromium.js(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' ? t.textContent : '';"
        )
        if text:
            break
        time.sleep(0.1)
    assert QUOTE in text
    assert "000.txt 120–168" in text
    assert chromium.js("return window.__pwned === undefined;") is True
