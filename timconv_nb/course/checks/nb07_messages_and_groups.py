"""The exercises of notebook 07, messages and groups."""

from __future__ import annotations

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
#include <string.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static int code_of_last;

static void on_done(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)user_data;
    code_of_last = code;
    const char* key = "\"create_group_result_groupid\":\"";
    const char* id = strstr(json_params, key);
    if (id != NULL) printf("created %.*s\n", (int)strcspn(id + strlen(key), "\""), id + strlen(key));
    course_done();
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("gina", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    char param[256];
    snprintf(param, sizeof param, "{\"create_group_param_group_name\":\"Book club\","
             "\"create_group_param_group_id\":\"book-club\",\"create_group_param_group_type\":%d}", kTIMGroup_Private);
    TIMGroupCreate(param, on_done, NULL);
    if (!course_wait(1, 5)) return 1;
    TIMGroupQuit("book-club", on_done, NULL);
    if (!course_wait(1, 5)) return 1;
    printf("quit %d\n", code_of_last);
    TIMGroupDelete("book-club", on_done, NULL);
    if (!course_wait(1, 5)) return 1;
    printf("dismiss %d\n", code_of_last);
    TIMUninit();
    return 0;
}
"""


@exercise("7.2", "07-messages-and-groups", "An owner's rights", "c", wrong=OWNER_WRONG, wrong_hint="kTIMGroup_ChatRoom")
def an_owners_rights(run: RunResult) -> None:
    lines = ran(run)
    created = [m.group(1) for m in lines_matching(lines, r"created (\S+)$")]
    if created != ["book-club"]:
        raise Unmet("main never prints `created book-club`" if not created else f"it printed created {created}",
                    "create the group with TIMGroupCreate and create_group_param_group_id \"book-club\"; the "
                    "callback's JSON is {\"create_group_result_groupid\":\"book-club\"} (10021: the id is taken: "
                    "dismiss the group at the end, so that the program runs again)")
    quits = [int(m.group(1)) for m in lines_matching(lines, r"quit (-?\d+)$")]
    dismissals = [int(m.group(1)) for m in lines_matching(lines, r"dismiss (-?\d+)$")]
    if len(quits) != 1 or len(dismissals) != 1:
        raise Unmet(f"{len(quits)} `quit N` and {len(dismissals)} `dismiss N` lines, not one each",
                    "print TIMGroupQuit's callback code as quit N, then TIMGroupDelete's as dismiss N")
    if quits[0] != 10009:
        raise Unmet(f"quit {quits[0]}, not quit 10009 (ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT)",
                    "the owner of a Meeting group may not quit it (TIMGroupManager.h 501); only a Work group "
                    "lets its owner quit: make the group kTIMGroup_ChatRoom")
    if dismissals[0] != 0:
        raise Unmet(f"dismiss {dismissals[0]}, not dismiss 0",
                    "the owner may dismiss a Meeting group (TIMGroupManager.h 466): call TIMGroupDelete as gina, "
                    "after the quit was refused")
