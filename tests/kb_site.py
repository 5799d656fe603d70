"""A knowledge base to serve in tests: the example chats, plus a group whose members
type HTML and script, built once into a temporary kb.db and opened with Datasette
(the plugin comes from the package's entry point, the metadata from metadata.yml)."""
import asyncio
import pathlib

from datasette.app import Datasette

from extractor import pipeline, serving
from tests.helpers import day_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "chats"
METADATA = ROOT / "metadata.yml"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[点我](javascript:alert(1))"
HOSTILE_GROUP = "安全测试群"
HOSTILE_DAY = [
    ("09:00:00", "林晓峰", f"请教下各位，退款回调里出现 {SCRIPT} 怎么处理？"),
    ("09:01:00", "周敏-清算-产品", f"退款回调要先转义，比如 {IMG} 这种，还有 {JS_LINK} 和 javascript:alert(2) 都别渲染"),
    ("09:02:00", "林晓峰", "明白了，多谢"),
    ("09:03:00", "<i>夏娃</i>", "退款回调我们也遇到过"),
]


def build_site(folder: pathlib.Path, name: str = "kb") -> pathlib.Path:
    """Build the example chats and the hostile group into folder/<name>.db."""
    chats = folder / "chats" / HOSTILE_GROUP
    chats.mkdir(parents=True, exist_ok=True)
    (chats / "2024-04-01-chat.markdown").write_text(day_text("2024-04-01", HOSTILE_DAY), encoding="utf-8")
    db_path = folder / f"{name}.db"
    pipeline.build([str(EXAMPLES), str(folder / "chats")], str(db_path))
    return db_path


def datasette_for(db_path) -> Datasette:
    metadata = serving.metadata_for(str(db_path), str(METADATA))
    return Datasette([], immutables=[str(db_path)], metadata=metadata, settings=serving.SETTINGS)


class Client:
    """Datasette's test client, called synchronously."""

    def __init__(self, ds: Datasette):
        self.ds = ds

    def get(self, path, **params):
        async def fetch():
            return await self.ds.client.get(path, params=params or None)
        return asyncio.run(fetch())

    def json(self, path, **params):
        response = self.get(path, **params)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    def html(self, path, **params):
        response = self.get(path, **params)
        assert response.status_code == 200, response.text[:500]
        return response.text
