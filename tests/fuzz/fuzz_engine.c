/* libFuzzer harness: every entry point of the engine that takes JSON or ids, fed the fuzzer's
 * bytes (after a first byte that picks the entry point), with the engine initialised and a user
 * logged in. Built with clang -fsanitize=fuzzer,address,undefined by tests/test_fuzz.py; a crash,
 * a sanitizer report, a TIMResult outside the enum or a callback that never comes stops it.
 *
 * Usage: fuzz_engine [libFuzzer options] CORPUS_DIR...; TIMCONV_FUZZ_DIR names the data folder. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdbool.h>
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

/* The entry points: each calls the engine with the fuzzer's text; `answers` when a callback comes
 * for TIM_SUCC. An input's first byte picks one by its index (one more than the table: the SDK
 * config), so a new entry point goes at the end of the table, where the committed seeds (whose first
 * byte is their entry point's index) keep theirs. */
struct entry_point {
    int (*call)(const char *text);
    bool answers;
};

static int set_draft_json(const char *text) { return TIMConvSetDraft("peer", kTIMConv_C2C, text); }
static int set_draft_conv_id(const char *text) { return TIMConvSetDraft(text, kTIMConv_Group, valid_draft); }
static int conv_get_conv_info(const char *text) { return TIMConvGetConvInfo(text, on_done, NULL); }
static int conv_delete_conversation_list(const char *text) {
    return TIMConvDeleteConversationList(text, false, on_done, NULL);
}
static int conv_get_conversation_list_by_filter(const char *text) {
    return TIMConvGetConversationListByFilter(text, 0, 20, on_done, NULL);
}
static int send_message_json(const char *text) {
    return TIMMsgSendMessage("peer", kTIMConv_C2C, text, NULL, on_done, NULL);
}
static int send_message_conv_id(const char *text) {
    return TIMMsgSendMessage(text, kTIMConv_Group, valid_msg, NULL, on_done, NULL);
}
static int conv_mark_conversation(const char *text) { return TIMConvMarkConversation(text, 1, true, on_done, NULL); }
static int conv_create_conversation_group(const char *text) {
    return TIMConvCreateConversationGroup(text, "[\"c2c_peer\"]", on_done, NULL);
}
static int conv_add_conversations_to_group(const char *text) {
    return TIMConvAddConversationsToGroup("g", text, on_done, NULL);
}
static int conv_set_conversation_custom_data(const char *text) {
    return TIMConvSetConversationCustomData("[\"c2c_peer\"]", text, on_done, NULL);
}
static int conv_get_unread_message_count_by_filter(const char *text) {
    return TIMConvGetUnreadMessageCountByFilter(text, on_done, NULL);
}
static int subscribe_unread_count_by_filter(const char *text) {
    int code = TIMConvSubscribeUnreadMessageCountByFilter(text);
    return code != TIM_SUCC ? code : TIMConvUnsubscribeUnreadMessageCountByFilter(text);
}
static int conv_clean_conversation_unread_message_count(const char *text) {
    return TIMConvCleanConversationUnreadMessageCount(text, 1, 1, on_done, NULL);
}
static int msg_get_msg_list(const char *text) { return TIMMsgGetMsgList("peer", kTIMConv_C2C, text, on_done, NULL); }
static int conv_rename_conversation_group(const char *text) {
    return TIMConvRenameConversationGroup("g", text, on_done, NULL);
}
static int conv_create(const char *text) { return TIMConvCreate(text, kTIMConv_C2C, on_done, NULL); }
static int call_experimental_a_p_i(const char *text) { return callExperimentalAPI(text, on_done, NULL); }
static int msg_set_c2_c_receive_message_opt(const char *text) {
    return TIMMsgSetC2CReceiveMessageOpt(text, kTIMRecvMsgOpt_Not_Notify, on_done, NULL);
}
static int report_readed_message(const char *text) {
    return TIMMsgReportReaded("peer", kTIMConv_C2C, text, on_done, NULL);
}
static int report_readed_conv_id(const char *text) {
    return TIMMsgReportReaded(text, kTIMConv_Group, NULL, on_done, NULL);
}
static int group_create(const char *text) { return TIMGroupCreate(text, on_done, NULL); }
static int group_join_id(const char *text) { return TIMGroupJoin(text, NULL, on_done, NULL); }
static int group_join_hello(const char *text) { return TIMGroupJoin("team", text, on_done, NULL); }
static int group_quit(const char *text) { return TIMGroupQuit(text, on_done, NULL); }
static int group_delete(const char *text) { return TIMGroupDelete(text, on_done, NULL); }
static int group_get_group_info_list(const char *text) { return TIMGroupGetGroupInfoList(text, on_done, NULL); }
static int group_get_member_info_list(const char *text) { return TIMGroupGetMemberInfoList(text, on_done, NULL); }
static int msg_revoke(const char *text) { return TIMMsgRevoke("peer", kTIMConv_C2C, text, on_done, NULL); }
static int msg_delete(const char *text) { return TIMMsgDelete("peer", kTIMConv_C2C, text, on_done, NULL); }
static int msg_list_delete(const char *text) { return TIMMsgListDelete("team", kTIMConv_Group, text, on_done, NULL); }
static int msg_clear_history_message(const char *text) {
    return TIMMsgClearHistoryMessage(text, kTIMConv_C2C, on_done, NULL);
}
static int group_modify_group_info(const char *text) { return TIMGroupModifyGroupInfo(text, on_done, NULL); }
static int group_modify_member_info(const char *text) { return TIMGroupModifyMemberInfo(text, on_done, NULL); }
static int group_invite_member(const char *text) { return TIMGroupInviteMember(text, on_done, NULL); }
static int group_delete_member(const char *text) { return TIMGroupDeleteMember(text, on_done, NULL); }
static int msg_find_messages(const char *text) { return TIMMsgFindMessages(text, on_done, NULL); }
static int msg_find_by_msg_locator_list(const char *text) {
    return TIMMsgFindByMsgLocatorList("team", kTIMConv_Group, text, on_done, NULL);
}
static int group_get_pendency_list(const char *text) { return TIMGroupGetPendencyList(text, on_done, NULL); }
static int group_handle_pendency(const char *text) { return TIMGroupHandlePendency(text, on_done, NULL); }
static int group_search_groups(const char *text) { return TIMGroupSearchGroups(text, on_done, NULL); }
static int group_get_online_member_count(const char *text) { return TIMGroupGetOnlineMemberCount(text, on_done, NULL); }
static int msg_search_local_messages(const char *text) { return TIMMsgSearchLocalMessages(text, on_done, NULL); }
static int profile_get_user_profile_list(const char *text) { return TIMProfileGetUserProfileList(text, on_done, NULL); }
static int profile_modify_self_user_profile(const char *text) {
    return TIMProfileModifySelfUserProfile(text, on_done, NULL);
}
static int subscribe_user_info(const char *text) { return TIMSubscribeUserInfo(text, on_done, NULL); }
static int unsubscribe_user_info(const char *text) { return TIMUnsubscribeUserInfo(text, on_done, NULL); }
static int get_user_status(const char *text) { return TIMGetUserStatus(text, on_done, NULL); }
static int set_self_status(const char *text) { return TIMSetSelfStatus(text, on_done, NULL); }
static int subscribe_user_status(const char *text) { return TIMSubscribeUserStatus(text, on_done, NULL); }
static int unsubscribe_user_status(const char *text) { return TIMUnsubscribeUserStatus(text, on_done, NULL); }

static int msg_modify_message(const char *text) { return TIMMsgModifyMessage(text, on_done, NULL); }
static int msg_set_local_custom_data(const char *text) { return TIMMsgSetLocalCustomData(text, on_done, NULL); }
static int msg_save_msg(const char *text) { return TIMMsgSaveMsg("peer", kTIMConv_C2C, text, on_done, NULL); }
static int msg_import_msg_list(const char *text) {
    return TIMMsgImportMsgList("peer", kTIMConv_Group, text, on_done, NULL);
}

static int friendship_get_friends_info(const char *text) { return TIMFriendshipGetFriendsInfo(text, on_done, NULL); }
static int friendship_modify_friend_profile(const char *text) {
    return TIMFriendshipModifyFriendProfile(text, on_done, NULL);
}
static int friendship_search_friends(const char *text) { return TIMFriendshipSearchFriends(text, on_done, NULL); }
static int friendship_add_friend(const char *text) { return TIMFriendshipAddFriend(text, on_done, NULL); }
static int friendship_delete_friend(const char *text) { return TIMFriendshipDeleteFriend(text, on_done, NULL); }
static int friendship_check_friend_type(const char *text) { return TIMFriendshipCheckFriendType(text, on_done, NULL); }
static int friendship_get_pendency_list(const char *text) { return TIMFriendshipGetPendencyList(text, on_done, NULL); }
static int friendship_handle_friend_add_request(const char *text) {
    return TIMFriendshipHandleFriendAddRequest(text, on_done, NULL);
}
static int friendship_delete_pendency(const char *text) { return TIMFriendshipDeletePendency(text, on_done, NULL); }
static int friendship_add_to_black_list(const char *text) { return TIMFriendshipAddToBlackList(text, on_done, NULL); }
static int friendship_delete_from_black_list(const char *text) {
    return TIMFriendshipDeleteFromBlackList(text, on_done, NULL);
}
static int friendship_create_friend_group(const char *text) {
    return TIMFriendshipCreateFriendGroup(text, on_done, NULL);
}
static int friendship_get_friend_group_list(const char *text) {
    return TIMFriendshipGetFriendGroupList(text, on_done, NULL);
}
static int friendship_delete_friend_group(const char *text) {
    return TIMFriendshipDeleteFriendGroup(text, on_done, NULL);
}
static int friendship_modify_friend_group(const char *text) {
    return TIMFriendshipModifyFriendGroup(text, on_done, NULL);
}

static int group_init_group_attributes(const char *text) {
    return TIMGroupInitGroupAttributes("team", text, on_done, NULL);
}
static int group_set_group_attributes(const char *text) {
    return TIMGroupSetGroupAttributes("team", text, on_done, NULL);
}
static int group_delete_group_attributes(const char *text) {
    return TIMGroupDeleteGroupAttributes("team", text, on_done, NULL);
}
static int group_get_group_attributes(const char *text) {
    return TIMGroupGetGroupAttributes("team", text, on_done, NULL);
}
static int group_set_group_counters(const char *text) { return TIMGroupSetGroupCounters("team", text, on_done, NULL); }
static int group_get_group_counters(const char *text) { return TIMGroupGetGroupCounters("team", text, on_done, NULL); }
static int group_increase_group_counter(const char *text) {
    return TIMGroupIncreaseGroupCounter("team", text, 1, on_done, NULL);
}
static int group_decrease_group_counter_group_id(const char *text) {
    return TIMGroupDecreaseGroupCounter(text, "n", 1, on_done, NULL);
}
static int group_search_group_members(const char *text) { return TIMGroupSearchGroupMembers(text, on_done, NULL); }
static int group_mark_group_member_list(const char *text) {
    return TIMGroupMarkGroupMemberList("team", text, 1000, true, on_done, NULL);
}

static const struct entry_point entry_points[] = {
    {set_draft_json, false},
    {set_draft_conv_id, false},
    {conv_get_conv_info, true},
    {conv_delete_conversation_list, true},
    {conv_get_conversation_list_by_filter, true},
    {send_message_json, true},
    {send_message_conv_id, true},
    {conv_mark_conversation, true},
    {conv_create_conversation_group, true},
    {conv_add_conversations_to_group, true},
    {conv_set_conversation_custom_data, true},
    {conv_get_unread_message_count_by_filter, true},
    {subscribe_unread_count_by_filter, false},
    {conv_clean_conversation_unread_message_count, true},
    {msg_get_msg_list, true},
    {conv_rename_conversation_group, true},
    {conv_create, true},
    {call_experimental_a_p_i, true},
    {msg_set_c2_c_receive_message_opt, true},
    {report_readed_message, true},
    {report_readed_conv_id, true},
    {group_create, true},
    {group_join_id, true},
    {group_join_hello, true},
    {group_quit, true},
    {group_delete, true},
    {group_get_group_info_list, true},
    {group_get_member_info_list, true},
    {msg_revoke, true},
    {msg_delete, true},
    {msg_list_delete, true},
    {msg_clear_history_message, true},
    {group_modify_group_info, true},
    {group_modify_member_info, true},
    {group_invite_member, true},
    {group_delete_member, true},
    {msg_find_messages, true},
    {msg_find_by_msg_locator_list, true},
    {group_get_pendency_list, true},
    {group_handle_pendency, true},
    {group_search_groups, true},
    {group_get_online_member_count, true},
    {msg_search_local_messages, true},
    {profile_get_user_profile_list, true},
    {profile_modify_self_user_profile, true},
    {subscribe_user_info, true},
    {unsubscribe_user_info, true},
    {get_user_status, true},
    {set_self_status, true},
    {subscribe_user_status, true},
    {unsubscribe_user_status, true},
    {msg_modify_message, true},
    {msg_set_local_custom_data, true},
    {msg_save_msg, true},
    {msg_import_msg_list, true},
    {friendship_get_friends_info, true},
    {friendship_modify_friend_profile, true},
    {friendship_search_friends, true},
    {friendship_add_friend, true},
    {friendship_delete_friend, true},
    {friendship_check_friend_type, true},
    {friendship_get_pendency_list, true},
    {friendship_handle_friend_add_request, true},
    {friendship_delete_pendency, true},
    {friendship_add_to_black_list, true},
    {friendship_delete_from_black_list, true},
    {friendship_create_friend_group, true},
    {friendship_get_friend_group_list, true},
    {friendship_delete_friend_group, true},
    {friendship_modify_friend_group, true},
    {group_init_group_attributes, true},
    {group_set_group_attributes, true},
    {group_delete_group_attributes, true},
    {group_get_group_attributes, true},
    {group_set_group_counters, true},
    {group_get_group_counters, true},
    {group_increase_group_counter, true},
    {group_decrease_group_counter_group_id, true},
    {group_search_group_members, true},
    {group_mark_group_member_list, true},
};
#define ENTRY_POINTS (sizeof entry_points / sizeof entry_points[0] + 1)

/* The SDK config: TIMInit on a stopped engine. A log folder would be created wherever the input
 * says, so inputs naming one are left out. */
static int init_with_config(const char *text) {
    if (strstr(text, "log") != NULL) return TIM_SUCC;
    if (TIMUninit() != TIM_SUCC) abort();
    int code = TIMInit(APP_ID, text);
    if (code == TIM_SUCC && TIMUninit() != TIM_SUCC) abort();
    start_session();
    return code;
}

/* Calls one entry point with `text`; returns its TIMResult and whether a callback will come. */
static int call_entry_point(size_t selector, const char *text, bool *answers) {
    if (selector >= ENTRY_POINTS - 1) {
        *answers = false;
        return init_with_config(text);
    }
    *answers = entry_points[selector].answers;
    return entry_points[selector].call(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    char *text = malloc(size);
    if (text == NULL) return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    long base = answered_so_far();
    bool answers = false;
    int code = call_entry_point(data[0] % ENTRY_POINTS, text, &answers);
    if (code > TIM_SUCC || code < TIM_ERR_GROUP) {
        fprintf(stderr, "TIMResult %d is not in the enum\n", code);
        abort();
    }
    if (code == TIM_SUCC && answers) wait_for(base + 1);
    free(text);
    return 0;
}
