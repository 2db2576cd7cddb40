"""The bundled corpus: documents, metadata, provenance, coverage, determinism."""

import re
import unicodedata

import pytest

from loaders import load_file
from loaders.normalize import clean


@pytest.fixture(scope="module")
def loaded(corpus_files):
    return {p.name[:3]: load_file(p) for p in corpus_files}


DOCUMENTS = [
    # (file, number, issuer, title, date, jurisdiction, level, kind)
    ("000", "临政发〔2024〕1号", "临汾市人民政府", "关于做好2024年安全生产工作的通知", "2024-02-09", "临汾市", "city", "notice"),
    ("000", "临政函〔2024〕11号", "临汾市人民政府",
     "关于授权临汾市交通运输局为洪洞至大宁高速公路工程等3个特许经营项目实施机构的批复", "2024-02-07", "临汾市", "city",
     "reply"),
    ("000", "临政函〔2024〕12号", "临汾市人民政府",
     "关于授权山西省公路局临汾分局为国道108线霍州—襄汾段过境改线工程和国道309线曲亭至峪里段改建工程两个特许经营项目实施机构的批复",
     "2024-02-07", "临汾市", "city", "reply"),
    ("000", "临政函〔2024〕13号", "临汾市人民政府",
     "关于天鹅大酒店房屋产权登记确权颁证“清零行动”项目补缴土地出让金并办理不动产登记的批复", "2024-02-08", "临汾市",
     "city", "reply"),
    ("000", "临政函〔2024〕14号", "临汾市人民政府",
     "关于临汾安泽山西永鑫通海铁路物流有限责任公司永鑫铁路专用线集运站2号机头房“11·24”较大坍塌事故调查报告的批复",
     "2024-02-24", "临汾市", "city", "reply"),
    ("001", "忻政发〔2024〕1号", "忻州市人民政府", "关于做好2024年安全生产工作的通知", "2024-02-23", "忻州市", "city", "notice"),
    ("002", "襄政发〔2025〕1号", "襄汾县人民政府", "关于做好2025年安全生产工作的通知", "2025-02-21", "襄汾县", "county", "notice"),
    ("003", None, "洪洞县应急管理局", "《洪洞县人民政府关于做好2024年安全生产工作的通知》政策解读", None, "洪洞县", "county",
     "interpretation"),
    ("004", "临政发〔2020〕1号", "临汾市人民政府", "关于做好2020年安全生产工作的通知", "2020-02-10", "临汾市", "city", "notice"),
]


def test_nine_documents(loaded):
    assert sum(len(sf.documents) for sf in loaded.values()) == 9


@pytest.mark.parametrize("row", DOCUMENTS, ids=[f"{r[0]}-{r[1]}" for r in DOCUMENTS])
def test_document_metadata(loaded, row):
    f, number, issuer, title, date, jurisdiction, level, kind = row
    docs = [d for d in loaded[f].documents if d.number == number]
    assert len(docs) == 1
    d = docs[0]
    assert (d.issuer, d.title, d.date, d.jurisdiction, d.level, d.kind) == (issuer, title, date, jurisdiction, level, kind)


def test_cited_document_numbers(loaded):
    d003 = loaded["003"].documents[0]
    assert d003.cited_document_numbers == ("晋政发〔2024〕1号", "临政发〔2024〕1号")
    reply = [d for d in loaded["000"].documents if d.number == "临政函〔2024〕11号"][0]
    assert reply.cited_document_numbers == ("国办函〔2023〕115号",)


def _norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def test_every_task_quote_is_its_raw_slice_and_normalises_to_its_text(loaded, corpus_files):
    raws = {p.name: p.read_text(encoding="utf-8") for p in corpus_files}
    n = 0
    for sf in loaded.values():
        raw = raws[sf.source_file]
        for d in sf.documents:
            assert raw[d.start:d.end]
            for t in d.tasks:
                assert 0 <= t.start < t.end <= len(raw)
                assert t.quote == raw[t.start:t.end]
                if t.section_id.endswith("/table"):
                    continue
                assert clean(t.quote).text.replace("\n", "") == t.text
                n += 1
    assert n >= 150


def test_no_unplaced_body_text(loaded):
    for sf in loaded.values():
        assert sf.unplaced == ()
        for d in sf.documents:
            assert d.unplaced == (), (sf.source_file, d.unplaced)


def test_load_is_deterministic(corpus_files):
    for p in corpus_files:
        assert load_file(p) == load_file(p)


def test_blanket_default_applies_only_after_its_clause(loaded):
    d = loaded["000"].documents[0]
    assert len(d.defaults) == 1
    first = d.tasks[0]
    assert first.id == d.defaults[0].task_id
    assert not any(a.inherited for a in first.assignments)
    for t in d.tasks[1:]:
        inherited = {a.name for a in t.assignments if a.inherited}
        assert inherited == {"各县(市、区)人民政府", "临汾经济开发区管委会"}
    # and never in another document of the same file
    for other in loaded["000"].documents[1:]:
        assert not any(a.inherited for t in other.tasks for a in t.assignments)


def test_an_item_with_three_attributions_is_three_tasks(loaded):
    d = loaded["000"].documents[0]
    tasks = [t for t in d.tasks if t.section_id == "临政发〔2024〕1号/二/(二)/1"]
    assert [t.text[:8] for t in tasks] == ["强化重大风险源头", "发展改革、行政审", "严格矿山安全生产"]
    assert [[(a.name, a.role) for a in t.assignments if not a.inherited] for t in tasks] == [
        [("市工信局", "oversee"), ("市商务局", "oversee"), ("市应急局", "oversee")],
        [("市发展改革委", "responsible"), ("市应急局", "responsible"), ("市行政审批服务管理局", "responsible")],
        [("市能源局", "shared"), ("市规划和自然资源局", "shared"), ("市应急局", "shared")],
    ]


def test_table_rows_attach_to_the_body_tasks_they_restate(loaded):
    d = loaded["001"].documents[0]
    by_start = {t.text[:10]: t for t in d.tasks}
    t = by_start["集中审批部门颁发相应"]
    assert t.source == "table" and t.section_id == "忻政发〔2024〕1号/一/(二)/2"
    assert [a.name for a in t.assignments][-1] == "市行政审批局" and t.open_list
    forest = [t for t in d.tasks if t.text.startswith("森林草原火灾")][0]
    assert [(a.name, a.role) for a in forest.assignments][-3:] == [
        ("市自然资源局", "lead"), ("市应急局", "support"), ("市公安局", "support")]
    assert not any(t.section_id.endswith("/table") for t in d.tasks)


def test_reply_letter_pronoun_is_the_addressee(loaded):
    d = [d for d in loaded["000"].documents if d.number == "临政函〔2024〕14号"][0]
    got = {(a.name, a.role, a.source) for t in d.tasks for a in t.assignments}
    assert ("市应急管理局", "lead", "addressee") in got
    assert ("市应急管理局", "oversee", "addressee") in got  # 你局要督促各有关单位…落实
    assert ("各有关单位", "responsible", "in_sentence") in got  # …who implement


def test_in_sentence_actors(loaded):
    d = loaded["004"].documents[0]
    t = [t for t in d.tasks if t.text.startswith("着力加大双重预防机制建设力度")][0]
    # the item's next sentence names other actors: one task, both answer for it
    assert "各级各部门要健全完善安全风险评估制度" in t.text
    assert [(a.name, a.role, a.source) for a in t.assignments] == [
        ("各企业", "responsible", "in_sentence"), ("各级各部门", "responsible", "in_sentence")]
    assert d.tasks[d.tasks.index(t) + 1].section_id != t.section_id


@pytest.mark.parametrize("number,addressee", [
    ("临政函〔2024〕11号", "市交通运输局"), ("临政函〔2024〕12号", "山西省公路局临汾分局"),
    ("临政函〔2024〕13号", "市规划和自然资源局"), ("临政函〔2024〕14号", "市应急管理局"),
])
def test_every_reply_tasks_its_addressee(loaded, number, addressee):
    d = [d for d in loaded["000"].documents if d.number == number][0]
    assert d.addressees == (addressee,)
    named = [t for t in d.tasks if any(a.name == addressee and a.source == "addressee" for a in t.assignments)]
    assert named
    assert not any("收悉" in t.text for t in d.tasks)


def test_a_table_row_with_no_body_counterpart_becomes_its_own_task(corpus_dir):
    from loaders import load_text

    raw = (corpus_dir / "001_21558e30cd176ac4.txt").read_text(encoding="utf-8")
    raw = raw.replace("\t推动煤矿加强采掘智能化、火灾预测等智能技术装备研发应用。", "\t推动全市煤矿开展新的试点工作并按季度报送进展情况。")
    d = load_text(raw, "001.txt").documents[0]
    extra = [t for t in d.tasks if t.section_id == "忻政发〔2024〕1号/table"]
    assert [(t.text, t.source) for t in extra] == [("推动全市煤矿开展新的试点工作并按季度报送进展情况。", "table")]
    assert raw[extra[0].start:extra[0].end] == "推动全市煤矿开展新的试点工作并按季度报送进展情况。"
    assert [a.role for a in extra[0].assignments] == ["oversee", "oversee", "oversee", "responsible"]
    assert "忻政发〔2024〕1号/table" in {s.id for s in d.sections}


def test_inline_sector_labels_split_an_item_into_tasks_with_their_sectors(loaded):
    d = loaded["004"].documents[0]
    tasks = [t for t in d.tasks if t.section_id == "临政发〔2020〕1号/三/(三)/1/(5)"]
    assert [(t.text[:4], t.sector) for t in tasks] == [
        ("着力强化", "general"), ("非煤矿山", "non_coal_mine"), ("冶金工贸", "metallurgy_industry_trade"),
        ("交通运输", "road_transport"), ("消防：组", "fire"), ("建筑施工", "construction")]


@pytest.mark.parametrize("text,warning", [
    ("garbage", "not a notice: no 文号, title, addressees or tasks"),
    ("关于做好安全生产工作的通知\n一、总体要求\n（一）强化学习（市应急局负责", "unbalanced brackets: 2 opening, 1 closing"),
])
def test_load_warnings(text, warning):
    from loaders import load_text

    assert warning in load_text(text, "x.txt").warnings


def test_a_letter_with_no_numbered_items_asks_its_addressees():
    from loaders import load_text

    text = ("关于开展烟花爆竹安全专项督查的通知\n各市、省直管县人民政府安委会办公室：\n"
            "目前，正值烟花爆竹生产经营旺季，为加强监管工作，请根据要求认真布置专项督查。\n"
            "安徽省人民政府安委会办公室\n2013年1月8日\n")
    sf = load_text(text, "x.txt")
    (d,) = sf.documents
    assert (d.title, d.kind, d.date, sf.warnings) == ("关于开展烟花爆竹安全专项督查的通知", "notice", "2013-01-08", ())
    assert [[(a.name, a.role, a.source) for a in t.assignments] for t in d.tasks] == [
        [("各市", "responsible", "addressee"), ("省直管县人民政府安委会办公室", "responsible", "addressee")]]


def test_the_1_numbering_style_is_no_unbalanced_bracket():
    from loaders import load_text

    text = "关于做好安全生产工作的通知\n测政发〔2025〕1号\n一、总体要求\n1）强化学习。\n2）强化培训（市应急局负责）。\n"
    assert load_text(text, "x.txt").warnings == ()


def test_a_cited_regulation_keeps_the_document_number_printed_after_it(loaded):
    d = [d for d in loaded["000"].documents if d.number == "临政函〔2024〕11号"][0]
    cites = [c for t in d.tasks for c in t.citations]
    assert [(c.title[:9], c.number) for c in cites] == [("国务院办公厅转发国", "国办函〔2023〕115号")]
