// The part of git's config format the activity needs: sections, subsections and single-line values. Parsed by
// hand in one pass per line so a hostile config (it comes with the repository) costs time linear in its size.

type Sections = Map<string, Map<string, string>>;

/** Longer lines are skipped, which keeps a crafted config's cost small (no URL or section name comes close). */
const MAX_LINE = 8192;

/** The URL of the branch's upstream remote, else "origin", else the first remote. */
export function readRemoteUrl(config: string, branch: string | undefined): string | undefined {
  const sections = parseGitConfig(config);
  const upstream = branch ? sections.get(`branch "${branch}"`)?.get('remote') : undefined;
  const remotes = [...sections.keys()].filter((k) => k.startsWith('remote "'));
  const pick = [upstream && `remote "${upstream}"`, 'remote "origin"', remotes[0]].find((k) => k && sections.get(k)?.get('url'));
  return pick ? sections.get(pick)?.get('url') : undefined;
}

function parseGitConfig(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.length > MAX_LINE) {
      // Not a remote or branch anyone set up; an overlong header still ends the section before it.
      if (line.startsWith('[')) current = undefined;
      continue;
    }
    if (line.startsWith('[')) {
      current = sectionFor(sections, sectionHeader(line));
      continue;
    }
    const entry = parseEntry(line);
    if (entry && current) current.set(entry.key, entry.value);
  }
  return sections;
}

function sectionFor(sections: Sections, name: string | undefined): Map<string, string> | undefined {
  if (name === undefined) return undefined;
  const section = sections.get(name) ?? new Map<string, string>();
  sections.set(name, section);
  return section;
}

/** `[core]` → `core`, `[remote "origin"]` → `remote "origin"`; undefined when malformed. */
function sectionHeader(line: string): string | undefined {
  let at = 1;
  while (at < line.length && !isBlank(line[at]) && line[at] !== ']' && line[at] !== '"') at++;
  const name = line.slice(1, at).toLowerCase();
  at = skipBlanks(line, at);
  if (name === '') return undefined;
  if (line[at] === ']') return name;
  if (line[at] !== '"') return undefined;
  const subsection = readQuoted(line, at + 1);
  return subsection && line[subsection.end] === ']' ? `${name} "${subsection.text}"` : undefined;
}

/** A quoted subsection name from just after its opening quote: `\x` stands for `x`, as in git. */
function readQuoted(line: string, start: number): { text: string; end: number } | undefined {
  const parts: string[] = [];
  let from = start;
  for (let at = start; at < line.length; at++) {
    if (line[at] === '"') {
      parts.push(line.slice(from, at));
      return { text: parts.join(''), end: at + 1 };
    }
    if (line[at] === '\\') {
      parts.push(line.slice(from, at));
      from = ++at;
    }
  }
  return undefined;
}

/** `key = value`; a key is a letter followed by letters, digits and dashes. */
function parseEntry(line: string): { key: string; value: string } | undefined {
  if (!isLetter(line[0])) return undefined;
  let at = 1;
  while (at < line.length && (isLetter(line[at]) || isDigit(line[at]) || line[at] === '-' || line[at] === '_')) at++;
  const key = line.slice(0, at).toLowerCase();
  at = skipBlanks(line, at);
  return line[at] === '=' ? { key, value: parseValue(line, at + 1) } : undefined;
}

/** A value: quotes removed, escapes applied, cut at `#` or `;` outside quotes, trimmed. */
function parseValue(line: string, start: number): string {
  const parts: string[] = [];
  let quoted = false;
  let from = start;
  let at = start;
  for (; at < line.length; at++) {
    const char = line[at];
    if (!quoted && (char === '#' || char === ';')) break;
    if (char === '"') {
      parts.push(line.slice(from, at));
      quoted = !quoted;
      from = at + 1;
    } else if (char === '\\') {
      parts.push(line.slice(from, at), unescape(line[at + 1]));
      from = ++at + 1;
    }
  }
  parts.push(line.slice(from, at));
  return parts.join('').trim();
}

function unescape(char: string | undefined): string {
  if (char === 'n') return '\n';
  if (char === 't') return '\t';
  if (char === 'b') return '\b';
  return char ?? '';
}

function skipBlanks(line: string, start: number): number {
  let at = start;
  while (at < line.length && isBlank(line[at])) at++;
  return at;
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\r';
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
