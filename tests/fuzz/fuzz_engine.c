/* libFuzzer harness: every entry point of the engine that takes JSON or ids, fed the fuzzer's
 * bytes (after a first byte that picks the entry point), with the engine initialised and a user
 * logged in. Built with clang -fsanitize=fuzzer,address,undefined by tests/test_fuzz.py; a crash,
 * a sanitizer report, a TIMResult outside the enum or a callback that never comes stops it.
 *
 * Usage: fuzz_engine [libFuzzer options] CORPUS_DIR...; TIMCONV_FUZZ_DIR names the data folder. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "TIMCloud.h"

#define APP_ID 1400000001ULL

static char config[4096];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t answered_cond = PTHREAD_COND_INITIALIZER;
static long answered;

static void on_done(int32_t code, const char *desc, const char *json, const void *user_data) {
    (void)code, (void)user_data;
    /* Reading every byte lets AddressSanitizer check the strings the engine hands over. */
    volatile size_t n = strlen(desc) + strlen(json);
    (void)n;
    pthread_mutex_lock(&lock);
    answered++;
    pthread_cond_broadcast(&answered_cond);
    pthread_mutex_unlock(&lock);
}

/* Waits (10 s at most) until `target` callbacks have come; aborts otherwise: a lost callback is a bug. */
static void wait_for(long target) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 10;
    pthread_mutex_lock(&lock);
    while (answered < target) {
        if (pthread_cond_timedwait(&answered_cond, &lock, &deadline) != 0) {
            fprintf(stderr, "a callback never came\n");
            abort();
        }
    }
    pthread_mutex_unlock(&lock);
}

static long answered_so_far(void) {
    pthread_mutex_lock(&lock);
    long n = answered;
    pthread_mutex_unlock(&lock);
    return n;
}

static const char *const valid_msg = "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hi\"}]}";
static const char *const valid_draft = "{\"draft_msg\":{\"message_elem_array\":[{\"elem_type\":0}]}}";

static void start_session(void) {
    if (TIMInit(APP_ID, config) != TIM_SUCC) abort();
    long base = answered_so_far();
    if (TIMLogin("fuzzer", "sig", on_done, NULL) != TIM_SUCC) abort();
    wait_for(base + 1); /* calls before the login's callback would get TIM_ERR_NOTLOGIN */
    if (TIMConvCreate("peer", kTIMConv_C2C, on_done, NULL) != TIM_SUCC) abort();
    if (TIMConvCreate("team", kTIMConv_Group, on_done, NULL) != TIM_SUCC) abort();
    /* A group of which the fuzzer is the owner (10021 in later sessions: it is kept). */
    if (TIMGroupCreate("{\"create_group_param_group_name\":\"Team\",\"create_group_param_group_id\":\"team\","
                       "\"create_group_param_group_type\":2}", on_done, NULL) != TIM_SUCC) abort();
    wait_for(base + 4);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    const char *dir = getenv("TIMCONV_FUZZ_DIR");
    if (dir == NULL) {
        fprintf(stderr, "set TIMCONV_FUZZ_DIR to an empty folder\n");
        abort();
    }
    snprintf(config, sizeof config, "{\"sdk_config_config_file_path\": \"%s\"}", dir);
    start_session();
    return 0;
}

/* The entry points: cases 0 to 50 below, and the SDK config (the default). */
#define ENTRY_POINTS 62

/* Calls one entry point with `text`; returns its TIMResult and whether a callback will come. */
static int call_entry_point(unsigned selector, const char *text, int *with_callback) {
    *with_callback = 1;
    switch (selector) {
    case 0: *with_callback = 0; return TIMConvSetDraft("peer", kTIMConv_C2C, text);
    case 1: *with_callback = 0; return TIMConvSetDraft(text, kTIMConv_Group, valid_draft);
    case 2: return TIMConvGetConvInfo(text, on_done, NULL);
    case 3: return TIMConvDeleteConversationList(text, false, on_done, NULL);
    case 4: return TIMConvGetConversationListByFilter(text, 0, 20, on_done, NULL);
    case 5: return TIMMsgSendMessage("peer", kTIMConv_C2C, text, NULL, on_done, NULL);
    case 6: return TIMMsgSendMessage(text, kTIMConv_Group, valid_msg, NULL, on_done, NULL);
    case 7: return TIMConvMarkConversation(text, 1, true, on_done, NULL);
    case 8: return TIMConvCreateConversationGroup(text, "[\"c2c_peer\"]", on_done, NULL);
    case 9: return TIMConvAddConversationsToGroup("g", text, on_done, NULL);
    case 10: return TIMConvSetConversationCustomData("[\"c2c_peer\"]", text, on_done, NULL);
    case 11: return TIMConvGetUnreadMessageCountByFilter(text, on_done, NULL);
    case 12: {
        *with_callback = 0;
        int code = TIMConvSubscribeUnreadMessageCountByFilter(text);
        return code != TIM_SUCC ? code : TIMConvUnsubscribeUnreadMessageCountByFilter(text);
    }
    case 13: return TIMConvCleanConversationUnreadMessageCount(text, 1, 1, on_done, NULL);
    case 14: return TIMMsgGetMsgList("peer", kTIMConv_C2C, text, on_done, NULL);
    case 15: return TIMConvRenameConversationGroup("g", text, on_done, NULL);
    case 16: return TIMConvCreate(text, kTIMConv_C2C, on_done, NULL);
    case 17: return callExperimentalAPI(text, on_done, NULL);
    case 18: return TIMMsgSetC2CReceiveMessageOpt(text, kTIMRecvMsgOpt_Not_Notify, on_done, NULL);
    case 19: return TIMMsgReportReaded("peer", kTIMConv_C2C, text, on_done, NULL);
    case 20: return TIMMsgReportReaded(text, kTIMConv_Group, NULL, on_done, NULL);
    case 21: return TIMGroupCreate(text, on_done, NULL);
    case 22: return TIMGroupJoin(text, NULL, on_done, NULL);
    case 23: return TIMGroupJoin("team", text, on_done, NULL);
    case 24: return TIMGroupQuit(text, on_done, NULL);
    case 25: return TIMGroupDelete(text, on_done, NULL);
    case 26: return TIMGroupGetGroupInfoList(text, on_done, NULL);
    case 27: return TIMGroupGetMemberInfoList(text, on_done, NULL);
    case 28: return TIMMsgRevoke("peer", kTIMConv_C2C, text, on_done, NULL);
    case 29: return TIMMsgDelete("peer", kTIMConv_C2C, text, on_done, NULL);
    case 30: return TIMMsgListDelete("team", kTIMConv_Group, text, on_done, NULL);
    case 31: return TIMMsgClearHistoryMessage(text, kTIMConv_C2C, on_done, NULL);
    case 32: return TIMGroupModifyGroupInfo(text, on_done, NULL);
    case 33: return TIMGroupModifyMemberInfo(text, on_done, NULL);
    case 34: return TIMGroupInviteMember(text, on_done, NULL);
    case 35: return TIMGroupDeleteMember(text, on_done, NULL);
    case 36: return TIMMsgFindMessages(text, on_done, NULL);
    case 37: return TIMMsgFindByMsgLocatorList("team", kTIMConv_Group, text, on_done, NULL);
    case 38: return TIMGroupGetPendencyList(text, on_done, NULL);
    case 39: return TIMGroupHandlePendency(text, on_done, NULL);
    case 40: return TIMGroupSearchGroups(text, on_done, NULL);
    case 41: return TIMGroupGetOnlineMemberCount(text, on_done, NULL);
    case 42: return TIMMsgSearchLocalMessages(text, on_done, NULL);
    case 43: return TIMProfileGetUserProfileList(text, on_done, NULL);
    case 44: return TIMProfileModifySelfUserProfile(text, on_done, NULL);
    case 45: return TIMSubscribeUserInfo(text, on_done, NULL);
    case 46: return TIMUnsubscribeUserInfo(text, on_done, NULL);
    case 47: return TIMGetUserStatus(text, on_done, NULL);
    case 48: return TIMSetSelfStatus(text, on_done, NULL);
    case 49: return TIMSubscribeUserStatus(text, on_done, NULL);
    case 50: return TIMUnsubscribeUserStatus(text, on_done, NULL);
    case 51: return TIMGroupInitGroupAttributes("team", text, on_done, NULL);
    case 52: return TIMGroupSetGroupAttributes("team", text, on_done, NULL);
    case 53: return TIMGroupDeleteGroupAttributes("team", text, on_done, NULL);
    case 54: return TIMGroupGetGroupAttributes("team", text, on_done, NULL);
    case 55: return TIMGroupSetGroupCounters("team", text, on_done, NULL);
    case 56: return TIMGroupGetGroupCounters("team", text, on_done, NULL);
    case 57: return TIMGroupIncreaseGroupCounter("team", text, 1, on_done, NULL);
    case 58: return TIMGroupDecreaseGroupCounter(text, "n", 1, on_done, NULL);
    case 59: return TIMGroupSearchGroupMembers(text, on_done, NULL);
    case 60: return TIMGroupMarkGroupMemberList("team", text, 1000, true, on_done, NULL);
    default: {
        /* The SDK config: TIMInit on a stopped engine. A log folder would be created wherever the
         * input says, so inputs naming one are left out. */
        *with_callback = 0;
        if (strstr(text, "log") != NULL) return TIM_SUCC;
        if (TIMUninit() != TIM_SUCC) abort();
        int code = TIMInit(APP_ID, text);
        if (code == TIM_SUCC && TIMUninit() != TIM_SUCC) abort();
        start_session();
        return code;
    }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    char *text = malloc(size);
    if (text == NULL) return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    long base = answered_so_far();
    int with_callback = 0;
    int code = call_entry_point(data[0] % ENTRY_POINTS, text, &with_callback);
    if (code > TIM_SUCC || code < TIM_ERR_GROUP) {
        fprintf(stderr, "TIMResult %d is not in the enum\n", code);
        abort();
    }
    if (code == TIM_SUCC && with_callback) wait_for(base + 1);
    free(text);
    return 0;
}
