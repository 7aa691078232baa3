import { dirname, isAbsolute, relative, sep } from 'node:path';
import { MEDIA_FOLDER } from './names.ts';

export interface LocalRepo {
  /** The folder the local backend treats as the repository. */
  repoPath: string;
  /** The content folder relative to repoPath, with forward slashes (e.g. `content`). */
  contentFolder: string;
  /** The media folder relative to repoPath. */
  mediaFolder: string;
}

/**
 * Where the local backend reads and writes. Normally the project itself; when SITE_CONTENT_DIR
 * points outside it (tests work on a copy), the copy's parent, so nothing in the project changes.
 */
export function localRepo(root: string, contentDir: string): LocalRepo {
  const inside = relative(root, contentDir);
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) {
    return {
      repoPath: root,
      contentFolder: inside.split(sep).join('/'),
      mediaFolder: MEDIA_FOLDER,
    };
  }
  const parent = dirname(contentDir);
  return {
    repoPath: parent,
    contentFolder: relative(parent, contentDir).split(sep).join('/'),
    mediaFolder: MEDIA_FOLDER,
  };
}
