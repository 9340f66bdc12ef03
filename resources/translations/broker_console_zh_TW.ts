<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccountBar</name>
    <message>
        <source>Remember passwords</source>
        <translation>記住密碼</translation>
    </message>
    <message>
        <source>Keep this account&apos;s passwords in the system&apos;s credential store (Windows Credential Manager, macOS Keychain, Secret Service), never in a file</source>
        <translation>將此帳戶的密碼存於系統的認證儲存區（Windows 認證管理員、macOS 鑰匙圈、Secret Service），絕不寫入檔案</translation>
    </message>
    <message>
        <source>Log in with all</source>
        <translation>隨全部登入</translation>
    </message>
    <message>
        <source>Logged in by File → Log in to all (one account per broker)</source>
        <translation>由「檔案 → 全部登入」登入（每家券商一個帳戶）</translation>
    </message>
    <message>
        <source>The account whose values the form shows</source>
        <translation>表單目前顯示的帳戶</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>帳戶管理</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新增帳戶…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>複製…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重新命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Forget passwords</source>
        <translation>忘記密碼</translation>
    </message>
    <message>
        <source>Reconnect after a drop</source>
        <translation>斷線後重新連線</translation>
    </message>
    <message>
        <source>Log in again when the session drops (after 1, 2, 4 … 60 s); never after a rejected login. On by default for accounts that log in with all.</source>
        <translation>連線中斷時重新登入（間隔 1、2、4 … 60 秒）；登入被拒絕時絕不重試。「隨全部登入」的帳戶預設開啟。</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>定時登入…</translation>
    </message>
    <message>
        <source>Log this account in by itself at set times</source>
        <translation>在設定的時間自動登入此帳戶</translation>
    </message>
    <message>
        <source>Accou&amp;nt</source>
        <translation>帳戶(&amp;N)</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新增帳戶</translation>
    </message>
    <message>
        <source>Name of the new account:</source>
        <translation>新帳戶名稱：</translation>
    </message>
    <message>
        <source>Duplicate account</source>
        <translation>複製帳戶</translation>
    </message>
    <message>
        <source>Name of the copy (passwords are not copied):</source>
        <translation>副本名稱（不會複製密碼）：</translation>
    </message>
    <message>
        <source>{0} copy</source>
        <translation>{0} 副本</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>重新命名帳戶</translation>
    </message>
    <message>
        <source>New name of {0}:</source>
        <translation>{0} 的新名稱：</translation>
    </message>
    <message>
        <source>No account added: {0}</source>
        <translation>未新增帳戶：{0}</translation>
    </message>
    <message>
        <source>Not renamed: {0}</source>
        <translation>未重新命名：{0}</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>刪除帳戶</translation>
    </message>
    <message>
        <source>Delete the account {0} and forget its remembered passwords?</source>
        <translation>要刪除帳戶 {0} 並忘記它記住的密碼嗎？</translation>
    </message>
    <message>
        <source>Account {0} deleted; {1}</source>
        <translation>已刪除帳戶 {0}；{1}</translation>
    </message>
    <message>
        <source>Account {0} deleted.</source>
        <translation>已刪除帳戶 {0}。</translation>
    </message>
    <message>
        <source>Passwords of {0} forgotten.</source>
        <translation>已忘記 {0} 的密碼。</translation>
    </message>
    <message>
        <source>The passwords will be remembered after the next login that works.</source>
        <translation>下次登入成功後將記住密碼。</translation>
    </message>
    <message>
        <source>The credential store did not answer within {0} s.</source>
        <translation>認證儲存區在 {0} 秒內沒有回應。</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <source>&amp;Connect</source>
        <translation>登入(&amp;C)</translation>
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
        <translation>內建模擬器</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>正式環境</translation>
    </message>
    <message>
        <source>Check every step of reaching the broker (name, port, TLS, proxy, clock, SDK) without logging in</source>
        <translation>不登入，逐步檢查連到券商的每個環節（名稱、連接埠、TLS、代理、時鐘、SDK）</translation>
    </message>
    <message>
        <source>Use it</source>
        <translation>套用</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Not available yet: {0} You can prepare the settings; they are kept.</source>
        <translation>尚未提供：{0} 您可以先準備設定，設定會保留。</translation>
    </message>
    <message>
        <source>Auto-fill from this machine</source>
        <translation>從本機自動填入</translation>
    </message>
    <message>
        <source>Collect these fields from this computer; edit them after.</source>
        <translation>從這台電腦收集這些欄位；之後可再修改。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>診斷</translation>
    </message>
    <message>
        <source>Terminal info</source>
        <translation>終端資訊</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>環境(&amp;E)</translation>
    </message>
    <message>
        <source>Scena&amp;rio</source>
        <translation>情境(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Diagnose</source>
        <translation>診斷(&amp;D)</translation>
    </message>
    <message>
        <source>The remembered passwords could not be read: {0}</source>
        <translation>無法讀取記住的密碼：{0}</translation>
    </message>
    <message>
        <source>already logged in</source>
        <translation>已登入</translation>
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
        <translation>已登入</translation>
    </message>
    <message>
        <source>the tab is logged in with {0}</source>
        <translation>此標籤頁已用 {0} 登入</translation>
    </message>
    <message>
        <source>the tab was busy</source>
        <translation>此標籤頁正忙</translation>
    </message>
    <message>
        <source>the account could not be shown</source>
        <translation>無法顯示該帳戶</translation>
    </message>
    <message>
        <source>Its lockout rule is unknown.</source>
        <translation>此券商的鎖定規則不明。</translation>
    </message>
    <message numerus="yes">
        <source>Not sent: the last %n login(s) of this account were rejected in a row, and one more may lock it at the broker. {0} The console stops after {1} in a row: check the password first.</source>
        <translation>
            <numerusform>未送出：此帳戶最近 %n 次登入連續被拒絕，再錯一次可能被券商鎖定。{0} 本主控台在連續 {1} 次後停止：請先確認密碼。</numerusform>
        </translation>
    </message>
    <message>
        <source>Lockout risk</source>
        <translation>帳戶鎖定風險</translation>
    </message>
    <message>
        <source>Try anyway</source>
        <translation>仍要嘗試</translation>
    </message>
    <message>
        <source>Check the highlighted fields; nothing was sent.</source>
        <translation>請檢查標示的欄位；尚未送出任何資料。</translation>
    </message>
    <message>
        <source>The built-in simulator runs in this console: the diagnosis reaches its own front on this machine (127.0.0.1, a port of its own), not the host and port of the form.</source>
        <translation>內建模擬器在本主控台中執行：診斷連到它在本機的前端（127.0.0.1，它自己的連接埠），而非表單中的主機與連接埠。</translation>
    </message>
    <message>
        <source>Checking the form&apos;s {0}.</source>
        <translation>正在檢查表單中的 {0}。</translation>
    </message>
    <message>
        <source>Login cancelled by the user.</source>
        <translation>使用者已取消登入。</translation>
    </message>
    <message>
        <source>Could not save the settings: {0}</source>
        <translation>無法儲存設定：{0}</translation>
    </message>
    <message>
        <source>{0}
Code {1}: {2}</source>
        <translation>{0}
程式碼 {1}：{2}</translation>
    </message>
    <message>
        <source>Station fields filled in from this machine.</source>
        <translation>已從本機填入站點欄位。</translation>
    </message>
</context>
<context>
    <name>DiagnosisPanel</name>
    <message>
        <source>Step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Diagnose checks every step of reaching the broker.</source>
        <translation>「診斷」會檢查連到券商的每個步驟。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy every step and the verdict, for a ticket</source>
        <translation>複製每個步驟與結論，附到支援單</translation>
    </message>
    <message>
        <source>Also log in</source>
        <translation>同時登入</translation>
    </message>
    <message>
        <source>End the next diagnosis with a real login and logout</source>
        <translation>下次診斷最後實際登入再登出</translation>
    </message>
    <message>
        <source>Diagnosing {0}…</source>
        <translation>正在診斷 {0}…</translation>
    </message>
    <message>
        <source>Every step passed; look at: {0}</source>
        <translation>所有步驟皆通過；請留意：{0}</translation>
    </message>
    <message numerus="yes">
        <source>Every step passed (%n step(s)).</source>
        <translation>
            <numerusform>所有步驟皆通過（%n 個步驟）。</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} at {1} ({2}): {3}</source>
        <translation>{0}，於 {1}（{2}）：{3}</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <source>All levels</source>
        <translation>所有等級</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告與錯誤</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>僅錯誤</translation>
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
        <translation>顯示此券商或所有券商的事件</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Search status or detail</source>
        <translation>搜尋狀態或詳細內容</translation>
    </message>
    <message>
        <source>Show every heartbeat</source>
        <translation>顯示每次心跳</translation>
    </message>
    <message>
        <source>Off: repeated ServerTime and HEART_BEAT rows are one row with a count</source>
        <translation>關閉時：重複的 ServerTime 與 HEART_BEAT 合併為一列並計數</translation>
    </message>
    <message>
        <source>Pause scroll</source>
        <translation>暫停捲動</translation>
    </message>
    <message>
        <source>Keep the view still while events arrive</source>
        <translation>事件進來時畫面保持不動</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Visible rows as CSV…</source>
        <translation>可見列匯出為 CSV…</translation>
    </message>
    <message>
        <source>Visible rows as JSON Lines…</source>
        <translation>可見列匯出為 JSON Lines…</translation>
    </message>
    <message>
        <source>Older rows leave this view to keep it fast; every event stays in the session log (View → Open log folder). Events counted as dropped were lost: the queue to the window was full.</source>
        <translation>較早的列會移出此檢視以保持流暢；每筆事件都保留在連線紀錄中（檢視 → 開啟紀錄資料夾）。計為已捨棄的事件已遺失：送往視窗的佇列已滿。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) trimmed</source>
        <translation>
            <numerusform>已從檢視移除 %n 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dropped</source>
        <translation>
            <numerusform>已捨棄 %n 筆事件</numerusform>
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
        <translation>匯出事件</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>無法寫入 {0}：{1}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to {0}</source>
        <translation>
            <numerusform>已匯出 %n 筆事件至 {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>Show the value while the button is down</source>
        <translation>按住按鈕時顯示內容</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>選擇</translation>
    </message>
    <message>
        <source>Remembered: it is never shown; clear it to type another</source>
        <translation>已記住：永不顯示；清除後可輸入新的</translation>
    </message>
</context>
<context>
    <name>HealthCharts</name>
    <message>
        <source>Clock offset (ms)</source>
        <translation>時鐘偏差 (ms)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延遲 (ms)</translation>
    </message>
    <message>
        <source>{0}: no data yet</source>
        <translation>{0}：尚無資料</translation>
    </message>
    <message>
        <source>Health over the last hours (▲ a drop)</source>
        <translation>近幾小時的連線狀態（▲ 斷線）</translation>
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
        <translation>處理方法：{0}</translation>
    </message>
</context>
<context>
    <name>LogViewModel</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
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
        <translation>狀態</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細內容</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>{0}

Code {1} ({2}):
{3}</source>
        <translation>{0}

程式碼 {1}（{2}）：
{3}</translation>
    </message>
</context>
<context>
    <name>LoginAllSummary</name>
    <message>
        <source>Log in to all</source>
        <translation>全部登入</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>券商</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帳戶</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>登入中…</translation>
    </message>
    <message>
        <source>logging in…</source>
        <translation>登入中…</translation>
    </message>
    <message>
        <source>{0} of {1} logged in</source>
        <translation>{1} 個中已登入 {0} 個</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sessions</source>
        <translation>連線總覽</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>{0}. Logins go on, but their events are not kept for support.</source>
        <translation>{0}。登入照常進行，但事件不會保存給技術支援。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Log in to &amp;all</source>
        <translation>全部登入(&amp;A)</translation>
    </message>
    <message>
        <source>Log in to every account marked &apos;Log in with all&apos;, side by side</source>
        <translation>同時登入所有標示「隨全部登入」的帳戶</translation>
    </message>
    <message>
        <source>Log in to all at start-up</source>
        <translation>啟動時全部登入</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>連線總覽(&amp;S)</translation>
    </message>
    <message>
        <source>Every session&apos;s health, side by side</source>
        <translation>並列顯示每個連線的健康狀態</translation>
    </message>
    <message>
        <source>&amp;Export account…</source>
        <translation>匯出帳戶(&amp;E)…</translation>
    </message>
    <message>
        <source>The current tab&apos;s account as a file to hand over, without passwords</source>
        <translation>將目前分頁的帳戶存成可交接的檔案，不含密碼</translation>
    </message>
    <message>
        <source>&amp;Import account…</source>
        <translation>匯入帳戶(&amp;I)…</translation>
    </message>
    <message>
        <source>Save &amp;support bundle…</source>
        <translation>儲存支援資料包(&amp;S)…</translation>
    </message>
    <message>
        <source>A zip for desk support: runtime, session logs, diagnoses, settings; no secret</source>
        <translation>給技術支援的 zip：執行環境、連線紀錄、診斷、設定；不含任何密碼</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Notify when a session drops</source>
        <translation>連線中斷時通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>依系統設定</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>開啟紀錄資料夾(&amp;L)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>關於(&amp;A)</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>關於 {0}</translation>
    </message>
    <message>
        <source>{0} {1}
Log in to your brokers and see at a glance that it worked.</source>
        <translation>{0} {1}
登入您的券商，一眼看出是否成功。</translation>
    </message>
    <message>
        <source>{0}: session lost</source>
        <translation>{0}：連線中斷</translation>
    </message>
    <message>
        <source>{0}: reconnected</source>
        <translation>{0}：已重新連線</translation>
    </message>
    <message numerus="yes">
        <source>Logged in again (%n reconnect(s) so far)</source>
        <translation>
            <numerusform>已重新登入（至今重連 %n 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Support bundle saved: {0} (%n file(s))</source>
        <translation>
            <numerusform>支援資料包已儲存：{0}（%n 個檔案）</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: gave up reconnecting</source>
        <translation>{0}：已放棄重新連線</translation>
    </message>
    <message>
        <source>{1} live — {0}</source>
        <translation>{1} 個連線中 — {0}</translation>
    </message>
    <message>
        <source>{0}: {1} live, worst {2}</source>
        <translation>{0}：{1} 個連線中，最差狀態 {2}</translation>
    </message>
    <message>
        <source>No account is marked &apos;Log in with all&apos;: tick it on a broker&apos;s tab.</source>
        <translation>沒有帳戶標示「隨全部登入」：請在券商分頁勾選。</translation>
    </message>
    <message>
        <source>another account of it is logged in</source>
        <translation>該券商的另一個帳戶已登入</translation>
    </message>
    <message>
        <source>Export account</source>
        <translation>匯出帳戶</translation>
    </message>
    <message>
        <source>The account could not be exported: {0}</source>
        <translation>無法匯出帳戶：{0}</translation>
    </message>
    <message>
        <source>Account exported to {0} (no password in it)</source>
        <translation>帳戶已匯出至 {0}（不含密碼）</translation>
    </message>
    <message>
        <source>Import account</source>
        <translation>匯入帳戶</translation>
    </message>
    <message>
        <source>The account could not be imported: {0}</source>
        <translation>無法匯入帳戶：{0}</translation>
    </message>
    <message>
        <source>Account {0} imported for {1}</source>
        <translation>已為 {1} 匯入帳戶 {0}</translation>
    </message>
    <message>
        <source>Account files (*.json)</source>
        <translation>帳戶檔案 (*.json)</translation>
    </message>
    <message>
        <source>The log folder {0} cannot be made: {1}</source>
        <translation>無法建立紀錄資料夾 {0}：{1}</translation>
    </message>
    <message>
        <source>Logs are in {0}</source>
        <translation>紀錄在 {0}</translation>
    </message>
    <message>
        <source>Save support bundle</source>
        <translation>儲存支援資料包</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip 檔案 (*.zip)</translation>
    </message>
    <message>
        <source>Saving the support bundle…</source>
        <translation>正在儲存支援資料包…</translation>
    </message>
    <message>
        <source>The support bundle could not be saved: {0}</source>
        <translation>無法儲存支援資料包：{0}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Log out of {0} and quit?</source>
        <translation>登出 {0} 並結束？</translation>
    </message>
    <message>
        <source>Log out and quit</source>
        <translation>登出並結束</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再詢問</translation>
    </message>
    <message>
        <source>Logging out of every broker before closing…</source>
        <translation>關閉前正在登出所有券商…</translation>
    </message>
</context>
<context>
    <name>MetricsExport</name>
    <message>
        <source>Expose metrics for &amp;Prometheus…</source>
        <translation>向 Prometheus 提供指標(&amp;P)…</translation>
    </message>
    <message>
        <source>Serve the sessions&apos; health at http://HOST:PORT/metrics for Prometheus</source>
        <translation>在 http://HOST:PORT/metrics 向 Prometheus 提供會話健康狀況</translation>
    </message>
    <message>
        <source>Cannot listen on {0}: {1}</source>
        <translation>無法在 {0} 上監聽：{1}</translation>
    </message>
    <message>
        <source>Expose metrics</source>
        <translation>提供指標</translation>
    </message>
    <message>
        <source>Serve the sessions&apos; health for Prometheus at http://HOST:PORT/metrics (empty: off). 127.0.0.1 keeps it on this computer; another address makes it reachable from the network.</source>
        <translation>在 http://HOST:PORT/metrics 向 Prometheus 提供會話健康狀況（留空：關閉）。127.0.0.1 只限本機訪問；其他地址可從網路訪問。</translation>
    </message>
    <message>
        <source>Metrics are no longer served.</source>
        <translation>已停止提供指標。</translation>
    </message>
    <message>
        <source>Metrics not served: {0}</source>
        <translation>未提供指標：{0}</translation>
    </message>
    <message>
        <source>Could not save the settings: {0}</source>
        <translation>無法儲存設定：{0}</translation>
    </message>
    <message>
        <source>Metrics at {0}</source>
        <translation>指標地址：{0}</translation>
    </message>
    <message>
        <source>Metrics reachable from the network</source>
        <translation>指標可從網路訪問</translation>
    </message>
    <message>
        <source>{0} can be read by anyone who reaches this computer on the network: the brokers, accounts and session states of this desk (never a password). Use 127.0.0.1 unless Prometheus runs elsewhere and the network is trusted.</source>
        <translation>網路上能訪問本機的任何人都能讀取 {0}：本交易臺的券商、帳戶和會話狀態（絕不包含密碼）。除非 Prometheus 執行在其他機器且網路可信，否則請使用 127.0.0.1。</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Scheduled login: {0}</source>
        <translation>定時登入：{0}</translation>
    </message>
    <message>
        <source>Log in at</source>
        <translation>登入時間</translation>
    </message>
    <message>
        <source>on the venue&apos;s trading days (this computer&apos;s time)</source>
        <translation>在交易所的交易日（本機時間）</translation>
    </message>
    <message>
        <source>Log in again when the daily maintenance window ends</source>
        <translation>每日維護時段結束後再次登入</translation>
    </message>
    <message>
        <source>This broker&apos;s venues have no maintenance window.</source>
        <translation>此券商的交易所沒有維護時段。</translation>
    </message>
    <message>
        <source>Scheduled logins use the passwords this account remembers (turn on Remember passwords first) and run while the console is open. A missed or failed login is notified and not retried before the next time.</source>
        <translation>定時登入使用此帳戶記住的密碼（請先開啟“記住密碼”），並在控制檯開啟時執行。錯過或失敗的登入會通知您，在下一次設定時間之前不會重試。</translation>
    </message>
</context>
<context>
    <name>ScheduledLogins</name>
    <message>
        <source>{0}: scheduled login done</source>
        <translation>{0}：定時登入完成</translation>
    </message>
    <message>
        <source>{0}: scheduled login skipped: {1}</source>
        <translation>{0}：定時登入已跳過：{1}</translation>
    </message>
    <message>
        <source>{0}: the scheduled login at {2} was missed (the computer slept or the clock jumped); not tried now</source>
        <translation>{0}：錯過了 {2} 的定時登入（電腦休眠或時鐘跳變）；現在不會嘗試</translation>
    </message>
    <message>
        <source>{0}: scheduled login failed: {1}</source>
        <translation>{0}：定時登入失敗：{1}</translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message numerus="yes">
        <source>Advanced settings (%n)</source>
        <translation>
            <numerusform>進階設定（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>Server time</source>
        <translation>伺服器時間</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>時鐘偏差</translation>
    </message>
    <message>
        <source>Connection quality</source>
        <translation>連線品質</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市場</translation>
    </message>
    <message>
        <source>Vendor code</source>
        <translation>廠商程式碼</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Recovery progress</source>
        <translation>回補進度</translation>
    </message>
    <message>
        <source>Before the logout: from the session that ended, not live</source>
        <translation>登出前：來自已結束的連線，並非即時</translation>
    </message>
    <message>
        <source>Open ({0}), closes in {1}</source>
        <translation>開市（{0}），{1}後收市</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>休市</translation>
    </message>
    <message>
        <source>Closed (maintenance window); opens at {0} ({1})</source>
        <translation>休市（維護時段）；{0} 開市（{1}）</translation>
    </message>
    <message>
        <source>Closed; opens at {0} ({1})</source>
        <translation>休市；{0} 開市（{1}）</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} 天 {1} 小時</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 小時 {1} 分</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分鐘</translation>
    </message>
    <message>
        <source>{0} (not explained)</source>
        <translation>{0}（無說明）</translation>
    </message>
    <message>
        <source>{0} (expired)</source>
        <translation>{0}（已過期）</translation>
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
        <translation>登入</translation>
    </message>
    <message>
        <source>{0} (attempt {1}, in {2})</source>
        <translation>{0}（第 {1} 次，{2} 後）</translation>
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
        <translation>欄位</translation>
    </message>
    <message>
        <source>Value sent</source>
        <translation>傳送的值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>What the login sends about this machine.</source>
        <translation>登入時傳送的本機資訊。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Read the form and this machine again</source>
        <translation>重新讀取表單和本機資訊</translation>
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
        <translation>可選</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s); nothing looks wrong. Nothing was sent.</source>
        <translation>
            <numerusform>%n 個欄位；未發現問題。未傳送任何內容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) look wrong ({0} the broker needs): {1}: {2}. Nothing was sent.</source>
        <translation>
            <numerusform>%n 個欄位有問題（其中 {0} 個為券商必需）：{1}：{2}。未傳送任何內容。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>brokers</name>
    <message>
        <source>CTP locks the account after repeated wrong passwords (ErrorID 75, 连续登录失败次数超限), commonly after 5.</source>
        <translation>CTP 在密碼連續錯誤後會鎖定帳戶（ErrorID 75，连续登录失败次数超限），通常為 5 次。</translation>
    </message>
    <message>
        <source>Connect to the KCBP server with these settings and queue names, without InitPlugin.</source>
        <translation>以這些設定與佇列名稱連線 KCBP 伺服器，不執行 InitPlugin。</translation>
    </message>
    <message>
        <source>Get a new access token (GET /v1/token/refresh); the old one stops working.</source>
        <translation>取得新的存取權杖（GET /v1/token/refresh）；舊的會立即失效。</translation>
    </message>
    <message>
        <source>Hundsun 恒生 UFX</source>
        <translation>Hundsun 恆生 UFX</translation>
    </message>
    <message>
        <source>KGI 凱基</source>
        <translation>KGI 凱基</translation>
    </message>
    <message>
        <source>Kingdom 金证 KCBP</source>
        <translation>Kingdom 金證 KCBP</translation>
    </message>
    <message>
        <source>LongPort</source>
        <translation>LongPort 長橋</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>更新權杖</translation>
    </message>
    <message>
        <source>Rootnet 根网 CTS</source>
        <translation>Rootnet 根網 CTS</translation>
    </message>
    <message>
        <source>Test KCBP connection</source>
        <translation>測試 KCBP 連線</translation>
    </message>
    <message>
        <source>vnpy gateway</source>
        <translation>vnpy 閘道</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <source>A fault on LongPort&apos;s side, not this machine&apos;s.</source>
        <translation>LongPort 端的故障，不是本機的問題。</translation>
    </message>
    <message>
        <source>A fault or maintenance on KGI&apos;s side, not this machine&apos;s.</source>
        <translation>凱基端故障或維護，不是本機的問題。</translation>
    </message>
    <message>
        <source>A fault or maintenance on KGI&apos;s side.</source>
        <translation>凱基端故障或維護。</translation>
    </message>
    <message>
        <source>A login after the market closed.</source>
        <translation>收盤後登入。</translation>
    </message>
    <message>
        <source>A logout, the server closing the session, or the network dropping it.</source>
        <translation>登出、伺服器關閉了會話，或網路中斷。</translation>
    </message>
    <message>
        <source>A mistyped or changed operator password.</source>
        <translation>操作員密碼輸錯或已更改。</translation>
    </message>
    <message>
        <source>A mistyped or changed password for this operator number.</source>
        <translation>此操作員編號的密碼輸錯或已更改。</translation>
    </message>
    <message>
        <source>A mistyped or deleted App key, or one for the other region (global or mainland China).</source>
        <translation>App key 輸錯或已刪除，或屬於另一個區域（全球或中國大陸）。</translation>
    </message>
    <message>
        <source>A mistyped token, or an old one: after a refresh only the new token works.</source>
        <translation>Token 輸錯或是舊的：重新整理後只有新 Token 有效。</translation>
    </message>
    <message>
        <source>A program polls faster than the limit, or several share the app.</source>
        <translation>某個程式查詢頻率超過限制，或多個程式共用此應用。</translation>
    </message>
    <message>
        <source>A required field of function 10001 is empty.</source>
        <translation>功能 10001 的必填欄位為空。</translation>
    </message>
    <message>
        <source>A retry reused the timestamp, or this machine&apos;s clock stands still or jumps.</source>
        <translation>重試沿用了同一時間戳，或本機時鐘停滯或跳變。</translation>
    </message>
    <message>
        <source>A slow or congested network, or this machine too busy (CPU, a stalled process) to read the front&apos;s heartbeats.</source>
        <translation>網路緩慢或擁塞，或本機過於繁忙（CPU、卡住的程序），來不及讀取前置的心跳。</translation>
    </message>
    <message>
        <source>A wrong ID or password, or an account not enabled for API trading.</source>
        <translation>身份證字號或密碼錯誤，或帳戶未開通 API 交易。</translation>
    </message>
    <message>
        <source>A wrong KCBP user or password (the KCBP leg&apos;s own, not the operator&apos;s).</source>
        <translation>KCBP 使用者或密碼錯誤（KCBP 連線自己的，不是操作員的）。</translation>
    </message>
    <message>
        <source>A wrong host or port, no route from this machine, or a firewall.</source>
        <translation>主機或埠錯誤、本機無路由，或被防火牆攔截。</translation>
    </message>
    <message>
        <source>A wrong password or investor ID.</source>
        <translation>密碼或投資者程式碼錯誤。</translation>
    </message>
    <message>
        <source>A wrong user ID or password, a broker ID (经纪商代码) that does not match the front, or an account not opened for this front (e.g. a SimNow account on a production front).</source>
        <translation>使用者程式碼或密碼錯誤、經紀商程式碼與前置不符，或帳戶未在此前置開通（例如在生產前置使用 SimNow 帳戶）。</translation>
    </message>
    <message>
        <source>Access tokens last about three months and this one was not refreshed in time.</source>
        <translation>Access token 有效期約三個月，這個沒有及時重新整理。</translation>
    </message>
    <message>
        <source>Add the address to the app&apos;s allow-list in the developer centre, or use an allowed network.</source>
        <translation>在開發者中心把該地址加入應用的白名單，或改用允許的網路。</translation>
    </message>
    <message>
        <source>CTP ErrorID 11: the user is not known.</source>
        <translation>CTP ErrorID 11：找不到該使用者。</translation>
    </message>
    <message>
        <source>CTP ErrorID 12: the broker ID is not known to this front.</source>
        <translation>CTP ErrorID 12：此前置找不到該經紀公司程式碼。</translation>
    </message>
    <message>
        <source>CTP ErrorID 3: the login is not valid.</source>
        <translation>CTP ErrorID 3：不合法的登入。</translation>
    </message>
    <message>
        <source>CTP ErrorID 48: the investor ID or password is not valid.</source>
        <translation>CTP ErrorID 48：無效的投資者程式碼或密碼。</translation>
    </message>
    <message>
        <source>CTP ErrorID 49: logins from this IP address are not allowed.</source>
        <translation>CTP ErrorID 49：不允許從此 IP 地址登入。</translation>
    </message>
    <message>
        <source>CTP ErrorID 60: the user has too many sessions online.</source>
        <translation>CTP ErrorID 60：使用者線上會話超出上限。</translation>
    </message>
    <message>
        <source>CTP ErrorID 63: client authentication (穿透式认证) failed.</source>
        <translation>CTP ErrorID 63：客戶端認證（穿透式認證）失敗。</translation>
    </message>
    <message>
        <source>CTP ErrorID 64: the client logged in before authenticating.</source>
        <translation>CTP ErrorID 64：客戶端未認證就登入。</translation>
    </message>
    <message>
        <source>CTP ErrorID 75: too many failed logins in a row; logins are now forbidden.</source>
        <translation>CTP ErrorID 75：連續登入失敗次數超限，登入被禁止。</translation>
    </message>
    <message>
        <source>CTP ErrorID 8: the front is not active.</source>
        <translation>CTP ErrorID 8：前置不活躍。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x1001: reading from the front failed.</source>
        <translation>CTP 斷線原因 0x1001：網路讀失敗。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x1002: writing to the front failed.</source>
        <translation>CTP 斷線原因 0x1002：網路寫失敗。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x2001: no heartbeat arrived from the front in time.</source>
        <translation>CTP 斷線原因 0x2001：接收心跳超時。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x2002: sending a heartbeat to the front failed.</source>
        <translation>CTP 斷線原因 0x2002：傳送心跳失敗。</translation>
    </message>
    <message>
        <source>CTP disconnect reason 0x2003: the front sent a message the API could not read.</source>
        <translation>CTP 斷線原因 0x2003：收到錯誤報文。</translation>
    </message>
    <message>
        <source>Check the AppID and AuthCode with the futures company; do not retry in a loop (vnpy_ctp stops re-authenticating after 63 to avoid a ban).</source>
        <translation>向期貨公司核對 AppID 和 AuthCode；不要迴圈重試（vnpy_ctp 遇到 63 後不再重新認證，以免被封禁）。</translation>
    </message>
    <message>
        <source>Check the CTS server&apos;s status and the network; the reconnector logs in again if it is on.</source>
        <translation>檢查 CTS 伺服器狀態和網路；若開啟了自動重連，會重新登入。</translation>
    </message>
    <message>
        <source>Check the ID (person ID) and password; repeated wrong passwords lock the account.</source>
        <translation>檢查身份證字號和密碼；多次輸錯密碼會鎖定帳戶。</translation>
    </message>
    <message>
        <source>Check the KCBP user and password with Kingdom&apos;s operations team.</source>
        <translation>向金證運維團隊核對 KCBP 使用者和密碼。</translation>
    </message>
    <message>
        <source>Check the front address and that the venue is open; if it keeps happening during trading hours, ask the futures company whether the front is up.</source>
        <translation>檢查前置地址以及交易所是否開市；若交易時間內反覆出現，請向期貨公司確認前置是否正常。</translation>
    </message>
    <message>
        <source>Check the host and port; run Diagnose to see where the connection stops.</source>
        <translation>檢查主機和埠；執行“診斷”檢視連線在哪一步中斷。</translation>
    </message>
    <message>
        <source>Check the latency to the front and this machine&apos;s load; the API reconnects by itself.</source>
        <translation>檢查到前置的延遲和本機負載；API 會自動重連。</translation>
    </message>
    <message>
        <source>Check the operator password with the trading desk&apos;s administrator.</source>
        <translation>向交易臺管理員核對操作員密碼。</translation>
    </message>
    <message>
        <source>Check the password; after several wrong ones CTP locks the account (ErrorID 75).</source>
        <translation>檢查密碼；多次輸錯後 CTP 會鎖定帳戶（ErrorID 75）。</translation>
    </message>
    <message>
        <source>Check the password; after several wrong ones the counter may lock the operator.</source>
        <translation>檢查密碼；多次輸錯後櫃檯可能鎖定該操作員。</translation>
    </message>
    <message>
        <source>Check the terminal information (Terminal info preview), then have the broker register this station.</source>
        <translation>檢查終端資訊（終端資訊預覽），再請券商登記本站點。</translation>
    </message>
    <message>
        <source>Check the user ID and the broker ID.</source>
        <translation>檢查使用者程式碼和經紀商程式碼。</translation>
    </message>
    <message>
        <source>Check the user ID, password and broker ID against the futures company&apos;s letter. Repeated wrong passwords lock the account (ErrorID 75).</source>
        <translation>對照期貨公司的開戶資料檢查使用者程式碼、密碼和經紀商程式碼。多次輸錯密碼會鎖定帳戶（ErrorID 75）。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s network and VPN, then connect again.</source>
        <translation>檢查本機網路和 VPN，然後重新連線。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s network; the API reconnects by itself.</source>
        <translation>檢查本機網路；API 會自動重連。</translation>
    </message>
    <message>
        <source>Connect again; if it repeats, check the network to the CTS server.</source>
        <translation>重新連線；若反覆出現，檢查到 CTS 伺服器的網路。</translation>
    </message>
    <message>
        <source>Copy the App key again from the LongPort developer centre and check the region.</source>
        <translation>從 LongPort 開發者中心重新複製 App key，並檢查區域。</translation>
    </message>
    <message>
        <source>Copy the App secret again from the LongPort developer centre, and check that all three come from the same app.</source>
        <translation>從 LongPort 開發者中心重新複製 App secret，並確認三者來自同一個應用。</translation>
    </message>
    <message>
        <source>Copy the current token again from the developer centre.</source>
        <translation>從開發者中心重新複製當前的 Token。</translation>
    </message>
    <message>
        <source>Create a new token in the developer centre; next time refresh it (the tab&apos;s Refresh token) before it expires.</source>
        <translation>在開發者中心建立新 Token；下次請在過期前重新整理（標籤頁的“重新整理 Token”）。</translation>
    </message>
    <message>
        <source>Fill in the AppID (产品名称) and AuthCode (授权编码) the futures company gave.</source>
        <translation>填寫期貨公司提供的 AppID（產品名稱）和 AuthCode（授權編碼）。</translation>
    </message>
    <message>
        <source>Fill in the field; use Auto-fill for the machine&apos;s MAC, IP and station.</source>
        <translation>填寫該欄位；本機的 MAC、IP 和站點資訊請用“自動填寫”。</translation>
    </message>
    <message>
        <source>If you did not log out, check the network; the reconnector logs in again if it is on.</source>
        <translation>如果不是您登出的，請檢查網路；若開啟了自動重連，會重新登入。</translation>
    </message>
    <message>
        <source>KGI could not tell whether the login succeeded.</source>
        <translation>凱基無法確定登入是否成功。</translation>
    </message>
    <message>
        <source>KGI refused the login.</source>
        <translation>凱基拒絕了登入。</translation>
    </message>
    <message>
        <source>KGI&apos;s API server could not be reached.</source>
        <translation>無法連線凱基的 API 伺服器。</translation>
    </message>
    <message>
        <source>KGI&apos;s API server could not reach its back-office host (AS400).</source>
        <translation>凱基的 API 伺服器無法連線其後臺主機（AS400）。</translation>
    </message>
    <message>
        <source>KGI&apos;s API server lost its back-office host (AS400).</source>
        <translation>凱基的 API 伺服器與後臺主機（AS400）斷開。</translation>
    </message>
    <message>
        <source>Log in again; keep the heartbeat interval well under five minutes.</source>
        <translation>重新登入；心跳間隔要遠小於五分鐘。</translation>
    </message>
    <message>
        <source>Log in from a registered address, or have the futures company add this one.</source>
        <translation>從已登記的地址登入，或請期貨公司新增此地址。</translation>
    </message>
    <message>
        <source>Log out and in again; if it repeats, tell KGI&apos;s API support.</source>
        <translation>登出後重新登入；若反覆出現，請聯絡凱基 API 支援。</translation>
    </message>
    <message>
        <source>Log out the other sessions, or ask the futures company to raise the limit.</source>
        <translation>登出其他會話，或請期貨公司提高上限。</translation>
    </message>
    <message>
        <source>LongPort had an internal error.</source>
        <translation>LongPort 發生內部錯誤。</translation>
    </message>
    <message>
        <source>Nothing to fix: orders wait for the next session.</source>
        <translation>無需處理：委託會等到下一個交易時段。</translation>
    </message>
    <message>
        <source>Several programs behind this address call LongPort at once.</source>
        <translation>此地址後面有多個程式同時呼叫 LongPort。</translation>
    </message>
    <message>
        <source>Several wrong passwords in a row (commonly five; the futures company sets the limit).</source>
        <translation>連續多次輸錯密碼（通常五次；次數由期貨公司設定）。</translation>
    </message>
    <message>
        <source>Station control refused this machine.</source>
        <translation>站點控制拒絕了本機。</translation>
    </message>
    <message>
        <source>Stop trying: call the futures company to unlock the account or reset the password.</source>
        <translation>停止嘗試：致電期貨公司解鎖帳戶或重置密碼。</translation>
    </message>
    <message>
        <source>The API version does not match the front (e.g. a 6.3 API against a 6.7 front, or a test-environment API against production), or something in between alters the traffic.</source>
        <translation>API 版本與前置不匹配（例如 6.3 的 API 連 6.7 的前置，或用測評環境的 API 連生產環境），或中間有裝置改動了流量。</translation>
    </message>
    <message>
        <source>The Access token could not be verified.</source>
        <translation>無法驗證 Access token。</translation>
    </message>
    <message>
        <source>The Access token has expired.</source>
        <translation>Access token 已過期。</translation>
    </message>
    <message>
        <source>The Access token is not valid.</source>
        <translation>Access token 無效。</translation>
    </message>
    <message>
        <source>The App key is not recognised.</source>
        <translation>無法識別 App key。</translation>
    </message>
    <message>
        <source>The App secret is wrong, or the App key, App secret and Access token belong to different apps.</source>
        <translation>App secret 錯誤，或 App key、App secret 和 Access token 屬於不同的應用。</translation>
    </message>
    <message>
        <source>The AppID (产品名称) and AuthCode (授权编码) do not match what the futures company registered for this program and environment.</source>
        <translation>AppID（產品名稱）和 AuthCode（授權編碼）與期貨公司為此程式和環境登記的不符。</translation>
    </message>
    <message>
        <source>The CTS server is not connected.</source>
        <translation>未連線 CTS 伺服器。</translation>
    </message>
    <message>
        <source>The KCBP server refused the KCBP user or password.</source>
        <translation>KCBP 伺服器拒絕了 KCBP 使用者或密碼。</translation>
    </message>
    <message>
        <source>The app has an IP allow-list and this network&apos;s public address is not on it.</source>
        <translation>應用設定了 IP 白名單，而此網路的公網地址不在其中。</translation>
    </message>
    <message>
        <source>The back office did not answer in time.</source>
        <translation>後臺未及時回應。</translation>
    </message>
    <message>
        <source>The broker ID (经纪商代码) is wrong for this front (SimNow&apos;s is 9999).</source>
        <translation>經紀商程式碼與此前置不符（SimNow 的是 9999）。</translation>
    </message>
    <message>
        <source>The connection broke on this machine&apos;s side (network down, sleep, a proxy).</source>
        <translation>連線在本機這一側中斷（網路斷開、休眠、代理）。</translation>
    </message>
    <message>
        <source>The connection to KGI&apos;s API server closed.</source>
        <translation>與凱基 API 伺服器的連線已關閉。</translation>
    </message>
    <message>
        <source>The connection to the CTS server was reset.</source>
        <translation>與 CTS 伺服器的連線被重置。</translation>
    </message>
    <message>
        <source>The counter binds the operator to registered stations: the MAC address is not a 12-hex-digit MAC, or this machine&apos;s MAC / IP / op_station is not the registered one (common on VMs and containers, whose MAC changes).</source>
        <translation>櫃檯把操作員繫結在已登記的站點上：MAC 地址不是 12 位十六進位制，或本機的 MAC / IP / op_station 不是登記的那個（虛擬機器和容器的 MAC 會變，常見此情況）。</translation>
    </message>
    <message>
        <source>The front closed the connection or is not running (outside trading hours, in the daily maintenance window), or a firewall or proxy cut it.</source>
        <translation>前置關閉了連線或未執行（非交易時間、每日維護時段），或被防火牆、代理切斷。</translation>
    </message>
    <message>
        <source>The front is up but not yet serving (starting, or in its maintenance window).</source>
        <translation>前置已啟動但尚未提供服務（啟動中，或處於維護時段）。</translation>
    </message>
    <message>
        <source>The front requires authentication (ReqAuthenticate) and the gateway did not do it, or the AppID and AuthCode were left empty.</source>
        <translation>前置要求認證（ReqAuthenticate）而介面沒有做，或 AppID 和 AuthCode 留空。</translation>
    </message>
    <message>
        <source>The futures company restricts the account to registered IP addresses.</source>
        <translation>期貨公司限制該帳戶只能從登記的 IP 地址登入。</translation>
    </message>
    <message>
        <source>The login happened outside TAIFEX&apos;s trading sessions.</source>
        <translation>登入發生在期交所交易時段之外。</translation>
    </message>
    <message>
        <source>The network path to the front broke (a dropped link, a VPN or proxy going away).</source>
        <translation>到前置的網路路徑中斷（線路掉線、VPN 或代理斷開）。</translation>
    </message>
    <message>
        <source>The operator&apos;s password is wrong.</source>
        <translation>操作員密碼錯誤。</translation>
    </message>
    <message>
        <source>The request signature is invalid.</source>
        <translation>請求籤名無效。</translation>
    </message>
    <message>
        <source>The same account is logged in elsewhere (another program, another desk, a session not logged out).</source>
        <translation>同一帳戶在別處登入（另一個程式、另一臺電腦、未登出的會話）。</translation>
    </message>
    <message>
        <source>The same request (timestamp and signature) was sent twice.</source>
        <translation>同一請求（時間戳和簽名）傳送了兩次。</translation>
    </message>
    <message>
        <source>The server closed the connection (restart, maintenance) or the network dropped it.</source>
        <translation>伺服器關閉了連線（重啟、維護）或網路中斷。</translation>
    </message>
    <message>
        <source>The token expired after five minutes without activity (no 10000 heartbeat), or the operator logged out elsewhere.</source>
        <translation>Token 在五分鐘無活動後過期（沒有 10000 心跳），或操作員在別處登出。</translation>
    </message>
    <message>
        <source>The token was issued for another App key.</source>
        <translation>該 Token 是為另一個 App key 簽發的。</translation>
    </message>
    <message>
        <source>The user ID is wrong or belongs to another futures company or environment.</source>
        <translation>使用者程式碼錯誤，或屬於另一家期貨公司或環境。</translation>
    </message>
    <message>
        <source>The user_token is no longer valid.</source>
        <translation>user_token 已失效。</translation>
    </message>
    <message>
        <source>This machine&apos;s public IP address is not allowed for this app.</source>
        <translation>本機的公網 IP 地址不被此應用允許。</translation>
    </message>
    <message>
        <source>Too many calls to this API (the trade API allows 30 calls in 30 seconds).</source>
        <translation>此 API 呼叫過於頻繁（交易 API 每 30 秒允許 30 次）。</translation>
    </message>
    <message>
        <source>Too many requests from this IP address.</source>
        <translation>來自此 IP 地址的請求過多。</translation>
    </message>
    <message>
        <source>Try again later; give LongPort support the trace id.</source>
        <translation>稍後重試；把 trace id 提供給 LongPort 支援。</translation>
    </message>
    <message>
        <source>Try again; if it keeps happening, check this machine&apos;s clock.</source>
        <translation>重試；若反覆出現，檢查本機時鐘。</translation>
    </message>
    <message>
        <source>Use the CTP API version the futures company names for this front.</source>
        <translation>使用期貨公司為此前置指定的 CTP API 版本。</translation>
    </message>
    <message>
        <source>Use the broker ID the futures company gave for this front.</source>
        <translation>使用期貨公司為此前置提供的經紀商程式碼。</translation>
    </message>
    <message>
        <source>Use the token issued for this App key.</source>
        <translation>使用為此 App key 簽發的 Token。</translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation>等一分鐘後重試。</translation>
    </message>
    <message>
        <source>Wait and try again; if it lasts, tell KGI&apos;s API support.</source>
        <translation>稍等後重試；若持續，請聯絡凱基 API 支援。</translation>
    </message>
    <message>
        <source>Wait for the venue&apos;s opening (the front usually comes up shortly before), then log in.</source>
        <translation>等交易所開市（前置通常提前不久啟動）後再登入。</translation>
    </message>
    <message>
        <source>Wait half a minute, then try again.</source>
        <translation>等半分鐘後重試。</translation>
    </message>
    <message>
        <source>Wait; orders and reports may be delayed until it is back.</source>
        <translation>請稍候；恢復前委託和回報可能延遲。</translation>
    </message>
    <message>
        <source>operator_no, password, mac_address, ip_address, op_station or authorization_id was left empty (MsgDetail names it).</source>
        <translation>operator_no、password、mac_address、ip_address、op_station 或 authorization_id 留空（MsgDetail 會指出是哪個）。</translation>
    </message>
    <message>
        <source>optLogin was called on a connection that had already dropped.</source>
        <translation>在已斷開的連線上呼叫了 optLogin。</translation>
    </message>
</context>
<context>
    <name>diagnosis</name>
    <message>
        <source>No TLS connection could be agreed (protocol or cipher): the server may not speak TLS on this port, or only versions this machine refuses.</source>
        <translation>無法協商 TLS 連線（協定或加密方式）：伺服器可能未在此連接埠使用 TLS，或只支援本機拒絕的版本。</translation>
    </message>
    <message>
        <source>Nothing accepts connections there: check the host and port with the broker; a firewall may reject the connection.</source>
        <translation>該處沒有程式接受連線：請向券商確認主機與連接埠；防火牆可能拒絕了連線。</translation>
    </message>
    <message>
        <source>The broker refused the login: check the credentials and that the account may use the API.</source>
        <translation>券商拒絕登入：請檢查憑證，並確認該帳戶可使用 API。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock and this machine&apos;s differ: compare this machine with an internet time source; sync it if it is wrong, else tell the broker.</source>
        <translation>券商的時鐘與本機不同：請將本機與網際網路時間來源比對；本機有誤就同步，否則告知券商。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is ahead of this machine&apos;s: this machine is slow, or the broker&apos;s clock is fast. Compare this machine with an internet time source. If it is right, tell the broker that its clock is fast; if it is wrong, sync it: Settings → Time &amp; language → Date &amp; time → Sync now (or, as administrator: w32tm /resync).</source>
        <translation>券商的時鐘比本機快：可能是本機慢了，或是券商的時鐘快了。請將本機與網際網路時間來源比對。本機正確就告知券商其時鐘偏快；本機有誤則同步時間：設定 → 時間與語言 → 日期和時間 → 立即同步（或以系統管理員執行：w32tm /resync）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is ahead of this machine&apos;s: this machine is slow, or the broker&apos;s clock is fast. Compare this machine with an internet time source. If it is right, tell the broker that its clock is fast; if it is wrong, sync it: System Settings → General → Date &amp; Time → Set time and date automatically (or: sudo sntp -sS time.apple.com).</source>
        <translation>券商的時鐘比本機快：可能是本機慢了，或是券商的時鐘快了。請將本機與網際網路時間來源比對。本機正確就告知券商其時鐘偏快；本機有誤則同步時間：系統設定 → 一般 → 日期與時間 → 自動設定日期與時間（或：sudo sntp -sS time.apple.com）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is ahead of this machine&apos;s: this machine is slow, or the broker&apos;s clock is fast. Compare this machine with an internet time source. If it is right, tell the broker that its clock is fast; if it is wrong, sync it: sudo timedatectl set-ntp true, until timedatectl status says &apos;System clock synchronized: yes&apos; (with chrony: sudo chronyc makestep).</source>
        <translation>券商的時鐘比本機快：可能是本機慢了，或是券商的時鐘快了。請將本機與網際網路時間來源比對。本機正確就告知券商其時鐘偏快；本機有誤則同步時間：sudo timedatectl set-ntp true，直到 timedatectl status 顯示「System clock synchronized: yes」（使用 chrony：sudo chronyc makestep）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is behind this machine&apos;s: this machine is fast, or the broker&apos;s clock is slow. Compare this machine with an internet time source. If it is right, tell the broker that its clock is slow; if it is wrong, sync it: Settings → Time &amp; language → Date &amp; time → Sync now (or, as administrator: w32tm /resync).</source>
        <translation>券商的時鐘比本機慢：可能是本機快了，或是券商的時鐘慢了。請將本機與網際網路時間來源比對。本機正確就告知券商其時鐘偏慢；本機有誤則同步時間：設定 → 時間與語言 → 日期和時間 → 立即同步（或以系統管理員執行：w32tm /resync）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is behind this machine&apos;s: this machine is fast, or the broker&apos;s clock is slow. Compare this machine with an internet time source. If it is right, tell the broker that its clock is slow; if it is wrong, sync it: System Settings → General → Date &amp; Time → Set time and date automatically (or: sudo sntp -sS time.apple.com).</source>
        <translation>券商的時鐘比本機慢：可能是本機快了，或是券商的時鐘慢了。請將本機與網際網路時間來源比對。本機正確就告知券商其時鐘偏慢；本機有誤則同步時間：系統設定 → 一般 → 日期與時間 → 自動設定日期與時間（或：sudo sntp -sS time.apple.com）。</translation>
    </message>
    <message>
        <source>The broker&apos;s clock is behind this machine&apos;s: this machine is fast, or the broker&apos;s clock is slow. Compare this machine with an internet time source. If it is right, tell the broker that its clock is slow; if it is wrong, sync it: sudo timedatectl set-ntp true, until timedatectl status says &apos;System clock synchronized: yes&apos; (with chrony: sudo chronyc makestep).</source>
        <translation>券商的時鐘比本機慢：可能是本機快了，或是券商的時鐘慢了。請將本機與網際網路時間來源比對。本機正確就告知券商其時鐘偏慢；本機有誤則同步時間：sudo timedatectl set-ntp true，直到 timedatectl status 顯示「System clock synchronized: yes」（使用 chrony：sudo chronyc makestep）。</translation>
    </message>
    <message>
        <source>The certificate is for another name: check the host name; a proxy or wrong DNS may be sending you elsewhere.</source>
        <translation>憑證屬於其他名稱：請檢查主機名稱；代理伺服器或錯誤的 DNS 可能把您導向別處。</translation>
    </message>
    <message>
        <source>The certificate is not trusted here: if your network inspects HTTPS, install its root certificate (or point REQUESTS_CA_BUNDLE at it); otherwise this is not the broker&apos;s server.</source>
        <translation>本機不信任此憑證：若您的網路會檢查 HTTPS，請安裝其根憑證（或將 REQUESTS_CA_BUNDLE 指向它）；否則這不是券商的伺服器。</translation>
    </message>
    <message>
        <source>The certificate is outside its validity dates: the broker must renew it; check this machine&apos;s date too.</source>
        <translation>憑證不在有效期間內：需由券商更新；也請檢查本機日期。</translation>
    </message>
    <message>
        <source>The connection gets no answer: a firewall or the network drops it; check the route to the broker and any VPN the broker requires.</source>
        <translation>連線沒有回應：防火牆或網路丟棄了它；請檢查到券商的路由，以及券商要求的 VPN。</translation>
    </message>
    <message>
        <source>The console could not start the process a login runs in: reinstall the console (its program is missing or not executable), or free memory and processes on this machine; the broker&apos;s SDK is not the cause.</source>
        <translation>主控台無法啟動登入所用的程序：請重新安裝主控台（其程式遺失或無法執行），或釋出本機的記憶體與程序數量；原因不在券商的 SDK。</translation>
    </message>
    <message>
        <source>The last logins of this account were rejected in a row, and one more may lock it at the broker: check the password (or have the broker reset it) first.</source>
        <translation>此帳戶最近的登入連續被拒絕，再錯一次可能被券商鎖定：請先確認密碼（或請券商重設）。</translation>
    </message>
    <message>
        <source>The name does not resolve: check the host name, this machine&apos;s DNS server and its network connection.</source>
        <translation>名稱無法解析：請檢查主機名稱、本機的 DNS 伺服器與網路連線。</translation>
    </message>
    <message>
        <source>The proxy this machine is set to use does not pass the connection: check the proxy settings (HTTPS_PROXY, NO_PROXY, the system proxy).</source>
        <translation>本機設定的代理伺服器無法轉送連線：請檢查代理設定（HTTPS_PROXY、NO_PROXY、系統代理）。</translation>
    </message>
    <message>
        <source>The server accepts the connection but never answers: the broker&apos;s service may be down, or the port belongs to another service; ask the broker.</source>
        <translation>伺服器接受連線卻從不回應：券商服務可能停止，或該連接埠屬於其他服務；請洽券商。</translation>
    </message>
    <message>
        <source>The server answers with an error of its own: try again later; if it persists, give the broker the trace ID.</source>
        <translation>伺服器回應了自身的錯誤：請稍後再試；若持續發生，請將追蹤 ID 提供給券商。</translation>
    </message>
    <message>
        <source>The vendor SDK is not installed where the settings say: install it, or correct the SDK folder or path.</source>
        <translation>廠商 SDK 不在設定所指的位置：請安裝，或修正 SDK 資料夾或路徑。</translation>
    </message>
    <message>
        <source>The vendor SDK is there but does not load: its files are from different versions, or it does not match this machine (32/64-bit, runtime); reinstall it.</source>
        <translation>廠商 SDK 存在但無法載入：其檔案版本不一致，或與本機不符（32/64 位元、執行環境）；請重新安裝。</translation>
    </message>
    <message>
        <source>The venue is scheduled closed now, so its servers may well be down: try again after the next opening; if it fails then too, look at the network.</source>
        <translation>交易所目前按時間表休市，其伺服器很可能已關閉：請在下次開市後重試；若那時仍失敗，再檢查網路。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Access token</source>
        <translation>存取權杖</translation>
    </message>
    <message>
        <source>Algorithm name</source>
        <translation>演算法名稱</translation>
    </message>
    <message>
        <source>An installed vnpy gateway (found in vnpy_* packages) or module:Class.</source>
        <translation>已安裝的 vnpy 閘道（在 vnpy_* 套件中）或 module:Class。</translation>
    </message>
    <message>
        <source>Answer queue</source>
        <translation>應答佇列</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>應用程式 ID</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>應用程式金鑰 (App key)</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>應用程式密鑰 (App secret)</translation>
    </message>
    <message>
        <source>Authorization ID</source>
        <translation>授權 ID</translation>
    </message>
    <message>
        <source>Authorize code</source>
        <translation>授權碼</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>自訂 URL</translation>
    </message>
    <message>
        <source>Disk serial</source>
        <translation>硬碟序號</translation>
    </message>
    <message>
        <source>Download product files</source>
        <translation>下載商品檔</translation>
    </message>
    <message>
        <source>Folder holding KGI&apos;s Package.dll, PushClient.dll and TradeCom.dll (Live only).</source>
        <translation>存放凱基 Package.dll、PushClient.dll 與 TradeCom.dll 的資料夾（僅正式環境）。</translation>
    </message>
    <message>
        <source>Function 10000 interval; the token expires after five idle minutes.</source>
        <translation>功能號 10000 的間隔；閒置五分鐘後權杖失效。</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>閘道</translation>
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
        <translation>心跳間隔（秒）</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>How long to wait for LOGIN_READY or LOGIN_FAIL.</source>
        <translation>等待 LOGIN_READY 或 LOGIN_FAIL 的時間。</translation>
    </message>
    <message>
        <source>ID number of the account holder.</source>
        <translation>帳戶持有人的身分證字號。</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 位址</translation>
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
        <translation>KCBP 密碼</translation>
    </message>
    <message>
        <source>KCBP server</source>
        <translation>KCBP 伺服器</translation>
    </message>
    <message>
        <source>KCBP user</source>
        <translation>KCBP 使用者</translation>
    </message>
    <message>
        <source>KCXP port</source>
        <translation>KCXP 連接埠</translation>
    </message>
    <message>
        <source>KGI trading host.</source>
        <translation>凱基交易主機。</translation>
    </message>
    <message>
        <source>License file</source>
        <translation>授權檔</translation>
    </message>
    <message>
        <source>Log prefix</source>
        <translation>日誌前綴</translation>
    </message>
    <message>
        <source>Login timeout (s)</source>
        <translation>登入逾時（秒）</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 位址</translation>
    </message>
    <message>
        <source>Mainland China</source>
        <translation>中國大陸</translation>
    </message>
    <message>
        <source>One character; KGI&apos;s sample passes a space.</source>
        <translation>一個字元；凱基範例傳入一個空白。</translation>
    </message>
    <message>
        <source>Only for the Custom URL region.</source>
        <translation>僅用於「自訂 URL」區域。</translation>
    </message>
    <message>
        <source>Op station</source>
        <translation>操作站點</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作員</translation>
    </message>
    <message>
        <source>Operator ID</source>
        <translation>操作員代號</translation>
    </message>
    <message>
        <source>Operator no.</source>
        <translation>操作員編號</translation>
    </message>
    <message>
        <source>Operator password</source>
        <translation>操作員密碼</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Person ID</source>
        <translation>身分證字號</translation>
    </message>
    <message>
        <source>Plugin shim</source>
        <translation>外掛轉接層</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Port ID</source>
        <translation>連接埠 ID</translation>
    </message>
    <message>
        <source>Recover orders and deals</source>
        <translation>回補委託與成交</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>區域</translation>
    </message>
    <message>
        <source>Request queue</source>
        <translation>請求佇列</translation>
    </message>
    <message>
        <source>Return all quotes</source>
        <translation>回傳全部報價</translation>
    </message>
    <message>
        <source>SDK folder</source>
        <translation>SDK 資料夾</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Source ID</source>
        <translation>來源代碼</translation>
    </message>
    <message>
        <source>Subscribe to reports</source>
        <translation>訂閱回報</translation>
    </message>
    <message>
        <source>Terminal info</source>
        <translation>終端資訊</translation>
    </message>
    <message>
        <source>Third argument of the TaiFexCom constructor; KGI&apos;s samples use &apos;API&apos;.</source>
        <translation>TaiFexCom 建構函式的第三個參數；凱基範例使用 &apos;API&apos;。</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>執行緒數</translation>
    </message>
    <message>
        <source>Write info to log</source>
        <translation>將資訊寫入日誌</translation>
    </message>
    <message>
        <source>ip:port;ip:port</source>
        <translation>ip:port;ip:port</translation>
    </message>
    <message>
        <source>lbm_shim built against Kingdom&apos;s plugin SDK (packaging/kingdom_shim); the KCBP client library sits next to it. In the simulator environment, set it to run the real ctypes path.</source>
        <translation>依金證外掛 SDK 建置的 lbm_shim（packaging/kingdom_shim）；KCBP 用戶端函式庫放在它旁邊。在模擬器環境中設定它，可走真正的 ctypes 路徑。</translation>
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
        <translation>離線</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>已登入</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>無訊息</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已斷線</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>重新連線中</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>已放棄</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>in step with this machine (± {0:g} s)</source>
        <translation>與本機一致（± {0:g} 秒）</translation>
    </message>
    <message>
        <source>server {0:.0f} s ahead of this machine (± {1:g} s)</source>
        <translation>伺服器比本機快 {0:.0f} 秒（± {1:g} 秒）</translation>
    </message>
    <message>
        <source>server {0:.0f} s behind this machine (± {1:g} s)</source>
        <translation>伺服器比本機慢 {0:.0f} 秒（± {1:g} 秒）</translation>
    </message>
    <message>
        <source>in step with this machine</source>
        <translation>與本機一致</translation>
    </message>
    <message>
        <source>server {0:.1f} s ahead of this machine</source>
        <translation>伺服器比本機快 {0:.1f} 秒</translation>
    </message>
    <message>
        <source>server {0:.1f} s behind this machine</source>
        <translation>伺服器比本機慢 {0:.1f} 秒</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帳戶</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>閘道</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>執行環境</translation>
    </message>
    <message>
        <source>SDK version</source>
        <translation>SDK 版本</translation>
    </message>
    <message>
        <source>Session log</source>
        <translation>連線紀錄</translation>
    </message>
    <message>
        <source>UFX version</source>
        <translation>UFX 版本</translation>
    </message>
    <message>
        <source>User token</source>
        <translation>使用者權杖</translation>
    </message>
</context>
<context>
    <name>scenarios</name>
    <message>
        <source>Accepts connections and never answers: timeout.</source>
        <translation>接受連線但從不回應：逾時。</translation>
    </message>
    <message>
        <source>Answers after 2 seconds.</source>
        <translation>2 秒後才回應。</translation>
    </message>
    <message>
        <source>Answers like LongPort; demo credentials work.</source>
        <translation>與 LongPort 相同的回應；示範憑證可用。</translation>
    </message>
    <message>
        <source>Bad license</source>
        <translation>授權檔無效</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>時鐘偏差</translation>
    </message>
    <message>
        <source>Connects and never logs in: login timeout.</source>
        <translation>會連線但從不登入：登入逾時。</translation>
    </message>
    <message>
        <source>Connects, logs in with password &apos;demo&apos;, sends contracts and the account.</source>
        <translation>連線，以密碼 &apos;demo&apos; 登入，傳送合約與帳戶資料。</translation>
    </message>
    <message>
        <source>Drop after login</source>
        <translation>登入後斷線</translation>
    </message>
    <message>
        <source>Drop during recover</source>
        <translation>回補中斷線</translation>
    </message>
    <message>
        <source>Every request fails with HTTP 500 (code 500000).</source>
        <translation>每個請求都以 HTTP 500 失敗（代碼 500000）。</translation>
    </message>
    <message>
        <source>Every request is refused with 429002 (too many requests).</source>
        <translation>每個請求都以 429002 拒絕（請求過多）。</translation>
    </message>
    <message>
        <source>As400 down</source>
        <translation>AS400 故障</translation>
    </message>
    <message>
        <source>After hours</source>
        <translation>非交易時間</translation>
    </message>
    <message>
        <source>After hours: KGI&apos;s API server refuses the connection (CONNECT_FAIL).</source>
        <translation>非交易時間：凱基的 API 伺服器拒絕連線（CONNECT_FAIL）。</translation>
    </message>
    <message>
        <source>After hours: LongPort&apos;s OpenAPI stays up, the login works (with a warning).</source>
        <translation>非交易時間：LongPort 的 OpenAPI 仍在執行，登入成功（附警告）。</translation>
    </message>
    <message>
        <source>After hours: nothing answers at the KCBP address.</source>
        <translation>非交易時間：KCBP 地址無人應答。</translation>
    </message>
    <message>
        <source>After hours: the CTP front is down, the gateway logs disconnect reason 4097.</source>
        <translation>非交易時間：CTP 前置已關閉，介面記錄斷線原因 4097。</translation>
    </message>
    <message>
        <source>After hours: the CTS server refuses connections.</source>
        <translation>非交易時間：CTS 伺服器拒絕連線。</translation>
    </message>
    <message>
        <source>After hours: the UFX counter&apos;s T2 port refuses connections.</source>
        <translation>非交易時間：UFX 櫃檯的 T2 埠拒絕連線。</translation>
    </message>
    <message>
        <source>Auth failed 63</source>
        <translation>認證失敗 63</translation>
    </message>
    <message>
        <source>Connects; the back office (AS400) is down: AS400_CONNECTFAIL, then LOGIN_FAIL.</source>
        <translation>連線成功；後臺主機（AS400）故障：先 AS400_CONNECTFAIL，再 LOGIN_FAIL。</translation>
    </message>
    <message>
        <source>Disconnect 4097</source>
        <translation>斷線 4097</translation>
    </message>
    <message>
        <source>Http 500</source>
        <translation>HTTP 500</translation>
    </message>
    <message>
        <source>InitPlugin takes about 8 seconds.</source>
        <translation>InitPlugin 約需 8 秒。</translation>
    </message>
    <message>
        <source>Kcbp unreachable</source>
        <translation>KCBP 無法連線</translation>
    </message>
    <message>
        <source>Licence expiring</source>
        <translation>授權即將到期</translation>
    </message>
    <message>
        <source>Logs in as the seed shows (password &apos;demo&apos;).</source>
        <translation>依範例登入（密碼 &apos;demo&apos;）。</translation>
    </message>
    <message>
        <source>Logs in operators with password &apos;demo&apos;.</source>
        <translation>以密碼 &apos;demo&apos; 登入操作員。</translation>
    </message>
    <message>
        <source>Logs in, then the connection drops about 3 seconds later; the next login succeeds (for testing reconnect).</source>
        <translation>登入後約 3 秒連線中斷；下一次登入會成功（用於測試重新連線）。</translation>
    </message>
    <message>
        <source>Logs in; the demo access token expires in 5 days.</source>
        <translation>登入成功；演示 Access token 5 天后過期。</translation>
    </message>
    <message>
        <source>Logs in; the server clock runs 90 seconds ahead of this machine.</source>
        <translation>可登入；伺服器時鐘比本機快 90 秒。</translation>
    </message>
    <message>
        <source>Logs in; the server&apos;s licence expires in five days.</source>
        <translation>可登入；伺服器授權五天後到期。</translation>
    </message>
    <message>
        <source>Logs operators in with password &apos;demo&apos;.</source>
        <translation>以密碼 &apos;demo&apos; 登入操作員。</translation>
    </message>
    <message>
        <source>No reply</source>
        <translation>無回應</translation>
    </message>
    <message>
        <source>No server answers at the configured addresses.</source>
        <translation>設定的位址沒有伺服器回應。</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Nothing answers at host:port.</source>
        <translation>host:port 沒有回應。</translation>
    </message>
    <message>
        <source>Nothing answers at the KCBP address: the KCBP leg fails.</source>
        <translation>KCBP 位址沒有回應：KCBP 段失敗。</translation>
    </message>
    <message>
        <source>Nothing listens on the port: connection refused.</source>
        <translation>該連接埠沒有程式監聽：連線被拒。</translation>
    </message>
    <message>
        <source>Plugin rejects</source>
        <translation>外掛拒絕</translation>
    </message>
    <message>
        <source>Product files recover slowly (about a second each).</source>
        <translation>商品檔回補很慢（每個約一秒）。</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>請求受限</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒絕連線</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>無回應</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>回應緩慢</translation>
    </message>
    <message>
        <source>Slow init</source>
        <translation>初始化緩慢</translation>
    </message>
    <message>
        <source>Slow recovery</source>
        <translation>回補緩慢</translation>
    </message>
    <message>
        <source>Socket drop</source>
        <translation>Socket 中斷</translation>
    </message>
    <message>
        <source>Station control</source>
        <translation>站點控制</translation>
    </message>
    <message>
        <source>The KCBP leg answers and the plugin logs the operator in (password &apos;demo&apos;).</source>
        <translation>KCBP 段有回應，外掛讓操作員登入（密碼 &apos;demo&apos;）。</translation>
    </message>
    <message>
        <source>The KCBP leg works, the plugin refuses the operator.</source>
        <translation>KCBP 段正常，但外掛拒絕操作員。</translation>
    </message>
    <message>
        <source>The KCBP server knows other queue names than the ones configured.</source>
        <translation>KCBP 伺服器的佇列名稱與設定的不同。</translation>
    </message>
    <message>
        <source>The T2 SDK refuses the license file.</source>
        <translation>T2 SDK 拒絕授權檔。</translation>
    </message>
    <message>
        <source>The client authentication (授权编码) is refused: CTP ErrorID 63.</source>
        <translation>客戶端認證（授權編碼）被拒絕：CTP ErrorID 63。</translation>
    </message>
    <message>
        <source>The trading front cannot be reached: disconnected with CTP reason 4097.</source>
        <translation>無法連線交易前置：CTP 斷線原因 4097。</translation>
    </message>
    <message>
        <source>Token expired</source>
        <translation>Token 已過期</translation>
    </message>
    <message>
        <source>Token expiring</source>
        <translation>Token 即將過期</translation>
    </message>
    <message>
        <source>The connection drops in the middle of RECOVER: DISCONNECTED.</source>
        <translation>連線在 RECOVER 途中中斷：DISCONNECTED。</translation>
    </message>
    <message>
        <source>The counter refuses this machine&apos;s station (ErrorCode 1023).</source>
        <translation>櫃檯拒絕本機站點（ErrorCode 1023）。</translation>
    </message>
    <message>
        <source>The demo access token has expired: 401003.</source>
        <translation>演示 Access token 已過期：401003。</translation>
    </message>
    <message>
        <source>The host cannot be reached: CONNECT_FAIL.</source>
        <translation>無法連到主機：CONNECT_FAIL。</translation>
    </message>
    <message>
        <source>The server accepts the connection and never answers a function.</source>
        <translation>伺服器接受連線，但從不回應任何功能號。</translation>
    </message>
    <message>
        <source>The server accepts the connection and never answers: login timeout.</source>
        <translation>伺服器接受連線但從不回應：登入逾時。</translation>
    </message>
    <message>
        <source>The server clock runs 120 seconds ahead.</source>
        <translation>伺服器時鐘快 120 秒。</translation>
    </message>
    <message>
        <source>The socket drops two seconds after the login (onSocketError).</source>
        <translation>登入兩秒後 socket 中斷（onSocketError）。</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>無法連線</translation>
    </message>
    <message>
        <source>Wrong queues</source>
        <translation>佇列名稱錯誤</translation>
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
        <translation>帳戶</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康狀態</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>連線時間</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最後事件</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>時鐘偏差</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>重連次數</translation>
    </message>
</context>
<context>
    <name>state</name>
    <message>
        <source>Disconnected</source>
        <translation>未連線</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <source>Connected, logging in…</source>
        <translation>已連線，登入中…</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>已登入</translation>
    </message>
    <message>
        <source>Logging out…</source>
        <translation>登出中…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Logged in — check the clock</source>
        <translation>已登入 — 請檢查時鐘</translation>
    </message>
</context>
<context>
    <name>terminal</name>
    <message>
        <source>a Hyper-V virtual card: it changes when the VM is moved or re-created</source>
        <translation>Hyper-V 虛擬網絡卡：虛擬機器遷移或重建時會改變</translation>
    </message>
    <message>
        <source>a QEMU/KVM virtual card: it changes when the VM is moved or re-created</source>
        <translation>QEMU/KVM 虛擬網絡卡：虛擬機器遷移或重建時會改變</translation>
    </message>
    <message>
        <source>a VMware virtual card: it changes when the VM is moved or re-created</source>
        <translation>VMware 虛擬網絡卡：虛擬機器遷移或重建時會改變</translation>
    </message>
    <message>
        <source>a VirtualBox virtual card: it changes when the VM is moved or re-created</source>
        <translation>VirtualBox 虛擬網絡卡：虛擬機器遷移或重建時會改變</translation>
    </message>
    <message>
        <source>a Xen virtual card: it changes when the VM is moved or re-created</source>
        <translation>Xen 虛擬網絡卡：虛擬機器遷移或重建時會改變</translation>
    </message>
    <message>
        <source>a container&apos;s virtual interface: it changes with the container</source>
        <translation>容器的虛擬網絡卡：隨容器改變</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;Default string&apos;), not this machine&apos;s</source>
        <translation>韌體佔位值（&apos;Default string&apos;），不是本機的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;None&apos;), not this machine&apos;s</source>
        <translation>韌體佔位值（&apos;None&apos;），不是本機的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;Not Specified&apos;), not this machine&apos;s</source>
        <translation>韌體佔位值（&apos;Not Specified&apos;），不是本機的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;System Product Name&apos;), not this machine&apos;s</source>
        <translation>韌體佔位值（&apos;System Product Name&apos;），不是本機的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;System manufacturer&apos;), not this machine&apos;s</source>
        <translation>韌體佔位值（&apos;System manufacturer&apos;），不是本機的</translation>
    </message>
    <message>
        <source>a firmware placeholder (&apos;To be filled by O.E.M.&apos;), not this machine&apos;s</source>
        <translation>韌體佔位值（&apos;To be filled by O.E.M.&apos;），不是本機的</translation>
    </message>
    <message>
        <source>a virtual machine (Amazon EC2): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（Amazon EC2）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>a virtual machine (Google): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（Google）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>a virtual machine (KVM): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（KVM）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>a virtual machine (QEMU): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（QEMU）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>a virtual machine (VMware): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（VMware）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>a virtual machine (VirtualBox): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（VirtualBox）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>a virtual machine (Xen): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（Xen）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>a virtual machine (innotek): brokers may not accept it as a terminal</source>
        <translation>虛擬機器（innotek）：券商可能不接受其作為終端</translation>
    </message>
    <message>
        <source>all zeros: a placeholder, not a card&apos;s address</source>
        <translation>全為零：佔位值，不是網絡卡地址</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>empty: no network card was found</source>
        <translation>空：未找到網絡卡</translation>
    </message>
    <message>
        <source>empty: the front&apos;s client authentication (ReqAuthenticate) needs it</source>
        <translation>空：前置的客戶端認證（ReqAuthenticate）需要它</translation>
    </message>
    <message>
        <source>locally administered (set by software, as VMs and containers do), not a card&apos;s</source>
        <translation>本地管理地址（由軟體設定，虛擬機器和容器常見），不是網絡卡的出廠地址</translation>
    </message>
    <message>
        <source>loopback: this machine has no network address the broker could register</source>
        <translation>迴環地址：本機沒有可供券商登記的網路地址</translation>
    </message>
    <message>
        <source>not applicable on a PC</source>
        <translation>PC 不適用</translation>
    </message>
    <message>
        <source>not collected</source>
        <translation>未採集</translation>
    </message>
    <message>
        <source>not collected (needs administrator rights)</source>
        <translation>未採集（需要管理員許可權）</translation>
    </message>
    <message>
        <source>not collected (the broker sees it)</source>
        <translation>未採集（券商可自行看到）</translation>
    </message>
    <message>
        <source>running in a container: MAC, IP and disk are the container&apos;s, not the host&apos;s</source>
        <translation>在容器中執行：MAC、IP 和磁碟都是容器的，不是主機的</translation>
    </message>
    <message>
        <source>the CTP library (not visible to the console)</source>
        <translation>CTP 庫（控制檯無法看到）</translation>
    </message>
    <message>
        <source>the disk&apos;s serial is missing (not readable here)</source>
        <translation>缺少磁碟序列號（此處無法讀取）</translation>
    </message>
    <message>
        <source>the form</source>
        <translation>表單</translation>
    </message>
    <message>
        <source>the machine&apos;s maker (firmware)</source>
        <translation>本機廠商（韌體）</translation>
    </message>
    <message>
        <source>the machine&apos;s model (firmware)</source>
        <translation>本機型號（韌體）</translation>
    </message>
    <message>
        <source>the operating system</source>
        <translation>作業系統</translation>
    </message>
    <message>
        <source>the system disk: drive, file system, size in GiB, serial</source>
        <translation>系統盤：磁碟機代號、檔案系統、容量（GiB）、序列號</translation>
    </message>
    <message>
        <source>this console&apos;s version</source>
        <translation>本控制檯的版本</translation>
    </message>
    <message>
        <source>this machine (/.dockerenv, /proc/1/cgroup)</source>
        <translation>本機（/.dockerenv、/proc/1/cgroup）</translation>
    </message>
    <message>
        <source>this machine (Auto-fill)</source>
        <translation>本機（自動填寫）</translation>
    </message>
    <message>
        <source>this machine&apos;s IP address</source>
        <translation>本機 IP 地址</translation>
    </message>
    <message>
        <source>this machine&apos;s host name</source>
        <translation>本機主機名</translation>
    </message>
    <message>
        <source>this machine, as the CTP API will read it</source>
        <translation>本機（CTP API 將讀取的值）</translation>
    </message>
    <message>
        <source>typed in the form (differs from this machine)</source>
        <translation>表單中手工輸入（與本機不同）</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>Unknown field &apos;{key}&apos;; the fields are: {keys}.</source>
        <translation>未知欄位 &apos;{key}&apos;；可用欄位：{keys}。</translation>
    </message>
    <message>
        <source>{label} &apos;{value}&apos; is not a host name or IP address.</source>
        <translation>{label}「{value}」不是主機名稱或 IP 位址。</translation>
    </message>
    <message>
        <source>{label} contains &apos;{char}&apos;, which {encoding} cannot carry.</source>
        <translation>{label}含有「{char}」，{encoding} 無法表示。</translation>
    </message>
    <message>
        <source>{label} contains a character that {encoding} cannot carry.</source>
        <translation>{label}含有 {encoding} 無法表示的字元。</translation>
    </message>
    <message>
        <source>{label} contains a control character (U+{code:04X}); type it again on one line.</source>
        <translation>{label}含有控制字元（U+{code:04X}）；請在同一行重新輸入。</translation>
    </message>
    <message>
        <source>{label} contains a line break or another control character; type it again on one line.</source>
        <translation>{label}含有換行或其他控制字元；請在同一行重新輸入。</translation>
    </message>
    <message>
        <source>{label} is required for the Custom region.</source>
        <translation>「自訂」區域必須填寫{label}。</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>必須填寫{label}。</translation>
    </message>
    <message>
        <source>{label} is too large.</source>
        <translation>{label}太大。</translation>
    </message>
    <message>
        <source>{label} is {size} bytes in {encoding}; the broker accepts at most {limit}.</source>
        <translation>{label}以 {encoding} 編碼為 {size} 位元組；券商最多接受 {limit}。</translation>
    </message>
    <message>
        <source>{label} is {size} characters long; at most {limit} are accepted.</source>
        <translation>{label}長 {size} 個字元；最多接受 {limit} 個。</translation>
    </message>
    <message>
        <source>{label} must be 12 hex digits, no separators (e.g. 00E04C6817A2): use Auto-fill.</source>
        <translation>{label}必須是 12 位十六進位數字，不含分隔符號（例如 00E04C6817A2）：請使用自動填入。</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label}必須是數字。</translation>
    </message>
    <message>
        <source>{label} must be a whole number.</source>
        <translation>{label}必須是整數。</translation>
    </message>
    <message>
        <source>{label} must be between 1 and 65535 (got {value}).</source>
        <translation>{label}必須介於 1 到 65535（目前為 {value}）。</translation>
    </message>
    <message>
        <source>{label} must be between {lo:g} and {hi:g} (got {value:g}).</source>
        <translation>{label}必須介於 {lo:g} 到 {hi:g}（目前為 {value:g}）。</translation>
    </message>
    <message>
        <source>{label} must be exactly {n} character(s).</source>
        <translation>{label}必須剛好 {n} 個字元。</translation>
    </message>
    <message>
        <source>{label} must be one of: {options}.</source>
        <translation>{label}必須是下列之一：{options}。</translation>
    </message>
    <message>
        <source>{label} must be text.</source>
        <translation>{label}必須是文字。</translation>
    </message>
    <message>
        <source>{label} must be true or false.</source>
        <translation>{label}必須是 true 或 false。</translation>
    </message>
    <message>
        <source>{label} must look like https://host[:port].</source>
        <translation>{label}的格式必須像 https://host[:port]。</translation>
    </message>
    <message>
        <source>{label} must not carry a path or query.</source>
        <translation>{label}不可包含路徑或查詢字串。</translation>
    </message>
    <message>
        <source>{label} must not carry a user name or password.</source>
        <translation>{label}不可包含使用者名稱或密碼。</translation>
    </message>
    <message>
        <source>{label} must use https (plain http only to this machine).</source>
        <translation>{label}必須使用 https（只有連到本機才可用 http）。</translation>
    </message>
    <message>
        <source>{label}: &apos;{item}&apos; is not host:port.</source>
        <translation>{label}：「{item}」不是 host:port。</translation>
    </message>
</context>
</TS>
