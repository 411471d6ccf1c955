import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../test/host/plugin_manifest';

const DEPLOY = path.join(REPO_ROOT, 'docs', 'deploy');
const own = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
};
const INSTALLED_BIN = `/opt/exchange-message-trace/${own.bin['exchange-message-trace']}`;
const SERVE = 'serve --config /etc/exchange-message-trace/config.yaml';

describe('the systemd unit in docs/deploy', () => {
  const unitFile = path.join(DEPLOY, 'exchange-message-trace.service');
  const unit = readFileSync(unitFile, 'utf8');
  const settings = (key: string) =>
    unit
      .split('\n')
      .filter((line) => line.startsWith(`${key}=`))
      .map((line) => line.slice(key.length + 1));

  it('is a unit systemd accepts: no unknown key, no bad value', () => {
    const verify = spawnSync('systemd-analyze', ['verify', unitFile], { encoding: 'utf8' });
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  });

  it('runs serve from the unpacked tarball, hardened, with secrets as credentials', () => {
    expect(settings('ExecStart')).toEqual([`/usr/bin/node ${INSTALLED_BIN} ${SERVE}`]);
    expect(settings('DynamicUser')).toEqual(['yes']);
    expect(settings('ProtectSystem')).toEqual(['strict']);
    expect(settings('NoNewPrivileges')).toEqual(['yes']);
    expect(settings('CapabilityBoundingSet')).toEqual(['']);
    expect(settings('LoadCredential').length).toBeGreaterThan(0);
    // A config error (exit 2) is not fixed by restarting.
    expect(settings('RestartPreventExitStatus')).toEqual(['2']);
  });
});

describe('the Dockerfile in docs/deploy', () => {
  const dockerfile = readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');

  it('unpacks the tarball of this version and runs serve from it as a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toContain(`ARG VERSION=${own.version}\n`);
    expect(dockerfile).toContain(`ADD ${own.name}-cli-\${VERSION}.tgz /opt/\n`);
    expect(dockerfile).toContain(`ln -s /opt/${own.name}-\${VERSION} /opt/exchange-message-trace`);
    expect(dockerfile).toContain(`ENTRYPOINT ["node", "${INSTALLED_BIN}"]`);
    const words = SERVE.split(' ').map((word) => JSON.stringify(word));
    expect(dockerfile).toContain(`CMD [${words.join(', ')}]`);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
