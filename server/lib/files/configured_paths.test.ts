import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { config } from '../../index';
import { globBase, globProblem, globToRegExp, isAllowedPath } from './configured_paths';
import { findConfiguredFiles } from './find_configured_files';

describe('configured path globs', () => {
  it('accept absolute globs under a named directory only', () => {
    expect(globProblem('/data/exports/*.csv')).toBeUndefined();
    expect(globProblem('/data/exports/**/*.{csv,ndjson,gz}')).toBeUndefined();
    expect(globProblem('exports/*.csv')).toMatch(/not an absolute path/);
    expect(globProblem('/data/exports/../*.csv')).toMatch(/contains "\.\."/);
    expect(globProblem('/**/*.csv')).toMatch(/name at least one directory/);
    expect(globProblem('/*/exports/*.csv')).toMatch(/name at least one directory/);
  });

  it('match names the way a shell would', () => {
    const csv = globToRegExp('/data/exports/*.csv');
    expect(csv.test('/data/exports/trace.csv')).toBe(true);
    expect(csv.test('/data/exports/sub/trace.csv')).toBe(false);
    expect(csv.test('/data/exports/trace.csv.gz')).toBe(false);
    const deep = globToRegExp('/data/exports/**/trace-?.{csv,ndjson*}');
    expect(deep.test('/data/exports/trace-1.csv')).toBe(true);
    expect(deep.test('/data/exports/a/b/trace-2.ndjson.gz')).toBe(true);
    expect(deep.test('/data/exports/a/trace-10.csv')).toBe(false);
    expect(globToRegExp('/data/(x)+.csv').test('/data/(x)+.csv')).toBe(true);
    expect(globBase('/data/exports/**/x.csv')).toBe('/data/exports');
    expect(globBase('/data/exports/trace.csv')).toBe('/data/exports');
  });

  it('refuse paths outside the globs or with ".." before anything else', () => {
    const globs = ['/data/exports/*.csv'];
    expect(isAllowedPath('/data/exports/trace.csv', globs)).toBe(true);
    expect(isAllowedPath('/data/exports/../exports/trace.csv', globs)).toBe(false);
    expect(isAllowedPath('/data/exports/..', ['/data/exports/*'])).toBe(false);
    expect(isAllowedPath('/etc/passwd', globs)).toBe(false);
    expect(isAllowedPath('data/exports/trace.csv', globs)).toBe(false);
    expect(isAllowedPath('/data/exports/trace.csv', ['/**/*.csv'])).toBe(false);
    expect(isAllowedPath('/data/exports/trace.csv\0.csv', globs)).toBe(false);
  });

  it('find the regular files they match, never through a symbolic link', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'emt-globs-'));
    mkdirSync(path.join(root, 'exports', 'old'), { recursive: true });
    mkdirSync(path.join(root, 'secret'));
    for (const file of ['exports/a.csv', 'exports/b.ndjson', 'exports/old/c.csv', 'secret/s.csv']) {
      writeFileSync(path.join(root, file), 'x');
    }
    symlinkSync(path.join(root, 'secret', 's.csv'), path.join(root, 'exports', 'link.csv'));
    symlinkSync(path.join(root, 'secret'), path.join(root, 'exports', 'linked_dir'));
    expect(await findConfiguredFiles([`${root}/exports/*.csv`])).toEqual([`${root}/exports/a.csv`]);
    expect(await findConfiguredFiles([`${root}/exports/**/*.{csv,ndjson}`])).toEqual([
      `${root}/exports/a.csv`,
      `${root}/exports/b.ndjson`,
      `${root}/exports/old/c.csv`,
    ]);
    expect(await findConfiguredFiles([`${root}/missing/*.csv`, 'relative/*.csv'])).toEqual([]);
  });
});

describe('kibana.yml exchange_message_trace.files', () => {
  const validate = (files: Record<string, unknown>) =>
    config.schema.validate({ files }, {}, 'exchange_message_trace');

  it('takes absolute globs and defaults the rest', () => {
    expect(validate({ paths: ['/data/exports/*.csv'] }).files).toEqual({
      paths: ['/data/exports/*.csv'],
      maxUploadBytes: 1024 ** 3,
      maxUploadRows: 1_000_000,
      localDomains: [],
      namespace: 'default',
      interval: '1m',
    });
  });

  it('refuses a glob Kibana must not read, and bad values, when Kibana starts', () => {
    expect(() => validate({ paths: ['exports/*.csv'] })).toThrow(/not an absolute path/);
    expect(() => validate({ paths: ['/data/../etc/*'] })).toThrow(/contains "\.\."/);
    expect(() => validate({ timezone: 'Mars/Olympus' })).toThrow(/not an IANA time zone/);
    expect(() => validate({ dateCulture: 'xx-XX' })).toThrow(/one of en-US/);
    expect(() => validate({ maxUploadBytes: 0 })).toThrow(/equal to or greater than \[1\]/);
  });
});
