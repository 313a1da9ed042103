// Which Graph activities have been published and with which history items. Only the window holding the PublishLock
// writes it, but any window may have written it last, so it is read from disk before every change.
import { dirname, join } from 'node:path';
import { readJsonFile, writeFileAtomic } from './atomicFile';
import { ensureDirectory, errorCode, renameRetrying } from './fileSystem';
import { parsePublishedFile, serializePublished, type PublishedActivity } from './publishedFormat';
import type { Clock, Logger } from '../platform/ports';

export interface PublishedIndexOptions {
  dir: string;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** History item ids kept per activity, most recent first to stay. Default 200. */
  maxHistoryItems?: number;
}

export interface PublishedUpdate {
  serverId?: string;
  documentUri: string;
  historyItemIds: readonly string[];
  /** Epoch milliseconds of the publish. */
  at: number;
}

const FILE_NAME = 'published.json';
const DEFAULT_MAX_HISTORY_ITEMS = 200;

export class PublishedIndex {
  private readonly filePath: string;
  private readonly corruptDir: string;
  private readonly clock: Clock;
  private readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  private readonly maxHistoryItems: number;
  private newerVersionReported = false;

  constructor(options: PublishedIndexOptions) {
    this.filePath = join(options.dir, FILE_NAME);
    this.corruptDir = join(options.dir, 'corrupt');
    this.clock = options.clock;
    this.logger = options.logger;
    this.maxHistoryItems = options.maxHistoryItems ?? DEFAULT_MAX_HISTORY_ITEMS;
  }

  /** Merges the publish into the activity's entry (history item ids deduplicated, the most recent kept) and saves. */
  record(appActivityId: string, update: PublishedUpdate): PublishedActivity {
    const { activities, writable } = this.load();
    const previous = activities.get(appActivityId);
    const incoming = [...new Set(update.historyItemIds)];
    const incomingSet = new Set(incoming);
    const kept = (previous?.historyItemIds ?? []).filter((id) => !incomingSet.has(id));
    const serverId = update.serverId ?? previous?.serverId;
    const activity: PublishedActivity = {
      ...(serverId !== undefined && { serverId }),
      documentUri: update.documentUri,
      lastPublishedAt: update.at,
      historyItemIds: [...kept, ...incoming].slice(-this.maxHistoryItems),
    };
    activities.set(appActivityId, activity);
    if (writable) this.save(activities);
    return copy(activity);
  }

  get(appActivityId: string): PublishedActivity | undefined {
    const activity = this.load().activities.get(appActivityId);
    return activity && copy(activity);
  }

  all(): Map<string, PublishedActivity> {
    return this.load().activities;
  }

  /** Returns whether there was anything to forget. */
  forget(appActivityId: string): boolean {
    const { activities, writable } = this.load();
    if (!activities.delete(appActivityId)) return false;
    if (writable) this.save(activities);
    return true;
  }

  private save(activities: ReadonlyMap<string, PublishedActivity>): void {
    ensureDirectory(dirname(this.filePath));
    writeFileAtomic(this.filePath, serializePublished(activities));
  }

  /** Not writable while a newer version's file is there: it is left untouched, and this version works without it. */
  private load(): { activities: Map<string, PublishedActivity>; writable: boolean } {
    const read = readJsonFile(this.filePath);
    if (!read.ok) {
      if (read.kind === 'missing') return { activities: new Map(), writable: true };
      if (read.kind === 'unreadable') {
        this.logger.warn(`Published index: could not read ${FILE_NAME}; changes are not saved this time (${read.reason}).`);
        return { activities: new Map(), writable: false };
      }
      this.setAside(read.reason);
      return { activities: new Map(), writable: true };
    }
    const parsed = parsePublishedFile(read.value);
    if (parsed.ok) return { activities: parsed.activities, writable: true };
    if (parsed.kind === 'newer-version') {
      if (!this.newerVersionReported) {
        this.newerVersionReported = true;
        this.logger.warn(
          `Published index: left ${FILE_NAME} in place: it was ${parsed.reason}; this version will not record published activities.`,
        );
      }
      return { activities: new Map(), writable: false };
    }
    this.setAside(parsed.reason);
    return { activities: new Map(), writable: true };
  }

  private setAside(reason: string): void {
    const destinationName = `${FILE_NAME}.${this.clock.now()}`;
    try {
      ensureDirectory(this.corruptDir);
      renameRetrying(this.filePath, join(this.corruptDir, destinationName));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      throw error;
    }
    this.logger.warn(
      `Published index: moved unreadable ${FILE_NAME} to ${join('corrupt', destinationName)} and started a new one: ${reason}.`,
    );
  }
}

function copy(activity: PublishedActivity): PublishedActivity {
  return { ...activity, historyItemIds: [...activity.historyItemIds] };
}
