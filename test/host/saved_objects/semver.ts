/**
 * The two things Kibana's migration checks ask of npm's `semver` (`valid`, and `gt`/`gte`), which
 * the host does not depend on.
 */

// semver's strict FULL pattern (npm semver, re.js), as `Semver.valid` applies it to a trimmed string.
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parseSemver(version: string) {
  const match = SEMVER.exec(version.trim());
  if (!match) return undefined;
  const [, major, minor, patch, prerelease] = match;
  return { main: [major, minor, patch].map(Number), prerelease: prerelease?.split('.') ?? [] };
}

/** Semver precedence (negative, 0, positive); both versions must be valid. */
export function compareSemver(left: string, right: string): number {
  const a = parseSemver(left)!;
  const b = parseSemver(right)!;
  for (let i = 0; i < 3; i++) {
    if (a.main[i] !== b.main[i]) return a.main[i]! - b.main[i]!;
  }
  // A pre-release comes before its release.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return b.prerelease.length - a.prerelease.length;
  }
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const [x, y] = [a.prerelease[i], b.prerelease[i]];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const [xNumeric, yNumeric] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (xNumeric && yNumeric) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function isValidSemver(version: string) {
  return parseSemver(version) !== undefined;
}
