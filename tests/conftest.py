"""Shared test setup: every test gets its own empty result cache, so no test reads another's results."""

import pytest

from factcheck.cli import main


@pytest.fixture(autouse=True)
def _own_cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("factcheck-cache")))


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path):
    """Run the real CLI in this process; returns (exit code, stdout, stderr).

    `check` and `baseline` run with one worker and no result cache, so every run extracts afresh. The current folder
    is left alone (config is found from the checked files); a test file that wants to run from tmp_path overrides this
    fixture with a wrapper that changes folder.
    """
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))

    def run(*args):
        extra = ["--jobs", "1", "--no-cache"] if args[0] in ("check", "baseline") else []
        code = main([*args, *extra])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def cli_here(cli, monkeypatch, tmp_path):
    """The shared CLI runner, run from tmp_path, with colour left to the output (NO_COLOR unset)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return cli
