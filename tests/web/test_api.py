"""POST /api/check and /api/readability answer with the CLI's JSON; every bad request is a 4xx."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.conftest import run_cli

DRAFT = (
    "# Behandling\n\nGenterapi er en behandling. Vi bruger CAR T celler og en vektor til at "
    "bringe arvematerialet ind i cellerne, og behandlingen gives af læger, der har særlig "
    "erfaring med genterapi og med opfølgning af patienter over mange år efter behandlingen.\n"
)
ENGLISH = (
    "# Treatment\n\nGene therapy is a treatment. The doctors who give it have particular "
    "experience with the administration of genetically modified medicinal products and the "
    "monitoring of patients over many years afterwards.\n"
)


@pytest.mark.parametrize(("text", "lang"), [(DRAFT, "da"), (ENGLISH, "en")])
def test_check_answers_as_the_cli_prints_for_the_same_text(
    client: TestClient, text: str, lang: str
) -> None:
    answer = client.post("/api/check", json={"text": text, "lang": lang})
    cli = run_cli("check", "-", "--lang", lang, "--format", "json", input=text)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == json.loads(cli.stdout)
    if lang == "da":
        assert any(f["rule"] == "term/deprecated" for f in answer.json())


@pytest.mark.parametrize(("text", "lang"), [(DRAFT, "da"), (ENGLISH, "en")])
def test_readability_answers_as_the_cli_prints_for_the_same_text(
    client: TestClient, text: str, lang: str
) -> None:
    answer = client.post("/api/readability", json={"text": text, "lang": lang, "top": 5})
    cli = run_cli(
        "readability",
        "-",
        "--lang",
        lang,
        "--format",
        "json",
        "--top",
        "5",
        "--no-report",
        input=text,
    )
    assert answer.status_code == 200
    assert answer.json() == json.loads(cli.stdout)
    assert answer.json()["documents"][0]["lix"] > 40
    assert (answer.json()["documents"][0]["flesch"] is None) == (lang == "da")


def test_a_path_gives_the_text_its_place_as_the_cli_checks_the_saved_file(
    client: TestClient, sample: Path
) -> None:
    path = sample / "source/da/genterapi.md"
    edited = path.read_text() + "\nLæs også [om vektorer](findes-ikke.md) og om CAR T.\n"
    answers = {
        kind: client.post(f"/api/{kind}", json={"text": edited, "path": "source/da/genterapi.md"})
        for kind in ("check", "readability")
    }
    assert path.read_text() != edited, "the server never writes the project"
    path.write_text(edited)
    check = run_cli("check", "source/da/genterapi.md", "--format", "json")
    scores = run_cli("readability", "source/da/genterapi.md", "--format", "json", "--no-report")
    assert answers["check"].json() == json.loads(check.stdout)
    assert answers["readability"].json() == json.loads(scores.stdout)
    rules = {finding["rule"] for finding in answers["check"].json()}
    assert {"links/broken", "term/deprecated"} <= rules


JSON = {"content-type": "application/json"}
BAD_REQUESTS = [
    ("not JSON", b"text=hello", JSON, 400, "not valid JSON"),
    ("not UTF-8", b'{"text": "\xff"}', JSON, 400, "not valid JSON"),
    ("not an object", b'["Genterapi"]', JSON, 400, "must be a JSON object"),
    ("no text", b'{"lang": "da"}', JSON, 400, "'text' is missing"),
    ("empty text", b'{"text": "  \\n", "lang": "da"}', JSON, 400, "'text' is empty"),
    ("text not a string", b'{"text": ["a"], "lang": "da"}', JSON, 400, "must be a string"),
    ("unknown key", b'{"txt": "Hej", "lang": "da"}', JSON, 400, "unknown key 'txt'"),
    ("language no one knows", b'{"text": "Hej.", "lang": "xx"}', JSON, 400, "unknown language"),
    ("language not ours", b'{"text": "Hej.", "lang": "sv"}', JSON, 400, "not one of the project"),
    ("lang not a string", b'{"text": "Hej.", "lang": 3}', JSON, 400, "language must be a code"),
    ("path upwards", b'{"text": "Hej.", "lang": "da", "path": "../x.md"}', JSON, 400, "inside"),
    ("path absolute", b'{"text": "Hej.", "path": "/etc/passwd"}', JSON, 400, "inside the project"),
    ("path empty", b'{"text": "Hej.", "path": ""}', JSON, 400, "project-relative path"),
    ("top too big", b'{"text": "Hej.", "lang": "da", "top": 1000}', JSON, 400, "'top'"),
    ("form post", b"text=Hej", {"content-type": "text/plain"}, 415, "must be JSON"),
    ("no content type", b'{"text": "Hej."}', {}, 415, "must be JSON"),
    ("no language anywhere", b'{"text": "Hej med dig."}', JSON, 422, "language is not known"),
    ("bad front matter", b'{"text": "---\\nlang: [\\n---\\nHej.", "lang": "da"}', JSON, 422, ""),
    # a 500 and a traceback in the server's log
    ("lone surrogate", b'{"text": "Hej \\ud800 med dig.", "lang": "da"}', JSON, 422, "surrogate"),
]


@pytest.mark.parametrize("endpoint", ["/api/check", "/api/readability"])
@pytest.mark.parametrize(
    ("body", "headers", "status", "expected"),
    [case[1:] for case in BAD_REQUESTS],
    ids=[case[0] for case in BAD_REQUESTS],
)
def test_a_bad_request_is_a_4xx_with_a_json_error_never_a_traceback(
    client: TestClient,
    endpoint: str,
    body: bytes,
    headers: dict[str, str],
    status: int,
    expected: str,
) -> None:
    answer = client.post(endpoint, content=body, headers=headers)
    assert answer.status_code == status, answer.text
    error = answer.json()
    assert set(error) == {"error", "hint"}
    assert expected in error["error"]
    assert "Traceback" not in answer.text
    assert "\n" not in error["error"]


def test_a_body_over_the_limit_is_refused_before_it_is_read_whole(client: TestClient) -> None:
    big = json.dumps({"text": "Genterapi er en behandling. " * 40_000, "lang": "da"}).encode()
    declared = client.post("/api/check", content=big, headers=JSON)
    streamed = client.post("/api/check", content=iter([big[:600_000], big[600_000:]]), headers=JSON)
    for answer in (declared, streamed):
        assert answer.status_code == 413
        assert "larger than" in answer.json()["error"]


def test_a_path_through_a_link_out_of_the_project_is_refused(
    client: TestClient, sample: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (sample / "source/da/ud").symlink_to(outside)
    answer = client.post(
        "/api/check", json={"text": "Hej.", "lang": "da", "path": "source/da/ud/x.md"}
    )
    assert answer.status_code == 400
    assert "inside the project" in answer.json()["error"]


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [("GET", "/api/check", 405), ("PUT", "/api/readability", 405), ("POST", "/api/nothing", 404)],
)
def test_wrong_methods_and_addresses_under_api_are_json_errors(
    client: TestClient, method: str, url: str, status: int
) -> None:
    answer = client.request(method, url, json={"text": "Hej.", "lang": "da"})
    assert answer.status_code == status
    assert set(answer.json()) == {"error", "hint"}


def test_no_language_is_told_the_api_way_not_the_command_lines(client: TestClient) -> None:
    answer = client.post("/api/check", content=b'{"text": "Hej med dig."}', headers=JSON)
    assert answer.status_code == 422
    assert '"lang"' in answer.json()["hint"]
    assert "--lang" not in answer.json()["hint"]


def test_serve_on_a_port_in_use_says_so_in_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert f"--port {port + 1}" in result.stderr
    assert "pipeline serve: http" not in result.stdout


def test_check_says_in_a_header_what_it_left_out(client: TestClient) -> None:
    text = "# Side\n\nLæs [siden om ATMP](hvad-er-atmp.md) først.\n"
    answer = client.post("/api/check", json={"text": text, "lang": "da"})
    assert answer.status_code == 200
    notes = json.loads(answer.headers["X-Pipeline-Not-Checked"])
    assert any(
        note.startswith("1 link of standard input to other files not checked") for note in notes
    )
