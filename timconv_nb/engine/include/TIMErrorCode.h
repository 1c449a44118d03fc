/* Error codes delivered to callbacks: the subset of the vendor SDK's TIMErrorCode.h that the
 * local engine produces, with the vendor's values. */
#ifndef TIMCONV_TIM_ERROR_CODE_H_
#define TIMCONV_TIM_ERROR_CODE_H_

enum TIMErrCode {
    ERR_SUCC = 0,
    ERR_INVALID_CONVERSATION = 6004,        /* unknown or invalid conversation */
    ERR_SDK_NOT_INITIALIZED = 6013,         /* TIMUninit ran before the call was executed */
    ERR_SDK_NOT_LOGGED_IN = 6014,           /* nobody was logged in when the call was executed */
    ERR_INVALID_PARAMETERS = 6017,          /* a parameter is out of range */
    ERR_IO_OPERATION_FAILED = 6022,         /* the store could not be read or written */
    ERR_INVALID_JSON = 6027,                /* JSON of the wrong shape */
    ERR_OUT_OF_MEMORY = 6028,
    ERR_SDK_INTERNAL_ERROR = 7012,
    ERR_SDK_INTERFACE_NOT_SUPPORT = 7013,   /* the operation is not available (callExperimentalAPI) */
    ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS = 7501, /* TIMLogin while another login is in progress */
    ERR_SVR_ACCOUNT_USERSIG_EXPIRED = 70001,             /* the UserSig has expired */
    ERR_SVR_ACCOUNT_USERSIG_EMPTY = 70002,               /* the UserSig is empty */
    ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED = 70003,        /* not a UserSig */
    ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY = 70009,  /* signed with another key */
    ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID = 70013,         /* made for another user */
    ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID = 70014,   /* made for another app */
    ERR_SVR_CONV_CONV_MARK_REQ_COUNT_EXCEED_LIMIT = 51006,    /* more than 100 conversations in one call */
    ERR_SVR_CONV_CONV_MARK_TOTAL_COUNT_EXCEED_LIMIT = 51008,  /* a conversation group past 1,000 conversations */
    ERR_SVR_CONV_CONV_GROUP_NOT_EXIST = 51009,                /* no such conversation group */
    ERR_SVR_CONV_CONV_GROUP_TOTAL_COUNT_EXCEED_LIMIT = 51010, /* more than 20 conversation groups */
    ERR_SVR_CONV_CONV_GROUP_NAME_EXCEED_LENGTH = 51011,       /* a group name over 32 bytes */
    ERR_SVR_MSG_REVOKE_TIME_LIMIT = 20016,          /* a C2C message older than 2 minutes cannot be revoked */
    ERR_SVR_GROUP_INVALID_PARAMETERS = 10004,       /* a group parameter is out of range */
    ERR_SVR_GROUP_PERMISSION_DENY = 10007,          /* not a member, not the owner, or the group type forbids it */
    ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT = 10009,     /* the owner may not quit this type of group */
    ERR_SVR_GROUP_NOT_FOUND = 10010,                /* no such group, or it was dismissed */
    ERR_SVR_GROUP_ALLREADY_MEMBER = 10013,          /* already a member */
    ERR_SVR_GROUP_FULL_MEMBER_COUNT = 10014,        /* the group is full */
    ERR_SVR_GROUP_INVALID_GROUPID = 10015,          /* an invalid group id */
    ERR_SVR_GROUP_GROUPID_IN_USED = 10021,          /* the group id is in use */
    ERR_SVR_GROUP_REVOKE_MSG_NOT_FOUND = 10030,     /* no such message to revoke */
    ERR_SVR_GROUP_REVOKE_MSG_TIME_LIMIT = 10031,    /* a group message older than 2 minutes cannot be revoked */
    ERR_SVR_GROUP_REVOKE_MSG_DENY = 10032,          /* this message cannot be revoked (an online message) */
};

#ifndef __cplusplus
typedef enum TIMErrCode TIMErrCode;
#endif

#endif  /* TIMCONV_TIM_ERROR_CODE_H_ */
