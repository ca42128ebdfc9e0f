<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>app</name>
    <message>
      <location filename="../../ui/table.py" line="305" />
      <source> and %1 more</source>
      <translation> 等另外 %1 项</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="317" />
      <source>%1 exists already.</source>
      <translation>%1 已存在。</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="342" />
      <source>%1 is still referred to by %2 record(s). Change or delete those first:</source>
      <translation>%1 仍被 %2 条记录引用。请先修改或删除这些记录：</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="243" />
      <source>%1 of %2 shown</source>
      <translation>显示 %1 / 共 %2 条</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="92" />
      <source>%1 was not imported; the database is unchanged. Problems found: %2</source>
      <translation>%1 未导入，数据库没有任何改动。发现的问题：%2 个</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="222" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="218" />
      <source>&amp;Export plan file…</source>
      <translation>导出计划文件(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="211" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="234" />
      <source>&amp;Hospital…</source>
      <translation>医院信息(&amp;H)…</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="217" />
      <source>&amp;Import plan file…</source>
      <translation>导入计划文件(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="235" />
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="212" />
      <source>&amp;New database…</source>
      <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="213" />
      <source>&amp;Open database…</source>
      <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="220" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="214" />
      <source>&amp;Recent databases</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="225" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="233" />
      <source>&amp;Settings</source>
      <translation>设置(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="223" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="49" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="252" />
      <source>(not set)</source>
      <translation>（未设置）</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="184" />
      <source>A branch is built on at least one department.</source>
      <translation>党支部至少要建在一个科室上。</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="232" />
      <source>A party member belongs to a party branch.</source>
      <translation>党员须归属一个党支部。</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="118" />
      <source>A phone number has digits only (with + or - where needed).</source>
      <translation>电话号码只能包含数字（必要时可含 + 或 -）。</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="259" />
      <source>Active</source>
      <translation>在岗</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="65" />
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="25" />
      <source>Acupuncture</source>
      <translation>针刺</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="149" />
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="275" />
      <source>Add %1 %2</source>
      <translation>新增%1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="116" />
      <source>Add need</source>
      <translation>添加需求</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="350" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="336" />
      <source>Aged 60+</source>
      <translation>60岁以上占比</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="16" />
      <source>Agency</source>
      <translation>机关单位</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="220" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="502" />
      <source>An ID has letters, digits, “-”, “_” or “.” only.</source>
      <translation>编号只能包含字母、数字、“-”、“_”或“.”。</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="67" />
      <source>Assignment</source>
      <translation>排班</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="126" />
      <source>Campus</source>
      <translation>院区</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="125" />
      <source>Campuses</source>
      <translation>院区</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="211" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="340" />
      <source>Cannot delete</source>
      <translation>无法删除</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="127" />
      <source>Cannot open database</source>
      <translation>无法打开数据库</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="117" />
      <source>Clinical hours from</source>
      <translation>临床工作时间自</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="144" />
      <source>Clinical hours must end after they start.</source>
      <translation>临床工作时间的结束须晚于开始。</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="118" />
      <source>Clinical hours until</source>
      <translation>临床工作时间至</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="10" />
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="306" />
      <source>Community outreach scheduler</source>
      <translation>社区健康外联排班系统</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="337" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="353" />
      <source>Contact name</source>
      <translation>联系人姓名</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="198" />
      <source>Contact person</source>
      <translation>联络人</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="354" />
      <source>Contact phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="301" />
      <source>Could not undo or redo</source>
      <translation>无法撤销或重做</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="397" />
      <source>Creating the demo hospital…</source>
      <translation>正在生成演示医院…</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="313" />
      <source>Databases (*.sqlite3 *.db)</source>
      <translation>数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="326" />
      <source>Databases (*.sqlite3 *.db);;All files (*)</source>
      <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="153" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="313" />
      <source>Delete %1</source>
      <translation>删除 %1</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="309" />
      <source>Delete %1? You can undo this with Ctrl+Z.</source>
      <translation>确定删除 %1？可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="315" />
      <source>Deleted.</source>
      <translation>已删除。</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="400" />
      <source>Demo hospital</source>
      <translation>演示医院</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="111" />
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="142" />
      <source>Departments</source>
      <translation>科室</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="32" />
      <source>Dietitian</source>
      <translation>营养师</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="334" />
      <source>District</source>
      <translation>所在区</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="466" />
      <source>Duration (minutes)</source>
      <translation>时长（分钟）</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="28" />
      <source>ECG</source>
      <translation>心电图</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="151" />
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="185" />
      <source>Edit %1</source>
      <translation>编辑%1</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="292" />
      <source>Edit %1 %2</source>
      <translation>编辑%1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="410" />
      <source>Edit hospital</source>
      <translation>编辑医院信息</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="175" />
      <source>Empty hospital</source>
      <translation>空白医院</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="13" />
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="362" />
      <source>Export plan file</source>
      <translation>导出计划文件</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="376" />
      <source>Exported to %1.</source>
      <translation>已导出到 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="29" />
      <source>First-aid instructor</source>
      <translation>急救培训师</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="407" />
      <source>From</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="246" />
      <source>Full name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="107" />
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="88" />
      <source>Hospital name</source>
      <translation>医院名称</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="256" />
      <source>Hours cap / month</source>
      <translation>每月时长上限</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="129" />
      <source>ID</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="79" />
      <source>Import a plan file…</source>
      <translation>导入计划文件…</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="180" />
      <source>Import plan file</source>
      <translation>导入计划文件</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="349" />
      <source>Imported %1.</source>
      <translation>已导入 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="357" />
      <source>Importing %1…</source>
      <translation>正在导入 %1…</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="333" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="34" />
      <source>Lab technician</source>
      <translation>检验技师</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="97" />
      <source>Later</source>
      <translation>稍后</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="17" />
      <source>Mall</source>
      <translation>商场</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="26" />
      <source>Massage (tuina)</source>
      <translation>推拿</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="199" />
      <source>Members</source>
      <translation>党员数</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="149" />
      <source>Minimum on duty</source>
      <translation>最低在岗人数</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="275" />
      <source>Most outreach hours a month; empty: no cap.</source>
      <translation>每月外出服务的最多小时数；不设置表示不限。</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="27" />
      <source>Moxibustion</source>
      <translation>艾灸</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="130" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="207" />
      <source>Named contact for the partners.</source>
      <translation>与结对单位对接的联络人。</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="467" />
      <source>Needs</source>
      <translation>人员需求</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="185" />
      <source>New %1</source>
      <translation>新增%1</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="313" />
      <source>New database</source>
      <translation>新建数据库</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="53" />
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="326" />
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="23" />
      <source>Nurse</source>
      <translation>护士</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="234" />
      <source>Only party members have a party branch.</source>
      <translation>只有党员才有所属党支部。</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="324" />
      <source>Open database</source>
      <translation>打开数据库</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="49" />
      <source>Organisation</source>
      <translation>组织架构</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="18" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="305" />
      <source>Outreach scheduler</source>
      <translation>外联排班</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="339" />
      <source>Paired branches</source>
      <translation>结对支部</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="401" />
      <source>Pairing</source>
      <translation>结对共建</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="400" />
      <source>Pairings</source>
      <translation>结对共建</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="328" />
      <source>Partner</source>
      <translation>结对单位</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="327" />
      <source>Partners</source>
      <translation>结对单位</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="191" />
      <source>Party branch</source>
      <translation>党支部</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="190" />
      <source>Party branches</source>
      <translation>党支部</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="249" />
      <source>Party member</source>
      <translation>党员</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="111" />
      <source>People</source>
      <translation>人员</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="163" />
      <source>People who must stay in the hospital during clinical hours.</source>
      <translation>临床工作时间内必须留在医院的人数。</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="30" />
      <source>Pharmacist</source>
      <translation>药师</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="254" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="22" />
      <source>Physician</source>
      <translation>医师</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="81" />
      <source>Plan file not imported</source>
      <translation>计划文件未导入</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="180" />
      <source>Plan files (*.json)</source>
      <translation>计划文件 (*.json)</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="335" />
      <source>Population</source>
      <translation>人口</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="33" />
      <source>Psychologist</source>
      <translation>心理咨询师</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="111" />
      <source>Qualification</source>
      <translation>资质</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="252" />
      <source>Qualifications</source>
      <translation>资质</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="68" />
      <source>Record</source>
      <translation>服务记录</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="31" />
      <source>Rehabilitation therapist</source>
      <translation>康复治疗师</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="117" />
      <source>Remove need</source>
      <translation>删除需求</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="210" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="281" />
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="14" />
      <source>School</source>
      <translation>学校</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="139" />
      <source>Search…</source>
      <translation>搜索…</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="197" />
      <source>Secretary</source>
      <translation>支部书记</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="461" />
      <source>Service</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="460" />
      <source>Service catalogue</source>
      <translation>服务项目库</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="66" />
      <source>Service request</source>
      <translation>点单</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="51" />
      <source>Services</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="352" />
      <source>Share of residents aged 60 or over.</source>
      <translation>60岁及以上居民所占比例。</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="199" />
      <source>Something went wrong</source>
      <translation>出错了</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="241" />
      <source>Staff</source>
      <translation>职工</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="242" />
      <source>Staff member</source>
      <translation>职工</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="262" />
      <source>Staff number, unique in the hospital.</source>
      <translation>工号，全院唯一。</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="96" />
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="78" />
      <source>Start an empty hospital</source>
      <translation>从空白医院开始</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="77" />
      <source>Start with the demo hospital (made-up people, to look around)</source>
      <translation>使用演示医院（虚构人员，便于熟悉功能）</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="15" />
      <source>Station</source>
      <translation>车站</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="11" />
      <source>Subdistrict</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="24" />
      <source>TCM physician</source>
      <translation>中医师</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="504" />
      <source>The ID %1 is taken already.</source>
      <translation>编号 %1 已被使用。</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="243" />
      <source>The ID of a saved record does not change.</source>
      <translation>已保存记录的编号不能修改。</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="200" />
      <source>The action could not be completed: %1
Details were written to %2.</source>
      <translation>操作未能完成：%1
详细信息已写入 %2。</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="326" />
      <source>The change was not saved: %1</source>
      <translation>修改未保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="70" />
      <source>The file has %1 problem(s); nothing was imported.</source>
      <translation>文件中有 %1 个问题，未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="171" />
      <source>The minimum on duty is more than the department's active staff.</source>
      <translation>最低在岗人数超过了该科室的在岗职工数。</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="394" />
      <source>The pairing cannot end before it starts.</source>
      <translation>结对结束日期不能早于开始日期。</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="418" />
      <source>The yearly visit target.</source>
      <translation>每年计划走访次数。</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="101" />
      <source>This database is empty. How would you like to begin?</source>
      <translation>这个数据库是空的。您想如何开始？</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="248" />
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="35" />
      <source>Ultrasound</source>
      <translation>超声</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="73" />
      <source>Unexpected error: %1</source>
      <translation>意外错误：%1</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="408" />
      <source>Until</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="12" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="409" />
      <source>Visits a year</source>
      <translation>年度走访目标</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="75" />
      <source>Welcome</source>
      <translation>欢迎</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="473" />
      <source>Who must go: each line is met by that many people.</source>
      <translation>需要谁去：每一行需要相应人数的人员满足。</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" line="58" />
      <source>Working…</source>
      <translation>处理中…</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="53" />
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="133" />
      <source>any department</source>
      <translation>任意科室</translation>
    </message>
    <message>
      <location filename="../../ui/editor.py" line="140" />
      <source>any qualification</source>
      <translation>任意资质</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="450" />
      <source>anyone</source>
      <translation>任何人</translation>
    </message>
    <message>
      <location filename="../../ui/entities.py" line="265" />
      <source>e.g. 主治医师</source>
      <translation>例如：主治医师</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="111" />
      <source>“%1” is required.</source>
      <translation>“%1”为必填项。</translation>
    </message>
    <message>
      <location filename="../../ui/table.py" line="337" />
      <source>… and %1 more</source>
      <translation>……另有 %1 条</translation>
    </message>
  </context>
</TS>
