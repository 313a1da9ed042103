// The manifest, the code and the README describe the same settings and commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMPLATE_VARIABLES } from '../../src/activity/template';
import { DEFAULT_SETTINGS } from '../../src/settings/validSettings';
import { DEFAULT_TRACKING_CONFIG, TRACKING_CONFIG_RANGES } from '../../src/tracking/engineConfig';
import { COMMANDS } from '../../src/platform/commandIds';

interface SettingSchema {
  default?: unknown;
  minimum?: number;
  maximum?: number;
  scope?: string;
  markdownDescription?: string;
}
const root = path.resolve(__dirname, '..', '..');
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** The manifest as the editor shows it in English: every `%key%` replaced by its text from package.nls.json. */
function resolveNls(value: unknown): unknown {
  if (typeof value === 'string') {
    const key = /^%([\w.-]+)%$/.exec(value)?.[1];
    return key !== undefined && key in nls ? nls[key] : value;
  }
  if (Array.isArray(value)) return value.map(resolveNls);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveNls(v)]));
  return value;
}
const manifest = resolveNls(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; category: string }[];
    configuration: { properties: Record<string, SettingSchema> }[];
  };
};
const settings: Record<string, SettingSchema> = Object.fromEntries(
  manifest.contributes.configuration.flatMap((s) => Object.entries(s.properties)),
);
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('manifest', () => {
  it('gives the tracking settings the defaults and ranges the tracker uses', () => {
    for (const [key, value] of Object.entries(DEFAULT_TRACKING_CONFIG)) {
      const schema = settings[`activityFeed.tracking.${key}`];
      assert.ok(schema, `activityFeed.tracking.${key} is not contributed`);
      assert.equal(schema.default, value);
      const range = TRACKING_CONFIG_RANGES[key as keyof typeof TRACKING_CONFIG_RANGES];
      assert.deepEqual([schema.minimum, schema.maximum], [range.min, range.max], `range of ${key}`);
    }
  });

  it('gives the content and Graph settings the defaults the code falls back to', () => {
    const c = DEFAULT_SETTINGS.content;
    assert.equal(settings['activityFeed.privacy'].default, c.privacy);
    assert.equal(settings['activityFeed.backgroundColor'].default, c.backgroundColor);
    assert.equal(settings['activityFeed.activitySourceHost'].default, c.activitySourceHost);
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS.graph)) {
      const schema = settings[`activityFeed.graph.${key}`];
      if (schema) assert.equal(schema.default, value, `activityFeed.graph.${key}`);
    }
    assert.equal(settings['activityFeed.graph.endpoint'].default, DEFAULT_SETTINGS.graph.endpoint);
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS.auth))
      assert.equal(settings[`activityFeed.auth.${key}`].default, value, `activityFeed.auth.${key}`);
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS.publish))
      assert.equal(settings[`activityFeed.publish.${key}`].default, value, `activityFeed.publish.${key}`);
  });

  it('describes every setting with markdown and an explicit scope', () => {
    for (const [key, schema] of Object.entries(settings)) {
      assert.ok(schema.markdownDescription && schema.markdownDescription.length > 20, `${key} has no markdownDescription`);
      assert.ok(schema.scope, `${key} has no scope`);
    }
  });

  it('reads settings that route tokens only from user settings, and restricts them in untrusted workspaces', () => {
    for (const key of [
      'activityFeed.graph.endpoint',
      'activityFeed.activitySourceHost',
      'activityFeed.auth.clientId',
      'activityFeed.auth.tenant',
      'activityFeed.auth.authorityHost',
    ]) {
      assert.equal(settings[key].scope, 'application', `${key} must be application-scoped`);
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), `${key} is not restricted`);
    }
  });

  it('lets only the user set the texts that leave the machine: the templates are application-scoped and restricted', () => {
    for (const key of ['activityFeed.displayTextTemplate', 'activityFeed.descriptionTemplate']) {
      assert.equal(settings[key].scope, 'application', `${key} must be application-scoped`);
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), `${key} is not restricted`);
    }
  });

  it('lists every template variable in the template settings', () => {
    for (const variable of TEMPLATE_VARIABLES) {
      assert.ok(
        settings['activityFeed.displayTextTemplate'].markdownDescription?.includes(`\${${variable}}`),
        `\${${variable}} is not documented`,
      );
    }
  });

  it('contributes exactly the commands the code registers, each in the Activity Feed category', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Activity Feed');
  });

  it('documents every setting and its default in the README', () => {
    for (const [key, schema] of Object.entries(settings)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\``));
      assert.ok(row, `README has no row for ${key}`);
      // A pipe in a table cell is written \| (even in code), or it would end the cell.
      assert.ok(
        row.replaceAll('\\|', '|').includes(`\`${JSON.stringify(schema.default)}\``),
        `README row of ${key} does not show its default ${JSON.stringify(schema.default)}`,
      );
    }
  });
});
