import { maskText } from '../core/mask.js';
import type { Locale } from '../core/text.js';

/** One problem in a rule file, located as precisely as the source allows. */
export interface PolicyIssue {
  file?: string;
  line?: number;
  column?: number;
  path: (string | number)[];
  code: string;
  message: string;
}

const ZH: Record<string, string> = {
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

export function issueText(issue: PolicyIssue, locale: Locale = 'en'): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const path = issue.path.length ? issue.path.join('.') : '';
  const head = [where, path].filter(Boolean).join(' ');
  const msg = locale === 'zh-CN' ? `${ZH[issue.code] ?? issue.code}（${issue.message}）` : issue.message;
  return maskText(`${head ? `${head}: ` : ''}${msg} [${issue.code}]`);
}

/** Every issue, one a line, for people. */
export function formatIssues(issues: readonly PolicyIssue[], locale: Locale = 'en'): string {
  return issues.map((i) => issueText(i, locale)).join('\n');
}

/** Rules that cannot be loaded; `issues` lists every problem in every file at once. */
export class PolicyValidationError extends Error {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    // Keys and values in a rule file may be anything, personal data included: mask paths too.
    const safe = issues.map((i) => ({ ...i, path: i.path.map((p) => (typeof p === 'string' ? maskText(p) : p)), message: maskText(i.message) }));
    super(`${safe.length} problem${safe.length === 1 ? '' : 's'} in the rules:\n${formatIssues(safe.slice(0, 20))}${safe.length > 20 ? `\n… and ${safe.length - 20} more` : ''}`);
    this.name = 'PolicyValidationError';
    this.issues = safe;
  }
}
