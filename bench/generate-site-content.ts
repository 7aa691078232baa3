/**
 * Generates a whole content folder for the build benchmark: every collection, realistic Chinese
 * text with `##` sections, lists, tables and report figures, valid against src/schemas.
 * Deterministic: the same count always gives the same files.
 *
 *   node bench/generate-site-content.ts <dir> <count>
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How many entries of each collection a site of `count` entries has. */
export function collectionCounts(count: number) {
  const contacts = Math.max(3, Math.round(count * 0.05));
  const study = Math.max(1, Math.round(count * 0.15));
  const notices = Math.max(1, Math.round(count * 0.3));
  const reports = Math.max(1, count - contacts - study - notices);
  return { contacts, study, notices, reports };
}

function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const ESTATES = [
  '桥北',
  '阳光',
  '幸福里',
  '和平',
  '建设路',
  '文化巷',
  '东风',
  '新华',
  '红旗',
  '向阳',
  '滨河',
  '铁路',
  '纺织厂',
  '南湖',
  '北苑',
  '梨园',
  '翠竹',
  '春晖',
];
const PEOPLE = [
  '支部书记',
  '党员志愿者',
  '网格员',
  '楼栋长',
  '驻社区联系干部',
  '社区民警',
  '退休老党员',
  '青年党员',
  '居委会主任',
  '社区医生',
  '物业经理',
  '共建单位党员',
];
const GROUPS = [
  '独居老人',
  '困难家庭',
  '残疾人家庭',
  '留守儿童',
  '新就业群体',
  '外来务工人员',
  '低保户',
  '退役军人',
  '高龄老人',
  '失业人员',
  '新迁入居民',
];
const ACTIVITIES = [
  '主题党日',
  '入户走访',
  '政策宣讲',
  '环境整治',
  '冬季消防检查',
  '义诊送药',
  '法律咨询',
  '助老服务',
  '垃圾分类宣传',
  '防范电信诈骗宣传',
  '医保缴费提醒',
  '就业帮扶',
  '节日慰问',
  '文明楼院评比',
  '党员读书会',
  '党史学习',
  '邻里节',
  '义务植树',
  '献血动员',
  '安全隐患排查',
];
const PROBLEMS = [
  '用水困难',
  '楼道堆放杂物',
  '路灯损坏',
  '停车难',
  '下水道堵塞',
  '电动自行车入户充电',
  '广场舞噪音',
  '绿化带缺损',
  '屋顶漏水',
  '健身器材老化',
  '快递柜不够用',
  '老旧电梯维修',
  '井盖缺失',
  '化粪池外溢',
];
const TOPICS = [
  '党章党规',
  '基层治理',
  '乡村振兴',
  '法治建设',
  '安全生产',
  '生态文明',
  '民法典',
  '反诈知识',
  '健康知识',
  '消防常识',
  '垃圾分类',
  '廉洁自律',
  '学习型党组织建设',
  '群众路线',
  '志愿服务精神',
  '养老政策',
  '医疗保障',
  '就业创业政策',
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** One sentence of the kind branch reports are made of. */
function sentence(r: Random): string {
  const templates: (() => string)[] = [
    () =>
      `${r.pick(PEOPLE)}坚持每月深入${r.pick(ESTATES)}小区${r.int(1, 30)}号楼，了解${r.pick(GROUPS)}的实际困难，做到底数清、情况明。`,
    () =>
      `本季度共开展${r.pick(ACTIVITIES)}活动${r.int(2, 15)}次，参与群众${r.int(30, 900)}人次，收集意见建议${r.int(5, 80)}条。`,
    () =>
      `针对居民反映强烈的${r.pick(PROBLEMS)}问题，支部与物业、街道城管所多次协调，${r.int(3, 30)}天内拿出了解决办法。`,
    () =>
      `围绕“${r.pick(TOPICS)}”这一主题，${r.pick(PEOPLE)}结合身边事例讲解，大家听得懂、记得住、用得上。`,
    () =>
      `我们把${r.pick(ACTIVITIES)}和${r.pick(ACTIVITIES)}结合起来，让党员在服务群众中受教育、长本领。`,
    () =>
      `${r.pick(ESTATES)}片区的${r.pick(GROUPS)}王某某家中有困难，${r.pick(PEOPLE)}上门了解情况，协助办理了相关手续。`,
    () =>
      `通过召开居民会、户主会，利用黑板报、宣传栏和微信群，宣传${r.pick(TOPICS)}的基本要求，营造人人参与的良好氛围。`,
    () =>
      `下一步，支部将继续落实“三会一课”制度，把${r.pick(TOPICS)}学习同解决${r.pick(PROBLEMS)}等实际问题结合起来。`,
    () =>
      `对一时解决不了的${r.pick(PROBLEMS)}问题，我们记在民情日记里，向有关部门反映，并定期向居民通报进展。`,
    () =>
      `活动结束后，${r.int(10, 60)}名党员分成${r.int(3, 9)}个小组，分别到${r.pick(ESTATES)}、${r.pick(ESTATES)}两个片区开展${r.pick(ACTIVITIES)}。`,
    () =>
      `居民李某某说：“以前${r.pick(PROBLEMS)}的事找谁都不知道，现在一个电话，${r.pick(PEOPLE)}当天就来了。”`,
    () =>
      `全年累计帮助${r.pick(GROUPS)}${r.int(5, 120)}户，办理各类事项${r.int(20, 400)}件，群众满意率达到${r.int(90, 99)}%。`,
    () =>
      `学习中，大家重点讨论了如何用${r.pick(TOPICS)}指导${r.pick(ACTIVITIES)}，提出了${r.int(3, 12)}条具体改进措施。`,
    () =>
      `为方便群众联系干部，支部印制联系电话卡${r.int(40, 600)}份，分发到${r.pick(ESTATES)}小区每家每户。`,
    () =>
      `${r.pick(PEOPLE)}带头认领了${r.int(2, 8)}项微心愿，为${r.pick(GROUPS)}送去米面油和过冬棉衣。`,
  ];
  return r.pick(templates)();
}

function paragraph(r: Random): string {
  return Array.from({ length: r.int(3, 6) }, () => sentence(r)).join('');
}

function section(r: Random, index: number, heading: string): string {
  const parts = [`## ${NUMERALS[index] ?? index + 1}、${heading}`];
  const paragraphs = r.int(2, 4);
  for (let p = 0; p < paragraphs; p++) {
    const lead = r.chance(0.3) ? `**（${NUMERALS[p] ?? p + 1}）${r.pick(ACTIVITIES)}。** ` : '';
    parts.push(lead + paragraph(r));
  }
  if (r.chance(0.35)) {
    parts.push(
      Array.from(
        { length: r.int(3, 5) },
        (_, i) => `${i + 1}. ${r.pick(ACTIVITIES)}：${sentence(r)}`,
      ).join('\n'),
    );
  }
  if (r.chance(0.15)) {
    const rows = Array.from(
      { length: r.int(3, 6) },
      () =>
        `| ${r.pick(ESTATES)}片区 | ${r.pick(ACTIVITIES)} | ${r.int(10, 300)} | ${r.pick(PEOPLE)} |`,
    );
    parts.push(
      ['| 片区 | 工作 | 人次 | 负责人 |', '| --- | --- | --- | --- |', ...rows].join('\n'),
    );
  }
  return parts.join('\n\n');
}

const HEADINGS = [
  '工作开展情况',
  '主要做法',
  '取得的成效',
  '存在的不足',
  '下一步工作计划',
  '学习要点',
  '群众反映的问题',
  '注意事项',
];

/** A long Markdown body of several `##` sections. */
function body(r: Random, sections: number): string {
  const intro = paragraph(r);
  const start = r.int(0, HEADINGS.length - 1);
  const parts = [intro];
  for (let s = 0; s < sections; s++)
    parts.push(section(r, s, HEADINGS[(start + s) % HEADINGS.length] as string));
  return `${parts.join('\n\n')}\n`;
}

const KINDS = ['联系群众', '主题党日', '三会一课', '志愿服务', '帮扶救助', '工作总结', '其他'];
const KIND_SLUGS = ['lianxi', 'dangri', 'sanhui', 'zhiyuan', 'bangfu', 'zongjie', 'qita'];
const FIGURES = [
  ['走访群众', '人次'],
  ['发放宣传资料', '份'],
  ['受益群众', '人'],
  ['解决问题', '件'],
  ['参与党员', '人'],
  ['志愿服务时长', '小时'],
  ['慰问困难户', '户'],
  ['收集意见建议', '条'],
  ['入户检查', '户'],
  ['群众满意率', '%'],
] as const;
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
];
const GIVEN = [
  '建国',
  '丽娟',
  '志强',
  '秀梅',
  '卫东',
  '海燕',
  '晓磊',
  '桂芳',
  '军',
  '红',
  '平',
  '敏',
];
const ROLES = ['党支部书记', '副书记', '组织委员', '宣传委员', '纪检委员', '网格员', '楼栋长'];

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 11, 1);
const LAST_DAY = Date.UTC(2026, 10, 27);

/** Entries spread evenly over ten years of archives, oldest first. */
function dateAt(i: number, total: number): string {
  const t =
    FIRST_DAY + Math.floor(((LAST_DAY - FIRST_DAY) / DAY) * (i / Math.max(1, total - 1))) * DAY;
  return new Date(t).toISOString().slice(0, 10);
}

/** One issue a month (the content check allows no more), the newest in the archive's last month. */
function monthlyDate(i: number, total: number): string {
  const last = new Date(LAST_DAY);
  const monthsBack = total - 1 - i;
  return new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - monthsBack, 5))
    .toISOString()
    .slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** YAML string, quoted so that numbers and dates stay text. */
const q = (value: string) => JSON.stringify(value);

function write(dir: string, folder: string, id: string, front: string[], text: string) {
  writeFileSync(join(dir, folder, `${id}.md`), `---\n${front.join('\n')}\n---\n\n${text}`);
}

/**
 * Writes `count` entries (plus the site settings) into `dir`, replacing what was there.
 * Returns how many entries of each collection it wrote.
 */
export function generateSiteContent(dir: string, count: number) {
  const counts = collectionCounts(count);
  rmSync(dir, { recursive: true, force: true });
  for (const folder of ['settings', 'study', 'reports', 'notices', 'contacts'])
    mkdirSync(join(dir, folder), { recursive: true });
  const r = random(count);

  writeFileSync(
    join(dir, 'settings/site.yml'),
    [
      'name: 桥北社区党支部',
      'parentOrg: 某某街道党工委',
      'address: 某某市某某区某某街道桥北路18号 桥北社区党群服务中心一楼',
      'phone: "0310-3016601"',
      'supervisionPhone: "0310-3016612"',
      'reception: 每周三 9:00—11:30',
      'intro: 桥北社区党支部隶属某某街道党工委，联系服务社区居民一千二百余户。',
      'siteUrl: https://qiaobei.example.cn',
      '',
    ].join('\n'),
  );

  for (let i = 0; i < counts.study; i++) {
    const date = monthlyDate(i, counts.study);
    const topics = [r.pick(TOPICS), r.pick(TOPICS), r.pick(TOPICS)];
    write(
      dir,
      'study',
      `${date.slice(0, 7)}-${i + 1}`,
      [
        `title: ${q(`学习${topics[0]}，做好${r.pick(ACTIVITIES)}`)}`,
        `issue: ${i + 1}`,
        `month: ${q(date.slice(0, 7))}`,
        `date: ${date}`,
        `summary: ${q(`本期学习${topics[0]}和${topics[1]}，结合${r.pick(PROBLEMS)}等身边事谈体会。`)}`,
        'topics:',
        ...[...new Set(topics)].map((topic) => `  - ${topic}`),
      ],
      body(r, r.int(3, 5)),
    );
  }

  for (let i = 0; i < counts.reports; i++) {
    const date = dateAt(i, counts.reports);
    const k = r.int(0, KINDS.length - 1);
    const figures = Array.from({ length: r.int(2, 5) }, () => r.pick(FIGURES));
    write(
      dir,
      'reports',
      `${date}-${KIND_SLUGS[k]}-${i + 1}`,
      [
        `title: ${q(`${r.pick(ESTATES)}片区${r.pick(ACTIVITIES)}工作情况报告`)}`,
        `date: ${date}`,
        `summary: ${q(sentence(r))}`,
        `kind: ${KINDS[k]}`,
        `author: ${r.pick(PEOPLE)}`,
        'figures:',
        ...[...new Set(figures)].map(
          ([label, unit]) =>
            `  - { label: ${label}, value: ${unit === '%' ? r.int(85, 100) : r.int(3, 900)}, unit: ${q(unit)} }`,
        ),
      ],
      body(r, r.int(3, 6)),
    );
  }

  for (let i = 0; i < counts.notices; i++) {
    const date = dateAt(i, counts.notices);
    const expires = r.chance(0.5) ? [`expires: ${addDays(date, r.int(7, 60))}`] : [];
    const pinned = expires.length === 0 && r.chance(0.02) ? ['pinned: true'] : [];
    write(
      dir,
      'notices',
      `${date}-tongzhi-${i + 1}`,
      [
        `title: ${q(`关于开展${r.pick(ESTATES)}片区${r.pick(ACTIVITIES)}的通知`)}`,
        `date: ${date}`,
        `summary: ${q(sentence(r))}`,
        ...pinned,
        ...expires,
      ],
      `各位居民：\n\n${body(r, r.int(2, 3))}\n特此通知。\n`,
    );
  }

  for (let i = 0; i < counts.contacts; i++) {
    const name = `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
    write(
      dir,
      'contacts',
      `ganbu-${i + 1}`,
      [
        `name: ${name}`,
        `role: ${r.pick(ROLES)}`,
        `duties: ${q(`负责${r.pick(ACTIVITIES)}、${r.pick(ACTIVITIES)}和${r.pick(GROUPS)}的联系服务。`)}`,
        `phone: ${q(`139${String(3100000 + i * 7919).padStart(8, '0')}`)}`,
        `area: ${q(`${r.pick(ESTATES)}小区 ${r.int(1, 20)}—${r.int(21, 40)} 号楼`)}`,
        `households: ${r.int(40, 300)}`,
        `reception: 每周${r.pick(['一', '二', '三', '四', '五'])}上午`,
        `order: ${i + 1}`,
      ],
      r.chance(0.5) ? `${paragraph(r)}\n` : '',
    );
  }
  return counts;
}

if (import.meta.main) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count || !(Number(count) > 0)) {
    console.error('用法：node bench/generate-site-content.ts <目录> <条目数>');
    process.exit(1);
  }
  console.log(generateSiteContent(dir, Number(count)));
}
