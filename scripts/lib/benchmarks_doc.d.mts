export function machine(): string;
export function markdownTable(header: string[], rows: string[][]): string[];
export function writeBenchmarkSection(options: {
  root: string;
  heading: string;
  text: string;
}): Promise<string>;
