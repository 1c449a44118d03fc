/* Group news: see group_news.h. Worker thread only: no lock. */
#include "runtime/group_news.h"

#include "notify/engine_log.h"
#include "notify/listeners.h"
#include "runtime/engine.h"
#include "store/registry_group_data.h"

static int64_t seen_seq; /* the registry's change counter when last looked at */

/* The open registry, or NULL (the failure logged). */
static struct registry *registry(void) {
    char err[512] = "";
    int code = ERR_SUCC;
    struct registry *reg = registry_get(engine_data_root(), engine_app_id(), &code, err, sizeof err);
    if (reg == NULL) engine_log(kTIMLog_Error, "cannot read group changes: %s", err);
    return reg;
}

void group_news_baseline(void) {
    struct registry *reg = registry();
    if (reg != NULL && registry_group_data_seq(reg, &seen_seq) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read group changes: %s", registry_error(reg));
    }
}

static void announce_change(const char *group_id, const char *counter_key, const char *attributes, int64_t value,
                            void *store) {
    struct note n = {.name = (char *)group_id};
    if (counter_key == NULL) {
        n.kind = LISTENER_GROUP_ATTRIBUTE_CHANGED;
        n.json = (char *)attributes;
    } else {
        n.kind = LISTENER_GROUP_COUNTER_CHANGED;
        n.text = (char *)counter_key;
        n.value = value;
    }
    listener_announce(store, &n);
}

void group_news_poll(struct store *s) {
    struct registry *reg = registry();
    if (s == NULL || reg == NULL) return;
    int64_t latest = seen_seq;
    if (registry_group_data_seq(reg, &latest) != ERR_SUCC || latest == seen_seq) return;
    if (registry_group_data_news(reg, seen_seq, latest, engine_user_id(), announce_change, s) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read group changes: %s", registry_error(reg));
        return;
    }
    seen_seq = latest;
}
