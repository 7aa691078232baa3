/**
 * The words of a question that say how it is asked, not what it is about. Residents type or speak
 * "低保怎么申请", "孩子打疫苗问谁"; Pagefind only returns pages holding every term, so these must go.
 */

/**
 * Phrases that ask who handles something or whom to call. They are dropped like other question
 * words, and they put the cadre whose duties hold the remaining words first.
 */
export const WHO_PHRASES = [
  '打哪个电话',
  '打什么电话',
  '打谁的电话',
  '电话是多少',
  '电话多少',
  '什么电话',
  '哪个电话',
  '归谁管',
  '谁负责',
  '谁管',
  '管谁',
  '找谁',
  '问谁',
  '联系谁',
  '找哪个',
  '找什么人',
  '找哪位',
  '哪个部门',
  '在哪里办',
  '去哪里办',
  '到哪里办',
  '哪里办',
  '在哪办',
  '去哪办',
  '没人管',
  '谁来',
  '谁能',
  '谁',
] as const;

/** Phrases that shape a question; removed wherever they occur, longest first. */
export const QUESTION_PHRASES = [
  '我想问一下',
  '我想问问',
  '想问一下',
  '想问问',
  '我想问',
  '请问一下',
  '请问',
  '问一下',
  '麻烦问',
  '什么时候',
  '啥时候',
  '几时',
  '为什么',
  '怎么办',
  '怎么样',
  '怎么',
  '怎样',
  '咋办',
  '如何',
  '在哪里',
  '在哪儿',
  '去哪里',
  '去哪儿',
  '到哪里',
  '在哪',
  '去哪',
  '哪里',
  '哪儿',
  '哪个',
  '哪些',
  '哪天',
  '哪位',
  '是不是',
  '能不能',
  '可不可以',
  '可以吗',
  '可以',
  '有没有',
  '有什么',
  '要不要',
  '是真的吗',
  '是多少',
  '多少',
  '什么',
  '需要',
  '应该',
  '我想',
  '我要',
  '我家',
  '我们',
  '一下',
  '帮忙',
  '的事情',
  '的事',
  '的问题',
  '解决了吗',
  '要注意',
  '没人',
] as const;

/**
 * Single characters that carry no subject on their own once the phrases are gone (particles,
 * pronouns, the commonest verbs). Only dropped when a word is exactly one of them.
 */
export const FILLER_CHARACTERS = [
  ...'吗呢吧呀啊哦嘛啦呗么的了得地着过是有要我你您他她它在和跟与就都也还能会给把被让去来到对又很太咋啥哪几这那个些事办问找管请想',
] as const;

const byLength = (a: string, b: string) => b.length - a.length;
const WHO = [...WHO_PHRASES].sort(byLength);
const PHRASES = [...QUESTION_PHRASES].sort(byLength);
const FILLERS = new Set<string>(FILLER_CHARACTERS);

/** A question with its question words taken out. */
export interface StrippedQuestion {
  /** What is left, question words replaced by spaces. */
  text: string;
  /** The question words found, in the order removed. */
  removed: string[];
  /** The question asks who handles it or whom to call (谁管 / 找谁 / 打哪个电话). */
  asksWho: boolean;
}

/** Full-width letters and digits made plain, punctuation made a space, Latin letters lower case. */
export function normaliseQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

function removeAll(text: string, phrases: readonly string[], removed: string[]): string {
  let out = text;
  for (const phrase of phrases) {
    if (!out.includes(phrase)) continue;
    removed.push(phrase);
    out = out.split(phrase).join(' ');
  }
  return out;
}

/** Takes the question and filler phrases out of a query, noting whether it asks who to call. */
export function stripQuestionWords(query: string): StrippedQuestion {
  const removed: string[] = [];
  const withoutWho = removeAll(normaliseQuery(query), WHO, removed);
  const asksWho = removed.length > 0;
  const text = removeAll(withoutWho, PHRASES, removed);
  return { text: text.replace(/\s+/g, ' ').trim(), removed, asksWho };
}

/** True for a word that says nothing about the subject on its own (吗, 的, 我…). */
export function isFillerWord(word: string): boolean {
  return FILLERS.has(word);
}
