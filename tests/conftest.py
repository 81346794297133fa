"""Shared test fixtures and the rule for tests that need ../shared/sources.

In CI (CI=true) the source texts must be there, so a missing one fails; elsewhere the tests
that need them skip with the reason.
"""

from __future__ import annotations

import os

import pytest

from geo.core.dataset import SOURCES_DIR, load_dataset
from tests import postgres

IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session", autouse=True)
def isolated_user_database(tmp_path_factory):
    """Tests never touch the user's own database of added sources."""
    old = os.environ.get("CLAIMS_ATLAS_DB")
    os.environ["CLAIMS_ATLAS_DB"] = str(tmp_path_factory.mktemp("userdb") / "user.db")
    yield
    if old is None:
        os.environ.pop("CLAIMS_ATLAS_DB", None)
    else:
        os.environ["CLAIMS_ATLAS_DB"] = old


def sources_available() -> bool:
    return SOURCES_DIR.is_dir() and any(SOURCES_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def need_sources():
    if not sources_available():
        if IN_CI:
            pytest.fail(f"CI needs the source texts at {SOURCES_DIR} (../shared/sources)")
        pytest.skip(f"source texts not found at {SOURCES_DIR}; set CLAIMS_ATLAS_SOURCES or clone beside ../shared")


@pytest.fixture(scope="session")
def dataset():
    return load_dataset()


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL server (tests marked ``postgres``). Absent here: they skip with one
    line; in CI it is installed by .ci/run and required."""
    bin_dir = postgres.binaries()
    if bin_dir is None:
        if IN_CI:
            pytest.fail("CI needs PostgreSQL (Debian's postgresql package, installed by .ci/run)")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql); the postgres tests skip")
    cluster = postgres.Cluster(bin_dir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """The URL of a fresh, empty PostgreSQL database."""
    return pg_cluster.new_database()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def where(request, tmp_path) -> str:
    """A fresh, empty store location on each back end."""
    if request.param == "sqlite":
        return str(tmp_path / "u.db")
    return request.getfixturevalue("pg_url")
