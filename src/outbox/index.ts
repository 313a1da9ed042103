// The durable outbox: sessions waiting for Graph, the lock that lets one window publish, and what was published.
export { readJsonFile, writeFileAtomic, type JsonReadResult } from './atomicFile';
export { OUTBOX_FORMAT, OUTBOX_VERSION, parseOutboxEntry, type EntryParseResult, type OutboxEntry } from './format';
export { Outbox, type Acknowledgement, type OutboxOptions, type PruneResult, type PutResult } from './outbox';
export { processIsAlive, PublishLock, type PublishLockOptions } from './publishLock';
export { PUBLISHED_FORMAT, PUBLISHED_VERSION, type PublishedActivity } from './publishedFormat';
export { PublishedIndex, type PublishedIndexOptions, type PublishedUpdate } from './publishedIndex';
