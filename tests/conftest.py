import os
import tempfile

# Hypothesis keeps caches in a storage folder: a temporary one, not the working tree.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", tempfile.mkdtemp(prefix="hypothesis-"))
import pathlib

import pytest
from hypothesis import settings

from tests.helpers import day_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "dev.jsonl"


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


@pytest.fixture(scope="session")
def site_db(tmp_path_factory):
    """kb.db built from the example chats and a group that types HTML."""
    from tests.kb_site import build_site

    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site(site_db):
    """Datasette (in process, through its test client) over site_db."""
    from tests.kb_site import Client, datasette_for

    return Client(datasette_for(site_db))


# Tests write only to temporary folders: no example database in the working tree.
settings.register_profile("project", database=None, deadline=None)
settings.load_profile("project")
