"""Bad input mixed into a folder of good files: one clear line each, naming the file (and the
line), every good file stored in full, decodable encodings read correctly, and an exit code
that says whether anything was skipped."""
import io
import zipfile

import sqlite_utils
from click.testing import CliRunner

from extractor.cli import cli
from tests.helpers import day_text

GOOD = [("09:00:00", "林晓峰", "请教下各位，退款多久到账？"), ("09:01:00", "周敏", "一般T+1到账")]
CHINESE = [("10:00:00", "张三", "代金券退款怎么分摊？"), ("10:01:00", "李四", "按实付比例分摊")]


def folder(tmp_path):
    d = tmp_path / "chats" / "支付群"
    d.mkdir(parents=True)
    for day in ("2024-03-11", "2024-03-12"):
        (d / f"{day}-chat.markdown").write_text(day_text(day, GOOD), encoding="utf-8")
    return d


def build(tmp_path, *extra, db_name="kb.db"):
    db = str(tmp_path / db_name)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "chats"), "--db", db, *extra])
    return result, sqlite_utils.Database(db)


def bodies(db, path):
    return [r[0] for r in db.execute(
        "select m.text from messages m join sources s on s.id = m.source_id where s.path = ? order by m.n", [path])]


def test_encodings_and_line_ends_are_read_correctly_and_noted(tmp_path):
    d = folder(tmp_path)
    text = day_text("2024-03-13", CHINESE)
    (d / "2024-03-13-chat.markdown").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (d / "2024-03-14-chat.markdown").write_bytes(text.encode("gbk"))
    (d / "2024-03-15-chat.markdown").write_bytes(text.encode("utf-16"))
    (d / "2024-03-16-chat.markdown").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    (d / "2024-03-17-chat.markdown").write_bytes(text.replace("\n", "\r").encode("utf-8"))
    result, db = build(tmp_path)
    assert result.exit_code == 0, result.output
    for day in range(13, 18):
        assert bodies(db, f"支付群/2024-03-{day}-chat.markdown") == ["代金券退款怎么分摊？", "按实付比例分摊"]
    out = result.output
    assert "支付群/2024-03-13-chat.markdown: read as UTF-8 with a byte-order mark" in out
    assert "支付群/2024-03-14-chat.markdown: read as GB18030 (GBK)" in out
    assert "支付群/2024-03-15-chat.markdown: read as UTF-16" in out
    assert "支付群/2024-03-16-chat.markdown: has CRLF line ends" in out
    assert "支付群/2024-03-17-chat.markdown: has lone CR line ends" in out


def test_unreadable_files_are_skipped_with_a_reason_and_the_exit_code_says_so(tmp_path):
    d = folder(tmp_path)
    (d / "empty.markdown").write_bytes(b"")
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    (d / "backup.zip").write_bytes(buf.getvalue())
    (d / "README.md").write_text("# 群聊导出\n\n这是说明，不是聊天记录。\n", encoding="utf-8")
    result, db = build(tmp_path)
    assert result.exit_code == 3
    out = result.output
    assert "skipped: 支付群/empty.markdown: is empty" in out
    assert "skipped: 支付群/photo.png: is binary, not text" in out
    assert "skipped: 支付群/backup.zip: is binary, not text" in out
    assert "skipped: 支付群/README.md: is not a chat log in any format this tool reads" in out
    assert db.execute("select count(*) from messages").fetchone()[0] == 4
    assert sorted(r[0] for r in db.execute("select path from sources")) == [
        "支付群/2024-03-11-chat.markdown", "支付群/2024-03-12-chat.markdown"]


def test_damaged_files_keep_what_they_hold_and_name_the_line(tmp_path):
    d = folder(tmp_path)
    cut = day_text("2024-03-13", CHINESE + [("10:02:00", "王五", "这条消息写到一半")])
    (d / "2024-03-13-chat.markdown").write_text(cut[: cut.rindex("写到") + 1], encoding="utf-8")
    (d / "2024-03-14-chat.markdown").write_text(cut.rsplit("> 10:02:00", 1)[0] + "> 10:0", encoding="utf-8")
    bad = day_text("2024-03-15", CHINESE).replace("> 10:01:00  李四", "> 25:61:00  李四")
    (d / "2024-03-15-chat.markdown").write_text(bad, encoding="utf-8")
    nosender = day_text("2024-03-16", CHINESE).replace("> 10:01:00  李四  ", "> 10:01:00  ")
    (d / "2024-03-16-chat.markdown").write_text(nosender, encoding="utf-8")
    (d / "notes.txt").write_text("> 09:00:00  张三\n   \n没有日期的一天\n", encoding="utf-8")
    result, db = build(tmp_path)
    out = result.output
    def line(name, start):
        """1-based number of the last line of the file that starts so."""
        lines = (d / name).read_text(encoding="utf-8").split("\n")
        return max(i for i, l in enumerate(lines) if l.startswith(start)) + 1
    assert result.exit_code == 0, out
    assert bodies(db, "支付群/2024-03-13-chat.markdown")[-1] == "这条消息写"
    assert f"支付群/2024-03-13-chat.markdown:{line('2024-03-13-chat.markdown', '这条消息写')}: file ends in the middle of a message (cut off?)" in out
    assert f"支付群/2024-03-14-chat.markdown:{line('2024-03-14-chat.markdown', '> 10:0')}: file ends in the middle of a message header (cut off?)" in out
    assert len(bodies(db, "支付群/2024-03-14-chat.markdown")) == 2
    assert f"支付群/2024-03-15-chat.markdown:{line('2024-03-15-chat.markdown', '> 25:61:00')}: header has an impossible time 25:61:00" in out
    assert bodies(db, "支付群/2024-03-15-chat.markdown") == ["代金券退款怎么分摊？", "按实付比例分摊"]
    assert db.execute("select time from messages m join sources s on s.id = m.source_id "
                      "where s.path = '支付群/2024-03-15-chat.markdown' and m.n = 1").fetchone() == (None,)
    assert f"支付群/2024-03-16-chat.markdown:{line('2024-03-16-chat.markdown', '> 10:01:00')}: header has no sender" in out
    assert "支付群/notes.txt: no date in the front matter or the file name" in out
    assert bodies(db, "支付群/notes.txt") == ["没有日期的一天"]
    strict, _ = build(tmp_path, "--strict", db_name="strict.db")
    assert strict.exit_code == 3


def test_a_five_megabyte_message_is_stored_whole(tmp_path):
    d = folder(tmp_path)
    big = ("对账文件的字段说明：" + "流水号，金额，手续费，清算日期。" * 400_000)[:5_000_000]
    (d / "2024-03-13-chat.markdown").write_text(day_text("2024-03-13", [("10:00:00", "张三", "日志如下"), ("10:01:00", "张三", big)]),
                                                encoding="utf-8")
    result, db = build(tmp_path)
    assert result.exit_code == 0, result.output
    assert len(bodies(db, "支付群/2024-03-13-chat.markdown")[1]) == 5_000_000
    n = (d / "2024-03-13-chat.markdown").read_text(encoding="utf-8").split("\n").index("> 10:01:00  张三  ") + 1
    assert f"支付群/2024-03-13-chat.markdown:{n}: a message of 5,000,000 characters" in result.output
