import { findEverydayWords, type WordPair } from './everyday-words.ts';
import { isFillerWord, stripQuestionWords } from './question-words.ts';

/** Splits Chinese text into words; in the browser, Intl.Segmenter (as Pagefind does). */
export type Segment = (text: string) => string[];

/** One thing the resident asks about, and the words any of which stand for it on the site. */
export interface Concept {
  /** As the resident wrote it. */
  label: string;
  words: string[];
}

/** How the search page runs a query. */
export interface QueryPlan {
  /** The query had question or filler words in it. */
  isQuestion: boolean;
  /** The query asks who handles something or whom to call. */
  asksWho: boolean;
  /** The table supplied site words for something the resident said. */
  usesTable: boolean;
  /** The meaningful parts, in the order the resident said them. */
  concepts: Concept[];
}

/** Intl.Segmenter's words, punctuation and spaces left out. */
export function intlSegment(locale = 'zh-CN'): Segment {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return (text) =>
    [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
}

/**
 * Words of one stretch of text. Intl.Segmenter cuts words its dictionary lacks (低保, 医保, 八项)
 * into single characters: runs of them are joined back, and lone filler characters (吗, 的) split
 * runs and are dropped.
 */
function wordsOf(chunk: string, segment: Segment): string[] {
  const words: string[] = [];
  let run = '';
  const endRun = () => {
    if (run) words.push(run);
    run = '';
  };
  for (const word of segment(chunk)) {
    if (isFillerWord(word)) endRun();
    else if ([...word].length === 1) run += word;
    else {
      endRun();
      words.push(word);
    }
  }
  endRun();
  return words;
}

/**
 * Turns what a resident typed or said into the things to search for: question words dropped,
 * everyday words paired with the site's words, the rest split into words, and lone characters
 * left out when longer words remain.
 */
export function planQuery(query: string, table: readonly WordPair[], segment: Segment): QueryPlan {
  const stripped = stripQuestionWords(query);
  const { matches, rest } = findEverydayWords(stripped.text, table);
  const concepts: Concept[] = matches.map((match) => ({
    label: match.everyday,
    words: match.words,
  }));
  const found = rest ? rest.split(' ').flatMap((chunk) => wordsOf(chunk, segment)) : [];
  const longer = found.filter((word) => [...word].length > 1);
  const kept = longer.length > 0 || concepts.length > 0 ? longer : found;
  for (const word of kept) {
    if (!concepts.some((concept) => concept.words.includes(word)))
      concepts.push({ label: word, words: [word] });
  }
  // Back in the order the resident said them.
  const text = stripped.text;
  concepts.sort((a, b) => text.indexOf(a.label) - text.indexOf(b.label));
  return {
    isQuestion: stripped.removed.length > 0,
    asksWho: stripped.asksWho,
    usesTable: matches.length > 0,
    concepts,
  };
}
