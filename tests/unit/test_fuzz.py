"""Whatever a data file holds, validation answers with problems, never an exception."""
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.problems import Problem
from directory.validate import validate
from support import DATA

SEED = (DATA / "programmes.yaml").read_text(encoding="utf-8")[:6000]


def _check(data_folder, content):
    data_folder("programmes.yaml", content)
    result = validate("data")
    for p in result.problems:
        assert isinstance(p, Problem) and p.line >= 1 and p.col >= 1
        assert p.format().startswith(p.path + ":")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes(data_folder, content):
    _check(data_folder, content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=8))
def test_mutated_real_records(data_folder, seed, edits):
    """Cut, duplicate and swap pieces of real records, as a slip of the keyboard would."""
    rng = random.Random(seed)
    text = SEED
    for _ in range(edits):
        i, j = sorted(rng.randrange(len(text)) for _ in range(2))
        op = rng.choice(["delete", "duplicate", "replace", "indent"])
        if op == "delete":
            text = text[:i] + text[j:j + 1] + text[j + 1:]
        elif op == "duplicate":
            text = text[:j] + text[i:j][:200] + text[j:]
        elif op == "replace":
            text = text[:i] + rng.choice([":", "- ", "\n", "{", "]", "'", '"', "&a ", "*a", "!!", "\t", "2019-02-30",
                                          "-1", "null", "[]", "{}", "~", "yes"]) + text[i + 1:]
        else:
            text = text[:i] + "  " + text[i:]
    _check(data_folder, text.encode("utf-8", "surrogatepass"))
