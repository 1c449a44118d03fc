"""UserSig: the generator against a fixed vector, round trips, and the local engine verifying
logins with the vendor's codes when it is given a secret key."""

from __future__ import annotations

from pathlib import Path

import pytest

from timconv_nb import Client, UserSigError
from timconv_nb.usersig import decode_user_sig, gen_user_sig, verify_user_sig

APP_ID = 1400000000
KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
# HMAC-SHA256 of the TLS v2 content for (xiaojun, APP_ID, time 1700000000, expire 180 days),
# computed independently with `openssl dgst -sha256 -hmac KEY -binary | base64`.
FIXED_SIG = "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="


def test_fixed_vector() -> None:
    sig = gen_user_sig(APP_ID, KEY, "xiaojun", expire=180 * 86400, now=1700000000)
    assert set(sig) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_")
    assert decode_user_sig(sig) == {"TLS.ver": "2.0", "TLS.identifier": "xiaojun", "TLS.sdkappid": APP_ID,
                                    "TLS.expire": 15552000, "TLS.time": 1700000000, "TLS.sig": FIXED_SIG}


def test_round_trip_and_refusals() -> None:
    sig = gen_user_sig(APP_ID, KEY, "alice", expire=60, now=1000)
    assert verify_user_sig(sig, APP_ID, KEY, "alice", now=1060)
    assert not verify_user_sig(sig, APP_ID, KEY, "alice", now=1061)  # expired
    assert not verify_user_sig(sig, APP_ID, KEY, "bob", now=1000)
    assert not verify_user_sig(sig, APP_ID + 1, KEY, "alice", now=1000)
    assert not verify_user_sig(sig, APP_ID, "another key", "alice", now=1000)
    assert not verify_user_sig("garbage", APP_ID, KEY, "alice")
    with pytest.raises(ValueError):
        gen_user_sig(APP_ID, "", "alice")


@pytest.mark.parametrize(
    "make,code",
    [
        (lambda: "", 70002),
        (lambda: "not-a-sig", 70003),
        (lambda: gen_user_sig(APP_ID, "wrong key", "alice"), 70009),
        (lambda: gen_user_sig(APP_ID, KEY, "bob"), 70013),
        (lambda: gen_user_sig(APP_ID + 1, KEY, "alice"), 70014),
        (lambda: gen_user_sig(APP_ID, KEY, "alice", expire=10, now=1000), 70001),
    ],
)
def test_local_engine_verifies_logins_with_the_vendor_codes(tmp_path: Path, make, code: int) -> None:
    with Client(tmp_path, app_id=APP_ID, secret_key=KEY) as client:
        with pytest.raises(UserSigError) as info:
            client.login("alice", make())
        assert info.value.code == code and isinstance(info.value, PermissionError)
        assert client.user_id is None
        client.login("alice", gen_user_sig(APP_ID, KEY, "alice"))
        assert client.user_id == "alice"
        with pytest.raises(UserSigError):
            client.login("bob", gen_user_sig(APP_ID, KEY, "alice"))  # a refused switch keeps alice
        assert client.user_id == "alice"


def test_without_a_secret_key_any_sig_is_accepted(tmp_path: Path) -> None:
    with Client(tmp_path) as client:
        client.login("alice", "anything")
        assert client.user_id == "alice"
