"""Sector classification (loaders.sectors): heading cues first, then the task text; against the gold."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from loaders import load_file
from loaders.sectors import GENERAL, classify, cue_hits, sector_codes, sector_table

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests/data/gold/002_2c59d4dd41e2de7b.json"

CODES = (
    "coal_mine", "non_coal_mine", "hazardous_chemicals", "metallurgy_industry_trade", "road_transport",
    "construction", "self_built_housing", "gas", "fire", "special_equipment", "forest_grassland_fire",
    "flood_drought", "geological_disaster", "earthquake", "meteorological_disaster", "emergency_rescue",
    "education_training", "general",
)


def test_codes_are_exactly_the_scheme():
    assert sector_codes() == CODES
    assert all(s.zh and s.en for s in sector_table())


# (heading titles top-down, task text, expected primary) — real snippets from corpus/
PRIMARY = [
    # the nearest heading that names a sector wins
    (["扎实抓好两个重点，坚决消除安全风险隐患", "深入开展治本攻坚专项整治", "煤矿"],
     "严格落实《中共中央办公厅国务院办公厅关于进一步加强矿山安全生产工作的意见》", "coal_mine"),
    (["开展治本攻坚三年行动，深化重点行业领域专项整治", "煤矿领域专项整治"],
     "贯彻落实《中共中央办公厅 国务院办公厅关于进一步加强矿山安全生产工作的意见》", "coal_mine"),
    (["深入开展治本攻坚专项整治", "金属非金属矿山和尾矿库"],
     "按照淘汰退出一批、整合重组一批、改造提升一批的原则，推动全市非煤矿山企业整合", "non_coal_mine"),
    (["加强重点灾种防范", "森林草原火灾"], "深入开展重大火险隐患排查整治。强化监测预警和群防群控。",
     "forest_grassland_fire"),
    (["深入开展治本攻坚专项整治", "危险化学品"], "认真落实全国危化品安全监管工作会议部署", "hazardous_chemicals"),
    (["深入开展治本攻坚专项整治", "冶金工贸"], "聚焦金属冶炼、粉尘渉爆、涉氨涉氯等高风险领域", "metallurgy_industry_trade"),
    (["深入开展治本攻坚专项整治", "交通运输"], "深化“一盔一带”安全守护行动，加大酒驾醉驾、无证驾驶等违法行为整治力度",
     "road_transport"),
    (["重点行业领域", "城市轨道交通"], "加强运营安全管理", "road_transport"),
    (["深入开展治本攻坚专项整治", "建设施工"], "深入开展房屋市政在建工程、公路工程等施工安全专项治理", "construction"),
    (["深化重点行业领域专项整治", "建设工程施工和经营性自建房领域专项整治"], "深入开展房屋市政在建工程", "construction"),
    (["深入开展治本攻坚专项整治", "经营性自建房"], "新改扩建必须依法办理审批手续，严禁违规加层加盖", "self_built_housing"),
    (["深入开展治本攻坚专项整治", "城镇燃气"], "持续推进城镇燃气安全专项整治", "gas"),
    (["深入开展治本攻坚专项整治", "消防"], "紧盯宾馆饭店、商场市场、集贸市场、公共娱乐场所、养老院等人员密集场所", "fire"),
    (["加强防灾减灾救灾工作", "水旱灾害"], "加强防汛抗旱准备和隐患排查。", "flood_drought"),
    (["加强防灾减灾救灾工作", "地质灾害"], "加强综合防治体系建设，重点实施避险搬迁、工程治理", "geological_disaster"),
    (["加强防灾减灾救灾工作", "地震灾害"], "积极配合实施山西地震烈度速报与预警工程", "earthquake"),
    (["加强防灾减灾救灾工作", "气象灾害"], "完善气象灾害应急指挥体系。", "meteorological_disaster"),
    (["加强应急响应能力，确保突发事件应对有序高效", "强化应急预案和应急演练"], "修订忻州市突发事件总体应急预案",
     "emergency_rescue"),
    (["重点强化十项工作，化解安全风险隐患", "强化应急抢险处置水平"], "组建地质灾害工程救援队", "emergency_rescue"),
    (["坚持思想政治引领，筑牢安全发展理念", "加大宣传引导"], "把安全生产纳入各级党委宣传计划", "education_training"),
    (["重点强化十项工作，化解安全风险隐患", "强化人员素质能力提升"], "学习先进地区经验做法", "education_training"),
    # a generic 矿山 heading is resolved by the text (non-coal first on a tie)
    (["重点强化十项工作，化解安全风险隐患", "强化矿山安全监督管理"],
     "加快推进非煤矿山转型升级；持续巩固尾矿库安全攻坚治理成果", "non_coal_mine"),
    (["坚决打赢两场攻坚战", "强化矿山安全监督管理"], "加强煤矿技术基础管理，强制规范煤矿采掘作业活动。", "coal_mine"),
    # a deeper heading without a cue leaves the decision to the nearest one that has one
    (["坚决打赢两场攻坚战", "多措并举、标本兼治，坚决打赢煤矿安全生产攻坚战", "严格检查执法"],
     "依法严厉打击以“五假五超三瞒三不”为代表的违法违规生产建设行为", "coal_mine"),
    (["坚决打赢两场攻坚战", "强本固基、管服并重，坚决打赢危化集中整治攻坚战", ""],
     "深入组织开展危化品本质安全三年提升行动", "hazardous_chemicals"),
    # no heading names a sector: the text decides only when one sector dominates several sentences
    ([], "加强煤矿技术基础管理。强制规范煤矿采掘作业活动。", "coal_mine"),
    (["着力加快推进信息化建设"], "推广“智慧应急”。推动钢铁、铝加工（深井铸造）、粉尘涉爆企业完成风险监测预警系统建设工作。",
     GENERAL),
    (["着力从根本上解决重大问题"],
     "着力解决金属非金属矿山、冶金工贸企业问题；着力解决建设工程消防审验问题；着力解决燃气老旧管网问题", GENERAL),
    # cross-cutting sectors come from headings only
    (["创新安全监管执法方式"], "加强执法人员培训。开展警示约谈。公开曝光典型案例。", GENERAL),
    # cue words that straddle word boundaries are not cues
    (["强化重大风险源头管控"], "健全完善安全风险评估制度。强化工作机制。", GENERAL),
    # a short task (a table row) whose first words name a sector; not when the cue comes later in a list
    ([], "开展城镇燃气安全专项整治，重点排查老旧管网和餐饮场所", "gas"),
    ([], "组织开展在建工程防汛安全专项检查", "construction"),
    ([], "开展人员密集场所、高层建筑消防安全检查", "fire"),  # a list of one sector's cues
    ([], "开展渔船、商船防台避风检查", "road_transport"),
    ([], "建筑施工及市政建设", "construction"),  # a list whose next item names no sector
    ([], "抓好森林草原火灾、水旱灾害、地质灾害等防范", GENERAL),  # a list of several sectors
    ([], "加强重大风险源头管控。推动开发区、工业园区、化工园区等重点区域制定禁止类产业目录。", GENERAL),
    # heading cues: 森林消防 is forest fire, never 消防; a 工贸 hazard names its sector
    (["森林消防"], "加强野外火源管控。", "forest_grassland_fire"),
    (["强化粉尘涉爆企业管控"], "严格落实粉尘防爆安全规定。", "metallurgy_industry_trade"),
    (["加强人员密集场所管控"], "确保安全出口、疏散通道畅通。", "fire"),
    (["强化应急值守和信息报送"], "严格落实领导带班和24小时值班制度。", GENERAL),  # duty shifts name no sector
    (["做好应急准备"], "完善应急预案，充实应急物资储备。", "emergency_rescue"),
    (["对铸造行业开展排查"], "对全县铸造、有色金属冶炼企业开展一次全覆盖排查。", "metallurgy_industry_trade"),
    # nothing at all
    ([], "各级各部门要牢固树立安全生产红线意识", GENERAL),
    ([], "", GENERAL),
]


@pytest.mark.parametrize("titles,text,expected", PRIMARY)
def test_primary_sector(titles, text, expected):
    assert classify(titles, text)[0] == expected


@pytest.mark.parametrize("titles,text,expected", [
    (["建设工程施工和经营性自建房领域专项整治"], "", ("construction", "self_built_housing")),
    (["地质灾害"], "开展地质灾害精细化调查", ("geological_disaster",)),
    (["强化完善工作机制"], "抓好森林草原火灾、水旱灾害、地质灾害等重点灾种的防范。",
     (GENERAL, "forest_grassland_fire", "flood_drought", "geological_disaster")),
    # an ancestor heading's sector follows the nearest one's
    (["坚决打赢煤矿安全生产攻坚战", "实施人员素质提升工程"], "", ("education_training", "coal_mine")),
])
def test_all_sectors_primary_first(titles, text, expected):
    assert classify(titles, text) == expected


@pytest.mark.parametrize("text,cues", [
    ("推动全市非煤矿山企业整合", ["非煤矿山"]),  # never 煤矿
    ("森林草原火灾", ["森林草原火灾"]),  # never 火灾
    ("强化重大风险源头管控", []),
    ("加强消防救援队伍建设", ["消防救援"]),
])
def test_longest_cue_first(text, cues):
    assert [c for c, _ in cue_hits(text)] == cues


def test_every_cue_belongs_to_one_sector():
    with open(ROOT / "loaders/data/sectors.toml", "rb") as f:
        raw = tomllib.load(f)
    seen: dict[tuple[str, str], str] = {}
    for code, v in raw["sector"].items():
        for part in ("heading", "body"):
            for cue in v.get(part, []):
                assert (part, cue) not in seen, f"{cue} is a {part} cue of {seen[(part, cue)]} and {code}"
                seen[(part, cue)] = code
    for cue, codes in raw["ambiguous"].items():
        assert all(c in CODES for c in codes)


def test_result_is_always_valid():
    for titles, text, _ in PRIMARY:
        out = classify(titles, text)
        assert out and len(set(out)) == len(out) and set(out) <= set(CODES)


@pytest.fixture(scope="module")
def gold_pairs():
    """(gold sector, extracted task sectors) for every gold duty of corpus/002."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    sf = load_file(ROOT / "corpus" / gold["file"])
    tasks = [t for d in sf.documents for t in d.tasks]
    pairs = []
    for doc in gold["documents"]:
        for duty in doc["duties"]:
            task = next(t for t in tasks if duty["anchor"] in t.text.replace(" ", "").replace("*", ""))
            pairs.append((duty["sector"], task.sectors))
    return pairs


def test_gold_sector_accuracy(gold_pairs):
    """Primary sector of the pipeline's tasks vs the hand-made gold (21 duties; 21 right when written)."""
    right = sum(g == got[0] for g, got in gold_pairs)
    assert right / len(gold_pairs) >= 0.95, [(g, got) for g, got in gold_pairs if g != got[0]]


def test_corpus_headings_decide(corpus_dir):
    """Every 000/001 task under a sector-named heading carries that sector first."""
    expected = {"煤矿": "coal_mine", "金属非金属矿山和尾矿库": "non_coal_mine", "危险化学品": "hazardous_chemicals",
                "冶金工贸": "metallurgy_industry_trade", "交通运输": "road_transport", "建设施工": "construction",
                "经营性自建房": "self_built_housing", "城镇燃气": "gas", "消防": "fire",
                "森林草原火灾": "forest_grassland_fire", "水旱灾害": "flood_drought", "地质灾害": "geological_disaster",
                "地震灾害": "earthquake", "气象灾害": "meteorological_disaster", "煤矿领域专项整治": "coal_mine",
                "燃气领域专项整治": "gas", "消防领域专项整治": "fire"}
    seen = 0
    for name in ("000_52a272d02e943534.txt", "001_21558e30cd176ac4.txt"):
        for d in load_file(corpus_dir / name).documents:
            title = {s.id: s.title for s in d.sections}
            for t in d.tasks:
                if title.get(t.section_id) in expected:
                    assert t.sector == expected[title[t.section_id]], (t.id, t.sectors)
                    seen += 1
    assert seen >= 20


@pytest.mark.parametrize("title,expected", [
    ("关于印发工贸行业安全生产十条措施的通知", "metallurgy_industry_trade"),
    ("关于做好第14号台风“灿都”防御工作的通知", "meteorological_disaster"),
    ("关于切实做好抗雪防冻工作的通知", "meteorological_disaster"),
    ("关于做好2024年安全生产工作的通知", None),
    ("关于授权临汾市交通运输局为洪洞至大宁高速公路工程等项目实施机构的批复", None),  # a unit's name, not a topic
    ("关于加强燃气和消防安全工作的通知", None),  # two sectors: no single topic
    ("关于开展城镇燃气等重点领域安全隐患排查整治的通知", None),  # one of several
    ("关于苏州工业园区化工集中区安全整治提升方案的批复", "hazardous_chemicals"),
    ("关于集运站2号机头房铁路专用线坍塌事故调查报告的批复", None),  # an accident's place, not a topic
    ("关于开展露天矿山专项整治的通知", "non_coal_mine"),
])
def test_title_sector(title, expected):
    from loaders.sectors import title_sector

    assert title_sector(title) == expected


def test_a_notice_about_one_sector_gives_it_to_tasks_that_name_none():
    from loaders import load_text

    raw = ("测试区应急管理局\n关于印发工贸行业安全生产十条措施的通知\n测应急〔2024〕9号\n各街道办事处：\n"
           "一、严格企业主体责任\n（一）企业主要负责人每月组织一次全员安全检查。\n二、加强燃气管理\n"
           "（二）开展燃气安全检查。\n\n测试区应急管理局\n2024年5月6日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert [t.sector for t in d.tasks] == ["metallurgy_industry_trade", "gas"]
