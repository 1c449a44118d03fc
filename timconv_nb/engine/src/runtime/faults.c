/* Scripted faults: see faults.h (lock discipline included) and timconv_ext.h. */
#include "runtime/faults.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "TIMCloud.h"
#include "timconv_ext.h"

/* At most this many rules at once; a delay is at most a minute (TIMUninit waits for it). */
#define FAULT_RULES_MAX 16
#define FAULT_DELAY_MAX_MS 60000

/* The calls a rule may name: those the engine queues (a rule on another name could never fire). */
static const char *const faultable[] = {
    "TIMLogin", "TIMLogout", "TIMConvCreate", "TIMConvDelete", "TIMConvGetConvList", "TIMConvGetConvInfo",
    "TIMConvGetConversationListByFilter", "TIMConvDeleteConversationList", "TIMConvSetDraft", "TIMConvCancelDraft",
    "TIMConvPinConversation", "TIMConvMarkConversation", "TIMConvSetConversationCustomData",
    "TIMConvGetTotalUnreadMessageCount", "TIMConvGetUnreadMessageCountByFilter",
    "TIMConvSubscribeUnreadMessageCountByFilter", "TIMConvCleanConversationUnreadMessageCount",
    "TIMConvCreateConversationGroup", "TIMConvGetConversationGroupList", "TIMConvDeleteConversationGroup",
    "TIMConvRenameConversationGroup", "TIMConvAddConversationsToGroup", "TIMConvDeleteConversationsFromGroup",
    "TIMMsgSendMessage", "TIMMsgReportReaded", "TIMMsgMarkAllMessageAsRead", "TIMMsgGetMsgList", "callExperimentalAPI",
    "TIMMsgSetC2CReceiveMessageOpt", "TIMMsgGetC2CReceiveMessageOpt", "TIMMsgSetGroupReceiveMessageOpt",
    "TIMMsgModifyMessage", "TIMMsgSetLocalCustomData", "TIMMsgSaveMsg", "TIMMsgImportMsgList",
    "TIMFriendshipGetFriendProfileList", "TIMFriendshipAddFriend", "TIMFriendshipModifyFriendProfile",
    "TIMFriendshipAddToBlackList", "TIMFriendshipHandleFriendAddRequest", "TIMFriendshipCreateFriendGroup",
    "TIMGroupInitGroupAttributes", "TIMGroupSetGroupAttributes", "TIMGroupDeleteGroupAttributes",
    "TIMGroupGetGroupAttributes", "TIMGroupSetGroupCounters", "TIMGroupGetGroupCounters",
    "TIMGroupIncreaseGroupCounter", "TIMGroupDecreaseGroupCounter",
};

struct rule {
    char api[64];     /* "" in a delay rule: every call */
    uint32_t calls;   /* fail rules: how many calls are still to fail */
    int32_t code;     /* fail rules: the code; 0 in a delay rule */
    uint32_t delay_ms;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct rule rules[FAULT_RULES_MAX];
static int rule_count;

static bool is_faultable(const char *api) {
    if (api == NULL) return false;
    for (size_t i = 0; i < sizeof faultable / sizeof faultable[0]; i++) {
        if (strcmp(api, faultable[i]) == 0) return true;
    }
    return false;
}

static void remove_rule_locked(int i) { rules[i] = rules[--rule_count]; }

int32_t faults_take(const char *api) {
    int32_t code = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < rule_count && code == 0; i++) {
        if (rules[i].code == 0 || strcmp(rules[i].api, api) != 0) continue;
        code = rules[i].code;
        if (--rules[i].calls == 0) remove_rule_locked(i);
    }
    pthread_mutex_unlock(&lock);
    return code;
}

uint32_t faults_delay_ms(const char *api) {
    uint32_t delay = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < rule_count; i++) {
        if (rules[i].code == 0 && (rules[i].api[0] == '\0' || strcmp(rules[i].api, api) == 0) &&
            rules[i].delay_ms > delay) {
            delay = rules[i].delay_ms;
        }
    }
    pthread_mutex_unlock(&lock);
    return delay;
}

/* Adds a rule (replacing a delay rule of the same scope). */
static int add_rule(const struct rule *r) {
    int code = TIM_ERR_PARAM;
    pthread_mutex_lock(&lock);
    for (int i = 0; r->code == 0 && i < rule_count; i++) {
        if (rules[i].code == 0 && strcmp(rules[i].api, r->api) == 0) remove_rule_locked(i--);
    }
    if (r->code == 0 && r->delay_ms == 0) {
        code = TIM_SUCC; /* a delay of 0 only removes the old one */
    } else if (rule_count < FAULT_RULES_MAX) {
        rules[rule_count++] = *r;
        code = TIM_SUCC;
    }
    pthread_mutex_unlock(&lock);
    return code;
}

int timconv_fault_fail_next(const char *function, uint32_t count, int32_t code) {
    if (!is_faultable(function) || count == 0 || code == 0) return TIM_ERR_PARAM;
    struct rule r = {.calls = count, .code = code};
    snprintf(r.api, sizeof r.api, "%s", function);
    return add_rule(&r);
}

int timconv_fault_delay(const char *function, uint32_t milliseconds) {
    if ((function != NULL && !is_faultable(function)) || milliseconds > FAULT_DELAY_MAX_MS) return TIM_ERR_PARAM;
    struct rule r = {.delay_ms = milliseconds};
    snprintf(r.api, sizeof r.api, "%s", function != NULL ? function : "");
    return add_rule(&r);
}

void timconv_fault_clear(void) {
    pthread_mutex_lock(&lock);
    rule_count = 0;
    pthread_mutex_unlock(&lock);
}
