/* The group registry's SQL (another database than the stores', with its own schema): the schema
 * and every statement, by id (registry_internal.h). Every statement binds its parameters. */
#include "store/registry_internal.h"
#include "store/store.h"

/* The columns version 2 added (TIMGroupModifyGroupInfo, TIMGroupModifyMemberInfo). */
#define GROUP_COLUMNS_2                                                                             \
    " approve_option INTEGER NOT NULL DEFAULT 2," /* TIMGroupAddOption of invitations */            \
    " visible INTEGER NOT NULL DEFAULT 1,"                                                          \
    " searchable INTEGER NOT NULL DEFAULT 1,"                                                       \
    " shutup_all INTEGER NOT NULL DEFAULT 0,"                                                       \
    " info_seq INTEGER NOT NULL DEFAULT 0," /* rises with each change of the information */         \
    " last_info_time INTEGER NOT NULL DEFAULT 0"
#define MEMBER_COLUMNS_2                                                                            \
    " name_card TEXT NOT NULL DEFAULT '',"                                                          \
    " shutup_until INTEGER NOT NULL DEFAULT 0" /* muted until this time (seconds) */

/* A version-1 registry brought to version 2 (run before registry_schema_sql). */
const char registry_upgrade_sql[] =
    "ALTER TABLE im_group ADD COLUMN approve_option INTEGER NOT NULL DEFAULT 2;"
    "ALTER TABLE im_group ADD COLUMN visible INTEGER NOT NULL DEFAULT 1;"
    "ALTER TABLE im_group ADD COLUMN searchable INTEGER NOT NULL DEFAULT 1;"
    "ALTER TABLE im_group ADD COLUMN shutup_all INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE im_group ADD COLUMN info_seq INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE im_group ADD COLUMN last_info_time INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE im_member ADD COLUMN name_card TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE im_member ADD COLUMN shutup_until INTEGER NOT NULL DEFAULT 0;";

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
    " last_msg_time INTEGER NOT NULL DEFAULT 0," GROUP_COLUMNS_2 ") WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_member ("
    " group_id TEXT NOT NULL,"
    " user_id TEXT NOT NULL,"
    " role INTEGER NOT NULL," /* TIMGroupMemberRole */
    " join_time INTEGER NOT NULL,"
    " join_order INTEGER NOT NULL," /* rises with each membership: the order within a second */
    MEMBER_COLUMNS_2 ","
    " PRIMARY KEY (group_id, user_id)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS im_member_of_user ON im_member (user_id);"
    /* Requests waiting for approval (TIMGroupManager.h 13.2): to_user '' for a request to join, which
     * the group's owner and admins approve; handled 1 once handled, by handled_by. */
    "CREATE TABLE IF NOT EXISTS im_pendency ("
    " group_id TEXT NOT NULL, from_user TEXT NOT NULL, to_user TEXT NOT NULL,"
    " pendency_type INTEGER NOT NULL," /* TIMGroupPendencyType */
    " add_time INTEGER NOT NULL, apply_msg TEXT NOT NULL,"
    " handled INTEGER NOT NULL DEFAULT 0, handle_result INTEGER NOT NULL DEFAULT 0,"
    " approval_msg TEXT NOT NULL DEFAULT '', handled_by TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (group_id, from_user, to_user, pendency_type)) WITHOUT ROWID;"
    /* The time up to which each user has read their pendencies (TIMGroupReportPendencyReaded). */
    "CREATE TABLE IF NOT EXISTS im_pendency_read (user_id TEXT PRIMARY KEY, read_time INTEGER NOT NULL) WITHOUT ROWID;"
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
    " 'group_detail_info_owner_identifier', g.owner, 'group_detail_info_info_seq', g.info_seq,"          \
    " 'group_detail_info_last_info_time', g.last_info_time, 'group_detail_info_approve_option', g.approve_option," \
    " 'group_detail_info_visible', g.visible, 'group_detail_info_searchable', g.searchable,"              \
    " 'group_detail_info_is_shutup_all', json(CASE WHEN g.shutup_all THEN 'true' ELSE 'false' END))"

/* The role flag of a GroupGetMemberInfoListParam ?1 (TIMGroupMemberRoleFlag, 0: every role; 1000
 * and above a mark type, TIMGroupManager.h 1075). */
#define ROLE_FLAG "coalesce(json_extract(?1, '$.group_get_members_info_list_param_option.group_member_get_info_option_role_flag'), 0)"

/* A GroupMemberInfo (TIMGroupManager.h 10.1) of im_member row m at time `now` (its mute end, 0 when
 * not muted then). */
#define MEMBER_INFO(now)                                                                                      \
    "json_object('group_member_info_identifier', m.user_id, 'group_member_info_group_id', m.group_id,"      \
    " 'group_member_info_join_time', m.join_time, 'group_member_info_member_role', m.role,"                 \
    " 'group_member_info_name_card', m.name_card,"                                                          \
    " 'group_member_info_shutup_time', CASE WHEN m.shutup_until > " now " THEN m.shutup_until ELSE 0 END)"

/* The nickname of member row m's profile (im_profile, registry_profiles.c; "" when none). */
#define MEMBER_NICK_NAME "coalesce((SELECT nick_name FROM im_profile p WHERE p.user_id = m.user_id), '')"

/* A group notice is a Message the members receive (TIMGroupManager.h 9.4 GroupTipsElem, TIMMessageManager.h
 * 7.11 GroupReportElem); it does not count as unread. */
#define NOTICE(elem) \
    "SELECT json_object('message_elem_array', json_array(" elem "), 'message_is_excluded_from_unread_count', json('true'))"

/* GroupModifyInfoParam (?1) members: the byte length of a text one (-1 when absent); the new value
 * of a column when the flag ?2 has `bit`, else the column; a GroupTipGroupChangeInfo of a text or
 * an integer, with the order it takes in the tip. */
#define PARAM(key) "json_extract(?1, '$.group_modify_info_param_" key "')"
#define TEXT_BYTES(key) "coalesce(length(CAST(" PARAM(key) " AS BLOB)), -1)"
#define MODIFIED(bit, key, column) "CASE WHEN ?2 & " #bit " THEN " PARAM(key) " ELSE " #column " END"
#define CHANGE_TEXT(bit, flag, key)                                                                               \
    "SELECT " #flag " AS o, json_object('group_tips_group_change_info_flag', " #flag ","                                   \
    " 'group_tips_group_change_info_value', " PARAM(key) ") AS info WHERE ?2 & " #bit
#define CHANGE_INT(bit, flag, key)                                                                                \
    "SELECT " #flag " AS o, json_object('group_tips_group_change_info_flag', " #flag ","                                   \
    " 'group_tips_group_change_info_value', '', 'group_tips_group_change_info_int_value', " PARAM(key) ") AS info"        \
    " WHERE ?2 & " #bit

const char *const reg_sql[R_COUNT] = {
    /* ?1 group id, ?2 TIMGroupTipType, ?3 TIMGroupJoinType, ?4 operator, ?5 users (JSON array), ?6 member count,
     * ?7 more members of the GroupTipsElem (a JSON object, or NULL) */
    /* The elements of notice ?1 (the tips callback gets each GroupTipsElem). */
    [R_NOTICE_ELEMS] = "SELECT json_extract(?1, '$.message_elem_array')",
    /* The parts of CreateGroupParam ?1 its rules read: type, add option (-1: none given), max
     * members, the given id ("" none), the number of initial members, whether one is made owner, the
     * byte lengths of name, introduction, notification and face URL. */
    [R_CREATE_PARAM] =
        "SELECT coalesce(json_extract(?1, '$.create_group_param_group_type'), 0),"
        " coalesce(json_extract(?1, '$.create_group_param_add_option'), -1),"
        " coalesce(json_extract(?1, '$.create_group_param_max_member_num'), 0),"
        " coalesce(json_extract(?1, '$.create_group_param_group_id'), ''),"
        " coalesce(json_array_length(?1, '$.create_group_param_group_member_array'), 0),"
        " EXISTS (SELECT 1 FROM json_each(?1, '$.create_group_param_group_member_array')"
        "  WHERE json_extract(value, '$.group_member_info_member_role') = 400),"
        " coalesce(length(CAST(json_extract(?1, '$.create_group_param_group_name') AS BLOB)), 0),"
        " coalesce(length(CAST(json_extract(?1, '$.create_group_param_introduction') AS BLOB)), 0),"
        " coalesce(length(CAST(json_extract(?1, '$.create_group_param_notification') AS BLOB)), 0),"
        " coalesce(length(CAST(json_extract(?1, '$.create_group_param_face_url') AS BLOB)), 0)",
    [R_TIP_MESSAGE] = NOTICE(
        "json_patch(json_object('elem_type', 5, 'group_tips_elem_tip_type', ?2, 'group_tips_elem_join_type', ?3,"
        " 'group_tips_elem_op_user', ?4, 'group_tips_elem_group_id', ?1, 'group_tips_elem_user_array', json(?5),"
        " 'group_tips_elem_member_num', ?6), coalesce(?7, '{}'))"),
    /* ?1 group id, ?2 group name, ?3 operator, ?4 TIMGroupReportType, ?5 its message (NULL: none) */
    [R_REPORT_MESSAGE] = NOTICE(
        "json_object('elem_type', 8, 'group_report_elem_report_type', ?4, 'group_report_elem_group_id', ?1,"
        " 'group_report_elem_group_name', ?2, 'group_report_elem_op_user', ?3, 'group_report_elem_msg', coalesce(?5, ''))"),
    [R_BEGIN] = "BEGIN IMMEDIATE",
    [R_COMMIT] = "COMMIT",
    [R_ROLLBACK] = "ROLLBACK",
    [R_SAVEPOINT] = "SAVEPOINT registry_change",
    [R_ROLLBACK_TO] = "ROLLBACK TO registry_change",
    [R_RELEASE] = "RELEASE registry_change",
    [R_GROUP] =
        "SELECT group_type, add_option, owner, max_member, name, (SELECT count(*) FROM im_member WHERE group_id = ?1),"
        " face_url, shutup_all FROM im_group WHERE group_id = ?1",
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
    /* ?3: now; the time a mute ends, 0 when not muted now */
    [R_MEMBER_ROLE] =
        "SELECT role, CASE WHEN shutup_until > ?3 THEN shutup_until ELSE 0 END FROM im_member"
        " WHERE group_id = ?1 AND user_id = ?2",
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
        "  'group_base_info_latest_seq', g.next_seq - 1, 'group_base_info_info_seq', g.info_seq,"
        "  'group_base_info_is_shutup_all', json(CASE WHEN g.shutup_all THEN 'true' ELSE 'false' END),"
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
        "  SELECT " MEMBER_INFO("?2") " AS info"
        "  FROM im_member m WHERE m.group_id = json_extract(?1, '$.group_get_members_info_list_param_group_id')"
        "  AND (coalesce(json_array_length(?1, '$.group_get_members_info_list_param_identifier_array'), 0) = 0"
        "   OR m.user_id IN (SELECT value FROM json_each(?1, '$.group_get_members_info_list_param_identifier_array')))"
        "  AND (" ROLE_FLAG " = 0 OR (" ROLE_FLAG " < 1000 AND ((" ROLE_FLAG " & 1 AND m.role = 400)"
        "   OR (" ROLE_FLAG " & 2 AND m.role = 300) OR (" ROLE_FLAG " & 4 AND m.role = 200)))"
        "   OR EXISTS (SELECT 1 FROM im_member_mark k WHERE k.group_id = m.group_id AND k.user_id = m.user_id"
        "    AND k.mark_type = " ROLE_FLAG "))"
        "  ORDER BY m.join_order)))",
    /* The parts of GroupModifyInfoParam ?1 (types checked) its rules read: the flag (as unsigned
     * 32 bits), the byte lengths of name, introduction, notification and face URL (-1: absent),
     * add option, approve option, max members, visible, searchable, mute all (-1: absent), the new
     * owner (NULL: absent), whether custom information is given. */
    [R_MODIFY_PARAM] =
        "SELECT coalesce(json_extract(?1, '$.group_modify_info_param_modify_flag'), 0) & 4294967295,"
        " " TEXT_BYTES("group_name") ", " TEXT_BYTES("introduction") ", " TEXT_BYTES("notification") ","
        " " TEXT_BYTES("face_url") ","
        " coalesce(json_extract(?1, '$.group_modify_info_param_add_option'), -1),"
        " coalesce(json_extract(?1, '$.group_modify_info_param_approve_option'), -1),"
        " coalesce(json_extract(?1, '$.group_modify_info_param_max_member_num'), -1),"
        " coalesce(json_extract(?1, '$.group_modify_info_param_visible'), -1),"
        " coalesce(json_extract(?1, '$.group_modify_info_param_searchable'), -1),"
        " coalesce(json_extract(?1, '$.group_modify_info_param_is_shutup_all'), -1),"
        " json_extract(?1, '$.group_modify_info_param_owner')",
    /* Group ?4 takes the values of GroupModifyInfoParam ?1 its flag ?2 names, at time ?3. */
    [R_MODIFY_GROUP] =
        "UPDATE im_group SET"
        " name = " MODIFIED(0x1, "group_name", name) ","
        " notification = " MODIFIED(0x2, "notification", notification) ","
        " introduction = " MODIFIED(0x4, "introduction", introduction) ","
        " face_url = " MODIFIED(0x8, "face_url", face_url) ","
        " add_option = " MODIFIED(0x10, "add_option", add_option) ","
        " max_member = " MODIFIED(0x20, "max_member_num", max_member) ","
        " visible = " MODIFIED(0x40, "visible", visible) ","
        " searchable = " MODIFIED(0x80, "searchable", searchable) ","
        " shutup_all = " MODIFIED(0x100, "is_shutup_all", shutup_all) ","
        " approve_option = " MODIFIED(0x1000, "approve_option", approve_option) ","
        " owner = " MODIFIED(0x80000000, "owner", owner) ","
        " info_seq = info_seq + 1, last_info_time = ?3 WHERE group_id = ?4",
    /* The GroupTipGroupChangeInfo array of GroupModifyInfoParam ?1 with flag ?2, as the members of a
     * GroupTipsElem (TIMGroupManager.h 9.1, the flags of 1.1); NULL when no change has a tip. */
    [R_CHANGE_INFO] =
        "SELECT CASE WHEN count(*) THEN json_object('group_tips_elem_group_change_info_array',"
        "  json_group_array(json(info))) END FROM ("
        " " CHANGE_TEXT(0x1, 1, "group_name")
        " UNION ALL " CHANGE_TEXT(0x4, 2, "introduction")
        " UNION ALL " CHANGE_TEXT(0x2, 3, "notification")
        " UNION ALL " CHANGE_TEXT(0x8, 4, "face_url")
        " UNION ALL " CHANGE_TEXT(0x80000000, 5, "owner")
        " UNION ALL SELECT 8, json_object('group_tips_group_change_info_flag', 8, 'group_tips_group_change_info_value', '',"
        "  'group_tips_group_change_info_bool_value',"
        "  json(CASE WHEN json_extract(?1, '$.group_modify_info_param_is_shutup_all') THEN 'true' ELSE 'false' END))"
        "  WHERE ?2 & 0x100"
        " UNION ALL " CHANGE_INT(0x10, 11, "add_option")
        " UNION ALL " CHANGE_INT(0x1000, 12, "approve_option")
        " ORDER BY 1)",
    /* Member ?2 of group ?1 takes role ?3. */
    [R_SET_ROLE] = "UPDATE im_member SET role = ?3 WHERE group_id = ?1 AND user_id = ?2",
    /* The user ids at path ?2 of parameter ?1 (an array of strings), and how many. */
    [R_PARAM_USERS] = "SELECT json_extract(?1, ?2), json_array_length(?1, ?2)",
    /* The users of array ?2 who are not members of group ?1 (R_OUTSIDERS) or who are (R_INSIDERS),
     * once each, in the array's order. */
    [R_OUTSIDERS] =
        "SELECT json_group_array(value) FROM (SELECT value FROM json_each(?2)"
        " WHERE value NOT IN (SELECT user_id FROM im_member WHERE group_id = ?1) GROUP BY value ORDER BY min(key))",
    [R_INSIDERS] =
        "SELECT json_group_array(value) FROM (SELECT value FROM json_each(?2)"
        " WHERE value IN (SELECT user_id FROM im_member WHERE group_id = ?1) GROUP BY value ORDER BY min(key))",
    [R_ARRAY_LENGTH] = "SELECT json_array_length(?1)",
    /* For each user of array ?1: {?5: the user, ?6: ?3 when among array ?2, else ?4}. */
    [R_MEMBER_RESULTS] =
        "SELECT json_group_array(json(result)) FROM (SELECT json_object(?5, value, ?6,"
        " CASE WHEN value IN (SELECT value FROM json_each(?2)) THEN ?3 ELSE ?4 END) AS result FROM json_each(?1)"
        " ORDER BY key)",
    /* Whether array ?1 holds an id that is not 1 to 127 bytes. */
    [R_BAD_IDS] = "SELECT EXISTS (SELECT 1 FROM json_each(?1) WHERE length(CAST(value AS BLOB)) NOT BETWEEN 1 AND 127)",
    /* The users of array ?2 become members of group ?1 at time ?3. */
    [R_ADD_MEMBERS] =
        "INSERT INTO im_member (group_id, user_id, role, join_time, join_order)"
        " SELECT ?1, value, 200, ?3, " NEXT_JOIN_ORDER " + key FROM json_each(?2) WHERE true ON CONFLICT DO NOTHING",
    /* Whether a user of array ?2 has role ?3 or above in group ?1. */
    [R_OUTRANKED] =
        "SELECT EXISTS (SELECT 1 FROM im_member WHERE group_id = ?1 AND role >= ?3"
        " AND user_id IN (SELECT value FROM json_each(?2)))",
    [R_REMOVE_MEMBERS] = "DELETE FROM im_member WHERE group_id = ?1 AND user_id IN (SELECT value FROM json_each(?2))",
    /* The parts of GroupModifyMemberInfoParam ?1 (types checked): the flag (unsigned 32 bits), the
     * member, the role, the mute seconds and the name card's byte length (-1: absent). */
    [R_MEMBER_PARAM] =
        "SELECT coalesce(json_extract(?1, '$.group_modify_member_info_modify_flag'), 0) & 4294967295,"
        " json_extract(?1, '$.group_modify_member_info_identifier'),"
        " coalesce(json_extract(?1, '$.group_modify_member_info_member_role'), -1),"
        " coalesce(json_extract(?1, '$.group_modify_member_info_shutup_time'), -1),"
        " coalesce(length(CAST(json_extract(?1, '$.group_modify_member_info_name_card') AS BLOB)), -1)",
    /* Member ?2 of group ?1 takes what flag ?3 names of GroupModifyMemberInfoParam ?4, at time ?5 (a
     * mute of n seconds ends at ?5 + n; 0 lifts it). */
    [R_SET_MEMBER] =
        "UPDATE im_member SET"
        " role = CASE WHEN ?3 & 2 THEN json_extract(?4, '$.group_modify_member_info_member_role') ELSE role END,"
        " shutup_until = CASE WHEN NOT ?3 & 4 THEN shutup_until"
        "  WHEN json_extract(?4, '$.group_modify_member_info_shutup_time') > 0"
        "  THEN ?5 + json_extract(?4, '$.group_modify_member_info_shutup_time') ELSE 0 END,"
        " name_card = CASE WHEN ?3 & 8 THEN json_extract(?4, '$.group_modify_member_info_name_card') ELSE name_card END"
        " WHERE group_id = ?1 AND user_id = ?2",
    /* The GroupTipMemberChangeInfo of member ?1 muted for ?2 seconds, as a GroupTipsElem's member (9.2). */
    [R_MUTE_CHANGE] =
        "SELECT json_object('group_tips_elem_member_change_info_array', json_array(json_object("
        " 'group_tips_member_change_info_identifier', ?1, 'group_tips_member_change_info_shutupTime', ?2)))",
    /* User ?2 asks at time ?3 to join group ?1 with hello ?4 (asking again replaces the request). */
    [R_PENDENCY_ADD] =
        "INSERT OR REPLACE INTO im_pendency (group_id, from_user, to_user, pendency_type, add_time, apply_msg)"
        " VALUES (?1, ?2, '', 0, ?3, ?4)",
    /* The owner and the admins of group ?1, who approve requests to join. */
    [R_APPROVERS] =
        "SELECT json_group_array(user_id) FROM (SELECT user_id FROM im_member WHERE group_id = ?1 AND role >= 300"
        " ORDER BY join_order)",
    /* The parts of GroupHandlePendencyParam ?1 (types checked): requester, pendency type, accept, message. */
    [R_HANDLE_PARAM] =
        "SELECT json_extract(?1, '$.group_handle_pendency_param_pendency.group_pendency_form_identifier'),"
        " coalesce(json_extract(?1, '$.group_handle_pendency_param_pendency.group_pendency_pendency_type'), 0),"
        " coalesce(json_extract(?1, '$.group_handle_pendency_param_is_accept'), 0),"
        " coalesce(json_extract(?1, '$.group_handle_pendency_param_handle_msg'), '')",
    [R_PENDENCY_GET] =
        "SELECT handled FROM im_pendency WHERE group_id = ?1 AND from_user = ?2 AND to_user = ?3 AND pendency_type = ?4",
    /* The request of ?2 to join ?1 is handled by ?5: result ?3 (TIMGroupPendencyHandleResult), message ?4. */
    [R_PENDENCY_HANDLE] =
        "UPDATE im_pendency SET handled = 1, handle_result = ?3, approval_msg = ?4, handled_by = ?5"
        " WHERE group_id = ?1 AND from_user = ?2 AND to_user = '' AND pendency_type = 0",
    /* The GroupPendencyResult of user ?1 (TIMGroupManager.h 13.3): what waits for them to approve (the
     * requests to join the groups they own or administer, the pendencies addressed to them), newest
     * first, all at once; handled as 2 when they handled it, 1 when another did (1.13); unread: those
     * not handled, added after their read time. */
    [R_PENDENCY_LIST] =
        "WITH mine AS (SELECT * FROM im_pendency p WHERE p.to_user = ?1 OR (p.pendency_type = 0 AND EXISTS"
        "  (SELECT 1 FROM im_member m WHERE m.group_id = p.group_id AND m.user_id = ?1 AND m.role >= 300))),"
        " seen AS (SELECT coalesce((SELECT read_time FROM im_pendency_read WHERE user_id = ?1), 0) AS t)"
        " SELECT json_object('group_pendency_result_next_start_time', 0,"
        " 'group_pendency_result_read_time_seq', (SELECT t FROM seen),"
        " 'group_pendency_result_unread_num', (SELECT count(*) FROM mine WHERE handled = 0 AND add_time > (SELECT t FROM seen)),"
        " 'group_pendency_result_pendency_array', (SELECT json_group_array(json(x)) FROM (SELECT json_object("
        "  'group_pendency_group_id', group_id, 'group_pendency_form_identifier', from_user,"
        "  'group_pendency_to_identifier', CASE WHEN to_user = '' THEN handled_by ELSE to_user END,"
        "  'group_pendency_add_time', add_time, 'group_pendency_pendency_type', pendency_type,"
        "  'group_pendency_handled', CASE WHEN handled = 0 THEN 0 WHEN handled_by = ?1 THEN 2 ELSE 1 END,"
        "  'group_pendency_handle_result', handle_result, 'group_pendency_apply_invite_msg', apply_msg,"
        "  'group_pendency_form_user_defined_data', '', 'group_pendency_approval_msg', approval_msg,"
        "  'group_pendency_to_user_defined_data', '', 'group_pendency_self_identifier', ?1) AS x"
        "  FROM mine ORDER BY add_time DESC, group_id, from_user)))",
    /* User ?1 has read the pendencies added up to time ?2 (the read time only moves forward). */
    [R_PENDENCY_READ] =
        "INSERT INTO im_pendency_read (user_id, read_time) VALUES (?1, ?2)"
        " ON CONFLICT (user_id) DO UPDATE SET read_time = max(read_time, excluded.read_time)",
    [R_PENDENCIES_DELETE] = "DELETE FROM im_pendency WHERE group_id = ?1",
    /* The GroupDetailInfo of the groups user ?2 is in whose id or name (the bits of the field list of
     * GroupSearchParam ?1: 1 the id, 2 the name; the name when none) holds one of its keywords,
     * whatever the case (TIMGroupManager.h 5.2), in the order the user joined them. */
    [R_SEARCH_GROUPS] =
        "SELECT json_group_array(json(info)) FROM (SELECT " DETAIL_INFO " AS info"
        " FROM im_member m JOIN im_group g ON g.group_id = m.group_id WHERE m.user_id = ?2 AND EXISTS ("
        "  SELECT 1 FROM json_each(?1, '$.group_search_params_keyword_list') k,"
        "   (SELECT coalesce((SELECT sum(DISTINCT value) FROM json_each(?1, '$.group_search_params_field_list')), 2)"
        "    AS fields)"
        "  WHERE (fields & 1 AND instr(lower(g.group_id), lower(k.value)) > 0)"
        "   OR (fields & 2 AND instr(lower(g.name), lower(k.value)) > 0))"
        " ORDER BY m.join_order)",
    /* The members that GroupMemberSearchParam ?1 finds, as user ?2 sees them at time ?3
     * (TIMGroupManager.h 7.2, 1123): in the groups of its group list (every group of ?2's when it
     * has none) that ?2 is in, those whose id (field bit 1), nickname (2) or name card (8) holds one of
     * its keywords, whatever the case; a friend remark (4) is the viewer's, and the local engine keeps
     * no friends yet. A GroupSearchGroupMembersResult array, one per group with a member found, in
     * the order ?2 joined them, its members in the order they joined, each with its nickname. */
    [R_SEARCH_MEMBERS] =
        "WITH fields AS (SELECT coalesce((SELECT sum(DISTINCT value) FROM"
        "  json_each(?1, '$.group_search_member_params_field_list')), 0) AS f),"
        " found AS (SELECT m.*, g.join_order AS group_order FROM im_member g JOIN im_member m ON m.group_id = g.group_id"
        "  WHERE g.user_id = ?2 AND (coalesce(json_array_length(?1, '$.group_search_member_params_groupid_list'), 0) = 0"
        "   OR g.group_id IN (SELECT value FROM json_each(?1, '$.group_search_member_params_groupid_list')))"
        "  AND EXISTS (SELECT 1 FROM json_each(?1, '$.group_search_member_params_keyword_list') k, fields"
        "   WHERE (f & 1 AND instr(lower(m.user_id), lower(k.value)) > 0)"
        "   OR (f & 2 AND instr(lower(" MEMBER_NICK_NAME "), lower(k.value)) > 0)"
        "   OR (f & 8 AND instr(lower(m.name_card), lower(k.value)) > 0)))"
        " SELECT json_group_array(json(result)) FROM (SELECT json_object('group_search_member_result_groupid', group_id,"
        "  'group_search_member_result_member_info_list', json_group_array(json(info))) AS result FROM ("
        "  SELECT m.group_id, m.group_order, json_set(" MEMBER_INFO("?3") ", '$.group_member_info_nick_name', "
        MEMBER_NICK_NAME ") AS info FROM found m ORDER BY m.group_order, m.join_order)"
        "  GROUP BY group_id ORDER BY min(group_order))",
    /* What group ?1's conversation shows (store_conv_faces_set): its name, else its id
     * (TIMConversationManager.h 943), and its face. */
    [R_GROUP_FACES] =
        "SELECT json_array(json_object('" CONV_FACE_ID "', group_id, '" CONV_FACE_SHOW_NAME "',"
        " CASE WHEN name <> '' THEN name ELSE group_id END, '" CONV_FACE_URL "', face_url)) FROM im_group"
        " WHERE group_id = ?1",
};
