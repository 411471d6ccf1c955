import { createHash } from 'node:crypto';
import { bundleVersion } from '../../test/build/scripts_lib';

const ENTRY = 'exchangeMessageTrace.plugin.js';
const CHUNK = 'exchangeMessageTrace.chunk.0.js';
const files: Array<[string, string]> = [
  [ENTRY, 'entry();'],
  [CHUNK, 'chunk();'],
];

/** The rule README's "Install into Kibana" states, computed here with Node's crypto. */
function expectedDigest(entries: Array<[string, string]>) {
  const hash = createHash('sha256');
  for (const [name, text] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${name}\0${Buffer.byteLength(text)}\0${text}`);
  }
  return hash.digest('hex').slice(0, 12);
}

describe('the version written into the zip’s kibana.json', () => {
  it('is the kibana.jsonc version with the digest of target/public as a pre-release part', () => {
    expect(bundleVersion('0.1.0', files)).toBe(`0.1.0-public-${expectedDigest(files)}`);
    expect(bundleVersion('1.2.0-rc.1', files)).toBe(`1.2.0-rc.1.public-${expectedDigest(files)}`);
  });

  it('is the same for the same files, in any order', () => {
    expect(bundleVersion('0.1.0', [...files].reverse())).toBe(bundleVersion('0.1.0', files));
  });

  it('changes with a file’s contents, a file’s name, or the kibana.jsonc version', () => {
    const version = bundleVersion('0.1.0', files);
    const others = [
      bundleVersion('0.1.0', [[ENTRY, 'entry(1);'], files[1]!]),
      bundleVersion('0.1.0', [files[0]!, ['exchangeMessageTrace.chunk.1.js', 'chunk();']]),
      bundleVersion('0.1.1', files),
    ];
    expect(new Set([version, ...others]).size).toBe(4);
  });

  it('holds only characters that no proxy may rewrite in a URL path', () => {
    // RFC 3986 §2.3 unreserved characters; the `+` of semver build metadata is not one of them.
    expect(bundleVersion('0.1.0', files)).toMatch(/^[A-Za-z0-9._~-]+$/);
  });

  it('refuses a kibana.jsonc version that is not semver or carries +build metadata', () => {
    for (const version of ['0.1', '0.1.0+build.7', 'v0.1.0']) {
      expect(() => bundleVersion(version, files)).toThrow(
        `The version in kibana.jsonc must be semver without +build metadata (like 1.2.0 or 1.2.0-rc.1), got "${version}"`
      );
    }
  });
});
