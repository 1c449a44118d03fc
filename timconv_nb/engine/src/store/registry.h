/* The group registry: which groups exist and who their members are, kept in one SQLite database
 * per sdk_app_id under the data root (<root>/timconv/<app_id>/groups.db), shared by every process
 * of that app as the vendor's server is shared by every device. It also hands out each group's
 * message sequence numbers, so that a group message has the same seq in every member's store.
 *
 * Used only by the engine's worker thread (one open registry, kept until registry_close), so it
 * takes no lock of its own; other processes are kept apart by SQLite's file locks (BEGIN
 * IMMEDIATE around every change, or around a batch of the worker's calls: see
 * registry_batch_begin).
 *
 * Functions return ERR_SUCC or a TIMErrCode (the vendor's group codes for the group rules,
 * ERR_IO_OPERATION_FAILED / ERR_OUT_OF_MEMORY otherwise); registry_error() then describes it.
 * JSON results are malloc'd. */
#ifndef TIMCONV_REGISTRY_H_
#define TIMCONV_REGISTRY_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct registry;

/* The registry of (root, app_id), opened (and created) on first use; NULL on failure, with *code
 * and err set. */
struct registry *registry_get(const char *root, uint64_t app_id, int *code, char *err, size_t err_size);

/* Closes the open registry (logout, TIMUninit). */
void registry_close(void);

/* A batch of the worker's calls (runtime/engine.c, run_transaction: queued sends): from here to
 * registry_batch_end, the registry's changes share one transaction, begun by the first of them,
 * each change a savepoint in it (a change that fails undoes only itself). One BEGIN and COMMIT
 * for a batch of group sends instead of one per send's seq. */
void registry_batch_begin(void);

/* Commits the batch's registry transaction, if one was begun; ERR_SUCC, or the failure that lost
 * it (described in err), for which the caller fails the whole batch. Called before the stores'
 * commit: a seq is never in a committed store without the registry having counted it. */
int registry_batch_end(char *err, size_t err_size);

const char *registry_error(const struct registry *r);

/* The vendor's limits: group ids of at most 48 bytes, at most 20 initial members. */
#define REGISTRY_GROUP_ID_MAX 48
#define REGISTRY_INITIAL_MEMBERS_MAX 20

/* The vendor's limits of a group's texts in bytes (TIMErrorCode.h 87-91: 8502-8506). */
#define REGISTRY_NAME_MAX 30
#define REGISTRY_INTRODUCTION_MAX 240
#define REGISTRY_NOTIFICATION_MAX 300
#define REGISTRY_FACE_URL_MAX 100
#define REGISTRY_NAME_CARD_MAX 50

/* kTIMGroupModifyInfoFlag_Owner as the unsigned bit the registry reads (the enum's value is negative). */
#define REGISTRY_OWNER_FLAG 0x80000000u

/* What a group change tells the members: the group, and the members to tell. */
struct group_change {
    char id[REGISTRY_GROUP_ID_MAX + 1];
    char *name;       /* malloc'd */
    char *face_url;   /* malloc'd: the group's face, which its conversations show */
    int type;         /* TIMGroupType */
    int64_t seq;      /* the seq of the tip or report that tells of the change */
    int64_t members;  /* the member count after the change */
    char *recipients; /* malloc'd JSON array of the user ids to tell */
    char *notice;     /* malloc'd Message telling of it (a group tip or report), or NULL */
    char *tips;       /* malloc'd JSON array of the notice's GroupTipsElem (a tip), or NULL */
    char *faces;      /* malloc'd: what the group's conversation shows after a change of its name or face, a
                       * {CONV_FACE_*} array (store_conv_faces_set); NULL when neither changed */
};

void group_change_clear(struct group_change *c);

/* Creates a group from a CreateGroupParam (shape already checked) with owner as its owner, at
 * time now. The id is taken from the param or generated. c->recipients: every member (the owner
 * and the initial members); c->seq: the seq of the tip of initial members (0 when none). */
int registry_create(struct registry *r, const char *param_json, const char *owner, uint64_t now,
                    struct group_change *c);

/* Adds user to group_id by the rules of its type (TIMGroupManager.h 4.3). c->recipients: every
 * member, the new one included. A Public group whose add option is Auth keeps the request (with
 * hello, may be NULL) for its owner and admins instead: c->recipients are they, c->notice their
 * kTIMGroupReport_AddRequest report. */
int registry_join(struct registry *r, const char *group_id, const char *user, const char *hello, uint64_t now,
                  struct group_change *c);

/* Removes user from group_id by the rules of 4.4, at time now. c->recipients: the members left
 * and user. */
int registry_quit(struct registry *r, const char *group_id, const char *user, uint64_t now, struct group_change *c);

/* Dismisses group_id (4.2: its owner, never a Work group) at time now. c->recipients: every
 * member it had. */
int registry_dismiss(struct registry *r, const char *group_id, const char *user, uint64_t now, struct group_change *c);

/* Changes group_id's information as GroupModifyInfoParam param_json (types checked) asks, by the
 * rules of TIMGroupManager.h 5.3, as user at time now. c->recipients: every member; c->notice the
 * kTIMGroupTip_GroupInfoChange tip (NULL when nothing changed has one); c->name and c->face_url the
 * group's new name and face, c->faces what its conversation shows when it was renamed or its face
 * changed. */
int registry_modify_info(struct registry *r, const char *param_json, const char *group_id, const char *user,
                         uint64_t now, struct group_change *c);

/* Invites the users of GroupInviteMemberParam param_json (types checked) into group_id as user, by
 * TIMGroupManager.h 7.4. *results: a GroupInviteMemberResult array (malloc'd); c->notice the Invite
 * tip of those added (NULL when none was). */
int registry_invite(struct registry *r, const char *param_json, const char *group_id, const char *user, uint64_t now,
                    struct group_change *c, char **results);

/* Removes the members of GroupDeleteMemberParam param_json from group_id as user, by 7.5.
 * *results: a GroupDeleteMemberResult array; c->recipients the members before (those removed are
 * told), c->notice the Kick tip (NULL when nobody was a member). */
int registry_remove(struct registry *r, const char *param_json, const char *group_id, const char *user, uint64_t now,
                    struct group_change *c, char **results);

/* Changes a member's role, mute or name card as GroupModifyMemberInfoParam param_json asks, by 7.3.
 * c->notice: the SetAdmin, CancelAdmin or MemberInfoChange tip (NULL for a name card). */
int registry_modify_member(struct registry *r, const char *param_json, const char *group_id, const char *user,
                           uint64_t now, struct group_change *c);

/* The owner or an admin accepts or refuses a request to join (GroupHandlePendencyParam param_json,
 * types checked; 8.2). Accepted: the requester joins (c: the Invite tip, join type Apply, to every
 * member); refused: c->recipients the requester, c->notice a kTIMGroupReport_AddRefuse report. */
int registry_handle_pendency(struct registry *r, const char *param_json, const char *group_id, const char *user,
                             uint64_t now, struct group_change *c);

/* user's GroupPendencyResult (8.1), and their read time moved up to time_stamp (8.3). */
int registry_pendency_list(struct registry *r, const char *user, char **result_json);
int registry_pendency_read(struct registry *r, const char *user, uint64_t time_stamp);

/* The next message seq of group_id for a message `sender` sends at time now: 10010 when there is
 * no such group, 10007 when sender is not a member. c->recipients: every member. */
int registry_next_seq(struct registry *r, const char *group_id, const char *sender, uint64_t now,
                      struct group_change *c);

/* The members of group_id, a JSON array (10010 when no such group). */
int registry_members(struct registry *r, const char *group_id, char **members);

/* user's role in group_id (kTIMMemberRole_None when not a member; 10010 when no such group). */
int registry_role(struct registry *r, const char *group_id, const char *user, int *role);

/* A GroupBaseInfo array of the groups user is a member of, oldest membership first. */
int registry_joined(struct registry *r, const char *user, char **list);

/* A GetGroupInfoResult array for a JSON array of group ids. */
int registry_info_list(struct registry *r, const char *ids_json, char **list);

/* A GroupGetMemberInfoListResult for a GroupGetMemberInfoListParam (shape already checked) naming
 * group_id; 10007 unless user is a member. */
int registry_member_list(struct registry *r, const char *param_json, const char *group_id, const char *user,
                         uint64_t now, char **result);

/* The groups user is in that GroupSearchParam param_json finds (a GroupDetailInfo array): 1 to 5
 * keywords (6017 otherwise, TIMGroupManager.h 563). */
int registry_search_groups(struct registry *r, const char *param_json, const char *user, char **list);

/* The members of the groups user is in that GroupMemberSearchParam param_json finds (a
 * GroupSearchGroupMembersResult array, TIMGroupManager.h 7.2): 1 to 5 keywords and a field list
 * naming at least one field (6017 otherwise, 1123, 1832-1835), at time now (members' mutes). */
int registry_search_members(struct registry *r, const char *param_json, const char *user, uint64_t now, char **list);

/* The members of a new group other than its owner (a JSON array), for the tip telling of them. */
int registry_initial_names(struct registry *r, const char *group_id, const char *owner, char **names);

#endif  /* TIMCONV_REGISTRY_H_ */
