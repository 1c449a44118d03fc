"""The exercises of notebook 14, names and faces: a user's nickname and face as the C2C
conversations others hold with them show it (the vendor's ``TIMConversationManager.h`` 942-943,
964-965; ``TIMManager.h`` 8.4 ``UserProfileItem``), a friend remark before the nickname
(``TIMFriendshipManager.h`` 4.3, 4.5), and a group renamed for its members (``TIMGroupManager.h``
10.10 ``GroupModifyInfoParam``)."""

from __future__ import annotations

import re
from typing import Any

from ..exercises import Unmet, exercise, json_after, lines_matching, ran, uses
from ..session import RunResult

DAVE_FACE = "https://example.com/dave.png"

PROFILE_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("dave", "", course_print, "TIMLogin dave");
    if (!course_wait(1, 5)) return 1;
    TIMProfileModifySelfUserProfile("{\"user_profile_nick_name\":\"Dave\","
                                    "\"user_profile_face_url\":\"https://example.com/dave.png\"}",
                                    course_print, "TIMProfileModifySelfUserProfile");
    if (!course_wait(1, 5)) return 1;
    TIMLogout(course_print, "TIMLogout");
    course_wait(1, 5);
    TIMLogin("erin", "", course_print, "TIMLogin erin");
    if (!course_wait(1, 5)) return 1;
    TIMConvCreate("dave", kTIMConv_C2C, course_print, "erin sees");
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""


def _callback_line(lines: list[str], label: str, call: str) -> tuple[int, str]:
    """The code and the line of the last callback course_print printed under ``label`` (Unmet when
    it never did)."""
    found = lines_matching(lines, rf"{re.escape(label)} -> code (-?\d+)")
    if not found:
        raise Unmet(f"main never prints `{label} -> code N`",
                    f"pass course_print as {call}'s callback, with \"{label}\" as its user_data, and wait for it "
                    "(course_wait) before going on")
    return int(found[-1].group(1)), found[-1].string


def _seen(lines: list[str], label: str, call: str) -> dict[str, Any]:
    """The ConvInfo course_print printed under ``label`` (a ConvInfo, or an array of one)."""
    code, line = _callback_line(lines, label, call)
    if code != 0:
        raise Unmet(f"{call} (`{label}`) called back with code {code}",
                    "read the line's description: it says what was wrong")
    info = json_after(line, f"-> code {code}:")
    if isinstance(info, list) and len(info) == 1:
        info = info[0]
    if not isinstance(info, dict):
        raise Unmet(f"`{label}` printed no ConvInfo", f"keep the program's last call, {call}, as the cell gives it")
    return info


@exercise("14.1", "14-names-and-faces", "Name yourself", "c", wrong=PROFILE_WRONG,
          wrong_hint="user_profile_item_nick_name")
def name_yourself(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMProfileModifySelfUserProfile")
    code, _ = _callback_line(lines, "TIMProfileModifySelfUserProfile", "TIMProfileModifySelfUserProfile")
    if code != 0:
        if re.search(r"\buser_profile_(nick_name|face_url)\b", run.source):
            hint = ("user_profile_nick_name and user_profile_face_url are UserProfile's keys (TIMManager.h 8.3), "
                    "what a profile reads; the call takes a UserProfileItem (8.4, 838-861), whose keys are "
                    "user_profile_item_nick_name and user_profile_item_face_url")
        else:
            hint = ("read the line's description; the call takes a UserProfileItem (TIMManager.h 8.4, 838-861): "
                    "{\"user_profile_item_nick_name\": \"Dave\", \"user_profile_item_face_url\": \"...\"}")
        raise Unmet(f"TIMProfileModifySelfUserProfile called back with code {code}: nothing was changed", hint)
    seen = _seen(lines, "erin sees", "TIMConvCreate")
    show_name, face_url = seen.get("conv_show_name"), seen.get("conv_face_url")
    if show_name == "dave":
        raise Unmet("erin's conversation still shows dave's id, \"dave\": he has no nickname",
                    "set user_profile_item_nick_name to \"Dave\" while dave is logged in, before the logout")
    if show_name != "Dave":
        raise Unmet(f"erin's conversation shows {show_name!r}, not \"Dave\"",
                    "the conversation shows the peer's nickname exactly as set: user_profile_item_nick_name \"Dave\"")
    if face_url != DAVE_FACE:
        raise Unmet(f"erin's conversation's conv_face_url is {face_url!r}, not {DAVE_FACE!r}",
                    "set user_profile_item_face_url in the same UserProfileItem: the C2C conversation shows the "
                    "peer's face (TIMConversationManager.h 942)")


REMARK = "D. from work"

REMARK_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("dave", "", course_print, "TIMLogin dave");
    if (!course_wait(1, 5)) return 1;
    TIMLogout(course_print, "TIMLogout");
    course_wait(1, 5);
    TIMLogin("erin", "", course_print, "TIMLogin erin");
    if (!course_wait(1, 5)) return 1;
    char param[256];
    snprintf(param, sizeof param, "{\"friendship_add_friend_param_identifier\":\"dave\","
             "\"friendship_add_friend_param_friend_type\":%d}", FriendTypeBoth);
    TIMFriendshipAddFriend(param, course_print, "TIMFriendshipAddFriend");
    if (!course_wait(1, 5)) return 1;
    TIMFriendshipModifyFriendProfile("{\"friendship_modify_friend_profile_param_identifier\":\"dave\","
                                     "\"friendship_modify_friend_profile_param_item\":"
                                     "{\"friend_profile_item_remark\":\"D. from work\"}}",
                                     course_print, "TIMFriendshipModifyFriendProfile");
    if (!course_wait(1, 5)) return 1;
    TIMConvCreate("dave", kTIMConv_C2C, course_print, "erin sees");
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""

#: TIMErrorCode.h: 30015 already friends (265), 30539 a request waits for the target (269).
ALREADY_FRIENDS, REQUEST_WAITS = 30015, 30539


@exercise("14.2", "14-names-and-faces", "Your name for them", "c", wrong=REMARK_WRONG,
          wrong_hint="kTIMProfileAddPermission_AllowAny")
def your_name_for_them(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMFriendshipModifyFriendProfile")
    code, line = _callback_line(lines, "TIMFriendshipAddFriend", "TIMFriendshipAddFriend")
    result = json_after(line, f"-> code {code}:") if code == 0 else None
    added = result.get("friend_result_code") if isinstance(result, dict) else None
    if added == REQUEST_WAITS:
        raise Unmet("TIMFriendshipAddFriend's FriendResult says 30539: a request waits, dave is not erin's friend",
                    "dave decides who may add him: his add permission (TIMManager.h 1.6). He never chose one, and "
                    "such a user needs confirmation (the local engine follows the vendor's server). As dave, "
                    "before his logout, set user_profile_item_add_permission to kTIMProfileAddPermission_AllowAny "
                    "with TIMProfileModifySelfUserProfile")
    if added not in (0, ALREADY_FRIENDS):
        raise Unmet(f"TIMFriendshipAddFriend did not make dave erin's friend (its line: {line!r})",
                    "read the FriendResult's friend_result_code and friend_result_desc (TIMFriendshipManager.h "
                    "13.1); keep the add as the cell gives it")
    code, _ = _callback_line(lines, "TIMFriendshipModifyFriendProfile", "TIMFriendshipModifyFriendProfile")
    if code != 0:
        raise Unmet(f"TIMFriendshipModifyFriendProfile called back with code {code}",
                    "its param is a FriendshipModifyFriendProfileParam (TIMFriendshipManager.h 10.4): "
                    "friendship_modify_friend_profile_param_identifier \"dave\" and "
                    "friendship_modify_friend_profile_param_item {\"friend_profile_item_remark\": ...}")
    show_name = _seen(lines, "erin sees", "TIMConvCreate").get("conv_show_name")
    if show_name != REMARK:
        raise Unmet(f"erin's conversation shows {show_name!r}, not {REMARK!r}",
                    "the remark comes before dave's nickname (TIMConversationManager.h 964): set "
                    f"friend_profile_item_remark to {REMARK!r} before erin reads her conversation")


RENAME_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("gina", "", course_print, "TIMLogin gina");
    if (!course_wait(1, 5)) return 1;
    char param[512];
    snprintf(param, sizeof param, "{\"create_group_param_group_name\":\"Lab\",\"create_group_param_group_id\":\"lab\","
             "\"create_group_param_group_type\":%d,"
             "\"create_group_param_group_member_array\":[{\"group_member_info_identifier\":\"henry\"}]}",
             kTIMGroup_Private);
    TIMGroupCreate(param, course_print, "TIMGroupCreate");
    course_wait(1, 5);
    snprintf(param, sizeof param, "{\"group_modify_info_param_group_id\":\"lab\","
             "\"group_modify_info_param_modify_flag\":%d,\"group_modify_info_param_group_name\":\"Robotics lab\","
             "\"group_modify_info_param_notification\":\"\"}", kTIMGroupModifyInfoFlag_Notification);
    TIMGroupModifyGroupInfo(param, course_print, "TIMGroupModifyGroupInfo");
    if (!course_wait(1, 5)) return 1;
    TIMLogout(course_print, "TIMLogout");
    course_wait(1, 5);
    TIMLogin("henry", "", course_print, "TIMLogin henry");
    if (!course_wait(1, 5)) return 1;
    TIMConvGetConvInfo("[{\"get_conversation_list_param_conv_id\":\"lab\","
                       "\"get_conversation_list_param_conv_type\":2}]", course_print, "henry sees");
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""


@exercise("14.3", "14-names-and-faces", "Rename a group", "c", wrong=RENAME_WRONG,
          wrong_hint="kTIMGroupModifyInfoFlag_Name")
def rename_a_group(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMGroupModifyGroupInfo")
    code, _ = _callback_line(lines, "TIMGroupModifyGroupInfo", "TIMGroupModifyGroupInfo")
    if code == 8502:
        raise Unmet("TIMGroupModifyGroupInfo called back with 8502: the name is refused",
                    "a group name is at most 30 bytes (TIMErrorCode.h 87): \"Robotics lab\" is 12")
    if code != 0:
        raise Unmet(f"TIMGroupModifyGroupInfo called back with code {code}",
                    "the param is a GroupModifyInfoParam (TIMGroupManager.h 10.10, 1691-1720): "
                    "group_modify_info_param_group_id \"lab\", group_modify_info_param_modify_flag "
                    "kTIMGroupModifyInfoFlag_Name and group_modify_info_param_group_name; read the description")
    show_name = _seen(lines, "henry sees", "TIMConvGetConvInfo").get("conv_show_name")
    if show_name == "Lab":
        raise Unmet("henry's conversation still shows \"Lab\": the name did not change",
                    "the SDK reads only the keys whose flag is in group_modify_info_param_modify_flag "
                    "(TIMGroupManager.h 1694-1697): set it to kTIMGroupModifyInfoFlag_Name for the name")
    if show_name != "Robotics lab":
        raise Unmet(f"henry's conversation shows {show_name!r}, not \"Robotics lab\"",
                    "a group conversation shows the group's name as set (TIMConversationManager.h 964): "
                    "group_modify_info_param_group_name \"Robotics lab\"")
