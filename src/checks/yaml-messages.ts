import type { YAMLError } from 'yaml';

const BY_CODE: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: '同一个字段写了两次：请删除重复的一行',
  MISSING_CHAR: '引号或括号没有配对：检查这一行的 " \' [ ] { } 是否成对',
  BAD_INDENT:
    '缩进或括号有误：列表写在方括号里时要以 ] 结束，{ 要以 } 结束；换行续写的内容要比字段名多缩进两个空格',
  TAB_AS_INDENT: '用了 Tab 键缩进：请改用空格',
  BLOCK_AS_IMPLICIT_KEY:
    '一行里有两个“冒号加空格”：内容本身含有“: ”时，请把整段内容用英文双引号括起来，例如 title: "通知: 停水"',
  MULTILINE_IMPLICIT_KEY:
    '这一行不是“字段名: 内容”的格式：检查冒号后是否有空格、上一行的引号是否配对',
  UNEXPECTED_TOKEN: '这一行的格式无法识别：检查冒号、短横线和缩进',
  BAD_SCALAR_START:
    '内容以 @ ` | > % 等特殊符号开头：请把内容用英文双引号括起来，例如 author: "@王某某"',
  BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 用法有误：请改用单引号，或删除反斜杠',
  MULTIPLE_DOCS: '信息区里多了一行 ---：信息区只能以 --- 开始、以 --- 结束',
  BAD_ALIAS: '内容以 * 开头：请把内容用英文双引号括起来',
  BLOCK_IN_FLOW: '方括号或大括号里的内容不能换行写列表：请写成 [甲, 乙] 或每行一个 “- 甲”',
  KEY_OVER_1024_CHARS: '字段名太长：可能是少了“冒号加空格”',
};

/**
 * The first YAML error of a file as a Chinese sentence a secretary can act on; `line` is the text
 * of the line it points at, which often says more than the parser's error code.
 */
export function yamlMessage(error: Pick<YAMLError, 'code' | 'message'>, line = ''): string {
  if (/^\s*[A-Za-z]\w*\s*：/.test(line))
    return 'YAML 格式错误：字段名后用了中文冒号“：”，请改成英文冒号加一个空格，例如 title: 标题';
  if (/^\s*[A-Za-z]\w*:[^\s]/.test(line) && !/^\s*[A-Za-z]\w*:\/\//.test(line))
    return 'YAML 格式错误：冒号后缺少空格，请写成“字段名: 内容”，例如 title: 标题';
  const known = BY_CODE[error.code];
  return known
    ? `YAML 格式错误：${known}`
    : `YAML 格式错误：${error.message.split('\n')[0]}。常见原因：冒号后缺少空格、引号不成对、缩进不一致`;
}
