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
from .segment import content_words

THRESHOLD = 0.5

QUESTION_WORDS = {
    "什么", "怎么", "怎样", "怎么样", "如何", "为什么", "为何", "为啥", "啥", "哪", "哪里", "哪儿", "哪个",
    "哪些", "哪家", "哪种", "哪位", "谁", "多少", "多久", "多大", "多长", "多远", "多高", "是否", "能否", "可否",
    "有无", "咋", "咋办", "咋样", "干嘛", "何时", "什么样", "怎么办", "啥样", "几个", "几点", "几种", "几家",
    "几天", "几号", "几楼", "几级", "几次", "几年", "几月", "几岁", "几何", "几", "怎么弄", "怎么做", "啥时候",
    "什么时候", "哪些地方", "如何是好", "咋整", "多少钱", "啥意思", "什么意思", "区别", "有何",
}
# words that make a following question word indirect: 不知道为什么, 无论什么
INDIRECT = {"不知道", "不管", "无论", "不论", "没什么", "没啥", "没有什么", "知道", "不清楚", "忘了", "管他", "随便"}
FINAL_PARTICLES = {"吗", "么", "嘛", "麽", "不", "没", "否", "没有", "木有"}
A_NOT_A = re.compile(r"(有没有|是不是|能不能|会不会|可不可以|要不要|用不用|行不行|对不对|好不好|算不算|需不需要|"
                     r"该不该|能否|可否|是否|有木有|有无|可以不|行吗|对吗|好吗|用没用|做没做|有没|去不去|支不支持|"
                     r"([\u4e00-\u9fff])不\2)")
REQUEST = re.compile(r"(请教|请问|求推荐|求助|求问|求教|求解|求分享|求个|求一个|求一份|求份|求大神|求指点|想了解|想问|想请教|"
                     r"问一下|问下|问个问题|咨询|谁有|谁知道|谁了解|谁做过|哪位|有没有人|有人.{0,24}[吗么]|有谁|推荐一下|"
                     r"推荐个|推荐几|给推荐|帮忙看|帮看|指点|指教|打听|了解一下|想知道|请大家|请各位|大家.{0,6}怎么|"
                     r"有.{0,12}推荐|麻烦.{0,20}(一下|下)|能.{0,8}介绍)")
RHETORICAL = re.compile(r"(不是.{0,30}[吗么嘛]|难道|何必|何苦|这不就|不就是|不就|岂不|怎么可能|哪有|有什么用|有啥用|"
                        r"又如何|何尝|谁说|还不是|不也是|能怎样|能怎么样|又怎样|有什么好|有啥好|凭什么|何况|"
                        r"怎么会有|至于吗|至于么|好意思|是人吗|你猜|猜猜|开玩笑|谁让你|谁叫你)")
REACTION = re.compile(r"^(是吗|是么|是嘛|真的吗|真的么|真的|真的假的|啥|啥情况|啥意思|什么鬼|什么情况|what|why|"
                      r"咋了|咋回事|怎么了|然后呢|不会吧|不是吧|这么|这么多|这么贵|这么快|为啥|为什么|所以呢|"
                      r"是不是|对吧|对不|好吧|好吗|在吗|有吗|哪个|谁|啊|哦|嗯|嗯嗯|\?+|？+)[\s?？!！。.~～…]*$", re.I)
LAUGHTER = re.compile(r"(哈哈|呵呵|嘿嘿|嘻嘻|hhh|233|😂|😄|笑死|开玩笑|玩笑)", re.I)
JOKE_EMOJI = {"奸笑", "坏笑", "偷笑", "捂脸", "呲牙", "阴险", "调皮", "抠鼻", "色", "嘿哈", "机智", "憨笑", "笑哭"}
SETUP_MIN = 12  # characters of a statement that sets up the question before it
CONTEXT_SECONDS = 180


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _tail(text: str) -> str:
    """The end of a text without trailing emoji codes, spaces and '~'."""
    t = re.sub(r"(\[[^\[\]]{1,8}\]|\s|[~～。.…!！])+$", "", text)
    return t


def question_cues(m: Message, prev: list[Message]) -> tuple[float, list[str], dict]:
    """Score one message as a question. Returns (score in 0..1, reasons, flags)."""
    flags: dict = {}
    if m.kind not in ("text", "link") or m.copy_of:
        return 0.0, [], flags
    body = m.body
    tokens = m.tokens
    reasons: list[str] = []
    x = -1.5
    if not body:
        return 0.0, [], flags
    tail = _tail(body)
    core = re.sub(r"[\s?？!！。.,，~～…]+", "", body)

    def cue(weight: float, reason: str):
        nonlocal x
        x += weight
        reasons.append(f"{reason} ({weight:+.1f})")

    strong = False
    if re.search(r"[^?？]？$|^？$", tail) or re.search(r"[^?]\?$", tail) and not re.search(r"\?\?$", tail):
        cue(2.5, "ends with a question mark")
        strong = True
    elif "？" in body or re.search(r"[\u4e00-\u9fff]\?(?!\?)", body):
        cue(1.5, "question mark inside")
        strong = True
    elif re.search(r"\?\?+$", tail):
        cue(0.6, "ends with '??' (a question mark, or lost characters)")
    end_tokens = [t for t in tokens if re.search(r"[\w\u4e00-\u9fff]", t)]
    last = end_tokens[-1] if end_tokens else ""
    qword_at = None
    for i, t in enumerate(tokens):
        if t in QUESTION_WORDS:
            before = set(tokens[max(0, i - 3):i])
            after = tokens[i + 1:i + 3]
            if before & INDIRECT or (after and after[0] in ("都", "也")):
                continue
            qword_at = t
            break
    if last in FINAL_PARTICLES and len(end_tokens) >= 2:
        cue(2.0, f"ends with {last}")
        flags["particle"] = True
    elif last == "呢":
        if qword_at:
            cue(1.0, "呢 after a question word")
        else:
            cue(0.4, "ends with 呢")
        flags["particle"] = True
    elif last == "吧":
        cue(0.3, "ends with 吧 (weak)")
    if qword_at:
        cue(1.5, f"question word {qword_at}")
        flags["qword"] = True
    ana = A_NOT_A.search(body)
    if ana:
        cue(1.5, f"A-not-A form {ana.group(1)}")
        flags["anota"] = True
    req = REQUEST.search(body)
    if req:
        cue(2.0, f"request {req.group(1)[:8]}")
        flags["request"] = True
    if m.mentions and (strong or flags.get("particle") or qword_at or ana):
        cue(0.5, "addressed with @")
    asks = strong or flags.get("particle") or qword_at or ana or req
    if not asks:
        return _sigmoid(x), reasons, flags
    # --- forms that look like questions but are not
    rh = RHETORICAL.search(body)
    if rh and not req:
        cue(-3.0, f"rhetorical {rh.group(1)[:8]}")
        flags["rhetorical"] = True
    if REACTION.match(core or body) or (len(core) <= 2 and not req):
        cue(-3.0, "a reaction, not a question")
    elif len(core) <= 4 and not (qword_at or req or flags.get("particle") or ana):
        cue(-1.0, "very short")
    if LAUGHTER.search(body) or set(m.emojis) & JOKE_EMOJI:
        cue(-0.8, "laughter or a joking emoji")
    if ("!" in body or "！" in body) and not strong:
        cue(-0.5, "an exclamation")
    if not (qword_at or req or flags.get("particle") or ana) and len(core) <= 10:
        # "大商户模式？" right after someone else's question is a tentative answer
        for p in prev[-4:]:
            if p.sender != m.sender and p.asks and _gap(p, m) < 600:
                cue(-1.5, "a tentative answer to the question before")
                break
        else:
            for p in prev[-3:]:
                pc = re.sub(r"[\s?？!！。.,，]+", "", p.text)
                if core and len(core) >= 2 and core in pc and p.sender != m.sender:
                    cue(-2.0, "echoes the message before")
                    break
    after_q = re.split(r"[？?]", body, maxsplit=1)
    if len(after_q) == 2 and len(re.sub(r"\W", "", after_q[1])) >= 14 and re.match(r"\s*(因为|其实|就是|所以|是因为|答案|我觉得|我认为)", after_q[1]):
        cue(-1.5, "answers itself in the same breath")
    return _sigmoid(x), reasons, flags


def _gap(a: Message, b: Message) -> float:
    if a.seconds is None or b.seconds is None:
        return 0
    return abs(b.seconds - a.seconds)


def detect_questions(msgs: list[Message], member) -> list[Question]:
    """The questions of one conversation, in order. ``member(sender)`` gives a member id."""
    originals = [m for m in msgs if not m.copy_of]
    scored: list[tuple[Message, float, list[str], dict]] = []
    prev: list[Message] = []
    for m in originals:
        s, reasons, flags = question_cues(m, prev)
        m.asks = s >= THRESHOLD
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
        # one asker's run of asking messages with no one else in between is one question
        group = [(m, s, reasons)]
        j = i + 1
        while j < len(scored):
            o = scored[j][0]
            if o.sender != m.sender or _gap(group[-1][0], o) > CONTEXT_SECONDS:
                break
            if scored[j][1] >= THRESHOLD:
                group.append((o, scored[j][1], scored[j][2]))
                j += 1
                continue
            # a short continuation of the ask (no one else spoke): context
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
