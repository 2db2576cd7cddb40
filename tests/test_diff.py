"""Year-over-year diff (kg.diff): matching, owner/role changes, sector summary, JSON/table/HTML output."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from kg.diff import (
    diff_documents,
    match_tasks,
    pick_document,
    render,
    render_html,
    render_json,
    render_table,
    to_dict,
)
from kg.errors import InputError
from kg.model import Assignment, DefaultClause, Document, Task
from loaders import load_file


def _unit(name, role="responsible", kind="department", inherited=False):
    return Assignment(name=name, canonical=f"临汾市{name}", role=role, kind=kind, inherited=inherited)


def _task(tid, text, sector="general", units=()):
    return Task(id=tid, section_id=tid.rsplit("/", 1)[0], ordinal=1, text=text, start=0, end=len(text), quote=text,
                assignments=tuple(units), sector=sector, sectors=(sector,))


def _doc(did, tasks, defaults=()):
    return Document(id=did, source_file=f"{did}.txt", number=did, issuer="临汾市人民政府", title=f"{did}的通知",
                    date=None, jurisdiction="临汾市", level="city", kind="notice", start=0, end=0,
                    tasks=tuple(tasks), defaults=tuple(defaults))


OLD = _doc("A", [
    _task("A/1", "压实部门监管责任。各部门要按照“三管三必须”的原则，制定和落实分管行业领域监管责任。",
          units=[_unit("市应急局", "lead"), _unit("市住建局", "support")]),
    _task("A/2", "交通运输：深入开展酒后驾驶、涉牌涉证等重点交通违法行为专项整治。", "road_transport",
          units=[_unit("市交通局")]),
    _task("A/3", "严格煤矿复产复建验收，严把验收质量关口。", "coal_mine"),
])
NEW = _doc("B", [
    _task("B/1", "经营性自建房。严禁违规加层加盖，<script>alert(1)</script>", "self_built_housing",
          units=[_unit("市住建局")]),
    _task("B/2", "夯实部门监管责任。各级监管部门要全面落实“三管三必须”，制定和落实分管行业领域监管责任。",
          units=[_unit("市应急局", "responsible"), _unit("市安委办", "oversee", "committee")]),
    _task("B/3", "交通运输。深化酒驾醉驾、涉牌涉证等重点交通违法行为专项整治。", "road_transport",
          units=[_unit("市交通局"), _unit("各县人民政府", kind="government", inherited=True)]),
], defaults=[DefaultClause((_unit("各县人民政府", kind="government", inherited=True),), "B/0", 0, 0)])


def test_matching_is_one_to_one_and_ordered():
    m = match_tasks(list(OLD.tasks), list(NEW.tasks))
    assert [(i, j) for i, j, _ in m] == [(0, 1), (1, 2)]
    assert all(s >= 0.15 for _, _, s in m)


def test_diff_figures():
    d = diff_documents(OLD, NEW)
    assert d.headline == {"tasks_a": 3, "tasks_b": 3, "kept": 2, "added": 1, "removed": 1,
                          "kept_with_owner_changes": 1, "owners_added": 1, "owners_removed": 1, "role_changes": 1}
    first, second = d.kept
    assert (first.task_a, first.task_b) == ("A/1", "B/2")
    assert [(c.name, c.roles_after) for c in first.owners_added] == [("市安委办", ("oversee",))]
    assert [(c.name, c.roles_before) for c in first.owners_removed] == [("市住建局", ("support",))]
    assert [(c.name, c.roles_before, c.roles_after) for c in first.role_changes] == [
        ("市应急局", ("lead",), ("responsible",))]
    # an inherited owner is a document-level change, not a per-task one
    assert not second.changed
    assert d.defaults_added == ("临汾市各县人民政府",) and d.defaults_removed == ()
    assert [t for t, _, _ in d.added] == ["B/1"] and [t for t, _, _ in d.removed] == ["A/3"]
    sectors = {s.sector: (s.tasks_a, s.tasks_b, s.kept, s.added, s.removed) for s in d.by_sector}
    assert sectors == {"coal_mine": (1, 0, 0, 0, 1), "general": (1, 1, 1, 0, 0), "road_transport": (1, 1, 1, 0, 0),
                       "self_built_housing": (0, 1, 0, 1, 0)}


def test_json_round_trip_and_stable():
    d = diff_documents(OLD, NEW)
    text = render_json(d)
    assert text == render_json(diff_documents(OLD, NEW))
    data = json.loads(text)
    assert data == json.loads(json.dumps(to_dict(d), ensure_ascii=False))
    assert data["headline"]["kept"] == 2 and data["kept"][0]["changed"] is True
    assert data["added"] == [{"task": "B/1", "sector": "self_built_housing", "text": NEW.tasks[0].text}]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_document_text():
    page = render_html(diff_documents(OLD, NEW))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    p = _Collect()
    p.feed(page)
    assert "script" not in p.tags
    assert any("<script>alert(1)</script>" in t for t in p.text)  # shown as text, not run


def test_table_lists_every_section():
    out = render_table(diff_documents(OLD, NEW))
    for needle in ("kept", "by sector", "self_built_housing", "+市安委办(oversee)", "-市住建局(support)",
                   "市应急局:lead→responsible", "blanket defaults added: 临汾市各县人民政府", "A/3"):
        assert needle in out


def test_render_rejects_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        render(diff_documents(OLD, NEW), "xml")


def test_pick_document():
    assert pick_document([OLD, NEW], "B", "f.txt") is NEW
    with pytest.raises(InputError, match="f.txt: no document 'C'"):
        pick_document([OLD, NEW], "C", "f.txt")
    with pytest.raises(InputError, match="holds no document"):
        pick_document([], None, "f.txt")


@pytest.fixture(scope="module")
def linfen(corpus_dir):
    a = pick_document(list(load_file(corpus_dir / "004_a7219557abfc38f4.txt").documents), None, "004")
    b = pick_document(list(load_file(corpus_dir / "000_52a272d02e943534.txt").documents), None, "000")
    return a, b, diff_documents(a, b)


def test_linfen_2020_vs_2024(linfen):
    """临政发〔2020〕1号 -> 临政发〔2024〕1号; the figures below were checked by reading both notices."""
    a, b, d = linfen
    assert (d.document_a, d.document_b) == ("临政发〔2020〕1号", "临政发〔2024〕1号")
    h = d.headline
    assert h["kept"] + h["added"] == h["tasks_b"] == len(b.tasks)
    assert h["kept"] + h["removed"] == h["tasks_a"] == len(a.tasks)
    text_a = {t.id: t.text for t in a.tasks}
    text_b = {t.id: t.text for t in b.tasks}
    kept = {(text_a[k.task_a][:4], text_b[k.task_b][:4]) for k in d.kept}
    # the same duty in both years (read by hand)
    for pair in [("压实党政", "严实党政"), ("压实部门", "夯实部门"), ("压实企业", "压实企业"), ("压实岗位", "落实全员"),
                 ("交通运输", "交通运输"), ("消防：组", "消防。紧"), ("冶金工贸", "冶金工贸"), ("非煤矿山", "金属非金"),
                 ("建筑施工", "建设施工"), ("进一步规", "强化应急"), ("进一步加", "加强救援"), ("着力普及", "加强宣传")]:
        assert pair in kept, pair
    # 2020 only: coal re-opening acceptance; 2024 only: self-built housing, gas, the natural-disaster sectors
    assert any(text_a[t].startswith("严格煤矿复产复建验收") for t, _, _ in d.removed)
    added_sectors = {s for _, s, _ in d.added}
    assert {"self_built_housing", "gas", "forest_grassland_fire", "flood_drought", "geological_disaster",
            "earthquake", "meteorological_disaster"} <= added_sectors
    by_sector = {s.sector: s for s in d.by_sector}
    # 2020: six coal items (一是…七是 without the training item 三是) and five 危化 items; 2024: one of each
    assert (by_sector["coal_mine"].tasks_a, by_sector["coal_mine"].tasks_b) == (6, 1)
    assert (by_sector["hazardous_chemicals"].tasks_a, by_sector["hazardous_chemicals"].tasks_b) == (5, 1)
    assert (by_sector["self_built_housing"].tasks_a, by_sector["self_built_housing"].added) == (0, 1)
    # 2024 adds the blanket default (以下均需各县(市、区)人民政府和临汾经济开发区管委会负责)
    assert d.defaults_added == ("临汾市各县（市、区）人民政府", "临汾经济开发区管委会")
    # 2020 names owners only in sentences; 2024 in brackets: the 交通运输 duty gains the 2024 units
    transport = next(k for k in d.kept if text_b[k.task_b].startswith("交通运输"))
    assert {c.name for c in transport.owners_added} >= {"市交通局", "市公安局交警支队"}


def test_linfen_outputs_are_deterministic(linfen, corpus_dir):
    a, b, d = linfen
    again = diff_documents(a, b)
    for fmt in ("table", "json", "html"):
        assert render(d, fmt) == render(again, fmt)
