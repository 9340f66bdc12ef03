// Test stand-in for Kingdom's LBM plugin. It checks everything it receives — every string
// NUL-terminated inside its array, the bools 0 or 1, the scalars in range — and fails the call
// on any mismatch, so a layout or encoding error in the caller cannot pass. It records what it
// got (standin_last_init) for the tests to compare. Operator password "demo" logs in; anything
// else is refused with GBK texts. KINGDOM_STANDIN_DELAY_MS makes InitPlugin slow.
#include "LBM_Plugin.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#define EXPORT extern "C" __attribute__((visibility("default")))

namespace {
std::mutex gate;
std::string last_init;
int close_count = 0;

const char* OPERATOR_REJECTED = "\xb2\xd9\xd7\xf7\xd4\xb1\xc3\xdc\xc2\xeb\xb4\xed\xce\xf3";
const char* TRADE_DOWN = "\xbd\xbb\xd2\xd7\xcd\xa8\xb5\xc0\xce\xb4\xbd\xa8\xc1\xa2";

bool terminated(const char* text, size_t width) { return std::memchr(text, 0, width) != nullptr; }

bool is_bool(const bool* value) {
    unsigned char byte;
    std::memcpy(&byte, value, 1);
    return byte == 0 || byte == 1;
}
}  // namespace

LBM_Plugin::LBM_Plugin() : open_(false) { std::memset(errors_, 0, sizeof errors_); }

int LBM_Plugin::InitPlugin(PST_tagInitInfo info, ST_tagKCBP_CONFIG& cfg, int nThreads,
                           char* pszLogName, char* pszAlgoName, BOOL bLogOpenFlag) {
    std::memset(errors_, 0, sizeof errors_);
    struct Check { const char* name; const char* text; size_t width; };
    const Check checks[] = {
        {"szUserName", info->szUserName, sizeof info->szUserName},
        {"szPassword", info->szPassword, sizeof info->szPassword},
        {"KCBP szUserName", cfg.szUserName, sizeof cfg.szUserName},
        {"KCBP szPassword", cfg.szPassword, sizeof cfg.szPassword},
        {"szIPAddress", cfg.szIPAddress, sizeof cfg.szIPAddress},
        {"szServer", cfg.szServer, sizeof cfg.szServer},
        {"szReq", cfg.szReq, sizeof cfg.szReq},
        {"szAns", cfg.szAns, sizeof cfg.szAns},
    };
    for (const Check& check : checks) {
        if (!terminated(check.text, check.width) || check.text[0] == '\0') {
            std::snprintf(errors_[0], sizeof errors_[0], "stand-in: %s empty or not NUL-terminated",
                          check.name);
            return -10;
        }
    }
    if (!is_bool(&info->bBackAllHQ) || !is_bool(&info->bLocalAddressType)) {
        std::snprintf(errors_[0], sizeof errors_[0], "stand-in: a bool is neither 0 nor 1");
        return -11;
    }
    if (cfg.nPort < 1 || cfg.nPort > 65535 || nThreads < 1 || nThreads > 64 ||
        pszLogName == nullptr || pszAlgoName == nullptr || (bLogOpenFlag != 0 && bLogOpenFlag != 1)) {
        std::snprintf(errors_[0], sizeof errors_[0], "stand-in: scalar out of range");
        return -12;
    }
    {
        std::lock_guard<std::mutex> lock(gate);
        char buffer[1024];
        std::snprintf(buffer, sizeof buffer,
                      "user=%s|pwd=%s|all_hq=%d|local=%d|kcbp_user=%s|kcbp_pwd=%s|ip=%s|"
                      "server=%s|port=%d|req=%s|ans=%s|threads=%d|log=%s|algo=%s|log_open=%d",
                      info->szUserName, info->szPassword, info->bBackAllHQ ? 1 : 0,
                      info->bLocalAddressType ? 1 : 0, cfg.szUserName, cfg.szPassword,
                      cfg.szIPAddress, cfg.szServer, cfg.nPort, cfg.szReq, cfg.szAns, nThreads,
                      pszLogName, pszAlgoName, bLogOpenFlag);
        last_init = buffer;
    }
    if (const char* delay = std::getenv("KINGDOM_STANDIN_DELAY_MS")) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(delay)));
    }
    if (std::strcmp(info->szPassword, "demo") != 0) {
        std::snprintf(errors_[0], sizeof errors_[0], "%s", OPERATOR_REJECTED);
        std::snprintf(errors_[1], sizeof errors_[1], "%s", TRADE_DOWN);
        return -2;
    }
    open_ = true;
    return 0;
}

void LBM_Plugin::Close() {
    std::lock_guard<std::mutex> lock(gate);
    open_ = false;
    ++close_count;
}

const char* LBM_Plugin::GetLastError(short type) {
    return type >= 0 && type < 4 ? errors_[type] : "";
}

EXPORT int standin_last_init(char* buffer, int size) {
    std::lock_guard<std::mutex> lock(gate);
    std::snprintf(buffer, static_cast<size_t>(size), "%s", last_init.c_str());
    return static_cast<int>(last_init.size());
}

EXPORT int standin_close_count() {
    std::lock_guard<std::mutex> lock(gate);
    return close_count;
}
