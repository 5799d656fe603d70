"""Small builders for tests: chat days in the archive format, analysed in memory."""
from extractor.pipeline import analyse_conversations
from extractor.readers import archive


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


def analyse_days(days, group="g"):
    """Analyse several days [(date, messages)] together; returns the Parsed conversations."""
    convs = []
    for date, messages in days:
        convs += list(archive.read(day_text(date, messages), f"{group}/{date}-chat.markdown", group))
    return analyse_conversations(convs)


def analyse_day(messages, date="2024-01-02"):
    return analyse_days([(date, messages)])[0]


def questions_by_n(parsed):
    """{n of the asking message: question}."""
    return {q.message.n: q for q in parsed.questions}


def top_answer_n(parsed, qn):
    """n of the lead message of the question's top answer, or None."""
    for a in parsed.answers:
        if a.question.message.n == qn and a.rank == 1:
            return a.lead.n
    return None
