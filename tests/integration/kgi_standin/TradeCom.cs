// Test stand-in for KGI's TradeCom.dll: Smart.TaiFexCom with the vendor's constructor, events,
// public fields, properties and methods. LoginDirect opens a real TCP connection to host:port
// on a thread of its own and fires events from there (and, in "flood", from several threads).
// KGI_STANDIN_SCENARIO picks a behaviour: normal, drop, big5, ack, null_package, flood.
// Built with -define:LOWERCASE_LOGOUT it spells the method logout(), as one vendor build does.
using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Intelligence;
using Package;

namespace Smart
{
    public delegate void OnGetStatusEventHandler(object sender, COM_STATUS status, byte[] msg);
    public delegate void OnRcvMessageEventHandler(object sender, PackageBase pkg);
    public delegate void OnRcvServerTimeEventHandler(object sender, DateTime serverTime, int connQuality);
    public delegate void OnRecoverStatusEventHandler(object sender, string topic, RECOVER_STATUS status, uint count);

    public class TaiFexCom : IDisposable
    {
        public static int HandlerExceptions;   // a Python exception that escaped into .NET
        public static int Subscribers;          // handlers attached across all instances
        public static string LastLogin = "";    // what LoginDirect received, for the tests
        public static string LastFields = "";   // the Auto* fields at LoginDirect time

        static readonly byte[] Big5LoginFail = { 0xB5, 0x6E, 0xA4, 0x4A, 0xA5, 0xA2, 0xB1, 0xD1, 0xA1, 0x47, 0xB1, 0x4B, 0xBD, 0x58, 0xBF, 0xF9, 0xBB, 0x7E };
        static readonly string[] Topics = { "ProList.xml", "ProductBaseSv1801.xml", "OptProList.xml" };
        static readonly uint[] Counts = { 275, 367, 96 };

        public bool AutoSubReport;
        public bool AutoRetriveProductInfo = true;
        public bool? AutoRecoverReport;
        public string ServerHost;
        public ushort ServerPort;
        public int ConnectTimeout = 3000;
        public int LoginTimeout = 15000;

        OnGetStatusEventHandler onGetStatus;
        OnRcvMessageEventHandler onRcvMessage;
        OnRcvServerTimeEventHandler onRcvServerTime;
        OnRecoverStatusEventHandler onRecoverStatus;

        public event OnGetStatusEventHandler OnGetStatus
        {
            add { onGetStatus += value; Interlocked.Increment(ref Subscribers); }
            remove { onGetStatus -= value; Interlocked.Decrement(ref Subscribers); }
        }
        public event OnRcvMessageEventHandler OnRcvMessage
        {
            add { onRcvMessage += value; Interlocked.Increment(ref Subscribers); }
            remove { onRcvMessage -= value; Interlocked.Decrement(ref Subscribers); }
        }
        public event OnRcvServerTimeEventHandler OnRcvServerTime
        {
            add { onRcvServerTime += value; Interlocked.Increment(ref Subscribers); }
            remove { onRcvServerTime -= value; Interlocked.Decrement(ref Subscribers); }
        }
        public event OnRecoverStatusEventHandler OnRecoverStatus
        {
            add { onRecoverStatus += value; Interlocked.Increment(ref Subscribers); }
            remove { onRecoverStatus -= value; Interlocked.Decrement(ref Subscribers); }
        }

        COM_STATUS status = COM_STATUS.DISCONNECTED;
        CONNECTION_STATUS connection = CONNECTION_STATUS.CS_DISCONNECTED;
        readonly ManualResetEvent wake = new ManualResetEvent(false);
        volatile bool loggingOut, disposed;
        Thread worker;
        TcpClient tcp;
        string[] accounts = new string[0];

        public TaiFexCom(string host, ushort port, string sourceId)
        {
            if (sourceId == null || sourceId.Length == 0) throw new ArgumentException("sourceId");
            ServerHost = host;
            ServerPort = port;
        }

        public string version { get { return "2099010101"; } }
        public string MyIP { get { return "127.0.0.1"; } }
        public string[] Accounts { get { return accounts; } }

        public COM_STATUS ComStatus() { return status; }
        public CONNECTION_STATUS ConnectionStatus() { return connection; }

        public void LoginDirect(string ip, ushort port, string id, string pwd, char center)
        {
            if (disposed) throw new ObjectDisposedException("TaiFexCom");
            LastLogin = ip + "|" + port + "|" + id + "|" + (int)center;
            LastFields = AutoSubReport + "|" + AutoRecoverReport + "|" + AutoRetriveProductInfo;
            ServerHost = ip;
            ServerPort = port;
            worker = new Thread(() => Play(ip, port, id, pwd));
            worker.IsBackground = true;
            worker.Start();
        }

#if LOWERCASE_LOGOUT
        public void logout()
#else
        public void Logout()
#endif
        {
            loggingOut = true;
            wake.Set();
        }

        public void Dispose()
        {
            disposed = true;
            wake.Set();
            if (worker != null && worker != Thread.CurrentThread) worker.Join(2000);
            if (tcp != null) tcp.Close();
        }

        static byte[] Utf8(string text) { return Encoding.UTF8.GetBytes(text); }

        bool Pause(int ms) { wake.WaitOne(ms); return !(loggingOut || disposed); }

        void Guard(Action fire)
        {
            try { fire(); }
            catch (Exception) { Interlocked.Increment(ref HandlerExceptions); }
        }

        void Status(COM_STATUS value, byte[] msg)
        {
            if (disposed) return;
            status = value;
            var handler = onGetStatus;
            if (handler != null) Guard(() => handler(this, value, msg));
        }

        void Recover(string topic, RECOVER_STATUS value, uint count)
        {
            var handler = onRecoverStatus;
            if (handler != null && !disposed) Guard(() => handler(this, topic, value, count));
        }

        void Message(PackageBase pkg)
        {
            var handler = onRcvMessage;
            if (handler != null && !disposed) Guard(() => handler(this, pkg));
        }

        void Play(string ip, ushort port, string id, string pwd)
        {
            string scenario = Environment.GetEnvironmentVariable("KGI_STANDIN_SCENARIO") ?? "normal";
            connection = CONNECTION_STATUS.CS_CONNECTING;
            try
            {
                tcp = new TcpClient();
                IAsyncResult pending = tcp.BeginConnect(ip, port, null, null);
                if (!pending.AsyncWaitHandle.WaitOne(ConnectTimeout))
                    throw new TimeoutException("timed out");
                tcp.EndConnect(pending);
            }
            catch (Exception e)
            {
                connection = CONNECTION_STATUS.CS_DISCONNECTED;
                Status(COM_STATUS.CONNECT_FAIL, Utf8("連線失敗：" + ip + ":" + port + " " + e.Message));
                return;
            }
            connection = CONNECTION_STATUS.CS_CONNECTREADY;
            Status(COM_STATUS.CONNECT_READY, Utf8("連線成功"));
            if (AutoRetriveProductInfo)
            {
                for (int i = 0; i < Topics.Length; i++)
                {
                    Recover(Topics[i], RECOVER_STATUS.RS_BEGIN, 0);
                    if (scenario == "drop" && i == 1)
                    {
                        connection = CONNECTION_STATUS.CS_DISCONNECTED;
                        Status(COM_STATUS.DISCONNECTED, Utf8("連線中斷"));
                        return;
                    }
                    if (!Pause(10)) { Finish(); return; }
                    Recover(Topics[i], RECOVER_STATUS.RS_DONE, Counts[i]);
                }
            }
            if (scenario == "null_package") Message(null);
            if (pwd != "demo")
            {
                Status(COM_STATUS.LOGIN_FAIL, scenario == "big5" ? Big5LoginFail : Utf8("登入失敗：密碼錯誤"));
                return;
            }
            accounts = new string[] { "F021000-" + id };
            Status(COM_STATUS.LOGIN_READY, Utf8("登入成功"));
            if (scenario == "ack")
            {
                byte[] ack = new byte[9];
                BitConverter.GetBytes(123456789012L).CopyTo(ack, 0);
                ack[8] = 1;
                Status(COM_STATUS.ACK_REQUESTID, ack);
                Status(COM_STATUS.QUEUE_WARNING, Utf8("佇列壅塞"));
                Message(new PackageBase(42, "RPT"));
            }
            if (scenario == "flood") Flood();
            while (true)
            {
                var handler = onRcvServerTime;
                DateTime taipei = DateTime.UtcNow.AddHours(8);
                if (handler != null && !disposed) Guard(() => handler(this, taipei, 12));
                if (!Pause(1000)) { Finish(); return; }
            }
        }

        void Flood()
        {
            var threads = new Thread[4];
            for (int t = 0; t < threads.Length; t++)
            {
                string topic = "T" + t;
                threads[t] = new Thread(() => { for (int i = 0; i < 2500; i++) Message(new PackageBase((ushort)i, topic)); });
                threads[t].Start();
            }
            foreach (var thread in threads) thread.Join();
        }

        void Finish()
        {
            connection = CONNECTION_STATUS.CS_DISCONNECTED;
            if (loggingOut && !disposed) Status(COM_STATUS.DISCONNECTED, new byte[0]);
        }
    }
}
