"""--redact and --pseudonymize: private data does not reach the stored or published knowledge base."""
import sqlite_utils
from click.testing import CliRunner

from extractor.cli import cli
from tests.helpers import day_text
from tests.test_redact import ID, UNIONPAY

DAY = [
    ("09:00:00", "林晓峰", "请教下各位，退款到原卡一般几天能到账？我电话13812345678"),
    ("09:01:00", "周敏-清算-产品", f"@晓峰-杭州-支付研发?一般T+1，卡号{UNIONPAY}这种银联卡更快"),
    ("09:02:00", "林晓峰", f"明白了，多谢，身份证{ID}那个也办好了，订单号20180107123456789012金额12345678.90"),
    ("09:03:00", "Kevin", "「周敏-清算-产品:一般T+1」 - - - - - - - - 发我邮箱 kevin@example.com"),
]
SECRETS = ["13812345678", UNIONPAY, ID, "kevin@example.com"]
NAMES = ["林晓峰", "周敏", "晓峰-杭州-支付研发", "Kevin"]


def everything(db_path):
    """All stored text of every table, as one string."""
    db = sqlite_utils.Database(db_path)
    out = []
    for table in db.table_names():
        if table.endswith(("_fts", "_data", "_idx", "_config", "_docsize", "_content")):
            continue
        for row in db[table].rows:
            out.extend(str(v) for v in row.values() if v is not None)
    return "\n".join(out)


def build(tmp_path, *args, env=None):
    d = tmp_path / "chats" / "群"
    d.mkdir(parents=True, exist_ok=True)
    (d / "2024-03-11-chat.markdown").write_text(day_text("2024-03-11", DAY), encoding="utf-8")
    db = str(tmp_path / "kb.db")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "chats"), "--db", db, *args], env=env or {})
    assert result.exit_code == 0, result.output
    return db


def test_without_options_everything_is_kept(tmp_path):
    text = everything(build(tmp_path))
    assert all(s in text for s in SECRETS + NAMES)


def test_redact_masks_phones_cards_ids_and_emails_but_not_order_numbers_or_amounts(tmp_path):
    text = everything(build(tmp_path, "--redact"))
    assert not any(s in text for s in SECRETS)
    assert "[手机号]" in text and "[银行卡号]" in text and "[身份证号]" in text and "[邮箱]" in text
    assert "20180107123456789012" in text and "12345678.90" in text
    assert "林晓峰" in text  # names stay without --pseudonymize


def test_pseudonymize_replaces_every_name_with_a_stable_pseudonym(tmp_path):
    db = build(tmp_path, "--pseudonymize", "--redact", env={"EXTRACTOR_PSEUDONYM_KEY": "secret-key"})
    text = everything(db)
    assert not any(n in text for n in NAMES), [n for n in NAMES if n in text]
    d = sqlite_utils.Database(db)
    senders = [r[0] for r in d.execute("select sender from messages order by n")]
    assert senders[0] == senders[2] and senders[0].startswith("成员")
    # the mention of 林晓峰 by his nickname is his pseudonym too
    assert f"@{senders[0]}" in d.execute("select text from messages where n = 1").fetchone()[0]
    assert d.execute("select count(*) from members").fetchone()[0] == 3
    # the same key gives the same pseudonyms
    other = tmp_path / "again"
    other.mkdir()
    again = build(other, "--pseudonymize", "--redact", env={"EXTRACTOR_PSEUDONYM_KEY": "secret-key"})
    assert [r[0] for r in sqlite_utils.Database(again).execute("select sender from messages order by n")] == senders


def test_pseudonymize_needs_a_key(tmp_path):
    d = tmp_path / "chats" / "群"
    d.mkdir(parents=True)
    (d / "2024-03-11-chat.markdown").write_text(day_text("2024-03-11", DAY), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "chats"), "--db", str(tmp_path / "kb.db"), "--pseudonymize"], env={})
    assert result.exit_code == 2 and "needs a key" in result.output


def test_the_config_file_turns_redaction_on_and_a_changed_setting_rebuilds(tmp_path, monkeypatch):
    db = build(tmp_path)
    assert "13812345678" in everything(db)
    (tmp_path / "extractor.toml").write_text("[build]\nredact = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "chats"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "13812345678" not in everything(db)


def test_a_bad_config_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.toml"
    bad.write_text("[build]\nredcat = true\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--db", str(tmp_path / "kb.db"), "--config", str(bad)])
    assert result.exit_code == 2 and "unknown setting [build] redcat" in result.output
