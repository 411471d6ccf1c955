/** What each command takes, for `--help` and for mistakes. */
export const COMMAND_USAGE = {
  collect: `exchange-message-trace collect --tenant-id T --client-id C (--client-secret-env VAR | --certificate PEM --thumbprint X)
    --es-url URL [--es-api-key-env VAR] [--local-domains a.com,b.com] [--match-subdomains] [--lookback 2d]
    [--reread 24h] [--namespace NS] [--dataset DS] [--budget 60] [--page-size 5000] [--api-version v1.0|beta]
    [--state-dir DIR] [--interval 5m] [--request-timeout 60s] [--once] [--graph-url URL --login-url URL --ca-cert PEM]   (overrides: tests only)
  Collects message traces from Microsoft Graph into the data stream; with --once until caught up,
  then a one-line JSON summary on stdout.`,
  serve: `exchange-message-trace serve --config FILE
  Collects every tenant of FILE (YAML or JSON, see docs/SERVICE.md) until SIGTERM, with its state in
  Elasticsearch; SIGHUP reloads FILE. JSON-lines logs on stdout; /healthz and /metrics over HTTP.`,
  convert: `exchange-message-trace convert FILE|- [FILE OPTIONS] [--bulk]
  ECS documents as NDJSON on stdout (--bulk: _bulk create pairs with each _id); the summary and
  every error on stderr, so stdout only ever holds documents.`,
  export: `exchange-message-trace export --es-url URL [--es-api-key-env VAR] --start ISO-DATE --end ISO-DATE
    [--sender S] [--recipient R] [--subject S] [--message-id ID] [--ip IP|NETWORK] [--statuses a,b]
    [--namespaces a,b] [--connection-ids a,b] [--dataset DS] [--max-rows 50000]
  The messages search as CSV on stdout, as the app's "Download CSV" makes it: the admin center's
  report columns, one row per recipient in its latest status, newest first, at most --max-rows
  (default 50,000); how many rows matched and were written on stderr.`,
  import: `exchange-message-trace import FILE… --es-url URL [--es-api-key-env VAR] [FILE OPTIONS]
  Into the data stream, exactly once per row; a one-line JSON summary on stdout.`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

const FILE_OPTIONS = `FILE OPTIONS: [--format powershell_csv|eac_report_csv|graph_json|graph_ndjson|legacy_ndjson] (default: detected)
  [--timezone IANA-ZONE] (for times without a zone; default UTC) [--date-culture en-US|en-GB|de-DE|fr-FR|nl-NL|ja-JP]
  [--local-domains a.com,b.com] [--match-subdomains] [--tenant-id T] [--dataset DS] [--namespace NS]
  (.gz files are read as they are)`;

export function usage(command?: CommandName): string {
  const commands = command ? [command] : (Object.keys(COMMAND_USAGE) as CommandName[]);
  const takesFiles = commands.some((name) => name === 'convert' || name === 'import');
  return [
    'Usage:',
    ...commands.map((name) => `  ${COMMAND_USAGE[name]}`),
    ...(takesFiles ? [`  ${FILE_OPTIONS}`] : []),
    ...(command ? [] : ['  exchange-message-trace --version | --help | COMMAND --help']),
    '',
  ].join('\n');
}

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_USAGE, name);
}
