"""Answer linking: which later messages answer which question.

Every (question, message) pair within reach is described by a few explainable
features: a quoted reply to the question (near-certain), @mentions between
asker and answerer (resolved through aliases), closeness in messages and
minutes, lexical overlap of jieba words weighted by an IDF learned from the
corpus, a yes/no reply to a yes/no question, the asker's thanks afterwards,
and what speaks against it: a follow-up question, a reply addressed to
someone else (an @, or a name opening it: 老王，…), other questions asked in between,
laughter, praise. The score is a
logistic function of the weighted features; the weights were fitted on the
tune split of the dev gold (tools/fit_weights.py) and rounded. Every link
stores the features that moved its score, as reasons.

A message goes to the question(s) it fits best, but not to an answered
question when another question was asked since that it fits as well (the talk
moved on; an answerer's run goes with its first message); one answerer's consecutive
messages form one answer; answers are ranked by how surely their first
message answers the question.
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from typing import Iterator, Optional

from .records import Answer, Message, Question
from .segment import GeneralIdf, general_idf, message_words

THRESHOLD = 0.55  # the top answer must reach this
MORE_THRESHOLD = 0.2
DOUBTFUL_QUESTION = 0.6  # a question scored below this ...
SURE_ANSWER = 0.7  # ... is answered only by a message scored at least this  # further answers of a question that has a top answer
# ... unless it is a yes/no check (？, 吗, 吧, A-not-A; no question word) and its first likely reply, right
# after it (at most CHECK_REPLY_BETWEEN messages between), is a bare yes or no (嗯呢, 对的, 不是): the
# reply's form answers the question's form, so the ordinary bar holds (Linker._confirms_check)
BARE_YES_NO = re.compile(r"^(嗯+呢|恩+呢|嗯嗯|对+|对的|对啊|对呀|对头|没错|是的?|是啊|是滴|不是|不对|有的?|没有|会的?|不会|"
                         r"可以|不可以|不行|能|不能|yes|no)[\s。.！!~～]*$", re.I)
CHECK_REPLY_BETWEEN = 1
CHECK_BA = re.compile(r"吧[\s。.~～!！]*$")
WINDOW_MESSAGES = 25  # an ordinary reply comes within this many messages ...
WINDOW_SECONDS = 2 * 3600  # ... and this many seconds
# a reply addressed to the asker (a quote of the question, an @) may come much later: within this many
# messages, even after a quiet night (the question asked late, the reply @asker the next morning, with little
# said in between: the talk has not moved on); 'late' weighs the hours
ADDRESSED_WINDOW_MESSAGES = 80
ADDRESSED_WINDOW_SECONDS = 24 * 3600
CONTINUATION_SECONDS = 120
RUN_SECONDS = 300  # one answerer's messages this close, with no one else between, are one run (one answer)
# "too fast": reading the question (characters a second), typing the reply (characters a second),
# and picking an image, a file or a link to send (seconds): a reply faster than that was begun before
READ_SPEED = 20.0
TYPE_SPEED = 3.0
PICK_SECONDS = 5.0
FAR_TOO_FAST = 2.0  # ... and in less than half that time it weighs double
SHARE_OF_BEST = 0.8  # a message also answers a second question if it fits it nearly as well
PAIR_SHARE = 0.7  # ... or fairly well, when the asker asked the two in a row
PAIR_SECONDS = 180
# what ties a reply to its own question more than to a later one (Linker._overtaken)
OWN_CLAIMS = ("mentions_asker", "asked_with_at", "answerer_named")
SAME_QUESTION = 0.5  # a later question sharing this much of the words of an earlier one asks it again (a me-too)
ASKS_BACK = 0.5  # the words a question back shares with the question count this much
# a question put to a member by name without @ (老王，… / 小王 你…): a name or form of address opening it
# that fits exactly one member around it (Directory.called); it only ranks the answers of a question
# answered anyway: the named member's answer goes before the others (Linker.named)
VOCATIVE = re.compile(r"^\s*([\u4e00-\u9fffA-Za-z0-9]{1,8})\s*[，,：:\s]\s*\S")
VOCATIVE_BEFORE = 20  # messages: the members around the question that the name may call
VOCATIVE_CONFIDENCE = 0.6  # counts as an @ this sure (asked_with_at)
# ... or asked back: a short question with 你/您 (not 你们, not a greeting 你好) right after another
# member's message, with nothing between, is put to that member (Linker.asked_back); it only ranks too
# ... and a reply opening with a name or form of address (老王，… / 王总 …) that fits one member around it
# other than its sender is said to that member (Linker.calls): to someone else than the asker, it is no answer
# to the question more than an @ of someone else is; a display-name part that is a common word in general
# Chinese (jieba's IDF below this) names no one there
CALLS_COMMON_IDF = 9.5
ASKS_YOU = re.compile(r"(你|您)(?![们好])")
ASKED_BACK_SECONDS = 300
ASKED_BACK_CHARS = 40  # a long question with 你 tells or quotes more than it asks back
ASKED_BACK_CONFIDENCE = 0.5
# a question back that the asker replies to leads no answer (the answer follows the reply), unless it goes on
# to tell something after its last question mark (this many word characters: _tells_after_ask), or the
# question asked its sender back (ASKED_JUST_BEFORE messages)
STATEMENT_AFTER_ASK_CHARS = 4
ASKED_JUST_BEFORE = 3
QUESTION_BACK_CHARS = 24  # word characters: a longer message that asks back also tells (它有两种…，你是哪种？)

SPACES = re.compile(r"\s+")
# said to the whole group: an @ of everyone, or an opening that calls all members (a notice, a welcome)
EVERYONE = frozenset({"所有人", "全体成员"})
TO_EVERYONE = re.compile(r"^\W*(各位同学|各位群友|各位同行|各位新朋友|给大家介绍|感谢大家|欢迎(各位|新朋友|新同学|新人))")
NOT_ANSWER = re.compile(
    r"^(哈+|呵+|嘿+|嘻+|h+|2333+|6+|赞+|牛+|牛逼|牛b|厉害|厉害了|学习了?|学到了|涨知识了?|mark|马克|围观|同问|同求|"
    r"\+1|＋1|顶|关注|坐等|等答案|蹲一个|插眼|我也想知道|我也想问|一样|同|路过|收藏|好的?|嗯+|恩+|哦+|噢+|额+|呃+|ok|"
    r"谢谢|多谢|感谢|谢了|thx|thanks|3q|早|早上好|晚安|欢迎|鼓掌|威武|霸气|[。.…!！~～]+)[\s。.…!！~～,，]*$",
    re.I,
)
# thanking, or saying one has understood: the asker's (THANKS) and a bystander's (ACK) share these
THANKS_WORDS = r"谢谢|多谢|感谢|谢了|谢啦|thx|thanks|thank you|明白了|懂了|学习了|受教|了解了"
THANKS = re.compile(rf"({THANKS_WORDS}|3q|原来如此|长见识|涨知识|get了|收到|清楚了|有道理|懂啦|明白啦)", re.I)
THANKS_EMOJI = {"抱拳", "强", "握手", "OK", "玫瑰", "好的", "谢谢"}
YES_NO_QUESTION = re.compile(r"((吗|么|嘛|不|没|否|是吧|对吧)[\s?？。.~～!！]*$|(\w)[不没]\3|有没有|是不是|能不能|会不会|可不可以|要不要|是否|能否)")
ANSWER_WORDS = (r"是的?|不是|对|不对|可以|不可以|不行|行|能|不能|会|不会|有|没有|没|要|不要|不用|需要|不需要|用|没用|"
                r"应该|肯定|当然|一般|支持|不支持|算|不算|必须|对的|错|建议|我们|我这|我们是|看|取决于|主要|因为|"
                r"yes|no|嗯|恩")
ANSWER_FORM = re.compile(rf"^({ANSWER_WORDS})", re.I)
# ... as a whole word: the reply's first jieba word is no longer than the answer word, or is itself one,
# or a verb negated with 没 (没问过, 没听说过) (行业, 对于, 用户, 会计, 有些, 看来 open statements, not
# answers; 有没有, 是不是, 是否 open questions)
ANSWER_TOKEN = re.compile(rf"({ANSWER_WORDS}|没\w+|没错|算是|对头|嗯+|恩+|一般来说)", re.I)
# 有 opening a statement of what exists (有一个朋友…, 有些银行…, 有人说…): "there is", not a yes, unless
# the question asks with 有 itself (有没有…, 有…吗)
EXISTENTIAL = re.compile(r"^有(一|两|几|个|些|人|点|很多|不少|好多|家|种|次|时候)")
LAUGHTER = re.compile(r"(哈哈|呵呵|嘿嘿|嘻嘻|笑死|233)")
THREE_WORD_CHARS = re.compile(r"\w\W*\w\W*\w")
GREETING = re.compile(r"(晚安|明天见|周末愉快|下班了|早上好|早安|大家好|再见|拜拜|回见|先撤|先走了|下线了|睡了|节日快乐|新年快乐|"
                      r"辛苦了|欢迎欢迎|欢迎新)")
# "I don't know" (这块不太了解, 没接触过) or a preamble (我虽然不是…不过可以回答下): not the answer itself
NO_KNOWLEDGE = re.compile(r"(不太了解|不了解|不清楚|不知道|没用过|没接触过|没做过|没研究过|不太懂|也想知道|不太确定|"
                          r"没注意|没关注|可以回答|我来回答|帮你问问|帮你问下)")
NO_KNOWLEDGE_CHARS = 30
# ... or a short reply that only takes the talk elsewhere (私聊, 私信你, 回头加个微信): no information in it
DEFERS = re.compile(r"(私聊|私信|私下聊|小窗|加(个|我|一下)?微信|加我|回头聊|线下聊)")
DEFERS_CHARS = 10
DEFERS_BUT = re.compile(r"有")  # ... unless it says one has it (我有，私聊: a yes to 谁有…)
# a yes/no question is answered with its own verb, negated or not (可认识？ 不认识; 支持退款吗 支持):
# the reply's first two characters (after 不/没) found at the end of the question, negated or alone
ECHO_LEAD = re.compile(r"^(不|没)?(\w\w)")
ECHO_SHORT = 5  # word characters: an echo not negated is (nearly) the whole reply (好考吗 → 好考), not a topic word opening one
QUESTION_END = re.compile(r"[\s?？。.~～!！吗么嘛呢啊吧]*$")
ECHO_TAIL = 8
# thanks or a me-too from someone other than the asker (了解了，谢谢各位; 同想看): short ones only
ACK = re.compile(rf"({THANKS_WORDS}|^收到|同想|我也想|我也要|我也在找|求分享|求资料|同感)", re.I)
ACK_CHARS = 12
# a short reaction that praises the one who spoke or what they said (厉害了, 太牛了, 好问题, 赞, 666, 在理):
# a comment on the talk, not an answer; a whole jieba word (小牛, 途牛, 有赞, 吹牛 are other words), or 好问题,
# in a reply of at most PRAISE_CHARS word characters
PRAISE_WORDS = frozenset({"牛", "太牛", "真牛", "好牛", "很牛", "牛逼", "牛b", "牛B", "厉害", "强大", "威武", "霸气",
                          "佩服", "膜拜", "精辟", "犀利", "在理", "赞", "点赞", "nice", "Nice", "NICE", "大实话"})
PRAISE_PHRASE = re.compile(r"(好问题|666+|说得好|说的好)")
PRAISE_CHARS = 10
# a reply opening with a word that adds to what its sender said before (而且, 另外, 我刚才说的…) or marks an
# aside (顺便说, 题外话, 插一句): from a member who spoke just before the question and sharing no word with it
# (an aside: even sharing words), as their first message since, it goes on with their own talk, not with
# the question
RESUMES = re.compile(r"^(而且|并且|另外|此外|况且|何况|再说|还有就是|我?刚才|我?刚刚|我刚说|我?前面说|上面说)")
ASIDE = re.compile(r"^.{0,4}(顺便说|顺便提|顺带说|题外话|插一句|插句话|跑题|跑个题|离题)")
WORD_CHARS = re.compile(r"\w")
ONE_WORD_CHAR = re.compile(r"\W*(\w)\W*")  # (fullmatch) a text of one word character
FRAGMENT_ANSWERS = "我在无否"  # one character that answers (有谁…？ 我)
NO_OVERLAP = (0.0, [], False, 0.0)
# a mention of a member whose display name plainly names the asker (黄一帆 / 黄一帆-某支付-技术: one person
# under two names on different days, not joined by copies) addresses the asker, a little less surely
ALIKE = 0.9
JOKE_EMOJI = {"奸笑", "坏笑", "偷笑", "捂脸", "呲牙", "阴险", "调皮"}
# the asker's next message after a reply tells how it landed: taken in (哦, 明白了, 原来如此, 这样啊) or set
# aside (不是这个, 我是说…, 我问的是…: the reply missed the question)
ASKER_TAKES = re.compile(r"^(哦|噢|喔|嗯嗯|恩恩|好的|明白|懂了|了解|原来|这样啊|这样子|有道理|确实|收到|get)", re.I)
ASKER_REJECTS = re.compile(r"^(不是这个|不是这样|不是的|我是说|我是问|我问的是|我说的是|我指的是|我的意思是|我想问的是|我想知道的是)")

# Feature -> how a reason reads. The details in braces come from the features' values.
DESCRIPTIONS = {
    "quotes_question": "quotes the question",
    "quotes_other": "quotes another message",
    "mentions_asker": "@mentions the asker",
    "mentions_other": "addressed to someone else",
    "mentions_unknown": "@mentions someone not resolved",
    "asked_with_at": "was asked with @",
    "question_to_other": "the question was addressed to someone else",
    "first_reply": "first reply after the question",
    "near": "{between} messages after the question",
    "late": "{minutes} minutes later",
    "coverage": "shares words {shared}",
    "rare_shared": "shares a specific term",
    "yes_no": "a yes/no reply to a yes/no question",
    "echoes": "answers with the question's own verb (认识吗 → 不认识)",
    "answer_form": "reads like an answer",
    "substance": "has substance",
    "very_short": "very short",
    "media": "sends {kind}",
    "asks": "asks a question itself",
    "laughter": "laughter or a joking emoji",
    "thanked": "the asker thanked them",
    "other_questions": "{others} other questions asked in between",
    "in_thread": "took part just before the question",
    "asker_follows": "the asker spoke right after it",
    "fits_other": "fits another open question better",
    "after_answer": "follows an answer to it",
    "late_reply_to_asker": "a later reply addressed to the asker",
    "late_reply_when_asked": "a later reply by the one asked with @",
    "shared_weight": "shares telling words",
    "answerer_named": "the question names the answerer's company or name ({named})",
    "too_fast": "came too fast to be a reply to it",
    "greeting": "a greeting or goodbye",
    "no_knowledge": "says they do not know, or only that they will answer (or answer in private)",
    "fragment": "a one-character fragment",
    "acknowledges": "thanks or a me-too, not an answer",
    "asker_takes": "the asker took it in (哦, 明白了, 原来如此)",
    "asker_rejects": "the asker set it aside (不是这个, 我是说…)",
    "answers_follow_up": "a later reply to the asker's later message ({follow})",
    "answers_later_ask": "a later reply to the asker, who has asked something else since (question {later_ask})",
    "praise": "praises the speaker or what was said ({praise}), a reaction, not an answer",
    "resumes_own_talk": "goes on with its sender's talk from before the question ({resumes})",
    "calls_other": "calls another member by name ({called})",
    "existential": "opens with 有 saying what there is (有一个…/有人…): no yes to a question not asked with 有",
    "to_everyone": "a notice to the whole group (@所有人, 各位同学…) sharing no words with the question",
}
# What one would expect before looking at any data; the fit pulls these toward the data
# (tools/fit_weights.py), and the rare features (quotes, late @replies) stay near them.
PRIOR_BIAS = -2.5
PRIOR = {
    "quotes_question": 4.0, "quotes_other": -1.5, "mentions_asker": 2.0, "mentions_other": -1.5,
    "mentions_unknown": 0.0, "asked_with_at": 2.0, "question_to_other": -0.7, "first_reply": 0.8,
    "near": 2.5, "late": -0.6, "coverage": 3.0, "rare_shared": 1.0, "yes_no": 0.7, "answer_form": 0.3,
    "substance": 0.4, "very_short": -0.6, "media": 0.3, "asks": -1.8, "laughter": -1.0, "thanked": 1.5,
    "other_questions": -0.3, "in_thread": 0.2, "asker_follows": 0.5, "fits_other": -1.0, "after_answer": 0.8,
    "late_reply_to_asker": 2.0, "late_reply_when_asked": 1.5, "shared_weight": 2.0,
    "answerer_named": 1.0, "too_fast": -1.0, "greeting": -2.0, "no_knowledge": -1.5,
    "fragment": -1.5, "acknowledges": -2.0,
}
# Fitted on the tune split of the dev gold by tools/fit_weights.py (conditional logit, L2), rounded.
# The tune days hold no quoted replies: those two weights are set by hand (a quote is near-certain).
BIAS = -3.3
WEIGHTS = {
    "quotes_question": 4.0,
    "quotes_other": -1.5,
    "mentions_asker": 1.7,
    "mentions_other": -1.3,
    "mentions_unknown": 0.1,
    "asked_with_at": 1.9,
    "question_to_other": -0.7,
    "first_reply": 0.9,
    "near": 2.7,
    "late": -0.7,
    "coverage": 2.8,
    "rare_shared": 1.0,
    "yes_no": 1.1,
    "answer_form": 0.2,
    "substance": -0.1,
    "very_short": -0.5,
    "media": 0.2,
    "asks": -2.1,
    "laughter": -0.9,
    "thanked": 1.4,
    "other_questions": -0.4,
    "in_thread": 0.5,
    "asker_follows": 0.3,
    "fits_other": -0.9,
    "after_answer": 0.4,
    "late_reply_to_asker": 1.7,
    "late_reply_when_asked": 1.4,
    "shared_weight": 2.0,
    "answerer_named": 1.0,
    "too_fast": -1.1,
    "greeting": -2.0,
    "no_knowledge": -1.5,
    # set by hand (see PRIOR): not refitted
    "fragment": -1.5,
    "acknowledges": -2.0,
    "echoes": 1.1,  # as yes_no: the same kind of reply
    "asker_takes": 0.6,
    "asker_rejects": -1.2,
    "answers_follow_up": -1.7,  # takes back 'late_reply_to_asker' (set by hand)
    "answers_later_ask": -1.7,  # as answers_follow_up: it takes back 'late_reply_to_asker' (set by hand)
    "praise": -2.0,  # as acknowledges: a reaction (set by hand; the tune days hold no praise that answers)
    "resumes_own_talk": -1.5,  # as no_knowledge (set by hand: never a top candidate on the tune days)
    "calls_other": -1.3,  # as mentions_other: a name opening the reply addresses it (set by hand)
    "existential": -0.1,  # it loses 'yes_no'/'answer_form'; this only says why (set by hand)
    "to_everyone": -2.0,  # as acknowledges: not a reply (set by hand: announcements, introductions of newcomers)
}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


class Idf:
    """Inverse document frequency of words, learned from the corpus being built.

    A small archive says little about which words are rare, so below FULL_TRUST
    messages its IDF is blended with jieba's general-Chinese IDF table."""

    FULL_TRUST = 1500

    def __init__(self, df: dict[str, int], docs: int):
        self.df = df
        self.docs = max(docs, 1)
        self.trust = min(1.0, self.docs / self.FULL_TRUST)
        # jieba's general IDF: whole for a small archive (its blend), else looked up word by word
        self.prior, self.prior_default = general_idf() if self.trust < 1 else ({}, 0.0)
        self._general = None if self.trust < 1 else GeneralIdf()
        big = max(self.docs, self.FULL_TRUST)
        # words in fewer than 0.2% of messages count as specific terms
        self.rare = math.log((big + 1) / (big * 0.002 + 1)) + 1
        self._cache: dict[str, float] = {}

    def general(self, word: str) -> float:
        """The word's IDF in general Chinese text (jieba's table)."""
        if self._general is not None:
            return self._general(word)
        return self.prior.get(word, self.prior_default)

    def keyness(self, word: str) -> float:
        """How much more often the word is used here than in general Chinese (log ratio)."""
        return math.log((self.df.get(word, 0) + 1) / self.docs) + self.general(word)

    def __call__(self, word: str) -> float:
        v = self._cache.get(word)
        if v is None:
            v = math.log((self.docs + 1) / (self.df.get(word, 0) + 1)) + 1
            if self.trust < 1:
                v = self.trust * v + (1 - self.trust) * self.prior.get(word, self.prior_default)
            self._cache[word] = v
        return v


_ENDS_WITH_QMARK = re.compile(r"[?？]\s*$")
WH_WORDS = ("什么", "啥", "怎", "咋", "哪", "谁", "几", "多少", "多久", "多大", "为何", "如何", "何时", "干嘛", "还是")


def _intonation_question(m: Message) -> bool:
    """A question mark with no question word and no alternative (能支持大部分信用卡的分期？):
    a yes/no question asked by intonation."""
    return bool(_ENDS_WITH_QMARK.search(m.body)) and not any(w in m.body for w in WH_WORDS)


def _gap(a: Message, b: Message) -> float:
    if a.seconds is None or b.seconds is None:
        return 0.0
    return max(0.0, b.seconds - a.seconds)


def is_non_answer(m: Message) -> Optional[str]:
    """Messages that never answer anything: why, or None."""
    if m.copy_of:
        return "a duplicate copy"
    if m.kind in ("emoji", "empty", "system"):
        return f"{m.kind} message"
    body = SPACES.sub("", m.body)
    if m.kind == "text" and (not body or NOT_ANSWER.match(body)):
        return "laughter, thanks or applause"
    return None


def probability(features: dict[str, float], weights: Optional[dict] = None, bias: Optional[float] = None) -> float:
    """The probability that a message answers a question: a logistic function of the weighted features."""
    weights = WEIGHTS if weights is None else weights
    x = BIAS if bias is None else bias
    for name, value in features.items():
        if value:
            x += weights.get(name, 0.0) * value
    return _sigmoid(x)


def reasons(features: dict[str, float], details: Optional[dict] = None, weights: Optional[dict] = None) -> list[str]:
    """The reasons that moved the probability: features weighing at least 0.05."""
    weights = WEIGHTS if weights is None else weights
    out = []
    for name, value in features.items():
        w = weights.get(name, 0.0) * value if value else 0.0
        if abs(w) >= 0.05:
            out.append(f"{DESCRIPTIONS[name].format(**(details or {}))} ({w:+.1f})")
    return out


def score(features: dict[str, float], details: Optional[dict] = None,
          weights: Optional[dict] = None, bias: Optional[float] = None) -> tuple[float, list[str]]:
    """The probability, and the reasons that moved it."""
    return probability(features, weights, bias), reasons(features, details, weights)


def telling_words(words, idf, n: int = 3) -> str:
    """The n words that tell most (highest IDF; equal ones in alphabetical order, so that a reason
    reads the same in every process, whatever the order of a set), joined by '/'."""
    return "/".join(sorted(words, key=lambda w: (-idf(w), w))[:n])

def _tells_after_ask(body: str) -> bool:
    """After its last question mark the message goes on to tell something (STATEMENT_AFTER_ASK_CHARS
    word characters or more: 你说的是X？那样要另算)."""
    at = max(body.rfind("?"), body.rfind("？"))
    return at >= 0 and len(WORD_CHARS.findall(body, at + 1)) >= STATEMENT_AFTER_ASK_CHARS


class Linker:
    def __init__(self, msgs: list[Message], questions: list[Question], directory, idf: Idf):
        self.originals = [m for m in msgs if not m.copy_of]
        self.pos = {m.id: i for i, m in enumerate(self.originals)}
        self.questions = questions
        self.dir = directory
        self.idf = idf
        self._mentioned: dict[str, set[str]] = {}
        self._words: dict[str, list[str]] = {}
        self._thanks: dict[str, dict[str, str]] = {}
        self._facts: dict[str, tuple] = {}
        self._facts_at: Optional[list[tuple]] = None  # facts by position
        self._rivals: dict[str, list] = {}
        self._by_pos: Optional[list[tuple[int, Question, frozenset]]] = None  # questions by position
        self._positions: list[int] = []
        self._cset: dict[str, frozenset] = {}
        self._qw: dict[str, tuple[frozenset, dict[str, float], float, dict[str, int]]] = {}
        self._overlap: dict[tuple[str, str], tuple[float, list[str], bool, float]] = {}
        self._named: dict[str, Optional[tuple[str, str]]] = {}
        self._asked_back: dict[str, Optional[str]] = {}
        self._calls: dict[str, Optional[tuple[str, str]]] = {}
        self._called_forms: dict = {}  # Directory.called's cache, for this conversation
        self._call_index: Optional[tuple] = None  # Directory.call_index of this conversation's members
        self._first_reply: dict[str, int] = {}  # question -> position of its first likely answer (link)
        self._confirmed: dict[str, str] = {}  # doubtful check -> the bare yes/no that answers it (link)
        self._asks_at: Optional[dict[str, list[int]]] = None  # asker -> positions of their questions

    # -------------------------------------------------------------- helpers
    def member(self, m: Message) -> str:
        return m.member_id or self.dir.member(m.sender)

    def mentioned(self, m: Message) -> dict[str, float]:
        """Members the message @mentions, with how sure the resolution of each name is."""
        out = self._mentioned.get(m.id)
        if out is None:
            out = {}
            for name in m.mentions:
                who, conf, _ = self.dir.resolve(name)
                if who and conf >= 0.3:
                    out[who] = max(out.get(who, 0.0), conf)
            self._mentioned[m.id] = out
        return out

    def named(self, q: Question) -> Optional[tuple[str, str]]:
        """The member a question without @ is put to by name (a vocative opening it: 老王，… / 小王 你…,
        the one member around it, other than the asker, that the name or form of address fits), and
        the name; None when there is no such member (or the question has an @). Once per question."""
        qid = q.message.id
        if qid in self._named:
            return self._named[qid]
        out = None
        opening = None if any(m.mentions for m in q.messages) else VOCATIVE.match(q.message.body)
        if opening:
            name = opening.group(1)
            fits = self._called_around(name, self.pos[qid], q.asker)
            if len(fits) == 1:
                out = (fits[0], name)
        self._named[qid] = out
        return out

    def _called_around(self, name: str, k: int, exclude: str, accept=None) -> list[str]:
        """The members around position k (VOCATIVE_BEFORE messages before it, WINDOW_MESSAGES after),
        other than ``exclude``, that the opening ``name`` calls (Directory.called; ``accept``: which
        ways of being called count), in order of member id; two at most (enough to tell one from several)."""
        facts = self._layout()[0]  # (each position's member first)
        keys = self.dir.call_keys(name)
        if self._call_index is None:
            self._call_index = self.dir.call_index(sorted({f[0] for f in facts}), self._called_forms)
        if not self.dir.may_call(keys, self._call_index):
            return []  # (the opening calls no member of the conversation: most openings)
        originals = self.originals
        around = {facts[j][0] for j in range(max(0, k - VOCATIVE_BEFORE), min(len(originals), k + 1 + WINDOW_MESSAGES))
                  if originals[j].kind != "system"}
        around.discard(exclude)
        fits = []
        for who in sorted(around):
            how = self.dir.how_called(keys, who, self._called_forms)
            if how and (accept is None or accept(how)):
                fits.append(who)
                if len(fits) > 1:
                    break
        return fits

    def calls(self, c: Message) -> Optional[tuple[str, str]]:
        """The member a message without @ is addressed to by name (a vocative opening it, 老王，… / 小王 你…,
        that fits exactly one member around it other than its sender), and the name; None otherwise.
        Once per message."""
        out = self._calls.get(c.id, False)
        if out is not False:
            return out
        out = None
        opening = None if c.mentions or c.kind != "text" else VOCATIVE.match(c.body)
        if opening:
            name = opening.group(1)
            common: list[bool] = []  # looked up once, and only when a member's name part is the opening

            def accept(how: str) -> bool:
                # a part of a display name that is a common word (产品, 技术: 产品 模式的…) opens a statement, not a call
                if how == "form":
                    return True
                if not common:
                    common.append(self.idf.general(name) < CALLS_COMMON_IDF)
                return not common[0]

            fits = self._called_around(name, self.pos[c.id], self.member(c), accept)
            if len(fits) == 1:
                out = (fits[0], name)
        self._calls[c.id] = out
        return out

    def asked_back(self, q: Question) -> Optional[str]:
        """The member a question asks back: a short question with 你/您 (not 你们) and no @, quote or
        name, sent right after a message of another member (nothing between, not even the asker's
        own context, within 5 minutes) that
        says something (no emoji, laughter or thanks) and is put to no one with @; None otherwise."""
        qid = q.message.id
        if qid in self._asked_back:
            return self._asked_back[qid]
        out = None
        body = SPACES.sub("", q.message.body)
        first = self.pos[qid]
        # the asker's own talk before the ask (its context) would stand between: 你 may be anyone before it
        if (first > 0 and first <= min(self.pos[m.id] for m in q.messages)
                and len(body) <= ASKED_BACK_CHARS and ASKS_YOU.search(body)
                and not any(m.mentions or m.reply_to or m.quote_sender for m in q.messages)
                and self.named(q) is None):
            prev = self.originals[first - 1]
            who = self.member(prev)
            if (who != q.asker and not prev.mentions and is_non_answer(prev) is None
                    and _gap(prev, self.originals[first]) <= ASKED_BACK_SECONDS):
                out = who
        self._asked_back[qid] = out
        return out

    def addressed_to(self, mentions: dict[str, float], member: str) -> float:
        """How surely mentions (member -> confidence) address the member: the member itself, or a
        member whose name plainly names the same person (ALIKE)."""
        v = mentions.get(member)
        if v is not None:
            return v
        best = 0.0
        for other, conf in mentions.items():
            if conf * ALIKE > best and self.dir.alike(other, member):
                best = conf * ALIKE
        return best

    def words(self, m: Message) -> list[str]:
        out = self._words.get(m.id)
        if out is None:
            out = self._words[m.id] = message_words(m)
        return out

    def question_words(self, q: Question) -> tuple[frozenset, dict[str, float], float, dict[str, int]]:
        """Once per question: its words as a set, their IDF weights (in the order first used),
        the total weight, and each word's place in that order."""
        out = self._qw.get(q.message.id)
        if out is None:
            qw = {w: self.idf(w) for m in q.messages for w in self.words(m)}
            out = self._qw[q.message.id] = (frozenset(qw), qw, sum(qw.values()), {w: i for i, w in enumerate(qw)})
        return out

    def word_set(self, c: Message) -> frozenset:
        out = self._cset.get(c.id)
        if out is None:
            out = self._cset[c.id] = frozenset(self.words(c))
        return out

    def overlap(self, q: Question, c: Message) -> tuple[float, list[str], bool, float]:
        """Share of the question's word weight found in the message, the shared words, whether
        one is rare, and the weight of the shared words (IDF summed)."""
        key = (q.message.id, c.id)
        out = self._overlap.get(key)
        if out is None:
            out = self._overlap[key] = self._compute_overlap(q, c)
        return out

    def _compute_overlap(self, q: Question, c: Message) -> tuple[float, list[str], bool, float]:
        qs, qw, total, order = self.question_words(q)
        shared = qs & self.word_set(c)
        if not shared:
            return NO_OVERLAP
        shared = sorted(shared, key=order.__getitem__)  # in the question's order
        mass = sum(qw[w] for w in shared)
        cover = mass / total
        shared.sort(key=qw.__getitem__, reverse=True)  # heaviest first (stable: ties keep their order)
        rare = any(qw[w] >= self.idf.rare and len(w) >= 2 for w in shared)
        return cover, shared[:4], rare, mass

    def follow_up(self, q: Question, c: Message, k: int, own: list[int], qids: set) -> str:
        """The asker's message after the question (at the positions own) that the reply c takes
        up more than the question: its words shared with c weigh more than those the question
        shares, one of them not in the question (结算子账户只有一个 → @asker 结算子账户不是你们
        自己的吗). Its shared words, or ''."""
        c_words = self.word_set(c)
        if not c_words:
            return ""
        q_words, qw, _, _ = self.question_words(q)
        q_mass = sum(qw[w] for w in q_words & c_words)
        for j in reversed(own):
            m = self.originals[j]
            if m.id in qids or m.kind != "text":
                continue
            shared = c_words & frozenset(self.words(m))
            if shared - q_words and sum(self.idf(w) for w in shared) > q_mass:
                return telling_words(shared, self.idf)
        return ""

    def thanked(self, q: Question) -> dict[str, int]:
        """Members the asker thanked after the question: member -> position of the thanks."""
        key = q.message.id
        if key not in self._thanks:
            self._thanks[key] = self._thanked(q)
        return self._thanks[key]

    def _thanked(self, q: Question) -> dict[str, int]:
        asker = q.asker
        start = self.pos[q.message.id]
        context = {m.id for m in q.context}
        out: dict[str, int] = {}
        q_seconds = q.message.seconds
        for k in range(start + 1, min(len(self.originals), start + WINDOW_MESSAGES)):
            m = self.originals[k]
            if q_seconds is not None and m.seconds is not None and m.seconds - q_seconds > WINDOW_SECONDS:
                break  # _gap(q.message, m) > WINDOW_SECONDS
            if self.member(m) != asker or m.id in context:
                continue
            if not (THANKS.search(m.text) or (m.kind == "emoji" and set(m.emojis) & THANKS_EMOJI)):
                continue
            targets = set(self.mentioned(m))
            if m.reply_to and m.reply_to in self.pos:
                targets.add(self.member(self.originals[self.pos[m.reply_to]]))
            if not targets:
                # thanks right after someone's message are for that someone
                for j in range(k - 1, start, -1):
                    o = self.originals[j]
                    if self.member(o) != asker and not is_non_answer(o):
                        targets.add(self.member(o))
                        break
            for t in targets:
                out.setdefault(t, k)
        return out

    # -------------------------------------------------------------- features
    def facts(self, m: Message) -> tuple:
        """What does not depend on the question, computed once per message: (member, non-answer,
        answer form, media, substance, short, laughter, name words, greeting, no knowledge, fragment,
        acknowledgement, praise word, opening that resumes one's own talk, whether that is an aside,
        whether it is said to the whole group).
        A message that answers nothing (a system message, an emoji, thanks) is never a candidate:
        only its member and that are looked for; so is "short" only when it is neither media
        nor substance (the one case where it counts)."""
        out = self._facts.get(m.id)
        if out is None:
            non_answer = bool(is_non_answer(m))
            if non_answer or m.kind == "system":
                out = self._facts[m.id] = (self.member(m), non_answer, False, False, 0.0, False, False,
                                           frozenset(), False, False, "", False, "", "", False, False)
                return out
            words = self.words(m)
            substance = min(1.0, len(words) / 6.0) if len(words) >= 3 else 0.0
            media = m.kind in ("image", "file", "link")
            body = m.body
            form = ANSWER_FORM.match(body)
            tokens = m.tokens
            answer_form = bool(form) and (not tokens or len(tokens[0]) <= form.end()
                                          or bool(ANSWER_TOKEN.fullmatch(tokens[0])))
            lone = ONE_WORD_CHAR.fullmatch(body) if m.kind == "text" and not answer_form and not m.mentions else None
            out = self._facts[m.id] = (
                self.member(m),
                non_answer,
                answer_form,
                media,
                substance,
                not (media or substance or THREE_WORD_CHARS.search(body)),  # at most 2 word characters
                bool(LAUGHTER.search(body) or (m.emojis and not JOKE_EMOJI.isdisjoint(m.emojis))),
                self.dir.name_words(self.member(m)),  # parts of the sender's names (郑小川-银联)
                bool(GREETING.search(body)),
                (len(body) <= NO_KNOWLEDGE_CHARS and bool(NO_KNOWLEDGE.search(body)))
                or (len(body) <= DEFERS_CHARS and bool(DEFERS.search(body)) and not DEFERS_BUT.search(body)),
                # a lone character that is no yes/no word (上, 晕): a fragment, or a reaction (the character
                # itself: it answers when it echoes the question, 在写书吗 → 在)
                lone[1] if lone and lone[1] not in FRAGMENT_ANSWERS else "",
                len(body) <= ACK_CHARS and bool(ACK.search(body)),
                self._praise(m, body, tokens),
                *self._resumes(body),
                # a notice to everyone (@所有人, 各位同学…, 给大家介绍…): no reply to one member's question
                bool(EVERYONE.intersection(m.mentions)) or bool(TO_EVERYONE.match(body)),
            )
        return out

    @staticmethod
    def _praise(m: Message, body: str, tokens: list[str]) -> str:
        """The praise word of a short reaction (邵老师太牛了, 好问题, 666), or ''."""
        if m.kind != "text":
            return ""
        phrase = PRAISE_PHRASE.search(body)
        found = phrase[1] if phrase else next((t for t in tokens if t in PRAISE_WORDS), "")
        return found if found and len(WORD_CHARS.findall(body)) <= PRAISE_CHARS else ""

    @staticmethod
    def _resumes(body: str) -> tuple[str, bool]:
        """The opening word that goes on with one's own talk (而且, 我刚才, 顺便说), and whether it marks an aside."""
        aside = ASIDE.match(body)
        if aside:
            return aside[1], True
        resumes = RESUMES.match(body)
        return (resumes[1], False) if resumes else ("", False)

    def _later_ask(self, asker: str, start: int, k: int, qids: set, q_words: frozenset) -> Optional[int]:
        """n of the asker's last question asked after position start and before k (not part of the
        question at start), or None; None too when that question shares a word with the question at
        start (the asker put the same question again, or went on with it)."""
        if self._asks_at is None:
            self._asks_at = {}
            for r in self.questions:
                if r.message.id in self.pos:
                    self._asks_at.setdefault(r.asker, []).append(self.pos[r.message.id])
            for v in self._asks_at.values():
                v.sort()
        own = self._asks_at.get(asker)
        if not own:
            return None
        i = bisect.bisect_left(own, k) - 1
        while i >= 0 and own[i] > start:
            m = self.originals[own[i]]
            if m.id not in qids:
                return None if q_words.intersection(self.words(m)) else m.n
            i -= 1
        return None

    def _first_since(self, member: str, start: int, k: int) -> bool:
        """The member's message at position k is their first since position start (one that can answer)."""
        own = self._eligible_by_member.get(member, [])
        return bisect.bisect_right(own, start) == bisect.bisect_left(own, k)

    def _layout(self) -> tuple[list[tuple], list[int], list[int]]:
        """Once per conversation: the facts of each position, how many messages that can answer
        come before each position, and the positions of messages that may be addressed replies."""
        if self._facts_at is None:
            self._facts_at = [self.facts(m) for m in self.originals]
            # how each message reacts to the one before: 1 takes it in, -1 sets it aside, 0 neither
            self._reaction_at = [(-1 if ASKER_REJECTS.match(m.body) else 1 if ASKER_TAKES.match(m.body) else 0)
                                 if m.kind == "text" and m.body else 0 for m in self.originals]
            self._eligible_before = [0]
            self._addressed_at = []
            self._eligible_by_member = {}
            for k, (m, f) in enumerate(zip(self.originals, self._facts_at)):
                eligible = m.kind != "system" and not f[1]
                self._eligible_before.append(self._eligible_before[-1] + eligible)
                if eligible:
                    self._eligible_by_member.setdefault(f[0], []).append(k)
                if m.mentions or m.reply_to:
                    self._addressed_at.append(k)
        return self._facts_at, self._eligible_before, self._addressed_at

    def rivals(self, c: Message, k: int) -> list[tuple[float, int, Question]]:
        """The questions asked before message c (at position k, within the window) that share
        words with it, with their overlap when it is at least 0.15, best first; once per message."""
        out = self._rivals.get(c.id)
        if out is None:
            if self._by_pos is None:  # the questions by position (with their words), to find those of the window
                self._by_pos = sorted(((self.pos[r.message.id], r, self.question_words(r)[0]) for r in self.questions),
                                      key=lambda t: t[0])
                self._positions = [r_pos for r_pos, _, _ in self._by_pos]
            lo = bisect.bisect_left(self._positions, k - WINDOW_MESSAGES - 10)
            out = []
            words = self.word_set(c)
            for r_pos, r, r_words in self._by_pos[lo:bisect.bisect_left(self._positions, k)]:
                if r_words.isdisjoint(words):
                    continue
                other = self.overlap(r, c)[0]
                if other >= 0.15:
                    out.append((other, r_pos, r))
            out.sort(key=lambda t: (-t[0], t[1]))
            self._rivals[c.id] = out
        return out

    def candidates(self, q: Question) -> Iterator[tuple[Message, dict, dict, float]]:
        """Messages within reach of the question, with their features, details and probability."""
        start = self.pos[q.message.id]
        qids = {m.id for m in q.messages}
        yes_no = any(YES_NO_QUESTION.search(m.body) or _intonation_question(m) for m in q.messages)
        qm: dict[str, float] = {}
        for m in q.messages:
            for who_, conf in self.mentioned(m).items():
                qm[who_] = max(qm.get(who_, 0.0), conf)
        q_words = self.question_words(q)[0]
        q_len = sum(len(m.body) for m in q.messages)
        q_text = "".join(m.body for m in q.messages)
        q_tail = QUESTION_END.sub("", q.message.body)[-ECHO_TAIL:] if yes_no else ""
        thanked = self.thanked(q)
        before = {self.member(self.originals[k]) for k in range(max(0, start - 5), start)}
        rivals_from = start - 10  # other people's questions asked from here on compete for the replies
        askers: list[str] = []  # who asked questions between q and the candidate
        replied = False
        prev_answer = False  # the message just before (by someone else) answers this question
        originals = self.originals
        facts, eligible_before, addressed_at = self._layout()
        reactions = self._reaction_at
        asker = q.asker
        own = self._eligible_by_member.get(asker, [])
        q_positions = sorted(self.pos[m.id] for m in q.messages)
        q_seconds = q.message.seconds
        near_end = start + 1 + WINDOW_MESSAGES
        end = min(len(originals), start + 1 + ADDRESSED_WINDOW_MESSAGES)
        # every message of the ordinary window; beyond it only those that could be addressed replies
        far = addressed_at[bisect.bisect_left(addressed_at, near_end):bisect.bisect_left(addressed_at, end)]
        # what the loop below needs of the question, once (the same values as computed per candidate)
        eligible_from = eligible_before[start + 1]
        own_before = bisect.bisect_right(own, start)
        bisect_left = bisect.bisect_left
        exp = math.exp
        mentioned = self.mentioned
        addressed_to = self.addressed_to
        word_set = self.word_set
        rivals = self.rivals
        q_len_part = q_len / READ_SPEED
        w = {name: WEIGHTS.get(name, 0.0) for name in DESCRIPTIONS}  # every feature's weight (0 if unweighted)
        n_originals = len(originals)
        for k in itertools.chain(range(start + 1, min(near_end, end)), far):
            c = originals[k]
            c_seconds = c.seconds
            late = q_seconds is not None and c_seconds is not None and c_seconds - q_seconds > WINDOW_SECONDS
            if late and c_seconds - q_seconds > ADDRESSED_WINDOW_SECONDS:
                break
            (who, non_answer, answer_form, media, substance, short, laughter, name_words, greeting, unknowing,
             fragment, acknowledges, praise, resumes, aside, everyone) = facts[k]
            if c.id in qids or who == asker or c.kind == "system" or non_answer:
                continue
            reply_to = c.reply_to
            c_mentions = c.mentions
            if (late or k >= near_end) and not (reply_to in qids or (c_mentions and (
                    addressed_to(mentioned(c), asker) or (qm and addressed_to(qm, who))))):
                continue  # beyond the ordinary window only replies addressed to the question count
            # the messages in between: by others than the asker, neither emoji nor system
            between = eligible_before[k] - eligible_from - (bisect_left(own, k) - own_before)
            last_q = originals[q_positions[bisect_left(q_positions, k) - 1]]
            f: dict[str, float] = {}
            x = BIAS  # probability(f), summed as each feature is set (in the same order)
            others = sum(1 for a in askers if a != who) if askers else 0
            d: dict = {"between": between, "others": others, "kind": c.kind}
            if reply_to in qids:
                f["quotes_question"] = 1
                x += w["quotes_question"]
            elif reply_to:
                f["quotes_other"] = 1
                x += w["quotes_other"]
            cm = mentioned(c) if c_mentions else {}
            v = addressed_to(cm, asker) if cm else 0.0
            if v:
                f["mentions_asker"] = v
                x += w["mentions_asker"] * v
            elif cm:
                f["mentions_other"] = 1
                x += w["mentions_other"]
            elif c_mentions:
                f["mentions_unknown"] = 1
                x += w["mentions_unknown"]
            else:
                # ... said to someone else than the asker, unless to the one the question was put to
                # (@X …？ → X，…: the reply talks to the member asked)
                called = self.calls(c)
                if called and called[0] != asker and called[0] not in qm and not self.dir.alike(called[0], asker):
                    f["calls_other"] = 1
                    x += w["calls_other"]
                    d["called"] = called[1]
            v = addressed_to(qm, who) if qm else 0.0
            if v:
                f["asked_with_at"] = v
                x += w["asked_with_at"] * v
            elif qm:
                f["question_to_other"] = 1
                x += w["question_to_other"]
            c_asks = c.asks
            if fragment and fragment in q_text:
                fragment = ""  # one character echoing the question answers it (在写书吗 → 在)
            if praise and praise in q_text:
                praise = ""  # praise the question asks about (X牛不牛？ 很牛) answers it
            if not replied and not c_asks and not unknowing and not acknowledges and not fragment and not praise:
                f["first_reply"] = 1
                x += w["first_reply"]
            near = f["near"] = exp(-between / 4.0)
            x += w["near"] * near
            if "mentions_asker" in f and f["mentions_asker"]:
                f["late_reply_to_asker"] = v = f["mentions_asker"] * (1 - near)
                x += w["late_reply_to_asker"] * v
                # ... unless it takes up what the asker said since, more than the question
                follow = self.follow_up(q, c, k, own[own_before:bisect_left(own, k)], qids)
                if follow:
                    f["answers_follow_up"] = v
                    x += w["answers_follow_up"] * v
                    d["follow"] = follow
                else:
                    # ... or the asker has asked something else since (a question sharing none of this
                    # one's words): an @reply to the asker after it answers that latest question, not
                    # this earlier one
                    later = self._later_ask(asker, start, k, qids, q_words)
                    if later is not None:
                        f["answers_later_ask"] = v
                        x += w["answers_later_ask"] * v
                        d["later_ask"] = later
            if "asked_with_at" in f and f["asked_with_at"]:
                f["late_reply_when_asked"] = v = f["asked_with_at"] * (1 - near)
                x += w["late_reply_when_asked"] * v
            named = name_words & q_words if name_words else None  # name words have two characters or more
            if named:
                f["answerer_named"] = 1
                x += w["answerer_named"]
                d["named"] = "/".join(sorted(named))
            # a reply typed faster than one could read the question and write it came before it
            # (_gap(q.message, c) and _gap(last_q, c), inlined)
            if c_seconds is None:
                gap_q = gap = 0.0
            else:
                gap_q = 0.0 if q_seconds is None else max(0.0, c_seconds - q_seconds)
                gap = 0.0 if last_q.seconds is None else max(0.0, c_seconds - last_q.seconds)
            needed = (PICK_SECONDS if media else len(c.body) / TYPE_SPEED) + q_len_part
            if gap_q < needed and not reply_to:
                f["too_fast"] = v = FAR_TOO_FAST if gap_q < needed / 2 else 1
                x += w["too_fast"] * v
            if gap > 1200:
                f["late"] = v = math.log2(gap / 1200.0)
                x += w["late"] * v
                d["minutes"] = int(gap // 60)
            cover, shared, rare, mass = NO_OVERLAP if q_words.isdisjoint(word_set(c)) else self.overlap(q, c)
            if cover:
                # a question back repeats the question's words because it asks about it, not because it answers
                echo = ASKS_BACK if c_asks else 1
                f["coverage"] = v = cover * echo
                x += w["coverage"] * v
                f["shared_weight"] = v = min(1.0, mass / 12.0) * echo
                x += w["shared_weight"] * v
                d["shared"] = "/".join(shared)
            for other, r_pos, r in rivals(c, k):
                if other <= cover + 0.1:
                    break  # best first: no other rival fits better
                if r_pos >= rivals_from and r is not q and r.asker != asker and r.asker != who:
                    f["fits_other"] = 1
                    x += w["fits_other"]
                    break
            if rare:
                f["rare_shared"] = v = ASKS_BACK if c_asks else 1
                x += w["rare_shared"] * v
            if answer_form and EXISTENTIAL.match(c.body) and "有" not in q_text:
                answer_form = False  # 有一个…/有人… to a question not asked with 有: a statement, no yes
                f["existential"] = 1
                x += w["existential"]
            if yes_no and answer_form:
                f["yes_no"] = 1
                x += w["yes_no"]
            elif answer_form:
                f["answer_form"] = 1
                x += w["answer_form"]
            elif q_tail and not c_asks and not _ENDS_WITH_QMARK.search(c.body):
                echo = ECHO_LEAD.match(c.body)
                if echo and echo.group(2) in q_tail and (echo.group(1) or len(WORD_CHARS.findall(c.body)) <= ECHO_SHORT):
                    f["echoes"] = 1
                    x += w["echoes"]
            if media:
                f["media"] = 1
                x += w["media"]
            elif substance:
                f["substance"] = v = substance
                x += w["substance"] * v
            elif short and not f.get("yes_no"):
                f["very_short"] = 1
                x += w["very_short"]
            if c_asks:
                f["asks"] = v = 1 if not f.get("mentions_asker") or c.ask_strong else 0.5
                x += w["asks"] * v
            if everyone and not cover:
                f["to_everyone"] = 1
                x += w["to_everyone"]
            if laughter:
                f["laughter"] = 1
                x += w["laughter"]
            if greeting:
                f["greeting"] = 1
                x += w["greeting"]
            if unknowing:
                f["no_knowledge"] = 1
                x += w["no_knowledge"]
            if fragment:
                f["fragment"] = 1
                x += w["fragment"]
            if acknowledges:
                f["acknowledges"] = 1
                x += w["acknowledges"]
            if praise:
                f["praise"] = 1
                x += w["praise"]
                d["praise"] = praise
            if resumes and who in before and (aside or not cover) and self._first_since(who, start, k):
                f["resumes_own_talk"] = 1
                x += w["resumes_own_talk"]
                d["resumes"] = resumes
            if thanked.get(who, -1) > k:
                f["thanked"] = 1
                x += w["thanked"]
            for j in range(k + 1, min(n_originals, k + 3)):  # the asker speaks next (within 2)
                if facts[j][0] == asker:
                    if _gap(c, originals[j]) <= 300:
                        f["asker_follows"] = 1
                        x += w["asker_follows"]
                        reaction = reactions[j]  # how it landed (thanks count once, as 'thanked')
                        if reaction > 0 and "thanked" not in f:
                            f["asker_takes"] = 1
                            x += w["asker_takes"]
                        elif reaction < 0:
                            f["asker_rejects"] = 1
                            x += w["asker_rejects"]
                    break
            if others and not (f.get("mentions_asker") or f.get("quotes_question") or f.get("asked_with_at")):
                f["other_questions"] = v = min(others, 2)
                x += w["other_questions"] * v
            if who in before:
                f["in_thread"] = 1
                x += w["in_thread"]
            if prev_answer:
                f["after_answer"] = 1
                x += w["after_answer"]
            p = 1.0 / (1.0 + exp(-max(-30.0, min(30.0, x))))
            yield c, f, d, p
            prev_answer = p >= THRESHOLD
            if c_asks and not c_mentions:  # a new question to the group competes for the replies
                askers.append(who)
            elif not (unknowing or acknowledges or fragment or praise):  # "I don't know", thanks, a fragment, praise
                replied = True  # leave the question open for the first real reply

    # -------------------------------------------------------------- linking
    def link(self) -> list[Answer]:
        # (question, probability, (features, details)): reasons are written out only for the answers kept
        links: dict[str, list[tuple[Question, float, tuple[dict, dict]]]] = {}
        # (question, message) -> the score that ranks it and why, when it differs from its link score
        ranked: dict[tuple[str, str], tuple[float, str]] = {}
        boost = WEIGHTS["asked_with_at"] * VOCATIVE_CONFIDENCE
        back_boost = WEIGHTS["asked_with_at"] * ASKED_BACK_CONFIDENCE
        for q in self.questions:
            scored = list(self.candidates(q))
            # a doubtful question needs a sure answer before it counts as answered
            need = self._needed(q)
            if not any(s >= need for *_, s in scored):
                confirm = self._confirms_check(q, scored) if need > THRESHOLD else None
                if confirm is None:
                    continue
                self._confirmed[q.message.id] = confirm
                need = THRESHOLD
            # its first likely answer that is no question back
            self._first_reply[q.message.id] = next((self.pos[c.id] for c, _, _, s in scored if s >= need and not c.asks),
                                                   len(self.originals))
            # asked by name without @: the one named ranks first among the answers (which they are is
            # decided without it, so that a name neither answers a question nor adds a link)
            # so is the one asked back (a question with 你 right after their message)
            named = self.named(q)
            back = None if named else self.asked_back(q)
            asked, lift = (named[0], boost) if named else (back, back_boost)  # the member asked, and how much
            for c, f, d, s in scored:
                if s >= MORE_THRESHOLD:  # the reasons only of the links kept
                    links.setdefault(c.id, []).append((q, s, (f, d)))
                    if asked and not f.get("asked_with_at") and self.member(c) == asked:
                        x = math.log(s / (1.0 - s)) if s < 1.0 else 30.0
                        why = (f"was asked by name ({named[1]})" if named
                               else f"asks back the member who just spoke ({c.sender})")
                        ranked[(q.message.id, c.id)] = (1.0 / (1.0 + math.exp(-min(30.0, x + lift))), f"{why} ({lift:+.1f})")
        # each message to the question(s) it fits best
        per_question: dict[str, list[tuple[Message, float, tuple[dict, dict]]]] = {}
        overtaken: dict[str, list[Message]] = {}  # question -> the messages a later question took from it
        taken_from: dict[tuple[str, str], Question] = {}  # (later question, message) -> the question it was taken from
        for cid, options in links.items():
            best_q, best = max(((q, s) for q, s, _ in options), key=lambda t: t[1])
            c = self.originals[self.pos[cid]]
            kept = [(q, s, why) for q, s, why in options
                    if s >= (PAIR_SHARE if self._back_to_back(q, best_q) else SHARE_OF_BEST) * best]
            for q, s, why in kept:
                r = self._overtaken(q, c, why[0], kept) if len(kept) > 1 else None
                if r is not None:
                    overtaken.setdefault(q.message.id, []).append(c)
                    taken_from[(r.message.id, c.id)] = q
                    continue
                per_question.setdefault(q.message.id, []).append((c, s, why))
        answers: list[Answer] = []
        for q in self.questions:
            found = sorted(per_question.get(q.message.id, []), key=lambda t: self.pos[t[0].id])
            if q.message.id in overtaken:
                found = self._drop_rest_of_runs(q, found, overtaken[q.message.id])
            if not found:
                continue
            # the reply that made it answered went to another question it fits better (SHARE_OF_BEST):
            # the weaker messages left over are no answer to it
            if max(t[1] for t in found) < self._needed(q):
                continue
            thanked = self.thanked(q)
            groups: list[list[tuple[Message, float, tuple[dict, dict]]]] = []
            turned: set[str] = set()  # the leads of groups split off at a new turn addressed to the asker
            for item in found:
                c = item[0]
                if groups:
                    last = groups[-1][-1][0]
                    if self.member(last) == self.member(c) and _gap(last, c) <= RUN_SECONDS and self._only_between(last, c, {self.member(c), q.asker}):
                        # ... unless the asker spoke in between and the answerer then turns to the asker
                        # (a quote or an @ of the asker) when the run so far was addressed to no one: a
                        # new reply to the question, not more of the same answer (X: 这和前面那条差不多;
                        # asker: 嗯; X: @asker 可以，因为…)
                        if not (_addressed(item) and not self._only_between(last, c, {self.member(c)})
                                and not any(_addressed(t) for t in groups[-1])):
                            groups[-1].append(item)
                            continue
                        turned.add(c.id)
                groups.append([item])
            used: set[str] = set()
            for g in groups:
                turn = g[0][0].id in turned
                # a fragment, a thanks or praise leads no answer: the answer starts with the next message
                while len(g) > 1 and ("fragment" in g[0][2][0] or "acknowledges" in g[0][2][0] or "praise" in g[0][2][0]):
                    g = g[1:]
                # nor does a question back that the asker replied to before the answerer went on
                # (你说的是X？ — asker: 对 — the answer): it asks, the answer comes after the asker's reply.
                # Not when the question itself asks the answerer back about their own question (what they
                # ask then says what they meant), nor when the message also tells something (long, or a
                # statement after its ？)
                asked_first = None  # the question back left out: its score still ranks the answer
                while (len(g) > 1 and "asks" in g[0][2][0] and not _tells_after_ask(g[0][0].body)
                       and len(WORD_CHARS.findall(g[0][0].body)) <= QUESTION_BACK_CHARS
                       and not self._only_between(g[0][0], g[1][0], {self.member(g[0][0])})
                       and self.member(g[0][0]) not in self._asked_just_before(q)):
                    asked_first = asked_first or g[0]
                    g = g[1:]
                # nor does a message sent too fast to reply to it (it went on with the answerer's own
                # talk) when the next message of the group fits the question better
                while len(g) > 1 and "too_fast" in g[0][2][0] and g[1][1] > g[0][1]:
                    g = g[1:]
                # nor does a message that fits another open question better, when a later message of
                # the run takes up this question's words and fits it better: the answerer answered the
                # other question first, then this one
                lead_off = False
                while len(g) > 1 and "fits_other" in g[0][2][0]:
                    later = next((i for i in range(1, len(g)) if g[i][1] > g[0][1] and "coverage" in g[i][2][0]
                                  and "fits_other" not in g[i][2][0]), None)
                    if later is None:
                        break
                    lead_off = True
                    g = g[later:]
                msgs = [t[0] for t in g if t[0].id not in used]
                if not msgs:
                    continue
                taken = {m.id for m in msgs}
                msgs += [m for m in self._continuations(msgs[-1]) if m.id not in used and m.id not in taken]
                used.update(m.id for m in msgs)
                lead = g[0]
                why = reasons(*lead[2])
                earlier = taken_from.get((q.message.id, lead[0].id))
                if earlier is not None:
                    why.append(f"fits the earlier question {earlier.message.n} too, but the talk had moved on to this one")
                if asked_first:
                    why.append("follows the answerer's question back, which the asker replied to (the question back is "
                               "no answer; it still ranks the answer)")
                if lead_off:
                    why.append("starts where the answerer's run takes up this question (the run answered another question first)")
                if turn:
                    why.append("a new reply turned to the asker after the asker spoke (not part of the answerer's run before)")
                if self._confirmed.get(q.message.id) == lead[0].id:
                    why.append("a bare yes/no right after a yes/no check (a doubtful question answered without a sure answer)")
                if len(msgs) > 1:
                    why.append(f"continues over {len(msgs)} messages")
                who = self.member(msgs[0])
                ranks_by = asked_first or lead  # (the question back ranks the answer as before it was left out)
                lead_score = ranks_by[1]
                rank = ranked.get((q.message.id, ranks_by[0].id))
                if rank is not None:
                    lead_score = rank[0]
                    why.append(rank[1])
                answers.append(Answer(question=q, messages=msgs, answerer=who, score=round(lead_score, 3),
                                      reasons=why, accepted=thanked.get(who, -1) > self.pos[msgs[0].id]))
        # rank within each question
        by_q: dict[str, list[Answer]] = {}
        for a in answers:
            by_q.setdefault(a.question.message.id, []).append(a)
        for lst in by_q.values():
            qids = {x.id for x in lst[0].question.messages}
            # an explicit reply to the question (a quote, or the format's reply link) ranks first
            lst.sort(key=lambda a: (
                not any(m.reply_to in qids for m in a.messages),
                -(a.score + (0.05 if a.accepted else 0)),
                self.pos[a.lead.id],
            ))
            for r, a in enumerate(lst, 1):
                a.rank = r
        return answers

    def _overtaken(self, q: Question, c: Message, f: dict, kept: list) -> Optional[Question]:
        """The question r asked after q that takes the message c from q, or None. c fits both; r was
        asked after q had its first reply (an open question may get its first reply after another is
        asked), not by q's asker in a row with q, nor as q asked again (a me-too); and c is addressed
        no more to q than to r (a quote, an @ of q's asker or by the one q asked, the asker's thanks,
        a name) and shares no more of q's words than of r's: the talk has moved on to r."""
        q_last = max(self.pos[m.id] for m in q.messages)
        first = self._first_reply[q.message.id]
        for r, _, why in kept:
            r_pos = self.pos[r.message.id]
            if r is q or r_pos <= q_last or first >= r_pos or self._back_to_back(q, r):
                continue
            # r asks q again (a me-too), or another member asks back about q's specific term: r takes q up
            cover, _, rare, _ = self.overlap(q, r.message)
            if cover >= SAME_QUESTION or rare:
                continue
            fr = why[0]
            if "quotes_question" in f or ("thanked" in f and "thanked" not in fr):
                return None
            if any(f.get(k, 0) > fr.get(k, 0) for k in OWN_CLAIMS):
                return None
            if self.overlap(q, c)[3] > self.overlap(r, c)[3]:
                return None
            return r
        return None

    def _drop_rest_of_runs(self, q: Question, found: list, taken: list[Message]) -> list:
        """Without the messages a later question took from q (_overtaken), nor the rest of their
        answerers' runs (the same member going on within RUN_SECONDS, no one else between): a run stays
        whole, unless a message of it is addressed to q's asker (a quote, an @)."""
        taken_ids = {m.id for m in taken}
        last: dict[str, Message] = {}  # member -> the last message of their run dropped
        out = []
        events = sorted([(self.pos[m.id], m, None) for m in taken] +
                        [(self.pos[t[0].id], t[0], t) for t in found if t[0].id not in taken_ids],
                        key=lambda e: e[0])
        for _, m, item in events:
            who = self.member(m)
            prev = last.get(who)
            if item is None or (prev is not None and _gap(prev, m) <= RUN_SECONDS and self._only_between(prev, m, {who})
                                and not _addressed(item)):
                last[who] = m
                continue
            out.append(item)
        return out

    def _asked_just_before(self, q: Question) -> set[str]:
        """The members other than the asker whose message just before the question (ASKED_JUST_BEFORE
        messages) asks something: the question may ask them back what they meant."""
        first = min(self.pos[m.id] for m in q.messages)
        return {self.member(m) for m in self.originals[max(0, first - ASKED_JUST_BEFORE):first]
                if m.asks and self.member(m) != q.asker}

    def _needed(self, q: Question) -> float:
        """The score the top answer of q must reach: a doubtful question needs a sure answer, unless
        a bare yes/no confirmed it as a check (_confirms_check)."""
        return THRESHOLD if q.score >= DOUBTFUL_QUESTION or q.message.id in self._confirmed else SURE_ANSWER

    def _confirms_check(self, q: Question, scored: list) -> Optional[str]:
        """The id of a bare yes/no (BARE_YES_NO) that is the first likely reply to q, right after it
        (at most CHECK_REPLY_BETWEEN messages between), when q is a yes/no check: a question mark, 吗/吧,
        an A-not-A form, and no question word (谁/什么/咋… ask for something a yes cannot give)."""
        if any(w in m.body for m in q.messages for w in WH_WORDS):
            return None
        if not any(YES_NO_QUESTION.search(m.body) or CHECK_BA.search(m.body) or "?" in m.body or "？" in m.body
                   for m in q.messages):
            return None
        first = next(((c, f) for c, f, _, s in scored if s >= THRESHOLD), None)
        if first is None:
            return None
        c, f = first
        if (f.get("near", 0.0) < math.exp(-CHECK_REPLY_BETWEEN / 4.0) - 1e-9
                or c.asks or not BARE_YES_NO.match(c.body.strip())):
            return None
        return c.id

    def _back_to_back(self, q1: Question, q2: Question) -> bool:
        """q1 and then q2 asked by one asker in a row (only the asker spoke between, within
        PAIR_SECONDS): a reply to the second often answers both."""
        if q1 is q2 or q1.asker != q2.asker:
            return False
        last = self.originals[max(self.pos[m.id] for m in q1.messages)]
        first = self.originals[min(self.pos[m.id] for m in q2.messages)]
        if self.pos[first.id] <= self.pos[last.id] or _gap(last, first) > PAIR_SECONDS:
            return False
        return self._only_between(last, first, {q1.asker})

    def _next_by(self, member: str, k: int) -> Optional[int]:
        """Position of the member's next message after position k (within a few messages)."""
        for j in range(k + 1, min(len(self.originals), k + 4)):
            if self.member(self.originals[j]) == member:
                return j
        return None

    def _only_between(self, a: Message, b: Message, allowed: set[str]) -> bool:
        for k in range(self.pos[a.id] + 1, self.pos[b.id]):
            if self.member(self.originals[k]) not in allowed:
                return False
        return True

    def _continuations(self, last: Message) -> list[Message]:
        """The answerer's next messages that go on with the answer (no one else spoke)."""
        out = []
        k = self.pos[last.id] + 1
        who = self.member(last)
        prev = last
        while k < len(self.originals):
            o = self.originals[k]
            if self.member(o) != who or _gap(prev, o) > CONTINUATION_SECONDS or o.asks or is_non_answer(o):
                break
            out.append(o)
            prev = o
            k += 1
        return out


def _addressed(item: tuple[Message, float, tuple[dict, dict]]) -> bool:
    """A linked message (message, score, (features, details)) quotes the question or @mentions its asker."""
    f = item[2][0]
    return "quotes_question" in f or bool(f.get("mentions_asker"))


def link_answers(msgs: list[Message], questions: list[Question], directory, idf: Idf) -> list[Answer]:
    return Linker(msgs, questions, directory, idf).link()
