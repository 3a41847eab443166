/**
 * `.certgate.yaml` text → its value, and the line of any key or value in it, so every problem
 * can name the line to edit. Invalid YAML is one ConfigError with its line and column.
 */

import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import type { ConfigPath } from './json-schema.js';

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;

/** The YAML parser, loaded only when a config file is read: most runs have none, and it costs start-up. */
function yamlParser(): Yaml {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml;
}

/** A config that cannot be used: one line per problem, each naming the file and line. */
export class ConfigError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

/** A parsed config file. */
export interface ParsedConfig {
  readonly value: unknown;
  /** The 1-based line of the value at `path` (of its key, with `key`), else of the nearest enclosing one. */
  lineOf(path: ConfigPath, key?: boolean): number;
}

/** Parses the text of config file `file` (named as messages show it). */
export function parseConfigText(file: string, text: string): ParsedConfig {
  const { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yamlParser();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `:${at.line}:${at.col}` : '';
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError([`${file}${where}: invalid YAML: ${what}`]);
  }
  const lineAt = (offset: number) => lines.linePos(offset).line;
  return {
    value: doc.toJS({ maxAliasCount: 100 }) ?? {},
    lineOf(path, key = false) {
      let node: unknown = doc.contents;
      let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : 1;
      for (let i = 0; i < path.length; i++) {
        const step = path[i]!;
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
          if (pair && i === path.length - 1 && key && isScalar(pair.key) && pair.key.range)
            return lineAt(pair.key.range[0]);
          next = pair?.value ?? (isScalar(pair?.key) ? pair.key : undefined);
        } else if (isSeq(node) && typeof step === 'number') next = node.items[step];
        if (!next || !(next as Node).range) return line;
        node = next;
        line = lineAt((next as Node).range![0]);
      }
      return line;
    },
  };
}
