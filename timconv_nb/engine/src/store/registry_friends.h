/* Friendship (TIMFriendshipManager.h): friend lists, friend requests, block lists and friend
 * groups, kept in the group registry's database (registry.h) beside the profiles, shared by every
 * process of the app as the vendor's server keeps them for every device. Each change also writes
 * friend news: rows addressed to a user, one per notification that user's processes announce
 * (runtime/friend_news.h), numbered by the counter the profile changes use (registry_profiles.h),
 * so one poll finds both. Worker thread only, like the rest of the registry.
 *
 * `user` is always the logged-in user making the call. Functions return ERR_SUCC or a TIMErrCode
 * (registry_error() describes it); JSON results are malloc'd. */
#ifndef TIMCONV_REGISTRY_FRIENDS_H_
#define TIMCONV_REGISTRY_FRIENDS_H_

#include <stdbool.h>
#include <stdint.h>

#include "store/registry.h"

/* The vendor's limits in bytes (TIMErrorCode.h 104, 105, 107; TIMFriendshipManager.h 1313). */
#define FRIEND_REMARK_MAX 96
#define FRIEND_WORDING_MAX 120
#define FRIEND_GROUP_NAME_MAX 30

/* The next value of the change counter friend news and profile changes share, and its latest (SQL
 * expressions: registry_profiles.c numbers profile changes with them). */
#define CHANGE_SEQ_LATEST                                                                            \
    "max((SELECT coalesce(max(change_seq), 0) FROM im_profile),"                                     \
    " (SELECT coalesce(max(seq), 0) FROM im_friend_news))"
#define CHANGE_SEQ_NEXT "(" CHANGE_SEQ_LATEST " + 1)"

/* The viewer's remark for user `peer` (SQL expressions; NULL when none): what a C2C conversation
 * shows first (TIMConversationManager.h 959-961). */
#define FRIEND_REMARK(viewer, peer) \
    "(SELECT nullif(remark, '') FROM im_friend WHERE owner = " viewer " AND friend = " peer ")"

/* The users whose remark for viewer changed with the friend news after counter value `since`
 * (SQL: a SELECT of one column, value). */
#define FRIEND_RENAMED_SINCE(since, viewer)                                                        \
    "SELECT DISTINCT r.value FROM im_friend_news AS n, json_each(n.renamed) AS r"                  \
    " WHERE n.user_id = " viewer " AND n.seq > " since " AND n.renamed IS NOT NULL"

/* What a notification of friend news is: one per callback of TIMFriendshipManager.h 2.1-2.13. */
enum friend_news_kind {
    FRIEND_NEWS_ADDED = 1,          /* json: user ids */
    FRIEND_NEWS_DELETED,            /* json: user ids */
    FRIEND_NEWS_PROFILE,            /* json: FriendProfileUpdate array */
    FRIEND_NEWS_REQUEST,            /* json: FriendAddPendency array */
    FRIEND_NEWS_REQUEST_DELETED,    /* json: user ids */
    FRIEND_NEWS_REQUEST_READ,       /* nothing */
    FRIEND_NEWS_BLOCKED,            /* json: FriendProfile array */
    FRIEND_NEWS_UNBLOCKED,          /* json: user ids */
    FRIEND_NEWS_GROUP_CREATED,      /* name, json: FriendProfile array */
    FRIEND_NEWS_GROUP_DELETED,      /* json: group names */
    FRIEND_NEWS_GROUP_RENAMED,      /* name, new_name */
    FRIEND_NEWS_GROUP_ADDED,        /* name, json: FriendProfile array */
    FRIEND_NEWS_GROUP_REMOVED,      /* name, json: user ids */
};

/* ---- friends (TIMFriendshipManager.h 4.1-4.7) ---- */

/* Every friend's FriendProfile (10.2), first added first. */
int registry_friend_list(struct registry *r, const char *user, char **list);

/* A FriendInfoGetResult (15.2) for each user of a JSON array of ids, in its order. */
int registry_friends_info(struct registry *r, const char *user, const char *ids_json, char **results);

/* The FriendInfoGetResults of the friends a FriendSearchParam (15.1) finds. */
int registry_friend_search(struct registry *r, const char *user, const char *param_json, char **results);

/* Applies a FriendshipModifyFriendProfileParam (10.4) to one friend of user's. */
int registry_friend_modify(struct registry *r, const char *user, const char *param_json);

/* A FriendshipAddFriendParam (11.1): *result a FriendResult (13.1) whose code says what became of
 * it (0 friends now, 30539 a request waits, or the refusal). */
int registry_friend_add(struct registry *r, const char *user, const char *param_json, uint64_t now, char **result);

/* A FriendshipDeleteFriendParam (11.2): *results a FriendResult per user id. */
int registry_friend_delete(struct registry *r, const char *user, const char *param_json, char **results);

/* A FriendshipCheckFriendTypeParam (12.1): *results a FriendshipCheckFriendTypeResult per user id. */
int registry_friend_check(struct registry *r, const char *user, const char *param_json, char **results);

/* ---- friend requests (5.1-5.4) ---- */

/* A PendencyPage (11.5) for a FriendshipGetPendencyListParam (11.4). */
int registry_friend_requests(struct registry *r, const char *user, const char *param_json, char **page);

/* A FriendResponse (11.7) to the request of its user: *result a FriendResult. */
int registry_friend_respond(struct registry *r, const char *user, const char *param_json, uint64_t now, char **result);

/* The requests to user up to time `until` are read. */
int registry_friend_requests_read(struct registry *r, const char *user, uint64_t until);

/* A FriendshipDeletePendencyParam (11.8): *results a FriendResult per user id. */
int registry_friend_requests_delete(struct registry *r, const char *user, const char *param_json, char **results);

/* ---- block list (6.1-6.3) and friend groups (7.1-7.4) ---- */

/* The FriendProfiles of the users user blocked, first blocked first. */
int registry_blocked_list(struct registry *r, const char *user, char **list);

/* Blocks (block) or unblocks the users of a JSON array of ids: *results a FriendResult per id. */
int registry_block(struct registry *r, const char *user, const char *ids_json, bool block, uint64_t now, char **results);

/* Whether blocker blocked user. */
int registry_is_blocked(struct registry *r, const char *blocker, const char *user, bool *blocked);

/* A CreateFriendGroupParam (14.1): *results a FriendResult per user id it names. */
int registry_friend_group_create(struct registry *r, const char *user, const char *param_json, char **results);

/* The FriendGroupInfos (14.2) of the groups a JSON array names (empty: every group). */
int registry_friend_group_list(struct registry *r, const char *user, const char *names_json, char **groups);

/* Deletes the groups a JSON array names. */
int registry_friend_group_delete(struct registry *r, const char *user, const char *names_json);

/* A FriendshipModifyFriendGroupParam (14.3): *results a FriendResult per user id it adds or removes. */
int registry_friend_group_modify(struct registry *r, const char *user, const char *param_json, char **results);

/* ---- news ---- */

/* Calls fn with each friend news row addressed to user with a counter value in (since, until],
 * in order (name, new_name, json NULL when the kind has none). */
typedef void (*friend_news_fn)(enum friend_news_kind kind, const char *name, const char *new_name, const char *json,
                               void *ctx);
int registry_friend_news(struct registry *r, const char *user, int64_t since, int64_t until, friend_news_fn fn,
                         void *ctx);

#endif  /* TIMCONV_REGISTRY_FRIENDS_H_ */
