"""Normalisation with offsets, numbering styles, document split and metadata."""

import pytest

from loaders.normalize import clean, squash
from loaders.sections import find_headings

NORMALISE = [
    # (raw, clean text)
    ("2024 年,是中华人民共和国成立 75 周年,是全\n\n面贯彻党的二十大精神",
     "2024年，是中华人民共和国成立75周年，是全面贯彻党的二十大精神"),
    ("2024 年 2 月 9 日", "2024年2月9日"),
    ("(一)强化理论学习。", "（一）强化理论学习。"),
    ("各县(市、区)人民政府,临汾经济开发区管委会", "各县（市、区）人民政府，临汾经济开发区管委会"),
    ("**（一）提高政治站位。**把习近平", "（一）提高政治站位。把习近平"),
    ("## 一、坚持思想政治引领", "一、坚持思想政治引领"),
    # stars that mask a name in a web copy are text, not emphasis
    ("贯彻***总书记关于安全生产重要论述，将学习***总书记", "贯彻***总书记关于安全生产重要论述，将学习***总书记"),
    # markdown list bullets and quote marks before a line's text
    ("- 1、开展督导检查。\n- 2、强化考核。", "1、开展督导检查。\n2、强化考核。"),
    ("* （一）开展督导检查。", "（一）开展督导检查。"),
    ("> 一、压实责任", "一、压实责任"),
    ("开展执法检查。\n- 12 -\n\n强化培训。", "开展执法检查。\n强化培训。"),  # a page number, not a bullet
    # a gazette's masthead after a page number, inside a paragraph or not
    ("推进危险化学品企业自动化控制系统提升改造，\n-3-\n淇县人民政府公报  2024年第2期\n2024年6月底前达标。",
     "推进危险化学品企业自动化控制系统提升改造，2024年6月底前达标。"),
    ("开展检查。\n-4-\n淇县人民政府公报  2024年第2期\n强化培训。", "开展检查。\n强化培训。"),
    ("大数据 AI 视频反“三违”", "大数据AI视频反“三违”"),
    ("open Neo4j Browser", "open Neo4j Browser"),
    ("临\n \n汾\n \n市\n \n人\n \n民\n \n政\n \n府\n\n关于", "临汾市人民政府\n关于"),
    ("落实。\n(市应急局负责)", "落实。\n（市应急局负责）"),
    ("《中共中央办公厅\n \n国务院办\n\n公厅关于》", "《中共中央办公厅国务院办公厅关于》"),
    # a line that ends with a name's own brackets goes on; one that ends with an attribution does not
    ("切实提升本质安全水平。各县(市、区)\n\n人民政府要稳步深化挂牌责任制。",
     "切实提升本质安全水平。各县（市、区）人民政府要稳步深化挂牌责任制。"),
    ("切实提升本质安全水平。开展隐患排查(市应急局负责)\n\n强化执法检查，提升监管效能。",
     "切实提升本质安全水平。开展隐患排查（市应急局负责）\n强化执法检查，提升监管效能。"),
    # a line break inside any bracket is no paragraph break
    ("常态化开展货车超限超载整治。【牵头单位:市公安局;\n\n配合单位:市交通局、市应急局】",
     "常态化开展货车超限超载整治。【牵头单位：市公安局；配合单位：市交通局、市应急局】"),
    # page numbers left in extracted text are dropped, and the paragraph they cut goes on
    ("全面开展隐患排查治理，切实提升本质安全水平，严格落实企业安全生产主体\n— 2 —\n责任。",
     "全面开展隐患排查治理，切实提升本质安全水平，严格落实企业安全生产主体责任。"),
    ("开展执法检查。\n- 3 -\n\n强化培训。", "开展执法检查。\n强化培训。"),
    ("开展执法检查。\n第3页 共10页\n强化培训。", "开展执法检查。\n强化培训。"),
    # a running header printed one character a line inside a paragraph the page break cut
    ("加强从业人员安全管\n鄂\n尔\n多\n斯\n市\n人\n民\n政\n府\n理，市能源局要督促落实。", "加强从业人员安全管理，市能源局要督促落实。"),
    ("序号\n1\n开展执法检查", "序号\n1\n开展执法检查"),  # a bare number stays (a table's row number)
    # a numbered line as wide as the page is an item's sentence the width cut (here inside a name), not a heading
    ("五、你局要牵头建立健全应急预案演练制度，县消防救援大\n队、县交通运输局、县卫生健康局等部门配合，每年\n至少组织开展1次综合应急演练。",
     "五、你局要牵头建立健全应急预案演练制度，县消防救援大队、县交通运输局、县卫生健康局等部门配合，每年至少组织开展1次综合应急演练。"),
    ("第八条  市安委会各成员单位应当按照“管行业必须管安全、\n管业务必须管安全”的要求，履行以下职\n责：\n（一）制定本行业领域计划；",
     "第八条市安委会各成员单位应当按照“管行业必须管安全、管业务必须管安全”的要求，履行以下职责：\n（一）制定本行业领域计划；"),
    ("四、加强自然灾害防治，筑牢防灾减灾救灾防线\n监管部门要加快提升安全生产督查检查，坚决防\n范遏制重特大事故。",
     "四、加强自然灾害防治，筑牢防灾减灾救灾防线\n监管部门要加快提升安全生产督查检查，坚决防范遏制重特大事故。"),  # a heading
    ("一、总体要求\n以习近平新时代中国特色社会主义思想为指导，全面贯彻落实\n党的二十大精神。",
     "一、总体要求\n以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。"),
    # names in a labelled list separated by spaces only
    ("责任单位：省安委办 省委组织部", "责任单位：省安委办、省委组织部"),
    ("配合单位：省工业和信息化厅 省公安厅 等部门", "配合单位：省工业和信息化厅、省公安厅等部门"),
    ("开展检查 市应急局负责", "开展检查市应急局负责"),  # no label: spaces are only dropped
    ("河津市应急管理局∶\n", "河津市应急管理局："),  # a colon lookalike a web copy prints
    # a mirror site's pinyin notes are dropped (loaders.script gives them back in what is reported)
    ("各乡(xiāng)镇(zhèn)、县安监(jiān)局要在2024年6月(1)日前完成。", "各乡镇、县安监局要在2024年6月（1）日前完成。"),
]


@pytest.mark.parametrize("raw,expected", NORMALISE)
def test_normalise(raw, expected):
    assert clean(raw).text == expected


@pytest.mark.parametrize("raw", [r for r, _ in NORMALISE])
def test_offsets_point_at_the_same_character(raw):
    ct = clean(raw)
    widen = {"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "［": "[", "］": "]", "∶": "：",
             "、": " "}  # the space between two names of a labelled list
    for i, c in enumerate(ct.text):
        if c == "\n":
            continue
        r = raw[ct.offsets[i]]
        assert r == c or widen.get(c) == r or widen.get(r) == c


HEADINGS = [
    # (clean text, [(number, title, depth)])
    ("一、总体要求\n（一）强化理论学习。内容\n（二）集中培训。内容\n二、重点\n（三）继续编号。内容",
     [("一", "总体要求", 1), ("(一)", "强化理论学习", 2), ("(二)", "集中培训", 2), ("二", "重点", 1),
      ("(三)", "继续编号", 2)]),
    ("1.煤矿。严格落实\n2.金属非金属矿山和尾矿库。按照", [("1", "煤矿", 1), ("2", "金属非金属矿山和尾矿库", 1)]),
    ("第一部分：聚焦责任落实。\n一是提高政治站位，学习\n二是压实党政领导责任，按照",
     [("第一部分", "聚焦责任落实", 1), ("一是", "提高政治站位", 2), ("二是", "压实党政领导责任", 2)]),
    ("1.多措并举。一是严格实施制度。二是持续推进建设。",
     [("1", "多措并举", 1), ("一是", "严格实施制度", 2), ("二是", "持续推进建设", 2)]),
    ("1.多措并举。一要严格实施制度；二要持续推进建设。",
     [("1", "多措并举", 1), ("一要", "严格实施制度", 2), ("二要", "持续推进建设", 2)]),
    ("1.多措并举。各地要统一要求。", [("1", "多措并举", 1)]),  # 一要 inside a word is no marker
    # a unit's numbered duties run on in one paragraph ("1.负责…；2.指导…"), not a number's decimals (。3.5万)
    ("（一）区委宣传部\n1.负责宣传部署；2.指导新闻媒体开展宣传。3.5万人次参加；3.协调舆论引导。",
     [("(一)", "区委宣传部", 1), ("1", "负责宣传部署", 2), ("2", "指导新闻媒体开展宣传", 2),
      ("3", "协调舆论引导", 2)]),
    ("（1）着力推进改革。按照\n（2）着力加强建设。按照", [("(1)", "着力推进改革", 1), ("(2)", "着力加强建设", 1)]),
    ("一、重点领域\n（一）消防安全。市消防救援支队要加强检查。（二）冰雪旅游。市体育局要督促滑雪场落实。",  # run on inline
     [("一", "重点领域", 1), ("(一)", "消防安全", 2), ("(二)", "冰雪旅游", 2)]),
    ("一、落实企业责任\n第一,各企业要严格按照许可生产。\n第二,各企业要落实第一责任人责任。",  # 第一, 第二, items
     [("一", "落实企业责任", 1), ("第一", "各企业要严格按照许可生产", 2), ("第二", "各企业要落实第一责任人责任", 2)]),
    ("1.森林草原火灾：深入开展\n2.水旱灾害：加强", [("1", "森林草原火灾", 1), ("2", "水旱灾害", 1)]),
    ("第一条 为了加强管理。\n第二条 本办法适用于", [("第一条", "为了加强管理", 1), ("第二条", "本办法适用于", 1)]),
    ("一、总体\n1）第一项。内容\n2）第二项。内容", [("一", "总体", 1), ("1)", "第一项", 2), ("2)", "第二项", 2)]),
    ("（一）甲。\n1．乙。内容\n2．丙。内容", [("(一)", "甲", 1), ("1", "乙", 2), ("2", "丙", 2)]),
    ("第一章 总则\n第一条 为了加强管理。\n第二章 职责\n第二条 县应急局负责",
     [("第一章", "总则", 1), ("第一条", "为了加强管理", 2), ("第二章", "职责", 1), ("第二条", "县应急局负责", 2)]),
    ("一、总体\n⑴第一项。内容\n⑵第二项。内容", [("一", "总体", 1), ("(1)", "第一项", 2), ("(2)", "第二项", 2)]),
    # out-of-sequence markers are text, not headings
    ("一、总体\n（市、区）政府\n3.不是标题", [("一", "总体", 1)]),
    ("（二）不从二开始\n一、开始", [("一", "开始", 1)]),
    ("（二）不从二开始\n（三）仍是两项\n一、开始", [("一", "开始", 1)]),
    # a text that begins inside a numbered list (page 2 of a copied article): three items counting on open it, and
    # a higher level the text began inside of opens where items count again from 1 under it
    ("（五）民爆器材。要加强\n（六）建筑领域。以预防\n（七）特种设备。负责\n六、要求\n（一）提高认识。开展\n（二）明确职责。各地",
     [("(五)", "民爆器材", 1), ("(六)", "建筑领域", 1), ("(七)", "特种设备", 1), ("六", "要求", 1),
      ("(一)", "提高认识", 2), ("(二)", "明确职责", 2)]),
]


@pytest.mark.parametrize("text,expected", HEADINGS)
def test_headings(text, expected):
    got = [(h.number, h.title, h.depth) for h in find_headings(text, 0, len(text))]
    assert got == expected


def test_squash_removes_whitespace_and_emphasis():
    assert squash(" 临政发〔2024〕1 号\n**") == "临政发〔2024〕1号"


@pytest.mark.parametrize("text,iso", [
    ("2024年2月9日", "2024-02-09"), ("二〇二四年二月十九日", "2024-02-19"), ("2025年12月31日", "2025-12-31"),
    ("二○二○年十月一日", "2020-10-01"),
])
def test_signature_dates(text, iso):
    from loaders import patterns as P

    assert P.date_iso(P.SIGNATURE_DATE.match(text)) == iso


_HEAD = "测试市人民政府\n关于做好2025年安全生产工作的通知\n测政发〔2025〕1号\n\n各县（市、区）人民政府：\n"
_TAIL = "\n测试市人民政府\n2025年1月1日\n"

TITLE_ONLY_ITEMS = [
    # (body, [(task path below the document, task text, [(unit, role)])])
    # a numbered sentence with nothing numbered under it is a task, even when it is all title
    ("一、压实责任\n1.多措并举。一是严格实施制度。二是持续推进建设。\n",
     [("一/1/一是", "严格实施制度。", []), ("一/1/二是", "持续推进建设。", [])]),
    # its attribution inside the title stays with it; cn_shi siblings share the one printed after the last
    ("一、压实责任\n（一）多措并举。一是严格实施制度；二是持续推进建设（市应急局负责）。\n",
     [("一/(一)/一是", "严格实施制度；", [("市应急局", "responsible")]),
      ("一/(一)/二是", "持续推进建设（市应急局负责）。", [("市应急局", "responsible")])]),
    # the last sibling's bracket is its own when a sibling has a bracket of its own or names its own actor
    ("一、专项整治\n（一）重点行业领域。\n一是港口。市交通运输局要加强港口安全监管。\n二是钢铁。严格煤气安全管理。（市应急局负责）\n"
     "三是消防。开展消防安全专项整治。（市消防救援支队牵头）\n",
     [("一/(一)/一是", "港口。市交通运输局要加强港口安全监管。", [("市交通运输局", "responsible")]),
      ("一/(一)/二是", "钢铁。严格煤气安全管理。（市应急局负责）", [("市应急局", "responsible")]),
      ("一/(一)/三是", "消防。开展消防安全专项整治。（市消防救援支队牵头）", [("市消防救援支队", "lead")])]),
    # a bracket before the text names the owners of the paragraph after it, the line ending with the bracket
    ("一、专项整治\n（一）危险化学品。【牵头单位：市应急管理局；责任单位：\n市工业和信息化局】\n以化工园区为重点，深入开展整治提升。\n"
     "（二）道路交通。【牵头单位：市公安局】深化专项行动。\n",
     [("一/(一)", "危险化学品。【牵头单位：市应急管理局；责任单位：市工业和信息化局】以化工园区为重点，深入开展整治提升。",
       [("市应急管理局", "lead"), ("市工业和信息化局", "responsible")]),
      ("一/(二)", "道路交通。【牵头单位：市公安局】深化专项行动。", [("市公安局", "lead")])]),
    # a bracket that only names helpers or an overseer leaves the doing to the actor the sentence names
    ("一、重点任务\n（一）景区安全。县文化和旅游局要加强A级旅游景区安全监管（县市场监管局、县交通运输局配合）。\n"
     "（二）森林防火。各乡（镇）人民政府要加强野外用火管控（县林业局负责指导）。\n",
     [("一/(一)", "景区安全。县文化和旅游局要加强A级旅游景区安全监管（县市场监管局、县交通运输局配合）。",
       [("县文化和旅游局", "responsible"), ("县市场监管局", "support"), ("县交通运输局", "support")]),
      ("一/(二)", "森林防火。各乡（镇）人民政府要加强野外用火管控（县林业局负责指导）。",
       [("各乡（镇）人民政府", "responsible"), ("县林业局", "oversee")])]),
    # an item goes on after the bracket that closes the one before it ("…。（…负责）二是…")
    ("一、压实责任\n（一）多措并举。一是严格实施制度。（县委编办牵头，县应急局配合）二是持续推进建设。三是加强专委会建设，"
     "充分发挥专委会统筹协调作用。\n",
     [("一/(一)/一是", "严格实施制度。（县委编办牵头，县应急局配合）", [("县委编办", "lead"), ("县应急局", "support")]),
      ("一/(一)/二是", "持续推进建设。", []), ("一/(一)/三是", "加强专委会建设，充分发挥专委会统筹协调作用。", [])]),
    ("一、压实责任\n1.加强消防安全管理（市消防救援支队负责）\n2.强化应急值守。（市应急局负责）\n",
     [("一/1", "加强消防安全管理（市消防救援支队负责）", [("市消防救援支队", "responsible")]),
      ("一/2", "强化应急值守。（市应急局负责）", [("市应急局", "responsible")])]),
    # a bracket that only gives a time limit stays with the task before it; the attribution is the bracket before
    ("一、压实责任\n（一）开展煤矿安全检查（市能源局负责）（2025年6月底前完成）。开展非煤矿山检查（市应急局负责）。\n"
     "（二）开展危化品检查（市应急局负责）（长期坚持）\n",
     [("一/(一)", "开展煤矿安全检查（市能源局负责）（2025年6月底前完成）。", [("市能源局", "responsible")]),
      ("一/(一)", "开展非煤矿山检查（市应急局负责）。", [("市应急局", "responsible")]),
      ("一/(二)", "开展危化品检查（市应急局负责）（长期坚持）", [("市应急局", "responsible")])]),
    # a title's attribution covers what follows when that names nobody
    ("一、压实责任\n1.煤矿领域（牵头单位：市能源局）。加强瓦斯治理。\n",
     [("一/1", "加强瓦斯治理。", [("市能源局", "lead")])]),
    # an attribution before the text names the owners of what follows it (with a trailing one: of the same
    # sentence, or the trailing one names the next sentence's)
    ("一、压实责任\n（一）【牵头单位：市应急局】开展安全生产大检查。\n"
     "（二）【责任单位：市住建局】开展燃气检查（市燃气办配合）。\n"
     "（三）【责任单位：市住建局】开展燃气检查。开展自建房检查（市自然资源局负责）。\n",
     [("一/(一)", "【牵头单位：市应急局】开展安全生产大检查。", [("市应急局", "lead")]),
      ("一/(二)", "【责任单位：市住建局】开展燃气检查（市燃气办配合）。", [("市住建局", "responsible"), ("市燃气办", "support")]),
      ("一/(三)", "【责任单位：市住建局】开展燃气检查。", [("市住建局", "responsible")]),
      ("一/(三)", "开展自建房检查（市自然资源局负责）。", [("市自然资源局", "responsible")])]),
    # a heading label (no sentence end, no attribution) or a heading with items under it is not a task
    ("一、压实责任\n1.强化应急值守（牵头单位：市应急局）\n（1）做好值班。\n二、重点任务分工\n",
     [("一/1/(1)", "做好值班。", [("市应急局", "lead")])]),
    # a title that names who answers is a task, even cut before its 。 (a copy of a web page)
    ("一、压实责任\n（一）开展检查。县应急局要加强检查。\n（二）有关单位要认真落实调查报告的处理意见，并将落\n",
     [("一/(一)", "开展检查。县应急局要加强检查。", [("县应急局", "responsible")]),
      ("一/(二)", "有关单位要认真落实调查报告的处理意见，并将落", [("有关单位", "responsible")])]),
    # a bracket printed as a paragraph of its own after several items answers for those before it that name no one
    # (in a text printed one paragraph a line; a PDF's text may wrap a bracket onto a line of its own anywhere)
    ("一、应急体系\n1.完善应急预案体系\n（1）加强应急预案管理，规范应急预案编制、审批、发布、备案、修订和评估工作。\n"
     "（2）推进政府及其部门应急预案精编化，及时修订完善现有应急预案，促进基层应急预案编制全覆盖。\n"
     "（3）加强应急预案演练，完善演练管理制度，推进双盲演练，强化针对性、实战性和可操作性。\n"
     "（责任单位：市直各有关单位、各县（市、区）人民政府）\n2.健全应急管理体制，落实应急管理专职领导和人员编制（市应急局负责）\n",
     [("一/1/(1)", "加强应急预案管理，规范应急预案编制、审批、发布、备案、修订和评估工作。",
       [("市直各有关单位", "responsible"), ("各县（市、区）人民政府", "responsible")]),
      ("一/1/(2)", "推进政府及其部门应急预案精编化，及时修订完善现有应急预案，促进基层应急预案编制全覆盖。",
       [("市直各有关单位", "responsible"), ("各县（市、区）人民政府", "responsible")]),
      ("一/1/(3)", "加强应急预案演练，完善演练管理制度，推进双盲演练，强化针对性、实战性和可操作性。（责任单位：市直各有关单位、各县（市、区）人民政府）",
       [("市直各有关单位", "responsible"), ("各县（市、区）人民政府", "responsible")]),
      ("一/2", "健全应急管理体制，落实应急管理专职领导和人员编制（市应急局负责）", [("市应急局", "responsible")])]),
    # a heading that introduces its actor's list of duties gives each item that actor
    ("第一章 职责\n第一条 市消防安全委员会应当履行下列消防工作职责：\n（一）组织制定消防工作规划。\n（二）完成交办的其它任务。\n",
     [("第一章/第一条/(一)", "组织制定消防工作规划。", [("市消防安全委员会", "responsible")]),
      ("第一章/第一条/(二)", "完成交办的其它任务。", [("市消防安全委员会", "responsible")])]),
    # …and so does a lead-in sentence at the end of a heading's own text, for the items under it with no actor
    ("一、重点任务\n（一）普通货运安全。各县（市、区）交通运输主管部门要重点抓好以下工作：\n一是督促普通货运企业落实动态监控；\n"
     "二是加强农村客运班线安全评估；\n三是市公安局要严厉打击非法营运。\n",
     [("一/(一)", "普通货运安全。各县（市、区）交通运输主管部门要重点抓好以下工作：",
       [("各县（市、区）交通运输主管部门", "responsible")]),
      ("一/(一)/一是", "督促普通货运企业落实动态监控；",
       [("各县（市、区）交通运输主管部门", "oversee"), ("普通货运企业", "responsible")]),
      ("一/(一)/二是", "加强农村客运班线安全评估；", [("各县（市、区）交通运输主管部门", "responsible")]),
      ("一/(一)/三是", "市公安局要严厉打击非法营运。", [("市公安局", "responsible")])]),
    ("一、严格作业管控\n各工贸企业要切实履行有限空间作业安全主体责任：一要严格作业审批；二要严格现场监护。\n",  # a colon
     [("一", "严格作业管控各工贸企业要切实履行有限空间作业安全主体责任：", [("各工贸企业", "responsible")]),
      ("一/一要", "严格作业审批；", [("各工贸企业", "responsible")]),
      ("一/二要", "严格现场监护。", [("各工贸企业", "responsible")])]),
    # …and the preamble's last sentence for the items that follow ("请各县…按以下要求抓好落实。"); an item whose
    # requirement opens with 督促 makes them oversee the body it names
    ("检查发现8处隐患未整改到位，现予督办，请各县（市、区）人民政府按以下要求抓好落实。\n一、燃气安全隐患\n"
     "1．老灶火锅未安装报警装置。整改要求：督促经营户立即安装报警装置。\n2．川味小厨燃气管道穿越阁楼。整改要求：迁改燃气管道。\n"
     "二、市住建局要做好技术指导。\n",
     [("一/1", "老灶火锅未安装报警装置。整改要求：督促经营户立即安装报警装置。",
       [("各县（市、区）人民政府", "oversee"), ("经营户", "responsible")]),
      ("一/2", "川味小厨燃气管道穿越阁楼。整改要求：迁改燃气管道。", [("各县（市、区）人民政府", "responsible")]),
      ("二", "市住建局要做好技术指导。", [("市住建局", "responsible")])]),
    # paragraphs after the last item that close the letter are a task of their own, not the item's
    ("一、重点任务\n（一）加强应急演练。各煤矿企业要每季度开展一次应急演练。\n各单位要充分认识做好安全生产工作的重要性和紧迫性。\n"
     "请各县（市、区）人民政府于5月10日前将落实情况报市安委办。\n",
     [("一/(一)", "加强应急演练。各煤矿企业要每季度开展一次应急演练。", [("各煤矿企业", "responsible")]),
      ("一/(一)", "各单位要充分认识做好安全生产工作的重要性和紧迫性。请各县（市、区）人民政府于5月10日前将落实情况报市安委办。",
       [("各单位", "responsible"), ("各县（市、区）人民政府", "responsible")])]),
    ("一、重点任务\n（一）加强评估。事故结案后10个\n月至1年内，由你局牵头组织对整改措施落实情况进行评估。\n",
     [("一/(一)", "加强评估。事故结案后10个月至1年内，由你局牵头组织对整改措施落实情况进行评估。",
       [("各县（市、区）人民政府", "lead")])]),  # a sentence a page cut is no closing paragraph
    ("一、重点任务\n（一）加强应急演练。各煤矿企业要每季度开展一次应急演练。\n各级应急管理部门要加强协同联动。\n",
     [("一/(一)", "加强应急演练。各煤矿企业要每季度开展一次应急演练。各级应急管理部门要加强协同联动。",
       [("各煤矿企业", "responsible"), ("各级应急管理部门", "responsible")])]),  # a paragraph that goes on with the item
    # a heading whose whole title is a unit heads that unit's duties (not a sector heading, nor a sentence)
    ("一、责任划分\n（一）县（市）区政府\n具体负责本行政区域内安全生产的全面监管。\n（二）市安全生产综合监管部门\n"
     "对全市安全生产综合监管工作负全责。\n（三）人员密集场所\n开展消防检查。\n（四）交通运输\n开展道路检查。\n"
     "（五）压实乡镇属地责任\n开展督查。\n",
     [("一/(一)", "县（市）区政府具体负责本行政区域内安全生产的全面监管。", [("县（市）区政府", "responsible")]),
      ("一/(二)", "市安全生产综合监管部门对全市安全生产综合监管工作负全责。", [("市安全生产综合监管部门", "responsible")]),
      ("一/(三)", "人员密集场所开展消防检查。", []), ("一/(四)", "交通运输开展道路检查。", []),
      ("一/(五)", "压实乡镇属地责任开展督查。", [])]),
    ("一、成员单位职责\n（一）市住房城乡建设局\n1.负责城镇燃气行业安全管理。\n2.牵头开展城乡房屋安全隐患排查整治。\n"
     "3.指导公安派出所做好消防宣传。\n",
     [("一/(一)/1", "负责城镇燃气行业安全管理。", [("市住房城乡建设局", "responsible")]),
      ("一/(一)/2", "牵头开展城乡房屋安全隐患排查整治。", [("市住房城乡建设局", "lead")]),  # a duty it leads
      ("一/(一)/3", "指导公安派出所做好消防宣传。", [("市住房城乡建设局", "responsible")])]),  # not 指导公安派出所
    # a post held by a person lists no unit's duties, whatever the chapter above names
    ("第一章 县人民政府及其领导职责\n第一条 县人民政府应当履行以下职责：\n（一）健全县安委会工作机制。\n"
     "第二条 县长是全县安全生产第一责任人，履行以下职责：\n（一）主持召开县安委会全体会议。\n",
     [("第一章/第一条/(一)", "健全县安委会工作机制。", [("县人民政府", "responsible")]),
      ("第一章/第二条/(一)", "主持召开县安委会全体会议。", [])]),
    # a body named with its level heads its duties whatever its kind (国网…供电公司, 区总工会); an item opening with 配合
    # is one it helps with; a lead-in names the owners more fully than the title (各街道办事处 over 街道办事处)
    ("一、成员单位职责\n（一）国网北京丰台供电公司\n1.负责输配电设施的消防安全管理；2.配合推进充电设施建设。\n"
     "（二）区总工会\n1.组织开展职工消防技能竞赛。\n二、街道办事处职责\n各街道办事处应当落实属地管理责任，履行以下职责：\n"
     "1.建立消防安全组织。\n",
     [("一/(一)/1", "负责输配电设施的消防安全管理；", [("国网北京丰台供电公司", "responsible")]),
      ("一/(一)/2", "配合推进充电设施建设。", [("国网北京丰台供电公司", "support")]),
      ("一/(二)/1", "组织开展职工消防技能竞赛。", [("区总工会", "responsible")]),
      ("二", "街道办事处职责各街道办事处应当落实属地管理责任，履行以下职责：", [("各街道办事处", "responsible")]),
      ("二/1", "建立消防安全组织。", [("各街道办事处", "responsible")])]),
    ("一、责任划分\n（一）市应急局\n（二）市公安局\n负责道路交通安全。\n",
     [("一/(二)", "市公安局负责道路交通安全。", [("市公安局", "responsible")])]),
    # …and so does a title naming a unit's duties, of any kind of unit, over the items that name no actor of their own
    ("一、明确监管职责\n（一）街道办事处（乡镇政府）安全生产监管职责。\n1.做好本行政区域内的应急管理工作。\n"
     "2.督促社区（村）履行安全生产监督管理职责。\n（二）社区（村）安全生产监管职责。\n1.组织辖区居民开展安全宣传教育。\n"
     "（三）成员单位职责\n1.县应急局：负责综合监管。\n2.县公安局：负责道路交通安全管理。\n",
     [("一/(一)/1", "做好本行政区域内的应急管理工作。", [("街道办事处（乡镇政府）", "responsible")]),
      ("一/(一)/2", "督促社区（村）履行安全生产监督管理职责。",  # it oversees, the 社区（村） implements
       [("街道办事处（乡镇政府）", "oversee"), ("社区（村）", "responsible")]),
      ("一/(二)/1", "组织辖区居民开展安全宣传教育。", [("社区（村）", "responsible")]),
      ("一/(三)/1", "县应急局：负责综合监管。", [("县应急局", "responsible")]),
      ("一/(三)/2", "县公安局：负责道路交通安全管理。", [("县公安局", "responsible")])]),
    # an item numbered 1. whose text begins with a year
    ("一、消防站点建设\n1.2009年底前，完成消防三中队建设。\n责任单位及责任人：盘龙区政府主要领导。\n"
     "2.2010年底前，完成消防二中队建设。\n责任单位及责任人：高新区管委会主要领导。\n",
     [("一/1", "2009年底前，完成消防三中队建设。责任单位及责任人：盘龙区政府主要领导。", [("盘龙区政府", "responsible")]),
      ("一/2", "2010年底前，完成消防二中队建设。责任单位及责任人：高新区管委会主要领导。", [("高新区管委会", "responsible")])]),
    # …but one that ends a task's own paragraph covers that task only
    ("一、应急体系\n（1）加强应急预案管理。\n（2）推进应急预案精编化。（市应急局负责）\n",
     [("一/(1)", "加强应急预案管理。", []), ("一/(2)", "推进应急预案精编化。（市应急局负责）", [("市应急局", "responsible")])]),
]


@pytest.mark.parametrize("body,expected", TITLE_ONLY_ITEMS)
def test_title_only_items(body, expected):
    from loaders import load_text

    doc = load_text(_HEAD + body + _TAIL, "t.txt").documents[0]
    got = [(t.section_id.split("/", 1)[1], t.text, [(a.name, a.role) for a in t.assignments]) for t in doc.tasks]
    assert got == expected


HEADERS = [
    # the urgency grade printed before the 文号 on its line
    ("急 甬农电〔2020〕4号\n宁波市农业农村局\n关于做好渔业安全生产工作的紧急通知\n各区县（市）农业农村局：\n",
     ("甬农电〔2020〕4号", "关于做好渔业安全生产工作的紧急通知", "宁波市农业农村局", ("各区县（市）农业农村局",))),
    # (raw header lines, (文号, title, issuer, addressees)); a paragraph a line, no blank lines (text from a .docx)
    ("朔州市人民政府文件\n朔政发〔2025〕7号\n朔州市人民政府\n关于进一步加强安全生产工作的通知\n各县（市、区）人民政府：\n",
     ("朔政发〔2025〕7号", "关于进一步加强安全生产工作的通知", "朔州市人民政府", ("各县（市、区）人民政府",))),
    # the 文号 in brackets under a title that begins with the issuer
    ("晋城市人民政府办公室关于做好2025年安全生产工作的通知\n（晋市政办〔2025〕3号）\n各县（市、区）人民政府：\n",
     ("晋市政办〔2025〕3号", "关于做好2025年安全生产工作的通知", "晋城市人民政府办公室", ("各县（市、区）人民政府",))),
    # issued jointly: two issuers on consecutive lines
    ("中共瑞金市委办公室\n瑞金市人民政府办公室\n瑞办发〔2024〕7号\n关于进一步压实安全生产责任的通知\n各乡镇人民政府：\n",
     ("瑞办发〔2024〕7号", "关于进一步压实安全生产责任的通知", "中共瑞金市委办公室瑞金市人民政府办公室", ("各乡镇人民政府",))),
    # the addressee list wrapped over two lines (PDF text)
    ("昆山市人民政府文件\n\n昆政发〔2024〕15号\n\n昆山市人民政府\n关于做好2024年度安全生产工作的通知\n\n"
     "各区管委会,各镇人民政府,各街道办事处,市各委办局,各直属单\n位:\n",
     ("昆政发〔2024〕15号", "关于做好2024年度安全生产工作的通知", "昆山市人民政府",
      ("各区管委会", "各镇人民政府", "各街道办事处", "市各委办局", "各直属单位"))),
]


@pytest.mark.parametrize("header,expected", HEADERS)
def test_document_header(header, expected):
    from loaders import load_text

    d = load_text(header + "一、压实责任\n（一）开展检查（市应急局负责）。\n\n测试市人民政府\n2025年3月10日\n", "t.txt").documents[0]
    assert (d.number, d.title, d.issuer, d.addressees) == expected


@pytest.mark.parametrize("issuer,expected", [
    ("临汾市人民政府", ("临汾市", "city", "临汾市应急管理局")),
    ("苏州市人民政府", ("苏州市", "city", "苏州市应急管理局")),  # 苏州 is no autonomous 州
    ("昆山市人民政府", ("昆山市", "county", "昆山市应急管理局")),  # a county-level city's 市应急局 is its own
    ("苏州市吴中区安全生产委员会", ("吴中区", "county", "苏州市应急管理局")),  # the innermost area
    ("北京市应急管理局", ("北京市", "province", "北京市应急管理局")),
    ("恩施土家族苗族自治州人民政府", ("恩施土家族苗族自治州", "city", "恩施土家族苗族自治州应急管理局")),
])
def test_jurisdiction_and_level_of_the_issuer(issuer, expected):
    from loaders import load_text

    raw = f"{issuer}\n关于做好2025年安全生产工作的通知\n测政发〔2025〕1号\n各有关单位：\n一、压实责任\n" \
          f"（一）开展检查（市应急局负责）。\n\n{issuer}\n2025年3月10日\n"
    d = load_text(raw, "t.txt").documents[0]
    assert (d.jurisdiction, d.level, d.tasks[0].assignments[0].canonical) == expected


def test_a_page_number_between_tasks_is_not_reported_unplaced():
    from loaders import load_text

    raw = ("测试市人民政府\n关于做好2025年安全生产工作的通知\n测政发〔2025〕1号\n\n各县人民政府：\n一、重点工作\n"
           "（一）开展执法。（市应急局负责）\n\n- 3 -\n\n（二）强化培训。（市人社局负责）\n\n测试市人民政府\n2025年1月1日\n")
    sf = load_text(raw, "t.txt")
    d = sf.documents[0]
    assert [t.text for t in d.tasks] == ["开展执法。（市应急局负责）", "强化培训。（市人社局负责）"]
    assert d.unplaced == () and sf.unplaced == ()


ISSUING = ("苏州市安全生产委员会办公室\n苏安办〔2024〕12号\n关于印发《2024年全市安全生产工作要点》的通知\n"
           "各县级市、区安委办，市安委会各成员单位：\n现将《2024年全市安全生产工作要点》印发给你们，请认真贯彻落实。\n\n"
           "苏州市安全生产委员会办公室\n2024年2月20日\n（此件公开发布）\n\n2024年全市安全生产工作要点\n\n"
           "2024年全市安全生产工作的总体要求是：坚持安全第一。\n一、强化责任体系\n1.严格落实安全生产责任制。（市应急局牵头）\n"
           "2.开展安全生产巡查。（市安委办负责）\n\n抄送：市委办公室。\n苏州市安全生产委员会办公室          2024年2月21日印发\n")


def test_what_a_notice_issues_after_its_signature_is_its_body():
    from loaders import load_text

    sf = load_text(ISSUING, "t.txt")
    (d,) = sf.documents
    assert (d.number, d.date, d.cc) == ("苏安办〔2024〕12号", "2024-02-20", ("市委办公室",))
    assert [s.path for s in d.sections] == [("一",), ("一", "1"), ("一", "2")]
    assert [(t.text[:8], [(a.name, a.role, a.source) for a in t.assignments]) for t in d.tasks] == [
        ("现将《2024年", [("各县级市", "responsible", "addressee"), ("区安委办", "responsible", "addressee"),
                      ("市安委会各成员单位", "responsible", "addressee")]),  # 你们: every addressee
        ("严格落实安全生产", [("市应急局", "lead", "parenthetical")]),
        ("开展安全生产巡查", [("市安委办", "responsible", "parenthetical")]),
    ]
    assert d.unplaced == () and sf.unplaced == ()
    # a markdown rule between the signature and what it issues
    ruled = ISSUING.replace("（此件公开发布）\n", "（此件公开发布）\n\n---\n")
    assert [s.path for s in load_text(ruled, "t.md").documents[0].sections] == [("一",), ("一", "1"), ("一", "2")]
    # without numbered items after it, what follows the signature stays the closing
    short = ISSUING.replace("一、强化责任体系\n", "").replace("1.", "").replace("2.", "")
    assert [s.path for s in load_text(short, "t.txt").documents[0].sections] == []


def test_a_signature_date_in_chinese_numerals_ends_the_document_before_the_next():
    from loaders import load_text

    raw = ("赣州市人民政府办公室\n赣市府办字〔2024〕45号\n关于加强冬季安全生产工作的通知\n各县（市、区）人民政府：\n"
           "一、加强消防安全管理。（市消防救援支队负责）\n\n赣州市人民政府办公室\n二〇二四年十一月二十八日\n\n"
           "赣州市应急管理局\n赣市应急函〔2024〕112号\n关于粉尘防爆专项治理有关问题的复函\n南康区应急管理局：\n"
           "你局要督促企业落实整改。\n\n赣州市应急管理局\n2024年12月3日\n")
    docs = load_text(raw, "t.txt").documents
    assert [(d.number, d.issuer, d.date, d.kind) for d in docs] == [
        ("赣市府办字〔2024〕45号", "赣州市人民政府办公室", "2024-11-28", "notice"),
        ("赣市应急函〔2024〕112号", "赣州市应急管理局", "2024-12-03", "reply")]


def test_a_publish_note_on_the_date_line_still_ends_the_body():
    from loaders import load_text

    raw = ("宜宾市人民政府办公室\n宜府办发〔2024〕9号\n关于做好汛期安全生产工作的通知\n各区县人民政府：\n"
           "（一）严格值班值守。严格执行24小时值班制度。（各区县人民政府负责）\n宜宾市人民政府办公室\n2024年6月14日（此件公开发布）\n")
    d = load_text(raw, "t.txt").documents[0]
    assert d.date == "2024-06-14"
    assert [t.text for t in d.tasks] == ["严格值班值守。严格执行24小时值班制度。（各区县人民政府负责）"]


@pytest.mark.parametrize("issuer,title,expected", [
    ("中共瑞金市委办公室", "关于进一步压实安全生产责任的意见", ("瑞金市", "county", "other")),  # 中共 is no place
    ("赣州市安全生产委员会办公室", "关于2024年安全生产工作情况的通报", ("赣州市", "city", "other")),
    ("赣州市人民政府", "关于做好2024年安全生产工作的通知", ("赣州市", "city", "notice")),
    ("杨柳镇人民政府", "关于做好2024年安全生产工作的通知", ("杨柳镇", "county", "notice")),  # no level below county
    ("崇义县杨柳镇人民政府", "关于做好2024年安全生产工作的通知", ("杨柳镇", "county", "notice")),
])
def test_kind_and_jurisdiction(issuer, title, expected):
    from loaders import load_text

    raw = f"{issuer}\n{title}\n测发〔2024〕1号\n各有关单位：\n一、压实责任\n（一）开展检查（市应急局负责）。\n\n{issuer}\n2024年3月10日\n"
    d = load_text(raw, "t.txt").documents[0]
    assert (d.jurisdiction, d.level, d.kind) == expected


@pytest.mark.parametrize("printed,number", [
    ("杨政发[2024]12号", "杨政发〔2024〕12号"),
    ("舟安办（2024）15号", "舟安办〔2024〕15号"),
    ("湘安【2024】2号", "湘安〔2024〕2号"),
    ("衡政函〔2024〕第12号", "衡政函〔2024〕12号"),
    ("临政发〔2024〕1号", "临政发〔2024〕1号"),
])
def test_the_document_number_as_printed_and_normalised(printed, number):
    from loaders import load_text

    raw = f"测试市人民政府\n{printed}\n关于做好安全生产工作的通知\n各县人民政府：\n一、重点工作\n（一）开展检查（市应急局负责）。\n"
    d = load_text(raw, "t.txt").documents[0]
    assert (d.number, d.printed_number) == (number, printed if printed != number else None)


def test_site_labels_rank_the_dates_and_take_the_source_as_a_last_resort():
    from loaders import load_text

    raw = ("《襄阳市人民政府办公室关于进一步加强城镇燃气安全管理工作的通知》政策解读\n"
           "发布时间：2024-07-02　　来源：襄阳市住房和城乡建设局\n一、《通知》出台的背景是什么？\n答：市住建局要加强监管。\n")
    d = load_text(raw, "t.txt").documents[0]
    assert (d.issuer, d.date, d.kind) == ("襄阳市住房和城乡建设局", "2024-07-02", "interpretation")
    both = raw.replace("发布时间：2024-07-02", "发布日期：2024-07-02　成文日期：2024-06-28")
    assert load_text(both, "t.txt").documents[0].date == "2024-06-28"


def test_a_note_after_the_signature_holds_duties():
    from loaders import load_text

    raw = ("福建省安全生产委员会\n闽安委〔2024〕9号\n关于做好岁末年初安全防范工作的通知\n各设区市安委会：\n一、重点任务\n"
           "（一）开展检查。（省应急厅负责）\n\n福建省安全生产委员会\n2024年12月20日\n"
           "注：各设区市安委会请于2025年1月5日前将工作情况报送省安委办。\n\n抄送：省委办公厅。\n")
    d = load_text(raw, "t.txt").documents[0]
    assert (d.date, d.cc) == ("2024-12-20", ("省委办公厅",))
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [
        [("省应急厅", "responsible")], [("各设区市安委会", "responsible")]]
    assert d.unplaced == ()


TELEGRAM = """明传电报

发电单位：西安市人民政府办公厅          签批盘号：

等级：特急·明电          市政办明电〔2025〕15号

西安市人民政府办公厅
关于做好2025年国庆中秋假期安全防范工作的紧急通知

各区县人民政府，市人民政府各工作部门：

一、压实责任。各区县政府要切实扛起属地管理责任。

西安市人民政府办公厅
2025年9月26日
"""


def test_a_telegram_header_holds_the_number_after_its_grade():
    from loaders import load_text

    d = load_text(TELEGRAM, "t.txt").documents[0]
    assert (d.number, d.issuer, d.title, d.kind, d.date) == (
        "市政办明电〔2025〕15号", "西安市人民政府办公厅", "关于做好2025年国庆中秋假期安全防范工作的紧急通知", "notice", "2025-09-26")
    assert d.addressees == ("各区县人民政府", "市人民政府各工作部门")
    assert d.cited_document_numbers == ()


def test_a_meeting_summary_names_its_issuer_in_the_red_head():
    from loaders import load_text

    raw = ("杭州市人民政府专题会议纪要\n杭府纪要〔2024〕57号\n关于研究电动自行车安全管理工作的会议纪要\n"
           "一、会议要求，由市市场监管局牵头，市公安局配合，开展专项整治。\n\n杭州市人民政府办公厅\n2024年6月21日印发\n")
    d = load_text(raw, "t.txt").documents[0]
    assert (d.number, d.issuer, d.jurisdiction, d.level, d.kind) == (
        "杭府纪要〔2024〕57号", "杭州市人民政府", "杭州市", "city", "other")


def test_a_site_info_table_names_the_title():
    from loaders import load_text

    page = ("<html><body><table><tr><td>名称：</td><td>东莞市安全生产委员会关于印发重点工作任务分工的通知</td></tr>"
            "<tr><td>文号：</td><td>东安委〔2024〕3号</td><td>发布日期：</td><td>2024-03-08</td></tr></table>"
            "<div class='content'><p>各镇人民政府：</p><p>一、开展检查（市应急局负责）。</p>"
            "<p>东莞市安全生产委员会</p><p>2024年3月6日</p></div></body></html>").encode("utf-8")
    from loaders.html_text import html_text

    d = load_text(html_text(page, "p.html"), "p.html").documents[0]
    assert (d.number, d.title) == ("东安委〔2024〕3号", "关于印发重点工作任务分工的通知")


@pytest.mark.parametrize("trailer", [
    "联系人：李明，联系电话：0735-2881234\n附件：重大事故隐患挂牌督办清单\n",
    "附件：1．重点任务分工表\n2．联络员回执\n",
    "出席：张三、李四\n列席：市应急局、市公安局\n分送：市委办公室，市人大常委会办公厅\n",
])
def test_contact_attachment_and_attendance_lines_are_no_task_text(trailer):
    from loaders import load_text

    raw = ("测试市人民政府\n关于做好2025年安全生产工作的通知\n测政发〔2025〕1号\n各县人民政府：\n"
           "一、开展整治\n（一）开展检查。市应急局要开展检查。\n" + trailer + "\n测试市人民政府\n2025年1月1日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert [t.text for t in d.tasks] == ["开展检查。市应急局要开展检查。"]
    assert d.unplaced == ()


def test_a_running_header_after_a_page_number_is_dropped_from_a_name_it_cuts():
    from loaders import load_text

    raw = ("某某县人民政府\n某政发〔2025〕3号\n关于做好2025年安全生产工作的通知\n各乡镇人民政府：\n"
           "一、危险化学品。加强运输车辆停车场管理。（县应急管理局牵头，县交通运\n\n— 2 —\n\n某某县人民政府\n\n输局配合）\n"
           "\n某某县人民政府\n2025年1月1日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert [(a.name, a.role) for t in d.tasks for a in t.assignments] == [("县应急管理局", "lead"), ("县交通运输局", "support")]
    assert d.issuer == "某某县人民政府" and d.date == "2025-01-01"  # the signature after it is kept


@pytest.mark.parametrize("sentence,expected", [
    ("各牵头单位要按时报送进展。", [("各牵头单位", "responsible")]),
    ("市安委办将每季度进行调度通报。", [("市安委办", "responsible")]),
    ("市应急管理局负责汇总。", [("市应急管理局", "responsible")]),
    ("现将任务分工印发给你们，请认真贯彻落实。", [("各县、区人民政府", "responsible"), ("市安委会各成员单位", "responsible")]),
])
def test_each_sentence_of_an_unnumbered_letter_that_tasks_someone_is_a_task(sentence, expected):
    from loaders import load_text

    raw = ("盘锦市安全生产委员会\n盘安委〔2024〕4号\n关于印发任务分工的通知\n各县、区人民政府，市安委会各成员单位：\n"
           + sentence + "\n盘锦市安全生产委员会\n2024年3月20日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [expected]


def test_a_supervision_letter_to_one_government():
    # the addressee line opens the text; what happened there is no task; 你市安委会 is the addressee's area's committee
    from loaders import load_text

    raw = ("英德市人民政府：\n1月3日下午，你市工业园工地发生一起坠落事故，事故造成1人死亡。现对该起事故调查处理工作实行挂牌督办。\n"
           "请你市依照有关法律法规，抓紧组织事故的调查处理工作。事故调查报告经你市安委会审查同意，以你市安委会文件报市安委办审核。\n"
           "此函。\n清远市安全生产委员会办公室\n2020年1月7日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert (d.addressees, d.issuer, d.date) == (("英德市人民政府",), "清远市安全生产委员会办公室", "2020-01-07")
    assert [(t.text[:6], [(a.name, a.source) for a in t.assignments]) for t in d.tasks] == [
        ("请你市依照有", [("英德市人民政府", "addressee")]), ("事故调查报告", [("英德市安委会", "addressee")])]


def test_a_date_printed_with_dashes_under_the_issuer_signs():
    from loaders import load_text

    raw = ("平遥县人民政府关于做好防汛工作的通告\n一、各乡镇要加强巡查。\n特此通告。\n平遥县人民政府\n2017-7-6\n")
    assert load_text(raw, "t.txt").documents[0].date == "2017-07-06"


def test_a_joint_notice_signs_with_each_issuer_on_a_line_of_its_own():
    from loaders import load_text

    raw = ("南阳市交通运输局\n南阳市公安局交通警察支队\n宛交〔2025〕12号\n关于做好2025年春运道路运输安全工作的通知\n"
           "各县（市、区）交通运输局：\n一、强化源头管理。各县（市、区）交通运输局要督促道路客运企业落实主体责任。\n"
           "南阳市交通运输局\n南阳市公安局交通警察支队\n2025年1月8日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert (d.issuer, d.date) == ("南阳市交通运输局南阳市公安局交通警察支队", "2025-01-08")
    assert [t.text for t in d.tasks] == ["强化源头管理。各县（市、区）交通运输局要督促道路客运企业落实主体责任。"]
    assert d.unplaced == ()


def test_a_letters_sentence_asking_for_something_of_no_one_is_a_task_with_no_unit():
    from loaders import load_text

    raw = ("高平市人民政府办公室关于做好防汛工作的通知\n各乡镇人民政府：\n近期降雨频繁，防汛形势严峻。\n"
           "各乡镇要加强巡查，及时转移群众。\n要加强值班值守，确保信息畅通。\n高平市人民政府办公室\n2024年6月1日\n")
    doc = load_text(raw, "t.txt").documents[0]
    assert [(t.text, [a.name for a in t.assignments]) for t in doc.tasks] == [
        ("各乡镇要加强巡查，及时转移群众。", ["各乡镇"]), ("要加强值班值守，确保信息畅通。", [])]


def test_a_bare_request_asks_the_addressees():
    from loaders import load_text

    raw = ("高平市人民政府办公室关于印发防汛预案的通知\n各乡镇人民政府，市直各有关单位：\n"
           "现将《防汛预案》印发给你们，请认真贯彻执行。\n高平市人民政府办公室\n2024年6月1日\n")
    doc = load_text(raw, "t.txt").documents[0]
    assert [[(a.name, a.source) for a in t.assignments] for t in doc.tasks] == [
        [("各乡镇人民政府", "addressee"), ("市直各有关单位", "addressee")]]
    # with no addressee line, a bare 请 names no one
    doc = load_text("一、加强巡查\n请认真贯彻执行。\n", "t.txt").documents[0]
    assert [t.assignments for t in doc.tasks] == [()]


@pytest.mark.parametrize("addressee,expected", [
    # a letter to one body by name: what it asks without naming anyone is that body's, not a finding it states
    ("黄桷坪街道办事处", [[("黄桷坪街道办事处", "addressee")], [], [("各社区", "in_sentence")]]),
    # a letter to many bodies names no one for such an item
    ("各街道办事处", [[], [], [("各社区", "in_sentence")]]),
])
def test_a_letter_to_one_body_asks_it(addressee, expected):
    from loaders import load_text

    raw = (f"测试区人民政府\n关于燃气安全隐患整治的复函\n测府函〔2024〕56号\n\n{addressee}：\n你单位《关于…的请示》收悉。现函复如下：\n"
           "一、逐楼逐户开展入户排查，建立隐患台账。\n二、整治方案符合有关规定。\n三、各社区要做好宣传，完成后报你单位备案。\n"
           "\n测试区人民政府\n2024年9月1日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert [[(a.name, a.source) for a in t.assignments] for t in d.tasks] == expected
