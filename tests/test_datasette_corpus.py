"""The plugin on real chats: a month of each group of ../shared/corpus, served as
corpus.db (skipped when ../shared is absent). Nothing of the corpus is copied here."""
import re

import pytest
from datasette.utils import tilde_encode

from extractor import pipeline
from extractor.datasette_plugin.search import terms
from tests.conftest import CORPUS
from tests.kb_site import Client, datasette_for

MONTHS = {"proddev": "2017-05", "devarch": "2017-12"}


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    files = sorted(str(p) for group, month in MONTHS.items() for p in CORPUS.glob(f"{group}/{month}-*.markdown"))
    if not files:
        pytest.skip(f"{CORPUS} is absent (no ../shared beside the project)")
    db_path = tmp_path_factory.mktemp("corpus-site") / "corpus.db"
    pipeline.build(files, str(db_path))
    return Client(datasette_for(db_path))


@pytest.mark.parametrize("q", ["退款", "对账", "T+1 对账", "聚合支付", "分布式事务"])
def test_searches_find_ranked_questions(corpus_site, q):
    rows = corpus_site.json("/corpus/search.json", q=q, _shape="array")
    assert rows, q
    ranks = [r["rank"] for r in rows]
    assert ranks == sorted(ranks)
    words = terms(q)
    top = (rows[0]["question"] + " " + (rows[0]["snippet"] or "")).lower()
    assert any(w in top for w in words)
    table = corpus_site.json("/corpus/questions.json", _search=q)
    assert table["filtered_table_rows_count"] >= len(rows)


@pytest.mark.parametrize("q", ['"', "OR", "*", "退款\"对账", "NEAR(", "  "])
def test_nonsense_is_no_error(corpus_site, q):
    assert corpus_site.get("/corpus/search.json", q=q).status_code == 200
    assert corpus_site.get("/corpus/questions.json", _search=q).status_code == 200


def test_question_page_of_the_first_answered_result(corpus_site):
    rows = corpus_site.json("/corpus/search.json", q="退款", _shape="array")
    first = next(r for r in rows if r["answer_count"])
    html = corpus_site.html(f"/corpus/question/{tilde_encode(first['question_id'])}", q="退款")
    assert 'class="kb-answer' in html and "kb-role-question" in html and "kb-role-answer" in html
    assert "<mark>退款</mark>" in html


def test_every_canned_query_and_the_chart_data(corpus_site):
    for name, params in {"unanswered": {}, "helpful_members": {}, "top_keywords": {}, "search": {"q": "清算"}}.items():
        assert corpus_site.json(f"/corpus/{name}.json", _shape="array", **params), name
    per_month = corpus_site.json("/corpus/questions_per_month.json", _shape="array")
    assert {(r["group_name"], r["month"]) for r in per_month} == set(MONTHS.items())
    assert 'data-kb-chart="/corpus/questions_per_month.json?_shape=array"' in corpus_site.html("/")


def test_images_are_links_in_cells(corpus_site):
    html = corpus_site.html("/corpus/messages", kind="image")
    assert 'class="kb-image"' in html
    assert not re.search(r"<img[^>]+wechat", html)
