import { describe, expect, it } from 'vitest';
import { withServerBackend } from '../../src/server/app';
import { entryTitle } from '../../src/server/entry-title';
import { parseSettings } from '../../src/server/settings';

describe('server settings', () => {
  it('has a default for everything and resolves paths', () => {
    const settings = parseSettings('', '/srv/site/data/server.yml', '/srv/site');
    expect(settings).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      branch: 'main',
      repoPath: '/srv/site',
      accountsPath: '/srv/site/data/accounts.json',
      sitePath: '/srv/site/dist',
      lockout: { accountFailures: 5, addressFailures: 20, minutes: 15 },
    });
    expect(parseSettings('siteDir: ""', 'f', '/x').sitePath).toBeUndefined();
  });

  it('names the file and the setting when something is wrong', () => {
    expect(() => parseSettings('port: 盘', '/srv/data/server.yml', '/srv')).toThrow(
      /设置文件 \/srv\/data\/server.yml 有误：[\s\S]*port（端口）必须是数字/,
    );
    expect(() => parseSettings('prot: 80', 'f.yml', '/')).toThrow(/不认识的设置：prot/);
    expect(() => parseSettings('port: [', 'f.yml', '/')).toThrow(/f.yml 的写法有误/);
    expect(() => parseSettings('publicOrigin: 网址', 'f.yml', '/')).toThrow(
      /publicOrigin（正式网址）/,
    );
  });
});

describe('admin page on the server', () => {
  it('points the built CMS at the proxy API with the editorial workflow', () => {
    const page =
      '<html><head><script type="application/json" id="cms-config">{"backend":{"name":"github","repo":"a/b","branch":"main"},"local_backend":{"url":"/x"},"collections":[]}</script></head></html>';
    const json = /id="cms-config">(.*?)<\/script>/.exec(withServerBackend(page, 'main'))?.[1];
    expect(JSON.parse(json ?? '{}')).toEqual({
      backend: { name: 'proxy', proxy_url: '/api/v1', branch: 'main' },
      publish_mode: 'editorial_workflow',
      collections: [],
    });
  });
});

describe('entry titles in commit messages', () => {
  it('uses 期号 and title, a contact name, or the file name', () => {
    expect(
      entryTitle('content/study/2026-07.md', '---\ntitle: 学习二十大\nissue: 7\n---\n正文'),
    ).toBe('第7期 学习二十大');
    expect(entryTitle('content/contacts/wang.md', '---\nname: 王志强\nrole: 书记\n---\n')).toBe(
      '王志强',
    );
    expect(entryTitle('content/settings/site.yml', 'name: 桥北社区党支部\n')).toBe(
      '桥北社区党支部',
    );
    expect(entryTitle('content/notices/x.md', 'no front matter')).toBe('x.md');
  });
});
