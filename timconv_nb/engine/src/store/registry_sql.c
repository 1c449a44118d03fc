/* The group registry's SQL (another database than the stores', with its own schema): the schema
 * and every statement, by id (registry_internal.h). Every statement binds its parameters. */
#include "store/registry_internal.h"

#define REGISTRY_VERSION_TEXT "1"

const char registry_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS im_group ("
    " group_id TEXT PRIMARY KEY,"
    " group_type INTEGER NOT NULL," /* TIMGroupType */
    " name TEXT NOT NULL,"
    " introduction TEXT NOT NULL,"
    " notification TEXT NOT NULL,"
    " face_url TEXT NOT NULL,"
    " add_option INTEGER NOT NULL," /* TIMGroupAddOption */
    " max_member INTEGER NOT NULL,"
    " owner TEXT NOT NULL,"
    " create_time INTEGER NOT NULL,"
    " next_seq INTEGER NOT NULL DEFAULT 1," /* the seq of the group's next message, the same for every member */
    " last_msg_time INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_member ("
    " group_id TEXT NOT NULL,"
    " user_id TEXT NOT NULL,"
    " role INTEGER NOT NULL," /* TIMGroupMemberRole */
    " join_time INTEGER NOT NULL,"
    " join_order INTEGER NOT NULL," /* rises with each membership: the order within a second */
    " PRIMARY KEY (group_id, user_id)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS im_member_of_user ON im_member (user_id);"
    "CREATE INDEX IF NOT EXISTS im_member_order ON im_member (join_order);"
    "PRAGMA user_version=" REGISTRY_VERSION_TEXT ";";



/* The join_order of the next membership. */
#define NEXT_JOIN_ORDER "(SELECT coalesce(max(join_order), 0) + 1 FROM im_member)"

/* A GroupDetailInfo of im_group row g. */
#define DETAIL_INFO                                                                                         \
    "json_object('group_detail_info_group_id', g.group_id, 'group_detail_info_group_type', g.group_type,"  \
    " 'group_detail_info_group_name', g.name, 'group_detail_info_notification', g.notification,"          \
    " 'group_detail_info_introduction', g.introduction, 'group_detail_info_face_url', g.face_url,"        \
    " 'group_detail_info_create_time', g.create_time, 'group_detail_info_next_msg_seq', g.next_seq,"      \
    " 'group_detail_info_last_msg_time', g.last_msg_time,"                                                \
    " 'group_detail_info_member_num', (SELECT count(*) FROM im_member m WHERE m.group_id = g.group_id),"   \
    " 'group_detail_info_max_member_num', g.max_member, 'group_detail_info_add_option', g.add_option,"    \
    " 'group_detail_info_owner_identifier', g.owner)"

/* The role flag of a GroupGetMemberInfoListParam ?1 (TIMGroupMemberRoleFlag, 0: every role). */
#define ROLE_FLAG "coalesce(json_extract(?1, '$.group_get_members_info_list_param_option.group_member_get_info_option_role_flag'), 0)"

/* A group notice is a Message the members receive (TIMGroupManager.h 9.4 GroupTipsElem, TIMMessageManager.h
 * 7.11 GroupReportElem); it does not count as unread. */
#define NOTICE(elem) \
    "SELECT json_object('message_elem_array', json_array(" elem "), 'message_is_excluded_from_unread_count', json('true'))"

const char *const reg_sql[R_COUNT] = {
    /* ?1 group id, ?2 TIMGroupTipType, ?3 TIMGroupJoinType, ?4 operator, ?5 users (JSON array), ?6 member count */
    /* The elements of notice ?1 (the tips callback gets each GroupTipsElem). */
    [R_NOTICE_ELEMS] = "SELECT json_extract(?1, '$.message_elem_array')",
    /* The parts of CreateGroupParam ?1 its rules read: type, add option (-1: none given), max
     * members, the given id ("" none), the number of initial members. */
    [R_CREATE_PARAM] =
        "SELECT coalesce(json_extract(?1, '$.create_group_param_group_type'), 0),"
        " coalesce(json_extract(?1, '$.create_group_param_add_option'), -1),"
        " coalesce(json_extract(?1, '$.create_group_param_max_member_num'), 0),"
        " coalesce(json_extract(?1, '$.create_group_param_group_id'), ''),"
        " coalesce(json_array_length(?1, '$.create_group_param_group_member_array'), 0)",
    [R_TIP_MESSAGE] = NOTICE(
        "json_object('elem_type', 5, 'group_tips_elem_tip_type', ?2, 'group_tips_elem_join_type', ?3,"
        " 'group_tips_elem_op_user', ?4, 'group_tips_elem_group_id', ?1, 'group_tips_elem_user_array', json(?5),"
        " 'group_tips_elem_member_num', ?6)"),
    /* ?1 group id, ?2 group name, ?3 operator, ?4 TIMGroupReportType */
    [R_REPORT_MESSAGE] = NOTICE(
        "json_object('elem_type', 8, 'group_report_elem_report_type', ?4, 'group_report_elem_group_id', ?1,"
        " 'group_report_elem_group_name', ?2, 'group_report_elem_op_user', ?3)"),
    [R_BEGIN] = "BEGIN IMMEDIATE",
    [R_COMMIT] = "COMMIT",
    [R_ROLLBACK] = "ROLLBACK",
    [R_SAVEPOINT] = "SAVEPOINT registry_change",
    [R_ROLLBACK_TO] = "ROLLBACK TO registry_change",
    [R_RELEASE] = "RELEASE registry_change",
    [R_GROUP] =
        "SELECT group_type, add_option, owner, max_member, name, (SELECT count(*) FROM im_member WHERE group_id = ?1)"
        " FROM im_group WHERE group_id = ?1",
    /* ?1 id, ?2 type, ?3 the CreateGroupParam, ?4 add option, ?5 max members, ?6 owner, ?7 now */
    [R_GROUP_INSERT] =
        "INSERT INTO im_group (group_id, group_type, name, introduction, notification, face_url, add_option,"
        " max_member, owner, create_time) VALUES (?1, ?2,"
        " coalesce(json_extract(?3, '$.create_group_param_group_name'), ''),"
        " coalesce(json_extract(?3, '$.create_group_param_introduction'), ''),"
        " coalesce(json_extract(?3, '$.create_group_param_notification'), ''),"
        " coalesce(json_extract(?3, '$.create_group_param_face_url'), ''), ?4, ?5, ?6, ?7)",
    [R_MEMBER_INSERT] =
        "INSERT INTO im_member (group_id, user_id, role, join_time, join_order)"
        " VALUES (?1, ?2, ?3, ?4, " NEXT_JOIN_ORDER ")",
    /* The initial members of CreateGroupParam ?2 other than the owner ?4: Admin when asked, else Normal. */
    [R_INITIAL_MEMBERS] =
        "INSERT INTO im_member (group_id, user_id, role, join_time, join_order)"
        " SELECT ?1, json_extract(value, '$.group_member_info_identifier'),"
        "  CASE WHEN json_extract(value, '$.group_member_info_member_role') = 300 THEN 300 ELSE 200 END, ?3,"
        "  " NEXT_JOIN_ORDER " + key"
        " FROM json_each(?2, '$.create_group_param_group_member_array')"
        " WHERE json_extract(value, '$.group_member_info_identifier') <> ?4 ON CONFLICT DO NOTHING",
    [R_INITIAL_NAMES] =
        "SELECT json_group_array(user_id) FROM (SELECT user_id FROM im_member WHERE group_id = ?1 AND user_id <> ?2"
        " ORDER BY user_id)",
    [R_MEMBER_ROLE] = "SELECT role FROM im_member WHERE group_id = ?1 AND user_id = ?2",
    [R_MEMBER_DELETE] = "DELETE FROM im_member WHERE group_id = ?1 AND user_id = ?2",
    [R_GROUP_DELETE] = "DELETE FROM im_group WHERE group_id = ?1",
    [R_MEMBERS_DELETE] = "DELETE FROM im_member WHERE group_id = ?1",
    /* The owner ?2 of Work group ?1 quit: the longest-standing member left owns it ("" when none). */
    [R_PASS_OWNER] =
        "UPDATE im_group SET owner = coalesce((SELECT user_id FROM im_member WHERE group_id = ?1 AND user_id <> ?2"
        " ORDER BY join_order LIMIT 1), '') WHERE group_id = ?1",
    [R_PASS_OWNER_ROLE] =
        "UPDATE im_member SET role = 400 WHERE group_id = ?1 AND user_id = (SELECT owner FROM im_group WHERE group_id = ?1)",
    [R_RECIPIENTS] =
        "SELECT json_group_array(user_id) FROM (SELECT user_id FROM im_member WHERE group_id = ?1 ORDER BY join_order)",
    [R_NEXT_SEQ] =
        "UPDATE im_group SET next_seq = next_seq + 1, last_msg_time = max(last_msg_time, ?2) WHERE group_id = ?1"
        " RETURNING next_seq - 1",
    [R_JOINED] =
        "SELECT json_group_array(json(info)) FROM (SELECT json_object("
        "  'group_base_info_group_id', g.group_id, 'group_base_info_group_name', g.name,"
        "  'group_base_info_group_type', g.group_type, 'group_base_info_face_url', g.face_url,"
        "  'group_base_info_latest_seq', g.next_seq - 1,"
        "  'group_base_info_self_info', json_object('group_self_info_join_time', m.join_time,"
        "   'group_self_info_role', m.role)) AS info"
        " FROM im_member m JOIN im_group g ON g.group_id = m.group_id WHERE m.user_id = ?1"
        " ORDER BY m.join_order)",
    [R_INFO_LIST] =
        "SELECT json_group_array(json(result)) FROM (SELECT CASE WHEN g.group_id IS NULL"
        "  THEN json_object('get_groups_info_result_code', 10010,"
        "   'get_groups_info_result_desc', 'no such group: ' || p.value, 'get_groups_info_result_info', json_object())"
        "  ELSE json_object('get_groups_info_result_code', 0, 'get_groups_info_result_desc', '',"
        "   'get_groups_info_result_info', " DETAIL_INFO ") END AS result"
        " FROM json_each(?1) AS p LEFT JOIN im_group AS g ON g.group_id = p.value ORDER BY p.key)",
    /* Every member at once: next_seq is always 0 (the vendor's paging has nothing left to page). */
    [R_MEMBER_LIST] =
        "SELECT json_object('group_get_member_info_list_result_next_seq', 0,"
        " 'group_get_member_info_list_result_info_array', (SELECT json_group_array(json(info)) FROM ("
        "  SELECT json_object('group_member_info_identifier', user_id, 'group_member_info_group_id', group_id,"
        "   'group_member_info_join_time', join_time, 'group_member_info_member_role', role) AS info"
        "  FROM im_member WHERE group_id = json_extract(?1, '$.group_get_members_info_list_param_group_id')"
        "  AND (coalesce(json_array_length(?1, '$.group_get_members_info_list_param_identifier_array'), 0) = 0"
        "   OR user_id IN (SELECT value FROM json_each(?1, '$.group_get_members_info_list_param_identifier_array')))"
        "  AND (" ROLE_FLAG " = 0 OR (" ROLE_FLAG " & 1 AND role = 400) OR (" ROLE_FLAG " & 2 AND role = 300)"
        "   OR (" ROLE_FLAG " & 4 AND role = 200))"
        "  ORDER BY join_order)))",
};
