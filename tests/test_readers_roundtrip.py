"""Property tests: messages written out in a line-based format and read back
are the same, whatever their text (several lines, lines shaped like headers of
earlier times, mention separators, quotes and commas)."""
import csv
import io

from hypothesis import given, settings, strategies as st

from extractor.readers import generic, memotrace_txt, wechat_exporter

NAMES = st.sampled_from(["王磊", "陈静", "Amy Chen", "赵 强", "小马哥"])
WORD = st.sampled_from(["请问", "怎么", "配置", "nginx", "？", "，", "\"引号\"", "a,b", "@陈静\u2005好的", "100%", "—"])
LINE = st.lists(WORD, min_size=1, max_size=6).map("".join)
# a body line shaped like a header, dated before every message: it must stay body
FAKE = st.sampled_from(["2020-01-01 08:00:00 王磊", "王磊 (2020-01-01 08:00:00):旧消息"])
BODY = st.lists(st.one_of(LINE, FAKE), min_size=1, max_size=4).filter(lambda ls: ls[0] not in
                                                                     ("2020-01-01 08:00:00 王磊", "王磊 (2020-01-01 08:00:00):旧消息"))
MESSAGES = st.lists(st.tuples(NAMES, BODY), min_size=1, max_size=8)


def stamped(msgs):
    return [(f"2024-05-0{1 + k // 5}", f"10:{k:02d}:00", name, "\n".join(lines)) for k, (name, lines) in enumerate(msgs)]


@settings(max_examples=60, deadline=None)
@given(MESSAGES)
def test_memotrace_txt_roundtrip(msgs):
    msgs = stamped(msgs)
    text = "".join(f"{d} {t} {name}\n{body}\n\n" for d, t, name, body in msgs)
    assert memotrace_txt.sniff(text)
    [c] = memotrace_txt.read(text, "x.txt", "g")
    assert [(m.date, m.time, m.sender, m.body) for m in c.messages] == msgs


@settings(max_examples=60, deadline=None)
@given(MESSAGES)
def test_wechat_exporter_roundtrip(msgs):
    msgs = stamped(msgs)
    text = "群 - 微信聊天记录\n\n" + "".join(f"{name} ({d} {t}):{body}\n" for d, t, name, body in msgs)
    [c] = wechat_exporter.read(text, "x.txt", "g")
    assert [(m.date, m.time, m.sender, m.body) for m in c.messages] == msgs


@settings(max_examples=60, deadline=None)
@given(MESSAGES, st.sampled_from(["\n", "\r\n", "\r"]))
def test_generic_csv_roundtrip(msgs, newline):
    msgs = stamped(msgs)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(["time", "sender", "text"])
    for d, t, name, body in msgs:
        w.writerow([f"{d} {t}", name, body.replace("\n", newline)])
    assert generic.sniff(buf.getvalue())
    [c] = generic.read(buf.getvalue(), "x.csv", "g")
    assert [(m.date, m.time, m.sender, m.body) for m in c.messages] == msgs
