"""The exercises of notebook 04, drafts."""

from __future__ import annotations

from typing import Any

from ..exercises import Unmet, exercise, json_after, lines_matching, ran, uses
from ..session import RunResult

#: What each refused TIMConvSetDraft / TIMConvCancelDraft return code most likely means here.
REFUSED = {
    -2: "TIM_ERR_NOTLOGIN: call it after the login's callback has come",
    -3: "TIM_ERR_JSON: the Draft JSON does not parse, or has no draft_msg object; print it and check its quotes "
        "and braces",
    -4: "TIM_ERR_PARAM: a NULL or empty argument",
    -5: 'TIM_ERR_CONV: conv_id is the peer\'s user id ("carol", "dave") with kTIMConv_C2C, not a conversation '
        'ID such as "c2c_carol"',
}

NO_USER_DEFINE_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"
#include "timconv_ext.h"

static void on_created(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)json_params, (void)user_data;
    printf("TIMConvCreate -> code %d\n", code);
    course_done();
}

static void quietly(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)code, (void)desc, (void)json_params, (void)user_data;
    course_done();
}

int main(void) {
    timconv_set_clock(1773486000);   /* the local engine's own call: the same times every run */
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("kim", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMConvDelete("carol", kTIMConv_C2C, quietly, NULL);   /* what an earlier run left, its draft with it */
    if (!course_wait(1, 5)) return 1;
    TIMConvCreate("carol", kTIMConv_C2C, on_created, NULL);
    if (!course_wait(1, 5)) return 1;
    char draft[512];
    snprintf(draft, sizeof draft, "{\"%s\": {\"%s\": [{\"%s\": %d, \"%s\": \"%s\"}]}}",
             kTIMDraftMsg, kTIMMsgElemArray, kTIMElemType, kTIMElem_Text, kTIMTextElemContent, "see you at 6");
    printf("returned %d\n", TIMConvSetDraft("carol", kTIMConv_C2C, draft));   /* the whole answer */
    TIMConvGetConvList(course_print, "TIMConvGetConvList");
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""


def refused(call: str, code: int) -> Unmet:
    """The verdict on a draft call that returned ``code``."""
    return Unmet(f"{call} returned {code}, so it was refused and changed nothing",
                 REFUSED.get(code, "read the code in TIMCloudDef.h (enum TIMResult)"))


@exercise("4.1", "04-drafts", "A draft with your own data", "c", wrong=NO_USER_DEFINE_WRONG,
          wrong_hint="kTIMDraftUserDefine")
def a_draft_with_your_own_data(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMConvSetDraft")
    returned = [int(m.group(1)) for m in lines_matching(lines, r"returned (-?\d+)$")]
    if not returned:
        raise Unmet("main never prints `returned N`",
                    "TIMConvSetDraft has no callback: what it returns is its whole answer; print it")
    if returned[0] != 0:
        raise refused("TIMConvSetDraft", returned[0])
    listed = lines_matching(lines, r"TIMConvGetConvList -> code 0: ")
    if not listed:
        raise Unmet("there is no `TIMConvGetConvList -> code 0` line",
                    "keep the TIMConvGetConvList call after TIMConvSetDraft, and wait for it")
    conversations = json_after(listed[-1].string, "TIMConvGetConvList -> code 0:")
    carol = next((c for c in conversations if isinstance(c, dict) and c.get("conv_id") == "carol"), None)
    if carol is None or not carol.get("conv_is_has_draft"):
        raise Unmet("carol's conversation has no draft in the list",
                    'set it with TIMConvSetDraft("carol", kTIMConv_C2C, draft) before asking for the list')
    draft = carol.get("conv_draft", {})
    texts = [e.get("text_elem_content") for e in draft.get("draft_msg", {}).get("message_elem_array", [])]
    if texts != ["see you at 6"]:
        raise Unmet(f"the draft's text elements are {texts}, not ['see you at 6']",
                    "draft_msg holds one text element (kTIMElem_Text) whose text_elem_content is see you at 6")
    if draft.get("draft_user_define") != "reply-to:42":
        raise Unmet(f"the draft's draft_user_define is {draft.get('draft_user_define', 'missing')!r}, not "
                    "'reply-to:42'",
                    'add it to the Draft JSON beside draft_msg, under kTIMDraftUserDefine: '
                    '{"draft_msg": {...}, "draft_user_define": "reply-to:42"}')


CONVERSATION_ID_WRONG = r"""
#include <stdio.h>
#include <string.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void on_created(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)json_params, (void)user_data;
    printf("TIMConvCreate -> code %d\n", code);
    course_done();
}

static void on_conv_event(enum TIMConvEvent event, const char* json_conv_array, const void* user_data) {
    (void)user_data;
    if (event != kTIMConvEvent_Update) return;
    bool has_draft = strstr(json_conv_array, "\"conv_is_has_draft\":true") != NULL;
    printf("kTIMConvEvent_Update, conv_is_has_draft %s\n", has_draft ? "true" : "false");
    course_done();
}

int main(void) {
    TIMSetConvEventCallback(on_conv_event, NULL);
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("lee", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMConvCreate("dave", kTIMConv_C2C, on_created, NULL);
    if (!course_wait(1, 5)) return 1;
    const char* draft = "{\"draft_msg\": {\"message_elem_array\": [{\"elem_type\": 0, \"text_elem_content\": \"hm\"}]}}";
    int result = TIMConvSetDraft("dave", kTIMConv_C2C, draft);
    if (result == TIM_SUCC && !course_wait(1, 5)) return 1;
    printf("set returned %d\n", result);
    result = TIMConvCancelDraft("c2c_dave", kTIMConv_C2C);
    if (result == TIM_SUCC && !course_wait(1, 5)) return 1;
    printf("cancel returned %d\n", result);
    TIMUninit();
    return 0;
}
"""


@exercise("4.2", "04-drafts", "Cancel it, hear it", "c", wrong=CONVERSATION_ID_WRONG, wrong_hint="conv_id is")
def cancel_it_hear_it(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMConvCancelDraft")
    cancelled = [int(m.group(1)) for m in lines_matching(lines, r"cancel returned (-?\d+)$")]
    if not cancelled:
        raise Unmet("main never prints `cancel returned N`",
                    "TIMConvCancelDraft has no callback: what it returns is its whole answer; print it")
    if cancelled[0] != 0:
        raise refused("TIMConvCancelDraft", cancelled[0])
    events = [m.group(1) for m in lines_matching(lines, r"kTIMConvEvent_Update, conv_is_has_draft (\w+)$")]
    if events[-1:] != ["false"]:
        raise Unmet("no `kTIMConvEvent_Update, conv_is_has_draft false` was printed",
                    "the cancel's Update event comes on the SDK's thread after the call returned: wait for it "
                    "with course_wait(1, 5) before TIMUninit")
    last_event = max(i for i, line in enumerate(lines) if line == "kTIMConvEvent_Update, conv_is_has_draft false")
    if lines.index("cancel returned 0") < last_event:
        raise Unmet("`cancel returned 0` came before the cancel's Update event",
                    "print the return code after waiting for the event, so the lines keep their order")


#: The drafts the notebook's Python part sets, by conversation ID (its cells above the exercise).
DRAFTS = {"c2c_bob": "Friday at 5?", "c2c_dave": "See the plan: page 2"}

ALL_ROWS_WRONG = 'answer = frame["draft_text"].to_dict()\n'


@exercise("4.3", "04-drafts", "Who has a draft?", "python", wrong=ALL_ROWS_WRONG, wrong_hint="has_draft")
def who_has_a_draft(answer: Any) -> None:
    if not isinstance(answer, dict):
        raise Unmet(f"the answer is {type(answer).__name__}, not a dict",
                    "make a dict {conversation ID: draft text}: select frame's rows, then .to_dict()")
    columns = sorted(str(key) for key, value in answer.items() if isinstance(value, dict))
    if columns:
        raise Unmet(f"the answer is a dict of columns ({', '.join(columns)}), each a dict of rows",
                    'select one column by its name, frame.loc[rows, "draft_text"], not by a list of names: a '
                    "Series' .to_dict() gives {conversation ID: text}, a DataFrame's {column: {...}}")
    extra = sorted(str(key) for key in answer if key not in DRAFTS)
    conv_ids = [key for key in extra if f"c2c_{key}" in DRAFTS]
    if conv_ids:
        raise Unmet(f"{', '.join(conv_ids)} {'is a conv_id' if len(conv_ids) == 1 else 'are conv_ids'}, not "
                    "conversation IDs",
                    "a conversation ID is c2c_ + the user id, the frame's index: keep the index as the keys "
                    "(conv_id is a column)")
    if extra:
        raise Unmet(f"{', '.join(extra)} {'has' if len(extra) == 1 else 'have'} no draft",
                    'keep only the rows whose has_draft is True: frame.loc[frame["has_draft"], ...]')
    missing = sorted(key for key in DRAFTS if key not in answer)
    if missing:
        raise Unmet(f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing",
                    "the frame's index is the conversation ID: keep every row whose has_draft is True")
    wrong = {key: answer[key] for key in DRAFTS if not (isinstance(answer[key], str) and answer[key] == DRAFTS[key])}
    if wrong:
        raise Unmet(f"the texts {wrong} are not the drafts' texts",
                    "take the draft_text column: the text elements of each draft, joined")
