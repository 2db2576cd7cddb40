"""Citations (loaders.citations): 《…》 titles, 文号, normalised regulations; corpus precision/recall."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import load_file
from loaders.citations import (
    Regulation,
    find_citations,
    find_document_numbers,
    normalise_regulation,
    number_after,
    regulation_type,
)

ROOT = Path(__file__).resolve().parent.parent

# (text, expected titles) — real snippets from corpus/, with their PDF line breaks
TITLES = [
    ("严格落实《中共中央办公厅\n \n\n国务院办\n\n公厅关于进一步加强矿山安全生产工作的意见》及我省工作措施",
     ["中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见"]),
    ("贯彻落实《中共中央办公厅 国务院办公厅关于进一步加强矿山安全生产工作的意见》及省、市",
     ["中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见"]),
    ("根据《国务院办公厅转发国家发展改革委、财政\n\n部<关于规范实施政府和社会资本合作新机制的指\n\n导意见>的通知》 (国办函〔2023〕115",
     ["国务院办公厅转发国家发展改革委、财政部<关于规范实施政府和社会资本合作新机制的指导意见>的通知"]),
    ("你局《关于上报<临汾安泽山西永鑫通海铁路物\n\n流有限责任公司永鑫铁路专用线集运站 2 号机头房\n\n“11·24”较大坍塌事故调查报告>的请示》 (临应急",
     ["关于上报<临汾安泽山西永鑫通海铁路物流有限责任公司永鑫铁路专用线集运站2号机头房“11·24”较大坍塌事故调查报告>的请示"]),
    ("严格落实《安全生产法》《山西省安全生产条例》等法律法规", ["安全生产法", "山西省安全生产条例"]),
    ("及我市《实施细则》，坚持党政同责", ["实施细则"]),
    ("依据《山西省人民政府关于做好 2024 年安全生产工作的通知》（晋政发〔2024〕1 号）",
     ["山西省人民政府关于做好2024年安全生产工作的通知"]),
    ("严格落实《忻州市金属非金属地下矿山隐蔽致灾因素普查治理“九必须九严禁”》",
     ["忻州市金属非金属地下矿山隐蔽致灾因素普查治理“九必须九严禁”"]),
    # nested 〈…〉 and 《…》 kept as printed
    ("转发《国务院关于〈安全生产法〉实施的通知》", ["国务院关于〈安全生产法〉实施的通知"]),
    ("转发《关于印发《实施细则》的通知》", ["关于印发《实施细则》的通知"]),
    # unbalanced brackets: the unclosed 《 is skipped, the rest still found; a stray 》 is ignored
    ("落实《安全生产法。严格执行《山西省安全生产条例》", ["山西省安全生产条例"]),
    ("落实《A《山西省安全生产条例》", ["山西省安全生产条例"]),
    ("》落实安全生产法》和《煤矿安全生产条例》", ["煤矿安全生产条例"]),
    ("落实《》和《 》", []),
    ("末尾没有闭合《煤矿安全生产条例", []),
    ("", []),
]


@pytest.mark.parametrize("text,expected", TITLES)
def test_find_citations(text, expected):
    found = find_citations(text)
    assert [t for t, _, _ in found] == expected
    for _, a, b in found:
        assert text[a] == "《" and text[b - 1] == "》"


@given(st.text(alphabet="《》<>〈〉。 \n安全法条例", max_size=60))
@settings(max_examples=300, deadline=None)
def test_find_citations_never_raises(text):
    for title, a, b in find_citations(text):
        assert 0 <= a < b <= len(text)
        assert re.sub(r"\s+", "", text[a + 1:b - 1]) == title


NUMBERS = [
    ("导意见>的通知》 (国办函〔2023〕115\n 号)", ["国办函〔2023〕115号"]),
    ("临政发〔2024〕1 号", ["临政发〔2024〕1号"]),
    ("你局《关于…的请示》 (临应急\n\n字〔2024〕19 号)收悉", ["临应急字〔2024〕19号"]),
    ("的请示》(临自然资字〔2024〕48 号)收悉", ["临自然资字〔2024〕48号"]),
    ("市委、市政府《关于推进安全生产领域改革发展的实施意见》(临发〔2018〕1号)明确的", ["临发〔2018〕1号"]),
    ("（晋政发〔2024〕1 号）和《临汾市人民政府…》（临政发〔2024〕1 号）", ["晋政发〔2024〕1号", "临政发〔2024〕1号"]),
    # other bracket styles are normalised to 〔〕
    ("依据晋政发[2024]1号", ["晋政发〔2024〕1号"]),
    ("依据晋政办发［2023］12号", ["晋政办发〔2023〕12号"]),
    ("根据临政发（2020）1号", ["临政发〔2020〕1号"]),
    ("按照国办发【2023】第5号文件", ["国办发〔2023〕5号"]),
    ("按照晋政办发﹝2023﹞7号和晋安发〖2024〗 12 号", ["晋政办发〔2023〕7号", "晋安发〔2024〕12号"]),
    # not document numbers
    ("2024年（2024）", []),
    ("较大事故（2）起", []),
    ("集运站 2 号机头房", []),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_find_document_numbers(text, expected):
    found = find_document_numbers(text)
    assert [n for n, _, _ in found] == expected
    for n, a, b in found:
        assert re.sub(r"\s+", "", text[a:b]).replace("（", "〔").replace("）", "〕") != ""
        assert text[b - 1] == "号"


def test_number_after_title():
    text = "依据《山西省人民政府关于做好 2024 年安全生产工作的通知》（晋政发〔2024〕1 号）和《安全生产法》，按照临政发〔2024〕1号"
    first, second = find_citations(text)
    assert number_after(text, first[2]) == "晋政发〔2024〕1号"
    assert number_after(text, second[2]) == ""


REGULATIONS = [
    # (title as printed, jurisdiction, key, type)
    ("安全生产法", "临汾市", "中华人民共和国安全生产法", "law"),
    ("中华人民共和国安全生产法", "洪洞县", "中华人民共和国安全生产法", "law"),
    ("消防法", None, "中华人民共和国消防法", "law"),
    ("山西省安全生产条例", "忻州市", "山西省安全生产条例", "regulation"),
    ("煤矿安全生产条例", "临汾市", "煤矿安全生产条例", "regulation"),
    ("生产安全事故报告和调查处理条例", "临汾市", "生产安全事故报告和调查处理条例", "regulation"),
    ("地方党政领导干部安全生产责任制规定", "襄汾县", "地方党政领导干部安全生产责任制规定", "rules"),
    ("临汾市安全生产责任落实特别规定", "临汾市", "临汾市安全生产责任落实特别规定", "rules"),
    ("临汾市工矿商贸领域生产安全事故警示教育和问责处置办法", "临汾市", "临汾市工矿商贸领域生产安全事故警示教育和问责处置办法",
     "measures"),
    ("中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见", "忻州市",
     "中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见", "opinion"),
    ("关于推进安全生产领域改革发展的实施意见", "临汾市", "关于推进安全生产领域改革发展的实施意见", "opinion"),
    ("国务院办公厅转发国家发展改革委、财政部<关于规范实施政府和社会资本合作新机制的指导意见>的通知", "临汾市",
     "国务院办公厅转发国家发展改革委、财政部<关于规范实施政府和社会资本合作新机制的指导意见>的通知", "notice"),
    ("忻州市非煤地下矿山防范冒顶片帮事故“八无八不”硬措施", "忻州市", "忻州市非煤地下矿山防范冒顶片帮事故“八无八不”硬措施",
     "local_measure"),
    ("忻州市金属非金属地下矿山隐蔽致灾因素普查治理“九必须九严禁”", "忻州市",
     "忻州市金属非金属地下矿山隐蔽致灾因素普查治理“九必须九严禁”", "local_measure"),
    ("关于天鹅大酒店房屋产权登记确权颁证“清零行动”项目补缴土地出让金并办理不动产登记的请示", "临汾市",
     "关于天鹅大酒店房屋产权登记确权颁证“清零行动”项目补缴土地出让金并办理不动产登记的请示", "request"),
    ("GB30871-2022危险化学品企业特殊作业安全规范", None, "GB30871-2022危险化学品企业特殊作业安全规范", "standard"),
    # generic titles are scoped to the citing jurisdiction
    ("实施细则", "临汾市", "临汾市实施细则", "rules"),
    ("实施细则", "忻州市", "忻州市实施细则", "rules"),
    # whitespace inside the title does not matter
    ("中共中央办公厅 国务院办公厅关于进一步加强矿山安全生产工作的意见", None,
     "中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见", "opinion"),
    # 办法 ends in 法 but is no law
    ("安全生产考核办法", None, "安全生产考核办法", "measures"),
]


@pytest.mark.parametrize("title,jurisdiction,key,kind", REGULATIONS)
def test_normalise_regulation(title, jurisdiction, key, kind):
    reg = normalise_regulation(title, jurisdiction)
    assert isinstance(reg, Regulation)
    assert (reg.key, reg.type) == (key, kind)
    assert reg.label and regulation_type(title) in (kind, "rules", "law")


def test_regulation_number_kept():
    reg = normalise_regulation("山西省人民政府关于做好2024年安全生产工作的通知", "洪洞县", "晋政发〔2024〕 1号")
    assert reg.number == "晋政发〔2024〕1号" and reg.type == "notice"


def test_same_regulation_same_key_across_documents():
    keys = {normalise_regulation(t, j).key for t, j in [("安全生产法", "忻州市"), ("中华人民共和国安全生产法", "洪洞县"),
                                                        ("安全生产法", "襄汾县")]}
    assert keys == {"中华人民共和国安全生产法"}


# Every 《…》 of the corpus, per document, in order of first appearance (read by hand from the files)
CORPUS_TITLES = {
    "临政发〔2024〕1号": ["中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见", "煤矿安全生产条例",
                     "临汾市工矿商贸领域生产安全事故警示教育和问责处置办法", "地方党政领导干部安全生产责任制规定", "实施细则",
                     "临汾市安全生产责任落实特别规定"],
    "临政函〔2024〕11号": ["国务院办公厅转发国家发展改革委、财政部<关于规范实施政府和社会资本合作新机制的指导意见>的通知"],
    "临政函〔2024〕12号": ["国务院办公厅转发国家发展改革委、财政部<关于规范实施政府和社会资本合作新机制的指导意见>的通知"],
    "临政函〔2024〕13号": ["关于天鹅大酒店房屋产权登记确权颁证“清零行动”项目补缴土地出让金并办理不动产登记的请示"],
    "临政函〔2024〕14号": ["关于上报<临汾安泽山西永鑫通海铁路物流有限责任公司永鑫铁路专用线集运站2号机头房“11·24”较大坍塌事故调查报告>的请示",
                      "中华人民共和国安全生产法", "生产安全事故报告和调查处理条例"],
    "忻政发〔2024〕1号": ["安全生产法", "山西省安全生产条例", "中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见",
                     "煤矿安全生产条例", "忻州市非煤地下矿山防范冒顶片帮事故“八无八不”硬措施",
                     "忻州市金属非金属地下矿山隐蔽致灾因素普查治理“九必须九严禁”"],
    "襄政发〔2025〕1号": ["地方党政领导干部安全生产责任制规定", "国务院办公厅关于严格规范涉企行政检查的意见", "安全生产法",
                     "山西省安全生产条例"],
    "003": ["洪洞县人民政府关于做好2024年安全生产工作的通知", "山西省人民政府关于做好2024年安全生产工作的通知",
            "临汾市人民政府关于做好2024年安全生产工作的通知", "中华人民共和国安全生产法", "山西省安全生产条例"],
    "临政发〔2020〕1号": ["关于推进安全生产领域改革发展的实施意见", "关于推进应急管理体制建设的意见", "地方党政领导干部安全生产责任制规定",
                     "实施细则"],
}

# the normalised regulation set of each corpus document
CORPUS_KEYS = {
    "临政发〔2024〕1号": {"中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见", "煤矿安全生产条例",
                     "临汾市工矿商贸领域生产安全事故警示教育和问责处置办法", "地方党政领导干部安全生产责任制规定", "临汾市实施细则",
                     "临汾市安全生产责任落实特别规定"},
    "忻政发〔2024〕1号": {"中华人民共和国安全生产法", "山西省安全生产条例", "中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见",
                     "煤矿安全生产条例", "忻州市非煤地下矿山防范冒顶片帮事故“八无八不”硬措施",
                     "忻州市金属非金属地下矿山隐蔽致灾因素普查治理“九必须九严禁”"},
    "襄政发〔2025〕1号": {"地方党政领导干部安全生产责任制规定", "国务院办公厅关于严格规范涉企行政检查的意见", "中华人民共和国安全生产法",
                     "山西省安全生产条例"},
    "临政发〔2020〕1号": {"关于推进安全生产领域改革发展的实施意见", "关于推进应急管理体制建设的意见", "地方党政领导干部安全生产责任制规定",
                     "临汾市实施细则"},
    "003": {"洪洞县人民政府关于做好2024年安全生产工作的通知", "山西省人民政府关于做好2024年安全生产工作的通知",
            "临汾市人民政府关于做好2024年安全生产工作的通知", "中华人民共和国安全生产法", "山西省安全生产条例"},
    # the reply letter names the law in full; the same key as 《安全生产法》 in 001 and 002
    "临政函〔2024〕14号": {"关于上报<临汾安泽山西永鑫通海铁路物流有限责任公司永鑫铁路专用线集运站2号机头房“11·24”较大坍塌事故调查报告>的请示",
                      "中华人民共和国安全生产法", "生产安全事故报告和调查处理条例"},
}


@pytest.fixture(scope="module")
def corpus_documents(corpus_files):
    return {(d.number or d.source_file[:3]): d for f in corpus_files for d in load_file(f).documents}


def test_corpus_citation_precision_recall(corpus_documents):
    """Document.cited_regulations against every 《…》 read by hand: precision and recall ≥ 0.98."""
    tp = fp = fn = 0
    for key, expected in CORPUS_TITLES.items():
        got = list(corpus_documents[key].cited_regulations)
        assert len(got) == len(set(got)), f"{key}: duplicates"
        tp += len(set(got) & set(expected))
        fp += len(set(got) - set(expected))
        fn += len(set(expected) - set(got))
    assert tp / (tp + fp) >= 0.98 and tp / (tp + fn) >= 0.98, (tp, fp, fn)


@pytest.mark.parametrize("key", sorted(CORPUS_TITLES))
def test_corpus_titles_in_order(corpus_documents, key):
    assert list(corpus_documents[key].cited_regulations) == CORPUS_TITLES[key]


def test_corpus_every_bracket_found(corpus_files):
    """Every 《 of the raw corpus opens exactly one found title (the corpus has no nesting of 《《)."""
    for f in corpus_files:
        raw = f.read_text(encoding="utf-8")
        starts = [a for _, a, _ in find_citations(raw)]
        assert starts == [m.start() for m in re.finditer("《", raw)], f.name


@pytest.mark.parametrize("key", sorted(CORPUS_KEYS))
def test_corpus_normalised_regulations(corpus_documents, key):
    d = corpus_documents[key]
    assert {normalise_regulation(t, d.jurisdiction).key for t in d.cited_regulations} == CORPUS_KEYS[key]


def test_gold_cited_regulations(corpus_documents):
    gold = json.loads((ROOT / "tests/data/gold/002_2c59d4dd41e2de7b.json").read_text(encoding="utf-8"))
    for doc in gold["documents"]:
        assert list(corpus_documents[doc["number"]].cited_regulations) == doc["cited_regulations"]


def test_corpus_document_numbers(corpus_files):
    """The 文号 printed in the corpus, each file in order (own numbers included)."""
    expected = {
        "000": ["临政发〔2024〕1号", "临政函〔2024〕11号", "国办函〔2023〕115号", "临政函〔2024〕12号", "国办函〔2023〕115号",
                "临政函〔2024〕13号", "临自然资字〔2024〕48号", "临政函〔2024〕14号", "临应急字〔2024〕19号"],
        "001": ["忻政发〔2024〕1号"],
        "002": ["襄政发〔2025〕1号"],
        "003": ["晋政发〔2024〕1号", "临政发〔2024〕1号"],
        "004": ["临政发〔2020〕1号", "临发〔2018〕1号"],
    }
    for f in corpus_files:
        got = [n for n, _, _ in find_document_numbers(f.read_text(encoding="utf-8"))]
        assert got == expected[f.name[:3]], f.name
