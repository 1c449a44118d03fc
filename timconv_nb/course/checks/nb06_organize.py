"""The exercises of notebook 06, organizing conversations: marks (a 64-bit set of bits, extension
marks ``0x1LL << n`` with 32 <= n < 64: the vendor's ``TIMConversationManager.h`` 616-621) and a
conversation group with its callbacks."""

from __future__ import annotations

from ..exercises import Unmet, exercise, lines_matching, ran, uses
from ..session import RunResult

STAR = 1
BIT_40 = 1 << 40

MARKS_WRONG = r"""
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

static void print_marks(void) {
    TIMConvGetConvInfo("[{\"get_conversation_list_param_conv_id\":\"erin\",\"get_conversation_list_param_conv_type\":1}]",
                       keep_json, NULL);
    course_wait(1, 5);
    printf("marks:");
    for (const Json::Value& mark : answer[0][kTIMConvMarkArray]) printf(" %llu", (unsigned long long)mark.asUInt64());
    printf("\n");
}

int main() {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("alice", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    const char* erin = "[\"c2c_erin\"]";
    TIMConvMarkConversation(erin, 0xFFFFFFFF0000000FULL, false, keep_json, NULL);
    course_wait(1, 5);
    TIMConvMarkConversation(erin, kTIMConversationMarkTypeStar | (0x1 << 40), true, keep_json, NULL);
    course_wait(1, 5);
    print_marks();
    TIMConvMarkConversation(erin, kTIMConversationMarkTypeStar, false, keep_json, NULL);
    course_wait(1, 5);
    print_marks();
    TIMUninit();
    return 0;
}
"""


def _marks(line: str) -> set[int]:
    return {int(word) for word in line.split()}


@exercise("6.1", "06-organize", "Two marks in one call", "c++", wrong=MARKS_WRONG, wrong_hint="0x1LL << 40")
def two_marks_in_one_call(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMConvMarkConversation")
    printed = [_marks(m.group(1)) for m in lines_matching(lines, r"marks:((?: \d+)*)\s*$")]
    if not printed:
        raise Unmet("the program prints no `marks: ...` line", "call print_marks() after setting the marks")
    if printed[0] != {STAR, BIT_40}:
        missing = sorted({STAR, BIT_40} - printed[0])
        raise Unmet(f"after the first call erin's marks are {sorted(printed[0]) or 'none'}, not 1 and {BIT_40}"
                    + (f" ({', '.join(map(str, missing))} missing)" if missing else ""),
                    "set both in one mark_type: kTIMConversationMarkTypeStar | (0x1LL << 40); without LL, 0x1 << 40 "
                    "shifts a 32-bit int past its width (the compiler warns) and the mark is lost")
    if len(printed) < 2:
        raise Unmet("the marks are printed once, not twice",
                    "clear the star (enable_mark false, mark_type kTIMConversationMarkTypeStar), then print_marks() again")
    if printed[1] != {BIT_40}:
        raise Unmet(f"after clearing, erin's marks are {sorted(printed[1]) or 'none'}, not {BIT_40} alone",
                    "clearing takes the bits to clear: mark_type kTIMConversationMarkTypeStar with enable_mark false "
                    "clears the star and leaves the other marks")


GROUP_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void on_created(const char* group_name, const char* conversation_array, const void* user_data) {
    (void)conversation_array, (void)user_data;
    printf("created %s\n", group_name);
}

static void on_renamed(const char* old_name, const char* new_name, const void* user_data) {
    (void)user_data;
    printf("renamed %s to %s\n", old_name, new_name);
}

static void on_deleted(const char* group_name, const void* user_data) {
    (void)user_data;
    printf("deleted %s\n", group_name);
}

static void quietly(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)code, (void)desc, (void)json_params, (void)user_data;
    course_done();
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("alice", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMConvDeleteConversationGroup("family", quietly, NULL);
    TIMConvDeleteConversationGroup("home", quietly, NULL);
    course_wait(2, 5);
    TIMSetConvConversationGroupCreatedCallback(on_created, NULL);
    TIMSetConvConversationGroupNameChangedCallback(on_renamed, NULL);
    TIMSetConvConversationGroupDeletedCallback(on_deleted, NULL);
    TIMConvCreateConversationGroup("family", "[\"c2c_erin\",\"c2c_frank\"]", course_print, "create");
    course_wait(1, 5);
    TIMConvRenameConversationGroup("family", "home", course_print, "rename");
    course_wait(1, 5);
    TIMConvDeleteConversationGroup("family", course_print, "delete");
    course_wait(1, 5);
    TIMUninit();
    return 0;
}
"""

EXPECTED_CALLBACKS = ["created family", "renamed family to home", "deleted home"]


@exercise("6.2", "06-organize", "A group of your own", "c", wrong=GROUP_WRONG, wrong_hint="home")
def a_group_of_your_own(run: RunResult) -> None:
    lines = ran(run)
    printed = [m.group(0) for m in lines_matching(lines, r"(created|renamed|deleted) .*$")]
    if not printed or printed[0] != EXPECTED_CALLBACKS[0]:
        raise Unmet("no `created family` line", "create the group family with [\"c2c_erin\",\"c2c_frank\"]; the "
                    "created callback prints it (a 6017 answer means a group of that name exists: delete it first)")
    if "renamed family to home" not in printed:
        raise Unmet("no `renamed family to home` line",
                    "set a callback with TIMSetConvConversationGroupNameChangedCallback (it gets the old and the new "
                    "name), then call TIMConvRenameConversationGroup(\"family\", \"home\", ...) and wait for its answer")
    if "deleted home" not in printed:
        raise Unmet("no `deleted home` line",
                    "after the rename the group is called home: delete \"home\", with a callback set by "
                    "TIMSetConvConversationGroupDeletedCallback, and wait for the answer before TIMUninit")
    if printed != EXPECTED_CALLBACKS:
        raise Unmet(f"the callbacks printed {printed}, not {EXPECTED_CALLBACKS}",
                    "one call of each, in this order, each awaited before the next")
    uses(run, "TIMConvRenameConversationGroup", "TIMConvDeleteConversationGroup")
