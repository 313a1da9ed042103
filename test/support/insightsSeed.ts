// A deterministic activity feed from several machines, for the Insights tests and benchmark: the activities to
// seed into the emulator, and the same sessions flat, so figures can be computed independently of the extension.
import { createHash } from 'node:crypto';

export interface SeedSpec {
  days: number;
  files: number;
  sessionsPerFile: number;
  machines: readonly string[];
  now: number;
  seed?: number;
}

export interface SeededSession {
  id: string;
  appActivityId: string;
  file: string;
  /** The contentInfo workspace tag, or undefined for files published without one. */
  workspaceKey?: string;
  /** The workspace's published name (at the levels that publish it). */
  workspaceName?: string;
  language: string;
  machine: string;
  startedAt: number;
  lastActiveAt: number;
  activeSeconds: number;
}

/** Workspaces of the seeded feed: one named (privacy full), one only tagged (private levels), files of none. */
export const SEED_WORKSPACES = [
  { key: 'w:5e1fa0c2b7d94e31a8c06f2d9b4e7a13', name: 'shop' },
  { key: 'w:c0ffee00d15ea5e5a11ce0b0b1234567', name: undefined },
  { key: undefined, name: undefined },
] as const;

const LANGUAGES = [
  ['ts', 'TypeScript'],
  ['md', 'Markdown'],
  ['py', 'Python'],
] as const;

function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function guid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Every workspace gets files of every language. */
function languageOf(index: number): (typeof LANGUAGES)[number] {
  return LANGUAGES[Math.floor(index / SEED_WORKSPACES.length) % LANGUAGES.length];
}

function fileName(index: number): string {
  const [ext] = languageOf(index);
  // One name a spreadsheet would run as a formula and one that looks like markup: both must arrive as plain text.
  if (index === 4) return `=HYPERLINK("https://example.test")-${index}.${ext}`;
  if (index === 5) return `<img src=x onerror=alert(1)>-${index}.${ext}`;
  return `module-${index}.${ext}`;
}

export function seedFeed(spec: SeedSpec): { activities: Record<string, unknown>[]; sessions: SeededSession[] } {
  const random = prng(spec.seed ?? 20261126);
  const today = new Date(spec.now);
  const activities: Record<string, unknown>[] = [];
  const sessions: SeededSession[] = [];
  for (let f = 0; f < spec.files; f++) {
    const workspace = SEED_WORKSPACES[f % SEED_WORKSPACES.length];
    const language = languageOf(f)[1];
    const file = fileName(f);
    const appActivityId = `h:${createHash('sha256').update(`seed-file-${f}`).digest('hex')}`;
    const items: Record<string, unknown>[] = [];
    for (let s = 0; s < spec.sessionsPerFile; s++) {
      const daysAgo = Math.floor(random() * spec.days);
      const hour = 7 + Math.floor(random() * 14);
      const minute = Math.floor(random() * 60);
      const startedAt = new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo, hour, minute).getTime();
      const activeSeconds = 120 + Math.floor(random() * 3480);
      const lastActiveAt = startedAt + activeSeconds * 1000 + Math.floor(random() * 600) * 1000;
      const machine = spec.machines[Math.floor(random() * spec.machines.length)];
      const id = guid(`${appActivityId}/${s}`);
      items.push({
        id,
        startedDateTime: new Date(startedAt).toISOString(),
        lastActiveDateTime: new Date(lastActiveAt).toISOString(),
        activeDurationSeconds: activeSeconds,
      });
      sessions.push({
        id,
        appActivityId,
        file,
        ...(workspace.key ? { workspaceKey: workspace.key } : {}),
        ...(workspace.name ? { workspaceName: workspace.name } : {}),
        language,
        machine,
        startedAt,
        lastActiveAt,
        activeSeconds,
      });
    }
    activities.push({
      appActivityId,
      activitySourceHost: 'https://activity-feed.github.io',
      activationUrl: `vscode://activity-feed.graph-activity-feed/open?id=${encodeURIComponent(appActivityId)}`,
      appDisplayName: 'Visual Studio Code',
      visualElements: { displayText: file, description: `${language} · Visual Studio Code` },
      contentInfo: {
        '@context': 'https://schema.org',
        '@type': 'SoftwareSourceCode',
        name: file,
        programmingLanguage: language,
        ...(workspace.key
          ? {
              isPartOf: {
                '@type': 'SoftwareSourceCode',
                identifier: workspace.key,
                ...(workspace.name ? { name: workspace.name } : {}),
              },
            }
          : {}),
      },
      historyItems: items,
    });
  }
  return { activities, sessions };
}
