"""Members, their names and aliases, and the resolution of @mentions.

Evidence is collected per conversation (``collect_evidence``), kept per source
in the database so that incremental builds need not re-read old files, and
combined over the whole corpus by ``Directory``:

- duplicate copies (one message at the same second under two names) make the
  two names one member;
- a quoted reply 「name: text」 whose text is a message of sender S makes
  ``name`` an alias of S;
- a mention ``@name`` is matched to members by normalised names, prefixes and
  name parts, and by behaviour: whom the mentioner was replying to, and who
  speaks right after being mentioned.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Optional

from .normalize import name_key, squash
from .records import Message

# patterns used in the hot paths, compiled once (re.<function>(pattern, ...) looks each up in re's cache)
_EMOJI_CODE = re.compile(r"\[[^\]]{1,8}\]")


PART_SPLIT = re.compile(r"[\s\-_~～+＋·•、,，/|()（）\[\]【】@＠:：.。&＆#＃]+")
BEHAVIOUR_WINDOW = 8  # messages
BEHAVIOUR_SECONDS = 15 * 60
SUBSTANTIVE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# the common Chinese surnames: a name part of three Han characters that starts with one is a personal
# name (冯志远-某银行-研发), and two personal names with different surnames are two people (two characters
# are too often a nickname or a place: 熊猫, 苏行)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢"
    "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛"
    "靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾尤穆卓缪简车项连麦褚娄窦戚岑党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬栾"
    "隋商刁荣巫寇桑郎甄丛仲虞敖巩佘池查迟邝")
HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{3}$")
# a member seen around the mentions of a personal name that is not theirs (another surname) is a bystander
OTHER_SURNAME = 0.3
SAME_SURNAME = 0.1  # ... and one with the same surname is more likely its owner


def personal_name(name: str) -> Optional[str]:
    """The name's first part when it is a Chinese personal name (a common surname and two characters):
    冯志远 in 冯志远-前某某-研发; else None."""
    parts = name_parts(name)
    if parts and HAN_NAME.match(parts[0]) and parts[0][0] in SURNAMES:
        return parts[0]
    return None


# forms of address around a name: 老王, 小王, 阿王; 王总, 王哥, 王老师, 王工 ...
ADDRESS_PREFIX = re.compile(r"^(老|小|阿)(?=[\u4e00-\u9fff])")
ADDRESS_SUFFIX = re.compile(r"(总|哥|姐|老师|师傅|工|兄|大神|大佬|同学|老板|哥哥|姐姐|大哥|大姐)$")
# words that look like a form of address but name nobody (老师, 小哥, 老铁 ...)
ADDRESS_WORDS = frozenset({"老师", "老板", "老大", "老哥", "老兄", "老铁", "老乡", "老弟", "老姐", "老总", "老婆", "老公",
                           "小哥", "小姐", "小弟", "小白", "小伙", "小编", "小妹", "阿姨", "老司机", "小伙伴", "小朋友",
                           "老大哥", "小哥哥", "小姐姐", "大哥", "大姐", "大神", "大佬", "同学", "兄弟", "师傅"})
HAN_CHARS = re.compile(r"^[\u4e00-\u9fff]+$")


def address_cores(opening: str) -> list[str]:
    """The names inside a form of address (老王 → 王, 王总 → 王, tony哥 → tony); none when the
    opening is no form of address, or the form alone (老师)."""
    out = []
    if opening in ADDRESS_WORDS:
        return out
    m = ADDRESS_SUFFIX.search(opening)
    if m and m.start() > 0:
        out.append(opening[:m.start()])
    m = ADDRESS_PREFIX.match(opening)
    if m and len(opening) <= 3:
        out.append(opening[1:])
    return [c for c in out if c and len(c) <= 8]


def name_parts(name: str) -> list[str]:
    name = unicodedata.normalize("NFKC", name).lower().replace("?", " ")
    return [p for p in PART_SPLIT.split(name) if p]


def _substantive(text: str) -> bool:
    """Text long enough that two people typing it in the same second is unlikely."""
    stripped = _EMOJI_CODE.sub("", text)
    return len(SUBSTANTIVE.findall(stripped)) >= 6


def collect_evidence(msgs: list[Message], candidates: list[tuple[int, int]], doubled: bool) -> dict:
    """What one conversation says about who is who. JSON-serialisable."""
    senders = Counter(m.sender for m in msgs if m.kind != "system")
    copies = [
        [msgs[i].sender, msgs[j].sender, _substantive(msgs[i].raw)]
        for i, j in candidates
    ]
    mentions = []
    originals = [m for m in msgs if not m.copy_of]
    for k, m in enumerate(originals):
        for name in dict.fromkeys(m.mentions):  # each name once, in order (deterministic)
            before, after = {}, {}
            for d in range(1, BEHAVIOUR_WINDOW + 1):
                if k - d < 0:
                    break
                o = originals[k - d]
                if _gap(o, m) > BEHAVIOUR_SECONDS:
                    break
                if o.sender != m.sender and o.kind != "system":
                    before.setdefault(o.sender, d)
            for d in range(1, BEHAVIOUR_WINDOW + 1):
                if k + d >= len(originals):
                    break
                o = originals[k + d]
                if _gap(m, o) > BEHAVIOUR_SECONDS:
                    break
                if o.sender != m.sender and o.kind != "system":
                    after.setdefault(o.sender, d)
            mentions.append([name, m.sender, before, after])
    quotes = []
    by_id = {m.id: m for m in msgs}
    for m in msgs:
        if m.quote_sender:
            target = by_id.get(m.reply_to) if m.reply_to else None
            # only a quote of the whole message says who wrote it (a part may be someone's echo)
            exact = target is not None and squash(target.text) == squash(m.quote_text)
            quotes.append([m.quote_sender, target.sender if exact else None])
    return {"senders": dict(senders), "copies": copies, "doubled": doubled, "mentions": mentions, "quotes": quotes}


def _gap(a: Message, b: Message) -> float:
    if a.seconds is None or b.seconds is None:
        return 0
    return abs(b.seconds - a.seconds)


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def names_similar(a: str, b: str) -> bool:
    """Two display names that plainly name one person (郑小川 / 郑小川-某某外卖-技术)."""
    ka, pa = _key_and_first_part(a)
    kb, pb = _key_and_first_part(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(short) >= 2 and long_.startswith(short):
        return True
    return pa is not None and pa == pb and len(pa) >= 2


@lru_cache(maxsize=1 << 14)
def _key_and_first_part(name: str) -> tuple[str, Optional[str]]:
    """A name's name_key and its first part (names_similar compares many pairs of few names)."""
    parts = name_parts(name)
    return name_key(name), parts[0] if parts else None


class Directory:
    """Who is who, over the whole corpus."""

    def __init__(self, evidence: Iterable[dict]):
        """``evidence``: what each conversation says (collect_evidence), a collection that can be
        iterated twice (a list, or an object that reads it again from disk)."""
        self.sender_counts: Counter = Counter()
        pair_counts: Counter = Counter()
        pair_substantive: Counter = Counter()
        doubled_pairs: Counter = Counter()
        for ev in evidence:
            self.sender_counts.update(ev["senders"])
            for a, b, subst in ev["copies"]:
                key = tuple(sorted((a, b)))
                pair_counts[key] += 1
                pair_substantive[key] += bool(subst)
                if ev["doubled"]:
                    doubled_pairs[key] += 1
        self.copy_pairs = {}
        uf = _UnionFind()
        for name in self.sender_counts:
            uf.find(name)
        for key, count in pair_counts.items():
            a, b = key
            reasons = []
            if names_similar(a, b):
                reasons.append("similar names")
            if count >= 2:
                reasons.append(f"{count} copies")
            if pair_substantive[key]:
                reasons.append("same long text in the same second")
            if doubled_pairs[key]:
                reasons.append("in a doubled export")
            if reasons:
                # one short copy on an ordinary day is a coincidence (a wave of [强]), not a person
                self.copy_pairs[key] = (count, reasons)
                uf.union(a, b)
        groups: dict[str, list[str]] = defaultdict(list)
        for name in self.sender_counts:
            groups[uf.find(name)].append(name)
        self.member_of: dict[str, str] = {}
        self.members: dict[str, dict] = {}
        for names in groups.values():
            names.sort(key=lambda n: (-self.sender_counts[n], len(n), n))
            canonical = names[0]
            self.members[canonical] = {"id": canonical, "name": canonical, "names": names}
            for n in names:
                self.member_of[n] = canonical
        self._key_index: dict[str, set[str]] = defaultdict(set)
        for name, member in self.member_of.items():
            self._key_index[name_key(name)].add(member)
        self._parts_index: dict[str, set[str]] = defaultdict(set)
        for name, member in self.member_of.items():
            parts = name_parts(name)
            if parts and len(parts[0]) >= 2:
                self._parts_index[parts[0]].add(member)
        # quoted names: 「name: text」 matched to the quoted message's sender; behaviour around mentions
        self.quote_aliases: dict[str, Counter] = defaultdict(Counter)
        self.behaviour: dict[str, Counter] = defaultdict(Counter)
        self.mention_counts: Counter = Counter()
        member_of = self.member_of.get
        mention_counts, behaviour = self.mention_counts, self.behaviour
        for ev in evidence:
            for qname, sender in ev["quotes"]:
                if sender:
                    self.quote_aliases[qname][member_of(sender, sender)] += 1
            for name, mentioner, before, after in ev["mentions"]:
                mention_counts[name] += 1
                me = member_of(mentioner, mentioner)
                seen: dict[str, float] = {}  # member -> how close they spoke (as Counter.update adds, in order)
                for s, d in before.items():
                    mem = member_of(s, s)
                    if mem != me:
                        seen[mem] = max(seen.get(mem, 0), 1.0 / d)
                for s, d in after.items():
                    mem = member_of(s, s)
                    if mem != me:
                        seen[mem] = max(seen.get(mem, 0), 0.8 / d)
                counts = behaviour[name]
                for mem, v in seen.items():
                    counts[mem] = counts.get(mem, 0) + v
        self._resolved: dict[str, tuple[Optional[str], float, str]] = {}
        self._parts_by_pair: Optional[dict[str, set[str]]] = None
        self._surname_cache: dict[str, set] = {}
        self._alike_cache: dict[tuple[str, str], bool] = {}
        self._name_words_cache: dict[str, frozenset[str]] = {}
        self._all_name_parts: Optional[frozenset[str]] = None

    # ------------------------------------------------------------------ API
    def member(self, sender: str) -> str:
        return self.member_of.get(sender, sender)

    def same_person(self, a: str, b: str) -> bool:
        return a == b or (a in self.member_of and self.member_of.get(a) == self.member_of.get(b))

    def resolve(self, name: str) -> tuple[Optional[str], float, str]:
        """The member an @name or quoted name refers to: (member, confidence, how)."""
        if name not in self._resolved:
            self._resolved[name] = self._resolve(name)
        return self._resolved[name]

    def _resolve(self, name: str) -> tuple[Optional[str], float, str]:
        if name in self.member_of:
            return self.member_of[name], 1.0, "display name"
        key = name_key(name)
        if not key:
            return None, 0.0, ""
        exact = self._key_index.get(key)
        if exact and len(exact) == 1:
            return next(iter(exact)), 0.95, "normalised name"
        scores: Counter = Counter()
        how: dict[str, str] = {}
        quoted = self.quote_aliases.get(name)
        if quoted:
            m, c = min(quoted.items(), key=lambda kv: (-kv[1], kv[0]))
            scores[m] += 1.0 + 0.1 * min(c, 5)
            how[m] = "quoted as this name"
        for m, s in self._name_candidates(name, key).items():
            scores[m] += s
            how.setdefault(m, "name prefix" if s >= 0.7 else "name part")
        beh = self.behaviour.get(name)
        if beh:
            n = self.mention_counts[name]
            surname = personal_name(name)
            for m, w in sorted(beh.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
                share = w / n
                # a member seen around most mentions of the name is probably its owner
                s = min(0.9, share) * (1.0 if n >= 2 else 0.6)
                if surname:
                    theirs = self._surnames(m)
                    if surname[0] in theirs:
                        s += SAME_SURNAME
                    elif theirs and None not in theirs:  # every name of theirs is a personal name, none with it
                        s *= OTHER_SURNAME
                scores[m] += s
                how.setdefault(m, "replies around mentions")
        if not scores:
            return None, 0.0, ""
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:2]  # ties: by name, whatever the hash order
        best, s1 = ranked[0]
        s2 = ranked[1][1] if len(ranked) > 1 else 0.0
        if s1 < 0.5:
            return None, 0.0, ""
        confidence = max(0.0, min(0.95, 0.5 * s1 + 0.5 * (s1 - s2)))
        if confidence < 0.3:
            return None, 0.0, ""
        return best, round(confidence, 2), how[best]

    def names_of(self, member: str) -> list[str]:
        """The member's display names (the id itself for one the directory does not know)."""
        return self.members.get(member, {}).get("names", [member])

    def name_words(self, member: str) -> frozenset[str]:
        """Parts of two characters or more of the member's display names (a nickname often
        carries the company: 陶冉-银联)."""
        out = self._name_words_cache.get(member)
        if out is None:
            out = self._name_words_cache[member] = frozenset(
                p for n in self.names_of(member) for p in name_parts(n) if len(p) >= 2)
        return out

    def all_name_parts(self) -> frozenset[str]:
        """Parts of two characters or more of every name the directory knows (nicknames in a
        chat are not its subject)."""
        if self._all_name_parts is None:
            self._all_name_parts = frozenset(p for n in self.member_of for p in name_parts(n) if len(p) >= 2)
        return self._all_name_parts

    def called(self, opening: str, member: str, cache: Optional[dict] = None) -> Optional[str]:
        """How the opening of a message names the member when it calls them (a vocative: 老王，…):
        'name' (a part of their display names, or the given name of a personal name), 'form' (a form
        of address whose core is their surname, a name part or a character of their given name:
        老王, 王总, 晓东哥, 东哥, 小东), or None. ``cache`` (a dict the caller keeps for a while, such
        as one conversation) keeps what each member's names offer; the directory keeps none of it, as
        a large archive has too many members to keep it for all in every worker."""
        return self.how_called(self.call_keys(opening), member, cache)

    @staticmethod
    def call_keys(opening: str) -> tuple[str, list[str]]:
        """What called() compares with a member's names: the opening, normalised, and the names inside
        it as a form of address (address_cores); made once for all the members it is tried on."""
        opening = unicodedata.normalize("NFKC", opening).lower()
        return opening, address_cores(opening)

    def how_called(self, keys: tuple[str, list[str]], member: str, cache: Optional[dict] = None) -> Optional[str]:
        """called(), with the opening's call_keys."""
        opening, cores = keys
        parts, given, chars = self._forms(member, cache)
        if len(opening) >= 2 and (opening in parts or opening in given):
            return "name"
        for core in cores:
            if (core in parts or core in given
                    or (len(core) >= 2 and any(p.startswith(core) for p in parts))
                    or (len(core) == 1 and core in chars)):
                return "form"
        return None

    def call_index(self, members, cache: Optional[dict] = None) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """For a quick test (may_call) before how_called is tried on some of these members: the names
        an opening may be (their name parts and given names), the cores a form of address may have
        (those, and the starts of the name parts) and the characters of a one-character core."""
        names: set[str] = set()
        starts: set[str] = set()
        chars: set[str] = set()
        for member in members:
            parts, given, ch = self._forms(member, cache)
            names.update(parts)
            names.update(given)
            starts.update(p[:i] for p in parts for i in range(2, len(p) + 1))
            chars.update(ch)
        return frozenset(names), frozenset(starts | names), frozenset(chars)

    @staticmethod
    def may_call(keys: tuple[str, list[str]], index: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> bool:
        """False when how_called gives None for the opening's keys and every member of the call_index."""
        opening, cores = keys
        names, starts, chars = index
        return ((len(opening) >= 2 and opening in names)
                or any(core in starts or (len(core) == 1 and core in chars) for core in cores))

    def _forms(self, member: str, cache: Optional[dict]) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
        """_called_forms of the member, kept in ``cache`` when there is one."""
        forms = cache.get(member) if cache is not None else None
        if forms is None:
            forms = self._called_forms(member)
            if cache is not None:
                cache[member] = forms
        return forms

    def _called_forms(self, member: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
        """For called(): the parts of the member's names, the given names of its personal names, and
        the characters a one-character form of address may take from them (any character of a
        personal name; the first or last of a short Han part)."""
        parts = tuple(p for n in self.names_of(member) for p in name_parts(n))
        personal = [p for p in parts if HAN_NAME.match(p) and p[0] in SURNAMES]
        chars = {c for p in personal for c in p}
        chars.update(c for p in parts if 2 <= len(p) <= 3 and HAN_CHARS.match(p) for c in (p[0], p[-1]))
        return parts, frozenset(p[1:] for p in personal), frozenset(chars)

    def alike(self, a: str, b: str) -> bool:
        """Two members whose display names plainly name one person (names_similar)."""
        out = self._alike_cache.get((a, b))
        if out is None:
            out = self._alike_cache[(a, b)] = a != b and any(
                names_similar(x, y) for x in self.names_of(a) for y in self.names_of(b))
        return out

    def _surnames(self, member: str) -> set:
        """The surnames of the member's display names that are personal names (None for a name that is not)."""
        cache = self._surname_cache
        out = cache.get(member)
        if out is None:
            out = set()
            for n in self.names_of(member):
                pn = personal_name(n)
                out.add(pn[0] if pn else None)
            cache[member] = out
        return out

    def _name_candidates(self, name: str, key: str) -> dict[str, float]:
        out: dict[str, float] = {}
        parts = name_parts(name)
        if parts and len(parts[0]) >= 2:
            for m in self._parts_index.get(parts[0], ()):
                out[m] = max(out.get(m, 0), 0.8)
        # the longest display name that is a prefix of the mention (黄一帆 / 黄一帆汇通宝产品)
        for n in range(min(len(key), 16), 1, -1):
            found = self._key_index.get(key[:n])
            if found:
                for m in found:
                    out[m] = max(out.get(m, 0), 0.6 + 0.3 * n / len(key))
                break
        if not out and parts and len(parts[0]) >= 2:
            first = parts[0]
            if self._parts_by_pair is None:
                self._parts_by_pair = defaultdict(set)
                for part in self._parts_index:
                    for i in range(len(part) - 1):
                        self._parts_by_pair[part[i:i + 2]].add(part)
            # 老猫 inside 永久牌老猫, or a one-character slip (邓子杭 for 邓子航): parts that share a
            # pair of characters with it
            near = self._parts_by_pair.get(first[:2], set())
            if len(first) >= 3:
                near = near | self._parts_by_pair.get(first[-2:], set())
            for part in sorted(near):
                if first in part or (len(first) >= 3 and len(part) == len(first) and first[0] == part[0]
                                     and sum(a != b for a, b in zip(first, part)) == 1):
                    for m in self._parts_index[part]:
                        out[m] = max(out.get(m, 0), 0.5)
        if len(out) > 1:
            # ambiguous by name alone: spread the weight
            for m in out:
                out[m] *= 0.6
        return out

    def aliases(self) -> list[dict]:
        """Rows for the aliases table: every name a member is known by."""
        rows = []
        for member, info in self.members.items():
            for n in info["names"]:
                if n == member:
                    how, conf, evidence = "display name", 1.0, f"{self.sender_counts[n]} messages"
                else:
                    key = tuple(sorted((member, n)))
                    count, reasons = self.copy_pairs.get(key, (0, []))
                    if not reasons:
                        # joined through a third name
                        reasons = ["copies through another name"]
                    how, conf, evidence = "second display name", 0.99 if count >= 2 else 0.9, "; ".join(reasons)
                rows.append({"alias": n, "member_id": member, "kind": how, "confidence": conf, "evidence": evidence})
        seen = {r["alias"] for r in rows}
        names = set(self.mention_counts) | set(self.quote_aliases)
        for n in sorted(names):
            if n in seen:
                continue
            member, conf, how = self.resolve(n)
            rows.append({
                "alias": n,
                "member_id": member,
                "kind": "mention" if n in self.mention_counts else "quoted name",
                "confidence": conf,
                "evidence": how or "unresolved",
            })
        return rows
