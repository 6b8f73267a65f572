/**
 * The words people use, as data: what asks to stop, to talk to a person, to start over; yes and no in
 * regional forms; groups and business forms as people name them. Patterns are tried on the message
 * after width folding and lower-casing; both languages are always tried.
 */

/** Any message that asks to stop. Checked before anything else; "发展" never matches (发 needs 不要/别 before it). */
export const OPT_OUT: readonly RegExp[] = [
  /退订|退定|拒收|拒绝接收|拒接短信|取消订阅|取消短信|取消推送|取消(?:这个|该|你们的?)?(?:服务|业务|通知)|停止(?:发送|推送|发|通知)/u,
  /(?:不要|别|甭|莫|不用|不需要|勿|请勿|不必|没必要)(?:再|老是|老|总|一直|天天|又|给我|跟我|向我|往我)*(?:再|给我)?(?:发(?!展|芽|财|货|票|愁|工资|放|现|生|达|家|酵|明|烧|病|胖|动|言|表)|推(?!荐|广)|打扰|骚扰|联系我|通知我?|短信|信息|消息)/u,
  /(?:不想|不愿意|不愿)(?:再)?(?:收|接收|收到)/u,
  /别烦|烦死了|滚|骚扰|投诉你们|再发(?:我)?就?投诉/u,
  /^(?:t|td|0000|取消|退|停|停止|stop|stop all|halt|quit|end|cancel|unsubscribe|退订|退了)(?:吧|了|啦|掉|呗|哈|谢谢|please)*$/u,
  /回\s*t\s*退订|回复\s*t|(?:^|\s)t\s*退订/u,
  /^[^a-z]*(?:stop|unsubscribe)[^a-z]*$/u,
  /\b(?:unsubscribe|opt[ -]?out|remove me|no more (?:texts|messages|sms)|don'?t (?:text|message|contact) me|stop (?:texting|messaging|sending|it|all)|please stop|stop please)\b/u,
];

/** Back after an opt-out. */
export const OPT_IN: readonly RegExp[] = [
  /^(?:订阅|重新订阅|恢复订阅|恢复|恢复接收|继续发|重新接收|开通|我要订阅|可以发了|继续接收|start|subscribe|resubscribe|unstop|resume|yes subscribe)$/u,
  /(?:恢复|重新|继续)(?:订阅|接收|发送|推送)|又想收|还是发(?:给我)?吧|可以继续发|\bsubscribe again\b|\bstart sending\b/u,
];

/** Asks for a person. */
export const HUMAN: readonly RegExp[] = [
  /转人工|人工(?!智能)|真人|客服|专员|管家|工作人员|办事员|负责人|经办人|找人问|找个人|找谁|找哪个人|哪个人负责|谁负责|跟人说|和人说|有人吗|有没有人|联系人|打电话|电话(?:号码?)?(?:多少|是多少|给我|有吗|呢)|(?:给|要|留)个电话|有电话|联系方式|联系谁|联系你们|怎么联系|咨询电话|热线|当面|见面谈|负责.{0,8}的人|上门|去哪找人|机器人?(?:说|聊)|不想跟机器/u,
  /\b(?:human|agent|a person|real person|someone|somebody|officer|operator|representative|call me|phone number|talk to|speak to|contact)\b/u,
];

export const RESTART: readonly RegExp[] = [
  /^(?:重来|重新来|重新开始|从头开始|从头来|重置|清空|重新测|再来一遍|重新填|全部重来|restart|reset|start over|start again|begin again)$/u,
  /重新开始|从头(?:开始|再来)|全部重来|重新来一遍|\bstart over\b/u,
];

export const CORRECTION: readonly RegExp[] = [
  /说错|搞错|弄错|写错|打错|填错|记错|输错|^不对|说的不对|说得不对|不对$|更正|纠正|改一下|改成|改为|修改|应该是|其实是|不是.{1,12}[，,]是|我是说|我的意思是|那个不对|错了/u,
  /\b(?:sorry,? i meant|i meant|correction|actually|wrong|mistake|typo|change (?:it|that|my)|not .{1,20} but)\b|that'?s wrong/u,
];

export const DETAILS: RegExp = /^(?:详情|详细|查看|看看|展开|具体|more|details?|info)\s*(?:第|no\.?|#)?\s*(\d{1,2})?\s*(?:个|项|条)?$|^(?:第\s*(\d{1,2}|[一二三四五六七八九十])\s*(?:个|项|条)|(\d{1,2})\s*(?:号|项))(?:的)?(?:详情|详细|具体|看看)?(?:说说|讲讲|看看)?$|(?:详细说说|具体说说|详细讲讲|说详细点|讲详细点|详细点|具体点|再详细|详情)/u;

export const GREETING: RegExp =
  /^(?:你好|您好|你们好|哈喽|哈啰|嗨|喂|在吗|在不在|在么|有人在吗|早|早上好|上午好|中午好|下午好|晚上好|帮助|菜单|帮忙|hi|hello|hey|help|menu|good (?:morning|afternoon|evening)|[?？]+)(?:[啊呀呢哦~，,!！。.?？ ]*(?:你好|您好|在吗|请问)?)*$/u;

/** Words that make a message a question (it is then never an answer). */
export const QUESTION: RegExp =
  /[?？]|吗|么$|嘛$|呢$|[了过]没有?$|什么|啥|咋|怎么|怎样|如何|哪里|哪儿|哪个|哪些|哪家|哪天|多少|多久|多长|几个|几年|几天|几月|几号|能不能|可不可以|可以不|是不是|有没有|要不要|会不会|行不行|对不对|为何|为什么|为啥|凭什么|何时|何地|是否|谁|请问|问一下|问下|想问|咨询|了解一下|(\p{Script=Han})不\1|(?<=\p{Script=Han}{2})不$|好多钱|\b(?:what|how|where|why|when|which|who|can i|could i|do i|does|is there|are there|am i|should i|will i|may i|tell me)\b/u;

/** What a question about a shown policy is about. */
export const TOPICS: readonly { topic: string; re: RegExp }[] = [
  { topic: 'why', re: /为啥|为什么|为何|凭什么|怎么不符合|咋不符合|怎么不行|不符合.*(原因|为)|为啥不行|why not|why am i not|why (?:is|was) it|why not eligible|why/u },
  { topic: 'progress', re: /发了没|到账|批了没|批下来了|进度|审核到|下来了没|有结果了/u },
  { topic: 'meaning', re: /什么意思|啥意思|是啥|是什么|什么是|什么叫|啥叫|何为|指什么|指的是|怎么理解|算不算|算.{0,6}吗|包括哪些|哪些人算|what (?:does|is) .{1,40} mean|what is (?:a|an|the)|meaning of|what counts as|does .{1,30} count/u },
  { topic: 'documents', re: /材料|资料|证件|手续|带什么|带啥|准备什么|准备啥|要啥|需要什么|要什么|documents?|paperwork|papers|bring/u },
  { topic: 'interest', re: /利息|利率|贴息|息|还款|还多少|多久还|期限|几年还|还几年|贷几年|贷多久|interest|rate|repay|term/u },
  { topic: 'amount', re: /多少钱|好多钱|贷好多|补好多|能贷多少|贷多少|补多少|给多少|能拿多少|有多少|额度|最多|最高|金额|多少万|how much|amount|maximum|cap/u },
  { topic: 'where', re: /哪里|哪儿|在哪|去哪|哪个部门|什么部门|哪个单位|窗口|地址|where|which office|office/u },
  { topic: 'how', re: /怎么申请|如何申请|咋申请|怎么办理|如何办理|咋办|怎么办|流程|步骤|怎么弄|怎么报|申请方式|网上|线上|how (?:do|can|to) i? ?apply|how to|apply|process|steps/u },
  { topic: 'deadline', re: /截止|期限|什么时候|多久|几天|到什么时候|有效期|deadline|until when|how long|when/u },
];

/** A search: the person wants policies ("想贷款", "有没有种茶的补贴"). */
export const NEED_WORDS: RegExp =
  /贷款|借钱|借款|资金|融资|补贴|补助|奖补|奖励|扶持|政策|优惠|减税|免税|减免|税收|土地|流转|场地|厂房|孵化|培训|招工|招人|销路|创业|项目|产业|loan|subsid|grant|tax|land|training|site|premises|policy|policies|support|funding/u;

export const SEARCH_VERBS: RegExp = /想|要|找|查|搜|有没有|有什么|有哪些|有啥|有.{0,12}(?:[吗么嘛]|不$)|能申请|可以申请|能享受|了解|看看|推荐|需要|求|looking for|find|search|any|need|want/u;

/** Yes and no, including regional forms (没得, 莫得, 冇, 有嘞). Whole-message forms. */
export const YES: RegExp =
  /^(?:是|是的|是滴|是哒|是嘞|是啊|是呀|对|对的|对头|对啊|没错|嗯|嗯嗯|嗯呢|恩|有|有的|有嘞|有滴|有哦|有啊|有呀|有一个|有个|有些|要|要的|好|好的|可以|行|中|得|晓得|当然|肯定|确实|yes|yeah|yep|yup|y|sure|right|correct|true|i do|i have|we do|affirmative)$/u;
export const NO: RegExp =
  /^(?:否|不是|不是的|不对|没有|没有的|没有哦|没有呢|没|没呢|没得|没得嘞|莫得|么得|莫有|冇|冇得|木有|木得|无|不|不要|不用|不需要|都没有|都没|一个都没有|从来没有|没贷过|没借过|没欠|没有贷款|no|nope|nah|n|none|not really|i don't|i do not|we don't|false|negative)$/u;
export const DONT_KNOW: RegExp =
  /^(?:不知道|不晓得|晓不得|不清楚|搞不清楚|弄不清|弄不清楚|不太记得|不确定|不记得|记不得|记不清|忘了|忘记了|搞不清|说不好|说不准|不好说|不太清楚|不太懂|不懂|跳过|下一个|pass|skip|idk|i don'?t know|dont know|not sure|no idea|don'?t remember|can'?t remember)$/u;

/** Loans that do not count against the guarantee loan (DOMAIN: student, poverty-relief, housing, car, consumer under 5万). */
export const EXEMPT_LOAN: RegExp = /车贷|买车|汽车贷|房贷|住房贷|买房|按揭|公积金贷|助学贷|学贷|扶贫贷|小额信贷|信用卡|花呗|借呗|消费贷|car loan|mortgage|housing loan|student loan|credit card|poverty[- ]relief loan/u;
export const OTHER_LOAN: RegExp = /经营贷|生产贷|网贷|借贷|贷款|欠(?:了)?(?:银行|信用社|农商行)|信用社|农商行|外债|借了钱|借款|business loan|loans?|owe|debt/u;
export const NO_LOAN: RegExp = /(?:没有?|没得|莫得|冇|无|木有)(?:其他|别的)?(?:任何)?(?:贷款|贷|借款|欠款|外债)|没(?:有)?(?:贷过|借过|欠(?!过?(?:工资|薪|社保|钱给)))|不欠(?!过?(?:工资|薪|社保))|无贷款|no (?:other )?loans?|not any loans?|no debts?/u;

/** Groups as people name them. Order matters only for display. */
export const GROUP_WORDS: readonly { value: string; re: RegExp }[] = [
  { value: 'village-official', re: /大学生村官|村官|village official/u },
  { value: 'college-graduate', re: /(?<!村官.*)(?:大学生(?!村官)|大学毕业|大专毕业|本科毕业|研究生毕业|硕士毕业|高校毕业|毕业生|应届生|应届|刚毕业|本科生|专科生|大专生|读完大学|大学读完|college graduate|graduated from (?:college|university)|graduate|university)/u },
  { value: 'veteran', re: /退役军人|退伍军人|退伍|退役|复员|转业|当过兵|当兵(?:回来|退下来)|军人退|部队回来|从部队|veteran|ex-?soldier|served in the army|former soldier/u },
  { value: 'poverty-alleviated', re: /脱贫户|贫困户|脱贫人口|建档立卡|脱贫家庭|监测户|监测对象|防返贫|返贫|贫困家庭|poverty|poor household/u },
  { value: 'returning-migrant-worker', re: /农民工|打工回来|在外打工|外出打工|打工.{0,6}回|从.{1,8}回来|返乡|回乡|回老家|回家乡|外地回来|在外面打工|出去打工|migrant worker|came back from|returned from|worked in/u },
  { value: 'registered-unemployed', re: /失业登记|登记失业|登记了失业|办了失业|失业证|registered (?:as )?unemployed/u },
  { value: 'disabled', re: /残疾|残障|残联|disab/u },
  { value: 'ex-offender', re: /刑满释放|刑释|出狱|ex-?offender|released from prison/u },
  { value: 'urban-dibao', re: /城市低保|低保户|吃低保|低保家庭|dibao/u },
  { value: 'zero-employment-family', re: /零就业/u },
  { value: 'employment-difficulty', re: /就业困难/u },
  { value: 'online-merchant', re: /网店|网商|淘宝店|开店铺在网上|网络商户|拼多多店|抖音小店|online (?:shop|store|merchant)/u },
  { value: 'returned-overseas-student', re: /留学回国|海归|留学回来|留过学|studied abroad|overseas student/u },
];

export const NO_GROUP: RegExp = /^(?:都不是|都不|都没有|一个都不是|以上都不是|没有|无|不是|none|none of them|neither|no)$/u;

export const FORM_WORDS: readonly { value: string; re: RegExp }[] = [
  { value: 'individual-business', re: /个体工商户|个体户|个体执照|个体营业执照|个体经营|办了个体|个体|individual business|sole trader|self-employed business/u },
  { value: 'cooperative', re: /合作社|cooperative|co-op/u },
  { value: 'family-farm', re: /家庭农场|family farm/u },
  { value: 'small-micro-enterprise', re: /小微企业|小企业|有限公司|有限责任公司|公司|企业|厂子|small (?:or micro )?(?:business|enterprise|company)|company|enterprise|ltd/u },
];

export const INDUSTRY_WORDS: readonly { value: string; re: RegExp }[] = [
  { value: 'tea', re: /茶|tea/u },
  { value: 'greenhouse', re: /大棚|温室|greenhouse/u },
  { value: 'vegetables', re: /蔬菜|种菜|辣椒|番茄|西红柿|白菜|菜地|vegetable|pepper|tomato/u },
  { value: 'fruit', re: /水果|果园|果树|柑|橘|橙|猕猴桃|苹果|葡萄|芒果|李子|桃|fruit|orchard/u },
  { value: 'aquaculture', re: /养鱼|鱼塘|水产|养虾|养蟹|鱼|fish|aquaculture|shrimp/u },
  { value: 'livestock', re: /养猪|养牛|养羊|养鸡|养鸭|养鹅|畜牧|(?<!蜗)牛(?!逼)|羊|猪|鸡|pig|cattle|sheep|goat|poultry|livestock|chicken/u },
  { value: 'farm-machinery', re: /农机|收割机|拖拉机|farm machin|tractor/u },
  { value: 'agri-processing', re: /加工|processing/u },
  { value: 'agritourism', re: /农家乐|民宿|乡村旅游|旅游|采摘|homestay|tourism/u },
  { value: 'e-commerce', re: /电商|网店|直播|带货|淘宝|拼多多|抖音|e-?commerce|online shop|livestream/u },
  { value: 'catering', re: /饭店|餐馆|餐厅|小吃|餐饮|restaurant|catering|food stall/u },
  { value: 'handicraft', re: /手工|刺绣|竹编|编织|handicraft|embroider/u },
  { value: 'logistics', re: /物流|快递|运输|logistic|delivery|transport/u },
  { value: 'manufacturing', re: /工厂|制造|厂|factory|manufactur/u },
];

/** Verbs that say "my business is" before an industry word: 做茶, 种菜, 养牛, 搞民宿. */
export const INDUSTRY_CUE: RegExp = /做|搞|种|养|开|干|弄|经营|从事|办了|办个|办|在做|run|grow|raise|farm|do|work in|in the/u;

export const NEED_VALUES: readonly { value: string; re: RegExp }[] = [
  { value: 'financing', re: /贷款|借钱|资金|融资|钱|loan|financ|money|credit/u },
  { value: 'tax', re: /税|tax/u },
  { value: 'subsidy', re: /补贴|补助|奖励|奖补|subsid|grant/u },
  { value: 'land', re: /土地|流转|地|land/u },
  { value: 'site', re: /场地|厂房|孵化|园区|门面|site|premises|space|incubator/u },
  { value: 'training', re: /培训|学技术|training|course/u },
  { value: 'talent', re: /招人|招工|用工|人才|hiring|staff|workers/u },
  { value: 'market', re: /销路|卖不出|销售|市场|market|sales|sell/u },
];

/** Which date field a clause is about, by its cue words. */
export const DATE_CUES: readonly { field: string; re: RegExp }[] = [
  { field: 'graduationDate', re: /毕业|graduat/u },
  { field: 'unemployedSince', re: /失业登记|登记失业|失业|unemploy/u },
  { field: 'business.registeredAt', re: /注册|登记|执照|办的?照|领的?照|营业|成立|办证|开业|开的店|register|licen[cs]e|incorporat|set up the business/u },
  { field: 'returnDate', re: /回来|回乡|返乡|回家|回老家|回到|回的|回国|came back|came home|returned|moved back|back home/u },
  { field: 'birthDate', re: /出生|生的|生日|出世|属|born|birth/u },
];

/** Which number field a unit names. */
export const NUMBER_UNITS: readonly { field: string; re: RegExp }[] = [
  { field: 'land.transferredMu', re: /^(?:亩|mu)$/u },
  { field: 'business.employees', re: /^(?:个人|名|位|人|个|staff|people|employees|workers)$/u },
];

/** Cues that a number of people counts new hires from covered groups, or that years are a contract length. */
export const HIRES_CUE: RegExp = /新招|招了|招用|新雇|雇了|hired|new hires/u;
export const CONTRACT_CUE: RegExp = /合同|流转|签了|承包|contract|lease/u;
export const SALES_CUE: RegExp = /月销售|每月卖|一个月卖|月营业额|每个月.{0,4}(?:卖|收入|营业)|monthly sales|a month/u;

/** Words before a place that say it is the hukou, not where the business is. */
export const HUKOU_CUE: RegExp = /户口|户籍|hukou|household registration/u;

/** Possession: "有个车贷", "欠信用社的" — not a wish ("想贷款") or a search ("贷款政策"). */
export const HAS_LOAN_CUE: RegExp = /有|欠|背着|在还|还在还|借了|贷了|贷过|还没还|没还完|i have|we have|have a|i owe|paying off|only a|got a/u;
export const WANT_LOAN_CUE: RegExp = /想|要|申请|能不能|可不可以|可以贷|能贷|政策|担保贷款|查|办|need|want|apply|policy|looking/u;

/** No staff: the owner alone. */
export const NO_STAFF: RegExp = /没有?(?:员工|工人|雇人|请人|雇工)|没雇|就我自己|就我们自己|自己干|no (?:staff|employees|workers)|just me/u;

/** Never went to college, when a graduation date is asked. */
export const NO_COLLEGE: RegExp = /没上过大学|没读过大学|没念过大学|没上大学|没读大学|高中毕业|初中毕业|中专|技校|小学|没读过书|didn'?t go to college|no college|never went to (?:college|university)/u;

/** A place mentioned as where someone came from or works for others, not where their business is. */
export const ELSEWHERE_BEFORE: RegExp = /从\s*$|在外\s*$|去\s*$/u;
export const ELSEWHERE_AFTER: RegExp = /^\s*(?:的厂里)?(?:打工|上班|工作|回来|回的|回到|回乡|回家|返乡|务工|干活)/u;
/** "梁平人": where someone is from. */
export const NATIVE_AFTER: RegExp = /^\s*人(?!员)/u;

/** Traditional forms people's phones send, folded to simplified before reading. */
export const TRADITIONAL: Record<string, string> = Object.fromEntries(
  '來来 個个 歲岁 畝亩 貸贷 們们 樣样 發发 訂订 區区 縣县 這这 說说 沒没 錯错 過过 給给 電电 話话 請请 號号 場场 廠厂 補补 貼贴 業业 產产 養养 農农 戶户 軍军 貧贫 嗎吗 麼么 甚什 務务 職职 畢毕 閒闲 開开 經经 營营 間间 執执 僱雇 員员 萬万 兩两 聯联 絡络 繫系 謝谢 費费 稅税 與与 時时 後后 沒没 還还 貳贰'
    .split(' ')
    .map((p) => [p[0]!, p[1]!]),
);

/** Which answer a correction names when it gives no new value ("改一下毕业时间", "人数说错了"). */
export const FIELD_NAMES: readonly { field: string; re: RegExp }[] = [
  { field: 'graduationDate', re: /毕业|graduat/u },
  { field: 'birthDate', re: /出生|年龄|岁数|生日|birth|age/u },
  { field: 'returnDate', re: /回来|返乡|回乡|came back|return/u },
  { field: 'business.registeredAt', re: /执照|注册|登记时间|registered|licen[cs]e/u },
  { field: 'business.employees', re: /人数|员工|工人|职工|staff|employees/u },
  { field: 'land.transferredMu', re: /亩|土地|面积|land|mu\b/u },
  { field: 'hasOtherLoans', re: /贷款|借款|loans?/u },
  { field: 'business.form', re: /主体|类型|个体|公司|合作社|business form/u },
  { field: 'business.industry', re: /行业|产业|industry/u },
  { field: 'groups', re: /身份|人员类别|类别|group/u },
  { field: 'regionCode', re: /地方|县区|地区|区县|哪个县|地址|place|county|region/u },
];

/** Common slips of the keyboard or the pinyin input method, read as meant (申清 → 申请). */
export const TYPOS: readonly [RegExp, string][] = [
  [/申清/gu, '申请'],
  [/补帖|补占/gu, '补贴'],
  [/贷欵|带款/gu, '贷款'],
  [/退定/gu, '退订'],
];
