/* What a group keeps besides its information and members, in the group registry's database
 * (registry.h), shared by every process of the app as the vendor's server keeps it for every
 * device: its attributes (TIMGroupManager.h 5.4-5.7), its counters (5.9-5.12) and its members'
 * marks (7.6). Each change of a group's attributes, and of each of its counters, takes the next
 * value of one change counter, kept per group and key (the latest change only): a process learns
 * what changed since it last looked by asking for the changes past the value it saw, in the
 * groups its user is a member of (runtime/group_news.h). A dismissed group's data, and a member's
 * marks when they leave, go with them (triggers of the schema). Worker thread only, like the rest
 * of the registry.
 *
 * Functions return ERR_SUCC or a TIMErrCode (registry_error() describes it); JSON results are
 * malloc'd. */
#ifndef TIMCONV_REGISTRY_GROUP_DATA_H_
#define TIMCONV_REGISTRY_GROUP_DATA_H_

#include <stdbool.h>
#include <stdint.h>

#include "store/registry.h"

/* The vendor's limits of attributes (TIMGroupManager.h 693-695): 16 keys of at most 32 bytes,
 * values of at most 4 KB, 16 KB for keys and values together. */
#define GROUP_ATTRIBUTES_MAX 16
#define GROUP_ATTRIBUTE_KEY_MAX 32
#define GROUP_ATTRIBUTE_VALUE_MAX 4096
#define GROUP_ATTRIBUTES_BYTES_MAX 16384

/* A counter's key: 1 to 128 bytes (the vendor's header is silent: docs/vendor.md). */
#define GROUP_COUNTER_KEY_MAX 128

/* The vendor's marks (TIMGroupManager.h 1299): a mark type is at least 1000, at most 10 of them
 * in one group. */
#define GROUP_MARK_TYPE_MIN 1000
#define GROUP_MARK_TYPES_MAX 10

/* How a change of attributes goes (TIMGroupManager.h 5.4-5.6). */
enum attributes_change { ATTRIBUTES_INIT, ATTRIBUTES_SET, ATTRIBUTES_DELETE };

/* user changes group_id's attributes: INIT replaces them all with the GroupAttributes array json,
 * SET adds or updates those it names, DELETE removes the keys of the JSON array json (NULL or
 * empty: all of them). Members only (10007); the limits above (10004); 10056 when `seen` (the
 * version of the attributes the caller's process last read or wrote) is not the current one.
 * *version: the attributes' version after the change. */
int registry_change_attributes(struct registry *r, const char *group_id, const char *user, enum attributes_change how,
                               const char *json, int64_t seen, int64_t *version);

/* group_id's attributes (a GroupAttributes array, by key) of the keys of the JSON array keys_json
 * (NULL or empty: all), read by member user (10007 otherwise); *version: their version. */
int registry_attributes(struct registry *r, const char *group_id, const char *user, const char *keys_json,
                        char **attributes, int64_t *version);

/* user sets group_id's counters from a GroupCounter array (members only, never a Community's:
 * 10007; keys as above: 10004). *counters: the GroupCounter array set. */
int registry_set_counters(struct registry *r, const char *group_id, const char *user, const char *counters_json,
                          char **counters);

/* user adds `change` to group_id's counter `key` (takes it away: decrease), which is 0 when it has
 * none yet; 10004 when the value would leave int64. *counters: a GroupCounter array of the counter
 * after it. */
int registry_change_counter(struct registry *r, const char *group_id, const char *user, const char *key, int64_t change,
                            bool decrease, char **counters);

/* group_id's counters of the keys of the JSON array keys_json (NULL or empty: all), a GroupCounter
 * array by key (keys never set left out), read by member user. */
int registry_counters(struct registry *r, const char *group_id, const char *user, const char *keys_json,
                      char **counters);

/* The owner of Live group group_id marks (enable) or unmarks the members of the JSON array
 * users_json with mark_type (TIMGroupManager.h 7.6). c: the kTIMGroupTip_MemberMarkChange tip to
 * every member. */
int registry_mark_members(struct registry *r, const char *group_id, const char *user, const char *users_json,
                          uint32_t mark_type, bool enable, uint64_t now, struct group_change *c);

/* The latest value of the change counter (0: nothing changed yet). */
int registry_group_data_seq(struct registry *r, int64_t *seq);

/* One change for group_news: of group_id's attributes (counter_key NULL; attributes: all of
 * them, a GroupAttributes array) or of one of its counters (counter_key, value). */
typedef void (*group_data_change_fn)(const char *group_id, const char *counter_key, const char *attributes,
                                     int64_t value, void *ctx);

/* Calls fn for each change after counter value `since`, up to `until`, in a group user is a
 * member of, oldest first. */
int registry_group_data_news(struct registry *r, int64_t since, int64_t until, const char *user,
                             group_data_change_fn fn, void *ctx);

#endif  /* TIMCONV_REGISTRY_GROUP_DATA_H_ */
