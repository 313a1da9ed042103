// What a run (or a preview) would send for a set of sessions: grouped by document, each document's facts read from
// the editor once, mapped at the level the session privacy decides, with the settings in force. Free of side effects.
import type { ActivityInput, MappingOptions } from '../activity/types';
import type { ContentSettings, SettingsReport } from '../settings/validSettings';
import type { SessionPrivacy } from '../privacy/sessionPrivacy';
import type { Session } from '../tracking/types';
import { planRequests, sessionsByDocument, type Plan } from './plan';

/** What planning needs from the editor. */
export interface PlanningEditor {
  /** The running session as the tracker holds it now, if any. */
  currentSession(): Session | undefined;
  /** The editor's facts about a document (folder, git, language), for its activity. */
  activityInput(documentUri: string, sessions: Session[]): ActivityInput;
  /** The mapper's options for these content settings (the editor's URL scheme and name added). */
  mappingOptions(content: ContentSettings): MappingOptions;
}

export interface PlannerOptions {
  settings: () => SettingsReport;
  /** Tells the person about settings that could not be used (once per problem). */
  reportProblems: (problems: string[]) => void;
  editor: PlanningEditor;
  privacy: Pick<SessionPrivacy, 'levelOf' | 'publishLevel'>;
  /** The sessions waiting in the outbox. */
  queued: () => Session[];
}

export class Planner {
  constructor(private readonly options: PlannerOptions) {}

  /** What the next run would send: the queue, and the running session at the level it has (or would get now). */
  planPending(): Plan {
    const { editor, privacy, queued } = this.options;
    const running = editor.currentSession();
    const current = running && { ...running, privacy: privacy.levelOf(running) };
    const waiting = queued();
    return this.plan(current ? [...waiting.filter((s) => s.id !== current.id), current] : waiting);
  }

  /** The PUTs for these sessions, one per document, each at the level the session privacy gives it now. */
  plan(sessions: readonly Session[]): Plan {
    const { settings, reportProblems, editor, privacy } = this.options;
    const { settings: current, problems } = settings();
    reportProblems(problems);
    const plan: Plan = { requests: [], problems: [] };
    for (const [uri, group] of sessionsByDocument(sessions)) {
      const input = editor.activityInput(uri, group);
      const level = privacy.publishLevel(input.documentUri, input.sessions);
      const options = editor.mappingOptions({ ...current.content, privacy: level });
      const part = planRequests([input], options, current.graph.endpoint);
      plan.requests.push(...part.requests);
      plan.problems.push(...part.problems);
    }
    return plan;
  }
}
