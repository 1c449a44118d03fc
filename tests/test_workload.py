"""The workload helper: reproducible from its seed, shaped as asked, built through the API."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from timconv_nb import Client
from timconv_nb.workload import DEFAULT_END, build_workload


def build(root: Path, **kwargs) -> tuple[pd.DataFrame, object]:
    with Client(root) as client:
        work = build_workload(client, **kwargs)
        assert client.user_id == work.me
        return client.conversations(), work


def test_same_seed_same_data_and_shape(tmp_path: Path) -> None:
    first, work = build(tmp_path / "a", peers=8, messages=120, groups=2, drafts=3, pinned=2, seed=7)
    second, _ = build(tmp_path / "b", peers=8, messages=120, groups=2, drafts=3, pinned=2, seed=7)
    pd.testing.assert_frame_equal(first, second)
    other, _ = build(tmp_path / "c", peers=8, messages=120, groups=2, drafts=3, pinned=2, seed=8)
    assert not first.equals(other)
    assert sorted(first.index[first.has_draft]) == sorted(work.drafts) and len(work.drafts) == 3
    assert sorted(first.index[first.pinned]) == sorted(work.pinned) and list(first.pinned[:2]) == [True, True]
    assert set(work.groups) == {"group00", "group01"} and all(work.me in m for m in work.groups.values())
    assert first.active_time.min() >= DEFAULT_END - timedelta(days=14)
    assert first.active_time.max() <= DEFAULT_END
    assert first.unread.sum() > 0 and (first.unread == 0).any()


def test_large_workload_shows_progress(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    build(tmp_path, peers=5, messages=1000, groups=1, seed=1)
    assert "messages: 100%" in capsys.readouterr().err


def test_bad_arguments(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        with pytest.raises(ValueError, match="peers must be"):
            build_workload(client, peers=-1)
        with pytest.raises(ValueError, match="at least one peer"):
            build_workload(client, peers=0, messages=5)
