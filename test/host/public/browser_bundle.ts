import path from 'node:path';
import { build } from 'esbuild';

const REPO_ROOT = path.resolve(__dirname, '../../..');
export const BROWSER_BUNDLE_OUTDIR = path.join(REPO_ROOT, '.cache/host-public');
const ENTRY = path.join(__dirname, 'browser/main.tsx');

export interface BundleFile {
  contents: Uint8Array;
  contentType: string;
}

/** The esbuild output, by path relative to the output folder (`main.js`, `chunk-X.js`, ...). */
export type BrowserBundle = ReadonlyMap<string, BundleFile>;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

async function buildBundle(): Promise<BrowserBundle> {
  // Kept in memory (write: false): several hosts (jest, `npm start`) may build at the same time.
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: {
      main: ENTRY,
      charts_light: require.resolve('@elastic/charts/dist/theme_light.css'),
      charts_dark: require.resolve('@elastic/charts/dist/theme_dark.css'),
    },
    outdir: BROWSER_BUNDLE_OUTDIR,
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    // Development React and EUI: their warnings reach the console, where the browser tests see them.
    define: { 'process.env.NODE_ENV': '"development"' },
    sourcemap: 'linked',
    loader: { '.css': 'css', '.svg': 'file', '.woff2': 'file', '.woff': 'file', '.png': 'file' },
    minify: false,
    write: false,
    logLevel: 'silent',
  });
  const files = new Map<string, BundleFile>();
  for (const file of result.outputFiles) {
    const relative = path.relative(BROWSER_BUNDLE_OUTDIR, file.path).split(path.sep).join('/');
    files.set(relative, { contents: file.contents, contentType: contentTypeOf(relative) });
  }
  return files;
}

let bundle: Promise<BrowserBundle> | undefined;

/** Builds once per process; later callers share the same promise. */
export function buildBrowserBundle(): Promise<BrowserBundle> {
  bundle ??= buildBundle().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
