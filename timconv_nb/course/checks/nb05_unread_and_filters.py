"""The exercises of notebook 05, unread counts and filters. Both read heidi's conversations, which
the cell before the exercises makes the same on every run: ivan (2 unread, muted with
kTIMRecvMsgOpt_Not_Notify), judy (3), ken (1), leo (2), mallory (1), niaj (heidi wrote to him: none),
most recent first."""

from __future__ import annotations

import re

from ..exercises import Unmet, exercise, lines_matching, ran, uses
from ..session import RunResult

#: heidi's one-to-one conversations with unread messages, in the list's order.
UNREAD_IN_ORDER = ["mallory", "leo", "ken", "judy", "ivan"]

PAGES_WRONG = r"""
#include <cstdio>
#include <json/json.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static uint64_t next_seq = 0;
static bool is_finished = false;
static int pages = 0;

static void on_page(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)user_data;
    Json::Value result;
    if (code == ERR_SUCC && Json::Reader().parse(json_params, result)) {
        printf("page %d:", ++pages);
        for (const Json::Value& conv : result[TIMConversationListResultConvList]) printf(" %s", conv[kTIMConvId].asCString());
        printf("\n");
        next_seq = result[TIMConversationListResultNextSeq].asUInt64();
        is_finished = result[TIMConversationListResultIsFinished].asBool();
    } else {
        is_finished = true;
    }
    course_done();
}

int main() {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("heidi", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    const char* filter = "{\"conversation_list_filter_conv_type\":1}";
    while (!is_finished) {
        if (TIMConvGetConversationListByFilter(filter, next_seq, 2, on_page, NULL) != TIM_SUCC) break;
        if (!course_wait(1, 5)) break;
    }
    TIMUninit();
    return 0;
}
"""


@exercise("5.1", "05-unread-and-filters", "Page through a filtered list", "c++", wrong=PAGES_WRONG,
          wrong_hint="conversation_list_filter_has_unread_count")
def page_through_a_filtered_list(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMConvGetConversationListByFilter")
    pages = [m.group(2).split() for m in lines_matching(lines, r"page (\d+):(.*)$")]
    if not pages:
        raise Unmet("the program prints no `page N: ...` line",
                    "print one line per page: page N, then the conv_id of each conversation on it")
    listed = [conv_id for page in pages for conv_id in page]
    if "niaj" in listed:
        raise Unmet("niaj is listed, but heidi has no unread message from him",
                    "the filter must keep only conversations with unread messages: "
                    "conversation_list_filter_has_unread_count true")
    too_long = [n for n, page in enumerate(pages, 1) if len(page) > 2]
    if too_long:
        raise Unmet(f"page {too_long[0]} lists {len(pages[too_long[0] - 1])} conversations",
                    "ask for two at a time: count 2")
    repeated = sorted({conv_id for conv_id in listed if listed.count(conv_id) > 1})
    if repeated:
        raise Unmet(f"{', '.join(repeated)} listed more than once",
                    "pass each page's next_seq to the next call: next_seq 0 starts again from the top")
    if len(pages) == 1 and len(listed) < len(UNREAD_IN_ORDER):
        raise Unmet("only the first page is printed",
                    "its is_finished is false: call TIMConvGetConversationListByFilter again with the page's "
                    "next_seq, and again, until is_finished is true")
    if not re.search(r"\bTIMConversationListResultNextSeq\b|conversation_list_result_next_seq", run.source):
        raise Unmet("the program never reads a page's next_seq (conversation_list_result_next_seq)",
                    "the cursor is the SDK's, opaque: take it from each page's result, "
                    "result[TIMConversationListResultNextSeq], and pass it to the next call; a number counted "
                    "from the pages is not where the next page starts")
    if not listed:
        raise Unmet("the pages list no conversation",
                    "run the cell before the exercises first: it gives heidi her conversations")
    if listed != UNREAD_IN_ORDER:
        raise Unmet(f"the pages list {' '.join(listed)}, not {' '.join(UNREAD_IN_ORDER)}",
                    "ask for each page from the previous page's next_seq until its is_finished is true, with the "
                    "filter's two keys (one-to-one, with unread messages)")
    if any(len(page) == 0 for page in pages):
        raise Unmet("an empty page is printed",
                    "stop when a page says is_finished true: there is no page after it")


COUNT_WRONG = r"""
#include <cstdio>
#include <json/json.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static Json::Value answer;

static void keep_json(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)user_data;
    answer = Json::Value();
    if (code == ERR_SUCC) Json::Reader().parse(json_params, answer);
    course_done();
}

int main() {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("heidi", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    const char* filter = "{\"conversation_list_filter_conv_type\":1}";
    TIMConvGetTotalUnreadMessageCount(keep_json, NULL);
    course_wait(1, 5);
    printf("total %d\n", answer[kTIMConvGetTotalUnreadMessageCountResultUnreadCount].asInt());
    TIMConvGetConversationListByFilter(filter, 0, 100, keep_json, NULL);
    course_wait(1, 5);
    unsigned listed = 0;
    for (const Json::Value& conv : answer[TIMConversationListResultConvList]) listed += conv[kTIMConvUnReadNum].asUInt();
    printf("by filter %u\n", listed);
    printf("listed %u\n", listed);
    TIMUninit();
    return 0;
}
"""


def _number(lines: list[str], label: str) -> int:
    found = lines_matching(lines, rf"{label} (-?\d+)$")
    if not found:
        raise Unmet(f"the program prints no `{label} N` line", f"print the number as {label} N, on a line of its own")
    return int(found[0].group(1))


@exercise("5.2", "05-unread-and-filters", "Count it yourself", "c++", wrong=COUNT_WRONG, wrong_hint="leaves out")
def count_it_yourself(run: RunResult) -> None:
    lines = ran(run)
    total, by_filter, listed = (_number(lines, label) for label in ("total", "by filter", "listed"))
    if total != 7:
        raise Unmet(f"total {total}, not 7", "run the cell before the exercises first: it gives heidi her conversations")
    if listed != 9:
        raise Unmet(f"listed {listed}, not 9",
                    "list the filter's conversations (TIMConvGetConversationListByFilter, next_seq 0, count 100) and "
                    "add up the conv_unread_num of every ConvInfo in conversation_list_result_conv_list")
    if by_filter != 7:
        raise Unmet(f"by filter {by_filter}, not 7",
                    "ask the SDK, with TIMConvGetUnreadMessageCountByFilter and the same filter: its total leaves out "
                    "muted conversations (ivan's, kTIMRecvMsgOpt_Not_Notify), which conv_unread_num still counts")
    uses(run, "TIMConvGetUnreadMessageCountByFilter", "TIMConvGetConversationListByFilter")
