"""Text copied from a government web page: furniture, the information block, paragraphs collapsed onto a line.

The snippets imitate the shapes of real web copies (site tables flattened to bars, one cell a line, labels
spaced out, tool rows, breadcrumbs, a whole notice on one line); names and numbers are made up.
"""

from __future__ import annotations

import pytest

from loaders import load_text
from loaders.collapsed import paragraphs
from loaders.normalize import widen
from loaders.web_text import web_text


def _kept(text: str) -> list[str]:
    lines = [" ".join(ln.split()) for ln in web_text(text).split("\n") if ln.strip()]
    return [ln.replace(" ：", "：").replace("： ", "：") for ln in lines]


@pytest.mark.parametrize("text,expected", [
    # a site table row flattened to bars: label：value pairs
    ("发布机构 | 平遥县人民政府 | 文号 | 平政发〔2023〕5号 | ||", ["发布机构：平遥县人民政府 文号：平政发〔2023〕5号"]),
    # one cell a line: the label takes the value on the next line
    ("文号 |\n平政发〔2023〕5号 |\n成文日期 |\n2023年3月1日 |", ["文号：平政发〔2023〕5号", "成文日期：2023年3月1日"]),
    # labels spaced out, values after spaces only
    ("索 引 号 | 1137/2024-04136 | 公开方式 | 主动公开 |", ["索 引 号：1137/2024-04136 公开方式：主动公开"]),
    ("组配分类 常务会议 发布机构 平遥县人民政府", ["组配分类：常务会议 发布机构：平遥县人民政府"]),
    # a bullet before a label
    ("  • 来源：平遥县人民政府办公室", ["来源：平遥县人民政府办公室"]),
    # furniture: breadcrumbs, tool rows, footers, a column name above the title
    ("您当前的位置：首页 > 政务公开 > 文件\n通知公告\n【字体：大 中 小】 打印本页 关闭窗口\n正文标题行",
     ["正文标题行"]),
    ("收藏\n\n下载法规\n\n我要纠错\n全文如下", ["全文如下"]),
    ("主办：平遥县人民政府 © 版权所有 2018\n晋ICP备12345号 网站标识码：1410000001", []),
    # a date alone, a heading, a plain sentence are no furniture
    ("2023年3月1日\n一、加强领导\n各乡镇要加强领导。", ["2023年3月1日", "一、加强领导", "各乡镇要加强领导。"]),
    # a task table's header is no information block
    ("主要任务 | 责任单位 |\n开展检查 | 县应急局 |", ["主要任务 | 责任单位 |", "开展检查 | 县应急局 |"]),
])
def test_web_text(text, expected):
    assert _kept(text) == expected
    assert len(web_text(text)) == len(text)


@pytest.mark.parametrize("line,expected", [
    # items after a sentence end, the addressees opening the line, a signature and its date
    ("市各有关单位： 根据上级部署，现将有关事项通知如下： 一、加强领导。各级各部门要成立工作专班，落实专人负责。"
     " 二、合理安排。县交通运输局要全面掌握客流动态，组织好运输工具。 平遥县人民政府办公室 二〇二三年一月十日",
     ["市各有关单位：", "根据上级部署，现将有关事项通知如下：", "一、加强领导。各级各部门要成立工作专班，落实专人负责。",
      "二、合理安排。县交通运输局要全面掌握客流动态，组织好运输工具。", "平遥县人民政府办公室", "二〇二三年一月十日"]),
    # a title, then the addressees; a heading's short title, then its text
    ("平遥县人民政府关于做好冬季安全生产工作的通知 各乡镇人民政府，县直各单位： 现将有关要求通知如下："
     " 一、加强领导，落实责任 各乡镇要把安全生产摆上重要日程，主要领导亲自抓，分管领导具体抓，层层落实责任，"
     "确保各项措施落到实处，坚决遏制各类事故发生。",
     ["平遥县人民政府关于做好冬季安全生产工作的通知", "各乡镇人民政府，县直各单位：", "现将有关要求通知如下：",
      "一、加强领导，落实责任", "各乡镇要把安全生产摆上重要日程，主要领导亲自抓，分管领导具体抓，层层落实责任，确保各项措施落到实处，坚决遏制各类事故发生。"]),
    ("平遥县安委会办公室 2023年2月20日 (此件公开发布)", ["平遥县安委会办公室", "2023年2月20日 （此件公开发布）"]),
    # a long line of ordinary text keeps its spaces; a marker right after "1." stays with its text
    ("1. 多措并举、标本兼治，坚决打赢煤矿安全生产攻坚战。一是严格实施双红线管理制度，加强煤矿技术基础管理，强制规范煤矿采掘作业"
     "活动，确保隐患排查治理和整改闭合到位，不断提升从业人员履职尽责能力。", None),
    ("各级各部门要认真落实 2024年度任务。", None),
    # no space at all: the numbered items right after a sentence end, counting on
    ("为确保全镇安全生产形势稳定，现就做好安全生产大检查有关事项通知如下：一、统一思想，提高认识。各村委会要认真贯彻上级部署，"
     "切实把安全生产工作摆到重要位置。二、突出重点，加强监管。各企事业单位要根据实际开展自查自纠，建立隐患台账，及时整改到位。",
     ["为确保全镇安全生产形势稳定，现就做好安全生产大检查有关事项通知如下：",
      "一、统一思想，提高认识。各村委会要认真贯彻上级部署，切实把安全生产工作摆到重要位置。",
      "二、突出重点，加强监管。各企事业单位要根据实际开展自查自纠，建立隐患台账，及时整改到位。"]),
    # …one item when the text announces it; a head glued before: its 文号 and addressee list
    ("重庆市人民政府办公厅文件渝办发[2012]238号各区县(自治县)人民政府,市政府有关部门,有关单位:当前,全市各地持续晴热高温。"
     "经市政府同意,现将有关事项通知如下:一、进一步加强安全生产工作的组织领导夏季高温天气期间历来是我市安全生产事故的高发期。"
     "各区县(自治县)人民政府要加强领导。",
     ["重庆市人民政府办公厅文件", "渝办发[2012]238号", "各区县(自治县)人民政府,市政府有关部门,有关单位:",
      "当前,全市各地持续晴热高温。经市政府同意,现将有关事项通知如下:",
      "一、进一步加强安全生产工作的组织领导夏季高温天气期间历来是我市安全生产事故的高发期。各区县(自治县)人民政府要加强领导。"]),
    ("各地要认真落实上级部署，切实加强领导，层层压实责任，确保各项措施落到实处：二、是各地的任务。"
     "各部门要加强协调配合，形成工作合力，共同推进安全生产各项工作落实落细，坚决遏制重特大事故发生，确保全年安全形势稳定。", None),
])
def test_collapsed_paragraphs(line, expected):
    got = [text for _, text in paragraphs(widen(line))]
    assert got == ([widen(line)] if expected is None else [widen(e) for e in expected])


_HEAD_TAIL = ("一、压实责任\n（一）开展检查。县应急局要加强检查，对辖区内生产经营单位开展全覆盖检查，发现隐患立即整改。\n"
              "各乡镇要落实属地管理责任，组织力量对辖区内重点行业领域开展拉网式排查，建立问题清单和整改台账。\n")


@pytest.mark.parametrize("header,expected", [
    # (web copy of a header, (文号, issuer, title, date, addressees))
    ("当前位置：首页 > 信息公开\n平遥县人民政府关于做好2023年安全生产工作的通知\n"
     "时间:2023-06-14 信息来源: 平遥县人民政府 浏览次数: 【字体:大 中 小】\n"
     "信息索引号 | 0129/2023-00568 | 发布时间 | 2023-06-14 | ||\n发布机构 | 平遥县人民政府 | 文号 | 平政发〔2023〕5号 | ||\n"
     "各乡(镇)人民政府,县直各单位:\n",
     ("平政发〔2023〕5号", "平遥县人民政府", "关于做好2023年安全生产工作的通知", "2023-06-14",
      ("各乡(镇)人民政府", "县直各单位"))),
    # the site's 发文机关 names a bureau, the title prefix the committee that signs
    ("标  题: 介休市安全生产委员会关于印发《介休市安全生产委员会2024年工作要点》的通知\n"
     "索 引 号: 1115/2024-3653124 发文字号: 介安委发〔2024〕8号 成文日期: 2024-06-13\n"
     "发文机关: 应急管理局 信息分类: 安全生产 公开日期: 2024-06-13\n\n"
     "介休市安全生产委员会关于印发《介休市安全生产委员会2024年工作要点》的通知\n\n"
     "来源:应急管理局 发布时间:2024-06-13 00:00 字号: 打印 保存 分享至:\n\n各乡镇人民政府,各街道办事处:\n",
     ("介安委发〔2024〕8号", "介休市安全生产委员会", "关于印发《介休市安全生产委员会2024年工作要点》的通知",
      "2024-06-13", ("各乡镇人民政府", "各街道办事处"))),
    # the page prints its title, then the document its own title: one title, not both
    ("EHS平台 法规首页 平遥县安委会办公室关于开展安全生产月活动的通知\n平遥县安委会办公室关于开展安全生产月活动的通知\n"
     "发文字号:——\n颁布部门:平遥县应急管理局\n颁布日期:2021-05-07生效日期:2021-05-07\n各乡镇安委会:\n",
     (None, "平遥县安委会办公室", "关于开展安全生产月活动的通知", "2021-05-07", ("各乡镇安委会",))),
    # a number that lost its closing bracket does not glue the page together
    ("平政办发〔2020〕12号 平遥县人民政府办公室关于开展安全生产攻坚行动的通知\n2021-06-06 平遥县 收藏\n朗读\n"
     "平政办发〔202012\n\n平遥县人民政府办公室\n\n关于开展安全生产攻坚行动的通知\n\n各乡镇人民政府、街道办事处:\n",
     ("平政办发〔2020〕12号", "平遥县人民政府办公室", "关于开展安全生产攻坚行动的通知", "2021-06-06",
      ("各乡镇人民政府", "街道办事处"))),
    # a forwarding notice: the issuer before 转发, the title from 转发 on
    ("平遥县人民政府办公室转发省政府办公厅关于认真抓好今冬明春安全生产工作的通知\n各乡镇人民政府，县直各部门：\n",
     (None, "平遥县人民政府办公室", "转发省政府办公厅关于认真抓好今冬明春安全生产工作的通知", None,
      ("各乡镇人民政府", "县直各部门"))),
    # words before 关于 that name no issuer are part of the title
    ("学习宣传贯彻习近平总书记关于安全生产重要论述专题\n各市安委会：\n",
     (None, None, "学习宣传贯彻习近平总书记关于安全生产重要论述专题", None, ("各市安委会",))),
    # a short form in the title, the full name in the signature: the signature's
    ("平遥县安委会关于印发2018年安全生产工作要点的通知\n各乡镇人民政府：\n现将工作要点印发给你们，请认真贯彻执行。\n"
     "平遥县安全生产委员会\n2018年2月24日\n",
     (None, "平遥县安全生产委员会", "关于印发2018年安全生产工作要点的通知", "2018-02-24", ("各乡镇人民政府",))),
    # small-form brackets and the signer beside the number
    ("平安办﹝2020﹞27号 签发人:王某\n各乡镇人民政府、区安委会各成员单位:\n",
     ("平安办〔2020〕27号", None, None, None, ("各乡镇人民政府", "区安委会各成员单位"))),
    # a copy that starts with the addressees; the issuing notice signs above what it issues
    ("区各部门、各乡（街道）人民政府： 经管委会同意，现将《关于进一步加强安全生产工作的意见重点工作任务的分工方案》"
     "印发给你们，请结合实际认真贯彻落实，确保各项任务按时完成。\n"
     "平遥经济技术开发区党政办公室 2020年2月20日 (此件公开发布)\n安全生产重点工作任务分工方案\n",
     (None, "平遥经济技术开发区党政办公室", None, "2020-02-20",
      ("区各部门", "各乡（街道）人民政府"))),
    # page tools before the fields on one line; the number printed after the title
    ("当前位置: 首页 » 政策法规 »平遥县安委会关于印发2024年工作要点的通知 (平安〔2024〕1号)\n\n"
     "平遥县安委会关于印发2024年工作要点的通知 (平安〔2024〕1号)\n\n扫描二维码 分享好友和朋友圈\n"
     "放大字体  缩小字体 2024-02-08 11:12:15  来源:平遥县安全生产委员会  浏览次数:494\n各乡镇人民政府:\n",
     ("平安〔2024〕1号", "平遥县安委会", "关于印发2024年工作要点的通知", None, ("各乡镇人民政府",))),
    # the browser's title (column and site after dashes), a breadcrumb that opens with the site's name, a cell's bar
    ("平遥县2024年安全生产工作要点 - 政策文件 - 平遥县人民政府门户网站\n"
     "平遥县人民政府门户网站 平遥县应急管理局 文件通知 平遥县安委会关于印发2024年工作要点的通知\n"
     "发布时间 : 2024-01-28 来源:平遥县应急管理局 所属单位:政府工作部门 字体大小:\n"
     "平遥县安委会关于印发2024年工作要点的通知 |\n各乡镇人民政府:\n",
     (None, "平遥县安委会", "关于印发2024年工作要点的通知", "2024-01-28", ("各乡镇人民政府",))),
    # a site's information row printed with no separators; a field left empty before the others
    ("发文字号平政函〔2024〕9号 发布日期2024-02-09\n发文机关平遥县人民政府办公室 关  键  字\n"
     "标  题关于成立县消防安全管理中心的通知\n各乡镇人民政府:\n",
     ("平政函〔2024〕9号", "平遥县人民政府办公室", "关于成立县消防安全管理中心的通知", "2024-02-09", ("各乡镇人民政府",))),
    ("索 引 号: pydn430/2023-00193 分 类: 规范性文件\n责任部门: 发文日期: 2023年03月01日\n"
     "标 题: 关于切实做好全国“两会”期间安全生产工作的通知\n各村委会:\n",
     (None, None, "关于切实做好全国“两会”期间安全生产工作的通知", "2023-03-01", ("各村委会",))),
    # no signing date and no date label: the date the page shows above the text, its time glued to it
    ("平遥县人民政府办公室关于开展安全生产检查的通知\n\n"
     "平遥县政府 www.pingyao.gov.cn 2020-11-06 17:23 来源:平遥县人民政府办公室 放大 正常 缩小\n\n各乡镇人民政府:\n",
     (None, "平遥县人民政府办公室", "关于开展安全生产检查的通知", "2020-11-06", ("各乡镇人民政府",))),
])
def test_web_copied_header(header, expected):
    d = load_text(header + _HEAD_TAIL, "t.txt").documents[0]
    assert (d.number, d.issuer, d.title, d.date, d.addressees) == expected
    assert "开展检查" in [t.text.split("。")[0] for t in d.tasks]


def test_rows_copied_with_their_bars_stay_rows():
    from loaders.normalize import clean

    rows = "行业 | 时间 | 责任单位 |\n网吧、KTV | 8月份 | 文化站 派出所 |\n景区(点)、宗教场所、 | 9月份 | 生态办 |\n"
    prose = "为深入贯彻落实安全生产工作部署，进一步加强本镇安全生产工作，结合实际，特制定本工作计划如下。\n"
    lines = clean(prose + rows).text.split("\n")
    assert lines[1:] == ["行业|时间|责任单位|", "网吧、KTV|8月份|文化站派出所|", "景区（点）、宗教场所、|9月份|生态办|"]


def test_an_indented_line_opens_a_paragraph():
    from loaders.normalize import clean

    text = ("  一、突出落实安全责任推动安全发展主题，推动学习习近平总书记关于安全生产重要论述精神走深走实\n\n"
            "  各地区、各有关部门和单位要结合正在开展的学习教育，安排理论学习中心组深入学习。\n")
    assert clean(text).text.split("\n")[1].startswith("各地区")
    assert clean(text.replace("  各地区", "各地区")).text.count("\n") == 0  # a long title line, then its wrapped end


def test_a_half_width_full_stop_between_chinese_words_ends_a_sentence():
    from loaders.normalize import widen

    assert widen("具有重要作用.各地要认真分析") == "具有重要作用。各地要认真分析"
    assert widen("三.加强领导 1.5倍 版本2.0") == "三.加强领导 1.5倍 版本2.0"  # a numbered heading, numbers
    d = load_text("一、加强领导\n（一）精心组织。大检查对全年目标具有重要作用.各地、各相关部门要认真分析。\n", "t.txt")
    assert [(a.name, a.role) for a in d.documents[0].tasks[0].assignments] == [
        ("各地", "responsible"), ("各相关部门", "responsible")]
