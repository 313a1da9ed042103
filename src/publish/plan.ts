// Plans a publishing run: exactly what would be sent for the pending sessions (the request line and JSON body of each
// PUT), each with what this machine remembers once Graph holds it. A preview renders the same plan and sends nothing.
import { buildActivityPayloads } from '../activity/payloads';
import { InvalidMappingOptionsError } from '../activity/options';
import { PayloadValidationError } from '../activity/validate';
import type { ActivityInput, MappingOptions } from '../activity/types';
import type { UserActivityRequest } from '../graph/types';
import type { CursorPosition, Session } from '../tracking/types';
import { activityPath } from '../graph/paths';
import { localize } from '../text/l10n';

export interface PlannedRequest {
  /** The local document the request is for (never sent: at the private levels the body does not name it). */
  documentUri: string;
  /** What only this machine knows of where it came from, remembered once Graph holds it (never sent). */
  origin: RequestOrigin;
  method: 'PUT';
  url: string;
  body: UserActivityRequest;
}

/** Where the user left off and in which workspace folder: the activity's link and Insights' names use them. */
export interface RequestOrigin {
  cursor?: CursorPosition;
  workspaceFolderName?: string;
}

export interface Plan {
  requests: PlannedRequest[];
  /** Documents whose payload could not be built, with the reason a person can act on. */
  problems: { documentUri: string; message: string }[];
}

/** Sessions grouped by their document (one activity each), in order of first appearance. */
export function sessionsByDocument(sessions: readonly Session[]): Map<string, Session[]> {
  const groups = new Map<string, Session[]>();
  for (const session of sessions) {
    const group = groups.get(session.documentUri);
    if (group) group.push(session);
    else groups.set(session.documentUri, [session]);
  }
  return groups;
}

export function planRequests(inputs: readonly ActivityInput[], options: MappingOptions, graphEndpoint: string): Plan {
  const plan: Plan = { requests: [], problems: [] };
  for (const input of inputs) {
    try {
      for (const body of buildActivityPayloads(input, options)) {
        plan.requests.push({
          documentUri: input.documentUri,
          origin: { cursor: input.cursor, workspaceFolderName: input.workspaceFolderName },
          method: 'PUT',
          // The client sends the same path, built by the same function, under the same endpoint.
          url: `${graphEndpoint}${activityPath(body.appActivityId)}`,
          body,
        });
      }
    } catch (error) {
      if (!(error instanceof InvalidMappingOptionsError || error instanceof PayloadValidationError)) throw error;
      plan.problems.push({ documentUri: input.documentUri, message: error.message });
    }
  }
  return plan;
}

/** The plan as a JSON-with-comments text: one block per request. */
export function renderPlan(plan: Plan, note: string): string {
  const lines = [`// ${note}`, `// ${localize('Dry run: nothing has been sent.')}`, ''];
  if (plan.requests.length === 0 && plan.problems.length === 0)
    lines.push(`// ${localize('No pending sessions: nothing would be sent.')}`);
  for (const request of plan.requests) {
    lines.push(`// ${request.method} ${request.url}`, JSON.stringify(request.body, null, 2), '');
  }
  for (const problem of plan.problems) {
    lines.push(
      `// ${localize('Not sendable: {0}', problem.documentUri)}`,
      ...problem.message.split('\n').map((l) => `//   ${l}`),
      '',
    );
  }
  return lines.join('\n');
}
