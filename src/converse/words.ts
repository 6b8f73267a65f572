import type { Status } from '../core/tri.js';
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
}

export const WORDS: Record<Locale, Words> = {
  'zh-CN': {
    help: {
      sms: '您好！说需求（如“想贷款”）查政策，回“开始”测资格，回“结果”看推荐，回T退订。',
      chat: '您好！我可以帮您查找返乡创业扶持政策：\n· 直接说需求，如“想贷款”“有没有种茶的补贴”“土地流转”\n· 回“开始”逐项测资格，回“结果”看推荐\n· 回“详情 序号”看条件、金额和需带材料\n· 回“重来”重新开始，回“退订”或T不再接收',
    },
    status: { eligible: '符合', unknown: '待确认', ineligible: '不符合' },
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
  },
  en: {
    help: {
      sms: 'Hi! Text a need (e.g. loan), CHECK, RESULT or STOP to opt out.',
      chat: 'Hello! I help you find start-up support for returnees:\n- tell me a need, e.g. "loan", "tea subsidy", "land transfer"\n- reply "check" to answer a few questions, "result" for advice\n- reply "more N" for conditions, amount and documents\n- reply "restart" to start over, "stop" to opt out',
    },
    status: { eligible: 'eligible', unknown: 'to confirm', ineligible: 'not eligible' },
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
  },
};
