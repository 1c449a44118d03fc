/* The functions of TIMGroupManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_SETTER(TIMSetGroupAttributeChangedCallback, TIMGroupAttributeChangedCallback, NOT_YET("the group manager"))
NOT_HERE_SETTER(TIMSetGroupCounterChangedCallback, TIMGroupCounterChangedCallback, NOT_YET("the group manager"))
NOT_HERE_SETTER(TIMSetGroupTopicCreatedCallback, TIMGroupTopicCreatedCallback, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_SETTER(TIMSetGroupTopicDeletedCallback, TIMGroupTopicDeletedCallback, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_SETTER(TIMSetGroupTopicChangedCallback, TIMGroupTopicChangedCallback, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupInitGroupAttributes, (const char *group_id, const char *json_group_attributes, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupSetGroupAttributes, (const char *group_id, const char *json_group_attributes, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupDeleteGroupAttributes, (const char *group_id, const char *json_keys, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupGetGroupAttributes, (const char *group_id, const char *json_keys, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupSetGroupCounters, (const char* group_id, const char* json_group_counter_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupGetGroupCounters, (const char* group_id, const char* json_group_counter_key_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupIncreaseGroupCounter, (const char* group_id, const char* group_counter_key, int64_t group_counter_value, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupDecreaseGroupCounter, (const char* group_id, const char* group_counter_key, int64_t group_counter_value, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupGetJoinedCommunityList, (TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupCreateTopicInCommunity, (const char *group_id, const char *json_topic_info, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupDeleteTopicFromCommunity, (const char *group_id, const char *json_topic_id_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupSetTopicInfo, (const char *json_topic_info, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupGetTopicInfoList, (const char *group_id, const char *json_topic_id_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupSearchGroupMembers, (const char *json_group_search_group_members_param, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
NOT_HERE_CALL(TIMGroupMarkGroupMemberList, (const char* group_id, const char* member_array, uint32_t mark_type, bool enable_mark, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager"))
