"""Publishing is safe: the knowledge base is served read-only (immutable) with a SQL time
limit; writes are refused."""
import asyncio

import pytest

from extractor import serving


def count(site):
    return site.json("/kb.json", sql="select count(*) as n from questions", _shape="array")[0]["n"]


@pytest.mark.parametrize("sql", [
    "delete from questions",
    "update questions set text = 'x'",
    "insert into members (id, name) values ('x', 'x')",
    "drop table questions",
    "pragma journal_mode = delete",
    "attach database '/tmp/x.db' as x",
])
def test_writes_through_sql_are_refused(site, sql):
    before = count(site)
    response = site.get("/kb.json", sql=sql)
    assert response.status_code == 400 or not response.json().get("ok", True)
    assert count(site) == before


def test_the_database_is_immutable_even_for_the_server_itself(site):
    db = site.ds.get_database("kb")
    assert db.is_mutable is False

    async def write():
        await db.execute_write("delete from questions")

    with pytest.raises(Exception):
        asyncio.run(write())
    assert count(site) > 0


def test_a_runaway_query_is_stopped_by_the_time_limit(site):
    assert serving.SETTINGS["sql_time_limit_ms"] <= 5000
    response = site.get("/kb.json", sql="with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")
    assert response.status_code == 400
    assert "too long" in response.text
