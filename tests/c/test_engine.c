/* The engine's own test program: drives every implemented function through the public C API
 * (TIMCloud.h) and checks return codes, callback codes, JSON and threads. Built by the test
 * suite against the installed headers and library, and again from source under ASan + UBSan.
 * Usage: test_engine DATA_FOLDER (an empty folder it may write to). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "TIMCloud.h"
#include "check.h"
#include "timconv_ext.h"

#define APP_ID 1400000001ULL

/* ---- waiting for callbacks ---- */

struct recorder {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int count;
    int32_t last_code;
    char last_desc[512];
    char *last_json;
    pthread_t last_thread;
    int order_errors; /* callbacks whose user_data did not follow the previous one */
    long expected_next;
};

static struct recorder rec = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, "", NULL, 0, 0, 0};

static void record(int32_t code, const char *desc, const char *json, const void *user_data) {
    pthread_mutex_lock(&rec.lock);
    rec.count++;
    rec.last_code = code;
    snprintf(rec.last_desc, sizeof rec.last_desc, "%s", desc);
    free(rec.last_json);
    rec.last_json = strdup(json);
    rec.last_thread = pthread_self();
    long seq = (long)(intptr_t)user_data;
    if (seq > 0) {
        if (seq != rec.expected_next) rec.order_errors++;
        rec.expected_next = seq + 1;
    }
    pthread_cond_broadcast(&rec.cond);
    pthread_mutex_unlock(&rec.lock);
}

/* Waits until `count` callbacks have arrived in all (5 s at most). */
static int wait_for(int count) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 5;
    pthread_mutex_lock(&rec.lock);
    while (rec.count < count) {
        if (pthread_cond_timedwait(&rec.cond, &rec.lock, &deadline) != 0) break;
    }
    int got = rec.count;
    pthread_mutex_unlock(&rec.lock);
    return got >= count;
}

static int callbacks_so_far(void) {
    pthread_mutex_lock(&rec.lock);
    int count = rec.count;
    pthread_mutex_unlock(&rec.lock);
    return count;
}

/* Makes a call that must be accepted, then waits for its callback. */
#define EXPECT_CALLBACK(call)                   \
    do {                                        \
        int expect_base_ = callbacks_so_far();  \
        CHECK_EQ_INT((call), TIM_SUCC);         \
        CHECK(wait_for(expect_base_ + 1));      \
    } while (0)

/* ---- JSON through SQLite, so the test needs no parser either ---- */

static sqlite3 *jdb;

/* json_extract(json, path) as text, in a static buffer ("<null>" when absent). */
static const char *jget(const char *json, const char *path) {
    static char out[4096];
    sqlite3_stmt *st;
    snprintf(out, sizeof out, "<error>");
    if (sqlite3_prepare_v2(jdb, "SELECT coalesce(json_extract(?1, ?2), '<null>'), json_type(?1, ?2)", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            const char *type = (const char *)sqlite3_column_text(st, 1);
            const char *value = (const char *)sqlite3_column_text(st, 0);
            if (type != NULL && (strcmp(type, "true") == 0 || strcmp(type, "false") == 0)) value = type;
            snprintf(out, sizeof out, "%s", value);
        }
        sqlite3_finalize(st);
    }
    return out;
}

/* ---- events ---- */

static int event_counts[5];
static char last_event_json[4096];

static void on_event(enum TIMConvEvent ev, const char *json, const void *ud) {
    (void)ud;
    pthread_mutex_lock(&rec.lock);
    if ((unsigned)ev < 5) event_counts[ev]++;
    snprintf(last_event_json, sizeof last_event_json, "%s", json);
    pthread_mutex_unlock(&rec.lock);
}

/* ---- network status ---- */

static enum TIMNetworkStatus statuses[4];
static int status_count;
static int status_errors; /* statuses with a failure's code or desc, or after a call's callback */
static int callbacks_at_init;

static void on_network_status(enum TIMNetworkStatus status, int32_t code, const char *desc, const void *ud) {
    pthread_mutex_lock(&rec.lock);
    if (code != ERR_SUCC || strcmp(desc, "") != 0 || ud != statuses || rec.count != callbacks_at_init) status_errors++;
    if (status_count < 4) statuses[status_count] = status;
    status_count++;
    pthread_mutex_unlock(&rec.lock);
}

/* ---- callbacks that call the API ---- */

static int nested_uninit_result = 99;
static int nested_create_result = 99;

static void call_api_inside(int32_t code, const char *desc, const char *json, const void *ud) {
    nested_uninit_result = TIMUninit();
    nested_create_result = TIMConvCreate("nested", kTIMConv_C2C, record, NULL);
    record(code, desc, json, ud);
}

static char config[4096];

static void test_before_init(void) {
    CHECK_EQ_INT(TIMConvCreate("a", kTIMConv_C2C, record, NULL), TIM_ERR_SDKUNINIT);
    CHECK_EQ_INT(TIMLogin("a", "sig", record, NULL), TIM_ERR_SDKUNINIT);
    CHECK_EQ_INT(TIMConvSetDraft("a", kTIMConv_C2C, "{}"), TIM_ERR_SDKUNINIT);
    CHECK_EQ_INT(TIMUninit(), TIM_ERR_SDKUNINIT);
    CHECK_EQ_INT(TIMInit(0, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMInit(APP_ID, "{not json"), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMInit(APP_ID, "[1,2]"), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMInit(APP_ID, "{\"sdk_config_config_file_path\": 5}"), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMInit(APP_ID, "{\"sdk_config_config_file_path\": \"a\\u0000b\"}"), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMGetLoginStatus(), kTIMLoginStatus_UnLogined);
    CHECK(strstr(TIMGetSDKVersion(), "timconv_nb") != NULL);
    CHECK(TIMGetServerTime() >= (uint64_t)time(NULL) - 1);
}

static void test_login(void) {
    /* TIMManager.h 221: TIMInit connects to the server (here: the data folder, at once). */
    TIMSetNetworkStatusListenerCallback(on_network_status, statuses);
    callbacks_at_init = callbacks_so_far();
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC); /* second init changes nothing */
    char buffer[128];
    CHECK_EQ_INT(TIMGetLoginUserID(buffer), TIM_ERR_NOTLOGIN);
    CHECK_EQ_INT(TIMConvCreate("a", kTIMConv_C2C, record, NULL), TIM_ERR_NOTLOGIN);
    CHECK_EQ_INT(TIMConvGetConvList(record, NULL), TIM_ERR_NOTLOGIN);
    CHECK_EQ_INT(TIMLogin(NULL, "sig", record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMLogin("", "sig", record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMLogin("\xff\xfe", "sig", record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMLogin("alice", NULL, record, NULL), TIM_ERR_PARAM);
    char long_id[129];
    memset(long_id, 'x', 128);
    long_id[128] = '\0';
    CHECK_EQ_INT(TIMLogin(long_id, "sig", record, NULL), TIM_ERR_PARAM);
    long_id[127] = '\0'; /* 127 bytes is the longest valid id */
    int base = callbacks_so_far();
    CHECK_EQ_INT(TIMLogin(long_id, "sig", record, NULL), TIM_SUCC);
    CHECK_EQ_INT(TIMLogin("alice", "sig", record, NULL), TIM_SUCC); /* while the first is in progress */
    CHECK(wait_for(base + 2));
    CHECK_EQ_INT(rec.last_code, ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS);
    pthread_mutex_lock(&rec.lock);
    CHECK_EQ_INT(status_count, 2); /* Connecting, then Connected, before the first callback; logins add none */
    CHECK_EQ_INT(statuses[0], kTIMConnecting);
    CHECK_EQ_INT(statuses[1], kTIMConnected);
    CHECK_EQ_INT(status_errors, 0);
    pthread_mutex_unlock(&rec.lock);
    TIMSetNetworkStatusListenerCallback(NULL, NULL);
    CHECK_EQ_INT(TIMGetLoginUserID(buffer), TIM_SUCC);
    CHECK_EQ_STR(buffer, long_id);
    EXPECT_CALLBACK(TIMLogin("alice", "sig", record, NULL)); /* switches user */
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    CHECK_EQ_STR(rec.last_desc, "");
    CHECK(!pthread_equal(rec.last_thread, pthread_self()));
    CHECK_EQ_INT(TIMGetLoginStatus(), kTIMLoginStatus_Logined);
    CHECK_EQ_INT(TIMGetLoginUserID(NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMGetLoginUserID(buffer), TIM_SUCC);
    CHECK_EQ_STR(buffer, "alice");
}

static void test_create_and_list(void) {
    CHECK_EQ_INT(TIMConvCreate(NULL, kTIMConv_C2C, record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMConvCreate("", kTIMConv_C2C, record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMConvCreate("bob", kTIMConv_Invalid, record, NULL), TIM_ERR_CONV);
    CHECK_EQ_INT(TIMConvCreate("bob", kTIMConv_System, record, NULL), TIM_ERR_CONV);
    CHECK_EQ_INT(TIMConvCreate("bob", (enum TIMConvType)99, record, NULL), TIM_ERR_CONV);
    CHECK_EQ_INT(TIMConvCreate("bob", (enum TIMConvType)-1, record, NULL), TIM_ERR_CONV);

    EXPECT_CALLBACK(TIMConvCreate("bob", kTIMConv_C2C, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    const char *j = rec.last_json;
    CHECK_EQ_STR(jget(j, "$.conv_id"), "bob");
    CHECK_EQ_STR(jget(j, "$.conv_type"), "1");
    CHECK_EQ_STR(jget(j, "$.conv_owner"), "alice");
    CHECK_EQ_STR(jget(j, "$.conv_unread_num"), "0");
    CHECK(atoll(jget(j, "$.conv_active_time")) >= (long long)time(NULL) - 5);
    CHECK_EQ_STR(jget(j, "$.conv_is_has_lastmsg"), "false");
    CHECK_EQ_STR(jget(j, "$.conv_is_has_draft"), "false");
    CHECK_EQ_STR(jget(j, "$.conv_is_pinned"), "false");
    CHECK_EQ_STR(jget(j, "$.conv_recv_opt"), "0");
    CHECK_EQ_STR(jget(j, "$.conv_mark_array"), "[]");
    CHECK_EQ_STR(jget(j, "$.conv_draft"), "<null>");
    CHECK_EQ_STR(jget(j, "$.conv_group_type"), "<null>");
    CHECK_EQ_INT(event_counts[kTIMConvEvent_Add], 1);
    CHECK_EQ_STR(jget(last_event_json, "$[0].conv_id"), "bob");

    EXPECT_CALLBACK(TIMConvCreate("bob", kTIMConv_C2C, record, NULL)); /* gets it: no new event */
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_id"), "bob");
    CHECK_EQ_INT(event_counts[kTIMConvEvent_Add], 1);

    EXPECT_CALLBACK(TIMConvCreate("team", kTIMConv_Group, record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_group_type"), "0");

    EXPECT_CALLBACK(TIMConvGetConvList(record, NULL));
    /* Same second: the one that became active later comes first. */
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_id"), "team");
    CHECK_EQ_STR(jget(rec.last_json, "$[1].conv_id"), "bob");
    CHECK_EQ_STR(jget(rec.last_json, "$[2]"), "<null>");

    CHECK_EQ_INT(TIMConvGetConvInfo(NULL, record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMConvGetConvInfo("{", record, NULL), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMConvGetConvInfo("{}", record, NULL), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMConvGetConvInfo("[{\"get_conversation_list_param_conv_id\": 1}]", record, NULL), TIM_ERR_JSON);
    EXPECT_CALLBACK(TIMConvGetConvInfo("[{\"get_conversation_list_param_conv_id\":\"team\","
                                    "\"get_conversation_list_param_conv_type\":2},"
                                    "{\"get_conversation_list_param_conv_id\":\"ghost\","
                                    "\"get_conversation_list_param_conv_type\":1},"
                                    "{\"get_conversation_list_param_conv_id\":\"bob\","
                                    "\"get_conversation_list_param_conv_type\":1}]",
                                    record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_id"), "team");
    CHECK_EQ_STR(jget(rec.last_json, "$[1].conv_id"), "bob");
    CHECK_EQ_STR(jget(rec.last_json, "$[2]"), "<null>");
}

static void test_drafts(void) {
    const char *draft = "{\"draft_msg\":{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hi\"}]},"
                        "\"draft_user_define\":\"ud\"}";
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_Invalid, draft), TIM_ERR_CONV);
    CHECK_EQ_INT(TIMConvSetDraft(NULL, kTIMConv_C2C, draft), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, "{\"draft_msg\":"), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, "{\"draft_msg\":\"text\"}"), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, "{\"draft_msg\":{\"message_elem_array\":[1]}}"), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, "{\"draft_msg\":{\"message_elem_array\":[]},\"draft_edit_time\":-1}"),
                 TIM_ERR_JSON);
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, "{\"draft_msg\":{\"message_elem_array\":[]}}\xff"), TIM_ERR_JSON);
    size_t depth = 100000;
    char *deep = malloc(2 * depth + 1);
    memset(deep, '[', depth);
    memset(deep + depth, ']', depth);
    deep[2 * depth] = '\0';
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, deep), TIM_ERR_JSON);
    free(deep);
    size_t huge = 1024 * 1024 + 1;
    char *big = malloc(huge + 1);
    memset(big, ' ', huge);
    big[huge] = '\0';
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, big), TIM_ERR_PARAM);
    free(big);
    CHECK_EQ_INT(TIMConvSetDraft("ghost", kTIMConv_C2C, draft), TIM_ERR_CONV);
    CHECK_EQ_INT(TIMConvCancelDraft("ghost", kTIMConv_C2C), TIM_ERR_CONV);
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_Group, draft), TIM_ERR_CONV); /* bob is C2C */

    int updates = event_counts[kTIMConvEvent_Update];
    CHECK_EQ_INT(TIMConvSetDraft("bob", kTIMConv_C2C, draft), TIM_SUCC);
    EXPECT_CALLBACK(TIMConvGetConvList(record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[1].conv_is_has_draft"), "true");
    CHECK_EQ_STR(jget(rec.last_json, "$[1].conv_draft.draft_user_define"), "ud");
    CHECK_EQ_STR(jget(rec.last_json, "$[1].conv_draft.draft_msg.message_elem_array[0].text_elem_content"), "hi");
    CHECK(atoll(jget(rec.last_json, "$[1].conv_draft.draft_edit_time")) >= (long long)time(NULL) - 5);
    CHECK_EQ_INT(event_counts[kTIMConvEvent_Update], updates + 1);

    /* The same list as columns (timconv_ext.h): one array per key, in the list's order. */
    CHECK_EQ_INT(timconv_conv_list_columns(NULL, NULL), TIM_SUCC); /* no callback: still runs */
    EXPECT_CALLBACK(timconv_conv_list_columns(record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_id"), "[\"team\",\"bob\"]");
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_type"), "[2,1]");
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_is_pinned"), "[false,false]");
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_c2c_read_timestamp"), "[null,0]");
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_group_read_sequence"), "[0,null]");
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_mark_array"), "[null,null]"); /* empty: null */
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_draft[0]"), "<null>");
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_draft[1].draft_user_define"), "ud");
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_last_msg"), "[null,null]");

    /* A draft on a conversation whose create is still queued is accepted, in order. */
    CHECK_EQ_INT(TIMConvCreate("carol", kTIMConv_C2C, NULL, NULL), TIM_SUCC);
    CHECK_EQ_INT(TIMConvSetDraft("carol", kTIMConv_C2C,
                                 "{\"draft_msg\":{\"message_elem_array\":[]},\"draft_edit_time\":12345}"),
                 TIM_SUCC);
    CHECK_EQ_INT(TIMConvDelete("carol", kTIMConv_C2C, NULL, NULL), TIM_SUCC);
    CHECK_EQ_INT(TIMConvCancelDraft("carol", kTIMConv_C2C), TIM_ERR_CONV); /* its delete is queued */
    CHECK_EQ_INT(TIMConvCancelDraft("bob", kTIMConv_C2C), TIM_SUCC);
    CHECK_EQ_INT(TIMConvCancelDraft("bob", kTIMConv_C2C), TIM_SUCC); /* no draft: still success */
    EXPECT_CALLBACK(TIMConvGetConvList(record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[1].conv_id"), "bob");
    CHECK_EQ_STR(jget(rec.last_json, "$[1].conv_is_has_draft"), "false");
    CHECK_EQ_STR(jget(rec.last_json, "$[2]"), "<null>");
}

static void test_delete(void) {
    CHECK_EQ_INT(TIMConvDelete(NULL, kTIMConv_C2C, record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMConvDelete("bob", (enum TIMConvType)7, record, NULL), TIM_ERR_CONV);
    int deletes = event_counts[kTIMConvEvent_Del];
    EXPECT_CALLBACK(TIMConvDelete("team", kTIMConv_Group, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    CHECK_EQ_INT(event_counts[kTIMConvEvent_Del], deletes + 1);
    CHECK_EQ_STR(jget(last_event_json, "$[0].conv_id"), "team");
    EXPECT_CALLBACK(TIMConvDelete("team", kTIMConv_Group, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_INVALID_CONVERSATION);
    CHECK(strlen(rec.last_desc) > 0);
}

static void test_order_and_reentry(void) {
    pthread_mutex_lock(&rec.lock);
    rec.expected_next = 1;
    rec.order_errors = 0;
    pthread_mutex_unlock(&rec.lock);
    int base = callbacks_so_far();
    char id[32];
    for (long i = 1; i <= 200; i++) {
        snprintf(id, sizeof id, "peer%ld", i);
        CHECK_EQ_INT(TIMConvCreate(id, kTIMConv_C2C, record, (const void *)(intptr_t)i), TIM_SUCC);
    }
    CHECK(wait_for(base + 200));
    CHECK_EQ_INT(rec.order_errors, 0);

    base = callbacks_so_far();
    CHECK_EQ_INT(TIMConvGetConvList(call_api_inside, NULL), TIM_SUCC);
    CHECK(wait_for(base + 2)); /* its own callback, then the nested create's */
    CHECK_EQ_INT(nested_uninit_result, TIM_ERR_PARAM);
    CHECK_EQ_INT(nested_create_result, TIM_SUCC);
}

static int late_callbacks;
static int uninit_returned;

static void count_late(int32_t code, const char *desc, const char *json, const void *ud) {
    __atomic_add_fetch(&late_callbacks, __atomic_load_n(&uninit_returned, __ATOMIC_SEQ_CST) ? 1000000 : 1,
                       __ATOMIC_SEQ_CST);
    record(code, desc, json, ud);
}

static void test_uninit_with_pending_calls(void) {
    int base = callbacks_so_far();
    char id[32];
    int accepted = 0;
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "burst%d", i);
        accepted += TIMConvCreate(id, kTIMConv_C2C, count_late, NULL) == TIM_SUCC;
    }
    CHECK_EQ_INT(accepted, 1000);
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
    __atomic_store_n(&uninit_returned, 1, __ATOMIC_SEQ_CST);
    CHECK_EQ_INT(callbacks_so_far() - base, 1000); /* every accepted call answered before TIMUninit returned */
    CHECK_EQ_INT(late_callbacks, 1000);   /* and none after */
    CHECK_EQ_INT(TIMGetLoginStatus(), kTIMLoginStatus_UnLogined);
    CHECK_EQ_INT(TIMConvGetConvList(record, NULL), TIM_ERR_SDKUNINIT);
}

static void test_persistence(void) {
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    EXPECT_CALLBACK(TIMLogin("alice", "sig", record, NULL));
    EXPECT_CALLBACK(TIMConvGetConvInfo("[{\"get_conversation_list_param_conv_id\":\"bob\","
                                    "\"get_conversation_list_param_conv_type\":1},"
                                    "{\"get_conversation_list_param_conv_id\":\"team\","
                                    "\"get_conversation_list_param_conv_type\":2}]",
                                    record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_id"), "bob");
    CHECK_EQ_STR(jget(rec.last_json, "$[1]"), "<null>"); /* deleted stays deleted */
    EXPECT_CALLBACK(TIMLogout(record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    CHECK_EQ_INT(TIMGetLoginStatus(), kTIMLoginStatus_UnLogined);
    EXPECT_CALLBACK(TIMLogout(record, NULL)); /* nobody logged in: still succeeds */
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
}

static int received_messages;
static int last_total_unread = -1;

static void on_messages(const char *json, const void *ud) {
    (void)json;
    (void)ud;
    __atomic_add_fetch(&received_messages, 1, __ATOMIC_SEQ_CST);
}

static void on_total_unread(int total, const void *ud) {
    (void)ud;
    __atomic_store_n(&last_total_unread, total, __ATOMIC_SEQ_CST);
}

static void test_messages_and_the_rest(void) {
    const char *text = "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hi\"}]}";
    char msg_id[128] = "";
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    TIMAddRecvNewMsgCallback(on_messages, NULL);
    TIMSetConvTotalUnreadMessageCountChangedCallback(on_total_unread, NULL);
    EXPECT_CALLBACK(TIMLogin("bob", "sig", record, NULL));
    CHECK_EQ_INT(TIMMsgSendMessage("alice", kTIMConv_C2C, "{}", msg_id, record, NULL), TIM_ERR_JSON);
    CHECK_EQ_INT(TIMMsgSendMessage("alice", kTIMConv_C2C, NULL, msg_id, record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(TIMMsgSendMessage("alice", kTIMConv_System, text, msg_id, record, NULL), TIM_ERR_CONV);
    EXPECT_CALLBACK(TIMMsgSendMessage("alice", kTIMConv_C2C, text, msg_id, record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.message_msg_id"), msg_id);
    CHECK_EQ_STR(jget(rec.last_json, "$.message_sender"), "bob");
    EXPECT_CALLBACK(TIMConvCreate("team", kTIMConv_Group, record, NULL));
    EXPECT_CALLBACK(TIMLogin("alice", "sig", record, NULL));
    /* Group messages reach the group's members (spec section 9): alice makes the group with bob in it. */
    EXPECT_CALLBACK(TIMGroupCreate("{\"create_group_param_group_name\":\"Team\",\"create_group_param_group_id\":\"team\","
                                   "\"create_group_param_group_type\":1,\"create_group_param_group_member_array\":"
                                   "[{\"group_member_info_identifier\":\"bob\"}]}", record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.create_group_result_groupid"), "team");
    EXPECT_CALLBACK(TIMConvGetTotalUnreadMessageCount(record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_get_total_unread_message_count_result_unread_count"), "1");
    EXPECT_CALLBACK(TIMMsgSendMessage("team", kTIMConv_Group, text, NULL, record, NULL));
    EXPECT_CALLBACK(TIMMsgGetMsgList("bob", kTIMConv_C2C, "{\"msg_getmsglist_param_count\": 5}", record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].message_is_from_self"), "false");
    CHECK_EQ_STR(jget(rec.last_json, "$[1]"), "<null>");
    EXPECT_CALLBACK(TIMConvPinConversation("team", kTIMConv_Group, true, record, NULL));
    EXPECT_CALLBACK(TIMConvGetConversationListByFilter("{\"conversation_list_filter_has_unread_count\": true}", 0, 10,
                                                       record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.conversation_list_result_conv_list[0].conv_id"), "bob");
    CHECK_EQ_STR(jget(rec.last_json, "$.conversation_list_result_is_finished"), "true");
    EXPECT_CALLBACK(TIMMsgReportReaded("bob", kTIMConv_C2C, NULL, record, NULL));
    CHECK_EQ_INT(__atomic_load_n(&last_total_unread, __ATOMIC_SEQ_CST), 0);
    EXPECT_CALLBACK(TIMMsgMarkAllMessageAsRead(record, NULL));
    EXPECT_CALLBACK(TIMConvDeleteConversationList("[\"c2c_bob\", \"group_team\", \"c2c_ghost\", \"bad\"]", true,
                                                  record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conversation_operation_result_result_code"), "0");
    CHECK_EQ_STR(jget(rec.last_json, "$[2].conversation_operation_result_result_code"), "6004");
    CHECK_EQ_STR(jget(rec.last_json, "$[3].conversation_operation_result_result_code"), "6017");
    EXPECT_CALLBACK(TIMLogin("bob", "sig", record, NULL));
    EXPECT_CALLBACK(TIMConvGetConvInfo("[{\"get_conversation_list_param_conv_id\":\"team\","
                                       "\"get_conversation_list_param_conv_type\":2}]", record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_unread_num"), "1"); /* alice's group message */
    TIMRemoveRecvNewMsgCallback(on_messages);
    TIMSetConvTotalUnreadMessageCountChangedCallback(NULL, NULL);
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
}

/* ---- groups of users (TIMGroupManager.h), and what happens to messages after sending ---- */

static int group_tips, revokes;
static char last_tip[1024];

static void on_group_tip(const char *tip, const void *ud) {
    (void)ud;
    pthread_mutex_lock(&rec.lock);
    snprintf(last_tip, sizeof last_tip, "%s", tip);
    pthread_mutex_unlock(&rec.lock);
    __atomic_add_fetch(&group_tips, 1, __ATOMIC_SEQ_CST);
}
static void on_revoke(const char *locators, const void *ud) {
    (void)ud;
    if (strstr(locators, "message_locator_seq") != NULL) __atomic_add_fetch(&revokes, 1, __ATOMIC_SEQ_CST);
}

static void test_im_groups(void) {
    const char *text = "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hi\"}]}";
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    TIMSetGroupTipsEventCallback(on_group_tip, NULL);
    TIMSetMsgRevokeCallback(on_revoke, NULL);
    EXPECT_CALLBACK(TIMLogin("owner", "sig", record, NULL));
    /* TIMErrorCode.h 86 (8501): an own id is printable ASCII and does not start with @TGS#;
     * TIMGroupManager.h 407: else one is made. */
    EXPECT_CALLBACK(TIMGroupCreate("{\"create_group_param_group_name\":\"X\",\"create_group_param_group_id\":\"@TGS#x\"}",
                                   record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SDK_GROUP_INVALID_ID);
    EXPECT_CALLBACK(TIMGroupCreate("{\"create_group_param_group_name\":\"X\",\"create_group_param_group_id\":\"a\\tb\"}",
                                   record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SDK_GROUP_INVALID_ID);
    EXPECT_CALLBACK(TIMGroupCreate("{\"create_group_param_group_name\":\"Meet\",\"create_group_param_group_type\":2}",
                                   record, NULL));
    char made[128];
    snprintf(made, sizeof made, "%s", jget(rec.last_json, "$.create_group_result_groupid"));
    CHECK(strncmp(made, "@TGS#", 5) == 0);
    CHECK_EQ_INT(TIMGroupJoin(NULL, NULL, record, NULL), TIM_ERR_GROUP);
    CHECK_EQ_INT(TIMGroupQuit("", record, NULL), TIM_ERR_GROUP);
    EXPECT_CALLBACK(TIMGroupQuit(made, record, NULL)); /* 501: 群主不能退出 */
    CHECK_EQ_INT(rec.last_code, ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT);
    EXPECT_CALLBACK(TIMLogin("member", "sig", record, NULL));
    EXPECT_CALLBACK(TIMGroupJoin(made, "hello", record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    CHECK_EQ_INT(__atomic_load_n(&group_tips, __ATOMIC_SEQ_CST), 1); /* 283: for every member, the joiner too */
    CHECK_EQ_STR(jget(last_tip, "$.group_tips_elem_tip_type"), "1");
    CHECK_EQ_STR(jget(last_tip, "$.group_tips_elem_member_num"), "2");
    EXPECT_CALLBACK(TIMGroupJoin(made, NULL, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SVR_GROUP_ALLREADY_MEMBER);
    EXPECT_CALLBACK(TIMGroupGetJoinedGroupList(record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].group_base_info_self_info.group_self_info_role"), "200");
    EXPECT_CALLBACK(TIMGroupGetMemberInfoList("{\"group_get_members_info_list_param_group_id\":\"nope\"}", record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SVR_GROUP_NOT_FOUND);
    char msg_id[128] = "";
    EXPECT_CALLBACK(TIMMsgSendMessage(made, kTIMConv_Group, text, msg_id, record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.message_seq"), "2"); /* the group's seq: the join tip was 1 */
    EXPECT_CALLBACK(TIMLogin("owner", "sig", record, NULL));
    EXPECT_CALLBACK(TIMGroupGetMemberInfoList("{\"group_get_members_info_list_param_group_id\":\"@TGS#none\"}",
                                              record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SVR_GROUP_NOT_FOUND);
    /* TIMMessageManager.h 1222: the owner may revoke a member's message. */
    char param[256];
    snprintf(param, sizeof param, "{\"message_msg_id\":\"%s\"}", msg_id);
    EXPECT_CALLBACK(TIMMsgRevoke(made, kTIMConv_Group, param, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    EXPECT_CALLBACK(TIMMsgGetMsgList(made, kTIMConv_Group, NULL, record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].message_status"), "6");
    EXPECT_CALLBACK(TIMLogin("member", "sig", record, NULL)); /* the revoke was announced to nobody yet */
    EXPECT_CALLBACK(TIMMsgGetMsgList(made, kTIMConv_Group, NULL, record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].message_status"), "6");
    snprintf(param, sizeof param, "{\"msg_delete_param_msg\":{\"message_msg_id\":\"%s\"}}", msg_id);
    EXPECT_CALLBACK(TIMMsgDelete(made, kTIMConv_Group, param, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    EXPECT_CALLBACK(TIMMsgDelete(made, kTIMConv_Group, param, record, NULL)); /* gone already */
    CHECK_EQ_INT(rec.last_code, ERR_INVALID_PARAMETERS);
    EXPECT_CALLBACK(TIMMsgListDelete(made, kTIMConv_Group, "[{\"message_msg_id\":\"none\"}]", record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_INVALID_PARAMETERS);
    EXPECT_CALLBACK(TIMMsgClearHistoryMessage(made, kTIMConv_Group, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    EXPECT_CALLBACK(TIMGroupQuit(made, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    EXPECT_CALLBACK(TIMMsgSendMessage(made, kTIMConv_Group, text, NULL, record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SVR_GROUP_PERMISSION_DENY);
    EXPECT_CALLBACK(TIMLogin("owner", "sig", record, NULL));
    EXPECT_CALLBACK(TIMGroupDelete(made, record, NULL)); /* 466: the owner dismisses it */
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    EXPECT_CALLBACK(TIMGroupGetGroupInfoList("[\"none\"]", record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].get_groups_info_result_code"), "10010");
    /* 696: only recipients hear of a revoke; the member was away when it happened. */
    CHECK_EQ_INT(__atomic_load_n(&revokes, __ATOMIC_SEQ_CST), 0);
    TIMSetGroupTipsEventCallback(NULL, NULL);
    TIMSetMsgRevokeCallback(NULL, NULL);
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
}

/* ---- groups, custom data, unread by filter, from several threads ---- */

static int group_created, group_deleted, group_renamed, group_added, group_removed;
static int filter_total = -1;

static void on_group_created(const char *name, const char *convs, const void *ud) {
    (void)name, (void)convs, (void)ud;
    __atomic_add_fetch(&group_created, 1, __ATOMIC_SEQ_CST);
}
static void on_group_deleted(const char *name, const void *ud) {
    (void)name, (void)ud;
    __atomic_add_fetch(&group_deleted, 1, __ATOMIC_SEQ_CST);
}
static void on_group_renamed(const char *old_name, const char *new_name, const void *ud) {
    (void)ud;
    if (strcmp(old_name, "work") == 0 && strcmp(new_name, "office") == 0) {
        __atomic_add_fetch(&group_renamed, 1, __ATOMIC_SEQ_CST);
    }
}
static void on_group_added(const char *name, const char *convs, const void *ud) {
    (void)name, (void)convs, (void)ud;
    __atomic_add_fetch(&group_added, 1, __ATOMIC_SEQ_CST);
}
static void on_group_removed(const char *name, const char *convs, uint32_t reason, const void *ud) {
    (void)name, (void)convs, (void)ud;
    if (reason == 0) __atomic_add_fetch(&group_removed, 1, __ATOMIC_SEQ_CST);
}
static void on_filter_total(const char *filter, int total, const void *ud) {
    (void)filter, (void)ud;
    __atomic_store_n(&filter_total, total, __ATOMIC_SEQ_CST);
}

/* Subscribes, unsubscribes and re-registers callbacks while the worker announces changes. */
static void *churn_subscriptions(void *unused) {
    (void)unused;
    for (int i = 0; i < 200; i++) {
        TIMConvSubscribeUnreadMessageCountByFilter("{\"conversation_list_filter_conv_type\": 1}");
        TIMConvUnsubscribeUnreadMessageCountByFilter("{\"conversation_list_filter_conv_type\": 1}");
        TIMSetConvConversationGroupDeletedCallback(on_group_deleted, NULL);
    }
    return NULL;
}

static void test_groups_and_unread_by_filter(void) {
    const char *text = "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hi\"}]}";
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    TIMSetConvConversationGroupCreatedCallback(on_group_created, NULL);
    TIMSetConvConversationGroupDeletedCallback(on_group_deleted, NULL);
    TIMSetConvConversationGroupNameChangedCallback(on_group_renamed, NULL);
    TIMSetConvConversationsAddedToGroupCallback(on_group_added, NULL);
    TIMSetConvConversationsDeletedFromGroupCallback(on_group_removed, NULL);
    TIMSetConvUnreadMessageCountChangedByFilterCallback(on_filter_total, NULL);
    EXPECT_CALLBACK(TIMLogin("dan", "sig", record, NULL));
    EXPECT_CALLBACK(TIMMsgSendMessage("erin", kTIMConv_C2C, text, NULL, record, NULL));
    EXPECT_CALLBACK(TIMLogin("erin", "sig", record, NULL));
    CHECK_EQ_INT(TIMConvSubscribeUnreadMessageCountByFilter("{\"conversation_list_filter_conversation_group\": \"work\"}"),
                 TIM_SUCC);
    CHECK_EQ_INT(TIMConvSubscribeUnreadMessageCountByFilter("{"), TIM_ERR_JSON);
    EXPECT_CALLBACK(TIMConvCreateConversationGroup("work", "[\"c2c_dan\"]", record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conversation_operation_result_result_code"), "0");
    CHECK_EQ_INT(__atomic_load_n(&filter_total, __ATOMIC_SEQ_CST), 1); /* dan's message joined "work" */
    EXPECT_CALLBACK(TIMConvSetConversationCustomData("[\"c2c_dan\"]", "note", record, NULL));
    EXPECT_CALLBACK(TIMConvGetUnreadMessageCountByFilter("{\"conversation_list_filter_conv_type\": 2}", record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.conv_get_total_unread_message_count_result_unread_count"), "0");

    pthread_t churner;
    CHECK_EQ_INT(pthread_create(&churner, NULL, churn_subscriptions, NULL), 0);
    for (int i = 0; i < 20; i++) {
        EXPECT_CALLBACK(TIMConvAddConversationsToGroup("work", "[\"c2c_dan\"]", record, NULL));
        EXPECT_CALLBACK(TIMConvDeleteConversationsFromGroup("work", "[\"c2c_dan\"]", record, NULL));
    }
    pthread_join(churner, NULL);

    EXPECT_CALLBACK(TIMConvRenameConversationGroup("work", "office", record, NULL));
    EXPECT_CALLBACK(TIMConvGetConversationGroupList(record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0]"), "office");
    EXPECT_CALLBACK(TIMConvDeleteConversationGroup("office", record, NULL));
    EXPECT_CALLBACK(TIMConvDeleteConversationGroup("office", record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SVR_CONV_CONV_GROUP_NOT_EXIST);
    EXPECT_CALLBACK(TIMConvCleanConversationUnreadMessageCount("c2c", 0, 0, record, NULL));
    CHECK_EQ_INT(TIMConvCleanConversationUnreadMessageCount("c2c_", 0, 0, record, NULL), TIM_ERR_PARAM);
    CHECK_EQ_INT(__atomic_load_n(&group_created, __ATOMIC_SEQ_CST), 1);
    CHECK_EQ_INT(__atomic_load_n(&group_added, __ATOMIC_SEQ_CST), 20);
    CHECK_EQ_INT(__atomic_load_n(&group_removed, __ATOMIC_SEQ_CST), 20);
    CHECK_EQ_INT(__atomic_load_n(&group_renamed, __ATOMIC_SEQ_CST), 1);
    CHECK_EQ_INT(__atomic_load_n(&group_deleted, __ATOMIC_SEQ_CST), 1);
    TIMSetConvConversationGroupCreatedCallback(NULL, NULL);
    TIMSetConvConversationGroupDeletedCallback(NULL, NULL);
    TIMSetConvConversationGroupNameChangedCallback(NULL, NULL);
    TIMSetConvConversationsAddedToGroupCallback(NULL, NULL);
    TIMSetConvConversationsDeletedFromGroupCallback(NULL, NULL);
    TIMSetConvUnreadMessageCountChangedByFilterCallback(NULL, NULL);
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
}

/* ---- behaviour the vendor documents (headers of im_electron_sdk 8.0.5906; docs/vendor.md) ---- */

/* The ConvInfo of one C2C (type 1) or group (type 2) conversation into rec.last_json. */
static void get_info(const char *id, int type) {
    char param[256];
    snprintf(param, sizeof param,
             "[{\"get_conversation_list_param_conv_id\":\"%s\",\"get_conversation_list_param_conv_type\":%d}]", id, type);
    EXPECT_CALLBACK(TIMConvGetConvInfo(param, record, NULL));
}

static void test_vendor_behaviour(void) {
    const char *text = "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hi\"}]}";
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    /* TIMExperimentalAPI.h 67, 90, 185: the operations the vendor's own wrappers send. */
    EXPECT_CALLBACK(callExperimentalAPI("{\"request_internal_operation\":\"internal_operation_set_ui_platform\"}",
                                        record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SUCC);
    EXPECT_CALLBACK(callExperimentalAPI("{\"request_internal_operation\":\"internal_operation_sso_data\"}", record, NULL));
    CHECK_EQ_INT(rec.last_code, ERR_SDK_INTERFACE_NOT_SUPPORT);

    /* TIMConversationManager.h 46-49, 91-95: after a login, kTIMConvEvent_Start then Finish, each "". */
    pthread_mutex_lock(&rec.lock);
    int starts = event_counts[kTIMConvEvent_Start], finishes = event_counts[kTIMConvEvent_Finish];
    pthread_mutex_unlock(&rec.lock);
    EXPECT_CALLBACK(TIMLogin("fay", "sig", record, NULL));
    pthread_mutex_lock(&rec.lock);
    CHECK_EQ_INT(event_counts[kTIMConvEvent_Start], starts + 1);
    CHECK_EQ_INT(event_counts[kTIMConvEvent_Finish], finishes + 1);
    CHECK_EQ_STR(last_event_json, "");
    pthread_mutex_unlock(&rec.lock);

    /* TIMConversationManager.h 616-621, 630: marks are bits, extension bits 32 to 63, each its own. */
    EXPECT_CALLBACK(TIMConvCreate("gil", kTIMConv_C2C, record, NULL));
    EXPECT_CALLBACK(TIMConvMarkConversation("[\"c2c_gil\"]", (uint64_t)kTIMConversationMarkTypeUnread | (0x1ULL << 32),
                                            true, record, NULL));
    get_info("gil", kTIMConv_C2C);
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_mark_array[0]"), "2");
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_mark_array[1]"), "4294967296");
    /* 981-988: a present key means what it says: mark 0, the conversations without marks. */
    EXPECT_CALLBACK(TIMConvGetConversationListByFilter("{\"conversation_list_filter_mark_type\": 2}", 0, 10, record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.conversation_list_result_conv_list[0].conv_id"), "gil");
    EXPECT_CALLBACK(TIMConvGetConversationListByFilter("{\"conversation_list_filter_mark_type\": 0}", 0, 10, record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.conversation_list_result_conv_list[0].conv_id"), "<null>");

    /* TIMMessageManager.h 998, 1033; TIMCloudDef.h 52: Not_Receive, and messages never arrive. */
    EXPECT_CALLBACK(TIMMsgSetC2CReceiveMessageOpt("[\"hal\"]", kTIMRecvMsgOpt_Not_Receive, record, NULL));
    EXPECT_CALLBACK(TIMMsgGetC2CReceiveMessageOpt("[\"hal\", \"ivy\"]", record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$[0].msg_recv_msg_opt_result_opt"), "1");
    CHECK_EQ_STR(jget(rec.last_json, "$[1].msg_recv_msg_opt_result_opt"), "0");
    /* fay's Meeting group, which ivy joins (TIMGroupManager.h 483: 可以主动申请进入). */
    EXPECT_CALLBACK(TIMGroupCreate("{\"create_group_param_group_name\":\"Crew\",\"create_group_param_group_id\":\"crew\","
                                   "\"create_group_param_group_type\":2}", record, NULL));
    EXPECT_CALLBACK(TIMLogin("hal", "sig", record, NULL));
    EXPECT_CALLBACK(TIMMsgSendMessage("fay", kTIMConv_C2C, text, NULL, record, NULL));
    EXPECT_CALLBACK(TIMLogin("ivy", "sig", record, NULL));
    EXPECT_CALLBACK(TIMGroupJoin("crew", NULL, record, NULL));
    timconv_set_clock(1700000100);
    EXPECT_CALLBACK(TIMMsgSendMessage("fay", kTIMConv_C2C, text, NULL, record, NULL));
    timconv_set_clock(1700000200);
    EXPECT_CALLBACK(TIMMsgSendMessage("fay", kTIMConv_C2C, text, NULL, record, NULL));
    /* TIMMessageManager.h 2351, 2242; TIMConversationManager.h 930-934, 961: @ information. */
    EXPECT_CALLBACK(TIMMsgSendMessage("crew", kTIMConv_Group,
        "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hey\"}],"
        "\"message_group_at_user_array\":[\"fay\"]}", NULL, record, NULL));
    timconv_set_clock(0);
    EXPECT_CALLBACK(TIMLogin("fay", "sig", record, NULL));
    get_info("hal", kTIMConv_C2C);
    CHECK_EQ_STR(jget(rec.last_json, "$[0]"), "<null>"); /* hal's message never arrived */
    get_info("crew", kTIMConv_Group);
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_group_at_info_array[0].conv_group_at_info_at_type"), "1");
    EXPECT_CALLBACK(TIMConvGetConversationListByFilter("{\"conversation_list_filter_has_group_at_info\": true}", 0, 10,
                                                       record, NULL));
    CHECK_EQ_STR(jget(rec.last_json, "$.conversation_list_result_conv_list[0].conv_id"), "crew");

    /* TIMMessageManager.h 2806: read up to a given message; TIMConversationManager.h 973. */
    EXPECT_CALLBACK(TIMMsgReportReaded("ivy", kTIMConv_C2C, "{\"message_server_time\": 1700000100}", record, NULL));
    get_info("ivy", kTIMConv_C2C);
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_unread_num"), "1");
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_c2c_read_timestamp"), "1700000100");
    /* 2798: an empty conv_id reads every conversation of the type. */
    EXPECT_CALLBACK(TIMMsgReportReaded("", kTIMConv_C2C, NULL, record, NULL));
    get_info("ivy", kTIMConv_C2C);
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_unread_num"), "0");
    CHECK_EQ_STR(jget(rec.last_json, "$[0].conv_c2c_read_timestamp"), "1700000200");
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s DATA_FOLDER\n", argv[0]);
        return 2;
    }
    snprintf(config, sizeof config, "{\"sdk_config_config_file_path\": \"%s\"}", argv[1]);
    sqlite3_open(":memory:", &jdb);
    TIMSetConvEventCallback(on_event, NULL);
    test_before_init();
    test_login();
    test_create_and_list();
    test_drafts();
    test_delete();
    test_order_and_reentry();
    test_uninit_with_pending_calls();
    test_persistence();
    test_messages_and_the_rest();
    test_groups_and_unread_by_filter();
    test_vendor_behaviour();
    test_im_groups();
    TIMSetConvEventCallback(NULL, NULL);
    free(rec.last_json);
    sqlite3_close(jdb);
    return check_summary("test_engine");
}
