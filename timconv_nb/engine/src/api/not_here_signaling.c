/* The functions of TIMSignalingManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_SETTER(TIMSetSignalingReceiveNewInvitationCallback, TIMSignalingReceiveNewInvitationCallback, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_SETTER(TIMSetSignalingInvitationCancelledCallback, TIMSignalingInvitationCancelledCallback, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_SETTER(TIMSetSignalingInviteeAcceptedCallback, TIMSignalingInviteeAcceptedCallback, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_SETTER(TIMSetSignalingInviteeRejectedCallback, TIMSignalingInviteeRejectedCallback, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_SETTER(TIMSetSignalingInvitationTimeoutCallback, TIMSignalingInvitationTimeoutCallback, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_SETTER(TIMSetSignalingInvitationModifiedCallback, TIMSignalingInvitationModifiedCallback, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_CALL_ID(TIMSignalingInvite, (const char* invitee, const char* data, bool online_user_only, const char* json_offline_push_info, int timeout, char* invite_id_buffer, TIMCommCallback cb, const void* user_data), invite_id_buffer, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_CALL_ID(TIMSignalingInviteInGroup, (const char* group_id, const char* json_invitee_array, const char* data, bool online_user_only, int timeout, char* invite_id_buffer, TIMCommCallback cb, const void* user_data), invite_id_buffer, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_CALL(TIMSignalingCancel, (const char* invite_id, const char* data, TIMCommCallback cb, const void* user_data), cb, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_CALL(TIMSignalingAccept, (const char* invite_id, const char* data, TIMCommCallback cb, const void* user_data), cb, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_CALL(TIMSignalingReject, (const char* invite_id, const char* data, TIMCommCallback cb, const void* user_data), cb, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_CALL(TIMGetSignalingInfo, (const char *json_msg, TIMCommCallback json_signaling_info_cb, const void* user_data), json_signaling_info_cb, NOT_YET("signaling: invitations are messages, which the engine keeps"))
NOT_HERE_CALL(TIMSignalingModifyInvitation, (const char* invite_id, const char* data, TIMCommCallback cb, const void* user_data), cb, NOT_YET("signaling: invitations are messages, which the engine keeps"))
