"""End-to-end fixtures: one shared Site per session, and fresh ones on demand (helpers.py)."""
import pytest

from helpers import Site


@pytest.fixture(scope="session")
def site():
    s = Site(seed=True)
    yield s
    s.close()


@pytest.fixture
def make_site():
    made = []

    def make(seed=True):
        s = Site(seed=seed)
        made.append(s)
        return s
    yield make
    for s in made:
        s.close()
