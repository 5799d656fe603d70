"""Question detection: which messages ask the others for something.

Each message gets a score from explainable cues on its jieba words (question
marks, 吗/么 at the end, question words, A-not-A forms, requests such as 请教
or 求推荐, an @ to someone) and from the forms that look like questions but are
not (rhetorical questions and rebuttals, reactions, echoes, tentative answers
to someone else's question, jokes). A question is the asking message plus the
asker's context messages right around it.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from .records import Message, Question

# patterns used in the hot paths, compiled once (re.<function>(pattern, ...) looks each up in re's cache)
# @mentions opening a message (@王总 @小李 …), (?:@\S+\s*)* and (?:\s*@\S+\s*)* written so that each run
# before whitespace is taken whole: the same strings, but the plain form tried every way of cutting a run
# that holds many '@' (@@@@…) into mentions, twice the time for each '@' more
_MENTION_RUNS = r"(?:@\S+\s+)*@\S+\s*"
MENTIONS_LEAD = rf"(?:{_MENTION_RUNS})?"
SPACED_MENTIONS_LEAD = rf"(?:\s*{_MENTION_RUNS})?"
_TRAILING_NOISE = re.compile(r"(\[[^\[\]]{1,8}\]|\s|[~～。.…!！,，、])+$")
_SPACE = re.compile(r"\s")
_PUNCT_AND_SPACES = re.compile(r"[\s?？!！。.,，~～…]+")
_ENDS_WITH_QMARK = re.compile(r"(^|[^?？])[？?]$")
# (not between Latin letters or digits, nor before =: a lost character, a URL query: C?O, .png?t=1)
_QMARK_INSIDE = re.compile(r"(?![A-Za-z0-9_])[\u4e00-\u9fff\w][?](?![?\u4e00-\u9fff])|[A-Za-z0-9_][?](?![?\u4e00-\u9fffA-Za-z0-9_=])")
_ENDS_WITH_QQ = re.compile(r"\?\?+$")
_OPINION_START = re.compile(r"(这不是|不是|其实)")
_QMARK = re.compile(r"[？?]")
_PUNCT_AND_SPACES_SHORT = re.compile(r"[\s?？!！。.,，]+")
_SELF_ANSWER_LIST = re.compile(r"\s*(答[:：]|A[:：]|1[、.．]|首先|一是|第一)")
_NON_WORD = re.compile(r"\W")
# after its question mark, the sender's verdict: 需要单独的团队么？不需要，… / 怎么处理的？当然是…
_SELF_ANSWER_VERDICT = re.compile(r"\s*(当然|肯定|显然|不需要|没必要)")
_SELF_ANSWER_START = re.compile(r"\s*(因为|其实|就是|所以|是因为|答案|我觉得|我认为|后来|结果|原来|最后)")
_CLAUSE_SPLIT = re.compile(r"[，,。；;]")
_CLAUSE_END = re.compile(r"[，,。；;？?！!]")
# 好不好/好吗 after a finished statement: emphasis (我做清算都十年了好不好, 这在国内是违规的好吗)
_EMPHATIC_END = re.compile(r"(了|的|[，,])\s*好(不好|吗|么|嘛)$")
# after a clause with a question word, the sender goes on with its answer or a comment on it:
# 什么时候推送，那是渠道定的; 为什么要实名，是因为…; 限流限多少，这才是难点; 什么大厂出身，都不如…
_ANSWER_AFTER_COMMA = re.compile(r"\s*(要看|就看|看|主要|应该|一般是|其实|估计|肯定|就是|因为|所以|(那|这)(就|才|也)?是|是因为|是为了|也是|"
                                 r"(也|还)(要|得)看|(就|也|还|都|要)?取决于)")
# right after it, 都: whichever it is (什么大厂出身，都不如…; 放在哪里，都一样)
_EITHER_AFTER_COMMA = re.compile(r"\s*都(?!有|是|在|可以|能|会|用)")
STATEMENT_AFTER_MIN = 12  # characters of the sender's statement after a bare question word's clause
# details of the ask after its clause: 怎么分摊，比如…, 怎么对账，具体是…
_DETAILS_AFTER = re.compile(r"\s*(比如|例如|譬如|比方|像|具体|就是说|主要是|场景|情况是|背景)")
_ASKS_GROUP = re.compile(r"(大家|各位|你们|您们|群里|请|@)")
_YOU = re.compile(r"[你您]")
_ANYONE_THERE = re.compile(r"(在吗|在不在|有人吗)")
_PARTICLE_CLAUSES = re.compile(r"[\s,，。.!！?？;；~～…]+")
_NEGATED_VERB_END = re.compile(r"(没|没有|不)[\u4e00-\u9fff]{0,2}$")
_SAID_ABOUT = re.compile(r"^(?!时候的)..+的(问题|事|事情)$")
# 在/去/到/从 + a place or a person before 哪里: 'there' (the common slip for 那里): 去老王哪里, 在地铁站哪里
_PLACE_BEFORE = re.compile(r"((在|去|到|从)([^在去到从，,。]{2,10}|[你我他她](们)?)|就在)$")
# after the question word, its clause is said to matter: …怎么处理长短款倒是很重要
_SUBJECT_AFTER = re.compile(r".{0,12}?(倒|才|也|就)?是?(很|最|非常|比较)(重要|关键)")
# after a verb of saying, learning or weighing, a bare question word is embedded (said, not asked):
# 还没说到为什么费率低, 先明确哪些业务由哪类科目核算, 我还没摸透怎么催收, 要搞清楚哪些能做
_EMBEDDED_AFTER = re.compile(r"(说到|提到|讲到|谈到|明确|摸透|搞清楚?|弄清楚?|搞明白|弄明白|(要|得|需要)清楚|研究|在(讨论|探讨)|思考|考虑|琢磨|"
                             r"没看到|没发现|没想到|没想好|想一想|想想)[^，,。？?]{0,6}$")
# 什么/啥 before a noun and 这种/之类/等: "something like" (还有什么声纹识别这种, 改成叫什么准备金之类的)
_SOMETHING_LIKE = re.compile(r"[^，,。？?]{0,12}(这种|这类|之类|这样的|那种|等等|一类的)(的|吧|啊|吗)?$")
# 说什么/叫什么 + a noun: "talk of", "something called" (说什么新规要求, 改成叫什么风险准备金)
_TALK_OF = re.compile(r"(说|叫|搞|弄|整)$")
# after 怎么/如何/为什么/是否, its clause is said to be hard or a matter of its own: 怎么界定责任很麻烦, 怎么界定二清是个学问
_MANNER_SUBJECT_AFTER = re.compile(r".{0,12}?(是个|是一个|很|挺|太|比较|非常)(学问|问题|难题|难点|尴尬|麻烦|头疼|头痛|难|复杂|讲究|考验)")
_WANTS_TO_KNOW = re.compile(r"(懂|明白|了解|好奇|请教|问)")
_ADMISSION_AFTER = re.compile(r"(不知道|不知|不晓得|不清楚|不太清楚|不大清楚|不太确定|不确定|不记得|不得而知|无从(考究|考证|得知|知晓|查起)|无法(得知|知道|确定))了?$")
# a verdict on the question word's clause: 实际怎么落地就各有说法了, 具体怎么做就是另一回事了 (said, not asked)
_VERDICT_AFTER = re.compile(r"就?(说不清|说不好|不好说|难说|各有千秋|见仁见智|因人而异|仁者见仁|另说|是?另外?一回事|不一定)了?$")
_WHAT_IF = re.compile(r"(要是|如果|假如|万一|一旦|是不是|有没有|能不能|会不会)")
_STILL_BEFORE = re.compile(r"[就还也倒可]$")
_DEGREE_AFTER = re.compile(r"(很|太|特别|非常|那么|十分)")
_A_NOT_A_EMBEDDED = re.compile(r"(看|要看|就看|取决于|问|不知道|不晓得|没啥|没什么|没有什么|谈不上|关键|决定|如果|假如|找找|问问|查查|试试|搜搜|判断|检查|核实|校验|验证|确认|"
                               r"在讨论|在聊|要聊|在考虑|不论|不管|无论|查明|查清|不确定|不清楚|(不|只)?关心|关注|想说)[^，,。]{0,12}$")
_ALTERNATIVE_EMBEDDED = re.compile(r"(不管|无论|不论|看|不清楚|不知道|不晓得|不确定)[^，,。]{0,6}$")
# an alternative question that ends the message, its two sides split by a comma (是指A，还是B; 你们是系统派单，
# 还是让商家自选): no particle needed. Not 还是 = still (…，还是要看…, 还是挺好), not after a verb of telling apart
# or not knowing (无法分辨是A，还是B; 也不知道是A，还是B: said, not asked)
# what 还是 is followed by when it means still (还是要…, 还是挺…, 还是那…, 还是三年): no "or"
_HAISHI_NOT_OR = r"(?!要|比较|挺|很|得|有点|蛮|太|不错|可以|应该|会|在|那|这|[一二三四五六七八九十几]年)"
ALTERNATIVE_END = re.compile(r"(?:^|[，,：:\s])[^，,。；;？?！!]{0,12}?(?<![不没若就还也但可而总正于凡或])(?<!(?<!主)要)是(?:指|说)?[^，,。；;？?！!]{1,30}[，,]\s*(?P<either>还是)(?:说)?"
                             + _HAISHI_NOT_OR +
                             r"[^，,。；;？?！!]{1,30}(?<![吧啦])[。.~～…\s]*$")
# 还是 = still, after all (还是要看场景啊, 但是分行还是不能放款啊, 这套工具还是挺好用的呀): an adverb before a
# modal, a degree word or a negation, not "or" (是A还是要B啊: 是 opens its first side; 收还是不收呢: X还是不X)
_STILL_HAISHI = re.compile(r"还是(?=要|得|比较|挺|很|非常|有点|蛮|太|不|没|可以|应该|会|在|能|必须|觉得|感觉|希望|老样子)")
_BARE_SHI = re.compile(r"(?<![但就也可只还总真要于而不算或正像倒都才硬老凡若])是")
_STILL_HAISHI_ALL = re.compile(r"还是")


def _haishi_still(text: str) -> bool:
    """Every 还是 of the text means 'still' (an adverb before a modal, a degree word or a negation) and no
    sentence before it opens an alternative with a bare 是: the text is a statement, not an alternative question."""
    found = False
    for h in _STILL_HAISHI_ALL.finditer(text):
        if not _STILL_HAISHI.match(text, h.start()):
            return False
        before = _SENTENCE_END.split(text[:h.start()])[-1]  # (its sentence: 是A，还是不B)
        rest = text[h.end():]
        if rest[:1] in ("不", "没") and before and rest[1:3] and before.endswith((rest[1:3], rest[1:2])):
            return False  # 退还是不退: X还是不X asks which
        if _BARE_SHI.search(before):
            return False  # 是自研还是要外包, 是不认可，还是不同意: 是 opens the first side
        found = True
    return found


# (即…: the sender explains his own point: 即这个钱是先打到A，还是B)
_ALTERNATIVE_END_EMBEDDED = re.compile(r"(不管|无论|不论|分辨|区分|判断|考虑|确定|不知|不清楚|不确定|不懂|没懂|看|取决于|至于|到底|究竟|不用|不需要|不必|"
                                       r"(?<![立随当])即(?![可使便将时日]))")
# a bare alternative question that is the whole message, one clause with no comma (是主备切换还是双活部署,
# 对账你们是按日还是按周跑批, 你说的是A还是B): no particle needed. Not 还是 = still (是的 还是挺好: a space or a
# comma ends a clause), not after 只是/但是/就是… (the 是 of a conjunction), not wondered about, remembered or
# said to depend (要看是A还是B, 忘了是A还是B, 不知道是A还是B), not hedged (好像是A还是B)
BARE_ALTERNATIVE = re.compile("^" + SPACED_MENTIONS_LEAD + r"(?P<lead>[^，,。；;？?！!\s]{0,12}?)(?<![不没若就还也但可而总正于凡或只真倒算像])(?<!(?<!主)要)是(?:指|说)?(?!觉得|认为|感觉|想)"
                              r"[^，,。；;？?！!\s]{1,24}\s?还是" + _HAISHI_NOT_OR +
                              r"[^，,。；;？?！!\s]{1,24}$")
_BARE_ALTERNATIVE_EMBEDDED = re.compile(r"(不管|无论|不论|分辨|区分|判断|考虑|确定|不知|不清楚|不确定|不懂|没懂|看|取决于|至于|不用|不需要|不必|"
                                        r"忘|记得|记不清|查|问问|在于|关键|说明|无非|(?<![立随当])即(?![可使便将时日]))")

# 是一台还是两台就看渠道了, …还是B都行: the alternative is the subject of the sender's own verdict
_BARE_ALTERNATIVE_DEPENDS = re.compile(r"还是.*(看|取决|决定|都|无所谓|不重要|没关系)")


def _bare_alternative(body: str, tail: str) -> bool:
    """是A还是B as the whole message (its tail without emoji and trailing marks): an alternative question."""
    ba = BARE_ALTERNATIVE.match(tail)
    return (bool(ba) and not _BARE_ALTERNATIVE_EMBEDDED.search(ba.group("lead")) and not HEDGE.search(body)
            and not _BARE_ALTERNATIVE_DEPENDS.search(tail, ba.end("lead")))


# a request to explain put to others without a question mark: to me or us (给我们科普一下, 帮忙解答下), begged or
# hoped for (求讲解, 希望有大神出来解惑), or to someone called by name or title (张总给我们普及下, 王老师指正下,
# 让老李给科普下): asks for an explanation. Not thanks for one (谢谢王老师解答), not a welcome (欢迎大神指正), not
# news that someone explains (李总来解答了); 指正 only asked of someone named (请指正 closes one's own words)
EXPLAIN_REQUEST = re.compile(r"(?P<who>给我们?|给咱们?|给俺们?|帮忙|帮我们?|求|请\s*|希望有[^，,。！!？?]{0,12}|让[^，,。！!？?\s]{1,8}给|"
                             r"(?:^|[，,\s])给|(?P<person>大神|大牛|大佬|高手|老师|专家|前辈|专业人士|[\u4e00-\u9fff]总)们?[，,\s]*(?:给|来|帮忙)?(?:我们?|咱们?)?)"
                             r"\s*(?:详细|具体|仔细|展开|简单)?(?P<verb>科普|解释|讲解|普及|脑补|指正|解答|解惑|答疑)(?!了|过)")
_EXPLAIN_NOT_ASKED = re.compile(r"谢|欢迎")
# the verbs of EXPLAIN_REQUEST alone: a cheap check before it (most messages hold none)
_EXPLAIN_VERB = re.compile(r"科普|解释|讲解|普及|脑补|指正|解答|解惑|答疑")


def _explain_request(body: str):
    """The match of a request to explain put to others (EXPLAIN_REQUEST), or None."""
    er = EXPLAIN_REQUEST.search(body) if _EXPLAIN_VERB.search(body) else None
    if not er or (er.group("verb") == "指正" and not er.group("person")) or _EXPLAIN_NOT_ASKED.search(body, 0, er.start("verb")):
        return None
    return er


# a short question put back to the one who spoke (after an optional call by name): what they meant (你说的是X？,
# 你指的X？, 您的意思是X？): a clarification asked, not a tentative answer
ASKED_BACK = re.compile("^" + SPACED_MENTIONS_LEAD + r"(?:[^，,。？?！!\s]{1,4}[，,\s])?[你您]们?(?:说的|指的|讲的|是说|是指|的意思)")

# a bare acknowledgement that opens a message (嗯，/对，/是的，), and the sender's own ask with a question word in
# the last clause after it (嗯，你们那边用什么加密机; 对，回到刚才的问题，退款手续费怎么算): the opener answers the
# talk before, the rest asks anew. Not 谁 (谁会…: mostly rhetorical), not after a full stop (a statement goes on),
# not with the words of a statement or a view in the rest (其实/但是/就/看/知道/可以/应该…: 是的，就看怎么做)
ACK_OPENER = re.compile(r"^(嗯+|恩+|哦+|噢+|对|对的|对啊|对呀|是的|是啊|是呀|好的)$")
_ACK_STATEMENT = re.compile(r"其实|但是|就|看|知道|可以|应该|可能|估计|肯定|一般")
_ACK_LAST_CLAUSE = re.compile(r"[，,；;\s]+")


def _asks_after_ack(first: str, rest: str, qword: Optional[str]) -> bool:
    """The opening clause only acknowledges, and the last clause of the rest holds the question word."""
    if (not qword or qword == "谁" or not ACK_OPENER.match(_PUNCT_AND_SPACES.sub("", first)) or _LAST_SENTENCE.search(rest)
            or _ACK_STATEMENT.search(rest)):
        return False
    clauses = [c for c in _ACK_LAST_CLAUSE.split(_tail(rest)) if c]
    return bool(clauses) and qword in clauses[-1] and len(_NON_WORD.sub("", rest)) >= ASK_AFTER_OPENER_MIN


# the sender's own understanding put forward and closed with 吧 (我理解…吧, 按我的理解，…吧, 理解下来，…吧):
# asks whether it is right, unless it answers someone else's question just asked (a tentative answer)
OWN_UNDERSTANDING_BA = re.compile("^" + SPACED_MENTIONS_LEAD + r"(?:我的理解是|我的理解|我理解的是|我理解的|我理解|按我的理解|按照我的理解|据我理解|理解下来)")

# 谁用谁知道, 谁做谁知道: "whoever does it knows", an idiom, not a request
_WHO_DOES_BEFORE = re.compile(r"谁[^，,。？?！!谁\s]{1,3}$")
# 太…了吧(？): an exclamation (心也太大了吧？, 想得太简单了吧), not a request for confirmation; without ？ not after 不/没
# (不太容易了吧: a hedged guess)
_TOO_BA = re.compile(r"太[^，,。？?！!]{1,6}了吧[？?]+$|(?<![不没])太[^，,。？?！!]{1,6}了吧$")
_THANKS_BEFORE = re.compile(r"(谢|感谢)[^，,。？?]{0,4}$")
_SURPRISE = re.compile(r"[？?][！!]|[！!][？?]")
# 竟然/居然 (to one's surprise) in a question: 居然还有扣手续费的？ wonders aloud, asks nothing
_SURPRISE_WORD = re.compile(r"(竟然|居然)")
_LAST_SENTENCE = re.compile(r"[。！!；;]")
_FIRST_OR_SECOND_PERSON = re.compile(r"[你您我]")
# an exclamation: it ends with ！, or opens with a degree word or an interjection (这么快, 太离谱了, 我靠)
_EXCLAIMED = re.compile(r"[！!]\W*$|^\W*(这么|那么|太|真是|简直|我靠|我擦|卧槽|天哪|吓死)")
_THANKS = re.compile(r"(谢|感谢|多谢|拜托|求)")
# a full stop and then more of the sender's own sentences: 下面说说什么是轧差。轧差就是…
_FULL_STOP_THEN = re.compile(r"(?<!。)。(?!。)\s*(.*)$", re.S)  # (not 。。: an ellipsis)
_LEADING_MENTION = re.compile(r"^(\s*@\S+\s*[，,]?)+")
# 什么/啥 before a list of examples: 什么A，B，C; 什么A啊B啊; 什么A、B之类的 (things like A, B), not "what"
# (什么 opens the message or a clause, or follows 现在/还有/比如/说/搞…: 用什么MQ，A，B asks which; the items are short
# and ask nothing themselves)
_EXAMPLES_AFTER = re.compile(r"(?:^|[，,。；;：:\s])(?:现在|还有|比如|像|说|搞|弄|整)?(?:什么|啥)(?!是|叫|时候|时间|意思|样|情况|原因|区别|问题|地方|东西|人|用)"
                             r"(?:[^，,、。；;？?！!\s啊呀吗么呢吧哪谁几怎多]{1,8}(?:[啊呀][，,、\s]*|[，,、\s]+)){2,}")
# the message ends with one full stop (not 。。, an ellipsis; not ，。), then only spaces or emoji
_CLOSED_WITH_STOP = re.compile(r"(?<![。，,])。(\s|\[[^\[\]]{1,8}\])*$")


THRESHOLD = 0.5

QUESTION_WORDS = {
    "什么", "怎么", "怎样", "怎么样", "如何", "为什么", "为何", "为啥", "啥", "哪", "哪里", "哪儿", "哪个",
    "哪些", "哪家", "哪种", "哪位", "谁", "多少", "多久", "多大", "多长", "多远", "多高", "是否", "能否", "可否",
    "有无", "咋", "咋办", "咋样", "干嘛", "何时", "什么样", "怎么办", "啥样", "几点", "几楼", "几级", "几号",
    "几岁", "怎么弄", "怎么做", "啥时候", "什么时候", "如何是好", "咋整", "多少钱", "啥意思", "什么意思", "有何",
    "撒", "哪方面", "哪款", "哪类", "哪块", "哪边", "咋个", "几个", "几家", "几种", "几天", "几年", "几月", "几次", "几位", "几",
}
# 几 words that are often "several" rather than "how many": interrogative only at the end of a clause
SEVERAL = {"几个", "几家", "几种", "几天", "几年", "几月", "几次", "几位", "几"}
# in a clause before a question word, these make it indirect or indefinite: 要看怎么, 不知道为什么, 我觉得是多大的问题
INDIRECT = re.compile(r"(不知道|不晓得|不管|无论|不论|没什么|没啥|没有什么|不清楚|记不清|忘了|随便|要看|就看|看看|看你|看他|看下|看是|"
                      r"取决于|决定|关键|在于|忘记|没试过|至于|说清楚|讲清楚|(也|还|都)看|告知|分不出|看不出|说不出|看不清|"
                      r"判断(?!的)|检查|核实|校验|验证|(不要|别|不用|不必)太?纠结|在乎|在意|猜到|猜|觉得|认为|觉着|问我|问你|问他|"
                      r"(?<![谁你])知道|指不定|说不定|不定|如果|假如|要是|选择|想好|想清楚|想着|想学|学会|教你|教我|没说|"
                      r"(?<![为])(没|不|不了|看|不是|不算|再|不会|不用|不太)$|^(要|就|得|还得)?看|没有比|并没有|算不上|(这|那)(就|也|正)是$)")
# a message that opens with "it depends on" (一般看…, 主要看…, 要看…, 就看…): the question words of the
# clauses after it in the same sentence list what it depends on (一般看通道，支持哪些卡，要素是否必填)
DEPENDS_LEAD = re.compile(r"^(这|那)?((也|还|都|就)?(是)?(一般|主要|关键|具体|还得|得|要|就|全)(要|得)?|(也|还|都)是|[一二三四五六]是?)看(?![了过到见完着懂看])")
_SENTENCE_END = re.compile(r"[。！!？?；;]")
# question words that still ask inside a hypothetical (如果…怎么办)
ASKS_ANYWAY = {"怎么办", "咋办", "如何是好", "咋整"}
# words right before a 几 word that make it "a few": 这几年, 早几年, 好几家
SEVERAL_BEFORE = ("这", "那", "早", "过", "前", "好", "有", "了", "掌握")
# after a question word, these make it indefinite: 怎么做都行, 多少钱没关系
INDEFINITE_AFTER = re.compile(r"(都|也|再说|就看|取决于|不重要|没关系|无所谓|均|皆|就这么|就怎么|就那么|依然|仍然|照样|照旧)")
# a statement that ends with 呢 (no question word): 还没有…呢 (not yet), 正在…呢, 好着呢, 打算…呢
STATEMENT_NE = re.compile(r"(还没|还不|还在|还有好|还早|正在|都在|在忙|着呢$|打算|准备|以为|还挺|挺[^，,。]{0,3}呢$|很[^，,。]{0,3}呢$|"
                          r"不少呢$|了呢$|才[^，,。]{1,6}呢$|还(说|想|能|要)|逗我|没[^，,。]{0,6}过呢$|属于|开会呢$)")
# after an A-not-A form, the alternative is the subject of a statement: 能不能开户属于合规问题,
# 愿不愿意续费，就看销售团队了, 批不批由主管决定
A_NOT_A_SUBJECT = re.compile(r"[^。？?]{0,16}?(属于|取决于|很重要|是关键|不是关键|就看|要看|得看|由[^，,。？?]{1,10}决定|的问题$)")
# after an A-not-A verb, it does not matter which: 跌不跌不重要, 做不做都行
A_NOT_A_EITHER = re.compile(r"[^，,。？?]{0,3}(不重要|无所谓|没关系|不要紧|没区别|都一样|都行|都可以|(也|都)(没有?关系|行|可以|一样))")
# after X不X, the alternative is a topic: set aside (收不收费不谈) or up to something (赚不赚钱看有没有流量, 能不能进去看个人条件)
A_NOT_A_ASIDE = re.compile(r"[^，,。？?]{0,3}(不谈|不论|先不说|暂且不论|另说|不讨论)")
A_NOT_A_UP_TO = re.compile(r"[^，,。？?]{0,8}看(有没有|是不是|是否|能否|能不能|会不会|[^，,。？?]{0,6}(情况|场景|条件|需求|自己|个人))")
# X不X words that are adverbs: 时不时 (now and then), 动不动 (at every turn)
A_NOT_A_ADVERBS = ("时不时", "动不动")
FINAL_STRONG = {"吗": 2.5, "么": 2.2, "麽": 2.2, "否": 1.5}
A_NOT_A_WORDS = ["有没有", "是不是", "能不能", "会不会", "可不可以", "要不要", "用不用", "行不行", "对不对", "好不好", "算不算",
                 "需不需要", "该不该", "有木有", "用没用", "做没做", "去不去", "支不支持",
                 # 有没 + what is asked about (有没人做过, 有没好的办法): 有没有 said short; not 只有没… (only
                 # what has not), 没有没…, 所有没…, 还有没… (still not: 还有没平仓的)
                 r"有没(?!有)(?<![只没所还]有没)"]
A_NOT_A = re.compile("(" + "|".join(A_NOT_A_WORDS) + r"|(?!不)([\u4e00-\u9fff])不\2)")  # (not 不不不: no, no, no)
ALTERNATIVE = re.compile(r"(是|用|走|选|做).{1,30}还是.{1,30}|还是[^，,。！!？?\s]{1,10}(啊|呢|呀|[？?])")
# 是A的还是B的: an alternative question even without a question mark
ALTERNATIVE_DE = re.compile(r"是(?!的)[^，,。？?！!是]{1,12}的还是[^，,。？?！!]{1,12}的")
CONFIRM = re.compile(r"(是吧|对吧|是不|对不|是么|对么|是嘛|没错吧)$")
# a trailing 不/没 asks yes or no (收费不, 有文档不, 做过没: V不 for V不V), not after an adverb
# (还没, 都没, 那可不) nor with the alternative as a subject or wondered about (关键是…不, 不知道…没)
TRAILING_NOT = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9])(?<![还都也就并又可再才没不])[不没]$")
_TRAILING_NOT_EMBEDDED = re.compile(r"(不知道|不知|不清楚|不确定|不晓得|在于|关键|取决于|要看|就看|得看|忘了|忘记|问问|问我|问他|问她)")
# (every alternative opens with a character, so that re looks only where one of them is: the
# lookbehind of 没有…推荐 comes after its 有, not before)
REQUEST = re.compile(r"(请教|请问|求推荐|求助|求问|求教|求解|求分享|求个|求一个|求一份|求份|求大神|求指点|想了解|想问(?!题)|想请教|"
                     r"问一下|问下|问个问题|(?<![他她人])问(大家|各位|你|您|大伙|诸位|群里)们?(一个|个|几个|两个)问题|咨询(?!师|公司|顾问|费|业务|服务|行业|和|类|机构|项目|的|平台|[：:]|没|也|都)|谁有|谁知道|谁了解|谁做过|哪位|有没有人|有人[^，,。；;！!？?]{0,24}(?<![怎什那这多要])[吗么嘛]|有谁|推荐一下|"
                     r"推荐个|推荐几|给推荐|帮忙看|帮看|指点|指教|打听|了解一下|想知道|大家.{0,6}怎么|"
                     r"有(?<!没有)[^，,。；;！!？?]{0,12}推荐(?!系统|算法|架构|引擎|模型|逻辑|策略|机制|费|奖|码|名额|入群)|麻烦[^，,。；;！!？?]{0,20}(一下|下)|能.{0,8}介绍|"
                     r"有没有.{0,16}(做过|用过|接过|搞过|了解过?|对接过)|"
                     # 有遇到过…的么, 有了解…的吗 (has anyone met, does anyone know; not 没有/还有, nor 有…这么…的吗: rhetorical)
                     r"(?<![没还只所])有(?:遇到过?|碰到过?|用过|做过|接过|搞过|了解过?|研究过|对接过|接触过)[^，,。；;！!？?这那]{0,30}[吗么嘛]|有(小伙伴|朋友|同学|大神|大佬|同行).{0,24}[吗么嘛])")
# requests in which the sender himself asks (not 咨询, 介绍, 麻烦…, 指点: often nouns or said of others)
# (nor 你问下…: advice to the one addressed)
_ASKER_REQUEST = re.compile(r"(请教|请问|想知道|想了解|想问|想请教|问一下|问下|问个问题|问(大家|各位|你|您|大伙|诸位|群里)|求助|求教|求问|谁|哪位|有没有)")
_TOLD_TO = re.compile(r"[你您]们?[^，,。；;！!？?]{0,2}$")
# a short ask with a predicate of its own: an adverb before a verb (也做…？, 还有…？) or a change (…了？)
_OWN_PREDICATE = re.compile(r"(也|还|又|都)[^，,。？?！!]{1,8}[？?]$|[^好对是]了[？?]$")
# ... but a remark to the one addressed (你也在？), doubt or scorn (连这个都不懂？, 这也敢投？, 不是要…了？), an interjection
_REMARK_IN_SHORT = re.compile(r"连|敢|不是|我擦|我靠|卧槽|我去")
# a request word in advice to someone else (你可以先看官方文档，或者咨询厂商的售后; 有问题可以在群里咨询;
# 建议直接问下客服): the sender tells them whom to ask, he asks nothing
ADVICE_BEFORE = re.compile(r"((你|您)们?|建议|有[^，,。？?！!]{0,4}(问题|疑问|需要|兴趣))[^。？?！!]{0,16}(可以|可|不妨|最好|直接|去)[^。？?！!]{0,12}$")
# checking one's understanding with the group: 不知道我这个理解对不对, 这样理解对吗
UNDERSTANDING = re.compile(r"(理解|说法|想法|认识)[^，,。？?]{0,4}(是否|对不对|对吗|对么|对不|是不是)(对|正确|合理|准确|一致)?")
# …, 也可以这样理解吧, 是这么理解吧, 我没理解错吧: the same check ending in 吧 (not 不是这样理解的吧: a rebuttal)
UNDERSTANDING_BA = re.compile(r"(?<!不是)(?<!不能)(?<!不可以)(?<!不)(这样|这么)理解(的)?(应该)?(没错|没问题|对)?吧$|(没有?|不会)理解错(了)?吧$")
# 你想了解的…都在这篇文章里, 他想知道的是…, 客户要是想问…: the wish to know is someone else's, not the sender's ask
OTHERS_WISH_BEFORE = re.compile(r"(你|您|他|她|客户|用户|人家|对方)们?(也|都|就|真|还|要是|如果|若)?$")
# 咨询X不行吗, 问X不就知道了 (why not ask X): a suggestion whom to ask, the sender asks nothing
SUGGESTS_ASKING = re.compile(r"(?![下一个])[^，,。？?！!\s]{1,16}(不行|不可以|不就[^，,。？?！!]{0,4}了)[吗么嘛啊呀]?[？?。！!～~\s]*$")
# 现在还有做X？, 目前还有人用X的？: whether anyone still does a thing (a new ask after someone's question, not a guess at its answer)
STILL_DONE = re.compile(r"^\s*(现在|目前|如今|今天|现如今)?还有(人|谁|公司|机构|银行|家)?(在)?(做|用(?!户)|搞|玩|接(?!口)|开(?!发|始)|办(?!法)|卖)")
# 是不是觉得/感觉… (don't you feel…): leading the listener to the sender's own view
LEADING_FEEL = re.compile(r"是不是(觉得|感觉|觉着)")
_GROUP_ASKED = re.compile(r"(大家|各位|你们|您们|群里|诸位|大伙)")
# 问一下/打听/了解一下 told to someone else (这要问一下他们的运维, 可以问下银行, 你问下, 打个电话问下呗, 问下
# 存管行去, 问下做过的都知道) or the sender's own plan said last (具体我问下。, 我待会打电话给他问一下): whom
# to ask, not an ask of the group (我问下，…/问下大家: the sender asks; 不敢问下去了: asking on)
ASK_ELSEWHERE_WORDS = ("问一下", "问下", "打听", "了解一下")
_ASK_CLAUSE_BEFORE = re.compile(r"[，,。；;！!？?\s]")
_ADVICE_MODAL = re.compile(r"要|得|需要|可以|最好|应该|建议|不妨|不如|直接|就是|打电话|打个电话|找|[你您]")
_OWN_ASK_BEFORE = re.compile(r"我|想|请|大家|各位|群里")
_GROUP_ASKED_AFTER = re.compile(r"\s*(大家|各位|诸位|大伙|群里|大神|大佬|哪位|老师们|[你您]们?(?![^，,。；;！!？?\s]{0,6}的))")
_ASKED_ELSEWHERE_AFTER = re.compile(r"去|[^，,。；;！!？?]{0,12}(呗|去)\W*$|[^，,。；;！!？?]{1,12}(就|都)(知道|清楚|明白)")
_THIRD_PERSON = re.compile(r"\s*(他|她|对方)")


def _asked_elsewhere(body: str, req: "re.Match") -> bool:
    """A request word (问一下/打听/了解一下) in advice whom to ask or in the sender's plan to ask someone."""
    before = _ASK_CLAUSE_BEFORE.split(body[:req.start()])[-1]
    rest = body[req.end():]
    if _GROUP_ASKED_AFTER.match(rest):
        return False  # 可以问下大家吗, 问一下你们: the group is asked
    if _ASKED_ELSEWHERE_AFTER.match(rest):
        return True  # 问一下呗, 问下存管行去, 问下做过的都知道, 问下去
    if "我" in before:  # 我问下。/我待会打电话给他问一下: a plan when nothing of the ask follows
        return not _NON_WORD.sub("", rest) or bool(_THIRD_PERSON.match(rest))
    return bool(_ADVICE_MODAL.search(before)) and not _OWN_ASK_BEFORE.search(before)


# (a request the sender will make to someone else later: 我一会去问下风控, 明天找个明白人问下, 回去问下同事)
NOT_REQUEST_BEFORE = re.compile(r"(帮你|帮我|帮忙|我可以帮|我帮|可以帮|我去|也去|回头|回去|我再|我来|再|后续|改天|以后|下次|有空|要不|"
                                r"一会|待会|等会|明天|晚点|稍后).{0,8}$")
# 谁有心思/谁有力气… (who has the heart, the energy): nobody has
NOBODY_HAS = ("力气", "心思", "闲心", "闲工夫", "工夫", "心情", "精力")
RHETORICAL = re.compile(r"(难道|何必|何苦|这不就|不就是|不就|怎么可能|哪有|哪还有|哪里还有|有什么用|有啥用|还能有什么|什么鬼|还(搞|做|要|说)什么|"
                        r"又如何|何尝|谁说|还不是|不也是|能怎样|能怎么样|又怎样|有什么好[^，。？?办方建推工]{1,4}的|有啥好[^，。？?办方建推工]{1,4}的|凭什么|何况|"
                        r"怎么会有|至于吗|至于么|好意思|是人吗|你猜|猜猜|开玩笑|谁让你|谁叫你|谁用谁|要不然怎么|不然怎么|怎么说.{0,10}呢|"
                        # 你说这不是坑人吗, 你说怎么办 (do you say: the sender's point), not 你说的X是指什么？/你说的是A吗？
                        # (the X you mentioned: a clarification asked back)
                        r"你说(?!的).{0,20}[吗么]|指不定|说不定|能不[^能，,。？?]{1,2}[吗么]|有没有王法|是个头|"
                        r"哪能|哪懂|哪来什么|有这么.{1,8}的[吗么嘛]|凑什么热闹|怕什么|怕啥|总不能|总不会|哪里?(需要|用得着|要)那么|哪里是|这哪是|那哪是|那还.{1,3}(啥|什么)$|急什么|着什么急|慌什么|怪谁|能怪|"
                        # 客气啥 (you are welcome), 瞎说什么 (nonsense), 冷成啥样了 (how very)
                        r"客气(啥|什么)|谦虚(啥|什么)|瞎说(啥|什么)|瞎扯(啥|什么)|瞎操心(啥|什么)|胡说(啥|什么)|成(什么|啥)样(子)?了|"
                        # 我能说…吗 (may I say: a remark), 你管得过来吗 (you cannot)
                        r"我(能|可以)说[^，,。？?]{1,20}[吗么嘛]|得过来[吗么嘛]|"
                        # 你以为…？ (you think so?), 谁会这么用 (nobody would)
                        r"你以为|谁(会|敢|能)(这么|那么)|"
                        # 谁知道呢, 天知道 (who knows): nobody can tell
                        r"谁知道呢|天知道|鬼知道|"
                        # 真有你想的那么难吗 (is it really as bad as you think): doubt, a rebuttal; 又有多少人会…, 又能多赚多少 (hardly any)
                        r"有[^，,。？?]{0,8}(想|说|讲)的(那么|这么)[^，,。？?]{1,8}[吗么嘛]|又(有|能)[^，,。？?]{0,4}(多少|如何|怎样|怎么样)|"
                        # 要不然要它干嘛 (what else would it be for), 谁让他是老大呢 (because), 你能保证…？ (nobody can)
                        r"要不然[^。？?]{0,12}(干嘛|干啥|干什么)|不然[^。？?]{0,12}(干嘛|干啥|干什么)|否则[^。？?]{0,12}(干嘛|干啥|干什么)|"
                        # 否则出了差错怎么追溯？, 不然月底怎么交差, 不然哪有这么多…: otherwise how could it be (an argument for the sender's point)
                        r"不然[^。？?！!]{0,12}(怎么|如何|咋|哪|谁|什么|啥)|否则[^。？?！!]{0,12}(怎么|如何|咋|哪|谁|什么|啥)|谁让[^，,。？?]{1,16}呢|你能保证|谁能保证|"
                        # 你不觉得…？ (don't you think: the sender's own view), 还能叫X？ (can it still be called X: no)
                        r"你们?(难道)?不(觉得|认为|觉着)|您们?(难道)?不(觉得|认为|觉着)|还能叫|"
                        # 岂是/岂能 (how could it be: no), 又和X有何区别 (what difference does it make), 谁有心思… (nobody has),
                        # …了，不是吗 (a statement with the tag "isn't it": the sender's point)
                        r"岂(是|能|会|可|敢|止)|又(和|跟|与|同)[^，,。？?]{1,14}有(何|什么|啥)(区别|差异|不同|两样|差别)|"
                        r"谁有(" + "|".join(NOBODY_HAS) + r")|[了的，,]\s*不是(吗|么|嘛)[？?。！!…\s]*$)")
# question words with 还/就/都 and no question mark, mostly rhetorical: 为啥还要自己买, 怎么就怪我们,
# 还要CA干啥, 上哪找, 做什么梦
RHETORICAL_QWORD = re.compile(r"(为啥还|为什么还|怎么就|咋就|还要.{0,10}(干啥|干嘛|做什么)|上哪|做什么梦|买什么|有什么关系|"
                              r"有啥关系|什么都|啥都|谁都|哪都|怎么都|谁敢|谁会去|谁愿意|怎么能|谁不|还能说(啥|什么)|"
                              # complaints and wonder: 怎么又要改接口了, 咋这么宽; one's own impression: 我怎么觉得…
                              r"我说[^，,。？?]{0,4}(怎么|咋)|谁(家里?)?没有?|怪不得|难怪|哪里?还(需要|用|要)|(怎么|咋)又|(怎么|咋)(会|就)?这么|我(怎么|咋)(感觉|觉得|记得|好像)|"
                              # 还是怎么的: "or something"
                              r"还是怎么(的|着)(?=[，,。.\s]|$)|算(啥|什么)[。!！~]*$|"
                              # nobody can (a potential complement: 谁伤得起, 怎么付得起, 谁瞧得上, 谁受得了; not 搞得起来: how to get it going,
                              # 谁的起薪) or would (谁爱/谁在乎/谁稀罕)
                              r"(谁|怎么|咋)[^，,。？?！!\s]{0,6}?(?:得起(?!来)|的起(?=[\s，,。！!~～…啊呀哈吧]|$)|(?:看|瞧)[得的]上|受[得的]了|吃[得的]消)|谁(爱|在乎|稀罕)|"
                              # 有啥可争的, 有什么不能聊的: nothing to
                              r"有(啥|什么)(可|不|值得|牛逼|了不起|稀奇|奇怪|恶心|丢人)[^，,。？?]{0,4}的[。.!！~]*$)")
# a swear word in it (特么, 他妈的, TMD): the sender vents, he does not ask (谁特么知道…, 这破系统TMD又卡了)
SWEAR = re.compile(r"特么|特喵|他妈|他喵|TMD", re.I)
# 敢 (dare) in the sentence that asks, not 不敢/没敢 (said of oneself) nor 敢问 (may I ask): a challenge or
# doubt, the sender's point that no one would (渠道敢先垫这笔钱吗？, 哪家敢接？, 换你你敢签吗？)
DARE = re.compile(r"(?<![不没未勇果])敢(?![问当])")
_ASKING_SENTENCE_END = re.compile(r"[。！!；;？?]")
# 怎么会… with no question mark: how could it (接口怎么会不幂等呢, 清算行怎么会不给文件): disbelief, the sender's view
HOW_COULD = re.compile(r"(怎么|咋)会")
# 想啥呢 / 想什么呢 (what are you thinking): a dismissive remark or a tease, not an ask
WHAT_THINKING = re.compile(r"想(啥|什么|些啥|些什么)呢(?=[\s，,。.!！~～…]|$)")
# 谁还用X (who still uses X: nobody), 谁跟你说/谁告诉你… (who told you that: not so): rhetorical 谁
WHO_RHETORICAL = re.compile(r"谁还(用|管|做|会|敢|在乎|信|愿意|买|看得上)|谁(跟|和|给)(你|您)们?说|谁告诉(你|您)")
# 你这样…好吗 (is it nice of you to…): a tease or a reproach to the one addressed, not an ask
TEASE_GOOD = re.compile(r"(你|您)们?(这样|这么)[^，,。？?！!]{0,12}好(吗|么|嘛)")


# 是否 after a verb of checking in its clause (查询该笔是否成功, 核对金额是否一致, 识别是否本人): says what is
# checked, whether, and asks nothing (with no question mark)
CHECK_WHETHER = re.compile(r"(查询|查一下|查下|查查|查|识别|确认|核对|检测|核查|查看|鉴别|区分|监控|判定|判别|核验|检验|比对|查明)"
                           r"[^，,。；;？?！!]{0,10}是否")


def _asking_sentence(body: str) -> str:
    """The sentence that asks: the one its first question mark closes, else the last one."""
    q = _QMARK.search(body)
    if q:
        return _ASKING_SENTENCE_END.split(body[:q.start()])[-1]
    return _ASKING_SENTENCE_END.split(_tail(body))[-1]


def _rhetorical_forms(body: str) -> Optional[tuple[float, str]]:
    """A form that asks nothing of the others (dare, disbelief, dismissal, who-would, a tease):
    its weight and reason, or None."""
    dare = DARE.search(_asking_sentence(body))
    if dare:
        return -3.5, "敢… (dare) in the ask: a challenge or doubt (哪家敢做？), rhetorical"
    if not _QMARK.search(body) and HOW_COULD.search(body):
        return -2.0, "怎么会… with no question mark: how could it (disbelief), rhetorical"
    if WHAT_THINKING.search(body):
        return -3.0, "想啥呢 (what are you thinking): dismissive, not an ask"
    who = WHO_RHETORICAL.search(body)
    if who:
        return -3.0, f"rhetorical {who.group(0)} (nobody does; not so)"
    if TEASE_GOOD.search(body):
        return -3.0, "你这样…好吗: a tease or a reproach to the one addressed, not an ask"
    return None


# disbelief at what was just said, put as a short question: 这都有？ 这也叫创新？ 那也行？ (this too?), and a
# degree after 还 (三天还慢？ 这还少？ 五毛还贵？: not so at all); not 还 meaning still (现在还贵？ 目前还慢？),
# not a comparison (比X还贵？), not with 吗/么 (这也要审核吗: asks)
DISBELIEF_THIS_TOO = re.compile(r"^(?:这|那)(?:个|种|样)?(?:都|也)(?:有|行|可以|能|叫|算)[^，,。？?吗么嘛呢吧啥什怎哪谁几\s]{0,5}[？?]+$")
DISBELIEF_DEGREE = re.compile(r"^(?!.*(?:现在|目前|如今|今天|今年|还是|也|比))[^，,。？?吗么嘛呢吧啥什怎哪谁几\s]{1,6}"
                              r"还(?:算)?(?:多|少|贵|便宜|高|低|慢|快|难|大|小|长|短|远|早|晚|不够)[？?]+$")


_QMARKS_END = re.compile(r"[？?]+$")


def _disbelief(body: str) -> Optional[str]:
    """A short question that only disbelieves what was just said (这都有？/这也叫X？/五毛还贵？): its
    reason, or None."""
    text = _TRAILING_NOISE.sub("", _LEADING_MENTION.sub("", body)).strip()
    text = _QMARKS_END.sub("？", text)
    if DISBELIEF_THIS_TOO.match(text):
        return "disbelief at what was just said (这都有？/这也叫X？): a reaction, not a question"
    if DISBELIEF_DEGREE.match(text):
        return "disbelief at a degree (这还少？/五毛还贵？: not so at all): a reaction, not a question"
    return None


# a reply that agrees or affirms (有啊，/是啊，/肯定是了，/当然，), then backs it with a rhetorical question on a
# premise of its own (没有X，Y怎么来？ / 你X都对不上，Y能对上么？): it answers, it does not ask. Not when the sender
# turns to an ask of his own (但是…/不过…/我不知道…/想问…) or puts it to the group.
AGREE_OPENER = re.compile(r"^(?:有啊|是啊|是呀|对啊|对呀|当然|肯定|那当然|废话|必须的|可不是)[^，,。\s]{0,4}[，,。\s]+")
_OWN_TURN = re.compile(r"但是|不过|可是|只是|不知道|想问|请教|请问|大家|各位|[你您]们?觉得")
_RHETORICAL_ASK = re.compile(r"怎么|咋|哪来|哪里来|如何|能[^，,。？?！!]{0,10}(?:吗|么|[？?])")


def _agrees_then_rhetorical(body: str) -> bool:
    """有啊，不分账，佣金怎么算？: an affirming opener, a premise clause, then 怎么/能…么 in the clause that asks."""
    text = _LEADING_MENTION.sub("", body).strip()
    opener = AGREE_OPENER.match(text)
    if not opener:
        return False
    rest = text[opener.end():]
    if _OWN_TURN.search(rest):
        return False
    q = _QMARK.search(rest)
    asking = rest[:q.end()] if q else rest
    clauses = [c for c in _CLAUSE_SPLIT.split(asking) if c.strip()]
    return len(clauses) >= 2 and len(clauses[0].strip()) >= 2 and bool(_RHETORICAL_ASK.search(clauses[-1]))


# 怎么/咋 as "how come" about the sender's own perception: 怎么感觉…, 咋觉得…, 我怎么没看明白, 我咋没收到 (a
# musing or a reaction to what was posted, not an ask; a question mark still asks)
HOW_COME_PERCEIVED = re.compile(r"(怎么|咋)(总)?(感觉|觉得|觉着)|我们?(好像|也|还)?(怎么|咋)(都|也|还)?(没|不|看不|找不|听不)")
# the clause that a question word or A-not-A form shares with a closing 吧 asks someone to tell (讲讲/谈谈…吧): a request
_TELL_US = re.compile(r"讲讲|谈谈|说说|聊聊|分享|介绍|科普|解释|讲一下|说一下|讲下|说下|[给帮][^，,。；;！!\s]{0,4}(讲|说|分析|看)")
_BA_CLAUSE = re.compile(r"[，,。；;！!~～…\s]+")
# (那)要X干嘛 / 还要X做什么 (then what is X for): a noun after 要 opening a clause, the sender's point
# that X is not needed (那要财务干嘛…, 要那么多审批干嘛); not 要做什么 (what to do), 要怎么…
PURPOSE_RHETORICAL = re.compile(r"(?:^|[那，,。；;\s…])还?要(?!做|搞|干|弄|去|来|用|怎|不|是)[^，,。；;？?！!\s]{1,10}(干嘛|干啥|干什么|做什么)")
# an ellipsis at the end (。。。, ……, ...): the sender trails off
ELLIPSIS_END = re.compile(r"(。。|…|\.\.)[。.…\s]*$")
# the title of a shared article, pasted as text: 【观点】为什么…？, 独家：…如何…, 评论|…, …一文看全, 金控——下一个…？
HEADLINE = re.compile(r"(^【[^】]{1,14}】.|[\u4e00-\u9fff]\s*[｜|]|[｜|]\s*[\u4e00-\u9fff]|揭秘|^解密|深度剖析|有望.{0,6}出炉|终于有人|讲透|看完这篇|我是如何[^，,。]{2,30}的|[-—]\s*《[^》]{1,12}》\s*$|一文(看|读|详解|带你|搞懂|了解|说清)|大盘点|智商税|"
                      r"^(独家|评论|深度|重磅|观点|专访|快讯|原创|行业|视点|干货)\s*[：:]|^[^，,。？?]{0,8}(真相|内幕)[：:]|-(手机)?(搜狐|新浪|网易|腾讯|凤凰)|"
                      # a Q&A site's answer or column, and clickbait tails: …？ - 某人的回答, 你可能没看懂…, 也是醉了
                      r"[-—]\s*[^-—，,。？?]{1,20}的回答|知乎专栏|你可能(没|不)(看懂|知道)|看最全|也是醉了|的若干思考|"
                      # a whole title in 《》; a title's source after _ (…_某某日报); a report's or an interview's
                      # title (2017年度某某报告：…); 【…篇】 after the title; a shared card ([cp]…via 某某); 终于说清楚了
                      r"^\s*《[^《》]{4,}》\s*$|^[^@]{6,}[\u4e00-\u9fff？?]_[\u4e00-\u9fff]{2,8}\s*$|"
                      r"^[^，,。？?\s]{2,16}(报告|白皮书|调查|调研|盘点|解读|观察|周报|日报|早报|专访|对话|访谈)[：:]|[？?]\s*【[^】]{1,12}】\s*$|"
                      # a question page's title and its site after a dash (…是怎么做到的？ - 某某网)
                      r"[？?] ?[-–—] ?(?!谢|感谢|多谢|求|急|拜托|在线等)[^\s\-–—，,。？?！!《》]{2,12}\s*$|"
                      r"^\[cp\]|via\s*[^\s，,。]{2,10}\s*http|(终于|一次|彻底)(说|讲|搞)(清楚|明白|透|懂)了?)")
# 你这么干合适吗, 你这么说合适吗, 你…这样的做法合适么？: a reproach to the one addressed (doing it so
# is not right), not an ask (你觉得这样合适吗: an opinion asked for; 我们这样拆合适吗: one's own plan)
REPROACH = re.compile(r"((这样|这么|你这)[^，,。？?！!]{0,12}|[你您]们?[^，,。？?！!]{1,10}[，,]\s*)合[适式](么|吗|嘛)[？?]*$")
_OPINION_ASKED = re.compile(r"(觉得|认为|看来|你看|请问|是否|哪)")
_OWN_PLAN = re.compile(r"我们?(这样|这么)")
# a how-to title pasted alone (清算系统如何做异地多活改造, 如何设计一款高可用的网关, 在某行工作是种怎样的体验):
# one clause of at least eight characters with 如何/怎样 and no one in it (我/你/大家/有人), no particle,
# no question mark, not a …的 of something that happened (如何收取的), not continued from a connective (那/而且/是);
# the sender says nothing else in the two minutes before (an ask of his own follows his setup)
HOWTO_TITLE = re.compile(r"^[^，,。；;？?！!：:\s]{0,16}(如何|怎样)[^，,。；;？?！!：:]{3,}$")
# someone in the message (a title names no one), or a sentence-final particle (a title has none)
_SOMEONE_OR_PARTICLE_RE = r"[我你您咱俺]|大家|各位|诸位|哪位|有人|群里|大神|大佬|老师|[吗嘛呢吧啊呀哈哦啦呗捏]|(?<![怎什那这多要])么"
_NOT_A_TITLE = re.compile(_SOMEONE_OR_PARTICLE_RE + r"|[他她谁]|的$|"
                          r"^(那|而且|还有|就是|是|但|所以|后续|然后|另外|又|再|对|比如|不知道|不清楚|想|问|求|请)")
# a term in corner brackets (在「数字人民币」落地的今天，…还有机会吗？), the typography of an article's title,
# in a message with no one in it and no particle
_CORNER_TERM = re.compile(r"「[^「」]{1,12}」")
_SOMEONE_OR_PARTICLE = re.compile(_SOMEONE_OR_PARTICLE_RE)
HEADLINE_DASH = re.compile(r"^[^，。,：:？?！!\s]{2,14}\s*——")
TITLE = re.compile(r"《[^《》]*》")
REPORTED = re.compile(r"((反问|质问)(道|说)?[，,:：]|问了(一个|个)问题|(他|她|他们|她们)(是)?在问|问了?我?一句|问我说|有人问我|他问我|她问我|被问到|客户问我|同事问我|问了我)")
# 不X就不Y吗 (if not X, then not Y?): a condition and its consequence, put to someone to check
# 说说你对X的理解 / 谈谈Y的原理, said to no one in particular and without any politeness (能…吗, 请,
# 谁, 大家, @): the imperative of an exam or interview question, a quiz put to the group, not an ask
# (能说说…吗, @某人 说说你们是怎么做的, 那你说说你的理解: real asks to someone)
_PROMPT = re.compile(r"(说说|谈谈|讲讲|聊聊|说一说|谈一谈|讲一讲|说一下|谈一下|讲一下|说下|谈下|讲下|简述|简要说明|解释一下)"
                     r"[^，,。；;？?！!]{0,20}(理解|看法|见解|认识|原理)")
_PROMPT_POLITE = re.compile(r"[能请谁我这那吗么呗吧呀啊哈呢嘛]|可以|可否|麻烦|帮忙|哪位|有没有|有人|大家|各位|诸位|大神|大佬|老师|你们|具体|详细|展开|再")
# 来来来，… / 来，…: a call to the group to join in (a quiz, a game, a proposal, an offer), not an ask
_RALLY = re.compile(r"^\s*(" + MENTIONS_LEAD + r")来(来来?|吧)?[，,！!\s]")
_IF_NOT_THEN_NOT = re.compile(r"(?<![是就也还都])不(?!是|就|也|还|都)[^不，,。？?！!\s]{1,8}就不[^，,。？?！!]{1,12}[吗么][？?]*$")
NOT_UNDERSTOOD = re.compile("^(" + SPACED_MENTIONS_LEAD + r")我?(还是|也|有点|实在)?不(太|大|是很|怎么)?(明白|懂|理解|清楚)[^，,。？?\s]{0,12}[，,。\s]")
# a rebuttal when it answers someone (这不就是…吗, 你们不是有风控吗？); not the 不 of 是不是 (是不是更贵了，…吗)
NOT_QUESTION_NOT = re.compile(r"(?!(?<=是)不是)不(是|都是|也是|就是|还是)?.{0,30}[吗么嘛]$|(?<!是)不是.{0,30}[吗么嘛]")
# the clause the particle ends, when a 不 of an earlier clause only describes the case: it opens an ask
# of its own (都不是痛点，有好的建议么; 不太容易接入，还有别的方案吗; 不是62开头的，能走银联吗)
_OWN_ASK_CLAUSE = re.compile(r"[，,。；;？?！!\s](能|可以|可否|会|有|还有|是|这|那|指的是|请)[^，,。；;？?！!\s不]*$")
REACTION = re.compile(r"^(是吗|是么|是嘛|真的吗|真的么|真的|真的假的|啥|啥情况|啥意思|什么鬼|什么情况|what|why|"
                      r"咋了|咋回事|怎么了|然后呢|什么节奏|啥节奏|什么操作|啥操作|不会吧|不是吧|这么|这么多|这么贵|这么快|为啥|为什么|所以呢|"
                      # 这么便宜？ 还那么高？ 这也行？: surprise at what was just said
                      r"(还|也)?(这么|这也|那也|有这么|有那么|还那么)(?!多少)[^，,。？?吗么嘛呢吧啥什怎哪谁几]{1,4}|"
                      r"是不是|对吧|对不|好吧|好吗|在吗|有吗|谁|啊|哦|嗯|嗯嗯|\?+|？+)[\s?？!！。.~～…]*$", re.I)
EXCLAIM = re.compile(r"(太牛|牛逼|厉害|666|太强|佩服|膜拜|威武|可怕|吓人|太好了|太贵了|不错啊|好吧|太.{0,4}了吧)")
OFFER = re.compile(r"((可以|欢迎|随时|尽管)[^，,。？?]{0,3}(来)?(咨询|问|找)(我|我们)(?![^，,。？?]{0,8}[吗么嘛？?])|要不要试试|可以试试|(?<!的话)(?<!的话，)私聊|加我|联系我|我可以帮|帮你问|帮你打听|我帮你|有什么问题.{0,12}(回答|解答|找我|问我)|"
                   r"我有.{0,24}(要么|要吗|需要吗|要不要)|(我们|我的团队|我司)[^，,。]{0,4}(在招|急招)|有(什么|啥)问题.{0,6}(和|跟|找|问)我|有(什么|啥)[^，,。？?]{0,6}(问题|疑问)[^？?]{0,8}(请讲|尽管|随时|可以问|欢迎|请提|提出来)|跟您聊|跟你聊|我让.{0,12}(联系|找|聊)|要不我|我再给你|我给你(拉|找|介绍))")
ANSWER_START = re.compile(r"^(是的|是啊|对的|对啊|对，|对,|没错|不是|没有|可以的|嗯|恩|哦|噢|有的|会的|不会|不用|一般是|主要是|因为|"
                          r"先查|先看|建议|你可以|可以先|试试|检查一下)")
# the opening clause of a message (up to its first comma, full stop or space)
_OPENING_CLAUSE = re.compile(r"^[^，,。.；;\s]*[，,。.；;\s]*")
ASK_AFTER_OPENER_MIN = 6  # word characters after the opening clause of a question of its own
HEDGE = re.compile(r"(应该|可能|估计|大概|一般|好像|我觉得|我认为|我理解|感觉|也许|或许|其实)")
# 吧 after a suggestion or an order: 去搞吧, 直接发日志吧, 试试吧
SUGGEST_BA = re.compile(r"(去|直接|就|先|说|搞|试试|算了|走|来|用|看看|聊聊|再说)[^，,。！!？?]{0,8}吧$")
ANNOUNCE = re.compile(r"(分享|主题|嘉宾|欢迎|活动|报名|通知|公告)")
# names that end like a question: 饿了么 (the food delivery app)
NAMES_WITH_PARTICLE = ("饿了么",)
# asking to connect (add on WeChat, talk in private), not for information
# a speaker's polite formula: 有什么不对的还请各位指正 (not an ask for information)
MODESTY = re.compile(r"有(什么|啥|哪些|哪里)[^，,。？?]{0,8}(不对|不妥|错误|错漏|不足|不当|问题)[^，,。？?]{0,10}(指正|指出|批评|斧正|海涵|包涵|见谅)")
CONNECT = re.compile(r"(方便|可以|能否?|能不能)[^，,。？?]{0,3}加(了|一下|个|下)?(你|您|我|微信|好友|私聊|交流|联系)|"
                     r"加(一下|个|你)?(好友|微信)|加私聊")
INTERJECTION = re.compile(r"^(我擦|卧槽|握草|我靠|我草|我勒个去|我的天|天哪|天啊)[\s,，!！。]")
LAUGHTER = re.compile(r"(哈哈|呵呵|嘿嘿|嘻嘻|hhh|233|😂|😄|笑死|开玩笑|玩笑)", re.I)
# personal topics that make a question teasing in a professional group (单身吗, 女朋友在哪): banter, not an ask
BANTER_TOPIC = re.compile(r"(单身|男朋友|女朋友|男票|女票|相亲|约会|红灯区|人妖|泡妞|撩妹|把妹|脱单|聊骚|颜值|私房钱)")
JOKE_EMOJI = {"奸笑", "坏笑", "偷笑", "捂脸", "呲牙", "阴险", "调皮", "抠鼻", "色", "嘿哈", "机智", "憨笑", "笑哭"}
# after an A-not-A ask, [捂脸] (facepalm) is embarrassment at asking, not a joke: 算不算违规[捂脸]
JOKE_EMOJI_A_NOT_A = JOKE_EMOJI - {"捂脸"}
# a question word said twice in one clause: 'whatever' (有什么用什么, 谁出钱谁定, 想怎么改就怎么改, 有多少
# 卖多少), or said twice in a row: 'and so on' (什么什么的, 谁谁): an indefinite, not an ask
# (not an enumeration, 用什么工具什么格式: between the two a word of 'then', 'all', 'not' or 'is called', or 谁…谁)
FREE_CHOICE = re.compile(r"(?<!为)(什么|啥|哪里|哪儿|哪个|哪家|谁|怎么|多少)(?:|[^，,。；;？?！!\s]{0,4}?(?:就|都|也|没|不|能|叫|便|才)[^，,。；;？?！!\s]{0,4}?)(?<!为)\1"
                         r"|谁[^，,。；;？?！!\s]{1,4}谁")
ECHO_MAX = 8  # characters before a question mark inside that echo rather than ask (九位？…)
QUOTE_MIN = 10  # characters of someone else's message quoted in a reply
# what is left of a message without a quoted question still asks: ？, 吗, a question word, 同问 (me too)
_ASKS_IN_REST = re.compile(r"[？?吗么呢]|什么|怎么|啥|哪|谁|为何|如何|是否|多少|能否|有没有|是不是|同问|同求")
QUOTE_BACK = 15  # messages back to look for it
SETUP_MIN = 12  # characters of a statement that sets up the question before it
CONTEXT_SECONDS = 180
REPLY_CONTEXT_SECONDS = 600


# in a clause that ends with 呢, the words of a statement (还积压着一堆需求呢, 一笔也要好几毛呢), and of
# an ask the question words may have missed (哪块, 咋个, 多大, 能否, A还是B)
_NE_STATEMENT_WORDS = re.compile(r"(还(?!有)|也|都|就|才|可能|也许|估计|感觉|应该|很|挺|了|在)")
_NE_ASKS = re.compile(r"[哪咋啥谁几你您怎什]|多大|多少|能否|是否|还是")


# ... and a clause that says 'not yet' (没) or how many there are (还有四百多个呢, 需要两千块呢, 有200个呢: so
# many!); not 有没/没没 (an A-not-A ask), not 那…没…呢 or 没…的 (what about the ones without…), 几 only in 几十/几百…
_NE_NOT_YET = re.compile(r"^(?!那)[^没]*(?<![有没])没(?!没)(?!.*的)")
_NE_QUANTITY = re.compile(r"(还有|有|需要|要|得|还|都|才|就)[^，,。\s]{0,4}?(\d+|[两三四五六七八九十百千万亿几]{0,3}[十百千万亿])(?!.*的呢?$)")
_NE_ROUND = re.compile(r"几(?=[十百千万亿])")


def _ne_not_yet_or_many(clause: str) -> bool:
    """The clause before 呢 says 'not yet' (灰度流量没有切呢) or how many (还有四百多个呢, 要交三千块呢)."""
    if len(clause) < 4 or _NE_ASKS.search(_NE_ROUND.sub("", clause)):
        return False
    return bool(_NE_QUANTITY.search(clause) or (len(clause) >= 6 and "没" in clause and _NE_NOT_YET.search(clause)))


def _ne_statement(clause: str) -> bool:
    """A whole clause before 呢 (5+ characters, with 还/也/了/很…) states something; 'what about X呢'
    asks about a few words (出款账户呢, 商户注销以后的情况呢)."""
    return (len(clause) >= 6 and _NE_STATEMENT_WORDS.search(clause) is not None
            and _NE_ASKS.search(_STILL_HAISHI_ALL.sub("", clause) if _haishi_still(clause) else clause) is None)


def _ne_stated(body: str, tail: str, core: str) -> str:
    """Why a message ending with 呢 (and no question word) states something rather than asks, or '':
    a statement (还没…呢, 正在…呢, a whole clause with 还/也/了…), or 'not yet' / how many."""
    clause = _PARTICLE_CLAUSES.split(tail)[-1]
    if len(core) >= 3 and (STATEMENT_NE.search(_tail(body)) or _ne_statement(clause)):
        return "ends with 呢 in a statement (还没…呢, 正在…呢)"
    if _ne_not_yet_or_many(clause):
        return "ends with 呢 after 'not yet' or how many (流量没有切呢, 还有四百多个呢): a statement"
    return ""


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _shift(s: float, reasons: list[str], weight: float, why: str) -> tuple[float, list[str]]:
    """A score moved by one more cue's weight on its log-odds, with the cue among the reasons."""
    x = (math.log(s / (1 - s)) if 0 < s < 1 else 0.0) + weight
    return _sigmoid(x), reasons + [f"{why} ({weight:+.1f})"]


def _tail(text: str) -> str:
    """The end of a text without trailing emoji codes, spaces and '~'."""
    return _TRAILING_NOISE.sub("", text)


CLAUSE_BREAK = re.compile(r"^[\s,，。.!！?？;；:：、~～…]+$")


_BREAKS: dict[str, bool] = {}  # token -> is it a clause break (tokens repeat: each matched once)


def _clauses(tokens: list[str]) -> list[list[str]]:
    """Tokens split at punctuation and spaces into clauses (words only)."""
    out, cur = [], []
    breaks = _BREAKS
    if len(breaks) > 1 << 18:
        breaks.clear()
    for t in tokens:
        b = breaks.get(t)
        if b is None:
            b = breaks[t] = CLAUSE_BREAK.match(t) is not None
        if b:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        out.append(cur)
    return out


ADVERBS = {"还", "也", "都", "就", "又", "再", "到底", "究竟", "可"}


def _word_start(tokens: list[str], text: str, pos: int) -> bool:
    """Does a jieba word start at character `pos` of `text`? (The tokens spell the text without its spaces.)"""
    pos = len(_SPACE.sub("", text[:pos]))
    at = 0
    for t in tokens:
        if at >= pos:
            return at == pos
        if at + len(t) > pos:  # inside t: 还有|没有 is still 有没有 after an adverb, 现在|不在 is not
            return t[:pos - at] in ADVERBS
        at += len(t)
    return True  # at the end, or past the analysed prefix: no evidence against


ADVERB_DUOSHAO = ("有", "带", "会", "懂", "沾", "受", "了解", "知道")
HOW_MUCH = {"大", "久", "少", "长", "高", "远", "快", "重", "贵", "深", "宽", "厚"}


CORRELATIVE = {"就", "才", "便", "都"}


def _correlative(t: str, first, second) -> bool:
    """The same question word in two clauses in a row, the second with 就/才/都 (哪里有需求，哪里就
    有市场) or both with 谁 (谁提华为，谁是…): one indefinite statement. 如何组成，如何确认 (a list of
    asks) is not."""
    return t in first and t in second and (t == "谁" or any(w in CORRELATIVE for w in second))


# 你觉得… / 大家认为… + a question word: the others' view is asked (你们觉得哪种网关好, 各位认为这种情况怎么办),
# not the sender's own (我觉得怎么做都行)
_OPINION_ASKED_OF = re.compile(r"(你|您|大家|各位|诸位|大伙|群里|大神|大佬)们?(都|也|还|又|一般)?$")
# 如果X怎么处理 / 要是X会怎么样: a conditional and a manner question word that ends the message's last clause
# (with at most a short verb after it): what happens, or what to do, if X (not 如果有什么问题…: 'any')
MANNER_QWORDS = ("怎么", "如何", "怎样", "怎么样", "咋", "咋样")
_CONDITIONAL_AFTER = re.compile(r"^[^都就也才便]{0,4}$")
_NOT_IF_BEFORE_YAOSHI = set("主只需还就也都不想重硬倒")  # 主要是, 只要是, 需要是: not 'if'
# 如果X，你怎么办: in a debate, a challenge put to the other side (if so, how would YOU…), not an ask
_CHALLENGE_YOU = re.compile(r"[你您]们?(又|还|要|该|会|能|打算)?$")


def _asks_despite(t: str, before: str, after: list[str], indirect: "re.Match", last_clause: bool) -> Optional[str]:
    """The word before a question word that makes it indirect (觉得, 如果) still leaves it asked:
    'opinion' (你们觉得哪家好), 'conditional' (如果延期了怎么处理), or None."""
    rest = before[indirect.end():]
    if INDIRECT.search(rest):
        return None  # 如果不知道怎么…, 你觉得不用管怎么…: another indirect word after it
    word = indirect.group(1)
    if word in ("觉得", "认为", "觉着") and _OPINION_ASKED_OF.search(before, 0, indirect.start()):
        return "opinion"
    if (word in ("如果", "假如", "要是") and t in MANNER_QWORDS and last_clause
            and not (word == "要是" and before[indirect.start() - 1:indirect.start()] in _NOT_IF_BEFORE_YAOSHI)
            and len(rest) >= 2 and _CONDITIONAL_AFTER.match("".join(after)) and not _CHALLENGE_YOU.search(rest)):
        return "conditional"
    return None


def _question_word(tokens: list[str], asked: bool = True, clauses: Optional[list[list[str]]] = None,
                   despite: Optional[list[str]] = None) -> Optional[str]:
    """A question word used as one (not 怎么做都…, 要看怎么…, 什么的, 几家 = several).
    ``clauses``: _clauses(tokens), when the caller has them."""
    if "《" in tokens:  # a title: 《数据是怎样存储的》 asks nothing
        kept, depth = [], 0
        for t in tokens:
            depth += t == "《"
            if not depth:
                kept.append(t)
            depth -= t == "》" and depth > 0
        tokens, clauses = kept, None
    if clauses is None:
        clauses = _clauses(tokens)
    depends = 0  # clauses of the opening "it depends on" sentence (一般看…，哪些…): embedded, not asked
    if not asked and clauses and DEPENDS_LEAD.match("".join(clauses[0])):
        in_clause = False
        for t in tokens:
            if CLAUSE_BREAK.match(t):
                if _SENTENCE_END.search(t):
                    break
                in_clause = False
            elif not in_clause:
                in_clause = True
                depends += 1
    for ci, clause in enumerate(clauses):
        if ci < depends and not QUESTION_WORDS.isdisjoint(clause):
            continue
        # 多 + adjective split by jieba (多/大): how big, how long
        if "多" in clause:
            for i in range(len(clause) - 1):
                if clause[i] == "多" and clause[i + 1] in HOW_MUCH and asked and i + 2 >= len(clause) - 1:
                    return "多" + clause[i + 1]
        if QUESTION_WORDS.isdisjoint(clause):
            continue  # no question word in it (the loop below would find none)
        for i, t in enumerate(clause):
            if t not in QUESTION_WORDS:
                continue
            before = "".join(clause[:i])
            after = clause[i + 1:]
            indirect = INDIRECT.search(before)
            if indirect and not (t in ASKS_ANYWAY and indirect.group(1) in ("如果", "假如", "要是")):
                kind = _asks_despite(t, before, after, indirect, ci == len(clauses) - 1)
                if not kind:
                    continue
            else:
                kind = None
            if after and after[0] == "的" and t in ("什么", "啥"):
                continue  # 什么的 = "and so on"
            if t == "撒" and not [x for x in after if x not in ("啊", "呀", "哈", "~")]:
                continue  # 肯定是2.0撒, 直接问他们撒: 撒 ending a clause is a particle (嘛), not 啥
            if t in ("什么", "啥") and not asked and before.endswith(("点", "些")):
                continue  # 干点什么别的, 喝点啥吧: "something"
            if (t in ("什么", "啥", "多少", "谁") and not asked and _NEGATED_VERB_END.search(before)
                    and not A_NOT_A.search(before[-3:])
                    and (t != "谁" or all(x in ("了", "呢", "啊", "的") for x in after))):
                # 没出什么问题, 不需要什么牌照, 没亏多少, 并不针对谁: "any", not "what"; 谁 only as the
                # object at the end (不还钱谁负责 still asks)
                continue
            if t not in ("为什么", "为啥", "为何") and INDEFINITE_AFTER.search("".join(after)) and not (after and after[-1] in ("吗", "么")):
                continue
            if not asked and _SAID_ABOUT.search("".join(after)) and not _WANTS_TO_KNOW.search(before):
                continue  # 而是谁来推动的问题: "the question of who", said, not asked
            if t in ("哪", "哪里", "哪儿") and before.endswith("不到") and after[:1] == ["去"]:
                continue  # 好不到哪里去, 差不到哪儿去: "not very", an idiom, not "where"
            if not asked and t in ("哪里", "哪儿") and _PLACE_BEFORE.search(before):
                continue  # 在地铁站哪里, 去老王哪里聊: 'there' (那里), said, not asked
            if not asked and _SUBJECT_AFTER.match("".join(after)):
                continue  # 怎么处理长短款倒是很重要: the question word's clause is the subject
            if not asked and _EMBEDDED_AFTER.search(before):
                continue  # 还没说到为什么费率低, 要搞清楚哪些能做: embedded after a verb of saying or learning
            if not asked and t in ("什么", "啥") and (_SOMETHING_LIKE.match("".join(after))
                                                      or (_TALK_OF.search(before) and len("".join(after)) >= 3
                                                          and not after[0].startswith(("名", "我", "你", "他", "她", "这", "那")))):
                continue  # 还有什么声纹识别这种, 说什么新规要求: "something like"
            if not asked and t in ("怎么", "如何", "怎样", "为什么", "为啥", "是否") and _MANNER_SUBJECT_AFTER.match("".join(after)):
                continue  # 怎么界定责任很麻烦: the question word's clause is the subject
            if _ADMISSION_AFTER.search("".join(after)):
                continue  # 对方啥样的不知: an admission, not a question
            if not asked and _VERDICT_AFTER.search("".join(after)):
                continue  # 实际怎么落地就各有说法了: a verdict on it, said
            if clause.count(t) > 1 or (t == "怎么" and "怎么" in after):
                continue  # 谁用谁知道, 怎么省事怎么来: indefinite
            if not asked and (_correlative(t, clause, clauses[ci + 1] if ci + 1 < len(clauses) else ())
                              or (ci > 0 and _correlative(t, clauses[ci - 1], clause))):
                continue  # 哪里有需求，哪里就有市场, 谁产生凭证谁就是…: indefinite
            if t == "多少" and ((not asked and before.endswith(("也", "都", "还"))) or (after and after[0].startswith(ADVERB_DUOSHAO))):
                continue  # 多少有点, 多少懂一些: "somewhat"
            if t in SEVERAL:
                if before.endswith(SEVERAL_BEFORE) or [x for x in after if x not in ("啊", "呀", "呢", "了", "吧")]:
                    continue
                if not asked:  # 几位, 几个 without a question mark or 吗: "a few"
                    continue
            if kind and despite is not None:
                despite.append(kind)
            return t
    return None


# Every cue that can make a message ask needs one of these in its text: a question mark (or a
# title's 》 at the end), a final particle (吗么麽否呢吧嘛), 是不/对不 (是不？), 还是, 多 + an
# adjective (多大), a question word (QUESTION_WORDS: a jieba word is a piece of the text) or an
# A-not-A form; a request is looked for by REQUEST (and a request to explain by EXPLAIN_REQUEST) itself. Two messages in three of a chat have
# none, and are scored without the cues (tests/test_questions.py checks the shortcut against
# the full path).
# (only searched for, never matched for its text; every alternative opens with a character, so
# that re looks only where one of them is: X不X is found at its 不)
MAY_ASK = re.compile("|".join([
    r"不(?<=([\u4e00-\u9fff])不)\1",  # first: its back-reference counts its own group
    *A_NOT_A_WORDS,
    *map(re.escape, "?？》吗么麽否呢吧嘛"), "是不", "对不", "还是",
    r"不(?=(?:\s|\[[^\[\]]{1,8}\]|[~～。.…!！,，、])*$)", r"没(?=(?:\s|\[[^\[\]]{1,8}\]|[~～。.…!！,，、])*$)",
    r"多\s?[" + "".join(sorted(HOW_MUCH)) + "]",
    *map(re.escape, sorted(QUESTION_WORDS, key=lambda w: (-len(w), w))),
]))
_SHORTCUT = [True]
NO_CUE = -1.5  # the log-odds of a message before any cue
_NO_CUE_SCORE = _sigmoid(NO_CUE)


# the rest of a group nickname with spaces after an @ and its lost separator '?' (@王小五 某城商行 北京?):
# two or three short parts with no question word in them
# (or one part when the @ ends the message after its words: 谢谢分享@赵六 某支付?)
_NICKNAME_TAIL = re.compile(r"@([^\s@]+)((?: [^\s@?？，,。！!吗么呢啥什怎哪谁几]{1,12}){2,3})\?|"
                            r"(?<=\S)@([^\s@]+)( [^\s@?？，,。！!吗么呢啥什怎哪谁几]{1,12})\?(?=(\s|\[[^\[\]]{1,8}\])*(@|$))")


# a '?' right after the end of a sentence (。?, ！?, ，?) or a kaomoji's ')': an emoji the export lost
_LOST_AT_END = re.compile(r"[。！!，,；;)）]\s*\?$")
# a quoted message whose 「」 the export turned into '?': ? name: quoted text ? - - - - reply
_LOST_QUOTE = re.compile(r"^\?\s*[^:：?\n]{1,60}[:：].*?\?\s*(?:-\s*){3,}(.*)$", re.S)


def _without_nickname_tail(m: Message, body: str) -> str:
    """The body without the parts of a spaced nickname and the '?' the export put after it."""
    for nt in _NICKNAME_TAIL.finditer(m.text):
        name, tail = (nt.group(1), nt.group(2)) if nt.group(1) else (nt.group(3), nt.group(4))
        if name in m.mentions:
            body = body.replace(tail.strip() + "?", " ", 1).strip()
    return body


def question_cues(m: Message, prev: list[Message]) -> tuple[float, list[str], dict]:
    """Score one message as a question. Returns (score in 0..1, reasons, flags)."""
    flags: dict = {}
    if m.kind not in ("text", "link") or m.copy_of:
        return 0.0, [], flags
    body = m.body
    if m.mentions and "?" in body:
        body = _without_nickname_tail(m, body)
    tokens = m.tokens
    if body.startswith("?") and not body.startswith("??"):  # 「」 or “” the export turned into '?'
        lq = _LOST_QUOTE.match(body) if "- - -" in body else None
        if lq:  # a quoted message and the reply: only the reply is the sender's own words
            skip, at = len(_SPACE.sub("", body[:lq.start(1)])), 0
            while tokens and at < skip:
                at += len(tokens[0])
                tokens = tokens[1:]
            body = lq.group(1).strip()
        elif body.endswith("?") and len(body) > 2:
            body = body.strip("? ")  # ?1. 群规…?: a quotation, not a question mark
    if body.endswith("?") and _LOST_AT_END.search(body):
        body = body[:-1].rstrip()  # 谢谢。?: an emoji the export lost, not a question mark
    if not body:
        return 0.0, [], flags
    if _SHORTCUT[0] and not MAY_ASK.search(body) and not REQUEST.search(body) and not (
            _EXPLAIN_VERB.search(body) and EXPLAIN_REQUEST.search(body)):
        return _NO_CUE_SCORE, [], {"strong": False, "weak": True, "request": False}
    reasons: list[str] = []
    x = NO_CUE
    tail = _tail(body)
    core = _PUNCT_AND_SPACES.sub("", body)

    def cue(weight: float, reason: str):
        nonlocal x
        x += weight
        reasons.append(f"{reason} ({weight:+.1f})")

    strong = inside = False
    if _ENDS_WITH_QMARK.search(tail) or (tail.endswith("》") and "《" not in tail):
        cue(3.0, "ends with a question mark")
        strong = True
    elif "？" in body or _QMARK_INSIDE.search(body):
        cue(1.5, "question mark inside")
        strong = inside = True
    elif _ENDS_WITH_QQ.search(tail):
        cue(0.6, "ends with '??' (a question mark, or lost characters)")
    clauses = _clauses(tokens)
    last = clauses[-1][-1] if clauses else ""
    particle = None
    if last in FINAL_STRONG and len(clauses[-1]) >= 2 and not tail.endswith(NAMES_WITH_PARTICLE):
        particle = last
        cue(FINAL_STRONG[last] if not strong else 1.0, f"ends with {last}")
    else:
        for cl in _PARTICLE_CLAUSES.split(body)[:-1]:
            if (cl.endswith(("吗", "么")) and len(cl) >= 3
                    and not cl.endswith(("什么", "怎么", "那么", "这么", "多么", "要么") + NAMES_WITH_PARTICLE)):
                particle = cl[-1]
                cue(1.8, f"a clause ends with {cl[-1]}")
                break
    if (not (strong or particle) and len(core) >= 3 and last in ("不", "没") and TRAILING_NOT.search(tail) and not CONFIRM.search(tail)
            and not _TRAILING_NOT_EMBEDDED.search(_CLAUSE_SPLIT.split(tail)[-1])):
        particle = "不"
        cue(2.0, f"ends with {tail[-1]} (a yes-no ask: V{tail[-1]})")
    despite: list[str] = []
    qword = _question_word(tokens, asked=bool(strong or particle), clauses=clauses, despite=despite)
    if CONFIRM.search(tail) and not (clauses and clauses[-1][-2:] == ["算是", "吧"]):  # 算是吧: 'sort of', an answer
        cue(2.0, "asks for confirmation (是吧/对吧)")
        particle = particle or "吧"
    elif (last == "呢" and not qword and not strong and not _WHAT_IF.search(body)  # 一旦服务器宕了呢: what if
          and (stated := _ne_stated(body, tail, core))):
        cue(0.5, stated)
    elif last == "呢":
        cue(1.8 if not qword else 1.0, "ends with 呢")
        particle = particle or "呢"
    elif last == "吧" and len(core) >= 5:
        if HEDGE.search(body) or SUGGEST_BA.search(tail) or _OPINION_START.match(body):
            cue(0.3, "ends with 吧 (an opinion or a suggestion)")
            # 应该也有人工审核吧 / 有的: a hedged guess the next speaker confirms still asked
            flags["ba_hedged"] = not (SUGGEST_BA.search(tail) or _OPINION_START.match(body))
        else:
            cue(0.8, "ends with 吧 (a weak cue: may ask to confirm)")
            flags["ba"] = True
    if qword:
        cue(1.5, f"question word {qword}")
        if despite:
            reasons.append("after 你/大家 觉得…: the others' view is asked (+0.0)" if despite[-1] == "opinion" else
                           "after 如果/要是…, ending the message: what happens or what to do if so (+0.0)")
        if last in ("啊", "呀", "哈", "呐", "捏") and not strong:
            cue(0.5, f"{last} after a question word")
    ana = A_NOT_A.search(TITLE.sub(lambda t: "《" + "_" * (len(t.group(0)) - 2) + "》", body) if "《" in body else body)
    if ana and (not _word_start(tokens, body, ana.start()) or ana.group(1) in A_NOT_A_ADVERBS):
        ana = None  # 现在不在: 在 belongs to 现在; 时不时: now and then
    if ana and ana.group(1) == "是不是" and _STILL_BEFORE.search(body, 0, ana.start()) and _DEGREE_AFTER.match(body, ana.end()):
        ana = None  # 还是不是很明白: 还是 + 不是很, not 是不是
    if ana and ana.group(1) not in ("是不是", "有没有", "有没", "有木有") and A_NOT_A_EITHER.match(body, ana.end()):
        ana = None  # 跌不跌不重要: whichever
    elif ana and not strong and (ana.group(2) or ana.group(1) in ("能不能", "会不会", "要不要")) and (
            A_NOT_A_SUBJECT.match(body, ana.end()) or A_NOT_A_UP_TO.match(body, ana.end())):
        ana = None  # 能不能开户属于合规问题, 批不批取决于额度测算: the alternative is the subject
    elif ana and not strong and ana.group(2) and A_NOT_A_ASIDE.match(body, ana.end()):
        ana = None  # 收不收费不谈: set aside
    elif ana and not strong and body[:ana.start()].endswith(("就是", "在于", "无非", "无非是")):
        ana = None  # 关键就是会不会被封: the point is whether, said as a statement
    elif ana and not strong and _ADMISSION_AFTER.search(_tail(_CLAUSE_END.split(body[ana.end():], maxsplit=1)[0])):
        ana = None  # 能不能续牌不知道: an admission
    if ana and not (ana.group(1) == "要不要" and "不要不要" in body):
        head = body[:ana.start()]
        if _A_NOT_A_EMBEDDED.search(head):
            ana = None
        elif HEDGE.search(head) and not strong:
            cue(0.5, f"A-not-A form {ana.group(1)} in a hedged statement")
        else:
            cue(1.5, f"A-not-A form {ana.group(1)}")
    alt = ALTERNATIVE.search(body) if not ana else None
    if alt and not strong and not ALTERNATIVE_DE.search(body) and _haishi_still(body):
        alt = None  # 前提还是要把边界定清楚啊, 但是还是很稳呀: 还是 = still, no alternative is asked
    alt_de = ALTERNATIVE_DE.search(body) if alt else None
    if alt_de and _ALTERNATIVE_EMBEDDED.search(body, 0, alt_de.start()):
        alt_de = None  # 不管是新签的还是续约的, 要看货是自营的还是商家的
    alt_end = None
    if alt and not (strong or particle or last in ("啊", "呀", "呢") or alt.group(2) or alt_de):
        alt_end = ALTERNATIVE_END.search(body)
        if alt_end and (_ALTERNATIVE_END_EMBEDDED.search(body, 0, alt_end.end())
                        or "还是" in body[:alt_end.start("either")]):
            alt_end = None  # (还是要讨论…，还是…: 还是 = still, or rather: a statement)
    if alt and (strong or particle or last in ("啊", "呀", "呢") or alt.group(2) or alt_de):
        cue(1.6, "alternative question (还是)")
        inside = False  # 线上？线下？还是…: the alternatives ask
    elif alt_end:
        cue(1.6, "alternative question that ends the message (是A，还是B)")
    elif alt and not (strong or particle) and _bare_alternative(body, tail):
        cue(1.6, "a bare alternative question, the whole message (是A还是B)")
    req = REQUEST.search(body)
    if req and req.group(1) in ("指点", "指教") and (_THANKS_BEFORE.search(body, 0, req.start()) or body.endswith("多", 0, req.start())):
        req = None  # 谢谢指点: thanks; 请多指教, 大家多多指点: a polite formula (after a self-introduction, a talk)
    elif req and req.group(1) == "谁知道" and (body.startswith("呢", req.end()) or _WHO_DOES_BEFORE.search(body, 0, req.start())):
        req = None  # 谁知道呢: who knows (rhetorical); 谁用谁知道: whoever uses it knows (an idiom)
    elif req and req.group(1) == "谁有" and body.startswith(NOBODY_HAS, req.end()):
        req = None  # 谁有心思管这个: nobody has the heart for it (rhetorical), not who has one
    elif req and req.group(1) in ("请教", "咨询", "打听") and body.startswith(("了", "过"), req.end()):
        req = None  # 我刚请教了以前的同事, 咨询过两家机构: told, not asked
    elif req and req.group(1) in ("想了解", "想知道", "想请教") and OTHERS_WISH_BEFORE.search(body, 0, req.start()):
        req = None  # 你想了解的…都在这篇文章里, 他想知道的是…: someone else's wish to know, not an ask
    elif req and req.group(1) in ("咨询", "打听") and SUGGESTS_ASKING.match(body, req.end()):
        req = None  # 咨询X不行吗, 打听X不就知道了: a suggestion whom to ask
    elif req and not (strong or particle) and ADVICE_BEFORE.search(body, 0, req.start()):
        req = None  # 你可以…咨询厂商的售后, 有问题可以在群里咨询: advice on whom to ask
    elif req and not (strong or particle) and req.group(1) in ASK_ELSEWHERE_WORDS and _asked_elsewhere(body, req):
        # 可以问下银行, 你问下, 我问下。: whom to ask, or the sender's plan
        reasons.append(f"{req.group(1)} told to someone or planned (可以问下银行, 你问下, 我问下。): whom to ask, not an ask (+0.0)")
        req = None
    if req and not NOT_REQUEST_BEFORE.search(body[:req.start()]):
        cue(2.0, f"request {req.group(1)[:8]}")
    else:
        req = None
    if not req:
        er = _explain_request(body)
        if er and not NOT_REQUEST_BEFORE.search(body[:er.start()]):
            cue(2.0, f"asks others to explain ({_SPACE.sub('', er.group(0)).lstrip('，,')[:10]})")
            req = er
    und = (UNDERSTANDING.search(body) or UNDERSTANDING_BA.search(tail)) if not req else None
    if und:
        cue(2.0, "asks whether an understanding is right")
        req = und
    elif (not req and last == "吧" and OWN_UNDERSTANDING_BA.match(body) and not _ASKS_AGAIN.search(body)
          and not any(p.sender != m.sender and p.ask_strong and _gap(p, m) <= REPLY_CONTEXT_SECONDS for p in prev[-3:])):
        cue(2.0, "puts the sender's own understanding to the others (我理解…吧)")
        req = OWN_UNDERSTANDING_BA.match(body)
    if m.mentions and (strong or particle or qword or ana):
        cue(0.5, "addressed with @")
    asks = strong or particle or qword or ana or req or flags.get("ba") or (alt and x > NO_CUE)
    flags.update(strong=strong or particle in FINAL_STRONG, weak=not (strong or particle in FINAL_STRONG or req), request=bool(req))
    if not asks:
        return _sigmoid(x), reasons, flags
    # --- forms that look like questions but are not
    # a reply to someone else's question that is only hedged or rhetorical in form
    replying = None
    for p in reversed(prev[-3:]):
        if p.sender != m.sender and p.ask_strong and _gap(p, m) <= REPLY_CONTEXT_SECONDS:
            replying = p
            break
    rh = RHETORICAL.search(body)
    if qword and not strong and not particle and not req and RHETORICAL_QWORD.search(body) and "同问" not in body:
        cue(-2.0, f"a rhetorical {qword} ({RHETORICAL_QWORD.search(body).group(0)[:8]})")
    if qword in ("怎么", "咋") and not (strong or particle or req or ana or m.mentions):
        hc = HOW_COME_PERCEIVED.search(body)
        if hc and not _ASKS_IN_REST.search(body, hc.end()) and not _ASKS_IN_REST.search(body, 0, hc.start()):
            cue(-1.5, f"{hc.group(0)}… (how come) with no question mark: the sender's musing or reaction, not an ask")
    if (qword or ana) and ("ba" in flags or "ba_hedged" in flags) and not (strong or req):
        # 先讨论下怎么做盘点吧, 估计后台在改什么配置吧, 要不要上线看老板吧: the question word or A-not-A
        # form is inside the clause the sender closes with 吧 (a suggestion or a hedged statement); it does
        # not ask there (对账用什么工具 有推荐的吧: the ask is a clause of its own, before the 吧)
        closing = _BA_CLAUSE.split(_tail(body))[-1]
        start = len(_tail(body)) - len(closing)
        word = qword or ana.group(1)
        if word in closing and word not in body[:start] and not _TELL_US.search(closing):
            cue(-1.5, f"{word} inside the clause closed by 吧 (a suggestion or a hedged statement): it does not ask")
    if qword and not strong and not req and PURPOSE_RHETORICAL.search(body):
        cue(-2.0, f"rhetorical {PURPOSE_RHETORICAL.search(body).group(0).lstrip('那，,。；; …')[:8]}: what would it be for (X is not needed)")
    if not req and SWEAR.search(body):
        cue(-2.0, f"a swear word ({SWEAR.search(body).group(0)}): the sender vents, not an ask")
    if (qword and not (strong or particle or req or ana) and FREE_CHOICE.search(body)
            and qword not in FREE_CHOICE.sub("", body)):
        cue(-1.5, f"{qword} said twice ({FREE_CHOICE.search(body).group(0)[:10]}): 'whatever' or 'and so on', not an ask")
    rf = _rhetorical_forms(body) if not req else None
    if rf:
        cue(*rf)
    if qword == "是否" and not (strong or particle or req or ana) and CHECK_WHETHER.search(body):
        cue(-1.5, "是否 after a verb of checking (查询/核对/识别…是否…) with no question mark: what is checked, not an ask")
    if (ana and ana.group(1) == "是不是" and not (strong or particle or req or qword or m.mentions)
            and ELLIPSIS_END.search(body)):
        # 我们是不是都要转行了。。。, 以后是不是又得排队了……: wondering aloud, trailing off, with no question mark
        cue(-1.0, "是不是… trailing off with an ellipsis and no question mark: wondering aloud")
    if rh and not req:
        cue(-4.5, f"rhetorical {rh.group(1)[:8]}")
    elif (not req and REPROACH.search(tail) and _YOU.search(body) and not _OPINION_ASKED.search(body)
          and not _OWN_PLAN.search(body)):
        cue(-4.5, "a reproach (你这样…合适么), not an ask")
    # (不太明白这个流程，能再讲讲吗: the 不 admits not understanding, then asks; no rebuttal)
    not_understood = NOT_UNDERSTOOD.match(tail)
    nq = (NOT_QUESTION_NOT.search(tail, not_understood.end() if not_understood else 0)
          if (particle in ("吗", "么", "嘛") or strong) else None)
    if nq and m.mentions and _IF_NOT_THEN_NOT.search(tail):
        nq = None  # @某人 账对不平就不发货吗: asks the one addressed what follows, not a rebuttal
    elif nq and _OWN_ASK_CLAUSE.search(nq.group(0)):
        nq = None  # 都不是痛点，有好的建议么: the 不 describes the case, the last clause asks
    if nq and not rh:
        others_just_spoke = any(p.sender != m.sender and _gap(p, m) <= 120 for p in prev[-2:])
        if replying:
            cue(-3.0, "a rebuttal (不是…吗) to the question before")
        elif others_just_spoke:
            cue(-3.0, "a rebuttal (不是…吗) in a running discussion")
        else:
            cue(-0.5, "不是…吗 (a check, or a rebuttal)")
        if (replying or others_just_spoke) and m.mentions:
            # @某人 这不是X吗？: the @ points the objection at someone, it does not make it more of an ask
            cue(-0.5, "a rebuttal pointed at someone with @ (not more of an ask)")
    if (ana and ana.group(0) == "是不是" and not (strong or particle or req) and LEADING_FEEL.search(body)
            and not _QMARK.search(body) and not _GROUP_ASKED.search(body)):
        # (你)是不是觉得当初跳槽跳早了, 是不是感觉两份规定差不多: a leading remark or a tease about how one
        # feels, with no question mark and put to no group (大家是不是觉得…: an opinion asked for)
        cue(-1.0, "是不是觉得/感觉… with no question mark: a leading remark, not an ask")
    if REACTION.match(core or body) or (len(core) <= 2 and not req):
        cue(-3.0, "a reaction, not a question")
    elif len(core) <= 4 and not (qword or req or particle or ana):
        cue(-1.0, "very short")
    disbelief = _disbelief(body) if not (req or REACTION.match(core or body)) else None
    if disbelief:
        cue(-3.0, disbelief)
    if (not req and prev and prev[-1].sender != m.sender and _gap(prev[-1], m) <= 300
            and _agrees_then_rhetorical(body)):
        cue(-3.5, "agrees or affirms (是啊，/有啊，/肯定…), then a rhetorical question on a premise (没有X，Y怎么…？): an answer, not an ask")
    surprised = None if req else _SURPRISE_WORD.search(_LAST_SENTENCE.split(tail)[-1])  # (竟然是X的。有没有Y的: asks)
    if _SURPRISE.search(body):
        cue(-2.0, "surprise (？！), not a question")
    elif surprised:
        cue(-2.0, f"surprise ({surprised.group(1)}), not a question")
    elif _QMARK.search(body) and EXCLAIM.search(body.split("？")[-1] if "？" in body else body):
        cue(-1.5, "an exclamation, not a question")
    elif ("!" in body or "！" in body) and not strong:
        cue(-0.5, "an exclamation")
    if not req and _TOO_BA.search(tail):
        cue(-3.0, "太…了吧: an exclamation, not a question")
    interjection = INTERJECTION.match(body)
    if interjection:
        cue(-2.0, f"an interjection of surprise ({interjection.group(1)})")
    if LAUGHTER.search(body) or set(m.emojis) & (JOKE_EMOJI_A_NOT_A if ana and "太" not in body else JOKE_EMOJI):
        cue(-1.5, "laughter or a joking emoji")
    banter = BANTER_TOPIC.search(body) if not req else None
    if banter:
        cue(-2.5, f"personal banter ({banter.group(1)})")
    if OFFER.search(body):
        cue(-3.0, "an offer, not a question")
    if MODESTY.search(body):
        cue(-3.0, "a polite formula (有什么不对的请指正), not a question")
    if CONNECT.search(body):  # 加个微信吧，有些问题想请教: the request is to connect
        cue(-2.0, "asks to connect (加微信), not for information")
    if not req and (HEADLINE.search(body) or (
            HEADLINE_DASH.search(body) and body.count("——") == 1 and len(core) <= 40 and not m.mentions and not _FIRST_OR_SECOND_PERSON.search(body))):
        cue(-4.5, "the title of a shared article, or a quotation")
    elif (not req and not m.mentions and not m.quote_text and len(core) >= 8 and HOWTO_TITLE.match(body.strip())
          and not _NOT_A_TITLE.search(body.strip()) and not any(p.sender == m.sender and _gap(p, m) <= 120 for p in prev[-3:])):
        cue(-2.0, "a how-to title pasted alone (…如何…, no one asks, no particle): a shared article")
    elif not req and not m.mentions and not m.quote_text and _CORNER_TERM.search(body) and not _SOMEONE_OR_PARTICLE.search(body):
        flags["corner_title"] = True  # (decided with the next message: the sender's own comment may ask about it)
    at_qmarks = _QMARK.split(body) if inside else ()  # the message split at its question marks
    if inside and not (req or qword):
        # 这也能叫创新？太好笑了 / 连测试环境都没有？真是服了: after its question mark the sender exclaims
        # (surprise, doubt, mockery): a remark, not an ask
        after = at_qmarks[-1].strip()
        if len(_NON_WORD.sub("", after)) >= 2 and _EXCLAIMED.search(after) and not _THANKS.search(after):
            cue(-1.5, "a question mark, then the sender's exclamation")
    if inside and not (qword or particle or ana or req):
        # 九位？我见过的都是十二位了; 央行入股？不可能批下来的: a few words echoed with a question
        # mark (surprise, doubt), then the sender's own comment: nothing is asked of the others
        if (len(_PUNCT_AND_SPACES.sub("", at_qmarks[0])) <= ECHO_MAX and not at_qmarks[0].rstrip().endswith("呢")
                and len(_PUNCT_AND_SPACES.sub("", at_qmarks[-1])) >= 4):
            cue(-1.5, "a few words with a question mark, then the sender's own comment")
    if not strong and _EMPHATIC_END.search(tail):
        cue(-2.5, "好不好/好吗 after a statement: emphasis, not a question")
    if ANSWER_START.match(body) and not strong:
        first = _OPENING_CLAUSE.match(body).group(0)
        rest = body[len(first):]
        own_ask = ((ana and ana.start() >= len(first) and not A_NOT_A_SUBJECT.match(body, ana.end()))
                   or (last in FINAL_STRONG and particle == last) or CONFIRM.search(tail))
        if len(_NON_WORD.sub("", rest)) >= ASK_AFTER_OPENER_MIN and own_ask and not req and not replying:
            # 对，那分账这块能不能讲一下 / 嗯 应该把通道和商户分开对吧 / 不是银行类的，这种也要备案吗: a brief
            # acknowledgement, then a yes-no ask of the sender's own (吗/么 at the end, 对吧, an A-not-A
            # form) in the clauses after it (a question word alone there is mostly said: 是的，就看怎么做)
            reasons.append("opens like an answer (对，/嗯，/不是…，), then asks yes or no in its own clauses (+0.0)")
        elif not req and not replying and _asks_after_ack(first, rest, qword):
            reasons.append("opens with a bare acknowledgement (嗯，/对，), then asks with a question word in its last clause (+0.0)")
        else:
            cue(-1.0, "starts like an answer")
    if len(core) > 60 and not tail.endswith(("？", "?")) and not und:
        if (req is not None and req.re is REQUEST and _ASKER_REQUEST.match(req.group(1))
                and not _TOLD_TO.search(body, 0, req.start())):
            # 请教个问题，<the case in detail>; 我比较想知道…是怎么做的，我们现在…: the sender asks in his own
            # words and gives the details; a long message is his case, not a statement
            reasons.append("a long message with the sender's own request (请教/想知道/问一下…): the details of an ask (+0.0)")
        else:
            cue(-1.0, "a long statement")
    if ANNOUNCE.search(body) and len(core) > 30 and not strong:
        cue(-1.0, "an announcement")
    if replying is not None and flags["weak"] and HEDGE.search(body):
        cue(-1.5, "a hedged reply to the question before")
    if not (qword or req or particle or ana or flags.get("ba")) and len(core) <= 10:
        # "大商户模式？" right after someone else's question is a tentative answer
        if (replying is not None and strong and len(core) >= 5 and _OWN_PREDICATE.search(tail)
                and not _YOU.search(body) and not _REMARK_IN_SHORT.search(body) and not LAUGHTER.search(body)):
            # 那家也做代付了？, 现在还有人用这个？: a predicate of its own (an adverb 也/还/又/都 before it, or a
            # change with 了), not a candidate answer named with a question mark (大商户模式？)
            reasons.append("short, after someone else's question, but says something of its own (也/还…了？) (+0.0)")
        elif replying is not None and STILL_DONE.match(body):
            # 现在还有做X？, 还有人用X的？: asks whether anyone still does it, a new ask, not a guess
            reasons.append("short, after someone else's question, but asks whether anyone still does it (+0.0)")
        elif replying is not None and strong and ASKED_BACK.match(body) and not _REMARK_IN_SHORT.search(body) and not LAUGHTER.search(body):
            reasons.append("short, after someone else's question, but asks the one who spoke what they meant (你说的是…？) (+0.0)")
        elif replying is not None:
            cue(-2.0, "a tentative answer to the question before")
        else:
            for p in prev[-3:]:
                pc = _PUNCT_AND_SPACES_SHORT.sub("", p.text)
                if core and len(core) >= 2 and core in pc and p.sender != m.sender:
                    cue(-2.0, "echoes the message before")
                    break
    if len(core) >= 4 and any(p.sender != m.sender and _gap(p, m) <= 600 and len(p.body) >= len(core)
                              and _PUNCT_AND_SPACES.sub("", p.body) == core
                              for p in prev[-5:]):
        cue(-3.0, "repeats someone else's message (a chain)")
    elif len(core) >= 14:
        # 问题：<someone's question> 回答：…, <someone's question> ---- 是的，…: the question is quoted
        # and answered; a question about the quote (…---- 这个怎么理解？) still asks
        for p in prev[-QUOTE_BACK:]:
            if p.sender == m.sender or len(p.body) < QUOTE_MIN or p.body[:3] not in body:
                continue  # (a quote starts like the message it quotes: most are ruled out at once)
            pc = _PUNCT_AND_SPACES.sub("", p.body)
            at = core.find(pc) if len(pc) >= QUOTE_MIN else -1
            if at >= 0 and len(pc) < len(core):
                rest = body.replace(p.body, " ", 1) if p.body in body else core[:at] + " " + core[at + len(pc):]
                if not _ASKS_IN_REST.search(rest):
                    cue(-3.0, "quotes someone else's question and answers it")
                break
    close = body.find("】")
    if close > 0 and "【" not in body[:close] and _ASKS_IN_REST.search(body[:close]):
        # …是实时入账？不用人工审核吗？】要审核的: a question quoted up to a closing 】 (its 【 lost
        # with the quote's start), then the sender's answer to it
        rest = body[close + 1:]
        if len(_NON_WORD.sub("", rest)) >= 2 and not _ASKS_IN_REST.search(rest):
            cue(-3.0, "quotes a question (…】) and answers it")
    if not m.mentions and not m.quote_text and _PROMPT.search(body):  # (found in a clause, found in the body)
        clauses = _PARTICLE_CLAUSES.split(body)
        prompts = [cl for cl in clauses if _PROMPT.search(cl)]
        others = [cl for cl in clauses if cl and not _PROMPT.search(cl)]
        if prompts and not _PROMPT_POLITE.search(body) and (
                len(prompts) >= 2 or not any(_ASKS_IN_REST.search(cl) for cl in others)):
            cue(-3.0, "an exam prompt (说说你对…的理解, 谈谈…原理) put to no one: a quiz, not a question")
    if _RALLY.match(body) and not req and not _ENDS_WITH_QMARK.search(tail) and particle not in FINAL_STRONG:
        cue(-1.0, "opens with 来来来 / 来，: a call to join in (a quiz, a game, a proposal), with no plain ask")
    if REPORTED.search(body):
        cue(-3.5, "reports someone else's question")
    after_q = _QMARK.split(body, maxsplit=1)
    if len(after_q) == 2 and (
        _SELF_ANSWER_LIST.match(after_q[1])
        or (len(_NON_WORD.sub("", after_q[1])) >= 14
            and _SELF_ANSWER_START.match(after_q[1]))
    ):
        cue(-2.5, "answers itself in the same breath")
    elif (len(after_q) == 2 and _SELF_ANSWER_VERDICT.match(after_q[1]) and len(_NON_WORD.sub("", after_q[1])) >= 6
          and not _QMARK.search(after_q[1]) and not _tail(after_q[1]).endswith(("吧", "吗", "么", "呢", "嘛"))):
        # 要单独配个运维么？不需要啊，… / 系统怎么处理？当然是…: the sender gives the verdict himself
        cue(-2.5, "answers itself in the same breath with a verdict (…？当然/肯定/不需要…)")
    elif qword and not (strong or particle or req or ana):
        # 怎么个拆分法，要看团队规模: a question word, then the sender's own answer after a comma
        parts = _CLAUSE_SPLIT.split(body)
        at = next((i for i, part in enumerate(parts) if qword in part), None)
        if at is not None and any(_ANSWER_AFTER_COMMA.match(part)
                                  for part in parts[at + 1:]):
            cue(-1.0, "answers itself after a comma")
        elif at is not None and at + 1 < len(parts) and _EITHER_AFTER_COMMA.match(parts[at + 1]):
            cue(-1.0, "whichever it is (…，都…)")
        elif (at and len(_NON_WORD.sub("", "".join(parts[at + 1:]))) >= STATEMENT_AFTER_MIN
              and not _ASKS_IN_REST.search("".join(parts[at + 1:])) and not _DETAILS_AFTER.match(parts[at + 1])
              and not _ASKS_GROUP.search(body) and not _tail(parts[at]).endswith(("啊", "呀", "呢", "嘛", "哈"))):
            # 本来就乱…，当时为什么这么拆，现在没人说得清; 按文档说的，啥字段，签名就不在报文头里了: a question
            # word in a clause between the sender's statements (an ask opens the message, or ends it,
            # or adds details after it)
            cue(-1.0, "a question word's clause, then a long statement")
    if (qword in ("什么", "啥") and not (strong or particle or req or ana or alt) and not _ASKS_GROUP.search(body)
            and _EXAMPLES_AFTER.search(body)):
        # 什么共享单车，外卖，直播，都在做支付; 现在什么秒杀 团购 红包: a list of examples
        cue(-1.0, "什么 before a list of examples (什么A，B，C): things like them, not a question")
    if (qword or ana) and not (strong or particle or req or flags.get("ba")):
        # 下面说说什么是轧差。轧差就是把应收应付相抵: the sentence with the question word ends with
        # a full stop and the sender goes on: a statement about it, not an ask (an ask without a
        # question mark is the last thing said, or is followed by a comma)
        # (能否…。…, 是不是…。…: an ask that opens the message goes on with its details)
        at = body.find(qword) if qword else ana.start()
        lead = _LEADING_MENTION.match(body)
        stop = _FULL_STOP_THEN.search(body, max(at, 0))
        if at > (lead.end() if lead else 0) + 1 and stop and len(_NON_WORD.sub("", stop.group(1))) >= 4:
            cue(-1.0, "a sentence closed with a full stop, then more statements")
        elif (not alt and len(core) > 6 and _CLOSED_WITH_STOP.search(body)
              and not (qword and _tail(body).endswith(qword))):
            # 先确认下是哪个渠道的。, 具体是谁就不说了。: a question word or A-not-A form with no other cue in
            # a message the sender closes with a full stop, as one writes a statement (an ask gets ？
            # or nothing); the question word said last, or a few words (稳定性如何。, 什么版本。), still ask
            cue(-1.0, "a bare question word in a message closed with a full stop (a statement)")
    return _sigmoid(x), reasons, flags


def _gap(a: Message, b: Message) -> float:
    if a.seconds is None or b.seconds is None:
        return 0
    return abs(b.seconds - a.seconds)


BANTER_AROUND = 3


def _banter_around(originals: list[Message], i: int) -> int:
    """How many of the messages around (four before, two after, within ten minutes) laugh or joke."""
    m = originals[i]
    n = 0
    for o in originals[max(0, i - 4):i] + originals[i + 1:i + 3]:
        if _gap(o, m) <= 600 and (LAUGHTER.search(o.body) or set(o.emojis) & JOKE_EMOJI):
            n += 1
    return n


def _talks_on(originals: list[Message], i: int) -> bool:
    """The sender has been holding the floor (most of the last messages) and goes on talking after
    the question before anyone else speaks: a speaker's question to the audience, answered himself."""
    m = originals[i]
    if m.mentions or _YOU.search(m.body):
        return False  # put to someone: a question in a dialogue
    before = [o for o in originals[max(0, i - 6):i] if _gap(o, m) <= 600]
    own = sum(1 for o in before if o.sender == m.sender)
    if len(before) < 5 or own < 5:
        return False
    after = 0
    for o in originals[i + 1:i + 4]:
        if o.sender != m.sender or _gap(m, o) > 180:
            break
        if o.kind in ("image", "link", "file") or (o.kind == "text" and len(o.body) >= 6):
            after += 1  # (a slide or a diagram of the talk is an image with no text)
    return after >= 2


# the sender's next message draws his own conclusion: 所以…, 肯定…, 显然…
CONCLUDES = re.compile(r"^\s*(所以|肯定|显然|可见|由此可见)")
# … or answers it: a definition, a plain-words explanation, the answer or the key point (什么是收单？ / 是指…)
ANSWERS_OWN = re.compile(r"^\s*(是指|指的是|即是|简单(说|来说|讲|地说|理解)|通俗(讲|来讲|来说|地说|点说|点讲|理解)|说白了|"
                         r"答案(是|就是)|其实就是|(最)?(重要的|核心|关键)(是|在于|就是))")
_ASKS_AGAIN = re.compile(r"[？?]|[吗么呢]\W*$")


def _own_next(originals: list[Message], i: int, seconds: float = 60) -> Optional[Message]:
    """The message right after position i when its sender sent it too, within ``seconds``
    (no one else spoke in between)."""
    if i + 1 < len(originals):
        o = originals[i + 1]
        if o.sender == originals[i].sender and _gap(originals[i], o) <= seconds:
            return o
    return None


def _answers_after(originals: list[Message], i: int) -> bool:
    """The sender's next message, within two minutes and before anyone else speaks, answers the
    question himself: a definition, the plain words, the key point (什么是收单？ / 是指…; 核心是…)."""
    o = _own_next(originals, i, 120)
    return (o is not None and o.kind == "text" and bool(ANSWERS_OWN.match(o.body))
            and not _ASKS_AGAIN.search(o.body) and not REQUEST.search(o.body))


def _concludes_after(originals: list[Message], i: int) -> bool:
    """The sender's next message, within a minute and before anyone else speaks, draws the
    conclusion (小机构扛得住这种审查吗 / 肯定扛不住): the question was a step in his own argument."""
    o = _own_next(originals, i)
    return (o is not None and o.kind == "text" and bool(CONCLUDES.match(o.body))
            and not _ASKS_AGAIN.search(o.body) and not REQUEST.search(o.body))


# a message that only laughs or smirks: 哈哈哈, 嘿嘿, [奸笑] (not [捂脸] or [呲牙]: often embarrassment, politeness)
ONLY_LAUGHTER = re.compile(r"^\s*((哈|呵|嘿|嘻){2,}|h{3,}|2333+|\[(奸笑|坏笑|偷笑|阴险|调皮)\])+[\s!！~～。.…]*$", re.I)


def _laughs_after(originals: list[Message], i: int) -> bool:
    """The sender's next message, within a minute and before anyone else speaks, only laughs
    (年终奖够买岛了吗 / 哈哈哈): the question was a joke."""
    o = _own_next(originals, i)
    return o is not None and bool(ONLY_LAUGHTER.match(o.text or ""))


# another member's reply that takes the message as a tease or an innuendo: clears his throat (咳咳咳), 噗,
# 你们想多了/想歪了, 想象力…丰富, 好污 (not 开车: many groups drive for real)
TEASED_REPLY = re.compile(r"^\W*(咳咳咳|噗)|想象力[^，,。]{0,2}丰富|(你|你们|楼上|大家)[^，,。]{0,2}想(多|歪)了|(好|太|真|很)污")


def _teased(originals: list[Message], i: int) -> bool:
    """One of the next two messages of others, within two minutes, takes the question as a tease
    (老李昨晚又去夜店了？ / 咳咳咳，你们想象力真丰富): a joke, not an ask."""
    m = originals[i]
    seen = 0
    for o in originals[i + 1:i + 6]:
        if _gap(m, o) > 120:
            break
        if o.sender == m.sender:
            continue
        if o.kind == "text" and TEASED_REPLY.search(o.body):
            return True
        seen += 1
        if seen >= 2:
            break
    return False


CONFIRM_REPLY = re.compile(r"^(对|是的|是啊|是呀|没错|对的|对啊|嗯|恩|是|不是|没有|有的|不会|会的|不一定)([，,。.!！~～\s]|$)")


def _confirmed(originals: list[Message], i: int) -> str:
    """A statement ending in 吧 (二类户有金额限制吧) that the next speaker confirms or denies was a
    request for confirmation. Returns how: "yes/no" (对/是的/没有…), "restated" (the reply opens
    by saying it again: X有牌照的吧 / X有牌照，…) or "" (not confirmed)."""
    m = originals[i]
    for o in reversed(originals[max(0, i - 3):i]):
        if o.sender != m.sender and o.asks and _gap(o, m) <= 180:
            return ""  # a tentative answer to someone else's question, confirmed
    for o in originals[i + 1:i + 4]:
        if _gap(m, o) > 180:
            return ""
        if o.sender != m.sender and o.kind == "text":
            if CONFIRM_REPLY.match(o.body):
                return "yes/no"
            return "restated" if _restates(o.body, m.body) else ""
    return ""


# the reply's opening clause (up to the first punctuation or emoji; a space does not end it)
_FIRST_CLAUSE = re.compile(r"^[^，,。.!！?？;；~～…\[]*")
_HAN = re.compile(r"[\u4e00-\u9fff]")
RESTATE_MIN = 3  # different Han characters in the reply's opening clause that restates the statement
RESTATE_MAX = 12


def _restates(reply: str, statement: str) -> bool:
    """The reply opens by saying the 吧 statement again, in a clause made only of its characters
    (对方自己是有牌照的吧 / 对方有牌照，…; 一般不分吧 / 不分的): it confirms or denies it. Not a copy
    of the whole message (a +1 chain), not a question back, not a clause that adds its own words."""
    body = _LEADING_MENTION.sub("", reply).strip()
    if not body or body == statement.strip():
        return False  # (a chain repeats it whole)
    clause = _FIRST_CLAUSE.match(body).group(0)
    if body[len(clause):len(clause) + 1] in ("?", "？"):
        return False
    han = _HAN.findall(clause)
    if not RESTATE_MIN <= len(han) <= RESTATE_MAX or len(set(han)) < RESTATE_MIN:
        return False
    return all(c in statement for c in han)


# the clause before 吧 states a fact (是/有/没/不/能/要…的吧), not a suggestion (预约下周三吧, 建议改改吧, 还是扫码吧)
_STATES_BA = re.compile(r"((?<!还)是|有|没|不|会|能|要)[^，,。！!？?]{0,16}吧\W*$")
_OWN_VIEW = re.compile(r"我(个人)?(觉得|认为|感觉)")  # 我觉得…吧: the sender's view, put forward


OWN_RUN_SECONDS = 60
# the sender checks his own memory or reading (我没记错吧, 是这个意思吧): a check even inside his own run
_CHECKS_OWN = re.compile(r"((没有?|不会)(理解|记|看|听)错(了)?|是(这个|这)意思)吧$")


def _continues_own_run(originals: list[Message], i: int) -> bool:
    """A plain …吧 statement that goes on from the sender's own text message just before (<= 60 s,
    one that does not ask): a step of what he is saying himself (完全两个领域 / 还是要把X和Y区分吧,
    图上画的是清算环节 / 各方的资金关系吧), so a 对/嗯 after it agrees with him rather than answers a check.
    Not a check of his own memory or reading (我没记错吧, 是这个意思吧)."""
    if i == 0:
        return False
    m, p = originals[i], originals[i - 1]
    return (p.sender == m.sender and p.kind == "text" and not p.asks and not _QMARK.search(p.body)
            and _gap(p, m) <= OWN_RUN_SECONDS and not _CHECKS_OWN.search(_tail(m.body)))


def _after_an_ask(originals: list[Message], i: int) -> bool:
    """Someone else asked something in the last five messages (ten minutes): a message may answer it."""
    m = originals[i]
    return any(o.sender != m.sender and o.asks and _gap(o, m) <= 600 for o in originals[max(0, i - 5):i])


def _preamble(m: Message) -> bool:
    """A request with almost nothing in it: 问个问题, 请教下各位, 有人在吗."""
    core = _PUNCT_AND_SPACES.sub("", m.body)
    return len(core) <= 8 and bool(REQUEST.search(m.body) or _ANYONE_THERE.search(m.body))


def detect_questions(msgs: list[Message], member) -> list[Question]:
    """The questions of one conversation, in order. ``member(sender)`` gives a member id."""
    originals = [m for m in msgs if not m.copy_of]
    scored: list[tuple[Message, float, list[str], dict]] = []
    prev: list[Message] = []
    for i, m in enumerate(originals):
        s, reasons, flags = question_cues(m, prev)
        # what the messages around it say: one more cue each, added on the score's log-odds
        how = _confirmed(originals, i) if (flags.get("ba") or flags.get("ba_hedged")) and 0.2 <= s < THRESHOLD else ""
        if how and flags.get("ba") and 0.25 <= s < THRESHOLD and _continues_own_run(originals, i):
            how = ""
            reasons = reasons + ["…吧 goes on from the sender's own statement just before: a reply's 对/嗯 agrees with "
                                 "what he says, it does not answer a check (no lift)"]
        if flags.get("ba") and 0.25 <= s < THRESHOLD and how:
            s, reasons = _shift(s, reasons, 1.2, "the next reply confirms or denies it (对/是的/没有)" if how == "yes/no"
                                else "the next reply says it again (X有牌照的吧 / X有牌照): confirms or denies it")
        elif flags.get("ba_hedged") and 0.2 <= s < THRESHOLD and how:
            s, reasons = _shift(s, reasons, 1.3, "a hedged guess the next reply confirms or denies (对/是的/没有)" if how == "yes/no"
                                else "a hedged guess the next reply says again (X有牌照的吧 / X有牌照): confirms or denies it")
        elif ((flags.get("ba") or flags.get("ba_hedged")) and m.mentions and 0.2 <= s < THRESHOLD
              and _STATES_BA.search(_tail(m.body)) and not _OWN_VIEW.search(m.body) and not _after_an_ask(originals, i)):
            s, reasons = _shift(s, reasons, 1.3, "…吧 put to someone with @ (not an answer to a question): asks them to confirm")
        if s >= THRESHOLD and not flags.get("request") and _banter_around(originals, i) >= BANTER_AROUND:
            s, reasons = _shift(s, reasons, -1.0, "in a stretch of laughter and joking emoji")
        if s >= THRESHOLD and not flags.get("request") and _laughs_after(originals, i):
            s, reasons = _shift(s, reasons, -1.5, "the sender laughs right after it: a joke")
        if s >= THRESHOLD and not flags.get("request") and _teased(originals, i):
            s, reasons = _shift(s, reasons, -3.5, "another member's reply takes it as a tease (咳咳咳/想多了/好污): a joke")
        if s >= THRESHOLD and not flags.get("request") and _concludes_after(originals, i):
            s, reasons = _shift(s, reasons, -2.0, "the sender goes on with his own conclusion (所以…/肯定…)")
        if s >= THRESHOLD and not flags.get("request") and _answers_after(originals, i):
            s, reasons = _shift(s, reasons, -3.5, "the sender answers it himself in his next message (是指…/简单说…/核心是…)")
        if s >= THRESHOLD and flags.get("corner_title") and _own_next(originals, i, 120) is None:
            s, reasons = _shift(s, reasons, -4.5, "a term in corner brackets 「」, no one asks and the sender adds nothing: the title of a shared article")
        if s >= 0.3 and _talks_on(originals, i):
            s, reasons = _shift(s, reasons, -3.5, "goes on talking: a question in a talk or monologue, answered by the asker")
        m.asks = s >= THRESHOLD
        m.ask_strong = m.asks and flags.get("strong", False)
        m.ask_score = s
        m.ask_reasons = reasons
        scored.append((m, s, reasons, flags))
        prev.append(m)
    questions: list[Question] = []
    pos = {m.id: i for i, m in enumerate(originals)}
    used: set[str] = set()
    for i, (m, s, reasons, flags) in enumerate(scored):
        if s < THRESHOLD or m.id in used:
            continue
        # the ask and its continuation: the asker's next messages that do not ask anew (no one else
        # spoke). A bare preamble (问个问题, 请教下各位) is joined by the ask that follows it.
        group = [(m, s, reasons)]
        j = i + 1
        while j < len(scored):
            o = scored[j][0]
            if o.sender != m.sender or _gap(group[-1][0], o) > CONTEXT_SECONDS:
                break
            if scored[j][1] >= THRESHOLD:
                if not all(_preamble(g[0]) for g in group):
                    break
                group.append((o, scored[j][1], scored[j][2]))
                j += 1
                continue
            if o.kind in ("text", "image", "link", "file") and _gap(group[-1][0], o) <= 90:
                group.append((o, scored[j][1], scored[j][2]))
                j += 1
                continue
            break
        # trailing non-question continuations are kept only if the next speaker is not the asker anew
        lead = max((g for g in group if g[1] >= THRESHOLD), key=lambda g: g[1])
        ask = lead[0]
        context = [g[0] for g in group if g[0] is not ask]
        # setup before: the asker's statement or image right before the ask
        k = pos[group[0][0].id] - 1
        if k >= 0:
            b = originals[k]
            if (
                b.sender == m.sender
                and b.id not in used
                and not b.asks
                and _gap(b, group[0][0]) <= CONTEXT_SECONDS
                and (b.kind in ("image", "file", "link") or len(b.body) >= SETUP_MIN)
            ):
                context.insert(0, b)
        for g in group:
            used.add(g[0].id)
        score = max(g[1] for g in group)
        why = list(lead[2])
        if len(group) > 1:
            why.append(f"asked over {len(group)} messages")
        questions.append(Question(message=ask, context=context, score=round(score, 3), reasons=why, asker=member(m.sender)))
    return questions
