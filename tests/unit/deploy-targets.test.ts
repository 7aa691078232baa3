import { describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE, REVALIDATE } from '../../src/deploy/cache-control.ts';
import { contentTypeFor } from '../../src/deploy/content-type.ts';
import { describeTarget, parseTarget, parseTargets } from '../../src/deploy/targets.ts';

describe('upload targets', () => {
  it('reads S3, SSH and local targets', () => {
    expect(parseTarget('s3://dangzhibu-site/www/')).toEqual({
      kind: 's3',
      bucket: 'dangzhibu-site',
      prefix: 'www/',
    });
    expect(parseTarget('s3://dangzhibu-1250000000')).toEqual({
      kind: 's3',
      bucket: 'dangzhibu-1250000000',
      prefix: '',
    });
    expect(parseTarget('ssh://deploy@example.cn:2222/var/www/site')).toEqual({
      kind: 'ssh',
      host: 'deploy@example.cn',
      port: 2222,
      path: '/var/www/site',
    });
    expect(parseTarget('deploy@example.cn:/var/www/site')).toEqual({
      kind: 'ssh',
      host: 'deploy@example.cn',
      path: '/var/www/site',
    });
    expect(parseTarget('/srv/www')).toEqual({ kind: 'local', path: '/srv/www' });
    expect(parseTargets(' /a\n s3://bucket-one ')).toHaveLength(2);
    expect(describeTarget(parseTarget('ssh://deploy@example.cn:2222/var/www'))).toBe(
      'ssh://deploy@example.cn:2222/var/www',
    );
  });

  it('refuses targets it cannot use, in Chinese', () => {
    expect(() => parseTarget('s3://Bad_Bucket')).toThrow(/存储桶名称不对/);
    expect(() => parseTarget('ssh://u:secret@example.cn/x')).toThrow(/不能带密码/);
    expect(() => parseTarget('relative/folder')).toThrow(/看不懂上传目标/);
    expect(() => parseTarget('/')).toThrow(/根目录/);
  });
});

describe('cache headers', () => {
  it('caches hashed files for a year and makes everything else revalidate', () => {
    expect(cacheControlFor('_astro/BaseLayout.Be3RDxes.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('pagefind/fragment/zh-cn_2d2e7b7.pf_fragment')).toBe(IMMUTABLE);
    expect(cacheControlFor('pagefind/pagefind.zh-cn_6aee8c934027c.pf_meta')).toBe(IMMUTABLE);
    // These name the current index chunks, so a stale copy breaks search after a release.
    expect(cacheControlFor('pagefind/pagefind-entry.json')).toBe(REVALIDATE);
    expect(cacheControlFor('pagefind/pagefind.js')).toBe(REVALIDATE);
    expect(cacheControlFor('pagefind/wasm.unknown.pagefind')).toBe(REVALIDATE);
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('study/2026-03/index.html')).toBe('no-cache');
    expect(cacheControlFor('reading-aids.js')).toBe('no-cache');
    expect(cacheControlFor('uploads/照片.jpg')).toBe('no-cache');
  });

  it('stores text with its charset', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('_astro/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('rss.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeFor('favicon.svg')).toBe('image/svg+xml; charset=utf-8');
    expect(contentTypeFor('uploads/a.jpg')).toBe('image/jpeg');
    expect(contentTypeFor('pagefind/index/zh-cn_1.pf_index')).toBe('application/octet-stream');
  });
});
