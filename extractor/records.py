"""The records that flow between the stages.

readers -> RawMessage / Conversation
normalize -> Message
questions / answers -> Question / Answer

Every later stage works on these plain dataclasses; nothing after
``normalize`` parses chat markup again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Problem:
    """Something wrong with an input file, reported with its place."""

    path: str
    message: str
    line: Optional[int] = None
    severity: str = "warning"  # "warning": stored anyway; "error": (part) skipped

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class RawMessage:
    """One message as a reader found it: nothing interpreted yet."""

    n: int  # 0-based position in its conversation (the n-th header)
    time: Optional[str]  # "HH:MM:SS" as written, None when unreadable
    sender: str
    body: str  # the message body, markup kept, lines joined with "\n"
    line: Optional[int] = None  # 1-based line of the header in the file
    date: Optional[str] = None  # "YYYY-MM-DD" when the format carries one per message
    native_id: Optional[str] = None  # the export's own message id, if any
    reply_to_native: Optional[str] = None  # native id of the message this replies to
    sender_id: Optional[str] = None
    system: bool = False  # the format says it is a system message


@dataclass
class Conversation:
    """What a reader yields: the messages of one chat from one file (a day, usually)."""

    path: str  # path of the file, relative to the root it was found under
    group: str
    date: Optional[str]
    format: str
    messages: list[RawMessage]
    title: Optional[str] = None
    author: Optional[str] = None
    key: Optional[str] = None  # distinguishes several conversations of one file
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Message:
    """A normalised message: plain text plus everything the markup carried."""

    id: str
    source_id: str
    n: int
    line: Optional[int]
    date: Optional[str]
    time: Optional[str]
    timestamp: Optional[str]
    seconds: Optional[int]  # seconds since 1970 (or since midnight when the date is unknown), for gaps
    sender: str
    raw: str
    text: str  # plain text: mentions as @name, link titles, emoji codes kept
    kind: str  # text, image, link, emoji, system, empty
    mentions: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    emojis: list[str] = field(default_factory=list)
    quote_sender: Optional[str] = None
    quote_text: Optional[str] = None
    native_id: Optional[str] = None
    reply_to_native: Optional[str] = None
    reply_to: Optional[str] = None  # message id
    copy_of: Optional[str] = None  # message id of the original when this is a duplicate copy
    member_id: Optional[str] = None
    body: str = ""  # text without mentions, quote and emoji: what the message itself says
    tokens: list[str] = field(default_factory=list)
    ask_score: float = 0.0  # how much the message reads as a question (0..1)
    ask_reasons: list[str] = field(default_factory=list)
    asks: bool = False  # ask_score reached the question threshold
    ask_strong: bool = False  # asks with a question mark or 吗/么


@dataclass
class Question:
    message: Message  # the message that carries the ask
    context: list[Message]  # the asker's other messages needed to understand it
    score: float
    reasons: list[str]
    asker: str  # member id

    @property
    def messages(self) -> list[Message]:
        return [self.message] + self.context


@dataclass
class Answer:
    question: Question
    messages: list[Message]  # the answerer's messages of this answer, in order
    answerer: str  # member id
    score: float
    reasons: list[str]
    accepted: bool = False
    rank: int = 0

    @property
    def lead(self) -> Message:
        return self.messages[0]
