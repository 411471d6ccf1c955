/** Flags as `--name value` or `--name=value`; a flag given without a value is `true`. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const [command, ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleanFlags.has(name)) {
      flags.set(name, true);
    } else if (inline !== undefined) {
      flags.set(name, inline);
    } else {
      const value = rest[++index];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return { command, positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

export function requiredFlag(args: ParsedArgs, name: string): string {
  const value = stringFlag(args, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

export function assertKnownFlags(args: ParsedArgs, known: readonly string[]) {
  const unknown = [...args.flags.keys()].filter((flag) => !known.includes(flag));
  if (unknown.length > 0) throw new UsageError(`Unknown option --${unknown[0]}`);
}

/** `--name a,b,c` as a list without blanks; none when the flag is absent. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  return (stringFlag(args, name) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
