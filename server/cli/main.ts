import { collectCommand } from './collect_command';
import { convertCommand } from './convert_command';
import { importCommand } from './import_command';
import { parseArgs, UsageError } from './parse_args';

const USAGE = `Usage:
  exchange-message-trace collect --tenant-id T --client-id C (--client-secret-env VAR | --certificate PEM --thumbprint X)
      --es-url URL [--es-api-key-env VAR] [--local-domains a.com,b.com] [--match-subdomains] [--lookback 2d]
      [--reread 24h] [--namespace NS] [--dataset DS] [--budget 60] [--page-size 5000] [--api-version v1.0|beta]
      [--state-dir DIR] [--interval 5m] [--request-timeout 60s] [--once] [--graph-url URL --login-url URL --ca-cert PEM]   (overrides: tests only)
  exchange-message-trace convert FILE|- [FILE OPTIONS] [--bulk]
      ECS documents as NDJSON on stdout (--bulk: _bulk create pairs with each _id); summary on stderr
  exchange-message-trace import FILE… --es-url URL [--es-api-key-env VAR] [FILE OPTIONS]
      into the data stream, exactly once per row; prints a one-line JSON summary
  FILE OPTIONS: [--format powershell_csv|eac_report_csv|graph_json|graph_ndjson|legacy_ndjson] (default: detected)
      [--timezone IANA-ZONE] (for times without a zone; default UTC) [--date-culture en-US|en-GB|de-DE|fr-FR|nl-NL|ja-JP]
      [--local-domains a.com,b.com] [--match-subdomains] [--tenant-id T] [--dataset DS] [--namespace NS]
      (.gz files are read as they are)
`;

const BOOLEAN_FLAGS = new Set(['once', 'match-subdomains', 'help', 'bulk']);

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, BOOLEAN_FLAGS);
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => controller.abort(new Error(`${signal} received`)));
  switch (args.command) {
    case 'collect':
      return collectCommand(args, controller.signal);
    case 'convert':
      return convertCommand(args);
    case 'import':
      return importCommand(args, controller.signal);
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
