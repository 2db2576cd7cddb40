"""In-sentence actors: responsibility stated in the sentence itself."""

import pytest

from loaders import load_text
from loaders.actors import sentence_actors

CASES = [
    ("各级各部门要继续深化工作。", [("各级各部门", "responsible")]),
    ("企业要建立完善并落实安全风险分级管控制度。监管部门要通过系统加强检查。",
     [("企业", "responsible"), ("监管部门", "responsible")]),
    ("市17个专项应急指挥部年内都要组织一次实战化应急演练", [("市17个专项应急指挥部", "responsible")]),
    ("加强会商研判，有关部门要建立并严格落实安全风险会商研判机制", [("有关部门", "responsible")]),
    ("健全机制，发展改革、工业和信息化、行政审批等部门要建立完善并落实机制",
     [("发展改革", "responsible"), ("工业和信息化", "responsible"), ("行政审批", "responsible")]),
    ("由市应急局牵头，市人社局、市教育局配合，开展培训。",
     [("市应急局", "lead"), ("市人社局", "support"), ("市教育局", "support")]),
    ("事故结案后，由你局牵头组织评估。", [("你局", "lead")]),
    # a verb of oversight after the modal or 负责: the actor oversees; a named enterprise, or bodies named by a
    # kind of body (有关单位), implement
    ("你局要督促各有关单位依法依规落实各项要求", [("你局", "oversee"), ("各有关单位", "responsible")]),
    ("市应急局要督促各地落实责任。", [("市应急局", "oversee")]),
    ("区邮政管理局负责快递行业安全监管，监督检查寄递企业执行有关法律法规。", [("区邮政管理局", "responsible")]),
    ("县应急局要督促企业落实隐患排查治理制度。", [("县应急局", "oversee"), ("企业", "responsible")]),
    ("各街道办事处负责督促辖区企业建立隐患台账。", [("各街道办事处", "oversee"), ("企业", "responsible")]),
    ("请你局督促企业落实整改。", [("你局", "oversee"), ("企业", "responsible")]),
    ("市能源局要督促煤矿企业落实主体责任。", [("市能源局", "oversee"), ("煤矿企业", "responsible")]),
    ("市教育局要督促学校、医疗机构、餐饮企业落实燃气安全责任。",
     [("市教育局", "oversee"), ("学校", "responsible"), ("医疗机构", "responsible"), ("餐饮企业", "responsible")]),
    ("加强燃气使用场所检查，本项任务由市住建局负责。", [("市住建局", "responsible")]),
    ("开展安全生产月活动，此项工作由市委宣传部牵头。", [("市委宣传部", "lead")]),
    ("本项任务由市委宣传部负责，各县（市、区）不再单独落实。", [("市委宣传部", "responsible")]),
    ("市应急局。负责全市安全生产综合监督管理。", [("市应急局", "responsible")]),
    ("市应急局负责牵头，市公安局协同。", [("市应急局", "lead"), ("市公安局", "support")]),
    ("由省应急厅牵头会同省工信厅、省公安厅，深化整治提升。", [("省应急厅", "lead"), ("省工信厅", "support"), ("省公安厅", "support")]),
    ("由市应急管理局牵头，会同市司法局将《条例》纳入普法重点内容。", [("市应急管理局", "lead"), ("市司法局", "support")]),
    ("对推进不力的，由旗安委会对相关苏木镇主要负责人进行约谈。", [("旗安委会", "responsible")]),
    ("各辖市（区）教育局要督促学校食堂承包经营企业落实食品安全主体责任。",
     [("各辖市（区）教育局", "oversee"), ("学校食堂承包经营企业", "responsible")]),  # the whole name, not 学校
    ("县应急局要督促企业落实安全生产企业主体责任。", [("县应急局", "oversee"), ("企业", "responsible")]),
    ("加强专委会建设，充分发挥专委会统筹协调作用。", []),
    ("你镇要督促各村（社区）依托村级综合服务站建立应急队伍。", [("你镇", "oversee"), ("各村（社区）", "responsible")]),
    ("区经济和信息化局要指导工业企业落实消防安全主体责任。", [("区经济和信息化局", "responsible")]),  # 指导 alone: guidance
    ("你镇要督促辖区内非煤矿山、烟花爆竹批发经营等生产经营单位落实主体责任。",
     [("你镇", "oversee"), ("生产经营单位", "responsible")]),  # the kind after 等, not the list of trades
    ("县应急管理局将会同县自然资源局、县水利局组成联合督查组开展检查。",
     [("县应急管理局", "lead"), ("县自然资源局", "support"), ("县水利局", "support")]),
    ("镇派出所要严厉打击非法储存烟花爆竹行为。", [("镇派出所", "responsible")]),  # the 要 after 派出所 is a modal
    ("对职责不明确的，由市安委办按照业务相近原则提出意见。", [("市安委办", "responsible")]),
    ("指导公安派出所做好职责范围内的消防监督检查。", []),  # what a unit's duty list asks of it: no actor of its own
    ("县应急局所需物资要及时补充。", []),  # …the 需 of 所需 is none
    ("汛期各级各部门要严格落实24小时值班制度。", [("各级各部门", "responsible")]),  # the season is no part of the name
    ("各中心校要在7月10日前对辖区学校开展排查。", [("各中心校", "responsible")]),
    ("你局要加强工程质量安全监管，遇有重大问题要及时向市人民政府报告。", [("你局", "responsible")]),  # not 要及时向…
    ("县应急管理局牵头，联合县交通运输局、县公安局交通警察大队开展执法检查。",
     [("县应急管理局", "lead"), ("县交通运输局", "support"), ("县公安局交通警察大队", "support")]),
    ("省应急管理厅要及时发布预警信息，提示有关地区和企业做好防范应对。", [("省应急管理厅", "responsible")]),
    ("专职人员且具有相关专业学历的比例不低于三分之二。", []),  # a measure, not a body
    ("强化重点企业风险管控，推动有关企业做好监测预警系统接入准备。", []),  # what is pushed, with no modal, names no actor
    ("民航湖南监管局要加强机场净空保护，会同省公安厅、省发展改革委规范低空飞行活动。",  # 会同 in a later clause
     [("民航湖南监管局", "lead"), ("省公安厅", "support"), ("省发展改革委", "support")]),
    ("洛满镇、流山镇、太阳村镇要加强农村燃气安全宣传。",
     [("洛满镇", "responsible"), ("流山镇", "responsible"), ("太阳村镇", "responsible")]),  # towns by name
    ("各乡镇人民政府、各国有林场要修订预案，报你局备案。", [("各乡镇人民政府", "responsible"), ("各国有林场", "responsible")]),
    ("各中小学、各中等职业学校要对实验室开展检查。", [("各中小学", "responsible"), ("各中等职业学校", "responsible")]),
    ("市应急管理局要指导督促冶金、有色、建材、商贸等工贸企业落实安全生产主体责任。",
     [("市应急管理局", "oversee"), ("工贸企业", "responsible")]),
    ("各市（地）人民政府（行署）要严格落实领导责任。", [("各市（地）人民政府（行署）", "responsible")]),
    ("燃气管道更新改造由市住建局负责。", [("市住建局", "responsible")]),
    ("燃气管道改造由各县（市、区）住建局牵头，各管道燃气企业具体实施。",
     [("各县（市、区）住建局", "lead"), ("各管道燃气企业", "responsible")]),
    ("由于部分企业负责人安全意识淡薄。", []),
    ("市住建局统筹，各管道燃气企业具体负责。", [("市住建局", "lead"), ("各管道燃气企业", "responsible")]),
    ("请各地于5月20日前将检查情况报送我局。", [("各地", "responsible")]),
    ("请各成员单位确定1名联络员。", [("各成员单位", "responsible")]),
    ("各县区政府是本辖区森林防灭火工作的责任主体。", [("各县区政府", "responsible")]),
    ("请市安委会各成员单位加强检查。", [("市安委会各成员单位", "responsible")]),
    # a request to no one by name asks whom the letter addresses (你们: every addressee), at a sentence's start
    ("请认真组织实施。", [("你们", "responsible")]),
    ("请依法依规按程序办理。", [("你们", "responsible")]),
    ("各地安委办接到本通知后，请提前与省安委办联系。", [("各地安委办", "responsible")]),
    ("请示如下：", []),
    ("各县（市、区）卫生健康局要督促医疗机构落实消防安全责任制。", [("各县（市、区）卫生健康局", "oversee"), ("医疗机构", "responsible")]),
    ("建设单位要督促施工单位落实动火作业审批。", [("建设单位", "oversee"), ("施工单位", "responsible")]),
    ("充分发挥保险机构参与企业风险管控和事故预防功能。", []),  # 参与 after a name is no role verb
    ("请你县于2024年8月31日前督促相关企业完成整改。", [("你县", "oversee"), ("相关企业", "responsible")]),
    ("各行业主管部门要按照“三管三必须”要求，督促企业落实全员安全生产责任制。",
     [("各行业主管部门", "oversee"), ("企业", "responsible")]),
    ("市应急局要加强对嘉禾县整改工作的指导和监督。", [("市应急局", "oversee")]),
    ("市应急局要加强对企业的指导督促。", [("市应急局", "oversee"), ("企业", "responsible")]),
    ("市商务局要督促大型商场超市落实安全管理制度。", [("市商务局", "oversee"), ("大型商场超市", "responsible")]),
    ("市应急管理局要牵头组织专家开展排查，市公安局配合。", [("市应急管理局", "lead"), ("市公安局", "support")]),
    ("逾期未完成整改的，市安委办将提请市人民政府对你县有关负责人进行约谈。", [("市安委办", "responsible")]),
    ("由市安委办（市应急管理局）负责将整治工作纳入年度考核。", [("市安委办", "responsible")]),
    ("市公安局：负责道路交通安全管理。", [("市公安局", "responsible")]),
    ("市发展改革委：牵头推进安全生产规划实施。", [("市发展改革委", "lead")]),
    ("应急指挥中心建设。组织开展应急演练。", []),  # a title, not a unit labelling its duties
    ("市安委会各成员单位要督促本行业领域企业落实责任。", [("市安委会各成员单位", "oversee"), ("企业", "responsible")]),
    ("相关部门在监督检查中发现不属于本部门职责的问题。", []),  # 属于本…: no time after 于
    ("市应急管理局要加强对《方案》实施的指导督促，市生态环境局等部门按职责分工做好相关工作。",
     [("市应急管理局", "oversee"), ("市生态环境局", "shared")]),
    ("市应急管理局要加强对企业的监督检查。", [("市应急管理局", "responsible")]),  # an inspection, not oversight
    ("市应急管理局要加强对《方案》实施的指导和督促。", [("市应急管理局", "oversee")]),
    ("市应急管理局要加强对整改落实的督促检查。", [("市应急管理局", "oversee")]),
    ("县住建局、县自然资源局等单位在各自职责范围内做好燃气安全工作。", [("县住建局", "shared"), ("县自然资源局", "shared")]),
    ("重点企业要配备专职安全管理人员。", [("重点企业", "responsible")]),
    ("城镇管道燃气和农村瓶装液化石油气排查整治分别由市住建局、市商务局负责。",
     [("市住建局", "responsible"), ("市商务局", "responsible")]),
    ("市纪委监委具体负责问责工作。", [("市纪委监委", "responsible")]),
    ("各县市区人民政府对本行政区域内自建房安全排查整治负总责。", [("各县市区人民政府", "responsible")]),
    ("各市要组织开展排查。省有关部门要加强指导督促。", [("各市", "responsible"), ("省有关部门", "oversee")]),
    ("各地要加强巡查。", [("各地", "responsible")]),
    # no unit name holds a verb or a quotation, nor begins with 其 (its: someone named before)
    ("构建“政府监管、行业管理、企业负责、社会监督”的安全生产工作格局。", []),
    ("强化责任落实，提升领导干部统筹发展和安全的能力。", []),
    ("县安委会成员因故不能参加会议的，其所在单位应委派其他同志参会。", []),
    ("其他有关部门要配合。", [("其他有关部门", "responsible")]),
    ("安委会、减灾委分类统筹。", [("安委会", "lead"), ("减灾委", "lead")]),  # an adverb before the verb
    # a long 对… between the unit and what it answers for (brackets and commas-free lists inside)
    ("县（市、区）人民政府对本行政区域内道路交通、消防（不含森林消防）等各类安全生产工作负总责。",
     [("县（市、区）人民政府", "responsible")]),
    ("辽阳市政府对全市行政区域内公共安全、安全生产工作负领导责任。", [("辽阳市政府", "responsible")]),
    ("各区、各部门要高度重视。", [("各区", "responsible"), ("各部门", "responsible")]),
    ("各县要组织开展排查。", [("各县", "responsible")]),
    # bodies a sentence pushes, after an adverb; named by level or 各 first, then perhaps ones that implement
    ("全面推动各级党委政府、有关部门和企事业单位落实责任。",
     [("各级党委政府", "responsible"), ("有关部门", "responsible"), ("企事业单位", "responsible")]),
    ("进一步推动安全生产改革发展。", []),
    # …and after a comma, before the modal of those pushed
    ("坚持以上率下，督导县（市、区）级党委常委会、政府常务会每季度要专题研究一次安全生产工作。",
     [("县（市、区）级党委常委会", "responsible"), ("政府常务会", "responsible")]),
    ("督导组要每月开展一次检查。", [("督导组", "responsible")]),
    ("各地、各专委会，各安委会成员单位和相关责任单位要切实落实安全责任。",
     [("各地", "responsible"), ("各专委会", "responsible"), ("各安委会成员单位", "responsible"), ("相关责任单位", "responsible")]),
    ("督促各部门、社区加强安全生产工作。", [("各部门", "responsible"), ("社区", "responsible")]),
    # a unit that does it with no modal (做好, 各司其职); not a title in 《》 nor a verb's object
    ("气象部门要加强预报频次，水利部门做好水情监测预报，海事、农业农村部门全力做好回港避风工作。",
     [("气象部门", "responsible"), ("水利部门", "responsible"), ("海事", "responsible"), ("农业农村部门", "responsible")]),
    ("各地各有关部门各司其职、各尽其能。", [("各地各有关部门", "shared")]),  # each its own part
    ("依据《山西省人民政府关于做好2024年安全生产工作的通知》，制定本方案。", []),
    ("在“安全生产月”活动期间，各村，单位要组织开展隐患排查。", [("各村", "responsible"), ("单位", "responsible")]),
    ("镇防火办组织力量，在高火险时段开展巡查。", [("镇防火办", "responsible")]),
    ("客运安全是重中之重，运管所一是要重点检查客运站，二是要加强值守。", [("运管所", "responsible")]),
    ("请各地各部门明确一名联络员，于3月10日前报区安委办。", [("各地各部门", "responsible")]),
    ("请各镇乡（街道）加强值班。", [("各镇乡（街道）", "responsible")]),
    ("县公安局负责维护秩序，配合乡镇做好人员撤离工作。", [("县公安局", "responsible")]),
    ("街道办事处负责督促内设机构和社区（村）履行安全生产监管职责。",
     [("街道办事处", "oversee"), ("内设机构", "responsible"), ("社区（村）", "responsible")]),
    ("区商务局要指导、督促商贸流通企业贯彻执行安全生产法律法规。", [("区商务局", "oversee"), ("商贸流通企业", "responsible")]),
    ("督导县级党委政府领导定期组织专题会议。", []),  # people are pushed
    # a recurring time after the actor acts as its modal; "X，请…" and "X接到本通知后，请…" ask X
    ("各市县、各有关部门和单位每月15日前报送安全生产大检查情况。", [("各市县", "responsible"), ("各有关部门和单位", "responsible")]),
    ("各级党委每季度、政府每月至少召开一次会议。", [("各级党委", "responsible")]),
    ("各地安委办接到本通知后，请提前与省安委办联系。", [("各地安委办", "responsible")]),
    ("督促企业每月开展自查。", []),
    ("县安委会成员会议制度县安委会成员会议原则上每季度召开一次。", []),
    # 请 asks units by their short names too, and a name goes on past 部 to 部门
    ("请各县市区、市防指各成员单位按照IV级应急响应要求。", [("各县市区", "responsible"), ("市防指各成员单位", "responsible")]),
    ("请各级各部门严格按照防汛应急响应的规定和要求，加强组织领导。", [("各级各部门", "responsible")]),
    # the lead a unit works under is no part of its name
    ("省消防安全委员会在省政府领导下，负责组织、协调全省消防工作。", [("省消防安全委员会", "responsible")]),
    ("县安委会在县委、县政府领导下，负责研究部署全县安全生产工作。", [("县安委会", "responsible")]),
    # a clause that organises others names no actor of its own
    ("各县（市、区）政府要落实属地责任，组织公安、应急管理、市场监管等部门，开展联合检查。",
     [("各县（市、区）政府", "responsible")]),
    # a group's make-up: the unit whose man heads it leads (not the name and title after it), the members support
    ("煤矿安全督查组，由市煤炭安全局孙伟任组长，成员由市煤炭安全局、市国土资源局、市公安局有关人员组成。",
     [("市煤炭安全局", "lead"), ("市国土资源局", "support"), ("市公安局", "support")]),
    ("道路交通安全督查组，由市公安局副局长韩琦任组长，成员由市公安局、市交通局有关人员组成。",
     [("市公安局", "lead"), ("市交通局", "support")]),
    ("各级人民政府要成立由政府主要领导任组长的领导小组。", [("各级人民政府", "responsible")]),
    # units that fit the duty to their own work, or act by a date, carry it with no modal
    ("各地、各有关部门和单位结合安全生产月活动开展宣传。", [("各地", "responsible"), ("各有关部门和单位", "responsible")]),
    ("各县（市）区在2017年9月15日前完成综合测算摸底。", [("各县（市）区", "responsible")]),
    ("要把安全生产与经济发展结合起来。", []),
    # a comma may part the actor from its modal (older notices); a time names no unit
    ("市直各有关部门，要依照各自职责，立即抽调人员组成督查组。", [("市直各有关部门", "responsible")]),
    ("各县（区）、各部门，要高度重视。", [("各县（区）", "responsible"), ("各部门", "responsible")]),
    ("同时，要加强巡查。", []),
    ("参照市政府也成立露天开采矿山专项整治领导小组。", []),  # 参照 X: a model, no actor
    # sector words sharing a head, a level before the first
    ("县公安、交通运输、渔政、国土资源、安监等部门要加强巡查。",
     [("县公安", "responsible"), ("交通运输", "responsible"), ("渔政", "responsible"), ("国土资源", "responsible"),
      ("安监", "responsible")]),
    # the unit that sets up or organises answers for it (not a body set up: 领导小组成立后…)
    ("市政府成立露天矿山专项整治工作领导小组，市长任组长。", [("市政府", "responsible")]),
    ("市应急局组织开展全市安全生产大检查。", [("市应急局", "responsible")]),
    ("领导小组成立后，要立即开展工作。", []),
    ("县（市）区人民政府要发挥综合协调职责。", [("县（市）区人民政府", "responsible")]),  # one character, then its qualifier
    ("各区、县（市）卫生健康局要加强监督。", [("各区、县（市）卫生健康局", "responsible")]),  # areas sharing one head
    ("各地区、各有关部门和单位要结合实际组织学习。", [("各地区", "responsible"), ("各有关部门和单位", "responsible")]),
    ("各镇、各部门和单位要高度重视。", [("各镇", "responsible"), ("各部门和单位", "responsible")]),
    ("各地、各校（园）要高度重视本次调研工作。", [("各地", "responsible"), ("各校（园）", "responsible")]),
    ("尤其是两个风景区所在的村要做好节日安全工作。", [("两个风景区所在的村", "responsible")]),
    ("镇安全生产工作领导小组要在放假前牵头组织检查。", [("镇安全生产工作领导小组", "lead")]),
    ("请各乡镇人民政府，高新区管委会及时将通知转发至辖区企业。", [("各乡镇人民政府", "responsible"), ("高新区管委会", "responsible")]),
    ("请各区县住建局、市安监总站、各有关单位切实做好防御工作。",
     [("各区县住建局", "responsible"), ("市安监总站", "responsible"), ("各有关单位", "responsible")]),
    ("区文旅局负责指导督促剧本娱乐经营场所履行安全生产责任。", [("区文旅局", "oversee"), ("剧本娱乐经营场所", "responsible")]),
    # the bodies after 对 of "对…进行督促检查"; a later clause of the sentence that oversees an enterprise by name
    ("县安委办要对相关单位、企业整改落实情况进行督促检查。",
     [("县安委办", "oversee"), ("相关单位", "responsible"), ("企业", "responsible")]),
    ("各级商务主管部门要紧盯大型商业综合体，督促商贸企业落实主体责任。", [("各级商务主管部门", "oversee"), ("商贸企业", "responsible")]),
    ("各镇要加强对非煤矿山的监管，督促引导有关企业做好防范。", [("各镇", "oversee"), ("有关企业", "responsible")]),
    ("市应急局要加强检查，确保安全。", [("市应急局", "responsible")]),
    # a list of actors that goes on past a comma; a number a collapsed copy left before the actor
    ("各区、县（市）卫生健康局，委属各单位要认真贯彻落实。",
     [("各区、县（市）卫生健康局", "responsible"), ("委属各单位", "responsible")]),
    ("为做好节日期间工作，各乡镇要加强检查。", [("各乡镇", "responsible")]),
    ("成立工作专班负责推动落实。1.由市应急局负责总方案。", [("市应急局", "responsible")]),
    # a sentence that opens by pushing bodies to act names them (the pushing unit is the issuer)
    ("推动各村（社区）、镇安委会各成员单位将安全生产纳入重要议程。",
     [("各村（社区）", "responsible"), ("镇安委会各成员单位", "responsible")]),
    ("推动安全生产治本攻坚行动走深走实。", []),
    ("要求各县区于6月底前完成自查。", [("各县区", "responsible")]),
    # a time between the actor and its modal
    ("调研组在调研期间要认真遵守疫情防控规定。", [("调研组", "responsible")]),
    ("各企业在汛期要加强值守。", [("各企业", "responsible")]),
    ("存在问题的企业要限期整改。", [("存在问题的企业", "responsible")]),
    # the unit whose leader leads a group leads
    ("由市煤炭工业局1名县级领导带队，2名专业人员参加。", [("市煤炭工业局", "lead")]),
    ("由市应急局分管领导带队开展检查。", [("市应急局", "lead")]),
    # a person acts, not a unit (the 要 of 主要 is no modal)
    ("安全生产实行政府及其部门主要领导负总责。", []),
    ("各级人民政府主要负责人要对本辖区地质灾害防治负总责。", []),
    ("本级人民政府统一领导和全面负责本行政区域的消防工作。", []),
    # a unit asked by another's words: not the words that ask
    ("会议原则同意县安委办提交的通知，要求县安委办牵头修改完善后发文实施。", [("县安委办", "lead")]),
    ("区委常委、副区长王某要求“请区安委办牵头抓好落实”。", [("区安委办", "lead")]),
    ("各部门要加强监督管理。", [("各部门", "responsible")]),
    ("省安委办负责进一步完善企业主要负责人履职制度。", [("省安委办", "responsible")]),
    ("市安委办将把燃气安全工作纳入年度考核。", [("市安委办", "responsible")]),
    ("将安全生产纳入考核。", []),
    ("市生态环境局、市自然资源和规划局等部门要按照职责分工给予支持。",
     [("市生态环境局", "shared"), ("市自然资源和规划局", "shared")]),
    ("县安委会各成员单位于每月25日前将排查情况报送县安委办。", [("县安委会各成员单位", "responsible")]),
    ("请各有关单位于每周五前报送。", [("各有关单位", "responsible")]),
    ("县城市管理局是全县燃气安全的行业主管部门，负责全县燃气行业管理。", [("县城市管理局", "responsible")]),
    ("由市安委办会同市委编办提出监管责任划分意见。", [("市安委办", "lead"), ("市委编办", "support")]),
    ("请你局会同南康区市场监管局，督促企业落实整改。", [("你局", "lead"), ("南康区市场监管局", "support")]),
    # the 应 of 供应 is no modal; a role verb follows the unit
    ("各乡镇人民政府负责组织辖区内加油站、液化气供应站开展隐患自查。", [("各乡镇人民政府", "responsible")]),
    ("县消防救援大队负责物资供应保障。", [("县消防救援大队", "responsible")]),
    ("县消防救援大队要对危险化学品仓储场所开展检查。", [("县消防救援大队", "responsible")]),
    # a second clause with its own units and role phrase
    ("县应急局负责，县住建局、县交通运输局等部门按职责分工做好相关工作。",
     [("县应急局", "responsible"), ("县住建局", "shared"), ("县交通运输局", "shared")]),
    ("由你局会同市市场监管局实施差异化监管。", [("你局", "lead"), ("市市场监管局", "support")]),
    ("由县应急管理局牵头，县公安局配合，全面排查危险化学品生产、储存、经营单位。",
     [("县应急管理局", "lead"), ("县公安局", "support")]),
    ("各乡镇要持续强化对停产半停产企业的巡查检查力度", [("各乡镇", "responsible")]),
    ("各乡（镇）人民政府要常态化落实安全生产", [("各乡（镇）人民政府", "responsible")]),
    ("扣紧安全责任链条\n生产经营单位要统筹落实", [("生产经营单位", "responsible")]),
    # a name keeps its own brackets, in either width or mixed (text that was not cleaned)
    ("各县(市、区)人民政府要加强隐患排查。", [("各县(市、区)人民政府", "responsible")]),
    ("各县（市、区)人民政府要加强隐患排查。", [("各县（市、区)人民政府", "responsible")]),
    ("各县[市、区]人民政府要加强隐患排查。", [("各县[市、区]人民政府", "responsible")]),
    ("市直各有关部门、各县(市、区)人民政府要加强隐患排查。",
     [("市直各有关部门", "responsible"), ("各县(市、区)人民政府", "responsible")]),
    ("由各县(市、区)人民政府负责，市应急局配合。", [("各县(市、区)人民政府", "responsible"), ("市应急局", "support")]),
    # a role verb after a unit at a clause start; 会同 names partners who answer with the lead
    ("各乡镇要落实属地责任，县消防救援大队负责业务指导。", [("各乡镇", "responsible"), ("县消防救援大队", "responsible")]),
    ("市应急局牵头，市公安局、市交通局配合，开展联合执法。",
     [("市应急局", "lead"), ("市公安局", "support"), ("市交通局", "support")]),
    ("县应急局要会同县工信局加强指导。", [("县应急局", "lead"), ("县工信局", "support")]),
    ("市应急局会同市公安局、市交通局开展联合执法。",
     [("市应急局", "lead"), ("市公安局", "support"), ("市交通局", "support")]),
    ("你局要会同市应急局、国家矿山安全监察局山西局大同分局加强对煤矿企业的监督检查。",
     [("你局", "lead"), ("市应急局", "support"), ("国家矿山安全监察局山西局大同分局", "support")]),
    ("县应急局会同县委组织部开展督查。", [("县应急局", "lead"), ("县委组织部", "support")]),
    # not actors
    ("推行安委会“双主任”制，由各级党委和政府主要负责人同时担任安委会主任。", []),  # 负责人: no role
    ("各级负责同志要带头检查。", []),
    ("企业负责人要履行第一责任。", []),
    ("要以安全生产治本攻坚三年行动为抓手，围绕开展十大行动", []),
    ("在减少检查频次的同时，要提升检查质效", []),
    ("按照国务院安委会统一部署，由市安委会统筹协调，围绕开展", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentence_actors(text, expected):
    assert [(r.name, r.role) for r in sentence_actors(text)] == expected


NOTICE = """关于做好安全生产工作的通知
测政发〔2025〕3号
各县人民政府：
一、强化责任
（一）压实责任。各单位要落实责任。
责任单位：市应急局、市公安局
（二）强化执法。开展执法检查。
牵头单位：市应急局
配合单位：市公安局、市交通局
测试市人民政府
2025年1月3日
"""


def test_unbracketed_label_lines_attribute_the_task_above():
    d = load_text(NOTICE, "x.txt").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [
        [("市应急局", "responsible"), ("市公安局", "responsible")],
        [("市应急局", "lead"), ("市公安局", "support"), ("市交通局", "support")],
    ]
    assert (d.number, d.issuer, d.date) == ("测政发〔2025〕3号", "测试市人民政府", "2025-01-03")


HEADING_ATTRIBUTION = """关于做好安全生产工作的通知
测政发〔2025〕3号
各县人民政府：
一、重点行业
1.煤矿领域（牵头单位：市能源局；配合单位：市应急局）
（1）加强瓦斯治理。开展专项行动。
（2）强化监测预警。建设系统。（市能源局负责）
2.危险化学品（市应急局负责）
加强重大危险源管控。
测试市人民政府
2025年1月3日
"""


def test_an_attribution_on_a_heading_covers_its_section_unless_a_task_has_its_own():
    d = load_text(HEADING_ATTRIBUTION, "x.txt").documents[0]
    assert [s.title for s in d.sections] == ["重点行业", "煤矿领域", "加强瓦斯治理", "强化监测预警", "危险化学品"]
    assert [(t.text, [(a.name, a.role) for a in t.assignments]) for t in d.tasks] == [
        ("加强瓦斯治理。开展专项行动。", [("市能源局", "lead"), ("市应急局", "support")]),
        ("强化监测预警。建设系统。（市能源局负责）", [("市能源局", "responsible")]),
        ("加强重大危险源管控。", [("市应急局", "responsible")]),
    ]


WEB_PAGE = """索引号：11140000MB12345/2024-00012  主题分类：安全生产
发文机关：临汾市人民政府  成文日期：2024年02月09日
标题：临汾市人民政府关于做好2024年安全生产工作的通知
发文字号：临政发〔2024〕1号  发布日期：2024年02月20日
各县（市、区）人民政府：
一、总体要求
（一）强化理论学习。加强学习。（市委宣传部、市应急局分工负责）
"""


def test_metadata_from_a_government_web_page_header():
    d = load_text(WEB_PAGE, "page.html").documents[0]
    assert (d.number, d.issuer, d.title, d.date, d.jurisdiction, d.kind) == (
        "临政发〔2024〕1号", "临汾市人民政府", "关于做好2024年安全生产工作的通知", "2024-02-09", "临汾市", "notice")
    assert d.addressees == ("各县（市、区）人民政府",)
    assert [[a.name for a in t.assignments] for t in d.tasks] == [["市委宣传部", "市应急局"]]


CUTS = [
    # (text, the duties it holds): a numbered item whose sentences or clauses name different actors is one duty
    # with all of them (as analysts annotate it) …
    ("各乡镇要加强巡查。县直有关部门要加强指导。", ["各乡镇要加强巡查。县直有关部门要加强指导。"]),
    ("县公安局负责查处非法运输，县交通运输局负责运输企业监管，县消防救援大队负责检查。",
     ["县公安局负责查处非法运输，县交通运输局负责运输企业监管，县消防救援大队负责检查。"]),
    ("加强管控。县应急局要督促企业落实制度。企业要建立台账。", ["加强管控。县应急局要督促企业落实制度。企业要建立台账。"]),
    ("市气象局要加强监测预报，市水利局要做好水情监测。", ["市气象局要加强监测预报，市水利局要做好水情监测。"]),
    ("由市应急局牵头，市公安局配合，开展联合执法。", ["由市应急局牵头，市公安局配合，开展联合执法。"]),
    # … but the duties listed under each unit's name (成员单位职责) are each unit's own
    ("市经济信息委：负责工业企业的行业管理。市住房城乡建委：负责施工安全监督管理。",
     ["市经济信息委：负责工业企业的行业管理。", "市住房城乡建委：负责施工安全监督管理。"]),
    ("成员单位职责。市经济信息委：负责工业企业的行业管理。\n市住房城乡建委：负责施工安全监督管理。",
     ["成员单位职责。市经济信息委：负责工业企业的行业管理。\n", "市住房城乡建委：负责施工安全监督管理。"]),
]


@pytest.mark.parametrize("text,expected", CUTS)
def test_actor_cuts(text, expected):
    from loaders.actors import actor_cuts

    cuts = actor_cuts(text)
    assert [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])] == expected
