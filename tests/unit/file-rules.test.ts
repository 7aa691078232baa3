import { describe, expect, it } from 'vitest';
import { isEntryFileName, URL_NAME_PATTERN } from '@/lib/file-name';
import { isImageAddress, isImageFile } from '@/lib/image-extension';

describe('picture extensions', () => {
  it('accepts the picture formats in any case, and nothing else', () => {
    for (const name of ['a.jpg', 'a.JPEG', '/uploads/a.png', 'a.webp', 'a.gif', 'a.avif', 'a.svg'])
      expect(isImageFile(name), name).toBe(true);
    for (const name of ['a.pdf', 'a.md', 'a.png.txt', 'jpg', 'a.png?v=2'])
      expect(isImageFile(name), name).toBe(false);
  });

  it('reads an address with a query or fragment as a picture', () => {
    expect(isImageAddress('/uploads/a.png?v=2')).toBe(true);
    expect(isImageAddress('/uploads/a.jpg#top')).toBe(true);
    expect(isImageAddress('/study/2026-03/')).toBe(false);
  });
});

describe('file names', () => {
  it('builds any lower-case name of letters, digits and hyphens', () => {
    for (const id of ['2026-03', '2026-03-15-zhuti-dangri', 'a--b', 'a-'])
      expect(isEntryFileName(id), id).toBe(true);
    for (const id of ['-a', 'Zhuti', '主题', 'a_b', ''])
      expect(isEntryFileName(id), id).toBe(false);
  });

  it('asks the CMS for words joined by single hyphens', () => {
    expect(URL_NAME_PATTERN.test('zhuti-dangri')).toBe(true);
    for (const name of ['a--b', 'a-', '-a', 'Zhuti'])
      expect(URL_NAME_PATTERN.test(name), name).toBe(false);
  });
});
