/* Users' profiles (TIMManager.h 6.1-6.4, 8.3-8.5), kept in the group registry's database
 * (registry.h) beside the groups: one row per user who ever changed theirs, shared by every
 * process of the app as the vendor's server keeps them for every device. Each change takes the
 * next value of a counter (change_seq), so a process learns what changed since it last looked by
 * asking for the rows past the counter it saw. Worker thread only, like the rest of the registry.
 *
 * Functions return ERR_SUCC or a TIMErrCode (registry_error() describes it); JSON results are
 * malloc'd. */
#ifndef TIMCONV_REGISTRY_PROFILES_H_
#define TIMCONV_REGISTRY_PROFILES_H_

#include <stdbool.h>
#include <stdint.h>

#include "store/registry.h"
#include "store/store.h"

/* A UserProfile (TIMManager.h 8.3) of user id `id` and its im_profile row p (NULL columns when
 * the user never changed theirs: the defaults). */
#define USER_PROFILE(id)                                                                                     \
    "json_object('user_profile_identifier', " id ", 'user_profile_nick_name', coalesce(p.nick_name, ''),"  \
    " 'user_profile_gender', coalesce(p.gender, 0), 'user_profile_face_url', coalesce(p.face_url, ''),"    \
    " 'user_profile_self_signature', coalesce(p.self_signature, ''),"                                      \
    " 'user_profile_add_permission', coalesce(p.add_permission, 0),"                                       \
    " 'user_profile_location', coalesce(p.location, ''), 'user_profile_language', coalesce(p.language, 0)," \
    " 'user_profile_birthday', coalesce(p.birthday, 0), 'user_profile_level', coalesce(p.level, 0),"       \
    " 'user_profile_role', coalesce(p.role, 0),"                                                            \
    " 'user_profile_custom_string_array', (SELECT json_group_array(json_object("                           \
    "  'user_profile_custom_string_info_key', key, 'user_profile_custom_string_info_value', value))"        \
    "  FROM json_each(coalesce(p.custom, '{}'))))"

/* The vendor's limits: the users of one profile list call (its server's), bytes of a string value
 * (TIMErrorCode.h 244, 40601). */
#define PROFILE_LIST_MAX 100
#define PROFILE_VALUE_MAX 500

/* `code` (described) when an element of a JSON array of strings is not a user id (1 to 127 bytes). */
int registry_check_user_ids(struct registry *r, const char *ids_json, int code);

/* A UserProfile array for a JSON array of user ids, in its order (a user who never changed a
 * profile: the defaults); 40001 for an element that is not a user id (1 to 127 bytes). */
int registry_profiles(struct registry *r, const char *ids_json, char **profiles);

/* Applies a UserProfileItem object (shape: an object; its values are checked here, with the
 * vendor's codes) to user's profile. *profile: the user's UserProfile after it; *seq: the change's
 * counter value. */
int registry_profile_modify(struct registry *r, const char *user, const char *item_json, char **profile,
                            int64_t *seq);

/* The counter of the latest profile change (0: none yet). */
int registry_profile_seq(struct registry *r, int64_t *seq);

/* What changed in profiles after counter value `since`, as `user` (the logged-in user) sees it. */
struct profile_news {
    char *faces;      /* every changed user's {CONV_FACE_*} (store_conv_faces_set), oldest change first */
    char *subscribed; /* the UserProfile array of the changed users `user` subscribed to; NULL: none */
    char *own;        /* user's own UserProfile, when changed other than by the change own_seq; NULL: not */
    int64_t latest;   /* the counter of the last change (since when none) */
};
int registry_profile_news(struct registry *r, int64_t since, const char *user, int64_t own_seq,
                          struct profile_news *news);
void profile_news_clear(struct profile_news *n);

/* Subscriptions (TIMManager.h 6.3, 6.4, 6.7, 6.8): subscriber's of `kind` to the users of a JSON
 * array are added (subscribe; past PROFILE_SUBSCRIPTIONS_MAX the first subscribed go) or removed
 * (ids_json NULL: all of that kind). */
enum profile_subscription { SUBSCRIPTION_INFO, SUBSCRIPTION_STATUS };
#define PROFILE_SUBSCRIPTIONS_MAX 200
int registry_subscribe(struct registry *r, const char *subscriber, enum profile_subscription kind, const char *ids_json, bool subscribe);

/* What a C2C conversation of viewer's with each of a JSON array of user ids shows: {CONV_FACE_*}
 * objects (store_conv_faces_set), only for users whose profile gives a name or a face, or whom
 * viewer gave a friend remark (viewer NULL: nobody's remark, the faces any user sees). */
int registry_conv_faces(struct registry *r, const char *viewer, const char *ids_json, char **faces);


/* Users' statuses (TIMManager.h 1.4, 6.5-6.8, 8.2). The status type is read where the caller
 * knows who is online: `online` holds one character per id of ids_json, '1' for a user a process
 * holds the login of (store/presence.h); the others are offline while logged in (a login not
 * followed by a logout: the process died, or was uninitialised), else not logged in. */
int registry_statuses(struct registry *r, const char *ids_json, const char *online, char **statuses);

/* The users subscriber follows the statuses of: a JSON array, first subscribed first. */
int registry_status_targets(struct registry *r, const char *subscriber, char **ids);

/* The statuses of now (a TIMUserStatus array) that differ from before's (those of the same users,
 * in the same order, seen earlier); NULL: none. */
int registry_status_changes(struct registry *r, const char *now, const char *before, char **changed);

/* Sets user's custom status from a TIMUserStatus object: a string of at most 100 bytes (the
 * vendor's V2TIMUserStatus limit), else ERR_INVALID_PARAMETERS. */
int registry_set_custom_status(struct registry *r, const char *user, const char *status_json);

/* Records that user logged in (until a TIMLogout) or out. */
int registry_set_logged_in(struct registry *r, const char *user, bool logged_in);

#endif  /* TIMCONV_REGISTRY_PROFILES_H_ */
