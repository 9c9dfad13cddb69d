"""Load test: concurrent staff creating, editing and reading bulletins while a publish runs.

Starts ``main.py serve`` on 127.0.0.1 with a fresh data folder, then drives it with a bounded
number of concurrent clients for a bounded time, and prints p50/p99 latency per kind of request
and the error count. Only loopback is ever contacted.

Beside them, ``--slow-clients`` connections each send the headers of a ``PATCH`` announcing a
body and never send it (half with a valid key, half without), holding the connection until the
server gives up on the body (408) and then starting again: the target must hold with them.

    .venv/bin/python benchmarks/load.py --clients 50 --seconds 20 --think 0.5
    .venv/bin/python benchmarks/load.py --think 0     # saturation: as fast as answered
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import httpx

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "demo" / "bulletins").glob("*.json"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(data_dir: Path, port: int, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    env = {
        "KAKEHASHI_WORKERS": str(workers),
        **os.environ,
        "KAKEHASHI_DATA_DIR": str(data_dir),
        "KAKEHASHI_PORT": str(port),
        "KAKEHASHI_BASE_URL": f"http://127.0.0.1:{port}/",
        # The load comes from one test key; the per-key limit protects against one runaway
        # client, which is not what is measured here.
        "KAKEHASHI_RATE_LIMIT_PER_MINUTE": "10000000",
    }
    created = subprocess.run(
        [sys.executable, "main.py", "keys", "create", "--name", "load", "--role", "admin"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    secret = created.stdout.strip().splitlines()[-1]
    server = subprocess.Popen(
        [sys.executable, "main.py", "serve"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return server, secret
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("server did not start")


async def _call(
    client: aiohttp.ClientSession, method: str, url: str, body: object | None = None
) -> tuple[int, bytes]:
    async with client.request(method, url, json=body) as response:
        return response.status, await response.read()


async def client_loop(
    client: aiohttp.ClientSession,
    until: float,
    latencies: dict[str, list[float]],
    errors: list[str],
    max_requests: int,
    think: float,
) -> None:
    rng = random.Random()
    mine: list[int] = []
    for _ in range(max_requests):
        if time.monotonic() >= until:
            return
        sample = json.loads(rng.choice(SAMPLES).read_text(encoding="utf-8"))
        roll = rng.random()
        if roll < 0.25 or not mine:
            kind, call = "create", _call(client, "POST", "/api/v1/bulletins", sample)
        elif roll < 0.45:
            body = {"body": sample["body"] + f"\n\n追記 {rng.randint(0, 10**6)}"}
            url = f"/api/v1/bulletins/{rng.choice(mine)}"
            kind, call = "edit", _call(client, "PATCH", url, body)
        elif roll < 0.8:
            kind, call = "read", _call(client, "GET", f"/api/v1/bulletins/{rng.choice(mine)}")
        else:
            kind, call = "list", _call(client, "GET", "/api/v1/bulletins?limit=20")
        started = time.perf_counter()
        try:
            status, content = await call
        except aiohttp.ClientError as error:
            errors.append(f"{kind}: {error!r}")
            continue
        latencies[kind].append(time.perf_counter() - started)
        if status >= 400:
            errors.append(f"{kind}: HTTP {status} {content[:120]!r}")
        elif kind == "create":
            mine.append(json.loads(content)["id"])
        if think:
            await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))


@dataclass
class SlowStats:
    """What the never-finished requests got: the server's answers and how long each took."""

    opened: int = 0
    answers: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    held: list[float] = field(default_factory=list)


async def slow_client(port: int, secret: str | None, until: float, stats: SlowStats) -> None:
    """Open a write, send its headers and no body, and hold on until the server answers."""
    key = f"Authorization: Bearer {secret}\r\n" if secret else ""
    head = (
        f"PATCH /api/v1/bulletins/1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: 10\r\n{key}\r\n"
    ).encode()
    while time.monotonic() < until:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        stats.opened += 1
        opened = time.monotonic()
        try:
            writer.write(head)
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), timeout=until - opened)
            parts = line.split()
            stats.answers[parts[1].decode() if len(parts) > 1 else "closed"] += 1
            stats.held.append(time.monotonic() - opened)
        except TimeoutError:
            stats.answers["still open at the end"] += 1
        finally:
            writer.close()


async def start_publish(client: aiohttp.ClientSession) -> str:
    """Put one bulletin through the workflow so a publish job runs during the load."""
    sample = json.loads(SAMPLES[2].read_text(encoding="utf-8"))
    _status, created = await _call(client, "POST", "/api/v1/bulletins", sample)
    url = f"/api/v1/bulletins/{json.loads(created)['id']}"
    await _call(client, "POST", f"{url}/submit")
    await _call(client, "POST", f"{url}/approve")
    _status, accepted = await _call(client, "POST", f"{url}/publish")
    return str(json.loads(accepted)["status_url"])


async def run(
    base_url: str,
    secret: str,
    clients: int,
    seconds: float,
    publish: bool,
    think: float,
    slow_clients: int = 0,
) -> int:
    headers = {"Authorization": f"Bearer {secret}"}
    port = int(base_url.rsplit(":", 1)[1])
    slow = SlowStats()
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(
        base_url=base_url, headers=headers, connector=connector, timeout=timeout
    ) as client:
        job_url = await start_publish(client) if publish else None
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(
                client_loop(client, until, latencies, errors, 100_000, think)
                for _ in range(clients)
            ),
            *(
                slow_client(port, secret if number % 2 else None, until, slow)
                for number in range(slow_clients)
            ),
        )
        deadline = time.monotonic() + 120
        job: dict[str, object] = {"state": "none started"}
        while job_url and time.monotonic() < deadline:
            _status, content = await _call(client, "GET", job_url)
            job = json.loads(content)
            if job["state"] in ("succeeded", "failed"):
                break
            await asyncio.sleep(0.5)
    total = sum(len(values) for values in latencies.values())
    pace = f"{think:.2f} s think time" if think else "no think time (saturation)"
    print(
        f"{clients} clients, {pace}, for {seconds:.0f} s: "
        f"{total} requests, {total / seconds:.0f} req/s"
    )
    print(f"publish job started with the load: {job.get('state')}")
    if slow_clients:
        answered = ", ".join(
            f"{count} x {status}" for status, count in sorted(slow.answers.items())
        )
        held = statistics.median(slow.held) if slow.held else 0.0
        print(
            f"slow clients: {slow_clients} (half with a valid key) opened {slow.opened} "
            f"never-finished writes; answers: {answered}; held {held:.1f} s each (median)"
        )
    print(f"{'request':8} {'count':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for kind in ("create", "edit", "read", "list"):
        values = sorted(latencies.get(kind, []))
        if not values:
            continue
        p50 = statistics.median(values) * 1000
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))] * 1000
        print(f"{kind:8} {len(values):7d} {p50:8.1f} {p99:8.1f}")
    worst = max(
        (sorted(v)[min(len(v) - 1, int(len(v) * 0.99))] for v in latencies.values() if v),
        default=0.0,
    )
    verdict = "met" if not errors and worst < 0.2 else "NOT met"
    print(f"target (no errors, p99 < 200 ms for every kind): {verdict}")
    print(f"errors: {len(errors)}")
    for line in errors[:10]:
        print(f"  {line}")
    return len(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument(
        "--think",
        type=float,
        default=0.5,
        help="mean pause of each client between requests (0: as fast as answered)",
    )
    parser.add_argument(
        "--no-publish", action="store_true", help="measure without a publish job running"
    )
    parser.add_argument(
        "--slow-clients",
        type=int,
        default=10,
        help="connections that send the headers of a write and never its body (0: none)",
    )
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="kakehashi-load-") as folder:
        server, secret = start_server(Path(folder) / "data", port, args.workers)
        print(f"server: {args.workers} process(es) on 127.0.0.1:{port}")
        try:
            errors = asyncio.run(
                run(
                    f"http://127.0.0.1:{port}",
                    secret,
                    args.clients,
                    args.seconds,
                    not args.no_publish,
                    args.think,
                    args.slow_clients,
                )
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    raise SystemExit(1 if errors else 0)


if __name__ == "__main__":
    main()
