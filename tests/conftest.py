import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "dev.jsonl"


def day_text(date, messages, front_matter=True, author="PaymentGroup"):
    """A day in the chat-archive format: messages are (time, sender, body) tuples."""
    out = []
    if front_matter:
        out += ["---", "layout:     source", f'title:      "{date}-WeChat"', f"date:       {date} 12:00:00",
                f"author:     {author}", "tag:        [chat]", "---"]
    for time, sender, body in messages:
        out.append(f"> {time}  {sender}  ")
        out.append("   ")
        for line in body.split("\n"):
            out.append(f"{line}  ")
        out.append("   ")
    return "\n".join(out) + "\n"


@pytest.fixture
def write_day(tmp_path):
    def write(folder, date, messages, name=None, **kw):
        d = tmp_path / "chats" / folder
        d.mkdir(parents=True, exist_ok=True)
        p = d / (name or f"{date}-chat.markdown")
        p.write_text(day_text(date, messages, **kw), encoding="utf-8")
        return p
    return write


def needs_shared(path):
    return pytest.mark.skipif(not pathlib.Path(path).exists(), reason=f"{path} is absent (no ../shared beside the project)")
