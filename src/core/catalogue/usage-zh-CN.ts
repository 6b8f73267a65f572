/**
 * What the command line says when it is used wrongly or given input it cannot use, in Simplified
 * Chinese. Options, file names, field paths and codes stay as typed; the rest is words.
 * `usage-en.ts` has the same keys (the type checks it).
 */
export const usageZhCN = {
  /** `guiyan <command>` failed: the command's name, then what went wrong. */
  failed: (command: string, text: string) => `guiyan ${command}：${text}`,
  unknownCommand: (name: string) => `guiyan：没有“${name}”这个命令`,
  withHelp: (text: string, command: string) => `${text}；见 guiyan ${command} --help`,
  unknownOption: (option: string) => `没有 ${option} 这个选项`,
  missingValue: (option: string) => `${option} 后面要跟一个值`,
  noValue: (option: string) => `${option} 不带值`,
  unexpected: (arg: string) => `多余的参数：${arg}`,
  badArguments: '参数有误',
  locale: (value: string) => `--locale 只能是 zh-CN 或 en，不能是 ${value}`,
  /** What a command takes as arguments, by kind. */
  takes: {
    oneProfile: '只接受一个画像文件或文件夹',
    atMostOneProfile: '最多接受一个画像文件',
    query: '需要一个查询词',
    atMostOneRulesDir: '最多接受一个规则文件夹',
    noFile: '不接受文件参数；请把消息按行从标准输入传入',
  },
  needs: (options: string) => `需要 ${options}`,
  needsAction: (actions: string) => `需要指定操作：${actions}`,
  wholeNumber: (option: string, min: number) => (min > 0 ? `${option} 须为不小于${min}的整数` : `${option} 须为整数`),
  range: (option: string, min: number, max: number) => `${option} 须为${min}到${max}的整数`,
  nonNegative: (option: string) => `${option} 须为不小于0的数`,
  oneOf: (option: string, values: string) => `${option} 只能是 ${values}`,
  date: (option: string, example: string) => `${option} 须为日期，如 ${example}`,
  notBoth: (a: string, b: string) => `${a} 和已弃用的 ${b} 只能给一个`,
  goesWith: (option: string, other: string) => `${option} 须与 ${other} 一起使用`,
  setSyntax: (text: string) => `--set 的写法是 参数名=值 或 政策编号.参数名=值，不能是 ${text}`,
  noPolicy: (id: string, dir: string) => `${dir} 中没有政策 ${id}`,
  outNotFile: (out: string) => `--out ${out} 不是普通文件；请指定一个文件`,
  outIsInput: (out: string) => `--out ${out} 也是输入文件；请另选一个文件`,
  outSameAs: (out: string, input: string) => `--out ${out} 与输入文件 ${input} 是同一个文件；请另选一个文件`,
  noRecord: (policy: string) => `该人员没有政策 ${policy} 的筛查记录`,
  storeNotEmpty: '存储中已有人员；请导入到新的存储',
  cannotWrite: (path: string, why: string) => `无法写入 ${path}：${why}；该处未写入任何内容`,
  writeWhy: {
    ENOENT: '所在文件夹不存在',
    EACCES: '没有权限',
    EPERM: '没有权限',
    ENOSPC: '磁盘已满',
    EROFS: '文件系统只读',
    EISDIR: '这是一个文件夹',
    ENOTDIR: '路径中有一段不是文件夹',
    EDQUOT: '磁盘配额已用完',
    EFBIG: '文件超过了本进程可写的大小',
  } as Record<string, string>,
  stateDeprecated: '--state 已弃用，将被移除：请把筛查状态放在存储中（--store PATH|postgres://URL）；guiyan store import --state FILE --store S 可导入此文件',
  /** A condition `find` cannot run as SQL: the compiler's detail is English, the code says which. */
  sqlUnsupported: (_message: string) => '该条件无法转为 SQL 运行',
  notState: (path: string) => `${path} 不是筛查状态文件，未做改动`,
  noSuchFile: (path: string) => `${path} 不存在`,
  /** Files and folders that cannot be read, by the system's error code. */
  file: {
    ENOENT: (path: string) => `找不到 ${path}`,
    EISDIR: (path: string) => `${path} 是文件夹，不是文件`,
    ENOTDIR: (path: string) => `${path} 的路径中有一段不是文件夹`,
    EACCES: (path: string) => `没有权限读取 ${path}`,
  } as Record<string, (path: string) => string>,
  notJson: (source: string, _detail: string) => `${source}：不是有效的 JSON`,
  noProfile: (path: string) => `${path}：没有画像`,
  notOfficers: (path: string, issues: string) => `${path}：不是服务专员列表：${issues}`,
  asOf: (value: string) => `--as-of 须为 YYYY-MM-DD 日期或带时区的 ISO 时间，不能是 ${value}`,
  rules: (n: number) => `规则有 ${n} 处问题`,
  /** A profile's problem at its path. */
  at: (path: string, text: string) => `${path || '（画像）'}：${text}`,
  issues: '；',
  badProfile: (issues: string) => `画像无效：${issues}`,
  notInForce: (id: string, asOf: string) => `${id}：${asOf} 不在有效期内`,
  /**
   * One problem of a profile: the schema's own checks by their message, the rest by code. The codes
   * in a message (allowed options, unknown keys) are kept; its English words are not.
   */
  profileIssue: (code: string, message: string) => {
    const own = PROFILE_MESSAGES[message] ?? PROFILE_MESSAGES[message.replace(/ \(.*\)$/s, '')];
    if (own) return own;
    const word = PROFILE_CODES[code] ?? '不合要求';
    const quoted = code === 'invalid_value' || code === 'unrecognized_keys' ? [...message.matchAll(/"([^"]*)"/g)].map((m) => m[1]) : [];
    return quoted.length ? `${word}（${code === 'invalid_value' ? '可选' : '字段'}：${quoted.join('、')}）` : word;
  },
};

/** Profile problems by code, for people reading zh-CN. */
const PROFILE_CODES: Readonly<Record<string, string>> = {
  invalid_json: '不是有效的 JSON',
  line_too_long: '这一行超过单个画像的大小上限，已跳过',
  profile_too_large: '画像超过大小上限',
  too_deep: '画像嵌套过深',
  invalid_type: '类型不对',
  invalid_value: '取值不在允许范围内',
  invalid_union: '写法不对（应为一个值或 {min, max} 范围）',
  unrecognized_keys: '有未定义的字段',
  invalid_format: '格式不对',
  too_big: '超出上限',
  too_small: '低于下限',
  too_many_items: '列表项数超出上限',
  text_too_long: '文字超出长度上限',
  not_multiple_of: '须为整数',
};

/** The profile schema's own messages (src/profile/schema.ts), for people reading zh-CN. */
const PROFILE_MESSAGES: Readonly<Record<string, string>> = {
  'a profile must be an object': '画像必须是一个对象',
  'expected a real date as YYYY-MM-DD': '应为真实存在的日期（YYYY-MM-DD）',
  'expected a 6-digit GB/T 2260 region code': '应为6位行政区划代码（GB/T 2260）',
  'not a code in the national division table (GB/T 2260)': '不是全国行政区划表（GB/T 2260）中的代码',
  'expected a phone number': '应为电话号码',
  'min must not be above max': '下限不能高于上限',
  'not valid JSON': '不是有效的 JSON',
};

/** The shape of the usage words in every locale. */
export type UsageWords = typeof usageZhCN;
