/* What the group registry's files share (registry.c: connection and reads; registry_membership.c:
 * the membership rules; registry_sql.c: the SQL). Worker thread only: see registry.h. */
#ifndef TIMCONV_REGISTRY_INTERNAL_H_
#define TIMCONV_REGISTRY_INTERNAL_H_

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/registry.h"
#include "util/text.h"

#define REGISTRY_VERSION_TEXT "2"

enum reg_stmt {
    R_BEGIN,
    R_COMMIT,
    R_ROLLBACK,
    R_SAVEPOINT,
    R_ROLLBACK_TO,
    R_RELEASE,
    R_GROUP,
    R_GROUP_INSERT,
    R_MEMBER_INSERT,
    R_INITIAL_MEMBERS,
    R_INITIAL_NAMES,
    R_MEMBER_ROLE,
    R_MEMBER_DELETE,
    R_GROUP_DELETE,
    R_MEMBERS_DELETE,
    R_RECIPIENTS,
    R_NEXT_SEQ,
    R_JOINED,
    R_INFO_LIST,
    R_MEMBER_LIST,
    R_PASS_OWNER,
    R_PASS_OWNER_ROLE,
    R_NOTICE_ELEMS,
    R_CREATE_PARAM,
    R_TIP_MESSAGE,
    R_REPORT_MESSAGE,
    R_MODIFY_PARAM,
    R_MODIFY_GROUP,
    R_CHANGE_INFO,
    R_SET_ROLE,
    R_PARAM_USERS,
    R_OUTSIDERS,
    R_INSIDERS,
    R_ARRAY_LENGTH,
    R_MEMBER_RESULTS,
    R_BAD_IDS,
    R_ADD_MEMBERS,
    R_OUTRANKED,
    R_REMOVE_MEMBERS,
    R_MEMBER_PARAM,
    R_SET_MEMBER,
    R_MUTE_CHANGE,
    R_PENDENCY_ADD,
    R_APPROVERS,
    R_HANDLE_PARAM,
    R_PENDENCY_GET,
    R_PENDENCY_HANDLE,
    R_PENDENCY_LIST,
    R_PENDENCY_READ,
    R_PENDENCIES_DELETE,
    R_SEARCH_GROUPS,
    R_GROUP_FACES,
    R_SEARCH_MEMBERS,
    R_COUNT
};

extern const char registry_schema_sql[];
extern const char registry_upgrade_sql[];

/* Room for the statements of registry_profiles.c and registry_group_data.c (each its own table of SQL). */
#define REGISTRY_PROFILE_STMTS 32
/* Room for the statements of the friendship files (registry_friends_sql.c). */
#define REGISTRY_FRIEND_STMTS 48
#define REGISTRY_GROUP_DATA_STMTS 24
extern const char *const reg_sql[R_COUNT];

struct registry {
    sqlite3 *db;
    sqlite3_stmt *stmt[R_COUNT];
    char root[4096];
    uint64_t app_id;
    char error[256];
    bool batch_open;   /* a batch's transaction is open (registry_batch_begin) */
    int batch_failure; /* what lost the open batch's transaction, once something has */
    sqlite3_stmt *profile_stmt[REGISTRY_PROFILE_STMTS]; /* registry_profiles.c's, by its own ids */
    sqlite3_stmt *friend_stmt[REGISTRY_FRIEND_STMTS];   /* the friendship files', by their own ids */
    sqlite3_stmt *group_data_stmt[REGISTRY_GROUP_DATA_STMTS]; /* registry_group_data.c's, by its own ids */
};

/* The profiles' table (registry_profiles.c), created with the registry's, and their statements'
 * end. */
extern const char registry_profiles_schema_sql[];
void registry_profiles_close(struct registry *r);

/* The friendship tables (registry_friends_sql.c), created with the registry's, and their
 * statements' end. */
extern const char registry_friends_schema_sql[];
void registry_friends_close(struct registry *r);
/* The tables of groups' attributes, counters and marks (registry_group_data.c), created with the
 * registry's, and their statements' end. */
extern const char registry_group_data_schema_sql[];
void registry_group_data_close(struct registry *r);

/* A group as the rules read it. */
struct group_row {
    int type;
    int add_option;
    char owner[TEXT_ID_MAX + 1];
    int64_t max_member;
    int64_t members;
    char *name;     /* malloc'd */
    char *face_url; /* malloc'd */
    bool shutup_all;
};

/* The prepared statement id (NULL only when it cannot compile). */
sqlite3_stmt *rstmt(struct registry *r, enum reg_stmt id);

/* Records the connection's last error as "what: message"; returns its TIMErrCode. */
int rfail(struct registry *r, const char *what);

/* A rule refused the change: records the description (fmt with the group id) and returns code. */
int refuse(struct registry *r, int code, const char *fmt, const char *group_id);

/* Steps a statement and resets it (rows ignored); rquery_text: the first column of the first row,
 * malloc'd (NULL: no row). */
int rexec(struct registry *r, sqlite3_stmt *st, const char *what);
int rquery_text(struct registry *r, sqlite3_stmt *st, char **out, const char *what);

/* Statement id with ?1 = group_id bound. */
sqlite3_stmt *bind_group(struct registry *r, enum reg_stmt id, const char *group_id);

/* BEGIN IMMEDIATE; rfinish commits when result is ERR_SUCC, else rolls back; returns the first failure. */
int rbegin(struct registry *r);
int rfinish(struct registry *r, int result);

/* Reads a group (ERR_SVR_GROUP_NOT_FOUND when none; g->name malloc'd); a user's role in it. */
int read_group(struct registry *r, const char *group_id, struct group_row *g);
int read_role(struct registry *r, const char *group_id, const char *user, int *role);

/* user's role in group_id and the time their mute ends (0: not muted at time now). */
int read_member(struct registry *r, const char *group_id, const char *user, uint64_t now, int *role,
                int64_t *muted_until);

/* Frees a group_row's texts. */
void group_row_clear(struct group_row *g);

/* Takes the group's next message seq at time now. */
int take_seq(struct registry *r, const char *group_id, uint64_t now, int64_t *seq);

/* The vendor's member limit of a group type (TIMGroupManager.h 1.3); 0: no limit. */
int64_t registry_type_member_limit(int type);

/* Opens the transaction of a change user makes to group_id: the group (g's texts malloc'd) and
 * user's role in it (kTIMMemberRole_None when not a member). Always ended by end_change, which
 * commits when result is ERR_SUCC, else rolls back and clears c; it returns the first failure. */
int begin_change(struct registry *r, const char *group_id, const char *user, struct group_row *g, int *role,
                 struct group_change *c);
int end_change(struct registry *r, int result, struct group_row *g, struct group_change *c);

/* user asks to join group g (group_id) with hello: the request waits for the owner or an admin,
 * who receive a kTIMGroupReport_AddRequest report (c). Inside registry_join's change. */
int registry_request_join(struct registry *r, struct group_row *g, const char *group_id, const char *user,
                          const char *hello, uint64_t now, struct group_change *c);

/* Fills c from group g (its name taken) and the current members. */
int describe_change(struct registry *r, const char *group_id, struct group_row *g, struct group_change *c);

/* c->notice and c->tips: the tip of tip_type about the users of a JSON array (tip_notice, with
 * `more` members of its GroupTipsElem, a JSON object or NULL) or about the one user (user_tip),
 * done by op_user. */
int tip_notice(struct registry *r, struct group_change *c, int tip_type, int join_type, const char *op_user,
               const char *users, const char *more);
int user_tip(struct registry *r, struct group_change *c, int tip_type, int join_type, const char *user);

#endif  /* TIMCONV_REGISTRY_INTERNAL_H_ */
