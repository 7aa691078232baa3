/**
 * The elderly-friendly web spec (工业和信息化部《互联网网站适老化通用设计规范》, 2021) as this site
 * meets it: each requirement, how the site meets it, and the automated test that proves it. The
 * /accessibility/ page is generated from this list, the tests read their floors from it, and a
 * unit test fails when a named test no longer exists, so the page claims nothing unchecked.
 */

export interface ClauseCheck {
  /** Test file, relative to the repository root. */
  file: string;
  /** The test's name as written in the file (without the page or mode it runs on). */
  name: string;
}

export interface Clause {
  id: string;
  /** The spec's principle the requirement belongs to. */
  group: '可感知性' | '可操作性' | '可理解性' | '兼容性' | '辅助功能';
  title: string;
  /** What the spec asks, in short. */
  asks: string;
  /** How this site meets it. */
  how: string;
  checks: ClauseCheck[];
}

/** Size floors in CSS px per text size: the spec's 18 for main text, 44×44 and 60×60 targets. */
export const SIZE_FLOORS = {
  standard: { text: 16, mustRead: 18, target: 44 },
  large: { text: 18, mustRead: 18, target: 44 },
  xlarge: { text: 18, mustRead: 18, target: 60 },
} as const;

/** Contrast of the keyboard focus ring against what is around it (WCAG 2.2 2.4.13 asks 3:1). */
export const FOCUS_RING_CONTRAST = 3;

const SIZES: ClauseCheck = {
  file: 'tests/e2e/a11y-sizes.test.ts',
  name: '字号与点按目标达标',
};
const AXE: ClauseCheck = {
  file: 'tests/e2e/a11y-pages.test.ts',
  name: 'axe 无违规，字号、目标大小和版面合格',
};
const KEYBOARD: ClauseCheck = {
  file: 'tests/e2e/a11y-keyboard.test.ts',
  name: '只用键盘走遍全页，焦点清晰可见',
};

export const CLAUSES: Clause[] = [
  {
    id: 'text-size',
    group: '可感知性',
    title: '字号',
    asks: '主要文字信息不小于 18 像素，并可调大。',
    how: '正文 18 像素；日期、标签、表格、干部留言也不小于 18 像素，页面上没有小于 16 像素的文字。每页顶部可选“大”（22 像素）和“特大”（24 像素），此时没有小于 18 像素的文字。',
    checks: [SIZES, AXE],
  },
  {
    id: 'line-spacing',
    group: '可感知性',
    title: '行间距',
    asks: '段落内文字的行距至少为 1.3 倍。',
    how: '正文行距 1.8 倍，段落之间另留一行的空白。',
    checks: [AXE],
  },
  {
    id: 'contrast',
    group: '可感知性',
    title: '对比度',
    asks: '文字与背景的对比度至少 4.5:1（大字至少 3:1）。',
    how: '所有页面的文字在普通、大字号和高对比度模式下都达到 WCAG 2.2 AA 的对比度。',
    checks: [AXE],
  },
  {
    id: 'high-contrast',
    group: '辅助功能',
    title: '背景色高对比',
    asks: '提供背景色高对比的阅读方式。',
    how: '每页顶部的“高对比度”按钮切换为黑底白字、黄色链接，选择会记住，下次打开任何页面都先按它显示。',
    checks: [
      {
        file: 'tests/e2e/a11y-reading-aids.test.ts',
        name: 'switches high contrast on and off, and remembers it',
      },
      SIZES,
    ],
  },
  {
    id: 'enlarge',
    group: '辅助功能',
    title: '特大字体与文字放大',
    asks: '提供特大字体和文字放大，放大后页面仍可正常使用。',
    how: '字号按钮“标准 / 大 / 特大”放大全站文字和按钮；字号跟随浏览器自己的字号设置；放大后手机上不需要左右滚动。',
    checks: [
      {
        file: 'tests/e2e/a11y-reading-aids.test.ts',
        name: 'changes the text size and remembers it across a reload and other pages',
      },
      AXE,
    ],
  },
  {
    id: 'colour-alone',
    group: '可感知性',
    title: '不只靠颜色传达信息',
    asks: '颜色不是传达信息、表明状态的唯一手段。',
    how: '选中的字号按钮带“✓”并加粗；正文里的链接带下划线；图表旁有同样内容的表格。',
    checks: [AXE],
  },
  {
    id: 'text-alternatives',
    group: '可感知性',
    title: '图片和图表的文字说明',
    asks: '图片等非文字内容提供文字替代。',
    how: '封面和照片必须填写图片说明才能发布；工作数据的条形图都能展开成表格。',
    checks: [AXE],
  },
  {
    id: 'voice-reading',
    group: '辅助功能',
    title: '语音阅读',
    asks: '文章页提供语音阅读。',
    how: '学习园地、工作报告和通知公告的文章页有“朗读全文”按钮，用普通话朗读，可以暂停、继续和停止。',
    checks: [
      {
        file: 'tests/e2e/a11y-reading-aids.test.ts',
        name: 'reads the article in Chinese, with pause, resume and stop',
      },
    ],
  },
  {
    id: 'targets',
    group: '可操作性',
    title: '点按区域大小',
    asks: '主要按钮和链接的可点击区域不小于 44×44 像素，适老版不小于 60×60 像素。',
    how: '句子以外的每个链接和按钮至少 48×48 像素，选“大”或“特大”字号后至少 60×60 像素。',
    checks: [SIZES],
  },
  {
    id: 'keyboard',
    group: '可操作性',
    title: '全程键盘操作',
    asks: '网站可以只用键盘完成全部操作。',
    how: '每个链接、按钮和输入框都能用 Tab 键依次到达，用回车或空格操作；没有只能用鼠标的功能。',
    checks: [KEYBOARD],
  },
  {
    id: 'focus-visible',
    group: '可操作性',
    title: '焦点清晰可见',
    asks: '用键盘操作时，当前位置清楚可见。',
    how: '获得焦点的元素外有 3 像素的蓝色框（红色页头上为白色，高对比度模式为黄色），与周围颜色的对比度至少 3:1。',
    checks: [KEYBOARD],
  },
  {
    id: 'skip-link',
    group: '可操作性',
    title: '跳过重复内容',
    asks: '可以跳过每页重复的导航，直接到正文。',
    how: '每页按第一下 Tab 键出现“跳到正文”，回车后直接到正文。',
    checks: [
      KEYBOARD,
      {
        file: 'tests/e2e/a11y-pages.test.ts',
        name: 'shows the skip link with a visible focus ring on the first Tab',
      },
    ],
  },
  {
    id: 'no-popups',
    group: '可理解性',
    title: '无广告、无弹窗、无诱导按键',
    asks: '网页中没有广告和插件，不出现弹窗，没有诱导下载、诱导付款的按键。',
    how: '网站没有广告、弹窗和第三方脚本；内容安全策略只允许本站自己的脚本运行。',
    checks: [{ file: 'tests/e2e/a11y-keyboard.test.ts', name: '不弹窗、不开新窗口、没有外站脚本' }],
  },
  {
    id: 'language-structure',
    group: '兼容性',
    title: '辅助技术兼容',
    asks: '网页语言、标题、地标和表单标签齐全，读屏软件等辅助技术可以正常使用。',
    how: '每页声明中文（zh-CN），有页面标题、页头、导航、正文和页脚地标；按钮和输入框都有中文名称。',
    checks: [AXE],
  },
];
