<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>app</name>
    <message>
      <location filename="../../cli/server.py" line="74" />
      <source> (branches: %1)</source>
      <translation>（支部：%1）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="138" />
      <source> (holidays of %1 not entered: check the dates)</source>
      <translation>（%1 年节假日未录入，请核对日期）</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="131" />
      <source> (seal)</source>
      <translation>（盖章）</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="497" />
      <source> and %1 more</source>
      <translation> 等另外 %1 项</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="514" />
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="510" />
      <source> h</source>
      <translation> 小时</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="57" />
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="85" />
      <source> min before the start</source>
      <translation> 分钟（开始前）</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="435" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="30" />
      <source>%1 %2 %3 – %4 %5 %6</source>
      <translation>%3年%2%1日 – %6年%5%4日</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="22" />
      <source>%1 %2 – %3 %4 %5</source>
      <translation>%5年%2%1日 – %4%3日</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="118" />
      <source>%1 %2: needs %3 h of %4 h it can give</source>
      <translation>%1 %2：需要 %3 小时，可出 %4 小时</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="93" />
      <source>%1 %2: needs %3 h, can give %4 h, short %5 h</source>
      <translation>%1 %2：需要 %3 小时，可出 %4 小时，缺 %5 小时</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="142" />
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="24" />
      <source>%1 (all departments)</source>
      <translation>%1（全院）</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="27" />
      <source>%1 (anyone)</source>
      <translation>%1（本科室任何人）</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="50" />
      <source>%1 (continued)</source>
      <translation>%1（续）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/problems.py" line="53" />
      <source>%1 (found %2)</source>
      <translation>%1（实为 %2）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="176" />
      <source>%1 (hidden: skipped)</source>
      <translation>%1（隐藏：跳过）</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="177" />
      <source>%1 (lead)</source>
      <translation>%1（带队）</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="126" />
      <source>%1 (make-up workday)</source>
      <translation>%1调休</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="123" />
      <source>%1 (moved from %2)</source>
      <translation>%1（由 %2 改期）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="177" />
      <source>%1 (not read)</source>
      <translation>%1（未读取）</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="22" />
      <source>%1 (planner)</source>
      <translation>%1（计划员）</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="22" />
      <source>%1 (recorder)</source>
      <translation>%1（记录员）</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="110" />
      <source>%1 (sheet %2): %3</source>
      <translation>%1（工作表 %2）：%3</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="100" />
      <source>%1 (sheet %2): no column for %3</source>
      <translation>%1（工作表 %2）：没有这些字段的列：%3</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="113" />
      <source>%1 (sheet %2): no one is listed under the day columns</source>
      <translation>%1（工作表 %2）：日期列下没有列出任何人</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="46" />
      <source>%1 (sheet %2): no rows under the header</source>
      <translation>%1（工作表 %2）：表头下没有数据行</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="88" />
      <source>%1 (sheet %2): the file can be read two ways: columns %3 could each be the %4; nothing imported (keep one of them, or name the other differently)</source>
      <translation>%1（工作表 %2）：文件有两种读法：%3 这几列都可能是%4；未导入任何内容（只保留其中一列，或给另一列换个表头）</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="22" />
      <source>%1 (viewer)</source>
      <translation>%1（查看者）</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="47" />
      <source>%1 acknowledgements</source>
      <translation>%1 条已确认的警告</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="42" />
      <source>%1 activities</source>
      <translation>%1 个活动</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="43" />
      <source>%1 assignments</source>
      <translation>%1 条排班</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/occurrence_html.py" line="63" />
      <source>%1 attended, %2 h</source>
      <translation>到场 %1 人，共 %2 小时</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="36" />
      <source>%1 branches</source>
      <translation>%1 个党支部</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="46" />
      <source>%1 calendar</source>
      <translation>%1 个日历日</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="34" />
      <source>%1 campuses</source>
      <translation>%1 个院区</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="238" />
      <source>%1 cannot be a login name (letters, digits, _ . - @; up to 63 bytes, 21 Chinese characters)</source>
      <translation>%1 不能用作登录名（字母、汉字、数字、_ . - @；最长 63 字节，即 21 个汉字）</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="338" />
      <source>%1 conflicts</source>
      <translation>%1 项冲突</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="78" />
      <source>%1 d %2 h</source>
      <translation>%1 天 %2 小时</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="35" />
      <source>%1 departments</source>
      <translation>%1 个科室</translation>
    </message>
    <message>
      <location filename="../../cli/check.py" line="43" />
      <source>%1 error(s), %2 warning(s)</source>
      <translation>%1 个错误，%2 个警告</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="147" />
      <source>%1 errors, %2 warnings (%3 acknowledged)</source>
      <translation>错误 %1 个，警告 %2 个（已确认 %3 个）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="134" />
      <source>%1 exists already.</source>
      <translation>%1 已存在。</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="78" />
      <source>%1 h %2 min</source>
      <translation>%1 小时 %2 分</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="86" />
      <source>%1 h still short: %2 more people of this pool giving %3 h a month each, or higher monthly caps</source>
      <translation>仍缺 %1 小时：该资质池需再增加 %2 人（每人每月出 %3 小时），或提高每月时长上限</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="26" />
      <source>%1 has %2 ISO weeks: there is no week %3</source>
      <translation>%1 年只有 %2 个 ISO 周：没有 %3 这一周</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="187" />
      <source>%1 holds no database of this app (it is empty)</source>
      <translation>%1 不是本程序的数据库（文件为空）</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="506" />
      <source>%1 holidays not entered.</source>
      <translation>%1 年节假日尚未录入。</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="61" />
      <source>%1 hours in %2</source>
      <translation>%2 年共 %1 小时</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="265" />
      <source>%1 hours in all</source>
      <translation>合计 %1 小时</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="258" />
      <source>%1 is an administrator of the server (it may do anything): not made a login of a role</source>
      <translation>%1 是服务器的管理员（可做任何操作），不能设为某个角色的登录名</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="190" />
      <source>%1 is damaged (%2) and there is no backup of it.</source>
      <translation>%1 已损坏（%2），且没有它的备份。</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="196" />
      <source>%1 is damaged (%2).

Restore the latest good backup, taken %3? The damaged file is kept aside.</source>
      <translation>%1 已损坏（%2）。

是否恢复 %3 的最新完好备份？损坏的文件会另行保留。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/screen.py" line="242" />
      <source>%1 is entered already.</source>
      <translation>%1 已录入。</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="173" />
      <source>%1 is not a usable database: %2</source>
      <translation>%1 不是可用的数据库：%2</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/official.py" line="83" />
      <source>%1 is not in it yet. When the State Council publishes %1's holidays (usually in November or December), enter them here on the left, or import them in a plan file.</source>
      <translation>其中尚无 %1 年。国务院办公厅公布 %1 年节假日安排后（通常在 11 月或 12 月），请在左侧录入，或通过计划文件导入。</translation>
    </message>
    <message>
      <location filename="../../ui/edits.py" line="48" />
      <source>%1 is still referred to by %2 record(s). Change or delete those first:</source>
      <translation>%1 仍被 %2 条记录引用。请先修改或删除这些记录：</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="64" />
      <source>%1 is the SQLite database of another application (it has tables of its own: %2); it is not opened and nothing was changed: give --db a database of this app or a new file name</source>
      <translation>%1 是其他应用程序的 SQLite 数据库（含有其自己的表：%2）；未打开该文件，也未作任何更改：请给 --db 指定本应用的数据库或一个新文件名</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="242" />
      <source>%1 is the name of one of the server's roles, not of a login</source>
      <translation>%1 是服务器上一个角色的名称，不能用作登录名</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="79" />
      <source>%1 left</source>
      <translation>剩余 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="166" />
      <source>%1 may name one value only (an activity happens once a day at the most)</source>
      <translation>%1 只能取一个值（活动每天最多举办一次）</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="69" />
      <source>%1 more</source>
      <translation>另 %1 项</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="92" />
      <source>%1 needs %2</source>
      <translation>%1 需要 %2</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="93" />
      <source>%1 needs %2, not %3</source>
      <translation>%1 需要 %2，而不是 %3</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="271" />
      <source>%1 occurrences held, %2 people served, %3 volunteer hours</source>
      <translation>举办 %1 场次，服务 %2 人次，志愿服务 %3 小时</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="342" />
      <source>%1 occurrences, %2 hours</source>
      <translation>共 %1 场，%2 小时</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="90" />
      <source>%1 of %2 h</source>
      <translation>%1 / %2 小时</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="234" />
      <source>%1 of %2 people taken, %3 entries: %4 written, %5 already there, %6 earlier ones replaced, %7 kept (their cell refused), %8 left out (held from elsewhere); %9 earlier entries of people not taken (row refused or not listed) left as they were</source>
      <translation>%2 人中导入 %1 人，%3 条：写入 %4 条，已有 %5 条，替换此前 %6 条，保留 %7 条（其单元格未导入），略去 %8 条（已由别处记录）；未导入人员（行未导入或未列出）此前的 %9 条保持原样</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="436" />
      <source>%1 of %2 shown</source>
      <translation>显示 %1 / 共 %2 条</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="424" />
      <source>%1 of them are left out: the same person and times are held already (typed in, or another roster).</source>
      <translation>其中 %1 条不导入：同一人同一时段已有记录（手工录入，或来自另一份排班表）。</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="55" />
      <source>%1 on %2: %3 places at once, %4 people free then</source>
      <translation>%1 在 %2 同时需要 %3 个岗位，届时只有 %4 人有空</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="135" />
      <source>%1 open</source>
      <translation>空缺 %1</translation>
    </message>
    <message>
      <location filename="../../reports/picture.py" line="30" />
      <source>%1 pages are too many for one picture (at most %2): choose a shorter period, or print the PDF</source>
      <translation>%1 页太多，无法做成一张图片（最多 %2 页）：请选择较短的时间段，或打印 PDF</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="40" />
      <source>%1 pairings</source>
      <translation>%1 个结对</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="39" />
      <source>%1 partners</source>
      <translation>%1 个结对单位</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="323" />
      <source>%1 people</source>
      <translation>%1 人</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="283" />
      <source>%1 people carry the most hours. Took %2 s.</source>
      <translation>负担最重的有 %1 人。用时 %2 秒。</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="102" />
      <source>%1 places at once on %2 for %3 people free</source>
      <translation>%2 同时需要 %1 个岗位，届时只有 %3 人有空</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="45" />
      <source>%1 records</source>
      <translation>%1 条服务记录</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="404" />
      <source>%1 records taken from the field, %2 unchanged, %3 changed both here and in the field.</source>
      <translation>从现场取回 %1 条记录，%2 条无变化，%3 条在办公室和现场都被修改过。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="321" />
      <source>%1 removed, %2 added, %3 moved</source>
      <translation>移除 %1 人，新增 %2 人，调整 %3 人</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="44" />
      <source>%1 requests</source>
      <translation>%1 个点单</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="459" />
      <source>%1 requests received in the period.</source>
      <translation>该期间共收到点单 %1 个。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="366" />
      <source>%1 rows: %2 new requests, %3 already there (repeated, or imported before), %4 with problems (not imported).</source>
      <translation>共 %1 行：新点单 %2 条，已有 %3 条（重复行或之前已导入），%4 行有问题（不导入）。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="377" />
      <source>%1 rows: %2 new, %3 updates, %4 with problems (not imported).</source>
      <translation>共 %1 行：新增 %2 行，更新 %3 行，%4 行有问题（不导入）。</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="324" />
      <source>%1 served, %2 h</source>
      <translation>服务 %1 人，%2 小时</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="41" />
      <source>%1 services</source>
      <translation>%1 个服务项目</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="51" />
      <source>%1 short by %2 h in %3</source>
      <translation>%1 在 %3 缺 %2 小时</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="37" />
      <source>%1 staff</source>
      <translation>%1 名职工</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="414" />
      <source>%1 to write, %2 already there, %3 earlier entries of these people and days replaced, %4 kept (their cell refused), %5 of people not taken left as they were.</source>
      <translation>将写入 %1 条，已有 %2 条，替换这些人员在这些日期此前导入的 %3 条，保留 %4 条（其单元格未导入），未导入人员的 %5 条保持原样。</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="38" />
      <source>%1 unavailability</source>
      <translation>%1 条不可用时段</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="328" />
      <source>%1 visits not yet planned</source>
      <translation>%1 次尚未排期</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="146" />
      <source>%1 visits proposed</source>
      <translation>建议走访 %1 次</translation>
    </message>
    <message>
      <location filename="../../cli/field.py" line="58" />
      <source>%1 was imported before: nothing changed</source>
      <translation>%1 之前已导入过：未做任何更改</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="179" />
      <source>%1 was imported, with %2 warning(s):</source>
      <translation>%1 已导入，有 %2 条警告：</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="65" />
      <source>%1 was not imported, nothing changed: %2 problem(s)</source>
      <translation>%1 未导入，未做任何更改：%2 个问题</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/problems_dialog.py" line="26" />
      <source>%1 was not imported; the database is unchanged. Problems found: %2</source>
      <translation>%1 未导入，数据库没有任何改动。发现的问题：%2 个</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="67" />
      <source>%1 was not recorded, nothing changed: %2 problem(s)</source>
      <translation>%1 未登记，未做任何更改：%2 个问题</translation>
    </message>
    <message>
      <location filename="../../cli/field.py" line="54" />
      <source>%1 was refused, nothing changed: %2</source>
      <translation>%1 被拒绝，未做任何更改：%2</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="308" />
      <source>%1 · %2 (red: months it runs short)</source>
      <translation>%1 · %2（红色：不足的月份）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/backups.py" line="20" />
      <source>%1 · %2 KB</source>
      <translation>%1 · %2 KB</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="161" />
      <source>%1 – %2: %3: %4 of %5 open place(s) filled, %6 lead(s); %7 place(s) left open; %8 s (%9)</source>
      <translation>%1 – %2：%3：%5 个空缺岗位中补齐 %4 个，带队 %6 名；仍有 %7 个岗位空缺；用时 %8 秒（%9）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="400" />
      <source>%1, %2 – %3: %4 of %5 people found; %6 entries (%7 on duty, %8 resting after a night, %9 on leave).</source>
      <translation>%1，%2 – %3：%5 人中找到 %4 人；%6 条（在岗 %7、夜班后休息 %8、请假 %9）。</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="70" />
      <source>%1-%2-%3 (%4)</source>
      <translation>%1年%5月%6日（%4）</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="395" />
      <source>%1. Then the preferences, in this order (move with the buttons; untick to leave one out)</source>
      <translation>%1. 然后是以下偏好，按此顺序（用按钮调整顺序；取消勾选即不考虑）</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="185" />
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <location filename="../../cli/stats.py" line="52" />
      <source>%1: %2 occurrences held, %3 people served, %4 volunteer hours</source>
      <translation>%1 年：举办 %2 场次，服务 %3 人次，志愿服务 %4 小时</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="172" />
      <source>%1: %2 request(s) taken, %3 already there (repeated, or imported before), %4 row(s) refused</source>
      <translation>%1：导入点单 %2 条，已有 %3 条（重复行或之前已导入），拒收 %4 行</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="288" />
      <source>%1: %2 roster(s) read; %3 entries written (%4 duty, %5 rest, %6 leave in the rosters), %7 earlier entries replaced, %8 already there, %9 kept; %10 row(s) and %11 cell(s) refused</source>
      <translation>%1：读取排班表 %2 张；写入 %3 条（表中值班 %4、休息 %5、请假 %6 条），替换此前导入 %7 条，已有 %8 条，保留 %9 条；%10 行、%11 个单元格未导入</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="180" />
      <source>%1: %2 row(s) taken (%3 new, %4 updated), %5 row(s) refused</source>
      <translation>%1：导入 %2 行（新增 %3，更新 %4），拒收 %5 行</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="65" />
      <source>%1: %2 to %3</source>
      <translation>%1：%2 次移至 %3</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="186" />
      <source>%1: %2, %3 people</source>
      <translation>%1：%2，%3 人</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="95" />
      <source>%1: activity %4 has no occurrence on %3 (none planned then, or called off)</source>
      <translation>%1：活动 %4 在 %3 没有场次（当天未安排，或已取消）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="183" />
      <source>%1: hidden, skipped</source>
      <translation>%1：隐藏，已跳过</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="94" />
      <source>%1: no activity with id %3 (%2)</source>
      <translation>%1：没有编号为 %3 的活动（%2）</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="99" />
      <source>%1: no party branch with id %3 (%2)</source>
      <translation>%1：没有编号为 %3 的党支部（%2）</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="98" />
      <source>%1: no staff member with id %3 (%2)</source>
      <translation>%1：没有编号为 %3 的职工（%2）</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="114" />
      <source>%1: no visible sheet to read</source>
      <translation>%1：没有可读取的可见工作表</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="190" />
      <source>%1: not read</source>
      <translation>%1：未读取</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="100" />
      <source>%1: the window ends before it starts (%3)</source>
      <translation>%1：结束日期早于开始日期（%3）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="188" />
      <source>%1: the workbook's legend, read for every roster</source>
      <translation>%1：本工作簿的班次说明，各排班表均按其读取</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="65" />
      <source>%1; run assign again</source>
      <translation>%1；请重新运行 assign</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="20" />
      <source>%1–%2 %3 %4</source>
      <translation>%4年%3%1日–%2日</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="312" />
      <source>&amp;About…</source>
      <translation>关于(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="46" />
      <source>&amp;Auto-assign…</source>
      <translation>自动排班(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="50" />
      <source>&amp;Backups…</source>
      <translation>备份(&amp;B)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="170" />
      <source>&amp;Conflicts panel</source>
      <translation>冲突面板(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="86" />
      <source>&amp;Duty roster of a department…</source>
      <translation>科室排班表(&amp;D)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="158" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="81" />
      <source>&amp;Export plan file…</source>
      <translation>导出计划文件(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="70" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="308" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="44" />
      <source>&amp;Hospital…</source>
      <translation>医院信息(&amp;H)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="80" />
      <source>&amp;Import plan file…</source>
      <translation>导入计划文件(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="52" />
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="72" />
      <source>&amp;New database…</source>
      <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="48" />
      <source>&amp;Notice…</source>
      <translation>活动通知(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="73" />
      <source>&amp;Open database…</source>
      <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="98" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="75" />
      <source>&amp;Recent databases</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="161" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="45" />
      <source>&amp;Response times…</source>
      <translation>响应时限(&amp;R)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="40" />
      <source>&amp;Settings</source>
      <translation>设置(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="47" />
      <source>&amp;Shift codes…</source>
      <translation>班次代码(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="85" />
      <source>&amp;Staff, departments or partners…</source>
      <translation>职工、科室或结对单位(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="159" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="309" />
      <source>&amp;User manual</source>
      <translation>用户手册(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="51" />
      <source>&amp;User name…</source>
      <translation>用户名(&amp;U)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="168" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/rotation_dialog.py" line="87" />
      <source>(any department)</source>
      <translation>（不限科室）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="102" />
      <source>(as the sheet says)</source>
      <translation>（按表格所写）</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="49" />
      <source>(ends the next day)</source>
      <translation>（次日结束）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="201" />
      <source>(leave these rows out)</source>
      <translation>（这些行不导入）</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="113" />
      <source>(moved from %1)</source>
      <translation>（由 %1 改期）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="40" />
      <source>(next day)</source>
      <translation>（次日）</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="56" />
      <source>(no record)</source>
      <translation>（无记录）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="63" />
      <source>(no service: plain visit)</source>
      <translation>（不指定服务：普通走访）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="110" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="175" />
      <source>(not imported)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="287" />
      <source>(not set)</source>
      <translation>（未设置）</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="332" />
      <source>(the activity as a whole)</source>
      <translation>（整个活动）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/month.py" line="111" />
      <source>+%1 more</source>
      <translation>还有 %1 项</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="143" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="66" />
      <source>, %1 times</source>
      <translation>，共 %1 次</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="261" />
      <source>, at most {bound}</source>
      <translation>，最多 {bound}</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="160" />
      <source>, removed %1</source>
      <translation>，移除 %1 条</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="253" />
      <source>, stopped by the clock: may differ on another run</source>
      <translation>，因时钟限制停止：再次运行结果可能不同</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="68" />
      <source>, until %1</source>
      <translation>，直到 %1</translation>
    </message>
    <message>
      <location filename="../../cli/notice.py" line="40" />
      <source>--activity ID and --occurrence DATE</source>
      <translation>--activity 活动编号 和 --occurrence 日期</translation>
    </message>
    <message>
      <location filename="../../cli/roster.py" line="23" />
      <source>--branch ID</source>
      <translation>--branch 党支部编号</translation>
    </message>
    <message>
      <location filename="../../cli/sheets.py" line="37" />
      <source>--department and --month are for sheet duty</source>
      <translation>--department 和 --month 只用于 sheet duty</translation>
    </message>
    <message>
      <location filename="../../cli/roster.py" line="24" />
      <source>--from DATE</source>
      <translation>--from 日期</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="118" />
      <source>--rest-until and --leave go with --on and --off</source>
      <translation>--rest-until 和 --leave 需与 --on、--off 一起使用</translation>
    </message>
    <message>
      <location filename="../../cli/roster.py" line="22" />
      <source>--staff ID</source>
      <translation>--staff 职工编号</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="77" />
      <source>--to %1 is before --from %2</source>
      <translation>--to %1 早于 --from %2</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="78" />
      <source>--to %1 is before the first day in use, %2 (give --from)</source>
      <translation>--to %1 早于所用的起始日 %2（请给出 --from）</translation>
    </message>
    <message>
      <location filename="../../cli/demo.py" line="26" />
      <source>--today %1 is not in the demo year %2</source>
      <translation>--today %1 不在演示年份 %2 内</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="106" />
      <source>: </source>
      <translation>：</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="102" />
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="290" />
      <source>; no plan can do with less than {bound} h: {why}.</source>
      <translation>；任何方案都不可能低于 {bound} 小时：{why}。</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="289" />
      <source>; no plan can do with less: {why}.</source>
      <translation>；任何方案都不可能更少：{why}。</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="250" />
      <source>; perhaps as low as {bound}</source>
      <translation>；最少可能降到 {bound}</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="250" />
      <source>; perhaps up to {bound}</source>
      <translation>；最多可能达到 {bound}</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="78" />
      <source>A branch is built on at least one department.</source>
      <translation>党支部至少要建在一个科室上。</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="476" />
      <source>A declined request needs a reason.</source>
      <translation>拒绝点单须填写理由。</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="205" />
      <source>A lead for every occurrence</source>
      <translation>每个场次都有带队</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="216" />
      <source>A make-up workday is a Saturday or Sunday.</source>
      <translation>调休上班日应为周六或周日。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="61" />
      <source>A party member as lead for every occurrence</source>
      <translation>每个场次都有一名党员带队</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="100" />
      <source>A party member belongs to a party branch.</source>
      <translation>党员须归属一个党支部。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/screen.py" line="248" />
      <source>A phone number has digits only (with + or - where needed).</source>
      <translation>电话号码只能包含数字（必要时可含 + 或 -）。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="178" />
      <source>A single occurrence can only be given another time; other changes apply to the series.</source>
      <translation>单个场次只能改时间；其他修改需作用于系列活动。</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="217" />
      <source>A year the official calendar does not know yet, or a local change: these take precedence.</source>
      <translation>内置日历尚未包含的年份，或本地的调整：以这里的录入为准。</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="280" />
      <source>About</source>
      <translation>关于</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="372" />
      <source>Accept</source>
      <translation>受理</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="464" />
      <source>Accept request %1</source>
      <translation>受理点单 %1</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="59" />
      <source>Accepted</source>
      <translation>已受理</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="339" />
      <source>Acknowledge warning</source>
      <translation>确认警告</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="91" />
      <source>Acknowledge…</source>
      <translation>确认…</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="224" />
      <source>Active</source>
      <translation>在岗</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="447" />
      <source>Activities</source>
      <translation>活动</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="19" />
      <source>Activities (id, title, first start · venue · organizer; next dates)</source>
      <translation>活动（编号、名称、首次开始 · 地点 · 牵头支部；接下来的日期）</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="301" />
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="329" />
      <source>Activity name</source>
      <translation>活动名称</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="22" />
      <source>Acupuncture</source>
      <translation>针刺</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="246" />
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="471" />
      <source>Add %1 %2</source>
      <translation>新增%1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="70" />
      <source>Add a code</source>
      <translation>添加代码</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="157" />
      <source>Add need</source>
      <translation>添加需求</translation>
    </message>
    <message>
      <location filename="../../ui/office/record_dialog.py" line="130" />
      <source>Add someone who came: type a name, Enter</source>
      <translation>添加到场人员：输入姓名后回车</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="242" />
      <source>Add station</source>
      <translation>添加摊位</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="254" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="272" />
      <source>Adds %1 assignments: %2 of %3 open places filled, %4 leads named; %5 places stay open.</source>
      <translation>将新增 %1 条安排：%3 个空缺岗位中补齐 %2 个，指定带队 %4 名；仍有 %5 个岗位空缺。</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="214" />
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="265" />
      <source>Aged 60+</source>
      <translation>60岁以上占比</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="16" />
      <source>Agency</source>
      <translation>机关单位</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="111" />
      <source>Agenda</source>
      <translation>列表</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="413" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="291" />
      <source>All branches</source>
      <translation>全部支部</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="292" />
      <source>All departments</source>
      <translation>全部科室</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="294" />
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="172" />
      <source>All occurrences</source>
      <translation>所有场次</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="118" />
      <source>All occurrences can be given another time of day here; to hold the series on other days, change its repeat rule, or move single occurrences.</source>
      <translation>此处可修改所有场次的时间段；若要改到其他日期举办，请修改重复规则，或逐场改期。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="293" />
      <source>All partners</source>
      <translation>全部结对单位</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="364" />
      <source>All requests</source>
      <translation>全部点单</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="92" />
      <source>Always bring</source>
      <translation>每次携带</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/screen.py" line="238" />
      <source>An ID has letters, digits, “-”, “_” or “.” only.</source>
      <translation>编号只能包含字母、数字、“-”、“_”或“.”。</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="344" />
      <source>An acknowledgement needs a reason.</source>
      <translation>确认警告须填写理由。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="40" />
      <source>Annual patrol plan</source>
      <translation>全年巡诊计划</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="249" />
      <source>Annual patrol plan: %1 visits</source>
      <translation>全年巡诊计划：%1 次走访</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="131" />
      <source>Annual patrol plan…</source>
      <translation>全年巡诊计划…</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="199" />
      <source>Annual plan</source>
      <translation>年度计划</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="532" />
      <source>Annual plan…</source>
      <translation>年度计划…</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="231" />
      <source>Another time:</source>
      <translation>其他时间：</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="467" />
      <source>Answered (first held) after %1 days (median); %2 within the response time, %3 late.</source>
      <translation>从收到到首次举办的天数中位数为 %1 天；%2 个在响应时限内，%3 个超时。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="252" />
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="38" />
      <source>Apr</source>
      <translation>4月</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="193" />
      <source>Assign</source>
      <translation>安排</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="265" />
      <source>Assign %1 to %2</source>
      <translation>安排 %1 参加 %2</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="148" />
      <source>Assign a person: %1 %2</source>
      <translation>安排人员：%1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="194" />
      <source>Assign a person…</source>
      <translation>安排人员…</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="252" />
      <source>Assign anyway?</source>
      <translation>仍要安排？</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="253" />
      <source>Assigning %1 causes: %2. Assign anyway?</source>
      <translation>安排 %1 会造成：%2。仍要安排吗？</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="60" />
      <source>Assignment</source>
      <translation>排班</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="72" />
      <source>At most per day (whole hospital)</source>
      <translation>全院每天最多</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="39" />
      <source>At that time</source>
      <translation>当时状态</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="373" />
      <source>Attended</source>
      <translation>到场</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="92" />
      <source>Audience</source>
      <translation>预计人数</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="42" />
      <source>Aug</source>
      <translation>8月</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="94" />
      <source>Auto-assign</source>
      <translation>自动排班</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="365" />
      <source>Auto-assign settings</source>
      <translation>自动排班设置</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="192" />
      <source>Auto-assign this occurrence</source>
      <translation>为本场次自动排班</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="133" />
      <source>Auto-assign – the end is before the start</source>
      <translation>自动排班 – 结束日期早于开始日期</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="186" />
      <source>Auto-assign: %1 assignments</source>
      <translation>自动排班：%1 条安排</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="221" />
      <source>Auto-assign: preview</source>
      <translation>自动排班：预览</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="334" />
      <source>Auto-assigning…</source>
      <translation>正在自动排班…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="132" />
      <source>Auto-assign…</source>
      <translation>自动排班…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="118" />
      <source>Away (leave) at its own hours</source>
      <translation>按自定时段不在（请假）</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="212" />
      <source>Back</source>
      <translation>后退</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="95" />
      <source>Back up &amp;now</source>
      <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="423" />
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="425" />
      <source>Backed up to %1.</source>
      <translation>已备份到 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="111" />
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/backups.py" line="26" />
      <source>Backups are taken when the app starts and every day, and with File ▸ Back up now.</source>
      <translation>程序启动时和每天会自动备份，也可通过“文件 ▸ 立即备份”手动备份。</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="408" />
      <source>Behind</source>
      <translation>滞后</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="66" />
      <source>Blood pressure</source>
      <translation>测血压</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="67" />
      <source>Blood sugar</source>
      <translation>测血糖</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="198" />
      <source>Branch month plan</source>
      <translation>支部月度计划</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="219" />
      <source>Busiest people</source>
      <translation>最忙人员</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="68" />
      <source>By</source>
      <translation>录入人</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="151" />
      <source>By department</source>
      <translation>按科室</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="162" />
      <source>By kind</source>
      <translation>按类型</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="123" />
      <source>By month</source>
      <translation>按月份</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="157" />
      <source>By partner</source>
      <translation>按结对单位</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="129" />
      <source>By party branch</source>
      <translation>按党支部</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="172" />
      <source>By person</source>
      <translation>按人员</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="146" />
      <source>CHANGED %1 %2: removed %3; added %4; moved %5</source>
      <translation>已调整 %1 %2：移除 %3；新增 %4；调动 %5</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="48" />
      <source>CPR manikin and AED trainer</source>
      <translation>心肺复苏模拟人、AED训练机</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="228" />
      <source>Calendar</source>
      <translation>活动日历</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="62" />
      <source>Calendar day</source>
      <translation>日历日</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="106" />
      <source>Calendar file</source>
      <translation>日历文件</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="136" />
      <source>Calendar file (.ics)…</source>
      <translation>日历文件 (.ics)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="111" />
      <source>Calendar files (*.ics)</source>
      <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="398" />
      <source>Call off</source>
      <translation>停办</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="405" />
      <source>Call off %1 on %2</source>
      <translation>停办 %2 的 %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="200" />
      <source>Call off this occurrence…</source>
      <translation>停办本场次…</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="79" />
      <source>Called off</source>
      <translation>已停办</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/shown.py" line="73" />
      <source>Called off: %1</source>
      <translation>已停办：%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="402" />
      <source>Calling off needs a reason.</source>
      <translation>停办须填写原因。</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="126" />
      <source>Campus</source>
      <translation>院区</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="44" />
      <source>Campuses</source>
      <translation>院区</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="126" />
      <source>Can give in clinical time</source>
      <translation>工作时间内可出</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="193" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="71" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="328" />
      <source>Cancelled; nothing was changed.</source>
      <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/edits.py" line="46" />
      <source>Cannot delete</source>
      <translation>无法删除</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="151" />
      <source>Cannot open database</source>
      <translation>无法打开数据库</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="267" />
      <source>Cannot read %1: %2</source>
      <translation>无法读取 %1：%2</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="52" />
      <source>Cannot write %1: %2</source>
      <translation>无法写入 %1：%2</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="194" />
      <source>Capacity forecast</source>
      <translation>人力预测</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="204" />
      <source>Certificate of hours…</source>
      <translation>时长证明…</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="110" />
      <source>Certificate of volunteer service hours</source>
      <translation>志愿服务时长证明</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="308" />
      <source>Change</source>
      <translation>变动</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="26" />
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="78" />
      <source>Changes</source>
      <translation>变更内容</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="234" />
      <source>Changes per occurrence</source>
      <translation>各场次的变动</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="142" />
      <source>Checking the whole plan…</source>
      <translation>正在检查整个计划…</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="315" />
      <source>Choose a partner and a service.</source>
      <translation>请选择结对单位和服务项目。</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="297" />
      <source>Choose a person to see their ledger.</source>
      <translation>选择一名人员查看其时长明细。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="307" />
      <source>Choose a row first.</source>
      <translation>请先选择一行。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/rotation_dialog.py" line="97" />
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/occurrence_html.py" line="27" />
      <source>Click an occurrence to see its stations and people.</source>
      <translation>点击一个场次，查看其摊位和人员。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/grid.py" line="74" />
      <source>Click to list every occurrence of the day</source>
      <translation>点击列出当天全部场次</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="120" />
      <source>Clinical hours</source>
      <translation>临床工作时间</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/hospital_dialog.py" line="26" />
      <source>Clinical hours from</source>
      <translation>临床工作时间自</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/hospital_dialog.py" line="49" />
      <source>Clinical hours must end after they start.</source>
      <translation>临床工作时间的结束须晚于开始。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/hospital_dialog.py" line="27" />
      <source>Clinical hours until</source>
      <translation>临床工作时间至</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="170" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="60" />
      <source>Code in the roster</source>
      <translation>排班表中的代码</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="74" />
      <source>Cognitive screening</source>
      <translation>认知筛查</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="94" />
      <source>Column in the file</source>
      <translation>文件中的列</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="276" />
      <source>Columns %1 could each be the %2: the file can be read two ways, so neither is taken; choose one.</source>
      <translation>%1 这几列都可能是“%2”：文件有两种读法，因此都不采用；请选择其一。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="252" />
      <source>Columns of the form platform, not read as answers: %1</source>
      <translation>表单平台自带的列，不作为回答读取：%1</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="10" />
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="257" />
      <source>Community outreach scheduler</source>
      <translation>社区健康外联排班系统</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="119" />
      <source>Compact</source>
      <translation>紧凑</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="69" />
      <source>Confirmed</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="145" />
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="89" />
      <source>Conflicts (errors / warnings)</source>
      <translation>冲突（错误 / 警告）</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="260" />
      <source>Conflicts the week's occurrences carry</source>
      <translation>本周场次的冲突</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="57" />
      <source>Connect</source>
      <translation>连接</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="74" />
      <source>Connect to office &amp;server…</source>
      <translation>连接办公室服务器(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="33" />
      <source>Connect to office server</source>
      <translation>连接办公室服务器</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="68" />
      <source>Consultation</source>
      <translation>健康咨询</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="401" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="210" />
      <source>Contact name</source>
      <translation>联系人姓名</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="144" />
      <source>Contact person</source>
      <translation>联络人</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="211" />
      <source>Contact phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="216" />
      <source>Contents</source>
      <translation>目录</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="73" />
      <source>Copied again.</source>
      <translation>已再次复制。</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="56" />
      <source>Copied to the clipboard: paste it into the WeChat group.</source>
      <translation>已复制到剪贴板，可直接粘贴到微信群。</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="60" />
      <source>Copy again</source>
      <translation>再次复制</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="163" />
      <source>Copy as picture</source>
      <translation>复制为图片</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="204" />
      <source>Copy notice</source>
      <translation>复制通知</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="51" />
      <source>Correction</source>
      <translation>更正</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="265" />
      <source>Could not undo or redo</source>
      <translation>无法撤销或重做</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="260" />
      <source>Could not write the package: %1</source>
      <translation>无法写入离线包：%1</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="438" />
      <source>Counted in units of work, not by the clock, so the same plan gives the same answer however busy the computer is. On a two-core computer one unit takes about two seconds.</source>
      <translation>按计算量计，而不按时钟计，因此无论电脑多忙，同一计划总得到同样的结果。在双核电脑上每单位约需两秒。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="88" />
      <source>Create these visits</source>
      <translation>生成这些走访</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="26" />
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="241" />
      <source>Creating the demo hospital…</source>
      <translation>正在生成演示医院…</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="51" />
      <source>Credit</source>
      <translation>记入</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="48" />
      <source>Custom rule: %1</source>
      <translation>自定义规则：%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="98" />
      <source>Daily</source>
      <translation>每天</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="264" />
      <source>Database</source>
      <translation>数据库</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="195" />
      <source>Database damaged</source>
      <translation>数据库已损坏</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="130" />
      <source>Databases (*.sqlite3 *.db)</source>
      <translation>数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="143" />
      <source>Databases (*.sqlite3 *.db);;All files (*)</source>
      <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="350" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="124" />
      <source>Date: %1</source>
      <translation>【日期】%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="27" />
      <source>Day shift: on duty in clinical hours</source>
      <translation>白班：门诊时间内在岗</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="196" />
      <source>Days to answer</source>
      <translation>响应天数</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="120" />
      <source>Dear colleagues, the arrangements are as follows:</source>
      <translation>各位老师好！现将本次活动安排通知如下：</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="46" />
      <source>Dec</source>
      <translation>12月</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="472" />
      <source>Decline request</source>
      <translation>拒绝点单</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="479" />
      <source>Decline request %1</source>
      <translation>拒绝点单 %1</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="62" />
      <source>Declined</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="373" />
      <source>Decline…</source>
      <translation>拒绝…</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="250" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="505" />
      <source>Delete %1</source>
      <translation>删除 %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="219" />
      <source>Delete %1 with all its occurrences, assignments and records? You can undo this with Ctrl+Z.</source>
      <translation>删除“%1”及其所有场次、排班和记录？可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="501" />
      <source>Delete %1? You can undo this with Ctrl+Z.</source>
      <translation>确定删除 %1？可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="218" />
      <source>Delete activity</source>
      <translation>删除活动</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="232" />
      <source>Delete activity %1</source>
      <translation>删除活动 %1</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="26" />
      <source>Deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="507" />
      <source>Deleted.</source>
      <translation>已删除。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="236" />
      <source>Demo hospital</source>
      <translation>演示医院</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="211" />
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="60" />
      <source>Department cover</source>
      <translation>科室在岗不足</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="141" />
      <source>Departments</source>
      <translation>科室</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/rotation_dialog.py" line="38" />
      <source>Departments taking turns</source>
      <translation>轮值科室</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="131" />
      <source>Details</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="29" />
      <source>Dietitian</source>
      <translation>营养师</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="252" />
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="253" />
      <source>District</source>
      <translation>所在区</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="50" />
      <source>Does not repeat</source>
      <translation>不重复</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="61" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/shown.py" line="70" />
      <source>Done · %1 served</source>
      <translation>已完成 · 服务 %1 人次</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="46" />
      <source>Double booking</source>
      <translation>人员时间冲突</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="116" />
      <source>Double-click an occurrence to open it in the calendar.</source>
      <translation>双击场次可在日历中打开。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="416" />
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="109" />
      <source>Dragon Boat Festival</source>
      <translation>端午节</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="304" />
      <source>Dry run, nothing written.</source>
      <translation>试运行，未写入任何内容。</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="320" />
      <source>Duration (minutes)</source>
      <translation>时长（分钟）</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="25" />
      <source>ECG</source>
      <translation>心电图</translation>
    </message>
    <message>
      <location filename="../../cli/check.py" line="20" />
      <source>ERROR</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="248" />
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="227" />
      <source>Edit %1</source>
      <translation>编辑%1</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="485" />
      <source>Edit %1 %2</source>
      <translation>编辑%1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="154" />
      <source>Edit %1 from %2 on</source>
      <translation>修改 %1（自 %2 起）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="168" />
      <source>Edit a repeating activity</source>
      <translation>修改重复活动</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="338" />
      <source>Edit activity</source>
      <translation>编辑活动</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="97" />
      <source>Edit activity %1</source>
      <translation>编辑活动 %1</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="75" />
      <source>Edit hospital</source>
      <translation>编辑医院信息</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="128" />
      <source>Edit series %1</source>
      <translation>修改系列 %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="197" />
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="41" />
      <source>Effect on cover</source>
      <translation>对科室在岗的影响</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="311" />
      <source>Empty hospital</source>
      <translation>空白医院</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="239" />
      <source>Ends</source>
      <translation>结束时间</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="60" />
      <source>Ends at</source>
      <translation>下班</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="68" />
      <source>Entered</source>
      <translation>录入时间</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="13" />
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="68" />
      <source>Entry</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="177" />
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="80" />
      <source>Errors and warnings</source>
      <translation>错误和警告</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="81" />
      <source>Errors only</source>
      <translation>仅错误</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="52" />
      <source>Every %1 days</source>
      <translation>每 %1 天</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="64" />
      <source>Every %1 months on %2</source>
      <translation>每 %1 个月的%2</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="58" />
      <source>Every %1 weeks on %2</source>
      <translation>每 %1 周的%2</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="52" />
      <source>Every day</source>
      <translation>每天</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="62" />
      <source>Every month on %1</source>
      <translation>每月%1</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="249" />
      <source>Every open place in the window can be filled.</source>
      <translation>该时段所有空缺岗位都能补齐。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="135" />
      <source>Every row, with its problems (rows with problems are not imported):</source>
      <translation>逐行预览及问题（有问题的行不会导入）：</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="56" />
      <source>Every week on %1</source>
      <translation>每周%1</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="397" />
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="340" />
      <source>Excluded dates</source>
      <translation>排除日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="358" />
      <source>Expected audience</source>
      <translation>预计受众人数</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="170" />
      <source>Expected by now</source>
      <translation>截至目前应完成</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="91" />
      <source>Export &amp;field package…</source>
      <translation>导出离线包(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="345" />
      <source>Export field package</source>
      <translation>导出离线包</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="200" />
      <source>Export plan file</source>
      <translation>导出计划文件</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="395" />
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="94" />
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="211" />
      <source>Exported to %1.</source>
      <translation>已导出到 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="36" />
      <source>Feb</source>
      <translation>2月</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="73" />
      <source>Few evenings in a row for one person</source>
      <translation>避免同一人连续多个晚上出勤</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="206" />
      <source>Fewest changed assignments</source>
      <translation>变动的安排最少</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="71" />
      <source>Fewest hours over a monthly cap (when the cap may be exceeded)</source>
      <translation>超出月度时长上限的小时数最少（允许超出上限时）</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="210" />
      <source>Fewest people at or above {level} h</source>
      <translation>达到或超过 {level} 小时的人数最少</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="209" />
      <source>Fewest people at that maximum</source>
      <translation>达到该最大值的人数最少</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="94" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="93" />
      <source>Field &amp;conflicts…</source>
      <translation>离线包冲突(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="166" />
      <source>Field conflict of %1 settled</source>
      <translation>已处理 %1 的现场冲突</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="87" />
      <source>Field conflicts</source>
      <translation>离线包冲突</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="272" />
      <source>Field mode: %1</source>
      <translation>现场模式：%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="348" />
      <source>Field package</source>
      <translation>离线包</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="338" />
      <source>Field packages (*.outreach-field)</source>
      <translation>离线包 (*.outreach-field)</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="185" />
      <source>Figure</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="60" />
      <source>Fill every open place</source>
      <translation>填满所有空缺岗位</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="204" />
      <source>Fill every place</source>
      <translation>填满所有岗位</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="133" />
      <source>Fill the open places of a window of the calendar with the solver</source>
      <translation>用求解器为日历中一段时间的空缺岗位排班</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="113" />
      <source>Fills the open places of every occurrence in the window and names a lead where there is none. Assignments already made are kept as they are.</source>
      <translation>为所选时间段内每个场次补齐空缺岗位，并为没有带队的场次指定带队人。已有的安排保持不变。</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="195" />
      <source>First held</source>
      <translation>首次举办</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="26" />
      <source>First-aid instructor</source>
      <translation>急救培训师</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="76" />
      <source>First-aid training</source>
      <translation>急救培训</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="153" />
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="266" />
      <source>Font</source>
      <translation>字体</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="213" />
      <source>Form platform's column (not an answer)</source>
      <translation>表单平台自带的列（不是回答）</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="214" />
      <source>Forward</source>
      <translation>前进</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="342" />
      <source>Found as</source>
      <translation>对应职工</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="29" />
      <source>Free</source>
      <translation>休息（空闲）</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="50" />
      <source>Free clinic</source>
      <translation>义诊</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="11" />
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="40" />
      <source>Friday</source>
      <translation>周五</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="295" />
      <source>From</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/official.py" line="52" />
      <source>From the State Council's notices (国务院办公厅通知), built into this version: years %1. The office's own entries take precedence on their days.</source>
      <translation>来自国务院办公厅关于节假日安排的通知，随本版本内置：%1 年。本办公室自己录入的日期优先。</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="153" />
      <source>Full name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="91" />
      <source>Gathering time</source>
      <translation>集合时间</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="130" />
      <source>Gathering: %1, %2 minutes before the start</source>
      <translation>【集合】%1（提前%2分钟）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/rotation_dialog.py" line="94" />
      <source>Generate from an ordered list…</source>
      <translation>按科室顺序生成…</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="63" />
      <source>Give a connection string beginning with postgresql://, e.g. </source>
      <translation>请填写以 postgresql:// 开头的连接字符串，例如 </translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="102" />
      <source>Greedy (quick, need by need)</source>
      <translation>贪心法（快速，逐个岗位）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/shown.py" line="88" />
      <source>Has errors: see the conflicts panel</source>
      <translation>有错误：见冲突面板</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/shown.py" line="90" />
      <source>Has warnings: see the conflicts panel</source>
      <translation>有警告：见冲突面板</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="124" />
      <source>Header row</source>
      <translation>表头所在行</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="51" />
      <source>Health lecture</source>
      <translation>健康讲座</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="78" />
      <source>Held</source>
      <translation>已举办</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="310" />
      <source>Help on this &amp;screen</source>
      <translation>本页帮助(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="72" />
      <source>Helpers from the organizing branch first, after its lead</source>
      <translation>带队之外，其余人员也优先安排牵头支部的</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="78" />
      <source>Herbal tea</source>
      <translation>品尝养生茶</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="307" />
      <source>History</source>
      <translation>变更历史</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="75" />
      <source>History: %1</source>
      <translation>变更历史：%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="203" />
      <source>History…</source>
      <translation>变更历史…</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="395" />
      <source>Hold %1 on %2 again</source>
      <translation>恢复举办 %2 的 %1</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="75" />
      <source>Hold it on holidays too</source>
      <translation>节假日照常举办</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="485" />
      <source>Hold this occurrence again</source>
      <translation>恢复举办本场次</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="498" />
      <source>Holidays and make-up workdays</source>
      <translation>节假日与调休</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="52" />
      <source>Home visit</source>
      <translation>上门巡诊</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="79" />
      <source>Home visits</source>
      <translation>入户巡诊</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/hospital_dialog.py" line="16" />
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="118" />
      <source>Hospital name</source>
      <translation>医院名称</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="211" />
      <source>Hours</source>
      <translation>时长（小时）</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="98" />
      <source>Hours cap</source>
      <translation>超出时长上限</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="215" />
      <source>Hours cap / month</source>
      <translation>每月时长上限</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="120" />
      <source>Hours needed</source>
      <translation>需要时长</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="122" />
      <source>Hours short</source>
      <translation>缺口时长</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="121" />
      <source>Hours the pool can give</source>
      <translation>可出时长</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="40" />
      <source>Hours this month</source>
      <translation>本月时长</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="82" />
      <source>How a cell of a department's duty roster is read. An empty cell is a free day. A shift with its own hours (Starts at, Ends at as HH:MM) ends the next day when it ends not after it starts (16:00 to 00:00 ends at midnight); Rest until: a rest after it, to that time of the day it ends. A roster's own legend is used for the codes it states, except where a code here says otherwise.</source>
      <translation>科室排班表中每个单元格的读法。空单元格为空闲。自定时段的班次（上班、下班，HH:MM）在下班时间不晚于上班时间时于次日结束（16:00 至 00:00 于午夜结束）；休息至：班次结束后休息到当日该时刻。排班表自带的班次说明用于其所列代码，但此处另有规定的代码以此处为准。</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="111" />
      <source>How many backups to keep:</source>
      <translation>保留的备份份数：</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="238" />
      <source>How the search went, rule by rule</source>
      <translation>逐条规则的求解情况</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="107" />
      <source>ID</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="63" />
      <source>ID: %1</source>
      <translation>编号：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="168" />
      <source>INTERVAL must be between 1 and %1</source>
      <translation>INTERVAL 必须在 1 到 %1 之间</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="161" />
      <source>Import %1</source>
      <translation>导入 %1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="435" />
      <source>Import %1 entries</source>
      <translation>导入 %1 条</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="437" />
      <source>Import %1 entries of %2 sheets</source>
      <translation>导入 %2 张工作表的 %1 条</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="374" />
      <source>Import %1 requests</source>
      <translation>导入 %1 条点单</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="385" />
      <source>Import %1 rows</source>
      <translation>导入 %1 行</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="327" />
      <source>Import %1 rows from %2</source>
      <translation>从 %2 导入 %1 行</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="107" />
      <source>Import a plan file…</source>
      <translation>导入计划文件…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="122" />
      <source>Import as</source>
      <translation>导入为</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="72" />
      <source>Import duty roster – %1</source>
      <translation>导入排班表 – %1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="92" />
      <source>Import field pac&amp;kage…</source>
      <translation>导入离线包(&amp;K)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="403" />
      <source>Import field package</source>
      <translation>导入离线包</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="83" />
      <source>Import from &amp;spreadsheet</source>
      <translation>从表格导入(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="255" />
      <source>Import from spreadsheet</source>
      <translation>从表格导入</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="64" />
      <source>Import from spreadsheet – %1</source>
      <translation>从表格导入 – %1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="155" />
      <source>Import plan file</source>
      <translation>导入计划文件</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="295" />
      <source>Import the duty roster of %1 for %2</source>
      <translation>导入%1 %2 排班表</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="297" />
      <source>Import the duty rosters of %1 (%2 sheets)</source>
      <translation>导入 %1 的排班表（%2 张工作表）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="173" />
      <source>Imported %1.</source>
      <translation>已导入 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="193" />
      <source>Importing %1…</source>
      <translation>正在导入 %1…</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="103" />
      <source>In the field</source>
      <translation>现场版本</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="102" />
      <source>In the office</source>
      <translation>办公室版本</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="197" />
      <source>In time</source>
      <translation>是否及时</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="131" />
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="35" />
      <source>Jan</source>
      <translation>1月</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="41" />
      <source>Jul</source>
      <translation>7月</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="40" />
      <source>Jun</source>
      <translation>6月</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="94" />
      <source>Keep the office's version</source>
      <translation>保留办公室版本</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="218" />
      <source>Key (staff number / code)</source>
      <translation>关键字（工号/编码）</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="162" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="31" />
      <source>Lab technician</source>
      <translation>检验技师</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="108" />
      <source>Labour Day</source>
      <translation>劳动节</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="121" />
      <source>Later</source>
      <translation>稍后</translation>
    </message>
    <message>
      <location filename="../../reports/ics.py" line="164" />
      <source>Lead</source>
      <translation>带队</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="155" />
      <source>Lead: %1</source>
      <translation>【带队】%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="207" />
      <source>Leave out %1 on %2</source>
      <translation>取消 %2 的 %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="201" />
      <source>Leave out this occurrence</source>
      <translation>取消本场次</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="30" />
      <source>Leave: away all day</source>
      <translation>请假：全天不在</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="77" />
      <source>Lecture listeners</source>
      <translation>讲座听众</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="115" />
      <source>Led by their own branch</source>
      <translation>本支部党员带队</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="259" />
      <source>Led by their own branch: {count} of {of}</source>
      <translation>由本支部党员带队：{count} / {of}</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="302" />
      <source>Ledger of %1</source>
      <translation>%1 的时长明细</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="251" />
      <source>Legend read: %1</source>
      <translation>读取的班次说明：%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="246" />
      <source>Legend: none in the sheet; the codes of Settings ▸ Shift codes are used.</source>
      <translation>班次说明：表中没有；使用 设置 ▸ 班次代码 中的代码。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="71" />
      <source>Length</source>
      <translation>时长</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="268" />
      <source>Libraries</source>
      <translation>程序库</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="259" />
      <source>Licence</source>
      <translation>许可证</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="272" />
      <source>Licence texts: %1</source>
      <translation>许可证全文：%1</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="176" />
      <source>Lower bound on the most hours one person must give in a month</source>
      <translation>一人一月最多须出时长的下限</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="43" />
      <source>MMMM yyyy</source>
      <translation>yyyy年M月</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="251" />
      <source>Make-up workday</source>
      <translation>调休上班日</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="17" />
      <source>Mall</source>
      <translation>商场</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="37" />
      <source>Mar</source>
      <translation>3月</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="49" />
      <source>Market stall</source>
      <translation>集市摆摊</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="71" />
      <source>Massage</source>
      <translation>推拿</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="23" />
      <source>Massage (tuina)</source>
      <translation>推拿</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="39" />
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="115" />
      <source>Means</source>
      <translation>含义</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="90" />
      <source>Median days to answer a request</source>
      <translation>点单响应天数（中位数）</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="145" />
      <source>Member</source>
      <translation>队员</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="87" />
      <source>Members</source>
      <translation>党员数</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="122" />
      <source>Method</source>
      <translation>方法</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="110" />
      <source>Mid-Autumn Festival</source>
      <translation>中秋节</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="130" />
      <source>Minimum on duty</source>
      <translation>最低在岗人数</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="11" />
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="36" />
      <source>Monday</source>
      <translation>周一</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="119" />
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="100" />
      <source>Monthly</source>
      <translation>每月</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="208" />
      <source>Most occurrences led by a party member of their own branch</source>
      <translation>由本支部党员带队的场次最多</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="219" />
      <source>Most outreach hours a month; empty: no cap.</source>
      <translation>每月外出服务的最多小时数；不设置表示不限。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="103" />
      <source>Move %1 on %2</source>
      <translation>改期 %1（%2）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="193" />
      <source>Move %1 to %2</source>
      <translation>将 %1 移到 %2</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="77" />
      <source>Move to the next working day</source>
      <translation>顺延到下一个工作日</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="80" />
      <source>Moved</source>
      <translation>已改期</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/shown.py" line="75" />
      <source>Moved from %1</source>
      <translation>由 %1 改期</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="127" />
      <source>Moved to %1</source>
      <translation>改期至 %1</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="24" />
      <source>Moxibustion</source>
      <translation>艾灸</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="112" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="115" />
      <source>Name in the file</source>
      <translation>文件中的名称</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="342" />
      <source>Name in the roster</source>
      <translation>排班表中的姓名</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="144" />
      <source>Named contact for the partners.</source>
      <translation>与结对单位对接的联络人。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="112" />
      <source>Names not found: choose what each one means</source>
      <translation>未找到的名称：请选择各自对应的记录</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="111" />
      <source>National Day</source>
      <translation>国庆节</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="125" />
      <source>Needed in clinical time</source>
      <translation>工作时间内需要</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="153" />
      <source>Needs</source>
      <translation>人员需求</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="236" />
      <source>Needs that cannot be filled (%1)</source>
      <translation>无法补齐的需求（%1）</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="368" />
      <source>Never broken: double bookings, leave, duty and rest, department cover, the needs of each station and the department on turn. Then the rules below, in this order: each is settled before the next is looked at, so a later rule never costs an earlier one.</source>
      <translation>绝不违反：重复安排、请假、值班与休息、科室在岗底线、各功能区的需求和轮值科室。然后按以下顺序考虑各条规则：前一条定下后才看下一条，因此后面的规则绝不会牺牲前面的规则。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="443" />
      <source>Never take anyone over their monthly hours cap</source>
      <translation>绝不让任何人超出其月度时长上限</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="58" />
      <source>New</source>
      <translation>新点单</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="227" />
      <source>New %1</source>
      <translation>新增%1</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="105" />
      <source>New Year's Day</source>
      <translation>元旦</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="338" />
      <source>New activity</source>
      <translation>新建活动</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="75" />
      <source>New activity %1</source>
      <translation>新建活动 %1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="128" />
      <source>New database</source>
      <translation>新建数据库</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="323" />
      <source>New or update</source>
      <translation>新增/更新</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="339" />
      <source>New record</source>
      <translation>新增</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="337" />
      <source>New request</source>
      <translation>新建点单</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="457" />
      <source>New request %1</source>
      <translation>新建点单 %1</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="272" />
      <source>New service request</source>
      <translation>新建点单</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="141" />
      <source>Next page</source>
      <translation>下一页</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="267" />
      <source>Next week</source>
      <translation>下周</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="28" />
      <source>Night shift: on duty overnight, resting the next day</source>
      <translation>夜班：夜间值班，次日休息</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="178" />
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="295" />
      <source>No activities.</source>
      <translation>无活动。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="103" />
      <source>No changes recorded for this yet.</source>
      <translation>尚无变更历史。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="116" />
      <source>No end</source>
      <translation>不结束</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="76" />
      <source>No hours recorded.</source>
      <translation>暂无记录的时长。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="84" />
      <source>No lead</source>
      <translation>无带队党员</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="273" />
      <source>No needs in this year.</source>
      <translation>本年没有需求。</translation>
    </message>
    <message>
      <location filename="../../ui/office/record_dialog.py" line="187" />
      <source>No one of that name: choose from the list.</source>
      <translation>没有此姓名的人员，请从列表中选择。</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="220" />
      <source>No party branch</source>
      <translation>非党员</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="369" />
      <source>No pool runs short in this year.</source>
      <translation>本年没有资质池不足。</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="197" />
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="436" />
      <source>Nobody assigned yet</source>
      <translation>尚未安排人员</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="263" />
      <source>None.</source>
      <translation>无。</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="82" />
      <source>Normal</source>
      <translation>普通</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="518" />
      <source>Normal requests</source>
      <translation>普通点单</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="413" />
      <source>Not imported: %1 rows and %2 cells (in red).</source>
      <translation>不导入：%1 行、%2 个单元格（红色标出）。</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="129" />
      <source>Not recorded</source>
      <translation>未登记</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/occurrence_html.py" line="74" />
      <source>Not recorded yet: record what was done.</source>
      <translation>尚未记录：请记录完成情况。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="197" />
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="209" />
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="152" />
      <source>Nothing left to choose.</source>
      <translation>没有待选择的冲突了。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="337" />
      <source>Nothing was printed: the printer could not be opened.</source>
      <translation>未打印：无法打开打印机。</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="54" />
      <source>Notice</source>
      <translation>活动通知</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="81" />
      <source>Notice settings</source>
      <translation>通知设置</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="45" />
      <source>Nov</source>
      <translation>11月</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="233" />
      <source>Number on the national volunteer service platform (志愿者编号).</source>
      <translation>全国志愿服务信息系统中的志愿者编号。</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="20" />
      <source>Nurse</source>
      <translation>护士</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="347" />
      <source>Occurrence</source>
      <translation>场次</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="307" />
      <source>Occurrence / station</source>
      <translation>场次 / 摊位</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="194" />
      <source>Occurrence roster</source>
      <translation>场次排班表</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="510" />
      <source>Occurrence roster…</source>
      <translation>场次排班表…</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="251" />
      <source>Occurrences</source>
      <translation>场次</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="110" />
      <source>Occurrences held</source>
      <translation>举办场次</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="71" />
      <source>Occurrences led by a party member of their organizing branch, of that branch's occurrences planned or held in the period</source>
      <translation>由牵头支部自己的党员带队的场次 / 该支部在此期间已计划或已举行的场次</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="115" />
      <source>Occurrences planned or held</source>
      <translation>已计划或已举行的场次</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="44" />
      <source>Oct</source>
      <translation>10月</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="123" />
      <source>Of which planned</source>
      <translation>其中已排场次</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/official.py" line="50" />
      <source>Official calendar (read-only)</source>
      <translation>国家法定节假日（只读）</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="339" />
      <source>On a holiday</source>
      <translation>节假日安排</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="117" />
      <source>On duty at its own hours</source>
      <translation>按自定时段在岗</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="387" />
      <source>On statutory holidays:</source>
      <translation>遇法定节假日：</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="170" />
      <source>On track</source>
      <translation>进度正常</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="102" />
      <source>Only party members have a party branch.</source>
      <translation>只有党员才有所属党支部。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="162" />
      <source>Only suitable people</source>
      <translation>只看合适人选</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="141" />
      <source>Open database</source>
      <translation>打开数据库</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="336" />
      <source>Open field package</source>
      <translation>打开离线包</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="89" />
      <source>Open field package (on the laptop)…</source>
      <translation>打开离线包（现场笔记本使用）…</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="242" />
      <source>Organisation</source>
      <translation>组织架构</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="116" />
      <source>Organizer</source>
      <translation>牵头支部</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="54" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../../reports/ics.py" line="101" />
      <source>Outreach</source>
      <translation>社区健康服务</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="269" />
      <source>Outreach scheduler</source>
      <translation>外联排班</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="138" />
      <source>Overview</source>
      <translation>概览</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="141" />
      <source>Own-branch leads</source>
      <translation>本支部带队</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="271" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="309" />
      <source>PNG pictures (*.png)</source>
      <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="138" />
      <source>Page</source>
      <translation>页码</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="148" />
      <source>Paired branches</source>
      <translation>结对支部</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="422" />
      <source>Paired partners</source>
      <translation>结对单位</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="173" />
      <source>Pairing</source>
      <translation>结对共建</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="112" />
      <source>Pairing behind plan</source>
      <translation>结对进度滞后</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="46" />
      <source>Pairing visit</source>
      <translation>结对走访</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="169" />
      <source>Pairings</source>
      <translation>结对共建</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="23" />
      <source>Pairings (id, branch – partner)</source>
      <translation>结对（编号、支部 – 共建单位）</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="87" />
      <source>Pairings behind</source>
      <translation>进度滞后的结对</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="86" />
      <source>Pairings on track</source>
      <translation>进度正常的结对</translation>
    </message>
    <message>
      <location filename="../../reports/ics.py" line="168" />
      <source>Partner</source>
      <translation>结对单位</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="147" />
      <source>Partner contact: %1</source>
      <translation>【对接】%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="43" />
      <source>Partners</source>
      <translation>结对单位</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="21" />
      <source>Partners (id, name, district)</source>
      <translation>共建单位（编号、名称、所在区）</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="219" />
      <source>Party branch</source>
      <translation>党支部</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="84" />
      <source>Party branches</source>
      <translation>党支部</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="22" />
      <source>Party branches (id, name)</source>
      <translation>党支部（编号、名称）</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="187" />
      <source>Party member</source>
      <translation>党员</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="55" />
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="81" />
      <source>Past, not recorded</source>
      <translation>已过未登记</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="124" />
      <source>People</source>
      <translation>人员</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="129" />
      <source>People free then</source>
      <translation>届时有空人数</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="164" />
      <source>People needed</source>
      <translation>需增人数</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="83" />
      <source>People served</source>
      <translation>服务人数</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="61" />
      <source>People served per service</source>
      <translation>各项服务人次</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="135" />
      <source>People who must stay in the hospital during clinical hours.</source>
      <translation>临床工作时间内必须留在医院的人数。</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="85" />
      <source>People who went</source>
      <translation>出勤人员</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="307" />
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="197" />
      <source>Personal duty list</source>
      <translation>个人任务单</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="27" />
      <source>Pharmacist</source>
      <translation>药师</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="153" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="19" />
      <source>Physician</source>
      <translation>医师</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="128" />
      <source>Places at once</source>
      <translation>同时岗位数</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="87" />
      <source>Places filled late</source>
      <translation>临时补位</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/review.py" line="481" />
      <source>Places filled late (—): cannot be told, the history of assignments in this database begins on %1 (kept from the day the plan was made or imported here).</source>
      <translation>临时补位（—）：无法判断，本数据库的排班修改记录从 %1 才开始（自计划在此创建或导入之日起记录）。</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/review.py" line="472" />
      <source>Places filled late (—): this database holds no history of assignments to tell them by.</source>
      <translation>临时补位（—）：本数据库没有排班的修改记录，无法判断。</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="86" />
      <source>Places left open</source>
      <translation>空缺岗位</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="127" />
      <source>Places short at once</source>
      <translation>同时缺岗</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/problems_dialog.py" line="15" />
      <source>Plan file not imported</source>
      <translation>计划文件未导入</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="202" />
      <source>Plan files (*.json)</source>
      <translation>计划文件 (*.json)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="68" />
      <source>Planned</source>
      <translation>计划中</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="20" />
      <source>Planner</source>
      <translation>计划员</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="240" />
      <source>Planning</source>
      <translation>计划安排</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="160" />
      <source>Please arrange cover in your department and be on time. Reply to confirm, thank you!</source>
      <translation>请各位老师提前安排好科室工作，准时到达。收到请回复，谢谢！</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="158" />
      <source>Please bring: %1</source>
      <translation>【请携带】%1</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="47" />
      <source>Point-order service</source>
      <translation>点单服务</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="118" />
      <source>Pool</source>
      <translation>资质池</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="178" />
      <source>Pool and month of the bound</source>
      <translation>下限所在资质池与月份</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="183" />
      <source>Pool-months short</source>
      <translation>不足的资质池·月份</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="150" />
      <source>Pools by month</source>
      <translation>各月资质池</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="258" />
      <source>Population</source>
      <translation>人口</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="216" />
      <source>Position (职务)</source>
      <translation>职务</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="211" />
      <source>Preference: {rule}</source>
      <translation>偏好：{rule}</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="91" />
      <source>Preferred</source>
      <translation>期望时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="207" />
      <source>Preferred date</source>
      <translation>期望日期</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="304" />
      <source>Preferred start</source>
      <translation>期望开始时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="208" />
      <source>Preferred time</source>
      <translation>期望时间</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="227" />
      <source>Preferred: %1</source>
      <translation>期望时间：%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="134" />
      <source>Previous page</source>
      <translation>上一页</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="52" />
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="135" />
      <source>Print duty list…</source>
      <translation>打印个人任务单…</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="201" />
      <source>Print ledger…</source>
      <translation>打印明细…</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="140" />
      <source>Print month plan…</source>
      <translation>打印月度计划…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="102" />
      <source>Print preview – %1</source>
      <translation>打印预览 – %1</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="127" />
      <source>Print preview…</source>
      <translation>打印预览…</translation>
    </message>
    <message>
      <location filename="../../reports/document.py" line="514" />
      <source>Printed %1</source>
      <translation>打印时间 %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="130" />
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="357" />
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="323" />
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="74" />
      <source>Propose</source>
      <translation>生成建议</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="30" />
      <source>Psychologist</source>
      <translation>心理咨询师</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="107" />
      <source>Qingming Festival</source>
      <translation>清明节</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="152" />
      <source>Qualification</source>
      <translation>资质</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="201" />
      <source>Qualifications</source>
      <translation>资质</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="38" />
      <source>Qualified for</source>
      <translation>可满足的需求</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="15" />
      <source>Railway station</source>
      <translation>车站</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="184" />
      <source>Re-plan: %1 added, %2 removed</source>
      <translation>重新安排：新增 %1 条，移除 %2 条</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="261" />
      <source>Re-plan: adds %1 and removes %2 assignments; %3 of %4 places filled, %5 leads named; %6 places stay open.</source>
      <translation>重新安排：新增 %1 条、移除 %2 条安排；%4 个岗位中填满 %3 个，指定带队 %5 名；仍有 %6 个岗位空缺。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="104" />
      <source>Re-plan: may also move assignments the solver made earlier, when they have become wrong (leave, duty, a changed need) or when moving them fills a place; as few changes as possible. Assignments made by hand are never touched.</source>
      <translation>重新安排：也可调整此前由自动排班做出的安排——当它们已不再成立（请假、值班、需求变化）或调整后能填满空缺时；变动尽可能少。手工做出的安排绝不改动。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="62" />
      <source>Re-planning only: as few changed assignments as possible</source>
      <translation>仅在重新安排时：变动的安排尽可能少</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="317" />
      <source>Read as %1 – %2, %3 day(s) in %4 block(s): %5</source>
      <translation>读作 %1 – %2，共 %3 天，%4 个表块：%5</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="240" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="194" />
      <source>Received</source>
      <translation>接收时间</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="61" />
      <source>Record</source>
      <translation>服务记录</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="375" />
      <source>Record %1 on %2</source>
      <translation>记录 %2 的%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="190" />
      <source>Record what was done…</source>
      <translation>记录完成情况…</translation>
    </message>
    <message>
      <location filename="../../ui/office/record_dialog.py" line="50" />
      <source>Record: %1 %2</source>
      <translation>记录：%1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="70" />
      <source>Recorded</source>
      <translation>记录人/时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="370" />
      <source>Recorded at</source>
      <translation>记录时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="371" />
      <source>Recorded by</source>
      <translation>记录人</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="20" />
      <source>Recorder</source>
      <translation>记录员</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="28" />
      <source>Rehabilitation therapist</source>
      <translation>康复治疗师</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="72" />
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="289" />
      <source>Remove %1 from %2</source>
      <translation>将 %1 移出 %2</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="284" />
      <source>Remove a person</source>
      <translation>移除人员</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="195" />
      <source>Remove a person…</source>
      <translation>移除人员…</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="158" />
      <source>Remove need</source>
      <translation>删除需求</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="77" />
      <source>Remove selected rows</source>
      <translation>删除所选行</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="244" />
      <source>Remove station</source>
      <translation>删除摊位</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="335" />
      <source>Repeat</source>
      <translation>重复</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="433" />
      <source>Replace the database with the backup of %1? The current file is kept aside, renamed.</source>
      <translation>用 %1 的备份替换当前数据库？当前文件会改名另行保留。</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="75" />
      <source>Report reading</source>
      <translation>报告解读</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="190" />
      <source>Request</source>
      <translation>点单</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="122" />
      <source>Request overdue</source>
      <translation>点单超时</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="123" />
      <source>Request {request} of {partner} ({service}) is overdue: it was due by {deadline}.</source>
      <translation>{partner}的点单 {request}（{service}）已超时：应于 {deadline} 前排期。</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="188" />
      <source>Requests</source>
      <translation>点单</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="24" />
      <source>Requests (id, partner: service, received)</source>
      <translation>点单（编号、共建单位：服务、收到日期）</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="94" />
      <source>Requests answered (median days)</source>
      <translation>已响应点单（中位天数）</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="95" />
      <source>Requests declined</source>
      <translation>已谢绝点单</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="257" />
      <source>Requests falling due</source>
      <translation>到期点单</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="96" />
      <source>Requests overdue</source>
      <translation>逾期点单</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="93" />
      <source>Requests received</source>
      <translation>收到点单数</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="219" />
      <source>Residents served</source>
      <translation>服务群众登记</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="90" />
      <source>Respond within</source>
      <translation>响应倒计时</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="429" />
      <source>Respond within: urgent %1 h, normal %2 days</source>
      <translation>响应时限：加急 %1 小时，普通 %2 天</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="507" />
      <source>Response times</source>
      <translation>响应时限</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="60" />
      <source>Rest until</source>
      <translation>休息至</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/backups.py" line="34" />
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="96" />
      <source>Restore from &amp;backup…</source>
      <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/backups.py" line="15" />
      <source>Restore from backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="74" />
      <source>Restore the defaults</source>
      <translation>恢复默认</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="253" />
      <source>Restored; the replaced file is kept as %1.</source>
      <translation>已恢复；被替换的文件保留为 %1。</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="153" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="342" />
      <source>Rotation</source>
      <translation>轮值</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="243" />
      <source>Rotation of %1</source>
      <translation>%1 的轮值安排</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="199" />
      <source>Rotation…</source>
      <translation>轮值…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="342" />
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="330" />
      <source>Row %1</source>
      <translation>第 %1 行</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="335" />
      <source>Row %1, column %2 (%3)</source>
      <translation>第 %1 行，%2 列（%3）</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="277" />
      <source>Rows skipped, not people: %1</source>
      <translation>跳过的非人员行：%1</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="124" />
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="11" />
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="41" />
      <source>Saturday</source>
      <translation>周六</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="393" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="271" />
      <source>Save as PDF</source>
      <translation>另存为 PDF</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="160" />
      <source>Save as PDF…</source>
      <translation>另存为 PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="309" />
      <source>Save as picture</source>
      <translation>另存为图片</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="165" />
      <source>Save as picture…</source>
      <translation>另存为图片…</translation>
    </message>
    <message>
      <location filename="../../ui/office/record_dialog.py" line="69" />
      <source>Save record</source>
      <translation>保存记录</translation>
    </message>
    <message>
      <location filename="../../ui/window/mainwindow.py" line="262" />
      <source>Saved into the package %1.</source>
      <translation>已保存到离线包 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/table.py" line="473" />
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="256" />
      <source>Schedule</source>
      <translation>排期</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="214" />
      <source>Schedule request</source>
      <translation>点单排期</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="499" />
      <source>Schedule request %1</source>
      <translation>点单排期 %1</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="60" />
      <source>Scheduled</source>
      <translation>已排期</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="501" />
      <source>Scheduled on %1.</source>
      <translation>已排期于 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="374" />
      <source>Schedule…</source>
      <translation>排期…</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="14" />
      <source>School</source>
      <translation>学校</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="447" />
      <source>Search budget</source>
      <translation>求解预算</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="161" />
      <source>Search…</source>
      <translation>搜索…</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="142" />
      <source>Secretary</source>
      <translation>支部书记</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="43" />
      <source>Sep</source>
      <translation>9月</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="54" />
      <source>Server (connection string)</source>
      <translation>服务器（连接字符串）</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="214" />
      <source>Service</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="87" />
      <source>Service &amp;requests (form export)…</source>
      <translation>服务点单（问卷导出）(&amp;R)…</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="202" />
      <source>Service catalogue</source>
      <translation>服务项目库</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="337" />
      <source>Service request</source>
      <translation>点单</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="44" />
      <source>Service requests</source>
      <translation>点单受理</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="372" />
      <source>Services</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="232" />
      <source>Services given</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="269" />
      <source>Services: column %1; several in one cell (joined by ┋ ; , 、) are a request each.</source>
      <translation>服务项目：取自“%1”列；一格中有多项（以 ┋ ; , 、 分隔）时各为一条点单。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="262" />
      <source>Services: one 0/1 column per choice (%1); each service chosen is a request of its own.</source>
      <translation>服务项目：每个选项一列 0/1（%1）；选中的每项服务各为一条点单。</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="102" />
      <source>Severity</source>
      <translation>级别</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="136" />
      <source>Share</source>
      <translation>占比</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="267" />
      <source>Share of residents aged 60 or over.</source>
      <translation>60岁及以上居民所占比例。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="139" />
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="191" />
      <source>Sheets found: %1</source>
      <translation>找到的工作表：%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="56" />
      <source>Shift codes</source>
      <translation>班次代码</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="163" />
      <source>Short and fixes</source>
      <translation>缺口与对策</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="88" />
      <source>Show acknowledged</source>
      <translation>显示已确认</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="197" />
      <source>Sign in</source>
      <translation>签到</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="197" />
      <source>Sign out</source>
      <translation>签退</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="195" />
      <source>Sign-in sheet</source>
      <translation>签到表</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="518" />
      <source>Sign-in sheet…</source>
      <translation>签到表…</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="76" />
      <source>Skip statutory holidays</source>
      <translation>跳过法定节假日</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="207" />
      <source>Smallest maximum of hours per person</source>
      <translation>每人时长的最大值最小</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="101" />
      <source>Solver (best answer within the time limit)</source>
      <translation>求解器（在时限内求最优）</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="340" />
      <source>Something went wrong</source>
      <translation>出错了</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="257" />
      <source>Spreadsheets (*.xlsx *.csv)</source>
      <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="106" />
      <source>Spring Festival</source>
      <translation>春节</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="202" />
      <source>Staff</source>
      <translation>职工</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="20" />
      <source>Staff (id, name, department · title)</source>
      <translation>人员（编号、姓名、科室 · 职称）</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="237" />
      <source>Staff member</source>
      <translation>职工</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="152" />
      <source>Staff number</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="150" />
      <source>Staff number, unique in the hospital.</source>
      <translation>工号，全院唯一。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="53" />
      <source>Staff unavailable</source>
      <translation>人员不可用</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="238" />
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="106" />
      <source>Start an empty hospital</source>
      <translation>从空白医院开始</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="105" />
      <source>Start with the demo hospital (made-up people, to look around)</source>
      <translation>使用演示医院（虚构人员，便于熟悉功能）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="70" />
      <source>Starting at</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="333" />
      <source>Starts</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="60" />
      <source>Starts at</source>
      <translation>上班</translation>
    </message>
    <message>
      <location filename="../../reports/ics.py" line="160" />
      <source>Station</source>
      <translation>摊位</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="296" />
      <source>Station %1</source>
      <translation>摊位 %1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="252" />
      <source>Station name</source>
      <translation>摊位名称</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="341" />
      <source>Stations</source>
      <translation>摊位</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="391" />
      <source>Stations and needs</source>
      <translation>摊位与人员需求</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="157" />
      <source>Stations and people</source>
      <translation>摊位与人员</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="156" />
      <source>Stations and people:</source>
      <translation>【人员安排】</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="245" />
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="193" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="249" />
      <source>Statutory holiday</source>
      <translation>法定节假日</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="347" />
      <source>Still open</source>
      <translation>仍空缺</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="82" />
      <source>Still to come</source>
      <translation>尚未举行</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="11" />
      <source>Subdistrict</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="212" />
      <source>Submission number (form platform)</source>
      <translation>答卷编号（表单平台）</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="185" />
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="11" />
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="42" />
      <source>Sunday</source>
      <translation>周日</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="69" />
      <source>TCM constitution</source>
      <translation>中医体质辨识</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="48" />
      <source>TCM night market</source>
      <translation>中医夜市</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="21" />
      <source>TCM physician</source>
      <translation>中医师</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="96" />
      <source>Take the field's version</source>
      <translation>采用现场版本</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="170" />
      <source>Target a year</source>
      <translation>年度目标</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/columns.py" line="214" />
      <source>Text written beside 其他 (a note)</source>
      <translation>“其他”旁填写的文字（作为备注）</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="278" />
      <source>The ID of a saved record does not change.</source>
      <translation>已保存记录的编号不能修改。</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="288" />
      <source>The WeChat group (微信群) the office posts notices in for this partner.</source>
      <translation>办公室为该结对单位发布通知所用的微信群。</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="341" />
      <source>The action could not be completed: %1
Details were written to %2.</source>
      <translation>操作未能完成：%1
详细信息已写入 %2。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="435" />
      <source>The activity must end after it starts.</source>
      <translation>活动结束时间须晚于开始时间。</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="277" />
      <source>The busiest person carries {hours} h</source>
      <translation>负担最重的人承担 {hours} 小时</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="197" />
      <source>The change was not saved: %1</source>
      <translation>修改未保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="153" />
      <source>The conflicts could not be checked: %1</source>
      <translation>无法检查冲突：%1</translation>
    </message>
    <message>
      <location filename="../../ui/edits.py" line="72" />
      <source>The database %1 cannot be changed: its disk or folder is read-only. Copy it to a folder you can write to and open the copy.</source>
      <translation>数据库 %1 无法修改：它所在的磁盘或文件夹是只读的。请把它复制到可以写入的文件夹，再打开副本。</translation>
    </message>
    <message>
      <location filename="../../ui/edits.py" line="63" />
      <source>The database %1 is on a network drive (%2). It is not opened for changes there: SQLite's locking does not work between computers and the file can be damaged. Keep the database on the disk of the one computer that owns it (copy it there and open the copy); sharing a plan between computers is the office server's job, not a shared folder's.</source>
      <translation>数据库 %1 位于网络驱动器（%2）上，不能在那里修改：SQLite 的文件锁在多台计算机之间不起作用，文件可能因此损坏。请把数据库放在拥有它的那一台计算机的本地磁盘上（复制过去，再打开副本）；多台计算机之间共享计划是办公室服务器的工作，而不是共享文件夹的。</translation>
    </message>
    <message>
      <location filename="../../ui/session.py" line="222" />
      <source>The database was changed elsewhere; what you see is up to date.</source>
      <translation>数据库已在别处被修改；当前显示的内容已更新。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/rotation_dialog.py" line="107" />
      <source>The department on turn fills the needs of its station; the others stay home that week.</source>
      <translation>轮值科室负责该摊位的人员需求；其他科室当周不必出摊。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="68" />
      <source>The fewest people at that maximum, then at each level below it, as the budget allows</source>
      <translation>达到该最大值的人数最少，然后在预算允许的范围内逐级降低各档人数</translation>
    </message>
    <message>
      <location filename="../../ui/edits.py" line="61" />
      <source>The file has %1 problem(s); nothing was imported.</source>
      <translation>文件中有 %1 个问题，未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="151" />
      <source>The goals, most important first (each one kept while the next was sought):</source>
      <translation>各项目标，按重要程度排列（求下一项时保持前面各项不变）：</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="299" />
      <source>The greedy method has no stages.</source>
      <translation>贪心法没有分阶段求解。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="65" />
      <source>The minimum on duty is more than the department's active staff.</source>
      <translation>最低在岗人数超过了该科室的在岗职工数。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="64" />
      <source>The most occurrences led by a party member of their own organizing branch (the lead's own branch, not only a department of it)</source>
      <translation>由牵头支部自己的党员带队的场次尽量多（看带队人本人所属的支部，同一科室的其他支部不算）</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="93" />
      <source>The notice adds what the stations' qualifications call for.</source>
      <translation>通知还会按各摊位所需资质列出应带物品。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="205" />
      <source>The notice for a WeChat group, put on the clipboard</source>
      <translation>复制发到微信群的活动通知</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="216" />
      <source>The office's own days (editable)</source>
      <translation>本办公室的录入（可编辑）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/official.py" line="125" />
      <source>The office's own entry for this day applies.</source>
      <translation>这一天以本办公室自己的录入为准。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="425" />
      <source>The official holiday calendar built into this version covers %1; %2 is not in it, so the holidays and make-up workdays of %2 are not known yet. Enter them from the State Council's notice under Organisation → Holidays and make-up workdays, or import them in a plan file.</source>
      <translation>本版本内置的国家法定节假日覆盖 %1 年，不含 %2 年，因此 %2 年的节假日和调休上班日尚不清楚。请按国务院办公厅通知在“组织架构 → 节假日与调休”中录入，或通过计划文件导入。</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="175" />
      <source>The package cannot be opened: %1</source>
      <translation>无法打开离线包：%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="390" />
      <source>The package was refused; nothing changed.</source>
      <translation>离线包被拒绝，未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/entities.py" line="169" />
      <source>The pairing cannot end before it starts.</source>
      <translation>结对结束日期不能早于开始日期。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="113" />
      <source>The pairing of {branch} with {partner} is behind plan: {held} held, {expected} expected by now (target {target} a year).</source>
      <translation>{branch}与{partner}的结对进度滞后：已开展 {held} 次，按进度应为 {expected} 次（年度目标 {target} 次）。</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/review.py" line="462" />
      <source>The plan holds no activities yet.</source>
      <translation>计划中还没有活动。</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="45" />
      <source>The plan is shared by the office's computers on a PostgreSQL server. Your login's role (planner, recorder or viewer) decides what you may change; the server enforces it. Backups are the server's (pg_dump); File ▸ Export plan file still works.</source>
      <translation>计划存放在 PostgreSQL 服务器上，由办公室的各台电脑共用。您的登录名的角色（计划员、记录员或查看者）决定您可以更改什么，由服务器强制执行。备份由服务器负责（pg_dump）；“文件 ▸ 导出计划文件”照常可用。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="193" />
      <source>The plan was changed while the solver worked, so nothing was saved. Run auto-assign again.</source>
      <translation>自动排班运行期间计划已被修改，因此未保存任何内容。请重新运行自动排班。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="440" />
      <source>The repeat rule gives no dates: %1</source>
      <translation>重复规则得不到任何日期：%1</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="377" />
      <source>The review is on the clipboard as a picture.</source>
      <translation>复盘已作为图片复制到剪贴板。</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="63" />
      <source>The smallest maximum of hours per person in the window (hours already assigned counted)</source>
      <translation>时段内每人时长的最大值最小（计入已安排的时长）</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="266" />
      <source>The week ahead (%1 – %2)</source>
      <translation>下周预览（%1 – %2）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="122" />
      <source>The week as one line per occurrence, in order of time: every occurrence of a crowded week shows</source>
      <translation>一周按时间列出，每个场次一行：忙碌的一周也能看到所有场次</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="119" />
      <source>The week before</source>
      <translation>上一周</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="204" />
      <source>The week beside the week before</source>
      <translation>本周与上周对比</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="282" />
      <source>The week's occurrences (%1)</source>
      <translation>本周场次（%1）</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="303" />
      <source>The yearly visit target.</source>
      <translation>每年计划走访次数。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/backups.py" line="28" />
      <source>There is no backup of this database yet.</source>
      <translation>此数据库还没有备份。</translation>
    </message>
    <message>
      <location filename="../../ui/office/field_dialogs.py" line="114" />
      <source>These records were changed both here and in the field since the package was made.</source>
      <translation>以下记录在离线包导出后，在办公室和现场都被修改过。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="169" />
      <source>This activity repeats. Which occurrences should change?</source>
      <translation>这是重复活动。要修改哪些场次？</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="171" />
      <source>This and following</source>
      <translation>本场及以后</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="123" />
      <source>This database is empty. How would you like to begin?</source>
      <translation>这个数据库是空的。您想如何开始？</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="112" />
      <source>This is to certify that %1 of %2 took part in %3 community health outreach occurrences in %4, with %5 hours of volunteer service in all.</source>
      <translation>兹证明 %2 %1 同志于 %4 年参加社区健康服务活动 %3 场次，累计志愿服务时长 %5 小时。</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="401" />
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="170" />
      <source>This occurrence</source>
      <translation>仅本场次</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="349" />
      <source>This occurrence is not in the field package, which covers %1 to %2.</source>
      <translation>此场次不在离线包范围内（离线包涵盖 %1 至 %2）。</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/file_actions.py" line="398" />
      <source>This package was imported before; nothing changed.</source>
      <translation>此离线包之前已导入过，未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="146" />
      <source>This page of the manual cannot be read: %1</source>
      <translation>无法读取手册的这一页：%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="296" />
      <source>This sheet cannot be read as a duty roster: %1</source>
      <translation>无法按排班表读取此工作表：%1</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="196" />
      <source>This week (%1)</source>
      <translation>本周（%1）</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/review.py" line="447" />
      <source>This week has not come yet (today is %1): its occurrences are still to come, none held or missing.</source>
      <translation>本周尚未到来（今天是 %1）：各场次都还未举办，不算已举办，也不算未登记。</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/review.py" line="456" />
      <source>This week is not over (today is %1): what is still to come is not counted yet.</source>
      <translation>本周尚未结束（今天是 %1）：还未到来的场次暂不计入。</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/review.py" line="465" />
      <source>This week lies before the plan: its first occurrence is on %1.</source>
      <translation>本周在计划开始之前：第一场活动在 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="11" />
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="39" />
      <source>Thursday</source>
      <translation>周四</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/rotation_dialog.py" line="53" />
      <source>Tick the departments that take turns; drag them into order.</source>
      <translation>勾选参与轮值的科室，拖动调整顺序。</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="284" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="97" />
      <source>Time bank hours credited</source>
      <translation>时间银行记入时长</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="119" />
      <source>Time zone</source>
      <translation>时区</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="125" />
      <source>Time: %1</source>
      <translation>【时间】%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="117" />
      <source>Times</source>
      <translation>次数</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="153" />
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="121" />
      <source>To</source>
      <translation>至</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="133" />
      <source>To: %1</source>
      <translation>发至：%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="98" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="486" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="53" />
      <source>Training</source>
      <translation>培训</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="11" />
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="37" />
      <source>Tuesday</source>
      <translation>周二</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="139" />
      <source>UNFILLED %1</source>
      <translation>未补齐 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="67" />
      <source>UNTIL must be a local time, without Z (the plan's times are local)</source>
      <translation>UNTIL 必须是本地时间，不带 Z（计划中的时间均为本地时间）</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="32" />
      <source>Ultrasound</source>
      <translation>超声</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="70" />
      <source>Understaffed</source>
      <translation>人员不足</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="331" />
      <source>Unexpected error: %1</source>
      <translation>意外错误：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="77" />
      <source>Unqualified</source>
      <translation>资质不符</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="296" />
      <source>Until</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="416" />
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="339" />
      <source>Update</source>
      <translation>更新</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="82" />
      <source>Urgent</source>
      <translation>加急</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="517" />
      <source>Urgent requests</source>
      <translation>加急点单</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="205" />
      <source>User manual</source>
      <translation>用户手册</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="119" />
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="185" />
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="115" />
      <source>Venue</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="91" />
      <source>Venue double-booked</source>
      <translation>场地冲突</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="143" />
      <source>Venue: %1</source>
      <translation>【地点】%1</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="270" />
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="112" />
      <source>Victory Day (70th anniversary)</source>
      <translation>抗战胜利70周年纪念日</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="20" />
      <source>Viewer</source>
      <translation>查看者</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="12" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="69" />
      <source>Visit on</source>
      <translation>走访日</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="401" />
      <source>Visits a year</source>
      <translation>年度走访目标</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="173" />
      <source>Visits not yet planned</source>
      <translation>尚未排期的走访</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="84" />
      <source>Volunteer hours</source>
      <translation>志愿服务时长</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="58" />
      <source>Volunteer hours ledger</source>
      <translation>志愿服务时长明细</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="220" />
      <source>Volunteer number</source>
      <translation>志愿者编号</translation>
    </message>
    <message>
      <location filename="../../reports/timebank.py" line="85" />
      <source>Volunteer number: %1</source>
      <translation>志愿者编号：%1</translation>
    </message>
    <message>
      <location filename="../../ui/window/pages.py" line="230" />
      <source>Volunteer time bank</source>
      <translation>志愿服务时间银行</translation>
    </message>
    <message>
      <location filename="../../cli/check.py" line="20" />
      <source>WARNING</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="363" />
      <source>Waiting for an answer</source>
      <translation>待处理</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="177" />
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="82" />
      <source>Warnings only</source>
      <translation>仅警告</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="286" />
      <source>WeChat group</source>
      <translation>微信群</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/periods.py" line="11" />
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="38" />
      <source>Wednesday</source>
      <translation>周三</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="111" />
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="197" />
      <source>Week before (%1)</source>
      <translation>上周（%1）</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="378" />
      <source>Week in review</source>
      <translation>周复盘</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="134" />
      <source>Week of</source>
      <translation>周次</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/official.py" line="69" />
      <source>Weekday</source>
      <translation>星期</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="49" />
      <source>Weekends (staff's rest time)</source>
      <translation>周末（职工休息时间）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="99" />
      <source>Weekly</source>
      <translation>每周</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="196" />
      <source>Weekly roster</source>
      <translation>周排班表</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/page.py" line="526" />
      <source>Weekly roster…</source>
      <translation>周排班表…</translation>
    </message>
    <message>
      <location filename="../../ui/window/app.py" line="103" />
      <source>Welcome</source>
      <translation>欢迎</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="102" />
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="301" />
      <source>What became of it</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="164" />
      <source>What would close it</source>
      <translation>解决办法</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="130" />
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/sheet_import.py" line="127" />
      <source>Which column is which field</source>
      <translation>各列对应的字段</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="78" />
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <location filename="../../ui/office/record_dialog.py" line="144" />
      <source>Who attended (hours go to the volunteer time bank)</source>
      <translation>到场人员（时长计入志愿服务时间银行）</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="315" />
      <source>Who must go: each line is met by that many people.</source>
      <translation>需要谁去：每一行需要相应人数的人员满足。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="284" />
      <source>Who no longer goes?</source>
      <translation>谁不再参加？</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="227" />
      <source>Who went</source>
      <translation>谁去了</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="188" />
      <source>Whole activity</source>
      <translation>整个活动</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="155" />
      <source>Whole page</source>
      <translation>整页</translation>
    </message>
    <message>
      <location filename="../../ui/office/stats_page.py" line="440" />
      <source>Whole period</source>
      <translation>整个期间</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="347" />
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="472" />
      <source>Why is the request declined?</source>
      <translation>拒绝该点单的理由？</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="398" />
      <source>Why is this occurrence called off?</source>
      <translation>本场次停办的原因？</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="339" />
      <source>Why is this warning acceptable?</source>
      <translation>为什么可以接受这条警告？</translation>
    </message>
    <message>
      <location filename="../../ui/office/record_dialog.py" line="84" />
      <source>Why it was cancelled</source>
      <translation>取消原因</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="93" />
      <source>Withdraw acknowledgement</source>
      <translation>撤回确认</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/month.py" line="137" />
      <source>Workday</source>
      <translation>班</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="50" />
      <source>Working days</source>
      <translation>工作日</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="109" />
      <source>Working out the forecast…</source>
      <translation>正在计算人力预测…</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="201" />
      <source>Working…</source>
      <translation>处理中…</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="234" />
      <source>Would be added</source>
      <translation>将新增</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="175" />
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/patrol_dialog.py" line="82" />
      <source>Yearly target</source>
      <translation>年度目标</translation>
    </message>
    <message>
      <location filename="../../reports/stats_xlsx.py" line="178" />
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="../../reports/ics.py" line="162" />
      <source>You lead this occurrence.</source>
      <translation>您是本场次的带队人。</translation>
    </message>
    <message>
      <location filename="../../ui/window/settings_actions.py" line="119" />
      <source>Your name, recorded with what you enter:</source>
      <translation>您的姓名（随录入内容一并记录）：</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="151" />
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/printing.py" line="146" />
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="119" />
      <source>[Notice] %1</source>
      <translation>【活动通知】%1</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="205" />
      <source>[acknowledged: %1]</source>
      <translation>[已确认：%1]</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/records.py" line="34" />
      <source>a cancelled occurrence needs a reason</source>
      <translation>取消场次需要填写原因</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="205" />
      <source>a code is 1 to 20 characters, without / , + ; | or spaces</source>
      <translation>代码为 1 至 20 个字符，不能含 / , + ; | 或空格</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="40" />
      <source>a date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="112" />
      <source>a day off</source>
      <translation>休息日</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="173" />
      <source>a file</source>
      <translation>某个文件</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="74" />
      <source>a note across the sheet</source>
      <translation>横跨整表的备注</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="78" />
      <source>a note under the grid</source>
      <translation>表下备注</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/problems.py" line="28" />
      <source>a number of about %1 digits</source>
      <translation>约 %1 位的数字</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="39" />
      <source>a party branch</source>
      <translation>党支部</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="110" />
      <source>a record names another record that does not exist</source>
      <translation>有记录引用了不存在的另一条记录</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="112" />
      <source>a record with this id already exists</source>
      <translation>已有相同编号的记录</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="245" />
      <source>a recorder records for their branches: name at least one with --branch ID</source>
      <translation>记录员只为所属支部登记：请用 --branch ID 至少指定一个支部</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="394" />
      <source>a records file holds only the records section (use import for the rest)</source>
      <translation>服务记录文件只能包含 records 部分（其他内容请用 import 导入）</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="102" />
      <source>a shift with its own hours needs both --on and --off</source>
      <translation>自定时段的班次需同时给出 --on 和 --off</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="173" />
      <source>a shift's hours take only on, off, rest_until and kind</source>
      <translation>班次时段只接受 on、off、rest_until 和 kind</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="76" />
      <source>a signature, total or heading row</source>
      <translation>签名、合计或标题行</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="38" />
      <source>a staff member</source>
      <translation>职工</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="94" />
      <source>a tick: present on a working day, in clinical hours</source>
      <translation>打勾：工作日出勤，门诊时间内在岗</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="216" />
      <source>a time without a date</source>
      <translation>有时间但没有日期</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="114" />
      <source>a value is out of its allowed range</source>
      <translation>有数值超出允许范围</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/guards.py" line="43" />
      <source>a web page or XML file saved with a spreadsheet's name, not an .xlsx workbook: open it in Excel or WPS and save it as .xlsx</source>
      <translation>这是以表格文件名保存的网页或 XML 文件，不是 .xlsx 工作簿：请在 Excel 或 WPS 中打开，另存为 .xlsx</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="313" />
      <source>added</source>
      <translation>新增</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="158" />
      <source>added %1 assignment(s)</source>
      <translation>已新增 %1 条排班</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="286" />
      <source>adding a login needs the server's administrator (a login that may create roles): %1</source>
      <translation>添加登录名需由服务器管理员（可创建角色的登录名）操作：%1</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="48" />
      <source>again: </source>
      <translation>再输入一次：</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="29" />
      <source>ambiguous option: %1 could match %2</source>
      <translation>选项有歧义：%1 可以是 %2</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/guards.py" line="48" />
      <source>an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as .xlsx</source>
      <translation>这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿：请另存为 .xlsx</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="543" />
      <source>an acknowledgement needs a reason</source>
      <translation>确认警告需要填写理由</translation>
    </message>
    <message>
      <location filename="../../reports/registry.py" line="37" />
      <source>an activity and the date of one of its occurrences</source>
      <translation>活动及其某一场次的日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="159" />
      <source>an activity recurs at most daily: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY</source>
      <translation>活动最多每天重复一次：FREQ 必须是 DAILY、WEEKLY、MONTHLY 或 YEARLY</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="52" />
      <source>an empty password; nothing was changed (--no-password makes a login without one)</source>
      <translation>密码为空；未做任何修改（--no-password 可创建不设密码的登录名）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="272" />
      <source>an occurrence lasts at most %1 days</source>
      <translation>一个场次最长 %1 天</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/guards.py" line="36" />
      <source>an old Excel workbook (.xls, Excel 97–2003), which the app does not read: open it in Excel or WPS and save it as .xlsx (Excel workbook)</source>
      <translation>这是旧版 Excel 工作簿（.xls，Excel 97–2003），本软件不读取：请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="116" />
      <source>annual leave (年休假): away all day</source>
      <translation>年休假：全天不在</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="117" />
      <source>annual leave: away all day</source>
      <translation>年假：全天不在</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="174" />
      <source>any department</source>
      <translation>任意科室</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/editor.py" line="181" />
      <source>any qualification</source>
      <translation>任意资质</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="184" />
      <source>anyone</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/records.py" line="65" />
      <source>appears twice (row {value})</source>
      <translation>重复出现（第 {value} 行）</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="18" />
      <source>argument %1: %2</source>
      <translation>参数 %1：%2</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="170" />
      <source>as spread</source>
      <translation>均匀分布</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="301" />
      <source>asks for occurrences more than %1 years after the start: the app plans %2 of them, up to %3 (split the series)</source>
      <translation>要求开始后超过 %1 年的场次：本应用只安排其中 %2 场，截至 %3（请把该系列拆分）</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="79" />
      <source>assign</source>
      <translation>排班</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="44" />
      <source>away</source>
      <translation>不在</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="47" />
      <source>away %1–%2</source>
      <translation>%1–%2 不在</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="84" />
      <source>away: %1</source>
      <translation>不在岗：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="126" />
      <source>bereavement leave: away all day</source>
      <translation>丧假：全天不在</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="43" />
      <source>blood pressure monitor and glucose meter</source>
      <translation>血压计、血糖仪</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="94" />
      <source>breaks cover: %1 of %2 left</source>
      <translation>科室在岗不足：剩 %1 人，最低 %2 人</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="85" />
      <source>busy: %1 %2</source>
      <translation>已有安排：%1 %2</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="31" />
      <source>can't open %1: %2</source>
      <translation>无法打开 %1：%2</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="223" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="369" />
      <source>cancelled, nothing was imported</source>
      <translation>已取消，未导入任何内容</translation>
    </message>
    <message>
      <location filename="../../db/backup.py" line="69" />
      <source>cannot back up %1 to %2: %3</source>
      <translation>无法将 %1 备份到 %2：%3</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/recording.py" line="75" />
      <source>cannot be negative</source>
      <translation>不能为负数</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="209" />
      <source>cannot connect to the server %1: %2</source>
      <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
      <location filename="../../db/pg_store.py" line="277" />
      <source>cannot make the plan's tables on the server %1 (run server init as its administrator): %2</source>
      <translation>无法在服务器 %1 上建立计划的数据表（请由服务器管理员运行 server init）：%2</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="279" />
      <source>cannot open database %1: %2</source>
      <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
      <location filename="../../cli/common.py" line="72" />
      <source>cannot read %1: %2</source>
      <translation>无法读取 %1：%2</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="286" />
      <source>cannot read database %1: %2</source>
      <translation>无法读取数据库 %1：%2</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="290" />
      <source>cannot read database %1: its folder cannot be written, and %2 holds changes not yet in the file (open it once where it can be written)</source>
      <translation>无法读取数据库 %1：其所在文件夹不可写入，而 %2 中有尚未写入数据库文件的更改（请先在可写入的位置打开一次）</translation>
    </message>
    <message>
      <location filename="../../db/backup.py" line="127" />
      <source>cannot restore %1: %2</source>
      <translation>无法恢复 %1：%2</translation>
    </message>
    <message>
      <location filename="../../db/pg_store.py" line="285" />
      <source>cannot upgrade database %1 to schema %2: %3</source>
      <translation>无法将数据库 %1 升级到结构版本 %2：%3</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="176" />
      <source>cannot use %1: %2</source>
      <translation>无法使用 %1：%2</translation>
    </message>
    <message>
      <location filename="../../db/files.py" line="42" />
      <source>cannot write %1: %2</source>
      <translation>无法写入 %1：%2</translation>
    </message>
    <message>
      <location filename="../../cli/common.py" line="77" />
      <source>cannot write %1: folder %2 does not exist</source>
      <translation>无法写入 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
      <location filename="../../db/files.py" line="57" />
      <source>cannot write %1: the file is read-only (it was left as it is)</source>
      <translation>无法写入 %1：该文件为只读（已保持原样）</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="232" />
      <source>cannot write to %1: %2</source>
      <translation>无法写入 %1：%2</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="334" />
      <source>certificate</source>
      <translation>证明</translation>
    </message>
    <message>
      <location filename="../../ui/conflicts/panel.py" line="149" />
      <source>checking the whole plan again…</source>
      <translation>正在重新检查整个计划…</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="303" />
      <source>clinical hours</source>
      <translation>门诊时间</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="151" />
      <source>closest: %1</source>
      <translation>最接近的：%1</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="206" />
      <source>columns of the form platform, not read as answers: %1</source>
      <translation>表单平台自带的列，不作为回答读取：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/problems.py" line="71" />
      <source>contains a NUL character</source>
      <translation>含有 NUL 字符</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/problems.py" line="73" />
      <source>contains a lone surrogate (\ud800-\udfff), which is not Unicode text</source>
      <translation>含有孤立的代理码位（\ud800-\udfff），不是 Unicode 文本</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="251" />
      <source>could not be worked out</source>
      <translation>未能算出</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="102" />
      <source>database %1 cannot be written: its disk or folder is read-only (commands that only read it, such as check and export, still work)</source>
      <translation>数据库 %1 无法写入：所在磁盘或文件夹是只读的（只读取数据库的命令，如 check 和 export，仍可使用）</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="166" />
      <source>database %1 cannot use write-ahead logging</source>
      <translation>数据库 %1 无法使用预写日志（WAL）</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="189" />
      <source>database %1 has the older schema %2 (this app uses %3); a command that changes it, or the app, upgrades it first</source>
      <translation>数据库 %1 的结构版本较旧（%2，本程序使用 %3）；修改数据的命令或本程序窗口会先将其升级</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="228" />
      <source>database %1 is busy: %2</source>
      <translation>数据库 %1 正忙：%2</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="43" />
      <source>database %1 is on a network filesystem (%2): it is not opened for writing there, because SQLite's locking and write-ahead log do not work between computers and the file can be corrupted. Keep the database on the disk of the one computer that owns it (give --db a local path, or copy the file there); sharing a plan between computers is the job of the office server, not of a shared folder.</source>
      <translation>数据库 %1 位于网络文件系统（%2）上：不会在那里以写入方式打开，因为 SQLite 的锁和预写日志在多台计算机之间无法正常工作，文件可能损坏。请将数据库放在使用它的那一台计算机的本地磁盘上（给 --db 一个本地路径，或将文件复制到那里）；多台计算机共用计划应由办公室服务器负责，而不是共享文件夹。</translation>
    </message>
    <message>
      <location filename="../../db/pg_store.py" line="294" />
      <source>database %1 is open for reading only</source>
      <translation>数据库 %1 以只读方式打开</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="61" />
      <source>database %1 is open for reading only and has no field package key yet</source>
      <translation>数据库 %1 以只读方式打开，且尚无离线包密钥</translation>
    </message>
    <message>
      <location filename="../../db/pg_store.py" line="195" />
      <source>database %1 was written by a newer version of the app (schema %2, this app knows up to %3)</source>
      <translation>数据库 %1 由更新版本的程序写入（结构版本 %2，本程序最高支持 %3）</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="20" />
      <source>date out of range: %1 (dates lie between %2 and %3)</source>
      <translation>日期超出范围：%1（日期须在 %2 至 %3 之间）</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="260" />
      <source>day shift</source>
      <translation>白班</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="89" />
      <source>day shift (Day) in clinical hours</source>
      <translation>白班（Day）：门诊时间内在岗</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="87" />
      <source>day shift (白班) in clinical hours</source>
      <translation>白班：门诊时间内在岗</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="88" />
      <source>day shift in clinical hours</source>
      <translation>白班：门诊时间内在岗</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="41" />
      <source>day: on duty in clinical hours</source>
      <translation>白班：门诊时间内在岗</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="82" />
      <source>default</source>
      <translation>默认</translation>
    </message>
    <message>
      <location filename="../../ui/masterdata/history_dialog.py" line="56" />
      <source>deleted</source>
      <translation>已删除</translation>
    </message>
    <message>
      <location filename="../../cli/demo.py" line="34" />
      <source>demo hospital (%1, seed %2, %3, as on %4) written in %5 s: %6</source>
      <translation>演示医院（%1，随机种子 %2，%3 年，截至 %4）已写入，用时 %5 秒：%6</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="51" />
      <source>diet leaflets</source>
      <translation>膳食指导资料</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="175" />
      <source>disk full while writing %1</source>
      <translation>写入 %1 时磁盘已满</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="44" />
      <source>disposable acupuncture needles and disinfectant</source>
      <translation>一次性针灸针、消毒用品</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/document.py" line="95" />
      <source>duplicate entry: also at %1</source>
      <translation>重复的条目：%1 处也有</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/document.py" line="97" />
      <source>duplicate id (ids are compared without surrounding spaces, in Unicode NFC): also at %1</source>
      <translation>重复的编号（比较编号时忽略首尾空格，并按 Unicode NFC 规范化）：%1 处也有</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/document.py" line="101" />
      <source>duplicate id: also at %1</source>
      <translation>重复的编号：%1 处也有</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/activities.py" line="101" />
      <source>duplicate station id in this activity</source>
      <translation>本活动中摊位编号重复</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="327" />
      <source>duty roster %1</source>
      <translation>排班表 %1</translation>
    </message>
    <message>
      <location filename="../../ui/office/notice_dialog.py" line="89" />
      <source>e.g. sign-in sheet, banner</source>
      <translation>例如：签到表、横幅</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="196" />
      <source>e.g. 主治医师</source>
      <translation>例如：主治医师</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/fields.py" line="378" />
      <source>e.g. 春节</source>
      <translation>例如：春节</translation>
    </message>
    <message>
      <location filename="../../ui/window/server_dialog.py" line="40" />
      <source>empty: PGPASSWORD or ~/.pgpass</source>
      <translation>留空：使用 PGPASSWORD 或 ~/.pgpass</translation>
    </message>
    <message>
      <location filename="../../cli/common.py" line="43" />
      <source>error: %1</source>
      <translation>错误：%1</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="48" />
      <source>error: %1 (see --help)</source>
      <translation>错误：%1（参见 --help）</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="217" />
      <source>evenings in a row for one person</source>
      <translation>同一人连续晚上的次数</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="106" />
      <source>every </source>
      <translation>每 </translation>
    </message>
    <message>
      <location filename="../../ui/calendar/actions.py" line="280" />
      <source>every occurrence</source>
      <translation>每场</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="170" />
      <source>everyone free matching ({need}) is at their monthly hours cap</source>
      <translation>符合条件（{need}）的空闲人员均已达到每月时长上限</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="171" />
      <source>everyone free matching ({need}) is needed by other occurrences at that time</source>
      <translation>符合条件（{need}）的空闲人员均被同一时段的其他场次占用</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="166" />
      <source>everyone matching ({need}) is elsewhere at that time or on leave, duty or rest</source>
      <translation>符合条件（{need}）的人员在该时段均已另有安排，或在休假、值班、休息</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="25" />
      <source>expected %1 argument(s)</source>
      <translation>需要 %1 个值</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="24" />
      <source>expected at least one argument</source>
      <translation>至少需要一个值</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="23" />
      <source>expected at most one argument</source>
      <translation>最多只能有一个值</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="22" />
      <source>expected one argument</source>
      <translation>需要一个值</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="110" />
      <source>exported to %1: %2</source>
      <translation>已导出到 %1：%2</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="143" />
      <source>field packages are imported by planners: the key to check their seal is readable by planners only</source>
      <translation>现场数据包由计划员导入：校验其封印的密钥只有计划员可以读取</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="230" />
      <source>filled in order, without searching</source>
      <translation>按顺序补齐，未作搜索</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="42" />
      <source>first</source>
      <translation>第一个</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="44" />
      <source>forecast</source>
      <translation>人力预测</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="67" />
      <source>forecast %1: %2 pool-months with needs, %3 short</source>
      <translation>%1 年人力预测：%2 个资质池·月份有需求，%3 个不足</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="42" />
      <source>fourth</source>
      <translation>第四个</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="260" />
      <source>free</source>
      <translation>空闲</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="99" />
      <source>give either a meaning (day, night, free, leave) or --on and --off, not both</source>
      <translation>请给出含义（day、night、free、leave）或 --on 与 --off，二者取一</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/problems.py" line="81" />
      <source>has more problems; the first %1 are listed</source>
      <translation>还有更多问题；只列出前 %1 个</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="56" />
      <source>health leaflets</source>
      <translation>健康宣传资料</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="59" />
      <source>held %1 (week before %2), called off %3 (%4), moved %5 (%6), not recorded %7 (%8)</source>
      <translation>已举办 %1（上周 %2），已停办 %3（%4），已改期 %5（%6），未登记 %7（%8）</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="61" />
      <source>hidden</source>
      <translation>隐藏</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/recording.py" line="92" />
      <source>hours must be above 0 and at most 24</source>
      <translation>时长须大于 0 且不超过 24 小时</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="215" />
      <source>hours over a monthly cap</source>
      <translation>超出月度上限的小时数</translation>
    </message>
    <message>
      <location filename="../../cli/ics.py" line="21" />
      <source>ics needs either --staff ID or --branch ID</source>
      <translation>ics 需要 --staff 职工编号 或 --branch 党支部编号（二选一）</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="28" />
      <source>ignored explicit argument %1</source>
      <translation>不接受显式给出的值 %1</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="77" />
      <source>import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="84" />
      <source>imported %1: %2</source>
      <translation>已导入 %1：%2</translation>
    </message>
    <message>
      <location filename="../../cli/field.py" line="61" />
      <source>imported %1: %2 record(s) taken, %3 unchanged, %4 changed both here and in the field (choose in the app: File ▸ Field conflicts)</source>
      <translation>已导入 %1：采用 %2 条记录，%3 条未变，%4 条在本地和现场都被修改（请在程序中选择：文件 ▸ 离线包冲突）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="107" />
      <source>imported before ({value})</source>
      <translation>之前已导入（{value}）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="93" />
      <source>in theatre in clinical hours (one-week sheets)</source>
      <translation>手术：门诊时间内在岗（周排班）</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="166" />
      <source>internal error (%1); %2</source>
      <translation>内部错误（%1）；%2</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="140" />
      <source>interrupted, nothing more was written</source>
      <translation>已中断，未再写入任何内容</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="30" />
      <source>invalid %1 value: %2</source>
      <translation>无效的 %1 值：%2</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="19" />
      <source>invalid choice: %1 (choose from %2)</source>
      <translation>无效的取值：%1（可选：%2）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="135" />
      <source>is a key named twice in one object</source>
      <translation>是同一对象中重复出现的键</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="69" />
      <source>is a number of %1 digits, far beyond anything it can mean</source>
      <translation>是 %1 位的数字，远超任何有意义的范围</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="77" />
      <source>is a number too large to hold</source>
      <translation>数字太大，无法保存</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/records.py" line="58" />
      <source>is empty</source>
      <translation>为空</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/activities.py" line="73" />
      <source>is listed twice</source>
      <translation>重复列出</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/row.py" line="19" />
      <source>is longer than {value} characters</source>
      <translation>超过 {value} 个字符</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/recording.py" line="77" />
      <source>is more people than one occurrence can serve</source>
      <translation>超出一次活动可能服务的人数</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="178" />
      <source>is nested more than %1 levels deep</source>
      <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="159" />
      <source>is not UTF-8 text (%1 at byte %2)</source>
      <translation>不是 UTF-8 文本（第 %2 字节：%1）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="161" />
      <source>is not UTF-8 text (%1)</source>
      <translation>不是 UTF-8 文本（%1）</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="284" />
      <source>is not a date and time its rule gives: the series begins on %1, and %2 is no occurrence</source>
      <translation>不是其重复规则给出的日期和时间：系列从 %1 开始，%2 不是一个场次</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/activities.py" line="177" />
      <source>is not a date of this activity's rule</source>
      <translation>不是本活动重复规则中的日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="82" />
      <source>is not a number JSON allows (NaN and Infinity are not)</source>
      <translation>不是 JSON 允许的数字（NaN 和 Infinity 都不允许）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="160" />
      <source>is not a real date</source>
      <translation>不是有效日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="174" />
      <source>is not a real date and time</source>
      <translation>不是有效的日期时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/records.py" line="75" />
      <source>is not a service the app counts; use one of %1</source>
      <translation>不是本程序统计的服务；请使用以下之一：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/office/recording.py" line="86" />
      <source>is not a staff member</source>
      <translation>不是本院职工</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/activities.py" line="130" />
      <source>is not a station of this activity</source>
      <translation>不是本活动的摊位</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="193" />
      <source>is not a time zone of the IANA database (such as Asia/Shanghai)</source>
      <translation>不是 IANA 时区数据库中的时区（例如 Asia/Shanghai）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/activities.py" line="35" />
      <source>is not a usable RRULE: %1</source>
      <translation>不是可用的 RRULE：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/activities.py" line="191" />
      <source>is not an occurrence of this activity (excluded, or never planned)</source>
      <translation>不是本活动的场次（已排除，或从未安排）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="251" />
      <source>is not kept here: this object holds only %1 (remove the key; keys of your own are kept on the record itself)</source>
      <translation>不能保留在此处：该对象只含 %1（请删除该键；自定义的键可放在记录本身上保留）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="175" />
      <source>is not valid JSON: %1 at line %2, column %3</source>
      <translation>不是有效的 JSON：第 %2 行第 %3 列：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="70" />
      <source>is required</source>
      <translation>为必填项</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="176" />
      <source>is required (HH:MM)</source>
      <translation>必填（HH:MM）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="207" />
      <source>is the same code as another one (case and width aside)</source>
      <translation>与另一个代码相同（不区分大小写和全半角）</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="124" />
      <source>its records do not fit this database: %1 (%2)</source>
      <translation>其中的记录与本数据库不符：%1（%2）</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="113" />
      <source>its records do not fit this database: a record names a person, activity or occurrence this database does not have (%1)</source>
      <translation>其中的记录与本数据库不符：有记录引用了本数据库中没有的人员、活动或场次（%1）</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="118" />
      <source>its records do not fit this database: a record would be there twice (%1)</source>
      <translation>其中的记录与本数据库不符：有记录会重复出现（%1）</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="120" />
      <source>its records do not fit this database: a value of a record is out of its allowed range (%1)</source>
      <translation>其中的记录与本数据库不符：有记录的数值超出允许范围（%1）</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="478" />
      <source>keep at least one backup</source>
      <translation>至少保留一份备份</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="42" />
      <source>last</source>
      <translation>最后一个</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="260" />
      <source>leave</source>
      <translation>请假</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="44" />
      <source>leave: away all day</source>
      <translation>请假：全天不在</translation>
    </message>
    <message>
      <location filename="../../cli/stats.py" line="64" />
      <source>led by their own branch: %1 of %2 occurrences planned or held</source>
      <translation>由本支部党员带队：%1 / %2 场（已计划或已举行）</translation>
    </message>
    <message>
      <location filename="../../ui/office/timebank_page.py" line="334" />
      <source>ledger</source>
      <translation>明细</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="276" />
      <source>legend entries not understood (not used): %1</source>
      <translation>班次说明中无法理解（未采用）的条目：%1</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="274" />
      <source>legend not used where the office's own codes say otherwise: %1</source>
      <translation>班次说明中与本院自设班次代码不同、未采用的：%1</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="272" />
      <source>legend read: %1</source>
      <translation>读取的班次说明：%1</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="75" />
      <source>login %1 is a %2 of %3%4</source>
      <translation>登录名 %1 现为 %3 的 %2%4</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="59" />
      <source>longer than %1 characters</source>
      <translation>超过 %1 个字符</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="77" />
      <source>lower bound: someone gives at least %1 h in a month (%2, %3: %4 h for %5 people)</source>
      <translation>下限：至少有一人一个月要出 %1 小时（%2，%3：%4 小时，共 %5 人）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="122" />
      <source>marriage leave: away all day</source>
      <translation>婚假：全天不在</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="46" />
      <source>massage towels</source>
      <translation>推拿巾</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="124" />
      <source>maternity leave: away all day</source>
      <translation>产假：全天不在</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="49" />
      <source>medication leaflets</source>
      <translation>合理用药宣传资料</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="70" />
      <source>move %1 visit(s) not yet planned to months with room (%2)</source>
      <translation>把 %1 次尚未排期的走访移到有余力的月份（%2）</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="97" />
      <source>move an occurrence to another time, or have %1 more of this pool free then</source>
      <translation>把一个场次改到别的时间，或届时再让该资质池 %1 人有空</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="172" />
      <source>moved</source>
      <translation>调整</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="133" />
      <source>moved from %1</source>
      <translation>由 %1 改期</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="45" />
      <source>moxa sticks</source>
      <translation>艾条</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/document.py" line="47" />
      <source>must be "%1"</source>
      <translation>必须是 "%1"</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/document.py" line="50" />
      <source>must be %1</source>
      <translation>必须是 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/document.py" line="45" />
      <source>must be a JSON object</source>
      <translation>必须是 JSON 对象</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="155" />
      <source>must be a date like 2026-12-03</source>
      <translation>必须是形如 2026-12-03 的日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="134" />
      <source>must be a finite number</source>
      <translation>必须是有限的数字</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="230" />
      <source>must be a list</source>
      <translation>必须是列表</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="169" />
      <source>must be a local time like 2026-12-03T18:00</source>
      <translation>必须是形如 2026-12-03T18:00 的本地时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="91" />
      <source>must be a non-empty string id</source>
      <translation>必须是非空的字符串编号</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="132" />
      <source>must be a number</source>
      <translation>必须是数字</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="68" />
      <source>must be a number of seconds above 0, not %1</source>
      <translation>须为大于 0 的秒数，而不是 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="149" />
      <source>must be a share between 0 and 1</source>
      <translation>必须是 0 到 1 之间的比例</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="77" />
      <source>must be a string</source>
      <translation>必须是字符串</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="181" />
      <source>must be a time HH:MM from 00:00 to 23:59 (midnight is 00:00)</source>
      <translation>须为 00:00 至 23:59 的时间 HH:MM（午夜写 00:00）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="112" />
      <source>must be a whole number</source>
      <translation>必须是整数</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="138" />
      <source>must be above 0</source>
      <translation>必须大于 0</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="188" />
      <source>must be after the shift's end (off)</source>
      <translation>须晚于班次结束时间（off）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="269" />
      <source>must be after the start</source>
      <translation>必须晚于开始时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="54" />
      <source>must be an object</source>
      <translation>必须是对象</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="196" />
      <source>must be an object of code → meaning, e.g. {"夜": "night"}</source>
      <translation>应为“代码 → 含义”的对象，例如 {"夜": "night"}</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="117" />
      <source>must be at least %1</source>
      <translation>不能小于 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="120" />
      <source>must be at most %1</source>
      <translation>不能大于 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/validation.py" line="63" />
      <source>must be at most %1 characters long</source>
      <translation>最多 %1 个字符</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="184" />
      <source>must be duty or leave</source>
      <translation>须为 duty 或 leave</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="184" />
      <source>must be one of %1</source>
      <translation>必须是以下之一：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="159" />
      <source>must be one of day, night, free, leave, or hours {"on": "HH:MM", "off": "HH:MM"}</source>
      <translation>须为 day、night、free、leave 之一，或时段 {"on": "HH:MM", "off": "HH:MM"}</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="103" />
      <source>must be true or false</source>
      <translation>必须是 true 或 false</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="204" />
      <source>must be two times like ["08:00", "17:30"]</source>
      <translation>必须是两个时间，形如 ["08:00", "17:30"]</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="207" />
      <source>must end after it starts</source>
      <translation>结束必须晚于开始</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="198" />
      <source>must hold at most 500 codes</source>
      <translation>最多 500 个代码</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/validation.py" line="91" />
      <source>must lie between %1 and %2</source>
      <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/sections.py" line="129" />
      <source>must not be before the start</source>
      <translation>不能早于开始日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/reader.py" line="117" />
      <source>must not be negative</source>
      <translation>不能为负数</translation>
    </message>
    <message>
      <location filename="../../scheduler/plan/validation.py" line="65" />
      <source>must not contain control characters</source>
      <translation>不能包含控制字符</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="301" />
      <source>name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/records.py" line="64" />
      <source>names a service counted already in this record</source>
      <translation>引用的服务在本记录中已统计过</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="99" />
      <source>names no known activity</source>
      <translation>引用了不存在的活动</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="48" />
      <source>names no known branch</source>
      <translation>引用了不存在的党支部</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="46" />
      <source>names no known campus</source>
      <translation>引用了不存在的院区</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="45" />
      <source>names no known department</source>
      <translation>引用了不存在的科室</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="49" />
      <source>names no known partner</source>
      <translation>引用了不存在的结对单位</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="51" />
      <source>names no known service</source>
      <translation>引用了不存在的服务项目</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="50" />
      <source>names no known service request</source>
      <translation>引用了不存在的点单</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/references.py" line="47" />
      <source>names no known staff member</source>
      <translation>引用了不存在的职工</translation>
    </message>
    <message>
      <location filename="../../ui/office/forecast_page.py" line="342" />
      <source>needs %1 h, can give %2 h</source>
      <translation>需要 %1 小时，可出 %2 小时</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="66" />
      <source>next: %1</source>
      <translation>接下来：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="103" />
      <source>night duty from the end of clinical hours to the next morning, then rest</source>
      <translation>夜班：门诊时间结束至次晨，之后休息</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="104" />
      <source>night duty, as 夜</source>
      <translation>夜班，同“夜”</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="260" />
      <source>night shift</source>
      <translation>夜班</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="42" />
      <source>night: on duty overnight, resting the next day</source>
      <translation>夜班：通宵在岗，次日休息</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="164" />
      <source>no active person matches ({need})</source>
      <translation>没有在岗人员符合条件（{need}）</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="222" />
      <source>no better one found in the time given</source>
      <translation>在给定时间内未找到更好的</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="35" />
      <source>no campus {value}</source>
      <translation>没有院区“{value}”</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/records.py" line="55" />
      <source>no column is mapped to it</source>
      <translation>没有对应的列</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/layout.py" line="179" />
      <source>no column of names (姓名) or staff numbers (工号) left of the days</source>
      <translation>日期列左侧没有姓名列或工号列</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/grid.py" line="115" />
      <source>no day of the header is a date the app takes</source>
      <translation>表头中没有本软件可接受的日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="29" />
      <source>no department {value}</source>
      <translation>没有科室“{value}”</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="92" />
      <source>no effect</source>
      <translation>无影响</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="66" />
      <source>no occurrence from today on</source>
      <translation>今天起没有场次</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="246" />
      <source>no one in {department} is named {value}</source>
      <translation>{department}没有名叫{value}的人</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="234" />
      <source>no one in {department} is named {value} (elsewhere: {others})</source>
      <translation>{department}没有名叫{value}的人（其他科室有：{others}）</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="140" />
      <source>no one is listed under the day columns</source>
      <translation>日期列下没有列出人员</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="83" />
      <source>no other month of the year has room for the visits that need this pool</source>
      <translation>全年没有别的月份有余力接纳需要该资质池的走访</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="131" />
      <source>no partner {value}</source>
      <translation>没有结对单位“{value}”</translation>
    </message>
    <message>
      <location filename="../../cli/ics.py" line="37" />
      <source>no party branch with id %1</source>
      <translation>没有编号为 %1 的党支部</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="34" />
      <source>no party branch {value}</source>
      <translation>没有党支部“{value}”</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="40" />
      <source>no password for %1: set %2 or run this on a terminal (or give --no-password when the server authenticates logins otherwise); nothing was changed</source>
      <translation>没有 %1 的密码：请设置 %2 或在终端中运行（若服务器用其他方式验证登录，请加 --no-password）；未做任何修改</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="232" />
      <source>no plan found</source>
      <translation>未找到可行方案</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/layout.py" line="117" />
      <source>no row of day columns (1, 2, 3 … or 11-01, 11-02 …) in the first {value} rows: is this a duty roster?</source>
      <translation>前 {value} 行中没有日期列（1、2、3……或 11-01、11-02……）：这是排班表吗？</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="97" />
      <source>no service chosen</source>
      <translation>未选择服务项目</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="132" />
      <source>no service {value}</source>
      <translation>没有服务项目“{value}”</translation>
    </message>
    <message>
      <location filename="../../cli/ics.py" line="35" />
      <source>no staff member with id %1</source>
      <translation>没有编号为 %1 的职工</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="242" />
      <source>no staff number {number}, and no one in {department} is named {value}</source>
      <translation>没有工号 {number}，{department}也没有名叫{value}的人</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="206" />
      <source>no staff number {value}</source>
      <translation>没有工号 {value}</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="200" />
      <source>no staff number {value}, but {same} has it with other leading zeros (Excel drops them from a number: format the column as text and write the number as it is)</source>
      <translation>没有工号 {value}，但 {same} 的工号除开头的 0 外相同（Excel 会去掉数字开头的 0：请把该列设为文本格式，按原样填写工号）</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="249" />
      <source>no such branch in the plan: %1</source>
      <translation>计划中没有这个支部：%1</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="165" />
      <source>nobody of {department}, the department on turn, matches ({need})</source>
      <translation>轮值科室{department}没有人员符合条件（{need}）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/official.py" line="38" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="80" />
      <source>none of the needs</source>
      <translation>不符合任何需求</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="232" />
      <source>none recorded</source>
      <translation>未登记</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="32" />
      <source>not a date (YYYY-MM-DD): %1</source>
      <translation>不是日期（YYYY-MM-DD）：%1</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="44" />
      <source>not a month (YYYY-MM): %1</source>
      <translation>不是月份（YYYY-MM）：%1</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="66" />
      <source>not a number of seconds: %1</source>
      <translation>不是秒数：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/workbook.py" line="82" />
      <source>not a readable .xlsx workbook (not a zip file, or a damaged one)</source>
      <translation>不是可读取的 .xlsx 工作簿（不是 zip 文件，或文件已损坏）</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="64" />
      <source>not a single RRULE</source>
      <translation>不是单条 RRULE</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="178" />
      <source>not a valid RRULE</source>
      <translation>不是有效的 RRULE</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="53" />
      <source>not a year: %1</source>
      <translation>不是年份：%1</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="27" />
      <source>not allowed with argument %1</source>
      <translation>不能与参数 %1 同时使用</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="29" />
      <source>not an ISO week (YYYY-Www, e.g. 2026-W49, between 2000 and 2100): %1</source>
      <translation>不是 ISO 周（YYYY-Www，例如 2026-W49，2000 至 2100 年之间）：%1</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="33" />
      <source>not an answer</source>
      <translation>不是回答</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="133" />
      <source>not read: %1</source>
      <translation>未读取：%1</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="255" />
      <source>not understood (not used): %1</source>
      <translation>无法理解（未采用）：%1</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="132" />
      <source>not usable</source>
      <translation>无法使用</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="253" />
      <source>not used, the office's own codes say otherwise: %1</source>
      <translation>未采用（本院代码另有规定）：%1</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="52" />
      <source>nothing found for %1</source>
      <translation>未找到 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="114" />
      <source>nothing planned</source>
      <translation>无安排</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="84" />
      <source>nothing to change</source>
      <translation>没有需要更改的内容</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="231" />
      <source>nothing to do</source>
      <translation>无需安排</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="95" />
      <source>nursing's A shift (三班倒) 08:00-16:00</source>
      <translation>护理三班倒的 A 班 08:00-16:00</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="99" />
      <source>nursing's N shift 00:00-08:00 of that date (the night from midnight)</source>
      <translation>护理 N 班：当日 00:00-08:00（从午夜起的夜班）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="96" />
      <source>nursing's P shift 16:00-24:00: ends at midnight, not overnight</source>
      <translation>护理 P 班 16:00-24:00：午夜结束，不跨夜</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="90" />
      <source>office shift (办公班) in clinical hours</source>
      <translation>办公班：门诊时间内在岗</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="95" />
      <source>ok</source>
      <translation>可以</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="107" />
      <source>on call (值班) from the end of clinical hours to the next morning, then rest</source>
      <translation>值班：门诊时间结束至次晨，之后休息</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="109" />
      <source>on call, as 值</source>
      <translation>值班，同“值”</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="84" />
      <source>on clinical duty</source>
      <translation>临床值班</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="47" />
      <source>on duty %1–%2</source>
      <translation>%1–%2 在岗</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="83" />
      <source>on leave</source>
      <translation>请假</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="146" />
      <source>on the</source>
      <translation>在</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="92" />
      <source>on the ward in clinical hours (one-week sheets)</source>
      <translation>病房：门诊时间内在岗（周排班）</translation>
    </message>
    <message>
      <location filename="../../reports/rosters.py" line="80" />
      <source>on turn</source>
      <translation>轮值</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="26" />
      <source>one of the arguments %1 is required</source>
      <translation>参数 %1 须至少给出一个</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="91" />
      <source>outpatient clinic in clinical hours (one-week sheets)</source>
      <translation>门诊：门诊时间内在岗（周排班）</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="79" />
      <source>overdue by %1</source>
      <translation>已超时 %1</translation>
    </message>
    <message>
      <location filename="../../cli/stats.py" line="61" />
      <source>pairings: %1 on track, %2 behind</source>
      <translation>结对：%1 个进度正常，%2 个滞后</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="47" />
      <source>password for %1: </source>
      <translation>%1 的密码：</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="216" />
      <source>people from outside the organizing branch</source>
      <translation>来自主办支部以外的人数</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="72" />
      <source>people served %1 (%2), volunteer hours %3 (%4), people who went %5 (%6), open places %7 (%8)</source>
      <translation>服务人数 %1（%2），志愿服务时长 %3（%4），出勤人员 %5（%6），空缺岗位 %7（%8）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="120" />
      <source>personal leave (事假): away all day</source>
      <translation>事假：全天不在</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="121" />
      <source>personal leave: away all day</source>
      <translation>事假：全天不在</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="47" />
      <source>portable ECG machine</source>
      <translation>便携式心电图机</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="54" />
      <source>portable ultrasound scanner</source>
      <translation>便携式超声仪</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="42" />
      <source>pulse pillow</source>
      <translation>脉枕</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="53" />
      <source>rapid test kits</source>
      <translation>快速检测试剂</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="99" />
      <source>recorded %1: %2 record(s)</source>
      <translation>已登记 %1：%2 条服务记录</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/occurrence_html.py" line="65" />
      <source>recorded by %1</source>
      <translation>%1 记录</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="50" />
      <source>rehabilitation aids</source>
      <translation>康复训练器具</translation>
    </message>
    <message>
      <location filename="../../ui/assign/autoassign.py" line="316" />
      <source>removed</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="85" />
      <source>requests: %1 received, %2 answered, %3 declined, %4 overdue</source>
      <translation>点单：收到 %1，已响应 %2，已谢绝 %3，已逾期 %4</translation>
    </message>
    <message>
      <location filename="../../cli/stats.py" line="77" />
      <source>requests: %1; median %2 days to answer</source>
      <translation>点单：%1；答复用时中位数 %2 天</translation>
    </message>
    <message>
      <location filename="../../cli/stats.py" line="75" />
      <source>requests: %1; none answered yet</source>
      <translation>点单：%1；尚无已答复的点单</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/shift_codes_dialog.py" line="42" />
      <source>rest until %1</source>
      <translation>休息至 %1</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="85" />
      <source>resting after a night shift</source>
      <translation>夜班后休息</translation>
    </message>
    <message>
      <location filename="../../cli/roster.py" line="54" />
      <source>roster %1</source>
      <translation>排班表 %1</translation>
    </message>
    <message>
      <location filename="../../cli/roster.py" line="62" />
      <source>roster %1: %2</source>
      <translation>排班表 %1：%2</translation>
    </message>
    <message>
      <location filename="../../cli/refusals.py" line="17" />
      <source>row %1</source>
      <translation>第 %1 行</translation>
    </message>
    <message>
      <location filename="../../cli/refusals.py" line="20" />
      <source>row %1, column %2</source>
      <translation>第 %1 行，%2 列</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="305" />
      <source>row %1: columns %2</source>
      <translation>第 %1 行：列 %2</translation>
    </message>
    <message>
      <location filename="../../cli/sheets.py" line="79" />
      <source>row %1: not imported again: %2</source>
      <translation>第 %1 行：不重复导入：%2</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="227" />
      <source>rows skipped, not people: %1</source>
      <translation>跳过的非人员行：%1</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="111" />
      <source>say what %1 means: one of %2, or its hours with --on HH:MM --off HH:MM</source>
      <translation>请说明 %1 的含义：%2 之一，或用 --on HH:MM --off HH:MM 给出时段</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="52" />
      <source>screening questionnaires</source>
      <translation>筛查量表</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="42" />
      <source>second</source>
      <translation>第二个</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="24" />
      <source>server commands need --db postgresql://user@host:port/dbname (the office server)</source>
      <translation>server 命令需要 --db postgresql://用户@主机:端口/数据库名（办公室服务器）</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="210" />
      <source>server init needs --db postgresql://… (an office server), not a file</source>
      <translation>server init 需要 --db postgresql://…（办公室服务器），而不是文件</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="221" />
      <source>server init needs the server's administrator (a login that may create roles): %1</source>
      <translation>server init 需由服务器管理员（可创建角色的登录名）运行：%1</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="233" />
      <source>server user add needs --db postgresql://… (an office server), not a file</source>
      <translation>server user add 需要 --db postgresql://…（办公室服务器），而不是文件</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="230" />
      <source>services from column %1; several in one cell (joined by ┋ ; , 、) are a request each</source>
      <translation>服务项目取自 %1 列；一格中有多项（以 ┋ ; , 、 分隔）时各为一条点单</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="222" />
      <source>services from one 0/1 column per choice: %1; each chosen service is a request of its own</source>
      <translation>服务项目取自每个选项一列的 0/1：%1；选中的每项服务各为一条点单</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="220" />
      <source>several people in {department} are named {value} ({ids}): give the staff number</source>
      <translation>{department}有多人名叫{value}（{ids}）：请填写工号</translation>
    </message>
    <message>
      <location filename="../../cli/refusals.py" line="17" />
      <source>sheet %1</source>
      <translation>工作表 %1</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="61" />
      <source>sheet %1: %2, skipped</source>
      <translation>工作表 %1：%2，已跳过</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="213" />
      <source>sheet %1: duty roster of %2, %3 – %4, %5 block(s); columns read as %6</source>
      <translation>工作表 %1：%2 排班表，%3 – %4，%5 个表块；各列读作 %6</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="141" />
      <source>sheet %1: no one is listed under the day columns</source>
      <translation>工作表 %1：日期列下没有列出人员</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="130" />
      <source>sheet %1: not a roster (%2), skipped</source>
      <translation>工作表 %1：不是排班表（%2），已跳过</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="134" />
      <source>sheet %1: not read: %2</source>
      <translation>工作表 %1：未读取：%2</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/sheet.py" line="60" />
      <source>sheet %1: the columns after IV (the 256th) are not read; the first of them that holds something is %2</source>
      <translation>工作表 %1：IV 列（第 256 列）之后的列不读取；其中第一个有内容的单元格是 %2</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="126" />
      <source>sheet %1: the workbook's legend (not a roster), read for every roster</source>
      <translation>工作表 %1：本工作簿的班次说明（不是排班表），各排班表均按其读取</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="93" />
      <source>shift code %1 removed</source>
      <translation>已删除班次代码 %1</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="123" />
      <source>shift code %1: %2</source>
      <translation>班次代码 %1：%2</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="304" />
      <source>shift codes</source>
      <translation>班次代码</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="118" />
      <source>sick leave: away all day</source>
      <translation>病假：全天不在</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="57" />
      <source>slides on a USB stick</source>
      <translation>课件（U盘）</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="56" />
      <source>staff badge and work clothes</source>
      <translation>工作牌、工作服</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="30" />
      <source>staff number</source>
      <translation>工号</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="185" />
      <source>staff number {value} is {name} in the app, not {written}</source>
      <translation>工号 {value} 在系统中是{name}，不是{written}</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/records.py" line="23" />
      <source>staff number {value}: the same number with other leading zeros (Excel drops them from a number; format the column as text and write the number as it is)</source>
      <translation>工号 {value}：除开头的 0 外相同（Excel 会去掉数字开头的 0；请把该列设为文本格式，按原样填写工号）</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="41" />
      <source>stethoscope</source>
      <translation>听诊器</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="31" />
      <source>submission number</source>
      <translation>答卷编号</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_table.py" line="32" />
      <source>submission time</source>
      <translation>提交时间</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="167" />
      <source>taking anyone free matching ({need}) would leave their department under its minimum cover</source>
      <translation>抽调任何符合条件（{need}）的空闲人员都会使其科室在岗人数低于最低要求</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="78" />
      <source>that closes the gap, with %1</source>
      <translation>即可补足，前提是%1</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="60" />
      <source>the %1 %2 of the month</source>
      <translation>%1%2</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/csvfile.py" line="28" />
      <source>the CSV file is neither UTF-8 nor GBK text</source>
      <translation>CSV 文件既不是 UTF-8 也不是 GBK 文本</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="153" />
      <source>the PostgreSQL driver psycopg is not installed: %1</source>
      <translation>未安装 PostgreSQL 驱动 psycopg：%1</translation>
    </message>
    <message>
      <location filename="../../db/backup.py" line="65" />
      <source>the backup %1 did not check out</source>
      <translation>备份 %1 未通过检查</translation>
    </message>
    <message>
      <location filename="../../db/backup.py" line="105" />
      <source>the backup %1 is damaged too: %2</source>
      <translation>备份 %1 也已损坏：%2</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="221" />
      <source>the best found in the time given</source>
      <translation>在给定时间内找到的最好结果</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="228" />
      <source>the best plan found in the time given</source>
      <translation>在给定时间内找到的最佳方案</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="227" />
      <source>the best plan possible</source>
      <translation>已是最佳方案</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="220" />
      <source>the best possible</source>
      <translation>已是最好</translation>
    </message>
    <message>
      <location filename="../../cli/ics.py" line="25" />
      <source>the calendar is an .ics file: give -o a name ending in .ics, not %1</source>
      <translation>日历是 .ics 文件：-o 请给以 .ics 结尾的文件名，而不是 %1</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="150" />
      <source>the database cannot be read: %1</source>
      <translation>无法读取数据库：%1</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="147" />
      <source>the database refused the change, nothing changed: %1</source>
      <translation>数据库拒绝了这次更改，未做任何更改：%1</translation>
    </message>
    <message>
      <location filename="../../cli/sheets.py" line="57" />
      <source>the database was changed by someone else meanwhile; nothing was imported, run sheet again</source>
      <translation>数据库在此期间被他人修改，未导入任何内容，请重新运行 sheet</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="111" />
      <source>the day after a night: free</source>
      <translation>夜班次日：空闲</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="110" />
      <source>the day after a night: free (the roster marks the rest itself)</source>
      <translation>下夜：夜班次日，空闲（排班表自行标出休息）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="227" />
      <source>the day numbers wrap from the end of a month to its start and can be read two ways: {value} or {other}; a date range in the title (11月26日-12月25日) or a weekday row says which</source>
      <translation>日期数字从月末转到月初，可有两种读法：{value} 或 {other}；请在标题中写明日期范围（11月26日-12月25日）或加一行星期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/grid.py" line="107" />
      <source>the day {value} has a column already ({column})</source>
      <translation>日期 {value} 已有一列（{column}）</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="97" />
      <source>the demo's pairings begin up to %1 years before its year: give a year from %2 to %3</source>
      <translation>演示数据的结对最早在其年份前 %1 年开始：请给出 %2 至 %3 之间的年份</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="161" />
      <source>the details are written to the log %1</source>
      <translation>详细信息已写入日志 %1</translation>
    </message>
    <message>
      <location filename="../../cli/commands.py" line="163" />
      <source>the details could not be written to the log %1 (%2)</source>
      <translation>详细信息无法写入日志 %1（%2）</translation>
    </message>
    <message>
      <location filename="../../reports/picture.py" line="31" />
      <source>the document could not be drawn as a picture: %1</source>
      <translation>无法将文档绘制为图片：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="101" />
      <source>the evening half of the night, 17:30-24:00</source>
      <translation>小夜：17:30-24:00</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="82" />
      <source>the field package key in %1 is damaged</source>
      <translation>%1 中的离线包密钥已损坏</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="101" />
      <source>the file has no sheet named %1 (it has: %2)</source>
      <translation>文件中没有名为 %1 的工作表（现有：%2）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/workbook.py" line="30" />
      <source>the file is larger than {value} MB</source>
      <translation>文件大于 {value} MB</translation>
    </message>
    <message>
      <location filename="../../ui/window/help.py" line="252" />
      <source>the folder “licenses” of the application and each library’s *.dist-info folder</source>
      <translation>程序的“licenses”文件夹，以及各程序库的 *.dist-info 文件夹</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="20" />
      <source>the following arguments are required: %1</source>
      <translation>缺少必需的参数：%1</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="507" />
      <source>the gathering time is 0 to %1 minutes before the start</source>
      <translation>集合时间应为开始前 0 至 %1 分钟</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="94" />
      <source>the header's dates are in {value}, not in the month given</source>
      <translation>表头日期在 {value}，不在指定的月份</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="87" />
      <source>the header's dates are in {value}, outside the years the app takes</source>
      <translation>表头日期在 {value} 年，超出系统可接受的年份</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="85" />
      <source>the header's dates do not say the year: give the month</source>
      <translation>表头日期没有年份：请指定月份</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="83" />
      <source>the hospital's %1</source>
      <translation>医院的%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/guard.py" line="144" />
      <source>the key %1</source>
      <translation>键%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="71" />
      <source>the legend</source>
      <translation>班次说明</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="102" />
      <source>the night from midnight, 00:00-08:00 of that date</source>
      <translation>大夜：当日 00:00-08:00</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="105" />
      <source>the occurrences then: %1</source>
      <translation>届时的场次：%1</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="62" />
      <source>the office server %1 is ready: schema %2, %3 tables, roles %4</source>
      <translation>办公室服务器 %1 已就绪：结构版本 %2，%3 张表，角色 %4</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="69" />
      <source>the official calendar of %1 is not known yet: weekends alone are days off</source>
      <translation>%1 年的法定节假日尚未公布：仅以周末为休息日</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="179" />
      <source>the package cannot be read: it %1</source>
      <translation>无法读取离线包：它%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="239" />
      <source>the package has version %1; this app reads version %2</source>
      <translation>离线包的版本是 %1；本程序读取版本 %2</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="178" />
      <source>the package is damaged or incomplete (it %1)</source>
      <translation>离线包已损坏或不完整（它%1）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="165" />
      <source>the package is larger than %1 MB: not a field package</source>
      <translation>文件大于 %1 MB：不是离线包</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="175" />
      <source>the package is not text (UTF-8): it is damaged or not a field package</source>
      <translation>离线包不是文本（UTF-8）：已损坏或不是离线包</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="181" />
      <source>the package is too large to read: not a field package</source>
      <translation>文件太大，无法读取：不是离线包</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="208" />
      <source>the package lacks its %1 part</source>
      <translation>离线包缺少 %1 部分</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="269" />
      <source>the package records occurrences it was not made for: %1</source>
      <translation>离线包记录了不属于它的场次：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="243" />
      <source>the package was changed outside the app: its checksum does not match</source>
      <translation>离线包在程序外被修改过：校验和不符</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="256" />
      <source>the package was changed outside the app: its seal does not match this database's</source>
      <translation>离线包在程序外被修改过：其封签与本数据库不符</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="245" />
      <source>the package was made from another database, not this one</source>
      <translation>离线包由另一个数据库生成，不是本数据库</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="214" />
      <source>the package's %1 part is not what it must be</source>
      <translation>离线包的 %1 部分格式不对</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="212" />
      <source>the package's window is not a pair of dates</source>
      <translation>离线包的时间段不是两个日期</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="183" />
      <source>the plan was changed by someone else meanwhile; nothing was saved</source>
      <translation>计划在此期间已被他人修改；未保存任何内容</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="33" />
      <source>the review is a PDF or a PNG picture: give -o a name ending in .pdf or .png, not %1</source>
      <translation>复盘是 PDF 或 PNG 图片：-o 请给以 .pdf 或 .png 结尾的文件名，而不是 %1</translation>
    </message>
    <message>
      <location filename="../../cli/roster.py" line="28" />
      <source>the roster is a PDF or a PNG picture: give -o a name ending in .pdf or .png, not %1</source>
      <translation>排班表为 PDF 或 PNG 图片：-o 的文件名应以 .pdf 或 .png 结尾，而不是 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="176" />
      <source>the rule gives more than %1 occurrences</source>
      <translation>该规则产生超过 %1 个场次</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="173" />
      <source>the rule gives two occurrences on %1</source>
      <translation>该规则在 %1 产生两个场次</translation>
    </message>
    <message>
      <location filename="../../scheduler/calendar/recurrence.py" line="181" />
      <source>the rule produces no occurrence within %1 years of its start</source>
      <translation>该规则在开始后 %1 年内不产生任何场次</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="105" />
      <source>the same as row {value}</source>
      <translation>与第 {value} 行相同</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="54" />
      <source>the same weekday</source>
      <translation>同一星期几</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="114" />
      <source>the server %1 did not accept the password of the login %2 (none was given, or it is not the right one)</source>
      <translation>服务器 %1 没有接受登录名 %2 的密码（未提供密码，或密码不对）</translation>
    </message>
    <message>
      <location filename="../../db/pg_store.py" line="207" />
      <source>the server database %1 has an older schema (run: server init --db URL)</source>
      <translation>服务器数据库 %1 的结构较旧（请运行：server init --db URL）</translation>
    </message>
    <message>
      <location filename="../../db/pg_store.py" line="205" />
      <source>the server database %1 has no plan of this app yet (run: server init --db URL)</source>
      <translation>服务器数据库 %1 中还没有本应用的计划（请先运行：server init --db URL）</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="137" />
      <source>the server does not answer (the connection was lost); nothing half-done was kept, try again once it answers: %1</source>
      <translation>服务器没有响应（连接已断开）；未完成的修改没有保存，请在服务器恢复后重试：%1</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="177" />
      <source>the server refused it for %1: %2</source>
      <translation>服务器拒绝了 %1 的此操作：%2</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="166" />
      <source>the server refused it for %1: a recorder records only for the activities of their own branches (%2)</source>
      <translation>服务器拒绝了 %1 的此操作：记录员只能为本支部组织的活动记录完成情况（%2）</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="173" />
      <source>the server refused it for %1: the login's role does not allow this change (%2)</source>
      <translation>服务器拒绝了 %1 的此操作：该登录名的角色不允许这项修改（%2）</translation>
    </message>
    <message>
      <location filename="../../db/pg.py" line="178" />
      <source>the server refused it: %1</source>
      <translation>服务器拒绝了此操作：%1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="50" />
      <source>the sheet does not say which department it is for: give the department</source>
      <translation>表格没有写明科室：请指定科室</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="112" />
      <source>the sheet does not say which month it is for: give the month</source>
      <translation>表格没有写明月份：请指定月份</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/sheet.py" line="45" />
      <source>the sheet has more than {value} rows</source>
      <translation>工作表超过 {value} 行</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="272" />
      <source>the sheet is for {value} by one name and month {other} by another ({name}): give the month</source>
      <translation>按一处名称此表是 {value}，按另一处（{name}）是 {other} 月：请指定月份</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/duty_import.py" line="225" />
      <source>the sheet is hidden in the workbook: it is not read (a roster kept for the record)</source>
      <translation>该工作表在工作簿中被隐藏：不读取（留档的旧排班表）</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="114" />
      <source>the tightest pools:</source>
      <translation>最紧张的资质池：</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="48" />
      <source>the title says {value}, not the month given ({month})</source>
      <translation>标题写的是 {value}，与指定的月份（{month}）不符</translation>
    </message>
    <message>
      <location filename="../../cli/server.py" line="49" />
      <source>the two passwords differ; nothing was changed</source>
      <translation>两次输入的密码不同，未做任何更改</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="248" />
      <source>the weekdays written do not fit the dates read, in {value}: check the month or the title's dates</source>
      <translation>表中所写星期与读出的日期不符：{value}；请检查月份或标题中的日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="240" />
      <source>the weekdays written do not fit the dates read, in {value}; they fit {other}: give that month, or a date range in the title (11月26日-12月25日)</source>
      <translation>表中所写星期与读出的日期不符：{value}；它们与 {other} 相符：请指定该月份，或在标题中写明日期范围（11月26日-12月25日）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/guards.py" line="170" />
      <source>the workbook has more than {value} cells</source>
      <translation>工作簿超过 {value} 个单元格</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/workbook.py" line="115" />
      <source>the workbook has no worksheet</source>
      <translation>工作簿中没有工作表</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="32" />
      <source>the workbook is .xlsx: give -o a name ending in .xlsx, not %1</source>
      <translation>工作簿是 .xlsx 文件：-o 请给以 .xlsx 结尾的文件名，而不是 %1</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/guards.py" line="31" />
      <source>the workbook is protected by a password: open it in Excel or WPS, remove the password and save it as .xlsx</source>
      <translation>工作簿设置了密码：请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="51" />
      <source>then rest until %1</source>
      <translation>之后休息至 %1</translation>
    </message>
    <message>
      <location filename="../../db/store.py" line="271" />
      <source>there is no database at %1</source>
      <translation>%1 处没有数据库</translation>
    </message>
    <message>
      <location filename="../../cli/common.py" line="57" />
      <source>there is no database at %1 (nothing was created; check --db, or make one with import or demo)</source>
      <translation>%1 处没有数据库（未创建任何文件；请检查 --db，或用 import 或 demo 建立数据库）</translation>
    </message>
    <message>
      <location filename="../../cli/shift_codes.py" line="89" />
      <source>there is no shift code %1 (the codes: %2)</source>
      <translation>没有班次代码 %1（现有代码：%2）</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="73" />
      <source>these pairings' visits of the year planned month by month as the workbook's “Visits not yet planned”, row “moved”, gives them (only the moved visits planned is not enough)</source>
      <translation>这些结对全年的走访按预测工作簿“尚未排期的走访”表“调整”一行逐月排定（只排定被移动的走访还不够）</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="42" />
      <source>third</source>
      <translation>第三个</translation>
    </message>
    <message>
      <location filename="../../db/field.py" line="148" />
      <source>this database has no key to check the package's seal: it did not make it</source>
      <translation>本数据库没有核验离线包封签的密钥：离线包不是它生成的</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/field.py" line="236" />
      <source>this is not a field package</source>
      <translation>这不是离线包</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/planfile/activities.py" line="162" />
      <source>this occurrence is moved twice</source>
      <translation>该场次被调整了两次</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="302" />
      <source>time zone</source>
      <translation>时区</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="184" />
      <source>to be arranged</source>
      <translation>待安排</translation>
    </message>
    <message>
      <location filename="../../reports/notice.py" line="155" />
      <source>to be decided</source>
      <translation>待定</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/codes.py" line="127" />
      <source>training at another hospital (进修): away all day</source>
      <translation>外出进修：全天不在</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="86" />
      <source>unavailable</source>
      <translation>不可用</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="33" />
      <source>unexpected option string: %1</source>
      <translation>意外的选项：%1</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="32" />
      <source>unknown command %1 (choose from %2)</source>
      <translation>未知的命令 %1（可选：%2）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="56" />
      <source>unknown kind {value}</source>
      <translation>未知类型“{value}”</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="55" />
      <source>unknown qualification {value}</source>
      <translation>未知资质“{value}”</translation>
    </message>
    <message>
      <location filename="../../db/pg_server.py" line="235" />
      <source>unknown role %1 (planner, recorder or viewer)</source>
      <translation>未知角色 %1（应为 planner、recorder 或 viewer）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="164" />
      <source>unknown shift code {value} (define it in Settings ▸ Shift codes, or: shift-codes set {value} MEANING)</source>
      <translation>未知班次代码 {value}（请在 设置 ▸ 班次代码 中定义，或运行：shift-codes set {value} 含义）</translation>
    </message>
    <message>
      <location filename="../../cli/argparse_text.py" line="21" />
      <source>unrecognized arguments: %1</source>
      <translation>无法识别的参数：%1</translation>
    </message>
    <message>
      <location filename="../../cli/sheet_duty.py" line="61" />
      <source>very hidden</source>
      <translation>深度隐藏</translation>
    </message>
    <message>
      <location filename="../../ui/office/requests_page.py" line="73" />
      <source>wanted date passed</source>
      <translation>期望日期已过</translation>
    </message>
    <message>
      <location filename="../../cli/plan_files.py" line="86" />
      <source>warning: %1</source>
      <translation>警告：%1</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="55" />
      <source>week %1 (%2 – %3)</source>
      <translation>第 %1 周（%2 – %3）</translation>
    </message>
    <message>
      <location filename="../../cli/review.py" line="95" />
      <source>week ahead: %1 occurrences, %2 open places, %3 conflicts, %4 requests falling due</source>
      <translation>下周：%1 场次，%2 个空缺岗位，%3 项冲突，%4 个点单到期</translation>
    </message>
    <message>
      <location filename="../../reports/forecast.py" line="80" />
      <source>with %1</source>
      <translation>前提是%1</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="88" />
      <source>worked out in %1 s</source>
      <translation>用时 %1 秒</translation>
    </message>
    <message>
      <location filename="../../ui/office/review_page.py" line="227" />
      <source>working it out…</source>
      <translation>正在计算…</translation>
    </message>
    <message>
      <location filename="../../cli/assign.py" line="158" />
      <source>would add %1 assignment(s)</source>
      <translation>将新增 %1 条排班</translation>
    </message>
    <message>
      <location filename="../../cli/forecast.py" line="51" />
      <source>wrote %1</source>
      <translation>已写入 %1</translation>
    </message>
    <message>
      <location filename="../../cli/ics.py" line="43" />
      <source>wrote %1: %2 event(s) from %3 to %4</source>
      <translation>已写入 %1：%3 至 %4 共 %2 个日程</translation>
    </message>
    <message>
      <location filename="../../cli/field.py" line="46" />
      <source>wrote %1: %2 occurrence(s) from %3 to %4</source>
      <translation>已写入 %1：%3 至 %4 共 %2 个场次</translation>
    </message>
    <message>
      <location filename="../../cli/roster.py" line="67" />
      <source>wrote %1: %2 – %3</source>
      <translation>已写入 %1：%2 – %3</translation>
    </message>
    <message>
      <location filename="../../cli/args.py" line="56" />
      <source>year out of range: %1 (years lie between %2 and %3)</source>
      <translation>年份超出范围：%1（年份须在 %2 至 %3 之间）</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="106" />
      <source>{a} ({when}) falls on a statutory holiday: {holiday}.</source>
      <translation>{a}（{when}）适逢法定节假日：{holiday}。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="85" />
      <source>{a} ({when}) has no lead who is a party member.</source>
      <translation>{a}（{when}）没有党员带队。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="61" />
      <source>{department} keeps only {present} of the {minimum} people it needs in the hospital {when}, because of {occurrences}.</source>
      <translation>{department}在 {when} 院内仅剩 {present} 人，低于最低在岗 {minimum} 人，原因：{occurrences}。</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/grid.py" line="97" />
      <source>{month} has no day {value}</source>
      <translation>{month} 没有 {value} 日</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="281" />
      <source>{name} already carries {bound} h in the window</source>
      <translation>{name}在该时段内已承担 {bound} 小时</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="254" />
      <source>{name}: {value} ({status})</source>
      <translation>{name}：{value}（{status}）</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="285" />
      <source>{pool} needs {places} places and {people} people can take them</source>
      <translation>{pool}需要 {places} 个岗位，而能胜任的只有 {people} 人</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="78" />
      <source>{staff} at {station} of {a} ({when}) meets none of the station's needs.</source>
      <translation>{staff}被排在{a}（{when}）的{station}，但不符合该摊位的任何需求。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="54" />
      <source>{staff} is assigned to {a} ({when}) but is away: {reasons}.</source>
      <translation>{staff}被排到{a}（{when}），但其{reasons}。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="47" />
      <source>{staff} is booked twice: {a} and {b} overlap ({when}).</source>
      <translation>{staff}时间冲突：{a}与{b}重叠（{when}）。</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="99" />
      <source>{staff} is planned for {hours} h of outreach in {month}, over the cap of {cap} h.</source>
      <translation>{staff}在 {month} 计划外出服务 {hours} 小时，超过上限 {cap} 小时。</translation>
    </message>
    <message>
      <location filename="../../reports/messages.py" line="196" />
      <source>{station} of {activity} {day}: {missing} missing</source>
      <translation>{activity} {day} 的{station}：缺 {missing} 人</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="71" />
      <source>{station} of {a} ({when}) is understaffed: {met} of {needed} places filled.</source>
      <translation>{a}（{when}）的{station}人员不足：需 {needed} 人，已满足 {met} 人。</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="222" />
      <source>{value} ends before it starts</source>
      <translation>{value} 的结束早于开始</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="143" />
      <source>{value} is in the roster twice (row {first})</source>
      <translation>{value} 在排班表中出现两次（第 {first} 行）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="189" />
      <source>{value} is neither urgent nor normal</source>
      <translation>{value} 既不是紧急也不是一般</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="204" />
      <source>{value} is not a date</source>
      <translation>{value} 不是日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="176" />
      <source>{value} is not a date and time</source>
      <translation>{value} 不是日期时间</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/dates.py" line="140" />
      <source>{value} is not a date the app takes</source>
      <translation>{value} 不是系统可接受的日期</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="39" />
      <source>{value} is not a number of hours a month</source>
      <translation>{value} 不是每月小时数</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="40" />
      <source>{value} is not a number of people</source>
      <translation>{value} 不是人数</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="73" />
      <source>{value} is not a phone number</source>
      <translation>“{value}”不是电话号码</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="50" />
      <source>{value} is not a staff status (在职, 返聘, 离职, 退休 …)</source>
      <translation>{value} 不是人员状态（在职、返聘、离职、退休等）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/service_requests.py" line="211" />
      <source>{value} is not a time of day</source>
      <translation>{value} 不是时刻</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/spreadsheet/readers.py" line="48" />
      <source>{value} is not a 政治面貌 the app knows (中共党员, 中共预备党员, 群众 …)</source>
      <translation>{value} 不是本软件认识的政治面貌（中共党员、中共预备党员、群众 …）</translation>
    </message>
    <message>
      <location filename="../../scheduler/exchange/duty/people.py" line="36" />
      <source>{value} names several departments ({names}): give the department</source>
      <translation>{value} 写了多个科室（{names}）：请指定科室</translation>
    </message>
    <message>
      <location filename="../../scheduler/conflicts/kinds.py" line="92" />
      <source>{venue} is booked twice: {a} and {b} overlap ({when}).</source>
      <translation>{venue}场地冲突：{a}与{b}重叠（{when}）。</translation>
    </message>
    <message>
      <location filename="../../ui/session.py" line="206" />
      <source>“%1” cannot be undone; the undo history was cleared.</source>
      <translation>“%1”无法撤销；撤销记录已清空。</translation>
    </message>
    <message>
      <location filename="../../ui/calendar/activity_editor.py" line="432" />
      <source>“%1” is required.</source>
      <translation>“%1”为必填项。</translation>
    </message>
    <message>
      <location filename="../../db/operations.py" line="103" />
      <source>“%1” is still referred to by %2 record(s): %3</source>
      <translation>“%1”仍被 %2 条记录引用：%3</translation>
    </message>
    <message>
      <location filename="../../ui/edits.py" line="43" />
      <source>… and %1 more</source>
      <translation>……另有 %1 条</translation>
    </message>
    <message>
      <location filename="../../cli/find.py" line="69" />
      <source>… and %1 more (--json lists them all)</source>
      <translation>… 另有 %1 条（--json 可列出全部）</translation>
    </message>
    <message>
      <location filename="../../ui/assign/pick_dialog.py" line="180" />
      <source>★ party member · suitable people first: free, qualified, from the organizing branch, fewest hours</source>
      <translation>★ 党员 · 合适人选排在前面：空闲、资质相符、来自牵头支部、本月时长最少</translation>
    </message>
    <message>
      <location filename="../../reports/review.py" line="284" />
      <source>✓ held: people served · volunteer hours; ！ conflicts the occurrence carries</source>
      <translation>✓ 已举办：服务人数 · 志愿服务时长；！ 该场次的冲突数</translation>
    </message>
  </context>
</TS>
