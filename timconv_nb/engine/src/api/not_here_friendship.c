/* The functions of TIMFriendshipManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_SETTER(TIMSetOfficialAccountSubscribedCallback, TIMOfficialAccountSubscribedCallback, CLOUD("official accounts, which are made on Tencent's server, not by a client"))
NOT_HERE_SETTER(TIMSetOfficialAccountUnsubscribedCallback, TIMOfficialAccountUnsubscribedCallback, CLOUD("official accounts, which are made on Tencent's server, not by a client"))
NOT_HERE_SETTER(TIMSetOfficialAccountDeletedCallback, TIMOfficialAccountDeletedCallback, CLOUD("official accounts, which are made on Tencent's server, not by a client"))
NOT_HERE_SETTER(TIMSetOfficialAccountInfoChangedCallback, TIMOfficialAccountInfoChangedCallback, CLOUD("official accounts, which are made on Tencent's server, not by a client"))
NOT_HERE_SETTER(TIMSetMyFollowingListChangedCallback, TIMMyFollowingListChangedCallback, NOT_YET("follows"))
NOT_HERE_SETTER(TIMSetMyFollowersListChangedCallback, TIMMyFollowersListChangedCallback, NOT_YET("follows"))
NOT_HERE_SETTER(TIMSetMutualFollowersListChangedCallback, TIMMutualFollowersListChangedCallback, NOT_YET("follows"))
NOT_HERE_CALL(TIMSubscribeOfficialAccount, (const char* official_account_id, TIMCommCallback cb, const void* user_data), cb, CLOUD("official accounts, which are made on Tencent's server, not by a client"))
NOT_HERE_CALL(TIMUnsubscribeOfficialAccount, (const char* unsubscribe_official_account_id, TIMCommCallback cb, const void* user_data), cb, CLOUD("official accounts, which are made on Tencent's server, not by a client"))
NOT_HERE_CALL(TIMGetOfficialAccountsInfo, (const char* json_official_account_id_list, TIMCommCallback cb, const void* user_data), cb, CLOUD("official accounts, which are made on Tencent's server, not by a client"))
NOT_HERE_CALL(TIMFollowUser, (const char* json_user_id_list, TIMCommCallback cb, const void* user_data), cb, NOT_YET("follows"))
NOT_HERE_CALL(TIMUnfollowUser, (const char* json_user_id_list, TIMCommCallback cb, const void* user_data), cb, NOT_YET("follows"))
NOT_HERE_CALL(TIMGetMyFollowingList, (const char* next_cursor, TIMCommCallback cb, const void* user_data), cb, NOT_YET("follows"))
NOT_HERE_CALL(TIMGetMyFollowersList, (const char* next_cursor, TIMCommCallback cb, const void* user_data), cb, NOT_YET("follows"))
NOT_HERE_CALL(TIMGetMutualFollowersList, (const char* next_cursor, TIMCommCallback cb, const void* user_data), cb, NOT_YET("follows"))
NOT_HERE_CALL(TIMGetUserFollowInfo, (const char* json_user_id_list, TIMCommCallback cb, const void* user_data), cb, NOT_YET("follows"))
NOT_HERE_CALL(TIMCheckFollowType, (const char* json_user_id_list, TIMCommCallback cb, const void* user_data), cb, NOT_YET("follows"))
