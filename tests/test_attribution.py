"""Attribution strings -> (name, role, kind) lists. A new cue is one data entry plus one row here."""

import pytest

from loaders import load_text
from loaders.attribution import parse_attribution
from loaders.units import unit_kind

CASES = [
    # (content of the bracket, expected [(name, role, kind)], open_list)
    ("市委宣传部、市委组织部、市应急局分工负责",
     [("市委宣传部", "shared", "party"), ("市委组织部", "shared", "party"), ("市应急局", "shared", "department")], False),
    ("市应急局等部门负责", [("市应急局", "responsible", "department")], True),
    ("责任处室：危化处、监管一处", [("危化处", "responsible", "department"), ("监管一处", "responsible", "department")], False),
    ("市住建局牵头，市自建房整治专班各成员部门分工负责",
     [("市住建局", "lead", "department"), ("市自建房整治专班各成员部门", "shared", "committee")], False),
    ("市城市管理局牵头,市商务局、市应急局、市市场监管局等部门分工负责",
     [("市城市管理局", "lead", "department"), ("市商务局", "shared", "department"),
      ("市应急局", "shared", "department"), ("市市场监管局", "shared", "department")], True),
    ("负有安全监管职责的部门督促企业落实",
     [("负有安全监管职责的部门", "oversee", "vague"), ("企业", "responsible", "enterprise")], False),
    # a label naming the person too; the leader after a unit's name is no part of it
    ("责任单位及责任人：呈贡县政府、市发改委、市公安消防支队主要领导",
     [("呈贡县政府", "responsible", "government"), ("市发改委", "responsible", "department"),
      ("市公安消防支队", "responsible", "department")], False),
    # a head printed alone after 、 shares the name before it; an administrative office (行政公署) is a government
    ("市委组织部、各县区党委、政府分工负责",
     [("市委组织部", "shared", "party"), ("各县区党委、政府", "shared", "party")], False),
    ("自治区各部门、各州市人民政府、各行政公署分工负责",
     [("自治区各部门", "shared", "vague"), ("各州市人民政府", "shared", "government"),
      ("各行政公署", "shared", "government")], False),
    ("县级负有安全生产监管职责的部门、国家金融监督管理总局襄汾监管支局指导督促企业落实",
     [("县级负有安全生产监管职责的部门", "oversee", "vague"),
      ("国家金融监督管理总局襄汾监管支局", "oversee", "department"), ("企业", "responsible", "enterprise")], False),
    ("市工信局、市商务局、市应急局等部门督促落实",
     [("市工信局", "oversee", "department"), ("市商务局", "oversee", "department"),
      ("市应急局", "oversee", "department")], True),
    ("市安委会有关成员单位负责并督促企业落实",
     [("市安委会有关成员单位", "responsible", "vague"), ("市安委会有关成员单位", "oversee", "vague"),
      ("企业", "responsible", "enterprise")], False),
    ("市安委办和市直有关部门分工负责", [("市安委办", "shared", "committee"), ("市直有关部门", "shared", "vague")], False),
    ("市规划和自然资源局牵头，市应急局、市公安局等部门分工负责",
     [("市规划和自然资源局", "lead", "department"), ("市应急局", "shared", "department"),
      ("市公安局", "shared", "department")], True),
    ("市气象局、市住建局和公路、水路、铁路、民航、水利、电力、通信等专业建设工程主管部门分工负责",
     [("市气象局", "shared", "department"), ("市住建局", "shared", "department"),
      ("公路、水路、铁路、民航、水利、电力、通信等专业建设工程主管部门", "shared", "vague")], True),
    ("市应急局会同市公安局分工负责", [("市应急局", "lead", "department"), ("市公安局", "shared", "department")], False),
    ("市自然资源局牵头，市应急局、市公安局等部门配合",
     [("市自然资源局", "lead", "department"), ("市应急局", "support", "department"),
      ("市公安局", "support", "department")], True),
    ("牵头单位：市应急局；配合单位：市公安局、市交通局",
     [("市应急局", "lead", "department"), ("市公安局", "support", "department"), ("市交通局", "support", "department")],
     False),
    ("责任单位:县应急管理局、县自然资源局", [("县应急管理局", "responsible", "department"),
                                         ("县自然资源局", "responsible", "department")], False),
    ("由市应急局负责，市消防救援支队配合",
     [("市应急局", "responsible", "department"), ("市消防救援支队", "support", "department")], False),
    # departments named by their sector words, sharing one head: each its own unit (the list is open)
    ("发展改革、工业和信息化、行政审批等部门负责",
     [("发展改革", "responsible", "department"), ("工业和信息化", "responsible", "department"),
      ("行政审批", "responsible", "department")], True),
    ("交通运输、公安交警、应急管理部门负责",
     [("交通运输", "responsible", "department"), ("公安交警", "responsible", "department"),
      ("应急管理部门", "responsible", "department")], False),
    # …not areas sharing a head
    ("各市、县政府负责", [("各市、县政府", "responsible", "government")], False),
    # …not a list whose shared head is longer than a generic 部门
    ("公路、水路、铁路、民航、水利、电力、通信等专业建设工程主管部门分工负责",
     [("公路、水路、铁路、民航、水利、电力、通信等专业建设工程主管部门", "shared", "vague")], True),
    ("责任单位：市应急局 完成时限：2024年12月底前".replace(" ", ""), [("市应急局", "responsible", "department")], False),
    ("各县区政府负责，市应急局督导",
     [("各县区政府", "responsible", "government"), ("市应急局", "oversee", "department")], False),
    ("市应急局负总责", [("市应急局", "responsible", "department")], False),
    ("市应急局负责，2024年6月底前完成", [("市应急局", "responsible", "department")], False),
    ("省应急厅牵头，省有关部门配合；完成时限：长期坚持",
     [("省应急厅", "lead", "department"), ("省有关部门", "support", "vague")], False),
    ("市应急局负责；时间节点：每季度", [("市应急局", "responsible", "department")], False),
    # a role marked after one name of the list
    # a name in a labelled list with its own role phrase; 落实属地责任 is a role phrase
    ("责任单位：各县（市、区）人民政府，市直有关部门按职责分工负责",
     [("各县（市、区）人民政府", "responsible", "government"), ("市直有关部门", "shared", "vague")], False),
    ("市应急局、市公安局按职责分工负责，各县（市、区）人民政府落实属地责任",
     [("市应急局", "shared", "department"), ("市公安局", "shared", "department"),
      ("各县（市、区）人民政府", "responsible", "government")], False),
    ("市应急局（牵头单位）、市公安局负责", [("市应急局", "lead", "department"), ("市公安局", "responsible", "department")],
     False),
    ("市能源局（牵头）、市应急局、市公安局负责", [("市能源局", "lead", "department"),
                                     ("市应急局", "responsible", "department"), ("市公安局", "responsible", "department")],
     False),
    ("市应急局牵头，市公安局配合，持续推进", [("市应急局", "lead", "department"), ("市公安局", "support", "department")],
     False),
    ("有关部门督促指导生产经营单位落实",
     [("有关部门", "oversee", "vague"), ("生产经营单位", "responsible", "enterprise")], False),
    ("县应急管理局、县自然资源局等部门分工负责",
     [("县应急管理局", "shared", "department"), ("县自然资源局", "shared", "department")], True),
    ("各县（市、区）人民政府、市安委办协助", [("各县（市、区）人民政府", "support", "government"),
                                           ("市安委办", "support", "committee")], False),
    ("各县(市、区)人民政府负责", [("各县(市、区)人民政府", "responsible", "government")], False),
    ("市应急局牵头，各县(市、区)人民政府、各乡(镇)人民政府配合",
     [("市应急局", "lead", "department"), ("各县(市、区)人民政府", "support", "government"),
      ("各乡(镇)人民政府", "support", "government")], False),
    ("牵头单位：市应急局；责任单位：各县（市、区)人民政府、市直有关部门",
     [("市应急局", "lead", "department"), ("各县（市、区)人民政府", "responsible", "government"),
      ("市直有关部门", "responsible", "vague")], False),
    ("牵头单位：市应急管理局；\n配合单位：市工信局",
     [("市应急管理局", "lead", "department"), ("市工信局", "support", "department")], False),
    ("市应急局、市住建局、市交通运输局等行业主管部门指导督促企业落实",
     [("市应急局", "oversee", "department"), ("市住建局", "oversee", "department"),
      ("市交通运输局", "oversee", "department"), ("企业", "responsible", "enterprise")], True),
    ("责任单位：区应急局安全生产基础科", [("区应急局安全生产基础科", "responsible", "department")], False),
    ("中国铁路广州局集团有限公司长沙工务段、岳阳车务段等单位负责",
     [("中国铁路广州局集团有限公司长沙工务段", "responsible", "department"), ("岳阳车务段", "responsible", "department")], True),
    ("县应急管理局负责汇总", [("县应急管理局", "responsible", "department")], False),
    ("市应急管理局统筹协调", [("市应急管理局", "lead", "department")], False),
    ("责任单位：省财政厅；责任领导：王志强", [("省财政厅", "responsible", "department")], False),
    ("分别由市住建局、市商务局负责", [("市住建局", "responsible", "department"), ("市商务局", "responsible", "department")], False),
    ("市交通局、市公安局分别牵头", [("市交通局", "lead", "department"), ("市公安局", "lead", "department")], False),
    ("市住建局、市城管局按职责分别牵头", [("市住建局", "lead", "department"), ("市城管局", "lead", "department")], False),
    ("各县区政府负主体责任，市直有关部门指导督促",
     [("各县区政府", "responsible", "government"), ("市直有关部门", "oversee", "vague")], False),
    ("市安委会办公室统筹，各专委会具体负责",
     [("市安委会办公室", "lead", "committee"), ("各专委会", "responsible", "committee")], False),
    ("责任单位：市应急局；协同单位：市公安局", [("市应急局", "responsible", "department"), ("市公安局", "support", "department")], False),
    ("牵头责任单位：县安委办；责任单位：大英经开区、县经科局；治理时限：2022年4月",
     [("县安委办", "lead", "committee"), ("大英经开区", "responsible", "government"), ("县经科局", "responsible", "department")],
     False),
    ("牵头责任单位：县委宣传部、县应急管理局，协同责任单位：县安委会各成员单位",
     [("县委宣传部", "lead", "party"), ("县应急管理局", "lead", "department"), ("县安委会各成员单位", "support", "committee")], False),
    ("市应急局负责指导，各县区负责落实", [("市应急局", "oversee", "department"), ("各县区", "responsible", "government")], False),
    ("省安委会有关成员单位按职责分工指导督促企业落实",
     [("省安委会有关成员单位", "oversee", "vague"), ("企业", "responsible", "enterprise")], False),
    ("本部分各项任务由市住建局牵头，市市场监管局配合", [("市住建局", "lead", "department"), ("市市场监管局", "support", "department")], False),
    ("市城市管理局督促燃气经营企业落实", [("市城市管理局", "oversee", "department"), ("燃气经营企业", "responsible", "enterprise")], False),
    ("市教育局督促学校、医疗机构、餐饮企业落实", [("市教育局", "oversee", "department"), ("学校", "responsible", "other"),
                                              ("医疗机构", "responsible", "other"), ("餐饮企业", "responsible", "enterprise")], False),
    ("市能源局督促辖区企业落实", [("市能源局", "oversee", "department"), ("企业", "responsible", "enterprise")], False),
    ("市应急局牵头、市消防救援支队配合", [("市应急局", "lead", "department"), ("市消防救援支队", "support", "department")], False),
    ("市教育局为责任单位", [("市教育局", "responsible", "department")], False),
    ("责任单位为市文旅广体局、市商务局", [("市文旅广体局", "responsible", "department"), ("市商务局", "responsible", "department")], False),
    ("市文旅广体局为牵头单位，市商务局为配合单位", [("市文旅广体局", "lead", "department"), ("市商务局", "support", "department")], False),
]


@pytest.mark.parametrize("content,expected,open_list", CASES)
def test_attribution(content, expected, open_list):
    a = parse_attribution(content)
    assert a is not None
    assert [(u.name, u.role, unit_kind(u.name)) for u in a.units] == expected
    assert a.open_list is open_list


@pytest.mark.parametrize("content", [
    "集中布局、集群发展和降低安全风险等级", "深井铸造", "临应急字〔2024〕19号", "依法应当保密的除外", "蒲县至光华段",
    "突发事件应急包保责任制和防火、防汛、地震和地质灾害应急预案",
])
def test_not_an_attribution(content):
    assert parse_attribution(content) is None


def test_default_clause_is_read_apart_from_the_units():
    a = parse_attribution("市安委会各成员单位、各县（市、区）人民政府和临汾经济开发区管委会负责。"
                          "以下均需各县（市、区）人民政府和临汾经济开发区管委会负责，不再一一列出")
    assert [u.name for u in a.units] == ["市安委会各成员单位", "各县（市、区）人民政府", "临汾经济开发区管委会"]
    assert [(u.name, u.role) for u in a.defaults] == [("各县（市、区）人民政府", "responsible"),
                                                     ("临汾经济开发区管委会", "responsible")]


def test_a_default_that_says_it_will_not_be_noted_again():
    a = parse_attribution("市委组织部、各有关部门分工负责；以下各项工作均需各县区、兰州高新区具体落实，不再注明")
    assert [(u.name, u.role) for u in a.units] == [("市委组织部", "shared"), ("各有关部门", "shared")]
    assert [(u.name, u.role) for u in a.defaults] == [("各县区", "responsible"), ("兰州高新区", "responsible")]


def test_a_default_that_says_it_will_not_be_repeated():
    a = parse_attribution("县委宣传部牵头，县安委会各成员单位协同。各镇（园区）落实属地管理责任，"
                          "以下均需各乡镇（园区）落实属地管理责任，不再重复列出")
    assert [(u.name, u.role) for u in a.units] == [("县委宣传部", "lead"), ("县安委会各成员单位", "support"),
                                                  ("各镇（园区）", "responsible")]
    assert [(u.name, u.role) for u in a.defaults] == [("各乡镇（园区）", "responsible")]


@pytest.mark.parametrize("content", [
    "责任单位：区应急局；配合单位：各街道办事处。以下各条均需各街道办事处配合，不再一一列出",
    "责任单位：区应急局；配合单位：各街道办事处。以下均需各街道办事处配合，不再一一列出",
])
def test_a_default_after_a_labelled_list(content):
    a = parse_attribution(content)
    assert [(u.name, u.role) for u in a.units] == [("区应急局", "responsible"), ("各街道办事处", "support")]
    assert [(u.name, u.role) for u in a.defaults] == [("各街道办事处", "support")]


def test_table_cell_without_role_words_reads_as_responsible():
    a = parse_attribution("各县（市、区）政府、忻州经济开发区管委会，市行政审批局等有关部门", table=True)
    assert [(u.name, u.role) for u in a.units] == [("各县（市、区）政府", "responsible"),
                                                  ("忻州经济开发区管委会", "responsible"),
                                                  ("市行政审批局", "responsible")]
    assert a.open_list


_HEAD = "测试市人民政府\n关于做好2025年安全生产工作的通知\n测政发〔2025〕1号\n\n各县（市、区）人民政府：\n"
_TAIL = "（一）开展煤矿安全检查（市能源局负责）。\n（二）开展危化品检查。\n\n测试市人民政府\n2025年1月1日\n"
_COUNTIES = "各县（市、区）人民政府"


@pytest.mark.parametrize("heading", [
    "一、压实责任（以下任务均需各县（市、区）人民政府负责落实，不再一一列出）\n",  # on the heading
    "一、压实责任\n（以下任务均需各县（市、区）人民政府负责落实，不再一一列出）\n",  # on a line of its own below it
    "一、压实责任\n（以下均需各县（市、区）人民政府负责，不再一一列出）\n",
])
def test_a_heading_default_reaches_every_task_under_it(heading):
    d = load_text(_HEAD + heading + _TAIL, "t.txt").documents[0]
    assert [[(a.name, a.inherited) for a in t.assignments] for t in d.tasks] == [
        [("市能源局", False), (_COUNTIES, True)], [(_COUNTIES, True)]]
    assert [(c.task_id.rsplit("/", 2)[-2], [u.name for u in c.units]) for c in d.defaults] == [("(一)", [_COUNTIES])]
    assert d.unplaced == ()


BARE_LISTS = [
    # (task line, expected [(name, role)]): a bracket of unit names only, ending a sentence, names who is responsible
    ("（一）强化执法检查。（市应急局、市公安局）\n", [("市应急局", "responsible"), ("市公安局", "responsible")]),
    ("（一）强化执法检查（市应急局）。\n", [("市应急局", "responsible")]),
    ("（一）强化执法检查。（各县区政府，市有关部门）\n", [("各县区政府", "responsible"), ("市有关部门", "responsible")]),
    # not attributions: a scope inside the sentence, an abbreviation, a short word, a person's unit
    ("（一）健全村（社区）安全网格。\n", []),
    ("（一）设立市安全生产委员会办公室（以下简称市安委办）。\n", []),
    ("（一）强化执法检查（含市应急局）。\n", []),
    ("（一）校对：李典（市应急局）\n", []),
    ("（一）情况报送县安委办（县应急管理局）。\n", []),  # a name in apposition
    # a table's owner cell a copy put on a line of its own under the task; not one name alone (a signature's)
    ("（一）开展教育培训，推动主要负责人培训全覆盖。\n市应急管理局、市消防救援支队、市卫生健康局\n",
     [("市应急管理局", "responsible"), ("市消防救援支队", "responsible"), ("市卫生健康局", "responsible")]),
    ("（一）开展教育培训，推动主要负责人培训全覆盖。\n市应急管理局\n", []),
]


@pytest.mark.parametrize("line,expected", BARE_LISTS)
def test_a_bare_unit_list_ending_a_sentence(line, expected):
    d = load_text(_HEAD + "一、重点任务\n" + line + "\n测试市人民政府\n2025年1月1日\n", "t.txt").documents[0]
    assert [(a.name, a.role) for t in d.tasks for a in t.assignments] == expected
    assert {t.source for t in d.tasks} == {"parenthetical" if expected else "none"}


@pytest.mark.parametrize("ending", ["责任单位：省财政厅", "责任单位：省财政厅\n", "责任单位：省财政厅\r\n\r\n",
                                    "牵头单位：省财政厅 配合单位：省应急厅", "。责任单位：省财政厅"])
def test_a_labelled_line_may_end_the_file(ending):
    raw = _HEAD + "一、重点工作\n1．严格落实责任制。将安全生产纳入年度工作要点。\n" + ending
    d = load_text(raw, "t.txt").documents[0]
    assert [a.name for t in d.tasks for a in t.assignments][:1] == ["省财政厅"]
    assert d.unplaced == ()


def test_an_open_list_in_the_sentence():
    raw = _HEAD + "一、重点任务\n（一）加强监管。市生态环境局、市自然资源和规划局等部门要按照职责分工给予支持。\n" \
        "（二）加强执法。市应急局要加强执法。\n\n测试市人民政府\n2025年1月1日\n"
    d = load_text(raw, "t.txt").documents[0]
    assert [(t.open_list, [(a.name, a.role) for a in t.assignments]) for t in d.tasks] == [
        (True, [("市生态环境局", "shared"), ("市自然资源和规划局", "shared")]), (False, [("市应急局", "responsible")])]


def test_same_below_names_the_owners_of_the_tasks_after_it_that_name_none():
    raw = _HEAD + "一、重点任务\n（一）加强监管。开展燃气检查。（市安委办牵头，市安委会各成员单位按职责分工负责，下同）\n" \
        "（二）加强执法。开展执法检查。\n（三）加强培训。开展培训（市人社局负责）。\n\n测试市人民政府\n2025年1月1日\n"
    d = load_text(raw, "t.txt").documents[0]
    both = [("市安委办", "lead"), ("市安委会各成员单位", "shared")]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [both, both, [("市人社局", "responsible")]]
    assert d.defaults == ()
    assert parse_attribution("以下简称“燃气企业”，下同") is None


def test_a_default_before_the_first_item_reaches_every_task():
    raw = _HEAD + "现将有关事项通知如下：\n以下各项任务均由各县（市、区）政府负责落实，不再列出。\n一、重点任务\n" \
        "（一）加强监管。开展燃气检查。（市住建局负责）\n（二）加强执法。开展执法检查。\n\n测试市人民政府\n2025年1月1日\n"
    d = load_text(raw, "t.txt").documents[0]
    counties = ("各县（市、区）政府", "responsible", True)
    assert [[(a.name, a.role, a.inherited) for a in t.assignments] for t in d.tasks] == [
        [("市住建局", "responsible", False), counties], [counties]]
    assert [[u.name for u in c.units] for c in d.defaults] == [["各县（市、区）政府"]]


def test_heading_attributions_add_up_and_fill_in_the_owner():
    raw = _HEAD + "一、重点任务\n（一）危险化学品安全整治（牵头单位：市应急局）\n" \
        "1．化工园区安全管理（责任单位：各化工园区管委会）\n（1）开展园区封闭化管理。\n" \
        "2．危险货物运输\n（2）开展危险货物运输专项检查。（市公安局、市交通运输局配合）\n" \
        "（3）开展停车场检查。（市交通运输局负责）\n（4）开展联合执法。（市公安局牵头）\n\n测试市人民政府\n2025年1月1日\n"
    d = load_text(raw, "t.txt").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [
        [("各化工园区管委会", "responsible"), ("市应急局", "lead")],  # both headings above it
        [("市应急局", "lead"), ("市公安局", "support"), ("市交通运输局", "support")],  # its bracket names only helpers
        [("市交通运输局", "responsible")],  # an owner of its own: the bracket alone
        [("市公安局", "lead")],
    ]


_COUNTIES_INH = ("各县（市、区）人民政府", True)
_CITIES_INH = ("各市、州人民政府", True)
DEFAULT_LINES = [
    # (body, [(unit, inherited) per task], the section of the task that declares the default): a blanket default
    # printed as a plain line under a heading ...
    *[("一、压紧压实安全生产责任\n" + line + "\n（一）强化党政领导责任。严格落实责任制。（市应急局负责）\n"
       "（二）强化部门监管责任。加强监管。\n", [[("市应急局", False), _COUNTIES_INH], [_COUNTIES_INH]], "(一)")
      for line in ("以下各条均需各县（市、区）人民政府负责落实，不再一一列出。", "以下均需各县（市、区）人民政府负责，不再一一列出。")],
    # ... or as a paragraph of its own after a task: from the next task on
    *[("一、压实责任\n（一）包保。全面检查包保责任人履职情况。（省应急管理厅负责）\n" + line + "\n"
       "二、重点任务\n（二）易制爆管控。严格落实流向登记制度。（省公安厅负责）\n",
       [[("省应急管理厅", False)], [("省公安厅", False), _CITIES_INH]], "(一)")
      for line in ("注：本通知以下各项任务均需各市、州人民政府负责落实，不再一一列出。",
                   "以下各项任务均需各市、州人民政府负责落实，不再一一列出。")],
    # ... and "X对…负总责，以下不再列出" on a heading or as a sentence inside a task (then not the task's own)
    ("一、压实责任（各乡镇人民政府对本辖区安全生产工作负总责，以下不再列出）\n（一）健全网格。（县应急局负责）\n"
     "（二）修订职责。（县安委办负责）\n",
     [[("县应急局", False), ("各乡镇人民政府", True)], [("县安委办", False), ("各乡镇人民政府", True)]], "(一)"),
    ("一、压实责任\n（一）健全网格。各乡镇人民政府对本辖区安全生产工作负总责，以下不再列出。\n"
     "（二）修订职责。（县安委办负责）\n", [[], [("县安委办", False), ("各乡镇人民政府", True)]], "(一)"),
    # ... a default after the task's own actor in one sentence: the actor stays the task's
    ("一、压实责任\n（一）落实属地责任。各县区政府是本辖区森林防灭火工作的责任主体，以下各项工作均需各县区政府负责，不再一一列出。\n"
     "（二）健全网格。（县林业局负责）\n", [[("各县区政府", False)], [("县林业局", False), ("各县区政府", True)]], "(一)"),
    # ... the scope first, then the units (以下各项工作X均需负责落实)
    ("一、压实责任\n（一）健全网格。（县应急局负责。以下各项工作各县（区、市）人民政府均需负责落实，不再一一列出）\n"
     "（二）修订职责。（县安委办负责）\n",
     [[("县应急局", False)], [("县安委办", False), ("各县（区、市）人民政府", True)]], "(一)"),
    # ... an exception first, then the units 均负有 a duty (以下各项工作，除明确具体责任单位外，X均负有属地管理责任)
    ("一、压实责任\n（一）健全网格。（县应急局负责。以下各项工作，除明确具体责任单位外，各乡镇人民政府均负有属地管理责任，"
     "不再一一列出）\n（二）修订职责。（县安委办负责）\n",
     [[("县应急局", False)], [("县安委办", False), ("各乡镇人民政府", True)]], "(一)"),
    # ... this item as well (本项及以下各项工作), the units 均负属地监管责任
    ("一、压实责任\n（一）健全网格。（责任单位：县安监局；配合单位：县公安局。本项及以下各项工作，各乡镇人民政府、街道办事处"
     "均负属地监管责任，不再一一列出）\n（二）修订职责。（县安委办负责）\n",
     [[("县安监局", False), ("县公安局", False)],
      [("县安委办", False), ("各乡镇人民政府", True), ("街道办事处", True)]], "(一)"),
    # ... the default's units end where how they act begins (按照…)
    ("一、压实责任\n（一）健全网格。（县应急局负责。以下各项均需各街道办事处按照属地管理原则抓好落实，不再一一列出）\n"
     "（二）修订职责。（县安委办负责）\n",
     [[("县应急局", False)], [("县安委办", False), ("各街道办事处", True)]], "(一)"),
    # ... and a plain line under a heading whose section goes on in unnumbered paragraphs
    ("一、压实责任\n以下各项工作均由各县区政府负责，不再一一列出。\n林草部门要开展专项整治。\n二、严格火源管控\n"
     "民政部门要加强公墓管理。\n", [[("林草部门", False), ("各县区政府", True)], [("民政部门", False), ("各县区政府", True)]],
     "一"),
]


@pytest.mark.parametrize("body,expected", [
    # a bracket after the item's short title names the owners of the text after it
    ("一、森林防灭火。【牵头：县林业局】严格落实野外用火审批制度。\n", [[("县林业局", "lead")]]),
    # items ending in ； go on into the sentence the next item's bracket closes
    ("一、森林防火\n1．落实护林员巡山制度；\n2．加强野外用火管理。（县林业局负责）\n",
     [[("县林业局", "responsible")], [("县林业局", "responsible")]]),
    ("一、森林防火\n1．落实护林员巡山制度。\n2．加强野外用火管理。（县林业局负责）\n", [[], [("县林业局", "responsible")]]),
])
def test_where_a_bracket_reaches(body, expected):
    d = load_text(_HEAD + body + "\n测试市人民政府\n2025年1月1日\n", "t.txt").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == expected


def test_units_named_for_the_tasks_above():
    raw = _HEAD + "一、压实责任\n（一）健全网格。（县应急局负责）\n（二）修订职责。开展修订。\n" \
        "以上工作均需各乡镇人民政府负责，不再一一列出。\n二、其他\n（三）开展检查。（县公安局负责）\n" \
        "\n测试市人民政府\n2025年1月1日\n"
    d = load_text(raw, "t.txt").documents[0]
    assert [([(a.name, a.inherited) for a in t.assignments], t.source) for t in d.tasks] == [
        ([("县应急局", False), ("各乡镇人民政府", False)], "parenthetical"),
        ([("各乡镇人民政府", False)], "parenthetical"),
        ([("县公安局", False)], "parenthetical")]
    assert d.defaults == () and d.unplaced == ()


@pytest.mark.parametrize("body,expected,declared_by", DEFAULT_LINES)
def test_a_default_printed_as_a_line_of_its_own(body, expected, declared_by):
    d = load_text(_HEAD + body + "\n测试市人民政府\n2025年1月1日\n", "t.txt").documents[0]
    assert [[(a.name, a.inherited) for a in t.assignments] for t in d.tasks] == expected
    assert [c.task_id.rsplit("/", 2)[-2] for c in d.defaults] == [declared_by]
    assert d.unplaced == ()


def test_a_heading_holding_only_a_default_names_no_one_for_its_tasks():
    raw = _HEAD + "一、其他工作\n以下各项任务均需各县（市、区）人民政府负责落实，不再一一列出。\n" \
        "（一）宣传教育。开展安全生产月活动。本项任务由市委宣传部负责。\n（二）培训。开展培训。\n" \
        "\n测试市人民政府\n2025年1月1日\n"
    d = load_text(raw, "t.txt").documents[0]
    counties = ("各县（市、区）人民政府", True)
    assert [([(a.name, a.inherited) for a in t.assignments], t.source) for t in d.tasks] == [
        ([("市委宣传部", False), counties], "in_sentence"), ([counties], "none")]


def test_the_issuer_speaking_of_itself_is_the_unit():
    raw = "测试市应急管理局\n关于做好2025年安全生产工作的通知\n测应急〔2025〕1号\n各县（市、区）应急管理局：\n" \
        "一、重点任务\n（一）加强督导。我局将按照要求开展督导检查。\n\n测试市应急管理局\n2025年1月1日\n"
    d = load_text(raw, "t.txt").documents[0]
    assert [[(a.name, a.role, a.source) for a in t.assignments] for t in d.tasks] == [
        [("测试市应急管理局", "responsible", "in_sentence")]]


def test_units_before_a_default_in_one_sentence_are_the_tasks():
    a = parse_attribution("市安委办牵头，市安委会各成员单位配合；以下任务均由各旗区人民政府负责落实，不再一一列出")
    assert [(u.name, u.role) for u in a.units] == [("市安委办", "lead"), ("市安委会各成员单位", "support")]
    assert [(u.name, u.role) for u in a.defaults] == [("各旗区人民政府", "responsible")]
