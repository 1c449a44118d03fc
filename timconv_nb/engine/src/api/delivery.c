/* Delivery: see delivery.h. */
#define _DEFAULT_SOURCE
#include "api/delivery.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "notify/engine_log.h"
#include "runtime/profile_news.h"
#include "store/presence.h"
#include "store/registry.h"
#include "store/store_cache.h"

void message_identity(uint64_t now, char *msg_id, size_t msg_id_size, uint64_t *unique_id, uint32_t *rand) {
    uint64_t random_bits[2] = {0, 0};
    if (getrandom(random_bits, sizeof random_bits, 0) != (ssize_t)sizeof random_bits) {
        random_bits[0] ^= (uint64_t)(uintptr_t)msg_id ^ now; /* unique enough without entropy */
    }
    *unique_id = random_bits[0] >> 1; /* below 2^63, as SQLite stores integers */
    *rand = (uint32_t)random_bits[1];
    snprintf(msg_id, msg_id_size, "%llu-%llu-%u", (unsigned long long)*unique_id, (unsigned long long)now,
             (unsigned)*rand);
}

void deliver_to(const char *recipient, const struct delivery *d) {
    if (strcmp(recipient, d->fields->sender) == 0) return;
    /* An online message reaches only the users online now (TIMMessageManager.h 2285-2286). */
    if (d->fields->online && !presence_online(engine_data_root(), engine_app_id(), recipient)) return;
    char err[512] = "";
    int code = ERR_SUCC;
    struct store *s = store_cache_open(engine_data_root(), engine_app_id(), recipient, d->sender_store, &code, err,
                                       sizeof err);
    if (code == ERR_SUCC && d->hold) {
        char lost[512] = "";
        if (store_cache_hold(s, lost, sizeof lost) != ERR_SUCC) {
            engine_log(kTIMLog_Error, "deliveries of a batch of calls were lost: %s", lost);
        }
    }
    if (code == ERR_SUCC) {
        code = store_msg_receive(s, d->conv_id, d->conv_type, d->body, d->fields);
        if (code != ERR_SUCC) snprintf(err, sizeof err, "%s", store_error(s));
        if (code == ERR_SUCC && d->conv_type == kTIMConv_C2C) profile_news_delivered(s, recipient);
    }
    if (code != ERR_SUCC) engine_log(kTIMLog_Error, "cannot deliver a message to %s: %s", recipient, err);
}

static void deliver_item(const char *recipient, void *ctx) { deliver_to(recipient, ctx); }

void deliver_to_each(struct store *sender_store, const char *recipients, const struct delivery *d) {
    if (recipients == NULL) return;
    if (store_array_each(sender_store, recipients, deliver_item, (void *)d) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read the recipients: %s", store_error(sender_store));
    }
}

void revoke_delivered(const char *recipient, const struct store *sender_store, const char *conv_id, int conv_type,
                      const char *msg_id, const char *revoker) {
    if (strcmp(recipient, revoker) == 0) return;
    char err[512] = "";
    int code = ERR_SUCC;
    struct store *s = store_cache_open(engine_data_root(), engine_app_id(), recipient, sender_store, &code, err,
                                       sizeof err);
    int64_t seq = 0;
    if (code == ERR_SUCC) code = store_msg_seq_of(s, conv_id, conv_type, msg_id, &seq);
    char *info = NULL;
    if (code == ERR_SUCC && seq > 0) code = store_msg_revoke(s, conv_id, conv_type, seq, revoker, true, &info);
    free(info);
    if (code != ERR_SUCC && s != NULL) snprintf(err, sizeof err, "%s", store_error(s));
    if (code != ERR_SUCC) engine_log(kTIMLog_Error, "cannot revoke %s's copy of a message: %s", recipient, err);
}

struct registry *group_registry(struct task_result *r) {
    char err[512] = "";
    int code = ERR_SUCC;
    struct registry *reg = registry_get(engine_data_root(), engine_app_id(), &code, err, sizeof err);
    if (reg == NULL) task_result_fail(r, code, "%s", err);
    return reg;
}
