<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BrokerTab</name>
    <message numerus="yes">
        <source>Not sent: the last %n login(s) of this account were rejected in a row, and one more may lock it at the broker. {0} The console stops after {1} in a row: check the password first.</source>
        <translation>
            <numerusform>Not sent: the last login of this account was rejected, and one more may lock it at the broker. {0} The console stops after {1} in a row: check the password first.</numerusform>
            <numerusform>Not sent: the last %n logins of this account were rejected in a row, and one more may lock it at the broker. {0} The console stops after {1} in a row: check the password first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosisPanel</name>
    <message numerus="yes">
        <source>Every step passed (%n step(s)).</source>
        <translation>
            <numerusform>Every step passed (%n step).</numerusform>
            <numerusform>Every step passed (%n steps).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message numerus="yes">
        <source>%n row(s) trimmed</source>
        <translation>
            <numerusform>%n row trimmed</numerusform>
            <numerusform>%n rows trimmed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dropped</source>
        <translation>
            <numerusform>%n event dropped</numerusform>
            <numerusform>%n events dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to {0}</source>
        <translation>
            <numerusform>Exported %n event to {0}</numerusform>
            <numerusform>Exported %n events to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Logged in again (%n reconnect(s) so far)</source>
        <translation>
            <numerusform>Logged in again (%n reconnect so far)</numerusform>
            <numerusform>Logged in again (%n reconnects so far)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Support bundle saved: {0} (%n file(s))</source>
        <translation>
            <numerusform>Support bundle saved: {0} (%n file)</numerusform>
            <numerusform>Support bundle saved: {0} (%n files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message numerus="yes">
        <source>Advanced settings (%n)</source>
        <translation>
            <numerusform>Advanced settings (%n)</numerusform>
            <numerusform>Advanced settings (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message numerus="yes">
        <source>{0} (in %n day(s))</source>
        <translation>
            <numerusform>{0} (in %n day)</numerusform>
            <numerusform>{0} (in %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TerminalInfoPanel</name>
    <message numerus="yes">
        <source>%n field(s); nothing looks wrong. Nothing was sent.</source>
        <translation>
            <numerusform>%n field; nothing looks wrong. Nothing was sent.</numerusform>
            <numerusform>%n fields; nothing looks wrong. Nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) look wrong ({0} the broker needs): {1}: {2}. Nothing was sent.</source>
        <translation>
            <numerusform>%n field looks wrong ({0} the broker needs): {1}: {2}. Nothing was sent.</numerusform>
            <numerusform>%n fields look wrong ({0} the broker needs): {1}: {2}. Nothing was sent.</numerusform>
        </translation>
    </message>
</context>
</TS>
