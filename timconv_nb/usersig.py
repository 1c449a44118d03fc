"""UserSig, Tencent's login ticket (TLS signature version 2), for development and teaching.

A UserSig is (app id, user id, issue time, lifetime) signed with HMAC-SHA256 under the app's
secret key, as JSON, zlib-compressed and base64-encoded with Tencent's URL-safe alphabet.

**Never ship the secret key in a client.** Anyone holding it can sign in as any user of the
app. In production your server makes UserSigs and hands each user their own; this module is
for local development, tests and notebooks (the local engine can verify UserSigs when given a
secret key: ``Client(secret_key=...)``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import zlib
from typing import Any, Optional

from .checks import check_int

__all__ = ["DEFAULT_EXPIRE", "gen_user_sig", "decode_user_sig", "verify_user_sig"]

#: Tencent's default lifetime: 180 days.
DEFAULT_EXPIRE = 180 * 86400

_TO_URL = str.maketrans("+/=", "*-_")
_FROM_URL = str.maketrans("*-_", "+/=")


def _content(user_id: str, sdk_app_id: int, issued: int, expire: int) -> bytes:
    return (f"TLS.identifier:{user_id}\nTLS.sdkappid:{sdk_app_id}\n"
            f"TLS.time:{issued}\nTLS.expire:{expire}\n").encode()


def _hmac(secret_key: str, content: bytes) -> str:
    return base64.b64encode(hmac.new(secret_key.encode(), content, hashlib.sha256).digest()).decode()


def gen_user_sig(sdk_app_id: int, secret_key: str, user_id: str, expire: int = DEFAULT_EXPIRE,
                 now: Optional[int] = None) -> str:
    """A UserSig for ``user_id`` valid ``expire`` seconds from ``now`` (default: the clock)."""
    check_int(sdk_app_id, "sdk_app_id", 1, expected="a positive int")
    if not isinstance(secret_key, str) or not secret_key:
        raise ValueError("secret_key must be a non-empty str")
    if not isinstance(user_id, str) or not user_id:
        raise ValueError("user_id must be a non-empty str")
    check_int(expire, "expire", 1, expected="a positive number of seconds")
    issued = int(time.time()) if now is None else int(now)
    doc = {
        "TLS.ver": "2.0",
        "TLS.identifier": user_id,
        "TLS.sdkappid": sdk_app_id,
        "TLS.expire": expire,
        "TLS.time": issued,
        "TLS.sig": _hmac(secret_key, _content(user_id, sdk_app_id, issued, expire)),
    }
    compressed = zlib.compress(json.dumps(doc, separators=(",", ":")).encode())
    return base64.b64encode(compressed).decode().translate(_TO_URL)


def decode_user_sig(user_sig: str) -> dict[str, Any]:
    """The JSON document inside a UserSig (ValueError when it is not one)."""
    try:
        document = json.loads(zlib.decompress(base64.b64decode(user_sig.translate(_FROM_URL), validate=True)))
    except (ValueError, zlib.error) as exc:
        raise ValueError(f"not a UserSig: {exc}") from None
    if not isinstance(document, dict):
        raise ValueError(f"not a UserSig: a JSON {type(document).__name__}, not an object")
    return document


def verify_user_sig(user_sig: str, sdk_app_id: int, secret_key: str, user_id: str, now: Optional[int] = None) -> bool:
    """Whether ``user_sig`` is valid for this app and user at ``now`` (default: the clock)."""
    try:
        doc = decode_user_sig(user_sig)
        issued, expire = int(doc["TLS.time"]), int(doc["TLS.expire"])
        expected = _hmac(secret_key, _content(doc["TLS.identifier"], int(doc["TLS.sdkappid"]), issued, expire))
    except (ValueError, KeyError, TypeError):
        return False
    current = int(time.time()) if now is None else int(now)
    return (doc["TLS.identifier"] == user_id and int(doc["TLS.sdkappid"]) == sdk_app_id
            and hmac.compare_digest(expected, str(doc.get("TLS.sig", ""))) and current <= issued + expire)
