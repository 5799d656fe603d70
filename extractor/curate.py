"""What a question is about and whether it is worth publishing.

``keywords`` picks the question's most telling jieba words by TF-IDF;
``publish`` decides whether a question belongs in the published knowledge
base (substance: a professional topic) or not (group logistics, banter,
small talk), with the reasons.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from .records import Answer, Question
from .segment import content_words

LOGISTICS = re.compile(
    r"(几点|什么时候开始|啥时候开始|开始了吗|直播|录音|录像|回放|视频|ppt|PPT|课件|slides|报名|名额|签到|入群|进群|拉群|拉我|"
    r"加群|群里|群主|群名|改名|昵称|红包|分享会|活动|地址|会场|在哪里|在哪儿|在哪|停车|门票|几号|哪天|周几|"
    r"今晚|明晚|晚上|今天|明天|下周|发一下|发下|发群里|公众号|二维码|链接|网盘|百度云|密码)", re.I)
BANTER = re.compile(
    r"(吃饭|吃啥|吃什么|吃点|午饭|晚饭|中午|饭点|下班了|喝酒|吃了|好吃|喝茶|咖啡|睡觉|早上好|晚安|天气|下雨|下雪|冷不冷|热不热|放假|假期|过年|回家|旅游|旅行|玩不|"
    r"好玩|美女|帅哥|妹子|老婆|女朋友|男朋友|结婚|孩子|哪里人|老家|工资多少|年终奖|发财|土豪|真的假的|开玩笑|"
    r"签名版|快递|发货|日本玩|打牌|游戏|球赛|世界杯|电影|段子|红灯|人妖|赌场|赌|彩票)", re.I)
JOKE = re.compile(r"(哈哈|呵呵|嘿嘿|233|笑死|\[(奸笑|坏笑|偷笑|捂脸|呲牙|阴险|调皮|抠鼻|色|嘿哈|机智|憨笑)\])")
PUBLISH_THRESHOLD = 0.5


def keywords(q: Question, idf, limit: int = 5) -> list[str]:
    tf = Counter()
    for m in q.messages:
        tf.update(w for w in content_words(m.tokens) if len(w) >= 2 or not w.isascii())
    ranked = sorted(tf, key=lambda w: (-(tf[w] * idf(w)), w))
    return ranked[:limit]


def publish(q: Question, answers: list[Answer], idf) -> tuple[bool, float, list[str]]:
    """Is the question worth keeping in the published knowledge base?"""
    text = " ".join(m.text for m in q.messages)
    words = [w for m in q.messages for w in content_words(m.tokens)]
    reasons: list[str] = []
    x = -0.5

    def cue(w: float, why: str):
        nonlocal x
        x += w
        reasons.append(f"{why} ({w:+.1f})")

    distinct = set(words)
    if len(distinct) >= 6:
        cue(1.5, f"{len(distinct)} content words")
    elif len(distinct) >= 3:
        cue(0.8, f"{len(distinct)} content words")
    elif len(distinct) <= 1:
        cue(-1.0, "almost no content words")
    rare = [w for w in distinct if idf(w) >= idf.rare and len(w) >= 2]
    if rare:
        cue(min(1.2, 0.4 * len(rare)), "specific terms " + "/".join(sorted(rare)[:3]))
    if re.search(r"[A-Za-z]{2,}", text):
        cue(0.3, "technical terms in Latin letters")
    lg = LOGISTICS.search(text)
    if lg:
        cue(-1.2, f"group logistics ({lg.group(1)})")
    bt = BANTER.search(text)
    if bt:
        cue(-1.5, f"small talk ({bt.group(1)})")
    if JOKE.search(" ".join(m.raw for m in q.messages)):
        cue(-0.8, "joking tone")
    if "request" in " ".join(q.reasons) or "请教" in text:
        cue(0.6, "asks the group for expertise")
    p = 1.0 / (1.0 + math.exp(-x))
    return p >= PUBLISH_THRESHOLD, round(p, 3), reasons
