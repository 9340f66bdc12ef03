// extern "C" shim around Kingdom's LBM plugin class, so Python reaches it through ctypes.
//
// Built against the vendor's SDK (see build-linux.sh / build-windows.ps1). The vendor header must
// declare, as the seed documents:
//   struct ST_tagInitInfo   { char szUserName[32]; char szPassword[32]; bool bBackAllHQ;
//                             bool bLocalAddressType; };
//   struct ST_tagKCBP_CONFIG { char szUserName[20]; char szPassword[20]; char szIPAddress[20];
//                             char szServer[20]; int nPort; char szReq[20]; char szAns[20]; };
//   class LBM_Plugin { int InitPlugin(ST_tagInitInfo*, ST_tagKCBP_CONFIG&, int nThreads,
//                      char* pszLogName, char* pszAlgoName, BOOL bLogOpenFlag);
//                      void Close(); const char* GetLastError(short type); };
// Another header name: -DLBM_PLUGIN_HEADER='"Name.h"'.
#ifndef LBM_PLUGIN_HEADER
#define LBM_PLUGIN_HEADER "LBM_Plugin.h"
#endif
#include LBM_PLUGIN_HEADER

#include <cstddef>
#include <cstring>
#include <new>

#if defined(_WIN32)
#define SHIM_API extern "C" __declspec(dllexport)
#else
#define SHIM_API extern "C" __attribute__((visibility("default")))
#endif

namespace {
struct Handle {
    LBM_Plugin plugin;
    bool initialized = false;
};

int copy_out(const char* text, char* buffer, int size) {
    if (buffer == nullptr || size <= 0) return -1;
    if (text == nullptr) text = "";
    std::strncpy(buffer, text, static_cast<size_t>(size) - 1);
    buffer[size - 1] = '\0';
    return static_cast<int>(std::strlen(buffer));
}
}  // namespace

// The layout this shim was compiled with, so the caller can refuse a mismatching ctypes layout:
// sizes of both structs, then the offset of every member in declaration order.
SHIM_API int lbm_abi(int* out, int count) {
    const int values[] = {
        static_cast<int>(sizeof(ST_tagInitInfo)),
        static_cast<int>(sizeof(ST_tagKCBP_CONFIG)),
        static_cast<int>(offsetof(ST_tagInitInfo, szUserName)),
        static_cast<int>(offsetof(ST_tagInitInfo, szPassword)),
        static_cast<int>(offsetof(ST_tagInitInfo, bBackAllHQ)),
        static_cast<int>(offsetof(ST_tagInitInfo, bLocalAddressType)),
        static_cast<int>(offsetof(ST_tagKCBP_CONFIG, szUserName)),
        static_cast<int>(offsetof(ST_tagKCBP_CONFIG, szPassword)),
        static_cast<int>(offsetof(ST_tagKCBP_CONFIG, szIPAddress)),
        static_cast<int>(offsetof(ST_tagKCBP_CONFIG, szServer)),
        static_cast<int>(offsetof(ST_tagKCBP_CONFIG, nPort)),
        static_cast<int>(offsetof(ST_tagKCBP_CONFIG, szReq)),
        static_cast<int>(offsetof(ST_tagKCBP_CONFIG, szAns)),
    };
    const int total = static_cast<int>(sizeof(values) / sizeof(values[0]));
    for (int i = 0; i < count && i < total; ++i) out[i] = values[i];
    return total;
}

SHIM_API void* lbm_create() { return new (std::nothrow) Handle(); }

SHIM_API void lbm_destroy(void* handle) { delete static_cast<Handle*>(handle); }

SHIM_API int lbm_init(void* handle, ST_tagInitInfo* info, ST_tagKCBP_CONFIG* config, int threads,
                      char* log_name, char* algo_name, int log_open) {
    if (handle == nullptr || info == nullptr || config == nullptr) return -1;
    Handle* h = static_cast<Handle*>(handle);
    int rc = h->plugin.InitPlugin(info, *config, threads, log_name, algo_name, log_open ? 1 : 0);
    h->initialized = rc == 0;
    return rc;
}

SHIM_API void lbm_close(void* handle) {
    if (handle == nullptr) return;
    Handle* h = static_cast<Handle*>(handle);
    h->plugin.Close();
    h->initialized = false;
}

// type: 0 plugin, 1 trade, 2 quote, 3 strategy. The text is the plugin's own (GBK).
SHIM_API int lbm_last_error(void* handle, short type, char* buffer, int size) {
    if (handle == nullptr) return -1;
    return copy_out(static_cast<Handle*>(handle)->plugin.GetLastError(type), buffer, size);
}

// 1 after a successful InitPlugin until Close; the vendor class has no state query of its own.
SHIM_API int lbm_connected(void* handle) {
    return handle != nullptr && static_cast<Handle*>(handle)->initialized ? 1 : 0;
}
