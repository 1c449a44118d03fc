"""The exercises of notebook 13, the real service."""

from __future__ import annotations

from typing import Any

from ...usersig import decode_user_sig
from ..exercises import Unmet, exercise

ONE_DAY = 86400

DANA_WRONG = """
dana_sig = gen_user_sig(SDK_APP_ID, SECRET_KEY, "dana", expire=86400)
dana = Client(workdir.name, app_id=SDK_APP_ID, replace=True)
refused = None
try:
    dana.login("dana", fresh)
except UserSigError as error:
    refused = error
dana.login("dana", dana_sig)
"""


@exercise("13.1", "13-real-service", "A UserSig for dana", "python", wrong=DANA_WRONG, wrong_hint="secret_key")
def a_user_sig_for_dana(answer: Any) -> None:
    if not isinstance(answer, tuple) or len(answer) != 3:
        raise Unmet("the answer is not (dana_sig, dana, refused)", "pass the three as a tuple: check(\"13.1\", "
                    "(dana_sig, dana, refused))")
    user_sig, client, refused = answer
    if not isinstance(user_sig, str):
        raise Unmet(f"dana_sig is {user_sig!r}, not a UserSig",
                    "make it with gen_user_sig(SDK_APP_ID, SECRET_KEY, \"dana\", expire=...)")
    try:
        ticket = decode_user_sig(user_sig)
    except ValueError as error:
        raise Unmet(f"dana_sig is not a UserSig ({error})", "make it with gen_user_sig") from None
    if ticket.get("TLS.identifier") != "dana":
        raise Unmet(f"dana_sig was made for {ticket.get('TLS.identifier')!r}", "give gen_user_sig the user id \"dana\"")
    if ticket.get("TLS.expire") != ONE_DAY:
        raise Unmet(f"dana_sig is valid {ticket.get('TLS.expire')} s, not one day",
                    f"expire is in seconds: one day is {ONE_DAY}")
    app_id = getattr(client, "app_id", None)
    if ticket.get("TLS.sdkappid") != app_id:
        raise Unmet(f"dana_sig is for the app {ticket.get('TLS.sdkappid')}, the client for {app_id}",
                    "make the UserSig and open the client with the same SDK_APP_ID")
    if refused is None:
        raise Unmet("the login with alice's UserSig was not refused",
                    "the client accepts any UserSig: open it with Client(..., secret_key=SECRET_KEY), so that the "
                    "local engine checks UserSigs as Tencent's servers do")
    if getattr(refused, "code", None) != 70013:
        raise Unmet(f"alice's UserSig was refused with {getattr(refused, 'code', refused)!r}, not 70013",
                    "log in as \"dana\" with alice's fresh UserSig: a UserSig made for another user is "
                    "ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID (70013)")
    if getattr(client, "user_id", None) != "dana":
        raise Unmet(f"the client's user is {getattr(client, 'user_id', None)!r}, not dana",
                    "after the refused login, log dana in with dana_sig")


#: Of the exercise's calls, those whose comment in the vendor's headers (8.0.5906) says 需要您购买旗舰版套餐.
_ULTIMATE = {"TIMConvMarkConversation": "TIMConversationManager.h 607",
             "TIMConvCreateConversationGroup": "TIMConversationManager.h 767",
             "TIMMsgSearchLocalMessages": "TIMMessageManager.h 1531",
             "TIMMsgSendMessageReadReceipts": "TIMMessageManager.h 1608"}
_WHY_NOT = {"TIMGroupCreate": "any plan creates groups; only a Community needs Ultimate (TIMGroupManager.h 109)"}

ULTIMATE_WRONG = """
ultimate = {"TIMConvMarkConversation", "TIMConvCreateConversationGroup", "TIMMsgSearchLocalMessages",
            "TIMMsgSendMessageReadReceipts", "TIMGroupCreate"}
"""


@exercise("13.2", "13-real-service", "Which calls need Ultimate?", "python", wrong=ULTIMATE_WRONG,
          wrong_hint="only a Community")
def which_calls_need_ultimate(ultimate: Any) -> None:
    if not isinstance(ultimate, (set, frozenset, list, tuple)) or not all(isinstance(n, str) for n in ultimate):
        raise Unmet(f"ultimate is {ultimate!r}, not a set of names", "a set of the C function names, as in CALLS")
    given = set(ultimate)
    extra = sorted(given - set(_ULTIMATE))
    if extra:
        raise Unmet(f"{extra[0]} does not need the Ultimate plan",
                    _WHY_NOT.get(extra[0], "its comment in the vendor's header does not say 需要您购买旗舰版套餐"))
    missing = set(_ULTIMATE) - given
    if missing:
        raise Unmet(f"{len(missing)} of the calls that need the Ultimate plan {'is' if len(missing) == 1 else 'are'} "
                    "missing", "search the headers for each name of CALLS: the comment above the declaration of "
                    "one that needs Ultimate says 需要您购买旗舰版套餐")
