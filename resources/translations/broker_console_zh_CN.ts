<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountBar</name>
    <message>
        <source>Remember passwords</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>Keep this account&apos;s passwords in the system&apos;s credential store (Windows Credential Manager, macOS Keychain, Secret Service), never in a file</source>
        <translation>将此账户的密码存于系统的凭据存储（Windows 凭据管理器、macOS 钥匙串、Secret Service），绝不写入文件</translation>
    </message>
    <message>
        <source>Log in with all</source>
        <translation>随全部登录</translation>
    </message>
    <message>
        <source>Logged in by File → Log in to all (one account per broker)</source>
        <translation>由“文件 → 全部登录”登录（每家券商一个账户）</translation>
    </message>
    <message>
        <source>The account whose values the form shows</source>
        <translation>表单当前显示的账户</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Forget passwords</source>
        <translation>忘记密码</translation>
    </message>
    <message>
        <source>Reconnect after a drop</source>
        <translation>断线后重新连接</translation>
    </message>
    <message>
        <source>Log in again when the session drops (after 1, 2, 4 … 60 s); never after a rejected login. On by default for accounts that log in with all.</source>
        <translation>连接断开时重新登录（间隔 1、2、4 … 60 秒）；登录被拒绝时绝不重试。“随全部登录”的账户默认开启。</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>定时登录…</translation>
    </message>
    <message>
        <source>Log this account in by itself at set times</source>
        <translation>在设定的时间自动登录此账户</translation>
    </message>
    <message>
        <source>Accou&amp;nt</source>
        <translation>账户(&amp;N)</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>Name of the new account:</source>
        <translation>新账户名称：</translation>
    </message>
    <message>
        <source>Duplicate account</source>
        <translation>复制账户</translation>
    </message>
    <message>
        <source>Name of the copy (passwords are not copied):</source>
        <translation>副本名称（不会复制密码）：</translation>
    </message>
    <message>
        <source>{0} copy</source>
        <translation>{0} 副本</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>重命名账户</translation>
    </message>
    <message>
        <source>New name of {0}:</source>
        <translation>{0} 的新名称：</translation>
    </message>
    <message>
        <source>No account added: {0}</source>
        <translation>未新建账户：{0}</translation>
    </message>
    <message>
        <source>Not renamed: {0}</source>
        <translation>未重命名：{0}</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Delete the account {0} and forget its remembered passwords?</source>
        <translation>要删除账户 {0} 并忘记它记住的密码吗？</translation>
    </message>
    <message>
        <source>Account {0} deleted; {1}</source>
        <translation>已删除账户 {0}；{1}</translation>
    </message>
    <message>
        <source>Account {0} deleted.</source>
        <translation>已删除账户 {0}。</translation>
    </message>
    <message>
        <source>Passwords of {0} forgotten.</source>
        <translation>已忘记 {0} 的密码。</translation>
    </message>
    <message>
        <source>The passwords will be remembered after the next login that works.</source>
        <translation>下次登录成功后将记住密码。</translation>
    </message>
    <message>
        <source>The credential store did not answer within {0} s.</source>
        <translation>凭据存储在 {0} 秒内没有应答。</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <source>&amp;Connect</source>
        <translation>登录(&amp;C)</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Log&amp;out</source>
        <translation>登出(&amp;O)</translation>
    </message>
</context>
<context>
    <name>BrokerTab</name>
    <message>
        <source>Built-in simulator</source>
        <translation>内置模拟器</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>正式环境</translation>
    </message>
    <message>
        <source>Check every step of reaching the broker (name, port, TLS, proxy, clock, SDK) without logging in</source>
        <translation>不登录，逐步检查连到券商的每个环节（名称、端口、TLS、代理、时钟、SDK）</translation>
    </message>
    <message>
        <source>Use it</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Not available yet: {0} You can prepare the settings; they are kept.</source>
        <translation>尚未提供：{0} 您可以先准备设置，设置会保留。</translation>
    </message>
    <message>
        <source>Auto-fill from this machine</source>
        <translation>从本机自动填写</translation>
    </message>
    <message>
        <source>Collect these fields from this computer; edit them after.</source>
        <translation>从这台电脑收集这些字段；之后可再修改。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Terminal info</source>
        <translation>终端信息</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>环境(&amp;E)</translation>
    </message>
    <message>
        <source>Scena&amp;rio</source>
        <translation>情境(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation>诊断(&amp;D)</translation>
    </message>
    <message>
        <source>The remembered passwords could not be read: {0}</source>
        <translation>无法读取记住的密码：{0}</translation>
    </message>
    <message>
        <source>already logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>not available yet</source>
        <translation>尚未提供</translation>
    </message>
    <message>
        <source>needs: {0}</source>
        <translation>需要：{0}</translation>
    </message>
    <message>
        <source>logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>the tab is logged in with {0}</source>
        <translation>此标签页已用 {0} 登录</translation>
    </message>
    <message>
        <source>the tab was busy</source>
        <translation>此标签页正忙</translation>
    </message>
    <message>
        <source>the account could not be shown</source>
        <translation>无法显示该账户</translation>
    </message>
    <message>
        <source>Its lockout rule is unknown.</source>
        <translation>该券商的锁定规则不明。</translation>
    </message>
    <message numerus="yes">
        <source>Not sent: the last %n login(s) of this account were rejected in a row, and one more may lock it at the broker. {0} The console stops after {1} in a row: check the password first.</source>
        <translation>
            <numerusform>未发送：该账户最近 %n 次登录连续被拒绝，再错一次可能被券商锁定。{0} 本控制台在连续 {1} 次后停止：请先确认密码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Lockout risk</source>
        <translation>账户锁定风险</translation>
    </message>
    <message>
        <source>Try anyway</source>
        <translation>仍要尝试</translation>
    </message>
    <message>
        <source>Check the highlighted fields; nothing was sent.</source>
        <translation>请检查标出的字段；尚未发送任何数据。</translation>
    </message>
    <message>
        <source>The built-in simulator runs in this console: the diagnosis reaches its own front on this machine (127.0.0.1, a port of its own), not the host and port of the form.</source>
        <translation>内置模拟器在本控制台中运行：诊断连到它在本机的前端（127.0.0.1，它自己的端口），而非表单中的主机与端口。</translation>
    </message>
    <message>
        <source>Checking the form&apos;s {0}.</source>
        <translation>正在检查表单中的 {0}。</translation>
    </message>
    <message>
        <source>Login cancelled by the user.</source>
        <translation>用户已取消登录。</translation>
    </message>
    <message>
        <source>Could not save the settings: {0}</source>
        <translation>无法保存设置：{0}</translation>
    </message>
    <message>
        <source>{0}
Code {1}: {2}</source>
        <translation>{0}
代码 {1}：{2}</translation>
    </message>
    <message>
        <source>Station fields filled in from this machine.</source>
        <translation>已从本机填写站点字段。</translation>
    </message>
</context>
<context>
    <name>DiagnosisPanel</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Diagnose checks every step of reaching the broker.</source>
        <translation>“诊断”会检查连到券商的每个步骤。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy every step and the verdict, for a ticket</source>
        <translation>复制每个步骤与结论，附到工单</translation>
    </message>
    <message>
        <source>Also log in</source>
        <translation>同时登录</translation>
    </message>
    <message>
        <source>End the next diagnosis with a real login and logout</source>
        <translation>下次诊断最后实际登录再登出</translation>
    </message>
    <message>
        <source>Diagnosing {0}…</source>
        <translation>正在诊断 {0}…</translation>
    </message>
    <message>
        <source>Every step passed; look at: {0}</source>
        <translation>所有步骤均通过；请留意：{0}</translation>
    </message>
    <message numerus="yes">
        <source>Every step passed (%n step(s)).</source>
        <translation>
            <numerusform>所有步骤均通过（%n 个步骤）。</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} at {1} ({2}): {3}</source>
        <translation>{0}，在 {1}（{2}）：{3}</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <source>All levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>This broker</source>
        <translation>此券商</translation>
    </message>
    <message>
        <source>All brokers</source>
        <translation>所有券商</translation>
    </message>
    <message>
        <source>Show this broker&apos;s events or every broker&apos;s</source>
        <translation>显示此券商或所有券商的事件</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Search status or detail</source>
        <translation>搜索状态或详细内容</translation>
    </message>
    <message>
        <source>Show every heartbeat</source>
        <translation>显示每次心跳</translation>
    </message>
    <message>
        <source>Off: repeated ServerTime and HEART_BEAT rows are one row with a count</source>
        <translation>关闭时：重复的 ServerTime 和 HEART_BEAT 合并为一行并计数</translation>
    </message>
    <message>
        <source>Pause scroll</source>
        <translation>暂停滚动</translation>
    </message>
    <message>
        <source>Keep the view still while events arrive</source>
        <translation>事件到达时画面保持不动</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Visible rows as CSV…</source>
        <translation>可见行导出为 CSV…</translation>
    </message>
    <message>
        <source>Visible rows as JSON Lines…</source>
        <translation>可见行导出为 JSON Lines…</translation>
    </message>
    <message>
        <source>Older rows leave this view to keep it fast; every event stays in the session log (View → Open log folder). Events counted as dropped were lost: the queue to the window was full.</source>
        <translation>较早的行会移出此视图以保持流畅；每条事件都保留在会话日志中（视图 → 打开日志文件夹）。计为已丢弃的事件已丢失：发往窗口的队列已满。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) trimmed</source>
        <translation>
            <numerusform>已从视图移除 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dropped</source>
        <translation>
            <numerusform>已丢弃 %n 条事件</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to {0}</source>
        <translation>
            <numerusform>已导出 %n 条事件到 {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the value while the button is down</source>
        <translation>按下按钮时显示内容</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Remembered: it is never shown; clear it to type another</source>
        <translation>已记住：永不显示；清除后可输入新的</translation>
    </message>
</context>
<context>
    <name>HealthCharts</name>
    <message>
        <source>Clock offset (ms)</source>
        <translation>时钟偏差 (ms)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟 (ms)</translation>
    </message>
    <message>
        <source>{0}: no data yet</source>
        <translation>{0}：暂无数据</translation>
    </message>
    <message>
        <source>Health over the last hours (▲ a drop)</source>
        <translation>近几小时的连接状态（▲ 断线）</translation>
    </message>
</context>
<context>
    <name>I18n</name>
    <message>
        <source>Likely cause: {0}</source>
        <translation>可能原因：{0}</translation>
    </message>
    <message>
        <source>What to do: {0}</source>
        <translation>处理方法：{0}</translation>
    </message>
</context>
<context>
    <name>LogViewModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>券商</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详细内容</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>{0}

Code {1} ({2}):
{3}</source>
        <translation>{0}

代码 {1}（{2}）：
{3}</translation>
    </message>
</context>
<context>
    <name>LoginAllSummary</name>
    <message>
        <source>Log in to all</source>
        <translation>全部登录</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>券商</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>登录中…</translation>
    </message>
    <message>
        <source>logging in…</source>
        <translation>登录中…</translation>
    </message>
    <message>
        <source>{0} of {1} logged in</source>
        <translation>{1} 个中已登录 {0} 个</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sessions</source>
        <translation>会话总览</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{0}. Logins go on, but their events are not kept for support.</source>
        <translation>{0}。登录照常进行，但事件不会保存给技术支持。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Log in to &amp;all</source>
        <translation>全部登录(&amp;A)</translation>
    </message>
    <message>
        <source>Log in to every account marked &apos;Log in with all&apos;, side by side</source>
        <translation>同时登录所有标记为“随全部登录”的账户</translation>
    </message>
    <message>
        <source>Log in to all at start-up</source>
        <translation>启动时全部登录</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>会话总览(&amp;S)</translation>
    </message>
    <message>
        <source>Every session&apos;s health, side by side</source>
        <translation>并列显示每个会话的健康状态</translation>
    </message>
    <message>
        <source>&amp;Export account…</source>
        <translation>导出账户(&amp;E)…</translation>
    </message>
    <message>
        <source>The current tab&apos;s account as a file to hand over, without passwords</source>
        <translation>将当前标签页的账户存成可交接的文件，不含密码</translation>
    </message>
    <message>
        <source>&amp;Import account…</source>
        <translation>导入账户(&amp;I)…</translation>
    </message>
    <message>
        <source>Save &amp;support bundle…</source>
        <translation>保存支持包(&amp;S)…</translation>
    </message>
    <message>
        <source>A zip for desk support: runtime, session logs, diagnoses, settings; no secret</source>
        <translation>给技术支持的 zip：运行环境、会话日志、诊断、设置；不含任何密码</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Notify when a session drops</source>
        <translation>连接断开时通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>关于 {0}</translation>
    </message>
    <message>
        <source>{0} {1}
Log in to your brokers and see at a glance that it worked.</source>
        <translation>{0} {1}
登录您的券商，一眼看出是否成功。</translation>
    </message>
    <message>
        <source>{0}: session lost</source>
        <translation>{0}：连接断开</translation>
    </message>
    <message>
        <source>{0}: reconnected</source>
        <translation>{0}：已重新连接</translation>
    </message>
    <message numerus="yes">
        <source>Logged in again (%n reconnect(s) so far)</source>
        <translation>
            <numerusform>已重新登录（至今重连 %n 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Support bundle saved: {0} (%n file(s))</source>
        <translation>
            <numerusform>支持包已保存：{0}（%n 个文件）</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: gave up reconnecting</source>
        <translation>{0}：已放弃重新连接</translation>
    </message>
    <message>
        <source>{1} live — {0}</source>
        <translation>{1} 个在线 — {0}</translation>
    </message>
    <message>
        <source>{0}: {1} live, worst {2}</source>
        <translation>{0}：{1} 个在线，最差状态 {2}</translation>
    </message>
    <message>
        <source>No account is marked &apos;Log in with all&apos;: tick it on a broker&apos;s tab.</source>
        <translation>没有账户标记为“随全部登录”：请在券商标签页勾选。</translation>
    </message>
    <message>
        <source>another account of it is logged in</source>
        <translation>该券商的另一个账户已登录</translation>
    </message>
    <message>
        <source>Export account</source>
        <translation>导出账户</translation>
    </message>
    <message>
        <source>The account could not be exported: {0}</source>
        <translation>无法导出账户：{0}</translation>
    </message>
    <message>
        <source>Account exported to {0} (no password in it)</source>
        <translation>账户已导出到 {0}（不含密码）</translation>
    </message>
    <message>
        <source>Import account</source>
        <translation>导入账户</translation>
    </message>
    <message>
        <source>The account could not be imported: {0}</source>
        <translation>无法导入账户：{0}</translation>
    </message>
    <message>
        <source>Account {0} imported for {1}</source>
        <translation>已为 {1} 导入账户 {0}</translation>
    </message>
    <message>
        <source>Account files (*.json)</source>
        <translation>账户文件 (*.json)</translation>
    </message>
    <message>
        <source>The log folder {0} cannot be made: {1}</source>
        <translation>无法创建日志文件夹 {0}：{1}</translation>
    </message>
    <message>
        <source>Logs are in {0}</source>
        <translation>日志在 {0}</translation>
    </message>
    <message>
        <source>Save support bundle</source>
        <translation>保存支持包</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip 文件 (*.zip)</translation>
    </message>
    <message>
        <source>Saving the support bundle…</source>
        <translation>正在保存支持包…</translation>
    </message>
    <message>
        <source>The support bundle could not be saved: {0}</source>
        <translation>无法保存支持包：{0}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Log out of {0} and quit?</source>
        <translation>登出 {0} 并退出？</translation>
    </message>
    <message>
        <source>Log out and quit</source>
        <translation>登出并退出</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>Logging out of every broker before closing…</source>
        <translation>关闭前正在登出所有券商…</translation>
    </message>
</context>
<context>
    <name>MetricsExport</name>
    <message>
        <source>Expose metrics for &amp;Prometheus…</source>
        <translation>向 Prometheus 提供指标(&amp;P)…</translation>
    </message>
    <message>
        <source>Serve the sessions&apos; health at http://HOST:PORT/metrics for Prometheus</source>
        <translation>在 http://HOST:PORT/metrics 向 Prometheus 提供会话健康状况</translation>
    </message>
    <message>
        <source>Cannot listen on {0}: {1}</source>
        <translation>无法在 {0} 上监听：{1}</translation>
    </message>
    <message>
        <source>Expose metrics</source>
        <translation>提供指标</translation>
    </message>
    <message>
        <source>Serve the sessions&apos; health for Prometheus at http://HOST:PORT/metrics (empty: off). 127.0.0.1 keeps it on this computer; another address makes it reachable from the network.</source>
        <translation>在 http://HOST:PORT/metrics 向 Prometheus 提供会话健康状况（留空：关闭）。127.0.0.1 只限本机访问；其他地址可从网络访问。</translation>
    </message>
    <message>
        <source>Metrics are no longer served.</source>
        <translation>已停止提供指标。</translation>
    </message>
    <message>
        <source>Metrics not served: {0}</source>
        <translation>未提供指标：{0}</translation>
    </message>
    <message>
        <source>Could not save the settings: {0}</source>
        <translation>无法保存设置：{0}</translation>
    </message>
    <message>
        <source>Metrics at {0}</source>
        <translation>指标地址：{0}</translation>
    </message>
    <message>
        <source>Metrics reachable from the network</source>
        <translation>指标可从网络访问</translation>
    </message>
    <message>
        <source>{0} can be read by anyone who reaches this computer on the network: the brokers, accounts and session states of this desk (never a password). Use 127.0.0.1 unless Prometheus runs elsewhere and the network is trusted.</source>
        <translation>网络上能访问本机的任何人都能读取 {0}：本交易台的券商、账户和会话状态（绝不包含密码）。除非 Prometheus 运行在其他机器且网络可信，否则请使用 127.0.0.1。</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Scheduled login: {0}</source>
        <translation>定时登录：{0}</translation>
    </message>
    <message>
        <source>Log in at</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>on the venue&apos;s trading days (this computer&apos;s time)</source>
        <translation>在交易所的交易日（本机时间）</translation>
    </message>
    <message>
        <source>Log in again when the daily maintenance window ends</source>
        <translation>每日维护时段结束后再次登录</translation>
    </message>
    <message>
        <source>This broker&apos;s venues have no maintenance window.</source>
        <translation>此券商的交易所没有维护时段。</translation>
    </message>
    <message>
        <source>Scheduled logins use the passwords this account remembers (turn on Remember passwords first) and run while the console is open. A missed or failed login is notified and not retried before the next time.</source>
        <translation>定时登录使用此账户记住的密码（请先开启“记住密码”），并在控制台开启时运行。错过或失败的登录会通知您，在下一次设定时间之前不会重试。</translation>
    </message>
</context>
<context>
    <name>ScheduledLogins</name>
    <message>
        <source>{0}: scheduled login done</source>
        <translation>{0}：定时登录完成</translation>
    </message>
    <message>
        <source>{0}: scheduled login skipped: {1}</source>
        <translation>{0}：定时登录已跳过：{1}</translation>
    </message>
    <message>
        <source>{0}: the scheduled login at {2} was missed (the computer slept or the clock jumped); not tried now</source>
        <translation>{0}：错过了 {2} 的定时登录（电脑休眠或时钟跳变）；现在不会尝试</translation>
    </message>
    <message>
        <source>{0}: scheduled login failed: {1}</source>
        <translation>{0}：定时登录失败：{1}</translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message numerus="yes">
        <source>Advanced settings (%n)</source>
        <translation>
            <numerusform>高级设置（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>Server time</source>
        <translation>服务器时间</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>Connection quality</source>
        <translation>连接质量</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Vendor code</source>
        <translation>厂商代码</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Recovery progress</source>
        <translation>回补进度</translation>
    </message>
    <message>
        <source>Before the logout: from the session that ended, not live</source>
        <translation>登出前：来自已结束的会话，并非实时</translation>
    </message>
    <message>
        <source>Open ({0}), closes in {1}</source>
        <translation>开市（{0}），{1}后收市</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>休市</translation>
    </message>
    <message>
        <source>Closed (maintenance window); opens at {0} ({1})</source>
        <translation>休市（维护时段）；{0} 开市（{1}）</translation>
    </message>
    <message>
        <source>Closed; opens at {0} ({1})</source>
        <translation>休市；{0} 开市（{1}）</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} 天 {1} 小时</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>{0} (not explained)</source>
        <translation>{0}（无说明）</translation>
    </message>
    <message>
        <source>{0} (expired)</source>
        <translation>{0}（已过期）</translation>
    </message>
    <message numerus="yes">
        <source>{0} (in %n day(s))</source>
        <translation>
            <numerusform>{0}（%n 天后）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>{0} (attempt {1}, in {2})</source>
        <translation>{0}（第 {1} 次，{2} 后）</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>登出</translation>
    </message>
</context>
<context>
    <name>TerminalInfoPanel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value sent</source>
        <translation>发送的值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>What the login sends about this machine.</source>
        <translation>登录时发送的本机信息。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the form and this machine again</source>
        <translation>重新读取表单和本机信息</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s); nothing looks wrong. Nothing was sent.</source>
        <translation>
            <numerusform>%n 个字段；未发现问题。未发送任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) look wrong ({0} the broker needs): {1}: {2}. Nothing was sent.</source>
        <translation>
            <numerusform>%n 个字段有问题（其中 {0} 个为券商必需）：{1}：{2}。未发送任何内容。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>brokers</name>
    <message>
        <source>CTP locks the account after repeated wrong passwords (ErrorID 75, 连续登录失败次数超限), commonly after 5.</source>
        <translation>CTP 在密码连续错误后会锁定账户（ErrorID 75，连续登录失败次数超限），通常为 5 次。</translation>
    </message>
    <message>
        <source>Connect to the KCBP server with these settings and queue names, without InitPlugin.</source>
        <translation>以这些设置与队列名称连接 KCBP 服务器，不执行 InitPlugin。</translation>
    </message>
    <message>
        <source>Get a new access token (GET /v1/token/refresh); the old one stops working.</source>
        <translation>获取新的访问令牌（GET /v1/token/refresh）；旧的会立即失效。</translation>
    </message>
    <message>
        <source>Hundsun 恒生 UFX</source>
        <translation>Hundsun 恒生 UFX</translation>
    </message>
    <message>
        <source>KGI 凱基</source>
        <translation>KGI 凯基</translation>
    </message>
    <message>
        <source>Kingdom 金证 KCBP</source>
        <translation>Kingdom 金证 KCBP</translation>
    </message>
    <message>
        <source>LongPort</source>
        <translation>LongPort 长桥</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>刷新令牌</translation>
    </message>
    <message>
        <source>Rootnet 根网 CTS</source>
        <translation>Rootnet 根网 CTS</translation>
    </message>
    <message>
        <source>Test KCBP connection</source>
        <translation>测试 KCBP 连接</translation>
    </message>
    <message>
        <source>vnpy gateway</source>
        <translation>vnpy 网关</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <source>A fault on LongPort&apos;s side, not this machine&apos;s.</source>
        <translation>LongPort 端的故障，不是本机的问题。</translation>
    </message>
    <message>
        <source>A fault or maintenance on KGI&apos;s side, not this machine&apos;s.</source>
        <translation>凯基端故障或维护，不是本机的问题。</translation>
    </message>
    <message>
        <source>A fault or maintenance on KGI&apos;s side.</source>
        <translation>凯基端故障或维护。</translation>
    </message>
    <message>
        <source>A login after the market closed.</source>
        <translation>收盘后登录。</translation>
    </message>
    <message>
        <source>A logout, the server closing the session, or the network dropping it.</source>
        <translation>登出、服务器关闭了会话，或网络中断。</translation>
    </message>
    <message>
        <source>A mistyped or changed operator password.</source>
        <translation>操作员密码输错或已更改。</translation>
    </message>
    <message>
        <source>A mistyped or changed password for this operator number.</source>
        <translation>此操作员编号的密码输错或已更改。</translation>
    </message>
    <message>
        <source>A mistyped or deleted App key, or one for the other region (global or mainland China).</source>
        <translation>App key 输错或已删除，或属于另一个区域（全球或中国大陆）。</translation>
    </message>
    <message>
        <source>A mistyped token, or an old one: after a refresh only the new token works.</source>
        <translation>Token 输错或是旧的：刷新后只有新 Token 有效。</translation>
    </message>
    <message>
        <source>A program polls faster than the limit, or several share the app.</source>
        <translation>某个程序查询频率超过限制，或多个程序共用此应用。</translation>
    </message>
    <message>
        <source>A required field of function 10001 is empty.</source>
        <translation>功能 10001 的必填字段为空。</translation>
    </message>
    <message>
        <source>A retry reused the timestamp, or this machine&apos;s clock stands still or jumps.</source>
        <translation>重试沿用了同一时间戳，或本机时钟停滞或跳变。</translation>
    </message>
    <message>
        <source>A slow or congested network, or this machine too busy (CPU, a stalled process) to read the front&apos;s heartbeats.</source>
        <translation>网络缓慢或拥塞，或本机过于繁忙（CPU、卡住的进程），来不及读取前置的心跳。</translation>
    </message>
    <message>
        <source>A wrong ID or password, or an account not enabled for API trading.</source>
        <translation>身份证字号或密码错误，或账户未开通 API 交易。</translation>
    </message>
    <message>
        <source>A wrong KCBP user or password (the KCBP leg&apos;s own, not the operator&apos;s).</source>
        <translation>KCBP 用户或密码错误（KCBP 连接自己的，不是操作员的）。</translation>
    </message>
    <message>
        <source>A wrong host or port, no route from this machine, or a firewall.</source>
        <translation>主机或端口错误、本机无路由，或被防火墙拦截。</translation>
    </message>
    <message>
        <source>A wrong password or investor ID.</source>
        <translation>密码或投资者代码错误。</translation>
    </message>
    <message>
        <source>A wrong user ID or password, a broker ID (经纪商代码) that does not match the front, or an account not opened for this front (e.g. a SimNow account on a production front).</source>
        <translation>用户代码或密码错误、经纪商代码与前置不符，或账户未在此前置开通（例如在生产前置使用 SimNow 账户）。</translation>
    </message>
    <message>
        <source>Access tokens last about three months and this one was not refreshed in time.</source>
        <translation>Access token 有效期约三个月，这个没有及时刷新。</translation>
    </message>
    <message>
        <source>Add the address to the app&apos;s allow-list in the developer centre, or use an allowed network.</source>
        <translation>在开发者中心把该地址加入应用的白名单，或改用允许的网络。</translation>
    </message>
    <message>
        <source>CTP ErrorID 11: the user is not known.</source>
        <translation>CTP ErrorID 11：找不到该用户。</translation>
    </message>
    <message>
        <source>CTP ErrorID 12: the broker ID is not known to this front.</source>
        <translation>CTP ErrorID 12：此前置找不到该经纪公司代码。</translation>
    </message>
    <message>
        <source>CTP ErrorID 3: the login is not valid.</source>
        <translation>CTP ErrorID 3：不合法的登录。</translation>
    </message>
    <message>
        <source>CTP ErrorID 48: the investor ID or password is not valid.</source>
        <translation>CTP ErrorID 48：无效的投资者代码或密码。</translation>
    </message>
    <message>
        <source>CTP ErrorID 49: logins from this IP address are not allowed.</source>
        <translation>CTP ErrorID 49：不允许从此 IP 地址登录。</translation>
    </message>
    <message>
        <source>CTP ErrorID 60: the user has too many sessions online.</source>
        <translation>CTP ErrorID 60：用户在线会话超出上限。</translation>
    </message>
    <message>
        <source>CTP ErrorID 63: client authentication (穿透式认证) failed.</source>
        <translation>CTP ErrorID 63：客户端认证（穿透式认证）失败。</translation>
    </message>
    <message>
        <source>CTP ErrorID 64: the client logged in before authenticating.</source>
        <translation>CTP ErrorID 64：客户端未认证就登录。</translation>
    </message>
    <message>
        <source>CTP ErrorID 75: too many failed logins in a row; logins are now forbidden.</source>
        <translation>CTP ErrorID 75：连续登录失败次数超限，登录被禁止。</translation>
    </message>
    <message>
        <source>CTP ErrorID 8: the front is not active.</source>
        <translation>CTP ErrorID 8：前置不活跃。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x1001: reading from the front failed.</source>
        <translation>CTP 断线原因 0x1001：网络读失败。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x1002: writing to the front failed.</source>
        <translation>CTP 断线原因 0x1002：网络写失败。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x2001: no heartbeat arrived from the front in time.</source>
        <translation>CTP 断线原因 0x2001：接收心跳超时。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x2002: sending a heartbeat to the front failed.</source>
        <translation>CTP 断线原因 0x2002：发送心跳失败。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x2003: the front sent a message the API could not read.</source>
        <translation>CTP 断线原因 0x2003：收到错误报文。</translation>
    </message>
    <message>
        <source>Check the AppID and AuthCode with the futures company; do not retry in a loop (vnpy_ctp stops re-authenticating after 63 to avoid a ban).</source>
        <translation>向期货公司核对 AppID 和 AuthCode；不要循环重试（vnpy_ctp 遇到 63 后不再重新认证，以免被封禁）。</translation>
    </message>
    <message>
        <source>Check the CTS server&apos;s status and the network; the reconnector logs in again if it is on.</source>
        <translation>检查 CTS 服务器状态和网络；若开启了自动重连，会重新登录。</translation>
    </message>
    <message>
        <source>Check the ID (person ID) and password; repeated wrong passwords lock the account.</source>
        <translation>检查身份证字号和密码；多次输错密码会锁定账户。</translation>
    </message>
    <message>
        <source>Check the KCBP user and password with Kingdom&apos;s operations team.</source>
        <translation>向金证运维团队核对 KCBP 用户和密码。</translation>
    </message>
    <message>
        <source>Check the front address and that the venue is open; if it keeps happening during trading hours, ask the futures company whether the front is up.</source>
        <translation>检查前置地址以及交易所是否开市；若交易时间内反复出现，请向期货公司确认前置是否正常。</translation>
    </message>
    <message>
        <source>Check the host and port; run Diagnose to see where the connection stops.</source>
        <translation>检查主机和端口；运行“诊断”查看连接在哪一步中断。</translation>
    </message>
    <message>
        <source>Check the latency to the front and this machine&apos;s load; the API reconnects by itself.</source>
        <translation>检查到前置的延迟和本机负载；API 会自动重连。</translation>
    </message>
    <message>
        <source>Check the operator password with the trading desk&apos;s administrator.</source>
        <translation>向交易台管理员核对操作员密码。</translation>
    </message>
    <message>
        <source>Check the password; after several wrong ones CTP locks the account (ErrorID 75).</source>
        <translation>检查密码；多次输错后 CTP 会锁定账户（ErrorID 75）。</translation>
    </message>
    <message>
        <source>Check the password; after several wrong ones the counter may lock the operator.</source>
        <translation>检查密码；多次输错后柜台可能锁定该操作员。</translation>
    </message>
    <message>
        <source>Check the terminal information (Terminal info preview), then have the broker register this station.</source>
        <translation>检查终端信息（终端信息预览），再请券商登记本站点。</translation>
    </message>
    <message>
        <source>Check the user ID and the broker ID.</source>
        <translation>检查用户代码和经纪商代码。</translation>
    </message>
    <message>
        <source>Check the user ID, password and broker ID against the futures company&apos;s letter. Repeated wrong passwords lock the account (ErrorID 75).</source>
        <translation>对照期货公司的开户资料检查用户代码、密码和经纪商代码。多次输错密码会锁定账户（ErrorID 75）。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s network and VPN, then connect again.</source>
        <translation>检查本机网络和 VPN，然后重新连接。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s network; the API reconnects by itself.</source>
        <translation>检查本机网络；API 会自动重连。</translation>
    </message>
    <message>
        <source>Connect again; if it repeats, check the network to the CTS server.</source>
        <translation>重新连接；若反复出现，检查到 CTS 服务器的网络。</translation>
    </message>
    <message>
        <source>Copy the App key again from the LongPort developer centre and check the region.</source>
        <translation>从 LongPort 开发者中心重新复制 App key，并检查区域。</translation>
    </message>
    <message>
        <source>Copy the App secret again from the LongPort developer centre, and check that all three come from the same app.</source>
        <translation>从 LongPort 开发者中心重新复制 App secret，并确认三者来自同一个应用。</translation>
    </message>
    <message>
        <source>Copy the current token again from the developer centre.</source>
        <translation>从开发者中心重新复制当前的 Token。</translation>
    </message>
    <message>
        <source>Create a new token in the developer centre; next time refresh it (the tab&apos;s Refresh token) before it expires.</source>
        <translation>在开发者中心创建新 Token；下次请在过期前刷新（标签页的“刷新 Token”）。</translation>
    </message>
    <message>
        <source>Fill in the AppID (产品名称) and AuthCode (授权编码) the futures company gave.</source>
        <translation>填写期货公司提供的 AppID（产品名称）和 AuthCode（授权编码）。</translation>
    </message>
    <message>
        <source>Fill in the field; use Auto-fill for the machine&apos;s MAC, IP and station.</source>
        <translation>填写该字段；本机的 MAC、IP 和站点信息请用“自动填写”。</translation>
    </message>
    <message>
        <source>If you did not log out, check the network; the reconnector logs in again if it is on.</source>
        <translation>如果不是您登出的，请检查网络；若开启了自动重连，会重新登录。</translation>
    </message>
    <message>
        <source>KGI could not tell whether the login succeeded.</source>
        <translation>凯基无法确定登录是否成功。</translation>
    </message>
    <message>
        <source>KGI refused the login.</source>
        <translation>凯基拒绝了登录。</translation>
    </message>
    <message>
        <source>KGI&apos;s API server could not be reached.</source>
        <translation>无法连接凯基的 API 服务器。</translation>
    </message>
    <message>
        <source>KGI&apos;s API server could not reach its back-office host (AS400).</source>
        <translation>凯基的 API 服务器无法连接其后台主机（AS400）。</translation>
    </message>
    <message>
        <source>KGI&apos;s API server lost its back-office host (AS400).</source>
        <translation>凯基的 API 服务器与后台主机（AS400）断开。</translation>
    </message>
    <message>
        <source>Log in again; keep the heartbeat interval well under five minutes.</source>
        <translation>重新登录；心跳间隔要远小于五分钟。</translation>
    </message>
    <message>
        <source>Log in from a registered address, or have the futures company add this one.</source>
        <translation>从已登记的地址登录，或请期货公司添加此地址。</translation>
    </message>
    <message>
        <source>Log out and in again; if it repeats, tell KGI&apos;s API support.</source>
        <translation>登出后重新登录；若反复出现，请联系凯基 API 支持。</translation>
    </message>
    <message>
        <source>Log out the other sessions, or ask the futures company to raise the limit.</source>
        <translation>登出其他会话，或请期货公司提高上限。</translation>
    </message>
    <message>
        <source>LongPort had an internal error.</source>
        <translation>LongPort 发生内部错误。</translation>
    </message>
    <message>
        <source>Nothing to fix: orders wait for the next session.</source>
        <translation>无需处理：委托会等到下一个交易时段。</translation>
    </message>
    <message>
        <source>Several programs behind this address call LongPort at once.</source>
        <translation>此地址后面有多个程序同时调用 LongPort。</translation>
    </message>
    <message>
        <source>Several wrong passwords in a row (commonly five; the futures company sets the limit).</source>
        <translation>连续多次输错密码（通常五次；次数由期货公司设定）。</translation>
    </message>
    <message>
        <source>Station control refused this machine.</source>
        <translation>站点控制拒绝了本机。</translation>
    </message>
    <message>
        <source>Stop trying: call the futures company to unlock the account or reset the password.</source>
        <translation>停止尝试：致电期货公司解锁账户或重置密码。</translation>
    </message>
    <message>
        <source>The API version does not match the front (e.g. a 6.3 API against a 6.7 front, or a test-environment API against production), or something in between alters the traffic.</source>
        <translation>API 版本与前置不匹配（例如 6.3 的 API 连 6.7 的前置，或用测评环境的 API 连生产环境），或中间有设备改动了流量。</translation>
    </message>
    <message>
        <source>The Access token could not be verified.</source>
        <translation>无法验证 Access token。</translation>
    </message>
    <message>
        <source>The Access token has expired.</source>
        <translation>Access token 已过期。</translation>
    </message>
    <message>
        <source>The Access token is not valid.</source>
        <translation>Access token 无效。</translation>
    </message>
    <message>
        <source>The App key is not recognised.</source>
        <translation>无法识别 App key。</translation>
    </message>
    <message>
        <source>The App secret is wrong, or the App key, App secret and Access token belong to different apps.</source>
        <translation>App secret 错误，或 App key、App secret 和 Access token 属于不同的应用。</translation>
    </message>
    <message>
        <source>The AppID (产品名称) and AuthCode (授权编码) do not match what the futures company registered for this program and environment.</source>
        <translation>AppID（产品名称）和 AuthCode（授权编码）与期货公司为此程序和环境登记的不符。</translation>
    </message>
    <message>
        <source>The CTS server is not connected.</source>
        <translation>未连接 CTS 服务器。</translation>
    </message>
    <message>
        <source>The KCBP server refused the KCBP user or password.</source>
        <translation>KCBP 服务器拒绝了 KCBP 用户或密码。</translation>
    </message>
    <message>
        <source>The app has an IP allow-list and this network&apos;s public address is not on it.</source>
        <translation>应用设置了 IP 白名单，而此网络的公网地址不在其中。</translation>
    </message>
    <message>
        <source>The back office did not answer in time.</source>
        <translation>后台未及时回应。</translation>
    </message>
    <message>
        <source>The broker ID (经纪商代码) is wrong for this front (SimNow&apos;s is 9999).</source>
        <translation>经纪商代码与此前置不符（SimNow 的是 9999）。</translation>
    </message>
    <message>
        <source>The connection broke on this machine&apos;s side (network down, sleep, a proxy).</source>
        <translation>连接在本机这一侧中断（网络断开、休眠、代理）。</translation>
    </message>
    <message>
        <source>The connection to KGI&apos;s API server closed.</source>
        <translation>与凯基 API 服务器的连接已关闭。</translation>
    </message>
    <message>
        <source>The connection to the CTS server was reset.</source>
        <translation>与 CTS 服务器的连接被重置。</translation>
    </message>
    <message>
        <source>The counter binds the operator to registered stations: the MAC address is not a 12-hex-digit MAC, or this machine&apos;s MAC / IP / op_station is not the registered one (common on VMs and containers, whose MAC changes).</source>
        <translation>柜台把操作员绑定在已登记的站点上：MAC 地址不是 12 位十六进制，或本机的 MAC / IP / op_station 不是登记的那个（虚拟机和容器的 MAC 会变，常见此情况）。</translation>
    </message>
    <message>
        <source>The front closed the connection or is not running (outside trading hours, in the daily maintenance window), or a firewall or proxy cut it.</source>
        <translation>前置关闭了连接或未运行（非交易时间、每日维护时段），或被防火墙、代理切断。</translation>
    </message>
    <message>
        <source>The front is up but not yet serving (starting, or in its maintenance window).</source>
        <translation>前置已启动但尚未提供服务（启动中，或处于维护时段）。</translation>
    </message>
    <message>
        <source>The front requires authentication (ReqAuthenticate) and the gateway did not do it, or the AppID and AuthCode were left empty.</source>
        <translation>前置要求认证（ReqAuthenticate）而接口没有做，或 AppID 和 AuthCode 留空。</translation>
    </message>
    <message>
        <source>The futures company restricts the account to registered IP addresses.</source>
        <translation>期货公司限制该账户只能从登记的 IP 地址登录。</translation>
    </message>
    <message>
        <source>The login happened outside TAIFEX&apos;s trading sessions.</source>
        <translation>登录发生在期交所交易时段之外。</translation>
    </message>
    <message>
        <source>The network path to the front broke (a dropped link, a VPN or proxy going away).</source>
        <translation>到前置的网络路径中断（线路掉线、VPN 或代理断开）。</translation>
    </message>
    <message>
        <source>The operator&apos;s password is wrong.</source>
        <translation>操作员密码错误。</translation>
    </message>
    <message>
        <source>The request signature is invalid.</source>
        <translation>请求签名无效。</translation>
    </message>
    <message>
        <source>The same account is logged in elsewhere (another program, another desk, a session not logged out).</source>
        <translation>同一账户在别处登录（另一个程序、另一台电脑、未登出的会话）。</translation>
    </message>
    <message>
        <source>The same request (timestamp and signature) was sent twice.</source>
        <translation>同一请求（时间戳和签名）发送了两次。</translation>
    </message>
    <message>
        <source>The server closed the connection (restart, maintenance) or the network dropped it.</source>
        <translation>服务器关闭了连接（重启、维护）或网络中断。</translation>
    </message>
    <message>
        <source>The token expired after five minutes without activity (no 10000 heartbeat), or the operator logged out elsewhere.</source>
        <translation>Token 在五分钟无活动后过期（没有 10000 心跳），或操作员在别处登出。</translation>
    </message>
    <message>
        <source>The token was issued for another App key.</source>
        <translation>该 Token 是为另一个 App key 签发的。</translation>
    </message>
    <message>
        <source>The user ID is wrong or belongs to another futures company or environment.</source>
        <translation>用户代码错误，或属于另一家期货公司或环境。</translation>
    </message>
    <message>
        <source>The user_token is no longer valid.</source>
        <translation>user_token 已失效。</translation>
    </message>
    <message>
        <source>This machine&apos;s public IP address is not allowed for this app.</source>
        <translation>本机的公网 IP 地址不被此应用允许。</translation>
    </message>
    <message>
        <source>Too many calls to this API (the trade API allows 30 calls in 30 seconds).</source>
        <translation>此 API 调用过于频繁（交易 API 每 30 秒允许 30 次）。</translation>
    </message>
    <message>
        <source>Too many requests from this IP address.</source>
        <translation>来自此 IP 地址的请求过多。</translation>
    </message>
    <message>
        <source>Try again later; give LongPort support the trace id.</source>
        <translation>稍后重试；把 trace id 提供给 LongPort 支持。</translation>
    </message>
    <message>
        <source>Try again; if it keeps happening, check this machine&apos;s clock.</source>
        <translation>重试；若反复出现，检查本机时钟。</translation>
    </message>
    <message>
        <source>Use the CTP API version the futures company names for this front.</source>
        <translation>使用期货公司为此前置指定的 CTP API 版本。</translation>
    </message>
    <message>
        <source>Use the broker ID the futures company gave for this front.</source>
        <translation>使用期货公司为此前置提供的经纪商代码。</translation>
    </message>
    <message>
        <source>Use the token issued for this App key.</source>
        <translation>使用为此 App key 签发的 Token。</translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation>等一分钟后重试。</translation>
    </message>
    <message>
        <source>Wait and try again; if it lasts, tell KGI&apos;s API support.</source>
        <translation>稍等后重试；若持续，请联系凯基 API 支持。</translation>
    </message>
    <message>
        <source>Wait for the venue&apos;s opening (the front usually comes up shortly before), then log in.</source>
        <translation>等交易所开市（前置通常提前不久启动）后再登录。</translation>
    </message>
    <message>
        <source>Wait half a minute, then try again.</source>
        <translation>等半分钟后重试。</translation>
    </message>
    <message>
        <source>Wait; orders and reports may be delayed until it is back.</source>
        <translation>请稍候；恢复前委托和回报可能延迟。</translation>
    </message>
    <message>
        <source>operator_no, password, mac_address, ip_address, op_station or authorization_id was left empty (MsgDetail names it).</source>
        <translation>operator_no、password、mac_address、ip_address、op_station 或 authorization_id 留空（MsgDetail 会指出是哪个）。</translation>
    </message>
    <message>
        <source>optLogin was called on a connection that had already dropped.</source>
        <translation>在已断开的连接上调用了 optLogin。</translation>
    </message>
</context>
<context>
    <name>diagnosis</name>
    <message>
        <source>No TLS connection could be agreed (protocol or cipher): the server may not speak TLS on this port, or only versions this machine refuses.</source>
        <translation>无法协商 TLS 连接（协议或加密方式）：服务器可能未在此端口使用 TLS，或只支持本机拒绝的版本。</translation>
    </message>
    <message>
        <source>Nothing accepts connections there: check the host and port with the broker; a firewall may reject the connection.</source>
        <translation>该处没有程序接受连接：请向券商确认主机与端口；防火墙可能拒绝了连接。</translation>
    </message>
    <message>
        <source>The broker refused the login: check the credentials and that the account may use the API.</source>
        <translation>券商拒绝登录：请检查凭证，并确认该账户可使用 API。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock and this machine&apos;s differ: compare this machine with an internet time source; sync it if it is wrong, else tell the broker.</source>
        <translation>券商的时钟与本机不同：请将本机与互联网时间源比对；本机有误就同步，否则告知券商。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is ahead of this machine&apos;s: this machine is slow, or the broker&apos;s clock is fast. Compare this machine with an internet time source. If it is right, tell the broker that its clock is fast; if it is wrong, sync it: Settings → Time &amp; language → Date &amp; time → Sync now (or, as administrator: w32tm /resync).</source>
        <translation>券商的时钟比本机快：可能是本机慢了，或是券商的时钟快了。请将本机与互联网时间源比对。本机正确就告知券商其时钟偏快；本机有误则同步时间：设置 → 时间和语言 → 日期和时间 → 立即同步（或以管理员运行：w32tm /resync）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is ahead of this machine&apos;s: this machine is slow, or the broker&apos;s clock is fast. Compare this machine with an internet time source. If it is right, tell the broker that its clock is fast; if it is wrong, sync it: System Settings → General → Date &amp; Time → Set time and date automatically (or: sudo sntp -sS time.apple.com).</source>
        <translation>券商的时钟比本机快：可能是本机慢了，或是券商的时钟快了。请将本机与互联网时间源比对。本机正确就告知券商其时钟偏快；本机有误则同步时间：系统设置 → 通用 → 日期与时间 → 自动设置日期与时间（或：sudo sntp -sS time.apple.com）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is ahead of this machine&apos;s: this machine is slow, or the broker&apos;s clock is fast. Compare this machine with an internet time source. If it is right, tell the broker that its clock is fast; if it is wrong, sync it: sudo timedatectl set-ntp true, until timedatectl status says &apos;System clock synchronized: yes&apos; (with chrony: sudo chronyc makestep).</source>
        <translation>券商的时钟比本机快：可能是本机慢了，或是券商的时钟快了。请将本机与互联网时间源比对。本机正确就告知券商其时钟偏快；本机有误则同步时间：sudo timedatectl set-ntp true，直到 timedatectl status 显示“System clock synchronized: yes”（使用 chrony：sudo chronyc makestep）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is behind this machine&apos;s: this machine is fast, or the broker&apos;s clock is slow. Compare this machine with an internet time source. If it is right, tell the broker that its clock is slow; if it is wrong, sync it: Settings → Time &amp; language → Date &amp; time → Sync now (or, as administrator: w32tm /resync).</source>
        <translation>券商的时钟比本机慢：可能是本机快了，或是券商的时钟慢了。请将本机与互联网时间源比对。本机正确就告知券商其时钟偏慢；本机有误则同步时间：设置 → 时间和语言 → 日期和时间 → 立即同步（或以管理员运行：w32tm /resync）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is behind this machine&apos;s: this machine is fast, or the broker&apos;s clock is slow. Compare this machine with an internet time source. If it is right, tell the broker that its clock is slow; if it is wrong, sync it: System Settings → General → Date &amp; Time → Set time and date automatically (or: sudo sntp -sS time.apple.com).</source>
        <translation>券商的时钟比本机慢：可能是本机快了，或是券商的时钟慢了。请将本机与互联网时间源比对。本机正确就告知券商其时钟偏慢；本机有误则同步时间：系统设置 → 通用 → 日期与时间 → 自动设置日期与时间（或：sudo sntp -sS time.apple.com）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is behind this machine&apos;s: this machine is fast, or the broker&apos;s clock is slow. Compare this machine with an internet time source. If it is right, tell the broker that its clock is slow; if it is wrong, sync it: sudo timedatectl set-ntp true, until timedatectl status says &apos;System clock synchronized: yes&apos; (with chrony: sudo chronyc makestep).</source>
        <translation>券商的时钟比本机慢：可能是本机快了，或是券商的时钟慢了。请将本机与互联网时间源比对。本机正确就告知券商其时钟偏慢；本机有误则同步时间：sudo timedatectl set-ntp true，直到 timedatectl status 显示“System clock synchronized: yes”（使用 chrony：sudo chronyc makestep）。</translation>
    </message>
    <message>
        <source>The certificate is for another name: check the host name; a proxy or wrong DNS may be sending you elsewhere.</source>
        <translation>证书属于其他名称：请检查主机名；代理服务器或错误的 DNS 可能把您导向别处。</translation>
    </message>
    <message>
        <source>The certificate is not trusted here: if your network inspects HTTPS, install its root certificate (or point REQUESTS_CA_BUNDLE at it); otherwise this is not the broker&apos;s server.</source>
        <translation>本机不信任此证书：若您的网络会检查 HTTPS，请安装其根证书（或将 REQUESTS_CA_BUNDLE 指向它）；否则这不是券商的服务器。</translation>
    </message>
    <message>
        <source>The certificate is outside its validity dates: the broker must renew it; check this machine&apos;s date too.</source>
        <translation>证书不在有效期内：需由券商更新；也请检查本机日期。</translation>
    </message>
    <message>
        <source>The connection gets no answer: a firewall or the network drops it; check the route to the broker and any VPN the broker requires.</source>
        <translation>连接没有应答：防火墙或网络丢弃了它；请检查到券商的路由，以及券商要求的 VPN。</translation>
    </message>
    <message>
        <source>The console could not start the process a login runs in: reinstall the console (its program is missing or not executable), or free memory and processes on this machine; the broker&apos;s SDK is not the cause.</source>
        <translation>控制台无法启动登录所用的进程：请重新安装控制台（其程序缺失或不可执行），或释放本机的内存与进程数；原因不在券商的 SDK。</translation>
    </message>
    <message>
        <source>The last logins of this account were rejected in a row, and one more may lock it at the broker: check the password (or have the broker reset it) first.</source>
        <translation>该账户最近的登录连续被拒绝，再错一次可能被券商锁定：请先确认密码（或请券商重置）。</translation>
    </message>
    <message>
        <source>The name does not resolve: check the host name, this machine&apos;s DNS server and its network connection.</source>
        <translation>名称无法解析：请检查主机名、本机的 DNS 服务器和网络连接。</translation>
    </message>
    <message>
        <source>The proxy this machine is set to use does not pass the connection: check the proxy settings (HTTPS_PROXY, NO_PROXY, the system proxy).</source>
        <translation>本机配置的代理服务器无法转发连接：请检查代理设置（HTTPS_PROXY、NO_PROXY、系统代理）。</translation>
    </message>
    <message>
        <source>The server accepts the connection but never answers: the broker&apos;s service may be down, or the port belongs to another service; ask the broker.</source>
        <translation>服务器接受连接却从不应答：券商服务可能停止，或该端口属于其他服务；请咨询券商。</translation>
    </message>
    <message>
        <source>The server answers with an error of its own: try again later; if it persists, give the broker the trace ID.</source>
        <translation>服务器返回了自身的错误：请稍后再试；若持续发生，请将追踪 ID 提供给券商。</translation>
    </message>
    <message>
        <source>The vendor SDK is not installed where the settings say: install it, or correct the SDK folder or path.</source>
        <translation>厂商 SDK 不在设置所指的位置：请安装，或修正 SDK 文件夹或路径。</translation>
    </message>
    <message>
        <source>The vendor SDK is there but does not load: its files are from different versions, or it does not match this machine (32/64-bit, runtime); reinstall it.</source>
        <translation>厂商 SDK 存在但无法加载：其文件版本不一致，或与本机不符（32/64 位、运行环境）；请重新安装。</translation>
    </message>
    <message>
        <source>The venue is scheduled closed now, so its servers may well be down: try again after the next opening; if it fails then too, look at the network.</source>
        <translation>交易所目前按时间表休市，其服务器很可能已关闭：请在下次开市后重试；若那时仍失败，再检查网络。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Algorithm name</source>
        <translation>算法名称</translation>
    </message>
    <message>
        <source>An installed vnpy gateway (found in vnpy_* packages) or module:Class.</source>
        <translation>已安装的 vnpy 网关（在 vnpy_* 包中）或 module:Class。</translation>
    </message>
    <message>
        <source>Answer queue</source>
        <translation>应答队列</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>应用 ID</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>应用密钥 (App key)</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>应用秘钥 (App secret)</translation>
    </message>
    <message>
        <source>Authorization ID</source>
        <translation>授权 ID</translation>
    </message>
    <message>
        <source>Authorize code</source>
        <translation>授权码</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>自定义 URL</translation>
    </message>
    <message>
        <source>Disk serial</source>
        <translation>硬盘序列号</translation>
    </message>
    <message>
        <source>Download product files</source>
        <translation>下载商品文件</translation>
    </message>
    <message>
        <source>Folder holding KGI&apos;s Package.dll, PushClient.dll and TradeCom.dll (Live only).</source>
        <translation>存放凯基 Package.dll、PushClient.dll 和 TradeCom.dll 的文件夹（仅正式环境）。</translation>
    </message>
    <message>
        <source>Function 10000 interval; the token expires after five idle minutes.</source>
        <translation>功能号 10000 的间隔；空闲五分钟后令牌失效。</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>全球</translation>
    </message>
    <message>
        <source>HTTP URL</source>
        <translation>HTTP URL</translation>
    </message>
    <message>
        <source>Heartbeat (s)</source>
        <translation>心跳间隔（秒）</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>How long to wait for LOGIN_READY or LOGIN_FAIL.</source>
        <translation>等待 LOGIN_READY 或 LOGIN_FAIL 的时间。</translation>
    </message>
    <message>
        <source>ID number of the account holder.</source>
        <translation>账户持有人的身份证号。</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>IP|MAC</source>
        <translation>IP|MAC</translation>
    </message>
    <message>
        <source>KCBP IP</source>
        <translation>KCBP IP</translation>
    </message>
    <message>
        <source>KCBP password</source>
        <translation>KCBP 密码</translation>
    </message>
    <message>
        <source>KCBP server</source>
        <translation>KCBP 服务器</translation>
    </message>
    <message>
        <source>KCBP user</source>
        <translation>KCBP 用户</translation>
    </message>
    <message>
        <source>KCXP port</source>
        <translation>KCXP 端口</translation>
    </message>
    <message>
        <source>KGI trading host.</source>
        <translation>凯基交易主机。</translation>
    </message>
    <message>
        <source>License file</source>
        <translation>许可证文件</translation>
    </message>
    <message>
        <source>Log prefix</source>
        <translation>日志前缀</translation>
    </message>
    <message>
        <source>Login timeout (s)</source>
        <translation>登录超时（秒）</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>One character; KGI&apos;s sample passes a space.</source>
        <translation>一个字符；凯基示例传入一个空格。</translation>
    </message>
    <message>
        <source>Only for the Custom URL region.</source>
        <translation>仅用于“自定义 URL”区域。</translation>
    </message>
    <message>
        <source>Op station</source>
        <translation>操作站点</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Operator ID</source>
        <translation>操作员代码</translation>
    </message>
    <message>
        <source>Operator no.</source>
        <translation>操作员编号</translation>
    </message>
    <message>
        <source>Operator password</source>
        <translation>操作员密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Person ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Plugin shim</source>
        <translation>插件适配层</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Port ID</source>
        <translation>端口 ID</translation>
    </message>
    <message>
        <source>Recover orders and deals</source>
        <translation>回补委托与成交</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Request queue</source>
        <translation>请求队列</translation>
    </message>
    <message>
        <source>Return all quotes</source>
        <translation>返回全部行情</translation>
    </message>
    <message>
        <source>SDK folder</source>
        <translation>SDK 文件夹</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Source ID</source>
        <translation>来源代码</translation>
    </message>
    <message>
        <source>Subscribe to reports</source>
        <translation>订阅回报</translation>
    </message>
    <message>
        <source>Terminal info</source>
        <translation>终端信息</translation>
    </message>
    <message>
        <source>Third argument of the TaiFexCom constructor; KGI&apos;s samples use &apos;API&apos;.</source>
        <translation>TaiFexCom 构造函数的第三个参数；凯基示例使用 &apos;API&apos;。</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Write info to log</source>
        <translation>将信息写入日志</translation>
    </message>
    <message>
        <source>ip:port;ip:port</source>
        <translation>ip:port;ip:port</translation>
    </message>
    <message>
        <source>lbm_shim built against Kingdom&apos;s plugin SDK (packaging/kingdom_shim); the KCBP client library sits next to it. In the simulator environment, set it to run the real ctypes path.</source>
        <translation>依金证插件 SDK 构建的 lbm_shim（packaging/kingdom_shim）；KCBP 客户端库放在它旁边。在模拟器环境中设置它，可走真实的 ctypes 路径。</translation>
    </message>
    <message>
        <source>交易服务器</source>
        <translation>交易服务器</translation>
    </message>
    <message>
        <source>产品名称</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>授权编码</source>
        <translation>授权编码</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>经纪商代码</source>
        <translation>经纪商代码</translation>
    </message>
    <message>
        <source>行情服务器</source>
        <translation>行情服务器</translation>
    </message>
</context>
<context>
    <name>health</name>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已断线</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>重新连接中</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>in step with this machine (± {0:g} s)</source>
        <translation>与本机一致（± {0:g} 秒）</translation>
    </message>
    <message>
        <source>server {0:.0f} s ahead of this machine (± {1:g} s)</source>
        <translation>服务器比本机快 {0:.0f} 秒（± {1:g} 秒）</translation>
    </message>
    <message>
        <source>server {0:.0f} s behind this machine (± {1:g} s)</source>
        <translation>服务器比本机慢 {0:.0f} 秒（± {1:g} 秒）</translation>
    </message>
    <message>
        <source>in step with this machine</source>
        <translation>与本机一致</translation>
    </message>
    <message>
        <source>server {0:.1f} s ahead of this machine</source>
        <translation>服务器比本机快 {0:.1f} 秒</translation>
    </message>
    <message>
        <source>server {0:.1f} s behind this machine</source>
        <translation>服务器比本机慢 {0:.1f} 秒</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>SDK version</source>
        <translation>SDK 版本</translation>
    </message>
    <message>
        <source>Session log</source>
        <translation>会话日志</translation>
    </message>
    <message>
        <source>UFX version</source>
        <translation>UFX 版本</translation>
    </message>
    <message>
        <source>User token</source>
        <translation>用户令牌</translation>
    </message>
</context>
<context>
    <name>scenarios</name>
    <message>
        <source>Accepts connections and never answers: timeout.</source>
        <translation>接受连接但从不应答：超时。</translation>
    </message>
    <message>
        <source>Answers after 2 seconds.</source>
        <translation>2 秒后才应答。</translation>
    </message>
    <message>
        <source>Answers like LongPort; demo credentials work.</source>
        <translation>与 LongPort 相同的应答；演示凭证可用。</translation>
    </message>
    <message>
        <source>Bad license</source>
        <translation>许可证无效</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>Connects and never logs in: login timeout.</source>
        <translation>会连接但从不登录：登录超时。</translation>
    </message>
    <message>
        <source>Connects, logs in with password &apos;demo&apos;, sends contracts and the account.</source>
        <translation>连接，以密码 &apos;demo&apos; 登录，发送合约与账户数据。</translation>
    </message>
    <message>
        <source>Drop after login</source>
        <translation>登录后断线</translation>
    </message>
    <message>
        <source>Drop during recover</source>
        <translation>回补中断线</translation>
    </message>
    <message>
        <source>Every request fails with HTTP 500 (code 500000).</source>
        <translation>每个请求都以 HTTP 500 失败（代码 500000）。</translation>
    </message>
    <message>
        <source>Every request is refused with 429002 (too many requests).</source>
        <translation>每个请求都以 429002 拒绝（请求过多）。</translation>
    </message>
    <message>
        <source>As400 down</source>
        <translation>AS400 故障</translation>
    </message>
    <message>
        <source>After hours</source>
        <translation>非交易时间</translation>
    </message>
    <message>
        <source>After hours: KGI&apos;s API server refuses the connection (CONNECT_FAIL).</source>
        <translation>非交易时间：凯基的 API 服务器拒绝连接（CONNECT_FAIL）。</translation>
    </message>
    <message>
        <source>After hours: LongPort&apos;s OpenAPI stays up, the login works (with a warning).</source>
        <translation>非交易时间：LongPort 的 OpenAPI 仍在运行，登录成功（附警告）。</translation>
    </message>
    <message>
        <source>After hours: nothing answers at the KCBP address.</source>
        <translation>非交易时间：KCBP 地址无人应答。</translation>
    </message>
    <message>
        <source>After hours: the CTP front is down, the gateway logs disconnect reason 4097.</source>
        <translation>非交易时间：CTP 前置已关闭，接口记录断线原因 4097。</translation>
    </message>
    <message>
        <source>After hours: the CTS server refuses connections.</source>
        <translation>非交易时间：CTS 服务器拒绝连接。</translation>
    </message>
    <message>
        <source>After hours: the UFX counter&apos;s T2 port refuses connections.</source>
        <translation>非交易时间：UFX 柜台的 T2 端口拒绝连接。</translation>
    </message>
    <message>
        <source>Auth failed 63</source>
        <translation>认证失败 63</translation>
    </message>
    <message>
        <source>Connects; the back office (AS400) is down: AS400_CONNECTFAIL, then LOGIN_FAIL.</source>
        <translation>连线成功；后台主机（AS400）故障：先 AS400_CONNECTFAIL，再 LOGIN_FAIL。</translation>
    </message>
    <message>
        <source>Disconnect 4097</source>
        <translation>断线 4097</translation>
    </message>
    <message>
        <source>Http 500</source>
        <translation>HTTP 500</translation>
    </message>
    <message>
        <source>InitPlugin takes about 8 seconds.</source>
        <translation>InitPlugin 约需 8 秒。</translation>
    </message>
    <message>
        <source>Kcbp unreachable</source>
        <translation>KCBP 无法连接</translation>
    </message>
    <message>
        <source>Licence expiring</source>
        <translation>许可即将到期</translation>
    </message>
    <message>
        <source>Logs in as the seed shows (password &apos;demo&apos;).</source>
        <translation>按示例登录（密码 &apos;demo&apos;）。</translation>
    </message>
    <message>
        <source>Logs in operators with password &apos;demo&apos;.</source>
        <translation>以密码 &apos;demo&apos; 登录操作员。</translation>
    </message>
    <message>
        <source>Logs in, then the connection drops about 3 seconds later; the next login succeeds (for testing reconnect).</source>
        <translation>登录后约 3 秒连接断开；下一次登录会成功（用于测试重新连接）。</translation>
    </message>
    <message>
        <source>Logs in; the demo access token expires in 5 days.</source>
        <translation>登录成功；演示 Access token 5 天后过期。</translation>
    </message>
    <message>
        <source>Logs in; the server clock runs 90 seconds ahead of this machine.</source>
        <translation>可登录；服务器时钟比本机快 90 秒。</translation>
    </message>
    <message>
        <source>Logs in; the server&apos;s licence expires in five days.</source>
        <translation>可登录；服务器许可五天后到期。</translation>
    </message>
    <message>
        <source>Logs operators in with password &apos;demo&apos;.</source>
        <translation>以密码 &apos;demo&apos; 登录操作员。</translation>
    </message>
    <message>
        <source>No reply</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>No server answers at the configured addresses.</source>
        <translation>配置的地址没有服务器应答。</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Nothing answers at host:port.</source>
        <translation>host:port 没有应答。</translation>
    </message>
    <message>
        <source>Nothing answers at the KCBP address: the KCBP leg fails.</source>
        <translation>KCBP 地址没有应答：KCBP 段失败。</translation>
    </message>
    <message>
        <source>Nothing listens on the port: connection refused.</source>
        <translation>该端口没有程序监听：连接被拒。</translation>
    </message>
    <message>
        <source>Plugin rejects</source>
        <translation>插件拒绝</translation>
    </message>
    <message>
        <source>Product files recover slowly (about a second each).</source>
        <translation>商品文件回补很慢（每个约一秒）。</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>请求限流</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝连接</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>应答缓慢</translation>
    </message>
    <message>
        <source>Slow init</source>
        <translation>初始化缓慢</translation>
    </message>
    <message>
        <source>Slow recovery</source>
        <translation>回补缓慢</translation>
    </message>
    <message>
        <source>Socket drop</source>
        <translation>Socket 断开</translation>
    </message>
    <message>
        <source>Station control</source>
        <translation>站点控制</translation>
    </message>
    <message>
        <source>The KCBP leg answers and the plugin logs the operator in (password &apos;demo&apos;).</source>
        <translation>KCBP 段有应答，插件让操作员登录（密码 &apos;demo&apos;）。</translation>
    </message>
    <message>
        <source>The KCBP leg works, the plugin refuses the operator.</source>
        <translation>KCBP 段正常，但插件拒绝操作员。</translation>
    </message>
    <message>
        <source>The KCBP server knows other queue names than the ones configured.</source>
        <translation>KCBP 服务器的队列名称与配置的不同。</translation>
    </message>
    <message>
        <source>The T2 SDK refuses the license file.</source>
        <translation>T2 SDK 拒绝许可证文件。</translation>
    </message>
    <message>
        <source>The client authentication (授权编码) is refused: CTP ErrorID 63.</source>
        <translation>客户端认证（授权编码）被拒绝：CTP ErrorID 63。</translation>
    </message>
    <message>
        <source>The trading front cannot be reached: disconnected with CTP reason 4097.</source>
        <translation>无法连接交易前置：CTP 断线原因 4097。</translation>
    </message>
    <message>
        <source>Token expired</source>
        <translation>Token 已过期</translation>
    </message>
    <message>
        <source>Token expiring</source>
        <translation>Token 即将过期</translation>
    </message>
    <message>
        <source>The connection drops in the middle of RECOVER: DISCONNECTED.</source>
        <translation>连接在 RECOVER 途中断开：DISCONNECTED。</translation>
    </message>
    <message>
        <source>The counter refuses this machine&apos;s station (ErrorCode 1023).</source>
        <translation>柜台拒绝本机站点（ErrorCode 1023）。</translation>
    </message>
    <message>
        <source>The demo access token has expired: 401003.</source>
        <translation>演示 Access token 已过期：401003。</translation>
    </message>
    <message>
        <source>The host cannot be reached: CONNECT_FAIL.</source>
        <translation>无法连到主机：CONNECT_FAIL。</translation>
    </message>
    <message>
        <source>The server accepts the connection and never answers a function.</source>
        <translation>服务器接受连接，但从不应答任何功能号。</translation>
    </message>
    <message>
        <source>The server accepts the connection and never answers: login timeout.</source>
        <translation>服务器接受连接但从不应答：登录超时。</translation>
    </message>
    <message>
        <source>The server clock runs 120 seconds ahead.</source>
        <translation>服务器时钟快 120 秒。</translation>
    </message>
    <message>
        <source>The socket drops two seconds after the login (onSocketError).</source>
        <translation>登录两秒后 socket 断开（onSocketError）。</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Wrong queues</source>
        <translation>队列名称错误</translation>
    </message>
</context>
<context>
    <name>sessions</name>
    <message>
        <source>Broker</source>
        <translation>券商</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>连接时长</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最后事件</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>重连次数</translation>
    </message>
</context>
<context>
    <name>state</name>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <source>Connected, logging in…</source>
        <translation>已连接，登录中…</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Logging out…</source>
        <translation>登出中…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Logged in — check the clock</source>
        <translation>已登录 — 请检查时钟</translation>
    </message>
</context>
<context>
    <name>terminal</name>
    <message>
        <source>a Hyper-V virtual card: it changes when the VM is moved or re-created</source>
        <translation>Hyper-V 虚拟网卡：虚拟机迁移或重建时会改变</translation>
    </message>
    <message>
        <source>a QEMU/KVM virtual card: it changes when the VM is moved or re-created</source>
        <translation>QEMU/KVM 虚拟网卡：虚拟机迁移或重建时会改变</translation>
    </message>
    <message>
        <source>a VMware virtual card: it changes when the VM is moved or re-created</source>
        <translation>VMware 虚拟网卡：虚拟机迁移或重建时会改变</translation>
    </message>
    <message>
        <source>a VirtualBox virtual card: it changes when the VM is moved or re-created</source>
        <translation>VirtualBox 虚拟网卡：虚拟机迁移或重建时会改变</translation>
    </message>
    <message>
        <source>a Xen virtual card: it changes when the VM is moved or re-created</source>
        <translation>Xen 虚拟网卡：虚拟机迁移或重建时会改变</translation>
    </message>
    <message>
        <source>a container&apos;s virtual interface: it changes with the container</source>
        <translation>容器的虚拟网卡：随容器改变</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;Default string&apos;), not this machine&apos;s</source>
        <translation>固件占位值（&apos;Default string&apos;），不是本机的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;None&apos;), not this machine&apos;s</source>
        <translation>固件占位值（&apos;None&apos;），不是本机的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;Not Specified&apos;), not this machine&apos;s</source>
        <translation>固件占位值（&apos;Not Specified&apos;），不是本机的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;System Product Name&apos;), not this machine&apos;s</source>
        <translation>固件占位值（&apos;System Product Name&apos;），不是本机的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;System manufacturer&apos;), not this machine&apos;s</source>
        <translation>固件占位值（&apos;System manufacturer&apos;），不是本机的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;To be filled by O.E.M.&apos;), not this machine&apos;s</source>
        <translation>固件占位值（&apos;To be filled by O.E.M.&apos;），不是本机的</translation>
    </message>
    <message>
        <source>a virtual machine (Amazon EC2): brokers may not accept it as a terminal</source>
        <translation>虚拟机（Amazon EC2）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>a virtual machine (Google): brokers may not accept it as a terminal</source>
        <translation>虚拟机（Google）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>a virtual machine (KVM): brokers may not accept it as a terminal</source>
        <translation>虚拟机（KVM）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>a virtual machine (QEMU): brokers may not accept it as a terminal</source>
        <translation>虚拟机（QEMU）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>a virtual machine (VMware): brokers may not accept it as a terminal</source>
        <translation>虚拟机（VMware）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>a virtual machine (VirtualBox): brokers may not accept it as a terminal</source>
        <translation>虚拟机（VirtualBox）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>a virtual machine (Xen): brokers may not accept it as a terminal</source>
        <translation>虚拟机（Xen）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>a virtual machine (innotek): brokers may not accept it as a terminal</source>
        <translation>虚拟机（innotek）：券商可能不接受其作为终端</translation>
    </message>
    <message>
        <source>all zeros: a placeholder, not a card&apos;s address</source>
        <translation>全为零：占位值，不是网卡地址</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>empty: no network card was found</source>
        <translation>空：未找到网卡</translation>
    </message>
    <message>
        <source>empty: the front&apos;s client authentication (ReqAuthenticate) needs it</source>
        <translation>空：前置的客户端认证（ReqAuthenticate）需要它</translation>
    </message>
    <message>
        <source>locally administered (set by software, as VMs and containers do), not a card&apos;s</source>
        <translation>本地管理地址（由软件设定，虚拟机和容器常见），不是网卡的出厂地址</translation>
    </message>
    <message>
        <source>loopback: this machine has no network address the broker could register</source>
        <translation>回环地址：本机没有可供券商登记的网络地址</translation>
    </message>
    <message>
        <source>not applicable on a PC</source>
        <translation>PC 不适用</translation>
    </message>
    <message>
        <source>not collected</source>
        <translation>未采集</translation>
    </message>
    <message>
        <source>not collected (needs administrator rights)</source>
        <translation>未采集（需要管理员权限）</translation>
    </message>
    <message>
        <source>not collected (the broker sees it)</source>
        <translation>未采集（券商可自行看到）</translation>
    </message>
    <message>
        <source>running in a container: MAC, IP and disk are the container&apos;s, not the host&apos;s</source>
        <translation>在容器中运行：MAC、IP 和磁盘都是容器的，不是主机的</translation>
    </message>
    <message>
        <source>the CTP library (not visible to the console)</source>
        <translation>CTP 库（控制台无法看到）</translation>
    </message>
    <message>
        <source>the disk&apos;s serial is missing (not readable here)</source>
        <translation>缺少磁盘序列号（此处无法读取）</translation>
    </message>
    <message>
        <source>the form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>the machine&apos;s maker (firmware)</source>
        <translation>本机厂商（固件）</translation>
    </message>
    <message>
        <source>the machine&apos;s model (firmware)</source>
        <translation>本机型号（固件）</translation>
    </message>
    <message>
        <source>the operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>the system disk: drive, file system, size in GiB, serial</source>
        <translation>系统盘：盘符、文件系统、容量（GiB）、序列号</translation>
    </message>
    <message>
        <source>this console&apos;s version</source>
        <translation>本控制台的版本</translation>
    </message>
    <message>
        <source>this machine (/.dockerenv, /proc/1/cgroup)</source>
        <translation>本机（/.dockerenv、/proc/1/cgroup）</translation>
    </message>
    <message>
        <source>this machine (Auto-fill)</source>
        <translation>本机（自动填写）</translation>
    </message>
    <message>
        <source>this machine&apos;s IP address</source>
        <translation>本机 IP 地址</translation>
    </message>
    <message>
        <source>this machine&apos;s host name</source>
        <translation>本机主机名</translation>
    </message>
    <message>
        <source>this machine, as the CTP API will read it</source>
        <translation>本机（CTP API 将读取的值）</translation>
    </message>
    <message>
        <source>typed in the form (differs from this machine)</source>
        <translation>表单中手工输入（与本机不同）</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>Unknown field &apos;{key}&apos;; the fields are: {keys}.</source>
        <translation>未知字段 &apos;{key}&apos;；可用字段：{keys}。</translation>
    </message>
    <message>
        <source>{label} &apos;{value}&apos; is not a host name or IP address.</source>
        <translation>{label}“{value}”不是主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>{label} contains &apos;{char}&apos;, which {encoding} cannot carry.</source>
        <translation>{label}含有“{char}”，{encoding} 无法表示。</translation>
    </message>
    <message>
        <source>{label} contains a character that {encoding} cannot carry.</source>
        <translation>{label}含有 {encoding} 无法表示的字符。</translation>
    </message>
    <message>
        <source>{label} contains a control character (U+{code:04X}); type it again on one line.</source>
        <translation>{label}含有控制字符（U+{code:04X}）；请在同一行重新输入。</translation>
    </message>
    <message>
        <source>{label} contains a line break or another control character; type it again on one line.</source>
        <translation>{label}含有换行或其他控制字符；请在同一行重新输入。</translation>
    </message>
    <message>
        <source>{label} is required for the Custom region.</source>
        <translation>“自定义”区域必须填写{label}。</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>必须填写{label}。</translation>
    </message>
    <message>
        <source>{label} is too large.</source>
        <translation>{label}太大。</translation>
    </message>
    <message>
        <source>{label} is {size} bytes in {encoding}; the broker accepts at most {limit}.</source>
        <translation>{label}以 {encoding} 编码为 {size} 字节；券商最多接受 {limit}。</translation>
    </message>
    <message>
        <source>{label} is {size} characters long; at most {limit} are accepted.</source>
        <translation>{label}长 {size} 个字符；最多接受 {limit} 个。</translation>
    </message>
    <message>
        <source>{label} must be 12 hex digits, no separators (e.g. 00E04C6817A2): use Auto-fill.</source>
        <translation>{label}必须是 12 位十六进制数字，不含分隔符（例如 00E04C6817A2）：请使用自动填写。</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label}必须是数字。</translation>
    </message>
    <message>
        <source>{label} must be a whole number.</source>
        <translation>{label}必须是整数。</translation>
    </message>
    <message>
        <source>{label} must be between 1 and 65535 (got {value}).</source>
        <translation>{label}必须介于 1 到 65535（当前为 {value}）。</translation>
    </message>
    <message>
        <source>{label} must be between {lo:g} and {hi:g} (got {value:g}).</source>
        <translation>{label}必须介于 {lo:g} 到 {hi:g}（当前为 {value:g}）。</translation>
    </message>
    <message>
        <source>{label} must be exactly {n} character(s).</source>
        <translation>{label}必须正好 {n} 个字符。</translation>
    </message>
    <message>
        <source>{label} must be one of: {options}.</source>
        <translation>{label}必须是以下之一：{options}。</translation>
    </message>
    <message>
        <source>{label} must be text.</source>
        <translation>{label}必须是文本。</translation>
    </message>
    <message>
        <source>{label} must be true or false.</source>
        <translation>{label}必须是 true 或 false。</translation>
    </message>
    <message>
        <source>{label} must look like https://host[:port].</source>
        <translation>{label}的格式必须像 https://host[:port]。</translation>
    </message>
    <message>
        <source>{label} must not carry a path or query.</source>
        <translation>{label}不可包含路径或查询字符串。</translation>
    </message>
    <message>
        <source>{label} must not carry a user name or password.</source>
        <translation>{label}不可包含用户名或密码。</translation>
    </message>
    <message>
        <source>{label} must use https (plain http only to this machine).</source>
        <translation>{label}必须使用 https（只有连到本机才可用 http）。</translation>
    </message>
    <message>
        <source>{label}: &apos;{item}&apos; is not host:port.</source>
        <translation>{label}：“{item}”不是 host:port。</translation>
    </message>
</context>
</TS>
