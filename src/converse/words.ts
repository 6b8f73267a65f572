import type { Status } from '../core/tri.js';
import { wordsFor } from '../core/catalogue/index.js';
import type { Locale } from '../core/text.js';

/** Every phrase the bot says, per locale, kept as data. `sms` is the short form, `chat` the full one. */
export interface Words {
  help: { sms: string; chat: string };
  /** Status labels: never "符合/eligible" for an unknown. */
  status: Record<Status, string>;
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
  /** SMS option paging. */
  moreOptions: string;
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
  /** Who to ask when a rule file names no office. */
  office: string;
  /** Not understood, per kind of question, with an example that works ({unit} the field's unit). */
  hints: Readonly<Record<'boolean' | 'number' | 'date' | 'region' | 'choice', string>>;
}

export const WORDS: Record<Locale, Words> = {
  'zh-CN': {
    help: {
      sms: '您好！说需求（如“想贷款”）查政策，回“开始”测资格，回“结果”看推荐，回T退订。',
      chat: '您好！我可以帮您查找返乡创业扶持政策：\n· 直接说需求，如“想贷款”“有没有种茶的补贴”“土地流转”\n· 回“开始”逐项测资格，回“结果”看推荐\n· 回“详情 序号”看条件、金额和需带材料\n· 回“重来”重新开始，回“退订”或T不再接收',
    },
    status: wordsFor('zh-CN').status,
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
    shortQuestions: { 'business.newHiresFromGroups': '今年新招了几名符合条件人员（签1年以上合同）？' },
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
  },
  en: {
    help: {
      sms: 'Hi! Text a need (e.g. loan), CHECK, RESULT or STOP to opt out.',
      chat: 'Hello! I help you find start-up support for returnees:\n- tell me a need, e.g. "loan", "tea subsidy", "land transfer"\n- reply "check" to answer a few questions, "result" for advice\n- reply "more N" for conditions, amount and documents\n- reply "restart" to start over, "stop" to opt out',
    },
    status: wordsFor('en').status,
    optedOut: 'Unsubscribed; no more messages. Reply SUBSCRIBE to resume.',
    resubscribed: 'You are subscribed again.',
    restarted: 'Cleared; starting over.',
    found: 'Found {count}:',
    notFound: {
      sms: 'No policy found. Try "loan", "subsidy", "land", or reply CHECK.',
      chat: 'No policy found.\nTry other words such as "loan", "tea subsidy" or "land transfer", or reply "check" to answer a few questions.',
    },
    detailsHint: { sms: 'Reply MORE 1 for details.', chat: 'Reply "more N" for conditions, amount, documents and the source.' },
    startHint: 'Reply CHECK to test eligibility.',
    resultHead: 'Top {count}:',
    resultEmpty: { sms: 'Nothing to apply for yet. Reply RESTART to start over.', chat: 'On what you told us there is nothing you can apply for yet.\nReply "restart" to start over, or tell me a need.' },
    resultTail: { sms: '"To confirm": needs checking.', chat: '"To confirm" means information is missing; the office will check.' },
    askPrefix: 'Q: ',
    multipleHint: 'several allowed, e.g. 1,3',
    skipHint: 'reply "don\'t know" to skip',
    skipped: 'OK, skipped.',
    setAside: { sms: 'Still unclear; skipping it.', chat: 'Sorry, still unclear; let us skip this one.' },
    detailsWhich: 'Reply MORE and a number, e.g. MORE 1.',
    detailsHead: '"{title}": {status}',
    amount: 'Amount: {amount}',
    missing: 'Still to confirm: {fields}',
    conditions: 'Conditions:',
    documents: 'Bring: {documents}',
    where: 'Where: {where}',
    source: 'Source: {source}',
    sample: '(sample rule, not an official text)',
    notInForce: 'This policy is not in force now.',
    marks: { pass: '✓ ', fail: '✗ ', unknown: '? ' },
    listSep: '; ',
    sep: ', ',
    ellipsis: '…',
    more: '({count} in all)',
    shortQuestions: {
      hasOtherLoans: 'Other loans (not student, housing, car, small consumer)?',
      'business.newHiresFromGroups': 'Hires from covered groups this year (1-year+ contracts)?',
      'business.wageArrears': 'Any wage arrears or unpaid social insurance?',
      'business.vatTaxpayer': 'VAT: small-scale or general taxpayer?',
      'business.registeredAt': 'When was the business registered?',
      unemployedSince: 'Registered unemployed since when?',
    },
    join: ' ',
    noted: 'Noted: {facts}.',
    about: 'about ',
    precise: 'Could you be more precise?',
    rejected: '"{text}" does not look right; not saved.',
    contradiction: 'You said {field} was {old}; now {new}. Change it? (yes/no)',
    kept: 'OK, unchanged.',
    reopen: 'OK, answer this again:',
    handoff: 'OK: {name} at {office}, your service officer, will contact you soon.',
    handoffNoOffice: 'OK: {name}, your service officer, will contact you soon.',
    handoffNone: 'No officer covers your area yet; call the 12333 hotline.',
    handoffWhere: 'to find your officer, ',
    whichRegion: 'Several places share that name: {options}. Which one?',
    coverage: 'No local policies for {region} yet; national ones shown.',
    moreOptions: '0=more',
    topic: {
      documents: '"{title}": bring {documents}.',
      noDocuments: '"{title}": no document list on file; ask {where}.',
      where: '"{title}": apply at {where}.',
      noWhere: '"{title}": no office on file; reply HUMAN for an officer.',
      how: '"{title}": take {documents} to {where}.',
      amount: '"{title}": {amount} ({status}).',
      noAmount: '"{title}" has no fixed amount; it is assessed.',
      interest: '"{title}": {summary}',
      why: '"{title}" not eligible: {reasons}.',
      whyUnknown: '"{title}" still to confirm: {fields}.',
      whyEligible: '"{title}": on what you said, you are eligible.',
      deadline: '"{title}" runs until {date}.',
      noDeadline: '"{title}" has no end date now.',
      meaning: '{term}: {meaning}',
      unknownTerm: 'I cannot explain that term yet; reply HUMAN for an officer.',
      progress: 'Ask the office about progress; reply HUMAN for an officer.',
      none: 'I cannot answer that; reply HUMAN for an officer.',
      noPolicy: 'Tell me a need (e.g. loan) or reply RESULT first.',
    },
    yes: 'yes',
    no: 'no',
    unitSep: ' ',
    labelSep: ': ',
    yearSpan: 'in {y}',
    monthSpan: 'in {y}-{mm}',
    dateSpan: 'about {min} to {max}',
    office: 'the office',
    hints: {
      boolean: 'please reply yes or no.',
      number: 'please reply with a number, e.g. 20 {unit}.',
      date: 'please reply with a date such as 2023-06-01 or 2023.6.',
      region: 'unknown place; reply with a county name, e.g. Kaizhou District.',
      choice: 'please reply with an option number, e.g. 1.',
    },
    shortLabels: { hasOtherLoans: 'other loans', 'business.wageArrears': 'wage arrears', birthDate: 'born', returnDate: 'back home', graduationDate: 'graduated', 'business.registeredAt': 'registered', unemployedSince: 'unemployed since', groups: 'groups', 'business.industry': 'industry', needs: 'needs' },
  },
};
