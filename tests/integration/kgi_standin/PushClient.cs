// Test stand-in for KGI's PushClient.dll.
namespace Intelligence
{
    public enum CONNECTION_STATUS { CS_CONNECTREADY = 0, CS_CONNECTING = 1, CS_DISCONNECTED = 2 }
}
