/* Umbrella header of the timconv_nb local engine, as in the vendor SDK. */
#ifndef TIMCONV_TIM_CLOUD_H_
#define TIMCONV_TIM_CLOUD_H_

#include "TIMCommunityManager.h"
#include "TIMConversationManager.h"
#include "TIMErrorCode.h"
#include "TIMExperimentalAPI.h"
#include "TIMFriendshipManager.h"
#include "TIMGroupManager.h"
#include "TIMManager.h"
#include "TIMMessageManager.h"
#include "TIMOfflinePushManager.h"
#include "TIMSignalingManager.h"

#endif  /* TIMCONV_TIM_CLOUD_H_ */
