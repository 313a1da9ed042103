// What this machine remembers once Graph holds an activity (never before: a preview or a refused write leaves no
// trace): where its link opens, and the name of its workspace for Insights.
import type { CursorPosition } from '../tracking/types';
import type { PlannedRequest } from './plan';

/** Local tables written once Graph holds an activity: where its link opens, and the name of its workspace. */
export interface WrittenActivityTables {
  links: { remember(appActivityId: string, target: { documentUri: string; cursor?: CursorPosition }): void };
  workspaceNames: { remember(contentInfo: Record<string, unknown> | undefined, workspaceName: string | undefined): void };
}

/** After Graph holds an activity: its link opens the document, and Insights can name its workspace. */
export function rememberWritten(written: WrittenActivityTables): (request: PlannedRequest) => void {
  return ({ body, documentUri, origin }) => {
    written.links.remember(body.appActivityId, { documentUri, cursor: origin.cursor });
    written.workspaceNames.remember(body.contentInfo, origin.workspaceFolderName);
  };
}
