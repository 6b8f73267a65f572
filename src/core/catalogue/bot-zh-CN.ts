/**
 * What the chat and SMS bot (converse) says in Simplified Chinese; part of the zh-CN catalogue as
 * `bot`. `sms` is the short form, `chat` the full one. Word lists for *reading* Chinese input stay
 * with the reader (src/understand); these are the words shown.
 */
/** Every phrase the bot says, in each locale. */
export interface BotWords {
  help: { sms: string; chat: string };
  optedOut: string;
  resubscribed: string;
  restarted: string;
  found: string;
  notFound: { sms: string; chat: string };
  detailsHint: { sms: string; chat: string };
  startHint: string;
  resultHead: string;
  resultEmpty: { sms: string; chat: string };
  resultTail: { sms: string; chat: string };
  askPrefix: string;
  multipleHint: string;
  skipHint: string;
  skipped: string;
  setAside: { sms: string; chat: string };
  detailsWhich: string;
  detailsHead: string;
  amount: string;
  missing: string;
  conditions: string;
  documents: string;
  where: string;
  source: string;
  sample: string;
  notInForce: string;
  /** Marks before a condition in chat: pass, fail, unknown. */
  marks: Record<'pass' | 'fail' | 'unknown', string>;
  listSep: string;
  sep: string;
  ellipsis: string;
  more: string;
  /** Shorter SMS forms of long questions, by field. */
  shortQuestions: Readonly<Record<string, string>>;
  /** SMS pieces are joined with this. */
  join: string;
  /** What was stored, echoed back: "记下了：12人、开州区。" */
  noted: string;
  /** An approximate value kept as such: "约" before it. */
  about: string;
  /** A range that does not settle the answer: ask once for a closer value. */
  precise: string;
  /** A value impossible for the question, not stored. */
  rejected: string;
  /** A new value that contradicts a stored one. */
  contradiction: string;
  kept: string;
  /** The answer to correct, asked again. */
  reopen: string;
  /** Hand-off to a service officer, by name and office. */
  handoff: string;
  handoffNoOffice: string;
  handoffNone: string;
  handoffWhere: string;
  /** Places that share a name. */
  whichRegion: string;
  /** A region with no local rules of its own. */
  coverage: string;
  /** SMS option paging: the prompt, and how many options a page shows. */
  moreOptions: string;
  smsPage: number;
  /** Answers about the policy just shown. */
  topic: {
    documents: string;
    noDocuments: string;
    where: string;
    noWhere: string;
    how: string;
    amount: string;
    noAmount: string;
    interest: string;
    why: string;
    whyUnknown: string;
    whyEligible: string;
    deadline: string;
    noDeadline: string;
    meaning: string;
    unknownTerm: string;
    progress: string;
    none: string;
    noPolicy: string;
  };
  /** Labels for echoing booleans. */
  yes: string;
  no: string;
  /** Short field labels for the echo, where the vocabulary's label is long. */
  shortLabels: Readonly<Record<string, string>>;
  /** Between a number and its unit, and between a label and its value. */
  unitSep: string;
  labelSep: string;
  /** A whole year, a whole month, any other span of dates: {y}, {m} (1–12), {mm} (01–12), {min}, {max}. */
  yearSpan: string;
  monthSpan: string;
  dateSpan: string;
  /** The end of a sentence. */
  stop: string;
  /** Between an amount and a status in a list item. */
  comma: string;
  /** Between pieces of an SMS line that Chinese writes together (option numbers, "more"). */
  gap: string;
  /** A remark in brackets after a piece of text. */
  aside: (text: string) => string;
  /** Hints on a line of their own, in brackets. */
  asideLine: (hints: readonly string[]) => string;
  /** A numbered list item in an SMS: "1.标题（符合）". */
  smsItem: (n: number, title: string, note: string) => string;
  /** A numbered list item in a chat: "1. 标题：30万元（符合）". */
  chatItem: (n: number, title: string, amount: string | undefined, status: string) => string;
  /** Who to ask when a rule file names no office. */
  office: string;
  /** Not understood, per kind of question, with an example that works ({unit} the field's unit). */
  hints: Readonly<Record<'boolean' | 'number' | 'date' | 'region' | 'choice', string>>;
}


export const botZhCN: BotWords = {
  help: {
    sms: '您好！说需求（如“想贷款”）查政策，回“开始”测资格，回“结果”看推荐，回T退订。',
    chat: '您好！我可以帮您查找返乡创业扶持政策：\n· 直接说需求，如“想贷款”“有没有种茶的补贴”“土地流转”\n· 回“开始”逐项测资格，回“结果”看推荐\n· 回“详情 序号”看条件、金额和需带材料\n· 回“重来”重新开始，回“退订”或T不再接收',
  },
  optedOut: '已退订，不再发送消息。如需恢复请回“订阅”。',
  resubscribed: '已恢复接收。',
  restarted: '已清空，重新开始。',
  found: '找到{count}项：',
  notFound: {
    sms: '没找到相关政策。可说“想贷款”“补贴”“土地流转”，或回“开始”测资格。',
    chat: '没找到相关政策。\n可以换个说法，如“想贷款”“有没有种茶的补贴”“土地流转”，或回“开始”逐项测资格。',
  },
  detailsHint: { sms: '回“详情1”看条件。', chat: '回“详情 序号”查看条件、金额、需带材料和政策依据。' },
  startHint: '回“开始”测资格。',
  resultHead: '为您推荐{count}项：',
  resultEmpty: { sms: '按目前信息暂未找到可申请的政策。回“重来”重新开始。', chat: '按目前信息，暂未找到您可以申请的政策。\n可回“重来”重新开始，或说说您的需求。' },
  resultTail: { sms: '“待确认”的还需核实。', chat: '“待确认”表示还缺信息，需经办部门核实。' },
  askPrefix: '请问：',
  multipleHint: '可多选，如1,3',
  skipHint: '不知道可回“不知道”',
  skipped: '好的，先跳过。',
  setAside: { sms: '没看懂，先跳过这题。', chat: '抱歉，还是没看懂，先跳过这题。' },
  detailsWhich: '请回“详情”加序号，如“详情1”。',
  detailsHead: '「{title}」：{status}',
  amount: '金额：{amount}',
  missing: '还需确认：{fields}',
  conditions: '条件：',
  documents: '需带材料：{documents}',
  where: '办理：{where}',
  source: '依据：{source}',
  sample: '（示例规则，非正式文件）',
  notInForce: '这项政策目前不在有效期内。',
  marks: { pass: '✓ ', fail: '✗ ', unknown: '? ' },
  listSep: '；',
  sep: '、',
  ellipsis: '…',
  more: '等{count}项',
  shortQuestions: {
    hasOtherLoans: '除房贷车贷助学贷外还有别的贷款吗？',
    'business.newHiresFromGroups': '今年新招了几名符合条件人员（签1年以上合同）？',
    'business.wageArrears': '有没有欠薪欠社保记录？',
    'business.vatTaxpayer': '是小规模还是一般纳税人？',
    'business.registeredAt': '执照哪年哪月登记的？',
    unemployedSince: '哪年哪月办的失业登记？',
    'business.form': '经营主体是？',
    'business.registeredAs': '执照上登记为？',
    groups: '您属于？',
    needs: '最需要？',
    'business.industry': '哪个行业？',
  },
  join: '',
  noted: '记下了：{facts}。',
  about: '约',
  precise: '能说得具体点吗？',
  rejected: '“{text}”好像不对，没有记下。',
  contradiction: '您之前说{field}是{old}，现在是{new}，要改吗？（回“是”改，回“否”不改）',
  kept: '好的，不改。',
  reopen: '好的，重新回答这题：',
  handoff: '好的，已为您转给{office}的服务专员{name}，会尽快联系您。',
  handoffNoOffice: '好的，已为您转给服务专员{name}，会尽快联系您。',
  handoffNone: '您所在地暂无对口专员，可拨打12333人社服务热线咨询。',
  handoffWhere: '好为您找对口专员，',
  whichRegion: '有几个同名的地方：{options}，是哪个？',
  coverage: '{region}暂无收录的本地政策，按全国政策为您匹配。',
  smsPage: 6,
  moreOptions: '回0看更多',
  topic: {
    documents: '「{title}」需带材料：{documents}。',
    noDocuments: '「{title}」的材料清单未收录，请向{where}咨询。',
    where: '「{title}」办理：{where}。',
    noWhere: '「{title}」的办理地点未收录，可回“转人工”找专员。',
    how: '「{title}」：带上{documents}，到{where}申请。',
    amount: '「{title}」金额：{amount}（{status}）。',
    noAmount: '「{title}」没有固定金额，以核定为准。',
    interest: '「{title}」：{summary}',
    why: '「{title}」不符合：{reasons}。',
    whyUnknown: '「{title}」还需确认：{fields}。',
    whyEligible: '「{title}」按您说的情况是符合的。',
    deadline: '「{title}」有效期至{date}。',
    noDeadline: '「{title}」目前没有截止日期。',
    meaning: '{term}：{meaning}',
    unknownTerm: '这个词我还解释不了，可回“转人工”问专员。',
    progress: '办理进度请向经办部门查询，可回“转人工”找专员。',
    none: '这个问题我答不了，可回“转人工”找专员。',
    noPolicy: '请先说需求（如“想贷款”）或回“结果”，再问具体政策。',
  },
  yes: '有',
  no: '无',
  unitSep: '',
  labelSep: '：',
  yearSpan: '{y}年',
  monthSpan: '{y}年{m}月',
  dateSpan: '约{min}至{max}',
  office: '经办部门',
  hints: {
    boolean: '没看懂，请回复“是”或“否”。',
    number: '没看懂数字，请回复数字，如20{unit}。',
    date: '没看懂日期，请按“2023年6月”或“2023-06-01”回复。',
    region: '没找到这个地方，请回复县区名，如开州区。',
    choice: '没看懂，请回复选项序号，如1。',
  },
  shortLabels: { hasOtherLoans: '其他贷款', 'business.wageArrears': '欠薪欠保', birthDate: '出生', returnDate: '返乡', graduationDate: '毕业', 'business.registeredAt': '登记', unemployedSince: '失业登记', groups: '人员类别', 'business.industry': '行业', needs: '需求' },
  stop: '。',
  comma: '，',
  gap: '',
  aside: (text) => `（${text}）`,
  asideLine: (hints) => `（${hints.join('；')}）`,
  smsItem: (n, title, note) => `${n}.${title}（${note}）`,
  chatItem: (n, title, amount, status) => `${n}. ${title}${amount ? `：${amount}` : ''}（${status}）`,
};
