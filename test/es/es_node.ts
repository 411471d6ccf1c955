import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';

export interface EsNode {
  url: string;
  /** False for ES_URL and for an instance that was already running: stop() leaves those alone. */
  ownedByUs: boolean;
  stop(): Promise<void>;
}

/** Walks up from this file, so it also works from a bundle or a compiled copy. */
function findEsScript(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const script = path.join(dir, 'scripts', 'es.mjs');
    if (existsSync(script)) return script;
    if (dir === path.dirname(dir)) throw new Error(`scripts/es.mjs not found above ${__dirname}`);
  }
}

/**
 * Runs scripts/es.mjs as a child: jest compiles tests to CommonJS, which cannot import the ESM
 * script synchronously, and a child process works the same from jest, tsx and plain node.
 */
function runEsScript(args: string[]): Promise<string> {
  const script = findEsScript();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: path.dirname(path.dirname(script)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`node scripts/es.mjs ${args.join(' ')} exited with ${code}`));
    });
  });
}

function outputValue(stdout: string, key: string): string | undefined {
  const prefix = `${key}=`;
  const line = stdout
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

async function assertAnswers(url: string): Promise<void> {
  const client = new Client({ node: url, requestTimeout: 10_000, maxRetries: 0 });
  try {
    await client.cluster.health();
  } catch (error) {
    throw new Error(`ES_URL=${url} does not answer: ${(error as Error).message}`);
  } finally {
    await client.close();
  }
}

/** A node of scripts/es.mjs, whatever ES_URL says. */
export interface NamedEsNode extends EsNode {
  /** Leader of the node's process group (the launcher and the JVM). */
  pid: number;
}

/**
 * Starts the named instance of scripts/es.mjs, as `npm run es -- start --name <name>` does: afresh,
 * reused when running, or restarted on its own data and port after a crash.
 */
export async function startNamedElasticsearch(name: string): Promise<NamedEsNode> {
  const stdout = await runEsScript(['start', '--name', name]);
  const url = outputValue(stdout, 'ES_URL');
  const pid = Number(outputValue(stdout, 'ES_PID'));
  if (!url || !pid)
    throw new Error(`scripts/es.mjs start printed no ES_URL and ES_PID:\n${stdout}`);
  const ownedByUs = outputValue(stdout, 'ES_REUSED') !== 'true';
  return {
    url,
    pid,
    ownedByUs,
    stop: async () => {
      if (ownedByUs) await runEsScript(['stop', '--name', name]);
    },
  };
}

/** ES_URL when it is set; otherwise the named instance of scripts/es.mjs, started if needed. */
export async function ensureElasticsearch(name: string): Promise<EsNode> {
  const external = process.env.ES_URL;
  if (external) {
    await assertAnswers(external);
    return { url: external, ownedByUs: false, stop: async () => {} };
  }
  return startNamedElasticsearch(name);
}
