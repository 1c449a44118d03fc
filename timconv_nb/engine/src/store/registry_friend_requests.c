/* Friend requests (TIMFriendshipManager.h 5.1-5.4): the pages of them, answering one, reading them,
 * deleting them; TIMFriendshipAddFriend leaves them (registry_friends.c). Worker thread only. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_friends_internal.h"
#include "util/json_check.h"

int registry_friend_requests(struct registry *r, const char *user, const char *param_json, char **page) {
    *page = NULL;
    int result = fenum(r, param_json, "$.friendship_get_pendency_list_param_type", FriendPendencyTypeBoth);
    return result == ERR_SUCC ? fquery(r, fstmt(r, F_REQUEST_PAGE, user, param_json), page, "list friend requests") : result;
}

/* A FriendResponse's values, and the request's (F_REQUEST_GET's columns). */
struct response {
    char *peer, *remark, *group;
    int64_t action;
    char *asked[5]; /* the request: its type, remark, group, source, wording */
};

static void response_clear(struct response *p) {
    free(p->peer);
    free(p->remark);
    free(p->group);
    for (int i = 0; i < 5; i++) free(p->asked[i]);
}

/* Reads the response and the request it answers (30614 when there is none, TIMErrorCode.h 271). */
static int read_response(struct registry *r, const char *user, const char *param_json, struct response *p) {
    int result = fenum(r, param_json, "$.friend_response_action", ResponseActionReject);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friend_response_identifier", &p->peer);
    if (result == ERR_SUCC) result = fmember_int(r, param_json, "$.friend_response_action", ResponseActionAgree, &p->action);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friend_response_remark", &p->remark);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friend_response_group_name", &p->group);
    if (result == ERR_SUCC && p->remark != NULL && strlen(p->remark) > FRIEND_REMARK_MAX) {
        snprintf(r->error, sizeof r->error, "friend_response_remark is longer than 96 bytes");
        result = ERR_SDK_FRIENDSHIP_INVALID_ADD_REMARK;
    }
    if (result == ERR_SUCC && p->group != NULL && strlen(p->group) > FRIEND_GROUP_NAME_MAX) {
        snprintf(r->error, sizeof r->error, "friend_response_group_name is longer than 30 bytes");
        result = ERR_SDK_FRIENDSHIP_FRIEND_GROUP_EMPTY;
    }
    if (result == ERR_SUCC && p->peer == NULL) result = ERR_OUT_OF_MEMORY; /* checked present when called */
    if (result == ERR_SUCC) result = frow(r, fstmt(r, F_REQUEST_GET, p->peer, user), p->asked, 5, "read the request");
    if (result == ERR_SUCC && p->asked[0] == NULL) {
        snprintf(r->error, sizeof r->error, "no friend request from %.200s", p->peer);
        result = ERR_SVR_FRIENDSHIP_PENDENCY_NOT_FOUND;
    }
    return result;
}

/* The user answers the request of p->peer: the request goes (2.5: the answerer's news; the asker's
 * when refused), then agreeing adds the user to the asker's list (with the asker's remark and
 * group), agreeing and adding also the asker to the user's (with the response's). */
static int respond(struct registry *r, const char *user, const struct response *p, uint64_t now) {
    char *self = json_array_of(user), *asker = json_array_of(p->peer);
    int result = self != NULL && asker != NULL ? fexec(r, fstmt(r, F_REQUEST_DROP, p->peer, user), "drop the request")
                                               : ERR_OUT_OF_MEMORY;
    const char *source = p->asked[3], *wording = p->asked[4];
    if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_REQUEST_DELETED, NULL, NULL, asker, NULL);
    if (result == ERR_SUCC && p->action == ResponseActionReject) {
        result = fnews(r, p->peer, FRIEND_NEWS_REQUEST_DELETED, NULL, NULL, self, NULL);
    }
    if (result == ERR_SUCC && p->action != ResponseActionReject) {
        result = finsert(r, p->peer, user, p->asked[1], p->asked[2], source, wording, now);
        if (result == ERR_SUCC) result = fnews(r, p->peer, FRIEND_NEWS_ADDED, NULL, NULL, self, p->asked[1][0] ? self : NULL);
    }
    if (result == ERR_SUCC && p->action == ResponseActionAgreeAndAdd) {
        const char *remark = p->remark != NULL ? p->remark : "";
        result = finsert(r, user, p->peer, remark, p->group, source, wording, now);
        if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_ADDED, NULL, NULL, asker, remark[0] ? asker : NULL);
    }
    free(self);
    free(asker);
    return result;
}

int registry_friend_respond(struct registry *r, const char *user, const char *param_json, uint64_t now, char **result_json) {
    *result_json = NULL;
    struct response p = {0};
    int result = rbegin(r);
    if (result != ERR_SUCC) return result;
    result = read_response(r, user, param_json, &p);
    if (result == ERR_SUCC) result = respond(r, user, &p, now);
    if (result == ERR_SUCC) result = fresult(r, p.peer, ERR_SUCC, "", result_json);
    response_clear(&p);
    result = rfinish(r, result);
    if (result != ERR_SUCC) {
        free(*result_json);
        *result_json = NULL;
    }
    return result;
}

int registry_friend_requests_read(struct registry *r, const char *user, uint64_t until) {
    int result = rbegin(r);
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *st = fstmt(r, F_REQUEST_READ, user, NULL);
    if (st != NULL) sqlite3_bind_int64(st, 3, (sqlite3_int64)until);
    result = fexec(r, st, "read friend requests");
    if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_REQUEST_READ, NULL, NULL, NULL, NULL);
    return rfinish(r, result);
}

int registry_friend_requests_delete(struct registry *r, const char *user, const char *param_json, char **results) {
    *results = NULL;
    char *ids = NULL, *rows[2] = {NULL}; /* the results, the ids of the requests deleted */
    int result = fenum(r, param_json, "$.friendship_delete_pendency_param_type", FriendPendencyTypeBoth);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friendship_delete_pendency_param_identifier_array", &ids);
    if (result == ERR_SUCC) result = registry_check_user_ids(r, ids, ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    if (result == ERR_SUCC) result = rbegin(r);
    if (result != ERR_SUCC) {
        free(ids);
        return result;
    }
    result = frow(r, fstmt(r, F_REQUEST_RESULTS, user, param_json), rows, 2, "read friend requests");
    if (result == ERR_SUCC) result = fexec(r, fstmt(r, F_REQUESTS_DELETE, user, param_json), "delete friend requests");
    if (result == ERR_SUCC && strcmp(rows[1], "[]") != 0) {
        result = fnews(r, user, FRIEND_NEWS_REQUEST_DELETED, NULL, NULL, rows[1], NULL);
    }
    result = rfinish(r, result);
    if (result == ERR_SUCC) {
        *results = rows[0];
        rows[0] = NULL;
    }
    free(rows[0]);
    free(rows[1]);
    free(ids);
    return result;
}
