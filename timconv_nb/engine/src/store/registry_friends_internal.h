/* What the friendship files of the registry share (registry_friends_sql.c: the tables and every
 * statement; registry_friends.c: friends and news; registry_friend_requests.c; registry_friend_lists.c:
 * block lists and friend groups). Worker thread only: see registry.h. */
#ifndef TIMCONV_REGISTRY_FRIENDS_INTERNAL_H_
#define TIMCONV_REGISTRY_FRIENDS_INTERNAL_H_

#include <sqlite3.h>

#include "store/registry_friends.h"
#include "store/registry_internal.h"
#include "store/registry_profiles.h"
#include "store/store_internal.h"

enum friend_stmt {
    F_LIST,
    F_INFO,
    F_SEARCH_CHECK,
    F_SEARCH,
    F_MODIFY_CHECK,
    F_MODIFY,
    F_MODIFY_NEWS,
    F_GROUPS_ENSURE,
    F_STATE,
    F_ADD_PARAM,
    F_INSERT,
    F_RESULT,
    F_DELETE_RESULTS,
    F_DELETE,
    F_CHECK,
    F_NEWS_ADD,
    F_NEWS,
    F_PROFILES,
    F_REQUEST_UPSERT,
    F_REQUEST_PENDENCY,
    F_REQUEST_GET,
    F_REQUEST_DROP,
    F_REQUEST_PAGE,
    F_REQUEST_READ,
    F_REQUEST_RESULTS,
    F_REQUESTS_DELETE,
    F_BLOCKED_LIST,
    F_BLOCK_RESULTS,
    F_BLOCK,
    F_UNBLOCK,
    F_IS_BLOCKED,
    F_GROUP_ADD,
    F_GROUP_MEMBER_RESULTS,
    F_GROUP_LIST,
    F_GROUP_DELETE,
    F_GROUP_UNSET,
    F_GROUP_RENAME,
    F_GROUP_REMOVE,
    F_GROUP_PARAM_CHECK,
    F_GROUP_RENAME_MEMBERS,
    F_EACH,
    F_ENUM_CHECK,
    F_MEMBER,
    F_COUNT
};
_Static_assert(F_COUNT <= REGISTRY_FRIEND_STMTS, "registry_internal.h keeps room for every friendship statement");

extern const char *const friend_sql[F_COUNT];

/* The prepared statement (NULL only when it cannot compile: the step then reports it), with ?1
 * bound to text1 (when not NULL) and ?2 to text2 (when not NULL). */
sqlite3_stmt *fstmt(struct registry *r, enum friend_stmt id, const char *text1, const char *text2);

/* Steps st: its first column's text (malloc'd; NULL for NULL or no row). */
int fquery(struct registry *r, sqlite3_stmt *st, char **out, const char *what);

/* Steps st: the texts of its first row's first n columns (malloc'd; NULL for NULL, or no row). */
int frow(struct registry *r, sqlite3_stmt *st, char **cols, int n, const char *what);

/* Runs st (rows ignored). */
int fexec(struct registry *r, sqlite3_stmt *st, const char *what);

/* The first problem a checking statement finds: (code, description) in its first row, or none. */
int fcheck(struct registry *r, sqlite3_stmt *st, const char *what);

/* Writes one friend news row to `to` (json, renamed: NULL allowed). */
int fnews(struct registry *r, const char *to, enum friend_news_kind kind, const char *name, const char *new_name,
          const char *json, const char *renamed);

/* A FriendProfile array, as owner sees them, of the users of a JSON array of ids. */
int fprofiles(struct registry *r, const char *owner, const char *ids_json, char **profiles);

/* The relation between user and peer: whether each has the other as a friend, blocked the other,
 * and peer's add permission (TIMProfileAddPermission). */
struct friend_state {
    bool mine, theirs, i_block, they_block;
    int permission;
};
int fstate(struct registry *r, const char *user, const char *peer, struct friend_state *st);

/* Adds friend to owner's list (unless there) with the remark, group (NULL: none), source and
 * wording; the group is made when missing. */
int finsert(struct registry *r, const char *owner, const char *friend_id, const char *remark, const char *group,
            const char *source, const char *wording, uint64_t now);

/* A member of a JSON object at path: its text (malloc'd; NULL when absent), or its integer
 * (`otherwise` when absent). */
int fmember_text(struct registry *r, const char *json, const char *path, char **text);
int fmember_int(struct registry *r, const char *json, const char *path, int64_t otherwise, int64_t *value);

/* ERR_INVALID_PARAMETERS (described) when the member at path is there and is not an integer from
 * 0 to max (an enum's values). */
int fenum(struct registry *r, const char *json, const char *path, int max);

/* Deletes friends of user's (a JSON array of ids), both ways or one, with the news of the users
 * whose lists changed: *results a FriendResult per id (NULL: not wanted). */
int fdelete(struct registry *r, const char *user, const char *ids_json, bool both, char **results);

/* Calls fn for each element (a string) of a JSON array; stops at the first failure. */
int feach(struct registry *r, const char *array, int (*fn)(struct registry *r, const char *value, void *ctx), void *ctx);

/* A FriendResult object. */
int fresult(struct registry *r, const char *id, int code, const char *desc, char **result);

#endif  /* TIMCONV_REGISTRY_FRIENDS_INTERNAL_H_ */
