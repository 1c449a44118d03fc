"""The vendor's limits are one table in timconv_nb.arguments: each equals the number the engine
enforces in C, and the vendor's header says what its comment cites. The shared int check refuses
bools everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from timconv_nb import arguments
from timconv_nb.checks import check_int, is_int, is_number

SRC = REPO / "timconv_nb" / "engine" / "src"
VENDOR = Path.home() / ".cache" / "timconv_nb" / "vendor" / "8.0.5906" / "include"

# Python name -> (engine file, its #define)
ENGINE_DEFINES = {
    "ID_MAX_BYTES": ("util/text.h", "TEXT_ID_MAX"),
    "GROUP_ID_MAX_BYTES": ("store/registry.h", "REGISTRY_GROUP_ID_MAX"),
    "CONV_GROUP_NAME_MAX_BYTES": ("api/calls.h", "GROUP_NAME_MAX"),
    "CONV_CUSTOM_DATA_MAX_BYTES": ("api/conversation.c", "CUSTOM_DATA_MAX"),
    "CONV_BATCH_MAX": ("api/calls.h", "BATCH_MAX"),
    "GROUP_INITIAL_MEMBERS_MAX": ("store/registry.h", "REGISTRY_INITIAL_MEMBERS_MAX"),
    "MSG_LIST_DELETE_MAX": ("api/message_lifecycle.c", "LIST_DELETE_MAX"),
    "GROUP_NAME_MAX_BYTES": ("store/registry.h", "REGISTRY_NAME_MAX"),
    "GROUP_INTRODUCTION_MAX_BYTES": ("store/registry.h", "REGISTRY_INTRODUCTION_MAX"),
    "GROUP_NOTIFICATION_MAX_BYTES": ("store/registry.h", "REGISTRY_NOTIFICATION_MAX"),
    "GROUP_FACE_URL_MAX_BYTES": ("store/registry.h", "REGISTRY_FACE_URL_MAX"),
    "GROUP_NAME_CARD_MAX_BYTES": ("store/registry.h", "REGISTRY_NAME_CARD_MAX"),
}


def test_every_limit_is_the_engines() -> None:
    limits = {name: getattr(arguments, name) for name in arguments.__all__ if name.endswith(("_MAX", "_MAX_BYTES"))}
    assert set(limits) == set(ENGINE_DEFINES)
    for name, (path, define) in ENGINE_DEFINES.items():
        found = re.search(rf"^#define {define} (\d+)$", (SRC / path).read_text(), re.MULTILINE)
        assert found and int(found.group(1)) == limits[name], name


@pytest.mark.skipif(not VENDOR.exists(), reason="the vendor's headers are not fetched (timconv_nb.vendor fetch)")
def test_each_cited_header_line_says_the_number() -> None:
    source = Path(arguments.__file__).read_text()
    # Each limit's comment: the "#:" lines right above its assignment.
    comments = dict((name, " ".join(re.findall(r"#: (.*)", block)))
                    for block, name in re.findall(r"((?:#: .*\n)+)(\w+) = \d+", source))
    cited = {name: re.search(r"\((TIM\w+\.h):(\d+)", comments[name]) for name in ENGINE_DEFINES}
    assert [name for name, found in cited.items() if not found] == ["ID_MAX_BYTES", "GROUP_ID_MAX_BYTES"]
    for name, found in cited.items():
        if found:
            text = (VENDOR / found.group(1)).read_text().splitlines()[int(found.group(2)) - 1]
            assert str(getattr(arguments, name)) in text, (name, found.group(0), text)


@pytest.mark.parametrize("value", [True, False, 1.0, "1", None])
def test_a_bool_or_a_non_int_is_never_an_int(value) -> None:
    assert not is_int(value)
    with pytest.raises(ValueError, match="count must be an int from 1 to 10"):
        check_int(value, "count", 1, 10)


def test_check_int_names_the_range_or_what_was_expected() -> None:
    assert check_int(10, "count", 1, 10) == 10 and check_int(2**70, "big", 0) == 2**70
    with pytest.raises(ValueError, match=r"^count must be an int of at least 1, not 0$"):
        check_int(0, "count", 1)
    with pytest.raises(ValueError, match=r"^mark must be a positive int, not -1$"):
        check_int(-1, "mark", 1, expected="a positive int")
    assert is_number(0.5) and is_number(3) and not is_number(True) and not is_number("0.5")
