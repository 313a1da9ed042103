// The pure helpers: glob matching, document classification and exclusion, configuration validation.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyDocument, isExcluded, schemeOf } from '../../../src/tracking/documentFilter';
import { DEFAULT_TRACKING_CONFIG, TRACKING_CONFIG_RANGES, validateTrackingConfig } from '../../../src/tracking/engineConfig';
import { matchesAnyGlob, matchesGlob } from '../../../src/tracking/glob';

describe('glob matcher', () => {
  const cases: Array<[pattern: string, path: string, expected: boolean]> = [
    ['**/*.ts', 'a.ts', true],
    ['**/*.ts', 'src/deep/a.ts', true],
    ['**/*.ts', 'src/a.tsx', false],
    ['*.ts', 'src/a.ts', false],
    ['*.ts', 'a.ts', true],
    ['src/**', 'src', true],
    ['src/**', 'src/a/b.ts', true],
    ['src/**', 'srcx/a.ts', false],
    ['src/**/test/*.ts', 'src/test/a.ts', true],
    ['src/**/test/*.ts', 'src/x/y/test/a.ts', true],
    ['src/**/test/*.ts', 'src/x/y/test/sub/a.ts', false],
    ['a?.md', 'ab.md', true],
    ['a?.md', 'a/.md', false],
    ['*.{md,txt}', 'notes.txt', true],
    ['*.{md,txt}', 'notes.ts', false],
    ['{src,lib}/**/*.{js,ts}', 'lib/x/y.js', true],
    ['**/{secret,private{,s}}/**', 'a/privates/key.pem', true],
    ['**/{secret,private{,s}}/**', 'a/public/key.pem', false],
    ['file[0-9].log', 'file7.log', true],
    ['file[0-9].log', 'filex.log', false],
    ['file[!0-9].log', 'filex.log', true],
    ['file[^0-9].log', 'file1.log', false],
    ['**/report (1).pdf', 'docs/report (1).pdf', true],
    ['**/a+b.ts', 'x/a+b.ts', true],
    ['**/a+b.ts', 'x/aab.ts', false],
    ['!notes.md', '!notes.md', true],
    ['$HOME/x', '$HOME/x', true],
    ['*.env', '.env', true],
    ['**/.git/**', 'repo/.git/config', true],
    ['**/src/./a.ts', 'x/src/a.ts', false],
    ['**/.env', '.env', true],
    ['**/.env', 'app/.env', true],
    ['/home/me/secret/**', '/home/me/secret/x/y.ts', true],
    ['C:/work/**', 'C:\\work\\a.ts', true],
    ['a+b(1).ts', 'a+b(1).ts', true],
    ['**', 'anything/at/all', true],
    ['[z-a].ts', 'b.ts', false],
    ['[z-a].ts', '[z-a].ts', true],
    ['{a,b', '{a,b', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${expected ? 'matches' : 'does not match'} ${path} with ${pattern}`, () => {
      assert.equal(matchesGlob(path, pattern), expected);
    });
  }

  it('ignores empty patterns and accepts a list', () => {
    assert.equal(matchesGlob('a.ts', '  '), false);
    assert.equal(matchesAnyGlob('a.ts', ['', '*.md', '*.ts']), true);
    assert.equal(matchesAnyGlob('a.ts', []), false);
  });

  it('matches any literal path against itself (property)', () => {
    // "." and ".." are not names: paths are normalised before matching.
    const segment = fc
      .stringMatching(/^[A-Za-z0-9._+()$^=-][A-Za-z0-9 ._+()$^=-]{0,6}[A-Za-z0-9._+()$^=-]$/)
      .filter((s) => s !== '..' && s !== '.');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = segments.join('/');
        return matchesGlob(path, path) && matchesGlob(path, `**/${segments[segments.length - 1] ?? ''}`);
      }),
    );
  });

  it('never throws on arbitrary patterns (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[az[\]{}*?!^,/.-]{0,12}$/)), fc.string(), (pattern, path) => {
        matchesGlob(path, pattern);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('document classification', () => {
  it('reads the scheme of a URI string', () => {
    assert.equal(schemeOf('file:///a.ts'), 'file');
    assert.equal(schemeOf('Untitled:Untitled-1'), 'untitled');
    assert.equal(schemeOf('no-scheme'), '');
  });

  it('follows the documented table', () => {
    assert.equal(classifyDocument('file:///a.ts'), 'tracked');
    assert.equal(classifyDocument('vscode-remote://wsl%2Bubuntu/home/a.ts'), 'tracked');
    assert.equal(classifyDocument('untitled:Untitled-1'), 'untitled');
    assert.equal(classifyDocument('vscode-notebook-cell:/a.ipynb#cell'), 'notebookCell');
    for (const scheme of [
      'output',
      'git',
      'vscode-settings',
      'vscode-userdata',
      'vscode-scm',
      'walkThrough',
      'debug',
      'search-editor',
      'vscode-vfs',
      'comment',
    ]) {
      assert.equal(classifyDocument(`${scheme}:/x`), 'ignored', scheme);
    }
  });

  it('excludes by relative or absolute path, or by the per-workspace switch', () => {
    const paths = { relativePath: 'secrets/a.env', absolutePath: '/home/me/project/secrets/a.env' };
    assert.equal(isExcluded(paths, { trackingEnabled: true, exclude: [] }), false);
    assert.equal(isExcluded(paths, { trackingEnabled: true, exclude: ['secrets/**'] }), true);
    assert.equal(isExcluded(paths, { trackingEnabled: true, exclude: ['/home/me/**/*.env'] }), true);
    assert.equal(isExcluded(paths, { trackingEnabled: true, exclude: ['**/*.ts'] }), false);
    assert.equal(isExcluded(paths, { trackingEnabled: false, exclude: [] }), true);
    assert.equal(isExcluded({}, { trackingEnabled: true, exclude: ['**'] }), false, 'nothing to match against');
  });
});

describe('tracking configuration', () => {
  it('uses the defaults when nothing is set', () => {
    assert.deepEqual(validateTrackingConfig(undefined), { config: DEFAULT_TRACKING_CONFIG, problems: [] });
    assert.deepEqual(validateTrackingConfig({}).config, DEFAULT_TRACKING_CONFIG);
    assert.equal(DEFAULT_TRACKING_CONFIG.idleTimeoutSeconds, 300);
    assert.equal(DEFAULT_TRACKING_CONFIG.minimumSessionSeconds, 10);
  });

  it('clamps out-of-range values and says so', () => {
    const { config, problems } = validateTrackingConfig({ idleTimeoutSeconds: 5, checkpointIntervalSeconds: 1e9 });
    assert.equal(config.idleTimeoutSeconds, TRACKING_CONFIG_RANGES.idleTimeoutSeconds.min);
    assert.equal(config.checkpointIntervalSeconds, TRACKING_CONFIG_RANGES.checkpointIntervalSeconds.max);
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /idleTimeoutSeconds: 5 is outside 30–7200; using 30/);
  });

  it('falls back to the default for values that are not numbers', () => {
    const { config, problems } = validateTrackingConfig({ minimumSessionSeconds: 'ten', blurGraceSeconds: Number.NaN });
    assert.equal(config.minimumSessionSeconds, DEFAULT_TRACKING_CONFIG.minimumSessionSeconds);
    assert.equal(config.blurGraceSeconds, DEFAULT_TRACKING_CONFIG.blurGraceSeconds);
    assert.equal(problems.length, 2);
  });

  it('keeps the graces within the idle timeout', () => {
    const { config, problems } = validateTrackingConfig({
      idleTimeoutSeconds: 60,
      switchGraceSeconds: 100,
      blurGraceSeconds: 300,
    });
    assert.equal(config.switchGraceSeconds, 60);
    assert.equal(config.blurGraceSeconds, 60);
    assert.equal(problems.length, 2);
  });

  it('always yields values inside their ranges (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...Object.keys(DEFAULT_TRACKING_CONFIG)),
          fc.oneof(fc.double(), fc.string(), fc.constant(null)),
        ),
        (raw) => {
          const { config } = validateTrackingConfig(raw);
          for (const [key, range] of Object.entries(TRACKING_CONFIG_RANGES)) {
            const value = config[key as keyof typeof config];
            if (!(value >= range.min && value <= range.max)) return false;
          }
          return config.switchGraceSeconds <= config.idleTimeoutSeconds && config.blurGraceSeconds <= config.idleTimeoutSeconds;
        },
      ),
    );
  });
});
