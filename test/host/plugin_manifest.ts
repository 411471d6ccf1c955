import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PluginManifest {
  id: string;
  version: string;
  kibanaVersion: string;
  configPath: string[];
  requiredPlugins: string[];
  optionalPlugins: string[];
  [key: string]: unknown;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** kibana.jsonc allows comments; Kibana's kibana.json does not. */
export function parseJsonc(text: string): unknown {
  const withoutComments = text.replace(
    /("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (_match, string?: string) => string ?? ''
  );
  return JSON.parse(withoutComments.replace(/,(\s*[}\]])/g, '$1'));
}

export function readPluginManifest(file = path.join(REPO_ROOT, 'kibana.jsonc')): PluginManifest {
  return parseJsonc(readFileSync(file, 'utf8')) as PluginManifest;
}
