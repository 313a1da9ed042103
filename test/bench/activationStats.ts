// Reads the "Extension Activation Stats" table of VS Code's "Developer: Startup Performance" document: one row per
// activated extension, with the times the editor measured (ActivationTimes), in milliseconds.

export interface EditorActivationRow {
  extensionId: string;
  /** Activated eagerly, by `*` (onStartupFinished is not eager: it waits until the workbench has started). */
  eager: boolean;
  /** Loading the extension's main module (require). */
  loadCodeMs: number;
  /** The synchronous part of activate(). */
  activateCallMs: number;
  /** Until the promise activate() returned settled. */
  activateResolvedMs: number;
  activationEvent: string;
}

const HEADING = '## Extension Activation Stats';

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Rows of the table; an empty list while the document still says "Loading..." or lists no extension. */
export function parseActivationStats(markdown: string): EditorActivationRow[] {
  const at = markdown.indexOf(HEADING);
  if (at < 0) return [];
  const lines = markdown.slice(at + HEADING.length).split('\n');
  const table: string[][] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (table.length > 0) break;
      continue;
    }
    if (!line.trim().startsWith('|')) break;
    table.push(cells(line));
  }
  const [header, , ...body] = table;
  if (header === undefined) return [];
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`the activation table has no "${name}" column: ${header.join(', ')}`);
    return index;
  };
  const id = column('Extension');
  const eager = column('Eager');
  const load = column('Load Code');
  const call = column('Call Activate');
  const resolved = column('Finish Activate');
  const event = column('Event');
  return body.map((row) => ({
    extensionId: row[id] ?? '',
    eager: row[eager] === 'true',
    loadCodeMs: Number(row[load]),
    activateCallMs: Number(row[call]),
    activateResolvedMs: Number(row[resolved]),
    activationEvent: row[event] ?? '',
  }));
}
