import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './surnames.ts';

/** A resident's name as written in a sentence. */
export interface NamedPerson {
  name: string;
  surname: string;
  /** Offset of `name` in the sentence. */
  index: number;
}

const SINGLE = new Set(SINGLE_SURNAMES);

/** Characters that never stand in a given name here: grammar, counters, and the mask 某. */
const NOT_GIVEN = new Set(
  '的了着过在是和与及或等为对把被从向到给让将就也都又还再已因患家住年日时号人们个位名户次元岁这那此其各每该本某某其他她它您我你啥吗呢吧啊哦嘛说讲问道曾去来上下中内外前后里'.split(
    '',
  ),
);

/** Words that begin with a surname character but are not names. */
const COMMON_WORDS = new Set(
  `高龄 高血 高压 高度 高兴 高标 高质 高效 高温 高考 高中 高层 高空 高发 方便 方式 方面 方案 方法 方向 常年 常住 常态 常委 于是 任务 任何 文化 文件 文明 文艺 万元 万人 全家 全体 全区 全市 全部 安全 安置 安排 安心 关心 关爱 关于 关注 关怀 周边 周末 周一 周二 周三 周四 周五 周六 周日 周年 黄金 金额 金融 石头 白天 白色 龙头 向前 向上 齐心 马上 余额 余下 许多 许可 程序 程度 田地 钱款 孙子 孙女 叶子 林地 林业 毛病 段落 邵阳 鲁迅 严重 严格 严守 管理 管道 符合 曲线 季度 乔迁 康复 康养 庄严 章程 蓝色 向阳 左右 齐全 尚未 毕业 纪律 纪念 祝福 祝贺 柳树 岳父 岳母 史料 温暖 温度 易于 施工 牛奶 洪水 汤圆 陶瓷 黎明 莫名 樊城 倪家 贺卡 贺信 秦腔 雷锋 孟冬 熊猫 常务 武装 苗木 焦点 伍员 关系 伍 欧洲 东方红 上官 司法 长孙`.split(
    /\s+/,
  ),
);

/** Place words after a surname character: 南关片区、西关小区 are places, not people. */
const PLACE_AFTER = /^(?:片区|社区|小区|街道|村委|居委|新村|花园|家园|大街|路\d|路口)/;

/** Honorifics after a surname: 王大爷 is not a full name, and not reported. */
const HONORIFIC =
  /^(?:大爷|大妈|大娘|大姐|大哥|大叔|大婶|阿姨|奶奶|爷爷|婆婆|师傅|老师|女士|先生|同学|同志|书记|主任|委员|医生|警官|某)/;

/** A resident is named right after these words: 居民王某、困难群众李某. */
const PERSON_BEFORE =
  /(?:居民|村民|群众|老人|老党员|党员|困难户|低保户|特困户|特困人员|五保户|贫困户|户主|患者|病人|学生|同学|小朋友|儿童|残疾人|退役军人|住户|租户|业主|老太太|老大爷|妻子|丈夫|儿子|女儿|母亲|父亲|孙子|孙女|儿媳|女婿|家属|受助人|救助对象|帮扶对象|结对户|联系户|申请人|烈属|军属|老兵|职工)[：:]?$/;

/** Verbs whose object is a person: 看望了李某、为张某申请. */
const VISIT_BEFORE = /(?:看望|慰问|探望|走访|陪同|护送)了?$/;
const FOR_BEFORE = /(?:为|给|帮|帮助|替)$/;

/** Cadres are named with their title: 书记张某某、张某某书记. */
const CADRE_BEFORE = /(?:书记|主任|委员|干部|领导|网格员|社工|区长|镇长|局长|部长|组长|队长)$/;
const CADRE_AFTER =
  /^(?:副?书记|副?主任|委员|同志|网格员|社工|干部|区长|镇长|局长|部长|组长|队长|老师|医生|律师|民警)/;

/** What follows a name and makes it plainly a person: 王某家住、李某常年患…、张某的儿子. */
const AFTER_STRONG =
  /^(?:本人|家住|住在|身患|患有|患[^者]|常年患|长期患|因(?!此|而|为)|一家|夫妇|夫妻|大爷|大妈|大娘|奶奶|爷爷|阿姨|老人家|[，,（(](?:男|女)|今年\d|今年[一二三四五六七八九十]|现年|年逾|年近|年过|的(?:丈夫|妻子|老伴|儿子|女儿|母亲|父亲|孩子|孙子|孙女|儿媳|家人|家庭|家里|家中|医疗|医药|病|账户|银行|存折|低保|救助|补助|收入|工资|欠款|债务|残疾|住址|手机|电话|微信))/;
/** After a name, these confirm it once the words before already point at a person. */
const AFTER_WEAK =
  /^(?:申请|领取|享受|办理|获得|常年|长期|今年|是|被|因|住院|去世|病故|离异|独居|每月|月收入|年收入|欠|系|无|到|在|属于|一户|家|的|，|、|。|；|：|（|\(|$)/;

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /[\u4e00-\u9fff]/.test(ch);
}

function surnameAt(sentence: string, i: number): string | undefined {
  const two = sentence.slice(i, i + 2);
  if ((COMPOUND_SURNAMES as readonly string[]).includes(two)) return two;
  const one = sentence.charAt(i);
  return SINGLE.has(one) ? one : undefined;
}

/**
 * The names of people in `sentence` that read as residents: a surname from the list followed by
 * a one- or two-character given name, confirmed by the words around it (a person word before,
 * or 家住/患/的儿子… after). Masked names (王某某、王某), honorifics (王大爷), cadres with their
 * title and the names in `allowed` are not returned.
 */
export function findNamedPersons(sentence: string, allowed: ReadonlySet<string>): NamedPerson[] {
  const found: NamedPerson[] = [];
  for (let i = 0; i < sentence.length; i += 1) {
    // A name does not start in the middle of a word of Han characters that is itself a surname run.
    const surname = surnameAt(sentence, i);
    if (!surname) continue;
    const start = i + surname.length;
    if (HONORIFIC.test(sentence.slice(start)) || PLACE_AFTER.test(sentence.slice(start))) continue;
    const before = sentence.slice(Math.max(0, i - 8), i);
    if (CADRE_BEFORE.test(before)) continue;
    const personBefore = PERSON_BEFORE.test(before);
    const visitBefore = VISIT_BEFORE.test(before);
    const forBefore = FOR_BEFORE.test(before);

    let accepted: string | undefined;
    const readings = [2, 1]
      .map((g) => sentence.slice(i, start + g))
      .filter((name) => {
        const given = name.slice(surname.length);
        return (
          given.length > 0 &&
          [...given].every((ch) => isHan(ch) && !NOT_GIVEN.has(ch)) &&
          !COMMON_WORDS.has(name) &&
          !COMMON_WORDS.has(name.slice(0, 2))
        );
      });
    const after = (name: string) => sentence.slice(i + name.length);
    // A strong cue after decides the length (王芳家住… is 王芳, not 王芳家).
    // eslint-disable-next-line prefer-const -- declared above, where its type is written
    accepted =
      readings.find((name) => AFTER_STRONG.test(after(name))) ??
      (personBefore || visitBefore
        ? (readings.find((name) => AFTER_WEAK.test(after(name))) ??
          readings.find((name) => name.length === surname.length + 2))
        : undefined) ??
      (forBefore
        ? readings.find((name) => /^(?:申请|办理|发放|送去|争取|落实|解决)/.test(after(name)))
        : undefined);
    if (!accepted || CADRE_AFTER.test(after(accepted))) continue;
    if ([...allowed].some((name) => name.startsWith(accepted) || accepted.startsWith(name)))
      continue;
    found.push({ name: accepted, surname, index: i });
    i += accepted.length - 1;
  }
  return found;
}
