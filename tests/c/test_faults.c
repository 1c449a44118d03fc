/* Faults in the middle, swept: a scripted session (the first login making or upgrading alice's
 * store, creates, pins, marks, a conversation group, a draft, messages, a group of users and its
 * message, a revoke, a delete, a burst of queued creates sharing transactions, a burst of queued
 * sends to one peer (delivered once committed), one to the group (their seqs taken in one registry
 * transaction, committed before the store's), clearing a history) runs once to count its
 * operations, then once per operation N with the Nth failing.
 *
 * io (tests/c/faulty_vfs.h): every write, sync and truncate SQLite makes, on a new store, and on
 * an upgrade every one until its first login (the upgrade's) has answered: what follows it is the
 * new store's session again. After each run: the failing call answered with an error code (or the engine logged
 * it, for work no call answers for), every acknowledged write is there and no failed one
 * half-applied (also after TIMUninit and a new login), every database passes integrity_check,
 * and the same client goes on.
 *
 * alloc (tests/c/faulty_alloc.h, built with -DTIMCONV_FAULT_ALLOC and the linker's --wrap): every
 * allocation of the engine and of SQLite. After each run: every call answered (a TIMResult or a
 * callback code; no callback lost), the client goes on, the databases pass integrity_check; the
 * sanitizer build adds: no crash, no leak.
 *
 * Usage: test_faults DATA_FOLDER io|alloc [FIRST LAST [STEP]] (the sweep over N, all by default). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>
#include <time.h>

#include "TIMCloud.h"
#include "check.h"
#include "faulty_vfs.h"
#ifdef TIMCONV_FAULT_ALLOC
#include "faulty_alloc.h"
#endif

#define APP_ID 1400000001ULL
#define BURST 10

/* ---- one call at a time ---- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int answered;
static int32_t codes[64];
static char last_json[8192];

static void on_done(int32_t code, const char *desc, const char *json, const void *user_data) {
    (void)desc;
    pthread_mutex_lock(&lock);
    int slot = (int)(intptr_t)user_data;
    if (slot >= 0 && slot < 64) codes[slot] = code;
    snprintf(last_json, sizeof last_json, "%s", json);
    answered++;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
}

static int answered_so_far(void) {
    pthread_mutex_lock(&lock);
    int n = answered;
    pthread_mutex_unlock(&lock);
    return n;
}

static void wait_answers(int target) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 10;
    pthread_mutex_lock(&lock);
    while (answered < target) {
        if (pthread_cond_timedwait(&cond, &lock, &deadline) != 0) {
            fprintf(stderr, "a callback never came\n");
            abort();
        }
    }
    pthread_mutex_unlock(&lock);
}

/* The callback code of an accepted call (its TIMResult when refused, as a negative number). */
#define CALL(expr)                                            \
    ({                                                        \
        int base_ = answered_so_far();                        \
        int result_ = (expr);                                 \
        if (result_ == TIM_SUCC) wait_answers(base_ + 1);     \
        result_ == TIM_SUCC ? codes[0] : (int32_t)result_;    \
    })

static sqlite3 *jdb; /* JSON reading (in memory: no VFS file) */

static long long jint(const char *json, const char *path) {
    sqlite3_stmt *st = NULL;
    long long value = -1;
    if (sqlite3_prepare_v2(jdb, "SELECT coalesce(json_extract(?1, ?2), -1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) value = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return value;
}

/* The length of a JSON array (0 when it is not one). */
static long long jcount(const char *json) {
    sqlite3_stmt *st = NULL;
    long long count = 0;
    if (sqlite3_prepare_v2(jdb, "SELECT coalesce(json_array_length(?1), 0)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) count = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return count;
}

/* The text messages of a JSON array of Messages. */
static long long jcount_texts(const char *json) {
    sqlite3_stmt *st = NULL;
    long long count = 0;
    if (sqlite3_prepare_v2(jdb, "SELECT count(*) FROM json_each(?1) WHERE json_extract(value,"
                                " '$.message_elem_array[0].elem_type') = 0", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) count = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return count;
}

static const char *jtext(const char *json, const char *path, char *out, size_t size) {
    sqlite3_stmt *st = NULL;
    snprintf(out, size, "%s", "");
    if (sqlite3_prepare_v2(jdb, "SELECT json_extract(?1, ?2)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
            snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
        }
    }
    sqlite3_finalize(st);
    return out;
}

/* Which faults the sweep injects: I/O errors, or allocation failures (in an alloc build). */
static bool alloc_mode;
static struct countdown *faults = &faulty_writes;

/* ---- the scripted session ---- */

enum step { S_LOGIN, S_C1, S_C2, S_PIN, S_MARK, S_CONV_GROUP, S_SEND, S_GROUP, S_GROUP_SEND, S_REVOKE, S_DELETE,
            S_CLEAR, S_RENAME, S_INVITE, S_MODIFY, S_IMPORT, S_ATTRIBUTES, S_COUNTER, S_COUNT };

struct outcome {
    int32_t code[S_COUNT];
    int32_t burst[BURST];
    int32_t sends[BURST]; /* queued sends to carol: they share transactions, then are delivered */
    int32_t group_sends[BURST]; /* queued sends to team: their seqs share one registry transaction */
    int init_result;
    int draft_result;
    char msg_id[128];
    bool upgrade; /* alice's store was an older version */
    long ops_at_login; /* the fault countdown's count once the first login answered */
};

static const char *const text_msg = "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hi\"}]}";

/* A burst: calls queued behind each other share transactions (a failed COMMIT fails them all):
 * BURST creates of b0, b1, ..., or BURST messages to carol (delivered once committed), or to the
 * group team. results: each one's TIMResult when refused, else its callback code. */
enum burst { CREATES, SENDS, GROUP_SENDS };

static void queue_burst(int32_t *results, enum burst kind) {
    int base = answered_so_far(), accepted = 0;
    for (int i = 0; i < BURST; i++) {
        char id[16];
        snprintf(id, sizeof id, "b%d", i);
        const void *tag = (const void *)(intptr_t)(i + 1);
        int result = kind == SENDS         ? TIMMsgSendMessage("carol", kTIMConv_C2C, text_msg, NULL, on_done, tag)
                     : kind == GROUP_SENDS ? TIMMsgSendMessage("team", kTIMConv_Group, text_msg, NULL, on_done, tag)
                                           : TIMConvCreate(id, kTIMConv_C2C, on_done, tag);
        accepted += result == TIM_SUCC;
        results[i] = result;
    }
    wait_answers(base + accepted);
    pthread_mutex_lock(&lock);
    for (int i = 0; i < BURST; i++) {
        if (results[i] == TIM_SUCC) results[i] = codes[i + 1];
    }
    pthread_mutex_unlock(&lock);
}

static void run_session(const char *config, struct outcome *o) {
    memset(o, 0, sizeof *o);
    o->init_result = TIMInit(APP_ID, config);
    if (o->init_result != TIM_SUCC) CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC); /* the fault is spent */
    o->code[S_LOGIN] = CALL(TIMLogin("alice", "sig", on_done, NULL));
    o->ops_at_login = atomic_load(&faults->count);
    if (o->code[S_LOGIN] != ERR_SUCC) CHECK_EQ_INT(CALL(TIMLogin("alice", "sig", on_done, NULL)), ERR_SUCC);
    o->code[S_C1] = CALL(TIMConvCreate("c1", kTIMConv_C2C, on_done, NULL));
    o->code[S_C2] = CALL(TIMConvCreate("c2", kTIMConv_C2C, on_done, NULL));
    o->code[S_PIN] = CALL(TIMConvPinConversation("c1", kTIMConv_C2C, true, on_done, NULL));
    o->code[S_MARK] = CALL(TIMConvMarkConversation("[\"c2c_c2\"]", 1, true, on_done, NULL));
    if (o->code[S_MARK] == ERR_SUCC) o->code[S_MARK] = (int32_t)jint(last_json, "$[0].conversation_operation_result_result_code");
    o->code[S_CONV_GROUP] = CALL(TIMConvCreateConversationGroup("friends", "[\"c2c_c1\"]", on_done, NULL));
    o->draft_result = TIMConvSetDraft("c1", kTIMConv_C2C, "{\"draft_msg\":{\"message_elem_array\":[{\"elem_type\":0}]}}");
    o->code[S_SEND] = CALL(TIMMsgSendMessage("bob", kTIMConv_C2C, text_msg, o->msg_id, on_done, NULL));
    o->code[S_GROUP] = CALL(TIMGroupCreate("{\"create_group_param_group_name\":\"Team\",\"create_group_param_group_id\":"
                                           "\"team\",\"create_group_param_group_type\":2}", on_done, NULL));
    o->code[S_GROUP_SEND] = CALL(TIMMsgSendMessage("team", kTIMConv_Group, text_msg, NULL, on_done, NULL));
    char modify[256];
    snprintf(modify, sizeof modify, "{\"message_msg_id\":\"%s\",\"message_elem_array\":[{\"elem_type\":0,"
             "\"text_elem_content\":\"edited\"}]}", o->msg_id);
    o->code[S_MODIFY] = o->code[S_SEND] == ERR_SUCC ? CALL(TIMMsgModifyMessage(modify, on_done, NULL)) : -1;
    o->code[S_IMPORT] = CALL(TIMMsgImportMsgList("dave", kTIMConv_C2C, "[{\"message_elem_array\":[{\"elem_type\":0}],"
                             "\"message_sender\":\"dave\",\"message_server_time\":5},{\"message_elem_array\":"
                             "[{\"elem_type\":0}],\"message_server_time\":6}]", on_done, NULL));
    char revoke[256];
    snprintf(revoke, sizeof revoke, "{\"message_msg_id\":\"%s\"}", o->msg_id);
    o->code[S_REVOKE] = o->code[S_SEND] == ERR_SUCC ? CALL(TIMMsgRevoke("bob", kTIMConv_C2C, revoke, on_done, NULL)) : -1;
    o->code[S_DELETE] = CALL(TIMConvDelete("c2", kTIMConv_C2C, on_done, NULL));
    queue_burst(o->burst, CREATES);
    queue_burst(o->sends, SENDS);
    queue_burst(o->group_sends, GROUP_SENDS);
    o->code[S_CLEAR] = CALL(TIMMsgClearHistoryMessage("team", kTIMConv_Group, on_done, NULL));
    o->code[S_RENAME] = CALL(TIMGroupModifyGroupInfo("{\"group_modify_info_param_group_id\":\"team\","
                                                     "\"group_modify_info_param_modify_flag\":1,"
                                                     "\"group_modify_info_param_group_name\":\"Renamed\"}",
                                                     on_done, NULL));
    o->code[S_INVITE] = CALL(TIMGroupInviteMember("{\"group_invite_member_param_group_id\":\"team\","
                                                  "\"group_invite_member_param_identifier_array\":[\"dora\"]}",
                                                  on_done, NULL));
    o->code[S_ATTRIBUTES] = CALL(TIMGroupSetGroupAttributes(
        "team", "[{\"group_attribute_key\":\"topic\",\"group_attribute_value\":\"faults\"}]", on_done, NULL));
    o->code[S_COUNTER] = CALL(TIMGroupIncreaseGroupCounter("team", "swept", 1, on_done, NULL));
}

/* The ConvInfo of one conversation into last_json ("[]" when it does not exist). */
static void get_info(const char *id) {
    char param[256];
    snprintf(param, sizeof param,
             "[{\"get_conversation_list_param_conv_id\":\"%s\",\"get_conversation_list_param_conv_type\":1}]", id);
    CHECK_EQ_INT(CALL(TIMConvGetConvInfo(param, on_done, NULL)), ERR_SUCC);
}

static bool exists(const char *id) {
    get_info(id);
    return jint(last_json, "$[0].conv_type") == 1;
}

/* Every acknowledged write is there; a failed one left nothing behind. */
static void check_outcome(const struct outcome *o, long n) {
    char text[256];
    bool ok = true;
    if (o->upgrade) CHECK(exists("old")); /* from before the session: never lost, upgraded or not */
#define EXPECT(what, cond)                                                                    \
    do {                                                                                      \
        if (!(cond)) {                                                                        \
            fprintf(stderr, "run %ld: %s does not match its acknowledgement\n", n, what);     \
            ok = false;                                                                       \
        }                                                                                     \
    } while (0)
    EXPECT("the create of c1", exists("c1") == (o->code[S_C1] == ERR_SUCC));
    EXPECT("the create and delete of c2", exists("c2") == (o->code[S_C2] == ERR_SUCC && o->code[S_DELETE] != ERR_SUCC));
    if (o->code[S_C1] == ERR_SUCC) {
        get_info("c1");
        EXPECT("the pin", (jint(last_json, "$[0].conv_is_pinned") == 1) == (o->code[S_PIN] == ERR_SUCC));
        bool in_group = strstr(jtext(last_json, "$[0].conv_conversation_group_array", text, sizeof text), "friends") != NULL;
        EXPECT("the conversation group", in_group == (o->code[S_CONV_GROUP] == ERR_SUCC));
    }
    if (o->code[S_C2] == ERR_SUCC && o->code[S_DELETE] != ERR_SUCC) {
        get_info("c2");
        EXPECT("the mark", (jint(last_json, "$[0].conv_mark_array[0]") == 1) == (o->code[S_MARK] == ERR_SUCC));
    }
    /* The message to bob: there (revoked when the revoke was acknowledged) exactly when acknowledged. */
    get_info("bob");
    bool sent = jint(last_json, "$[0].conv_type") == 1 && jint(last_json, "$[0].conv_is_has_lastmsg") == 1;
    EXPECT("the message to bob", sent == (o->code[S_SEND] == ERR_SUCC));
    if (sent) EXPECT("the revoke", (jint(last_json, "$[0].conv_last_msg.message_status") == 6) == (o->code[S_REVOKE] == ERR_SUCC));
    if (sent) { /* modified, in the message and its conversation's last message, exactly when acknowledged */
        bool last_edited = strcmp(jtext(last_json, "$[0].conv_last_msg.message_elem_array[0].text_elem_content", text,
                                        sizeof text), "edited") == 0;
        EXPECT("the modification's last message", last_edited == (o->code[S_MODIFY] == ERR_SUCC));
        CHECK_EQ_INT(CALL(TIMMsgGetMsgList("bob", kTIMConv_C2C, NULL, on_done, NULL)), ERR_SUCC);
        bool edited = strcmp(jtext(last_json, "$[0].message_elem_array[0].text_elem_content", text, sizeof text),
                             "edited") == 0;
        EXPECT("the modification", edited == (o->code[S_MODIFY] == ERR_SUCC));
    }
    /* The history imported into dave's conversation: all of it (and the conversation) or nothing. */
    long long imported = exists("dave") && CALL(TIMMsgGetMsgList("dave", kTIMConv_C2C, NULL, on_done, NULL)) == ERR_SUCC
                             ? jcount(last_json)
                             : 0;
    EXPECT("the import", imported == (o->code[S_IMPORT] == ERR_SUCC ? 2 : 0));
    CHECK_EQ_INT(CALL(TIMGroupGetJoinedGroupList(on_done, NULL)), ERR_SUCC);
    EXPECT("the group", (jint(last_json, "$[0].group_base_info_self_info.group_self_info_role") == 400) == (o->code[S_GROUP] == ERR_SUCC));
    CHECK_EQ_INT(CALL(TIMMsgGetMsgList("team", kTIMConv_Group, NULL, on_done, NULL)), ERR_SUCC);
    long long team_messages = jcount_texts(last_json); /* the rename's tip is not one of them */
    long long acknowledged = o->code[S_GROUP_SEND] == ERR_SUCC;
    for (int i = 0; i < BURST; i++) acknowledged += o->group_sends[i] == ERR_SUCC;
    if (o->code[S_CLEAR] == ERR_SUCC) EXPECT("the clear", team_messages == 0);
    else if (o->code[S_GROUP] == ERR_SUCC) EXPECT("the group messages", team_messages == acknowledged);
    if (o->code[S_GROUP] == ERR_SUCC) { /* the group's name in the registry: renamed exactly when acknowledged */
        CHECK_EQ_INT(CALL(TIMGroupGetGroupInfoList("[\"team\"]", on_done, NULL)), ERR_SUCC);
        bool renamed = strcmp(jtext(last_json, "$[0].get_groups_info_result_info.group_detail_info_group_name", text,
                                    sizeof text), "Renamed") == 0;
        EXPECT("the rename", renamed == (o->code[S_RENAME] == ERR_SUCC));
        CHECK_EQ_INT(CALL(TIMGroupGetMemberInfoList("{\"group_get_members_info_list_param_group_id\":\"team\"}", on_done,
                                                    NULL)), ERR_SUCC);
        bool invited = strstr(last_json, "\"dora\"") != NULL;
        EXPECT("the invitation", invited == (o->code[S_INVITE] == ERR_SUCC));
        CHECK_EQ_INT(CALL(TIMGroupGetGroupAttributes("team", NULL, on_done, NULL)), ERR_SUCC);
        EXPECT("the attributes", (strstr(last_json, "\"faults\"") != NULL) == (o->code[S_ATTRIBUTES] == ERR_SUCC));
        CHECK_EQ_INT(CALL(TIMGroupGetGroupCounters("team", NULL, on_done, NULL)), ERR_SUCC);
        EXPECT("the counter", (strstr(last_json, "\"swept\"") != NULL) == (o->code[S_COUNTER] == ERR_SUCC));
    }
    for (int i = 0; i < BURST; i++) {
        char id[16];
        snprintf(id, sizeof id, "b%d", i);
        EXPECT("a create of the burst", exists(id) == (o->burst[i] == ERR_SUCC));
    }
    /* alice's copies of her messages to carol: each acknowledged send of the burst. */
    long long expected = 0;
    for (int i = 0; i < BURST; i++) expected += o->sends[i] == ERR_SUCC;
    long long found = CALL(TIMMsgGetMsgList("carol", kTIMConv_C2C, NULL, on_done, NULL)) == ERR_SUCC ? jcount(last_json) : 0;
    EXPECT("the sends of the burst", found == expected);
#undef EXPECT
    CHECK(ok);
}

/* PRAGMA integrity_check of every database under folder, through the real VFS. */
static void check_integrity(const char *folder, long n) {
    const char *users[] = {"616c696365", "626f62", "6361726f6c"}; /* hex of alice, bob, carol */
    char path[4200];
    for (int i = 0; i < 4; i++) {
        if (i < 3) snprintf(path, sizeof path, "%s/timconv/%llu/%s/store.db", folder, APP_ID, users[i]);
        else snprintf(path, sizeof path, "%s/timconv/%llu/groups.db", folder, APP_ID);
        sqlite3 *db = NULL;
        if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, "unix") != SQLITE_OK) { /* not made in this run */
            sqlite3_close(db);
            continue;
        }
        sqlite3_stmt *st = NULL;
        const char *verdict = "cannot check";
        char copy[64] = "";
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            snprintf(copy, sizeof copy, "%s", (const char *)sqlite3_column_text(st, 0));
            verdict = copy;
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        if (strcmp(verdict, "ok") != 0) fprintf(stderr, "run %ld: %s: %s\n", n, path, verdict);
        CHECK_EQ_STR(verdict, "ok");
    }
}

/* Error lines of the engine's log (a failed write no call answers for: a draft's, a delivery's). */
static atomic_int errors_logged;
static void on_log(enum TIMLogLevel level, const char *line, const void *user_data) {
    (void)line, (void)user_data;
    if (level >= kTIMLog_Error) atomic_fetch_add(&errors_logged, 1);
}

/* What one run saw of its fault. */
struct run {
    long ops;      /* write operations in the session */
    long ops_at_login; /* of which before the first login answered */
    bool hit;      /* the fault came */
    bool answered; /* a call answered with an error code */
    bool logged;   /* the engine logged an error */
};

/* alice's store as an earlier schema version left it (version 3: no group type, one kind of inbox
 * row, no history columns), holding conversation "old": the session's first login upgrades it,
 * under the fault too. */
static void make_old_store(const char *folder, const char *config) {
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    CHECK_EQ_INT(CALL(TIMLogin("alice", "sig", on_done, NULL)), ERR_SUCC);
    CHECK_EQ_INT(CALL(TIMConvCreate("old", kTIMConv_C2C, on_done, NULL)), ERR_SUCC);
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
    char path[4300];
    snprintf(path, sizeof path, "%s/timconv/%llu/616c696365/store.db", folder, APP_ID);
    sqlite3 *db = NULL;
    CHECK_EQ_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, "unix"), SQLITE_OK);
    CHECK_EQ_INT(sqlite3_exec(db, "DROP VIEW conv_info; ALTER TABLE conversation DROP COLUMN group_type;"
                                  "ALTER TABLE inbox DROP COLUMN kind;"
                                  "ALTER TABLE conversation DROP COLUMN last_summary;"
                                  "DROP TRIGGER message_search_insert; DROP TRIGGER message_search_delete;"
                                  "DROP TRIGGER message_search_update; DROP TABLE message_fts; DROP TABLE message_search;"
                                  "DROP INDEX message_by_time; DROP INDEX message_by_id;"
                                  "ALTER TABLE message DROP COLUMN time; ALTER TABLE message DROP COLUMN msg_id;"
                                  "CREATE VIEW conv_info AS SELECT conv_type, conv_id FROM conversation;"
                                  "PRAGMA user_version = 3;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* One run of the session with the nth operation failing (0: none), in a fresh data folder where
 * alice has no store yet, or (upgrade) an older one. With an allocation failure, what is stored
 * may differ from the acknowledgements where the failure came after a commit (an event or a
 * callback's JSON could not be made): only answers, integrity and going on are checked. */
static struct run one_run(const char *root, bool upgrade, long n) {
    char folder[4096], config[4300];
    snprintf(folder, sizeof folder, "%s/%s%ld", root, upgrade ? "upgrade" : "fresh", n);
    snprintf(config, sizeof config, "{\"sdk_config_config_file_path\": \"%s\"}", folder);
    if (upgrade) make_old_store(folder, config);
    struct outcome o;
    atomic_store(&errors_logged, 0);
    countdown_arm(faults, n);
    run_session(config, &o);
    o.upgrade = upgrade;
    struct run seen = {.ops = atomic_load(&faults->count), .ops_at_login = o.ops_at_login, .hit = atomic_load(&faults->hit),
                       .logged = atomic_load(&errors_logged) > 0};
    countdown_arm(faults, 0); /* the fault is gone */
    seen.answered = o.init_result != TIM_SUCC || o.code[S_LOGIN] != ERR_SUCC || o.draft_result != TIM_SUCC;
    for (int i = 0; i < S_COUNT; i++) seen.answered |= o.code[i] != ERR_SUCC && o.code[i] != -1;
    for (int i = 0; i < BURST; i++) {
        seen.answered |= o.burst[i] != ERR_SUCC || o.sends[i] != ERR_SUCC || o.group_sends[i] != ERR_SUCC;
    }
    if (n == 0) CHECK(!seen.answered && !seen.logged); /* the counting run fails nothing */
    if (!alloc_mode) check_outcome(&o, n);
    CHECK_EQ_INT(CALL(TIMConvCreate("after", kTIMConv_C2C, on_done, NULL)), ERR_SUCC); /* the client goes on */
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
    check_integrity(folder, n);
    /* Everything acknowledged is still there for a new session. */
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    CHECK_EQ_INT(CALL(TIMLogin("alice", "sig", on_done, NULL)), ERR_SUCC);
    if (!alloc_mode) check_outcome(&o, n);
    CHECK(exists("after"));
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC);
    return seen;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 6 || (strcmp(argv[2], "io") != 0 && strcmp(argv[2], "alloc") != 0)) {
        fprintf(stderr, "usage: %s DATA_FOLDER io|alloc [FIRST LAST [STEP]]\n", argv[0]);
        return 2;
    }
    alloc_mode = strcmp(argv[2], "alloc") == 0;
#ifdef TIMCONV_FAULT_ALLOC
    if (alloc_mode && faulty_alloc_install() != SQLITE_OK) return 2;
    if (alloc_mode) faults = &faulty_allocs;
#else
    if (alloc_mode) {
        fprintf(stderr, "alloc needs a build with -DTIMCONV_FAULT_ALLOC (see tests/c/faulty_alloc.h)\n");
        return 2;
    }
#endif
    if (faulty_vfs_install() != SQLITE_OK) return 2;
    sqlite3_open(":memory:", &jdb);
    TIMSetLogCallback(on_log, NULL);
    for (int upgrade = 0; upgrade <= (alloc_mode ? 0 : 1); upgrade++) {
        struct run counted = one_run(argv[1], upgrade, 0); /* no fault: counts the operations */
        long total = counted.ops;
        long first = argc >= 5 ? atol(argv[3]) : 1, last = argc >= 5 ? atol(argv[4]) : total;
        if (upgrade && last > counted.ops_at_login) last = counted.ops_at_login; /* the upgrade's part */
        long step = argc == 6 ? atol(argv[5]) : 1;
        long injected = 0, answered = 0, logged = 0, silent = 0;
        for (long n = first; n <= last && n <= total; n += step > 0 ? step : 1) {
            struct run seen = one_run(argv[1], upgrade, n);
            injected += seen.hit;
            answered += seen.hit && seen.answered;
            logged += seen.hit && !seen.answered && seen.logged;
            silent += seen.hit && !seen.answered && !seen.logged;
        }
        /* silent: nothing failed that anyone asked for (a checkpoint retried, a cache allocation) */
        printf("%s faults, %s: %ld %s in the session (%ld until the first login answered); %ld injected: %ld answered with an error code, "
               "%ld logged (work no call answers for), %ld silent\n", argv[2],
               upgrade ? "upgrading an older store" : "a new store", total,
               alloc_mode ? "allocations" : "write operations", counted.ops_at_login, injected, answered, logged,
               silent);
    }
    TIMSetLogCallback(NULL, NULL);
    sqlite3_close(jdb);
    return check_summary("test_faults");
}
