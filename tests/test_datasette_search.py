"""Chinese search in Datasette: the segmented query, the canned search page and its API,
and the questions table's search box (which Datasette quotes at spaces)."""
import pytest

from extractor.datasette_plugin import search
from extractor.datasette_plugin.search_box import rewrite_query_string

NONSENSE = ['"', '退款"', '"退款', "OR", "退款 OR", "AND NOT", "*", "退*", "NEAR(退款 对账)", "'; drop table x; --", "()", "   "]


def test_terms_segment_like_the_index_and_drop_function_words():
    assert search.terms("代金券退款") == ["代金券", "退款"]
    assert search.terms("请问退款怎么处理") == ["退款", "处理"]
    assert search.terms("T+1 对账") == ["t", "1", "对账"]
    assert search.terms("的") == ["的"]  # nothing else to look for: keep it
    assert search.terms('"*') == []


def test_marks_are_the_words_and_ascii_runs_as_typed():
    assert search.marks("T+1 对账") == ["对账", "t+1"]
    assert search.marks("代金券退款") == ["代金券", "退款"]
    assert search.marks("redis 缓存") == ["redis", "缓存"]
    assert search.marks("t") == ["t"]


def test_every_word_is_quoted():
    assert search.fts_match('退款 OR "x') == '"退款" "or" "x"'
    assert search.fts_match("*") == search.MATCH_NOTHING
    assert search.fts_match(None) == search.MATCH_NOTHING


def test_snippet_is_the_passage_with_the_words_without_segmentation_spaces():
    text = "开头说点别的事情。" * 8 + "代金券退款的时候券要不要返还？" + "后面还有很多别的话题。" * 8
    out = search.snippet(text, "代金券退款", width=40)
    assert "代金券退款" in out and out.startswith("…") and out.endswith("…")
    assert len(out) <= 42
    assert search.snippet("短句", "退款") == "短句"
    assert search.snippet(None, "退款") == ""


def test_table_search_box_rewrite():
    assert rewrite_query_string("_search=%E4%BB%A3%E9%87%91%E5%88%B8%E9%80%80%E6%AC%BE&_facet=month") == \
        "_search=%E4%BB%A3%E9%87%91%E5%88%B8+%E9%80%80%E6%AC%BE&_facet=month"
    assert rewrite_query_string("_search=%22") == "_search=%2A"  # nothing left: a search that matches nothing
    assert rewrite_query_string("_search=+") == ""  # a blank box: no search
    assert rewrite_query_string("_search=abc") is None  # unchanged


def search_rows(site, q):
    return site.json("/kb/search.json", q=q, _shape="array")


def table_rows(site, q):
    return site.json("/kb/questions.json", _search=q, _shape="array", _size="max")


@pytest.mark.parametrize("q", ["退款", "代金券退款", "T+1 对账"])
def test_search_finds_words_phrases_and_mixed_queries(site, q):
    rows = search_rows(site, q)
    assert rows, q
    words = search.terms(q)
    for row in rows[:3]:
        found = (row["question"] + " " + (row["snippet"] or "")).lower()
        assert any(w in found for w in words), (q, row)
    ranks = [r["rank"] for r in rows]
    assert ranks == sorted(ranks)  # bm25, best first
    # the table search box finds the same questions
    assert {r["question_id"] for r in rows} == {r["id"] for r in table_rows(site, q)}


def test_column_search_box_is_segmented_too(site):
    rows = site.json("/kb/questions.json", _search_search="代金券退款", _shape="array")
    assert {r["id"] for r in rows} == {r["question_id"] for r in search_rows(site, "代金券退款")}


def test_unsegmented_phrase_needs_both_words(site):
    both = {r["question_id"] for r in search_rows(site, "代金券退款")}
    refunds = {r["question_id"] for r in search_rows(site, "退款")}
    assert both and both < refunds
    assert all("代金券" in r["question"] + r["snippet"] for r in search_rows(site, "代金券退款"))


def test_snippets_have_no_segmentation_spaces(site):
    for row in search_rows(site, "退款"):
        assert "退 款" not in row["snippet"] and "退款 失败" not in row["snippet"]


@pytest.mark.parametrize("q", NONSENSE)
def test_nonsense_input_is_no_error(site, q):
    assert site.get("/kb/search.json", q=q, _shape="array").status_code == 200
    assert site.get("/kb/search", q=q).status_code == 200
    response = site.get("/kb/questions.json", _search=q)
    assert response.status_code == 200, (q, response.text[:300])
    assert site.get("/kb/answers", _search=q).status_code == 200


def test_empty_search_page_shows_the_form(site):
    html = site.html("/kb/search")
    assert 'name="q"' in html


def test_search_page_marks_the_words_and_links_to_question_pages(site):
    html = site.html("/kb/search", q="代金券退款")
    assert "<mark>代金券</mark>" in html and "<mark>退款</mark>" in html
    assert "/kb/question/" in html


def test_table_search_marks_the_words(site):
    html = site.html("/kb/questions", _search="代金券退款")
    assert "<mark>代金券</mark>" in html
