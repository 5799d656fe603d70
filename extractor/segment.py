"""Chinese word segmentation: the one place jieba is called.

``words(text)`` gives the jieba words of a text (cached by text); ``search_text``
gives what goes into the full-text index (the words plus the dictionary
sub-words of long words, as ``jieba.cut_for_search`` would add, so that 退款
finds 退款单); ``query_terms`` segments a search query the same way.
"""
from __future__ import annotations

import itertools
import logging
import marshal
import os
import re
import tempfile
import threading
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)
_lock = threading.Lock()
_ready = False

SPACE = re.compile(r"\s+")
WORDLIKE = re.compile(r"[\w\u4e00-\u9fff]")
# Function words and chat filler that carry no topic (for overlap and keywords).
STOPWORDS = set(
    """
    的 了 吗 么 嘛 呢 吧 啊 呀 哦 噢 哈 哈哈 哈哈哈 嗯 嗯嗯 恩 额 呃 哇 啦 喔 吖 咯 哟 嘿
    是 不 没 没有 有 在 和 与 及 或 或者 就 都 也 还 又 再 很 太 更 最 挺 蛮 真 好 对 个 这 那 这个 那个
    这些 那些 这样 那样 这么 那么 怎么 什么 为什么 为啥 啥 哪 哪个 哪些 哪里 谁 几 多少 如何 怎样 是否
    我 你 他 她 它 我们 你们 他们 她们 大家 各位 自己 人 咱们 您 俺
    一 一个 一下 一些 一般 一直 一样 一起 下 上 中 里 里面 时候 现在 已经 可以 可能 应该 需要 要 会 能 能不能
    想 看 说 做 用 去 来 给 让 把 被 从 到 对于 关于 因为 所以 但是 但 而且 如果 就是 还是 只是 不是 是不是
    其实 然后 比如 当然 感觉 觉得 知道 问 问题 请教 请问 谢谢 多谢 感谢 请 麻烦 下 吧 呗 啥的 之类 等 等等
    了解 一下子 有没有 有人 有个 没 不过 虽然 只 才 并 而 则 之 其 以 为 于 所 得 地 着 过 么 个人
    """.split()
)


def _init() -> None:
    global _ready
    if not _ready:
        with _lock:
            if not _ready:
                jieba.initialize()
                _ready = True


# jieba's own split of a text into blocks (jieba/__init__.py): runs of Han characters, Latin
# letters, digits and +#&._%- are segmented by the dictionary; the rest is cut into single
# characters, whitespace kept whole ("\r\n" as one).
RE_HAN = jieba.re_han_default
RE_SKIP = jieba.re_skip_default
PURE_HAN = re.compile("[\u4e00-\u9fd5]+")
# Texts rjieba segments exactly like jieba as a whole: no Latin letters, digits or the symbols
# that join them into jieba's blocks, no "\r", and no CJK characters outside jieba's Han range
# (rjieba counts the extension blocks as Han, jieba does not).
PLAIN = re.compile("[^a-zA-Z0-9+#&._%\\-\r\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0010ffff]*")

try:  # jieba-rs: the same dictionary and the same results, ten times faster
    import rjieba as _rjieba
except ImportError:  # pragma: no cover - jieba alone is the reference and the fallback
    _rjieba = None
BACKEND = "rjieba" if _rjieba is not None and os.environ.get("EXTRACTOR_SEGMENTER", "") != "jieba" else "jieba"


FINALSEG_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba/finalseg: how it splits what is not Han


def _lcut_fast(text: str) -> list[str]:
    """jieba.lcut(text), with rjieba doing the work: texts without Latin runs go to rjieba whole;
    otherwise jieba's blocks go to rjieba, and what rjieba keeps whole in a block mixing Latin
    letters or digits with Han (doc-jigsaw.lixf.cn) is split the way jieba's HMM step splits it,
    unless it is a dictionary word; what is outside the blocks is split as jieba splits it.
    Checked identical to jieba.lcut on every message of the corpus (benchmarks/run.py) and on
    samples in tests/test_segment.py; EXTRACTOR_SEGMENTER=jieba uses jieba itself."""
    if PLAIN.fullmatch(text):
        return _rjieba.cut(text)
    out: list[str] = []
    for blk in RE_HAN.split(text):
        if not blk:
            continue
        if RE_HAN.match(blk):
            if PURE_HAN.fullmatch(blk):
                out.extend(_rjieba.cut(blk))
                continue
            for t in _rjieba.cut(blk):
                if PURE_HAN.fullmatch(t) or t in _other_words():
                    out.append(t)
                else:
                    out.extend(x for x in FINALSEG_SKIP.split(t) if x)
        else:
            for x in RE_SKIP.split(blk):
                if RE_SKIP.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def lcut(text: str) -> list[str]:
    """What jieba.lcut(text) gives, by the fastest backend at hand."""
    if BACKEND == "rjieba":
        return _lcut_fast(text)
    _init()
    return jieba.lcut(text)


_TO_CLEAN = re.compile(r"[\sA-Z]")  # what _cut changes: spaces dropped, ASCII lower-cased


# a small cache: duplicate copies and repeated short replies are close together
@lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    if not _TO_CLEAN.search(text):  # most texts: no token is spaces or has an upper-case letter
        return tuple(lcut(text))
    return tuple([t.lower() if t.isascii() else t for t in lcut(text) if not t.isspace()])


# A pasted document of megabytes is stored whole, but only its beginning is segmented: that
# is what question detection, answer linking and search need, and it keeps a build linear.
MAX_ANALYSED_CHARS = 20_000


def words(text: str) -> list[str]:
    """The jieba words of a text (its first MAX_ANALYSED_CHARS), spaces dropped, ASCII lower-cased."""
    if not text:
        return []
    return list(_cut(text[:MAX_ANALYSED_CHARS]))


def content_words(tokens: list[str]) -> list[str]:
    """Words that carry meaning: no punctuation, no function words."""
    meaning = _MEANING
    try:  # every token judged before: one pass
        return [t for t in tokens if meaning[t]]
    except KeyError:
        pass
    if len(meaning) > _MEANING_MAX:
        meaning.clear()
    for t in tokens:
        if t not in meaning:
            meaning[t] = t not in STOPWORDS and bool(WORDLIKE.search(t)) and not t.isdigit()
    return [t for t in tokens if meaning[t]]


# The words of a corpus repeat: each is judged once (a cache emptied when it grows large,
# for corpora of any size).
_MEANING: dict[str, bool] = {}
_MEANING_MAX = 1 << 18


_WORDS: list = []  # [words with characters that are not Han, the short words joined by "\n"]
_SHORT: list = []  # [the short words as a set], made from _WORDS when first needed


def _dictionary_words() -> list:
    """From jieba's dictionary (words of frequency above 0): the words with characters that are
    not Han (T恤, B超: kept whole when rjieba finds them), and the words of two and three
    characters (the sub-words of long words) as one string. Kept in a marshal file beside
    jieba's own cache, so that a build need not read jieba's whole dictionary; the short words
    become a set only when sub-words are looked for (reading a day needs none)."""
    if _WORDS:
        return _WORDS
    with _lock:
        if _WORDS:
            return _WORDS
        dict_path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
        st = os.stat(dict_path)
        cache = os.path.join(tempfile.gettempdir(), f"extractor-words-{st.st_size}-{int(st.st_mtime)}.marshal")
        found = None
        try:
            with open(cache, "rb") as fh:
                found = marshal.loads(fh.read())
        except (OSError, EOFError, ValueError, TypeError):
            pass
        if not (isinstance(found, tuple) and len(found) == 2):
            short, other = set(), set()
            with open(dict_path, "rb") as fh:
                for line in fh:
                    parts = line.decode("utf-8").split(" ")
                    if len(parts) < 2 or not int(parts[1]):
                        continue
                    if 2 <= len(parts[0]) <= 3:
                        short.add(parts[0])
                    if not PURE_HAN.fullmatch(parts[0]):
                        other.add(parts[0])
            found = (frozenset(other), "\n".join(sorted(short)))
            try:
                tmp = f"{cache}.{os.getpid()}"
                with open(tmp, "wb") as fh:
                    fh.write(marshal.dumps(found))
                os.replace(tmp, cache)
            except OSError:
                pass
        _WORDS[:] = found
    return _WORDS


def _other_words() -> frozenset:
    """The dictionary's words with characters that are not Han."""
    return (_WORDS or _dictionary_words())[0]


def _short_words() -> frozenset:
    """The dictionary's words of two and three characters."""
    if _SHORT:
        return _SHORT[0]
    joined = _dictionary_words()[1]
    with _lock:
        if not _SHORT:
            _SHORT.append(frozenset(joined.split("\n")))
    return _SHORT[0]


class _SortedLines:
    """Membership in the short words by binary search in their sorted, joined string: for the
    first lookups of a process (a small build needs a few hundred), which would not repay
    making the set (a twentieth of a second); after LOOKUPS of them the set is made."""

    LOOKUPS = 4_000

    def __init__(self, joined: str):
        self.s = joined
        self.n = 0

    def __contains__(self, w: str) -> bool:
        self.n += 1
        s = self.s
        lo, hi = 0, len(s)
        while lo < hi:
            mid = (lo + hi) // 2
            start = s.rfind("\n", 0, mid) + 1
            end = s.find("\n", mid)
            if end < 0:
                end = len(s)
            line = s[start:end]
            if line == w:
                return True
            if line < w:
                lo = end + 1
            else:
                hi = start
        return False


_LINES: list = []  # [_SortedLines] until the set is made


def _short_lookup():
    """The short words, as the set once it is made (preload, or many lookups), else by _SortedLines."""
    if _SHORT:
        return _SHORT[0]
    if not _LINES:
        _LINES.append(_SortedLines(_dictionary_words()[1]))
    if _LINES[0].n >= _SortedLines.LOOKUPS:
        return _short_words()
    return _LINES[0]


def preload() -> None:
    """Make the sets that segmenting and indexing use now (a process that forks workers later
    hands them on ready made)."""
    _short_words()


def message_words(m) -> list[str]:
    """content_words of a message's tokens, computed once per message."""
    c = m.__dict__.get("_content")
    if c is None:
        c = m.__dict__["_content"] = content_words(m.tokens) if m.tokens else []
    return c


def _subwords(token: str) -> list[str]:
    """Dictionary words inside a long word, as jieba.cut_for_search finds them."""
    out = []
    known = _SHORT[0] if _SHORT else _short_lookup()
    if len(token) > 2:
        for i in range(len(token) - 1):
            w = token[i:i + 2]
            if w in known:
                out.append(w)
    if len(token) > 3:
        for i in range(len(token) - 2):
            w = token[i:i + 3]
            if w in known:
                out.append(w)
    return out


def search_text(tokens: list[str]) -> str:
    """Words for the full-text index, separated by spaces, sub-words of long words added."""
    return " ".join(itertools.chain.from_iterable(map(_indexed, tokens)))


def messages_search_text(msgs) -> str:
    """search_text of the tokens of several messages together (each message's part made once)."""
    parts = []
    for m in msgs:
        t = m.__dict__.get("_search")
        if t is None:
            t = m.__dict__["_search"] = search_text(m.tokens)
        if t:
            parts.append(t)
    return " ".join(parts)


@lru_cache(maxsize=1 << 17)
def _indexed(token: str) -> tuple[str, ...]:
    """What a token puts into the full-text index: nothing (punctuation), or its sub-words
    (a long word) and itself."""
    if not WORDLIKE.search(token):
        return ()
    if len(token) > 2 and not token.isascii():
        return (*_subwords(token), token)
    return (token,)


_jieba_idf: dict[str, float] = {}


class GeneralIdf:
    """jieba's IDF of general Chinese text, looked up word by word from a small SQLite copy of
    its table (made once, in the temporary folder beside jieba's own cache): a large archive
    needs only its own words, and no process has to hold or parse the 270,000 entries."""

    def __init__(self):
        self._con = None
        self._pid = None
        self._cache: dict[str, float] = {}
        self.default = 0.0

    def _connect(self):
        import os
        import sqlite3
        import tempfile

        if self._con is not None and self._pid == os.getpid():
            return self._con
        source = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
        stamp = f"{os.path.getsize(source)}-{int(os.path.getmtime(source))}"
        path = os.path.join(tempfile.gettempdir(), f"extractor-general-idf-{stamp}.sqlite")
        if not os.path.exists(path):
            table, median = general_idf()
            tmp = f"{path}.{os.getpid()}"
            con = sqlite3.connect(tmp)
            con.execute("create table idf (word text primary key, value real) without rowid")
            con.executemany("insert into idf values (?, ?)", table.items())
            con.execute("create table meta (median real)")
            con.execute("insert into meta values (?)", [median])
            con.commit()
            con.close()
            os.replace(tmp, path)  # atomic: another process may be making it too
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._pid = os.getpid()
        self.default = self._con.execute("select median from meta").fetchone()[0]
        return self._con

    def __call__(self, word: str) -> float:
        v = self._cache.get(word)
        if v is None:
            con = self._connect()
            row = con.execute("select value from idf where word = ?", [word]).fetchone()
            v = self._cache[word] = row[0] if row else self.default
        return v


def general_idf() -> tuple[dict[str, float], float]:
    """jieba's own IDF table (general Chinese text) and its median: a prior for small archives."""
    if not _jieba_idf:
        import os

        path = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, _, value = line.rstrip("\n").rpartition(" ")
                if word:
                    _jieba_idf[word] = float(value)
    values = sorted(_jieba_idf.values())
    return _jieba_idf, values[len(values) // 2]


def query_terms(query: str) -> list[str]:
    """A search query segmented like the index, punctuation dropped."""
    return [t for t in words(query) if WORDLIKE.search(t)]
