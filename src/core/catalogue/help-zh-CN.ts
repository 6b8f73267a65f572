/**
 * The command line's help in Simplified Chinese: `guiyan --help` and each command's `--help`.
 * Options, metavariables (FILE, N, DIR), file names and codes stay as typed. In `text`, {common}
 * stands for the options every command shares, {outcomes} for the outcome codes and {min} for the
 * fewest ratings a score rests on. `help-en.ts` has the same keys (the type checks it).
 */
export const helpZhCN = {
  tagline: 'guiyan — 为返乡创业人员匹配可享受的扶持政策',
  usage: '用法：guiyan <命令> [选项]   （guiyan <命令> --help 查看详情；guiyan --version 查看版本）',
  common: `  --rules DIR      规则文件夹（默认为当前目录下的 ./rules，没有则用 guiyan 自带的规则）
  --as-of DATE     按此日期判定（YYYY-MM-DD 或 ISO 时间；默认今天）
  --locale L       zh-CN（默认）或 en
  --json           以 JSON 输出数据
  -h, --help       显示本帮助`,
  commands: {
    match: {
      summary: '按规则逐项判定画像',
      text: `guiyan match <profile.json | profiles.jsonl | 文件夹> [选项]

按每项有效政策判定每个画像，列出结果、金额和主要依据。

{common}
  --all            同时列出其他地区的政策和不符合的政策`,
    },
    recommend: {
      summary: '为每个人排序政策并说明理由',
      text: `guiyan recommend <profile.json | profiles.jsonl | 文件夹> [选项]

为每个人排序其所在地区的政策：符合的在前，待确认的按可能性×价值排序；
附上决定每项结论的依据，以及可以同时享受的最佳组合。

{common}
  --limit N        每人最多列出 N 项政策
  --near-misses    加上不符合但只差一点的政策，以及怎样才能符合`,
    },
    search: {
      summary: '按自由文本找政策（找政策）',
      text: `guiyan search "<查询词>" [选项]

找政策：用中文或英文自由查找政策——标题、摘要、标签、同义词
（“借钱”“补助”“土地”）、错别字、部分词语、拼音和拼音首字母。

{common}
  --profile FILE   列出每条结果对此人的判定（不符合的排在后面）
  --limit N        最多 N 条结果（默认 10）`,
    },
    ask: {
      summary: '逐个提问最有用的问题，直到结果确定',
      text: `guiyan ask [profile.json] [选项]

先问最能确定结果的问题，从标准输入的下一行读取回答，如此反复直到无可再问，
然后列出排序结果。回答方式与聊天相同：“是/否”“35”“3万”“2023年6月”“无”、
选项序号“1,3”、地名；回复“跳过”可跳过。可用管道逐行传入回答。

{common}
  --max N          最多问 N 个问题（默认 30）`,
    },
    chat: {
      summary: '在终端与聊天/短信机器人对话',
      text: `guiyan chat [选项]

在终端里与机器人对话：标准输入的每一行是一条来信，每条回复按机器人实际发送的样子输出
（退订后不再回复）。可用管道传入：
  printf '你好\\n想贷款\\n详情 2\\n' | guiyan chat --channel sms

{common}
  --channel C      sms（默认；一条70字短信）或 chat
  --signature S    短信签名，计入长度（默认【归雁服务】；'' 表示不加）
  --part-cap N     一条短信回复最多分几条（默认 1）
  --officers FILE  服务专员（JSON 数组，如 fixtures/officers.json），用于“转人工”`,
    },
    projects: {
      summary: '排序返乡创业项目（找项目）及可资助的政策',
      text: `guiyan projects <profile.json | profiles.jsonl | 文件夹> [选项]

为每个画像排序 <rules>/projects 下的返乡创业项目，列出 <rules> 下可资助每个项目的政策，
并可指定跟进此人的服务专员。

{common}
  --limit N        每个画像列出的项目数（默认 5）
  --all            排序所有地区的项目，包括不适合的项目
  --officers FILE  服务专员（JSON 数组，如 fixtures/officers.json）：每个画像分配一名，均衡工作量`,
    },
    screen: {
      summary: '筛查名册，为变化的结果安排消息',
      text: `guiyan screen --profiles FILE.jsonl --store PATH|postgres://URL --out DELIVERIES.jsonl [选项]

按全部规则筛查名册（JSON Lines，每行一个画像），为每人自上次筛查以来的变化安排一条消息。
历次筛查的记录存放在存储中：SQLite 文件（不存在时新建）或 PostgreSQL 数据库
（postgres://…；用 ?schema=NAME 指定模式）。每批人员与其消息一起提交到存储的待发队列，
任何时候中断都不会丢失：重新运行会按相同的消息编号安排其余部分。
--out 写出所有尚未交付的消息，每行一条
（{ id, profileId, policyIds, channel, to, text, sendAt, kinds }），经临时文件、fsync 和改名写入，
之后才记为已告知。不加 --out 时，消息以打码的手机号显示，并留在待发队列中。
同一存储一次只能运行一个筛查：另一个运行会因“忙”而停止（或加 --wait 等待）。

{common}
  --profiles FILE  名册，JSON Lines
  --store S        筛查存储：SQLite 文件路径或 postgres:// 地址
  --out FILE       要交付的消息，JSON Lines
  --wait SECONDS   存储被另一个运行占用时，最多等待的秒数（默认 0）
  --batch N        每个事务的人数（默认 2000）
  --window-days N  截止日期前多少天提醒（默认 14）
  --signature S    短信签名，置于【】中（默认 归雁服务）
  --part-cap N     每条短信最多分几条（默认 1）
  --channels C     prefer-chat（默认）或 both
  --officers FILE  服务专员（JSON 数组）：每项跟进交给覆盖该地、在办最少的专员
  --state FILE     已弃用：早期版本的 JSON 状态文件（用 guiyan store import 导入存储）`,
    },
    store: {
      summary: '把 JSON 状态导入存储，或统计存储中的内容',
      text: `guiyan store import --state STATE.json --store PATH|postgres://URL
guiyan store info --store PATH|postgres://URL [--json]

import  把 JSON 筛查状态（早期版本的 --state 文件）导入新的存储：
        结论、已告知的内容、跟进和办理结果。存储中须尚无人员。
info    统计存储中的内容。

{common}
  --store S        SQLite 文件路径（不存在时新建）或 postgres:// 地址（?schema=NAME）
  --state FILE     要导入的 JSON 状态`,
    },
    outcome: {
      summary: '记录办理结果（问效）和评价（归雁集中评价）',
      text: `guiyan outcome --store S --profile ID --policy ID --outcome OUTCOME [--amount N] [--rating 1-5 --department NAME --officer ID]

问效：记录一个人一项政策推送后的结果。最终结果（granted、rejected、not-interested）
会关闭此人该政策所有未完成的跟进；其他结果关闭已到期的跟进。加 --rating 时，
同时记录此人对服务部门和专员的评价（归雁集中评价）。多名专员可同时记录。

{common}
  --store S        筛查存储：SQLite 文件路径或 postgres:// 地址
  --profile ID     人员
  --policy ID      政策
  --outcome O      {outcomes}
  --amount N       获批（或申请）金额
  --rating R       1（差）到 5（很好）
  --department D   被评价的部门（与 --rating 一起使用）
  --officer ID     被评价的专员
  --as-of DATE     发生日期（默认今天）`,
    },
    find: {
      summary: '政策找人：在名册所在处以 SQL 运行政策（DuckDB 或 PostgreSQL）',
      text: `guiyan find --register FILE|URL --policy ID [--policy ID …] [选项]

政策找人：在名册所在处以 SQL 运行政策——people.jsonl 或 people.parquet 用 DuckDB，
postgres://user@host:port/database/table 用 PostgreSQL——按政策列出符合、待确认、
不符合的人数，符合者（编号打码），可判定待确认者的信息，以及是否可免申即享
（政策读取的每个字段名册中都有）。JSON Lines 名册中不合格的行逐行报告并跳过。

{common}
  --register R     people.jsonl | people.parquet | postgres://…/database/table
  --policy ID      要运行的政策（可重复；默认为所有有效政策）
  --set P=V        政策沙盘：试一个参数值（P 为参数名或 政策编号.参数名；可重复）
  --with-rules DIR 政策沙盘：试修改后的规则文件（按政策编号对应）
  --limit N        每项政策列出的符合者编号数（默认 20）`,
    },
    report: {
      summary: '推送、申请、获批的漏斗；部门和专员的评分',
      text: `guiyan report --store S [--by policy|region] [--json]
guiyan report --store S --due DATE [--json]

问效：按政策和地区列出 推送 → 申请 → 获批 的漏斗及金额；
归雁集中评价：按返乡人员的评价给出每个部门和专员的评分及评价条数（不足 {min} 条不评分）。

{common}
  --store S        筛查存储：SQLite 文件路径或 postgres:// 地址
  --by KEY         只列出按政策（policy）或按地区（region）的漏斗
  --due DATE       改为列出在 DATE（YYYY-MM-DD）当天或之前到期的未完成跟进
  --state FILE     已弃用：早期版本的 JSON 状态文件（只有漏斗）`,
    },
    lint: {
      summary: '检查规则文件中加载时发现不了的错误',
      text: `guiyan lint [DIR] [选项]

检查规则文件中仅靠加载发现不了的问题：拼错的字段（附“是不是要找”）、永远不成立或永远成立的条件、
已过有效期的政策、多年未更新的参数、排除了不存在的政策、未标注 sample 的示例规则，
以及缺少有日期、已印发出处的全国性规则。有错误时退出码为 1，只有警告时为 0。

{common}
  --stale-years N  标出最新取值早于 N 年前的参数（默认 5）`,
    },
    test: {
      summary: '运行规则文件中内嵌的测试用例',
      text: `guiyan test [选项]

运行每个规则文件（政策，以及 projects/ 下的项目）中内嵌的测试用例，逐个报告失败的用例及其文件。

{common}`,
    },
  },
};

/** The shape of the help in every locale. */
export type HelpWords = typeof helpZhCN;
/** The commands, by name. */
export type CommandName = keyof HelpWords['commands'];
