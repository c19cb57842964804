"""Safe by default: loopback only, no foreign Host (DNS rebinding), no CORS, nothing written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pipeline.cli.options import resolve_config
from pipeline.web.app import create_app
from pipeline.web.guard import host_allowed, is_loopback
from tests.conftest import run_cli

from .conftest import BASE


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8750", "127.0.0.1.nip.io", ""])
def test_a_request_naming_another_host_is_refused(client: TestClient, host: str) -> None:
    for method, url in (("GET", "/"), ("POST", "/api/check")):
        answer = client.request(
            method, url, headers={"host": host}, json={"text": "Hej.", "lang": "da"}
        )
        assert answer.status_code == 400
        assert "answers only to its own address" in answer.json()["error"]


@pytest.mark.parametrize("host", ["127.0.0.1:8750", "localhost:8750", "[::1]:8750", "localhost"])
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/check", headers={"host": host}).status_code == 200


def test_bound_elsewhere_it_answers_to_addresses_and_its_name_only() -> None:
    assert host_allowed("192.168.1.20:8750", "0.0.0.0")
    assert host_allowed("editor-box:8750", "editor-box")
    assert not host_allowed("evil.example:8750", "0.0.0.0")
    assert not host_allowed("192.168.1.20:8750", "127.0.0.1")
    assert is_loopback("127.0.0.1")
    assert is_loopback("::1")
    assert is_loopback("[::1]")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("example.org")


def test_no_cors_headers_even_when_another_origin_asks(client: TestClient) -> None:
    origin = {"origin": "https://evil.example"}
    preflight = client.options(
        "/api/check", headers={**origin, "access-control-request-method": "POST"}
    )
    post = client.post("/api/check", headers=origin, json={"text": "Hej.", "lang": "da"})
    for answer in (preflight, post, client.get("/", headers=origin)):
        assert not [name for name in answer.headers if name.startswith("access-control-")]
    assert preflight.status_code == 405


def test_every_answer_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for answer in (client.get("/"), client.get("/check"), client.get("/nope")):
        policy = answer.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "'unsafe-inline'" not in policy
        assert answer.headers["x-content-type-options"] == "nosniff"


def _tree(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_serving_never_writes_to_the_project(sample: Path) -> None:
    before = _tree(sample)
    client = TestClient(create_app(resolve_config(None)), base_url=BASE)
    text = (sample / "source/da/genterapi.md").read_text() + "\nMere om CAR T.\n"
    for url in ("/", "/documents/genterapi", "/documents/what-is-atmp", "/check"):
        assert client.get(url).status_code == 200
    for kind in ("check", "readability"):
        answer = client.post(f"/api/{kind}", json={"text": text, "path": "source/da/genterapi.md"})
        assert answer.status_code == 200
    client.post("/check", data={"text": text, "lang": "da"})
    assert _tree(sample) == before


def test_serve_warns_loudly_off_loopback_and_prints_its_address(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **_: started.append((host, port)))
    quiet = run_cli("serve")
    loud = run_cli("serve", "--host", "0.0.0.0", "--port", "9000")
    assert started == [("127.0.0.1", 8750), ("0.0.0.0", 9000)]
    assert "http://127.0.0.1:8750/" in quiet.stdout
    assert "WARNING" not in quiet.stderr
    assert "http://0.0.0.0:9000/" in loud.stdout
    assert "WARNING: listening on 0.0.0.0" in loud.stderr
