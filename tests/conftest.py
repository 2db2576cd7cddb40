"""Shared fixtures: the bundled corpus, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


# --- FalkorDB servers (helper B, issue 8): real servers on free loopback ports / unix sockets ---


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory):
    """A FalkorDB server (native protocol, unix socket) for the whole session, stopped at the end."""
    from kg.falkor_server import start_server, stop_server

    info = start_server(tmp_path_factory.mktemp("falkordb-store"))
    yield info
    stop_server(info, save=False)


@pytest.fixture(scope="session")
def bind_loopback_lib(tmp_path_factory) -> Path:
    """tests/bind_loopback.c compiled: keeps FalkorDB's Bolt listener on 127.0.0.1."""
    import shutil
    import subprocess

    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.fail("the Bolt tests need a C compiler (cc) to build tests/bind_loopback.c")
    lib = tmp_path_factory.mktemp("bind-loopback") / "bind_loopback.so"
    source = ROOT / "tests" / "bind_loopback.c"
    subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-o", str(lib), str(source), "-ldl"], check=True)
    return lib


@pytest.fixture()
def falkordb_bolt_server(tmp_path_factory, bind_loopback_lib):
    """A fresh FalkorDB server with Bolt on a free loopback port, for one test.

    Fresh per test because FalkorDB 4.16.3's Bolt endpoint crashes (SIGSEGV) on any message over
    about 4 KB; a crash in one test must not leak into the next.
    """
    from kg.falkor_server import free_bolt_port, start_server, stop_server

    info = start_server(
        tmp_path_factory.mktemp("falkordb-bolt-store"), bolt_port=free_bolt_port(), preload=bind_loopback_lib
    )
    yield info
    stop_server(info, save=False)


# --- input formats (helper D, issue 5): copies of the corpus in every format, made once ---


@pytest.fixture(scope="session")
def fixture_maker():
    """tests/data/make_fixtures.py as a module (docx / pdf / html / encoded copies of a text)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tests" / "data" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def format_copies(tmp_path_factory, corpus_files, fixture_maker) -> dict[tuple[str, str], Path]:
    """{(corpus stem, format label): path} for every corpus file in every input format."""
    folder = tmp_path_factory.mktemp("format-copies")
    out = {}
    for txt in corpus_files:
        for label, path in fixture_maker.write_all(txt, folder).items():
            out[(txt.stem, label)] = path
    return out


# --- graph store (helper A, issue 4): the corpus built once into an Oxigraph store ---


@pytest.fixture(scope="session")
def corpus_store_dir(tmp_path_factory, corpus_dir) -> Path:
    """A store folder holding `kg build corpus/` (read-only for tests: copy it before changing it)."""
    from kg.build import build

    folder = tmp_path_factory.mktemp("corpus-store") / "kg-data"
    report = build([corpus_dir], folder)
    assert not report.errors, report.lines()
    return folder


@pytest.fixture(scope="session")
def corpus_store(corpus_store_dir):
    """The built corpus store, opened read-only (kg.store.Store)."""
    from kg.store import open_store

    return open_store(corpus_store_dir)


# --- network views (helper C, issue 6): one headless Chromium (network off) for the session ---


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """tests/views_browser.Browser: headless Chromium via selenium with the network disabled."""
    import views_browser

    why = views_browser.available()
    if why is not None:
        pytest.fail(f"the view tests need headless Chromium: {why}")
    browser = views_browser.start(tmp_path_factory.mktemp("chromium"))
    yield browser
    browser.close()
