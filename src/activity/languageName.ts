// Readable names for common VS Code language ids; anything else is shown with its first letter capitalized.

const NAMES: Record<string, string> = {
  bat: 'Batch', c: 'C', clojure: 'Clojure', coffeescript: 'CoffeeScript', cpp: 'C++', csharp: 'C#', css: 'CSS',
  dart: 'Dart', dockerfile: 'Dockerfile', elixir: 'Elixir', erlang: 'Erlang', fsharp: 'F#', go: 'Go',
  graphql: 'GraphQL', groovy: 'Groovy', haskell: 'Haskell', html: 'HTML', ini: 'INI', java: 'Java',
  javascript: 'JavaScript', javascriptreact: 'JavaScript React', json: 'JSON', jsonc: 'JSON with Comments',
  julia: 'Julia', kotlin: 'Kotlin', latex: 'LaTeX', less: 'Less', lua: 'Lua', makefile: 'Makefile',
  markdown: 'Markdown', 'objective-c': 'Objective-C', ocaml: 'OCaml', perl: 'Perl', php: 'PHP',
  plaintext: 'Plain Text', powershell: 'PowerShell', python: 'Python', r: 'R', ruby: 'Ruby', rust: 'Rust',
  scala: 'Scala', scss: 'SCSS', shellscript: 'Shell Script', sql: 'SQL', swift: 'Swift', toml: 'TOML',
  typescript: 'TypeScript', typescriptreact: 'TypeScript React', vue: 'Vue', xml: 'XML', yaml: 'YAML', zig: 'Zig',
};

export function languageDisplayName(languageId: string): string {
  const known = NAMES[languageId];
  if (known) return known;
  return languageId ? languageId.charAt(0).toUpperCase() + languageId.slice(1) : 'Plain Text';
}
