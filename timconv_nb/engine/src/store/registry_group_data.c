/* A group's attributes, counters and members' marks in the group registry's database: see
 * registry_group_data.h. Its own tables and statements (every one binding its parameters); the
 * connection, transactions and helpers are the registry's (registry_internal.h). Worker thread
 * only. */
#include "store/registry_group_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_internal.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

/* im_group_data_change: the latest change of each group's attributes (kind 0, item_key '') and of
 * each of its counters (kind 1, item_key the counter's key), by the change counter's value. The
 * triggers drop a dismissed group's data and a leaving member's marks (the change rows stay, so
 * the counter never goes back; a process reads only those of its user's groups). */
const char registry_group_data_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS im_group_attribute ("
    " group_id TEXT NOT NULL, attr_key TEXT NOT NULL, attr_value TEXT NOT NULL,"
    " PRIMARY KEY (group_id, attr_key)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_group_counter ("
    " group_id TEXT NOT NULL, counter_key TEXT NOT NULL, counter_value INTEGER NOT NULL,"
    " PRIMARY KEY (group_id, counter_key)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_member_mark ("
    " group_id TEXT NOT NULL, user_id TEXT NOT NULL, mark_type INTEGER NOT NULL,"
    " PRIMARY KEY (group_id, user_id, mark_type)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_group_data_change ("
    " group_id TEXT NOT NULL, kind INTEGER NOT NULL, item_key TEXT NOT NULL, change_seq INTEGER NOT NULL,"
    " PRIMARY KEY (group_id, kind, item_key)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS im_group_data_change_seq ON im_group_data_change (change_seq);"
    "CREATE TRIGGER IF NOT EXISTS im_group_data_dismissed AFTER DELETE ON im_group BEGIN"
    " DELETE FROM im_group_attribute WHERE group_id = old.group_id;"
    " DELETE FROM im_group_counter WHERE group_id = old.group_id;"
    " DELETE FROM im_member_mark WHERE group_id = old.group_id; END;"
    "CREATE TRIGGER IF NOT EXISTS im_member_marks_gone AFTER DELETE ON im_member BEGIN"
    " DELETE FROM im_member_mark WHERE group_id = old.group_id AND user_id = old.user_id; END;";

enum group_data_stmt {
    G_SEQ,
    G_CHANGED,
    G_COUNTERS_CHANGED,
    G_ATTR_VERSION,
    G_ATTR_CLEAR,
    G_ATTR_SET,
    G_ATTR_DELETE,
    G_ATTR_SIZES,
    G_ATTR_GET,
    G_BAD_COUNTER_KEYS,
    G_COUNTERS_SET,
    G_COUNTER_VALUE,
    G_COUNTER_PUT,
    G_COUNTERS_GET,
    G_COUNTERS_NAMED,
    G_NOT_MEMBERS,
    G_MARK_TYPES,
    G_MARK_ADD,
    G_MARK_REMOVE,
    G_MARK_CHANGE,
    G_NEWS,
    G_COUNT
};
_Static_assert(G_COUNT <= REGISTRY_GROUP_DATA_STMTS, "registry_internal.h keeps room for every group data statement");

/* The keys of JSON array ?2: NULL or empty is every key. */
#define KEY_WANTED(column) "(?2 IS NULL OR json_array_length(?2) = 0 OR " column " IN (SELECT value FROM json_each(?2)))"

/* The GroupCounter array of group ?1's counters that `where` picks, by key. */
#define COUNTERS_OF(where)                                                                                     \
    "SELECT json_group_array(json(c)) FROM (SELECT json_object('group_counter_key', counter_key,"             \
    " 'group_counter_value', counter_value) AS c FROM im_group_counter WHERE group_id = ?1 AND " where        \
    " ORDER BY counter_key)"

/* The next value of the change counter. */
#define NEXT_CHANGE "(SELECT coalesce(max(change_seq), 0) + 1 FROM im_group_data_change)"

static const char *const group_data_sql[G_COUNT] = {
    [G_SEQ] = "SELECT coalesce(max(change_seq), 0) FROM im_group_data_change",
    /* Group ?1's attributes (?2 = 0, ?3 '') or counter ?3 (?2 = 1) changed. */
    [G_CHANGED] =
        "INSERT INTO im_group_data_change (group_id, kind, item_key, change_seq) VALUES (?1, ?2, ?3, " NEXT_CHANGE ")"
        " ON CONFLICT DO UPDATE SET change_seq = excluded.change_seq RETURNING change_seq",
    /* The counters of GroupCounter array ?2 of group ?1 changed. */
    [G_COUNTERS_CHANGED] =
        "INSERT INTO im_group_data_change (group_id, kind, item_key, change_seq)"
        " SELECT ?1, 1, json_extract(value, '$.group_counter_key'), " NEXT_CHANGE " + key FROM json_each(?2) WHERE true"
        " ON CONFLICT DO UPDATE SET change_seq = excluded.change_seq",
    [G_ATTR_VERSION] =
        "SELECT coalesce((SELECT change_seq FROM im_group_data_change WHERE group_id = ?1 AND kind = 0), 0)",
    [G_ATTR_CLEAR] = "DELETE FROM im_group_attribute WHERE group_id = ?1",
    /* The GroupAttributes array ?2 (shape checked: keys and values texts) set in group ?1. */
    [G_ATTR_SET] =
        "INSERT INTO im_group_attribute (group_id, attr_key, attr_value)"
        " SELECT ?1, json_extract(value, '$.group_attribute_key'), json_extract(value, '$.group_attribute_value')"
        " FROM json_each(?2) WHERE true ON CONFLICT DO UPDATE SET attr_value = excluded.attr_value",
    [G_ATTR_DELETE] = "DELETE FROM im_group_attribute WHERE group_id = ?1 AND " KEY_WANTED("attr_key"),
    /* Group ?1's attributes as the limits read them: how many, the shortest and longest key, the
     * longest value, the bytes of all (keys and values). */
    [G_ATTR_SIZES] =
        "SELECT count(*), coalesce(min(length(CAST(attr_key AS BLOB))), 1),"
        " coalesce(max(length(CAST(attr_key AS BLOB))), 0), coalesce(max(length(CAST(attr_value AS BLOB))), 0),"
        " coalesce(sum(length(CAST(attr_key AS BLOB)) + length(CAST(attr_value AS BLOB))), 0)"
        " FROM im_group_attribute WHERE group_id = ?1",
    [G_ATTR_GET] =
        "SELECT json_group_array(json(a)) FROM (SELECT json_object('group_attribute_key', attr_key,"
        " 'group_attribute_value', attr_value) AS a FROM im_group_attribute WHERE group_id = ?1"
        " AND " KEY_WANTED("attr_key") " ORDER BY attr_key)",
    /* Whether a key of GroupCounter array ?1 is not 1 to ?2 bytes. */
    [G_BAD_COUNTER_KEYS] =
        "SELECT EXISTS (SELECT 1 FROM json_each(?1)"
        " WHERE length(CAST(json_extract(value, '$.group_counter_key') AS BLOB)) NOT BETWEEN 1 AND ?2)",
    [G_COUNTERS_SET] =
        "INSERT INTO im_group_counter (group_id, counter_key, counter_value)"
        " SELECT ?1, json_extract(value, '$.group_counter_key'), json_extract(value, '$.group_counter_value')"
        " FROM json_each(?2) WHERE true ON CONFLICT DO UPDATE SET counter_value = excluded.counter_value",
    [G_COUNTER_VALUE] =
        "SELECT coalesce((SELECT counter_value FROM im_group_counter WHERE group_id = ?1 AND counter_key = ?2), 0)",
    [G_COUNTER_PUT] =
        "INSERT INTO im_group_counter (group_id, counter_key, counter_value) VALUES (?1, ?2, ?3)"
        " ON CONFLICT DO UPDATE SET counter_value = excluded.counter_value",
    /* ?2: the keys wanted (JSON array; NULL or empty: all) */
    [G_COUNTERS_GET] = COUNTERS_OF(KEY_WANTED("counter_key")),
    /* ?2: a GroupCounter array */
    [G_COUNTERS_NAMED] =
        COUNTERS_OF("counter_key IN (SELECT json_extract(value, '$.group_counter_key') FROM json_each(?2))"),
    /* Whether a user of JSON array ?2 is not a member of group ?1. */
    [G_NOT_MEMBERS] =
        "SELECT EXISTS (SELECT 1 FROM json_each(?2) WHERE value NOT IN (SELECT user_id FROM im_member WHERE group_id = ?1))",
    /* The mark types of group ?1 with ?2 among them. */
    [G_MARK_TYPES] =
        "SELECT count(*) FROM (SELECT mark_type FROM im_member_mark WHERE group_id = ?1 UNION SELECT ?2)",
    [G_MARK_ADD] =
        "INSERT INTO im_member_mark (group_id, user_id, mark_type) SELECT ?1, value, ?3 FROM json_each(?2) WHERE true"
        " ON CONFLICT DO NOTHING",
    [G_MARK_REMOVE] =
        "DELETE FROM im_member_mark WHERE group_id = ?1 AND mark_type = ?3 AND user_id IN (SELECT value FROM json_each(?2))",
    /* The GroupTipMemberMarkChangeInfo of users ?1 marked (?3) with ?2, as a GroupTipsElem's member
     * (TIMGroupManager.h 9.3, 1506-1507). */
    [G_MARK_CHANGE] =
        "SELECT json_object('group_tips_elem_member_mark_info_array', json_array(json_object("
        " 'group_tips_member_mark_change_info_enableMark', json(CASE WHEN ?3 THEN 'true' ELSE 'false' END),"
        " 'group_tips_member_mark_change_info_markType', ?2, 'group_tips_member_mark_change_info_userIDList', json(?1))))",
    /* The changes after ?1, up to ?3, in the groups user ?2 is a member of, oldest first: group,
     * counter key (NULL: the attributes), the attributes (all of them) or the counter's value. */
    [G_NEWS] =
        "SELECT n.group_id, CASE WHEN n.kind = 1 THEN n.item_key END,"
        " CASE WHEN n.kind = 0 THEN (SELECT json_group_array(json(a)) FROM (SELECT json_object('group_attribute_key',"
        "  attr_key, 'group_attribute_value', attr_value) AS a FROM im_group_attribute t WHERE t.group_id = n.group_id"
        "  ORDER BY attr_key)) END,"
        " (SELECT counter_value FROM im_group_counter c WHERE c.group_id = n.group_id AND c.counter_key = n.item_key)"
        " FROM im_group_data_change n JOIN im_member m ON m.group_id = n.group_id AND m.user_id = ?2"
        " WHERE n.change_seq > ?1 AND n.change_seq <= ?3 ORDER BY n.change_seq",
};

static sqlite3_stmt *gstmt(struct registry *r, enum group_data_stmt id) {
    if (r->group_data_stmt[id] == NULL) {
        sqlite3_prepare_v3(r->db, group_data_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &r->group_data_stmt[id], NULL);
    }
    return r->group_data_stmt[id];
}

/* Statement id with ?1 = text (group id) bound. */
static sqlite3_stmt *gbind(struct registry *r, enum group_data_stmt id, const char *text) {
    sqlite3_stmt *st = gstmt(r, id);
    sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    return st;
}

/* Steps st for its first column's integer (reset after). */
static int gquery_int(struct registry *r, sqlite3_stmt *st, int64_t *value, const char *what) {
    int rc = sqlite3_step(st);
    *value = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    stmt_done(st);
    return rc == SQLITE_ROW ? ERR_SUCC : rfail(r, what);
}

void registry_group_data_close(struct registry *r) {
    for (int i = 0; i < G_COUNT; i++) sqlite3_finalize(r->group_data_stmt[i]);
}

int registry_group_data_seq(struct registry *r, int64_t *seq) {
    return gquery_int(r, gstmt(r, G_SEQ), seq, "read the group data changes");
}

/* A member of group_id (10010 no such group, 10007 not a member); *type its TIMGroupType. Inside
 * a transaction when the caller changes something. */
static int check_member(struct registry *r, const char *group_id, const char *user, int *type) {
    struct group_row g;
    int result = read_group(r, group_id, &g);
    *type = g.type;
    group_row_clear(&g);
    int role = kTIMMemberRole_None;
    if (result == ERR_SUCC) result = read_role(r, group_id, user, &role);
    if (result == ERR_SUCC && role == kTIMMemberRole_None) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s: only members use its attributes and "
                        "counters", group_id);
    }
    return result;
}

/* Records a change of group_id's attributes (counter_key NULL) or of one counter; *seq its value. */
static int record_change(struct registry *r, const char *group_id, const char *counter_key, int64_t *seq) {
    sqlite3_stmt *st = gbind(r, G_CHANGED, group_id);
    sqlite3_bind_int(st, 2, counter_key == NULL ? 0 : 1);
    sqlite3_bind_text(st, 3, counter_key == NULL ? "" : counter_key, -1, SQLITE_STATIC);
    return gquery_int(r, st, seq, "record the change");
}

/* ---- attributes ---- */

/* group_id's attributes after a change are within the vendor's limits (TIMGroupManager.h 693-695). */
static int check_attribute_limits(struct registry *r, const char *group_id) {
    sqlite3_stmt *st = gbind(r, G_ATTR_SIZES, group_id);
    int rc = sqlite3_step(st);
    int64_t count = 0, shortest_key = 0, longest_key = 0, longest_value = 0, bytes = 0;
    if (rc == SQLITE_ROW) {
        count = sqlite3_column_int64(st, 0);
        shortest_key = sqlite3_column_int64(st, 1);
        longest_key = sqlite3_column_int64(st, 2);
        longest_value = sqlite3_column_int64(st, 3);
        bytes = sqlite3_column_int64(st, 4);
    }
    stmt_done(st);
    if (rc != SQLITE_ROW) return rfail(r, "read the attributes' sizes");
    if (shortest_key < 1 || longest_key > GROUP_ATTRIBUTE_KEY_MAX) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "an attribute's key is 1 to 32 bytes%s", "");
    }
    if (longest_value > GROUP_ATTRIBUTE_VALUE_MAX) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "an attribute's value is at most 4 KB (4096 bytes)%s", "");
    }
    if (count > GROUP_ATTRIBUTES_MAX) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "a group has at most 16 attributes (%s would have more)",
                      group_id);
    }
    if (bytes > GROUP_ATTRIBUTES_BYTES_MAX) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                      "a group's attributes, keys and values, are at most 16 KB (%s would have more)", group_id);
    }
    return ERR_SUCC;
}

int registry_change_attributes(struct registry *r, const char *group_id, const char *user, enum attributes_change how,
                               const char *json, int64_t seen, int64_t *version) {
    *version = 0;
    int result = rbegin(r);
    if (result != ERR_SUCC) return result;
    int type = 0;
    int64_t current = 0;
    result = check_member(r, group_id, user, &type);
    if (result == ERR_SUCC) result = gquery_int(r, gbind(r, G_ATTR_VERSION, group_id), &current, "read the version");
    /* TIMGroupManager.h 698-699: a change is made on the latest attributes the caller read. */
    if (result == ERR_SUCC && current != seen) {
        result = refuse(r, ERR_SVR_GROUP_ATTRIBUTE_WRITE_CONFILCT,
                        "the attributes of %s changed since this process last read them: get them, then change them",
                        group_id);
    }
    if (result == ERR_SUCC && how == ATTRIBUTES_INIT) result = rexec(r, gbind(r, G_ATTR_CLEAR, group_id), "clear");
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, how == ATTRIBUTES_DELETE ? G_ATTR_DELETE : G_ATTR_SET, group_id);
        sqlite3_bind_text(st, 2, json, -1, SQLITE_STATIC);
        result = rexec(r, st, "change the attributes");
    }
    if (result == ERR_SUCC) result = check_attribute_limits(r, group_id);
    if (result == ERR_SUCC) result = record_change(r, group_id, NULL, version);
    return rfinish(r, result);
}

int registry_attributes(struct registry *r, const char *group_id, const char *user, const char *keys_json,
                        char **attributes, int64_t *version) {
    *attributes = NULL;
    *version = 0;
    int type = 0;
    int result = check_member(r, group_id, user, &type);
    if (result == ERR_SUCC) result = gquery_int(r, gbind(r, G_ATTR_VERSION, group_id), version, "read the version");
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, G_ATTR_GET, group_id);
        sqlite3_bind_text(st, 2, keys_json, -1, SQLITE_STATIC);
        result = rquery_text(r, st, attributes, "read the attributes");
    }
    return result;
}

/* ---- counters ---- */

/* A member of group_id, which is not a Community (TIMGroupManager.h 843: "除了社群和话题"). */
static int check_counter_group(struct registry *r, const char *group_id, const char *user) {
    int type = 0;
    int result = check_member(r, group_id, user, &type);
    if (result == ERR_SUCC && type == kTIMGroup_Community) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "%s is a Community, which has no counters", group_id);
    }
    return result;
}

static int bad_key(struct registry *r) {
    return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "a counter's key is 1 to 128 bytes%s", "");
}

int registry_set_counters(struct registry *r, const char *group_id, const char *user, const char *counters_json,
                          char **counters) {
    *counters = NULL;
    int64_t bad = 0;
    sqlite3_stmt *st = gbind(r, G_BAD_COUNTER_KEYS, counters_json);
    sqlite3_bind_int(st, 2, GROUP_COUNTER_KEY_MAX);
    int result = gquery_int(r, st, &bad, "read the counters' keys");
    if (result == ERR_SUCC && bad) result = bad_key(r);
    if (result != ERR_SUCC) return result;
    result = rbegin(r);
    if (result != ERR_SUCC) return result;
    result = check_counter_group(r, group_id, user);
    if (result == ERR_SUCC) {
        st = gbind(r, G_COUNTERS_SET, group_id);
        sqlite3_bind_text(st, 2, counters_json, -1, SQLITE_STATIC);
        result = rexec(r, st, "set the counters");
    }
    if (result == ERR_SUCC) {
        st = gbind(r, G_COUNTERS_CHANGED, group_id);
        sqlite3_bind_text(st, 2, counters_json, -1, SQLITE_STATIC);
        result = rexec(r, st, "record the change");
    }
    if (result == ERR_SUCC) {
        /* What was set: the counters the array names, read back (a key named twice took its last value). */
        st = gbind(r, G_COUNTERS_NAMED, group_id);
        sqlite3_bind_text(st, 2, counters_json, -1, SQLITE_STATIC);
        result = rquery_text(r, st, counters, "read the counters");
    }
    result = rfinish(r, result);
    if (result != ERR_SUCC) {
        free(*counters);
        *counters = NULL;
    }
    return result;
}

int registry_change_counter(struct registry *r, const char *group_id, const char *user, const char *key, int64_t change,
                            bool decrease, char **counters) {
    *counters = NULL;
    size_t bytes = strlen(key);
    if (bytes < 1 || bytes > GROUP_COUNTER_KEY_MAX) return bad_key(r);
    int result = rbegin(r);
    if (result != ERR_SUCC) return result;
    result = check_counter_group(r, group_id, user);
    int64_t value = 0, seq = 0;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, G_COUNTER_VALUE, group_id);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
        result = gquery_int(r, st, &value, "read the counter");
    }
    if (result == ERR_SUCC &&
        (decrease ? __builtin_sub_overflow(value, change, &value) : __builtin_add_overflow(value, change, &value))) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the counter would leave the range of int64 (%s unchanged)",
                        key);
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, G_COUNTER_PUT, group_id);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, value);
        result = rexec(r, st, "change the counter");
    }
    if (result == ERR_SUCC) result = record_change(r, group_id, key, &seq);
    char *keys = result == ERR_SUCC ? json_array_of(key) : NULL;
    if (result == ERR_SUCC && keys == NULL) result = ERR_OUT_OF_MEMORY;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, G_COUNTERS_GET, group_id);
        sqlite3_bind_text(st, 2, keys, -1, SQLITE_STATIC);
        result = rquery_text(r, st, counters, "read the counter");
    }
    free(keys);
    result = rfinish(r, result);
    if (result != ERR_SUCC) {
        free(*counters);
        *counters = NULL;
    }
    return result;
}

int registry_counters(struct registry *r, const char *group_id, const char *user, const char *keys_json,
                      char **counters) {
    *counters = NULL;
    int result = check_counter_group(r, group_id, user);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, G_COUNTERS_GET, group_id);
        sqlite3_bind_text(st, 2, keys_json, -1, SQLITE_STATIC);
        result = rquery_text(r, st, counters, "read the counters");
    }
    return result;
}

/* ---- marks ---- */

/* TIMGroupManager.h 1299, 1306-1307: the owner of a Live group marks its members, with at most 10
 * mark types in the group. */
static int check_marking(struct registry *r, const struct group_row *g, int role, const char *group_id,
                         const char *users_json, uint32_t mark_type) {
    if (g->type != kTIMGroup_AVChatRoom) {
        return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "only a Live group's members are marked (%s is not one)",
                      group_id);
    }
    if (role != kTIMMemberRole_Owner) {
        return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "only the owner of %s marks its members", group_id);
    }
    int64_t outsiders = 0, types = 0;
    sqlite3_stmt *st = gbind(r, G_NOT_MEMBERS, group_id);
    sqlite3_bind_text(st, 2, users_json, -1, SQLITE_STATIC);
    int result = gquery_int(r, st, &outsiders, "read the members");
    if (result == ERR_SUCC && outsiders) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "only members of %s are marked", group_id);
    }
    if (result == ERR_SUCC) {
        st = gbind(r, G_MARK_TYPES, group_id);
        sqlite3_bind_int64(st, 2, mark_type);
        result = gquery_int(r, st, &types, "read the marks");
    }
    if (result == ERR_SUCC && types > GROUP_MARK_TYPES_MAX) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "a Live group has at most 10 mark types (%s has them)",
                        group_id);
    }
    return result;
}

int registry_mark_members(struct registry *r, const char *group_id, const char *user, const char *users_json,
                          uint32_t mark_type, bool enable, uint64_t now, struct group_change *c) {
    *c = (struct group_change){0};
    struct group_row g;
    int role = kTIMMemberRole_None;
    int result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC) result = check_marking(r, &g, role, group_id, users_json, mark_type);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, enable ? G_MARK_ADD : G_MARK_REMOVE, group_id);
        sqlite3_bind_text(st, 2, users_json, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, mark_type);
        result = rexec(r, st, "mark the members");
    }
    if (result == ERR_SUCC) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    char *more = NULL;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = gbind(r, G_MARK_CHANGE, users_json);
        sqlite3_bind_int64(st, 2, mark_type);
        sqlite3_bind_int(st, 3, enable ? 1 : 0);
        result = rquery_text(r, st, &more, "describe the marks");
    }
    if (result == ERR_SUCC) {
        result = tip_notice(r, c, kTIMGroupTip_MemberMarkChange, kTIMGroupJoin_None, user, users_json, more);
    }
    free(more);
    return end_change(r, result, &g, c);
}

/* ---- news ---- */

int registry_group_data_news(struct registry *r, int64_t since, int64_t until, const char *user,
                             group_data_change_fn fn, void *ctx) {
    sqlite3_stmt *st = gstmt(r, G_NEWS);
    sqlite3_bind_int64(st, 1, since);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, until);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *group_id = (const char *)sqlite3_column_text(st, 0);
        const char *key = (const char *)sqlite3_column_text(st, 1);
        const char *attributes = (const char *)sqlite3_column_text(st, 2);
        bool counter_gone = key != NULL && sqlite3_column_type(st, 3) == SQLITE_NULL;
        if (group_id != NULL && !counter_gone) fn(group_id, key, attributes, sqlite3_column_int64(st, 3), ctx);
    }
    stmt_done(st);
    return rc == SQLITE_DONE ? ERR_SUCC : rfail(r, "read the group data changes");
}
