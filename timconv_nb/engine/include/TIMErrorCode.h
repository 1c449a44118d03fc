/* Error codes delivered to callbacks: the subset of the vendor SDK's TIMErrorCode.h that the
 * local engine produces, with the vendor's names and values. */
#ifndef TIMCONV_TIM_ERROR_CODE_H_
#define TIMCONV_TIM_ERROR_CODE_H_

/* X(name, value, meaning): one row per code, the one place a code is added (enum TIMErrCode
 * below, the engine's descriptions and Python's timconv_nb/errors.py are made from the rows).
 * A meaning is the vendor's comment on the code in its TIMErrorCode.h, in English; where that
 * comment speaks of Tencent's cloud, it says what the code means for the local engine. Each
 * meaning is one string literal or adjacent ones, without escapes. */
#define TIMCONV_ERROR_CODES(X)                                                                                    \
    X(ERR_SUCC, 0, "no error")                                                                                    \
    X(ERR_INVALID_CONVERSATION, 6004, "invalid conversation: no such conversation for the logged-in user")        \
    X(ERR_SDK_NOT_INITIALIZED, 6013,                                                                              \
      "the SDK is not initialised: retry once TIMInit has succeeded (here: TIMUninit ran before the call was "   \
      "executed)")                                                                                                \
    X(ERR_SDK_NOT_LOGGED_IN, 6014,                                                                                \
      "not logged in: log in and retry once the login has called back; the user may also have been sent "       \
      "offline by a login elsewhere (TIMGetLoginStatus tells)")                                                  \
    X(ERR_INVALID_PARAMETERS, 6017, "invalid parameters: the description says which one is wrong")               \
    X(ERR_IO_OPERATION_FAILED, 6022,                                                                              \
      "a local I/O operation failed: check the permissions to read and write, and whether the disk is full")     \
    X(ERR_INVALID_JSON, 6027,                                                                                     \
      "JSON of the wrong format: check it against what the call requires; the description says which field")    \
    X(ERR_OUT_OF_MEMORY, 6028, "out of memory (a memory leak, perhaps)")                                          \
    X(ERR_SDK_INTERNAL_ERROR, 7012, "an internal error of the SDK that should never happen")                      \
    X(ERR_SDK_INTERFACE_NOT_SUPPORT, 7013,                                                                        \
      "the interface is not available: the vendor's plan lacks it (its Ultimate edition has it), or the local "  \
      "engine does not implement it")                                                                             \
    X(ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS, 7501,                                                                     \
      "a login is in progress: a TIMLogin made before the previous one called back")                             \
    X(ERR_SDK_GROUP_INVALID_ID, 8501,                                                                             \
      "invalid group id: an id of one's own is printable ASCII (0x20-0x7e), at most 48 bytes, and does not "     \
      "start with @TGS#, the prefix of the ids the engine makes (a Community's own id starts with @TGS#_)")      \
    X(ERR_SVR_ACCOUNT_USERSIG_EXPIRED, 70001,                                                                     \
      "the UserSig has expired: make a new one (a lifetime of at least 24 hours is advised)")                    \
    X(ERR_SVR_ACCOUNT_USERSIG_EMPTY, 70002, "the UserSig is empty: check the UserSig passed")                    \
    X(ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, 70003,                                                                \
      "the UserSig does not verify: check that it was not cut short (by a buffer too small, for instance)")      \
    X(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY, 70009,                                                          \
      "the UserSig does not verify with the app's key: check that it was signed with the key of this SDKAppID")  \
    X(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID, 70013, "the UserSig was made for another user")                        \
    X(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID, 70014, "the UserSig was made for another app (SDKAppID)")        \
    X(ERR_SVR_CONV_CONV_MARK_REQ_COUNT_EXCEED_LIMIT, 51006,                                                       \
      "too many conversations to mark, group or give custom data in one call (at most 100)")                     \
    X(ERR_SVR_CONV_CONV_MARK_TOTAL_COUNT_EXCEED_LIMIT, 51008,                                                     \
      "too many conversations marked, grouped or given custom data in all (at most 1,000)")                      \
    X(ERR_SVR_CONV_CONV_GROUP_NOT_EXIST, 51009, "no such conversation group")                                     \
    X(ERR_SVR_CONV_CONV_GROUP_TOTAL_COUNT_EXCEED_LIMIT, 51010, "too many conversation groups (at most 20)")       \
    X(ERR_SVR_CONV_CONV_GROUP_NAME_EXCEED_LENGTH, 51011, "a conversation group name is at most 32 bytes")         \
    X(ERR_SVR_MSG_REVOKE_TIME_LIMIT, 20016, "too late to revoke the message (the limit is 2 minutes)")            \
    X(ERR_SVR_GROUP_INVALID_PARAMETERS, 10004, "invalid parameter: the description says what is wrong")          \
    X(ERR_SVR_GROUP_PERMISSION_DENY, 10007,                                                                       \
      "not permitted: the caller is not a member or not the owner, or the group's type does not allow it")       \
    X(ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT, 10009, "the owner may not quit this group")                             \
    X(ERR_SVR_GROUP_NOT_FOUND, 10010, "the group does not exist, or it existed and was dismissed")               \
    X(ERR_SVR_GROUP_ALLREADY_MEMBER, 10013, "the user is already a member of the group")                         \
    X(ERR_SVR_GROUP_FULL_MEMBER_COUNT, 10014, "the group is full: the user cannot join")                         \
    X(ERR_SVR_GROUP_GROUPID_IN_USED, 10021, "the group id is in use: choose another")                            \
    X(ERR_SVR_GROUP_REVOKE_MSG_NOT_FOUND, 10030, "the message to revoke does not exist")                          \
    X(ERR_SVR_GROUP_REVOKE_MSG_TIME_LIMIT, 10031, "too late to revoke the message (the limit is 2 minutes)")      \
    X(ERR_SVR_GROUP_REVOKE_MSG_DENY, 10032, "this message cannot be revoked")                                   \
    X(ERR_SDK_GROUP_INVALID_NAME, 8502,                                                                           \
      "invalid group name: 1 to 30 bytes of UTF-8 (a Chinese character may take several bytes: count the "       \
      "bytes of the string)")                                                                                     \
    X(ERR_SDK_GROUP_INVALID_INTRODUCTION, 8503,                                                                   \
      "invalid group introduction: at most 240 bytes of UTF-8 (count the bytes of the string)")                  \
    X(ERR_SDK_GROUP_INVALID_NOTIFICATION, 8504,                                                                   \
      "invalid group notification: at most 300 bytes of UTF-8 (count the bytes of the string)")                  \
    X(ERR_SDK_GROUP_INVALID_FACE_URL, 8505, "invalid group face URL: at most 100 bytes")                          \
    X(ERR_SDK_GROUP_INVALID_NAME_CARD, 8506,                                                                      \
      "invalid name card: at most 50 bytes of UTF-8 (count the bytes of the string)")                            \
    X(ERR_SDK_GROUP_MEMBER_COUNT_LIMIT, 8507,                                                                     \
      "too many members for the group's type: a Work group holds 200, a Public one 2,000, a Meeting one 6,000, " \
      "a Community 100,000, a Live one any number")                                                              \
    X(ERR_SDK_GROUP_JOIN_PRIVATE_GROUP_DENY, 8508,                                                                \
      "a Work group cannot be joined by asking: any member invites others in, without their consent")            \
    X(ERR_SDK_GROUP_INVITE_SUPER_DENY, 8509, "an invitation cannot make anyone the owner: check the role given")  \
    X(ERR_SDK_GROUP_INVITE_NO_MEMBER, 8510, "an invitation names nobody: give 1 to 20 user ids")                  \
    X(ERR_SVR_GROUP_SHUTUP_DENY, 10017, "muted: the sender is muted in this group, or the whole group is muted")  \
    X(ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT, 10005, "too many user ids in one call (at most 20)")                      \
    X(ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED, 10024, "this request to join or invitation was handled already") \
    X(ERR_SDK_FRIENDSHIP_INVALID_PROFILE_KEY, 9001,                                                               \
      "invalid profile key: a custom field's key is 1 to 8 English letters (after the Tag_Profile_Custom_ prefix)") \
    X(ERR_SVR_PROFILE_INVALID_PARAMETERS, 40001, "invalid profile request: the description says what is wrong")   \
    X(ERR_SVR_PROFILE_ACCOUNT_MISS, 40002, "no user named: say whose profiles to get")                              \
    X(ERR_SVR_PROFILE_SIZE_LIMIT, 40601, "a profile field's value is longer than 500 bytes")                      \
    X(ERR_SVR_PROFILE_VALUE_ERROR, 40605, "a standard profile field's value is not one it takes")                 \
    X(ERR_SVR_PROFILE_INVALID_VALUE_FORMAT, 40610, "a profile field's value is of the wrong type")              \
    X(ERR_SDK_MSG_MODIFY_CONFLICT, 8006,                                                                          \
      "the message was modified by someone else since it was read: modify the latest copy (the callback's)")       \
    X(ERR_SDK_FRIENDSHIP_INVALID_ADD_REMARK, 9002, "invalid friend remark: at most 96 bytes of UTF-8")            \
    X(ERR_SDK_FRIENDSHIP_INVALID_ADD_WORDING, 9003, "invalid add wording: at most 120 bytes of UTF-8")            \
    X(ERR_SDK_FRIENDSHIP_FRIEND_GROUP_EMPTY, 9005,                                                                \
      "invalid friend group name: not empty, at most 30 bytes of UTF-8")                                          \
    X(ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS, 30001, "invalid friendship request: the description says what is wrong") \
    X(ERR_SVR_FRIENDSHIP_ALREADY_FRIENDS, 30015, "already friends: the user is in the friend list")               \
    X(ERR_SVR_FRIENDSHIP_IN_SELF_BLACKLIST, 30515, "the user is in one's own block list: unblock them to add them") \
    X(ERR_SVR_FRIENDSHIP_ALLOW_TYPE_DENY_ANY, 30516, "the user lets nobody add them as a friend (add permission)")  \
    X(ERR_SVR_FRIENDSHIP_IN_PEER_BLACKLIST, 30525, "one is in the user's block list: they cannot be added")        \
    X(ERR_SVR_FRIENDSHIP_ALLOW_TYPE_NEED_CONFIRM, 30539,                                                          \
      "a friend request is waiting: the user confirms whom they add (add permission), so only the request was made") \
    X(ERR_SVR_FRIENDSHIP_PENDENCY_NOT_FOUND, 30614, "no such friend request")                                     \
    X(ERR_SVR_FRIENDSHIP_DEL_NONFRIEND, 31704, "not a friend: the user is not in the friend list")                \
    X(ERR_SVR_MSG_IN_PEER_BLACKLIST, 20007, "the peer blocked the sender: a C2C message to them is refused")       \
    X(ERR_SDK_GROUP_ATTR_FREQUENCY_LIMIT, 8511,                                                                   \
      "too many group attribute calls: at most 10 changes and 20 reads in 5 seconds in one process")             \
    X(ERR_SVR_GROUP_ATTRIBUTE_WRITE_CONFILCT, 10056,                                                              \
      "the group's attributes changed since this process read them: get them, then change them again")

enum TIMErrCode {
#define TIMCONV_ERROR_CODE_ENUM(name, value, meaning) name = value,
    TIMCONV_ERROR_CODES(TIMCONV_ERROR_CODE_ENUM)
#undef TIMCONV_ERROR_CODE_ENUM
};

#ifndef __cplusplus
typedef enum TIMErrCode TIMErrCode;
#endif

#endif  /* TIMCONV_TIM_ERROR_CODE_H_ */
