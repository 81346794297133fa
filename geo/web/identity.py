"""Who is using this session: the user named by the authenticating proxy, or the local user.

In a team deployment nginx authenticates each request (``auth_basic`` for the try-out; OIDC
through oauth2-proxy in production) and passes the user in :data:`USER_HEADER`, together with
:data:`SECRET_HEADER` set to a secret it shares with the replicas (``CLAIMS_ATLAS_PROXY_SECRET``).
A browser that reaches a replica directly can send any header it likes, but not the secret, so
the user header is believed only beside the right secret; otherwise the session is anonymous
(a reader that may not write). With no secret configured (``make run``: one person, on loopback)
the session is the store's local user.

The headers are those of the session's websocket, which nginx sets on every request.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from geo.store import LOCAL_USER, Role, Store, StoreError
from geo.store.users import role_in_new_store
from geo.web import state

USER_HEADER = "X-Claims-Atlas-User"
SECRET_HEADER = "X-Claims-Atlas-Proxy-Secret"
SECRET_ENV = "CLAIMS_ATLAS_PROXY_SECRET"


@dataclass(frozen=True)
class Identity:
    """A session's user (None: anonymous) and how it was established: "local", "proxy" or "none"."""

    name: str | None
    how: str

    def describe(self, role: Role | None) -> str:
        """One line for the sidebar (plain text: the caller escapes it)."""
        if self.how == "local":
            return f"Local user ({role.name if role else 'reader'}): this atlas has no sign-in, it serves this machine."
        if self.name is None:
            return "Not signed in: you can read and export what is published."
        return f"Signed in as {self.name} ({role.name if role else 'reader'})."


def from_headers(headers: Mapping[str, str], secret: str | None) -> Identity:
    """The identity these request headers carry, given the proxy's secret (None: no proxy)."""
    if not secret:
        return Identity(LOCAL_USER, "local")
    given = headers.get(SECRET_HEADER) or ""
    user = (headers.get(USER_HEADER) or "").strip()
    if not user or not hmac.compare_digest(given.encode(), secret.encode()):
        return Identity(None, "none")
    return Identity(user, "proxy")


def current() -> Identity:
    """This session's identity (from its websocket's headers)."""
    return from_headers(st.context.headers, os.environ.get(SECRET_ENV))


def store() -> Store:
    """The user store, acting as this session's user (the store checks every write's role)."""
    return Store(user=current().name)


@st.cache_data(max_entries=256, show_spinner=False)
def _role(db: str, revision: int, user: str | None) -> Role | None:
    return Store(db, user=user).role()


def role() -> Role | None:
    """This session's role in the store, read once per store revision (None: anonymous). While
    the store cannot be read, a signed-in user is a reader and the local user stays the admin of
    its own machine, so the Add page can say what is wrong (the store refuses the writes itself)."""
    me = current()
    _, _, db, revision, _ = state.data_key()
    try:
        return _role(db, revision, me.name) if db and me.name else role_in_new_store(me.name)
    except StoreError:
        return role_in_new_store(me.name)


def may(need: Role) -> bool:
    """Whether this session may do what needs ``need`` (pages offer only what the store would accept)."""
    r = role()
    return r is not None and r >= need
