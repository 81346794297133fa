"""Several Streamlit servers behind Debian's nginx on one machine: the team topology, for a try-out.

    python -m deploy.replicas passwd NAME [--htpasswd deploy/htpasswd]     # add or change a sign-in
    python -m deploy.replicas [--replicas 2] [--port 8080] [--host 127.0.0.1] [--db PATH_OR_URL]
                              [--htpasswd deploy/htpasswd | --no-auth]
    python -m deploy.replicas --render-compose > deploy/compose/nginx.conf

Starts N replicas of the app on loopback ports, waits until each answers ``/_stcore/health``,
then starts nginx (``deploy/nginx.conf.in``) in front of them on ``--host:--port``, and stops
everything on Ctrl-C. The replicas share one store (``--db``, default ``CLAIMS_ATLAS_DB`` or the
same SQLite file as ``make run``; a PostgreSQL URL for a team) and one cookie secret, so a
browser moved to another replica (its replica stopped) keeps working. Everything runs as the
calling user; the run folder (config, logs, pid) is printed at start.

Sign-in: nginx asks for a user name and password (``auth_basic``, the htpasswd file; ``passwd``
adds a line with ``openssl passwd -6``) and passes the user to the replicas with a secret made
for this run (``geo.web.identity``). What each user may do is their role in the store
(``python -m geo.users``). ``--no-auth`` leaves sign-in out: everyone is then the store's
local user, which only suits one person.

``replicas()`` is the same set-up as a context manager, for the tests and the load bench.
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.in")
COMPOSE_CONF = Path(__file__).parent / "compose" / "nginx.conf"
HTPASSWD = Path(__file__).with_name("htpasswd")  # git-ignored
USER_HEADER, SECRET_HEADER = "X-Claims-Atlas-User", "X-Claims-Atlas-Proxy-Secret"  # geo.web.identity
MAX_UPLOAD_MB = 50  # .streamlit/config.toml's server.maxUploadSize: nginx must let as much through
START_TIMEOUT_S = 120


def streamlit_static() -> Path:
    """Streamlit's own frontend files, which its pages load from ``/static/`` (served by nginx
    instead of by each replica); the folder holds ``index.html`` and the bundles in ``static/``."""
    import streamlit

    return Path(streamlit.__file__).parent / "static" / "static"


def render(
    servers: list[str],
    listen: str,
    run_dir: str,
    app_static: str,
    st_static: str,
    identity_conf: str,
    htpasswd: str | None = None,
    mime_types: str = "/etc/nginx/mime.types",
    user: str | None = None,
) -> str:
    """The nginx configuration for these upstream servers (``host:port``), from the template;
    ``htpasswd``: ask for a sign-in checked against that file (None: no sign-in)."""
    auth = f'        auth_basic "Claims Atlas";\n        auth_basic_user_file {htpasswd};' if htpasswd else ""
    fields = {
        "USER": f"user {user};" if user else "",
        "AUTH": auth,
        "IDENTITY_CONF": identity_conf,
        "RUN": run_dir,
        "MIME_TYPES": mime_types,
        "MAX_UPLOAD_MB": str(MAX_UPLOAD_MB),
        "SERVERS": "\n".join(f"        server {s} max_fails=2 fail_timeout=10s;" for s in servers),
        "LISTEN": listen,
        "APP_STATIC": app_static,
        "STREAMLIT_STATIC": st_static,
    }
    out = TEMPLATE.read_text(encoding="utf-8")
    for name, value in fields.items():
        out = out.replace("{{" + name + "}}", value)
    if "{{" in out:
        raise ValueError(f"{TEMPLATE}: a field was left unfilled: {out[out.index('{{') :][:40]!r}")
    return out


def identity_headers(secret: str | None) -> str:
    """The headers nginx sets on every proxied request: the signed-in user and the shared
    secret (both replace what a browser sent; with no sign-in, both are emptied)."""
    return f'proxy_set_header {USER_HEADER} $remote_user;\nproxy_set_header {SECRET_HEADER} "{secret or ""}";\n'


def render_compose() -> str:
    """The configuration the compose file's nginx container uses (paths of the proxy image; the
    identity file is made from ``deploy/compose/identity.conf.template`` when the container starts)."""
    return render(
        ["app1:8501", "app2:8501"],
        "80",
        "/var/run/claims-atlas",
        "/srv/claims-atlas/app-static",
        "/srv/claims-atlas/streamlit-static",
        identity_conf="/etc/nginx/conf.d/identity.conf",
        htpasswd="/etc/nginx/htpasswd",
    )


def passwd(name: str, password: str, file: Path = HTPASSWD) -> None:
    """Add or replace ``name``'s line in an htpasswd file (SHA-512 crypt, ``openssl passwd -6``)."""
    if not name or ":" in name or not name.isprintable() or name != name.strip():
        raise ValueError(f"not a usable user name: {name!r}")
    hashed = subprocess.run(
        ["openssl", "passwd", "-6", "-stdin"], input=password, capture_output=True, text=True, check=True
    ).stdout.strip()
    lines = [ln for ln in (file.read_text().splitlines() if file.exists() else []) if ln.split(":", 1)[0] != name]
    file.write_text("\n".join([*lines, f"{name}:{hashed}"]) + "\n")
    file.chmod(0o640)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _wait(url: str, procs: list[subprocess.Popen], what: str, deadline: float) -> None:
    while not _healthy(url):
        dead = [p for p in procs if p.poll() is not None]
        if dead or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start (exit {dead[0].returncode if dead else 'timeout'}); see its log")
        time.sleep(0.3)  # polling a server process while it starts


@dataclass
class Topology:
    """What :func:`replicas` started: the public URL, each replica's URL and process, the run folder."""

    url: str
    replica_urls: list[str]
    replica_pids: list[int]
    run_dir: Path
    nginx_pid: int
    procs: list[subprocess.Popen] = field(repr=False, default_factory=list)

    def access_log(self) -> str:
        return (self.run_dir / "access.log").read_text(encoding="utf-8", errors="replace")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@contextmanager
def replicas(
    n: int = 2,
    port: int | None = None,
    host: str = "127.0.0.1",
    db: str | None = None,
    env: dict | None = None,
    run_dir: Path | None = None,
    quiet: bool = True,
    htpasswd: Path | None = None,
) -> Iterator[Topology]:
    """Start ``n`` replicas and nginx in front of them; yield the :class:`Topology`; stop all.
    With ``htpasswd``, nginx asks for a sign-in and the replicas believe the user it passes."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise RuntimeError("nginx is not installed: apt-get install nginx (Debian's package)")
    if htpasswd is not None and not Path(htpasswd).is_file():
        raise RuntimeError(f"no sign-ins yet: {htpasswd} does not exist (python -m deploy.replicas passwd NAME)")
    run = Path(run_dir or tempfile.mkdtemp(prefix="claims-atlas-replicas-"))
    run.mkdir(parents=True, exist_ok=True)
    port = port or _free_port()
    secret = secrets.token_hex(32) if htpasswd else None  # made for this run, known to nginx and the replicas
    identity_conf = run / "identity.conf"
    identity_conf.touch(mode=0o600)
    identity_conf.write_text(identity_headers(secret), encoding="utf-8")
    # The run's secret goes with the run; the logs stay for a look afterwards.
    base_env = {
        **os.environ,
        # One secret for all replicas: Streamlit signs its XSRF cookie with it, so an upload still
        # checks out when a browser's replica is replaced by another.
        "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32),
        **({"CLAIMS_ATLAS_DB": db} if db else {}),
        "CLAIMS_ATLAS_PROXY_SECRET": secret or "",
        **(env or {}),
    }
    with ExitStack() as stack:
        stack.callback(identity_conf.unlink, missing_ok=True)
        procs: list[subprocess.Popen] = []
        urls = []
        for i in range(n):
            rport = _free_port()
            log = stack.enter_context(open(run / f"replica-{i + 1}.log", "w"))
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    "app.py",
                    "--server.port",
                    str(rport),
                    "--server.address",
                    "127.0.0.1",  # only nginx reaches a replica
                    "--server.headless",
                    "true",
                    "--server.fileWatcherType",
                    "none",
                ],  # fmt: skip
                cwd=ROOT,
                env=base_env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches the launcher, which stops them in order
            )
            stack.callback(_stop, proc)
            procs.append(proc)
            urls.append(f"http://127.0.0.1:{rport}")
        deadline = time.monotonic() + START_TIMEOUT_S
        for i, u in enumerate(urls):
            _wait(f"{u}/_stcore/health", procs, f"replica {i + 1} ({run}/replica-{i + 1}.log)", deadline)
        conf = run / "nginx.conf"
        user = pwd.getpwuid(os.getuid()).pw_name if os.geteuid() == 0 else None
        conf.write_text(
            render(
                [u.removeprefix("http://") for u in urls],
                f"{host}:{port}",
                str(run),
                str(ROOT / "static"),
                str(streamlit_static()),
                identity_conf=str(identity_conf),
                htpasswd=str(Path(htpasswd).absolute()) if htpasswd else None,
                user=user,
            ),
            encoding="utf-8",
        )
        test = subprocess.run([nginx, "-t", "-q", "-p", str(run), "-c", str(conf)], capture_output=True, text=True)
        if test.returncode:
            raise RuntimeError(f"nginx refused {conf}: {test.stderr.strip()}")
        proxy = subprocess.Popen(
            [nginx, "-p", str(run), "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL if quiet else None,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        stack.callback(_stop, proxy)
        url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
        _wait(f"{url}/healthz", [proxy], f"nginx ({run}/error.log)", deadline)
        yield Topology(url, urls, [p.pid for p in procs], run, proxy.pid, procs + [proxy])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["passwd"]:
        return _passwd(argv[1:])
    ap = argparse.ArgumentParser(prog="python -m deploy.replicas", description=__doc__.splitlines()[0])
    ap.add_argument("--replicas", type=int, default=2, help="how many Streamlit servers (default 2)")
    ap.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    ap.add_argument(
        "--host", default="127.0.0.1", help="nginx's address (default loopback; 0.0.0.0 serves the network)"
    )
    ap.add_argument("--db", default=None, help="the shared store: a path or a database URL (default: CLAIMS_ATLAS_DB)")
    ap.add_argument("--htpasswd", type=Path, default=HTPASSWD, help=f"the sign-ins (default {HTPASSWD.name})")
    ap.add_argument("--no-auth", action="store_true", help="no sign-in: everyone is the local user (one person only)")
    ap.add_argument("--render-compose", action="store_true", help="print deploy/compose/nginx.conf and exit")
    args = ap.parse_args(argv)
    if args.render_compose:
        sys.stdout.write(render_compose())
        return 0
    if not 1 <= args.replicas <= 16:
        ap.error("--replicas: between 1 and 16")
    try:
        auth = None if args.no_auth else args.htpasswd
        with replicas(args.replicas, args.port, args.host, args.db, quiet=False, htpasswd=auth) as top:
            how = "no sign-in" if auth is None else f"sign-in checked against {auth}"
            print(f"Claims Atlas: {top.url} (nginx in front of {args.replicas} replicas; {how})", flush=True)
            for i, (u, pid) in enumerate(zip(top.replica_urls, top.replica_pids, strict=True)):
                print(f"  replica {i + 1}: {u} (pid {pid})")
            print(
                f"  config and logs: {top.run_dir}\nCtrl-C (or SIGTERM to this process) stops all of them.", flush=True
            )
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            while all(p.poll() is None for p in top.procs):
                time.sleep(1)
            print("a server stopped; stopping the others", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        print("stopped (the run folder keeps the logs)", file=sys.stderr)
        return 0
    except RuntimeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


def _passwd(argv: list[str]) -> int:
    import getpass

    ap = argparse.ArgumentParser(prog="python -m deploy.replicas passwd", description="add or change a sign-in")
    ap.add_argument("name")
    ap.add_argument("--htpasswd", type=Path, default=HTPASSWD)
    args = ap.parse_args(argv)
    tty = sys.stdin.isatty()  # typed at a prompt, or piped in by a script
    password = getpass.getpass(f"password for {args.name}: ") if tty else sys.stdin.readline().rstrip("\n")
    if len(password) < 8:
        print("error: use at least 8 characters", file=sys.stderr)
        return 1
    try:
        passwd(args.name, password, args.htpasswd)
    except (ValueError, OSError, subprocess.CalledProcessError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(
        f"{args.name} can sign in (file {args.htpasswd}); give them a role, as an admin: "
        f"python -m geo.users set {args.name} ROLE --as ADMIN --reason WHY "
        "(the store's first user: python -m geo.users set NAME admin)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
