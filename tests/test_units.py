"""Unit kinds and jurisdiction-scoped canonical names."""

import pytest

from loaders.units import canonical_name, split_list, unit_kind

KINDS = [
    ("市应急局", "department"), ("县消防救援大队", "department"), ("国家矿山安监局山西局执法十处", "department"),
    ("市公安局交警支队", "department"), ("各县（市、区）人民政府", "government"), ("临汾经济开发区管委会", "government"),
    ("各乡（镇）人民政府", "government"), ("洛满镇", "government"), ("里湖瑶族乡", "government"), ("城镇", "other"), ("各相关县（市、区）政府", "government"), ("市安委办", "committee"),
    ("县安委会成员单位", "committee"), ("市安委会各成员单位", "committee"), ("各安全生产专业委员会", "committee"),
    ("市自建房整治专班各成员部门", "committee"), ("市委宣传部", "party"), ("各级党委", "party"),
    ("企业", "enterprise"), ("生产经营单位", "enterprise"), ("有关部门", "vague"), ("市直有关部门", "vague"),
    ("负有安全监管职责的部门", "vague"), ("各级各部门", "vague"), ("相关部门", "vague"),
    ("各行业主管部门", "vague"), ("市安委会有关成员单位", "vague"), ("监管部门", "vague"),
    ("市发展改革委", "department"), ("市卫健委", "department"), ("各成员单位", "vague"), ("县直各单位", "vague"),
    ("重点企业", "enterprise"), ("相关生产经营单位", "enterprise"), ("各用人单位", "enterprise"),
    ("各县（市、区）应急管理局", "department"), ("各乡镇安监站", "department"), ("各乡镇人民政府", "government"),
    ("各县（市、区）人民政府", "government"), ("乡镇", "government"), ("各地各部门", "vague"), ("市政府各部门", "vague"),
    ("临港经开区", "government"), ("吉安高新区", "government"), ("各化工园区", "government"),
    ("开发区应急管理局", "department"),
    ("各县（市、区）应急管理部门", "department"), ("各牵头单位", "vague"), ("大型商场超市", "enterprise"),
    ("各街镇", "government"), ("州委编办", "party"), ("旗委宣传部", "party"),
    ("施工单位", "enterprise"), ("客运站", "enterprise"), ("二级以上医院", "other"), ("各级各类医疗机构", "other"),
    ("各中小学校", "other"), ("县人民法院", "department"),
    ("各镇", "government"), ("各镇派出所", "department"), ("各地区", "vague"), ("剧本娱乐经营场所", "enterprise"),
    ("网络餐饮平台", "enterprise"), ("市公共资源交易平台", "other"),
]


@pytest.mark.parametrize("name,kind", KINDS)
def test_unit_kind(name, kind):
    assert unit_kind(name) == kind


CANONICAL = [
    ("市应急局", "临汾市", ("临汾市应急管理局", "emergency_management")),
    ("市应急局", "忻州市", ("忻州市应急管理局", "emergency_management")),
    ("市应急管理局", "临汾市", ("临汾市应急管理局", "emergency_management")),
    ("县应急管理局", "襄汾县", ("襄汾县应急管理局", "emergency_management")),
    ("市应急局", "襄汾县", ("临汾市应急管理局", "emergency_management")),
    ("市城管局", "忻州市", ("忻州市城市管理局", "urban_management")),
    ("市交通局", "临汾市", ("临汾市交通运输局", "transport")),
    ("市发展改革委", "临汾市", ("临汾市发展和改革委员会", "development_reform")),
    ("市行政审批局", "忻州市", ("忻州市行政审批服务管理局", "administrative_approval")),
    ("市文旅局", "临汾市", ("临汾市文化和旅游局", "culture_tourism")),
    ("市卫健委", "临汾市", ("临汾市卫生健康委员会", "health")),
    ("市市场监管局", "临汾市", ("临汾市市场监督管理局", "market_regulation")),
    ("县市场监管局", "襄汾县", ("襄汾县市场监督管理局", "market_regulation")),
    ("市委宣传部", "临汾市", ("临汾市委宣传部", "party_publicity")),
    ("负有安全监管职责的部门", "临汾市", ("临汾市负有安全监管职责的部门", "")),
    ("临汾经济开发区管委会", "临汾市", ("临汾经济开发区管委会", "")),
    ("国家矿山安监局山西局执法十处", "临汾市", ("国家矿山安监局山西局执法十处", "")),
    ("襄汾经济开发区管委会", "襄汾县", ("襄汾经济开发区管委会", "")),
    # every spelling of a name's brackets is one unit
    ("各县〔市、区〕人民政府", "吕梁市", ("吕梁市各县（市、区）人民政府", "")),
    ("各县[市、区]人民政府", "吕梁市", ("吕梁市各县（市、区）人民政府", "")),
]


@pytest.mark.parametrize("name,jurisdiction,expected", CANONICAL)
def test_canonical_name(name, jurisdiction, expected):
    assert canonical_name(name, jurisdiction) == expected


@pytest.mark.parametrize("text,expected", [
    ("各县(市、区)人民政府,临汾经济开发区管委会,市直各室、委、局,直属事业单位".translate(str.maketrans("(),", "（），")),
     ["各县（市、区）人民政府", "临汾经济开发区管委会", "市直各室、委、局", "直属事业单位"]),
    ("各县、市、区人民政府，各开发区、风景区管委会，市直有关部门",
     ["各县、市、区人民政府", "各开发区", "风景区管委会", "市直有关部门"]),  # areas are complete names
    ("各区县人民政府，临港经开区、三江新区管委会", ["各区县人民政府", "临港经开区", "三江新区管委会"]),
    ("各市、州人民政府，省直有关部门", ["各市、州人民政府", "省直有关部门"]),  # one enumeration of areas
    ("县委、县政府", ["县委", "县政府"]),
    ("县委，人大常委会，县政协，县法院", ["县委", "人大常委会", "县政协", "县法院"]),
    ("各县(市、区)人民政府、各乡(镇)人民政府、市直各有关部门",
     ["各县(市、区)人民政府", "各乡(镇)人民政府", "市直各有关部门"]),
])
def test_split_addressee_lists(text, expected):
    assert split_list(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("市应急局和市公安局", ["市应急局", "市公安局"]),
    ("县委和县政府", ["县委", "县政府"]),
    ("各级党委和政府", ["各级党委和政府"]),  # 政府 does not stand alone: one unit
    ("各级安委会及其办公室", ["各级安委会及其办公室"]),  # 其 is the body before: one unit
    ("各乡镇党委和政府、各有关部门", ["各乡镇党委和政府", "各有关部门"]),
    ("各市、州人民政府", ["各市、州人民政府"]),  # one enumeration of areas sharing a head
    ("各市、州、直管市、神农架林区人民政府", ["各市、州、直管市、神农架林区人民政府"]),
    ("县水利局、县应急管理局", ["县水利局", "县应急管理局"]),
    ("各旗县市（区）、市安委会各成员单位", ["各旗县市（区）", "市安委会各成员单位"]),
    ("各街镇、区有关行业主管部门", ["各街镇", "区有关行业主管部门"]),
    ("市安委办（市应急管理局）", ["市安委办"]),  # the office, not the bureau it sits in
    ("县林业局（县林长办）", ["县林业局"]),  # the bureau, not the office it hosts
    ("各团场、石河子经济技术开发区", ["各团场", "石河子经济技术开发区"]),
    ("苏木机关和各嘎查", ["苏木机关", "各嘎查"]),
    ("市委宣传部（市新闻办）、市应急局", ["市委宣传部", "市应急局"]),
    ("各镇人民政府（街道办事处）", ["各镇人民政府（街道办事处）"]),
    ("城建办、派出所（交通中队）、消防站", ["城建办", "派出所（交通中队）", "消防站"]),  # a unit with what it includes
    ("安监、交通、农业（农机）、公安等部门", ["安监", "交通", "农业（农机）", "公安"]),  # sector words, one qualified
    ("教育、农机、文物、卫生和食品药品、通讯等行业监管部门", ["教育", "农机", "文物", "卫生和食品药品", "通讯"]),
])
def test_split_units_on_conjunctions(text, expected):
    from loaders.units import split_units

    assert [m.name for m in split_units(text)[0]] == expected


@pytest.mark.parametrize("name,expected", [
    ("各县（市、区）人民政府", True),
    ("市应急局", True),
    ("各县（市、区）不再单独", False),  # a clause that cancels, not a unit (units.never_within)
    ("各县区无需", False),
    ("区政府主要负责人每季度至少组", False),  # a person, and a time
    ("县级党委政府领导定期组织专题会", False),
])
def test_is_unit_like(name, expected):
    from loaders.units import is_unit_like

    assert is_unit_like(name) is expected
