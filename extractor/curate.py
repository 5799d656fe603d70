"""What a question is about and whether it is worth publishing.

``keywords`` picks the question's most telling jieba words by TF-IDF;
``publish`` decides whether a question belongs in the published knowledge
base (substance: a professional topic) or not (group logistics, banter,
small talk), with the reasons.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from .members import SURNAMES
from .questions import MENTIONS_LEAD
from .records import Answer, Question
from .segment import message_words, words as segment_words

# patterns used in the hot paths, compiled once (re.<function>(pattern, ...) looks each up in re's cache)
_LATIN_TERM = re.compile(r"[A-Za-z]{2,}")
_NON_WORD = re.compile(r"[\s\W_]+")
_CLAUSE_PUNCT = re.compile(r"[，,。；;]")


LOGISTICS = re.compile(
    r"(几点|什么时候开始|啥时候开始|开始了吗|直播|录音|录像|回放|视频|ppt|PPT|课件|slides|报名|名额|签到|入群|进群|拉群|拉我|"
    # (活动, 地址, 停车, 二维码, 链接, 密码 alone are this field's own subjects: 营销活动, IP地址, 停车场支付)
    r"加群|群里|群主|群名|改名|昵称|抢红包|来个红包|发个红包|红包呢|没有红包|多谢红包|谢谢.{0,4}红包|群红包.{0,4}(多少|几个)|分享会|(分享|线下|群|组织|参加)活动|活动(几点|在哪|地址|报名)|"
    r"(会场|活动|具体|详细)地址|地址(在|是)哪|会场|在哪里|在哪儿|在哪|(好|能|方便)停车|停车位|门票|几号|哪天|周几|"
    r"今晚|明晚|晚上|今天|明天|下周|"
    # (发下 'send it', not the end of 并发, 开发, 代发 …: 高并发下如何分流 is no logistics; 一并发一下 is)
    r"(?<![开研分批收触签代首出爆激引散头印颁核])(?<!(?<!一)并)发一?下|发群里|"
    # (公众号 alone is the payment channel here: 公众号支付, 用公众号调起支付; an account someone writes or
    # one reads, 你的公众号, 关注了…公众号, 公众号的文章, is the group's reading)
    r"(关注|订阅|看了?|读|写)[^，。,？?！!]{0,8}公众号|(你|您|我|他|她|群主|老师|大家)的?公众号|"
    r"公众号[^，。,？?！!]{0,6}(文章|推文|转发|推送|名字|叫什么|是哪个|哪个)|群二维码|二维码(过期|失效)|扫码进群|"
    r"发.{0,6}链接|链接发|有链接|求链接|网盘|百度云|提取码|(提取|网盘|分享)密码|"
    # the host of a talk asking the audience for more questions (各位还有啥疑问吗): the session's running
    r"(大家|各位)(还|是否还|还有没)有(什么|啥|其他|别的)?(问题|疑问)(?=[吗么嘛没不要？?~，,。！!\s]|$))", re.I)
BANTER = re.compile(
    r"(吃饭|吃啥|吃什么|吃点|午饭|晚饭|中午|饭点|下班了|喝酒|吃了|好吃|喝茶|咖啡|睡觉|早上好|晚安|天气|下雨|下雪|冷不冷|热不热|放假|假期|过年|回家|旅游|旅行|玩不|"
    r"好玩|美女|帅哥|妹子|老婆|女朋友|男朋友|结婚|孩子|哪里人|老家|工资多少|年终奖|发财|土豪|真的假的|开玩笑|"
    # (发货 alone is a payment scenario: 确认发货, 发货单)
    r"签名版|快递|书.{0,4}发货|发货了吗|日本玩|打牌|游戏|球赛|世界杯|电影|段子|红灯|人妖|赌场|赌|彩票|"
    # a member's own investing: stock and coin market chat (炒股, 抄底), not the field's securities systems
    r"炒股|玩股票|股市|抄底|炒币|涨停|跌停|"
    # rude words: a rant or teasing, not a question of the field
    r"傻逼|装逼|扯淡|尼玛|卧槽|我靠|跪了|白痴)", re.I)
# looking for a job or for staff (北京求职, 找坑中, 你们还招人吗, 有看机会的推荐下): a job board, not knowledge
# (how people in the field find or change jobs, 找工作, 换工作, is a question of careers: not here)
# (its words are no subject words either: CHAT_WORDS)
JOB_WORDS = ["求职", "换坑", "找坑", "内推", "招聘", "招人"]
JOB_HUNT = re.compile("(" + "|".join(JOB_WORDS + ["看机会"]) + ")")
_MENTION = re.compile(r"@\S+")
# the group's own talks and meetups: when a member will give a talk, where its notes are, a meetup
# to organise (什么时候分享一下, 上次分享有文档整理吗, 组织一场线下沙龙): logistics, not knowledge.
# (a request for documents on a subject, 有风控资料可以分享吗, is not this)
TALKS = re.compile(
    r"((什么时候|啥时候|何时|哪天)[^，。,？?！!]{0,12}(分享|做一期|搞一场|组织一场|组织一次|聚一下|聚聚|聚会)|"
    r"(上次|昨天|昨晚|前天|那期|之前|上周)[^，。,？?！!]{0,8}分享[^，。,？?！!]{0,8}(整理|文档|笔记)|"
    r"(组织|搞)(一场|一期)|组织一次|(做|来)一期)")
# 'where is the difference, the problem, the hard part' (区别在哪, 难点在哪里): a question of substance,
# not where a place is; taken out of the text before LOGISTICS looks for 在哪
ABSTRACT_WHERE = re.compile(
    r"(区别|差别|差异|不同|问题|难点|原因|优势|劣势|关键|瓶颈|风险|意义|好处|价值|坑|门槛|痛点|重点|核心|依据|出处|根源|难度|"
    # where a line is drawn (界限在哪, 边界在哪里) and where the money sits (资金到底在哪, 这些余额在哪儿): how the
    # field's rules and funds work; (问题点在哪: the same as 问题在哪)
    r"界限|边界|界线|资金|余额|款项|备付金)点?"
    r"(主要|到底|究竟|具体|又|都)?在哪(里|儿)?|"
    # where in a process something is done or kept (余额在哪里生成, 协议是在哪里签的, 资金沉淀在哪, 在哪个环节校验,
    # 分账多用在哪里, 盈利点在哪): how the field's things work, not where a member or a meetup is
    r"(用|做|签|签订|办理|开立|开户|沉淀|生成|存放|存储|存|放|处理|体现|介入|规定|记录|记账|配置|部署|实现|校验|计算|落地|结算|清算)"
    # (where it is filed with a regulator or entered in the books, where a load test runs: 在哪里备案, 在哪记, 在哪压测)
    r"在哪(里|儿|个|些)?|在哪(里|儿)?(生成|签订?|办理|开立|开户|沉淀|存放|存储|处理|体现|介入|规定|配置|部署|实现|校验|计算|落地|结算|清算|记账|"
    r"记|报备|备案|申报|登记|上报|压测|测试)|"
    r"在哪(个|些|一)(层面?|环节|系统|模块|阶段|步骤?|节点|方面|层级|粒度|场景|文件?|条|规定)|"
    r"(盈利|赢利|矛盾|痛|亮|卖|切入|突破|支撑)点(主要|到底|究竟|具体)?在哪(里|儿)?|"
    r"(不足|缺点|优点|用处|用途|作用|利益|好)(主要|到底|究竟|具体)?在哪(里|儿)?")
# 'anyone in the group who has done X?' (群里有没有做过跨境收单的, 群里有熟悉清分的同学吗): looking for
# experience with a subject, the start of a question of substance, not the group's logistics;
# 群里 is taken out of the text before LOGISTICS looks for it
GROUP_EXPERIENCE = re.compile(r"群里面?(?=[^，。,？?！!]{0,12}(做过|搞过|用过|接过|对接过|研究过|了解|懂|经验|熟悉|玩过|"
                              # (knows it or has met it in practice: 群里有人清楚X吗, 有没有接触过X的)
                              r"清楚|知道|实践过|接触过|涉及|参与过))")
# asking for a file or a link to be sent (完整版, 发我一份, 能再发一下吗, 导一份出来): a favour, not knowledge
ASKS_FILE = re.compile(r"(完整版|(?<!开)(?<!研)发我(一份|一下|下|看看)|发给我(一份|一下|下)?(?![们的])|导一份|再发(一下|下|一遍|一次)(?=[吗么嘛呢吧啊，。,？?！!\s]|$))")
# 'please share it' (@某人 求分享, 求分享一下, 求分享你们的系统): asking a member for their material or a talk,
# a favour. (Not after 谁有/有没有…: looking for a named document or resource, 谁有某号文的pdf？求分享, is a
# question the gold keeps.)
PLEASE_SHARE = re.compile(r"(求分享)")
_WHO_HAS = re.compile(r"谁|哪位|有没|有人|有木有")
JOKE = re.compile(r"(哈哈|呵呵|嘿嘿|233|笑死|\[(奸笑|坏笑|偷笑|捂脸|呲牙|阴险|调皮|抠鼻|色|嘿哈|机智|憨笑)\])")
# looking for someone from a company (有京东的同事吗, 群里有某某支付的产品么): a contact, not knowledge
# (有某某贷的人在吗, 某某付的朋友在吗, 有人在这个群里么: the same, asking whether they are here)
SEEKS_CONTACT = re.compile(r"(有[^，。,？?！!]{1,14}的(同事|产品|技术|人|小伙伴|同学|朋友|兄弟|大佬|销售)(吗|么|嘛|没|不|啊|？|\?)|"
                           r"的(同事|产品|技术|人|小伙伴|同学|朋友|兄弟|大佬|销售)们?在(吗|么|嘛|不|没|？|\?)|"
                           r"有人在(这个|本)?群(里)?(吗|么|嘛|没|不|？|\?))")
# looking for a person (谁认识…吗, 我加你微信, 私聊, 求介绍): an introduction, not knowledge
SEEKS_PERSON = re.compile(
    r"((谁|有人|哪位|有没有|有没|有|可|你|您)人?认识|认识[^，。,？?！!]{1,12}(吗|么|嘛)(?=[，。,？?！!\s]|$)|"
    r"加(你|我)(了|下|一下)?(微信|好友)|加(你|我)(了|下|一下)?([，。,！!？?\s]|$)|加不了|加个(微信|好友)|私聊|单聊|私下|"
    r"(谁有|给一下|要个|求)[^，。,？?]{0,10}联系方式|求介绍|(介绍|推荐)(一下|下|一个|个)?[^，。,？?]{0,8}(的人|朋友|商务|联系人))")
# asking how something is done or works, or how two things differ (如何分流, 怎么设计的, 区别, 原理, 性能如何):
# the questions a knowledge base keeps. (Not why: in a chat 为什么/为啥 is as often a rhetorical aside.)
HOW = re.compile(r"(如何|怎样|原理|区别|差别|差异|性能|"
                 r"怎么(做|处理|设计|实现|弄|解决|理解|看|算|判断|区分|保证|控制|搞|管理|对接|接入|配置|选|防|规避|计算|统计|拆|分)|"
                 # (not 有什么问题: 有什么问题？我略懂 offers help)
                 r"有什么(风险|影响|优势|劣势|好处|坑|区别|不同)|"
                 # what it is done with (用什么画的, 用的啥框架, 一般用哪个, 用撒语言): the tool, the technique
                 r"(?<![不管])(?<!不能)(?<!管他)(?:用|采用|使用)(?:的是|的)?(?:什么|啥|撒|哪个|哪种|哪一?款))")
# 怎么/咋 before any other verb in the ask itself (款项怎么流转, 咋推广的, 这个指标怎么定义): how it is done too.
# Not 'how come' or 'what now': 怎么了/怎么办/怎么回事, 怎么 before an adverb, a negation, a modal or a pronoun
# (怎么还没…, 怎么会…, 怎么可能, 你怎么在…), 怎么有种…, 怎么成了…; nor a clause closed by 了 (怎么高杠杆了: surprise)
# or a potential complement (怎么买得起, 怎么受得了: rhetorical); nor 不知道怎么/不管怎么. Read in the asking
# message only: in the asker's other messages it is as often a remark (他调去法务了？ 怎么看的全是诉讼…).
HOW_VERB = re.compile(
    r"((?<!不知道)(?<!不管)(?:怎么|咋)(?!了|样|回事|办|会|可能|这么|那么|这样|那样|还|又|就|都|没|不|感觉|觉得|说|知道|能|"
    r"可以|也|才|总|一直|突然|老|啦|啊|呢|的|个|有|在|对(?!账)|成|变|活|行|整|着|你|我|他|她|它|咱|人家|每|好|连|只|敢|得|"
    r"[A-Za-z0-9])(?![^，。,？?！!\s]*?(?:得起|不起|得了|不了|了(?![\u4e00-\u9fff])))[\u4e00-\u9fff](?:(?!了)[\u4e00-\u9fff])?)")
# asking what a named term means (什么叫拒付, 啥叫清分？, 头寸是什么意思, T0是指？, 对账的英文是什么): the question
# names its subject, so it stands on its own however short it is, and the definition is what a knowledge
# base keeps. (Not 'that' or 'you' as the term, 你这是什么意思, 具体啥意思, nor 'what is the point', 有啥意思,
# nor the exclamation 让你见识下什么叫专业.)
MEANING = re.compile(
    r"((?<!为)(?<!见识)(?<!见识下)(?<!见识一下)(?<!知道)(?<!这就是)(?<!这才是)(?<!这就叫)(什么叫做?|啥叫做?|何谓)([A-Za-z0-9\u4e00-\u9fff]{2,})|"
    r"([A-Za-z0-9+\u4e00-\u9fff]{2,}?) ?(到底|究竟)?((是|指的是|就是)?(什么意思|啥意思)|是个(什么|啥)(东西)?|指的是(什么|啥)|是指(什么|啥)?|"
    r"的?(英文|全称|全拼|缩写)(是什么|是啥|叫什么|叫啥|怎么说)?)(?=[？?，,。！!\s]|[吗呢啊呀]|$))")
# a 'term' that is no term: a pronoun, a demonstrative, an adverb or a verb of understanding (你这, 具体, 没懂)
_NO_TERM = re.compile(r"(这|那|这个|那个|它|他|她|你|我|啥|么|的|了|还|有|具体|懂|理解|明白|意思|这句|那句|这话|此)$")


# what every match of MEANING holds (叫, 谓, 意思, 是个, 指, 英文 …): without one, MEANING is not tried
_MEANING_HINT = re.compile(r"叫|谓|意思|是个|指|英文|全称|全拼|缩写")
_UNDERSTAND = re.compile(r"理解|明白|搞懂|懂|知道|清楚|问一下|问下|请教")
_NO_TERM_START = re.compile(r"^(这|那|你|我|他|她|它|请问|某)")
FIELD_KEYNESS = 1.0  # a word of the field: used more often here than in general Chinese (topic words: 3.0)


def _asks_meaning(lead: str, idf):
    """The term of this group's field a question asks the meaning of (什么叫X, X是什么意思 …), or None.
    The term must hold a word used here more often than in general Chinese (not 清闲, 阴魂不散: an
    everyday word or an idiom asked about in banter)."""
    if not _MEANING_HINT.search(lead):
        return None
    for m in MEANING.finditer(lead):
        term = m.group(3) or m.group(4)
        if term:  # 我一直没搞明白清分引擎究竟是个啥: the term is what follows the verb of understanding
            term = _UNDERSTAND.split(term)[-1]
        if not term or _NO_TERM.search(term) or _NO_TERM_START.search(term):
            continue
        if any(idf.df.get(w, 0) >= 2 and idf.keyness(w) >= FIELD_KEYNESS
               for w in segment_words(term) if len(w) >= 2):
            return term
    return None


# the chat app itself and the group's own reading (翻墙, 输入法, 朋友圈, 爬楼, 潜水, 聊天记录, the shared
# article or picture 看不了/打不开): the members' tools of chatting, not the field's technology
# (a payment page that does not open, 页面打不开, is the field's: not here)
CHAT_TOOLS = re.compile(
    r"(翻墙|梯子|输入法|五笔|朋友圈|聊天记录|潜水|爬楼|冒泡|"
    r"(文章|图片|图|记录|分享|链接|视频|截图)[^，。,？?！!\s]{0,4}(看不了|看不到|看不见|打不开|打的开|打得开)|"
    r"(看不了|看不到|打不开)[^，。,？?！!\s]{0,2}(文章|图片|链接|视频))")
EXPERIENCE = re.compile(r"(做过|搞过|用过|接过|对接过|研究过|了解|懂|经验)")
# a 吗/么 clause the sender goes on to answer or draw a conclusion from in the same breath (退货不都要验么
# 所以要等仓库, 能退款吗，那就得冲正, 有提示吗 说明…): a premise or an echo, then the sender's own point, not
# an ask left to the others. The connective opens the next clause: then/so/this shows/and/the point is/maybe/
# anyway/otherwise (那 not as 'that': 那个/那边/那会…). Not when that clause asks (吗/呢/什么/会不会…: a
# setup and the real ask), nor 但是/不过/其实 (a condition or the asker's own context after a real ask).
SELF_ANSWERED = re.compile(
    "^" + MENTIONS_LEAD + r"[^，,。；;？?！!\s]{1,14}(?<![要什怎那这多干])[吗么嘛][\s，,。]+"
    r"((?:那(?![个些种边里家时会天样么])|所以|说明|就(?!是想|想)|而且|关键|没准|估计|反正|无非|否则|不然|因此)[^？?]{4,})$")
_ASKS_AGAIN = re.compile(r"吗|么|呢|什么|啥|怎|哪|谁|多少|会不会|能不能|是不是|有没有|是否|如何|为何")
SHORT_QUESTION = 7  # characters: 并发量？ 打款验证？ 北京的？ make sense only in their conversation
PUBLISH_THRESHOLD = 0.5
FOLLOW_UP = 0.3  # a short question following up the asker's own published question (instead of -1.0)
FAVOUR = -4.5  # asking members for a favour outweighs any number of subject words of what is asked for


def keywords(q: Question, idf, directory=None, limit: int = 5) -> list[str]:
    """The question's subject words first (by TF-IDF), then its other telling words."""
    tf = Counter()
    for m in q.messages:
        tf.update(w for w in message_words(m) if len(w) >= 2 or not w.isascii())
    names = directory.all_name_parts() if directory is not None else frozenset()
    subject = set(topic_words(list(tf), idf, names))
    ranked = sorted(tf, key=lambda w: (w not in subject, -(tf[w] * idf(w)), w))
    telling = idf.__dict__.setdefault("_telling", {})  # each word judged once
    out = []
    for w in ranked:
        if w not in subject:
            ok = telling.get(w)
            if ok is None:
                ok = telling[w] = _may_weigh(w) and (idf.general(w) >= GENERAL_RARE or idf(w) >= idf.rare)
            if not ok:
                continue
        out.append(w)
        if len(out) >= limit:
            break
    return out


# Words of any group chat's own life, not of its subject: they are "key" in every chat log.
CHAT_WORDS = set("""
群 群里 群主 群友 群聊 进群 入群 拉群 加群 退群 建群 群名 私聊 单聊 私信 加我 好友 红包 抢红包 签到 打卡 爬楼 潜水 冒泡
分享 直播 回放 录音 视频 ppt 课件 主题 嘉宾 报名 活动 讲座 沙龙 老师 大佬 大神 大牛 兄弟 同学 各位 大家
新年快乐 节日快乐 早安 晚安 早上好 哈哈 呵呵 嘿嘿 表情 图片 链接 文章 公众号 二维码 截图 pdf ok 谢谢 感谢 多谢
非常感谢 多多指教 点赞 本群 拉进来 干货 hi
小伙伴 童鞋 弱弱 咳咳 玩意 玩意儿 搞定 搞不定 好难 没法用 发消息 不见不散
""".split()) | set(JOB_WORDS)
# jieba's glue of an adverb to the next word (哪块, 才行, 没试, 刚看): a chat phrase, not a subject
LEADING_CHARS = set("哪才没刚")
# Latin letters that are the chat's, not the field's: placeholders (xx, yy), links (http, com),
# WeChat and QQ ids (wxid_…, long runs of letters and digits), English little words (at, to)
LATIN_NOISE = re.compile(r"^(x+|y+|wxid.*|https?|www|com|cn|net|html?|at|to|the|of|in|on|is|and|for|"
                         r"(?=.*\d)(?=.*[a-z])[a-z0-9]{9,})$")
# jieba sometimes glues a function word to a content word (那券, 问个, 真的假): not a keyword
FUNCTION_CHARS = set("那这要问真是的了有咋在也都就还很太吗么呢吧啊个些一我你他她它们")
TOPIC_KEYNESS = 3.0  # used 20 times more often here than in general Chinese
GENERAL_RARE = 9.5  # jieba's IDF of words that general Chinese text seldom uses
# (你是在兴业吗, 你现在在上海么: where a member works or lives; 你是在说清分吧 is not)
# what follows 在 when it is no place (你是在说清分吧, 你还在测): doing something, not being somewhere
_IN_DOING = "说|讲|问|聊|做|搞|用|想|考虑|处理|测|查|生产|线上|线下|本地|环境"
PERSONAL = re.compile(rf"((你|您)(是|现在|目前|还)在(?!{_IN_DOING})[^，。,？?！!\s的]{{1,8}}(吗|么|嘛|？|\?|$)|"
                      # when a member joined or left, where they worked before, which department they are in now
                      # (你哪年去的那家银行, 您之前是某某科技的吧？, 王总现在在风控部门？)
                      r"(你|您)是?(啥时候|什么时候|何时|哪年|几时)[^，。,？?！!\s]{0,4}(到|来|去|加入|入职|离职|离开|跳槽|跳)|"
                      rf"(你|您)(以前|之前|原来|曾经)(是在|是|在)(?!在|{_IN_DOING}|怎|如何|咋|不|否|这|那)[^，。,？?！!\s]{{1,10}}的?(吗|么|吧|嘛|？|\?|$)|"
                      r"(现在|目前)(是)?在[^，。,？?！!\s]{1,6}(部门|部|团队|事业部)(吗|么|嘛|？|\?|$)|"
                      # which company or team a member is from (你是某某集团的？, 您原来也是某某的？): not 你是说/指…的,
                      # nor how they do it (你是按天算的吗, 你是用队列实现的？)
                      r"(你|您)(原来|之前|以前|现在|目前|也|还)*是(?!说|指|想|要|不|否|在|按|用|通过|怎|如何|咋|这|那|哪|直接|走|把|对|从|以|拿|自己|实时|同步|异步)"
                      r"[^，。,？?！!\s]{1,10}的(吗|么|吧|嘛|？|\?)|"
                      r"(你|你们|您)(公司|团队)[^，。,？?！!]{0,3}(什么规模|规模多大|多少人|几个人)|你在哪|你们在哪|在哪个城市|哪里人|你是哪|你在[^，。？?]{1,6}[吗？?]|几楼|你也在|老家|你那边天气|你多大|你几岁)")


# how members call each other (老邵, 李总, 邵老师; 柏哥, 芳姐; 萱萱, 苗苗): a person, not a subject.
# A doubled character (萱萱, 棒棒, 恩恩, 搞搞) is a pet name or a chatty word, never a term of the field.
ADDRESS = re.compile(rf"^(老[{''.join(SURNAMES)}]|[{''.join(SURNAMES)}](总|哥|姐|工|董|博|老师)|.[哥姐]|([\u4e00-\u9fff])\3)$")


def _may_weigh(w: str) -> bool:
    """A word that topic_words and keywords weigh (against general Chinese): two characters or
    more, not of the chat's own life, no function character glued to either end (nor an adverb to
    its start), no form of address, no chat artefact in Latin letters."""
    return (len(w) >= 2 and w not in CHAT_WORDS and w[0] not in FUNCTION_CHARS and w[-1] not in FUNCTION_CHARS
            and w[0] not in LEADING_CHARS and not ADDRESS.match(w) and not LATIN_NOISE.match(w))


def topic_words(words, idf, names: frozenset = frozenset()) -> list[str]:
    """Words of this group's subject: far more frequent here than in general Chinese, not chat life, not names."""
    out: list[str] = []
    cache = idf.__dict__.setdefault("_topic", {})
    for w in dict.fromkeys(words):  # each word once, in order
        if w in names:
            continue
        is_topic = cache.get(w)
        if is_topic is None:
            is_topic = cache[w] = _may_weigh(w) and (
                (idf.df.get(w, 0) >= 3 and idf.keyness(w) >= TOPIC_KEYNESS)
                or (idf.trust < 1 and idf.general(w) >= GENERAL_RARE))  # a small archive: rare in general Chinese
        if is_topic:
            out.append(w)
    return out


def _message_topics(m, idf, names) -> list[str]:
    """topic_words of one message's words, computed once per message (for one IDF and names)."""
    got = m.__dict__.get("_topics")
    if got is None or got[0] is not idf or got[1] is not names:
        got = m.__dict__["_topics"] = (idf, names, topic_words(message_words(m), idf, names))
    return got[2]


def publish(q: Question, answers: list[Answer], idf, directory=None, before=(), follows=None) -> tuple[bool, float, list[str]]:
    """Is the question worth keeping in the published knowledge base? ``follows``: the asker's own
    published question just before (a short question then follows it up)."""
    names = directory.all_name_parts() if directory is not None else frozenset()
    text = " ".join(m.text for m in q.messages)
    words = [w for m in q.messages for w in message_words(m)]
    reasons: list[str] = []
    x = -0.8

    def cue(w: float, why: str):
        nonlocal x
        x += w
        reasons.append(f"{why} ({w:+.1f})")

    def cue_found(pattern, w: float, why: str, where: str = text) -> bool:
        """cue(w, why), naming what ``pattern`` found in ``where``, when it finds something; whether it did."""
        found = pattern.search(where)
        if found:
            cue(w, f"{why} ({found.group(1)})")
        return found is not None

    topics = topic_words(words, idf, names)
    if topics:
        cue(min(3, len(topics)) * 0.9, "subject words " + "/".join(topics[:3]))
    # topic_words of the thread's words together: each message's own (kept with it), in order, once each
    thread = dict.fromkeys(w for m in itertools.chain(before, (m for a in answers for m in a.messages))
                           for w in _message_topics(m, idf, names))
    around = [w for w in thread if w not in topics]
    if around:
        cue(min(2, len(around)) * 0.4, "the conversation around it is about " + "/".join(around[:3]))
    distinct = set(words)
    if len(distinct) >= 6:
        cue(0.6, f"{len(distinct)} content words")
    elif len(distinct) <= 1:
        cue(-0.6, "almost no content words")
    if _LATIN_TERM.search(text):
        cue(0.2, "technical terms in Latin letters")
    cue_found(LOGISTICS, -1.2, "group logistics", GROUP_EXPERIENCE.sub("", ABSTRACT_WHERE.sub("", text)))
    cue_found(BANTER, -1.5, "small talk")
    cue_found(PERSONAL, -1.2, "a personal question")
    cue_found(CHAT_TOOLS, -2.5, "about the chat app or the group's own reading")
    lead = q.message.text.strip()  # the ask itself: what follows it is often a remark, not its setup
    core = _NON_WORD.sub("", lead)
    term = _asks_meaning(lead, idf)
    if term:
        cue(0.8, f"asks what a term means ({term})")
    elif len(core) <= SHORT_QUESTION and not _CLAUSE_PUNCT.search(lead):
        if follows is not None:
            # (那有限额吗？, 都有哪些原因？ after the asker's own 你们有没有X对不上的情况？: the next step of
            # one inquiry, which its earlier question names the subject of)
            cue(FOLLOW_UP, f"a short question following up the asker's own question just before ({follows.text[:20]})")
        else:
            cue(-1.0, f"a short question, meaningless outside its conversation ({len(core)} characters)")
    answered = SELF_ANSWERED.search(lead)
    if answered and not _ASKS_AGAIN.search(answered.group(1)):
        cue(-2.5, f"a 吗 clause the sender answers in the same breath ({answered.group(1)[:6]}…)")
    sc = SEEKS_CONTACT.search(text)
    if sc and not EXPERIENCE.search(text[:sc.end()]):
        cue(-1.2, "looks for a contact at a company")
    # a favour asked of members (a job, a file, a talk, an introduction): not knowledge, however many
    # words of the field name what is wanted (银联II类户机制的链接发我一下, 我加你微信请教备付金)
    cue_found(JOB_HUNT, FAVOUR, "looks for a job or for staff", _MENTION.sub(" ", text))  # (a member's name may say 求职)
    cue_found(ASKS_FILE, FAVOUR, "asks for a file or a link")
    share = PLEASE_SHARE.search(text)
    if share and not _WHO_HAS.search(text[:share.start()]):
        cue(FAVOUR, "asks a member to share their material or a talk (求分享)")
    cue_found(TALKS, FAVOUR, "about the group's own talks or meetups")
    cue_found(SEEKS_PERSON, FAVOUR, "looks for a person to talk to")
    if JOKE.search(" ".join(m.raw for m in q.messages)):
        cue(-0.8, "joking tone")
    if q.score < 0.6:
        cue(-0.4, "not clearly a question")
    if "request" in " ".join(q.reasons) or "请教" in text:
        cue(0.5, "asks the group for expertise")
    if not cue_found(HOW, 0.5, "asks how it is done or how things differ") and not CHAT_TOOLS.search(text):
        # (怎么 + any verb; not how to do it in the chat app: the members' tool, not the field's)
        cue_found(HOW_VERB, 0.5, "asks how it is done or how things differ", lead)
    p = 1.0 / (1.0 + math.exp(-x))
    return p >= PUBLISH_THRESHOLD, round(p, 3), reasons
