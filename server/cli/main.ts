import { collectCommand } from './collect_command';
import { parseArgs, UsageError } from './parse_args';

const USAGE = `Usage:
  exchange-message-trace collect --tenant-id T --client-id C (--client-secret-env VAR | --certificate PEM --thumbprint X)
      --es-url URL [--es-api-key-env VAR] [--local-domains a.com,b.com] [--match-subdomains] [--lookback 2d]
      [--reread 24h] [--namespace NS] [--dataset DS] [--budget 60] [--page-size 5000] [--api-version v1.0|beta]
      [--state-dir DIR] [--interval 5m] [--request-timeout 60s] [--once] [--graph-url URL --login-url URL --ca-cert PEM]   (overrides: tests only)
`;

const BOOLEAN_FLAGS = new Set(['once', 'match-subdomains', 'help']);

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, BOOLEAN_FLAGS);
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => controller.abort(new Error(`${signal} received`)));
  switch (args.command) {
    case 'collect':
      return collectCommand(args, controller.signal);
    default:
      process.stderr.write(USAGE);
      return args.command === undefined || args.flags.has('help') ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(
      `${error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `exchange-message-trace: ${error.message}\n`}`
    );
    process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
);
