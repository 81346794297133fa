"""Load test: N concurrent sessions against a local server, over Streamlit's own websocket protocol.

Each session opens the app (a real Streamlit session: same protobuf messages a browser sends),
then alternately toggles a source checkbox and clicks the map (sends the map component's value),
timing each rerun from request to ``script_finished``. Bounded: a fixed number of actions per
session and a time limit per rerun; loopback only. Prints errors, p50/p95 rerun time and the
server's RSS for each N.

Usage: python bench/load_bench.py [--sessions 1 5 10 20] [--actions 10] [--think SECONDS] [--views few|many]
       python bench/load_bench.py --soak SECONDS

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
import sys
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server import streamlit_server  # noqa: E402

RERUN_TIMEOUT_S = 60


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


class Session:
    """One Streamlit session over the websocket: rerun with widget states, wait for the end."""

    def __init__(self, ws):
        self.ws = ws
        self.checkboxes: dict[str, str] = {}  # label -> widget id
        self.radios: dict[str, tuple[str, int]] = {}  # label -> (widget id, number of options)
        self.component_id: str | None = None
        self.errors = 0

    async def rerun(self, widgets: list[WidgetState]) -> float:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.widget_states.CopyFrom(WidgetStates(widgets=widgets))
        t = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), RERUN_TIMEOUT_S)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                el = fwd.delta.new_element
                which = el.WhichOneof("type")
                if which == "checkbox":
                    self.checkboxes[el.checkbox.label] = el.checkbox.id
                elif which == "radio":
                    self.radios[el.radio.label] = (el.radio.id, len(el.radio.options))
                elif which == "component_instance":
                    self.component_id = el.component_instance.id
                elif which == "exception":
                    self.errors += 1
                    if self.errors == 1:
                        print(f"  exception: {el.exception.type}: {el.exception.message[:300]}", file=sys.stderr)
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return time.perf_counter() - t
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    self.errors += 1
                    return time.perf_counter() - t


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
    url: str, actions: int, index: int, think: float = 0.0, views: str = "few", seed: str = ""
) -> tuple[list[float], int]:
    times: list[float] = []
    errors = 0
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=2**26) as ws:
            s = Session(ws)
            await s.rerun([])
            if not s.checkboxes:  # a first run sends the map alone; its first report reruns the page
                await s.rerun([])
            source_ids = sorted(s.checkboxes.items())
            rng = random.Random(f"{seed}/{index}")
            for i in range(actions):
                if think:
                    await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
                if i % 2 == 0 and source_ids:
                    states = toggle_states(s, source_ids, rng, index, i, views)
                else:
                    lat, lng = 26.5 + (i % 7) * 0.3, 61.0 + (index % 9) * 0.4
                    states = (
                        [
                            WidgetState(
                                id=s.component_id, json_value=json.dumps({"last_clicked": {"lat": lat, "lng": lng}})
                            )
                        ]
                        if s.component_id
                        else []
                    )
                times.append(await s.rerun(states))
            errors += s.errors
    except (TimeoutError, OSError, websockets.WebSocketException) as e:
        print(f"  session {index}: {type(e).__name__}: {e}", file=sys.stderr)
        errors += 1
    return times, errors


async def load(url: str, pid: int, n: int, actions: int, think: float, views: str) -> None:
    results = await asyncio.gather(*(run_session(url, actions, i, think, views, seed=f"N{n}") for i in range(n)))
    times = sorted(t for ts, _ in results for t in ts)
    errors = sum(e for _, e in results)
    p50 = statistics.median(times) if times else float("nan")
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan")
    print(
        f"N={n:2d}, think {think:g} s, views {views}: {len(times)} actions, errors {errors}, "
        f"p50 {p50:.2f} s, p95 {p95:.2f} s, server RSS {rss_mb(pid):.0f} MB"
    )


async def soak(url: str, pid: int, seconds: float, parallel: int = 4) -> None:
    start = time.monotonic()
    next_sample = start
    opened = errors = 0
    while time.monotonic() - start < seconds:
        results = await asyncio.gather(*(run_session(url, 2, opened + i) for i in range(parallel)))
        opened += parallel
        errors += sum(e for _, e in results)
        if time.monotonic() >= next_sample:
            print(
                f"t={time.monotonic() - start:5.0f} s: sessions opened {opened}, errors {errors}, "
                f"server RSS {rss_mb(pid):.0f} MB",
                flush=True,
            )
            next_sample += 30
    print(f"end: sessions opened {opened}, errors {errors}, server RSS {rss_mb(pid):.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 5, 10, 20])
    ap.add_argument("--actions", type=int, default=10)
    ap.add_argument("--think", type=float, default=5.0, help="mean pause between a user's actions (s)")
    ap.add_argument("--views", choices=["few", "many"], default="few", help="how many distinct map views")
    ap.add_argument("--soak", type=float, default=0, help="seconds of opening/closing sessions")
    args = ap.parse_args()
    if max(args.sessions) > 50 or args.actions > 100 or args.soak > 3600:
        sys.exit("bounded: at most 50 sessions, 100 actions each, one hour of soak")
    with streamlit_server(timeout_s=120) as url:
        import subprocess

        pid = int(
            subprocess.run(
                ["pgrep", "-f", f"server.port {url.rsplit(':', 1)[1]}"], capture_output=True, text=True
            ).stdout.split()[0]
        )
        print(f"server {url} (pid {pid}), RSS at start {rss_mb(pid):.0f} MB")
        if args.soak:
            asyncio.run(soak(url, pid, args.soak))
        else:
            for n in args.sessions:
                asyncio.run(load(url, pid, n, args.actions, args.think, args.views))


if __name__ == "__main__":
    main()
