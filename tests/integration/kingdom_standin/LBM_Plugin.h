// Test stand-in for Kingdom's LBM plugin header: the structs and class as the seed documents
// them (docs/ARCHITECTURE.md, Brokers: Kingdom). The shim in packaging/kingdom_shim is built against this in tests.
#pragma once

#ifndef _WIN32
typedef int BOOL;
#endif

struct ST_tagInitInfo {
    char szUserName[32];
    char szPassword[32];
    bool bBackAllHQ;
    bool bLocalAddressType;
};
typedef ST_tagInitInfo* PST_tagInitInfo;

struct ST_tagKCBP_CONFIG {
    char szUserName[20];
    char szPassword[20];
    char szIPAddress[20];
    char szServer[20];
    int nPort;
    char szReq[20];
    char szAns[20];
};

class LBM_Plugin {
public:
    LBM_Plugin();
    int InitPlugin(PST_tagInitInfo pInitInfo, ST_tagKCBP_CONFIG& tagKcbpConfig, int nThreads,
                   char* pszLogName, char* pszAlgoName, BOOL bLogOpenFlag);
    void Close();
    const char* GetLastError(short type);

private:
    char errors_[4][256];
    bool open_;
};
