/** Names shared by the generated config, the browser entry and the dev server (no imports: the admin bundle uses it). */

/** The path the dev server mounts Decap's local backend on. */
export const LOCAL_BACKEND_PATH = '/__decap/api/v1';

/** Name of the front matter format registered for each collection. */
export const formatName = (collection: string) => `site-md-${collection}`;

/**
 * A field only the CMS has: the readable ASCII part of a new entry's file name (and URL). It is
 * never written into the file; the file name carries it.
 */
export const URL_NAME = 'urlName';

export const MEDIA_FOLDER = 'public/uploads';
export const PUBLIC_MEDIA_FOLDER = '/uploads';

/** Response header that carries the warnings of a save (JSON, URI-encoded) back to the CMS. */
export const SAVE_WARNINGS_HEADER = 'x-cms-warnings';
