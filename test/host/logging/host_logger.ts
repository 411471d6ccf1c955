import type { LogMeta, Logger, LoggerFactory } from '@kbn/core/server';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
const LEVELS: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export interface LogLine {
  level: Level;
  context: string;
  message: string;
  meta?: LogMeta;
  timestamp: string;
}

export interface LogSink {
  threshold: Level;
  /** Every line, kept so tests can inspect all that was logged (e.g. that no secret ever was). */
  lines: LogLine[];
  write(line: LogLine): void;
}

export function createLogSink(threshold: Level, echo: (text: string) => void): LogSink {
  const lines: LogLine[] = [];
  return {
    threshold,
    lines,
    write(line) {
      lines.push(line);
      if (LEVELS.indexOf(line.level) >= LEVELS.indexOf(threshold)) {
        echo(
          `[${line.timestamp}][${line.level.toUpperCase().padEnd(5)}][${line.context}] ${line.message}`
        );
      }
    },
  };
}

function render(messageOrError: string | Error | (() => string)): string {
  if (messageOrError instanceof Error) return messageOrError.stack ?? messageOrError.message;
  return typeof messageOrError === 'function' ? messageOrError() : messageOrError;
}

export function createLogger(sink: LogSink, context: string): Logger {
  const at = (level: Level) => (message: string | Error | (() => string), meta?: LogMeta) =>
    sink.write({
      level,
      context,
      message: render(message),
      meta,
      timestamp: new Date().toISOString(),
    });
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    log: (record: { level: { id: string }; message: string; meta?: LogMeta }) =>
      at(record.level.id as Level)(record.message, record.meta),
    isLevelEnabled: (level: string) =>
      LEVELS.indexOf(level as Level) >= LEVELS.indexOf(sink.threshold),
    get: (...children: string[]) => createLogger(sink, [context, ...children].join('.')),
  } as unknown as Logger;
}

export function createLoggerFactory(sink: LogSink, root: string): LoggerFactory {
  return { get: (...parts: string[]) => createLogger(sink, [root, ...parts].join('.')) };
}
