import path from 'node:path';

/**
 * Globs of files to import, from kibana.yml only (never from a request): absolute, with `*`
 * (within a name), `**` (any depth), `?` and `{a,b}`. The part before the first wildcard is a
 * real directory, so a glob can never widen to the whole disk.
 */
export function globProblem(glob: string): string | undefined {
  if (!path.isAbsolute(glob)) return `"${glob}" is not an absolute path`;
  if (glob.includes('\0')) return `"${glob}" contains a NUL character`;
  if (hasParentSegment(glob)) return `"${glob}" contains "..": name the directory itself`;
  if (globBase(glob) === path.parse(glob).root) {
    return `"${glob}" has a wildcard in its first directory: name at least one directory`;
  }
  return undefined;
}

function hasParentSegment(candidate: string): boolean {
  return candidate.split(/[\\/]/).includes('..');
}

const WILDCARD = /[*?{]/;

/** The directory a glob's matches are all under: its segments before the first wildcard. */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const firstWild = segments.findIndex((segment) => WILDCARD.test(segment));
  if (firstWild < 0) return path.dirname(glob);
  return segments.slice(0, firstWild).join('/') || '/';
}

/** Whether a glob can match below its base's direct children (it has `**` or wildcard directories). */
export function globDepth(glob: string): number {
  const base = globBase(glob);
  const rest = glob.slice(base.length).split('/').filter(Boolean);
  return rest.includes('**') ? Number.POSITIVE_INFINITY : rest.length;
}

const escapeRegExp = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&');

export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      // `**/` is any number of whole directories; a trailing `**` anything below.
      pattern += slashAfter ? '(?:[^/]+/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        pattern += '\\{';
        continue;
      }
      const options = glob.slice(i + 1, close).split(',');
      const alternatives = options.map((option) =>
        option.split('*').map(escapeRegExp).join('[^/]*')
      );
      pattern += `(?:${alternatives.join('|')})`;
      i = close;
    } else pattern += escapeRegExp(c);
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * Whether a path may be read: absolute, without `..` (checked before any normalising, so
 * `/allowed/../etc/passwd` never becomes `/etc/passwd`), and matched by one of the globs.
 */
export function isAllowedPath(candidate: string, globs: readonly string[]): boolean {
  if (!path.isAbsolute(candidate) || candidate.includes('\0') || hasParentSegment(candidate)) {
    return false;
  }
  return globs.some(
    (glob) => globProblem(glob) === undefined && globToRegExp(glob).test(candidate)
  );
}
