"""Answer linking: which later messages answer which question.

Every (question, message) pair within reach gets a score from explainable
features: a quoted reply to the question (near-certain), @mentions between
asker and answerer (resolved through aliases), closeness in messages and
minutes, lexical overlap of jieba words weighted by an IDF learned from the
corpus, a yes/no reply to a yes/no question, the asker's thanks afterwards,
and penalties for follow-up questions, replies addressed to someone else,
laughter, applause and emoji. A message goes to the question(s) it fits best;
one answerer's consecutive messages form one answer; answers are ranked.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from .records import Answer, Message, Question
from .segment import content_words

THRESHOLD = 0.5
WINDOW_MESSAGES = 40
WINDOW_SECONDS = 2 * 3600
CONTINUATION_SECONDS = 120
SHARE_OF_BEST = 0.8  # a message also answers a second question if it fits it nearly as well

NOT_ANSWER = re.compile(
    r"^(哈+|呵+|嘿+|嘻+|h+|2333+|6+|赞+|牛+|牛逼|牛b|厉害|厉害了|学习了?|学到了|涨知识了?|mark|马克|围观|同问|同求|"
    r"\+1|＋1|顶|关注|坐等|等答案|蹲一个|插眼|我也想知道|我也想问|一样|同|路过|收藏|好的?|嗯+|恩+|哦+|噢+|额+|呃+|ok|"
    r"谢谢|多谢|感谢|谢了|thx|thanks|3q|早|早上好|晚安|欢迎|鼓掌|威武|霸气|[。.…!！~～]+)[\s。.…!！~～,，]*$",
    re.I,
)
THANKS = re.compile(r"(谢谢|多谢|感谢|谢了|谢啦|thx|thanks|thank you|3q|明白了|懂了|学习了|受教|了解了|原来如此|长见识|涨知识|"
                    r"get了|收到|清楚了|有道理|懂啦|明白啦)", re.I)
THANKS_EMOJI = {"抱拳", "强", "握手", "OK", "玫瑰", "好的", "谢谢"}
YES_NO = re.compile(r"^(是的?|不是|对|不对|可以|不可以|不行|行|能|不能|会|不会|有|没有|没|要|不要|不用|需要|不需要|用|没用|"
                    r"应该|肯定|当然|一般|支持|不支持|算|不算|必须|对的|错|yes|no|嗯|恩)", re.I)
LAUGHTER = re.compile(r"(哈哈|呵呵|嘿嘿|嘻嘻|笑死|233)")


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


class Idf:
    """Inverse document frequency of words, learned from the corpus being built."""

    def __init__(self, df: dict[str, int], docs: int):
        self.df = df
        self.docs = max(docs, 1)
        # words in fewer than 0.2% of messages count as specific terms
        self.rare = math.log((self.docs + 1) / (self.docs * 0.002 + 1)) + 1

    def __call__(self, word: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(word, 0) + 1)) + 1


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
    body = re.sub(r"\s+", "", m.body)
    if m.kind == "text" and (not body or NOT_ANSWER.match(body)):
        return "laughter, thanks or applause"
    return None


class Linker:
    def __init__(self, msgs: list[Message], questions: list[Question], directory, idf: Idf):
        self.originals = [m for m in msgs if not m.copy_of]
        self.pos = {m.id: i for i, m in enumerate(self.originals)}
        self.questions = questions
        self.dir = directory
        self.idf = idf
        self._vec_cache: dict[str, dict[str, float]] = {}
        self._mentioned: dict[str, set[str]] = {}
        self._words: dict[str, list[str]] = {}

    # -------------------------------------------------------------- helpers
    def member(self, m: Message) -> str:
        return m.member_id or self.dir.member(m.sender)

    def mentioned(self, m: Message) -> set[str]:
        out = self._mentioned.get(m.id)
        if out is None:
            out = set()
            for name in m.mentions:
                who, conf, _ = self.dir.resolve(name)
                if who and conf >= 0.3:
                    out.add(who)
            self._mentioned[m.id] = out
        return out

    def words(self, m: Message) -> list[str]:
        out = self._words.get(m.id)
        if out is None:
            out = self._words[m.id] = content_words(m.tokens)
        return out

    def vector(self, key: str, msgs: list[Message]) -> dict[str, float]:
        v = self._vec_cache.get(key)
        if v is None:
            v = {}
            for m in msgs:
                for w in self.words(m):
                    v[w] = self.idf(w)
            self._vec_cache[key] = v
        return v

    def overlap(self, q: Question, c: Message) -> tuple[float, list[str]]:
        qv = self.vector("q" + q.message.id, q.messages)
        cv = self.vector(c.id, [c])
        if not qv or not cv:
            return 0.0, []
        shared = [w for w in cv if w in qv]
        if not shared:
            return 0.0, []
        num = sum(qv[w] * cv[w] for w in shared)
        den = math.sqrt(sum(x * x for x in qv.values())) * math.sqrt(sum(x * x for x in cv.values()))
        shared.sort(key=lambda w: -qv[w])
        return num / den, shared[:4]

    # -------------------------------------------------------------- scoring
    def thanked(self, q: Question) -> dict[str, str]:
        """Members the asker thanked after the question: member -> the thanks text."""
        key = "t" + q.message.id
        if key not in self._vec_cache:
            self._vec_cache[key] = self._thanked(q)
        return self._vec_cache[key]

    def _thanked(self, q: Question) -> dict[str, str]:
        asker = q.asker
        start = self.pos[q.message.id]
        out: dict[str, str] = {}
        for k in range(start + 1, min(len(self.originals), start + WINDOW_MESSAGES)):
            m = self.originals[k]
            if _gap(q.message, m) > WINDOW_SECONDS:
                break
            if self.member(m) != asker or m in q.context:
                continue
            if not (THANKS.search(m.text) or (m.kind == "emoji" and set(m.emojis) & THANKS_EMOJI)):
                continue
            targets = self.mentioned(m)
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
                out.setdefault(t, m.text[:30])
        return out

    def score(self, q: Question, c: Message, thanked: dict[str, str], yes_no: bool, between: int, last_q: Message) -> tuple[float, list[str]]:
        reasons: list[str] = []
        x = -2.0

        def cue(w: float, why: str):
            nonlocal x
            x += w
            reasons.append(f"{why} ({w:+.1f})")

        qids = {m.id for m in q.messages}
        if c.reply_to in qids:
            cue(4.0, "quotes the question")
        elif c.reply_to:
            cue(-1.5, "quotes another message")
        cm = self.mentioned(c)
        if q.asker in cm:
            cue(2.0, "@mentions the asker")
        elif cm:
            cue(-1.5, "addressed to someone else")
        elif c.mentions:
            cue(-0.5, "@mentions someone unknown")
        qm = set()
        for m in q.messages:
            qm |= self.mentioned(m)
        me = self.member(c)
        if me in qm:
            cue(2.0, "was asked with @")
        elif qm:
            cue(-0.7, "the question was addressed to someone else")
        # closeness: messages by others between the question and this one
        if between == 0:
            cue(0.8, "first reply after the question")
        cue(1.6 * math.exp(-between / 4.0), f"{between} messages after the question")
        # time since the asker last spoke about it
        gap = _gap(last_q, c)
        if gap > 1200:
            cue(-0.6 * math.log2(gap / 1200.0), f"{int(gap // 60)} minutes later")
        sim, shared = self.overlap(q, c)
        if sim > 0:
            cue(3.0 * sim, "shares words " + "/".join(shared))
        if yes_no and YES_NO.match(c.body):
            cue(0.7, "a yes/no reply to a yes/no question")
        words = self.words(c)
        if c.kind in ("image", "file", "link"):
            cue(0.4, f"sends {c.kind}")
        elif len(words) >= 3:
            cue(0.4, "has substance")
        elif len(re.sub(r"\W", "", c.body)) <= 2 and not (yes_no and YES_NO.match(c.body)):
            cue(-0.6, "very short")
        if c.asks:
            cue(-1.8 if q.asker not in cm else -0.8, "asks a question itself")
        if LAUGHTER.search(c.body) or (set(c.emojis) & {"奸笑", "坏笑", "偷笑", "捂脸", "呲牙", "阴险", "调皮"}):
            cue(-0.7, "laughter or a joking emoji")
        if me in thanked:
            cue(1.5, "the asker thanked them")
        return _sigmoid(x), reasons

    # -------------------------------------------------------------- linking
    def link(self) -> list[Answer]:
        links: dict[str, list[tuple[Question, float, list[str]]]] = {}
        for q in self.questions:
            thanked = self.thanked(q)
            yes_no = any(
                re.search(r"(吗|么|嘛|不|没)[\s?？]*$", m.body) or re.search(r"(有没有|是不是|能不能|会不会|可不可以|要不要|是否|能否)", m.body)
                for m in q.messages
            )
            start = self.pos[q.message.id]
            qids = {m.id for m in q.messages}
            between = 0
            last_q = q.message
            for k in range(start + 1, min(len(self.originals), start + 1 + WINDOW_MESSAGES)):
                c = self.originals[k]
                if _gap(q.message, c) > WINDOW_SECONDS:
                    break
                if c.id in qids:
                    last_q = c
                    continue
                if self.member(c) == q.asker or c.kind == "system":
                    continue
                if is_non_answer(c):
                    between += 1
                    continue
                s, reasons = self.score(q, c, thanked, yes_no, between, last_q)
                between += 1
                if s >= THRESHOLD:
                    links.setdefault(c.id, []).append((q, s, reasons))
        # each message to the question(s) it fits best
        per_question: dict[str, list[tuple[Message, float, list[str]]]] = {}
        for cid, options in links.items():
            best = max(s for _, s, _ in options)
            c = self.originals[self.pos[cid]]
            for q, s, reasons in options:
                if s >= SHARE_OF_BEST * best:
                    per_question.setdefault(q.message.id, []).append((c, s, reasons))
        answers: list[Answer] = []
        for q in self.questions:
            found = sorted(per_question.get(q.message.id, []), key=lambda t: self.pos[t[0].id])
            if not found:
                continue
            thanked = self.thanked(q)
            groups: list[list[tuple[Message, float, list[str]]]] = []
            for item in found:
                c = item[0]
                if groups:
                    last = groups[-1][-1][0]
                    if self.member(last) == self.member(c) and _gap(last, c) <= 300 and self._only_between(last, c, {self.member(c), q.asker}):
                        groups[-1].append(item)
                        continue
                groups.append([item])
            for g in groups:
                msgs = [t[0] for t in g]
                msgs += self._continuations(msgs[-1], q)
                s = max(t[1] for t in g)
                lead = max(g, key=lambda t: t[1])
                reasons = list(lead[2])
                if len(msgs) > 1:
                    reasons.append(f"continues over {len(msgs)} messages")
                who = self.member(msgs[0])
                answers.append(Answer(question=q, messages=msgs, answerer=who, score=round(s, 3), reasons=reasons, accepted=who in thanked))
        # rank within each question
        by_q: dict[str, list[Answer]] = {}
        for a in answers:
            by_q.setdefault(a.question.message.id, []).append(a)
        for lst in by_q.values():
            # an explicit reply to the question (a quote, or the format's reply link) ranks first
            lst.sort(key=lambda a: (
                not any(m.reply_to in {x.id for x in a.question.messages} for m in a.messages),
                -(a.score + (0.1 if a.accepted else 0)),
                self.pos[a.lead.id],
            ))
            for r, a in enumerate(lst, 1):
                a.rank = r
        return answers

    def _only_between(self, a: Message, b: Message, allowed: set[str]) -> bool:
        for k in range(self.pos[a.id] + 1, self.pos[b.id]):
            if self.member(self.originals[k]) not in allowed:
                return False
        return True

    def _continuations(self, last: Message, q: Question) -> list[Message]:
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


def link_answers(msgs: list[Message], questions: list[Question], directory, idf: Idf) -> list[Answer]:
    return Linker(msgs, questions, directory, idf).link()
