"""The canned queries of a knowledge base (registered from the plugin: Datasette 1.0
reads them from its configuration, not from metadata)."""
from __future__ import annotations

GROUP_FILTER = "(:group = '' or {col} = :group)"

SEARCH = """
select
  q.text as question,
  kb_snippet((select group_concat(text, ' / ') from
     (select a.text from answers a where a.question_id = q.id order by a.rank)), :q) as snippet,
  q.asker,
  q.group_name,
  q.date,
  q.answer_count,
  q.published,
  -- bm25 over the question and its answers (lower is better), raised when the question itself
  -- has the words, asks for expertise (published) and got answers
  round(bm25(questions_fts) * (1 + kb_coverage(q.text, :q) + 0.5 * q.published + 0.5 * q.answered), 2) as rank,
  q.id as question_id
from questions_fts
join questions q on q.rowid = questions_fts.rowid
where questions_fts match kb_match(:q)
order by rank
limit 100
"""

UNANSWERED = f"""
select q.text as question, q.asker, q.group_name, q.date, q.time,
  q.keywords, q.publish_score, q.id as question_id
from questions q
where q.answered = 0 and q.published = 1 and {GROUP_FILTER.format(col='q.group_name')}
order by q.publish_score desc, q.timestamp desc
limit 500
"""

HELPFUL_MEMBERS = f"""
select
  a.answerer_id as member,
  count(*) as answers,
  sum(a.accepted) as thanked,
  sum(a.rank = 1) as best_answers,
  count(distinct a.question_id) as questions_answered,
  round(avg(a.delay_seconds) / 60.0, 1) as avg_minutes_to_answer,
  group_concat(distinct a.group_name) as groups
from answers a
where a.answerer_id is not null and {GROUP_FILTER.format(col='a.group_name')}
group by a.answerer_id
order by thanked desc, best_answers desc, answers desc
limit 100
"""

PER_MONTH = """
select
  group_name,
  month,
  count(*) as questions,
  sum(answered) as answered,
  round(1.0 * sum(answered) / count(*), 3) as answered_share,
  sum(published) as published
from questions
group by group_name, month
order by group_name, month
"""

TOP_KEYWORDS = f"""
with counts as (
  select q.month, k.value as keyword, count(*) as questions
  from questions q, json_each(q.keywords) k
  where q.published = 1 and length(k.value) >= 2 and {GROUP_FILTER.format(col='q.group_name')}
  group by q.month, k.value
),
ranked as (
  select month, keyword, questions,
    row_number() over (partition by month order by questions desc, keyword) as n
  from counts
)
select month, json_group_array(keyword) as keywords,
  group_concat(keyword || ' ' || questions, '、') as counts
from (select * from ranked where n <= 10 order by month, n)
group by month
order by month
"""


def canned_queries() -> dict:
    return {
        "search": {
            "title": "Search questions and answers",
            "description": "Chinese full-text search over the questions and their answers, ranked (bm25, raised when the "
                           "question itself has the words, is published and was answered). "
                           "The query is segmented with jieba like the index: 退款, 代金券退款, T+1 对账 all work.",
            "sql": SEARCH,
            "params": ["q"],
            "hide_sql": True,
        },
        "unanswered": {
            "title": "Unanswered questions with substance",
            "description": "Published questions (asking the group for expertise) that no answer was found for, "
                           "most substantial first. Leave group blank for every group.",
            "sql": UNANSWERED,
            "params": ["group"],
            "hide_sql": True,
        },
        "helpful_members": {
            "title": "Most helpful members",
            "description": "Who answers: answers given, answers the askers thanked, best-ranked answers. "
                           "Leave group blank for every group.",
            "sql": HELPFUL_MEMBERS,
            "params": ["group"],
            "hide_sql": True,
        },
        "questions_per_month": {
            "title": "Questions per month per group",
            "description": "Questions asked each month in each group, and the share that got an answer.",
            "sql": PER_MONTH,
            "hide_sql": True,
        },
        "top_keywords": {
            "title": "Top keywords per month",
            "description": "The ten most frequent keywords of each month's published questions. "
                           "Leave group blank for every group.",
            "sql": TOP_KEYWORDS,
            "params": ["group"],
            "hide_sql": True,
        },
    }
