"""Question detection: the patterns of the gold guideline, in sentences written for these tests."""
import pytest

from tests.helpers import analyse_day, questions_by_n

FILLER = [("08:00:00", "路人甲", "大家早"), ("08:00:30", "路人乙", "早上好")]


def asks(text, before=(), sender="提问者"):
    """Is `text` (after some messages `before`) detected as a question?"""
    msgs = list(FILLER) + [(f"09:{20 + i:02d}:00", s, t) for i, (s, t) in enumerate(before)]
    msgs.append(("09:30:00", sender, text))
    p = analyse_day(msgs)
    return len(msgs) - 1 in questions_by_n(p) or any(
        m.n == len(msgs) - 1 for q in p.questions for m in q.messages
    )


@pytest.mark.parametrize("text", [
    "退款到原卡一般几天能到账？",
    "请教下各位，代金券参与的订单部分退款，券的金额怎么分摊",
    "求推荐一个开源的对账平台",
    "有没有做过电商平台分账系统的",
    "想了解一下大家的清算系统是怎么处理节假日的",
    "你们的风控规则引擎是自研的吗",
    "网联的退款报文里要带原交易流水号么",
    "部分退款能不能直接冲正",
    "@陈安妮-某银行-架构 你们行用的哪家的加密机",
    "退款是走原路返回还是退到余额啊",
    # surprise, then an ask; 这么 in a check of one's understanding
    "你给的文档竟然是旧版的。有没有新版的",
    "这么配置对吧",
    "你们对账用撒工具",
    "二类户有单日限额的吧？",
    "你们是走的网联是吧",
    "那跨境的呢",
    # the same words that still ask: the name of something, a place for a kind of thing, a proposal to discuss
    "那个产品叫什么名字",
    "叫什么 我去搜搜",
    "哪些行业有这种分账场景",
    # looking at something, then asking about it; it depends, asked with a question mark
    "看这张截图，报的是什么错",
    "要看哪些指标才算合格？",
    "一般看对账文件。你们的对账文件里有哪些字段",
    "讨论下退款有哪些状态",
    # a report asked for, a question about an interview
    "谁有2023年度支付行业报告？",
    "那篇专访里说的联合建模，具体怎么做？",
    # an ask that opens the message or addresses the group, then the sender's details
    "自动对账怎么保证两边数据同步，可能涉及好几个系统同时上线，我就怕一跑起来就报错",
    "我们也接了银联，大家一般用哪家的鉴权通道，我看几家的报价差别挺大的",
    "商户进件流程是怎么走的呢，我们这边审核要三天多，客户一直在催",
    "他在不在这个群里",
    "还有没有别的渠道",
    "这个到底是什么原因呢",
    "差错怎么处理，比如单子没推过去，押金倒是先冻上了",
    "对账文件一般几点生成，我们这边要排批量",
    # 同问 (the same question) is never rhetorical; a flow drawn with dashes is not a title
    "同问，这么多商户怎么能快速对完账",
    "支付成功——进入待结算——T+1结算，是这样吗？",
    # an ask that opens the message goes on after a full stop; an ellipsis is no full stop; the ask said last
    "是否需要单独开一个备付金账户。我们现在只有一个",
    "对账差错一般在哪里处理。。我们系统里找不到入口",
    "商户说不该他们出。退款手续费谁来承担",
    # …but not a question word's ask, nor thanks after the ask
    "这个规定是谁定的？太离谱了",
    "谁知道这个报错码是什么意思",
    "有人有这家银行的接口文档吗？感谢！",
    "用什么方案，什么时候上线？",
    # a list of asks without a question mark is still a question
    "打分卡如何设计，如何根据打分卡划分商户等级",
    # still questions: A-not-A + 什么, 是不是 + 都可以
    "你们接网联的时候有没有什么坑",
    "对账文件是不是都可以用同一个格式？",
    "手续费一般收多少",
    "你们风控判断的条件主要有哪些",
    "咨询一下，退款手续费退不退",
    "谁知道饿了么接分账了么",
    "能加个微信吗？看看你们的代发怎么对接？",
    "这个不能给订单打标签？通过标签来统计后面的转化效果？",
    "《非银行支付机构网络支付业务管理办法》里的支付账户是什么意思？",
    "怎么解决跨行对账的问题？",
    "什么时候的事",
    "B故意不发货怎么处理",
    "借款人不还钱谁负责",
    # 我在想 + question word is wondering aloud: an implicit question
    "我在想怎么保证对账的幂等",
    "还有哪些要提前准备的？或者这里面要留意些什么，麻烦指教一下",
    "D0和T0这样的资金结算是不是属于代付",
    "是不是很贵",
    "你能不能看一下这个报文",
    "这种凭证叫什么名字？",
    # 呢 asking "what about", "what if"
    "借记卡呢",
    # 是A的还是B的
    "你说的积分是银行发的还是商场的",
    "一旦服务器宕了呢",
    "那你看看滴滴这个，是不是很接近呢",
    "不过有一处还是没看懂 小贷公司怎么绕开不能跨省放款的限制",
    # checking one's understanding
    "押金是按天退，保证金是按季退，不知道我这个理解对不对",
    "同学刚注册了公司，听说办EDI要大概五个月（公积金要交满三个月，上海只能查到一个月前的记录，EDI审批还要两个月），这样接入收单也要半年后了。不知道这种理解是否对。",
    # 有没有…做过, 有小伙伴…么: asks the group even with a joking emoji and a long setup
    "想插个话题，有没有做保险的小伙伴做过给医院垫付的功能，医院先开单到结算户，保险公司5分钟内垫付，这个5分钟无法核实是否到账，有小伙伴做过类似场景么[捂脸]",
    "统一网关的话，如果协议有变动，岂不是所有商户都要回归？",
    # a question word with context after the comma
    "清算中心那边出什么事了呢，好几个渠道的回调都超时了",
    "你们的备付金都放在哪家银行，都有哪些限制",
    "有人知道短信验证码通道怎么选的嘛",
    "群里有人对接过网联的协议支付么",
    "有好用的压测工具推荐吗",
    "麻烦各位帮我看一下这个报错",
    # a question mark inside, with the setup after it, still asks
    "群里有人能联系上银联的技术支持？我们的报文一直被拒",
    "这个对账文件的格式呢？我们下载下来是乱码",
    "你们用的是哪家的短信通道？最近到达率很低",
    "谁没有收到今天的对账文件？",
    "对账单按商户号拆开发好不好",
    "这样设计好吗",
    # 有的话私聊我: a follow-up to a request, not an offer
    "有做跨境收款的朋友推荐么，有的话私聊我",
    "我能问一下你们的清算周期吗",
    "@王小五 某城商行 北京?你们的对账文件几点生成？",
    "@王小五 某城商行 北京?哪一步报错",
    "传的是哪些字段? 和风控有关吗",
    "用的是redis? 还是memcache",
    "@赵六 你们全停了?",
    "你们公司在哪里",
    "去哪里申请支付牌照",
    "你觉得什么最重要？",
    "这个接口只管下单，不管退款是吧",
    # 'what about X呢', 'what if…呢' and asks the question words missed still ask
    "退款账户呢",
    "还有银联和网联之间的对账差异呢",
    "如果商户已经注销了呢",
    "你是哪块没看懂呢",
    # 哪块, 哪边, 咋个 ask like 哪个, 咋
    "你们现在主要做哪块",
    "这么多渠道，咋个对账",
    "? 赵六-某支付: 我们是T+1结算 ? - - - - - - - - - - - - - - - 节假日也是T+1吗？",
    # 谁知道 as a request, and 太 that is no exclamation
    "有谁知道网联的测试环境怎么申请",
    "这个限额是不是定得太低了，大家觉得呢？",
    "单笔五万的限额不算太高吧？",
    # 不然 that is no 'otherwise'
    "要不你们先说说现在怎么对账的？",
])
def test_real_questions(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    "这不就是二清吗？",
    "难道还要人工对账？",
    "是吗",
    "真的假的？",
    "？？",
    "怎么做都行，看你们业务",
    "要看你们怎么定义大额了",
    "几种方案都可以，消息补偿用得最多",
    "为什么我们对账老是对不平？后来查出来是渠道日切时间是23点",
    "明白了，多谢几位[抱拳]",
    "要不要试试我们公司的扫码产品呀",
    "各位好，今天请到嘉禾给大家做分享，主题是跨境收单，讲的时候请大家先别插话，讲完以后请大家踊跃发言，谢谢配合",
    "我得好好消化一下，后续再请教！",
    "海南真没啥好逛的",
    "也不是那么慢吧...",
    "都上链了，还要CA干啥",
    "这么多充电宝，为啥还要自己买",
    "对方啥样的不知",
    "你去京东搜搜有没有",
    "两地机房的缓存一致是什么方案处理的？ 答：用的中间件自带的复制",
    "今天主要介绍一般的公司如何才能做供应链金融？ 1、自己建销售渠道 2、和已有渠道深度合作",
    "那个商务同学问了我一句，二清是啥？",
    "就券商现在这合规水平，谁敢接",
    "要不微博私信问下",
    # question words used as indefinites, and statements that end with 呢
    "换个域名不是什么大事",
    "这个方案不算啥",
    "小公司的底薪并没有比大厂低多少，奖金才是大头",
    "只要签了字，再怎么改合同依然有效",
    "宣传里面是否有夸大不得而知，产品确实是挺好用",
    "我们这还没有对账平台呢",
    "系统正在迁移呢",
    # a question word, then the sender's own answer; 看 + question word = "it depends on"
    "怎么个拆分法，要看团队规模",
    "只是有问题，看双方怎么扯皮了",
    # doing something oneself, offering something: 那我也去了解一下, 要不我再给你约个…？
    "那我也去了解一下，看来是落伍了",
    "要不我再给你约个运维同事？",
    # A-not-A across two words: 现在 | 不在
    "这块我就不太清楚了，现在不在保险行业里了",
    # 怎么能 without a question mark: rhetorical
    "都是客户的钱，怎么能随便挪用啊",
    # the same question word in two clauses, no question mark: indefinite
    "哪里有需求，哪里就有市场",
    "谁出的问题，谁负责处理",
    "什么品类好卖，什么品类就会被抄烂",
    # whichever (A-not-A, then 不重要/都行), "any" (没/不 + verb + 什么), complaints and wonder
    # (怎么又, 咋这么), one's own impression (我怎么觉得), "or something" (还是怎么的), 还在…呢
    "股息稳定，跌不跌不重要",
    "这些功能做不做都行",
    "上线一年了，没出什么问题",
    "聚合支付好像不需要什么牌照",
    "怎么又要改接口了",
    "这个表咋这么宽",
    "我怎么觉得银联的规范写得不如网联",
    "好像是通道不稳定还是怎么的，反正没成功",
    "我还在跟银行确认配置呢",
    # the sentence with the question word ends with a full stop and the sender goes on: a statement
    "先梳理一下退款的流程是怎样的。这一步我们放在下周做。",
    "下面简单讲讲什么是清分。清分和结算是两个环节。",
    "我们讨论过要不要信任渠道的回调。如果每笔都等对账，体验就很差",
    # 谁知道呢, 天知道 (who knows): rhetorical, though 谁知道 asks
    "明年费率会不会再降，谁知道呢",
    "鬼知道监管下一步还会查什么？",
    # a question mark, then the sender's own exclamation: surprise or mockery
    "上线前连压测都不做？胆子真大！",
    "这家通道现在转账都不收手续费了？这么大方",
    "这种换皮的功能也能算产品创新？太好笑了",
    "缓存用不用也没有关系",
    "运费也没多花多少，走快递还省了事",
    "不要太纠结于用哪个框架",
    "这个业务可以做，关键就是会不会被封",
    "有些平台这么搞，监管能不查吗",
    "这个圈子什么时候是个头",
    "什么节奏",
    "平台和商户有协议，哪能随便改费率呢",
    "审不审计的，券商凑什么热闹",
    "你自己把密钥暴露了，怪谁呢",
    "有啥问题跟我说，我帮你约他们开发",
    "解密某宝借呗如何撬动千亿ABS",
    "为啥社区团购那么难做？终于有人把它讲透了！",
    "君子何患乎无兄弟也？-《论语》",
    "至于各家怎么做，那是各家自己的事",
    "我擦，他真的去银行了？",
    "我的天 你们那都经历了啥",
    "每家对这个文件的理解多少有些出入",
    "有这么做系统的么",
    "模拟一个报文算啥",
    "他马上反问，为什么要用网联，不用银联？",
    "好的，谢谢各位指点",
    "外包团队深入不了某个业务的",
    "系统会检查账户余额是否足额",
    "这个只能挂过渡科目，最后要确认是不是损失",
    "对私的也看走什么通道",
    "不然分不出你用了多少流量",
    "一直止损？那还玩啥",
    "新人哪里是负担，都当宝贝",
    "哟，饿了么",
    "应该是微信小程序里的饿了么",
    "@王五 方便加个微信吗",
    "这年头，谁不会写周报呀",
    "万能的百度，还能说啥好",
    "前台总不能是络腮胡大叔吧？",
    "只是从监管角度分析，并不针对谁",
    "所以平时不会怎么开，没办法才开",
    "能不能开户属于合规问题",
    "批不批取决于额度测算",
    "一般每个门店开通的商户都会有这权限，怎么用就看门店需求了",
    "哪个好其实还是取决于运营能力",
    "jsoup能解析html，没试过是否能执行脚本",
    "原来是这里转了链接，我说怎么今天这么多人问",
    "多少人就不知道了，没打算去",
    "她哪里还需要人带呀，都带新人了",
    "客户越来越难谈了，总想干点什么别的",
    "我们这是在讨论能不能上，既然不能上就不上了",
    "你说的需求还是不是很明白",
    "不论发不发送通知短信，库存数据都要扣减的",
    "挣不挣钱要看有没有场景",
    "具体客户愿不愿意续费，就看销售团队了",
    "批不批由主管和财务决定的",
    "7年7个主管，我是如何在大厂从P5升到P7的？",
    "有杭州的测试想找资深岗位么？我的团队在招好手！",
    "小团队哪里需要那么多东西，没有大bug就上线",
    # 呢 after a statement: I thought…, degree, progressive
    "我还以为费率很低呢",
    "关键一点，是看货是自营的还是商家的，商家的只能代发",
    "嗯，是的拼多多买的还是做工挺好的",
    "新食堂还挺大呢",
    "现在开会呢",
    "晕着呢",
    "分清了权限就行，叫啥名字不重要",
    "老王送了一本《数据是怎样存储的》给你",
    "大家可以看看《支付机构是不是银行》这本书",
    "他是在问哪些能报，和好不好审批两个问题",
    "用导航很容易忘记怎么认路",
    "入职以后干啥再说",
    "现在的问题不在于为啥不用gradle，而是谁来牵头的问题",
    "违约潮真相：还钱高峰已至，谁来为这场负债狂欢埋单？",
    # surprise: ？！
    "备付金还要全额缴存？！",
    # the title of a shared article, pasted as text
    "【观点】清算机构为什么要收网络服务费？",
    "独家：某支付公司如何半年拿下百万商户?",
    "专栏｜跨境支付的结算周期到底怎么算？",
    "账户体系——下一个监管重点？",
    "一文读懂聚合支付为什么会被叫停？",
    "深度揭秘某银行如何做到秒级清算",
    "跨行转账的钱到底是怎么走的？ - 某某问答",
    "聚合码为什么又被叫停了？-支付资讯网",
    # a question word, then the sender's own answer or comment after the comma
    "对账文件什么时候推送，那是渠道自己定的",
    "商户为什么要做实名，是因为监管要求了解你的客户",
    "限流限多少，降级降哪些，这才是方案的难点",
    "什么大厂出身，都不如踏实做事",
    # 有人…么 does not reach across a comma, nor take the 么 of 这么/怎么
    "有人说这个通道很稳，结果那哥么一上线就挂了",
    "去年就有人这么干过",
    # 有…推荐, 麻烦…下 stay inside one clause: 麻烦 as 'a hassle', a recommendation given
    "跨境这块麻烦啊，每笔都要线下补材料",
    "有好几家，推荐找做跨境的那两家",
    # a few words echoed with a question mark, then the sender's own comment
    "六位？我们接的几家都是八位验证码了",
    "外资控股？审批肯定过不了的",
    "这样算二清了吧？资金已经落地了",
    # rhetorical idioms: you are welcome, nonsense, how very, no wonder, everyone has
    "客气啥，都是同行",
    "你瞎扯什么呢",
    "这个月被催收电话烦成什么样了",
    "我说这两天怎么代付老是超时",
    "现在谁家没有个聚合码",
    # statements: 这就是为什么…, …取决于…, an A-not-A admitted not known, a request to connect
    "这就是为什么大家都不愿意做二清",
    "走哪个通道，取决于商户的行业",
    "新规出来以后能不能续牌不知道",
    "方便的话加个微信，后面有事再请教",
    # emphasis: 好不好/好吗 after a finished statement; 有啥可…的: nothing to
    "我做清算都十年了好不好",
    "这在国内是违规的好吗",
    "就一个字段的事，有啥可争的",
    # an offer, even with a question mark and an @
    "@陈安妮-某银行-架构 我有对账平台的设计文档，要么？",
    # 我能说…吗: a remark; 得过来吗: you cannot
    "我能说这就是个资金池吗？",
    "渠道那么多，你对得过来么？",
    "都接了三方了，你以为数据还能不出去？",
    "生产库直接给外包开权限，谁会这么干?",
    # whether-clauses embedded in a statement; 无从考证 (an admission)
    "出了问题再去查明是不是接口超时",
    "客户只关心是不是实时到账",
    "现在不确定是不是要报备到人行",
    "这个接口最早怎么设计的已经无从考证了",
    # the '?' after a group nickname with spaces is the export's lost separator
    "@王小五 某城商行 架构 北京?[强][强]",
    "聚合支付@王小五 某城商行 北京?",
    # a '?' between Latin letters (a lost character) or before a URL query
    "这个岗位对应的是C?O级别",
    "头像按规则生成，比如 img.example.com/{uid}.png?v=2",
    "谢谢分享@赵六 某支付?",
    "讲得很透彻，受教了@赵六 某支付?[抱拳]",
    # a quoted question whose 「」 were lost to '?', answered by the sender
    "? 赵六-某支付: 退款的钱一般怎么处理？ ? - - - - - - - - - - - - - - - 一般先从商户的待结算款里扣",
    # quotation marks lost to '?' around a quoted text
    "?2. 入群后请把群名片改成 公司-岗位-城市。三次提醒仍未修改的，会被请出群。?",
    # a '?' after the end of a sentence: an emoji the export lost
    "今晚的直播八点开始，请大家提前进会议室。?",
    # a Q&A site's answer pasted with its title; clickbait titles; a question told in a story
    "清算机构之间的备付金怎么划拨？ - 某某的回答 - 知乎",
    "条码支付新规落地？你可能没看懂监管的用意",
    "上次去供应商那开会，我问了一个问题，你们的对账是怎么做的？他们半天没答上来",
    # 哪里 for 那里 after a place or a person; a question word's clause as the subject
    "我上周去老王哪里聊了一下午",
    "以前公司就在科技园地铁站哪里",
    "上线前，怎么回滚倒是最关键",
    # 算是吧: 'sort of', an answer
    "网联那边应该算是吧。",
    # 请教了/咨询过: a request told, not made
    "昨天专门请教了法务同事，这种模式没问题",
    "上个月咨询过两家机构，报价都差不多",
    # a whole clause before 呢 states something
    "我们组最近也在重构账务系统呢",
    "渠道那边的手续费一笔也要好几毛呢",
    # doubt in the form of a question: as bad as you say? how many, really?
    "分布式事务真有你们说的那么难搞么",
    "这种补贴政策，真正能拿到的小公司又有多少",
    "就算换了通道，又能多省多少呢",
    "牌照拿到手了又能如何",
    "规则引擎也会出错，要不然还要人工复核干嘛",
    "客户投诉一下就得退，谁让人家是大商户呢",
    "你能保证每一笔回调都不丢？",
    "有了统一的清算平台，你不觉得这些对接都多余了？",
    "一天宕机三次还能叫高可用？",
    # request words that ask nothing: thinking (想问题), a firm's name (某某咨询：), none recommended,
    # the sender will ask someone else later
    "昨晚一直在想问题，没睡好",
    "某某咨询：2024年跨境支付行业报告",
    "我翻了一遍，应用商店里没有这个推荐",
    "好的，我一会去问下我们法务",
    "明天我找个懂行的同事问下",
    # 撒 ending a clause: a dialect particle (嘛), not 啥
    "这个肯定是走备付金账户撒",
    "直接找渠道的同学撒，他们最清楚",
    # 多多指教: a polite formula, not a request
    "大家好，我是做清算的小李，请多多指教",
    "以上是我们的方案，大家多指点",
    # surprise at what was just said
    "这么贵？",
    "这也能过审？",
    "手续费居然还要另收？",
    # more forms of a shared article's title: all in 《》, a source after _, a report's title, a 【…篇】
    # tail, a shared card, a Q&A site's answer by a name with a space, 终于说清楚了
    "《清算机构都在做的事，小公司为什么做不好？》",
    "条码支付的下一站在哪里？_某某财经",
    "2023年度支付行业报告：增量见顶，下一个风口在哪？",
    "聚合支付还能不能做？【政策篇】",
    "[cp]【某支付公司被罚】今日，某地人行公布罚单，某支付公司因违规被罚。via某某快讯 http://t.cn/abcd ?[/cp]",
    "备付金集中存管后利息归谁？ - John Smith 的回答",
    "为什么跨境支付总是贵？这篇文章终于讲明白了",
    # a bare question word embedded after a verb of saying, learning or weighing; 什么 for "something like";
    # a manner clause as the subject of a statement
    "他讲了半天也没说到为什么要分两套账",
    "上线前要先明确哪些交易走新通道",
    "我们还在考虑怎么迁移历史数据",
    "翻了一圈文档，没看到有哪里写了限额",
    "还有什么声纹识别这种，都不太成熟",
    "渠道那边说什么新规要求，又要改报文",
    "后来改成叫什么风险准备金",
    "怎么界定二清是个学问",
    # a question word in a clause between the sender's own statements
    "老系统本来就乱，当时为什么这么拆模块，现在已经没人说得清，这次重构只能一点点来了",
    "监管的口径一直在变，只能看窗口指导怎么说了，我们先按最严的标准把流程都改一遍",
    # teasing about one's personal life in a professional group: banter
    "你还单身吗",
    "你女朋友也是做风控的？",
    # 谁X谁知道 (whoever does it knows) is an idiom, not a request; 太…了吧？ exclaims
    "分库分表这事，谁做谁知道",
    "对账平台能有多难？谁写谁知道",
    "把所有密钥都放在前端，心也太大了吧？",
    # otherwise how could it…: an argument for the sender's own point
    "流水必须逐笔留痕，否则出了差错怎么追溯",
    "备付金肯定要专户管理的，不然跟普通账户有啥区别？",
    # it depends on…: the question words of the clauses after 一般看/主要看/得看 list what it depends on
    "一般看通道的接入文档，支持哪些卡种，手机号是否必填",
    "主要看你们的商户类型，什么行业，月流水多少",
    "那得看对方后台用的啥系统了",
    "二看结算账户是否已经报备",
])
def test_not_questions(text):
    assert not asks(text)


def test_a_rebuttal_to_someone_elses_question_is_not_a_question():
    before = [("甲", "现在备付金还能放在多家银行吗？")]
    assert not asks("央行不是早就发文了吗？现在都是集中交存", before=before, sender="乙")


def asks_in_discussion(text):
    """Is `text` a question, sent a minute after two others discussed something?"""
    msgs = list(FILLER) + [("09:28:00", "甲", "我们这边退款都是人工审核的"), ("09:29:00", "乙", "量大了人工肯定顶不住"),
                           ("09:30:00", "丙", text)]
    return len(msgs) - 1 in questions_by_n(analyse_day(msgs))


@pytest.mark.parametrize("text", [
    # a 不 in an earlier clause only describes the case; the last clause asks on its own
    "商户的积分和会员都不是刚需 有好的玩法么",
    "银联那边不太好对接，还有别的渠道推荐吗",
    "虚拟账户不是62开头的卡号，能走银联的清算吗",
    "这个接口不支持批量，指的是这种场景吗",
    # 是不是 is an A-not-A ask, not the 不是 of a rebuttal
    "这样成本是不是更高了，审核通过率高吗",
])
def test_a_not_before_the_clause_that_asks_is_no_rebuttal(text):
    assert asks_in_discussion(text)


@pytest.mark.parametrize("text", [
    "这不就是人工审核加规则引擎么",
    "你们不是有风控团队吗？让他们出规则",
    "现在不都是自动审核，人工兜底吗",
    "这不是早就有现成的方案了，先审后付么",
])
def test_a_rebuttal_in_a_running_discussion_is_still_not_a_question(text):
    assert not asks_in_discussion(text)


def test_a_tentative_answer_with_a_question_mark_is_not_a_question():
    before = [("甲", "非持牌的电商平台怎么解决担保交易的问题？")]
    assert not asks("大商户模式？", before=before, sender="乙")


def test_a_statement_with_ba_that_the_next_reply_confirms_asked_for_confirmation():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "二类户有金额限制吧"),
        ("09:00:20", "maple", "对，非绑定账户日累计一万"),
    ])
    assert 2 in questions_by_n(p)
    assert any("confirms" in r for r in questions_by_n(p)[2].reasons)


def test_a_statement_with_ba_that_the_next_reply_says_again_asked_for_confirmation():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "那家清算机构自己也有备案的吧"),
        ("09:00:20", "maple", "那家有备案，不过范围很窄"),
    ])
    assert 2 in questions_by_n(p)
    assert any("says it again" in r for r in questions_by_n(p)[2].reasons)
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "境外卡不支持这种验证方式吧"),
        ("09:00:20", "maple", "@小雨 不支持"),
    ])
    assert 2 in questions_by_n(p)


@pytest.mark.parametrize("reply", [
    "明天下午开会",  # about something else
    "那家有牌照吗？",  # asks back
    "那家清算机构自己也有备案的吧",  # a +1 chain: the same words again
    "那家备案的范围很窄，别指望",  # adds its own words
    "好好好",  # one character again and again
])
def test_a_statement_with_ba_not_said_again_is_not_a_question(reply):
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "那家清算机构自己也有备案的吧"),
        ("09:00:20", "maple", reply),
    ])
    assert 2 not in questions_by_n(p)


def test_a_statement_with_ba_that_goes_on_from_the_senders_own_statement_is_not_a_check():
    # a step of what the sender is saying himself: the 对 after it agrees with him
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "这两套流程的目标完全不同"),
        ("09:00:15", "小雨", "对账和清分的系统是分开部署的吧"),
        ("09:00:40", "maple", "对"),
    ])
    assert 3 not in questions_by_n(p)
    assert not any(m.n == 3 for q in p.questions for m in q.messages)
    # alone, the same statement the next reply confirms was a check
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "对账和清分的系统是分开部署的吧"),
        ("09:00:40", "maple", "对"),
    ])
    assert 2 in questions_by_n(p)


@pytest.mark.parametrize("before, text", [
    ("退款文件由哪一方生成", "只有发起方能生成退款文件吧"),  # a guess at his own question just before
    ("手续费现在收千分之六", "是千分之六，我没记错吧"),  # he checks his own memory
    ("这段规定讲的是备付金集中交存", "就是都交到一个账户里，是这个意思吧"),  # or his reading
])
def test_a_statement_with_ba_after_the_senders_own_message_can_still_check(before, text):
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", before),
        ("09:00:15", "小雨", text),
        ("09:00:40", "maple", "对"),
    ])
    assert any(m.n == 3 for q in p.questions for m in q.messages)


def test_too_much_with_ba_is_an_exclamation_even_without_a_question_mark():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "这家通道的退款规则也太苛刻了吧"),
        ("09:00:20", "maple", "对"),
    ])
    assert 2 not in questions_by_n(p)
    assert any("太…了吧" in r for m in p.msgs if m.n == 2 for r in m.ask_reasons)
    # 不太…了吧: a hedged guess the next reply confirms, still a check
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "现在线上开二类户不太方便了吧"),
        ("09:00:20", "maple", "对"),
    ])
    assert 2 in questions_by_n(p)


def test_a_statement_with_ba_that_nobody_confirms_is_not_a_question():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "二类户有金额限制吧"),
        ("09:00:20", "maple", "明天下午开会"),
    ])
    assert 2 not in questions_by_n(p)


def test_a_hedged_guess_with_ba_that_the_next_reply_confirms_asked_for_confirmation():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "对账文件的格式应该不会经常改吧"),
        ("09:00:20", "maple", "嗯，不会的，一年也就改一两次"),
    ])
    assert 2 in questions_by_n(p)
    assert any("hedged guess" in r for r in questions_by_n(p)[2].reasons)
    # nobody confirms it: an opinion; a suggestion (先…吧) stays a suggestion even when agreed to
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "对账文件的格式应该不会经常改吧"),
        ("09:00:20", "maple", "明天下午开会"),
        ("09:01:00", "小雨", "先找几家大商户聊聊需求吧"),
        ("09:01:20", "maple", "对，可以"),
    ])
    assert 2 not in questions_by_n(p) and 4 not in questions_by_n(p)


def test_a_statement_with_ba_put_to_someone_with_an_at_asks_them_to_confirm():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "@王五 你们的备付金是放在一家银行的吧"),
        ("09:00:20", "王五", "现在都集中交存了"),
    ])
    assert 2 in questions_by_n(p)
    assert any("put to someone" in r for r in questions_by_n(p)[2].reasons)
    # after someone's question it answers it; a suggestion or one's own view asks nothing
    p = analyse_day(FILLER + [
        ("09:00:00", "王五", "备付金现在放在哪里？"),
        ("09:00:20", "小雨", "@王五 应该是集中交存了吧"),
        ("10:00:00", "小雨", "@王五 下周三晚上再细聊吧"),
        ("11:00:00", "小雨", "@王五 我觉得这种模式不会有问题吧"),
    ])
    assert not {3, 4, 5} & set(questions_by_n(p))


def test_a_tentative_answer_with_ba_confirmed_by_the_asker_is_not_a_question():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "二类户的限额是多少？"),
        ("09:00:20", "maple", "日累计一万吧"),
        ("09:00:40", "小雨", "对，谢谢"),
    ])
    assert 3 not in questions_by_n(p)


def test_a_weak_question_in_a_stretch_of_laughter_is_banter():
    joking = [("路人丙", "哈哈哈"), ("路人丁", "笑死[捂脸]"), ("路人丙", "[偷笑][偷笑]")]
    assert not asks("你这搞得多少外卖平台集体涨价", before=joking)
    assert asks("你这搞得多少外卖平台集体涨价", before=[("路人丙", "网联下个月切量"), ("路人丁", "银行都在准备")])
    # a request for help still asks, however much the others laugh
    assert asks("请教下各位，退款手续费怎么退", before=joking)


def test_a_chain_of_the_same_message_is_not_a_question():
    before = [("甲", "为什么我都抢不到红包"), ("乙", "为什么我都抢不到红包")]
    assert not asks("为什么我都抢不到红包", before=before)


def test_an_echo_is_not_a_question():
    before = [("甲", "我们现在给商户做的是T0结算")]
    assert not asks("T0？", before=before, sender="乙")


def test_setup_before_the_ask_is_context_and_each_ask_is_its_own_question():
    p = analyse_day(FILLER + [
        ("09:00:00", "郑小川", "说个我最近做的需求：在不打扰用户确认的前提下，自动续订用户的会员套餐。"),
        ("09:00:05", "郑小川", "这个海外能上么？"),
        ("09:00:30", "郑小川", "发卡行有接口吗"),
        ("09:01:00", "果果", "可以，条款里写明白"),
    ])
    assert [[m.n for m in q.messages] for q in p.questions] == [[3, 2], [4]]
    assert all(q.reasons and q.score >= 0.5 for q in p.questions)


def test_a_continuation_is_context_and_a_bare_preamble_joins_the_ask():
    p = analyse_day(FILLER + [
        ("09:00:00", "小雨", "问个问题"),
        ("09:00:10", "小雨", "部分退款的手续费是按比例退还是不退？"),
        ("09:00:20", "小雨", "我们接的是银联的通道"),
        ("09:01:00", "maple", "按比例退"),
    ])
    assert len(p.questions) == 1
    q = p.questions[0]
    assert q.message.n == 3 and {m.n for m in q.context} == {2, 4}


def test_every_question_has_a_score_and_reasons():
    p = analyse_day(FILLER + [("09:00:00", "甲", "你们的对账单一般几点出？"), ("09:01:00", "乙", "早上6点")])
    q = p.questions[0]
    assert 0.5 <= q.score <= 1 and any("question mark" in r for r in q.reasons)


def test_system_messages_and_copies_are_never_questions():
    p = analyse_day(FILLER + [
        ("09:00:00", "甲", "\"乙\"撤回了一条消息"),
        ("09:01:00", "郑小川", "退款多久到账？"), ("09:01:00", "郑小川-某某外卖-技术", "退款多久到账？"),
        ("09:02:00", "郑小川", "早"), ("09:02:00", "郑小川-某某外卖-技术", "早"),
        ("09:03:00", "郑小川", "好"), ("09:03:00", "郑小川-某某外卖-技术", "好"),
        ("09:04:00", "郑小川", "嗯"), ("09:04:00", "郑小川-某某外卖-技术", "嗯"),
        ("09:05:00", "郑小川", "行"), ("09:05:00", "郑小川-某某外卖-技术", "行"),
    ])
    assert [q.message.n for q in p.questions] == [3]


def test_a_speakers_questions_to_the_audience_in_a_talk_are_not_questions():
    talk = [(f"20:{i:02d}:00", "讲者", line) for i, line in enumerate([
        "今天给大家讲讲充值业务", "先看整体架构", "这里有三个系统", "账务系统负责记账",
        "渠道系统负责对接银行", "那么充值的渠道有哪些？", "第一类是网银", "第二类是快捷支付", "第三类是代扣",
    ])]
    p = analyse_day(FILLER + talk + [("20:30:00", "听众", "讲得好[强]")])
    assert all("渠道有哪些" not in q.message.text for q in p.questions)


def test_asking_for_a_good_way_is_not_rhetorical():
    assert asks("渠道对账单经常中午才给，我们T+1对账的任务只能干等，大家有什么好办法吗")
    assert not asks("这有什么好担心的")


# Sentences with no question mark, particle, A-not-A, 还是, question word or request, and some
# that have one: the shortcut for the first kind must score them exactly as the full cues do.
SHORTCUT_SENTENCES = [
    "大家早上好", "今天的分享到此结束", "我们用的是银联的通道", "这个方案挺好的", "收到", "好的好的",
    "T+1对账，跨日差额T+3冲平", "ok", "[图片]", "哈哈哈哈", "明天见", "我觉得可以试试", "同意楼上",
    "退款要原路返回", "这个我也遇到过", "@张三 你看下这个", "谢谢指点", "咨询公司一般收费比较高",
    "这个是这样的", "有人知道这个吗", "怎么对账", "对账用的哪个系统", "能不能退款", "是A的还是B的",
    "谁有这方面的资料", "请教一下退款流程", "多大的量", "几点开始", "好吧", "还没呢", "否则会有问题",
    "周五下午三点在会议室", "代码已经提交了", "这个接口返回慢", "原因是证书过期", "已经解决了",
    "这个不行", "没问题", "多谢", "几乎没有", "还没上线", "不多", "多 大 的事", "多快好省", "看不看都行",
    "是不可能的", "对不起", "还是算了", "有木有人", "用没用过", "来不来",
    "不知道我这个理解对不对", "为何如此", "有无限额", "干嘛用的", "求推荐一个清算系统", "麻烦大家看一下",
    "这个费率是按笔收，还是按比例收", "是先清分，还是先结算",
    "退款收手续费不", "这个功能上线了没[微笑]", "我们还没", "那可不。",
]


def test_the_shortcut_for_messages_without_a_cue_scores_as_the_full_cues():
    import pathlib

    from extractor import questions
    from extractor.pipeline import analyse_conversations
    from extractor.readers import read_bytes

    convs = [analyse_day([(f"09:{i // 60:02d}:{i % 60:02d}", f"成员{i % 3}", t) for i, t in enumerate(SHORTCUT_SENTENCES)])]
    for path in sorted(pathlib.Path(__file__).parent.parent.joinpath("examples", "chats").glob("*.markdown")):
        found, _, _ = read_bytes(path.read_bytes(), path.name, "examples", source_path=str(path))
        convs += analyse_conversations(found)
    msgs = [m for p in convs for m in p.msgs]
    shortcut = sum(1 for m in msgs if m.body and not questions.MAY_ASK.search(m.body) and not questions.REQUEST.search(m.body))
    assert shortcut >= 20  # the shortcut is taken, and ...
    fast = [questions.question_cues(m, []) for m in msgs]
    questions._SHORTCUT[0] = False
    try:
        full = [questions.question_cues(m, []) for m in msgs]
    finally:
        questions._SHORTCUT[0] = True
    assert fast == full  # ... gives what the full cues give


def test_a_quoted_question_answered_by_the_sender_is_not_a_question():
    before = [("甲", "渠道的对账文件一般几点推送？")]
    assert not asks("问题：渠道的对账文件一般几点推送？ 回答：一般是凌晨两点以后", before=before, sender="乙")
    assert not asks("渠道的对账文件一般几点推送？---- 各家不一样，银联是凌晨", before=before, sender="乙")


def test_a_question_about_a_quoted_message_still_asks():
    before = [("甲", "对账文件一般凌晨推送过来的")]
    assert asks("对账文件一般凌晨推送过来的 ---- 这个时间能改吗？", before=before, sender="乙")
    assert asks("渠道的对账文件一般几点推送？同问", before=[("甲", "渠道的对账文件一般几点推送？")], sender="乙")


def test_a_question_the_sender_follows_with_his_own_conclusion_is_not_a_question():
    msgs = list(FILLER) + [("09:20:00", "王五", "这种小机构扛得住这么严的审查么"),
                           ("09:20:20", "王五", "肯定扛不住，只能找别的路子")]
    assert 2 not in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("09:20:00", "王五", "长款的钱最后归谁"),
                           ("09:20:20", "王五", "所以想问问大家一般怎么处理")]
    assert 2 in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("09:20:00", "王五", "这种小机构扛得住这么严的审查么"),
                           ("09:20:20", "赵六", "肯定扛不住")]
    assert 2 in questions_by_n(analyse_day(msgs))


def test_a_question_the_sender_laughs_at_right_after_is_a_joke():
    msgs = list(FILLER) + [("09:20:00", "王五", "年终奖发下来够买个小岛了吗"),
                           ("09:20:05", "王五", "哈哈哈")]
    assert 2 not in questions_by_n(analyse_day(msgs))
    # someone else laughing, or the asker's embarrassed emoji, does not make it a joke
    msgs = list(FILLER) + [("09:20:00", "王五", "你们的清算系统支持多币种吗"),
                           ("09:20:05", "赵六", "哈哈哈")]
    assert 2 in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("09:20:00", "王五", "你们的清算系统支持多币种吗"),
                           ("09:20:05", "王五", "[捂脸]")]
    assert 2 in questions_by_n(analyse_day(msgs))


def test_a_question_the_sender_answers_in_his_next_message_is_not_a_question():
    msgs = list(FILLER) + [("09:20:00", "王五", "什么是收单业务？"),
                           ("09:20:30", "王五", "是指收单机构为签约商户提供的资金结算服务")]
    assert 2 not in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("09:20:00", "王五", "分账系统最难的是哪块？"),
                           ("09:21:00", "王五", "核心是退款时怎么把钱从各方倒扣回来")]
    assert 2 not in questions_by_n(analyse_day(msgs))
    # someone else's answer, or the asker's details of his question, leave it a question
    msgs = list(FILLER) + [("09:20:00", "王五", "什么是收单业务？"),
                           ("09:20:30", "赵六", "是指收单机构为签约商户提供的资金结算服务")]
    assert 2 in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("09:20:00", "王五", "分账系统最难的是哪块？"),
                           ("09:20:30", "王五", "我们正准备自己做一套")]
    assert 2 in questions_by_n(analyse_day(msgs))


def test_a_speakers_question_followed_by_his_slides_is_not_a_question():
    talk = [(f"20:{i:02d}:00", "讲者", line) for i, line in enumerate([
        "今天给大家讲讲分账业务", "先看整体架构", "这里有三个系统", "账务系统负责记账",
        "渠道系统负责对接银行", "那么分账的模式有哪些？", "![图片](slide1.png)", "![图片](slide2.png)",
    ])]
    p = analyse_day(FILLER + talk + [("20:30:00", "听众", "讲得好[强]")])
    assert all("模式有哪些" not in q.message.text for q in p.questions)


@pytest.mark.parametrize("text", [
    "这里的结算周期，是指自然日，还是工作日",
    "@孙七 你们的退款手续费是商户承担，还是平台自己消化",
    "对账差异是人工处理，还是系统自动挂账",
    "这个商户号主要是线上用的，还是线下也在用",
])
def test_an_alternative_that_ends_the_message_asks_without_a_particle(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    "我们没法判断是网络超时，还是银行真的扣款失败",  # after a verb of telling apart: said
    "也不知道是通道的问题，还是我们配置错了",  # not knowing: said
    "字段多的问题，还是要看设计的初衷，还是历史包袱",  # 还是 = still, before the alternative
    "要是交易量小的话，还是走批量代付划算",  # 要是 (if), 还是 (better)
    "方案是定了，还是老老实实按规范改吧",  # a suggestion ending in 吧
    "产品支持两种模式，即钱是先到平台账户，还是直接到商户账户",  # 即: the sender explains
])
def test_an_alternative_said_not_asked_is_not_a_question(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "你们那边退款收手续费不",
    "这个接口文档有中文版的没",
    "@陈安妮-某银行-架构 你们行支持分账不",
    "跨行转账现在到账快不[疑问]",
])
def test_a_trailing_bu_or_mei_asks_yes_or_no(text):
    from extractor import questions

    assert asks(text)
    assert questions.MAY_ASK.search(text)


@pytest.mark.parametrize("text", [
    "新版本我们上线还没",  # 还没: not yet
    "系统一出故障，挂着的订单全军覆没",  # 覆没 is one word
    "关键是对方愿意配合不",  # the alternative is the point, said
    "不知道银行那边认可不",  # wondering aloud
    "那可不",
])
def test_a_trailing_bu_or_mei_that_asks_nothing(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "规定是这么写的，具体怎么落地就各有千秋了",  # a verdict on the question word's clause
    "只遇到过一次，为什么会重复扣款就不太清楚了",  # an admission
    "去年的对账文件不晓得放哪里去了",  # 不晓得 = 不知道
    "不晓得风控那边能不能放行",
    "赚不赚钱看有没有流量",  # X不X as a topic, up to something
    "能不能进去看个人条件了",
    "收不收费不谈，单说体验就差很多",  # X不X set aside
    "没啥快不快的，能用就行",
    "时不时会收到银行的通知短信",  # 时不时: now and then
    "讲得比较粗，有什么不对的地方请大家指正",  # a speaker's formula
    "各位有什么疑问可以提出来，咱们一起讨论",  # an offer
])
def test_question_words_and_a_not_a_in_statements(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "能不能帮我看一下这个报错",
    "授不授权？看你们怎么定",
    "不晓得大家有没有遇到过这种情况？",
])
def test_asks_near_those_statements_still_ask(text):
    assert asks(text)


def test_a_facepalm_after_an_a_not_a_ask_is_embarrassment_not_a_joke():
    assert asks("那我们先垫资再清算，算不算二清[捂脸]")
    assert not asks("这个需求又改了，我们是先排期再说吗哈哈哈")  # laughter still marks a joke


@pytest.mark.parametrize("text", ["不不不，那是两回事", "@孙七 不不不，我说的是线下收单"])
def test_no_no_no_is_not_an_a_not_a_form(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "也就是先记应收再核销，也可以这样理解吧",
    "清分和结算是两步，是这么理解吧。",
    "差错账是第二天人工处理的，我没理解错吧",
])
def test_checking_ones_understanding_with_ba_asks(text):
    assert asks(text)


def test_not_understanding_it_so_with_ba_is_a_rebuttal():
    assert not asks("不是这样理解的吧")


@pytest.mark.parametrize("text", [
    "我们一般是先去查一下对方是什么渠道的。",
    "新人进来先搞清楚哪些报表每天要看，这是基本功。",
    "上线前还得确认接口是不是都切到了新环境。",
])
def test_a_bare_question_word_in_a_message_closed_with_a_full_stop_is_a_statement(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "网关的稳定性如何。",       # the question word said last
    "用的哪个版本。",            # a few words
    "网关用的哪个版本的SDK",     # no full stop
    "用的哪个版本的SDK。。。",   # an ellipsis, not a full stop
    "用的哪个版本的SDK。？",
])
def test_asks_with_a_full_stop_or_without_it_still_ask(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    "什么共享单车，网约车，外卖，都在抢这块流量",
    "现在什么直播 短视频 社区团购 都想做支付",
    "还有什么红包啊积分啊，花样太多了",
])
def test_shenme_before_a_list_of_examples_is_not_a_question(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "用什么消息队列，kafka，rocketmq",      # which of them
    "你们用什么网关，自研，开源，还是买的",  # put to someone
    "什么情况，一下子退了这么多单",
])
def test_shenme_before_options_still_asks(text):
    assert asks(text)


def test_a_question_quoted_up_to_a_closing_bracket_and_answered_is_not_a_question():
    assert not asks("@孙七 退款都是原路返回？不走备付金吗？】走的，T+1出款")
    assert asks("@孙七 退款都是原路返回？不走备付金吗？】那手续费谁出？")


def test_if_not_then_not_put_to_someone_asks_rather_than_rebuts():
    # in a running discussion (the one addressed spoke just before) 不…吗 would read as a rebuttal
    def asked(text):
        p = analyse_day(FILLER + [("09:00:00", "王五", "我们是先对账再发货的"),
                                  ("09:00:30", "王五", "对平了才通知仓库"), ("09:01:00", "提问者", text)])
        return 4 in questions_by_n(p)
    assert asked("@王五 账对不平就不发货吗")
    assert not asked("@王五 这不就是重复出款吗")


@pytest.mark.parametrize("text", [
    "有遇到过对账文件字段顺序乱掉的么……mysql主从同步[捂脸]",
    "有对接过银联无卡的吗 流程复杂不",
])
def test_has_anyone_met_or_done_asks(text):
    assert asks(text)
    assert not asks("不是这样理解的吧")


@pytest.mark.parametrize("text", [
    "老王，你这么干合适么",
    "你这么改需求合适吗？",
    "我贴了链接，你们去感谢老王，合适么",
])
def test_a_reproach_with_heshi_is_not_a_question(text):
    # 你这样…合适么: a reproach to the one addressed, not an ask
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "你觉得这样设计合适吗？",
    "我们这样拆分服务合适吗？",
    "这个方案用在跨境场景合适吗",
])
def test_asking_whether_something_is_appropriate_still_asks(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    "这个我也不清楚，你可以先看看官方文档，或者咨询厂商的售后",
    "有疑问可以在群里咨询",
    "建议直接问下他们的商务",
    "这块我做过，可以咨询我",
])
def test_a_request_word_in_advice_or_an_offer_is_not_a_question(text):
    # the sender tells someone whom to ask, or offers to be asked: he asks nothing
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "你可以咨询一下他们吗",
    "想咨询大家一个问题，代付失败怎么退",
    "你们可以推荐一下靠谱的清算系统吗",
])
def test_a_request_put_to_someone_still_asks(text):
    assert asks(text)


def test_asking_the_group_a_question_is_a_request():
    # 问各位一个问题 (I ask you all a question): a request, even when the ask that follows has no question mark
    assert asks("问各位一个问题，平台代收的货款，财务上记在哪个科目")
    assert not asks("他问各位一个问题，然后自己答了")


@pytest.mark.parametrize("text,expected", [
    ("不太明白这个流程，能再讲细一点吗", True),
    ("我不太懂 他们也有类似的接口吗", True),
    ("不太明白，央行不是早就发文了吗", False),  # the rebuttal after the admission is still one
])
def test_admitting_not_understanding_then_asking_is_no_rebuttal(text, expected):
    # 不太明白…，…吗 in a running discussion: the 不 admits not understanding, it does not rebut
    p = analyse_day(FILLER + [("09:00:00", "甲", "我们的渠道代码都在一个应用里"),
                              ("09:00:30", "乙", "那得拆开"), ("09:01:00", "丙", text)])
    assert (4 in questions_by_n(p)) == expected


def test_a_question_the_others_take_as_a_tease_is_a_joke():
    msgs = list(FILLER) + [("21:10:00", "王五", "老李昨晚又去夜店了？"),
                           ("21:10:40", "老李", "咳咳咳，你们想象力真丰富")]
    assert 2 not in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("21:10:00", "王五", "酒店的情侣套房是什么样的？"),
                           ("21:10:20", "赵六", "[捂脸]"),
                           ("21:10:30", "老李", "楼上想歪了")]
    assert 2 not in questions_by_n(analyse_day(msgs))
    # driving is driving: 开车 in a reply is no tease
    msgs = list(FILLER) + [("21:10:00", "王五", "明天去园区怎么走比较快？"),
                           ("21:10:30", "老李", "开车二十分钟")]
    assert 2 in questions_by_n(analyse_day(msgs))
    # a plain answer, a tease that comes much later, or a request for help, leave it a question
    msgs = list(FILLER) + [("21:10:00", "王五", "你们的对账文件是几点生成的？"),
                           ("21:10:40", "老李", "一般凌晨两点")]
    assert 2 in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("21:10:00", "王五", "你们的对账文件是几点生成的？"),
                           ("21:16:00", "老李", "咳咳咳，你们想多了")]
    assert 2 in questions_by_n(analyse_day(msgs))
    msgs = list(FILLER) + [("21:10:00", "王五", "请教下各位，对账文件一般几点生成？"),
                           ("21:10:40", "老李", "噗")]
    assert 2 in questions_by_n(analyse_day(msgs))


@pytest.mark.parametrize("text", [
    "网关系统如何进行灰度发布改造",
    "如何设计一款支持多租户的计费引擎",
    "百万并发的秒杀系统如何做库存扣减",
    "在券商做了十年清算是种怎样的体验",
])
def test_a_how_to_title_pasted_alone_is_a_shared_article(text):
    assert not asks(text)


@pytest.mark.parametrize("text,before", [
    # someone in it, a particle, a connective, a …的 of what happened
    ("我们如何进行灰度发布改造", []),
    ("网关系统如何进行灰度发布改造呢", []),
    ("那网关系统如何进行灰度发布改造", []),
    ("你们的网关当时是如何进行灰度发布的", []),
])
def test_how_to_asks_are_not_titles(text, before):
    assert asks(text, before)


def test_a_how_to_ask_after_the_senders_own_setup_is_not_a_title():
    msgs = FILLER + [("09:30:00", "提问者", "我们的退款是异步回调触发的，回调可能重复"),
                     ("09:30:40", "提问者", "如何防止同一笔退款被处理两次")]
    assert 3 in questions_by_n(analyse_day(msgs)) or any(m.n == 3 for q in analyse_day(msgs).questions for m in q.messages)


@pytest.mark.parametrize("text", ["退款能原路返回吗？-急", "对账文件几点推送？ - 谢谢"])
def test_a_word_after_a_dash_behind_a_question_mark_is_not_a_site_name(text):
    assert asks(text)


@pytest.mark.parametrize("text", ["在「无感支付」普及的时代，收银台的未来在哪？",
                                  "监管叫停「二维码分账」到底伤了谁", "「刷脸付」的下一站在哪？"])
def test_a_term_in_corner_brackets_in_a_title_is_a_shared_article(text):
    assert not asks(text)


@pytest.mark.parametrize("text", ["有人接过「银联云闪付」吗？", "你们的「分账」是实时的还是T+1的？"])
def test_a_term_in_corner_brackets_in_an_ask_still_asks(text):
    assert asks(text)


def test_a_corner_bracket_title_the_sender_asks_about_right_after_stays_a_question():
    msgs = FILLER + [("09:30:00", "提问者", "监管叫停「二维码分账」到底伤了谁"),
                     ("09:30:50", "提问者", "文章说对收单机构影响不大，这点没看明白")]
    p = analyse_day(msgs)
    assert any(m.n in (2, 3) for q in p.questions for m in q.messages)


@pytest.mark.parametrize("text", [
    "说说你对分布式锁的理解？",
    "消息队列的原理，说说你的理解？",
    "谈谈数据库事务隔离的理解，并说说原理。 你做过哪些中间件？深入谈下原理",
    "简述一下垃圾回收的原理？",
])
def test_an_exam_prompt_put_to_no_one_is_a_quiz(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "能说说你对分布式锁的理解吗？",
    "有没有人能讲讲清分的原理？",
    "谁能说说这个缓存的原理？",
    "各位大佬说说看法？",
    "@某某-架构 说说你们是怎么做灰度的？",
    "说说你对分布式锁的理解。这道题出得难不难？",
])
def test_asking_someone_to_explain_is_still_a_question(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    "来来来，线程池的拒绝策略，两种队列在满了以后处理上有什么不一样",
    "来，做过保理的是不是可以拉个小群交流下",
])
def test_a_call_to_join_in_is_not_a_question(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "来来来，谁知道这个证书怎么导入？",
    "来，问一下大家，对账文件一般几点出？",
    "来，帮我看看这个报错是什么原因？",
])
def test_a_call_that_still_asks_is_a_question(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    "这种规矩又岂是我们几个人能改得了的呢",
    "收这么高的服务费，又和放高利贷有什么区别呢",
    "天天改需求改到半夜，谁有心思看新规啊",
    "对账差异我们上个月就全部处理完了，不是吗？",
])
def test_rhetorical_idioms_are_not_questions(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "这两种清算模式有什么区别呢",
    "谁有最新版的网联接口文档",
])
def test_plain_asks_near_the_rhetorical_idioms_still_ask(text):
    assert asks(text)


def test_a_compound_with_recommend_is_no_request():
    # 推荐系统/推荐引擎/推荐费 name a thing, they ask for no recommendation
    assert not asks("隔壁团队也有个推荐引擎是这么搭的")
    assert not asks("来我们这边吧，有推荐费拿")
    assert asks("有什么靠谱的压测工具推荐吗")


def test_a_rebuttal_pointed_at_someone_is_still_not_a_question():
    msgs = list(FILLER) + [("09:28:00", "甲", "我们这边退款都是人工审核的"), ("09:29:00", "乙", "量大了人工肯定顶不住"),
                           ("09:30:00", "丙", "@甲 你们不是早就接了自动审核的规则引擎吗？")]
    assert len(msgs) - 1 not in questions_by_n(analyse_day(msgs))
    msgs[-1] = ("09:30:00", "丙", "@甲 你们的退款审核规则是自己写的吗？")
    assert len(msgs) - 1 in questions_by_n(analyse_day(msgs))


@pytest.mark.parametrize("text, expected", [
    ("小商户的对账是怎么做的？当然是每天拉一次流水自动核对，差异的再人工看一下", False),
    ("退款的钱要追回来吗？肯定追啊，不然账就平不了，月底还得补录", False),
    ("退款的钱要追回来吗？肯定要的吧", True),  # a guess put back to the group
    ("退款的钱要追回来吗？当然这要看金额大小？", True),
])
def test_a_question_the_sender_settles_with_a_verdict_is_not_asked(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text", [
    # a brief acknowledgement or an answer-like opening clause, then a yes-no ask of the sender's own
    "对，那个月结的流程能不能也介绍一下",
    "嗯 那就是说渠道和商户的钱要分开记对吧",
    "不是保险相关的产品，能走这个备案么",
    "哦，原来如此，那海外卡是不是也走这条通道",
])
def test_an_answer_like_opening_then_an_own_yes_no_ask_is_a_question(text):
    assert asks_in_discussion(text)


@pytest.mark.parametrize("text", [
    # a question word alone after the opening is mostly said; an A-not-A form that is the subject
    "是的，这个就要看银行那边怎么配合了",
    "嗯，客服做的好不好也很重要",
])
def test_an_answer_like_opening_without_an_own_yes_no_ask_stays_no_question(text):
    assert not asks_in_discussion(text)


@pytest.mark.parametrize("text", [
    # 有没 + what is asked about: 有没有 said short
    "做跨境收款的朋友，有没人熟悉外汇申报流程的",
    "退款对不上这种情况有没好的处理办法",
])
def test_you_mei_said_short_asks(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    # 只有没…, 还有没… (still not), 所有没…: no A-not-A
    "批次里还有没对上的几笔明天再查",
    "所有没签约的商户下周统一停掉",
])
def test_you_mei_after_zhi_hai_suo_is_no_ask(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    # a long message in which the sender asks in his own words (请教/想知道/问一下) and gives his case
    "请教个问题，我们的结算系统在月底批量出款的时候经常有几笔卡在银行那边，过一两个小时才回来结果，"
    "这段时间里商户一直在催，运营也没法给准信，现在只能人工一笔笔去查。",
    "我比较想知道你们那边对账文件里的流水号是怎么生成的，我们目前就是用时间戳加上随机数拼起来，"
    "量一大就偶尔撞号，排查起来特别费劲，也不知道别家是怎么避免的。",
])
def test_a_long_message_with_the_senders_own_request_is_a_question(text):
    assert asks(text)


@pytest.mark.parametrize("text", [
    # a request word in advice to the one addressed, in a long message: still a long statement
    "这个你问下平台客服就清楚了，我们之前也是这么处理的，基本上三个工作日以内都能退回来，"
    "只要订单号和付款截图都齐全，一般不会有什么问题，实在不行再升级投诉到总部那边去处理也行。",
])
def test_a_long_message_with_advice_whom_to_ask_stays_a_statement(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    # short, right after someone else's question, but with a predicate of its own (也/还…？, …了？)
    "那家银行也做跨境了？",
    "对账服务又挂了？",
    "现在还有人用这种网关？",
])
def test_a_short_ask_with_its_own_predicate_after_a_question_is_a_question(text):
    before = [("甲", "你们的代付通道最近稳定吗？")]
    assert asks(text, before=before, sender="乙")


@pytest.mark.parametrize("text", [
    "大商户模式？",       # a candidate answer named with a question mark
    "你也在这家？",       # a remark to the one addressed
    "连这个也不懂？",     # scorn
    "这也敢上线了？",     # doubt
])
def test_a_short_tentative_answer_or_remark_after_a_question_stays_no_question(text):
    before = [("甲", "你们的代付通道最近稳定吗？")]
    assert not asks(text, before=before, sender="乙")


@pytest.mark.parametrize("text, expected", [
    ("你想了解的分账设计，基本都写在这篇帖子里了", False),  # the wish to know is the reader's, not an ask
    ("他想知道的那些细节，对方一般不会讲的", False),
    ("客户要是想了解费率，直接看官网就行", False),
    ("我想了解一下你们的分账是怎么设计的", True),
    ("想知道大家的对账文件一般几点生成", True),
    ("咨询收单行不行嘛", False),  # a suggestion whom to ask
    ("打听那家机构的人不就清楚了", False),
    ("咨询下这种业务不可以做吗", True),  # 咨询下: the sender asks
])
def test_a_request_word_in_someone_elses_wish_or_a_suggestion_asks_nothing(text, expected):
    assert asks(text) is expected


def test_whether_anyone_still_does_it_is_a_new_ask_not_a_tentative_answer():
    before = [("甲", "语音外呼是哪家的产品？")]
    assert asks("现在还有做语音外呼？", before=before, sender="乙")
    assert asks("还有人用那种老网关的？", before=before, sender="乙")
    assert not asks("大商户模式？", before=[("甲", "非持牌的电商平台怎么解决担保交易的问题？")], sender="乙")


@pytest.mark.parametrize("text, expected", [
    ("@小周 是不是觉得这两份规定差不多", False),  # leads the listener to the sender's view
    ("是不是感觉当年选错了行", False),
    ("是不是觉得这个方案太绕了？", True),  # a question mark: asked
    ("大家是不是觉得分账做成异步更稳", True),  # put to the group: an opinion asked for
    ("退款是不是要走原路返回", True),
])
def test_is_it_that_you_feel_without_a_question_mark_is_a_leading_remark(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("这套对账工具还是挺好上手的呀", False),  # 还是 = still, before a degree word
    ("但是分行还是不能单独放款啊", False),  # before a negation
    ("前提还是要把需求边界定清楚啊", False),  # before a modal
    ("保证金那块还是要托管行来管呢", False),  # with 呢: a statement
    ("你们是自己开发还是要找外包啊", True),  # 是 opens the first side: an alternative
    ("@钱多多 刘老师，是不认可流程，还是不同意结论", True),
    ("这笔手续费是退还是不退呀", True),  # X还是不X
    ("结算是按天还是按周啊", True),
])
def test_haishi_meaning_still_is_not_an_alternative_question(text, expected):
    assert asks(text) is expected



@pytest.mark.parametrize("text, expected", [
    ("这家的售后估计也好不到哪里去", False),  # 不到哪里去: not very, an idiom
    ("收益再高也高不到哪儿去", False),
    ("你们的机房搬到哪里去了？", True),
])
def test_not_very_an_idiom_with_na_is_not_a_question(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("谁特么知道这个开关藏在哪", False),  # a swear word: venting
    ("这套破系统TMD怎么老是超时", False),
    ("这个开关藏在哪，谁知道", True),
])
def test_a_question_with_a_swear_word_vents(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("那要财务部门干嘛。。", False),  # (那)要X干嘛: X is not needed
    ("流程都自动了，还要那么多审批做什么呢", False),
    ("我们上线前要做什么准备", True),  # 要做什么: what to do
])
def test_what_would_it_be_for_is_rhetorical(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("我们是不是都要转行了。。。", False),  # 是不是… trailing off: wondering aloud
    ("以后坐地铁是不是又得排长队了……", False),
    ("我们是不是要先报备…？", True),  # a question mark: asked
    ("@钱多多 那这种是不是只能人工补单了。。", True),  # put to someone
])
def test_is_it_trailing_off_with_an_ellipsis_is_wondering_aloud(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("这种没牌照的业务哪家银行敢接？", False),  # 敢: a challenge, nobody would
    ("换成你你敢签吗？", False),
    ("老版本不敢用了。新版本稳定吗？", True),  # 不敢 in another sentence: the ask is plain
    ("敢问各位，清分文件几点生成？", True),  # 敢问: may I ask
])
def test_dare_in_the_ask_is_rhetorical(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("接口都加了幂等怎么会重复扣款", False),  # 怎么会 with no question mark: disbelief
    ("对账文件怎么会少了一笔？", True),  # with a question mark: puzzled, asks
])
def test_how_could_it_without_a_question_mark_is_rhetorical(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("你们想啥呢，人家那是正经生意", False),  # 想啥呢: dismissive
    ("现在谁还用磁条卡刷卡啊", False),  # 谁还用: nobody does
    ("谁告诉你备付金能随便挪用的", False),  # 谁告诉你: not so
    ("谁还有上周培训的课件？", True),  # 谁还有: who still has one, a request
    ("你这样吐槽老东家好吗", False),  # 你这样…好吗: a tease
    ("这样设计退款流程好吗？", True),  # no one teased: an opinion asked for
])
def test_dismissive_and_who_would_forms_are_not_asks(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("对完账后再核对两边的手续费是否相符", False),  # 核对…是否: what is checked
    ("下单前先去风控库里查下是否黑名单商户", False),
    ("这个商户是否需要重新进件", True),  # 是否 asked, no verb of checking
    ("核对完是否还要人工复核？", True),  # a question mark: asked
])
def test_whether_after_a_verb_of_checking_is_said(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("是主备切换还是双活部署", True),  # a bare alternative, the whole message: asked without a particle
    ("对账你们是按日还是按周跑批", True),
    ("你说的是冻结还是止付", True),
    ("@小蒋 押金是商家垫还是平台垫", True),
    ("要看是直营还是加盟", False),  # it depends
    ("忘了是三个工作日还是五个", False),  # remembered
    ("好像是两千还是三千", False),  # hedged
    ("是一台还是两台就看渠道了", False),  # the sender's own verdict on it
    ("我是觉得还是走专线稳", False),  # 还是 = rather
    ("但是这块还是要做灰度", False),  # 还是 = still
    ("是的 还是挺稳的", False),
])
def test_a_bare_alternative_question_without_a_particle(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("小周，给我们科普一下零钱通的原理", True),  # a request to explain, put to others
    ("求讲解一下分账的流程", True),
    ("王老师指正下", True),
    ("希望有懂行的大佬出来解惑", True),
    ("让老何给科普下清算的流程", True),
    ("钱老师给解释一下呗", True),
    ("谢谢张老师解答", False),  # thanks for one
    ("李总来解答了", False),  # news
    ("以上是我的浅见，请指正", False),  # closes one's own words
    ("欢迎诸位前辈来指正", False),
    ("我来给大家解释一下", False),  # the sender explains
])
def test_a_request_to_explain_without_a_question_mark(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("你说的是快捷代付？", True),  # put back to the one who spoke: what they meant
    ("老徐，你指的是批量代付？", True),
    ("您的意思是先冻结再扣款？", True),
    ("你也在这家？", False),  # a remark to the one addressed
    ("你们都是大神？", False),
    ("大商户模式？", False),  # a candidate answer
])
def test_a_short_question_what_the_one_who_spoke_meant_is_a_clarification(text, expected):
    before = [("甲", "你们的代付通道最近稳定吗？")]
    assert asks(text, before=before, sender="乙") is expected


@pytest.mark.parametrize("text, expected", [
    ("嗯，你们那边用什么加密机", True),  # a bare acknowledgement, then an ask of the sender's own
    ("对，回到刚才的问题，退款手续费怎么算", True),
    ("嗯，具体是什么报错", True),
    ("是的，就看怎么做", False),  # it depends: said
    ("是的，用哪家，看你的预算", False),  # the question word's clause is not the last
    ("是啊，谁会去管这个", False),  # 谁会…: rhetorical
])
def test_a_bare_acknowledgement_then_a_question_word_ask(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text", [
    "我理解分账应该是在清算之后做的吧",
    "理解下来，冻结的资金还是算在商户名下吧",
    "按我的理解，这次讲的主要是收单侧吧。",
])
def test_the_senders_own_understanding_closed_with_ba_is_put_to_the_others(text):
    assert asks(text)
    # …but said right after someone else's question it is a tentative answer
    assert not asks(text, before=[("甲", "你们的代付通道最近稳定吗？")], sender="乙")


def test_the_cheap_check_before_the_request_to_explain_holds_for_each_of_its_forms():
    """EXPLAIN_REQUEST is tried only on a message holding one of its verbs (_EXPLAIN_VERB): every form it
    finds must hold one, or a request to explain would be lost."""
    from extractor.questions import _EXPLAIN_VERB, EXPLAIN_REQUEST

    forms = ["给我们科普一下清分", "求讲解", "希望有懂行的大佬解惑", "丁总给我们普及下", "请详细解释下轧差",
             "帮忙解答一下", "老师们指正下", "求脑补"]
    for text in forms:
        assert EXPLAIN_REQUEST.search(text), text
        assert _EXPLAIN_VERB.search(text), text


@pytest.mark.parametrize("text, expected", [
    ("这也叫风控？", False),  # disbelief at what was just said: a reaction
    ("这样也行？", False),
    ("@钱多多 这都有？", False),
    ("三毛钱还贵？", False),  # a degree after 还: not so at all
    ("这还慢？", False),
    ("现在开户费还贵？", True),  # 还 = still: asks
    ("比银联通道还贵？", True),  # a comparison: asks
    ("这也要报备吗？", True),  # 吗: asks
])
def test_disbelief_at_what_was_just_said_is_a_reaction(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("有啊，不分账的话，佣金怎么算出来？", False),  # affirms, then backs it with a rhetorical question
    ("肯定的，你流水都没落库，报表能准么？", False),
    ("是啊，押金都不退，用户怎么留得住？", False),
    ("对啊，能在后台直接改费率么？", True),  # agrees, then asks in one clause of its own
    ("是啊，不过夜间批量怎么跑呢？", True),  # turns to an ask of his own (不过…)
])
def test_an_affirming_reply_backed_by_a_rhetorical_question_is_an_answer(text, expected):
    msgs = list(FILLER) + [("09:29:00", "钱多多", "是不是对完账就不用再清分了？"), ("09:30:00", "赵小满", text)]
    assert (len(msgs) - 1 in questions_by_n(analyse_day(msgs))) is expected


@pytest.mark.parametrize("text, expected", [
    ("怎么感觉清分对账越做越慢了", False),  # 怎么感觉: the sender's musing (how come I feel…)
    ("咋觉得这版收银台比上版还绕", False),
    ("我咋没收到那份接口文档", False),  # 我咋没…: a reaction, not an ask
    ("我怎么看不懂这张流程图", False),
    ("怎么感觉清分对账越做越慢了？", True),  # a question mark still asks
    ("@钱多多 我咋没收到那份接口文档", True),  # put to someone: asks them
    ("这个字段怎么填，我咋没找到说明", True),  # 怎么填 asks before the reaction
    ("代扣协议怎么签", True),  # 怎么 = how: asks
])
def test_how_come_about_ones_own_perception_is_a_musing(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("咱们先讨论下怎么做年终盘点吧", False),  # the question word inside the 吧 clause: a proposal
    ("估计后台又在改什么配置吧", False),  # a hedged guess: 什么 = something
    ("先别急，要不要上线看老板吧", False),  # an A-not-A form inside the 吧 clause
    ("老喻什么时候给大家讲讲风控模型吧", True),  # 讲讲…吧: asks someone to tell
    ("清分用什么调度框架 你们有现成的吧", True),  # the ask is a clause of its own before the 吧
    ("这种退款要不要人工复核，应该要的吧", True),
])
def test_a_question_word_inside_the_clause_closed_by_ba_does_not_ask(text, expected):
    assert asks(text) is expected


def test_the_how_come_and_ba_clause_reasons_fire():
    p = analyse_day(list(FILLER) + [("09:30:00", "提问者", "怎么感觉清分对账越做越慢了"),
                                    ("09:31:00", "路人丙", "咱们先讨论下怎么做年终盘点吧")])
    reasons = {m.n: m.ask_reasons for m in p.msgs}
    assert any("how come" in r for r in reasons[2])
    assert any("closed by 吧" in r for r in reasons[3])


@pytest.mark.parametrize("text", [
    # (the other forms, 想怎么改就怎么改 / 谁出钱谁拍板 / 有多少就排多少, are not taken as asks already)
    "小公司要什么没什么，散了，只能外包",
    "老项目要什么没什么，算了，只能重写",
])
def test_a_question_word_said_twice_as_whatever_is_not_a_question(text):
    assert not asks(text)


@pytest.mark.parametrize("text", [
    "你们对账用什么工具什么格式？",
    "新系统谁来维护",
])
def test_an_enumeration_of_question_words_still_asks(text):
    assert asks(text)


@pytest.mark.parametrize("text, expected", [
    # 问一下/打听/了解一下 told to someone else, or the sender's own plan: whom to ask, not an ask
    ("这个要问一下他们的运维", False),
    ("对账接口的事，可以问下收单行", False),
    ("你问下", False),
    ("打个电话问一下呗", False),
    ("谢了。问下清算行去", False),
    ("问下做过结算的都知道", False),
    ("不敢再问下去了", False),
    ("这块我回头再确认，具体我问下。", False),
    ("我晚点打电话给客户经理问一下", False),
    ("那家城商行能开，你打听一下", False),
    # the sender asks: the group is named, or the ask follows
    ("我问下 你们团队用什么工具做压测", True),
    ("问下 现金贷和小贷有啥区别", True),
    ("可以问一下大家一个问题吗", True),
    ("问下大家，代付一般几点到账", True),
    ("弱弱问下当今还有多少人用五笔", True),
])
def test_a_request_word_told_to_someone_or_planned_asks_nothing(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    # 呢 after a clause that says 'not yet' or how many: a statement (so many! not yet!)
    ("新接口的灰度流量没有切呢", False),
    ("考个驾照要交三千块呢", False),
    ("待处理的还有四百多个呢", False),
    ("那个账户里还有几十亿呢", False),
    ("我有300个呢", False),
    # 'what about X呢', 'what if' and asks with a quantity word still ask
    ("那没有牌照的呢", True),
    ("那没有绑卡的用户呢", True),
    ("超过5万的呢", True),
    ("有没有开源的对账框架呢", True),
    ("一共需要几个呢", True),
    ("为什么一直没有回调呢", True),
])
def test_ne_after_not_yet_or_a_quantity_is_a_statement(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    # nobody can (a potential complement) or would: rhetorical, with no question mark
    ("这种价格谁付得起呀", False),
    ("那么贵，不贷款怎么付得起啊", False),
    ("那家大行谁瞧得上小机构", False),
    ("天天加班谁受得了", False),
    ("谁爱弄这些报表呀", False),
    ("谁在乎它用的什么架构", False),
    # asks: how to get it going (起来), a noun (起薪), who knows/has
    ("这个业务怎么推得起来", True),
    ("谁的起薪最高", True),
    ("谁知道这个接口怎么调", True),
    ("谁有空帮忙看下日志", True),
])
def test_nobody_can_or_would_is_rhetorical(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    # the others' view asked after 你/大家 觉得 (觉得 alone makes a question word indirect: the sender's own view)
    ("各位觉得哪家的清分系统比较稳", True),
    ("你们觉得灰度发布用啥工具合适", True),
    ("我觉得怎么对账都差不多", False),
    ("大家都觉得无论谁来牵头都一样", False),
    # 如果/要是… + a manner question word ending the message: what to do, or what happens, if so
    ("要是下游渠道重复回调了怎么处理", True),
    ("如果清算文件晚到两小时会怎么样", True),
    ("如果有什么不清楚的地方可以私聊", False),
    ("主要是你们内部怎么分工", False),
    ("如果对方拒付你怎么收回来", False),  # (a challenge put back in a debate)
    ("如果怎么配置都不行就换个方案", False),
])
def test_a_question_word_after_your_view_or_a_condition_still_asks(text, expected):
    assert asks(text) is expected


@pytest.mark.parametrize("text, expected", [
    # 你说的X… asks back what the one who spoke meant; 你说…吗 without 的 stays the sender's point
    ("你说的备付金集中存管是指哪一块？", True),
    ("你说的是二维码前置那种模式吗", True),
    ("你说的冲正和撤销有什么区别", True),
    ("你说这样搞客户能满意吗", False),
    ("你说这不是折腾人么", False),
])
def test_what_you_said_asked_back_is_no_rhetorical_question(text, expected):
    assert asks(text) is expected


def test_leading_mentions_are_read_once_however_many_at_signs():
    """The @mentions that may open a message (MENTIONS_LEAD, SPACED_MENTIONS_LEAD) match what
    (@\\S+\\s*)* and (\\s*@\\S+\\s*)* match, but a run of many '@' is not cut every possible way
    (the plain form doubled its time with each '@': a tenth of a second at 28, out of reach at 60)."""
    import re

    from extractor import curate, questions as q

    plain = {q.MENTIONS_LEAD: r"(?:@\S+\s*)*", q.SPACED_MENTIONS_LEAD: r"(?:\s*@\S+\s*)*"}
    samples = ["", "@甲", "@甲 @乙 说", "@甲@乙 说", "  @甲\t@乙  说", "@@ 说", "@ 说", "说 @甲", "@甲说"]
    for lead, old in plain.items():
        for s in samples:
            for end in range(len(s) + 1):  # every prefix the rest of a pattern may need
                assert bool(re.fullmatch(lead, s[:end])) == bool(re.fullmatch(old, s[:end])), (lead, s[:end])
    flood = "@" * 60 + "？"
    for pattern in (q.BARE_ALTERNATIVE, q.ASKED_BACK, q.OWN_UNDERSTANDING_BA, q._RALLY, q.NOT_UNDERSTOOD):
        assert pattern.match(flood) is None
    assert curate.SELF_ANSWERED.search(flood) is None
    # what they found before, they find still
    assert q.ASKED_BACK.match("@甲 @乙 你说的是哪一种")
    assert q.OWN_UNDERSTANDING_BA.match("@甲 我理解是先清算后结算吧")
    assert q._RALLY.match("@甲 @乙 来，")
    assert q.NOT_UNDERSTOOD.match("@甲 不太明白这个，")
    assert q.BARE_ALTERNATIVE.match("@甲@乙 是按日还是按周")
