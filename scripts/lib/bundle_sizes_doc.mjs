// `npm run build -- --write-benchmarks`: the "Bundle sizes" section of docs/BENCHMARKS.md, from a
// build's measurements. Other sections of that file belong to other tools and are kept as they are.
import { machine, markdownTable, writeBenchmarkSection } from './benchmarks_doc.mjs';

const HEADING = '## Bundle sizes';
const ENTRY_LIMIT = 50 * 1024;
const CHUNK_LIMIT = 400 * 1024;

function section(report, buildSeconds) {
  const rows = Object.entries(report.public.sizes).map(([name, size]) => {
    const limit = name.endsWith('.plugin.js') ? ENTRY_LIMIT : CHUNK_LIMIT;
    const within = size.bytes < limit ? 'yes' : '**no**';
    return [
      `\`${name}\``,
      ...[size.bytes, size.gzip, size.brotli].map(String),
      `< ${limit / 1024} KB: ${within}`,
    ];
  });
  return [
    HEADING,
    '',
    `Our own browser code in \`target/public\` of the zip, minified (\`npm run build -- --kibana-version ${report.kibanaVersion} --write-benchmarks\`).`,
    'Every library Kibana provides (React, EUI, …) comes from `__kbnSharedDeps__` and is not counted',
    'because it is not in the bundle. Sizes in bytes.',
    '',
    ...markdownTable(['file', 'minified', 'gzip', 'brotli (`.br`)', 'aim'], rows),
    '',
    `Whole zip: ${(report.zip.bytes / 1e6).toFixed(1)} MB, ${report.zip.entries} files ` +
      `(${report.nodeModules.length} production packages in \`node_modules\`); build ${buildSeconds} s.`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    '',
  ].join('\n');
}

export async function writeBundleSizes({ root, report, buildSeconds }) {
  return writeBenchmarkSection({ root, heading: HEADING, text: section(report, buildSeconds) });
}
