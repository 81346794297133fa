"""A Streamlit session without a browser: the websocket protocol a browser speaks (protobuf
BackMsg / ForwardMsg), for the load bench and the replica tests.

Like a browser behind nginx, a session first loads the page over HTTP and keeps the cookies it is
given (the route cookie that makes nginx send all its requests to one replica), then opens
``/_stcore/stream`` with them.
"""

from __future__ import annotations

import asyncio
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

RERUN_TIMEOUT_S = 60


def run(coro):
    """Run a coroutine to its end from synchronous code, in a thread of its own: the browser
    tests' Playwright keeps an event loop running in the main thread for the whole session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def page_cookies(url: str, headers: dict | None = None) -> str:
    """Load the app's page as a browser does first; the ``Cookie`` header its answer asks for."""
    with urllib.request.urlopen(urllib.request.Request(url + "/", headers=headers or {}), timeout=30) as r:
        jar = SimpleCookie()
        for header in r.headers.get_all("Set-Cookie") or []:
            jar.load(header)
    return "; ".join(f"{k}={m.value}" for k, m in jar.items())


async def open_session(url: str, cookies: str | None = None, headers: dict | None = None):
    """A websocket to the app (``cookies``: sent as a browser would; None loads the page for them;
    ``headers``: more, such as a sign-in's ``Authorization``)."""
    if cookies is None:
        cookies = await asyncio.to_thread(page_cookies, url, headers)
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    headers = {**(headers or {}), **({"Cookie": cookies} if cookies else {})} or None
    return await websockets.connect(
        ws_url, subprotocols=["streamlit"], max_size=2**26, additional_headers=headers, open_timeout=30
    )


class Session:
    """One Streamlit session over the websocket: rerun with widget states, wait for the end."""

    def __init__(self, ws):
        self.ws = ws
        self.checkboxes: dict[str, str] = {}  # label -> widget id
        self.radios: dict[str, tuple[str, int]] = {}  # label -> (widget id, number of options)
        self.component_id: str | None = None
        self.errors = 0
        self.texts: list[str] = []  # markdown of the last rerun

    async def rerun(self, widgets: list[WidgetState]) -> float:
        """Rerun the page with these widget states; the seconds until the script finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.widget_states.CopyFrom(WidgetStates(widgets=widgets))
        t = time.perf_counter()
        self.texts = []
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
                elif which == "markdown":
                    self.texts.append(el.markdown.body)
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

    async def start(self) -> None:
        """The first run (the map's first report reruns the page, as in a browser)."""
        await self.rerun([])
        # The sidebar's source checkboxes ("s001 · …") come with the second run; the page's own
        # toggles (the claimant split) with the first.
        if not any(" · " in label for label in self.checkboxes):
            await self.rerun([])
