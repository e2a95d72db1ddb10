"""Shared test setup: every test gets its own empty result cache, so no test reads another's results."""

import pytest


@pytest.fixture(autouse=True)
def _own_cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("factcheck-cache")))
