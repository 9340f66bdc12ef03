// Test stand-in for KGI's Package.dll: the vendor's namespaces, type names and member kinds
// (docs/ARCHITECTURE.md, Brokers: KGI), so the real pythonnet binding code runs against compiled .NET.
using System;

namespace Package
{
    public class PackageBase
    {
        public ushort DT;
        public string TOPIC;

        public PackageBase(ushort dt, string topic)
        {
            DT = dt;
            TOPIC = topic;
        }
    }
}

namespace Intelligence
{
    // QUEUE_WARNING stands for a status added by a newer build than the driver knows.
    public enum COM_STATUS
    {
        CONNECT_READY = 0, CONNECT_FAIL = 1, DISCONNECTED = 2, LOGIN_READY = 3, LOGIN_FAIL = 4,
        LOGIN_UNKNOW = 5, SUBSCRIBE = 6, UNSUBSCRIBE = 7, HEART_BEAT = 8, ACK_REQUESTID = 9,
        RECOVER_DATA = 10, LOGIN_FROM_CLOSE = 11, AS400_CONNECTED = 12, AS400_CONNECTFAIL = 13,
        AS400_DISCONNECTED = 14, QUEUE_WARNING = 15
    }

    public enum RECOVER_STATUS { RS_BEGIN = 0, RS_DONE = 1 }
}
