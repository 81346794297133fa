"""Load test: N concurrent sessions over Streamlit's own websocket protocol, straight to one
server or through nginx in front of R replicas (``deploy/replicas.py``, as ``make serve-replicas``
starts them).

Each session loads the page over HTTP (keeping the route cookie nginx gives it, as a browser
does), opens the app (a real Streamlit session: the same protobuf messages a browser sends),
then alternately toggles sources and clicks the map (sends the map component's value), timing
each action from request to ``script_finished``. Sessions arrive spread over ``--ramp`` seconds.
Bounded: at most 400 sessions and 100 actions each, a time limit per rerun; loopback only.
Prints errors, p50/p95 per action kind (open, toggle, click) and the RSS of each server.

Usage: python bench/load_bench.py [--sessions 1 5 10 20] [--replicas 0 1 2] [--actions 10]
                                  [--think SECONDS] [--views few|many] [--ramp SECONDS]
       python bench/load_bench.py --soak SECONDS

``--replicas 0`` is one server with no proxy (the default); R >= 1 puts nginx in front of R
replicas sharing one store (a throw-away SQLite file).

``--think`` is a user's pause between actions (uniformly random between half and one and a half
times it, seeded); 0 fires the next action as soon as the last one ends (saturation).

``--views``: ``few`` turns one source off at a time (six distinct map views in all, so after
the first few actions every map comes from the shared render cache); ``many`` picks a random
set of sources and a random claimant lens each time (124 views, more than the 48 the cache
holds; each N draws different ones), so many toggles render their map afresh: the cold case.

``--soak`` instead opens and closes sessions for that long and prints the server's RSS curve
(one sample every 30 s), to check memory plateaus.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import websockets
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy.replicas import replicas  # noqa: E402
from tests.server import streamlit_server  # noqa: E402
from tests.st_client import Session, open_session  # noqa: E402

MAX_SESSIONS = 400


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def toggle_states(s: Session, source_ids: list, rng: random.Random, index: int, i: int, views: str) -> list:
    """Widget states for a sidebar change: see ``--views``."""
    if views == "few":  # one source off (the others on), a different one each time
        off = source_ids[(index + i // 2) % len(source_ids)][1]
        return [WidgetState(id=wid, bool_value=(wid != off)) for _, wid in source_ids]
    on = [rng.random() < 0.5 for _ in source_ids]
    on[rng.randrange(len(on))] = True  # at least one source
    states = [WidgetState(id=wid, bool_value=v) for (_, wid), v in zip(source_ids, on, strict=True)]
    if "Claimant lens" in s.radios:
        wid, n = s.radios["Claimant lens"]
        states.append(WidgetState(id=wid, int_value=rng.randrange(n)))
    return states


async def run_session(
    url: str, actions: int, index: int, think: float = 0.0, views: str = "few", seed: str = "", delay: float = 0.0
) -> tuple[dict[str, list[float]], int]:
    """One user: arrive after ``delay``, open the app, then ``actions`` toggles and clicks."""
    times: dict[str, list[float]] = {"open": [], "toggle": [], "click": []}
    errors = 0
    rng = random.Random(f"{seed}/{index}")
    await asyncio.sleep(delay)
    try:
        async with await open_session(url) as ws:
            s = Session(ws)
            t = time.perf_counter()
            await s.start()
            times["open"].append(time.perf_counter() - t)
            source_ids = sorted(s.checkboxes.items())
            for i in range(actions):
                if think:
                    await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
                if i % 2 == 0 and source_ids:
                    kind, states = "toggle", toggle_states(s, source_ids, rng, index, i, views)
                else:
                    lat, lng = 26.5 + (i % 7) * 0.3, 61.0 + (index % 9) * 0.4
                    value = json.dumps({"last_clicked": {"lat": lat, "lng": lng}})
                    kind, states = "click", [WidgetState(id=s.component_id, json_value=value)] if s.component_id else []
                times[kind].append(await s.rerun(states))
            errors += s.errors
    except (TimeoutError, OSError, websockets.WebSocketException) as e:
        print(f"  session {index}: {type(e).__name__}: {e}", file=sys.stderr)
        errors += 1
    return times, errors


def pct(times: list[float], q: float) -> float:
    return times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")


def rss(pids: list[int]) -> str:
    return " / ".join(f"{rss_mb(p):.0f}" for p in pids) + " MB"


async def load(url: str, pids: list[int], n: int, actions: int, think: float, views: str, ramp: float) -> None:
    rng = random.Random(f"arrivals/{n}")
    results = await asyncio.gather(
        *(run_session(url, actions, i, think, views, f"N{n}", rng.uniform(0, ramp)) for i in range(n))
    )
    errors = sum(e for _, e in results)
    parts = []
    for kind in ("open", "toggle", "click"):
        ts = sorted(t for r, _ in results for t in r[kind])
        parts.append(f"{kind} p50 {statistics.median(ts) if ts else float('nan'):.2f} / p95 {pct(ts, 0.95):.2f} s")
    every = sorted(t for r, _ in results for k in ("toggle", "click") for t in r[k])
    print(
        f"N={n:3d}, think {think:g} s, views {views}: {len(every)} actions, errors {errors}, "
        f"all actions p50 {statistics.median(every) if every else float('nan'):.2f} s, p95 {pct(every, 0.95):.2f} s; "
        f"{'; '.join(parts)}; RSS per server {rss(pids)}",
        flush=True,
    )


async def soak(url: str, pids: list[int], seconds: float, parallel: int = 4) -> None:
    start = time.monotonic()
    next_sample = start
    opened = errors = 0
    while time.monotonic() - start < seconds:
        results = await asyncio.gather(*(run_session(url, 2, opened + i) for i in range(parallel)))
        opened += parallel
        errors += sum(e for _, e in results)
        if time.monotonic() >= next_sample:
            print(
                f"t={time.monotonic() - start:5.0f} s: sessions opened {opened}, errors {errors}, RSS {rss(pids)}",
                flush=True,
            )
            next_sample += 30
    print(f"end: sessions opened {opened}, errors {errors}, RSS {rss(pids)}")


@contextmanager
def servers(n_replicas: int):
    """(url, server pids): one bare server, or nginx in front of ``n_replicas`` replicas."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {"CLAIMS_ATLAS_DB": str(Path(tmp) / "user.db")}  # shared by the replicas, empty
        if n_replicas == 0:
            with streamlit_server(env=env, timeout_s=120) as url:
                port = url.rsplit(":", 1)[1]
                found = subprocess.run(["pgrep", "-f", f"server.port {port}"], capture_output=True, text=True)
                yield url, [int(found.stdout.split()[0])]
        else:
            with replicas(n_replicas, env=env) as top:
                yield top.url, top.replica_pids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 5, 10, 20])
    ap.add_argument("--replicas", type=int, nargs="+", default=[0], help="0: one server, no proxy; R: nginx + R")
    ap.add_argument("--actions", type=int, default=10)
    ap.add_argument("--think", type=float, default=5.0, help="mean pause between a user's actions (s)")
    ap.add_argument("--views", choices=["few", "many"], default="few", help="how many distinct map views")
    ap.add_argument("--ramp", type=float, default=10.0, help="sessions arrive spread over this many seconds")
    ap.add_argument("--soak", type=float, default=0, help="seconds of opening/closing sessions")
    args = ap.parse_args()
    if max(args.sessions) > MAX_SESSIONS or args.actions > 100 or args.soak > 3600 or max(args.replicas) > 8:
        sys.exit(f"bounded: at most {MAX_SESSIONS} sessions, 100 actions each, 8 replicas, one hour of soak")
    for r in args.replicas:
        with servers(r) as (url, pids):
            where = "one server, no proxy" if r == 0 else f"nginx in front of {r} replica{'s' * (r > 1)}"
            print(f"{where}: {url}, server pids {pids}, RSS at start {rss(pids)}", flush=True)
            if args.soak:
                asyncio.run(soak(url, pids, args.soak))
            else:
                for n in args.sessions:
                    asyncio.run(load(url, pids, n, args.actions, args.think, args.views, args.ramp))


if __name__ == "__main__":
    main()
