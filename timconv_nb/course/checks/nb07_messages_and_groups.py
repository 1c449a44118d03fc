"""The exercises of notebook 07, messages and groups."""

from __future__ import annotations

import re

from ..exercises import Unmet, exercise, json_after, lines_matching, ran, uses
from ..session import RunResult

HISTORY_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void on_history(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)code, (void)desc, (void)user_data;
    printf("history: %s\n", json_params);
    course_done();
}

static int send_text(const char* json) {
    char message_id[128] = "";
    if (TIMMsgSendMessage("frank", kTIMConv_C2C, json, message_id, course_print, "TIMMsgSendMessage") != TIM_SUCC
        || !course_wait(1, 5)) return 1;
    printf("sent %s\n", message_id);
    return 0;
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("erin", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    if (send_text("{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"first\"}]}") != 0) return 1;
    if (send_text("{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"second\"}]}") != 0) return 1;
    TIMMsgGetMsgList("frank", kTIMConv_C2C, "", on_history, NULL);
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""


def _texts(message: dict) -> list[str]:
    return [str(elem.get("text_elem_content", "")) for elem in message.get("message_elem_array", [])
            if isinstance(elem, dict)]


@exercise("7.1", "07-messages-and-groups", "Send, then read it back", "c", wrong=HISTORY_WRONG,
          wrong_hint="msg_getmsglist_param_count")
def send_then_read_back(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMMsgSendMessage")
    sent = [m.group(1) for m in lines_matching(lines, r"sent (\S*)$")]
    if len(sent) != 2:
        raise Unmet(f"{len(sent)} `sent <id>` lines, not 2",
                    "pass a buffer of 128 bytes as message_id_buffer to each TIMMsgSendMessage and print it "
                    "after the call as sent <id>")
    if "" in sent or sent[0] == sent[1]:
        raise Unmet(f"the ids printed are {sent[0]!r} and {sent[1]!r}",
                    "each message has an id of its own, written into message_id_buffer when the call returns: "
                    "give each call its buffer (not NULL) and print it after the call")
    uses(run, "TIMMsgGetMsgList")
    history = [line for line in lines if line.startswith("history:")]
    if not history:
        raise Unmet("main never prints `history: <json>`",
                    "print json_params in TIMMsgGetMsgList's callback, and wait for it (course_wait) before "
                    "TIMUninit")
    messages = json_after(history[0], "history:")
    if not isinstance(messages, list):
        raise Unmet("the history is not a JSON array", "print TIMMsgGetMsgList's json_params: an array of Messages")
    if not messages:
        asked = re.search(r'\bTIMMsgGetMsgList\s*\(\s*"([^"]*)"', run.source)
        conv_id = asked.group(1) if asked else None
        if conv_id is not None and re.match(r"(c2c|group)_", conv_id):
            hint = (f'"{conv_id}" is a conversation ID, for the calls that take many conversations: '
                    'TIMMsgGetMsgList takes the conv_id, "frank", with kTIMConv_C2C')
        elif conv_id == "erin":
            hint = ('a C2C conversation is named by the peer, not by the one logged in: erin reads her '
                    'conversation with frank as "frank", kTIMConv_C2C')
        else:
            hint = 'read the C2C conversation with "frank" (kTIMConv_C2C), to whom erin sent the two messages'
        raise Unmet("the history is empty: that conversation holds no message", hint)
    if len(messages) != 1:
        raise Unmet(f"the history holds {len(messages)} messages, not 1",
                    "ask for one message: {\"msg_getmsglist_param_count\":1} as json_get_msg_param (the default "
                    "is 20)")
    newest = messages[0]
    if newest.get("message_conv_id") != "frank" or newest.get("message_sender") != "erin":
        raise Unmet(f"the history is of the conversation {newest.get('message_conv_id')!r}, sent by "
                    f"{newest.get('message_sender')!r}",
                    "log in as erin and read the C2C conversation with \"frank\" (kTIMConv_C2C)")
    if _texts(newest) != ["second"]:
        raise Unmet(f"the history's message says {_texts(newest)}, not [\"second\"]",
                    "send \"first\" and then \"second\": the list comes newest first")
    if newest.get("message_msg_id") != sent[1]:
        raise Unmet("the newest message's message_msg_id is not the second `sent` id",
                    "print the buffer of the second TIMMsgSendMessage: it holds that message's id")


OWNER_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static int code_of_last;            /* the code of the last callback */
static char json_of_last[256];      /* and its JSON */

static void on_done(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)user_data;
    code_of_last = code;
    snprintf(json_of_last, sizeof json_of_last, "%s", json_params);
    course_done();
}

int main(void) {
    const char* group_id = "book-club";   /* TIMGroupCreate says 10021? the id is taken: pick another */
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("gina", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMGroupDelete(group_id, on_done, NULL);   /* the group an earlier run left, if gina may dismiss it */
    if (!course_wait(1, 5)) return 1;
    char param[256];
    snprintf(param, sizeof param, "{\"create_group_param_group_name\":\"Book club\","
             "\"create_group_param_group_id\":\"%s\",\"create_group_param_group_type\":%d}",
             group_id, kTIMGroup_Private);
    TIMGroupCreate(param, on_done, NULL);
    if (!course_wait(1, 5)) return 1;
    printf("create %d: %s\n", code_of_last, json_of_last);
    TIMGroupQuit(group_id, on_done, NULL);
    if (!course_wait(1, 5)) return 1;
    printf("quit %d\n", code_of_last);
    TIMGroupDelete(group_id, on_done, NULL);
    if (!course_wait(1, 5)) return 1;
    printf("dismiss %d\n", code_of_last);
    TIMUninit();
    return 0;
}
"""

#: TIMGroupType's names (the vendor's TIMGroupManager.h 1.3) and what the vendor calls each type.
GROUP_TYPES = {"kTIMGroup_Public": "Public", "kTIMGroup_Private": "Work", "kTIMGroup_ChatRoom": "Meeting",
               "kTIMGroup_BChatRoom": "broadcast", "kTIMGroup_AVChatRoom": "Live", "kTIMGroup_Community": "Community"}


@exercise("7.2", "07-messages-and-groups", "An owner's rights", "c", wrong=OWNER_WRONG, wrong_hint="kTIMGroup_ChatRoom")
def an_owners_rights(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMGroupCreate")
    created = lines_matching(lines, r"create (-?\d+): ?(.*)$")
    if not created:
        raise Unmet("main never prints `create N: <json>`",
                    "after TIMGroupCreate's callback, print code_of_last and json_of_last as create N: <json>")
    code = int(created[0].group(1))
    if code == 10021:
        raise Unmet("TIMGroupCreate called back with 10021 (ERR_SVR_GROUP_GROUPID_IN_USED): the group id is taken",
                    "an earlier run left a group with that id that gina could not dismiss at the start: a Work "
                    "group, which nobody may dismiss (TIMGroupManager.h 465), or one she had quit. Give group_id a "
                    "new value, such as \"book-club-2\", and run again")
    if code != 0:
        raise Unmet(f"TIMGroupCreate called back with code {code}",
                    "read the error's name in TIMErrorCode.h: 8501 is an id the vendor refuses (printable ASCII, "
                    "at most 48 bytes, not starting with @TGS#); the param needs create_group_param_group_name")
    result = json_after(created[0].string, ":")
    group_id = result.get("create_group_result_groupid") if isinstance(result, dict) else None
    if not group_id:
        raise Unmet(f"the create's JSON is {created[0].group(2)!r}, without create_group_result_groupid",
                    "print json_of_last, the callback's CreateGroupResult, as it came")
    types = sorted({name for name in re.findall(r"\bkTIMGroup_\w+\b", run.source) if name in GROUP_TYPES})
    if not types:
        raise Unmet("the program names no group type: neither kTIMGroup_ChatRoom nor another",
                    "set create_group_param_group_type to kTIMGroup_ChatRoom, by its C name: without the key the "
                    "group is Public, and a number such as 2 tells a reader nothing (this check reads the name)")
    if types != ["kTIMGroup_ChatRoom"]:
        named = ", ".join(f"{name} ({GROUP_TYPES[name]})" for name in types if name != "kTIMGroup_ChatRoom")
        if "kTIMGroup_Private" in types:
            hint = ("a Work group's owner may quit it and nobody may dismiss it (TIMGroupManager.h 465, 501): so "
                    "quit said 0, dismiss 10007, and its id stays taken for good. Make it kTIMGroup_ChatRoom, and "
                    "give group_id a new value, such as \"book-club-2\"")
        else:
            hint = ("make it kTIMGroup_ChatRoom: this type answers the same here, but each type has its own rules "
                    "(the table above), and the exercise is about the Meeting group's")
        raise Unmet(f"the group is {named}, not a Meeting group (kTIMGroup_ChatRoom)", hint)
    quits = [int(m.group(1)) for m in lines_matching(lines, r"quit (-?\d+)$")]
    dismissals = [int(m.group(1)) for m in lines_matching(lines, r"dismiss (-?\d+)$")]
    if len(quits) != 1 or len(dismissals) != 1:
        raise Unmet(f"{len(quits)} `quit N` and {len(dismissals)} `dismiss N` lines, not one each",
                    "print TIMGroupQuit's callback code as quit N, then TIMGroupDelete's as dismiss N")
    if quits[0] != 10009:
        raise Unmet(f"quit {quits[0]}, not quit 10009 (ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT)",
                    f"quit {group_id}, the group just created, as gina: the owner of a Meeting group may not quit "
                    "it (TIMGroupManager.h 501)")
    if dismissals[0] != 0:
        raise Unmet(f"dismiss {dismissals[0]}, not dismiss 0",
                    "the owner may dismiss a Meeting group (TIMGroupManager.h 466): call TIMGroupDelete on the "
                    "group just created, as gina, after the quit was refused")
