/* Test stand-in for Kingdom's KCBP C client (libKCBPCli.so). It checks the packed connect option
 * it is given (size, every string NUL-terminated, protocol 0), really connects over TCP to
 * szAddress:nPort within the client timeout, and then plays the KCBP server: queue names must be
 * req_market / ans_market (KCBP_STANDIN_QUEUES overrides), user KCXP00 with password 888888.
 * Errors come back through KCBPCLI_GetErr in GBK, as the vendor's do. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

#pragma pack(push, 1)
typedef struct {
    char szServerName[33];
    int nProtocal;
    char szAddress[33];
    int nPort;
    char szSendQName[33];
    char szReceiveQName[33];
    char szReserved[33];
} tagKCBPConnectOption;
#pragma pack(pop)

typedef struct {
    tagKCBPConnectOption option;
    int has_option;
    int timeout;
    int code;
    char message[256];
    int fd;
} Client;

static char last_option[512];

static int fail(Client* c, int code, const char* message) {
    c->code = code;
    snprintf(c->message, sizeof c->message, "%s", message);
    return code;
}

static int terminated(const char* text, size_t width) { return memchr(text, 0, width) != NULL; }

EXPORT int KCBPCLI_Init(void** handle) {
    Client* c = calloc(1, sizeof(Client));
    if (c == NULL) return -1;
    c->fd = -1;
    c->timeout = 30;
    *handle = c;
    return 0;
}

EXPORT int KCBPCLI_SetOptions(void* handle, int option, void* value, int length) {
    Client* c = handle;
    if (option != 0) return fail(c, -101, "stand-in: only option 0 (connect) is known");
    if (length != (int)sizeof(tagKCBPConnectOption)) {
        char text[128];
        snprintf(text, sizeof text, "stand-in: connect option is %d bytes, expected %d", length,
                 (int)sizeof(tagKCBPConnectOption));
        return fail(c, -100, text);
    }
    memcpy(&c->option, value, sizeof c->option);
    tagKCBPConnectOption* o = &c->option;
    if (!terminated(o->szServerName, 33) || !terminated(o->szAddress, 33) ||
        !terminated(o->szSendQName, 33) || !terminated(o->szReceiveQName, 33) ||
        !terminated(o->szReserved, 33) || o->nProtocal != 0 || o->nPort < 1 || o->nPort > 65535)
        return fail(c, -102, "stand-in: connect option malformed");
    snprintf(last_option, sizeof last_option, "server=%s|protocol=%d|address=%s|port=%d|send=%s|recv=%s",
             o->szServerName, o->nProtocal, o->szAddress, o->nPort, o->szSendQName,
             o->szReceiveQName);
    c->has_option = 1;
    return 0;
}

EXPORT int KCBPCLI_SetCliTimeOut(void* handle, int seconds) {
    Client* c = handle;
    if (seconds < 1) return fail(c, -103, "stand-in: timeout must be at least 1 s");
    c->timeout = seconds;
    return 0;
}

static int tcp_connect(Client* c) {
    struct addrinfo hints = {0}, *found = NULL;
    char port[16];
    hints.ai_socktype = SOCK_STREAM;
    snprintf(port, sizeof port, "%d", c->option.nPort);
    if (getaddrinfo(c->option.szAddress, port, &hints, &found) != 0) return -1;
    int fd = socket(found->ai_family, SOCK_STREAM, 0);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    int rc = connect(fd, found->ai_addr, found->ai_addrlen);
    freeaddrinfo(found);
    if (rc != 0 && errno == EINPROGRESS) {
        struct pollfd waiter = {fd, POLLOUT, 0};
        if (poll(&waiter, 1, c->timeout * 1000) == 1) {
            int error = 0;
            socklen_t size = sizeof error;
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
            rc = error == 0 ? 0 : -1;
        } else {
            rc = -2;
        }
    }
    if (rc != 0) {
        close(fd);
        return rc;
    }
    c->fd = fd;
    return 0;
}

EXPORT int KCBPCLI_ConnectServer(void* handle, char* server, char* user, char* password) {
    Client* c = handle;
    char text[256];
    if (!c->has_option) return fail(c, -104, "stand-in: SetOptions was not called");
    if (strcmp(server, c->option.szServerName) != 0)
        return fail(c, -105, "stand-in: server name differs from the connect option");
    int rc = tcp_connect(c);
    if (rc != 0) {
        snprintf(text, sizeof text, "\xc1\xac\xbd\xd3\x4b\x43\x42\x50\xb7\xfe\xce\xf1\xc6\xf7\xca\xa7\xb0\xdc %s:%d (%s)",
                 c->option.szAddress, c->option.nPort, rc == -2 ? "timeout" : "refused");
        return fail(c, rc == -2 ? -2 : -1, text);
    }
    const char* queues = getenv("KCBP_STANDIN_QUEUES");
    char expected[128];
    snprintf(expected, sizeof expected, "%s", queues ? queues : "req_market,ans_market");
    char* comma = strchr(expected, ',');
    if (comma == NULL) return fail(c, -106, "stand-in: bad KCBP_STANDIN_QUEUES");
    *comma = '\0';
    if (strcmp(c->option.szSendQName, expected) != 0 || strcmp(c->option.szReceiveQName, comma + 1) != 0) {
        snprintf(text, sizeof text, "\xb6\xd3\xc1\xd0\xb2\xbb\xb4\xe6\xd4\xda: %s/%s",
                 c->option.szSendQName, c->option.szReceiveQName);
        return fail(c, 2054, text);
    }
    if (strcmp(user, "KCXP00") != 0 || strcmp(password, "888888") != 0)
        return fail(c, 2003, "\x4b\x43\x42\x50\xd3\xc3\xbb\xa7\xc3\xfb\xbb\xf2\xc3\xdc\xc2\xeb\xb4\xed\xce\xf3");
    c->code = 0;
    c->message[0] = '\0';
    return 0;
}

EXPORT int KCBPCLI_GetErr(void* handle, int* code, char* message) {
    Client* c = handle;
    *code = c->code;
    strcpy(message, c->message);
    return 0;
}

EXPORT int KCBPCLI_DisConnect(void* handle) {
    Client* c = handle;
    if (c->fd >= 0) close(c->fd);
    c->fd = -1;
    return 0;
}

EXPORT int KCBPCLI_Exit(void* handle) {
    KCBPCLI_DisConnect(handle);
    free(handle);
    return 0;
}

EXPORT int kcbp_standin_last_option(char* buffer, int size) {
    snprintf(buffer, (size_t)size, "%s", last_option);
    return (int)strlen(last_option);
}
