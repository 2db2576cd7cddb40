"""Document lineage (kg.lineage): citation links by 文号 and title, task alignment with scores."""

from __future__ import annotations

import pytest

from kg.lineage import TextIndex, align_tasks, document_links, lineage, owner_functions
from kg.model import Assignment, Document, Task
from loaders import load_file


def _task(tid: str, text: str, sector: str = "general", units=()) -> Task:
    return Task(id=tid, section_id=tid.rsplit("/", 1)[0], ordinal=1, text=text, start=0, end=len(text), quote=text,
                assignments=tuple(units), sector=sector, sectors=(sector,))


def _doc(did: str, number=None, issuer=None, title=None, tasks=(), numbers=(), regs=()) -> Document:
    return Document(id=did, source_file=f"{did}.txt", number=number, issuer=issuer, title=title, date=None,
                    jurisdiction=None, level=None, kind="notice", start=0, end=0, tasks=tuple(tasks),
                    cited_document_numbers=tuple(numbers), cited_regulations=tuple(regs))


def _unit(name, function, role="responsible", inherited=False, kind="department"):
    return Assignment(name=name, canonical=name, role=role, kind=kind, function=function, inherited=inherited)


@pytest.mark.parametrize("a,b,expected", [
    ("压实企业主体责任。严格落实安全生产第一责任人责任", "压实企业主体责任。严格落实安全生产第一责任人责任", 1.0),
    ("压实企业主体责任", "森林草原火灾", 0.0),
])
def test_text_similarity_bounds(a, b, expected):
    assert TextIndex([a, b]).similarity(0, 1) == pytest.approx(expected, abs=1e-9)


def test_similarity_ignores_spaces_and_punctuation():
    ix = TextIndex(["压实企业主体责任。", "压实 企业\n主体责任", "落实全员安全责任"])
    assert ix.similarity(0, 1) == pytest.approx(1.0)
    assert ix.similarity(0, 2) < ix.similarity(0, 1)


def test_links_by_number_and_title_resolved_and_not():
    city = _doc("临政发〔2024〕1号", "临政发〔2024〕1号", "临汾市人民政府", "关于做好2024年安全生产工作的通知")
    county = _doc("county", None, "洪洞县应急管理局", "解读", numbers=("晋政发〔2024〕1号", "临政发〔2024〕1号"),
                  regs=("临汾市人民政府关于做好2024年安全生产工作的通知", "中华人民共和国安全生产法"))
    links = document_links([county, city])
    assert [(lk.citing, lk.cited, lk.via, lk.resolved) for lk in links] == [
        ("county", "临政发〔2024〕1号", "number", True),
        ("county", "临政发〔2024〕1号", "title", True),
        ("county", "晋政发〔2024〕1号", "number", False),
    ]


@pytest.mark.parametrize("title,expected", [
    ("洪洞县人民政府关于做好2024年安全生产工作的通知", True),
    ("国务院安委会关于印发安全生产治本攻坚三年行动方案的通知", True),
    ("中华人民共和国安全生产法", False),
    ("地方党政领导干部安全生产责任制规定", False),
    ("关于推进安全生产领域改革发展的实施意见", False),  # no issuer printed: cannot tell whose
])
def test_unloaded_government_documents_are_linked_by_title(title, expected):
    d = _doc("a", regs=(title,))
    assert [(lk.cited, lk.resolved) for lk in document_links([d])] == ([(title, False)] if expected else [])


def test_own_number_is_no_link():
    d = _doc("a", "临政发〔2024〕1号", numbers=("临政发〔2024〕1号",))
    assert document_links([d]) == []


def test_alignment_keeps_score_and_owner_changes():
    parent = _doc("p", tasks=[
        _task("p/1/t1", "森林草原火灾。严格落实林长制和森林草原防灭火行政首长负责制，深入开展重大火险隐患排查整治。",
              "forest_grassland_fire", [_unit("市应急局", "emergency_management", "lead"),
                                        _unit("市林业局", "forestry")]),
        _task("p/2/t1", "气象灾害。完善气象灾害应急指挥体系。", "meteorological_disaster"),
    ])
    child = _doc("c", tasks=[
        _task("c/1/t1", "森林草原火灾：严格落实林长制和森林草原防灭火行政首长负责制，强化群防群控。",
              "forest_grassland_fire", [_unit("县林业局", "forestry"), _unit("有关部门", "", kind="vague")]),
        _task("c/2/t1", "背景依据2024年，是中华人民共和国成立75周年"),
    ])
    result = align_tasks(child, parent)
    (al,) = result.alignments
    assert (al.child_task, al.parent_task) == ("c/1/t1", "p/1/t1")
    assert 0.2 < al.score <= 1.2
    assert al.functions_dropped == ("emergency_management",) and al.functions_added == ()
    assert result.unaligned_child_tasks == ("c/2/t1",)
    assert result.dropped_parent_tasks == ("p/2/t1",)


def test_owner_functions_skip_vague_and_inherited():
    units = (_unit("市应急局", "emergency_management"), _unit("有关部门", "x", kind="vague"),
             _unit("各县人民政府", "county_government", inherited=True), _unit("市林业局", "forestry"))
    assert owner_functions(units) == ("emergency_management", "forestry")


@pytest.fixture(scope="module")
def corpus_docs(corpus_files):
    return [d for f in corpus_files for d in load_file(f).documents]


def test_corpus_003_lineage(corpus_docs):
    """003 (洪洞县 interpretation) cites 晋政发〔2024〕1号 (not loaded) and 临政发〔2024〕1号 (corpus/000)."""
    result = lineage(corpus_docs)
    from003 = {(lk.cited, lk.via, lk.resolved) for lk in result.links if lk.citing.startswith("003_")}
    assert from003 == {("临政发〔2024〕1号", "number", True), ("临政发〔2024〕1号", "title", True),
                       ("晋政发〔2024〕1号", "number", False),
                       # the county notice it interprets, and the province notice, by title (not loaded)
                       ("洪洞县人民政府关于做好2024年安全生产工作的通知", "title", False),
                       ("山西省人民政府关于做好2024年安全生产工作的通知", "title", False)}
    # the reply letters cite their requests and the 国办函 by number; nothing else links inside the corpus
    resolved = {(lk.citing, lk.cited) for lk in result.links if lk.resolved}
    assert resolved == {("003_910978ec7eaa2ee3#1", "临政发〔2024〕1号")}
    (doc_lineage,) = result.documents
    assert (doc_lineage.child, doc_lineage.parent) == ("003_910978ec7eaa2ee3#1", "临政发〔2024〕1号")
    text = {t.id: t.text for d in corpus_docs for t in d.tasks}
    pairs = {(text[a.child_task][:6], text[a.parent_task][:6]) for a in doc_lineage.alignments}
    # checked by hand: the county restates these city duties
    for pair in [("压实企业主体责任", "压实企业主体责任"), ("高效应急处置，", "强化应急救援预"), ("强化宣传培训，", "集中教育培训。"),
                 ("严格考核巡查，", "不断加大考核巡"), ("强化警示教育，", "以学促干抓落实"), ("森林草原火灾", "森林草原火灾"),
                 ("推动标准化创建", "推进动态达标建")]:
        assert (pair[0][:6], pair[1][:6]) in pairs, pair
    assert all(0.2 <= a.score for a in doc_lineage.alignments)
    # the background paragraph implements nothing
    assert any(text[t].startswith("背景依据") for t in doc_lineage.unaligned_child_tasks)
    # city duties the county interpretation does not take up, e.g. the 煤矿 special campaign
    assert any(text[t].startswith("煤矿。") for t in doc_lineage.dropped_parent_tasks)


def test_lineage_is_deterministic(corpus_docs):
    assert lineage(corpus_docs) == lineage(list(reversed(corpus_docs)))
