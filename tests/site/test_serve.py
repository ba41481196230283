"""``mkdocs serve`` with bad data keeps serving the last good site and shows
the errors on every page, then recovers when the data is fixed."""
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from support import FIXTURES, ROOT, unused_port

pytestmark = pytest.mark.site

BANNER = "The data has errors: this preview shows the last version that built."


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, condition, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = None
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and condition(page):
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not reach the expected state in {seconds} s; last page:\n{page}")


@pytest.fixture
def served(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "golden", data)
    port = unused_port()
    env = dict(os.environ, DIRECTORY_DATA=str(data), NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=str(ROOT / "scripts"))
    env.pop("GITHUB_REPOSITORY", None)
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield data, f"http://127.0.0.1:{port}", log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_bad_data_keeps_the_last_good_site_and_shows_the_errors(served):
    data, base, log = served
    page = f"{base}/programmes/pillar-a/"
    first = wait_for(page, lambda html: "Opvoedingsondersteuning" in html)
    assert BANNER not in first

    programmes = data / "programmes.yaml"
    good = programmes.read_text(encoding="utf-8")
    assert "    kind: pillar\n" in good
    programmes.write_text(good.replace("    kind: pillar\n", "    kind: pilar\n", 1), encoding="utf-8")

    broken = wait_for(page, lambda html: BANNER in html)
    assert "Opvoedingsondersteuning" in broken  # the last good page, still served
    assert "unknown kind &#x27;pilar&#x27;; did you mean &#x27;pillar&#x27;?" in broken
    assert "programmes.yaml:" in broken and "[vocabulary]" in broken
    # every page says so, not only the one that is broken
    assert BANNER in wait_for(f"{base}/sources/", lambda html: BANNER in html)

    programmes.write_text(good, encoding="utf-8")
    fixed = wait_for(page, lambda html: BANNER not in html)
    assert "Opvoedingsondersteuning" in fixed
    log.seek(0)
    output = log.read()
    assert "the preview keeps the last good version" in output
    assert "Traceback" not in output


NOTHING_YET = "The data has errors: nothing could be built from it yet"


@pytest.fixture
def served_broken(tmp_path):
    """`mkdocs serve` started on data that has an error from the start."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "golden", data)
    programmes = data / "programmes.yaml"
    good = programmes.read_text(encoding="utf-8")
    programmes.write_text(good.replace("    kind: pillar\n", "    kind: pilar\n", 1), encoding="utf-8")
    port = unused_port()
    env = dict(os.environ, DIRECTORY_DATA=str(data), NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=str(ROOT / "scripts"))
    env.pop("GITHUB_REPOSITORY", None)
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield programmes, good, f"http://127.0.0.1:{port}", log, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_started_on_bad_data_it_serves_the_errors_then_builds_when_fixed(served_broken):
    programmes, good, base, log, process = served_broken
    home = wait_for(f"{base}/", lambda html: NOTHING_YET in html)
    assert process.poll() is None, "mkdocs serve stopped"
    assert "unknown kind &#x27;pilar&#x27;; did you mean &#x27;pillar&#x27;?" in home
    assert "programmes.yaml:" in home and "[vocabulary]" in home
    # every page of the site says so, and no record's page is there yet
    assert NOTHING_YET in wait_for(f"{base}/sources/", lambda html: NOTHING_YET in html)
    assert fetch(f"{base}/programmes/pillar-a/") is None
    log.seek(0)
    started = log.read()
    assert "nothing could be built from it yet" in started
    assert "unknown kind 'pilar'" in started  # the errors are printed too
    assert "Aborted" not in started and "Traceback" not in started

    programmes.write_text(good, encoding="utf-8")
    fixed = wait_for(f"{base}/programmes/pillar-a/", lambda html: "Opvoedingsondersteuning" in html)
    assert NOTHING_YET not in fixed and BANNER not in fixed
    assert NOTHING_YET not in wait_for(f"{base}/", lambda html: NOTHING_YET not in html)
    log.seek(0)
    assert "Traceback" not in log.read()
