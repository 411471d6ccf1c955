import type { CollectorCheckpoint } from '../../../common/collector_checkpoint';
import type { GraphMessageTrace } from '../../../common/graph/message_trace';
import { BudgetWaitTooLong } from '../budget/request_budget';
import type { GraphClient, MessageTracePage, RejectedRow } from '../graph/graph_client';
import { GraphError } from '../graph/graph_error';
import type { Clock } from './clock';
import type { PageSlot, PageSlotSource } from './page_slots';
import { nextPass, withPageRead, type WindowSettings } from './windows';

/** What writing a page's rows achieved; rows the writer could not store for good are `failed`. */
export interface PageWriteOutcome {
  created: number;
  alreadyPresent: number;
  failed: Array<{ id: string; reason: string }>;
}

export interface CollectorDeps {
  graph: Pick<GraphClient, 'listMessageTraces'>;
  /** Maps and stores the rows; throws when a retry later could still store them (nothing is lost). */
  writeRows(rows: GraphMessageTrace[], signal?: AbortSignal): Promise<PageWriteOutcome>;
  /** Durably records progress; called only after Elasticsearch acknowledged the page. */
  saveCheckpoint(checkpoint: CollectorCheckpoint): Promise<void>;
  clock: Clock;
}

export interface RunSummary {
  pages: number;
  rowsRead: number;
  documentsCreated: number;
  documentsAlreadyPresent: number;
  rowsRejected: number;
  documentsFailed: number;
  windowsCompleted: number;
  /** A few examples, for the status page and the command line's report. */
  rejectedSamples: RejectedRow[];
  failedSamples: Array<{ id: string; reason: string }>;
  caughtUp: boolean;
  /** When the run stopped for the budget: when the next request may go out. */
  budgetAvailableAt?: number;
}

const SAMPLE_LIMIT = 5;

function emptySummary(): RunSummary {
  return {
    pages: 0,
    rowsRead: 0,
    documentsCreated: 0,
    documentsAlreadyPresent: 0,
    rowsRejected: 0,
    documentsFailed: 0,
    windowsCompleted: 0,
    rejectedSamples: [],
    failedSamples: [],
    caughtUp: false,
  };
}

function addPage(
  summary: RunSummary,
  rows: number,
  rejected: RejectedRow[],
  outcome: PageWriteOutcome
) {
  summary.pages += 1;
  summary.rowsRead += rows + rejected.length;
  summary.rowsRejected += rejected.length;
  summary.documentsCreated += outcome.created;
  summary.documentsAlreadyPresent += outcome.alreadyPresent;
  summary.documentsFailed += outcome.failed.length;
  summary.rejectedSamples.push(...rejected.slice(0, SAMPLE_LIMIT - summary.rejectedSamples.length));
  summary.failedSamples.push(
    ...outcome.failed.slice(0, SAMPLE_LIMIT - summary.failedSamples.length)
  );
}

/** The next page of a window, requested while the current one is being stored. */
interface ReadAhead {
  nextLink: string;
  page: Promise<MessageTracePage>;
  /** Cancels the request if it is still out, and waits until it has ended. */
  stop(): Promise<void>;
}

function readAhead(
  graph: CollectorDeps['graph'],
  nextLink: string,
  signal: AbortSignal | undefined
): ReadAhead {
  const cancel = new AbortController();
  const page = graph.listMessageTraces(
    { nextLink },
    signal ? AbortSignal.any([signal, cancel.signal]) : cancel.signal
  );
  // Its failure is handled where the page is used (as if requested then), or not at all.
  page.catch(() => undefined);
  return {
    nextLink,
    page,
    async stop() {
      cancel.abort();
      await page.catch(() => undefined);
    },
  };
}

/**
 * Reads windows page by page until caught up, the deadline passes, the budget would make it wait
 * too long, or collection is no longer wanted. A page's checkpoint moves only after its documents
 * are stored, so a crash at any point resumes at that page; documents have deterministic ids, so
 * re-reading adds nothing.
 */
export async function collect(
  deps: CollectorDeps,
  start: CollectorCheckpoint,
  settings: WindowSettings,
  options: {
    signal?: AbortSignal;
    deadline?: number;
    /** Progress after every stored page, for long backfills. */
    onPage?: (summary: RunSummary, checkpoint: CollectorCheckpoint) => void;
    /**
     * Asked as each page arrives, before it is stored: false ends reading where it stands, so
     * nothing is written once collection is no longer wanted (the page is read again next time).
     */
    stillWanted?: () => Promise<boolean>;
    /**
     * Shared with other collections of the process: a page is requested and stored only while
     * holding a slot, and the next page is read ahead only when no one else waits for one.
     */
    pageSlots?: PageSlotSource;
  } = {}
): Promise<{ checkpoint: CollectorCheckpoint; summary: RunSummary }> {
  const summary = emptySummary();
  let checkpoint = start;
  // Graph answers the next page of a window while Elasticsearch stores this one; the checkpoint
  // still moves only after a page is stored, and a run that ends cancels the page read ahead.
  let ahead: ReadAhead | undefined;
  // Kept from page to page only while a page read ahead is out: it is in memory too.
  let slot: PageSlot | undefined;
  try {
    while (options.deadline === undefined || deps.clock.now() < options.deadline) {
      const pass = nextPass(checkpoint, deps.clock.now(), settings);
      if (!pass) {
        summary.caughtUp = true;
        break;
      }
      const prefetched = ahead?.nextLink === pass.nextLink ? ahead : undefined;
      ahead = undefined;
      slot ??= await options.pageSlots?.acquire(options.signal);
      let page;
      try {
        page = await (prefetched?.page ??
          deps.graph.listMessageTraces(
            pass.nextLink ? { nextLink: pass.nextLink } : { window: pass },
            options.signal
          ));
      } catch (error) {
        if (error instanceof BudgetWaitTooLong) {
          summary.budgetAvailableAt = error.availableAt;
          break;
        }
        // An expired or refused next link: read the window again from its start (ids make it safe).
        if (pass.nextLink && error instanceof GraphError && error.kind === 'badRequest') {
          const { nextLink: _stale, ...window } = pass;
          checkpoint = { ...checkpoint, pass: window };
          continue;
        }
        throw error;
      }
      // Asked only before a write: an empty page writes nothing that could go astray.
      if (page.rows.length > 0 && options.stillWanted && !(await options.stillWanted())) break;
      if (
        page.nextLink &&
        (options.deadline === undefined || deps.clock.now() < options.deadline) &&
        !slot?.contended()
      ) {
        ahead = readAhead(deps.graph, page.nextLink, options.signal);
      }
      const outcome = await deps.writeRows(page.rows, options.signal);
      checkpoint = withPageRead(checkpoint, pass, page.nextLink, deps.clock.now());
      await deps.saveCheckpoint(checkpoint);
      addPage(summary, page.rows.length, page.rejected, outcome);
      if (!page.nextLink && pass.kind === 'collect') summary.windowsCompleted += 1;
      options.onPage?.(summary, checkpoint);
      if (!ahead) {
        slot?.release();
        slot = undefined;
      }
    }
  } finally {
    await ahead?.stop();
    slot?.release();
  }
  return { checkpoint, summary };
}
