// The seed document's C++ examples (shared/seed), pasted unchanged into functions, compiled
// against the engine's headers and linked against its library, then checked through the list.
// Usage: seed_examples DATA_FOLDER
#include <json/json.h>

#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

#include "TIMCloud.h"

static std::mutex mutex;
static std::condition_variable arrived;
static int callbacks = 0;
static std::string last_json;

static void record(int32_t code, const char* desc, const char* json_param, const void* user_data) {
    (void)desc;
    (void)user_data;
    std::lock_guard<std::mutex> guard(mutex);
    callbacks++;
    last_json = code == ERR_SUCC ? json_param : "";
    arrived.notify_all();
}

static bool wait_for_callback(int count) {
    std::unique_lock<std::mutex> lock(mutex);
    return arrived.wait_for(lock, std::chrono::seconds(5), [count] { return callbacks >= count; });
}

// ---- seed: TIMConvCreate, example one ----
static void example_create_c2c() {
const void* user_data = nullptr; // 回调函数回传
const char* userid = "Windows-02";
int ret = TIMConvCreate(userid, kTIMConv_C2C, [](int32_t code, const char* desc, const char* json_param, const void* user_data) {
    if (ERR_SUCC != code) {
        return;
    }
    // 回调返回会话的具体信息
}, user_data);
if (ret != TIM_SUCC) {
    // 调用 TIMConvCreate 接口失败
}
}

// ---- seed: TIMConvCreate, example two ----
static void example_create_group() {
const void* user_data = nullptr; // 回调函数回传
const char* userid = "Windows-Group-01";
int ret = TIMConvCreate(userid, kTIMConv_Group, [](int32_t code, const char* desc, const char* json_param, const void* user_data) {
    if (ERR_SUCC != code) {
        return;
    }
    // 回调返回会话的具体信息
}, user_data);
if (ret != TIM_SUCC) {
    // 调用 TIMConvCreate 接口失败
}
}

// ---- seed: TIMConvSetDraft ----
static void example_set_draft(const std::string& userid) {
Json::Value json_value_text;  // 构造消息
json_value_text[kTIMElemType] = kTIMElem_Text;
json_value_text[kTIMTextElemContent] = "this draft";
Json::Value json_value_msg;
json_value_msg[kTIMMsgElemArray].append(json_value_text);

Json::Value json_value_draft; // 构造草稿
json_value_draft[kTIMDraftEditTime] = time(NULL);
json_value_draft[kTIMDraftUserDefine] = "this is userdefine";
json_value_draft[kTIMDraftMsg] = json_value_msg;

if (TIM_SUCC != TIMConvSetDraft(userid.c_str(), TIMConvType::kTIMConv_C2C, json_value_draft.toStyledString().c_str())) {
    // TIMConvSetDraft 接口调用失败
} 
}

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DATA_FOLDER\n", argv[0]);
        return 2;
    }
    Json::Value config;
    config[kTIMSdkConfigConfigFilePath] = argv[1];
    int failures = 0, checks = 0;
    auto check = [&failures, &checks](bool ok, const char* what) {
        checks++;
        if (!ok) {
            failures++;
            std::fprintf(stderr, "seed example check failed: %s\n", what);
        }
    };
    check(TIMInit(1400000001, config.toStyledString().c_str()) == TIM_SUCC, "TIMInit");
    check(TIMLogin("Windows-01", "sig", record, nullptr) == TIM_SUCC, "TIMLogin");
    check(wait_for_callback(1), "login callback");

    example_create_c2c();
    example_create_group();
    example_set_draft("Windows-02");
    check(TIMConvCancelDraft("Windows-Group-01", kTIMConv_Group) == TIM_SUCC, "TIMConvCancelDraft");

    check(TIMConvGetConvList(record, nullptr) == TIM_SUCC, "TIMConvGetConvList");
    check(wait_for_callback(2), "list callback");
    Json::Value list;
    Json::Reader reader;
    check(reader.parse(last_json, list) && list.isArray() && list.size() == 2, "two conversations");
    bool saw_c2c = false, saw_group = false;
    for (Json::ArrayIndex i = 0; i < list.size(); i++) {
        const Json::Value& conv = list[i];
        if (conv[kTIMConvId].asString() == "Windows-02" && conv[kTIMConvType].asInt() == kTIMConv_C2C) {
            saw_c2c = true;
            check(conv[kTIMConvIsHasDraft].asBool(), "draft flag");
            const Json::Value& draft = conv[kTIMConvDraft];
            check(draft[kTIMDraftUserDefine].asString() == "this is userdefine", "draft user define");
            check(draft[kTIMDraftMsg][kTIMMsgElemArray][0][kTIMTextElemContent].asString() == "this draft",
                  "draft text");
        }
        if (conv[kTIMConvId].asString() == "Windows-Group-01" && conv[kTIMConvType].asInt() == kTIMConv_Group) {
            saw_group = true;
        }
    }
    check(saw_c2c, "C2C conversation Windows-02");
    check(saw_group, "group conversation Windows-Group-01");
    check(TIMUninit() == TIM_SUCC, "TIMUninit");
    std::printf("seed_examples: %d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
