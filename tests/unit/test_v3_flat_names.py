"""Every flat name of `CrucibleClient` has its v3 counterpart, so none fails for want of one."""

from __future__ import annotations

import pytest

from pycrucible._client import CrucibleClient
from pycrucible._delegate import Delegate
from pycrucible._v3.client import CrucibleClientV3

FLAT = sorted(
    name
    for cls in CrucibleClient.__mro__
    for name, value in vars(cls).items()
    if isinstance(value, Delegate)
)


def test_there_are_flat_names() -> None:
    assert len(FLAT) > 60
    assert {"list_datasets", "upload_new_dataset", "update_sample"} <= set(FLAT)


@pytest.mark.parametrize("name", FLAT)
def test_the_v3_client_has_the_flat_name(name: str) -> None:
    assert callable(getattr(CrucibleClientV3, name, None)), name
