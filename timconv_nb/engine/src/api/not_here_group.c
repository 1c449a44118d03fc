/* The functions of TIMGroupManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_SETTER(TIMSetGroupTopicCreatedCallback, TIMGroupTopicCreatedCallback, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_SETTER(TIMSetGroupTopicDeletedCallback, TIMGroupTopicDeletedCallback, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_SETTER(TIMSetGroupTopicChangedCallback, TIMGroupTopicChangedCallback, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupGetJoinedCommunityList, (TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupCreateTopicInCommunity, (const char *group_id, const char *json_topic_info, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupDeleteTopicFromCommunity, (const char *group_id, const char *json_topic_id_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupSetTopicInfo, (const char *json_topic_info, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
NOT_HERE_CALL(TIMGroupGetTopicInfoList, (const char *group_id, const char *json_topic_id_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("the group manager: communities and their topics"))
