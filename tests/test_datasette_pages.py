"""The published knowledge base: home page, canned queries, the question page,
metadata, and chat text that is escaped wherever it is shown."""
import re

import pytest

from extractor.datasette_plugin.question_page import windows

from tests.kb_site import HOSTILE_GROUP, IMG, SCRIPT

CANNED = {
    "search": {"q": "退款"},
    "unanswered": {},
    "helpful_members": {},
    "questions_per_month": {},
    "top_keywords": {},
}


def question_page(site, qid, **params):
    from datasette.utils import tilde_encode

    return site.html(f"/kb/question/{tilde_encode(qid)}", **params)


def test_home_page_has_the_search_box_chart_and_description(site):
    html = site.html("/")
    assert 'action="/kb/search"' in html and 'name="q"' in html
    assert 'data-kb-chart="/kb/questions_per_month.json?_shape=array"' in html
    assert "How it was made" in html
    assert "/-/static-plugins/chat-kb-extractor/kb.js" in html


def test_database_page_lists_the_canned_queries(site):
    html = site.html("/kb")
    for name in CANNED:
        assert f'href="/kb/{name}"' in html
    assert 'action="/kb/search"' in html


@pytest.mark.parametrize("name", CANNED)
def test_every_canned_query_runs(site, name):
    rows = site.json(f"/kb/{name}.json", _shape="array", **CANNED[name])
    assert rows, name
    assert site.get(f"/kb/{name}", **CANNED[name]).status_code == 200


def test_canned_query_results(site):
    per_month = site.json("/kb/questions_per_month.json", _shape="array")
    row = next(r for r in per_month if r["group_name"] == "支付技术交流群")
    assert row["month"] == "2024-03" and 0 < row["answered"] <= row["questions"]
    assert row["answered_share"] == round(row["answered"] / row["questions"], 3)
    helpful = site.json("/kb/helpful_members.json", _shape="array")
    assert helpful[0]["thanked"] >= helpful[-1]["thanked"]
    assert all(r["answers"] >= r["best_answers"] for r in helpful)
    assert "/kb/answers?answerer_id=" in site.html("/kb/helpful_members")
    unanswered = site.json("/kb/unanswered.json", _shape="array")
    assert unanswered and all(r["question_id"] for r in unanswered)
    only = site.json("/kb/unanswered.json", _shape="array", group=HOSTILE_GROUP)
    assert all(r["group_name"] == HOSTILE_GROUP for r in only)
    keywords = site.json("/kb/top_keywords.json", _shape="array")
    assert {r["month"] for r in keywords} == {"2024-03", "2024-04"}
    assert "keywords__arraycontains=" in site.html("/kb/top_keywords") and "month=2024-03" in site.html("/kb/top_keywords")


def test_question_page(site):
    html = question_page(site, "894ebb76a276:3", q="退款")
    assert "<mark>退款</mark>到原卡一般几天能到账" in html
    # the ranked answer, who and when, its reasons collapsed
    assert "周敏-清算-产品" in html and "09:05:40" in html
    assert "一般T+1到T+3，看发卡行" in html
    assert re.search(r"<details class=\"kb-why\">\s*<summary>Score 0\.\d+", html)
    assert "the asker thanked them" in html
    # the conversation around it, the linked messages highlighted
    assert 'class="kb-msg kb-role-question"' in html
    assert 'class="kb-msg kb-role-answer kb-role-answer-1"' in html
    assert "各位早[太阳]" in html  # emoji codes kept as text
    assert "明白了，多谢几位[抱拳]" in html
    # links to the people's other questions and answers
    assert "/kb/questions?asker_id=%E6%9E%97%E6%99%93%E5%B3%B0" in html
    assert "/kb/answers?answerer_id=" in html


def test_conversation_windows_around_the_question_and_late_answers():
    # question at 20: 12..30; answers at 25 (inside) and 90 (its own window); clipped to the source
    assert windows([20, 25, 90], 0, 92) == [(12, 30), (87, 92)]
    assert windows([3, 30], 0, 100) == [(0, 13), (27, 33)]
    assert windows([3, 14], 0, 100) == [(0, 17)]  # touching windows merge
    assert windows([], 0, 10) == []


def test_image_answers_show_the_link_not_an_image(site):
    html = question_page(site, "894ebb76a276:76")
    assert 'class="kb-image" href="http://static.example.org/img/202403/20240311_141233.png"' in html
    assert "<img" not in html.split("<section class=\"content\">")[1]


def test_unknown_question_is_404(site):
    assert site.get("/kb/question/nope").status_code == 404
    assert site.get("/nodb/question/x").status_code == 404


def test_metadata_descriptions_sorts_facets_and_hidden_tables(site):
    data = site.json("/kb/questions.json", _size=1)
    assert data["human_description_en"] == "sorted by timestamp descending"
    assert {"group_name", "month", "asker", "answered", "published"} <= set(data["facet_results"])
    topics = site.json("/kb/questions.json", _size=1, _facet_array="keywords")["facet_results"]["keywords"]
    assert topics["results"][0]["count"] > 1
    html = site.html("/kb/questions")
    assert "One row per question found" in html
    tables = {t["name"]: t for t in site.json("/kb.json")["tables"]}
    assert tables["terms"]["hidden"] and tables["meta"]["hidden"]
    assert not tables["questions"]["hidden"]


def hostile_question(site):
    return site.json("/kb/questions.json", _shape="array", group_name=HOSTILE_GROUP)[0]["id"]


def assert_escaped(html):
    assert SCRIPT not in html and IMG not in html
    assert 'href="javascript:' not in html.lower()
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


def test_script_in_a_message_is_shown_as_text_on_the_question_page(site):
    html = question_page(site, hostile_question(site))
    assert_escaped(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[点我](javascript:alert(1))" in html
    assert "javascript:alert(2)" in html
    assert "&lt;i&gt;夏娃&lt;/i&gt;" in html and "<i>夏娃" not in html  # a sender's name too


def test_script_in_a_message_is_shown_as_text_on_the_search_page(site):
    html = site.html("/kb/search", q="退款回调")
    assert_escaped(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("path", ["/kb/messages", "/kb/questions", "/kb/answers", "/kb/qa"])
def test_script_in_a_message_is_shown_as_text_in_table_cells(site, path):
    html = site.html(path, group_name=HOSTILE_GROUP)
    assert_escaped(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x onerror=alert(1)&gt;" in html


def test_script_in_custom_sql_results_is_text(site):
    html = site.html("/kb", sql="select text, raw from messages where group_name = '安全测试群'")
    assert_escaped(html)


def test_other_databases_are_left_alone(tmp_path):
    import sqlite3

    from datasette.app import Datasette

    from tests.kb_site import Client

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table questions (id text primary key, text text)")
        conn.execute("insert into questions values ('1', '<b>hi</b> @x')")
    other = Client(Datasette([str(path)]))
    assert 'class="kb-search"' not in other.html("/")
    assert "search" not in {q["name"] for q in other.json("/other.json")["queries"]}
    assert other.get("/other/question/1").status_code == 404
    assert "&lt;b&gt;hi&lt;/b&gt; @x" in other.html("/other/questions")
