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
    ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS = 7501, /* TIMLogin while another login is in progress */
};

#ifndef __cplusplus
typedef enum TIMErrCode TIMErrCode;
#endif

#endif  /* TIMCONV_TIM_ERROR_CODE_H_ */
