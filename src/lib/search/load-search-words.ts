import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readEntry } from '../../checks/read-entries.ts';
import { collectionDefinitions } from '../../schemas/index.ts';
import { searchWordsSchema } from '../../schemas/search-words.ts';
import { contentDir } from '../content-dir.ts';
import type { WordPair } from './everyday-words.ts';

/**
 * Reads the search word table (content/settings/search-words.yml) at build time. The content
 * checks stop the build on a broken table first; a missing one leaves search without it.
 */
export function loadSearchWords(root: string, content = contentDir(root)): WordPair[] {
  const { folder, file } = collectionDefinitions.searchWords;
  if (!existsSync(join(content, folder, file))) return [];
  const { entry } = readEntry(root, 'searchWords', file, content);
  const parsed = entry && searchWordsSchema.safeParse(entry.data);
  return parsed?.success ? parsed.data.words : [];
}
