"""The network status notification, `TIMSetNetworkStatusListenerCallback` (the vendor's
TIMManager.h 36-45, 159, 221-224: "当调用接口 TIMInit 时，ImSDK会去连接云后台" — TIMInit connects to the
server; the status is not the device's network). The local engine's server is the data folder on
this machine: TIMInit connects at once, announcing Connecting then Connected (code 0, desc "") on
the engine's thread before any call's callback; logins change nothing; nothing is announced after
TIMUninit, and the next TIMInit connects again."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from conftest import APP_ID, engine_library_path
from timconv_nb import Client, native
from timconv_nb.events import NetworkStatus, notification_of

CONNECTING_THEN_CONNECTED = [("status", NetworkStatus.CONNECTING, 0, ""), ("status", NetworkStatus.CONNECTED, 0, "")]


def test_tim_init_connects_before_any_callback_and_only_tim_init_does(tmp_path: Path) -> None:
    lib = native.open_library(engine_library_path())
    order: list[tuple] = []
    threads: set[int] = set()
    network = notification_of("network_status")

    def on_status(status: int, code: int, desc: str) -> None:
        threads.add(threading.get_ident())
        order.append(("status", *network.convert(status, code, desc)))

    def call(name: str, *args: bytes) -> None:
        done = threading.Event()

        def on_done(code: int, desc: str, payload: str) -> None:
            order.append((name, code))
            done.set()

        assert lib.call(name, *args, on_done=on_done) == 0
        assert done.wait(10), name

    config = json.dumps({"sdk_config_config_file_path": str(tmp_path)}).encode()
    lib.set_handler("network_status", on_status)  # before TIMInit, as the vendor's note implies
    try:
        assert lib.lib.TIMInit(APP_ID, config) == 0
        call("TIMLogin", b"alice", b"sig")
        call("TIMLogout")
        call("TIMLogin", b"bob", b"sig")
        assert order == [*CONNECTING_THEN_CONNECTED, ("TIMLogin", 0), ("TIMLogout", 0), ("TIMLogin", 0)]
        assert isinstance(order[0][1], NetworkStatus) and threading.get_ident() not in threads
        assert lib.lib.TIMUninit() == 0
        assert len(order) == 5  # TIMUninit announces nothing

        order.clear()
        assert lib.lib.TIMInit(APP_ID, config) == 0
        call("TIMLogin", b"alice", b"sig")
        assert order == [*CONNECTING_THEN_CONNECTED, ("TIMLogin", 0)]
        assert lib.lib.TIMUninit() == 0

        lib.set_handler("network_status", None)  # removed: the next TIMInit is not heard
        order.clear()
        assert lib.lib.TIMInit(APP_ID, config) == 0
        call("TIMLogin", b"alice", b"sig")
        assert order == [("TIMLogin", 0)]
    finally:
        lib.lib.TIMUninit()
        lib.set_handler("network_status", None)
    assert lib.pending_callbacks == 0


def test_the_client_hears_the_status_from_its_init_on(tmp_path: Path) -> None:
    """The statuses come at TIMInit, before any handler of the user's could be subscribed: the
    client subscribes before TIMInit and keeps the last one (TIMManager.h, the network status
    callback)."""
    with Client(tmp_path) as client:
        deadline = time.monotonic() + 5
        while client.network_status is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert client.network_status is NetworkStatus.CONNECTED
