/**
 * Every word guiyan shows in Simplified Chinese, in one place. `en.ts` has the same keys: its type is
 * this object's, so a missing or extra key fails the typecheck. Code asks `wordsFor(locale)`
 * (index.ts) and never branches on the locale.
 */
import { botZhCN } from './bot-zh-CN.js';

export const zhCN = {
  /** The chat and SMS bot (bot-zh-CN.ts). */
  bot: botZhCN,
  /** One word per status, wherever a status is shown. */
  status: { eligible: '符合', unknown: '待确认', ineligible: '不符合' },
  list: {
    sep: '、',
    /** Clauses of one sentence. */
    clauses: '；',
    /** A long list cut to its first items: "甲、乙、丙等5项". */
    more: (shown: string, total: number, _extra: number) => `${shown}等${total}项`,
  },
  value: {
    unknown: '未知',
    none: '无',
    yes: '是',
    no: '否',
    withUnit: (value: number | string, unit: string) => `${value}${unit}`,
    /** An approximate answer: every value from one end to the other. */
    about: (lo: string, hi: string) => `约${lo}至${hi}`,
  },
  money: {
    cny: (value: number) => (value >= 10_000 && value % 100 === 0 ? `${value / 10_000}万元` : `${value}元`),
    upTo: (amount: string) => `最高${amount}`,
    /** Which figure applied for a parameter regions may set: a region's (overlay) or the national range. */
    overlay: (region: string, what: string, value: string, sample: boolean) => `${region}：${what}${value}${sample ? '（示例数值，未核实）' : ''}`,
    national: (what: string, lo: string, hi: string) => `未有本地标准，按全国幅度：${what}${lo}至${hi}（各省在此幅度内确定）`,
  },
  /** How a measured fact is named ({label} is the field's label) and the unit of its number. */
  measure: {
    label: {
      age: '年龄',
      'days-since': '{label}至今天数',
      'months-since': '{label}至今整月数',
      'calendar-months-since': '{label}至今所跨月数',
      'calendar-years-since': '{label}距今年数',
      'months-to-retirement': '距法定退休年龄剩余月数（已达为0）',
      count: '{label}数量',
    },
    /** The same, measured at the day of another date field ({at} is its label) instead of today. */
    labelAt: {
      age: '{at}时年龄',
      'days-since': '{label}至{at}天数',
      'months-since': '{label}至{at}整月数',
      'calendar-months-since': '{label}至{at}所跨月数',
      'calendar-years-since': '{label}至{at}所跨年数',
      'months-to-retirement': '{at}时距法定退休年龄月数',
    },
    unit: { age: '岁', 'days-since': '天', 'months-since': '个月', 'calendar-months-since': '个月', 'calendar-years-since': '年', 'months-to-retirement': '个月' },
  },
  reason: {
    leaf: (label: string, actual: string, expected: string) => `${label}：${actual}，要求${expected}`,
    not: '不得满足：',
  },
  /** What an operator expects, in words (src/ops/). */
  ops: {
    judgedAt: (at: string, expected: string) => `${expected}（按${at}之日计）`,
    between: (min: string, max: string) => `在${min}至${max}之间`,
    in: (list: string) => `属于：${list}`,
    overlaps: (list: string) => `含以下任一项：${list}`,
    present: '已有（不为“无”）',
    inRegion: (list: string) => `位于${list}`,
  },
  nearMiss: {
    answer: '待回答：{label}',
    increase: '{label}再增加{by}即可达到{target}',
    decrease: '{label}减少{by}即可降到{target}',
    wait: '自{date}起符合（{label}{expected}）',
    choose: '{label}{expected}即可符合',
    set: '{label}需{expected}',
    'set-eq': '{label}需为{value}',
    'need-date': '需先有{field}',
    ratio: '{label}再增加{n}即可达到{target}',
    deadline: '按{field}计，{date}前（含）可享受',
    /** Fields whose increase reads better as a verb phrase; by field, never by policy. */
    ratioPhrase: { 'business.newHiresFromGroups': '再招用{n}名符合条件人员即可达到{target}' } as Record<string, string>,
    /** How an increase is written with the field's unit. */
    by: (n: number, unit: string) => `${n}${unit}`,
  },
  bundle: {
    exclusive: '与“{other}”不可重复享受（{group}），择优选取',
    highest: '与“{other}”就高不就低（{group}），按较高者享受',
    excludes: '与“{other}”不得同时享受',
  },
  /** Reading an answer to a question: the message and an example of a good answer. */
  answer: {
    'unknown-field': { message: '没有这个问题：{field}', example: '' },
    empty: { message: '请回复答案', example: '是' },
    'not-boolean': { message: '没看懂，请回复“是”或“否”', example: '是' },
    'not-number': { message: '没看懂数字，请回复数字，如{example}', example: '20' },
    'not-date': { message: '没看懂日期，请按“2023年6月”或“2023-06-01”回复', example: '2023年6月' },
    'not-choice': { message: '没看懂，请回复选项序号，如{example}', example: '1' },
    'not-region': { message: '没找到这个地方，请回复县区名，如{example}', example: '开州区' },
    invalid: { message: '答案不符合要求：{detail}', example: '' },
  },
  officer: {
    covers: (name: string, where: string, field: string, county: string) => `${name}负责${where}${field ? `的${field}` : ''}，覆盖创业所在地${county}`,
    full: (load: number, cap: string) => `所有覆盖专员已满额，当前在办${load}${cap}件为最少`,
    least: (load: number, cap: string, peers: number) => `当前在办${load}${cap}件，在同等条件的${peers}名专员中最少`,
    join: (covers: string, load: string) => `${covers}；${load}`,
  },
  /** One rule-file problem: its code in words, then the checker's own message. */
  issue: (code: string, message: string) => `${Object.hasOwn(ISSUE_CODES, code) ? ISSUE_CODES[code] : code}（${message}）`,
  /** Funnel and score tables (问效). */
  report: {
    funnelHead: (by: 'policy' | 'region') => [by === 'policy' ? '政策' : '地区', '已推送', '已申请', '申请率', '已获批', '获批率', '未获批', '未回应', '不感兴趣', '获批金额'],
    total: '合计',
    scoreHead: (by: 'department' | 'officer') => [by === 'department' ? '部门' : '专员', '评分', '评价数'],
    tooFew: (min: number) => `—（不足${min}条）`,
  },
  /** A title quoted inside a sentence. */
  quote: (title: string) => `「${title}」`,
  /** The command line's tables and notes. */
  cli: {
    /** guiyan find (政策找人). */
    find: {
      policy: '政策',
      total: '金额合计',
      ready: '免申即享',
      yes: '可',
      no: '否（缺：{x}）',
      settle: '待确认者补充以下信息可判定',
      people: '人',
      gained: '新增符合',
      lost: '不再符合',
      change: '金额合计变化',
      first: '符合者（前{n}名）',
      rows: '名册{n}人，基准日{d}，用时{ms}毫秒',
    },
    /** guiyan lint: a finding's message is English detail; zh-CN names the problem by its code. */
    lint: {
      error: '错误',
      warning: '警告',
      summary: (e: number, w: number) => `${e} 个错误，${w} 个警告`,
      finding: (code: string, _message: string) => LINT_CODES[code] ?? ISSUE_CODES[code] ?? `规则问题（${code}）`,
    },
    sampleProject: '\n* 示例项目，非真实项目信息',
    noPolicy: '（暂无适用政策）',
    nothingFound: '（未找到相关政策）',
    sample: '\n* 示例规则，非正式文件',
    toAnswer: ' ｜待答：',
    matchHead: ['政策', '结果', '金额', '依据'],
    recommendHead: ['#', '政策', '结果', '金额', '得分', '依据'],
    searchHead: ['政策', '编号', '金额', '匹配度', '结果'],
    /** The status column of a near-miss row in `guiyan recommend`. */
    nearMiss: '差一点',
    together: '可同时享受',
    setAside: '未计入',
    question: (n: number) => `问${n}`,
    several: '  （可多选，如 1,3）',
    /** How well a project suits the person (`guiyan projects`): a fit, not a policy status. */
    fit: { eligible: '适合', unknown: '待确认', ineligible: '不适合' },
    projectsHead: ['项目', '适配', '得分', '资金需求', '可申请政策', '说明'],
    noProject: '（暂无合适项目）',
    sameIndustry: '行业对口',
    relatedIndustry: '行业相关',
    county: '本区县',
    city: '本市',
    province: '本省',
    loansCover: (pct: number) => `贷款可覆盖起步资金${pct}%`,
    toAnswerPart: '待答：',
    parts: '，',
    officer: (reason: string, id: string) => `服务专员：${reason}（${id}）`,
    noOfficer: '服务专员：暂无覆盖该地的专员',
    dueHead: ['到期', '人员', '政策', '推送后天数', '专员', '地区'],
    nothingPushed: '（尚无推送记录）',
    /** After a bad row of a batch on standard error: the rest go on without it. */
    skipped: '已跳过，其余照常处理',
    /** The day a person was judged on, after their name. */
    asOf: (day: string) => `（基准日 ${day}）`,
    /** guiyan test: a failing case, and the count. */
    testFail: (file: string, name: string) => `未通过 ${file} — ${name}`,
    testSummary: (passed: number, failed: number) => `${passed} 个通过，${failed} 个未通过`,
  },
  /** What `guiyan screen`, `store` and `outcome` report when they are done. */
  run: {
    screened: (people: number, time: string, invalid: number) => `已筛查 ${people} 人，用时 ${time}（无效 ${invalid} 条）`,
    events: (list: string) => `事件：${list || '无'}`,
    deliveries: (list: string) => `消息：${list || '无'}`,
    unchanged: (n: number) => `与上次按同一规则和日期筛查时相同：${n} 人（未重新筛查）`,
    written: (file: string, n: number) => `已写入 ${file}：${n} 条（记为已告知）`,
    waiting: (n: number) => `待发队列中：${n} 条（见上，未记为已告知；加 --out FILE 交付）`,
    storeInfo: (kind: string, people: number, verdicts: number, outbox: number, untold: number, outcomes: number) =>
      `${kind} 存储：${people} 人，${verdicts} 条结论，${outbox} 条消息（${untold} 条未告知），${outcomes} 条办理结果`,
    imported: (people: number, verdicts: number, outcomes: number, kind: string) => `已导入 ${people} 人、${verdicts} 条结论和 ${outcomes} 条办理结果到 ${kind} 存储`,
    outcome: { applied: '已申请', granted: '已获批', rejected: '未获批', 'no-response': '未回应', 'not-interested': '不感兴趣' } as Record<string, string>,
    recorded: (outcome: string, who: string, policy: string, rating?: number) => `已记录：${who} · ${policy}：${outcome}${rating !== undefined ? `（评分 ${rating}）` : ''}`,
  },
};

/** Lint findings by code, for people reading zh-CN. */
const LINT_CODES: Readonly<Record<string, string>> = {
  clause_missing: '全国性规则的条件未注明条款（clause）',
  duplicate_id: '政策编号重复',
  expired: '政策或申请期已过',
  group_mode_mismatch: '同一互斥组的成员对互斥方式说法不一',
  lonely_group: '互斥组只有一个成员',
  missing_reference: '排除了不存在的政策',
  never_false: '条件永远成立',
  never_true: '条件永远不成立',
  provenance_missing: '全国性规则缺少文件清单或核对日期',
  review_due: '距上次与文件核对已超过一年',
  sample_unflagged: '未引用文号的规则应标注 sample: true',
  self_reference: '政策不能排除自身',
  source_incomplete: '全国性规则的出处不完整',
  stale_parameter: '参数多年未更新或复核',
  unknown_field: '引用了画像中不存在的字段',
  unsourced_parameter: '参数取值未注明文件和条款',
  not_found: '找不到规则文件夹',
};

/** Rule-file problems by code, for people reading zh-CN. */
const ISSUE_CODES: Readonly<Record<string, string>> = {
  yaml_syntax: 'YAML 语法错误',
  json_syntax: 'JSON 语法错误',
  invalid_type: '类型不对',
  invalid_value: '取值不在允许范围内',
  invalid_union: '无法识别的条件或金额写法',
  unrecognized_keys: '有未定义的字段',
  too_big: '超出上限',
  too_small: '低于下限',
  invalid_format: '格式不对',
  custom: '不合要求',
  unknown_field: '引用了画像中不存在的字段',
  personal_field: '规则不得读取个人敏感信息',
  operator_domain: '该运算不适用于此字段',
  value_type: '比较值的类型与字段不符',
  unknown_option: '选项不在字段的取值表中',
  unknown_parameter: '引用了未定义的参数',
  parameter_gap: '参数在政策生效时还没有取值',
  duplicate_id: '政策编号重复',
  invalid_region: '行政区划代码无效',
  inverted_window: '生效日期晚于失效日期',
  too_deep: '条件嵌套过深',
  file_too_large: '文件过大',
  duplicate_date: '参数的同一日期有两个取值',
  no_policies: '没有找到任何规则文件',
  not_finite: '数值必须是有限数',
  forbidden_path: '字段路径指向对象内部属性',
  too_many_items: '列表项数超出上限',
  text_too_long: '文字超出长度上限',
  multiple_documents: '一个文件只能有一个 YAML 文档',
  duplicate_key: '同一层级有重复的键',
  alias_limit: 'YAML 别名展开过多',
  negative_amount: '金额不能为负数',
  inverted_range: '上限低于下限',
  too_many_conditions: '条件数量超出上限',
  invalid_date: '日期不存在',
  empty_file: '文件为空',
  unknown_tag: 'YAML 标签不受支持',
  ambiguous_anchor: 'YAML 锚点或别名写法有歧义',
  unsafe_url: '链接必须以 http:// 或 https:// 开头',
};

/** The shape every locale's catalogue has. */
export type Catalogue = typeof zhCN;
