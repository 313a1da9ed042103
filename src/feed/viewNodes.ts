// The Published Activity view's nodes as plain data: what the tree shows and what its commands (Forget, open) receive.
import type { ActivityGroup, ActivityInGroup, GroupBy, PendingFile, PublishedActivity, PublishedSession } from './model';
import type { Session } from '../tracking/types';

export type ViewNode =
  | { type: 'pending'; files: PendingFile[] }
  | { type: 'pendingFile'; file: PendingFile }
  | { type: 'pendingSession'; session: Session }
  | { type: 'group'; group: ActivityGroup; by: GroupBy; first: boolean }
  /** `showDay`: sessions name their day (under a workspace, days mix; under a day, the group names it). */
  | { type: 'activity'; entry: ActivityInGroup; showDay: boolean }
  | { type: 'session'; activity: PublishedActivity; session: PublishedSession; showDay: boolean };

export interface TreeContent {
  roots(): ViewNode[];
  workspaceRelative(documentUri: string): string;
}

/** A node as the view shows it, for tests and tools (activate()'s API). */
export interface ViewSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  node: ViewNode;
  children: ViewSnapshot[];
}
