"""Every fixture reads the same whatever its encoding (UTF-8 with or without a
BOM, UTF-16 with a BOM, GB18030) and its line ends (LF, CRLF, lone CR)."""
import pytest

from extractor.readers import read_bytes
from extractor.readers.decode import decode
from tests.readers_helpers import FIXTURES

FILES = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
VARIANTS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16-bom": lambda t: t.encode("utf-16"),  # Python writes a BOM
    "gb18030": lambda t: t.encode("gb18030"),
    "crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\r\n", "\n").replace("\n", "\r").encode("utf-8"),
}
FIELDS = ("n", "line", "date", "time", "sender", "body", "native_id", "reply_to_native", "system", "sender_id")


def parsed(data: bytes, name: str):
    convs, problems, encoding = read_bytes(data, name, "g")
    return [(c.group, c.key, c.format, [tuple(getattr(m, f) for f in FIELDS) for m in c.messages]) for c in convs], \
        [str(p) for p in problems if p.severity != "notice"], encoding


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(FIXTURES)) for p in FILES])
def test_same_messages_in_every_encoding(path, variant):
    text, _ = decode(path.read_bytes())
    text = text.lstrip("\ufeff")
    want = parsed(path.read_bytes(), path.name)
    got = parsed(VARIANTS[variant](text), path.name)
    assert got[:2] == want[:2]
    assert got[2] == {"utf-8": "utf-8", "utf-8-bom": "utf-8-bom", "utf-16-bom": "utf-16-le-bom",
                      "gb18030": "gb18030", "crlf": "utf-8", "cr": "utf-8"}[variant]


def test_not_a_chat_log_is_reported_and_skipped():
    for data in (b"# Notes\n\nJust a README.\n", b'{"name": "x", "version": 1}', b"a,b,c\n1,2,3\n", b"[1, 2, 3]"):
        convs, problems, _ = read_bytes(data, "README.md", "g")
        assert convs == [] and [p.message for p in problems] == ["is not a chat log in any format this tool reads"]
