"""Glossary terms (loaders.glossary): the 专业术语注释 of corpus/003 and which tasks use them."""

from __future__ import annotations

import pytest

from loaders import load_file
from loaders.glossary import find_terms, term_variants, terms_used

ENTRIES = [
    # (glossary text, expected (label, definition)) — real entries of corpus/003
    ("5. “三管三必须”：管行业必须管安全、管业务必须管安全，管生产经营必须管安全。",
     [("三管三必须", "管行业必须管安全、管业务必须管安全，管生产经营必须管安全。")]),
    ("2. **“三严四查五五”**：以严肃的态度、严厉的措施、严实的作风压实安全责任；采取企业自查、部门排查、乡镇\n\n巡查、专家检查同步开展",
     [("三严四查五五", "以严肃的态度、严厉的措施、严实的作风压实安全责任；采取企业自查、部门排查、乡镇巡查、专家检查同步开展")]),
    ("1. “七化两下降一杜绝”：\n\n七化：安全红线意识持久化。两下降：事故总起数，死亡总人数双下降。\n\n一杜绝：杜绝重特大事故发生。",
     [("七化两下降一杜绝", "七化：安全红线意识持久化。两下降：事故总起数，死亡总人数双下降。一杜绝：杜绝重特大事故发生。")]),
    ("11. 安全宣传教育“五进”：安全宣传教育进企业、进农村、进社区、进学校、进家庭。",
     [("五进", "安全宣传教育进企业、进农村、进社区、进学校、进家庭。")]),
    ("12. “四不放过”原则：事故原因未查清楚不放过；整改措施未落实不放过。",
     [("四不放过", "事故原因未查清楚不放过；整改措施未落实不放过。")]),
    # other numbering styles, half-width colon, no quotes
    ("（1）双重预防机制: 安全风险分级管控和隐患排查治理。\n（2）“三同时”：同时设计、同时施工、同时投入生产和使用。",
     [("双重预防机制", "安全风险分级管控和隐患排查治理。"), ("三同时", "同时设计、同时施工、同时投入生产和使用。")]),
    # Chinese numerals; a section heading line without a definition is no entry
    ("四、名词解释\n（一）“三同时”：同时设计、同时施工。\n（二）两客一危：客车和危化品运输车辆。",
     [("三同时", "同时设计、同时施工。"), ("两客一危", "客车和危化品运输车辆。")]),
    # no colon: not an entry
    ("1. 说明文字没有冒号", []),
    ("", []),
]


@pytest.mark.parametrize("text,expected", ENTRIES)
def test_find_terms(text, expected):
    found = find_terms(text)
    assert [(label, definition) for label, definition, _, _ in found] == expected
    for _, _, a, b in found:
        assert text[a].isdigit() or text[a] in "（("
        assert not text[b - 1].isspace()


@pytest.mark.parametrize("label,variants", [
    ("四不放过", ("四不放过",)),
    ("三违行为", ("三违行为", "三违")),
    ("“四不放过”原则", ("“四不放过”原则", "“四不放过”")),
])
def test_term_variants(label, variants):
    assert term_variants(label) == variants


@pytest.mark.parametrize("text,labels,expected", [
    ("认真落实“三管三必须”工作要求", ["四不放过", "三管三必须"], ["三管三必须"]),
    ("按照…和“四不放过”的原则，认真组织事故调查评估", ["四不放过", "三管三必须"], ["四不放过"]),
    ("严格执行“三严四查五五”的工作机制和“四个一”工作标准", ["四个一", "三严四查五五"], ["三严四查五五", "四个一"]),
    ("持续深化反“三违”活动", ["三违行为"], ["三违行为"]),
    ("三 管三必须", ["三管三必须"], ["三管三必须"]),
    ("没有术语", ["三管三必须"], []),
])
def test_terms_used(text, labels, expected):
    assert terms_used(text, labels) == expected


def test_corpus_003_glossary(corpus_dir):
    """The twelve terms of 003's 专业术语注释, and the tasks that use them."""
    (doc,) = load_file(corpus_dir / "003_910978ec7eaa2ee3.txt").documents
    assert [t.label for t in doc.glossary] == [
        "七化两下降一杜绝", "三严四查五五", "四个一", "五不为过、五个必须", "三管三必须", "三违行为", "四查一倒追", "三同时",
        "两客一危一货", "三超一疲劳", "五进", "四不放过",
    ]
    raw = (corpus_dir / "003_910978ec7eaa2ee3.txt").read_text(encoding="utf-8")
    for term in doc.glossary:
        assert term.label in raw[term.start:term.end].replace("*", "")
    used = {t.id.split("#1/")[1]: t.terms for t in doc.tasks if t.terms}
    assert used["三/第一部分/三是/t1"] == ("三管三必须",)
    assert used["三/第九部分/三是/t1"] == ("四不放过",)
    assert "三严四查五五" in used["二/t1"]
