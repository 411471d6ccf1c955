#!/usr/bin/env node
// The packaged plugin runs the compiled command; a checkout runs the TypeScript through tsx.
const { existsSync } = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'server', 'cli', 'main.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'server', 'cli', 'main.ts'));
}
