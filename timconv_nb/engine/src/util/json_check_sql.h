/* The SQL of the JSON shape checks (json_check.c runs them): one query per kind of argument, in
 * one table, as the store and the registry keep theirs. */
#ifndef TIMCONV_JSON_CHECK_SQL_H_
#define TIMCONV_JSON_CHECK_SQL_H_

enum check_kind {
    CHECK_DRAFT,
    CHECK_CONV_INFO_PARAM,
    CHECK_SDK_CONFIG,
    CHECK_MESSAGE,
    CHECK_PREPARE_MESSAGE,
    CHECK_FILTER,
    CHECK_ID_ARRAY,
    CHECK_ARRAY_HAS,
    CHECK_MSG_LIST_PARAM,
    CHECK_USERSIG,
    CHECK_EXPERIMENTAL,
    CHECK_ARRAY_OF,
    CHECK_READ_MESSAGE,
    CHECK_GROUP_CREATE,
    CHECK_MEMBER_PARAM,
    CHECK_MSG_REF,
    CHECK_DELETE_PARAM,
    CHECK_MSG_ARRAY,
    CHECK_OBJECT_OF,
    CHECK_IS_OBJECT,
    CHECK_FIELD,
    CHECK_LOCATOR_ARRAY,
    CHECK_SEARCH_PARAM,
    CHECK_PROFILE_LIST_PARAM,
    CHECK_LOCAL_MESSAGE,
    CHECK_LOCAL_MESSAGES,
    CHECK_GROUP_ATTRIBUTES,
    CHECK_GROUP_COUNTERS,
    CHECK_COUNT
};

/* Each query yields 1 in its first column when ?1 has the right shape; further columns are what
 * the check reads out of it. */
extern const char *const check_sql[CHECK_COUNT];

#endif  /* TIMCONV_JSON_CHECK_SQL_H_ */
