import { cliVersion } from './cli_version';
import { collectCommand } from './collect_command';
import { convertCommand } from './convert_command';
import { exportCommand } from './export_command';
import { importCommand } from './import_command';
import { serveCommand } from './serve/serve_command';
import { parseArgs, UsageError } from './parse_args';
import { isCommand, usage } from './usage';

const BOOLEAN_FLAGS = new Set(['once', 'match-subdomains', 'help', 'bulk', 'version']);

/**
 * `--help` and `--version` answer on stdout with 0; a missing or unknown command is a usage error
 * (2). Errors go to stderr only: stdout carries a command's output (documents, a summary) and
 * nothing else, so `convert --bulk | curl …/_bulk` never receives an error line.
 */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--version') {
    process.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  if (argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const args = parseArgs(argv, BOOLEAN_FLAGS);
  if (!isCommand(args.command)) {
    throw new UsageError(
      args.command === undefined ? 'A command is needed' : `Unknown command ${args.command}`
    );
  }
  if (args.flags.has('help')) {
    process.stdout.write(usage(args.command));
    return 0;
  }
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => controller.abort(new Error(`${signal} received`)));
  if (args.command === 'collect') return collectCommand(args, controller.signal);
  if (args.command === 'serve') return serveCommand(args, controller.signal);
  if (args.command === 'convert') return convertCommand(args);
  if (args.command === 'export') return exportCommand(args, controller.signal);
  return importCommand(args, controller.signal);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    const command = process.argv[2];
    process.stderr.write(
      error instanceof UsageError
        ? `exchange-message-trace: ${error.message}\n\n${usage(isCommand(command) ? command : undefined)}`
        : `exchange-message-trace: ${error.message}\n`
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  }
);
