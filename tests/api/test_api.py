"""The JSON API in process, including bad input; every error has the same shape."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from pgdojo.api.server import create_app
from pgdojo.services import Services
from pgdojo.tracks.sql import SqlTrack

pytestmark = pytest.mark.anyio


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture()
async def client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(services))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


def assert_error_shape(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"ok", "error", "code", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert "Traceback" not in response.text
    return body


async def test_list_show_hint(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/api/v1/problems", params={"difficulty": "easy"})).json()
    assert listed["ok"] and all(p["difficulty"] == "easy" for p in listed["problems"])
    shown = (await client.get("/api/v1/problems/running-total")).json()
    assert shown["problem"]["sample_expected"]["columns"][-1] == "running_total"
    hint = (await client.get("/api/v1/problems/running-total/hints/1")).json()
    assert hint["hint"]


async def test_judge_wrong_then_right(client: httpx.AsyncClient, services: Services) -> None:
    url = "/api/v1/problems/running-total/judge"
    wrong = (await client.post(url, json={"sql": "SELECT 1 AS id"})).json()
    assert wrong["result"]["verdict"] == "wrong_answer"
    solution = services.track(SqlTrack).problem("running-total").solution
    right = (await client.post(url, json={"sql": solution})).json()
    assert right["result"]["verdict"] == "accepted"


async def test_run_on_sample(client: httpx.AsyncClient) -> None:
    body = {"sql": "SELECT id FROM transactions ORDER BY id"}
    data = (await client.post("/api/v1/problems/running-total/run", json=body)).json()
    assert data["ok"] and data["rows"]["columns"] == ["id"] and len(data["rows"]["rows"]) == 5


async def test_hostile_sql_is_a_verdict_not_an_error(client: httpx.AsyncClient) -> None:
    data = (
        await client.post(
            "/api/v1/problems/running-total/judge",
            json={"sql": "SELECT pg_read_file('/etc/passwd')"},
        )
    ).json()
    assert data["result"]["verdict"] == "rejected"


async def test_bad_requests(client: httpx.AsyncClient) -> None:
    assert_error_shape(await client.get("/api/v1/problems/nope"), 404)
    assert_error_shape(await client.get("/api/v1/problems/running-total/hints/9"), 400)
    assert_error_shape(
        await client.post("/api/v1/problems/nope/judge", json={"sql": "SELECT 1"}), 404
    )
    assert_error_shape(
        await client.post(
            "/api/v1/problems/running-total/judge",
            content=b"{not json",
            headers={"content-type": "application/json"},
        ),
        422,
    )
    assert_error_shape(await client.post("/api/v1/problems/running-total/judge", json={}), 422)
    assert_error_shape(
        await client.post("/api/v1/problems/running-total/judge", json={"sql": "x" * 300_000}), 413
    )
    assert_error_shape(await client.get("/api/v1/nothing-here"), 404)


async def test_openapi(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert "/api/v1/problems/{problem_id}/judge" in spec["paths"]


async def test_deepdive_and_cards_endpoints(client: httpx.AsyncClient) -> None:
    topics = (await client.get("/api/v1/topics")).json()
    assert topics["ok"] and any(t["id"] == "mvcc" for t in topics["topics"])
    graded = (
        await client.post(
            "/api/v1/topics/mvcc/grade", json={"answer": "MVCC, xmin, xmax, snapshot, vacuum"}
        )
    ).json()
    assert graded["grade"]["score"] <= 20
    due = (await client.get("/api/v1/cards/due", params={"limit": 2})).json()
    assert len(due["cards"]) == 2
    card = due["cards"][0]["card_id"]
    reviewed = (await client.post(f"/api/v1/cards/{card}/review", json={"rating": "good"})).json()
    assert reviewed["interval_days"] > 0
    assert_error_shape(
        await client.post(f"/api/v1/cards/{card}/review", json={"rating": "meh"}), 422
    )
    assert_error_shape(await client.post("/api/v1/topics/nope/grade", json={"answer": "x"}), 404)
    assert_error_shape(await client.post("/api/v1/topics/mvcc/grade", json={"answer": ""}), 422)


async def test_lab_endpoints_and_errors(client: httpx.AsyncClient) -> None:
    labs = (await client.get("/api/v1/labs")).json()
    assert any(s["id"] == "lock-contention" for s in labs["scenarios"])
    assert_error_shape(await client.get("/api/v1/labs/lock-contention/status"), 400)
    assert_error_shape(await client.post("/api/v1/labs/nope/start"), 404)
    started = (await client.post("/api/v1/labs/lock-contention/start")).json()
    try:
        assert started["dsn"].startswith("postgresql://oncall:")
        status = (await client.get("/api/v1/labs/lock-contention/status")).json()
        assert status["symptom_present"] is True
        console = (
            await client.post(
                "/api/v1/labs/lock-contention/console", json={"sql": "SELECT count(*) FROM orders"}
            )
        ).json()
        assert console["rows"] == [[5000]]
        bad = (
            await client.post("/api/v1/labs/lock-contention/console", json={"sql": "SELEC 1"})
        ).json()
        assert "syntax error" in bad["error"]
        check = (await client.post("/api/v1/labs/lock-contention/check")).json()
        assert check["solved"] is False
    finally:
        stopped = (await client.post("/api/v1/labs/lock-contention/stop")).json()
    assert stopped["stopped"] is True


async def test_prove_endpoint(client: httpx.AsyncClient) -> None:
    run = (await client.post("/api/v1/topics/isolation-locking/prove")).json()
    assert run["ok"] and any(s["outcome"] == "error:40P01" for s in run["run"]["steps"])
    assert_error_shape(await client.post("/api/v1/topics/jsonb/prove"), 404)  # no experiment
